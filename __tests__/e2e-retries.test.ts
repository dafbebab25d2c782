// retry-failed, on-flaky and the JUnit and CTRF files, as the runner runs dist/index.js under Node 24
// against the simulated TesterArmy API: what only the bundle shows (the requests sent again, the
// runner's files, signals); the verdict's policy is in main.test.ts.
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { validate } from 'ctrf'
import { XMLValidator } from 'fast-xml-parser'
import { parse } from 'junit2json'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, startAction, type ActionResult } from '../scripts/runner.mjs'
import { startSimulatedApi, type SimulatedRun } from '../scripts/simulated-api.mjs'
import { fixtureBody } from './helpers/fixtures.js'
import { leftBehind } from './helpers/runner-output.js'

const NODE24 = findNode24().path
const KEY = 'sk_live_retry_e2e_KEY_4242'
const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
const TEST_B = 'd5b2f3e4-6c7a-4b8c-9d0e-1f2a3b4c5d6e'
const TEST_C = 'e6c3a4f5-7d8b-4c9d-8e1f-2a3b4c5d6e7f'
const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
const PROJECT = 'shop-web'
const run = (n: number): string => `0000000${n}-0000-4000-8000-00000000000${n}`
const BATCH = (n: number): string => `b0000000-0000-4000-8000-00000000000${n}`

/** A FAILED run of `testId` whose texts are what an AI agent may write about a hostile page. */
function failed(id: string, testId: string | null = TEST): SimulatedRun {
  const body = fixtureBody('failed-with-issues')
  const issues = (body.output as { issues: Record<string, unknown>[] }).issues
  issues[0]!.name = 'Pay button ]]> <b>broken</b> \u0000\u0007 \ud800 & "quoted"'
  issues[0]!.description = `The page said ${KEY.slice(0, 8)} ]]><!-- and \u001b[31m`
  return { final: { ...body, id, testId }, before: ['running'] }
}
const passed = (id: string, testId: string | null = TEST): SimulatedRun => ({
  final: { ...fixtureBody('passed'), id, testId },
  before: ['running']
})
const endless = (id: string, testId: string | null = TEST): SimulatedRun => ({
  final: { ...fixtureBody('passed'), id, testId },
  endless: true
})

type Sim = Awaited<ReturnType<typeof startSimulatedApi>>
const sims: Sim[] = []
const results: ActionResult[] = []
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close()
  for (const result of results.splice(0)) result.cleanup()
})

async function simulate(options: Parameters<typeof startSimulatedApi>[0]): Promise<Sim> {
  const sim = await startSimulatedApi({ apiKey: KEY, ...options })
  sims.push(sim)
  return sim
}

/** Runs the bundle; `event` is the payload of the pull_request event that started the workflow. */
async function act(sim: Sim, inputs: Record<string, string>, event?: object) {
  const result = await runAction({
    node: NODE24,
    inputs: { 'api-key': KEY, 'api-url': sim.url, 'poll-interval': '1s', ...inputs },
    event
  })
  results.push(result)
  return result
}

const starts = (sim: Sim) =>
  sim.requests.filter(r => r.method === 'POST' && !r.path.endsWith('/cancel'))
const startPaths = (sim: Sim) => starts(sim).map(r => r.path.replace(/^\/api/, ''))
const finalError = (result: ActionResult) =>
  result.commands.filter(c => c.command === 'error' && !c.properties.title).map(c => c.message)
const runsOutput = (result: ActionResult) =>
  JSON.parse(result.outputs.runs!) as {
    id: string
    passed: boolean
    flaky?: boolean
    attempts?: { id: string; result: string }[]
  }[]

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

  it('fails every attempt: fails, naming both runs', async () => {
    const sim = await simulate({
      runs: { [run(1)]: failed(run(1)), [run(2)]: failed(run(2)) },
      tests: { [TEST]: [run(1), run(2)] }
    })
    const result = await act(sim, { 'test-id': TEST, 'retry-failed': '1' })
    expect(result.code).toBe(1)
    expect(startPaths(sim)).toHaveLength(2)
    expect(result.outputs).toMatchObject({ passed: 'false', 'flaky-count': '0' })
    expect(runsOutput(result)[0]!.attempts!.map(a => a.id)).toEqual([run(1), run(2)])
    expect(finalError(result)[0]).toMatch(/^TesterArmy verdict: failed: the run FAILED/)
    const junit = readFileSync(result.outputs['junit-path']!, 'utf8')
    expect(junit).toContain('<rerunFailure')
  })

  it('on-flaky: fail fails a run that failed, then passed', async () => {
    const sim = await simulate({
      runs: { [run(1)]: failed(run(1)), [run(2)]: passed(run(2)) },
      tests: { [TEST]: [run(1), run(2)] }
    })
    const result = await act(sim, { 'test-id': TEST, 'retry-failed': '1', 'on-flaky': 'fail' })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ passed: 'false', 'flaky-count': '1' })
    expect(finalError(result)[0]).toContain('flaky')
  })
})

describe('a group started again', () => {
  it('without target-url: only the failed members, alone by their tests', async () => {
    const sim = await simulate({
      runs: {
        [run(1)]: failed(run(1), TEST),
        [run(2)]: failed(run(2), TEST_B),
        [run(3)]: passed(run(3), TEST_C),
        [run(4)]: passed(run(4), TEST),
        [run(5)]: failed(run(5), TEST_B)
      },
      groups: { [GROUP]: { batchId: BATCH(1), runIds: [run(1), run(2), run(3)] } },
      tests: { [TEST]: run(4), [TEST_B]: run(5) }
    })
    const result = await act(sim, { 'group-id': GROUP, 'retry-failed': '1', platform: 'web' })
    expect(result.code).toBe(1)
    expect(startPaths(sim)).toEqual([
      `/v1/groups/${GROUP}/runs`,
      `/v1/tests/${TEST}/runs`,
      `/v1/tests/${TEST_B}/runs`
    ])
    // A test's start carries what the group's did, less the context (commit, pull request).
    expect(starts(sim)[1]!.body).toEqual({ platform: 'web' })
    expect(result.outputs['flaky-count']).toBe('1')
    expect(runsOutput(result).map(r => [r.id, r.passed, r.flaky ?? false])).toEqual([
      [run(4), true, true],
      [run(5), false, false],
      [run(3), true, false]
    ])
  })

  it('with target-url: the whole group again, with the same body', async () => {
    const sim = await simulate({
      runs: {
        [run(1)]: failed(run(1), TEST),
        [run(2)]: passed(run(2), TEST_B),
        [run(3)]: passed(run(3), TEST),
        [run(4)]: passed(run(4), TEST_B)
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
    expect(result.code).toBe(0)
    expect(startPaths(sim)).toEqual([`/v1/groups/${GROUP}/runs`, `/v1/groups/${GROUP}/runs`])
    expect(starts(sim)[1]!.body).toEqual(starts(sim)[0]!.body)
    expect(starts(sim)[0]!.body).toMatchObject({ targetUrl: 'https://pr-7.preview.test' })
    const runs = runsOutput(result)
    expect(runs.map(r => [r.id, r.passed, r.flaky ?? false])).toEqual([
      [run(3), true, true],
      [run(2), true, false]
    ])
    // The passing member's second result is shown beside its first.
    expect(runs[1]!.attempts!.map(a => a.id)).toEqual([run(2), run(4)])
  })
})

describe('the exploration agent started again', () => {
  it('sends the same pull-request run body', async () => {
    const sim = await simulate({
      runs: { [run(1)]: failed(run(1), null), [run(2)]: passed(run(2), null) },
      projects: { [PROJECT]: { runId: [run(1), run(2)] } }
    })
    const result = await act(
      sim,
      {
        'exploration-agent': 'true',
        'project-id': PROJECT,
        'target-url': 'https://pr-9.preview.test',
        'retry-failed': '1'
      },
      PULL_REQUEST_EVENT
    )
    expect(result.code).toBe(0)
    const agentStarts = starts(sim).filter(r => r.path.endsWith('/pull-request-runs'))
    expect(agentStarts).toHaveLength(2)
    expect(agentStarts[1]!.body).toEqual(agentStarts[0]!.body)
    expect(result.outputs['flaky-count']).toBe('1')
  })
})

describe('retries inside the one timeout', () => {
  it('a retry cut by the timeout leaves the first verdict and is cancelled', async () => {
    const sim = await simulate({
      runs: { [run(1)]: failed(run(1)), [run(2)]: endless(run(2)) },
      tests: { [TEST]: [run(1), run(2)] }
    })
    const result = await act(sim, { 'test-id': TEST, 'retry-failed': '2', timeout: '6s' })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'completed', result: 'FAILED', passed: 'false' })
    expect(startPaths(sim)).toHaveLength(2)
    expect(sim.requests.filter(r => r.path.endsWith('/cancel')).map(r => r.path)).toEqual([
      `/api/v1/runs/${run(2)}/cancel`
    ])
    expect(runsOutput(result)[0]).toMatchObject({ id: run(1), passed: false })
    expect(runsOutput(result)[0]!.attempts!.map(a => a.id)).toEqual([run(1), run(2)])
  })

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
    const result = await done
    results.push(result)
    expect(Date.now() - signalled).toBeLessThan(4_000)
    expect(result.code).not.toBe(0)
    expect(result.outputs.status).toBe('cancelled')
    expect(sim.requests.filter(r => r.path.endsWith('/cancel')).map(r => r.path)).toEqual([
      `/api/v1/runs/${run(2)}/cancel`
    ])
  })
})

/** A pull_request event for pull request #9 of acme/shop, as the runner writes it. */
const PULL_REQUEST_EVENT = {
  pull_request: {
    number: 9,
    title: 'Coupons',
    body: 'Adds coupons.',
    state: 'open',
    head: { ref: 'coupons', sha: 'a'.repeat(40) },
    base: { ref: 'main' }
  }
}
