// Types for runner.mjs, so the TypeScript tests can use the same runner emulation as the demo.
import type { ChildProcess } from 'node:child_process'

export interface ActionResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  report: string
  commands: { command: string; properties: Record<string, string>; message: string }[]
  dir: string
  cleanup(): void
}

export interface ActionOptions {
  inputs?: Record<string, string>
  env?: Record<string, string>
  node?: string
  script?: string
  /** What `${{ github.token }}` evaluates to in action.yml's defaults. */
  githubToken?: string
}

export const root: string
export function actionInputs(): Record<string, string>
export function parseOutputFile(text: string): Record<string, string>
export function parseCommands(stdout: string): ActionResult['commands']
export function startAction(options?: ActionOptions): {
  child: ChildProcess
  done: Promise<ActionResult>
}
export function runAction(options?: ActionOptions): Promise<ActionResult>
