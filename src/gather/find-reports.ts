// Which files the `reports` patterns match, with `@actions/glob` (the semantics of the toolkit's
// other actions: one pattern a line, `!` to exclude, `**` across folders), and the name a leg gets
// when its report does not say (the artifact's folder, else the file).
import { create } from '@actions/glob'
import { basename, dirname, extname } from 'node:path'

export interface FoundReport {
  /** Absolute path. */
  path: string
  /** The leg's name when its report has none: the folder download-artifact made for it, else the file's name. */
  fallbackLeg: string
}

/**
 * Every regular file the patterns match, sorted (the glob's order is not guaranteed, and a
 * reader compares two runs' summaries line by line). Relative patterns are rooted at the
 * working directory, which is the workspace on a runner.
 */
export async function findReports(patterns: string): Promise<FoundReport[]> {
  const globber = await create(patterns, {
    matchDirectories: false,
    // A folder named by a pattern means every file under it, as `path:` does for the artifact actions.
    implicitDescendants: true
  })
  const roots = new Set(globber.getSearchPaths())
  const paths = (await globber.glob()).sort()
  return paths.map(path => ({ path, fallbackLeg: fallbackLegOf(path, roots) }))
}

/**
 * download-artifact with a `pattern` puts each artifact in a folder named after it: that folder's
 * name is the leg. A file straight in a searched folder (one artifact downloaded by name, or
 * `merge-multiple`) has no such folder: its own name, without `.json`, is the leg.
 */
export function fallbackLegOf(path: string, roots: ReadonlySet<string>): string {
  const folder = dirname(path)
  if (roots.has(folder) || dirname(folder) === folder) {
    const name = basename(path)
    return extname(name).toLowerCase() === '.json' ? name.slice(0, -'.json'.length) : name
  }
  return basename(folder)
}
