// The progress lines of the step's log while it starts runs, waits for them and cancels them:
// what a user reads live, worded once. API text is cut and cleaned through escape.ts first.
import * as core from '@actions/core'
import type { CancelBatchResponse, CancelRunResponse } from './api/api-client.js'
import type { AppBuild } from './upload/app-build.js'
import type { UploadStepOptions } from './upload/upload-step.js'
import { formatDuration } from './duration.js'
import { logText } from './escape.js'
import type { ReportingNote } from './start/github-reporting.js'
import type { StartRequest } from './model.js'
import type { PollLog } from './wait/poller.js'

/** The start's retries, one line each (a retry at once: the agent's shorter second try). */
export const startRetryLine = (message: string, delayMs: number): void =>
  core.info(
    `Start request: ${logText(message, 300)}; trying again${delayMs > 0 ? ` in ${formatDuration(delayMs)}` : ''}.`
  )

export const startGroupTitle = (request: StartRequest): string =>
  `Starting a TesterArmy run of ${request.kind} ${request.id}`

/** Which runs started, and which the API cancelled at once. */
export function logStarted(runIds: string[], cancelledRunIds: string[]): void {
  core.info(
    `Started ${runIds.length === 1 ? `run ${runIds[0]}` : `${runIds.length} runs: ${runIds.join(', ')}`}.`
  )
  if (cancelledRunIds.length) {
    core.warning(
      `TesterArmy cancelled ${cancelledRunIds.length} of the group's runs as it started them ` +
        `(for example duplicates or the quota): ${cancelledRunIds.join(', ')}.`
    )
  }
}

/** Opens the log group of the wait with what, how often, for how long and where. */
export function startWaitGroup(
  runIds: string[],
  settings: { pollIntervalMs: number; timeoutMs: number; apiUrl: string }
): void {
  core.startGroup(
    `Waiting for ${runIds.length === 1 ? `TesterArmy run ${runIds[0]}` : `${runIds.length} TesterArmy runs`}`
  )
  core.info(
    `Checking every ${formatDuration(settings.pollIntervalMs)} for up to ${formatDuration(settings.timeoutMs)} at ${settings.apiUrl}.`
  )
}

export const pollLog: PollLog = {
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
    core.info(`Run ${id}: ${logText(message, 300)}; trying again in ${formatDuration(delayMs)}.`)
}

/** Why runs are being cancelled, and how many, before the cancel requests go out. */
export function logCancelling(cancelled: boolean, count: number): void {
  core.info(
    `${cancelled ? 'Cancelled' : 'Timed out'}: asking TesterArmy to cancel ${count} unfinished run(s).`
  )
}

/** The batch cancel used the whole budget: the runs it did not cover are left to the dashboard. */
export function logNoTimeLeft(count: number): void {
  core.info(
    `No time left to cancel ${count} run(s) one by one after the batch cancel: check them in the TesterArmy dashboard.`
  )
}

/** The answer to one cancel request, as a line. */
export function logCancelAnswer(id: string, answer: CancelRunResponse): void {
  if (answer.kind === 'cancelled') core.info(`Run ${id}: cancelled.`)
  else if (answer.kind === 'http-error' && answer.status === 409)
    core.info(`Run ${id}: already finished.`)
  else
    core.info(
      `Run ${id}: could not be cancelled (${answer.kind === 'aborted' ? 'aborted' : logText(answer.message, 200)}).`
    )
}

/** Where the upload phase writes: its group, progress lines and retries. */
export const uploadLog: UploadStepOptions['log'] = {
  info: line => core.info(line),
  warning: line => core.warning(line),
  startGroup: title => core.startGroup(title),
  endGroup: () => core.endGroup()
}

/** The app TesterArmy made of the upload, in one line. */
export function logUploaded(build: AppBuild): void {
  const { app } = build
  const version = app.appVersion ? ` ${logText(app.appVersion, 40)}` : ''
  const bundle = app.bundleId ? `, ${logText(app.bundleId, 200)}` : ''
  core.info(
    `Uploaded ${logText(build.uploadName, 200)}: app ${app.id} (${logText(app.platform, 20)}${version}${bundle})` +
      `${build.recovered ? ', found in the project after the confirm answer was lost' : ''}.`
  )
}

/** The answer to a group's batch cancel, as a line. */
export function logBatchCancelAnswer(batchId: string, answer: CancelBatchResponse): void {
  if (answer.kind === 'cancelled') {
    core.info(
      `Batch ${batchId}: cancelled (${answer.covered.length} run(s) cancelled or already finished).`
    )
  } else {
    core.info(
      `Batch ${batchId}: could not be cancelled as a whole (${answer.kind === 'aborted' ? 'aborted' : logText(answer.message, 200)}); cancelling its runs one by one.`
    )
  }
}

/** `metadata.github` of a start answer: its line, and its notice or warning when it has one. */
export function logGitHubReporting(note: ReportingNote): void {
  core.info(note.line)
  if (!note.annotation) return
  const options = { title: 'TesterArmy GitHub reporting' }
  if (note.annotation.level === 'warning') core.warning(note.annotation.message, options)
  else core.notice(note.annotation.message, options)
}
