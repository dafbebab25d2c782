// The step outputs, as strings for later steps: one run's values, or the aggregate of several. Pure.
import { Outputs } from './constants.js'
import { runTotals } from './labels.js'
import type { Report, RunReport } from './model.js'

export function outputsOf(report: Report, reportPath: string): Record<string, string> {
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
    [Outputs.FeatureName]: runs
      .map(r => r.featureName)
      .filter(Boolean)
      .join(', '),
    [Outputs.Description]: runs
      .map(r => r.description)
      .filter(Boolean)
      .join('\n'),
    [Outputs.ReportPath]: reportPath,
    [Outputs.Runs]: JSON.stringify(runs.map(runSummary)),
    [Outputs.BatchId]: report.started?.batchId ?? '',
    [Outputs.PrNumber]: report.started?.prNumber ? String(report.started.prNumber) : '',
    [Outputs.GithubReporting]: report.started?.githubReporting ?? ''
  }
}

/** One run in the `runs` output and the report file: the numbers a later step scripts against. */
function runSummary(run: RunReport) {
  return {
    id: run.id,
    status: run.status,
    result: run.result,
    passed: run.passed,
    issuesCount: run.issues.length,
    warningsCount: run.warnings.length,
    maxSeverity: run.maxSeverity,
    durationMs: run.durationMs
  }
}

/** The JSON report file: the verdict, and each run with the last body the API sent for it. */
export function reportFileOf(report: Report) {
  return {
    passed: report.passed,
    status: report.status,
    result: report.result,
    runs: report.runs.map(run => ({ ...runSummary(run), error: run.error, run: run.body ?? null }))
  }
}
