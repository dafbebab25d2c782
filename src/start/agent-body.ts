// The exploration agent's start request body (`DynamicPrRunRequest`): exactly the fields the
// API's schema allows for the platform, every text within its limits, empty optional fields left
// out; and the agent's request as sent, on the uploaded app when there is one.
import { logText } from '../escape.js'
import type { AgentRequest, ReadyAgentRequest } from '../model.js'
import { PrTextLimits, prBranch, prDescription, prTitle } from './pr-text.js'
import type { PullRequestFacts } from '../github/pull-request.js'

type AgentPlatform = 'web' | 'ios' | 'android'

/** What the inputs say about the agent's run (already validated: web has a target URL). */
interface AgentOptions {
  platform: AgentPlatform
  /** Web only, sent exactly as written. */
  targetUrl?: string
  /** Mobile only: the app build to test. */
  appId?: string
  /** Mobile only. */
  simulatorRegion?: string
}

interface AgentPullRequest {
  number: number
  title: string
  description?: string
  baseBranch?: string
  headBranch?: string
  commitSha: string
}

type AgentBody =
  | { targetUrl: string; pullRequest: AgentPullRequest }
  | {
      platform: 'ios' | 'android'
      pullRequest: AgentPullRequest
      mobile?: { appId: string }
      simulatorRegion?: string
    }

/** `descriptionMax` is lowered to 2,000 for the one retry after the API found the body too large. */
export function agentBody(
  options: AgentOptions,
  pr: PullRequestFacts,
  descriptionMax: number = PrTextLimits.descriptionMaxChars
): AgentBody {
  const description = prDescription(pr.body, descriptionMax)
  const baseBranch = prBranch(pr.baseBranch)
  const headBranch = prBranch(pr.headBranch)
  const pullRequest: AgentPullRequest = {
    number: pr.number,
    title: prTitle(pr.title, pr.number),
    ...(description !== undefined ? { description } : {}),
    ...(baseBranch !== undefined ? { baseBranch } : {}),
    ...(headBranch !== undefined ? { headBranch } : {}),
    commitSha: pr.headSha
  }
  if (options.platform === 'web') {
    return { targetUrl: options.targetUrl ?? '', pullRequest }
  }
  return {
    platform: options.platform,
    pullRequest,
    ...(options.appId ? { mobile: { appId: options.appId } } : {}),
    ...(options.simulatorRegion ? { simulatorRegion: options.simulatorRegion } : {})
  }
}

/**
 * The agent's request as sent. With app-path it tests the uploaded app: that app's ID, and its
 * platform (the input's, checked against the app, or the app's own); one the agent cannot test
 * (neither ios nor android) is an error before it starts.
 */
export function readyAgent(
  agent: AgentRequest,
  app: { id: string; platform: string } | null
): ReadyAgentRequest | { message: string } {
  const platform = app ? app.platform : agent.platform
  if (platform === 'ios' || platform === 'android' || (!app && platform === 'web'))
    return { ...agent, platform, ...(app ? { appId: app.id } : {}) }
  return {
    message: `the uploaded build is a "${logText(platform, 40)}" app, which the exploration agent cannot test: it tests ios and android builds. No run was started.`
  }
}
