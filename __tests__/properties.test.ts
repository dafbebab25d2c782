// Property tests: for any JSON the API might send, valid or not, parsing, the gate and rendering
// never throw; the summary stays within budget and inert; the outputs count what came in.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { planAnnotations } from '../src/report/annotations.js'
import { outputsOf } from '../src/report/outputs.js'
import type { FinalStatus } from '../src/model.js'
import { buildReport } from '../src/verdict/build-report.js'
import { NotARunError, parseRun } from '../src/api/run-response.js'
import { renderSummary } from '../src/report/summary.js'

const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '</details>',
    '<script>alert(1)</script>',
    '| a |',
    '`',
    '\n::error::x',
    'javascript:alert(1)',
    '<img src=x onerror=alert(1)>',
    'a@b.com',
    '\ud800',
    '\u202e',
    '[x](javascript:y)'
  )
)
const severity = fc.oneof(
  fc.integer({ min: -2, max: 8 }),
  fc.constant(null),
  fc.double(),
  hostileText
)
const url = fc.oneof(
  fc.webUrl(),
  hostileText,
  fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'https://a.test/|x')
)

const issue = fc.record(
  {
    type: fc.oneof(fc.constantFrom('issue', 'warning'), hostileText, fc.constant(undefined)),
    name: hostileText,
    description: hostileText,
    url,
    severity,
    reproductionSteps: fc.oneof(fc.array(hostileText, { maxLength: 4 }), hostileText),
    expectedBehavior: hostileText,
    actualBehavior: hostileText,
    screenshotUrl: url
  },
  { requiredKeys: [] }
)
const step = fc.record(
  {
    stepIndex: fc.oneof(fc.integer({ min: -1, max: 100 }), hostileText),
    title: hostileText,
    type: fc.oneof(
      fc.constantFrom('act', 'assert', 'login', 'files', 'screenshot', 'javascript'),
      hostileText
    ),
    status: fc.oneof(fc.constantFrom('passed', 'failed'), hostileText),
    error: fc.oneof(hostileText, fc.constant(null)),
    errorCode: hostileText,
    startedAtMs: fc.oneof(fc.integer(), fc.double()),
    completedAtMs: fc.oneof(fc.integer(), fc.double())
  },
  { requiredKeys: [] }
)
const output = fc.oneof(
  fc.record(
    {
      featureName: hostileText,
      result: fc.oneof(fc.constantFrom('PASS', 'FAILED'), hostileText),
      description: hostileText,
      issues: fc.oneof(fc.array(issue, { maxLength: 30 }), fc.anything()),
      screenshots: fc.oneof(fc.array(url, { maxLength: 5 }), fc.anything()),
      steps: fc.oneof(fc.array(step, { maxLength: 10 }), fc.anything())
    },
    { requiredKeys: [] }
  ),
  fc.record({ kind: fc.constant('planner_skipped'), reason: hostileText }),
  fc.constant(null),
  fc.anything()
)
const runBody = fc.record(
  {
    id: fc.oneof(fc.uuid(), hostileText),
    status: fc.oneof(
      fc.constantFrom('queued', 'running', 'completed', 'failed', 'cancelled'),
      hostileText
    ),
    type: hostileText,
    platform: fc.oneof(fc.constantFrom('web', 'ios', 'android'), hostileText, fc.constant(null)),
    userName: fc.oneof(hostileText, fc.constant(null)),
    durationMs: fc.oneof(fc.double(), fc.integer(), fc.constant(null), hostileText),
    autoRetryCount: fc.oneof(fc.integer(), fc.constant(null)),
    createdAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map(d => d.toISOString()),
      hostileText
    ),
    output,
    testPlan: fc.oneof(
      fc.constant(null),
      fc.anything(),
      fc.record({
        instructions: hostileText,
        focusAreas: fc.array(hostileText, { maxLength: 3 }),
        steps: fc.array(fc.record({ type: hostileText, title: hostileText }), { maxLength: 3 })
      })
    ),
    error: fc.oneof(
      fc.constant(null),
      fc.record({ code: hostileText, message: hostileText }),
      fc.anything()
    )
  },
  { requiredKeys: ['status'] }
)
const anyBody = fc.oneof(runBody, fc.anything(), fc.jsonValue())
const finalStatus = fc.constantFrom<FinalStatus>(
  'completed',
  'failed',
  'cancelled',
  'timed_out',
  'not_found',
  'error'
)
const policy = fc.record({
  failOn: fc.constantFrom('failed' as const, 'warnings' as const, 'never' as const),
  minSeverity: fc.integer({ min: 1, max: 5 })
})

function outcome(body: unknown, status: FinalStatus, index: number) {
  let run = null
  try {
    run = parseRun(body)
  } catch (error) {
    if (!(error instanceof NotARunError)) throw error
  }
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    status,
    run,
    body,
    lastStatus: run?.status ?? null,
    error: null,
    cancelledByUser: false
  }
}

describe('for any response body', () => {
  it('parseRun returns a run or says the body is not a run, and nothing else', () => {
    fc.assert(
      fc.property(anyBody, body => {
        try {
          const run = parseRun(body)
          expect(typeof run.status).toBe('string')
        } catch (error) {
          expect(error).toBeInstanceOf(NotARunError)
        }
      }),
      { numRuns: 500 }
    )
  })

  it('the gate, outputs, annotations and summary never throw; the summary is inert and within budget', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyBody, finalStatus), { minLength: 1, maxLength: 3 }),
        policy,
        fc.integer({ min: 8_000, max: 200_000 }),
        (runs, gatePolicy, maxBytes) => {
          const report = buildReport(
            runs.map(([body, status], n) => outcome(body, status, n)),
            gatePolicy
          )
          const md = renderSummary(report, {
            reportPath: '/tmp/r.json',
            timeoutMs: 60_000,
            ...gatePolicy,
            maxBytes
          })
          expect(Buffer.byteLength(md)).toBeLessThanOrEqual(maxBytes)
          expect(md).not.toMatch(/<script/i)
          // No event handler on any tag we wrote (quoted attribute values are text, not attributes).
          for (const tag of md.match(/<[a-z][^>]*>/gi) ?? [])
            expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i)
          for (const note of planAnnotations(report)) expect(note.title).not.toMatch(/[\r\n]/)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('the counts in the outputs equal the counts in the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(runBody, finalStatus), { minLength: 1, maxLength: 3 }),
        runs => {
          const outcomes = runs.map(([body, status], n) => outcome(body, status, n))
          const outputs = outputsOf(buildReport(outcomes, { failOn: 'failed', minSeverity: 1 }), '')
          let issues = 0
          let warnings = 0
          let steps = 0
          let failedSteps = 0
          for (const [body] of runs) {
            // A body without a status is not a run (a transient fault): it reports nothing.
            const status = (body as { status?: unknown }).status
            if (typeof status !== 'string' || status.trim() === '') continue
            const out = (body as { output?: unknown }).output
            if (
              typeof out !== 'object' ||
              out === null ||
              Array.isArray(out) ||
              (out as { kind?: unknown }).kind === 'planner_skipped'
            )
              continue
            const { issues: rawIssues, steps: rawSteps } = out as {
              issues?: unknown
              steps?: unknown
            }
            for (const i of Array.isArray(rawIssues) ? rawIssues : []) {
              if (typeof i !== 'object' || i === null || Array.isArray(i)) continue
              const type =
                typeof (i as { type?: unknown }).type === 'string'
                  ? (i as { type: string }).type.trim().toLowerCase()
                  : ''
              if (type === 'warning') warnings++
              else issues++
            }
            for (const s of Array.isArray(rawSteps) ? rawSteps : []) {
              if (typeof s !== 'object' || s === null || Array.isArray(s)) continue
              steps++
              const status = (s as { status?: unknown }).status
              if (typeof status === 'string' && status.trim().toLowerCase() === 'failed')
                failedSteps++
            }
          }
          expect(outputs['issues-count']).toBe(String(issues))
          expect(outputs['warnings-count']).toBe(String(warnings))
          expect(outputs['steps-count']).toBe(String(steps))
          expect(outputs['failed-steps-count']).toBe(String(failedSteps))
          expect(JSON.parse(outputs.runs!)).toHaveLength(runs.length)
        }
      ),
      { numRuns: 300 }
    )
  })
})
