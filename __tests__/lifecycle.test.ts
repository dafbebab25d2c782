// The runner's cancellation: the first signal aborts the wait, a second one is harmless, and the
// hard exit comes before the 4 s the contract promises, whatever still hangs.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import * as core from '../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { watchCancellation } = await import('../src/lifecycle.js')

afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

describe('watchCancellation', () => {
  it('aborts on the first signal, ignores the next, and exits failed before 4 s', () => {
    jest.useFakeTimers()
    core.reset()
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
    const signals = new EventEmitter()
    const lifecycle = watchCancellation(signals as unknown as NodeJS.Process)
    signals.emit('SIGINT', 'SIGINT')
    signals.emit('SIGTERM', 'SIGTERM')
    expect(lifecycle.signal.aborted).toBe(true)
    expect(core.warning).toHaveBeenCalledTimes(1)
    expect(core.warning).toHaveBeenCalledWith(
      'Received SIGINT: the workflow is being cancelled; stopping the wait.'
    )
    jest.advanceTimersByTime(3_999)
    expect(exit).toHaveBeenCalledWith(1)
    expect(core.setFailed).toHaveBeenCalledWith(
      'TesterArmy: the workflow was cancelled; the report could not be written in time.'
    )
    lifecycle.dispose()
  })

  it('stops listening and disarms the hard exit once disposed', () => {
    jest.useFakeTimers()
    core.reset()
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
    const signals = new EventEmitter()
    const lifecycle = watchCancellation(signals as unknown as NodeJS.Process)
    signals.emit('SIGHUP', 'SIGHUP')
    lifecycle.dispose()
    jest.advanceTimersByTime(60_000)
    expect(exit).not.toHaveBeenCalled()
    expect(signals.listenerCount('SIGINT')).toBe(0)
  })
})

describe('signals held while the action loaded, and the hard exit’s last line', () => {
  it('takes over a signal held while loading: cancels at once and releases the holder', () => {
    jest.useFakeTimers()
    core.reset()
    jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
    const release = jest.fn()
    const signals = new EventEmitter()
    const lifecycle = watchCancellation(signals as unknown as NodeJS.Process, {
      received: ['SIGTERM'],
      release
    })
    expect(release).toHaveBeenCalledTimes(1)
    expect(lifecycle.signal.aborted).toBe(true)
    expect(core.warning).toHaveBeenCalledWith(
      'Received SIGTERM: the workflow is being cancelled; stopping the wait.'
    )
    lifecycle.dispose()
  })

  it('says what was written when the hard exit comes after the report', () => {
    jest.useFakeTimers()
    core.reset()
    jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
    const signals = new EventEmitter()
    const lifecycle = watchCancellation(signals as unknown as NodeJS.Process)
    lifecycle.setExitLine('TesterArmy: the workflow was cancelled; the comment did not finish.')
    signals.emit('SIGINT', 'SIGINT')
    jest.advanceTimersByTime(4_000)
    expect(core.setFailed).toHaveBeenCalledWith(
      'TesterArmy: the workflow was cancelled; the comment did not finish.'
    )
    lifecycle.dispose()
  })
})
