// The inputs of the verdict: which findings fail it (`fail-on`, `min-severity`) and what a run that
// fails and is started again counts as (`retry-failed`, `on-flaky`). Pure.
import { Inputs, Limits } from '../constants.js'
import type { FailOn, OnFlaky } from '../model.js'
import { InputError, parseChoice, quote, type Attempt, type InputSource } from './source.js'

export interface VerdictSettings {
  failOn: FailOn
  /** 1 to 5: issues below it are reported but do not fail the verdict. */
  minSeverity: number
  /** `retry-failed`: 0 to 3 more attempts for a run whose own verdict failed. */
  retryFailed: number
  /** `on-flaky`: what a run that failed and then passed on a retry does to the verdict. */
  onFlaky: OnFlaky
}

const FAIL_ON: readonly FailOn[] = ['failed', 'warnings', 'never']

export function parseVerdict(source: InputSource, attempt: Attempt): VerdictSettings {
  return {
    failOn: attempt(
      () => parseChoice(Inputs.FailOn, source.read(Inputs.FailOn), 'failed', FAIL_ON),
      'failed' as FailOn
    ),
    minSeverity: attempt(() => parseMinSeverity(source.read(Inputs.MinSeverity)), 1),
    retryFailed: attempt(() => parseRetryFailed(source.read(Inputs.RetryFailed)), 0),
    onFlaky: attempt(
      () => parseChoice(Inputs.OnFlaky, source.read(Inputs.OnFlaky), 'pass', ['pass', 'fail']),
      'pass' as OnFlaky
    )
  }
}

function parseMinSeverity(raw: string): number {
  const value = raw.trim() || '1'
  if (/^[1-5]$/.test(value)) return Number(value)
  throw new InputError(
    `Input '${Inputs.MinSeverity}' is ${quote(value)}: expected a whole number from 1 (minor) to 5 (critical).`
  )
}

function parseRetryFailed(raw: string): number {
  const value = raw.trim() || '0'
  if (/^[0-9]$/.test(value) && Number(value) <= Limits.maxRetries) return Number(value)
  throw new InputError(
    `Input '${Inputs.RetryFailed}' is ${quote(value)}: expected a whole number from 0 (no retry) to ${Limits.maxRetries}.`
  )
}
