// retry-failed, on-flaky and the JUnit and CTRF files, as the runner runs dist/index.js under Node 24
// against the simulated TesterArmy API: what only the bundle shows (the runner's files, signals); the
// verdict's policy is in main.test.ts, the requests sent again in retries.test.ts (in-process).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { validate } from 'ctrf'
import { XMLValidator } from 'fast-xml-parser'
import { parse } from 'junit2json'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, startAction } from '../scripts/runner.mjs'
import {
  endless,
  failed,
  KEY,
  passed,
  retryScenario,
  run,
  runsOutput,
  startPaths,
  starts,
  TEST
} from './helpers/retry-scenario.js'
import { leftBehind } from './helpers/runner-output.js'

const NODE24 = findNode24().path
const TEST_B = 'd5b2f3e4-6c7a-4b8c-9d0e-1f2a3b4c5d6e'
const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
const BATCH = (n: number): string => `b0000000-0000-4000-8000-00000000000${n}`

/** A simulated run whose final body says other things about itself than `passed` does. */
const passedAs = (id: string, fields: Record<string, unknown>, testId: string | null = TEST) => {
  const simulated = passed(id, testId)
  return { ...simulated, final: { ...simulated.final, ...fields } }
}
const { simulate, act, keep } = retryScenario(options => runAction({ node: NODE24, ...options }))

describe('a saved test started again', () => {
  it('fails then passes: flaky, passes with a warning, every attempt in the outputs and files', async () => {
    const sim = await simulate({
      runs: { [run(1)]: failed(run(1)), [run(2)]: passed(run(2)) },
      tests: { [TEST]: [run(1), run(2)] }
    })
    const result = await act(sim, { 'test-id': TEST, 'retry-failed': '2', mode: 'fast' })
    expect(result.code).toBe(0)
    // The same request twice: the same body.
    expect(startPaths(sim)).toEqual([`/v1/tests/${TEST}/runs`, `/v1/tests/${TEST}/runs`])
    expect(starts(sim)[1]!.body).toEqual(starts(sim)[0]!.body)
    expect(result.outputs).toMatchObject({ passed: 'true', 'flaky-count': '1', result: 'PASS' })
    expect(runsOutput(result)).toEqual([
      expect.objectContaining({
        id: run(2),
        passed: true,
        flaky: true,
        attempts: [
          expect.objectContaining({ id: run(1), result: 'FAILED' }),
          expect.objectContaining({ id: run(2), result: 'PASS' })
        ]
      })
    ])
    const warning = result.commands.find(
      c => c.command === 'warning' && /flaky/i.test(c.properties.title ?? '')
    )!
    expect(warning.message).toContain(run(1))
    expect(warning.message).toContain('Pay button')
    // No error annotation: the run passed; its first attempt's issues are in the warning.
    expect(result.commands.filter(c => c.command === 'error')).toEqual([])
    const report = JSON.parse(result.report)
    expect(report.runs[0].attempts.map((a: { id: string }) => a.id)).toEqual([run(1), run(2)])
    expect(result.summary).toContain(run(1))
    expect(result.summary).toMatch(/flaky/i)

    // The JUnit file, read as a test reporter reads it; the CTRF file, validated.
    const xml = readFileSync(result.outputs['junit-path']!, 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const junit = (await parse(xml)) as { failures: number; errors: number }
    expect(junit).toMatchObject({ tests: 1, failures: 0, errors: 0 })
    expect(xml).toContain('<flakyFailure message="run 00000001')
    expect(xml).toContain('Pay button ]]&gt; &lt;b&gt;broken&lt;/b&gt;')
    const ctrf = JSON.parse(readFileSync(result.outputs['ctrf-path']!, 'utf8'))
    expect(validate(ctrf)).toEqual({ valid: true, errors: [] })
    expect(ctrf.results.tests[0]).toMatchObject({ status: 'passed', flaky: true, retries: 1 })
    for (const text of [...leftBehind(result), xml, JSON.stringify(ctrf)])
      expect(text).not.toContain(KEY)
  })
})

describe('retries inside the one timeout', () => {
  it('a cancel during a retry cancels the retry, and the step ends cancelled within 4 s', async () => {
    const sim = await simulate({
      runs: { [run(1)]: failed(run(1)), [run(2)]: endless(run(2)) },
      tests: { [TEST]: [run(1), run(2)] }
    })
    const { child, done } = startAction({
      node: NODE24,
      inputs: {
        'api-key': KEY,
        'api-url': sim.url,
        'poll-interval': '1s',
        'test-id': TEST,
        'retry-failed': '1'
      }
    })
    const until = Date.now() + 20_000
    while (!sim.requests.some(r => r.path.endsWith(`/runs/${run(2)}`)) && Date.now() < until)
      await new Promise(resolve => setTimeout(resolve, 25))
    const signalled = Date.now()
    child.kill('SIGINT')
    const result = keep(await done)
    expect(Date.now() - signalled).toBeLessThan(4_000)
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('cancelled')
    expect(sim.requests.filter(r => r.path.endsWith('/cancel')).map(r => r.path)).toEqual([
      `/api/v1/runs/${run(2)}/cancel`
    ])
  })
})

describe('a retry counts only as the same test on the same platform and device (issue 26)', () => {
  it.each([
    ['another platform', { platform: 'ios' }],
    ['another device', { deviceModel: 'ipad' }],
    ['another test', { testId: TEST_B }],
    ['another project', { projectId: '9e8d7c6b-5a49-4838-9271-605f4e3d2c1b' }]
  ])(
    'a run-id run started again whose new run reports %s: the first verdict stands, and the summary says why',
    async (_name, fields) => {
      const sim = await simulate({
        runs: { [run(1)]: failed(run(1)), [run(2)]: passedAs(run(2), fields) },
        tests: { [TEST]: [run(2)] }
      })
      const result = await act(sim, { 'run-id': run(1), 'retry-failed': '1' })
      expect(startPaths(sim)).toEqual([`/v1/tests/${TEST}/runs`])
      expect(result.code).toBe(1)
      expect(result.outputs).toMatchObject({ passed: 'false', 'flaky-count': '0' })
      expect(result.summary).toMatch(/not counted/)
    }
  )

  it('a group started again whose two members share a test: each new run goes to the member it repeats', async () => {
    // run(1): the test on the web, failed; run(2): the same test on iOS, passed. Started again
    // whole (target-url), the web run fails again and the iOS one passes, listed web first.
    const sim = await simulate({
      runs: {
        [run(1)]: failed(run(1)),
        [run(2)]: passedAs(run(2), { platform: 'ios' }),
        [run(3)]: failed(run(3)),
        [run(4)]: passedAs(run(4), { platform: 'ios' })
      },
      groups: {
        [GROUP]: [
          { batchId: BATCH(1), runIds: [run(1), run(2)] },
          { batchId: BATCH(2), runIds: [run(3), run(4)] }
        ]
      }
    })
    const result = await act(sim, {
      'group-id': GROUP,
      'retry-failed': '1',
      'target-url': 'https://pr-7.preview.test'
    })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ passed: 'false', 'flaky-count': '0' })
    const runs = runsOutput(result)
    expect(runs[0]!.attempts!.map(a => a.id)).toEqual([run(1), run(3)])
    expect(runs[1]!.attempts!.map(a => a.id)).toEqual([run(2), run(4)])
  })
})

describe('a cancel while a retry is being started (issue 26)', () => {
  /** The test's first run fails; its second start answers `delayMs` after it arrives. */
  async function cancelDuringRetryStart(delayMs: number) {
    let startsSeen = 0
    const sim = await simulate({
      runs: { [run(1)]: failed(run(1)), [run(2)]: endless(run(2)) },
      tests: { [TEST]: [run(1), run(2)] },
      answerDelayMs: ({ method, path }) =>
        method === 'POST' && path.endsWith(`/tests/${TEST}/runs`) && ++startsSeen === 2
          ? delayMs
          : 0
    })
    const { child, done } = startAction({
      node: NODE24,
      inputs: {
        'api-key': KEY,
        'api-url': sim.url,
        'poll-interval': '1s',
        'test-id': TEST,
        'retry-failed': '1'
      }
    })
    const until = Date.now() + 20_000
    while (starts(sim).length < 2 && Date.now() < until)
      await new Promise(resolve => setTimeout(resolve, 10))
    const signalled = Date.now()
    child.kill('SIGINT')
    const result = keep(await done)
    return { sim, result, seconds: (Date.now() - signalled) / 1000 }
  }

  it('the retry answers soon after: the run it started is cancelled, within 4 s', async () => {
    const { sim, result, seconds } = await cancelDuringRetryStart(500)
    expect(seconds).toBeLessThan(4)
    expect(result.outputs.status).toBe('cancelled')
    expect(sim.requests.filter(r => r.path.endsWith('/cancel')).map(r => r.path)).toEqual([
      `/api/v1/runs/${run(2)}/cancel`
    ])
  })

  it('the retry never answers: a line says a run may have started, within 4 s', async () => {
    const { result, seconds } = await cancelDuringRetryStart(30_000)
    expect(seconds).toBeLessThan(4)
    expect(result.outputs.status).toBe('cancelled')
    expect(result.stdout).toMatch(/may have started/)
    expect(result.summary).toMatch(/may have started/)
  })
})
