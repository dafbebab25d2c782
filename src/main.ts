// The action's run(), as the story of a run: read the inputs, find the pull request (exploration
// agent), upload the build (app-path), start the runs on it (agent, test-id, group-id), wait for
// them, build the report, publish it everywhere a user looks, and end the step.
import { tmpdir } from 'node:os'
import * as core from '@actions/core'
import { ApiClient, type RunsApi, type StartApi } from './api-client.js'
import { resolvePlatform } from './app-response.js'
import type { AppBuild } from './app-summary.js'
import type { CheckedApp } from './app-upload-step.js'
import { systemClock, type Clock } from './clock.js'
import { Limits, Outputs, VERSION } from './constants.js'
import { upsertComment } from './github-comment.js'
import { startAgent, type AgentStartOutcome } from './agent-start.js'
import { logText } from './escape.js'
import { createPullsClient, type PullsClientOptions } from './github-pulls.js'
import {
  describeGitHubReporting,
  parseGitHubReporting,
  testerArmyComments
} from './github-reporting.js'
import { InputErrors, parseSettings, type Settings } from './inputs.js'
import { watchCancellation, type HeldSignals, type Signals } from './lifecycle.js'
import type {
  AgentRequest,
  ReadyAgentRequest,
  RunOutcome,
  StartFacts,
  StartRequest
} from './model.js'
import { pollRuns } from './poller.js'
import {
  logBatchCancelAnswer,
  logCancelAnswer,
  logGitHubReporting,
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
  publishSkipped,
  publishUploadOnly,
  redact,
  type PostComment
} from './publish.js'
import {
  findPullRequest,
  type PullRequestFacts,
  type PullRequestLookup,
  type PullsApi
} from './pull-request.js'
import { buildReport, unfinishedRuns } from './report.js'
import { cancelledAtStart, startRuns, type StartOutcome } from './start-runs.js'
import type { UploadApi } from './upload-app.js'
import {
  readWorkflowContext,
  runnerEnv,
  type Env,
  type WorkflowContext
} from './workflow-context.js'

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
  /** GitHub's pull-request lookups, for the exploration agent (Octokit is loaded only then). */
  pulls: (options: PullsClientOptions) => Promise<PullsApi>
  /** Cancel signals caught while the action loaded (index.ts), if any. */
  held?: HeldSignals
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
  env: runnerEnv(),
  pulls: createPullsClient
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
  const lifecycle = watchCancellation(deps.signals, deps.held)
  const { signal } = lifecycle
  try {
    const deadline = started + settings.timeoutMs
    const facts: StartFacts = {
      batchId: '',
      prNumber: null,
      githubReporting: '',
      testerArmyComments: false
    }
    /** What started each run, and what TesterArmy said about reporting it, for the summary. */
    const origins = new Map<string, { origin: string; reporting?: string }>()
    let ids = settings.runIds
    let cancelledIds: string[] = []
    let start = settings.start
    let appBuild: AppBuild | null = null
    /** With app-path: the uploaded app the runs start on, and the platform they use. */
    let uploadedApp: { id: string; platform: string } | null = null
    let reportContext = context
    const startOptions = {
      api,
      clock,
      context: { sha: context.sha, prNumber: context.prNumber },
      deadline,
      pollIntervalMs: settings.pollIntervalMs,
      signal
    }
    /** Nothing (more) to wait for: a lookup, the upload or a start failed, or the step was cancelled. */
    const endEarly = async (
      outcome: { kind: 'failed'; message: string } | { kind: 'aborted'; message?: string }
    ) => {
      const fatal =
        outcome.message ??
        'the workflow was cancelled while the run was being started; it may have started, so check the TesterArmy dashboard'
      const report = buildReport([], settings, { fatal, cancelled: outcome.kind === 'aborted' })
      report.started = facts
      await publish(report, settings, reportContext, deps.comment, appBuild, lifecycle.setExitLine)
      conclude(report, settings, signal.aborted)
    }

    // 1. The exploration agent's pull request, found first: with nothing to test, nothing is
    //    uploaded either (a deployment_status event fires several times per deployment).
    let agentTarget: { pr: PullRequestFacts; targetUrl: string | undefined } | null = null
    if (settings.agent) {
      // GitHub's lookups end with the step's timeout, like everything else.
      const lookupSignal = AbortSignal.any([
        signal,
        AbortSignal.timeout(Math.max(1, deadline - clock.now()))
      ])
      const target = await findAgentTarget(settings, settings.agent, context, deps, lookupSignal)
      if (target.kind === 'skipped') {
        await publishSkipped(target.reason, settings, context)
        return
      }
      if (target.kind === 'failed') {
        await endEarly(
          signal.aborted
            ? {
                kind: 'aborted',
                message: 'the workflow was cancelled while the pull request was being looked up'
              }
            : target
        )
        return
      }
      const { pr } = target
      agentTarget = target
      facts.prNumber = pr.number
      // The comment, and a group started beside the agent, are about this pull request and commit.
      reportContext = { ...context, prNumber: pr.number }
      startOptions.context = { sha: pr.headSha, prNumber: pr.number }
    }

    // 2. Upload the build made in the workflow (app-path); the runs below start on it.
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
        report.started = facts
        await publish(
          report,
          settings,
          reportContext,
          deps.comment,
          appBuild,
          lifecycle.setExitLine
        )
        conclude(report, settings, signal.aborted)
        return
      }
      appBuild = uploaded.build
      publishAppOutputs(appBuild)
      logUploaded(appBuild)
      const platform = resolvePlatform(settings.upload.platform, appBuild.app)
      if ('message' in platform) {
        await endEarly({ kind: 'failed', message: platform.message })
        return
      }
      if (!start && !settings.agent) return await publishUploadOnly(appBuild, settings, context)
      uploadedApp = { id: appBuild.app.id, platform: platform.platform }
      if (start) start = { ...start, appId: uploadedApp.id, platform: uploadedApp.platform }
    }

    // 3. Start the exploration agent on its pull request.
    if (settings.agent && agentTarget) {
      const { pr } = agentTarget
      const agent = readyAgent(settings.agent, uploadedApp)
      if ('message' in agent) {
        await endEarly({ kind: 'failed', message: agent.message })
        return
      }
      const outcome = await startAgentRun(agent, pr, agentTarget.targetUrl, startOptions)
      if (outcome.kind !== 'started') {
        await endEarly(outcome)
        return
      }
      ids = [outcome.runId]
      const reporting = noteGitHubReporting(outcome.answer, true, facts)
      origins.set(outcome.runId, {
        origin: `exploration agent, pull request #${pr.number}`,
        ...(reporting ? { reporting } : {})
      })
    }

    // 4. Start the runs of a test or a group, when asked to (test-id, group-id).
    if (start) {
      const outcome = await startRequestedRuns(start, startOptions)
      if (outcome.kind !== 'started') {
        // The agent's run is already going, but nobody will wait for it: stop it too.
        if (ids.length && settings.cancelOnAbort) {
          await cancelUnfinished(api, ids.map(notWaitedFor), signal.aborted, null, ids)
        }
        await endEarly(outcome)
        return
      }
      facts.batchId = outcome.batchId ?? ''
      const reporting = noteGitHubReporting(outcome.answer, false, facts)
      if (settings.agent) {
        for (const id of outcome.runIds) {
          origins.set(id, {
            origin: `${start.kind} ${start.id}`,
            ...(reporting ? { reporting } : {})
          })
        }
      }
      ids = [...ids, ...outcome.runIds]
      cancelledIds = outcome.cancelledRunIds
      if (settings.agent) core.setOutput(Outputs.RunId, ids.join(','))
      if (facts.batchId) core.setOutput(Outputs.BatchId, facts.batchId)
    }

    // 5. Wait for every run the API did not cancel at once.
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

    // 6. Stop what nobody waits for any more, then report on every run, in the order given.
    const cancelled = signal.aborted
    if (settings.cancelOnAbort) {
      const agentRuns = ids.filter(id => origins.get(id)?.origin.startsWith('exploration agent'))
      await cancelUnfinished(api, polled.outcomes, cancelled, facts.batchId || null, agentRuns)
    }
    const outcomes = ids.map(id => polled.outcomes.find(o => o.id === id) ?? cancelledAtStart(id))
    const report = buildReport(outcomes, settings, { fatal: polled.fatal, cancelled })
    report.started = facts
    for (const run of report.runs) {
      const origin = origins.get(run.id)
      if (origin) run.origin = origin.origin
      if (origin?.reporting) run.githubReporting = origin.reporting
    }

    // 7. Publish it and end the step on the verdict.
    await publish(report, settings, reportContext, deps.comment, appBuild, lifecycle.setExitLine)
    conclude(report, settings, signal.aborted)
  } finally {
    lifecycle.dispose()
  }
}

/** A run started but never waited for: what `cancelUnfinished` needs to cancel it. */
const notWaitedFor = (id: string): Pick<RunOutcome, 'id' | 'status' | 'lastStatus'> => ({
  id,
  status: 'cancelled',
  lastStatus: null
})

/**
 * The pull request the agent tests and the URL it tests it at, said in the log and the outputs;
 * or why there is nothing to test, or why it could not be found.
 */
async function findAgentTarget(
  settings: Settings,
  agent: AgentRequest,
  context: WorkflowContext,
  deps: Dependencies,
  signal: AbortSignal
): Promise<
  | { kind: 'found'; pr: PullRequestFacts; targetUrl: string | undefined }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; message: string }
> {
  core.startGroup('Finding the pull request for the TesterArmy exploration agent')
  const lookup = await lookUpPullRequest(settings, context, deps, signal)
  core.endGroup()
  if (lookup.kind === 'skipped') return lookup
  if (lookup.kind === 'failed') {
    return { kind: 'failed', message: `could not find the pull request to test: ${lookup.message}` }
  }
  for (const notice of lookup.notices) core.notice(notice, { title: 'TesterArmy pull request' })
  const { pr } = lookup
  const targetUrl = agent.targetUrl ?? lookup.deploymentUrl
  if (agent.platform === 'web' && !targetUrl) {
    return {
      kind: 'failed',
      message:
        "target-url is empty and the deployment_status event gives no environment_url or target_url: set target-url to the deployment's URL"
    }
  }
  core.setOutput(Outputs.PrNumber, String(pr.number))
  core.info(
    `Pull request #${pr.number} (${lookup.source}): "${logText(pr.title, 120)}" at ${pr.headSha.slice(0, 12)}` +
      (targetUrl ? `, testing ${targetUrl}` : '')
  )
  return { kind: 'found', pr, targetUrl }
}

/**
 * The agent's request as sent. With app-path it tests the uploaded app: that app's ID, and its
 * platform (the input's, checked against the app, or the app's own); one the agent cannot test
 * (neither ios nor android) is an error before it starts.
 */
function readyAgent(
  agent: AgentRequest,
  app: { id: string; platform: string } | null
): ReadyAgentRequest | { message: string } {
  const platform = app ? app.platform : agent.platform
  if (platform === 'ios' || platform === 'android' || (!app && platform === 'web'))
    return { ...agent, platform, ...(app ? { appId: app.id } : {}) }
  return {
    message: `the uploaded build is a "${logText(platform, 40)}" app, which the exploration agent cannot test: it tests ios and android builds. No run was started.`
  }
}

/** Finds the agent's pull request; GitHub (through Octokit) only when the payload does not say. */
async function lookUpPullRequest(
  settings: Settings,
  context: WorkflowContext,
  deps: Dependencies,
  signal: AbortSignal
): Promise<PullRequestLookup> {
  const token = settings.githubToken
  // Octokit is loaded at the first call, not before: most events never need it.
  let loaded: Promise<PullsApi> | undefined
  const client = (): Promise<PullsApi> =>
    (loaded ??= deps.pulls({
      token,
      apiUrl: context.apiUrl,
      owner: context.owner,
      repo: context.repo,
      signal,
      onRequest: line => core.debug(line)
    }))
  const api: PullsApi | null = token
    ? {
        getPull: async n => (await client()).getPull(n),
        pullsForCommit: async sha => (await client()).pullsForCommit(sha),
        openPullsByHead: async head => (await client()).openPullsByHead(head)
      }
    : null
  const lookup = await findPullRequest({
    eventName: context.eventName,
    payload: context.payload,
    owner: context.owner,
    repo: context.repo,
    prNumber: settings.agent?.prNumber ?? 0,
    api
  })
  return lookup.kind === 'failed'
    ? { kind: 'failed', message: redact(lookup.message, settings) }
    : lookup
}

/** Starts the exploration agent and says so, in the log and the outputs. */
async function startAgentRun(
  agent: ReadyAgentRequest,
  pr: PullRequestFacts,
  targetUrl: string | undefined,
  options: Omit<Parameters<typeof startAgent>[0], 'request' | 'pr' | 'targetUrl' | 'onRetry'>
): Promise<AgentStartOutcome> {
  core.startGroup(`Starting the TesterArmy exploration agent for pull request #${pr.number}`)
  const outcome = await startAgent({
    ...options,
    request: agent,
    pr,
    targetUrl,
    onRetry: startRetryLine
  })
  core.endGroup()
  if (outcome.kind !== 'started') return outcome
  // Known now, so a later step can find the run even if the wait below fails.
  core.setOutput(Outputs.RunId, outcome.runId)
  core.info(`Started the exploration agent: run ${outcome.runId}.`)
  return outcome
}

/** `metadata.github` of a start answer: logged once, kept for the outputs; the summary's words. */
function noteGitHubReporting(
  answer: unknown,
  agent: boolean,
  facts: StartFacts
): string | undefined {
  const reporting = parseGitHubReporting(answer)
  if (!reporting) return undefined
  const note = describeGitHubReporting(reporting, agent)
  logGitHubReporting(note)
  // The agent's answer is about the pull request itself: it wins over the group's.
  if (agent || !facts.githubReporting) facts.githubReporting = JSON.stringify(reporting)
  facts.testerArmyComments ||= testerArmyComments(reporting)
  return note.facts
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

/**
 * Best effort, all at once, within 3 s: a run nobody waits for should not keep spending. A group's
 * runs go with one batch cancel; whatever it did not cover (the agent's run, or everything when it
 * failed) is cancelled run by run, inside the same 3 s.
 */
async function cancelUnfinished(
  api: RunsApi & StartApi,
  outcomes: Pick<RunOutcome, 'id' | 'status' | 'lastStatus'>[],
  cancelled: boolean,
  batchId: string | null,
  outsideBatch: string[]
): Promise<void> {
  const unfinished = unfinishedRuns(outcomes)
  if (unfinished.length === 0) return
  core.info(
    `${cancelled ? 'Cancelled' : 'Timed out'}: asking TesterArmy to cancel ${unfinished.length} unfinished run(s).`
  )
  const until = Date.now() + Limits.cancelRequestTimeoutMs
  const left = (): number => Math.max(1, until - Date.now())
  const cancelOne = async (id: string): Promise<void> =>
    logCancelAnswer(id, await api.cancelRun(id, { timeoutMs: left() }))
  const inBatch = batchId ? unfinished.filter(o => !outsideBatch.includes(o.id)) : []
  const alone = unfinished.filter(o => !inBatch.includes(o))
  const cancelBatch = async (): Promise<void> => {
    if (!batchId || inBatch.length === 0) return
    const answer = await api.cancelBatch(batchId, { timeoutMs: left() })
    logBatchCancelAnswer(batchId, answer)
    const covered = 'covered' in answer ? answer.covered : []
    await Promise.all(inBatch.filter(o => !covered.includes(o.id)).map(o => cancelOne(o.id)))
  }
  await Promise.all([cancelBatch(), ...alone.map(o => cancelOne(o.id))])
}
