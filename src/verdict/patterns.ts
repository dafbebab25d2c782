// How a known-issues entry recognises a finding: names compared the way people read them, `*`
// wildcards, and page globs on a URL's path. No regular expression is built from the file, and
// every match is a scan of the text: a pattern of any shape cannot hang the step. Pure.

/**
 * Runs of characters a name is compared without: whitespace, punctuation, symbols (emoji
 * included), invisible format characters and controls. An AI agent words the same bug "Checkout:
 * total is wrong" one day and "Checkout — total is wrong!" the next. Built at first use: V8 checks
 * a literal with Unicode classes as the module loads (millions of instructions in every cold
 * start, known issues or not).
 */
let ignored: RegExp | undefined
const IGNORED = (): RegExp =>
  (ignored ??= new RegExp('[\\p{P}\\p{S}\\p{Z}\\p{Cf}\\p{Cc}\\s]+', 'gu'))

/**
 * A name as it is compared: Unicode compatibility forms folded (full-width `Ｃｈｅｃｋ` is `check`),
 * lower case, without whitespace or punctuation. Applied until nothing changes (at most a few
 * rounds), because removing a character can bring a letter and a combining mark together that
 * compose the next time: the result is always a fixed point, so normalising twice changes nothing.
 */
export function normalizeName(text: string): string {
  let current = text.toWellFormed()
  for (let round = 0; round < 4; round++) {
    const next = current.normalize('NFKC').toLowerCase().normalize('NFKC').replace(IGNORED(), '')
    if (next === current) return next
    current = next
  }
  return current
}

/**
 * A name pattern: its literal pieces between `*`, each normalised. One piece is an exact name.
 * `*` in the file is the only wildcard (no regular expressions).
 */
export interface NamePattern {
  pieces: string[]
}

export function namePattern(text: string): NamePattern {
  return { pieces: text.split('*').map(normalizeName) }
}

/** The pattern as its normalised text, for comparing two entries (`*` kept). */
export const patternKey = (pattern: NamePattern): string => pattern.pieces.join('*')

/** True when the pattern has no letter or digit of its own: it would match every name. */
export const matchesEverything = (pattern: NamePattern): boolean =>
  pattern.pieces.every(piece => piece === '')

/**
 * Whether `pieces` (literal text between `*`) match the whole of `text`. The leftmost place of
 * each piece in turn is the right one for `*`-only patterns, so this is one forward scan with
 * `indexOf`: no backtracking, whatever the pattern.
 */
function wildcardMatch(pieces: readonly string[], text: string): boolean {
  if (pieces.length === 1) return text === pieces[0]
  const first = pieces[0] as string
  const last = pieces[pieces.length - 1] as string
  if (first.length + last.length > text.length) return false
  if (!text.startsWith(first) || !text.endsWith(last)) return false
  const end = text.length - last.length
  let position = first.length
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] as string
    if (piece === '') continue
    const at = text.indexOf(piece, position)
    if (at < 0 || at + piece.length > end) return false
    position = at + piece.length
  }
  return true
}

/** Whether a finding's name (or a run's feature name) matches a name pattern. */
export function nameMatches(pattern: NamePattern, name: string): boolean {
  return normalizedNameMatches(pattern, normalizeName(name))
}

/** As nameMatches, for a name normalised once and compared with many entries. */
export const normalizedNameMatches = (pattern: NamePattern, normalized: string): boolean =>
  wildcardMatch(pattern.pieces, normalized)

/**
 * A page pattern: a path glob, each segment `**` (any number of segments, none included) or text
 * with `*` (any characters within the segment). Segments are compared percent-decoded and
 * case-sensitively, as paths are.
 */
export interface PagePattern {
  segments: string[]
}

/** Why a page pattern is refused, or null. The caller names the file and line. */
export function pagePatternProblem(text: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('//')) {
    return `page ${JSON.stringify(text)} names a host: page is a path glob such as /checkout/*, and the host is ignored (preview hosts change on every pull request)`
  }
  if (/[?#]/.test(text)) {
    return `page ${JSON.stringify(text)} has a query or fragment: page is matched against the URL's path only, such as /checkout/*`
  }
  if (!text.startsWith('/')) {
    return `page ${JSON.stringify(text)} does not start with /: expected a path glob such as /checkout/*`
  }
  return null
}

/** Path segments, decoded where the text is valid percent-encoding; no trailing empty segment. */
function segmentsOf(path: string): string[] {
  const trimmed = path.replace(/\/+$/, '')
  return trimmed
    .split('/')
    .slice(1)
    .map(segment => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment
      }
    })
}

export function pagePattern(text: string): PagePattern {
  return { segments: segmentsOf(text) }
}

/**
 * The pattern's decoded segments, for comparing two entries. As a list, not joined again: `%2F`
 * decodes to a slash inside one segment, and `/docs%2F**` must not compare equal to `/docs/**`.
 */
export const pageKey = (pattern: PagePattern): string => JSON.stringify(pattern.segments)

/**
 * True when the pattern has no literal character, only `*` and `**` segments (`/**`, `/**\/*`,
 * `/*\/**`): alone, it would match every page, or every page but a few.
 */
export const pageMatchesEverything = (pattern: PagePattern): boolean =>
  pattern.segments.length > 0 && pattern.segments.every(s => /^\*+$/.test(s))

/** Whether one path segment matches one segment of the pattern (`*` within it). */
const segmentMatches = (pattern: string, segment: string): boolean =>
  wildcardMatch(pattern.split('*'), segment)

/** Whether `block` matches `segments` starting exactly at `at`. */
function blockAt(block: readonly string[], segments: readonly string[], at: number): boolean {
  if (at + block.length > segments.length) return false
  return block.every((pattern, i) => segmentMatches(pattern, segments[at + i] as string))
}

/**
 * Whether a URL's path (the host, query and fragment ignored) matches a page pattern. `**` splits
 * the pattern into blocks of segments that must appear in order, the first at the start and the
 * last at the end: the same leftmost scan as names, one segment at a time.
 */
export function pageMatches(pattern: PagePattern, url: string): boolean {
  return segmentsMatch(pattern, pageSegments(url))
}

/** A finding's page as path segments, once for many entries; null when it has no readable URL. */
export function pageSegments(url: string): string[] | null {
  const path = pathOf(url)
  return path === null ? null : segmentsOf(path)
}

/** As pageMatches, for a page split once (pageSegments) and compared with many entries. */
export function segmentsMatch(pattern: PagePattern, segments: readonly string[] | null): boolean {
  if (segments === null) return false
  const blocks: string[][] = [[]]
  for (const segment of pattern.segments) {
    if (segment === '**') blocks.push([])
    else (blocks[blocks.length - 1] as string[]).push(segment)
  }
  if (blocks.length === 1) {
    const only = blocks[0] as string[]
    return only.length === segments.length && blockAt(only, segments, 0)
  }
  const first = blocks[0] as string[]
  const last = blocks[blocks.length - 1] as string[]
  if (first.length + last.length > segments.length) return false
  if (!blockAt(first, segments, 0) || !blockAt(last, segments, segments.length - last.length))
    return false
  const end = segments.length - last.length
  let position = first.length
  for (let b = 1; b < blocks.length - 1; b++) {
    const block = blocks[b] as string[]
    if (block.length === 0) continue
    let at = position
    while (at + block.length <= end && !blockAt(block, segments, at)) at++
    if (at + block.length > end) return false
    position = at + block.length
  }
  return true
}

/** The path of a finding's page: from an absolute URL, or a path as given; null when neither. */
function pathOf(url: string): string | null {
  const text = url.trim()
  if (!text) return null
  try {
    return new URL(text, 'http://page.invalid').pathname
  } catch {
    return null
  }
}
