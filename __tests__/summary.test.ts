import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { legRun, type RunEntry } from '../src/gather/leg-runs.js'
import type { Gathered, KnownIssue, Report } from '../src/model.js'
import { reportFileOf } from '../src/report/report-file.js'
import { settleEntries } from '../src/verdict/known-issues.js'
import { buildReport } from '../src/verdict/build-report.js'
import { renderSummary, type SummaryOptions } from '../src/report/summary.js'
import {
  fixtureBody,
  fixtureOutcome,
  outcomeOf,
  screenshotHeavyOutcomes
} from './helpers/fixtures.js'

const options: SummaryOptions = {
  reportPath: '/home/runner/work/_temp/testerarmy-report.json',
  timeoutMs: 30 * 60_000,
  failOn: 'failed',
  minSeverity: 1
}
const policy = { failOn: 'failed' as const, minSeverity: 1 }

/**
 * Golden files: the rendered Markdown is committed next to the tests, so a reviewer sees every
 * change to the summary in the diff. `UPDATE_GOLDEN=1 npm test` writes them; a missing one fails,
 * so a deleted or misnamed file cannot turn a comparison into a silent write.
 */
function expectGolden(name: string, markdown: string): void {
  const dir = new URL('./golden/', import.meta.url)
  const file = new URL(`${name}.md`, dir)
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, markdown)
  }
  if (!existsSync(file)) {
    throw new Error(
      `golden file __tests__/golden/${name}.md is missing: run UPDATE_GOLDEN=1 npm test and review it`
    )
  }
  expect(markdown).toBe(readFileSync(file, 'utf8'))
}

const report = (...outcomes: Parameters<typeof buildReport>[0]): Report =>
  buildReport(outcomes, policy)

describe('renderSummary golden files', () => {
  it.each([
    ['failed-with-issues', () => report(fixtureOutcome('failed-with-issues'))],
    ['passed', () => report(fixtureOutcome('passed'))],
    ['run-failed', () => report(fixtureOutcome('run-failed'))],
    ['cancelled', () => report(fixtureOutcome('cancelled'))],
    ['skipped', () => report(fixtureOutcome('skipped'))],
    ['android-newer-api', () => report(fixtureOutcome('android-newer-api'))],
    ['hostile-completed', () => report(fixtureOutcome('hostile-completed'))],
    ['hostile-failed', () => report(fixtureOutcome('hostile-failed'))],
    [
      'timed-out',
      () => {
        const body = { ...fixtureBody('passed'), status: 'running', output: null, durationMs: null }
        return report(
          outcomeOf(
            body,
            'timed_out',
            'the API gateway timed out (HTTP 504: test execution exceeded time limit)'
          )
        )
      }
    ],
    [
      'several-runs',
      () =>
        report(
          fixtureOutcome('failed-with-issues'),
          fixtureOutcome('passed'),
          fixtureOutcome('skipped'),
          fixtureOutcome('run-failed')
        )
    ],
    ['retried-group', () => retriedGroup()],
    ['known-issues', () => knownIssues()],
    ['matrix', () => gatheredMatrix()]
  ])('%s', (name, make) => {
    expectGolden(name, renderSummary(make(), options))
  })
})

/**
 * A pull request's run against a file of known issues: an entry of the base waives one issue, one
 * the pull request adds waives a warning, one matches nothing, one has expired.
 */
function knownIssues(): Report {
  const entries: KnownIssue[] = [
    {
      line: 2,
      name: 'Order summary overlaps the footer*',
      page: '/checkout',
      maxSeverity: 2,
      reason: 'Layout bug on narrow screens, fixed by the checkout redesign',
      ticket: 'https://github.com/acme/shop/issues/1234'
    },
    { line: 9, name: 'Slow cart update', reason: 'The cart service is slow on previews' },
    { line: 12, name: 'Search results flicker', reason: 'Fixed by the search rewrite' },
    { line: 15, page: '/legacy/**', until: '2026-11-30', reason: 'Legacy pages are going away' }
  ]
  const waivers = {
    file: '.github/testerarmy-known-issues.yml',
    from: 'workspace' as const,
    base: { kind: 'read' as const, against: 'pull-request' as const },
    entries: settleEntries(entries, {
      base: { kind: 'read', against: 'pull-request' },
      baseEntries: [entries[0]!, entries[2]!, entries[3]!],
      from: 'workspace',
      today: '2026-12-07'
    })
  }
  return buildReport([fixtureOutcome('failed-with-issues')], { ...policy, waivers })
}

/**
 * A group started again by retry-failed: a flaky member (its first attempt's text hostile), one
 * that failed both attempts, and a passing member whose second result was only shown.
 */
function retriedGroup(): Report {
  const run = (fixture: string, id: string, testId: string) =>
    outcomeOf({ ...fixtureBody(fixture), id, testId })
  const [a1, a2] = ['a1a1a1a1-0000-4000-8000-000000000001', 'a2a2a2a2-0000-4000-8000-000000000002']
  const [b1, b2] = ['b1b1b1b1-0000-4000-8000-000000000001', 'b2b2b2b2-0000-4000-8000-000000000002']
  const [c1, c2] = ['c1c1c1c1-0000-4000-8000-000000000001', 'c2c2c2c2-0000-4000-8000-000000000002']
  return buildReport(
    [
      run('hostile-completed', a1, 'test-a'),
      run('failed-with-issues', b1, 'test-b'),
      run('passed', c1, 'test-c')
    ],
    { ...policy, onFlaky: 'pass' },
    {
      retried: {
        attempts: new Map([
          [a1, [{ outcome: run('passed', a2, 'test-a'), counts: true }]],
          [b1, [{ outcome: run('failed-with-issues', b2, 'test-b'), counts: true }]],
          [c1, [{ outcome: run('failed-with-issues', c2, 'test-c'), counts: false }]]
        ]),
        notes: new Map()
      }
    }
  )
}

describe('renderSummary', () => {
  it('counts flaky runs and lists every attempt of a retried run', () => {
    const md = renderSummary(retriedGroup(), options)
    expect(md.split('\n')[0]).toBe('## ❌ TesterArmy: 1 of 3 runs did not pass')
    expect(md).toContain('**1 flaky**')
    expect(md).toContain('| 🔁\u00a0passed\u00a0on\u00a0a\u00a0retry\u00a0(flaky) |')
    expect(md).toContain(
      '| 2 | `c2c2c2c2-0000-4000-8000-000000000002` | completed | FAILED | ❌\u00a0failed (shown only: started with its group) |'
    )
    // The hostile first attempt's issues are collapsed, escaped like every other text.
    expect(md).toContain('<details><summary>Attempt 1 (run a1a1a1a1): the run FAILED')
    expect(md).not.toContain('<script>')
  })

  it('puts the verdict and the most severe issue first', () => {
    const md = renderSummary(report(fixtureOutcome('failed-with-issues')), options)
    expect(md.split('\n')[0]).toBe('## ❌ TesterArmy failed: Checkout with saved card')
    expect(md.indexOf('Paying with a saved card')).toBeLessThan(
      md.indexOf('Discount code applied twice')
    )
    expect(md.indexOf('### Issues')).toBeLessThan(md.indexOf('### Warnings'))
  })

  it('shows the error of a failed run prominently', () => {
    const md = renderSummary(report(fixtureOutcome('run-failed')), options)
    expect(md).toContain('**The run failed** <code>TARGET\\_UNREACHABLE</code>: Could not load')
    expect(md.indexOf('The run failed')).toBeLessThan(md.indexOf('Run details'))
  })

  it('shows the reason of a skipped run', () => {
    const md = renderSummary(report(fixtureOutcome('skipped')), options)
    expect(md).toMatch(/^## ⏭️ TesterArmy skipped/)
    expect(md).toContain('**Skipped:** This pull request only changes CI configuration')
  })

  it('computes step durations from the step timings', () => {
    const md = renderSummary(report(fixtureOutcome('failed-with-issues')), options)
    expect(md).toContain(
      '| 4 | Apply discount code SAVE10 and refresh | assert | ❌\u00a0failed | 15\u00a0s | Expected one SAVE10 line, found two |'
    )
  })

  it('says when fail-on never keeps a failing verdict from failing the job', () => {
    const md = renderSummary(
      buildReport([fixtureOutcome('run-failed')], { failOn: 'never', minSeverity: 1 }),
      { ...options, failOn: 'never' }
    )
    expect(md).toContain('`fail-on: never`: this verdict does not fail the job.')
  })

  it('stays within its byte budget by dropping the details of the least severe issues first', () => {
    const body = fixtureBody('failed-with-issues')
    const output = body.output as { issues: object[] }
    const issues = Array.from({ length: 400 }, (_, n) => ({
      name: `Issue ${n}`,
      severity: (n % 5) + 1,
      description: 'x '.repeat(200),
      url: 'https://example.com/page'
    }))
    const big = outcomeOf({ ...body, output: { ...output, issues } })
    const md = renderSummary(report(big), { ...options, maxBytes: 200_000 })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(200_000)
    expect(md).toContain('This summary leaves out the details of')
    expect(md).toContain('/home/runner/work/\\_temp/testerarmy-report.json'.replace('\\_', '_'))
    // Every critical issue kept its details; some minor ones lost theirs.
    expect(md.match(/<summary>🔴 Critical \(5\)/g)).toHaveLength(80)
    expect((md.match(/<summary>⚪ Minor \(1\)/g) ?? []).length).toBeLessThan(80)
  })

  it('drops rows, least severe first, when even the bare tables are too large', () => {
    const body = fixtureBody('failed-with-issues')
    const issues = Array.from({ length: 5_000 }, (_, n) => ({
      name: `Issue number ${n}`,
      severity: n < 10 ? 5 : 1,
      description: 'd',
      url: 'https://example.com/'
    }))
    const md = renderSummary(
      report(outcomeOf({ ...body, output: { ...(body.output as object), issues } })),
      { ...options, maxBytes: 60_000 }
    )
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(60_000)
    expect(md).toMatch(
      /This summary leaves out the details of \d+ issues, \d+ rows and the screenshot gallery/
    )
    expect(md).toContain('more in the report file')
    expect(md).toContain('Issue number 9')
  })
})

describe('renderSummary at GitHub scale', () => {
  it('drops the screenshot galleries before any issue row (8 runs, 50 presigned screenshots each)', () => {
    const report = buildReport(screenshotHeavyOutcomes(), { failOn: 'failed', minSeverity: 1 })
    // Everything would not fit: the thumbnails alone are over GitHub's limit.
    const whole = renderSummary(report, { ...options, maxBytes: 100 * 1024 * 1024 })
    expect(Buffer.byteLength(whole)).toBeGreaterThan(1024 * 1024)
    const md = renderSummary(report, options)
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    for (let r = 0; r < 8; r++)
      for (let n = 0; n < 10; n++) expect(md).toContain(`| Run ${r} issue ${n} |`)
    expect(md).toContain('the screenshot galleries')
    expect(md).toContain('Run 7 of the screenshot')
  })

  it('keeps at least the most severe issue of each run when only that fits', () => {
    const outcomes = screenshotHeavyOutcomes(8, 50, 200)
    const md = renderSummary(buildReport(outcomes, { failOn: 'failed', minSeverity: 1 }), {
      ...options,
      maxBytes: 40_000
    })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(40_000)
    for (let r = 0; r < 8; r++) expect(md).toContain(`| Run ${r} issue 0 |`)
  })

  it('keeps a run with 20,000 issues and 1,000 steps under 1 MiB and says what it left out', () => {
    const body = fixtureBody('failed-with-issues')
    const issues = Array.from({ length: 20_000 }, (_, n) => ({
      type: n % 4 === 0 ? 'warning' : 'issue',
      name: `Issue ${n}`,
      severity: (n % 5) + 1,
      description: 'The form breaks when submitted twice.',
      url: `https://shop.example.com/${n}`,
      reproductionSteps: ['Open', 'Click twice']
    }))
    const steps = Array.from({ length: 1_000 }, (_, n) => ({
      stepIndex: n,
      title: `Step ${n}`,
      status: 'passed',
      startedAtMs: n,
      completedAtMs: n + 5
    }))
    const md = renderSummary(
      report(outcomeOf({ ...body, output: { ...(body.output as object), issues, steps } })),
      options
    )
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    expect(Buffer.byteLength(md)).toBeGreaterThan(900_000)
    expect(md).toMatch(
      /> This summary leaves out the details of [\d,]+ issues, [\d,]+ rows and the screenshot gallery to stay within GitHub's 1 MiB limit/
    )
    expect(md).toContain('<code>/home/runner/work/_temp/testerarmy-report.json</code>')
    // The rows alone exceed the budget: the most severe issues keep theirs, the least severe go.
    expect(md).toContain('| 🔴\u00a0Critical\u00a0(5) | Issue 9 |')
    expect(md).not.toContain('| ⚪\u00a0Minor\u00a0(1) | Issue 19995 |')
    expect(md).toContain('more in the report file')
  })
})

describe('renderSummary for every way a wait can end', () => {
  const passed = fixtureBody('passed')
  const waiting = { ...passed, status: 'running', output: null, durationMs: null }

  it.each([
    [
      'not found',
      outcomeOf(waiting, 'not_found', 'the run was not found (HTTP 404: Run not found)'),
      '**Run not found.** the run was not found'
    ],
    [
      'unchecked',
      outcomeOf(waiting, 'error', 'the API rejected the key'),
      '**The run could not be checked.** the API rejected the key'
    ],
    [
      'cancelled while waiting',
      { ...outcomeOf(waiting, 'cancelled'), cancelledByUser: true },
      '**The wait was cancelled** while the run was running'
    ],
    [
      'never seen before the timeout',
      { ...outcomeOf(waiting, 'timed_out'), run: null, body: null, lastStatus: null },
      'No status was ever received.'
    ],
    [
      'completed without a result',
      outcomeOf({ ...passed, output: { featureName: 'F', description: 'd', issues: [] } }),
      '**The run completed without a result.**'
    ]
  ])('%s', (_name, outcome, text) => {
    expect(renderSummary(report(outcome), options)).toContain(text)
  })

  it('says when the action could not finish or the workflow was cancelled', () => {
    const md = renderSummary(
      buildReport([outcomeOf(waiting, 'error', 'x')], policy, {
        fatal: 'the key was rejected',
        cancelled: true
      }),
      options
    )
    expect(md).toContain('**The action could not finish:** the key was rejected')
    expect(md).toContain('**The wait was cancelled** (the workflow was cancelled)')
  })

  it('shows steps with odd statuses, no index and no timings, and at most 50 screenshots', () => {
    const shots = Array.from({ length: 60 }, (_, n) => `https://cdn.example.com/${n}.png`)
    const steps = [
      { title: 'Record', type: 'video', status: 'skipped' },
      { title: '', status: 'failed', errorCode: 'STEP_NO_CONCLUSION' }
    ]
    const md = renderSummary(
      report(
        outcomeOf({
          ...passed,
          output: { ...(passed.output as object), steps, screenshots: shots }
        })
      ),
      options
    )
    expect(md).toContain('| 1 | Record | video | skipped | – |  |')
    expect(md).toContain('| 2 | – | – | ❌\u00a0failed | – | <code>STEP\\_NO\\_CONCLUSION</code> |')
    expect(md.match(/<img /g)).toHaveLength(50)
    expect(md).toContain('*…and 10 more in the report file.*')
  })

  it('drops long texts, then whole run sections, when even the bare skeleton of many runs is too large', () => {
    const outcomes = Array.from({ length: 40 }, (_, n) =>
      outcomeOf({
        ...fixtureBody('failed-with-issues'),
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
      })
    )
    const md = renderSummary(buildReport(outcomes, policy), { ...options, maxBytes: 20_000 })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(20_000)
    expect(md).toContain('the descriptions, screenshots and test plans')
    expect(md).toMatch(/\d+ more sections did not fit GitHub's 1 MiB limit and are left out/)
    // Cut between sections: every collapsed block that opens also closes.
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length)
    expect(md).not.toContain('### Screenshots')
  })

  it('stays within budget with many runs at a tight budget', () => {
    const body = fixtureBody('failed-with-issues')
    const issues = Array.from({ length: 60 }, (_, n) => ({
      name: `Issue ${n}`,
      severity: (n % 5) + 1,
      description: 'd '.repeat(50),
      url: 'https://x.test/'
    }))
    const outcomes = Array.from({ length: 30 }, (_, n) =>
      outcomeOf({
        ...body,
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        output: { ...(body.output as object), issues }
      })
    )
    for (const maxBytes of [60_000, 120_000, 250_000]) {
      expect(
        Buffer.byteLength(renderSummary(buildReport(outcomes, policy), { ...options, maxBytes }))
      ).toBeLessThanOrEqual(maxBytes)
    }
  })
})

/**
 * Reports mode: three legs as their reports say (web passed with a waived warning, ios failed,
 * android timed out), a leg expected by name that did not report, and a file that is no report.
 */
function gatheredMatrix(): Report {
  const legs = [
    ['web', fixtureOutcome('passed')],
    ['ios', fixtureOutcome('failed-with-issues')],
    [
      'android',
      outcomeOf(
        {
          ...fixtureBody('passed'),
          id: 'a7a7a7a7-0000-4000-8000-000000000007',
          status: 'running',
          output: null
        },
        'timed_out'
      )
    ]
  ] as const
  const runs = legs.map(([name, outcome]) => {
    const entry = reportFileOf(report(outcome)).runs[0] as unknown as RunEntry
    return legRun(JSON.parse(JSON.stringify(entry)) as RunEntry, name)
  })
  const gathered: Gathered = {
    patterns: 'testerarmy-reports/**/*.json',
    expected: { names: ['web', 'ios', 'android', 'windows'] },
    legs: runs.map((run, n) => ({
      name: run.leg!,
      file: `testerarmy-reports/testerarmy-${run.leg}/report.json`,
      attempt: n === 1 ? 2 : 1,
      passed: run.passed,
      status: run.status,
      result: run.result,
      fatal: null,
      cancelled: false,
      runs: 1,
      issues: run.issues.length,
      warnings: run.warnings.length,
      flaky: 0,
      waived: n === 0 ? 1 : 0
    })),
    missing: { count: 1, names: ['windows'] },
    problems: [{ file: 'testerarmy-reports/testerarmy-web/notes.json', problem: 'is not JSON' }],
    found: 7,
    skipped: ['testerarmy-reports/testerarmy-web/report.ctrf.json'],
    commit: '9c1e4f2a7b3d5e6f8a9b0c1d2e3f4a5b6c7d8e9f',
    entries: () => []
  }
  return {
    passed: false,
    status: 'timed_out',
    result: '',
    runs,
    fatal: null,
    cancelled: false,
    flakyCount: 0,
    gathered
  }
}
