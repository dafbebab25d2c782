// `npm run release -- <X.Y.Z | patch | minor | major>`: cuts a release as GitHub's
// typescript-action template does. Checks the tree is clean, the branch is not behind its remote
// and dist/ is the build of src/, sets the version (package.json, package-lock.json,
// src/constants.ts), dates the changelog's Unreleased section, rebuilds, commits, tags vX.Y.Z,
// moves the major tag vX onto it and pushes the branch and both tags (the major tag forced, since
// it moves). Users pinned to @vX get it.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const usage = `usage: npm run release -- <X.Y.Z | patch | minor | major> [--remote NAME] [--no-push]`

class ReleaseError extends Error {}

/** The next version: an explicit X.Y.Z above the current one, or the current one bumped. */
export function nextVersion(current, wanted) {
  const parse = v => {
    const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(v)
    return m ? m.slice(1).map(Number) : null
  }
  const now = parse(current)
  if (!now) throw new ReleaseError(`package.json's version "${current}" is not X.Y.Z`)
  const [major, minor, patch] = now
  const bumped =
    {
      major: [major + 1, 0, 0],
      minor: [major, minor + 1, 0],
      patch: [major, minor, patch + 1]
    }[wanted] ?? parse(wanted)
  if (!bumped) {
    throw new ReleaseError(`"${wanted}" is not a version: expected X.Y.Z, patch, minor or major`)
  }
  const order = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
  if (order(bumped, now) <= 0) {
    throw new ReleaseError(`${bumped.join('.')} is not above the current version ${current}`)
  }
  return bumped.join('.')
}

/** CHANGELOG.md with its Unreleased entries moved under the new version, and its links updated. */
export function releaseChangelog(text, { version, previous, date }) {
  const heading = /^## \[Unreleased\][^\n]*\n([\s\S]*?)(?=^## |^\[|(?![\s\S]))/m.exec(text)
  if (!heading) throw new ReleaseError('CHANGELOG.md has no "## [Unreleased]" section')
  if (!heading[1].trim()) {
    throw new ReleaseError(
      'CHANGELOG.md says nothing under [Unreleased]: describe the release first'
    )
  }
  let out = text.replace(
    /^## \[Unreleased\][^\n]*\n/m,
    `## [Unreleased]\n\n## [${version}] - ${date}\n`
  )
  const link = /^\[Unreleased\]: (.*)\/compare\/\S+?\.\.\.HEAD$/m.exec(out)
  if (link) {
    out = out.replace(
      link[0],
      `[Unreleased]: ${link[1]}/compare/v${version}...HEAD\n[${version}]: ${link[1]}/compare/v${previous}...v${version}`
    )
  }
  return out
}

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/**
 * A branch behind its remote would be committed and tagged here, then refused at the push, leaving
 * the tags behind (and `v1` moved locally): fetch first and refuse before anything is made.
 */
function refuseIfBehind(cwd, remote, branch) {
  const ref = `refs/heads/${branch}`
  // A branch the remote does not have yet cannot be behind it.
  if (!git(cwd, 'ls-remote', '--heads', remote, ref).trim()) return
  git(cwd, 'fetch', '--quiet', remote, ref)
  const behind = Number(git(cwd, 'rev-list', '--count', 'HEAD..FETCH_HEAD').trim())
  if (behind > 0) {
    throw new ReleaseError(
      `${branch} is ${behind} commit${behind === 1 ? '' : 's'} behind ${remote}/${branch}: pull (or rebase) first, then release`
    )
  }
}

/** `npm run build` in `cwd`: what the release checks dist/ against, and how it rebuilds it. */
function npmBuild(cwd) {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd, stdio: ['ignore', 'ignore', 'inherit'] })
}

/**
 * Runs the release in the repository at `cwd`. `log` receives one line per step. `build` rebuilds
 * dist/ (a test passes its own, to see the refusal of a stale dist/ without a real build).
 */
export function release({
  cwd,
  wanted,
  remote = 'origin',
  push = true,
  log = console.log,
  build = npmBuild
}) {
  if (git(cwd, 'status', '--porcelain').trim()) {
    throw new ReleaseError('the working tree has uncommitted changes: commit or stash them first')
  }
  const branch = git(cwd, 'branch', '--show-current').trim()
  if (!branch) throw new ReleaseError('HEAD is detached: check out the branch to release from')

  if (push) refuseIfBehind(cwd, remote, branch)

  const pkgPath = join(cwd, 'package.json')
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'))
  const version = nextVersion(pkg.version, wanted)
  const tag = `v${version}`
  const major = `v${version.split('.')[0]}`
  if (git(cwd, 'tag', '--list', tag).trim()) throw new ReleaseError(`the tag ${tag} exists already`)
  if (push && git(cwd, 'ls-remote', '--tags', remote, `refs/tags/${tag}`).trim()) {
    throw new ReleaseError(`the tag ${tag} exists already on ${remote}`)
  }

  log(`building to check that dist/ is the build of src/`)
  build(cwd)
  const stale = git(cwd, 'status', '--porcelain', '--', 'dist/').trim()
  if (stale) {
    throw new ReleaseError(
      `dist/ is not the build of src/ (the fresh build is left in dist/): commit it, then release\n${stale}`
    )
  }

  const previous = pkg.version
  log(`${previous} -> ${version}`)
  pkg.version = version
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n')
  const lockPath = join(cwd, 'package-lock.json')
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'))
  lock.version = version
  if (lock.packages?.['']) lock.packages[''].version = version
  writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n')
  // The User-Agent names the version: it is compiled into dist/, so dist/ is rebuilt below.
  const constantsPath = join(cwd, 'src', 'constants.ts')
  const constants = readFileSync(constantsPath, 'utf8')
  const versioned = constants.replace(/(export const VERSION = ')[^']*'/, `$1${version}'`)
  if (versioned === constants) throw new ReleaseError('src/constants.ts has no VERSION to update')
  writeFileSync(constantsPath, versioned)
  const changelogPath = join(cwd, 'CHANGELOG.md')
  const date = new Date().toISOString().slice(0, 10)
  writeFileSync(
    changelogPath,
    releaseChangelog(readFileSync(changelogPath, 'utf8'), {
      version,
      previous,
      date
    })
  )

  log(`building ${tag}`)
  build(cwd)
  git(cwd, 'add', '--all', '--', 'package.json', 'package-lock.json', 'src/constants.ts')
  git(cwd, 'add', '--all', '--', 'CHANGELOG.md', 'dist/')
  git(cwd, 'commit', '--quiet', '-m', `Release ${tag}`)
  git(cwd, 'tag', '--annotate', tag, '-m', `${tag}`)
  git(cwd, 'tag', '--force', '--annotate', major, '-m', `${tag}`)
  log(`tagged ${tag} and moved ${major} onto it`)

  if (push) {
    git(cwd, 'push', '--quiet', remote, `HEAD:refs/heads/${branch}`)
    git(cwd, 'push', '--quiet', remote, `refs/tags/${tag}`)
    git(cwd, 'push', '--quiet', '--force', remote, `refs/tags/${major}`)
    log(`pushed ${branch}, ${tag} and ${major} to ${remote}`)
    log(`next: publish the release of ${tag} on GitHub (Releases → Draft a new release)`)
  }
  return { version, tag, major }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      remote: { type: 'string', default: 'origin' },
      'no-push': { type: 'boolean', default: false }
    }
  })
  if (positionals.length !== 1) {
    console.error(usage)
    process.exit(2)
  }
  try {
    release({
      cwd: process.cwd(),
      wanted: positionals[0],
      remote: values.remote,
      push: !values['no-push']
    })
  } catch (error) {
    const detail = error.stderr ? `: ${String(error.stderr).trim()}` : ''
    console.error(
      `release: ${error instanceof ReleaseError ? error.message : `${error.message}${detail}`}`
    )
    process.exit(1)
  }
}
