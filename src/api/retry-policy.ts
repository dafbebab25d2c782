// What to do after each answer about a run: keep polling, back off, give up, or stop everything.
// Pure: the poller feeds it answers and the time; a table of tests pins every row.
import { Limits } from '../constants.js'
import type { GetRunResponse } from './api-client.js'

type Decision =
  /** The run answered: poll again after the normal interval (or stop, if it is terminal). */
  | { action: 'poll'; delayMs: number }
  /** A passing fault: try again after `delayMs`. `throttle` asks every run to hold off (429). */
  | { action: 'retry'; delayMs: number; message: string; throttle: boolean }
  /** The run was never found within the grace window. */
  | { action: 'not-found'; message: string }
  /** This run cannot be read, and asking again would not change that (an oversized answer). */
  | { action: 'give-up'; message: string }
  /** Retrying cannot help (rejected key, bad request): stop waiting for every run. */
  | { action: 'fatal'; message: string }

/** What the policy remembers about one run between two answers. */
export interface RetryState {
  /** Faults in a row since the last good answer; drives the exponential backoff. */
  failures: number
  /** When the first 404 of the current streak arrived. */
  notFoundSince: number | null
}

export const initialRetryState = (): RetryState => ({ failures: 0, notFoundSince: null })

interface PolicyContext {
  now: number
  pollIntervalMs: number
  /** A number in [0, 1): Math.random in production, fixed in tests. */
  random: () => number
}

/**
 * Exponential backoff with full jitter between the poll interval and a cap that doubles with each
 * fault, never above 60 s (or the interval itself, if that is longer). The jitter keeps the
 * action's runs and other jobs from retrying in lockstep.
 */
export function backoffMs(failures: number, pollIntervalMs: number, random: () => number): number {
  const cap = Math.max(pollIntervalMs, Limits.maxBackoffMs)
  const ceiling = Math.min(cap, pollIntervalMs * 2 ** Math.min(failures, 20))
  return Math.round(pollIntervalMs + random() * (ceiling - pollIntervalMs))
}

/**
 * How long to wait before the next try: what the server asked for (`Retry-After`), never sooner
 * than the poll interval even if it says 0, else the backoff. Used by the wait and the start alike.
 */
export function retryDelayMs(
  retryAfterMs: number | null,
  failures: number,
  pollIntervalMs: number,
  random: () => number
): number {
  return retryAfterMs === null
    ? backoffMs(failures, pollIntervalMs, random)
    : Math.max(retryAfterMs, pollIntervalMs)
}

/**
 * Answers that say this request will never work as sent (gone, method or media type refused, not
 * implemented): retrying them would only spend the whole timeout. 404 is not here: a new run may
 * not be visible yet.
 */
const PERMANENT_STATUSES: readonly number[] = [
  405, 406, 410, 411, 413, 414, 415, 421, 422, 501, 505
]

export function decide(
  response: GetRunResponse,
  state: RetryState,
  context: PolicyContext
): [Decision, RetryState] {
  const { now, pollIntervalMs, random } = context
  const fault = (
    message: string,
    throttle = false,
    retryAfterMs: number | null = null
  ): [Decision, RetryState] => {
    const failures = state.failures + 1
    const delayMs = retryDelayMs(retryAfterMs, failures, pollIntervalMs, random)
    return [
      { action: 'retry', delayMs, message, throttle },
      { ...state, failures }
    ]
  }

  switch (response.kind) {
    case 'run':
      return [{ action: 'poll', delayMs: pollIntervalMs }, initialRetryState()]
    case 'invalid-body':
    case 'network-error':
      return fault(response.message)
    case 'too-large':
      // Downloading tens of megabytes again would end the same way, until the timeout.
      return [{ action: 'give-up', message: response.message }, state]
    case 'aborted':
      // The caller ended the wait; it never asks the policy what to do next.
      return [{ action: 'fatal', message: 'the wait was aborted' }, state]
    case 'http-error':
      break
  }

  const { status, message } = response
  if (status === 401 || status === 403) {
    return [
      {
        action: 'fatal',
        message: `the TesterArmy API rejected the API key (${message}); check the api-key input or the TESTERARMY_API_KEY secret`
      },
      state
    ]
  }
  if (status === 400) {
    return [
      { action: 'fatal', message: `the TesterArmy API rejected the request (${message})` },
      state
    ]
  }
  if (status >= 300 && status < 400) {
    // The API never redirects: an answer that points elsewhere means api-url is not the API root.
    return [
      {
        action: 'fatal',
        message: `the TesterArmy API answered with a redirect (${message}); check the api-url input, which must be the API root such as https://tester.army/api`
      },
      state
    ]
  }
  if (PERMANENT_STATUSES.includes(status)) {
    return [
      {
        action: 'fatal',
        message: `the TesterArmy API refused the request for good (${message}); check the api-url input`
      },
      state
    ]
  }
  if (status === 404) {
    const since = state.notFoundSince ?? now
    if (now - since >= Limits.notFoundGraceMs) {
      return [{ action: 'not-found', message: `the run was not found (${message})` }, state]
    }
    const [decision, next] = fault(`the run is not visible yet (${message})`)
    // Check once more right when the grace window ends, not a whole backoff after it.
    const untilGraceEnds = since + Limits.notFoundGraceMs - now
    const delayed =
      decision.action === 'retry'
        ? { ...decision, delayMs: Math.min(decision.delayMs, untilGraceEnds) }
        : decision
    return [delayed, { ...next, notFoundSince: since }]
  }
  if (status === 429) {
    // The server knows best how long to wait (the timeout still bounds it); without a hint, back
    // off like any fault.
    return fault(`the API is rate limiting requests (${message})`, true, response.retryAfterMs)
  }
  // 5xx, odd 3xx/4xx from a proxy: transient until the timeout says otherwise.
  const hint = status === 504 ? 'the API gateway timed out' : 'the API had an error'
  return fault(`${hint} (${message})`)
}
