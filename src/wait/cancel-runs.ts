// Cancelling the runs nobody waits for any more (the step was cancelled or timed out, or a later
// start failed): each group start's batch in one request, every other unfinished run one by one,
// all within 3 s.
import type { RunsApi, StartApi } from '../api/api-client.js'
import type { Clock } from '../clock.js'
import { Limits, TERMINAL_STATUSES } from '../constants.js'
import type { RunOutcome } from '../model.js'
import { logBatchCancelAnswer, logCancelAnswer, logCancelling, logNoTimeLeft } from './wait-log.js'

/** What `cancelUnfinished` needs to know of a run. */
type CancelCandidate = Pick<RunOutcome, 'id' | 'status' | 'lastStatus'>

/** A run started but never waited for (a later start failed): unfinished, so it is cancelled. */
export const notWaitedFor = (id: string): CancelCandidate => ({
  id,
  status: 'cancelled',
  lastStatus: null
})

interface CancelOptions {
  api: RunsApi & StartApi
  clock: Pick<Clock, 'now'>
  /** The runs as the wait left them; only the unfinished ones are cancelled. */
  runs: readonly CancelCandidate[]
  /** True when the runner cancelled the step, false when the timeout was reached. */
  cancelled: boolean
  /**
   * Each group start's batch (the group's, and those of the group started again by
   * `retry-failed`) with the runs it holds, cancelled in one request; any other run (a test's, the
   * agent's) is cancelled alone.
   */
  batches: readonly { batchId: string; runIds: readonly string[] }[]
}

/**
 * The runs the wait gave up on (timeout or the runner's cancel) while the API had not finished
 * them: the ones still spending, which `cancel-on-abort` asks the API to stop.
 */
function unfinishedRuns(runs: readonly CancelCandidate[]): CancelCandidate[] {
  return runs.filter(
    o =>
      (o.status === 'timed_out' || o.status === 'cancelled') &&
      !TERMINAL_STATUSES.includes(o.lastStatus ?? '')
  )
}

/**
 * Best effort, all at once, within 3 s: a run nobody waits for should not keep spending. A group's
 * runs go with one batch cancel; whatever it did not cover (the agent's run, or everything when it
 * failed) is cancelled run by run, inside the same 3 s.
 */
export async function cancelUnfinished(options: CancelOptions): Promise<void> {
  const { api, clock } = options
  const unfinished = unfinishedRuns(options.runs)
  if (unfinished.length === 0) return
  logCancelling(options.cancelled, unfinished.length)
  const until = clock.now() + Limits.cancelRequestTimeoutMs
  const left = (): number => Math.max(1, until - clock.now())
  const cancelOne = async (id: string): Promise<void> =>
    logCancelAnswer(id, await api.cancelRun(id, { timeoutMs: left() }))
  const batchOf = (id: string) => options.batches.find(b => b.runIds.includes(id))
  const alone = unfinished.filter(o => !batchOf(o.id))
  const cancelBatch = async (batchId: string): Promise<void> => {
    const inBatch = unfinished.filter(o => batchOf(o.id)?.batchId === batchId)
    if (inBatch.length === 0) return
    const answer = await api.cancelBatch(batchId, { timeoutMs: left() })
    logBatchCancelAnswer(batchId, answer)
    const covered = 'covered' in answer ? answer.covered : []
    const rest = inBatch.filter(o => !covered.includes(o.id))
    // A request with no time left could only end as "no answer within 1 ms": say so once instead.
    if (rest.length > 0 && until - clock.now() < Limits.cancelMinBudgetMs) {
      return logNoTimeLeft(rest.length)
    }
    await Promise.all(rest.map(o => cancelOne(o.id)))
  }
  await Promise.all([
    ...options.batches.map(b => cancelBatch(b.batchId)),
    ...alone.map(o => cancelOne(o.id))
  ])
}
