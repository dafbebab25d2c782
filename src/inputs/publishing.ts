// The inputs of where the verdict is shown: the job summary, annotations, the report files, the
// pull-request comment and the commit status. Pure.
import * as os from 'node:os'
import * as path from 'node:path'
import { Inputs } from '../constants.js'
import type { SummaryMode } from '../model.js'
import {
  InputError,
  parseBoolean,
  parseChoice,
  quote,
  type Attempt,
  type InputSource
} from './source.js'

/** The `comment` input. */
export type CommentMode = 'off' | 'on' | 'auto'

export interface PublishingSettings {
  summary: SummaryMode
  annotations: boolean
  /** Absolute path of the JSON report. */
  reportPath: string
  /**
   * Put the verdict on the pull request as one comment: `on` (`true`), `off` (`false`), or `auto`
   * (no comment when TesterArmy says it comments on the pull request itself).
   */
  comment: CommentMode
  /** `commit-status: true`: the status's context (`status-context`); null when off. */
  commitStatus: { context: string } | null
}

/** `githubToken`: the token read (and masked) already, which the commit status needs. */
export function parsePublishing(
  source: InputSource,
  attempt: Attempt,
  githubToken: string
): PublishingSettings {
  return {
    comment: attempt(() => parseComment(source.read(Inputs.Comment)), 'off'),
    commitStatus: attempt(() => parseCommitStatus(source, githubToken), null),
    summary: attempt(() => parseSummaryMode(source.read(Inputs.Summary)), 'always' as SummaryMode),
    annotations: attempt(
      () => parseBoolean(Inputs.Annotations, source.read(Inputs.Annotations), true),
      true
    ),
    reportPath: attempt(() => parseReportPath(source.read(Inputs.ReportPath), source.env), '')
  }
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

function parseReportPath(raw: string, env: Record<string, string | undefined>): string {
  const value = raw.trim()
  if (value.includes('\u0000')) {
    throw new InputError(`Input '${Inputs.ReportPath}' is ${quote(value)}: expected a file path.`)
  }
  if (value) return path.resolve(value)
  const dir = env.RUNNER_TEMP?.trim() || os.tmpdir()
  return path.resolve(dir, 'testerarmy-report.json')
}
