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
  /** The payload of the event that started the workflow (written to GITHUB_EVENT_PATH). */
  event?: object
  /** GITHUB_EVENT_NAME (default pull_request), with `event`. */
  eventName?: string
}

export interface RunnerEnvironment {
  dir: string
  files: { output: string; summary: string; temp: string; event: string }
  /** The step's variables: the runner's files, and with an event the workflow run's GITHUB_*. */
  env: Record<string, string>
  read(file: string): string
  outputs(): Record<string, string>
  summary(): string
  cleanup(): void
}

export const WORKFLOW_RUN: Record<string, string>
export function runnerEnvironment(options?: {
  event?: object
  eventName?: string
  context?: Record<string, string>
}): RunnerEnvironment

export const root: string
export function actionInputs(): Record<string, string>
export function parseOutputFile(text: string): Record<string, string>
export function parseCommands(stdout: string): ActionResult['commands']
export function startAction(options?: ActionOptions): {
  child: ChildProcess
  done: Promise<ActionResult>
}
export function runAction(options?: ActionOptions): Promise<ActionResult>
