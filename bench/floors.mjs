// Builds the two floors `npm run bench` compares the cold start with, both from bench/floor.ts
// (the two packages the action cannot do without, doing its one request), minified by ncc:
//
// - build/floor: the packages as published. ncc runs from a scratch folder with a tsconfig.json of
//   its own, so the repository's "paths" (undici mapped to src/github/undici-on-demand.ts) do not
//   apply: ncc reads them from the tsconfig.json of its working directory.
// - build/floor-deferred: the same packages bundled as dist/ is, undici loaded only on demand: what
//   the two packages cost at the least, and so the stricter comparison.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const build = (cwd, entry, out) =>
  execFileSync(process.execPath, [ncc, 'build', entry, '-m', '-q', '-o', out], {
    cwd,
    stdio: 'inherit'
  })

const scratch = join(root, 'build', 'floor-src')
rmSync(scratch, { recursive: true, force: true })
mkdirSync(scratch, { recursive: true })
copyFileSync(join(root, 'bench', 'floor.ts'), join(scratch, 'floor.ts'))
writeFileSync(
  join(scratch, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: { target: 'ES2023', module: 'NodeNext', moduleResolution: 'NodeNext' }
  })
)
build(scratch, 'floor.ts', join(root, 'build', 'floor'))
rmSync(scratch, { recursive: true, force: true })
build(root, join('bench', 'floor.ts'), join(root, 'build', 'floor-deferred'))
