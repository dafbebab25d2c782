// The report file's schema as the one check of a leg's report: schemas/report.schema.json, the file
// the repository publishes, compiled by Ajv, so what reports mode accepts is exactly what the
// schema says (a hand-written check beside it would drift).
import { Ajv, type ValidateFunction } from 'ajv'
import schema from '../../schemas/report.schema.json' with { type: 'json' }

let compiled: ValidateFunction | undefined

/**
 * The first way `value` does not match the schema, in words with where it is (`/runs/0/passed
 * must be boolean`), or null when it matches. Compiled once, on first use (a few milliseconds).
 */
export function schemaProblem(value: unknown): string | null {
  compiled ??= new Ajv({ strict: true, allowUnionTypes: true }).compile(schema)
  if (compiled(value)) return null
  const first = compiled.errors?.[0]
  if (!first) return 'does not match the report schema'
  const where = first.instancePath ? `at ${first.instancePath}` : 'at the top level'
  return `does not match the report schema: ${where}, ${first.message ?? 'invalid'}`
}
