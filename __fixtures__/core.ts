// A stand-in for @actions/core in unit tests of main.ts: every call is recorded, inputs come from
// a plain object, and the summary is kept in memory.
import { jest } from '@jest/globals'

export const inputs: Record<string, string> = {}
export const outputs: Record<string, string> = {}
export const summaryWritten: string[] = []
export let summaryFails = false

export const getInput = jest.fn((name: string) => inputs[name] ?? '')
export const setOutput = jest.fn((name: string, value: string) => {
  outputs[name] = value
})
export const setSecret = jest.fn()
export const setFailed = jest.fn()
export const info = jest.fn()
export const debug = jest.fn()
export const warning = jest.fn()
export const error = jest.fn()
export const notice = jest.fn()
export const startGroup = jest.fn()
export const endGroup = jest.fn()

let pending = ''
export const summary = {
  addRaw(text: string) {
    pending += text
    return summary
  },
  async write() {
    if (summaryFails) throw new Error('EACCES: permission denied')
    summaryWritten.push(pending)
    pending = ''
    return summary
  }
}

export function reset(
  values: Record<string, string> = {},
  options: { summaryFails?: boolean } = {}
): void {
  for (const record of [inputs, outputs]) for (const key of Object.keys(record)) delete record[key]
  Object.assign(inputs, values)
  summaryWritten.length = 0
  pending = ''
  summaryFails = options.summaryFails ?? false
  for (const fn of [
    getInput,
    setOutput,
    setSecret,
    setFailed,
    info,
    debug,
    warning,
    error,
    notice,
    startGroup,
    endGroup
  ]) {
    fn.mockClear()
  }
}
