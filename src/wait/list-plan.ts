// Which of our runs the pages of a project's run list give, whether another page is worth asking
// for, and which runs are still to be read by ID. Pure: the poller feeds it pages.
import type { ListedRun, RunPage } from '../api/run-list.js'
import { TERMINAL_STATUSES } from '../constants.js'

/**
 * Pages read in one round at most. Our runs are near the top (the list is newest first): only runs
 * started after ours push them down, 100 a page. Past this many pages, reading the runs still
 * missing one by one costs about what more pages would, and a round stays short.
 */
export const MAX_PAGES_PER_ROUND = 5

/** What one round's pages have shown so far of the runs we wait for (lower-cased IDs). */
export class RoundPages {
  private readonly found = new Map<string, ListedRun>()
  private pages = 0
  private cursor: string | null = null

  /** `wanted`: the runs this round reads, lower-cased. */
  constructor(private readonly wanted: readonly string[]) {}

  /** Takes a page in; true when the next page should be read (its cursor is `nextCursor`). */
  add(page: RunPage): boolean {
    this.pages += 1
    this.cursor = page.nextCursor
    const wanted = new Set(this.wanted)
    for (const listed of page.runs) {
      const id = listed.run.id.toLowerCase()
      // The newest item wins if a run shows twice (it moved between two pages while we read).
      if (wanted.has(id) && !this.found.has(id)) this.found.set(id, listed)
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
   * What the pages give each wanted run: its item, when that is all the report needs; null when
   * the run is to be read by ID: not on the pages, or finished without its `output` (a list may
   * leave outputs out; the report needs the run's findings).
   */
  given(id: string): ListedRun | null {
    const listed = this.found.get(id.toLowerCase())
    if (!listed) return null
    const { run } = listed
    return TERMINAL_STATUSES.includes(run.status) && run.output === null ? null : listed
  }
}
