// Report files written beside their path and renamed into place (issue 26): a link at the path is
// replaced, never followed; a dangling link's target is never created; nothing is left beside.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeFileBeside } from '../src/report/file-write.js'

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'file-write-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const upper = (text: string): string => text.toUpperCase()

describe('writeFileBeside', () => {
  it('writes the pieces, each scrubbed, and leaves nothing beside the file', async () => {
    const path = join(dir, 'report.json')
    await writeFileBeside(path, ['a', 'b', 'c'], upper)
    expect(readFileSync(path, 'utf8')).toBe('ABC')
    expect(readdirSync(dir)).toEqual(['report.json'])
  })

  it('replaces a file already there', async () => {
    const path = join(dir, 'report.json')
    writeFileSync(path, 'old and longer')
    await writeFileBeside(path, ['new'], text => text)
    expect(readFileSync(path, 'utf8')).toBe('new')
  })

  it('replaces a link to another file, leaving that file as it was', async () => {
    const victim = join(dir, 'victim')
    const path = join(dir, 'report.junit.xml')
    writeFileSync(victim, 'keep me')
    symlinkSync(victim, path)
    await writeFileBeside(path, ['<testsuites/>'], text => text)
    expect(readFileSync(victim, 'utf8')).toBe('keep me')
    expect(lstatSync(path).isFile()).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe('<testsuites/>')
  })

  it('replaces a dangling link without creating its target', async () => {
    const target = join(dir, 'created-by-nobody')
    const path = join(dir, 'report.ctrf.json')
    symlinkSync(target, path)
    await writeFileBeside(path, ['{}'], text => text)
    expect(existsSync(join(dir, 'created-by-nobody'))).toBe(false)
    expect(lstatSync(path).isFile()).toBe(true)
  })

  it('a piece that throws: the file at the path is untouched, nothing is left beside it', async () => {
    const path = join(dir, 'report.json')
    writeFileSync(path, 'the last good report')
    function* pieces(): Generator<string> {
      yield 'half'
      throw new RangeError('too deep')
    }
    await expect(writeFileBeside(path, pieces(), text => text)).rejects.toThrow('too deep')
    expect(readFileSync(path, 'utf8')).toBe('the last good report')
    expect(readdirSync(dir)).toEqual(['report.json'])
  })

  it('lets timers run while a long file is written (the hard exit after a cancel)', async () => {
    const path = join(dir, 'big.json')
    let fired = 0
    const timer = setInterval(() => fired++, 5)
    const started = Date.now()
    function* slow(): Generator<string> {
      // About 200 ms of work, in pieces.
      while (Date.now() - started < 200) yield 'x'.repeat(1_000)
    }
    await writeFileBeside(path, slow(), text => text)
    clearInterval(timer)
    expect(fired).toBeGreaterThan(0)
  })
})
