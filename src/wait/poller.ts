// Waits for one or more runs at once, each on its own schedule, until each is terminal, the
// deadline passes, the caller aborts, or the API says retrying cannot help.
import type { RunsApi } from '../api/api-client.js'
import type { Clock } from '../clock.js'
import { uniqueRunIds } from '../guards.js'
import { Limits, TERMINAL_STATUSES, WAITING_STATUSES } from '../constants.js'
import type { FinalStatus, RunOutcome } from '../model.js'
import { decide, initialRetryState } from '../api/retry-policy.js'

export interface PollLog {
  /** Once per status change: `from` is null for the first status seen. */
  statusChange(id: string, from: string | null, to: string, elapsedMs: number): void
  /** A status the API does not document; logged once per run and value. */
  unknownStatus(id: string, status: string): void
  /** A passing fault, before the wait that follows it. */
  retry(id: string, message: string, delayMs: number): void
}

interface PollOptions {
  runIds: string[]
  api: RunsApi
  clock: Clock
  log: PollLog
  pollIntervalMs: number
  /** Absolute time (clock.now() scale) when the wait ends with `timed_out`. */
  deadline: number
  /** The runner's cancellation. */
  signal?: AbortSignal
  random?: () => number
  /** Each request's own limit (`Limits.requestTimeoutMs`); tests shorten it to test a hung connection quickly. */
  requestTimeoutMs?: number
}

interface PollResult {
  outcomes: RunOutcome[]
  /** Set when the API said retrying cannot help (401, 403, 400): the message for the user. */
  fatal: string | null
}

export async function pollRuns(options: PollOptions): Promise<PollResult> {
  const { api, clock, log, pollIntervalMs, deadline, signal } = options
  // One wait per run: IDs that differ only in case name the same run.
  const runIds = uniqueRunIds(options.runIds)
  const random = options.random ?? Math.random
  const requestTimeoutMs = options.requestTimeoutMs ?? Limits.requestTimeoutMs
  const start = clock.now()
  // Ends every wait and request at once: on the caller's abort, or when one run hits a fatal error.
  const stop = new AbortController()
  const onAbort = (): void => stop.abort()
  if (signal?.aborted) stop.abort()
  signal?.addEventListener('abort', onAbort, { once: true })
  let fatal: string | null = null
  // After a 429 every run holds off until then: the rate limit is per key, not per run.
  let throttleUntil = 0

  /** Sleeps until `time` (capped at the deadline); false when the wait must end instead. */
  const waitUntil = async (time: number): Promise<boolean> => {
    const target = Math.min(time, deadline)
    const ms = target - clock.now()
    if (ms > 0) await clock.sleep(ms, stop.signal)
    return !stop.signal.aborted && clock.now() < deadline
  }

  const follow = async (id: string, index: number): Promise<RunOutcome> => {
    const outcome: RunOutcome = {
      id,
      status: 'timed_out',
      run: null,
      body: null,
      lastStatus: null,
      error: null,
      cancelledByUser: false
    }
    // Spread the runs over one interval so N runs never send N requests in the same instant; over
    // half the time left when the timeout is shorter, so every run is checked at least once.
    const spread = Math.min(pollIntervalMs, Math.max(0, deadline - start) / 2)
    const offset = Math.floor((index * spread) / runIds.length)
    const warned = new Set<string>()
    let state = initialRetryState()
    let next = start + offset

    for (;;) {
      // Wait for this run's turn, and again if another run hit a rate limit meanwhile (the rate
      // limit is per key). The offset keeps the runs from resuming in one burst.
      const turn = (): number =>
        throttleUntil > clock.now() ? Math.max(next, throttleUntil + offset) : next
      let waited = true
      while (waited && turn() > clock.now()) waited = await waitUntil(turn())
      if (!waited || stop.signal.aborted || clock.now() >= deadline) break
      const timeoutMs = Math.min(requestTimeoutMs, Math.max(1, deadline - clock.now()))
      const response = await api.getRun(id, { signal: stop.signal, timeoutMs })
      if (response.kind === 'aborted') break
      // A request cut short by the deadline says nothing new about the API: keep the last real
      // error. With none at all (the API never answered), the cut-off request is the reason.
      if (response.kind === 'network-error' && response.timedOut && clock.now() >= deadline) {
        if (outcome.run === null) outcome.error ??= response.message
        break
      }
      const [decision, nextState] = decide(response, state, {
        now: clock.now(),
        pollIntervalMs,
        random
      })
      state = nextState

      if (response.kind === 'run') {
        const { run } = response
        if (run.status !== outcome.lastStatus)
          log.statusChange(id, outcome.lastStatus, run.status, clock.now() - start)
        Object.assign(outcome, { run, body: response.body, lastStatus: run.status, error: null })
        if (TERMINAL_STATUSES.includes(run.status)) {
          outcome.status = run.status as FinalStatus
          return outcome
        }
        if (!WAITING_STATUSES.includes(run.status) && !warned.has(run.status)) {
          warned.add(run.status)
          log.unknownStatus(id, run.status)
        }
      }

      switch (decision.action) {
        case 'poll':
          next = clock.now() + decision.delayMs
          break
        case 'retry':
          outcome.error = decision.message
          next = clock.now() + decision.delayMs
          // No "trying again" when the deadline comes first: the wait simply ends there.
          if (next < deadline) log.retry(id, decision.message, decision.delayMs)
          if (decision.throttle) throttleUntil = Math.max(throttleUntil, next)
          break
        case 'not-found':
          return { ...outcome, status: 'not_found', error: decision.message }
        case 'give-up':
          return { ...outcome, status: 'error', error: decision.message }
        case 'fatal':
          fatal ??= decision.message
          outcome.error = decision.message
          stop.abort()
          break
      }
      if (decision.action === 'fatal') break
    }

    // The wait ended without a terminal status: say why, in the order that explains it best.
    if (fatal !== null) return { ...outcome, status: 'error', error: outcome.error ?? fatal }
    if (signal?.aborted) return { ...outcome, status: 'cancelled', cancelledByUser: true }
    return { ...outcome, status: 'timed_out' }
  }

  try {
    // If one run's loop ever threw, the others must not keep the process waiting to the deadline.
    const outcomes = await Promise.all(
      runIds.map((id, index) =>
        follow(id, index).catch((error: unknown) => {
          stop.abort()
          throw error
        })
      )
    )
    return { outcomes, fatal }
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}
