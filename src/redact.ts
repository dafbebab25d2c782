// Keeps the secrets (the API key, the GitHub token) out of everything the action writes: every
// string the API sends, once parsed and before any escaping can change how the key is spelled.
// Pure.

/** What a secret becomes. */
const REDACTED = '***'

/**
 * Characters that `clean()` and `markdown()` delete, or that show as nothing: the key with these
 * between its characters would read as the key once escaped or rendered.
 */
const IGNORABLE =
  '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ue000\\ufeff]'
const HAS_IGNORABLE = new RegExp(IGNORABLE)

const patterns = new Map<string, { any: RegExp; all: RegExp }>()

/** The secret, with any ignorable characters between its characters (`all` is the global one). */
function patternFor(secret: string): { any: RegExp; all: RegExp } {
  let pattern = patterns.get(secret)
  if (!pattern) {
    const chars = Array.from(secret, c => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))
    const source = chars.join(`${IGNORABLE}*`)
    pattern = { any: new RegExp(source), all: new RegExp(source, 'g') }
    patterns.set(secret, pattern)
  }
  return pattern
}

/** The text with every occurrence of each secret replaced by `***`. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) {
    if (!secret) continue
    const replace = (s: string): string =>
      HAS_IGNORABLE.test(s)
        ? s.replace(patternFor(secret).all, REDACTED)
        : s.split(secret).join(REDACTED)
    const found = (s: string): boolean =>
      s.includes(secret) || (HAS_IGNORABLE.test(s) && patternFor(secret).any.test(s))
    // Once more until none is left: removing one occurrence can join two halves into another.
    // A secret no longer than `***` could loop forever; it is replaced once.
    if (!found(out)) continue
    out = replace(out)
    while (secret.length > REDACTED.length && found(out)) out = replace(out)
  }
  return out
}

/**
 * Scrubs every string of parsed JSON, property names included, in place, and returns the value
 * (a new string when the value itself is one). Walks with its own stack, so a body nested
 * thousands of levels deep cannot overflow the call stack.
 */
export function scrubJson<T>(value: T, secrets: readonly string[]): T {
  const active = secrets.filter(Boolean)
  if (active.length === 0) return value
  if (typeof value === 'string') return scrubText(value, active) as T
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const node = stack.pop()
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i]
        if (typeof item === 'string') node[i] = scrubText(item, active)
        else if (typeof item === 'object' && item !== null) stack.push(item)
      }
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>
      for (const key of Object.keys(record)) {
        const item = record[key]
        const name = scrubText(key, active)
        if (name !== key) {
          delete record[key]
          record[name] = item
        }
        if (typeof item === 'string') record[name] = scrubText(item, active)
        else if (typeof item === 'object' && item !== null) stack.push(item)
      }
    }
  }
  return value
}

/** The secrets the action holds, which nothing it writes may carry. */
interface Secrets {
  apiKey: string
  githubToken: string
}

/**
 * The API key and GitHub token never leave this process: scrubbed from anything written, in case
 * some text echoed them (the client already scrubs API bodies; this is the last line).
 */
export function redact(text: string, secrets: Secrets): string {
  return scrubText(text, [secrets.apiKey, secrets.githubToken])
}
