// What the log and the annotations say about the file of known issues itself, once it is settled:
// how many entries, which ones this pull request adds, which ones expired, and why the base's copy
// could not be checked. Expired entries are warnings, so waivers cannot be forgotten. Pure: the
// caller says them through @actions/core.
import { logText } from '../escape.js'
import { addedWords, plural } from '../labels.js'
import type { KnownIssueEntry, KnownIssues } from '../model.js'

export interface Note {
  level: 'info' | 'notice' | 'warning'
  message: string
}

/** The annotations' title, which a reader (and the tests) tell them by. */
export const KNOWN_ISSUES_TITLE = { title: 'TesterArmy known issues' }

/** Expired entries named one warning each, up to this many; the rest are counted in one more. */
const EXPIRED_NAMED = 5

/** An entry as a log names it: its line and what it matches. */
export function entryLabel(entry: KnownIssueEntry): string {
  const what = [
    entry.name !== undefined ? `name "${entry.name}"` : '',
    entry.page !== undefined ? `page ${entry.page}` : '',
    entry.test !== undefined ? `test "${entry.test}"` : ''
  ].filter(Boolean)
  return `line ${entry.line} (${logText(what.join(', '), 160)})`
}

export function knownIssuesNotes(knownIssues: KnownIssues): Note[] {
  const { entries, file, base, from } = knownIssues
  const notes: Note[] = []
  const added = entries.filter(e => e.origin === 'added')
  const expired = entries.filter(e => e.notInForce === 'expired')
  const inForce = entries.filter(e => !e.notInForce)
  const defaultBranch = 'against' in base && base.against === 'default-branch'
  const reviewed = defaultBranch ? "the default branch's copy" : "the base commit's copy"
  const where =
    base.kind === 'read'
      ? `; compared with ${reviewed}: ${added.length} ${addedWords(base.against)}`
      : base.kind === 'new-file'
        ? `; ${defaultBranch ? 'the default branch' : 'the base commit'} has no such file: every entry is ${addedWords(base.against)}`
        : base.kind === 'unverified'
          ? '; its reviewed copy could not be read: entries unverified'
          : ''
  notes.push({
    level: 'info',
    message: `Known issues: ${plural(entries.length, 'entry', 'entries')} in ${file}, ${inForce.length} in force${where}.`
  })
  if (base.kind === 'unverified') {
    notes.push({
      level: 'warning',
      message:
        `Could not check ${file} against its reviewed copy: ${logText(base.reason, 300)}. ` +
        (from === 'base'
          ? 'With known-issues-from: base, no entry waives anything (it fails closed).'
          : 'Its entries still waive findings, shown as unverified in the summary and the comment.')
    })
  }
  if (added.length > 0) {
    const lines = added.slice(0, 10).map(e => e.line)
    notes.push({
      level: 'notice',
      message:
        (defaultBranch
          ? `${plural(added.length, 'entry', 'entries')} of ${file} ${added.length === 1 ? 'is' : 'are'} not on the default branch (line${added.length === 1 ? '' : 's'} `
          : `This pull request adds ${plural(added.length, 'entry', 'entries')} to ${file} (line${added.length === 1 ? '' : 's'} `) +
        `${lines.join(', ')}${added.length > lines.length ? ', …' : ''}): ` +
        (from === 'base'
          ? 'with known-issues-from: base they waive nothing until they are merged.'
          : `review ${added.length === 1 ? 'it' : 'them'} before merging.`)
    })
  }
  for (const entry of expired.slice(0, EXPIRED_NAMED)) {
    notes.push({
      level: 'warning',
      message: `The known issue at ${file} ${entryLabel(entry)} expired on ${entry.until}: it no longer waives anything. Fix the issue, or extend until after a review.`
    })
  }
  if (expired.length > EXPIRED_NAMED) {
    notes.push({
      level: 'warning',
      message: `${expired.length - EXPIRED_NAMED} more entries of ${file} have expired (see the job summary).`
    })
  }
  return notes
}
