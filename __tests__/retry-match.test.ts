// Which new run repeats which failed one: the same test, project, platform and device, never the
// position in an answer (issue 26).
import { describe, expect, it } from '@jest/globals'
import { parseRun } from '../src/api/run-response.js'
import type { Run, RunOutcome } from '../src/model.js'
import { matchGroupRuns, notTheSame } from '../src/start/retry-match.js'

const TEST = 'c4a1e2d3-5b6f-4a7b-8c9d-0e1f2a3b4c5d'
const OTHER_TEST = 'd5b2f3e4-6c7a-4b8c-9d0e-1f2a3b4c5d6e'
const PROJECT = '0b6d3c57-2a52-4c55-9a55-3d1f0e0f5a11'
const id = (n: number): string => `0000000${n}-0000-4000-8000-00000000000${n}`

const runOf = (n: number, fields: Record<string, unknown> = {}): Run =>
  parseRun({
    id: id(n),
    status: 'completed',
    testId: TEST,
    projectId: PROJECT,
    platform: 'web',
    ...fields
  })
const outcome = (run: Run): RunOutcome => ({
  id: run.id,
  status: 'completed',
  run,
  body: {},
  lastStatus: 'completed',
  error: null,
  cancelledByUser: false
})

describe('notTheSame', () => {
  it('accepts the same test, project, platform and device, whatever the case', () => {
    expect(notTheSame(runOf(1), runOf(2, { platform: 'WEB', testId: TEST.toUpperCase() }))).toBe(
      null
    )
    expect(
      notTheSame(runOf(1, { deviceModel: 'ipad' }), runOf(2, { deviceModel: 'ipad' }))
    ).toBeNull()
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['another platform', { platform: 'ios' }, 'platform ios, not web'],
    ['another device', { deviceModel: 'ipad' }, "device ipad, not the platform's default device"],
    ['another test', { testId: OTHER_TEST }, `test ${OTHER_TEST}, not ${TEST}`],
    ['no test', { testId: null }, `test none, not ${TEST}`],
    [
      'another project',
      { projectId: '9e8d7c6b-5a49-4838-9271-605f4e3d2c1b' },
      `project 9e8d7c6b-5a49-4838-9271-605f4e3d2c1b, not ${PROJECT}`
    ],
    [
      'two things at once',
      { platform: 'android', deviceModel: 'ipad' },
      'platform android, not web; device ipad'
    ]
  ])('refuses %s, saying how it differs', (_name, fields, said) => {
    expect(notTheSame(runOf(1), runOf(2, fields))).toContain(said)
  })

  it('does not judge a retry never read: it gives no verdict', () => {
    expect(notTheSame(runOf(1), null)).toBeNull()
  })
})

describe('matchGroupRuns', () => {
  it('gives each new run to the member that is its test on its platform, whatever the order', () => {
    const members = new Map([
      [id(1), runOf(1)],
      [id(2), runOf(2, { platform: 'ios' })]
    ])
    const { matched, ambiguous } = matchGroupRuns(members, [
      outcome(runOf(3, { platform: 'ios' })),
      outcome(runOf(4))
    ])
    expect([...matched].map(([member, o]) => [member, o.id])).toEqual([
      [id(1), id(4)],
      [id(2), id(3)]
    ])
    expect(ambiguous.size).toBe(0)
  })

  it('matches nothing two members share, and says why', () => {
    const members = new Map([
      [id(1), runOf(1)],
      [id(2), runOf(2)]
    ])
    const { matched, ambiguous } = matchGroupRuns(members, [outcome(runOf(3)), outcome(runOf(4))])
    expect(matched.size).toBe(0)
    expect(ambiguous.get(id(1))).toMatch(/more than one run of test .* on web/)
  })

  it('matches nothing when two new runs are the same test on the same platform', () => {
    const members = new Map([
      [id(1), runOf(1)],
      [id(2), runOf(2, { testId: OTHER_TEST })]
    ])
    const { matched, ambiguous } = matchGroupRuns(members, [
      outcome(runOf(3)),
      outcome(runOf(4)),
      outcome(runOf(5, { testId: OTHER_TEST }))
    ])
    expect([...matched.keys()]).toEqual([id(2)])
    expect(ambiguous.get(id(1))).toMatch(/gave more than one run/)
  })

  it('leaves out new runs never read and members never read', () => {
    const members = new Map<string, Run | null>([
      [id(1), null],
      [id(2), runOf(2)]
    ])
    const unread: RunOutcome = { ...outcome(runOf(3)), run: null }
    const { matched } = matchGroupRuns(members, [unread])
    expect(matched.size).toBe(0)
  })
})
