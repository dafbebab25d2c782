// The action's entry point: everything happens in run(), which never throws. Modules are evaluated
// in the order they are imported: early-signals first, so a cancel that comes while the rest loads
// is held, and run() ends the step as cancelled instead of the process dying without outputs.
import { heldSignals } from './early-signals.js'
import { run } from './main.js'

void run({ held: heldSignals })
