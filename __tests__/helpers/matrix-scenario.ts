// A matrix, the world shared by the in-process suite (matrix.test.ts) and the bundle suite
// (e2e-matrix.test.ts): legs that wait on runs of the simulated TesterArmy API (run-id mode), each
// writing its report where actions/download-artifact puts it (a folder per artifact, named after
// it), and the gathering job reading them, with the fake GitHub behind the same server.
import { afterEach } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionOptions, ActionResult } from '../../scripts/runner.mjs'
import { startSimulatedApi, type SimulatedRun } from '../../scripts/simulated-api.mjs'
import type { FakeComment, FakeStatus } from './fake-github.mjs'
import { fixtureBody } from './fixtures.js'

export const KEY = 'sk_live_matrix_KEY_0025'
export const TOKEN = 'ghs_matrix_TOKEN_0025'
/** The pull request's head: the commit every leg tests and the one status goes on. */
export const SHA = '9c1e4f2a7b3d5e6f8a9b0c1d2e3f4a5b6c7d8e9f'
export const OLD_SHA = '1111111111111111111111111111111111111111'

/** A run per story a leg can tell, each its own ID. */
export const RUNS = {
  web: '10000000-0000-4000-8000-000000000001',
  ios: '10000000-0000-4000-8000-000000000002',
  android: '10000000-0000-4000-8000-000000000003',
  failed: '10000000-0000-4000-8000-000000000004',
  cancelled: '10000000-0000-4000-8000-000000000005',
  hostile: '10000000-0000-4000-8000-000000000006',
  endless: '10000000-0000-4000-8000-000000000007',
  /** FAILED with issues of severity 2 at most: a leg's min-severity 3 lets it pass. */
  minor: '10000000-0000-4000-8000-000000000008'
} as const

/** failed-with-issues without its issues above severity 2. */
function minorFailure(): Record<string, unknown> {
  const body = fixtureBody('failed-with-issues')
  const output = body.output as { issues: { severity: number }[] }
  return { ...body, output: { ...output, issues: output.issues.filter(i => i.severity <= 2) } }
}

/** Ends at once (no queued or running first), so a leg under the bundle takes no poll interval. */
const final = (fixture: string, id: string, extra: Partial<SimulatedRun> = {}): SimulatedRun => ({
  final: { ...fixtureBody(fixture), id },
  before: [],
  ...extra
})

/** A pull_request event for pull request 42 at `sha`. */
export const pullRequest = (sha = SHA) => ({
  pull_request: {
    number: 42,
    title: 'Checkout on every platform',
    head: { sha, ref: 'checkout' },
    base: { ref: 'main' }
  }
})

export interface Matrix {
  api: Awaited<ReturnType<typeof startSimulatedApi>>
  /** Where download-artifact put the legs' artifacts. */
  artifacts: string
  comments: FakeComment[]
  statuses: FakeStatus[]
  /**
   * A leg waiting on `run` as leg `name`, its report written in the artifact `artifact` (default
   * `testerarmy-<name>`), as upload-artifact then download-artifact would leave it.
   */
  leg(
    name: string,
    run: string,
    options?: {
      artifact?: string
      inputs?: Record<string, string>
      env?: Record<string, string>
      sha?: string
      /** Another way to run this one leg (a timed-out leg in virtual time, in a bundle suite). */
      runner?: RunOne
    }
  ): Promise<ActionResult>
  /** The gathering job; `reports` and `expected-reports: 3` unless given. */
  gather(inputs?: Record<string, string>, env?: Record<string, string>): Promise<ActionResult>
  /** Requests to TesterArmy (not GitHub) so far. */
  testerArmyRequests(): number
  /** A file in the artifacts, written as it is. */
  write(relative: string, content: string): string
  read(relative: string): string
}

/** Call at the top of a test file, with how that file runs the action (the bundle, or in process). */
export function matrixScenario(runOne: RunOne) {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })
  return (): Promise<Matrix> => matrixWorld(runOne, cleanups)
}

type RunOne = (options: ActionOptions) => Promise<ActionResult>

/** A new world; what it starts and writes is undone by the `cleanups` the caller runs. */
export async function matrixWorld(runOne: RunOne, cleanups: (() => unknown)[]): Promise<Matrix> {
  const comments: FakeComment[] = []
  const statuses: FakeStatus[] = []
  const api = await startSimulatedApi({
    apiKey: KEY,
    runs: {
      [RUNS.web]: final('passed', RUNS.web),
      [RUNS.ios]: final('passed', RUNS.ios),
      [RUNS.android]: final('passed', RUNS.android),
      [RUNS.failed]: final('failed-with-issues', RUNS.failed),
      [RUNS.cancelled]: final('cancelled', RUNS.cancelled),
      [RUNS.hostile]: final('hostile-completed', RUNS.hostile),
      [RUNS.endless]: final('passed', RUNS.endless, { endless: true }),
      [RUNS.minor]: { final: { ...minorFailure(), id: RUNS.minor }, before: [] }
    },
    github: { token: TOKEN, pulls: [], comments, statuses }
  })
  cleanups.push(() => api.close())
  const artifacts = mkdtempSync(join(tmpdir(), 'matrix-artifacts-'))
  cleanups.push(() => rmSync(artifacts, { recursive: true, force: true }))
  const run = async (options: ActionOptions, runner = runOne): Promise<ActionResult> => {
    const result = await runner(options)
    cleanups.push(() => result.cleanup())
    return result
  }
  return {
    api,
    artifacts,
    comments,
    statuses,
    leg: (name, id, { artifact, inputs = {}, env = {}, sha, runner } = {}) =>
      run(
        {
          event: pullRequest(sha),
          eventName: 'pull_request',
          env,
          inputs: {
            'run-id': id,
            'api-key': KEY,
            'api-url': api.url,
            'poll-interval': '1s',
            leg: name,
            'report-path': join(
              artifacts,
              artifact ?? `testerarmy-${name}`,
              'testerarmy-report.json'
            ),
            ...inputs
          }
        },
        runner
      ),
    gather: (inputs = {}, env = {}) =>
      run({
        event: pullRequest(),
        eventName: 'pull_request',
        githubToken: TOKEN,
        env: { GITHUB_API_URL: api.githubUrl, GITHUB_JOB: 'verdict', ...env },
        inputs: {
          reports: `${artifacts}/**/*.json`,
          'expected-reports': '3',
          comment: 'true',
          'commit-status': 'true',
          ...inputs
        }
      }),
    testerArmyRequests: () => api.requests.filter(r => !r.path.startsWith('/github/')).length,
    write: (relative, content) => {
      const path = join(artifacts, relative)
      mkdirSync(join(path, '..'), { recursive: true })
      writeFileSync(path, content)
      return path
    },
    read: relative => readFileSync(join(artifacts, relative), 'utf8')
  }
}
