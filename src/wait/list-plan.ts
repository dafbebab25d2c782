// Which of our runs the pages of a project's run list give, whether another page is worth asking
// for, and which runs are still to be read by ID. Pure: the poller feeds it pages.
import type { ListedRun, RunPage } from '../api/run-list.js'
import { TERMINAL_STATUSES } from '../constants.js'
import { isPlainObject } from '../guards.js'

/**
 * Pages read in one round at most. Our runs are near the top (the list is newest first): only runs
 * started after ours push them down, 100 a page. Past this many pages, reading the runs still
 * missing one by one costs about what more pages would, and a round stays short.
 */
export const MAX_PAGES_PER_ROUND = 5

/** What one round's pages have shown so far of the runs we wait for (lower-cased IDs). */
export class RoundPages {
  private readonly found = new Map<string, ListedRun>()
  /** Runs listed more than once in the round: which item to believe is not known. */
  private readonly twice = new Set<string>()
  private readonly project: string
  private pages = 0
  private cursor: string | null = null

  /** `wanted`: the runs this round reads, lower-cased; `project`: the project whose list it is. */
  constructor(
    private readonly wanted: readonly string[],
    project: string
  ) {
    this.project = project.toLowerCase()
  }

  /** Takes a page in; true when the next page should be read (its cursor is `nextCursor`). */
  add(page: RunPage): boolean {
    this.pages += 1
    this.cursor = page.nextCursor
    const wanted = new Set(this.wanted)
    for (const listed of page.runs) {
      const id = listed.run.id.toLowerCase()
      if (!wanted.has(id)) continue
      // A run listed twice (it moved between two pages while we read, or the list is wrong) is
      // read by ID: which of the two is the run now cannot be told from the list.
      if (this.found.has(id)) this.twice.add(id)
      else this.found.set(id, listed)
    }
    // One run missing: its own GET costs what another page would, and is sure to find it.
    return this.cursor !== null && this.missing().length >= 2 && this.pages < MAX_PAGES_PER_ROUND
  }

  get nextCursor(): string | null {
    return this.cursor
  }

  /** Wanted runs no page read so far shows. */
  missing(): string[] {
    return this.wanted.filter(id => !this.found.has(id))
  }

  /**
   * What the pages give each wanted run: its item, when it is consistent and all the report needs;
   * null when the run is to be read by ID: not on the pages, listed twice, listed as another
   * project's, or finished without a complete `output` (a list may leave outputs or their
   * findings out; the verdict and the report need them).
   */
  given(id: string): ListedRun | null {
    const key = id.toLowerCase()
    const listed = this.found.get(key)
    if (!listed || this.twice.has(key)) return null
    const { run, body } = listed
    // The list was asked for this project: an item that names another is not believed.
    if (run.projectId !== null && run.projectId.toLowerCase() !== this.project) return null
    return TERMINAL_STATUSES.includes(run.status) && !completeOutput(body) ? null : listed
  }
}

/**
 * A finished run's `output` as received, complete enough to decide the run: the agent's result
 * with its list of issues, or the planner's skip with its reason. A list that trims outputs (no
 * `issues`, `{}`) would otherwise pass a run that failed with findings.
 */
function completeOutput(body: unknown): boolean {
  const output = isPlainObject(body) ? body.output : null
  if (!isPlainObject(output)) return false
  if (output.kind === 'planner_skipped') return typeof output.reason === 'string'
  return (
    typeof output.result === 'string' && output.result.trim() !== '' && Array.isArray(output.issues)
  )
}
