// One call to GitHub's REST API through Octokit, as every GitHub client of the action makes it: its
// own time limit, a few tries for 5xx, rate limits and network faults, and an answer in words.

const GitHubCallLimits = {
  /** Each call's own limit: GitHub answers in well under a second; a stall must not eat the step. */
  callTimeoutMs: 10_000,
  /** Tries per call for a 5xx, a rate limit or a network fault: GitHub's hiccups pass in seconds. */
  attempts: 3,
  /** The first backoff; doubled each time. */
  backoffMs: 1_000,
  /** A rate limit asking for a longer wait than this ends the call instead. */
  maxWaitMs: 20_000
} as const

/**
 * What Octokit throws for a failed call. `response` only when GitHub answered: Octokit gives a
 * network fault (a refused connection, an unknown host, a proxy that refused the tunnel) and an
 * aborted call `status` 500 too, with the fault's message and no response.
 */
interface OctokitError {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | undefined> }
}

/**
 * A network fault in its own words ("connect ECONNREFUSED 127.0.0.1:443", "getaddrinfo ENOTFOUND
 * ..."): the innermost message of the error's causes, under fetch's bare "fetch failed".
 */
function faultMessage(error: unknown): string | undefined {
  let message: string | undefined
  for (let cause = error, depth = 0; depth < 5; depth++) {
    if (typeof cause !== 'object' || cause === null) break
    const {
      message: own,
      cause: next,
      code,
      errors
    } = cause as {
      message?: unknown
      cause?: unknown
      code?: unknown
      errors?: { message?: unknown }[]
    }
    // Every address of a host refused (IPv4 and IPv6): an AggregateError with no message of its
    // own, its code, and the first address's fault among its errors.
    const first = Array.isArray(errors) ? errors[0]?.message : undefined
    if (typeof own === 'string' && own) message = own
    else if (typeof first === 'string' && first) message = first
    else if (typeof code === 'string' && code) message = code
    cause = next
  }
  return message
}

/** GitHub's HTTP status, or undefined when GitHub did not answer. */
const answeredStatus = (error: OctokitError): number | undefined =>
  error.response === undefined ? undefined : error.status

/** A failed call in words: GitHub's status and message, or (no status) the network fault's. */
export function failureOf(raw: unknown): { status: number | undefined; message: string } {
  const error = (typeof raw === 'object' && raw !== null ? raw : {}) as OctokitError
  const status = answeredStatus(error)
  const message =
    status === undefined ? (faultMessage(raw) ?? String(raw)) : String(error.message ?? '')
  return { status, message }
}

/** The part of Octokit a call needs. */
export interface OctokitRequest {
  request(
    route: string,
    params: Record<string, unknown>
  ): Promise<{ status: number; data: unknown }>
}

export interface CallOptions {
  /** Ends waits and calls early (the runner's cancel, the action's deadline). */
  signal?: AbortSignal
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Each call's limit; tests shorten it. */
  callTimeoutMs?: number
  /** Tries in all (default GitHubCallLimits.attempts). */
  attempts?: number
  /**
   * When (ms since the epoch) the call ends, its tries and the waits between them included: each
   * try gets at most what is left, and no try starts that could not end by then.
   */
  until?: number
  /** The first backoff (default GitHubCallLimits.backoffMs), doubled each time. */
  backoffMs?: number
  /** Told about each call (method, path, status, time) for debug logging. */
  onRequest?: (line: string) => void
}

type CallAnswer =
  | { kind: 'ok'; status: number; data: unknown }
  /** GitHub answered with an error that repeating will not fix (or no more tries were left). */
  | { kind: 'http-error'; status: number; message: string; headers: Record<string, unknown> }
  /** No answer: a network fault, or the call's own time limit. */
  | { kind: 'no-answer'; message: string }
  /** The caller's signal ended it. */
  | { kind: 'stopped' }

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise(resolve => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true }
    )
  })

/** How long a retryable answer asks to wait, or null when it is not worth repeating. */
export function retryDelayMs(
  error: OctokitError,
  attempt: number,
  now: number,
  backoffMs: number = GitHubCallLimits.backoffMs
): number | null {
  const status = answeredStatus(error)
  const headers = error.response?.headers ?? {}
  // GitHub answers 403 for an exhausted (or secondary) rate limit, and says when to come back.
  const limited =
    status === 429 ||
    (status === 403 &&
      (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined))
  if (limited) {
    const after = Number(headers['retry-after'])
    if (Number.isFinite(after) && after >= 0) return after * 1000
    const reset = Number(headers['x-ratelimit-reset'])
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now)
    return backoffMs * 2 ** attempt
  }
  // No status: a network fault or the call's own timeout. Every call made here is safe to repeat
  // (reads, and a commit status, which states the same thing again).
  if (status === undefined || status >= 500) return backoffMs * 2 ** attempt
  return null
}

/** Makes the call, trying again while that can help; never throws for what GitHub answered. */
export async function callGitHub(
  octokit: OctokitRequest,
  route: string,
  params: Record<string, unknown>,
  options: CallOptions = {}
): Promise<CallAnswer> {
  const sleep = options.sleep ?? defaultSleep
  const attempts = options.attempts ?? GitHubCallLimits.attempts
  const left = (): number =>
    options.until === undefined ? Number.POSITIVE_INFINITY : options.until - Date.now()
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) return { kind: 'stopped' }
    if (left() <= 0) return { kind: 'no-answer', message: 'no time was left to send it' }
    const callTimeoutMs = Math.ceil(
      Math.min(options.callTimeoutMs ?? GitHubCallLimits.callTimeoutMs, left())
    )
    const timeout = AbortSignal.timeout(callTimeoutMs)
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout
    const started = Date.now()
    try {
      const response = await octokit.request(route, { ...params, request: { signal } })
      options.onRequest?.(`GitHub ${route} -> ${response.status} in ${Date.now() - started} ms`)
      return { kind: 'ok', status: response.status, data: response.data }
    } catch (raw) {
      const error = raw as OctokitError
      const status = answeredStatus(error)
      options.onRequest?.(
        `GitHub ${route} -> ${status ?? 'no answer'} in ${Date.now() - started} ms`
      )
      if (options.signal?.aborted) return { kind: 'stopped' }
      const delay = retryDelayMs(error, attempt, Date.now(), options.backoffMs)
      const noRetry =
        delay === null ||
        attempt + 1 >= attempts ||
        delay > GitHubCallLimits.maxWaitMs ||
        delay >= left()
      if (noRetry) {
        if (status === undefined || timeout.aborted) {
          return {
            kind: 'no-answer',
            message: timeout.aborted
              ? `no answer within ${Math.round(callTimeoutMs / 100) / 10} s`
              : (faultMessage(error) ?? 'no answer')
          }
        }
        return {
          kind: 'http-error',
          status,
          message: error.message ?? '',
          headers: error.response?.headers ?? {}
        }
      }
      await sleep(delay, options.signal)
    }
  }
}
