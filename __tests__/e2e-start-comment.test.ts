// Starting runs and commenting, as the runner runs dist/index.js: the simulated TesterArmy API and
// the fake GitHub (found through GITHUB_API_URL) on 127.0.0.1. The bundle starts a run, comments
// and updates its comment, key and token kept; the comment's and the start's policy (identities,
// forks, rate limits, groups, refusals) runs in-process in start-comment.test.ts.
import { describe, expect, it } from '@jest/globals'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction } from '../scripts/runner.mjs'
import { visibleLog } from './helpers/runner-output.js'
import {
  KEY,
  pullRequest,
  startCommentScenario,
  TEST,
  TOKEN
} from './helpers/start-comment-scenario.js'

const NODE24 = findNode24().path
const { act, fakeGitHub, fakeTesterArmy } = startCommentScenario(options =>
  runAction({ node: NODE24, ...options })
)

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
