// The start phase as the story of a run sees it, loaded only when there is something to start: a
// plain run-id wait never evaluates the start, agent, upload or GitHub code (chunks of their own).
import type { Settings } from '../inputs/settings.js'
import type { RunOutcome } from '../model.js'

type StartPhase = typeof import('./start-phase.js')

/** The build of `app-path`, checked on disk before any request; nothing to check without it. */
export async function checkBuild(settings: Settings): ReturnType<StartPhase['checkBuild']> {
  if (!settings.upload) return { kind: 'none' }
  return (await import('./start-phase.js')).checkBuild(settings)
}

/** Starts what the inputs ask for; run IDs alone start nothing: every one of them is waited for. */
export async function startEverything(
  options: Parameters<StartPhase['startEverything']>[0]
): ReturnType<StartPhase['startEverything']> {
  const { settings, context } = options
  if (settings.start || settings.agent || settings.upload) {
    return (await import('./start-phase.js')).startEverything(options)
  }
  return {
    kind: 'started',
    ids: settings.runIds,
    cancelledIds: [],
    origins: new Map(),
    facts: { batchId: '', prNumber: null, githubReporting: '', testerArmyComments: false },
    context,
    appBuild: null,
    agentRunIds: [],
    sent: { start: null, agent: null }
  }
}

/**
 * A run the API cancelled as the group started (a duplicate, the quota) is never polled: it is
 * reported as cancelled, with that reason.
 */
export function cancelledAtStart(id: string): RunOutcome {
  return {
    id,
    status: 'cancelled',
    run: null,
    body: null,
    lastStatus: 'cancelled',
    error:
      'TesterArmy cancelled this run as the group started (for example a duplicate or the quota)',
    cancelledByUser: false
  }
}
