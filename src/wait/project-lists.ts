// Many runs of one project read through its run list (`GET /v1/runs?projectId=`): which runs a
// project's list takes over, one round of pages per interval, the GETs by ID a round still needs,
// and the way back to each run's own GET: for good when the list is refused, until a backoff has
// passed when it fails (no answer within an interval, a reset, a 429). The list only saves
// requests: a run's verdict never waits on it.
import type { GetRunResponse, RequestOptions, RunsApi } from '../api/api-client.js'
import { decideList } from '../api/list-policy.js'
import { RoundPages } from './list-plan.js'
import type { RunWatch, WatchContext } from './run-watch.js'

/**
 * GETs by ID at once within a round (finished runs the list gives without output, runs not on its
 * pages): enough to keep a round short, few enough that they never go out as one burst.
 */
const ROUND_GETS_AT_ONCE = 4

/** What the lists share with the rest of the wait. */
interface ListContext extends WatchContext {
  api: RunsApi
  /** `GET /v1/runs?projectId=`: a page of the project's runs, newest first. */
  listRuns: NonNullable<RunsApi['listRuns']>
  /** Sleeps until `time` (capped at the deadline, held off by a rate limit); false when the wait must end. */
  waitUntil(time: number): Promise<boolean>
  /** A request's signal and its own limit (never past the deadline). */
  requestOptions(): RequestOptions
  /** Every request holds off until then (a 429: the rate limit is per key). */
  throttle(until: number): void
  /** Retrying cannot help: the wait ends for every run. */
  fatal(message: string): void
  /** Why the wait ended early for the runs still unfinished. */
  ending(): { fatal: string | null; cancelled: boolean }
  /** Hands a run back to its own GETs, the first at `at`. */
  readAlone(watch: RunWatch, at: number): void
  /** Runs a project's rounds beside the runs' own loops; a throw ends the whole wait. */
  spawn(task: Promise<void>): void
}

/** A project's list that failed: its faults in a row (the backoff), and when to ask it again. */
interface ListTrouble {
  failures: number
  until: number
}

export class ProjectLists {
  private readonly rounds = new Map<string, ProjectRounds>()
  private readonly troubles = new Map<string, ListTrouble>()
  private refusedOnce = false

  constructor(
    readonly context: ListContext,
    private readonly watches: readonly RunWatch[]
  ) {}

  get refused(): boolean {
    return this.refusedOnce
  }

  /**
   * At a run's turn to be read by ID: true when its project's list reads it from now on. A run of
   * unknown project (not read yet) is looked for in the list of a project known from another run:
   * the first interval then costs one GET and a page, not one GET per run. A list is only started
   * for two runs or more: one run is always read by ID.
   */
  claim(watch: RunWatch): boolean {
    if (this.refusedOnce) return false
    // A run read without a project (or never read, with no project known yet) is read by ID.
    const project = watch.projectId ?? (watch.seen ? null : this.projectToSearch())
    if (project === null) return false
    // A list that just failed is not asked again before its backoff: its runs are read by ID.
    if ((this.troubles.get(project)?.until ?? 0) > this.context.clock.now()) return false
    const rounds = this.rounds.get(project)
    if (rounds) return (rounds.add(watch), true)
    const joining = this.watches.filter(
      w =>
        w === watch ||
        (w.reader === 'alone' && !w.reading && !w.finished && this.couldBeIn(w, project))
    )
    if (joining.length < 2) return false
    const started = new ProjectRounds(project, this)
    this.rounds.set(project, started)
    for (const w of joining) started.add(w)
    this.context.log.listFollow?.(project, joining.length)
    this.context.spawn(started.follow())
    return true
  }

  /** The list is refused: every run is read by ID from now on, said once. */
  refuse(reason: string): void {
    if (this.refusedOnce) return
    this.refusedOnce = true
    this.context.log.listFallback?.(reason)
  }

  /** Faults of the project's list in a row, before this answer (the backoff grows with them). */
  failures(project: string): number {
    return this.troubles.get(project)?.failures ?? 0
  }

  /** The project's list answered (`until` 0), or failed: not asked again before `until`. */
  noteAnswer(project: string, failures: number, until = 0): void {
    this.troubles.set(project, { failures, until })
  }

  /** A project's rounds ended: its runs are read alone, and a later claim may start them again. */
  closed(project: string): void {
    this.rounds.delete(project)
  }

  /** A run of the project, or one not read yet that may be: its list is where to look first. */
  private couldBeIn(watch: RunWatch, project: string): boolean {
    return watch.projectId === project || !watch.seen
  }

  /** The first project known from the runs read so far. */
  private projectToSearch(): string | null {
    return this.watches.find(w => w.projectId !== null)?.projectId ?? null
  }
}

/** The rounds of one project's list: every interval, its pages, then the GETs they leave. */
class ProjectRounds {
  private members: RunWatch[] = []

  constructor(
    private readonly project: string,
    private readonly lists: ProjectLists
  ) {}

  add(watch: RunWatch): void {
    if (!this.members.includes(watch)) this.members.push(watch)
    watch.readByList()
  }

  async follow(): Promise<void> {
    const { context } = this.lists
    const { clock, pollIntervalMs } = context
    let next = clock.now()
    for (;;) {
      if (!(await context.waitUntil(next))) break
      this.members = this.members.filter(w => !w.finished)
      // One run left (its turn is now): read by ID, as a run alone always is.
      if (this.members.length < 2) return this.close(() => 0)
      // Refused (here or by another project's list): each run by ID, when its own loop would
      // have read it (never asked yet: its place in the first interval; else an interval after its
      // last answer), spread over one interval so the runs the list read do not go out at once.
      const spread = ({ answeredAt, offset }: RunWatch): number =>
        answeredAt === null
          ? Math.max(0, context.start + offset - clock.now())
          : Math.max(answeredAt + pollIntervalMs - clock.now(), offset)
      if (this.lists.refused) return this.close(spread)
      const result = await this.round(this.members)
      if (result === 'stopped') break
      // Refused, or failed: each run goes back to its own GETs, within one interval.
      if (this.lists.refused || result === 'failed') return this.close(spread)
      if (this.members.every(w => w.finished)) return this.close(() => 0)
      next = clock.now() + pollIntervalMs
    }
    const { fatal, cancelled } = context.ending()
    for (const watch of this.members) watch.stop(fatal, cancelled)
    this.lists.closed(this.project)
  }

  /**
   * One round: the pages, then each run from them or by ID; 'failed' when the first page did not
   * come (the runs then go back to their own GETs).
   */
  private async round(members: RunWatch[]): Promise<'stopped' | 'read' | 'failed'> {
    const { context } = this.lists
    const { listRuns, clock, deadline, log, pollIntervalMs } = context
    const pages = new RoundPages(
      members.map(w => w.id.toLowerCase()),
      this.project
    )
    for (let first = true; ; first = false) {
      const cursor = first ? null : pages.nextCursor
      // A page that takes longer than an interval costs the runs more than their own GETs would:
      // it is cut there, as a fault.
      const request = context.requestOptions()
      const timeoutMs = Math.min(request.timeoutMs ?? pollIntervalMs, pollIntervalMs)
      const response = await listRuns(this.project, cursor, { ...request, timeoutMs })
      if (response.kind === 'aborted') return 'stopped'
      if (response.kind === 'network-error' && response.timedOut && clock.now() >= deadline) {
        for (const watch of members) watch.cutOff(response.message)
        return 'stopped'
      }
      const [decision, failures] = decideList(response, this.lists.failures(this.project), context)
      if (decision.action === 'use') {
        this.lists.noteAnswer(this.project, failures)
        if (response.kind === 'list' && pages.add(response.page)) continue
        break
      }
      if (decision.action === 'fall-back') {
        this.lists.refuse(decision.reason)
        if (first) return 'read'
        break
      }
      // A later page failed: the runs it would have shown are read by ID in this round.
      if (!first) break
      // The list failed: its runs are read by ID from now on, and it is asked again only after its
      // backoff (a 429's Retry-After holds the list, not the runs' own GETs: those answer alone).
      this.lists.noteAnswer(this.project, failures, clock.now() + decision.delayMs)
      for (const watch of members) watch.fault(decision.message)
      if (clock.now() + decision.delayMs < deadline)
        log.listRetry?.(this.project, members.length, decision.message, decision.delayMs)
      return 'failed'
    }
    return this.deliver(members, pages)
  }

  /** Each run's answer, in the order the runs were given: from the pages, or from its own GET. */
  private async deliver(members: RunWatch[], pages: RoundPages): Promise<'stopped' | 'read'> {
    const { context } = this.lists
    const { api, clock, deadline, pollIntervalMs } = context
    const now = clock.now()
    const byId = members.filter(w => pages.given(w.id) === null && w.retryAt <= now)
    const answers = await inTurns(byId, ROUND_GETS_AT_ONCE, watch => {
      watch.reading = true
      return api.getRun(watch.id, context.requestOptions()).finally(() => (watch.reading = false))
    })
    for (const watch of members) {
      const listed = pages.given(watch.id)
      const answer: GetRunResponse | undefined = listed
        ? { kind: 'run', run: listed.run, body: listed.body }
        : answers.get(watch)
      if (answer === undefined) continue
      if (answer.kind === 'aborted') return 'stopped'
      if (answer.kind === 'network-error' && answer.timedOut && clock.now() >= deadline) {
        watch.cutOff(answer.message)
        continue
      }
      const step = watch.take(answer)
      if (step.kind === 'fatal') {
        context.fatal(step.message)
        return 'stopped'
      }
      if (step.kind === 'done') continue
      if (!listed) watch.retryAt = clock.now() + step.delayMs
      if (step.throttle) context.throttle(clock.now() + step.delayMs)
      // Its own GET says it belongs elsewhere (or nowhere): read by ID, or by its own project's list.
      if (!listed && answer.kind === 'run' && watch.projectId !== this.project) {
        this.members = this.members.filter(w => w !== watch)
        context.readAlone(watch, clock.now() + pollIntervalMs)
      }
    }
    return 'read'
  }

  /** Hands every unfinished run back to its own GETs, each `after` ms from now. */
  private close(after: (watch: RunWatch) => number): void {
    const { context } = this.lists
    this.lists.closed(this.project)
    const now = context.clock.now()
    for (const watch of this.members) {
      if (!watch.finished) context.readAlone(watch, now + after(watch))
    }
  }
}

/** `work` for every item, at most `width` at a time; the answers by item. */
async function inTurns<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<R>
): Promise<Map<T, R>> {
  const results = new Map<T, R>()
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T
      results.set(item, await work(item))
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
  return results
}
