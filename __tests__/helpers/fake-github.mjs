// The one fake GitHub of the tests: the REST calls the action makes (pull requests, issue comments,
// the token's identity) and the GraphQL identity lookup the comment uses. Node built-ins only, so
// the simulated TesterArmy API can serve it under /github too (its deprecated `github` option).
import { startScriptedServer } from '../../scripts/scripted-server.mjs'

/**
 * GitHub's state as the action sees it. `token`, when given, is required (`token X`, as Octokit
 * sends it). `identity` says who the token is: a person (REST /user answers with `author`), an app
 * (GraphQL viewer answers with `author`) or the workflow's own token (neither answers).
 * `comments` without an `issue` are on every pull request. `statuses` collects the commit statuses
 * posted (`statusReply` answers them instead); `hang` leaves every other call unanswered.
 */
export function gitHubState(options = {}) {
  return {
    token: options.token,
    // The caller's arrays themselves, so a test reads what the action did to them.
    pulls: (options.pulls ??= []),
    comments: (options.comments ??= []),
    author: options.author,
    identity: options.identity ?? 'workflow',
    forbidWrites: options.forbidWrites ?? false,
    rateLimited: options.rateLimited ?? false,
    statuses: (options.statuses ??= []),
    statusReply: options.statusReply,
    hang: options.hang ?? false,
    // Files by commit: `files[sha][path]` is the text, or a reply to send instead (403, 500).
    files: (options.files ??= {})
  }
}

/**
 * `GET /repos/{owner}/{repo}/contents/{path}?ref=`: the raw text when asked for the raw media type
 * (as the action asks), else GitHub's JSON with base64 content; 404 for a file not at that commit.
 */
function getContents(state, path, search, headers) {
  const ref = new URL(search, 'http://github.test').searchParams.get('ref') ?? 'HEAD'
  const file = state.files[ref]?.[path]
  if (file === undefined) return { status: 404, body: { message: 'Not Found' } }
  if (typeof file !== 'string') return file
  if (/application\/vnd\.github(\.v3)?\.raw/.test(headers.accept ?? '')) {
    return { status: 200, body: file, headers: { 'content-type': 'application/vnd.github.raw' } }
  }
  const content = Buffer.from(file).toString('base64')
  return { status: 200, body: { type: 'file', encoding: 'base64', path, content } }
}

/** What GitHub refuses in a commit status (it answers 422), so a body it would refuse fails here. */
function postStatus(state, sha, body) {
  if (state.statusReply) return state.statusReply
  const sent = JSON.parse(body || '{}')
  const invalid = field => ({
    status: 422,
    body: { message: 'Validation Failed', errors: [field] }
  })
  if (!['error', 'failure', 'pending', 'success'].includes(sent.state))
    return invalid({ field: 'state' })
  if (typeof sent.description === 'string' && sent.description.length > 140)
    return invalid({
      field: 'description',
      message: 'description is too long (maximum is 140 characters)'
    })
  const status = { sha, ...sent }
  state.statuses.push(status)
  return { status: 201, body: { id: state.statuses.length, ...status } }
}

/** One request to GitHub (`route` without any prefix, `search` its query) answered from `state`. */
export function answerGitHub(state, { method, route, search = '', headers, body }) {
  if (state.token && headers.authorization !== `token ${state.token}`)
    return { status: 401, body: { message: 'Bad credentials' } }
  const notAllowed = { status: 403, body: { message: 'Resource not accessible by integration' } }
  if (route === '/user')
    return state.identity === 'person'
      ? { status: 200, body: { login: state.author, type: 'User' } }
      : notAllowed
  if (route === '/graphql')
    return state.identity === 'app'
      ? { status: 200, body: { data: { viewer: { login: state.author } } } }
      : { status: 200, body: { data: null, errors: [{ message: notAllowed.body.message }] } }
  let match
  if ((match = /^\/repos\/[^/]+\/[^/]+\/statuses\/([^/]+)$/.exec(route)) && method === 'POST')
    return postStatus(state, match[1], body)
  // A GitHub that takes every other call and never answers (a stalled proxy).
  if (state.hang) return 'hang'
  if (state.rateLimited)
    return {
      status: 403,
      body: { message: 'API rate limit exceeded' },
      headers: { 'x-ratelimit-remaining': '0' }
    }
  const comments = state.comments
  const sent = () => JSON.parse(body || '{}').body
  const link = (repo, issue, id) => `https://github.test/${repo}/pull/${issue}#issuecomment-${id}`
  if ((match = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(route))) {
    const issue = Number(match[2])
    if (method === 'GET')
      return { status: 200, body: comments.filter(c => c.issue === undefined || c.issue === issue) }
    if (state.forbidWrites) return notAllowed
    const id = 100 + comments.length
    const comment = {
      id,
      issue,
      body: sent(),
      user: { login: state.author ?? 'github-actions[bot]', type: 'Bot' },
      html_url: link(match[1], issue, id)
    }
    comments.push(comment)
    return { status: 201, body: comment }
  }
  if ((match = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(route))) {
    if (state.forbidWrites) return notAllowed
    const comment = comments.find(c => c.id === Number(match[2]))
    if (!comment) return { status: 404, body: { message: 'Not Found' } }
    comment.body = sent()
    return {
      status: 200,
      body: { ...comment, html_url: link(match[1], comment.issue ?? 0, comment.id) }
    }
  }
  if ((match = /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(route)) && method === 'GET')
    return getContents(
      state,
      match[1].split('/').map(decodeURIComponent).join('/'),
      search,
      headers
    )
  const pulls = state.pulls
  if ((match = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(route))) {
    const pull = pulls.find(p => p.number === Number(match[1]))
    return pull ? { status: 200, body: pull } : { status: 404, body: { message: 'Not Found' } }
  }
  if ((match = /^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)\/pulls$/.exec(route)))
    return { status: 200, body: pulls.filter(p => p.head?.sha === match[1]) }
  if (/^\/repos\/[^/]+\/[^/]+\/pulls$/.test(route)) {
    const [owner, branch] = (
      new URL(search, 'http://github.test').searchParams.get('head') ?? ''
    ).split(':')
    return {
      status: 200,
      body: pulls.filter(
        p =>
          p.state === 'open' &&
          p.head?.ref === branch &&
          (p.head?.repo?.owner?.login ?? owner) === owner
      )
    }
  }
  return { status: 404, body: { message: 'Not Found' } }
}

/**
 * Starts a fake GitHub on its own port: `url` is what GITHUB_API_URL says. `onRequest` sees each
 * request first and may answer it itself (a fault, or a signal sent at a known point).
 */
export async function startFakeGitHub(options = {}) {
  const state = gitHubState(options)
  const server = await startScriptedServer(request => {
    const answered = options.onRequest?.(request)
    if (answered) return answered
    const url = new URL(request.path, 'http://github.test')
    return answerGitHub(state, {
      method: request.method,
      route: url.pathname,
      search: url.search,
      headers: request.headers,
      body: request.body
    })
  })
  return {
    url: server.root,
    requests: server.requests,
    comments: state.comments,
    statuses: state.statuses,
    state,
    close: server.close
  }
}
