// The action's run(): read the inputs, wait for the runs, then publish the verdict everywhere a
// user looks (outputs, report file, summary, annotations) and end the step accordingly.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import * as core from '@actions/core'
import { ApiClient, scrubSecret, type RunsApi, type StartApi } from './api-client.js'
import { planAnnotations } from './annotations.js'
import { systemClock, type Clock } from './clock.js'
import { Limits, Outputs, TERMINAL_STATUSES } from './constants.js'
import { formatDuration } from './duration.js'
import { logText } from './escape.js'
import { InputErrors, parseSettings, type Settings, type StartRequest } from './inputs.js'
import { outputsOf, reportFileOf } from './outputs.js'
import { pollRuns, type RunOutcome } from './poller.js'
import { buildReport, type Report } from './report.js'
import { renderSummary } from './summary.js'
import { upsertComment, type CommentResult, type CommentTarget } from './github-comment.js'
import { commentMarker, renderComment } from './pr-comment.js'
import { startRuns, type StartOutcome } from './start-runs.js'
import { readWorkflowContext, type WorkflowContext } from './workflow-context.js'

const CANCEL_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

export interface Dependencies {
  clock: Clock
  /** Builds the API client once the settings are known. */
  api: (settings: Settings) => RunsApi & StartApi
  /** Where the runner's cancellation arrives. */
  signals: Pick<NodeJS.Process, 'on' | 'off'>
  /** Creates or updates the pull-request comment. */
  comment: (target: CommentTarget) => Promise<CommentResult>
}

const defaults: Dependencies = {
  clock: systemClock,
  api: settings =>
    new ApiClient({
      apiUrl: settings.apiUrl,
      apiKey: settings.apiKey,
      onRequest: line => core.debug(line)
    }),
  signals: process,
  comment: upsertComment
}

/** Never throws: whatever goes wrong ends as one readable `::error::` line and a failed step. */
export async function run(deps: Dependencies = defaults): Promise<void> {
  try {
    await waitAndReport(deps)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    core.debug(error instanceof Error && error.stack ? error.stack : message)
    core.setFailed(`TesterArmy action failed unexpectedly: ${message}`)
  }
}

async function waitAndReport(deps: Dependencies): Promise<void> {
  let settings: Settings
  try {
    settings = parseSettings({
      read: name => core.getInput(name),
      env: process.env,
      onSecret: core.setSecret
    })
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error
    for (const inputError of error.errors) core.setFailed(inputError.message)
    return
  }

  const { clock } = deps
  const started = clock.now()
  const api = deps.api(settings)
  const cancel = new AbortController()
  let hardExit: NodeJS.Timeout | undefined
  const onSignal = (signal: NodeJS.Signals): void => {
    if (cancel.signal.aborted) return
    core.warning(`Received ${signal}: the workflow is being cancelled; stopping the wait.`)
    cancel.abort()
    // The runner kills the process a few seconds after its first signal: make sure we are gone
    // first, with the step marked failed, even if something still hangs.
    hardExit = setTimeout(() => {
      core.setFailed(
        'TesterArmy: the workflow was cancelled; the report could not be written in time.'
      )
      process.exit(1)
    }, Limits.cancelExitMs)
    hardExit.unref()
  }
  // The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills the process tree
  // 2.5 s after that; some runner versions send SIGHUP instead. Listening for the whole wait means
  // a second signal cannot kill the process halfway through writing the report.
  for (const signal of CANCEL_SIGNALS) deps.signals.on(signal, onSignal)

  try {
    const context = readWorkflowContext(process.env)
    const deadline = started + settings.timeoutMs
    let ids = settings.runIds
    let cancelledAtStart: string[] = []

    if (settings.start) {
      const outcome = await startRequestedRuns(settings.start, {
        api,
        clock,
        context,
        deadline,
        pollIntervalMs: settings.pollIntervalMs,
        signal: cancel.signal
      })
      if (outcome.kind !== 'started') {
        const fatal =
          outcome.kind === 'failed'
            ? outcome.message
            : 'the workflow was cancelled while the run was being started; it may have started, so check the TesterArmy dashboard'
        const report = buildReport([], settings, { fatal, cancelled: outcome.kind === 'aborted' })
        await publish(report, settings, context, deps.comment)
        conclude(report, settings)
        return
      }
      ids = outcome.runIds
      cancelledAtStart = outcome.cancelledRunIds
    }

    const toWait = ids.filter(id => !cancelledAtStart.includes(id))
    core.startGroup(
      `Waiting for ${toWait.length === 1 ? `TesterArmy run ${toWait[0]}` : `${toWait.length} TesterArmy runs`}`
    )
    core.info(
      `Checking every ${formatDuration(settings.pollIntervalMs)} for up to ${formatDuration(settings.timeoutMs)} at ${settings.apiUrl}.`
    )
    const polled = await pollRuns({
      runIds: toWait,
      api,
      clock,
      pollIntervalMs: settings.pollIntervalMs,
      deadline,
      signal: cancel.signal,
      log: {
        statusChange: (id, from, to, elapsedMs) =>
          core.info(
            from
              ? `Run ${id}: ${logText(from, 40)} -> ${logText(to, 40)} after ${formatDuration(elapsedMs)}`
              : `Run ${id}: ${logText(to, 40)}`
          ),
        unknownStatus: (id, status) =>
          core.warning(
            `Run ${id} reports status "${logText(status, 40)}", which this action does not know; still waiting.`
          ),
        retry: (id, message, delayMs) =>
          core.info(
            `Run ${id}: ${logText(message, 300)}; trying again in ${formatDuration(delayMs)}.`
          )
      }
    })
    core.endGroup()

    const cancelled = cancel.signal.aborted
    if (settings.cancelOnAbort) await cancelUnfinished(api, polled.outcomes, cancelled)
    const outcomes = ids.map(
      id =>
        polled.outcomes.find(o => o.id === id) ?? {
          id,
          status: 'cancelled' as const,
          run: null,
          body: null,
          lastStatus: 'cancelled',
          error:
            'TesterArmy cancelled this run as the group started (for example a duplicate or the quota)',
          cancelledByUser: false
        }
    )
    const report = buildReport(outcomes, settings, { fatal: polled.fatal, cancelled })
    await publish(report, settings, context, deps.comment)
    conclude(report, settings)
  } finally {
    clearTimeout(hardExit)
    for (const signal of CANCEL_SIGNALS) deps.signals.off(signal, onSignal)
  }
}

/** Starts the runs of `test-id` or `group-id`, and says which started, in the log and the outputs. */
async function startRequestedRuns(
  request: StartRequest,
  options: Omit<Parameters<typeof startRuns>[0], 'request' | 'onRetry'>
): Promise<StartOutcome> {
  core.startGroup(`Starting a TesterArmy run of ${request.kind} ${request.id}`)
  const outcome = await startRuns({
    ...options,
    request,
    onRetry: (message, delayMs) =>
      core.info(
        `Start request: ${logText(message, 300)}; trying again in ${formatDuration(delayMs)}.`
      )
  })
  core.endGroup()
  if (outcome.kind !== 'started') return outcome
  const ids = outcome.runIds
  // Known now, so a later step can find the runs even if the wait below fails.
  core.setOutput(Outputs.RunId, ids.join(','))
  core.info(
    `Started ${ids.length === 1 ? `run ${ids[0]}` : `${ids.length} runs: ${ids.join(', ')}`}.`
  )
  if (outcome.cancelledRunIds.length) {
    core.warning(
      `TesterArmy cancelled ${outcome.cancelledRunIds.length} of the group's runs as it started them ` +
        `(for example duplicates or the quota): ${outcome.cancelledRunIds.join(', ')}.`
    )
  }
  return outcome
}

/** Best effort, all at once, within 3 s: a run nobody waits for should not keep spending. */
async function cancelUnfinished(
  api: RunsApi,
  outcomes: RunOutcome[],
  cancelled: boolean
): Promise<void> {
  const unfinished = outcomes.filter(
    o =>
      (o.status === 'timed_out' || o.status === 'cancelled') &&
      !TERMINAL_STATUSES.includes(o.lastStatus ?? '')
  )
  if (unfinished.length === 0) return
  core.info(
    `${cancelled ? 'Cancelled' : 'Timed out'}: asking TesterArmy to cancel ${unfinished.length} unfinished run(s).`
  )
  await Promise.all(
    unfinished.map(async o => {
      const answer = await api.cancelRun(o.id, { timeoutMs: Limits.cancelRequestTimeoutMs })
      if (answer.kind === 'cancelled') core.info(`Run ${o.id}: cancelled.`)
      else if (answer.kind === 'http-error' && answer.status === 409)
        core.info(`Run ${o.id}: already finished.`)
      else
        core.info(
          `Run ${o.id}: could not be cancelled (${answer.kind === 'aborted' ? 'aborted' : logText(answer.message, 200)}).`
        )
    })
  )
}

async function publish(
  report: Report,
  settings: Settings,
  context: WorkflowContext,
  comment: Dependencies['comment']
): Promise<void> {
  // The secrets never leave this process: scrubbed from anything written, should some text echo them.
  const redact = (text: string): string => redactSecrets(text, settings)

  let reportPath = settings.reportPath
  try {
    await ensureDir(dirname(reportPath))
    await writeFile(reportPath, redact(`${JSON.stringify(reportFileOf(report), null, 2)}\n`))
  } catch (error) {
    core.warning(`Could not write the JSON report to ${reportPath}: ${(error as Error).message}`)
    reportPath = ''
  }

  for (const [name, value] of Object.entries(outputsOf(report, reportPath)))
    core.setOutput(name, redact(value))

  const wantSummary =
    settings.summary === 'always' || (settings.summary === 'on-failure' && !report.passed)
  if (wantSummary) {
    if (process.env.GITHUB_STEP_SUMMARY) {
      const markdown = renderSummary(report, { ...settings, reportPath })
      try {
        await core.summary.addRaw(redact(markdown)).write()
      } catch (error) {
        core.warning(`Could not write the job summary: ${(error as Error).message}`)
      }
    } else {
      core.info(
        'GITHUB_STEP_SUMMARY is not set (not running on a GitHub runner): no job summary written.'
      )
    }
  }

  if (settings.annotations) {
    for (const note of planAnnotations(report)) {
      const { title, message } = { title: redact(note.title), message: redact(note.message) }
      if (note.level === 'error') core.error(message, { title })
      else if (note.level === 'warning') core.warning(message, { title })
      else core.notice(message, { title })
    }
  }

  if (settings.comment) await commentOnPullRequest(report, settings, context, comment)
}

/**
 * The API key and GitHub token never leave this process: scrubbed from anything written, in case
 * some text echoed them (the client already scrubs API bodies; this is the last line).
 */
function redactSecrets(text: string, settings: Settings): string {
  return scrubSecret(scrubSecret(text, settings.apiKey), settings.githubToken)
}

/** One comment per workflow job on the pull request; never fails the step, says what happened. */
async function commentOnPullRequest(
  report: Report,
  settings: Settings,
  context: WorkflowContext,
  comment: Dependencies['comment']
): Promise<void> {
  const redact = (text: string): string => redactSecrets(text, settings)
  if (!settings.githubToken) {
    core.notice(
      'comment is true, but github-token is empty (secrets are not given to pull requests from forks): no comment was written.',
      { title: 'TesterArmy comment' }
    )
    return
  }
  if (context.prNumber === null || !context.owner) {
    core.notice(
      'comment is true, but this workflow run is not for a pull request: no comment was written.',
      {
        title: 'TesterArmy comment'
      }
    )
    return
  }
  const marker = commentMarker({
    workflow: context.workflow,
    job: context.job,
    start: settings.start
  })
  let result: CommentResult
  try {
    result = await comment({
      token: settings.githubToken,
      apiUrl: context.apiUrl,
      owner: context.owner,
      repo: context.repo,
      prNumber: context.prNumber,
      marker,
      body: redact(renderComment(report, marker, context.runUrl))
    })
  } catch (error) {
    result = { kind: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
  const pr = `pull request #${context.prNumber}`
  if (result.kind === 'created' || result.kind === 'updated') {
    core.info(
      `${result.kind === 'created' ? 'Commented on' : 'Updated the comment on'} ${pr}: ${result.url}`
    )
  } else if (result.kind === 'forbidden') {
    core.notice(
      `Could not comment on ${pr}: the token may not write there (${logText(redact(result.message), 200)}). ` +
        `Pull requests from forks get a read-only token; otherwise give the job permissions: pull-requests: write.`,
      { title: 'TesterArmy comment' }
    )
  } else if (result.kind === 'failed') {
    core.warning(`Could not comment on ${pr}: ${logText(redact(result.message), 300)}`, {
      title: 'TesterArmy comment'
    })
  }
}

/**
 * `mkdir -p`, one level at a time. Node's own `recursive: true` loops forever where the kernel
 * answers ENOENT for a parent that exists (a path under /proc, seen on Node 20 and 24).
 */
async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return
    if (code !== 'ENOENT' || dirname(dir) === dir) throw error
    await ensureDir(dirname(dir))
    await mkdir(dir).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again
    })
  }
}

/** The step's last word: one line saying the verdict, and why when it fails. */
function conclude(report: Report, settings: Settings): void {
  const redact = (text: string): string => redactSecrets(text, settings)
  const several = report.runs.length > 1
  const why = report.runs
    .filter(r => !r.passed)
    .map(r => {
      const name = several
        ? `run ${r.id}${r.featureName ? ` (${logText(r.featureName, 80)})` : ''}: `
        : ''
      const detail =
        r.status === 'timed_out' && r.error ? ` (last error: ${logText(r.error, 200)})` : ''
      return `${name}${r.reasons.join('; ')}${detail}`
    })
    .join('; ')

  if (report.fatal) {
    core.setFailed(redact(`TesterArmy: ${logText(report.fatal, 500)}`))
  } else if (report.cancelled) {
    core.setFailed('TesterArmy: the wait was cancelled because the workflow was cancelled.')
  } else if (!report.passed && settings.failOn !== 'never') {
    core.setFailed(redact(`TesterArmy verdict: failed: ${why}.`))
  } else if (!report.passed) {
    core.info(redact(`TesterArmy verdict: failed (${why}); fail-on is never, so the step passes.`))
  } else {
    const skipped = report.result === 'SKIPPED'
    core.info(
      `TesterArmy verdict: ${skipped ? 'passed (skipped: nothing user-visible to test)' : 'passed'}.`
    )
  }
}
