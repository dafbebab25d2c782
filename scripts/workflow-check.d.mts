// Types for workflow-check.mjs.
export const MAX_DESCRIPTION_LENGTH: number
export interface Workflow {
  name: string
  text: string
  snippet?: string
  data?: Record<string, unknown>
  error?: string
}
export function readYaml(text: string, name: string): any // eslint-disable-line @typescript-eslint/no-explicit-any
export function schemaErrors(kind: 'action' | 'workflow', data: unknown): string[]
export function marketplaceErrors(action: unknown): string[]
export function actionlint(text: string, name: string): Promise<string[]>
export function workflowFiles(dir?: string): Workflow[]
export function documentationFiles(dir?: string): string[]
export function readmeWorkflows(markdown?: string, file?: string): Workflow[]
export function documentationWorkflows(dir?: string): Workflow[]
export function knownIssuesExamples(dir?: string): { name: string; text: string }[]
export function stepsOf(workflow: unknown): Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any
export function usesThisAction(uses: unknown): boolean
export function withErrors(workflow: unknown, action: unknown): string[]
export function readAction(dir?: string): Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
export function checkAll(dir?: string): Promise<{ findings: string[]; checked: number }>
