// Types for simulated-uploads.mjs.
import type { SimulatedUploads, UploadOptions } from './simulated-api.mjs'

export function startSimulatedUploads(options?: UploadOptions): Promise<
  SimulatedUploads & {
    /** Serves the API's upload endpoints; false for any other path. */
    handle(
      method: string,
      path: string,
      body: unknown,
      send: (status: number, json: unknown) => void,
      socket: unknown
    ): boolean
  }
>
