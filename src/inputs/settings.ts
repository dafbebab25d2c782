// Turns the workflow's inputs into one typed, validated Settings object, before any request: each
// capability's inputs are parsed by its own module, and every bad input is reported in one go.
import { Inputs } from '../constants.js'
import { parseApiKey, parseConnection, type ConnectionSettings } from './connection.js'
import { parseKnownIssues, type KnownIssuesInput } from './known-issues.js'
import { parsePublishing, type PublishingSettings } from './publishing.js'
import { parseProjectId, parseTarget, type RunTarget } from './runs.js'
import { InputError, InputErrors, type Attempt, type InputSource } from './source.js'
import { parseUpload, type UploadRequest } from './upload.js'
import { parseVerdict, type VerdictSettings } from './verdict.js'

export { InputErrors, type InputSource } from './source.js'

export interface Settings
  extends RunTarget, ConnectionSettings, VerdictSettings, PublishingSettings {
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

  // The secrets first: they must be masked before any other message could echo them.
  const apiKey = attempt(() => parseApiKey(source), '')
  const githubToken = source.read(Inputs.GithubToken).trim()
  if (githubToken) source.onSecret(githubToken)
  const publishing = parsePublishing(source, attempt, githubToken)
  // One check of project-id for the agent and the upload, which both need it.
  const projectId = attempt(() => parseProjectId(source), '')
  const target = attempt(() => parseTarget(source, projectId), {
    runIds: [],
    start: null,
    agent: null
  })
  const settings: Settings = {
    apiKey,
    githubToken,
    upload: attempt(() => parseUpload(source, projectId), null),
    ...target,
    ...publishing,
    ...parseConnection(source, attempt),
    ...parseVerdict(source, attempt),
    ...parseKnownIssues(source, attempt)
  }
  if (errors.length > 0) throw new InputErrors(errors)
  return settings
}
