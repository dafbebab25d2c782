// run() with @actions/core replaced, the API and the clock injected: the orchestration of what a
// user sees (outputs, summary, annotations, the final line) without a child process.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../__fixtures__/core.js'
import type {
  CancelBatchResponse,
  CancelRunResponse,
  GetRunResponse,
  RunsApi,
  StartApi,
  StartRunsResponse
} from '../src/api/api-client.js'
import type { CommentResult, CommentTarget } from '../src/github/comment.js'
import { GitHubLookupError, type PullsApi } from '../src/github/pull-request.js'
import { parseRun } from '../src/api/run-response.js'
import type { UploadApi } from '../src/api/api-client.js'
import { runnerEnvironment, type RunnerEnvironment } from '../scripts/runner.mjs'
import { FakeClock } from './helpers/fake-clock.js'
import { fixtureBody } from './helpers/fixtures.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const KEY = 'sk_unit_SECRET_0123456'
let dir: string
/** The runner's environment each test hands run(); process.env is never touched. */
let env: Record<string, string>
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'main-test-'))
  env = { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') }
  summaryPath = env.GITHUB_STEP_SUMMARY
})
/** The runner environments a test played (prEvent), removed after it. */
const steps: RunnerEnvironment[] = []
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
  for (const step of steps.splice(0)) step.cleanup()
})

const answer = (body: Record<string, unknown>): GetRunResponse => ({
  kind: 'run',
  run: parseRun(body),
  body
})

/** These tests give no app-path: an upload request would be a bug. */
const noUploads: UploadApi = {
  createUpload: () => Promise.reject(new Error('no upload expected')),
  confirmUpload: () => Promise.reject(new Error('no upload expected')),
  listApps: () => Promise.reject(new Error('no upload expected'))
}

/** An API that answers each run's GETs from a script (the last answer repeats). */
function fakeApi(
  scripts: Record<string, GetRunResponse[]>,
  cancel: CancelRunResponse = { kind: 'cancelled' },
  onGet?: (count: number) => void,
  starts: StartRunsResponse[] = [],
  batchAnswer: CancelBatchResponse = { kind: 'cancelled', covered: [] }
) {
  const calls: string[] = []
  const api: RunsApi & StartApi = {
    async startRuns(kind, id, body) {
      calls.push(`START ${kind} ${id} ${JSON.stringify(body)}`)
      const n = calls.filter(c => c.startsWith('START')).length - 1
      return (
        starts[n] ?? { kind: 'http-error', status: 500, message: 'HTTP 500', retryAfterMs: null }
      )
    },
    async startAgent(projectId, body) {
      calls.push(`START agent ${projectId} ${JSON.stringify(body)}`)
      const n = calls.filter(c => c.startsWith('START')).length - 1
      return (
        starts[n] ?? { kind: 'http-error', status: 500, message: 'HTTP 500', retryAfterMs: null }
      )
    },
    async cancelBatch(batchId) {
      calls.push(`CANCEL batch ${batchId}`)
      return batchAnswer
    },
    async getRun(id) {
      calls.push(`GET ${id}`)
      onGet?.(calls.length)
      const script = scripts[id] ?? []
      const n = calls.filter(c => c === `GET ${id}`).length - 1
      return (
        script[Math.min(n, script.length - 1)] ?? {
          kind: 'http-error',
          status: 404,
          message: 'HTTP 404',
          retryAfterMs: null
        }
      )
    },
    async cancelRun(id) {
      calls.push(`POST ${id}`)
      return cancel
    }
  }
  return { api, calls }
}

interface Extra {
  cancel?: CancelRunResponse
  signals?: EventEmitter
  /** The job summary cannot be written (its path is a folder). */
  summaryFails?: boolean
  /** Called on each GET with the number of requests so far: a hook to act at a known point. */
  onGet?: (count: number) => void
  /** Answers to the start requests, in order. */
  starts?: StartRunsResponse[]
  /** The pull-request comment's answer. */
  comment?: CommentResult
  env?: Record<string, string>
  /** The answer to a batch cancel. */
  batchCancel?: CancelBatchResponse
  /** GitHub's pull requests, for the agent's lookups; records the calls. */
  pulls?: PullsApi
}

const comments: CommentTarget[] = []

/** The job summary file of the last runWith(), as the runner would show it ('' when none). */
let summaryPath: string | undefined
function summaryText(): string {
  try {
    return summaryPath ? readFileSync(summaryPath, 'utf8') : ''
  } catch {
    return ''
  }
}

async function runWith(
  inputs: Record<string, string>,
  scripts: Record<string, GetRunResponse[]>,
  extra: Extra = {}
) {
  core.reset({ 'api-key': KEY, 'report-path': join(dir, 'report.json'), ...inputs })
  const stepEnv = {
    ...env,
    ...extra.env,
    ...(extra.summaryFails ? { GITHUB_STEP_SUMMARY: dir } : {})
  }
  summaryPath = stepEnv.GITHUB_STEP_SUMMARY
  const clock = new FakeClock()
  const { api, calls } = fakeApi(
    scripts,
    extra.cancel,
    extra.onGet,
    extra.starts,
    extra.batchCancel
  )
  const signals = extra.signals ?? new EventEmitter()
  comments.length = 0
  await run({
    clock,
    api: () => ({ ...noUploads, ...clock.track(api) }),
    signals: signals as unknown as NodeJS.Process,
    comment: async target => {
      comments.push(target)
      return extra.comment ?? { kind: 'created', url: 'https://github.test/c/1' }
    },
    env: stepEnv,
    pulls: async () => {
      calls.push('OCTOKIT')
      return (
        extra.pulls ?? {
          getPull: async () => null,
          pullsForCommit: async () => [],
          openPullsByHead: async () => []
        }
      )
    }
  })
  return { calls, failed: core.setFailed.mock.calls.map(c => String(c[0])) }
}

describe('run', () => {
  it('masks the key, sets every output, writes the report and summary, and passes a passing run', async () => {
    const body = fixtureBody('passed')
    const { failed } = await runWith(
      { 'run-id': body.id as string },
      { [body.id as string]: [answer(body)] }
    )
    expect(core.setSecret).toHaveBeenCalledWith(KEY)
    expect(failed).toEqual([])
    expect(core.outputs).toMatchObject({
      status: 'completed',
      result: 'PASS',
      passed: 'true',
      'report-path': join(dir, 'report.json')
    })
    expect(Object.keys(core.outputs)).toHaveLength(22)
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).passed).toBe(true)
    expect(summaryText()).toMatch(/^## ✅ TesterArmy passed/)
    expect(core.info).toHaveBeenCalledWith('TesterArmy verdict: passed.')
    expect(core.startGroup).toHaveBeenCalledTimes(1)
    expect(core.endGroup).toHaveBeenCalledTimes(1)
  })

  it('fails a FAILED run with one line, after annotating each issue', async () => {
    const body = fixtureBody('failed-with-issues')
    const { failed } = await runWith(
      { 'run-id': body.id as string },
      { [body.id as string]: [answer(body)] }
    )
    expect(failed).toEqual(['TesterArmy verdict: failed: the run FAILED with 3 issues.'])
    expect(core.error).toHaveBeenCalledTimes(3)
    expect(core.warning).toHaveBeenCalledTimes(2)
    expect(core.error.mock.calls[0]![1]).toEqual({
      title: 'Paying with a saved card returns a 500 error'
    })
  })

  it('emits a notice when there are more findings than GitHub shows', async () => {
    const body = fixtureBody('failed-with-issues')
    const issues = Array.from({ length: 12 }, (_, n) => ({
      name: `I${n}`,
      description: 'd',
      url: 'https://x.test/',
      severity: 3
    }))
    const big = { ...body, output: { ...(body.output as object), issues } }
    await runWith({ 'run-id': body.id as string }, { [body.id as string]: [answer(big)] })
    expect(core.notice).toHaveBeenCalledWith(
      '2 more findings are in the job summary and the JSON report (output report-path).',
      { title: 'More TesterArmy findings' }
    )
  })

  it('scrubs the key from outputs, summary and report if the API echoes it', async () => {
    const body = { ...fixtureBody('passed') }
    const echoed = {
      ...body,
      output: { ...(body.output as object), description: `Logged in with ${KEY}` }
    }
    await runWith({ 'run-id': body.id as string }, { [body.id as string]: [answer(echoed)] })
    expect(core.outputs.description).toBe('Logged in with ***')
    expect(summaryText()).not.toContain(KEY)
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).not.toContain(KEY)
  })

  it('writes a multi-megabyte report in pieces, the same bytes as one JSON.stringify, key scrubbed', async () => {
    const body = fixtureBody('failed-with-issues')
    const issues = Array.from({ length: 6_000 }, (_, n) => ({
      name: `Issue ${n} é 🚀 "quoted"\nline`,
      description: n % 1000 === 0 ? `echoed ${KEY} here` : 'd'.repeat(300),
      url: 'https://x.test/',
      severity: (n % 5) + 1,
      extra: n % 7 === 0 ? { empty: {}, none: [], nested: [[1, [null, true]], { a: 'b' }] } : null
    }))
    const big = { ...body, output: { ...(body.output as object), issues } }
    await runWith({ 'run-id': body.id as string }, { [body.id as string]: [answer(big)] })
    const text = readFileSync(join(dir, 'report.json'), 'utf8')
    expect(text.length).toBeGreaterThan(2_000_000)
    expect(text).not.toContain(KEY)
    const parsed = JSON.parse(text)
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`)
    expect(parsed.runs[0].run).toEqual(JSON.parse(JSON.stringify(big).split(KEY).join('***')))
  })

  it('writes the report of a body nested too deep to serialize, its deepest levels left out', async () => {
    const body = fixtureBody('passed')
    let deep: unknown = 'bottom'
    for (let i = 0; i < 50_000; i++) deep = { deeper: deep }
    await runWith(
      { 'run-id': body.id as string },
      { [body.id as string]: [answer({ ...body, unknown: deep })] }
    )
    const text = readFileSync(join(dir, 'report.json'), 'utf8')
    expect(JSON.parse(text).runs[0].run.id).toBe(body.id)
    expect(text).toContain('nested more than 100 levels deep: left out')
  })

  it('reports bad inputs one line each and sends nothing', async () => {
    const { calls, failed } = await runWith({ 'run-id': 'nope', timeout: 'forever' }, {})
    expect(failed).toEqual([
      expect.stringContaining("Input 'run-id'"),
      expect.stringContaining("Input 'timeout'")
    ])
    expect(calls).toEqual([])
    expect(core.outputs).toEqual({})
  })

  it('passes the step on a failing verdict with fail-on: never, saying so', async () => {
    const body = fixtureBody('run-failed')
    const { failed } = await runWith(
      { 'run-id': body.id as string, 'fail-on': 'never' },
      { [body.id as string]: [answer(body)] }
    )
    expect(failed).toEqual([])
    expect(core.info).toHaveBeenCalledWith(
      expect.stringContaining('fail-on is never, so the step passes')
    )
    expect(core.outputs.passed).toBe('false')
  })

  it('skips the summary when asked, and annotations when asked', async () => {
    const body = fixtureBody('failed-with-issues')
    await runWith(
      { 'run-id': body.id as string, summary: 'never', annotations: 'false' },
      { [body.id as string]: [answer(body)] }
    )
    expect(summaryText()).toBe('')
    expect(core.error).not.toHaveBeenCalled()
  })

  it('says so, and goes on, when the summary or the report cannot be written', async () => {
    const body = fixtureBody('passed')
    await runWith(
      { 'run-id': body.id as string, 'report-path': '/proc/forbidden/report.json' },
      { [body.id as string]: [answer(body)] },
      { summaryFails: true }
    )
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(/^Could not write the JSON report to \/proc\/forbidden\/report\.json/)
    )
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not write the job summary: EISDIR: illegal operation on a directory/
      )
    )
    expect(core.outputs['report-path']).toBe('')
    expect(core.setFailed).not.toHaveBeenCalled()
  })

  it('explains the missing summary when not on a runner', async () => {
    delete env.GITHUB_STEP_SUMMARY
    const body = fixtureBody('passed')
    await runWith({ 'run-id': body.id as string }, { [body.id as string]: [answer(body)] })
    expect(core.info).toHaveBeenCalledWith(
      expect.stringContaining('GITHUB_STEP_SUMMARY is not set')
    )
  })

  it('logs status changes once and unknown statuses as a warning', async () => {
    const body = fixtureBody('passed')
    const id = body.id as string
    const status = (s: string) => answer({ ...body, status: s, output: null })
    await runWith(
      { 'run-id': id },
      {
        [id]: [
          status('queued'),
          status('provisioning'),
          status('provisioning'),
          status('running'),
          answer(body)
        ]
      }
    )
    const lines = core.info.mock.calls.map(c => String(c[0])).filter(l => l.startsWith(`Run ${id}`))
    expect(lines).toEqual([
      `Run ${id}: queued`,
      `Run ${id}: queued -> provisioning after 5 s`,
      `Run ${id}: provisioning -> running after 15 s`,
      `Run ${id}: running -> completed after 20 s`
    ])
    expect(core.warning).toHaveBeenCalledWith(
      `Run ${id} reports status "provisioning", which this action does not know; still waiting.`
    )
  })

  it('logs each passing fault with the wait that follows', async () => {
    const body = fixtureBody('passed')
    const id = body.id as string
    await runWith(
      { 'run-id': id },
      {
        [id]: [
          {
            kind: 'network-error',
            message: 'the connection was reset (ECONNRESET)',
            timedOut: false,
            mayHaveArrived: true
          },
          answer(body)
        ]
      }
    )
    expect(core.info).toHaveBeenCalledWith(
      expect.stringMatching(
        new RegExp(`^Run ${id}: the connection was reset \\(ECONNRESET\\); trying again in \\d`)
      )
    )
  })

  it('on timeout, cancels the unfinished run and fails with the last error', async () => {
    const body = fixtureBody('passed')
    const id = body.id as string
    const running = answer({ ...body, status: 'running', output: null })
    const { calls, failed } = await runWith(
      { 'run-id': id, timeout: '1m' },
      {
        [id]: [
          running,
          {
            kind: 'http-error',
            status: 504,
            message: 'HTTP 504: test execution exceeded time limit',
            retryAfterMs: null
          }
        ]
      },
      { cancel: { kind: 'http-error', status: 409, message: 'HTTP 409: done' } }
    )
    expect(calls.at(-1)).toBe(`POST ${id}`)
    expect(core.info).toHaveBeenCalledWith(`Run ${id}: already finished.`)
    expect(failed).toEqual([
      'TesterArmy verdict: failed: the run did not finish before the timeout (last error: the API gateway timed out (HTTP 504: test execution exceeded time limit)).'
    ])
    expect(core.outputs.status).toBe('timed_out')
  })

  it('on a signal, stops waiting, cancels the run and fails, whatever fail-on says', async () => {
    const body = fixtureBody('passed')
    const id = body.id as string
    const signals = new EventEmitter()
    const running = answer({ ...body, status: 'running', output: null })
    // The runner's escalation, delivered while the second poll is in flight.
    const onGet = (count: number) => {
      if (count !== 2) return
      signals.emit('SIGINT', 'SIGINT')
      signals.emit('SIGTERM', 'SIGTERM')
    }
    const { calls, failed } = await runWith(
      { 'run-id': id, 'fail-on': 'never' },
      { [id]: [running] },
      {
        signals,
        onGet,
        cancel: {
          kind: 'network-error',
          message: 'no answer',
          timedOut: true,
          mayHaveArrived: true
        }
      }
    )
    expect(calls).toEqual([`GET ${id}`, `GET ${id}`, `POST ${id}`])
    expect(core.warning).toHaveBeenCalledWith(
      'Received SIGINT: the workflow is being cancelled; stopping the wait.'
    )
    expect(core.info).toHaveBeenCalledWith(`Run ${id}: could not be cancelled (no answer).`)
    expect(failed).toEqual([
      'TesterArmy: the wait was cancelled because the workflow was cancelled.'
    ])
    expect(core.outputs.status).toBe('cancelled')
    expect(signals.listenerCount('SIGINT')).toBe(0)
  })

  it('a cancel that comes while the results are being published still fails the step', async () => {
    const body = fixtureBody('passed')
    const id = body.id as string
    const signals = new EventEmitter()
    // The runner's SIGINT, delivered as the first output is written.
    core.setOutput.mockImplementationOnce((name: string, value: string) => {
      core.outputs[name] = value
      signals.emit('SIGINT', 'SIGINT')
    })
    const { failed } = await runWith({ 'run-id': id }, { [id]: [answer(body)] }, { signals })
    expect(failed).toEqual([
      'TesterArmy: the wait was cancelled because the workflow was cancelled.'
    ])
    expect(core.info).not.toHaveBeenCalledWith('TesterArmy verdict: passed.')
  })

  it('ends a rejected key with the API message, still writing the summary', async () => {
    const id = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
    const { failed } = await runWith(
      { 'run-id': id },
      {
        [id]: [
          { kind: 'http-error', status: 403, message: 'HTTP 403: Forbidden', retryAfterMs: null }
        ]
      }
    )
    expect(failed).toEqual([
      'TesterArmy: the TesterArmy API rejected the API key (HTTP 403: Forbidden); check the api-key input or the TESTERARMY_API_KEY secret'
    ])
    expect(summaryText()).toContain('The action could not finish')
  })

  it('turns a thrown non-Error into one failed line too', async () => {
    core.reset({ 'run-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'api-key': KEY })
    await run({
      clock: new FakeClock(),
      api: () => {
        throw 'a string'
      },
      signals: new EventEmitter() as unknown as NodeJS.Process,
      comment: async () => ({ kind: 'failed', message: 'unused' })
    })
    expect(core.setFailed).toHaveBeenCalledWith('TesterArmy action failed unexpectedly: a string')
  })

  it('turns an unexpected throw into one failed line, never a silent pass', async () => {
    core.reset({ 'run-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'api-key': KEY })
    await run({
      clock: new FakeClock(),
      api: () => {
        throw new TypeError('boom')
      },
      signals: new EventEmitter() as unknown as NodeJS.Process,
      comment: async () => ({ kind: 'failed', message: 'unused' })
    })
    expect(core.setFailed).toHaveBeenCalledWith('TesterArmy action failed unexpectedly: boom')
  })

  it('an unexpected throw once the inputs are read: still status error, the report and summary with the message', async () => {
    const reportPath = join(dir, 'report.json')
    core.reset({
      'run-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      'api-key': KEY,
      'report-path': reportPath
    })
    await run({
      clock: new FakeClock(),
      api: () => {
        throw new TypeError(`boom ${KEY}`)
      },
      signals: new EventEmitter() as unknown as NodeJS.Process,
      comment: async () => ({ kind: 'failed', message: 'unused' }),
      env
    })
    expect(core.setFailed.mock.calls.map(c => String(c[0]))).toEqual([
      'TesterArmy action failed unexpectedly: boom ***'
    ])
    expect(core.outputs.status).toBe('error')
    expect(core.outputs.passed).toBe('false')
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { status: string }
    expect(report.status).toBe('error')
    expect(summaryText()).toContain('the action failed unexpectedly\\: boom')
    expect(JSON.stringify([core.outputs, summaryText(), report])).not.toContain(KEY)
  })

  it('an unexpected throw once the commit status is pending: the status says error, not pending for ever', async () => {
    core.reset({
      'run-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      'api-key': KEY,
      'commit-status': 'true',
      'github-token': 'ghs_unit_token'
    })
    const posted: { sha: string; state: string; description: string }[] = []
    await run({
      clock: new FakeClock(),
      api: () =>
        ({
          ...noUploads,
          getRun: async () => {
            throw new TypeError('boom')
          }
        }) as never,
      signals: new EventEmitter() as unknown as NodeJS.Process,
      comment: async () => ({ kind: 'failed', message: 'unused' }),
      env: { ...env, GITHUB_SHA: 'abc123', GITHUB_REPOSITORY: 'acme/shop' },
      statuses: async () => async (sha, status) => {
        posted.push({ sha, state: status.state, description: status.description })
        return { kind: 'posted' }
      }
    })
    expect(core.setFailed).toHaveBeenCalledWith('TesterArmy action failed unexpectedly: boom')
    expect(posted).toEqual([
      { sha: 'abc123', state: 'pending', description: 'Waiting for 1 TesterArmy run' },
      { sha: 'abc123', state: 'error', description: 'Error: boom' }
    ])
  })

  it('an unexpected throw while publishing that report: the one failed line all the same', async () => {
    core.reset({ 'run-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'api-key': KEY })
    core.setOutput.mockImplementation(() => {
      throw new Error('the output file is gone')
    })
    try {
      await run({
        clock: new FakeClock(),
        api: () => {
          throw new TypeError('boom')
        },
        signals: new EventEmitter() as unknown as NodeJS.Process,
        comment: async () => ({ kind: 'failed', message: 'unused' }),
        env
      })
    } finally {
      core.setOutput.mockImplementation((name: string, value: string) => {
        core.outputs[name] = value
      })
    }
    expect(core.setFailed.mock.calls.map(c => String(c[0]))).toEqual([
      'TesterArmy action failed unexpectedly: boom'
    ])
  })

  describe('starting runs and commenting', () => {
    const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
    const passed = fixtureBody('passed')
    const id = passed.id as string
    const started: StartRunsResponse = { kind: 'started', runIds: [id], cancelledRunIds: [] }
    const prEvent = (): Record<string, string> => {
      const step = runnerEnvironment({
        event: { pull_request: { number: 482, head: { sha: 'head-sha' } } },
        context: {
          GITHUB_RUN_ID: '42',
          GITHUB_SERVER_URL: '',
          GITHUB_API_URL: 'http://127.0.0.1:9/api'
        }
      })
      steps.push(step)
      return step.env
    }

    it('starts a test run, sets run-id at once, waits for it and reports', async () => {
      const { calls, failed } = await runWith(
        { 'test-id': TEST, mode: 'fast' },
        { [id]: [answer(passed)] },
        { starts: [started] }
      )
      expect(calls[0]).toBe(`START test ${TEST} {"mode":"fast"}`)
      expect(core.setOutput.mock.calls[0]).toEqual(['run-id', id])
      expect(core.info).toHaveBeenCalledWith(`Started run ${id}.`)
      expect(failed).toEqual([])
      expect(core.outputs).toMatchObject({ 'run-id': id, passed: 'true' })
    })

    it('from an issue comment on a pull request: the group gets the pull request’s head, read from GitHub', async () => {
      const commentEvent = (): Record<string, string> => {
        const step = runnerEnvironment({
          event: { issue: { number: 482, pull_request: {} }, comment: { body: '/qa' } },
          eventName: 'issue_comment',
          context: { GITHUB_API_URL: 'http://127.0.0.1:9/api', GITHUB_SHA: 'default-branch' }
        })
        steps.push(step)
        return step.env
      }
      const getPull = async (n: number) => ({ number: n, head: { sha: 'pr-head-sha' } })
      const lookups = { getPull, pullsForCommit: async () => [], openPullsByHead: async () => [] }
      const { calls } = await runWith(
        { 'group-id': TEST, 'github-token': 'ghs_comment_TOKEN' },
        { [id]: [answer(passed)] },
        { starts: [started], env: commentEvent(), pulls: lookups }
      )
      expect(calls.slice(0, 2)).toEqual([
        'OCTOKIT',
        `START group ${TEST} {"commitSha":"pr-head-sha","prNumber":482}`
      ])

      // GitHub does not answer: started without a commit (never the default branch's), said once.
      const down = {
        ...lookups,
        getPull: async () => {
          throw new Error('HTTP 502: Bad Gateway')
        }
      }
      const again = await runWith(
        { 'group-id': TEST, 'github-token': 'ghs_comment_TOKEN' },
        { [id]: [answer(passed)] },
        { starts: [started], env: commentEvent(), pulls: down }
      )
      expect(again.calls[1]).toBe(`START group ${TEST} {"prNumber":482}`)
      expect(core.notice).toHaveBeenCalledWith(
        expect.stringMatching(
          /^The commit of pull request #482 could not be read from GitHub \(HTTP 502/
        ),
        { title: 'TesterArmy pull request' }
      )
      expect(again.failed).toEqual([])

      // A test's start sends no commit: without commit-status, GitHub is not asked.
      const test = await runWith(
        { 'test-id': TEST, 'github-token': 'ghs_comment_TOKEN' },
        { [id]: [answer(passed)] },
        { starts: [started], env: commentEvent(), pulls: lookups }
      )
      expect(test.calls[0]).toBe(`START test ${TEST} {}`)
      expect(test.calls).not.toContain('OCTOKIT')
    })

    it('reports the runs a group start cancelled at once as cancelled, without polling them', async () => {
      const other = '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70'
      const { calls, failed } = await runWith(
        { 'group-id': TEST },
        { [id]: [answer(passed)] },
        {
          starts: [{ kind: 'started', runIds: [id, other], cancelledRunIds: [other] }],
          env: prEvent()
        }
      )
      expect(calls.filter(c => c.startsWith('GET'))).toEqual([`GET ${id}`])
      expect(calls[0]).toBe(`START group ${TEST} {"commitSha":"head-sha","prNumber":482}`)
      expect(core.warning).toHaveBeenCalledWith(
        expect.stringContaining(`cancelled 1 of the group's runs as it started them`)
      )
      expect(JSON.parse(core.outputs.runs!).map((r: { status: string }) => r.status)).toEqual([
        'completed',
        'cancelled'
      ])
      expect(failed).toEqual([expect.stringContaining(`run ${other}: the run was cancelled`)])
    })

    it('when the start fails, says why in one line and still writes the outputs and summary', async () => {
      const { failed } = await runWith(
        { 'test-id': TEST },
        {},
        {
          starts: [
            {
              kind: 'http-error',
              status: 404,
              message: 'HTTP 404: Test not found',
              retryAfterMs: null
            }
          ]
        }
      )
      expect(failed).toEqual([
        expect.stringMatching(
          /^TesterArmy: the TesterArmy API refused to start a run of test .*HTTP 404: Test not found.*check the test ID/
        )
      ])
      expect(core.outputs).toMatchObject({
        status: 'error',
        passed: 'false',
        'run-id': '',
        result: ''
      })
      expect(summaryText()).toMatch(/^## ❌ TesterArmy: no run to report/)
    })

    it("a start still refused (503) when the step's timeout comes: status timed_out, not error", async () => {
      const unavailable: StartRunsResponse = {
        kind: 'http-error',
        status: 503,
        message: 'HTTP 503: Service Unavailable',
        retryAfterMs: null
      }
      const { failed } = await runWith(
        { 'test-id': TEST, timeout: '20s' },
        {},
        { starts: Array.from({ length: 50 }, () => unavailable) }
      )
      expect(failed).toEqual([
        expect.stringMatching(
          /^TesterArmy: could not start a run of test .* before the timeout \(last error: HTTP 503/
        )
      ])
      expect(core.outputs).toMatchObject({ status: 'timed_out', passed: 'false', 'run-id': '' })
    })

    it('comments on the pull request with a marker naming the workflow, job and test', async () => {
      await runWith(
        { 'test-id': TEST, comment: 'true', 'github-token': 'ghs_x' },
        { [id]: [answer(passed)] },
        { starts: [started], env: prEvent() }
      )
      expect(comments).toHaveLength(1)
      expect(comments[0]).toMatchObject({
        token: 'ghs_x',
        owner: 'acme',
        repo: 'shop',
        prNumber: 482,
        apiUrl: 'http://127.0.0.1:9/api'
      })
      expect(comments[0]!.marker).toContain('testerarmy-action QA qa test%3A')
      expect(comments[0]!.body).toContain(
        '[Full report in the job summary](https://github.com/acme/shop/actions/runs/42)'
      )
      expect(core.info).toHaveBeenCalledWith(
        'Commented on pull request #482: https://github.test/c/1'
      )
    })

    it('outside a pull request, says so in one notice and goes on', async () => {
      const { failed } = await runWith(
        { 'run-id': id, comment: 'true', 'github-token': 'ghs_x' },
        { [id]: [answer(passed)] }
      )
      expect(comments).toEqual([])
      expect(core.notice).toHaveBeenCalledWith(
        'comment is true, but this workflow run is not for a pull request: no comment was written.',
        { title: 'TesterArmy comment' }
      )
      expect(failed).toEqual([])
    })

    it('without permission (a fork), says so in one notice and goes on; other failures warn', async () => {
      await runWith(
        { 'run-id': id, comment: 'true', 'github-token': 'ghs_x' },
        { [id]: [answer(passed)] },
        {
          env: prEvent(),
          comment: {
            kind: 'forbidden',
            message: 'HTTP 403: Resource not accessible by integration'
          }
        }
      )
      expect(core.notice).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Could not comment on pull request #482: the token may not write there .*forks get a read-only token/
        ),
        { title: 'TesterArmy comment' }
      )
      expect(core.setFailed).not.toHaveBeenCalled()
      await runWith(
        { 'run-id': id, comment: 'true', 'github-token': 'ghs_x' },
        { [id]: [answer(passed)] },
        { env: prEvent(), comment: { kind: 'failed', message: 'socket hang up' } }
      )
      expect(core.warning).toHaveBeenCalledWith(
        'Could not comment on pull request #482: socket hang up',
        { title: 'TesterArmy comment' }
      )
    })

    it('with no GitHub token (a fork gets no secrets), says so in one notice and goes on', async () => {
      const { failed } = await runWith(
        { 'run-id': id, comment: 'true' },
        { [id]: [answer(passed)] },
        { env: prEvent() }
      )
      expect(comments).toEqual([])
      expect(core.notice).toHaveBeenCalledWith(
        expect.stringMatching(/^comment is true, but github-token is empty/),
        { title: 'TesterArmy comment' }
      )
      expect(failed).toEqual([])
    })

    it('says a group that started no runs has nothing to test', async () => {
      const { failed } = await runWith(
        { 'group-id': TEST },
        {},
        { starts: [{ kind: 'started', runIds: [], cancelledRunIds: [] }] }
      )
      expect(failed).toEqual([
        expect.stringMatching(
          /^TesterArmy: the group .* started no runs: it may have no runnable tests$/
        )
      ])
    })

    it('reports an update of the existing comment', async () => {
      await runWith(
        { 'run-id': id, comment: 'true', 'github-token': 'ghs_x' },
        { [id]: [answer(passed)] },
        { env: prEvent(), comment: { kind: 'updated', url: 'https://github.test/c/9' } }
      )
      expect(core.info).toHaveBeenCalledWith(
        'Updated the comment on pull request #482: https://github.test/c/9'
      )
    })
  })
})

describe('run with the exploration agent', () => {
  const AGENT = '5a0d6c1e-2b3f-4c4d-8e5f-6a7b8c9d0e1f'
  const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
  const BATCH = 'b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e'
  const G1 = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
  const HEAD = '9c1e4f2a'.repeat(5)
  const pull = {
    number: 42,
    state: 'open',
    title: 'Coupons',
    body: 'Adds coupons.',
    head: { ref: 'coupons', sha: HEAD },
    base: { ref: 'main' }
  }
  const agentStarted = (metadata?: object): StartRunsResponse => ({
    kind: 'started',
    runIds: [AGENT],
    cancelledRunIds: [],
    answer: { runId: AGENT, ...(metadata ? { metadata } : {}) }
  })
  const groupStarted: StartRunsResponse = {
    kind: 'started',
    runIds: [G1],
    cancelledRunIds: [],
    batchId: BATCH,
    answer: {
      batchId: BATCH,
      metadata: { github: { configured: true, checkRunCreated: true, commentTargetResolved: true } }
    }
  }
  const passedAs = (id: string) => answer({ ...fixtureBody('passed'), id })
  const running = (id: string) =>
    answer({ ...fixtureBody('passed'), id, status: 'running', output: null })

  function event(name: string, payload: object): Record<string, string> {
    const step = runnerEnvironment({ event: payload, eventName: name })
    steps.push(step)
    return step.env
  }
  const agentInputs = {
    'exploration-agent': 'true',
    'project-id': 'shop',
    'target-url': 'https://p.test'
  }

  it('on a pull_request: starts the agent without loading Octokit, and reports what GitHub reporting said', async () => {
    const { calls, failed } = await runWith(
      { ...agentInputs, comment: 'auto', 'github-token': 'ghs_t' },
      { [AGENT]: [passedAs(AGENT)] },
      {
        starts: [
          agentStarted({
            github: { configured: true, checkRunCreated: true, commentTargetResolved: true }
          })
        ],
        env: event('pull_request', { pull_request: pull })
      }
    )
    expect(failed).toEqual([])
    expect(calls).not.toContain('OCTOKIT')
    expect(calls[0]).toMatch(/^START agent shop /)
    expect(core.outputs).toMatchObject({ 'pr-number': '42', 'run-id': AGENT, status: 'completed' })
    expect(JSON.parse(core.outputs['github-reporting']!)).toEqual({
      configured: true,
      checkRunCreated: true,
      commentTargetResolved: true
    })
    // comment: auto, and TesterArmy comments itself: no second comment.
    expect(comments).toEqual([])
    expect(summaryText()).toContain('| Started as | exploration agent, pull request \\#42 |')
  })

  it.each([
    ['not JSON', '{"pull_request": {"number": 4'],
    ['missing', null],
    ['a JSON array', '[1]']
  ])(
    'an event file that is %s: status error and a failed step naming it, never skipped',
    async (_, text) => {
      const file = join(dir, 'event.json')
      if (text !== null) writeFileSync(file, text)
      const { calls, failed } = await runWith(
        agentInputs,
        {},
        {
          env: {
            GITHUB_EVENT_NAME: 'pull_request',
            GITHUB_EVENT_PATH: file,
            GITHUB_REPOSITORY: 'acme/shop'
          }
        }
      )
      expect(calls).toEqual([])
      expect(failed).toEqual([
        expect.stringMatching(
          /^TesterArmy: could not find the pull request to test: the event file .*event\.json" (could not be read|is not a JSON object)/
        )
      ])
      expect(core.outputs.status).toBe('error')
    }
  )

  it('an unreadable event file with pr-number: the pull request from GitHub all the same', async () => {
    const { calls, failed } = await runWith(
      { ...agentInputs, 'pr-number': '42', 'github-token': 'ghs_t' },
      { [AGENT]: [passedAs(AGENT)] },
      {
        starts: [agentStarted()],
        env: { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(dir, 'none.json') },
        pulls: {
          getPull: async () => pull,
          pullsForCommit: async () => [],
          openPullsByHead: async () => []
        }
      }
    )
    expect(failed).toEqual([])
    expect(calls[0]).toBe('OCTOKIT')
  })

  it('nothing to test: one notice, status skipped, the step passes, nothing started', async () => {
    const { calls, failed } = await runWith(agentInputs, {}, { env: event('push', {}) })
    expect(failed).toEqual([])
    expect(calls).toEqual([])
    expect(core.outputs).toMatchObject({ status: 'skipped', passed: 'true' })
    expect(core.notice).toHaveBeenCalledWith(expect.stringMatching(/^Nothing to test: /), {
      title: 'TesterArmy exploration agent'
    })
    expect(summaryText()).toMatch(/nothing to test/)
  })

  it("a failed lookup fails the step with GitHub's answer, and starts nothing", async () => {
    const { calls, failed } = await runWith(
      { ...agentInputs, 'pr-number': '7', 'github-token': 'ghs_t' },
      {},
      { env: event('push', {}) }
    )
    expect(calls).toEqual(['OCTOKIT'])
    expect(failed).toEqual([expect.stringContaining('pull request #7 was not found')])
    expect(core.outputs.status).toBe('error')
  })

  it('deployment_status: the pull request from GitHub, the deployment URL as target; comment: auto comments there', async () => {
    const looked: string[] = []
    const { calls, failed } = await runWith(
      {
        'exploration-agent': 'true',
        'project-id': 'shop',
        comment: 'auto',
        'github-token': 'ghs_t'
      },
      { [AGENT]: [passedAs(AGENT)] },
      {
        starts: [agentStarted()],
        env: event('deployment_status', {
          deployment_status: { state: 'success', environment_url: 'https://d.test' },
          deployment: { sha: HEAD }
        }),
        pulls: {
          getPull: async () => null,
          pullsForCommit: async sha => (looked.push(sha), [pull]),
          openPullsByHead: async () => []
        }
      }
    )
    expect(failed).toEqual([])
    expect(looked).toEqual([HEAD])
    expect(JSON.parse(calls[1]!.replace(/^START agent shop /, ''))).toMatchObject({
      targetUrl: 'https://d.test'
    })
    expect(comments.map(c => c.prNumber)).toEqual([42])
    expect(comments[0]!.marker).toContain('agent%3Ashop%3Aweb')
  })

  it('deployment_status with a non-http(s) environment_url: says no usable URL, not that none was given', async () => {
    const { calls, failed } = await runWith(
      { 'exploration-agent': 'true', 'project-id': 'shop', 'github-token': 'ghs_t' },
      {},
      {
        env: event('deployment_status', {
          deployment_status: { state: 'success', environment_url: 'ftp://d.test' },
          deployment: { sha: HEAD }
        }),
        pulls: {
          getPull: async () => null,
          pullsForCommit: async () => [pull],
          openPullsByHead: async () => []
        }
      }
    )
    expect(calls.filter(c => c.startsWith('START'))).toEqual([])
    expect(failed).toEqual([
      expect.stringContaining('gives no usable http(s) environment_url or target_url')
    ])
  })

  it('cancelled while looking up the pull request: says so, starts nothing', async () => {
    const signals = new EventEmitter()
    const { calls, failed } = await runWith(
      { ...agentInputs, 'pr-number': '7', 'github-token': 'ghs_t' },
      {},
      {
        signals,
        env: event('push', {}),
        pulls: {
          getPull: async () => {
            signals.emit('SIGINT', 'SIGINT')
            throw new GitHubLookupError('the lookup was stopped')
          },
          pullsForCommit: async () => [],
          openPullsByHead: async () => []
        }
      }
    )
    expect(calls).toEqual(['OCTOKIT'])
    expect(failed).toEqual([
      'TesterArmy: the workflow was cancelled while the pull request was being looked up'
    ])
    // The contract's status after the runner cancels the step, not `error`.
    expect(core.outputs.status).toBe('cancelled')
  })

  it('deployment_status without a URL and without target-url: the step fails and says which input', async () => {
    const { failed } = await runWith(
      { 'exploration-agent': 'true', 'project-id': 'shop', 'github-token': 'ghs_t' },
      {},
      {
        env: event('deployment_status', {
          deployment_status: { state: 'success' },
          deployment: { sha: HEAD }
        }),
        pulls: {
          getPull: async () => null,
          pullsForCommit: async () => [pull],
          openPullsByHead: async () => []
        }
      }
    )
    expect(failed).toEqual([expect.stringContaining('target-url is empty')])
  })

  it('a refused agent start fails the step', async () => {
    const { failed } = await runWith(
      agentInputs,
      {},
      {
        starts: [
          {
            kind: 'http-error',
            status: 404,
            message: 'HTTP 404: Project not found',
            retryAfterMs: null
          }
        ],
        env: event('pull_request', { pull_request: pull })
      }
    )
    expect(failed).toEqual([
      expect.stringMatching(/refused to start the exploration agent.*check project-id/)
    ])
  })

  it('with a group whose start fails: the agent run already started is cancelled', async () => {
    const { calls, failed } = await runWith(
      { ...agentInputs, 'group-id': GROUP },
      {},
      {
        starts: [agentStarted()],
        env: event('pull_request', { pull_request: pull })
      }
    )
    expect(calls).toContain(`POST ${AGENT}`)
    expect(failed).toEqual([expect.stringContaining('not retried')])
  })

  it('with a group: one verdict; at the timeout one batch cancel, the agent run on its own', async () => {
    const { calls } = await runWith(
      {
        ...agentInputs,
        'group-id': GROUP,
        timeout: '10s',
        'poll-interval': '2s',
        comment: 'auto',
        'github-token': 'ghs_t'
      },
      { [AGENT]: [running(AGENT)], [G1]: [running(G1)] },
      {
        starts: [agentStarted(), groupStarted],
        batchCancel: { kind: 'cancelled', covered: [G1] },
        env: event('pull_request', { pull_request: pull })
      }
    )
    expect(calls.filter(c => c.startsWith('CANCEL') || c.startsWith('POST'))).toEqual(
      expect.arrayContaining([`CANCEL batch ${BATCH}`, `POST ${AGENT}`])
    )
    expect(calls).not.toContain(`POST ${G1}`)
    expect(core.outputs).toMatchObject({
      'batch-id': BATCH,
      'run-id': `${AGENT},${G1}`,
      status: 'timed_out'
    })
    // The group said TesterArmy comments itself.
    expect(comments).toEqual([])
  })

  it('a failed batch cancel falls back to cancelling each run', async () => {
    const { calls } = await runWith(
      { 'group-id': GROUP, timeout: '10s', 'poll-interval': '2s' },
      { [G1]: [running(G1)] },
      {
        starts: [groupStarted],
        batchCancel: { kind: 'http-error', status: 500, message: 'HTTP 500', covered: [] }
      }
    )
    expect(calls).toContain(`CANCEL batch ${BATCH}`)
    expect(calls).toContain(`POST ${G1}`)
  })

  it('an empty key on a pull request from a fork says so', async () => {
    const { calls, failed } = await runWith(
      { 'run-id': AGENT, 'api-key': '' },
      {},
      {
        env: event('pull_request', {
          pull_request: {
            ...pull,
            head: { ...pull.head, repo: { full_name: 'outsider/shop', fork: true } }
          }
        })
      }
    )
    expect(calls).toEqual([])
    expect(failed).toEqual([expect.stringContaining('comes from a fork (outsider/shop)')])
  })

  it('a failed run names its error in the final line', async () => {
    const body = fixtureBody('run-failed')
    const { failed } = await runWith(
      { 'run-id': body.id as string },
      { [body.id as string]: [answer(body)] }
    )
    expect(failed).toEqual([expect.stringContaining('(TARGET_UNREACHABLE: Could not load')])
  })
})

describe('run with retry-failed', () => {
  const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
  const RETRY = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
  /** A FAILED run of a saved test, as `run-id` finds it. */
  const failedOfTest = (): Record<string, unknown> => ({
    ...fixtureBody('failed-with-issues'),
    testId: TEST
  })
  const passedRetry = (): Record<string, unknown> => ({
    ...fixtureBody('passed'),
    id: RETRY,
    testId: TEST
  })

  it('refuses a retry-failed out of range before any request, naming the input', async () => {
    const { calls, failed } = await runWith({ 'run-id': RETRY, 'retry-failed': '4' }, {})
    expect(failed).toEqual([
      `Input 'retry-failed' is "4": expected a whole number from 0 (no retry) to 3.`
    ])
    expect(calls).toEqual([])
  })

  it('a run-id run is started again by its test, on the platform and mode it ran with; flaky passes', async () => {
    const first = failedOfTest()
    const { calls, failed } = await runWith(
      { 'run-id': first.id as string, 'retry-failed': '2' },
      { [first.id as string]: [answer(first)], [RETRY]: [answer(passedRetry())] },
      { starts: [{ kind: 'started', runIds: [RETRY], cancelledRunIds: [] }] }
    )
    expect(failed).toEqual([])
    // The fixture ran on the web in deep mode: the retry does too, not on the test's defaults.
    expect(calls.filter(c => c.startsWith('START'))).toEqual([
      `START test ${TEST} {"platform":"web","mode":"deep"}`
    ])
    expect(core.outputs).toMatchObject({ passed: 'true', 'flaky-count': '1', 'run-id': RETRY })
    expect(core.info).toHaveBeenCalledWith(
      'TesterArmy verdict: passed (1 flaky run: failed, then passed on a retry).'
    )
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Passed only on a retry: run 7d0e5b1c\S+ failed \(the run FAILED with 3 issues\): 🔴 Critical \(5\) Paying/
      ),
      { title: 'Flaky: Sign in and sign out' }
    )
    // Its first attempt's issues are not the verdict's: no error annotation.
    expect(core.error).not.toHaveBeenCalled()
  })

  it('a run-id run the API gives no test for is not retried, and the summary says so', async () => {
    const body = fixtureBody('failed-with-issues')
    const { calls, failed } = await runWith(
      { 'run-id': body.id as string, 'retry-failed': '1' },
      { [body.id as string]: [answer(body)] }
    )
    expect(calls.filter(c => c.startsWith('START'))).toEqual([])
    expect(failed).toEqual(['TesterArmy verdict: failed: the run FAILED with 3 issues.'])
    expect(summaryText()).toContain(
      'the API gives no test ID for this run, so it could not be started again'
    )
  })

  it('never starts again a run that timed out', async () => {
    const first: Record<string, unknown> = { ...failedOfTest(), status: 'running', output: null }
    const { calls } = await runWith(
      { 'run-id': first.id as string, 'retry-failed': '3', timeout: '10s' },
      { [first.id as string]: [answer(first)] }
    )
    expect(calls.filter(c => c.startsWith('START'))).toEqual([])
    expect(core.outputs.status).toBe('timed_out')
  })

  it('a retry the API refuses leaves the first verdict and says why', async () => {
    const first = failedOfTest()
    const { calls, failed } = await runWith(
      { 'run-id': first.id as string, 'retry-failed': '2' },
      { [first.id as string]: [answer(first)] },
      {
        starts: [
          { kind: 'http-error', status: 401, message: 'HTTP 401: bad key', retryAfterMs: null }
        ]
      }
    )
    expect(calls.filter(c => c.startsWith('START'))).toHaveLength(1)
    expect(failed).toEqual(['TesterArmy verdict: failed: the run FAILED with 3 issues.'])
    expect(core.outputs['run-id']).toBe(first.id)
    expect(summaryText()).toContain('the retry could not be started')
  })

  it('a group started again whole and cut by the timeout: its new batch is cancelled in one request', async () => {
    const GROUP_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
    const [B1, B2] = [
      'b1000000-0000-4000-8000-000000000001',
      'b2000000-0000-4000-8000-000000000002'
    ]
    const first = failedOfTest()
    const again = { ...first, id: RETRY, status: 'running', output: null }
    const { calls, failed } = await runWith(
      {
        'group-id': GROUP_ID,
        'target-url': 'https://pr.example',
        'retry-failed': '1',
        timeout: '20s'
      },
      { [first.id as string]: [answer(first)], [RETRY]: [answer(again)] },
      {
        starts: [
          { kind: 'started', runIds: [first.id as string], cancelledRunIds: [], batchId: B1 },
          { kind: 'started', runIds: [RETRY], cancelledRunIds: [], batchId: B2 }
        ],
        batchCancel: { kind: 'cancelled', covered: [RETRY] }
      }
    )
    const starts = calls.filter(c => c.startsWith('START'))
    expect(starts).toHaveLength(2)
    expect(starts[1]).toBe(starts[0])
    expect(calls.filter(c => c.startsWith('CANCEL') || c.startsWith('POST'))).toEqual([
      `CANCEL batch ${B2}`
    ])
    // The run keeps its first verdict: completed, FAILED.
    expect(core.outputs).toMatchObject({ status: 'completed', result: 'FAILED', passed: 'false' })
    expect(failed).toEqual(['TesterArmy verdict: failed: the run FAILED with 3 issues.'])
  })
})
