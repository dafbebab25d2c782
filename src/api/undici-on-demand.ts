// What the bundle gives @actions/http-client and @actions/github when they import 'undici': the
// same ProxyAgent and fetch, with undici itself evaluated on their first use instead of when the
// action starts. `tsconfig.json` maps the bare name 'undici' here ("paths"), which ncc applies to
// every import in the bundle, node_modules included.
//
// Why: both packages import undici at their top, yet only Octokit calls it (its fetch, and the
// ProxyAgent that http-client builds for Octokit behind a proxy); our own API requests go through
// node:http and tunnel. Evaluating undici's hundred modules was about 14 ms of every run's
// ~90 ms cold start, paid by every plain `run-id` wait that never talks to GitHub.
//
// Only the bundle runs this file: under jest 'undici' is the package itself (tsc reads the types
// below, which are undici's).
// `require` is webpack's here (a synchronous load of a module in the same bundle, as the
// packages' own static import was), because `new ProxyAgent(...)` must stay synchronous.
type Undici = typeof import('undici/index.js')

let undici: Undici | undefined

function load(): Undici {
  // 'undici/index.js', not 'undici': the bare name is mapped to this file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  undici ??= require('undici/index.js') as Undici
  return undici
}

/** undici's ProxyAgent: `new ProxyAgent(options)` returns the real one, built by undici. */
export const ProxyAgent = function ProxyAgent(
  ...args: ConstructorParameters<Undici['ProxyAgent']>
) {
  return new (load().ProxyAgent)(...args)
} as unknown as Undici['ProxyAgent']

/** undici's fetch, which @actions/github gives Octokit (with http-client's proxy dispatcher). */
export const fetch: Undici['fetch'] = (...args) => load().fetch(...args)
