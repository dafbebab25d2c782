// The pull-request comment: short (verdict, counts, the most severe issues, a link to the full
// summary), found again by a hidden marker, escaped like the summary. Pure.
import { createHash } from 'node:crypto'
import { Limits } from '../constants.js'
import { markdown } from '../escape.js'
import type { AgentRequest, StartRequest } from '../model.js'
import { countsOf, nowrap, runTotals, severityLabel } from '../labels.js'
import { knownIssuesCallout, waivedBy } from './known-issues-text.js'
import type { Report } from '../model.js'
import { bySeverity } from '../verdict/build-report.js'
import { legsCommentLines } from './legs-comment.js'
import { matrixVerdictWords } from './legs-words.js'

/**
 * The hidden marker that finds the comment again: the workflow, the job, and what it reports on.
 * A test or group run adds a digest of its options, so matrix legs that differ only in platform,
 * device, mode or environment keep one comment each. Left out on purpose, as new on every push,
 * where naming them would add a comment per push instead of updating one: given run IDs, the app
 * (`app-id`, or the build `app-path` uploaded) and `target-url` (a preview's URL names its commit,
 * as the agent's does).
 * Percent-encoded, so no name can end the HTML comment.
 */
export function commentMarker(
  parts: {
    workflow: string
    job: string
    start: StartRequest | null
    /** The exploration agent: keyed by project and platform, not by the preview URL, which changes per push. */
    agent?: AgentRequest | null
    /** Reports mode: one comment for the whole matrix, whichever legs it gathers. */
    reports?: boolean
  },
  /** The marker as earlier versions wrote it (every option in the digest), to update their comment. */
  { asBefore = false } = {}
): string {
  const { start, agent } = parts
  let target = parts.reports ? 'reports' : 'runs'
  if (start) {
    const { kind, id, ...options } = start
    const perPush = new Set(['appId', 'targetUrl'])
    const defined = Object.entries(options)
      .filter(([name, v]) => v !== undefined && (asBefore || !perPush.has(name)))
      .sort(([a], [b]) => a.localeCompare(b))
    const digest = defined.length
      ? `:${createHash('sha256').update(JSON.stringify(defined)).digest('hex').slice(0, 12)}`
      : ''
    target = `${kind}:${id}${digest}`
  }
  if (agent) {
    const run = `agent:${agent.projectId}:${agent.platform}`
    target = start ? `${target}+${run}` : run
  }
  const encode = (text: string): string => encodeURIComponent(text).replace(/-/g, '%2D')
  return `<!-- testerarmy-action ${encode(parts.workflow)} ${encode(parts.job)} ${encode(target)} -->`
}

export function renderComment(report: Report, marker: string, runUrl: string): string {
  const runs = report.runs
  const verdict = report.fatal
    ? '❌ TesterArmy could not finish'
    : report.cancelled
      ? '⚠️ TesterArmy: the wait was cancelled'
      : report.passed
        ? report.result === 'SKIPPED'
          ? '⏭️ TesterArmy skipped'
          : '✅ TesterArmy passed'
        : '❌ TesterArmy failed'
  const { gathered } = report
  const features = runs.map(r => r.featureName).filter(Boolean)
  const title = gathered
    ? `${verdict}: ${matrixVerdictWords(report, gathered)}`
    : features.length === 1
      ? `${verdict}: ${markdown(features[0] as string, 200)}`
      : verdict
  const lines = [
    marker,
    `### ${title}`,
    '',
    countsOf(runTotals(runs)).join(' · ') + (runs.length > 1 ? ` · ${runs.length} runs` : '')
  ]
  // Entries this pull request adds to the known issues go where the reviewer looks first.
  const callout = report.knownIssues ? knownIssuesCallout(report.knownIssues) : null
  if (callout) lines.push('', callout)
  // Reports mode: every leg with its verdict and why, in place of the runs' reasons.
  if (gathered) lines.push('', ...legsCommentLines(report, gathered))
  const why = report.fatal
    ? [report.fatal]
    : gathered
      ? []
      : runs.filter(r => !r.passed).flatMap(r => r.reasons)
  if (why.length) lines.push('', `**Why:** ${markdown([...new Set(why)].join('; '), 1_000)}.`)
  const flaky = runs.filter(r => r.flaky).map(r => r.featureName || `run ${r.id.slice(0, 8)}`)
  if (flaky.length) {
    lines.push(
      '',
      `**Flaky:** ${markdown(flaky.slice(0, 5).join(', '), 600)}${flaky.length > 5 ? ` and ${flaky.length - 5} more` : ''} failed, then passed on a retry.`
    )
  }

  // In reports mode each issue says which leg found it.
  const found = runs.flatMap(r => r.issues.map(issue => ({ issue, leg: r.leg })))
  const issues = found.sort((a, b) => bySeverity(a.issue, b.issue))
  if (issues.length) {
    lines.push('', '| Severity | Issue |', '| --- | --- |')
    for (const { issue, leg } of issues.slice(0, Limits.commentMaxIssues)) {
      const where = leg !== undefined ? `${markdown(leg, 100)} · ` : ''
      lines.push(
        `| ${nowrap(severityLabel(issue.severity))} | ${where}${markdown(issue.name || 'Unnamed issue', 300)} |`
      )
    }
    if (issues.length > Limits.commentMaxIssues)
      lines.push(`| | …and ${issues.length - Limits.commentMaxIssues} more |`)
  }
  const waived = runs.flatMap(r => r.waived).sort((a, b) => bySeverity(a.issue, b.issue))
  if (waived.length) {
    lines.push('', `**Waived by known issues** (${waived.length}):`, '')
    lines.push('| Severity | Finding | Waived by |', '| --- | --- | --- |')
    for (const { issue, entry } of waived.slice(0, Limits.commentMaxIssues)) {
      lines.push(
        `| ${nowrap(severityLabel(issue.severity))} | ${markdown(issue.name || 'Unnamed issue', 300)} | ${waivedBy(entry)} |`
      )
    }
    if (waived.length > Limits.commentMaxIssues)
      lines.push(`| | …and ${waived.length - Limits.commentMaxIssues} more | |`)
  }
  lines.push(
    '',
    runUrl
      ? `[Full report in the job summary](${runUrl})`
      : 'The full report is in the job summary.'
  )
  const body = `${lines.join('\n')}\n`
  // Every part is bounded, but the limit is GitHub's to enforce: never let it refuse the comment.
  return body.length <= Limits.commentMaxChars
    ? body
    : `${marker}\n### ${verdict}\n\nThe full report is in the job summary.\n`
}
