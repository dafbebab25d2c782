// The inputs that say which runs to wait for: given run IDs, or what to start (a saved test, a group,
// the exploration agent on a pull request) with the options each start request takes. Pure.
import { Inputs } from '../constants.js'
import type { AgentRequest, StartRequest } from '../model.js'
import { isHttpUrl, isUuid, uniqueRunIds } from '../guards.js'
import {
  InputError,
  parseBoolean,
  parseChoice,
  parseUuid,
  quote,
  type InputSource
} from './source.js'

/** Which runs the action waits for; empty `runIds` when it starts them. */
export interface RunTarget {
  /** Run IDs to wait for, lower-cased, duplicates dropped, in the order given; empty when starting. */
  runIds: string[]
  /** The test or group to start a run of, when `test-id` or `group-id` is given. */
  start: StartRequest | null
  /** The exploration agent's run, alone or besides `start`. */
  agent: AgentRequest | null
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
/** Every option of a start request: any of them without a start would be ignored without a word. */
export const START_INPUTS = [...new Set([...TEST_INPUTS, ...GROUP_INPUTS, ...AGENT_INPUTS])]

/** A TesterArmy project's short ID: letters, digits, `-` and `_` (it goes into a URL path). */
const SHORT_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * `project-id`, checked once for the two things that need it (the exploration agent starts in the
 * project, app-path uploads to it): a UUID (lower-cased, like every ID) or a short ID; '' when empty
 * and nothing needs it. Given while nothing needs it is refused with the other start inputs.
 */
export function parseProjectId(source: InputSource): string {
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
 * Which runs to wait for: exactly one of run-id, test-id and group-id, or the exploration agent
 * (alone or with test-id or group-id), or app-path alone (upload only), with the inputs each start
 * request takes.
 */
export function parseTarget(source: InputSource, projectId: string): RunTarget {
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
    appId: option(Inputs.AppId, value => parseUuid(Inputs.AppId, value, 'a mobile app ID')),
    environmentId: option(Inputs.EnvironmentId, value =>
      parseUuid(Inputs.EnvironmentId, value, 'a project environment ID')
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
      id: parseUuid(Inputs.TestId, source.read(Inputs.TestId), 'a test ID'),
      mode: option(Inputs.Mode, choice(Inputs.Mode, ['fast', 'deep'])),
      ...shared
    })
  }
  if (kind === Inputs.GroupId) {
    return starting({
      kind: 'group',
      id: parseUuid(Inputs.GroupId, source.read(Inputs.GroupId), 'a test group ID'),
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
