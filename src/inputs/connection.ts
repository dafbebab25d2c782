// The inputs of talking to TesterArmy's API: the key, where the API is, how often to ask, how long
// to wait, and whether to cancel what nobody waits for any more. Pure.
import { API_KEY_ENV, DEFAULT_API_URL, Inputs, Limits } from '../constants.js'
import { formatDuration, parseDuration } from '../duration.js'
import { isLoopbackHost } from '../guards.js'
import { InputError, parseBoolean, quote, type Attempt, type InputSource } from './source.js'

export interface ConnectionSettings {
  /** API root without a trailing slash; requests go to `${apiUrl}/v1/runs/{id}`. */
  apiUrl: string
  pollIntervalMs: number
  timeoutMs: number
  cancelOnAbort: boolean
}

export function parseConnection(source: InputSource, attempt: Attempt): ConnectionSettings {
  return {
    apiUrl: attempt(() => parseApiUrl(source.read(Inputs.ApiUrl)), DEFAULT_API_URL),
    pollIntervalMs: attempt(() => parsePollInterval(source.read(Inputs.PollInterval)), 5_000),
    timeoutMs: attempt(() => parseTimeout(source.read(Inputs.Timeout)), 30 * 60_000),
    cancelOnAbort: attempt(
      () => parseBoolean(Inputs.CancelOnAbort, source.read(Inputs.CancelOnAbort), true),
      true
    )
  }
}

/** The key, masked through `onSecret` the moment it is read, before anything could echo it. */
export function parseApiKey(source: InputSource): string {
  const key = source.read(Inputs.ApiKey).trim() || (source.env[API_KEY_ENV] ?? '').trim()
  if (key) source.onSecret(key)
  const fork = source.event?.forkRepository
  if (!key && fork) {
    throw new InputError(
      `Input '${Inputs.ApiKey}' is empty because this pull request comes from a fork (${fork}): GitHub gives no secrets ` +
        `to pull_request workflows of forks. Test forks from a workflow_run or deployment_status workflow (see the README), ` +
        `or skip the step for them with if: github.event.pull_request.head.repo.full_name == github.repository.`
    )
  }
  if (!key) {
    throw new InputError(
      `Input '${Inputs.ApiKey}' is empty and ${API_KEY_ENV} is not set: pass your TesterArmy API key, ` +
        `for example api-key: \${{ secrets.TESTERARMY_API_KEY }}.`
    )
  }
  // Never quote the key itself. A control character or space would corrupt the Authorization
  // header, which is the usual sign of a secret pasted with its line break.
  if (!/^[\u0021-\u007e]+$/.test(key)) {
    throw new InputError(
      `Input '${Inputs.ApiKey}' contains spaces, line breaks or non-ASCII characters (value not shown): ` +
        `an API key is one line of printable ASCII; check the secret for a pasted line break.`
    )
  }
  if (key.length < Limits.minApiKeyLength) {
    throw new InputError(
      `Input '${Inputs.ApiKey}' is only ${key.length} characters long (value not shown): a TesterArmy API key ` +
        `has at least ${Limits.minApiKeyLength}; check that the secret holds the whole key.`
    )
  }
  return key
}

function parseApiUrl(raw: string): string {
  const value = raw.trim() || DEFAULT_API_URL
  const accepted = `an https URL such as ${DEFAULT_API_URL} (http only to 127.0.0.1, ::1 or localhost)`
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(
      `Input '${Inputs.ApiUrl}' is ${quote(value)}, which is not a URL: expected ${accepted}.`
    )
  }
  const secure = url.protocol === 'https:'
  const localHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname)
  if (!secure && !localHttp) {
    throw new InputError(
      `Input '${Inputs.ApiUrl}' is ${quote(value)}: the API key must not travel unencrypted; expected ${accepted}.`
    )
  }
  // A bare `?` or `#` leaves `search` and `hash` empty but stays in the URL, and every request
  // path would land after it.
  if (url.username || url.password || /[?#]/.test(value)) {
    throw new InputError(
      `Input '${Inputs.ApiUrl}' is ${quote(value)}: credentials, a query or a fragment cannot be part of the API root; expected ${accepted}.`
    )
  }
  return url.href.replace(/\/+$/, '')
}

function parsePollInterval(raw: string): number {
  const value = raw.trim() || '5s'
  const ms = parseDuration(value)
  if (ms === null || ms < Limits.minPollIntervalMs) {
    throw new InputError(
      `Input '${Inputs.PollInterval}' is ${quote(value)}: expected a duration of at least ` +
        `${formatDuration(Limits.minPollIntervalMs)}, such as 5s, 30s or 1m (a plain number is seconds).`
    )
  }
  return ms
}

function parseTimeout(raw: string): number {
  const value = raw.trim() || '30m'
  const ms = parseDuration(value)
  if (ms === null || ms <= 0 || ms > Limits.maxTimeoutMs) {
    throw new InputError(
      `Input '${Inputs.Timeout}' is ${quote(value)}: expected a duration above 0 and at most 6h, ` +
        `such as 30m, 90s or 2h (a plain number is seconds).`
    )
  }
  return ms
}
