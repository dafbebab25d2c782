// Starting the exploration agent: the body for the pull request, one shorter retry when the API
// finds the description too large, and no repeat of a request that may have started a run.
import { agentBody } from './agent-body.js'
import type { StartApi } from '../api/api-client.js'
import type { ReadyAgentRequest } from '../model.js'
import { PrTextLimits } from './pr-text.js'
import type { PullRequestFacts } from '../github/pull-request.js'
import { sendStart, type StartAborted, type StartTiming } from './start-runs.js'

export type AgentStartOutcome =
  | {
      kind: 'started'
      runId: string
      answer: unknown
      /** The body that started it (after any shorter second try): what a retry sends again. */
      body: object
    }
  /** `timedOut`: the step's `timeout` ended it. */
  | { kind: 'failed'; message: string; timedOut?: boolean }
  | StartAborted

/** A 413, or a 400 whose message names the description: a refused request that started nothing. */
const tooLarge = (status: number, message: string): boolean =>
  status === 413 || (status === 400 && /description/i.test(message))

export async function startAgent(
  options: StartTiming & {
    api: Pick<StartApi, 'startAgent'>
    request: ReadyAgentRequest
    pr: PullRequestFacts
    /** The URL to test (the input, or the deployment's); web only. */
    targetUrl?: string
  }
): Promise<AgentStartOutcome> {
  const { api, request } = options
  const what = `the exploration agent for pull request #${options.pr.number}`
  let descriptionMax: number = PrTextLimits.descriptionMaxChars
  let sent: object = {}
  const answer = await sendStart({
    ...options,
    what,
    send: (timeoutMs, signal) => {
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
      sent = body
      return api.startAgent(request.projectId, body, { ...(signal ? { signal } : {}), timeoutMs })
    },
    again: ({ status, message }) => {
      if (!tooLarge(status, message) || descriptionMax <= PrTextLimits.descriptionRetryMaxChars)
        return false
      descriptionMax = PrTextLimits.descriptionRetryMaxChars
      options.onRetry?.(
        `${message}: the request was too large; trying once more with the description cut to ${PrTextLimits.descriptionRetryMaxChars.toLocaleString('en-US')} characters`,
        0
      )
      return true
    },
    refused: ({ status }) =>
      status === 404
        ? 'check project-id and that the API key belongs to the team that owns the project'
        : status === 400 || status === 413
          ? 'check the inputs passed to the start request (target-url, platform, app-id)'
          : status === 401 || status === 403
            ? 'check the api-key input or the TESTERARMY_API_KEY secret'
            : null
  })
  if (answer.kind !== 'started') return answer
  const [runId] = answer.runIds
  if (runId) return { kind: 'started', runId, answer: answer.answer, body: sent }
  return { kind: 'failed', message: `the API started ${what} but named no run` }
}
