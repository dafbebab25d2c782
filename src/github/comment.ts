// Writes the pull-request comment through Octokit, loaded only when a comment is asked for, so the
// action starts as fast without it. Creates the comment once, then updates it in place.
import { Limits } from '../constants.js'
import { failureOf } from './call.js'
import { loadOctokit } from './octokit.js'

export interface CommentTarget {
  token: string
  apiUrl: string
  owner: string
  repo: string
  prNumber: number
  marker: string
  /** Markers earlier versions of the action wrote for the same comment: it is updated too. */
  earlierMarkers?: string[]
  body: string
}

export type CommentResult =
  | { kind: 'created' | 'updated'; url: string }
  /** The token may not write here (a pull request from a fork gets a read-only token). */
  | { kind: 'forbidden'; message: string }
  | { kind: 'failed'; message: string }

/** The author of comments made with the workflow's own token. */
const ACTIONS_BOT = 'github-actions[bot]'

/** The login the token acts as, or null when GitHub will not say. */
async function whoAmI(octokit: ReturnType<typeof import('@actions/github').getOctokit>) {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login
  } catch {
    // not a personal token
  }
  try {
    const answer = await octokit.graphql<{ viewer?: { login?: unknown } }>(
      'query { viewer { login } }'
    )
    return typeof answer.viewer?.login === 'string' ? answer.viewer.login : null
  } catch {
    return null
  }
}

export async function upsertComment(
  target: CommentTarget,
  limits: { timeoutMs?: number } = {}
): Promise<CommentResult> {
  const getOctokit = await loadOctokit()
  const octokit = getOctokit(target.token, { baseUrl: target.apiUrl })
  // One deadline for every request, the pages of the comment list included: a stalled GitHub
  // must not hold the step for minutes. Added by a hook, not given to getOctokit (a `request`
  // there replaces the fetch @actions/github sets up, through the runner's proxy) nor to each
  // call (paginate drops it from the pages after the first).
  const signal = AbortSignal.timeout(limits.timeoutMs ?? Limits.commentTimeoutMs)
  octokit.hook.before('request', options => {
    options.request = { ...options.request, signal }
  })
  const where = { owner: target.owner, repo: target.repo }
  try {
    // Whose comments may be updated: only our own, and only those that start with our marker
    // (anyone can quote it). A personal token says who it is through REST; an app's installation
    // token through GraphQL's viewer (`my-app[bot]`). When neither answers, it is the workflow's
    // own token, whose comments are github-actions[bot]'s; another bot's (renovate[bot]) never are.
    const login = (await whoAmI(octokit)) ?? ACTIONS_BOT
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...where,
      issue_number: target.prNumber,
      per_page: 100
    })
    const ours = comments.find(
      c =>
        c.user?.login === login &&
        [target.marker, ...(target.earlierMarkers ?? [])].some(m => (c.body ?? '').startsWith(m))
    )
    if (ours) {
      const { data } = await octokit.rest.issues.updateComment({
        ...where,
        comment_id: ours.id,
        body: target.body
      })
      return { kind: 'updated', url: data.html_url }
    }
    const { data } = await octokit.rest.issues.createComment({
      ...where,
      issue_number: target.prNumber,
      body: target.body
    })
    return { kind: 'created', url: data.html_url }
  } catch (error) {
    const { status, message } = failureOf(error)
    // GitHub answers 403 for an exhausted rate limit too: that is no permission problem.
    const headers = (error as { response?: { headers?: Record<string, string> } }).response?.headers
    if (status === 403 && headers?.['x-ratelimit-remaining'] === '0') {
      return {
        kind: 'failed',
        message: `GitHub's API rate limit is exhausted (HTTP 403: ${message})`
      }
    }
    if (status === 403 || status === 404) {
      return { kind: 'forbidden', message: `HTTP ${status}: ${message}` }
    }
    return {
      kind: 'failed',
      message: status === undefined ? message : `HTTP ${status}: ${message}`
    }
  }
}
