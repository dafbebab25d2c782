// The scripted HTTP server the client, poller and end-to-end tests play faults with: the HTTP
// layer of the simulated TesterArmy API (scripts/scripted-server.mjs), typed for the tests.
import {
  startScriptedServer,
  type RecordedRequest,
  type Reply,
  type ScriptedServer
} from '../../scripts/scripted-server.mjs'

export type { RecordedRequest, Reply } from '../../scripts/scripted-server.mjs'
export { scripted, REFUSED_PORT, freePort } from '../../scripts/scripted-server.mjs'

export type ApiServer = ScriptedServer

/** A server whose every answer the test scripts: see startScriptedServer. */
export async function startApiServer(
  handler: (request: RecordedRequest) => Reply | Promise<Reply>,
  options: { host?: string } = {}
): Promise<ApiServer> {
  return startScriptedServer(handler, options)
}
