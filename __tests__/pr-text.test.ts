// The pull request's texts within the API's limits: what a reviewer would notice the agent read.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { PrTextLimits, prBranch, prDescription, prTitle } from '../src/start/pr-text.js'

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

describe('prTitle', () => {
  it('is trimmed and one line', () => {
    expect(prTitle('  Fix the\r\ncheckout  ', 7)).toBe('Fix the checkout')
  })
  it('names the pull request when empty', () => {
    expect(prTitle('   ', 42)).toBe('Pull request #42')
    expect(prTitle(null, 3)).toBe('Pull request #3')
  })
  it('is cut to 500 units with an ellipsis, never inside an emoji', () => {
    const title = `${'a'.repeat(498)}😀😀😀`
    const cut = prTitle(title, 1)
    expect(cut.length).toBeLessThanOrEqual(PrTextLimits.titleMaxChars)
    expect(cut.endsWith('…')).toBe(true)
    expect(cut).not.toMatch(LONE_SURROGATE)
  })
})

describe('prDescription', () => {
  it('drops HTML comments (templates), closed or not, and makes line ends LF', () => {
    const body =
      '<!-- Describe your change -->\r\nAdds coupons.\r\n\r\n<!-- checklist -->\r\n\r\n\r\nTest the cart.\r\n<!-- unclosed'
    expect(prDescription(body)).toBe('Adds coupons.\n\nTest the cart.')
  })
  it('is left out when nothing is left', () => {
    expect(prDescription('<!-- only a template -->')).toBeUndefined()
    expect(prDescription(null)).toBeUndefined()
  })
  it('keeps a description within the limit as it is', () => {
    const body = 'x'.repeat(PrTextLimits.descriptionMaxChars)
    expect(prDescription(body)).toBe(body)
  })
  it('keeps head and tail of a 9,000-character body, says how much is left out, cuts at line ends', () => {
    const line = (n: number) => `line ${String(n).padStart(4, '0')} ${'·'.repeat(60)}`
    const lines = Array.from({ length: 130 }, (_, i) => line(i))
    const body = `${lines.join('\n')}\nAGENT: please test the coupon field`
    expect(body.length).toBeGreaterThan(8_000)
    const out = prDescription(body)!
    expect(out.length).toBeLessThanOrEqual(5_000)
    expect(out.startsWith(line(0))).toBe(true)
    expect(out.endsWith('AGENT: please test the coupon field')).toBe(true)
    const [head, gap, tail] = out.split(
      /\n\n(\[… [\d,]+ characters of the description left out …\])\n\n/
    )
    expect(gap).toBeDefined()
    // Whole lines on both sides of the gap.
    expect(head!.split('\n').every(l => l.length === line(0).length)).toBe(true)
    expect(
      tail!
        .split('\n')
        .slice(0, -1)
        .every(l => l.length === line(0).length)
    ).toBe(true)
    const omitted = Number(/\[… ([\d,]+)/.exec(gap!)![1]!.replace(/,/g, ''))
    expect(head!.length + tail!.length + omitted).toBe(body.length)
  })
  it('never cuts an emoji in half, on either side of the gap', () => {
    for (let shift = 0; shift < 4; shift++) {
      const body = 'a'.repeat(shift) + '😀'.repeat(4_500)
      const out = prDescription(body)!
      expect(out.length).toBeLessThanOrEqual(5_000)
      expect(out).not.toMatch(LONE_SURROGATE)
    }
  })
  it('cuts to 2,000 for the retry after a 413', () => {
    const out = prDescription('y'.repeat(9_000), PrTextLimits.descriptionRetryMaxChars)!
    expect(out.length).toBeLessThanOrEqual(2_000)
    expect(out).toMatch(/left out/)
  })
  it('property: any text comes out within the limit, well-formed, with its head and tail kept', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 12_000 }),
          fc.string({ unit: 'grapheme', minLength: 4_000, maxLength: 9_000 }),
          fc.array(fc.string({ maxLength: 120 }), { maxLength: 200 }).map(l => l.join('\r\n'))
        ),
        fc.constantFrom(5_000, 2_000),
        (body, max) => {
          const out = prDescription(body, max)
          if (out === undefined) return
          expect(out.length).toBeLessThanOrEqual(max)
          expect(out).not.toMatch(LONE_SURROGATE)
          const clean = prDescription(body, Number.MAX_SAFE_INTEGER)!
          if (clean.length <= max) {
            expect(out).toBe(clean)
          } else {
            // The first and last characters of the text survive (the head and the tail).
            expect(out.slice(0, 1)).toBe(clean.slice(0, 1))
            expect(out.slice(-1)).toBe(clean.slice(-1))
            expect(out).toMatch(/characters of the description left out/)
          }
        }
      ),
      { numRuns: 200 }
    )
  })
})

describe('prBranch', () => {
  it('is left out when empty or longer than 255', () => {
    expect(prBranch('feature/x')).toBe('feature/x')
    expect(prBranch('')).toBeUndefined()
    expect(prBranch('b'.repeat(256))).toBeUndefined()
    expect(prBranch('b'.repeat(255))).toHaveLength(255)
  })
})
