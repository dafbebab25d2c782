import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { clean, code, html, httpUrl, logText, markdown, truncate } from '../src/escape.js'

describe('markdown', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['</details>', '&lt;/details&gt;'],
    ['a | b', 'a \\| b'],
    ['`code`', '\\`code\\`'],
    ['**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_'],
    ['[x](javascript:alert(1))', '\\[x\\]\\(javascript\\:alert\\(1\\)\\)'],
    ['![img](data:image/png;base64,AAA)', '\\!\\[img\\]\\(data\\:image/png;base64,AAA\\)'],
    ['# heading', '\\# heading'],
    ['line one\nline two', 'line one<br>line two'],
    ['&amp; stays literal', '&amp;amp; stays literal'],
    ['$x^2$ math', '\\$x^2\\$ math'],
    ['ping @octocat', 'ping \\@&#8203;octocat'],
    ['evil@example.com', 'evil\\@&#8203;example\\.com']
  ])('escapes %j', (input, expected) => expect(markdown(input)).toBe(expected))

  it('keeps a table row on one line whatever the text holds', () => {
    expect(markdown('a\r\nb\rc\n\nd')).toBe('a<br>b<br>c<br><br>d')
  })

  it('lets a long unbroken string wrap', () => {
    const text = markdown('a'.repeat(100))
    expect(text.replaceAll('<wbr>', '')).toBe('a'.repeat(100))
    expect(text.split('<wbr>').map(part => part.length)).toEqual([30, 30, 30, 10])
  })

  it('truncates long text with a visible mark', () => {
    expect(markdown('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`)
  })
})

describe('html', () => {
  it('escapes for element text and attributes, on one line', () => {
    expect(html(`"><img src=x onerror=alert(1)>\n\nnext`)).toBe(
      '&quot;&gt;&lt;img src=x onerror=alert(1)&gt; next'
    )
    expect(html("it's")).toBe('it&#39;s')
  })
})

describe('httpUrl', () => {
  it.each([
    ['https://example.com/a b', 'https://example.com/a%20b'],
    ['http://example.com/(x)', 'http://example.com/%28x%29'],
    ['https://example.com/a|b?c=|', 'https://example.com/a%7Cb?c=%7C'],
    ['https://example.com/"><script>', 'https://example.com/%22%3E%3Cscript%3E'],
    ['  https://example.com/ok  ', 'https://example.com/ok']
  ])('keeps %j as %j', (input, expected) => expect(httpUrl(input)).toBe(expected))

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<b>x</b>',
    '//evil.com/x',
    '/relative',
    'app://notes',
    'vbscript:x',
    'https://',
    ''
  ])('refuses %j', input => expect(httpUrl(input)).toBeNull())
})

describe('logText', () => {
  it('keeps API text from starting a workflow command on a line of its own', () => {
    expect(logText('fine\n::error::pwned\r\n::add-mask::x')).toBe(
      'fine ::error::pwned ::add-mask::x'
    )
  })
})

describe('clean', () => {
  it('removes control characters and bidi overrides, and repairs lone surrogates', () => {
    expect(clean('a\u0000b\u001bc\u202ed\ud800e\u0085f')).toBe('abcd\ufffdef')
  })

  it('keeps emoji whole when truncating', () => {
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…')
  })
})

describe('truncate costs what it keeps (issue 26)', () => {
  /** What truncate did before: every character of the text spread into an array. */
  const byArray = (text: string, max: number): string => {
    if (text.length <= max) return text
    const chars = Array.from(text)
    return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`
  }

  it('cuts exactly as spreading the whole text did, pairs and lone surrogates included', () => {
    const unit = fc.constantFrom('a', '😀', '\ud800', '\udc00', 'é', '\n')
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.nat(45), (units, max) => {
        const text = units.join('')
        expect(truncate(text, max)).toBe(byArray(text, max))
      }),
      { numRuns: 2_000 }
    )
  })

  it('cuts 60 MB to 2,000 characters in a few milliseconds, as markdown, html and logText do', () => {
    const huge = `It works. ${'All good on every page. '.repeat(2_500_000)}`
    const started = performance.now()
    expect(truncate(huge, 2_000)).toHaveLength(2_000)
    expect(markdown(huge, 2_000).endsWith('…')).toBe(true)
    expect(html(huge, 300).endsWith('…')).toBe(true)
    expect(logText(huge, 300)).toHaveLength(300)
    // Spreading it took seconds; generous for a shared machine.
    expect(performance.now() - started).toBeLessThan(250)
  })
})

describe('edge cases', () => {
  it('does not cut a string whose UTF-16 length is over the limit but whose characters are not', () => {
    expect(truncate('😀😀', 3)).toBe('😀😀')
  })

  it('refuses an http URL that does not parse', () => {
    expect(httpUrl('http://exa mple.com:99999/')).toBeNull()
  })
})

describe('code', () => {
  it('shows a code-like value as itself, inert and unable to split a table cell', () => {
    expect(code('STEP_NO_CONCLUSION')).toBe('<code>STEP\\_NO\\_CONCLUSION</code>')
    expect(code('`a|b`</code><script>')).toBe('<code>\\`a\\|b\\`&lt;/code&gt;&lt;script&gt;</code>')
    expect(code('two\nlines')).toBe('<code>two lines</code>')
  })

  it('keeps leading spaces from turning text into a code block', () => {
    expect(markdown('    indented\n\tline')).toBe('indented<br>line')
  })
})
