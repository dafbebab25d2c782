// A simulated TesterArmy API on 127.0.0.1, with Node built-ins only so it works straight after a
// clone. Each run plays a script of statuses, one per GET, ending on a recorded final body.
import { createServer } from 'node:http'

/**
 * @typedef {object} SimulatedRun
 * @property {object} final      The body the API returns once the run is over.
 * @property {string[]} [before] Statuses returned first, one per GET (default: queued, running, running).
 */

/**
 * Starts the server. `runs` maps run IDs to their scripts; `apiKey`, when given, is required as a
 * Bearer token, as the real API requires one.
 * @param {{ runs: Record<string, SimulatedRun>, apiKey?: string }} options
 * @returns {Promise<{ url: string, requests: { method: string, path: string }[], close: () => Promise<void> }>}
 */
export async function startSimulatedApi({ runs, apiKey }) {
  const served = new Map()
  const requests = []
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    requests.push({ method: req.method ?? '', path })
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (apiKey && req.headers.authorization !== `Bearer ${apiKey}`) {
      return send(401, { error: 'unauthorized', message: 'Invalid or missing API key' })
    }
    const match = /^(?:\/api)?\/v1\/runs\/([^/]+)(\/cancel)?$/.exec(path)
    const run = match ? runs[match[1]] : undefined
    if (!match || !run) return send(404, { error: 'not_found', message: 'Run not found' })
    const count = served.get(match[1]) ?? 0
    const before = run.before ?? ['queued', 'running', 'running']
    if (match[2] && req.method === 'POST') {
      if (count > before.length)
        return send(409, { error: 'conflict', message: 'Run is already finished' })
      served.set(match[1], Number.POSITIVE_INFINITY)
      return send(200, { id: match[1], status: 'cancelled' })
    }
    if (req.method !== 'GET') return send(405, { error: 'method_not_allowed', message: 'Use GET' })
    served.set(match[1], count + 1)
    if (count === Number.POSITIVE_INFINITY) {
      return send(200, { ...run.final, status: 'cancelled', output: null })
    }
    if (count < before.length) {
      const status = before[count]
      return send(200, {
        ...run.final,
        status,
        output: null,
        error: null,
        durationMs: null,
        completedAt: null,
        startedAt: status === 'queued' ? null : run.final.startedAt
      })
    }
    return send(200, run.final)
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${address.port}/api`,
    requests,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      })
  }
}
