// The JSON report file's text: the verdict, and each run with the last body the API sent for it,
// written in pieces so a huge run is never held as one more whole copy. Pure.
import type { Report } from '../model.js'
import { entrySummary, runSummary, waiverSummary } from './outputs.js'

/**
 * The report file's text. A body nested deeper than JSON.stringify's call stack allows (an
 * unknown field nested thousands of levels) is written with its deepest levels replaced by a note,
 * so the report is always written.
 */
export function reportJson(report: Report): string {
  try {
    return `${JSON.stringify(reportFileOf(report), null, 2)}\n`
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    const runs = report.runs.map(run => ({ ...run, body: limitDepth(run.body, MAX_REPORT_DEPTH) }))
    return `${JSON.stringify(reportFileOf({ ...report, runs }), null, 2)}\n`
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
export function* reportJsonPieces(report: Report): Generator<string> {
  let pending = ''
  for (const text of prettyPieces(reportFileOf(report), '', WALKED_LEVELS)) {
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

/** The JSON report file: the verdict, and each run with the last body the API sent for it. */
export function reportFileOf(report: Report) {
  const known = report.knownIssues
  return {
    passed: report.passed,
    status: report.status,
    result: report.result,
    // The file of known issues as this step read it: every entry, where it comes from, in force.
    ...(known
      ? {
          knownIssues: {
            file: known.file,
            from: known.from,
            base: known.base.kind,
            ...(known.base.kind === 'unverified' ? { baseProblem: known.base.reason } : {}),
            entries: known.entries.map(e => ({
              ...entrySummary(e),
              inForce: !e.notInForce,
              ...(e.notInForce ? { notInForce: e.notInForce } : {})
            }))
          }
        }
      : {}),
    runs: report.runs.map(run => ({
      ...runSummary(run),
      // Every waived finding here (the `runs` output lists the first ones).
      ...(run.waived.length ? { waived: run.waived.map(waiverSummary) } : {}),
      // Each earlier attempt's body beside its numbers; the verdict's own is the run's `run`.
      ...(run.attempts
        ? {
            attempts: run.attempts.map(a => ({
              ...runSummary({ ...a, attempts: undefined }),
              counts: a.counts,
              error: a.error,
              run: a.id === run.id ? null : (a.body ?? null)
            }))
          }
        : {}),
      error: run.error,
      run: run.body ?? null
    }))
  }
}
