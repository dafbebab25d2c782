// Known issues end to end: dist/index.js under Node 24 as the runner runs it, on GitHub's own
// pull_request payload, against the simulated API and the fake GitHub that serves the base
// commit's copy of the file. Waived findings pass, new ones fail, expired entries warn, entries the
// pull request adds are marked (and waive nothing under known-issues-from: base), and every bad
// file is one error line, before any request.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findNode24 } from '../scripts/node24.mjs'
import { runAction, type ActionResult } from '../scripts/runner.mjs'
import { startSimulatedApi } from '../scripts/simulated-api.mjs'
import { fixtureBody } from './helpers/fixtures.js'
import type { FakeComment } from './helpers/fake-github.mjs'
import { leftBehind } from './helpers/runner-output.js'

const NODE24 = findNode24().path
const KEY = 'sk_live_known_issues_KEY_24'
const TOKEN = 'ghs_known_issues_TOKEN_24'
const RUN = '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70'
const FILE = '.github/testerarmy-known-issues.yml'
const PAYMENT = 'Paying with a saved card returns a 500 error'
const DISCOUNT = 'Discount code applied twice after refresh'
const OVERLAP = 'Order summary overlaps the footer on narrow screens'

const require = createRequire(import.meta.url)
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string
  examples: { action?: string; pull_request?: { base: { sha: string } } }[]
}[]
const pullRequest = structuredClone(
  examples.find(e => e.name === 'pull_request')!.examples.find(e => e.action === 'opened')!
)
const BASE = pullRequest.pull_request!.base.sha

/** A UTC day this many days from now, as `until` is written. */
const day = (offset: number): string =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

const ALL_WAIVED = `# yaml-language-server: $schema=../schemas/known-issues.schema.json
- name: ${PAYMENT}
  reason: The payments sandbox is down this week
  ticket: https://github.com/acme/shop/issues/1
- name: Discount code applied*
  reason: Known double apply
- page: /checkout
  max-severity: 2
  reason: Layout bugs on the checkout page
`

type Sim = Awaited<ReturnType<typeof startSimulatedApi>>
let workspace: string
const sims: Sim[] = []
const results: ActionResult[] = []
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'testerarmy-workspace-'))
  mkdirSync(join(workspace, '.github'))
})
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close()
  for (const result of results.splice(0)) result.cleanup()
  rmSync(workspace, { recursive: true, force: true })
})

/** The simulated API and the fake GitHub, which holds `base` as the files of the base commit. */
async function simulate(base: Record<string, string | { status: number; body: object }> = {}) {
  const comments: FakeComment[] = []
  const sim = await startSimulatedApi({
    apiKey: KEY,
    runs: { [RUN]: { final: fixtureBody('failed-with-issues'), before: ['running'] } },
    github: { token: TOKEN, pulls: [], comments, files: { [BASE]: base } }
  })
  sims.push(sim)
  return Object.assign(sim, { comments })
}

async function act(
  sim: Sim,
  file: string | null,
  inputs: Record<string, string> = {},
  event: { name: string; payload: object; ref?: string } = {
    name: 'pull_request',
    payload: pullRequest
  }
) {
  if (file !== null) writeFileSync(join(workspace, FILE), file)
  const result = await runAction({
    node: NODE24,
    inputs: {
      'api-key': KEY,
      'api-url': sim.url,
      'run-id': RUN,
      'poll-interval': '1s',
      'known-issues': FILE,
      ...inputs
    },
    githubToken: TOKEN,
    eventName: event.name,
    event: event.payload,
    env: {
      ...(event.ref ? { GITHUB_REF: event.ref } : {}),
      GITHUB_REPOSITORY: 'Codertocat/Hello-World',
      GITHUB_API_URL: sim.githubUrl,
      GITHUB_WORKSPACE: workspace
    }
  })
  results.push(result)
  for (const text of leftBehind(result)) {
    expect(text).not.toContain(KEY)
    expect(text).not.toContain(TOKEN)
  }
  return result
}

/** What the action says about the file itself (expired entries, additions, an unchecked base). */
const fileNotes = (result: ActionResult, command: string) =>
  result.commands
    .filter(c => c.command === command && c.properties.title === 'TesterArmy known issues')
    .map(c => c.message)
const finalErrors = (result: ActionResult) =>
  result.commands.filter(c => c.command === 'error' && !c.properties.title).map(c => c.message)
const waivedNotices = (result: ActionResult) =>
  result.commands.filter(
    c => c.command === 'notice' && c.properties.title?.startsWith('Known issue: ')
  )
const baseReads = (sim: Sim) => sim.requests.filter(r => r.path.includes('/contents/'))

describe('the verdict with known issues', () => {
  it('passes a FAILED run all of whose issues are waived, each a notice', async () => {
    const sim = await simulate({ [FILE]: ALL_WAIVED })
    const result = await act(sim, ALL_WAIVED)
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      passed: 'true',
      result: 'FAILED',
      'issues-count': '3',
      'max-severity': '5',
      'waived-count': '3'
    })
    expect(waivedNotices(result).map(c => c.properties.title)).toEqual([
      `Known issue: ${PAYMENT}`,
      `Known issue: ${DISCOUNT}`,
      `Known issue: ${OVERLAP}`
    ])
    expect(result.commands.filter(c => c.command === 'error')).toEqual([])
    expect(result.summary).toContain('### Known issues (waived)')
    expect(result.stdout).toContain(
      `Known issues: 3 entries in ${FILE}, 3 in force; compared with the base commit's copy: 0 added by this pull request.`
    )
    // The base commit's copy, read once, raw, at the base commit.
    expect(baseReads(sim).map(r => `${r.path}${r.query}`)).toEqual([
      `/github/repos/Codertocat/Hello-World/contents/.github/testerarmy-known-issues.yml?ref=${BASE}`
    ])
    expect(baseReads(sim)[0]!.headers.accept).toMatch(/application\/vnd\.github(\.v3)?\.raw/)
    const report = JSON.parse(result.report)
    expect(report.passed).toBe(true)
    expect(report.runs[0].waived).toHaveLength(3)
  })

  it('fails a partly waived run on the new issue alone', async () => {
    const file = ALL_WAIVED.split('- name: Discount')[0] as string
    const sim = await simulate({ [FILE]: file })
    const result = await act(sim, file)
    expect(result.code).toBe(1)
    expect(finalErrors(result)).toEqual([
      'TesterArmy verdict: failed: the run FAILED with 2 issues (1 more waived by known-issues).'
    ])
    expect(result.outputs['waived-count']).toBe('1')
    expect(result.commands.filter(c => c.command === 'error').map(c => c.properties.title)).toEqual(
      [DISCOUNT, OVERLAP, undefined]
    )
  })

  it('warns about an expired entry, which no longer waives', async () => {
    const file = `- name: Paying*\n  page: /checkout/payment\n  reason: sandbox down\n  until: ${day(-1)}\n`
    const sim = await simulate({ [FILE]: file })
    const result = await act(sim, file)
    expect(result.code).toBe(1)
    expect(result.outputs['waived-count']).toBe('0')
    expect(fileNotes(result, 'warning')).toContain(
      `The known issue at ${FILE} line 1 (name "Paying*", page /checkout/payment) expired on ${day(-1)}: it no longer waives anything. Fix the issue, or extend until after a review.`
    )
    expect(result.summary).toContain('**Expired**')
  })
})

describe('the base commit’s copy', () => {
  const ADDED = `- name: ${PAYMENT}\n  reason: not my bug\n`

  it('marks entries the pull request adds, in the summary, the comment and a notice', async () => {
    const base = ALL_WAIVED.split('- name: Discount')[1] as string
    const sim = await simulate({ [FILE]: `- name: Discount${base}` })
    const result = await act(sim, ALL_WAIVED, { comment: 'true' })
    expect(result.code).toBe(0)
    expect(fileNotes(result, 'notice')).toContain(
      `This pull request adds 1 entry to ${FILE} (line 2): review it before merging.`
    )
    expect(result.summary).toContain('**This pull request adds 1 known-issue entry**')
    const comment = sim.comments[0]?.body ?? ''
    expect(comment).toContain('**This pull request adds 1 known-issue entry**')
    expect(comment).toContain('**🆕\u00a0added by this pull request**')
  })

  it('with known-issues-from: base, lets the added entries waive nothing', async () => {
    const sim = await simulate({ [FILE]: '# no entries yet\n' })
    const result = await act(sim, ADDED, { 'known-issues-from': 'base' })
    expect(result.code).toBe(1)
    expect(result.outputs['waived-count']).toBe('0')
    expect(fileNotes(result, 'notice')).toContain(
      `This pull request adds 1 entry to ${FILE} (line 1): with known-issues-from: base they waive nothing until they are merged.`
    )
    expect(result.summary).toContain('**Not applied**')
  })

  it('reads a file missing at the base (404) as new: every entry is added', async () => {
    const sim = await simulate({})
    const result = await act(sim, ADDED)
    expect(result.stdout).toContain(
      'the base commit has no such file: every entry is added by this pull request'
    )
    expect(result.summary).toContain('**This pull request adds 1 known-issue entry**')
    expect(result.outputs['waived-count']).toBe('1')
  })

  it('warns when the base copy is refused (403) and shows the entries unverified', async () => {
    const sim = await simulate({
      [FILE]: { status: 403, body: { message: 'Resource not accessible by integration' } }
    })
    const result = await act(sim, ADDED)
    expect(result.code).toBe(1) // two issues are left
    expect(fileNotes(result, 'warning')).toEqual([
      expect.stringMatching(
        /^Could not check \.github\/testerarmy-known-issues\.yml against its reviewed copy: .*HTTP 403: Resource not accessible by integration \(the token needs permissions: contents: read\)\)\. Its entries still waive findings, shown as unverified/
      )
    ])
    expect(result.summary).toContain('*(unverified)*')
    expect(result.outputs['waived-count']).toBe('1')
    const closed = await act(sim, ADDED, { 'known-issues-from': 'base' })
    expect(closed.outputs['waived-count']).toBe('0')
    expect(fileNotes(closed, 'warning')[0]).toContain(
      'With known-issues-from: base, no entry waives anything (it fails closed).'
    )
  })
})

describe('a run with no pull request', () => {
  const ADDED = `- name: ${PAYMENT}\n  reason: not on main yet\n`
  const example = (name: string) =>
    structuredClone(examples.find(e => e.name === name)!.examples[0]!) as Record<string, unknown>

  it('compares a deployment’s checkout with the default branch: its new entries waive nothing under base', async () => {
    const sim = await simulate()
    const result = await act(
      sim,
      ADDED,
      { 'known-issues-from': 'base' },
      { name: 'deployment_status', payload: example('deployment_status') }
    )
    expect(result.code).toBe(1)
    expect(result.outputs['waived-count']).toBe('0')
    // The default branch's copy: no ref, as GitHub reads the default branch.
    expect(baseReads(sim).map(r => `${r.path}${r.query}`)).toEqual([
      '/github/repos/Codertocat/Hello-World/contents/.github/testerarmy-known-issues.yml'
    ])
    expect(fileNotes(result, 'notice')).toEqual([
      `1 entry of ${FILE} is not on the default branch (line 1): with known-issues-from: base they waive nothing until they are merged.`
    ])
    expect(result.summary).toContain('**1 known-issue entry is not on the default branch**')
  })

  it('trusts the file on a push to the default branch itself, asking GitHub nothing', async () => {
    const sim = await simulate()
    const push = { ...example('push'), ref: 'refs/heads/master' }
    const result = await act(
      sim,
      ADDED,
      { 'known-issues-from': 'base' },
      { name: 'push', payload: push, ref: 'refs/heads/master' }
    )
    expect(result.outputs['waived-count']).toBe('1')
    expect(baseReads(sim)).toEqual([])
  })
})

describe('a bad file', () => {
  const bad: [string, string, RegExp][] = [
    [
      'an unknown key',
      `- name: a\n  reason: b\n- nmae: typo\n  reason: r\n`,
      /line 3: unknown key "nmae" \(accepted: name, page, test, reason, max-severity, until, ticket\)\.$/
    ],
    ['no reason', `- name: a\n`, /line 1: reason is missing: say in one line why/],
    [
      'a bad date',
      `- name: a\n  reason: r\n  until: 2027-13-01\n`,
      /line 1: until "2027-13-01" is not a date: expected YYYY-MM-DD/
    ],
    [
      'a date more than a year ahead',
      `- name: a\n  reason: r\n  until: ${day(400)}\n`,
      /line 1: until \d{4}-\d{2}-\d{2} is more than a year ahead/
    ],
    [
      'a bad severity',
      `- name: a\n  reason: r\n  max-severity: 9\n`,
      /line 1: max-severity is 9: expected a whole number from 1 \(minor\) to 5 \(critical\)\.$/
    ],
    [
      'an http ticket',
      `- name: a\n  reason: r\n  ticket: http://jira.test/1\n`,
      /line 1: ticket "http:\/\/jira\.test\/1" is not an https link/
    ],
    ['not YAML', `- name: a\n  reason: [b\n`, /line \d: not valid YAML: /],
    [
      'over 1 MiB',
      `# ${'x'.repeat(1024 * 1024)}\n`,
      /is 1048579 bytes, over the 1 MiB a file of known issues may have/
    ]
  ]

  it.each(bad)(
    'refuses %s in one error line naming the file, the line and the problem, before any request',
    async (_, file, problem) => {
      const sim = await simulate({ [FILE]: file })
      const result = await act(sim, file)
      expect(result.code).toBe(1)
      const errors = result.commands.filter(c => c.command === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]!.message).toMatch(
        new RegExp(`^Input 'known-issues': "\\.github/testerarmy-known-issues\\.yml" `)
      )
      expect(errors[0]!.message).toMatch(problem)
      expect(sim.requests).toEqual([])
      expect(result.outputs).toEqual({})
    }
  )

  it('refuses a missing file, and one that leads outside the workspace, before any request', async () => {
    const sim = await simulate()
    const missing = await act(sim, null)
    expect(missing.commands.filter(c => c.command === 'error').map(c => c.message)).toEqual([
      expect.stringMatching(
        /^Input 'known-issues': "\.github\/testerarmy-known-issues\.yml" was not found in the workspace/
      )
    ])
    const outside = mkdtempSync(join(tmpdir(), 'testerarmy-outside-'))
    writeFileSync(join(outside, 'secrets.yml'), ALL_WAIVED)
    symlinkSync(join(outside, 'secrets.yml'), join(workspace, FILE))
    const linked = await act(sim, null)
    rmSync(outside, { recursive: true, force: true })
    expect(linked.commands.filter(c => c.command === 'error').map(c => c.message)).toEqual([
      expect.stringMatching(
        /leads outside the workspace \(to .*secrets\.yml\) once links are followed/
      )
    ])
    expect(sim.requests).toEqual([])
  })
})

describe('hostile text in the file', () => {
  it('stays inert in the summary, the comment and the annotations', async () => {
    const hostile =
      '</details><script>alert(1)</script> [x](javascript:alert(1)) @octocat %0A::error::forged'
    const file = `- name: ${PAYMENT}\n  reason: "${hostile}"\n`
    const sim = await simulate({})
    const result = await act(sim, file, { comment: 'true' })
    // No command but those the action writes: the forged one is inside a notice's message.
    expect(result.stdout.split('\n').filter(l => l.startsWith('::error::forged'))).toEqual([])
    expect(
      result.commands.filter(c => c.command === 'error' && c.message.includes('forged'))
    ).toEqual([])
    // The runner decodes %0A in a command to a line break: the reason's own `%` must arrive
    // escaped (%25), so the message holds the text `%0A`, never a new line that starts a command.
    expect(result.stdout).toContain('%250A::error::forged')
    expect(waivedNotices(result)[0]!.message).toContain(hostile)
    for (const text of [result.summary, sim.comments[0]?.body ?? '']) {
      expect(text).not.toContain('<script>')
      expect(text).not.toContain('](javascript')
      expect(text).not.toMatch(/(?<!\\)@octocat/)
      expect(text).toContain('\\@&#8203;octocat')
    }
  })
})
