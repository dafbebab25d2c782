// Contract tests against the API's own descriptions (api/, copied from shared/api), served by
// Prism: the action against random responses the description allows, and Prism's validating
// proxy (one per description, started once) checking every request the action sends.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { findNode24 } from '../scripts/node24.mjs'
import { root, runAction, type ActionResult } from '../scripts/runner.mjs'
import { buildReport } from '../src/verdict/build-report.js'
import { parseRun } from '../src/api/run-response.js'
import { renderSummary } from '../src/report/summary.js'
import { startApiServer, type ApiServer, type Reply } from './helpers/api-server.js'
import { freePort } from './helpers/api-server.js'
import { fixtureBody } from './helpers/fixtures.js'
import { runInProcess } from './helpers/in-process.js'
import * as core from '../__fixtures__/core.js'

// run() in-process (virtual time) for the many runs and the start requests: the same client sends
// the same bytes as the bundle, whose own requests Prism checks in the GET cases below.
jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const NODE24 = findNode24().path
const PRISM = join(root, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js')
const SPECS = {
  'get-test-run-status (OpenAPI 3.1)': join(root, 'api', 'get-test-run-status.yaml'),
  'testerarmy-openapi (OpenAPI 3.0)': join(root, 'api', 'testerarmy-openapi.json')
}
const RUN = '3fa85f64-5717-4562-b3fc-2c963f66afa6'

interface Prism {
  url: string
  log: string[]
  stop(): void
}

/** Starts Prism (on Node 24, which it requires) and resolves once it listens. */
async function startPrism(args: string[]): Promise<Prism> {
  const port = await freePort()
  const child: ChildProcess = spawn(
    NODE24,
    [PRISM, ...args, '-p', String(port), '-h', '127.0.0.1'],
    {
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  const log: string[] = []
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Prism did not start: ${log.join('\n')}`)),
      60_000
    )
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString())
      if (/Prism is listening/.test(chunk.toString())) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', code => reject(new Error(`Prism exited with ${code}: ${log.join('\n')}`)))
  })
  return { url: `http://127.0.0.1:${port}`, log, stop: () => child.kill('SIGKILL') }
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(
      url,
      { headers: { authorization: 'Bearer contract', accept: 'application/json' } },
      res => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', c => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      }
    )
      .on('error', reject)
      .end()
  })
}

/** Clean: exit 0 or 1, nothing on stderr, no stack trace, and one final error line when failing. */
function expectCleanEnd(result: ActionResult): void {
  expect([0, 1]).toContain(result.code)
  expect(result.stderr).toBe('')
  expect(result.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  const finalErrors = result.commands.filter(c => c.command === 'error' && !c.properties.title)
  if (result.code === 1) {
    expect(finalErrors).toHaveLength(1)
    expect(finalErrors[0]!.message).toMatch(/^TesterArmy/)
    expect(finalErrors[0]!.message).not.toContain('\n')
  } else {
    expect(finalErrors).toEqual([])
  }
  expect(result.outputs.status).toMatch(/^(completed|failed|cancelled|timed_out|not_found|error)$/)
}

beforeAll(() => {
  if (!existsSync(PRISM)) throw new Error('run npm ci: Prism is a dev dependency')
})

describe.each(Object.entries(SPECS))('against %s', (_name, spec) => {
  let mock: Prism
  let server: ApiServer
  beforeAll(async () => {
    mock = await startPrism(['mock', '--dynamic', spec])
    // Prism invents a random `id`; the action rightly refuses a body about another run, so the
    // harness puts the requested ID back and passes everything else through untouched.
    server = await startApiServer(async request => {
      const answer = await get(`${mock.url}${request.path.replace(/^\/api/, '')}`)
      let body: unknown = answer.body
      try {
        const json = JSON.parse(answer.body) as Record<string, unknown>
        if (answer.status === 200 && request.method === 'GET') json.id = RUN
        body = json
      } catch {
        // not JSON: passed on as it is
      }
      return { status: answer.status, body } satisfies Reply
    })
  })
  afterAll(async () => {
    await server?.close()
    mock?.stop()
  })

  it('parses, judges and renders every random run the description allows, without throwing', async () => {
    for (let i = 0; i < 40; i++) {
      const { status, body } = await get(`${mock.url}/v1/runs/${RUN}`)
      expect(status).toBe(200)
      const json = JSON.parse(body) as Record<string, unknown>
      const run = parseRun(json)
      const terminal = ['completed', 'failed', 'cancelled'].includes(run.status)
        ? run.status
        : 'timed_out'
      const report = buildReport(
        [
          {
            id: RUN,
            status: terminal as 'completed',
            run,
            body: json,
            lastStatus: run.status,
            error: null,
            cancelledByUser: false
          }
        ],
        { failOn: 'failed', minSeverity: 1 }
      )
      const md = renderSummary(report, {
        reportPath: '/tmp/r.json',
        timeoutMs: 60_000,
        failOn: 'failed',
        minSeverity: 1
      })
      // What a reader looks for first: which run, and the status the API gave it.
      expect(md).toContain(`| Run | \`${RUN}\` |`)
      expect(md).toContain(`| Status | ${run.status} |`)
    }
  })

  it('runs the action many times against it, always ending cleanly', async () => {
    const results: ActionResult[] = []
    // One at a time: the mocked @actions/core records one run.
    for (let n = 0; n < 12; n++) {
      results.push(
        await runInProcess(run, {
          inputs: {
            'run-id': RUN,
            'api-key': 'contract-key-0123456789',
            'api-url': `${server.url}`,
            'poll-interval': '1s',
            timeout: '2500ms'
          }
        })
      )
    }
    for (const result of results) {
      expectCleanEnd(result)
      result.cleanup()
    }
  })
})

type Handler = Parameters<typeof startApiServer>[0]
const proxies = new Map<
  string,
  Promise<{ proxy: Prism; upstream: ApiServer; handler: { current: Handler } }>
>()
afterAll(async () => {
  for (const started of proxies.values()) {
    const { proxy, upstream } = await started
    proxy.stop()
    await upstream.close()
  }
})

/**
 * The test server, answering with `handler`, behind Prism's validating proxy of `spec` (`--errors`
 * turns any violation into an error answer). One proxy per description, started once: a case
 * reads only the violations logged since it began.
 */
async function behindProxy(spec: string, handler: Handler) {
  if (!proxies.has(spec)) {
    proxies.set(
      spec,
      (async () => {
        const current = { current: handler }
        const upstream = await startApiServer(request => current.current(request))
        const proxy = await startPrism([
          'proxy',
          '--errors',
          spec,
          upstream.url.replace(/\/api$/, '')
        ])
        return { proxy, upstream, handler: current }
      })()
    )
  }
  const shared = await proxies.get(spec)!
  shared.handler.current = handler
  const from = shared.proxy.log.length
  return {
    proxy: shared.proxy,
    violations: () =>
      shared.proxy.log
        .slice(from)
        .join('')
        .match(/UNPROCESSABLE_ENTITY|VIOLATIONS/g) ?? [],
    close: async () => undefined
  }
}

describe("Prism's validating proxy in front of the test server", () => {
  const passed = { ...fixtureBody('passed'), id: RUN }
  const running = {
    ...passed,
    status: 'running',
    output: null,
    durationMs: null,
    completedAt: null
  }

  it.each(Object.entries(SPECS))('accepts the GET of a run (%s)', async (_name, spec) => {
    const setup = await behindProxy(spec, () => ({ status: 200, body: passed }))
    try {
      const result = await runAction({
        node: NODE24,
        inputs: { 'run-id': RUN, 'api-key': 'contract-key-0123456789', 'api-url': setup.proxy.url }
      })
      result.cleanup()
      expect(setup.violations()).toEqual([])
      expect(result.code).toBe(0)
      expect(result.outputs.result).toBe('PASS')
    } finally {
      await setup.close()
    }
  })

  it('accepts the cancel request, with its empty body (only the full description has it)', async () => {
    let cancelled = false
    const setup = await behindProxy(SPECS['testerarmy-openapi (OpenAPI 3.0)'], request => {
      if (request.method !== 'POST') return { status: 200, body: running }
      cancelled = true
      return { status: 200, body: { id: RUN, status: 'cancelled' } }
    })
    try {
      const result = await runInProcess(run, {
        inputs: {
          'run-id': RUN,
          'api-key': 'contract-key-0123456789',
          'api-url': setup.proxy.url,
          timeout: '1500ms'
        }
      })
      result.cleanup()
      expect(setup.violations()).toEqual([])
      expect(cancelled).toBe(true)
      expect(result.outputs.status).toBe('timed_out')
      expect(result.stdout).toContain(`Run ${RUN}: cancelled.`)
    } finally {
      await setup.close()
    }
  })
})

describe("Prism's validating proxy: a project's run list", () => {
  it('accepts GET /v1/runs?projectId=&limit=100 and its answer, for two runs of one project', async () => {
    const RUN2 = '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70'
    const passed = (id: string) => ({ ...fixtureBody('passed'), id })
    const lists: string[] = []
    const setup = await behindProxy(SPECS['testerarmy-openapi (OpenAPI 3.0)'], request => {
      if (request.path.includes('/v1/runs?')) {
        lists.push(request.path)
        return { status: 200, body: { runs: [passed(RUN2), passed(RUN)], nextCursor: null } }
      }
      return { status: 200, body: { ...passed(RUN), status: 'running', output: null } }
    })
    try {
      const result = await runAction({
        node: NODE24,
        inputs: {
          'run-id': `${RUN},${RUN2}`,
          'api-key': 'contract-key-0123456789',
          'api-url': setup.proxy.url,
          'poll-interval': '1s'
        }
      })
      result.cleanup()
      expect(setup.violations()).toEqual([])
      expect(lists).toHaveLength(1)
      expect(result.code).toBe(0)
      expect(result.outputs.status).toBe('completed')
    } finally {
      await setup.close()
    }
  })
})

describe("Prism's validating proxy: the exploration agent's start requests", () => {
  const AGENT_RUN = '5a0d6c1e-2b3f-4c4d-8e5f-6a7b8c9d0e1f'
  const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
  const passedAgent = { ...fixtureBody('passed'), id: AGENT_RUN }
  const pull = (body: string) => ({
    number: 42,
    title: 'Add a coupon field',
    body,
    head: { ref: 'coupons', sha: '9c1e4f2a'.repeat(5) },
    base: { ref: 'main' }
  })

  it.each([
    ['web', { 'target-url': 'https://pr-42.preview.test/shop?x=1' }, 'Adds coupons.'],
    [
      'mobile',
      { platform: 'android', 'app-id': RUN, 'simulator-region': 'eu-north1' },
      'Adds coupons.'
    ],
    ['web, long description with emoji', { 'target-url': 'https://p.test' }, '😀'.repeat(6_000)],
    ['web beside a group', { 'target-url': 'https://p.test', 'group-id': GROUP }, '']
  ])('accepts the %s body', async (_name, inputs, description) => {
    const event = { pull_request: pull(description) }
    const bodies: unknown[] = []
    const setup = await behindProxy(SPECS['testerarmy-openapi (OpenAPI 3.0)'], request => {
      if (request.method === 'POST' && request.path.endsWith('/pull-request-runs')) {
        bodies.push(JSON.parse(request.body))
        return {
          status: 202,
          body: { status: 'queued', runId: AGENT_RUN, projectId: RUN, platform: 'web' }
        }
      }
      if (request.method === 'POST' && request.path.endsWith('/runs')) {
        return {
          status: 202,
          body: {
            status: 'queued',
            groupId: GROUP,
            batchId: RUN,
            runIds: [RUN],
            queuedRunIds: [RUN],
            cancelledRunIds: [],
            count: 1
          }
        }
      }
      return {
        status: 200,
        body: request.path.includes(AGENT_RUN) ? passedAgent : { ...fixtureBody('passed'), id: RUN }
      }
    })
    try {
      const result = await runInProcess(run, {
        inputs: {
          'exploration-agent': 'true',
          'project-id': 'shop-web',
          'api-key': 'contract-key-0123456789',
          'api-url': setup.proxy.url,
          'poll-interval': '1s',
          ...inputs
        },
        event
      })
      result.cleanup()
      expect(setup.violations()).toEqual([])
      expect(bodies).toHaveLength(1)
      expect(result.outputs.status).toBe('completed')
      expect(result.code).toBe(0)
    } finally {
      await setup.close()
    }
  })
})

describe("Prism's validating proxy: a group's batch cancel", () => {
  it('accepts the empty POST /v1/batches/{batchId}/cancel after a timeout', async () => {
    const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
    const BATCH = 'b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e'
    const running = {
      ...fixtureBody('passed'),
      id: RUN,
      status: 'running',
      output: null,
      durationMs: null,
      completedAt: null
    }
    const cancels: string[] = []
    const setup = await behindProxy(SPECS['testerarmy-openapi (OpenAPI 3.0)'], request => {
      if (request.method === 'POST' && request.path.endsWith(`/groups/${GROUP}/runs`)) {
        return {
          status: 202,
          body: {
            status: 'queued',
            groupId: GROUP,
            batchId: BATCH,
            runIds: [RUN],
            queuedRunIds: [RUN],
            cancelledRunIds: [],
            count: 1
          }
        }
      }
      if (request.method === 'POST') {
        cancels.push(request.path)
        return {
          status: 200,
          body: {
            batchId: BATCH,
            cancelled: 1,
            alreadyFinished: 0,
            cancelledRunIds: [RUN],
            alreadyFinishedRunIds: []
          }
        }
      }
      return { status: 200, body: running }
    })
    try {
      const result = await runInProcess(run, {
        inputs: {
          'group-id': GROUP,
          'api-key': 'contract-key-0123456789',
          'api-url': setup.proxy.url,
          'poll-interval': '1s',
          timeout: '2s'
        }
      })
      result.cleanup()
      expect(setup.violations()).toEqual([])
      expect(cancels).toEqual([`/v1/batches/${BATCH}/cancel`])
      expect(result.outputs.status).toBe('timed_out')
      expect(result.outputs['batch-id']).toBe(BATCH)
    } finally {
      await setup.close()
    }
  })
})
