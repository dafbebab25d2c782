// Preloaded into the action's process (NODE_OPTIONS=--import=...) by e2e-proxy.test.ts: a name
// under .proxied.test fails to resolve at once, as it would on any machine (ENOTFOUND), whatever
// this machine's resolver does (no DNS server at all, one that drops queries for seconds, or one
// that answers every name). Every other name resolves as usual.
import dns from 'node:dns'

const lookup = dns.lookup
dns.lookup = function (hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback
  if (typeof hostname === 'string' && hostname.endsWith('.proxied.test')) {
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
      code: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      hostname
    })
    process.nextTick(done, error)
    return
  }
  return lookup.call(this, hostname, options, callback)
}
