/**
 * Durations, in Prometheus's own grammar (its `model.ParseDuration`): whole numbers with the units
 * y, w, d, h, m, s, ms, each at most once and from largest to smallest, such as `90s`, `5m`,
 * `1h30m`, `7d`, `1w`, `500ms`. The config, OpenSLO documents and the evidence all read durations
 * here, so a value Prometheus accepts is accepted everywhere and means the same.
 */

const UNIT_MS = { y: 365 * 86_400_000, w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const
const PROM_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/
const ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'] as const

/** What a duration looks like, for error messages. */
export const DURATION_HINT = "a duration in Prometheus's form, such as 90s, 5m, 1h30m, 7d, 1w or 500ms"

/** Milliseconds in a Prometheus duration, or undefined when the text is not one. `0` is zero, as in Prometheus. */
export function parseDurationMs(text: string): number | undefined {
  if (text === '0') return 0
  if (text === '') return undefined
  const m = PROM_DURATION.exec(text)
  if (!m) return undefined
  let ms = 0
  ORDER.forEach((unit, i) => {
    const n = m[i + 1]
    if (n !== undefined) ms += Number(n) * UNIT_MS[unit]
  })
  return Number.isSafeInteger(ms) ? ms : undefined
}

/** Seconds in a duration that was already validated (config values); throws on anything else. */
export function durationSeconds(text: string): number {
  const ms = parseDurationMs(text)
  if (ms === undefined) throw new Error(`not a duration: expected ${DURATION_HINT}`)
  return ms / 1000
}

/**
 * Why a text is not a usable duration (a plain-words phrase), or undefined when it is one.
 * `positive` refuses zero (a window or a lookback of no time measures nothing).
 */
export function durationProblem(text: string, opts: { positive?: boolean } = {}): string | undefined {
  const t = text.trim()
  const ms = parseDurationMs(t)
  if (ms === undefined) {
    if (/^-/.test(t) && parseDurationMs(t.slice(1)) !== undefined) return 'must be greater than 0'
    if (/^\d+(\.\d+)?$/.test(t)) return `${DURATION_HINT} (a number alone has no unit: write ${t}s or ${t}m)`
    if (/^\d+\.\d+[a-z]+$/.test(t)) return `${DURATION_HINT} (whole numbers only: write 1h30m, not 1.5h)`
    return DURATION_HINT
  }
  if (t !== text) return `${DURATION_HINT} (without spaces)`
  if (opts.positive && ms === 0) return 'must be greater than 0'
  return undefined
}

/** A duration in seconds written the way PromQL and LogQL accept it (whole seconds, one unit). */
export function formatDuration(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds))
  if (s % 86400 === 0) return `${s / 86400}d`
  if (s % 3600 === 0) return `${s / 3600}h`
  if (s % 60 === 0) return `${s / 60}m`
  return `${s}s`
}

/** Seconds in a duration as PromQL reads one: Prometheus's form, or (Prometheus 3) a number of seconds. */
export function promqlDurationSeconds(text: string): number | undefined {
  const t = text.trim()
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t)
  const ms = parseDurationMs(t)
  return ms === undefined ? undefined : ms / 1000
}

/** `3600` -> `1h`, `330` -> `5m30s`: the shortest exact spelling of a duration, down to milliseconds. */
export function formatDurationExact(seconds: number): string {
  if (!(seconds > 0)) return '0s'
  let rest = Math.round(seconds * 1000)
  let out = ''
  for (const unit of ['w', 'd', 'h', 'm', 's', 'ms'] as const) {
    const ms = UNIT_MS[unit]
    if (rest >= ms) {
      out += `${Math.floor(rest / ms)}${unit}`
      rest %= ms
    }
  }
  return out
}

const WORD_UNITS: Array<[RegExp, number]> = [
  [/^(w|wk|wks|weeks?)$/, 604800],
  [/^(d|days?)$/, 86400],
  [/^(h|hr|hrs|hours?)$/, 3600],
  [/^(m|min|mins|minutes?)$/, 60],
  [/^(s|sec|secs|seconds?)$/, 1],
  [/^(ms|msec|milliseconds?)$/, 0.001]
]

/**
 * Seconds in a duration written by a person or a tool in evidence: Prometheus's form first
 * (`1h30m`), then ISO 8601 (`PT45M`) and words (`30 minutes`, `1.5 hours`, `1h 30m`). Clock
 * times such as "14:00-14:30" are not durations and are ignored.
 */
export function parseLooseDurationSeconds(text: string): number | undefined {
  const exact = parseDurationMs(text.trim())
  if (exact !== undefined && text.trim() !== '0') return exact / 1000
  const iso = /\bP(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?\b/.exec(text)
  if (iso && iso[0].length > 2 && (iso[1] ?? iso[2] ?? iso[3] ?? iso[4]) !== undefined) {
    return Number(iso[1] ?? 0) * 86400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Number(iso[4] ?? 0)
  }
  let total = 0
  let found = false
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*([a-zA-Z]+)/g)) {
    // "14:00" style clock times: the number right after a colon is not an amount of time.
    if (m.index !== undefined && m.index > 0 && text[m.index - 1] === ':') continue
    const word = (m[2] ?? '').toLowerCase()
    const match = WORD_UNITS.find(([u]) => u.test(word))
    if (!match) continue
    total += Number(m[1]) * match[1]
    found = true
  }
  return found ? total : undefined
}
