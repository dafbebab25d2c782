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

/** A commit status as posted (`POST /repos/{owner}/{repo}/statuses/{sha}`), with its commit. */
export interface FakeStatus {
  sha: string
  state: string
  description?: string
  context?: string
  target_url?: string
}

export interface GitHubOptions {
  token?: string
  pulls?: object[]
  comments?: FakeComment[]
  author?: string
  identity?: 'person' | 'app' | 'workflow'
  forbidWrites?: boolean
  rateLimited?: boolean
  /** The commit statuses posted, as GitHub would keep them. */
  statuses?: FakeStatus[]
  /** Answers every status post instead (a 403 for a token without statuses: write). */
  statusReply?: Exclude<Reply, string>
  /** Never answers a call other than a status post. */
  hang?: boolean
  /** Files by commit SHA and path: the text, or a reply to send instead (a 403, a 500). */
  files?: Record<string, Record<string, string | Exclude<Reply, string>>>
}

export interface GitHubState {
  token: string | undefined
  pulls: object[]
  comments: FakeComment[]
  author: string | undefined
  identity: 'person' | 'app' | 'workflow'
  forbidWrites: boolean
  rateLimited: boolean
  statuses: FakeStatus[]
  statusReply: Exclude<Reply, string> | undefined
  hang: boolean
  files: Record<string, Record<string, string | Exclude<Reply, string>>>
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
): Exclude<Reply, string> | 'hang'

export interface FakeGitHub {
  url: string
  requests: RecordedRequest[]
  comments: FakeComment[]
  statuses: FakeStatus[]
  state: GitHubState
  close(): Promise<void>
}
export function startFakeGitHub(
  options?: GitHubOptions & { onRequest?: (request: RecordedRequest) => Reply | undefined | false }
): Promise<FakeGitHub>
