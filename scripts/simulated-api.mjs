// A simulated TesterArmy API on 127.0.0.1, with Node built-ins only so it works straight after a
// clone. Each run plays a script of statuses, one per GET, ending on a recorded final body. Run as
// a command (see `cli` below), it serves fixtures for a workflow step until it is stopped.
import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { startSimulatedUploads } from './simulated-uploads.mjs'

/**
 * @typedef {object} SimulatedRun
 * @property {object} final      The body the API returns once the run is over.
 * @property {string[]} [before] Statuses returned first, one per GET (default: queued, running, running).
 * @property {boolean} [endless] Stays running until it is cancelled (then before and final are not played).
 */

/**
 * Starts the server. `runs` maps run IDs to their scripts; `apiKey`, when given, is required as a
 * Bearer token, as the real API requires one. `onRequest` sees every request as it arrives.
 * `tests` maps test IDs to the run a start request of that test returns; `uploads` configures app
 * uploads and their S3-like storage (simulated-uploads.mjs).
 * @param {{ runs: Record<string, SimulatedRun>, apiKey?: string, onRequest?: (request: { method: string, path: string }) => void, tests?: Record<string, string>, uploads?: import('./simulated-uploads.mjs').UploadOptions }} options
 */
export async function startSimulatedApi({
  runs,
  apiKey,
  onRequest,
  tests = {},
  uploads: uploadOptions
}) {
  const served = new Map()
  const requests = []
  const uploads = await startSimulatedUploads(uploadOptions)
  const server = createServer((req, res) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', chunk => (text += chunk))
    req.on('end', () => answer(req, res, text))
  })
  const answer = (req, res, text) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    let body = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      // answered below as a bad request where a body is needed
    }
    requests.push({ method: req.method ?? '', path, headers: req.headers, body })
    onRequest?.({ method: req.method ?? '', path })
    const send = (status, json) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(json))
    }
    if (apiKey && req.headers.authorization !== `Bearer ${apiKey}`) {
      return send(401, { error: 'unauthorized', message: 'Invalid or missing API key' })
    }
    if (uploads.handle(req.method, path, body, send, req.socket)) return
    const start = /^(?:\/api)?\/v1\/tests\/([^/]+)\/runs$/.exec(path)
    if (start && req.method === 'POST') {
      const runId = tests[start[1]]
      if (!runId) return send(404, { error: 'not_found', message: 'Test not found' })
      return send(200, { runId })
    }
    const match = /^(?:\/api)?\/v1\/runs\/([^/]+)(\/cancel)?$/.exec(path)
    const run = match ? runs[match[1]] : undefined
    if (!match || !run) return send(404, { error: 'not_found', message: 'Run not found' })
    const count = served.get(match[1]) ?? 0
    const before = run.endless ? ['running'] : (run.before ?? ['queued', 'running', 'running'])
    if (match[2] && req.method === 'POST') {
      if (count > before.length && !run.endless)
        return send(409, { error: 'conflict', message: 'Run is already finished' })
      served.set(match[1], Number.POSITIVE_INFINITY)
      return send(200, { id: match[1], status: 'cancelled' })
    }
    if (req.method !== 'GET') return send(405, { error: 'method_not_allowed', message: 'Use GET' })
    served.set(match[1], count + 1)
    if (count === Number.POSITIVE_INFINITY) {
      return send(200, { ...run.final, status: 'cancelled', output: null })
    }
    if (count < before.length || run.endless) {
      const status = before[Math.min(count, before.length - 1)]
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
  }
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${address.port}/api`,
    requests,
    uploads,
    close: async () => {
      await uploads.close()
      await new Promise(resolve => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      })
    }
  }
}

/** A run ID that no fixture uses, for the endless run of the command. */
export const ENDLESS_RUN_ID = '00000000-0000-4000-8000-00000000e0d5'

const usage = `usage: node scripts/simulated-api.mjs [--api-key KEY] [--ready-file FILE] [--log-file FILE] [--endless] FIXTURE...

Serves the runs of __fixtures__/runs/FIXTURE.json on 127.0.0.1 (a free port) until stopped (SIGINT
or SIGTERM). Each run is queued, then running, then its fixture. --endless adds a run that stays
running until it is cancelled. Once listening, writes url=... and one FIXTURE=<run ID> line per run
(endless=<run ID> for the endless one) to --ready-file, in the format of GITHUB_OUTPUT, and prints
them. --log-file gets one "METHOD PATH" line per request.`

/** The command: what a workflow step starts in the background. */
export async function cli(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'api-key': { type: 'string' },
      'ready-file': { type: 'string' },
      'log-file': { type: 'string' },
      endless: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  })
  if (values.help || (positionals.length === 0 && !values.endless)) {
    console.log(usage)
    return null
  }
  const fixtures = join(fileURLToPath(new URL('..', import.meta.url)), '__fixtures__', 'runs')
  const runs = {}
  const lines = []
  for (const name of positionals) {
    const final = JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8'))
    runs[final.id] = { final }
    lines.push(`${name}=${final.id}`)
  }
  if (values.endless) {
    const final = JSON.parse(readFileSync(join(fixtures, 'passed.json'), 'utf8'))
    runs[ENDLESS_RUN_ID] = { final: { ...final, id: ENDLESS_RUN_ID }, endless: true }
    lines.push(`endless=${ENDLESS_RUN_ID}`)
  }
  const logFile = values['log-file']
  if (logFile) writeFileSync(logFile, '')
  const api = await startSimulatedApi({
    runs,
    apiKey: values['api-key'],
    onRequest: logFile ? r => appendFileSync(logFile, `${r.method} ${r.path}\n`) : undefined
  })
  const ready = [`url=${api.url}`, ...lines].join('\n') + '\n'
  if (values['ready-file']) {
    // Written whole, then renamed: a step polling for the file never reads half of it.
    writeFileSync(`${values['ready-file']}.partial`, ready)
    renameSync(`${values['ready-file']}.partial`, values['ready-file'])
  }
  process.stdout.write(ready)
  const stop = () => void api.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return api
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  cli(process.argv.slice(2)).catch(error => {
    console.error(`simulated-api: ${error instanceof Error ? error.message : error}`)
    process.exit(2)
  })
}
