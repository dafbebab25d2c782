// The shape of src/: folders by capability that form layers. A newcomer reads it top-down (main ->
// report and start -> inputs -> the verdict, wait and upload -> api and github -> the shared
// modules), so no
// import may run upward or sideways between capabilities, and no two files may import each other.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const SRC = resolve(import.meta.dirname, '..', 'src')

/** Each folder or top-level file of src/, by layer: a unit may import only from lower layers. */
const LAYERS: readonly (readonly string[])[] = [
  ['index'],
  ['early-signals', 'main'],
  // Reports mode (gather/) is a way of running beside the start: files in, one report out.
  ['lifecycle', 'report/', 'start/', 'gather/'],
  ['inputs/'],
  ['verdict/', 'wait/', 'upload/'],
  ['api/', 'github/'],
  // The shared wording of findings and verdicts, over the shared vocabulary.
  ['labels'],
  ['model', 'escape', 'redact', 'guards', 'clock', 'constants', 'duration', 'workflow-context']
]
const layerOf = new Map(LAYERS.flatMap((units, i) => units.map(u => [u, i] as const)))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

const unitOf = (file: string): string => {
  const path = relative(SRC, file)
  return path.includes('/') ? `${path.split('/')[0]}/` : path.replace(/\.ts$/, '')
}

/** Relative imports, static and dynamic (`import('./x.js')`), resolved to their .ts files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)].map(m =>
    resolve(dirname(file), `${m[1]}.ts`)
  )
}

const files = sourceFiles(SRC)
const graph = new Map(files.map(f => [f, importsOf(f)]))

describe('src/ layers', () => {
  it('places every folder and top-level file in a layer', () => {
    const unplaced = [...new Set(files.map(unitOf))].filter(u => !layerOf.has(u))
    expect(unplaced).toEqual([])
  })

  it('imports only from lower layers (or within the same folder)', () => {
    const upward: string[] = []
    for (const [file, deps] of graph) {
      for (const dep of deps) {
        const [from, to] = [unitOf(file), unitOf(dep)]
        if (from === to) continue
        if ((layerOf.get(to) ?? -1) <= (layerOf.get(from) ?? -1)) {
          upward.push(`${relative(SRC, file)} -> ${relative(SRC, dep)}`)
        }
      }
    }
    expect(upward).toEqual([])
  })

  it('has no import that resolves to a missing file, and no loop between files', () => {
    const missing = [...graph.values()].flat().filter(dep => !graph.has(dep))
    expect(missing.map(m => relative(SRC, m))).toEqual([])
    const loops: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const visit = (file: string, path: string[]): void => {
      state.set(file, 'open')
      for (const dep of graph.get(file) ?? []) {
        if (state.get(dep) === 'open')
          loops.push([...path, file, dep].map(f => relative(SRC, f)).join(' > '))
        else if (!state.has(dep)) visit(dep, [...path, file])
      }
      state.set(file, 'done')
    }
    for (const file of files) if (!state.has(file)) visit(file, [])
    expect(loops).toEqual([])
  })
})

describe('what loads what', () => {
  // Octokit's fetch is undici, which the bundle loads on demand (github/undici-on-demand.ts): an
  // Octokit made anywhere but loadOctokit() would fail at its first request, in the bundle only.
  it('makes Octokit only through github/octokit.ts, which loads undici first', () => {
    const importers = files.filter(file =>
      /(?:^import (?!type\b)[^']*from\s*|(?<!typeof )\bimport\(\s*)'@actions\/github'/m.test(
        readFileSync(file, 'utf8')
      )
    )
    expect(importers.map(f => relative(SRC, f))).toEqual(['github/octokit.ts'])
  })

  it('imports the packages only reports mode needs (@actions/glob, Ajv) in gather/ alone', () => {
    const importers = files.filter(file =>
      /^import [^']*from\s*'(?:@actions\/glob|ajv)'/m.test(readFileSync(file, 'utf8'))
    )
    expect(importers.map(f => relative(SRC, f)).sort()).toEqual([
      'gather/find-reports.ts',
      'gather/report-schema.ts'
    ])
  })

  it('leaves out of the start of every run the features a plain run-id wait does not use', () => {
    // Each is reached only through `await import()`, so ncc makes it a chunk of its own, loaded on
    // first use (__tests__/e2e-loading.test.ts sees them load); a static import anywhere on the
    // way from index.ts would put it back into every run's cold start.
    const onDemand = [
      'start/start-phase',
      'start/retry-failed',
      'gather/gather',
      'gather/find-reports',
      'gather/read-report',
      'gather/report-schema',
      'gather/select-legs',
      'gather/leg-runs',
      'upload/upload-step',
      'upload/zip-app',
      'wait/project-lists',
      'github/clients',
      'github/file-at-commit',
      'inputs/known-issues-file',
      'verdict/known-issues-file',
      'github/comment',
      'github/pulls',
      'github/statuses',
      'github/octokit',
      'github/undici-on-demand'
    ]
    const staticImports = (file: string): string[] =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /^import (?!type\b)(?:[^']*?from )?'(\.{1,2}\/[^']+)\.js'/gm
        )
      ].map(m => resolve(dirname(file), `${m[1]}.ts`))
    const eager = new Set<string>()
    const visit = (file: string): void => {
      if (eager.has(file)) return
      eager.add(file)
      for (const dep of staticImports(file)) visit(dep)
    }
    visit(join(SRC, 'index.ts'))
    const names = [...eager].map(f => relative(SRC, f).replace(/\.ts$/, ''))
    expect(names.filter(name => onDemand.includes(name))).toEqual([])
    expect(names).toContain('wait/poller')
  })
})

describe('what ships', () => {
  it('installs every package src/ imports as one that ships (in the production tree, its license in dist/licenses.txt)', () => {
    // What scripts/licenses.mjs lists: the lock's packages that are neither dev nor optional.
    const lock = JSON.parse(readFileSync(resolve(SRC, '..', 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; optional?: boolean }>
    }
    const ships = (name: string): boolean => {
      const entry = lock.packages[`node_modules/${name}`]
      return entry !== undefined && !entry.dev && !entry.optional
    }
    const imported = new Set<string>()
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      // Values only: a type-only import ships nothing.
      for (const m of text.matchAll(
        /^import (?!type\b)[^']*?from\s*'([^.'][^']*)'|\bimport\(\s*'([^.'][^']*)'\s*\)/gm
      )) {
        const specifier = (m[1] ?? m[2])!
        if (specifier.startsWith('node:')) continue
        const parts = specifier.split('/')
        imported.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!)
      }
    }
    const missing = [...imported].filter(name => !ships(name))
    expect(missing).toEqual([])
    expect([...imported].sort()).toEqual(
      expect.arrayContaining(['@actions/core', '@actions/http-client', 'yaml'])
    )
  })
})
