// What the two HTTP clients (the TesterArmy API's and the build's PUT to storage) share on top of
// @actions/http-client: an AbortSignal that reaches the request, and a failed request in words.
import type { RequestHandler } from '@actions/http-client/lib/interfaces'

/**
 * http-client's extension point for request options: it lets an AbortSignal reach http.request,
 * and unwraps an IPv6 literal (`[::1]`), whose brackets http-client passes on to the resolver.
 */
export function withSignal(signal: AbortSignal): RequestHandler {
  return {
    prepareRequest: options => {
      options.signal = signal
      if (options.host?.startsWith('[')) options.host = options.host.slice(1, -1)
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not supported'))
  }
}

/**
 * A request that got no answer, in words: the error codes a user can act on (`known`, worded by
 * each client for its server), else `otherwise` and the error's own message.
 */
export function networkMessage(
  error: unknown,
  known: Record<string, string>,
  otherwise: string
): string {
  const code = (error as { code?: unknown })?.code
  const text = error instanceof Error ? error.message : String(error)
  const description = typeof code === 'string' ? known[code] : undefined
  return description ? `${description} (${code})` : `${otherwise}: ${text}`
}
