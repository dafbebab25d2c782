import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  NotARunError,
  parseBatchCancel,
  parseRun,
  parseStartResponse
} from '../src/api/run-response.js'

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../__fixtures__/runs/${name}.json`, import.meta.url), 'utf8'))

describe('parseRun', () => {
  it('reads a completed run with issues, warnings, steps and a test plan', () => {
    const run = parseRun(fixture('failed-with-issues'))
    expect(run.status).toBe('completed')
    expect(run.autoRetryCount).toBe(1)
    expect(run.output?.kind).toBe('test')
    if (run.output?.kind !== 'test') throw new Error('unreachable')
    expect(run.output.result).toBe('FAILED')
    expect(run.output.issues.map(i => [i.type, i.severity])).toEqual([
      ['issue', 5],
      ['issue', 3],
      ['issue', 2],
      ['warning', 2],
      ['warning', 1]
    ])
    expect(run.output.steps[3]).toMatchObject({
      status: 'failed',
      startedAtMs: 40500,
      completedAtMs: 55040
    })
    expect(run.testPlan?.steps).toHaveLength(5)
  })

  it('reads the newer API: android, javascript steps, errorCode, unrated severity, unknown fields', () => {
    const run = parseRun(fixture('android-newer-api'))
    expect(run.platform).toBe('android')
    expect(run.autoRetryCount).toBe(2)
    if (run.output?.kind !== 'test') throw new Error('expected a test output')
    expect(run.output.issues[0]).toMatchObject({ type: 'issue', severity: null })
    expect(run.output.steps.map(s => [s.type, s.errorCode])).toEqual([
      ['javascript', ''],
      ['login', 'AUTH_CREDENTIAL_INVALID'],
      ['video', '']
    ])
  })

  it('reads a planner-skipped output', () => {
    expect(parseRun(fixture('skipped')).output).toEqual({
      kind: 'planner_skipped',
      reason: expect.stringContaining('nothing user-visible')
    })
  })

  it('reads a failed run error', () => {
    expect(parseRun(fixture('run-failed')).error).toEqual({
      code: 'TARGET_UNREACHABLE',
      message: expect.any(String)
    })
  })

  it('treats a missing type as an issue and wrong-typed fields as missing', () => {
    const run = parseRun({
      id: 'x',
      status: 'COMPLETED',
      durationMs: '12',
      output: {
        result: 'fail',
        issues: [{ name: 7, severity: 4.5, reproductionSteps: 'click' }, 'junk'],
        steps: null,
        screenshots: [1, 'https://a/b.png']
      }
    })
    expect(run.status).toBe('completed')
    expect(run.durationMs).toBeNull()
    if (run.output?.kind !== 'test') throw new Error('expected a test output')
    expect(run.output.result).toBe('FAIL')
    expect(run.output.issues).toEqual([
      expect.objectContaining({ type: 'issue', name: '', severity: null, reproductionSteps: [] })
    ])
    expect(run.output.steps).toEqual([])
    expect(run.output.screenshots).toEqual(['https://a/b.png'])
  })

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'ok'],
    ['an error body', { error: 'oops', message: 'bad' }],
    ['a blank status', { id: 'x', status: '  ' }]
  ])('refuses %s', (_name, body) => {
    expect(() => parseRun(body)).toThrow(NotARunError)
  })

  it('refuses a body describing another run', () => {
    expect(() => parseRun({ id: 'other', status: 'running' }, 'mine')).toThrow(
      'describes run "other", not mine'
    )
  })
})

describe('parseStartResponse', () => {
  const A = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
  const B = '7d0e1c2a-0000-4000-8000-00000000000b'
  const C = 'C0FFEE00-0000-4000-8000-00000000000C'

  it('reads the run of a test start', () => {
    expect(parseStartResponse({ runId: A, status: 'queued' }, 'test')).toEqual({
      runIds: [A],
      cancelledRunIds: [],
      answer: { runId: A, status: 'queued' }
    })
  })

  it('merges a group start’s three lists, lower-cased, without duplicates', () => {
    expect(
      parseStartResponse({ runIds: [A, B], queuedRunIds: [B], cancelledRunIds: [C] }, 'group')
    ).toMatchObject({ runIds: [A, B, C.toLowerCase()], cancelledRunIds: [C.toLowerCase()] })
  })

  it('finds a group’s runs in the other lists when runIds is missing', () => {
    expect(parseStartResponse({ queuedRunIds: [A] }, 'group').runIds).toEqual([A])
  })

  it('takes an empty runIds of a group as an answer (the caller says nothing started)', () => {
    expect(parseStartResponse({ runIds: [] }, 'group')).toMatchObject({
      runIds: [],
      cancelledRunIds: []
    })
  })

  it.each([
    ['no run ID', { status: 'queued' }, 'test', 'without the ID of the run it started'],
    ['a test start naming only a group list', { runIds: [A] }, 'test', 'without the ID'],
    ['not an object', ['x'], 'group', 'without the ID'],
    ['a path for an ID', { runId: '../../etc' }, 'test', 'a run ID that is not a UUID'],
    ['a bad ID in any list', { runIds: [A], cancelledRunIds: ['x'] }, 'group', 'not a UUID']
  ] as const)('refuses %s', (_what, body, kind, message) => {
    expect(() => parseStartResponse(body, kind)).toThrow(NotARunError)
    expect(() => parseStartResponse(body, kind)).toThrow(message)
  })
})

describe('a group start and its batch', () => {
  const A = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
  const BATCH = 'B7C8D9E0-F1A2-4B3C-9D4E-5F6A7B8C9D0E'
  it('keeps the batch ID (lower-cased) and the answer; a batch ID that is not a UUID is dropped', () => {
    const answer = { batchId: BATCH, runIds: [A], metadata: { github: { configured: true } } }
    expect(parseStartResponse(answer, 'group')).toMatchObject({
      batchId: BATCH.toLowerCase(),
      answer
    })
    expect(parseStartResponse({ batchId: 'x', runIds: [A] }, 'group').batchId).toBeUndefined()
  })
  it('a batch cancel covers the runs it cancelled or found finished', () => {
    expect(
      parseBatchCancel({
        cancelledRunIds: [A.toUpperCase(), 'nope'],
        alreadyFinishedRunIds: [BATCH]
      })
    ).toEqual([A, BATCH.toLowerCase()])
    expect(parseBatchCancel(null)).toEqual([])
  })
})
