// Decodes what the API says about uploads: the presigned ticket, one app, the project's app list.
// Everything here is untrusted JSON, checked before the rest of the action believes it.
import { Inputs } from '../constants.js'
import { isPlainObject, isUuid } from '../guards.js'

/** `POST /v1/projects/{projectId}/mobile/upload`: where to put the file, and its key for confirm. */
export interface UploadTicket {
  uploadUrl: string
  storageKey: string
}

/** A mobile app as the API describes it (`confirm` answer and list items). */
export interface MobileApp {
  id: string
  /** `ios` or `android`; an unknown value is kept as received and shown escaped. */
  platform: string
  filename: string
  bundleId: string | null
  appVersion: string | null
  buildVersion: string | null
  fileSize: number | null
  source: string | null
  createdAt: string | null
}

export class NotAnAppError extends Error {}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null

export function parseUploadTicket(json: unknown): UploadTicket {
  const body = isPlainObject(json) ? json : {}
  const uploadUrl = text(body.uploadUrl)
  const storageKey = text(body.storageKey)
  if (!uploadUrl || !storageKey) {
    throw new NotAnAppError('the upload answer has no uploadUrl or no storageKey')
  }
  return { uploadUrl, storageKey }
}

function parseApp(json: unknown): MobileApp {
  const body = isPlainObject(json) ? json : {}
  const id = text(body.id)
  // Runs are started with this ID: anything but a UUID would be sent on blindly.
  if (!id || !isUuid(id)) throw new NotAnAppError('the app has no ID (a UUID)')
  const platform = text(body.platform)
  if (!platform) throw new NotAnAppError('the app has no platform')
  return {
    id: id.toLowerCase(),
    platform,
    filename: text(body.filename) ?? '',
    bundleId: text(body.bundleId),
    appVersion: text(body.appVersion),
    buildVersion: text(body.buildVersion),
    fileSize: typeof body.fileSize === 'number' ? body.fileSize : null,
    source: text(body.source),
    createdAt: text(body.createdAt)
  }
}

/** The confirm answer: `{ app }`. */
export function parseConfirmed(json: unknown): MobileApp {
  const body = isPlainObject(json) ? json : {}
  if (!isPlainObject(body.app)) {
    throw new NotAnAppError('the confirm answer has no app')
  }
  return parseApp(body.app)
}

/** The list answer: `{ apps: [...] }`; items that are not apps are left out, not fatal. */
export function parseAppList(json: unknown): MobileApp[] {
  const body = isPlainObject(json) ? json : {}
  if (!Array.isArray(body.apps)) throw new NotAnAppError('the app list has no apps array')
  const apps: MobileApp[] = []
  for (const item of body.apps) {
    try {
      apps.push(parseApp(item))
    } catch {
      // one odd entry must not hide the app we are looking for
    }
  }
  return apps
}

/**
 * The apps that can be the one this upload made: uploaded through the API, of the same size,
 * created since the upload began (less `skewMs`, for the runner's clock against the API's).
 */
export function matchUploadedApp(
  apps: MobileApp[],
  { fileSize, since, skewMs }: { fileSize: number; since: number; skewMs: number }
): MobileApp[] {
  return apps.filter(app => {
    const created = app.createdAt ? Date.parse(app.createdAt) : Number.NaN
    return (
      app.source === 'api_upload' &&
      app.fileSize === fileSize &&
      Number.isFinite(created) &&
      created >= since - skewMs
    )
  })
}

/**
 * The platform the runs use: the app's when `platform` is empty; an error message when the
 * input names another (an APK with `platform: ios` would start runs that cannot install it).
 */
export function resolvePlatform(
  requested: string,
  app: MobileApp
): { platform: string } | { message: string } {
  const wanted = requested.trim().toLowerCase()
  const actual = app.platform.toLowerCase()
  if (!wanted || wanted === actual) return { platform: actual }
  return {
    message:
      `Input '${Inputs.Platform}' is "${wanted}", but the uploaded build is an ${actual} app ` +
      `(${app.filename || 'app'} ${app.id}): leave platform empty to use the app's, or upload a build for ${wanted}. No run was started.`
  }
}
