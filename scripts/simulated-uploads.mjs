// The simulated API's app uploads: the three upload endpoints, and an S3-like storage server on a
// port of its own that checks a PUT as S3 does. Node built-ins only; faults are scripted per try.
import { createHash, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'

/**
 * @typedef {'reset-mid-body' | 'hang' | { status: number, code?: string, message?: string, headers?: Record<string, string>, early?: boolean }} StorageFault
 * @typedef {'reset-before' | 'reset-after' | { status: number, after?: boolean }} ConfirmFault
 * @typedef {object} UploadOptions
 * @property {StorageFault[]} [storageFaults]  One per PUT, in order; then PUTs succeed. `early`
 *   answers before reading the body and closes the connection, as S3 does.
 * @property {boolean} [storageAlwaysFails]    Every PUT answers 500.
 * @property {ConfirmFault[]} [confirmFaults]  One per confirm, in order; `after` makes the app first.
 * @property {{ status: number, message?: string }[]} [createFaults]  One per upload-URL request.
 * @property {number} [storageBytesPerSecond]  Throttles the PUT body (a slow network).
 * @property {object[]} [apps]                 Apps already in the project.
 */

const KEEP_BYTES = 16 * 1024 * 1024

/** Starts the storage server; `handle` serves the API's upload endpoints. */
export async function startSimulatedUploads(/** @type {UploadOptions} */ options = {}) {
  const storageFaults = [...(options.storageFaults ?? [])]
  const confirmFaults = [...(options.confirmFaults ?? [])]
  const createFaults = [...(options.createFaults ?? [])]
  /** @type {Map<string, { signature: string, filename: string, fileSize: number }>} */
  const tickets = new Map()
  /** Stored objects: their bytes' digest and size, never the bytes (the bench sends 400 MiB). */
  const objects = new Map()
  const apps = [...(options.apps ?? [])]
  const puts = []
  const confirms = []

  const xml = (res, status, code, message, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/xml', ...headers })
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`
    )
  }
  const drain = (req, then) => {
    req.resume()
    req.on('end', then)
  }

  const storage = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const key = decodeURIComponent(url.pathname.replace(/^\/bucket\//, ''))
    const record = { method: req.method, key, headers: req.headers, bytes: 0, sha256: '' }
    puts.push(record)
    const ticket = tickets.get(key)
    if (req.method !== 'PUT') return drain(req, () => xml(res, 405, 'MethodNotAllowed', 'PUT only'))
    // What S3 refuses, in the order it checks.
    if (req.headers['transfer-encoding'] || req.headers['content-length'] === undefined) {
      return drain(req, () =>
        xml(
          res,
          501,
          'NotImplemented',
          'A header you provided implies functionality that is not implemented (Transfer-Encoding)'
        )
      )
    }
    if (req.headers.authorization) {
      return drain(req, () =>
        xml(
          res,
          400,
          'InvalidArgument',
          'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter should be specified'
        )
      )
    }
    if (!ticket || url.searchParams.get('X-Amz-Signature') !== ticket.signature) {
      return drain(req, () =>
        xml(
          res,
          403,
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided'
        )
      )
    }
    if (req.headers['content-type'] !== 'application/octet-stream') {
      return drain(req, () =>
        xml(
          res,
          403,
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided (Content-Type)'
        )
      )
    }
    const fault = options.storageAlwaysFails ? { status: 500 } : storageFaults.shift()
    if (fault && typeof fault === 'object' && fault.status === 403) {
      // An expired signature: this URL is dead from now on.
      ticket.signature = 'expired'
    }
    if (fault && typeof fault === 'object' && fault.early) {
      // As S3 does: the answer goes out before the body is read, then the connection is closed
      // with the rest of the body unread (the client's next write meets a reset).
      res.on('finish', () => req.socket.destroy())
      return xml(
        res,
        fault.status,
        fault.code ?? (fault.status === 403 ? 'AccessDenied' : 'InternalError'),
        fault.message ?? (fault.status === 403 ? 'Request has expired' : 'Internal error'),
        { connection: 'close', ...fault.headers }
      )
    }
    const hash = createHash('sha256')
    // Small objects are kept whole so a test can open them (a zipped .app); large ones only hashed.
    const kept = []
    const expected = Number(req.headers['content-length'])
    let cut = false
    const rate = options.storageBytesPerSecond
    req.on('data', chunk => {
      record.bytes += chunk.length
      hash.update(chunk)
      if (record.bytes <= KEEP_BYTES) kept.push(chunk)
      if (fault === 'reset-mid-body' && !cut && record.bytes >= expected / 2) {
        cut = true
        req.socket.destroy()
      }
      if (rate) {
        req.pause()
        setTimeout(() => req.resume(), (chunk.length / rate) * 1000)
      }
    })
    req.on('end', () => {
      record.sha256 = hash.digest('hex')
      if (fault === 'hang') return
      if (fault && typeof fault === 'object') {
        return xml(
          res,
          fault.status,
          fault.code ?? (fault.status === 403 ? 'AccessDenied' : 'InternalError'),
          fault.message ??
            (fault.status === 403
              ? 'Request has expired'
              : 'We encountered an internal error. Please try again.'),
          fault.headers
        )
      }
      if (record.bytes !== expected)
        return xml(
          res,
          400,
          'IncompleteBody',
          'You did not provide the number of bytes specified by the Content-Length HTTP header'
        )
      objects.set(key, {
        sha256: record.sha256,
        size: record.bytes,
        ...(record.bytes <= KEEP_BYTES ? { bytes: Buffer.concat(kept) } : {})
      })
      res.writeHead(200, { etag: `"${record.sha256.slice(0, 32)}"` })
      res.end()
    })
  })
  await new Promise(resolve => storage.listen(0, '127.0.0.1', resolve))
  const storageUrl = `http://127.0.0.1:${storage.address().port}`

  const makeApp = (body, projectId) => {
    const android = /\.apk$/i.test(body.filename)
    const app = {
      id: randomUUID(),
      projectId,
      platform: android ? 'android' : 'ios',
      filename: body.filename,
      bundleId: android ? 'com.example.shop' : 'com.example.Shop',
      appVersion: '2.4.0',
      buildVersion: '118',
      fileSize: body.fileSize,
      source: 'api_upload',
      expiresAt: body.removeAfter
        ? new Date(Date.now() + body.removeAfter * 1000).toISOString()
        : null,
      removeAfter: body.removeAfter ?? null,
      createdAt: new Date().toISOString()
    }
    apps.push(app)
    return app
  }

  /**
   * Serves `/v1/projects/{id}/mobile...`; returns false for any other path. `body` is the parsed
   * JSON request body; `send(status, json)` answers; `socket` is the request's connection.
   */
  const handle = (method, path, body, send, socket) => {
    const match = /^(?:\/api)?\/v1\/projects\/([^/]+)\/mobile(\/upload(\/confirm)?)?$/.exec(path)
    if (!match) return false
    const [, projectId, upload, confirm] = match
    if (!upload && method === 'GET') {
      send(200, {
        apps: apps
          .filter(a => !a.projectId || a.projectId === projectId)
          .map(({ projectId: _, ...a }) => a)
      })
      return true
    }
    if (method !== 'POST') {
      send(405, { error: 'method_not_allowed', message: 'Use POST' })
      return true
    }
    const bad = message => send(400, { error: 'bad_request', message })
    if (typeof body?.filename !== 'string' || !body.filename)
      return (bad('filename is required'), true)
    if (!Number.isInteger(body.fileSize) || body.fileSize <= 0)
      return (bad('fileSize must be a positive integer'), true)
    if (
      body.removeAfter !== undefined &&
      (!Number.isInteger(body.removeAfter) || body.removeAfter < 60 || body.removeAfter > 604800)
    )
      return (bad('removeAfter must be an integer from 60 to 604800'), true)
    if (!confirm) {
      const createFault = createFaults.shift()
      if (createFault) {
        send(createFault.status, {
          error: 'unavailable',
          message: createFault.message ?? 'The service is busy; try again'
        })
        return true
      }
      const key = `uploads/${projectId}/${randomUUID()}/${body.filename}`
      const signature = randomUUID().replace(/-/g, '')
      tickets.set(key, { signature, filename: body.filename, fileSize: body.fileSize })
      send(200, {
        uploadUrl: `${storageUrl}/bucket/${encodeURIComponent(key)}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-Signature=${signature}`,
        storageKey: key,
        filename: body.filename,
        fileSize: body.fileSize,
        removeAfter: body.removeAfter ?? null
      })
      return true
    }
    confirms.push(body)
    const fault = confirmFaults.shift()
    if (fault === 'reset-before') return (socket.destroy(), true)
    const stored = objects.get(body.storageKey)
    const check = () => {
      if (!stored) return (bad('No uploaded file was found for this storageKey'), false)
      if (stored.size !== body.fileSize)
        return (bad('The uploaded file size does not match fileSize'), false)
      return true
    }
    if (fault && typeof fault === 'object' && !fault.after) {
      send(fault.status, { error: 'unavailable', message: 'The service is busy; try again' })
      return true
    }
    if (!check()) return true
    const app = makeApp(body, projectId)
    if (fault === 'reset-after') return (socket.destroy(), true)
    if (fault && typeof fault === 'object') {
      send(fault.status, { error: 'internal', message: 'Something went wrong' })
      return true
    }
    send(201, { app: (({ projectId: _, ...a }) => a)(app) })
    return true
  }

  return {
    storageUrl,
    handle,
    /** Every request storage received: method, key, headers, bytes read and their sha256. */
    puts,
    /** Every confirm body received. */
    confirms,
    /** Stored objects by key: `{ sha256, size }`. */
    objects,
    apps,
    close: () =>
      new Promise(resolve => {
        storage.closeAllConnections?.()
        storage.close(() => resolve())
      })
  }
}
