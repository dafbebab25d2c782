import { describe, expect, it } from '@jest/globals'
import type { GetRunResponse } from '../src/api/api-client.js'
import { backoffMs, decide, initialRetryState, type RetryState } from '../src/api/retry-policy.js'
import { parseRun } from '../src/api/run-response.js'

const interval = 5_000
const ctx = (now = 0, random = 0.5) => ({ now, pollIntervalMs: interval, random: () => random })
const http = (status: number, retryAfterMs: number | null = null): GetRunResponse => ({
  kind: 'http-error',
  status,
  message: `HTTP ${status}: nope`,
  retryAfterMs
})
const ok: GetRunResponse = { kind: 'run', run: parseRun({ id: 'r', status: 'running' }), body: {} }

describe('backoffMs', () => {
  it('doubles its ceiling per fault from the poll interval, capped at 60 s', () => {
    // random = 1 shows the ceiling; random = 0 the floor
    expect([1, 2, 3, 4, 5, 10].map(n => backoffMs(n, interval, () => 1))).toEqual([
      10_000, 20_000, 40_000, 60_000, 60_000, 60_000
    ])
    expect([1, 5, 30].map(n => backoffMs(n, interval, () => 0))).toEqual([5_000, 5_000, 5_000])
  })

  it('never waits less than a poll interval longer than 60 s', () => {
    expect(backoffMs(3, 120_000, () => 1)).toBe(120_000)
  })
})

describe('decide', () => {
  // [case, response, state, expected action, delay (ms) or null, throttle]
  const table: [string, GetRunResponse, RetryState, string, number | null, boolean][] = [
    ['a run answer polls again after the interval', ok, initialRetryState(), 'poll', 5_000, false],
    ['500 backs off', http(500), initialRetryState(), 'retry', 7_500, false],
    ['502 backs off', http(502), initialRetryState(), 'retry', 7_500, false],
    ['503 backs off', http(503), initialRetryState(), 'retry', 7_500, false],
    ['504 backs off', http(504), initialRetryState(), 'retry', 7_500, false],
    [
      'the third fault in a row backs off further',
      http(503),
      { failures: 2, notFoundSince: null },
      'retry',
      22_500,
      false
    ],
    [
      'a network error backs off',
      { kind: 'network-error', message: 'reset', timedOut: false, mayHaveArrived: true },
      initialRetryState(),
      'retry',
      7_500,
      false
    ],
    [
      'a request timeout backs off',
      { kind: 'network-error', message: 'slow', timedOut: true, mayHaveArrived: true },
      initialRetryState(),
      'retry',
      7_500,
      false
    ],
    [
      'a body that is not a run backs off',
      { kind: 'invalid-body', message: 'html' },
      initialRetryState(),
      'retry',
      7_500,
      false
    ],
    [
      '429 with Retry-After waits that long and throttles every run',
      http(429, 12_000),
      initialRetryState(),
      'retry',
      12_000,
      true
    ],
    [
      '429 with a short Retry-After still waits a poll interval',
      http(429, 0),
      initialRetryState(),
      'retry',
      5_000,
      true
    ],
    [
      '429 without Retry-After backs off and throttles',
      http(429),
      initialRetryState(),
      'retry',
      7_500,
      true
    ],
    ['404 inside the grace window retries', http(404), initialRetryState(), 'retry', 7_500, false],
    [
      '404 past the 60 s grace window is not found',
      http(404),
      { failures: 9, notFoundSince: -60_000 },
      'not-found',
      null,
      false
    ],
    ['401 is fatal', http(401), initialRetryState(), 'fatal', null, false],
    ['301 (api-url moved) is fatal', http(301), initialRetryState(), 'fatal', null, false],
    ['302 is fatal', http(302), initialRetryState(), 'fatal', null, false],
    ['307 is fatal', http(307), initialRetryState(), 'fatal', null, false],
    ['308 is fatal', http(308), initialRetryState(), 'fatal', null, false],
    ['410 (gone) is fatal', http(410), initialRetryState(), 'fatal', null, false],
    ['405 is fatal', http(405), initialRetryState(), 'fatal', null, false],
    ['501 is fatal', http(501), initialRetryState(), 'fatal', null, false],
    [
      'an answer too large to read gives up on the run, without downloading it again',
      { kind: 'too-large', message: 'larger than 128 MB' },
      initialRetryState(),
      'give-up',
      null,
      false
    ],
    ['403 is fatal', http(403), initialRetryState(), 'fatal', null, false],
    ['400 is fatal', http(400), initialRetryState(), 'fatal', null, false],
    [
      'an odd 418 from a proxy is retried until the timeout',
      http(418),
      initialRetryState(),
      'retry',
      7_500,
      false
    ]
  ]

  it.each(table)('%s', (_name, response, state, action, delay, throttle) => {
    const [decision] = decide(response, state, ctx())
    expect(decision.action).toBe(action)
    if (delay !== null) expect('delayMs' in decision && decision.delayMs).toBe(delay)
    if (decision.action === 'retry') expect(decision.throttle).toBe(throttle)
  })

  it('resets the backoff after a success', () => {
    const [, state] = decide(ok, { failures: 7, notFoundSince: 3 }, ctx())
    expect(state).toEqual(initialRetryState())
  })

  it('counts the grace window from the first 404 of a streak', () => {
    let state = initialRetryState()
    ;[, state] = decide(http(404), state, ctx(1_000))
    ;[, state] = decide(http(404), state, ctx(30_000))
    expect(decide(http(404), state, ctx(60_999))[0].action).toBe('retry')
    expect(decide(http(404), state, ctx(61_000))[0].action).toBe('not-found')
  })

  it('tells the user what to check when the key is rejected', () => {
    const [decision] = decide(http(401), initialRetryState(), ctx())
    expect(decision.action === 'fatal' && decision.message).toContain(
      'rejected the API key (HTTP 401: nope)'
    )
  })

  it('keeps the 504 message for the final error line', () => {
    const [decision] = decide(
      { ...http(504), message: 'HTTP 504: test execution exceeded time limit' } as GetRunResponse,
      initialRetryState(),
      ctx()
    )
    expect(decision.action === 'retry' && decision.message).toContain(
      'test execution exceeded time limit'
    )
  })
})

describe('the 404 grace window', () => {
  it('checks once more right when it ends, however long the backoff', () => {
    const [decision] = decide(
      http(404),
      { failures: 6, notFoundSince: 0 },
      { now: 50_000, pollIntervalMs: 5_000, random: () => 0.999 }
    )
    expect(decision).toMatchObject({ action: 'retry', delayMs: 10_000 })
  })
})
