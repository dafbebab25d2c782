// The drift check of .ci/run: the project's copies of the shared API descriptions and schemas must
// be exactly the team's, and a drifted or missing one must fail the step with a line naming it.
import { describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { COPIES, driftOf, expectedCopy } from '../scripts/shared-drift.mjs'

const root = resolve(import.meta.dirname, '..')

/** A shared folder made from the project's own copies, so it matches until a test changes it. */
function sharedLikeOurs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shared-'))
  mkdirSync(join(dir, 'api'))
  mkdirSync(join(dir, 'schemas'))
  for (const { copy, original } of COPIES) {
    if (original.endsWith('.md')) {
      const yaml = readFileSync(join(root, copy), 'utf8')
      writeFileSync(join(dir, original), `# The endpoint\n\n\`\`\`yaml\n${yaml}\`\`\`\n`)
    } else cpSync(join(root, copy), join(dir, original))
  }
  return dir
}

describe('shared-drift', () => {
  it('finds nothing when every copy matches its original', () => {
    const dir = sharedLikeOurs()
    try {
      expect(driftOf(root, dir)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true })
    }
  })

  it('names the copy that drifted and the original it should match', () => {
    const dir = sharedLikeOurs()
    try {
      writeFileSync(join(dir, 'api', 'testerarmy-openapi.json'), '{"openapi":"3.0.0"}')
      expect(driftOf(root, dir)).toEqual([
        'api/testerarmy-openapi.json differs from the shared api/testerarmy-openapi.json: copy it again (see CONTRIBUTING.md)'
      ])
    } finally {
      rmSync(dir, { recursive: true })
    }
  })

  it('says when an original is missing from the shared folder', () => {
    const dir = sharedLikeOurs()
    try {
      rmSync(join(dir, 'schemas', 'github-action.json'))
      expect(driftOf(root, dir)).toEqual([`schemas/github-action.json is missing from ${dir}`])
    } finally {
      rmSync(dir, { recursive: true })
    }
  })

  it('compares the endpoint description with the yaml block of its Markdown original', () => {
    expect(expectedCopy('a.md', 'text\n```yaml\nopenapi: 3.1.0\n```\nmore')).toBe(
      'openapi: 3.1.0\n'
    )
    expect(() => expectedCopy('a.md', 'no block')).toThrow('a.md has no ```yaml block')
  })
})
