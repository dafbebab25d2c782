// Uploading a build made in the workflow, as the runner runs dist/index.js under Node 24: the
// simulated TesterArmy API and its S3-like storage on 127.0.0.1, faults included.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, startAction, type ActionResult } from '../scripts/runner.mjs'
import { leftBehind } from './helpers/runner-output.js'
import { startSimulatedApi, type UploadOptions } from '../scripts/simulated-api.mjs'
import { fixtureBody } from './helpers/fixtures.js'

const NODE24 = findNode24().path
const KEY = 'sk_live_e2e_upload_KEY'
const PROJECT = '5f0c8a8e-3b7d-4d35-9a51-2f7e1c9b6a10'
const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
const RUN = '2b9f6a47-8c1d-4e0b-b7a3-5e2c9d4f1a36'

const dir = mkdtempSync(join(tmpdir(), 'e2e-upload-'))
const apk = join(dir, 'app-release.apk')
const apkBytes = Buffer.alloc(2 * 1024 * 1024 + 3)
beforeAll(() => {
  for (let i = 0; i < apkBytes.length; i++) apkBytes[i] = (i * 31) % 253
  writeFileSync(apk, apkBytes)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Api = Awaited<ReturnType<typeof startSimulatedApi>>
const apis: Api[] = []
const results: ActionResult[] = []
afterEach(async () => {
  for (const api of apis.splice(0)) await api.close()
  for (const result of results.splice(0)) result.cleanup()
})

async function simulated(uploads: UploadOptions = {}): Promise<Api> {
  const api = await startSimulatedApi({
    apiKey: KEY,
    runs: { [RUN]: { final: { ...fixtureBody('passed'), id: RUN }, before: ['running'] } },
    tests: { [TEST]: RUN },
    uploads
  })
  apis.push(api)
  return api
}

async function act(api: Api, inputs: Record<string, string>): Promise<ActionResult> {
  const result = await runAction({
    node: NODE24,
    inputs: {
      'api-key': KEY,
      'api-url': api.url,
      'project-id': PROJECT,
      'poll-interval': '1s',
      ...inputs
    }
  })
  results.push(result)
  return result
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')
const posts = (api: Api, pattern: RegExp) =>
  api.requests.filter(r => r.method === 'POST' && pattern.test(r.path))
const errors = (result: ActionResult) =>
  result.commands.filter(c => c.command === 'error').map(c => c.message)

/** The key must be nowhere a person or a later step can read, and never reach storage. */
function expectNoKey(result: ActionResult, api: Api): void {
  for (const text of leftBehind(result)) expect(text).not.toContain(KEY)
  for (const put of api.uploads.puts) {
    expect(put.headers.authorization).toBeUndefined()
    expect(JSON.stringify(put)).not.toContain(KEY)
  }
}

describe('an APK built in the job', () => {
  it('is uploaded, confirmed, and a test run is started on it', async () => {
    const api = await simulated()
    const result = await act(api, { 'app-path': apk, 'test-id': TEST })
    expect(result.code).toBe(0)
    const [stored] = [...api.uploads.objects.values()]
    expect(stored?.sha256).toBe(sha256(apkBytes))
    expect(api.uploads.puts).toHaveLength(1)
    expect(api.uploads.puts[0]?.headers['content-type']).toBe('application/octet-stream')
    expect(api.uploads.puts[0]?.headers['content-length']).toBe(String(apkBytes.length))
    expect(posts(api, /\/mobile\/upload$/)[0]?.body).toEqual({
      filename: 'app-release.apk',
      fileSize: apkBytes.length,
      removeAfter: 86_400
    })
    const app = api.uploads.apps[0] as { id: string }
    expect(posts(api, /\/tests\/.*\/runs$/)[0]?.body).toMatchObject({
      appId: app.id,
      platform: 'android'
    })
    expect(result.outputs).toMatchObject({
      'app-id': app.id,
      'app-platform': 'android',
      'app-version': '2.4.0',
      'run-id': RUN,
      status: 'completed'
    })
    expect(result.stdout).toContain(
      `::group::Uploading app-release.apk (2.00 MiB) to TesterArmy project ${PROJECT}`
    )
    expect(result.stdout).toMatch(/Uploaded 2\.00 MiB in .* \(.*\/s\)\./)
    expect(result.summary).toContain('App build')
    expect(result.summary).toContain(app.id)
    expect(result.summary).toContain('com.example.shop')
    expectNoKey(result, api)
  })

  it("the step's timeout while storage does not answer: timed_out, not error, and nothing started", async () => {
    const api = await simulated({ storageFaults: ['hang'] })
    const result = await act(api, { 'app-path': apk, 'test-id': TEST, timeout: '2s' })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'timed_out', passed: 'false' })
    expect(errors(result).at(-1)).toMatch(
      /the step's timeout \(2 s\) was reached while the build was being uploaded; raise timeout/
    )
    expect(api.uploads.confirms).toEqual([])
    expect(posts(api, /\/tests\/.*\/runs$/)).toEqual([])
    expectNoKey(result, api)
  })

  it('with exploration-agent: the agent starts on the uploaded app, as android', async () => {
    const AGENT_RUN = '7d3e1c52-9a4b-4f6e-8b21-c0d9e8f7a6b5'
    const api = await startSimulatedApi({
      apiKey: KEY,
      runs: { [AGENT_RUN]: { final: { ...fixtureBody('passed'), id: AGENT_RUN }, before: [] } },
      projects: { [PROJECT]: { runId: AGENT_RUN } }
    })
    apis.push(api)
    const event = {
      pull_request: { number: 42, title: 'Saved cards', head: { ref: 'cards', sha: 'abc123' } }
    }
    const result = await runAction({
      node: NODE24,
      inputs: {
        'api-key': KEY,
        'api-url': api.url,
        'project-id': PROJECT,
        'poll-interval': '1s',
        'app-path': apk,
        'exploration-agent': 'true'
      },
      event
    })
    results.push(result)
    expect(result.code).toBe(0)
    const app = api.uploads.apps[0] as { id: string }
    const paths = api.requests.map(r => r.path)
    const started = paths.findIndex(p => p.endsWith('/pull-request-runs'))
    expect(started).toBeGreaterThan(paths.findIndex(p => p.endsWith('/mobile/upload/confirm')))
    expect(api.requests[started]?.body).toMatchObject({
      platform: 'android',
      pullRequest: { number: 42, commitSha: 'abc123' },
      mobile: { appId: app.id }
    })
    expect(result.outputs).toMatchObject({
      'app-id': app.id,
      'run-id': AGENT_RUN,
      status: 'completed'
    })
    expectNoKey(result, api)
  })

  it('upload only: outputs set, nothing started, the step passes', async () => {
    const api = await simulated()
    const result = await act(api, { 'app-path': apk })
    expect(result.code).toBe(0)
    expect(result.outputs['app-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.outputs['app-platform']).toBe('android')
    expect(posts(api, /\/runs$/)).toEqual([])
    expect(result.summary).toContain('App build')
    expectNoKey(result, api)
  })

  it.each([
    ['never', undefined],
    ['1h', 3_600]
  ])('app-remove-after %s is sent as removeAfter %s', async (value, seconds) => {
    const api = await simulated()
    const result = await act(api, { 'app-path': apk, 'app-remove-after': value })
    expect(result.code).toBe(0)
    for (const request of [...posts(api, /\/mobile\/upload$/), ...posts(api, /confirm$/)])
      expect((request.body as Record<string, unknown>).removeAfter).toBe(seconds)
  })

  it('a mismatched platform is an error before any run starts', async () => {
    const api = await simulated()
    const result = await act(api, { 'app-path': apk, 'test-id': TEST, platform: 'ios' })
    expect(result.code).toBe(1)
    expect(errors(result).join('\n')).toMatch(/platform.*ios.*android/)
    expect(api.requests).toEqual([])
  })
})

describe('every bad build is refused before any request', () => {
  const cases: [string, () => string, Record<string, string>, RegExp][] = [
    ['a missing file', () => join(dir, 'nope.apk'), {}, /does not exist/],
    [
      'an empty file',
      () => (writeFileSync(join(dir, 'empty.apk'), ''), join(dir, 'empty.apk')),
      {},
      /is empty/
    ],
    ['an .ipa', () => touch('Shop.ipa'), {}, /simulator/],
    ['an .aab', () => touch('app.aab'), {}, /bundletool build-apks --mode=universal/],
    ['an .apks', () => touch('app.apks'), {}, /universal APK/],
    ['an .xapk', () => touch('app.xapk'), {}, /universal APK/],
    ['another file', () => touch('notes.txt'), {}, /not a build/],
    ['a folder that is not .app', () => folder('outputs'), {}, /not a \.app bundle/],
    ['8d of app-remove-after', () => apk, { 'app-remove-after': '8d' }, /from 1m to 7d/],
    ['app-id with app-path', () => apk, { 'app-id': PROJECT }, /app-id/],
    ['no project-id', () => apk, { 'project-id': '' }, /project-id/]
  ]
  const touch = (name: string): string => {
    writeFileSync(join(dir, name), 'x')
    return join(dir, name)
  }
  const folder = (name: string): string => {
    mkdirSync(join(dir, name), { recursive: true })
    writeFileSync(join(dir, name, 'a'), 'x')
    return join(dir, name)
  }

  it.each(cases)('%s', async (_, path, inputs, message) => {
    const api = await simulated()
    const result = await act(api, { 'app-path': path(), ...inputs })
    expect(result.code).toBe(1)
    expect(errors(result).join('\n')).toMatch(message)
    expect(api.requests).toEqual([])
    expect(api.uploads.puts).toEqual([])
    expect(result.stderr).toBe('')
  })
})

describe('storage and confirm faults', () => {
  it('a 500 then a reset in the middle of the body, then it goes through', async () => {
    const api = await simulated({
      storageFaults: [{ status: 500, headers: { 'retry-after': '0' } }, 'reset-mid-body']
    })
    const result = await act(api, { 'app-path': apk })
    expect(result.code).toBe(0)
    expect(api.uploads.puts).toHaveLength(3)
    expect(api.uploads.confirms).toHaveLength(1)
    expect(result.stdout).toMatch(/sending it again from the first byte .*attempt 2 of 4/)
    expect(result.stdout).toMatch(/attempt 3 of 4/)
  })

  it('a 403 (expired URL) asks for a new URL once', async () => {
    const api = await simulated({ storageFaults: [{ status: 403 }] })
    const result = await act(api, { 'app-path': apk })
    expect(result.code).toBe(0)
    expect(posts(api, /\/mobile\/upload$/)).toHaveLength(2)
    const keys = api.uploads.puts.map(p => p.key)
    expect(keys).toHaveLength(2)
    expect(keys[0]).not.toBe(keys[1])
    expect(result.stdout).toContain('asking for a new one')
  })

  it('storage failing every time: 4 PUTs, status error, nothing confirmed', async () => {
    const fault = { status: 500, headers: { 'retry-after': '0' } }
    const api = await simulated({ storageFaults: [fault, fault, fault, fault] })
    const result = await act(api, { 'app-path': apk, 'test-id': TEST })
    expect(result.code).toBe(1)
    expect(api.uploads.puts).toHaveLength(4)
    expect(posts(api, /confirm$/)).toEqual([])
    expect(posts(api, /\/runs$/)).toEqual([])
    expect(result.outputs.status).toBe('error')
    expect(errors(result).join('\n')).toMatch(/could not be uploaded .*after 4 attempts/)
    expectNoKey(result, api)
  })

  it('a confirm reset after the app was made: found in the list, confirmed once', async () => {
    const api = await simulated({ confirmFaults: ['reset-after'] })
    const result = await act(api, { 'app-path': apk, 'test-id': TEST })
    expect(result.code).toBe(0)
    expect(posts(api, /confirm$/)).toHaveLength(1)
    expect(api.requests.filter(r => r.method === 'GET' && /\/mobile$/.test(r.path))).toHaveLength(1)
    const app = api.uploads.apps[0] as { id: string }
    expect(result.outputs['app-id']).toBe(app.id)
    expect(posts(api, /\/tests\/.*\/runs$/)[0]?.body).toMatchObject({ appId: app.id })
  })

  it('a confirm 503 is tried again', async () => {
    const api = await simulated({ confirmFaults: [{ status: 503 }] })
    const result = await act(api, { 'app-path': apk })
    expect(result.code).toBe(0)
    expect(posts(api, /confirm$/)).toHaveLength(2)
    expect(api.uploads.apps).toHaveLength(1)
  })
})

describe('a .app folder', () => {
  it('arrives as a zip whose entries sit under Shop.app/, symlinks kept, the zip removed', async () => {
    const app = join(dir, 'ios', 'Shop.app')
    mkdirSync(join(app, 'Frameworks'), { recursive: true })
    writeFileSync(join(app, 'Shop'), Buffer.alloc(100_000, 1))
    writeFileSync(join(app, 'Info.plist'), '<plist/>')
    symlinkSync('../Shop', join(app, 'Frameworks', 'ShopLink'))
    const api = await simulated()
    const result = await act(api, { 'app-path': app })
    expect(result.stdout).toContain('Zipped')
    expect(result.code).toBe(0)
    expect(posts(api, /\/mobile\/upload$/)[0]?.body).toMatchObject({ filename: 'Shop.app.zip' })
    const [stored] = [...api.uploads.objects.values()]
    const zip = join(dir, 'arrived.zip')
    writeFileSync(zip, stored?.bytes as Buffer)
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')
    expect(names.every(n => n.startsWith('Shop.app/'))).toBe(true)
    expect(names).toEqual(expect.arrayContaining(['Shop.app/Shop', 'Shop.app/Frameworks/ShopLink']))
    expect(execFileSync('unzip', ['-Z', zip], { encoding: 'utf8' })).toMatch(
      /^l.* Shop\.app\/Frameworks\/ShopLink$/m
    )
    expect(result.outputs['app-platform']).toBe('ios')
    const temp = join(result.dir, 'runner_temp')
    expect(existsSync(temp) ? readdirSync(temp).filter(f => f.endsWith('.zip')) : []).toEqual([])
  })
})

describe('cancelled during the upload', () => {
  it('SIGINT aborts the PUT, removes the zip, confirms and starts nothing, within 4 s', async () => {
    const app = join(dir, 'slow', 'Big.app')
    mkdirSync(app, { recursive: true })
    // Random bytes do not compress: the zip stays big enough to take seconds at this rate.
    writeFileSync(join(app, 'Big'), randomBytes(4_000_000))
    const api = await simulated({ storageBytesPerSecond: 256 * 1024 })
    const { child, done } = startAction({
      node: NODE24,
      inputs: {
        'api-key': KEY,
        'api-url': api.url,
        'project-id': PROJECT,
        'app-path': app,
        'test-id': TEST
      }
    })
    const deadline = Date.now() + 20_000
    while (!(api.uploads.puts[0]?.bytes ?? 0) && Date.now() < deadline)
      await new Promise(resolve => setTimeout(resolve, 50))
    expect(api.uploads.puts[0]?.bytes).toBeGreaterThan(0)
    const signalled = Date.now()
    child.kill('SIGINT')
    const result = await done
    results.push(result)
    expect(Date.now() - signalled).toBeLessThan(4_000)
    expect(result.code).toBe(1)
    expect(posts(api, /confirm$/)).toEqual([])
    expect(posts(api, /\/runs$/)).toEqual([])
    expect(result.outputs.status).toBe('cancelled')
    const temp = join(result.dir, 'runner_temp')
    expect(existsSync(temp) ? readdirSync(temp).filter(f => f.endsWith('.zip')) : []).toEqual([])
    expect(result.stderr).toBe('')
  })
})

describe('hostile and early storage answers, and a build that changes under the upload', () => {
  /** Text a server may send that would start workflow commands, were it printed raw. */
  const injected = (where: string) =>
    `busy\n::error title=Injected::${where}\n::set-output name=passed::true\n::stop-commands::x`

  it('server text in retry and renewal lines starts no workflow command', async () => {
    const api = await simulated({
      createFaults: [{ status: 503, message: injected('create') }],
      storageFaults: [
        { status: 503, message: injected('storage'), headers: { 'retry-after': '0' } },
        { status: 403, message: 'Request has expired\n::add-mask::Checkout' }
      ]
    })
    const result = await act(api, { 'app-path': apk })
    expect(result.code).toBe(0)
    expect(api.uploads.puts).toHaveLength(3)
    // The only commands are the action's own: the key's mask, groups, no error, output or mask.
    const commands = result.commands.map(c => c.command)
    expect(commands).not.toContain('set-output')
    expect(commands).not.toContain('stop-commands')
    expect(commands).not.toContain('error')
    expect(result.commands.filter(c => c.command === 'add-mask').map(c => c.message)).toEqual([KEY])
    // Still said, on the line that belongs to it.
    expect(result.stdout).toMatch(
      /^Asking for an upload URL: HTTP 503: busy ::error title=Injected::create/m
    )
    expect(result.stdout).toMatch(/^The upload failed \(.*busy ::error title=Injected::storage/m)
    expect(result.stdout).toMatch(/^Storage refused the upload URL \(.*::add-mask::Checkout\)/m)
  }, 30_000)

  it('a build file that shrinks during its upload is sent once, and the error says so once', async () => {
    const shrinking = join(dir, 'shrinking.apk')
    // Larger than what the sockets between here and storage hold, so most is still to be read.
    writeFileSync(shrinking, randomBytes(24 * 1024 * 1024))
    const api = await simulated({ storageBytesPerSecond: 4 * 1024 * 1024 })
    const { done } = startAction({
      node: NODE24,
      inputs: { 'api-key': KEY, 'api-url': api.url, 'project-id': PROJECT, 'app-path': shrinking }
    })
    const deadline = Date.now() + 20_000
    while (!(api.uploads.puts[0]?.bytes ?? 0) && Date.now() < deadline)
      await new Promise(resolve => setTimeout(resolve, 20))
    // Rebuilt in place by a step running beside this one.
    writeFileSync(shrinking, randomBytes(1024))
    const result = await done
    results.push(result)
    expect(result.code).toBe(1)
    expect(api.uploads.puts).toHaveLength(1)
    expect(posts(api, /confirm$/)).toEqual([])
    const error = errors(result).join('\n')
    expect(error).toMatch(/the build file got shorter during the upload/)
    expect(error).not.toMatch(/failed: the upload failed/)
    expect(result.stdout).not.toMatch(/sending it again from the first byte/)
  }, 30_000)

  it('storage answering 403 before the body is sent is renewed, not retried as a reset (10 runs)', async () => {
    const big = join(dir, 'big.apk')
    writeFileSync(big, randomBytes(3 * 1024 * 1024))
    for (let run = 0; run < 10; run++) {
      const api = await simulated({ storageFaults: [{ status: 403, early: true }] })
      const result = await act(api, { 'app-path': big })
      expect(result.stdout).not.toMatch(/connection to storage was reset/)
      expect(result.code).toBe(0)
      expect(posts(api, /\/mobile\/upload$/)).toHaveLength(2)
      expect(api.uploads.puts).toHaveLength(2)
      expect(result.stdout).toContain('asking for a new one')
    }
  }, 60_000)
})
