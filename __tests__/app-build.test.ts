// What app-path and app-remove-after accept, and where a build may be sent.
import { describe, expect, it } from '@jest/globals'
import {
  checkUploadUrl,
  classifyAppPath,
  formatBytes,
  parseRemoveAfter
} from '../src/upload/app-path.js'

describe('classifyAppPath', () => {
  it.each([
    ['build/app-release.apk', 'app-release.apk', 'android'],
    ['Shop.app.zip', 'Shop.app.zip', 'ios'],
    ['out/Shop.app.tar.gz', 'Shop.app.tar.gz', 'ios'],
    ['Shop.ZIP', 'Shop.ZIP', null],
    ['shop.tgz', 'shop.tgz', null]
  ])('accepts the file %s, sent as %s', (path, uploadName, platform) => {
    expect(classifyAppPath(path, false)).toEqual({ ok: true, kind: 'file', uploadName, platform })
  })

  it('zips a .app folder under its own name, trailing slash or not', () => {
    for (const path of ['ios/build/Shop.app', 'ios/build/Shop.app/'])
      expect(classifyAppPath(path, true)).toEqual({
        ok: true,
        kind: 'app-folder',
        uploadName: 'Shop.app.zip',
        platform: 'ios'
      })
  })

  it.each([
    ['Shop.ipa', /iOS device build.*simulator.*\.app folder/],
    ['app-release.aab', /Android App Bundle.*bundletool build-apks --mode=universal/],
    ['app.apks', /split APKs.*universal APK/],
    ['app.XAPK', /XAPK.*universal APK/],
    ['notes.txt', /not a build TesterArmy can install: expected an \.apk/],
    ['.apk', /not a build/]
  ])('refuses %s in one line saying what to build instead', (path, message) => {
    const verdict = classifyAppPath(path, false)
    expect(verdict.ok).toBe(false)
    if (verdict.ok) return
    expect(verdict.message).toMatch(message)
    expect(verdict.message).toContain(`Input 'app-path' is "${path}"`)
    expect(verdict.message).not.toContain('\n')
  })

  it('refuses a folder that is not a .app bundle', () => {
    const verdict = classifyAppPath('build/outputs', true)
    expect(verdict).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a \.app bundle/)
    })
  })
})

describe('parseRemoveAfter', () => {
  it.each([
    ['24h', 86_400],
    ['1m', 60],
    ['7d', 604_800],
    ['90m', 5_400],
    ['3600', 3_600],
    [' 2D ', 172_800],
    ['never', null],
    ['NEVER', null]
  ])('%s keeps the build %s s', (text, seconds) => {
    expect(parseRemoveAfter(text)).toEqual({ seconds })
  })

  it.each(['8d', '59s', '0', '', 'forever', '-1h', '1w'])('refuses %j naming the range', text => {
    expect(parseRemoveAfter(text)).toEqual({
      message: expect.stringMatching(/^Input 'app-remove-after' is .*from 1m to 7d.*or never\.$/)
    })
  })
})

describe('checkUploadUrl', () => {
  it('takes https anywhere and http only on this machine', () => {
    expect(checkUploadUrl('https://bucket.s3.amazonaws.com/k?X-Amz-Signature=1')).toBeNull()
    expect(checkUploadUrl('http://127.0.0.1:9000/bucket/k')).toBeNull()
    expect(checkUploadUrl('http://[::1]:9000/bucket/k')).toBeNull()
    expect(checkUploadUrl('http://localhost/k')).toBeNull()
  })

  it('refuses plain http elsewhere without quoting the signed query', () => {
    const message = checkUploadUrl('http://bucket.example.com/k?X-Amz-Signature=SECRETSIG')
    expect(message).toMatch(/not https/)
    expect(message).not.toContain('SECRETSIG')
    expect(checkUploadUrl('ftp://x/y')).toMatch(/not https/)
    expect(checkUploadUrl('not a url')).toMatch(/not a URL/)
  })
})

describe('formatBytes', () => {
  it.each([
    [512, '512 B'],
    [1536, '1.50 KiB'],
    [48.2 * 1024 * 1024, '48.2 MiB'],
    [400 * 1024 * 1024, '400 MiB'],
    [1.5 * 1024 ** 3, '1.50 GiB'],
    [-1, '–']
  ])('%s bytes read as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })
})
