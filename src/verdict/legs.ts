// The verdict of a whole matrix (reports mode): each leg's verdict is kept as the leg decided it
// (its own fail-on, min-severity, on-flaky and waivers), and the matrix passes only when every
// expected leg reported and passed and every matched file was a usable report. Pure.
import type { FinalStatus, Result } from '../model.js'
import { STATUS_ORDER } from './build-report.js'

interface LegVerdict {
  passed: boolean
  status: FinalStatus
  result: Result
}

export function judgeMatrix(
  legs: readonly LegVerdict[],
  missing: { count: number },
  problems: readonly unknown[]
): { passed: boolean; status: FinalStatus; result: Result } {
  const passed =
    legs.length > 0 && legs.every(l => l.passed) && missing.count === 0 && problems.length === 0
  // As for several runs: the worst status, and the result FAILED if any leg's is.
  const status = STATUS_ORDER.find(s => legs.some(l => l.status === s)) ?? 'error'
  let result: Result
  if (legs.length === 0) result = ''
  else if (legs.some(l => l.result === 'FAILED')) result = 'FAILED'
  else if (legs.some(l => l.result === '')) result = ''
  else if (legs.some(l => l.result === 'PASS')) result = 'PASS'
  else result = 'SKIPPED'
  return { passed, status, result }
}
