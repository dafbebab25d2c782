// The summary as GitHub renders it: cmark-gfm (GitHub's own GFM parser) with raw HTML allowed,
// which is what GitHub's parser hands to its sanitizer. Whatever the API's text holds, the HTML
// must keep the summary's structure and carry nothing active.
import { describe, expect, it } from '@jest/globals'
import type { Report } from '../src/model.js'
import { buildReport } from '../src/verdict/build-report.js'
import { renderSummary } from '../src/report/summary.js'
import { fixtureOutcome, outcomeOf } from './helpers/fixtures.js'
import { expectInert, githubHtml } from './helpers/github-html.js'

const options = {
  reportPath: '/tmp/report.json',
  timeoutMs: 1_800_000,
  failOn: 'failed' as const,
  minSeverity: 1
}
const policy = { failOn: 'failed' as const, minSeverity: 1 }
const htmlOf = (...names: string[]): { html: string; markdown: string; report: Report } => {
  const report = buildReport(
    names.map(n => fixtureOutcome(n)),
    policy
  )
  const markdown = renderSummary(report, options)
  return { html: githubHtml(markdown), markdown, report }
}

/**
 * The data rows of the table under a heading with this text, as GitHub renders it. Each row must
 * have `columns` cells in the Markdown itself: GFM pads a short row and drops extra cells, so only
 * the source shows an unescaped `|` in the API's text splitting a cell.
 */
function tableRowsAfter(
  { html, markdown }: { html: string; markdown: string },
  heading: string,
  columns: number
): number {
  const at = html.indexOf(`>${heading}</h`)
  if (at < 0) throw new Error(`no heading ${heading}`)
  const table = /<table>([\s\S]*?)<\/table>/.exec(html.slice(at))?.[1] ?? ''
  const rows = table.match(/<tr>[\s\S]*?<\/tr>/g) ?? []
  const source = markdown.split(new RegExp(`^#+ ${heading}$`, 'm'))[1] ?? ''
  const lines = /\n\n((?:\|.*\n)+)/.exec(source)?.[1]?.trimEnd().split('\n') ?? []
  expect(lines).toHaveLength(rows.length + 1) // the `| --- |` line is no <tr>
  for (const line of lines) expect(line.match(/(?<!\\)\|/g) ?? []).toHaveLength(columns + 1)
  return rows.length - 1
}

describe('the summary through GitHub’s parser', () => {
  it.each([['hostile-completed'], ['hostile-failed'], ['hostile-skipped']])(
    'renders the hostile fixture %s to inert, well-formed HTML',
    name => {
      expectInert(htmlOf(name).html)
    }
  )

  it('keeps one table row per issue, per warning and per step, whatever the text holds', () => {
    const page = htmlOf('hostile-completed')
    const run = page.report.runs[0]!
    expect(tableRowsAfter(page, 'Issues', 3)).toBe(run.issues.length)
    expect(tableRowsAfter(page, 'Warnings', 3)).toBe(run.warnings.length)
    expect(tableRowsAfter(page, 'Steps', 6)).toBe(run.stepsCount)
    // One collapsed block per issue and warning, plus the run details and the test plan.
    expect(page.html.match(/<details>/g)).toHaveLength(run.issues.length + run.warnings.length + 2)
  })

  it('shows hostile text as text: the script tag is visible, not run', () => {
    const { html } = htmlOf('hostile-completed')
    expect(html).toContain('&lt;/details&gt;&lt;script&gt;alert(')
    expect(html).toContain('::error::injected')
    expect(html).not.toContain('mailto:')
    // A `|` in a page URL must not split its table cell (GFM would drop the rest of the row).
    expect(html).toContain('<a href="https://shop.example.com/a%7Cb">shop.example.com/a%7Cb</a>')
  })

  it("keeps a retried run's hostile first attempt as text, in its own collapsed block", () => {
    const first = fixtureOutcome('hostile-completed')
    const retry = outcomeOf({
      ...(first.body as Record<string, unknown>),
      id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      output: null,
      status: 'failed',
      error: { code: 'X', message: '</details><script>alert(2)</script>' }
    })
    const report = buildReport([first], policy, {
      retried: {
        attempts: new Map([[first.id, [{ outcome: retry, counts: true }]]]),
        notes: new Map()
      }
    })
    const html = githubHtml(renderSummary(report, options))
    expect(html).not.toMatch(/<script/i)
    expect(html.match(/<details>/g)?.length).toBe(html.match(/<\/details>/g)?.length)
    // The attempts table: one row per attempt, whatever the text held.
    const attempts = /<th[^>]*>Attempt<\/th>[\s\S]*?<\/table>/.exec(html)?.[0] ?? ''
    expect(attempts.match(/<tr>/g)).toHaveLength(2)
  })

  it('keeps the realistic fixtures well-formed too, with their links and thumbnails', () => {
    const page = htmlOf(
      'failed-with-issues',
      'passed',
      'skipped',
      'run-failed',
      'android-newer-api'
    )
    const { html } = page
    expectInert(html)
    expect(html).toContain('<a href="https://preview-482.shop.example.com/checkout/payment">')
    expect(html).toContain('<img src="https://cdn.tester.army/screenshots/7d0e/issue-1.png"')
    expect(tableRowsAfter(page, 'Issues', 3)).toBe(3)
  })
})

describe('error codes through GitHub’s parser', () => {
  const hostileCode =
    '[j](javascript:alert(1)) [r](/settings/tokens) [m](mailto:x@y.z) ![p](https://t.example/p.png)'

  it('keeps an error code and a step error code inert: no link, no image, no emphasis', () => {
    const body = {
      id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      status: 'failed',
      error: { code: `${hostileCode} *em* https://t.example/x www.t.example`, message: 'boom' },
      output: {
        featureName: 'Codes',
        result: 'FAILED',
        issues: [],
        screenshots: [],
        steps: [{ title: 'one', status: 'failed', errorCode: hostileCode, error: 'e' }]
      }
    }
    const report = buildReport([outcomeOf(body)], policy)
    const html = githubHtml(renderSummary(report, options))
    const codes = [...html.matchAll(/<code>([\s\S]*?)<\/code>/g)]
      .map(m => m[1] ?? '')
      .filter(c => c.includes('javascript'))
    expect(codes).toHaveLength(2)
    for (const inner of codes) {
      expect(inner).not.toMatch(/<(a|img|em|strong)\b/)
      expect(inner.replaceAll('<wbr>', '').replaceAll('&#8203;', '')).toContain(
        '[j](javascript:alert(1))'
      )
    }
    expect(html).not.toMatch(/<a\b[^>]*href="(javascript|mailto|\/settings)/)
    expect(html).not.toContain('<img src="https://t.example/p.png"')
  })
})
