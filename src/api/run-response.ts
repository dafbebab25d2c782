// What the API answers, checked at the boundary: the run object and the start response, typed from
// both API descriptions in shared/api, lenient with what it does not know, and never trusting a
// field's type without looking. Pure: the client hands it parsed JSON.
import { isPlainObject, isUuid, textOf, uniqueRunIds, type JsonObject } from '../guards.js'
import type {
  Issue,
  Run,
  RunOutput,
  Step,
  TestPlan
} from '../model.js'

/**
 * A success's body was not what the request returns (a run, the started runs): a proxy's page, a
 * truncated body, another endpoint's JSON.
 */
export class NotARunError extends Error {
  override name = 'NotARunError'
}

type Json = JsonObject
const isObject = isPlainObject
const str = textOf
const strOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const strings = (value: unknown): string[] =>
  list(value).filter((v): v is string => typeof v === 'string')

/**
 * Checks a 200 body. Only `status` is essential: without it we cannot tell whether to keep
 * waiting. Everything else is optional here and shown as missing, whatever either API version says
 * is required, because a report with a gap beats a crash.
 */
export function parseRun(body: unknown, expectedId?: string): Run {
  if (!isObject(body)) throw new NotARunError('the response is not a JSON object')
  if (typeof body.status !== 'string' || body.status.trim() === '') {
    throw new NotARunError('the response has no run status')
  }
  const id = str(body.id)
  if (expectedId && id && id.toLowerCase() !== expectedId.toLowerCase()) {
    throw new NotARunError(
      `the response describes run ${JSON.stringify(id.slice(0, 40))}, not ${expectedId}`
    )
  }
  const error = isObject(body.error)
    ? { code: str(body.error.code), message: str(body.error.message) }
    : null
  return {
    id: id || expectedId || '',
    status: body.status.trim().toLowerCase(),
    type: strOrNull(body.type),
    platform: strOrNull(body.platform),
    deviceModel: strOrNull(body.deviceModel),
    source: strOrNull(body.source),
    executionMode: strOrNull(body.executionMode),
    userName: strOrNull(body.userName),
    testId: strOrNull(body.testId),
    projectId: strOrNull(body.projectId),
    createdAt: strOrNull(body.createdAt),
    startedAt: strOrNull(body.startedAt),
    completedAt: strOrNull(body.completedAt),
    durationMs: num(body.durationMs),
    autoRetryCount: num(body.autoRetryCount),
    output: parseOutput(body.output),
    testPlan: parseTestPlan(body.testPlan),
    error: error && (error.code || error.message) ? error : null
  }
}

function parseOutput(value: unknown): RunOutput | null {
  if (!isObject(value)) return null
  if (value.kind === 'planner_skipped')
    return { kind: 'planner_skipped', reason: str(value.reason) }
  return {
    kind: 'test',
    featureName: str(value.featureName),
    result: str(value.result).trim().toUpperCase(),
    description: str(value.description),
    issues: list(value.issues).filter(isObject).map(parseIssue),
    screenshots: strings(value.screenshots),
    steps: list(value.steps).filter(isObject).map(parseStep)
  }
}

/** Severity is trusted only as an integer from 1 to 5; anything else is unrated (the gate fails closed). */
function parseSeverity(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
    ? value
    : null
}

function parseIssue(value: Json): Issue {
  const type = str(value.type).trim().toLowerCase()
  return {
    type: type || 'issue',
    name: str(value.name),
    description: str(value.description),
    url: str(value.url),
    severity: parseSeverity(value.severity),
    reproductionSteps: strings(value.reproductionSteps),
    expectedBehavior: str(value.expectedBehavior),
    actualBehavior: str(value.actualBehavior),
    screenshotUrl: str(value.screenshotUrl),
    tMs: num(value.tMs)
  }
}

function parseStep(value: Json): Step {
  return {
    stepIndex: num(value.stepIndex),
    title: str(value.title),
    type: str(value.type),
    status: str(value.status).trim().toLowerCase(),
    summary: str(value.summary),
    error: str(value.error),
    errorCode: str(value.errorCode),
    startedAtMs: num(value.startedAtMs),
    completedAtMs: num(value.completedAtMs)
  }
}

function parseTestPlan(value: unknown): TestPlan | null {
  if (!isObject(value)) return null
  return {
    instructions: str(value.instructions),
    focusAreas: strings(value.focusAreas),
    complexity: str(value.complexity),
    changeType: str(value.changeType),
    steps: list(value.steps)
      .filter(isObject)
      .map(step => ({ type: str(step.type), title: str(step.title) }))
  }
}

/** What a start request gave: the runs to wait for, and those the API cancelled at once. */
export interface StartedRuns {
  /** Every run the request created, lower-cased, the cancelled ones included. */
  runIds: string[]
  cancelledRunIds: string[]
  /** A group run's batch (lower-cased), for cancelling it as a whole; absent otherwise. */
  batchId?: string
  /** The answer as received, for `metadata.github`. */
  answer?: unknown
}

/**
 * Checks the body of a successful start: `{ runId }` for a test; `{ runIds, queuedRunIds,
 * cancelledRunIds }` for a group, whose runs are named by any of the three lists (a group whose
 * `runIds` is missing still names its runs in the other two). Throws `NotARunError` for an ID that
 * is not a UUID, or when the body names no run (an empty `runIds` of a group is an answer: the
 * caller says the group started nothing).
 */
export function parseStartResponse(body: unknown, kind: 'test' | 'group'): StartedRuns {
  const json = isObject(body) ? body : {}
  const ids = (value: unknown): string[] =>
    list(value).filter((v): v is string => typeof v === 'string' && v.trim() !== '')
  const listed = [json.runId, json.runIds, json.queuedRunIds, json.cancelledRunIds].flat()
  if (listed.some(v => typeof v === 'string' && !isUuid(v))) {
    throw new NotARunError('with a run ID that is not a UUID')
  }
  const runIds = kind === 'test' ? ids([json.runId]) : ids(json.runIds)
  const cancelledRunIds = kind === 'test' ? [] : ids(json.cancelledRunIds)
  const all = uniqueRunIds([
    ...runIds,
    ...(kind === 'group' ? ids(json.queuedRunIds) : []),
    ...cancelledRunIds
  ])
  if (all.length === 0 && !(kind === 'group' && Array.isArray(json.runIds))) {
    throw new NotARunError('without the ID of the run it started')
  }
  const batchId = kind === 'group' && typeof json.batchId === 'string' ? json.batchId : ''
  return {
    runIds: all,
    cancelledRunIds: uniqueRunIds(cancelledRunIds),
    ...(isUuid(batchId) ? { batchId: batchId.toLowerCase() } : {}),
    answer: body
  }
}

/**
 * The runs a batch cancel covered (cancelled, or found already finished), from its 200 or its 409
 * answer; [] when the body says nothing usable, so every run then gets its own cancel.
 */
export function parseBatchCancel(body: unknown): string[] {
  const json = isObject(body) ? body : {}
  return [...list(json.cancelledRunIds), ...list(json.alreadyFinishedRunIds)]
    .filter((id): id is string => typeof id === 'string' && isUuid(id))
    .map(id => id.toLowerCase())
}

/** A body's JSON, or what it starts with when it is not JSON. */
type DecodedJson = { ok: true; value: unknown } | { ok: false; message: string }

/**
 * Parses a response body. A leading byte-order mark is skipped: some servers and proxies write one
 * before JSON, and it says nothing about the content.
 */
export function decodeJson(body: string): DecodedJson {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, message: `not JSON (${describeBody(body)})` }
  }
}

/**
 * A proxy's HTML error page or a stray body, summarised without dumping it into the log. Invisible
 * and control characters are shown as `\uXXXX`, since they are often why a body is not JSON.
 */
export function describeBody(body: string): string {
  const trimmed = body.trim()
  if (trimmed === '') return 'empty body'
  if (/^<!doctype html|^<html/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(trimmed)?.[1]?.trim()
    return title ? `an HTML page titled "${title}"` : 'an HTML page'
  }
  const start = Array.from(trimmed.slice(0, 40))
    .map(c => (visible().test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
    .join('')
  return `${trimmed.length} characters starting "${start}"`
}

/**
 * Printable ASCII, and letters, marks, numbers, punctuation and symbols beyond it. Built at first
 * use, not written as a literal: V8 checks a literal's Unicode classes as the module loads, which
 * cost every start about 20 million instructions (2 to 4 % of the cold start), for a pattern only
 * a body that is not JSON ever needs.
 */
let visiblePattern: RegExp | undefined
const visible = (): RegExp =>
  (visiblePattern ??= new RegExp('^[\\u0020-\\u007e]$|^[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}]$', 'u'))
