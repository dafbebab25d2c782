// What the one commit status of a matrix says in reports mode: `success` when every expected leg
// reported and passed; `failure` when legs that reported failed on what they found; `error` when a
// leg is missing, a file could not be used, or a leg could not finish. Pure.
import type { StatusState } from '../github/statuses.js'
import { plural, runTotals } from '../labels.js'
import type { Gathered, Report } from '../model.js'
import { legCount, legVerdictWord, missingClause } from './legs-words.js'

export function matrixStatus(
  report: Report,
  gathered: Gathered,
  fit: (text: string) => string
): { state: StatusState; description: string } {
  const totals = runTotals(report.runs)
  const legs = plural(legCount(gathered), 'leg')
  const flaky = totals.flaky ? `, ${totals.flaky} flaky` : ''
  const counts = `${plural(report.runs.length, 'run')}, ${plural(totals.issues, 'issue')}, ${plural(totals.warnings, 'warning')}${flaky}`
  if (report.passed) return { state: 'success', description: fit(`Passed: ${legs}, ${counts}`) }
  const failed = gathered.legs.filter(l => !l.passed)
  const unfinished = failed.filter(l => legVerdictWord(l).mark === '⚠️')
  const couldNotTell =
    gathered.missing.count > 0 || gathered.problems.length > 0 || unfinished.length > 0
  const named = failed.map(l => `${l.name} ${legVerdictWord(l).word}`)
  const missing = missingClause(gathered)
  const clauses = [
    ...(named.length ? [`${named.join(', ')} (of ${legs})`] : []),
    ...(missing ? [missing] : []),
    ...(gathered.problems.length
      ? [`${plural(gathered.problems.length, 'report')} not usable`]
      : [])
  ]
  return {
    state: couldNotTell ? 'error' : 'failure',
    description: fit(
      `${couldNotTell ? 'Error' : 'Failed'}: ${clauses.join('; ') || 'no leg reported'}`
    )
  }
}
