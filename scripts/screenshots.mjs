// `npm run docs:screenshots`: renders the job summary of realistic runs the way GitHub does
// (cmark-gfm, then a page styled like a job summary) and photographs it with headless Chromium
// (Debian's `chromium` and `fonts-noto-color-emoji` packages) into docs/, whole, however long it
// is. The screenshots the fixtures link to do not exist, so the script first photographs small
// mock pages of the shop they describe and shows those as the thumbnails. Run after
// `npm run build`; not part of CI.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { crc32, deflateSync, inflateSync } from 'node:zlib'
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

// The pictures TesterArmy would have taken of the app under test: mock pages of the shop in the
// fixtures, one per screenshot URL they use (by file name), photographed before the summaries.
const appCss = `
body { margin: 0; font: 17px/1.4 "Noto Sans", Helvetica, Arial, sans-serif; color: #222; background: #fff; }
header { display: flex; justify-content: space-between; padding: 14px 24px; background: #1d3b2a; color: #fff; font-weight: 700; }
main { padding: 20px 24px; } h1 { font-size: 22px; margin: 0 0 14px; }
.row { display: flex; justify-content: space-between; padding: 10px 0; border-bottom: 1px solid #e5e5e5; }
.btn { display: inline-block; margin-top: 14px; padding: 10px 18px; background: #2f7d4f; color: #fff; border-radius: 6px; font-weight: 600; }
.error { margin-bottom: 14px; padding: 12px 14px; background: #fdecea; border: 1px solid #e0a29c; color: #8a1c12; border-radius: 6px; font-weight: 600; }
.field { margin: 8px 0; padding: 10px; border: 1px solid #bbb; border-radius: 6px; color: #666; }
.muted { color: #777; } .total { font-weight: 700; } .discount { color: #2f7d4f; }
.overlap { position: absolute; left: 24px; right: 24px; bottom: 40px; padding: 14px; background: #fff8d6; border: 2px solid #d9b400; box-shadow: 0 2px 8px #0003; }
footer { position: absolute; bottom: 0; left: 0; right: 0; padding: 12px 24px; background: #eee; color: #555; }
`
const shopHeader = '<header><span>Trail Shop</span><span>preview-482 · Ana P.</span></header>'
const appPages = {
  'issue-1': `<main><h1>Payment</h1><div class="error">Something went wrong (500). Your order was not created.</div><div class="row"><span>Saved card</span><span>Visa •••• 4242</span></div><div class="row total"><span>Total</span><span>€ 215.46</span></div><span class="btn">Pay now</span></main>`,
  'issue-2': `<main><h1>Cart</h1><div class="row"><span>Trail Runner 2 · 42 · ×2</span><span>€ 239.80</span></div><div class="row discount"><span>SAVE10</span><span>− € 23.98</span></div><div class="row discount"><span>SAVE10</span><span>− € 21.58</span></div><div class="row total"><span>Total</span><span>€ 194.24</span></div></main>`,
  'issue-3': `<main style="max-width:375px"><h1>Checkout</h1><div class="field">Email</div><div class="field">Address</div><div class="overlap"><b>Order summary</b><br>2 items · € 215.46</div></main><footer>Help · Returns · Privacy</footer>`,
  'step-1': `<main><h1>Welcome back, Ana</h1><div class="row"><span>Recently viewed</span><span class="muted">Trail Runner 2</span></div><div class="row"><span>Orders</span><span class="muted">3</span></div></main>`,
  'step-3': `<main><h1>Cart</h1><div class="row"><span>Trail Runner 2 · 42</span><span>Quantity: 2</span></div><div class="row total"><span>Subtotal</span><span>€ 239.80</span></div><span class="btn">Checkout</span></main>`,
  'step-5': `<main><h1>Cart</h1><div class="row"><span>Trail Runner 2 · 42 · ×2</span><span>€ 239.80</span></div><div class="row discount"><span>SAVE10</span><span>− € 23.98</span></div><div class="row total"><span>Total</span><span>€ 215.82</span></div><span class="btn">Checkout</span></main>`,
  'step-7': `<main><h1>Order history</h1><div class="row"><span>#10482 · 12 Nov</span><span class="muted">Delivered</span></div><div class="row"><span>#10377 · 30 Oct</span><span class="muted">Delivered</span></div></main>`,
  'login-1': `<main><h1>Sign in</h1><div class="field">ana@example.com</div><div class="field">••••••••••</div><span class="btn">Sign in</span></main>`,
  'login-2': `<main><h1>Account</h1><div class="row"><span>Ana P.</span><span class="muted">ana@example.com</span></div><div class="row"><span>Sign out</span><span></span></div></main>`
}

/** Photographs each mock page; returns file name (without .png) -> data: URI of the picture. */
function photographApp() {
  const pictures = {}
  for (const [name, body] of Object.entries(appPages)) {
    const html = `<!doctype html><meta charset="utf-8"><style>${appCss}</style>${shopHeader}${body}`
    const file = join(tmpdir(), `testerarmy-app-${process.pid}-${name}.png`)
    shoot(html, file, { width: 480, height: 300 })
    pictures[name] = `data:image/png;base64,${readFileSync(file).toString('base64')}`
    rmSync(file, { force: true })
  }
  return pictures
}

function page(markdown, title, pictures) {
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
    // Thumbnails point at screenshots that do not exist: show the mock page of the same name.
    .replace(/<img src="([^"]*)"/g, (whole, src) => {
      const picture = pictures[/([\w-]+)\.png$/.exec(src)?.[1] ?? '']
      if (!picture) throw new Error(`no mock page for the screenshot ${src}: add one to appPages`)
      return `<img src="${picture}"`
    })
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
  const api = await startSimulatedApi({ runs, apiKey: 'docs-key-0123456789' })
  try {
    const result = await runAction({
      inputs: {
        'run-id': Object.keys(runs).join(','),
        'api-key': 'docs-key-0123456789',
        'api-url': api.url
      }
    })
    result.cleanup()
    return result.summary
  } finally {
    await api.close()
  }
}

/**
 * Crops a PNG of Chromium's (8-bit RGB or RGBA, not interlaced) below the last row that is not
 * the page background, keeping `margin` rows: the window is taller than any summary, so nothing
 * is cut off, and the picture ends where the summary does.
 */
function cropPng(buffer, margin) {
  const chunks = []
  for (let at = 8; at < buffer.length;) {
    const length = buffer.readUInt32BE(at)
    chunks.push({
      type: buffer.toString('latin1', at + 4, at + 8),
      data: buffer.subarray(at + 8, at + 8 + length)
    })
    at += 12 + length
  }
  const header = chunks.find(c => c.type === 'IHDR').data
  const width = header.readUInt32BE(0)
  const height = header.readUInt32BE(4)
  const channels = { 2: 3, 6: 4 }[header[9]]
  if (header[8] !== 8 || !channels || header[12] !== 0) throw new Error('unexpected PNG format')
  const raw = inflateSync(Buffer.concat(chunks.filter(c => c.type === 'IDAT').map(c => c.data)))
  const stride = width * channels
  const rows = []
  let previous = Buffer.alloc(stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)))
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? line[x - channels] : 0
      const up = previous[x]
      const upLeft = x >= channels ? previous[x - channels] : 0
      const paeth = () => {
        const p = left + up - upLeft
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)]
        return a <= b && a <= c ? left : b <= c ? up : upLeft
      }
      const predictor = [0, left, up, (left + up) >> 1, filter === 4 ? paeth() : 0][filter]
      line[x] = (line[x] + predictor) & 0xff
    }
    rows.push(line)
    previous = line
  }
  const background = rows[height - 1].subarray(0, channels)
  const isBackground = row => {
    for (let x = 0; x < stride; x++) if (row[x] !== background[x % channels]) return false
    return true
  }
  let last = height - 1
  while (last > 0 && isBackground(rows[last])) last--
  const kept = Math.min(height, last + 1 + margin)
  const data = deflateSync(
    Buffer.concat(rows.slice(0, kept).map(row => Buffer.concat([Buffer.from([0]), row])))
  )
  const chunk = (type, body) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(body.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), body])))
    return Buffer.concat([length, Buffer.from(type, 'latin1'), body, crc])
  }
  const newHeader = Buffer.from(header)
  newHeader.writeUInt32BE(kept, 4)
  return Buffer.concat([
    buffer.subarray(0, 8),
    chunk('IHDR', newHeader),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0))
  ])
}

function shoot(html, file, { width, height }) {
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
        `--window-size=${width},${height}`,
        `--screenshot=${file}`,
        `file://${join(dir, 'page.html')}`
      ],
      { stdio: 'ignore' }
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// Taller than any of these summaries: the picture is then cropped to where the summary ends.
const WINDOW = { width: 1000, height: 8000 }
const shots = [
  { names: ['failed-with-issues'], file: 'summary-failed.png' },
  { names: ['passed'], file: 'summary-passed.png' },
  { names: ['failed-with-issues', 'passed', 'skipped', 'run-failed'], file: 'summary-several.png' }
]
const pictures = photographApp()
for (const shot of shots) {
  const markdown = await summaryOf(shot.names)
  const out = join(root, 'docs', shot.file)
  shoot(page(markdown, 'TesterArmy summary', pictures), out, WINDOW)
  const cropped = cropPng(readFileSync(out), 16)
  if (cropped.readUInt32BE(20) >= WINDOW.height)
    throw new Error(`${shot.file} is taller than the window`)
  writeFileSync(out, cropped)
  console.log(`wrote ${out} (${cropped.readUInt32BE(20)} px high)`)
}
