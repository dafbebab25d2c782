// action.yml is what users read and what the runner uses for defaults: it must match the code.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { actionInputs } from '../scripts/runner.mjs'
import { DEFAULT_API_URL, Inputs, Outputs, VERSION } from '../src/constants.js'
import { parseSettings } from '../src/inputs/settings.js'

const actionYml = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')

describe('action.yml', () => {
  it('declares exactly the inputs the code reads', () => {
    expect(Object.keys(actionInputs()).sort()).toEqual(Object.values(Inputs).sort())
  })

  it('declares exactly the outputs the code sets', () => {
    const outputs = /^outputs:\n([\s\S]*?)^\S/m.exec(actionYml)?.[1] ?? ''
    const names = [...outputs.matchAll(/^ {2}([a-z-]+):$/gm)].map(m => m[1])
    expect(names.sort()).toEqual(Object.values(Outputs).sort())
  })

  it('has defaults that parse to the same settings as empty inputs', () => {
    // The runner evaluates ${{ github.token }}; outside a workflow it is empty.
    const defaults = Object.fromEntries(
      Object.entries(actionInputs()).map(([name, value]) => [
        name,
        value.replace('${{ github.token }}', '')
      ])
    )
    const read = (values: Record<string, string>) =>
      parseSettings({
        read: name => values[name] ?? '',
        env: { RUNNER_TEMP: '/t' },
        onSecret: () => undefined
      })
    const base = {
      'run-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      'api-key': 'k-1234567890abcdef'
    }
    expect(read({ ...defaults, ...base })).toEqual(read(base))
    expect(defaults['api-url']).toBe(DEFAULT_API_URL)
  })

  it('runs on node24 from the committed bundle', () => {
    expect(actionYml).toMatch(/^ {2}using: node24$/m)
    expect(actionYml).toMatch(/^ {2}main: dist\/index\.js$/m)
  })

  it('sends the package version as the User-Agent version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(VERSION).toBe(pkg.version)
  })
})
