// Holds the runner's cancel signals from the moment the bundle starts, before the action's modules
// load (tens of milliseconds, more on a busy runner): without a listener, such a signal would kill the process with no outputs at
// all. index.ts imports this first; watchCancellation takes the held signals over. No imports, so
// nothing loads before it.
import type { HeldSignals } from './lifecycle.js'

const CANCEL_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
const received: NodeJS.Signals[] = []
const hold = (signal: NodeJS.Signals): void => void received.push(signal)
for (const signal of CANCEL_SIGNALS) process.on(signal, hold)

export const heldSignals: HeldSignals = {
  received,
  release: () => {
    for (const signal of CANCEL_SIGNALS) process.off(signal, hold)
  }
}
