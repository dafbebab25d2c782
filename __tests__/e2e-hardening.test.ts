// The built dist/index.js against hostile or broken servers, as an adversarial review ran it: each
// case here once broke the first release (issue 10), and must stay fixed. Two that are the wait's
// and the summary's policy (every run checked once, screenshot-heavy runs) are in verdict.test.ts.
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, startAction, type ActionResult } from '../scripts/runner.mjs'
import { leftBehind } from './helpers/runner-output.js'
import { startFakeGitHub } from './helpers/fake-github.mjs'
import { startApiServer, type ApiServer } from './helpers/api-server.js'
import { fixtureBody, hundredThousandIssueBody } from './helpers/fixtures.js'

const NODE24 = findNode24().path
const KEY = 'sk_live/e2e/hardening/0123456789/abcdefghijklmnop'
const RUN = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
const passed = (id: string): Record<string, unknown> => ({ ...fixtureBody('passed'), id })

const servers: { close(): Promise<void> }[] = []
const results: ActionResult[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
  for (const result of results.splice(0)) result.cleanup()
})

async function serve(
  handler: Parameters<typeof startApiServer>[0],
  options?: Parameters<typeof startApiServer>[1]
) {
  const server = await startApiServer(handler, options)
  servers.push(server)
  return server
}

async function act(
  server: ApiServer | null,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
) {
  const result = await runAction({
    node: NODE24,
    inputs: { 'api-key': KEY, ...(server ? { 'api-url': server.url } : {}), ...inputs },
    env
  })
  results.push(result)
  return result
}

const errorLines = (result: ActionResult) =>
  result.commands.filter(c => c.command === 'error' && !c.properties.title).map(c => c.message)

/** Everything the action left behind, but the add-mask command that hands the key to the runner. */
function allLeftBehind(result: ActionResult): string {
  return leftBehind(result).join('\n')
}

describe('the key, spelled as the API pleases', () => {
  it('a 401 echoing the key with escaped slashes (PHP) leaves it nowhere', async () => {
    const escaped = KEY.replaceAll('/', '\\/')
    const server = await serve(() => ({
      status: 401,
      body: `{"error":"unauthorized","message":"Invalid API key ${escaped}"}`
    }))
    const result = await act(server, { 'run-id': RUN })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      expect.stringContaining('rejected the API key (HTTP 401: Invalid API key ***)')
    ])
    expect(allLeftBehind(result)).not.toContain(KEY)
    expect(result.summary.replaceAll('<wbr>', '')).not.toContain(KEY)
  })

  it('run text holding the key as \\u escapes leaves it nowhere, even once <wbr> is removed', async () => {
    const escaped = Array.from(
      KEY,
      c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    ).join('')
    const body = JSON.stringify({
      ...fixtureBody('failed-with-issues'),
      id: RUN
    }).replace('"featureName":"', `"featureName":"${escaped} `)
    const server = await serve(() => ({ status: 200, body }))
    const result = await act(server, { 'run-id': RUN, comment: 'false' })
    expect(result.outputs['feature-name']).toMatch(/^\*\*\* /)
    expect(allLeftBehind(result)).not.toContain(KEY)
    // The JUnit and CTRF files were read, and name the feature with the key scrubbed.
    const [junit, ctrf] = leftBehind(result).slice(-2)
    expect(junit).toContain('*** ')
    expect(ctrf).toContain('*** ')
    expect(result.summary.replaceAll('<wbr>', '')).not.toContain(KEY)
  })

  it('refuses a key too short to be real before any request', async () => {
    const server = await serve(() => ({ status: 200, body: passed(RUN) }))
    const result = await act(server, { 'run-id': RUN, 'api-key': 'ted' })
    expect(result.code).toBe(1)
    expect(server.requests).toEqual([])
    expect(errorLines(result)).toEqual([
      expect.stringMatching(/^Input 'api-key' is only 3 characters long \(value not shown\)/)
    ])
  })
})

describe('the key transformed by the server (issue 26)', () => {
  const TOKEN = 'ghs_e2e_hardening_token_0123456789'
  const SHA = 'c0ffee'.repeat(6) + 'c0ff'
  /** The key as servers and proxies transform it when they echo it. */
  const spellings: [string, string][] = [
    ['URL-encoded', encodeURIComponent(KEY)],
    ['URL-encoded in lower case', encodeURIComponent(KEY).replace(/%2F/g, '%2f')],
    ['in base64', Buffer.from(KEY).toString('base64')],
    ['in base64 inside Basic credentials', Buffer.from(`user:${KEY}`).toString('base64')],
    ['in base64url', Buffer.from(KEY).toString('base64url')],
    ['split by a space', `${KEY.slice(0, 20)} ${KEY.slice(20)}`],
    ['split across lines', `${KEY.slice(0, 10)}\n${KEY.slice(10, 30)}\n  ${KEY.slice(30)}`]
  ]
  /** What must not be found: a long piece of the spelling, whitespace removed. */
  const pieceOf = (spelled: string): string => spelled.replace(/\s+/g, '').slice(4, 28)
  const squash = (text: string): string => text.replace(/\s+/g, '')

  async function withStatuses(server: ApiServer, inputs: Record<string, string>) {
    const github = await startFakeGitHub({ token: TOKEN })
    servers.push(github)
    const result = await runAction({
      node: NODE24,
      githubToken: TOKEN,
      event: { pull_request: { number: 7, head: { sha: SHA } } },
      inputs: { 'api-key': KEY, 'api-url': server.url, 'commit-status': 'true', ...inputs },
      env: { GITHUB_API_URL: github.url }
    })
    results.push(result)
    return { result, statuses: github.statuses }
  }

  it.each(spellings)(
    'a 401 echoing the key %s: not in the commit status description',
    async (_name, spelled) => {
      const server = await serve(() => ({
        status: 401,
        body: { error: 'unauthorized', message: `bad ${spelled}` }
      }))
      const { result, statuses } = await withStatuses(server, { 'run-id': RUN })
      expect(result.code).toBe(1)
      expect(statuses.map(s => s.state)).toEqual(['pending', 'error'])
      expect(statuses[1]!.description).toMatch(/rejected the API key/)
      expect(squash(statuses[1]!.description ?? '')).not.toContain(pieceOf(spelled))
    }
  )

  it.each(spellings)(
    "a run's texts holding the key %s: not in the report, JUnit or CTRF file",
    async (_name, spelled) => {
      const body = fixtureBody('failed-with-issues')
      const output = body.output as { issues: Record<string, unknown>[] } & Record<string, unknown>
      output.featureName = `Checkout ${spelled}`
      output.description = `The page printed ${spelled} in its footer.`
      output.issues[0]!.description = `Token shown: ${spelled}`
      const server = await serve(() => ({ status: 200, body: { ...body, id: RUN } }))
      const { result } = await withStatuses(server, { 'run-id': RUN })
      expect(result.outputs.status).toBe('completed')
      const files = [
        result.report,
        readFileSync(result.outputs['junit-path']!, 'utf8'),
        readFileSync(result.outputs['ctrf-path']!, 'utf8')
      ]
      // The files were written, and hold the texts around the key.
      for (const text of files) expect(text).toContain('Token shown: ')
      for (const text of [...files, ...leftBehind(result)])
        expect(squash(text)).not.toContain(pieceOf(spelled))
    }
  )
})

describe('report files at a path that holds a link (issue 26)', () => {
  let dir = ''
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = ''
  })

  it('replaces the links with the files, never writing through them or creating their targets', async () => {
    dir = mkdtempSync(join(tmpdir(), 'report-links-'))
    const reportPath = join(dir, 'qa.json')
    const victim = join(dir, 'victim.txt')
    const other = join(dir, 'other.txt')
    const missing = join(dir, 'created-by-nobody.txt')
    writeFileSync(victim, 'keep me')
    writeFileSync(other, 'keep me too')
    symlinkSync(other, reportPath)
    symlinkSync(victim, join(dir, 'qa.junit.xml'))
    symlinkSync(missing, join(dir, 'qa.ctrf.json'))
    const server = await serve(() => ({ status: 200, body: passed(RUN) }))
    const result = await act(server, { 'run-id': RUN, 'report-path': reportPath })
    expect(result.code).toBe(0)
    expect(readFileSync(victim, 'utf8')).toBe('keep me')
    expect(readFileSync(other, 'utf8')).toBe('keep me too')
    expect(existsSync(missing)).toBe(false)
    for (const path of [reportPath, join(dir, 'qa.junit.xml'), join(dir, 'qa.ctrf.json')]) {
      expect(lstatSync(path).isFile()).toBe(true)
      expect(readFileSync(path, 'utf8')).toContain(RUN)
    }
    expect(result.outputs).toMatchObject({
      'report-path': reportPath,
      'junit-path': join(dir, 'qa.junit.xml'),
      'ctrf-path': join(dir, 'qa.ctrf.json')
    })
  })
})

describe('answers that once broke the wait', () => {
  it('a completed run sent with a byte-order mark is read, and no cancel is sent', async () => {
    const server = await serve(() => ({
      status: 200,
      body: `\ufeff${JSON.stringify(passed(RUN))}`
    }))
    const result = await act(server, { 'run-id': RUN, timeout: '20s' })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'completed', passed: 'true' })
    expect(server.requests.map(r => r.method)).toEqual(['GET'])
  })

  it('a redirect fails at once, naming where it points, instead of burning the timeout', async () => {
    const server = await serve(() => ({
      status: 301,
      body: '',
      headers: { location: 'https://tester.army/api/' }
    }))
    const started = performance.now()
    const result = await act(server, { 'run-id': RUN, timeout: '2m' })
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(result.code).toBe(1)
    expect(server.requests.filter(r => r.method === 'GET')).toHaveLength(1)
    expect(errorLines(result)).toEqual([
      expect.stringContaining('(HTTP 301 to https://tester.army/api/); check the api-url input')
    ])
  })

  it('a dead API with a short timeout says the API did not answer', async () => {
    const server = await serve(() => 'hang')
    const result = await act(server, { 'run-id': RUN, timeout: '1500ms' })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      expect.stringMatching(/last error: no answer from the API within/)
    ])
    expect(result.summary).toContain('Last error: no answer from the API within')
  })

  it('writes the report of a body nested 5,000 levels deep, and sets report-path', async () => {
    // Written as text: JSON.stringify would overflow this test's own stack too.
    const deep = `${'{"deeper":'.repeat(5_000)}"bottom"${'}'.repeat(5_000)}`
    const body = JSON.stringify(passed(RUN)).replace(/}$/, `,"unknown":${deep}}`)
    const server = await serve(() => ({ status: 200, body }))
    const result = await act(server, { 'run-id': RUN })
    expect(result.code).toBe(0)
    expect(result.outputs['report-path']).toBeTruthy()
    expect(JSON.parse(result.report).runs[0].status).toBe('completed')
  })

  it('counts group run IDs that differ only in case once', async () => {
    const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
    const server = await serve(request => {
      if (request.method === 'POST')
        return {
          status: 202,
          body: { runIds: [RUN, RUN.toUpperCase()], queuedRunIds: [RUN.toUpperCase()] }
        }
      return { status: 200, body: passed(RUN) }
    })
    const result = await act(server, { 'group-id': GROUP })
    expect(result.code).toBe(0)
    expect(result.outputs['run-id']).toBe(RUN)
    expect(JSON.parse(result.outputs.runs!)).toHaveLength(1)
    expect(server.requests.filter(r => r.method === 'GET')).toHaveLength(1)
  })
})

describe('api-url', () => {
  it('works on the IPv6 loopback [::1]', async () => {
    const server = await serve(() => ({ status: 200, body: passed(RUN) }), { host: '::1' })
    expect(server.url).toMatch(/^http:\/\/\[::1\]:\d+\/api$/)
    const result = await act(server, { 'run-id': RUN })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('completed')
  })

  it.each(['?', '#'])('refuses an api-url ending in a bare %s before any request', async mark => {
    const server = await serve(() => ({ status: 200, body: passed(RUN) }))
    const result = await act(null, { 'run-id': RUN, 'api-url': `${server.url}${mark}` })
    expect(result.code).toBe(1)
    expect(server.requests).toEqual([])
    expect(errorLines(result)).toEqual([
      expect.stringContaining('credentials, a query or a fragment cannot be part of the API root')
    ])
  })
})

describe('large runs', () => {
  it('caps 10 MB text fields in the outputs, keeping description one line', async () => {
    const long = `line one\n${'x'.repeat(10 * 1024 * 1024)}`
    const body = passed(RUN)
    const server = await serve(() => ({
      status: 200,
      body: {
        ...body,
        output: { ...(body.output as object), featureName: long, description: long }
      }
    }))
    const result = await act(server, { 'run-id': RUN })
    expect(result.code).toBe(0)
    const outputFile = join(result.dir, 'output')
    expect(statSync(outputFile).size).toBeLessThan(64 * 1024)
    expect(result.outputs.description).toMatch(
      /^line one x+ … \(cut to 16 KB; the report file has the full text\)$/
    )
    expect(JSON.parse(result.report).runs[0].run.output.description).toBe(long)
  })

  it('reads a real 100,000-issue run of about 72 MB end to end, in bounded memory', async () => {
    const body = hundredThousandIssueBody(RUN)
    expect(body.length).toBeGreaterThan(70 * 1024 * 1024)
    const server = await serve(() => ({ status: 200, body }))
    const started = performance.now()
    const result = await act(server, { 'run-id': RUN, timeout: '5m' })
    const seconds = (performance.now() - started) / 1000
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'completed', 'issues-count': '75000' })
    expect(errorLines(result)).toEqual([
      expect.stringContaining('the run FAILED with 75000 issues')
    ])
    expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024)
    expect(existsSync(result.outputs['report-path']!)).toBe(true)
    expect(statSync(result.outputs['report-path']!).size).toBeGreaterThan(70 * 1024 * 1024)
    expect(server.requests).toHaveLength(1)
    // Generous: about 5 s on an idle machine; the machine running the tests is shared.
    expect(seconds).toBeLessThan(60)
  }, 120_000)
})

describe('the runner cancelling the step at awkward moments', () => {
  let dir = ''
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = ''
  })

  it('SIGINT while the action is still loading: held, then the step ends cancelled with its outputs', async () => {
    // A preload that sends SIGINT the moment the bundle loads node:http, that is while
    // @actions/http-client is being evaluated, long before run() starts.
    dir = mkdtempSync(join(tmpdir(), 'early-signal-'))
    const preload = join(dir, 'sigint-while-loading.cjs')
    writeFileSync(
      preload,
      `const Module = require('node:module')
const load = Module._load
let sent = false
Module._load = function (request, ...rest) {
  if (!sent && (request === 'http' || request === 'node:http')) {
    sent = true
    process.kill(process.pid, 'SIGINT')
  }
  return load.call(this, request, ...rest)
}
`
    )
    const server = await serve(() => ({ status: 200, body: passed(RUN) }))
    const result = await act(server, { 'run-id': RUN }, { NODE_OPTIONS: `--require ${preload}` })
    expect(result.signal).toBeNull()
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('cancelled')
    expect(result.commands.filter(c => c.command === 'warning').map(c => c.message)).toContain(
      'Received SIGINT: the workflow is being cancelled; stopping the wait.'
    )
  })

  it('SIGINT while an app-path folder run is still loading: ends cancelled with its outputs, nothing sent', async () => {
    dir = mkdtempSync(join(tmpdir(), 'early-signal-app-'))
    const preload = join(dir, 'sigint-while-loading.cjs')
    writeFileSync(
      preload,
      `const Module = require('node:module')
const load = Module._load
let sent = false
Module._load = function (request, ...rest) {
  if (!sent && (request === 'http' || request === 'node:http')) {
    sent = true
    process.kill(process.pid, 'SIGINT')
  }
  return load.call(this, request, ...rest)
}
`
    )
    const app = join(dir, 'Shop.app')
    mkdirSync(app)
    writeFileSync(join(app, 'Shop'), 'binary')
    const server = await serve(() => ({ status: 500, body: {} }))
    const result = await act(
      server,
      {
        'app-path': app,
        'project-id': '5f0c8a8e-3b7d-4d35-9a51-2f7e1c9b6a10',
        'test-id': 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
      },
      { NODE_OPTIONS: `--require ${preload}`, RUNNER_TEMP: dir }
    )
    expect(result.signal).toBeNull()
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('cancelled')
    expect(server.requests).toEqual([])
  })

  it('SIGINT while the comment call hangs: the last line says the report was written', async () => {
    const testerArmy = await serve(() => ({ status: 200, body: passed(RUN) }))
    let child: ReturnType<typeof startAction>['child'] | null = null
    const github = await startFakeGitHub({
      // The comment is the last thing published: cancel the step while GitHub does not answer.
      onRequest: request => {
        if (!request.path.includes('/comments')) return undefined
        child?.kill('SIGINT')
        return 'hang'
      }
    })
    servers.push(github)
    const started = startAction({
      node: NODE24,
      githubToken: 'ghs_e2e_hardening_token_0123456789',
      event: { pull_request: { number: 7, head: { sha: 'abc' } } },
      inputs: { 'api-key': KEY, 'api-url': testerArmy.url, 'run-id': RUN, comment: 'true' },
      env: { GITHUB_API_URL: github.url }
    })
    child = started.child
    const result = await started.done
    results.push(result)
    expect(result.code).toBe(1)
    expect(existsSync(result.outputs['report-path']!)).toBe(true)
    const last = errorLines(result).at(-1)
    expect(last).toBe(
      'TesterArmy: the workflow was cancelled; the report file, the outputs and the summary were written, but the pull-request comment did not finish in time.'
    )
  })
})
