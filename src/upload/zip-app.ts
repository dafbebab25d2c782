// Zips a `.app` folder for upload: entries under the folder's own name (`Shop.app/...`), symlinks
// kept as links, streamed to disk. yazl is loaded only here, only when a folder is given.
import { createWriteStream } from 'node:fs'
import { lstat, mkdir, mkdtemp, readdir, readlink, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'

interface ZippedApp {
  path: string
  size: number
  /** Removes the zip; safe to call twice, never throws. */
  remove(): Promise<void>
}

/**
 * Writes `<tempDir>/testerarmy-zip-XXXXXX/<Name>.app.zip`: a folder of its own, so a file of that
 * name the workflow left in RUNNER_TEMP is neither overwritten nor removed. Frameworks inside an app bundle link `Current` and their
 * binaries with relative symlinks: storing the link (not the file it points to) keeps the bundle
 * valid for the simulator and its size as built.
 */
export async function zipAppFolder(
  folder: string,
  tempDir: string,
  signal?: AbortSignal
): Promise<ZippedApp> {
  // A chunk of its own in dist/: runs that upload a file, or nothing, never load it.
  const { ZipFile } = (await import('yazl')).default
  signal?.throwIfAborted()
  const top = basename(folder.replace(/[/\\]+$/, ''))
  await mkdir(tempDir, { recursive: true })
  const own = await mkdtemp(join(tempDir, 'testerarmy-zip-'))
  const path = join(own, `${top}.zip`)
  const remove = (): Promise<void> =>
    rm(own, { recursive: true, force: true }).catch(() => undefined)
  const zip = new ZipFile()
  const output = createWriteStream(path)
  const written = new Promise<void>((resolve, reject) => {
    output.on('close', resolve)
    output.on('error', reject)
    zip.outputStream.on('error', reject)
    signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true })
  })
  // Awaited below, after the entries are added; an early failure must not go unhandled meanwhile.
  written.catch(() => undefined)
  zip.outputStream.pipe(output)
  try {
    await addFolder(zip, folder, top, signal)
    zip.end()
    await written
  } catch (error) {
    zip.outputStream.unpipe(output)
    // The file is opened asynchronously: removing it before the stream has closed can lose the
    // race with the open, and leave the zip behind after a cancel.
    if (!output.closed) {
      const closed = new Promise<void>(resolve => output.once('close', () => resolve()))
      output.destroy()
      await closed
    }
    await remove()
    throw error
  }
  return { path, size: (await stat(path)).size, remove }
}

type Zip = InstanceType<(typeof import('yazl'))['ZipFile']>

async function addFolder(
  zip: Zip,
  folder: string,
  name: string,
  signal: AbortSignal | undefined
): Promise<void> {
  if (signal?.aborted) throw new Error('aborted')
  // stat, not lstat: app-path may itself be a symlink to the bundle, and its entry must be the
  // folder it names (a link's mode would make unzip create a link, not the bundle). Folders inside
  // are never links here: the loop below stores links as links.
  const info = await stat(folder)
  zip.addEmptyDirectory(name, { mtime: info.mtime, mode: info.mode & 0xffff })
  const entries = await readdir(folder, { withFileTypes: true })
  // Sorted, so the same bundle gives the same zip.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const source = join(folder, entry.name)
    const target = `${name}/${entry.name}`
    if (entry.isSymbolicLink()) {
      const link = await lstat(source)
      // A link is stored as its target's path with the link's mode, as zip -y and ditto do.
      zip.addBuffer(Buffer.from(await readlink(source)), target, {
        mtime: link.mtime,
        mode: link.mode & 0xffff,
        compress: false
      })
    } else if (entry.isDirectory()) {
      await addFolder(zip, source, target, signal)
    } else if (entry.isFile()) {
      const file = await lstat(source)
      zip.addFile(source, target, { mtime: file.mtime, mode: file.mode & 0xffff })
    }
    // Sockets and devices have no place in an app bundle: left out.
  }
}
