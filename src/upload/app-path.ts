// What an `app-path` may be, how long `app-remove-after` keeps the build, and where the build may
// be sent: the checks made before any request, as plain functions of their values.
import { basename } from 'node:path'
import { Inputs } from '../constants.js'
import { parseDuration } from '../duration.js'
import { isLoopbackHost } from '../guards.js'

/** How the build travels: a file as it is, or a `.app` folder zipped first. */
type AppBuildKind = 'file' | 'app-folder'

/** The platform a file name gives away, when it does (`.apk` is Android, `.app` is iOS). */
export type KnownPlatform = 'ios' | 'android' | null

type AppPathVerdict =
  | { ok: true; kind: AppBuildKind; uploadName: string; platform: KnownPlatform }
  | { ok: false; message: string }

/** The endings the API accepts; `.app.zip` and `.app.tar.gz` are covered by `.zip` and `.tar.gz`. */
const ACCEPTED_FILES: readonly { ending: string; platform: KnownPlatform }[] = [
  { ending: '.apk', platform: 'android' },
  { ending: '.app.zip', platform: 'ios' },
  { ending: '.app.tar.gz', platform: 'ios' },
  { ending: '.zip', platform: null },
  { ending: '.tgz', platform: null }
]

export const ACCEPTED_DESCRIPTION =
  'an .apk, .zip, .app.zip, .tgz or .app.tar.gz file, or a .app folder'

/**
 * Builds a simulator or emulator cannot install, each with what to build instead: the step would
 * otherwise upload hundreds of megabytes for TesterArmy to refuse, or worse, run nothing.
 */
const REFUSED: Record<string, string> = {
  '.ipa':
    'is an iOS device build (.ipa), which the iOS simulator cannot run: build for the simulator ' +
    '(xcodebuild -sdk iphonesimulator, or EAS with "ios": { "simulator": true }) and give the .app folder, or a .app.zip or .app.tar.gz of it',
  '.aab':
    'is an Android App Bundle (.aab), which cannot be installed as it is: build an APK ' +
    '(./gradlew assembleRelease), or make a universal APK from the bundle with `bundletool build-apks --mode=universal`',
  '.apks':
    'is a set of split APKs (.apks): give one universal APK instead, made with `bundletool build-apks --mode=universal` ' +
    '(the .apks file is a zip holding universal.apk)',
  '.xapk':
    'is an XAPK (split APKs with extras): give one universal APK instead, made from the app bundle with `bundletool build-apks --mode=universal`'
}

/**
 * Checks a path by its name and whether it is a folder. The caller has already found that it
 * exists and is not empty; this decides whether it is a build TesterArmy can run.
 */
export function classifyAppPath(path: string, isDirectory: boolean): AppPathVerdict {
  const name = basename(path.replace(/[/\\]+$/, ''))
  const lower = name.toLowerCase()
  const quoted = JSON.stringify(path)
  if (isDirectory) {
    if (lower.endsWith('.app') && lower.length > 4) {
      return { ok: true, kind: 'app-folder', uploadName: `${name}.zip`, platform: 'ios' }
    }
    return {
      ok: false,
      message: `Input '${Inputs.AppPath}' is ${quoted}, a folder that is not a .app bundle: expected ${ACCEPTED_DESCRIPTION}.`
    }
  }
  const refused = Object.keys(REFUSED).find(ending => lower.endsWith(ending))
  if (refused) {
    return {
      ok: false,
      message: `Input '${Inputs.AppPath}' is ${quoted}, which ${REFUSED[refused]}.`
    }
  }
  const accepted = ACCEPTED_FILES.find(({ ending }) => lower.endsWith(ending))
  if (accepted && lower.length > accepted.ending.length) {
    return { ok: true, kind: 'file', uploadName: name, platform: accepted.platform }
  }
  return {
    ok: false,
    message: `Input '${Inputs.AppPath}' is ${quoted}, which is not a build TesterArmy can install: expected ${ACCEPTED_DESCRIPTION}.`
  }
}

/** What the API takes for `removeAfter`, in seconds: one minute to seven days. */
const REMOVE_AFTER_MIN_S = 60
const REMOVE_AFTER_MAX_S = 7 * 24 * 60 * 60

/**
 * `app-remove-after` as the seconds the API takes, or null for `never` (the build is kept).
 * Throws nothing: returns a message naming the input when the value is not accepted.
 */
export function parseRemoveAfter(text: string): { seconds: number | null } | { message: string } {
  const value = text.trim()
  if (value.toLowerCase() === 'never') return { seconds: null }
  const days = /^(\d+(?:\.\d+)?)\s*d$/i.exec(value)
  const ms = days ? Number(days[1]) * 86_400_000 : value ? parseDuration(value) : null
  const seconds = ms === null ? null : Math.round(ms / 1000)
  if (seconds === null || seconds < REMOVE_AFTER_MIN_S || seconds > REMOVE_AFTER_MAX_S) {
    return {
      message:
        `Input '${Inputs.AppRemoveAfter}' is ${JSON.stringify(text)}, which is not accepted: expected how long ` +
        'TesterArmy keeps the uploaded build, from 1m to 7d (for example 30m, 24h, 7d), or never.'
    }
  }
  return { seconds }
}

/**
 * Where the build may be sent: https, or http to this machine. Returns why not, or null. The URL
 * itself is never quoted: its query is a signature that grants writing to the bucket.
 */
export function checkUploadUrl(text: string): string | null {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'the API gave an upload URL that is not a URL'
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null
  return `the API gave an upload URL on ${url.protocol}//${url.host}, which is not https: the build was not sent over an unencrypted connection`
}

/** `512 B`, `1.5 KiB`, `12.3 MiB`, `1.02 GiB`: sizes as people read them in a log. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–'
  if (bytes < 1024) return `${Math.round(bytes)} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
  return `${value.toFixed(digits)} ${units[unit]}`
}
