// run() with app-path, @actions/core replaced, the real client against the simulated API and
// storage: what the step tells about the build, and how it ends when the upload does not.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../__fixtures__/core.js'
import { runnerEnvironment, type RunnerEnvironment } from '../scripts/runner.mjs'
import { startSimulatedApi, type UploadOptions } from '../scripts/simulated-api.mjs'
import { ApiClient } from '../src/api/api-client.js'
import { systemClock } from '../src/clock.js'
import { fixtureBody } from './helpers/fixtures.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const KEY = 'sk_unit_upload_SECRET'
const PROJECT = '5f0c8a8e-3b7d-4d35-9a51-2f7e1c9b6a10'
const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
const RUN = '2b9f6a47-8c1d-4e0b-b7a3-5e2c9d4f1a36'
const AGENT_RUN = '7d3e1c52-9a4b-4f6e-8b21-c0d9e8f7a6b5'

let dir: string
let close: () => Promise<void> = async () => undefined
/** The step's environment, as the runner sets it: a push unless onPullRequest() says otherwise. */
let step: RunnerEnvironment
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'main-upload-'))
  step = runnerEnvironment()
})
afterEach(async () => {
  await close()
  rmSync(dir, { recursive: true, force: true })
  step.cleanup()
})

/** The workflow runs for a pull request (what the exploration agent reads from the event). */
function onPullRequest(): void {
  step.cleanup()
  step = runnerEnvironment({
    event: {
      pull_request: {
        number: 42,
        title: 'Saved cards',
        head: { ref: 'cards', sha: 'abc123def456' },
        base: { ref: 'main' }
      }
    }
  })
}

async function runWith(
  inputs: Record<string, string>,
  uploads: UploadOptions = {},
  signals = new EventEmitter(),
  wrap: (client: ApiClient) => ApiClient = client => client
) {
  const api = await startSimulatedApi({
    apiKey: KEY,
    runs: {
      [RUN]: { final: { ...fixtureBody('passed'), id: RUN }, before: [] },
      [AGENT_RUN]: { final: { ...fixtureBody('passed'), id: AGENT_RUN }, before: [] }
    },
    tests: { [TEST]: RUN },
    projects: { [PROJECT]: { runId: AGENT_RUN } },
    uploads
  })
  close = api.close
  core.reset({
    'api-key': KEY,
    'api-url': api.url,
    'project-id': PROJECT,
    'report-path': join(dir, 'report.json'),
    ...inputs
  })
  await run({
    clock: systemClock,
    api: settings => wrap(new ApiClient({ apiUrl: settings.apiUrl, apiKey: settings.apiKey })),
    signals: signals as unknown as NodeJS.Process,
    comment: async () => ({ kind: 'skipped' }) as never,
    env: step.env
  })
  return { api, failed: core.setFailed.mock.calls.map(c => String(c[0])) }
}

const apk = (): string => {
  const path = join(dir, 'app-release.apk')
  writeFileSync(path, Buffer.alloc(10_000, 5))
  return path
}

describe('run with app-path', () => {
  it('uploads, starts the test on the new app, and tells about the build', async () => {
    const { api, failed } = await runWith({ 'app-path': apk(), 'test-id': TEST })
    expect(failed).toEqual([])
    const app = api.uploads.apps[0] as { id: string }
    const start = api.requests.find(r => r.path.endsWith('/runs'))
    expect(start?.body).toEqual({ appId: app.id, platform: 'android' })
    expect(core.outputs).toMatchObject({
      'app-id': app.id,
      'app-platform': 'android',
      'app-version': '2.4.0',
      status: 'completed'
    })
    expect(step.summary()).toMatch(/^## ✅ TesterArmy passed/)
    expect(step.summary()).toMatch(/### App build\n\n[\s\S]*\| App ID \| <code>/)
    expect(core.startGroup).toHaveBeenCalledWith(
      `Uploading app-release.apk (9.77 KiB) to TesterArmy project ${PROJECT}`
    )
  })

  it('upload only: outputs and a summary of the build, nothing started, the step passes', async () => {
    const { api, failed } = await runWith({ 'app-path': apk() })
    expect(failed).toEqual([])
    expect(api.requests.filter(r => r.path.endsWith('/runs'))).toEqual([])
    expect(core.outputs).toMatchObject({ 'app-platform': 'android', passed: 'true' })
    expect(step.summary()).toMatch(/^## ✅ TesterArmy: build uploaded\n/)
    expect(core.info).toHaveBeenCalledWith(
      expect.stringMatching(/^TesterArmy: build uploaded as app .*; no run was started\.$/)
    )
  })

  it('a build of the other platform is an error after the upload, before any run', async () => {
    const zip = join(dir, 'Shop.zip')
    writeFileSync(zip, 'PK-ish')
    const { api, failed } = await runWith({
      'app-path': zip,
      'test-id': TEST,
      platform: 'android'
    })
    expect(failed).toEqual([
      expect.stringMatching(
        /^TesterArmy: Input 'platform' is "android", but the uploaded build is an ios app/
      )
    ])
    expect(api.requests.filter(r => r.path.endsWith('/runs'))).toEqual([])
    expect(core.outputs['app-platform']).toBe('ios')
    expect(step.summary()).toContain('### App build')
  })

  it('an .apk with platform ios is refused before any request', async () => {
    const { api, failed } = await runWith({ 'app-path': apk(), 'test-id': TEST, platform: 'ios' })
    expect(failed).toEqual([
      expect.stringMatching(/^Input 'platform' is "ios", but app-path .* is an android build/)
    ])
    expect(api.requests).toEqual([])
  })

  it('a missing build is refused before any request', async () => {
    const { api, failed } = await runWith({ 'app-path': join(dir, 'none.apk') })
    expect(failed).toEqual([expect.stringMatching(/does not exist/)])
    expect(api.requests).toEqual([])
    expect(core.outputs).toEqual({})
  })

  it('an upload that fails ends with status error and nothing started', async () => {
    const fault = { status: 500, headers: { 'retry-after': '0' } }
    const { api, failed } = await runWith(
      { 'app-path': apk(), 'test-id': TEST },
      { storageFaults: [fault, fault, fault, fault] }
    )
    expect(failed).toEqual([expect.stringMatching(/^TesterArmy: the build could not be uploaded/)])
    expect(core.outputs.status).toBe('error')
    expect(api.uploads.confirms).toEqual([])
  })

  it("the step's timeout during the upload: status timed_out, not error, and what to raise", async () => {
    const { api, failed } = await runWith(
      { 'app-path': apk(), 'test-id': TEST, timeout: '300ms' },
      { storageFaults: ['hang'] }
    )
    expect(failed).toEqual([
      "TesterArmy: the step's timeout (300 ms) was reached while the build was being uploaded; raise timeout if it needs longer. No run was started"
    ])
    expect(core.outputs).toMatchObject({ status: 'timed_out', passed: 'false' })
    expect(api.uploads.confirms).toEqual([])
    expect(api.requests.filter(r => r.path.endsWith('/runs'))).toEqual([])
  })

  it('a cancel during the upload confirms and starts nothing', async () => {
    const signals = new EventEmitter()
    const path = join(dir, 'big.apk')
    writeFileSync(path, Buffer.alloc(4 * 1024 * 1024, 1))
    setTimeout(() => signals.emit('SIGINT', 'SIGINT'), 300)
    const { api, failed } = await runWith(
      { 'app-path': path, 'test-id': TEST },
      { storageBytesPerSecond: 1024 * 1024 },
      signals
    )
    expect(failed).toEqual([
      'TesterArmy: the wait was cancelled because the workflow was cancelled.'
    ])
    expect(core.outputs.status).toBe('cancelled')
    expect(api.uploads.confirms).toEqual([])
    expect(core.info).toHaveBeenCalledWith(
      'The upload was cancelled: nothing was confirmed and no run was started.'
    )
  })

  it('a cancel while the upload is being confirmed: says the app may have been created', async () => {
    const signals = new EventEmitter()
    const { api, failed } = await runWith(
      { 'app-path': apk(), 'test-id': TEST },
      {},
      signals,
      client => {
        const confirm = client.confirmUpload.bind(client)
        client.confirmUpload = async (...args) => {
          signals.emit('SIGINT', 'SIGINT')
          return confirm(...args)
        }
        return client
      }
    )
    expect(failed).toEqual([
      'TesterArmy: the wait was cancelled because the workflow was cancelled.'
    ])
    expect(core.outputs.status).toBe('cancelled')
    expect(api.requests.filter(r => r.path.endsWith('/runs'))).toEqual([])
    const lines = core.info.mock.calls.map(c => String(c[0]))
    expect(lines).not.toContain(
      'The upload was cancelled: nothing was confirmed and no run was started.'
    )
    expect(lines).toContain(
      'The upload was cancelled while it was being confirmed: the app may have been created in the project (see the TesterArmy dashboard); no run was started.'
    )
  })

  it('with exploration-agent: uploads, then starts the agent on the new app, with its platform', async () => {
    onPullRequest()
    const { api, failed } = await runWith({ 'app-path': apk(), 'exploration-agent': 'true' })
    expect(failed).toEqual([])
    const app = api.uploads.apps[0] as { id: string }
    const paths = api.requests.map(r => `${r.method} ${r.path}`)
    const confirmed = paths.indexOf(`POST /api/v1/projects/${PROJECT}/mobile/upload/confirm`)
    const started = paths.indexOf(`POST /api/v1/projects/${PROJECT}/pull-request-runs`)
    expect(confirmed).toBeGreaterThanOrEqual(0)
    expect(started).toBeGreaterThan(confirmed)
    expect(api.requests[started]?.body).toEqual({
      platform: 'android',
      pullRequest: {
        number: 42,
        title: 'Saved cards',
        baseBranch: 'main',
        headBranch: 'cards',
        commitSha: 'abc123def456'
      },
      mobile: { appId: app.id }
    })
    expect(core.outputs).toMatchObject({
      'app-id': app.id,
      'run-id': AGENT_RUN,
      'pr-number': '42',
      status: 'completed'
    })
    expect(step.summary()).toContain('### App build')
  })

  it('with exploration-agent and test-id: both start on the new app', async () => {
    onPullRequest()
    const { api, failed } = await runWith({
      'app-path': apk(),
      'exploration-agent': 'true',
      'test-id': TEST,
      'poll-interval': '1s'
    })
    expect(failed).toEqual([])
    const app = api.uploads.apps[0] as { id: string }
    const body = (end: string) => api.requests.find(r => r.path.endsWith(end))?.body
    expect(body('/pull-request-runs')).toMatchObject({ mobile: { appId: app.id } })
    expect(body(`/tests/${TEST}/runs`)).toMatchObject({ appId: app.id, platform: 'android' })
    expect(core.outputs['run-id']).toBe(`${AGENT_RUN},${RUN}`)
  })

  it('with exploration-agent and no pull request: nothing uploaded, nothing started', async () => {
    const { api, failed } = await runWith({ 'app-path': apk(), 'exploration-agent': 'true' })
    expect(failed).toEqual([])
    expect(api.requests).toEqual([])
    expect(core.outputs).toMatchObject({ status: 'skipped', passed: 'true' })
    expect(core.outputs['app-id']).toBeUndefined()
  })
})
