// `npm run bench`: what the action costs its users, measured here and printed as one table.
// Cold start of the real bundle on the full path, bundle size, summary render time and size for
// huge runs, the requests and detection latency of the poller on simulated runs, and the request
// budget of many runs of one project (request-budget.ts).
import { spawn } from 'node:child_process'
import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { ApiClient } from '../src/api/api-client.js'
import { pollRuns } from '../src/wait/poller.js'
import { requestBudget } from './request-budget.js'
import { buildReport } from '../src/verdict/build-report.js'
import { settleEntries } from '../src/verdict/known-issues.js'
import { parseKnownIssuesFile } from '../src/verdict/known-issues-file.js'
import { parseRun } from '../src/api/run-response.js'
import { renderSummary } from '../src/report/summary.js'
import { reportJsonPieces } from '../src/report/report-file.js'
import { startApiServer, type Reply } from '../__tests__/helpers/api-server.js'
import { FakeClock } from '../__tests__/helpers/fake-clock.js'
import { hundredThousandIssueBody, screenshotHeavyOutcomes } from '../__tests__/helpers/fixtures.js'

const root = process.cwd()
const RUN = '2b9f6a47-8c1d-4e0b-b7a3-5e2c9d4f1a36'
const rows: [string, string, string][] = []
const row = (measure: string, value: string, target = ''): void => {
  rows.push([measure, value, target])
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

function timeProcess(
  command: string,
  args: string[],
  env: Record<string, string> = {}
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore'
    })
    child.on('error', reject)
    child.on('close', () => resolve(performance.now() - started))
  })
}

/**
 * The runner's emulation and Node 24, imported at run time from the repository root: tsc emits
 * the bench into build/, not scripts/.
 */
async function runnerAndNode24() {
  const runner = (await import(
    pathToFileURL(join(root, 'scripts', 'runner.mjs')).href
  )) as typeof import('../scripts/runner.mjs')
  const { findNode24 } = (await import(
    pathToFileURL(join(root, 'scripts', 'node24.mjs')).href
  )) as typeof import('../scripts/node24.mjs')
  return { runner, node: findNode24().path }
}

/**
 * dist/index.js under Node 24 as the runner runs it, timed, with the action's peak resident memory
 * read by a preload from the process itself as it exits. `dir` holds the preload's files.
 */
async function distMeasured(dir: string) {
  const { runner, node } = await runnerAndNode24()
  const rssFile = join(dir, 'max-rss')
  const preload = join(dir, 'max-rss.cjs')
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)))\n`
  )
  return async (inputs: Record<string, string>, env: Record<string, string> = {}) => {
    const started = performance.now()
    const result = await runner.runAction({
      node,
      inputs,
      env: { NODE_OPTIONS: `--require ${preload}`, ...env }
    })
    const ms = performance.now() - started
    const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024
    return { result, ms, rssMb }
  }
}

async function coldStart(): Promise<void> {
  const { runner, node: NODE24 } = await runnerAndNode24()
  const body = {
    id: RUN,
    status: 'completed',
    type: 'test',
    input: {},
    createdAt: '2026-11-28T09:00:00Z',
    output: {
      featureName: 'Sign in',
      result: 'PASS',
      description: 'ok',
      issues: [],
      screenshots: [],
      steps: []
    }
  }
  const server = await startApiServer(() => ({ status: 200, body }))
  const inputs = { 'run-id': RUN, 'api-key': 'bench-key-0123456789', 'api-url': server.url }
  // From the spawn to the process's exit: the action's own time, not the emulated runner's reading
  // of the files it wrote, nor their removal (more files for dist than for the floor).
  const timed = async (script: string): Promise<number> => {
    const started = performance.now()
    const { child, done } = runner.startAction({ node: NODE24, script, inputs })
    const exited = new Promise<number>(resolve =>
      child.once('exit', () => resolve(performance.now() - started))
    )
    const result = await done
    result.cleanup()
    if (result.code !== 0) throw new Error(`${script} exited ${result.code}: ${result.stdout}`)
    return exited
  }
  // The two floors (bench/floors.mjs): the packages as published, and the same packages with
  // undici loaded on demand as dist/ loads it, the least they cost.
  const samples = {
    dist: [] as number[],
    floor: [] as number[],
    deferred: [] as number[],
    bare: [] as number[]
  }
  const rounds = 21
  for (let i = 0; i < rounds; i++) {
    // Interleaved, so drift in the machine's load hits all of them alike; the order turns each
    // round, so no bundle always runs right after the same other.
    const trio = [
      async () => samples.dist.push(await timed(join(root, 'dist', 'index.js'))),
      async () => samples.floor.push(await timed(join(root, 'build', 'floor', 'index.js'))),
      async () =>
        samples.deferred.push(await timed(join(root, 'build', 'floor-deferred', 'index.js')))
    ]
    for (let k = 0; k < trio.length; k++) await trio[(i + k) % trio.length]!()
    samples.bare.push(await timeProcess(NODE24, ['-e', '0']))
  }
  await server.close()
  const [dist, floor, deferred, bare] = [
    median(samples.dist),
    median(samples.floor),
    median(samples.deferred),
    median(samples.bare)
  ]
  row('cold start, bare `node -e 0` (Node 24)', `${bare.toFixed(0)} ms`)
  row(
    'cold start, floor: minified @actions/core + @actions/http-client as published, one request',
    `${floor.toFixed(0)} ms (${(floor / bare).toFixed(2)}× bare)`
  )
  row(
    'cold start, the same with undici loaded on demand, as dist/ does',
    `${deferred.toFixed(0)} ms (${(deferred / bare).toFixed(2)}× bare)`
  )
  row(
    'cold start, dist/index.js, one completed run, full path',
    `${dist.toFixed(0)} ms (${(dist / bare).toFixed(2)}× bare)`
  )
  // Paired: the median of each round's ratio, which a busy machine's drift moves less than the
  // ratio of the two medians.
  const paired = (over: number[]): number =>
    median(samples.dist.map((d, i) => d / (over[i] as number)))
  row(
    'cold start, dist ÷ floor (paired: median of the rounds)',
    `${paired(samples.floor).toFixed(2)}× (medians: ${(dist / floor).toFixed(2)}×)`,
    '≤ 1.05×'
  )
  row(
    'cold start, dist ÷ the floor with undici on demand (paired)',
    `${paired(samples.deferred).toFixed(2)}× (medians: ${(dist / deferred).toFixed(2)}×)`
  )
  const size = statSync(join(root, 'dist', 'index.js')).size
  row('bundle size, dist/index.js', `${(size / 1024 / 1024).toFixed(2)} MB`, '≤ 1.5 MB')
  // Octokit (the pull-request comment), the upload (app-path) and yazl (zipping a .app folder) are
  // chunks of their own, loaded only when asked for; told apart by what they hold.
  const chunks = readdirSync(join(root, 'dist')).filter(f => f.endsWith('.js') && f !== 'index.js')
  const lazy = (holds: RegExp): [string[], number] => {
    const files = chunks.filter(f => holds.test(readFileSync(join(root, 'dist', f), 'utf8')))
    return [files, files.reduce((sum, f) => sum + statSync(join(root, 'dist', f)).size, 0)]
  }
  const [comment, commentBytes] = lazy(/getOctokit/)
  const [undici, undiciBytes] = lazy(/'undici:client:beforeConnect'/)
  const [upload, uploadBytes] = lazy(/runUploadStep/)
  const [zip, zipBytes] = lazy(/ZipFile/)
  const [start, startBytes] = lazy(/function startEverything/)
  const [lists, listsBytes] = lazy(/class ProjectLists/)
  row(
    'bundle size, GitHub clients and Octokit, loaded only to call GitHub',
    `${(commentBytes / 1024 / 1024).toFixed(2)} MB (${comment.join(', ')})`
  )
  row(
    'bundle size, undici, loaded only with Octokit',
    `${(undiciBytes / 1024 / 1024).toFixed(2)} MB (${undici.join(', ')})`
  )
  row(
    'bundle size, chunks loaded only with app-path',
    `${(uploadBytes / 1024).toFixed(0)} KB (${upload.join(', ')})`
  )
  row(
    'bundle size, chunks loaded only for a .app folder (yazl)',
    `${(zipBytes / 1024).toFixed(0)} KB (${zip.join(', ')})`
  )
  row(
    'bundle size, chunks loaded only to start runs (test, group, agent)',
    `${(startBytes / 1024).toFixed(0)} KB (${start.join(', ')})`
  )
  row(
    "bundle size, chunks loaded only for several runs (a project's run list)",
    `${(listsBytes / 1024).toFixed(0)} KB (${lists.join(', ')})`
  )
}

/** Reports mode's chunks (the gathering code, @actions/glob and Ajv), loaded only in reports mode. */
function reportsChunks(): void {
  const files = readdirSync(join(root, 'dist')).filter(
    f =>
      f.endsWith('.js') &&
      f !== 'index.js' &&
      /function gatherReports|minimatch/.test(readFileSync(join(root, 'dist', f), 'utf8'))
  )
  const bytes = files.reduce((sum, f) => sum + statSync(join(root, 'dist', f)).size, 0)
  row(
    'bundle size, chunks loaded only in reports mode (@actions/glob, Ajv)',
    `${(bytes / 1024).toFixed(0)} KB (${files.join(', ')})`
  )
}

function hugeRun(issues: number, steps: number) {
  const body = {
    id: RUN,
    status: 'completed',
    output: {
      featureName: 'Huge run',
      result: 'FAILED',
      description: 'A run with very many findings.',
      screenshots: [],
      issues: Array.from({ length: issues }, (_, n) => ({
        type: n % 4 === 0 ? 'warning' : 'issue',
        name: `Issue ${n}: the button does nothing when clicked twice`,
        severity: (n % 5) + 1,
        description:
          'Clicking "Save" twice quickly leaves the form in a broken state with no message.',
        url: `https://shop.example.com/page/${n}`,
        reproductionSteps: ['Open the page', 'Click Save twice'],
        expectedBehavior: 'The form saves once.',
        actualBehavior: 'Nothing happens.',
        screenshotUrl: `https://cdn.example.com/${n}.png`
      })),
      steps: Array.from({ length: steps }, (_, n) => ({
        stepIndex: n,
        title: `Step ${n}`,
        type: 'act',
        status: n % 10 ? 'passed' : 'failed',
        startedAtMs: n * 1000,
        completedAtMs: n * 1000 + 900
      }))
    }
  }
  const run = parseRun(body)
  return buildReport(
    [
      {
        id: RUN,
        status: 'completed',
        run,
        body,
        lastStatus: 'completed',
        error: null,
        cancelledByUser: false
      }
    ],
    { failOn: 'failed', minSeverity: 1 }
  )
}

function render(): void {
  const options = {
    reportPath: '/home/runner/work/_temp/testerarmy-report.json',
    timeoutMs: 1_800_000,
    failOn: 'failed' as const,
    minSeverity: 1
  }
  for (const [issues, steps] of [
    [1_000, 50],
    [10_000, 200],
    [20_000, 1_000],
    [100_000, 1_000]
  ] as const) {
    const times: number[] = []
    let bytes = 0
    for (let i = 0; i < (issues >= 100_000 ? 3 : 5); i++) {
      // A fresh report each time: rendered rows are cached per issue object.
      const report = hugeRun(issues, steps)
      const started = performance.now()
      bytes = Buffer.byteLength(renderSummary(report, options))
      times.push(performance.now() - started)
    }
    const target = issues === 10_000 ? '≤ 200 ms' : issues === 20_000 ? '< 1 s, < 1 MiB' : ''
    row(
      `render summary, ${issues.toLocaleString('en')} issues + ${steps} steps`,
      `${median(times).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB`,
      target
    )
  }
}

/** A deterministic stream of numbers in [0, 1), so two bench runs simulate the same faults. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

async function polling(): Promise<void> {
  const interval = 5_000
  const scenarios = [
    // Lengths off the 5 s grid, so the detection latency is not flattered by a lucky alignment.
    { name: '32 s run', lengthMs: 32_300, faults: 0, runs: 1 },
    { name: '5 min run', lengthMs: 302_700, faults: 0, runs: 1 },
    { name: '30 min run', lengthMs: 1_801_100, faults: 0, runs: 1 },
    { name: '5 min run, 20 % of answers 503', lengthMs: 302_700, faults: 0.2, runs: 1 },
    {
      name: '5 min run, 20 % 503 + a 429 (Retry-After 30)',
      lengthMs: 302_700,
      faults: 0.2,
      runs: 1,
      limit: true
    },
    { name: '5 runs of 5 min at once', lengthMs: 302_700, faults: 0, runs: 5 }
  ]
  for (const scenario of scenarios) {
    const clock = new FakeClock()
    const start = clock.now()
    const fault = seeded(42)
    let limited = false
    const times: number[] = []
    const ids = Array.from(
      { length: scenario.runs },
      (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
    )
    const server = await startApiServer((request): Reply => {
      const now = clock.now() - start
      times.push(now)
      const id = /runs\/([^/]+)/.exec(request.path)?.[1]
      if (scenario.limit && !limited && now > 60_000) {
        limited = true
        return {
          status: 429,
          body: { error: 'rate', message: 'slow down' },
          headers: { 'retry-after': '30' }
        }
      }
      if (fault() < scenario.faults)
        return { status: 503, body: { error: 'unavailable', message: 'busy' } }
      return {
        status: 200,
        body: { id, status: now >= scenario.lengthMs ? 'completed' : 'running' }
      }
    })
    await pollRuns({
      runIds: ids,
      api: clock.track(new ApiClient({ apiUrl: server.url, apiKey: 'k' })),
      clock,
      log: {
        statusChange: () => undefined,
        unknownStatus: () => undefined,
        retry: () => undefined
      },
      pollIntervalMs: interval,
      deadline: start + 3_600_000,
      random: seeded(7)
    })
    await server.close()
    const latency = clock.now() - start - scenario.lengthMs
    const perRun = times.length / scenario.runs
    const burst = Math.max(...[...new Set(times)].map(t => times.filter(x => x === t).length))
    const floor = Math.ceil(scenario.lengthMs / interval) + 1
    row(
      `polling (interval 5 s): ${scenario.name}`,
      `${perRun.toFixed(0)} requests/run (floor ${floor}), detected ${(latency / 1000).toFixed(1)} s after the end` +
        (scenario.runs > 1 ? `, at most ${burst} request(s) at one instant` : ''),
      scenario.faults ? '' : '≤ 1 request/run/interval, latency ≤ 1 interval'
    )
  }
}

/** Peak RSS of a process so far (VmHWM), in bytes; 0 once it is gone. */
function peakRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024
  } catch {
    return 0
  }
}

/**
 * A 400 MiB build through the simulated S3-like storage: the action's peak memory, and its
 * throughput against `curl -T` of the same file to the same server, measured in the same run.
 */
async function upload(): Promise<void> {
  const { runner, node: NODE24 } = await runnerAndNode24()
  const { startSimulatedApi } = (await import(
    pathToFileURL(join(root, 'scripts', 'simulated-api.mjs')).href
  )) as typeof import('../scripts/simulated-api.mjs')
  const size = 400 * 1024 * 1024
  const dir = mkdtempSync(join(tmpdir(), 'testerarmy-bench-'))
  const file = join(dir, 'app-release.apk')
  // Sparse: the disk is not the thing measured, and the bench leaves no 400 MiB behind.
  const fd = openSync(file, 'w')
  ftruncateSync(fd, size)
  closeSync(fd)
  const api = await startSimulatedApi({ runs: {}, apiKey: 'bench-key-0123456789' })
  const project = '5f0c8a8e-3b7d-4d35-9a51-2f7e1c9b6a10'
  try {
    const curl = async (): Promise<number> => {
      const ticket = (await (
        await fetch(`${api.url}/v1/projects/${project}/mobile/upload`, {
          method: 'POST',
          headers: {
            authorization: 'Bearer bench-key-0123456789',
            'content-type': 'application/json'
          },
          body: JSON.stringify({ filename: 'app-release.apk', fileSize: size })
        })
      ).json()) as { uploadUrl: string }
      return timeProcess('curl', [
        '-sS',
        '-f',
        '-o',
        '/dev/null',
        '-T',
        file,
        '-H',
        'Content-Type: application/octet-stream',
        ticket.uploadUrl
      ])
    }
    const action = async (): Promise<{ ms: number; rss: number }> => {
      const started = performance.now()
      const { child, done } = runner.startAction({
        node: NODE24,
        inputs: {
          'api-key': 'bench-key-0123456789',
          'api-url': api.url,
          'project-id': project,
          'app-path': file
        }
      })
      let rss = 0
      const watch = setInterval(() => (rss = Math.max(rss, peakRss(child.pid ?? 0))), 50)
      const result = await done
      clearInterval(watch)
      result.cleanup()
      if (result.code !== 0) throw new Error(`upload exited ${result.code}: ${result.stdout}`)
      return { ms: performance.now() - started, rss }
    }
    const curlTimes: number[] = []
    const actionTimes: number[] = []
    const rss: number[] = []
    for (let i = 0; i < 3; i++) {
      // Interleaved, so the machine's load hits both alike.
      curlTimes.push(await curl())
      const measured = await action()
      actionTimes.push(measured.ms)
      rss.push(measured.rss)
    }
    const rate = (ms: number): string => `${(((size / 1024 / 1024) * 1000) / ms).toFixed(0)} MiB/s`
    const [curlMs, actionMs] = [median(curlTimes), median(actionTimes)]
    row(
      'upload, 400 MiB APK to simulated storage: peak RSS of the action',
      `${(Math.max(...rss) / 1024 / 1024).toFixed(0)} MiB`,
      '< 150 MiB (target < 100)'
    )
    row(
      'upload, 400 MiB: action (whole step) vs `curl -T` (PUT only)',
      `${rate(actionMs)} vs ${rate(curlMs)} (${(curlMs / actionMs).toFixed(2)}×)`,
      '≥ 0.8×'
    )
  } finally {
    await api.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A real-sized run of 100,000 issues (about 72 MB of JSON), end to end: dist/index.js under Node 24
 * reads it, writes the report, outputs and summary. Wall time, and the action's peak resident
 * memory, read by a preload from the process itself as it exits.
 */
async function largeRun(): Promise<void> {
  const body = hundredThousandIssueBody(RUN)
  const server = await startApiServer(() => ({ status: 200, body }))
  const dir = mkdtempSync(join(tmpdir(), 'bench-large-'))
  const dist = await distMeasured(dir)
  const times: number[] = []
  const rss: number[] = []
  for (let i = 0; i < 3; i++) {
    const { result, ms, rssMb } = await dist({
      'run-id': RUN,
      'api-key': 'bench-key-0123456789',
      'api-url': server.url
    })
    times.push(ms)
    rss.push(rssMb)
    if (result.outputs['issues-count'] !== '75000')
      throw new Error(`the 100,000-issue run was not read: ${result.stdout.slice(-500)}`)
    result.cleanup()
  }
  await server.close()
  rmSync(dir, { recursive: true, force: true })
  row(
    `100,000-issue run (${(Buffer.byteLength(body) / 1024 / 1024).toFixed(0)} MB) end to end, dist under Node 24`,
    `${(median(times) / 1000).toFixed(1)} s, peak RSS ${median(rss).toFixed(0)} MB`,
    '< 20 s'
  )
}

/**
 * A file of 1,000 known issues (exact names, `*` names, page globs) and a run of 10,000 findings,
 * one in ten known: the worst case is the 9,000 findings no entry matches, each compared with
 * every entry. `text` is the file; `body` the run.
 */
function knownIssuesCase(): { text: string; body: string } {
  const entries = Array.from({ length: 1_000 }, (_, k) =>
    k % 10 === 9
      ? `- page: /area-${k}/**\n  reason: the area ${k} is being rebuilt\n`
      : k % 3 === 0
        ? `- name: "Known bug ${k}: the widget*misbehaves*"\n  max-severity: 4\n  reason: tracked\n`
        : `- name: "Known bug ${k}: the widget misbehaves on reload"\n  reason: tracked, fix scheduled\n`
  )
  const findings = Array.from({ length: 10_000 }, (_, n) => {
    const known = n % 10 === 0 ? (n / 10) % 1_000 : -1
    return {
      type: n % 4 === 0 ? 'warning' : 'issue',
      name:
        known >= 0 && known % 10 !== 9
          ? `Known bug ${known}: the widget misbehaves on reload`
          : `Issue ${n}: the button does nothing when clicked twice in a row`,
      severity: (n % 4) + 1,
      description: 'Clicking "Save" twice quickly leaves the form in a broken state.',
      url: `https://pr-42.preview.example.com/${known % 10 === 9 ? `area-${known}` : 'shop'}/page/${n}`
    }
  })
  const body = JSON.stringify({
    id: RUN,
    status: 'completed',
    output: {
      featureName: 'Known issues',
      result: 'FAILED',
      description: '10,000 findings.',
      screenshots: [],
      issues: findings,
      steps: []
    }
  })
  return { text: entries.join(''), body }
}

/**
 * 1,000 known issues against 10,000 findings: reading the file, and judging the run with the
 * waivers (in-process, the median of five); then end to end, dist/index.js under Node 24 with and
 * without the file (wall time and peak RSS), so the difference is what the waivers cost a user.
 */
async function knownIssues(): Promise<void> {
  const { text, body } = knownIssuesCase()
  const today = new Date().toISOString().slice(0, 10)
  const parse: number[] = []
  const judge: number[] = []
  let waived = 0
  for (let i = 0; i < 5; i++) {
    let started = performance.now()
    const parsed = parseKnownIssuesFile(text, today)
    parse.push(performance.now() - started)
    if (!parsed.ok) throw new Error(`the bench's file is refused: ${parsed.problems[0]?.message}`)
    const entries = settleEntries(parsed.entries, {
      base: { kind: 'no-pull-request' },
      from: 'workspace',
      today
    })
    const waivers = {
      file: 'known.yml',
      from: 'workspace' as const,
      base: { kind: 'no-pull-request' as const },
      entries
    }
    const run = parseRun(JSON.parse(body))
    const outcome = {
      id: RUN,
      status: 'completed' as const,
      run,
      body: null,
      lastStatus: 'completed',
      error: null,
      cancelledByUser: false
    }
    started = performance.now()
    const report = buildReport([outcome], { failOn: 'failed', minSeverity: 1, waivers })
    judge.push(performance.now() - started)
    waived = report.runs[0]?.waived.length ?? 0
  }
  row(
    'known issues: read a file of 1,000 entries (YAML, checked)',
    `${median(parse).toFixed(0)} ms`
  )
  row(
    `known issues: judge 10,000 findings against 1,000 entries (${waived} waived)`,
    `${median(judge).toFixed(0)} ms`,
    '< 1 s'
  )

  const server = await startApiServer(() => ({ status: 200, body }))
  const dir = mkdtempSync(join(tmpdir(), 'bench-known-'))
  writeFileSync(join(dir, 'known.yml'), text)
  const dist = await distMeasured(dir)
  const measure = async (withFile: boolean) => {
    const times: number[] = []
    const rss: number[] = []
    for (let i = 0; i < 3; i++) {
      const { result, ms, rssMb } = await dist(
        {
          'run-id': RUN,
          'api-key': 'bench-key-0123456789',
          'api-url': server.url,
          ...(withFile ? { 'known-issues': 'known.yml' } : {})
        },
        { GITHUB_WORKSPACE: dir }
      )
      times.push(ms)
      rss.push(rssMb)
      if (withFile && result.outputs['waived-count'] !== String(waived))
        throw new Error(`the waivers did not apply: ${result.stdout.slice(-500)}`)
      result.cleanup()
    }
    return { ms: median(times), rss: median(rss) }
  }
  const without = await measure(false)
  const withFile = await measure(true)
  await server.close()
  rmSync(dir, { recursive: true, force: true })
  row(
    'known issues end to end, 10,000 findings, dist under Node 24: without the file / with 1,000 entries',
    `${(without.ms / 1000).toFixed(2)} s / ${(withFile.ms / 1000).toFixed(2)} s, peak RSS ${without.rss.toFixed(0)} / ${withFile.rss.toFixed(0)} MB`
  )
}

/** 8 runs, each with 50 presigned screenshots (about 1.4 KB each) and 10 issues. */
function screenshotHeavy(): void {
  const report = buildReport(screenshotHeavyOutcomes(), { failOn: 'failed', minSeverity: 1 })
  const md = renderSummary(report, {
    reportPath: '/home/runner/work/_temp/testerarmy-report.json',
    timeoutMs: 1_800_000,
    failOn: 'failed',
    minSeverity: 1
  })
  const shown = (md.match(/^\| [^|]+ \| Run \d+ issue \d+ \|/gm) ?? []).length
  row(
    'screenshot-heavy summary: 8 runs × 50 presigned screenshots + 10 issues',
    `${shown} of 80 issues shown, ${(Buffer.byteLength(md) / 1024).toFixed(0)} KiB`,
    'all issues, < 1 MiB'
  )
}

/**
 * Reports mode on a large matrix: 50 legs of 100 runs each (half passed, half FAILED with issues,
 * the fixtures' bodies), each leg's report in its artifact's folder as download-artifact leaves
 * it, gathered by dist/index.js under Node 24. Wall time and the action's peak resident memory.
 */
async function gatherMatrix(): Promise<void> {
  const fixture = (name: string) =>
    JSON.parse(readFileSync(join(root, '__fixtures__', 'runs', `${name}.json`), 'utf8')) as Record<
      string,
      unknown
    >
  const bodies = [fixture('passed'), fixture('failed-with-issues')]
  const dir = mkdtempSync(join(tmpdir(), 'bench-matrix-'))
  const legs = 50
  const runsPerLeg = 100
  let bytes = 0
  for (let leg = 0; leg < legs; leg++) {
    const outcomes = Array.from({ length: runsPerLeg }, (_, n) => {
      const id = `${String(leg).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`
      const body = { ...bodies[n % 2], id }
      return {
        id,
        status: 'completed' as const,
        run: parseRun(body),
        body,
        lastStatus: 'completed',
        error: null,
        cancelledByUser: false
      }
    })
    const report = buildReport(outcomes, { failOn: 'failed', minSeverity: 1 })
    const text = [
      ...reportJsonPieces(report, {
        leg: `leg-${leg}`,
        commit: '9c1e4f2a7b3d5e6f8a9b0c1d2e3f4a5b6c7d8e9f',
        pullRequest: 42,
        workflowRun: { id: '4242', attempt: 1 }
      })
    ].join('')
    bytes += Buffer.byteLength(text)
    const folder = join(dir, `testerarmy-leg-${leg}`)
    mkdirSync(folder)
    writeFileSync(join(folder, 'testerarmy-report.json'), text)
  }
  const dist = await distMeasured(dir)
  const times: number[] = []
  const rss: number[] = []
  try {
    for (let i = 0; i < 3; i++) {
      const { result, ms, rssMb } = await dist({
        reports: `${dir}/**/*.json`,
        'expected-reports': String(legs)
      })
      times.push(ms)
      rss.push(rssMb)
      if (result.outputs['reports-count'] !== String(legs))
        throw new Error(`the ${legs} legs were not gathered: ${result.stdout.slice(-800)}`)
      result.cleanup()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  row(
    `reports mode: ${legs} legs × ${runsPerLeg} runs (${(bytes / 1024 / 1024).toFixed(0)} MB of reports) gathered, dist under Node 24`,
    `${(median(times) / 1000).toFixed(1)} s, peak RSS ${median(rss).toFixed(0)} MB`
  )
}

/** Each part of the bench, by the name `npm run bench -- <name>...` runs it alone. */
const SECTIONS: [string, () => void | Promise<void>][] = [
  ['cold-start', coldStart],
  ['upload', upload],
  ['render', render],
  ['screenshots', screenshotHeavy],
  ['known-issues', knownIssues],
  ['large-run', largeRun],
  [
    'matrix',
    async () => {
      reportsChunks()
      await gatherMatrix()
    }
  ],
  ['polling', polling],
  ['request-budget', () => requestBudget(row)]
]

async function main(): Promise<void> {
  const asked = process.argv.slice(2)
  const unknown = asked.filter(name => !SECTIONS.some(([section]) => section === name))
  if (unknown.length) {
    throw new Error(
      `no bench section ${unknown.join(', ')}: choose from ${SECTIONS.map(([n]) => n).join(', ')}`
    )
  }
  console.log(
    asked.length ? `Measuring ${asked.join(', ')}...` : 'Measuring (about two minutes)...'
  )
  for (const [name, measure] of SECTIONS) if (!asked.length || asked.includes(name)) await measure()
  const widths = [0, 1, 2].map(i =>
    Math.max(...rows.map(r => r[i]!.length), ['measure', 'value', 'target'][i]!.length)
  )
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  console.log(
    `\nTesterArmy action bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version} (runner: Node 24 for the cold start)\n`
  )
  console.log(line(['measure', 'value', 'target']))
  console.log(line(widths.map(w => '-'.repeat(w))))
  for (const r of rows) console.log(line(r))
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
