// The CTRF file (Common Test Report Format, JSON): one test per run, valid against the format's
// schema, with `flaky`, `retries` and each earlier attempt for a retried run. Written in pieces. Pure.
import { randomUUID } from 'node:crypto'
import { VERSION } from '../constants.js'
import { clean } from '../escape.js'
import { reportedCounts } from '../labels.js'
import type { Report, RunReport } from '../model.js'
import { findingBlocks, runLink, runTitle, verdictLine, type ReportFileOptions } from './formats.js'

/** The schema version the `ctrf` reference implementation validates. */
const CTRF_SPEC_VERSION = '0.0.0'

type CtrfStatus = 'passed' | 'failed' | 'skipped' | 'other'

/** The verdict, not the API's result: a FAILED result below `min-severity` passes here as in the step. */
function statusOf(run: RunReport): CtrfStatus {
  if (run.passed) return run.result === 'SKIPPED' ? 'skipped' : 'passed'
  return 'failed'
}

/** CTRF durations are whole milliseconds. */
const ms = (value: number | null): number => Math.max(0, Math.round(value ?? 0))

/**
 * The file's text, piece by piece: the head, then each test serialized alone (a huge run is one
 * test's text, never the whole file's), then the end. JSON.stringify escapes every string; lone
 * surrogates are made well-formed first, so the file is valid UTF-8.
 */
export function* ctrfPieces(report: Report, options: ReportFileOptions): Generator<string> {
  const statuses = report.runs.map(statusOf)
  const count = (status: CtrfStatus): number => statuses.filter(s => s === status).length
  const head = {
    reportFormat: 'CTRF',
    specVersion: CTRF_SPEC_VERSION,
    reportId: randomUUID(),
    timestamp: new Date(options.finishedAt).toISOString(),
    generatedBy: `testerarmy-action/${VERSION}`
  }
  const results = {
    tool: { name: 'TesterArmy', version: VERSION },
    summary: {
      tests: report.runs.length,
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      pending: 0,
      other: count('other'),
      flaky: report.runs.filter(r => r.flaky).length,
      suites: report.runs.length,
      start: Math.round(options.startedAt),
      stop: Math.round(options.finishedAt),
      duration: ms(options.finishedAt - options.startedAt)
    },
    ...(options.workflowRunUrl
      ? { environment: { reportName: 'TesterArmy', buildUrl: options.workflowRunUrl } }
      : {}),
    extra: {
      passed: report.passed,
      status: report.status,
      result: report.result,
      ...(report.fatal ? { fatal: clean(report.fatal) } : {})
    }
  }
  const opening = JSON.stringify({ ...head, results: { ...results, tests: [] } }, null, 2)
  // Everything up to the empty tests array; the tests follow, then the closing brackets.
  const at = opening.lastIndexOf('"tests": []')
  yield `${opening.slice(0, at)}"tests": [`
  for (const [index, run] of report.runs.entries()) {
    const test = JSON.stringify(testOf(run, options, statuses[index] as CtrfStatus))
    yield `${index > 0 ? ',' : ''}\n      ${test}`
  }
  yield `${report.runs.length ? '\n    ' : ''}]${opening.slice(at + '"tests": []'.length)}\n`
}

function testOf(run: RunReport, options: ReportFileOptions, status: CtrfStatus): object {
  const attempts = run.attempts ?? []
  // The attempts before the one the verdict rests on, in the order they ran.
  const others = attempts.filter(a => a.id !== run.id && a.counts)
  const retried = others.length > 0
  const shots = run.run?.output?.kind === 'test' ? run.run.output.screenshots : []
  const steps = run.run?.output?.kind === 'test' ? run.run.output.steps : []
  return {
    name: text(runTitle(run)) || 'TesterArmy run',
    status,
    duration: ms(run.durationMs),
    ...(run.run?.testId ? { testId: text(run.run.testId) } : {}),
    executionId: run.id,
    ...times(run),
    suite: [
      'TesterArmy',
      ...(run.leg !== undefined ? [text(run.leg)] : []),
      ...(run.origin ? [text(run.origin)] : [])
    ],
    ...(run.passed ? {} : { message: text(verdictLine(run)) }),
    ...traceOf(run),
    rawStatus: text(`${run.status}${run.result ? ` ${run.result}` : ''}`),
    type: 'e2e',
    ...(run.run?.platform ? { device: text(run.run.platform) } : {}),
    ...(retried
      ? {
          flaky: run.flaky === true,
          retries: others.length,
          retryAttempts: others.map(a => ({
            attempt: attempts.indexOf(a) + 1,
            attemptId: a.id,
            status: statusOf(a),
            duration: ms(a.durationMs),
            ...(a.passed ? {} : { message: text(verdictLine(a)) }),
            ...traceOf(a),
            extra: { runUrl: runLink(options.apiUrl, a.id), status: a.status, result: a.result }
          }))
        }
      : {}),
    ...(steps.length
      ? {
          steps: steps.map((s, n) => ({
            name: text(s.title) || `Step ${n + 1}`,
            status: s.status === 'passed' ? 'passed' : s.status === 'failed' ? 'failed' : 'other'
          }))
        }
      : {}),
    ...(shots.length
      ? {
          attachments: shots
            .filter(url => /^https?:\/\//i.test(url))
            .map((url, n) => ({
              name: `Screenshot ${n + 1}`,
              contentType: 'image/png',
              path: text(url)
            }))
        }
      : {}),
    extra: {
      ...(run.leg !== undefined ? { leg: text(run.leg) } : {}),
      runId: run.id,
      runUrl: runLink(options.apiUrl, run.id),
      status: run.status,
      result: run.result,
      // Every finding TesterArmy reported, as the outputs count them: waived ones included.
      issuesCount: reportedCounts(run).issues,
      warningsCount: reportedCounts(run).warnings,
      maxSeverity: run.maxSeverity,
      ...(attempts.length > 1 ? { attempts: attempts.map(a => a.id) } : {}),
      // Findings a known-issues entry waived: reported, not failing the test.
      ...(run.waived.length
        ? {
            waivedCount: run.waived.length,
            waived: run.waived.slice(0, WAIVED_LISTED).map(({ issue, entry }) => ({
              name: text(issue.name),
              type: text(issue.type),
              severity: issue.severity,
              knownIssue: {
                line: entry.line,
                reason: text(entry.reason),
                ...(entry.ticket ? { ticket: text(entry.ticket) } : {}),
                origin: entry.origin
              }
            }))
          }
        : {})
    }
  }
}

/** Start and stop of the run, when the API gave readable times. */
function times(run: RunReport): { start?: number; stop?: number } {
  const start = Date.parse(run.run?.startedAt ?? run.run?.createdAt ?? '')
  const stop = Date.parse(run.run?.completedAt ?? '')
  return {
    ...(Number.isNaN(start) ? {} : { start }),
    ...(Number.isNaN(stop) ? {} : { stop })
  }
}

/** Waived findings listed per test; the JSON report has every one. */
const WAIVED_LISTED = 200

/** Untrusted text as a JSON string holds it: well-formed, without control characters. */
const text = (value: string): string => clean(value)

/** The run's error and findings as one text, for `trace`; nothing when it found nothing. */
function traceOf(run: RunReport): { trace?: string } {
  const trace = text([...findingBlocks(run)].join('\n\n'))
  return trace ? { trace } : {}
}
