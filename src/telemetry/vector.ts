import type { ResolvedService } from '../model/monitoring-model.js'

/** One sample of an instant vector: labels, value and the sample's time (epoch seconds). */
export interface VectorSample {
  labels: Record<string, string>
  value: number
  timestamp: number
}

/** Prometheus and Loki write sample values as strings, including "NaN", "+Inf" and "-Inf". */
export function parseSampleValue(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw
  if (typeof raw !== 'string') return undefined
  if (raw === '+Inf' || raw === 'Inf') return Infinity
  if (raw === '-Inf') return -Infinity
  if (raw === 'NaN') return NaN
  if (raw.trim() === '') return undefined
  const n = Number(raw)
  return Number.isNaN(n) ? undefined : n
}

/** The matchers naming a service in telemetry: its selector, or `{<service-label>: name}`. */
export function selectorOf(service: ResolvedService, serviceLabel: string): Record<string, string> {
  return Object.keys(service.selector).length > 0 ? service.selector : { [serviceLabel]: service.name }
}

/** Labels a grouped query must keep so every service's series can be told apart. */
export function groupingLabels(services: ResolvedService[], serviceLabel: string): string[] {
  const labels = new Set<string>([serviceLabel])
  for (const s of services) for (const k of Object.keys(selectorOf(s, serviceLabel))) labels.add(k)
  return [...labels].sort()
}

/**
 * Match result series back to services by their selectors. A series belongs to the service whose
 * selector it satisfies with the most matchers, so `{service: api, tier: edge}` wins over
 * `{service: api}` for the edge series.
 */
export function serviceMatcher(
  services: ResolvedService[],
  serviceLabel: string
): (labels: Record<string, string>) => ResolvedService | undefined {
  const entries = services.map((s) => ({ service: s, selector: Object.entries(selectorOf(s, serviceLabel)) }))
  const byLabel = new Map<string, typeof entries>()
  const other: typeof entries = []
  for (const e of entries) {
    const v = e.selector.find(([k]) => k === serviceLabel)?.[1]
    if (v === undefined) other.push(e)
    else byLabel.set(v, [...(byLabel.get(v) ?? []), e])
  }
  return (labels) => {
    const v = labels[serviceLabel]
    const candidates = [...(v !== undefined ? (byLabel.get(v) ?? []) : []), ...other]
    let best: (typeof entries)[number] | undefined
    for (const c of candidates) {
      if (!c.selector.every(([k, want]) => labels[k] === want)) continue
      if (!best || c.selector.length > best.selector.length) best = c
    }
    return best?.service
  }
}

/** Run fn over items with at most `limit` running at once; results keep the items' order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i] as T, i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

/** Durations are written by the one duration module, the way PromQL and LogQL accept them. */
export { formatDuration as promDuration } from '../util/duration.js'

export function describeNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN'
  if (n === Infinity) return '+Inf'
  if (n === -Infinity) return '-Inf'
  return String(Number(n.toPrecision(6)))
}

/** A PromQL regex matcher value that matches exactly these strings (RE2-escaped, then quoted). */
export function exactRegex(values: string[]): string {
  const re = values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  return JSON.stringify(re)
}
