// retry-failed's rounds against a scripted API on a fake clock: which request starts each failed
// run again, what is waited for, and what is left for the report.
import { describe, expect, it } from '@jest/globals'
import type { GetRunResponse, RunsApi, StartApi, StartRunsResponse } from '../src/api/api-client.js'
import { parseRun } from '../src/api/run-response.js'
import type { RunOutcome } from '../src/model.js'
import { ownVerdictFailed } from '../src/verdict/build-report.js'
import { planRetries, retryFailed, runConfig, type SentStarts } from '../src/start/retry-failed.js'
import { FakeClock } from './helpers/fake-clock.js'
import { fixtureBody, outcomeOf } from './helpers/fixtures.js'

const policy = { failOn: 'failed' as const, minSeverity: 1 }
const TEST_A = 'aaaaaaaa-0000-4000-8000-00000000000a'
const TEST_B = 'bbbbbbbb-0000-4000-8000-00000000000b'
const TEST_C = 'cccccccc-0000-4000-8000-00000000000c'
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

const failedBody = (runId: string, testId: string | null = null) => ({
  ...fixtureBody('failed-with-issues'),
  id: runId,
  testId
})
const passedBody = (runId: string, testId: string | null = null) => ({
  ...fixtureBody('passed'),
  id: runId,
  testId
})

/** An API whose runs end at once on the body given, and whose starts answer in turn. */
function scriptedApi(bodies: Record<string, Record<string, unknown>>, starts: StartRunsResponse[]) {
  const calls: string[] = []
  const api: RunsApi & StartApi = {
    async getRun(runId): Promise<GetRunResponse> {
      calls.push(`GET ${runId}`)
      const body = bodies[runId]
      if (!body) return { kind: 'http-error', status: 404, message: 'HTTP 404', retryAfterMs: null }
      return { kind: 'run', run: parseRun(body), body }
    },
    async cancelRun() {
      return { kind: 'cancelled' }
    },
    async startRuns(kind, startId, body) {
      calls.push(`START ${kind} ${startId} ${JSON.stringify(body)}`)
      return (
        starts.shift() ?? {
          kind: 'http-error',
          status: 500,
          message: 'HTTP 500',
          retryAfterMs: null
        }
      )
    },
    async startAgent(project, body) {
      calls.push(`START agent ${project} ${JSON.stringify(body)}`)
      return (
        starts.shift() ?? {
          kind: 'http-error',
          status: 500,
          message: 'HTTP 500',
          retryAfterMs: null
        }
      )
    },
    async cancelBatch() {
      return { kind: 'cancelled', covered: [] }
    }
  }
  return { api, calls }
}

const quietLog = {
  statusChange: () => undefined,
  unknownStatus: () => undefined,
  retry: () => undefined,
  round: () => undefined,
  restarted: () => undefined,
  notRetried: () => undefined,
  roundEnd: () => undefined
}

async function retry(
  outcomes: RunOutcome[],
  sent: SentStarts,
  bodies: Record<string, Record<string, unknown>>,
  starts: StartRunsResponse[],
  retries = 2
) {
  const clock = new FakeClock()
  const { api, calls } = scriptedApi(bodies, starts)
  const retried = await retryFailed({
    retries,
    failed: outcome => ownVerdictFailed(outcome, policy),
    outcomes,
    sent,
    api: clock.track(api),
    clock,
    deadline: clock.now() + 600_000,
    pollIntervalMs: 1_000,
    signal: new AbortController().signal,
    log: quietLog,
    random: () => 0.5
  })
  return { retried, calls: calls.filter(c => c.startsWith('START')) }
}

const started = (runIds: string[], batchId?: string): StartRunsResponse => ({
  kind: 'started',
  runIds,
  cancelledRunIds: [],
  ...(batchId ? { batchId } : {})
})

describe('planRetries', () => {
  const none = () => null
  it('a group without targetUrl retries each failed member alone, carrying only what a test takes', () => {
    const sent: SentStarts = {
      start: {
        kind: 'group',
        id: 'g',
        body: { platform: 'web', projectEnvironmentId: 'e', commitSha: 'abc', prNumber: 4 },
        runIds: [id(1), id(2)]
      },
      agent: null
    }
    const plans = planRetries(
      [id(1)],
      sent,
      r => (r === id(1) ? TEST_A : null),
      () => undefined
    )
    expect(plans).toEqual([
      expect.objectContaining({
        kind: 'test',
        testId: TEST_A,
        body: { platform: 'web', projectEnvironmentId: 'e' }
      })
    ])
  })

  it('a run-id run by its test, with the platform, device and mode the run reports', () => {
    const run = {
      platform: 'ios',
      deviceModel: 'ipad',
      executionMode: 'fast'
    } as Parameters<typeof runConfig>[0]
    expect(runConfig(run)).toEqual({ platform: 'ios', deviceModel: 'ipad', mode: 'fast' })
    // Values a test's start does not take are left to the test's own defaults.
    expect(
      runConfig({ platform: 'tv', deviceModel: null, executionMode: 'turbo' } as never)
    ).toEqual({})
    const plans = planRetries(
      [id(1)],
      { start: null, agent: null },
      () => TEST_A,
      () => undefined,
      () => runConfig(run)
    )
    expect(plans).toEqual([
      expect.objectContaining({
        kind: 'test',
        testId: TEST_A,
        body: { platform: 'ios', deviceModel: 'ipad', mode: 'fast' },
        how: `its test ${TEST_A} (ios, ipad, fast, as it ran)`
      })
    ])
  })

  it('a run-id run without a test ID is not retried, and says why', () => {
    const why: string[] = []
    expect(planRetries([id(1)], { start: null, agent: null }, none, (_, w) => why.push(w))).toEqual(
      []
    )
    expect(why).toEqual(['the API gives no test ID for this run, so it could not be started again'])
  })
})

describe('retryFailed', () => {
  it('starts a failed test again with the same body until it passes', async () => {
    const sent: SentStarts = {
      start: { kind: 'test', id: TEST_A, body: { mode: 'fast' }, runIds: [id(1)] },
      agent: null
    }
    const { retried, calls } = await retry(
      [outcomeOf(failedBody(id(1), TEST_A))],
      sent,
      { [id(2)]: failedBody(id(2), TEST_A), [id(3)]: passedBody(id(3), TEST_A) },
      [started([id(2)]), started([id(3)])]
    )
    expect(calls).toEqual([
      `START test ${TEST_A} {"mode":"fast"}`,
      `START test ${TEST_A} {"mode":"fast"}`
    ])
    expect(retried.attempts.get(id(1))!.map(a => [a.outcome.id, a.counts])).toEqual([
      [id(2), true],
      [id(3), true]
    ])
  })

  it('a group with targetUrl starts again whole, once for all its failed members', async () => {
    const body = { targetUrl: 'https://preview.example', commitSha: 'abc' }
    const sent: SentStarts = {
      start: { kind: 'group', id: 'g', body, runIds: [id(1), id(2), id(3)] },
      agent: null
    }
    const { retried, calls } = await retry(
      [
        outcomeOf(failedBody(id(1), TEST_A)),
        outcomeOf(failedBody(id(2), TEST_B)),
        outcomeOf(passedBody(id(3), TEST_C))
      ],
      sent,
      {
        [id(11)]: passedBody(id(11), TEST_A),
        [id(12)]: failedBody(id(12), TEST_B),
        [id(13)]: failedBody(id(13), TEST_C),
        [id(21)]: passedBody(id(21), TEST_A),
        [id(22)]: passedBody(id(22), TEST_B),
        [id(23)]: passedBody(id(23), TEST_C)
      },
      [started([id(11), id(12), id(13)], id(100)), started([id(21), id(22), id(23)], id(200))]
    )
    expect(calls).toEqual([
      `START group g ${JSON.stringify(body)}`,
      `START group g ${JSON.stringify(body)}`
    ])
    // The passing member's second result is shown, and does not count.
    expect(retried.attempts.get(id(3))!.map(a => [a.outcome.id, a.counts])).toEqual([
      [id(13), false],
      [id(23), false]
    ])
    expect(retried.attempts.get(id(1))!.map(a => [a.outcome.id, a.counts])).toEqual([
      [id(11), true],
      [id(21), false]
    ])
    expect(retried.attempts.get(id(2))!.map(a => [a.outcome.id, a.counts])).toEqual([
      [id(12), true],
      [id(22), true]
    ])
    expect(retried.batches.map(b => b.batchId)).toEqual([id(100), id(200)])
  })

  it('a retry start that may have reached the API is not repeated; the run keeps its verdict', async () => {
    const sent: SentStarts = {
      start: null,
      agent: { projectId: 'shop', body: { targetUrl: 'https://x.example' }, runId: id(1) }
    }
    const { retried, calls } = await retry([outcomeOf(failedBody(id(1)))], sent, {}, [])
    expect(calls).toHaveLength(1)
    expect(retried.attempts.size).toBe(0)
    expect(retried.notes.get(id(1))).toMatch(
      /^the retry could not be started: starting the exploration agent again failed \(HTTP 500\); not retried/
    )
  })

  it('never retries a run that timed out, was cancelled or not found', async () => {
    const { calls } = await retry(
      [
        outcomeOf(failedBody(id(1), TEST_A), 'timed_out'),
        outcomeOf(failedBody(id(2), TEST_A), 'cancelled'),
        outcomeOf(failedBody(id(3), TEST_A), 'not_found')
      ],
      { start: null, agent: null },
      {},
      []
    )
    expect(calls).toEqual([])
  })
})
