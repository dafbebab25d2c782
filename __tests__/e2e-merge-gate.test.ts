// Where merges are decided, as the runner runs dist/index.js under Node 24, with GitHub's own
// example payloads (@octokit/webhooks-examples): merge queues, every event that carries a pull
// request, workflow_run's foreign pull requests, closed ones, and the commit status on the tested
// commit (its bodies checked against GitHub's REST description).
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv } from 'ajv'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, startAction, type ActionResult } from '../scripts/runner.mjs'
import {
  startSimulatedApi,
  type SimulatedReply,
  type SimulatedRun
} from '../scripts/simulated-api.mjs'
import type { FakeStatus } from './helpers/fake-github.mjs'
import { fixtureBody } from './helpers/fixtures.js'
import { leftBehind } from './helpers/runner-output.js'

const NODE24 = findNode24().path
const KEY = 'sk_live_merge_gate_KEY_91'
const TOKEN = 'ghs_merge_gate_TOKEN_92'
const PROJECT = 'shop-web'
const AGENT_RUN = '6b1e7d2f-3c4a-4d5e-9f60-7a8b9c0d1e2f'
const RUN = '8c2f4e6a-1b3d-4f5a-9c7e-0d2f4a6b8c1e'
const JOB_URL = 'https://github.test/octo-org/octo-repo/actions/runs/4242'

const require = createRequire(import.meta.url)
type Payload = Record<string, unknown> & {
  action?: string
  pull_request?: { number: number; head: { sha: string }; state: string }
}
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string
  examples: Payload[]
}[]
const example = (name: string, pick: (p: Payload) => boolean = () => true): Payload => {
  const found = examples.find(e => e.name === name)?.examples.find(pick)
  if (!found) throw new Error(`no ${name} example`)
  return structuredClone(found)
}

/** The status bodies as GitHub's REST description says they may be. */
const validStatus = (() => {
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
  const spec = JSON.parse(readFileSync(file, 'utf8'))
  const operation = spec.paths['/repos/{owner}/{repo}/statuses/{sha}'].post
  return new Ajv({ strict: false, allErrors: true }).compile(
    operation.requestBody.content['application/json'].schema
  )
})()

type Sim = Awaited<ReturnType<typeof startSimulatedApi>>
const sims: Sim[] = []
const results: ActionResult[] = []
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close()
  for (const result of results.splice(0)) result.cleanup()
})

/** This repository's pull request #104 (the one the merge_group example's branch names). */
const QUEUED = {
  number: 104,
  state: 'open',
  title: 'Add a coupon field to checkout',
  body: 'Adds a coupon field.',
  head: { ref: 'coupons', sha: '929f8209d40f77f4abc622a499c93a83babdbe64' },
  base: { ref: 'main' }
}

interface Simulation {
  pulls?: object[]
  statusReply?: SimulatedReply | 'hang'
  statusReplies?: (SimulatedReply | null)[]
  /** More runs, beside the agent's and RUN. */
  runs?: Record<string, SimulatedRun>
  hang?: boolean
  final?: Record<string, unknown>
  /** The run stays running until it is cancelled. */
  endless?: boolean
}

async function simulate(options: Simulation = {}) {
  const statuses: FakeStatus[] = []
  const final = options.final ?? fixtureBody('passed')
  const sim = await startSimulatedApi({
    apiKey: KEY,
    runs: {
      [AGENT_RUN]: { final: { ...final, id: AGENT_RUN }, before: ['queued'] },
      [RUN]: {
        final: { ...final, id: RUN },
        before: ['running'],
        endless: options.endless ?? false
      },
      ...options.runs
    },
    projects: { [PROJECT]: { runId: AGENT_RUN } },
    github: {
      token: TOKEN,
      pulls: options.pulls ?? [QUEUED],
      statuses,
      ...(options.statusReply ? { statusReply: options.statusReply } : {}),
      ...(options.statusReplies ? { statusReplies: options.statusReplies } : {}),
      ...(options.hang ? { hang: true } : {})
    }
  })
  sims.push(sim)
  return { sim, statuses }
}

async function act(
  sim: Sim,
  event: [string, object],
  inputs: Record<string, string>,
  repository = 'octo-org/octo-repo'
): Promise<ActionResult> {
  const result = await runAction({
    node: NODE24,
    inputs: { 'api-key': KEY, 'api-url': sim.url, 'poll-interval': '1s', ...inputs },
    githubToken: TOKEN,
    eventName: event[0],
    event: event[1],
    env: gitHubEnv(sim, repository)
  })
  results.push(result)
  for (const text of leftBehind(result)) {
    expect(text).not.toContain(KEY)
    expect(text).not.toContain(TOKEN)
  }
  return result
}

/** The runner's workflow run (WORKFLOW_RUN), in `repository`, talking to the fake GitHub. */
const gitHubEnv = (sim: Sim, repository = 'octo-org/octo-repo') => ({
  GITHUB_REPOSITORY: repository,
  GITHUB_SHA: 'f00dfeed'.repeat(5),
  GITHUB_API_URL: sim.githubUrl
})

const agent = { 'exploration-agent': 'true', 'project-id': PROJECT }
const web = { ...agent, 'target-url': 'https://pr-104.preview.test' }
const agentStarts = (sim: Sim) =>
  sim.requests.filter(r => r.method === 'POST' && r.path.endsWith('/pull-request-runs'))
const gitHubCalls = (sim: Sim) =>
  sim.requests.filter(r => r.path.startsWith('/github/')).map(r => `${r.method} ${r.path}`)
const messages = (result: ActionResult, command: string) =>
  result.commands.filter(c => c.command === command).map(c => c.message)

/** Every status posted is one GitHub takes, and they are all on `sha`. */
function expectStatuses(statuses: FakeStatus[], sha: string, states: string[]): void {
  expect(statuses.map(s => s.state)).toEqual(states)
  for (const status of statuses) {
    const { sha: on, ...body } = status
    expect(on).toBe(sha)
    expect(validStatus(body)).toBe(true)
    expect(body.context).toBe('TesterArmy')
    expect(body.target_url).toBe(JOB_URL)
    expect((body.description ?? '').length).toBeLessThanOrEqual(140)
  }
}

describe('merge queues (merge_group)', () => {
  it("GitHub's example: the pull request its branch names, the queue commit tested, statuses on it", async () => {
    const { sim, statuses } = await simulate()
    const payload = example('merge_group')
    const result = await act(sim, ['merge_group', payload], { ...web, 'commit-status': 'true' })
    expect(result.code).toBe(0)
    expect(agentStarts(sim)[0]?.body).toEqual({
      targetUrl: 'https://pr-104.preview.test',
      pullRequest: {
        number: 104,
        title: 'Add a coupon field to checkout',
        description: 'Adds a coupon field.',
        baseBranch: 'main',
        headBranch: 'coupons',
        // What will land: the queue commit, not the pull request's head.
        commitSha: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d'
      }
    })
    expect(gitHubCalls(sim)[0]).toBe('GET /github/repos/octo-org/octo-repo/pulls/104')
    expectStatuses(statuses, '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d', ['pending', 'success'])
    expect(statuses[1]?.description).toBe('Passed: 1 run, 0 issues, 0 warnings')
    expect(result.outputs).toMatchObject({
      status: 'completed',
      passed: 'true',
      'pr-number': '104'
    })
  })

  it('with pr-number too (issue 26): still the queue commit tested, and the statuses on it', async () => {
    const { sim, statuses } = await simulate()
    const payload = example('merge_group')
    const result = await act(sim, ['merge_group', payload], {
      ...web,
      'pr-number': '104',
      'commit-status': 'true'
    })
    expect(result.code).toBe(0)
    expect(agentStarts(sim)[0]?.body).toMatchObject({
      pullRequest: { number: 104, commitSha: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d' }
    })
    expectStatuses(statuses, '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d', ['pending', 'success'])
  })

  it('a queue branch that names no pull request is an error: the step fails, the status says error', async () => {
    const { sim, statuses } = await simulate()
    const payload = example('merge_group')
    ;(payload.merge_group as Record<string, unknown>).head_ref = 'refs/heads/gh-readonly-queue/main'
    const result = await act(sim, ['merge_group', payload], { ...web, 'commit-status': 'true' })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'error', passed: 'false' })
    expect(messages(result, 'error').join('\n')).toMatch(/names no pull request/)
    expect(agentStarts(sim)).toEqual([])
    expectStatuses(statuses, '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d', ['error'])
  })
})

describe('every event that carries a pull request', () => {
  it.each(['pull_request_review', 'pull_request_review_comment', 'pull_request_review_thread'])(
    "%s (GitHub's example): its pull request is tested, not skipped",
    async name => {
      const { sim } = await simulate()
      const payload = example(name)
      const { number, head } = payload.pull_request!
      const result = await act(sim, [name, payload], web, 'Codertocat/Hello-World')
      expect(result.code).toBe(0)
      expect(messages(result, 'notice').join('\n')).not.toMatch(/carries no pull request/)
      const body = agentStarts(sim)[0]?.body as { pullRequest: Record<string, unknown> }
      expect(body.pullRequest).toMatchObject({ number, commitSha: head.sha })
      expect(result.outputs).toMatchObject({ status: 'completed', 'pr-number': String(number) })
    }
  )

  it('a closed pull request found from the event is skipped, with a notice that says it is closed', async () => {
    const { sim, statuses } = await simulate()
    const payload = example('pull_request', p => p.action === 'closed')
    const result = await act(sim, ['pull_request', payload], { ...web, 'commit-status': 'true' })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'skipped', passed: 'true' })
    expect(messages(result, 'notice').join('\n')).toMatch(/pull request #2 is closed/)
    expect(agentStarts(sim)).toEqual([])
    // A skipped outcome posts nothing.
    expect(statuses).toEqual([])
  })

  it('pr-number may name a closed pull request: a warning, then it is tested', async () => {
    const { sim } = await simulate({ pulls: [{ ...QUEUED, state: 'closed' }] })
    const result = await act(sim, ['workflow_dispatch', { inputs: {} }], {
      ...web,
      'pr-number': '104'
    })
    expect(result.code).toBe(0)
    expect(messages(result, 'warning').join('\n')).toMatch(/#104 is closed/)
    expect(agentStarts(sim)).toHaveLength(1)
  })
})

describe('workflow_run', () => {
  it("GitHub's example with another repository's pull request: it is ignored, never looked up here", async () => {
    // #2 of this repository is an unrelated, merged pull request: testing it would be wrong.
    const unrelated = { ...QUEUED, number: 2, state: 'closed', title: 'Unrelated' }
    const { sim } = await simulate({ pulls: [unrelated] })
    const payload = example('workflow_run', p => {
      const run = p.workflow_run as { pull_requests: unknown[] }
      return run.pull_requests.length > 0
    })
    const result = await act(sim, ['workflow_run', payload], web)
    expect(gitHubCalls(sim)).not.toContain('GET /github/repos/octo-org/octo-repo/pulls/2')
    expect(agentStarts(sim)).toEqual([])
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'skipped' })
  })

  it("the same example with this repository's open pull request from that branch: that one, at the built commit", async () => {
    const payload = example('workflow_run', p => {
      const run = p.workflow_run as { pull_requests: unknown[] }
      return run.pull_requests.length > 0
    })
    const run = payload.workflow_run as { head_sha: string }
    const own = {
      ...QUEUED,
      number: 7,
      head: {
        ref: 'master',
        sha: run.head_sha,
        repo: { full_name: 'octo-org/octo-repo', owner: { login: 'octo-org' } }
      }
    }
    const { sim, statuses } = await simulate({ pulls: [own] })
    const result = await act(sim, ['workflow_run', payload], { ...web, 'commit-status': 'true' })
    expect(result.code).toBe(0)
    expect(agentStarts(sim)[0]?.body).toMatchObject({
      pullRequest: { number: 7, commitSha: run.head_sha }
    })
    // Branch protection reads the pull request's head: the status goes there, not on GITHUB_SHA.
    expectStatuses(statuses, run.head_sha, ['pending', 'success'])
  })
})

describe('the commit status', () => {
  it('on a run-id wait of a pull_request: on the head commit; a failing run says failure with counts', async () => {
    const { sim, statuses } = await simulate({ final: fixtureBody('failed-with-issues') })
    const payload = example('pull_request', p => p.action === 'opened')
    const result = await act(
      sim,
      ['pull_request', payload],
      { 'run-id': RUN, 'commit-status': 'true' },
      'Codertocat/Hello-World'
    )
    expect(result.code).toBe(1)
    const head = payload.pull_request!.head.sha
    expect(statuses.map(s => s.sha)).toEqual([head, head])
    expect(statuses.map(s => s.state)).toEqual(['pending', 'failure'])
    expect(statuses[1]?.description).toBe(
      'Failed: 3 issues (worst severity 5), 2 warnings in 1 run'
    )
    expect(statuses[1]?.target_url).toBe(
      'https://github.test/Codertocat/Hello-World/actions/runs/4242'
    )
  })

  it('on a push: GITHUB_SHA, with the status-context given', async () => {
    const { sim, statuses } = await simulate()
    const result = await act(sim, ['push', example('push')], {
      'run-id': RUN,
      'commit-status': 'true',
      'status-context': 'TesterArmy / checkout (web)'
    })
    expect(result.code).toBe(0)
    expect(statuses.map(s => [s.sha, s.state, s.context])).toEqual([
      ['f00dfeed'.repeat(5), 'pending', 'TesterArmy / checkout (web)'],
      ['f00dfeed'.repeat(5), 'success', 'TesterArmy / checkout (web)']
    ])
  })

  it('a token without statuses: write: one warning naming it, the verdict unchanged', async () => {
    const { sim } = await simulate({
      statusReply: { status: 403, body: { message: 'Resource not accessible by integration' } }
    })
    const result = await act(sim, ['push', example('push')], {
      'run-id': RUN,
      'commit-status': 'true'
    })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'completed', passed: 'true' })
    const warnings = messages(result, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/statuses: write/)
    // Refused once: the final status is not tried again.
    expect(gitHubCalls(sim).filter(c => c.includes('/statuses/'))).toHaveLength(1)
  })

  it('SIGINT during the wait: the status says error (cancelled), all within 4 s', async () => {
    const { sim, statuses } = await simulate({ endless: true })
    const { child, done } = startAction({
      node: NODE24,
      inputs: {
        'api-key': KEY,
        'api-url': sim.url,
        'poll-interval': '1s',
        'run-id': RUN,
        'commit-status': 'true'
      },
      githubToken: TOKEN,
      eventName: 'push',
      event: example('push'),
      env: gitHubEnv(sim)
    })
    const deadline = Date.now() + 20_000
    while (statuses.length === 0 && Date.now() < deadline)
      await new Promise(resolve => setTimeout(resolve, 20))
    const signalled = Date.now()
    child.kill('SIGINT')
    const result = await done
    results.push(result)
    expect(Date.now() - signalled).toBeLessThan(4_000)
    expect(result.outputs.status).toBe('cancelled')
    expectStatuses(statuses, 'f00dfeed'.repeat(5), ['pending', 'error'])
    expect(statuses[1]?.description).toBe('Cancelled: the workflow was cancelled')
  })

  it('off by default: a run-id wait makes no GitHub call at all', async () => {
    const { sim, statuses } = await simulate()
    const result = await act(sim, ['push', example('push')], { 'run-id': RUN })
    expect(result.code).toBe(0)
    expect(statuses).toEqual([])
    expect(gitHubCalls(sim)).toEqual([])
  })
})

describe('a step timeout while GitHub does not answer', () => {
  it('ends timed_out, saying the timeout was reached during the lookup, and says error on the commit', async () => {
    const { sim, statuses } = await simulate({ hang: true })
    // A workflow_run of a fork's pull request: found by its head, on a GitHub that never answers.
    const payload = example('workflow_run', p => p.repository !== undefined)
    const run = payload.workflow_run as { head_sha: string }
    const result = await act(
      sim,
      ['workflow_run', payload],
      { ...web, timeout: '2s', 'commit-status': 'true' },
      'Codertocat/Hello-World'
    )
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'timed_out', passed: 'false' })
    const error = messages(result, 'error').join('\n')
    expect(error).toMatch(/timeout \(2 s\) was reached while the pull request was being looked up/)
    expect(error).not.toMatch(/or the workflow was cancelled/)
    expect(agentStarts(sim)).toEqual([])
    expect(statuses.map(s => [s.sha, s.state, s.description])).toEqual([
      [run.head_sha, 'error', 'Timed out before any run started']
    ])
  })
})

describe('target-url built from a branch name', () => {
  it('with user info that moves the host: refused before any request, naming the input', async () => {
    const { sim } = await simulate()
    const payload = example('pull_request', p => p.action === 'opened')
    const result = await act(
      sim,
      ['pull_request', payload],
      { ...agent, 'target-url': 'https://a@evil.example/x.preview.example.com' },
      'Codertocat/Hello-World'
    )
    expect(result.code).toBe(1)
    expect(messages(result, 'error')).toEqual([
      expect.stringMatching(
        /^Input 'target-url' is "https:\/\/a@evil\.example\/x\.preview\.example\.com": it holds user info .* moves the host to evil\.example/
      )
    ])
    expect(sim.requests).toEqual([])
  })
})

describe('the final status when the runner cancels or GitHub stalls (issue 26)', () => {
  /** Starts a run-id wait with commit-status on a push; `ready` says when to send SIGINT. */
  async function cancelWhen(
    sim: Sim,
    runIds: string[],
    ready: (log: string) => boolean
  ): Promise<{ result: ActionResult; seconds: number }> {
    const { child, done } = startAction({
      node: NODE24,
      inputs: {
        'api-key': KEY,
        'api-url': sim.url,
        'poll-interval': '1s',
        'run-id': runIds.join(','),
        'commit-status': 'true'
      },
      githubToken: TOKEN,
      eventName: 'push',
      event: example('push'),
      env: gitHubEnv(sim)
    })
    let log = ''
    child.stdout!.on('data', (chunk: string) => (log += chunk))
    const deadline = Date.now() + 30_000
    while (!ready(log) && Date.now() < deadline)
      await new Promise(resolve => setTimeout(resolve, 20))
    const signalled = Date.now()
    child.kill('SIGINT')
    const result = await done
    results.push(result)
    return { result, seconds: (Date.now() - signalled) / 1000 }
  }

  it('a 60 MB run finished beside a running one: the final status goes first, the exit within 4 s, JUnit capped', async () => {
    const BIG = '1d5e9a3c-7b2f-4e6d-8a1c-3f5b7d9e2a4c'
    const passedBody = fixtureBody('passed')
    const output = passedBody.output as Record<string, unknown>
    const description = `It works.\n${'All good on every page. '.repeat(2_500_000)}`
    const { sim, statuses } = await simulate({
      endless: true,
      runs: {
        [BIG]: {
          final: { ...passedBody, id: BIG, output: { ...output, description } },
          before: []
        }
      }
    })
    const { result, seconds } = await cancelWhen(
      sim,
      [BIG, RUN],
      log => statuses.length > 0 && log.includes(`Run ${BIG}: completed`)
    )
    expect(result.outputs.status).toBe('cancelled')
    expectStatuses(statuses, 'f00dfeed'.repeat(5), ['pending', 'error'])
    expect(seconds).toBeLessThan(4)
    // Every file written, the JUnit one without 60 MB of description.
    expect(statSync(result.outputs['junit-path']!).size).toBeLessThan(2 * 1024 * 1024)
    expect(readFileSync(result.outputs['junit-path']!, 'utf8')).toMatch(
      /cut at 1 MB: the JSON report \(output report-path\) has the full text/
    )
    expect(JSON.parse(result.report).runs[0].run.output.description).toBe(description)
    expect(messages(result, 'error').at(-1)).toBe(
      'TesterArmy: the wait was cancelled because the workflow was cancelled.'
    )
  }, 60_000)

  it('a 502 on the final status after a cancel: tried again within the exit budget, not left pending', async () => {
    const { sim, statuses } = await simulate({
      endless: true,
      statusReplies: [null, { status: 502, body: { message: 'Bad Gateway' } }]
    })
    const { result, seconds } = await cancelWhen(sim, [RUN], () => statuses.length > 0)
    expect(result.outputs.status).toBe('cancelled')
    expectStatuses(statuses, 'f00dfeed'.repeat(5), ['pending', 'error'])
    expect(seconds).toBeLessThan(4)
  })

  it('a GitHub that never answers a status: the step is held 30 s at most, with a warning', async () => {
    const { sim } = await simulate({ statusReply: 'hang' })
    const started = Date.now()
    const result = await act(sim, ['push', example('push')], {
      'run-id': RUN,
      'commit-status': 'true'
    })
    const seconds = (Date.now() - started) / 1000
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'completed', passed: 'true' })
    expect(messages(result, 'warning').join('\n')).toMatch(/could not be posted/)
    // The run ends after about 1 s; then at most 30 s on statuses.
    expect(seconds).toBeLessThan(36)
  }, 90_000)
})
