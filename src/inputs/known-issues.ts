// The inputs of the waivers: `known-issues` (the team's file of known issues, in the workspace) and
// `known-issues-from` (whether the pull request's own copy may waive, or only the base's). Pure:
// the file itself is read by known-issues-file.ts, before any request.
import * as path from 'node:path'
import { Inputs } from '../constants.js'
import { pathInside } from '../guards.js'
import type { KnownIssuesFrom } from '../model.js'
import { InputError, parseChoice, quote, type Attempt, type InputSource } from './source.js'

/** Where the file is, as the user named it and as the runner's workspace places it. */
export interface KnownIssuesInput {
  /** As written in the workflow: every message names the file this way. */
  file: string
  /** Absolute, within the workspace (checked again once links are followed). */
  path: string
  /** The workspace the file must stay in (`GITHUB_WORKSPACE`, else the working directory). */
  workspace: string
  /** The file's path in the repository, `/`-separated: where the base commit's copy is. */
  repoPath: string
  from: KnownIssuesFrom
}

export function parseKnownIssues(
  source: InputSource,
  attempt: Attempt
): { knownIssues: KnownIssuesInput | null } {
  return { knownIssues: attempt(() => parseKnownIssuesInput(source), null) }
}

function parseKnownIssuesInput(source: InputSource): KnownIssuesInput | null {
  const file = source.read(Inputs.KnownIssues).trim()
  const fromRaw = source.read(Inputs.KnownIssuesFrom).trim()
  const from = parseChoice<KnownIssuesFrom>(Inputs.KnownIssuesFrom, fromRaw, 'workspace', [
    'workspace',
    'base'
  ])
  if (!file) {
    if (from === 'base') {
      throw new InputError(
        `Input '${Inputs.KnownIssuesFrom}' is "base", but '${Inputs.KnownIssues}' is empty: name the file of known issues, ` +
          `such as known-issues: .github/testerarmy-known-issues.yml.`
      )
    }
    return null
  }
  if (file.includes('\u0000') || /[\r\n]/.test(file)) {
    throw new InputError(
      `Input '${Inputs.KnownIssues}' is ${quote(file)}: expected the path of a YAML file in the repository, such as .github/testerarmy-known-issues.yml.`
    )
  }
  const workspace = path.resolve(source.env.GITHUB_WORKSPACE?.trim() || process.cwd())
  const absolute = path.resolve(workspace, file)
  const relative = pathInside(workspace, absolute)
  if (relative === null) {
    throw new InputError(
      `Input '${Inputs.KnownIssues}' is ${quote(file)}, which is outside the workspace (${workspace}): ` +
        `the file of known issues must be part of the repository, reviewed like code.`
    )
  }
  return {
    file,
    path: absolute,
    workspace,
    repoPath: relative.split(path.sep).join('/'),
    from
  }
}
