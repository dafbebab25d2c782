// The shared wording of findings and verdicts, so the summary, the comment, the annotations and the
// step's last line name things the same way. Pure.
import { isWarning, type BaseAgainst, type RunReport } from './model.js'

const SEVERITY: Record<number, { mark: string; word: string }> = {
  5: { mark: '🔴', word: 'Critical' },
  4: { mark: '🟠', word: 'High' },
  3: { mark: '🟡', word: 'Medium' },
  2: { mark: '🔵', word: 'Low' },
  1: { mark: '⚪', word: 'Minor' }
}

export function severityLabel(severity: number | null): string {
  const level = severity === null ? undefined : SEVERITY[severity]
  return level ? `${level.mark} ${level.word} (${severity})` : '❔ Unrated'
}

/** `1 issue`, `2 issues`; `words` for a plural that is not the word plus `s`. */
export const plural = (n: number, word: string, words = `${word}s`): string =>
  `${n} ${n === 1 ? word : words}`

/** Keeps a short label on one line inside a narrow table column. */
export const nowrap = (text: string): string => text.replaceAll(' ', '\u00a0')

/** One run's verdict as a mark and a word: the summary's headline and overview rows. */
export function verdictWord(run: {
  passed: boolean
  status: string
  result: string
  flaky?: boolean | undefined
}): {
  mark: string
  word: string
} {
  if (run.status !== 'completed') return { mark: '⚠️', word: 'did not complete' }
  if (!run.passed) return { mark: '❌', word: run.flaky ? 'failed (flaky)' : 'failed' }
  if (run.flaky) return { mark: '🔁', word: 'passed on a retry (flaky)' }
  if (run.result === 'SKIPPED') return { mark: '⏭️', word: 'skipped' }
  return { mark: '✅', word: 'passed' }
}

interface RunTotals {
  /** Every issue and warning TesterArmy reported, waived ones included. */
  issues: number
  warnings: number
  /** Of those, the ones `known-issues` waived. */
  waived: number
  steps: number
  failedSteps: number
  /** Runs that failed, then passed on a retry. */
  flaky: number
}

/**
 * What one run reported, waived findings included: the counts TesterArmy gave, which the outputs
 * keep whatever the waivers say.
 */
export function reportedCounts(run: Pick<RunReport, 'issues' | 'warnings' | 'waived'>): {
  issues: number
  warnings: number
} {
  const waivedWarnings = run.waived.filter(w => isWarning(w.issue)).length
  return {
    issues: run.issues.length + run.waived.length - waivedWarnings,
    warnings: run.warnings.length + waivedWarnings
  }
}

/** What several runs found between them, for the headline counts and the outputs. */
export function runTotals(runs: readonly RunReport[]): RunTotals {
  const total = { issues: 0, warnings: 0, waived: 0, steps: 0, failedSteps: 0, flaky: 0 }
  for (const r of runs) {
    const counts = reportedCounts(r)
    total.issues += counts.issues
    total.warnings += counts.warnings
    total.waived += r.waived.length
    total.steps += r.stepsCount
    total.failedSteps += r.failedStepsCount
    if (r.flaky) total.flaky += 1
  }
  return total
}

/** `**3 issues** · **1 warning** · **12 steps**`: the counts line of the summary and the comment. */
export function countsOf(totals: RunTotals): string[] {
  return [
    `**${plural(totals.issues, 'issue')}**`,
    `**${plural(totals.warnings, 'warning')}**`,
    ...(totals.waived ? [`**${totals.waived} waived** (known issues)`] : []),
    `**${plural(totals.steps, 'step')}**`,
    ...(totals.flaky ? [`**${totals.flaky} flaky**`] : [])
  ]
}

/**
 * What an entry of the known issues that is not in the reviewed copy is called: added by the pull
 * request, or, with no pull request, not on the default branch.
 */
export const addedWords = (against: BaseAgainst | undefined): string =>
  against === 'default-branch' ? 'not on the default branch' : 'added by this pull request'
