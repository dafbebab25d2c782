import { describe, expect, it } from '@jest/globals'
import { judge, type GateInput, type GatePolicy } from '../src/verdict/gate.js'
import type { Issue } from '../src/model.js'

const issue = (severity: number | null, type = 'issue'): Issue => ({
  type,
  name: `sev ${severity}`,
  description: '',
  url: '',
  severity,
  reproductionSteps: [],
  expectedBehavior: '',
  actualBehavior: '',
  screenshotUrl: '',
  tMs: null
})

const run = (over: Partial<GateInput>): GateInput => ({
  status: 'completed',
  result: 'PASS',
  issues: [],
  warnings: [],
  ...over
})
const policy = (over: Partial<GatePolicy> = {}): GatePolicy => ({
  failOn: 'failed',
  minSeverity: 1,
  ...over
})

describe('judge', () => {
  // [case, run, policy, passed, reason fragment]
  const table: [string, GateInput, GatePolicy, boolean, string][] = [
    ['PASS passes', run({}), policy(), true, ''],
    [
      'FAILED with an issue fails',
      run({ result: 'FAILED', issues: [issue(2)] }),
      policy(),
      false,
      'FAILED with 1 issue'
    ],
    [
      'FAILED with no issues at all fails',
      run({ result: 'FAILED' }),
      policy(),
      false,
      'without reporting any issue'
    ],
    [
      'FAILED with only warnings fails (no issue to judge)',
      run({ result: 'FAILED', warnings: [issue(1, 'warning')] }),
      policy(),
      false,
      'without reporting any issue'
    ],
    [
      'FAILED below min-severity passes',
      run({ result: 'FAILED', issues: [issue(2), issue(1)] }),
      policy({ minSeverity: 3 }),
      true,
      ''
    ],
    [
      'FAILED at min-severity fails',
      run({ result: 'FAILED', issues: [issue(3), issue(1)] }),
      policy({ minSeverity: 3 }),
      false,
      '1 issue at severity 3 or above'
    ],
    [
      'an unrated issue reaches any threshold',
      run({ result: 'FAILED', issues: [issue(null)] }),
      policy({ minSeverity: 5 }),
      false,
      '1 issue at severity 5'
    ],
    ['SKIPPED passes', run({ result: 'SKIPPED' }), policy(), true, ''],
    [
      'completed without a result fails',
      run({ result: '' }),
      policy(),
      false,
      'completed without a result'
    ],
    [
      'status failed fails',
      run({ status: 'failed', result: '' }),
      policy(),
      false,
      'failed before it could finish'
    ],
    [
      'status cancelled fails',
      run({ status: 'cancelled', result: '' }),
      policy(),
      false,
      'was cancelled'
    ],
    [
      'timed out fails',
      run({ status: 'timed_out', result: '' }),
      policy(),
      false,
      'did not finish before the timeout'
    ],
    ['not found fails', run({ status: 'not_found', result: '' }), policy(), false, 'was not found'],
    [
      'an unchecked run fails',
      run({ status: 'error', result: '' }),
      policy(),
      false,
      'could not be checked'
    ],
    [
      'warnings do not fail under fail-on failed',
      run({ warnings: [issue(5, 'warning')] }),
      policy(),
      true,
      ''
    ],
    [
      'a warning fails under fail-on warnings',
      run({ warnings: [issue(1, 'warning')] }),
      policy({ failOn: 'warnings' }),
      false,
      'reported 1 warning'
    ],
    [
      'warnings below min-severity pass under fail-on warnings',
      run({ warnings: [issue(2, 'warning')] }),
      policy({ failOn: 'warnings', minSeverity: 3 }),
      true,
      ''
    ],
    [
      'an unrated warning fails under fail-on warnings',
      run({ warnings: [issue(null, 'warning')] }),
      policy({ failOn: 'warnings', minSeverity: 5 }),
      false,
      'reported 1 warning'
    ],
    [
      'fail-on warnings still fails a FAILED run',
      run({ result: 'FAILED', issues: [issue(4)] }),
      policy({ failOn: 'warnings' }),
      false,
      'FAILED with 1 issue'
    ],
    [
      'fail-on never judges like failed (FAILED)',
      run({ result: 'FAILED', issues: [issue(4)] }),
      policy({ failOn: 'never' }),
      false,
      'FAILED with 1 issue'
    ],
    [
      'fail-on never judges like failed (timed out)',
      run({ status: 'timed_out', result: '' }),
      policy({ failOn: 'never' }),
      false,
      'timeout'
    ],
    [
      'fail-on never ignores warnings',
      run({ warnings: [issue(5, 'warning')] }),
      policy({ failOn: 'never' }),
      true,
      ''
    ]
  ]

  it.each(table)('%s', (_name, input, gatePolicy, passed, reason) => {
    const verdict = judge(input, gatePolicy)
    expect(verdict.passed).toBe(passed)
    if (passed) expect(verdict.reasons).toEqual([])
    else expect(verdict.reasons.join('; ')).toContain(reason)
  })

  it('notes a FAILED result it lets pass, so the reader knows why', () => {
    const verdict = judge(run({ result: 'FAILED', issues: [issue(2)] }), policy({ minSeverity: 4 }))
    expect(verdict.notes).toEqual([
      'the run FAILED, but none of its 1 issue reaches min-severity 4'
    ])
  })
})
