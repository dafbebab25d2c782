import { describe, expect, it } from '@jest/globals'
import { planAnnotations } from '../src/report/annotations.js'
import { outputsOf } from '../src/report/outputs.js'
import { reportFileOf, reportJson, reportJsonPieces } from '../src/report/report-file.js'
import { buildReport } from '../src/verdict/build-report.js'
import { fixtureBody, fixtureOutcome, outcomeOf } from './helpers/fixtures.js'

const policy = { failOn: 'failed' as const, minSeverity: 1 }

describe('outputs', () => {
  it('describes one run', () => {
    const outputs = outputsOf(
      buildReport([fixtureOutcome('failed-with-issues')], policy),
      '/tmp/r.json'
    )
    expect(outputs).toEqual({
      'run-id': '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70',
      status: 'completed',
      result: 'FAILED',
      passed: 'false',
      'issues-count': '3',
      'warnings-count': '2',
      'max-severity': '5',
      'steps-count': '8',
      'waived-count': '0',
      'failed-steps-count': '2',
      'duration-ms': '131420',
      'feature-name': 'Checkout with saved card',
      description: expect.stringMatching(/^Tested the checkout flow/),
      'report-path': '/tmp/r.json',
      'reports-count': '',
      'batch-id': '',
      'pr-number': '',
      'github-reporting': '',
      'flaky-count': '0',
      'junit-path': '',
      'ctrf-path': '',
      runs: JSON.stringify([
        {
          id: '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70',
          status: 'completed',
          result: 'FAILED',
          passed: false,
          issuesCount: 3,
          warningsCount: 2,
          maxSeverity: 5,
          durationMs: 131420
        }
      ])
    })
  })

  it('aggregates several runs: worst status, FAILED wins, counts summed, longest duration', () => {
    const report = buildReport(
      [
        fixtureOutcome('failed-with-issues'),
        fixtureOutcome('passed'),
        fixtureOutcome('skipped'),
        fixtureOutcome('run-failed')
      ],
      policy
    )
    const outputs = outputsOf(report, '')
    expect(outputs).toMatchObject({
      status: 'failed',
      result: 'FAILED',
      passed: 'false',
      'issues-count': '3',
      'steps-count': '12',
      'duration-ms': '131420',
      'feature-name': 'Checkout with saved card, Sign in and sign out'
    })
    expect(outputs.description!.split('\n')).toHaveLength(4)
    expect(JSON.parse(outputs.runs!)).toHaveLength(4)
  })

  it.each([
    [['passed', 'skipped'], 'completed', 'PASS'],
    [['skipped', 'skipped'], 'completed', 'SKIPPED'],
    [['passed', 'cancelled'], 'cancelled', ''],
    [['passed', 'run-failed', 'cancelled'], 'failed', '']
  ])('aggregates %j to status %s and result %j', (names, status, result) => {
    const report = buildReport(
      names.map(n => fixtureOutcome(n)),
      policy
    )
    expect([report.status, report.result]).toEqual([status, result])
  })

  it('says cancelled when the runner cancelled a lookup, upload or start, even with its fatal line', () => {
    const report = buildReport([], policy, {
      fatal: 'the workflow was cancelled while the run was being started',
      cancelled: true
    })
    expect([report.status, report.passed]).toEqual(['cancelled', false])
    expect(buildReport([], policy, { fatal: 'HTTP 401: bad key' }).status).toBe('error')
  })

  it('does not pass a wait the runner cancelled, even when every run seen so far passed', () => {
    const report = buildReport([fixtureOutcome('passed')], policy, { cancelled: true })
    expect([report.status, report.passed, report.runs[0]!.passed]).toEqual([
      'cancelled',
      false,
      true
    ])
  })

  it('ranks timed_out and not_found worse than failed', () => {
    const body = fixtureBody('passed')
    const report = buildReport(
      [fixtureOutcome('run-failed'), outcomeOf(body, 'timed_out'), outcomeOf(body, 'not_found')],
      policy
    )
    expect(report.status).toBe('not_found')
  })

  it('gives the skip reason, else the error message, as the description', () => {
    expect(outputsOf(buildReport([fixtureOutcome('skipped')], policy), '').description).toMatch(
      /^This pull request only changes CI/
    )
    expect(outputsOf(buildReport([fixtureOutcome('run-failed')], policy), '').description).toMatch(
      /^Could not load/
    )
  })

  it('writes a report file holding each run as the API sent it', () => {
    const file = reportFileOf(buildReport([fixtureOutcome('android-newer-api')], policy))
    expect(file).toMatchObject({ passed: false, status: 'completed', result: 'FAILED' })
    expect(file.runs[0]).toMatchObject({
      maxSeverity: 2,
      issuesCount: 2,
      error: null,
      run: { someNewTopLevelField: [1, 2, 3] }
    })
  })
})

describe('planAnnotations', () => {
  it('gives an error per issue and a warning per warning, most severe first, titled by the issue', () => {
    const notes = planAnnotations(buildReport([fixtureOutcome('failed-with-issues')], policy))
    expect(notes.map(n => [n.level, n.title])).toEqual([
      ['error', 'Paying with a saved card returns a 500 error'],
      ['error', 'Discount code applied twice after refresh'],
      ['error', 'Order summary overlaps the footer on narrow screens'],
      ['warning', 'Slow cart update'],
      ['warning', 'Missing alt text on product images']
    ])
    expect(notes[0]!.message).toMatch(
      /^🔴 Critical \(5\) on https:\/\/preview-482\.shop\.example\.com\/checkout\/payment\n/
    )
  })

  it('stops at 10 of each and says how many more there are', () => {
    const body = fixtureBody('failed-with-issues')
    const issues = Array.from({ length: 25 }, (_, n) => ({
      name: `I${n}`,
      severity: (n % 5) + 1,
      description: 'd',
      url: 'https://x.test/'
    }))
    const warnings = Array.from({ length: 12 }, (_, n) => ({
      type: 'warning',
      name: `W${n}`,
      severity: 1,
      description: 'd',
      url: ''
    }))
    const notes = planAnnotations(
      buildReport(
        [
          outcomeOf({
            ...body,
            output: { ...(body.output as object), issues: [...issues, ...warnings] }
          })
        ],
        policy
      )
    )
    expect(notes.filter(n => n.level === 'error')).toHaveLength(10)
    expect(notes.filter(n => n.level === 'warning')).toHaveLength(10)
    // Five issues at each severity: the ten shown are the five critical, then the five high.
    expect(notes.filter(n => n.level === 'error').map(n => n.message.slice(0, 2))).toEqual([
      ...Array(5).fill('🔴'),
      ...Array(5).fill('🟠')
    ])
    expect(notes.at(-1)).toEqual({
      level: 'notice',
      title: 'More TesterArmy findings',
      message: expect.stringMatching(/^17 more findings are in the job summary/)
    })
  })

  it('keeps hostile text on one line and off the start of a line', () => {
    const body = fixtureBody('failed-with-issues')
    const issues = [
      {
        name: 'x\n::error::injected',
        description: 'a\n::add-mask::b',
        url: 'https://x.test/',
        severity: 3
      }
    ]
    const [note] = planAnnotations(
      buildReport([outcomeOf({ ...body, output: { ...(body.output as object), issues } })], policy)
    )
    expect(note!.title).toBe('x ::error::injected')
    expect(note!.message.split('\n').every(line => !line.startsWith('::'))).toBe(true)
  })
})

describe('planAnnotations of a flaky run', () => {
  it('names it first, with its first attempt, within the 10 warnings GitHub shows', () => {
    const failed = fixtureBody('failed-with-issues')
    const output = failed.output as { issues: Record<string, unknown>[] }
    // 12 warnings in the run that counts, besides the flaky one's annotation.
    const warned = {
      ...failed,
      id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      output: {
        ...output,
        result: 'PASS',
        issues: Array.from({ length: 12 }, (_, n) => ({
          ...output.issues[0],
          type: 'warning',
          name: `Warning ${n}`
        }))
      }
    }
    const report = buildReport([outcomeOf(failed)], policy, {
      retried: {
        attempts: new Map([[failed.id as string, [{ outcome: outcomeOf(warned), counts: true }]]]),
        notes: new Map()
      }
    })
    const notes = planAnnotations(report)
    expect(notes[0]).toEqual({
      level: 'warning',
      title: 'Flaky: Checkout with saved card',
      message: expect.stringMatching(
        /^Passed only on a retry: run 7d0e5b1c\S+ failed \(the run FAILED with 3 issues\): 🔴 Critical \(5\) Paying with a saved card returns a 500 error; .*; run 9a8b7c6d\S+ passed on attempt 2 of 2\.$/
      )
    })
    expect(notes.filter(n => n.level === 'warning')).toHaveLength(10)
    expect(notes.at(-1)).toMatchObject({
      level: 'notice',
      message: expect.stringMatching(/^3 more findings are/)
    })
  })
})

describe('planAnnotations for several runs', () => {
  it('names the feature of each finding, and copes with missing URLs and descriptions', () => {
    const body = fixtureBody('failed-with-issues')
    const bare = outcomeOf({
      ...body,
      id: 'other',
      output: {
        ...(body.output as object),
        featureName: 'Search',
        issues: [{ name: '', severity: 2 }]
      }
    })
    const notes = planAnnotations(buildReport([fixtureOutcome('failed-with-issues'), bare], policy))
    expect(notes.find(n => n.title === 'Unnamed issue')).toEqual({
      level: 'error',
      title: 'Unnamed issue',
      message: 'Search: 🔵 Low (2)'
    })
    expect(notes[0]!.message).toMatch(/^Checkout with saved card: 🔴 Critical \(5\) on https/)
  })

  it('counts one hidden finding in the singular', () => {
    const body = fixtureBody('failed-with-issues')
    const issues = Array.from({ length: 11 }, (_, n) => ({
      name: `I${n}`,
      severity: 3,
      description: '',
      url: ''
    }))
    const notes = planAnnotations(
      buildReport([outcomeOf({ ...body, output: { ...(body.output as object), issues } })], policy)
    )
    expect(notes.at(-1)!.message).toMatch(/^1 more finding is in the job summary/)
  })
})

describe('hardening of the outputs and the report file', () => {
  it('writes the report of a body nested 5,000 levels deep, its deepest levels left out', () => {
    const body = fixtureBody('passed')
    let deep: unknown = 'bottom'
    for (let i = 0; i < 5_000; i++) deep = { deeper: deep }
    const report = buildReport([outcomeOf({ ...body, unknown: deep })], policy)
    const text = reportJson(report)
    const parsed = JSON.parse(text)
    expect(parsed.runs[0].run.id).toBe(body.id)
    expect(parsed.runs[0].status).toBe('completed')
    expect(text).toContain('nested more than 100 levels deep: left out')
  })

  it('writes the report file in pieces that join to exactly the one-string report', () => {
    const body = fixtureBody('failed-with-issues')
    const issues = Array.from({ length: 5_000 }, (_, n) => ({
      name: `Issue ${n}: "é" 🚀\n\u2028`,
      description: 'x'.repeat(400),
      severity: (n % 5) + 1,
      url: 'https://x.test/',
      deep: { a: [[[[[[{ b: [] }]]]]]], c: {}, d: [{}], e: [undefined, () => 1], f: undefined }
    }))
    const runs = [
      outcomeOf({ ...body, output: { ...(body.output as object), issues } }),
      outcomeOf({ ...body, id: '00000000-0000-4000-8000-000000000002', output: {} }),
      { ...outcomeOf(body), body: undefined, error: 'HTTP 500' }
    ]
    const report = buildReport(runs, policy)
    const pieces = [...reportJsonPieces(report)]
    expect(pieces.length).toBeGreaterThan(1)
    // Each cut is just before a line break, so no secret without one can straddle two pieces.
    for (const piece of pieces.slice(1)) expect(piece.startsWith('\n')).toBe(true)
    expect(pieces.join('')).toBe(reportJson(report))
    expect(pieces.join('')).toBe(`${JSON.stringify(reportFileOf(report), null, 2)}\n`)
  })

  it('leaves a body nested too deep for the pieces to reportJson (RangeError)', () => {
    let deep: unknown = 'bottom'
    for (let i = 0; i < 50_000; i++) deep = { deeper: deep }
    const report = buildReport([outcomeOf({ ...fixtureBody('passed'), unknown: deep })], policy)
    expect(() => [...reportJsonPieces(report)]).toThrow(RangeError)
  })

  it('caps each text output with a note, and keeps the description one line per run', () => {
    const body = fixtureBody('failed-with-issues')
    const long = `${'é'.repeat(5_000_000)}`
    const runs = [
      outcomeOf({
        ...body,
        output: { ...(body.output as object), description: 'one\ntwo\r\n three' }
      }),
      outcomeOf({
        ...body,
        id: '00000000-0000-4000-8000-000000000002',
        output: { ...(body.output as object), featureName: long, description: long }
      })
    ]
    const outputs = outputsOf(buildReport(runs, policy), '/tmp/r.json')
    for (const name of ['feature-name', 'description']) {
      expect(Buffer.byteLength(outputs[name]!)).toBeLessThanOrEqual(16 * 1024)
      expect(outputs[name]).toMatch(/ … \(cut to 16 KB; the report file has the full text\)$/)
      expect(outputs[name]).not.toContain('\ufffd')
    }
    expect(outputs.description!.split('\n')).toHaveLength(2)
    expect(outputs.description!.split('\n')[0]).toBe('one two three')
  })
})
