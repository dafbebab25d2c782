// Known issues: the entries of the team's waiver file, which of them are in force for this run
// (expired, or added by the pull request under `known-issues-from: base`, they are not), and the
// entry that waives a finding, if any. Part of the verdict, beside the gate. Pure.
import type {
  BaseCheck,
  EntryOrigin,
  Issue,
  KnownIssue,
  KnownIssueEntry,
  KnownIssues,
  KnownIssuesFrom,
  Waiver
} from '../model.js'
import { isUuid } from '../guards.js'
import {
  nameMatches,
  namePattern,
  normalizedNameMatches,
  normalizeName,
  pageKey,
  pagePattern,
  pageSegments,
  patternKey,
  segmentsMatch,
  type NamePattern,
  type PagePattern
} from './patterns.js'

/** `2026-12-07`: the UTC day of a time, as `until` is written. */
export const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10)

/** An entry's patterns, compiled once per step, not once per finding. */
interface Compiled {
  entry: KnownIssueEntry
  name: NamePattern | null
  page: PagePattern | null
  test: { id: string } | { feature: NamePattern } | null
}

/**
 * What an entry's `test` is: a saved test's ID (a UUID) or a feature-name pattern. One reading for
 * matching and for comparing with the base's entries, so the two can never disagree.
 */
function testOf(test: string | undefined): Compiled['test'] {
  if (test === undefined) return null
  return isUuid(test.trim()) ? { id: test.trim().toLowerCase() } : { feature: namePattern(test) }
}

function compile(entry: KnownIssueEntry): Compiled {
  return {
    entry,
    name: entry.name === undefined ? null : namePattern(entry.name),
    page: entry.page === undefined ? null : pagePattern(entry.page),
    test: testOf(entry.test)
  }
}

/** Whether an entry's `test` is this run: its saved test's ID, or its feature name. */
function testMatches(test: NonNullable<Compiled['test']>, run: RunIdentity): boolean {
  return 'id' in test
    ? run.testId?.toLowerCase() === test.id
    : nameMatches(test.feature, run.featureName)
}

/** What a run is, for an entry's `test`: its feature name and its saved test's ID. */
export interface RunIdentity {
  featureName: string
  testId: string | null
}

/** A finding as the entries compare it: its name normalised and its page split, once. */
interface Finding {
  issue: Issue
  name: string
  page: string[] | null
}

function entryMatches(compiled: Compiled, finding: Finding): boolean {
  const { entry } = compiled
  const { issue } = finding
  // The same bug turning worse fails again; a finding of unknown severity is never waived by an
  // entry that bounds it.
  if (entry.maxSeverity !== undefined) {
    if (issue.severity === null || issue.severity > entry.maxSeverity) return false
  }
  if (compiled.name && !normalizedNameMatches(compiled.name, finding.name)) return false
  if (compiled.page && !segmentsMatch(compiled.page, finding.page)) return false
  return true
}

/**
 * Finds the entry that waives each finding: the first in the file that matches it and is in
 * force. Built once per step; `waive` is then called per run.
 */
export function waiverFinder(knownIssues: KnownIssues | null) {
  const inForce = (knownIssues?.entries ?? []).filter(e => !e.notInForce).map(compile)
  return (findings: readonly Issue[], run: RunIdentity): Waiver[] => {
    if (inForce.length === 0) return []
    // The entries that can apply to this run at all, so a test-specific entry costs nothing on
    // the other runs' findings.
    const forRun = inForce.filter(c => !c.test || testMatches(c.test, run))
    const waived: Waiver[] = []
    for (const issue of findings) {
      const finding = { issue, name: normalizeName(issue.name), page: pageSegments(issue.url) }
      const found = forRun.find(c => entryMatches(c, finding))
      if (found) waived.push({ issue, entry: found.entry })
    }
    return waived
  }
}

/**
 * What makes two entries the same waiver: what it matches and for how long. Rewording a reason
 * or a ticket is not a new entry; widening a pattern, raising `max-severity` or moving `until`
 * is.
 */
export function entryKey(entry: KnownIssue): string {
  const test = testOf(entry.test)
  return JSON.stringify([
    entry.name === undefined ? null : patternKey(namePattern(entry.name)),
    entry.page === undefined ? null : pageKey(pagePattern(entry.page)),
    test === null ? null : 'id' in test ? `id:${test.id}` : `feature:${patternKey(test.feature)}`,
    entry.maxSeverity ?? null,
    entry.until ?? null
  ])
}

/**
 * The workspace's entries with their origin and whether they are in force: compared with the
 * base's (null when there is none to compare with), on `today` (UTC), under `from`.
 */
export function settleEntries(
  workspace: readonly KnownIssue[],
  options: {
    base: BaseCheck
    /** The base commit's entries, when `base` is `read`. */
    baseEntries?: readonly KnownIssue[]
    from: KnownIssuesFrom
    today: string
  }
): KnownIssueEntry[] {
  const baseKeys = new Set((options.baseEntries ?? []).map(entryKey))
  return workspace.map(entry => {
    const origin: EntryOrigin =
      options.base.kind === 'read'
        ? baseKeys.has(entryKey(entry))
          ? 'base'
          : 'added'
        : options.base.kind === 'new-file'
          ? 'added'
          : options.base.kind === 'unverified'
            ? 'unverified'
            : 'no-pull-request'
    const expired = entry.until !== undefined && entry.until < options.today
    // Under `base`, only what the base already had may waive: an entry the pull request adds, or
    // one that cannot be checked, fails closed.
    const notInBase = options.from === 'base' && (origin === 'added' || origin === 'unverified')
    return {
      ...entry,
      origin,
      ...('against' in options.base ? { comparedWith: options.base.against } : {}),
      ...(expired
        ? { notInForce: 'expired' as const }
        : notInBase
          ? { notInForce: 'not-in-base' as const }
          : {})
    }
  })
}
