import { describe, expect, it } from '@jest/globals'
import { decideList } from '../src/api/list-policy.js'

/** Every answer the policy is asked about (an aborted request never is). */
type ListRunsResponse = Parameters<typeof decideList>[0]

const context = { pollIntervalMs: 5_000, random: () => 0.5 }
const http = (status: number, retryAfterMs: number | null = null): ListRunsResponse => ({
  kind: 'http-error',
  status,
  message: `HTTP ${status}: no`,
  retryAfterMs
})

describe('decideList', () => {
  it('uses a list and forgets earlier faults', () => {
    expect(decideList({ kind: 'list', page: { runs: [], nextCursor: null } }, 3, context)).toEqual([
      { action: 'use' },
      0
    ])
  })

  it.each([401, 403, 404, 400, 405, 410, 500, 502, 503, 504, 301])(
    '%d: falls back to reading runs by ID, never fails the wait',
    status => {
      const [decision] = decideList(http(status), 0, context)
      expect(decision).toEqual({ action: 'fall-back', reason: `HTTP ${status}: no` })
    }
  )

  it.each<ListRunsResponse>([
    {
      kind: 'invalid-body',
      message: 'the API answered 200 with something that is not a list of runs'
    },
    { kind: 'too-large', message: 'too large' }
  ])('falls back on $kind', response => {
    expect(decideList(response, 0, context)[0].action).toBe('fall-back')
  })

  it('429: the list waits as Retry-After says, never under the interval', () => {
    expect(decideList(http(429, 30_000), 0, context)).toEqual([
      { action: 'retry', delayMs: 30_000, message: expect.stringContaining('rate limiting') },
      1
    ])
    expect(decideList(http(429, 0), 0, context)[0]).toMatchObject({ delayMs: 5_000 })
  })

  it('no answer: backs off exponentially with jitter, as for a run', () => {
    const fault: ListRunsResponse = {
      kind: 'network-error',
      message: 'the connection was reset (ECONNRESET)',
      timedOut: false,
      mayHaveArrived: true
    }
    const delays = [0, 1, 2].map(n => decideList(fault, n, context))
    expect(delays.map(([d]) => (d.action === 'retry' ? d.delayMs : 0))).toEqual([
      7_500, 12_500, 22_500
    ])
    expect(delays.map(([, failures]) => failures)).toEqual([1, 2, 3])
  })
})
