// Names and limits shared across the action: every input and output name is spelled here once.

/** Kept in step with package.json by a test; sent as the User-Agent. */
export const VERSION = '1.0.0'

export const Inputs = {
  RunId: 'run-id',
  ApiKey: 'api-key',
  ApiUrl: 'api-url',
  PollInterval: 'poll-interval',
  Timeout: 'timeout',
  FailOn: 'fail-on',
  MinSeverity: 'min-severity',
  Summary: 'summary',
  Annotations: 'annotations',
  ReportPath: 'report-path',
  CancelOnAbort: 'cancel-on-abort',
  TestId: 'test-id',
  GroupId: 'group-id',
  Mode: 'mode',
  Platform: 'platform',
  DeviceModel: 'device-model',
  AppId: 'app-id',
  EnvironmentId: 'environment-id',
  TargetUrl: 'target-url',
  Environment: 'environment',
  Comment: 'comment',
  GithubToken: 'github-token',
  CommitStatus: 'commit-status',
  StatusContext: 'status-context',
  ExplorationAgent: 'exploration-agent',
  ProjectId: 'project-id',
  PrNumber: 'pr-number',
  SimulatorRegion: 'simulator-region',
  AppPath: 'app-path',
  AppRemoveAfter: 'app-remove-after',
  RetryFailed: 'retry-failed',
  OnFlaky: 'on-flaky',
  Leg: 'leg',
  Reports: 'reports',
  ExpectedReports: 'expected-reports',
  KnownIssues: 'known-issues',
  KnownIssuesFrom: 'known-issues-from'
} as const

export const Outputs = {
  RunId: 'run-id',
  Status: 'status',
  Result: 'result',
  Passed: 'passed',
  IssuesCount: 'issues-count',
  WarningsCount: 'warnings-count',
  MaxSeverity: 'max-severity',
  StepsCount: 'steps-count',
  FailedStepsCount: 'failed-steps-count',
  DurationMs: 'duration-ms',
  FeatureName: 'feature-name',
  Description: 'description',
  ReportPath: 'report-path',
  Runs: 'runs',
  BatchId: 'batch-id',
  PrNumber: 'pr-number',
  GithubReporting: 'github-reporting',
  AppId: 'app-id',
  AppPlatform: 'app-platform',
  AppVersion: 'app-version',
  FlakyCount: 'flaky-count',
  JunitPath: 'junit-path',
  CtrfPath: 'ctrf-path',
  ReportsCount: 'reports-count',
  WaivedCount: 'waived-count'
} as const

/** The environment variable read when the `api-key` input is empty. */
export const API_KEY_ENV = 'TESTERARMY_API_KEY'

export const DEFAULT_API_URL = 'https://tester.army/api'

/**
 * The report file's format (`schemas/report.schema.json`): a new optional field is a minor
 * version, anything else a new major. Reports mode reads every report of the same major.
 */
export const REPORT_SCHEMA_VERSION = '1.0.0'

export const Limits = {
  /**
   * The shortest API key accepted. Real keys are long random strings; the key is scrubbed from
   * every text the API sends, and a key as short as an ordinary word (`ted`, `test`) could not be
   * scrubbed without mangling statuses, paths and sentences that merely contain it.
   */
  minApiKeyLength: 16,
  /** The shortest `poll-interval`: faster polling only costs the API and the user's rate limit. */
  minPollIntervalMs: 1_000,
  /** GitHub ends a job after 6 hours, so a longer `timeout` could never be reached. */
  maxTimeoutMs: 6 * 60 * 60 * 1_000,
  /** Each request gets its own deadline, so one hung connection cannot eat the whole wait. */
  requestTimeoutMs: 30_000,
  /** Backoff never waits longer than this between two tries of one run. */
  maxBackoffMs: 60_000,
  /** A run created a moment ago may not be readable yet; a 404 is trusted only after this long. */
  notFoundGraceMs: 60_000,
  /** The runner sends SIGKILL a few seconds after its first signal; cancelling must fit inside. */
  cancelRequestTimeoutMs: 3_000,
  /**
   * After the runner's cancel, a start request already sent may still answer this long: the runs
   * it started are then known, and cancelled, instead of left running where nobody looks. Short,
   * as the step must end within 4 s of the signal.
   */
  startAnswerGraceMs: 1_000,
  /**
   * A cancel request given less than this cannot get an answer (a request to the API takes tens of
   * milliseconds at best): once the batch cancel has used the budget, the rest are not sent.
   */
  cancelMinBudgetMs: 100,
  /**
   * After the runner's first signal the process exits by this time whatever is still pending: the
   * runner waits 7.5 s before SIGTERM and 2.5 s more before SIGKILL; we promise 4 s.
   */
  cancelExitMs: 3_800,
  /**
   * A response body larger than this is not read (and not asked for again). A real run of 100,000
   * issues is about 72 MB; this leaves room above it while keeping memory bounded.
   */
  maxResponseBytes: 128 * 1024 * 1024,
  /**
   * A page of the run list heavier than this is mostly finished runs' findings (ours and other
   * workflows'), downloaded again every interval: reading our runs one by one then costs less, so
   * the list is not used again.
   */
  maxListPageBytes: 8 * 1024 * 1024,
  /**
   * GitHub rejects a step summary over 1 MiB, whole. Keep ours under it with room to spare for the
   * runner's own bookkeeping.
   */
  summaryMaxBytes: 1_000_000,
  /**
   * The longest text output (`feature-name`, `description`), in bytes. GitHub keeps about 1 MB of
   * outputs per job, shared with every other step; the report file has the full text.
   */
  maxTextOutputBytes: 16 * 1024,
  /** GitHub shows at most 10 error and 10 warning annotations per step. */
  maxErrorAnnotations: 10,
  maxWarningAnnotations: 10,
  /** GitHub refuses a comment body over 65,536 characters; the comment stays well under it. */
  commentMaxChars: 60_000,
  /** The comment lists this many of the most severe issues; the summary has the rest. */
  commentMaxIssues: 5,
  /**
   * All the calls to GitHub for the comment together (identity, listing, writing) end within this:
   * a stalled GitHub must not hold the step for minutes.
   */
  commentTimeoutMs: 30_000,
  /**
   * All the commit status posts together hold the step at most this long once the wait is over
   * (the pending one still going, and the verdict): a stalled GitHub must not hold the step for
   * a minute, as the comment's own limit says.
   */
  statusTimeoutMs: 30_000,
  /**
   * After the runner's cancel, the final commit status is tried until this long before the hard
   * exit: what is left is for the report files, the outputs and the summary.
   */
  statusBeforeExitMs: 1_000,
  /**
   * The most `retry-failed` takes: each attempt is a whole run of an AI agent, and a run that fails
   * four times in a row is failing, not flaky.
   */
  maxRetries: 3,
  /**
   * The largest leg report reports mode reads. A leg's report holds the bodies of its runs (a
   * typical run is tens of KB); a file larger than this is not a report the action wrote for a
   * sane matrix leg, and reading it whole would take hundreds of MB of memory.
   */
  maxReportFileBytes: 64 * 1024 * 1024,
  /**
   * A known-issues file larger than this is not read: a file of waivers people review is a few
   * kilobytes, and the file is parsed whole.
   */
  maxKnownIssuesBytes: 1024 * 1024,
  /** Waived findings listed per run in the `runs` output; the report file lists every one. */
  maxWaiversListed: 100,
  /** GitHub shows at most 10 notice annotations per step: one per waived finding, up to this. */
  maxNoticeAnnotations: 10
} as const

/** Statuses after which a run never changes again (API `RunResponse.status`). */
export const TERMINAL_STATUSES: readonly string[] = ['completed', 'failed', 'cancelled']
/** Statuses the API documents as not finished yet; any other unknown value is logged once. */
export const WAITING_STATUSES: readonly string[] = ['queued', 'running']
