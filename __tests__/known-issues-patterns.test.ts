// How a known-issues entry recognises a finding: names as people read them, `*` wildcards, page
// globs on the path; and the properties the team relies on: an exact entry never waives a name
// changed by one word, normalising twice changes nothing, and no pattern can hang the step.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  matchesEverything,
  nameMatches,
  namePattern,
  normalizeName,
  pageMatches,
  pagePattern,
  pagePatternProblem
} from '../src/verdict/patterns.js'

const name = (pattern: string, text: string): boolean => nameMatches(namePattern(pattern), text)
const page = (pattern: string, url: string): boolean => pageMatches(pagePattern(pattern), url)

describe('names', () => {
  it.each([
    ['Order summary overlaps the footer', 'order summary overlaps the footer'],
    ['Order summary overlaps the footer', 'Order  summary\noverlaps the footer!'],
    ['Order summary overlaps the footer', 'Order summary — overlaps: the footer.'],
    ['Checkout total is wrong', 'Ｃｈｅｃｋｏｕｔ total is wrong'],
    ['Log-in button hidden', 'Login button hidden'],
    ['Discount code applied*', 'Discount code applied twice on reload'],
    ['*overlaps the footer', 'Cart summary overlaps the footer'],
    ['Cart * footer', 'Cart summary overlaps the footer'],
    ['Cart*', 'Cart']
  ])('%j matches %j', (pattern, text) => {
    expect(name(pattern, text)).toBe(true)
  })

  it.each([
    ['Order summary overlaps the footer', 'Order summary overlaps the header'],
    ['Order summary overlaps the footer', 'Order summary overlaps the footer on iPad'],
    ['Discount code applied*', 'A discount code applied twice'],
    ['*overlaps the footer', 'Cart summary overlaps the footer badly'],
    ['Cart * footer * total', 'Cart footer'],
    ['abc*abc', 'abc']
  ])('%j does not match %j', (pattern, text) => {
    expect(name(pattern, text)).toBe(false)
  })

  it('treats regular-expression syntax as text, not as a pattern', () => {
    expect(name('Price (.?) wrong', 'Price x wrong')).toBe(false)
    expect(name('Price (.+) wrong', 'Price xx wrong')).toBe(false)
    expect(name('a.b', 'axb')).toBe(false)
    expect(name('[a-z]+', 'abc')).toBe(false)
  })

  it('knows a pattern that would match every name', () => {
    expect(matchesEverything(namePattern('*'))).toBe(true)
    expect(matchesEverything(namePattern(' * -- *'))).toBe(true)
    expect(matchesEverything(namePattern('a*'))).toBe(false)
  })
})

describe('pages', () => {
  it.each([
    ['/checkout/*', 'https://pr-42.preview.example.com/checkout/payment'],
    ['/checkout/*', 'https://shop.example.com/checkout/payment?step=2#top'],
    ['/checkout/*', 'https://shop.example.com/checkout/payment/'],
    ['/checkout/**', 'https://a.test/checkout'],
    ['/checkout/**', 'https://a.test/checkout/a/b/c'],
    ['/**/settings', 'https://a.test/team/7/settings'],
    ['/products/*/reviews', 'https://a.test/products/42/reviews'],
    ['/p/item-*', 'https://a.test/p/item-9'],
    ['/café/*', 'https://a.test/caf%C3%A9/menu'],
    ['/', 'https://a.test'],
    ['/account', '/account']
  ])('%j matches %j', (pattern, url) => {
    expect(page(pattern, url)).toBe(true)
  })

  it.each([
    ['/checkout/*', 'https://a.test/checkout'],
    ['/checkout/*', 'https://a.test/checkout/a/b'],
    ['/checkout', 'https://a.test/Checkout'],
    ['/**/settings', 'https://a.test/settings/extra'],
    ['/a/**/b/**/c', 'https://a.test/a/c/b'],
    ['/checkout/*', ''],
    ['/checkout/*', 'not a url at all ::']
  ])('%j does not match %j', (pattern, url) => {
    expect(page(pattern, url)).toBe(false)
  })

  it('refuses a host, a query or a path without a leading slash, saying what is expected', () => {
    expect(pagePatternProblem('https://shop.example.com/checkout')).toMatch(/names a host/)
    expect(pagePatternProblem('/checkout?step=2')).toMatch(/query or fragment/)
    expect(pagePatternProblem('checkout/*')).toMatch(/does not start with \//)
    expect(pagePatternProblem('/checkout/*')).toBeNull()
  })
})

/** A word with at least one letter or digit, so that changing it changes the name. */
const word = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/)
const words = fc.array(word, { minLength: 1, maxLength: 12 })

describe('properties', () => {
  it('never waives a name changed by one word with an exact entry', () => {
    fc.assert(
      fc.property(words, fc.nat(), word, (list, at, replacement) => {
        const index = at % list.length
        fc.pre(normalizeName(replacement) !== normalizeName(list[index] as string))
        const changed = [...list]
        changed[index] = replacement
        expect(name(list.join(' '), changed.join(' '))).toBe(false)
        expect(name(list.join(' '), list.join(' '))).toBe(true)
      }),
      { numRuns: 2_000 }
    )
  })

  it('normalises to a fixed point: normalising twice changes nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        text => {
          const once = normalizeName(text)
          expect(normalizeName(once)).toBe(once)
        }
      ),
      { numRuns: 5_000 }
    )
  })

  it('finishes with * patterns of any shape over 10,000-character names', () => {
    const long = fc.string({
      minLength: 10_000,
      maxLength: 10_000,
      unit: fc.constantFrom('a', 'b', ' ')
    })
    const pattern = fc
      .array(fc.oneof(fc.constant('*'), fc.stringMatching(/^[ab]{0,30}$/)), { maxLength: 60 })
      .map(parts => parts.join(''))
    fc.assert(
      fc.property(pattern, long, (p, text) => {
        expect(typeof name(p, text)).toBe('boolean')
      }),
      { numRuns: 200 }
    )
    // The shape that makes a backtracking matcher take exponential time.
    expect(name(`${'a*'.repeat(30)}b`, 'a'.repeat(10_000))).toBe(false)
    const paths = `https://a.test/${'x/'.repeat(5_000)}y`
    expect(page(`/${'**/x/'.repeat(30)}z`, paths)).toBe(false)
  })

  it('matches a * pattern exactly when a reference matcher does', () => {
    // A plain recursive matcher, slow but obviously right, on short inputs.
    const reference = (pieces: string[], text: string): boolean => {
      const rec = (p: number, t: number): boolean => {
        if (p === pieces.length) return t === text.length
        const piece = pieces[p] as string
        if (p === 0) return text.startsWith(piece) && rec(1, piece.length)
        for (let at = t; at <= text.length; at++) {
          if (text.startsWith(piece, at) && rec(p + 1, at + piece.length)) {
            if (p === pieces.length - 1 && at + piece.length !== text.length) continue
            return true
          }
        }
        return false
      }
      return pieces.length === 1 ? text === pieces[0] : rec(0, 0)
    }
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[ab]{0,3}$/), { minLength: 1, maxLength: 5 }),
        fc.stringMatching(/^[ab]{0,10}$/),
        (pieces, text) => {
          expect(name(pieces.join('*'), text)).toBe(reference(pieces, text))
        }
      ),
      { numRuns: 3_000 }
    )
  })
})
