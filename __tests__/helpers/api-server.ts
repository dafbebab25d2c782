// A real HTTP server on 127.0.0.1 that plays scripted answers, faults included, for the client,
// poller and end-to-end tests.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
}

/** One answer: a status with a body (objects are sent as JSON), or a fault. */
export type Reply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Accept the request and never answer. */
  | 'hang'
  /** Destroy the connection before any answer. */
  | 'reset'
  /** Send the headers and half a body, then destroy the connection. */
  | 'cut'

export interface ApiServer {
  url: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

export async function startApiServer(
  handler: (request: RecordedRequest) => Reply | Promise<Reply>,
  { host = '127.0.0.1' }: { host?: string } = {}
): Promise<ApiServer> {
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', chunk => (body += chunk))
    req.on('end', async () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body }
      requests.push(request)
      const reply = await handler(request)
      if (reply === 'hang') return
      if (reply === 'reset') return req.socket.destroy()
      if (reply === 'cut') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
        res.write('{"id":"')
        setImmediate(() => req.socket.destroy())
        return
      }
      const text =
        typeof reply.body === 'string'
          ? reply.body
          : reply.body === undefined
            ? ''
            : JSON.stringify(reply.body)
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
      res.end(text)
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/api`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

/**
 * Answers each run's GETs from its own script, one reply per request; the last reply repeats.
 * Unknown runs get a 404.
 */
export function scripted(scripts: Record<string, Reply[]>) {
  const served: Record<string, number> = {}
  return (request: RecordedRequest): Reply => {
    const id = /\/v1\/runs\/([^/?]+)/.exec(request.path)?.[1] ?? ''
    const script = scripts[id]
    if (!script || script.length === 0)
      return { status: 404, body: { error: 'not_found', message: 'Run not found' } }
    const index = served[id] ?? 0
    served[id] = index + 1
    return script[Math.min(index, script.length - 1)] as Reply
  }
}

/**
 * A port connections are refused on. A privileged port nothing listens on: no test of any engineer
 * on the machine can bind it, unlike a port freed a moment ago, which another test may take.
 */
export const REFUSED_PORT = 1

/** A port free a moment ago, for a child process that must be told where to listen (Prism). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}
