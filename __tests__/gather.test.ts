// Reports mode's reading and choosing, on real files: which matched files are the action's own
// JUnit and CTRF (skipped), which are not reports (refused, with the file's first problem), which
// report each leg keeps (its latest attempt; never another run's or commit's), which legs are
// missing, and that a leg's verdict is kept as the leg decided it. The legs' reports are written
// by the action's own writer, as a leg would.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findReports, fallbackLegOf } from '../src/gather/find-reports.js'
import { gatherReports } from '../src/gather/gather.js'
import { legRun, type RunEntry } from '../src/gather/leg-runs.js'
import { readReport, type ReadReport } from '../src/gather/read-report.js'
import { selectLegs, type ReadFile } from '../src/gather/select-legs.js'
import { ctrfPieces } from '../src/report/ctrf.js'
import { junitPieces } from '../src/report/junit.js'
import { reportFileOf, type ReportHead } from '../src/report/report-file.js'
import { buildReport } from '../src/verdict/build-report.js'
import { fixtureOutcome } from './helpers/fixtures.js'

const SHA = 'a'.repeat(40)
const OLD_SHA = 'b'.repeat(40)
const policy = { failOn: 'failed' as const, minSeverity: 1 }

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gather-test-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const head = (overrides: Partial<ReportHead> & { attempt?: number; runId?: string } = {}) => ({
  leg: overrides.leg ?? '',
  commit: overrides.commit ?? SHA,
  pullRequest: 7,
  workflowRun: { id: overrides.runId ?? '4242', attempt: overrides.attempt ?? 1 }
})

/** A leg's report as the action writes it: these fixtures' runs under the leg's head. */
function legReport(
  fixtures: string[],
  overrides: Parameters<typeof head>[0] = {},
  legPolicy = policy
): Record<string, unknown> {
  const report = buildReport(
    fixtures.map(name => fixtureOutcome(name)),
    legPolicy
  )
  return JSON.parse(JSON.stringify(reportFileOf(report, head(overrides))))
}

function write(relative: string, content: string | object): string {
  const path = join(dir, relative)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  return path
}

const refusal = (read: ReadReport): string => (read.kind === 'refused' ? read.problem : read.kind)

describe('reading one matched file', () => {
  it('reads a leg report: its leg, commit, run, attempt and verdict', () => {
    const read = readReport(
      write('r.json', legReport(['failed-with-issues'], { leg: 'ios', attempt: 2 }))
    )
    expect(read).toMatchObject({
      kind: 'report',
      head: {
        leg: 'ios',
        commit: SHA,
        runId: '4242',
        attempt: 2,
        passed: false,
        status: 'completed',
        result: 'FAILED',
        fatal: null,
        cancelled: false
      },
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/)
    })
  })

  it("skips the action's own JUnit and CTRF files, whatever they are named", () => {
    const report = buildReport([fixtureOutcome('passed')], policy)
    const options = {
      apiUrl: 'https://tester.army/api',
      workflowRunUrl: '',
      startedAt: 0,
      finishedAt: 1
    }
    expect(readReport(write('x/any-name.json', [...ctrfPieces(report, options)].join('')))).toEqual(
      {
        kind: 'skipped',
        what: 'CTRF'
      }
    )
    expect(readReport(write('x/results.xml', [...junitPieces(report, options)].join('')))).toEqual({
      kind: 'skipped',
      what: 'JUnit XML'
    })
  })

  it.each([
    ['not JSON', 'root:x:0:0:root:/root:/bin/bash\n', 'is not JSON'],
    [
      'another JUnit file',
      '<?xml version="1.0"?><testsuites name="jest"></testsuites>',
      'is not JSON'
    ],
    [
      'another CTRF file',
      { reportFormat: 'CTRF', specVersion: '0.0.0', results: { tool: { name: 'jest' } } },
      'has no schemaVersion: not a report of this action'
    ],
    ['a JSON array', [1, 2], 'is JSON, but not an object'],
    [
      'an older report (no schemaVersion)',
      { passed: true, status: 'completed', runs: [] },
      'has no schemaVersion'
    ],
    [
      'a report of another major',
      { schemaVersion: '2.0.0' },
      'has schemaVersion "2.0.0", and this version of the action reads 1.x: run the same version of the action in the legs and the gathering job'
    ]
  ])('refuses %s, saying why and never quoting it', (_case, content, problem) => {
    const read = readReport(write('f.json', content as object))
    // The whole problem, or its start where it goes on to say what to do.
    expect(refusal(read).slice(0, problem.length)).toBe(problem)
    expect(refusal(read)).not.toContain('root:x')
  })

  it('refuses a report that fails the schema, naming the first problem and where', () => {
    const report = legReport(['passed'])
    ;(report.runs as Record<string, unknown>[])[0]!.passed = 'yes'
    expect(refusal(readReport(write('f.json', report)))).toBe(
      'does not match the report schema: at /runs/0/passed, must be boolean'
    )
    const noCommit = legReport(['passed'])
    delete noCommit.commit
    expect(refusal(readReport(write('g.json', noCommit)))).toBe(
      "does not match the report schema: at the top level, must have required property 'commit'"
    )
  })

  it('refuses a report over 64 MiB without reading it', () => {
    const path = join(dir, 'huge.json')
    const file = openSync(path, 'w')
    ftruncateSync(file, 64 * 1024 * 1024 + 1)
    closeSync(file)
    expect(refusal(readReport(path))).toBe(
      'is 65 MiB, over the 64 MiB a report may have: not a report of a matrix leg'
    )
  })

  it("skips the action's own JUnit file however large, instead of refusing it as too big", () => {
    const path = join(dir, 'testerarmy-report.junit.xml')
    writeFileSync(
      path,
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="TesterArmy" tests="40">\n'
    )
    truncateSync(path, 66 * 1024 * 1024)
    expect(readReport(path)).toEqual({ kind: 'skipped', what: 'JUnit XML' })
  })

  it("refuses a combined report (reports mode's own), which is no leg's", () => {
    const report = {
      ...legReport(['passed']),
      gathered: {
        patterns: 'x',
        expected: { count: 1 },
        legs: [],
        missing: { count: 0, names: [] },
        problems: [],
        skipped: []
      }
    }
    expect(refusal(readReport(write('c.json', report)))).toBe(
      "is a combined report (written in reports mode), not a leg's report"
    )
  })
})

/** One file as selectLegs sees it. */
function file(name: string, read: ReadReport, fallbackLeg = name): ReadFile {
  return { path: join(dir, name), file: name, fallbackLeg, read }
}
const report = (overrides: Parameters<typeof head>[0] & { passed?: boolean } = {}): ReadReport => ({
  kind: 'report',
  head: {
    leg: overrides.leg ?? '',
    commit: overrides.commit ?? SHA,
    runId: overrides.runId ?? '4242',
    attempt: overrides.attempt ?? 1,
    passed: overrides.passed ?? true,
    status: 'completed',
    result: 'PASS',
    fatal: null,
    cancelled: false,
    flakyCount: 0
  },
  sha256: 'x'
})
const own = { runId: '4242', commit: SHA }

describe('choosing the reports that count', () => {
  it("keeps each leg's latest attempt (Re-run failed jobs), whatever the file order", () => {
    const selection = selectLegs(
      [
        file('web-2.json', report({ leg: 'web', attempt: 2 })),
        file('web-1.json', report({ leg: 'web', attempt: 1, passed: false })),
        file('ios-1.json', report({ leg: 'ios' }))
      ],
      own,
      { count: 2 }
    )
    expect(selection.kept.map(k => [k.name, k.file])).toEqual([
      ['ios', 'ios-1.json'],
      ['web', 'web-2.json']
    ])
    expect(selection.superseded).toEqual([{ name: 'web', file: 'web-1.json', attempt: 1 }])
    expect(selection.problems).toEqual([])
    expect(selection.missing).toEqual({ count: 0, names: [] })
  })

  it('refuses two reports of one leg and one attempt, naming both files', () => {
    const selection = selectLegs(
      [file('a/r.json', report({ leg: 'web' })), file('b/r.json', report({ leg: 'web' }))],
      own,
      { count: 1 }
    )
    expect(selection.problems).toEqual([
      {
        file: 'b/r.json',
        problem:
          'is a second report of leg "web" for attempt 1, beside a/r.json: give each leg its own name with the leg input'
      }
    ])
  })

  it('refuses a report of another workflow run, or of another commit, naming it', () => {
    const selection = selectLegs(
      [
        file('web.json', report({ leg: 'web' })),
        file('stale.json', report({ leg: 'ios', runId: '4100', commit: OLD_SHA })),
        file('old-commit.json', report({ leg: 'android', commit: OLD_SHA }))
      ],
      own,
      { names: ['web', 'ios', 'android'] }
    )
    expect(selection.problems).toEqual([
      {
        file: 'stale.json',
        problem:
          'is a report of workflow run 4100, not of this one (4242): an artifact of another run must not gate this one'
      },
      {
        file: 'old-commit.json',
        problem:
          'tested commit bbbbbbbbbbbb, not aaaaaaaaaaaa, which this workflow run tests: a stale report must not gate a new commit'
      }
    ])
    expect(selection.kept.map(k => k.name)).toEqual(['web'])
    expect(selection.missing).toEqual({ count: 2, names: ['ios', 'android'] })
  })

  it('outside a runner (no run ID or commit of its own), takes what most reports say', () => {
    const selection = selectLegs(
      [
        file('a.json', report({ leg: 'a', runId: '9', commit: OLD_SHA })),
        file('b.json', report({ leg: 'b', runId: '9', commit: OLD_SHA })),
        file('c.json', report({ leg: 'c', runId: '9', commit: SHA }))
      ],
      { runId: '', commit: '' },
      { count: 3 }
    )
    expect(selection.kept.map(k => k.name)).toEqual(['a', 'b'])
    expect(selection.problems.map(p => p.file)).toEqual(['c.json'])
    expect(selection.missing).toEqual({ count: 1, names: [] })
  })

  it('names a leg after its folder (or file) when its report does not, and orders legs as expected', () => {
    const selection = selectLegs(
      [
        file('testerarmy-web/r.json', report(), 'testerarmy-web'),
        file('x.json', report({ leg: 'android' })),
        file('y.json', report({ leg: 'zz-extra' }))
      ],
      own,
      { names: ['android', 'testerarmy-web', 'ios'] }
    )
    expect(selection.kept.map(k => k.name)).toEqual(['android', 'testerarmy-web', 'zz-extra'])
    expect(selection.missing).toEqual({ count: 1, names: ['ios'] })
  })

  it('counts missing legs against a count; skipped and refused files are listed apart', () => {
    const selection = selectLegs(
      [
        file('a.json', report({ leg: 'a' })),
        file('a.ctrf.json', { kind: 'skipped', what: 'CTRF' }),
        file('notes.txt', { kind: 'refused', problem: 'is not JSON' })
      ],
      own,
      { count: 3 }
    )
    expect(selection.missing).toEqual({ count: 2, names: [] })
    expect(selection.skipped).toEqual(['a.ctrf.json'])
    expect(selection.problems).toEqual([{ file: 'notes.txt', problem: 'is not JSON' }])
  })
})

describe('finding the files', () => {
  it('globs as @actions/glob does, sorted, and names legs after the artifact folders', async () => {
    write('artifacts/testerarmy-web/testerarmy-report.json', '{}')
    write('artifacts/testerarmy-ios/testerarmy-report.json', '{}')
    write('artifacts/testerarmy-ios/testerarmy-report.ctrf.json', '{}')
    write('artifacts/loose.json', '{}')
    write('artifacts/readme.txt', 'x')
    const found = await findReports(`${dir}/artifacts/**/*.json\n!${dir}/**/*.ctrf.json`)
    expect(found).toEqual([
      { path: join(dir, 'artifacts/loose.json'), fallbackLeg: 'loose' },
      {
        path: join(dir, 'artifacts/testerarmy-ios/testerarmy-report.json'),
        fallbackLeg: 'testerarmy-ios'
      },
      {
        path: join(dir, 'artifacts/testerarmy-web/testerarmy-report.json'),
        fallbackLeg: 'testerarmy-web'
      }
    ])
    // A folder named alone means every file under it.
    expect((await findReports(join(dir, 'artifacts'))).length).toBe(5)
  })

  it('takes the file name for a file straight in a searched folder', () => {
    expect(fallbackLegOf('/w/reports/web.json', new Set(['/w/reports']))).toBe('web')
    expect(fallbackLegOf('/w/reports/web.JSON', new Set(['/w/reports']))).toBe('web')
    expect(fallbackLegOf('/w/reports/ios/r.json', new Set(['/w/reports']))).toBe('ios')
    expect(fallbackLegOf('/r.json', new Set(['/x']))).toBe('r')
  })
})

describe("a leg's runs", () => {
  it("keeps the leg's verdict, reasons and notes, never judged again", () => {
    // The leg's min-severity 5 let a FAILED run with issues of severity 3 at most pass.
    const entry = legReport(['failed-with-issues'], {}, { failOn: 'failed', minSeverity: 5 })
      .runs as RunEntry[]
    const run = legRun(entry[0]!, 'ios')
    expect(run).toMatchObject({
      leg: 'ios',
      passed: false,
      result: 'FAILED',
      reasons: ['the run FAILED with 1 issue at severity 5 or above']
    })
    const lenient = { ...entry[0]!, passed: true, reasons: [], notes: ['the leg let it pass'] }
    expect(legRun(lenient, 'ios')).toMatchObject({
      passed: true,
      reasons: [],
      notes: ['the leg let it pass']
    })
    // The findings come from the body, as the summary shows them.
    expect(run.issues.map(i => i.severity)).toEqual([5, 3, 2])
    expect(run.warnings).toHaveLength(2)
    expect(run.featureName).toBe('Checkout with saved card')
    expect(run.body).toBeNull()
  })

  it('shows a run whose body is no run (null, or broken) with its numbers only', () => {
    const entry = legReport(['passed']).runs as RunEntry[]
    expect(legRun({ ...entry[0]!, run: null }, 'web')).toMatchObject({ run: null, issues: [] })
    expect(legRun({ ...entry[0]!, run: { no: 'status' } }, 'web').run).toBeNull()
  })
})

describe('gathering', () => {
  it('reads the kept reports again for the combined file, each run with its leg and every field the leg wrote', async () => {
    const web = legReport(['passed'], { leg: 'web' })
    // A finding the leg's known issues waived, and a field of a later minor version, survive.
    const waived = [
      {
        name: 'Known bug',
        type: 'issue',
        severity: 2,
        url: 'https://shop.example.com/cart',
        entry: { line: 3, name: 'Known bug', reason: 'tracked', origin: 'base' }
      }
    ]
    Object.assign((web.runs as Record<string, unknown>[])[0]!, {
      waivedCount: 1,
      waived,
      laterField: { added: 'in 1.1.0' }
    })
    write('a/web.json', web)
    write('a/ios.json', legReport(['failed-with-issues'], { leg: 'ios' }))
    const lines: string[] = []
    const report = await gatherReports({
      request: { patterns: join(dir, 'a'), expected: { names: ['web', 'ios'] } },
      own,
      cwd: dir,
      log: line => lines.push(line)
    })
    expect(report).toMatchObject({ passed: false, status: 'completed', result: 'FAILED' })
    expect(report.gathered?.legs.map(l => [l.name, l.passed, l.waived, l.file])).toEqual([
      ['web', true, 1, 'a/web.json'],
      ['ios', false, 0, 'a/ios.json']
    ])
    const entries = [...report.gathered!.entries()]
    expect(entries.map(e => [e.leg, e.id])).toEqual([
      ['web', (web.runs as RunEntry[])[0]!.id],
      ['ios', '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70']
    ])
    expect(entries[0]!.waived).toEqual(waived)
    expect(entries[0]!.laterField).toEqual({ added: 'in 1.1.0' })
    // Shown as the leg showed it: waived, apart from the issues.
    expect(report.runs[0]!.waived).toEqual([
      expect.objectContaining({ issue: expect.objectContaining({ name: 'Known bug' }) })
    ])
    expect(lines).toContain('a/web.json: leg web, attempt 1.')
  })

  it('refuses to write what changed after it was checked', async () => {
    const path = write('a/web.json', legReport(['passed'], { leg: 'web' }))
    const report = await gatherReports({
      request: { patterns: join(dir, 'a'), expected: { count: 1 } },
      own,
      cwd: dir,
      log: () => undefined
    })
    writeFileSync(path, JSON.stringify(legReport(['failed-with-issues'], { leg: 'web' })))
    expect(() => [...report.gathered!.entries()]).toThrow('changed while the reports were gathered')
  })
})
