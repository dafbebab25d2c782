// The release script, run for real in a scratch clone of this repository whose remote is a bare
// repository on disk: it must refuse an unfit tree, and create v1.0.1 and move v1 onto it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { root } from '../scripts/runner.mjs'
import { nextVersion, release as releaseIn, releaseChangelog } from '../scripts/release.mjs'

const identity = {
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.com'
}
const env: NodeJS.ProcessEnv = { ...process.env, ...identity, GIT_CONFIG_NOSYSTEM: '1' }
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024
  }).trim()
const release = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(cwd, 'scripts', 'release.mjs'), ...args], {
    cwd,
    env,
    encoding: 'utf8'
  })

describe('nextVersion and releaseChangelog', () => {
  it.each([
    ['1.0.0', 'patch', '1.0.1'],
    ['1.0.0', 'minor', '1.1.0'],
    ['1.2.3', 'major', '2.0.0'],
    ['1.0.0', '1.0.1', '1.0.1'],
    ['1.0.0', 'v1.3.0', '1.3.0']
  ])('%s bumped by %s is %s', (current, wanted, next) => {
    expect(nextVersion(current, wanted)).toBe(next)
  })

  it.each([
    ['1.0.0', '1.0.0', /is not above the current version/],
    ['1.0.0', '0.9.9', /is not above/],
    ['1.0.0', 'next', /is not a version/],
    ['1.0', 'patch', /is not X\.Y\.Z/]
  ])('%s with %s is refused', (current, wanted, message) => {
    expect(() => nextVersion(current, wanted)).toThrow(message)
  })

  it('moves the Unreleased entries under the version and updates the links', () => {
    const text = [
      '# Changelog',
      '',
      '## [Unreleased]',
      '',
      '- A fix.',
      '',
      '## [1.0.0] - 2026-11-28',
      '',
      '- First.',
      '',
      '[Unreleased]: https://github.com/o/r/compare/v1.0.0...HEAD',
      '[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0',
      ''
    ].join('\n')
    const out = releaseChangelog(text, { version: '1.0.1', previous: '1.0.0', date: '2026-12-01' })
    expect(out).toContain('## [Unreleased]\n\n## [1.0.1] - 2026-12-01\n\n- A fix.\n\n## [1.0.0]')
    expect(out).toContain(
      '[Unreleased]: https://github.com/o/r/compare/v1.0.1...HEAD\n[1.0.1]: https://github.com/o/r/compare/v1.0.0...v1.0.1\n[1.0.0]:'
    )
    expect(() =>
      releaseChangelog(text.replace('- A fix.', ''), {
        version: '1.0.1',
        previous: '1.0.0',
        date: 'd'
      })
    ).toThrow(/says nothing under \[Unreleased\]/)
    expect(() =>
      releaseChangelog('# Changelog\n', { version: '1', previous: '0', date: 'd' })
    ).toThrow(/no "## \[Unreleased\]" section/)
  })
})

describe('npm run release in a scratch clone with a bare remote', () => {
  let scratch = ''
  let remote = ''
  let clone = ''
  let firstCommit = ''

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'testerarmy-release-'))
    // ncc caches each build under ~/.cache/ncc/<hash of the directory>: a scratch clone's cache
    // would never be read again, so it goes with the scratch directory.
    env.XDG_CACHE_HOME = join(scratch, 'cache')
    remote = join(scratch, 'remote.git')
    const seed = join(scratch, 'seed')
    clone = join(scratch, 'clone')
    // The repository as it is now (committed or not), as the first commit of a new history.
    const files = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      {
        cwd: root,
        encoding: 'utf8'
      }
    )
      .split('\0')
      .filter(Boolean)
    for (const file of files) {
      try {
        mkdirSync(dirname(join(seed, file)), { recursive: true })
        cpSync(join(root, file), join(seed, file))
      } catch {
        // A file deleted in the work tree but not yet in the index.
      }
    }
    git(scratch, 'init', '--quiet', '--bare', '-b', 'main', remote)
    git(seed, 'init', '--quiet', '-b', 'main')
    git(seed, 'add', '--all')
    git(seed, 'commit', '--quiet', '-m', 'Initial')
    git(seed, 'tag', '-a', 'v1.0.0', '-m', 'v1.0.0')
    git(seed, 'tag', '-a', 'v1', '-m', 'v1.0.0')
    git(seed, 'push', '--quiet', remote, 'main', 'v1.0.0', 'v1')
    firstCommit = git(seed, 'rev-parse', 'HEAD')
    git(scratch, 'clone', '--quiet', remote, clone)
    // The installed packages, as in a developer's clone after npm ci. A copy (of hard links, when
    // the file system allows), not a symlink: ncc numbers modules by their paths, so a build
    // through a symlink would differ from the committed dist/.
    try {
      execFileSync('cp', ['-al', join(root, 'node_modules'), join(clone, 'node_modules')])
    } catch {
      rmSync(join(clone, 'node_modules'), { recursive: true, force: true })
      execFileSync('cp', ['-a', join(root, 'node_modules'), join(clone, 'node_modules')])
    }
  })

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true })
  })

  it('refuses a dirty tree, before anything else', () => {
    writeFileSync(join(clone, 'notes.txt'), 'work in progress\n')
    const result = release(clone, '1.0.1')
    rmSync(join(clone, 'notes.txt'))
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('release: the working tree has uncommitted changes')
  })

  it('refuses a tag that exists', () => {
    git(clone, 'tag', 'v1.0.1')
    const result = release(clone, '1.0.1')
    git(clone, 'tag', '-d', 'v1.0.1')
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('release: the tag v1.0.1 exists already')
  })

  it('refuses a branch behind its remote, before any commit or tag', () => {
    // Someone else released (or merged) first: the remote's main has a commit this clone lacks.
    const other = join(scratch, 'other')
    git(scratch, 'clone', '--quiet', remote, other)
    writeFileSync(join(other, 'NOTES.md'), 'merged elsewhere\n')
    git(other, 'add', 'NOTES.md')
    git(other, 'commit', '--quiet', '-m', 'Merged elsewhere')
    git(other, 'push', '--quiet', 'origin', 'main')
    const before = git(clone, 'rev-parse', 'HEAD')
    const result = release(clone, '1.0.1')
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(
      'release: main is 1 commit behind origin/main: pull (or rebase) first, then release'
    )
    // Nothing was made locally that a later push could not take.
    expect(git(clone, 'rev-parse', 'HEAD')).toBe(before)
    expect(git(clone, 'tag', '--list', 'v1.0.1')).toBe('')
    expect(git(clone, 'rev-parse', 'v1^{commit}')).toBe(firstCommit)
    expect(git(clone, 'status', '--porcelain')).toBe('')
    git(clone, 'pull', '--quiet', '--ff-only')
  })

  it('refuses when dist/ is not the build of src/', () => {
    const constants = join(clone, 'src', 'constants.ts')
    writeFileSync(
      constants,
      readFileSync(constants, 'utf8').replace(
        /export const VERSION = '[^']*'/,
        "export const VERSION = '1.0.0-stale'"
      )
    )
    git(clone, 'commit', '--quiet', '-am', 'src changed, dist not rebuilt')
    // The build stands in for ncc, which compiles VERSION into dist/index.js: the real build runs
    // in the release below, and a build per refusal would only make this suite slower.
    const builds: string[] = []
    const build = (cwd: string) => {
      builds.push(cwd)
      const version = /export const VERSION = '[^']*'/.exec(readFileSync(constants, 'utf8'))![0]
      writeFileSync(join(cwd, 'dist', 'index.js'), `// ${version}\n`, { flag: 'a' })
    }
    const refused = (() => {
      try {
        releaseIn({ cwd: clone, wanted: '1.0.1', remote: 'origin', build, log: () => undefined })
        return ''
      } catch (error) {
        return (error as Error).message
      }
    })()
    git(clone, 'reset', '--quiet', '--hard', 'HEAD~1')
    git(clone, 'clean', '--quiet', '-fd', '--', 'dist/')
    expect(builds).toEqual([clone])
    expect(refused).toMatch(
      /^dist\/ is not the build of src\/ \(the fresh build is left in dist\/\)/
    )
    expect(refused).toContain('dist/index.js')
    expect(git(remote, 'rev-parse', 'v1^{commit}')).toBe(firstCommit)
    expect(git(remote, 'tag', '--list', 'v1.0.1')).toBe('')
  })

  it('creates v1.0.1, moves v1 onto it and pushes both with the release commit', () => {
    const result = release(clone, '1.0.1')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('tagged v1.0.1 and moved v1 onto it')

    const tagged = git(remote, 'rev-parse', 'v1.0.1^{commit}')
    expect(git(remote, 'rev-parse', 'v1^{commit}')).toBe(tagged)
    expect(git(remote, 'rev-parse', 'main')).toBe(tagged)
    expect(tagged).not.toBe(firstCommit)
    expect(git(remote, 'rev-parse', 'v1.0.0^{commit}')).toBe(firstCommit)
    expect(git(remote, 'log', '-1', '--format=%s', 'v1.0.1')).toBe('Release v1.0.1')

    const show = (path: string) => git(remote, 'show', `v1.0.1:${path}`)
    expect(JSON.parse(show('package.json')).version).toBe('1.0.1')
    expect(JSON.parse(show('package-lock.json')).packages[''].version).toBe('1.0.1')
    expect(show('src/constants.ts')).toContain("export const VERSION = '1.0.1'")
    expect(show('dist/index.js')).toContain('1.0.1')
    expect(show('CHANGELOG.md')).toMatch(
      /^## \[Unreleased\]\n\n## \[1\.0\.1\] - \d{4}-\d{2}-\d{2}$/m
    )
    expect(show('CHANGELOG.md')).toContain('/compare/v1.0.1...HEAD')
    // The release leaves a clean tree: dist/ is the build of the released src/.
    expect(git(clone, 'status', '--porcelain')).toBe('')
  }, 180000)
})
