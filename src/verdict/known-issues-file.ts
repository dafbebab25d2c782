// Reads the text of a known-issues file: YAML 1.2 (the `yaml` package, which gives each node its
// line), a list of entries, each checked field by field. A problem names the line of the entry and
// what is wrong; the caller names the file. Loaded only when `known-issues` is set. Pure.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import type { KnownIssue } from '../model.js'
import {
  matchesEverything,
  namePattern,
  pageMatchesEverything,
  pagePattern,
  pagePatternProblem
} from './patterns.js'

export interface FileProblem {
  /** 1-based; the entry's line, or the line of the YAML error. */
  line: number
  message: string
}

export type ParsedFile =
  { ok: true; entries: KnownIssue[] } | { ok: false; problems: FileProblem[] }

/** Every key an entry may have, in the order the docs list them. */
export const ENTRY_KEYS = [
  'name',
  'page',
  'test',
  'reason',
  'max-severity',
  'until',
  'ticket'
] as const

/** A value shown in a problem: one short line, text quoted, anything else as YAML wrote it. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  const line = text.replace(/[\r\n]+/g, '⏎')
  const short = line.length > 60 ? `${line.slice(0, 57)}...` : line
  return typeof value === 'string' ? JSON.stringify(short) : short
}

/**
 * The entries of a known-issues file, or every problem found in it (each with its line). `today`
 * is the UTC day (`YYYY-MM-DD`) that `until` is measured from.
 */
export function parseKnownIssuesFile(text: string, today: string): ParsedFile {
  const lines = new LineCounter()
  // YAML 1.2's core schema: `2027-03-31` stays text and `no` is not false (YAML 1.1 readers differ).
  const document = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false
  })
  const lineOf = (offset: number | undefined): number => lines.linePos(offset ?? 0).line
  const problems: FileProblem[] = []
  for (const error of document.errors) {
    problems.push({
      line: error.linePos?.[0]?.line ?? lineOf(error.pos[0]),
      message: `not valid YAML: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`
    })
  }
  if (problems.length > 0) return { ok: false, problems }
  const root = document.contents
  // An empty file (or one with only comments) waives nothing.
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    return { ok: true, entries: [] }
  }
  if (!isSeq(root)) {
    return {
      ok: false,
      problems: [
        {
          line: lineOf(root.range?.[0]),
          message: 'the file must be a list of entries (each starting with "- name:" or "- page:")'
        }
      ]
    }
  }
  const entries: KnownIssue[] = []
  for (const item of root.items) {
    const line = lineOf((item as Node | null)?.range?.[0])
    const entry = readEntry(item, line, today, problems)
    if (entry) entries.push(entry)
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries }
}

function readEntry(
  item: unknown,
  line: number,
  today: string,
  problems: FileProblem[]
): KnownIssue | null {
  const problem = (message: string): null => {
    problems.push({ line, message })
    return null
  }
  if (isAlias(item)) return problem('aliases (*name) are not accepted: write the entry out')
  if (!isMap(item)) {
    return problem(
      'an entry must be a mapping of keys (name, page, test, reason, max-severity, until, ticket)'
    )
  }
  const values = new Map<string, unknown>()
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key
    if (typeof key !== 'string' || !(ENTRY_KEYS as readonly string[]).includes(key)) {
      return problem(`unknown key ${shown(key)} (accepted: ${ENTRY_KEYS.join(', ')})`)
    }
    if (isAlias(pair.value)) return problem(`${key}: aliases (*name) are not accepted`)
    if (pair.value !== null && !isScalar(pair.value)) {
      return problem(`${key} must be a single value, not a list or a mapping`)
    }
    values.set(key, pair.value === null ? null : pair.value.value)
  }
  const text = (key: string): string | undefined | null => {
    const value = values.get(key)
    if (value === undefined) return undefined
    // A bare number is text too (`name: 404`), but not an empty value, true/false or a date object.
    if (typeof value === 'number' && Number.isFinite(value)) return String(value)
    if (typeof value !== 'string' || value.trim() === '') {
      problem(`${key} must be non-empty text, not ${shown(value)}`)
      return null
    }
    return value.trim()
  }
  const reason = text('reason')
  const name = text('name')
  const page = text('page')
  const test = text('test')
  const ticket = text('ticket')
  const until = text('until')
  if (reason === null || name === null || page === null || test === null) return null
  if (ticket === null || until === null) return null
  if (reason === undefined) {
    return problem('reason is missing: say in one line why this finding does not block merges')
  }
  if (/[\r\n]/.test(reason)) return problem('reason must be one line')
  if (name === undefined && page === undefined) {
    return problem('an entry needs name or page (or both): what it waives')
  }
  if (name !== undefined && matchesEverything(namePattern(name))) {
    return problem(
      `name ${shown(name)} has no letter or digit outside *: it would waive every finding (use fail-on: never for that)`
    )
  }
  if (page !== undefined) {
    const pageProblem = pagePatternProblem(page)
    if (pageProblem) return problem(pageProblem)
    if (name === undefined && pageMatchesEverything(pagePattern(page))) {
      return problem(
        `page ${shown(page)} has no literal part: alone it matches (nearly) every page and would waive every finding`
      )
    }
  }
  const entry: KnownIssue = { line, reason }
  if (name !== undefined) entry.name = name
  if (page !== undefined) entry.page = page
  if (test !== undefined) entry.test = test
  const severity = values.get('max-severity')
  if (severity !== undefined) {
    if (
      typeof severity !== 'number' ||
      !Number.isInteger(severity) ||
      severity < 1 ||
      severity > 5
    ) {
      return problem(
        `max-severity is ${shown(severity)}: expected a whole number from 1 (minor) to 5 (critical)`
      )
    }
    entry.maxSeverity = severity
  }
  if (until !== undefined) {
    const untilProblem = checkUntil(until, today)
    if (untilProblem) return problem(untilProblem)
    entry.until = until
  }
  if (ticket !== undefined) {
    if (!isHttpsLink(ticket)) {
      return problem(
        `ticket ${shown(ticket)} is not an https link: expected a URL such as https://github.com/acme/shop/issues/1234`
      )
    }
    entry.ticket = ticket
  }
  return entry
}

/** Why an `until` is refused, or null: a real date, `YYYY-MM-DD`, at most a year ahead. */
function checkUntil(until: string, today: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(until)
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN
  if (!match || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== until) {
    return `until ${shown(until)} is not a date: expected YYYY-MM-DD, such as 2027-03-31`
  }
  // A waiver is reviewed at least once a year: the same day next year is the latest.
  const [year, month, day] = today.split('-').map(Number) as [number, number, number]
  const latest = new Date(Date.UTC(year + 1, month - 1, day)).toISOString().slice(0, 10)
  if (until > latest) {
    return `until ${until} is more than a year ahead (the latest accepted today is ${latest}): a waiver is reviewed at least once a year`
  }
  return null
}

function isHttpsLink(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' && !url.username && !url.password && text === text.trim()
  } catch {
    return false
  }
}
