// The log lines of the wait and of the cancels after it: what a user reads live while runs are
// polled and stopped, worded once. API text is cut and cleaned through escape.ts first.
import * as core from '@actions/core'
import type { CancelBatchResponse, CancelRunResponse } from '../api/api-client.js'
import { formatDuration } from '../duration.js'
import { logText } from '../escape.js'
import type { PollLog } from './poller.js'

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
    core.info(`Run ${id}: ${logText(message, 300)}; trying again in ${formatDuration(delayMs)}.`),
  listFollow: (projectId, runs) =>
    core.debug(
      `Reading ${runs} runs of project ${logText(projectId, 60)} through GET /v1/runs?projectId=.`
    ),
  listRetry: (projectId, runs, message, delayMs) =>
    core.info(
      `The run list of project ${logText(projectId, 60)} failed (${logText(message, 300)}): its ${runs} runs are read by ID meanwhile; the list is asked again in ${formatDuration(delayMs)}.`
    ),
  // Debug only: nothing changes for the user but the number of requests.
  listFallback: reason =>
    core.debug(
      `Reading every run by ID from now on: the run list was refused (${logText(reason, 300)}).`
    )
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
