// run() in-process, played the one way the runner is played (scripts/runner.mjs): action.yml's
// defaults as inputs, the step's environment from runnerEnvironment(), the real API client and
// GitHub clients against the simulated API and the fake GitHub, and virtual time. It answers in
// the shape of an end-to-end run (outputs, summary, report, workflow commands, the log), so a case
// moves between the bundle and run() without being rewritten. The test file mocks @actions/core
// with __fixtures__/core.ts and hands run() over.
import { EventEmitter } from 'node:events'
import * as core from '../../__fixtures__/core.js'
import { ApiClient } from '../../src/api/api-client.js'
import type { run as runAction } from '../../src/main.js'
import {
  actionInputs,
  runnerEnvironment,
  type ActionOptions,
  type ActionResult
} from '../../scripts/runner.mjs'
import { FakeClock } from './fake-clock.js'

type Run = typeof runAction
type Command = ActionResult['commands'][number]

/** The properties @actions/core turns into a command's `title=...,file=...`, as strings. */
function properties(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object') return {}
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)])
  )
}

/**
 * Runs run() as the runner would run the bundle with these options (`node` and `script` aside).
 * `signals` is where a test sends SIGINT or SIGTERM; `clock` the virtual time (a new one if none).
 * Unlike the bundle's, this process's directory is not GITHUB_WORKSPACE: a relative report-path
 * would land in the repository, so give files absolute paths (the defaults are in RUNNER_TEMP).
 */
export async function runInProcess(
  run: Run,
  {
    inputs = {},
    env = {},
    githubToken = '',
    event,
    eventName,
    signals = new EventEmitter(),
    clock = new FakeClock()
  }: ActionOptions & { signals?: EventEmitter; clock?: FakeClock } = {}
): Promise<ActionResult> {
  const step = runnerEnvironment({ event, eventName, context: env })
  const values: Record<string, string> = {}
  for (const [name, value] of Object.entries({ ...actionInputs(), ...inputs }))
    values[name] = value.replace('${{ github.token }}', githubToken)
  core.reset(values)
  await run({
    clock,
    api: settings =>
      clock.track(
        new ApiClient({
          apiUrl: settings.apiUrl,
          apiKey: settings.apiKey,
          onRequest: line => core.debug(line)
        })
      ),
    signals: signals as unknown as NodeJS.Process,
    env: step.env
  })
  // The log as the runner shows it: every call to core in the order it happened, commands as
  // @actions/core writes them (setFailed is an error without properties).
  const calls: { at: number; line: string; command?: Command }[] = []
  core.info.mock.calls.forEach((call, n) =>
    calls.push({ at: core.info.mock.invocationCallOrder[n]!, line: String(call[0]) })
  )
  for (const [name, fn] of [
    ['error', core.error],
    ['warning', core.warning],
    ['notice', core.notice],
    ['error', core.setFailed]
  ] as const) {
    ;(fn.mock.calls as unknown[][]).forEach((call, n) => {
      const command = { command: name, properties: properties(call[1]), message: String(call[0]) }
      calls.push({
        at: fn.mock.invocationCallOrder[n]!,
        line: `::${name}::${command.message}`,
        command
      })
    })
  }
  calls.sort((a, b) => a.at - b.at)
  const commands = calls.flatMap(c => (c.command ? [c.command] : []))
  const outputs = { ...core.outputs }
  return {
    code: core.setFailed.mock.calls.length > 0 ? 1 : 0,
    signal: null,
    stdout: calls.map(c => c.line).join('\n'),
    stderr: '',
    outputs,
    summary: step.summary(),
    report: outputs['report-path'] ? step.read(outputs['report-path']) : '',
    commands,
    dir: step.dir,
    cleanup: step.cleanup
  }
}
