// `npm run demo`: the committed dist/index.js against a simulated TesterArmy API on 127.0.0.1,
// run as GitHub's runner runs it, then the log, annotations, outputs and job summary as a person
// would see them. No API key, no network, no npm install needed. `npm run demo -- --pull-request`
// plays the exploration agent on a pull request instead, with its test plan; `-- --upload` uploads
// an APK built "earlier in the job" first, and the run (or the agent) tests it; `-- --flaky` starts
// a saved test with retry-failed: 1, whose first run FAILED and whose retry passes: a flaky run;
// `-- --known-issues` waits on a pull request's run with one known (waived) and one new issue.
// `-- --matrix` plays three legs of a matrix (web, ios, android, each waiting on its run) and the
// job that gathers their reports into one verdict, one summary, one comment and one status.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findNode24 } from './node24.mjs'
import { root, runAction } from './runner.mjs'
import { startSimulatedApi } from './simulated-api.mjs'

const color = process.stdout.isTTY && !process.env.NO_COLOR
const paint = code => text => (color ? `\u001b[${code}m${text}\u001b[0m` : text)
const bold = paint('1')
const dim = paint('2')
const red = paint('31')
const yellow = paint('33')
const blue = paint('34')
const cyan = paint('36')

const rule = title =>
  `\n${bold(cyan(`━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`))}\n`

/** The job log as the Actions UI shows it: groups as headings, commands as labelled lines. */
function showLog(stdout) {
  const lines = []
  for (const line of stdout.split('\n')) {
    if (!line) continue
    const command = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!command) {
      lines.push(`  ${line}`)
      continue
    }
    const [, name, props = '', rawMessage] = command
    const message = rawMessage.replace(/%0A/g, '\n      ').replace(/%0D/g, '').replace(/%25/g, '%')
    const title = /title=([^,]*)/
      .exec(props)?.[1]
      ?.replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%')
    const label = title ? `${bold(title)}: ` : ''
    if (name === 'group') lines.push(`${bold('▸')} ${bold(message)}`)
    else if (name === 'endgroup' || name === 'add-mask' || name === 'debug') continue
    else if (name === 'error') lines.push(`  ${red('Error')}    ${label}${message}`)
    else if (name === 'warning') lines.push(`  ${yellow('Warning')}  ${label}${message}`)
    else if (name === 'notice') lines.push(`  ${blue('Notice')}   ${label}${message}`)
    else lines.push(dim(`  ${line}`))
  }
  return lines.join('\n')
}

/** Markdown to terminal text: enough to read the summary, not a renderer. */
function showSummary(markdown) {
  const entities = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" }
  return markdown
    .replace(/<details><summary>(.*?)<\/summary>/g, (_, title) => `▾ ${title}`)
    .replace(/<\/details>/g, '')
    .replace(/<a href="[^"]*"><img src="([^"]*)"[^>]*><\/a>/g, (_, src) => dim(`[image ${src}]`))
    .replace(/<br>/g, ' / ')
    .replace(/<wbr>|&#8203;/g, '')
    .replace(/&#124;/g, '|')
    .replace(/<\/?(sub|code|b)>/g, '')
    .replace(/^> \[!(\w+)\]\n/gm, (_, kind) => `${bold(kind)}\n`)
    .replace(/^(#{2,4}) (.*)$/gm, (_, hashes, title) =>
      bold(hashes.length === 2 ? title.toUpperCase() : title)
    )
    .replace(/\*\*(.+?)\*\*/g, (_, text) => bold(text))
    .replace(/\[([^\]]*)\]\(<([^>]*)>\)/g, (_, text, href) => `${text} ${dim(`(${href})`)}`)
    .replace(/\\([\\`*_{}[\]()#+\-.!|~=:@$])/g, '$1')
    .replace(/&(lt|gt|amp|quot|#39);/g, m => entities[m])
    .replace(/\n{3,}/g, '\n\n')
}

/** Node 24 as the runner uses; without an install (and on an older node) the node running this. */
function chooseNode() {
  try {
    const node = findNode24()
    return {
      path: node.path,
      note: `dist/index.js runs under Node ${node.version}, as on GitHub's runner.`
    }
  } catch {
    return {
      path: process.execPath,
      note:
        `dist/index.js runs under this Node ${process.version}; GitHub's runner uses Node 24 ` +
        '(`npm ci` installs it for the tests).'
    }
  }
}

/** `--known-issues`: the file of known issues, the base commit's copy, and what the pull request adds. */
const KNOWN_FILE = '.github/testerarmy-known-issues.yml'
const BASE_SHA = '5b1d0c8e2f4a6b8c0d1e3f5a7b9c1d3e5f7a9b1c'
const BASE_ENTRIES = `# yaml-language-server: $schema=https://raw.githubusercontent.com/testerarmy/testerarmy-action/v1/schemas/known-issues.schema.json
- name: Order summary overlaps the footer on narrow screens
  page: /checkout
  max-severity: 2
  reason: Layout bug on narrow screens, fixed by the checkout redesign
  ticket: https://github.com/acme/shop/issues/1234
`
const ADDED_ENTRY = `- name: Search results flicker while loading
  reason: Cosmetic; the search rewrite fixes it
`

async function main() {
  const dist = join(root, 'dist', 'index.js')
  if (!existsSync(dist)) throw new Error('dist/index.js is missing: run `npm run build` first')
  const node = chooseNode()
  if (process.argv.includes('--matrix')) return matrixDemo(node)
  const final = JSON.parse(
    readFileSync(join(root, '__fixtures__', 'runs', 'failed-with-issues.json'), 'utf8')
  )
  const pullRequest = process.argv.includes('--pull-request')
  // `--upload`: the step uploads an APK built "earlier in the job" to the simulated API's S3-like
  // storage, then starts a test run (or the agent, with --pull-request) on it.
  const upload = process.argv.includes('--upload')
  const test = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
  // `--flaky`: the test's first run FAILED, the run retry-failed starts next passes.
  const flaky = process.argv.includes('--flaky')
  // `--known-issues`: a pull request's run finds two issues: one the team's file of known issues
  // waives (an entry already on the base branch), one new; the pull request adds an entry too.
  const known = process.argv.includes('--known-issues')
  if (known) {
    final.output.issues = final.output.issues.filter(i => i.type !== 'warning')
    final.output.issues.splice(1, 1)
  }
  const retry = {
    ...JSON.parse(readFileSync(join(root, '__fixtures__', 'runs', 'passed.json'), 'utf8')),
    id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    testId: test
  }
  const api = await startSimulatedApi({
    runs: {
      [final.id]: { final: flaky ? { ...final, testId: test } : final },
      [retry.id]: { final: retry }
    },
    apiKey: 'demo-key-0123456789',
    ...(known
      ? {
          github: {
            token: 'demo-github-token',
            pulls: [],
            files: { [BASE_SHA]: { [KNOWN_FILE]: BASE_ENTRIES } }
          }
        }
      : {}),
    tests: { [test]: flaky ? [final.id, retry.id] : final.id },
    projects: {
      shop: {
        runId: final.id,
        metadata: {
          github: { configured: true, checkRunCreated: true, commentTargetResolved: false }
        }
      }
    }
  })
  const eventDir = mkdtempSync(join(tmpdir(), 'testerarmy-demo-'))
  // The pull_request event the runner would write for pull request #482.
  const event = {
    pull_request: {
      number: 482,
      title: 'Pay with a saved card at checkout',
      body: '<!-- Describe your change -->\r\nCustomers can pick a saved card on the payment step.\r\n\r\nAgent: also try an expired card.',
      head: { ref: 'saved-cards', sha: '9c1e4f2a7b3d5e6f8a9b0c1d2e3f4a5b6c7d8e9f' },
      base: { ref: 'main', sha: BASE_SHA }
    }
  }
  // The checkout: the file of known issues as the pull request has it.
  const workspace = join(eventDir, 'workspace')
  if (known) {
    mkdirSync(join(workspace, '.github'), { recursive: true })
    writeFileSync(join(workspace, KNOWN_FILE), `${BASE_ENTRIES}${ADDED_ENTRY}`)
  }
  const apk = join(eventDir, 'app-release.apk')
  if (upload) writeFileSync(apk, randomBytes(24 * 1024 * 1024))
  console.log(bold('TesterArmy action demo'))
  console.log(
    dim(
      known
        ? `A simulated TesterArmy API is listening on ${api.url}. A pull request's run completes with a\n` +
            `FAILED result and 2 issues. The repository's ${KNOWN_FILE} knows one of them (an\n` +
            `entry already on the base branch): it is waived, a notice instead of an error. The other is\n` +
            `new, and fails the step. The pull request also adds an entry to the file: the action reads\n` +
            `the file at the base commit (a simulated GitHub) and marks it for the reviewer.`
        : flaky
          ? `A simulated TesterArmy API is listening on ${api.url}. The step starts a saved test with\n` +
            `retry-failed: 1. Its first run completes with a FAILED result and 3 issues; the action\n` +
            `starts the test again with the same request, and the second run passes: the run is flaky,\n` +
            `so the step passes with a warning (on-flaky: fail would fail it), and the JUnit and CTRF\n` +
            `files record both attempts.`
          : pullRequest
            ? `A simulated TesterArmy API is listening on ${api.url}. A pull_request event for pull request\n` +
              `#482 starts TesterArmy's exploration agent on ${upload ? 'a 24 MiB APK the step uploads first' : 'its preview'}; the agent plans tests from the\n` +
              `pull request, runs them, and reports a FAILED result with 3 issues. The committed\n` +
              `dist/index.js does it exactly as it would in a workflow step.`
            : `A simulated TesterArmy API is listening on ${api.url}. It plays one CI run: queued, running,\n` +
              `then completed with a FAILED result, 3 issues, 2 warnings and 8 steps. The committed\n` +
              (upload
                ? `dist/index.js uploads a 24 MiB APK to its storage, starts a test run on it and waits.`
                : `dist/index.js waits for it exactly as it would in a workflow step.`)
    )
  )
  console.log(dim(node.note))
  try {
    const started = Date.now()
    const result = await runAction({
      node: node.path,
      inputs: {
        ...(pullRequest
          ? {
              'exploration-agent': 'true',
              'project-id': 'shop',
              ...(upload ? {} : { 'target-url': 'https://preview-482.shop.example.com' })
            }
          : upload
            ? { 'project-id': 'demo-project', 'test-id': test }
            : flaky
              ? { 'test-id': test, 'retry-failed': '1' }
              : { 'run-id': final.id }),
        ...(upload ? { 'app-path': apk } : {}),
        ...(known ? { 'known-issues': KNOWN_FILE, comment: 'false' } : {}),
        'api-key': 'demo-key-0123456789',
        'api-url': api.url,
        'poll-interval': '1s'
      },
      ...(pullRequest || known ? { event, eventName: 'pull_request' } : {}),
      ...(known
        ? {
            githubToken: 'demo-github-token',
            env: { GITHUB_WORKSPACE: workspace, GITHUB_API_URL: api.githubUrl }
          }
        : {})
    })
    console.log(rule('Job log'))
    console.log(showLog(result.stdout))
    if (result.stderr.trim()) console.log(red(result.stderr))
    console.log(
      `\n  ${dim(`The step ended with exit code ${result.code} after ${((Date.now() - started) / 1000).toFixed(1)} s`)}` +
        (result.code === 1
          ? dim(': the run FAILED, so the gate fails the job, as it would block a merge.')
          : '')
    )
    console.log(rule('Step outputs (steps.<id>.outputs)'))
    for (const [name, value] of Object.entries(result.outputs)) {
      const shown = value.length > 160 ? `${value.slice(0, 157)}...` : value
      console.log(`  ${bold(name.padEnd(19))} ${shown.replace(/\n/g, '\n' + ' '.repeat(22))}`)
    }
    console.log(rule('Job summary (GITHUB_STEP_SUMMARY, shown as text)'))
    console.log(showSummary(result.summary))
    if (flaky && result.outputs['junit-path']) {
      console.log(rule('JUnit XML (output junit-path), the flaky run as Surefire writes one'))
      const xml = readFileSync(result.outputs['junit-path'], 'utf8')
      const shown = xml.length > 2_400 ? `${xml.slice(0, 2_400)}\n...` : xml
      console.log(dim(shown.replace(/^/gm, '  ')))
    }
    console.log(rule('Done'))
    console.log(
      `  The API received ${api.requests.length} requests. The full report is a JSON file at\n  ${result.outputs['report-path']}\n` +
        `  The job summary's Markdown is at ${join(result.dir, 'step_summary')}.`
    )
    if (pullRequest) {
      const start = api.requests.find(r => r.path.endsWith('/pull-request-runs'))
      console.log(rule('What the agent was sent (POST /v1/projects/shop/pull-request-runs)'))
      console.log(
        JSON.stringify(start?.body, null, 2)
          .split('\n')
          .map(line => `  ${line}`)
          .join('\n')
      )
    }
  } finally {
    await api.close()
    rmSync(eventDir, { recursive: true, force: true })
  }
}

/** A fixture run as another run of another platform. */
function fixtureAs(name, id, platform) {
  const body = JSON.parse(readFileSync(join(root, '__fixtures__', 'runs', `${name}.json`), 'utf8'))
  return { ...body, id, platform }
}

/**
 * `--matrix`: three legs of a strategy.matrix, each waiting on its run (run-id) and writing its
 * report where download-artifact would put it (a folder per artifact), then the gathering job.
 */
async function matrixDemo(node) {
  const legs = [
    ['web', fixtureAs('passed', '2b9f6a47-8c1d-4e0b-b7a3-5e2c9d4f1a36', 'web')],
    ['ios', fixtureAs('passed', '5c3e8a10-2d4f-4b6a-9c8e-1f0a2b3c4d5e', 'ios')],
    ['android', fixtureAs('failed-with-issues', '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70', 'android')]
  ]
  const comments = []
  const statuses = []
  const api = await startSimulatedApi({
    runs: Object.fromEntries(legs.map(([, body]) => [body.id, { final: body }])),
    apiKey: 'demo-key-0123456789',
    github: { token: 'demo-github-token', pulls: [], comments, statuses }
  })
  const artifacts = mkdtempSync(join(tmpdir(), 'testerarmy-demo-artifacts-'))
  const event = {
    pull_request: {
      number: 482,
      title: 'Pay with a saved card at checkout',
      head: { ref: 'saved-cards', sha: '9c1e4f2a7b3d5e6f8a9b0c1d2e3f4a5b6c7d8e9f' },
      base: { ref: 'main' }
    }
  }
  console.log(bold('TesterArmy action demo: one verdict for a matrix'))
  console.log(
    dim(
      `A simulated TesterArmy API is listening on ${api.url}. Three legs of a matrix (web, ios,\n` +
        `android) each wait for their run with leg: set, as three jobs would, and their reports are\n` +
        `laid out as actions/download-artifact lays them out, a folder per artifact. Then the\n` +
        `gathering job runs the action in reports mode: one summary, one comment, one commit status.`
    )
  )
  console.log(dim(node.note))
  try {
    console.log(rule('The legs (run in parallel, as a matrix runs them)'))
    const results = await Promise.all(
      legs.map(([leg, body]) =>
        runAction({
          node: node.path,
          event,
          eventName: 'pull_request',
          inputs: {
            'run-id': body.id,
            leg,
            'api-key': 'demo-key-0123456789',
            'api-url': api.url,
            'poll-interval': '1s',
            'report-path': join(artifacts, `testerarmy-${leg}`, 'testerarmy-report.json')
          }
        })
      )
    )
    for (const [n, [leg]] of legs.entries()) {
      const result = results[n]
      console.log(
        `  ${bold(leg.padEnd(8))} exit code ${result.code}, passed ${result.outputs.passed}, ` +
          `${result.outputs['issues-count']} issues -> ${dim(`testerarmy-${leg}/testerarmy-report.json`)}`
      )
      result.cleanup()
    }
    const toTesterArmy = () => api.requests.filter(r => !r.path.startsWith('/github/')).length
    const before = toTesterArmy()
    const result = await runAction({
      node: node.path,
      event,
      eventName: 'pull_request',
      githubToken: 'demo-github-token',
      env: { GITHUB_API_URL: api.githubUrl, GITHUB_JOB: 'verdict' },
      inputs: {
        reports: `${artifacts}/**/*.json`,
        'expected-reports': 'web, ios, android',
        comment: 'true',
        'commit-status': 'true'
      }
    })
    console.log(rule('The gathering job: log'))
    console.log(showLog(result.stdout))
    if (result.stderr.trim()) console.log(red(result.stderr))
    const sent = toTesterArmy() - before
    console.log(
      `\n  ${dim(`The step ended with exit code ${result.code} (a leg failed); it sent ${sent === 0 ? 'no request' : `${sent} requests`} to TesterArmy: reports mode reads files and needs no API key.`)}`
    )
    console.log(rule('Step outputs (steps.<id>.outputs)'))
    for (const [name, value] of Object.entries(result.outputs)) {
      const shown = value.length > 160 ? `${value.slice(0, 157)}...` : value
      console.log(`  ${bold(name.padEnd(19))} ${shown.replace(/\n/g, '\n' + ' '.repeat(22))}`)
    }
    console.log(rule('Commit status (the one required check)'))
    for (const status of statuses)
      console.log(
        `  ${bold(status.context)} on ${status.sha.slice(0, 12)}: ${status.state}: ${status.description}`
      )
    console.log(rule('Pull-request comment (one for the whole matrix)'))
    console.log(showSummary((comments[0]?.body ?? '(none)').replace(/^<!--.*-->\n/, '')))
    console.log(rule('Job summary (GITHUB_STEP_SUMMARY, shown as text, first 60 lines)'))
    console.log(showSummary(result.summary).split('\n').slice(0, 60).join('\n'))
    console.log(rule('Done'))
    console.log(`  The combined JSON report is at ${result.outputs['report-path']}`)
  } finally {
    await api.close()
    rmSync(artifacts, { recursive: true, force: true })
  }
}

main().catch(error => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`)
  process.exitCode = 1
})
