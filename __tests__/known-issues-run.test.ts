// Known issues through run() in-process (the runner played as the end-to-end tests play it, in
// virtual time): the file read before any request, the base commit's copy through the real GitHub
// client against the fake GitHub, and the verdict, outputs and notices that come of them.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../__fixtures__/core.js'
import type { ActionResult } from '../scripts/runner.mjs'
import { startSimulatedApi } from '../scripts/simulated-api.mjs'
import { fixtureBody } from './helpers/fixtures.js'
import { runInProcess } from './helpers/in-process.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const KEY = 'sk_live_known_in_process_KEY'
const TOKEN = 'ghs_known_in_process_TOKEN'
const RUN = '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70'
const BASE = 'a'.repeat(40)
const FILE = '.github/known.yml'
const ENTRIES = [
  '- name: Paying with a saved card*',
  '  reason: sandbox',
  '- name: Discount code applied twice after refresh',
  '  reason: known',
  '- page: /checkout',
  '  reason: layout'
].join('\n')
const event = {
  pull_request: {
    number: 9,
    head: { sha: 'h'.repeat(40), ref: 'f' },
    base: { sha: BASE, ref: 'main' }
  }
}

type Sim = Awaited<ReturnType<typeof startSimulatedApi>>
let sim: Sim
let workspace: string
const results: ActionResult[] = []
beforeEach(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'testerarmy-workspace-'))
  mkdirSync(join(workspace, '.github'))
  sim = await startSimulatedApi({
    apiKey: KEY,
    runs: { [RUN]: { final: fixtureBody('failed-with-issues'), before: ['running'] } },
    github: { token: TOKEN, pulls: [], files: { [BASE]: { [FILE]: ENTRIES } } }
  })
})
afterEach(async () => {
  await sim.close()
  for (const result of results.splice(0)) result.cleanup()
  rmSync(workspace, { recursive: true, force: true })
})

async function act(file: string, inputs: Record<string, string> = {}) {
  writeFileSync(join(workspace, FILE), file)
  const result = await runInProcess(run, {
    inputs: { 'api-key': KEY, 'api-url': sim.url, 'run-id': RUN, 'known-issues': FILE, ...inputs },
    githubToken: TOKEN,
    event,
    eventName: 'pull_request',
    env: {
      GITHUB_WORKSPACE: workspace,
      GITHUB_API_URL: sim.githubUrl,
      GITHUB_REPOSITORY: 'acme/shop'
    }
  })
  results.push(result)
  return result
}

describe('run() with known issues', () => {
  it('passes a run whose every issue the base already knew', async () => {
    const result = await act(ENTRIES)
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      passed: 'true',
      'waived-count': '3',
      'issues-count': '3'
    })
    expect(
      result.commands.filter(c => c.command === 'notice').map(c => c.properties.title)
    ).toEqual([
      'Known issue: Paying with a saved card returns a 500 error',
      'Known issue: Discount code applied twice after refresh',
      'Known issue: Order summary overlaps the footer on narrow screens'
    ])
    expect(JSON.parse(result.report).knownIssues.base).toBe('read')
    expect(result.stdout).toContain(
      'TesterArmy verdict: passed (3 findings waived by known-issues).'
    )
  })

  it('fails on the issue an entry added by the pull request would waive, under known-issues-from: base', async () => {
    const added = `${ENTRIES}\n- name: Slow cart update\n  reason: mine\n`
    const result = await act(
      added.replace('- name: Paying with a saved card*\n  reason: sandbox\n', ''),
      {
        'known-issues-from': 'base'
      }
    )
    expect(result.code).toBe(1)
    expect(result.outputs['waived-count']).toBe('2')
    expect(result.summary).toContain('**Not applied**')
  })

  it('refuses a bad file before any request', async () => {
    const result = await act('- name: a\n  reason: r\n  until: someday\n')
    expect(result.code).toBe(1)
    expect(result.commands.map(c => c.message)).toEqual([
      `Input 'known-issues': "${FILE}" line 1: until "someday" is not a date: expected YYYY-MM-DD, such as 2027-03-31.`
    ])
    expect(sim.requests).toEqual([])
  })
})
