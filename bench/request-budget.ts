// The request budget of a wait: reads of run state for 1, 10 and 100 runs of one project at a 5 s
// interval over 5 minutes, per run (the list refused) and through the project's run list (with
// outputs, without, and with our runs pushed off the first page), on a fake clock.
import { ApiClient } from '../src/api/api-client.js'
import { pollRuns } from '../src/wait/poller.js'
import { startApiServer, type Reply } from '../__tests__/helpers/api-server.js'
import { FakeClock } from '../__tests__/helpers/fake-clock.js'

const PROJECT = '5f0c8a8e-3b7d-4d35-9a51-2f7e1c9b6a10'
const INTERVAL = 5_000
const WINDOW = 300_000
/** Runs of someone else started after ours: 100 runs of ours then span two pages of 100. */
const NEWER = 40
const output = { featureName: 'Checkout', result: 'PASS', description: 'ok', issues: [], steps: [] }

type ListMode = 'refused' | 'outputs' | 'trimmed' | 'pushed'

export interface Budget {
  requests: number
  /** Of which reads by ID (`GET /v1/runs/{id}`). */
  byId: number
  latencies: number[]
}

/**
 * `runs` runs of one project, the n-th ending at a time spread over the last minute of the window
 * (off the 5 s grid); the wait's requests and how long after its end each run was seen finished.
 */
export async function measureBudget(runs: number, mode: ListMode): Promise<Budget> {
  const clock = new FakeClock()
  const start = clock.now()
  const ids = Array.from(
    { length: runs },
    (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
  )
  // The last run ends at 5 min 1.3 s whatever their number, the others over the minute before.
  const ends = new Map(
    ids.map((id, n) => [id, WINDOW + 1_300 - Math.floor(((runs - 1 - n) * 60_000) / runs)])
  )
  const state = (id: string, withOutput: boolean) => {
    const done = clock.now() - start >= (ends.get(id) ?? 0)
    return {
      id,
      projectId: PROJECT,
      status: done ? 'completed' : 'running',
      ...(withOutput ? { output: done ? output : null } : {})
    }
  }
  // Someone else's runs, started after ours: they fill the first page.
  const newer = Array.from({ length: mode === 'pushed' ? NEWER : 0 }, (_, n) => ({
    id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
    projectId: PROJECT,
    status: 'running'
  }))
  let byId = 0
  const server = await startApiServer((request): Reply => {
    const url = new URL(request.path, 'http://localhost')
    if (url.pathname.endsWith('/v1/runs')) {
      if (mode === 'refused') return { status: 404, body: { error: 'not_found', message: 'no' } }
      const offset = Number(url.searchParams.get('cursor') ?? 0)
      const withOutputs = mode === 'outputs'
      const all = [...newer, ...[...ids].reverse().map(id => state(id, withOutputs))]
      const next = offset + 100 < all.length ? String(offset + 100) : null
      return { status: 200, body: { runs: all.slice(offset, offset + 100), nextCursor: next } }
    }
    byId += 1
    const id = /runs\/([^/?]+)/.exec(url.pathname)?.[1] ?? ''
    return { status: 200, body: state(id, true) }
  })
  const seen = new Map<string, number>()
  await pollRuns({
    runIds: ids,
    api: clock.track(new ApiClient({ apiUrl: server.url, apiKey: 'bench-key-0123456789' })),
    clock,
    log: {
      statusChange: (id, _from, to, elapsedMs) => {
        if (to === 'completed') seen.set(id, elapsedMs)
      },
      unknownStatus: () => undefined,
      retry: () => undefined
    },
    pollIntervalMs: INTERVAL,
    deadline: start + 3_600_000,
    random: () => 0.5
  })
  const requests = server.requests.length
  await server.close()
  const latencies = ids.map(id => (seen.get(id) ?? Infinity) - (ends.get(id) ?? 0))
  return { requests, byId, latencies }
}

/** The rows of the bench: one per number of runs and way of reading them. */
export async function requestBudget(
  row: (measure: string, value: string, target?: string) => void
) {
  const intervals = WINDOW / INTERVAL
  const modes: [ListMode, string][] = [
    ['refused', 'one GET per run (list refused)'],
    ['outputs', 'through the list, with outputs'],
    ['trimmed', 'through the list, outputs trimmed'],
    ['pushed', `through the list, outputs trimmed, ${NEWER} newer runs first`]
  ]
  for (const runs of [1, 10, 100]) {
    for (const [mode, name] of runs === 1 ? modes.slice(0, 1) : modes) {
      const { requests, byId, latencies } = await measureBudget(runs, mode)
      const worst = Math.max(...latencies) / 1000
      const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length / 1000
      const goal =
        mode === 'refused' ? '' : `≤ ${2 * (intervals + 1) + (mode === 'outputs' ? 0 : runs)}`
      row(
        `request budget (5 s, 5 min): ${runs} run(s), ${runs === 1 ? 'one GET per interval' : name}`,
        `${requests} requests (${byId} by ID, ${(requests / (intervals + 1)).toFixed(1)}/interval), ` +
          `seen ${mean.toFixed(1)} s after the end (worst ${worst.toFixed(1)} s)`,
        goal ? `${goal}, ≤ 1 interval` : '≤ 1 interval'
      )
    }
  }
}
