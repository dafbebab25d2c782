// The known issues as the job summary and the comment show them: the entries this pull request
// adds (first, where a reviewer looks), the findings they waived with each entry's reason and
// ticket, and the entries that matched nothing. Text from the file is the team's, but escaped like
// the API's. Pure.
import { html, httpUrl, markdown } from '../escape.js'
import { addedWords, nowrap, plural, severityLabel } from '../labels.js'
import type { KnownIssueEntry, KnownIssues, RunReport, Waiver } from '../model.js'

/** Entries named in a list; the report file names every one. */
const ENTRIES_LISTED = 20

/** What an entry matches, in a few words: `name "…" · page /checkout/*`. */
export function entryWhat(entry: KnownIssueEntry, max = 200): string {
  return [
    entry.name !== undefined ? `name “${markdown(entry.name, max)}”` : '',
    entry.page !== undefined ? `page ${markdown(entry.page, max)}` : '',
    entry.test !== undefined ? `test “${markdown(entry.test, max)}”` : '',
    entry.maxSeverity !== undefined ? `up to severity ${entry.maxSeverity}` : '',
    entry.until !== undefined ? `until ${entry.until}` : ''
  ]
    .filter(Boolean)
    .join(' · ')
}

/** The ticket as a link (https only, as the file requires), else nothing. */
function ticketLink(entry: KnownIssueEntry): string {
  const href = entry.ticket ? httpUrl(entry.ticket) : null
  return href ? ` [ticket](<${href}>)` : ''
}

/** Where an entry comes from, when a reader must know it. */
function originBadge(entry: KnownIssueEntry): string {
  if (entry.origin === 'added') return ` **🆕\u00a0${addedWords(entry.comparedWith)}**`
  if (entry.origin === 'unverified') return ' *(unverified)*'
  return ''
}

/** `line 12: reason [ticket] added by this pull request`: the cell that says why it is waived. */
export function waivedBy(entry: KnownIssueEntry): string {
  return `line\u00a0${entry.line}: ${markdown(entry.reason, 300)}${ticketLink(entry)}${originBadge(entry)}`
}

/** One row of a run's table of waived findings. */
export function waivedRow({ issue, entry }: Waiver, page: (url: string) => string): string {
  const kind = issue.type === 'warning' ? ' (warning)' : ''
  return `| ${nowrap(severityLabel(issue.severity))} | ${markdown(issue.name || 'Unnamed issue', 300)}${kind} | ${page(issue.url)} | ${waivedBy(entry)} |`
}

export const WAIVED_HEADER: [string, string] = [
  '| Severity | Finding | Page | Waived by |',
  '| --- | --- | --- | --- |'
]

/**
 * What a reviewer must see before anything else: entries this pull request adds to the file, and
 * a base copy that could not be checked. Null when there is nothing to say.
 */
export function knownIssuesCallout(knownIssues: KnownIssues): string | null {
  const { entries, base, from } = knownIssues
  const file = `<code>${html(knownIssues.file, 200)}</code>`
  const blocks: string[] = []
  const added = entries.filter(e => e.origin === 'added')
  if (added.length > 0) {
    const effect =
      from === 'base'
        ? 'With `known-issues-from: base` they waive nothing until they are merged.'
        : `Review ${added.length === 1 ? 'it' : 'them'} before merging: an entry waives the findings it matches.`
    const list = added
      .slice(0, ENTRIES_LISTED)
      .map(e => `> - line ${e.line}: ${entryWhat(e)}: ${markdown(e.reason, 300)}`)
    const more = added.length - list.length
    const headline =
      'against' in base && base.against === 'default-branch'
        ? `${plural(added.length, 'known-issue entry is', 'known-issue entries are')} not on the default branch`
        : `This pull request adds ${plural(added.length, 'known-issue entry', 'known-issue entries')}`
    blocks.push(
      `> [!IMPORTANT]\n> **${headline}** (${file}). ${effect}\n>\n${list.join('\n')}` +
        (more > 0 ? `\n> - …and ${more} more (the report file lists every entry)` : '')
    )
  }
  if (base.kind === 'unverified') {
    blocks.push(
      `> [!WARNING]\n> **${file} could not be checked against its reviewed copy:** ${markdown(base.reason, 500)}. ` +
        (from === 'base'
          ? 'With `known-issues-from: base`, no entry waives anything.'
          : 'Its entries are shown as unverified.')
    )
  }
  return blocks.length ? blocks.join('\n\n') : null
}

/**
 * The entries that waived nothing: expired ones (a warning each on the runner too) and those in
 * force that no finding of any run matched, "not seen in this run", so stale ones get removed.
 */
export function entriesNotSeen(
  knownIssues: KnownIssues,
  runs: readonly RunReport[]
): string | null {
  const used = new Set<KnownIssueEntry>()
  for (const run of runs) {
    for (const w of run.waived) used.add(w.entry)
    for (const attempt of run.attempts ?? []) for (const w of attempt.waived) used.add(w.entry)
  }
  const lines = (entries: KnownIssueEntry[]): string[] => {
    const shown = entries
      .slice(0, ENTRIES_LISTED)
      .map(e => `- line ${e.line}: ${entryWhat(e)}: ${markdown(e.reason, 300)}${ticketLink(e)}`)
    const more = entries.length - shown.length
    return more > 0 ? [...shown, `- …and ${more} more (the report file lists every entry)`] : shown
  }
  const parts: string[] = []
  const expired = knownIssues.entries.filter(e => e.notInForce === 'expired')
  if (expired.length) {
    parts.push(
      `**Expired** (they no longer waive anything: fix the issue, or extend \`until\` after a review)\n\n${lines(expired).join('\n')}`
    )
  }
  const notApplied = knownIssues.entries.filter(e => e.notInForce === 'not-in-base')
  if (notApplied.length) {
    parts.push(
      `**Not applied** (\`known-issues-from: base\`: not in the reviewed copy, or it could not be read)\n\n${lines(notApplied).join('\n')}`
    )
  }
  const unseen = knownIssues.entries.filter(e => !e.notInForce && !used.has(e))
  if (unseen.length) {
    parts.push(
      `**Not seen in this run** (no finding matched them: remove those that are fixed)\n\n${lines(unseen).join('\n')}`
    )
  }
  if (parts.length === 0) return null
  const count = expired.length + notApplied.length + unseen.length
  return `<details><summary>Known issues that waived nothing (${count} of ${knownIssues.entries.length} in ${html(knownIssues.file, 200)})</summary>\n\n${parts.join('\n\n')}\n\n</details>`
}
