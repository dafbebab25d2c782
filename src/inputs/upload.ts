// The inputs of a build made in the workflow (`app-path`), uploaded before any run starts on it. Pure.
import { Inputs } from '../constants.js'
import { parseRemoveAfter } from '../upload/app-path.js'
import { InputError, quote, type InputSource } from './source.js'

/** A build made in the workflow, to upload before starting runs on it (or instead of any run). */
export interface UploadRequest {
  /** As the user wrote it; checked on disk before any request. */
  path: string
  projectId: string
  /** Seconds TesterArmy keeps the build; null keeps it. */
  removeAfterS: number | null
  /** `platform` as given (`ios`, `android`) or '' to take the app's. */
  platform: string
}

/**
 * `app-path` with how long the build is kept; null without `app-path`. The project is `project-id`,
 * checked by parseProjectId ('' when it was refused there).
 */
export function parseUpload(source: InputSource, projectId: string): UploadRequest | null {
  const path = source.read(Inputs.AppPath).trim()
  if (!path) return null
  if (source.read(Inputs.RunId).trim()) {
    throw new InputError(
      `Inputs '${Inputs.AppPath}' and '${Inputs.RunId}' are both set: an uploaded build is used by the runs this action starts ` +
        `(${Inputs.TestId}, ${Inputs.GroupId}, ${Inputs.ExplorationAgent}); runs given by ${Inputs.RunId} already exist.`
    )
  }
  const appId = source.read(Inputs.AppId).trim()
  if (appId) {
    throw new InputError(
      `Inputs '${Inputs.AppPath}' and '${Inputs.AppId}' are both set: the runs use the build uploaded from ${Inputs.AppPath}; ` +
        `give ${Inputs.AppId} ${quote(appId)} alone to test an app uploaded earlier.`
    )
  }
  const removeAfter = parseRemoveAfter(source.read(Inputs.AppRemoveAfter) || '24h')
  if ('message' in removeAfter) throw new InputError(removeAfter.message)
  const platform = source.read(Inputs.Platform).trim().toLowerCase()
  if (platform && platform !== 'ios' && platform !== 'android') {
    throw new InputError(
      `Input '${Inputs.Platform}' is ${quote(platform)}, but '${Inputs.AppPath}' uploads a mobile build: expected ios, android, or empty to take the app's.`
    )
  }
  return { path, projectId, removeAfterS: removeAfter.seconds, platform }
}
