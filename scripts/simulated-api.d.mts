// Types for simulated-api.mjs.
export interface SimulatedRun {
  final: Record<string, unknown>
  before?: string[]
  endless?: boolean
}
export interface SimulatedReply {
  status: number
  body?: unknown
}
export interface SimulatedRequest {
  method: string
  path: string
  query: string
  body: unknown
  authorization: string
  /** When it arrived (ms since the epoch). */
  at: number
}
export function startSimulatedApi(options: {
  runs: Record<string, SimulatedRun>
  apiKey?: string
  onRequest?: (request: { method: string; path: string }) => void
  tests?: Record<string, string>
  groups?: Record<
    string,
    { batchId: string; runIds: string[]; cancelledRunIds?: string[]; metadata?: object }
  >
  projects?: Record<
    string,
    { runId: string; platform?: string; metadata?: object; faults?: SimulatedReply[] }
  >
  batchCancel?: SimulatedReply
  github?: { token?: string; pulls: object[]; comments?: { issue: number; body: string }[] }
}): Promise<{
  url: string
  githubUrl: string
  requests: SimulatedRequest[]
  close(): Promise<void>
}>
export const ENDLESS_RUN_ID: string
export function cli(argv: string[]): Promise<{ url: string; close(): Promise<void> } | null>
