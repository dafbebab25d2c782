// The pull-request comment's GitHub calls (through the real Octokit) against a real HTTP server
// standing in for GitHub: what each of GitHub's answers, or none, becomes.
import { afterEach, describe, expect, it } from '@jest/globals'
import { upsertComment, type CommentTarget } from '../src/github/comment.js'
import { freePort, startApiServer, type ApiServer, type Reply } from './helpers/api-server.js'

const TOKEN = 'ghs_comment_TOKEN'
const MARKER = '<!-- testerarmy: qa -->'
let server: ApiServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const target = (apiUrl: string): CommentTarget => ({
  token: TOKEN,
  apiUrl,
  owner: 'acme',
  repo: 'shop',
  prNumber: 7,
  marker: MARKER,
  body: `${MARKER}\nTesterArmy: passed`
})

/** GitHub as the workflow's own token sees it: no /user, no viewer; `write` answers the write. */
async function gitHub(comments: object[], write: Reply) {
  server = await startApiServer(request => {
    const route = request.path.replace(/^\/api/, '')
    if (route === '/user' || route === '/graphql')
      return { status: 403, body: { message: 'Resource not accessible by integration' } }
    if (request.method === 'GET') return { status: 200, body: comments }
    return write
  })
  return server
}

describe('upsertComment', () => {
  it('creates the comment when none of ours is there, with the token', async () => {
    const api = await gitHub([], { status: 201, body: { id: 1, html_url: 'https://x/c/1' } })
    expect(await upsertComment(target(api.url))).toEqual({
      kind: 'created',
      url: 'https://x/c/1'
    })
    const post = api.requests.find(r => r.method === 'POST' && r.path.endsWith('/comments'))!
    expect(post.path).toBe('/api/repos/acme/shop/issues/7/comments')
    expect(post.headers.authorization).toBe(`token ${TOKEN}`)
  })

  it("updates our own comment (github-actions[bot]'s, starting with the marker) in place", async () => {
    const api = await gitHub(
      [
        { id: 4, user: { login: 'renovate[bot]' }, body: `${MARKER} quoted` },
        { id: 5, user: { login: 'github-actions[bot]' }, body: `${MARKER}\nold` }
      ],
      { status: 200, body: { id: 5, html_url: 'https://x/c/5' } }
    )
    expect(await upsertComment(target(api.url))).toEqual({
      kind: 'updated',
      url: 'https://x/c/5'
    })
    expect(api.requests.find(r => r.method === 'PATCH')?.path).toBe(
      '/api/repos/acme/shop/issues/comments/5'
    )
  })

  it('updates a comment an earlier version wrote under its former marker', async () => {
    const former = '<!-- testerarmy: qa with a target-url -->'
    const api = await gitHub(
      [{ id: 9, user: { login: 'github-actions[bot]' }, body: `${former}\nold verdict` }],
      { status: 200, body: { id: 9, html_url: 'https://x/c/9' } }
    )
    expect(await upsertComment({ ...target(api.url), earlierMarkers: [former] })).toEqual({
      kind: 'updated',
      url: 'https://x/c/9'
    })
    const patch = api.requests.find(r => r.method === 'PATCH')!
    expect(JSON.parse(patch.body).body.startsWith(MARKER)).toBe(true)
  })

  it('a GitHub that stops answering mid-list ends at the time limit, every page included', async () => {
    let pages = 0
    server = await startApiServer(request => {
      const route = request.path.replace(/^\/api/, '')
      if (route === '/user' || route === '/graphql')
        return { status: 403, body: { message: 'Resource not accessible by integration' } }
      if (request.method === 'GET' && ++pages === 1) {
        // A first page that says there is a second, which never comes.
        const next = `${server!.url}/repos/acme/shop/issues/7/comments?per_page=100&page=2`
        return { status: 200, body: [], headers: { link: `<${next}>; rel="next"` } }
      }
      return 'hang'
    })
    const started = Date.now()
    const result = await upsertComment(target(server.url), { timeoutMs: 500 })
    expect(result.kind).toBe('failed')
    expect(pages).toBe(2)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it("a 403 is the token's permission, said with GitHub's words", async () => {
    const api = await gitHub([], {
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    const result = await upsertComment(target(api.url))
    expect(result.kind).toBe('forbidden')
    expect((result as { message: string }).message).toMatch(
      /^HTTP 403: Resource not accessible by integration/
    )
  })

  it('GitHub not reached is said as the network fault, not as an HTTP 500', async () => {
    const result = await upsertComment(target(`http://127.0.0.1:${await freePort()}`))
    expect(result.kind).toBe('failed')
    const { message } = result as { message: string }
    expect(message).toMatch(/ECONNREFUSED/)
    expect(message).not.toMatch(/HTTP/)
  })
})
