// The upload's story with fakes: retries of the PUT, a new URL after a 403, confirm retried only
// when it cannot have arrived, and the app found in the list when the confirm's answer was lost.
import { describe, expect, it } from '@jest/globals'
import type { MobileApp, UploadTicket } from '../src/api/app-response.js'
import type { Clock } from '../src/clock.js'
import type { PutOptions, PutResult } from '../src/upload/storage-put.js'
import { uploadFigures } from '../src/upload/app-build.js'
import { confirmCannotHaveArrived, uploadApp, uploadTitle } from '../src/upload/upload-protocol.js'
import type { ApiAnswer, UploadApi } from '../src/api/api-client.js'

const PROJECT = 'p-1'
const T0 = Date.parse('2026-11-29T03:00:00Z')
const SIZE = 4096
const app = (over: Partial<MobileApp> = {}): MobileApp => ({
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  platform: 'android',
  filename: 'app.apk',
  bundleId: 'com.example',
  appVersion: '1.0',
  buildVersion: '1',
  fileSize: SIZE,
  source: 'api_upload',
  createdAt: new Date(T0 + 5_000).toISOString(),
  ...over
})

const ok = <T>(value: T): ApiAnswer<T> => ({ kind: 'ok', value })
const http = (status: number, retryAfterMs: number | null = null) =>
  ({ kind: 'http-error', status, message: `HTTP ${status}`, retryAfterMs }) as const
const reset = {
  kind: 'network-error',
  message: 'reset',
  timedOut: false,
  mayHaveArrived: true
} as const
const refused = {
  kind: 'network-error',
  message: 'refused',
  timedOut: false,
  mayHaveArrived: false
} as const

function setup(script: {
  create?: ApiAnswer<UploadTicket>[]
  puts?: PutResult[]
  confirm?: ApiAnswer<MobileApp>[]
  list?: ApiAnswer<MobileApp[]>[]
  controller?: AbortController
}) {
  let time = T0
  const sleeps: number[] = []
  const clock: Clock = {
    now: () => time,
    sleep: async ms => {
      sleeps.push(ms)
      time += ms
    }
  }
  const calls = { create: 0, confirm: 0, list: 0, puts: [] as PutOptions[] }
  let tickets = 0
  const next = <T>(list: T[] | undefined, index: number, fallback: T): T =>
    list && list.length ? (list[Math.min(index, list.length - 1)] as T) : fallback
  const api: UploadApi = {
    createUpload: async () =>
      next(
        script.create,
        calls.create++,
        ok({ uploadUrl: `https://s3.test/u${++tickets}`, storageKey: `k${tickets}` })
      ),
    confirmUpload: async () => next(script.confirm, calls.confirm++, ok(app())),
    listApps: async () => next(script.list, calls.list++, ok([app()]))
  }
  const lines: string[] = []
  const controller = script.controller ?? new AbortController()
  const run = () =>
    uploadApp({
      api,
      clock,
      put: async options => {
        calls.puts.push(options)
        time += 1_000
        options.onProgress?.(SIZE)
        return next(script.puts, calls.puts.length - 1, { kind: 'stored', status: 200 })
      },
      projectId: PROJECT,
      file: { path: '/tmp/app.apk', uploadName: 'app.apk', size: SIZE },
      removeAfterS: 3600,
      signal: controller.signal,
      userAgent: 'ua',
      log: { info: line => lines.push(line), warning: line => lines.push(`warning: ${line}`) },
      random: () => 0.5
    })
  return { run, calls, sleeps, lines }
}

describe('uploadApp', () => {
  it('creates a URL, PUTs once, confirms once', async () => {
    const { run, calls, lines } = setup({})
    const outcome = await run()
    expect(outcome).toMatchObject({
      kind: 'uploaded',
      app: app(),
      recovered: false,
      uploadMs: 1000
    })
    expect(calls).toMatchObject({ create: 1, confirm: 1, list: 0 })
    expect(calls.puts[0]).toMatchObject({
      url: 'https://s3.test/u1',
      size: SIZE,
      idleTimeoutMs: 60_000
    })
    expect(lines).toEqual(['Uploaded 4.00 KiB in 1 s (4.00 KiB/s).'])
  })

  it('sends the file again from the first byte after a 500 and a reset', async () => {
    const { run, calls, sleeps, lines } = setup({
      puts: [
        {
          kind: 'http-error',
          status: 500,
          message: 'storage answered HTTP 500',
          retryAfterMs: null
        },
        { kind: 'network-error', message: 'the connection to storage was reset (ECONNRESET)' },
        { kind: 'stored', status: 200 }
      ]
    })
    expect((await run()).kind).toBe('uploaded')
    expect(calls.puts.map(p => p.url)).toEqual(Array(3).fill('https://s3.test/u1'))
    expect(sleeps).toEqual([1500, 3000])
    expect(lines[0]).toMatch(
      /HTTP 500\); sending it again from the first byte in 1.5 s \(attempt 2 of 4\)/
    )
  })

  it('sends the file again after a 408 (the storage timed the request out)', async () => {
    const { run, calls, lines } = setup({
      puts: [
        {
          kind: 'http-error',
          status: 408,
          message: 'storage answered HTTP 408 (RequestTimeout)',
          retryAfterMs: null
        },
        { kind: 'stored', status: 200 }
      ]
    })
    expect((await run()).kind).toBe('uploaded')
    expect(calls.puts).toHaveLength(2)
    expect(lines[0]).toMatch(/HTTP 408 .*sending it again from the first byte .*attempt 2 of 4/)
  })

  it('follows a storage Retry-After on 429, at most a minute', async () => {
    const { run, sleeps } = setup({
      puts: [
        { kind: 'http-error', status: 429, message: 'slow down', retryAfterMs: 600_000 },
        { kind: 'stored', status: 200 }
      ]
    })
    expect((await run()).kind).toBe('uploaded')
    expect(sleeps).toEqual([60_000])
  })

  it('asks for a new URL once after a 403, and fails on a second', async () => {
    const forbidden: PutResult = {
      kind: 'http-error',
      status: 403,
      message: 'storage answered HTTP 403 (AccessDenied)',
      retryAfterMs: null
    }
    const once = setup({ puts: [forbidden, { kind: 'stored', status: 200 }] })
    expect((await once.run()).kind).toBe('uploaded')
    expect(once.calls.puts.map(p => p.url)).toEqual(['https://s3.test/u1', 'https://s3.test/u2'])
    expect(once.calls.create).toBe(2)

    const twice = setup({ puts: [forbidden] })
    expect(await twice.run()).toEqual({
      kind: 'failed',
      message: expect.stringMatching(/AccessDenied\), after 2 attempts\); nothing was confirmed/)
    })
    expect(twice.calls.confirm).toBe(0)
  })

  it('gives up after four PUTs, confirming nothing', async () => {
    const { run, calls } = setup({
      puts: [
        {
          kind: 'http-error',
          status: 503,
          message: 'storage answered HTTP 503',
          retryAfterMs: null
        }
      ]
    })
    expect(await run()).toEqual({
      kind: 'failed',
      message:
        'the build could not be uploaded (storage answered HTTP 503, after 4 attempts); nothing was confirmed and no run was started'
    })
    expect(calls.puts).toHaveLength(4)
    expect(calls.confirm).toBe(0)
  })

  it('does not retry a PUT refused for good (400)', async () => {
    const { run, calls } = setup({
      puts: [
        {
          kind: 'http-error',
          status: 400,
          message: 'storage answered HTTP 400',
          retryAfterMs: null
        }
      ]
    })
    expect((await run()).kind).toBe('failed')
    expect(calls.puts).toHaveLength(1)
  })

  it('does not send again a build file that got shorter, and says so once', async () => {
    const message =
      'the build file got shorter during the upload (it ended at 1024 of the 4096 bytes it had)'
    const { run, calls, lines } = setup({ puts: [{ kind: 'file-error', message }] })
    expect(await run()).toEqual({
      kind: 'failed',
      message: `the build could not be uploaded: ${message}; nothing was confirmed and no run was started`
    })
    expect(calls.puts).toHaveLength(1)
    expect(lines.join('\n')).not.toMatch(/sending it again/)
  })

  it('puts server text in its log lines on one line, never at the start of one', async () => {
    const hostile = 'busy\n::error::injected\r\n::stop-commands::x'
    const { run, lines } = setup({
      create: [
        { kind: 'http-error', status: 503, message: hostile, retryAfterMs: 0 },
        ok({ uploadUrl: 'https://s3.test/u1', storageKey: 'k1' }),
        ok({ uploadUrl: 'https://s3.test/u2', storageKey: 'k2' })
      ],
      puts: [
        { kind: 'http-error', status: 503, message: hostile, retryAfterMs: 0 },
        { kind: 'http-error', status: 403, message: hostile, retryAfterMs: null },
        { kind: 'stored', status: 200 }
      ],
      confirm: [{ kind: 'http-error', status: 503, message: hostile, retryAfterMs: 0 }, ok(app())]
    })
    expect((await run()).kind).toBe('uploaded')
    expect(lines.filter(l => l.includes('busy'))).toHaveLength(4)
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/)
  })

  it('retries creating the URL on faults and stops on a refusal', async () => {
    const flaky = setup({
      create: [http(502), reset, ok({ uploadUrl: 'https://s3.test/x', storageKey: 'k' })]
    })
    expect((await flaky.run()).kind).toBe('uploaded')
    expect(flaky.calls.create).toBe(3)

    const refusedKey = setup({ create: [http(401)] })
    expect(await refusedKey.run()).toEqual({
      kind: 'failed',
      message: 'TesterArmy did not give an upload URL: HTTP 401'
    })
    expect(refusedKey.calls.create).toBe(1)
    expect(refusedKey.calls.puts).toHaveLength(0)

    const down = setup({ create: [http(500)] })
    expect((await down.run()).kind).toBe('failed')
    expect(down.calls.create).toBe(4)
  })

  it('never sends the build to an http URL off this machine', async () => {
    const { run, calls } = setup({
      create: [ok({ uploadUrl: 'http://bucket.example.com/k?X-Amz-Signature=s', storageKey: 'k' })]
    })
    expect(await run()).toEqual({ kind: 'failed', message: expect.stringMatching(/not https/) })
    expect(calls.puts).toHaveLength(0)
  })

  it('confirms again after a refused connection, a 429 or a 503', async () => {
    const { run, calls } = setup({ confirm: [refused, http(429, 2_000), http(503), ok(app())] })
    expect(await run()).toMatchObject({ kind: 'uploaded', recovered: false })
    expect(calls.confirm).toBe(4)
    expect(calls.list).toBe(0)
  })

  it.each([
    ['a reset', reset],
    ['a 500', http(500)],
    ['a 504', http(504)],
    ['an unreadable success', { kind: 'invalid-body', message: 'not JSON' } as const]
  ])('after %s, finds the app in the list and confirms nothing more', async (_, fault) => {
    const { run, calls, lines } = setup({ confirm: [fault] })
    expect(await run()).toMatchObject({ kind: 'uploaded', app: app(), recovered: true })
    expect(calls.confirm).toBe(1)
    expect(calls.list).toBe(1)
    expect(lines.join('\n')).toMatch(/looking for it in the project's apps/)
  })

  it('looks again when the app is not listed yet, then fails saying where to look', async () => {
    const later = setup({ confirm: [reset], list: [ok([]), ok([app()])] })
    expect((await later.run()).kind).toBe('uploaded')
    expect(later.calls.list).toBe(2)

    const never = setup({ confirm: [reset], list: [ok([app({ fileSize: 1 })])] })
    expect(await never.run()).toEqual({
      kind: 'failed',
      message: expect.stringMatching(/no app of 4096 bytes uploaded since it began.*dashboard/)
    })
    expect(never.calls.list).toBe(4)
  })

  it('does not guess between two matching apps', async () => {
    const other = app({ id: '00000000-0000-4000-8000-000000000001' })
    const { run } = setup({ confirm: [http(502)], list: [ok([app(), other])] })
    expect(await run()).toEqual({
      kind: 'failed',
      message: expect.stringMatching(/2 apps of 4096 bytes.*cannot tell which/)
    })
  })

  it('fails with what to check when the list cannot be read', async () => {
    const { run, calls } = setup({ confirm: [reset], list: [http(403)] })
    expect(await run()).toEqual({
      kind: 'failed',
      message: expect.stringMatching(/could not be listed \(HTTP 403\).*dashboard/)
    })
    expect(calls.list).toBe(1)
    const flaky = setup({ confirm: [reset], list: [http(500)] })
    expect((await flaky.run()).kind).toBe('failed')
    expect(flaky.calls.list).toBe(4)
  })

  it('fails at once when the API refuses the confirm', async () => {
    const { run, calls } = setup({ confirm: [http(400)] })
    expect(await run()).toEqual({
      kind: 'failed',
      message: 'TesterArmy did not accept the uploaded build: HTTP 400'
    })
    expect(calls.list).toBe(0)
  })

  it('ends at once when cancelled, in any phase', async () => {
    for (const where of ['create', 'put', 'confirm', 'list', 'sleep'] as const) {
      const controller = new AbortController()
      const aborted = { kind: 'aborted' } as const
      const { run, calls } = setup({
        controller,
        create: where === 'create' ? [aborted] : undefined,
        puts:
          where === 'put'
            ? [aborted]
            : where === 'sleep'
              ? [{ kind: 'network-error', message: 'reset' }]
              : undefined,
        confirm: where === 'confirm' ? [aborted] : where === 'list' ? [reset] : undefined,
        list: where === 'list' ? [aborted] : undefined
      })
      if (where === 'sleep') controller.abort()
      // Once the confirm is sent, the app may exist: the outcome says so.
      const confirming = where === 'confirm' || where === 'list'
      expect(await run()).toEqual({ kind: 'aborted', confirming })
      if (where !== 'confirm' && where !== 'list') expect(calls.confirm).toBe(0)
    }
  })
})

describe('wording', () => {
  it('titles the group with the file and its size', () => {
    expect(
      uploadTitle({ path: '/x', uploadName: 'Shop.app.zip', size: 5 * 1024 * 1024 }, 'p')
    ).toBe('Uploading Shop.app.zip (5.00 MiB) to TesterArmy project p')
    expect(uploadFigures(10 * 1024 * 1024, 4_000)).toBe('10.0 MiB in 4 s (2.50 MiB/s)')
  })

  it('calls only what never reached the server safe to confirm again', () => {
    expect(confirmCannotHaveArrived(refused)).toBe(true)
    expect(confirmCannotHaveArrived(reset)).toBe(false)
    expect(confirmCannotHaveArrived(http(500))).toBe(false)
  })
})
