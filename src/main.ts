// The action's run(), as the story of a run: read the inputs, start the runs (test-id, group-id),
// wait for them, build the report, publish it everywhere a user looks, and end the step.
import * as core from '@actions/core'
import { ApiClient, type RunsApi, type StartApi } from './api-client.js'
import { systemClock, type Clock } from './clock.js'
import { Limits, Outputs } from './constants.js'
import { upsertComment } from './github-comment.js'
import { InputErrors, parseSettings, type Settings } from './inputs.js'
import { watchCancellation, type Signals } from './lifecycle.js'
import type { RunOutcome, StartRequest } from './model.js'
import { pollRuns } from './poller.js'
import {
  logCancelAnswer,
  logStarted,
  pollLog,
  startGroupTitle,
  startRetryLine,
  startWaitGroup
} from './progress.js'
import { conclude, publish, type PostComment } from './publish.js'
import { buildReport, unfinishedRuns } from './report.js'
import { cancelledAtStart, startRuns, type StartOutcome } from './start-runs.js'
import { readWorkflowContext, runnerEnv, type Env } from './workflow-context.js'

export interface Dependencies {
  clock: Clock
  /** Builds the API client once the settings are known. */
  api: (settings: Settings) => RunsApi & StartApi
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

    // 1. Start the runs, when asked to (test-id, group-id).
    if (settings.start) {
      const outcome = await startRequestedRuns(settings.start, {
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
        await publish(report, settings, context, deps.comment)
        conclude(report, settings)
        return
      }
      ids = outcome.runIds
      cancelledIds = outcome.cancelledRunIds
    }

    // 2. Wait for every run the API did not cancel at once.
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

    // 3. Stop what nobody waits for any more, then report on every run, in the order given.
    const cancelled = signal.aborted
    if (settings.cancelOnAbort) await cancelUnfinished(api, polled.outcomes, cancelled)
    const outcomes = ids.map(id => polled.outcomes.find(o => o.id === id) ?? cancelledAtStart(id))
    const report = buildReport(outcomes, settings, { fatal: polled.fatal, cancelled })

    // 4. Publish it and end the step on the verdict.
    await publish(report, settings, context, deps.comment)
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
