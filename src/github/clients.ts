// GitHub's clients, the one module main.ts loads when a comment, a pull-request lookup, a commit
// status or the base commit's known issues need GitHub: one chunk for all of them (with Octokit's and undici's beside it),
// instead of a chunk each that ncc would fill with copies of what they share (call.ts, octokit.ts).
export { upsertComment } from './comment.js'
export { createPullsClient } from './pulls.js'
export { createStatusClient } from './statuses.js'
export { createRepositoryFiles } from './file-at-commit.js'
