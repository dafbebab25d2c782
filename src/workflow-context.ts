// What the workflow run tells us about itself: the commit, the pull request, where its summary is.
// Read from the runner's environment and event payload, without loading @actions/github. The
// action's own code reads process.env only here and hands the environment on, so tests pass their
// own (@actions/core still reads the runner's files and inputs from it, as it must).
import { readFileSync } from 'node:fs'

export type Env = Record<string, string | undefined>

/** The process's environment, as the runner set it. */
export const runnerEnv = (): Env => process.env

export interface WorkflowContext {
  /**
   * The commit tested: on a pull request, its head (what people see and branch protection reads);
   * a workflow_run's head_sha, a merge queue's commit, a deployment's; otherwise GITHUB_SHA.
   */
  sha: string
  /** The pull request this run is for, or null (a push, a schedule, a deployment). */
  prNumber: number | null
  owner: string
  repo: string
  workflow: string
  job: string
  /** The workflow run's page, where the job summary is. */
  runUrl: string
  /** GITHUB_RUN_ID, '' outside a runner: the report file names it, so reports mode can tell runs apart. */
  runId: string
  /** GITHUB_RUN_ATTEMPT (1 for the first run; "Re-run failed jobs" makes the next). */
  runAttempt: number
  apiUrl: string
  /** The job summary file (GITHUB_STEP_SUMMARY); empty when not on a runner. */
  summaryPath: string
  /** `GITHUB_EVENT_NAME`: where the exploration agent looks for its pull request. */
  eventName: string
  /** The event payload, as the runner wrote it ({} when there is none). */
  payload: Record<string, unknown>
  /** Why GITHUB_EVENT_PATH, when set, gave no payload (unreadable, not a JSON object); else absent. */
  payloadError?: string
  /** On a `pull_request` from a fork: the fork's `owner/repo` (no secrets reach it); else ''. */
  forkRepository: string
  /**
   * The commit the change is compared with, when the event says it: a pull request's base, a
   * merge queue's base, a workflow_run's pull request's base; else ''.
   */
  baseSha: string
  /**
   * The run checked out the repository's default branch itself, with no pull request: a push to
   * it, a schedule, a manual run there. Its file of known issues is the reviewed one.
   */
  onDefaultBranch: boolean
}

type Payload = Record<string, unknown>
const isObject = (value: unknown): value is Payload => typeof value === 'object' && value !== null

export function readWorkflowContext(
  env: Env,
  readFile: (path: string) => string = path => readFileSync(path, 'utf8')
): WorkflowContext {
  let payload: Payload = {}
  let payloadError: string | undefined
  if (env.GITHUB_EVENT_PATH) {
    // Without a payload the environment alone describes the run; the exploration agent, which
    // needs the pull request from it, fails on payloadError rather than finding nothing to test.
    const file = JSON.stringify(env.GITHUB_EVENT_PATH)
    try {
      const parsed: unknown = JSON.parse(readFile(env.GITHUB_EVENT_PATH))
      if (isObject(parsed) && !Array.isArray(parsed)) payload = parsed
      else payloadError = `the event file ${file} is not a JSON object`
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      payloadError = `the event file ${file} could not be read (${reason.slice(0, 200)})`
    }
  }
  const pr = isObject(payload.pull_request) ? payload.pull_request : null
  // An issue comment on a pull request names the pull request through `issue.pull_request`.
  const issue =
    isObject(payload.issue) && isObject(payload.issue.pull_request) ? payload.issue : null
  const number = pr?.number ?? issue?.number
  const head = isObject(pr?.head) ? pr.head : null
  const prNumber =
    typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null
  const headSha = typeof head?.sha === 'string' ? head.sha : ''
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const headRepo = isObject(head?.repo) ? head.repo : null
  const headName = typeof headRepo?.full_name === 'string' ? headRepo.full_name : ''
  // Compared by name: `head.repo.fork` is also true for a branch of a repository that is itself a
  // fork. A head repository that is gone (null) was a fork that has been deleted.
  const fromFork =
    eventName === 'pull_request' &&
    pr !== null &&
    (headRepo === null
      ? head !== null && 'repo' in head
      : headName !== '' && headName.toLowerCase() !== (env.GITHUB_REPOSITORY ?? '').toLowerCase())
  const forkRepository = fromFork ? headName || 'a deleted fork' : ''
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const attempt =
    env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1'
      ? `/attempts/${env.GITHUB_RUN_ATTEMPT}`
      : ''
  return {
    // GITHUB_SHA of a pull request event is a merge commit nobody sees; of an issue comment, the
    // default branch. Without the head commit, send none rather than a wrong one.
    sha:
      headSha || eventCommit(eventName, payload) || (prNumber === null ? env.GITHUB_SHA || '' : ''),
    prNumber,
    owner,
    repo,
    // The workflow file (two workflows may share a display name), else its name.
    workflow: env.GITHUB_WORKFLOW_REF?.replace(/@.*$/, '') || env.GITHUB_WORKFLOW || '',
    job: env.GITHUB_JOB ?? '',
    runUrl:
      env.GITHUB_RUN_ID && owner
        ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`
        : '',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: /^[1-9]\d{0,8}$/.test(env.GITHUB_RUN_ATTEMPT ?? '')
      ? Number(env.GITHUB_RUN_ATTEMPT)
      : 1,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    summaryPath: env.GITHUB_STEP_SUMMARY ?? '',
    eventName,
    payload,
    ...(payloadError ? { payloadError } : {}),
    forkRepository,
    baseSha: baseCommit(payload),
    onDefaultBranch: onDefaultBranch(eventName, env.GITHUB_REF ?? '', payload)
  }
}

/**
 * The commit an event is about when it is not GITHUB_SHA: a workflow_run runs on the default
 * branch but was triggered by its `head_sha` (a pull request's head); a merge queue tests its
 * queue commit; a deployment, the commit deployed.
 */
function eventCommit(eventName: string, payload: Payload): string {
  const field = EVENT_COMMITS[eventName]
  const holder = field ? payload[field[0]] : undefined
  const sha = field && isObject(holder) ? holder[field[1]] : undefined
  return typeof sha === 'string' ? sha : ''
}

/** Events that run on the ref they name, with no pull request of their own. */
const BRANCH_EVENTS = new Set(['push', 'workflow_dispatch', 'repository_dispatch'])

/**
 * Whether the run is on the default branch itself: a schedule always is; a push or a manual run
 * when GITHUB_REF is the branch the payload names as the repository's default.
 */
function onDefaultBranch(eventName: string, ref: string, payload: Payload): boolean {
  if (eventName === 'schedule') return true
  if (!BRANCH_EVENTS.has(eventName)) return false
  const repository = isObject(payload.repository) ? payload.repository : null
  const branch = typeof repository?.default_branch === 'string' ? repository.default_branch : ''
  return branch !== '' && ref === `refs/heads/${branch}`
}

/** The base commit an event names: its pull request's, a merge queue's, a workflow_run's. */
function baseCommit(payload: Payload): string {
  const runs = isObject(payload.workflow_run) ? payload.workflow_run.pull_requests : undefined
  const pull = isObject(payload.pull_request)
    ? payload.pull_request
    : Array.isArray(runs) && isObject(runs[0])
      ? runs[0]
      : null
  const base = isObject(pull?.base) ? pull.base.sha : undefined
  if (typeof base === 'string') return base
  const queue = isObject(payload.merge_group) ? payload.merge_group.base_sha : undefined
  return typeof queue === 'string' ? queue : ''
}

const EVENT_COMMITS: Record<string, [string, string]> = {
  workflow_run: ['workflow_run', 'head_sha'],
  merge_group: ['merge_group', 'head_sha'],
  deployment_status: ['deployment', 'sha']
}
