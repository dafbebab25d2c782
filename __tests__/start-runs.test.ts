import { afterEach, describe, expect, it } from '@jest/globals'
import { ApiClient, type StartRunsResponse } from '../src/api/api-client.js'
import { systemClock } from '../src/clock.js'
import { canRetryStart, startBody, startRuns } from '../src/start/start-runs.js'
import { REFUSED_PORT, startApiServer, type ApiServer, type Reply } from './helpers/api-server.js'
import { FakeClock } from './helpers/fake-clock.js'

const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
const RUN = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
const RUN2 = '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70'
const context = { sha: '9c1e4f2aa', prNumber: 482 }

let server: ApiServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('startBody', () => {
  it('sends a test run only what it takes', () => {
    expect(
      startBody(
        {
          kind: 'test',
          id: TEST,
          mode: 'deep',
          platform: 'ios',
          deviceModel: 'ipad',
          appId: RUN,
          environmentId: RUN2
        },
        context
      )
    ).toEqual({
      platform: 'ios',
      deviceModel: 'ipad',
      projectEnvironmentId: RUN2,
      mode: 'deep',
      appId: RUN
    })
  })

  it('sends a group run the commit and pull request, and the app under mobile', () => {
    expect(
      startBody(
        {
          kind: 'group',
          id: GROUP,
          targetUrl: 'https://preview.example.com/',
          environment: 'preview',
          appId: RUN
        },
        context
      )
    ).toEqual({
      targetUrl: 'https://preview.example.com/',
      environment: 'preview',
      mobile: { appId: RUN },
      commitSha: '9c1e4f2aa',
      prNumber: 482
    })
    expect(startBody({ kind: 'group', id: GROUP }, { sha: 'abc', prNumber: null })).toEqual({
      commitSha: 'abc'
    })
  })
})

describe('canRetryStart', () => {
  const net = (mayHaveArrived: boolean, timedOut = false): StartRunsResponse => ({
    kind: 'network-error',
    message: 'x',
    timedOut,
    mayHaveArrived
  })
  const http = (status: number): StartRunsResponse => ({
    kind: 'http-error',
    status,
    message: 'x',
    retryAfterMs: null
  })
  it.each([
    ['a refused connection (never sent)', net(false), true],
    ['a reset after sending', net(true), false],
    ['a timeout', net(true, true), false],
    ['429', http(429), true],
    ['503', http(503), true],
    ['500', http(500), false],
    ['502', http(502), false],
    ['504', http(504), false],
    [
      'a 202 whose body is not JSON',
      { kind: 'invalid-body', message: 'x' } as StartRunsResponse,
      false
    ]
  ])('%s: retry %s', (_name, answer, retry) => expect(canRetryStart(answer)).toBe(retry))
})

describe('startRuns against a real server', () => {
  async function start(replies: Reply[], kind: 'test' | 'group' = 'test', timeoutMs = 60_000) {
    let n = 0
    server = await startApiServer(() => replies[Math.min(n++, replies.length - 1)] as Reply)
    const clock = new FakeClock()
    const retries: string[] = []
    const outcome = await startRuns({
      api: new ApiClient({ apiUrl: server.url, apiKey: 'start-test-key' }),
      request:
        kind === 'test'
          ? { kind: 'test', id: TEST, mode: 'fast' }
          : { kind: 'group', id: GROUP, environment: 'preview' },
      context,
      clock,
      deadline: clock.now() + timeoutMs,
      pollIntervalMs: 5_000,
      random: () => 0.5,
      onRetry: message => retries.push(message)
    })
    return { outcome, retries, requests: server.requests }
  }

  it('POSTs to /v1/tests/{id}/runs with a JSON body and returns the run', async () => {
    const { outcome, requests } = await start([
      { status: 202, body: { status: 'queued', runId: RUN, testId: TEST } }
    ])
    expect(outcome).toMatchObject({
      kind: 'started',
      runIds: [RUN],
      cancelledRunIds: [],
      answer: expect.anything()
    })
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: `/api/v1/tests/${TEST}/runs`,
      body: '{"mode":"fast"}'
    })
    expect(requests[0]!.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer start-test-key'
    })
  })

  it('returns every run of a group, and those the API cancelled at once', async () => {
    const body = {
      status: 'queued',
      groupId: GROUP,
      batchId: RUN,
      runIds: [RUN, RUN2],
      queuedRunIds: [RUN],
      cancelledRunIds: [RUN2],
      count: 2
    }
    const { outcome, requests } = await start([{ status: 202, body }], 'group')
    expect(outcome).toMatchObject({
      kind: 'started',
      runIds: [RUN, RUN2],
      cancelledRunIds: [RUN2],
      batchId: RUN
    })
    expect(JSON.parse(requests[0]!.body)).toEqual({
      environment: 'preview',
      commitSha: '9c1e4f2aa',
      prNumber: 482
    })
  })

  it('a redirect fails at once, naming where it points and the api-url input', async () => {
    const { outcome, requests } = await start([
      { status: 308, body: '', headers: { location: 'https://tester.army/api/v2/tests' } }
    ])
    expect(requests).toHaveLength(1)
    expect(outcome).toEqual({
      kind: 'failed',
      message: expect.stringMatching(
        /\(HTTP 308 to https:\/\/tester\.army\/api\/v2\/tests\); check the api-url input/
      )
    })
  })

  it('retries a 503 and a 429 (after its Retry-After), which started nothing', async () => {
    const { outcome, retries, requests } = await start([
      { status: 503, body: { error: 'unavailable', message: 'try later' } },
      { status: 429, body: { error: 'rate', message: 'slow' }, headers: { 'retry-after': '12' } },
      { status: 202, body: { status: 'queued', runId: RUN, testId: TEST } }
    ])
    expect(outcome.kind).toBe('started')
    expect(requests).toHaveLength(3)
    expect(retries).toEqual(['HTTP 503: try later', 'HTTP 429: slow'])
  })

  it.each([
    ['a 500', { status: 500, body: { error: 'x', message: 'boom' } } as Reply],
    [
      'a 502 from a proxy',
      { status: 502, body: '<html><title>Bad Gateway</title></html>' } as Reply
    ],
    ['a reset after sending', 'reset' as Reply]
  ])('never repeats a start after %s, which may have started a run', async (_name, reply) => {
    const { outcome, requests } = await start([
      reply,
      { status: 202, body: { status: 'queued', runId: RUN, testId: TEST } }
    ])
    expect(outcome.kind === 'failed' && outcome.message).toContain(
      'not retried, because the request may have reached TesterArmy'
    )
    expect(requests).toHaveLength(1)
  })

  it('retries a refused connection, which never reached the API, until the timeout', async () => {
    const port = REFUSED_PORT
    const clock = new FakeClock()
    const client = new ApiClient({ apiUrl: `http://127.0.0.1:${port}/api`, apiKey: 'k' })
    const retries: string[] = []
    const outcome = await startRuns({
      api: client,
      request: { kind: 'test', id: TEST },
      context,
      clock,
      deadline: clock.now() + 60_000,
      pollIntervalMs: 5_000,
      random: () => 0.5,
      onRetry: m => retries.push(m)
    })
    expect(outcome).toEqual({
      kind: 'failed',
      message: expect.stringMatching(
        /^could not start a run of test .* before the timeout \(last error: the API refused the connection/
      ),
      timedOut: true
    })
    expect(retries.length).toBeGreaterThan(1)
  })

  it('the timeout already reached: nothing is sent', async () => {
    const { outcome, requests } = await start(
      [{ status: 202, body: { status: 'queued', runId: RUN, testId: TEST } }],
      'test',
      0
    )
    expect(outcome).toEqual({
      kind: 'failed',
      message: expect.stringMatching(
        /^the timeout was reached before a run of test .* could be started; nothing was sent$/
      ),
      timedOut: true
    })
    expect(requests).toEqual([])
  })

  it('no answer before the step timeout: a timeout that may have started a run, not an error', async () => {
    server = await startApiServer(() => 'hang')
    const outcome = await startRuns({
      api: new ApiClient({ apiUrl: server.url, apiKey: 'k' }),
      request: { kind: 'test', id: TEST },
      context,
      // Real time: the request is cut at the deadline, 300 ms from now.
      clock: systemClock,
      deadline: Date.now() + 300,
      pollIntervalMs: 5_000
    })
    expect(outcome).toEqual({
      kind: 'failed',
      message: expect.stringMatching(
        /^the timeout was reached while starting a run of test .*; the request may have reached TesterArmy and started a run: check the TesterArmy dashboard$/
      ),
      timedOut: true
    })
    expect(server.requests).toHaveLength(1)
  })

  it.each([
    [404, 'check the test ID and that the API key belongs to its team'],
    [401, 'check the api-key input'],
    [400, 'check the inputs passed to the start request']
  ])('ends at once on %d, saying what to check', async (status, hint) => {
    const { outcome, requests } = await start([{ status, body: { error: 'e', message: 'no' } }])
    expect(outcome.kind === 'failed' && outcome.message).toContain(hint)
    expect(requests).toHaveLength(1)
  })

  it('refuses a 202 without a run ID, or with one that is not a UUID', async () => {
    expect((await start([{ status: 202, body: { status: 'queued' } }])).outcome.kind).toBe('failed')
    await server?.close()
    expect(
      (await start([{ status: 202, body: { status: 'queued', runId: '../../etc' } }])).outcome.kind
    ).toBe('failed')
  })

  it('stops when the workflow is cancelled while waiting to retry', async () => {
    server = await startApiServer(() => ({ status: 503, body: '' }))
    const controller = new AbortController()
    const clock = new FakeClock()
    const sleeping = clock.sleep.bind(clock)
    clock.sleep = (ms, signal) => {
      controller.abort()
      return sleeping(ms, signal)
    }
    const outcome = await startRuns({
      api: new ApiClient({ apiUrl: server.url, apiKey: 'k' }),
      request: { kind: 'test', id: TEST },
      context,
      clock,
      deadline: clock.now() + 60_000,
      pollIntervalMs: 5_000,
      signal: controller.signal
    })
    // The refused request started nothing: no run may have started.
    expect(outcome).toEqual({ kind: 'aborted', mayHaveStarted: false })
  })

  /** A start whose answer comes `delayMs` after it arrives; the runner cancels as it arrives. */
  async function cancelledInFlight(delayMs: number) {
    const controller = new AbortController()
    server = await startApiServer(async () => {
      controller.abort()
      await new Promise(resolve => setTimeout(resolve, delayMs).unref())
      return { status: 202, body: { status: 'queued', runId: RUN, testId: TEST } }
    })
    const clock = new FakeClock()
    const started = Date.now()
    const outcome = await startRuns({
      api: new ApiClient({ apiUrl: server.url, apiKey: 'k' }),
      request: { kind: 'test', id: TEST },
      context,
      clock,
      deadline: clock.now() + 60_000,
      pollIntervalMs: 5_000,
      signal: controller.signal
    })
    return { outcome, ms: Date.now() - started }
  }

  it('cancelled while the request is in flight: an answer within the grace names the run, to be cancelled', async () => {
    const { outcome } = await cancelledInFlight(100)
    expect(outcome).toMatchObject({ kind: 'started', runIds: [RUN] })
  })

  it('cancelled while the request is in flight: no answer within the grace, a run may have started', async () => {
    const { outcome, ms } = await cancelledInFlight(2_500)
    expect(outcome).toEqual({ kind: 'aborted', mayHaveStarted: true })
    expect(ms).toBeGreaterThanOrEqual(900)
    expect(ms).toBeLessThan(3_000)
  })
})
