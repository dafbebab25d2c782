// One verdict for a whole matrix, as the runner runs it: dist/index.js under Node 24 as the legs
// (run-id mode against the simulated API), their reports laid out as actions/download-artifact
// lays them out (a folder per artifact, named after it, JUnit and CTRF files beside each report),
// and dist/index.js again as the gathering job, with the fake GitHub for its comment and status.
// Each leg runs once; each case downloads the artifacts it needs into a folder of its own. The leg
// that times out runs in virtual time (run() in-process): no test waits for a real timeout.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../__fixtures__/core.js'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, type ActionOptions, type ActionResult } from '../scripts/runner.mjs'
import { expectInert, githubHtml } from './helpers/github-html.js'
import { runInProcess } from './helpers/in-process.js'
import {
  KEY,
  matrixWorld,
  OLD_SHA,
  RUNS,
  SHA,
  TOKEN,
  type Matrix
} from './helpers/matrix-scenario.js'
import { leftBehind } from './helpers/runner-output.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const NODE24 = findNode24().path
const bundle = (options: ActionOptions): Promise<ActionResult> =>
  runAction({ node: NODE24, ...options })

const cleanups: (() => unknown)[] = []
let world: Matrix
/** A leg whose report is written but whose artifact must not be in every download. */
const HOSTILE_LEG = '</details><img src=x onerror=alert(1)> | @octocat ::error::x'

beforeAll(async () => {
  world = await matrixWorld(bundle, cleanups)
  const legs: [string, string, Parameters<Matrix['leg']>[2]][] = [
    ['web', RUNS.web, {}],
    ['ios', RUNS.ios, {}],
    ['android', RUNS.android, {}],
    ['android', RUNS.failed, { artifact: 'android-failed' }],
    ['android', RUNS.cancelled, { artifact: 'android-cancelled' }],
    [
      'android',
      RUNS.endless,
      {
        artifact: 'android-timed-out',
        inputs: { timeout: '2m' },
        runner: options => runInProcess(run, options)
      }
    ],
    // "Re-run failed jobs": attempt 2 of the failed leg, which passes.
    ['android', RUNS.android, { artifact: 'android-attempt-2', env: { GITHUB_RUN_ATTEMPT: '2' } }],
    // A leg of an earlier push, left in the artifacts: another commit.
    ['android', RUNS.android, { artifact: 'android-stale', sha: OLD_SHA }],
    [HOSTILE_LEG, RUNS.hostile, { artifact: 'hostile' }]
  ]
  for (const [name, id, options] of legs) await world.leg(name, id, options)
}, 120_000)
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** A new folder holding these artifacts, one folder each, as download-artifact with a pattern leaves them. */
function download(...artifacts: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'matrix-download-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  for (const name of artifacts) {
    cpSync(join(world.artifacts, name), join(dir, name), { recursive: true })
  }
  return dir
}

const THREE = ['testerarmy-web', 'testerarmy-ios', 'testerarmy-android']

/** The gathering job on `dir`: every file in it matched, as `reports: <path>/**` would. */
function gather(
  dir: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
) {
  return world.gather({ reports: `${dir}/**`, ...inputs }, env)
}

const finalError = (result: ActionResult): string[] =>
  result.commands.filter(c => c.command === 'error' && !c.properties.title).map(c => c.message)

describe('a matrix gathered by dist/index.js under Node 24', () => {
  it('all legs pass: passes, one comment and one status, without a key or a request to TesterArmy', async () => {
    const before = world.testerArmyRequests()
    const result = await gather(download(...THREE))
    expect(result.code).toBe(0)
    expect(world.testerArmyRequests()).toBe(before)
    expect(result.outputs).toMatchObject({
      passed: 'true',
      status: 'completed',
      'reports-count': '3'
    })
    expect(JSON.parse(result.outputs.runs!).map((r: { leg: string }) => r.leg)).toEqual([
      'android',
      'ios',
      'web'
    ])
    expect(result.summary).toMatch(/^## ✅ TesterArmy: all 3 legs passed/)
    // The legs' CTRF and JUnit files were matched too, and skipped.
    expect(result.stdout).toContain(
      "testerarmy-web/testerarmy-report.ctrf.json: skipped (the action's own CTRF file)."
    )
    expect(world.statuses.at(-1)).toMatchObject({
      sha: SHA,
      state: 'success',
      context: 'TesterArmy'
    })
    expect(world.comments).toHaveLength(1)
    expect(world.comments[0]!.body).toMatch(/^<!-- testerarmy-action QA verdict reports -->/)
    for (const text of leftBehind(result)) {
      expect(text).not.toContain(KEY)
      expect(text).not.toContain(TOKEN)
    }
  })

  it.each([
    [
      'failed',
      'android-failed',
      '❌\u00a0failed',
      'leg android: the run FAILED with 3 issues',
      'failure'
    ],
    [
      'was cancelled',
      'android-cancelled',
      '⚠️\u00a0cancelled',
      'leg android: the run was cancelled',
      'error'
    ],
    [
      'timed out',
      'android-timed-out',
      '⚠️\u00a0timed\u00a0out',
      'leg android: the run did not finish before the timeout',
      'error'
    ]
  ])(
    'one leg %s: fails, saying which leg and why',
    async (_case, artifact, verdict, why, state) => {
      const result = await gather(download('testerarmy-web', 'testerarmy-ios', artifact))
      expect(result.code).toBe(1)
      expect(result.outputs.passed).toBe('false')
      expect(finalError(result)).toEqual([`TesterArmy verdict: failed: ${why}.`])
      expect(result.summary).toContain(`| android | ${verdict} | 1 |`)
      expect(world.statuses.at(-1)).toMatchObject({ sha: SHA, state })
      expect(world.comments).toHaveLength(1)
      expect(world.comments[0]!.body).toContain(`| android | ${verdict} | 1 |`)
    }
  )

  it('a leg missing, by count and by name: fails, naming what is missing', async () => {
    const dir = download('testerarmy-web', 'testerarmy-ios')
    const byCount = await gather(dir)
    expect(byCount.code).toBe(1)
    expect(finalError(byCount)).toEqual([
      'TesterArmy verdict: failed: expected 3 leg reports, found 2.'
    ])
    const byName = await gather(dir, { 'expected-reports': 'web, ios, android' })
    expect(byName.code).toBe(1)
    expect(finalError(byName)).toEqual([
      'TesterArmy verdict: failed: 1 leg did not report: android.'
    ])
    expect(byName.summary).toContain('| android | ❔\u00a0missing |')
    expect(world.comments[0]!.body).toContain('| android | ❔\u00a0missing |')
  })

  it('a leg re-run (attempt 1 failed, attempt 2 passed): passes on the latest attempt', async () => {
    const dir = download('testerarmy-web', 'testerarmy-ios', 'android-failed', 'android-attempt-2')
    const result = await gather(dir, {}, { GITHUB_RUN_ATTEMPT: '2' })
    expect(result.code).toBe(0)
    expect(result.outputs['reports-count']).toBe('3')
    expect(result.summary).toContain('| android | ✅\u00a0passed (attempt 2) |')
    expect(result.stdout).toContain(
      'android-failed/testerarmy-report.json: attempt 1 of leg android, replaced by a later attempt.'
    )
  })

  it('a stale report of another commit: refused by name, and the verdict fails', async () => {
    const result = await gather(download(...THREE, 'android-stale'))
    expect(result.code).toBe(1)
    expect(finalError(result)[0]).toMatch(
      /android-stale\/testerarmy-report\.json tested commit 111111111111, not 9c1e4f2a7b3d, which this workflow run tests: a stale report must not gate a new commit\.$/
    )
    expect(result.summary).toMatch(/^## ❌ TesterArmy: 1 report could not be used/)
    expect(world.statuses.at(-1)).toMatchObject({ sha: SHA, state: 'error' })
  })

  it('a file that is not a report: refused by name with its first problem', async () => {
    const dir = download(...THREE)
    writeFileSync(join(dir, 'testerarmy-web', 'notes.json'), '{"hello": "world"}')
    const result = await gather(dir)
    expect(result.code).toBe(1)
    expect(finalError(result)[0]).toMatch(
      /testerarmy-web\/notes\.json has no schemaVersion: not a report of this action/
    )
  })

  it('hostile text from a leg stays inert in the summary, the comment and the log', async () => {
    const result = await gather(download('testerarmy-web', 'testerarmy-ios', 'hostile'))
    expect(result.code).toBe(1)
    expectInert(githubHtml(result.summary))
    expectInert(githubHtml(world.comments[0]!.body))
    expect(world.comments[0]!.body).not.toMatch(/(?<![\\&#;\w])@octocat/)
    // Workflow commands as the runner reads them: none but the action's own.
    const commands = result.commands.map(c => c.command)
    expect(
      commands.filter(
        c => !['error', 'warning', 'notice', 'group', 'endgroup', 'debug', 'add-mask'].includes(c)
      )
    ).toEqual([])
    expect(result.commands.filter(c => c.command === 'add-mask').map(c => c.message)).toEqual([
      TOKEN
    ])
    expect(result.commands.some(c => /^(injected|x)\b/.test(c.message))).toBe(false)
    expect(finalError(result)).toHaveLength(1)
  })
})
