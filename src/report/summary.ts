// The job summary: a pure render of the report into GitHub-flavoured Markdown, within GitHub's
// size limit. All API text goes through escape.ts; nothing here trusts it.
import { Limits } from '../constants.js'
import { formatDuration } from '../duration.js'
import { code, html, httpUrl, markdown } from '../escape.js'
import {
  countsOf,
  nowrap,
  plural,
  reportedCounts,
  runTotals,
  severityLabel,
  verdictWord
} from '../labels.js'
import {
  WAIVED_HEADER,
  entriesNotSeen,
  knownIssuesCallout,
  waivedRow
} from './known-issues-text.js'
import type { FailOn, Report, RunReport, SummaryMode } from '../model.js'
import { bySeverity } from '../verdict/build-report.js'
import type { Issue, Step, Waiver } from '../model.js'
import { legsBlocks, legsHeadline } from './legs-summary.js'

export interface SummaryOptions {
  /** Where the JSON report was written: the summary points there when it leaves things out. */
  reportPath: string
  timeoutMs: number
  failOn: FailOn
  minSeverity: number
  /** Defaults to GitHub's limit less a margin; tests lower it to exercise the ladder. */
  maxBytes?: number
}

/** What a render keeps when the full summary would not fit. */
interface Budget {
  /** Issues and warnings that get their collapsed details block. */
  detailed: Set<Issue>
  /** Rows kept per table (issues, warnings, steps), most severe first. */
  maxRows: number
  /** Leave out each run's screenshot gallery. */
  noGallery?: boolean
  /** The last step before cutting: leave out each run's description and test plan too. */
  compact?: boolean
}

/** The `summary` input's rule: `on-failure` writes one only when the verdict did not pass. */
export const summaryWanted = (mode: SummaryMode, passed: boolean): boolean =>
  mode === 'always' || (mode === 'on-failure' && !passed)

/** A duration for a table cell: `2 min 11 s` must not wrap after `min`. */
const cellDuration = (ms: number | null): string => (ms === null ? '–' : nowrap(formatDuration(ms)))

/**
 * What to call a run that has no feature name (failed early, skipped): its short ID. In reports
 * mode, after its leg.
 */
const runName = (run: RunReport): string =>
  `${run.leg !== undefined ? `${run.leg} · ` : ''}${run.featureName || `Run ${run.id.slice(0, 8)}`}`

export function renderSummary(report: Report, options: SummaryOptions): string {
  const maxBytes = options.maxBytes ?? Limits.summaryMaxBytes
  const bytes = (text: string): number => Buffer.byteLength(text)

  // The ladder, re-planned at each step. First everything; then without the screenshot galleries
  // (presigned URLs run to kilobytes each, and a thumbnail matters less than an issue); then
  // without each run's description and test plan. At each step the plan keeps as many table rows
  // as fit, then the details of the most severe issues.
  const full = fit(report, options, { detailed: new Set(), maxRows: 0 }, maxBytes)
  if (full?.everything) return full.text
  const galleries = report.runs.some(
    r => r.run?.output?.kind === 'test' && r.run.output.screenshots.length > 0
  )
  // Without any gallery, the next step would plan exactly the same summary again.
  const noGallery = !galleries
    ? full
    : fit(report, options, { detailed: new Set(), maxRows: 0, noGallery: true }, maxBytes)
  // Long texts go only when keeping them would leave some run without its most severe issue.
  if (noGallery && (noGallery.allRows || noGallery.maxRows >= 1)) return noGallery.text
  const compact = fit(
    report,
    options,
    { detailed: new Set(), maxRows: 0, noGallery: true, compact: true },
    maxBytes
  )
  if (compact) return compact.text

  // Last of all, whole run sections, cut between sections so no collapsed block is left open,
  // with a note saying how many runs are only in the report file.
  const pieces = renderPieces(report, options, {
    detailed: new Set(),
    maxRows: 0,
    noGallery: true,
    compact: true
  })
  const kept: string[] = []
  let size = 0
  const noteFor = (left: number): string =>
    `> [!WARNING]\n> ${plural(left, 'more section')} did not fit GitHub's 1 MiB limit and ${left === 1 ? 'is' : 'are'} left out. ` +
    `The report file ${codeSpan(options.reportPath)} (output \`report-path\`) has every run.`
  for (const piece of pieces) {
    if (size + bytes(piece) + 2 + bytes(noteFor(pieces.length)) + 2 > maxBytes) break
    kept.push(piece)
    size += bytes(piece) + 2
  }
  return `${[...kept, noteFor(pieces.length - kept.length)].join('\n\n')}\n`
}

/**
 * One step of the ladder: with what `chrome` keeps, as many rows and details as fit, planned by
 * adding up byte sizes instead of rendering again and again. Table rows come first (the same
 * number from every table, most severe first), then the collapsed details of issues, most severe
 * first, then those of warnings. Rows and details are rendered once each, and only as far as the
 * budget reaches, so a run with 100,000 issues costs what 1 MiB costs. Null when not even the
 * skeleton fits.
 */
function fit(
  report: Report,
  options: SummaryOptions,
  chrome: Budget,
  maxBytes: number
): { text: string; maxRows: number; allRows: boolean; everything: boolean } | null {
  const bytes = (text: string): number => Buffer.byteLength(text)
  const skeleton = render(report, options, { ...chrome, detailed: new Set(), maxRows: 0 })
  let used = bytes(skeleton) + LADDER_MARGIN_BYTES
  if (used > maxBytes) return null
  const tables = report.runs.flatMap(run => {
    const steps = run.run?.output?.kind === 'test' ? run.run.output.steps : []
    return [
      { length: run.issues.length, row: (n: number) => issueRow(run.issues[n] as Issue, n) },
      { length: run.warnings.length, row: (n: number) => issueRow(run.warnings[n] as Issue, n) },
      { length: run.waived.length, row: (n: number) => waiverRow(run.waived[n] as Waiver, n) },
      { length: steps.length, row: (n: number) => stepRow(steps[n] as Step, n) }
    ]
  })
  const longest = Math.max(0, ...tables.map(t => t.length))
  let maxRows = 0
  while (maxRows < longest) {
    const n = maxRows
    const add = tables.reduce((sum, t) => sum + (n < t.length ? bytes(t.row(n)) + 1 : 0), 0)
    if (used + add > maxBytes) break
    used += add
    maxRows += 1
  }
  const detailed = new Set<Issue>()
  const ranked = report.runs.flatMap(r => r.issues).sort(bySeverity)
  ranked.push(...report.runs.flatMap(r => r.warnings).sort(bySeverity))
  if (maxRows === longest) {
    for (const issue of ranked) {
      const add = bytes(issueDetails(issue, 0)) + 2
      if (used + add > maxBytes) break
      used += add
      detailed.add(issue)
    }
  }
  let text = render(report, options, { ...chrome, detailed, maxRows })
  // The plan is exact but for the note and the "…and N more" rows, which the margin covers; should
  // it ever fall short, give up details, then rows, until the text fits.
  while (bytes(text) > maxBytes && (detailed.size > 0 || maxRows > 0)) {
    if (detailed.size > 0)
      [...detailed].slice(-Math.ceil(detailed.size / 10)).forEach(i => detailed.delete(i))
    else maxRows = Math.floor(maxRows * 0.9)
    text = render(report, options, { ...chrome, detailed, maxRows })
  }
  if (bytes(text) > maxBytes) return null
  const allRows = maxRows >= longest
  return {
    text,
    maxRows,
    allRows,
    everything: allRows && detailed.size === ranked.length
  }
}

/** Room kept for the omission note and the "…and N more" rows, which the plan does not count. */
const LADDER_MARGIN_BYTES = 4_096

function render(report: Report, options: SummaryOptions, budget: Budget): string {
  return `${renderPieces(report, options, budget).join('\n\n')}\n`
}

/** The summary as its top-level blocks, each balanced on its own (no block spans two pieces). */
function renderPieces(report: Report, options: SummaryOptions, budget: Budget): string[] {
  const out: string[] = []
  const omitted = { details: 0, rows: 0, galleries: 0 }
  const { gathered } = report
  const single = report.runs.length === 1 && !gathered
  out.push(gathered ? legsHeadline(report, gathered) : headline(report, options))
  if (report.fatal)
    out.push(`> [!CAUTION]\n> **The action could not finish:** ${markdown(report.fatal, 1_000)}`)
  if (report.cancelled) {
    out.push(
      '> [!WARNING]\n> **The wait was cancelled** (the workflow was cancelled); runs still in progress were asked to stop.'
    )
  }
  const callout = report.knownIssues ? knownIssuesCallout(report.knownIssues) : null
  if (callout) out.push(callout)
  if (report.started?.agentNotStarted) {
    out.push(
      `> [!NOTE]\n> **The exploration agent was not started:** ${markdown(report.started.agentNotStarted, 500)}`
    )
  }
  if (gathered) out.push(...legsBlocks(report, gathered))
  else if (!single) out.push(overview(report))
  for (const run of report.runs) {
    out.push(runSection(run, options, budget, omitted, single))
  }
  const unseen = report.knownIssues ? entriesNotSeen(report.knownIssues, report.runs) : null
  if (unseen) out.push(unseen)
  if (options.failOn === 'never' && !report.passed) {
    out.push('<sub>`fail-on: never`: this verdict does not fail the job.</sub>')
  }
  if (omitted.details || omitted.rows || omitted.galleries || budget.compact) {
    const parts = [
      omitted.details ? `the details of ${plural(omitted.details, 'issue')}` : '',
      omitted.rows ? `${plural(omitted.rows, 'row')}` : '',
      budget.compact
        ? 'the descriptions, screenshots and test plans'
        : omitted.galleries
          ? `the screenshot ${omitted.galleries === 1 ? 'gallery' : 'galleries'}`
          : ''
    ].filter(Boolean)
    const list =
      parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]
    // Placed right under the headline: a reader must know the list is incomplete before reading it.
    out.splice(
      1,
      0,
      `> [!NOTE]\n> This summary leaves out ${list} to stay within GitHub's 1 MiB limit, ` +
        `least severe first. The report file ${codeSpan(options.reportPath)} (output \`report-path\`) has everything.`
    )
  }
  return out
}

function headline(report: Report, options: SummaryOptions): string {
  if (report.runs.length === 1) {
    const run = report.runs[0] as RunReport
    const { mark, word } = verdictWord({ ...run, passed: report.passed })
    const feature = run.featureName ? `: ${markdown(run.featureName, 200)}` : ''
    // Why, in the reader's first glance: the same words as the step's error line.
    const why = run.passed
      ? ''
      : `\n\n**${options.failOn === 'never' ? 'Verdict' : 'Fails the job'}:** ${run.reasons.join('; ')}.`
    return `## ${mark} TesterArmy ${word}${feature}\n\n${countsLine(run)}${why}`
  }
  if (report.runs.length === 0) return `## ❌ TesterArmy: no run to report`
  const failed = report.runs.filter(r => !r.passed).length
  const mark = report.passed ? '✅' : '❌'
  const word = report.passed
    ? `all ${report.runs.length} runs passed`
    : `${failed} of ${report.runs.length} runs did not pass`
  return `## ${mark} TesterArmy: ${word}\n\n${countsOf(runTotals(report.runs)).join(' · ')}`
}

function countsLine(run: RunReport): string {
  const parts: string[] = []
  const counts = reportedCounts(run)
  // Unrated issues sort first (they fail closed), but the headline names the highest known severity
  // of those not waived.
  const highest = run.issues.find(i => i.severity !== null) ?? run.issues[0]
  parts.push(
    `**${plural(counts.issues, 'issue')}**${highest ? ` (most severe: ${severityLabel(highest.severity)})` : ''}`
  )
  parts.push(`**${plural(counts.warnings, 'warning')}**`)
  if (run.waived.length) parts.push(`**${run.waived.length} waived** (known issues)`)
  parts.push(
    `**${plural(run.stepsCount, 'step')}**${run.failedStepsCount ? ` (${run.failedStepsCount} failed)` : ''}`
  )
  if (run.durationMs !== null) parts.push(`⏱ ${formatDuration(run.durationMs)}`)
  return parts.join(' · ')
}

function overview(report: Report): string {
  const rows = report.runs.map(run => {
    const { mark, word } = verdictWord(run)
    const counts = reportedCounts(run)
    const waivedIssues = counts.issues - run.issues.length
    const waived = waivedIssues ? ` (${waivedIssues}\u00a0waived)` : ''
    return `| ${nowrap(`${mark} ${word}`)} | ${markdown(runName(run), 120)} | \`${run.id.slice(0, 8)}\` | ${run.status} | ${run.result || '–'} | ${counts.issues}${waived} | ${counts.warnings} | ${cellDuration(run.durationMs)} |`
  })
  return [
    '| Verdict | Feature | Run | Status | Result | Issues | Warnings | Duration |',
    '| --- | --- | --- | --- | --- | ---: | ---: | ---: |',
    ...rows
  ].join('\n')
}

function runSection(
  run: RunReport,
  options: SummaryOptions,
  budget: Budget,
  omitted: { details: number; rows: number; galleries: number },
  single: boolean
): string {
  const h = single ? '###' : '####'
  const out: string[] = []
  if (!single) {
    const { mark, word } = verdictWord(run)
    out.push(`### ${mark} ${markdown(runName(run), 200)} ${word}\n\n${countsLine(run)}`)
  }
  const problem = problemBlock(run, options)
  if (problem) out.push(problem)
  out.push(facts(run))
  const tried = attemptsBlock(run, budget)
  if (tried) out.push(tried)
  if (run.description && !budget.compact) out.push(markdown(run.description, 5_000))
  for (const note of run.notes) out.push(`<sub>${markdown(note)}</sub>`)
  if (run.issues.length) out.push(`${h} Issues\n\n${issuesBlock(run.issues, budget, omitted)}`)
  if (run.warnings.length)
    out.push(`${h} Warnings\n\n${issuesBlock(run.warnings, budget, omitted)}`)
  if (run.waived.length) {
    const table = cappedTable(run.waived, budget, omitted, WAIVED_HEADER, waiverRow).table
    out.push(`${h} Known issues (waived)\n\n${table}`)
  }
  const steps = run.run?.output?.kind === 'test' ? run.run.output.steps : []
  if (steps.length) out.push(`${h} Steps\n\n${stepsTable(steps, budget, omitted)}`)
  const shots = run.run?.output?.kind === 'test' ? run.run.output.screenshots : []
  const gallery = screenshots(shots)
  if (gallery && budget.noGallery) omitted.galleries += 1
  else if (gallery) out.push(`${h} Screenshots\n\n${gallery}`)
  const plan = budget.compact ? null : testPlan(run)
  if (plan) out.push(plan)
  return out.join('\n\n')
}

/** Why the run did not give a normal result, shown before anything else about it. */
function problemBlock(run: RunReport, options: SummaryOptions): string | null {
  const error = run.run?.error
  switch (run.status) {
    case 'failed': {
      const errorCode = error?.code ? ` ${code(error.code, 100)}` : ''
      const message = error?.message ? markdown(error.message, 2_000) : 'The API gave no reason.'
      return `> [!CAUTION]\n> **The run failed**${errorCode}: ${message}`
    }
    case 'cancelled':
      return run.lastStatus === 'cancelled'
        ? '> [!WARNING]\n> **The run was cancelled** before it finished.'
        : `> [!WARNING]\n> **The wait was cancelled** while the run was ${markdown(run.lastStatus ?? 'not yet seen')}.`
    case 'timed_out': {
      const last = run.lastStatus
        ? ` Its last status was **${markdown(run.lastStatus)}**.`
        : ' No status was ever received.'
      const fault = run.error ? ` Last error: ${markdown(run.error, 500)}` : ''
      // In reports mode the leg's own timeout ended it, which its report does not give.
      const after =
        run.leg === undefined
          ? `after ${formatDuration(options.timeoutMs)}** (the \`timeout\` input)`
          : `when the leg's \`timeout\` was reached**`
      return `> [!WARNING]\n> **Still not finished ${after}, so the action stopped waiting.${last}${fault}`
    }
    case 'not_found':
      return `> [!CAUTION]\n> **Run not found.** ${markdown(run.error ?? '', 500)} Check the run ID and that the API key belongs to the same team.`
    case 'error':
      return `> [!CAUTION]\n> **The run could not be checked.** ${markdown(run.error ?? '', 500)}`
    case 'completed':
      break
  }
  if (run.run?.output?.kind === 'planner_skipped') {
    return `> [!NOTE]\n> **Skipped:** ${markdown(run.run.output.reason || 'the planner found nothing user-visible to test.', 2_000)}`
  }
  if (run.result === '') return '> [!WARNING]\n> **The run completed without a result.**'
  return null
}

function facts(run: RunReport): string {
  const r = run.run
  const rows: [string, string][] = [
    ['Run', `\`${run.id}\``],
    ['Status', markdown(run.lastStatus ?? run.status)],
    ['Result', run.result || '–']
  ]
  if (run.origin) rows.push(['Started as', markdown(run.origin, 200)])
  if (run.githubReporting) rows.push(['GitHub reporting', markdown(run.githubReporting, 300)])
  if (r) {
    const platform = [r.platform, r.deviceModel].filter(Boolean).join(' · ')
    if (platform) rows.push(['Platform', markdown(platform, 100)])
    if (r.executionMode) rows.push(['Mode', markdown(r.executionMode, 100)])
    if (r.source) rows.push(['Source', markdown(r.source, 100)])
    if (r.userName) rows.push(['Triggered by', markdown(r.userName, 200)])
    if (r.durationMs !== null) rows.push(['Duration', formatDuration(r.durationMs)])
    if (r.createdAt) rows.push(['Created', timestamp(r.createdAt)])
    if (r.completedAt) rows.push(['Completed', timestamp(r.completedAt)])
    if (r.autoRetryCount) rows.push(['Automatic retries', String(r.autoRetryCount)])
  }
  const table = ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n')
  return `<details><summary>Run details</summary>\n\n${table}\n\n</details>`
}

/** Issues shown per failed attempt: the report file has them all. */
const MAX_ATTEMPT_ISSUES = 20

/**
 * Every attempt of a run `retry-failed` started again: run ID, status, result, verdict; the failed
 * ones' issues collapsed. The verdict rests on the attempt marked so.
 */
function attemptsBlock(run: RunReport, budget: Budget): string | null {
  const attempts = run.attempts ?? []
  if (attempts.length < 2) return null
  const rows = attempts.map((a, n) => {
    const { mark, word } = verdictWord({ ...a, flaky: false })
    const role =
      a.id === run.id
        ? ' (the verdict)'
        : a.counts
          ? ''
          : a.notCounted
            ? ` (not counted: ${markdown(a.notCounted, 200)})`
            : ' (shown only: started with its group)'
    return `| ${n + 1} | \`${a.id}\` | ${markdown(a.lastStatus ?? a.status, 40)} | ${a.result || '–'} | ${nowrap(`${mark} ${word}`)}${role} |`
  })
  const table = [
    '| Attempt | Run | Status | Result | Verdict |',
    '| ---: | --- | --- | --- | --- |',
    ...rows
  ].join('\n')
  const details = budget.compact
    ? []
    : attempts.flatMap((a, n) => {
        if (a.passed || a.id === run.id || a.issues.length === 0) return []
        const shown = a.issues.slice(0, MAX_ATTEMPT_ISSUES).map(i => issueRow(i, 0))
        const more = a.issues.length - shown.length
        const rest = more > 0 ? [`| | *…and ${more} more in the report file* | |`] : []
        const issues = ['| Severity | Issue | Page |', '| --- | --- | --- |', ...shown, ...rest]
        return [
          `<details><summary>Attempt ${n + 1} (run ${a.id.slice(0, 8)}): ${html(a.reasons.join('; ') || plural(a.issues.length, 'issue'), 300)}</summary>\n\n${issues.join('\n')}\n\n</details>`
        ]
      })
  return [`**Attempts** (\`retry-failed\`)\n\n${table}`, ...details].join('\n\n')
}

/** `2026-11-28 09:14:03 UTC`: an API timestamp as people read it; anything odd shown as sent. */
function timestamp(text: string): string {
  const time = Date.parse(text)
  if (Number.isNaN(time)) return markdown(text, 60)
  return new Date(time)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')
}

function link(url: string, text: string): string {
  const href = httpUrl(url)
  return href ? `[${text}](<${href}>)` : text
}

/** `shop.example.com/checkout`: short enough for a table cell, still tells where. */
function pageLabel(url: string): string {
  const href = httpUrl(url)
  if (!href) return url ? markdown(url, 80) : '–'
  const parsed = new URL(href)
  return markdown(`${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`, 80)
}

function issuesBlock(
  issues: Issue[],
  budget: Budget,
  omitted: { details: number; rows: number }
): string {
  const { shown, table } = cappedTable(
    issues,
    budget,
    omitted,
    ['| Severity | Issue | Page |', '| --- | --- | --- |'],
    issueRow
  )
  const details: string[] = []
  for (const issue of shown) {
    if (budget.detailed.has(issue)) details.push(issueDetails(issue, 0))
    else omitted.details += 1
  }
  return [table, ...details].join('\n\n')
}

/**
 * A table of the first `budget.maxRows` items, counted in `omitted`, with a last row saying how
 * many more are in the report file; that row's cells follow the header's column count.
 */
function cappedTable<T>(
  items: T[],
  budget: Budget,
  omitted: { rows: number },
  header: [string, string],
  row: (item: T, index: number) => string
): { shown: T[]; table: string } {
  const shown = items.slice(0, budget.maxRows)
  omitted.rows += items.length - shown.length
  const lines = [...header, ...shown.map(row)]
  if (shown.length < items.length) {
    const columns = header[0].split('|').length - 2
    const rest = ' |'.repeat(columns - 2)
    lines.push(`| | *…and ${items.length - shown.length} more in the report file* |${rest}`)
  }
  return { shown, table: lines.join('\n') }
}

/**
 * Rows and details are rendered once per issue or step and reused: the budget ladder renders the
 * summary several times, and escaping is the costly part.
 */
function memo<K extends object>(
  render: (key: K, index: number) => string
): (key: K, index: number) => string {
  const cache = new WeakMap<K, string>()
  return (key, index) => {
    let text = cache.get(key)
    if (text === undefined) {
      text = render(key, index)
      cache.set(key, text)
    }
    return text
  }
}

const waiverRow = memo((waiver: Waiver) => waivedRow(waiver, url => link(url, pageLabel(url))))

const issueRow = memo(
  (i: Issue) =>
    `| ${nowrap(severityLabel(i.severity))} | ${markdown(i.name || 'Unnamed issue', 300)} | ${link(i.url, pageLabel(i.url))} |`
)

const issueDetails = memo((issue: Issue): string => {
  const parts: string[] = []
  if (issue.description) parts.push(markdown(issue.description, 4_000))
  if (issue.reproductionSteps.length) {
    const steps = issue.reproductionSteps
      .slice(0, 50)
      .map((s, n) => `${n + 1}. ${markdown(s, 500)}`)
    parts.push(`**Steps to reproduce**\n\n${steps.join('\n')}`)
  }
  if (issue.expectedBehavior) parts.push(`**Expected:** ${markdown(issue.expectedBehavior, 1_000)}`)
  if (issue.actualBehavior) parts.push(`**Actual:** ${markdown(issue.actualBehavior, 1_000)}`)
  const page = httpUrl(issue.url)
  if (page) parts.push(`**Page:** ${link(issue.url, markdown(issue.url, 300))}`)
  const shot = thumbnail(issue.screenshotUrl, `Screenshot: ${issue.name}`, 400)
  if (shot) parts.push(shot)
  const title = `${severityLabel(issue.severity)} · ${html(issue.name || 'Unnamed issue', 300)}`
  return `<details><summary>${title}</summary>\n\n${parts.join('\n\n') || '*No details.*'}\n\n</details>`
})

/** A thumbnail linking to the full image; nothing at all for a URL that is not http(s). */
/**
 * A thumbnail linking to the full image. https only (GitHub proxies images, and a screenshot URL
 * is expected to be https); a URL too long to be sane is left out rather than cut into a broken one.
 */
function thumbnail(url: string, alt: string, width: number): string | null {
  const href = httpUrl(url)
  if (!href || !href.startsWith('https://') || href.length > MAX_IMAGE_URL) return null
  const src = html(href, MAX_IMAGE_URL)
  return `<a href="${src}"><img src="${src}" alt="${html(alt, 200)}" width="${width}"></a>`
}

function stepDuration(step: Step): string {
  const { startedAtMs: start, completedAtMs: end } = step
  return start !== null && end !== null && end >= start ? cellDuration(end - start) : '–'
}

const stepRow = memo((step: Step, n: number): string => {
  const status =
    step.status === 'passed'
      ? '✅\u00a0passed'
      : step.status === 'failed'
        ? '❌\u00a0failed'
        : markdown(step.status || '–', 40)
  const error = [step.errorCode ? code(step.errorCode, 80) : '', markdown(step.error, 500)]
    .filter(Boolean)
    .join(' ')
  const number = step.stepIndex === null ? n + 1 : step.stepIndex + 1
  return `| ${number} | ${markdown(step.title || '–', 300)} | ${markdown(step.type || '–', 40)} | ${status} | ${stepDuration(step)} | ${error} |`
})

function stepsTable(
  steps: Step[],
  budget: Budget,
  omitted: { details: number; rows: number }
): string {
  return cappedTable(
    steps,
    budget,
    omitted,
    ['| # | Step | Type | Status | Duration | Error |', '| ---: | --- | --- | --- | ---: | --- |'],
    stepRow
  ).table
}

/** Presigned URLs run long; beyond this a URL is not a screenshot link anyone meant. */
const MAX_IMAGE_URL = 4_000

/** More thumbnails than this stop helping a reader; the report file lists every screenshot. */
const MAX_SCREENSHOTS = 50

function screenshots(urls: string[]): string | null {
  const safe = urls.filter(u => thumbnail(u, '', 0) !== null)
  const thumbs = safe
    .slice(0, MAX_SCREENSHOTS)
    .map((url, n) => thumbnail(url, `Screenshot ${n + 1}`, 200))
  if (thumbs.length === 0) return null
  const more = safe.length - thumbs.length
  return thumbs.join(' ') + (more > 0 ? `\n\n*…and ${more} more in the report file.*` : '')
}

function testPlan(run: RunReport): string | null {
  const plan = run.run?.testPlan
  if (!plan) return null
  const parts: string[] = []
  if (plan.instructions) parts.push(markdown(plan.instructions, 4_000))
  const meta = [
    plan.complexity ? `**Complexity:** ${markdown(plan.complexity, 40)}` : '',
    plan.changeType ? `**Change type:** ${markdown(plan.changeType, 40)}` : ''
  ].filter(Boolean)
  if (meta.length) parts.push(meta.join(' · '))
  if (plan.focusAreas.length)
    parts.push(
      `**Focus areas:** ${plan.focusAreas
        .slice(0, 50)
        .map(a => markdown(a, 200))
        .join(', ')}`
    )
  if (plan.steps.length) {
    parts.push(
      plan.steps
        .slice(0, 50)
        .map(
          (s, n) =>
            `${n + 1}. ${s.type ? `*${markdown(s.type, 40)}*: ` : ''}${markdown(s.title, 500)}`
        )
        .join('\n')
    )
  }
  return `<details><summary>Test plan</summary>\n\n${parts.join('\n\n')}\n\n</details>`
}

function codeSpan(text: string): string {
  // A report path is ours, not the API's, but may still hold a backtick.
  return `<code>${html(text, 500)}</code>`
}
