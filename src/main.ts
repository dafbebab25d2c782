// The action's run(), as the story of a run: read the inputs, upload the build (app-path), start
// the runs (test-id, group-id), wait for them, build the report, publish it everywhere a user
// looks, and end the step.
import { tmpdir } from 'node:os'
import * as core from '@actions/core'
import { ApiClient, type RunsApi, type StartApi } from './api-client.js'
import { resolvePlatform } from './app-response.js'
import type { AppBuild } from './app-summary.js'
import type { CheckedApp } from './app-upload-step.js'
import { systemClock, type Clock } from './clock.js'
import { Limits, Outputs, VERSION } from './constants.js'
import { upsertComment } from './github-comment.js'
import { InputErrors, parseSettings, type Settings } from './inputs.js'
import { watchCancellation, type Signals } from './lifecycle.js'
import type { RunOutcome, StartRequest } from './model.js'
import { pollRuns } from './poller.js'
import {
  logCancelAnswer,
  logStarted,
  logUploaded,
  pollLog,
  startGroupTitle,
  startRetryLine,
  startWaitGroup,
  uploadLog
} from './progress.js'
import {
  conclude,
  publish,
  publishAppOutputs,
  publishUploadOnly,
  type PostComment
} from './publish.js'
import { buildReport, unfinishedRuns } from './report.js'
import { cancelledAtStart, startRuns, type StartOutcome } from './start-runs.js'
import type { UploadApi } from './upload-app.js'
import { readWorkflowContext, runnerEnv, type Env } from './workflow-context.js'

export interface Dependencies {
  clock: Clock
  /** Builds the API client once the settings are known. */
  api: (settings: Settings) => RunsApi & StartApi & UploadApi
  /** Where the runner's cancellation arrives. */
  signals: Signals
  /** Creates or updates the pull-request comment. */
  comment: PostComment
  /** The runner's environment (inputs' fallbacks, the workflow context, the summary file). */
  env: Env
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
  comment: upsertComment,
  env: runnerEnv()
}

/** Never throws: whatever goes wrong ends as one readable `::error::` line and a failed step. */
export async function run(overrides: Partial<Dependencies> = {}): Promise<void> {
  try {
    await waitAndReport({ ...defaults, ...overrides })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    core.debug(error instanceof Error && error.stack ? error.stack : message)
    core.setFailed(`TesterArmy action failed unexpectedly: ${message}`)
  }
}

async function waitAndReport(deps: Dependencies): Promise<void> {
  let settings: Settings
  try {
    settings = parseSettings({ read: core.getInput, env: deps.env, onSecret: core.setSecret })
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error
    for (const inputError of error.errors) core.setFailed(inputError.message)
    return
  }
  // The build is checked on disk before any request, like an input.
  let checkedApp: CheckedApp | null = null
  // The upload's code is a chunk of its own: runs that upload nothing never load it.
  const uploadStep = settings.upload ? await import('./app-upload-step.js') : null
  if (settings.upload && uploadStep) {
    const checked = await uploadStep.checkAppFile(settings.upload.path, settings.upload.platform)
    if (!checked.ok) return core.setFailed(checked.message)
    checkedApp = checked.app
  }

  const { clock } = deps
  const started = clock.now()
  const api = deps.api(settings)
  const lifecycle = watchCancellation(deps.signals)
  const { signal } = lifecycle
  try {
    const context = readWorkflowContext(deps.env)
    const deadline = started + settings.timeoutMs
    let ids = settings.runIds
    let cancelledIds: string[] = []
    let start = settings.start
    let appBuild: AppBuild | null = null

    // 1. Upload the build made in the workflow (app-path), and start the runs on it.
    if (settings.upload && checkedApp && uploadStep) {
      const uploaded = await uploadStep.runUploadStep({
        app: checkedApp,
        projectId: settings.upload.projectId,
        removeAfterS: settings.upload.removeAfterS,
        api,
        clock,
        signal,
        deadline,
        tempDir: deps.env.RUNNER_TEMP || tmpdir(),
        userAgent: `testerarmy-action/${VERSION}`,
        log: uploadLog
      })
      if (uploaded.kind !== 'uploaded') {
        if (uploaded.kind === 'aborted')
          core.info('The upload was cancelled: nothing was confirmed and no run was started.')
        const report = buildReport([], settings, {
          fatal: uploaded.kind === 'failed' ? uploaded.message : null,
          cancelled: uploaded.kind === 'aborted'
        })
        await publish(report, settings, context, deps.comment)
        conclude(report, settings)
        return
      }
      appBuild = uploaded.build
      publishAppOutputs(appBuild)
      logUploaded(appBuild)
      const platform = resolvePlatform(settings.upload.platform, appBuild.app)
      if ('message' in platform) {
        const report = buildReport([], settings, { fatal: platform.message })
        await publish(report, settings, context, deps.comment, appBuild)
        conclude(report, settings)
        return
      }
      if (!start) return await publishUploadOnly(appBuild, settings, context)
      start = { ...start, appId: appBuild.app.id, platform: platform.platform }
    }

    // 2. Start the runs, when asked to (test-id, group-id).
    if (start) {
      const outcome = await startRequestedRuns(start, {
        api,
        clock,
        context,
        deadline,
        pollIntervalMs: settings.pollIntervalMs,
        signal
      })
      if (outcome.kind !== 'started') {
        const fatal =
          outcome.kind === 'failed'
            ? outcome.message
            : 'the workflow was cancelled while the run was being started; it may have started, so check the TesterArmy dashboard'
        const report = buildReport([], settings, { fatal, cancelled: outcome.kind === 'aborted' })
        await publish(report, settings, context, deps.comment, appBuild)
        conclude(report, settings)
        return
      }
      ids = outcome.runIds
      cancelledIds = outcome.cancelledRunIds
    }

    // 3. Wait for every run the API did not cancel at once.
    const toWait = ids.filter(id => !cancelledIds.includes(id))
    startWaitGroup(toWait, settings)
    const polled = await pollRuns({
      runIds: toWait,
      api,
      clock,
      pollIntervalMs: settings.pollIntervalMs,
      deadline,
      signal,
      log: pollLog
    })
    core.endGroup()

    // 4. Stop what nobody waits for any more, then report on every run, in the order given.
    const cancelled = signal.aborted
    if (settings.cancelOnAbort) await cancelUnfinished(api, polled.outcomes, cancelled)
    const outcomes = ids.map(id => polled.outcomes.find(o => o.id === id) ?? cancelledAtStart(id))
    const report = buildReport(outcomes, settings, { fatal: polled.fatal, cancelled })

    // 5. Publish it and end the step on the verdict.
    await publish(report, settings, context, deps.comment, appBuild)
    conclude(report, settings)
  } finally {
    lifecycle.dispose()
  }
}

/** Starts the runs of `test-id` or `group-id`, and says which started, in the log and the outputs. */
async function startRequestedRuns(
  request: StartRequest,
  options: Omit<Parameters<typeof startRuns>[0], 'request' | 'onRetry'>
): Promise<StartOutcome> {
  core.startGroup(startGroupTitle(request))
  const outcome = await startRuns({ ...options, request, onRetry: startRetryLine })
  core.endGroup()
  if (outcome.kind !== 'started') return outcome
  // Known now, so a later step can find the runs even if the wait below fails.
  core.setOutput(Outputs.RunId, outcome.runIds.join(','))
  logStarted(outcome.runIds, outcome.cancelledRunIds)
  return outcome
}

/** Best effort, all at once, within 3 s: a run nobody waits for should not keep spending. */
async function cancelUnfinished(
  api: RunsApi,
  outcomes: RunOutcome[],
  cancelled: boolean
): Promise<void> {
  const unfinished = unfinishedRuns(outcomes)
  if (unfinished.length === 0) return
  core.info(
    `${cancelled ? 'Cancelled' : 'Timed out'}: asking TesterArmy to cancel ${unfinished.length} unfinished run(s).`
  )
  await Promise.all(
    unfinished.map(async o =>
      logCancelAnswer(o.id, await api.cancelRun(o.id, { timeoutMs: Limits.cancelRequestTimeoutMs }))
    )
  )
}
