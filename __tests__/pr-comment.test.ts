import { describe, expect, it } from '@jest/globals'
import { Limits } from '../src/constants.js'
import { buildReport } from '../src/verdict/build-report.js'
import { commentMarker, renderComment } from '../src/report/comment-text.js'
import { readWorkflowContext } from '../src/workflow-context.js'
import { githubHtml } from './helpers/github-html.js'
import { fixtureBody, fixtureOutcome, outcomeOf } from './helpers/fixtures.js'

const policy = { failOn: 'failed' as const, minSeverity: 1 }
const marker = commentMarker({
  workflow: 'QA',
  job: 'qa',
  start: { kind: 'test', id: 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d' }
})
const runUrl = 'https://github.com/acme/shop/actions/runs/42'

describe('commentMarker', () => {
  it('names the workflow, the job and what it reports on', () => {
    expect(marker).toBe(
      '<!-- testerarmy-action QA qa test%3Ac4a1e2d3%2D5b6f%2D4a7b%2D8c9d%2D0e1f2a3b4c5d -->'
    )
    // Waiting on given runs: no IDs, which change on every push, so one comment is updated.
    expect(commentMarker({ workflow: 'QA', job: 'qa', start: null })).toBe(
      '<!-- testerarmy-action QA qa runs -->'
    )
  })

  it('keeps matrix legs apart when only their options differ, and stays the same on a re-run', () => {
    const leg = (platform: string) =>
      commentMarker({
        workflow: 'QA',
        job: 'qa',
        start: { kind: 'group', id: 'g', platform, environment: 'preview' }
      })
    expect(leg('ios')).not.toBe(leg('android'))
    expect(leg('ios')).toBe(leg('ios'))
    expect(leg('ios')).toMatch(/^<!-- testerarmy-action QA qa group%3Ag%3A[0-9a-f]{12} -->$/)
  })

  it('stays the same from push to push when only the preview URL or the uploaded app changes', () => {
    const push = (sha: string, appId: string) =>
      commentMarker({
        workflow: 'QA',
        job: 'qa',
        start: {
          kind: 'group',
          id: 'g',
          platform: 'android',
          appId,
          targetUrl: `https://shop-git-${sha}.vercel.app`
        }
      })
    expect(push('4f1c2a9', 'app-1')).toBe(push('9b0d3e7', 'app-2'))
  })

  it('cannot be closed early by a workflow or job name', () => {
    const hostile = commentMarker({
      workflow: 'x --> <script>',
      job: '--!>',
      start: null
    })
    expect(hostile.slice(4, -3)).not.toMatch(/--|>/)
  })
})

describe('renderComment', () => {
  it('is short: verdict, counts, why, the most severe issues and a link to the summary', () => {
    const body = renderComment(
      buildReport([fixtureOutcome('failed-with-issues')], policy),
      marker,
      runUrl
    )
    expect(body.split('\n').slice(0, 6)).toEqual([
      marker,
      '### ❌ TesterArmy failed: Checkout with saved card',
      '',
      '**3 issues** · **2 warnings** · **8 steps**',
      '',
      '**Why:** the run FAILED with 3 issues.'
    ])
    expect(body).toContain(
      '| 🔴\u00a0Critical\u00a0(5) | Paying with a saved card returns a 500 error |'
    )
    expect(body).toContain(`[Full report in the job summary](${runUrl})`)
  })

  it('says which runs are flaky, and counts them', () => {
    const failed = fixtureBody('failed-with-issues')
    const retry = { ...fixtureBody('passed'), id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }
    const report = buildReport([outcomeOf(failed)], policy, {
      retried: {
        attempts: new Map([[failed.id as string, [{ outcome: outcomeOf(retry), counts: true }]]]),
        notes: new Map()
      }
    })
    const body = renderComment(report, marker, runUrl)
    expect(body.split('\n').slice(1, 6)).toEqual([
      '### ✅ TesterArmy passed: Sign in and sign out',
      '',
      '**0 issues** · **0 warnings** · **4 steps** · **1 flaky**',
      '',
      '**Flaky:** Sign in and sign out failed, then passed on a retry.'
    ])
  })

  it('lists at most five issues, most severe first, and says how many more', () => {
    const body = fixtureBody('failed-with-issues')
    const issues = Array.from({ length: 9 }, (_, n) => ({
      name: `Issue ${n}`,
      severity: (n % 5) + 1,
      description: '',
      url: ''
    }))
    const text = renderComment(
      buildReport([outcomeOf({ ...body, output: { ...(body.output as object), issues } })], policy),
      marker,
      runUrl
    )
    expect(text.match(/^\| [^|]+ \| Issue \d \|$/gm)).toHaveLength(Limits.commentMaxIssues)
    expect(text).toContain('| | …and 4 more |')
  })

  it('never notifies anyone an AI agent named, and stays inert through GitHub’s parser', () => {
    const text = renderComment(
      buildReport([fixtureOutcome('hostile-completed')], policy),
      marker,
      runUrl
    )
    const html = githubHtml(text)
    expect(html).not.toMatch(/@octocat|@admin/)
    expect(html).not.toMatch(/<script|<img|href="(?!https?:)/i)
    expect(text.length).toBeLessThan(65_536)
  })

  it('says when the action could not finish, or passed, or skipped', () => {
    expect(
      renderComment(buildReport([], policy, { fatal: 'the key was rejected' }), marker, '')
    ).toContain('### ❌ TesterArmy could not finish')
    expect(
      renderComment(buildReport([fixtureOutcome('passed')], policy), marker, runUrl)
    ).toContain('### ✅ TesterArmy passed: Sign in and sign out')
    expect(
      renderComment(buildReport([fixtureOutcome('skipped')], policy), marker, runUrl)
    ).toContain('### ⏭️ TesterArmy skipped')
    expect(
      renderComment(
        buildReport([fixtureOutcome('passed'), fixtureOutcome('skipped')], policy),
        marker,
        ''
      )
    ).toContain('The full report is in the job summary.')
  })
})

describe('readWorkflowContext', () => {
  const env = {
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'merge-sha',
    GITHUB_RUN_ID: '42',
    GITHUB_WORKFLOW: 'QA',
    GITHUB_JOB: 'qa',
    GITHUB_EVENT_PATH: '/event.json'
  }

  it('uses the pull request head commit, not the merge commit, on a pull request', () => {
    const context = readWorkflowContext(env, () =>
      JSON.stringify({ pull_request: { number: 482, head: { sha: 'head-sha' } } })
    )
    expect(context).toMatchObject({
      sha: 'head-sha',
      prNumber: 482,
      owner: 'acme',
      repo: 'shop',
      runUrl: 'https://github.com/acme/shop/actions/runs/42',
      apiUrl: 'https://api.github.com'
    })
  })

  it('knows the base commit of a pull request, a merge queue and a workflow_run', () => {
    const read = (eventName: string, payload: object) =>
      readWorkflowContext({ ...env, GITHUB_EVENT_NAME: eventName }, () => JSON.stringify(payload))
        .baseSha
    expect(read('pull_request', { pull_request: { number: 1, base: { sha: 'b1' } } })).toBe('b1')
    expect(read('merge_group', { merge_group: { base_sha: 'b2', head_sha: 'h' } })).toBe('b2')
    expect(
      read('workflow_run', {
        workflow_run: { pull_requests: [{ number: 3, base: { sha: 'b3' } }] }
      })
    ).toBe('b3')
    expect(read('workflow_run', { workflow_run: { pull_requests: [] } })).toBe('')
    expect(read('push', {})).toBe('')
  })

  it('knows a run on the default branch itself: a schedule, a push or manual run to it', () => {
    const on = (eventName: string, ref: string, payload: object = {}) =>
      readWorkflowContext({ ...env, GITHUB_EVENT_NAME: eventName, GITHUB_REF: ref }, () =>
        JSON.stringify(payload)
      ).onDefaultBranch
    const repository = { repository: { default_branch: 'main' } }
    expect(on('schedule', 'refs/heads/main')).toBe(true)
    expect(on('push', 'refs/heads/main', repository)).toBe(true)
    expect(on('workflow_dispatch', 'refs/heads/main', repository)).toBe(true)
    expect(on('push', 'refs/heads/feature', repository)).toBe(false)
    expect(on('push', 'refs/heads/main')).toBe(false) // no default branch named: not assumed
    expect(on('deployment_status', 'refs/heads/main', repository)).toBe(false)
    expect(on('workflow_run', 'refs/heads/main', repository)).toBe(false)
  })

  it('finds the pull request of an issue comment, and none on a push', () => {
    expect(
      readWorkflowContext(env, () => JSON.stringify({ issue: { number: 7, pull_request: {} } }))
        .prNumber
    ).toBe(7)
    expect(
      readWorkflowContext(env, () => JSON.stringify({ issue: { number: 7 } })).prNumber
    ).toBeNull()
    expect(
      readWorkflowContext(env, () => JSON.stringify({ ref: 'refs/heads/main' }))
    ).toMatchObject({ prNumber: null, sha: 'merge-sha' })
  })

  it.each([
    ['workflow_run', { workflow_run: { head_sha: 'pr-head', pull_requests: [] } }, 'pr-head'],
    ['merge_group', { merge_group: { head_sha: 'queue-commit' } }, 'queue-commit'],
    ['deployment_status', { deployment: { sha: 'deployed' } }, 'deployed'],
    ['workflow_run', { workflow_run: {} }, 'merge-sha'],
    ['schedule', { workflow_run: { head_sha: 'not-this-event' } }, 'merge-sha']
  ])(
    'on %s, the commit the event is about (what a commit status goes on)',
    (name, payload, sha) => {
      const context = readWorkflowContext({ ...env, GITHUB_EVENT_NAME: name }, () =>
        JSON.stringify(payload)
      )
      expect(context.sha).toBe(sha)
    }
  )

  it('names the workflow by its file, so two workflows with one name keep apart', () => {
    expect(
      readWorkflowContext(
        { ...env, GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/qa.yml@refs/pull/482/merge' },
        () => '{}'
      ).workflow
    ).toBe('acme/shop/.github/workflows/qa.yml')
  })

  it('copes with no payload and names the attempt in the link', () => {
    const context = readWorkflowContext(
      { ...env, GITHUB_RUN_ATTEMPT: '2', GITHUB_SERVER_URL: 'https://ghe.example.com' },
      () => {
        throw new Error('ENOENT')
      }
    )
    expect(context).toMatchObject({
      prNumber: null,
      runUrl: 'https://ghe.example.com/acme/shop/actions/runs/42/attempts/2'
    })
  })

  it('tells a pull request from a fork (whose workflows get no secrets) by its head repository', () => {
    const on = (name: string, head: object) =>
      readWorkflowContext({ ...env, GITHUB_EVENT_NAME: name }, () =>
        JSON.stringify({ pull_request: { number: 5, head } })
      )
    expect(on('pull_request', { sha: 'h', repo: { full_name: 'outsider/shop' } })).toMatchObject({
      forkRepository: 'outsider/shop',
      eventName: 'pull_request',
      payload: { pull_request: { number: 5 } }
    })
    expect(on('pull_request', { sha: 'h', repo: null }).forkRepository).toBe('a deleted fork')
    // A branch of this repository, even when the repository is itself a fork of another.
    expect(
      on('pull_request', { sha: 'h', repo: { full_name: 'ACME/shop', fork: true } }).forkRepository
    ).toBe('')
    expect(on('pull_request', { sha: 'h' }).forkRepository).toBe('')
    // pull_request_target runs in the base repository, with its secrets.
    expect(
      on('pull_request_target', { sha: 'h', repo: { full_name: 'outsider/shop' } }).forkRepository
    ).toBe('')
  })
})

describe('commentMarker for the exploration agent', () => {
  const agent = (targetUrl: string) => ({
    projectId: 'shop',
    platform: 'web' as const,
    targetUrl,
    prNumber: 0
  })
  it('keys the agent by project and platform, not by the preview URL that changes per push', () => {
    const one = commentMarker({
      workflow: 'qa.yml',
      job: 'qa',
      start: null,
      agent: agent('https://a.test')
    })
    const two = commentMarker({
      workflow: 'qa.yml',
      job: 'qa',
      start: null,
      agent: agent('https://b.test')
    })
    expect(one).toBe(two)
    expect(one).toContain('agent%3Ashop%3Aweb')
    expect(one).not.toBe(commentMarker({ workflow: 'qa.yml', job: 'qa', start: null }))
  })
  it('a group beside the agent keys both', () => {
    const marker = commentMarker({
      workflow: 'qa.yml',
      job: 'qa',
      start: { kind: 'group', id: 'g' },
      agent: agent('https://a.test')
    })
    expect(decodeURIComponent(marker)).toContain('group:g+agent:shop:web')
  })
})
