// Which annotations to emit: one per issue and warning, most severe first, within what GitHub
// shows for a step, then one notice for the rest. Pure: the caller sends them through @actions/core.
import { Limits } from '../constants.js'
import { logText } from '../escape.js'
import { addedWords, plural, severityLabel } from '../labels.js'
import type { Report, RunReport } from '../model.js'
import { bySeverity } from '../verdict/build-report.js'
import { knownIssuesNotes } from './known-issues-notes.js'
import type { Issue } from '../model.js'

interface Annotation {
  level: 'error' | 'warning' | 'notice'
  title: string
  message: string
}

export function planAnnotations(report: Report): Annotation[] {
  const several = report.runs.length > 1
  const tag = (feature: string, issue: Issue) => ({ feature, issue })
  const issues = report.runs.flatMap(r => r.issues.map(i => tag(r.featureName, i)))
  const warnings = report.runs.flatMap(r => r.warnings.map(w => tag(r.featureName, w)))
  const order = (a: ReturnType<typeof tag>, b: ReturnType<typeof tag>): number =>
    bySeverity(a.issue, b.issue)
  issues.sort(order)
  warnings.sort(order)

  const toAnnotation = (
    level: 'error' | 'warning',
    { feature, issue }: ReturnType<typeof tag>
  ): Annotation => {
    const where = issue.url ? ` on ${logText(issue.url, 300)}` : ''
    const prefix = several && feature ? `${logText(feature, 100)}: ` : ''
    const description = issue.description ? `\n${logText(issue.description, 1_000)}` : ''
    return {
      level,
      title: logText(issue.name || 'Unnamed issue', 200),
      message: `${prefix}${severityLabel(issue.severity)}${where}${description}`
    }
  }
  // Flaky runs first: they share GitHub's 10 warnings with the reported warnings.
  const flaky = report.runs.filter(r => r.flaky)
  // What the file of known issues already said (expired entries, an unchecked base, entries a
  // pull request adds) shares GitHub's limits with the findings.
  const fileNotes = report.knownIssues ? knownIssuesNotes(report.knownIssues) : []
  const fileWarnings = fileNotes.filter(n => n.level === 'warning').length
  const fileNotices = fileNotes.filter(n => n.level === 'notice').length
  const flakyShown = flaky.slice(0, Math.max(0, Limits.maxWarningAnnotations - fileWarnings))
  const warningRoom = Math.max(0, Limits.maxWarningAnnotations - fileWarnings - flakyShown.length)
  // A waived finding is a notice, never an error: known, reviewed, not blocking.
  const waived = report.runs
    .flatMap(r => r.waived.map(w => ({ feature: r.featureName, waiver: w })))
    .sort((a, b) => bySeverity(a.waiver.issue, b.waiver.issue))
  const toNotice = ({ feature, waiver }: (typeof waived)[number]): Annotation => {
    const { issue, entry } = waiver
    const where = issue.url ? ` on ${logText(issue.url, 300)}` : ''
    const prefix = several && feature ? `${logText(feature, 100)}: ` : ''
    const ticket = entry.ticket ? ` (${logText(entry.ticket, 300)})` : ''
    const origin =
      entry.origin === 'added'
        ? ` [entry ${addedWords(entry.comparedWith)}]`
        : entry.origin === 'unverified'
          ? ' [entry unverified]'
          : ''
    return {
      level: 'notice',
      title: logText(`Known issue: ${issue.name || 'Unnamed issue'}`, 200),
      message: `${prefix}${severityLabel(issue.severity)}${where}; waived by ${logText(report.knownIssues?.file ?? 'known-issues', 200)} line ${entry.line}${origin}: ${logText(entry.reason, 500)}${ticket}`
    }
  }
  // One notice is kept for the count of what is not shown.
  const noticeRoom = Math.max(0, Limits.maxNoticeAnnotations - 1 - fileNotices)
  const shown = [
    ...flakyShown.map(flakyAnnotation),
    ...issues.slice(0, Limits.maxErrorAnnotations).map(i => toAnnotation('error', i)),
    ...warnings.slice(0, warningRoom).map(w => toAnnotation('warning', w)),
    ...waived.slice(0, noticeRoom).map(toNotice)
  ]
  const hidden =
    Math.max(0, issues.length - Limits.maxErrorAnnotations) +
    Math.max(0, warnings.length - warningRoom) +
    Math.max(0, waived.length - noticeRoom) +
    (flaky.length - flakyShown.length)
  if (hidden > 0) {
    shown.push({
      level: 'notice',
      title: 'More TesterArmy findings',
      message: `${plural(hidden, 'more finding is', 'more findings are')} in the job summary and the JSON report (output report-path).`
    })
  }
  return shown
}

/**
 * A flaky run, named, with what its first failed attempt found: passing or not (`on-flaky`), a
 * run that fails now and then must not pass unnoticed.
 */
function flakyAnnotation(run: RunReport): Annotation {
  const attempts = (run.attempts ?? []).filter(a => a.counts)
  const failed = attempts.find(a => !a.passed)
  const name = run.featureName || `run ${run.id}`
  const found = (failed?.issues ?? [])
    .slice(0, 5)
    .map(i => `${severityLabel(i.severity)} ${logText(i.name || 'Unnamed issue', 200)}`)
  const more = (failed?.issues.length ?? 0) - found.length
  const issues = found.length
    ? `: ${found.join('; ')}${more > 0 ? `; and ${plural(more, 'more issue')}` : ''}`
    : ''
  return {
    level: 'warning',
    title: logText(`Flaky: ${name}`, 200),
    message:
      `Passed only on a retry${run.passed ? '' : ', so it fails (on-flaky: fail)'}: run ${failed?.id ?? '?'} failed ` +
      `(${logText(failed?.reasons.join('; ') ?? '', 300)})${issues}; run ${run.id} passed on attempt ` +
      `${attempts.findIndex(a => a.id === run.id) + 1} of ${attempts.length}.`
  }
}
