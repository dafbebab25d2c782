// Starting the exploration agent: the body for the pull request, one shorter retry when the API
// finds the description too large, and no repeat of a request that may have started a run.
import { agentBody } from './agent-body.js'
import type { StartApi } from './api-client.js'
import type { Clock } from './clock.js'
import { Limits } from './constants.js'
import type { ReadyAgentRequest } from './model.js'
import { PrTextLimits } from './pr-text.js'
import type { PullRequestFacts } from './pull-request.js'
import { backoffMs } from './retry-policy.js'
import { canRetryStart } from './start-runs.js'

export type AgentStartOutcome =
  | { kind: 'started'; runId: string; answer: unknown }
  | { kind: 'failed'; message: string }
  | { kind: 'aborted' }

/** A 413, or a 400 whose message names the description: a refused request that started nothing. */
const tooLarge = (status: number, message: string): boolean =>
  status === 413 || (status === 400 && /description/i.test(message))

export async function startAgent(options: {
  api: Pick<StartApi, 'startAgent'>
  request: ReadyAgentRequest
  pr: PullRequestFacts
  /** The URL to test (the input, or the deployment's); web only. */
  targetUrl?: string
  clock: Clock
  deadline: number
  pollIntervalMs: number
  signal?: AbortSignal
  random?: () => number
  onRetry?: (message: string, delayMs: number) => void
}): Promise<AgentStartOutcome> {
  const { api, request, clock, deadline, signal } = options
  const what = `the exploration agent for pull request #${options.pr.number}`
  let descriptionMax: number = PrTextLimits.descriptionMaxChars
  for (let failures = 1; ; failures++) {
    const body = agentBody(
      {
        platform: request.platform,
        targetUrl: options.targetUrl,
        appId: request.appId,
        simulatorRegion: request.simulatorRegion
      },
      options.pr,
      descriptionMax
    )
    const answer = await api.startAgent(request.projectId, body, {
      signal,
      timeoutMs: Math.max(1, Math.min(Limits.requestTimeoutMs, deadline - clock.now()))
    })
    if (answer.kind === 'aborted') return answer
    if (answer.kind === 'started') {
      const [runId] = answer.runIds
      if (runId) return { kind: 'started', runId, answer: answer.answer }
      return { kind: 'failed', message: `the API started ${what} but named no run` }
    }
    const message = answer.message
    if (answer.kind === 'http-error') {
      if (
        tooLarge(answer.status, message) &&
        descriptionMax > PrTextLimits.descriptionRetryMaxChars
      ) {
        descriptionMax = PrTextLimits.descriptionRetryMaxChars
        options.onRetry?.(
          `${message}: the request was too large; trying once more with the description cut to ${PrTextLimits.descriptionRetryMaxChars.toLocaleString('en-US')} characters`,
          0
        )
        continue
      }
      if ([400, 401, 403, 404, 413].includes(answer.status)) {
        const hint =
          answer.status === 404
            ? 'check project-id and that the API key belongs to the team that owns the project'
            : answer.status === 400 || answer.status === 413
              ? 'check the inputs passed to the start request (target-url, platform, app-id)'
              : 'check the api-key input or the TESTERARMY_API_KEY secret'
        return {
          kind: 'failed',
          message: `the TesterArmy API refused to start ${what} (${message}); ${hint}`
        }
      }
    }
    if (!canRetryStart(answer)) {
      return {
        kind: 'failed',
        message:
          `starting ${what} failed (${message}); not retried, because the request may have reached TesterArmy ` +
          `and a second one could start a second run. Check the TesterArmy dashboard.`
      }
    }
    const wait =
      answer.kind === 'http-error' && answer.retryAfterMs !== null
        ? Math.max(answer.retryAfterMs, options.pollIntervalMs)
        : backoffMs(failures, options.pollIntervalMs, options.random ?? Math.random)
    if (clock.now() + wait >= deadline) {
      return {
        kind: 'failed',
        message: `could not start ${what} before the timeout (last error: ${message})`
      }
    }
    options.onRetry?.(message, wait)
    await clock.sleep(wait, signal)
    if (signal?.aborted) return { kind: 'aborted' }
  }
}
