// The log lines of starting runs: retries of a start request, which runs started, and what
// TesterArmy said of its own GitHub reporting. API text is cut and cleaned through escape.ts first.
import * as core from '@actions/core'
import { formatDuration } from '../duration.js'
import { logText } from '../escape.js'
import type { StartRequest } from '../model.js'
import type { ReportingNote } from './github-reporting.js'
import type { RetryLog } from './retry-failed.js'
import { pollLog } from '../wait/wait-log.js'

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

/** `metadata.github` of a start answer: its line, and its notice or warning when it has one. */
export function logGitHubReporting(note: ReportingNote): void {
  core.info(note.line)
  if (!note.annotation) return
  const options = { title: 'TesterArmy GitHub reporting' }
  if (note.annotation.level === 'warning') core.warning(note.annotation.message, options)
  else core.notice(note.annotation.message, options)
}

/** `retry-failed`'s lines: a group per round, which run started again as which, and why not. */
export const retryLog: RetryLog = {
  ...pollLog,
  round: (count, attempt, of) =>
    core.startGroup(
      `Starting ${count === 1 ? 'a failed run' : `${count} failed runs`} again (attempt ${attempt} of ${of}, retry-failed)`
    ),
  restarted: (firstId, newIds, how) =>
    core.info(
      `Run ${firstId} failed: started again as ${newIds.length === 1 ? `run ${newIds[0]}` : `runs ${newIds.join(', ')}`} (${logText(how, 200)}).`
    ),
  notRetried: (firstId, why) =>
    core.info(`Run ${firstId} failed and is not started again: ${logText(why, 400)}`),
  roundEnd: () => core.endGroup()
}
