// Finds pull requests on GitHub's REST API through Octokit, loaded only when a lookup is needed
// (the same lazily loaded chunk as the comment), so a plain run-id wait starts as fast as before.
import { isPlainObject } from '../guards.js'
import { callGitHub, type CallOptions } from './call.js'
import { loadOctokit } from './octokit.js'
import { GitHubLookupError, type GitHubPull, type PullsApi } from './pull-request.js'

export interface PullsClientOptions extends CallOptions {
  token: string
  apiUrl: string
  owner: string
  repo: string
}

export async function createPullsClient(options: PullsClientOptions): Promise<PullsApi> {
  const getOctokit = await loadOctokit()
  const octokit = getOctokit(options.token, { baseUrl: options.apiUrl })
  const where = { owner: options.owner, repo: options.repo }

  /** The answer's data, or null for a 404; anything else is a lookup failure in GitHub's words. */
  const call = async <T>(route: string, params: Record<string, unknown>): Promise<T | null> => {
    const answer = await callGitHub(octokit, route, { ...where, ...params }, options)
    switch (answer.kind) {
      case 'ok':
        return answer.data as T
      case 'stopped':
        // The caller knows what stopped it (the runner's cancel, or the step's timeout).
        throw new GitHubLookupError('the lookup was stopped before GitHub answered')
      case 'no-answer':
        throw new GitHubLookupError(`GitHub's API failed (${route}: ${answer.message}).`)
      case 'http-error': {
        if (answer.status === 404) return null
        const hint =
          answer.status === 401 || answer.status === 403
            ? ' The token needs permissions: pull-requests: read (and contents: read).'
            : ''
        const what = `HTTP ${answer.status}: ${answer.message}`.trim()
        throw new GitHubLookupError(`GitHub's API failed (${route}: ${what}).${hint}`)
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
