// Reading one file the `reports` patterns matched: the action's own JUnit or CTRF file (skipped), a
// leg's report (checked against the schema), or anything else (refused, with its first problem).
// A file is read whole at most once at a time, and never past the size limit.
import { createHash } from 'node:crypto'
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { Limits, REPORT_SCHEMA_VERSION } from '../constants.js'
import { isPlainObject, type JsonObject } from '../guards.js'
import type { FinalStatus, LegVerdict, Result } from '../model.js'
import type { RunEntry } from './leg-runs.js'
import { schemaProblem } from './report-schema.js'

/** What a leg's report says about itself and its verdict, without its runs. */
export interface LegHead extends LegVerdict {
  /** Its `leg`, '' when the leg gave none. */
  leg: string
  commit: string
  runId: string
  flakyCount: number
}

export type ReadReport =
  /** Its runs are read again when needed (`readAgain`): a report's bodies are not kept meanwhile. */
  | { kind: 'report'; head: LegHead; sha256: string }
  | { kind: 'skipped'; what: string }
  | { kind: 'refused'; problem: string }

/** Enough of a file's start to tell the action's own JUnit and CTRF files from a report. */
const SNIFF_BYTES = 512

/** The major version this action reads. */
const MAJOR = REPORT_SCHEMA_VERSION.split('.')[0] as string

export function readReport(path: string): ReadReport {
  let size: number
  try {
    const stat = statSync(path)
    if (!stat.isFile()) return { kind: 'refused', problem: 'is not a regular file' }
    size = stat.size
  } catch (error) {
    return { kind: 'refused', problem: `could not be read (${codeOf(error)})` }
  }
  // The action's own JUnit and CTRF files first, whatever their size: a leg with many findings
  // writes a large JUnit file beside its report, and skipping it must not fail the matrix.
  try {
    const own = ownFormat(path)
    if (own) return { kind: 'skipped', what: own }
  } catch (error) {
    return { kind: 'refused', problem: `could not be read (${codeOf(error)})` }
  }
  if (size > Limits.maxReportFileBytes) {
    const mib = (n: number): string => `${Math.ceil(n / 1024 / 1024)} MiB`
    return {
      kind: 'refused',
      problem: `is ${mib(size)}, over the ${mib(Limits.maxReportFileBytes)} a report may have: not a report of a matrix leg`
    }
  }
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    return { kind: 'refused', problem: `could not be read (${codeOf(error)})` }
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const parsed = parseJson(bytes)
  if (parsed === undefined) return { kind: 'refused', problem: 'is not JSON' }
  return checked(parsed, sha256)
}

/** The file's JSON, or undefined when it is not JSON (the parser's message may quote the file). */
function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    return undefined
  }
}

/** A report of this action's major version that matches the schema, or the first problem. */
function checked(value: unknown, sha256: string): ReadReport {
  if (!isPlainObject(value)) return { kind: 'refused', problem: 'is JSON, but not an object' }
  const version = value.schemaVersion
  if (version === undefined) {
    return {
      kind: 'refused',
      problem:
        'has no schemaVersion: not a report of this action, or one written by an older version of it (run the same version of the action in the legs and the gathering job)'
    }
  }
  if (typeof version === 'string' && version.split('.')[0] !== MAJOR) {
    return {
      kind: 'refused',
      problem: `has schemaVersion ${JSON.stringify(version.slice(0, 40))}, and this version of the action reads ${MAJOR}.x: run the same version of the action in the legs and the gathering job`
    }
  }
  if (value.gathered !== undefined) {
    return {
      kind: 'refused',
      problem: "is a combined report (written in reports mode), not a leg's report"
    }
  }
  const problem = schemaProblem(value)
  if (problem) return { kind: 'refused', problem }
  return { kind: 'report', head: headOf(value), sha256 }
}

/** The head of a report that matched the schema (so every field has its type). */
function headOf(report: JsonObject): LegHead {
  const run = report.workflowRun as { id: string; attempt: number }
  return {
    leg: (report.leg as string).trim(),
    commit: report.commit as string,
    runId: run.id,
    attempt: run.attempt,
    passed: report.passed as boolean,
    status: report.status as FinalStatus,
    result: report.result as Result,
    fatal: report.fatal as string | null,
    cancelled: report.cancelled as boolean,
    flakyCount: report.flakyCount as number
  }
}

/**
 * `JUnit XML` or `CTRF` when the file is one the action writes beside its report (told by its
 * start, whatever its name), else null. A leg's artifact may hold all three.
 */
function ownFormat(path: string): string | null {
  const start = Buffer.alloc(SNIFF_BYTES)
  const file = openSync(path, 'r')
  let read: number
  try {
    read = readSync(file, start, 0, SNIFF_BYTES, 0)
  } finally {
    closeSync(file)
  }
  const text = start.subarray(0, read).toString('utf8')
  if (/^<\?xml[^>]*\?>\s*<testsuites name="TesterArmy"/.test(text)) return 'JUnit XML'
  if (
    /^\{\s*"reportFormat": "CTRF"/.test(text) &&
    /"generatedBy": "testerarmy-action\//.test(text)
  ) {
    return 'CTRF'
  }
  return null
}

const codeOf = (error: unknown): string =>
  (error as NodeJS.ErrnoException).code ?? String((error as Error).message ?? error).slice(0, 100)

/** Reads a kept report again, as it was when checked (its digest), for its runs. */
export function readAgain(path: string, sha256: string): RunEntry[] {
  const bytes = readFileSync(path)
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
    throw new Error(`${path} changed while the reports were gathered`)
  }
  return (JSON.parse(bytes.toString('utf8')) as { runs: RunEntry[] }).runs
}
