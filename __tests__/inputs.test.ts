import { describe, expect, it, jest } from '@jest/globals'
import * as path from 'node:path'
import { InputErrors, parseSettings, type InputSource } from '../src/inputs/settings.js'

const RUN = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
const RUN2 = '7d0e5b1c-3f0a-4c1e-9a6b-2f4d8e1c9b70'

function source(
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): InputSource & { secrets: string[] } {
  const secrets: string[] = []
  return {
    read: name => inputs[name] ?? '',
    env: { RUNNER_TEMP: '/runner/temp', ...env },
    onSecret: secret => secrets.push(secret),
    secrets
  }
}

function errorsOf(inputs: Record<string, string>, env?: Record<string, string>): string[] {
  try {
    parseSettings(source({ 'run-id': RUN, 'api-key': 'k-1234567890abcdef', ...inputs }, env))
  } catch (error) {
    if (error instanceof InputErrors) return error.errors.map(e => e.message)
    throw error
  }
  return []
}

describe('parseSettings', () => {
  it('gives the documented defaults', () => {
    const settings = parseSettings(source({ 'run-id': RUN, 'api-key': 'k-1234567890abcdef' }))
    expect(settings).toEqual({
      runIds: [RUN],
      start: null,
      upload: null,
      agent: null,
      comment: 'off',
      githubToken: '',
      commitStatus: null,
      apiKey: 'k-1234567890abcdef',
      apiUrl: 'https://tester.army/api',
      pollIntervalMs: 5_000,
      timeoutMs: 30 * 60_000,
      failOn: 'failed',
      minSeverity: 1,
      summary: 'always',
      annotations: true,
      reportPath: path.resolve('/runner/temp/testerarmy-report.json'),
      cancelOnAbort: true,
      retryFailed: 0,
      onFlaky: 'pass',
      leg: '',
      reports: null,
      knownIssues: null
    })
  })

  it('splits run IDs on commas, spaces and newlines, lower-cases them and drops duplicates', () => {
    const settings = parseSettings(
      source({
        'run-id': `${RUN}, ${RUN2}\n${RUN.toUpperCase()}\n\n`,
        'api-key': 'k-1234567890abcdef'
      })
    )
    expect(settings.runIds).toEqual([RUN, RUN2])
  })

  it('masks the key before anything else can print it, and falls back to TESTERARMY_API_KEY', () => {
    const src = source({ 'run-id': 'nope' }, { TESTERARMY_API_KEY: 'env-key-1234567890ab' })
    expect(() => parseSettings(src)).toThrow(InputErrors)
    expect(src.secrets).toEqual(['env-key-1234567890ab'])
    const settings = parseSettings(
      source({ 'run-id': RUN }, { TESTERARMY_API_KEY: ' env-key-1234567890ab ' })
    )
    expect(settings.apiKey).toBe('env-key-1234567890ab')
  })

  it('prefers the input over the environment variable', () => {
    expect(
      parseSettings(
        source({ 'run-id': RUN, 'api-key': 'input-key-1234567890' }, { TESTERARMY_API_KEY: 'env' })
      ).apiKey
    ).toBe('input-key-1234567890')
  })

  it.each([
    ['90', 90_000],
    ['1s', 1_000],
    ['1500ms', 1_500],
    ['2m', 120_000],
    ['1.5m', 90_000]
  ])('reads poll-interval %s as %d ms', (value, ms) => {
    expect(
      parseSettings(
        source({ 'run-id': RUN, 'api-key': 'k-1234567890abcdef', 'poll-interval': value })
      ).pollIntervalMs
    ).toBe(ms)
  })

  it.each([
    ['https://tester.army/api/', 'https://tester.army/api'],
    ['http://127.0.0.1:8080/api', 'http://127.0.0.1:8080/api'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://[::1]:3000/', 'http://[::1]:3000'],
    ['http://[0:0:0:0:0:0:0:1]:3000/api', 'http://[::1]:3000/api'],
    ['https://[2001:db8::1]/api', 'https://[2001:db8::1]/api'],
    ['http://127.2.3.4', 'http://127.2.3.4']
  ])('accepts api-url %s', (value, expected) => {
    expect(
      parseSettings(source({ 'run-id': RUN, 'api-key': 'k-1234567890abcdef', 'api-url': value }))
        .apiUrl
    ).toBe(expected)
  })

  it.each([
    ['TRUE', 'always'],
    ['false', 'never'],
    ['On-Failure', 'on-failure']
  ])('reads summary %s as %s', (value, expected) => {
    expect(
      parseSettings(source({ 'run-id': RUN, 'api-key': 'k-1234567890abcdef', summary: value }))
        .summary
    ).toBe(expected)
  })

  it('reads the report path relative to the working directory', () => {
    const settings = parseSettings(
      source({ 'run-id': RUN, 'api-key': 'k-1234567890abcdef', 'report-path': 'out/qa.json' })
    )
    expect(settings.reportPath).toBe(path.resolve('out/qa.json'))
  })
})

describe('bad inputs', () => {
  it.each([
    [
      { 'run-id': '' },
      "One of 'run-id', 'test-id', 'group-id' or 'exploration-agent: true' is required"
    ],
    [{ 'run-id': 'run-42' }, `Input 'run-id' has "run-42", which is not a run ID: expected UUIDs`],
    [{ 'run-id': `${RUN}, a, b, c, d` }, `"a", "b", "c" and 1 more, which are not run IDs`],
    [
      { 'api-url': 'http://tester.army/api' },
      `Input 'api-url' is "http://tester.army/api": the API key must not travel unencrypted`
    ],
    [{ 'api-url': 'tester.army' }, `Input 'api-url' is "tester.army", which is not a URL`],
    [{ 'api-url': 'https://u:p@tester.army/api' }, `credentials, a query or a fragment`],
    [{ 'api-url': 'ftp://127.0.0.1' }, `Input 'api-url' is "ftp://127.0.0.1"`],
    [
      { 'poll-interval': '500ms' },
      `Input 'poll-interval' is "500ms": expected a duration of at least 1 s`
    ],
    [{ 'poll-interval': 'soon' }, `Input 'poll-interval' is "soon"`],
    [{ timeout: '0' }, `Input 'timeout' is "0": expected a duration above 0 and at most 6h`],
    [{ timeout: '7h' }, `Input 'timeout' is "7h"`],
    [{ timeout: '-5m' }, `Input 'timeout' is "-5m"`],
    [
      { 'fail-on': 'issues' },
      `Input 'fail-on' is "issues": expected one of failed, warnings, never`
    ],
    [
      { 'min-severity': '0' },
      `Input 'min-severity' is "0": expected a whole number from 1 (minor) to 5 (critical)`
    ],
    [{ 'min-severity': '2.5' }, `Input 'min-severity' is "2.5"`],
    [
      { summary: 'sometimes' },
      `Input 'summary' is "sometimes": expected one of always, on-failure, never`
    ],
    [{ annotations: 'yes' }, `Input 'annotations' is "yes": expected true or false`],
    [{ 'cancel-on-abort': '1' }, `Input 'cancel-on-abort' is "1": expected true or false`],
    [
      { 'retry-failed': '4' },
      `Input 'retry-failed' is "4": expected a whole number from 0 (no retry) to 3`
    ],
    [{ 'retry-failed': '-1' }, `Input 'retry-failed' is "-1"`],
    [{ 'retry-failed': 'twice' }, `Input 'retry-failed' is "twice"`],
    [{ 'on-flaky': 'warn' }, `Input 'on-flaky' is "warn": expected one of pass, fail`]
  ])('%o is refused with a message naming the input and value', (inputs, message) => {
    const errors = errorsOf(inputs)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(message)
  })

  it('refuses a missing key, naming both ways to give it', () => {
    expect(errorsOf({ 'api-key': '' })).toEqual([
      expect.stringContaining("Input 'api-key' is empty and TESTERARMY_API_KEY is not set")
    ])
  })

  it('refuses a key with a line break without ever quoting it', () => {
    const errors = errorsOf({ 'api-key': 'secret-part\nsecond-line' })
    expect(errors[0]).toContain("Input 'api-key' contains spaces, line breaks")
    expect(errors.join()).not.toContain('secret-part')
  })

  it.each(['ted', 'test', 'x'.repeat(15)])(
    'refuses a key too short to be real (%s), since scrubbing it would mangle ordinary words',
    key => {
      const errors = errorsOf({ 'api-key': key })
      expect(errors).toEqual([
        `Input 'api-key' is only ${key.length} characters long (value not shown): a TesterArmy API key has at least 16; check that the secret holds the whole key.`
      ])
    }
  )

  it.each(['https://tester.army/api?', 'https://tester.army/api#', 'https://tester.army/api/?#'])(
    'refuses an api-url ending in a bare ? or # (%s)',
    url => {
      expect(errorsOf({ 'api-url': url })).toEqual([
        expect.stringContaining(`Input 'api-url' is "${url}": credentials, a query or a fragment`)
      ])
    }
  )

  it('reports every bad input at once', () => {
    expect(errorsOf({ 'run-id': 'x', timeout: 'never', 'fail-on': 'maybe' })).toHaveLength(3)
  })

  it('keeps a pasted blob to one short line', () => {
    const [message] = errorsOf({ 'fail-on': `${'x'.repeat(500)}\nmore` })
    expect(message).not.toContain('\n')
    expect(message!.length).toBeLessThan(200)
  })

  it('does not swallow programming errors', () => {
    const broken = source({})
    broken.read = jest.fn(() => {
      throw new TypeError('boom')
    })
    expect(() => parseSettings(broken)).toThrow(TypeError)
  })
})

describe('starting runs', () => {
  const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
  const read = (inputs: Record<string, string>) =>
    parseSettings(source({ 'api-key': 'k-1234567890abcdef', ...inputs }))

  it('reads a test run with the options it takes', () => {
    const settings = read({
      'test-id': TEST.toUpperCase(),
      mode: 'Deep',
      platform: 'ios',
      'device-model': 'ipad',
      'app-id': RUN,
      'environment-id': RUN2
    })
    expect(settings.runIds).toEqual([])
    expect(settings.start).toEqual({
      kind: 'test',
      id: TEST,
      mode: 'deep',
      platform: 'ios',
      deviceModel: 'ipad',
      appId: RUN,
      environmentId: RUN2
    })
  })

  it('reads a group run with a target URL and environment', () => {
    expect(
      read({
        'group-id': TEST,
        'target-url': 'https://preview-1.example.com',
        environment: 'preview'
      }).start
    ).toMatchObject({
      kind: 'group',
      id: TEST,
      targetUrl: 'https://preview-1.example.com',
      environment: 'preview'
    })
  })

  it.each([
    [
      { 'run-id': RUN, 'test-id': TEST },
      "Inputs 'run-id' and 'test-id' are both set: give exactly one"
    ],
    [{ 'test-id': TEST, 'group-id': TEST }, "Inputs 'test-id' and 'group-id' are both set"],
    [
      { 'run-id': RUN, mode: 'fast' },
      `Input 'mode' is "fast", but it applies only when the action starts a run`
    ],
    [
      { 'group-id': TEST, mode: 'fast' },
      `Input 'mode' is "fast", but a group run does not take it; it applies to test-id only.`
    ],
    [
      { 'test-id': TEST, 'target-url': 'https://x.test' },
      `Input 'target-url' is "https://x.test", but a test run does not take it; it applies to group-id and exploration-agent only.`
    ],
    [
      { 'test-id': TEST, environment: 'preview' },
      `Input 'environment' is "preview", but a test run does not take it`
    ],
    [
      { 'test-id': 'login-test' },
      `Input 'test-id' is "login-test", which is not a test ID: expected a UUID`
    ],
    [{ 'group-id': 'smoke' }, `Input 'group-id' is "smoke", which is not a test group ID`],
    [
      { 'test-id': TEST, mode: 'thorough' },
      `Input 'mode' is "thorough": expected one of fast, deep.`
    ],
    [
      { 'test-id': TEST, platform: 'windows' },
      `Input 'platform' is "windows": expected one of web, ios, android.`
    ],
    [
      { 'test-id': TEST, 'device-model': 'pixel' },
      `Input 'device-model' is "pixel": expected one of iphone, ipad.`
    ],
    [
      { 'test-id': TEST, 'app-id': 'com.example' },
      `Input 'app-id' is "com.example", which is not a mobile app ID`
    ],
    [
      { 'group-id': TEST, 'target-url': 'preview.example.com' },
      `Input 'target-url' is "preview.example.com": expected the http(s) URL`
    ],
    [
      // A valid branch name, `a@evil.example/x`, put before the host moves the host to evil.example.
      { 'group-id': TEST, 'target-url': 'https://a@evil.example/x.preview.example.com' },
      `Input 'target-url' is "https://a@evil.example/x.preview.example.com": it holds user info (the part before @), which moves the host to evil.example`
    ],
    [
      { 'group-id': TEST, 'target-url': 'https://user:pass@preview.example.com' },
      `Input 'target-url' is "https://user:pass@preview.example.com": it holds user info`
    ],
    [
      { 'group-id': TEST, environment: 'qa' },
      `Input 'environment' is "qa": expected one of production, staging, preview, custom.`
    ],
    [{ 'run-id': RUN, comment: 'yes' }, `Input 'comment' is "yes": expected true, false or auto.`]
  ])('%o is refused', (inputs, message) => {
    expect(() => read(inputs)).toThrow(message)
  })

  it('masks the GitHub token as soon as it is read', () => {
    const src = source({
      'run-id': RUN,
      'api-key': 'k-1234567890abcdef',
      comment: 'true',
      'github-token': 'ghs_secret'
    })
    expect(parseSettings(src)).toMatchObject({ comment: 'on', githubToken: 'ghs_secret' })
    expect(src.secrets).toEqual(['k-1234567890abcdef', 'ghs_secret'])
  })
})

describe('the exploration agent', () => {
  const GROUP = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
  const APP = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
  const read = (inputs: Record<string, string>, event?: InputSource['event']) =>
    parseSettings({
      ...source({
        'api-key': 'k-1234567890abcdef',
        'exploration-agent': 'true',
        'project-id': 'shop',
        ...inputs
      }),
      event
    })
  const refused = (inputs: Record<string, string>, event?: InputSource['event']): string => {
    try {
      read(inputs, event)
    } catch (error) {
      if (error instanceof InputErrors) return error.message
      throw error
    }
    throw new Error('accepted')
  }

  it('web: project, target URL exactly as written, pr-number', () => {
    const settings = read({ 'target-url': 'https://pr-7.preview.test', 'pr-number': '#7' })
    expect(settings.agent).toEqual({
      projectId: 'shop',
      platform: 'web',
      targetUrl: 'https://pr-7.preview.test',
      prNumber: 7
    })
    expect(settings.start).toBeNull()
  })
  it('mobile: app and simulator region', () => {
    expect(read({ platform: 'iOS', 'app-id': APP, 'simulator-region': 'eu-north1' }).agent).toEqual(
      {
        projectId: 'shop',
        platform: 'ios',
        appId: APP,
        simulatorRegion: 'eu-north1',
        prNumber: 0
      }
    )
  })
  it('with a group: both start, sharing target-url', () => {
    const settings = read({
      'group-id': GROUP,
      'target-url': 'https://p.test',
      environment: 'preview'
    })
    expect(settings.start).toMatchObject({ kind: 'group', targetUrl: 'https://p.test' })
    expect(settings.agent).toMatchObject({ targetUrl: 'https://p.test' })
  })
  it('on deployment_status, target-url may be left to the deployment', () => {
    expect(read({}, { name: 'deployment_status' }).agent).toEqual({
      projectId: 'shop',
      platform: 'web',
      prNumber: 0
    })
  })
  it('comment: auto', () => {
    const settings = read({ 'target-url': 'https://p.test', comment: 'auto' })
    expect(settings.comment).toBe('auto')
  })

  it.each([
    [{}, "Input 'target-url' is required with exploration-agent on the web"],
    [
      { 'project-id': '', 'target-url': 'https://p.test' },
      "Input 'project-id' is required with exploration-agent"
    ],
    [
      { 'project-id': 'a b', 'target-url': 'https://p.test' },
      `Input 'project-id' is "a b", which is not a project ID: expected a project UUID or short ID`
    ],
    [
      { platform: 'android', 'target-url': 'https://p.test' },
      'Input \'target-url\' is "https://p.test", but the platform is android'
    ],
    [
      { 'target-url': 'https://p.test', 'simulator-region': 'us-west1' },
      'a simulator region applies to ios and android only'
    ],
    [
      { platform: 'ios', 'simulator-region': 'mars' },
      `Input 'simulator-region' is "mars": expected one of eu-north1, us-west1.`
    ],
    [
      { 'target-url': 'https://p.test', 'app-id': APP },
      'Input \'app-id\' is "3fa85f64-5717-4562-b3fc-2c963f66afa6", but the platform is web'
    ],
    [
      { 'target-url': 'https://p.test', 'pr-number': '0' },
      `Input 'pr-number' is "0": expected a pull request number`
    ],
    [{ 'target-url': 'https://p.test', 'pr-number': 'abc' }, `Input 'pr-number' is "abc"`],
    [
      { 'target-url': 'https://p.test', 'run-id': APP },
      "Inputs 'exploration-agent' and 'run-id' are both set"
    ],
    [
      { 'target-url': 'https://p.test', 'device-model': 'ipad' },
      'Input \'device-model\' is "ipad", but the exploration agent does not take it; it applies to test-id and group-id only.'
    ],
    [
      { 'target-url': 'https://p.test', 'test-id': APP, environment: 'preview' },
      'Input \'environment\' is "preview", but neither the test run nor the exploration agent takes it; it applies to group-id only.'
    ],
    [
      { 'target-url': 'https://p.test', 'exploration-agent': 'yes' },
      `Input 'exploration-agent' is "yes": expected true or false.`
    ]
  ])('%o is refused', (inputs, message) => {
    expect(refused(inputs)).toContain(message)
  })

  it.each([
    [
      { 'run-id': GROUP, 'project-id': 'shop' },
      'Input \'project-id\' is "shop", but it applies only when the action starts a run'
    ],
    [
      { 'test-id': GROUP, 'project-id': 'shop' },
      'Input \'project-id\' is "shop", but a test run does not take it; it applies to exploration-agent and app-path only.'
    ],
    [
      { 'group-id': GROUP, 'pr-number': '3' },
      'Input \'pr-number\' is "3", but a group run does not take it; it applies to exploration-agent only.'
    ]
  ])('agent inputs without the agent: %o is refused', (inputs, message) => {
    expect(errorsOf({ 'run-id': '', ...inputs }).join('\n')).toContain(message)
  })

  it('an empty key on a pull request from a fork says exactly that', () => {
    const message = (() => {
      try {
        parseSettings({
          ...source({ 'run-id': RUN }),
          event: { name: 'pull_request', forkRepository: 'outsider/shop' }
        })
      } catch (error) {
        return (error as Error).message
      }
      return ''
    })()
    expect(message).toMatch(/comes from a fork \(outsider\/shop\): GitHub gives no secrets/)
    expect(message).toMatch(/workflow_run/)
  })
})

describe('commit-status and status-context', () => {
  const base = { 'run-id': RUN, 'api-key': 'k-1234567890abcdef', 'github-token': 'ghs_x' }
  it('off by default; on with the TesterArmy context, or the one given', () => {
    expect(parseSettings(source(base)).commitStatus).toBeNull()
    expect(parseSettings(source({ ...base, 'commit-status': 'true' })).commitStatus).toEqual({
      context: 'TesterArmy'
    })
    expect(
      parseSettings(
        source({ ...base, 'commit-status': 'true', 'status-context': ' TesterArmy / web ' })
      ).commitStatus
    ).toEqual({ context: 'TesterArmy / web' })
  })
  it.each([
    [{ 'commit-status': 'yes' }, `Input 'commit-status' is "yes": expected true or false.`],
    [
      { 'commit-status': 'true', 'status-context': 'a\nb' },
      `Input 'status-context' is "a⏎b": expected one line`
    ],
    [
      { 'commit-status': 'true', 'github-token': '' },
      `Input 'github-token' is empty, but commit-status is true`
    ]
  ])('%o is refused', (inputs, message) => {
    expect(errorsOf({ ...base, ...inputs }).join('\n')).toContain(message)
  })
})
