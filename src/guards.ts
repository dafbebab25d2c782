// The small checks every decoder of untrusted JSON and every parser of URLs, IDs and paths shares:
// one definition each, so "a plain object", "a string", "an http(s) URL" and "inside the
// workspace" mean the same everywhere.
import { isAbsolute, relative, sep } from 'node:path'

export type JsonObject = Record<string, unknown>

/** An object that is neither null nor an array: what a JSON field holding `{...}` must be. */
export const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The value if it is a string, else '': a missing or mistyped field reads as empty text. */
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '')

/** An absolute http or https URL, as written (no surrounding spaces, nothing to normalise). */
export function isHttpUrl(value: string): boolean {
  if (value !== value.trim()) return false
  try {
    const { protocol } = new URL(value)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/** Loopback hosts may use plain http: local mocks and tests never leave the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** Run, test, group, app and environment IDs: the one UUID check of the action. */
export const isUuid = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

/**
 * Run IDs as the action keeps them: lower-cased (the API's UUIDs are case-insensitive) and each
 * once, in the order first given, so a run is never polled, reported or cancelled twice.
 */
export function uniqueRunIds(ids: Iterable<string>): string[] {
  return [...new Set([...ids].map(id => id.toLowerCase()))]
}

/**
 * `path` relative to `dir` when it lies strictly inside it (`a/b.yml`), else null: the folder
 * itself, a parent, or anywhere else (`..` or another drive).
 */
export function pathInside(dir: string, path: string): string | null {
  const inside = relative(dir, path)
  // `..` as a whole first segment leaves the folder; a name that starts with two dots does not.
  const leaves = inside === '..' || inside.startsWith(`..${sep}`)
  return inside === '' || leaves || isAbsolute(inside) ? null : inside
}
