// The step's upload phase on disk and on the wire: check the build before any request, zip a
// .app folder into RUNNER_TEMP, upload it in one log group, always remove the zip, and tell the
// runner what was made of it (its log line and the app outputs). Loaded only when app-path is set.
import { readdir, stat } from 'node:fs/promises'
import * as core from '@actions/core'
import { ACCEPTED_DESCRIPTION, classifyAppPath, type KnownPlatform } from './app-path.js'
import type { AppBuild } from './app-build.js'
import type { Clock } from '../clock.js'
import { Inputs, Outputs } from '../constants.js'
import { formatDuration } from '../duration.js'
import { logText } from '../escape.js'
import { putFile } from './storage-put.js'
import type { UploadApi } from '../api/api-client.js'
import { uploadApp, uploadTitle, type UploadLog } from './upload-protocol.js'

/** A build that passed the checks: what it is, and how big (a folder's size is known once zipped). */
export interface CheckedApp {
  path: string
  kind: 'file' | 'app-folder'
  uploadName: string
  size: number
  platform: KnownPlatform
}

/**
 * Exists, is not empty, is a build TesterArmy can install, and (when its name tells) is for the
 * `platform` asked for. Relative paths start from the working directory, which on a runner is the
 * workspace, as for every other action.
 */
export async function checkAppFile(
  path: string,
  platform = ''
): Promise<{ ok: true; app: CheckedApp } | { ok: false; message: string }> {
  const quoted = JSON.stringify(path)
  let info
  try {
    info = await stat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return {
      ok: false,
      message:
        code === 'ENOENT' || code === 'ENOTDIR'
          ? `Input '${Inputs.AppPath}' is ${quoted}, which does not exist (relative paths start from ${process.cwd()}): build the app in an earlier step, or fix the path; expected ${ACCEPTED_DESCRIPTION}.`
          : `Input '${Inputs.AppPath}' is ${quoted}, which cannot be read (${code ?? (error as Error).message}).`
    }
  }
  const verdict = classifyAppPath(path, info.isDirectory())
  if (!verdict.ok) return verdict
  if (verdict.platform && platform && verdict.platform !== platform) {
    return {
      ok: false,
      message:
        `Input '${Inputs.Platform}' is "${platform}", but ${Inputs.AppPath} ${quoted} is an ${verdict.platform} build: ` +
        `leave platform empty to use the build's, or give a build for ${platform}.`
    }
  }
  if (verdict.kind === 'app-folder' ? (await readdir(path)).length === 0 : info.size === 0) {
    return {
      ok: false,
      message: `Input '${Inputs.AppPath}' is ${quoted}, which is empty: the build step may have failed.`
    }
  }
  return {
    ok: true,
    app: {
      path,
      kind: verdict.kind,
      uploadName: verdict.uploadName,
      size: info.size,
      platform: verdict.platform
    }
  }
}

interface UploadStepOptions {
  app: CheckedApp
  projectId: string
  removeAfterS: number | null
  api: UploadApi
  clock: Clock
  /** The runner's cancel. */
  signal: AbortSignal
  /** When the step's `timeout` ends, in the clock's time. */
  deadline: number
  /** Where a folder's zip is written: RUNNER_TEMP. */
  tempDir: string
  userAgent: string
  log: UploadLog & { startGroup(title: string): void; endGroup(): void }
}

type UploadStepOutcome =
  | { kind: 'uploaded'; build: AppBuild }
  | { kind: 'failed'; message: string }
  /** The step's `timeout` came first; `confirming` as for `aborted`. */
  | { kind: 'timed-out'; confirming: boolean }
  /** `confirming`: cancelled once the confirm was sent, so the app may exist. */
  | { kind: 'aborted'; confirming: boolean }

export async function runUploadStep(options: UploadStepOptions): Promise<UploadStepOutcome> {
  const { app, log, clock } = options
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(), Math.max(0, options.deadline - clock.now()))
  const signal = AbortSignal.any([options.signal, timeout.signal])
  let zip: { path: string; size: number; remove(): Promise<void> } | null = null
  try {
    let file = { path: app.path, uploadName: app.uploadName, size: app.size }
    if (app.kind === 'app-folder') {
      const started = clock.now()
      // Only a folder loads the zip library (a chunk of its own).
      const { zipAppFolder } = await import('./zip-app.js')
      try {
        zip = await zipAppFolder(app.path, options.tempDir, signal)
      } catch (error) {
        if (options.signal.aborted) return { kind: 'aborted', confirming: false }
        if (timeout.signal.aborted) return { kind: 'timed-out', confirming: false }
        return {
          kind: 'failed',
          message: `the .app folder could not be zipped: ${(error as Error).message}`
        }
      }
      file = { ...file, path: zip.path, size: zip.size }
      log.info(
        `Zipped ${app.path} into ${app.uploadName} in ${formatDuration(clock.now() - started)}.`
      )
    }
    log.startGroup(uploadTitle(file, options.projectId))
    const outcome = await uploadApp({
      api: options.api,
      put: putFile,
      clock,
      projectId: options.projectId,
      file,
      removeAfterS: options.removeAfterS,
      signal,
      userAgent: options.userAgent,
      log
    })
    log.endGroup()
    if (outcome.kind === 'aborted')
      return options.signal.aborted
        ? outcome
        : { kind: 'timed-out', confirming: outcome.confirming }
    if (outcome.kind === 'failed') return outcome
    return {
      kind: 'uploaded',
      build: {
        path: app.path,
        uploadName: file.uploadName,
        size: file.size,
        uploadMs: outcome.uploadMs,
        elapsedMs: outcome.elapsedMs,
        app: outcome.app,
        recovered: outcome.recovered
      }
    }
  } finally {
    clearTimeout(timer)
    await zip?.remove()
  }
}

/**
 * Where the upload phase writes on the runner: its group, progress lines and retries. Each line is
 * one log line whatever it holds (storage and API text among it): none can start a workflow command.
 */
export const uploadLog: UploadStepOptions['log'] = {
  info: line => core.info(logText(line, 2_000)),
  warning: line => core.warning(logText(line, 2_000)),
  startGroup: title => core.startGroup(title),
  endGroup: () => core.endGroup()
}

/** The app TesterArmy made of the upload, in one line. */
export function logUploaded(build: AppBuild): void {
  const { app } = build
  const version = app.appVersion ? ` ${logText(app.appVersion, 40)}` : ''
  const bundle = app.bundleId ? `, ${logText(app.bundleId, 200)}` : ''
  core.info(
    `Uploaded ${logText(build.uploadName, 200)}: app ${app.id} (${logText(app.platform, 20)}${version}${bundle})` +
      `${build.recovered ? ', found in the project after the confirm answer was lost' : ''}.`
  )
}

/** The uploaded build's outputs, set as soon as the upload is confirmed. */
export function publishAppOutputs(build: AppBuild): void {
  core.setOutput(Outputs.AppId, build.app.id)
  core.setOutput(Outputs.AppPlatform, build.app.platform)
  core.setOutput(Outputs.AppVersion, build.app.appVersion ?? '')
}
