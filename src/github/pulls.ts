// Finds pull requests on GitHub's REST API through Octokit, loaded only when a lookup is needed
// (the same lazily loaded chunk as the comment), so a plain run-id wait starts as fast as before.
import { isPlainObject } from '../guards.js'
import { GitHubLookupError, type GitHubPull, type PullsApi } from './pull-request.js'

const GitHubCallLimits = {
  /** Each call's own limit: GitHub answers in well under a second; a stall must not eat the step. */
  callTimeoutMs: 10_000,
  /** Tries per call for a 5xx, a rate limit or a network fault: GitHub's hiccups pass in seconds. */
  attempts: 3,
  /** The first backoff; doubled each time. */
  backoffMs: 1_000,
  /** A rate limit asking for a longer wait than this ends the lookup instead. */
  maxWaitMs: 20_000
} as const

export interface PullsClientOptions {
  token: string
  apiUrl: string
  owner: string
  repo: string
  /** Ends waits and calls early (the runner's cancel, the action's deadline). */
  signal?: AbortSignal
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Each call's limit; tests shorten it. */
  callTimeoutMs?: number
  /** Told about each call (method, path, status, time) for debug logging. */
  onRequest?: (line: string) => void
}

interface OctokitError {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | undefined> }
}

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
export function retryDelayMs(error: OctokitError, attempt: number, now: number): number | null {
  const status = error.status
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
    return GitHubCallLimits.backoffMs * 2 ** attempt
  }
  // No status: a network fault or the call's own timeout. A read is safe to repeat.
  if (status === undefined || status >= 500) return GitHubCallLimits.backoffMs * 2 ** attempt
  return null
}

export async function createPullsClient(options: PullsClientOptions): Promise<PullsApi> {
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(options.token, { baseUrl: options.apiUrl })
  const sleep = options.sleep ?? defaultSleep
  const callTimeoutMs = options.callTimeoutMs ?? GitHubCallLimits.callTimeoutMs
  const where = { owner: options.owner, repo: options.repo }

  const call = async <T>(route: string, params: Record<string, unknown>): Promise<T | null> => {
    for (let attempt = 0; ; attempt++) {
      if (options.signal?.aborted)
        throw new GitHubLookupError(
          "the lookup was stopped: the step's timeout was reached, or the workflow was cancelled"
        )
      const timeout = AbortSignal.timeout(callTimeoutMs)
      const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout
      const started = Date.now()
      try {
        const response = await octokit.request(route, { ...where, ...params, request: { signal } })
        options.onRequest?.(`GitHub ${route} -> ${response.status} in ${Date.now() - started} ms`)
        return response.data as T
      } catch (raw) {
        const error = raw as OctokitError
        options.onRequest?.(
          `GitHub ${route} -> ${error.status ?? 'no answer'} in ${Date.now() - started} ms`
        )
        if (error.status === 404) return null
        const delay = retryDelayMs(error, attempt, Date.now())
        // Octokit reports a network fault or an aborted call as a 500 of its own.
        const what = timeout.aborted
          ? `no answer within ${callTimeoutMs / 1000} s`
          : error.status === undefined
            ? (error.message ?? 'no answer')
            : `HTTP ${error.status}: ${error.message ?? ''}`.trim()
        if (
          delay === null ||
          attempt + 1 >= GitHubCallLimits.attempts ||
          delay > GitHubCallLimits.maxWaitMs
        ) {
          const hint =
            error.status === 401 || error.status === 403
              ? ' The token needs permissions: pull-requests: read (and contents: read).'
              : ''
          throw new GitHubLookupError(`GitHub's API failed (${route}: ${what}).${hint}`)
        }
        await sleep(delay, options.signal)
      }
    }
  }

  return {
    getPull: async number => {
      const route = 'GET /repos/{owner}/{repo}/pulls/{pull_number}'
      const pull = await call<unknown>(route, { pull_number: number })
      if (pull === null || isPlainObject(pull)) return pull as GitHubPull | null
      throw notAsDocumented(route, 'a pull request')
    },
    pullsForCommit: async sha => {
      const route = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls'
      return pullList(route, await call<unknown>(route, { commit_sha: sha, per_page: 100 }))
    },
    openPullsByHead: async head => {
      const route = 'GET /repos/{owner}/{repo}/pulls'
      return pullList(route, await call<unknown>(route, { head, state: 'open', per_page: 100 }))
    }
  }
}

/**
 * GitHub's answer is checked before it is believed: a proxy's HTML page or an odd GHES answer must
 * end as a lookup failure that says so, not as "failed unexpectedly: pulls.filter is not a function".
 */
function pullList(route: string, data: unknown): GitHubPull[] {
  if (data === null) return []
  if (!Array.isArray(data)) throw notAsDocumented(route, 'a list of pull requests')
  return data.filter(isPlainObject) as unknown as GitHubPull[]
}

const notAsDocumented = (route: string, what: string): GitHubLookupError =>
  new GitHubLookupError(`GitHub's API failed (${route}: the answer is not ${what}).`)
