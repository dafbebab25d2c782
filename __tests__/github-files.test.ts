// Reading a file at a commit, and a pull request's base commit, against a real HTTP server standing
// in for GitHub's REST API: the raw text whatever content type it comes with, GitHub's JSON form
// with base64, a 404 as "not there", and refusals in GitHub's words with the permission to grant.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createRepositoryFiles } from '../src/github/file-at-commit.js'
import { startApiServer, type ApiServer, type Reply } from './helpers/api-server.js'

const TOKEN = 'ghs_files_TOKEN'
const SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e'
let server: ApiServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function files(reply: Reply) {
  server = await startApiServer(() => reply)
  const api = await createRepositoryFiles({
    token: TOKEN,
    apiUrl: server.url,
    owner: 'acme',
    repo: 'shop',
    sleep: async () => undefined,
    callTimeoutMs: 300
  })
  return { api, requests: server.requests }
}

const TEXT = '- name: Café au lait\n  reason: ünïcödé\n'

describe('fileAt', () => {
  it.each([
    ['text', 'text/plain; charset=utf-8'],
    ['GitHub’s raw media type', 'application/vnd.github.raw'],
    ['no content type', '']
  ])('reads the raw file as %s, asking for the raw media type at the commit', async (_, type) => {
    const { api, requests } = await files({
      status: 200,
      body: TEXT,
      headers: type ? { 'content-type': type } : {}
    })
    expect(await api.fileAt('.github/known issues.yml', SHA)).toEqual({ kind: 'found', text: TEXT })
    expect(requests[0]!.path).toBe(
      `/api/repos/acme/shop/contents/.github/known%20issues.yml?ref=${SHA}`
    )
    expect(requests[0]!.headers.accept).toMatch(/raw/)
    expect(requests[0]!.headers.authorization).toBe(`token ${TOKEN}`)
  })

  it('reads GitHub’s JSON form (base64) when a proxy ignores the media type', async () => {
    const { api } = await files({
      status: 200,
      body: { type: 'file', encoding: 'base64', content: Buffer.from(TEXT).toString('base64') }
    })
    expect(await api.fileAt('k.yml', SHA)).toEqual({ kind: 'found', text: TEXT })
  })

  it('says a directory or anything else is not the file', async () => {
    const { api } = await files({ status: 200, body: [{ type: 'file', name: 'k.yml' }] })
    expect(await api.fileAt('k.yml', SHA)).toEqual({
      kind: 'failed',
      message: 'the answer is not the file'
    })
  })

  it('reads a 404 as a file missing at that commit', async () => {
    const { api } = await files({ status: 404, body: { message: 'Not Found' } })
    expect(await api.fileAt('k.yml', SHA)).toEqual({ kind: 'missing' })
  })

  it('names the permission a 403 needs', async () => {
    const { api } = await files({
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    expect(await api.fileAt('k.yml', SHA)).toEqual({
      kind: 'failed',
      message:
        'HTTP 403: Resource not accessible by integration (the token needs permissions: contents: read)'
    })
  })
})

describe('baseOf', () => {
  it('gives the pull request’s base commit', async () => {
    const { api, requests } = await files({ status: 200, body: { number: 7, base: { sha: SHA } } })
    expect(await api.baseOf(7)).toEqual({ sha: SHA })
    expect(requests[0]!.path).toBe('/api/repos/acme/shop/pulls/7')
  })

  it('fails in words without a base commit, or when GitHub refuses', async () => {
    expect(await (await files({ status: 200, body: { number: 7 } })).api.baseOf(7)).toEqual({
      failed: 'the pull request has no base commit in its answer'
    })
    await server?.close()
    expect(
      await (await files({ status: 404, body: { message: 'Not Found' } })).api.baseOf(7)
    ).toEqual({ failed: 'HTTP 404: Not Found' })
  })
})
