// A stand-in for @actions/core in unit tests of main.ts: every call is recorded, inputs come from
// a plain object. The job summary is a file (GITHUB_STEP_SUMMARY), written without @actions/core.
import { jest } from '@jest/globals'

export const inputs: Record<string, string> = {}
export const outputs: Record<string, string> = {}

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

export function reset(values: Record<string, string> = {}): void {
  for (const record of [inputs, outputs]) for (const key of Object.keys(record)) delete record[key]
  Object.assign(inputs, values)
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
