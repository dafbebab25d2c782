// Types for node24.mjs, so the TypeScript tests and the bench ask the same helper for Node 24.

export interface Node24 {
  /** The binary to spawn. */
  path: string
  /** `v24.x.y`. */
  version: string
  /** The platform package it came from, or "the node running this". */
  source: string
}

export interface FindNode24Options {
  platform?: string
  arch?: string
  /** The installed package's directory and parsed package.json, or undefined when absent. */
  resolvePackage?: (name: string) => { dir: string; manifest: Record<string, unknown> } | undefined
  exists?: (path: string) => boolean
  execPath?: string
  /** `process.version` of the node running this. */
  currentVersion?: string
}

export const NODE_MAJOR: number
export const PLATFORM_PACKAGES: Record<string, string>
export function findNode24(options?: FindNode24Options): Node24
export function unshadowNode(binDir?: string): string[]
