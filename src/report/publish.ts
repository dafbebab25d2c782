// Everything the user sees of a finished report: the JSON, JUnit and CTRF files, the step outputs,
// the job summary, the annotations, the pull-request comment and the step's last line, each
// scrubbed of the secrets.
import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import * as core from '@actions/core'
import { planAnnotations } from './annotations.js'
import { renderAppBuild, type AppBuild } from '../upload/app-build.js'
import { Limits, Outputs } from '../constants.js'
import { runTotals } from '../labels.js'
import { logText, markdown } from '../escape.js'
import type { CommentResult, CommentTarget } from '../github/comment.js'
import type { Settings } from '../inputs/settings.js'
import type { KnownIssues, Report } from '../model.js'
import { outputsOf } from './outputs.js'
import { reportJson, reportJsonPieces, type ReportHead } from './report-file.js'
import { redact } from '../redact.js'
import { commentMarker, renderComment } from './comment-text.js'
import { ctrfPieces } from './ctrf.js'
import { writeFileBeside } from './file-write.js'
import { formatPaths, type ReportFileOptions } from './formats.js'
import { junitPieces } from './junit.js'
import { KNOWN_ISSUES_TITLE, knownIssuesNotes } from './known-issues-notes.js'
import { matrixWhyLine } from './legs-words.js'
import { buildReport } from '../verdict/build-report.js'
import { renderSummary, summaryWanted } from './summary.js'
import type { WorkflowContext } from '../workflow-context.js'

/** Creates or updates the pull-request comment. */
export type PostComment = (target: CommentTarget) => Promise<CommentResult>

/**
 * `setExitLine` tells the lifecycle what the step's last line must say should the runner's cancel
 * end the process before publishing is done.
 */
export async function publish(
  report: Report,
  settings: Settings,
  context: WorkflowContext,
  postComment: PostComment,
  appBuild: AppBuild | null = null,
  setExitLine: (line: string) => void = () => undefined
): Promise<void> {
  const files = await writeReportFiles(report, settings, context)
  const reportPath = files.report
  const cancelledAfter = (done: string, missing: string): void =>
    setExitLine(
      `TesterArmy: the workflow was cancelled; ${done} written, but ${missing} did not finish in time.`
    )
  const file = reportPath ? 'the report file' : ''
  if (file) cancelledAfter(`${file} was`, 'the outputs and the summary')
  for (const [name, value] of Object.entries(outputsOf(report, reportPath, files)))
    core.setOutput(name, redact(value, settings))
  cancelledAfter(file ? `${file} and the outputs were` : 'the outputs were', 'the summary')
  if (summaryWanted(settings.summary, report.passed))
    writeSummary(report, settings, context, reportPath, appBuild)
  const done = file
    ? `${file}, the outputs and the summary were`
    : 'the outputs and the summary were'
  cancelledAfter(done, 'the annotations')
  if (settings.annotations) {
    for (const note of planAnnotations(report)) {
      const title = redact(note.title, settings)
      const message = redact(note.message, settings)
      if (note.level === 'error') core.error(message, { title })
      else if (note.level === 'warning') core.warning(message, { title })
      else core.notice(message, { title })
    }
  }
  if (settings.comment === 'auto' && report.started?.testerArmyComments) {
    core.info(
      `comment is auto, and TesterArmy comments on pull request #${context.prNumber ?? '?'} itself: no second comment from this step.`
    )
  } else if (settings.comment !== 'off') {
    cancelledAfter(done, 'the pull-request comment')
    await commentOnPullRequest(report, settings, context, postComment)
  }
}

/**
 * The exploration agent found nothing to test (no pull request, a deployment that did not
 * succeed): one notice, status `skipped`, a one-line summary, and the step passes.
 */
export function publishSkipped(reason: string, settings: Settings, context: WorkflowContext): void {
  core.notice(`Nothing to test: ${reason} Nothing was started.`, {
    title: 'TesterArmy exploration agent'
  })
  const outputs = outputsOf(buildReport([], settings), '')
  outputs[Outputs.Status] = 'skipped'
  outputs[Outputs.Passed] = 'true'
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  if (summaryWanted(settings.summary, true) && context.summaryPath) {
    try {
      appendFileSync(
        context.summaryPath,
        redact(
          `### ⏭️ TesterArmy: nothing to test\n\n${markdown(reason, 1_000)} Nothing was started.\n`,
          settings
        )
      )
    } catch (error) {
      core.warning(`Could not write the job summary: ${(error as Error).message}`)
    }
  }
  core.info('TesterArmy verdict: skipped (no pull request to test); the step passes.')
}

/** The report file's path, or '' when it could not be written (a warning says why). */
async function writeReportFiles(
  report: Report,
  settings: Settings,
  context: WorkflowContext
): Promise<{ report: string; junit: string; ctrf: string }> {
  const path = settings.reportPath
  const written = { report: '', junit: '', ctrf: '' }
  try {
    ensureDir(dirname(path))
    await writeReportJson(path, report, settings, {
      leg: settings.leg,
      commit: report.gathered?.commit || context.sha,
      pullRequest: report.started?.prNumber ?? context.prNumber,
      workflowRun: { id: context.runId, attempt: context.runAttempt }
    })
    written.report = path
  } catch (error) {
    core.warning(`Could not write the JSON report to ${path}: ${(error as Error).message}`)
    return written
  }
  const options: ReportFileOptions = {
    apiUrl: settings.apiUrl,
    workflowRunUrl: context.runUrl,
    // The process began when the step did: the CTRF run's start. From process.uptime(), not
    // performance.timeOrigin: the global `performance` loads perf_hooks (eight of Node's modules,
    // 2 % of a plain wait's cold start) for this one number.
    startedAt: Date.now() - process.uptime() * 1000,
    finishedAt: Date.now(),
    ...(report.knownIssues ? { knownIssuesFile: report.knownIssues.file } : {})
  }
  const paths = formatPaths(path)
  for (const [format, pieces] of [
    ['junit', junitPieces(report, options)],
    ['ctrf', ctrfPieces(report, options)]
  ] as const) {
    try {
      await writeFileBeside(paths[format], pieces, text => redact(text, settings))
      written[format] = paths[format]
    } catch (error) {
      const name = format === 'junit' ? 'JUnit XML' : 'CTRF'
      core.warning(
        `Could not write the ${name} report to ${paths[format]}: ${(error as Error).message}`
      )
    }
  }
  return written
}

/**
 * The report file, written piece by piece (see `reportJsonPieces`: cut only where no secret can
 * straddle two pieces, so each piece is scrubbed alone) so a huge body is never one string. A body
 * nested too deep for JSON.stringify is written by `reportJson`, its deepest levels left out.
 */
async function writeReportJson(
  path: string,
  report: Report,
  settings: Settings,
  head: ReportHead
): Promise<void> {
  const scrub = (text: string): string => redact(text, settings)
  try {
    await writeFileBeside(path, reportJsonPieces(report, head), scrub)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    await writeFileBeside(path, [reportJson(report, head)], scrub)
  }
}

function writeSummary(
  report: Report,
  settings: Settings,
  context: WorkflowContext,
  reportPath: string,
  appBuild: AppBuild | null
): void {
  // The build's block goes last, its bytes kept out of the runs' 1 MiB budget.
  const block = appBuild ? `\n${renderAppBuild(appBuild)}` : ''
  const maxBytes = Limits.summaryMaxBytes - Buffer.byteLength(block)
  writeMarkdown(renderSummary(report, { ...settings, reportPath, maxBytes }) + block, {
    settings,
    context
  })
}

function writeMarkdown(
  markdown: string,
  { settings, context }: { settings: Settings; context: WorkflowContext }
): void {
  if (!context.summaryPath) {
    core.info(
      'GITHUB_STEP_SUMMARY is not set (not running on a GitHub runner): no job summary written.'
    )
    return
  }
  try {
    // Appended synchronously, not with @actions/core's summary.write(), whose asynchronous file
    // calls go through libuv's thread pool (and start it, when no DNS lookup has: about 2 % of a
    // plain wait's cold start against an IP api-url). The file and what is appended are the same.
    appendFileSync(context.summaryPath, redact(markdown, settings))
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
}

/**
 * Upload only (`app-path` alone): the build's outputs are already set; the summary says what was
 * uploaded, and the step passes.
 */
export function publishUploadOnly(
  build: AppBuild,
  settings: Settings,
  context: WorkflowContext
): void {
  core.setOutput(Outputs.Passed, 'true')
  if (summaryWanted(settings.summary, true)) {
    const markdown = `## ✅ TesterArmy: build uploaded\n\nNo run was started (app-path alone only uploads).\n\n${renderAppBuild(build)}`
    writeMarkdown(markdown, { settings, context })
  }
  core.info(`TesterArmy: build uploaded as app ${build.app.id}; no run was started.`)
}

const COMMENT_TITLE = { title: 'TesterArmy comment' }

/** One comment per workflow job on the pull request; never fails the step, says what happened. */
async function commentOnPullRequest(
  report: Report,
  settings: Settings,
  context: WorkflowContext,
  postComment: PostComment
): Promise<void> {
  if (!settings.githubToken) {
    core.notice(
      'comment is true, but github-token is empty (secrets are not given to pull requests from forks): no comment was written.',
      COMMENT_TITLE
    )
    return
  }
  if (context.prNumber === null || !context.owner) {
    core.notice(
      'comment is true, but this workflow run is not for a pull request: no comment was written.',
      COMMENT_TITLE
    )
    return
  }
  const parts = {
    workflow: context.workflow,
    job: context.job,
    start: settings.start,
    agent: settings.agent,
    reports: settings.reports !== null
  }
  const marker = commentMarker(parts)
  // A comment an earlier version wrote with target-url or app-id in its marker is updated too.
  const before = commentMarker(parts, { asBefore: true })
  let result: CommentResult
  try {
    result = await postComment({
      token: settings.githubToken,
      apiUrl: context.apiUrl,
      owner: context.owner,
      repo: context.repo,
      prNumber: context.prNumber,
      marker,
      ...(before !== marker ? { earlierMarkers: [before] } : {}),
      body: redact(renderComment(report, marker, context.runUrl), settings)
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
      `Could not comment on ${pr}: the token may not write there (${logText(redact(result.message, settings), 200)}). ` +
        `Pull requests from forks get a read-only token; otherwise give the job permissions: pull-requests: write.`,
      COMMENT_TITLE
    )
  } else if (result.kind === 'failed') {
    core.warning(
      `Could not comment on ${pr}: ${logText(redact(result.message, settings), 300)}`,
      COMMENT_TITLE
    )
  }
}

/**
 * `mkdir -p`, one level at a time. Node's own `recursive: true` loops forever where the kernel
 * answers ENOENT for a parent that exists (a path under /proc, seen on Node 20 and 24).
 */
function ensureDir(dir: string): void {
  try {
    mkdirSync(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return
    if (code !== 'ENOENT' || dirname(dir) === dir) throw error
    ensureDir(dirname(dir))
    try {
      mkdirSync(dir)
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again
    }
  }
}

/**
 * run()'s catch-all, once the inputs are read: the report, outputs and summary say `error` with
 * the message as their fatal line, so later steps still see why. Never throws: it runs after
 * something already went wrong, and the caller's failed line must still come.
 */
export async function publishUnexpected(
  message: string,
  settings: Settings,
  context: WorkflowContext,
  postComment: PostComment
): Promise<void> {
  try {
    const report = buildReport([], settings, {
      fatal: `the action failed unexpectedly: ${message}`
    })
    await publish(report, settings, context, postComment)
  } catch (error) {
    core.debug(`The report of the unexpected failure could not be published: ${String(error)}`)
  }
}

/**
 * The step's last word: one line saying the verdict, and why when it fails. `cancelled`: the
 * runner cancelled the step, even if only after the report was built (while it was being
 * published): the step must then fail, whatever the verdict.
 */
export function conclude(report: Report, settings: Settings, cancelled = false): void {
  const several = report.runs.length > 1
  const runsWhy = report.runs
    .filter(r => !r.passed)
    .map(r => {
      const name = several
        ? `run ${r.id}${r.featureName ? ` (${logText(r.featureName, 80)})` : ''}: `
        : ''
      // A user reading only the log must see why a run failed: its own error code and message.
      const runError = r.run?.error
      const detail =
        r.status === 'timed_out' && r.error
          ? ` (last error: ${logText(r.error, 200)})`
          : r.status === 'failed' && runError
            ? ` (${logText([runError.code, runError.message].filter(Boolean).join(': '), 300).replace(/\.$/, '')})`
            : ''
      return `${name}${r.reasons.join('; ')}${detail}`
    })
    .join('; ')
  // Reports mode: which legs failed and why, what is missing, which files could not be used.
  const why = report.gathered ? matrixWhyLine(report, report.gathered) : runsWhy

  if (report.fatal) {
    core.setFailed(redact(`TesterArmy: ${logText(report.fatal, 500)}`, settings))
  } else if (report.cancelled || cancelled) {
    core.setFailed('TesterArmy: the wait was cancelled because the workflow was cancelled.')
  } else if (!report.passed && settings.failOn !== 'never') {
    core.setFailed(redact(`TesterArmy verdict: failed: ${why}.`, settings))
  } else if (!report.passed) {
    core.info(
      redact(`TesterArmy verdict: failed (${why}); fail-on is never, so the step passes.`, settings)
    )
  } else {
    const skipped = report.result === 'SKIPPED'
    const flaky = report.flakyCount
      ? ` (${report.flakyCount === 1 ? '1 flaky run' : `${report.flakyCount} flaky runs`}: failed, then passed on a retry)`
      : ''
    // A pass that rests on waivers says so: a log reader must not take it for a clean run.
    const waived = runTotals(report.runs).waived
    const known = waived
      ? ` (${waived === 1 ? '1 finding' : `${waived} findings`} waived by known-issues)`
      : ''
    core.info(
      `TesterArmy verdict: ${skipped ? 'passed (skipped: nothing user-visible to test)' : 'passed'}${flaky}${known}.`
    )
  }
}

/** Says it on the runner: the log line, then each notice and warning as an annotation. */
export function announceKnownIssues(knownIssues: KnownIssues): void {
  for (const note of knownIssuesNotes(knownIssues)) {
    if (note.level === 'info') core.info(note.message)
    else if (note.level === 'notice') core.notice(note.message, KNOWN_ISSUES_TITLE)
    else core.warning(note.message, KNOWN_ISSUES_TITLE)
  }
}
