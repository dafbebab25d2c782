// The commit status: its words (state, a description within GitHub's 140 characters), its request
// checked against GitHub's own REST description, and the poster against a real HTTP server.
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv } from 'ajv'
import {
  createStatusClient,
  STATUS_ROUTE,
  statusRequestBody,
  type CommitStatus,
  type StatusState
} from '../src/github/statuses.js'
import { buildReport } from '../src/verdict/build-report.js'
import {
  fitDescription,
  pendingDescription,
  STATUS_DESCRIPTION_MAX,
  statusOfReport
} from '../src/report/status-text.js'
import { fixtureOutcome } from './helpers/fixtures.js'
import { freePort } from '../scripts/scripted-server.mjs'
import { startApiServer, type ApiServer, type Reply } from './helpers/api-server.js'

const policy = { failOn: 'failed' as const, minSeverity: 1 }

/** The operation as GitHub describes it (api.github.com, from @octokit/openapi). */
function statusOperation() {
  const require = createRequire(import.meta.url)
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
  const spec = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, { requestBody: { content: Record<string, unknown> } }>>
  }
  const [method, path] = STATUS_ROUTE.split(' ') as [string, string]
  const operation = spec.paths[path]?.[method.toLowerCase()]
  if (!operation) throw new Error(`${STATUS_ROUTE} is not in GitHub's REST description`)
  return operation
}

describe('the commit status request, against GitHub REST description', () => {
  const operation = statusOperation()
  const schema = (operation.requestBody.content['application/json'] as { schema: object }).schema
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)
  const states = (schema as { properties: { state: { enum: string[] } } }).properties.state.enum

  it('knows the four states GitHub knows, and nothing else', () => {
    expect([...states].sort()).toEqual(['error', 'failure', 'pending', 'success'])
  })

  it.each([
    ['passed', 'success'],
    ['failed-with-issues', 'failure'],
    ['run-failed', 'failure']
  ] as const)('the body for a %s run is valid, state %s', (fixture, state) => {
    const report = buildReport([fixtureOutcome(fixture)], policy)
    const body = statusRequestBody({
      ...statusOfReport(report),
      context: 'TesterArmy',
      targetUrl: 'https://github.com/acme/shop/actions/runs/42'
    })
    expect(body.state).toBe(state)
    expect(validate(body)).toBe(true)
    expect(Object.keys(body).sort()).toEqual(['context', 'description', 'state', 'target_url'])
  })

  it('every state, the longest description and no target URL are valid bodies', () => {
    for (const state of states as StatusState[]) {
      const status: CommitStatus = {
        state,
        description: fitDescription('x'.repeat(500)),
        context: 'TesterArmy / web (chrome)',
        targetUrl: ''
      }
      const body = statusRequestBody(status)
      expect(validate(body)).toBe(true)
      expect(body).not.toHaveProperty('target_url')
    }
    expect(validate({ state: 'skipped', context: 'TesterArmy' })).toBe(false)
  })

  it('the description stays within the 140 characters GitHub accepts', () => {
    // Not in the REST description: GitHub answers 422 "description is too long (maximum is 140
    // characters)" (docs.github.com, Create a commit status), so the limit is ours to keep.
    expect(STATUS_DESCRIPTION_MAX).toBe(140)
    const description = (schema as { properties: Record<string, { maxLength?: number }> })
      .properties.description
    if (description?.maxLength !== undefined) {
      expect(STATUS_DESCRIPTION_MAX).toBeLessThanOrEqual(description.maxLength)
    }
  })
})

describe('fitDescription', () => {
  it('keeps a short line, and makes one line of several', () => {
    expect(fitDescription('Passed: 1 run')).toBe('Passed: 1 run')
    expect(fitDescription('Error:\n::error::x\r\n  y')).toBe('Error: ::error::x y')
  })

  it('cuts at 140 UTF-16 code units with an ellipsis', () => {
    const cut = fitDescription('a'.repeat(200))
    expect(cut).toHaveLength(140)
    expect(cut.endsWith('a…')).toBe(true)
  })

  it('never cuts inside a surrogate pair', () => {
    // The emoji's two halves straddle the cut: it goes whole, leaving no lone half behind.
    const text = 'a'.repeat(138) + '😀' + 'b'.repeat(10)
    const cut = fitDescription(text)
    expect(cut.length).toBeLessThanOrEqual(140)
    expect(cut).toBe(`${'a'.repeat(138)}…`)
    expect(cut.isWellFormed()).toBe(true)
    for (let n = 130; n < 150; n++) {
      const shifted = fitDescription('a'.repeat(n) + '😀'.repeat(20))
      expect(shifted.length).toBeLessThanOrEqual(140)
      expect(shifted.isWellFormed()).toBe(true)
    }
  })
})

describe('statusOfReport', () => {
  it('says the verdict and the counts', () => {
    expect(statusOfReport(buildReport([fixtureOutcome('passed')], policy))).toEqual({
      state: 'success',
      description: 'Passed: 1 run, 0 issues, 0 warnings'
    })
    expect(statusOfReport(buildReport([fixtureOutcome('failed-with-issues')], policy))).toEqual({
      state: 'failure',
      description: 'Failed: 3 issues (worst severity 5), 2 warnings in 1 run'
    })
    expect(pendingDescription(2)).toBe('Waiting for 2 TesterArmy runs')
    const flaky = buildReport([fixtureOutcome('passed')], policy)
    flaky.runs[0]!.flaky = true
    expect(statusOfReport(flaky).description).toBe('Passed: 1 run, 0 issues, 0 warnings, 1 flaky')
  })

  it('timed out, cancelled, not found and errors are `error`, not `failure`', () => {
    const timedOut = buildReport([fixtureOutcome('passed', 'timed_out')], policy)
    expect(statusOfReport(timedOut)).toEqual({
      state: 'error',
      description: 'Timed out: 1 of 1 run did not finish'
    })
    expect(statusOfReport(buildReport([], policy, { timedOut: true }))).toEqual({
      state: 'error',
      description: 'Timed out before any run started'
    })
    const cancelled = buildReport([fixtureOutcome('passed', 'cancelled')], policy, {
      cancelled: true
    })
    expect(statusOfReport(cancelled).state).toBe('error')
    expect(statusOfReport(cancelled).description).toMatch(/^Cancelled/)
    expect(
      statusOfReport(buildReport([fixtureOutcome('passed'), fixtureOutcome('cancelled')], policy))
    ).toEqual({ state: 'error', description: 'Cancelled: 1 of 2 runs cancelled' })
    expect(statusOfReport(buildReport([fixtureOutcome('passed', 'not_found')], policy))).toEqual({
      state: 'error',
      description: 'Error: 1 run not found'
    })
    const fatal = buildReport([], policy, { fatal: 'the API key was rejected (HTTP 401)' })
    expect(statusOfReport(fatal)).toEqual({
      state: 'error',
      description: 'Error: the API key was rejected (HTTP 401)'
    })
  })
})

describe('createStatusClient', () => {
  let server: ApiServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  async function poster(replies: Reply[]) {
    let i = 0
    server = await startApiServer(() => replies[Math.min(i++, replies.length - 1)]!)
    const lines: string[] = []
    const post = await createStatusClient({
      token: 'ghs_status_TOKEN',
      apiUrl: server.url,
      owner: 'acme',
      repo: 'shop',
      sleep: async () => undefined,
      callTimeoutMs: 300,
      onRequest: line => lines.push(line)
    })
    return { post, lines, requests: server.requests }
  }
  const status: CommitStatus = {
    state: 'pending',
    description: 'Waiting for 1 TesterArmy run',
    context: 'TesterArmy',
    targetUrl: 'https://github.test/acme/shop/actions/runs/42'
  }

  it('posts the status on the commit, with the token', async () => {
    const { post, requests } = await poster([{ status: 201, body: { id: 1, state: 'pending' } }])
    expect(await post('9c1e4f2a', status)).toEqual({ kind: 'posted' })
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/repos/acme/shop/statuses/9c1e4f2a'
    })
    expect(requests[0]!.headers.authorization).toBe('token ghs_status_TOKEN')
    expect(JSON.parse(requests[0]!.body)).toEqual({
      state: 'pending',
      description: 'Waiting for 1 TesterArmy run',
      context: 'TesterArmy',
      target_url: 'https://github.test/acme/shop/actions/runs/42'
    })
  })

  it('a 403 or a 404 is a refusal, not tried again', async () => {
    for (const code of [403, 404]) {
      const { post, requests } = await poster([
        { status: code, body: { message: 'Resource not accessible by integration' } }
      ])
      expect(await post('abc', status)).toEqual({
        kind: 'refused',
        message: `HTTP ${code}: Resource not accessible by integration`
      })
      expect(requests).toHaveLength(1)
      await server?.close()
      server = undefined
    }
  })

  it('a 502 is tried again; a 422 is a failure said in GitHub words', async () => {
    const first = await poster([{ status: 502, body: { message: 'Bad Gateway' } }, { status: 201 }])
    expect(await first.post('abc', status)).toEqual({ kind: 'posted' })
    expect(first.requests).toHaveLength(2)
    await server?.close()
    const second = await poster([
      {
        status: 422,
        body: { message: 'Validation Failed', errors: [{ field: 'description' }] }
      }
    ])
    const answer = await second.post('abc', status)
    expect(answer.kind).toBe('failed')
    expect(second.requests).toHaveLength(1)
  })

  it('GitHub not reached (a refused connection) is said as such, not as an HTTP 500, after its tries', async () => {
    const lines: string[] = []
    const post = await createStatusClient({
      token: 'ghs_status_TOKEN',
      apiUrl: `http://127.0.0.1:${await freePort()}/api`,
      owner: 'acme',
      repo: 'shop',
      sleep: async () => undefined,
      callTimeoutMs: 2000,
      onRequest: line => lines.push(line)
    })
    const answer = await post('abc', status)
    expect(answer.kind).toBe('failed')
    const { message } = answer as { message: string }
    expect(message).toMatch(/ECONNREFUSED/)
    expect(message).not.toMatch(/HTTP|500/)
    expect(lines).toHaveLength(3)
    expect(lines.every(line => / -> no answer in \d+ ms$/.test(line))).toBe(true)
  })

  it('a call with no answer ends at its own limit', async () => {
    const { post, requests } = await poster(['hang'])
    const answer = await post('abc', status, { attempts: 1 })
    expect(answer).toEqual({ kind: 'failed', message: 'no answer within 0.3 s' })
    expect(requests).toHaveLength(1)
  })

  it('until: every try ends by then, none starts after it (issue 26)', async () => {
    const { post, requests } = await poster(['hang'])
    const started = Date.now()
    const answer = await post('abc', status, { attempts: 10, backoffMs: 50, until: started + 700 })
    // Two tries of 0.3 s, then one cut to what is left; nothing after.
    expect(answer.kind).toBe('failed')
    expect(Date.now() - started).toBeLessThan(1_200)
    expect(requests.length).toBeGreaterThanOrEqual(2)
    expect(requests.length).toBeLessThanOrEqual(3)
    expect(await post('abc', status, { until: Date.now() - 1 })).toEqual({
      kind: 'failed',
      message: 'no time was left to send it'
    })
  })
})
