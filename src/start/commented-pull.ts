// The commit of the pull request an issue comment is on (a `/qa` command): the event names the
// pull request but no commit, and GITHUB_SHA there is the default branch's. A group run started
// from it, and the commit status, are about the commit people see on the pull request.
import * as core from '@actions/core'
import { pullsOfThisRepository, type AgentTargetOptions } from './agent-target.js'
import type { StartRequest } from '../model.js'

/**
 * The pull request's head commit, read from GitHub in one try; '' when the event is not a
 * comment on a pull request, the commit is already known, nothing needs it (a test's start sends
 * no commit; without `commit-status` nothing else does), there is no token, or GitHub does not
 * say (then a notice says so, and the run starts without a commit, never the default branch's).
 */
export async function commentedPullHead(
  options: AgentTargetOptions,
  start: StartRequest,
  signal: AbortSignal
): Promise<string> {
  const { settings, context } = options
  if (context.eventName !== 'issue_comment' || !context.prNumber || context.sha) return ''
  if (start.kind !== 'group' && !settings.commitStatus) return ''
  if (!settings.githubToken) return ''
  let why: string
  try {
    const api = await pullsOfThisRepository(options, signal, { attempts: 1 })
    const pull = await api.getPull(context.prNumber)
    const sha = pull?.head?.sha
    if (typeof sha === 'string' && sha) return sha
    why = pull
      ? 'GitHub gave no head commit'
      : 'GitHub has no such pull request, or the token may not read it'
  } catch (error) {
    if (signal.aborted) return ''
    why = (error as Error).message.replace(/\.$/, '')
  }
  const lost = settings.commitStatus ? ', and no commit status can be posted' : ''
  core.notice(
    `The commit of pull request #${context.prNumber} could not be read from GitHub (${why}): the ${start.kind} ${start.id} is started without it${lost}.`,
    { title: 'TesterArmy pull request' }
  )
  return ''
}
