// The merge queue's event, as GitHub sends it: the pull request its branch names, the queue commit.
import { describe, expect, it } from '@jest/globals'
import { createRequire } from 'node:module'
import { queuedPullRequest } from '../src/github/merge-queue.js'

const require = createRequire(import.meta.url)
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string
  examples: Record<string, unknown>[]
}[]

describe('queuedPullRequest', () => {
  it("reads GitHub's example merge_group payloads", () => {
    const payloads = examples.find(e => e.name === 'merge_group')!.examples
    expect(payloads.length).toBeGreaterThan(0)
    for (const payload of payloads) {
      expect(queuedPullRequest(payload)).toEqual({
        kind: 'queued',
        number: 104,
        headSha: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d',
        baseBranch: 'main',
        headRef: 'refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64'
      })
    }
  })

  it('a base branch with slashes, and a SHA-256 repository', () => {
    const sha256 = 'a'.repeat(64)
    expect(
      queuedPullRequest({
        merge_group: {
          head_sha: sha256,
          head_ref: `refs/heads/gh-readonly-queue/release/2.x/pr-7-${sha256}`,
          base_ref: 'refs/heads/release/2.x'
        }
      })
    ).toMatchObject({ kind: 'queued', number: 7, baseBranch: 'release/2.x', headSha: sha256 })
  })

  it.each([
    ['refs/heads/gh-readonly-queue/main/pr--929f8209'],
    ['refs/heads/gh-readonly-queue/main/pr-0-929f8209'],
    ['refs/heads/main'],
    ['refs/heads/gh-readonly-queue/main/pr-12'],
    ['refs/heads/gh-readonly-queue/main/pr-99999999999999999999-929f8209'],
    ['']
  ])('%j names no pull request: an error that says so, never a pass', headRef => {
    const found = queuedPullRequest({ merge_group: { head_sha: 'abc1234', head_ref: headRef } })
    expect(found.kind).toBe('unnamed')
    expect(found.kind === 'unnamed' && found.message).toMatch(/names no pull request/)
  })

  it('a queue without its commit cannot be tested', () => {
    const found = queuedPullRequest({
      merge_group: { head_ref: 'refs/heads/gh-readonly-queue/main/pr-3-929f8209' }
    })
    expect(found).toMatchObject({ kind: 'unnamed' })
  })
})
