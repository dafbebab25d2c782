// retry-failed's world, shared by its in-process suite (retries.test.ts) and its bundle suite
// (e2e-retries.test.ts): saved-test runs that fail with hostile text, pass, or never end, and how to
// run the action on the simulated API and read what it started.
import type { ActionOptions, ActionResult } from '../../scripts/runner.mjs'
import type { SimulatedRun } from '../../scripts/simulated-api.mjs'
import { fixtureBody } from './fixtures.js'
import { simulatedSession, type Sim } from './simulated-session.js'

export type { Sim }
export const KEY = 'sk_live_retry_e2e_KEY_4242'
export const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
/** The n-th run the simulated API hands out (1 to 9). */
export const run = (n: number): string => `0000000${n}-0000-4000-8000-00000000000${n}`

/** A FAILED run of `testId` whose texts are what an AI agent may write about a hostile page. */
export function failed(id: string, testId: string | null = TEST): SimulatedRun {
  const body = fixtureBody('failed-with-issues')
  const issues = (body.output as { issues: Record<string, unknown>[] }).issues
  issues[0]!.name = 'Pay button ]]> <b>broken</b> \u0000\u0007 \ud800 & "quoted"'
  issues[0]!.description = `The page said ${KEY.slice(0, 8)} ]]><!-- and \u001b[31m`
  return { final: { ...body, id, testId }, before: ['running'] }
}
export const passed = (id: string, testId: string | null = TEST): SimulatedRun => ({
  final: { ...fixtureBody('passed'), id, testId },
  before: ['running']
})
export const endless = (id: string, testId: string | null = TEST): SimulatedRun => ({
  final: { ...fixtureBody('passed'), id, testId },
  endless: true
})

export const starts = (sim: Sim) =>
  sim.requests.filter(r => r.method === 'POST' && !r.path.endsWith('/cancel'))
export const startPaths = (sim: Sim) => starts(sim).map(r => r.path.replace(/^\/api/, ''))
export const runsOutput = (result: ActionResult) =>
  JSON.parse(result.outputs.runs!) as {
    id: string
    passed: boolean
    flaky?: boolean
    attempts?: { id: string; result: string }[]
  }[]

/**
 * Call at the top of a test file, with how that file runs the action (the bundle, or run() in
 * process). `act`'s `event` is the payload of the pull_request event that started the workflow.
 */
export function retryScenario(runOne: (options: ActionOptions) => Promise<ActionResult>) {
  const session = simulatedSession(KEY)
  async function act(sim: Sim, inputs: Record<string, string>, event?: object) {
    return session.keep(
      await runOne({
        inputs: { 'api-key': KEY, 'api-url': sim.url, 'poll-interval': '1s', ...inputs },
        event
      })
    )
  }
  return { simulate: session.simulate, keep: session.keep, act }
}
