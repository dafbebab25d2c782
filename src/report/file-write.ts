// Writing a report file (the JSON report, JUnit, CTRF): beside its path, then renamed into place.
// A link already at the path is replaced, never written through, and a dangling link's target is
// never created; a reader never sees half a file. Written piece by piece, each scrubbed, with a
// turn of the event loop now and then, so the hard exit after a cancel still comes on time.
import { closeSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Writing longer than this without a break holds up every timer, the hard exit after the runner's
 * cancel included: then one turn of the event loop. Synchronous writes otherwise: asynchronous
 * ones go through libuv's thread pool, whose start costs a plain wait's cold start (see
 * docs/performance.md).
 */
const YIELD_AFTER_MS = 40

export async function writeFileBeside(
  path: string,
  pieces: Iterable<string>,
  scrub: (text: string) => string
): Promise<void> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`
  )
  // 'wx' creates the file here and fails if anything, a link included, is already at that name.
  const file = openSync(temp, 'wx')
  // A hard exit while writing leaves no half-written file behind.
  const removeTemp = (): void => rmSync(temp, { force: true })
  process.once('exit', removeTemp)
  try {
    try {
      let since = Date.now()
      // writeFileSync on a descriptor writes from where the last write ended.
      for (const piece of pieces) {
        writeFileSync(file, scrub(piece))
        if (Date.now() - since >= YIELD_AFTER_MS) {
          await new Promise(resolve => setImmediate(resolve))
          since = Date.now()
        }
      }
    } finally {
      closeSync(file)
    }
    // Replaces whatever is at the path (a file, a link), never what a link points to.
    renameSync(temp, path)
  } catch (error) {
    removeTemp()
    throw error
  } finally {
    process.off('exit', removeTemp)
  }
}
