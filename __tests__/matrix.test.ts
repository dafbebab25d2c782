// One verdict for a whole matrix, from run() in-process in virtual time: legs wait on runs of the
// simulated API and write their reports as download-artifact lays them out; the gathering job
// (reports mode) reads them and publishes one summary, one comment, one commit status, one set of
// outputs and one JSON, JUnit and CTRF file. What a user of the matrix sees; what only the bundle
// shows is in e2e-matrix.test.ts.
import { describe, expect, it, jest } from '@jest/globals'
import { validate as validateCtrf } from 'ctrf'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../__fixtures__/core.js'
import { expectInert, githubHtml } from './helpers/github-html.js'
import { runInProcess } from './helpers/in-process.js'
import { KEY, matrixScenario, OLD_SHA, RUNS, SHA, TOKEN } from './helpers/matrix-scenario.js'
import { leftBehind } from './helpers/runner-output.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const matrix = matrixScenario(options => runInProcess(run, options))
const finalError = (result: {
  commands: { command: string; properties: object; message: string }[]
}) =>
  result.commands
    .filter(c => c.command === 'error' && Object.keys(c.properties).length === 0)
    .map(c => c.message)

describe('a matrix gathered into one verdict', () => {
  it('passes when every leg passed: one summary, one comment, one status, outputs naming the legs', async () => {
    const m = await matrix()
    for (const leg of ['web', 'ios', 'android'] as const) {
      expect((await m.leg(leg, RUNS[leg])).code).toBe(0)
    }
    const before = m.testerArmyRequests()
    const result = await m.gather()
    expect(result.code).toBe(0)
    // Reports mode reads files: no key was given, and TesterArmy heard nothing.
    expect(m.testerArmyRequests()).toBe(before)
    expect(result.outputs).toMatchObject({
      status: 'completed',
      result: 'PASS',
      passed: 'true',
      'reports-count': '3',
      // The legs in the order of their names.
      'run-id': [RUNS.android, RUNS.ios, RUNS.web].join(',')
    })
    expect(
      JSON.parse(result.outputs.runs!).map((r: { leg: string; id: string }) => [r.leg, r.id])
    ).toEqual(
      [
        ['web', RUNS.web],
        ['ios', RUNS.ios],
        ['android', RUNS.android]
      ].sort((a, b) => a[0]!.localeCompare(b[0]!))
    )
    expect(result.summary).toMatch(/^## ✅ TesterArmy: all 3 legs passed\n\n\*\*3 runs\*\*/)
    expect(result.summary).toContain(
      [
        '| Leg | Verdict | Runs | Issues | Flaky | Waived |',
        '| --- | --- | ---: | ---: | ---: | ---: |',
        '| android | ✅\u00a0passed | 1 | 0 | 0 | 0 |',
        '| ios | ✅\u00a0passed | 1 | 0 | 0 | 0 |',
        '| web | ✅\u00a0passed | 1 | 0 | 0 | 0 |'
      ].join('\n')
    )
    // Each leg's run, as today, named with its leg.
    expect(result.summary).toContain('### ✅ web · Sign in and sign out passed')
    // One status, on the tested commit, under the one context branch protection requires.
    expect(m.statuses).toEqual([
      expect.objectContaining({ sha: SHA, state: 'success', context: 'TesterArmy' })
    ])
    expect(m.statuses[0]!.description).toBe('Passed: 3 legs, 3 runs, 0 issues, 0 warnings')
    // One comment, whose marker names the workflow and the gathering job, not the legs.
    expect(m.comments).toHaveLength(1)
    expect(m.comments[0]!.body).toMatch(
      /^<!-- testerarmy-action QA verdict reports -->\n### ✅ TesterArmy passed: all 3 legs passed/
    )
    for (const leg of ['web', 'ios', 'android'])
      expect(m.comments[0]!.body).toContain(`| ${leg} | ✅\u00a0passed | 1 | 0 |  |`)
    expect(finalError(result)).toEqual([])
    expect(core.info).toHaveBeenCalledWith('TesterArmy verdict: passed.')
  })

  it("fails on a leg that failed, keeping each leg's verdict, and says which and why everywhere", async () => {
    const m = await matrix()
    await m.leg('web', RUNS.web)
    await m.leg('ios', RUNS.ios)
    expect((await m.leg('android', RUNS.failed)).code).toBe(1)
    const result = await m.gather()
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ passed: 'false', result: 'FAILED', 'issues-count': '3' })
    expect(finalError(result)).toEqual([
      'TesterArmy verdict: failed: leg android: the run FAILED with 3 issues.'
    ])
    expect(result.summary).toMatch(/^## ❌ TesterArmy: 1 of 3 legs did not pass/)
    expect(result.summary).toContain('| android | ❌\u00a0failed | 1 | 3 | 0 | 0 |')
    expect(result.summary).toContain('**Why:**\n\n- **android**: the run FAILED with 3 issues')
    expect(result.summary).toContain('#### Issues')
    expect(m.statuses[0]).toMatchObject({
      state: 'failure',
      description: 'Failed: android failed (of 3 legs)'
    })
    const comment = m.comments[0]!.body
    expect(comment).toContain('### ❌ TesterArmy failed: 1 of 3 legs did not pass')
    expect(comment).toContain('| android | ❌\u00a0failed | 1 | 3 | the run FAILED with 3 issues |')
    // Its most severe issue, with the leg that found it.
    expect(comment).toContain(
      '| 🔴\u00a0Critical\u00a0(5) | android · Paying with a saved card returns a 500 error |'
    )
  })

  it("keeps each leg's verdict as the leg decided it, never judging its runs again", async () => {
    // The leg's min-severity 3 lets its FAILED run (issues of severity 2 at most) pass.
    const m = await matrix()
    await m.leg('web', RUNS.web)
    await m.leg('ios', RUNS.ios)
    expect((await m.leg('android', RUNS.minor, { inputs: { 'min-severity': '3' } })).code).toBe(0)
    const gathered = await m.gather()
    expect(gathered.code).toBe(0)
    expect(gathered.outputs).toMatchObject({ passed: 'true', result: 'FAILED' })
    expect(gathered.summary).toContain('| android | ✅\u00a0passed | 1 | 1 | 0 | 0 |')
    expect(gathered.summary).toContain(
      '<sub>the run FAILED, but none of its 1 issue reaches min\\-severity 3</sub>'
    )
    // A leg with fail-on never passes its own step, but its verdict failed: the matrix keeps that.
    const lenient = await matrix()
    await lenient.leg('web', RUNS.web)
    await lenient.leg('ios', RUNS.ios)
    expect(
      (await lenient.leg('android', RUNS.failed, { inputs: { 'fail-on': 'never' } })).code
    ).toBe(0)
    expect((await lenient.gather()).outputs.passed).toBe('false')
    // The gathering job's own fail-on never: the verdict is said, the step passes.
    const informational = await lenient.gather({ 'fail-on': 'never' })
    expect(informational.code).toBe(0)
    expect(informational.outputs.passed).toBe('false')
    expect(informational.stdout).toContain(
      'TesterArmy verdict: failed (leg android: the run FAILED with 3 issues); fail-on is never, so the step passes.'
    )
  })

  it('fails on a missing leg, by count and by name, naming what is missing', async () => {
    const m = await matrix()
    await m.leg('web', RUNS.web)
    await m.leg('ios', RUNS.ios)
    const byCount = await m.gather()
    expect(byCount.code).toBe(1)
    expect(finalError(byCount)).toEqual([
      'TesterArmy verdict: failed: expected 3 leg reports, found 2.'
    ])
    expect(byCount.outputs['reports-count']).toBe('2')
    const byName = await m.gather({ 'expected-reports': 'web\nios\nandroid' })
    expect(finalError(byName)).toEqual([
      'TesterArmy verdict: failed: 1 leg did not report: android.'
    ])
    expect(byName.summary).toMatch(/^## ❌ TesterArmy: 1 of 3 legs did not pass/)
    expect(byName.summary).toContain('| android | ❔\u00a0missing | – | – | – | – |')
    expect(m.statuses.at(-1)).toMatchObject({
      state: 'error',
      description: 'Error: 1 leg did not report: android'
    })
    expect(m.comments).toHaveLength(1)
    expect(m.comments[0]!.body).toContain('| android | ❔\u00a0missing | – | – | no report |')
  })

  it('says so when the patterns match no file at all (a wrong download path)', async () => {
    const m = await matrix()
    const result = await m.gather({ reports: 'testerarmy-reports/**/*.json' })
    expect(result.code).toBe(1)
    expect(finalError(result)).toEqual([
      'TesterArmy verdict: failed: expected 3 leg reports, found 0; no file matched the reports patterns (testerarmy-reports/**/*.json).'
    ])
    expect(result.summary).toContain('**No file matched `reports`**')
    expect(result.stdout).toContain(
      'No file matched the reports patterns: testerarmy-reports/**/*.json'
    )
    expect(m.statuses[0]).toMatchObject({ state: 'error' })
  })

  it('passes a leg re-run with "Re-run failed jobs": attempt 1 failed, attempt 2 passed', async () => {
    const m = await matrix()
    await m.leg('web', RUNS.web)
    await m.leg('ios', RUNS.ios)
    await m.leg('android', RUNS.failed, { artifact: 'testerarmy-android-1' })
    await m.leg('android', RUNS.android, {
      artifact: 'testerarmy-android-2',
      env: { GITHUB_RUN_ATTEMPT: '2' }
    })
    const result = await m.gather({}, { GITHUB_RUN_ATTEMPT: '2' })
    expect(result.code).toBe(0)
    expect(result.outputs['reports-count']).toBe('3')
    expect(result.summary).toContain('| android | ✅\u00a0passed (attempt 2) | 1 | 0 | 0 | 0 |')
    expect(result.stdout).toContain('attempt 1 of leg android, replaced by a later attempt.')
    expect(result.outputs['run-id']).not.toContain(RUNS.failed)
  })

  it('refuses a stale report of another commit, and of another workflow run, naming the file', async () => {
    const m = await matrix()
    await m.leg('web', RUNS.web)
    await m.leg('ios', RUNS.ios)
    await m.leg('android', RUNS.android)
    await m.leg('android-old', RUNS.failed, { sha: OLD_SHA, artifact: 'old-commit' })
    await m.leg('android-old-run', RUNS.failed, {
      artifact: 'old-run',
      env: { GITHUB_RUN_ID: '4100' }
    })
    const result = await m.gather()
    expect(result.code).toBe(1)
    const [error] = finalError(result)
    expect(error).toContain(
      'old-commit/testerarmy-report.json tested commit 111111111111, not 9c1e4f2a7b3d, which this workflow run tests: a stale report must not gate a new commit'
    )
    expect(error).toContain(
      'old-run/testerarmy-report.json is a report of workflow run 4100, not of this one (4242)'
    )
    expect(result.summary).toMatch(/^## ❌ TesterArmy: 2 reports could not be used/)
    expect(result.summary).toContain('**2 files matched by `reports` could not be used**')
    expect(result.outputs['reports-count']).toBe('3')
  })

  it("skips the legs' own CTRF and JUnit files, and refuses a file that is not a report", async () => {
    const m = await matrix()
    await m.leg('web', RUNS.web)
    await m.leg('ios', RUNS.ios)
    await m.leg('android', RUNS.android)
    // The whole artifact folder, as a leg that uploads its report's folder leaves it.
    const all = await m.gather({ reports: m.artifacts })
    expect(all.code).toBe(0)
    expect(all.stdout).toMatch(
      /testerarmy-web\/testerarmy-report\.ctrf\.json: skipped \(the action's own CTRF file\)/
    )
    expect(all.stdout).toMatch(
      /testerarmy-web\/testerarmy-report\.junit\.xml: skipped \(the action's own JUnit XML file\)/
    )
    m.write('testerarmy-web/notes.json', 'not json at all')
    const bad = await m.gather({ reports: m.artifacts })
    expect(bad.code).toBe(1)
    expect(finalError(bad)[0]).toMatch(/testerarmy-web\/notes\.json is not JSON\.$/)
    expect(bad.summary).toMatch(/<code>[^<]*testerarmy-web\/notes\.json<\/code> is not JSON/)
  })

  it('writes one JSON report (every field a leg wrote kept, each run with its leg), JUnit and CTRF', async () => {
    const m = await matrix()
    await m.leg('web', RUNS.web)
    await m.leg('ios', RUNS.ios)
    await m.leg('android', RUNS.failed)
    // A field a later minor version adds to a run survives gathering.
    const web = JSON.parse(m.read('testerarmy-web/testerarmy-report.json'))
    web.runs[0].laterField = { added: 'in 1.1.0' }
    m.write('testerarmy-web/testerarmy-report.json', JSON.stringify(web))
    const result = await m.gather()
    const combined = JSON.parse(result.report)
    expect(combined).toMatchObject({
      schemaVersion: '1.0.0',
      leg: '',
      commit: SHA,
      pullRequest: 42,
      workflowRun: { id: '4242', attempt: 1 },
      passed: false,
      gathered: {
        expected: { count: 3 },
        legs: [
          { name: 'android', passed: false, issuesCount: 3, runsCount: 1, waivedCount: 0 },
          { name: 'ios', passed: true },
          { name: 'web', passed: true, waivedCount: 0 }
        ],
        missing: { count: 0, names: [] },
        problems: []
      }
    })
    expect(combined.runs.map((r: { leg: string }) => r.leg)).toEqual(['android', 'ios', 'web'])
    expect(combined.runs[2].laterField).toEqual({ added: 'in 1.1.0' })
    expect(combined.runs[0].run.id).toBe(RUNS.failed)
    expect(result.summary).toContain('| web | ✅\u00a0passed | 1 | 0 | 0 | 0 |')

    const xml = readFileSync(result.outputs['junit-path']!, 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const suites = new XMLParser({ ignoreAttributes: false }).parse(xml).testsuites.testsuite as {
      '@_name': string
    }[]
    expect(suites.map(s => s['@_name'])).toEqual([
      'android · Checkout with saved card',
      'ios · Sign in and sign out',
      'web · Sign in and sign out'
    ])
    const ctrf = JSON.parse(readFileSync(result.outputs['ctrf-path']!, 'utf8'))
    expect(validateCtrf(ctrf)).toEqual({ valid: true, errors: [] })
    expect(ctrf.results.tests.map((t: { suite: string[] }) => t.suite)).toEqual([
      ['TesterArmy', 'android'],
      ['TesterArmy', 'ios'],
      ['TesterArmy', 'web']
    ])
  })

  it("shows what each leg's known issues waived, as the leg decided, without judging again", async () => {
    const m = await matrix()
    const workspace = mkdtempSync(join(tmpdir(), 'matrix-workspace-'))
    try {
      mkdirSync(join(workspace, '.github'))
      writeFileSync(
        join(workspace, '.github', 'known.yml'),
        '- name: Order summary overlaps the footer on narrow screens\n  reason: Layout bug, tracked\n'
      )
      await m.leg('web', RUNS.web)
      await m.leg('ios', RUNS.ios)
      const android = await m.leg('android', RUNS.failed, {
        inputs: { 'known-issues': '.github/known.yml' },
        env: { GITHUB_WORKSPACE: workspace }
      })
      expect(android.outputs['waived-count']).toBe('1')
      const result = await m.gather()
      expect(result.code).toBe(1)
      expect(result.outputs).toMatchObject({ 'waived-count': '1', 'issues-count': '3' })
      expect(result.summary).toContain('| android | ❌\u00a0failed | 1 | 3 | 0 | 1 |')
      expect(finalError(result)).toEqual([
        'TesterArmy verdict: failed: leg android: the run FAILED with 2 issues (1 more waived by known-issues).'
      ])
      // Listed apart, with the entry that waived it, as in the leg's own summary.
      expect(result.summary).toContain('Layout bug, tracked')
      const combined = JSON.parse(result.report)
      expect(combined.runs[0].waived).toEqual([
        expect.objectContaining({
          name: 'Order summary overlaps the footer on narrow screens',
          entry: expect.objectContaining({ line: 1, reason: 'Layout bug, tracked' })
        })
      ])
      const runs = JSON.parse(result.outputs.runs!)
      expect(runs[0]).toMatchObject({ leg: 'android', waivedCount: 1 })
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })

  it('updates its one comment when the matrix changes (a leg more), never adding one', async () => {
    const m = await matrix()
    await m.leg('web', RUNS.web)
    await m.leg('ios', RUNS.ios)
    await m.gather({ 'expected-reports': '2' })
    await m.leg('android', RUNS.android)
    await m.gather()
    expect(m.comments).toHaveLength(1)
    expect(m.comments[0]!.body).toContain('| android | ✅\u00a0passed |')
  })

  it('keeps hostile text from a leg inert in the summary, the comment, the status and the log', async () => {
    const m = await matrix()
    const name = '</details><img src=x onerror=alert(1)> | @octocat ::error::x'
    await m.leg('web', RUNS.web)
    await m.leg('ios', RUNS.ios)
    await m.leg(name, RUNS.hostile, { artifact: 'testerarmy-hostile' })
    // A report is a file anyone in the workflow can write: hostile reasons and notes too.
    const file = 'testerarmy-hostile/testerarmy-report.json'
    const report = JSON.parse(m.read(file))
    report.runs[0].reasons = ['<script>alert(1)</script>\n::error::injected @octocat']
    report.runs[0].notes = ['</details><details open>[x](javascript:alert(1))']
    report.fatal = null
    m.write(file, JSON.stringify(report))
    const result = await m.gather()
    expect(result.code).toBe(1)
    expectInert(githubHtml(result.summary))
    expectInert(githubHtml(m.comments[0]!.body))
    // Nobody is notified by a leg's words.
    expect(m.comments[0]!.body).not.toMatch(/(?<![\\&#;\w])@octocat/)
    // The step's last line is one line: a leg's words cannot start a workflow command.
    expect(finalError(result)).toHaveLength(1)
    expect(finalError(result)[0]).not.toMatch(/[\r\n]/)
    expect(m.statuses[0]!.description).not.toMatch(/\n/)
    for (const text of leftBehind(result)) {
      expect(text).not.toContain(KEY)
      expect(text).not.toContain(TOKEN)
    }
  })
})
