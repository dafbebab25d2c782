// Starting everything the inputs ask for, in order: the exploration agent's pull request, the upload
// of the build, the agent, the runs of a test or group; and what started each run, for the report.
import * as core from '@actions/core'
import { readyAgent } from './agent-body.js'
import { startAgent, type AgentStartOutcome } from './agent-start.js'
import { findAgentTarget, type AgentTargetOptions } from './agent-target.js'
import { commentedPullHead } from './commented-pull.js'
import type { StartApi, UploadApi } from '../api/api-client.js'
import { resolvePlatform } from '../api/app-response.js'
import type { AppBuild } from '../upload/app-build.js'
import type { CheckedApp } from '../upload/upload-step.js'
import type { Clock } from '../clock.js'
import { Outputs, VERSION } from '../constants.js'
import { formatDuration } from '../duration.js'
import {
  describeGitHubReporting,
  parseGitHubReporting,
  testerArmyComments
} from './github-reporting.js'
import type { Settings } from '../inputs/settings.js'
import type { ReadyAgentRequest, StartFacts, StartRequest } from '../model.js'
import { logGitHubReporting, logStarted, startGroupTitle, startRetryLine } from './start-log.js'
import type { PullRequestFacts } from '../github/pull-request.js'
import type { SentStarts } from './retry-failed.js'
import { startRuns, type StartOutcome } from './start-runs.js'
import type { WorkflowContext } from '../workflow-context.js'

/** The build of `app-path`, checked on disk, with the upload's code (a chunk of its own). */
interface CheckedBuild {
  app: CheckedApp
  step: typeof import('../upload/upload-step.js')
}

/** The build on disk: none asked for, ready to upload, or refused (why, naming `app-path`). */
type BuildCheck =
  { kind: 'none' } | { kind: 'ready'; build: CheckedBuild } | { kind: 'refused'; message: string }

/**
 * The build is checked on disk before any request, like an input. The upload's code is loaded
 * only with `app-path`: runs that upload nothing never load it.
 */
export async function checkBuild(settings: Settings): Promise<BuildCheck> {
  if (!settings.upload) return { kind: 'none' }
  const step = await import('../upload/upload-step.js')
  const checked = await step.checkAppFile(settings.upload.path, settings.upload.platform)
  return checked.ok
    ? { kind: 'ready', build: { app: checked.app, step } }
    : { kind: 'refused', message: checked.message }
}

/** What started a run (shown when several things did), and what TesterArmy said about reporting it. */
type Origins = Map<string, { origin: string; reporting?: string }>

/** What every outcome that reaches the report carries. */
interface Begun {
  facts: StartFacts
  /** The workflow, with the agent's pull request when there is one: the comment is about it. */
  context: WorkflowContext
  appBuild: AppBuild | null
  /** The exploration agent's run: outside a group's batch when cancelling. */
  agentRunIds: string[]
  /** The start requests as sent, for `retry-failed` to send again. */
  sent: SentStarts
}

export type StartPhaseOutcome =
  | ({ kind: 'started'; ids: string[]; cancelledIds: string[]; origins: Origins } & Begun)
  /**
   * Nothing (more) to wait for: a lookup, the upload or a start failed, the step was cancelled,
   * or its timeout was reached first (`timedOut`).
   */
  | ({ kind: 'ended'; fatal: string | null; cancelled: boolean; timedOut?: boolean } & Begun)
  /** No pull request for the agent: nothing is started, the step passes. */
  | { kind: 'skipped'; reason: string }
  /** `app-path` alone: the build is uploaded, nothing else to start. */
  | { kind: 'upload-only'; build: AppBuild }

interface StartPhaseOptions extends AgentTargetOptions {
  build: CheckedBuild | null
  api: StartApi & UploadApi
  clock: Clock
  deadline: number
  signal: AbortSignal
  /** Where a `.app` folder's zip is written: RUNNER_TEMP. */
  tempDir: string
}

export async function startEverything(options: StartPhaseOptions): Promise<StartPhaseOutcome> {
  const { settings, api, clock, deadline, signal } = options
  const begun: Begun = {
    facts: { batchId: '', prNumber: null, githubReporting: '', testerArmyComments: false },
    context: options.context,
    appBuild: null,
    agentRunIds: [],
    sent: { start: null, agent: null }
  }
  const origins: Origins = new Map()
  let ids = settings.runIds
  let start = settings.start
  /** With app-path: the uploaded app the runs start on, and the platform they use. */
  let uploadedApp: { id: string; platform: string } | null = null
  const startOptions = {
    api,
    clock,
    context: { sha: options.context.sha, prNumber: options.context.prNumber },
    deadline,
    pollIntervalMs: settings.pollIntervalMs,
    signal
  }
  const ended = (
    outcome:
      | { kind: 'failed'; message: string; timedOut?: boolean }
      | { kind: 'aborted'; message?: string; mayHaveStarted?: boolean }
  ): StartPhaseOutcome => ({
    kind: 'ended',
    fatal:
      outcome.message ??
      (outcome.kind === 'aborted' && outcome.mayHaveStarted === false
        ? 'the workflow was cancelled before the run was started; nothing was started'
        : 'the workflow was cancelled while the run was being started, with no answer in time; it may have started, so check the TesterArmy dashboard'),
    cancelled: outcome.kind === 'aborted',
    ...(outcome.kind === 'failed' && outcome.timedOut ? { timedOut: true } : {}),
    ...begun
  })
  /** Ended by the step's timeout before any run was waited for: status timed_out, not error. */
  const timedOutWhile = (what: string): StartPhaseOutcome =>
    ended({
      kind: 'failed',
      message: `the step's timeout (${formatDuration(settings.timeoutMs)}) was reached while ${what}`,
      timedOut: true
    })
  /** GitHub's lookups end with the step's timeout, like everything else, or the runner's cancel. */
  const lookupSignals = (): { timeout: AbortSignal; signal: AbortSignal } => {
    const timeout = AbortSignal.timeout(Math.max(1, deadline - clock.now()))
    return { timeout, signal: AbortSignal.any([signal, timeout]) }
  }

  // 1. The exploration agent's pull request, found first: with nothing to test (and no test or
  //    group beside it), nothing is uploaded either (a deployment_status event fires several
  //    times per deployment).
  let agentTarget: { pr: PullRequestFacts; targetUrl: string | undefined } | null = null
  if (settings.agent) {
    // Which of the two stopped a lookup decides how the step ends (cancelled, or timed_out).
    const lookup = lookupSignals()
    const target = await findAgentTarget(settings.agent, options, lookup.signal)
    if (target.kind === 'skipped') {
      // A test or group asked for beside the agent still runs when only the pull request is
      // missing (a push, a deployment of main, a closed pull request): a required check must not
      // pass on a suite it never ran. An event that is no occasion to test (a deployment that did
      // not succeed, a comment on an issue) starts neither.
      if (!start || target.noOccasion) return { kind: 'skipped', reason: target.reason }
      core.notice(
        `The exploration agent is not started: ${target.reason} The ${start.kind} ${start.id} runs without it.`,
        { title: 'TesterArmy exploration agent' }
      )
      begun.facts.agentNotStarted = target.reason
    } else if (target.kind === 'failed') {
      if (signal.aborted) {
        return ended({
          kind: 'aborted',
          message: 'the workflow was cancelled while the pull request was being looked up'
        })
      }
      if (lookup.timeout.aborted) {
        return timedOutWhile('the pull request was being looked up on GitHub; nothing was started')
      }
      return ended(target)
    } else {
      const { pr } = target
      agentTarget = target
      begun.facts.prNumber = pr.number
      // The comment, and a group started beside the agent, are about this pull request and
      // commit.
      begun.context = { ...options.context, prNumber: pr.number, sha: pr.headSha }
      startOptions.context = { sha: pr.headSha, prNumber: pr.number }
    }
  }

  // 2. Upload the build made in the workflow (app-path); the runs below start on it.
  if (settings.upload && options.build) {
    const uploaded = await options.build.step.runUploadStep({
      app: options.build.app,
      projectId: settings.upload.projectId,
      removeAfterS: settings.upload.removeAfterS,
      api,
      clock,
      signal,
      deadline,
      tempDir: options.tempDir,
      userAgent: `testerarmy-action/${VERSION}`,
      log: options.build.step.uploadLog
    })
    if (uploaded.kind === 'timed-out') {
      // The step's timeout, not a failed upload: the status says timed_out, as for a lookup.
      const where = uploaded.confirming
        ? 'the upload was being confirmed: the app may have been created in the project (see the TesterArmy dashboard)'
        : 'the build was being uploaded'
      return timedOutWhile(`${where}; raise timeout if it needs longer. No run was started`)
    }
    if (uploaded.kind !== 'uploaded') {
      if (uploaded.kind === 'aborted') {
        core.info(
          uploaded.confirming
            ? 'The upload was cancelled while it was being confirmed: the app may have been created in the project (see the TesterArmy dashboard); no run was started.'
            : 'The upload was cancelled: nothing was confirmed and no run was started.'
        )
      }
      return {
        kind: 'ended',
        fatal: uploaded.kind === 'failed' ? uploaded.message : null,
        cancelled: uploaded.kind === 'aborted',
        ...begun
      }
    }
    const appBuild = uploaded.build
    begun.appBuild = appBuild
    options.build.step.publishAppOutputs(appBuild)
    options.build.step.logUploaded(appBuild)
    const platform = resolvePlatform(settings.upload.platform, appBuild.app)
    if ('message' in platform) return ended({ kind: 'failed', message: platform.message })
    if (!start && !settings.agent) return { kind: 'upload-only', build: appBuild }
    uploadedApp = { id: appBuild.app.id, platform: platform.platform }
    if (start) start = { ...start, appId: uploadedApp.id, platform: uploadedApp.platform }
  }

  // 3. Start the exploration agent on its pull request.
  if (settings.agent && agentTarget) {
    const { pr } = agentTarget
    const agent = readyAgent(settings.agent, uploadedApp)
    if ('message' in agent) return ended({ kind: 'failed', message: agent.message })
    const outcome = await startAgentRun(agent, pr, agentTarget.targetUrl, startOptions)
    if (outcome.kind !== 'started') return ended(outcome)
    ids = [outcome.runId]
    begun.agentRunIds = [outcome.runId]
    begun.sent.agent = { projectId: agent.projectId, body: outcome.body, runId: outcome.runId }
    const reporting = noteGitHubReporting(outcome.answer, true, begun.facts)
    origins.set(outcome.runId, {
      origin: `exploration agent, pull request #${pr.number}`,
      ...(reporting ? { reporting } : {})
    })
  }

  // 4. Start the runs of a test or a group, when asked to (test-id, group-id). When this fails,
  //    the agent's run is already going but nobody will wait for it: the caller stops it too.
  if (!start) return { kind: 'started', ids, cancelledIds: [], origins, ...begun }
  if (!agentTarget) {
    const lookup = lookupSignals()
    const sha = await commentedPullHead(options, start, lookup.signal)
    // Cut by the cancel or the timeout: nothing was sent, and that is what the step says.
    if (signal.aborted) {
      return ended({
        kind: 'aborted',
        message:
          "the workflow was cancelled while the pull request's commit was being read; nothing was started"
      })
    }
    if (lookup.timeout.aborted || clock.now() >= deadline) {
      return timedOutWhile(
        "the pull request's commit was being read from GitHub; nothing was started"
      )
    }
    if (sha) {
      begun.context = { ...begun.context, sha }
      startOptions.context = { ...startOptions.context, sha }
    }
  }
  const outcome = await startRequestedRuns(start, startOptions)
  if (outcome.kind !== 'started') return ended(outcome)
  const { facts } = begun
  facts.batchId = outcome.batchId ?? ''
  const { kind, id } = start
  begun.sent.start = { kind, id, body: outcome.body ?? {}, runIds: outcome.runIds }
  const reporting = noteGitHubReporting(outcome.answer, false, facts)
  if (settings.agent) {
    for (const id of outcome.runIds) {
      origins.set(id, { origin: `${start.kind} ${start.id}`, ...(reporting ? { reporting } : {}) })
    }
  }
  ids = [...ids, ...outcome.runIds]
  if (settings.agent) core.setOutput(Outputs.RunId, ids.join(','))
  if (facts.batchId) core.setOutput(Outputs.BatchId, facts.batchId)
  return { kind: 'started', ids, cancelledIds: outcome.cancelledRunIds, origins, ...begun }
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
