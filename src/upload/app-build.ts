// The summary's "App build" block: which build was uploaded and what TesterArmy made of it.
// Pure; every value from the API is escaped here, through escape.ts.
import { formatBytes } from './app-path.js'
import type { MobileApp } from '../api/app-response.js'
import { code, markdown } from '../escape.js'
import { formatDuration } from '../duration.js'
import { formatRate } from './upload-progress.js'

/** What the step tells about the uploaded build: summary, outputs, report. */
export interface AppBuild {
  /** The file uploaded, as the user named it (`app-path`), and the name sent. */
  path: string
  uploadName: string
  size: number
  /** The PUT that went through, first byte to last; the whole upload took `elapsedMs`. */
  uploadMs: number
  elapsedMs: number
  app: MobileApp
  /** The confirm's answer was lost and the app was found in the project's list. */
  recovered: boolean
}

export function renderAppBuild(build: AppBuild): string {
  const { app } = build
  const version = [app.appVersion, app.buildVersion ? `(${app.buildVersion})` : null]
    .filter(Boolean)
    .join(' ')
  const rows: [string, string][] = [
    ['File', `${markdown(build.path, 300)} (${formatBytes(build.size)})`],
    ['Upload', markdown(uploadFigures(build.size, build.uploadMs))],
    ['App ID', code(app.id)],
    ['Platform', markdown(app.platform, 40)],
    ['Version', version ? markdown(version, 100) : '–'],
    ['Bundle ID', app.bundleId ? code(app.bundleId, 200) : '–']
  ]
  const table = ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n')
  const note = build.recovered
    ? "\n\nThe API's answer to the upload's confirmation was lost; the app was found in the project's list (same size, uploaded through the API since this upload began)."
    : ''
  return `### App build\n\n${table}${note}\n`
}

/** For the summary and the log: `48.2 MiB in 12 s (4.02 MiB/s)`. */
export function uploadFigures(size: number, uploadMs: number): string {
  return `${formatBytes(size)} in ${formatDuration(uploadMs)} (${formatRate(size, uploadMs)})`
}
