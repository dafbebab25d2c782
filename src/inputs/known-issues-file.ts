// Reads the file of known issues: the workspace's copy before any request (a file of the repository,
// inside the workspace once links are followed, at most 1 MiB, every entry valid: any problem is
// one input error naming the file, the entry's line and what is wrong), then the base commit's copy
// through GitHub, to mark the entries the pull request adds. Loaded only when `known-issues` is set
// (with the YAML parser, one chunk).
import { open, realpath } from 'node:fs/promises'
import { Inputs, Limits } from '../constants.js'
import { pathInside } from '../guards.js'
import type { RepositoryFiles, FileAtCommitOptions } from '../github/file-at-commit.js'
import type { BaseAgainst, BaseCheck, KnownIssue, KnownIssues } from '../model.js'
import { settleEntries } from '../verdict/known-issues.js'
import { parseKnownIssuesFile, type FileProblem } from '../verdict/known-issues-file.js'
import type { WorkflowContext } from '../workflow-context.js'
import type { KnownIssuesInput } from './known-issues.js'

export type LoadedFile = { ok: true; entries: KnownIssue[] } | { ok: false; message: string }

/** At most this many problems are named in the one error line; the rest are counted. */
const PROBLEMS_SHOWN = 3

/** The problems of a file, as one line: the first few by line, then how many more. */
export function problemsLine(file: string, problems: readonly FileProblem[]): string {
  const shown = problems.slice(0, PROBLEMS_SHOWN).map(p => `line ${p.line}: ${p.message}`)
  const more = problems.length - shown.length
  return (
    `Input '${Inputs.KnownIssues}': ${JSON.stringify(file)} ${shown.join('; ')}` +
    (more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '') +
    '.'
  )
}

/** The workspace's entries, or why the file is refused (one line). `today`: `YYYY-MM-DD`, UTC. */
export async function loadKnownIssues(input: KnownIssuesInput, today: string): Promise<LoadedFile> {
  const name = JSON.stringify(input.file)
  const refuse = (why: string): LoadedFile => ({
    ok: false,
    message: `Input '${Inputs.KnownIssues}': ${name} ${why}`
  })
  let real: string
  let workspace: string
  try {
    ;[real, workspace] = await Promise.all([realpath(input.path), realpath(input.workspace)])
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT'
      ? refuse(
          `was not found in the workspace (${input.workspace}): check the path, and that actions/checkout ran before this step.`
        )
      : refuse(`could not be read (${code ?? (error as Error).message}).`)
  }
  // A link may point anywhere on the runner; only a file of the repository is reviewed like code.
  if (pathInside(workspace, real) === null) {
    return refuse(
      `leads outside the workspace (to ${real}) once links are followed: the file of known issues must be part of the repository.`
    )
  }
  let text: string
  try {
    const handle = await open(real, 'r')
    try {
      const stat = await handle.stat()
      if (!stat.isFile()) return refuse('is not a file.')
      if (stat.size > Limits.maxKnownIssuesBytes) {
        return refuse(
          `is ${stat.size} bytes, over the 1 MiB a file of known issues may have: keep it to the waivers people review.`
        )
      }
      text = (await handle.readFile('utf8')).replace(/^\ufeff/, '')
    } finally {
      await handle.close()
    }
  } catch (error) {
    return refuse(
      `could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`
    )
  }
  const parsed = parseKnownIssuesFile(text, today)
  return parsed.ok ? parsed : { ok: false, message: problemsLine(input.file, parsed.problems) }
}

/**
 * All the calls to GitHub for the base commit's copy end within this: a stalled GitHub leaves the
 * entries unverified instead of holding the runs' verdict.
 */
const BASE_READ_TIMEOUT_MS = 15_000

export interface SettleOptions {
  input: KnownIssuesInput
  /** The workspace's entries, as loadKnownIssues read them. */
  entries: KnownIssue[]
  /** The workflow, with the pull request the runs are for (the agent's, once found). */
  context: Pick<
    WorkflowContext,
    'prNumber' | 'baseSha' | 'onDefaultBranch' | 'owner' | 'repo' | 'apiUrl'
  >
  githubToken: string
  /** Makes GitHub's file reader (Octokit is loaded only then). */
  files: (options: FileAtCommitOptions) => Promise<RepositoryFiles>
  today: string
  /** The runner's cancel, or the step's timeout. */
  signal: AbortSignal
  onRequest?: (line: string) => void
  /** The cap on reading the base's copy; tests shorten it. */
  timeoutMs?: number
}

/**
 * The entries as the verdict uses them: compared with the base commit's copy when the runs are
 * for a pull request, expired or not, in force or not under `known-issues-from`.
 */
export async function settleKnownIssues(options: SettleOptions): Promise<KnownIssues> {
  const { input, today } = options
  const read = await readBase(options)
  const base = read.check
  return {
    file: input.file,
    from: input.from,
    base,
    entries: settleEntries(options.entries, {
      base,
      ...(read.entries ? { baseEntries: read.entries } : {}),
      from: input.from,
      today
    })
  }
}

async function readBase(
  options: SettleOptions
): Promise<{ check: BaseCheck; entries?: KnownIssue[] }> {
  const { context, input } = options
  const pullRequest = context.baseSha !== '' || context.prNumber !== null
  // With no pull request the checkout may still not be a reviewed commit (a deployment of a
  // preview, a fork's workflow_run that checked out its head, a push to a feature branch): the
  // entries are then compared with the default branch's copy. Only on the default branch itself
  // is the file the reviewed one already.
  if (!pullRequest && context.onDefaultBranch) return { check: { kind: 'no-pull-request' } }
  const against: BaseAgainst = pullRequest ? 'pull-request' : 'default-branch'
  const unverified = (reason: string) => ({ check: { kind: 'unverified' as const, reason } })
  if (!options.githubToken) {
    return unverified('github-token is empty (pull requests from forks get no secrets)')
  }
  const timeoutMs = options.timeoutMs ?? BASE_READ_TIMEOUT_MS
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)])
  try {
    const files = await options.files({
      token: options.githubToken,
      apiUrl: context.apiUrl,
      owner: context.owner,
      repo: context.repo,
      signal,
      ...(options.onRequest ? { onRequest: options.onRequest } : {})
    })
    // A stalled GitHub is named as such, not by the abort it caused.
    const why = (message: string): string =>
      signal.aborted && !options.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : message
    let sha: string | null = pullRequest ? context.baseSha : null
    if (pullRequest && !sha) {
      const found = await files.baseOf(context.prNumber as number)
      if ('failed' in found) {
        return unverified(
          `the base commit of pull request #${context.prNumber} is unknown (${why(found.failed)})`
        )
      }
      sha = found.sha
    }
    const at = sha ? `at the base commit ${sha.slice(0, 12)}` : 'on the default branch'
    const answer = await files.fileAt(input.repoPath, sha)
    if (answer.kind === 'missing') return { check: { kind: 'new-file', against } }
    if (answer.kind === 'failed') {
      return unverified(`${input.repoPath} could not be read ${at} (${why(answer.message)})`)
    }
    const parsed = parseKnownIssuesFile(answer.text, options.today)
    if (!parsed.ok) {
      const first = parsed.problems[0]
      return unverified(
        `${input.repoPath} ${at} is not a valid file of known issues (line ${first?.line ?? 1}: ${first?.message ?? 'unreadable'})`
      )
    }
    return { check: { kind: 'read', against }, entries: parsed.entries }
  } catch (error) {
    return unverified(
      `GitHub could not be asked (${error instanceof Error ? error.message : String(error)})`
    )
  }
}
