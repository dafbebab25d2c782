// cancelUnfinished's 3 s budget: what is sent, and what the log says, when the batch cancel uses it all.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'
import type { RunsApi, StartApi } from '../src/api/api-client.js'

jest.unstable_mockModule('@actions/core', () => core)
const { cancelUnfinished } = await import('../src/wait/cancel-runs.js')

const running = (id: string) => ({
  id,
  status: 'timed_out' as const,
  lastStatus: 'running' as const
})

afterEach(() => {
  jest.restoreAllMocks()
})

describe('cancelUnfinished', () => {
  it('a batch cancel that used the whole 3 s: no per-run cancel with no time left, one line saying so', async () => {
    let now = 1_000_000
    const clock = { now: () => now }
    const sent: string[] = []
    const api = {
      async cancelBatch(id: string, options: { timeoutMs: number }) {
        sent.push(`batch ${id} ${options.timeoutMs}`)
        now += options.timeoutMs
        return { kind: 'network-error', message: 'no answer from the API within 3 s' }
      },
      async cancelRun(id: string, options: { timeoutMs: number }) {
        sent.push(`run ${id} ${options.timeoutMs}`)
        return { kind: 'cancelled' }
      }
    } as unknown as RunsApi & StartApi
    core.info.mockClear()
    await cancelUnfinished({
      api,
      clock,
      runs: [running('r1'), running('r2')],
      cancelled: true,
      batches: [{ batchId: 'b1', runIds: ['r1', 'r2'] }]
    })
    expect(sent).toEqual(['batch b1 3000'])
    const lines = core.info.mock.calls.map(c => String(c[0]))
    expect(lines).toContainEqual(
      expect.stringContaining('No time left to cancel 2 run(s) one by one')
    )
    expect(lines.filter(l => l.includes('within 1 ms'))).toEqual([])
  })

  it('a batch cancel that answers at once: the runs it did not cover are cancelled one by one', async () => {
    const clock = { now: () => 5_000 }
    const sent: string[] = []
    const api = {
      async cancelBatch() {
        sent.push('batch')
        return { kind: 'cancelled', covered: ['r1'] }
      },
      async cancelRun(id: string, options: { timeoutMs: number }) {
        sent.push(`run ${id} ${options.timeoutMs}`)
        return { kind: 'cancelled' }
      }
    } as unknown as RunsApi & StartApi
    await cancelUnfinished({
      api,
      clock,
      runs: [running('r1'), running('r2')],
      cancelled: true,
      batches: [{ batchId: 'b1', runIds: ['r1', 'r2'] }]
    })
    expect(sent).toEqual(['batch', 'run r2 3000'])
  })

  it('each batch cancels its own runs in one request; a run of no batch is cancelled alone', async () => {
    const clock = { now: () => 5_000 }
    const sent: string[] = []
    const api = {
      async cancelBatch(batchId: string) {
        sent.push(`batch ${batchId}`)
        return { kind: 'cancelled', covered: batchId === 'b1' ? ['r1'] : ['r3'] }
      },
      async cancelRun(id: string) {
        sent.push(`run ${id}`)
        return { kind: 'cancelled' }
      }
    } as unknown as RunsApi & StartApi
    await cancelUnfinished({
      api,
      clock,
      runs: [running('r1'), running('r2'), running('r3'), running('agent')],
      cancelled: true,
      batches: [
        { batchId: 'b1', runIds: ['r1'] },
        // The group started again by retry-failed: a batch of its own.
        { batchId: 'b2', runIds: ['r3'] }
      ]
    })
    expect(sent.sort()).toEqual(['batch b1', 'batch b2', 'run agent', 'run r2'])
  })
})
