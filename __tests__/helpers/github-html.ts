// Markdown as GitHub renders it: cmark-gfm (GitHub's own GFM parser) with raw HTML allowed, which
// is what GitHub's parser hands to its sanitizer; and what "inert" means for the HTML it gives.
import { expect } from '@jest/globals'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const cmark = require('cmark-gfm') as {
  renderHtmlSync(markdown: string, options: object): string
}

export function githubHtml(markdown: string): string {
  return cmark.renderHtmlSync(markdown, {
    unsafe: true,
    extensions: {
      table: true,
      strikethrough: true,
      autolink: true,
      tagfilter: true,
      tasklist: true
    }
  })
}

/** No active element, no link but http(s), balanced collapsed blocks, only the tags we write. */
export function expectInert(html: string): void {
  // No element that runs or restyles anything: every `<` of the API's text must arrive as text.
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toMatch(/<style/i)
  expect(html).not.toMatch(/<iframe/i)
  // No event handler on any tag.
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    // Quoted attribute values are text (escaped), not attributes: judge only the tag's own words.
    expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i)
  }
  // Every link and image goes to http(s), nowhere else.
  for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]*)"/g))
    expect(url).toMatch(/^https?:\/\//)
  // `<details>` blocks open and close in pairs, never closing one that was not opened.
  let depth = 0
  for (const [tag] of html.matchAll(/<\/?details>/g)) {
    depth += tag.startsWith('</') ? -1 : 1
    expect(depth).toBeGreaterThanOrEqual(0)
  }
  expect(depth).toBe(0)
  // Only the tags the summary itself writes, plus cmark's own Markdown output.
  const allowed = new Set([
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'wbr',
    'strong',
    'em',
    'code',
    'sub',
    'a',
    'img',
    'details',
    'summary',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'ol',
    'ul',
    'li',
    'blockquote'
  ])
  for (const [, name] of html.matchAll(/<\/?([a-z0-9]+)/gi))
    expect(allowed).toContain(name!.toLowerCase())
}
