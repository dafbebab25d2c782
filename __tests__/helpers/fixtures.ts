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
