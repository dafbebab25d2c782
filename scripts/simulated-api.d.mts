// Types for simulated-api.mjs.
export interface SimulatedRun {
  final: Record<string, unknown>
  before?: string[]
}
export function startSimulatedApi(options: {
  runs: Record<string, SimulatedRun>
  apiKey?: string
}): Promise<{
  url: string
  requests: { method: string; path: string }[]
  close(): Promise<void>
}>
