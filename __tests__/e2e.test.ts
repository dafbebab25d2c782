// The built dist/index.js, run as GitHub's runner runs it: Node 24, INPUT_* variables with
// action.yml's defaults, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, against a real HTTP server.
// What only the bundle shows: the runner's files, the key nowhere, workflow commands in the log,
// signals. The verdict's policy (fail-on, min-severity, summary, timeouts) is in verdict.test.ts.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  runAction,
  startAction,
  type ActionOptions,
  type ActionResult
} from '../scripts/runner.mjs'
import { leftBehind } from './helpers/runner-output.js'
import { findNode24 } from '../scripts/node24.mjs'
import { startApiServer, scripted, type ApiServer, type Reply } from './helpers/api-server.js'
import { fixtureBody } from './helpers/fixtures.js'

const NODE24 = findNode24().path
const KEY = 'sk_live_e2e_S3CRET_key_0042'
/**
 * The runner sends SIGTERM 7.5 s after its first signal (SIGKILL 2.5 s later). The action's hard
 * exit is at 3.8 s; the bound is what the user relies on, with room for a busy 2-core machine.
 */
const RUNNER_ESCALATES_MS = 7_500
const ok = (body: object): Reply => ({ status: 200, body })
const running = (id: string): Reply =>
  ok({ id, status: 'running', type: 'ci', input: {}, createdAt: '2026-11-28T09:00:00Z' })

it('runs dist/ under Node 24, as the runner does', () => {
  const node = findNode24()
  const reported = spawnSync(node.path, ['-p', 'process.version'], { encoding: 'utf8' })
  expect(reported.stdout.trim()).toBe(node.version)
  expect(node.version).toMatch(/^v24\./)
})

let server: ApiServer | undefined
const results: ActionResult[] = []
afterEach(async () => {
  await server?.close()
  server = undefined
  for (const result of results.splice(0)) result.cleanup()
})

async function act(
  scripts: Record<string, Reply[]>,
  inputs: Record<string, string> = {},
  options: ActionOptions = {}
) {
  await server?.close()
  server = await startApiServer(scripted(scripts))
  const ids = Object.keys(scripts).join(',')
  const result = await runAction({
    node: NODE24,
    ...options,
    inputs: { 'run-id': ids, 'api-key': KEY, 'api-url': server.url, ...inputs }
  })
  results.push(result)
  return result
}

const errors = (result: ActionResult) => result.commands.filter(c => c.command === 'error')
const finalError = (result: ActionResult) =>
  errors(result)
    .filter(c => !c.properties.title)
    .map(c => c.message)

/** Everything the action leaves behind, except the add-mask command that hands the key to the runner. */
function expectKeyNowhere(result: ActionResult): void {
  for (const text of leftBehind(result)) expect(text).not.toContain(KEY)
  expect(result.stdout).toContain(`::add-mask::${KEY}`)
}

describe('dist/index.js as the runner runs it', () => {
  it('passes on a passing run, with outputs, summary and report', async () => {
    const body = fixtureBody('passed')
    const result = await act({ [body.id as string]: [ok(body)] })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      status: 'completed',
      result: 'PASS',
      passed: 'true',
      'issues-count': '0',
      'steps-count': '4'
    })
    expect(result.summary).toMatch(/^## ✅ TesterArmy passed: Sign in and sign out/)
    expect(JSON.parse(result.report)).toMatchObject({
      passed: true,
      runs: [{ id: body.id, run: { id: body.id } }]
    })
    expect(result.outputs['report-path']).toBe(
      join(result.dir, 'runner_temp', 'testerarmy-report.json')
    )
    expect(server!.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(errors(result)).toEqual([])
    expectKeyNowhere(result)
  })

  it('fails on a FAILED run, with an annotation per issue and warning and one line saying why', async () => {
    const body = fixtureBody('failed-with-issues')
    const id = body.id as string
    const result = await act({ [id]: [running(id), ok(body)] }, { 'poll-interval': '1s' })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({
      result: 'FAILED',
      passed: 'false',
      'issues-count': '3',
      'warnings-count': '2',
      'max-severity': '5',
      'failed-steps-count': '2'
    })
    expect(
      errors(result)
        .map(e => e.properties.title)
        .filter(Boolean)
    ).toEqual([
      'Paying with a saved card returns a 500 error',
      'Discount code applied twice after refresh',
      'Order summary overlaps the footer on narrow screens'
    ])
    expect(
      result.commands.filter(c => c.command === 'warning').map(w => w.properties.title)
    ).toEqual(['Slow cart update', 'Missing alt text on product images'])
    expect(finalError(result)).toEqual([
      'TesterArmy verdict: failed: the run FAILED with 3 issues.'
    ])
    expect(result.stdout).toContain(`Run ${id}: running -> completed after 1`)
    expect(result.summary).toContain('### Issues')
    expectKeyNowhere(result)
  })

  it('writes the report where report-path says, and reads the key from TESTERARMY_API_KEY', async () => {
    const body = fixtureBody('passed')
    const result = await act(
      { [body.id as string]: [ok(body)] },
      { 'api-key': '', 'report-path': 'reports/qa.json' },
      { env: { TESTERARMY_API_KEY: KEY } }
    )
    expect(result.code).toBe(0)
    expect(result.outputs['report-path']).toBe(join(result.dir, 'reports', 'qa.json'))
    expect(JSON.parse(readFileSync(result.outputs['report-path']!, 'utf8')).passed).toBe(true)
    expectKeyNowhere(result)
  })

  it('on SIGTERM from the runner, cancels the run, reports, and exits non-zero before the runner escalates', async () => {
    const id = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
    let firstRequest: () => void = () => undefined
    const polled = new Promise<void>(resolve => (firstRequest = resolve))
    await server?.close()
    server = await startApiServer(request => {
      if (request.method === 'POST') return ok({ id, status: 'cancelled' })
      firstRequest()
      return running(id)
    })
    const { child, done } = startAction({
      node: NODE24,
      inputs: { 'run-id': id, 'api-key': KEY, 'api-url': server.url }
    })
    await polled
    const signalled = Date.now()
    child.kill('SIGTERM')
    const result = await done
    results.push(result)
    expect(Date.now() - signalled).toBeLessThan(RUNNER_ESCALATES_MS)
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'cancelled', passed: 'false' })
    expect(server.requests.filter(r => r.method === 'POST')).toHaveLength(1)
    expect(result.summary).toContain('The wait was cancelled')
    expect(finalError(result)).toEqual([
      'TesterArmy: the wait was cancelled because the workflow was cancelled.'
    ])
  })
})

describe('cancellation, as the runner delivers it', () => {
  const id = '3fa85f64-5717-4562-b3fc-2c963f66afa6'

  /** Starts the action against a run that never finishes; resolves once it has polled once. */
  async function startWaiting(
    inputs: Record<string, string> = {},
    cancelReply: Reply | 'hang' = ok({ id, status: 'cancelled' })
  ) {
    let firstRequest: () => void = () => undefined
    const polled = new Promise<void>(resolve => (firstRequest = resolve))
    await server?.close()
    server = await startApiServer(request => {
      if (request.method === 'POST') return cancelReply
      firstRequest()
      return running(id)
    })
    const started = startAction({
      node: NODE24,
      inputs: { 'run-id': id, 'api-key': KEY, 'api-url': server.url, ...inputs }
    })
    await polled
    return started
  }

  it('SIGINT then SIGTERM (the runner escalating): one clean cancellation, not a crash', async () => {
    const { child, done } = await startWaiting({}, 'hang')
    const signalled = Date.now()
    child.kill('SIGINT')
    setTimeout(() => child.kill('SIGTERM'), 300)
    const result = await done
    results.push(result)
    // The cancel request hangs for its whole 3 s budget (measured ~3.2 s in all), and the action
    // still ends before the runner's next step.
    expect(Date.now() - signalled).toBeLessThan(RUNNER_ESCALATES_MS)
    expect(result.code).toBe(1)
    expect(result.signal).toBeNull()
    expect(result.outputs.status).toBe('cancelled')
    expect(result.summary).toContain('The wait was cancelled')
    expect(result.stdout).toContain('could not be cancelled')
    expect(result.stderr).toBe('')
  })

  it('SIGHUP, which some runner versions send instead, cancels the same way', async () => {
    const { child, done } = await startWaiting()
    child.kill('SIGHUP')
    const result = await done
    results.push(result)
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('cancelled')
  })

  it('a 409 from the cancel request (the run just finished) is fine', async () => {
    const { child, done } = await startWaiting(
      {},
      { status: 409, body: { error: 'conflict', message: 'already terminal' } }
    )
    child.kill('SIGINT')
    const result = await done
    results.push(result)
    expect(result.stdout).toContain(`Run ${id}: already finished.`)
    expect(result.outputs.status).toBe('cancelled')
  })

  it('cancel-on-abort: false leaves the run alone', async () => {
    const { child, done } = await startWaiting({ 'cancel-on-abort': 'false' })
    child.kill('SIGTERM')
    const result = await done
    results.push(result)
    expect(result.code).toBe(1)
    expect(server!.requests.filter(r => r.method === 'POST')).toEqual([])
  })
})

// Every bad input's line is checked in-process (verdict.test.ts); the bundle shows one line and no
// stack trace, for an input of each kind.
describe('bad inputs, as the runner passes them', () => {
  it.each([
    [
      { 'run-id': '' },
      "One of 'run-id', 'test-id', 'group-id' or 'exploration-agent: true' is required"
    ],
    [{ 'api-key': '' }, "Input 'api-key' is empty and TESTERARMY_API_KEY is not set"],
    [{ 'fail-on': 'sometimes' }, `Input 'fail-on' is "sometimes"`]
  ])('%o ends with one clear line and no request', async (inputs, message) => {
    const id = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
    const result = await act({ [id]: [running(id)] }, inputs)
    expect(result.code).toBe(1)
    expect(finalError(result)).toEqual([expect.stringContaining(message)])
    expect(server!.requests).toEqual([])
    expect(result.stderr).toBe('')
    expect(result.outputs).toEqual({})
    expect(result.summary).toBe('')
  })
})
