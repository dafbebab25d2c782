// The verdict and what the user reads (fail-on, min-severity, summary and annotations, timeouts,
// bad inputs), from run() in-process: the runner played as the end-to-end tests play it
// (helpers/in-process.ts) against a scripted server, in virtual time. These cases once spawned
// dist/ in e2e.test.ts; what only the bundle shows stays there.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'
import type { ActionOptions, ActionResult } from '../scripts/runner.mjs'
import { startApiServer, scripted, type ApiServer, type Reply } from './helpers/api-server.js'
import { fixtureBody, screenshotHeavyOutcomes } from './helpers/fixtures.js'
import { runInProcess } from './helpers/in-process.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const KEY = 'sk_live_e2e_S3CRET_key_0042'
const ok = (body: object): Reply => ({ status: 200, body })
const running = (id: string): Reply =>
  ok({ id, status: 'running', type: 'ci', input: {}, createdAt: '2026-11-28T09:00:00Z' })

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
  const result = await runInProcess(run, {
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

describe('the verdict and what the user reads', () => {
  it('fails on a run whose status is failed, showing its error', async () => {
    const body = fixtureBody('run-failed')
    const result = await act({ [body.id as string]: [ok(body)] })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({
      status: 'failed',
      result: '',
      passed: 'false',
      description: expect.stringMatching(/^Could not load/)
    })
    expect(finalError(result)).toEqual([
      'TesterArmy verdict: failed: the run failed before it could finish testing (TARGET_UNREACHABLE: Could not load https://preview-482.shop.example.com: the connection timed out after 30 s).'
    ])
    expect(result.summary).toContain('**The run failed** <code>TARGET\\_UNREACHABLE</code>')
  })

  it('fails on a cancelled run', async () => {
    const body = fixtureBody('cancelled')
    const result = await act({ [body.id as string]: [ok(body)] })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'cancelled', result: '', passed: 'false' })
    expect(result.summary).toContain('**The run was cancelled** before it finished.')
  })

  it('passes a skipped run and says why it was skipped', async () => {
    const body = fixtureBody('skipped')
    const result = await act({ [body.id as string]: [ok(body)] })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      status: 'completed',
      result: 'SKIPPED',
      passed: 'true',
      description: expect.stringMatching(/^This pull request/)
    })
    expect(result.stdout).toContain(
      'TesterArmy verdict: passed (skipped: nothing user-visible to test).'
    )
  })

  it('waits for two runs at once and reports both', async () => {
    const failed = fixtureBody('failed-with-issues')
    const passed = fixtureBody('passed')
    const result = await act(
      {
        [failed.id as string]: [ok(failed)],
        [passed.id as string]: [running(passed.id as string), ok(passed)]
      },
      { 'poll-interval': '1s' }
    )
    expect(result.code).toBe(1)
    expect(result.outputs['run-id']).toBe(`${failed.id},${passed.id}`)
    expect(JSON.parse(result.outputs.runs!).map((r: { passed: boolean }) => r.passed)).toEqual([
      false,
      true
    ])
    expect(result.summary).toMatch(/^## ❌ TesterArmy: 1 of 2 runs did not pass/)
    expect(result.summary).toContain(
      '| Verdict | Feature | Run | Status | Result | Issues | Warnings | Duration |'
    )
    expect(finalError(result)[0]).toContain(
      `run ${failed.id} (Checkout with saved card): the run FAILED with 3 issues`
    )
  })

  it('reports the verdict but passes the step with fail-on: never', async () => {
    const body = fixtureBody('failed-with-issues')
    const result = await act({ [body.id as string]: [ok(body)] }, { 'fail-on': 'never' })
    expect(result.code).toBe(0)
    expect(result.outputs.passed).toBe('false')
    expect(result.stdout).toContain('fail-on is never, so the step passes')
  })

  it('lets a FAILED run pass when no issue reaches min-severity, and fails it when one does', async () => {
    const body = fixtureBody('failed-with-issues')
    const id = body.id as string
    const atFour = await act({ [id]: [ok(body)] }, { 'min-severity': '4' })
    expect(atFour.code).toBe(1)
    expect(finalError(atFour)).toEqual([
      'TesterArmy verdict: failed: the run FAILED with 1 issue at severity 4 or above.'
    ])
    const output = body.output as { issues: { severity: number }[] }
    const minorOnly = {
      ...body,
      output: { ...output, issues: output.issues.filter(i => i.severity < 4) }
    }
    const lenient = await act({ [id]: [ok(minorOnly)] }, { 'min-severity': '4' })
    expect(lenient.code).toBe(0)
    expect(lenient.outputs).toMatchObject({ result: 'FAILED', passed: 'true', 'issues-count': '2' })
    expect(lenient.summary).toContain('none of its 2 issues reaches min\\-severity 4')
  })

  it('honours summary: on-failure and annotations: false', async () => {
    const body = fixtureBody('passed')
    const quiet = await act({ [body.id as string]: [ok(body)] }, { summary: 'on-failure' })
    expect(quiet.summary).toBe('')
    const never = await act({ [body.id as string]: [ok(body)] }, { summary: 'false' })
    expect(never.summary).toBe('')
    const failed = fixtureBody('failed-with-issues')
    const noNotes = await act({ [failed.id as string]: [ok(failed)] }, { annotations: 'false' })
    expect(errors(noNotes).filter(e => e.properties.title)).toEqual([])
    expect(noNotes.commands.filter(c => c.command === 'warning')).toEqual([])
    expect(noNotes.summary).not.toBe('')
  })

  it('ends at once when the key is rejected, still writing the summary', async () => {
    const id = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
    const result = await act({
      [id]: [{ status: 401, body: { error: 'unauthorized', message: 'Invalid API key' } }]
    })
    expect(result.code).toBe(1)
    expect(server!.requests).toHaveLength(1)
    expect(finalError(result)).toEqual([
      'TesterArmy: the TesterArmy API rejected the API key (HTTP 401: Invalid API key); check the api-key input or the TESTERARMY_API_KEY secret'
    ])
    expect(result.outputs).toMatchObject({ status: 'error', passed: 'false' })
    expect(result.summary).toContain('The action could not finish')
  })

  it('stops at the timeout, reports timed_out with the last status, and cancels the run', async () => {
    const id = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
    await server?.close()
    server = await startApiServer(request =>
      request.method === 'POST' ? ok({ id, status: 'cancelled' }) : running(id)
    )
    const result = await runInProcess(run, {
      inputs: { 'run-id': id, 'api-key': KEY, 'api-url': server.url, timeout: '2s' }
    })
    results.push(result)
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'timed_out', result: '', passed: 'false' })
    expect(server.requests.map(r => r.method)).toEqual(['GET', 'POST'])
    expect(server.requests[1]!.path).toBe(`/api/v1/runs/${id}/cancel`)
    expect(result.summary).toContain('Still not finished after 2 s')
    expect(result.summary).toContain('Its last status was **running**')
    expect(finalError(result)).toEqual([
      'TesterArmy verdict: failed: the run did not finish before the timeout.'
    ])
  })
})

// From e2e-hardening.test.ts: cases of the first release's review (issue 10) that are the wait's
// and the summary's policy, not the bundle's.
describe('many runs', () => {
  const RUN = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
  const RUN2 = '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70'
  const RUN3 = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
  const passed = (id: string): Record<string, unknown> => ({ ...fixtureBody('passed'), id })

  it('checks every run at least once when poll-interval is longer than timeout', async () => {
    const result = await act(
      {
        [RUN]: [{ status: 200, body: passed(RUN) }],
        [RUN2]: [{ status: 200, body: passed(RUN2) }],
        [RUN3]: [{ status: 200, body: passed(RUN3) }]
      },
      { 'poll-interval': '60s', timeout: '3s' }
    )
    expect(result.code).toBe(0)
    // Each run by ID once; the project's run list (refused by this server) asked once.
    const byId = server!.requests.filter(r => !r.path.includes('?'))
    expect(byId.map(r => r.path.split('/').pop()).sort()).toEqual([RUN, RUN2, RUN3].sort())
    expect(server!.requests).toHaveLength(4)
    expect(result.outputs.status).toBe('completed')
  })

  it('shows every issue of 8 screenshot-heavy runs (50 presigned screenshots each)', async () => {
    const bodies = Object.fromEntries(
      screenshotHeavyOutcomes().map(o => [o.id, [{ status: 200, body: o.body } as Reply]])
    )
    const result = await act(bodies)
    expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024)
    for (let r = 0; r < 8; r++)
      for (let n = 0; n < 10; n++) expect(result.summary).toContain(`| Run ${r} issue ${n} |`)
  })
})

describe('timeouts', () => {
  const id = '3fa85f64-5717-4562-b3fc-2c963f66afa6'

  it('shows the last error (a 504) in the error line and the summary when the timeout is reached', async () => {
    await server?.close()
    let served = 0
    server = await startApiServer(request =>
      request.method === 'POST'
        ? ok({ id, status: 'cancelled' })
        : served++ === 0
          ? running(id)
          : {
              status: 504,
              body: { error: 'gateway_timeout', message: 'test execution exceeded time limit' }
            }
    )
    const result = await runInProcess(run, {
      inputs: {
        'run-id': id,
        'api-key': KEY,
        'api-url': server.url,
        'poll-interval': '1s',
        // Room for the second poll (the first 504) on a busy machine: the last error is the point.
        timeout: '4s'
      }
    })
    results.push(result)
    expect(result.code).toBe(1)
    expect(finalError(result)).toEqual([
      'TesterArmy verdict: failed: the run did not finish before the timeout (last error: the API gateway timed out (HTTP 504: test execution exceeded time limit)).'
    ])
    expect(result.summary).toContain('test execution exceeded time limit')
    expect(JSON.parse(result.report).runs[0]).toMatchObject({
      status: 'timed_out',
      error: expect.stringContaining('HTTP 504'),
      run: { status: 'running' }
    })
  })
})

describe('bad inputs', () => {
  it.each([
    [
      { 'run-id': '' },
      "One of 'run-id', 'test-id', 'group-id' or 'exploration-agent: true' is required"
    ],
    [{ 'run-id': 'latest' }, `Input 'run-id' has "latest", which is not a run ID`],
    [{ 'api-key': '' }, "Input 'api-key' is empty and TESTERARMY_API_KEY is not set"],
    [{ 'api-url': 'http://tester.army/api' }, `Input 'api-url' is "http://tester.army/api"`],
    [{ 'poll-interval': '100ms' }, `Input 'poll-interval' is "100ms"`],
    [{ timeout: '12h' }, `Input 'timeout' is "12h"`],
    [{ 'fail-on': 'sometimes' }, `Input 'fail-on' is "sometimes"`],
    [{ 'min-severity': '9' }, `Input 'min-severity' is "9"`],
    [{ summary: 'maybe' }, `Input 'summary' is "maybe"`],
    [{ annotations: 'nope' }, `Input 'annotations' is "nope"`],
    [{ 'cancel-on-abort': 'y' }, `Input 'cancel-on-abort' is "y"`]
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
