// What a merge queue's `merge_group` event says: the pull request its temporary branch names, the
// queue commit (what will land) and the branch it lands on. Pure.

type QueuedPullRequest =
  | { kind: 'queued'; number: number; headSha: string; baseBranch: string; headRef: string }
  | { kind: 'unnamed'; message: string }

/**
 * GitHub names the queue's branch `gh-readonly-queue/<base>/pr-<N>-<sha of the pull request's head>`;
 * the base may hold slashes (`release/2.x`), the number never does.
 */
const QUEUE_BRANCH = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-([1-9]\d{0,9})-[0-9a-f]{7,64}$/

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null
const text = (value: unknown): string => (typeof value === 'string' ? value : '')

export function queuedPullRequest(payload: Json): QueuedPullRequest {
  const group = isObject(payload.merge_group) ? payload.merge_group : {}
  const headRef = text(group.head_ref)
  const headSha = text(group.head_sha)
  const number = Number(QUEUE_BRANCH.exec(headRef)?.[1] ?? 0)
  // A required check that passes without testing would let the queue merge anything.
  if (!number || !Number.isSafeInteger(number)) {
    const shown = headRef ? JSON.stringify(headRef.slice(0, 200)) : 'missing'
    return {
      kind: 'unnamed',
      message: `the merge_group event's branch (merge_group.head_ref) is ${shown}, which names no pull request (expected refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>), so the queue commit cannot be tested.`
    }
  }
  if (!headSha) {
    return {
      kind: 'unnamed',
      message: `the merge_group event gives no queue commit (merge_group.head_sha), so there is nothing to test.`
    }
  }
  return {
    kind: 'queued',
    number,
    headSha,
    baseBranch: text(group.base_ref).replace(/^refs\/heads\//, ''),
    headRef
  }
}
