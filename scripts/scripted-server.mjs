// The HTTP layer of the simulated TesterArmy API (simulated-api.mjs) and of the fake GitHub: a real
// node:http server on 127.0.0.1 that records each request and plays the reply its handler gives,
// faults included. Tests of the HTTP client and the poller script it request by request.
import { createServer } from 'node:http'

/**
 * Starts the server; `handler` answers each request with a status and a body (objects are sent as
 * JSON), or a fault: 'hang' (never answer), 'reset' (destroy the connection before any answer),
 * 'cut' (headers and half a body, then destroy). `url` is the root with `/api` after it, where
 * the TesterArmy API lives.
 */
export async function startScriptedServer(handler, { host = '127.0.0.1' } = {}) {
  const requests = []
  const sockets = new Set()
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', chunk => (body += chunk))
    req.on('end', async () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        socket: req.socket
      }
      // The socket is for handlers that play a fault; the record stays plain data.
      requests.push({ method: request.method, path: request.path, headers: req.headers, body })
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
  await new Promise(resolve => server.listen(0, host, resolve))
  const { port } = server.address()
  const root = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    root,
    url: `${root}/api`,
    requests,
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

/**
 * Answers each run's GETs from its own script, one reply per request; the last reply repeats.
 * Unknown runs get a 404.
 */
export function scripted(scripts) {
  const served = {}
  return request => {
    const id = /\/v1\/runs\/([^/?]+)/.exec(request.path)?.[1] ?? ''
    const script = scripts[id]
    if (!script || script.length === 0)
      return { status: 404, body: { error: 'not_found', message: 'Run not found' } }
    const index = served[id] ?? 0
    served[id] = index + 1
    return script[Math.min(index, script.length - 1)]
  }
}

/**
 * A port connections are refused on. A privileged port nothing listens on: no test of any engineer
 * on the machine can bind it, unlike a port freed a moment ago, which another test may take.
 */
export const REFUSED_PORT = 1

/** A port free a moment ago, for a child process that must be told where to listen (Prism). */
export async function freePort() {
  const server = createServer()
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  await new Promise(resolve => server.close(() => resolve()))
  return port
}
