// retry-failed and on-flaky, run() in-process as the runner plays it (helpers/in-process.ts) against
// the simulated TesterArmy API, in virtual time: the requests sent again and the verdicts. These
// cases once spawned dist/ in e2e-retries.test.ts, which keeps the runner's files and a signal.
import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'
import { readFileSync } from 'node:fs'
import type { ActionResult } from '../scripts/runner.mjs'
import { runInProcess } from './helpers/in-process.js'
import {
  endless,
  failed,
  passed,
  retryScenario,
  run,
  runsOutput,
  startPaths,
  starts,
  TEST
} from './helpers/retry-scenario.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run: runAction } = await import('../src/main.js')

const TEST_B = 'd5b2f3e4-6c7a-4b8c-9d0e-1f2a3b4c5d6e'
const TEST_C = 'e6c3a4f5-7d8b-4c9d-8e1f-2a3b4c5d6e7f'
const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
const PROJECT = 'shop-web'
const BATCH = (n: number): string => `b0000000-0000-4000-8000-00000000000${n}`

const { simulate, act } = retryScenario(options => runInProcess(runAction, options))

const finalError = (result: ActionResult) =>
  result.commands.filter(c => c.command === 'error' && !c.properties.title).map(c => c.message)

describe('a saved test started again', () => {
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

describe('a retry that is not the same test on the same platform and device (issue 26)', () => {
  it('a group whose two members are one test on one platform: its new runs cannot be told apart, the first verdict stands', async () => {
    const sim = await simulate({
      runs: {
        [run(1)]: failed(run(1), TEST),
        [run(2)]: passed(run(2), TEST),
        [run(3)]: passed(run(3), TEST),
        [run(4)]: passed(run(4), TEST)
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
      'retry-failed': '2',
      'target-url': 'https://pr-7.preview.test'
    })
    expect(result.code).toBe(1)
    // Started again once: a second try could not be told apart either.
    expect(startPaths(sim)).toHaveLength(2)
    expect(result.outputs).toMatchObject({ passed: 'false', 'flaky-count': '0' })
    expect(result.summary).toMatch(/more than one run of test/)
  })

  it('a saved test started again on another device: shown, not counted, the first verdict stands', async () => {
    const other = passed(run(2))
    const sim = await simulate({
      runs: {
        [run(1)]: failed(run(1)),
        [run(2)]: { ...other, final: { ...other.final, deviceModel: 'ipad' } }
      },
      tests: { [TEST]: [run(1), run(2)] }
    })
    const result = await act(sim, { 'test-id': TEST, 'retry-failed': '2' })
    expect(result.code).toBe(1)
    expect(startPaths(sim)).toHaveLength(2)
    expect(runsOutput(result)[0]).toMatchObject({ id: run(1), passed: false })
    expect(result.summary).toContain('not counted: device ipad')
    expect(result.stdout).toMatch(/its retry, run 00000002\S*, reports device ipad/)
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
