// Types for fake-github.mjs.
import type { IncomingHttpHeaders } from 'node:http'
import type { RecordedRequest, Reply } from '../../scripts/scripted-server.mjs'

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type?: string }
  /** The pull request it is on; none: on every one. */
  issue?: number
  html_url?: string
}

export interface GitHubOptions {
  token?: string
  pulls?: object[]
  comments?: FakeComment[]
  author?: string
  identity?: 'person' | 'app' | 'workflow'
  forbidWrites?: boolean
  rateLimited?: boolean
}

export interface GitHubState {
  token: string | undefined
  pulls: object[]
  comments: FakeComment[]
  author: string | undefined
  identity: 'person' | 'app' | 'workflow'
  forbidWrites: boolean
  rateLimited: boolean
}

export function gitHubState(options?: GitHubOptions): GitHubState
export function answerGitHub(
  state: GitHubState,
  request: {
    method: string
    route: string
    search?: string
    headers: IncomingHttpHeaders
    body: string
  }
): Exclude<Reply, string>

export interface FakeGitHub {
  url: string
  requests: RecordedRequest[]
  comments: FakeComment[]
  state: GitHubState
  close(): Promise<void>
}
export function startFakeGitHub(
  options?: GitHubOptions & { onRequest?: (request: RecordedRequest) => Reply | undefined | false }
): Promise<FakeGitHub>
