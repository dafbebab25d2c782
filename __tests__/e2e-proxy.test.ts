// A self-hosted runner behind a proxy, as the runner runs dist/index.js under Node 24: every request
// to TesterArmy and to GitHub goes through HTTPS_PROXY / HTTP_PROXY (an HTTP CONNECT proxy here),
// and NO_PROXY sends a host around it. The hosts are *.proxied.test, names that resolve nowhere:
// only the proxy knows them (it connects them to 127.0.0.1), so a request that skipped the proxy
// fails. TesterArmy is behind TLS with a test certificate the action is told to trust
// (NODE_EXTRA_CA_CERTS, as a company's proxy CA is); GitHub's fake answers plain http.
// helpers/tls/ holds that certificate and its key: self-signed for *.proxied.test, valid from 2000
// to 2099 (so no machine's clock can put it out of date), made with openssl for these tests only.
//
// This also covers the bundle's undici-on-demand: Octokit's fetch and http-client's ProxyAgent are
// undici's, evaluated only when they are first used.
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createServer as createHttpServer, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { join } from 'node:path'
import { createServer as createTlsServer } from 'node:tls'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, type ActionResult } from '../scripts/runner.mjs'
import { startSimulatedApi } from '../scripts/simulated-api.mjs'
import type { FakeComment, FakeStatus } from './helpers/fake-github.mjs'
import { fixtureBody } from './helpers/fixtures.js'
import { leftBehind } from './helpers/runner-output.js'

const NODE24 = findNode24().path
const KEY = 'sk_live_behind_a_proxy_KEY_31'
const TOKEN = 'ghs_behind_a_proxy_TOKEN_32'
const RUN = '3e9d1c7b-5a2f-4b8e-9d61-0c4f7a2b8e53'
const SHA = 'c0ffee00'.repeat(5)
const TLS = join(import.meta.dirname, 'helpers', 'tls')
const NO_DNS = join(import.meta.dirname, 'helpers', 'no-dns.mjs')

const closers: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

const listening = async <S extends Server | ReturnType<typeof createTlsServer>>(
  server: S
): Promise<number> => {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  closers.push(
    () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  )
  return (server.address() as AddressInfo).port
}

/** Each socket's bytes to the other. */
const joined = (a: Socket, b: Socket): void => {
  a.pipe(b).pipe(a)
}

/** A fault on either socket closes both, as a proxy drops a tunnel. */
function dropTogether(a: Socket, b: Socket): void {
  const drop = (): void => {
    a.destroy()
    b.destroy()
  }
  a.on('error', drop)
  b.on('error', drop)
}

/**
 * An HTTP proxy that only tunnels (CONNECT, as undici's ProxyAgent and http-client's tunnel both
 * ask), and only to *.proxied.test, which it connects to the same port on 127.0.0.1. `tunnels`
 * records each `host:port` asked for, with the proxy's Proxy-Authorization if any.
 */
async function startProxy() {
  const tunnels: { target: string; auth: string | undefined }[] = []
  const server = createHttpServer((_request, response) => {
    response.writeHead(405).end('CONNECT only')
  })
  server.on('connect', (request, client: Socket, head: Buffer) => {
    const target = request.url ?? ''
    tunnels.push({ target, auth: request.headers['proxy-authorization'] })
    const [host, port] = target.split(':')
    if (!host?.endsWith('.proxied.test')) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const upstream = connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      joined(client, upstream)
    })
    dropTogether(client, upstream)
  })
  const port = await listening(server)
  return { url: `http://127.0.0.1:${port}`, tunnels }
}

/** TLS in front of `port` (127.0.0.1), with the test certificate of *.proxied.test. */
async function startTlsFront(port: number): Promise<number> {
  const server = createTlsServer(
    {
      key: readFileSync(join(TLS, 'proxied-test.key')),
      cert: readFileSync(join(TLS, 'proxied-test.crt'))
    },
    client => {
      const upstream = connect(port, '127.0.0.1')
      joined(client, upstream)
      dropTogether(client, upstream)
    }
  )
  return listening(server)
}

async function world() {
  const statuses: FakeStatus[] = []
  const comments: FakeComment[] = []
  const sim = await startSimulatedApi({
    apiKey: KEY,
    runs: { [RUN]: { final: { ...fixtureBody('passed'), id: RUN }, before: ['running'] } },
    github: { token: TOKEN, pulls: [], statuses, comments }
  })
  closers.push(() => sim.close())
  const simPort = new URL(sim.url).port
  const tlsPort = await startTlsFront(Number(simPort))
  const proxy = await startProxy()
  return {
    sim,
    statuses,
    comments,
    proxy,
    apiUrl: `https://api.proxied.test:${tlsPort}`,
    gitHubUrl: `http://github.proxied.test:${simPort}/github`
  }
}

async function act(
  w: Awaited<ReturnType<typeof world>>,
  env: Record<string, string>,
  inputs: Record<string, string> = {},
  event: [string, object] = ['push', { ref: 'refs/heads/main', after: SHA }]
): Promise<ActionResult> {
  const result = await runAction({
    node: NODE24,
    inputs: {
      'run-id': RUN,
      'api-key': KEY,
      'api-url': w.apiUrl,
      'poll-interval': '1s',
      'commit-status': 'true',
      ...inputs
    },
    githubToken: TOKEN,
    eventName: event[0],
    event: event[1],
    env: {
      GITHUB_SHA: SHA,
      GITHUB_API_URL: w.gitHubUrl,
      NODE_EXTRA_CA_CERTS: join(TLS, 'proxied-test.crt'),
      NODE_OPTIONS: `--import=${NO_DNS}`,
      ...env
    }
  })
  closers.push(() => result.cleanup())
  for (const text of leftBehind(result)) {
    expect(text).not.toContain(KEY)
    expect(text).not.toContain(TOKEN)
  }
  return result
}

const apiReads = (w: Awaited<ReturnType<typeof world>>) =>
  w.sim.requests.filter(r => r.path === `/v1/runs/${RUN}`).length

describe('behind a proxy', () => {
  it('HTTPS_PROXY and HTTP_PROXY: TesterArmy (https) and GitHub (http) are both reached through it', async () => {
    const w = await world()
    const result = await act(w, { HTTPS_PROXY: w.proxy.url, HTTP_PROXY: w.proxy.url })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'completed', passed: 'true' })
    expect(apiReads(w)).toBeGreaterThanOrEqual(1)
    // The run read through the tunnel to the TLS front, the statuses through the one to GitHub.
    const targets = new Set(w.proxy.tunnels.map(t => t.target))
    expect(targets).toEqual(new Set([new URL(w.apiUrl).host, new URL(w.gitHubUrl).host]))
    expect(w.statuses.map(s => s.state)).toEqual(['pending', 'success'])
    expect(w.statuses.every(s => s.sha === SHA)).toBe(true)
  })

  it('the pull-request comment is posted through the proxy too', async () => {
    const w = await world()
    const pull = {
      number: 7,
      title: 'Coupons',
      head: { ref: 'coupons', sha: SHA, repo: { full_name: 'acme/shop' } },
      base: { ref: 'main', repo: { full_name: 'acme/shop' } }
    }
    const result = await act(
      w,
      { HTTPS_PROXY: w.proxy.url, HTTP_PROXY: w.proxy.url },
      { 'commit-status': 'false', comment: 'true' },
      ['pull_request', { pull_request: pull, repository: { full_name: 'acme/shop' } }]
    )
    expect(result.code).toBe(0)
    expect(result.commands.filter(c => c.command === 'warning')).toEqual([])
    expect(w.comments).toHaveLength(1)
    expect(w.comments[0]!.body).toMatch(/^<!-- testerarmy-action [^\n]* -->\n/)
    expect(w.proxy.tunnels.map(t => t.target)).toContain(new URL(w.gitHubUrl).host)
  })

  it('lower-case https_proxy / http_proxy, with credentials in the proxy URL sent to the proxy only', async () => {
    const w = await world()
    const withUser = w.proxy.url.replace('http://', 'http://qa%40acme:s3cret%21@')
    const result = await act(w, { https_proxy: withUser, http_proxy: withUser })
    expect(result.code).toBe(0)
    expect(w.statuses.map(s => s.state)).toEqual(['pending', 'success'])
    const basic = `Basic ${Buffer.from('qa@acme:s3cret!').toString('base64')}`
    expect(w.proxy.tunnels.length).toBeGreaterThanOrEqual(2)
    expect(w.proxy.tunnels.every(t => t.auth === basic)).toBe(true)
    // The proxy's credentials stay between the action and the proxy.
    for (const request of w.sim.requests) {
      expect(request.headers['proxy-authorization']).toBeUndefined()
    }
    expect(result.stdout).not.toContain('s3cret')
  })

  it('NO_PROXY: the hosts it names are reached directly (here: fail, as they resolve nowhere)', async () => {
    const w = await world()
    const result = await act(
      w,
      { HTTPS_PROXY: w.proxy.url, HTTP_PROXY: w.proxy.url, NO_PROXY: 'github.proxied.test' },
      { timeout: '20s' }
    )
    // TesterArmy through the proxy, as before; GitHub not, so its status is not posted, which
    // the action reports without failing the gate on it.
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'completed', passed: 'true' })
    expect(w.proxy.tunnels.map(t => t.target)).not.toContain(new URL(w.gitHubUrl).host)
    expect(w.statuses).toEqual([])
    const warnings = result.commands.filter(c => c.command === 'warning').map(c => c.message)
    expect(warnings).toHaveLength(2)
    for (const warning of warnings) {
      expect(warning).toMatch(
        /commit status .* could not be posted .*ENOTFOUND github\.proxied\.test/
      )
      expect(warning).not.toMatch(/HTTP 500/)
    }
  })

  it('without a proxy setting, a host only the proxy knows is not reached (the tests above are real)', async () => {
    const w = await world()
    const result = await act(w, {}, { timeout: '2s' })
    expect(result.code).not.toBe(0)
    expect(w.proxy.tunnels).toEqual([])
    expect(apiReads(w)).toBe(0)
  })
})
