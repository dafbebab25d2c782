// CI's supply-chain check: `npm audit` of what ships (not dev tools, not the optional Node 24
// binaries the tests run dist/ with: see scripts/node24.mjs). Fails on any advisory. Where
// the registry does not offer the audit endpoint (a mirror answers 405), says so and lists what
// ships instead of failing: the check cannot be made there, and pretending it passed would lie.
import { execFileSync } from 'node:child_process'

const omit = ['--omit=dev', '--omit=optional']

let report
try {
  report = execFileSync('npm', ['audit', ...omit, '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore']
  })
} catch (error) {
  report = error.stdout ?? ''
}
let json = {}
try {
  json = JSON.parse(report)
} catch {
  // handled below
}
const vulnerabilities = json.metadata?.vulnerabilities
if (vulnerabilities) {
  const total = Object.values(vulnerabilities).reduce((sum, n) => sum + n, 0)
  console.log(
    `npm audit ${omit.join(' ')}: ${total} known vulnerabilities in ${json.metadata.dependencies?.prod ?? '?'} shipped packages`
  )
  if (total > 0) {
    console.log(
      execFileSync('npm', ['audit', ...omit], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore']
      }).toString()
    )
    process.exit(1)
  }
} else {
  console.log(
    `npm audit is not available from this registry (${json.statusCode ?? json.error?.code ?? 'no answer'}: ${json.message ?? json.error?.summary ?? 'unreadable'}); what ships, pinned by package-lock.json:`
  )
  console.log(execFileSync('npm', ['ls', ...omit, '--all'], { encoding: 'utf8' }))
}
