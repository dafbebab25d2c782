// Which leg reports count: one per leg, of the latest workflow-run attempt ("Re-run failed jobs"
// re-runs only the failed legs, and the passed legs' reports stay), none of another workflow run
// or commit (a stale artifact must never gate a new commit), and which expected legs are missing.
// Pure.
import type { Gathered, ReportProblem } from '../model.js'
import type { LegHead, ReadReport } from './read-report.js'

/** A file the patterns matched, read. */
export interface ReadFile {
  /** Absolute. */
  path: string
  /** As shown to the user: relative to the workspace when inside it. */
  file: string
  /** The leg's name when the report gives none. */
  fallbackLeg: string
  read: ReadReport
}

/** A leg's report that counts. */
export interface KeptReport {
  name: string
  path: string
  file: string
  head: LegHead
  sha256: string
}

export interface Selection {
  kept: KeptReport[]
  problems: ReportProblem[]
  skipped: string[]
  missing: Gathered['missing']
  /** Earlier attempts' reports, replaced by their leg's latest. */
  superseded: { name: string; file: string; attempt: number }[]
}

/**
 * `own`: this workflow run's ID and the commit it tests ('' when unknown outside a runner or for
 * an event that names no commit: then the reports must agree with each other, and the most common
 * value is the run's).
 */
export function selectLegs(
  files: readonly ReadFile[],
  own: { runId: string; commit: string },
  expected: Gathered['expected']
): Selection {
  const problems: ReportProblem[] = []
  const skipped: string[] = []
  const reports: KeptReport[] = []
  for (const f of files) {
    if (f.read.kind === 'skipped') skipped.push(f.file)
    else if (f.read.kind === 'refused') problems.push({ file: f.file, problem: f.read.problem })
    else {
      const { head, sha256 } = f.read
      reports.push({ name: head.leg || f.fallbackLeg, path: f.path, file: f.file, head, sha256 })
    }
  }

  const runId = own.runId || mostCommon(reports.map(r => r.head.runId))
  const ofThisRun = reports.filter(r => {
    if (r.head.runId === runId) return true
    problems.push({
      file: r.file,
      problem: `is a report of workflow run ${r.head.runId || '(none)'}, not of this one (${runId}): an artifact of another run must not gate this one`
    })
    return false
  })
  const commit = own.commit || mostCommon(ofThisRun.map(r => r.head.commit))
  const current = ofThisRun.filter(r => {
    if (r.head.commit === commit) return true
    problems.push({
      file: r.file,
      problem: `tested commit ${short(r.head.commit)}, not ${short(commit)}, which this workflow run tests: a stale report must not gate a new commit`
    })
    return false
  })

  const byLeg = new Map<string, KeptReport>()
  const superseded: Selection['superseded'] = []
  for (const report of current) {
    const kept = byLeg.get(report.name)
    if (!kept) {
      byLeg.set(report.name, report)
    } else if (report.head.attempt === kept.head.attempt) {
      problems.push({
        file: report.file,
        problem: `is a second report of leg "${report.name}" for attempt ${report.head.attempt}, beside ${kept.file}: give each leg its own name with the leg input`
      })
    } else {
      const [newer, older] =
        report.head.attempt > kept.head.attempt ? [report, kept] : [kept, report]
      byLeg.set(report.name, newer)
      superseded.push({ name: older.name, file: older.file, attempt: older.head.attempt })
    }
  }

  const names = 'names' in expected ? expected.names : []
  const rank = (name: string): number => {
    const at = names.indexOf(name)
    return at === -1 ? names.length : at
  }
  const kept = [...byLeg.values()].sort(
    (a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  )
  const missingNames = names.filter(name => !byLeg.has(name))
  const missing =
    'count' in expected
      ? { count: Math.max(0, expected.count - kept.length), names: [] }
      : { count: missingNames.length, names: missingNames }
  return { kept, problems, skipped, missing, superseded }
}

/** The value most reports give (the first of equals, in file order); '' for none. */
function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best = ''
  let most = 0
  for (const [value, count] of counts) {
    if (count > most) [best, most] = [value, count]
  }
  return best
}

/** A commit as people quote it. */
const short = (sha: string): string => (sha ? sha.slice(0, 12) : '(none)')
