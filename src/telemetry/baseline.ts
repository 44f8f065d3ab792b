import { readFile, stat } from 'node:fs/promises'
import type { Config } from '../config/schema.js'
import type { HealthMetricRow } from '../evidence/model.js'
import type { ResolvedService, RunContext } from '../model/monitoring-model.js'
import { classifyMetricName, nameParts, type MetricClaimKind } from '../evidence/metric-names.js'
import { InputError, smallerMayAnswer } from '../util/errors.js'
import { isObject } from '../util/json.js'
import { decodeUtf8 } from '../util/utf8.js'
import { parseJsonText } from '../evidence/text.js'
import { durationSeconds } from '../util/duration.js'
import {
  addCoverageSample,
  coverageExpression,
  coverageOf,
  FINE_NARROW_MAX,
  fineFirstExpression,
  needsFineFirst,
  youngStartExpression,
  describeCoverage,
  isCounterSelector,
  PART_LABEL,
  selectorsOf,
  sufficiencyRule,
  type CoverageRow,
  type DataCoverage,
  type SufficiencyRule
} from './coverage.js'
import { inPhase } from '../stats/run-stats.js'
import { PrometheusClient } from './prometheus/client.js'
import { byText } from '../util/order.js'
import { histogramQuantile, type Bucket } from './histogram.js'
import { SCHEMA_FILES, SCHEMA_VERSIONS } from '../artifacts/files.js'
import { validateAgainst } from '../package/schemas.js'
import type { BaselineMetrics, BaselineValue, ClaimCheck, PreviousComparison } from './types.js'
import { describeNumber, exactRegex, groupingLabels, promDuration, selectorOf, serviceMatcher, type VectorSample } from './vector.js'

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
  /** A default latency quantile: read from the one answer to the bucket rates (see histogram.ts), not asked on its own. */
  fromBuckets?: { quantile: number; buckets: string }
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
  const buckets = `sum by (${group}, le) (rate(http_request_duration_seconds_bucket[${window}]))`
  for (const { metric, quantile } of LATENCY_QUANTILES) {
    if (b['latency-query']) out.push({ metric, unit: 'seconds', query: fill(b['latency-query'], { ...vars, quantile }) })
    else
      out.push({
        metric,
        unit: 'seconds',
        query: `histogram_quantile(${quantile}, ${buckets})`,
        fromBuckets: { quantile: Number(quantile), buckets }
      })
  }
  for (const [metric, query] of Object.entries(b.queries)) out.push({ metric, query: fill(query, vars) })
  return out
}

/**
 * What is read from the bucket rates; when the backend would not send them in one answer (over
 * the response cap, or refused), the quantile's own query asked as written, whose answer is a
 * sample a histogram rather than one a bucket.
 */
function fromBucketsOr<T>(rates: Promise<VectorSample[]>, read: (rates: VectorSample[]) => T[], ask: () => Promise<T[]>): Promise<T[]> {
  return rates.then(read, (err: unknown) => (smallerMayAnswer(err) ? ask() : Promise.reject(err)))
}

/** Histograms of one answer to the bucket rates: every quantile reads the same answer. */
const histogramsOfAnswer = new WeakMap<object, Array<{ labels: Record<string, string>; buckets: Bucket[] }>>()

/** The histograms among bucket samples: samples grouped by their labels but `le` (and the name). */
function histogramsOf(
  samples: Array<Pick<VectorSample, 'labels' | 'value'>>
): Array<{ labels: Record<string, string>; buckets: Bucket[] }> {
  const known = histogramsOfAnswer.get(samples)
  if (known) return known
  const groups = new Map<string, { labels: Record<string, string>; buckets: Bucket[] }>()
  for (const s of samples) {
    const le = s.labels.le
    // histogram_quantile ignores a sample without `le`.
    if (le === undefined) continue
    const names = Object.keys(s.labels)
      .filter((k) => k !== 'le' && k !== '__name__')
      .sort(byText)
    let key = ''
    for (const n of names) key += `${JSON.stringify(n)}:${JSON.stringify(s.labels[n])},`
    let g = groups.get(key)
    if (!g) {
      const labels: Record<string, string> = {}
      for (const n of names) labels[n] = s.labels[n]!
      groups.set(key, (g = { labels, buckets: [] }))
    }
    g.buckets.push({ le, count: s.value })
  }
  const out = [...groups.values()]
  histogramsOfAnswer.set(samples, out)
  return out
}

/** Each histogram among bucket samples (their labels but `le`), and its quantile q. */
export function quantilesOf(
  samples: Array<Pick<VectorSample, 'labels' | 'value'>>,
  q: number
): Array<{ labels: Record<string, string>; value: number }> {
  return histogramsOf(samples).map((g) => ({ labels: g.labels, value: histogramQuantile(q, g.buckets) }))
}

/** Whether a query averages over the baseline window (`rate(x[30m])`), so that an empty part of the window dilutes it. */
function overWindow(query: string, window: string): boolean {
  return query.includes(`[${window}]`) || query.includes(`[${window}:`)
}

function prometheusBackend(config: Config): string | undefined {
  if (config.baseline.backend) return config.baseline.backend
  const names = Object.entries(config.backends)
    .filter(([, b]) => b.type === 'prometheus')
    .map(([n]) => n)
  return names[0]
}

/**
 * Phase 1, step 3: request rate, error ratio, latency quantiles and the configured SLIs for every
 * service over `baseline.window` ending now, each value with the query that produced it and the
 * range its data covers. Rates are over the covered range (a service 30 s old is not diluted over
 * 30 minutes); below the minimum coverage or requests a value is `insufficient_data`. The
 * deploy's own numbers are checked against measured values only, fleet-wide quantiles against the
 * fleet's summed histogram.
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
  const window = ctx.config.baseline.window
  const windowSeconds = durationSeconds(window)
  const values = new Map<string, BaselineValue[]>(services.map((s) => [s.name, []]))
  const coverages = new Map<string, DataCoverage>()
  let notVerifiedReason: string | undefined
  let client: PrometheusClient | undefined
  /** The bucket rates by service the default quantiles were read from: the fleet claims sum them. */
  let bucketRates: Promise<VectorSample[]> | undefined

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
      for (const q of queries)
        values.get(s.name)!.push({
          metric: q.metric,
          value: null,
          ...(q.unit ? { unit: q.unit } : {}),
          query: q.query,
          measured_at: measuredAt,
          verdict: 'not_verified',
          reason: notVerifiedReason
        })
    }
  } else {
    let clientError: string | undefined
    try {
      client = new PrometheusClient(backendName!, backend!, ctx.env, ctx.log, opts)
    } catch (err) {
      clientError = (err as Error).message
    }
    const match = serviceMatcher(services, ctx.model.serviceLabel)
    const rule = sufficiencyRule(ctx.config, 'baseline', windowSeconds)
    // The request counter(s) the rate query reads say how much of the window has data.
    const rateQuery = queries.find((q) => q.metric === 'request_rate')!.query
    const selectors = selectorsOf(rateQuery)
    const coverageQuery = coverageExpression(selectors, windowSeconds, groupBy, { fineApart: true })
    const coverageRun = (async (): Promise<
      { rows: Map<string, CoverageRow>; fineQuery?: string; young: Set<string> } | { error: string }
    > => {
      if (!client) return { error: clientError ?? 'no client' }
      if (selectors.length === 0) return { error: `no series selector in the request-rate query ${rateQuery}` }
      const rows = new Map<string, CoverageRow>()
      const fold = (samples: VectorSample[]): void => {
        for (const sample of samples) {
          const s = match(sample.labels)
          if (!s) continue
          const row = rows.get(s.name) ?? {}
          rows.set(s.name, row)
          addCoverageSample(row, sample.labels[PART_LABEL], sample.value)
        }
      }
      try {
        fold((await client.instantQuery(coverageQuery, now)).samples)
        // Only services whose data starts inside the window need their first sample to the second.
        const young = services.filter((s) => rows.has(s.name) && needsFineFirst(rows.get(s.name)!, windowSeconds, now.getTime() / 1000))
        if (young.length === 0) return { rows, young: new Set() }
        const values = young.map((s) => selectorOf(s, ctx.model.serviceLabel)[groupBy[0]!])
        const only = young.length <= FINE_NARROW_MAX && values.every((v): v is string => v !== undefined) ? values : undefined
        // Coarse steps first: each young service's first sample lies within a step before its
        // first step with data, so the fine query reaches back only to the earliest of them.
        const bound = youngStartExpression(selectors, windowSeconds, groupBy, only)
        if (bound.query) fold((await client.instantQuery(bound.query, now)).samples)
        // ... and only as far as the latest of those first steps: every young service has its first
        // sample by then, so the steps after it cannot change a minimum.
        const starts = young.map((s) => rows.get(s.name)!.first)
        const known = starts.every((t): t is number => t !== undefined)
        const earliest = known ? starts.reduce((a, b) => Math.min(a, b)) : undefined
        const latest = known ? starts.reduce((a, b) => Math.max(a, b)) : undefined
        const nowSeconds = now.getTime() / 1000
        const offset = latest !== undefined ? Math.max(0, Math.floor(nowSeconds - latest)) : 0
        const range = earliest !== undefined ? nowSeconds - offset - earliest + bound.stepSeconds + 1 : undefined
        const fine = fineFirstExpression(selectors, windowSeconds, groupBy, only, range, offset)
        fold((await client.instantQuery(fine, now)).samples)
        return { rows, fineQuery: [bound.query, fine].filter(Boolean).join('\n# then\n'), young: new Set(young.map((s) => s.name)) }
      } catch (err) {
        return { error: (err as Error).message }
      }
    })()
    // The three default quantiles read the same bucket rates: asked once, each quantile computed
    // from that answer as histogram_quantile computes it.
    const answerOf = (q: BaselineQuery): Promise<Array<{ labels: Record<string, string>; value: number }>> => {
      const ask = (): Promise<VectorSample[]> => client!.instantQuery(q.query, now).then((r) => r.samples)
      if (!q.fromBuckets) return ask()
      const { buckets, quantile } = q.fromBuckets
      bucketRates ??= client!.instantQuery(buckets, now).then((r) => r.samples)
      return fromBucketsOr(bucketRates, (rates) => quantilesOf(rates, quantile), ask)
    }
    const answers = await Promise.all(
      queries.map(async (q) => {
        const found = new Map<string, number[]>()
        if (!client) return { q, found, error: clientError }
        try {
          for (const sample of await answerOf(q)) {
            const s = match(sample.labels)
            if (s) found.set(s.name, [...(found.get(s.name) ?? []), sample.value])
          }
          return { q, found }
        } catch (err) {
          return { q, found, error: (err as Error).message }
        }
      })
    )
    const cov = await coverageRun
    const liveSeconds = Math.max(300, durationSeconds(ctx.config.freshness))
    for (const s of services) {
      const coverage =
        'rows' in cov
          ? coverageOf(cov.rows.get(s.name), {
              now,
              window,
              rule,
              query:
                cov.fineQuery && cov.young.has(s.name)
                  ? `${coverageQuery}\n# then the first sample inside the window:\n${cov.fineQuery}`
                  : coverageQuery,
              liveSeconds,
              countsRequests: selectors.some(isCounterSelector)
            })
          : undefined
      if (coverage) coverages.set(s.name, coverage)
      for (const { q, found, error } of answers) {
        const base = { metric: q.metric, ...(q.unit ? { unit: q.unit } : {}), query: q.query, measured_at: measuredAt }
        const vs = found.get(s.name) ?? []
        let v: BaselineValue
        if (error) v = { ...base, value: null, verdict: 'error', reason: error }
        else if (vs.length === 0) v = { ...base, value: null, verdict: 'fail', reason: `no data for this service in the last ${window}` }
        else if (vs.length > 1)
          v = {
            ...base,
            value: null,
            verdict: 'fail',
            reason: `${vs.length} series matched this service; the query must give one per service`
          }
        else if (!Number.isFinite(vs[0]!)) {
          v = {
            ...base,
            value: null,
            verdict: 'fail',
            reason: `value ${describeNumber(vs[0]!)}${q.metric === 'error_ratio' || q.metric.startsWith('latency_') ? ' (no requests in the window)' : ''}`
          }
        } else if (!coverage) {
          v = {
            ...base,
            value: null,
            window_value: vs[0]!,
            verdict: 'error',
            reason: `the range the data covers could not be measured (${'error' in cov ? cov.error : 'no answer'}), so the value cannot be shown undiluted`
          }
        } else {
          const raw = vs[0]!
          // A rate over the window is the covered range's rate diluted by the empty rest: undo that.
          const rescale = q.unit === 'requests/s' && overWindow(q.query, window) && coverage.seconds > 0 && coverage.seconds < windowSeconds
          const value = rescale ? (raw * windowSeconds) / coverage.seconds : raw
          const over = rescale
            ? `over the ${promDuration(coverage.seconds)} the data covers (the query over ${window} gives ${describeNumber(Number(raw.toPrecision(6)))})`
            : `over ${window}`
          v = coverage.sufficient
            ? { ...base, value, ...(rescale ? { window_value: raw } : {}), verdict: 'pass', reason: over }
            : {
                ...base,
                value,
                ...(rescale ? { window_value: raw } : {}),
                verdict: 'insufficient_data',
                reason: `insufficient data: ${describeCoverage(coverage)}; ${describeNumber(Number(value.toPrecision(6)))} ${over}`
              }
        }
        values.get(s.name)!.push(v)
      }
    }
  }

  const order = new Map(queries.map((q, i) => [q.metric, i]))
  const byService = services.map((s) => ({
    service: s.name,
    metrics: values.get(s.name)!.sort((a, b) => (order.get(a.metric) ?? 0) - (order.get(b.metric) ?? 0)),
    ...(coverages.has(s.name) ? { coverage: coverages.get(s.name)! } : {})
  }))
  const claims = await inPhase('claims', () =>
    checkClaims(ctx, services, byService, { client, groupBy, now, notVerifiedReason, bucketRates })
  )
  const result: BaselineMetrics = {
    schema_version: SCHEMA_VERSIONS.baselineMetrics,
    captured_at: measuredAt,
    window,
    environment: ctx.model.environment,
    services: byService,
    claims,
    requests: client?.requests ?? 0
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

interface Claim {
  source: string
  what: MetricClaimKind
  /** As written, in `unit`. */
  claimed: number
  unit: 'ms' | 's' | '%' | 'fraction' | 'rps'
  /** Set when the claim is about one service rather than the fleet. */
  service?: string
}

function claimFrom(
  source: string,
  what: MetricClaimKind | undefined,
  value: number,
  writtenUnit: string | undefined,
  service?: string
): Claim | undefined {
  if (!what || !Number.isFinite(value)) return undefined
  const u = (writtenUnit ?? '').trim().toLowerCase()
  const svc = service ? { service } : {}
  if (what.kind === 'latency') {
    const unit = /^(s|sec|secs|seconds?)$/.test(u) ? 's' : /^(ms|msec|millis|milliseconds?)$/.test(u) ? 'ms' : (what.unit ?? 'ms')
    return { source, what, claimed: value, unit, ...svc }
  }
  if (what.kind === 'error_rate') return { source, what, claimed: value, unit: u === '%' ? '%' : what.unit, ...svc }
  return { source, what, claimed: what.per === 'minute' ? value / 60 : value, unit: 'rps', ...svc }
}

/** Which claim a metrics_snapshot key makes. Latency in ms unless the name says seconds, error_rate in percent, error_ratio a fraction. */
function snapshotClaim(key: string, value: number): Claim | undefined {
  return claimFrom(`post-deployment-validation.json metrics_snapshot.${key}`, classifyMetricName(key), value, undefined)
}

/** Which claim a health-log metric row makes, from its name and unit; rows naming a service are about that service. */
function healthRowClaim(row: HealthMetricRow, services: ResolvedService[]): Claim | undefined {
  if (row.numeric_value === undefined) return undefined
  const parts = nameParts(row.name)
  const service = services.find((s) => {
    const want = nameParts(s.name)
    return want.length > 0 && parts.some((_, i) => want.every((w, j) => parts[i + j] === w))
  })?.name
  return claimFrom(
    `deployment-health-log.md metric "${row.name}"`,
    classifyMetricName(row.name, row.unit),
    row.numeric_value,
    row.unit,
    service
  )
}

/** A value measured for the service (pass, or measured over too little data). */
const measuredValue = (svc: { metrics: BaselineValue[] }, metric: string): BaselineValue | undefined => {
  const v = svc.metrics.find((m) => m.metric === metric)
  return v && (v.verdict === 'pass' || v.verdict === 'insufficient_data') && v.value !== null && Number.isFinite(v.value) ? v : undefined
}

type Measured = Array<{ service: string; metrics: BaselineValue[]; coverage?: DataCoverage }>

/** The coverage of several services together: the earliest start, the newest sample, all requests. */
function fleetCoverage(
  measured: Measured,
  rule: SufficiencyRule,
  now: Date,
  window: string,
  liveSeconds: number
): DataCoverage | undefined {
  const covs = measured.map((m) => m.coverage).filter((c): c is DataCoverage => !!c)
  if (covs.length === 0) return undefined
  const row: CoverageRow = {}
  for (const c of covs) {
    if (c.from) row.first = Math.min(row.first ?? Infinity, Date.parse(c.from) / 1000)
    if (c.to) row.newest = Math.max(row.newest ?? -Infinity, Date.parse(c.to) / 1000)
    if (typeof c.requests === 'number') row.events = (row.events ?? 0) + c.requests
  }
  const counts = covs.some((c) => c.requests !== undefined)
  return coverageOf(row, { now, window, rule, query: covs[0]!.query, liveSeconds, countsRequests: counts })
}

/** The services' values of the label the fleet quantile selects them by; undefined (every series) when one has none. */
function fleetValues(services: ResolvedService[], serviceLabel: string): Set<string> | undefined {
  const values = services.map((s) => selectorOf(s, serviceLabel)[serviceLabel])
  return values.length > 0 && values.every((v): v is string => v !== undefined) ? new Set(values) : undefined
}

/** The fleet quantile query: the histogram summed over the release's services, then the quantile; one query per quantile. */
export function fleetLatencyQuery(config: Config, services: ResolvedService[], serviceLabel: string, quantile: number): string {
  const window = config.baseline.window
  const override = config.baseline['latency-query']
  if (override) {
    const ungrouped = override
      .replace(/\$group\s*,\s*/g, '')
      .replace(/,\s*\$group/g, '')
      .replace(/\$group/g, '')
    return fill(ungrouped, { window, quantile: String(quantile) })
  }
  const values = fleetValues(services, serviceLabel)
  const matcher = values ? `{${serviceLabel}=~${exactRegex([...values])}}` : ''
  return `histogram_quantile(${quantile}, sum by (le) (rate(http_request_duration_seconds_bucket${matcher}[${window}])))`
}

/**
 * The fleet quantile from the services' bucket rates, as `fleetLatencyQuery` asks it: the buckets
 * of the release's services summed by `le` (of every service when one has no value of the label),
 * then the quantile; no sample when no bucket is theirs, as the query answers nothing then.
 */
export function fleetQuantileOf(
  rates: Array<Pick<VectorSample, 'labels' | 'value'>>,
  services: ResolvedService[],
  serviceLabel: string,
  quantile: number
): Array<{ labels: Record<string, string>; value: number }> {
  const only = fleetValues(services, serviceLabel)
  const byLe = new Map<string, number>()
  for (const r of rates) {
    const le = r.labels.le
    if (le === undefined || (only && !only.has(r.labels[serviceLabel] ?? ''))) continue
    byLe.set(le, (byLe.get(le) ?? 0) + r.value)
  }
  if (byLe.size === 0) return []
  return [
    {
      labels: {},
      value: histogramQuantile(
        quantile,
        [...byLe].map(([le, count]) => ({ le, count }))
      )
    }
  ]
}

/**
 * Check each claim against live values only: the observed value is always a measurement, never
 * the claim. Fleet-wide claims (the snapshot names no service):
 * - latency quantiles: the fleet quantile from the histogram summed over the services (a quantile
 *   of the whole cannot be read off the per-service quantiles);
 * - throughput: the sum of the services' request rates, each over the range its data covers;
 * - error rate: all errors over all requests (each service's ratio weighted by its traffic).
 */
async function checkClaims(
  ctx: RunContext,
  services: ResolvedService[],
  measured: Measured,
  io: { client?: PrometheusClient; groupBy: string[]; now: Date; notVerifiedReason?: string; bucketRates?: Promise<VectorSample[]> }
): Promise<ClaimCheck[]> {
  const claims: Claim[] = []
  for (const [k, v] of Object.entries(ctx.evidence.validation.metricsSnapshot)) {
    const c = snapshotClaim(k, v)
    if (c) claims.push(c)
  }
  for (const row of ctx.evidence.healthLog.metrics) {
    const c = healthRowClaim(row, services)
    if (c) claims.push(c)
  }
  const window = ctx.config.baseline.window
  const rule = sufficiencyRule(ctx.config, 'claims', durationSeconds(window))
  const liveSeconds = Math.max(300, durationSeconds(ctx.config.freshness))
  // One fleet query per claimed quantile, whatever the number of services.
  const fleetQuantiles = new Map<number, Promise<{ query: string; value?: number; error?: string }>>()
  const fleet = (quantile: number): Promise<{ query: string; value?: number; error?: string }> => {
    let p = fleetQuantiles.get(quantile)
    if (!p) {
      const query = fleetLatencyQuery(ctx.config, services, ctx.model.serviceLabel, quantile)
      p = (async () => {
        if (!io.client) return { query, error: io.notVerifiedReason ?? 'no Prometheus client' }
        try {
          const ask = (): Promise<VectorSample[]> => io.client!.instantQuery(query, io.now).then((r) => r.samples)
          // The default quantiles' bucket rates (set only without a latency-query) hold the fleet's.
          const r = {
            samples: io.bucketRates
              ? await fromBucketsOr(io.bucketRates, (rates) => fleetQuantileOf(rates, services, ctx.model.serviceLabel, quantile), ask)
              : await ask()
          }
          if (r.samples.length !== 1)
            return {
              query,
              error:
                r.samples.length === 0
                  ? 'the fleet quantile query returned no data'
                  : `the fleet quantile query returned ${r.samples.length} series, expected one`
            }
          return { query, value: r.samples[0]!.value }
        } catch (err) {
          return { query, error: (err as Error).message }
        }
      })()
      fleetQuantiles.set(quantile, p)
    }
    return p
  }
  const tolerance = ctx.config.baseline['claim-tolerance-percent']
  return Promise.all(
    claims.map(async (c) => {
      const scope = c.service ? measured.filter((m) => m.service === c.service) : measured
      const coverage = fleetCoverage(scope, rule, io.now, window, liveSeconds)
      const fleetValue = !c.service && c.what.kind === 'latency' ? await fleet(c.what.quantile) : undefined
      return judgeClaim(c, scope, { tolerance, coverage, fleet: fleetValue })
    })
  )
}

const fmt = (n: number): string => describeNumber(Number(n.toPrecision(4)))

function judgeClaim(
  c: Claim,
  measured: Measured,
  args: { tolerance: number; coverage?: DataCoverage; fleet?: { query: string; value?: number; error?: string } }
): ClaimCheck {
  const { tolerance, coverage } = args
  const scope = c.service ? c.service : measured.length === 1 ? measured[0]!.service : `${measured.length} services`
  const base = { source: c.source, claimed: c.claimed, tolerance_percent: tolerance, ...(coverage ? { coverage } : {}) }
  const cannot = (metric: string, query: string, against: string, why: string): ClaimCheck => ({
    ...base,
    metric,
    observed: null,
    checked_against: against,
    query,
    verdict: 'error',
    reason: `cannot check: ${why}`
  })
  /** The verdict once a live value is in hand: insufficient data decides before the comparison. */
  const decide = (
    metric: string,
    query: string,
    against: string,
    observed: number,
    within: boolean,
    said: string,
    live: string,
    off: string
  ): ClaimCheck => {
    const common = { ...base, metric, observed: Number(observed.toPrecision(6)), checked_against: against, query }
    if (coverage && !coverage.sufficient)
      return {
        ...common,
        verdict: 'insufficient_data',
        reason: `${said}; ${live}; insufficient data to judge: ${describeCoverage(coverage)}`
      }
    if (!coverage)
      return { ...common, verdict: 'error', reason: `${said}; ${live}; the range the data covers is unknown, so the claim is not judged` }
    return within
      ? { ...common, verdict: 'pass', reason: `${said}; ${live}: consistent within ${tolerance}%` }
      : { ...common, verdict: 'fail', reason: `${said}; ${live}: ${off}` }
  }
  const deviationOf = (claimed: number, observed: number): number =>
    observed === 0 ? (claimed === 0 ? 0 : Infinity) : (Math.abs(claimed - observed) / observed) * 100

  if (c.what.kind === 'latency') {
    const { label, quantile } = c.what
    const metric = `latency_${label}`
    const toMs = c.unit === 's' ? 1000 : 1
    const claimedMs = c.claimed * toMs
    const said = `the deploy said ${label} ${fmt(claimedMs)} ms`
    let observedMs: number
    let query: string
    let against: string
    let live: string
    if (args.fleet) {
      query = args.fleet.query
      against = `fleet ${label} from the histogram summed over ${scope}`
      if (args.fleet.value === undefined || !Number.isFinite(args.fleet.value))
        return cannot(
          metric,
          query,
          against,
          args.fleet.error ?? `fleet ${label} is ${describeNumber(args.fleet.value ?? NaN)} (no requests in the window)`
        )
      observedMs = args.fleet.value * 1000
      live = `Prometheus says fleet ${label} ${fmt(observedMs)} ms (histogram summed over ${scope})`
    } else {
      const v = measured[0] ? measuredValue(measured[0], metric) : undefined
      query = v?.query ?? '-'
      against = `${scope} ${label}`
      if (!LATENCY_QUANTILES.some((l) => Number(l.quantile) === quantile))
        return cannot(metric, query, against, `the baseline measures p50, p95 and p99 per service, not ${label}`)
      if (!v) return cannot(metric, query, against, `no live ${label} latency for ${scope}`)
      observedMs = v.value! * 1000
      live = `Prometheus says ${fmt(observedMs)} ms (${scope})`
    }
    const deviation = deviationOf(claimedMs, observedMs)
    return decide(
      metric,
      query,
      against,
      observedMs / toMs,
      deviation <= tolerance,
      said,
      live,
      `off by ${fmt(deviation)}%, more than ${tolerance}%`
    )
  }

  const rateOf = (m: Measured[number]): BaselineValue | undefined => measuredValue(m, 'request_rate')
  const rates = measured.map((m) => ({ m, rate: rateOf(m) })).filter((x): x is { m: Measured[number]; rate: BaselineValue } => !!x.rate)
  const rateQuery = rates[0]?.rate.query ?? measured[0]?.metrics.find((v) => v.metric === 'request_rate')?.query ?? '-'

  if (c.what.kind === 'error_rate') {
    let errors = 0
    let total = 0
    for (const { m, rate } of rates) {
      const ratio = measuredValue(m, 'error_ratio')
      total += rate.value!
      errors += ratio ? ratio.value! * rate.value! : 0
    }
    const ratioQuery = measured[0]?.metrics.find((v) => v.metric === 'error_ratio')?.query ?? '-'
    const query = `${ratioQuery} weighted by ${rateQuery}`
    const against = `errors over requests across ${scope}`
    if (!(total > 0)) return cannot('error_ratio', query, against, `no live traffic for ${scope}`)
    const observedFraction = errors / total
    const claimedFraction = c.unit === '%' ? c.claimed / 100 : c.claimed
    const deviation = deviationOf(claimedFraction, observedFraction)
    const within = Math.abs(claimedFraction - observedFraction) <= ERROR_RATE_ABSOLUTE_SLACK || deviation <= tolerance
    const reading = c.unit === '%' ? 'read as a percent' : 'read as a fraction'
    const said = `the deploy said error rate ${fmt(claimedFraction * 100)}% (${fmt(c.claimed)}, ${reading})`
    const live = `Prometheus says ${fmt(observedFraction * 100)}% (errors over requests across ${scope})`
    const observed = c.unit === '%' ? observedFraction * 100 : observedFraction
    return decide('error_ratio', query, against, observed, within, said, live, `off by ${fmt(deviation)}%, more than ${tolerance}%`)
  }

  const against = `request rate summed over ${scope}, each over the range its data covers`
  if (rates.length === 0) return cannot('request_rate', rateQuery, against, `no live request rate for ${scope}`)
  const observed = rates.reduce((a, r) => a + r.rate.value!, 0)
  const deviation = deviationOf(c.claimed, observed)
  const said = `the deploy said throughput ${fmt(c.claimed)} requests/s`
  const live = `Prometheus says ${fmt(observed)} requests/s (sum over ${scope})`
  return decide(
    'request_rate',
    rateQuery,
    against,
    observed,
    deviation <= tolerance,
    said,
    live,
    `off by ${fmt(deviation)}%, more than ${tolerance}%`
  )
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
export function compareWithPrevious(
  current: Array<{ service: string; metrics: BaselineValue[] }>,
  previous: BaselineMetrics,
  criteria: Criterion[]
): PreviousComparison[] {
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
        why.push(
          `${ratio === Infinity ? 'up from zero' : `${describeNumber(Number(ratio.toFixed(3)))}x`} is above the ${c['max-ratio']}x allowed`
        )
      }
      if (verdict === 'pass' && c['warn-increase-percent'] !== undefined && increase > c['warn-increase-percent']) {
        verdict = 'warn'
        why.push(`${rise} is above the ${c['warn-increase-percent']}% warning level`)
      }
      out.push({
        ...base,
        verdict,
        reason: `${shown}: ${why.length ? why.join('; ') : `${rise}, within ${criterion.replace(`${c.metric} `, '')}`}`
      })
    }
  }
  return out
}

/** A previous baseline is a few KiB; anything far bigger is not one. */
const PREVIOUS_BASELINE_MAX_BYTES = 16 * 1024 * 1024

/** Keys that version 1 of baseline-metrics.json wrote in camelCase, and their names since version 2. */
const BASELINE_V1_KEYS: Record<string, string> = {
  measuredAt: 'measured_at',
  windowValue: 'window_value',
  tolerancePercent: 'tolerance_percent'
}

/**
 * A baseline written before `schema_version` existed (version 1) read as the current version: its
 * camelCase keys renamed, nothing else changed. A previous release's package still compares.
 */
export function upgradeBaseline(data: unknown): unknown {
  if (!isObject(data) || data.schema_version !== undefined) return data
  const rename = (v: unknown): unknown =>
    isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [BASELINE_V1_KEYS[k] ?? k, x])) : v
  const services = Array.isArray(data.services)
    ? data.services.map((s) => (isObject(s) && Array.isArray(s.metrics) ? { ...s, metrics: s.metrics.map(rename) } : s))
    : data.services
  const claims = Array.isArray(data.claims) ? data.claims.map(rename) : data.claims
  return { schema_version: SCHEMA_VERSIONS.baselineMetrics, ...data, services, claims }
}

/** Read a previous release's `baseline-metrics.json` (config `baseline.previous.file`) and check it against the schema. */

export async function loadPreviousBaseline(file: string): Promise<BaselineMetrics> {
  let bytes: Buffer
  try {
    const st = await stat(file)
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: st.isDirectory() ? 'EISDIR' : 'ENOTFILE' })
    if (st.size > PREVIOUS_BASELINE_MAX_BYTES) throw Object.assign(new Error('too big'), { code: 'EFBIG' })
    bytes = await readFile(file)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new InputError({
      file,
      expected: 'a baseline-metrics.json from a previous run',
      found:
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EFBIG'
            ? `a file over ${PREVIOUS_BASELINE_MAX_BYTES} bytes`
            : `an unreadable file (${code ?? String(err)})`
    })
  }
  // Strict UTF-8, and a JSON error that says where, never what the file holds.
  const data = upgradeBaseline(parseJsonText(decodeUtf8(bytes, file), file, 'a baseline-metrics.json from a previous run'))
  const { errors } = validateAgainst(SCHEMA_FILES.baselineMetrics, data)
  if (errors.length > 0) {
    throw new InputError({
      file,
      field: errors[0]!.split(' ')[0],
      expected: `a document matching schemas/${SCHEMA_FILES.baselineMetrics}`,
      found: `${errors.length} problem(s): ${errors.slice(0, 3).join('; ')}`
    })
  }
  return data as BaselineMetrics
}
