// The facts of each run and of the whole wait, worked out once: the summary, outputs, annotations
// and report file are all views of this; and which runs the wait left unfinished. Pure.
import { judge, type GatePolicy } from './gate.js'
import type {
  KnownIssues,
  FinalStatus,
  OnFlaky,
  Report,
  Result,
  RetryAttempt,
  RunOutcome,
  RunReport
} from '../model.js'
import { isWarning, type Issue, type Run } from '../model.js'
import { waiverFinder } from './known-issues.js'
import { withRetries } from './retries.js'

/** Ordered from worst: the aggregate status of several runs is the worst of theirs. */
export const STATUS_ORDER: readonly FinalStatus[] = [
  'error',
  'not_found',
  'timed_out',
  'failed',
  'cancelled',
  'completed'
]

const severityRank = (issue: Issue): number => issue.severity ?? 6

export function bySeverity(a: Issue, b: Issue): number {
  return severityRank(b) - severityRank(a)
}

function resultOf(run: Run | null, status: FinalStatus): Result {
  if (status !== 'completed' || !run?.output) return ''
  if (run.output.kind === 'planner_skipped') return 'SKIPPED'
  const result = run.output.result
  return result === 'PASS' || result === 'FAILED' ? result : ''
}

/** Finds the known-issues entry that waives each finding of a run (none without the file). */
type Waive = ReturnType<typeof waiverFinder>

/**
 * The finder of a step's waivers, its entries compiled once: retry-failed judges each run as it
 * finishes, and the report judges them all again at the end.
 */
const finders = new WeakMap<KnownIssues, Waive>()
function finderOf(waivers: KnownIssues | null | undefined): Waive {
  if (!waivers) return waiverFinder(null)
  let finder = finders.get(waivers)
  if (!finder) finders.set(waivers, (finder = waiverFinder(waivers)))
  return finder
}

function describeRun(outcome: RunOutcome, policy: GatePolicy, waive: Waive): RunReport {
  const { run } = outcome
  const output = run?.output ?? null
  const test = output?.kind === 'test' ? output : null
  const all = [...(test?.issues ?? [])].sort(bySeverity)
  const waived = waive(all, { featureName: test?.featureName ?? '', testId: run?.testId ?? null })
  const waivedIssues = new Set(waived.map(w => w.issue))
  const shown = all.filter(i => !waivedIssues.has(i))
  const issues = shown.filter(i => !isWarning(i))
  const warnings = shown.filter(isWarning)
  const steps = test?.steps ?? []
  const result = resultOf(run, outcome.status)
  const verdict = judge(
    {
      status: outcome.status,
      result,
      issues,
      warnings,
      waivedIssues: waived.filter(w => !isWarning(w.issue)).length
    },
    policy
  )
  const description =
    test?.description ||
    (output?.kind === 'planner_skipped' ? output.reason : '') ||
    run?.error?.message ||
    ''
  return {
    id: outcome.id,
    status: outcome.status,
    result,
    passed: verdict.passed,
    reasons: verdict.reasons,
    notes: verdict.notes,
    issues,
    warnings,
    waived,
    // Every issue TesterArmy reported counts here, waived or not: the outputs keep them all.
    maxSeverity: all.reduce((max, i) => (isWarning(i) ? max : Math.max(max, i.severity ?? 0)), 0),
    stepsCount: steps.length,
    failedStepsCount: steps.filter(s => s.status === 'failed').length,
    durationMs: run?.durationMs ?? null,
    featureName: test?.featureName ?? '',
    description,
    run,
    body: outcome.body,
    lastStatus: outcome.lastStatus,
    error: outcome.error
  }
}

/**
 * A run's own verdict failed: the gate fails it, and its result is FAILED or its status `failed`.
 * A timeout, a cancel, a run not found or unreadable is not the run's verdict: `retry-failed`
 * never starts those again.
 */
export function ownVerdictFailed(
  outcome: RunOutcome,
  policy: GatePolicy & { waivers?: KnownIssues | null }
): boolean {
  if (outcome.status !== 'completed' && outcome.status !== 'failed') return false
  const run = describeRun(outcome, policy, finderOf(policy.waivers))
  return !run.passed && (run.status === 'failed' || run.result === 'FAILED')
}

/** What `retry-failed` did: each retried run's later attempts, and why a run was not retried. */
interface RetriedRuns {
  attempts: ReadonlyMap<string, readonly RetryAttempt[]>
  notes: ReadonlyMap<string, string>
}

export function buildReport(
  outcomes: RunOutcome[],
  policy: GatePolicy & { onFlaky?: OnFlaky; waivers?: KnownIssues | null },
  extra: {
    fatal?: string | null
    cancelled?: boolean
    timedOut?: boolean
    retried?: RetriedRuns
  } = {}
): Report {
  const waive = finderOf(policy.waivers)
  const describe = (o: RunOutcome): RunReport => describeRun(o, policy, waive)
  const runs = outcomes.map(o =>
    withRetries(o, extra.retried?.attempts.get(o.id) ?? [], {
      onFlaky: policy.onFlaky ?? 'pass',
      describe,
      ...(extra.retried?.notes.has(o.id) ? { note: extra.retried.notes.get(o.id) } : {})
    })
  )
  // No run at all (the start request failed): nothing completed, nothing passed.
  const worst =
    STATUS_ORDER.find(s => runs.some(r => r.status === s)) ?? (runs.length ? 'completed' : 'error')
  // After the runner cancels the step, that is what the step's status says, whatever the runs did,
  // and also when the cancel cut a lookup, upload or start short (the fatal line says which).
  // The step's timeout before any run was waited for (a GitHub lookup that never answered) is a
  // timeout, not an error: the fatal line says where it struck.
  const status = extra.cancelled
    ? 'cancelled'
    : extra.timedOut && runs.length === 0
      ? 'timed_out'
      : worst
  const result = aggregateResult(runs)
  return {
    ...(policy.waivers ? { knownIssues: policy.waivers } : {}),
    // A wait the runner cancelled did not pass, whatever the runs had shown so far: its report
    // must not read as a pass (a matrix's gathering job trusts it).
    passed: runs.length > 0 && runs.every(r => r.passed) && !extra.fatal && !extra.cancelled,
    status,
    result,
    runs,
    fatal: extra.fatal ?? null,
    cancelled: extra.cancelled ?? false,
    flakyCount: runs.filter(r => r.flaky).length
  }
}

/**
 * The result of several runs (or legs): `FAILED` if any is, else empty if any did not complete,
 * else `PASS` if any passed, else `SKIPPED`; empty when there are none.
 */
export function aggregateResult(items: readonly { result: Result }[]): Result {
  if (items.length === 0) return ''
  if (items.some(r => r.result === 'FAILED')) return 'FAILED'
  if (items.some(r => r.result === '')) return ''
  if (items.some(r => r.result === 'PASS')) return 'PASS'
  return 'SKIPPED'
}
