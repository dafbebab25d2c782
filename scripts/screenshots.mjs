// `npm run docs:screenshots`: renders the job summary of realistic runs the way GitHub does
// (cmark-gfm, then a page styled like a job summary) and photographs it with headless Chromium
// (Debian's `chromium` package) into docs/. Run after `npm run build`; not part of CI.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { root, runAction } from './runner.mjs'
import { startSimulatedApi } from './simulated-api.mjs'

const require = createRequire(import.meta.url)
const cmark = require('cmark-gfm')
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium'

// Close to GitHub's job summary: its fonts, widths, table and <details> styles, light theme.
const css = `
body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; color: #1f2328; }
.box { margin: 16px; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.head { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
.body { padding: 8px 24px 16px; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin: 16px 0 16px; }
h3 { font-size: 1.25em; margin: 24px 0 16px; } h4 { font-size: 1em; margin: 24px 0 16px; }
table { border-collapse: collapse; margin: 0 0 16px; display: block; max-width: 100%; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } th { font-weight: 600; } tr:nth-child(2n) { background: #f6f8fa; }
details { margin: 0 0 8px; } summary { cursor: pointer; } details[open] > summary { margin-bottom: 8px; }
blockquote { margin: 0 0 16px; padding: 8px 16px; border-left: .25em solid #d1d9e0; color: #1f2328; }
code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%; }
img { max-width: 100%; border-radius: 6px; border: 1px solid #d1d9e0; background: #eef; min-height: 60px; }
sub { color: #59636e; } p { margin: 0 0 16px; } a { color: #0969da; text-decoration: none; }
`

function page(markdown, title) {
  const html = cmark.renderHtmlSync(markdown, {
    unsafe: true,
    extensions: {
      table: true,
      strikethrough: true,
      autolink: true,
      tagfilter: true,
      tasklist: true
    }
  })
  // GitHub shows the alert blocks with a coloured bar; mimic the two kinds we use.
  const styled = html
    .replace(/<blockquote>\n<p>\[!(CAUTION|WARNING|NOTE)\]\n?/g, (_, kind) => {
      const colour = { CAUTION: '#d1242f', WARNING: '#9a6700', NOTE: '#0969da' }[kind]
      const label = { CAUTION: '⛔ Caution', WARNING: '⚠️ Warning', NOTE: 'ℹ️ Note' }[kind]
      return `<blockquote style="border-left-color:${colour}"><p><strong style="color:${colour}">${label}</strong><br>`
    })
    // Thumbnails point at screenshots that do not exist here: show a placeholder of their size.
    .replace(
      /<img src="[^"]*"/g,
      '<img src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%22400%22 height=%22240%22%3E%3Crect width=%22100%25%22 height=%22100%25%22 fill=%22%23dde3ea%22/%3E%3C/svg%3E"'
    )
  return `<!doctype html><meta charset="utf-8"><style>${css}</style><div class="box"><div class="head">${title}</div><div class="body">${styled}</div></div>`
}

async function summaryOf(names) {
  const runs = {}
  for (const name of names) {
    const final = JSON.parse(
      readFileSync(join(root, '__fixtures__', 'runs', `${name}.json`), 'utf8')
    )
    runs[final.id] = { final, before: [] }
  }
  const api = await startSimulatedApi({ runs, apiKey: 'docs' })
  try {
    const result = await runAction({
      inputs: { 'run-id': Object.keys(runs).join(','), 'api-key': 'docs', 'api-url': api.url }
    })
    result.cleanup()
    return result.summary
  } finally {
    await api.close()
  }
}

function shoot(html, file, height) {
  const dir = mkdtempSync(join(tmpdir(), 'testerarmy-shot-'))
  try {
    writeFileSync(join(dir, 'page.html'), html)
    execFileSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--window-size=1000,${height}`,
        `--screenshot=${file}`,
        `file://${join(dir, 'page.html')}`
      ],
      { stdio: 'ignore' }
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const shots = [
  { names: ['failed-with-issues'], file: 'summary-failed.png', height: 1300 },
  { names: ['passed'], file: 'summary-passed.png', height: 820 },
  {
    names: ['failed-with-issues', 'passed', 'skipped', 'run-failed'],
    file: 'summary-several.png',
    height: 1200
  }
]
for (const shot of shots) {
  const markdown = await summaryOf(shot.names)
  const out = join(root, 'docs', shot.file)
  shoot(page(markdown, 'TesterArmy summary'), out, shot.height)
  console.log(`wrote ${out}`)
}
