// A simulated TesterArmy API on 127.0.0.1, with Node built-ins only so it works straight after a
// clone. Each run plays a script of statuses, one per GET, ending on a recorded final body. It also
// starts runs (a test, a group as a batch, the pull-request agent), cancels batches, takes app
// uploads into a simulated storage (simulated-uploads.mjs), and can serve the tests' fake GitHub
// under /github, so the demo and the end-to-end tests need no network. Its HTTP layer,
// scripted-server.mjs, is what the client and poller tests script fault by fault. Run as a command
// (see `cli` below), it serves fixtures for a workflow step until it is stopped.
import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { answerGitHub, gitHubState } from '../__tests__/helpers/fake-github.mjs'
import { startScriptedServer } from './scripted-server.mjs'
import { startSimulatedUploads } from './simulated-uploads.mjs'

export { startScriptedServer, scripted, REFUSED_PORT, freePort } from './scripted-server.mjs'

/**
 * @typedef {object} SimulatedRun
 * @property {object} final      The body the API returns once the run is over.
 * @property {string[]} [before] Statuses returned first, one per GET (default: queued, running, running).
 * @property {boolean} [endless] Stays running until it is cancelled (then before and final are not played).
 */

/**
 * @typedef {object} SimulatedList
 * @property {boolean} [outputs]   Items carry `output` (default true); false: left out, as a list that trims them.
 * @property {number} [newer]      Runs of the same project started after ours, listed before them.
 * @property {SimulatedReply} [refuse] Every list request gets this answer instead (403, 404, 503, a body that is no list).
 * @property {'reset' | 'hang' | SimulatedReply} [fault] Every list request fails this way (the connection reset, no answer, a 429 with its headers) while each run's own GET answers.
 * @property {(items: object[]) => object[]} [items] Rewrites each page's items before it is sent (an item without its issues, another project's, a run listed twice).
 */

/**
 * @typedef {{ batchId: string, runIds: string[], cancelledRunIds?: string[], metadata?: object }} SimulatedGroup
 */

/**
 * @typedef {object} SimulatedReply
 * @property {number} status
 * @property {object} [body]
 * @property {Record<string, string>} [headers]
 */

/**
 * Starts the server. `runs` maps run IDs to their scripts; `apiKey`, when given, is required as a
 * Bearer token, as the real API requires one. `onRequest` sees every request as it arrives.
 * `tests`, `groups` and `projects` say what a start request of each starts (a list: what each
 * start in turn starts, the last repeating, as a retry starts a new run); `github` is the
 * repository the GitHub lookups see; `uploads` configures app uploads and their S3-like storage
 * (simulated-uploads.mjs). `github` is served by the tests' one fake GitHub
 * (__tests__/helpers/fake-github.mjs), mounted under /github on the same port.
 * `list` serves a project's runs (`GET /v1/runs?projectId=`, newest first, the runs of `runs`
 * newest last); without it the list is answered 404, as by an API without one. `answerDelayMs`
 * holds a request's answer that long, once the request has done what it does (a start that
 * answers late has started its run already).
 * @param {{
 *   runs: Record<string, SimulatedRun>,
 *   apiKey?: string,
 *   onRequest?: (request: { method: string, path: string }) => void,
 *   tests?: Record<string, string | string[]>,
 *   groups?: Record<string, SimulatedGroup | SimulatedGroup[]>,
 *   projects?: Record<string, { runId: string | string[], platform?: string, metadata?: object, faults?: SimulatedReply[] }>,
 *   batchCancel?: SimulatedReply,
 *   github?: import('../__tests__/helpers/fake-github.mjs').GitHubOptions,
 *   uploads?: import('./simulated-uploads.mjs').UploadOptions,
 *   list?: SimulatedList,
 *   answerDelayMs?: (request: { method: string, path: string }) => number
 * }} options
 */
export async function startSimulatedApi({
  runs,
  apiKey,
  onRequest,
  tests = {},
  groups = {},
  projects = {},
  batchCancel,
  github,
  uploads: uploadOptions,
  list,
  answerDelayMs
}) {
  const served = new Map()
  const requests = []
  const uploads = await startSimulatedUploads(uploadOptions)
  const faults = new Map(Object.entries(projects).map(([id, p]) => [id, [...(p.faults ?? [])]]))
  const gitHub = github ? gitHubState(github) : null
  const server = await startScriptedServer(
    request =>
      new Promise(resolve => {
        const delay = answerDelayMs?.({ method: request.method ?? '', path: request.path ?? '' })
        answer(request, delay ? reply => setTimeout(() => resolve(reply), delay).unref() : resolve)
      })
  )

  // A start may be scripted as a list: each start request gets the next entry (the last repeats),
  // so a retry of the same test, group or agent starts a new run.
  const starts = new Map()
  const nextStart = (key, script) => {
    if (!Array.isArray(script)) return script
    const n = starts.get(key) ?? 0
    starts.set(key, n + 1)
    return script[Math.min(n, script.length - 1)]
  }
  const beforeOf = run => (run.endless ? ['running'] : (run.before ?? DEFAULT_BEFORE))
  const isFinished = id =>
    !runs[id]?.endless && (served.get(id) ?? 0) > beforeOf(runs[id] ?? {}).length
  const cancelRun = id => served.set(id, Number.POSITIVE_INFINITY)

  /** Answers one request through `reply`, or not at all when an upload fault resets it. */
  function answer(req, reply) {
    const raw = req.body
    const url = new URL(req.path || '/', 'http://localhost')
    const path = url.pathname
    let body
    try {
      body = raw ? JSON.parse(raw) : null
    } catch {
      body = raw
    }
    requests.push({
      method: req.method ?? '',
      path,
      query: url.search,
      headers: req.headers,
      body,
      authorization: req.headers.authorization ?? '',
      at: Date.now()
    })
    onRequest?.({ method: req.method ?? '', path })
    const send = (status, payload) => reply({ status, body: payload })
    if (path.startsWith('/github/')) {
      if (!gitHub) return send(404, { message: 'Not Found' })
      return reply(
        answerGitHub(gitHub, {
          method: req.method,
          route: path.replace(/^\/github/, ''),
          search: url.search,
          headers: req.headers,
          body: raw
        })
      )
    }
    if (apiKey && req.headers.authorization !== `Bearer ${apiKey}`) {
      return send(401, { error: 'unauthorized', message: 'Invalid or missing API key' })
    }
    if (uploads.handle(req.method, path, body, send, req.socket)) return
    const route = path.replace(/^\/api/, '')
    let match
    if (req.method === 'POST' && (match = /^\/v1\/tests\/([^/]+)\/runs$/.exec(route))) {
      const runId = nextStart(`test ${match[1]}`, tests[match[1]])
      if (!runId) return send(404, { error: 'not_found', message: 'Test not found' })
      return send(202, { status: 'queued', runId, testId: match[1] })
    }
    if (req.method === 'POST' && (match = /^\/v1\/groups\/([^/]+)\/runs$/.exec(route))) {
      const group = nextStart(`group ${match[1]}`, groups[match[1]])
      if (!group) return send(404, { error: 'not_found', message: 'Group not found' })
      const cancelled = group.cancelledRunIds ?? []
      cancelled.forEach(cancelRun)
      return send(202, {
        status: 'queued',
        groupId: match[1],
        batchId: group.batchId,
        runIds: group.runIds,
        queuedRunIds: group.runIds.filter(id => !cancelled.includes(id)),
        cancelledRunIds: cancelled,
        count: group.runIds.length,
        ...(group.metadata ? { metadata: group.metadata } : {})
      })
    }
    if (
      req.method === 'POST' &&
      (match = /^\/v1\/projects\/([^/]+)\/pull-request-runs$/.exec(route))
    ) {
      const project = projects[match[1]]
      if (!project) return send(404, { error: 'not_found', message: 'Project not found' })
      const fault = faults.get(match[1])?.shift()
      if (fault) return send(fault.status, fault.body ?? {})
      return send(202, {
        status: 'queued',
        runId: nextStart(`project ${match[1]}`, project.runId),
        projectId: '0b6d3c57-2a52-4c55-9a55-3d1f0e0f5a11',
        platform: project.platform ?? body?.platform ?? 'web',
        ...(project.metadata ? { metadata: project.metadata } : {})
      })
    }
    if (req.method === 'POST' && (match = /^\/v1\/batches\/([^/]+)\/cancel$/.exec(route))) {
      if (batchCancel) return send(batchCancel.status, batchCancel.body ?? {})
      const group = Object.values(groups)
        .flat()
        .find(g => g.batchId === match[1])
      if (!group) return send(404, { error: 'not_found', message: 'Batch not found' })
      const finished = group.runIds.filter(isFinished)
      const cancelled = group.runIds.filter(id => !isFinished(id))
      cancelled.forEach(cancelRun)
      return send(200, {
        batchId: match[1],
        cancelled: cancelled.length,
        alreadyFinished: finished.length,
        cancelledRunIds: cancelled,
        alreadyFinishedRunIds: finished
      })
    }
    if (req.method === 'GET' && route === '/v1/runs') return answerList(url, send, reply)
    match = /^\/v1\/runs\/([^/]+)(\/cancel)?$/.exec(route)
    const run = match ? runs[match[1]] : undefined
    if (!match || !run) return send(404, { error: 'not_found', message: 'Run not found' })
    const count = served.get(match[1]) ?? 0
    const before = beforeOf(run)
    if (match[2] && req.method === 'POST') {
      if (count > before.length && !run.endless)
        return send(409, { error: 'conflict', message: 'Run is already finished' })
      cancelRun(match[1])
      return send(200, { id: match[1], status: 'cancelled' })
    }
    if (req.method !== 'GET') return send(405, { error: 'method_not_allowed', message: 'Use GET' })
    return send(200, readRun(match[1]))
  }

  /** A run as a read sees it now: each read (a GET, or a page that shows it) plays one status. */
  function readRun(id) {
    const run = runs[id]
    const count = served.get(id) ?? 0
    const before = beforeOf(run)
    served.set(id, count + 1)
    if (count === Number.POSITIVE_INFINITY)
      return { ...run.final, status: 'cancelled', output: null }
    if (count < before.length || run.endless) {
      const status = before[Math.min(count, before.length - 1)]
      return {
        ...run.final,
        status,
        output: null,
        error: null,
        durationMs: null,
        completedAt: null,
        startedAt: status === 'queued' ? null : run.final.startedAt
      }
    }
    return run.final
  }

  /** `GET /v1/runs?projectId=&limit=&cursor=`: the project's runs, newest first, a page at a time. */
  function answerList(url, send, reply) {
    if (!list) return send(404, { error: 'not_found', message: 'Not found' })
    if (list.refuse) return send(list.refuse.status, list.refuse.body ?? {})
    if (list.fault)
      return reply(typeof list.fault === 'string' ? list.fault : { body: {}, ...list.fault })
    const project = (url.searchParams.get('projectId') ?? '').toLowerCase()
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 20) || 20))
    const offset = Number(/^o(\d+)$/.exec(url.searchParams.get('cursor') ?? '')?.[1] ?? 0)
    const ours = Object.keys(runs)
      .filter(id => String(runs[id].final.projectId ?? '').toLowerCase() === project)
      .reverse()
    const newer = Array.from({ length: list.newer ?? 0 }, (_, n) => `newer-${n}`).reverse()
    const all = [...newer, ...ours]
    const page = all
      .slice(offset, offset + limit)
      .map(id =>
        id.startsWith('newer-')
          ? { id: newerId(id), status: 'completed', projectId: project, output: null }
          : readRun(id)
      )
    const trimmed = list.outputs === false ? page.map(({ output: _output, ...item }) => item) : page
    const items = list.items ? list.items(trimmed) : trimmed
    const next = offset + limit < all.length ? `o${offset + limit}` : null
    return send(200, { runs: items, nextCursor: next })
  }

  return {
    url: server.url,
    githubUrl: `${server.root}/github`,
    requests,
    uploads,
    close: async () => {
      await uploads.close()
      await server.close()
    }
  }
}

const DEFAULT_BEFORE = ['queued', 'running', 'running']

/** The ID of the n-th run someone else started in the project after ours (`newer-n`). */
const newerId = name => `00000000-0000-4000-9000-${name.slice('newer-'.length).padStart(12, '0')}`

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
