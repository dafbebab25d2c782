// A matrix's verdict and its words, from the legs alone: how a leg's verdict reads, when the matrix
// passes, what the status, the summary's headline and the step's last line say, with tables of
// legs (reported, failed, unfinished, missing) and files that could not be used. Pure.
import { describe, expect, it } from '@jest/globals'
import type { Gathered, GatheredLeg, Report } from '../src/model.js'
import { reportFileOf, reportJson, reportJsonPieces } from '../src/report/report-file.js'
import { legsHeadline, legsBlocks } from '../src/report/legs-summary.js'
import { legVerdictWord, matrixWhyLine } from '../src/report/legs-words.js'
import { statusOfReport } from '../src/report/status-text.js'
import { judgeMatrix } from '../src/verdict/legs.js'

function leg(overrides: Partial<GatheredLeg> = {}): GatheredLeg {
  return {
    name: 'web',
    file: 'testerarmy-web/testerarmy-report.json',
    attempt: 1,
    passed: true,
    status: 'completed',
    result: 'PASS',
    fatal: null,
    cancelled: false,
    runs: 1,
    issues: 0,
    warnings: 0,
    flaky: 0,
    waived: 0,
    ...overrides
  }
}

function matrix(legs: GatheredLeg[], extra: Partial<Gathered> = {}): Report {
  const gathered: Gathered = {
    patterns: 'r/**',
    expected: { count: legs.length || 1 },
    legs,
    missing: { count: 0, names: [] },
    problems: [],
    found: legs.length,
    skipped: [],
    commit: 'abc',
    entries: () => [{ leg: 'web', id: '10000000-0000-4000-8000-000000000001', run: { deep: 1 } }],
    ...extra
  }
  const verdict = judgeMatrix(legs, gathered.missing, gathered.problems)
  return { ...verdict, runs: [], fatal: null, cancelled: false, flakyCount: 0, gathered }
}

describe("a leg's verdict, as the leg decided it", () => {
  it.each([
    [{}, '✅ passed'],
    [{ flaky: 1 }, '🔁 passed (flaky)'],
    [{ result: 'SKIPPED' as const }, '⏭️ skipped'],
    [{ passed: false, result: 'FAILED' as const }, '❌ failed'],
    [{ passed: false, status: 'failed' as const, result: '' as const }, '❌ failed'],
    [{ passed: false, fatal: 'the API key was rejected', status: 'error' as const }, '⚠️ error'],
    [{ passed: false, cancelled: true, status: 'cancelled' as const }, '⚠️ cancelled'],
    [{ passed: false, status: 'timed_out' as const }, '⚠️ timed out'],
    [{ passed: false, status: 'not_found' as const }, '⚠️ did not complete']
  ])('%j reads %s', (overrides, words) => {
    const { mark, word } = legVerdictWord(leg(overrides))
    expect(`${mark} ${word}`).toBe(words)
  })
})

describe("the matrix's verdict", () => {
  it('passes only when every expected leg reported and passed, and every file was usable', () => {
    expect(judgeMatrix([leg(), leg()], { count: 0 }, [])).toEqual({
      passed: true,
      status: 'completed',
      result: 'PASS'
    })
    expect(judgeMatrix([leg(), leg({ passed: false })], { count: 0 }, []).passed).toBe(false)
    expect(judgeMatrix([leg()], { count: 1 }, []).passed).toBe(false)
    expect(judgeMatrix([leg()], { count: 0 }, [{}]).passed).toBe(false)
    // A leg whose report says passed, but whose step was cancelled or ended on its own error
    // (written before a cancel made it fail): the matrix does not pass on it.
    expect(judgeMatrix([leg(), leg({ cancelled: true })], { count: 0 }, []).passed).toBe(false)
    expect(judgeMatrix([leg(), leg({ fatal: 'boom' })], { count: 0 }, []).passed).toBe(false)
    expect(judgeMatrix([], { count: 0 }, [])).toEqual({
      passed: false,
      status: 'error',
      result: ''
    })
  })

  it('takes the worst status and the result as for several runs', () => {
    const of = (...legs: GatheredLeg[]) => judgeMatrix(legs, { count: 0 }, [])
    expect(of(leg({ result: 'SKIPPED' }), leg({ result: 'SKIPPED' })).result).toBe('SKIPPED')
    expect(of(leg(), leg({ result: '', status: 'timed_out' }))).toMatchObject({
      status: 'timed_out',
      result: ''
    })
    expect(of(leg({ result: 'FAILED' }), leg({ result: '', status: 'error' }))).toMatchObject({
      status: 'error',
      result: 'FAILED'
    })
  })
})

describe('what the matrix says', () => {
  it('says "no leg reported" when nothing was found, and fails', () => {
    const report = matrix([], { missing: { count: 1, names: [] }, expected: { count: 1 } })
    expect(legsHeadline(report, report.gathered!)).toMatch(
      /^## ❌ TesterArmy: 1 of 1 leg did not pass/
    )
    const none = matrix([])
    expect(legsHeadline(none, none.gathered!)).toMatch(/^## ❌ TesterArmy: no leg reported/)
    expect(matrixWhyLine(none, none.gathered!)).toBe('no file matched the reports patterns (r/**)')
    expect(legsBlocks(none, none.gathered!)[0]).toBe(
      '> [!CAUTION]\n> **No file matched `reports`** (<code>r/\\*\\*</code>). Check the path download-artifact wrote to: relative patterns start in the workspace.'
    )
    expect(statusOfReport(none)).toEqual({
      state: 'failure',
      description: 'Failed: no leg reported'
    })
  })

  it('posts error, not failure, when a leg could not finish, is missing or a file is unusable', () => {
    const timedOut = matrix([
      leg(),
      leg({ name: 'ios', passed: false, status: 'timed_out', result: '' })
    ])
    expect(statusOfReport(timedOut)).toEqual({
      state: 'error',
      description: 'Error: ios timed out (of 2 legs)'
    })
    const unusable = matrix([leg()], { problems: [{ file: 'x.json', problem: 'is not JSON' }] })
    expect(statusOfReport(unusable)).toEqual({
      state: 'error',
      description: 'Error: 1 report not usable'
    })
  })

  it('lists at most 20 unusable files in the summary and 10 clauses in the last line', () => {
    const problems = Array.from({ length: 25 }, (_, n) => ({
      file: `f${n}.json`,
      problem: 'is not JSON'
    }))
    const report = matrix([leg()], { problems })
    const blocks = legsBlocks(report, report.gathered!).join('\n\n')
    expect(blocks).toContain('**25 files matched by `reports` could not be used**')
    expect(blocks).toContain('> - …and 5 more (the log and the report file list them)')
    expect(blocks.match(/is not JSON/g)).toHaveLength(20)
    expect(matrixWhyLine(report, report.gathered!)).toMatch(
      /^f0\.json is not JSON; .*f9\.json is not JSON; and 15 more \(see the job summary\)$/
    )
    expect(legsHeadline(report, report.gathered!)).toMatch(
      /^## ❌ TesterArmy: 25 reports could not be used/
    )
  })

  it("says a leg's own error and cancel in its words", () => {
    const report = matrix([
      leg({
        name: 'ios',
        passed: false,
        fatal: 'the API key was rejected',
        status: 'error',
        result: ''
      }),
      leg({ name: 'android', passed: false, cancelled: true, status: 'cancelled', result: '' })
    ])
    expect(matrixWhyLine(report, report.gathered!)).toBe(
      'leg ios: the action could not finish: the API key was rejected; leg android: the leg was cancelled while it waited'
    )
  })
})

describe('the combined report file', () => {
  it("streams the legs' runs, and writes the same text whole when a body is too deep for the pieces", () => {
    const report = matrix([leg()])
    const pieces = [...reportJsonPieces(report)].join('')
    expect(pieces).toBe(reportJson(report))
    expect(JSON.parse(pieces).runs).toEqual([
      { leg: 'web', id: '10000000-0000-4000-8000-000000000001', run: { deep: 1 } }
    ])
    // The whole-text fallback cuts what is nested past 100 levels in the legs' runs too.
    let deep: unknown = 'bottom'
    for (let i = 0; i < 50_000; i++) deep = { deep }
    const deepReport = matrix([leg()])
    deepReport.gathered!.entries = () => [{ leg: 'web', run: deep }]
    expect(() => [...reportJsonPieces(deepReport)]).toThrow(RangeError)
    expect(reportJson(deepReport)).toContain('[nested more than 100 levels deep: left out]')
    expect(JSON.parse(JSON.stringify(reportFileOf(report))).gathered.legs[0]).toMatchObject({
      name: 'web',
      runsCount: 1
    })
  })
})
