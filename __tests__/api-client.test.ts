import { afterEach, describe, expect, it } from '@jest/globals'
import { ApiClient, parseRetryAfter } from '../src/api/api-client.js'
import { VERSION } from '../src/constants.js'
import { REFUSED_PORT, startApiServer, type ApiServer, type Reply } from './helpers/api-server.js'

const RUN = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
let server: ApiServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function clientFor(reply: Reply | (() => Reply)) {
  server = await startApiServer(() => (typeof reply === 'function' ? reply() : reply))
  const log: string[] = []
  return {
    client: new ApiClient({
      apiUrl: server.url,
      apiKey: 'sk-test',
      onRequest: line => log.push(line)
    }),
    log
  }
}

describe('ApiClient.getRun', () => {
  it('sends the documented headers to {api-url}/v1/runs/{id} and returns the run', async () => {
    const { client, log } = await clientFor({
      status: 200,
      body: { id: RUN, status: 'running', surprise: true }
    })
    const answer = await client.getRun(RUN)
    expect(answer).toMatchObject({
      kind: 'run',
      run: { id: RUN, status: 'running' },
      body: { surprise: true }
    })
    const [request] = server!.requests
    expect(request).toMatchObject({ method: 'GET', path: `/api/v1/runs/${RUN}` })
    expect(request!.headers).toMatchObject({
      authorization: 'Bearer sk-test',
      accept: 'application/json',
      'user-agent': `testerarmy-action/${VERSION}`
    })
    expect(log).toEqual([
      expect.stringMatching(new RegExp(`^GET /v1/runs/${RUN} -> 200 in \\d+ ms$`))
    ])
    expect(log.join()).not.toContain('sk-test')
  })

  it("returns the API's own message for an error status", async () => {
    const { client } = await clientFor({
      status: 401,
      body: { error: 'unauthorized', message: 'Invalid API key' }
    })
    expect(await client.getRun(RUN)).toEqual({
      kind: 'http-error',
      status: 401,
      message: 'HTTP 401: Invalid API key',
      retryAfterMs: null
    })
  })

  it('reads Retry-After in seconds', async () => {
    const { client } = await clientFor({
      status: 429,
      body: { error: 'rate', message: 'slow down' },
      headers: { 'retry-after': '7' }
    })
    expect(await client.getRun(RUN)).toMatchObject({
      kind: 'http-error',
      status: 429,
      retryAfterMs: 7_000
    })
  })

  it('reads Retry-After as an HTTP date', async () => {
    const when = new Date(Date.now() + 20_000).toUTCString()
    const { client } = await clientFor({ status: 429, body: '', headers: { 'retry-after': when } })
    const answer = await client.getRun(RUN)
    expect(answer.kind === 'http-error' && answer.retryAfterMs).toBeGreaterThan(15_000)
  })

  it('summarises a proxy HTML page instead of dumping it', async () => {
    const page =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'
    const { client } = await clientFor({
      status: 502,
      body: page,
      headers: { 'content-type': 'text/html' }
    })
    expect(await client.getRun(RUN)).toMatchObject({
      kind: 'http-error',
      status: 502,
      message: 'HTTP 502 (an HTML page titled "502 Bad Gateway")'
    })
  })

  it('calls a 200 that is not JSON an invalid body', async () => {
    const { client } = await clientFor({ status: 200, body: '<html>maintenance</html>' })
    expect(await client.getRun(RUN)).toMatchObject({
      kind: 'invalid-body',
      message: expect.stringContaining('not JSON')
    })
  })

  it('calls JSON that is not a run an invalid body', async () => {
    const { client } = await clientFor({ status: 200, body: { ok: true } })
    expect(await client.getRun(RUN)).toMatchObject({
      kind: 'invalid-body',
      message: 'the API answered 200 but the response has no run status'
    })
  })

  it('reports a connection reset', async () => {
    const { client } = await clientFor('reset')
    expect(await client.getRun(RUN)).toMatchObject({
      kind: 'network-error',
      timedOut: false,
      message: expect.stringContaining('reset')
    })
  })

  it('reports a connection cut in the middle of the body, instead of waiting forever', async () => {
    const { client } = await clientFor('cut')
    expect(await client.getRun(RUN)).toMatchObject({ kind: 'network-error', timedOut: false })
  })

  it('reports a refused connection', async () => {
    const port = REFUSED_PORT
    const client = new ApiClient({ apiUrl: `http://127.0.0.1:${port}/api`, apiKey: 'k' })
    expect(await client.getRun(RUN)).toEqual({
      kind: 'network-error',
      timedOut: false,
      mayHaveArrived: false,
      message: 'the API refused the connection (ECONNREFUSED)'
    })
  })

  it('ends a request that hangs past its own timeout', async () => {
    const { client } = await clientFor('hang')
    const answer = await client.getRun(RUN, { timeoutMs: 150 })
    expect(answer).toEqual({
      kind: 'network-error',
      timedOut: true,
      mayHaveArrived: true,
      message: 'no answer from the API within 150 ms'
    })
  })

  it('ends a request at once when the caller aborts', async () => {
    const { client } = await clientFor('hang')
    const controller = new AbortController()
    const pending = client.getRun(RUN, { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    expect(await pending).toEqual({ kind: 'aborted' })
    expect(await client.getRun(RUN, { signal: controller.signal })).toEqual({ kind: 'aborted' })
  })

  it('does not follow a redirect that would carry the key elsewhere', async () => {
    const { client } = await clientFor({
      status: 302,
      body: '',
      headers: { location: 'http://127.0.0.1:1/steal' }
    })
    expect(await client.getRun(RUN)).toMatchObject({ kind: 'http-error', status: 302 })
    expect(server!.requests).toHaveLength(1)
  })
})

describe('ApiClient.cancelRun', () => {
  it('POSTs to /v1/runs/{id}/cancel with no body', async () => {
    const { client } = await clientFor({ status: 200, body: { id: RUN, status: 'cancelled' } })
    expect(await client.cancelRun(RUN)).toEqual({ kind: 'cancelled' })
    expect(server!.requests[0]).toMatchObject({
      method: 'POST',
      path: `/api/v1/runs/${RUN}/cancel`,
      body: ''
    })
    expect(server!.requests[0]!.headers['content-length']).toBe('0')
  })

  it('returns a 409 as an http error for the caller to accept', async () => {
    const { client } = await clientFor({
      status: 409,
      body: { error: 'conflict', message: 'Run is already terminal' }
    })
    expect(await client.cancelRun(RUN)).toEqual({
      kind: 'http-error',
      status: 409,
      message: 'HTTP 409: Run is already terminal'
    })
  })
})

describe('ApiClient.listRuns', () => {
  const P = '5f0c8a8e-3b7d-4d35-9a51-2f7e1c9b6a10'

  it('GETs /v1/runs with the project, 100 a page and the cursor, keeping each item as received', async () => {
    const item = { id: RUN, status: 'running', projectId: P, extra: 'kept' }
    const { client, log } = await clientFor({
      status: 200,
      body: { runs: [item], nextCursor: 'c2' }
    })
    expect(await client.listRuns(P, null)).toEqual({
      kind: 'list',
      page: { runs: [{ run: expect.objectContaining({ id: RUN }), body: item }], nextCursor: 'c2' }
    })
    await client.listRuns(P, 'c2 &x=1')
    expect(server!.requests.map(r => r.path)).toEqual([
      `/api/v1/runs?projectId=${P}&limit=100`,
      `/api/v1/runs?projectId=${P}&limit=100&cursor=c2+%26x%3D1`
    ])
    expect(server!.requests[0]!.headers.authorization).toBe('Bearer sk-test')
    expect(log[0]).toMatch(/^GET \/v1\/runs\?projectId=.* -> 200 in \d+ ms$/)
  })

  it('says what came back when it is not a list', async () => {
    const { client } = await clientFor({ status: 200, body: { id: RUN, status: 'running' } })
    expect(await client.listRuns(P, null)).toEqual({
      kind: 'invalid-body',
      message: 'the API answered 200 with something that is not a list of runs'
    })
  })

  it('refuses a page heavier than the runs would be one by one', async () => {
    const { Limits } = await import('../src/constants.js')
    const big = 'x'.repeat(Limits.maxListPageBytes)
    const { client } = await clientFor({
      status: 200,
      body: { runs: [{ id: RUN, status: 'running', big }] }
    })
    expect(await client.listRuns(P, null)).toEqual({
      kind: 'too-large',
      message: 'a page of the run list is larger than 8 MB'
    })
  })

  it('hands a refusal over with its status, for the list policy', async () => {
    const { client } = await clientFor({ status: 403, body: { error: 'forbidden', message: 'No' } })
    expect(await client.listRuns(P, null)).toMatchObject({ kind: 'http-error', status: 403 })
  })
})

describe('parseRetryAfter', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['3', 3_000],
    ['1.5', 1_500],
    ['soon', null],
    ['Thu, 01 Jan 1970 00:00:10 GMT', 5_000],
    ['Thu, 01 Jan 1970 00:00:01 GMT', 0]
  ])('%s gives %s', (header, ms) => expect(parseRetryAfter(header, 5_000)).toBe(ms))
})

describe('the API key never comes back out', () => {
  it('scrubs the key from a body that echoes it, raw or JSON-escaped, before anything reads it', async () => {
    const key = 'sk_live_"quoted"\\slash'
    server = await startApiServer(() => ({
      status: 401,
      body: { error: 'unauthorized', message: `Invalid API key ${key}` }
    }))
    const client = new ApiClient({ apiUrl: server.url, apiKey: key })
    const answer = await client.getRun(RUN)
    expect(answer).toMatchObject({ kind: 'http-error', message: 'HTTP 401: Invalid API key ***' })
  })

  it('scrubs it from run bodies too', async () => {
    server = await startApiServer(() => ({
      status: 200,
      body: {
        id: RUN,
        status: 'failed',
        error: { code: 'X', message: 'token sk-live-123 rejected' }
      }
    }))
    const answer = await new ApiClient({ apiUrl: server.url, apiKey: 'sk-live-123' }).getRun(RUN)
    expect(answer.kind === 'run' && answer.run.error?.message).toBe('token *** rejected')
    expect(JSON.stringify(answer.kind === 'run' && answer.body)).not.toContain('sk-live-123')
  })
})

describe('ApiClient: the agent and batches', () => {
  const BATCH = 'b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
  it('starts the agent at /v1/projects/{id}/pull-request-runs and keeps the answer', async () => {
    const answer = {
      status: 'queued',
      runId: RUN.toUpperCase(),
      projectId: RUN,
      platform: 'web',
      metadata: { github: { configured: true } }
    }
    const { client } = await clientFor({ status: 202, body: answer })
    const started = await client.startAgent('shop', { targetUrl: 'https://p.test' })
    expect(started).toEqual({ kind: 'started', runIds: [RUN], cancelledRunIds: [], answer })
    expect(server!.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/projects/shop/pull-request-runs',
      body: '{"targetUrl":"https://p.test"}'
    })
  })
  it('a group answer gives its batch ID', async () => {
    const { client } = await clientFor({
      status: 202,
      body: { batchId: BATCH, runIds: [RUN], queuedRunIds: [RUN], cancelledRunIds: [] }
    })
    expect(await client.startRuns('group', BATCH, {})).toMatchObject({ batchId: BATCH })
  })
  it('cancels a batch with an empty POST and says which runs it covered', async () => {
    const { client } = await clientFor({
      status: 200,
      body: {
        batchId: BATCH,
        cancelled: 1,
        alreadyFinished: 1,
        cancelledRunIds: [RUN],
        alreadyFinishedRunIds: [BATCH.toUpperCase()]
      }
    })
    expect(await client.cancelBatch(BATCH)).toEqual({ kind: 'cancelled', covered: [RUN, BATCH] })
    expect(server!.requests[0]).toMatchObject({
      method: 'POST',
      path: `/api/v1/batches/${BATCH}/cancel`,
      body: ''
    })
  })
  it('a 409 still lists what it covered; a body that is not JSON covers nothing', async () => {
    const { client } = await clientFor({
      status: 409,
      body: {
        error: 'conflict',
        message: 'Some runs could not be cancelled',
        cancelledRunIds: [RUN]
      }
    })
    expect(await client.cancelBatch(BATCH)).toEqual({
      kind: 'http-error',
      status: 409,
      message: 'HTTP 409: Some runs could not be cancelled',
      covered: [RUN]
    })
    await server!.close()
    const second = await clientFor({ status: 502, body: '<html>bad gateway</html>' })
    expect(await second.client.cancelBatch(BATCH)).toMatchObject({
      kind: 'http-error',
      covered: []
    })
  })
  it('a batch cancel that gets no answer is a network error', async () => {
    const client = new ApiClient({ apiUrl: `http://127.0.0.1:${REFUSED_PORT}/api`, apiKey: 'k' })
    expect(await client.cancelBatch(BATCH)).toMatchObject({ kind: 'network-error' })
  })
})

describe('hardening', () => {
  const KEY = 'sk_live/0123456789/abcdefghijklmnopqrstuvwxyz/ABCDEFGH'

  it('scrubs the key from a 401 whose JSON escapes its slashes, as PHP writes it', async () => {
    server = await startApiServer(() => ({
      status: 401,
      body: `{"error":"unauthorized","message":"Invalid API key ${KEY.replaceAll('/', '\\/')}"}`
    }))
    const answer = await new ApiClient({ apiUrl: server.url, apiKey: KEY }).getRun(RUN)
    expect(answer).toMatchObject({ kind: 'http-error', message: 'HTTP 401: Invalid API key ***' })
  })

  it('scrubs the key from run text spelled with \\u escapes, in the run and the body kept for the report', async () => {
    const escaped = Array.from(
      KEY,
      c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    ).join('')
    server = await startApiServer(() => ({
      status: 200,
      body: `{"id":"${RUN}","status":"failed","error":{"code":"X","message":"echo ${escaped}"},"${escaped}":1}`
    }))
    const answer = await new ApiClient({ apiUrl: server.url, apiKey: KEY }).getRun(RUN)
    expect(answer.kind === 'run' && answer.run.error?.message).toBe('echo ***')
    expect(JSON.stringify(answer)).not.toContain(KEY)
  })

  it('reads a completed run sent with a byte-order mark', async () => {
    server = await startApiServer(() => ({
      status: 200,
      body: `\ufeff${JSON.stringify({ id: RUN, status: 'completed' })}`
    }))
    const answer = await new ApiClient({ apiUrl: server.url, apiKey: KEY }).getRun(RUN)
    expect(answer).toMatchObject({ kind: 'run', run: { status: 'completed' } })
  })

  it('shows the invisible characters that make a body not JSON', async () => {
    server = await startApiServer(() => ({ status: 200, body: '\u200b{"status":"completed"}' }))
    const answer = await new ApiClient({ apiUrl: server.url, apiKey: KEY }).getRun(RUN)
    expect(answer).toEqual({
      kind: 'invalid-body',
      message:
        'the API answered 200 with a body that is not JSON (23 characters starting "\\u200b{"status":"completed"}")'
    })
  })

  it('refuses an answer whose Content-Length is over the cap without reading it', async () => {
    const { createServer } = await import('node:http')
    const big = createServer((_req, res) => {
      res.writeHead(200, { 'content-length': String(200 * 1024 * 1024) })
      res.write('{')
    })
    await new Promise<void>(resolve => big.listen(0, '127.0.0.1', resolve))
    const port = (big.address() as { port: number }).port
    try {
      const answer = await new ApiClient({
        apiUrl: `http://127.0.0.1:${port}/api`,
        apiKey: KEY
      }).getRun(RUN)
      expect(answer).toEqual({
        kind: 'too-large',
        message: "the API's answer is larger than 128 MB, more than this action can read"
      })
    } finally {
      big.closeAllConnections()
      await new Promise(resolve => big.close(resolve))
    }
  })

  it('reaches an API on an IPv6 literal such as [::1]', async () => {
    const { createServer } = await import('node:http')
    const v6 = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ id: RUN, status: 'running' }))
    })
    await new Promise<void>(resolve => v6.listen(0, '::1', resolve))
    const port = (v6.address() as { port: number }).port
    try {
      const answer = await new ApiClient({
        apiUrl: `http://[::1]:${port}/api`,
        apiKey: KEY
      }).getRun(RUN)
      expect(answer).toMatchObject({ kind: 'run', run: { status: 'running' } })
    } finally {
      v6.closeAllConnections()
      await new Promise(resolve => v6.close(resolve))
    }
  })

  it('counts group run IDs that differ only in case once', async () => {
    const upper = RUN.toUpperCase()
    server = await startApiServer(() => ({
      status: 201,
      body: { runIds: [RUN, upper], queuedRunIds: [upper], cancelledRunIds: [] }
    }))
    const answer = await new ApiClient({ apiUrl: server.url, apiKey: KEY }).startRuns(
      'group',
      RUN,
      {}
    )
    expect(answer).toMatchObject({ kind: 'started', runIds: [RUN], cancelledRunIds: [] })
  })
})
