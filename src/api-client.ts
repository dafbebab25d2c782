// Talks to the TesterArmy API over @actions/http-client (proxies, no_proxy) and reports every
// answer, fault included, as a typed value: deciding what a fault means is the retry policy's job.
import type { IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import { Limits, VERSION } from './constants.js'
import { formatDuration } from './duration.js'
import { NotARunError, parseRun, type Run } from './run-response.js'

export type GetRunResponse =
  /** A 200 whose body is a run. `body` is kept as received for the report file. */
  | { kind: 'run'; run: Run; body: unknown }
  /** Any other HTTP status. `retryAfterMs` is set when the server said how long to wait. */
  | { kind: 'http-error'; status: number; message: string; retryAfterMs: number | null }
  /** A 200 whose body is not JSON or not a run. */
  | { kind: 'invalid-body'; message: string }
  /** No HTTP answer: refused, reset, DNS, TLS, or the request's own timeout. */
  | NetworkError
  /** The caller's signal ended the request (the action's deadline or the runner's cancel). */
  | { kind: 'aborted' }

export interface NetworkError {
  kind: 'network-error'
  message: string
  timedOut: boolean
  /**
   * False only when the request certainly never reached the server (refused, DNS): the one case
   * where repeating a request that starts a run cannot start a second one.
   */
  mayHaveArrived: boolean
}

export type CancelRunResponse =
  | { kind: 'cancelled' }
  | { kind: 'http-error'; status: number; message: string }
  | NetworkError
  | { kind: 'aborted' }

/** What a start request gave: the runs to wait for, and those the API cancelled at once. */
export type StartRunsResponse =
  | { kind: 'started'; runIds: string[]; cancelledRunIds: string[] }
  | { kind: 'http-error'; status: number; message: string; retryAfterMs: number | null }
  | { kind: 'invalid-body'; message: string }
  | NetworkError
  | { kind: 'aborted' }

/** What the poller needs from the API; the poller's tests can hand it anything with this shape. */
export interface RunsApi {
  getRun(id: string, options?: RequestOptions): Promise<GetRunResponse>
  cancelRun(id: string, options?: RequestOptions): Promise<CancelRunResponse>
}

/** The two requests that start runs: `POST /v1/tests/{id}/runs` and `POST /v1/groups/{id}/runs`. */
export interface StartApi {
  startRuns(
    kind: 'test' | 'group',
    id: string,
    body: object,
    options?: RequestOptions
  ): Promise<StartRunsResponse>
}

export interface RequestOptions {
  /** Ends the request early: the deadline or the runner's cancellation. */
  signal?: AbortSignal
  /** This request's own limit; defaults to 30 s. */
  timeoutMs?: number
}

export interface ApiClientOptions {
  apiUrl: string
  apiKey: string
  /** Told about each request (method, path, status, time; never a header) for debug logging. */
  onRequest?: (line: string) => void
  now?: () => number
}

/** Raised inside a request when its own timer fires, to tell that apart from the caller's abort. */
class RequestTimeout extends Error {}

export class ApiClient implements RunsApi, StartApi {
  private readonly now: () => number

  constructor(private readonly options: ApiClientOptions) {
    this.now = options.now ?? Date.now
  }

  async getRun(id: string, options: RequestOptions = {}): Promise<GetRunResponse> {
    const answer = await this.send('GET', `/v1/runs/${encodeURIComponent(id)}`, options)
    if (answer.kind !== 'http') return answer
    const { status, body, retryAfterMs } = answer
    if (status !== 200) {
      return { kind: 'http-error', status, message: errorMessage(status, body), retryAfterMs }
    }
    let json: unknown
    try {
      json = JSON.parse(body)
    } catch {
      return {
        kind: 'invalid-body',
        message: `the API answered 200 with a body that is not JSON (${describeBody(body)})`
      }
    }
    try {
      return { kind: 'run', run: parseRun(json, id), body: json }
    } catch (error) {
      if (error instanceof NotARunError) {
        return { kind: 'invalid-body', message: `the API answered 200 but ${error.message}` }
      }
      throw error
    }
  }

  async cancelRun(id: string, options: RequestOptions = {}): Promise<CancelRunResponse> {
    const answer = await this.send('POST', `/v1/runs/${encodeURIComponent(id)}/cancel`, {
      timeoutMs: Limits.cancelRequestTimeoutMs,
      ...options
    })
    if (answer.kind !== 'http') return answer
    if (answer.status >= 200 && answer.status < 300) return { kind: 'cancelled' }
    return {
      kind: 'http-error',
      status: answer.status,
      message: errorMessage(answer.status, answer.body)
    }
  }

  async startRuns(
    kind: 'test' | 'group',
    id: string,
    body: object,
    options: RequestOptions = {}
  ): Promise<StartRunsResponse> {
    const path = `/v1/${kind === 'test' ? 'tests' : 'groups'}/${encodeURIComponent(id)}/runs`
    const answer = await this.send('POST', path, options, JSON.stringify(body))
    if (answer.kind !== 'http') return answer
    const { status, retryAfterMs } = answer
    if (status < 200 || status >= 300) {
      return {
        kind: 'http-error',
        status,
        message: errorMessage(status, answer.body),
        retryAfterMs
      }
    }
    let json: Record<string, unknown>
    try {
      json = JSON.parse(answer.body) as Record<string, unknown>
    } catch {
      return {
        kind: 'invalid-body',
        message: `the API answered ${status} with a body that is not JSON (${describeBody(answer.body)})`
      }
    }
    const ids = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
        : []
    const listed = [json?.runId, json?.runIds, json?.queuedRunIds, json?.cancelledRunIds].flat()
    if (listed.some(v => typeof v === 'string' && !RUN_ID.test(v))) {
      return {
        kind: 'invalid-body',
        message: `the API answered ${status} with a run ID that is not a UUID`
      }
    }
    const runIds = kind === 'test' ? ids([json?.runId]) : ids(json?.runIds)
    const cancelledRunIds = kind === 'test' ? [] : ids(json?.cancelledRunIds)
    // A group whose runIds is missing still names its runs in the two other lists.
    const all = [
      ...new Set([
        ...runIds,
        ...(kind === 'group' ? ids(json?.queuedRunIds) : []),
        ...cancelledRunIds
      ])
    ]
    if (all.length === 0 && !(kind === 'group' && Array.isArray(json?.runIds))) {
      return {
        kind: 'invalid-body',
        message: `the API answered ${status} without the ID of the run it started`
      }
    }
    return {
      kind: 'started',
      runIds: all.map(i => i.toLowerCase()),
      cancelledRunIds: cancelledRunIds.map(i => i.toLowerCase())
    }
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    { signal, timeoutMs = Limits.requestTimeoutMs }: RequestOptions,
    json?: string
  ): Promise<
    | { kind: 'http'; status: number; body: string; retryAfterMs: number | null }
    | NetworkError
    | { kind: 'aborted' }
  > {
    if (signal?.aborted) return { kind: 'aborted' }
    // One controller per request, ended by the caller's signal or by this request's own timer.
    const controller = new AbortController()
    const onAbort = (): void => controller.abort(signal?.reason)
    signal?.addEventListener('abort', onAbort, { once: true })
    const timer = setTimeout(() => controller.abort(new RequestTimeout()), timeoutMs)
    const started = this.now()
    const url = `${this.options.apiUrl}${path}`
    try {
      const client = new HttpClient(
        `testerarmy-action/${VERSION}`,
        [withSignal(controller.signal)],
        {
          allowRetries: false,
          // Redirects would re-send the key to wherever the API pointed; the API never redirects.
          allowRedirects: false,
          socketTimeout: timeoutMs,
          headers: {
            authorization: `Bearer ${this.options.apiKey}`,
            accept: 'application/json'
          }
        }
      )
      const headers = json === undefined ? {} : { 'content-type': 'application/json' }
      const response = await client.request(
        method,
        url,
        method === 'POST' ? (json ?? '') : null,
        headers
      )
      // Scrubbed here, before any parsing or escaping can change its spelling: the API must never
      // be able to put the key into a summary, a comment or the report, even by echoing it.
      const body = scrubSecret(
        await readBody(response.message, controller.signal),
        this.options.apiKey
      )
      const status = response.message.statusCode ?? 0
      this.options.onRequest?.(`${method} ${path} -> ${status} in ${this.now() - started} ms`)
      return {
        kind: 'http',
        status,
        body,
        retryAfterMs: parseRetryAfter(response.message.headers['retry-after'], this.now())
      }
    } catch (error) {
      const reason = controller.signal.reason
      if (controller.signal.aborted && !(reason instanceof RequestTimeout)) {
        this.options.onRequest?.(`${method} ${path} -> aborted after ${this.now() - started} ms`)
        return { kind: 'aborted' }
      }
      const timedOut =
        controller.signal.aborted || /timeout/i.test(String((error as Error)?.message))
      const message = timedOut
        ? `no answer from the API within ${formatDuration(timeoutMs)}`
        : networkMessage(error)
      this.options.onRequest?.(`${method} ${path} -> ${message}`)
      const code = (error as { code?: unknown })?.code
      const neverSent = !timedOut && typeof code === 'string' && NEVER_SENT.includes(code)
      return { kind: 'network-error', message, timedOut, mayHaveArrived: !neverSent }
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }
}

/** http-client's extension point for request options: it lets an AbortSignal reach http.request. */
function withSignal(signal: AbortSignal): RequestHandler {
  return {
    prepareRequest: options => {
      options.signal = signal
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not supported'))
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
    const fail = (error: Error): void => {
      message.destroy()
      reject(error)
    }
    if (signal.aborted) return fail(new Error('aborted'))
    signal.addEventListener('abort', () => fail(new Error('aborted')), { once: true })
    message.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > Limits.maxResponseBytes) return fail(new Error('the response is too large'))
      chunks.push(chunk)
    })
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
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

/** The API's `{ error, message }` when it sent one, else a short description of what came back. */
function errorMessage(status: number, body: string): string {
  try {
    const json: unknown = JSON.parse(body)
    if (typeof json === 'object' && json !== null) {
      const { message, error } = json as Record<string, unknown>
      const text = [message, error].find(
        (v): v is string => typeof v === 'string' && v.trim() !== ''
      )
      if (text) return `HTTP ${status}: ${text.trim().slice(0, 300)}`
    }
  } catch {
    // not JSON: described below
  }
  return `HTTP ${status}${body.trim() ? ` (${describeBody(body)})` : ''}`
}

/** A proxy's HTML error page or a stray body, summarised without dumping it into the log. */
function describeBody(body: string): string {
  const trimmed = body.trim()
  if (trimmed === '') return 'empty body'
  if (/^<!doctype html|^<html/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(trimmed)?.[1]?.trim()
    return title ? `an HTML page titled "${title}"` : 'an HTML page'
  }
  return `${trimmed.length} characters starting "${trimmed.slice(0, 40).replace(/\s+/g, ' ')}"`
}

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The key, as sent and as JSON would escape it, replaced by `***`. */
export function scrubSecret(text: string, secret: string): string {
  if (!secret) return text
  const forms = [secret, JSON.stringify(secret).slice(1, -1)]
  return forms.reduce((out, form) => out.split(form).join('***'), text)
}

/** Errors raised before a single byte of the request could reach the server. */
const NEVER_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']

function networkMessage(error: unknown): string {
  const code = (error as { code?: unknown })?.code
  const text = error instanceof Error ? error.message : String(error)
  const known: Record<string, string> = {
    ECONNREFUSED: 'the API refused the connection',
    ECONNRESET: 'the connection was reset',
    EPIPE: 'the connection was reset',
    ENOTFOUND: 'the API host was not found (DNS)',
    EAI_AGAIN: 'the API host could not be resolved (DNS)',
    ETIMEDOUT: 'the connection timed out'
  }
  const description = typeof code === 'string' ? known[code] : undefined
  return description ? `${description} (${code})` : `request failed: ${text}`
}
