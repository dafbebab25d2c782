// Starting runs and commenting, run() in-process as the runner plays it (helpers/in-process.ts):
// the simulated TesterArmy API and the fake GitHub (found through GITHUB_API_URL) on 127.0.0.1,
// the real Octokit clients. These cases once spawned dist/ in e2e-start-comment.test.ts, which
// keeps a start, a comment and its update as the bundle does them.
import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'
import { runInProcess } from './helpers/in-process.js'
import { startApiServer } from './helpers/api-server.js'
import type { GitHubOptions } from './helpers/fake-github.mjs'
import { GROUP, pullRequest, startCommentScenario, TEST } from './helpers/start-comment-scenario.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const { act, fakeGitHub, fakeTesterArmy, keepServer } = startCommentScenario(options =>
  runInProcess(run, options)
)

describe('with only test-id or group-id and a key', () => {
  const RUN = '2b9f6a47-8c1d-4e0b-b7a3-5e2c9d4f1a36'
  const RUN2 = '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70'

  /** One test run started on pull request #482 with comment: true, against this GitHub. */
  async function commentOnPullRequest(github: GitHubOptions) {
    const testerArmy = await fakeTesterArmy([RUN])
    const fake = await fakeGitHub(github)
    const result = await act(testerArmy, { 'test-id': TEST, comment: 'true' }, pullRequest(), fake)
    return { result, github: fake }
  }

  it('finds its comment again when an app token wrote it (the token cannot say who it is)', async () => {
    const testerArmy = await fakeTesterArmy([RUN])
    const github = await fakeGitHub({ author: 'acme-qa-app[bot]', identity: 'app' })
    for (let i = 0; i < 3; i++)
      await act(testerArmy, { 'test-id': TEST, comment: 'true' }, pullRequest(), github)
    expect(github.comments).toHaveLength(1)
  })

  const MARKER =
    '<!-- testerarmy-action QA qa test%3Ac4a1e2d3%2D5b6f%2D4a7b%2D8c9d%2D0e1f2a3b4c5d -->'

  it("with the workflow token, never updates another bot's comment, even one that starts with the marker", async () => {
    const { github } = await commentOnPullRequest({
      comments: [
        { id: 1, body: `${MARKER} renovate`, user: { login: 'renovate[bot]', type: 'Bot' } }
      ]
    })
    expect(
      github.comments.map(c => [c.user.login, c.body.startsWith(`${MARKER} renovate`)])
    ).toEqual([
      ['renovate[bot]', true],
      ['github-actions[bot]', false]
    ])
  })

  it("with a personal token, updates only the owner's comment that starts with the marker", async () => {
    const { result, github } = await commentOnPullRequest({
      identity: 'person',
      author: 'octocat',
      comments: [
        { id: 1, body: `quoting ${MARKER} here`, user: { login: 'octocat', type: 'User' } },
        { id: 2, body: `${MARKER} old`, user: { login: 'octocat', type: 'User' } }
      ]
    })
    expect(result.stdout).toContain('Updated the comment on pull request #482')
    expect(github.comments).toHaveLength(2)
    expect(github.comments[0]!.body).toBe(`quoting ${MARKER} here`)
    expect(github.comments[1]!.body).toContain('TesterArmy passed')
  })

  it('on a pull request from a fork, says so in one notice and still passes', async () => {
    const { result, github } = await commentOnPullRequest({ forbidWrites: true })
    expect(result.code).toBe(0)
    const notices = result.commands.filter(c => c.command === 'notice')
    expect(notices).toHaveLength(1)
    expect(notices[0]!.message).toMatch(
      /^Could not comment on pull request #482: the token may not write there/
    )
    expect(github.comments).toEqual([])
  })

  it('tells an exhausted GitHub rate limit apart from a missing permission', async () => {
    const { result } = await commentOnPullRequest({ rateLimited: true })
    expect(result.code).toBe(0)
    expect(result.commands.filter(c => c.command === 'notice')).toEqual([])
    expect(result.commands.filter(c => c.command === 'warning').map(w => w.message)).toEqual([
      expect.stringMatching(
        /^Could not comment on pull request #482: GitHub's API rate limit is exhausted/
      )
    ])
  })

  it('starts a group against a preview deployment, sends the commit, and waits for every run', async () => {
    const testerArmy = await fakeTesterArmy([RUN, RUN2], [RUN2])
    const deployment = {
      event: {
        deployment_status: {
          state: 'success',
          environment_url: 'https://preview-482.shop.example.com'
        },
        deployment: { sha: 'deploy-sha' }
      },
      eventName: 'deployment_status'
    }
    const result = await act(
      testerArmy,
      {
        'group-id': GROUP,
        'target-url': 'https://preview-482.shop.example.com',
        environment: 'preview',
        comment: 'true'
      },
      deployment
    )
    const start = testerArmy.requests[0]!
    expect(start.path).toBe(`/api/v1/groups/${GROUP}/runs`)
    expect(start.body).toEqual({
      targetUrl: 'https://preview-482.shop.example.com',
      environment: 'preview',
      // The commit deployed (GitHub sets GITHUB_SHA to it too on this event).
      commitSha: 'deploy-sha'
    })
    expect(result.outputs['run-id']).toBe(`${RUN},${RUN2}`)
    expect(JSON.parse(result.outputs.runs!).map((r: { status: string }) => r.status)).toEqual([
      'completed',
      'cancelled'
    ])
    expect(testerArmy.requests.filter(r => r.method === 'GET').map(r => r.path)).toEqual([
      `/api/v1/runs/${RUN}`
    ])
    expect(result.code).toBe(1)
    expect(result.commands.filter(c => c.command === 'notice').map(n => n.message)).toEqual([
      'comment is true, but this workflow run is not for a pull request: no comment was written.'
    ])
  })

  it('never repeats a start request that may have reached TesterArmy', async () => {
    const testerArmy = await startApiServer(() => ({
      status: 500,
      body: { error: 'internal', message: 'Internal Server Error' }
    }))
    keepServer(testerArmy)
    const result = await act(testerArmy, { 'test-id': TEST }, pullRequest())
    expect(testerArmy.requests).toHaveLength(1)
    expect(result.code).toBe(1)
    expect(result.commands.filter(c => c.command === 'error').map(c => c.message)).toEqual([
      expect.stringMatching(
        /^TesterArmy: starting a run of test .* failed \(HTTP 500: Internal Server Error\); not retried/
      )
    ])
    expect(result.outputs).toMatchObject({ status: 'error', 'run-id': '' })
  })

  it('refuses conflicting inputs before any request', async () => {
    const testerArmy = await fakeTesterArmy([RUN])
    const result = await act(
      testerArmy,
      { 'test-id': TEST, 'target-url': 'https://x.test' },
      pullRequest()
    )
    expect(result.code).toBe(1)
    expect(testerArmy.requests).toEqual([])
    expect(result.commands.filter(c => c.command === 'error').map(c => c.message)).toEqual([
      `Input 'target-url' is "https://x.test", but a test run does not take it; it applies to group-id and exploration-agent only.`
    ])
  })
})
