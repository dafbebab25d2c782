// The verdict of a whole matrix (reports mode): each leg's verdict is kept as the leg decided it
// (its own fail-on, min-severity, on-flaky and waivers), and the matrix passes only when every
// expected leg reported and passed and every matched file was a usable report. Pure.
import type { FinalStatus, LegVerdict, Result } from '../model.js'
import { aggregateResult, STATUS_ORDER } from './build-report.js'

export function judgeMatrix(
  /** A leg whose step was cancelled, or ended on the action's own error, did not pass. */
  legs: readonly Omit<LegVerdict, 'attempt'>[],
  missing: { count: number },
  problems: readonly unknown[]
): { passed: boolean; status: FinalStatus; result: Result } {
  const passed =
    legs.length > 0 &&
    legs.every(l => l.passed && !l.cancelled && !l.fatal) &&
    missing.count === 0 &&
    problems.length === 0
  // As for several runs: the worst status, and the result FAILED if any leg's is.
  const status = STATUS_ORDER.find(s => legs.some(l => l.status === s)) ?? 'error'
  return { passed, status, result: aggregateResult(legs) }
}
