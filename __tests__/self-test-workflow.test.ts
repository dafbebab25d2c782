// The self-test job of ci.yml runs the action on a real runner, which is not available here: play
// its steps locally instead (the same commands and inputs; the action through the runner
// emulation on Node 24), so a broken step is caught before it reaches GitHub.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { findNode24 } from '../scripts/node24.mjs'
import { root } from '../scripts/runner.mjs'
import { readYaml } from '../scripts/workflow-check.mjs'
import { type Step, dryRunJob } from './helpers/workflow-dry-run.js'

const NODE24 = findNode24().path
const ci = readYaml(readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8'), 'ci.yml')
const steps: Step[] = ci.jobs['self-test'].steps

describe('ci.yml self-test job, dry run', () => {
  it('runs the action with uses: ./ for a passing, a failing and a cancelled run', () => {
    const ours = steps.filter(step => step.uses === './')
    expect(ours.map(step => step.id)).toEqual(['pass', 'fail', 'cancel'])
    expect(ours.find(step => step.id === 'fail')?.['continue-on-error']).toBe(true)
    expect(ours.find(step => step.id === 'cancel')?.['timeout-minutes']).toBeGreaterThan(0)
  })

  it('passes every step: the simulated API starts and each check of the outputs holds', async () => {
    // The step's timeout is scaled down from minutes to 3 s: long enough for the action to be
    // waiting on the endless run, on a busy machine too.
    const results = await dryRunJob(steps, { node: NODE24, stepTimeoutMs: 3000 })
    const shown = results.map(r => `${r.outcome.padEnd(7)} ${r.name}`).join('\n')
    expect(results).toHaveLength(steps.length)
    const byName = Object.fromEntries(results.map(r => [r.name, r]))
    // The action's own steps end as the workflow expects; the check steps all succeed.
    const outcomes = steps.map(step => {
      const name = step.name ?? step.id ?? step.uses ?? ''
      const result = byName[name] ?? { outcome: 'missing', log: '' }
      const expected = step.uses?.startsWith('actions/checkout@')
        ? 'skipped'
        : step.id === 'pass' || step.uses !== './'
          ? 'success'
          : 'failure'
      return `${result.outcome === expected ? 'ok  ' : 'FAIL'} ${result.outcome.padEnd(7)} ${name}${
        result.outcome === expected ? '' : `\n${result.log}`
      }`
    })
    expect(outcomes.join('\n')).not.toMatch(/^FAIL/m)
    expect(shown).toMatch(/success Check the cancelled run/)
    const api = byName['Start the simulated TesterArmy API']
    expect(api?.outputs.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/)
    expect(
      byName["A cancelled run (the step's timeout cancels it while it waits)"]?.outputs.status
    ).toBe('cancelled')
  }, 90000)
})
