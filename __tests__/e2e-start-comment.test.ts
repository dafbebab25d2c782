// Starting runs and commenting, as the runner runs dist/index.js: the simulated TesterArmy API and
// the fake GitHub (found through GITHUB_API_URL) on 127.0.0.1. The bundle starts a run, comments
// and updates its comment, key and token kept; the comment's and the start's policy (identities,
// forks, rate limits, groups, refusals) runs in-process in start-comment.test.ts.
import { afterEach, describe, expect, it } from '@jest/globals'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, type ActionResult } from '../scripts/runner.mjs'
import { startSimulatedApi } from '../scripts/simulated-api.mjs'
import { visibleLog } from './helpers/runner-output.js'
import { startFakeGitHub, type FakeGitHub, type GitHubOptions } from './helpers/fake-github.mjs'
import { fixtureBody } from './helpers/fixtures.js'

const NODE24 = findNode24().path
const KEY = 'sk_live_e2e_start_KEY'
const TOKEN = 'ghs_e2e_TOKEN_value'
const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'

/** GitHub with the workflow's token: issue comments on acme/shop and the token's identity. */
async function fakeGitHub(options: GitHubOptions = {}): Promise<FakeGitHub> {
  const github = await startFakeGitHub({ token: TOKEN, ...options })
  servers.push(github)
  return github
}

/** TesterArmy starting runs of the test and the group (cancelling `cancelled` at once), which pass at once. */
async function fakeTesterArmy(runs: string[], cancelled: string[] = []) {
  const passed = fixtureBody('passed')
  const api = await startSimulatedApi({
    runs: Object.fromEntries(runs.map(id => [id, { final: { ...passed, id }, before: [] }])),
    tests: { [TEST]: runs[0]! },
    groups: { [GROUP]: { batchId: TEST, runIds: runs, cancelledRunIds: cancelled } }
  })
  servers.push(api)
  return api
}

const servers: { close(): Promise<void> }[] = []
const results: ActionResult[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
  for (const result of results.splice(0)) result.cleanup()
})

interface Event {
  event: object
  eventName?: string
}
const pullRequest = (): Event => ({
  event: { pull_request: { number: 482, head: { sha: 'pr-head-sha' } } }
})

async function act(
  testerArmy: { url: string },
  inputs: Record<string, string>,
  event: Event,
  github?: FakeGitHub
) {
  const result = await runAction({
    node: NODE24,
    githubToken: TOKEN,
    ...event,
    inputs: { 'api-key': KEY, 'api-url': testerArmy.url, ...inputs },
    env: github ? { GITHUB_API_URL: github.url } : {}
  })
  results.push(result)
  return result
}

describe('with only test-id or group-id and a key', () => {
  const RUN = '2b9f6a47-8c1d-4e0b-b7a3-5e2c9d4f1a36'

  it('starts a test run, waits, reports, comments, and a second run updates the same comment', async () => {
    const testerArmy = await fakeTesterArmy([RUN])
    const github = await fakeGitHub({
      comments: [
        {
          id: 1,
          // A person's comment that even starts with our marker is never ours to touch.
          body: '<!-- testerarmy-action QA qa test%3Ac4a1e2d3%2D5b6f%2D4a7b%2D8c9d%2D0e1f2a3b4c5d --> someone else',
          user: { login: 'octocat', type: 'User' }
        }
      ]
    })
    const first = await act(testerArmy, { 'test-id': TEST, comment: 'true' }, pullRequest(), github)
    expect(first.code).toBe(0)
    expect(testerArmy.requests[0]).toMatchObject({
      method: 'POST',
      path: `/api/v1/tests/${TEST}/runs`,
      body: {}
    })
    expect(first.outputs).toMatchObject({ 'run-id': RUN, passed: 'true', result: 'PASS' })
    expect(first.stdout).toContain(
      'Commented on pull request #482: https://github.test/acme/shop/pull/482#issuecomment-101'
    )
    expect(github.comments).toHaveLength(2)
    expect(github.comments[1]!.body).toContain('### ✅ TesterArmy passed: Sign in and sign out')
    expect(github.comments[1]!.body).toContain(
      '[Full report in the job summary](https://github.test/acme/shop/actions/runs/4242)'
    )

    const second = await act(
      testerArmy,
      { 'test-id': TEST, comment: 'true' },
      pullRequest(),
      github
    )
    expect(second.stdout).toContain('Updated the comment on pull request #482')
    expect(github.comments).toHaveLength(2)
    expect(github.comments[0]!.body).toContain('someone else')
    for (const result of [first, second]) {
      expect(visibleLog(result) + result.summary + JSON.stringify(result.outputs)).not.toMatch(
        new RegExp(`${KEY}|${TOKEN}`)
      )
    }
  })
})
