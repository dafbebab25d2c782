// What the log and the annotations say about the file of known issues itself, once it is settled:
// how many entries, which ones this pull request adds, which ones expired, and why the base's copy
// could not be checked. Expired entries are warnings, so waivers cannot be forgotten.
import * as core from '@actions/core'
import { logText } from '../escape.js'
import { plural } from '../labels.js'
import type { KnownIssueEntry, KnownIssues } from '../model.js'

interface Note {
  level: 'info' | 'notice' | 'warning'
  message: string
}

const TITLE = { title: 'TesterArmy known issues' }

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
  const where =
    base.kind === 'read'
      ? `; compared with the base commit's copy: ${added.length} added by this pull request`
      : base.kind === 'new-file'
        ? '; the base commit has no such file: every entry is added by this pull request'
        : base.kind === 'unverified'
          ? "; the base commit's copy could not be read: entries unverified"
          : ''
  notes.push({
    level: 'info',
    message: `Known issues: ${plural(entries.length, 'entry', 'entries')} in ${file}, ${inForce.length} in force${where}.`
  })
  if (base.kind === 'unverified') {
    notes.push({
      level: 'warning',
      message:
        `Could not check ${file} against the pull request's base commit: ${logText(base.reason, 300)}. ` +
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
        `This pull request adds ${plural(added.length, 'entry', 'entries')} to ${file} (line${added.length === 1 ? '' : 's'} ` +
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

/** Says it on the runner: the log line, then each notice and warning as an annotation. */
export function announceKnownIssues(knownIssues: KnownIssues): void {
  for (const note of knownIssuesNotes(knownIssues)) {
    if (note.level === 'info') core.info(note.message)
    else if (note.level === 'notice') core.notice(note.message, TITLE)
    else core.warning(note.message, TITLE)
  }
}
