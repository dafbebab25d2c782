// The wait for several runs of one project through the project's run list, against a real HTTP
// server on a fake clock: the requests it costs, and the same outcomes as reading each run by ID.
import { afterEach, describe, expect, it } from '@jest/globals'
import { ApiClient } from '../src/api/api-client.js'
import { pollRuns, type PollLog } from '../src/wait/poller.js'
import { startApiServer, type ApiServer, type Reply } from './helpers/api-server.js'
import { FakeClock } from './helpers/fake-clock.js'

const P = '5f0c8a8e-3b7d-4d35-9a51-2f7e1c9b6a10'
const Q = '0b6d3c57-2a52-4c55-9a55-3d1f0e0f5a11'
const id = (n: number): string => `3fa85f64-5717-4562-b3fc-${String(n).padStart(12, '0')}`
const [A, B, C] = [id(1), id(2), id(3)]
const MIN = 60_000

/** A run as the simulated API plays it: running until `endsAt` (ms into the wait), then its end. */
interface SimRun {
  endsAt: number
  project?: string | null
  status?: 'completed' | 'failed' | 'cancelled'
  /** Never on the list's pages (a list that filters it out). */
  unlisted?: boolean
}

type ListMode = { kind: 'outputs' | 'trimmed'; newer?: number } | { kind: 'refused'; reply: Reply }

const servers: ApiServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()))
})

async function wait(
  runs: Record<string, SimRun>,
  list: ListMode,
  options: { timeoutMs?: number; faults?: (path: string, n: number) => Reply | undefined } = {}
) {
  const clock = new FakeClock()
  const start = clock.now()
  const body = (runId: string, withOutput: boolean): Record<string, unknown> => {
    const run = runs[runId]!
    const over = clock.now() - start >= run.endsAt
    const status = over ? (run.status ?? 'completed') : 'running'
    const output =
      over && status !== 'cancelled'
        ? {
            featureName: `Feature ${runId.slice(-2)}`,
            result: status === 'failed' ? 'FAILED' : 'PASS',
            issues: [],
            steps: []
          }
        : null
    return {
      id: runId,
      status,
      projectId: run.project === undefined ? P : run.project,
      createdAt: '2026-12-06T21:00:00Z',
      ...(withOutput ? { output } : {})
    }
  }
  const times: { path: string; at: number }[] = []
  const server = await startApiServer(request => {
    times.push({ path: request.path, at: clock.now() - start })
    const fault = options.faults?.(request.path, times.length)
    if (fault) return fault
    const url = new URL(request.path, 'http://localhost')
    if (url.pathname.endsWith('/v1/runs')) {
      if (list.kind === 'refused') return list.reply
      const project = url.searchParams.get('projectId')
      const newer = Array.from({ length: list.newer ?? 0 }, (_, n) => ({
        id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
        status: 'running',
        projectId: project
      }))
      const ours = Object.keys(runs)
        .filter(r => !runs[r]!.unlisted && body(r, true).projectId === project)
        .reverse()
        .map(r => body(r, list.kind === 'outputs'))
      const all = [...newer, ...ours]
      const offset = Number(url.searchParams.get('cursor') ?? 0)
      const limit = Number(url.searchParams.get('limit'))
      const next = offset + limit < all.length ? String(offset + limit) : null
      return { status: 200, body: { runs: all.slice(offset, offset + limit), nextCursor: next } }
    }
    const runId = /\/v1\/runs\/([^/?]+)$/.exec(url.pathname)?.[1] ?? ''
    if (!runs[runId]) return { status: 404, body: { error: 'not_found', message: 'Run not found' } }
    return { status: 200, body: body(runId, true) }
  })
  servers.push(server)
  const events: string[] = []
  const fallbacks: string[] = []
  const log: PollLog = {
    statusChange: (runId, from, to) => events.push(`${runId.slice(-1)}: ${from ?? '∅'} -> ${to}`),
    unknownStatus: () => undefined,
    retry: (runId, message) => events.push(`${runId.slice(-1)}: retry ${message}`),
    listFallback: reason => fallbacks.push(reason),
    listRetry: (_project, count, message, delayMs) =>
      events.push(`list of ${count}: retry in ${delayMs} ${message}`)
  }
  const result = await pollRuns({
    runIds: Object.keys(runs),
    api: clock.track(new ApiClient({ apiUrl: server.url, apiKey: 'poller-test-key-0123' })),
    clock,
    log,
    pollIntervalMs: 5_000,
    deadline: start + (options.timeoutMs ?? 30 * MIN),
    random: () => 0.5,
    requestTimeoutMs: 200
  })
  const lists = times.filter(t => t.path.includes('/v1/runs?'))
  const gets = times.filter(t => !t.path.includes('/v1/runs?'))
  return { ...result, events, fallbacks, lists, gets, elapsed: clock.now() - start }
}

/** What the report is built from: each outcome, as reading every run by ID gives it. */
const perRun = (runs: Record<string, SimRun>, options = {}) =>
  wait(
    runs,
    { kind: 'refused', reply: { status: 404, body: { error: 'not_found', message: 'no' } } },
    options
  )

const byRun = (events: string[]) =>
  events.slice().sort((a, b) => a.slice(0, 1).localeCompare(b.slice(0, 1)))

describe('several runs of one project, through its run list', () => {
  const three: Record<string, SimRun> = {
    [A]: { endsAt: 12_300 },
    [B]: { endsAt: 21_100, status: 'failed' },
    [C]: { endsAt: 33_700, status: 'cancelled' }
  }

  it('reads the first run by ID, then the project a page per interval: the same outcomes for a fraction of the requests', async () => {
    const listed = await wait(three, { kind: 'outputs' })
    const alone = await perRun(three)
    expect(listed.outcomes).toEqual(alone.outcomes)
    expect(listed.outcomes.map(o => o.status)).toEqual(['completed', 'failed', 'cancelled'])
    expect(byRun(listed.events)).toEqual(byRun(alone.events.filter(e => !e.includes('retry'))))
    // A by ID at 0; the list from B's turn on (1.7 s), every 5 s, while two runs or more are left;
    // then C, alone, by ID until it ends (a cancelled run has no output: the list could not give it).
    expect(listed.gets.map(g => [g.path.slice(-1), g.at])).toEqual([
      ['1', 0],
      ['3', 26_666],
      ['3', 31_666],
      ['3', 36_666]
    ])
    expect(listed.lists.map(l => l.at)).toEqual([1_666, 6_666, 11_666, 16_666, 21_666])
    expect(listed.lists[0]!.path).toBe(`/api/v1/runs?projectId=${P}&limit=100`)
    expect(listed.gets.length + listed.lists.length).toBe(9)
    expect(alone.gets.length).toBe(17)
    // Each end seen within one interval.
    expect(listed.elapsed).toBeLessThanOrEqual(33_700 + 5_000)
  })

  it('reads a finished run by ID once when the list leaves its output out', async () => {
    const runs = Object.fromEntries(
      Array.from({ length: 6 }, (_, n) => [id(n + 1), { endsAt: 20_000 + n * 700 }])
    )
    const listed = await wait(runs, { kind: 'trimmed' })
    const alone = await perRun(runs)
    expect(listed.outcomes).toEqual(alone.outcomes)
    // One GET to learn the project, one per finished run for its findings; one page per interval.
    expect(listed.gets).toHaveLength(1 + 6)
    expect(listed.lists.length).toBeLessThanOrEqual(Math.ceil(listed.elapsed / 5_000) + 1)
    expect(alone.gets).toHaveLength(30)
  })

  it('reads further pages while runs of ours are missing: 150 newer runs push them to the second page', async () => {
    const runs = { [A]: { endsAt: 12_300 }, [B]: { endsAt: 14_100 }, [C]: { endsAt: 14_200 } }
    const listed = await wait(runs, { kind: 'outputs', newer: 150 })
    expect(listed.outcomes.map(o => o.status)).toEqual(['completed', 'completed', 'completed'])
    expect(listed.outcomes).toEqual((await perRun(runs)).outcomes)
    const pages = listed.lists.map(l => new URL(l.path, 'http://x').searchParams.get('cursor'))
    expect(pages).toEqual([null, '100', null, '100', null, '100', null, '100'])
    expect(listed.gets).toHaveLength(1)
  })

  it('reads a run the list does not show by ID, every interval', async () => {
    const runs = {
      [A]: { endsAt: 12_300 },
      [B]: { endsAt: 14_100, unlisted: true },
      [C]: { endsAt: 16_000 }
    }
    const listed = await wait(runs, { kind: 'outputs' })
    expect(listed.outcomes).toEqual((await perRun(runs)).outcomes)
    const bGets = listed.gets.filter(g => g.path.endsWith(B))
    expect(bGets.map(g => g.at)).toEqual([1_666, 6_666, 11_666, 16_666])
  })

  it('keeps a run of another project (or of none) on its own GETs', async () => {
    const runs = {
      [A]: { endsAt: 22_300 },
      [B]: { endsAt: 21_100, project: Q },
      [C]: { endsAt: 24_000, project: null }
    }
    const listed = await wait(runs, { kind: 'outputs' })
    expect(listed.outcomes).toEqual((await perRun(runs)).outcomes)
    // B and C were looked for on P's first page, then read by ID: never looked for there again.
    expect(listed.lists).toHaveLength(1)
    expect(listed.gets.filter(g => g.path.endsWith(B)).length).toBeGreaterThanOrEqual(5)
  })

  it('never lists for a single run', async () => {
    const listed = await wait({ [A]: { endsAt: 12_300 } }, { kind: 'outputs' })
    expect(listed.lists).toHaveLength(0)
    expect(listed.gets).toHaveLength(4)
  })

  it('times out with the last status the list gave', async () => {
    const runs = { [A]: { endsAt: 99 * MIN }, [B]: { endsAt: 99 * MIN } }
    const listed = await wait(runs, { kind: 'outputs' }, { timeoutMs: MIN })
    expect(listed.outcomes.map(o => [o.status, o.lastStatus])).toEqual([
      ['timed_out', 'running'],
      ['timed_out', 'running']
    ])
    expect(listed.elapsed).toBe(MIN)
    expect(listed.gets.length + listed.lists.length).toBeLessThanOrEqual(13)
  })
})

describe('a list refused: each run by ID from then on, never a failed wait', () => {
  const runs = { [A]: { endsAt: 12_300 }, [B]: { endsAt: 21_100, status: 'failed' as const } }

  it.each<[string, Reply]>([
    ['403', { status: 403, body: { error: 'forbidden', message: 'Listing runs is not allowed' } }],
    ['404', { status: 404, body: { error: 'not_found', message: 'Not found' } }],
    ['500', { status: 500, body: { error: 'internal', message: 'boom' } }],
    ['503', { status: 503, body: '' }],
    ['401', { status: 401, body: { error: 'unauthorized', message: 'list needs another scope' } }],
    ['a body that is not a list', { status: 200, body: { data: [] } }],
    ['a body that is not JSON', { status: 200, body: '<html></html>' }]
  ])('%s: asked once, said once, the same outcomes', async (_name, reply) => {
    const listed = await wait(runs, { kind: 'refused', reply })
    expect(listed.lists).toHaveLength(1)
    expect(listed.fallbacks).toHaveLength(1)
    expect(listed.fatal).toBeNull()
    expect(listed.outcomes).toEqual((await perRun(runs)).outcomes)
  })
})

describe('the rules of any request hold for the list', () => {
  it('429 on the list: its runs are read by ID within an interval, the list held as Retry-After says', async () => {
    const runs = { [A]: { endsAt: 60_000 }, [B]: { endsAt: 61_000 } }
    const limited: Reply = {
      status: 429,
      body: { error: 'rate', message: 'Usage limit exceeded' },
      headers: { 'retry-after': '30' }
    }
    // The third list request (the fourth request) is limited.
    const listed = await wait(
      runs,
      { kind: 'outputs' },
      {
        faults: (path, n) => (path.includes('/v1/runs?') && n === 4 ? limited : undefined)
      }
    )
    expect(listed.outcomes).toEqual((await perRun(runs)).outcomes)
    const limitedAt = listed.lists[2]!.at
    // A verdict never waits on the list: each run by ID within one interval, every interval.
    const after = listed.gets.filter(g => g.at > limitedAt).map(g => g.at)
    expect(after[0]! - limitedAt).toBeLessThanOrEqual(5_000)
    expect(after.filter(t => t < limitedAt + 30_000).length).toBeGreaterThanOrEqual(10)
    // The list itself waits as the server asked, then reads the runs again.
    const lists = listed.lists.map(l => l.at).filter(t => t > limitedAt)
    expect(lists[0]).toBeGreaterThanOrEqual(limitedAt + 30_000)
    expect(listed.events).toContain(
      'list of 2: retry in 30000 the API is rate limiting requests (HTTP 429: Usage limit exceeded)'
    )
    expect(listed.fallbacks).toEqual([])
  })

  it('a list that never answers: cut after one interval, its runs read by ID meanwhile, the same outcomes', async () => {
    const runs = { [A]: { endsAt: 20_000 }, [B]: { endsAt: 21_000, status: 'failed' as const } }
    const listed = await wait(
      runs,
      { kind: 'outputs' },
      { faults: (path, n) => (path.includes('/v1/runs?') && n >= 3 ? 'hang' : undefined) }
    )
    expect(listed.outcomes).toEqual((await perRun(runs)).outcomes)
    // The runs end at 21 s: read by ID every interval, the wait ends an interval later at most.
    expect(listed.elapsed).toBeLessThanOrEqual(30_000)
    expect(listed.events.some(e => /^list of 2: retry in \d+ no answer/.test(e))).toBe(true)
  })

  it('a reset connection: the list backs off and is asked again, not given up', async () => {
    const runs = { [A]: { endsAt: 40_000 }, [B]: { endsAt: 41_000 } }
    const listed = await wait(
      runs,
      { kind: 'outputs' },
      {
        faults: (path, n) => (path.includes('/v1/runs?') && n === 3 ? 'reset' : undefined)
      }
    )
    expect(listed.outcomes.map(o => o.status)).toEqual(['completed', 'completed'])
    expect(listed.fallbacks).toEqual([])
    // The second page request is reset: backed off 7.5 s (jitter 0.5), then every interval again.
    const gaps = listed.lists.slice(1).map((l, n) => l.at - listed.lists[n]!.at)
    expect(gaps.slice(0, 3)).toEqual([5_000, 7_500, 5_000])
    expect(listed.events.find(e => e.startsWith('list of 2: retry in 7500'))).toContain('reset')
  })

  it('a key rejected on a run read by ID ends the wait for every run', async () => {
    const runs = { [A]: { endsAt: 12_000 }, [B]: { endsAt: 99 * MIN } }
    const listed = await wait(
      runs,
      { kind: 'trimmed' },
      {
        faults: (path, n) =>
          n > 1 && path.endsWith(A)
            ? { status: 401, body: { error: 'unauthorized', message: 'Invalid API key' } }
            : undefined
      }
    )
    expect(listed.fatal).toContain('rejected the API key')
    expect(listed.outcomes.map(o => o.status)).toEqual(['error', 'error'])
  })
})
