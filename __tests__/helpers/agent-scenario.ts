// The exploration agent's world, shared by its in-process suite (agent.test.ts) and its bundle suite
// (e2e-agent.test.ts): the pull requests, the simulated API with the agent's and a group's runs, the
// event as the runner hands it, and the check that the key and token stay where they belong.
import { expect } from '@jest/globals'
import type { ActionOptions, ActionResult } from '../../scripts/runner.mjs'
import type { SimulatedReply } from '../../scripts/simulated-api.mjs'
import { fixtureBody } from './fixtures.js'
import { leftBehind } from './runner-output.js'
import { simulatedSession, type Sim } from './simulated-session.js'

export type { Sim }
export const KEY = 'sk_live_agent_e2e_KEY_77'
export const TOKEN = 'ghs_agent_e2e_TOKEN_88'
export const PROJECT = 'shop-web'
export const AGENT_RUN = '5a0d6c1e-2b3f-4c4d-8e5f-6a7b8c9d0e1f'
export const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
export const BATCH = 'b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e'
export const G1 = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
export const G2 = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a'
export const HEAD = '9c1e4f2a'.repeat(5)
export const FORK_HEAD = 'f0f0f0f0'.repeat(5)

export const PULL = {
  number: 42,
  state: 'open',
  title: 'Add a coupon field to checkout',
  body: '<!-- Describe your change -->\r\nAdds a coupon field.\r\n\r\nAgent: try an expired coupon.',
  updated_at: '2026-11-28T10:00:00Z',
  head: { ref: 'coupons', sha: HEAD, repo: { full_name: 'acme/shop', owner: { login: 'acme' } } },
  base: { ref: 'main' }
}
export const FORK_PULL = {
  ...PULL,
  number: 43,
  title: 'Fix typo',
  head: {
    ref: 'fix',
    sha: FORK_HEAD,
    repo: { full_name: 'outsider/shop', owner: { login: 'outsider' } }
  }
}
/** What the agent's start request must carry for PULL. */
export const EXPECTED_PR = {
  number: 42,
  title: 'Add a coupon field to checkout',
  description: 'Adds a coupon field.\n\nAgent: try an expired coupon.',
  baseBranch: 'main',
  headBranch: 'coupons',
  commitSha: HEAD
}
export const prEvent = { pull_request: PULL, repository: { full_name: 'acme/shop' } }

export const passed = (id: string) => ({
  final: { ...fixtureBody('passed'), id },
  before: ['queued']
})

export const agentStarts = (sim: Sim) =>
  sim.requests.filter(r => r.method === 'POST' && r.path.endsWith('/pull-request-runs'))
export const gitHubCalls = (sim: Sim) => sim.requests.filter(r => r.path.startsWith('/github/'))

/** The key and the token: nowhere the runner shows, and each sent only to its own API. */
export function expectSecretsKept(result: ActionResult, sim: Sim): void {
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

/** The runner's event `[name, payload]`, GitHub at the simulated API's /github. */
export function eventOf(sim: Sim, [eventName, event]: [string, object]) {
  return {
    event,
    eventName,
    env: {
      GITHUB_API_URL: sim.githubUrl,
      GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/qa.yml@refs/heads/main'
    }
  }
}

/**
 * Call at the top of a test file, with how that file runs the action (the bundle, or run() in
 * process): `simulate` starts the agent's world, `act` runs the agent in it and checks the secrets.
 */
export function agentScenario(runOne: (options: ActionOptions) => Promise<ActionResult>) {
  const session = simulatedSession(KEY)
  async function simulate(
    options: {
      metadata?: object
      groupMetadata?: object
      faults?: SimulatedReply[]
      agentFinal?: Record<string, unknown>
      /** The group's first run's final answer (both pass otherwise). */
      groupFinal?: Record<string, unknown>
      pulls?: object[]
    } = {}
  ): Promise<Sim> {
    return session.simulate({
      runs: {
        [AGENT_RUN]: options.agentFinal
          ? { final: { ...options.agentFinal, id: AGENT_RUN }, before: ['queued'] }
          : passed(AGENT_RUN),
        [G1]: options.groupFinal
          ? { final: { ...options.groupFinal, id: G1 }, before: ['queued'] }
          : passed(G1),
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
  }
  async function act(
    sim: Sim,
    inputs: Record<string, string>,
    event: [string, object] = ['pull_request', prEvent]
  ): Promise<ActionResult> {
    const result = session.keep(
      await runOne({
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
    )
    expectSecretsKept(result, sim)
    return result
  }
  return { simulate, act, session }
}
