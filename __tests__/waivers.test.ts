// Known issues in the verdict: which findings an entry waives, what that does to a run's verdict
// and to the counts, and which entries are in force (expired ones, and under known-issues-from:
// base those the pull request adds or that cannot be checked, are not).
import { describe, expect, it } from '@jest/globals'
import type { BaseCheck, FailOn, KnownIssue, KnownIssues, KnownIssuesFrom } from '../src/model.js'
import { outputsOf } from '../src/report/outputs.js'
import { buildReport, ownVerdictFailed } from '../src/verdict/build-report.js'
import { entryKey, settleEntries } from '../src/verdict/known-issues.js'
import { fixtureOutcome } from './helpers/fixtures.js'

const TODAY = '2026-12-07'
const policy = { failOn: 'failed' as const, minSeverity: 1 }
// failed-with-issues: issues of severity 5 (/checkout/payment), 3 (/cart) and 2 (/checkout);
// warnings of severity 2 and 1 (/cart).
const PAYMENT = 'Paying with a saved card returns a 500 error'
const DISCOUNT = 'Discount code applied twice after refresh'
const OVERLAP = 'Order summary overlaps the footer on narrow screens'

function waivers(
  entries: Omit<KnownIssue, 'line'>[],
  options: { base?: BaseCheck; baseEntries?: KnownIssue[]; from?: KnownIssuesFrom } = {}
): KnownIssues {
  const base = options.base ?? { kind: 'no-pull-request' }
  const from = options.from ?? 'workspace'
  return {
    file: '.github/known-issues.yml',
    from,
    base,
    entries: settleEntries(
      entries.map((e, n) => ({ line: n * 3 + 1, ...e })),
      {
        base,
        from,
        today: TODAY,
        ...(options.baseEntries ? { baseEntries: options.baseEntries } : {})
      }
    )
  }
}

const judged = (known: KnownIssues, settings: { failOn?: FailOn } = {}) =>
  buildReport([fixtureOutcome('failed-with-issues')], { ...policy, ...settings, waivers: known })

const ALL_THREE = [
  { name: PAYMENT, reason: 'r1' },
  { name: DISCOUNT, reason: 'r2' },
  { name: OVERLAP, reason: 'r3' }
]

describe('a run whose findings are waived', () => {
  it('passes when every issue is waived, and says so', () => {
    const report = judged(waivers(ALL_THREE))
    expect(report.passed).toBe(true)
    const run = report.runs[0]!
    expect(run.issues).toEqual([])
    expect(run.waived.map(w => [w.issue.name, w.entry.line])).toEqual([
      [PAYMENT, 1],
      [DISCOUNT, 4],
      [OVERLAP, 7]
    ])
    expect(run.notes).toContain(
      'the run FAILED, but all 3 of its issues are waived by known-issues'
    )
  })

  it('fails on the one issue not waived, naming it apart from the waived ones', () => {
    const report = judged(waivers(ALL_THREE.slice(1)))
    expect(report.passed).toBe(false)
    expect(report.runs[0]!.reasons).toEqual([
      'the run FAILED with 1 issue (2 more waived by known-issues)'
    ])
    expect(report.runs[0]!.issues.map(i => i.name)).toEqual([PAYMENT])
  })

  it('still fails a FAILED run that reported no issue at all', () => {
    const body = fixtureOutcome('failed-with-issues')
    if (body.run?.output?.kind === 'test') body.run.output.issues = []
    const report = buildReport([body], { ...policy, waivers: waivers(ALL_THREE) })
    expect(report.passed).toBe(false)
    expect(report.runs[0]!.reasons).toEqual(['the run FAILED without reporting any issue'])
  })

  it('keeps every reported issue in the counts and max-severity, and counts the waived', () => {
    const report = judged(waivers(ALL_THREE))
    const outputs = outputsOf(report, '/tmp/r.json')
    expect(outputs['issues-count']).toBe('3')
    expect(outputs['warnings-count']).toBe('2')
    expect(outputs['max-severity']).toBe('5')
    expect(outputs['waived-count']).toBe('3')
    const [run] = JSON.parse(outputs.runs as string)
    expect(run).toMatchObject({ issuesCount: 3, waivedCount: 3, passed: true })
    expect(run.waived[0]).toEqual({
      name: PAYMENT,
      type: 'issue',
      severity: 5,
      url: 'https://preview-482.shop.example.com/checkout/payment',
      entry: { line: 1, name: PAYMENT, reason: 'r1', origin: 'no-pull-request' }
    })
  })

  it('waives warnings too: fail-on warnings passes when they are all waived', () => {
    const known = waivers([...ALL_THREE, { page: '/cart', reason: 'cart is being redone' }])
    const report = judged(known, { failOn: 'warnings' })
    expect(report.passed).toBe(true)
    expect(report.runs[0]!.warnings).toEqual([])
    expect(report.runs[0]!.waived).toHaveLength(5)
  })

  it('is not retried by retry-failed when every issue is waived', () => {
    expect(
      ownVerdictFailed(fixtureOutcome('failed-with-issues'), {
        ...policy,
        waivers: waivers(ALL_THREE)
      })
    ).toBe(false)
    expect(ownVerdictFailed(fixtureOutcome('failed-with-issues'), policy)).toBe(true)
  })
})

describe('which entry waives which finding', () => {
  const waivedNames = (entries: Omit<KnownIssue, 'line'>[], from?: KnownIssuesFrom) =>
    judged(waivers(entries, from ? { from } : {})).runs[0]!.waived.map(w => w.issue.name)

  it('holds max-severity: the same bug turning worse is not waived', () => {
    expect(waivedNames([{ name: PAYMENT, maxSeverity: 4, reason: 'r' }])).toEqual([])
    expect(waivedNames([{ name: PAYMENT, maxSeverity: 5, reason: 'r' }])).toEqual([PAYMENT])
  })

  it('never waives an unrated issue with an entry that bounds severity', () => {
    const outcome = fixtureOutcome('failed-with-issues')
    if (outcome.run?.output?.kind === 'test') outcome.run.output.issues[0]!.severity = null
    const known = waivers([{ name: PAYMENT, maxSeverity: 5, reason: 'r' }])
    expect(buildReport([outcome], { ...policy, waivers: known }).runs[0]!.waived).toEqual([])
  })

  it('matches the page glob on the path, whatever the preview host', () => {
    expect(waivedNames([{ page: '/checkout/*', reason: 'r' }])).toEqual([PAYMENT])
    expect(waivedNames([{ page: '/checkout/**', reason: 'r' }])).toEqual([PAYMENT, OVERLAP])
  })

  it('needs name and page both to match when both are given', () => {
    expect(waivedNames([{ name: PAYMENT, page: '/cart', reason: 'r' }])).toEqual([])
  })

  it('applies a test entry only to that test, by feature name or by test ID', () => {
    expect(waivedNames([{ name: PAYMENT, test: 'Checkout with saved card', reason: 'r' }])).toEqual(
      [PAYMENT]
    )
    expect(waivedNames([{ name: PAYMENT, test: 'Checkout*', reason: 'r' }])).toEqual([PAYMENT])
    expect(waivedNames([{ name: PAYMENT, test: 'Sign up', reason: 'r' }])).toEqual([])
    const outcome = fixtureOutcome('failed-with-issues')
    outcome.run!.testId = '3FA85F64-5717-4562-b3fc-2c963f66afa6'
    const byId = waivers([
      { name: PAYMENT, test: '3fa85f64-5717-4562-B3FC-2c963f66afa6', reason: 'r' }
    ])
    expect(buildReport([outcome], { ...policy, waivers: byId }).runs[0]!.waived).toHaveLength(1)
  })

  it('shows the first matching entry of the file', () => {
    const report = judged(
      waivers([
        { page: '/checkout/**', reason: 'first' },
        { name: PAYMENT, reason: 'second' }
      ])
    )
    expect(report.runs[0]!.waived[0]!.entry.reason).toBe('first')
  })

  it('no longer waives with an expired entry, which is marked so', () => {
    const known = waivers([{ name: PAYMENT, until: '2026-12-06', reason: 'r' }])
    expect(known.entries[0]!.notInForce).toBe('expired')
    expect(judged(known).runs[0]!.waived).toEqual([])
    // The day itself is still in force (UTC).
    expect(
      waivers([{ name: PAYMENT, until: TODAY, reason: 'r' }]).entries[0]!.notInForce
    ).toBeUndefined()
  })
})

describe('entries compared with the base commit’s copy', () => {
  const inBase: KnownIssue[] = [
    {
      line: 10,
      name: 'order summary overlaps the footer on narrow screens!',
      reason: 'old wording'
    }
  ]

  it('marks an entry the pull request adds; a reworded reason is not an addition', () => {
    const known = waivers(
      [
        { name: OVERLAP, reason: 'new wording' },
        { name: PAYMENT, reason: 'sneaky' }
      ],
      {
        base: { kind: 'read', against: 'pull-request' },
        baseEntries: inBase
      }
    )
    expect(known.entries.map(e => e.origin)).toEqual(['base', 'added'])
  })

  it('counts widening, raising max-severity or moving until as adding', () => {
    const base: KnownIssue[] = [
      { line: 1, name: 'Cart*', maxSeverity: 2, until: '2027-01-31', reason: 'r' }
    ]
    const origin = (entry: Omit<KnownIssue, 'line'>) =>
      settleEntries([{ line: 1, ...entry }], {
        base: { kind: 'read', against: 'pull-request' },
        baseEntries: base,
        from: 'workspace',
        today: TODAY
      })[0]!.origin
    expect(origin({ name: 'cart *', maxSeverity: 2, until: '2027-01-31', reason: 'x' })).toBe(
      'base'
    )
    expect(origin({ name: '*', maxSeverity: 2, until: '2027-01-31', reason: 'r' })).toBe('added')
    expect(origin({ name: 'Cart*', maxSeverity: 3, until: '2027-01-31', reason: 'r' })).toBe(
      'added'
    )
    expect(origin({ name: 'Cart*', maxSeverity: 2, until: '2027-02-28', reason: 'r' })).toBe(
      'added'
    )
    expect(origin({ name: 'Cart*', until: '2027-01-31', reason: 'r' })).toBe('added')
    expect(entryKey({ line: 1, page: '/a/', reason: 'r' })).toBe(
      entryKey({ line: 9, page: '/a', reason: 's' })
    )
  })

  it('with known-issues-from: base, lets only the base’s entries waive', () => {
    const known = waivers(
      [
        { name: OVERLAP, reason: 'r' },
        { name: PAYMENT, reason: 'r' }
      ],
      {
        base: { kind: 'read', against: 'pull-request' },
        baseEntries: inBase,
        from: 'base'
      }
    )
    const report = judged(known)
    expect(report.runs[0]!.waived.map(w => w.issue.name)).toEqual([OVERLAP])
    expect(known.entries[1]!.notInForce).toBe('not-in-base')
    expect(report.passed).toBe(false)
  })

  it('treats a file missing at the base as all new, and an unreadable base as unverified', () => {
    const added = waivers(ALL_THREE, { base: { kind: 'new-file', against: 'pull-request' } })
    expect(added.entries.every(e => e.origin === 'added' && !e.notInForce)).toBe(true)
    const unverified = waivers(ALL_THREE, { base: { kind: 'unverified', reason: 'HTTP 403' } })
    expect(judged(unverified).passed).toBe(true)
    const closed = waivers(ALL_THREE, {
      base: { kind: 'unverified', reason: 'HTTP 403' },
      from: 'base'
    })
    expect(closed.entries.every(e => e.notInForce === 'not-in-base')).toBe(true)
    expect(judged(closed).passed).toBe(false)
    const none = waivers(ALL_THREE, {
      base: { kind: 'new-file', against: 'pull-request' },
      from: 'base'
    })
    expect(judged(none).passed).toBe(false)
  })
})
