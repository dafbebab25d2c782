// Transport to the TesterArmy API over @actions/http-client (proxies, no_proxy): every answer,
// fault included, as a typed value. Bodies are checked in run-response.ts; what a fault means is
// the retry policy's job.
import type { IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import { Limits, VERSION } from '../constants.js'
import { formatDuration } from '../duration.js'
import { networkMessage, withSignal } from './http-request.js'
import {
  NotAnAppError,
  parseAppList,
  parseConfirmed,
  parseUploadTicket,
  type MobileApp,
  type UploadTicket
} from './app-response.js'
import type {
  Aborted,
  Fault,
  HttpError,
  InvalidBody,
  NetworkError,
  Run,
  TooLarge
} from '../model.js'
import { scrubJson, scrubText } from '../redact.js'
import {
  decodeJson,
  describeBody,
  NotARunError,
  parseBatchCancel,
  parseRun,
  parseStartResponse,
  type StartedRuns
} from './run-response.js'
import { LIST_PAGE_SIZE, parseRunList, type ListRunsResponse } from './run-list.js'

export type { NetworkError } from '../model.js'

/** An API answer about uploads: the value, or why not (the same faults as every API request). */
export type ApiAnswer<T> = { kind: 'ok'; value: T } | Fault

export interface UploadRequestBody {
  filename: string
  fileSize: number
  removeAfter?: number
}

interface UploadApiOptions {
  signal?: AbortSignal
}

/** The three API requests of an upload; ApiClient implements them, tests hand in fakes. */
export interface UploadApi {
  createUpload(
    projectId: string,
    body: UploadRequestBody,
    options?: UploadApiOptions
  ): Promise<ApiAnswer<UploadTicket>>
  confirmUpload(
    projectId: string,
    body: UploadRequestBody & { storageKey: string },
    options?: UploadApiOptions
  ): Promise<ApiAnswer<MobileApp>>
  listApps(projectId: string, options?: UploadApiOptions): Promise<ApiAnswer<MobileApp[]>>
}

/** A 200 whose body is a run. `body` is kept as received for the report file. */
export type GetRunResponse = { kind: 'run'; run: Run; body: unknown } | Fault

export type CancelRunResponse =
  { kind: 'cancelled' } | Omit<HttpError, 'retryAfterMs'> | NetworkError | TooLarge | Aborted

/** What a start request gave: the runs to wait for, and those the API cancelled at once. */
export type StartRunsResponse = ({ kind: 'started' } & StartedRuns) | Fault

/** What a batch cancel covered: the runs it cancelled or found finished; the rest need their own. */
export type CancelBatchResponse =
  | { kind: 'cancelled'; covered: string[] }
  | (Omit<HttpError, 'retryAfterMs'> & { covered: string[] })
  | NetworkError
  | TooLarge
  | Aborted

/** What the poller needs from the API; the poller's tests can hand it anything with this shape. */
export interface RunsApi {
  getRun(id: string, options?: RequestOptions): Promise<GetRunResponse>
  cancelRun(id: string, options?: RequestOptions): Promise<CancelRunResponse>
  /** A page of a project's runs, newest first; without it, every run is read by ID. */
  listRuns?(
    projectId: string,
    cursor: string | null,
    options?: RequestOptions
  ): Promise<ListRunsResponse>
}

/**
 * The requests that start runs (`POST /v1/tests/{id}/runs`, `POST /v1/groups/{id}/runs`, the
 * agent's `POST /v1/projects/{id}/pull-request-runs`) and the one that cancels a group's batch.
 */
export interface StartApi {
  startRuns(
    kind: 'test' | 'group',
    id: string,
    body: object,
    options?: RequestOptions
  ): Promise<StartRunsResponse>
  startAgent(projectId: string, body: object, options?: RequestOptions): Promise<StartRunsResponse>
  /** `POST /v1/batches/{batchId}/cancel`, no body: every unfinished run of a group run at once. */
  cancelBatch(batchId: string, options?: RequestOptions): Promise<CancelBatchResponse>
}

export interface RequestOptions {
  /** Ends the request early: the deadline or the runner's cancellation. */
  signal?: AbortSignal
  /** This request's own limit; defaults to `Limits.requestTimeoutMs`. */
  timeoutMs?: number
}

interface ApiClientOptions {
  apiUrl: string
  apiKey: string
  /** Told about each request (method, path, status, time; never a header) for debug logging. */
  onRequest?: (line: string) => void
  now?: () => number
}

export class ApiClient implements RunsApi, StartApi, UploadApi {
  private readonly now: () => number

  constructor(private readonly options: ApiClientOptions) {
    this.now = options.now ?? Date.now
  }

  async getRun(id: string, options: RequestOptions = {}): Promise<GetRunResponse> {
    const answer = await this.send('GET', `/v1/runs/${encodeURIComponent(id)}`, options)
    if (answer.kind !== 'http') return answer
    if (answer.status !== 200) return this.httpError(answer)
    return this.decode(answer, 'but ', json => ({
      kind: 'run',
      run: parseRun(json, id),
      body: json
    }))
  }

  /** `GET /v1/runs?projectId=&limit=100&cursor=`: a page of the project's runs, newest first. */
  async listRuns(
    projectId: string,
    cursor: string | null,
    options: RequestOptions = {}
  ): Promise<ListRunsResponse> {
    const query = new URLSearchParams({ projectId, limit: String(LIST_PAGE_SIZE) })
    if (cursor !== null) query.set('cursor', cursor)
    const answer = await this.send('GET', `/v1/runs?${query}`, options)
    if (answer.kind !== 'http') return answer
    if (answer.status !== 200) return this.httpError(answer)
    if (answer.body.length > Limits.maxListPageBytes) {
      const mb = Math.round(Limits.maxListPageBytes / 1024 / 1024)
      return { kind: 'too-large', message: `a page of the run list is larger than ${mb} MB` }
    }
    return this.decode(answer, '', json => ({ kind: 'list', page: parseRunList(json) }))
  }

  async cancelRun(id: string, options: RequestOptions = {}): Promise<CancelRunResponse> {
    const answer = await this.send('POST', `/v1/runs/${encodeURIComponent(id)}/cancel`, {
      timeoutMs: Limits.cancelRequestTimeoutMs,
      ...options
    })
    if (answer.kind !== 'http') return answer
    if (isSuccess(answer.status)) return { kind: 'cancelled' }
    const { kind, status, message } = this.httpError(answer)
    return { kind, status, message }
  }

  async startRuns(
    kind: 'test' | 'group',
    id: string,
    body: object,
    options: RequestOptions = {}
  ): Promise<StartRunsResponse> {
    const path = `/v1/${kind === 'test' ? 'tests' : 'groups'}/${encodeURIComponent(id)}/runs`
    return this.start(kind, path, body, options)
  }

  /** The exploration agent: one run, answered like a test's (`runId`). */
  async startAgent(
    projectId: string,
    body: object,
    options: RequestOptions = {}
  ): Promise<StartRunsResponse> {
    const path = `/v1/projects/${encodeURIComponent(projectId)}/pull-request-runs`
    return this.start('test', path, body, options)
  }

  async cancelBatch(batchId: string, options: RequestOptions = {}): Promise<CancelBatchResponse> {
    const answer = await this.send('POST', `/v1/batches/${encodeURIComponent(batchId)}/cancel`, {
      timeoutMs: Limits.cancelRequestTimeoutMs,
      ...options
    })
    if (answer.kind !== 'http') return answer
    // A body that is not JSON covers nothing known: every run then gets its own cancel.
    const decoded = decodeJson(answer.body)
    // A 409 (some runs could not be cancelled) still lists those it did cover.
    const covered = parseBatchCancel(decoded.ok ? decoded.value : null)
    if (isSuccess(answer.status)) return { kind: 'cancelled', covered }
    const { kind, status, message } = this.httpError(answer)
    return { kind, status, message, covered }
  }

  private async start(
    kind: 'test' | 'group',
    path: string,
    body: object,
    options: RequestOptions
  ): Promise<StartRunsResponse> {
    const answer = await this.send('POST', path, options, JSON.stringify(body))
    if (answer.kind !== 'http') return answer
    if (!isSuccess(answer.status)) return this.httpError(answer)
    return this.decode(answer, '', json => ({
      kind: 'started',
      ...parseStartResponse(json, kind)
    }))
  }

  /** `POST /v1/projects/{id}/mobile/upload`: a presigned URL for the build. */
  createUpload(
    projectId: string,
    body: UploadRequestBody,
    options: RequestOptions = {}
  ): Promise<{ kind: 'ok'; value: UploadTicket } | Fault> {
    return this.decoded('POST', `${mobilePath(projectId)}/upload`, options, body, parseUploadTicket)
  }

  /** `POST /v1/projects/{id}/mobile/upload/confirm`: the uploaded file becomes an app. */
  confirmUpload(
    projectId: string,
    body: UploadRequestBody & { storageKey: string },
    options: RequestOptions = {}
  ): Promise<{ kind: 'ok'; value: MobileApp } | Fault> {
    const path = `${mobilePath(projectId)}/upload/confirm`
    return this.decoded('POST', path, options, body, parseConfirmed)
  }

  /** `GET /v1/projects/{id}/mobile`: the project's apps, to find one whose confirm answer was lost. */
  listApps(
    projectId: string,
    options: RequestOptions = {}
  ): Promise<{ kind: 'ok'; value: MobileApp[] } | Fault> {
    return this.decoded('GET', mobilePath(projectId), options, undefined, parseAppList)
  }

  /** A request whose success body is JSON checked by `parse`; anything else as the usual faults. */
  private async decoded<T>(
    method: 'GET' | 'POST',
    path: string,
    options: RequestOptions,
    body: object | undefined,
    parse: (json: unknown) => T
  ): Promise<{ kind: 'ok'; value: T } | Fault> {
    const json = body === undefined ? undefined : JSON.stringify(body)
    const answer = await this.send(method, path, options, json)
    if (answer.kind !== 'http') return answer
    if (!isSuccess(answer.status)) return this.httpError(answer)
    return this.decode(answer, 'with ', value => ({ kind: 'ok' as const, value: parse(value) }))
  }

  /** The key, scrubbed from text about a body that is not JSON (a proxy page may echo headers). */
  private scrub(text: string): string {
    return scrubText(text, [this.options.apiKey])
  }

  private httpError({ status, body, retryAfterMs, location }: HttpAnswer): HttpError {
    const decoded = decodeJson(body)
    const json = decoded.ok ? scrubJson(decoded.value, [this.options.apiKey]) : undefined
    const message = this.scrub(errorMessage(status, body, json, location))
    return { kind: 'http-error', status, message, retryAfterMs }
  }

  /**
   * Parses a success's JSON body, scrubs the key from every string in it, and hands it to `parse`;
   * what `parse` refuses is an invalid body, said as "the API answered 200 {joint}{why}". Scrubbed
   * once parsed, before anything reads it: whatever JSON spelling the API used for the key
   * (escaped slashes, \u escapes), the parsed string holds the key as it is.
   */
  private decode<T>(
    answer: HttpAnswer,
    joint: string,
    parse: (json: unknown) => T
  ): T | InvalidBody {
    const { status, body } = answer
    const decoded = decodeJson(body)
    if (!decoded.ok) {
      return {
        kind: 'invalid-body',
        message: `the API answered ${status} with a body that is ${this.scrub(decoded.message)}`
      }
    }
    try {
      return parse(scrubJson(decoded.value, [this.options.apiKey]))
    } catch (error) {
      if (!(error instanceof NotARunError) && !(error instanceof NotAnAppError)) throw error
      return {
        kind: 'invalid-body',
        message: `the API answered ${status} ${joint}${error.message}`
      }
    }
  }

  /** One request, its answer read to the end (raw: scrubbed once parsed), or the fault that ended it. */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    { signal, timeoutMs = Limits.requestTimeoutMs }: RequestOptions,
    json?: string
  ): Promise<HttpAnswer | NetworkError | TooLarge | Aborted> {
    if (signal?.aborted) return { kind: 'aborted' }
    const abort = requestAbort(signal, timeoutMs)
    const started = this.now()
    const log = (outcome: string): void =>
      this.options.onRequest?.(`${method} ${path} -> ${outcome}`)
    try {
      const response = await this.client(abort.signal, timeoutMs).request(
        method,
        `${this.options.apiUrl}${path}`,
        method === 'POST' ? (json ?? '') : null,
        json === undefined ? {} : { 'content-type': 'application/json' }
      )
      // Raw: scrubbing JSON text could break its syntax and would miss the key spelled with
      // escapes, so the key is scrubbed once the body is parsed (see decode).
      const body = await readBody(response.message, abort.signal)
      const status = response.message.statusCode ?? 0
      log(`${status} in ${this.now() - started} ms`)
      const { headers } = response.message
      const retryAfterMs = parseRetryAfter(headers['retry-after'], this.now())
      const location = status >= 300 && status < 400 && headers.location ? headers.location : null
      return { kind: 'http', status, body, retryAfterMs, location }
    } catch (error) {
      if (error instanceof ResponseTooLarge) {
        log(error.message)
        return { kind: 'too-large', message: error.message }
      }
      const fault = classifyFailure(error, abort, timeoutMs)
      log(fault.kind === 'aborted' ? `aborted after ${this.now() - started} ms` : fault.message)
      return fault
    } finally {
      abort.dispose()
    }
  }

  private client(signal: AbortSignal, timeoutMs: number): HttpClient {
    return new HttpClient(`testerarmy-action/${VERSION}`, [withSignal(signal)], {
      allowRetries: false,
      // Redirects would re-send the key to wherever the API pointed; the API never redirects.
      allowRedirects: false,
      socketTimeout: timeoutMs,
      headers: { authorization: `Bearer ${this.options.apiKey}`, accept: 'application/json' }
    })
  }
}

const mobilePath = (projectId: string): string =>
  `/v1/projects/${encodeURIComponent(projectId)}/mobile`

/** An HTTP answer, any status, its body read in full. */
interface HttpAnswer {
  kind: 'http'
  status: number
  body: string
  retryAfterMs: number | null
  /** Where a redirect points: the API never redirects, so it means `api-url` is wrong. */
  location: string | null
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300

/** Raised inside a request when its own timer fires, to tell that apart from the caller's abort. */
class RequestTimeout extends Error {}

/** One controller per request, ended by the caller's signal or by this request's own timer. */
function requestAbort(
  signal: AbortSignal | undefined,
  timeoutMs: number
): { signal: AbortSignal; byCaller: () => boolean; dispose: () => void } {
  const controller = new AbortController()
  const onAbort = (): void => controller.abort(signal?.reason)
  signal?.addEventListener('abort', onAbort, { once: true })
  const timer = setTimeout(() => controller.abort(new RequestTimeout()), timeoutMs)
  return {
    signal: controller.signal,
    byCaller: () =>
      controller.signal.aborted && !(controller.signal.reason instanceof RequestTimeout),
    dispose: () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }
}

/** What a request that got no answer tells the retry rules: aborted, timed out, or never sent. */
function classifyFailure(
  error: unknown,
  abort: { signal: AbortSignal; byCaller: () => boolean },
  timeoutMs: number
): NetworkError | Aborted {
  if (abort.byCaller()) return { kind: 'aborted' }
  const timedOut = abort.signal.aborted || /timeout/i.test(String((error as Error)?.message))
  const message = timedOut
    ? `no answer from the API within ${formatDuration(timeoutMs)}`
    : networkMessage(error, API_NETWORK_ERRORS, 'request failed')
  const code = (error as { code?: unknown })?.code
  const neverSent = !timedOut && typeof code === 'string' && NEVER_SENT.includes(code)
  return { kind: 'network-error', message, timedOut, mayHaveArrived: !neverSent }
}

/** A body over `Limits.maxResponseBytes`: said as such, and not worth asking for again. */
class ResponseTooLarge extends Error {
  constructor() {
    super(
      `the API's answer is larger than ${Math.round(Limits.maxResponseBytes / 1024 / 1024)} MB, more than this action can read`
    )
  }
}

/**
 * Reads a body to its end, or fails when the connection drops or the signal fires. (http-client's
 * own readBody waits forever on a connection that dies mid-body.)
 */
function readBody(message: IncomingMessage, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    // Settled before the socket is destroyed: destroying it fires 'aborted' and 'close' at once,
    // whose "connection closed" must not hide the real reason.
    const fail = (error: Error): void => {
      if (settled) return
      settled = true
      reject(error)
      message.destroy()
    }
    if (signal.aborted) return fail(new Error('aborted'))
    signal.addEventListener('abort', () => fail(new Error('aborted')), { once: true })
    // Refused before a byte is read when the server says how large it is.
    if (Number(message.headers['content-length']) > Limits.maxResponseBytes)
      return fail(new ResponseTooLarge())
    // With a Content-Length, the body is copied into one buffer of that size as it comes: a huge
    // body is then held once (plus its text), never as chunks and their concatenation at once.
    const length = Number(message.headers['content-length'])
    // Its own memory (allocUnsafeSlow: never the shared pool), so it can be released at once below.
    let whole = Number.isSafeInteger(length) && length > 0 ? Buffer.allocUnsafeSlow(length) : null
    message.on('data', (chunk: Buffer) => {
      if (settled) return
      if (size + chunk.length > Limits.maxResponseBytes) return fail(new ResponseTooLarge())
      if (whole && size + chunk.length <= whole.length) {
        chunk.copy(whole, size)
      } else {
        // More than announced (never from Node's parser): back to chunks, nothing lost.
        if (whole) chunks.push(whole.subarray(0, size))
        whole = null
        chunks.push(chunk)
      }
      size += chunk.length
    })
    message.on('end', () => {
      if (settled) return
      settled = true
      const text = whole ? whole.toString('utf8', 0, size) : Buffer.concat(chunks, size).toString()
      // The text is a copy: the bytes are freed now rather than at some later garbage collection,
      // while JSON.parse builds the body beside the text (ArrayBuffer.transfer: Node 22 and later).
      ;(whole?.buffer as { transfer?: (length: number) => ArrayBuffer } | undefined)?.transfer?.(0)
      whole = null
      chunks.length = 0
      resolve(text)
    })
    message.on('error', fail)
    message.on('aborted', () => fail(new Error('the connection closed before the response ended')))
    message.on('close', () => {
      if (!message.complete) fail(new Error('the connection closed before the response ended'))
    })
  })
}

/** `Retry-After` as seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | string[] | undefined, now: number): number | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim()
  if (!value) return null
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/**
 * The API's `{ error, message }` when it sent one (`json`: the body parsed and scrubbed), else a
 * short description of what came back; a redirect says where it points.
 */
function errorMessage(
  status: number,
  body: string,
  json: unknown,
  location: string | null
): string {
  const where = location ? ` to ${location.slice(0, 200)}` : ''
  if (typeof json === 'object' && json !== null) {
    const { message, error } = json as Record<string, unknown>
    const text = [message, error].find((v): v is string => typeof v === 'string' && v.trim() !== '')
    if (text) return `HTTP ${status}${where}: ${text.trim().slice(0, 300)}`
  }
  return `HTTP ${status}${where}${body.trim() ? ` (${describeBody(body)})` : ''}`
}

/** Errors raised before a single byte of the request could reach the server. */
const NEVER_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']

/** The network errors a user can act on, in words about the API. */
const API_NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'the API refused the connection',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was reset',
  ENOTFOUND: 'the API host was not found (DNS)',
  EAI_AGAIN: 'the API host could not be resolved (DNS)',
  ETIMEDOUT: 'the connection timed out'
}
