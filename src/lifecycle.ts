// The step's lifetime against the runner: its cancel signals, the abort they trigger, and the hard
// exit that makes sure the process is gone, step failed, before the runner kills it.
import * as core from '@actions/core'
import { Limits } from './constants.js'

/**
 * The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills the process tree
 * 2.5 s after that; some runner versions send SIGHUP instead.
 */
const CANCEL_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

export type Signals = Pick<NodeJS.Process, 'on' | 'off'>

interface Lifecycle {
  /** Aborted on the runner's first cancel signal. */
  signal: AbortSignal
  /**
   * What the hard exit's last line says, should it come now: by default that the report could not
   * be written; once it is written, what is still missing (for example the comment).
   */
  setExitLine(line: string): void
  /** When (ms since the epoch) the hard exit comes after the runner's cancel; null before one. */
  exitAt(): number | null
  /** Stops listening and disarms the hard exit; call once the report is out. */
  dispose(): void
}

/**
 * Signals that arrived before the action was loaded (see index.ts), and the holder that kept them
 * from killing the process meanwhile.
 */
export interface HeldSignals {
  received: readonly NodeJS.Signals[]
  release(): void
}

/**
 * Listens for the runner's cancellation for the whole run, so a second signal cannot kill the
 * process halfway through writing the report. A signal held while the action loaded counts as the
 * first one.
 */
export function watchCancellation(signals: Signals, held?: HeldSignals): Lifecycle {
  const cancel = new AbortController()
  let hardExit: NodeJS.Timeout | undefined
  let exitAt: number | null = null
  let exitLine = 'TesterArmy: the workflow was cancelled; the report could not be written in time.'
  const onSignal = (signal: NodeJS.Signals): void => {
    if (cancel.signal.aborted) return
    core.warning(`Received ${signal}: the workflow is being cancelled; stopping the wait.`)
    cancel.abort()
    // The runner kills the process a few seconds after its first signal: make sure we are gone
    // first, with the step marked failed, even if something still hangs.
    exitAt = Date.now() + Limits.cancelExitMs
    hardExit = setTimeout(() => {
      core.setFailed(exitLine)
      process.exit(1)
    }, Limits.cancelExitMs)
    hardExit.unref()
  }
  for (const signal of CANCEL_SIGNALS) signals.on(signal, onSignal)
  // Our listeners are on: the holder can go, and what it caught is handled now.
  held?.release()
  const first = held?.received[0]
  if (first) onSignal(first)
  return {
    signal: cancel.signal,
    setExitLine: line => {
      exitLine = line
    },
    exitAt: () => exitAt,
    dispose: () => {
      clearTimeout(hardExit)
      for (const signal of CANCEL_SIGNALS) signals.off(signal, onSignal)
    }
  }
}
