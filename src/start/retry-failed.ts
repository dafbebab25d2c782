// `retry-failed`: starting a run whose own verdict failed again, with the request that started it,
// and waiting for the new run, round after round, inside the one deadline. Which request repeats
// which run is decided here; the verdict of the attempts is the report's.
import type { RunsApi, StartApi, StartRunsResponse } from '../api/api-client.js'
import type { Clock } from '../clock.js'
import type { RetryAttempt, Run, RunOutcome } from '../model.js'
import { pollRuns, type PollLog } from '../wait/poller.js'
import { matchGroupRuns, notTheSame } from './retry-match.js'
import { sendStart, type StartAborted } from './start-runs.js'

/** The start requests exactly as they were sent, so a retry repeats them byte for byte. */
export interface SentStarts {
  /** `test-id` or `group-id`: what was started, with which body, and the runs it gave. */
  start: {
    kind: 'test' | 'group'
    id: string
    body: Record<string, unknown>
    runIds: string[]
  } | null
  /** The exploration agent: its project, the body sent (after any shorter second try), its run. */
  agent: { projectId: string; body: object; runId: string } | null
}

export interface Retried {
  /** Each retried run's later attempts, in order, under its first run's ID. */
  attempts: Map<string, RetryAttempt[]>
  /** Why a failed run was not started again (or not again), under its first run's ID. */
  notes: Map<string, string>
  /** Group runs started again, each a batch to cancel in one request. */
  batches: { batchId: string; runIds: string[] }[]
  /** Every run a retry started: unfinished ones are cancelled like any other. */
  started: RunOutcome[]
  /** The API refused to go on (a rejected key) while a retry was waited for. */
  fatal: string | null
}

export interface RetryLog extends PollLog {
  /** A round begins: how many runs, which attempt. */
  round(count: number, attempt: number, of: number): void
  /** A run started again: the new run, and what started it. */
  restarted(firstId: string, newIds: string[], how: string): void
  /** A run that will not be started again, and why. */
  notRetried(firstId: string, why: string): void
  /** The round's wait is over. */
  roundEnd(): void
}

interface RetryOptions {
  /** `retry-failed`: 1 to 3 more attempts. */
  retries: number
  /** The run's own verdict failed (the report's rule): it is started again. */
  failed: (outcome: RunOutcome) => boolean
  /** The first attempts, as the wait ended them. */
  outcomes: RunOutcome[]
  sent: SentStarts
  api: RunsApi & StartApi
  clock: Clock
  deadline: number
  pollIntervalMs: number
  signal: AbortSignal
  log: RetryLog
  random?: () => number
}

/** What `POST /v1/tests/{id}/runs` takes of a group's body: the rest is context or a reason to
 * start the whole group again. */
const TEST_CARRIES = ['platform', 'deviceModel', 'projectEnvironmentId']
/** In a group's body, what changes what is tested and a test's start cannot carry. */
const GROUP_ONLY = ['targetUrl', 'environment', 'mobile']

/** How one failed run is started again. */
type Plan =
  | { kind: 'test'; firstId: string; testId: string; body: object; how: string }
  | { kind: 'agent'; firstId: string; projectId: string; body: object }
  | { kind: 'group'; firstIds: string[]; groupId: string; body: object }

export async function retryFailed(options: RetryOptions): Promise<Retried> {
  const { sent, log, signal, clock } = options
  const retried: Retried = {
    attempts: new Map(),
    notes: new Map(),
    batches: [],
    started: [],
    fatal: null
  }
  const firsts = new Map(options.outcomes.map(o => [o.id, o]))
  const latest = new Map(firsts)
  const testIdOf = (id: string): string | null => firsts.get(id)?.run?.testId ?? null
  const configOf = (id: string): Record<string, string> => runConfig(firsts.get(id)?.run)
  const stopped = new Set<string>()
  const stop = (id: string, why: string): void => {
    stopped.add(id)
    retried.notes.set(id, why)
    log.notRetried(id, why)
  }
  /** A retry that is not a repeat of its run: said in the log; the attempt itself says why. */
  const notARepeat = (id: string, retry: RunOutcome, how: string): void => {
    stopped.add(id)
    log.notRetried(id, `its retry, run ${retry.id}, reports ${how}, so it does not count`)
  }

  for (let round = 1; round <= options.retries; round++) {
    if (signal.aborted || clock.now() >= options.deadline) break
    const failing = [...latest]
      .filter(([id, o]) => !stopped.has(id) && options.failed(o))
      .map(([id]) => id)
    const plans = planRetries(failing, sent, testIdOf, stop, configOf)
    if (plans.length === 0) break
    log.round(
      plans.reduce((n, p) => n + (p.kind === 'group' ? p.firstIds.length : 1), 0),
      round + 1,
      options.retries + 1
    )
    // Start every retry of the round, then wait for all of them at once.
    const waiting: { plan: Plan; runIds: string[] }[] = []
    for (const plan of plans) {
      const answer = await startAgain(plan, options)
      const ids = plan.kind === 'group' ? plan.firstIds : [plan.firstId]
      if (answer.kind === 'aborted') {
        // As for the first start: the run it may have started is not known, so the user is told.
        if (answer.mayHaveStarted) {
          for (const id of ids)
            stop(
              id,
              'the workflow was cancelled while its retry was being started, with no answer in time: a run may have started; check the TesterArmy dashboard'
            )
        }
        break
      }
      if (answer.kind === 'failed') {
        for (const id of ids) stop(id, `the retry could not be started: ${answer.message}`)
        continue
      }
      const runIds = answer.runIds.filter(r => !answer.cancelledRunIds.includes(r))
      if (plan.kind === 'group' && answer.batchId) {
        retried.batches.push({ batchId: answer.batchId, runIds: answer.runIds })
      }
      for (const id of ids) {
        log.restarted(id, plan.kind === 'group' ? runIds : runIds.slice(0, 1), describe(plan))
      }
      waiting.push({ plan, runIds })
    }
    if (waiting.length === 0) {
      log.roundEnd()
      continue
    }
    const polled = await pollRuns({
      runIds: waiting.flatMap(w => w.runIds),
      api: options.api,
      clock,
      pollIntervalMs: options.pollIntervalMs,
      deadline: options.deadline,
      signal,
      log,
      ...(options.random ? { random: options.random } : {})
    })
    log.roundEnd()
    retried.started.push(...polled.outcomes)
    const byId = new Map(polled.outcomes.map(o => [o.id, o]))
    for (const { plan, runIds } of waiting) {
      const outcomes = runIds.map(r => byId.get(r)).filter((o): o is RunOutcome => !!o)
      if (plan.kind !== 'group') {
        const [outcome] = outcomes
        if (!outcome) continue
        // Only the same test on the same platform and device can turn a failure into a pass.
        const other = notTheSame(firsts.get(plan.firstId)?.run ?? null, outcome.run)
        record(retried, latest, plan.firstId, outcome, other === null, other)
        if (other) notARepeat(plan.firstId, outcome, other)
        continue
      }
      // A group started again: each new run belongs to the member that is its test on its platform
      // and device (a passing member's new run is shown, and changes nothing).
      const members = new Map(
        (sent.start?.runIds ?? plan.firstIds).map(id => [id, firsts.get(id)?.run ?? null])
      )
      const { matched, ambiguous } = matchGroupRuns(members, outcomes)
      for (const [member, outcome] of matched) {
        const retriedHere = plan.firstIds.includes(member)
        const other = notTheSame(firsts.get(member)?.run ?? null, outcome.run)
        record(retried, latest, member, outcome, retriedHere && other === null, other)
        if (retriedHere && other) notARepeat(member, outcome, other)
      }
      for (const id of plan.firstIds) {
        const why = ambiguous.get(id)
        if (why) stop(id, `${why}; the first verdict stands`)
        else if (!matched.has(id))
          stop(
            id,
            'the group started again, but no new run of its test on its platform and device could be found'
          )
      }
    }
    // A retry the wait gave up on (the timeout, the runner's cancel) is its run's latest attempt
    // and not a verdict: the run is not started again, keeps its first verdict, and the unfinished
    // retry is cancelled with the rest.
    if (polled.fatal) {
      retried.fatal = polled.fatal
      break
    }
  }
  return retried
}

function record(
  retried: Retried,
  latest: Map<string, RunOutcome>,
  firstId: string,
  outcome: RunOutcome,
  counts: boolean,
  notCounted: string | null = null
): void {
  const list = retried.attempts.get(firstId) ?? []
  list.push({ outcome, counts, ...(notCounted ? { notCounted } : {}) })
  retried.attempts.set(firstId, list)
  if (counts) latest.set(firstId, outcome)
}

/**
 * How a run says it ran (its platform, device and mode), as a test's start request takes them:
 * a `run-id` run's request is not known, and its test's saved defaults may differ (a run that
 * failed on iOS must not count as flaky for passing on the web).
 */
export function runConfig(run: Run | null | undefined): Record<string, string> {
  const body: Record<string, string> = {}
  if (run?.platform && ['web', 'ios', 'android'].includes(run.platform)) {
    body.platform = run.platform
  }
  if (run?.deviceModel && ['iphone', 'ipad'].includes(run.deviceModel)) {
    body.deviceModel = run.deviceModel
  }
  if (run?.executionMode === 'fast' || run?.executionMode === 'deep') body.mode = run.executionMode
  return body
}

/**
 * Which request starts each failed run again: the agent's and a test's own, a group member alone
 * by its test when the group's body holds nothing a test's start cannot carry (else the group
 * again), a `run-id` run by its test, on the platform, device and mode it ran with (`configOf`).
 * A run that cannot be started again is noted and left out.
 */
export function planRetries(
  failing: string[],
  sent: SentStarts,
  testIdOf: (id: string) => string | null,
  stop: (id: string, why: string) => void,
  configOf: (id: string) => Record<string, string> = () => ({})
): Plan[] {
  const plans: Plan[] = []
  const groupAgain: string[] = []
  const { start, agent } = sent
  for (const id of failing) {
    if (agent && agent.runId === id) {
      plans.push({ kind: 'agent', firstId: id, projectId: agent.projectId, body: agent.body })
    } else if (start?.kind === 'test' && start.runIds.includes(id)) {
      plans.push({
        kind: 'test',
        firstId: id,
        testId: start.id,
        body: start.body,
        how: `test ${start.id}, same request`
      })
    } else if (start?.kind === 'group' && start.runIds.includes(id)) {
      const testId = testIdOf(id)
      if (!testId) {
        stop(
          id,
          'the API gave no test ID for this run of the group, so it could not be matched to a new run'
        )
      } else if (GROUP_ONLY.some(key => key in start.body)) {
        groupAgain.push(id)
      } else {
        const body = Object.fromEntries(
          Object.entries(start.body).filter(([key]) => TEST_CARRIES.includes(key))
        )
        plans.push({
          kind: 'test',
          firstId: id,
          testId,
          body,
          how: `test ${testId} of group ${start.id}, alone`
        })
      }
    } else {
      const testId = testIdOf(id)
      if (testId) {
        const body = configOf(id)
        const on = Object.values(body).join(', ')
        plans.push({
          kind: 'test',
          firstId: id,
          testId,
          body,
          how: `its test ${testId}${on ? ` (${on}, as it ran)` : ''}`
        })
      } else stop(id, 'the API gives no test ID for this run, so it could not be started again')
    }
  }
  if (groupAgain.length && start) {
    plans.push({ kind: 'group', firstIds: groupAgain, groupId: start.id, body: start.body })
  }
  return plans
}

const describe = (plan: Plan): string =>
  plan.kind === 'agent'
    ? 'the exploration agent, same request'
    : plan.kind === 'group'
      ? `group ${plan.groupId} again, same request`
      : plan.how

/** One retry's start, under the rule that a start request is never sent twice for one run. */
async function startAgain(
  plan: Plan,
  options: RetryOptions
): Promise<
  | Extract<StartRunsResponse, { kind: 'started' }>
  | { kind: 'failed'; message: string }
  | StartAborted
> {
  const { api, signal } = options
  const what =
    plan.kind === 'agent'
      ? 'the exploration agent again'
      : plan.kind === 'group'
        ? `group ${plan.groupId} again`
        : `test ${plan.testId} again`
  const answer = await sendStart({
    clock: options.clock,
    deadline: options.deadline,
    pollIntervalMs: options.pollIntervalMs,
    signal,
    ...(options.random ? { random: options.random } : {}),
    what,
    // The request's own signal: the runner's cancel, a grace later (see sendStart).
    send: (timeoutMs, request) => {
      const call = { ...(request ? { signal: request } : {}), timeoutMs }
      return plan.kind === 'agent'
        ? api.startAgent(plan.projectId, plan.body, call)
        : plan.kind === 'group'
          ? api.startRuns('group', plan.groupId, plan.body, call)
          : api.startRuns('test', plan.testId, plan.body, call)
    },
    // Whatever the API refuses now, it accepted before: say so, and keep the first verdict.
    refused: ({ status }) =>
      status === 401 || status === 403
        ? 'the key was refused'
        : status >= 400 && status < 500 && status !== 429
          ? 'the API would not start it again'
          : null
  })
  if (answer.kind === 'started' && answer.runIds.length === 0) {
    return { kind: 'failed', message: `${what} started no run` }
  }
  return answer
}
