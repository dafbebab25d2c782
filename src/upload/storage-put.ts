// Sends one file to a presigned storage URL with one plain PUT, streamed from disk through
// @actions/http-client (so https_proxy and no_proxy apply), and says how it went as a typed value.
import { EventEmitter } from 'node:events'
import { open } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import type { Writable } from 'node:stream'
import { HttpClient } from '@actions/http-client'
import { formatDuration } from '../duration.js'
import { networkMessage, withSignal } from '../api/http-request.js'

export type PutResult =
  | { kind: 'stored'; status: number }
  | { kind: 'http-error'; status: number; message: string; retryAfterMs: number | null }
  /** Refused, reset, DNS, TLS, or no byte moving for the idle timeout. */
  | { kind: 'network-error'; message: string }
  /** The build file got shorter or could not be read: sending it again cannot succeed. */
  | { kind: 'file-error'; message: string }
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

/**
 * The file is read into a few buffers used over and over: a new buffer per read (what a read
 * stream does) leaves hundreds of megabytes of garbage for the GC to find late, and the process's
 * memory grows by ~70 MiB on a 400 MiB build. 4 × 256 KiB keeps it flat and the socket busy.
 */
const CHUNK_BYTES = 256 * 1024
const POOL_BUFFERS = 4
/** A storage error page is small; anything beyond this is not worth reading for a message. */
const MAX_ERROR_BODY_BYTES = 64 * 1024

class IdleTimeout extends Error {}
/** The file, not the network: what the body's writer ends the request with. */
class BuildFileError extends Error {}

export async function putFile(options: PutOptions): Promise<PutResult> {
  const { signal, idleTimeoutMs } = options
  if (signal?.aborted) return { kind: 'aborted' }
  const controller = new AbortController()
  const onAbort = (): void => controller.abort(signal?.reason)
  signal?.addEventListener('abort', onAbort, { once: true })
  let idle: NodeJS.Timeout | undefined
  // The body's writer may still be in a read when the answer (or a reset) ends the PUT: from then
  // on it must not arm the idle timer again, which would hold the process open for a minute.
  let over = false
  const touch = (): void => {
    if (over) return
    clearTimeout(idle)
    idle = setTimeout(() => controller.abort(new IdleTimeout()), idleTimeoutMs)
  }
  let sent = 0
  const body = new FileBody(options.path, options.size, read => {
    if (over) return
    sent = read
    touch()
    options.onProgress?.(read)
  })
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
    const response = await client.sendStream(
      'PUT',
      options.url,
      body as unknown as NodeJS.ReadableStream,
      {
        'content-type': 'application/octet-stream',
        'content-length': String(options.size)
      }
    )
    const status = response.message.statusCode ?? 0
    const text = await readSmallBody(response.message, controller.signal)
    if (status >= 200 && status < 300) return { kind: 'stored', status }
    return {
      kind: 'http-error',
      status,
      message: storageMessage(status, text),
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
    if (error instanceof BuildFileError) return { kind: 'file-error', message: error.message }
    return {
      kind: 'network-error',
      message: networkMessage(error, STORAGE_NETWORK_ERRORS, 'the connection to storage failed')
    }
  } finally {
    over = true
    clearTimeout(idle)
    signal?.removeEventListener('abort', onAbort)
  }
}

/**
 * The request body. http-client only calls `pipe(request)` on it (and listens for `close`, which
 * this never emits: it ends the request itself), so it gets the request and writes the file into
 * it, each buffer reused once the socket has taken it (the write callback), waiting for `drain`
 * as a pipe would. The first `size` bytes are sent: the Content-Length promised.
 *
 * Storage may answer before the body is all sent (S3's 403 for an expired signature) and close the
 * connection. That answer is the answer: once it is in, nothing more is written; and each write
 * waits for the event loop to read the socket first, since a write that meets the closed
 * connection would tear it down (EPIPE, ECONNRESET) with the answer still unread in it.
 */
class FileBody extends EventEmitter {
  private answered = false

  constructor(
    private readonly path: string,
    private readonly size: number,
    private readonly onRead: (bytes: number) => void
  ) {
    super()
  }

  pipe(request: Writable): Writable {
    request.once('response', () => {
      this.answered = true
    })
    this.pump(request).catch((error: Error) =>
      request.destroy(error instanceof BuildFileError ? error : fileError(error))
    )
    return request
  }

  private async pump(request: Writable): Promise<void> {
    const file = await open(this.path, 'r')
    const over = (): boolean => request.destroyed || this.answered
    try {
      const free = Array.from({ length: POOL_BUFFERS }, () => Buffer.allocUnsafe(CHUNK_BYTES))
      let wake: (() => void) | null = null
      const notify = (): void => {
        wake?.()
        wake = null
      }
      const until = (ready: () => boolean): Promise<void> =>
        ready() || request.destroyed
          ? Promise.resolve()
          : new Promise(resolve => {
              wake = resolve
            })
      request.on('drain', notify).on('close', notify)
      let position = 0
      while (position < this.size && !over()) {
        await until(() => free.length > 0)
        const buffer = free.pop()
        if (!buffer || over()) break
        const length = Math.min(CHUNK_BYTES, this.size - position)
        const { bytesRead } = await file.read(buffer, 0, length, position)
        if (bytesRead === 0) {
          throw new BuildFileError(
            `the build file got shorter during the upload (it ended at ${position} of the ${this.size} bytes it had); ` +
              'upload it once it is built'
          )
        }
        await socketsPolled()
        if (over()) break
        position += bytesRead
        this.onRead(position)
        const flowing = request.write(buffer.subarray(0, bytesRead), () => {
          free.push(buffer)
          notify()
        })
        if (!flowing) await until(() => !request.writableNeedDrain)
      }
      if (!over()) request.end()
    } finally {
      await file.close()
    }
  }
}

/**
 * Resolves once the event loop has polled the sockets after this call: an answer that arrived
 * before it has been read by then. (The first turn may end in the middle of a poll phase; the
 * second starts a whole one.)
 */
async function socketsPolled(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise(resolve => setImmediate(resolve))
}

/** Opening or reading the build failed: said about the file, not the connection. */
function fileError(error: Error): BuildFileError {
  const code = (error as NodeJS.ErrnoException).code
  return new BuildFileError(
    code === 'ENOENT'
      ? 'the build file disappeared during the upload'
      : `the build file could not be read (${code ?? error.message})`
  )
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

/** The network errors a user can act on, in words about storage. */
const STORAGE_NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'storage refused the connection',
  ECONNRESET: 'the connection to storage was reset',
  EPIPE: 'the connection to storage was reset',
  ENOTFOUND: 'the storage host was not found (DNS)',
  EAI_AGAIN: 'the storage host could not be resolved (DNS)',
  ETIMEDOUT: 'the connection to storage timed out'
}
