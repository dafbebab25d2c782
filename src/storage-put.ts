// Sends one file to a presigned storage URL with one plain PUT, streamed from disk through
// @actions/http-client (so https_proxy and no_proxy apply), and says how it went as a typed value.
import { createReadStream } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import { formatDuration } from './duration.js'

export type PutResult =
  | { kind: 'stored'; status: number }
  | { kind: 'http-error'; status: number; message: string; retryAfterMs: number | null }
  /** Refused, reset, DNS, TLS, or no byte moving for the idle timeout. */
  | { kind: 'network-error'; message: string }
  /** The caller's signal ended it: the runner's cancel or the step's timeout. */
  | { kind: 'aborted' }

export interface PutOptions {
  url: string
  path: string
  size: number
  userAgent: string
  /** Ends the PUT at once: the runner's cancel or the step's timeout. */
  signal?: AbortSignal
  /** No byte read from disk or written to the socket for this long ends the attempt. */
  idleTimeoutMs: number
  /** Told the bytes read so far, as they go. */
  onProgress?: (sent: number) => void
}

/** Large reads keep syscalls few; backpressure keeps at most a few of them in memory. */
const READ_CHUNK_BYTES = 1024 * 1024
/** A storage error page is small; anything beyond this is not worth reading for a message. */
const MAX_ERROR_BODY_BYTES = 64 * 1024

class IdleTimeout extends Error {}

export async function putFile(options: PutOptions): Promise<PutResult> {
  const { signal, idleTimeoutMs } = options
  if (signal?.aborted) return { kind: 'aborted' }
  const controller = new AbortController()
  const onAbort = (): void => controller.abort(signal?.reason)
  signal?.addEventListener('abort', onAbort, { once: true })
  let idle: NodeJS.Timeout | undefined
  const touch = (): void => {
    clearTimeout(idle)
    idle = setTimeout(() => controller.abort(new IdleTimeout()), idleTimeoutMs)
  }
  const file = createReadStream(options.path, { highWaterMark: READ_CHUNK_BYTES })
  let sent = 0
  file.on('data', (chunk: Buffer | string) => {
    sent += chunk.length
    touch()
    options.onProgress?.(sent)
  })
  // A file that cannot be read fails the request instead of leaving it waiting for a body.
  const fileError = new Promise<never>((_, reject) => file.once('error', reject))
  fileError.catch(() => undefined)
  controller.signal.addEventListener('abort', () => file.destroy(), { once: true })
  touch()
  try {
    const client = new HttpClient(options.userAgent, [withSignal(controller.signal)], {
      allowRetries: false,
      // A presigned URL that redirects is not one to follow with the build: S3 never does.
      allowRedirects: false,
      socketTimeout: idleTimeoutMs
    })
    // Exactly these headers: the URL's signature covers the content type, and a length makes
    // Node send the body as it is instead of chunked, which S3 refuses (501).
    const response = await Promise.race([
      client.sendStream('PUT', options.url, file, {
        'content-type': 'application/octet-stream',
        'content-length': String(options.size)
      }),
      fileError
    ])
    const status = response.message.statusCode ?? 0
    const body = await readSmallBody(response.message, controller.signal)
    if (status >= 200 && status < 300) return { kind: 'stored', status }
    return {
      kind: 'http-error',
      status,
      message: storageMessage(status, body),
      retryAfterMs: retryAfter(response.message.headers['retry-after'])
    }
  } catch (error) {
    const reason = controller.signal.reason
    if (controller.signal.aborted && reason instanceof IdleTimeout) {
      return {
        kind: 'network-error',
        message: `no byte moved for ${formatDuration(idleTimeoutMs)} (after ${sent} of ${options.size} bytes)`
      }
    }
    if (controller.signal.aborted) return { kind: 'aborted' }
    return { kind: 'network-error', message: networkMessage(error) }
  } finally {
    clearTimeout(idle)
    file.destroy()
    signal?.removeEventListener('abort', onAbort)
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

function readSmallBody(message: IncomingMessage, signal: AbortSignal): Promise<string> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    let size = 0
    const done = (): void => {
      message.destroy()
      resolve(Buffer.concat(chunks).toString('utf8'))
    }
    if (signal.aborted) return done()
    signal.addEventListener('abort', done, { once: true })
    message.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_ERROR_BODY_BYTES) return done()
      chunks.push(chunk)
    })
    message.on('end', done)
    message.on('error', done)
    message.on('close', done)
  })
}

/** S3 and its kin answer `<Error><Code>…</Code><Message>…</Message></Error>`. */
export function storageMessage(status: number, body: string): string {
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1]?.trim()
  const message = /<Message>([^<]{1,300})<\/Message>/.exec(body)?.[1]?.trim()
  const detail = [code, message].filter(Boolean).join(': ')
  return `storage answered HTTP ${status}${detail ? ` (${detail})` : ''}`
}

function retryAfter(header: string | string[] | undefined): number | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim()
  return value && /^\d+$/.test(value) ? Number(value) * 1000 : null
}

function networkMessage(error: unknown): string {
  const code = (error as { code?: unknown })?.code
  const text = error instanceof Error ? error.message : String(error)
  const known: Record<string, string> = {
    ECONNREFUSED: 'storage refused the connection',
    ECONNRESET: 'the connection to storage was reset',
    EPIPE: 'the connection to storage was reset',
    ENOTFOUND: 'the storage host was not found (DNS)',
    EAI_AGAIN: 'the storage host could not be resolved (DNS)',
    ETIMEDOUT: 'the connection to storage timed out',
    ENOENT: 'the build file disappeared during the upload'
  }
  const description = typeof code === 'string' ? known[code] : undefined
  return description ? `${description} (${code})` : `the upload failed: ${text}`
}
