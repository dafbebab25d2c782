// Starting the agent: a refused large body is tried once shorter; a request that may have started
// a run is never repeated; a request that started nothing is.
import { describe, expect, it } from '@jest/globals'
import type { StartRunsResponse } from '../src/api/api-client.js'
import { startAgent } from '../src/start/agent-start.js'
import type { ReadyAgentRequest } from '../src/model.js'
import { FakeClock } from './helpers/fake-clock.js'

const RUN = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
const request: ReadyAgentRequest = {
  projectId: 'shop',
  platform: 'web',
  targetUrl: 'https://p.test',
  prNumber: 0
}
const pr = {
  number: 42,
  title: 'Coupons',
  body: 'd'.repeat(9_000),
  baseBranch: 'main',
  headBranch: 'coupons',
  headSha: 'f'.repeat(40)
}
const started: StartRunsResponse = {
  kind: 'started',
  runIds: [RUN],
  cancelledRunIds: [],
  answer: { runId: RUN }
}
const http = (
  status: number,
  message = `HTTP ${status}`,
  retryAfterMs: number | null = null
): StartRunsResponse => ({
  kind: 'http-error',
  status,
  message,
  retryAfterMs
})

function run(
  answers: StartRunsResponse[],
  extra: { signal?: AbortSignal; timeoutMs?: number } = {}
) {
  const bodies: { targetUrl: string; pullRequest: { description?: string } }[] = []
  const retries: string[] = []
  const clock = new FakeClock()
  const outcome = startAgent({
    api: {
      startAgent: async (_project, body) => {
        bodies.push(body as (typeof bodies)[number])
        return answers[Math.min(bodies.length - 1, answers.length - 1)]!
      }
    },
    request,
    pr,
    targetUrl: request.targetUrl,
    clock,
    deadline: clock.now() + (extra.timeoutMs ?? 600_000),
    pollIntervalMs: 5_000,
    random: () => 0.5,
    signal: extra.signal,
    onRetry: message => retries.push(message)
  })
  return { outcome, bodies, retries }
}

describe('startAgent', () => {
  it('starts once and gives the run and the answer', async () => {
    const { outcome, bodies } = run([started])
    expect(await outcome).toEqual({
      kind: 'started',
      runId: RUN,
      answer: { runId: RUN },
      // What retry-failed sends again.
      body: bodies[0]
    })
    expect(bodies[0]!.pullRequest.description!.length).toBeLessThanOrEqual(5_000)
  })
  it.each([
    [http(413, 'HTTP 413: Request body too large')],
    [http(400, 'HTTP 400: pullRequest.description: too long')]
  ])('a too-large refusal is tried once more with 2,000 characters (%o)', async refusal => {
    const { outcome, bodies, retries } = run([refusal, started])
    // retry-failed sends again the body that started the run: the shorter one.
    expect(await outcome).toMatchObject({ kind: 'started', body: bodies[1] })
    expect(bodies).toHaveLength(2)
    expect(bodies[1]!.pullRequest.description!.length).toBeLessThanOrEqual(2_000)
    expect(retries[0]).toMatch(/cut to 2,000 characters/)
  })
  it('a second 413 ends the start', async () => {
    const { outcome, bodies } = run([http(413)])
    expect(await outcome).toEqual({
      kind: 'failed',
      message: expect.stringContaining('refused to start')
    })
    expect(bodies).toHaveLength(2)
  })
  it.each([
    [500, /not retried/],
    [502, /not retried/],
    [404, /check project-id/],
    [401, /api-key/],
    [400, /check the inputs/]
  ])('HTTP %i is never repeated', async (status, wording) => {
    const { outcome, bodies } = run([http(status)])
    expect(await outcome).toEqual({ kind: 'failed', message: expect.stringMatching(wording) })
    expect(bodies).toHaveLength(1)
  })
  it('a 429 or refused connection started nothing: tried again', async () => {
    const { outcome, bodies } = run([
      http(429, 'HTTP 429', 10_000),
      { kind: 'network-error', message: 'refused', timedOut: false, mayHaveArrived: false },
      started
    ])
    expect((await outcome).kind).toBe('started')
    expect(bodies).toHaveLength(3)
  })
  it('a timeout after sending is never repeated', async () => {
    const { outcome, bodies } = run([
      { kind: 'network-error', message: 'no answer', timedOut: true, mayHaveArrived: true }
    ])
    expect((await outcome).kind).toBe('failed')
    expect(bodies).toHaveLength(1)
  })
  it('gives up at the deadline, and stops when cancelled', async () => {
    expect(await run([http(503, 'HTTP 503', 120_000)], { timeoutMs: 60_000 }).outcome).toEqual({
      kind: 'failed',
      message: expect.stringContaining('before the timeout'),
      timedOut: true
    })
    const controller = new AbortController()
    controller.abort()
    // Cancelled before sending: nothing started. A request ended unanswered: a run may have.
    expect(await run([http(503)], { signal: controller.signal }).outcome).toEqual({
      kind: 'aborted',
      mayHaveStarted: false
    })
    expect(await run([{ kind: 'aborted' }]).outcome).toEqual({
      kind: 'aborted',
      mayHaveStarted: true
    })
  })
  it('an answer without a run is a failure', async () => {
    expect(await run([{ ...started, runIds: [] }]).outcome).toMatchObject({ kind: 'failed' })
  })
})
