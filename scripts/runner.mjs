// Plays GitHub's runner, the one way the tests, the demo and the bench do: the step's environment
// (the event file, the GITHUB_* variables, RUNNER_TEMP, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
// files) for run() in-process or for dist/index.js, which it runs with every input as an INPUT_*
// variable (defaults from action.yml). Node built-ins only.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The inputs of action.yml with their defaults, read the way the runner reads them. */
export function actionInputs() {
  const text = readFileSync(join(root, 'action.yml'), 'utf8')
  const block = /^inputs:\n([\s\S]*?)^\S/m.exec(text)?.[1] ?? ''
  const inputs = {}
  let current = null
  for (const line of block.split('\n')) {
    const name = /^ {2}([a-z0-9-]+):\s*$/.exec(line)
    if (name) {
      current = name[1]
      inputs[current] = ''
      continue
    }
    const value = /^ {4}default:\s*(.*)$/.exec(line)
    if (value && current) inputs[current] = value[1].trim().replace(/^'(.*)'$/, '$1')
  }
  return inputs
}

/** Parses the runner's output file: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
export function parseOutputFile(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1)
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return outputs
}

const unescapeData = s => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = s => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')

/** Workflow commands in a log (`::error title=T::message`), decoded as the runner decodes them. */
export function parseCommands(stdout) {
  const commands = []
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) continue
    const properties = {}
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=')
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1))
    }
    commands.push({ command: match[1], properties, message: unescapeData(match[3]) })
  }
  return commands
}

/**
 * The workflow run the tests play: acme/shop's QA workflow, job qa, run 4242. Merge-commit SHA,
 * since that is what GITHUB_SHA is on a pull_request event.
 */
export const WORKFLOW_RUN = {
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SHA: 'merge-commit-sha',
  GITHUB_RUN_ID: '4242',
  GITHUB_WORKFLOW: 'QA',
  GITHUB_JOB: 'qa',
  GITHUB_SERVER_URL: 'https://github.test'
}

/**
 * A step's environment in a new directory: the runner's files (GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY empty, RUNNER_TEMP) and, with `event`, the event file with GITHUB_EVENT_NAME
 * and WORKFLOW_RUN's variables. `context` adds or overrides variables (GITHUB_API_URL, ...).
 */
export function runnerEnvironment({ event, eventName = 'pull_request', context = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'testerarmy-runner-'))
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'step_summary'),
    temp: join(dir, 'runner_temp'),
    event: join(dir, 'event.json')
  }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  if (event !== undefined) writeFileSync(files.event, JSON.stringify(event))
  const read = file => {
    try {
      return readFileSync(file, 'utf8')
    } catch {
      return ''
    }
  }
  return {
    dir,
    files,
    env: {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_TEMP: files.temp,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_WORKSPACE: dir,
      ...(event !== undefined
        ? { ...WORKFLOW_RUN, GITHUB_EVENT_PATH: files.event, GITHUB_EVENT_NAME: eventName }
        : {}),
      ...context
    },
    read,
    outputs: () => parseOutputFile(read(files.output)),
    summary: () => read(files.summary),
    cleanup: () => rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Starts the action. `inputs` override action.yml's defaults; `env` adds variables; `node` is the
 * binary (GitHub runs node24); `event` and `eventName` are the event that started the workflow (see
 * runnerEnvironment). Returns the child and a promise of everything the runner would see.
 */
export function startAction({
  inputs = {},
  env = {},
  node = process.execPath,
  script = join(root, 'dist', 'index.js'),
  githubToken = '',
  event,
  eventName
} = {}) {
  const step = runnerEnvironment({ event, eventName })
  const { dir } = step
  const inputEnv = {}
  for (const [name, value] of Object.entries({ ...actionInputs(), ...inputs })) {
    // The runner evaluates expressions in defaults; the only one action.yml uses is github.token.
    inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value.replace(
      '${{ github.token }}',
      githubToken
    )
  }
  const child = spawn(node, [script], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...step.env,
      ...inputEnv,
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk))
  const done = new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const read = step.read
      const outputs = step.outputs()
      resolve({
        code,
        signal,
        stdout,
        stderr,
        outputs,
        summary: step.summary(),
        report: outputs['report-path'] ? read(outputs['report-path']) : '',
        commands: parseCommands(stdout),
        dir,
        cleanup: step.cleanup
      })
    })
  })
  return { child, done }
}

export const runAction = options => startAction(options).done
