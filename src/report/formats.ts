// What the JUnit and CTRF files share: where they point (the run in the API, the workflow run),
// when the wait began and ended, and what a run is called in a test report. Pure.
import type { Issue } from '../model.js'
import type { RunReport } from '../model.js'
import { addedWords, severityLabel } from '../labels.js'
import { truncate } from '../escape.js'

export interface ReportFileOptions {
  /** The `api-url` input: each run is linked as `{api-url}/v1/runs/{id}`. */
  apiUrl: string
  /** This workflow run on GitHub, or '' outside a runner. */
  workflowRunUrl: string
  /** When the action began and finished, in ms since the epoch. */
  startedAt: number
  finishedAt: number
  /** The file of known issues (`known-issues`), named beside the findings it waived. */
  knownIssuesFile?: string
}

/**
 * Where the JUnit and CTRF files go: beside the JSON report, named after it
 * (`testerarmy-report.json` gives `testerarmy-report.junit.xml` and `testerarmy-report.ctrf.json`).
 */
export function formatPaths(reportPath: string): { junit: string; ctrf: string } {
  const base = reportPath.replace(/\.json$/i, '')
  return { junit: `${base}.junit.xml`, ctrf: `${base}.ctrf.json` }
}

/** The run as the API serves it: the one link to a run that the API describes. */
export const runLink = (apiUrl: string, id: string): string =>
  `${apiUrl.replace(/\/+$/, '')}/v1/runs/${encodeURIComponent(id)}`

/**
 * A test's name in a report: the feature the agent tested (cut to one readable line), else the
 * run's short ID; in reports mode after its leg, so each leg's suites stay apart.
 */
export const runTitle = (run: Pick<RunReport, 'featureName' | 'id' | 'leg'>): string =>
  `${run.leg !== undefined ? `${run.leg} · ` : ''}${truncate(run.featureName.trim(), MAX_TITLE_CHARS) || `TesterArmy run ${run.id.slice(0, 8)}`}`

/** A test reporter shows a test's name on one line: a feature name longer than this is cut. */
const MAX_TITLE_CHARS = 1_000

/**
 * A run's description in a test report (JUnit's `system-out`), within the same bound as its
 * findings, with a note where it was cut: the JSON report has the whole text.
 */
export function descriptionText(text: string): string {
  const cut = truncate(text, MAX_FINDINGS_CHARS)
  return cut === text
    ? text
    : `${cut}

(cut at 1 MB: the JSON report (output report-path) has the full text)`
}

/**
 * What a run found, as plain-text blocks for a test report's failure text: the run's own error
 * when it did not complete, then each issue and warning (severity, name, page, description, the
 * steps to reproduce, expected and actual behaviour, screenshot). Untrusted: the writer escapes.
 */
export function* findingBlocks(run: RunReport): Generator<string> {
  const error = run.run?.error
  let left = MAX_FINDINGS_CHARS
  if (run.status !== 'completed' && (error || run.error)) {
    const line = error ? [error.code, error.message].filter(Boolean).join(': ') : (run.error ?? '')
    left -= line.length
    yield line
  }
  const findings = [
    ...run.issues.map(i => [i, 'Issue'] as const),
    ...run.warnings.map(w => [w, 'Warning'] as const)
  ]
  for (const [n, [issue, kind]] of findings.entries()) {
    const text = issueText(issue, kind)
    if (text.length > left) {
      yield `${truncate(text, Math.max(0, left))}\n\n${findings.length - n} more finding(s) did not fit: the JSON report (output report-path) has every one.`
      return
    }
    left -= text.length
    yield text
  }
}

/**
 * The findings text of one run in a test report. A test reporter shows it in a check run or a
 * page, not a 70 MB run: past this, the JSON report has the rest (and memory stays flat).
 */
const MAX_FINDINGS_CHARS = 1_000_000

function issueText(issue: Issue, kind: string): string {
  const lines = [`${kind} [${severityLabel(issue.severity)}] ${issue.name || 'Unnamed issue'}`]
  if (issue.url) lines.push(`Page: ${issue.url}`)
  if (issue.description) lines.push(issue.description)
  if (issue.reproductionSteps.length) {
    lines.push('Steps to reproduce:', ...issue.reproductionSteps.map((s, n) => `  ${n + 1}. ${s}`))
  }
  if (issue.expectedBehavior) lines.push(`Expected: ${issue.expectedBehavior}`)
  if (issue.actualBehavior) lines.push(`Actual: ${issue.actualBehavior}`)
  if (issue.screenshotUrl) lines.push(`Screenshot: ${issue.screenshotUrl}`)
  return lines.join('\n')
}

/** Waived findings named in a test report's output; the JSON report has every one. */
const WAIVED_LISTED = 200

/**
 * The findings a known-issues entry waived, one line each with the entry's line, reason and
 * ticket: in a test report's output, apart from the failures. Untrusted: the writer escapes.
 */
export function* waivedLines(run: RunReport, file: string): Generator<string> {
  if (run.waived.length === 0) return
  yield `Waived by known issues (${file}):`
  for (const { issue, entry } of run.waived.slice(0, WAIVED_LISTED)) {
    const kind = issue.type === 'warning' ? 'Warning' : 'Issue'
    const ticket = entry.ticket ? ` (${truncate(entry.ticket, 300)})` : ''
    const added = entry.origin === 'added' ? ` [entry ${addedWords(entry.comparedWith)}]` : ''
    yield `  ${kind} [${severityLabel(issue.severity)}] ${truncate(issue.name || 'Unnamed issue', 300)}: line ${entry.line}: ${truncate(entry.reason, 300)}${ticket}${added}`
  }
  const more = run.waived.length - WAIVED_LISTED
  if (more > 0) yield `  …and ${more} more: the JSON report (output report-path) has every one.`
}

/** Why a run's verdict failed, in the step's own words, with the run's error when it has one. */
export function verdictLine(run: RunReport): string {
  const reasons = run.reasons.length ? run.reasons.join('; ') : `the run ended ${run.status}`
  const error = run.run?.error
  const detail = error ? ` (${[error.code, error.message].filter(Boolean).join(': ')})` : ''
  return `${reasons}${detail}`
}
