// Types for release.mjs.
export function nextVersion(current: string, wanted: string): string
export function releaseChangelog(
  text: string,
  options: { version: string; previous: string; date: string }
): string
export function release(options: {
  cwd: string
  wanted: string
  remote?: string
  push?: boolean
  log?: (line: string) => void
  /** Rebuilds dist/ in `cwd` (default: `npm run build`). */
  build?: (cwd: string) => void
}): { version: string; tag: string; major: string }
