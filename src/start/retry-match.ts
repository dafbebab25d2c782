// Which new run repeats which failed one: a retry counts only when its run is the same test, in the
// same project, on the same platform and device as the run it retries, matched by what the runs
// say of themselves, never by their position in an answer. Pure.
import type { Run, RunOutcome } from '../model.js'

/** What a run says it is, as compared here: each value trimmed and lower-cased, null when absent. */
interface Identity {
  test: string | null
  project: string | null
  platform: string | null
  device: string | null
}

const norm = (value: string | null | undefined): string | null =>
  value?.trim().toLowerCase() || null

function identityOf(run: Run): Identity {
  return {
    test: norm(run.testId),
    project: norm(run.projectId),
    platform: norm(run.platform),
    device: norm(run.deviceModel)
  }
}

/** How a value reads in a reason: a device left out is the platform's default one. */
const shown = (field: keyof Identity, value: string | null): string =>
  value ?? (field === 'device' ? "the platform's default device" : 'none')

const FIELD_WORDS: Record<keyof Identity, string> = {
  test: 'test',
  project: 'project',
  platform: 'platform',
  device: 'device'
}

/**
 * How the run `retry` differs from `first` ("platform ios, not web"): another test, project,
 * platform or device; null when it is a repeat. A retry that has not said what it is (never read)
 * is not judged here: it gives no verdict anyway.
 */
export function notTheSame(first: Run | null, retry: Run | null): string | null {
  if (!first || !retry) return null
  const [a, b] = [identityOf(first), identityOf(retry)]
  const differ = (Object.keys(FIELD_WORDS) as (keyof Identity)[]).filter(f => a[f] !== b[f])
  if (differ.length === 0) return null
  return differ.map(f => `${FIELD_WORDS[f]} ${shown(f, b[f])}, not ${shown(f, a[f])}`).join('; ')
}

/** The key a group's runs are told apart by: the test, on a platform and device. */
const keyOf = (run: Run): string => {
  const { test, platform, device } = identityOf(run)
  return JSON.stringify([test, platform, device])
}

/**
 * A group started again whole: each new run goes to the member (a first run of the group) that is
 * the same test on the same platform and device. A key that two members share, or two new runs,
 * cannot say which repeats which: those runs go to no member, and the member is told why.
 * `members` are the group's first runs by ID (null: never read).
 */
export function matchGroupRuns(
  members: ReadonlyMap<string, Run | null>,
  started: readonly RunOutcome[]
): { matched: Map<string, RunOutcome>; ambiguous: Map<string, string> } {
  const count = (keys: string[]): Map<string, number> => {
    const counts = new Map<string, number>()
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
    return counts
  }
  const memberKeys = [...members].flatMap(([id, run]) => (run ? [[id, keyOf(run)] as const] : []))
  const newKeys = started.flatMap(o => (o.run ? [[o, keyOf(o.run)] as const] : []))
  const membersPerKey = count(memberKeys.map(([, key]) => key))
  const newPerKey = count(newKeys.map(([, key]) => key))
  const matched = new Map<string, RunOutcome>()
  const ambiguous = new Map<string, string>()
  for (const [id, key] of memberKeys) {
    const same = newKeys.filter(([, k]) => k === key).map(([o]) => o)
    if (same.length === 0) continue
    const [test, platform, device] = JSON.parse(key) as (string | null)[]
    const what = `test ${test ?? '(none)'} on ${platform ?? 'no platform'}${device ? ` (${device})` : ''}`
    if ((membersPerKey.get(key) ?? 0) > 1) {
      ambiguous.set(
        id,
        `the group has more than one run of ${what}, so its new runs cannot be told apart`
      )
    } else if ((newPerKey.get(key) ?? 0) > 1) {
      ambiguous.set(
        id,
        `the group started again gave more than one run of ${what}, so which repeats this one cannot be told`
      )
    } else matched.set(id, same[0] as RunOutcome)
  }
  return { matched, ambiguous }
}
