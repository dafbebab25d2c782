// The one place where text from the API becomes safe to show. Everything the API returns was
// written by an AI agent about arbitrary web pages: it may hold HTML, Markdown, workflow commands,
// or links to anywhere. Each output context has one function here, and nothing else escapes.

/** Characters that change how text displays without being seen: bidi overrides (Trojan Source). */
const INVISIBLE_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g
// C0 and C1 controls except tab and line feed.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/** Well-formed UTF-16 (lone surrogates become U+FFFD), no control characters, `\n` line ends. */
export function clean(text: string): string {
  return text
    .toWellFormed()
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARS, '')
    .replace(INVISIBLE_CONTROLS, '')
}

/**
 * Shortens to `max` characters (code points), marking the cut so nobody mistakes it for the whole.
 * Counts only as far as it keeps: a 60 MB description cut to 2,000 characters costs 2,000 steps.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  const keep = Math.max(0, max - 1)
  let end = 0
  for (let count = 0; count < max; count++) {
    if (end >= text.length) return text
    if (count === keep) break
    end += isPairAt(text, end) ? 2 : 1
  }
  // `max` code points or more: is there one more after the first `keep`?
  const next = end + (isPairAt(text, end) ? 2 : 1)
  return next >= text.length && max > 0 ? text : `${text.slice(0, end)}…`
}

/** A surrogate pair (one code point in two code units) starts at `at`. */
function isPairAt(text: string, at: number): boolean {
  const high = text.charCodeAt(at)
  const low = text.charCodeAt(at + 1)
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff
}

/**
 * The start of an untrusted text, long enough for `clean()` and then `truncate(…, max)` to keep
 * what they would keep of the whole (cleaning removes control characters and `\r`, so some slack),
 * with `…` after it when more was left out: escaping 60 MB to show 2,000 characters would cost
 * what it drops.
 */
function head(text: string, max: number): string {
  const limit = 4 * max + 16
  return text.length > limit ? `${text.slice(0, limit)}…` : text
}

// Every ASCII character that CommonMark, GFM or GitHub's extensions ($ math, : emoji, @ mentions)
// could act on. A backslash before ASCII punctuation always means the character itself. The HTML
// specials (& < > " ') are not here: they become entities, and an entity must not be backslashed.
const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|~=:@$]/g
const HTML_SPECIALS = /[&<>"']/g
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Where a long unbroken string (a token, a URL) may wrap, so it cannot stretch a table off screen. */
const LONG_RUN = /\S{40,}/g
const BREAK_MARK = '\ue000'

/**
 * Text inside Markdown (a paragraph or a table cell): every special character escaped, `<`/`>`/`&`
 * as entities so no tag or entity can form, line breaks as `<br>` so a table row stays one row.
 * `@` is followed by a zero-width space: GFM turns `name@host.tld` into a `mailto:` link even when
 * escaped, and GitHub notifies `@name` in a comment; the space breaks both and shows as nothing.
 */
export function markdown(text: string, max = 2_000): string {
  // Leading spaces would turn a line into an indented code block, showing the escapes literally.
  return truncate(
    clean(head(text, max))
      .replaceAll(BREAK_MARK, '')
      .replace(/^[ \t]+/gm, ''),
    max
  )
    .replace(LONG_RUN, run => run.replace(/(.{30})/gu, `$1${BREAK_MARK}`))
    .replace(MARKDOWN_SPECIALS, '\\$&')
    .replace(HTML_SPECIALS, c => HTML_ENTITIES[c] as string)
    .replace(/\n/g, '<br>')
    .replaceAll('\\@', '\\@&#8203;')
    .replaceAll(BREAK_MARK, '<wbr>')
}

/**
 * Text inside HTML (a `<summary>`, an attribute): Markdown is not parsed there, so entities only.
 * Line breaks become spaces: a blank line would end the HTML block and let Markdown back in.
 */
export function html(text: string, max = 2_000): string {
  return truncate(clean(head(text, max)), max)
    .replace(/\s+/g, ' ')
    .replace(HTML_SPECIALS, c => HTML_ENTITIES[c] as string)
}

/**
 * Inside a line, only these can start Markdown: emphasis, code, links and images, autolinks (the
 * `:` of a scheme, the `@` of an address), strikethrough, math, table pipes. (`-`, `.`, `#`, `+`,
 * `=` matter only at the start of a line, where a code value never is.)
 */
const INLINE_SPECIALS = /[\\`*_{}[\]()!|~:@$]/g

/**
 * A code-like value (an error code, an app ID) as `<code>`: Markdown code spans would show escapes
 * literally and end at a backtick. GFM still parses Markdown inside an HTML `<code>` (links,
 * images, autolinks, emphasis), so every character that could start it there is escaped (a
 * backslash escape shows as the character itself), on one line; `www.` is broken up so it cannot
 * become a link.
 */
export function code(text: string, max = 200): string {
  const line = truncate(clean(head(text, max)).replace(/\s+/g, ' ').trim(), max)
  const escaped = line
    .replace(INLINE_SPECIALS, '\\$&')
    .replace(/(www)\./gi, '$1\\.')
    .replace(HTML_SPECIALS, c => HTML_ENTITIES[c] as string)
    .replaceAll('\\@', '\\@&#8203;')
  return `<code>${escaped}</code>`
}

/**
 * The URL, normalised, if it is an absolute http(s) URL; null for anything else (`javascript:`,
 * `data:`, relative paths), which is then shown as text, never as a link or image.
 */
export function httpUrl(text: string): string | null {
  const trimmed = clean(text).trim()
  if (!/^https?:\/\//i.test(trimmed)) return null
  try {
    const url = new URL(trimmed)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    // The WHATWG serialisation percent-encodes spaces, quotes and angle brackets; encode what is
    // left that could end a Markdown link destination or an HTML attribute, or split a table cell
    // (GFM splits rows on `|` before it reads links).
    return url.href.replace(
      /[()'"<>|\s]/g,
      c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
    )
  } catch {
    return null
  }
}

/**
 * One line for the job log. The runner reads any line starting with `::` as a command, so text from
 * the API must never start a line: line breaks become spaces and the caller puts its own words first.
 */
export function logText(text: string, max = 500): string {
  return truncate(clean(head(text, max)).replace(/\s+/g, ' ').trim(), max)
}

/**
 * What XML 1.0 cannot hold at all, even as a character reference, beyond what `clean()` already
 * removes: the noncharacters U+FFFE and U+FFFF. (Lone surrogates become U+FFFD in `clean()`.)
 */
const NOT_XML = /[\ufffe\uffff]/g
const XML_SPECIALS = /[&<>]/g
const XML_ATTRIBUTE_SPECIALS = /[&<>"'\t\n]/g
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;'
}

/**
 * Text inside an XML element (the JUnit file): well-formed XML 1.0 whatever the agent wrote.
 * Control characters go (XML 1.0 forbids most of them, even escaped), lone surrogates become
 * U+FFFD, `\r` becomes `\n`; `&`, `<` and `>` become entities, so `]]>` and markup are plain text.
 */
export function xmlText(text: string): string {
  return clean(text)
    .replace(NOT_XML, '\ufffd')
    .replace(XML_SPECIALS, c => XML_ENTITIES[c] as string)
}

/**
 * An XML attribute's value (between double quotes): as `xmlText`, and quotes, tabs and line
 * breaks as references, which a parser would otherwise turn into spaces.
 */
export function xmlAttribute(text: string): string {
  return clean(text)
    .replace(NOT_XML, '\ufffd')
    .replace(XML_ATTRIBUTE_SPECIALS, c => XML_ENTITIES[c] as string)
}
