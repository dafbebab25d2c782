// Starting runs and commenting, the world shared by the in-process suite (start-comment.test.ts) and
// the bundle suite (e2e-start-comment.test.ts): TesterArmy starting a test's and a group's runs,
// GitHub with the workflow's token, and how to run the action between the two.
import { afterEach } from '@jest/globals'
import type { ActionOptions, ActionResult } from '../../scripts/runner.mjs'
import { startSimulatedApi } from '../../scripts/simulated-api.mjs'
import { startFakeGitHub, type FakeGitHub, type GitHubOptions } from './fake-github.mjs'
import { fixtureBody } from './fixtures.js'

export const KEY = 'sk_live_e2e_start_KEY'
export const TOKEN = 'ghs_e2e_TOKEN_value'
export const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
export const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'

export interface Event {
  event: object
  eventName?: string
}
export const pullRequest = (): Event => ({
  event: { pull_request: { number: 482, head: { sha: 'pr-head-sha' } } }
})

/** Call at the top of a test file, with how that file runs the action (the bundle, or in process). */
export function startCommentScenario(runOne: (options: ActionOptions) => Promise<ActionResult>) {
  const servers: { close(): Promise<void> }[] = []
  const results: ActionResult[] = []
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close()
    for (const result of results.splice(0)) result.cleanup()
  })
  /** Closed after the test. */
  const keepServer = <T extends { close(): Promise<void> }>(server: T): T => {
    servers.push(server)
    return server
  }
  return {
    keepServer,
    /** GitHub with the workflow's token: issue comments on acme/shop and the token's identity. */
    fakeGitHub: async (options: GitHubOptions = {}): Promise<FakeGitHub> =>
      keepServer(await startFakeGitHub({ token: TOKEN, ...options })),
    /** TesterArmy starting runs of the test and the group (cancelling `cancelled` at once), which pass at once. */
    async fakeTesterArmy(runs: string[], cancelled: string[] = []) {
      const passed = fixtureBody('passed')
      return keepServer(
        await startSimulatedApi({
          runs: Object.fromEntries(runs.map(id => [id, { final: { ...passed, id }, before: [] }])),
          tests: { [TEST]: runs[0]! },
          groups: { [GROUP]: { batchId: TEST, runIds: runs, cancelledRunIds: cancelled } }
        })
      )
    },
    async act(
      testerArmy: { url: string },
      inputs: Record<string, string>,
      event: Event,
      github?: FakeGitHub
    ): Promise<ActionResult> {
      const result = await runOne({
        githubToken: TOKEN,
        ...event,
        inputs: { 'api-key': KEY, 'api-url': testerArmy.url, ...inputs },
        env: github ? { GITHUB_API_URL: github.url } : {}
      })
      results.push(result)
      return result
    }
  }
}
