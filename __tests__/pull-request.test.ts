// Which pull request the agent tests, for every event that can carry one, with GitHub faked.
import { describe, expect, it } from '@jest/globals'
import {
  findPullRequest,
  GitHubLookupError,
  type GitHubPull,
  type LookupOptions,
  type PullsApi
} from '../src/github/pull-request.js'

const HEAD = 'a'.repeat(40)
const pull = (number: number, extra: Partial<GitHubPull> = {}): GitHubPull => ({
  number,
  state: 'open',
  title: `Title ${number}`,
  body: `Body ${number}`,
  updated_at: '2026-11-28T10:00:00Z',
  head: { ref: `feature-${number}`, sha: HEAD },
  base: { ref: 'main' },
  ...extra
})

/** A fake GitHub that records the calls made. */
function fakeApi(pulls: GitHubPull[], fail?: string) {
  const calls: string[] = []
  const api: PullsApi = {
    getPull: async n => {
      calls.push(`pulls/${n}`)
      if (fail) throw new GitHubLookupError(fail)
      return pulls.find(p => p.number === n) ?? null
    },
    pullsForCommit: async sha => {
      calls.push(`commits/${sha}/pulls`)
      return pulls
    },
    openPullsByHead: async head => {
      calls.push(`pulls?head=${head}`)
      return pulls
    }
  }
  return { api, calls }
}

const options = (over: Partial<LookupOptions>): LookupOptions => ({
  eventName: 'push',
  payload: {},
  owner: 'acme',
  repo: 'shop',
  prNumber: 0,
  api: null,
  ...over
})

describe('findPullRequest', () => {
  it.each(['pull_request', 'pull_request_target'])(
    'reads %s from the payload, with the head commit, without calling GitHub',
    async eventName => {
      const found = await findPullRequest(
        options({ eventName, payload: { pull_request: pull(7) } })
      )
      expect(found).toEqual({
        kind: 'found',
        pr: {
          number: 7,
          title: 'Title 7',
          body: 'Body 7',
          baseBranch: 'main',
          headBranch: 'feature-7',
          headSha: HEAD,
          state: 'open'
        },
        source: `the ${eventName} event`,
        notices: []
      })
    }
  )

  it('pr-number wins over the event, read from GitHub', async () => {
    const { api, calls } = fakeApi([pull(12)])
    const found = await findPullRequest(
      options({ eventName: 'pull_request', payload: { pull_request: pull(7) }, prNumber: 12, api })
    )
    expect(found.kind === 'found' && found.pr.number).toBe(12)
    expect(calls).toEqual(['pulls/12'])
  })

  it('a pr-number GitHub does not know fails and names it', async () => {
    const { api } = fakeApi([])
    const found = await findPullRequest(options({ prNumber: 99, api }))
    expect(found).toEqual({
      kind: 'failed',
      message: expect.stringContaining('pull request #99 was not found in acme/shop')
    })
  })

  it('without a token, a lookup fails and says which permission the default token needs', async () => {
    const found = await findPullRequest(options({ prNumber: 3 }))
    expect(found.kind).toBe('failed')
    expect(found.kind === 'failed' && found.message).toMatch(
      /github-token is empty.*pull-requests: read/
    )
  })

  it('a GitHub failure becomes a failed lookup with its message', async () => {
    const { api } = fakeApi([], "GitHub's API failed (HTTP 502)")
    expect(await findPullRequest(options({ prNumber: 3, api }))).toEqual({
      kind: 'failed',
      message: "GitHub's API failed (HTTP 502)"
    })
  })

  it('other errors are not swallowed', async () => {
    const api = { ...fakeApi([]).api, getPull: () => Promise.reject(new TypeError('bug')) }
    await expect(findPullRequest(options({ prNumber: 3, api }))).rejects.toThrow('bug')
  })

  it("GitHub's answer without a number: the pull request asked for, never #0", async () => {
    const { api } = fakeApi([])
    api.getPull = async () => ({ ...pull(12), number: undefined as unknown as number })
    const found = await findPullRequest(options({ prNumber: 12, api }))
    expect(found.kind === 'found' && found.pr.number).toBe(12)
  })

  it('a comment event whose issue has no number asks GitHub for nothing', async () => {
    const { api, calls } = fakeApi([])
    const found = await findPullRequest(
      options({ eventName: 'issue_comment', payload: { issue: { pull_request: {} } }, api })
    )
    expect(found.kind).toBe('skipped')
    expect(calls).toEqual([])
  })

  it('a pull request without a head commit cannot be tested', async () => {
    const found = await findPullRequest(
      options({ eventName: 'pull_request', payload: { pull_request: { number: 4 } } })
    )
    expect(found).toEqual({ kind: 'failed', message: expect.stringContaining('no head commit') })
  })

  describe('issue_comment', () => {
    it('on a pull request: read from GitHub', async () => {
      const { api, calls } = fakeApi([pull(5)])
      const found = await findPullRequest(
        options({
          eventName: 'issue_comment',
          payload: { issue: { number: 5, pull_request: { url: 'x' } } },
          api
        })
      )
      expect(found.kind === 'found' && found.pr.title).toBe('Title 5')
      expect(calls).toEqual(['pulls/5'])
    })
    it('on an issue: skipped', async () => {
      const found = await findPullRequest(
        options({ eventName: 'issue_comment', payload: { issue: { number: 5 } } })
      )
      expect(found).toEqual({
        kind: 'skipped',
        reason: expect.stringContaining('on an issue'),
        noOccasion: true
      })
    })
  })

  describe('deployment_status', () => {
    const payload = (state: string, status: Record<string, unknown> = {}) => ({
      deployment_status: { state, ...status },
      deployment: { sha: HEAD }
    })
    it.each(['failure', 'pending', 'error', ''])(
      'state "%s" is skipped, with no call',
      async state => {
        const { api, calls } = fakeApi([pull(1)])
        const found = await findPullRequest(
          options({ eventName: 'deployment_status', payload: payload(state), api })
        )
        expect(found).toEqual({
          kind: 'skipped',
          reason: expect.stringContaining('not "success"'),
          noOccasion: true
        })
        expect(calls).toEqual([])
      }
    )
    it('success: the open pull request whose head is the deployed commit, environment_url as target', async () => {
      const { api, calls } = fakeApi([
        pull(1, { state: 'closed' }),
        pull(2, { head: { ref: 'x', sha: 'b'.repeat(40) } }),
        pull(3)
      ])
      const found = await findPullRequest(
        options({
          eventName: 'deployment_status',
          payload: payload('success', {
            environment_url: 'https://pr-3.preview.test',
            target_url: 'https://logs.test'
          }),
          api
        })
      )
      expect(found).toMatchObject({
        kind: 'found',
        pr: { number: 3, headSha: HEAD },
        deploymentUrl: 'https://pr-3.preview.test',
        notices: []
      })
      expect(calls).toEqual([`commits/${HEAD}/pulls`])
    })
    it('falls back to target_url; several candidates: the most recently updated, with a notice', async () => {
      const { api } = fakeApi([
        pull(3, { updated_at: '2026-11-28T09:00:00Z' }),
        pull(4, { updated_at: '2026-11-28T11:00:00Z' })
      ])
      const found = await findPullRequest(
        options({
          eventName: 'deployment_status',
          payload: payload('success', { target_url: 'https://t.test' }),
          api
        })
      )
      expect(found).toMatchObject({
        kind: 'found',
        pr: { number: 4 },
        deploymentUrl: 'https://t.test'
      })
      expect(found.kind === 'found' && found.notices[0]).toMatch(/#4, #3.*testing #4.*pr-number/)
    })
    it.each(['javascript:alert(1)', ' https://preview.test/\n', 'ftp://preview.test/'])(
      'a deployment URL that is not http(s) (%j) is not used as target-url, and a notice says so',
      async url => {
        const { api } = fakeApi([pull(9)])
        const found = await findPullRequest(
          options({
            eventName: 'deployment_status',
            payload: {
              deployment_status: { state: 'success', environment_url: url },
              deployment: { sha: HEAD }
            },
            api
          })
        )
        expect(found.kind).toBe('found')
        if (found.kind !== 'found') return
        expect(found.deploymentUrl).toBeUndefined()
        expect(found.notices).toEqual([expect.stringMatching(/is not an http\(s\) URL/)])
      }
    )

    it('no open pull request for the commit: skipped', async () => {
      const { api } = fakeApi([pull(1, { state: 'closed' })])
      const found = await findPullRequest(
        options({ eventName: 'deployment_status', payload: payload('success'), api })
      )
      expect(found).toEqual({
        kind: 'skipped',
        reason: expect.stringContaining('no open pull request')
      })
    })
    it('with pr-number: that pull request, still the deployment URL', async () => {
      const { api } = fakeApi([pull(9)])
      const found = await findPullRequest(
        options({
          eventName: 'deployment_status',
          payload: payload('success', { environment_url: 'https://e.test' }),
          prNumber: 9,
          api
        })
      )
      expect(found).toMatchObject({
        kind: 'found',
        pr: { number: 9 },
        deploymentUrl: 'https://e.test'
      })
    })
    it('without a deployment commit: skipped', async () => {
      const found = await findPullRequest(
        options({
          eventName: 'deployment_status',
          payload: { deployment_status: { state: 'success' } }
        })
      )
      expect(found.kind).toBe('skipped')
    })
  })

  describe('workflow_run', () => {
    const RUN_SHA = 'c'.repeat(40)
    it('pull_requests[0], read from GitHub, with the commit the workflow built', async () => {
      const { api, calls } = fakeApi([pull(8)])
      const found = await findPullRequest(
        options({
          eventName: 'workflow_run',
          payload: {
            repository: { id: 41 },
            workflow_run: {
              head_sha: RUN_SHA,
              pull_requests: [{ number: 8, base: { repo: { id: 41, name: 'shop' } } }]
            }
          },
          api
        })
      )
      expect(found).toMatchObject({
        kind: 'found',
        pr: { number: 8, title: 'Title 8', headSha: RUN_SHA }
      })
      expect(calls).toEqual(['pulls/8'])
    })
    it("another repository's pull request (#5 upstream) is never looked up here", async () => {
      const { api, calls } = fakeApi([pull(5, { state: 'closed' })])
      const upstream = { id: 99, url: 'https://api.github.com/repos/upstream/shop' }
      const found = await findPullRequest(
        options({
          eventName: 'workflow_run',
          payload: {
            repository: { id: 41 },
            workflow_run: {
              head_sha: RUN_SHA,
              head_branch: 'fix',
              head_repository: { owner: { login: 'acme' } },
              pull_requests: [{ number: 5, base: { repo: upstream } }]
            }
          },
          api
        })
      )
      expect(found.kind).toBe('skipped')
      expect(calls).toEqual(['pulls?head=acme:fix'])
    })
    it('without IDs, the base is placed by its API URL', async () => {
      const { api, calls } = fakeApi([pull(8)])
      const entry = (url: string) => ({ number: 8, base: { repo: { url } } })
      const payload = (url: string) => ({
        workflow_run: { head_sha: RUN_SHA, pull_requests: [entry(url)] }
      })
      const here = await findPullRequest(
        options({
          eventName: 'workflow_run',
          payload: payload('https://api.github.com/repos/ACME/shop'),
          api
        })
      )
      expect(here.kind).toBe('found')
      const elsewhere = await findPullRequest(
        options({
          eventName: 'workflow_run',
          payload: payload('https://api.github.com/repos/acme/shop-fork'),
          api
        })
      )
      expect(elsewhere.kind).toBe('skipped')
      expect(calls).toEqual(['pulls/8'])
    })
    it('a fork (empty pull_requests): found by head owner:branch and matched by commit', async () => {
      const { api, calls } = fakeApi([
        pull(10, { head: { ref: 'fix', sha: 'd'.repeat(40) } }),
        pull(11, { head: { ref: 'fix', sha: RUN_SHA } })
      ])
      const found = await findPullRequest(
        options({
          eventName: 'workflow_run',
          payload: {
            workflow_run: {
              head_sha: RUN_SHA,
              head_branch: 'fix',
              pull_requests: [],
              head_repository: { owner: { login: 'outsider' } }
            }
          },
          api
        })
      )
      expect(found).toMatchObject({ kind: 'found', pr: { number: 11, headSha: RUN_SHA } })
      expect(calls).toEqual(['pulls?head=outsider:fix'])
    })
    it('a fork with no matching pull request: skipped', async () => {
      const { api } = fakeApi([pull(10)])
      const found = await findPullRequest(
        options({
          eventName: 'workflow_run',
          payload: {
            workflow_run: {
              head_sha: RUN_SHA,
              head_branch: 'fix',
              head_repository: { owner: { login: 'outsider' } }
            }
          },
          api
        })
      )
      expect(found).toEqual({ kind: 'skipped', reason: expect.stringContaining('outsider:fix') })
    })
    it('a push workflow run (no branch owner): skipped', async () => {
      const found = await findPullRequest(
        options({ eventName: 'workflow_run', payload: { workflow_run: {} } })
      )
      expect(found.kind).toBe('skipped')
    })
  })

  it.each(['pull_request', 'pull_request_target'])(
    '%s whose payload has no pull request: failed, never skipped (a required check must not pass)',
    async eventName => {
      for (const payload of [{}, { pull_request: {} }, { pull_request: { number: 'x' } }]) {
        const found = await findPullRequest(options({ eventName, payload }))
        expect(found).toEqual({
          kind: 'failed',
          message: expect.stringContaining(`the ${eventName} event's payload has no pull request`)
        })
      }
    }
  )

  it.each(['push', 'schedule', 'workflow_dispatch', ''])(
    '%s without pr-number: skipped, pointing at pr-number',
    async eventName => {
      const found = await findPullRequest(options({ eventName }))
      expect(found).toEqual({ kind: 'skipped', reason: expect.stringContaining('set pr-number') })
    }
  )
})

describe('findPullRequest: merge queues, any event with a pull request, closed ones', () => {
  const QUEUE_SHA = 'e'.repeat(40)
  const mergeGroup = (headRef: string) => ({
    merge_group: { head_sha: QUEUE_SHA, head_ref: headRef, base_ref: 'refs/heads/release/2.x' }
  })
  it('merge_group: the number from the queue branch, the queue commit, the base from base_ref', async () => {
    const { api, calls } = fakeApi([pull(31)])
    const found = await findPullRequest(
      options({
        eventName: 'merge_group',
        payload: mergeGroup(`refs/heads/gh-readonly-queue/release/2.x/pr-31-${HEAD}`),
        api
      })
    )
    expect(found).toMatchObject({
      kind: 'found',
      pr: { number: 31, title: 'Title 31', headSha: QUEUE_SHA, baseBranch: 'release/2.x' }
    })
    expect(calls).toEqual(['pulls/31'])
  })
  it('merge_group with pr-number (issue 26): the queue commit, whichever pull request is named', async () => {
    const { api } = fakeApi([pull(31), pull(32)])
    const payload = mergeGroup(`refs/heads/gh-readonly-queue/release/2.x/pr-31-${HEAD}`)
    const same = await findPullRequest(
      options({ eventName: 'merge_group', payload, prNumber: 31, api })
    )
    expect(same).toMatchObject({
      kind: 'found',
      pr: { number: 31, headSha: QUEUE_SHA, baseBranch: 'release/2.x' },
      notices: []
    })
    const other = await findPullRequest(
      options({ eventName: 'merge_group', payload, prNumber: 32, api })
    )
    expect(other).toMatchObject({ kind: 'found', pr: { number: 32, headSha: QUEUE_SHA } })
    expect(other.kind === 'found' && other.notices).toEqual([
      expect.stringContaining("the merge queue's branch #31")
    ])
  })
  it('merge_group whose branch names no pull request: failed, not skipped', async () => {
    const { api, calls } = fakeApi([pull(31)])
    const found = await findPullRequest(
      options({ eventName: 'merge_group', payload: mergeGroup('refs/heads/main'), api })
    )
    expect(found).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/names no pull request/)
    })
    expect(calls).toEqual([])
  })
  it.each([
    'pull_request_review',
    'pull_request_review_comment',
    'pull_request_review_thread',
    'some_future_event'
  ])('%s carrying a pull request: that one, from the payload', async eventName => {
    const found = await findPullRequest(options({ eventName, payload: { pull_request: pull(9) } }))
    expect(found).toMatchObject({ kind: 'found', pr: { number: 9, headSha: HEAD } })
  })
  it('a closed pull request found from the event is skipped, saying it is closed', async () => {
    const closed = await findPullRequest(
      options({
        eventName: 'pull_request',
        payload: { pull_request: pull(9, { state: 'closed' }) }
      })
    )
    expect(closed).toEqual({
      kind: 'skipped',
      reason:
        'pull request #9 is closed (merged or closed before this run): there is nothing to test; set pr-number to test it anyway.'
    })
    const { api } = fakeApi([pull(4, { state: 'closed' })])
    const comment = await findPullRequest(
      options({
        eventName: 'issue_comment',
        payload: { issue: { number: 4, pull_request: {} } },
        api
      })
    )
    expect(comment.kind).toBe('skipped')
  })
  it('pr-number may name a closed one: tested, with a warning', async () => {
    const { api } = fakeApi([pull(4, { state: 'closed' })])
    const found = await findPullRequest(options({ prNumber: 4, api }))
    expect(found).toMatchObject({
      kind: 'found',
      pr: { number: 4 },
      warnings: ['pull request #4 is closed, but pr-number names it: testing it anyway.']
    })
  })
})
