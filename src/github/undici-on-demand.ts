// What the bundle gives @actions/http-client and @actions/github when they import 'undici': the
// same ProxyAgent and fetch, backed by undici loaded as a chunk of its own, only when GitHub is to
// be called. `tsconfig.json` maps the bare name 'undici' here ("paths"), which ncc applies to
// every import in the bundle, node_modules included.
//
// Why: both packages import undici at their top, yet only Octokit uses it (its fetch, and the
// ProxyAgent that http-client builds for Octokit behind a proxy); our own API requests go through
// node:http and tunnel. undici is 0.9 MB of source: evaluating it was about 14 ms of every run's
// ~90 ms cold start, and reading it a few more, paid by every plain `run-id` wait that never talks
// to GitHub.
//
// The one rule: load it before Octokit runs. Octokit is only ever made through loadOctokit()
// (octokit.ts), which does; __tests__/architecture.test.ts keeps it so. Under jest 'undici' is the
// package itself, so the wrappers below run only in the bundle (the e2e tests cover them).
type Undici = typeof import('undici/index.js')

let undici: Undici | undefined

/** Loads undici ('undici/index.js': the bare name is mapped to this file). */
export async function loadUndici(): Promise<void> {
  undici ??= (await import('undici/index.js')) as unknown as Undici
}

function loaded(): Undici {
  if (!undici)
    throw new Error('undici was used before loadUndici(): make Octokit with loadOctokit()')
  return undici
}

/** undici's ProxyAgent: `new ProxyAgent(options)` returns the real one, built by undici. */
export const ProxyAgent = function ProxyAgent(
  ...args: ConstructorParameters<Undici['ProxyAgent']>
) {
  return new (loaded().ProxyAgent)(...args)
} as unknown as Undici['ProxyAgent']

/** undici's fetch, which @actions/github gives Octokit (with http-client's proxy dispatcher). */
export const fetch: Undici['fetch'] = (...args) => loaded().fetch(...args)
