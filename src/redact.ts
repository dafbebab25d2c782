// Keeps the secrets (the API key, the GitHub token) out of everything the action writes: every
// string the API sends, once parsed and before any escaping can change how the key is spelled, in
// the spellings a server may echo it in (escaped, split, percent-encoded, base64). Pure.

/** What a secret becomes. */
const REDACTED = '***'

/**
 * What may stand between a secret's characters and still read as the secret: characters that
 * `clean()` and `markdown()` delete or that show as nothing, and whitespace (a server that wraps
 * or splits the key it echoes).
 */
const BETWEEN =
  '[\\s\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ue000\\ufeff]*'

/**
 * A secret in every spelling a server or proxy may echo it in: `literals` (the secret, and its
 * base64 and base64url forms, also where it sits inside a longer encoded text such as Basic
 * credentials), and `loose` (each character as itself or percent-encoded in either case, with
 * `BETWEEN` between them; `all` is the global one).
 */
interface Spellings {
  literals: string[]
  loose: { any: RegExp; all: RegExp }
}

const spellings = new Map<string, Spellings>()

/** Fewer bytes of a secret than this are not searched for in base64: too likely by chance. */
const MIN_ENCODED_BYTES = 9

function spellingsOf(secret: string): Spellings {
  let found = spellings.get(secret)
  if (found) return found
  const bytes = Buffer.from(secret, 'utf8')
  // The whole secret encoded alone first (padding and its last, partial group included).
  const alone = bytes.toString('base64')
  const literals = new Set([secret, alone, alone.replace(/=+$/, ''), bytes.toString('base64url')])
  // Inside a longer base64 text the secret starts at any byte of a 3-byte group: from its first,
  // second or third byte on, whole groups encode the same characters wherever it sits.
  for (const shift of [0, 1, 2]) {
    const rest = bytes.subarray(shift)
    const whole = rest.subarray(0, rest.length - (rest.length % 3))
    if (whole.length < MIN_ENCODED_BYTES) continue
    const base64 = whole.toString('base64')
    literals.add(base64)
    literals.add(base64.replaceAll('+', '-').replaceAll('/', '_'))
  }
  const chars = Array.from(secret, char => {
    const escaped = char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
    const encoded = [...Buffer.from(char, 'utf8')]
      .map(byte => {
        const hex = byte.toString(16).toUpperCase().padStart(2, '0')
        return `%${[...hex].map(h => (/[A-F]/.test(h) ? `[${h}${h.toLowerCase()}]` : h)).join('')}`
      })
      .join('')
    return `(?:${escaped}|${encoded})`
  })
  const source = chars.join(BETWEEN)
  found = {
    // The longest first: a shorter spelling inside a longer one would leave the longer one's ends.
    literals: [...literals].sort((a, b) => b.length - a.length),
    loose: { any: new RegExp(source), all: new RegExp(source, 'g') }
  }
  spellings.set(secret, found)
  return found
}

/** The text with every occurrence of each secret, in any of its spellings, replaced by `***`. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) {
    if (!secret) continue
    const { literals, loose } = spellingsOf(secret)
    const found = (s: string): boolean => literals.some(l => s.includes(l)) || loose.any.test(s)
    const replace = (s: string): string => {
      let next = s
      for (const literal of literals) {
        if (next.includes(literal)) next = next.split(literal).join(REDACTED)
      }
      return loose.any.test(next) ? next.replace(loose.all, REDACTED) : next
    }
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
