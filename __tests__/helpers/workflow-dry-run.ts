// Plays one job of a workflow here, as far as it can be without GitHub: `run` steps in bash as the
// runner runs them, `uses: ./` through scripts/runner.mjs, and the few expression forms a job may
// use. Anything else throws, so a step the dry run cannot play is never skipped in silence.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseOutputFile, root, startAction } from '../../scripts/runner.mjs'

export interface Step {
  name?: string
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
  if?: string
  'continue-on-error'?: boolean
  'timeout-minutes'?: number
}

export interface StepResult {
  name: string
  outcome: 'success' | 'failure' | 'skipped'
  outputs: Record<string, string>
  log: string
}

interface Options {
  /** The binary that runs the action (GitHub runs node24). */
  node: string
  /** How long a step with timeout-minutes may run before it is cancelled: minutes are too long here. */
  stepTimeoutMs: number
}

/** The runner's order on cancellation: SIGINT, then SIGTERM 7.5 s later. */
const SIGTERM_AFTER_MS = 7500

export async function dryRunJob(steps: Step[], options: Options): Promise<StepResult[]> {
  const temp = mkdtempSync(join(tmpdir(), 'testerarmy-dry-run-'))
  const results: StepResult[] = []
  const byId: Record<string, { outcome: string; outputs: Record<string, string> }> = {}
  const groups: number[] = []
  const cleanups: (() => void)[] = []

  const evaluate = (text: string): string =>
    text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
      const step = /^steps\.([\w-]+)\.(outcome|outputs\.([\w-]+))$/.exec(expression)
      if (step) {
        const found = byId[step[1] ?? '']
        if (!found) throw new Error(`dry run: ${expression} reads a step that has not run`)
        return step[3] ? (found.outputs[step[3]] ?? '') : found.outcome
      }
      if (expression === 'runner.temp') return temp
      throw new Error(`dry run: the expression \${{ ${expression} }} is not supported`)
    })
  const evaluateAll = (values: Record<string, unknown> = {}) =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, evaluate(String(v))]))

  try {
    for (const step of steps) {
      const name = step.name ?? step.id ?? step.uses ?? step.run ?? '?'
      if (step.if) throw new Error(`dry run: step "${name}" has an if:, which is not supported`)
      let outcome: StepResult['outcome']
      let outputs: Record<string, string> = {}
      let log = ''
      if (step.uses?.startsWith('actions/checkout@')) {
        // The test runs in the checkout already.
        outcome = 'skipped'
      } else if (step.run !== undefined) {
        const outputFile = join(temp, `output-${results.length}`)
        writeFileSync(outputFile, '')
        // GitHub's default shell on Linux: bash --noprofile --norc -eo pipefail.
        const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
          cwd: root,
          // Its own process group, so what it leaves in the background can be stopped at the end,
          // as the runner stops orphan processes when the job ends.
          detached: true,
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            CI: 'true',
            GITHUB_ACTIONS: 'true',
            RUNNER_TEMP: temp,
            GITHUB_OUTPUT: outputFile,
            ...evaluateAll(step.env)
          },
          stdio: ['ignore', 'pipe', 'pipe']
        })
        if (child.pid) groups.push(child.pid)
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk))
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk))
        const code = await new Promise<number | null>(resolve => child.on('exit', resolve))
        outcome = code === 0 ? 'success' : 'failure'
        outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
      } else if (step.uses === './') {
        const { child, done } = startAction({
          inputs: evaluateAll(step.with),
          node: options.node,
          env: evaluateAll(step.env)
        })
        const timers: NodeJS.Timeout[] = []
        if (step['timeout-minutes'] !== undefined) {
          timers.push(setTimeout(() => child.kill('SIGINT'), options.stepTimeoutMs))
          timers.push(
            setTimeout(() => child.kill('SIGTERM'), options.stepTimeoutMs + SIGTERM_AFTER_MS)
          )
        }
        const result = await done
        timers.forEach(clearTimeout)
        cleanups.push(result.cleanup)
        outcome = result.code === 0 ? 'success' : 'failure'
        outputs = result.outputs
        log = result.stdout + result.stderr
      } else {
        throw new Error(`dry run: step "${name}" (uses: ${step.uses}) is not supported`)
      }
      results.push({ name, outcome, outputs, log })
      if (step.id) byId[step.id] = { outcome, outputs }
      if (outcome === 'failure' && !step['continue-on-error']) break
    }
  } finally {
    for (const pid of groups) {
      try {
        process.kill(-pid, 'SIGTERM')
      } catch {
        // The group has ended already.
      }
    }
    cleanups.forEach(cleanup => cleanup())
    rmSync(temp, { recursive: true, force: true })
  }
  return results
}
