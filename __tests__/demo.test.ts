// `npm run demo` is the first thing a new user runs: it must work and show a realistic report.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { root } from '../scripts/runner.mjs'

describe('npm run demo', () => {
  it('runs the committed dist against the simulated API and shows log, outputs and summary', () => {
    const demo = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
      timeout: 60_000
    })
    expect(demo.status).toBe(0)
    expect(demo.stderr).toBe('')
    const out = demo.stdout
    // One poll interval (1 s) plus the request: on a busy machine that shows as 1.1 s or more.
    expect(out).toMatch(/queued -> running after [\d.]+ s/)
    expect(out).toContain('running -> completed after')
    expect(out).toMatch(/Error {4}Paying with a saved card returns a 500 error: 🔴 Critical \(5\)/)
    expect(out).toContain('TesterArmy verdict: failed: the run FAILED with 3 issues.')
    expect(out).toMatch(/issues-count\s+3/)
    expect(out).toMatch(/passed\s+false/)
    expect(out).toContain('❌ TESTERARMY FAILED: CHECKOUT WITH SAVED CARD')
    expect(out).toContain('The step ended with exit code 1')
    expect(out).not.toContain('demo-key')
  })

  it('--upload: uploads an APK to the simulated storage, then runs the test on it', () => {
    const demo = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs'), '--upload'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
      timeout: 60_000
    })
    expect(demo.status).toBe(0)
    expect(demo.stderr).toBe('')
    const out = demo.stdout
    expect(out).toContain(
      '▸ Uploading app-release.apk (24.0 MiB) to TesterArmy project demo-project'
    )
    expect(out).toMatch(/Uploaded 24\.0 MiB in .* \(.*\/s\)\./)
    expect(out).toMatch(/app-platform\s+android/)
    expect(out).toContain('App build')
    expect(out).toContain('TesterArmy verdict: failed: the run FAILED with 3 issues.')
    expect(out).not.toContain('demo-key')
  })
})

describe('npm run demo -- --pull-request', () => {
  it('plays the exploration agent on a pull request, with its test plan and what it was sent', () => {
    const demo = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'demo.mjs'), '--pull-request'],
      { encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' }, timeout: 60_000 }
    )
    expect(demo.status).toBe(0)
    expect(demo.stderr).toBe('')
    const out = demo.stdout
    expect(out).toContain(
      'Pull request #482 (the pull_request event): "Pay with a saved card at checkout"'
    )
    expect(out).toContain('Started the exploration agent: run')
    expect(out).toMatch(/pr-number\s+482/)
    expect(out).toContain('Test plan')
    expect(out).toContain('"commitSha": "9c1e4f2a7b3d5e6f8a9b0c1d2e3f4a5b6c7d8e9f"')
    expect(out).not.toContain('<!--')
    expect(out).not.toContain('demo-key')
  })
})

describe('npm run demo -- --flaky', () => {
  it('plays a run that failed, then passed on a retry: the step passes with a warning', () => {
    const demo = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs'), '--flaky'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
      timeout: 60_000
    })
    expect(demo.status).toBe(0)
    expect(demo.stderr).toBe('')
    const out = demo.stdout
    expect(out).toContain('▸ Starting a failed run again (attempt 2 of 2, retry-failed)')
    expect(out).toMatch(/Warning {2}Flaky: Sign in and sign out: Passed only on a retry/)
    expect(out).toContain(
      'TesterArmy verdict: passed (1 flaky run: failed, then passed on a retry).'
    )
    expect(out).toMatch(/flaky-count\s+1/)
    expect(out).toContain('<flakyFailure message="run 7d0e5b1c')
    expect(out).toContain('The step ended with exit code 0')
    expect(out).not.toContain('demo-key')
  })
})

describe('npm run demo -- --matrix', () => {
  it('plays three legs and the job that gathers them into one verdict, comment and status', () => {
    const demo = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs'), '--matrix'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
      timeout: 60_000
    })
    expect(demo.status).toBe(0)
    expect(demo.stderr).toBe('')
    const out = demo.stdout
    expect(out).toMatch(/android {2}exit code 1, passed false, 3 issues/)
    expect(out).toContain('testerarmy-web/testerarmy-report.json: leg web, attempt 1.')
    expect(out).toContain('TesterArmy verdict: failed: leg android: the run FAILED with 3 issues.')
    expect(out).toContain('it sent no request to TesterArmy')
    expect(out).toMatch(/reports-count\s+3/)
    expect(out).toContain('TesterArmy on 9c1e4f2a7b3d: failure: Failed: android failed (of 3 legs)')
    expect(out).toContain('❌ TesterArmy failed: 1 of 3 legs did not pass')
    expect(out).toContain('❌ TESTERARMY: 1 OF 3 LEGS DID NOT PASS')
    expect(out).not.toContain('demo-key')
    expect(out).not.toContain('demo-github-token')
  })
})

describe('npm run demo -- --known-issues', () => {
  it('plays a run with one known (waived) and one new issue: the new one fails the step', () => {
    const demo = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'demo.mjs'), '--known-issues'],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, NO_COLOR: '1' },
        timeout: 60_000
      }
    )
    expect(demo.status).toBe(0)
    expect(demo.stderr).toBe('')
    const out = demo.stdout
    expect(out).toMatch(
      /Notice {3}Known issue: Order summary overlaps the footer on narrow screens: .*waived by \.github\/testerarmy-known-issues\.yml line 2/
    )
    expect(out).toMatch(/Error {4}Paying with a saved card returns a 500 error/)
    expect(out).toContain(
      'TesterArmy verdict: failed: the run FAILED with 1 issue (1 more waived by known-issues).'
    )
    expect(out).toMatch(/waived-count\s+1/)
    expect(out).toContain('This pull request adds 1 known-issue entry')
    expect(out).toContain('The step ended with exit code 1')
    expect(out).not.toContain('demo-key')
    expect(out).not.toContain('demo-github-token')
  })
})
