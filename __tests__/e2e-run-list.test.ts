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
async function waitFor(list?: SimulatedList) {
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
      'poll-interval': '1s'
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
