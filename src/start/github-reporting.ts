// What TesterArmy says about its own reporting to GitHub (`metadata.github` of a start answer):
// read defensively, and turned into one log line and one notice or warning a user can act on.
import { logText } from '../escape.js'
import { isPlainObject } from '../guards.js'

/** The fields the API documents; `status` may be a value this action does not know yet. */
interface GitHubReporting {
  configured?: boolean
  checkRunCreated?: boolean
  commentTargetResolved?: boolean
  status?: string
}

/** Reads `metadata.github` from a start answer; null when absent or not an object. */
export function parseGitHubReporting(answer: unknown): GitHubReporting | null {
  const metadata = (answer as { metadata?: unknown } | null)?.metadata
  const github = (metadata as { github?: unknown } | null | undefined)?.github
  if (!isPlainObject(github)) return null
  const raw = github
  const out: GitHubReporting = {}
  for (const key of ['configured', 'checkRunCreated', 'commentTargetResolved'] as const) {
    if (typeof raw[key] === 'boolean') out[key] = raw[key]
  }
  // Kept short: it is shown as received, and a status is a word, not a story.
  if (typeof raw.status === 'string' && raw.status.trim()) out.status = raw.status.slice(0, 100)
  return out
}

/** TesterArmy comments on the pull request itself: `comment: auto` then leaves it alone. */
export const testerArmyComments = (reporting: GitHubReporting | null): boolean =>
  reporting?.commentTargetResolved === true

const yesNo = (value: boolean | undefined): string =>
  value === undefined ? 'not said' : value ? 'yes' : 'no'

export interface ReportingNote {
  /** One line for the log. */
  line: string
  /** The same without its label, for the summary's run facts. */
  facts: string
  /** The annotation, when the status asks the user to do something (or is unknown). */
  annotation: { level: 'notice' | 'warning'; message: string } | null
}

/** `agent`: the exploration agent is among the runs (its planner needs the changed files). */
export function describeGitHubReporting(reporting: GitHubReporting, agent: boolean): ReportingNote {
  const status = reporting.status === undefined ? '' : logText(reporting.status, 100)
  const facts =
    `connected ${yesNo(reporting.configured)}, check run ${yesNo(reporting.checkRunCreated)}, ` +
    `comments on the pull request ${yesNo(reporting.commentTargetResolved)}` +
    (status ? `, status ${status}` : '')
  const line = `TesterArmy's own GitHub reporting: ${facts}`
  const note = (annotation: ReportingNote['annotation']): ReportingNote => ({
    line,
    facts,
    annotation
  })
  switch (reporting.status) {
    case undefined:
      return note(null)
    case 'not_configured':
      return note({
        level: agent ? 'warning' : 'notice',
        message:
          'TesterArmy has no GitHub connection for this project (not_configured): it opens no check and writes no comment' +
          (agent
            ? ', and the exploration agent plans from the title and description alone, without the changed files'
            : '') +
          ". Connect the GitHub App in TesterArmy's project settings, under integrations."
      })
    case 'check_create_failed':
      return note({
        level: 'warning',
        message:
          'TesterArmy could not create its own check run on this commit (check_create_failed); this step still reports and gates the result. ' +
          "Check that TesterArmy's GitHub App is installed on this repository with permission to write checks."
      })
    case 'pr_not_found':
      return note({
        level: 'warning',
        message:
          'TesterArmy could not find this pull request in the repository connected to the project (pr_not_found), so it will not comment on it. ' +
          "Check that the project is connected to this repository (not a fork or another repository) in TesterArmy's integrations."
      })
    default:
      return note({
        level: 'notice',
        message: `TesterArmy reports its GitHub status as "${status}", which this action does not know yet; the verdict is not affected.`
      })
  }
}
