// The upload's story: ask for a URL, PUT the file (again from the first byte when that can help),
// confirm it into an app, and find that app in the list when the confirm's answer was lost.
// Its collaborators (API, PUT, clock, log) are handed in, so every path is tested without I/O.
import type { ApiAnswer, UploadApi, UploadRequestBody } from '../api/api-client.js'
import type { Clock } from '../clock.js'
import { checkUploadUrl, formatBytes } from './app-path.js'
import { matchUploadedApp, type MobileApp, type UploadTicket } from '../api/app-response.js'
import { formatDuration } from '../duration.js'
import { logText } from '../escape.js'

import type { PutOptions, PutResult } from './storage-put.js'
import { UploadProgress } from './upload-progress.js'

const UploadLimits = {
  /** A PUT that failed on the way is sent again from the first byte at most this many times. */
  putRetries: 3,
  /** Backoff between PUTs: 2 s, 4 s, 8 s (with jitter), never more than 30 s. */
  putBackoffBaseMs: 2_000,
  maxBackoffMs: 30_000,
  /** A storage 429's Retry-After is followed up to this long; the step's timeout still bounds it. */
  maxRetryAfterMs: 60_000,
  /** Creating a URL, confirming (when it cannot have arrived) and listing: tried this often more. */
  apiRetries: 3,
  /** No byte moving for this long ends a PUT attempt (a dead connection, a stalled proxy). */
  idleTimeoutMs: 60_000,
  /**
   * "Created since the upload began" is compared across two clocks, the runner's and the API's;
   * an app made a little "before" the upload by the API's clock is still this upload's.
   */
  clockSkewMs: 120_000
} as const

interface UploadFile {
  path: string
  /** The name sent to the API (`Shop.app.zip` for a zipped `Shop.app` folder). */
  uploadName: string
  size: number
}

export interface UploadLog {
  info(line: string): void
  warning(line: string): void
}

interface UploadAppOptions {
  api: UploadApi
  put: (options: PutOptions) => Promise<PutResult>
  clock: Clock
  projectId: string
  file: UploadFile
  /** Seconds TesterArmy keeps the build; null keeps it. */
  removeAfterS: number | null
  /** The runner's cancel or the step's timeout: either ends the upload at once. */
  signal: AbortSignal
  userAgent: string
  log: UploadLog
  idleTimeoutMs?: number
  random?: () => number
}

type UploadOutcome =
  | { kind: 'uploaded'; app: MobileApp; elapsedMs: number; uploadMs: number; recovered: boolean }
  | { kind: 'failed'; message: string }
  /** `confirming`: the cancel came once the confirm was sent, which may have created the app. */
  | { kind: 'aborted'; confirming: boolean }

class Aborted extends Error {}
class Failed extends Error {}

export async function uploadApp(options: UploadAppOptions): Promise<UploadOutcome> {
  const phase = { confirming: false }
  try {
    return await upload(options, phase)
  } catch (error) {
    if (error instanceof Aborted) return { kind: 'aborted', confirming: phase.confirming }
    if (error instanceof Failed) return { kind: 'failed', message: error.message }
    throw error
  }
}

async function upload(
  options: UploadAppOptions,
  phase: { confirming: boolean }
): Promise<UploadOutcome> {
  const { api, clock, projectId, file, signal, log } = options
  const random = options.random ?? Math.random
  const began = clock.now()
  const body: UploadRequestBody = {
    filename: file.uploadName,
    fileSize: file.size,
    ...(options.removeAfterS === null ? {} : { removeAfter: options.removeAfterS })
  }
  const backoff = (failures: number, hintMs: number | null = null): number => {
    const ceiling = Math.min(
      UploadLimits.maxBackoffMs,
      UploadLimits.putBackoffBaseMs * 2 ** (failures - 1)
    )
    const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2)
    return hintMs === null ? jittered : Math.min(Math.max(hintMs, 0), UploadLimits.maxRetryAfterMs)
  }
  const pause = async (ms: number): Promise<void> => {
    await clock.sleep(ms, signal)
    if (signal.aborted) throw new Aborted()
  }

  /** Creating a URL only creates a URL: safe to repeat on any fault but a refusal. */
  const createUpload = async (): Promise<UploadTicket> => {
    for (let failures = 0; ;) {
      const answer = await api.createUpload(projectId, body, { signal })
      if (answer.kind === 'ok') {
        const unsafe = checkUploadUrl(answer.value.uploadUrl)
        if (unsafe) throw new Failed(unsafe)
        return answer.value
      }
      if (answer.kind === 'aborted') throw new Aborted()
      const refused = answer.kind === 'http-error' && answer.status < 500 && answer.status !== 429
      if (refused || failures >= UploadLimits.apiRetries) {
        throw new Failed(`TesterArmy did not give an upload URL: ${answerMessage(answer)}`)
      }
      failures++
      const delay = backoff(failures, answer.kind === 'http-error' ? answer.retryAfterMs : null)
      log.info(
        `Asking for an upload URL: ${answerMessage(answer)}; trying again in ${formatDuration(delay)}.`
      )
      await pause(delay)
    }
  }

  let ticket = await createUpload()
  const progress = new UploadProgress(file.size, () => clock.now())
  let renewed = false
  let failures = 0
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) progress.restart()
    const result = await options.put({
      url: ticket.uploadUrl,
      path: file.path,
      size: file.size,
      userAgent: options.userAgent,
      signal,
      idleTimeoutMs: options.idleTimeoutMs ?? UploadLimits.idleTimeoutMs,
      onProgress: sent => {
        const line = progress.update(sent)
        if (line) log.info(line)
      }
    })
    if (result.kind === 'stored') break
    if (result.kind === 'aborted' || signal.aborted) throw new Aborted()
    if (result.kind === 'http-error' && result.status === 403 && !renewed) {
      // An expired or refused signature: a new URL helps once; a second 403 is a real refusal.
      renewed = true
      log.info(`Storage refused the upload URL (${logText(result.message)}): asking for a new one.`)
      ticket = await createUpload()
      continue
    }
    // The file itself changed or cannot be read: sending it again cannot succeed.
    if (result.kind === 'file-error') {
      throw new Failed(
        `the build could not be uploaded: ${result.message}; nothing was confirmed and no run was started`
      )
    }
    const retryable =
      result.kind === 'network-error' ||
      result.status >= 500 ||
      result.status === 408 ||
      result.status === 429
    if (!retryable || failures >= UploadLimits.putRetries) {
      const tries = failures + 1 + (renewed ? 1 : 0)
      throw new Failed(
        `the build could not be uploaded (${logText(result.message)}${tries > 1 ? `, after ${tries} attempts` : ''}); nothing was confirmed and no run was started`
      )
    }
    failures++
    const delay = backoff(failures, result.kind === 'http-error' ? result.retryAfterMs : null)
    log.info(
      `The upload failed (${logText(result.message)}); sending it again from the first byte in ${formatDuration(delay)} ` +
        `(attempt ${failures + 1} of ${UploadLimits.putRetries + 1}).`
    )
    await pause(delay)
  }
  const finished = progress.finish()
  log.info(finished.line)

  const confirmBody = { ...body, storageKey: ticket.storageKey }
  phase.confirming = true
  for (let failures = 0; ;) {
    const answer = await api.confirmUpload(projectId, confirmBody, { signal })
    if (answer.kind === 'ok') {
      return {
        kind: 'uploaded',
        app: answer.value,
        elapsedMs: clock.now() - began,
        uploadMs: finished.elapsedMs,
        recovered: false
      }
    }
    if (answer.kind === 'aborted') throw new Aborted()
    if (confirmCannotHaveArrived(answer) && failures < UploadLimits.apiRetries) {
      failures++
      const delay = backoff(failures, answer.kind === 'http-error' ? answer.retryAfterMs : null)
      log.info(
        `Confirming the upload: ${answerMessage(answer)}; trying again in ${formatDuration(delay)}.`
      )
      await pause(delay)
      continue
    }
    if (confirmMayHaveMadeApp(answer)) {
      log.info(
        `Confirming the upload: ${answerMessage(answer)}. The app may have been made anyway: looking for it in the project's apps.`
      )
      const app = await findUploadedApp(options, began, pause, backoff)
      return {
        kind: 'uploaded',
        app,
        elapsedMs: clock.now() - began,
        uploadMs: finished.elapsedMs,
        recovered: true
      }
    }
    throw new Failed(`TesterArmy did not accept the uploaded build: ${answerMessage(answer)}`)
  }
}

/** Refused before sending, or answered 429/503: the API did nothing, so confirming again is safe. */
export function confirmCannotHaveArrived(answer: ApiAnswer<unknown>): boolean {
  if (answer.kind === 'network-error') return !answer.mayHaveArrived
  return answer.kind === 'http-error' && (answer.status === 429 || answer.status === 503)
}

/** A timeout, a reset, another 5xx or an unreadable success: the app may exist now. */
function confirmMayHaveMadeApp(answer: ApiAnswer<unknown>): boolean {
  if (answer.kind === 'network-error' || answer.kind === 'invalid-body') return true
  return answer.kind === 'http-error' && answer.status >= 500
}

async function findUploadedApp(
  options: UploadAppOptions,
  began: number,
  pause: (ms: number) => Promise<void>,
  backoff: (failures: number, hintMs?: number | null) => number
): Promise<MobileApp> {
  const { api, projectId, file, signal, log } = options
  const dashboard = `check the project's apps in the TesterArmy dashboard, and give its ID as app-id`
  for (let failures = 0; ;) {
    const answer = await api.listApps(projectId, { signal })
    if (answer.kind === 'aborted') throw new Aborted()
    if (answer.kind === 'ok') {
      const matches = matchUploadedApp(answer.value, {
        fileSize: file.size,
        since: began,
        skewMs: UploadLimits.clockSkewMs
      })
      if (matches.length === 1) {
        const app = matches[0] as MobileApp
        log.info(`Found the uploaded build in the project's apps: ${logText(app.id, 100)}.`)
        return app
      }
      // Not there yet, or the API is slow to list it: a second look costs little.
      if (matches.length === 0 && failures < UploadLimits.apiRetries) {
        failures++
        await pause(backoff(failures))
        continue
      }
      throw new Failed(
        matches.length === 0
          ? `the upload could not be confirmed, and no app of ${file.size} bytes uploaded since it began is in the project; ${dashboard}`
          : `the upload's confirm answer was lost, and ${matches.length} apps of ${file.size} bytes were uploaded since it began, so the action cannot tell which is this build; ${dashboard}`
      )
    }
    const refused = answer.kind === 'http-error' && answer.status < 500 && answer.status !== 429
    if (refused || failures >= UploadLimits.apiRetries) {
      throw new Failed(
        `the upload could not be confirmed, and the project's apps could not be listed (${answerMessage(answer)}); ${dashboard}`
      )
    }
    failures++
    await pause(backoff(failures, answer.kind === 'http-error' ? answer.retryAfterMs : null))
  }
}

/** The API's words, on one line: every line of the upload's log that carries them says them so. */
function answerMessage(
  answer: Exclude<ApiAnswer<unknown>, { kind: 'ok' } | { kind: 'aborted' }>
): string {
  return logText(answer.message)
}

/** The log group's title: the file and its size. */
export function uploadTitle(file: UploadFile, projectId: string): string {
  return `Uploading ${file.uploadName} (${formatBytes(file.size)}) to TesterArmy project ${projectId}`
}
