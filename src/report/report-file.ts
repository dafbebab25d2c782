// The JSON report file's text: the verdict, and each run with the last body the API sent for it,
// written in pieces so a huge run is never held as one more whole copy. A public interface:
// schemas/report.schema.json describes it and docs/report-file.md its versions. Pure.
import { REPORT_SCHEMA_VERSION } from '../constants.js'
import type { Gathered, KnownIssues, Report, RunReport } from '../model.js'
import { entrySummary, runSummary, waiverSummary } from './outputs.js'

/** What the report was written for: the leg, the commit, the pull request and the workflow run. */
export interface ReportHead {
  /** The `leg` input ('' when not given). */
  leg: string
  /** The commit tested ('' when the event names none). */
  commit: string
  pullRequest: number | null
  /** GITHUB_RUN_ID ('' outside a runner) and GITHUB_RUN_ATTEMPT. */
  workflowRun: { id: string; attempt: number }
}

/** Outside a runner, with no leg. */
const NO_HEAD: ReportHead = {
  leg: '',
  commit: '',
  pullRequest: null,
  workflowRun: { id: '', attempt: 1 }
}

/**
 * The runs of a combined report (reports mode), read from the legs' files one at a time as the file
 * is written: `toJSON` gives them all at once only for the rare report written by `reportJson`.
 */
class StreamedRuns {
  constructor(readonly items: () => Iterable<unknown>) {}
  toJSON(): unknown[] {
    return [...this.items()]
  }
}

/**
 * The report file's text. A body nested deeper than JSON.stringify's call stack allows (an
 * unknown field nested thousands of levels) is written with its deepest levels replaced by a note,
 * so the report is always written.
 */
export function reportJson(report: Report, head: ReportHead = NO_HEAD): string {
  try {
    return `${JSON.stringify(reportFileOf(report, head), null, 2)}\n`
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    const runs = report.runs.map(run => ({ ...run, body: limitDepth(run.body, MAX_REPORT_DEPTH) }))
    const gathered = report.gathered && {
      ...report.gathered,
      entries: () =>
        Array.from(
          report.gathered!.entries(),
          entry => limitDepth(entry, MAX_REPORT_DEPTH) as Record<string, unknown>
        )
    }
    return `${JSON.stringify(reportFileOf({ ...report, runs, ...(gathered ? { gathered } : {}) }, head), null, 2)}\n`
  }
}

/**
 * The report file's text in pieces, joined exactly `reportJson(report)` when no body is nested
 * too deep for JSON.stringify (then one piece throws RangeError: write `reportJson` instead). A
 * 70 MB body never becomes one string: the first levels are walked here, each deeper value is
 * serialized alone, and pieces of about `REPORT_PIECE_CHARS` come out.
 *
 * Every cut is just before a line break, between two values: a secret straddles two pieces only
 * if it holds a line break, which neither an API key (printable ASCII, no space) nor a GitHub
 * token can; so a caller scrubbing each piece scrubs what scrubbing the whole text would.
 */
export function* reportJsonPieces(report: Report, head: ReportHead = NO_HEAD): Generator<string> {
  let pending = ''
  for (const text of prettyPieces(reportFileOf(report, head), '', WALKED_LEVELS)) {
    if (text.startsWith('\n') && pending.length >= REPORT_PIECE_CHARS) {
      yield pending
      pending = ''
    }
    pending += text
  }
  yield `${pending}\n`
}

/** About 1 MB per write: few system calls, and nothing near the size of a huge body at once. */
const REPORT_PIECE_CHARS = 1 << 20

/** Levels walked by `prettyPieces` (the report, its runs, a body, its output, the issues, one issue). */
const WALKED_LEVELS = 6

/**
 * `JSON.stringify(value, null, 2)` at indentation `indent`, as texts whose only line breaks start
 * a text; `levels` deep, each value is serialized whole by JSON.stringify itself.
 */
function* prettyPieces(value: unknown, indent: string, levels: number): Generator<string> {
  if (value instanceof StreamedRuns) {
    let first = true
    for (const item of value.items()) {
      yield first ? '[' : ','
      first = false
      yield `\n${indent}  `
      yield* prettyPieces(item, `${indent}  `, levels - 1)
    }
    return yield first ? '[]' : `\n${indent}]`
  }
  const plain =
    levels === 0 ||
    typeof value !== 'object' ||
    value === null ||
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  if (plain) {
    // Only called for values JSON.stringify keeps: an array's left-out item is said `null`.
    const text = JSON.stringify(value, null, 2) as string | undefined
    yield text === undefined ? 'null' : text.replaceAll('\n', `\n${indent}`)
    return
  }
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]'
    yield '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ','
      yield `\n${inner}`
      yield* prettyPieces(value[i], inner, levels - 1)
    }
    return yield `\n${indent}]`
  }
  const record = value as Record<string, unknown>
  // The members JSON.stringify keeps: undefined, functions and symbols are left out.
  const keys = Object.keys(record).filter(key => {
    const item = typeof record[key]
    return item !== 'undefined' && item !== 'function' && item !== 'symbol'
  })
  if (keys.length === 0) return yield '{}'
  yield '{'
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) yield ','
    yield `\n${inner}${JSON.stringify(keys[i])}: `
    yield* prettyPieces(record[keys[i]!], inner, levels - 1)
  }
  yield `\n${indent}}`
}

/** Deeper than this, a body's values are left out of the report file (no real run comes close). */
const MAX_REPORT_DEPTH = 100

function limitDepth(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (depth === 0) return `[nested more than ${MAX_REPORT_DEPTH} levels deep: left out]`
  if (Array.isArray(value)) return value.map(item => limitDepth(item, depth - 1))
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, limitDepth(item, depth - 1)])
  )
}

/**
 * The JSON report file: what it was written for, the verdict, and each run with its verdict's
 * reasons and the last body the API sent for it; in reports mode, the legs it combines.
 */
export function reportFileOf(report: Report, head: ReportHead = NO_HEAD) {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    leg: head.leg,
    commit: head.commit,
    pullRequest: head.pullRequest,
    workflowRun: head.workflowRun,
    passed: report.passed,
    status: report.status,
    result: report.result,
    fatal: report.fatal,
    cancelled: report.cancelled,
    flakyCount: report.flakyCount,
    // The file of known issues as this step read it: every entry, where it comes from, in force.
    ...(report.knownIssues ? { knownIssues: knownIssuesOf(report.knownIssues) } : {}),
    ...(report.gathered ? { gathered: gatheredOf(report.gathered) } : {}),
    // Typed as the array it serializes to (toJSON), which is what a reader of the file sees.
    runs: report.gathered
      ? (new StreamedRuns(() => report.gathered!.entries()) as unknown as RunEntry[])
      : report.runs.map(runEntry)
  }
}

/** One run: its numbers (as in the `runs` output), why its verdict is what it is, and its body. */
function runEntry(run: RunReport) {
  return {
    ...runSummary(run),
    // Every waived finding here (the `runs` output lists the first ones).
    ...(run.waived.length ? { waived: run.waived.map(waiverSummary) } : {}),
    // Each earlier attempt's body beside its numbers; the verdict's own is the run's `run`.
    ...(run.attempts
      ? {
          attempts: run.attempts.map(a => ({
            ...runSummary({ ...a, attempts: undefined }),
            // Every waived finding of the attempt (the `runs` output lists the first ones).
            ...(a.waived.length ? { waived: a.waived.map(waiverSummary) } : {}),
            counts: a.counts,
            ...verdictOf(a),
            error: a.error,
            run: a.id === run.id ? null : (a.body ?? null)
          }))
        }
      : {}),
    ...verdictOf(run),
    ...(run.origin ? { origin: run.origin } : {}),
    ...(run.githubReporting ? { githubReporting: run.githubReporting } : {}),
    error: run.error,
    run: run.body ?? null
  }
}

type RunEntry = ReturnType<typeof runEntry>

/** The known-issues file as the step read it. */
function knownIssuesOf(known: KnownIssues) {
  return {
    file: known.file,
    from: known.from,
    base: known.base.kind,
    ...(known.base.kind === 'unverified' ? { baseProblem: known.base.reason } : {}),
    ...('against' in known.base ? { against: known.base.against } : {}),
    entries: known.entries.map(e => ({
      ...entrySummary(e),
      inForce: !e.notInForce,
      ...(e.notInForce ? { notInForce: e.notInForce } : {})
    }))
  }
}

/** What a leg decided about a run, so reports mode shows it as decided instead of judging again. */
const verdictOf = (run: RunReport) => ({
  reasons: run.reasons,
  notes: run.notes,
  lastStatus: run.lastStatus
})

/** Reports mode: what was expected, and each leg's report as kept, refused or missed. */
function gatheredOf(gathered: Gathered) {
  return {
    patterns: gathered.patterns,
    expected: gathered.expected,
    legs: gathered.legs.map(leg => ({
      name: leg.name,
      file: leg.file,
      attempt: leg.attempt,
      passed: leg.passed,
      status: leg.status,
      result: leg.result,
      fatal: leg.fatal,
      cancelled: leg.cancelled,
      runsCount: leg.runs,
      issuesCount: leg.issues,
      warningsCount: leg.warnings,
      flakyCount: leg.flaky,
      waivedCount: leg.waived
    })),
    missing: gathered.missing,
    problems: gathered.problems,
    found: gathered.found,
    skipped: gathered.skipped
  }
}
