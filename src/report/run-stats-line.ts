import type { RunStats } from '../stats/run-stats.js'
import { byText } from '../util/order.js'

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/** 1.8 M, 12 k, 950: a sample count as people read it. */
function count(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} G`
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M`
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)} k`
  return String(n)
}

/**
 * The run's cost in one line, plain text (the caller escapes it):
 * "Load on production: 23 requests (prometheus 18, alertmanager 3, github 2), 1.2 s work,
 * 4.0 s waiting, 1.8 M samples, 3 probes".
 */
export function runStatsLine(s: RunStats): string {
  const backends = s.backends
    .filter((b) => b.kind !== 'probe' && b.count > 0)
    .sort((a, b) => b.count - a.count || byText(a.backend, b.backend))
  const list = backends.length ? ` (${backends.map((b) => `${b.backend} ${b.count}`).join(', ')})` : ''
  const errors = s.totals.errors ? `, ${s.totals.errors} failed` : ''
  const samples =
    s.totals.samples !== null
      ? `${count(s.totals.samples)} samples`
      : backends.some((b) => b.samples_source === 'not reported')
        ? 'samples not reported'
        : ''
  const probes = s.probes.count ? `${s.probes.count} probe(s)` : ''
  return [
    `Load on ${s.environment}: ${s.totals.count} request(s)${list}${errors}`,
    `${seconds(s.work_ms)} work`,
    `${seconds(s.wait_ms)} waiting`,
    samples,
    probes
  ]
    .filter(Boolean)
    .join(', ')
}
