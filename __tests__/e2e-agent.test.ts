// The exploration agent as the runner runs dist/index.js under Node 24: the simulated TesterArmy
// API and the fake GitHub it serves under /github (GITHUB_API_URL) on 127.0.0.1. What only the
// bundle shows: Octokit's chunks loading (a lookup, a comment), the secrets kept, a signal. Every
// event, input error and text case runs in-process in agent.test.ts.
import { afterEach, describe, expect, it } from '@jest/globals'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, startAction, type ActionResult } from '../scripts/runner.mjs'
import { leftBehind } from './helpers/runner-output.js'
import { startSimulatedApi, type SimulatedReply } from '../scripts/simulated-api.mjs'
import { fixtureBody } from './helpers/fixtures.js'

const NODE24 = findNode24().path
const KEY = 'sk_live_agent_e2e_KEY_77'
const TOKEN = 'ghs_agent_e2e_TOKEN_88'
const PROJECT = 'shop-web'
const AGENT_RUN = '5a0d6c1e-2b3f-4c4d-8e5f-6a7b8c9d0e1f'
const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
const BATCH = 'b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e'
const G1 = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
const G2 = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a'
const HEAD = '9c1e4f2a'.repeat(5)
const FORK_HEAD = 'f0f0f0f0'.repeat(5)

const PULL = {
  number: 42,
  state: 'open',
  title: 'Add a coupon field to checkout',
  body: '<!-- Describe your change -->\r\nAdds a coupon field.\r\n\r\nAgent: try an expired coupon.',
  updated_at: '2026-11-28T10:00:00Z',
  head: { ref: 'coupons', sha: HEAD, repo: { full_name: 'acme/shop', owner: { login: 'acme' } } },
  base: { ref: 'main' }
}
const FORK_PULL = {
  ...PULL,
  number: 43,
  title: 'Fix typo',
  head: {
    ref: 'fix',
    sha: FORK_HEAD,
    repo: { full_name: 'outsider/shop', owner: { login: 'outsider' } }
  }
}
const EXPECTED_PR = {
  number: 42,
  title: 'Add a coupon field to checkout',
  description: 'Adds a coupon field.\n\nAgent: try an expired coupon.',
  baseBranch: 'main',
  headBranch: 'coupons',
  commitSha: HEAD
}

type Sim = Awaited<ReturnType<typeof startSimulatedApi>>
const sims: Sim[] = []
const results: ActionResult[] = []
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close()
  for (const result of results.splice(0)) result.cleanup()
})

const passed = (id: string) => ({ final: { ...fixtureBody('passed'), id }, before: ['queued'] })

async function simulate(
  options: {
    metadata?: object
    groupMetadata?: object
    faults?: SimulatedReply[]
    agentFinal?: Record<string, unknown>
    pulls?: object[]
  } = {}
) {
  const sim = await startSimulatedApi({
    apiKey: KEY,
    runs: {
      [AGENT_RUN]: options.agentFinal
        ? { final: { ...options.agentFinal, id: AGENT_RUN }, before: ['queued'] }
        : passed(AGENT_RUN),
      [G1]: passed(G1),
      [G2]: passed(G2)
    },
    projects: {
      [PROJECT]: {
        runId: AGENT_RUN,
        ...(options.metadata ? { metadata: options.metadata } : {}),
        ...(options.faults ? { faults: options.faults } : {})
      }
    },
    groups: {
      [GROUP]: {
        batchId: BATCH,
        runIds: [G1, G2],
        ...(options.groupMetadata ? { metadata: options.groupMetadata } : {})
      }
    },
    github: { token: TOKEN, pulls: options.pulls ?? [PULL, FORK_PULL] }
  })
  sims.push(sim)
  return sim
}

/** The runner's event `[name, payload]`, GitHub at the simulated API's /github. */
function eventOf(sim: Sim, [eventName, event]: [string, object]) {
  return {
    event,
    eventName,
    env: {
      GITHUB_API_URL: sim.githubUrl,
      GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/qa.yml@refs/heads/main'
    }
  }
}

const prEvent = { pull_request: PULL, repository: { full_name: 'acme/shop' } }

async function act(
  sim: Sim,
  inputs: Record<string, string>,
  event: [string, object] = ['pull_request', prEvent]
): Promise<ActionResult> {
  const result = await runAction({
    node: NODE24,
    inputs: {
      'api-key': KEY,
      'api-url': sim.url,
      'poll-interval': '1s',
      'exploration-agent': 'true',
      'project-id': PROJECT,
      ...inputs
    },
    githubToken: TOKEN,
    ...eventOf(sim, event)
  })
  results.push(result)
  expectSecretsKept(result, sim)
  return result
}

const agentStarts = (sim: Sim) =>
  sim.requests.filter(r => r.method === 'POST' && r.path.endsWith('/pull-request-runs'))
const gitHubCalls = (sim: Sim) => sim.requests.filter(r => r.path.startsWith('/github/'))
/** The key and the token: nowhere the runner shows, and each sent only to its own API. */
function expectSecretsKept(result: ActionResult, sim: Sim): void {
  for (const text of leftBehind(result)) {
    expect(text).not.toContain(KEY)
    expect(text).not.toContain(TOKEN)
  }
  for (const request of sim.requests) {
    const sent = JSON.stringify(request)
    if (request.path.startsWith('/github/')) {
      expect(sent).not.toContain(KEY)
      expect(request.authorization).toBe(`token ${TOKEN}`)
    } else {
      expect(sent).not.toContain(TOKEN)
    }
  }
}

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
    const long = await startSimulatedApi({
      apiKey: KEY,
      runs: {
        [AGENT_RUN]: { final: fixtureBody('passed'), before: Array(1_000).fill('running') },
        [G1]: { final: fixtureBody('passed'), before: Array(1_000).fill('running') },
        [G2]: { final: fixtureBody('passed'), before: Array(1_000).fill('running') }
      },
      projects: { [PROJECT]: { runId: AGENT_RUN } },
      groups: { [GROUP]: { batchId: BATCH, runIds: [G1, G2] } },
      github: { token: TOKEN, pulls: [PULL] }
    })
    sims.push(long)
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
    const result = await done
    results.push(result)
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
