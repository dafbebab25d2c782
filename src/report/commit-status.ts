// The commit status of the tested commit (`commit-status: true`): `pending` when the wait begins,
// then the verdict. A refusal is one warning naming `statuses: write`; it never changes the verdict.
import * as core from '@actions/core'
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

/** After the runner's cancel the process exits within seconds: one short try, then let it be. */
const CANCELLED_CALL = { attempts: 1, callTimeoutMs: 1_500 } as const

class CommitStatusReporter {
  private poster: Promise<PostStatus> | undefined
  private pendingPost: Promise<void> = Promise.resolve()
  /** A refusal stands for the whole step: one warning, and nothing more is sent. */
  private refused = false

  constructor(private readonly options: CommitStatusOptions) {}

  /** Posted beside the wait, not before it: a slow GitHub must not delay the runs' first poll. */
  pending(sha: string, runCount: number, signal: AbortSignal): void {
    this.pendingPost = this.post(
      sha,
      { state: 'pending', description: pendingDescription(runCount) },
      signal
    )
  }

  /** The verdict, once the pending status (if any) is out, so GitHub keeps them in that order. */
  async final(sha: string, report: Report, cancelled: boolean): Promise<void> {
    await this.pendingPost
    const { state, description } = statusOfReport(report, this.options.redact)
    await this.post(sha, { state, description }, undefined, cancelled ? CANCELLED_CALL : {})
  }

  private async post(
    sha: string,
    status: Pick<CommitStatus, 'state' | 'description'>,
    signal?: AbortSignal,
    call: { attempts?: number; callTimeoutMs?: number } = {}
  ): Promise<void> {
    if (this.refused) return
    const short = sha.slice(0, 12)
    if (!sha) {
      this.refused = true
      core.warning(
        'commit-status is on, but this event names no commit to put the status on (an issue comment, waiting on run-id, or GitHub did not say the pull request’s commit): no commit status was posted.',
        { title: 'TesterArmy commit status' }
      )
      return
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
      )(
        sha,
        { ...status, context: options.context, targetUrl: options.targetUrl },
        { ...(signal ? { signal } : {}), ...call }
      )
    } catch (error) {
      answer = { kind: 'failed', message: error instanceof Error ? error.message : String(error) }
    }
    if (answer.kind === 'posted') {
      core.info(`Commit status "${options.context}" on ${short}: ${status.state}.`)
      return
    }
    const why = options.redact(logText(answer.message, 300))
    if (answer.kind === 'refused') {
      this.refused = true
      core.warning(
        `The commit status "${options.context}" could not be posted on ${short} (${why}): the token needs ` +
          `permissions: statuses: write. The verdict is not changed by this.`,
        { title: 'TesterArmy commit status' }
      )
      return
    }
    core.warning(
      `The commit status "${options.context}" (${status.state}) could not be posted on ${short} (${why}). ` +
        'The verdict is not changed by this.',
      { title: 'TesterArmy commit status' }
    )
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
