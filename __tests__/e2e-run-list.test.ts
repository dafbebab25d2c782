// Several runs of one project, waited for by dist/index.js under Node 24 against the simulated API
// that lists runs: the requests each way of listing costs, and the same verdict, outputs, summary
// and report as reading every run by ID.
import { afterEach, describe, expect, it } from '@jest/globals'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, type ActionResult } from '../scripts/runner.mjs'
import { startSimulatedApi, type SimulatedList } from '../scripts/simulated-api.mjs'
import { fixtureBody } from './helpers/fixtures.js'
import { leftBehind } from './helpers/runner-output.js'

const NODE24 = findNode24().path
const KEY = 'sk_live_e2e_L1ST_key_0042'
/** Three runs with findings (output) and one failed without any (no output even by ID). */
const FIXTURES = ['passed', 'failed-with-issues', 'skipped', 'run-failed']
const IDS = FIXTURES.map(name => fixtureBody(name).id as string)
const PROJECT = fixtureBody('passed').projectId as string

type Api = Awaited<ReturnType<typeof startSimulatedApi>>
const apis: Api[] = []
const results: ActionResult[] = []
afterEach(async () => {
  for (const api of apis.splice(0)) await api.close()
  for (const result of results.splice(0)) result.cleanup()
})

/** The four runs, each queued, running, running, then its fixture: one status per read. */
async function waitFor(list?: SimulatedList, inputs: Record<string, string> = {}) {
  const api = await startSimulatedApi({
    apiKey: KEY,
    runs: Object.fromEntries(
      FIXTURES.map(name => [fixtureBody(name).id, { final: fixtureBody(name) }])
    ),
    ...(list ? { list } : {})
  })
  apis.push(api)
  const result = await runAction({
    node: NODE24,
    inputs: {
      'run-id': IDS.join(','),
      'api-key': KEY,
      'api-url': api.url,
      'poll-interval': '1s',
      ...inputs
    },
    env: { RUNNER_DEBUG: '1' }
  })
  results.push(result)
  const reads = api.requests.filter(r => r.method === 'GET')
  return {
    result,
    byId: reads.filter(r => r.path !== '/api/v1/runs').map(r => r.path.split('/').pop()),
    lists: reads.filter(r => r.path === '/api/v1/runs').map(r => new URLSearchParams(r.query))
  }
}

/** What a user or a later step reads, with the paths that differ from run to run made equal. */
function seen(result: ActionResult) {
  const report = JSON.parse(result.report) as Record<string, unknown>
  return {
    code: result.code,
    outputs: Object.fromEntries(
      Object.entries(result.outputs).map(([name, value]) => [
        name,
        value.replaceAll(result.dir, '')
      ])
    ),
    summary: result.summary.replaceAll(result.dir, ''),
    report,
    errors: result.commands.filter(c => c.command === 'error').map(c => c.message)
  }
}

describe('four runs of one project, through the run list', () => {
  let alone: ReturnType<typeof seen> | undefined
  const perRun = async () => {
    if (alone) return alone
    const { result, byId, lists } = await waitFor()
    // Without the list (404), every run by ID: four reads each, the list asked once.
    expect(lists).toHaveLength(1)
    expect(byId).toHaveLength(16)
    alone = seen(result)
    return alone
  }

  it('with outputs: one GET to learn the project, then one page per interval; the same verdict, outputs, summary and report', async () => {
    const { result, byId, lists } = await waitFor({})
    expect(seen(result)).toEqual(await perRun())
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('failed')
    // The first run by ID; the run that failed without output by ID once it ended.
    expect(byId).toEqual([IDS[0], IDS[3]])
    expect(lists.map(q => [q.get('projectId'), q.get('limit'), q.get('cursor')])).toEqual(
      Array(4).fill([PROJECT, '100', null])
    )
    expect(result.stdout).toContain(
      `::debug::Reading 4 runs of project ${PROJECT} through GET /v1/runs`
    )
    for (const text of leftBehind(result)) expect(text).not.toContain(KEY)
  })

  it('outputs left out of the list: each finished run read by ID once', async () => {
    const { result, byId, lists } = await waitFor({ outputs: false })
    expect(seen(result)).toEqual(await perRun())
    expect(byId.slice(1).sort()).toEqual([...IDS].sort())
    expect(byId).toHaveLength(5)
    expect(lists).toHaveLength(4)
  })

  it('our runs pushed off the first page by 150 newer ones: two pages per interval', async () => {
    const { result, byId, lists } = await waitFor({ newer: 150 })
    expect(seen(result)).toEqual(await perRun())
    expect(lists.map(q => q.get('cursor'))).toEqual(Array(4).fill([null, 'o100']).flat())
    expect(byId).toEqual([IDS[0], IDS[3]])
  })

  it.each([
    ['403', { status: 403, body: { error: 'forbidden', message: 'This key cannot list runs' } }],
    ['503', { status: 503, body: { error: 'unavailable', message: 'busy' } }],
    ['a body that is not a list', { status: 200, body: { items: [] } }]
  ])(
    'the list refused (%s): asked once, then every run by ID, the same verdict',
    async (_name, refuse) => {
      const { result, byId, lists } = await waitFor({ refuse })
      expect(seen(result)).toEqual(await perRun())
      expect(lists).toHaveLength(1)
      expect(byId).toHaveLength(16)
      const said = result.stdout.split('\n').filter(l => l.includes('the run list was refused'))
      expect(said).toHaveLength(1)
      expect(said[0]).toMatch(/^::debug::/)
    }
  )
})

describe('a run list that fails never costs a verdict (issue 26)', () => {
  // Each run read by ID finishes after four reads (about 3 s at a 1 s interval): a list that
  // fails must hand its runs back to those reads within one interval, not hold them to the timeout.
  it.each([
    ['resets the connection', 'reset' as const],
    ['never answers', 'hang' as const],
    ['answers 429 asking for 30 s', { status: 429, headers: { 'retry-after': '30' } }]
  ])(
    'the list %s: every run read by ID, the same verdict, long before the timeout',
    async (_name, fault) => {
      const started = Date.now()
      const { result, byId } = await waitFor({ fault }, { timeout: '20s' })
      const seconds = (Date.now() - started) / 1000
      expect(result.outputs.status).toBe('failed')
      expect(JSON.parse(result.outputs.runs!).map((r: { status: string }) => r.status)).toEqual([
        'completed',
        'completed',
        'completed',
        'failed'
      ])
      expect(seen(result)).toEqual(await perRunOnce())
      for (const id of IDS) expect(byId).toContain(id)
      // Generous for a shared machine: the runs end after about 4 s, the timeout is 20 s.
      expect(seconds).toBeLessThan(12)
    },
    40_000
  )
})

describe('a list item decides a run only when complete and consistent (issue 26)', () => {
  const FAILED = IDS[1]!
  const only = (item: Record<string, unknown>) => item.id === FAILED && item.status === 'completed'
  it.each([
    [
      'output without its issues',
      (items: Record<string, unknown>[]) =>
        items.map(item =>
          only(item) ? { ...item, output: { ...(item.output as object), issues: undefined } } : item
        )
    ],
    [
      'output {}',
      (items: Record<string, unknown>[]) =>
        items.map(item => (only(item) ? { ...item, output: {} } : item))
    ],
    [
      "another project's item, passing",
      (items: Record<string, unknown>[]) =>
        items.map(item =>
          only(item)
            ? {
                ...item,
                projectId: '9e8d7c6b-5a49-4838-9271-605f4e3d2c1b',
                output: { ...(item.output as object), result: 'PASS', issues: [] }
              }
            : item
        )
    ],
    [
      'the run listed twice, passing first',
      (items: Record<string, unknown>[]) =>
        items.flatMap(item =>
          only(item)
            ? [
                { ...item, output: { ...(item.output as object), result: 'PASS', issues: [] } },
                item
              ]
            : [item]
        )
    ]
  ])('%s: the run is read by ID, and its verdict is the one by ID', async (_name, items) => {
    const { result, byId } = await waitFor({ items })
    expect(seen(result)).toEqual(await perRunOnce())
    expect(byId).toContain(FAILED)
  })
})

/** Every run by ID (the list answered 404): what a user sees, from one action run. */
let byIdOnly: ReturnType<typeof seen> | undefined
async function perRunOnce() {
  if (byIdOnly) return byIdOnly
  byIdOnly = seen((await waitFor()).result)
  return byIdOnly
}
