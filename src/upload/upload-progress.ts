// The upload's log lines: the size first, a line per tenth at most every 15 s with the rate and
// the time left, then the total time and rate. Pure: it is told the bytes sent and the time.
import { formatBytes } from './app-path.js'
import { formatDuration } from '../duration.js'

const ProgressLimits = {
  /** A line per tenth of the file: enough to see it move, few enough to read. */
  stepFraction: 0.1,
  /** Fast uploads would print ten lines in a second; one every 15 s is what a person reads. */
  minIntervalMs: 15_000
} as const

export function formatRate(bytes: number, ms: number): string {
  return ms > 0 ? `${formatBytes((bytes * 1000) / ms)}/s` : '–'
}

export class UploadProgress {
  private startedAt: number
  private lastLineAt: number
  private lastStep = 0

  constructor(
    private readonly total: number,
    private readonly now: () => number
  ) {
    this.startedAt = now()
    this.lastLineAt = this.startedAt
  }

  /** A new attempt sends from the first byte again: the rate and the tenths count from now. */
  restart(): void {
    this.startedAt = this.now()
    this.lastLineAt = this.startedAt
    this.lastStep = 0
  }

  /** The line to log after `sent` bytes have gone, or null when it is too soon for another. */
  update(sent: number): string | null {
    if (this.total <= 0 || sent >= this.total) return null
    const step = Math.floor(sent / this.total / ProgressLimits.stepFraction)
    const at = this.now()
    if (step <= this.lastStep || at - this.lastLineAt < ProgressLimits.minIntervalMs) return null
    this.lastStep = step
    this.lastLineAt = at
    const elapsed = at - this.startedAt
    const percent = Math.floor((sent / this.total) * 100)
    const left = sent > 0 ? ((this.total - sent) * elapsed) / sent : Number.NaN
    return (
      `${percent} % (${formatBytes(sent)} of ${formatBytes(this.total)}) at ${formatRate(sent, elapsed)}, ` +
      `about ${formatDuration(left)} left`
    )
  }

  /** The last line: how long the whole file took, at what rate. */
  finish(): { line: string; elapsedMs: number } {
    const elapsedMs = this.now() - this.startedAt
    return {
      line: `Uploaded ${formatBytes(this.total)} in ${formatDuration(elapsedMs)} (${formatRate(this.total, elapsedMs)}).`,
      elapsedMs
    }
  }
}
