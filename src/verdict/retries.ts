// The verdict of a run started again by `retry-failed`: which attempt the verdict rests on, and
// whether the run is flaky (failed, then passed) under `on-flaky`. Pure.
import type { OnFlaky, RetryAttempt, RunOutcome, RunReport } from '../model.js'
import { plural } from '../labels.js'

/** What judging one attempt gives: the report of that run alone. */
type Describe = (outcome: RunOutcome) => RunReport

/** A run that ended with a verdict of its own; a retry cut by the timeout or a cancel did not. */
const finished = (run: RunReport): boolean => run.status === 'completed' || run.status === 'failed'

/**
 * One run and its retries, as the report shows it. The verdict rests on the last attempt that
 * finished and counts (a retry cut short leaves the run with its earlier verdict); a run that
 * failed and then passed is flaky: it passes with a note under `on-flaky: pass`, and fails
 * under `fail`. Every attempt is kept, in order, for the summary, the outputs and the files.
 */
export function withRetries(
  first: RunOutcome,
  later: readonly RetryAttempt[],
  options: { onFlaky: OnFlaky; describe: Describe; note?: string | undefined }
): RunReport {
  const firstReport = options.describe(first)
  // Why retry-failed did not start it (again), or could not use what it started, in the run's own
  // notes; and each retry that was not the same test on the same platform and device.
  const retryNote = [
    ...(options.note ? [`retry-failed: ${options.note}`] : []),
    ...later.flatMap(a =>
      a.notCounted
        ? [
            `retry-failed: run ${a.outcome.id} does not count, as it reports ${a.notCounted}; the verdict rests on the runs that do`
          ]
        : []
    )
  ]
  const notes = [...firstReport.notes, ...retryNote]
  if (later.length === 0) return { ...firstReport, notes }
  const attempts = [
    { ...firstReport, counts: true },
    ...later.map(a => ({
      ...options.describe(a.outcome),
      counts: a.counts,
      ...(a.notCounted ? { notCounted: a.notCounted } : {})
    }))
  ]
  const counted = attempts.filter(a => a.counts)
  const verdict =
    counted.filter(finished).at(-1) ?? (attempts[0] as RunReport & { counts: boolean })
  const failedBefore = counted.filter(a => a !== verdict && finished(a) && !a.passed)
  const flaky = verdict.passed && failedBefore.length > 0
  const run: RunReport = { ...verdict, notes: [...verdict.notes], attempts, flaky }
  run.notes.push(...retryNote)
  const position = counted.indexOf(verdict) + 1
  if (flaky) {
    const first = failedBefore[0] as RunReport
    const story = `flaky: run ${first.id} failed (${first.reasons.join('; ')}), then run ${verdict.id} passed on attempt ${position} of ${counted.length}`
    if (options.onFlaky === 'fail') {
      run.passed = false
      run.reasons = [`the run is flaky: it failed, then passed on a retry (on-flaky: fail)`]
      run.notes.push(story)
    } else {
      run.notes.push(`${story}; on-flaky: pass lets it pass`)
    }
  } else if (!verdict.passed && counted.length > 1) {
    const failedAll = counted.filter(finished).length
    run.notes.push(
      `failed ${plural(failedAll, 'attempt')} of ${counted.length}${failedAll < counted.length ? ' (the others did not finish in time)' : ''}`
    )
  }
  return run
}
