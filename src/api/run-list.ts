// The answer of `GET /v1/runs` (a project's runs, newest first, a page at a time), checked at the
// boundary: the run objects it lists, each as received for the report file, and the next cursor.
import { isPlainObject } from '../guards.js'
import type { Fault, Run } from '../model.js'
import { NotARunError, parseRun } from './run-response.js'

/** One page of the list: the runs it shows, newest first, and where the next page starts. */
export interface RunPage {
  runs: ListedRun[]
  /** The `cursor` of the next page; null on the last page. */
  nextCursor: string | null
}

/** A run as the list shows it; `body` is the item as received. */
export interface ListedRun {
  run: Run
  body: unknown
}

/** What `GET /v1/runs` gave: a page of the list, or the usual faults. */
export type ListRunsResponse = { kind: 'list'; page: RunPage } | Fault

/** Every page asks for the most the API gives (`limit` 1 to 100): the fewer pages, the fewer requests. */
export const LIST_PAGE_SIZE = 100

/**
 * Checks a 200 body of the list. Not an object with a `runs` array: `NotARunError` (the list is
 * then not used again). An item that is not a run with an ID is left out: the run it might have
 * been is read by ID instead, which is what happens to any run the pages do not show.
 */
export function parseRunList(body: unknown): RunPage {
  if (!isPlainObject(body) || !Array.isArray(body.runs)) {
    throw new NotARunError('with something that is not a list of runs')
  }
  const runs: ListedRun[] = []
  for (const item of body.runs) {
    try {
      const run = parseRun(item)
      if (run.id !== '') runs.push({ run, body: item })
    } catch (error) {
      if (!(error instanceof NotARunError)) throw error
    }
  }
  const cursor = body.nextCursor
  return { runs, nextCursor: typeof cursor === 'string' && cursor !== '' ? cursor : null }
}
