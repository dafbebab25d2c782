// The commit status over a run of the action, with GitHub faked: pending before the verdict, one
// warning for a refusal (and nothing more sent), nothing without a commit, secrets scrubbed.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'
import type { CommitStatus, PostStatus, StatusAnswer } from '../src/github/statuses.js'
import type { Settings } from '../src/inputs/settings.js'
import { buildReport } from '../src/verdict/build-report.js'
import type { WorkflowContext } from '../src/workflow-context.js'
import { fixtureOutcome } from './helpers/fixtures.js'

jest.unstable_mockModule('@actions/core', () => core)
const { commitStatusReporter } = await import('../src/report/commit-status.js')

const KEY = 'sk_unit_status_SECRET_42'
const settings = {
  commitStatus: { context: 'TesterArmy / web' },
  githubToken: 'ghs_status_token',
  apiKey: KEY,
  failOn: 'failed',
  minSeverity: 1
} as Settings
const context = {
  apiUrl: 'https://api.github.test',
  owner: 'acme',
  repo: 'shop',
  runUrl: 'https://github.test/acme/shop/actions/runs/7'
} as WorkflowContext

function github(answers: StatusAnswer[] = [{ kind: 'posted' }]) {
  const posted: { sha: string; status: CommitStatus }[] = []
  let loads = 0
  const client = async () => {
    loads++
    return async (sha: string, status: CommitStatus) => {
      posted.push({ sha, status })
      return answers[Math.min(posted.length - 1, answers.length - 1)]!
    }
  }
  return { client, posted, loads: () => loads }
}

const warnings = () => core.warning.mock.calls.map(call => String(call[0]))
const signal = new AbortController().signal

beforeEach(() => core.reset())

describe('commitStatusReporter', () => {
  it('is null when commit-status is off: nothing is loaded', () => {
    const { client, loads } = github()
    expect(commitStatusReporter({ ...settings, commitStatus: null }, context, client)).toBeNull()
    expect(loads()).toBe(0)
  })

  it('posts pending, then the verdict, on the commit, with the context and the run link', async () => {
    const { client, posted, loads } = github()
    const reporter = commitStatusReporter(settings, context, client)!
    reporter.pending('abc123', 1, signal)
    await reporter.final('abc123', buildReport([fixtureOutcome('passed')], settings), {
      cancelled: false
    })
    expect(posted.map(p => [p.sha, p.status.state])).toEqual([
      ['abc123', 'pending'],
      ['abc123', 'success']
    ])
    expect(posted[1]!.status).toEqual({
      state: 'success',
      description: 'Passed: 1 run, 0 issues, 0 warnings',
      context: 'TesterArmy / web',
      targetUrl: 'https://github.test/acme/shop/actions/runs/7'
    })
    expect(loads()).toBe(1)
    expect(warnings()).toEqual([])
  })

  it('a refusal is one warning naming statuses: write, and nothing more is sent', async () => {
    const { client, posted } = github([
      { kind: 'refused', message: 'HTTP 403: Resource not accessible' }
    ])
    const reporter = commitStatusReporter(settings, context, client)!
    reporter.pending('abc123', 2, signal)
    await reporter.final('abc123', buildReport([fixtureOutcome('passed')], settings), {
      cancelled: false
    })
    expect(posted).toHaveLength(1)
    expect(warnings()).toEqual([
      expect.stringMatching(
        /could not be posted on abc123 \(HTTP 403: Resource not accessible\): the token needs permissions: statuses: write/
      )
    ])
  })

  it('another failure is a warning that names the state, and the verdict is still posted', async () => {
    const { client, posted } = github([
      { kind: 'failed', message: 'HTTP 502: Bad Gateway\n::error::x' },
      { kind: 'posted' }
    ])
    const reporter = commitStatusReporter(settings, context, client)!
    reporter.pending('abc123', 1, signal)
    await reporter.final('abc123', buildReport([fixtureOutcome('failed-with-issues')], settings), {
      cancelled: false
    })
    expect(posted.map(p => p.status.state)).toEqual(['pending', 'failure'])
    expect(warnings()).toEqual([
      expect.stringContaining(
        '(pending) could not be posted on abc123 (HTTP 502: Bad Gateway ::error::x)'
      )
    ])
  })

  it('without a commit (an issue comment), one warning and no call', async () => {
    const { client, posted, loads } = github()
    const reporter = commitStatusReporter(settings, context, client)!
    await reporter.final('', buildReport([fixtureOutcome('passed')], settings), {
      cancelled: false
    })
    expect(posted).toEqual([])
    expect(loads()).toBe(0)
    expect(warnings()).toEqual([expect.stringMatching(/names no commit to put the status on/)])
  })

  it('after a cancel: short tries, soon repeated, all ending before the hard exit (issue 26)', async () => {
    const calls: Parameters<PostStatus>[2][] = []
    const client = async (): Promise<PostStatus> => async (_sha, _status, call) => {
      calls.push(call)
      return { kind: 'posted' }
    }
    const reporter = commitStatusReporter(settings, context, client)!
    const exitAt = Date.now() + 3_800
    const report = buildReport([fixtureOutcome('passed')], settings, { cancelled: true })
    expect(await reporter.final('abc123', report, { cancelled: true, exitAt })).toBe(true)
    expect(calls[0]).toMatchObject({ attempts: 10, backoffMs: 250, callTimeoutMs: 1_500 })
    // A second before the exit, for the files.
    expect(calls[0]!.until).toBe(exitAt - 1_000)
  })

  it('one cap for every post: a pending post that never ends is cut, and the verdict gets what is left (issue 26)', async () => {
    const calls: Parameters<PostStatus>[2][] = []
    const client = async (): Promise<PostStatus> => async (_sha, status, call) => {
      calls.push(call)
      if (status.state !== 'pending')
        return { kind: 'failed', message: 'no time was left to send it' }
      // A GitHub that never answers: only the signal ends the call.
      await new Promise(resolve => call?.signal?.addEventListener('abort', resolve))
      return { kind: 'failed', message: 'the workflow was cancelled before GitHub answered' }
    }
    const reporter = commitStatusReporter(settings, context, client)!
    reporter.pending('abc123', 1, signal)
    const started = Date.now()
    // The hard exit 1.2 s away: all posts must end 1 s before it.
    const posted = await reporter.final(
      'abc123',
      buildReport([fixtureOutcome('passed')], settings),
      {
        cancelled: true,
        exitAt: started + 1_200
      }
    )
    expect(posted).toBe(false)
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(calls[1]!.until).toBe(started + 200)
    expect(warnings()[0]).toContain('no answer from GitHub within the 30 s all commit statuses get')
  })

  it('scrubs the secrets from the description', async () => {
    const { client, posted } = github()
    const reporter = commitStatusReporter(settings, context, client)!
    // The key right at the 140-character cut: scrubbed before it is cut, not after.
    const report = buildReport([], settings, { fatal: `${'x'.repeat(125)} ${KEY}` })
    await reporter.final('abc123', report, { cancelled: false })
    expect(posted[0]!.status.state).toBe('error')
    expect(posted[0]!.status.description).not.toContain(KEY.slice(0, 8))
  })
})
