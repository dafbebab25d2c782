import { describe, expect, it } from '@jest/globals'
import { systemClock } from '../src/clock.js'

describe('systemClock', () => {
  it('sleeps about as long as asked', async () => {
    const started = Date.now()
    await systemClock.sleep(30)
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)
  })

  it('wakes at once when the wait is aborted, and never rejects', async () => {
    const controller = new AbortController()
    const started = Date.now()
    const sleeping = systemClock.sleep(60_000, controller.signal)
    controller.abort()
    await expect(sleeping).resolves.toBeUndefined()
    await expect(systemClock.sleep(60_000, controller.signal)).resolves.toBeUndefined()
    expect(Date.now() - started).toBeLessThan(1_000)
  })
})
