// Turns the workflow's inputs into one typed, validated Settings object, before any request.
import * as os from 'node:os'
import * as path from 'node:path'
import { API_KEY_ENV, DEFAULT_API_URL, Inputs, Limits } from './constants.js'
import { formatDuration, parseDuration } from './duration.js'
import type { AgentRequest, FailOn, OnFlaky, StartRequest, SummaryMode } from './model.js'
import { isHttpUrl, isLoopbackHost, isUuid, uniqueRunIds } from './guards.js'
import { parseRemoveAfter } from './upload/app-path.js'

/** A build made in the workflow, to upload before starting runs on it (or instead of any run). */
interface UploadRequest {
  /** As the user wrote it; checked on disk before any request. */
  path: string
  projectId: string
  /** Seconds TesterArmy keeps the build; null keeps it. */
  removeAfterS: number | null
  /** `platform` as given (`ios`, `android`) or '' to take the app's. */
  platform: string
}

/** The `comment` input. */
type CommentMode = 'off' | 'on' | 'auto'

export interface Settings {
  /** The build to upload first, when `app-path` is given. */
  upload: UploadRequest | null
  /** Run IDs to wait for, lower-cased, duplicates dropped, in the order given; empty when starting. */
  runIds: string[]
  /** The test or group to start a run of, when `test-id` or `group-id` is given. */
  start: StartRequest | null
  /** The exploration agent's run, alone or besides `start`. */
  agent: AgentRequest | null
  /**
   * Put the verdict on the pull request as one comment: `on` (`true`), `off` (`false`), or `auto`
   * (no comment when TesterArmy says it comments on the pull request itself).
   */
  comment: CommentMode
  /** For the comment; masked as soon as it is read. */
  githubToken: string
  /** `commit-status: true`: the status's context (`status-context`); null when off. */
  commitStatus: { context: string } | null
  /** Never logged: masked by the caller through `onSecret` as soon as it is read. */
  apiKey: string
  /** API root without a trailing slash; requests go to `${apiUrl}/v1/runs/{id}`. */
  apiUrl: string
  pollIntervalMs: number
  timeoutMs: number
  failOn: FailOn
  /** 1 to 5: issues below it are reported but do not fail the verdict. */
  minSeverity: number
  summary: SummaryMode
  annotations: boolean
  /** Absolute path of the JSON report. */
  reportPath: string
  cancelOnAbort: boolean
  /** `retry-failed`: 0 to 3 more attempts for a run whose own verdict failed. */
  retryFailed: number
  /** `on-flaky`: what a run that failed and then passed on a retry does to the verdict. */
  onFlaky: OnFlaky
}

/** A bad input. The message names the input, quotes the value and says what is accepted. */
class InputError extends Error {
  override name = 'InputError'
}

/** All the bad inputs at once, so a user fixes them in one go rather than one per run. */
export class InputErrors extends Error {
  override name = 'InputErrors'
  constructor(readonly errors: InputError[]) {
    super(errors.map(e => e.message).join('\n'))
  }
}

export interface InputSource {
  /** The raw input, as `core.getInput` gives it (trimmed, '' when unset). */
  read(name: string): string
  env: Record<string, string | undefined>
  /** Called with the API key the moment it is known, so it is masked before anything can log it. */
  onSecret(secret: string): void
  /** The event that started the workflow, where an input's meaning depends on it. */
  event?: {
    name: string
    /** On a pull request from a fork: the fork's `owner/repo` (its workflows get no secrets). */
    forkRepository?: string
  }
}

/** Quotes a user's value in an error message, shortened so a pasted blob stays one readable line. */
function quote(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, '⏎')
  return JSON.stringify(oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine)
}

export function parseSettings(source: InputSource): Settings {
  const errors: InputError[] = []
  const attempt = <T>(parse: () => T, fallback: T): T => {
    try {
      return parse()
    } catch (error) {
      if (error instanceof InputError) {
        errors.push(error)
        return fallback
      }
      throw error
    }
  }

  // The secrets first: they must be masked before any other message could echo them.
  const apiKey = attempt(() => parseApiKey(source), '')
  const githubToken = source.read(Inputs.GithubToken).trim()
  if (githubToken) source.onSecret(githubToken)
  const comment = attempt(() => parseComment(source.read(Inputs.Comment)), 'off')
  // One check of project-id for the agent and the upload, which both need it.
  const projectId = attempt(() => parseProjectId(source), '')
  const { runIds, start, agent } = attempt(() => parseTarget(source, projectId), {
    runIds: [],
    start: null,
    agent: null
  })
  const upload = attempt(() => parseUpload(source, projectId), null)
  const settings: Settings = {
    apiKey,
    upload,
    runIds,
    start,
    agent,
    comment,
    githubToken,
    commitStatus: attempt(() => parseCommitStatus(source, githubToken), null),
    apiUrl: attempt(() => parseApiUrl(source.read(Inputs.ApiUrl)), DEFAULT_API_URL),
    pollIntervalMs: attempt(() => parsePollInterval(source.read(Inputs.PollInterval)), 5_000),
    timeoutMs: attempt(() => parseTimeout(source.read(Inputs.Timeout)), 30 * 60_000),
    failOn: attempt(
      () => parseChoice(Inputs.FailOn, source.read(Inputs.FailOn), 'failed', FAIL_ON),
      'failed' as FailOn
    ),
    minSeverity: attempt(() => parseMinSeverity(source.read(Inputs.MinSeverity)), 1),
    summary: attempt(() => parseSummaryMode(source.read(Inputs.Summary)), 'always' as SummaryMode),
    annotations: attempt(
      () => parseBoolean(Inputs.Annotations, source.read(Inputs.Annotations), true),
      true
    ),
    reportPath: attempt(() => parseReportPath(source.read(Inputs.ReportPath), source.env), ''),
    cancelOnAbort: attempt(
      () => parseBoolean(Inputs.CancelOnAbort, source.read(Inputs.CancelOnAbort), true),
      true
    ),
    retryFailed: attempt(() => parseRetryFailed(source.read(Inputs.RetryFailed)), 0),
    onFlaky: attempt(
      () => parseChoice(Inputs.OnFlaky, source.read(Inputs.OnFlaky), 'pass', ['pass', 'fail']),
      'pass' as OnFlaky
    )
  }
  if (errors.length > 0) throw new InputErrors(errors)
  return settings
}

function parseApiKey(source: InputSource): string {
  const key = source.read(Inputs.ApiKey).trim() || (source.env[API_KEY_ENV] ?? '').trim()
  if (key) source.onSecret(key)
  const fork = source.event?.forkRepository
  if (!key && fork) {
    throw new InputError(
      `Input '${Inputs.ApiKey}' is empty because this pull request comes from a fork (${fork}): GitHub gives no secrets ` +
        `to pull_request workflows of forks. Test forks from a workflow_run or deployment_status workflow (see the README), ` +
        `or skip the step for them with if: github.event.pull_request.head.repo.full_name == github.repository.`
    )
  }
  if (!key) {
    throw new InputError(
      `Input '${Inputs.ApiKey}' is empty and ${API_KEY_ENV} is not set: pass your TesterArmy API key, ` +
        `for example api-key: \${{ secrets.TESTERARMY_API_KEY }}.`
    )
  }
  // Never quote the key itself. A control character or space would corrupt the Authorization
  // header, which is the usual sign of a secret pasted with its line break.
  if (!/^[\u0021-\u007e]+$/.test(key)) {
    throw new InputError(
      `Input '${Inputs.ApiKey}' contains spaces, line breaks or non-ASCII characters (value not shown): ` +
        `an API key is one line of printable ASCII; check the secret for a pasted line break.`
    )
  }
  if (key.length < Limits.minApiKeyLength) {
    throw new InputError(
      `Input '${Inputs.ApiKey}' is only ${key.length} characters long (value not shown): a TesterArmy API key ` +
        `has at least ${Limits.minApiKeyLength}; check that the secret holds the whole key.`
    )
  }
  return key
}

const TEST_INPUTS = [
  Inputs.Mode,
  Inputs.Platform,
  Inputs.DeviceModel,
  Inputs.AppId,
  Inputs.EnvironmentId
] as const
const GROUP_INPUTS = [
  Inputs.Platform,
  Inputs.DeviceModel,
  Inputs.AppId,
  Inputs.EnvironmentId,
  Inputs.TargetUrl,
  Inputs.Environment
] as const
/** What `DynamicPrRunRequest` takes (device model, mode and environments it does not). */
const AGENT_INPUTS = [
  Inputs.ProjectId,
  Inputs.Platform,
  Inputs.AppId,
  Inputs.TargetUrl,
  Inputs.PrNumber,
  Inputs.SimulatorRegion
] as const
const START_INPUTS = [...new Set([...TEST_INPUTS, ...GROUP_INPUTS, ...AGENT_INPUTS])]

/** A TesterArmy project's short ID: letters, digits, `-` and `_` (it goes into a URL path). */
const SHORT_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * `project-id`, checked once for the two things that need it (the exploration agent starts in the
 * project, app-path uploads to it): a UUID (lower-cased, like every ID) or a short ID; '' when empty
 * and nothing needs it. Given while nothing needs it is refused with the other start inputs.
 */
function parseProjectId(source: InputSource): string {
  const projectId = source.read(Inputs.ProjectId).trim()
  const neededBy = [
    ...(agentWanted(source) ? [Inputs.ExplorationAgent] : []),
    ...(source.read(Inputs.AppPath).trim() ? [Inputs.AppPath] : [])
  ]
  if (!projectId) {
    if (neededBy.length === 0) return ''
    throw new InputError(
      `Input '${Inputs.ProjectId}' is required with ${neededBy.join(' and ')}: the TesterArmy project ` +
        `${neededBy.includes(Inputs.AppPath) ? 'the build is uploaded to' : 'to test'} (its UUID or short ID, from the project's settings).`
    )
  }
  if (isUuid(projectId)) return projectId.toLowerCase()
  if (SHORT_ID.test(projectId)) return projectId
  throw new InputError(
    `Input '${Inputs.ProjectId}' is ${quote(projectId)}, which is not a project ID: expected a project UUID or short ID ` +
      `(up to 64 letters, digits, - and _).`
  )
}

/** `exploration-agent: true`; a value that is not a boolean is reported by parseTarget, once. */
function agentWanted(source: InputSource): boolean {
  try {
    return parseBoolean(Inputs.ExplorationAgent, source.read(Inputs.ExplorationAgent), false)
  } catch {
    return false
  }
}

/**
 * `app-path` with how long the build is kept; null without `app-path`. The project is `project-id`,
 * checked by parseProjectId ('' when it was refused there).
 */
function parseUpload(source: InputSource, projectId: string): UploadRequest | null {
  const path = source.read(Inputs.AppPath).trim()
  if (!path) return null
  if (source.read(Inputs.RunId).trim()) {
    throw new InputError(
      `Inputs '${Inputs.AppPath}' and '${Inputs.RunId}' are both set: an uploaded build is used by the runs this action starts ` +
        `(${Inputs.TestId}, ${Inputs.GroupId}, ${Inputs.ExplorationAgent}); runs given by ${Inputs.RunId} already exist.`
    )
  }
  const appId = source.read(Inputs.AppId).trim()
  if (appId) {
    throw new InputError(
      `Inputs '${Inputs.AppPath}' and '${Inputs.AppId}' are both set: the runs use the build uploaded from ${Inputs.AppPath}; ` +
        `give ${Inputs.AppId} ${quote(appId)} alone to test an app uploaded earlier.`
    )
  }
  const removeAfter = parseRemoveAfter(source.read(Inputs.AppRemoveAfter) || '24h')
  if ('message' in removeAfter) throw new InputError(removeAfter.message)
  const platform = source.read(Inputs.Platform).trim().toLowerCase()
  if (platform && platform !== 'ios' && platform !== 'android') {
    throw new InputError(
      `Input '${Inputs.Platform}' is ${quote(platform)}, but '${Inputs.AppPath}' uploads a mobile build: expected ios, android, or empty to take the app's.`
    )
  }
  return { path, projectId, removeAfterS: removeAfter.seconds, platform }
}

/**
 * Which runs to wait for: exactly one of run-id, test-id and group-id, or the exploration agent
 * (alone or with test-id or group-id), or app-path alone (upload only), with the inputs each start
 * request takes.
 */
function parseTarget(
  source: InputSource,
  projectId: string
): {
  runIds: string[]
  start: StartRequest | null
  agent: AgentRequest | null
} {
  const agentOn = parseBoolean(Inputs.ExplorationAgent, source.read(Inputs.ExplorationAgent), false)
  const uploading = source.read(Inputs.AppPath).trim() !== ''
  const given = [Inputs.RunId, Inputs.TestId, Inputs.GroupId].filter(
    name => source.read(name).trim() !== ''
  )
  // `app-path` alone uploads the build and starts nothing; `platform` then only checks the build.
  if (given.length === 0 && !agentOn && uploading) {
    // project-id is where the build goes; app-id is refused by parseUpload, once.
    const stray = START_INPUTS.find(
      n =>
        n !== Inputs.Platform &&
        n !== Inputs.ProjectId &&
        n !== Inputs.AppId &&
        source.read(n).trim() !== ''
    )
    if (stray) {
      throw new InputError(
        `Input '${stray}' is ${quote(source.read(stray).trim())}, but it applies only when the action starts a run ` +
          `(${Inputs.TestId}, ${Inputs.GroupId} or ${Inputs.ExplorationAgent}); ${Inputs.AppPath} alone only uploads the build.`
      )
    }
    return { runIds: [], start: null, agent: null }
  }
  if (given.length === 0 && !agentOn) {
    throw new InputError(
      `One of '${Inputs.RunId}', '${Inputs.TestId}', '${Inputs.GroupId}' or '${Inputs.ExplorationAgent}: true' is required: ` +
        `the run(s) to wait for, the test or group to start a run of, or the pull request to test ` +
        `(or '${Inputs.AppPath}' alone, to upload a build).`
    )
  }
  if (given.length > 1) {
    throw new InputError(
      `Inputs ${given.map(n => `'${n}'`).join(' and ')} are both set: give exactly one of '${Inputs.RunId}' ` +
        `(wait for runs started elsewhere), '${Inputs.TestId}' or '${Inputs.GroupId}' (start a run and wait for it).`
    )
  }
  const kind = given[0]
  if (agentOn && kind === Inputs.RunId) {
    throw new InputError(
      `Inputs '${Inputs.ExplorationAgent}' and '${Inputs.RunId}' are both set: the exploration agent starts a run, ` +
        `while ${Inputs.RunId} waits for runs started elsewhere; give one of them.`
    )
  }
  if (kind === Inputs.RunId && uploading) return { runIds: [], start: null, agent: null } // reported by parseUpload, once
  const takes = new Set<string>([
    ...(kind === Inputs.TestId ? TEST_INPUTS : kind === Inputs.GroupId ? GROUP_INPUTS : []),
    ...(agentOn ? AGENT_INPUTS : []),
    // The project the build is uploaded to.
    ...(uploading ? [Inputs.ProjectId] : [])
  ])
  const runName = kind === Inputs.TestId ? 'test run' : 'group run'
  for (const name of START_INPUTS) {
    const value = source.read(name).trim()
    if (!value || takes.has(name)) continue
    const takers = [
      ...((TEST_INPUTS as readonly string[]).includes(name) ? [Inputs.TestId] : []),
      ...((GROUP_INPUTS as readonly string[]).includes(name) ? [Inputs.GroupId] : []),
      ...((AGENT_INPUTS as readonly string[]).includes(name) ? [Inputs.ExplorationAgent] : []),
      ...(name === Inputs.ProjectId ? [Inputs.AppPath] : [])
    ]
      .join(', ')
      .replace(/, ([^,]*)$/, ' and $1')
    const why =
      kind === Inputs.RunId
        ? `it applies only when the action starts a run (${Inputs.TestId}, ${Inputs.GroupId} or ${Inputs.ExplorationAgent}); with ${Inputs.RunId} the run already exists`
        : !agentOn
          ? `a ${runName} does not take it; it applies to ${takers} only`
          : kind
            ? `neither the ${runName} nor the exploration agent takes it; it applies to ${takers} only`
            : `the exploration agent does not take it; it applies to ${takers} only`
    throw new InputError(`Input '${name}' is ${quote(value)}, but ${why}.`)
  }
  if (kind === Inputs.RunId) {
    return { runIds: parseRunIds(source.read(Inputs.RunId)), start: null, agent: null }
  }

  const option = (name: string, check: (value: string) => string): string | undefined => {
    const value = source.read(name).trim()
    return value ? check(value) : undefined
  }
  const choice = (name: string, choices: readonly string[]) => (value: string) =>
    parseChoice(name, value, '', choices)
  const shared = {
    platform: option(Inputs.Platform, choice(Inputs.Platform, ['web', 'ios', 'android'])),
    deviceModel: option(Inputs.DeviceModel, choice(Inputs.DeviceModel, ['iphone', 'ipad'])),
    appId: option(Inputs.AppId, value => uuid(Inputs.AppId, value, 'a mobile app ID')),
    environmentId: option(Inputs.EnvironmentId, value =>
      uuid(Inputs.EnvironmentId, value, 'a project environment ID')
    )
  }
  const targetUrl = option(Inputs.TargetUrl, parseTargetUrl)
  const agent = agentOn
    ? parseAgent(source, { ...shared, projectId, uploading }, targetUrl, kind !== undefined)
    : null
  const starting = (start: StartRequest | null) => ({ runIds: [], start, agent })
  if (kind === Inputs.TestId) {
    return starting({
      kind: 'test',
      id: uuid(Inputs.TestId, source.read(Inputs.TestId), 'a test ID'),
      mode: option(Inputs.Mode, choice(Inputs.Mode, ['fast', 'deep'])),
      ...shared
    })
  }
  if (kind === Inputs.GroupId) {
    return starting({
      kind: 'group',
      id: uuid(Inputs.GroupId, source.read(Inputs.GroupId), 'a test group ID'),
      ...shared,
      targetUrl,
      environment: option(
        Inputs.Environment,
        choice(Inputs.Environment, ['production', 'staging', 'preview', 'custom'])
      )
    })
  }
  return starting(null)
}

/**
 * The agent's inputs, refused here when `DynamicPrRunRequest` would refuse them. With app-path the
 * agent tests the uploaded build: its platform is the input's, or '' to take the app's once known.
 */
function parseAgent(
  source: InputSource,
  shared: { platform?: string; appId?: string; projectId: string; uploading: boolean },
  targetUrl: string | undefined,
  withOtherRuns: boolean
): AgentRequest {
  const { projectId, uploading } = shared
  const prRaw = source.read(Inputs.PrNumber).trim().replace(/^#/, '')
  if (prRaw && !/^[1-9]\d{0,9}$/.test(prRaw)) {
    throw new InputError(
      `Input '${Inputs.PrNumber}' is ${quote(source.read(Inputs.PrNumber).trim())}: expected a pull request number such as 42.`
    )
  }
  // app-path uploads a mobile build (parseUpload refuses platform: web), so no web default then.
  const platform = (shared.platform ?? (uploading ? '' : 'web')) as AgentRequest['platform']
  const region = source.read(Inputs.SimulatorRegion).trim().toLowerCase()
  if (platform === 'web' && uploading) {
    // refused by parseUpload, once
  } else if (platform === 'web') {
    if (region) {
      throw new InputError(
        `Input '${Inputs.SimulatorRegion}' is ${quote(region)}, but the platform is web: a simulator region applies to ios and android only.`
      )
    }
    if (shared.appId && !withOtherRuns) {
      throw new InputError(
        `Input '${Inputs.AppId}' is ${quote(shared.appId)}, but the platform is web: the exploration agent tests a web app at ${Inputs.TargetUrl}; set ${Inputs.Platform}: ios or android to test an app.`
      )
    }
    // On deployment_status the deployment's own URL is the default, read from the event later.
    if (!targetUrl && source.event?.name !== 'deployment_status') {
      throw new InputError(
        `Input '${Inputs.TargetUrl}' is required with ${Inputs.ExplorationAgent} on the web: the URL of the deployment ` +
          `to test, such as a preview of the pull request (on deployment_status events it defaults to the deployment's URL).`
      )
    }
  } else {
    if (targetUrl && uploading) {
      throw new InputError(
        `Input '${Inputs.TargetUrl}' is ${quote(targetUrl)}, but ${Inputs.AppPath} uploads a mobile build: the exploration ` +
          `agent tests that app, not a URL; leave ${Inputs.TargetUrl} empty.`
      )
    }
    if (targetUrl) {
      throw new InputError(
        `Input '${Inputs.TargetUrl}' is ${quote(targetUrl)}, but the platform is ${platform}: the exploration agent tests ` +
          `the app given by ${Inputs.AppId} there, not a URL; leave ${Inputs.TargetUrl} empty or set ${Inputs.Platform}: web.`
      )
    }
    if (region && !SIMULATOR_REGIONS.includes(region)) {
      throw new InputError(
        `Input '${Inputs.SimulatorRegion}' is ${quote(region)}: expected one of ${SIMULATOR_REGIONS.join(', ')}.`
      )
    }
  }
  return {
    projectId,
    platform,
    ...(targetUrl ? { targetUrl } : {}),
    ...(platform !== 'web' && shared.appId ? { appId: shared.appId } : {}),
    ...(region ? { simulatorRegion: region } : {}),
    prNumber: prRaw ? Number(prRaw) : 0
  }
}

const SIMULATOR_REGIONS: readonly string[] = ['eu-north1', 'us-west1']

function uuid(name: string, raw: string, what: string): string {
  const value = raw.trim()
  if (isUuid(value)) return value.toLowerCase()
  throw new InputError(
    `Input '${name}' is ${quote(value)}, which is not ${what}: expected a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.`
  )
}

function parseTargetUrl(value: string): string {
  // Sent exactly as written: a preview URL's path or missing trailing slash can matter to its host.
  if (isHttpUrl(value)) {
    // A branch name put into the host (`https://${branch}.preview.example.com`) may hold `@` and
    // `/` (`a@evil.example/x`): the part before the `@` becomes user info, and the host moves.
    const { username, password, hostname } = new URL(value)
    if (!username && !password) return value
    throw new InputError(
      `Input '${Inputs.TargetUrl}' is ${quote(value)}: it holds user info (the part before @), which moves the host to ${hostname}; ` +
        'build the URL from something that cannot hold @ or / (the pull request number, or a slug of the branch).'
    )
  }
  throw new InputError(
    `Input '${Inputs.TargetUrl}' is ${quote(value)}: expected the http(s) URL of the deployment to test, such as https://preview-42.example.com.`
  )
}

function parseRunIds(raw: string): string[] {
  const tokens = raw.split(/[\s,]+/).filter(Boolean)
  if (tokens.length === 0) {
    throw new InputError(
      `Input '${Inputs.RunId}' is required: one or more TesterArmy run IDs (UUIDs), separated by ` +
        `commas, spaces or newlines.`
    )
  }
  const bad = tokens.filter(t => !isUuid(t))
  if (bad.length > 0) {
    const shown =
      bad.slice(0, 3).map(quote).join(', ') + (bad.length > 3 ? ` and ${bad.length - 3} more` : '')
    throw new InputError(
      `Input '${Inputs.RunId}' has ${shown}, which ${bad.length === 1 ? 'is not a run ID' : 'are not run IDs'}: ` +
        `expected UUIDs such as 3fa85f64-5717-4562-b3fc-2c963f66afa6, separated by commas, spaces or newlines.`
    )
  }
  return uniqueRunIds(tokens)
}

function parseApiUrl(raw: string): string {
  const value = raw.trim() || DEFAULT_API_URL
  const accepted = `an https URL such as ${DEFAULT_API_URL} (http only to 127.0.0.1, ::1 or localhost)`
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(
      `Input '${Inputs.ApiUrl}' is ${quote(value)}, which is not a URL: expected ${accepted}.`
    )
  }
  const secure = url.protocol === 'https:'
  const localHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname)
  if (!secure && !localHttp) {
    throw new InputError(
      `Input '${Inputs.ApiUrl}' is ${quote(value)}: the API key must not travel unencrypted; expected ${accepted}.`
    )
  }
  // A bare `?` or `#` leaves `search` and `hash` empty but stays in the URL, and every request
  // path would land after it.
  if (url.username || url.password || /[?#]/.test(value)) {
    throw new InputError(
      `Input '${Inputs.ApiUrl}' is ${quote(value)}: credentials, a query or a fragment cannot be part of the API root; expected ${accepted}.`
    )
  }
  return url.href.replace(/\/+$/, '')
}

function parsePollInterval(raw: string): number {
  const value = raw.trim() || '5s'
  const ms = parseDuration(value)
  if (ms === null || ms < Limits.minPollIntervalMs) {
    throw new InputError(
      `Input '${Inputs.PollInterval}' is ${quote(value)}: expected a duration of at least ` +
        `${formatDuration(Limits.minPollIntervalMs)}, such as 5s, 30s or 1m (a plain number is seconds).`
    )
  }
  return ms
}

function parseTimeout(raw: string): number {
  const value = raw.trim() || '30m'
  const ms = parseDuration(value)
  if (ms === null || ms <= 0 || ms > Limits.maxTimeoutMs) {
    throw new InputError(
      `Input '${Inputs.Timeout}' is ${quote(value)}: expected a duration above 0 and at most 6h, ` +
        `such as 30m, 90s or 2h (a plain number is seconds).`
    )
  }
  return ms
}

const FAIL_ON: readonly FailOn[] = ['failed', 'warnings', 'never']

/** One of `choices`, in any case; an empty value is `fallback` (the inputs' one choice parser). */
function parseChoice<T extends string>(
  name: string,
  raw: string,
  fallback: T | '',
  choices: readonly T[]
): T {
  const value = raw.trim().toLowerCase() || fallback
  if ((choices as readonly string[]).includes(value)) return value as T
  throw new InputError(
    `Input '${name}' is ${quote(raw.trim())}: expected one of ${choices.join(', ')}.`
  )
}

function parseMinSeverity(raw: string): number {
  const value = raw.trim() || '1'
  if (/^[1-5]$/.test(value)) return Number(value)
  throw new InputError(
    `Input '${Inputs.MinSeverity}' is ${quote(value)}: expected a whole number from 1 (minor) to 5 (critical).`
  )
}

function parseRetryFailed(raw: string): number {
  const value = raw.trim() || '0'
  if (/^[0-9]$/.test(value) && Number(value) <= Limits.maxRetries) return Number(value)
  throw new InputError(
    `Input '${Inputs.RetryFailed}' is ${quote(value)}: expected a whole number from 0 (no retry) to ${Limits.maxRetries}.`
  )
}

function parseSummaryMode(raw: string): SummaryMode {
  const value = raw.trim().toLowerCase()
  if (value === 'true') return 'always'
  if (value === 'false') return 'never'
  return parseChoice(Inputs.Summary, raw, 'always', ['always', 'on-failure', 'never'] as const)
}

/** `commit-status` and its `status-context`: one line GitHub shows beside the commit. */
function parseCommitStatus(source: InputSource, githubToken: string): { context: string } | null {
  if (!parseBoolean(Inputs.CommitStatus, source.read(Inputs.CommitStatus), false)) return null
  const raw = source.read(Inputs.StatusContext)
  const context = raw.trim() || 'TesterArmy'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(context)) {
    throw new InputError(
      `Input '${Inputs.StatusContext}' is ${quote(raw)}: expected one line, such as TesterArmy or TesterArmy / web.`
    )
  }
  if (!githubToken) {
    throw new InputError(
      `Input '${Inputs.GithubToken}' is empty, but ${Inputs.CommitStatus} is true: the commit status is posted with it ` +
        `(the default, \${{ github.token }}, works with permissions: statuses: write).`
    )
  }
  return { context }
}

/** `comment`: a boolean, or `auto` (comment unless TesterArmy comments itself). */
function parseComment(raw: string): CommentMode {
  if (raw.trim().toLowerCase() === 'auto') return 'auto'
  try {
    return parseBoolean(Inputs.Comment, raw, false) ? 'on' : 'off'
  } catch {
    throw new InputError(
      `Input '${Inputs.Comment}' is ${quote(raw.trim())}: expected true, false or auto.`
    )
  }
}

/** Same spellings as `core.getBooleanInput` (YAML 1.2 core schema), with our own error message. */
function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim()
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(`Input '${name}' is ${quote(value)}: expected true or false.`)
}

function parseReportPath(raw: string, env: Record<string, string | undefined>): string {
  const value = raw.trim()
  if (value.includes('\u0000')) {
    throw new InputError(`Input '${Inputs.ReportPath}' is ${quote(value)}: expected a file path.`)
  }
  if (value) return path.resolve(value)
  const dir = env.RUNNER_TEMP?.trim() || os.tmpdir()
  return path.resolve(dir, 'testerarmy-report.json')
}
