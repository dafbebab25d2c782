// The upload phase with the real client and PUT against the simulated API and storage: the checks
// on disk, a file, a zipped folder (its zip removed), the step's timeout, a cancel.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulatedApi } from '../scripts/simulated-api.mjs'
import { ApiClient } from '../src/api/api-client.js'
import { checkAppFile, runUploadStep, type CheckedApp } from '../src/upload/upload-step.js'
import { systemClock } from '../src/clock.js'
import { startApiServer } from './helpers/api-server.js'

const dir = mkdtempSync(join(tmpdir(), 'upload-step-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

const file = (name: string, content: string | Buffer = 'build'): string => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

describe('checkAppFile', () => {
  it('accepts a file and a .app folder, with their kind and size', async () => {
    expect(await checkAppFile(file('app.apk', 'abc'))).toEqual({
      ok: true,
      app: {
        path: join(dir, 'app.apk'),
        kind: 'file',
        uploadName: 'app.apk',
        size: 3,
        platform: 'android'
      }
    })
    mkdirSync(join(dir, 'Shop.app'), { recursive: true })
    writeFileSync(join(dir, 'Shop.app', 'Shop'), 'x')
    expect(await checkAppFile(join(dir, 'Shop.app'))).toMatchObject({
      ok: true,
      app: { kind: 'app-folder', uploadName: 'Shop.app.zip', platform: 'ios' }
    })
  })

  it.each([
    ['missing', () => join(dir, 'missing.apk'), /does not exist \(relative paths start from/],
    ['under a file', () => join(file('plain.apk'), 'x.apk'), /does not exist/],
    ['empty', () => file('empty.apk', ''), /is empty: the build step may have failed/],
    [
      'an empty .app folder',
      () => (mkdirSync(join(dir, 'Empty.app'), { recursive: true }), join(dir, 'Empty.app')),
      /is empty/
    ],
    ['an .ipa', () => file('Shop.ipa'), /simulator/]
  ])('refuses a build that is %s', async (_, path, message) => {
    expect(await checkAppFile(path())).toEqual({
      ok: false,
      message: expect.stringMatching(message)
    })
  })
})

describe('runUploadStep', () => {
  const log = () => {
    const lines: string[] = []
    return {
      lines,
      info: (line: string) => lines.push(line),
      warning: (line: string) => lines.push(`warning: ${line}`),
      startGroup: (title: string) => lines.push(`group: ${title}`),
      endGroup: () => lines.push('endgroup')
    }
  }
  async function setup(uploads = {}) {
    const api = await startSimulatedApi({ runs: {}, apiKey: 'sk_test_step_KEY', uploads })
    closers.push(api.close)
    return { api, client: new ApiClient({ apiUrl: api.url, apiKey: 'sk_test_step_KEY' }) }
  }
  const options = (app: CheckedApp, client: ApiClient, extra = {}) => ({
    app,
    projectId: 'p1',
    removeAfterS: 600,
    api: client,
    clock: systemClock,
    signal: new AbortController().signal,
    deadline: Date.now() + 60_000,
    tempDir: join(dir, 'temp'),
    userAgent: 'testerarmy-action/test',
    log: log(),
    ...extra
  })
  const checked = async (path: string): Promise<CheckedApp> => {
    const result = await checkAppFile(path)
    if (!result.ok) throw new Error(result.message)
    return result.app
  }

  it('uploads a file and says what TesterArmy made of it', async () => {
    const { api, client } = await setup()
    const app = await checked(file('shop.apk', Buffer.alloc(5000, 3)))
    const lines = log()
    const outcome = await runUploadStep({ ...options(app, client), log: lines })
    expect(outcome).toMatchObject({
      kind: 'uploaded',
      build: {
        path: app.path,
        uploadName: 'shop.apk',
        size: 5000,
        recovered: false,
        app: { platform: 'android', appVersion: '2.4.0', bundleId: 'com.example.shop' }
      }
    })
    expect(lines.lines[0]).toBe('group: Uploading shop.apk (4.88 KiB) to TesterArmy project p1')
    expect(lines.lines.at(-1)).toBe('endgroup')
    expect(api.uploads.confirms[0]).toMatchObject({ fileSize: 5000, removeAfter: 600 })
  })

  it('zips a folder into the temp dir and removes the zip afterwards', async () => {
    const { api, client } = await setup()
    const folder = join(dir, 'Zip.app')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, 'Zip'), 'binary')
    const lines = log()
    const outcome = await runUploadStep({ ...options(await checked(folder), client), log: lines })
    expect(outcome).toMatchObject({ kind: 'uploaded', build: { uploadName: 'Zip.app.zip' } })
    expect(lines.lines[0]).toMatch(/^Zipped .*Zip\.app into Zip\.app\.zip in /)
    expect(readdirSync(join(dir, 'temp'))).toEqual([])
    expect([...api.uploads.objects.values()][0]?.bytes?.subarray(0, 2).toString()).toBe('PK')
  })

  it("stops at the step's timeout, which it tells from a failed upload", async () => {
    const { client } = await setup({ storageFaults: ['hang'] })
    const app = await checked(file('slow.apk'))
    const outcome = await runUploadStep({ ...options(app, client), deadline: Date.now() + 300 })
    expect(outcome).toEqual({ kind: 'timed-out', confirming: false })
  })

  it('ends as cancelled, zipping or uploading, and leaves no zip', async () => {
    const { client } = await setup()
    const controller = new AbortController()
    controller.abort()
    const folder = join(dir, 'Cancel.app')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, 'Cancel'), 'binary')
    const temp = join(dir, 'cancel-temp')
    expect(
      await runUploadStep({
        ...options(await checked(folder), client),
        signal: controller.signal,
        tempDir: temp
      })
    ).toEqual({ kind: 'aborted', confirming: false })
    expect(existsSync(temp) ? readdirSync(temp) : []).toEqual([])
    expect(
      await runUploadStep({
        ...options(await checked(file('c.apk')), client),
        signal: controller.signal
      })
    ).toEqual({ kind: 'aborted', confirming: false })
  })

  it('says when a folder cannot be zipped', async () => {
    const { client } = await setup()
    const folder = join(dir, 'Bad.app')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, 'Bad'), 'binary')
    const app = await checked(folder)
    // The temp dir is a file: the zip cannot be written there.
    expect(await runUploadStep({ ...options(app, client), tempDir: file('not-a-dir') })).toEqual({
      kind: 'failed',
      message: expect.stringMatching(/^the \.app folder could not be zipped: /)
    })
  })
})

describe('ApiClient upload requests', () => {
  it('reports refusals, odd bodies and apps that are not apps as such', async () => {
    const answers = [
      { status: 400, body: { error: 'bad_request', message: 'fileSize must be positive' } },
      { status: 200, body: '<html>proxy</html>' },
      { status: 201, body: { app: { id: 'nope', platform: 'ios' } } },
      { status: 200, body: { apps: 'none' } }
    ]
    const server = await startApiServer(() => answers.shift() ?? { status: 500 })
    closers.push(server.close)
    const client = new ApiClient({ apiUrl: server.url, apiKey: 'k' })
    const body = { filename: 'a.apk', fileSize: 1 }
    expect(await client.createUpload('p', body)).toEqual({
      kind: 'http-error',
      status: 400,
      message: 'HTTP 400: fileSize must be positive',
      retryAfterMs: null
    })
    expect(await client.createUpload('p', body)).toEqual({
      kind: 'invalid-body',
      message: 'the API answered 200 with a body that is not JSON (an HTML page)'
    })
    expect(await client.confirmUpload('p', { ...body, storageKey: 'k' })).toEqual({
      kind: 'invalid-body',
      message: 'the API answered 201 with the app has no ID (a UUID)'
    })
    expect(await client.listApps('p')).toEqual({
      kind: 'invalid-body',
      message: 'the API answered 200 with the app list has no apps array'
    })
    expect(server.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/projects/p/mobile/upload',
      'POST /api/v1/projects/p/mobile/upload',
      'POST /api/v1/projects/p/mobile/upload/confirm',
      'GET /api/v1/projects/p/mobile'
    ])
  })
})
