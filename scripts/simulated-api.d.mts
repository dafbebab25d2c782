// Types for simulated-api.mjs and simulated-uploads.mjs.
import type { IncomingHttpHeaders } from 'node:http'
import type { GitHubOptions } from '../__tests__/helpers/fake-github.mjs'

export interface SimulatedRun {
  final: Record<string, unknown>
  before?: string[]
  endless?: boolean
}
export type StorageFault =
  | 'reset-mid-body'
  | 'hang'
  | {
      status: number
      code?: string
      message?: string
      headers?: Record<string, string>
      /** Answer before reading the body, then close the connection (as S3 does). */
      early?: boolean
    }
export type ConfirmFault = 'reset-before' | 'reset-after' | { status: number; after?: boolean }

export interface UploadOptions {
  storageFaults?: StorageFault[]
  storageAlwaysFails?: boolean
  confirmFaults?: ConfirmFault[]
  /** One per upload-URL request, in order; then they succeed. */
  createFaults?: { status: number; message?: string }[]
  storageBytesPerSecond?: number
  apps?: Record<string, unknown>[]
}

export interface SimulatedUploads {
  storageUrl: string
  puts: {
    method: string
    key: string
    headers: IncomingHttpHeaders
    bytes: number
    sha256: string
  }[]
  confirms: Record<string, unknown>[]
  objects: Map<string, { sha256: string; size: number; bytes?: Buffer }>
  apps: Record<string, unknown>[]
  close(): Promise<void>
}

export interface SimulatedList {
  /** Items carry `output` (default true); false: left out, as a list that trims them. */
  outputs?: boolean
  /** Runs of the same project started after ours, listed before them. */
  newer?: number
  /** Every list request gets this answer instead. */
  refuse?: SimulatedReply
  /** Every list request fails this way, while each run's own GET answers. */
  fault?: 'reset' | 'hang' | SimulatedReply
  /** Rewrites each page's items before it is sent. */
  items?: (items: Record<string, unknown>[]) => Record<string, unknown>[]
}

export interface SimulatedGroup {
  batchId: string
  runIds: string[]
  cancelledRunIds?: string[]
  metadata?: object
}

export interface SimulatedReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}
export interface SimulatedRequest {
  method: string
  path: string
  query: string
  headers: IncomingHttpHeaders
  body: unknown
  authorization: string
  /** When it arrived (ms since the epoch). */
  at: number
}
export function startSimulatedApi(options: {
  runs: Record<string, SimulatedRun>
  apiKey?: string
  onRequest?: (request: { method: string; path: string }) => void
  /** A list: each start request in turn gets the next entry (the last repeats). */
  tests?: Record<string, string | string[]>
  groups?: Record<string, SimulatedGroup | SimulatedGroup[]>
  projects?: Record<
    string,
    { runId: string | string[]; platform?: string; metadata?: object; faults?: SimulatedReply[] }
  >
  batchCancel?: SimulatedReply
  /** The tests' fake GitHub (__tests__/helpers/fake-github.mjs), served under /github. */
  github?: GitHubOptions & { pulls: object[] }
  uploads?: UploadOptions
  list?: SimulatedList
  /** Holds a request's answer this long (ms), once the request has done what it does. */
  answerDelayMs?: (request: { method: string; path: string }) => number
}): Promise<{
  url: string
  githubUrl: string
  requests: SimulatedRequest[]
  uploads: SimulatedUploads
  close(): Promise<void>
}>
export { startScriptedServer, scripted, REFUSED_PORT, freePort } from './scripted-server.mjs'
export const ENDLESS_RUN_ID: string
export function cli(argv: string[]): Promise<{ url: string; close(): Promise<void> } | null>
