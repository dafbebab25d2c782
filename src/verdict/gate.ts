// The verdict: does this run let the job pass, under `fail-on` and `min-severity`? Pure.
import { plural } from '../labels.js'
import type { FailOn, FinalStatus, Result } from '../model.js'
import type { Issue } from '../model.js'

export interface GatePolicy {
  failOn: FailOn
  minSeverity: number
}

export interface GateInput {
  status: FinalStatus
  result: Result
  /** Entries of type `issue` (and unknown types: the gate fails closed), none of them waived. */
  issues: Issue[]
  warnings: Issue[]
  /** Issues (not warnings) a known-issues entry waived: reported, but never failing the verdict. */
  waivedIssues?: number
}

export interface Verdict {
  passed: boolean
  /** Why it failed, one short clause each; empty when it passed. */
  reasons: string[]
  /** Things the reader should know although they did not fail the verdict. */
  notes: string[]
}

/** Unrated issues (no valid severity) reach every threshold: an unknown risk must not slip through. */
const reachesThreshold = (issue: Issue, minSeverity: number): boolean =>
  issue.severity === null || issue.severity >= minSeverity

/**
 * `fail-on: never` is judged exactly like `failed`: the verdict is still reported (the `passed`
 * output, the summary); only the caller decides not to fail the step on it.
 */
export function judge(run: GateInput, policy: GatePolicy): Verdict {
  const reasons: string[] = []
  const notes: string[] = []
  const atLeast = policy.minSeverity > 1 ? ` at severity ${policy.minSeverity} or above` : ''

  switch (run.status) {
    case 'completed':
      break
    case 'failed':
      reasons.push('the run failed before it could finish testing')
      break
    case 'cancelled':
      reasons.push('the run was cancelled')
      break
    case 'timed_out':
      reasons.push('the run did not finish before the timeout')
      break
    case 'not_found':
      reasons.push('the run was not found')
      break
    case 'error':
      reasons.push('the run could not be checked')
      break
  }

  if (run.status === 'completed') {
    if (run.result === '') {
      reasons.push('the run completed without a result')
    } else if (run.result === 'FAILED') {
      const waived = run.waivedIssues ?? 0
      const blocking = run.issues.filter(i => reachesThreshold(i, policy.minSeverity))
      const known = waived > 0 ? ` (${waived} more waived by known-issues)` : ''
      if (run.issues.length === 0 && waived === 0) {
        // A FAILED result with nothing to show for it is not a known issue: it still fails.
        reasons.push('the run FAILED without reporting any issue')
      } else if (blocking.length > 0) {
        reasons.push(`the run FAILED with ${plural(blocking.length, 'issue')}${atLeast}${known}`)
      } else if (run.issues.length === 0) {
        notes.push(
          `the run FAILED, but ${waived === 1 ? 'its one issue is' : `all ${waived} of its issues are`} waived by known-issues`
        )
      } else {
        notes.push(
          `the run FAILED, but none of its ${plural(run.issues.length, waived > 0 ? 'other issue' : 'issue')} reaches min-severity ${policy.minSeverity}${known}`
        )
      }
    }
    if (policy.failOn === 'warnings') {
      const blocking = run.warnings.filter(w => reachesThreshold(w, policy.minSeverity))
      if (blocking.length > 0)
        reasons.push(`the run reported ${plural(blocking.length, 'warning')}${atLeast}`)
    }
  }

  return { passed: reasons.length === 0, reasons, notes }
}
