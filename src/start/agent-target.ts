// Finding what the exploration agent tests: its pull request (from the event's payload, else from
// GitHub through Octokit, loaded only then) and the URL to test it at, said in the log and outputs.
import * as core from '@actions/core'
import { Outputs } from '../constants.js'
import { logText } from '../escape.js'
import type { PullsClientOptions } from '../github/pulls.js'
import type { Settings } from '../inputs/settings.js'
import type { AgentRequest } from '../model.js'
import { redact } from '../redact.js'
import {
  findPullRequest,
  type PullRequestFacts,
  type PullRequestLookup,
  type PullsApi
} from '../github/pull-request.js'
import type { WorkflowContext } from '../workflow-context.js'

export interface AgentTargetOptions {
  settings: Settings
  context: WorkflowContext
  /** GitHub's pull-request lookups (Octokit is loaded only when one is needed). */
  pulls: (options: PullsClientOptions) => Promise<PullsApi>
}

/**
 * The pull request the agent tests and the URL it tests it at, said in the log and the outputs;
 * or why there is nothing to test, or why it could not be found.
 */
export async function findAgentTarget(
  agent: AgentRequest,
  options: AgentTargetOptions,
  signal: AbortSignal
): Promise<
  | { kind: 'found'; pr: PullRequestFacts; targetUrl: string | undefined }
  | { kind: 'skipped'; reason: string; noOccasion?: boolean }
  | { kind: 'failed'; message: string }
> {
  core.startGroup('Finding the pull request for the TesterArmy exploration agent')
  const lookup = await lookUpPullRequest(options, signal)
  core.endGroup()
  if (lookup.kind === 'skipped') return lookup
  if (lookup.kind === 'failed') {
    return { kind: 'failed', message: `could not find the pull request to test: ${lookup.message}` }
  }
  for (const notice of lookup.notices) core.notice(notice, { title: 'TesterArmy pull request' })
  for (const warning of lookup.warnings ?? [])
    core.warning(warning, { title: 'TesterArmy pull request' })
  const { pr } = lookup
  const targetUrl = agent.targetUrl ?? lookup.deploymentUrl
  if (agent.platform === 'web' && !targetUrl) {
    return {
      kind: 'failed',
      message:
        "target-url is empty and the deployment_status event gives no usable http(s) environment_url or target_url: set target-url to the deployment's URL"
    }
  }
  core.setOutput(Outputs.PrNumber, String(pr.number))
  core.info(
    `Pull request #${pr.number} (${lookup.source}): "${logText(pr.title, 120)}" at ${pr.headSha.slice(0, 12)}` +
      (targetUrl ? `, testing ${targetUrl}` : '')
  )
  return { kind: 'found', pr, targetUrl }
}

/** GitHub's pull-request lookups in this workflow's repository, with the step's token. */
export function pullsOfThisRepository(
  { settings, context, pulls }: AgentTargetOptions,
  signal: AbortSignal,
  call: { attempts?: number } = {}
): Promise<PullsApi> {
  return pulls({
    token: settings.githubToken,
    apiUrl: context.apiUrl,
    owner: context.owner,
    repo: context.repo,
    signal,
    ...call,
    onRequest: line => core.debug(line)
  })
}

/** Finds the agent's pull request; GitHub (through Octokit) only when the payload does not say. */
async function lookUpPullRequest(
  options: AgentTargetOptions,
  signal: AbortSignal
): Promise<PullRequestLookup> {
  const { settings, context } = options
  // The runner always writes the event file: without it, "no pull request" would be a guess
  // (pr-number names the pull request without it; a deployment's URL and state are only in it).
  const needsPayload = !settings.agent?.prNumber || context.eventName === 'deployment_status'
  if (context.payloadError && needsPayload) {
    return {
      kind: 'failed',
      message: `${redact(context.payloadError, settings)}; the runner writes it for every job, so the pull request cannot be known from it.`
    }
  }
  // Octokit is loaded at the first call, not before: most events never need it.
  let loaded: Promise<PullsApi> | undefined
  const client = (): Promise<PullsApi> => (loaded ??= pullsOfThisRepository(options, signal))
  const api: PullsApi | null = settings.githubToken
    ? {
        getPull: async n => (await client()).getPull(n),
        pullsForCommit: async sha => (await client()).pullsForCommit(sha),
        openPullsByHead: async head => (await client()).openPullsByHead(head)
      }
    : null
  const lookup = await findPullRequest({
    eventName: context.eventName,
    payload: context.payload,
    owner: context.owner,
    repo: context.repo,
    prNumber: settings.agent?.prNumber ?? 0,
    api
  })
  return lookup.kind === 'failed'
    ? { kind: 'failed', message: redact(lookup.message, settings) }
    : lookup
}
