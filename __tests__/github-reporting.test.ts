// metadata.github: read defensively, told to the user once, in words they can act on.
import { describe, expect, it } from '@jest/globals'
import {
  describeGitHubReporting,
  parseGitHubReporting,
  testerArmyComments
} from '../src/start/github-reporting.js'

describe('parseGitHubReporting', () => {
  it('reads the documented fields and ignores the rest', () => {
    expect(
      parseGitHubReporting({
        metadata: {
          github: {
            configured: true,
            checkRunCreated: false,
            commentTargetResolved: 'yes',
            status: 'pr_not_found',
            extra: 1
          }
        }
      })
    ).toEqual({ configured: true, checkRunCreated: false, status: 'pr_not_found' })
  })
  it.each([
    null,
    {},
    { metadata: null },
    { metadata: { github: [] } },
    { metadata: { github: 'x' } }
  ])('is null when absent or not an object (%j)', answer =>
    expect(parseGitHubReporting(answer)).toBeNull()
  )
  it('keeps a long status short', () => {
    expect(
      parseGitHubReporting({ metadata: { github: { status: 'x'.repeat(500) } } })?.status
    ).toHaveLength(100)
  })
})

describe('testerArmyComments', () => {
  it('only when TesterArmy said it resolved the pull request', () => {
    expect(testerArmyComments({ commentTargetResolved: true })).toBe(true)
    expect(testerArmyComments({ commentTargetResolved: false })).toBe(false)
    expect(testerArmyComments({})).toBe(false)
    expect(testerArmyComments(null)).toBe(false)
  })
})

describe('describeGitHubReporting', () => {
  it('all fine: one line, no annotation', () => {
    expect(
      describeGitHubReporting(
        { configured: true, checkRunCreated: true, commentTargetResolved: true },
        true
      )
    ).toEqual({
      line: "TesterArmy's own GitHub reporting: connected yes, check run yes, comments on the pull request yes",
      facts: 'connected yes, check run yes, comments on the pull request yes',
      annotation: null
    })
  })
  it('not_configured: a warning for the agent (no changed files), a notice for a group', () => {
    const agent = describeGitHubReporting({ configured: false, status: 'not_configured' }, true)
    expect(agent.annotation?.level).toBe('warning')
    expect(agent.annotation?.message).toMatch(/without the changed files.*Connect the GitHub App/)
    const group = describeGitHubReporting({ status: 'not_configured' }, false)
    expect(group.annotation?.level).toBe('notice')
    expect(group.annotation?.message).not.toMatch(/changed files/)
    expect(group.line).toMatch(/connected not said.*status not_configured/)
  })
  it.each([
    ['check_create_failed', /check run.*permission to write checks/],
    ['pr_not_found', /could not find this pull request.*integrations/]
  ])('%s: a warning that says what to do', (status, wording) => {
    const note = describeGitHubReporting({ status }, true)
    expect(note.annotation).toEqual({ level: 'warning', message: expect.stringMatching(wording) })
  })
  it('an unknown status is shown as received, escaped for the log', () => {
    const note = describeGitHubReporting({ status: 'rate_limited\n::error::x' }, true)
    expect(note.annotation?.level).toBe('notice')
    expect(note.annotation?.message).toContain('"rate_limited ::error::x"')
    expect(note.line).not.toContain('\n')
  })
})
