// The secrets in every spelling a server may echo them in (issue 26): as they are, split by
// whitespace or invisible characters, percent-encoded in either case, in base64 and base64url, also
// inside a longer encoded text such as Basic credentials.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { redact, scrubText } from '../src/redact.js'

const KEY = 'sk_live/e2e/hardening/0123456789/abcdefghijklmnop'
const scrub = (text: string): string => scrubText(text, [KEY])

describe('scrubText', () => {
  it.each([
    ['as it is', KEY],
    ['URL-encoded', encodeURIComponent(KEY)],
    [
      'URL-encoded in lower case',
      encodeURIComponent(KEY).toLowerCase().replace('sk_live', 'sk_live')
    ],
    ['partly URL-encoded', KEY.replace('/', '%2F')],
    ['every character URL-encoded', [...Buffer.from(KEY)].map(b => `%${b.toString(16)}`).join('')],
    ['in base64', Buffer.from(KEY).toString('base64')],
    ['in base64url', Buffer.from(KEY).toString('base64url')],
    ['split by a space', `${KEY.slice(0, 20)} ${KEY.slice(20)}`],
    [
      'split across lines and indented',
      `${KEY.slice(0, 16)}\n    ${KEY.slice(16, 32)}\r\n${KEY.slice(32)}`
    ],
    ['with a zero-width space in it', `${KEY.slice(0, 5)}\u200b${KEY.slice(5)}`]
  ])('scrubs the key %s', (_name, spelled) => {
    expect(scrub(`before ${spelled} after`)).toBe('before *** after')
  })

  it('scrubs the key inside any longer base64 text (Basic credentials), whatever its offset', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (prefix, suffix) => {
        const encoded = Buffer.from(`${prefix}${KEY}${suffix}`).toString('base64')
        const scrubbed = scrub(encoded)
        expect(scrubbed).toContain('***')
        // The key's 49 bytes are at least 64 characters of base64: all but a few are gone.
        expect(scrubbed.length).toBeLessThan(encoded.length - 50)
      }),
      { numRuns: 300 }
    )
  })

  it('leaves text that only shares a piece of the key', () => {
    const text = `sk_live/e2e/hardening and ${KEY.slice(0, -1)}X, c2tfbGl2ZS9l`
    expect(scrub(text)).toBe(text)
  })

  it('scrubs the GitHub token too, through redact', () => {
    const token = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'
    const text = `token ${Buffer.from(`x-access-token:${token}`).toString('base64')}`
    expect(redact(text, { apiKey: KEY, githubToken: token })).toMatch(
      /^token eC1hY2Nlc3MtdG9rZW46\S{0,3}\*\*\*\S{0,4}$/
    )
  })

  it('scrubs a 60 MB text in about the time it takes to scan it a few times', () => {
    const text = `${'All good on every page. '.repeat(2_500_000)}${encodeURIComponent(KEY)}`
    const started = performance.now()
    expect(scrub(text).endsWith('***')).toBe(true)
    // About 0.5 s on an idle machine; generous for a shared one, under coverage.
    expect(performance.now() - started).toBeLessThan(3_000)
  })
})
