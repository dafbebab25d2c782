// Decoding the API's upload answers, finding this upload's app in a list, and the platform rule.
import { describe, expect, it } from '@jest/globals'
import {
  matchUploadedApp,
  NotAnAppError,
  parseAppList,
  parseConfirmed,
  parseUploadTicket,
  resolvePlatform,
  type MobileApp
} from '../src/api/app-response.js'

const APP = {
  id: '7C9E6679-7425-40DE-944B-E07FC1F90AE7',
  platform: 'android',
  filename: 'app-release.apk',
  bundleId: 'com.example.shop',
  appVersion: '2.4.0',
  buildVersion: '118',
  fileSize: 1000,
  source: 'api_upload',
  expiresAt: null,
  removeAfter: 86400,
  createdAt: '2026-11-29T03:00:10Z'
}

describe('decoding', () => {
  it('reads a ticket and refuses one without its URL or key', () => {
    expect(parseUploadTicket({ uploadUrl: 'https://s3/x', storageKey: 'k', extra: 1 })).toEqual({
      uploadUrl: 'https://s3/x',
      storageKey: 'k'
    })
    expect(() => parseUploadTicket({ uploadUrl: 'https://s3/x' })).toThrow(NotAnAppError)
    expect(() => parseUploadTicket(null)).toThrow(/no uploadUrl/)
  })

  it('reads the confirmed app, its ID in lower case, nulls kept', () => {
    expect(parseConfirmed({ app: { ...APP, bundleId: null } })).toEqual({
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      platform: 'android',
      filename: 'app-release.apk',
      bundleId: null,
      appVersion: '2.4.0',
      buildVersion: '118',
      fileSize: 1000,
      source: 'api_upload',
      createdAt: '2026-11-29T03:00:10Z'
    })
  })

  it('refuses an app whose ID is not a UUID or that has no platform', () => {
    expect(() => parseConfirmed({})).toThrow(/no app/)
    expect(() => parseConfirmed({ app: { ...APP, id: '../../runs' } })).toThrow(/UUID/)
    expect(() => parseConfirmed({ app: { ...APP, platform: '' } })).toThrow(/platform/)
  })

  it('keeps the good items of a list and drops odd ones', () => {
    const apps = parseAppList({ apps: [APP, { id: 3 }, null] })
    expect(apps.map(a => a.id)).toEqual(['7c9e6679-7425-40de-944b-e07fc1f90ae7'])
    expect(() => parseAppList({ items: [] })).toThrow(/apps array/)
  })
})

describe('matchUploadedApp', () => {
  const since = Date.parse('2026-11-29T03:00:00Z')
  const app = (over: Partial<typeof APP>): MobileApp =>
    parseAppList({ apps: [{ ...APP, id: crypto.randomUUID(), ...over }] })[0] as MobileApp

  it('keeps API uploads of the same size created since the upload began, less the skew', () => {
    const apps = [
      app({}),
      app({ source: 'manual_upload' }),
      app({ fileSize: 999 }),
      app({ createdAt: '2026-11-29T02:30:00Z' }),
      app({ createdAt: '2026-11-29T02:59:00Z' }),
      app({ createdAt: 'yesterday-ish' })
    ]
    const found = matchUploadedApp(apps, { fileSize: 1000, since, skewMs: 120_000 })
    expect(found).toEqual([apps[0], apps[4]])
  })
})

describe('resolvePlatform', () => {
  const android = parseConfirmed({ app: APP })

  it("takes the app's platform when none is asked for", () => {
    expect(resolvePlatform('', android)).toEqual({ platform: 'android' })
    expect(resolvePlatform('Android', android)).toEqual({ platform: 'android' })
  })

  it('refuses a mismatch before any run starts', () => {
    expect(resolvePlatform('ios', android)).toEqual({
      message: expect.stringMatching(
        /^Input 'platform' is "ios", but the uploaded build is an android app .*No run was started\.$/
      )
    })
  })
})
