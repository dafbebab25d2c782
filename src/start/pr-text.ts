// The pull request's title, description and branches, brought within what the exploration
// agent's start request accepts (`DynamicPrRunRequest.pullRequest`), keeping what matters most.

/** API limits of `pullRequest` (UTF-16 code units, as the API's validator counts them). */
export const PrTextLimits = {
  titleMaxChars: 500,
  descriptionMaxChars: 5_000,
  /** After a 413 (or a 400 about the description) the start is tried once more with this much. */
  descriptionRetryMaxChars: 2_000,
  /** Longer branch names are refused by the API; they are left out rather than cut (a cut name is wrong). */
  branchMaxChars: 255,
  /** A cut moves to a line end when one is this close, so no line is sent half. */
  lineEndReach: 200
} as const

/** Lone surrogates become U+FFFD: JSON cannot carry them and the API's validator refuses them. */
function wellFormed(text: string): string {
  return text.toWellFormed()
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** `text.slice(0, end)`, moved back one unit if `end` falls inside a surrogate pair. */
function headOf(text: string, end: number): string {
  const at = end > 0 && end < text.length && isHigh(text.charCodeAt(end - 1)) ? end - 1 : end
  return text.slice(0, at)
}

/** `text.slice(start)`, moved on one unit if `start` falls inside a surrogate pair. */
function tailOf(text: string, start: number): string {
  const at = start > 0 && start < text.length && isLow(text.charCodeAt(start)) ? start + 1 : start
  return text.slice(at)
}

/** The title trimmed to one line, `Pull request #N` when empty, at most 500 units. */
export function prTitle(title: string | null | undefined, number: number): string {
  const text = wellFormed((title ?? '').replace(/\s+/g, ' ').trim())
  if (text === '') return `Pull request #${number}`
  if (text.length <= PrTextLimits.titleMaxChars) return text
  return `${headOf(text, PrTextLimits.titleMaxChars - 1).trimEnd()}…`
}

/**
 * The description as the agent should read it: without HTML comments (pull-request templates fill
 * descriptions with them, and GitHub does not show them), with `\n` line ends, and within `max`
 * units. When too long, its head and its tail are kept (authors often end with instructions for
 * the agent), joined by a line saying how much was left out. Empty: undefined (the field is left out).
 */
export function prDescription(
  body: string | null | undefined,
  max: number = PrTextLimits.descriptionMaxChars
): string | undefined {
  const text = wellFormed(
    (body ?? '')
      // An unclosed comment hides everything after it on GitHub, so it is removed to the end.
      .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
      .replace(/\r\n?/g, '\n')
      // Removed comments leave runs of blank lines behind.
      .replace(/\n[ \t]*(?:\n[ \t]*){2,}/g, '\n\n')
  ).trim()
  if (text === '') return undefined
  if (text.length <= max) return text
  return keepHeadAndTail(text, max)
}

/** The marker between head and tail; its length depends on the number, so it is built first. */
const gapLine = (omitted: number): string =>
  `\n\n[… ${omitted.toLocaleString('en-US')} characters of the description left out …]\n\n`

function keepHeadAndTail(text: string, max: number): string {
  // The marker's own length depends on how much is left out; the text's length bounds it.
  const room = Math.max(0, max - gapLine(text.length).length)
  const reach = Math.min(PrTextLimits.lineEndReach, Math.floor(room / 4))
  let headEnd = Math.ceil(room / 2)
  let tailStart = text.length - (room - headEnd)
  // Cut at a line end when one is near: the head ends before a newline, the tail starts after one.
  const newlineBefore = text.lastIndexOf('\n', headEnd)
  if (newlineBefore > 0 && headEnd - newlineBefore <= reach) headEnd = newlineBefore
  const newlineAfter = text.indexOf('\n', tailStart)
  if (newlineAfter !== -1 && newlineAfter + 1 - tailStart <= reach) tailStart = newlineAfter + 1
  const head = headOf(text, headEnd).trimEnd()
  const tail = tailOf(text, tailStart).trimStart()
  const omitted = text.length - head.length - tail.length
  return `${head}${gapLine(omitted)}${tail}`
}

/** A branch name as sent: left out when empty or longer than the API takes. */
export function prBranch(name: string | null | undefined): string | undefined {
  const text = (name ?? '').trim()
  if (text === '' || text.length > PrTextLimits.branchMaxChars) return undefined
  return wellFormed(text)
}
