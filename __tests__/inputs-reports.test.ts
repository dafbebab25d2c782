// The matrix's inputs: `leg` in the legs; `reports` and `expected-reports` in the job that gathers
// them. Read as the runner passes them (every input, action.yml's defaults included), so a value a
// user never wrote cannot trip a check. Each bad input is one line naming it, its value and what
// is accepted.
import { describe, expect, it } from '@jest/globals'
import { actionInputs } from '../scripts/runner.mjs'
import { InputErrors, parseSettings, type Settings } from '../src/inputs/settings.js'

const RUN = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
const KEY = 'k-1234567890abcdef'

/** What parseSettings gives for these inputs over action.yml's defaults, and the secrets masked. */
function parse(
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): { settings?: Settings; errors: string[]; secrets: string[] } {
  const values = { ...actionInputs(), 'github-token': '', ...inputs }
  const secrets: string[] = []
  try {
    const settings = parseSettings({
      read: name => (values as Record<string, string>)[name] ?? '',
      env: { RUNNER_TEMP: '/runner/temp', ...env },
      onSecret: secret => secrets.push(secret)
    })
    return { settings, errors: [], secrets }
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error
    return { errors: error.errors.map(e => e.message), secrets }
  }
}

describe('leg, in a leg', () => {
  it('names the leg in its report, trimmed; empty by default', () => {
    expect(parse({ 'run-id': RUN, 'api-key': KEY, leg: ' web ' }).settings?.leg).toBe('web')
    expect(parse({ 'run-id': RUN, 'api-key': KEY }).settings).toMatchObject({
      leg: '',
      reports: null
    })
  })

  it.each([
    [
      'two lines',
      'web\nios',
      'Input \'leg\' is "web⏎ios": expected one line of at most 100 characters'
    ],
    ['too long', 'x'.repeat(101), "Input 'leg' is \"xxxx"]
  ])('refuses a leg name on %s', (_case, leg, message) => {
    const { errors } = parse({ 'run-id': RUN, 'api-key': KEY, leg })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(message)
  })

  it('refuses expected-reports outside reports mode, naming both inputs', () => {
    expect(parse({ 'run-id': RUN, 'api-key': KEY, 'expected-reports': '3' }).errors).toEqual([
      "Input 'expected-reports' is \"3\", but 'reports' is empty: expected-reports applies only to the job that gathers the legs' reports (reports mode)."
    ])
  })
})

describe('reports mode', () => {
  it('needs no API key, and still masks one that is given', () => {
    const none = parse({ reports: 'reports/**/*.json' })
    expect(none.errors).toEqual([])
    expect(none.settings).toMatchObject({
      apiKey: '',
      runIds: [],
      start: null,
      agent: null,
      upload: null,
      reports: { patterns: 'reports/**/*.json', expected: { count: 1 } }
    })
    const given = parse({ reports: 'r/*.json' }, { TESTERARMY_API_KEY: 'env-key-1234567890ab' })
    expect(given.secrets).toEqual(['env-key-1234567890ab'])
  })

  it.each([
    ['3', { count: 3 }],
    [' 12 ', { count: 12 }],
    ['web, ios,android', { names: ['web', 'ios', 'android'] }],
    ['web\nios\n\nweb', { names: ['web', 'ios'] }],
    ['Pixel 8 (Android 15)', { names: ['Pixel 8 (Android 15)'] }]
  ])('reads expected-reports %j as a count or names', (raw, expected) => {
    const { settings, errors } = parse({ reports: 'r/*.json', 'expected-reports': raw })
    expect(errors).toEqual([])
    expect(settings?.reports?.expected).toEqual(expected)
  })

  it.each([
    ['0', '"0": expected how many legs must report (1 to 256)'],
    ['257', '"257": expected how many legs must report (1 to 256)'],
    [', ,', '", ,": expected how many legs must report (1 to 256), or their names'],
    [`web,${'x'.repeat(101)}`, 'or their names (each at most 100 characters)']
  ])('refuses expected-reports %j', (raw, message) => {
    const { errors } = parse({ reports: 'r/*.json', 'expected-reports': raw })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^Input 'expected-reports' is /)
    expect(errors[0]).toContain(message)
  })

  it.each([
    ['run-id', RUN],
    ['test-id', RUN],
    ['group-id', RUN],
    ['exploration-agent', 'true'],
    ['app-path', 'app.apk']
  ])('refuses %s beside reports, before any request', (name, value) => {
    const { errors } = parse({ reports: 'r/*.json', [name]: value })
    expect(errors).toEqual([
      `Input '${name}' is "${value}", but 'reports' is set: reports mode gathers the reports the legs wrote and starts or waits for nothing: give reports in the gathering job and ${name} in the legs.`
    ])
  })

  it.each([
    ['platform', 'ios'],
    ['project-id', 'shop'],
    ['target-url', 'https://preview.example.com']
  ])('refuses %s, which only a start takes, beside reports', (name, value) => {
    expect(parse({ reports: 'r/*.json', [name]: value }).errors).toEqual([
      `Input '${name}' is "${value}", but 'reports' is set: it applies only when the action starts a run, and reports mode starts nothing.`
    ])
  })

  it.each([
    ['min-severity', '3'],
    ['on-flaky', 'fail'],
    ['retry-failed', '2'],
    ['known-issues', '.github/testerarmy-known-issues.yml'],
    ['known-issues-from', 'base']
  ])('refuses %s, which each leg decides, in the gathering job', (name, value) => {
    const { errors } = parse({ reports: 'r/*.json', [name]: value })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      new RegExp(
        `^Input '${name}' is "${value}", but 'reports' is set: each leg's verdict is kept as the leg decided it, so set ${name} in the legs`
      )
    )
  })

  it('takes fail-on failed or never (the gathering step itself), not warnings', () => {
    expect(parse({ reports: 'r/*.json', 'fail-on': 'never' }).settings?.failOn).toBe('never')
    expect(parse({ reports: 'r/*.json', 'fail-on': 'warnings' }).errors[0]).toMatch(
      /^Input 'fail-on' is "warnings", but 'reports' is set: .* set fail-on: warnings in the legs/
    )
  })

  it('refuses leg in the gathering job', () => {
    expect(parse({ reports: 'r/*.json', leg: 'web' }).errors).toEqual([
      "Input 'leg' is \"web\", but 'reports' is set: leg names a leg's report, and the gathering job writes the combined one; give leg in the legs."
    ])
  })

  it('reports every bad input at once', () => {
    const { errors } = parse({
      reports: 'r/*.json',
      'run-id': RUN,
      'expected-reports': '0',
      'min-severity': '4'
    })
    expect(errors).toHaveLength(3)
  })

  it('takes comment and commit-status, which publish the one verdict', () => {
    const { settings } = parse({
      reports: 'r/*.json',
      comment: 'true',
      'commit-status': 'true',
      'github-token': 'ghs_x'
    })
    expect(settings).toMatchObject({ comment: 'on', commitStatus: { context: 'TesterArmy' } })
  })
})
