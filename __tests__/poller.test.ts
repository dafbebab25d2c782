import { afterEach, describe, expect, it } from '@jest/globals'
import { ApiClient, type RunsApi } from '../src/api/api-client.js'
import { pollRuns, type PollLog } from '../src/wait/poller.js'
import { startApiServer, scripted, type ApiServer, type Reply } from './helpers/api-server.js'
import { FakeClock } from './helpers/fake-clock.js'

const A = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
const B = '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70'
const MIN = 60_000
const run = (id: string, status: string, extra: object = {}): Reply => ({
  status: 200,
  body: { id, status, ...extra }
})
const times = (n: number, reply: Reply): Reply[] => Array.from({ length: n }, () => reply)

let server: ApiServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

interface Options {
  ids?: string[]
  intervalMs?: number
  timeoutMs?: number
  signal?: AbortSignal
  requestTimeoutMs?: number
}

async function poll(scripts: Record<string, Reply[]>, options: Options = {}) {
  const clock = new FakeClock()
  const start = clock.now()
  const requestTimes: number[] = []
  const answer = scripted(scripts)
  server = await startApiServer(request => {
    requestTimes.push(clock.now() - start)
    return answer(request)
  })
  const events: string[] = []
  const log: PollLog = {
    statusChange: (id, from, to, ms) =>
      events.push(`${id.slice(0, 1)}: ${from ?? '∅'} -> ${to} @${ms}`),
    unknownStatus: (id, status) => events.push(`${id.slice(0, 1)}: unknown ${status}`),
    retry: (id, message) => events.push(`${id.slice(0, 1)}: retry ${message}`)
  }
  const result = await pollRuns({
    runIds: options.ids ?? Object.keys(scripts),
    api: clock.track(new ApiClient({ apiUrl: server.url, apiKey: 'poller-test-key' })),
    clock,
    log,
    pollIntervalMs: options.intervalMs ?? 5_000,
    deadline: start + (options.timeoutMs ?? 30 * MIN),
    signal: options.signal,
    random: () => 0.5,
    requestTimeoutMs: options.requestTimeoutMs ?? 200
  })
  return {
    ...result,
    events,
    clock,
    elapsed: clock.now() - start,
    requests: server.requests,
    requestTimes
  }
}

describe('pollRuns', () => {
  it('follows a run from queued to completed, logging each change once', async () => {
    const { outcomes, events, elapsed, requests } = await poll({
      [A]: [
        run(A, 'queued'),
        run(A, 'queued'),
        run(A, 'running'),
        run(A, 'running'),
        run(A, 'completed', { output: { result: 'PASS' } })
      ]
    })
    expect(outcomes).toEqual([
      expect.objectContaining({ id: A, status: 'completed', lastStatus: 'completed', error: null })
    ])
    expect(events).toEqual([
      '3: ∅ -> queued @0',
      '3: queued -> running @10000',
      '3: running -> completed @20000'
    ])
    expect(requests).toHaveLength(5)
    expect(elapsed).toBe(20_000)
  })

  it('keeps the body as received for the report', async () => {
    const { outcomes } = await poll({
      [A]: [run(A, 'failed', { error: { code: 'X', message: 'boom' }, extra: [1] })]
    })
    expect(outcomes[0]).toMatchObject({
      status: 'failed',
      body: { extra: [1] },
      run: { error: { code: 'X', message: 'boom' } }
    })
  })

  it('waits for several runs at once, each to its own end, with requests spread over the interval', async () => {
    const { outcomes, requests, clock } = await poll({
      [A]: [run(A, 'running'), run(A, 'completed')],
      [B]: [run(B, 'queued'), run(B, 'running'), run(B, 'running'), run(B, 'cancelled')]
    })
    expect(outcomes.map(o => [o.id, o.status])).toEqual([
      [A, 'completed'],
      [B, 'cancelled']
    ])
    expect(requests).toHaveLength(6)
    // B's first request waits half an interval, so the two runs never ask in the same instant.
    expect(clock.sleeps.slice(0, 1)).toEqual([2_500])
  })

  it('sends at most one request per run per interval in steady state', async () => {
    const { requests, elapsed } = await poll({
      [A]: [...times(12, run(A, 'running')), run(A, 'completed')]
    })
    expect(requests).toHaveLength(13)
    expect(elapsed).toBe(60_000)
  })

  it('survives a single blip of every kind without ending the wait', async () => {
    const blips: Reply[] = [
      { status: 500, body: { error: 'x', message: 'internal' } },
      { status: 502, body: '<html><title>Bad Gateway</title></html>' },
      { status: 503, body: '' },
      { status: 504, body: { error: 'timeout', message: 'test execution exceeded time limit' } },
      'reset',
      'cut',
      'hang',
      { status: 200, body: 'not json' },
      { status: 200, body: { hello: 'world' } },
      { status: 429, body: { error: 'rate', message: 'slow' }, headers: { 'retry-after': '1' } }
    ]
    for (const blip of blips) {
      const { outcomes, events } = await poll({
        [A]: [run(A, 'running'), blip, run(A, 'completed')]
      })
      expect(outcomes[0]?.status).toBe('completed')
      expect(events.filter(e => e.includes('retry'))).toHaveLength(1)
      await server?.close()
      server = undefined
    }
  })

  it('gives up on a run still 404 after the 60 s grace window', async () => {
    const { outcomes, elapsed } = await poll({}, { ids: [A] })
    expect(outcomes[0]).toMatchObject({
      status: 'not_found',
      error: expect.stringContaining('Run not found')
    })
    expect(elapsed).toBeGreaterThanOrEqual(MIN)
    expect(elapsed).toBeLessThan(2 * MIN)
  })

  it('accepts a run that appears within the grace window', async () => {
    const notYet: Reply = { status: 404, body: { error: 'not_found', message: 'Run not found' } }
    const { outcomes } = await poll({ [A]: [notYet, notYet, run(A, 'completed')] })
    expect(outcomes[0]?.status).toBe('completed')
  })

  it('stops every run at once when the key is rejected', async () => {
    const { outcomes, fatal, requests } = await poll({
      [A]: [{ status: 401, body: { error: 'unauthorized', message: 'Invalid API key' } }],
      [B]: times(100, run(B, 'running'))
    })
    expect(fatal).toContain('rejected the API key (HTTP 401: Invalid API key)')
    expect(outcomes.map(o => o.status)).toEqual(['error', 'error'])
    expect(requests.length).toBeLessThanOrEqual(2)
  })

  it('times out with the last status and the last error', async () => {
    const gatewayTimeout: Reply = {
      status: 504,
      body: { error: 'timeout', message: 'test execution exceeded time limit' }
    }
    const { outcomes, elapsed } = await poll(
      { [A]: [run(A, 'running'), gatewayTimeout] },
      { timeoutMs: 5 * MIN }
    )
    expect(outcomes[0]).toMatchObject({
      status: 'timed_out',
      lastStatus: 'running',
      error: expect.stringContaining('test execution exceeded time limit')
    })
    expect(elapsed).toBe(5 * MIN)
  })

  it('clears the last error once the API answers again', async () => {
    const { outcomes } = await poll(
      { [A]: [{ status: 500, body: '' }, run(A, 'running')] },
      { timeoutMs: MIN }
    )
    expect(outcomes[0]).toMatchObject({ status: 'timed_out', lastStatus: 'running', error: null })
  })

  it('never polls forever when the API keeps failing: the timeout bounds everything', async () => {
    const { outcomes, elapsed, requests } = await poll(
      { [A]: [{ status: 503, body: '' }] },
      { timeoutMs: 10 * MIN }
    )
    expect(outcomes[0]?.status).toBe('timed_out')
    expect(elapsed).toBe(10 * MIN)
    // Backing off up to 60 s between tries: about one try a minute, not one per interval.
    expect(requests.length).toBeGreaterThan(8)
    expect(requests.length).toBeLessThan(30)
  })

  it('slows every run when one is rate limited', async () => {
    const limited: Reply = {
      status: 429,
      body: { error: 'rate', message: 'slow' },
      headers: { 'retry-after': '40' }
    }
    const { requestTimes } = await poll({
      [A]: [run(A, 'running'), limited, run(A, 'completed')],
      [B]: [run(B, 'running'), run(B, 'running'), run(B, 'running'), run(B, 'completed')]
    })
    // A is limited at 5 s for 40 s. B, already asleep until 7.5 s, wakes, sees the limit and holds
    // off too, until it ends plus its offset, so the two do not resume in one burst.
    expect(requestTimes).toEqual([0, 2_500, 5_000, 45_000, 47_500, 52_500, 57_500])
  })

  it('warns once per unknown status and keeps waiting', async () => {
    const { outcomes, events } = await poll({
      [A]: [run(A, 'provisioning'), run(A, 'provisioning'), run(A, 'completed')]
    })
    expect(events.filter(e => e.includes('unknown'))).toEqual(['3: unknown provisioning'])
    expect(outcomes[0]?.status).toBe('completed')
  })

  it('checks every run at least once when poll-interval is longer than the timeout', async () => {
    const C = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
    const { outcomes, requests } = await poll(
      { [A]: [run(A, 'completed')], [B]: [run(B, 'completed')], [C]: [run(C, 'completed')] },
      { intervalMs: 60_000, timeoutMs: 10_000 }
    )
    expect(outcomes.map(o => o.status)).toEqual(['completed', 'completed', 'completed'])
    expect(requests).toHaveLength(3)
  })

  it('says the API never answered when the only request is cut off by the timeout', async () => {
    // A dead API: every request hangs until its timer, which the deadline has shortened.
    const clock = new FakeClock()
    const start = clock.now()
    const api: RunsApi = {
      getRun: async (_id, options) => {
        clock.time += options?.timeoutMs ?? 0
        return {
          kind: 'network-error',
          timedOut: true,
          mayHaveArrived: true,
          message: `no answer from the API within ${options?.timeoutMs} ms`
        }
      },
      cancelRun: async () => ({ kind: 'cancelled' })
    }
    const result = await pollRuns({
      runIds: [A],
      api,
      clock,
      log: {
        statusChange: () => undefined,
        unknownStatus: () => undefined,
        retry: () => undefined
      },
      pollIntervalMs: 5_000,
      deadline: start + 2_000,
      random: () => 0.5
    })
    expect(result.outcomes[0]).toMatchObject({
      status: 'timed_out',
      error: 'no answer from the API within 2000 ms'
    })
  })

  it('waits once for run IDs that differ only in case', async () => {
    const { outcomes, requests } = await poll(
      { [A]: [run(A, 'completed')] },
      { ids: [A, A.toUpperCase()] }
    )
    expect(outcomes.map(o => o.id)).toEqual([A])
    expect(requests).toHaveLength(1)
  })

  it('ends at once when the caller aborts, marking unfinished runs cancelled', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const { outcomes } = await poll(
      { [A]: ['hang'] },
      { signal: controller.signal, requestTimeoutMs: 60_000 }
    )
    expect(outcomes[0]).toMatchObject({ status: 'cancelled', cancelledByUser: true })
  })
})

describe('the fault matrix', () => {
  const error = (status: number, message: string, headers?: Record<string, string>): Reply => ({
    status,
    body: { error: 'e', message },
    headers
  })
  const inAMinute = () => new Date(Date.now() + 60_000).toUTCString()

  // [row, fault, the wait chosen after it (ms; interval 5 s, jitter 0.5), message fragment]
  const transient: [string, () => Reply, number, string][] = [
    [
      '429 with Retry-After in seconds',
      () => error(429, 'Usage limit exceeded', { 'retry-after': '20' }),
      20_000,
      'rate limiting'
    ],
    [
      '429 with Retry-After as an HTTP date',
      () => error(429, 'Usage limit exceeded', { 'retry-after': inAMinute() }),
      60_000,
      'rate limiting'
    ],
    ['429 without Retry-After', () => error(429, 'Usage limit exceeded'), 7_500, 'rate limiting'],
    ['500', () => error(500, 'Internal Server Error'), 7_500, 'HTTP 500: Internal Server Error'],
    ['502', () => ({ status: 502, body: '' }), 7_500, 'HTTP 502'],
    ['503', () => ({ status: 503, body: '' }), 7_500, 'HTTP 503'],
    [
      '504',
      () => error(504, 'test execution exceeded time limit'),
      7_500,
      'test execution exceeded time limit'
    ],
    ['connection reset', () => 'reset', 7_500, 'reset'],
    ['connection cut mid-body', () => 'cut', 7_500, 'closed before the response ended'],
    [
      'request hanging past its timeout',
      () => 'hang',
      7_500,
      'no answer from the API within 200 ms'
    ],
    ['a body that is not JSON', () => ({ status: 200, body: 'OK' }), 7_500, 'not JSON'],
    [
      'an HTML error page from a proxy',
      () => ({ status: 503, body: '<html><head><title>Service Unavailable</title></head></html>' }),
      7_500,
      'an HTML page titled "Service Unavailable"'
    ],
    ['JSON that is not a run', () => ({ status: 200, body: { data: [] } }), 7_500, 'no run status'],
    ['404 inside the grace window', () => error(404, 'Run not found'), 7_500, 'not visible yet']
  ]

  it.each(transient)(
    '%s: waits as the policy says, then goes on',
    async (_row, fault, wait, message) => {
      const { outcomes, events, requestTimes } = await poll({
        [A]: [run(A, 'running'), fault(), run(A, 'completed')]
      })
      expect(outcomes[0]?.status).toBe('completed')
      expect(events.find(e => e.includes('retry'))).toContain(message)
      const gap = requestTimes[2]! - requestTimes[1]!
      // An HTTP date has one-second resolution and is read against the real clock.
      if (wait === 60_000) expect(Math.abs(gap - wait)).toBeLessThanOrEqual(2_000)
      else expect(gap).toBe(wait)
    }
  )

  it('connection refused: retried until the timeout, then timed_out with that error', async () => {
    const clock = new FakeClock()
    const { REFUSED_PORT: port } = await import('./helpers/api-server.js')
    const result = await pollRuns({
      runIds: [A],
      api: clock.track(new ApiClient({ apiUrl: `http://127.0.0.1:${port}/api`, apiKey: 'k' })),
      clock,
      log: {
        statusChange: () => undefined,
        unknownStatus: () => undefined,
        retry: () => undefined
      },
      pollIntervalMs: 5_000,
      deadline: clock.now() + 5 * MIN,
      random: () => 0.5
    })
    expect(result.outcomes[0]).toMatchObject({
      status: 'timed_out',
      lastStatus: null,
      error: 'the API refused the connection (ECONNREFUSED)'
    })
  })

  it('404 beyond the grace window: not_found', async () => {
    const { outcomes } = await poll({ [A]: [error(404, 'Run not found')] })
    expect(outcomes[0]?.status).toBe('not_found')
  })

  it.each([
    [401, 'rejected the API key'],
    [403, 'rejected the API key'],
    [400, 'rejected the request']
  ])('%d ends the wait at once, without retrying', async (status, message) => {
    const { outcomes, fatal, requests } = await poll({ [A]: [error(status, 'no')] })
    expect(fatal).toContain(message)
    expect(outcomes[0]?.status).toBe('error')
    expect(requests).toHaveLength(1)
  })

  it.each([
    [301, 'https://tester.army/api/'],
    [302, 'https://login.example.com/'],
    [307, 'https://tester.army/v2/'],
    [308, 'https://tester.army/api/'],
    [410, null]
  ])(
    '%d fails at once, naming where it points, instead of retrying until the timeout',
    async (status, location) => {
      const { outcomes, fatal, requests } = await poll({
        [A]: [{ status, body: '', headers: location ? { location } : {} }]
      })
      expect(requests).toHaveLength(1)
      expect(outcomes[0]?.status).toBe('error')
      expect(fatal).toContain(`HTTP ${status}`)
      expect(fatal).toContain('check the api-url input')
      if (location) expect(fatal).toContain(`HTTP ${status} to ${location}`)
    }
  )

  it('an answer over the size cap is "too large", not downloaded again, and ends that run only', async () => {
    const { Limits } = await import('../src/constants.js')
    const big = 'x'.repeat(1024 * 1024)
    const { createServer } = await import('node:http')
    let gets = 0
    const huge = createServer((req, res) => {
      gets += 1
      res.writeHead(200, { 'content-type': 'application/json' })
      // No Content-Length: the cap must hold while streaming, too.
      const chunks = Math.ceil(Limits.maxResponseBytes / big.length) + 2
      let sent = 0
      const pump = (): void => {
        while (sent < chunks) {
          sent += 1
          if (!res.write(big)) return void res.once('drain', pump)
        }
        res.end()
      }
      res.on('error', () => undefined)
      pump()
    })
    await new Promise<void>(resolve => huge.listen(0, '127.0.0.1', resolve))
    const port = (huge.address() as { port: number }).port
    const clock = new FakeClock()
    try {
      const result = await pollRuns({
        runIds: [A],
        api: clock.track(new ApiClient({ apiUrl: `http://127.0.0.1:${port}/api`, apiKey: 'k' })),
        clock,
        log: {
          statusChange: () => undefined,
          unknownStatus: () => undefined,
          retry: () => undefined
        },
        pollIntervalMs: 5_000,
        deadline: clock.now() + 5 * MIN,
        random: () => 0.5,
        requestTimeoutMs: 20_000
      })
      expect(result.outcomes[0]).toMatchObject({
        status: 'error',
        error: expect.stringContaining('larger than 128 MB')
      })
      expect(gets).toBe(1)
    } finally {
      huge.closeAllConnections()
      await new Promise(resolve => huge.close(resolve))
    }
  })

  it('backs off exponentially with jitter under repeated faults, resetting after a success', async () => {
    const down = error(503, 'down')
    const { requestTimes } = await poll({
      [A]: [down, down, down, down, down, run(A, 'running'), down, run(A, 'completed')]
    })
    const gaps = requestTimes.slice(1).map((t, n) => t - requestTimes[n]!)
    // jitter 0.5: 5 s + half of (min(60 s, 5 s · 2^n) − 5 s)
    expect(gaps).toEqual([7_500, 12_500, 22_500, 32_500, 32_500, 5_000, 7_500])
  })
})
