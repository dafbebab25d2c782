// The agent's request body: exactly what the API's schema allows, per platform.
import { describe, expect, it } from '@jest/globals'
import { agentBody, readyAgent } from '../src/start/agent-body.js'
import type { AgentRequest } from '../src/model.js'
import type { PullRequestFacts } from '../src/github/pull-request.js'

const pr: PullRequestFacts = {
  number: 42,
  title: '  Coupons  ',
  body: '<!-- template -->\r\nAdds coupons.',
  baseBranch: 'main',
  headBranch: 'feature/coupons',
  headSha: 'f'.repeat(40)
}

describe('agentBody', () => {
  it('web: targetUrl exactly as written, and the pull request', () => {
    expect(agentBody({ platform: 'web', targetUrl: 'https://pr-42.preview.test' }, pr)).toEqual({
      targetUrl: 'https://pr-42.preview.test',
      pullRequest: {
        number: 42,
        title: 'Coupons',
        description: 'Adds coupons.',
        baseBranch: 'main',
        headBranch: 'feature/coupons',
        commitSha: 'f'.repeat(40)
      }
    })
  })
  it('mobile: platform, app and region; no targetUrl', () => {
    expect(
      agentBody(
        {
          platform: 'ios',
          appId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
          simulatorRegion: 'eu-north1'
        },
        pr
      )
    ).toEqual({
      platform: 'ios',
      pullRequest: expect.objectContaining({ number: 42 }),
      mobile: { appId: '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
      simulatorRegion: 'eu-north1'
    })
  })
  it('leaves out empty optional fields', () => {
    const body = agentBody(
      { platform: 'android' },
      { ...pr, title: '', body: '', baseBranch: '', headBranch: 'x'.repeat(300) }
    )
    expect(body).toEqual({
      platform: 'android',
      pullRequest: { number: 42, title: 'Pull request #42', commitSha: 'f'.repeat(40) }
    })
  })
  it('cuts the description to the given limit (the retry after a 413)', () => {
    const body = agentBody(
      { platform: 'web', targetUrl: 'https://x.test' },
      { ...pr, body: 'z'.repeat(9000) },
      2000
    )
    expect(body.pullRequest.description!.length).toBeLessThanOrEqual(2000)
  })
})

describe('readyAgent', () => {
  const agent: AgentRequest = { projectId: 'shop', platform: '', prNumber: 0 }

  it('tests the uploaded app, on its platform', () => {
    expect(readyAgent(agent, { id: 'app-1', platform: 'android' })).toEqual({
      ...agent,
      platform: 'android',
      appId: 'app-1'
    })
  })

  it('without an upload, keeps the input platform', () => {
    expect(readyAgent({ ...agent, platform: 'web', targetUrl: 'https://p.test' }, null)).toEqual({
      ...agent,
      platform: 'web',
      targetUrl: 'https://p.test'
    })
  })

  it('refuses an uploaded app the agent cannot test, naming its platform', () => {
    expect(readyAgent(agent, { id: 'app-1', platform: 'web' })).toEqual({
      message: expect.stringContaining('"web" app, which the exploration agent cannot test')
    })
  })
})
