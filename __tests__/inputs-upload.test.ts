// The upload inputs: app-path with project-id and app-remove-after, and what they combine with.
import { describe, expect, it } from '@jest/globals'
import { InputErrors, parseSettings } from '../src/inputs/settings.js'

const PROJECT = '5F0C8A8E-3B7D-4D35-9A51-2F7E1C9B6A10'
const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'

const parse = (inputs: Record<string, string>) =>
  parseSettings({
    read: name => inputs[name] ?? '',
    env: { RUNNER_TEMP: '/runner/temp' },
    onSecret: () => undefined
  })

function errorsOf(inputs: Record<string, string>): string[] {
  try {
    parse({ 'api-key': 'k-1234567890abcdef', 'project-id': PROJECT, ...inputs })
  } catch (error) {
    if (error instanceof InputErrors) return error.errors.map(e => e.message)
    throw error
  }
  return []
}

describe('app-path', () => {
  it('alone uploads only, kept 24 h by default', () => {
    const settings = parse({
      'api-key': 'k-1234567890abcdef',
      'app-path': 'app.apk',
      'project-id': PROJECT
    })
    expect(settings.start).toBeNull()
    expect(settings.runIds).toEqual([])
    expect(settings.upload).toEqual({
      path: 'app.apk',
      projectId: PROJECT.toLowerCase(),
      removeAfterS: 86_400,
      platform: ''
    })
  })

  it('with test-id uploads, then starts; a short project ID and never are fine', () => {
    const settings = parse({
      'api-key': 'k-1234567890abcdef',
      'app-path': 'Shop.app',
      'test-id': TEST,
      'project-id': 'shop_app-2',
      'app-remove-after': 'never',
      platform: 'IOS'
    })
    expect(settings.start).toMatchObject({ kind: 'test', id: TEST, platform: 'ios' })
    expect(settings.upload).toEqual({
      path: 'Shop.app',
      projectId: 'shop_app-2',
      removeAfterS: null,
      platform: 'ios'
    })
  })

  it.each([
    [{ 'app-id': TEST }, /'app-path' and 'app-id' are both set/],
    [{ 'run-id': TEST }, /'app-path' and 'run-id' are both set/],
    [{ 'project-id': '' }, /'project-id' is required with app-path: .* the build is uploaded to/],
    [{ 'project-id': 'a/b' }, /'project-id' is "a\/b", which is not a project ID/],
    [{ 'project-id': 'x'.repeat(65) }, /which is not a project ID/],
    [{ 'app-remove-after': '8d' }, /'app-remove-after' is "8d".*from 1m to 7d/],
    [{ platform: 'web' }, /'platform' is "web", but 'app-path' uploads a mobile build/],
    [{ mode: 'fast' }, /'mode' is "fast", but it applies only when the action starts a run/]
  ])('refuses %j in one line', (inputs, message) => {
    const errors = errorsOf({ 'app-path': 'app.apk', ...inputs })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
  })

  it("with exploration-agent, the agent tests the upload: its platform is the app's unless given", () => {
    const settings = parse({
      'api-key': 'k-1234567890abcdef',
      'app-path': 'app.apk',
      'exploration-agent': 'true',
      'project-id': PROJECT,
      'simulator-region': 'eu-north1'
    })
    // One project ID for both, checked once.
    expect(settings.upload?.projectId).toBe(PROJECT.toLowerCase())
    expect(settings.agent).toEqual({
      projectId: PROJECT.toLowerCase(),
      platform: '',
      simulatorRegion: 'eu-north1',
      prNumber: 0
    })
    expect(settings.start).toBeNull()
    expect(
      parse({
        'api-key': 'k-1234567890abcdef',
        'app-path': 'app.apk',
        'exploration-agent': 'true',
        'test-id': TEST,
        'project-id': 'shop',
        platform: 'android'
      })
    ).toMatchObject({
      agent: { projectId: 'shop', platform: 'android' },
      start: { kind: 'test', id: TEST, platform: 'android' },
      upload: { projectId: 'shop', platform: 'android' }
    })
  })

  it.each([
    [{ 'project-id': '' }, /^Input 'project-id' is required with exploration-agent and app-path: /],
    [
      { 'target-url': 'https://p.test' },
      /'target-url' is "https:\/\/p.test", but app-path uploads a mobile build: the exploration agent tests that app/
    ],
    [{ platform: 'web' }, /'platform' is "web", but 'app-path' uploads a mobile build/],
    [
      { 'device-model': 'ipad' },
      /'device-model' is "ipad", but the exploration agent does not take it/
    ]
  ])('with exploration-agent, refuses %j in one line', (inputs, message) => {
    const errors = errorsOf({ 'app-path': 'app.apk', 'exploration-agent': 'true', ...inputs })
    expect(errors).toEqual([expect.stringMatching(message)])
  })

  it('without it, nothing to do is still an error that mentions it', () => {
    expect(errorsOf({})).toEqual([expect.stringMatching(/or 'app-path' alone, to upload a build/)])
  })
})
