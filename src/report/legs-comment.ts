// The pull-request comment's lines about a matrix in reports mode: every leg with its verdict (and
// why, when it failed), what is missing, and how many files could not be used. Leg names and
// reasons come from the legs' files: escaped like the API's text. Pure.
import { code, markdown } from '../escape.js'
import { nowrap, plural } from '../labels.js'
import type { Gathered, Report } from '../model.js'
import { legReasons, legVerdictWord, MISSING_WORD, missingClause } from './legs-words.js'

/** Legs listed in the comment; the summary lists every one. */
const MAX_COMMENT_LEGS = 50

export function legsCommentLines(report: Report, gathered: Gathered): string[] {
  const rows = gathered.legs.map(leg => {
    const { mark, word } = legVerdictWord(leg)
    const why = leg.passed ? '' : markdown(legReasons(report, leg).join('; '), 300)
    return `| ${markdown(leg.name, 100)} | ${nowrap(`${mark} ${word}`)} | ${leg.runs} | ${leg.issues} | ${why} |`
  })
  for (const name of gathered.missing.names) {
    rows.push(
      `| ${markdown(name, 100)} | ${nowrap(`${MISSING_WORD.mark} ${MISSING_WORD.word}`)} | – | – | no report |`
    )
  }
  const shown = rows.slice(0, MAX_COMMENT_LEGS)
  if (rows.length > shown.length) shown.push(`| …and ${rows.length - shown.length} more | | | | |`)
  const lines = ['| Leg | Verdict | Runs | Issues | Why |', '| --- | --- | ---: | ---: | --- |']
  lines.push(...shown)
  const missing = missingClause(gathered)
  if (missing && gathered.missing.names.length === 0)
    lines.push('', `**Missing:** ${markdown(missing, 300)}.`)
  const { problems } = gathered
  if (problems.length) {
    const first = problems[0]!
    lines.push(
      '',
      `**${plural(problems.length, 'file')} could not be used**, such as ${code(first.file, 200)} (${markdown(first.problem, 300)}).`
    )
  }
  return lines
}
