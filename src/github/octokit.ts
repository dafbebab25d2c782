// The one way the action makes an Octokit: @actions/github and undici, each a chunk of the bundle
// loaded here on first use, so a run that never calls GitHub never reads them.
import { loadUndici } from './undici-on-demand.js'

type GetOctokit = typeof import('@actions/github').getOctokit

/** @actions/github's getOctokit, once undici (Octokit's fetch) is loaded. */
export async function loadOctokit(): Promise<GetOctokit> {
  await loadUndici()
  return (await import('@actions/github')).getOctokit
}
