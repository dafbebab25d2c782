// What each use of the action loads, as the runner runs dist/index.js under Node 24: a plain wait
// for one run must start as fast as the two packages it cannot do without allow (the cold start in
// docs/performance.md), so it evaluates no code of the features it does not use. Each feature's
// code is a chunk of its own, loaded on first use; undici (Octokit's fetch and proxy agent) is
// evaluated only when GitHub is called. A probe preloaded into the process says what was loaded.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, type ActionResult } from '../scripts/runner.mjs'
import { startSimulatedApi } from '../scripts/simulated-api.mjs'
import { fixtureBody } from './helpers/fixtures.js'

const NODE24 = findNode24().path
const DIST = join(import.meta.dirname, '..', 'dist')
const PROBE = join(import.meta.dirname, 'helpers', 'load-probe.mjs')
const KEY = 'sk_live_loading_KEY_0051'
const TOKEN = 'ghs_loading_TOKEN_0052'
const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
const FIXTURES = ['passed', 'failed-with-issues', 'skipped']
const IDS = FIXTURES.map(name => fixtureBody(name).id as string)

type Api = Awaited<ReturnType<typeof startSimulatedApi>>
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** dist's chunks that hold `text` (a name only that feature's code has). */
const chunksHolding = (text: string): string[] =>
  readdirSync(DIST).filter(
    f => f !== 'index.js' && f.endsWith('.js') && readFileSync(join(DIST, f), 'utf8').includes(text)
  )

async function simulate(): Promise<Api> {
  const api = await startSimulatedApi({
    apiKey: KEY,
    runs: Object.fromEntries(
      FIXTURES.map(name => [fixtureBody(name).id, { final: fixtureBody(name), before: [] }])
    ),
    tests: { [TEST]: IDS[0]! },
    github: { token: TOKEN, pulls: [], statuses: [] }
  })
  cleanups.push(() => api.close())
  return api
}

/** Runs the action with `inputs`; what it loaded (file names in dist/) and whether undici ran. */
async function loaded(
  api: Api,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<{ result: ActionResult; files: string[]; undici: boolean; builtins: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'load-probe-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const out = join(dir, 'loaded.json')
  const result = await runAction({
    node: NODE24,
    inputs: { 'api-key': KEY, 'api-url': api.url, 'poll-interval': '1s', ...inputs },
    githubToken: TOKEN,
    eventName: 'push',
    event: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
    env: {
      GITHUB_API_URL: api.githubUrl,
      // A push to the default branch: a file of known issues there is the reviewed one.
      GITHUB_REF: 'refs/heads/main',
      NODE_OPTIONS: `--import=${PROBE}`,
      LOAD_PROBE_OUT: out,
      ...env
    }
  })
  cleanups.push(() => result.cleanup())
  const probe = JSON.parse(readFileSync(out, 'utf8')) as {
    files: string[]
    undici: boolean
    builtins: string[]
  }
  const files = probe.files.filter(f => f.startsWith(DIST)).map(f => basename(f))
  return { result, files: files.sort(), undici: probe.undici, builtins: probe.builtins }
}

describe('what each use of the action loads', () => {
  it('a plain wait for one run: dist/index.js alone, and undici never evaluated', async () => {
    const api = await simulate()
    const { result, files, undici, builtins } = await loaded(api, { 'run-id': IDS[0]! })
    expect(result.code).toBe(0)
    expect(files).toEqual(['index.js'])
    expect(undici).toBe(false)
    // Node's modules it needs (http for the request), and not perf_hooks (eight modules loaded
    // for performance.timeOrigin, 2 % of the cold start).
    expect(builtins).toContain('http')
    expect(builtins).not.toContain('perf_hooks')
  })

  it("several runs of one project: the run list's chunk, nothing else", async () => {
    const api = await simulate()
    const { result, files, undici } = await loaded(api, { 'run-id': IDS.join(',') })
    expect(result.outputs.runs).toBeDefined()
    expect(files).toEqual(['index.js', ...chunksHolding('class ProjectLists')].sort())
    expect(undici).toBe(false)
  })

  it('known issues on a push: the chunk with the YAML parser, and no GitHub code', async () => {
    const api = await simulate()
    const workspace = mkdtempSync(join(tmpdir(), 'load-workspace-'))
    cleanups.push(() => rmSync(workspace, { recursive: true, force: true }))
    writeFileSync(join(workspace, 'known.yml'), '- name: Unrelated\n  reason: r\n')
    const { result, files, undici } = await loaded(
      api,
      { 'run-id': IDS[0]!, 'known-issues': 'known.yml' },
      { GITHUB_WORKSPACE: workspace }
    )
    expect(result.code).toBe(0)
    // The file's code, and the YAML parser (a chunk ncc makes of the package).
    expect(files).toEqual(
      [
        'index.js',
        ...chunksHolding('function parseKnownIssuesFile'),
        ...chunksHolding('class YAMLParseError')
      ].sort()
    )
    expect(undici).toBe(false)
  })

  it("starting a saved test: the start's chunk, and still no GitHub code", async () => {
    const api = await simulate()
    const { result, files, undici } = await loaded(api, { 'test-id': TEST })
    expect(result.code).toBe(0)
    expect(files).toContain(chunksHolding('function startEverything')[0])
    expect(files.filter(f => chunksHolding('getOctokit').includes(f))).toEqual([])
    expect(undici).toBe(false)
  })

  it("the bundle's packages use from undici only what undici-on-demand gives (else undefined at run time)", () => {
    const source = readFileSync(
      join(import.meta.dirname, '..', 'src', 'github', 'undici-on-demand.ts'),
      'utf8'
    )
    const given = [...source.matchAll(/^export (?:async function|const) (\w+)/gm)].map(m => m[1])
    const texts = readdirSync(DIST)
      .filter(f => f.endsWith('.js'))
      .map(f => readFileSync(join(DIST, f), 'utf8'))
    // The module's ID in the bundle, then every name it is bound to: ESM importers get
    // `undici_on_demand`, CommonJS ones (a nested http-client) their own, such as `undici_1`.
    const id = texts
      .join('\n')
      .match(
        /EXTERNAL MODULE: \.\/src\/github\/undici-on-demand\.ts\n(?:var|const) \w+ = __\w+_require__\((\d+)\)/
      )?.[1]
    expect(id).toBeDefined()
    const binding = new RegExp(`\\b(?:var|const|let) (\\w+) = __\\w+_require__\\(${id}\\)`, 'g')
    const names = new Set(texts.flatMap(text => [...text.matchAll(binding)].map(m => m[1]!)))
    const used = new Set(
      texts.flatMap(text =>
        [...names].flatMap(name =>
          [...text.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, 'g'))].map(m => m[1]!)
        )
      )
    )
    // Found at all (the bundle still goes through the module), and nothing it does not give.
    expect(names.size).toBeGreaterThan(1)
    expect(used).toContain('ProxyAgent')
    expect([...used].filter(name => !given.includes(name))).toEqual([])
  })

  it('a commit status: Octokit loaded, and undici evaluated when the status is posted', async () => {
    const api = await simulate()
    const { result, files, undici } = await loaded(api, {
      'run-id': IDS[0]!,
      'commit-status': 'true'
    })
    expect(result.code).toBe(0)
    expect(api.requests.some(r => r.method === 'POST' && r.path.includes('/statuses/'))).toBe(true)
    expect(files.some(f => chunksHolding('getOctokit').includes(f))).toBe(true)
    // undici's own chunk (its diagnostics channels are named in no other code).
    const undiciChunks = chunksHolding("'undici:client:beforeConnect'")
    expect(undiciChunks).toHaveLength(1)
    expect(files).toContain(undiciChunks[0])
    expect(undici).toBe(true)
  })

  it('reports mode: the gathering chunk with @actions/glob and Ajv, which no other use loads, and no GitHub code', async () => {
    const api = await simulate()
    const legs = mkdtempSync(join(tmpdir(), 'load-probe-legs-'))
    cleanups.push(() => rmSync(legs, { recursive: true, force: true }))
    const leg = await loaded(api, {
      'run-id': IDS[0]!,
      leg: 'web',
      'report-path': join(legs, 'testerarmy-web', 'testerarmy-report.json')
    })
    const gatherChunks = [...chunksHolding('function gatherReports'), ...chunksHolding('minimatch')]
    expect(gatherChunks.length).toBeGreaterThan(0)
    expect(leg.files.filter(f => gatherChunks.includes(f))).toEqual([])
    const before = api.requests.length
    const { result, files, undici } = await loaded(api, {
      'api-key': '',
      reports: `${legs}/**/*.json`
    })
    expect(result.code).toBe(0)
    expect(result.outputs['reports-count']).toBe('1')
    expect(api.requests.length).toBe(before)
    expect(files).toEqual(expect.arrayContaining([...new Set(gatherChunks)]))
    expect(files.filter(f => chunksHolding('getOctokit').includes(f))).toEqual([])
    expect(undici).toBe(false)
  })
})
