// The wording of a matrix's legs in reports mode, shared by the summary, the comment, the commit
// status and the step's last line: a leg's verdict, and why the whole matrix did not pass. Plain
// text: leg names, reasons and file names come from the legs' files, and each caller escapes them
// for where they go. Pure.
import { logText } from '../escape.js'
import { plural } from '../labels.js'
import type { Gathered, GatheredLeg, Report } from '../model.js'

/** A leg's verdict as a mark and a word, as the leg decided it. */
export function legVerdictWord(leg: GatheredLeg): { mark: string; word: string } {
  if (leg.fatal) return { mark: '⚠️', word: 'error' }
  if (leg.cancelled || leg.status === 'cancelled') return { mark: '⚠️', word: 'cancelled' }
  if (leg.status === 'timed_out') return { mark: '⚠️', word: 'timed out' }
  if (leg.status !== 'completed' && leg.status !== 'failed')
    return { mark: '⚠️', word: 'did not complete' }
  if (!leg.passed) return { mark: '❌', word: 'failed' }
  if (leg.flaky > 0) return { mark: '🔁', word: 'passed (flaky)' }
  if (leg.result === 'SKIPPED') return { mark: '⏭️', word: 'skipped' }
  return { mark: '✅', word: 'passed' }
}

export const MISSING_WORD = { mark: '❔', word: 'missing' } as const

/** Legs that count: those that reported, and those expected by name or count that did not. */
export function legCount(gathered: Gathered): number {
  return gathered.legs.length + gathered.missing.count
}

/** Legs that did not pass, the missing ones included. */
export function legsNotPassed(gathered: Gathered): number {
  return gathered.legs.filter(l => !l.passed).length + gathered.missing.count
}

/** Why one leg did not pass, in the leg's own words (its runs' reasons), or its error. */
export function legReasons(report: Report, leg: GatheredLeg): string[] {
  if (leg.fatal) return [`the action could not finish: ${leg.fatal}`]
  if (leg.cancelled) return ['the leg was cancelled while it waited']
  const reasons = report.runs.filter(r => r.leg === leg.name && !r.passed).flatMap(r => r.reasons)
  return reasons.length ? [...new Set(reasons)] : [`the leg ended ${leg.status}`]
}

/** What is missing, in one clause; '' when nothing is. */
export function missingClause(gathered: Gathered): string {
  const { missing, legs } = gathered
  if (missing.count === 0) return ''
  if (missing.names.length > 0) {
    return `${plural(missing.count, 'leg')} did not report: ${missing.names.join(', ')}`
  }
  const expected = 'count' in gathered.expected ? gathered.expected.count : legs.length
  return `expected ${plural(expected, 'leg report')}, found ${legs.length}`
}

/** When the patterns matched no file at all (usually a path download-artifact did not write): why. */
export function nothingMatched(gathered: Gathered): string {
  if (gathered.found > 0) return ''
  return `no file matched the reports patterns (${gathered.patterns.split('\n').join(', ')})`
}

/**
 * Why the matrix did not pass, one clause per failed leg, what is missing, and each unusable
 * file; each clause at most `max` characters so one leg's long story cannot bury the others.
 */
export function matrixWhy(report: Report, gathered: Gathered, max = 300): string[] {
  const cut = (text: string): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
  const clauses = gathered.legs
    .filter(l => !l.passed)
    .map(l => cut(`leg ${l.name}: ${legReasons(report, l).join('; ')}`))
  const missing = missingClause(gathered)
  if (missing) clauses.push(cut(missing))
  const nothing = nothingMatched(gathered)
  if (nothing) clauses.push(cut(nothing))
  for (const p of gathered.problems) clauses.push(cut(`${p.file} ${p.problem}`))
  if (clauses.length === 0 && gathered.legs.length === 0) clauses.push('no leg reported')
  return clauses
}

/** Clauses in the step's last line; the summary has every one. */
const MAX_LINE_CLAUSES = 10

/** `matrixWhy` as one line of the log: each clause on one line, never a workflow command. */
export function matrixWhyLine(report: Report, gathered: Gathered): string {
  const clauses = matrixWhy(report, gathered).map(clause => logText(clause, 300))
  const more = clauses.length - MAX_LINE_CLAUSES
  return more > 0
    ? `${clauses.slice(0, MAX_LINE_CLAUSES).join('; ')}; and ${more} more (see the job summary)`
    : clauses.join('; ')
}

/**
 * The matrix's verdict in a few words, for the summary's headline and the comment's title:
 * `all 3 legs passed`, `1 of 3 legs did not pass`, `no leg reported`, `2 reports could not be used`.
 */
export function matrixVerdictWords(report: Report, gathered: Gathered): string {
  const total = legCount(gathered)
  const notPassed = legsNotPassed(gathered)
  if (report.passed) return `all ${plural(total, 'leg')} passed`
  if (total === 0) return 'no leg reported'
  return notPassed > 0
    ? `${notPassed} of ${plural(total, 'leg')} did not pass`
    : `${plural(gathered.problems.length, 'report')} could not be used`
}
