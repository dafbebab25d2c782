// jest's setupFiles: the in-process tests run without the machine's proxy settings. A CI machine
// may set HTTPS_PROXY for the npm registry; @actions/github would then send the tests' calls to
// their own 127.0.0.1 servers to that proxy (it chooses its fetch's proxy once, for
// GITHUB_API_URL or api.github.com, whatever URL a call is for). The end-to-end tests give the
// action an environment of their own (scripts/runner.mjs), and e2e-proxy.test.ts its proxy.
for (const name of [
  'https_proxy',
  'HTTPS_PROXY',
  'http_proxy',
  'HTTP_PROXY',
  'no_proxy',
  'NO_PROXY'
])
  delete process.env[name]
