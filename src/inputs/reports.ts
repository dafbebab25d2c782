// The inputs of a matrix: `leg` (a leg's name in the combined report) and reports mode (`reports`,
// `expected-reports`), where a last job gathers the legs' report files into one verdict. Pure.
import { Inputs } from '../constants.js'
import { InputError, quote, type Attempt, type InputSource } from './source.js'
import { START_INPUTS } from './runs.js'

/** Reports mode: which files to read and which legs must be there. */
export interface ReportsRequest {
  /** Glob patterns, one a line (`@actions/glob`), as given. */
  patterns: string
  /** A count of legs, or their names. */
  expected: { count: number } | { names: string[] }
}

export interface MatrixSettings {
  /** This leg's name in the combined report; '' for the folder's or file's name. */
  leg: string
  /** Set: reports mode (nothing is started or waited for). */
  reports: ReportsRequest | null
}

/** A leg's name is shown in tables and lines: one line, and short enough for a table cell. */
const MAX_LEG_CHARS = 100

/** Ways of running that reports mode replaces: given with `reports`, one of them is a mistake. */
const RUNNING_INPUTS = [
  Inputs.RunId,
  Inputs.TestId,
  Inputs.GroupId,
  Inputs.ExplorationAgent,
  Inputs.AppPath
] as const

/**
 * What each leg decides for itself (fail-on, min-severity, retries, waivers); the gathering job
 * keeps the legs' verdicts and never judges their runs again, so another value there would change
 * nothing. Each with its default (action.yml),
 * since the runner always passes one.
 */
const LEG_DECIDES: readonly [string, string][] = [
  [Inputs.MinSeverity, '1'],
  [Inputs.OnFlaky, 'pass'],
  [Inputs.RetryFailed, '0'],
  // Waivers too: a leg's report already lists what its known issues waived.
  [Inputs.KnownIssues, ''],
  [Inputs.KnownIssuesFrom, 'workspace']
]

/** Only the default `true` counts as unset: the runner passes action.yml's default. */
const isSet = (name: string, value: string): boolean =>
  value !== '' && !(name === Inputs.ExplorationAgent && value.toLowerCase() === 'false')

/**
 * The matrix inputs, and in reports mode every input that would be ignored refused by name: each
 * bad one through `attempt`, so all are reported at once.
 */
export function parseMatrix(source: InputSource, attempt: Attempt): MatrixSettings {
  const patterns = source.read(Inputs.Reports).trim()
  const expectedRaw = source.read(Inputs.ExpectedReports).trim()
  const leg = attempt(() => parseLeg(source.read(Inputs.Leg)), '')
  if (!patterns) {
    // `1` is action.yml's default, passed by the runner whether or not the workflow gave it.
    if (expectedRaw && expectedRaw !== '1') {
      attempt(() => {
        throw new InputError(
          `Input '${Inputs.ExpectedReports}' is ${quote(expectedRaw)}, but '${Inputs.Reports}' is empty: ` +
            `expected-reports applies only to the job that gathers the legs' reports (reports mode).`
        )
      }, undefined)
    }
    return { leg, reports: null }
  }
  for (const problem of ignoredInputs(source, patterns, leg)) {
    attempt(() => {
      throw new InputError(problem)
    }, undefined)
  }
  const expected = attempt(() => parseExpected(expectedRaw), { count: 1 })
  return { leg: '', reports: { patterns, expected } }
}

/** In reports mode: each input given that it would ignore, as an error message. */
function ignoredInputs(source: InputSource, patterns: string, leg: string): string[] {
  const problems: string[] = []
  const refuse = (name: string, value: string, why: string): number =>
    problems.push(`Input '${name}' is ${quote(value)}, but '${Inputs.Reports}' is set: ${why}.`)
  if (patterns.includes('\u0000')) {
    problems.push(
      `Input '${Inputs.Reports}' is ${quote(patterns)}: expected glob patterns of report files, one a line, such as testerarmy-reports/**/*.json.`
    )
  }
  for (const name of [...RUNNING_INPUTS, ...START_INPUTS]) {
    const value = source.read(name).trim()
    if (!isSet(name, value)) continue
    refuse(
      name,
      value,
      (RUNNING_INPUTS as readonly string[]).includes(name)
        ? `reports mode gathers the reports the legs wrote and starts or waits for nothing: give ${Inputs.Reports} in the gathering job and ${name} in the legs`
        : 'it applies only when the action starts a run, and reports mode starts nothing'
    )
  }
  if (leg) {
    refuse(
      Inputs.Leg,
      leg,
      "leg names a leg's report, and the gathering job writes the combined one; give leg in the legs"
    )
  }
  for (const [name, fallback] of LEG_DECIDES) {
    const value = source.read(name).trim()
    if (value && value.toLowerCase() !== fallback) {
      refuse(
        name,
        value,
        `each leg's verdict is kept as the leg decided it, so set ${name} in the legs (the gathering job takes only the default${fallback ? `, ${fallback}` : ', empty'})`
      )
    }
  }
  const failOn = source.read(Inputs.FailOn).trim()
  if (failOn.toLowerCase() === 'warnings') {
    refuse(
      Inputs.FailOn,
      failOn,
      "each leg's verdict is kept as the leg decided it, so set fail-on: warnings in the legs; the gathering job takes failed (fail the step on the combined verdict) or never"
    )
  }
  return problems
}

function parseLeg(raw: string): string {
  const value = raw.trim()
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value) || Array.from(value).length > MAX_LEG_CHARS) {
    throw new InputError(
      `Input '${Inputs.Leg}' is ${quote(value)}: expected one line of at most ${MAX_LEG_CHARS} characters, ` +
        `such as web or \${{ matrix.platform }}.`
    )
  }
  return value
}

/** A count of at least 1, or leg names separated by commas or newlines (each once). */
function parseExpected(raw: string): ReportsRequest['expected'] {
  const value = raw || '1'
  if (/^\d+$/.test(value)) {
    const count = Number(value)
    if (count >= 1 && count <= MAX_EXPECTED) return { count }
    throw new InputError(
      `Input '${Inputs.ExpectedReports}' is ${quote(value)}: expected how many legs must report (1 to ${MAX_EXPECTED}), ` +
        `or their names separated by commas or newlines.`
    )
  }
  const names = [
    ...new Set(
      value
        .split(/[,\n]/)
        .map(name => name.trim())
        .filter(Boolean)
    )
  ]
  const bad = names.find(
    // eslint-disable-next-line no-control-regex
    name => /[\u0000-\u001f\u007f]/.test(name) || Array.from(name).length > MAX_LEG_CHARS
  )
  if (bad !== undefined || names.length === 0 || names.length > MAX_EXPECTED) {
    throw new InputError(
      `Input '${Inputs.ExpectedReports}' is ${quote(value)}: expected how many legs must report (1 to ${MAX_EXPECTED}), ` +
        `or their names (each at most ${MAX_LEG_CHARS} characters) separated by commas or newlines.`
    )
  }
  return { names }
}

/** GitHub runs at most 256 jobs of one matrix. */
const MAX_EXPECTED = 256
