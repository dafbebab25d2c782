// Types for shared-drift.mjs.
export const COPIES: { copy: string; original: string }[]
export function expectedCopy(original: string, text: string): string
export function driftOf(projectDir: string, sharedDir: string): string[]
