// The file of known issues as the team writes it: every example in the docs is valid for the action
// and for the published JSON Schema (what editors check as you type), and every bad entry is
// refused with its line and what is wrong.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { parseDocument } from 'yaml'
import { knownIssuesExamples } from '../scripts/workflow-check.mjs'
import { parseKnownIssuesFile } from '../src/verdict/known-issues-file.js'

const TODAY = '2026-12-07'
const root = join(import.meta.dirname, '..')
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'known-issues.schema.json'), 'utf8'))
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats.default(ajv)
const validate = ajv.compile(schema)
const schemaAccepts = (text: string): boolean => validate(parseDocument(text).toJS() ?? [])

describe('the documentation examples', () => {
  const examples = knownIssuesExamples()

  it('has examples to check', () => {
    expect(examples.map(e => e.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^docs\/known-issues\.md:\d+$/)])
    )
    expect(examples.length).toBeGreaterThanOrEqual(2)
  })

  it.each(examples.map(e => [e.name, e.text]))(
    '%s is valid for the action and the schema',
    (_, text) => {
      const parsed = parseKnownIssuesFile(text, TODAY)
      expect(parsed).toMatchObject({ ok: true })
      expect(validate(parseDocument(text).toJS())).toBe(true)
    }
  )
})

describe('a valid file', () => {
  it('gives each entry with its line and typed fields', () => {
    const text = [
      '# known issues',
      '- name: Order summary overlaps the footer',
      '  page: /checkout/*',
      '  reason: Layout bug',
      '  ticket: https://github.com/acme/shop/issues/1',
      '  until: 2027-03-31',
      '  max-severity: 2',
      '',
      '- page: /legacy/**',
      '  test: 3fa85f64-5717-4562-b3fc-2c963f66afa6',
      '  reason: being replaced',
      '- name: 404',
      '  reason: a number is a name too'
    ].join('\n')
    expect(parseKnownIssuesFile(text, TODAY)).toEqual({
      ok: true,
      entries: [
        {
          line: 2,
          name: 'Order summary overlaps the footer',
          page: '/checkout/*',
          reason: 'Layout bug',
          ticket: 'https://github.com/acme/shop/issues/1',
          until: '2027-03-31',
          maxSeverity: 2
        },
        {
          line: 9,
          page: '/legacy/**',
          test: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
          reason: 'being replaced'
        },
        { line: 12, name: '404', reason: 'a number is a name too' }
      ]
    })
    expect(schemaAccepts(text)).toBe(true)
  })

  it('reads an empty file, or one of comments only, as no entries', () => {
    expect(parseKnownIssuesFile('', TODAY)).toEqual({ ok: true, entries: [] })
    expect(parseKnownIssuesFile('# nothing yet\n', TODAY)).toEqual({ ok: true, entries: [] })
    expect(parseKnownIssuesFile('[]\n', TODAY)).toEqual({ ok: true, entries: [] })
  })

  it('keeps a date as text and reads YAML 1.2 (no is not false)', () => {
    const parsed = parseKnownIssuesFile('- name: no\n  reason: yes\n  until: 2027-12-07\n', TODAY)
    expect(parsed).toEqual({
      ok: true,
      entries: [{ line: 1, name: 'no', reason: 'yes', until: '2027-12-07' }]
    })
  })
})

describe('a bad file', () => {
  const entry = (lines: string[]): string =>
    ['# the team’s known issues', '- name: Fine entry', '  reason: ok', ...lines].join('\n')

  it.each([
    [
      'unknown key',
      entry(['- nmae: Typo', '  reason: r']),
      4,
      /unknown key "nmae" \(accepted: name, page, test, reason, max-severity, until, ticket\)/,
      false
    ],
    ['no reason', entry(['- name: X']), 4, /reason is missing/, false],
    [
      'empty reason',
      entry(['- name: X', '  reason: ""']),
      4,
      /reason must be non-empty text/,
      false
    ],
    [
      'two-line reason',
      entry(['- name: X', '  reason: "a\\nb"']),
      4,
      /reason must be one line/,
      false
    ],
    [
      'neither name nor page',
      entry(['- test: Checkout', '  reason: r']),
      4,
      /needs name or page/,
      false
    ],
    [
      'a name of only *',
      entry(['- name: "*"', '  reason: r']),
      4,
      /would waive every finding/,
      false
    ],
    ['page /** alone', entry(['- page: /**', '  reason: r']), 4, /has no literal part/, null],
    ['page /**/* alone', entry(['- page: /**/*', '  reason: r']), 4, /has no literal part/, null],
    ['page /*/** alone', entry(['- page: /*/**', '  reason: r']), 4, /has no literal part/, null],
    [
      'a page with a host',
      entry(['- page: https://a.test/x', '  reason: r']),
      4,
      /names a host/,
      false
    ],
    [
      'a page without /',
      entry(['- page: checkout/*', '  reason: r']),
      4,
      /does not start with \//,
      false
    ],
    [
      'severity 6',
      entry(['- name: X', '  reason: r', '  max-severity: 6']),
      4,
      /max-severity is 6: expected a whole number from 1/,
      false
    ],
    [
      'severity as text',
      entry(['- name: X', '  reason: r', '  max-severity: high']),
      4,
      /max-severity is "high"/,
      false
    ],
    [
      'not a date',
      entry(['- name: X', '  reason: r', '  until: 2027-02-30']),
      4,
      /until "2027-02-30" is not a date/,
      false
    ],
    [
      'a date in words',
      entry(['- name: X', '  reason: r', '  until: next week']),
      4,
      /is not a date: expected YYYY-MM-DD/,
      false
    ],
    [
      'more than a year ahead',
      entry(['- name: X', '  reason: r', '  until: 2027-12-08']),
      4,
      /more than a year ahead \(the latest accepted today is 2027-12-07\)/,
      null
    ],
    [
      'an http ticket',
      entry(['- name: X', '  reason: r', '  ticket: http://jira.example/1']),
      4,
      /ticket "http:\/\/jira.example\/1" is not an https link/,
      false
    ],
    [
      'a list as a name',
      entry(['- name: [a, b]', '  reason: r']),
      4,
      /name must be a single value/,
      false
    ],
    ['not a mapping', entry(['- just text']), 4, /an entry must be a mapping/, false],
    ['an alias', entry(['- &a', '  name: X', '  reason: r', '- *a']), 7, /aliases/, null]
  ] as const)('%s', (_, text, line, message, schemaVerdict) => {
    const parsed = parseKnownIssuesFile(text, TODAY)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems).toEqual([{ line, message: expect.stringMatching(message) }])
    // What the schema can express, it refuses too; null: a rule only the action checks.
    if (schemaVerdict !== null) expect(schemaAccepts(text)).toBe(schemaVerdict)
  })

  it('names the line of a YAML syntax error', () => {
    const parsed = parseKnownIssuesFile('- name: a\n  reason: b\n- name: [\n', TODAY)
    expect(parsed).toMatchObject({
      ok: false,
      problems: [{ line: 4, message: expect.stringMatching(/^not valid YAML: /) }]
    })
  })

  it('refuses a file that is not a list, saying what it must be', () => {
    const parsed = parseKnownIssuesFile('name: X\nreason: r\n', TODAY)
    expect(parsed).toEqual({
      ok: false,
      problems: [{ line: 1, message: expect.stringMatching(/must be a list of entries/) }]
    })
  })

  it('finds every problem, each on its own entry’s line', () => {
    const parsed = parseKnownIssuesFile('- name: X\n- page: y\n  reason: r\n- reason: r\n', TODAY)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problems.map(p => p.line)).toEqual([1, 2, 4])
  })

  it('refuses duplicate keys in one entry', () => {
    const parsed = parseKnownIssuesFile('- name: X\n  name: Y\n  reason: r\n', TODAY)
    expect(parsed).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/not valid YAML/) }]
    })
  })
})
