// Types for simulated-api.mjs.
export interface SimulatedRun {
  final: Record<string, unknown>
  before?: string[]
  endless?: boolean
}
export function startSimulatedApi(options: {
  runs: Record<string, SimulatedRun>
  apiKey?: string
  onRequest?: (request: { method: string; path: string }) => void
}): Promise<{
  url: string
  requests: { method: string; path: string }[]
  close(): Promise<void>
}>
export const ENDLESS_RUN_ID: string
export function cli(argv: string[]): Promise<{ url: string; close(): Promise<void> } | null>
