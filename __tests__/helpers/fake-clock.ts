// Virtual time for the poller: sleeps complete in order of their wake-up time, as soon as nothing
// else is happening (no request in flight), so a 30-minute wait takes milliseconds.
import type { RunsApi, StartApi } from '../../src/api/api-client.js'
import type { Clock } from '../../src/clock.js'

interface Timer {
  at: number
  resolve: () => void
}

export class FakeClock implements Clock {
  time = 0
  private timers: Timer[] = []
  private inFlight = 0
  private pumping = false
  /** Every sleep asked for, in order: what the poller waited between requests. */
  readonly sleeps: number[] = []

  constructor(start = 1_700_000_000_000) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms)
    return new Promise(resolve => {
      if (signal?.aborted) return resolve()
      const onAbort = (): void => {
        this.timers = this.timers.filter(t => t !== timer)
        resolve()
      }
      // The listener goes when the sleep ends, as the system clock's does: a long-lived signal
      // (the poller's own) must not collect one per sleep.
      const timer: Timer = {
        at: this.time + Math.max(0, ms),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        }
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.timers.push(timer)
      this.pump()
    })
  }

  /** Wraps an API so the clock knows when a request is in flight and must not jump ahead. */
  track<T extends RunsApi & Partial<StartApi>>(api: T): T {
    const around = async <R>(call: () => Promise<R>): Promise<R> => {
      this.inFlight++
      try {
        return await call()
      } finally {
        this.inFlight--
        this.pump()
      }
    }
    const tracked: RunsApi & Partial<StartApi> = {
      getRun: (id, options) => around(() => api.getRun(id, options)),
      cancelRun: (id, options) => around(() => api.cancelRun(id, options))
    }
    const listRuns = api.listRuns?.bind(api)
    if (listRuns)
      tracked.listRuns = (projectId, cursor, options) =>
        around(() => listRuns(projectId, cursor, options))
    const start = api.startRuns?.bind(api)
    if (start)
      tracked.startRuns = (kind, id, body, options) => around(() => start(kind, id, body, options))
    const startAgent = api.startAgent?.bind(api)
    if (startAgent)
      tracked.startAgent = (project, body, options) =>
        around(() => startAgent(project, body, options))
    const cancelBatch = api.cancelBatch?.bind(api)
    if (cancelBatch)
      tracked.cancelBatch = (batchId, options) => around(() => cancelBatch(batchId, options))
    return tracked as T
  }

  private pump(): void {
    if (this.pumping) return
    this.pumping = true
    // Two macrotask turns let every continuation of a finished request register its next sleep.
    setImmediate(() =>
      setImmediate(() => {
        this.pumping = false
        if (this.inFlight > 0 || this.timers.length === 0) return
        const next = Math.min(...this.timers.map(t => t.at))
        this.time = Math.max(this.time, next)
        const due = this.timers.filter(t => t.at <= this.time)
        this.timers = this.timers.filter(t => t.at > this.time)
        for (const timer of due) timer.resolve()
        this.pump()
      })
    )
  }
}
