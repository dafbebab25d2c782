// After the starts: waiting for every run, starting failed ones again (`retry-failed`) inside the
// same deadline, and cancelling what nobody waits for any more; the first attempts come back in
// the order given, with what the retries did.
import * as core from '@actions/core'
import type { RunsApi, StartApi } from '../api/api-client.js'
import type { Clock } from '../clock.js'
import type { Settings } from '../inputs/settings.js'
import type { RunOutcome } from '../model.js'
import { cancelUnfinished, notWaitedFor } from '../wait/cancel-runs.js'
import { pollRuns } from '../wait/poller.js'
import { pollLog, startWaitGroup } from '../wait/wait-log.js'
import type { Retried } from './retry-failed.js'
import type { StartPhaseOutcome } from './start-phase.js'
import { cancelledAtStart } from './begin.js'

interface Waited {
  /** Each run's first attempt, in the order the runs were given or started. */
  outcomes: RunOutcome[]
  /** What `retry-failed` started and found; null when nothing was retried. */
  retried: Retried | null
  /** `timedOut`: the step's timeout came before any run was waited for (a GitHub lookup). */
  end: { fatal: string | null; cancelled: boolean; timedOut?: boolean }
}

export async function waitForRuns(options: {
  begun: Extract<StartPhaseOutcome, { kind: 'started' | 'ended' }>
  settings: Settings
  api: RunsApi & StartApi
  clock: Clock
  deadline: number
  signal: AbortSignal
  /** The report's rule for a run whose own verdict failed: those are started again. */
  failed: (outcome: RunOutcome) => boolean
  /** Told how many runs the wait begins with (the commit status goes `pending`). */
  onWaitBegins?: (runCount: number) => void
}): Promise<Waited> {
  const { begun, settings, api, clock, deadline, signal } = options
  if (begun.kind === 'ended') {
    // A start failed after the agent's run had started: nobody will wait for it, so it is stopped.
    if (settings.cancelOnAbort) {
      const runs = begun.agentRunIds.map(notWaitedFor)
      await cancelUnfinished({ api, clock, runs, cancelled: signal.aborted, batches: [] })
    }
    const { fatal, cancelled, timedOut } = begun
    return {
      outcomes: [],
      retried: null,
      end: { fatal, cancelled, ...(timedOut ? { timedOut } : {}) }
    }
  }
  // 1. Every run the API did not cancel at once.
  const toWait = begun.ids.filter(id => !begun.cancelledIds.includes(id))
  options.onWaitBegins?.(toWait.length)
  startWaitGroup(toWait, settings)
  const timing = { api, clock, pollIntervalMs: settings.pollIntervalMs, deadline, signal }
  const polled = await pollRuns({ ...timing, runIds: toWait, log: pollLog })
  core.endGroup()
  // 2. Runs whose own verdict failed, started again with the request that started them.
  //    Their code is loaded only then: a plain wait never evaluates it.
  const retried =
    settings.retryFailed > 0 && !polled.fatal && !signal.aborted
      ? await (
          await import('./retry-failed.js')
        ).retryFailed({
          ...timing,
          retries: settings.retryFailed,
          failed: options.failed,
          outcomes: polled.outcomes,
          sent: begun.sent,
          log: (await import('./start-log.js')).retryLog
        })
      : null
  // 3. Whatever the wait or a retry left unfinished (the timeout, the runner's cancel) is stopped:
  //    each group start's runs with its batch, any other run alone.
  if (settings.cancelOnAbort) {
    const start = begun.sent.start
    const batches = [
      ...(begun.facts.batchId && start
        ? [{ batchId: begun.facts.batchId, runIds: start.runIds }]
        : []),
      ...(retried?.batches ?? [])
    ]
    const runs = [...polled.outcomes, ...(retried?.started ?? [])]
    await cancelUnfinished({ api, clock, runs, cancelled: signal.aborted, batches })
  }
  const fatal = polled.fatal ?? retried?.fatal ?? null
  return {
    // A run cancelled at start was never waited for.
    outcomes: begun.ids.map(id => polled.outcomes.find(o => o.id === id) ?? cancelledAtStart(id)),
    retried,
    end: { fatal, cancelled: signal.aborted }
  }
}
