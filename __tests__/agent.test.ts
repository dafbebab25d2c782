// The exploration agent from every event, run() in-process as the runner plays it
// (helpers/in-process.ts): the simulated TesterArmy API and the fake GitHub it serves under /github
// (GITHUB_API_URL) on 127.0.0.1, one event payload per case, in virtual time. These cases once
// spawned dist/ in e2e-agent.test.ts, which keeps what only the bundle shows.
import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'
import type { ActionResult } from '../scripts/runner.mjs'
import {
  AGENT_RUN,
  agentScenario,
  agentStarts,
  BATCH,
  EXPECTED_PR,
  FORK_HEAD,
  FORK_PULL,
  G1,
  G2,
  gitHubCalls,
  GROUP,
  HEAD,
  prEvent,
  PROJECT,
  PULL
} from './helpers/agent-scenario.js'
import { fixtureBody } from './helpers/fixtures.js'
import { runInProcess } from './helpers/in-process.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const APP = '3fa85f64-5717-4562-b3fc-2c963f66afa6'

const { simulate, act } = agentScenario(options => runInProcess(run, options))

const finalError = (result: ActionResult) =>
  result.commands.filter(c => c.command === 'error' && !c.properties.title).map(c => c.message)
const notices = (result: ActionResult, command = 'notice') =>
  result.commands.filter(c => c.command === command).map(c => c.message)

describe('the exploration agent, from every event', () => {
  it('pull_request: the payload, web body exactly as the schema allows, no GitHub call', async () => {
    const sim = await simulate()
    const result = await act(sim, { 'target-url': 'https://pr-42.preview.test' })
    expect(result.code).toBe(0)
    const [start] = agentStarts(sim)
    expect(start!.path).toBe(`/api/v1/projects/${PROJECT}/pull-request-runs`)
    expect(start!.body).toEqual({
      targetUrl: 'https://pr-42.preview.test',
      pullRequest: EXPECTED_PR
    })
    expect(gitHubCalls(sim)).toEqual([])
    expect(result.outputs).toMatchObject({
      status: 'completed',
      passed: 'true',
      'run-id': AGENT_RUN,
      'pr-number': '42',
      'batch-id': '',
      'github-reporting': ''
    })
    expect(result.summary).toContain('| Started as | exploration agent, pull request \\#42 |')
  })

  it('pull_request_target: the payload too', async () => {
    const sim = await simulate()
    const result = await act(sim, { 'target-url': 'https://pr-42.preview.test' }, [
      'pull_request_target',
      prEvent
    ])
    expect(result.code).toBe(0)
    expect(agentStarts(sim)[0]!.body).toMatchObject({ pullRequest: EXPECTED_PR })
  })

  it('mobile: platform, app and simulator region, no targetUrl', async () => {
    const sim = await simulate()
    const result = await act(sim, {
      platform: 'ios',
      'app-id': APP,
      'simulator-region': 'us-west1'
    })
    expect(result.code).toBe(0)
    expect(agentStarts(sim)[0]!.body).toEqual({
      platform: 'ios',
      pullRequest: EXPECTED_PR,
      mobile: { appId: APP },
      simulatorRegion: 'us-west1'
    })
  })

  it('deployment_status success: the open pull request whose head was deployed, environment_url as target', async () => {
    const sim = await simulate()
    const result = await act(sim, {}, [
      'deployment_status',
      {
        deployment_status: {
          state: 'success',
          environment_url: 'https://shop-git-coupons.vercel.test',
          target_url: 'https://vercel.test/logs'
        },
        deployment: { sha: HEAD }
      }
    ])
    expect(result.code).toBe(0)
    expect(gitHubCalls(sim).map(r => r.path)).toEqual([
      `/github/repos/acme/shop/commits/${HEAD}/pulls`
    ])
    expect(agentStarts(sim)[0]!.body).toEqual({
      targetUrl: 'https://shop-git-coupons.vercel.test',
      pullRequest: EXPECTED_PR
    })
  })

  it('deployment_status failure: skipped, nothing started, the step passes', async () => {
    const sim = await simulate()
    const result = await act(sim, {}, [
      'deployment_status',
      { deployment_status: { state: 'failure' }, deployment: { sha: HEAD } }
    ])
    expect(result.code).toBe(0)
    expect(sim.requests).toEqual([])
    expect(result.outputs).toMatchObject({ status: 'skipped', passed: 'true', 'run-id': '' })
    expect(notices(result)).toEqual([expect.stringContaining('not "success"')])
    expect(result.summary).toContain('nothing to test')
  })

  it('workflow_run: pull_requests[0], read from GitHub, with the commit the workflow built', async () => {
    const sim = await simulate()
    const result = await act(sim, { 'target-url': 'https://pr-42.preview.test' }, [
      'workflow_run',
      {
        repository: { id: 7, full_name: 'acme/shop' },
        workflow_run: {
          head_sha: HEAD,
          head_branch: 'coupons',
          // As GitHub lists it: its base repository names where #42 is.
          pull_requests: [{ number: 42, base: { ref: 'main', repo: { id: 7, name: 'shop' } } }]
        }
      }
    ])
    expect(result.code).toBe(0)
    expect(gitHubCalls(sim).map(r => r.path)).toEqual(['/github/repos/acme/shop/pulls/42'])
    expect(agentStarts(sim)[0]!.body).toMatchObject({ pullRequest: EXPECTED_PR })
  })

  it('workflow_run from a fork: found by head owner:branch, matched by commit', async () => {
    const sim = await simulate()
    const result = await act(sim, { 'target-url': 'https://pr-43.preview.test' }, [
      'workflow_run',
      {
        workflow_run: {
          head_sha: FORK_HEAD,
          head_branch: 'fix',
          pull_requests: [],
          head_repository: { full_name: 'outsider/shop', owner: { login: 'outsider' } }
        }
      }
    ])
    expect(result.code).toBe(0)
    const [lookup] = gitHubCalls(sim)
    expect(lookup!.path).toBe('/github/repos/acme/shop/pulls')
    expect(lookup!.query).toContain('head=outsider%3Afix')
    expect(agentStarts(sim)[0]!.body).toMatchObject({
      pullRequest: { number: 43, headBranch: 'fix', commitSha: FORK_HEAD }
    })
    expect(result.outputs['pr-number']).toBe('43')
  })

  it('issue_comment on a pull request: read from GitHub', async () => {
    const sim = await simulate()
    const result = await act(sim, { 'target-url': 'https://pr-42.preview.test' }, [
      'issue_comment',
      { issue: { number: 42, pull_request: { url: 'x' } }, comment: { body: '/qa' } }
    ])
    expect(result.code).toBe(0)
    expect(agentStarts(sim)[0]!.body).toMatchObject({ pullRequest: EXPECTED_PR })
  })

  it('push with pr-number: that pull request, from GitHub', async () => {
    const sim = await simulate()
    const result = await act(sim, { 'target-url': 'https://staging.test', 'pr-number': '42' }, [
      'push',
      { ref: 'refs/heads/main' }
    ])
    expect(result.code).toBe(0)
    expect(agentStarts(sim)[0]!.body).toMatchObject({ pullRequest: EXPECTED_PR })
  })

  it('push without pr-number: skipped with one notice, nothing requested', async () => {
    const sim = await simulate()
    const result = await act(sim, { 'target-url': 'https://staging.test' }, ['push', {}])
    expect(result.code).toBe(0)
    expect(sim.requests).toEqual([])
    expect(result.outputs.status).toBe('skipped')
    expect(notices(result)).toEqual([expect.stringContaining('set pr-number')])
  })

  it('a pr-number GitHub does not know: the step fails and says so', async () => {
    const sim = await simulate()
    const result = await act(sim, { 'target-url': 'https://staging.test', 'pr-number': '999' }, [
      'push',
      {}
    ])
    expect(result.code).toBe(1)
    expect(agentStarts(sim)).toEqual([])
    expect(result.outputs.status).toBe('error')
    expect(finalError(result)).toEqual([expect.stringContaining('pull request #999 was not found')])
  })
})

describe('input errors: one line each, no request sent', () => {
  it.each([
    [{}, "Input 'target-url' is required with exploration-agent on the web"],
    [{ 'target-url': 'https://p.test', 'project-id': '' }, "Input 'project-id' is required"],
    [{ 'target-url': 'https://p.test', platform: 'ios' }, 'but the platform is ios'],
    [
      { 'target-url': 'https://p.test', 'simulator-region': 'eu-north1' },
      'applies to ios and android only'
    ],
    [{ platform: 'android', 'simulator-region': 'moon' }, 'Input \'simulator-region\' is "moon"'],
    [
      { 'target-url': 'https://p.test', 'run-id': APP },
      "Inputs 'exploration-agent' and 'run-id' are both set"
    ],
    [{ 'target-url': 'https://p.test', 'pr-number': '-1' }, 'Input \'pr-number\' is "-1"'],
    [
      { 'target-url': 'https://p.test', mode: 'deep' },
      'Input \'mode\' is "deep", but the exploration agent does not take it'
    ],
    [
      { 'target-url': 'https://p.test', comment: 'sometimes' },
      'Input \'comment\' is "sometimes": expected true, false or auto.'
    ]
  ])('%o', async (inputs, message) => {
    const sim = await simulate()
    const result = await act(sim, inputs)
    expect(result.code).toBe(1)
    expect(sim.requests).toEqual([])
    expect(finalError(result)).toEqual([expect.stringContaining(message)])
    expect(result.summary).toBe('')
  })

  it('an empty key on a pull request from a fork says it is a fork', async () => {
    const sim = await simulate()
    const result = await act(sim, { 'api-key': '', 'target-url': 'https://p.test' }, [
      'pull_request',
      { pull_request: FORK_PULL, repository: { full_name: 'acme/shop' } }
    ])
    expect(result.code).toBe(1)
    expect(sim.requests).toEqual([])
    expect(finalError(result)[0]).toMatch(
      /pull request comes from a fork \(outsider\/shop\): GitHub gives no secrets/
    )
  })
})

describe('the text sent', () => {
  it('a 9,000-character description with a template comment and emoji at the cut', async () => {
    const body =
      '<!-- PR template: describe the change -->\r\n' +
      'Adds coupons.\r\n' +
      '😀'.repeat(4_500) +
      '\r\nAgent: test an expired coupon.'
    const pulls = [{ ...PULL, body, title: '   ' }]
    const sim2 = await simulate({ pulls })
    const result = await act(sim2, { 'target-url': 'https://p.test', 'pr-number': '42' }, [
      'push',
      {}
    ])
    expect(result.code).toBe(0)
    const sent = (agentStarts(sim2)[0]!.body as { pullRequest: Record<string, string> }).pullRequest
    expect(sent.title).toBe('Pull request #42')
    expect(sent.description!.length).toBeLessThanOrEqual(5_000)
    expect(sent.description).not.toContain('<!--')
    expect(sent.description).not.toContain('\r')
    expect(sent.description!.startsWith('Adds coupons.')).toBe(true)
    expect(sent.description!.endsWith('Agent: test an expired coupon.')).toBe(true)
    expect(sent.description).toMatch(/characters of the description left out/)
    expect(sent.description).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
    )
  })

  it('a 413 is tried once more with at most 2,000 characters', async () => {
    const sim = await simulate({
      faults: [
        { status: 413, body: { error: 'payload_too_large', message: 'Request body too large' } }
      ],
      pulls: [{ ...PULL, body: 'x'.repeat(9_000) }]
    })
    const result = await act(sim, { 'target-url': 'https://p.test', 'pr-number': '42' }, [
      'push',
      {}
    ])
    expect(result.code).toBe(0)
    const starts = agentStarts(sim)
    expect(starts).toHaveLength(2)
    const description = (b: unknown) =>
      (b as { pullRequest: { description: string } }).pullRequest.description
    expect(description(starts[0]!.body).length).toBeLessThanOrEqual(5_000)
    expect(description(starts[1]!.body).length).toBeLessThanOrEqual(2_000)
  })

  it('a 500 is never repeated: it may have started a run', async () => {
    const sim = await simulate({
      faults: [{ status: 500, body: { error: 'internal', message: 'boom' } }]
    })
    const result = await act(sim, { 'target-url': 'https://p.test' })
    expect(result.code).toBe(1)
    expect(agentStarts(sim)).toHaveLength(1)
    expect(result.outputs.status).toBe('error')
    expect(finalError(result)).toEqual([expect.stringMatching(/HTTP 500: boom.*not retried/)])
  })
})

describe('metadata.github', () => {
  const line = (result: ActionResult) =>
    result.stdout.split('\n').filter(l => l.startsWith("TesterArmy's own GitHub reporting"))

  it.each([
    ['not_configured', 'warning', /Connect the GitHub App/],
    ['check_create_failed', 'warning', /permission to write checks/],
    ['pr_not_found', 'warning', /could not find this pull request/],
    ['brand_new_status', 'notice', /"brand_new_status", which this action does not know/]
  ])('%s: one log line, a summary row, the output, and one %s', async (status, level, wording) => {
    const metadata = {
      github: {
        configured: status !== 'not_configured',
        checkRunCreated: false,
        commentTargetResolved: false,
        status
      }
    }
    const sim = await simulate({ metadata })
    const result = await act(sim, { 'target-url': 'https://p.test' })
    expect(result.code).toBe(0)
    expect(line(result)).toHaveLength(1)
    expect(line(result)[0]).toContain(`status ${status}`)
    expect(result.summary).toMatch(
      /\| GitHub reporting \| connected (yes|no), check run no, .*status /
    )
    expect(JSON.parse(result.outputs['github-reporting']!)).toEqual(metadata.github)
    const annotations = result.commands.filter(
      c => c.properties.title === 'TesterArmy GitHub reporting'
    )
    expect(annotations).toEqual([
      expect.objectContaining({ command: level, message: expect.stringMatching(wording) })
    ])
    expect(result.outputs.passed).toBe('true')
  })

  it('comment: auto stays quiet when TesterArmy comments itself', async () => {
    const sim = await simulate({
      metadata: { github: { configured: true, checkRunCreated: true, commentTargetResolved: true } }
    })
    const result = await act(sim, { 'target-url': 'https://p.test', comment: 'auto' })
    expect(result.code).toBe(0)
    expect(gitHubCalls(sim)).toEqual([])
    expect(result.stdout).toContain(
      'comment is auto, and TesterArmy comments on pull request #42 itself'
    )
  })

  it('comment: auto comments when TesterArmy will not, on the pull request it found', async () => {
    const sim = await simulate({
      metadata: {
        github: {
          configured: false,
          checkRunCreated: false,
          commentTargetResolved: false,
          status: 'not_configured'
        }
      }
    })
    const result = await act(sim, { comment: 'auto' }, [
      'deployment_status',
      {
        deployment_status: { state: 'success', environment_url: 'https://p.test' },
        deployment: { sha: HEAD }
      }
    ])
    expect(result.code).toBe(0)
    // The GraphQL query is the comment's identity lookup (who the token is), not a write.
    const posted = gitHubCalls(sim).filter(r => r.method === 'POST' && !r.path.endsWith('/graphql'))
    expect(posted.map(r => r.path)).toEqual(['/github/repos/acme/shop/issues/42/comments'])
    expect((posted[0]!.body as { body: string }).body).toContain('testerarmy-action')
  })
})

describe('the agent beside a group', () => {
  it('both start; one verdict over all runs; the batch and the agent run in the outputs', async () => {
    const sim = await simulate({
      agentFinal: fixtureBody('failed-with-issues'),
      groupMetadata: {
        github: { configured: true, checkRunCreated: true, commentTargetResolved: false }
      }
    })
    const result = await act(sim, { 'group-id': GROUP, 'target-url': 'https://pr-42.preview.test' })
    expect(result.code).toBe(1)
    const group = sim.requests.find(r => r.path === `/api/v1/groups/${GROUP}/runs`)!
    // The group gets the URL exactly as written, and the pull request the agent found.
    expect(group.body).toEqual({
      targetUrl: 'https://pr-42.preview.test',
      commitSha: HEAD,
      prNumber: 42
    })
    expect(result.outputs['run-id']).toBe(`${AGENT_RUN},${G1},${G2}`)
    expect(result.outputs['batch-id']).toBe(BATCH)
    expect(result.outputs.passed).toBe('false')
    expect(JSON.parse(result.outputs.runs!).map((r: { passed: boolean }) => r.passed)).toEqual([
      false,
      true,
      true
    ])
    expect(finalError(result)).toHaveLength(1)
    expect(finalError(result)[0]).toMatch(/^TesterArmy verdict: failed: run 5a0d6c1e/)
  })
})

describe('the agent beside a group, with nothing for the agent', () => {
  it('no pull request (a push): the group still starts alone, its verdict the step’s, and a notice says so', async () => {
    const sim = await simulate({ groupFinal: fixtureBody('failed-with-issues') })
    const result = await act(sim, { 'group-id': GROUP, 'target-url': 'https://staging.test' }, [
      'push',
      {}
    ])
    expect(agentStarts(sim)).toEqual([])
    const group = sim.requests.find(r => r.path === `/api/v1/groups/${GROUP}/runs`)!
    expect(group.body).toMatchObject({ targetUrl: 'https://staging.test' })
    expect(group.body).not.toHaveProperty('prNumber')
    expect(result.outputs['run-id']).toBe(`${G1},${G2}`)
    expect(result.outputs.status).not.toBe('skipped')
    expect(result.summary).toContain(
      '> [!NOTE]\n> **The exploration agent was not started:** the push event carries no pull request'
    )
    // A required check running a fixed suite does not pass on a suite it never ran.
    expect(result.code).toBe(1)
    expect(result.outputs.passed).toBe('false')
    expect(notices(result)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^The exploration agent is not started: .* The group ${GROUP} runs without it\\.$`
        )
      )
    ])
  })

  it('a comment on an issue, not a pull request: neither starts, the step is skipped', async () => {
    const sim = await simulate()
    const result = await act(sim, { 'group-id': GROUP, 'target-url': 'https://staging.test' }, [
      'issue_comment',
      { issue: { number: 12 }, comment: { body: '/qa' } }
    ])
    expect(result.code).toBe(0)
    expect(sim.requests).toEqual([])
    expect(result.outputs).toMatchObject({ status: 'skipped', passed: 'true' })
  })

  it('a deployment that did not succeed: neither starts, the step is skipped', async () => {
    const sim = await simulate()
    const result = await act(sim, { 'group-id': GROUP }, [
      'deployment_status',
      { deployment_status: { state: 'in_progress' }, deployment: { sha: HEAD } }
    ])
    expect(result.code).toBe(0)
    expect(sim.requests).toEqual([])
    expect(result.outputs).toMatchObject({ status: 'skipped', passed: 'true' })
  })
})

describe('a run that ends with status failed', () => {
  it('names its error code and message in the final error line', async () => {
    const sim = await simulate({ agentFinal: fixtureBody('run-failed') })
    const result = await act(sim, { 'target-url': 'https://p.test' })
    expect(result.code).toBe(1)
    expect(finalError(result)).toEqual([
      expect.stringContaining(
        'TARGET_UNREACHABLE: Could not load https://preview-482.shop.example.com'
      )
    ])
  })
})
