// Realistic run bodies from __fixtures__/runs, turned into what the poller would hand over.
import { readFileSync } from 'node:fs'
import type { FinalStatus, RunOutcome } from '../../src/model.js'
import { parseRun } from '../../src/api/run-response.js'

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

/**
 * A real-sized run of 100,000 issues, as the API sends it: about 72 MB of JSON. Built as text
 * once, so a test or the bench can serve it without holding the objects.
 */
export function hundredThousandIssueBody(id: string): string {
  const issues = Array.from({ length: 100_000 }, (_, n) => ({
    type: n % 4 === 0 ? 'warning' : 'issue',
    name: `Issue ${n}: the "Save" button does nothing when clicked twice in a row`,
    severity: (n % 5) + 1,
    description:
      'Clicking "Save" twice quickly leaves the form in a broken state: the spinner never stops, no message is shown, and the data entered is lost after a reload.',
    url: `https://preview-482.shop.example.com/account/settings/profile/${n}`,
    reproductionSteps: [
      'Open the profile settings page',
      'Change the display name',
      'Click "Save" twice quickly',
      'Reload the page'
    ],
    expectedBehavior: 'The form saves once and shows a confirmation message.',
    actualBehavior: 'The spinner keeps spinning; after a reload the change is gone.',
    screenshotUrl: `https://cdn.tester.army/screenshots/${id.slice(0, 8)}/issue-${n}.png`,
    tMs: n * 1000
  }))
  return JSON.stringify({
    id,
    status: 'completed',
    type: 'ci',
    createdAt: '2026-11-28T09:00:00Z',
    durationMs: 3_600_000,
    output: {
      featureName: 'Everything at once',
      result: 'FAILED',
      description: 'A run that found 100,000 issues.',
      screenshots: [],
      issues,
      steps: []
    }
  })
}
