// What a run of the action leaves where a person or a later step can read it: the texts every
// end-to-end test searches for a secret that must not be there.
import { readFileSync } from 'node:fs'
import type { ActionResult } from '../../scripts/runner.mjs'

/** The log, without the add-mask command that hands the key to the runner (the one allowed place). */
export function visibleLog(result: ActionResult): string {
  return result.stdout
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
}

/** A file the action wrote and named in an output, or '' (none, or already removed). */
function written(path: string | undefined): string {
  try {
    return path ? readFileSync(path, 'utf8') : ''
  } catch {
    return ''
  }
}

/** The log, stderr, the outputs, the job summary, the report file and its JUnit and CTRF files. */
export function leftBehind(result: ActionResult): string[] {
  return [
    visibleLog(result),
    result.stderr,
    JSON.stringify(result.outputs),
    result.summary,
    result.report,
    written(result.outputs['junit-path']),
    written(result.outputs['ctrf-path'])
  ]
}
