// Reads one file of the repository as it is at a commit (`GET /repos/{owner}/{repo}/contents/
// {path}?ref=`), and a pull request's base commit when the event does not say it: what the known
// issues of the base look like, so a pull request cannot quietly waive the bug it introduces.
import { isPlainObject, textOf } from '../guards.js'
import { callGitHub, type CallOptions } from './call.js'
import { loadOctokit } from './octokit.js'

export interface FileAtCommitOptions extends CallOptions {
  token: string
  apiUrl: string
  owner: string
  repo: string
}

export type FileAtCommit =
  | { kind: 'found'; text: string }
  /** GitHub answered 404: the file is not in that commit (or the token cannot see it at all). */
  | { kind: 'missing' }
  /** Why it could not be read, in GitHub's words (a 403 names the permission). */
  | { kind: 'failed'; message: string }

export interface RepositoryFiles {
  /** The file at `ref` (a commit or a branch; null: the default branch), as text. */
  fileAt(path: string, ref: string | null): Promise<FileAtCommit>
  /** A pull request's base commit, or a failure in words. */
  baseOf(prNumber: number): Promise<{ sha: string } | { failed: string }>
}

/** The contents route with the path's segments encoded: Octokit keeps a literal `%2F` as it is. */
const contentsRoute = (path: string): string =>
  `GET /repos/{owner}/{repo}/contents/${path.split('/').map(encodeURIComponent).join('/')}`

export async function createRepositoryFiles(
  options: FileAtCommitOptions
): Promise<RepositoryFiles> {
  const getOctokit = await loadOctokit()
  const octokit = getOctokit(options.token, { baseUrl: options.apiUrl })
  const where = { owner: options.owner, repo: options.repo }
  const failure = (status: number, message: string, permission: string): string =>
    `HTTP ${status}: ${message}${status === 401 || status === 403 ? ` (the token needs permissions: ${permission})` : ''}`

  return {
    fileAt: async (path, ref) => {
      // The raw media type: the file's bytes as text, up to GitHub's 100 MB (the JSON form stops
      // at 1 MB and holds base64).
      const answer = await callGitHub(
        octokit,
        contentsRoute(path),
        { ...where, ...(ref ? { ref } : {}), mediaType: { format: 'raw' } },
        options
      )
      switch (answer.kind) {
        case 'ok':
          return fileText(answer.data)
        case 'stopped':
          return { kind: 'failed', message: 'stopped before GitHub answered' }
        case 'no-answer':
          return { kind: 'failed', message: answer.message }
        case 'http-error':
          return answer.status === 404
            ? { kind: 'missing' }
            : { kind: 'failed', message: failure(answer.status, answer.message, 'contents: read') }
      }
    },
    baseOf: async prNumber => {
      const answer = await callGitHub(
        octokit,
        'GET /repos/{owner}/{repo}/pulls/{pull_number}',
        { ...where, pull_number: prNumber },
        options
      )
      if (answer.kind === 'ok') {
        const base = isPlainObject(answer.data) ? answer.data.base : null
        const sha = isPlainObject(base) ? textOf(base.sha) : ''
        return sha ? { sha } : { failed: 'the pull request has no base commit in its answer' }
      }
      if (answer.kind === 'http-error') {
        return { failed: failure(answer.status, answer.message, 'pull-requests: read') }
      }
      return {
        failed: answer.kind === 'stopped' ? 'stopped before GitHub answered' : answer.message
      }
    }
  }
}

/**
 * The file's text from the answer: Octokit gives the raw media type as text or, when the answer's
 * content type is neither JSON nor text, as bytes; a proxy or an old GitHub Enterprise may ignore
 * the media type and send the JSON form, with base64 content.
 */
function fileText(data: unknown): FileAtCommit {
  if (typeof data === 'string') return { kind: 'found', text: data }
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data
    return {
      kind: 'found',
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    }
  }
  if (isPlainObject(data) && data.encoding === 'base64' && typeof data.content === 'string') {
    return { kind: 'found', text: Buffer.from(data.content, 'base64').toString('utf8') }
  }
  return { kind: 'failed', message: 'the answer is not the file' }
}
