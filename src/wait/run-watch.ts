// One run's wait: what has been seen of it, what each answer about it means (from its own GET or
// from its project's run list alike), and how the wait for it ends.
import type { GetRunResponse } from '../api/api-client.js'
import { decide, initialRetryState, type RetryState } from '../api/retry-policy.js'
import type { Clock } from '../clock.js'
import { TERMINAL_STATUSES, WAITING_STATUSES } from '../constants.js'
import { isUuid } from '../guards.js'
import type { FinalStatus, RunOutcome } from '../model.js'

/** Where the wait's progress is told (wait-log.ts: the step's log). */
export interface PollLog {
  /** Once per status change: `from` is null for the first status seen. */
  statusChange(id: string, from: string | null, to: string, elapsedMs: number): void
  /** A status the API does not document; logged once per run and value. */
  unknownStatus(id: string, status: string): void
  /** A passing fault, before the wait that follows it. */
  retry(id: string, message: string, delayMs: number): void
  /** A project's list reads `runs` of the waited-for runs from now on. */
  listFollow?(projectId: string, runs: number): void
  /** A passing fault of a project's list: its runs are read by ID until it is asked again. */
  listRetry?(projectId: string, runs: number, message: string, delayMs: number): void
  /** The list was refused: every run is read by ID from now on (said once). */
  listFallback?(reason: string): void
}

/** What follows an answer: the run's wait is over, read it again after `delayMs`, or stop all. */
export type Step =
  | { kind: 'done' }
  | { kind: 'again'; delayMs: number; throttle: boolean }
  | { kind: 'fatal'; message: string }

export interface WatchContext {
  clock: Clock
  log: PollLog
  pollIntervalMs: number
  deadline: number
  /** When the wait began: status changes are logged as time since then. */
  start: number
  random: () => number
}

/** Who reads the run now: its own loop of GETs, or the rounds of its project's run list. */
type Reader = 'alone' | 'list'

export class RunWatch {
  private outcome: RunOutcome
  private retry: RetryState = initialRetryState()
  private readonly warned = new Set<string>()
  private project: string | null = null
  private settle!: (outcome: RunOutcome) => void
  private settled = false
  /** Resolves once, with how the wait for this run ended. */
  readonly done: Promise<RunOutcome>
  reader: Reader = 'alone'
  /** Ends the sleep of the run's own loop when the list takes the run over. */
  private wakeup = new AbortController()
  /** A request about this run is in flight: no one else may take the run over meanwhile. */
  reading = false
  /** When the last answer about the run came (its project's list or its own GET); null before any. */
  answeredAt: number | null = null
  /** Not read by ID before this time (a fault's backoff), when the list reads it. */
  retryAt = 0

  constructor(
    readonly id: string,
    /** This run's place in the spread of one interval (ms), kept when it resumes after a rate limit. */
    readonly offset: number,
    private readonly context: WatchContext
  ) {
    this.outcome = {
      id,
      status: 'timed_out',
      run: null,
      body: null,
      lastStatus: null,
      error: null,
      cancelledByUser: false
    }
    this.done = new Promise(resolve => (this.settle = resolve))
  }

  get finished(): boolean {
    return this.settled
  }

  /** An answer has described the run (its project, if it has one, is then known). */
  get seen(): boolean {
    return this.outcome.run !== null
  }

  /** The run's project, lower-cased, once an answer has said it (a list item may leave it out). */
  get projectId(): string | null {
    return this.project
  }

  /** The run's own loop reads it from now on: the signal ends that loop's sleep if the list takes over. */
  readAlone(): AbortSignal {
    this.reader = 'alone'
    this.wakeup = new AbortController()
    return this.wakeup.signal
  }

  /** Its project's run list reads it from now on; its own loop, asleep or at its turn, ends. */
  readByList(): void {
    this.reader = 'list'
    this.wakeup.abort()
  }

  /** An answer about this run; logs what changed and says what comes next. */
  take(response: GetRunResponse): Step {
    const { clock, log, pollIntervalMs, deadline, start, random } = this.context
    const now = clock.now()
    this.answeredAt = now
    const [decision, next] = decide(response, this.retry, { now, pollIntervalMs, random })
    this.retry = next
    const outcome = this.outcome
    if (response.kind === 'run') {
      const { run } = response
      // Only a UUID (what the API's projects are) is ever sent back in a list request.
      if (run.projectId !== null && isUuid(run.projectId))
        this.project = run.projectId.toLowerCase()
      if (run.status !== outcome.lastStatus)
        log.statusChange(this.id, outcome.lastStatus, run.status, now - start)
      Object.assign(outcome, { run, body: response.body, lastStatus: run.status, error: null })
      if (TERMINAL_STATUSES.includes(run.status)) {
        return this.end({ ...outcome, status: run.status as FinalStatus })
      }
      if (!WAITING_STATUSES.includes(run.status) && !this.warned.has(run.status)) {
        this.warned.add(run.status)
        log.unknownStatus(this.id, run.status)
      }
    }
    switch (decision.action) {
      case 'poll':
        return { kind: 'again', delayMs: decision.delayMs, throttle: false }
      case 'retry':
        outcome.error = decision.message
        // No "trying again" when the deadline comes first: the wait simply ends there.
        if (now + decision.delayMs < deadline)
          log.retry(this.id, decision.message, decision.delayMs)
        return { kind: 'again', delayMs: decision.delayMs, throttle: decision.throttle }
      case 'not-found':
        return this.end({ ...outcome, status: 'not_found', error: decision.message })
      case 'give-up':
        return this.end({ ...outcome, status: 'error', error: decision.message })
      case 'fatal':
        outcome.error = decision.message
        return { kind: 'fatal', message: decision.message }
    }
  }

  /** A fault of the list that read this run: the reason shown if the wait then times out. */
  fault(message: string): void {
    this.outcome.error = message
  }

  /**
   * A request cut short by the deadline says nothing new about the API: the last real error stays.
   * With none at all (the API never answered), the cut-off request is the reason.
   */
  cutOff(message: string): void {
    if (this.outcome.run === null) this.outcome.error ??= message
  }

  /** The wait ended before the run did: say why, in the order that explains it best. */
  stop(fatal: string | null, cancelled: boolean): void {
    const outcome = this.outcome
    if (fatal !== null) this.end({ ...outcome, status: 'error', error: outcome.error ?? fatal })
    else if (cancelled) this.end({ ...outcome, status: 'cancelled', cancelledByUser: true })
    else this.end({ ...outcome, status: 'timed_out' })
  }

  private end(outcome: RunOutcome): Step {
    if (!this.settled) {
      this.settled = true
      this.outcome = outcome
      this.settle(outcome)
    }
    return { kind: 'done' }
  }
}
