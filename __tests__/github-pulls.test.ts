// Pull-request lookups against a real HTTP server standing in for GitHub's REST API.
import { afterEach, describe, expect, it } from '@jest/globals'
import { failureOf, retryDelayMs } from '../src/github/call.js'
import { createPullsClient } from '../src/github/pulls.js'
import { startApiServer, type ApiServer, type Reply } from './helpers/api-server.js'

const TOKEN = 'ghs_lookup_TOKEN'
let server: ApiServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function client(replies: Reply[], extra: { signal?: AbortSignal } = {}) {
  let i = 0
  server = await startApiServer(() => replies[Math.min(i++, replies.length - 1)]!)
  const waits: number[] = []
  const lines: string[] = []
  const api = await createPullsClient({
    token: TOKEN,
    apiUrl: server.url,
    owner: 'acme',
    repo: 'shop',
    sleep: async ms => {
      waits.push(ms)
    },
    callTimeoutMs: 300,
    onRequest: line => lines.push(line),
    ...extra
  })
  return { api, waits, lines, requests: server.requests }
}

describe('createPullsClient', () => {
  it('reads a pull request with the token, from the repository', async () => {
    const { api, requests, lines } = await client([
      { status: 200, body: { number: 3, title: 'T' } }
    ])
    expect(await api.getPull(3)).toEqual({ number: 3, title: 'T' })
    expect(requests[0]!.path).toBe('/api/repos/acme/shop/pulls/3')
    expect(requests[0]!.headers.authorization).toBe(`token ${TOKEN}`)
    expect(lines[0]).toMatch(
      /^GitHub GET \/repos\/\{owner\}\/\{repo\}\/pulls\/\{pull_number\} -> 200/
    )
    expect(lines.join('\n')).not.toContain(TOKEN)
  })
  it('a 404 is null', async () => {
    const { api } = await client([{ status: 404, body: { message: 'Not Found' } }])
    expect(await api.getPull(3)).toBeNull()
  })
  it('lists pulls of a commit and open pulls by head; 404 lists are empty', async () => {
    const { api, requests } = await client([
      { status: 200, body: [{ number: 1 }] },
      { status: 404, body: { message: 'Not Found' } }
    ])
    expect(await api.pullsForCommit('abc')).toEqual([{ number: 1 }])
    expect(await api.openPullsByHead('fork:fix')).toEqual([])
    expect(requests[0]!.path).toBe('/api/repos/acme/shop/commits/abc/pulls?per_page=100')
    expect(requests[1]!.path).toBe(
      '/api/repos/acme/shop/pulls?head=fork%3Afix&state=open&per_page=100'
    )
  })
  it('an answer that is not what GitHub documents is a lookup failure, not a crash', async () => {
    const { api } = await client([
      { status: 200, body: { message: 'not a list' } },
      { status: 200, body: [null, 5, { number: 2 }] },
      { status: 200, body: [{ number: 3 }] }
    ])
    await expect(api.pullsForCommit('abc')).rejects.toThrow(
      /GitHub's API failed .*the answer is not a list of pull requests/
    )
    expect(await api.openPullsByHead('fork:fix')).toEqual([{ number: 2 }])
    await expect(api.getPull(3)).rejects.toThrow(/the answer is not a pull request/)
  })

  it('retries a 502 and a rate limit, then answers', async () => {
    const { api, waits } = await client([
      { status: 502, body: { message: 'Bad Gateway' } },
      {
        status: 403,
        body: { message: 'API rate limit exceeded' },
        headers: { 'x-ratelimit-remaining': '0', 'retry-after': '2' }
      },
      { status: 200, body: { number: 3 } }
    ])
    expect(await api.getPull(3)).toEqual({ number: 3 })
    expect(waits).toEqual([1000, 2000])
  })
  it('gives up after three tries of a 5xx, saying what GitHub answered', async () => {
    const { api, requests } = await client([{ status: 500, body: { message: 'boom' } }])
    await expect(api.getPull(3)).rejects.toThrow(/GitHub's API failed .*HTTP 500: boom/)
    expect(requests).toHaveLength(3)
  })
  it('a 403 without a rate limit is not retried and names the permission', async () => {
    const { api, requests } = await client([
      { status: 403, body: { message: 'Resource not accessible by integration' } }
    ])
    await expect(api.getPull(3)).rejects.toThrow(/pull-requests: read/)
    expect(requests).toHaveLength(1)
  })
  it('a call with no answer ends at its own limit, and is tried again', async () => {
    const { api, requests } = await client(['hang'])
    await expect(api.getPull(3)).rejects.toThrow(/no answer within 0.3 s/)
    expect(requests).toHaveLength(3)
  })
  it('a cancelled lookup stops', async () => {
    const controller = new AbortController()
    controller.abort()
    const { api } = await client([{ status: 200, body: {} }], { signal: controller.signal })
    await expect(api.getPull(3)).rejects.toThrow(/the lookup was stopped/)
  })
})

describe('retryDelayMs', () => {
  it('waits until the rate limit resets when no Retry-After is given', () => {
    expect(
      retryDelayMs(
        {
          status: 403,
          response: { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '100' } }
        },
        0,
        90_000
      )
    ).toBe(10_000)
    const answered = { response: { headers: {} } }
    expect(retryDelayMs({ status: 429, ...answered }, 1, 0)).toBe(2000)
    expect(retryDelayMs({ status: 422, ...answered }, 0, 0)).toBeNull()
    expect(retryDelayMs({}, 0, 0)).toBe(1000)
    // Octokit's network fault: status 500 with no response from GitHub; tried again.
    expect(retryDelayMs({ status: 500, message: 'connect ECONNREFUSED' }, 0, 0)).toBe(1000)
  })
})

describe('failureOf', () => {
  it("GitHub's answer: its status and message", () => {
    const answered = { status: 422, message: 'Validation Failed', response: { headers: {} } }
    expect(failureOf(answered)).toEqual({ status: 422, message: 'Validation Failed' })
  })

  it("no answer (Octokit's status 500 without a response): the innermost fault's words", () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' })
    // Every address of the host refused: an AggregateError with no message of its own.
    const everyAddress = Object.assign(
      new AggregateError([refused('::1:443'), refused('127.0.0.1:443')], ''),
      { code: 'ECONNREFUSED' }
    )
    const octokit = (cause: unknown) =>
      Object.assign(new Error('fetch failed'), {
        status: 500,
        cause: new TypeError('fetch failed', { cause })
      })
    expect(failureOf(octokit(everyAddress))).toEqual({
      status: undefined,
      message: 'connect ECONNREFUSED ::1:443'
    })
    expect(
      failureOf(octokit(Object.assign(new AggregateError([], ''), { code: 'ECONNRESET' })))
    ).toEqual({
      status: undefined,
      message: 'ECONNRESET'
    })
    expect(failureOf(octokit(refused('10.0.0.1:443'))).message).toBe(
      'connect ECONNREFUSED 10.0.0.1:443'
    )
  })
})
