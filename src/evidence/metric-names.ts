/**
 * What a metric named in the deploy evidence claims, read from the parts of its name. Names come
 * from many tools and people: `api_latency_p95`, `p95_latency_ms`, `latencyP99Seconds`,
 * "95th percentile response time", `http_5xx_ratio`, "Requests per second". Splitting on
 * separators and case changes first means `_`, `.`, `-`, spaces and camelCase all read the same.
 */

export type MetricClaimKind =
  | {
      kind: 'latency'
      /** 0.5, 0.95, 0.99, ... */ quantile: number
      label: string
      /** Unit named by the name itself. */ unit?: 'ms' | 's'
    }
  | { kind: 'error_rate'; /** `fraction` for ratios (0.01), `%` for rates and percents (1 for 1%). */ unit: '%' | 'fraction' }
  | { kind: 'throughput'; /** Requests per second, or per minute for `rpm` / "per minute" names. */ per: 'second' | 'minute' }

/** Lower-case parts of a name: `apiLatencyP95_ms` -> api, latency, p95, ms. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\b(t?p?\d+)\.(\d+)(th)?\b/g, '$1$2$3')
    .replace(/%/g, ' percent ')
    .replace(/\b(\d+)\s*xx\b/g, '$1xx')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

const ERROR = new Set(['error', 'errors', 'err', 'failure', 'failures', 'failed', 'fail', '5xx', 'fault', 'faults'])
const RATE_WORDS = new Set(['rate', 'ratio', 'percent', 'pct', 'percentage', 'fraction', 'share'])
const THROUGHPUT = new Set(['throughput', 'rps', 'qps', 'tps', 'rpm', 'traffic'])
const REQUEST = new Set(['request', 'requests', 'req', 'reqs', 'query', 'queries', 'call', 'calls', 'hits', 'transactions'])
/** Words that make a quantile about something other than latency (p95 CPU). */
const NOT_LATENCY = new Set([
  'cpu',
  'memory',
  'mem',
  'saturation',
  'utilization',
  'utilisation',
  'usage',
  'size',
  'bytes',
  'payload',
  'queue',
  'depth',
  'connections',
  'heap',
  'gc',
  'disk'
])
const MS = new Set(['ms', 'msec', 'msecs', 'millis', 'millisecond', 'milliseconds'])
const SECONDS = new Set(['s', 'sec', 'secs', 'second', 'seconds'])

/** The quantile a part names: p95, p99.9 (as p999), 95th, tp99, median. */
function quantileOf(parts: string[]): { quantile: number; label: string } | undefined {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!
    if (p === 'median') return { quantile: 0.5, label: 'p50' }
    const m = /^t?p(\d{2,4})$/.exec(p) ?? /^(\d{2,4})(th)?$/.exec(p)
    if (!m) continue
    const digits = m[1]!
    // "95th percentile", "95 percentile", "p95": a bare number needs the word.
    if (!p.startsWith('p') && !p.startsWith('tp') && !/^(percentile|pct|quantile|centile)$/.test(parts[i + 1] ?? '') && !p.endsWith('th'))
      continue
    // p99 and p999 (99.9th) alike: digits after the first two are decimals.
    const q = Number(`0.${digits}`)
    if (q > 0 && q < 1) return { quantile: q, label: `p${digits}` }
  }
  return undefined
}

/** What claim a metric name makes, if any. `unit` is the unit written with the value (`250ms`, `0.4%`). */
export function classifyMetricName(name: string, unit?: string): MetricClaimKind | undefined {
  const parts = nameParts(name)
  const has = (set: Set<string>): boolean => parts.some((p) => set.has(p))
  const u = (unit ?? '').trim().toLowerCase()
  const q = quantileOf(parts)
  const error = has(ERROR)
  const perMinute =
    parts.includes('rpm') ||
    /\b(per|a|\/)\s*min(ute)?\b/.test(name.toLowerCase()) ||
    (parts.includes('per') && parts.includes('minute')) ||
    /\/\s*min|rpm/.test(u)

  if (q && !error && !has(THROUGHPUT) && !has(NOT_LATENCY)) {
    const named = parts.find((p) => MS.has(p) || SECONDS.has(p))
    return { kind: 'latency', ...q, ...(named ? { unit: MS.has(named) ? 'ms' : 's' } : {}) }
  }
  if (error && !parts.includes('budget') && (has(RATE_WORDS) || u === '%')) {
    const fraction = (parts.includes('ratio') || parts.includes('fraction')) && u !== '%' && !parts.includes('percent')
    return { kind: 'error_rate', unit: fraction ? 'fraction' : '%' }
  }
  if (error) return undefined
  const perSecond = parts.includes('per') && (parts.includes('second') || parts.includes('sec') || parts.includes('s'))
  if (
    has(THROUGHPUT) ||
    (has(REQUEST) && (perSecond || perMinute || parts.includes('rate') || /\/\s*(s|sec|second|min|minute)\b/.test(name.toLowerCase())))
  ) {
    return { kind: 'throughput', per: perMinute ? 'minute' : 'second' }
  }
  return undefined
}
