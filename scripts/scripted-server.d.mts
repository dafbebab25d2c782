// Types for scripted-server.mjs.
import type { IncomingHttpHeaders } from 'node:http'
import type { Socket } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
}

/** One answer: a status with a body (objects are sent as JSON), or a fault. */
export type Reply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Accept the request and never answer. */
  | 'hang'
  /** Destroy the connection before any answer. */
  | 'reset'
  /** Send the headers and half a body, then destroy the connection. */
  | 'cut'

export interface ScriptedServer {
  /** The root with `/api` after it. */
  url: string
  /** http://127.0.0.1:PORT */
  root: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

export function startScriptedServer(
  handler: (request: RecordedRequest & { socket: Socket }) => Reply | Promise<Reply>,
  options?: { host?: string }
): Promise<ScriptedServer>
export function scripted(scripts: Record<string, Reply[]>): (request: RecordedRequest) => Reply
export const REFUSED_PORT: number
export function freePort(): Promise<number>
