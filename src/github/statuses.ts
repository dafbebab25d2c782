// Posts a commit status (`POST /repos/{owner}/{repo}/statuses/{sha}`) through Octokit, loaded only
// when `commit-status` is on, so a plain run-id wait starts as fast as before.
import { callGitHub, type CallOptions, type OctokitRequest } from './call.js'
import { loadOctokit } from './octokit.js'

/** GitHub's four states (`state` in the REST description). */
export type StatusState = 'pending' | 'success' | 'failure' | 'error'

export interface CommitStatus {
  state: StatusState
  /** Already within GitHub's 140 characters (see report/status-text.ts). */
  description: string
  /** `status-context`: the one name branch protection requires. */
  context: string
  /** Where the status links: the workflow run; '' for none. */
  targetUrl: string
}

export type StatusAnswer =
  | { kind: 'posted' }
  /** The token may not write statuses here (no `statuses: write`, or a fork's read-only token). */
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string }

export interface StatusClientOptions extends Omit<CallOptions, 'signal'> {
  token: string
  apiUrl: string
  owner: string
  repo: string
}

/**
 * Posts one status on one commit; the signal ends it early (the runner's cancel), `until` bounds
 * its tries (the cap of all status posts, the exit after a cancel).
 */
export type PostStatus = (
  sha: string,
  status: CommitStatus,
  options?: Pick<CallOptions, 'signal' | 'attempts' | 'callTimeoutMs' | 'until' | 'backoffMs'>
) => Promise<StatusAnswer>

export const STATUS_ROUTE = 'POST /repos/{owner}/{repo}/statuses/{sha}'

/** The request body, as GitHub's REST description names its fields. */
export function statusRequestBody(status: CommitStatus): Record<string, string> {
  return {
    state: status.state,
    context: status.context,
    description: status.description,
    ...(status.targetUrl ? { target_url: status.targetUrl } : {})
  }
}

/** The poster, on an Octokit made here (the real one) or handed in (tests). */
function statusPoster(octokit: OctokitRequest, options: StatusClientOptions): PostStatus {
  return async (sha, status, call = {}) => {
    const answer = await callGitHub(
      octokit,
      STATUS_ROUTE,
      { owner: options.owner, repo: options.repo, sha, ...statusRequestBody(status) },
      { ...options, ...call }
    )
    switch (answer.kind) {
      case 'ok':
        return { kind: 'posted' }
      case 'stopped':
        return { kind: 'failed', message: 'the workflow was cancelled before GitHub answered' }
      case 'no-answer':
        return { kind: 'failed', message: answer.message }
      case 'http-error':
        // 403 without a rate limit: no `statuses: write`; 404: the token cannot see the repository.
        return answer.status === 403 || answer.status === 404
          ? { kind: 'refused', message: `HTTP ${answer.status}: ${answer.message}` }
          : { kind: 'failed', message: `HTTP ${answer.status}: ${answer.message}` }
    }
  }
}

export async function createStatusClient(options: StatusClientOptions): Promise<PostStatus> {
  const getOctokit = await loadOctokit()
  return statusPoster(getOctokit(options.token, { baseUrl: options.apiUrl }), options)
}
