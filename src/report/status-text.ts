// What the commit status says: its state from the verdict, and a description within GitHub's 140
// characters with the verdict and the counts. Pure.
import { clean } from '../escape.js'
import type { StatusState } from '../github/statuses.js'
import type { Report } from '../model.js'
import { plural, runTotals } from '../labels.js'
import { matrixStatus } from './legs-status.js'

/**
 * GitHub refuses a status whose description is longer than this ("description is too long
 * (maximum is 140 characters)", HTTP 422), and then the required check never reports.
 */
export const STATUS_DESCRIPTION_MAX = 140

/**
 * One line within `max` UTF-16 code units (never more characters than GitHub counts), cut with `…`
 * and never between the two halves of a surrogate pair (an emoji in a reason stays whole or goes).
 */
export function fitDescription(text: string, max = STATUS_DESCRIPTION_MAX): string {
  const line = clean(text).replace(/\s+/g, ' ').trim()
  if (line.length <= max) return line
  let end = max - 1
  const last = line.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${line.slice(0, end)}…`
}

export const pendingDescription = (runCount: number): string =>
  fitDescription(`Waiting for ${plural(runCount, 'TesterArmy run')}`)

/**
 * `success` when the verdict passes, `failure` when it fails on what the runs found, `error` when
 * the action could not tell (timed out, cancelled, not found, an error).
 */
export function statusOfReport(
  report: Report,
  /** Scrubs secrets, before the cut: a key cut in half would no longer be found. */
  scrub: (text: string) => string = text => text
): { state: StatusState; description: string } {
  const fit = (text: string): string => fitDescription(scrub(text))
  if (report.gathered) return matrixStatus(report, report.gathered, fit)
  const totals = runTotals(report.runs)
  const runs = plural(report.runs.length, 'run')
  // A run that failed and then passed on a retry is said: the status is what reviewers read.
  const flaky = totals.flaky ? `, ${totals.flaky} flaky` : ''
  const counts = `${plural(totals.issues, 'issue')}, ${plural(totals.warnings, 'warning')}${flaky}`
  if (report.passed) {
    return { state: 'success', description: fit(`Passed: ${runs}, ${counts}`) }
  }
  const count = (status: string): number => report.runs.filter(r => r.status === status).length
  const unfinished = count('timed_out')
  const couldNotTell = report.cancelled || report.fatal !== null || report.status !== 'completed'
  if (couldNotTell && report.status !== 'failed') {
    const why = report.cancelled
      ? 'Cancelled: the workflow was cancelled'
      : report.status === 'timed_out'
        ? report.runs.length
          ? `Timed out: ${unfinished} of ${runs} did not finish`
          : 'Timed out before any run started'
        : report.status === 'cancelled' && !report.fatal
          ? `Cancelled: ${count('cancelled')} of ${runs} cancelled`
          : report.status === 'not_found'
            ? `Error: ${plural(count('not_found'), 'run')} not found`
            : `Error: ${report.fatal ?? report.runs.find(r => r.error)?.error ?? 'the runs could not be checked'}`
    return { state: 'error', description: fit(why) }
  }
  const worst = Math.max(0, ...report.runs.map(r => r.maxSeverity))
  const severity = worst ? ` (worst severity ${worst})` : ''
  const found = `${plural(totals.issues, 'issue')}${severity}, ${plural(totals.warnings, 'warning')}${flaky}`
  return { state: 'failure', description: fit(`Failed: ${found} in ${runs}`) }
}
