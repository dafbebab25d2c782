// Reading one input: where inputs come from, the error a bad one gives, and the value parsers that
// several capabilities share (booleans, choices, IDs). Pure.
import { isUuid } from '../guards.js'

/** A bad input. The message names the input, quotes the value and says what is accepted. */
export class InputError extends Error {
  override name = 'InputError'
}

/** All the bad inputs at once, so a user fixes them in one go rather than one per run. */
export class InputErrors extends Error {
  override name = 'InputErrors'
  constructor(readonly errors: InputError[]) {
    super(errors.map(e => e.message).join('\n'))
  }
}

export interface InputSource {
  /** The raw input, as `core.getInput` gives it (trimmed, '' when unset). */
  read(name: string): string
  env: Record<string, string | undefined>
  /** Called with the API key the moment it is known, so it is masked before anything can log it. */
  onSecret(secret: string): void
  /** The event that started the workflow, where an input's meaning depends on it. */
  event?: {
    name: string
    /** On a pull request from a fork: the fork's `owner/repo` (its workflows get no secrets). */
    forkRepository?: string
  }
}

/**
 * Parses one setting, keeping its InputError for the list and giving `fallback` instead, so every
 * bad input is reported in one go.
 */
export type Attempt = <T>(parse: () => T, fallback: T) => T

/** Quotes a user's value in an error message, shortened so a pasted blob stays one readable line. */
export function quote(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, '⏎')
  return JSON.stringify(oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine)
}

/** One of `choices`, in any case; an empty value is `fallback` (the inputs' one choice parser). */
export function parseChoice<T extends string>(
  name: string,
  raw: string,
  fallback: T | '',
  choices: readonly T[]
): T {
  const value = raw.trim().toLowerCase() || fallback
  if ((choices as readonly string[]).includes(value)) return value as T
  throw new InputError(
    `Input '${name}' is ${quote(raw.trim())}: expected one of ${choices.join(', ')}.`
  )
}

/** Same spellings as `core.getBooleanInput` (YAML 1.2 core schema), with our own error message. */
export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim()
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(`Input '${name}' is ${quote(value)}: expected true or false.`)
}

/** An ID the API knows as a UUID, lower-cased like every ID. */
export function parseUuid(name: string, raw: string, what: string): string {
  const value = raw.trim()
  if (isUuid(value)) return value.toLowerCase()
  throw new InputError(
    `Input '${name}' is ${quote(value)}, which is not ${what}: expected a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.`
  )
}
