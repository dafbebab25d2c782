// Reports mode, as the story of a run sees it: find the legs' report files, read and check each,
// keep one per leg, and build the one report every view is published from. Reads files only: no
// request to TesterArmy. Loaded only in reports mode (a chunk of its own, with @actions/glob and
// Ajv).
import { logText } from '../escape.js'
import { pathInside } from '../guards.js'
import { runTotals } from '../labels.js'
import type { ReportsRequest } from '../inputs/reports.js'
import type { Gathered, GatheredLeg, Report, RunReport } from '../model.js'
import { judgeMatrix } from '../verdict/legs.js'
import { findReports } from './find-reports.js'
import { legRun } from './leg-runs.js'
import { readAgain, readReport } from './read-report.js'
import { selectLegs, type KeptReport, type ReadFile } from './select-legs.js'

export interface GatherOptions {
  request: ReportsRequest
  /** This workflow run's ID and the commit it tests ('' when unknown). */
  own: { runId: string; commit: string }
  /** Where relative patterns start, and what shown paths are relative to (the workspace). */
  cwd: string
  log: (line: string) => void
}

export async function gatherReports({ request, own, cwd, log }: GatherOptions): Promise<Report> {
  const found = await findReports(request.patterns)
  // One file at a time: each is read, checked and let go before the next (only its verdict and
  // digest stay), so memory holds one whole report at most.
  const files: ReadFile[] = found.map(({ path, fallbackLeg }) => ({
    path,
    file: shown(path, cwd),
    fallbackLeg,
    read: readReport(path)
  }))
  const selection = selectLegs(files, own, request.expected)
  const runs: RunReport[] = []
  const legs: GatheredLeg[] = []
  for (const kept of selection.kept) {
    const entries = readAgain(kept.path, kept.sha256)
    const legRuns = entries.map(entry => legRun(entry, kept.name))
    runs.push(...legRuns)
    legs.push(legOf(kept, legRuns))
  }
  // Names and paths are the legs' text: one line each in the log, never a workflow command.
  for (const { file, fallbackLeg, read } of files) {
    if (read.kind === 'skipped')
      log(`${logText(file)}: skipped (the action's own ${read.what} file).`)
    if (read.kind === 'report')
      log(
        `${logText(file)}: leg ${logText(read.head.leg || fallbackLeg, 100)}, attempt ${read.head.attempt}.`
      )
  }
  for (const s of selection.superseded)
    log(
      `${logText(s.file)}: attempt ${s.attempt} of leg ${logText(s.name, 100)}, replaced by a later attempt.`
    )
  for (const p of selection.problems) log(`${logText(p.file)}: not used: ${logText(p.problem)}`)
  if (files.length === 0) log(`No file matched the reports patterns: ${logText(request.patterns)}`)

  const verdict = judgeMatrix(legs, selection.missing, selection.problems)
  const gathered: Gathered = {
    patterns: request.patterns,
    expected: request.expected,
    legs,
    missing: selection.missing,
    problems: selection.problems,
    found: files.length,
    skipped: selection.skipped,
    commit: selection.kept[0]?.head.commit || own.commit,
    // Each kept report read again, one at a time, its runs named with their leg.
    entries: function* () {
      for (const kept of selection.kept) {
        // Named with its leg (in place of any `leg` the entry had).
        for (const entry of readAgain(kept.path, kept.sha256)) yield { ...entry, leg: kept.name }
      }
    }
  }
  return {
    ...verdict,
    runs,
    fatal: null,
    cancelled: false,
    flakyCount: runs.filter(r => r.flaky).length,
    gathered
  }
}

function legOf(kept: KeptReport, runs: RunReport[]): GatheredLeg {
  const { head } = kept
  // As the leg's outputs count them: every finding TesterArmy reported, waived ones included.
  const totals = runTotals(runs)
  return {
    name: kept.name,
    file: kept.file,
    attempt: head.attempt,
    passed: head.passed,
    status: head.status,
    result: head.result,
    fatal: head.fatal,
    cancelled: head.cancelled,
    runs: runs.length,
    issues: totals.issues,
    warnings: totals.warnings,
    flaky: head.flakyCount,
    waived: totals.waived
  }
}

/** A path as a user finds it in the workspace; outside it, whole. */
function shown(path: string, cwd: string): string {
  return pathInside(cwd, path) ?? path
}
