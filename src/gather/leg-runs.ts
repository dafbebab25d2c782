// A leg's runs as the summary, the comment and the test reports show them, from its report file:
// the verdict, reasons and notes exactly as the leg decided them (never judged again), the
// findings read from each run's body as the API sent it. Pure.
import { parseRun } from '../api/run-response.js'
import type { FinalStatus, Result, Run, RunReport } from '../model.js'
import { isWarning } from '../model.js'
import { bySeverity } from '../verdict/build-report.js'

/** A run entry of a report that passed the schema (schemas/report.schema.json). */
export interface RunEntry {
  id: string
  status: FinalStatus
  result: Result
  passed: boolean
  maxSeverity: number
  durationMs: number | null
  reasons: string[]
  notes: string[]
  lastStatus: string | null
  error: string | null
  run: Record<string, unknown> | null
  flaky?: boolean
  attempts?: (RunEntry & { counts: boolean })[]
  origin?: string
  githubReporting?: string
  /** Issue 24's waivers and any field a later minor version adds pass through untouched. */
  [field: string]: unknown
}

/** The body as a run, or null: a body the leg kept is shown as well as it can be, never trusted. */
function runOf(body: Record<string, unknown> | null): Run | null {
  if (!body) return null
  try {
    return parseRun(body)
  } catch {
    return null
  }
}

/**
 * One run of a leg. `body` is left out (null): the combined report file reads the bodies again
 * from the legs' files, so they are not all held at once.
 */
export function legRun(entry: RunEntry, leg: string): RunReport {
  const report = describe(entry, runOf(entry.run))
  report.leg = leg
  if (entry.flaky !== undefined) report.flaky = entry.flaky
  if (entry.origin) report.origin = entry.origin
  if (entry.githubReporting) report.githubReporting = entry.githubReporting
  if (entry.attempts) {
    report.attempts = entry.attempts.map(attempt => ({
      // The attempt the verdict rests on keeps its body in the run's own `run`.
      ...describe(
        attempt,
        attempt.id === entry.id && !attempt.run ? report.run : runOf(attempt.run)
      ),
      counts: attempt.counts
    }))
  }
  return report
}

function describe(entry: RunEntry, run: Run | null): RunReport {
  const output = run?.output ?? null
  const test = output?.kind === 'test' ? output : null
  const all = test?.issues ?? []
  const steps = test?.steps ?? []
  return {
    id: entry.id.toLowerCase(),
    status: entry.status,
    result: entry.result,
    passed: entry.passed,
    reasons: entry.reasons,
    notes: entry.notes,
    issues: all.filter(i => !isWarning(i)).sort(bySeverity),
    warnings: all.filter(isWarning).sort(bySeverity),
    maxSeverity: entry.maxSeverity,
    stepsCount: steps.length,
    failedStepsCount: steps.filter(s => s.status === 'failed').length,
    durationMs: entry.durationMs,
    featureName: test?.featureName ?? '',
    description:
      test?.description ||
      (output?.kind === 'planner_skipped' ? output.reason : '') ||
      run?.error?.message ||
      '',
    run,
    body: null,
    lastStatus: entry.lastStatus,
    error: entry.error
  }
}

/** Issues and warnings a leg waived in this run (a run's `waived` list, when the leg had one). */
export function waivedIn(entry: RunEntry): number {
  return Array.isArray(entry.waived) ? entry.waived.length : 0
}
