// One test file's simulated TesterArmy APIs and action results, closed and removed after each test:
// the setup every suite that plays the runner against the simulated API shares.
import { afterEach } from '@jest/globals'
import type { ActionResult } from '../../scripts/runner.mjs'
import { startSimulatedApi } from '../../scripts/simulated-api.mjs'

export type Sim = Awaited<ReturnType<typeof startSimulatedApi>>

/** Call at the top of a test file: `simulate` starts an API that answers `apiKey`. */
export function simulatedSession(apiKey: string) {
  const sims: Sim[] = []
  const results: ActionResult[] = []
  afterEach(async () => {
    for (const sim of sims.splice(0)) await sim.close()
    for (const result of results.splice(0)) result.cleanup()
  })
  return {
    async simulate(options: Omit<Parameters<typeof startSimulatedApi>[0], 'apiKey'>): Promise<Sim> {
      const sim = await startSimulatedApi({ apiKey, ...options })
      sims.push(sim)
      return sim
    },
    /** The result's runner folder is removed after the test. */
    keep(result: ActionResult): ActionResult {
      results.push(result)
      return result
    }
  }
}
