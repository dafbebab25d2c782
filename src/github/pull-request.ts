// Which pull request the exploration agent should test, from whatever event started the workflow:
// the payload when it carries one, else GitHub's REST API through an injected client.
import { isHttpUrl, isPlainObject, textOf, type JsonObject } from '../guards.js'
import { queuedPullRequest } from './merge-queue.js'

/** The pull request as the agent's start request needs it (texts not yet within API limits). */
export interface PullRequestFacts {
  number: number
  title: string
  body: string
  baseBranch: string
  headBranch: string
  /** The commit people see on the pull request (never the merge commit GitHub tests). */
  headSha: string
  /** `open` or `closed` as GitHub says; '' when it did not say. */
  state?: string
}

/** A pull request as GitHub's REST API returns it, reduced to the fields read here. */
export interface GitHubPull {
  number: number
  state?: string
  title?: string | null
  body?: string | null
  updated_at?: string
  head?: { ref?: string; sha?: string } | null
  base?: { ref?: string } | null
}

/** The three lookups, each failing with a `GitHubLookupError` that says what GitHub answered. */
export interface PullsApi {
  /** `GET /repos/{owner}/{repo}/pulls/{n}`; null on 404. */
  getPull(number: number): Promise<GitHubPull | null>
  /** `GET /repos/{owner}/{repo}/commits/{sha}/pulls`. */
  pullsForCommit(sha: string): Promise<GitHubPull[]>
  /** `GET /repos/{owner}/{repo}/pulls?head={owner}:{branch}&state=open`. */
  openPullsByHead(ownerAndBranch: string): Promise<GitHubPull[]>
}

export class GitHubLookupError extends Error {
  override name = 'GitHubLookupError'
}

export type PullRequestLookup =
  | {
      kind: 'found'
      pr: PullRequestFacts
      /** How it was found, for the log ("the pull_request event", "GitHub: ..."). */
      source: string
      /** The deployment's URL, the default `target-url` on `deployment_status`. */
      deploymentUrl?: string
      /** Things the user should know (several candidates, a newer head). */
      notices: string[]
      /** Things the user should look at (a closed pull request named by pr-number). */
      warnings?: string[]
    }
  /**
   * Nothing for the agent to test here: one notice, status `skipped`, the step passes.
   * `noOccasion`: the event is no occasion to test at all (a deployment that did not succeed, a
   * comment on an issue), not even a test or group started beside the agent; otherwise only the
   * pull request is missing (a push, a closed pull request), and such a test or group runs.
   */
  | { kind: 'skipped'; reason: string; noOccasion?: boolean }
  /** A lookup failed: the step fails (a gate must not pass because GitHub was down). */
  | { kind: 'failed'; message: string }

export interface LookupOptions {
  eventName: string
  payload: Record<string, unknown>
  owner: string
  repo: string
  /** The `pr-number` input, 0 when not given: wins over the event. */
  prNumber: number
  /** Null when there is no token: only events whose payload carries everything then work. */
  api: PullsApi | null
}

type Json = JsonObject
const isObject = isPlainObject
const text = textOf
const positive = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0

function factsOf(pull: GitHubPull | Json): PullRequestFacts {
  const head = isObject(pull.head) ? pull.head : {}
  const base = isObject(pull.base) ? pull.base : {}
  return {
    number: positive(pull.number),
    title: text(pull.title),
    body: text(pull.body),
    baseBranch: text(base.ref),
    headBranch: text(head.ref),
    headSha: text(head.sha),
    state: text(pull.state)
  }
}

const short = (sha: string): string => sha.slice(0, 12)

export async function findPullRequest(options: LookupOptions): Promise<PullRequestLookup> {
  try {
    const found = await lookup(options)
    if (found.kind !== 'found') return found
    // The agent's request needs the head commit; a pull request without one cannot be tested.
    if (!found.pr.headSha) {
      return {
        kind: 'failed',
        message: `GitHub gave no head commit for pull request #${found.pr.number}, so the agent cannot be told what to test.`
      }
    }
    if (found.pr.state !== 'closed') return found
    const closed = `pull request #${found.pr.number} is closed`
    // Named on purpose (pr-number): tested, with a warning. Found from an event: nothing to test.
    if (options.prNumber > 0) {
      const warning = `${closed}, but pr-number names it: testing it anyway.`
      return { ...found, warnings: [...(found.warnings ?? []), warning] }
    }
    return {
      kind: 'skipped',
      reason: `${closed} (merged or closed before this run): there is nothing to test; set pr-number to test it anyway.`
    }
  } catch (error) {
    if (error instanceof GitHubLookupError) return { kind: 'failed', message: error.message }
    throw error
  }
}

async function lookup(options: LookupOptions): Promise<PullRequestLookup> {
  const { eventName, payload, owner, repo } = options
  const where = `${owner}/${repo}`
  const needApi = (why: string): PullsApi => {
    if (options.api) return options.api
    throw new GitHubLookupError(
      `github-token is empty, but finding the pull request ${why} needs GitHub's API: ` +
        `pass github-token (the default, \${{ github.token }}, works with permissions: pull-requests: read).`
    )
  }
  const byNumber = async (number: number, source: string): Promise<PullRequestLookup> => {
    const pull = await needApi(`#${number}`).getPull(number)
    if (!pull) {
      return {
        kind: 'failed',
        message: `pull request #${number} was not found in ${where} (GitHub answered 404); check ${source}.`
      }
    }
    return {
      kind: 'found',
      // The number asked for, not the answer's: a body without one must not start the agent on #0.
      pr: { ...factsOf(pull), number },
      source: `GitHub, pull request #${number}`,
      notices: []
    }
  }

  // A deployment that did not succeed has nothing to test, whichever pull request it belongs to.
  let deploymentUrl: string | undefined
  let unusableUrls: string[] = []
  let deploymentSha = ''
  if (eventName === 'deployment_status') {
    const status = isObject(payload.deployment_status) ? payload.deployment_status : {}
    const state = text(status.state)
    if (state !== 'success') {
      return {
        kind: 'skipped',
        reason: `the deployment's state is "${state || 'unknown'}", not "success": there is no deployment to test yet.`,
        noOccasion: true
      }
    }
    const given = [text(status.environment_url), text(status.target_url)].filter(Boolean)
    // http(s), exactly as GitHub gave it, as the target-url input must be: whoever created the
    // deployment wrote it, and the API would refuse anything else blaming target-url.
    deploymentUrl = given.find(isHttpUrl)
    unusableUrls = given.filter(url => !isHttpUrl(url))
    const deployment = isObject(payload.deployment) ? payload.deployment : {}
    deploymentSha = text(deployment.sha)
  }
  const withDeployment = (found: PullRequestLookup): PullRequestLookup => {
    if (found.kind !== 'found') return found
    const notices = [
      ...found.notices,
      ...unusableUrls.map(
        url =>
          `The deployment's URL ${JSON.stringify(url.slice(0, 200))} is not an http(s) URL, so it is not used as target-url.`
      )
    ]
    return { ...found, notices, ...(deploymentUrl ? { deploymentUrl } : {}) }
  }

  if (options.prNumber > 0) {
    const found = withDeployment(await byNumber(options.prNumber, 'the pr-number input'))
    // In a merge queue the queue's commit is what will land, and what the check gates: it is the
    // one tested, whichever pull request pr-number names.
    const queued = eventName === 'merge_group' ? queuedPullRequest(payload) : null
    if (found.kind !== 'found' || queued?.kind !== 'queued') return found
    const other =
      queued.number !== options.prNumber
        ? [
            `pr-number names pull request #${options.prNumber}, the merge queue's branch #${queued.number}: the queue's commit ${short(queued.headSha)} is what is tested.`
          ]
        : []
    return { ...testedInQueue(found, queued), notices: [...found.notices, ...other] }
  }

  // Any event that carries a pull request (pull_request_review, pull_request_review_comment, ...)
  // is about that one: nothing that carries an open pull request is skipped.
  const carried = isObject(payload.pull_request) ? payload.pull_request : null
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      if (carried && positive(carried.number)) break
      // GitHub always sends it: without it the payload is not GitHub's, and finding "nothing to
      // test" would let a required check pass untested.
      return {
        kind: 'failed',
        message: `the ${eventName} event's payload has no pull request (or none with a number): GitHub always sends one, so the event file is not what GitHub wrote; set pr-number to name the pull request.`
      }
    }
    case 'merge_group': {
      // The queue's temporary branch names the pull request; the queue commit is what will land.
      const queued = queuedPullRequest(payload)
      if (queued.kind === 'unnamed') return { kind: 'failed', message: queued.message }
      const found = await byNumber(queued.number, 'the merge queue branch')
      if (found.kind !== 'found') return found
      return testedInQueue(found, queued)
    }
    case 'issue_comment': {
      const issue = isObject(payload.issue) ? payload.issue : null
      if (!issue || !isObject(issue.pull_request)) {
        return {
          kind: 'skipped',
          reason: 'the comment is on an issue, not on a pull request.',
          noOccasion: true
        }
      }
      if (!positive(issue.number)) break
      return byNumber(positive(issue.number), 'the comment event')
    }
    case 'deployment_status': {
      if (!deploymentSha) break
      const pulls = await needApi(`of deployment ${short(deploymentSha)}`).pullsForCommit(
        deploymentSha
      )
      const open = pulls
        .filter(p => p.state === 'open' && p.head?.sha === deploymentSha)
        .sort((a, b) => text(b.updated_at).localeCompare(text(a.updated_at)))
      const [first] = open
      if (!first) {
        return {
          kind: 'skipped',
          reason: `no open pull request in ${where} has the deployed commit ${short(deploymentSha)} as its head (a deployment of a branch without a pull request, or a commit the pull request has moved past).`
        }
      }
      const notices =
        open.length > 1
          ? [
              `${open.length} open pull requests have the deployed commit ${short(deploymentSha)} as their head ` +
                `(${open.map(p => `#${p.number}`).join(', ')}); testing #${first.number}, the most recently updated. ` +
                `Set pr-number to choose.`
            ]
          : []
      return withDeployment({
        kind: 'found',
        pr: { ...factsOf(first), headSha: deploymentSha },
        source: `GitHub, the open pull request whose head is the deployed commit ${short(deploymentSha)}`,
        notices
      })
    }
    case 'workflow_run': {
      const run = isObject(payload.workflow_run) ? payload.workflow_run : {}
      const headSha = text(run.head_sha)
      // It also lists pull requests opened from this repository's branches against others:
      // #5 upstream is not #5 here.
      const listed = Array.isArray(run.pull_requests)
        ? run.pull_requests.filter(isObject).filter(entry => basedHere(entry, payload, where))
        : []
      const number = positive(listed[0]?.number)
      if (number) {
        const found = await byNumber(number, 'the workflow_run event')
        // The commit the triggering workflow built, even if the pull request has moved on since.
        return found.kind === 'found' && headSha
          ? { ...found, pr: { ...found.pr, headSha } }
          : found
      }
      // GitHub leaves pull_requests empty for pull requests from forks: look them up by head.
      const headRepo = isObject(run.head_repository) ? run.head_repository : {}
      const headOwner = isObject(headRepo.owner) ? text(headRepo.owner.login) : ''
      const branch = text(run.head_branch)
      if (!headOwner || !branch || !headSha) break
      const pulls = await needApi(`of ${headOwner}:${branch}`).openPullsByHead(
        `${headOwner}:${branch}`
      )
      const match = pulls.find(p => p.head?.sha === headSha)
      if (!match) {
        return {
          kind: 'skipped',
          reason: `the workflow run of ${headOwner}:${branch} (${short(headSha)}) belongs to no open pull request in ${where} whose head is that commit.`
        }
      }
      return {
        kind: 'found',
        pr: { ...factsOf(match), headSha },
        source: `GitHub, the open pull request from ${headOwner}:${branch}`,
        notices: []
      }
    }
  }
  if (carried && positive(carried.number)) {
    return { kind: 'found', pr: factsOf(carried), source: `the ${eventName} event`, notices: [] }
  }
  return {
    kind: 'skipped',
    reason: `the ${eventName || 'unknown'} event carries no pull request; set pr-number to test one (for example from a workflow_dispatch input).`
  }
}

/**
 * Whether a pull request listed by a workflow_run targets this repository: by ID when both are
 * given (a rename keeps it), else by its API URL. One that cannot be placed is not believed: the
 * head lookup finds this repository's own.
 */
function basedHere(entry: Json, payload: Json, where: string): boolean {
  const base = isObject(entry.base) && isObject(entry.base.repo) ? entry.base.repo : null
  if (!base) return false
  const repository = isObject(payload.repository) ? payload.repository : {}
  if (positive(base.id) && positive(repository.id)) return base.id === repository.id
  return text(base.url).toLowerCase().endsWith(`/repos/${where.toLowerCase()}`)
}

/**
 * A pull request as a merge queue tests it: the queue's commit (what will land, and what the check
 * gates) in place of the pull request's head, and the queue's base branch.
 */
function testedInQueue(
  found: Extract<PullRequestLookup, { kind: 'found' }>,
  queued: Extract<ReturnType<typeof queuedPullRequest>, { kind: 'queued' }>
): Extract<PullRequestLookup, { kind: 'found' }> {
  return {
    ...found,
    pr: {
      ...found.pr,
      headSha: queued.headSha,
      baseBranch: queued.baseBranch || found.pr.baseBranch
    },
    source: `the merge queue's commit ${short(queued.headSha)}, pull request #${found.pr.number} read from GitHub`
  }
}
