// Writes dist/licenses.txt: the license of every package the bundle ships (the production
// dependencies in package-lock.json). ncc's own --license output keeps only the last chunk's
// packages once the bundle is split, so the build writes this file itself.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './runner.mjs'

const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
const shipped = Object.entries(lock.packages)
  .filter(([path, info]) => path.startsWith('node_modules/') && !info.dev && !info.optional)
  .map(([path, info]) => ({
    path,
    name: path.slice(path.lastIndexOf('node_modules/') + 13),
    version: info.version,
    license: info.license
  }))
  .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))

const sections = shipped.map(({ path, name, version, license }) => {
  const dir = join(root, path)
  const file = existsSync(dir)
    ? readdirSync(dir).find(f => /^(licen[cs]e|copying)(\.|$)/i.test(f))
    : undefined
  const text = file
    ? readFileSync(join(dir, file), 'utf8').trim()
    : `${license ?? 'UNKNOWN'} (no license file in the package)`
  return `${name}@${version}\n${license ?? 'UNKNOWN'}\n${text}`
})
writeFileSync(join(root, 'dist', 'licenses.txt'), `${sections.join('\n\n---\n\n')}\n`)
console.log(`dist/licenses.txt: ${shipped.length} packages`)
