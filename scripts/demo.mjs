// `npm run demo`: the committed dist/index.js against a simulated TesterArmy API on 127.0.0.1,
// run as GitHub's runner runs it, then the log, annotations, outputs and job summary as a person
// would see them. No API key, no network, no npm install needed.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

async function main() {
  const dist = join(root, 'dist', 'index.js')
  if (!existsSync(dist)) throw new Error('dist/index.js is missing: run `npm run build` first')
  const node = chooseNode()
  const final = JSON.parse(
    readFileSync(join(root, '__fixtures__', 'runs', 'failed-with-issues.json'), 'utf8')
  )
  // `npm run demo -- --upload`: the step uploads an APK built "earlier in the job" to the
  // simulated API's S3-like storage, then starts a test run on it.
  const upload = process.argv.includes('--upload')
  const test = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
  const api = await startSimulatedApi({
    runs: { [final.id]: { final } },
    apiKey: 'demo-key',
    tests: { [test]: final.id }
  })
  const build = upload ? mkdtempSync(join(tmpdir(), 'testerarmy-demo-')) : ''
  const apk = join(build, 'app-release.apk')
  if (upload) writeFileSync(apk, randomBytes(24 * 1024 * 1024))
  console.log(bold('TesterArmy action demo'))
  console.log(
    dim(
      `A simulated TesterArmy API is listening on ${api.url}. It plays one CI run: queued, running,\n` +
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
        ...(upload
          ? { 'app-path': apk, 'project-id': 'demo-project', 'test-id': test }
          : { 'run-id': final.id }),
        'api-key': 'demo-key',
        'api-url': api.url,
        'poll-interval': '1s'
      }
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
    console.log(rule('Done'))
    console.log(
      `  The API received ${api.requests.length} requests. The full report is a JSON file at\n  ${result.outputs['report-path']}\n` +
        `  The job summary's Markdown is at ${join(result.dir, 'step_summary')}.`
    )
  } finally {
    await api.close()
    if (build) rmSync(build, { recursive: true, force: true })
  }
}

main().catch(error => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`)
  process.exitCode = 1
})
