// The JUnit XML and CTRF files, read back by real readers (junit2json over xml2js, fast-xml-parser's
// validator, the `ctrf` reference implementation), with the text an AI agent may write.
import { describe, expect, it } from '@jest/globals'
import { validate } from 'ctrf'
import { XMLValidator } from 'fast-xml-parser'
import { parse } from 'junit2json'
import { ctrfPieces } from '../src/report/ctrf.js'
import { junitPieces } from '../src/report/junit.js'
import { buildReport } from '../src/verdict/build-report.js'
import { xmlAttribute, xmlText } from '../src/escape.js'
import type { Report, RunReport } from '../src/model.js'
import { fixtureBody, fixtureOutcome, outcomeOf } from './helpers/fixtures.js'

const policy = { failOn: 'failed' as const, minSeverity: 1 }
const options = {
  apiUrl: 'https://tester.army/api/',
  workflowRunUrl: 'https://github.test/acme/shop/actions/runs/42',
  startedAt: Date.parse('2026-11-28T09:14:00Z'),
  finishedAt: Date.parse('2026-11-28T09:17:00Z')
}

/** Everything XML 1.0 refuses, even as a reference: most C0 controls, lone surrogates, U+FFFE/F. */
const NOT_XML_10 =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const HOSTILE =
  'ends ]]> here <script>alert("x")</script> & &amp; \u0000\u0001\u0007\u000b\u001b[31m \ud800 lone \udfff ' +
  '\ufffe\uffff bidi \u202e reversed \r\n CRLF "quotes" \'single\' <![CDATA[ nested ]]> <!-- c --> <?pi?>'

/** A FAILED run whose every text is hostile. */
function hostileReport(): Report {
  const body = fixtureBody('failed-with-issues')
  const output = body.output as Record<string, unknown>
  const issues = output.issues as Record<string, unknown>[]
  output.featureName = `Checkout ${HOSTILE}`
  output.description = HOSTILE
  issues[0] = {
    ...issues[0],
    name: HOSTILE,
    description: HOSTILE,
    reproductionSteps: [HOSTILE, 'then ]]>'],
    expectedBehavior: HOSTILE,
    actualBehavior: HOSTILE,
    url: `https://shop.example/${HOSTILE}`
  }
  return buildReport([outcomeOf(body)], policy)
}

const joined = (pieces: Iterable<string>): string => [...pieces].join('')

describe('xmlText and xmlAttribute', () => {
  it('leave nothing XML 1.0 refuses, and no markup', () => {
    for (const escape of [xmlText, xmlAttribute]) {
      const out = escape(HOSTILE)
      expect(out).not.toMatch(NOT_XML_10)
      expect(out).not.toMatch(/[<>]/)
      expect(out).not.toContain(']]>')
      expect(out).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#9|#10);)/)
    }
    expect(xmlAttribute('a"b\nc\td')).toBe('a&quot;b&#10;c&#9;d')
    expect(xmlText('a"b\r\nc')).toBe('a"b\nc')
  })
})

describe('the JUnit file', () => {
  it('is one suite per run, read by junit2json as dorny and mikepenz read it', async () => {
    const report = buildReport(
      [fixtureOutcome('failed-with-issues'), fixtureOutcome('passed'), fixtureOutcome('skipped')],
      policy
    )
    const xml = joined(junitPieces(report, options))
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = await parse(xml)
    expect(parsed).toMatchObject({ tests: 3, failures: 1, errors: 0 })
    const suites = (parsed as { testsuite: Record<string, unknown>[] }).testsuite
    expect(suites).toHaveLength(3)
    const failed = suites[0] as {
      name: string
      testcase: { failure: { message: string; inner: string }[] }[]
    }
    expect(failed.name).toBe('Checkout with saved card')
    const failure = failed.testcase[0]!.failure[0]!
    expect(failure.message).toBe('the run FAILED with 3 issues')
    // Severity, name, page and the steps to reproduce, as a reader shows them.
    expect(failure.inner).toContain(
      'Issue [🔴 Critical (5)] Paying with a saved card returns a 500 error'
    )
    expect(failure.inner).toContain('Page: https://preview-482.shop.example.com/checkout/payment')
    expect(failure.inner).toContain('  4. Click "Pay now"')
    expect(failure.inner).toContain('Warning [')
    const passed = suites[1] as { testcase: Record<string, unknown>[] }
    expect(passed.testcase[0]).not.toHaveProperty('failure')
    const skipped = suites[2] as { testcase: { skipped: unknown[] }[] }
    expect(skipped.testcase[0]!.skipped).toHaveLength(1)
    expect(xml).toContain('name="testerarmy.run-url" value="https://tester.army/api/v1/runs/')
  })

  it('stays well-formed XML 1.0 whatever the agent wrote', async () => {
    const xml = joined(junitPieces(hostileReport(), options))
    expect(xml).not.toMatch(NOT_XML_10)
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = (await parse(xml)) as {
      testsuite: { name: string; testcase: { failure: { inner: string }[] }[] }[]
    }
    const suite = parsed.testsuite[0]!
    // The text reads back as written, less what XML cannot hold.
    expect(suite.name).toContain('ends ]]> here <script>alert("x")</script> & &amp;')
    expect(suite.testcase[0]!.failure[0]!.inner).toContain('<![CDATA[ nested ]]> <!-- c --> <?pi?>')
  })

  it('cuts a 10 MB description at 1 MB in system-out, saying where the rest is (issue 26)', () => {
    const body = fixtureBody('failed-with-issues')
    ;(body.output as Record<string, unknown>).description = 'd'.repeat(10 * 1024 * 1024)
    const pieces = [...junitPieces(buildReport([outcomeOf(body)], policy), options)]
    const largest = Math.max(...pieces.map(p => p.length))
    expect(largest).toBeLessThan(1_000_200)
    expect(pieces.filter(p => p.length > 100_000)).toHaveLength(1)
    const xml = pieces.join('')
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toMatch(
      /d…\n\n\(cut at 1 MB: the JSON report \(output report-path\) has the full text\)\n<\/system-out>/
    )
  })

  it('cuts a feature name longer than a line can show', () => {
    const body = fixtureBody('failed-with-issues')
    ;(body.output as Record<string, unknown>).featureName = 'f'.repeat(100_000)
    const xml = joined(junitPieces(buildReport([outcomeOf(body)], policy), options))
    expect(xml).toContain(`name="${'f'.repeat(999)}…"`)
    expect(xml.length).toBeLessThan(50_000)
  })

  it('cuts the findings of a huge run at 1 MB, saying where the rest is', async () => {
    const body = fixtureBody('failed-with-issues')
    const output = body.output as { issues: Record<string, unknown>[] }
    const issue = output.issues[0]!
    output.issues = Array.from({ length: 5_000 }, (_, n) => ({
      ...issue,
      name: `Issue ${n}`,
      description: 'x'.repeat(1_000)
    }))
    const report = buildReport([outcomeOf(body)], policy)
    const xml = joined(junitPieces(report, options))
    const failure = (
      (await parse(xml)) as { testsuite: { testcase: { failure: { inner: string }[] }[] }[] }
    ).testsuite[0]!.testcase[0]!.failure[0]!.inner
    expect(failure.length).toBeLessThan(1_010_000)
    expect(failure).toMatch(
      /\d+ more finding\(s\) did not fit: the JSON report \(output report-path\) has every one\.\s*$/
    )
    const ctrf = JSON.parse(joined(ctrfPieces(report, options)))
    expect(ctrf.results.tests[0].trace.length).toBeLessThan(1_010_000)
  })

  it('says why when no run could be reported', async () => {
    const report = buildReport([], policy, { fatal: 'the API refused the key <401>' })
    const parsed = (await parse(joined(junitPieces(report, options)))) as {
      errors: number
      testsuite: { testcase: { error: { message: string }[] }[] }[]
    }
    expect(parsed.errors).toBe(1)
    expect(parsed.testsuite[0]!.testcase[0]!.error[0]!.message).toBe(
      'the API refused the key <401>'
    )
  })
})

/** A flaky run: attempt 1 failed, attempt 2 (the verdict) passed. */
function flakyReport(): Report {
  const failed = buildReport([fixtureOutcome('failed-with-issues')], policy).runs[0] as RunReport
  const passedBody = { ...fixtureBody('passed'), id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }
  const report = buildReport([outcomeOf(passedBody)], policy)
  const passed = report.runs[0] as RunReport
  passed.attempts = [
    { ...failed, counts: true },
    { ...passed, counts: true }
  ]
  passed.flaky = true
  return report
}

describe('a flaky run', () => {
  it('is a passing JUnit case holding the failed attempt, as Surefire writes it', () => {
    const xml = joined(junitPieces(flakyReport(), options))
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toMatch(/<testsuites[^>]* failures="0" errors="0"/)
    expect(xml).toMatch(
      /<flakyFailure message="run 7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70: the run FAILED with 3 issues" type="FAILED">\s*<stackTrace>[^<]*Paying with a saved card/
    )
    expect(xml).not.toContain('<failure')
    expect(xml).toContain('name="testerarmy.verdict" value="flaky"')
    expect(xml).toContain(
      'name="testerarmy.attempt.1" value="7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70 completed FAILED"'
    )
  })

  it('is valid CTRF with flaky, retries and the earlier attempt', () => {
    const ctrf = JSON.parse(joined(ctrfPieces(flakyReport(), options)))
    expect(validate(ctrf)).toEqual({ valid: true, errors: [] })
    expect(ctrf.results.summary).toMatchObject({ tests: 1, passed: 1, failed: 0, flaky: 1 })
    const [test] = ctrf.results.tests
    expect(test).toMatchObject({
      status: 'passed',
      flaky: true,
      retries: 1,
      executionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      retryAttempts: [
        {
          attempt: 1,
          attemptId: '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70',
          status: 'failed',
          message: 'the run FAILED with 3 issues'
        }
      ]
    })
    expect(test.retryAttempts[0].trace).toContain('Paying with a saved card')
    expect(ctrf.results.tool.name).toBe('TesterArmy')
  })
})

describe('the CTRF file', () => {
  it('is valid against the schema with every kind of run, and links each run', () => {
    const report = buildReport(
      [
        fixtureOutcome('failed-with-issues'),
        fixtureOutcome('passed'),
        fixtureOutcome('skipped'),
        fixtureOutcome('run-failed'),
        fixtureOutcome('passed', 'timed_out')
      ],
      policy
    )
    const ctrf = JSON.parse(joined(ctrfPieces(report, options)))
    expect(validate(ctrf)).toEqual({ valid: true, errors: [] })
    expect(ctrf.results.summary).toMatchObject({ tests: 5, passed: 1, failed: 3, skipped: 1 })
    expect(ctrf.results.tests[0].extra.runUrl).toBe(
      'https://tester.army/api/v1/runs/7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70'
    )
    expect(ctrf.results.environment.buildUrl).toBe(options.workflowRunUrl)
  })

  it('is valid and well-formed whatever the agent wrote', () => {
    const text = joined(ctrfPieces(hostileReport(), options))
    expect(text.isWellFormed()).toBe(true)
    const ctrf = JSON.parse(text)
    expect(validate(ctrf)).toEqual({ valid: true, errors: [] })
    expect(ctrf.results.tests[0].name).toContain('ends ]]> here <script>')
  })

  it('is valid with no run at all', () => {
    const report = buildReport([], policy, { fatal: 'start failed' })
    const ctrf = JSON.parse(joined(ctrfPieces(report, options)))
    expect(validate(ctrf)).toEqual({ valid: true, errors: [] })
    expect(ctrf.results.tests).toEqual([])
  })
})
