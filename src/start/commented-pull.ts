// The commit of the pull request an issue comment is on (a `/qa` command): the event names the
// pull request but no commit, and GITHUB_SHA there is the default branch's. A test or group run
// started from it, and its commit status, are about the commit people see on the pull request.
import * as core from '@actions/core'
import type { AgentTargetOptions } from './agent-target.js'

/**
 * The pull request's head commit, read from GitHub; '' when the event is not a comment on a pull
 * request, the commit is already known, there is no token, or GitHub does not say (then no
 * commit is sent, as before, and a notice says why).
 */
export async function commentedPullHead(
  { settings, context, pulls }: AgentTargetOptions,
  signal: AbortSignal
): Promise<string> {
  if (context.eventName !== 'issue_comment' || !context.prNumber || context.sha) return ''
  if (!settings.githubToken) return ''
  try {
    const api = await pulls({
      token: settings.githubToken,
      apiUrl: context.apiUrl,
      owner: context.owner,
      repo: context.repo,
      signal,
      onRequest: line => core.debug(line)
    })
    const sha = (await api.getPull(context.prNumber))?.head?.sha
    if (typeof sha === 'string' && sha) return sha
    throw new Error('GitHub gave no head commit')
  } catch (error) {
    core.notice(
      `The commit of pull request #${context.prNumber} could not be read from GitHub (${(error as Error).message}): the run is started without it, and no commit status can be posted.`,
      { title: 'TesterArmy pull request' }
    )
    return ''
  }
}
