// The action's run(), as the story of a run: read the inputs, check the build, start everything
// they ask for (find the pull request, upload the build, start the runs), wait for the runs, start
// failed ones again, cancel what nobody waits for, build the report, publish it everywhere a user
// looks, and end the step.
import { tmpdir } from 'node:os'
import * as core from '@actions/core'
import { ApiClient, type RunsApi, type StartApi, type UploadApi } from './api/api-client.js'
import { systemClock, type Clock } from './clock.js'
import type { FileAtCommitOptions, RepositoryFiles } from './github/file-at-commit.js'
import type { PullsClientOptions } from './github/pulls.js'
import type { StatusClientOptions } from './github/statuses.js'
import type { ReportsRequest } from './inputs/reports.js'
import { InputErrors, parseSettings, type Settings } from './inputs/settings.js'
import { watchCancellation, type HeldSignals, type Signals } from './lifecycle.js'
import {
  announceKnownIssues,
  conclude,
  publish,
  publishSkipped,
  publishUnexpected,
  publishUploadOnly,
  type PostComment
} from './report/publish.js'
import type { PullsApi } from './github/pull-request.js'
import { redact } from './redact.js'
import { commitStatusReporter, type CommitStatusOptions } from './report/commit-status.js'
import type { Report } from './model.js'
import type { AppBuild } from './upload/app-build.js'
import { buildReport, ownVerdictFailed } from './verdict/build-report.js'
import { utcDay } from './verdict/known-issues.js'
import { checkBuild, startEverything } from './start/begin.js'
import { waitForRuns } from './start/wait-phase.js'
import {
  readWorkflowContext,
  runnerEnv,
  type Env,
  type WorkflowContext
} from './workflow-context.js'

interface Dependencies {
  clock: Clock
  /** Builds the API client once the settings are known. */
  api: (settings: Settings) => RunsApi & StartApi & UploadApi
  /** Where the runner's cancellation arrives. */
  signals: Signals
  /** Creates or updates the pull-request comment. */
  comment: PostComment
  /** The runner's environment (inputs' fallbacks, the workflow context, the summary file). */
  env: Env
  /** GitHub's pull-request lookups, for the exploration agent (Octokit is loaded only then). */
  pulls: (options: PullsClientOptions) => Promise<PullsApi>
  /** Posts commit statuses (`commit-status`; Octokit is loaded only then). */
  statuses: CommitStatusOptions['client']
  /** Reads the base commit's copy of the known-issues file (Octokit is loaded only then). */
  files: (options: FileAtCommitOptions) => Promise<RepositoryFiles>
  /** Cancel signals caught while the action loaded (index.ts), if any. */
  held?: HeldSignals
}

type Parsed = {
  settings?: Settings
  context?: WorkflowContext
  /** Once a commit status may be pending: puts the unexpected failure on it instead. */
  failStatus?: (message: string) => Promise<unknown> | undefined
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
  // GitHub's code is loaded only when a comment, a pull-request lookup or a commit status needs it.
  comment: async target => (await import('./github/clients.js')).upsertComment(target),
  env: runnerEnv(),
  pulls: async options => (await import('./github/clients.js')).createPullsClient(options),
  statuses: async (options: StatusClientOptions) =>
    (await import('./github/clients.js')).createStatusClient(options),
  files: async options => (await import('./github/clients.js')).createRepositoryFiles(options)
}

/** Never throws: whatever goes wrong ends as one readable `::error::` line and a failed step. */
export async function run(overrides: Partial<Dependencies> = {}): Promise<void> {
  const deps = { ...defaults, ...overrides }
  // What waitAndReport has read so far, for the catch-all's report.
  const parsed: Parsed = {}
  try {
    await waitAndReport(deps, parsed)
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error)
    const message = parsed.settings ? redact(raw, parsed.settings) : raw
    core.debug(error instanceof Error && error.stack ? error.stack : message)
    // Later steps still read `status: error` and the reason, as when a start fails.
    if (parsed.settings && parsed.context) {
      await publishUnexpected(message, parsed.settings, parsed.context, deps.comment)
      await parsed.failStatus?.(message)
    }
    core.setFailed(`TesterArmy action failed unexpectedly: ${message}`)
  }
}

async function waitAndReport(deps: Dependencies, parsed: Parsed): Promise<void> {
  // 1. Read the inputs: a bad one is one error line each, before any request.
  const context = readWorkflowContext(deps.env)
  let settings: Settings
  try {
    settings = parseSettings({
      read: core.getInput,
      env: deps.env,
      onSecret: core.setSecret,
      event: {
        name: context.eventName,
        ...(context.forkRepository ? { forkRepository: context.forkRepository } : {})
      }
    })
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error
    for (const inputError of error.errors) core.setFailed(inputError.message)
    return
  }
  Object.assign(parsed, { settings, context })
  if (settings.reports) return gatherAndReport(deps, parsed, settings, settings.reports, context)
  const { clock } = deps
  // The file of known issues and the build (app-path) are checked on disk before any request,
  // like inputs.
  const knownIssues = await readKnownIssues(settings, utcDay(clock.now()))
  if (knownIssues?.ok === false) return core.setFailed(knownIssues.message)
  const checked = await checkBuild(settings)
  if (checked.kind === 'refused') return core.setFailed(checked.message)
  const build = checked.kind === 'ready' ? checked.build : null

  const deadline = clock.now() + settings.timeoutMs
  const api = deps.api(settings)
  const lifecycle = watchCancellation(deps.signals, deps.held)
  const { signal } = lifecycle
  try {
    // 2. Start everything the inputs ask for: find the pull request, upload the build, start the
    //    agent and the runs of a test or group.
    const begun = await startEverything({
      settings,
      context,
      build,
      api,
      clock,
      deadline,
      signal,
      tempDir: deps.env.RUNNER_TEMP || tmpdir(),
      pulls: deps.pulls
    })
    if (begun.kind === 'skipped') return publishSkipped(begun.reason, settings, context)
    if (begun.kind === 'upload-only') return publishUploadOnly(begun.build, settings, context)
    const status = commitStatusReporter(settings, begun.context, deps.statuses)
    parsed.failStatus = fatal =>
      status?.final(begun.context.sha, buildReport([], settings, { fatal }), {
        cancelled: signal.aborted,
        exitAt: lifecycle.exitAt()
      })
    // Which entries may waive is known before any run is judged (retry-failed judges them as
    // they finish): the base commit's copy says which ones the pull request adds.
    const waivers = knownIssues
      ? await knownIssues.module.settleKnownIssues({
          input: knownIssues.input,
          entries: knownIssues.entries,
          context: begun.context,
          githubToken: settings.githubToken,
          files: deps.files,
          today: utcDay(clock.now()),
          signal,
          onRequest: line => core.debug(line)
        })
      : null
    if (waivers) announceKnownIssues(waivers)
    const policy = { ...settings, waivers }

    // 3. Wait for every run (the commit status says so meanwhile), start again those whose own
    //    verdict failed (retry-failed), and stop what nobody waits for any more: the step was
    //    cancelled or timed out, or a start failed after the agent's run had started.
    const waited = await waitForRuns({
      begun,
      settings,
      api,
      clock,
      deadline,
      signal,
      failed: outcome => ownVerdictFailed(outcome, policy),
      onWaitBegins: count => status?.pending(begun.context.sha, count, signal)
    })

    // 4. Report on every run, in the order given, each with its attempts.
    const report = buildReport(waited.outcomes, policy, {
      ...waited.end,
      ...(waited.retried ? { retried: waited.retried } : {})
    })
    report.started = begun.facts
    for (const run of report.runs) {
      const first = run.attempts?.[0]?.id ?? run.id
      const origin = begun.kind === 'started' ? begun.origins.get(first) : undefined
      if (origin) run.origin = origin.origin
      if (origin?.reporting) run.githubReporting = origin.reporting
    }

    // 5. Publish it (the commit status first) and end the step on the verdict.
    await publishWithStatus(report, {
      settings,
      context: begun.context,
      sha: begun.context.sha,
      status,
      lifecycle,
      comment: deps.comment,
      appBuild: begun.appBuild
    })
    conclude(report, settings, signal.aborted)
  } finally {
    lifecycle.dispose()
  }
}

/**
 * Publishes the report, the commit status first: one left pending blocks a merge for good, so no
 * file, summary or comment may delay it (or, after a cancel, the exit).
 */
async function publishWithStatus(
  report: Report,
  options: {
    settings: Settings
    context: WorkflowContext
    /** The tested commit, where the status goes. */
    sha: string
    status: ReturnType<typeof commitStatusReporter>
    lifecycle: ReturnType<typeof watchCancellation>
    comment: PostComment
    appBuild: AppBuild | null
  }
): Promise<void> {
  const { status, lifecycle, settings } = options
  if (status) {
    lifecycle.setExitLine(
      'TesterArmy: the workflow was cancelled; neither the commit status nor the report could be written in time.'
    )
    const posted = await status.final(options.sha, report, {
      cancelled: lifecycle.signal.aborted,
      exitAt: lifecycle.exitAt()
    })
    lifecycle.setExitLine(
      `TesterArmy: the workflow was cancelled; ${posted ? 'the commit status was posted, but ' : ''}the report could not be written in time.`
    )
  }
  await publish(
    report,
    settings,
    options.context,
    options.comment,
    options.appBuild,
    lifecycle.setExitLine
  )
}

/**
 * The workspace's file of known issues, read and checked before any request (its code, with the
 * YAML parser, is a chunk loaded only then); null without `known-issues`.
 */
async function readKnownIssues(settings: Settings, today: string) {
  if (!settings.knownIssues) return null
  const module = await import('./inputs/known-issues-file.js')
  const loaded = await module.loadKnownIssues(settings.knownIssues, today)
  if (!loaded.ok) return loaded
  return { ok: true as const, entries: loaded.entries, input: settings.knownIssues, module }
}

/**
 * Reports mode: the last job of a matrix reads the legs' report files (no request to TesterArmy)
 * and publishes them as one run of the action would: one summary, one comment, one commit status.
 */
async function gatherAndReport(
  deps: Dependencies,
  parsed: Parsed,
  settings: Settings,
  request: ReportsRequest,
  context: WorkflowContext
): Promise<void> {
  const lifecycle = watchCancellation(deps.signals, deps.held)
  const { signal } = lifecycle
  try {
    const status = commitStatusReporter(settings, context, deps.statuses)
    parsed.failStatus = fatal =>
      status?.final(context.sha, buildReport([], settings, { fatal }), {
        cancelled: signal.aborted,
        exitAt: lifecycle.exitAt()
      })
    // Its own chunk, with @actions/glob and Ajv: no other use of the action loads them.
    const { gatherReports } = await import('./gather/gather.js')
    core.startGroup('Reading the legs’ reports')
    let report: Report
    try {
      report = await gatherReports({
        request,
        own: { runId: context.runId, commit: context.sha },
        cwd: process.cwd(),
        log: line => core.info(line)
      })
    } finally {
      core.endGroup()
    }
    await publishWithStatus(report, {
      settings,
      context,
      sha: report.gathered?.commit || context.sha,
      status,
      lifecycle,
      comment: deps.comment,
      appBuild: null
    })
    conclude(report, settings, signal.aborted)
  } finally {
    lifecycle.dispose()
  }
}
