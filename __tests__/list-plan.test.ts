import { describe, expect, it } from '@jest/globals'
import { parseRunList } from '../src/api/run-list.js'
import { MAX_PAGES_PER_ROUND, RoundPages } from '../src/wait/list-plan.js'

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const page = (items: object[], nextCursor: string | null = 'next') =>
  parseRunList({ runs: items, nextCursor })
const running = (n: number) => ({ id: id(n), status: 'running' })
const output = { featureName: 'f', result: 'PASS', issues: [], steps: [] }
const PROJECT = '0B6D3C57-2a52-4c55-9a55-3d1f0e0f5a11'

describe('RoundPages', () => {
  it('gives the runs a page shows, and stops paging once none of ours is missing', () => {
    const round = new RoundPages([id(1), id(2)], PROJECT)
    expect(round.add(page([running(9), running(2), running(1)]))).toBe(false)
    expect(round.missing()).toEqual([])
    expect(round.given(id(1))?.run.status).toBe('running')
  })

  it('asks for the next page while two or more of ours are missing, and only while there is one', () => {
    const round = new RoundPages([id(1), id(2), id(3)], PROJECT)
    expect(round.add(page([running(9), running(3)]))).toBe(true)
    expect(round.nextCursor).toBe('next')
    expect(round.add(page([running(8)], null))).toBe(false)
    expect(round.missing()).toEqual([id(1), id(2)])
    expect(round.given(id(1))).toBeNull()
  })

  it('reads a single missing run by ID rather than another page', () => {
    const round = new RoundPages([id(1), id(2)], PROJECT)
    expect(round.add(page([running(2)]))).toBe(false)
    expect(round.missing()).toEqual([id(1)])
  })

  it(`stops after ${MAX_PAGES_PER_ROUND} pages, leaving the rest to their own GET`, () => {
    const round = new RoundPages([id(1), id(2)], PROJECT)
    const asked = Array.from({ length: 10 }, () => round.add(page([running(9)])))
    expect(asked.filter(Boolean)).toHaveLength(MAX_PAGES_PER_ROUND - 1)
  })

  it('sends a finished run without output to its GET, and keeps one with output', () => {
    const round = new RoundPages([id(1), id(2), id(3)], PROJECT)
    round.add(
      page([
        { id: id(1), status: 'completed', output },
        { id: id(2), status: 'failed', output: null },
        { id: id(3), status: 'cancelled' }
      ])
    )
    expect(round.given(id(1))?.body).toMatchObject({ output })
    expect(round.given(id(2))).toBeNull()
    expect(round.given(id(3))).toBeNull()
  })

  it('matches IDs whatever their case', () => {
    const round = new RoundPages([id(1)], PROJECT)
    round.add(page([{ id: id(1).toUpperCase(), status: 'running' }]))
    expect(round.given(id(1))?.run.status).toBe('running')
  })

  it('sends a run listed twice to its GET, on one page or across two, whatever the case of its ID', () => {
    const round = new RoundPages([id(1), id(2), id(3)], PROJECT)
    round.add(
      page([
        { id: id(1).toUpperCase(), status: 'running' },
        { id: id(1), status: 'queued' },
        { id: id(2), status: 'completed', output },
        running(3)
      ])
    )
    round.add(page([{ id: id(2), status: 'completed', output: { ...output, result: 'FAILED' } }]))
    expect(round.given(id(1))).toBeNull()
    expect(round.given(id(2))).toBeNull()
    expect(round.given(id(3))?.run.status).toBe('running')
    expect(round.missing()).toEqual([])
  })

  it("sends a run listed as another project's to its GET; an item that names no project is ours", () => {
    const round = new RoundPages([id(1), id(2), id(3)], PROJECT)
    round.add(
      page([
        { ...running(1), projectId: '9e8d7c6b-5a49-4838-9271-605f4e3d2c1b' },
        { ...running(2), projectId: PROJECT.toLowerCase() },
        running(3)
      ])
    )
    expect(round.given(id(1))).toBeNull()
    expect(round.given(id(2))?.run.status).toBe('running')
    expect(round.given(id(3))?.run.status).toBe('running')
  })

  it.each<[string, unknown, boolean]>([
    ['a result and its issues', output, true],
    ['no issues', { ...output, issues: undefined }, false],
    ['issues that are not a list', { ...output, issues: {} }, false],
    ['no result', { ...output, result: '' }, false],
    ['{}', {}, false],
    ['the planner skipped, with its reason', { kind: 'planner_skipped', reason: 'docs' }, true],
    ['the planner skipped, without a reason', { kind: 'planner_skipped' }, false]
  ])('a finished run whose output has %s: decided by the list, %s', (_name, given, decides) => {
    const round = new RoundPages([id(1)], PROJECT)
    round.add(page([{ id: id(1), status: 'completed', output: given }]))
    expect(round.given(id(1)) !== null).toBe(decides)
  })
})

describe('parseRunList', () => {
  it('keeps each item as received and reads the cursor', () => {
    const item = { id: id(1), status: 'Running', extra: [1] }
    const parsed = parseRunList({ runs: [item], nextCursor: 'abc' })
    expect(parsed.runs[0]).toEqual({
      run: expect.objectContaining({ status: 'running' }),
      body: item
    })
    expect(parsed.nextCursor).toBe('abc')
  })

  it('leaves out items that are not runs with an ID, and treats an empty cursor as the end', () => {
    const parsed = parseRunList({
      runs: [null, 'x', { status: 'running' }, { id: id(2) }, running(3)],
      nextCursor: ''
    })
    expect(parsed.runs.map(r => r.run.id)).toEqual([id(3)])
    expect(parsed.nextCursor).toBeNull()
  })

  it.each([[null], [[]], [{ data: [] }], [{ runs: {} }], ['runs']])('refuses %j as a list', body =>
    expect(() => parseRunList(body)).toThrow('not a list of runs')
  )
})
