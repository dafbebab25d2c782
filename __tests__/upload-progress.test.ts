// The upload's progress lines, driven by a fake clock: a line per tenth, at most one per 15 s.
import { describe, expect, it } from '@jest/globals'
import { formatRate, UploadProgress } from '../src/upload/upload-progress.js'

const MiB = 1024 * 1024

describe('UploadProgress', () => {
  it('logs a line per tenth with the rate and the time left, then the total', () => {
    let now = 0
    const progress = new UploadProgress(400 * MiB, () => now)
    const lines: string[] = []
    // 4 MiB/s for 100 s, told every second.
    for (let s = 1; s < 100; s++) {
      now = s * 1000
      const line = progress.update(s * 4 * MiB)
      if (line) lines.push(line)
    }
    expect(lines[0]).toBe('15 % (60.0 MiB of 400 MiB) at 4.00 MiB/s, about 1 min 25 s left')
    // Tenths are crossed every 10 s but lines come at most every 15 s.
    expect(lines).toHaveLength(6)
    expect(lines.every(l => /^\d+ % \(/.test(l))).toBe(true)
    now = 100_000
    expect(progress.finish()).toEqual({
      line: 'Uploaded 400 MiB in 1 min 40 s (4.00 MiB/s).',
      elapsedMs: 100_000
    })
  })

  it('says nothing more for a fast upload than the total', () => {
    let now = 0
    const progress = new UploadProgress(10 * MiB, () => now)
    for (let i = 1; i <= 10; i++) {
      now = i * 100
      expect(progress.update(i * MiB)).toBeNull()
    }
    expect(progress.finish().line).toBe('Uploaded 10.0 MiB in 1 s (10.0 MiB/s).')
  })

  it('starts counting again for a new attempt', () => {
    let now = 0
    const progress = new UploadProgress(100, () => now)
    now = 20_000
    expect(progress.update(50)).toMatch(/^50 %/)
    now = 30_000
    progress.restart()
    now = 46_000
    expect(progress.update(20)).toMatch(/^20 % .* about 1 min 4 s left$/)
    expect(progress.update(100)).toBeNull()
  })

  it('shows no rate for no time', () => {
    expect(formatRate(10, 0)).toBe('–')
  })
})
