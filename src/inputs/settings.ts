// Turns the workflow's inputs into one typed, validated Settings object, before any request: each
// capability's inputs are parsed by its own module, and every bad input is reported in one go.
import { API_KEY_ENV, Inputs } from '../constants.js'
import { parseApiKey, parseConnection, type ConnectionSettings } from './connection.js'
import { parseKnownIssues, type KnownIssuesInput } from './known-issues.js'
import { parsePublishing, type PublishingSettings } from './publishing.js'
import { parseMatrix, type MatrixSettings } from './reports.js'
import { parseProjectId, parseTarget, type RunTarget } from './runs.js'
import { InputError, InputErrors, type Attempt, type InputSource } from './source.js'
import { parseUpload, type UploadRequest } from './upload.js'
import { parseVerdict, type VerdictSettings } from './verdict.js'

export { InputErrors, type InputSource } from './source.js'

export interface Settings
  extends RunTarget, ConnectionSettings, VerdictSettings, PublishingSettings, MatrixSettings {
  /** The build to upload first, when `app-path` is given. */
  upload: UploadRequest | null
  /** Never logged: masked by the caller through `onSecret` as soon as it is read. */
  apiKey: string
  /** For the comment, the commit status and GitHub lookups; masked as soon as it is read. */
  githubToken: string
  /** The file of known issues (`known-issues`), read before any request; null without one. */
  knownIssues: KnownIssuesInput | null
}

export function parseSettings(source: InputSource): Settings {
  const errors: InputError[] = []
  const attempt: Attempt = (parse, fallback) => {
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

  // Reports mode reads files and sends TesterArmy nothing: no key needed (one given is still masked).
  const gathering = source.read(Inputs.Reports).trim() !== ''
  // The secrets first: they must be masked before any other message could echo them.
  const apiKey = gathering ? maskedKey(source) : attempt(() => parseApiKey(source), '')
  const githubToken = source.read(Inputs.GithubToken).trim()
  if (githubToken) source.onSecret(githubToken)
  const publishing = parsePublishing(source, attempt, githubToken)
  const matrix = parseMatrix(source, attempt)
  // One check of project-id for the agent and the upload, which both need it; in reports mode
  // parseMatrix refuses every input of a start instead.
  const projectId = gathering ? '' : attempt(() => parseProjectId(source), '')
  const noTarget: RunTarget = { runIds: [], start: null, agent: null }
  const target = gathering ? noTarget : attempt(() => parseTarget(source, projectId), noTarget)
  const settings: Settings = {
    apiKey,
    githubToken,
    upload: gathering ? null : attempt(() => parseUpload(source, projectId), null),
    ...matrix,
    ...target,
    ...publishing,
    ...parseConnection(source, attempt),
    ...parseVerdict(source, attempt),
    // In reports mode the legs' reports already say what their known issues waived.
    ...(gathering ? { knownIssues: null } : parseKnownIssues(source, attempt))
  }
  if (errors.length > 0) throw new InputErrors(errors)
  return settings
}

/** The key as given, masked and otherwise unused: reports mode sends no request to TesterArmy. */
function maskedKey(source: InputSource): string {
  const key = source.read(Inputs.ApiKey).trim() || (source.env[API_KEY_ENV] ?? '').trim()
  if (key) source.onSecret(key)
  return key
}
