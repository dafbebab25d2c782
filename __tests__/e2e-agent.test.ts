// The exploration agent as the runner runs dist/index.js under Node 24: the simulated TesterArmy
// API and the fake GitHub it serves under /github (GITHUB_API_URL) on 127.0.0.1. What only the
// bundle shows: Octokit's chunks loading (a lookup, a comment), the secrets kept, a signal. Every
// event, input error and text case runs in-process in agent.test.ts.
import { describe, expect, it } from '@jest/globals'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, startAction } from '../scripts/runner.mjs'
import {
  AGENT_RUN,
  agentScenario,
  agentStarts,
  BATCH,
  EXPECTED_PR,
  eventOf,
  expectSecretsKept,
  G1,
  G2,
  gitHubCalls,
  GROUP,
  HEAD,
  KEY,
  prEvent,
  PROJECT,
  PULL,
  TOKEN
} from './helpers/agent-scenario.js'
import { fixtureBody } from './helpers/fixtures.js'

const NODE24 = findNode24().path

const { simulate, act, session } = agentScenario(options => runAction({ node: NODE24, ...options }))

describe('the exploration agent, from every event', () => {
  it('pull_request: the payload, web body exactly as the schema allows, no GitHub call', async () => {
    const sim = await simulate()
    const result = await act(sim, { 'target-url': 'https://pr-42.preview.test' })
    expect(result.code).toBe(0)
    const [start] = agentStarts(sim)
    expect(start!.path).toBe(`/api/v1/projects/${PROJECT}/pull-request-runs`)
    expect(start!.body).toEqual({
      targetUrl: 'https://pr-42.preview.test',
      pullRequest: EXPECTED_PR
    })
    expect(gitHubCalls(sim)).toEqual([])
    expect(result.outputs).toMatchObject({
      status: 'completed',
      passed: 'true',
      'run-id': AGENT_RUN,
      'pr-number': '42',
      'batch-id': '',
      'github-reporting': ''
    })
    expect(result.summary).toContain('| Started as | exploration agent, pull request \\#42 |')
  })

  it('deployment_status success: the open pull request whose head was deployed, environment_url as target', async () => {
    const sim = await simulate()
    const result = await act(sim, {}, [
      'deployment_status',
      {
        deployment_status: {
          state: 'success',
          environment_url: 'https://shop-git-coupons.vercel.test',
          target_url: 'https://vercel.test/logs'
        },
        deployment: { sha: HEAD }
      }
    ])
    expect(result.code).toBe(0)
    expect(gitHubCalls(sim).map(r => r.path)).toEqual([
      `/github/repos/acme/shop/commits/${HEAD}/pulls`
    ])
    expect(agentStarts(sim)[0]!.body).toEqual({
      targetUrl: 'https://shop-git-coupons.vercel.test',
      pullRequest: EXPECTED_PR
    })
  })
})

describe('metadata.github', () => {
  it('comment: auto comments when TesterArmy will not, on the pull request it found', async () => {
    const sim = await simulate({
      metadata: {
        github: {
          configured: false,
          checkRunCreated: false,
          commentTargetResolved: false,
          status: 'not_configured'
        }
      }
    })
    const result = await act(sim, { comment: 'auto' }, [
      'deployment_status',
      {
        deployment_status: { state: 'success', environment_url: 'https://p.test' },
        deployment: { sha: HEAD }
      }
    ])
    expect(result.code).toBe(0)
    // The GraphQL query is the comment's identity lookup (who the token is), not a write.
    const posted = gitHubCalls(sim).filter(r => r.method === 'POST' && !r.path.endsWith('/graphql'))
    expect(posted.map(r => r.path)).toEqual(['/github/repos/acme/shop/issues/42/comments'])
    expect((posted[0]!.body as { body: string }).body).toContain('testerarmy-action')
  })
})

describe('the agent beside a group', () => {
  it('SIGINT during the wait: one batch cancel and the agent run cancelled, within 3 s; exit within 4 s', async () => {
    // Neither the group's runs nor the agent's ever finish.
    const long = await session.simulate({
      runs: {
        [AGENT_RUN]: { final: fixtureBody('passed'), before: Array(1_000).fill('running') },
        [G1]: { final: fixtureBody('passed'), before: Array(1_000).fill('running') },
        [G2]: { final: fixtureBody('passed'), before: Array(1_000).fill('running') }
      },
      projects: { [PROJECT]: { runId: AGENT_RUN } },
      groups: { [GROUP]: { batchId: BATCH, runIds: [G1, G2] } },
      github: { token: TOKEN, pulls: [PULL] }
    })
    const { child, done } = startAction({
      node: NODE24,
      inputs: {
        'api-key': KEY,
        'api-url': long.url,
        'poll-interval': '1s',
        'exploration-agent': 'true',
        'project-id': PROJECT,
        'group-id': GROUP,
        'target-url': 'https://p.test'
      },
      githubToken: TOKEN,
      ...eventOf(long, ['pull_request', prEvent])
    })
    const deadline = Date.now() + 20_000
    while (long.requests.filter(r => r.method === 'GET').length < 3 && Date.now() < deadline)
      await new Promise(resolve => setTimeout(resolve, 50))
    const signalled = Date.now()
    child.kill('SIGINT')
    const result = session.keep(await done)
    expect(Date.now() - signalled).toBeLessThan(4_000)
    expect(result.code).toBe(1)
    const posts = long.requests.filter(r => r.method === 'POST').map(r => r.path)
    expect(posts.filter(p => p.includes('/batches/'))).toEqual([`/api/v1/batches/${BATCH}/cancel`])
    const batchCancel = long.requests.find(r => r.path.includes('/batches/'))!
    expect(batchCancel.at - signalled).toBeLessThan(3_000)
    // The batch covered the group's runs; only the agent's run needed its own cancel.
    expect(posts.filter(p => p.endsWith('/cancel') && p.includes('/runs/'))).toEqual([
      `/api/v1/runs/${AGENT_RUN}/cancel`
    ])
    expect(result.outputs.status).toBe('cancelled')
    expect(result.outputs['batch-id']).toBe(BATCH)
    expectSecretsKept(result, long)
  })
})
