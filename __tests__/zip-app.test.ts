// Zipping a .app folder: entries under Shop.app/, symlinks stored as links, the zip removable.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { zipAppFolder } from '../src/upload/zip-app.js'

const dir = mkdtempSync(join(tmpdir(), 'zip-app-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function shopApp(): string {
  const app = join(dir, 'build', 'Shop.app')
  const framework = join(app, 'Frameworks', 'Kit.framework', 'Versions', 'A')
  mkdirSync(framework, { recursive: true })
  mkdirSync(join(app, 'Empty'))
  writeFileSync(join(app, 'Shop'), Buffer.alloc(200_000, 7), { mode: 0o755 })
  writeFileSync(join(app, 'Info.plist'), '<plist/>')
  writeFileSync(join(framework, 'Kit'), 'binary')
  symlinkSync('A', join(app, 'Frameworks', 'Kit.framework', 'Versions', 'Current'))
  symlinkSync('Versions/Current/Kit', join(app, 'Frameworks', 'Kit.framework', 'Kit'))
  return app
}

describe('zipAppFolder', () => {
  it('keeps the top folder, the symlinks and the modes', async () => {
    const temp = join(dir, 'temp')
    mkdirSync(temp)
    const zipped = await zipAppFolder(`${shopApp()}/`, temp)
    expect(basename(zipped.path)).toBe('Shop.app.zip')
    expect(dirname(dirname(zipped.path))).toBe(temp)
    expect(zipped.size).toBeGreaterThan(0)
    const listing = execFileSync('unzip', ['-Z', '-l', zipped.path], { encoding: 'utf8' })
    const names = listing
      .split('\n')
      .map(line => line.split(/\s+/).at(-1))
      .filter(name => name && name.startsWith('Shop.app'))
    expect(names).toEqual(
      expect.arrayContaining([
        'Shop.app/',
        'Shop.app/Empty/',
        'Shop.app/Info.plist',
        'Shop.app/Shop',
        'Shop.app/Frameworks/Kit.framework/Kit',
        'Shop.app/Frameworks/Kit.framework/Versions/A/Kit',
        'Shop.app/Frameworks/Kit.framework/Versions/Current'
      ])
    )
    expect(listing).toMatch(/^-rwxr-xr-x .* Shop\.app\/Shop$/m)
    expect(listing).toMatch(/^lrwxrwxrwx .* Shop\.app\/Frameworks\/Kit\.framework\/Kit$/m)

    const out = join(dir, 'unzipped')
    execFileSync('unzip', ['-q', zipped.path, '-d', out])
    expect(readlinkSync(join(out, 'Shop.app', 'Frameworks', 'Kit.framework', 'Kit'))).toBe(
      'Versions/Current/Kit'
    )
    await zipped.remove()
    await zipped.remove()
    expect(existsSync(zipped.path)).toBe(false)
  })

  it('removes a half-written zip when cancelled', async () => {
    const temp = join(dir, 'temp2')
    mkdirSync(temp)
    const controller = new AbortController()
    controller.abort()
    await expect(
      zipAppFolder(join(dir, 'build', 'Shop.app'), temp, controller.signal)
    ).rejects.toThrow('aborted')
    expect(readdirSync(temp)).toEqual([])
  })

  it('zips the bundle an app-path symlink points to as a folder, not as a link', async () => {
    const temp = join(dir, 'temp3')
    mkdirSync(temp)
    const linked = join(dir, 'Linked.app')
    symlinkSync(join(dir, 'build', 'Shop.app'), linked)
    const zipped = await zipAppFolder(linked, temp)
    const listing = execFileSync('unzip', ['-Z', '-l', zipped.path], { encoding: 'utf8' })
    expect(listing).toMatch(/^drwx.* Linked\.app\/$/m)
    const out = join(dir, 'unzipped-linked')
    execFileSync('unzip', ['-q', zipped.path, '-d', out])
    expect(readFileSync(join(out, 'Linked.app', 'Info.plist'), 'utf8')).toBe('<plist/>')
    await zipped.remove()
  })

  it("leaves the workflow's own Shop.app.zip in the temp folder alone", async () => {
    const temp = join(dir, 'temp4')
    mkdirSync(temp)
    writeFileSync(join(temp, 'Shop.app.zip'), 'the workflow artifact')
    const zipped = await zipAppFolder(join(dir, 'build', 'Shop.app'), temp)
    expect(readFileSync(join(temp, 'Shop.app.zip'), 'utf8')).toBe('the workflow artifact')
    await zipped.remove()
    expect(readdirSync(temp)).toEqual(['Shop.app.zip'])
  })
})
