// The top of the job summary in reports mode: the matrix's verdict, what could not be used, what is
// missing, and a table of the legs (leg, verdict, runs, issues, flaky, waived); each leg's runs
// follow as in any summary. Everything from the legs' files is escaped. Pure.
import { code, markdown } from '../escape.js'
import { countsOf, nowrap, plural, runTotals } from '../labels.js'
import type { Gathered, Report } from '../model.js'
import {
  legReasons,
  legVerdictWord,
  matrixVerdictWords,
  MISSING_WORD,
  missingClause,
  nothingMatched
} from './legs-words.js'

/** Unusable files listed by name; the log and the report file list every one. */
const MAX_LISTED_PROBLEMS = 20

export function legsHeadline(report: Report, gathered: Gathered): string {
  const word = matrixVerdictWords(report, gathered)
  const counts = [`**${plural(report.runs.length, 'run')}**`, ...countsOf(runTotals(report.runs))]
  return `## ${report.passed ? '✅' : '❌'} TesterArmy: ${word}\n\n${counts.join(' · ')}`
}

/** What follows the headline: the problems, the missing legs, the legs table and why legs failed. */
export function legsBlocks(report: Report, gathered: Gathered): string[] {
  const out: string[] = []
  const { problems } = gathered
  if (problems.length) {
    const listed = problems
      .slice(0, MAX_LISTED_PROBLEMS)
      .map(p => `> - ${code(p.file, 300)} ${markdown(p.problem, 500)}`)
    const more = problems.length - listed.length
    if (more > 0) listed.push(`> - …and ${more} more (the log and the report file list them)`)
    out.push(
      `> [!CAUTION]\n> **${plural(problems.length, 'file')} matched by \`reports\` could not be used**, which fails the verdict:\n${listed.join('\n')}`
    )
  }
  const nothing = nothingMatched(gathered)
  if (nothing) {
    out.push(
      `> [!CAUTION]\n> **No file matched \`reports\`** (${code(gathered.patterns, 500)}). ` +
        'Check the path download-artifact wrote to: relative patterns start in the workspace.'
    )
  }
  const missing = missingClause(gathered)
  if (missing) {
    out.push(
      `> [!CAUTION]\n> **Missing:** ${markdown(missing, 2_000)} (\`expected-reports\`). ` +
        'Check that those legs ran and uploaded their report file (`if: always()` on the upload step).'
    )
  }
  out.push(legsTable(gathered))
  const failed = gathered.legs.filter(l => !l.passed)
  if (failed.length) {
    const lines = failed.map(
      l => `- **${markdown(l.name, 100)}**: ${markdown(legReasons(report, l).join('; '), 1_000)}`
    )
    out.push(`**Why:**\n\n${lines.join('\n')}`)
  }
  if (gathered.skipped.length) {
    out.push(
      `<sub>Skipped: ${plural(gathered.skipped.length, 'JUnit or CTRF file')} the action wrote beside a leg's report.</sub>`
    )
  }
  return out
}

function legsTable(gathered: Gathered): string {
  const rows = gathered.legs.map(leg => {
    const { mark, word } = legVerdictWord(leg)
    const attempt = leg.attempt > 1 ? ` (attempt ${leg.attempt})` : ''
    return `| ${markdown(leg.name, 100)} | ${nowrap(`${mark} ${word}`)}${attempt} | ${leg.runs} | ${leg.issues} | ${leg.flaky} | ${leg.waived} |`
  })
  for (const name of gathered.missing.names) {
    rows.push(
      `| ${markdown(name, 100)} | ${nowrap(`${MISSING_WORD.mark} ${MISSING_WORD.word}`)} | – | – | – | – |`
    )
  }
  return [
    '| Leg | Verdict | Runs | Issues | Flaky | Waived |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows
  ].join('\n')
}
