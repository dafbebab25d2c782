// The step outputs, as strings for later steps: one run's values, or the aggregate of several. Pure.
import { Limits, Outputs } from '../constants.js'
import { clean } from '../escape.js'
import { reportedCounts, runTotals } from '../labels.js'
import type { KnownIssueEntry, Report, RunReport, Waiver } from '../model.js'

/**
 * One line: a later step reading `description` gets one line per run, as the README says. Only
 * the start of a huge text is cleaned (with a mark of what was left): the output keeps 16 KB.
 */
const oneLine = (text: string): string => {
  const limit = 4 * Limits.maxTextOutputBytes
  const start = text.length > limit ? `${text.slice(0, limit)} …` : text
  return clean(start)
    .replace(/\s*\n\s*/g, ' ')
    .trim()
}

/**
 * A text output within `Limits.maxTextOutputBytes`, cut on a character boundary with a note: GitHub
 * keeps about 1 MB of outputs per job, and an AI agent's text has no length limit.
 */
function capOutput(text: string): string {
  const max = Limits.maxTextOutputBytes
  if (Buffer.byteLength(text) <= max) return text
  const note = ` … (cut to ${Math.round(max / 1024)} KB; the report file has the full text)`
  let cut = Buffer.from(text)
    .subarray(0, max - Buffer.byteLength(note))
    .toString('utf8')
  // A multi-byte character cut in half decodes as U+FFFD: drop it.
  cut = cut.replace(/\ufffd$/, '')
  return `${cut}${note}`
}

/**
 * `files`: where the JUnit and CTRF files were written beside the report ('' when they could not
 * be, or none was).
 */
export function outputsOf(
  report: Report,
  reportPath: string,
  files: { junit: string; ctrf: string } = { junit: '', ctrf: '' }
): Record<string, string> {
  const { runs } = report
  const totals = runTotals(runs)
  const durations = runs.map(r => r.durationMs).filter((d): d is number => d !== null)
  return {
    [Outputs.RunId]: runs.map(r => r.id).join(','),
    [Outputs.Status]: report.status,
    [Outputs.Result]: report.result,
    [Outputs.Passed]: String(report.passed),
    [Outputs.IssuesCount]: String(totals.issues),
    [Outputs.WarningsCount]: String(totals.warnings),
    [Outputs.MaxSeverity]: String(runs.reduce((max, r) => Math.max(max, r.maxSeverity), 0)),
    [Outputs.StepsCount]: String(totals.steps),
    [Outputs.FailedStepsCount]: String(totals.failedSteps),
    [Outputs.DurationMs]: durations.length ? String(Math.round(Math.max(...durations))) : '',
    [Outputs.FeatureName]: capOutput(
      runs
        .map(r => oneLine(r.featureName))
        .filter(Boolean)
        .join(', ')
    ),
    [Outputs.Description]: capOutput(
      runs
        .map(r => oneLine(r.description))
        .filter(Boolean)
        .join('\n')
    ),
    [Outputs.ReportPath]: reportPath,
    [Outputs.Runs]: JSON.stringify(runs.map(runSummary)),
    [Outputs.BatchId]: report.started?.batchId ?? '',
    [Outputs.PrNumber]: report.started?.prNumber ? String(report.started.prNumber) : '',
    [Outputs.GithubReporting]: report.started?.githubReporting ?? '',
    [Outputs.FlakyCount]: String(report.flakyCount),
    [Outputs.WaivedCount]: String(totals.waived),
    [Outputs.JunitPath]: files.junit,
    [Outputs.CtrfPath]: files.ctrf,
    [Outputs.ReportsCount]: report.gathered ? String(report.gathered.legs.length) : ''
  }
}

/**
 * One run in the `runs` output and the report file: the numbers a later step scripts against; a
 * run `retry-failed` started again also has `flaky` and every attempt, first to last; in reports
 * mode, its leg.
 */
export function runSummary(run: RunReport) {
  return {
    // Reports mode: the leg whose report holds the run.
    ...(run.leg !== undefined ? { leg: run.leg } : {}),
    ...attemptSummary(run),
    ...(run.attempts
      ? {
          flaky: run.flaky === true,
          attempts: run.attempts.map(a => ({ ...attemptSummary(a), counts: a.counts }))
        }
      : {})
  }
}

function attemptSummary(run: RunReport) {
  const counts = reportedCounts(run)
  return {
    id: run.id,
    status: run.status,
    result: run.result,
    passed: run.passed,
    issuesCount: counts.issues,
    warningsCount: counts.warnings,
    maxSeverity: run.maxSeverity,
    durationMs: run.durationMs,
    ...(run.waived.length ? waivedSummary(run.waived) : {})
  }
}

/**
 * The waived findings of a run, each with the entry that waived it, for a later step: at most
 * `Limits.maxWaiversListed` in the `runs` output (GitHub keeps about 1 MB of outputs per job); the
 * report file has them all.
 */
function waivedSummary(waived: readonly Waiver[], max: number = Limits.maxWaiversListed) {
  return {
    waivedCount: waived.length,
    waived: waived.slice(0, max).map(waiverSummary)
  }
}

/** One waived finding and its entry, as the `runs` output and the report file give it. */
export function waiverSummary({ issue, entry }: Waiver) {
  return {
    name: issue.name,
    type: issue.type,
    severity: issue.severity,
    url: issue.url,
    entry: entrySummary(entry)
  }
}

/** An entry of the known-issues file, as the outputs and the report file give it. */
export function entrySummary(entry: KnownIssueEntry) {
  return {
    line: entry.line,
    ...(entry.name !== undefined ? { name: entry.name } : {}),
    ...(entry.page !== undefined ? { page: entry.page } : {}),
    ...(entry.test !== undefined ? { test: entry.test } : {}),
    ...(entry.maxSeverity !== undefined ? { maxSeverity: entry.maxSeverity } : {}),
    ...(entry.until !== undefined ? { until: entry.until } : {}),
    ...(entry.ticket !== undefined ? { ticket: entry.ticket } : {}),
    reason: entry.reason,
    origin: entry.origin
  }
}
