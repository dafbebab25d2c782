// Preloaded into the action's process (NODE_OPTIONS=--import=...) by e2e-loading.test.ts: on exit,
// writes to LOAD_PROBE_OUT which files were loaded as modules (dist/index.js and its chunks), which
// of Node's modules, and whether undici was evaluated (on load it installs its global dispatcher,
// under this symbol).
import { writeFileSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { fileURLToPath } from 'node:url'

const files = []
registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:')) files.push(fileURLToPath(url))
    return next(url, context)
  }
})
process.on('exit', () => {
  const undici = globalThis[Symbol.for('undici.globalDispatcher.1')] !== undefined
  // Node's own public modules that were loaded (node:http, node:perf_hooks, ...).
  const builtins = process.moduleLoadList
    .filter(name => name.startsWith('NativeModule ') && !name.includes('internal/'))
    .map(name => name.slice('NativeModule '.length))
  writeFileSync(process.env.LOAD_PROBE_OUT, JSON.stringify({ files, undici, builtins }))
})
