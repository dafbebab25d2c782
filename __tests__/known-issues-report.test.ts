// Known issues as the user reads them: the summary (entries the pull request adds first, waived
// findings apart with their entry, entries that waived nothing), the comment, the annotations, the
// JUnit and CTRF files and the JSON report; and the file's own text, however hostile, inert in
// every one of them.
import { describe, expect, it } from '@jest/globals'
import { validate } from 'ctrf'
import { XMLValidator } from 'fast-xml-parser'
import { parse } from 'junit2json'
import type { KnownIssue, KnownIssues } from '../src/model.js'
import { planAnnotations } from '../src/report/annotations.js'
import { commentMarker, renderComment } from '../src/report/comment-text.js'
import { ctrfPieces } from '../src/report/ctrf.js'
import { junitPieces } from '../src/report/junit.js'
import { knownIssuesNotes } from '../src/report/known-issues-notes.js'
import { reportFileOf } from '../src/report/report-file.js'
import { renderSummary } from '../src/report/summary.js'
import { buildReport } from '../src/verdict/build-report.js'
import { settleEntries } from '../src/verdict/known-issues.js'
import { fixtureBody, fixtureOutcome, outcomeOf } from './helpers/fixtures.js'
import { expectInert, githubHtml } from './helpers/github-html.js'

const TODAY = '2026-12-07'
const FILE = '.github/testerarmy-known-issues.yml'
const policy = { failOn: 'failed' as const, minSeverity: 1 }
const summaryOptions = { reportPath: '/tmp/r.json', timeoutMs: 1_800_000, ...policy }
const fileOptions = {
  apiUrl: 'https://tester.army/api',
  workflowRunUrl: 'https://github.test/acme/shop/actions/runs/42',
  startedAt: Date.parse('2026-12-07T09:00:00Z'),
  finishedAt: Date.parse('2026-12-07T09:05:00Z'),
  knownIssuesFile: FILE
}
const marker = commentMarker({ workflow: 'QA', job: 'qa', start: null })

const PAYMENT = 'Paying with a saved card returns a 500 error'
const DISCOUNT = 'Discount code applied twice after refresh'
const OVERLAP = 'Order summary overlaps the footer on narrow screens'

/** Text a file could hold that must stay text: HTML, a link, a workflow command, a mention. */
const HOSTILE =
  '</details><script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)> ' +
  '@octocat @acme/qa ::error::forged | cell'

function report(entries: Omit<KnownIssue, 'line'>[], origins: 'base' | 'added' = 'base') {
  const workspace = entries.map((e, n) => ({ line: n * 4 + 2, ...e }))
  const known: KnownIssues = {
    file: FILE,
    from: 'workspace',
    base: { kind: 'read', against: 'pull-request' },
    entries: settleEntries(workspace, {
      base: { kind: 'read', against: 'pull-request' },
      baseEntries: origins === 'base' ? workspace : [],
      from: 'workspace',
      today: TODAY
    })
  }
  return buildReport([fixtureOutcome('failed-with-issues')], { ...policy, waivers: known })
}

describe('the job summary', () => {
  const all = report([
    {
      name: OVERLAP,
      reason: 'Layout bug on narrow screens',
      ticket: 'https://github.com/acme/shop/issues/1234'
    },
    { name: DISCOUNT, reason: 'Double apply, fix next sprint' },
    { name: PAYMENT, reason: 'Payments sandbox is down' },
    { name: 'Search results flicker', reason: 'fixed last week?' },
    { page: '/legacy/**', until: '2026-11-30', reason: 'legacy pages' }
  ])
  const markdown = renderSummary(all, summaryOptions)

  it('passes the run and says why in its own words', () => {
    expect(markdown).toMatch(/^## ✅ TesterArmy passed: Checkout with saved card/)
    expect(markdown).toContain('**3 issues** · **2 warnings** · **3 waived** (known issues)')
    expect(markdown).toContain(
      'the run FAILED, but all 3 of its issues are waived by known\\-issues'
    )
  })

  it('lists the waived findings apart, each with its entry, reason and ticket', () => {
    const section = markdown.split('### Known issues (waived)')[1] ?? ''
    expect(section).toContain('| Severity | Finding | Page | Waived by |')
    expect(section).toContain(
      'line\u00a02: Layout bug on narrow screens [ticket](<https://github.com/acme/shop/issues/1234>)'
    )
    expect(markdown).not.toContain('### Issues')
  })

  it('lists the entries that waived nothing: expired, and not seen in this run', () => {
    expect(markdown).toContain('Known issues that waived nothing (2 of 5 in')
    expect(markdown).toMatch(/\*\*Expired\*\*[^\n]*\n\n- line 18: page \/legacy\/\\\*\\\*/)
    expect(markdown).toMatch(
      /\*\*Not seen in this run\*\*[^\n]*\n\n- line 14: name “Search results flicker”/
    )
  })

  it('puts entries added by the pull request first, where a reviewer looks', () => {
    const added = renderSummary(
      report([{ name: PAYMENT, reason: 'trust me' }], 'added'),
      summaryOptions
    )
    const callout = added.indexOf('**This pull request adds 1 known-issue entry**')
    expect(callout).toBeGreaterThan(0)
    expect(callout).toBeLessThan(added.indexOf('Run details'))
    expect(added).toContain('**🆕\u00a0added by this pull request**')
  })

  it('keeps hostile text from the file inert, and notifies nobody', () => {
    const hostile = report(
      [
        { name: PAYMENT, reason: HOSTILE, ticket: `https://x.test/${HOSTILE}` },
        { name: `${HOSTILE} never seen`, reason: HOSTILE }
      ],
      'added'
    )
    const text = renderSummary(hostile, summaryOptions)
    const html = githubHtml(text)
    expectInert(html)
    expect(html).not.toMatch(/<script/)
    expect(html).not.toMatch(/href="javascript/)
    // A mention notifies only in text (a link's address is not text): each @ is broken up there.
    expect(html.replace(/href="[^"]*"/g, '')).not.toMatch(/@(octocat|acme)/)
  })
})

describe('the comment', () => {
  it('marks added entries at the top and lists the waived findings with their entry', () => {
    const body = renderComment(
      report([{ name: PAYMENT, reason: 'sandbox down', ticket: 'https://t.test/1' }], 'added'),
      marker,
      'https://github.test/run'
    )
    const lines = body.split('\n')
    expect(
      lines.findIndex(l => l.includes('This pull request adds 1 known-issue entry'))
    ).toBeLessThan(lines.findIndex(l => l.startsWith('**Why:**')))
    expect(body).toContain('**Waived by known issues** (1):')
    expect(body).toContain(
      'line\u00a02: sandbox down [ticket](<https://t.test/1>) **🆕\u00a0added by this pull request**'
    )
  })

  it('keeps hostile text inert and mentions nobody', () => {
    const body = renderComment(
      report([{ name: PAYMENT, reason: HOSTILE }], 'added'),
      marker,
      'https://github.test/run'
    )
    const html = githubHtml(body.replace(marker, ''))
    expectInert(html)
    expect(html.replace(/href="[^"]*"/g, '')).not.toMatch(/@(octocat|acme)/)
  })
})

describe('annotations', () => {
  it('gives a waived finding a notice with its entry, never an error', () => {
    const notes = planAnnotations(
      report([{ name: PAYMENT, reason: 'sandbox down', ticket: 'https://t.test/1' }])
    )
    expect(notes.filter(n => n.level === 'error').map(n => n.title)).toEqual([DISCOUNT, OVERLAP])
    expect(notes.filter(n => n.level === 'notice')).toEqual([
      {
        level: 'notice',
        title: `Known issue: ${PAYMENT}`,
        message: `🔴 Critical (5) on https://preview-482.shop.example.com/checkout/payment; waived by ${FILE} line 2: sandbox down (https://t.test/1)`
      }
    ])
  })

  it('keeps every message on one line, so no text from the file starts a workflow command', () => {
    const notes = planAnnotations(
      report([{ name: PAYMENT, reason: `x\n::error::forged\r\n::warning::y` }], 'added')
    )
    const notices = notes.filter(n => n.level === 'notice')
    expect(notices).toHaveLength(1)
    for (const note of notices) expect(`${note.title}${note.message}`).not.toMatch(/[\r\n]/)
  })

  it('leaves room within GitHub’s 10 warnings for the file’s own warnings', () => {
    // Three expired entries are three warnings already; the run's 2 warnings fit beside them, 12
    // would not: 7 are shown and the rest counted.
    const body = fixtureBody('failed-with-issues')
    ;(body.output as { issues: object[] }).issues = Array.from({ length: 12 }, (_, n) => ({
      type: 'warning',
      name: `Warning ${n}`,
      severity: 2,
      url: 'https://shop.example.com/cart'
    }))
    const outcome = outcomeOf(body)
    const expired = [1, 2, 3].map(n => ({
      line: n,
      name: `Old ${n}`,
      until: '2026-01-01',
      reason: 'r'
    }))
    const known: KnownIssues = {
      file: FILE,
      from: 'workspace',
      base: { kind: 'no-pull-request' },
      entries: settleEntries(expired, {
        base: { kind: 'no-pull-request' },
        from: 'workspace',
        today: TODAY
      })
    }
    const notes = planAnnotations(buildReport([outcome], { ...policy, waivers: known }))
    expect(notes.filter(n => n.level === 'warning')).toHaveLength(7)
    expect(notes.at(-1)).toMatchObject({
      level: 'notice',
      message: expect.stringMatching(/^5 more findings are/)
    })
    expect(knownIssuesNotes(known).filter(n => n.level === 'warning')).toHaveLength(3)
  })

  it('warns about an expired entry and notes the entries the pull request adds', () => {
    const known = report(
      [{ name: PAYMENT, reason: 'r', until: '2026-12-01' }],
      'added'
    ).knownIssues!
    expect(knownIssuesNotes(known).map(n => [n.level, n.message])).toEqual([
      [
        'info',
        `Known issues: 1 entry in ${FILE}, 0 in force; compared with the base commit's copy: 1 added by this pull request.`
      ],
      [
        'notice',
        expect.stringMatching(
          /^This pull request adds 1 entry to .* \(line 2\): review it before merging\.$/
        )
      ],
      [
        'warning',
        `The known issue at ${FILE} line 2 (name "${PAYMENT}") expired on 2026-12-01: it no longer waives anything. Fix the issue, or extend until after a review.`
      ]
    ])
  })
})

describe('the report files', () => {
  const all = report([
    { name: PAYMENT, reason: 'r1' },
    { name: DISCOUNT, reason: 'r2' },
    { name: OVERLAP, reason: `r3 ${HOSTILE}`, ticket: 'https://t.test/3' }
  ])

  it('shows a run whose every failure is waived as passing in JUnit, the waived findings in its output', async () => {
    const xml = [...junitPieces(all, fileOptions)].join('')
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = (await parse(xml)) as {
      tests: number
      failures: number
      errors: number
      testsuite: { testcase: { failure?: unknown; 'system-out'?: string[] }[] }[]
    }
    expect(parsed).toMatchObject({ tests: 1, failures: 0, errors: 0 })
    const testcase = parsed.testsuite[0]!.testcase[0]!
    expect(testcase.failure).toBeUndefined()
    expect(testcase['system-out']?.[0]).toContain(`Waived by known issues (${FILE}):`)
    expect(testcase['system-out']?.[0]).toContain(`[🔴 Critical (5)] ${PAYMENT}: line 2: r1`)
    expect(xml).toContain('<property name="testerarmy.waived" value="3"/>')
  })

  it('marks the waived findings in CTRF, which stays valid', () => {
    const ctrf = JSON.parse([...ctrfPieces(all, fileOptions)].join(''))
    expect(validate(ctrf).valid).toBe(true)
    const test = ctrf.results.tests[0]
    expect(test.status).toBe('passed')
    expect(test.extra.waivedCount).toBe(3)
    // The counts TesterArmy reported, as the outputs give them: the waived ones included.
    expect([test.extra.issuesCount, test.extra.warningsCount]).toEqual([3, 2])
    expect(test.extra.waived[2]).toEqual({
      name: OVERLAP,
      type: 'issue',
      severity: 2,
      knownIssue: { line: 10, reason: `r3 ${HOSTILE}`, ticket: 'https://t.test/3', origin: 'base' }
    })
  })

  it('carries every entry and each waived finding’s entry in the JSON report', () => {
    const file = reportFileOf(all) as unknown as {
      knownIssues: object
      runs: { waived: { entry: object }[]; issuesCount: number }[]
    }
    expect(file.knownIssues).toEqual({
      file: FILE,
      from: 'workspace',
      base: 'read',
      against: 'pull-request',
      entries: [
        { line: 2, name: PAYMENT, reason: 'r1', origin: 'base', inForce: true },
        { line: 6, name: DISCOUNT, reason: 'r2', origin: 'base', inForce: true },
        {
          line: 10,
          name: OVERLAP,
          reason: `r3 ${HOSTILE}`,
          ticket: 'https://t.test/3',
          origin: 'base',
          inForce: true
        }
      ]
    })
    expect(file.runs[0]!.issuesCount).toBe(3)
    expect(file.runs[0]!.waived.map(w => w.entry)).toHaveLength(3)
  })
})
