// The JUnit XML file: one test suite per run and one test case for its verdict, read by
// dorny/test-reporter, mikepenz/action-junit-report, Jenkins, GitLab and Codecov; a flaky run as
// Surefire writes one (a passing case holding its failed attempts). Written in pieces. Pure.
import { xmlAttribute, xmlText } from '../escape.js'
import type { Report, RunReport } from '../model.js'
import {
  descriptionText,
  findingBlocks,
  runLink,
  runTitle,
  verdictLine,
  waivedLines,
  type ReportFileOptions
} from './formats.js'

/** What a reader counts a run as, in JUnit's words. */
type CaseKind = 'passed' | 'failure' | 'error' | 'skipped'

/**
 * A `failure` is a verdict on what the agent found; an `error` is a run that could not give one
 * (it failed, timed out, was cancelled, or could not be read), as JUnit tells an assertion from a
 * crash.
 */
function caseKind(run: RunReport): CaseKind {
  if (run.passed) return run.result === 'SKIPPED' ? 'skipped' : 'passed'
  return run.status === 'completed' ? 'failure' : 'error'
}

const seconds = (ms: number | null): string => ((ms ?? 0) / 1000).toFixed(3)

const attribute = (name: string, value: string): string => ` ${name}="${xmlAttribute(value)}"`

/**
 * The file's text, piece by piece: markup, and each untrusted text escaped as one piece of its
 * own, so a run with 100,000 issues or a 10 MB description is never one string with the rest.
 * Joined, the pieces are well-formed XML 1.0 whatever the agent wrote.
 */
export function* junitPieces(report: Report, options: ReportFileOptions): Generator<string> {
  // The action's own error, with no run to hold it, is one more test case in error.
  const kinds = [...report.runs.map(caseKind), ...(report.fatal ? ['error' as const] : [])]
  const count = (kind: CaseKind): string => String(kinds.filter(k => k === kind).length)
  const total = report.runs.reduce((sum, r) => sum + (r.durationMs ?? 0), 0)
  yield '<?xml version="1.0" encoding="UTF-8"?>\n'
  yield `<testsuites${attribute('name', 'TesterArmy')}${attribute('tests', String(kinds.length))}${attribute('failures', count('failure'))}${attribute('errors', count('error'))}${attribute('skipped', count('skipped'))}${attribute('time', seconds(total))}>\n`
  for (const [index, run] of report.runs.entries()) {
    yield* suitePieces(run, kinds[index] as CaseKind, options)
  }
  if (report.fatal) {
    // A start failed, or the key was refused: a reader must still see the step did not pass.
    yield `  <testsuite${attribute('name', 'TesterArmy')} tests="1" failures="0" errors="1" skipped="0" time="0.000">\n`
    yield `    <testcase${attribute('name', 'TesterArmy action')}${attribute('classname', 'TesterArmy')} time="0.000">\n`
    yield `      <error${attribute('message', report.fatal)} type="action-error"/>\n`
    yield '    </testcase>\n  </testsuite>\n'
  }
  yield '</testsuites>\n'
}

function* suitePieces(
  run: RunReport,
  kind: CaseKind,
  options: ReportFileOptions
): Generator<string> {
  const name = runTitle(run)
  const one = (k: CaseKind): string => (kind === k ? '1' : '0')
  const created = run.run?.createdAt ? Date.parse(run.run.createdAt) : Number.NaN
  const timestamp = Number.isNaN(created)
    ? ''
    : attribute('timestamp', new Date(created).toISOString())
  yield `  <testsuite${attribute('name', name)} tests="1"${attribute('failures', one('failure'))}${attribute('errors', one('error'))}${attribute('skipped', one('skipped'))}${attribute('time', seconds(run.durationMs))}${timestamp}>\n`
  yield '    <properties>\n'
  const properties: [string, string][] = [
    ['testerarmy.run-id', run.id],
    ['testerarmy.run-url', runLink(options.apiUrl, run.id)],
    ['testerarmy.status', run.status],
    ['testerarmy.result', run.result],
    ['testerarmy.verdict', run.flaky ? 'flaky' : run.passed ? 'passed' : 'failed']
  ]
  if (run.leg !== undefined) properties.push(['testerarmy.leg', run.leg])
  if (run.run?.testId) properties.push(['testerarmy.test-id', run.run.testId])
  if (run.origin) properties.push(['testerarmy.started-as', run.origin])
  if (run.waived.length) properties.push(['testerarmy.waived', String(run.waived.length)])
  if (options.workflowRunUrl) properties.push(['github.workflow-run', options.workflowRunUrl])
  for (const [n, attempt] of (run.attempts ?? []).entries()) {
    const result = attempt.result ? ` ${attempt.result}` : ''
    properties.push([`testerarmy.attempt.${n + 1}`, `${attempt.id} ${attempt.status}${result}`])
  }
  for (const [key, value] of properties) {
    yield `      <property${attribute('name', key)}${attribute('value', value)}/>\n`
  }
  yield '    </properties>\n'
  yield `    <testcase${attribute('name', name)}${attribute('classname', 'TesterArmy')}${attribute('time', seconds(run.durationMs))}>\n`
  const earlier = (run.attempts ?? []).filter(a => a.id !== run.id && !a.passed && a.counts)
  if (kind === 'failure' || kind === 'error') {
    yield `      <${kind}${attribute('message', verdictLine(run))}${attribute('type', run.status === 'completed' ? run.result || 'no result' : run.status)}>`
    yield* findingsText(run)
    yield `</${kind}>\n`
    // Surefire's shape of a test that failed every rerun: the reruns beside the failure.
    for (const attempt of earlier) yield* attemptPieces('rerunFailure', attempt)
  } else {
    if (kind === 'skipped') {
      yield `      <skipped${attribute('message', run.description || 'the planner found nothing user-visible to test')}/>\n`
    }
    // Surefire's shape of a flaky test: a passing case holding each failed attempt.
    for (const attempt of earlier) yield* attemptPieces('flakyFailure', attempt)
  }
  yield '      <system-out>'
  yield xmlText(`Run ${run.id}: ${run.status}${run.result ? `, ${run.result}` : ''}\n`)
  yield xmlText(`${runLink(options.apiUrl, run.id)}\n`)
  if (run.description) yield xmlText(`\n${descriptionText(run.description)}\n`)
  for (const note of run.notes) yield xmlText(`\nNote: ${note}\n`)
  // A run whose every failure is waived passes; its waived findings are still here to read.
  let first = true
  for (const line of waivedLines(run, options.knownIssuesFile ?? 'known-issues')) {
    yield xmlText(`${first ? '\n' : ''}${line}\n`)
    first = false
  }
  yield '</system-out>\n'
  yield '    </testcase>\n'
  yield '  </testsuite>\n'
}

/** One failed attempt that is not the verdict, as Surefire records it: message, type and its text. */
function* attemptPieces(
  element: 'flakyFailure' | 'rerunFailure',
  attempt: RunReport
): Generator<string> {
  yield `      <${element}${attribute('message', `run ${attempt.id}: ${verdictLine(attempt)}`)}${attribute('type', attempt.result || attempt.status)}>\n`
  yield '        <stackTrace>'
  yield* findingsText(attempt)
  yield '</stackTrace>\n'
  yield `      </${element}>\n`
}

/** What a run found, each block escaped alone. */
function* findingsText(run: RunReport): Generator<string> {
  for (const block of findingBlocks(run)) yield xmlText(`\n${block}\n`)
}
