// Waits for one or more runs at once until each is terminal, the deadline passes, the caller
// aborts, or the API says retrying cannot help: each run on its own schedule of GETs, or, for
// several runs of one project, through that project's run list (project-lists.ts).
import type { RequestOptions, RunsApi } from '../api/api-client.js'
import type { Clock } from '../clock.js'
import { Limits } from '../constants.js'
import { uniqueRunIds } from '../guards.js'
import type { RunOutcome } from '../model.js'
import { RunWatch, type PollLog } from './run-watch.js'

export type { PollLog } from './run-watch.js'

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
  // After a 429 every request holds off until then: the rate limit is per key, not per run.
  let throttleUntil = 0
  // A loop that throws (a bug) ends the whole wait with that error, instead of a wait that hangs.
  let crash: (error: unknown) => void = () => undefined
  const crashed = new Promise<never>((_, reject) => (crash = reject))
  const spawn = (task: Promise<void>): void =>
    void task.catch((error: unknown) => {
      stop.abort()
      crash(error)
    })

  /** Sleeps until `time` (capped at the deadline); false when the wait must end instead. */
  const waitUntil = async (time: number, wake?: AbortSignal): Promise<boolean> => {
    const target = Math.min(time, deadline)
    const ms = target - clock.now()
    if (ms > 0) await clock.sleep(ms, wake ? AbortSignal.any([stop.signal, wake]) : stop.signal)
    return !stop.signal.aborted && clock.now() < deadline
  }
  const requestOptions = (): RequestOptions => ({
    signal: stop.signal,
    timeoutMs: Math.min(requestTimeoutMs, Math.max(1, deadline - clock.now()))
  })
  const context = { clock, log, pollIntervalMs, deadline, start, random }
  // Spread the runs over one interval so N runs never send N requests in the same instant; over
  // half the time left when the timeout is shorter, so every run is checked at least once.
  const spread = Math.min(pollIntervalMs, Math.max(0, deadline - start) / 2)
  const watches = runIds.map(
    (id, index) => new RunWatch(id, Math.floor((index * spread) / runIds.length), context)
  )
  const ending = () => ({ fatal, cancelled: signal?.aborted === true })
  const listRuns = api.listRuns?.bind(api)
  // Several runs: those of one project can be read through its list (its code loaded only then).
  // One run is always read by ID.
  const lists =
    listRuns && watches.length > 1
      ? new (await import('./project-lists.js')).ProjectLists(
          {
            ...context,
            api,
            listRuns,
            waitUntil: time =>
              waitUntil(throttleUntil > clock.now() ? Math.max(time, throttleUntil) : time),
            requestOptions,
            throttle: until => (throttleUntil = Math.max(throttleUntil, until)),
            fatal: message => {
              fatal ??= message
              stop.abort()
            },
            ending,
            readAlone: (watch, at) => spawn(follow(watch, at)),
            spawn
          },
          watches
        )
      : null

  /** One run read by its own GETs, the first at `first`, until it ends or its list takes it over. */
  const follow = async (watch: RunWatch, first: number): Promise<void> => {
    const wake = watch.readAlone()
    let next = first
    for (;;) {
      // Wait for this run's turn, and again if a request hit a rate limit meanwhile (the rate
      // limit is per key). The offset keeps the runs from resuming in one burst.
      const turn = (): number =>
        throttleUntil > clock.now() ? Math.max(next, throttleUntil + watch.offset) : next
      let waited = true
      while (waited && watch.reader === 'alone' && turn() > clock.now())
        waited = await waitUntil(turn(), wake)
      if (watch.reader !== 'alone') return
      if (!waited || stop.signal.aborted || clock.now() >= deadline) break
      if (lists?.claim(watch)) return
      watch.reading = true
      const response = await api.getRun(watch.id, requestOptions())
      watch.reading = false
      if (response.kind === 'aborted') break
      if (response.kind === 'network-error' && response.timedOut && clock.now() >= deadline) {
        watch.cutOff(response.message)
        break
      }
      const step = watch.take(response)
      if (step.kind === 'done') return
      if (step.kind === 'fatal') {
        fatal ??= step.message
        stop.abort()
        break
      }
      next = clock.now() + step.delayMs
      if (step.throttle) throttleUntil = Math.max(throttleUntil, next)
    }
    const ended = ending()
    watch.stop(ended.fatal, ended.cancelled)
  }

  try {
    for (const watch of watches) spawn(follow(watch, start + watch.offset))
    const outcomes = await Promise.race([Promise.all(watches.map(w => w.done)), crashed])
    return { outcomes, fatal }
  } finally {
    // Every run has ended: a loop still asleep (a list between two rounds) ends now too.
    stop.abort()
    signal?.removeEventListener('abort', onAbort)
  }
}
