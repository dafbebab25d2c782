// Realistic run bodies from __fixtures__/runs, turned into what the poller would hand over.
import { readFileSync } from 'node:fs'
import type { FinalStatus, RunOutcome } from '../../src/model.js'
import { parseRun } from '../../src/run-response.js'

export function fixtureBody(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(new URL(`../../__fixtures__/runs/${name}.json`, import.meta.url), 'utf8')
  )
}

/** The outcome of a wait that ended on this body (or with `status` when given, e.g. timed_out). */
export function outcomeOf(
  body: Record<string, unknown>,
  status?: FinalStatus,
  error: string | null = null
): RunOutcome {
  const run = parseRun(body)
  return {
    id: run.id,
    status: status ?? (run.status as FinalStatus),
    run,
    body,
    lastStatus: run.status,
    error,
    cancelledByUser: false
  }
}

export const fixtureOutcome = (name: string, status?: FinalStatus, error?: string | null) =>
  outcomeOf(fixtureBody(name), status, error)

/**
 * The screenshot-heavy case: `runs` runs, each with `shots` presigned screenshot URLs of about
 * 1.4 KB and `issues` issues (with their own presigned screenshot), as a wait would end on them.
 */
export function screenshotHeavyOutcomes(runs = 8, shots = 50, issues = 10): RunOutcome[] {
  const presigned = (run: number, n: number): string =>
    `https://testerarmy-screenshots.s3.eu-north-1.amazonaws.com/runs/${run}/shot-${n}.png` +
    `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${'A'.repeat(20)}%2F20261128%2Feu-north-1%2Fs3%2Faws4_request` +
    `&X-Amz-Date=20261128T091403Z&X-Amz-Expires=604800&X-Amz-Security-Token=${'T'.repeat(1_000)}` +
    `&X-Amz-SignedHeaders=host&X-Amz-Signature=${'f'.repeat(64)}`
  return Array.from({ length: runs }, (_, r) => {
    const id = `00000000-0000-4000-8000-${String(r).padStart(12, '0')}`
    return outcomeOf({
      id,
      status: 'completed',
      output: {
        featureName: `Feature ${r}`,
        result: 'FAILED',
        description: `Run ${r} of the screenshot-heavy case.`,
        screenshots: Array.from({ length: shots }, (_, n) => presigned(r, n)),
        steps: [],
        issues: Array.from({ length: issues }, (_, n) => ({
          name: `Run ${r} issue ${n}`,
          severity: 5 - (n % 5),
          description: 'The page shows an error.',
          url: `https://shop.example.com/${r}/${n}`,
          screenshotUrl: presigned(r, 100 + n)
        }))
      }
    })
  })
}
