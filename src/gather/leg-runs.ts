// A leg's runs as the summary, the comment and the test reports show them, from its report file:
// the verdict, reasons and notes exactly as the leg decided them (never judged again), the
// findings read from each run's body as the API sent it. Pure.
import { parseRun } from '../api/run-response.js'
import type {
  FinalStatus,
  Issue,
  KnownIssueEntry,
  Result,
  Run,
  RunReport,
  Waiver
} from '../model.js'
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
  const { kept: all, waived } = setApartWaived(test?.issues ?? [], entry.waived)
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
    waived,
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

/** A waived finding as the leg's report gives it (schemas/report.schema.json, `waiver`). */
interface WaivedEntry {
  name: string
  type: string
  severity: number | null
  url: string
  entry: KnownIssueEntry
}

/**
 * The findings of a run's body with those the leg waived set apart, each with its entry, as the
 * leg's summary showed them: a waived finding is matched to the first finding of the body with
 * the same name, type, severity and page, and kept as the report gives it when none is left.
 */
function setApartWaived(
  findings: Issue[],
  waivedEntries: unknown
): { kept: Issue[]; waived: Waiver[] } {
  const listed = Array.isArray(waivedEntries) ? (waivedEntries as WaivedEntry[]) : []
  if (listed.length === 0) return { kept: findings, waived: [] }
  const kept = [...findings]
  const waived = listed.map(w => {
    const at = kept.findIndex(
      i => i.name === w.name && i.type === w.type && i.severity === w.severity && i.url === w.url
    )
    const issue = at === -1 ? findingOf(w) : kept.splice(at, 1)[0]!
    return { issue, entry: w.entry }
  })
  return { kept, waived: waived.sort((a, b) => bySeverity(a.issue, b.issue)) }
}

/** A waived finding the body no longer holds, as its report entry names it. */
function findingOf(w: WaivedEntry): Issue {
  return {
    type: w.type,
    name: w.name,
    description: '',
    url: w.url,
    severity: w.severity,
    reproductionSteps: [],
    expectedBehavior: '',
    actualBehavior: '',
    screenshotUrl: '',
    tMs: null
  }
}
