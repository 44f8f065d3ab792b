import { readFile } from 'node:fs/promises'
import type { Config } from '../config/schema.js'
import type { HealthMetricRow } from '../evidence/model.js'
import type { ResolvedService, RunContext } from '../model/monitoring-model.js'
import { InputError } from '../util/errors.js'
import { PrometheusClient } from './prometheus/client.js'
import { BASELINE_SCHEMA, checkSchema } from './schema-check.js'
import type { BaselineMetrics, BaselineValue, ClaimCheck, PreviousComparison } from './types.js'
import { describeNumber, groupingLabels, serviceMatcher } from './vector.js'

export const LATENCY_QUANTILES = [
  { metric: 'latency_p50', quantile: '0.5' },
  { metric: 'latency_p95', quantile: '0.95' },
  { metric: 'latency_p99', quantile: '0.99' }
] as const

/** Differences in error rate below this (as a fraction: 0.1 percentage points) are noise, never a refutation. */
export const ERROR_RATE_ABSOLUTE_SLACK = 0.001

interface BaselineQuery {
  metric: string
  unit?: string
  query: string
}

const fill = (template: string, vars: Record<string, string>): string =>
  Object.entries(vars).reduce((q, [k, v]) => q.split(`$${k}`).join(v), template)

/**
 * The fixed set of baseline queries, each grouped by the service label (and any selector labels),
 * so their number never depends on the number of services. Defaults assume the conventional
 * `http_requests_total{code}` counter and `http_request_duration_seconds` histogram.
 */
export function baselineQueries(config: Config, groupBy: string[]): BaselineQuery[] {
  const b = config.baseline
  const window = b.window
  const group = groupBy.join(', ')
  const vars = { window, group }
  const total = `sum by (${group}) (rate(http_requests_total[${window}]))`
  // Services without any 5xx series still have an error ratio: zero, not "no data".
  const errors = `(sum by (${group}) (rate(http_requests_total{code=~"5.."}[${window}])) or ${total} * 0)`
  const out: BaselineQuery[] = [
    { metric: 'request_rate', unit: 'requests/s', query: b['request-rate-query'] ? fill(b['request-rate-query'], vars) : total },
    { metric: 'error_ratio', unit: 'ratio', query: b['error-ratio-query'] ? fill(b['error-ratio-query'], vars) : `${errors} / ${total}` }
  ]
  for (const { metric, quantile } of LATENCY_QUANTILES) {
    const query = b['latency-query']
      ? fill(b['latency-query'], { ...vars, quantile })
      : `histogram_quantile(${quantile}, sum by (${group}, le) (rate(http_request_duration_seconds_bucket[${window}])))`
    out.push({ metric, unit: 'seconds', query })
  }
  for (const [metric, query] of Object.entries(b.queries)) out.push({ metric, query: fill(query, vars) })
  return out
}

function prometheusBackend(config: Config): string | undefined {
  if (config.baseline.backend) return config.baseline.backend
  const names = Object.entries(config.backends).filter(([, b]) => b.type === 'prometheus').map(([n]) => n)
  return names[0]
}

/**
 * Phase 1, step 3: request rate, error ratio, latency quantiles and the configured SLIs for every
 * service over `baseline.window` ending now, each value with the query that produced it. The
 * deploy's own numbers are checked against them, and the previous release's baseline is compared
 * when given.
 */
export async function captureBaseline(
  ctx: RunContext,
  previous?: { source: string; data: BaselineMetrics },
  opts: { backoffMs?: number } = {}
): Promise<BaselineMetrics> {
  const now = ctx.now()
  const measuredAt = now.toISOString()
  const services = ctx.model.services
  const groupBy = groupingLabels(services, ctx.model.serviceLabel)
  const queries = baselineQueries(ctx.config, groupBy)
  const values = new Map<string, BaselineValue[]>(services.map((s) => [s.name, []]))
  let requests = 0
  let notVerifiedReason: string | undefined

  const backendName = prometheusBackend(ctx.config)
  const backend = backendName ? ctx.config.backends[backendName] : undefined
  if (!backendName || !backend) {
    notVerifiedReason = backendName
      ? `baseline.backend "${backendName}" is not in backends`
      : 'no Prometheus backend is configured, so no baseline could be measured'
  } else if (backend.type !== 'prometheus') {
    notVerifiedReason = `baseline.backend "${backendName}" is ${backend.type}; the baseline needs a Prometheus-compatible backend`
  }

  if (notVerifiedReason) {
    for (const s of services) {
      for (const q of queries) values.get(s.name)!.push({ metric: q.metric, value: null, ...(q.unit ? { unit: q.unit } : {}), query: q.query, measuredAt, verdict: 'not_verified', reason: notVerifiedReason })
    }
  } else {
    let client: PrometheusClient | undefined
    let clientError: string | undefined
    try {
      client = new PrometheusClient(backendName!, backend!, ctx.env, ctx.log, opts)
    } catch (err) {
      clientError = (err as Error).message
    }
    const match = serviceMatcher(services, ctx.model.serviceLabel)
    await Promise.all(
      queries.map(async (q) => {
        const found = new Map<string, number[]>()
        let error = clientError
        if (client) {
          try {
            const result = await client.instantQuery(q.query, now)
            for (const sample of result.samples) {
              const s = match(sample.labels)
              if (s) found.set(s.name, [...(found.get(s.name) ?? []), sample.value])
            }
          } catch (err) {
            error = (err as Error).message
          }
        }
        for (const s of services) {
          const base = { metric: q.metric, ...(q.unit ? { unit: q.unit } : {}), query: q.query, measuredAt }
          const vs = found.get(s.name) ?? []
          let v: BaselineValue
          if (error) v = { ...base, value: null, verdict: 'error', reason: error }
          else if (vs.length === 0) v = { ...base, value: null, verdict: 'fail', reason: `no data for this service in the last ${ctx.config.baseline.window}` }
          else if (vs.length > 1) v = { ...base, value: null, verdict: 'fail', reason: `${vs.length} series matched this service; the query must give one per service` }
          else if (!Number.isFinite(vs[0]!)) {
            v = { ...base, value: null, verdict: 'fail', reason: `value ${describeNumber(vs[0]!)}${q.metric === 'error_ratio' || q.metric.startsWith('latency_') ? ' (no requests in the window)' : ''}` }
          } else v = { ...base, value: vs[0]!, verdict: 'pass' }
          values.get(s.name)!.push(v)
        }
      })
    )
    requests = client?.requests ?? 0
  }

  const order = new Map(queries.map((q, i) => [q.metric, i]))
  const byService = services.map((s) => ({
    service: s.name,
    metrics: values.get(s.name)!.sort((a, b) => (order.get(a.metric) ?? 0) - (order.get(b.metric) ?? 0))
  }))
  const result: BaselineMetrics = {
    captured_at: measuredAt,
    window: ctx.config.baseline.window,
    environment: ctx.model.environment,
    services: byService,
    claims: checkClaims(ctx, services, byService),
    requests
  }
  if (previous) {
    result.previous = {
      source: previous.source,
      captured_at: previous.data.captured_at,
      comparisons: compareWithPrevious(byService, previous.data, ctx.config.baseline.criteria)
    }
  }
  if (notVerifiedReason) result.not_verified_reason = notVerifiedReason
  return result
}

// ---------------------------------------------------------------------------------------------
// Claims: what the deploy said about itself, against what the live system says.

type ClaimKind = { kind: 'latency'; metric: string; label: string } | { kind: 'error_rate' } | { kind: 'throughput' }

interface Claim {
  source: string
  what: ClaimKind
  /** As written, in `unit`. */
  claimed: number
  unit: 'ms' | 's' | '%' | 'fraction' | 'rps'
  /** Set when the claim is about one service rather than the fleet. */
  service?: string
}

/** Which claims a metrics_snapshot key makes. Latency in ms, error_rate in percent, throughput per second. */
function snapshotClaim(key: string, value: number): Claim | undefined {
  const source = `post-deployment-validation.json metrics_snapshot.${key}`
  const k = key.toLowerCase()
  const q = /latency_p(50|95|99)/.exec(k)
  if (q) {
    const unit = /_(seconds|s)$/.test(k) ? 's' : 'ms'
    return { source, what: { kind: 'latency', metric: `latency_p${q[1]}`, label: `p${q[1]}` }, claimed: value, unit }
  }
  // `error_rate` is read as a percent (the protocol's snapshots write 0.5 for 0.5%); `error_ratio` as a fraction.
  if (/error_(rate|percent|pct)/.test(k)) return { source, what: { kind: 'error_rate' }, claimed: value, unit: '%' }
  if (/error_ratio/.test(k)) return { source, what: { kind: 'error_rate' }, claimed: value, unit: 'fraction' }
  if (/throughput|requests_per_second|rps/.test(k)) return { source, what: { kind: 'throughput' }, claimed: value, unit: 'rps' }
  return undefined
}

/** Which claim a health-log metric row makes, from its name and unit; rows naming a service are about that service. */
function healthRowClaim(row: HealthMetricRow, services: ResolvedService[]): Claim | undefined {
  if (row.numericValue === undefined || !Number.isFinite(row.numericValue)) return undefined
  const source = `deployment-health-log.md metric "${row.name}"`
  const name = row.name.toLowerCase()
  const unit = (row.unit ?? '').toLowerCase().trim()
  const service = services.find((s) => new RegExp(`(^|[^a-z0-9-])${s.name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9-])`).test(name))?.name
  const q = /\bp(50|95|99)\b|(50|95|99)(th)? percentile|(median)/.exec(name)
  if (q && /latenc|response|duration|p\d\d/.test(name)) {
    const p = q[1] ?? q[2] ?? '50'
    const u = unit === 's' || unit === 'sec' || unit === 'seconds' ? 's' : 'ms'
    return { source, what: { kind: 'latency', metric: `latency_p${p}`, label: `p${p}` }, claimed: row.numericValue, unit: u, service }
  }
  if (/error/.test(name)) return { source, what: { kind: 'error_rate' }, claimed: row.numericValue, unit: unit === '%' || unit === '' ? '%' : 'fraction', service }
  if (/throughput|requests? per|rps|req\/s/.test(name)) {
    const perMinute = /min|rpm/.test(unit)
    return { source, what: { kind: 'throughput' }, claimed: perMinute ? row.numericValue / 60 : row.numericValue, unit: 'rps', service }
  }
  return undefined
}

const valueOf = (svc: { metrics: BaselineValue[] }, metric: string): number | undefined => {
  const v = svc.metrics.find((m) => m.metric === metric)
  return v && v.verdict === 'pass' && v.value !== null ? v.value : undefined
}

/**
 * Check each claim against the baseline. Fleet-wide claims (the snapshot names no service) are
 * aggregated as follows:
 * - throughput: the sum of the services' request rates;
 * - error rate: all errors over all requests (each service's ratio weighted by its traffic);
 * - latency quantiles: a fleet quantile cannot be computed from per-service quantiles, but it
 *   always lies between the lowest and the highest of them (a quantile of a mixture lies between
 *   its components' quantiles). A claim outside that range, beyond the tolerance, is refuted; the
 *   observed value reported is the nearest end of the range.
 */
function checkClaims(ctx: RunContext, services: ResolvedService[], measured: Array<{ service: string; metrics: BaselineValue[] }>): ClaimCheck[] {
  const tolerance = ctx.config.baseline['claim-tolerance-percent']
  const claims: Claim[] = []
  for (const [k, v] of Object.entries(ctx.evidence.validation.metricsSnapshot)) {
    const c = snapshotClaim(k, v)
    if (c) claims.push(c)
  }
  for (const row of ctx.evidence.healthLog.metrics) {
    const c = healthRowClaim(row, services)
    if (c) claims.push(c)
  }
  return claims.map((c) => judgeClaim(c, c.service ? measured.filter((m) => m.service === c.service) : measured, tolerance))
}

function judgeClaim(c: Claim, measured: Array<{ service: string; metrics: BaselineValue[] }>, tolerance: number): ClaimCheck {
  const scope = c.service ? c.service : measured.length === 1 ? measured[0]!.service : `${measured.length} services`
  const base = { source: c.source, claimed: c.claimed, tolerancePercent: tolerance }
  const fmt = (n: number): string => describeNumber(Number(n.toPrecision(4)))
  const noData = (metric: string, why: string): ClaimCheck => ({ ...base, metric, observed: null, verdict: 'error', reason: `cannot check: ${why}` })

  if (c.what.kind === 'latency') {
    const { metric, label } = c.what
    const toMs = c.unit === 's' ? 1000 : 1
    const per = measured.map((m) => ({ service: m.service, ms: (valueOf(m, metric) ?? NaN) * 1000 })).filter((x) => Number.isFinite(x.ms))
    if (per.length === 0) return noData(metric, `no live ${label} latency for ${scope}`)
    const low = per.reduce((a, b) => (b.ms < a.ms ? b : a))
    const high = per.reduce((a, b) => (b.ms > a.ms ? b : a))
    const claimedMs = c.claimed * toMs
    const nearest = claimedMs < low.ms ? low : claimedMs > high.ms ? high : undefined
    const observedMs = nearest ? nearest.ms : claimedMs
    const deviation = observedMs === 0 ? (claimedMs === 0 ? 0 : Infinity) : (Math.abs(claimedMs - observedMs) / observedMs) * 100
    const said = `the deploy said ${label} ${fmt(claimedMs)} ms`
    const live =
      per.length === 1
        ? `Prometheus says ${fmt(low.ms)} ms (${low.service})`
        : `Prometheus says per-service ${label} ${fmt(low.ms)} ms (${low.service}) to ${fmt(high.ms)} ms (${high.service})`
    const observed = Number((observedMs / toMs).toPrecision(6))
    if (deviation > tolerance) {
      return { ...base, metric, observed, verdict: 'fail', reason: `${said}; ${live}: off by ${fmt(deviation)}%, more than ${tolerance}%` }
    }
    return { ...base, metric, observed, verdict: 'pass', reason: `${said}; ${live}: consistent within ${tolerance}%` }
  }

  if (c.what.kind === 'error_rate') {
    let errors = 0
    let total = 0
    for (const m of measured) {
      const rate = valueOf(m, 'request_rate')
      const ratio = valueOf(m, 'error_ratio')
      if (rate === undefined) continue
      total += rate
      errors += ratio === undefined ? 0 : ratio * rate
    }
    if (!(total > 0)) return noData('error_ratio', `no live traffic for ${scope}`)
    const observedFraction = errors / total
    const claimedFraction = c.unit === '%' ? c.claimed / 100 : c.claimed
    const asShown = (f: number): number => (c.unit === '%' ? f * 100 : f)
    const deviation = observedFraction === 0 ? (claimedFraction === 0 ? 0 : Infinity) : (Math.abs(claimedFraction - observedFraction) / observedFraction) * 100
    const within = Math.abs(claimedFraction - observedFraction) <= ERROR_RATE_ABSOLUTE_SLACK || deviation <= tolerance
    const reading = c.unit === '%' ? 'read as a percent' : 'read as a fraction'
    const said = `the deploy said error rate ${fmt(claimedFraction * 100)}% (${fmt(c.claimed)}, ${reading})`
    const live = `Prometheus says ${fmt(observedFraction * 100)}% (errors over requests across ${scope})`
    const observed = Number(asShown(observedFraction).toPrecision(6))
    return within
      ? { ...base, metric: 'error_ratio', observed, verdict: 'pass', reason: `${said}; ${live}: consistent` }
      : { ...base, metric: 'error_ratio', observed, verdict: 'fail', reason: `${said}; ${live}: off by ${fmt(deviation)}%, more than ${tolerance}%` }
  }

  const rates = measured.map((m) => valueOf(m, 'request_rate')).filter((x): x is number => x !== undefined)
  if (rates.length === 0) return noData('request_rate', `no live request rate for ${scope}`)
  const observed = rates.reduce((a, b) => a + b, 0)
  const deviation = observed === 0 ? (c.claimed === 0 ? 0 : Infinity) : (Math.abs(c.claimed - observed) / observed) * 100
  const said = `the deploy said throughput ${fmt(c.claimed)} requests/s`
  const live = `Prometheus says ${fmt(observed)} requests/s (sum over ${scope})`
  return deviation > tolerance
    ? { ...base, metric: 'request_rate', observed: Number(observed.toPrecision(6)), verdict: 'fail', reason: `${said}; ${live}: off by ${fmt(deviation)}%, more than ${tolerance}%` }
    : { ...base, metric: 'request_rate', observed: Number(observed.toPrecision(6)), verdict: 'pass', reason: `${said}; ${live}: consistent within ${tolerance}%` }
}

// ---------------------------------------------------------------------------------------------
// The previous release.

type Criterion = Config['baseline']['criteria'][number]

export function describeCriterion(c: Criterion): string {
  const parts: string[] = []
  if (c['max-increase-percent'] !== undefined) parts.push(`may rise at most ${c['max-increase-percent']}%`)
  if (c['warn-increase-percent'] !== undefined) parts.push(`warn above ${c['warn-increase-percent']}%`)
  if (c['max-ratio'] !== undefined) parts.push(`may be at most ${c['max-ratio']}x the previous`)
  return `${c.metric} ${parts.join(', ') || 'recorded'}`
}

/**
 * Relative criteria against the previous release, per service and metric; both values are shown.
 * Services the previous baseline did not have (new ones) have nothing to compare with.
 */
export function compareWithPrevious(current: Array<{ service: string; metrics: BaselineValue[] }>, previous: BaselineMetrics, criteria: Criterion[]): PreviousComparison[] {
  const out: PreviousComparison[] = []
  for (const svc of current) {
    const prev = previous.services.find((p) => p.service === svc.service)
    if (!prev) continue
    for (const c of criteria) {
      const criterion = describeCriterion(c)
      const p = prev.metrics.find((m) => m.metric === c.metric)?.value ?? null
      const cur = svc.metrics.find((m) => m.metric === c.metric)
      const curValue = cur && cur.verdict === 'pass' ? cur.value : null
      const base = { service: svc.service, metric: c.metric, previous: p, current: curValue, criterion }
      if (p === null || curValue === null) {
        const why = p === null ? 'the previous baseline has no value' : `no current value (${cur?.reason ?? 'not measured'})`
        out.push({ ...base, verdict: 'error', reason: `cannot compare: ${why}` })
        continue
      }
      const shown = `previous ${describeNumber(Number(p.toPrecision(6)))}, now ${describeNumber(Number(curValue.toPrecision(6)))}`
      const increase = p === 0 ? (curValue === 0 ? 0 : Infinity) : ((curValue - p) / Math.abs(p)) * 100
      const ratio = p === 0 ? (curValue === 0 ? 1 : Infinity) : curValue / p
      const rise = `${increase === Infinity ? 'up from zero' : `${increase >= 0 ? '+' : ''}${describeNumber(Number(increase.toFixed(2)))}%`}`
      let verdict: PreviousComparison['verdict'] = 'pass'
      const why: string[] = []
      if (c['max-increase-percent'] !== undefined && increase > c['max-increase-percent']) {
        verdict = 'fail'
        why.push(`${rise} is above the ${c['max-increase-percent']}% allowed`)
      }
      if (c['max-ratio'] !== undefined && ratio > c['max-ratio']) {
        verdict = 'fail'
        why.push(`${ratio === Infinity ? 'up from zero' : `${describeNumber(Number(ratio.toFixed(3)))}x`} is above the ${c['max-ratio']}x allowed`)
      }
      if (verdict === 'pass' && c['warn-increase-percent'] !== undefined && increase > c['warn-increase-percent']) {
        verdict = 'warn'
        why.push(`${rise} is above the ${c['warn-increase-percent']}% warning level`)
      }
      out.push({ ...base, verdict, reason: `${shown}: ${why.length ? why.join('; ') : `${rise}, within ${criterion.replace(`${c.metric} `, '')}`}` })
    }
  }
  return out
}

/** Read a previous release's `baseline-metrics.json` (config `baseline.previous.file`) and check it against the schema. */
export async function loadPreviousBaseline(file: string): Promise<BaselineMetrics> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new InputError({ file, expected: 'a baseline-metrics.json from a previous run', found: code === 'ENOENT' ? 'no such file' : `an unreadable file (${code ?? String(err)})` })
  }
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    throw new InputError({ file, expected: 'JSON', found: `text that does not parse (${(err as Error).message})` })
  }
  const errors = checkSchema(BASELINE_SCHEMA, data)
  if (errors.length > 0) {
    throw new InputError({ file, field: errors[0]!.split(' ')[0], expected: 'a document matching schemas/baseline-metrics.schema.json', found: `${errors.length} problem(s): ${errors.slice(0, 3).join('; ')}` })
  }
  return data as BaselineMetrics
}
