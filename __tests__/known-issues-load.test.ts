// Reading the file of known issues: the workspace's copy from disk (missing, a folder, too large,
// outside the workspace, a byte-order mark) and the base commit's copy through GitHub (none to
// compare with, no token, its base commit looked up, a stall, an invalid copy), in-process.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FileAtCommit, RepositoryFiles } from '../src/github/file-at-commit.js'
import {
  loadKnownIssues,
  problemsLine,
  settleKnownIssues,
  type SettleOptions
} from '../src/inputs/known-issues-file.js'
import type { KnownIssuesInput } from '../src/inputs/known-issues.js'
import { InputErrors, parseSettings } from '../src/inputs/settings.js'

const TODAY = '2026-12-07'
let workspace: string
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'testerarmy-known-'))
})
afterEach(() => rmSync(workspace, { recursive: true, force: true }))

const input = (file = 'known.yml', from: 'workspace' | 'base' = 'workspace'): KnownIssuesInput => ({
  file,
  path: join(workspace, file),
  workspace,
  repoPath: file,
  from
})

describe('the inputs', () => {
  const settings = (inputs: Record<string, string>) =>
    parseSettings({
      read: name => inputs[name] ?? '',
      env: { GITHUB_WORKSPACE: workspace },
      onSecret: () => undefined
    })
  const base = { 'run-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'api-key': 'k-1234567890abcdef' }
  const errorOf = (inputs: Record<string, string>): string => {
    try {
      settings({ ...base, ...inputs })
    } catch (error) {
      return (error as InputErrors).errors.map(e => e.message).join('\n')
    }
    return ''
  }

  it('places the file in the workspace and its path in the repository', () => {
    expect(settings({ ...base, 'known-issues': './.github/known.yml' }).knownIssues).toEqual({
      file: './.github/known.yml',
      path: join(workspace, '.github', 'known.yml'),
      workspace,
      repoPath: '.github/known.yml',
      from: 'workspace'
    })
  })

  it('refuses a path outside the workspace, known-issues-from without a file, and a bad choice', () => {
    expect(errorOf({ 'known-issues': '../elsewhere.yml' })).toMatch(
      /^Input 'known-issues' is "\.\.\/elsewhere\.yml", which is outside the workspace/
    )
    expect(errorOf({ 'known-issues-from': 'base' })).toMatch(
      /^Input 'known-issues-from' is "base", but 'known-issues' is empty/
    )
    expect(errorOf({ 'known-issues': 'k.yml', 'known-issues-from': 'main' })).toBe(
      `Input 'known-issues-from' is "main": expected one of workspace, base.`
    )
  })
})

describe('loadKnownIssues', () => {
  it('reads the entries, a byte-order mark and all', async () => {
    writeFileSync(join(workspace, 'known.yml'), '\ufeff- name: A\n  reason: r\n')
    expect(await loadKnownIssues(input(), TODAY)).toEqual({
      ok: true,
      entries: [{ line: 1, name: 'A', reason: 'r' }]
    })
  })

  it('refuses a folder, a file over 1 MiB and a link out of the workspace, naming the file', async () => {
    mkdirSync(join(workspace, 'known.yml'))
    expect(await loadKnownIssues(input(), TODAY)).toEqual({
      ok: false,
      message: `Input 'known-issues': "known.yml" is not a file.`
    })
    writeFileSync(join(workspace, 'big.yml'), 'x'.repeat(1024 * 1024 + 1))
    expect(await loadKnownIssues(input('big.yml'), TODAY)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/"big\.yml" is 1048577 bytes, over the 1 MiB/)
    })
    const outside = mkdtempSync(join(tmpdir(), 'testerarmy-outside-'))
    writeFileSync(join(outside, 'other.yml'), '- name: A\n  reason: r\n')
    symlinkSync(join(outside, 'other.yml'), join(workspace, 'link.yml'))
    const linked = await loadKnownIssues(input('link.yml'), TODAY)
    rmSync(outside, { recursive: true, force: true })
    expect(linked).toMatchObject({
      ok: false,
      message: expect.stringMatching(/leads outside the workspace \(to .*other\.yml\) once links/)
    })
  })

  it('accepts a link that stays in the workspace', async () => {
    writeFileSync(join(workspace, 'real.yml'), '- page: /a\n  reason: r\n')
    symlinkSync(join(workspace, 'real.yml'), join(workspace, 'known.yml'))
    expect(await loadKnownIssues(input(), TODAY)).toMatchObject({ ok: true })
  })

  it('names the first problems in one line and counts the rest', () => {
    const problems = [1, 2, 3, 4, 5].map(line => ({ line, message: `problem ${line}` }))
    expect(problemsLine('k.yml', problems)).toBe(
      `Input 'known-issues': "k.yml" line 1: problem 1; line 2: problem 2; line 3: problem 3 (and 2 more problems).`
    )
  })
})

describe('settleKnownIssues', () => {
  const ENTRIES = [{ line: 1, name: 'A', reason: 'r' }]
  const calls: string[] = []
  const files =
    (answers: { base?: { sha: string } | { failed: string }; file?: FileAtCommit | 'hang' }) =>
    async (options: { signal?: AbortSignal }): Promise<RepositoryFiles> => ({
      baseOf: async pr => {
        calls.push(`baseOf ${pr}`)
        return answers.base ?? { failed: 'none' }
      },
      fileAt: (path, ref) => {
        calls.push(`fileAt ${path} ${ref}`)
        if (answers.file !== 'hang') return Promise.resolve(answers.file ?? { kind: 'missing' })
        return new Promise(resolve =>
          options.signal?.addEventListener('abort', () =>
            resolve({ kind: 'failed', message: 'stopped before GitHub answered' })
          )
        )
      }
    })
  /** A pull request's run whose event names its base commit; tests change what they need. */
  const PULL_REQUEST: SettleOptions['context'] = {
    prNumber: 7,
    baseSha: 'b'.repeat(40),
    owner: 'acme',
    repo: 'shop',
    apiUrl: 'x',
    onDefaultBranch: false
  }
  const settle = (over: Partial<SettleOptions>) => {
    calls.length = 0
    return settleKnownIssues({
      input: input(),
      entries: ENTRIES,
      context: PULL_REQUEST,
      githubToken: 'ghs_token',
      files: files({}),
      today: TODAY,
      signal: new AbortController().signal,
      ...over
    })
  }

  it('compares nothing on the default branch itself, and asks GitHub nothing', async () => {
    const known = await settle({
      context: { ...PULL_REQUEST, prNumber: null, baseSha: '', onDefaultBranch: true }
    })
    expect(known.base).toEqual({ kind: 'no-pull-request' })
    expect(known.entries[0]!.origin).toBe('no-pull-request')
    expect(calls).toEqual([])
  })

  it('compares with the default branch when there is no pull request but the checkout is not it', async () => {
    // A deployment of a preview, a fork's workflow_run, a push to a feature branch: the checkout's
    // file is not the reviewed one, so entries it has and the default branch has not are marked.
    const known = await settle({
      context: { ...PULL_REQUEST, prNumber: null, baseSha: '' },
      files: files({ file: { kind: 'found', text: '# none yet\n' } }),
      input: input('known.yml', 'base')
    })
    expect(calls).toEqual(['fileAt known.yml null'])
    expect(known.base).toEqual({ kind: 'read', against: 'default-branch' })
    expect(known.entries[0]).toMatchObject({
      origin: 'added',
      comparedWith: 'default-branch',
      notInForce: 'not-in-base'
    })
  })

  it('leaves the entries unverified without a token', async () => {
    const known = await settle({ githubToken: '' })
    expect(known.base).toEqual({
      kind: 'unverified',
      reason: 'github-token is empty (pull requests from forks get no secrets)'
    })
  })

  it('looks up the base commit when the event does not say it', async () => {
    const known = await settle({
      context: { ...PULL_REQUEST, baseSha: '' },
      files: files({
        base: { sha: 'c'.repeat(40) },
        file: { kind: 'found', text: '- name: a\n  reason: b\n' }
      })
    })
    expect(calls).toEqual(['baseOf 7', `fileAt known.yml ${'c'.repeat(40)}`])
    expect(known.base).toEqual({ kind: 'read', against: 'pull-request' })
    expect(known.entries[0]!.origin).toBe('base')
    const failed = await settle({
      context: { ...PULL_REQUEST, baseSha: '' },
      files: files({ base: { failed: 'HTTP 404: Not Found' } })
    })
    expect(failed.base).toEqual({
      kind: 'unverified',
      reason: 'the base commit of pull request #7 is unknown (HTTP 404: Not Found)'
    })
  })

  it('says a stalled GitHub did not answer in time', async () => {
    const known = await settle({ files: files({ file: 'hang' }), timeoutMs: 50 })
    expect(known.base).toEqual({
      kind: 'unverified',
      reason: `known.yml could not be read at the base commit ${'b'.repeat(12)} (no answer within 0.05 s)`
    })
  })

  it('leaves the entries unverified when the base copy is not a valid file, naming its line', async () => {
    const known = await settle({ files: files({ file: { kind: 'found', text: '- nmae: a\n' } }) })
    expect(known.base).toEqual({
      kind: 'unverified',
      reason: `known.yml at the base commit ${'b'.repeat(12)} is not a valid file of known issues (line 1: unknown key "nmae" (accepted: name, page, test, reason, max-severity, until, ticket))`
    })
  })

  it('says why when GitHub cannot be asked at all', async () => {
    const known = await settle({
      files: async () => {
        throw new Error('Octokit failed to load')
      }
    })
    expect(known.base).toEqual({
      kind: 'unverified',
      reason: 'GitHub could not be asked (Octokit failed to load)'
    })
  })
})

describe('pathInside', () => {
  it('tells a path inside a folder from the folder itself, a parent and elsewhere', async () => {
    const { pathInside } = await import('../src/guards.js')
    expect(pathInside('/w', '/w/a/b.yml')).toBe(join('a', 'b.yml'))
    // A name that merely starts with two dots is inside.
    expect(pathInside('/w', '/w/..known.yml')).toBe('..known.yml')
    expect(pathInside('/w', '/w')).toBeNull()
    expect(pathInside('/w', '/x/b.yml')).toBeNull()
    expect(pathInside('/w/a', '/w/b')).toBeNull()
  })
})
