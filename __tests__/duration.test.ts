import { describe, expect, it } from '@jest/globals'
import { formatDuration, parseDuration } from '../src/duration.js'

describe('parseDuration', () => {
  it.each([
    ['5', 5_000],
    ['5s', 5_000],
    ['5 s', 5_000],
    ['250ms', 250],
    ['1.5s', 1_500],
    ['.5s', 500],
    ['30m', 1_800_000],
    ['2H', 7_200_000]
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms))

  it.each(['', 's', '5x', '-1s', '1e3', '5 minutes', 'Infinity'])('%s is not a duration', text =>
    expect(parseDuration(text)).toBeNull()
  )
})

describe('formatDuration', () => {
  it.each([
    [850, '850 ms'],
    [3_500, '3.5 s'],
    [9_990, '10 s'],
    [42_000, '42 s'],
    [60_000, '1 min'],
    [130_000, '2 min 10 s'],
    [3_900_000, '1 h 5 min'],
    [7_200_000, '2 h'],
    [-1, '–']
  ])('%d ms reads as %s', (ms, text) => expect(formatDuration(ms)).toBe(text))
})
