// Durations as people write them in a workflow (`5s`, `30m`) and as people read them (`2 min 10 s`).

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }

/**
 * Parses `90`, `90s`, `1.5m`, `500ms`, `2h` into milliseconds. A bare number is seconds, as in
 * most actions' timeout inputs. Returns null for anything else so the caller can name the input.
 */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h)?$/i.exec(text.trim())
  if (!match) return null
  const unit = (match[2] ?? 's').toLowerCase()
  const ms = Number(match[1]) * (UNIT_MS[unit] as number)
  return Number.isFinite(ms) ? Math.round(ms) : null
}

/** `850 ms`, `3.5 s`, `42 s`, `2 min 10 s`, `1 h 5 min`: precise enough to compare, short to read. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–'
  if (ms < 1_000) return `${Math.round(ms)} ms`
  if (ms < 10_000) {
    const s = Math.round(ms / 100) / 10
    return s < 10 ? `${s} s` : '10 s'
  }
  const totalSeconds = Math.round(ms / 1_000)
  if (totalSeconds < 60) return `${totalSeconds} s`
  const totalMinutes = Math.floor(totalSeconds / 60)
  if (totalMinutes < 60) {
    const s = totalSeconds % 60
    return s ? `${totalMinutes} min ${s} s` : `${totalMinutes} min`
  }
  const h = Math.floor(totalMinutes / 60)
  const m = totalMinutes % 60
  return m ? `${h} h ${m} min` : `${h} h`
}
