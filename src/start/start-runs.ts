// Starting runs: the request body from the inputs and the workflow, the rule that a start request
// (of a test or group, or of the agent) is repeated only when it cannot have started a run already,
// and what a run the API cancelled as it started looks like in the report.
import type { StartApi, StartRunsResponse } from '../api/api-client.js'
import type { Clock } from '../clock.js'
import { Limits } from '../constants.js'
import type { HttpError, StartRequest } from '../model.js'
import { retryDelayMs } from '../api/retry-policy.js'
import type { WorkflowContext } from '../workflow-context.js'

/** The start request's body, with only what was given (bodies per the API description). */
export function startBody(
  request: StartRequest,
  context: Pick<WorkflowContext, 'sha' | 'prNumber'>
): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  const put = (key: string, value: unknown): void => {
    if (value !== undefined && value !== null && value !== '') body[key] = value
  }
  put('platform', request.platform)
  put('deviceModel', request.deviceModel)
  put('projectEnvironmentId', request.environmentId)
  if (request.kind === 'test') {
    put('mode', request.mode)
    put('appId', request.appId)
    return body
  }
  put('targetUrl', request.targetUrl)
  put('environment', request.environment)
  if (request.appId) body.mobile = { appId: request.appId }
  put('commitSha', context.sha)
  put('prNumber', context.prNumber)
  return body
}

export type StartOutcome =
  | {
      kind: 'started'
      runIds: string[]
      cancelledRunIds: string[]
      /** A group run's batch, for cancelling it as a whole. */
      batchId?: string
      /** The answer as received, for `metadata.github`. */
      answer?: unknown
      /** The body sent: what `retry-failed` sends again. */
      body?: Record<string, unknown>
    }
  /** `timedOut`: the step's `timeout` ended it (its status is timed_out, not error). */
  | { kind: 'failed'; message: string; timedOut?: boolean }
  | StartAborted

/**
 * The runner cancelled the step before a start was answered. `mayHaveStarted`: the request had
 * been sent and was given up unanswered, so a run may have started.
 */
export interface StartAborted {
  kind: 'aborted'
  mayHaveStarted: boolean
}

/**
 * May this answer be followed by the same request? Only when the request cannot have started a
 * run: it never reached the server (refused, DNS), or the API said so (429, 503). A timeout, a
 * reset after sending, or any other 5xx may hide a run that did start: a second request could
 * start a second one, so the action stops and says so.
 */
export function canRetryStart(answer: StartRunsResponse): boolean {
  if (answer.kind === 'network-error') return !answer.mayHaveArrived
  if (answer.kind === 'http-error') return answer.status === 429 || answer.status === 503
  return false
}

/** How a start request is tried, the same for a test or group and for the agent. */
export interface StartTiming {
  clock: Clock
  deadline: number
  pollIntervalMs: number
  signal?: AbortSignal
  random?: () => number
  onRetry?: (message: string, delayMs: number) => void
}

type Started = Extract<StartRunsResponse, { kind: 'started' }>

/**
 * Sends one start request until it is answered, refused, or may have started a run. It is repeated
 * only when it cannot have (`canRetryStart`), after the server's `Retry-After` or the backoff, and
 * never past the deadline. An HTTP error is first offered to `again` (true: the caller changed the
 * request, send it at once), then to `refused` (a hint: the request is not repeated, and the error
 * says what to check).
 */
export async function sendStart(
  options: StartTiming & {
    /** The start, in the error lines: "a run of test …", "the exploration agent for …". */
    what: string
    /** Sends the request with this limit, ended early by `signal` (the cancel, after a grace). */
    send: (timeoutMs: number, signal: AbortSignal | undefined) => Promise<StartRunsResponse>
    again?: (answer: HttpError) => boolean
    refused: (answer: HttpError) => string | null
  }
): Promise<Started | { kind: 'failed'; message: string; timedOut?: boolean } | StartAborted> {
  const { clock, deadline, signal, what } = options
  for (let failures = 1; ; failures++) {
    if (signal?.aborted) return { kind: 'aborted', mayHaveStarted: false }
    // The timeout already reached (by an upload or a lookup before): nothing is sent, so no run
    // can start that nobody waits for.
    if (failures === 1 && clock.now() >= deadline) {
      return {
        kind: 'failed',
        message: `the timeout was reached before ${what} could be started; nothing was sent`,
        timedOut: true
      }
    }
    // A cancel does not cut the request at once: its answer names the runs it started, which are
    // then cancelled. Unanswered after the grace, it is given up, and a run may have started.
    const grace = graceAfter(signal, Limits.startAnswerGraceMs)
    const answer = await options
      .send(Math.max(1, Math.min(Limits.requestTimeoutMs, deadline - clock.now())), grace.signal)
      .finally(grace.dispose)
    if (answer.kind === 'started') return answer
    if (answer.kind === 'aborted') return { kind: 'aborted', mayHaveStarted: true }
    const message = answer.message
    if (answer.kind === 'http-error') {
      if (options.again?.(answer)) continue
      const hint = options.refused(answer)
      if (hint !== null) {
        return {
          kind: 'failed',
          message: `the TesterArmy API refused to start ${what} (${message}); ${hint}`
        }
      }
    }
    if (!canRetryStart(answer)) {
      // No answer before the step's timeout (each request is cut at it): a timeout, though the
      // request may still have started a run.
      if (answer.kind === 'network-error' && clock.now() >= deadline) {
        return {
          kind: 'failed',
          message: `the timeout was reached while starting ${what} (${message}); the request may have reached TesterArmy and started a run: check the TesterArmy dashboard`,
          timedOut: true
        }
      }
      return {
        kind: 'failed',
        message:
          `starting ${what} failed (${message}); not retried, because the request may have ` +
          `reached TesterArmy and a second one could start a second run. Check the TesterArmy dashboard.`
      }
    }
    const wait = retryDelayMs(
      answer.kind === 'http-error' ? answer.retryAfterMs : null,
      failures,
      options.pollIntervalMs,
      options.random ?? Math.random
    )
    if (clock.now() + wait >= deadline) {
      return {
        kind: 'failed',
        message: `could not start ${what} before the timeout (last error: ${message})`,
        timedOut: true
      }
    }
    options.onRetry?.(message, wait)
    await clock.sleep(wait, signal)
  }
}

/** A signal that aborts `graceMs` after `signal` does (real time, as a request's own limit is). */
function graceAfter(
  signal: AbortSignal | undefined,
  graceMs: number
): { signal: AbortSignal | undefined; dispose: () => void } {
  if (!signal) return { signal: undefined, dispose: () => undefined }
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const onAbort = (): void => {
    timer = setTimeout(() => controller.abort(), graceMs)
  }
  signal.addEventListener('abort', onAbort, { once: true })
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
    }
  }
}

export async function startRuns(
  options: StartTiming & {
    api: StartApi
    request: StartRequest
    context: Pick<WorkflowContext, 'sha' | 'prNumber'>
  }
): Promise<StartOutcome> {
  const { api, request } = options
  const body = startBody(request, options.context)
  const what = `${request.kind === 'test' ? 'test' : 'group'} ${request.id}`
  const answer = await sendStart({
    ...options,
    what: `a run of ${what}`,
    send: (timeoutMs, signal) =>
      api.startRuns(request.kind, request.id, body, { ...(signal ? { signal } : {}), timeoutMs }),
    refused: ({ status }) =>
      // A redirect or a 410 started nothing: the request never reached the API's start endpoint.
      (status >= 300 && status < 400) || status === 410
        ? 'check the api-url input, which must be the API root such as https://tester.army/api'
        : status === 404
          ? `check the ${request.kind} ID and that the API key belongs to its team`
          : status === 400
            ? 'check the inputs passed to the start request'
            : status === 401 || status === 403
              ? 'check the api-key input or the TESTERARMY_API_KEY secret'
              : null
  })
  if (answer.kind === 'started' && answer.runIds.length === 0) {
    return { kind: 'failed', message: `the ${what} started no runs: it may have no runnable tests` }
  }
  return answer.kind === 'started' ? { ...answer, body } : answer
}
