// The report file is a public interface: every report the action writes, in every way it runs
// (waiting on run IDs, starting a test, a group or the agent, retries, failures, errors, a cancel, a
// timeout, reports mode), validates against schemas/report.schema.json with a real validator
// (Ajv, strict, with the formats), and carries its version, leg, commit, pull request and
// workflow run. run() in-process against the simulated API, in virtual time.
import { describe, expect, it, jest } from '@jest/globals'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../__fixtures__/core.js'
import type { ActionOptions, ActionResult } from '../scripts/runner.mjs'
import { startSimulatedApi, type SimulatedRun } from '../scripts/simulated-api.mjs'
import { REPORT_SCHEMA_VERSION } from '../src/constants.js'
import { fixtureBody } from './helpers/fixtures.js'
import { runInProcess } from './helpers/in-process.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const schema = JSON.parse(
  readFileSync(new URL('../schemas/report.schema.json', import.meta.url), 'utf8')
) as object
const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true })
addFormats.default(ajv)
const validate = ajv.compile(schema)

const KEY = 'sk_live_schema_KEY_0025'
const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
const BATCH = 'b0000000-0000-4000-8000-000000000001'
const SHA = '9c1e4f2a7b3d5e6f8a9b0c1d2e3f4a5b6c7d8e9f'
const id = (n: number): string => `20000000-0000-4000-8000-00000000000${n}`
const PULL_REQUEST = {
  pull_request: {
    number: 42,
    title: 'Pay with a saved card',
    body: 'Customers can pick a saved card.',
    head: { sha: SHA, ref: 'saved-cards' },
    base: { ref: 'main' }
  }
}

const body = (fixture: string, runId: string, testId: string | null = null) => ({
  ...fixtureBody(fixture),
  id: runId,
  testId
})
const at = (fixture: string, runId: string, testId: string | null = null): SimulatedRun => ({
  final: body(fixture, runId, testId),
  before: ['running']
})

/** Everything the simulated API plays for the cases below. */
async function world(signals?: EventEmitter) {
  return startSimulatedApi({
    apiKey: KEY,
    runs: {
      [id(1)]: at('passed', id(1)),
      [id(2)]: at('failed-with-issues', id(2)),
      [id(3)]: at('skipped', id(3)),
      [id(4)]: at('run-failed', id(4)),
      [id(5)]: at('cancelled', id(5)),
      [id(6)]: at('hostile-completed', id(6)),
      [id(7)]: { final: body('passed', id(7)), endless: true },
      // A saved test's first run fails, its retry passes: flaky.
      [id(8)]: at('failed-with-issues', id(8), TEST),
      [id(9)]: at('passed', id(9), TEST)
    },
    tests: { [TEST]: [id(8), id(9)] },
    groups: {
      [GROUP]: { batchId: BATCH, runIds: [id(1), id(2), id(5)], cancelledRunIds: [id(5)] }
    },
    projects: { shop: { runId: id(3) } },
    onRequest: request => {
      if (signals && request.path.endsWith(id(7))) signals.emit('SIGINT', 'SIGINT')
    }
  })
}

async function act(
  inputs: Record<string, string>,
  options: ActionOptions & { signals?: EventEmitter } = {}
): Promise<{ result: ActionResult; report: Record<string, unknown> }> {
  const api = await world(options.signals)
  try {
    const result = await runInProcess(run, {
      event: PULL_REQUEST,
      ...options,
      env: { GITHUB_RUN_ATTEMPT: '3', ...options.env },
      inputs: { 'api-key': KEY, 'api-url': api.url, 'poll-interval': '1s', ...inputs }
    })
    const text = result.report
    result.cleanup()
    expect(text).not.toBe('')
    return { result, report: JSON.parse(text) as Record<string, unknown> }
  } finally {
    await api.close()
  }
}

/** Valid against the schema, with the first problems in the failure message when not. */
function expectValid(report: unknown): void {
  const ok = validate(report)
  expect(ok ? [] : ajv.errorsText(validate.errors, { separator: '\n' }).split('\n')).toEqual([])
}

describe('every report the action writes matches schemas/report.schema.json', () => {
  it.each([
    ['a passing run', { 'run-id': id(1) }, 'completed'],
    ['a FAILED run with issues and warnings', { 'run-id': id(2) }, 'completed'],
    ['a skipped run', { 'run-id': id(3) }, 'completed'],
    ['a run that failed', { 'run-id': id(4) }, 'failed'],
    ['a cancelled run', { 'run-id': id(5) }, 'cancelled'],
    ['hostile text', { 'run-id': id(6) }, 'completed'],
    ['several runs', { 'run-id': [1, 2, 3, 4, 5].map(id).join(',') }, 'failed'],
    ['a timeout', { 'run-id': id(7), timeout: '2m' }, 'timed_out'],
    ['a run that is not found', { 'run-id': '20000000-0000-4000-8000-0000000000ff' }, 'not_found'],
    ['a rejected key', { 'run-id': id(1), 'api-key': 'sk_live_wrong_KEY_0000' }, 'error'],
    ['a saved test started', { 'test-id': TEST }, 'completed'],
    ['a group started, one member cancelled at start', { 'group-id': GROUP }, 'cancelled'],
    [
      'the exploration agent',
      {
        'exploration-agent': 'true',
        'project-id': 'shop',
        'target-url': 'https://pr-42.example.com'
      },
      'completed'
    ],
    ['a flaky run (retry-failed)', { 'test-id': TEST, 'retry-failed': '1' }, 'completed'],
    ['a start that failed', { 'test-id': 'c4a1e2d3-5b6f-4a7b-8c9d-0000000000ff' }, 'error'],
    ['a leg of a matrix', { 'run-id': id(1), leg: 'web' }, 'completed']
  ])('waiting on %s', async (_case, inputs, status) => {
    const { report } = await act(inputs)
    expectValid(report)
    expect(report).toMatchObject({
      schemaVersion: REPORT_SCHEMA_VERSION,
      leg: (inputs as { leg?: string }).leg ?? '',
      commit: SHA,
      pullRequest: 42,
      workflowRun: { id: '4242', attempt: 3 },
      status
    })
  })

  it('with known issues: the file as read, and each waived finding with its entry', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'schema-workspace-'))
    try {
      writeFileSync(
        join(workspace, 'known.yml'),
        [
          '- name: Order summary overlaps the footer on narrow screens',
          '  reason: Layout bug, tracked',
          '  ticket: https://github.com/acme/shop/issues/1',
          '- page: /nowhere/**',
          '  reason: Not seen in this run',
          '  max-severity: 2',
          ''
        ].join('\n')
      )
      const { report } = await act(
        { 'run-id': id(2), 'known-issues': 'known.yml' },
        { env: { GITHUB_WORKSPACE: workspace } }
      )
      expectValid(report)
      expect(report).toMatchObject({
        knownIssues: { file: 'known.yml', entries: [{ inForce: true }, { inForce: true }] },
        runs: [{ waivedCount: 1, waived: [{ entry: { line: 1 } }] }]
      })
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })

  it('when the runner cancels the step while it waits', async () => {
    const signals = new EventEmitter()
    const { report, result } = await act({ 'run-id': id(7) }, { signals })
    expect(result.code).toBe(1)
    expectValid(report)
    expect(report).toMatchObject({ cancelled: true, status: 'cancelled' })
  })

  it('outside a pull request, with no workflow run to name', async () => {
    const { report } = await act(
      { 'run-id': id(1) },
      { eventName: 'push', event: { ref: 'refs/heads/main' } }
    )
    expectValid(report)
    expect(report).toMatchObject({ commit: 'merge-commit-sha', pullRequest: null })
  })

  it('in reports mode: the combined report, with its legs, what is missing and what was refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-matrix-'))
    try {
      for (const [leg, runId] of [
        ['web', id(1)],
        ['ios', id(2)],
        ['android', id(8)]
      ] as const) {
        await act({
          'run-id': runId,
          leg,
          ...(leg === 'android' ? { 'retry-failed': '1' } : {}),
          'report-path': join(dir, `testerarmy-${leg}`, 'testerarmy-report.json')
        })
      }
      const { report } = await act(
        {
          'run-id': '',
          'api-key': '',
          reports: `${dir}/**/*.json\n${dir}/missing.json`,
          'expected-reports': 'web, ios, android, windows'
        },
        { env: { GITHUB_RUN_ATTEMPT: '3' } }
      )
      expectValid(report)
      expect(report).toMatchObject({
        gathered: {
          legs: [{ name: 'web' }, { name: 'ios' }, { name: 'android' }],
          missing: { count: 1, names: ['windows'] }
        }
      })
      expect((report.runs as { leg: string }[]).map(r => r.leg)).toEqual(['web', 'ios', 'android'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('and the schema refuses what the action would never write (so these checks can fail)', () => {
    const report = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      leg: '',
      commit: '',
      pullRequest: null,
      workflowRun: { id: '', attempt: 1 },
      passed: true,
      status: 'completed',
      result: 'PASS',
      fatal: null,
      cancelled: false,
      flakyCount: 0,
      runs: []
    }
    expectValid(report)
    expect(validate({ ...report, schemaVersion: '2.0.0' })).toBe(false)
    expect(validate({ ...report, status: 'skipped' })).toBe(false)
    expect(validate({ ...report, workflowRun: { id: '4242', attempt: 0 } })).toBe(false)
    expect(validate({ ...report, runs: [{ id: 'not-a-uuid' }] })).toBe(false)
    const noCommit: Partial<typeof report> = { ...report }
    delete noCommit.commit
    expect(validate(noCommit)).toBe(false)
  })
})

describe('docs/report-file.md', () => {
  it('names every field the schema describes, and the version the action writes', () => {
    const doc = readFileSync(new URL('../docs/report-file.md', import.meta.url), 'utf8')
    type Node = {
      properties?: Record<string, Node>
      items?: Node
      definitions?: Record<string, Node>
    }
    const names = new Set<string>()
    const walk = (node: Node | undefined): void => {
      if (!node) return
      for (const [name, child] of Object.entries(node.properties ?? {})) {
        names.add(name)
        walk(child)
      }
      walk(node.items)
      for (const child of Object.values(node.definitions ?? {})) walk(child)
    }
    walk(schema as Node)
    expect(names.size).toBeGreaterThan(40)
    expect([...names].filter(name => !doc.includes(`\`${name}\``))).toEqual([])
    expect(doc).toContain(`\`${REPORT_SCHEMA_VERSION}\` today`)
  })
})
