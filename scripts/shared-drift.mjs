// The project keeps copies of the team's shared API descriptions (api/) and GitHub's metadata
// schemas (schemas/), so that any clone can run its tests. This compares them with the team's
// folder beside the clone and fails on any drift. It is a step of .ci/run, which always has that
// folder; it is not a test, so an outside contributor's clone passes `npm test` without it.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { root } from './runner.mjs'

/** Each copy, and where its original is in the shared folder (the .md holds a ```yaml block). */
export const COPIES = [
  { copy: 'api/get-test-run-status.yaml', original: 'api/get-test-run-status.md' },
  { copy: 'api/testerarmy-openapi.json', original: 'api/testerarmy-openapi.json' },
  { copy: 'schemas/github-action.json', original: 'schemas/github-action.json' },
  { copy: 'schemas/github-workflow.json', original: 'schemas/github-workflow.json' }
]

/** The text a copy must hold: the whole original, or the YAML block of a Markdown original. */
export function expectedCopy(original, text) {
  if (!original.endsWith('.md')) return text
  const block = /```yaml\n([\s\S]*?)```/.exec(text)
  if (!block) throw new Error(`${original} has no \`\`\`yaml block`)
  return block[1]
}

/** One line per copy that drifted or whose original is missing; [] when all match. */
export function driftOf(projectDir, sharedDir) {
  const problems = []
  for (const { copy, original } of COPIES) {
    const from = join(sharedDir, original)
    if (!existsSync(from)) {
      problems.push(`${original} is missing from ${sharedDir}`)
      continue
    }
    const expected = expectedCopy(original, readFileSync(from, 'utf8'))
    const actual = existsSync(join(projectDir, copy))
      ? readFileSync(join(projectDir, copy), 'utf8')
      : null
    if (actual !== expected) {
      problems.push(
        `${copy} differs from the shared ${original}: copy it again (see CONTRIBUTING.md)`
      )
    }
  }
  return problems
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const shared = process.argv[2] ?? join(root, '..', 'shared')
  if (!existsSync(shared)) {
    console.error(
      `The team's shared folder is not at ${shared}: pass its path as the first argument.`
    )
    process.exit(1)
  }
  const problems = driftOf(root, shared)
  for (const line of problems) console.error(line)
  if (problems.length > 0) process.exit(1)
  console.log(`api/ and schemas/ match ${shared} (${COPIES.length} files).`)
}
