// What to do after each answer to the run list: use it, wait and ask it again, or stop using it.
// Pure, like the retry policy whose rules (Retry-After, backoff) it shares.
import { backoffMs, retryDelayMs } from './retry-policy.js'
import type { ListRunsResponse } from './run-list.js'

type ListDecision =
  /** A page of the list: read the runs from it. */
  | { action: 'use' }
  /**
   * A passing fault (rate limit, no answer): read the runs by ID meanwhile, and ask the list again
   * after `delayMs`.
   */
  | { action: 'retry'; delayMs: number; message: string }
  /**
   * The list is refused or not a list: read every run by ID from now on. Never fatal: the list is
   * only a cheaper way to read what a run's own `GET` gives, so the wait never fails because of it.
   */
  | { action: 'fall-back'; reason: string }

interface ListPolicyContext {
  pollIntervalMs: number
  random: () => number
}

/**
 * `failures`: list faults in a row before this answer (drives the backoff); returned updated.
 * Anything but a list, a 429 or a missing answer falls back: a 403 (a key that may read runs but
 * not list them), a 404 (an API without the list), a 5xx, a body that is not a list, an answer too
 * large. A 401 falls back too: the run's own `GET` then says the key was rejected, as it always has.
 */
export function decideList(
  response: Exclude<ListRunsResponse, { kind: 'aborted' }>,
  failures: number,
  { pollIntervalMs, random }: ListPolicyContext
): [ListDecision, number] {
  switch (response.kind) {
    case 'list':
      return [{ action: 'use' }, 0]
    case 'network-error': {
      const delayMs = backoffMs(failures + 1, pollIntervalMs, random)
      const message = response.message
      return [{ action: 'retry', delayMs, message }, failures + 1]
    }
    case 'http-error':
      if (response.status === 429) {
        const delayMs = retryDelayMs(response.retryAfterMs, failures + 1, pollIntervalMs, random)
        const message = `the API is rate limiting requests (${response.message})`
        return [{ action: 'retry', delayMs, message }, failures + 1]
      }
      return [{ action: 'fall-back', reason: response.message }, failures]
    case 'invalid-body':
    case 'too-large':
      return [{ action: 'fall-back', reason: response.message }, failures]
  }
}
