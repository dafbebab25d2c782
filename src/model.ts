// The shared vocabulary of the action: a run as the API describes it, how a wait ends, what the
// API's faults look like, and the report every view is rendered from. Types (and one predicate on
// them) only; every other module points inward to these.

/**
 * `GET /v1/runs/{id}` → `RunResponse`. Enum fields are typed as `string` on purpose: the API adds
 * values (platform `android`, step type `javascript`) and an unknown one must pass through.
 */
export interface Run {
  id: string
  /** `queued`, `running`, `completed`, `failed`, `cancelled`, or a value added later. */
  status: string
  /** `ci` or `test`. */
  type: string | null
  /** `web`, `ios`, `android`. */
  platform: string | null
  /** `iphone`, `ipad`; null is the platform's default phone. */
  deviceModel: string | null
  /** `api`, `github_action`, `github_app`, `scheduled`, `webhook`, `structured_test`. */
  source: string | null
  /** `fast` or `deep`. */
  executionMode: string | null
  userName: string | null
  testId: string | null
  projectId: string | null
  createdAt: string | null
  startedAt: string | null
  completedAt: string | null
  durationMs: number | null
  autoRetryCount: number | null
  output: RunOutput | null
  testPlan: TestPlan | null
  error: RunError | null
}

export type RunOutput = TestOutput | SkippedOutput

/** `TestOutput`: what the agent found. */
interface TestOutput {
  kind: 'test'
  featureName: string
  /** `PASS` or `FAILED`; empty when the API sent none. */
  result: string
  description: string
  issues: Issue[]
  screenshots: string[]
  steps: Step[]
}

/** `PlannerSkippedOutput`: the planner found nothing user-visible to test. */
interface SkippedOutput {
  kind: 'planner_skipped'
  reason: string
}

export interface Issue {
  /** `issue` (the default when missing), `warning`, or a value added later. */
  type: string
  name: string
  description: string
  url: string
  /** 1 (minor) to 5 (critical); null when missing or not an integer in that range (unrated). */
  severity: number | null
  reproductionSteps: string[]
  expectedBehavior: string
  actualBehavior: string
  screenshotUrl: string
  tMs: number | null
}

export interface Step {
  stepIndex: number | null
  title: string
  /** `act`, `assert`, `login`, `files`, `screenshot`, `javascript`, or a value added later. */
  type: string
  /** `passed` or `failed`. */
  status: string
  summary: string
  error: string
  /** For example `AUTH_CREDENTIAL_INVALID` or `STEP_DEADLINE_EXHAUSTED`. */
  errorCode: string
  startedAtMs: number | null
  completedAtMs: number | null
}

export interface TestPlan {
  instructions: string
  focusAreas: string[]
  complexity: string
  changeType: string
  steps: { type: string; title: string }[]
}

interface RunError {
  code: string
  message: string
}

/** `warning` is the only non-blocking type; anything else, unknown values included, is an issue. */
export const isWarning = (issue: Issue): boolean => issue.type === 'warning'

/** `fail-on`: which findings fail the verdict (`never` still reports it, but passes the step). */
export type FailOn = 'failed' | 'warnings' | 'never'
/** `summary`: when to write the job summary. */
export type SummaryMode = 'always' | 'on-failure' | 'never'

/** What to start instead of waiting for given run IDs; options are only those the API takes. */
export type StartRequest =
  | {
      kind: 'test'
      id: string
      mode?: string
      platform?: string
      deviceModel?: string
      appId?: string
      environmentId?: string
    }
  | {
      kind: 'group'
      id: string
      platform?: string
      deviceModel?: string
      appId?: string
      environmentId?: string
      targetUrl?: string
      environment?: string
    }

/** The exploration agent's run (`exploration-agent: true`), checked against what the API takes. */
export interface AgentRequest {
  /** A project UUID (lower-cased) or short ID. */
  projectId: string
  /** '' only with app-path: the uploaded app's platform, known once the upload is confirmed. */
  platform: 'web' | 'ios' | 'android' | ''
  /** Web: required, except on `deployment_status`, where the deployment's URL is the default. */
  targetUrl?: string
  appId?: string
  simulatorRegion?: string
  /** The `pr-number` input; 0 when the event says which pull request. */
  prNumber: number
}

/** The agent's request as sent: its platform known (from the input, or the uploaded app). */
export type ReadyAgentRequest = AgentRequest & { platform: 'web' | 'ios' | 'android' }

/**
 * How the wait for a run ended. The first three are the run's own terminal status; `timed_out`:
 * the action stopped waiting; `not_found`: 404 past the grace window; `error`: the wait was ended
 * by an error that retrying cannot fix (a rejected key).
 */
export type FinalStatus = 'completed' | 'failed' | 'cancelled' | 'timed_out' | 'not_found' | 'error'

/** The run's own result: `''` when it has none (not completed, or the API sent none). */
export type Result = 'PASS' | 'FAILED' | 'SKIPPED' | ''

/** `on-flaky`: a run that failed and then passed on a retry passes (with a warning) or fails. */
export type OnFlaky = 'pass' | 'fail'

/**
 * One attempt after the first, started by `retry-failed`. `counts` is false for a passing group
 * member started again with its group: its result is shown, and changes nothing.
 */
export interface RetryAttempt {
  outcome: RunOutcome
  counts: boolean
  /** Why it does not count though it was started for this run (another test, platform, device). */
  notCounted?: string
}

export interface RunOutcome {
  id: string
  status: FinalStatus
  /** The last run object received, or null if none ever was. */
  run: Run | null
  /** The last response body received, as sent, for the report file. */
  body: unknown
  /** The last status the API reported, even if the wait ended before it became terminal. */
  lastStatus: string | null
  /** The last fault's message, when the wait ended without a terminal status. */
  error: string | null
  /** True when the wait ended because the caller aborted it (the runner cancelled the step). */
  cancelledByUser: boolean
}

/** Any HTTP status but the one expected. `retryAfterMs` is set when the server said how long to wait. */
export interface HttpError {
  kind: 'http-error'
  status: number
  message: string
  retryAfterMs: number | null
}

/** A success status whose body is not JSON, or not what the request returns. */
export interface InvalidBody {
  kind: 'invalid-body'
  message: string
}

/** No HTTP answer: refused, reset, DNS, TLS, or the request's own timeout. */
export interface NetworkError {
  kind: 'network-error'
  message: string
  timedOut: boolean
  /**
   * False only when the request certainly never reached the server (refused, DNS): the one case
   * where repeating a request that starts a run cannot start a second one.
   */
  mayHaveArrived: boolean
}

/** The caller's signal ended the request (the action's deadline or the runner's cancel). */
export interface Aborted {
  kind: 'aborted'
}

/** The answer is larger than `Limits.maxResponseBytes`: asking again would download it again. */
export interface TooLarge {
  kind: 'too-large'
  message: string
}

/** Every way a request can fail to give its answer; deciding what each means is the callers' job. */
export type Fault = HttpError | InvalidBody | NetworkError | TooLarge | Aborted

export interface RunReport {
  id: string
  status: FinalStatus
  result: Result
  passed: boolean
  reasons: string[]
  notes: string[]
  /**
   * Most severe first (unrated first of all: the gate treats them as reaching any threshold).
   * Findings a known-issues entry waives are in `waived` instead.
   */
  issues: Issue[]
  warnings: Issue[]
  /** Issues and warnings waived by `known-issues`, most severe first, each with its entry. */
  waived: Waiver[]
  /** The highest severity among issues of type `issue`, waived ones included. */
  maxSeverity: number
  stepsCount: number
  failedStepsCount: number
  durationMs: number | null
  featureName: string
  /** `output.description`, else the skip reason, else the run's error message. */
  description: string
  run: Run | null
  body: unknown
  lastStatus: string | null
  /** The last fault seen while waiting, when the wait ended without a terminal status. */
  error: string | null
  /** What started it, when the action did ("exploration agent, pull request #42"). */
  origin?: string
  /** TesterArmy's own GitHub reporting for the start that made this run, in a few words. */
  githubReporting?: string
  /**
   * Every attempt, first to last, when `retry-failed` started the run again (this report is the
   * attempt the verdict rests on); absent when it was not started again.
   */
  attempts?: (RunReport & { counts: boolean; notCounted?: string })[]
  /** Failed, then passed on a retry (`on-flaky` says what that does to `passed`). */
  flaky?: boolean
  /** In reports mode: the matrix leg whose report holds this run. */
  leg?: string
}

export interface Report {
  /** The waivers of this step (`known-issues`), or absent without them. */
  knownIssues?: KnownIssues
  passed: boolean
  status: FinalStatus
  result: Result
  runs: RunReport[]
  /** The API refused to go on (rejected key): shown as the action's own error. */
  fatal: string | null
  /** The runner cancelled the step while we waited. */
  cancelled: boolean
  /** Runs that failed, then passed on a retry: the commit status and the comment say how many. */
  flakyCount: number
  /** What the starts said, for the outputs: the group's batch, the agent's pull request, `metadata.github`. */
  started?: StartFacts
  /** Reports mode: the legs' reports this report combines; absent otherwise. */
  gathered?: Gathered
}

/** A leg's own verdict, as its report says it: the leg decided it, and nothing judges it again. */
export interface LegVerdict {
  /** The workflow-run attempt that wrote the report. */
  attempt: number
  passed: boolean
  status: FinalStatus
  result: Result
  /** The leg's own error (a rejected key, a failed start); untrusted text. */
  fatal: string | null
  cancelled: boolean
}

/** One matrix leg in reports mode: its report's own verdict and totals, as the leg decided them. */
export interface GatheredLeg extends LegVerdict {
  /** Untrusted: from the leg's report (its `leg` input), or its folder's or file's name. */
  name: string
  /** The report file kept for this leg (its latest workflow-run attempt). */
  file: string
  runs: number
  issues: number
  warnings: number
  flaky: number
  /** Issues and warnings the leg waived (each run's `waived`, when its report has one). */
  waived: number
}

/** A file matched by `reports` that could not be used, and its first problem. */
export interface ReportProblem {
  file: string
  problem: string
}

/** What reports mode found, kept, refused and missed. */
export interface Gathered {
  /** The `reports` patterns, one per line as given. */
  patterns: string
  /** `expected-reports`: how many legs, or which, must have reported. */
  expected: { count: number } | { names: string[] }
  /** In the order of their names. */
  legs: GatheredLeg[]
  /** Expected legs that did not report: by name, or how many short of the count. */
  missing: { count: number; names: string[] }
  problems: ReportProblem[]
  /** Files the patterns matched, of every kind: none usually means a wrong path. */
  found: number
  /** The action's own JUnit and CTRF files the patterns matched, skipped. */
  skipped: string[]
  /** The commit the kept reports tested (the commit status goes there). */
  commit: string
  /**
   * The kept reports' runs as the legs wrote them (unknown fields included), each with its `leg`,
   * read again file by file when the combined report is written, so no more than one leg's
   * report is held whole at a time.
   */
  entries(): Iterable<Record<string, unknown>>
}

/** What the start answers said, beyond the run IDs. */
export interface StartFacts {
  batchId: string
  prNumber: number | null
  /** `metadata.github` as JSON, or ''. */
  githubReporting: string
  /** TesterArmy said it comments on the pull request itself (`comment: auto` then does not). */
  testerArmyComments: boolean
  /** Why the exploration agent was not started beside a test or group (the summary says so). */
  agentNotStarted?: string
}

/** One entry of the known-issues file, as written (checked by verdict/known-issues-file.ts). */
export interface KnownIssue {
  /** The line of the entry in the file (1-based), for every message about it. */
  line: number
  name?: string
  page?: string
  /** The run's feature name (a name pattern) or the saved test's ID. */
  test?: string
  maxSeverity?: number
  /** `YYYY-MM-DD`: the last day (UTC) the entry applies. */
  until?: string
  /** An https link, shown beside the waived finding. */
  ticket?: string
  reason: string
}

/**
 * Where an entry comes from, once the base commit's copy is read. `base`: the same entry is in
 * the base's copy; `added`: the pull request adds it (or widens or extends one); `unverified`: the
 * base's copy could not be read; `no-pull-request`: nothing to compare with (a push, a schedule).
 */
export type EntryOrigin = 'base' | 'added' | 'unverified' | 'no-pull-request'

/** `known-issues-from`: which entries may waive. */
export type KnownIssuesFrom = 'workspace' | 'base'

/**
 * What the entries were compared with: the pull request's base commit, or, for a run with no pull
 * request that did not check out the default branch (a deployment, a workflow_run of a fork, a push
 * to a feature branch), the default branch: the copy people reviewed.
 */
export type BaseAgainst = 'pull-request' | 'default-branch'

/** What became of reading the reviewed copy of the file. */
export type BaseCheck =
  | { kind: 'read'; against: BaseAgainst }
  /** The file is not there: every entry is new. */
  | { kind: 'new-file'; against: BaseAgainst }
  /** Why the reviewed copy could not be read: every entry is shown unverified. */
  | { kind: 'unverified'; reason: string }
  /** The checkout is the default branch itself (a push to it, a schedule): nothing to compare. */
  | { kind: 'no-pull-request' }

/** An entry as the verdict uses it: where it comes from and whether it may waive. */
export interface KnownIssueEntry extends KnownIssue {
  origin: EntryOrigin
  /** What it was compared with, when it was (its origin is `base` or `added` then). */
  comparedWith?: BaseAgainst
  /** Why it waives nothing in this run; absent when it is in force. */
  notInForce?: 'expired' | 'not-in-base'
}

/** The waivers of one step: the file, its entries, and what the base's copy said. */
export interface KnownIssues {
  /** The file as the user named it (`known-issues`). */
  file: string
  from: KnownIssuesFrom
  base: BaseCheck
  entries: KnownIssueEntry[]
}

/** A finding waived by an entry of the known-issues file. */
export interface Waiver {
  issue: Issue
  entry: KnownIssueEntry
}
