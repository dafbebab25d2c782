// The commit status of the tested commit (`commit-status: true`): `pending` when the wait begins,
// then the verdict, which goes before anything else is published. All posts together hold the step
// at most 30 s once the wait is over; after the runner's cancel the verdict is tried again until
// shortly before the hard exit. A refusal is one warning naming `statuses: write`; it never changes
// the verdict.
import * as core from '@actions/core'
import { Limits } from '../constants.js'
import { formatDuration } from '../duration.js'
import { logText } from '../escape.js'
import type {
  CommitStatus,
  PostStatus,
  StatusAnswer,
  StatusClientOptions
} from '../github/statuses.js'
import type { Settings } from '../inputs/settings.js'
import type { Report } from '../model.js'
import { redact } from '../redact.js'
import type { WorkflowContext } from '../workflow-context.js'
import { pendingDescription, statusOfReport } from './status-text.js'

export interface CommitStatusOptions {
  /** `status-context`. */
  context: string
  token: string
  apiUrl: string
  owner: string
  repo: string
  /** The workflow run's page, where the summary is. */
  targetUrl: string
  /** Loads Octokit and makes the poster (only once something is posted). */
  client: (options: StatusClientOptions) => Promise<PostStatus>
  /** Scrubs the secrets from a description (a fatal message may echo text from anywhere). */
  redact: (text: string) => string
}

/**
 * After the runner's cancel the process exits within seconds: short tries, soon repeated (a single
 * 502 must not leave the status pending), as many as fit before the exit.
 */
const CANCELLED_CALL = { attempts: 10, callTimeoutMs: 1_500, backoffMs: 250 } as const

type Call = NonNullable<Parameters<PostStatus>[2]>

class CommitStatusReporter {
  private poster: Promise<PostStatus> | undefined
  private pendingPost: Promise<boolean> = Promise.resolve(true)
  /** A refusal stands for the whole step: one warning, and nothing more is sent. */
  private refused = false
  /** Aborted when the time all posts get is up: ends a pending post still going. */
  private readonly held = new AbortController()

  constructor(private readonly options: CommitStatusOptions) {}

  /** Posted beside the wait, not before it: a slow GitHub must not delay the runs' first poll. */
  pending(sha: string, runCount: number, signal: AbortSignal): void {
    this.pendingPost = this.post(
      sha,
      { state: 'pending', description: pendingDescription(runCount) },
      { signal: AbortSignal.any([signal, this.held.signal]) }
    )
  }

  /**
   * The verdict, once the pending status (if any) is out, so GitHub keeps them in that order. From
   * now on the step waits on GitHub: the rest of the pending post and this one end within
   * `Limits.statusTimeoutMs`, and after the runner's cancel shortly before the hard exit
   * (`exitAt`), leaving the rest of the time to the files. True when the verdict was posted.
   */
  async final(
    sha: string,
    report: Report,
    { cancelled, exitAt = null }: { cancelled: boolean; exitAt?: number | null }
  ): Promise<boolean> {
    const until = Math.min(
      Date.now() + Limits.statusTimeoutMs,
      exitAt === null ? Number.POSITIVE_INFINITY : exitAt - Limits.statusBeforeExitMs
    )
    const timer = setTimeout(() => this.held.abort(), Math.max(0, until - Date.now()))
    try {
      await this.pendingPost
      const { state, description } = statusOfReport(report, this.options.redact)
      return await this.post(
        sha,
        { state, description },
        { until, ...(cancelled ? CANCELLED_CALL : {}) }
      )
    } finally {
      clearTimeout(timer)
    }
  }

  /** True when posted. */
  private async post(
    sha: string,
    status: Pick<CommitStatus, 'state' | 'description'>,
    call: Call = {}
  ): Promise<boolean> {
    if (this.refused) return false
    const short = sha.slice(0, 12)
    if (!sha) {
      this.refused = true
      core.warning(
        'commit-status is on, but this event names no commit to put the status on (an issue comment, waiting on run-id, or GitHub did not say the pull request’s commit): no commit status was posted.',
        { title: 'TesterArmy commit status' }
      )
      return false
    }
    const { options } = this
    let answer: StatusAnswer
    try {
      this.poster ??= options.client({
        token: options.token,
        apiUrl: options.apiUrl,
        owner: options.owner,
        repo: options.repo,
        onRequest: line => core.debug(line)
      })
      answer = await (
        await this.poster
      )(sha, { ...status, context: options.context, targetUrl: options.targetUrl }, call)
    } catch (error) {
      answer = { kind: 'failed', message: error instanceof Error ? error.message : String(error) }
    }
    if (answer.kind === 'posted') {
      core.info(`Commit status "${options.context}" on ${short}: ${status.state}.`)
      return true
    }
    // A pending post cut because the time all posts get was up, not by the runner's cancel.
    const cut =
      this.held.signal.aborted && answer.kind === 'failed' && status.state === 'pending'
        ? `no answer from GitHub within the ${formatDuration(Limits.statusTimeoutMs)} all commit statuses get`
        : answer.message
    const why = options.redact(logText(cut, 300))
    if (answer.kind === 'refused') {
      this.refused = true
      core.warning(
        `The commit status "${options.context}" could not be posted on ${short} (${why}): the token needs ` +
          `permissions: statuses: write. The verdict is not changed by this.`,
        { title: 'TesterArmy commit status' }
      )
      return false
    }
    core.warning(
      `The commit status "${options.context}" (${status.state}) could not be posted on ${short} (${why}). ` +
        'The verdict is not changed by this.',
      { title: 'TesterArmy commit status' }
    )
    return false
  }
}

/** The reporter when `commit-status` is on (Octokit is loaded at its first post), else null. */
export function commitStatusReporter(
  settings: Settings,
  context: WorkflowContext,
  client: CommitStatusOptions['client']
): CommitStatusReporter | null {
  if (!settings.commitStatus) return null
  return new CommitStatusReporter({
    context: settings.commitStatus.context,
    token: settings.githubToken,
    apiUrl: context.apiUrl,
    owner: context.owner,
    repo: context.repo,
    targetUrl: context.runUrl,
    client,
    redact: text => redact(text, settings)
  })
}
