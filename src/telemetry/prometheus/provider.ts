import { BackendError } from '../../util/errors.js'
import { backendErrorFor, judgeGrouped, type ServiceRow } from '../judge.js'
import type { ProviderContext, ServiceMeasurement, SignalRequest, TelemetryProvider } from '../provider.js'
import { groupingLabels, promDuration, serviceMatcher } from '../vector.js'
import { parser } from '@prometheus-io/lezer-promql'
import { PrometheusClient } from './client.js'

/** Label that tells the parts of the combined coverage query apart. */
export const MEASURE_LABEL = 'sre_measure'

/**
 * How far back the audit looks for a series' newest sample. Prometheus' instant queries see only
 * the last 5 minutes (its lookback delta), which would make a series that stopped 20 minutes ago
 * look like one that never existed: the lookback must be well beyond the freshness window.
 */
export function coverageLookbackSeconds(freshnessSeconds: number): number {
  return Math.max(3600, 6 * freshnessSeconds)
}

/**
 * The template when it is one series selector (`up`, `x{job="a"}`, in parentheses or not): range
 * functions can then read its raw samples directly, without a subquery over every series.
 */
export function plainSelector(template: string): string | undefined {
  const tree = parser.parse(template)
  let broken = false
  tree.iterate({ enter: (n) => void (n.type.isError && (broken = true)) })
  if (broken) return undefined
  let n = tree.topNode.firstChild
  while (n?.name === 'ParenExpr') {
    let inner = n.firstChild
    while (inner && (inner.name === '(' || inner.name === ')')) inner = inner.nextSibling
    n = inner
  }
  // `x @ 123`, `x offset 5m` and `x[5m]` are other nodes: only the selector itself qualifies.
  return n?.name === 'VectorSelector' && !n.nextSibling ? template.slice(n.from, n.to).trim() : undefined
}

/**
 * One PromQL query that answers, for every service at once, the value (sum of the template's
 * series), the newest sample time, and the number of series in the lookback. `timestamp()` of a
 * plain selector is the sample's own time. For a plain selector the series are counted from the
 * raw samples of the lookback (`last_over_time`), and the newest time of a service with no live
 * sample is a second query asked only when such a service exists (`newestLookbackQuery`): a
 * subquery over every series at every step costs the backend seconds at fleet size. For any other
 * expression the subquery carries both across the lookback in the same query. The subquery step
 * stays under Prometheus' 5-minute lookback delta so no sample falls between steps.
 */
export function coverageQuery(template: string, groupBy: string[], freshnessSeconds: number): string {
  const by = groupBy.join(', ')
  const lookback = promDuration(coverageLookbackSeconds(freshnessSeconds))
  const q = `(${template})`
  const part = (expr: string, name: string): string => `label_replace(${expr}, "${MEASURE_LABEL}", "${name}", "", "")`
  const selector = plainSelector(template)
  if (selector)
    return [
      part(`sum by (${by}) (${q})`, 'value'),
      part(`max by (${by}) (timestamp(${q}))`, 'newest'),
      part(`count by (${by}) (last_over_time(${selector}[${lookback}]))`, 'series')
    ].join('\nor\n')
  return [
    part(`sum by (${by}) (${q})`, 'value'),
    part(`max by (${by}) (timestamp(${q}))`, 'newest'),
    part(newestLookbackExpression(template, by, freshnessSeconds), 'newest_lookback'),
    // Subquery steps sit on multiples of the step, so the newest samples join in from the instant.
    part(`count by (${by}) (max_over_time(${q}[${lookback}:${lookbackStep(freshnessSeconds)}]) or ${q} * 1)`, 'series')
  ].join('\nor\n')
}

const lookbackStep = (freshnessSeconds: number): string => promDuration(Math.max(15, Math.min(60, freshnessSeconds / 5)))

function newestLookbackExpression(template: string, by: string, freshnessSeconds: number): string {
  const lookback = promDuration(coverageLookbackSeconds(freshnessSeconds))
  return `max by (${by}) (max_over_time(timestamp((${template}))[${lookback}:${lookbackStep(freshnessSeconds)}]))`
}

/** The newest sample time per service across the lookback, asked only when some service has series but no live sample. */
export function newestLookbackQuery(template: string, groupBy: string[], freshnessSeconds: number): string | undefined {
  return plainSelector(template) ? newestLookbackExpression(template, groupBy.join(', '), freshnessSeconds) : undefined
}

export class PrometheusProvider implements TelemetryProvider {
  readonly type = 'prometheus' as const
  readonly client: PrometheusClient

  constructor(ctx: ProviderContext, opts: { backoffMs?: number } = {}) {
    this.client = new PrometheusClient(ctx.name, ctx.config, ctx.env, ctx.log, opts)
  }

  get backend(): string {
    return this.client.name
  }

  get requests(): number {
    return this.client.requests
  }

  async measure(req: SignalRequest): Promise<ServiceMeasurement[]> {
    if (req.check.kind !== 'promql') throw new Error(`the prometheus provider runs promql checks, not ${req.check.kind}`)
    const groupBy = groupingLabels(req.services, req.serviceLabel)
    const query = coverageQuery(req.check.query, groupBy, req.freshnessSeconds)
    const request = this.client.http.describe('POST', '/api/v1/query', query)
    const startedAt = new Date().toISOString()
    let samples
    try {
      const result = await this.client.instantQuery(query, req.now)
      if (result.resultType !== 'vector')
        throw new BackendError(this.backend, request.url, 'answered a scalar where a vector grouped by service was expected')
      samples = result.samples
    } catch (err) {
      return backendErrorFor(req.services, request, startedAt, err)
    }
    const finishedAt = new Date().toISOString()
    const match = serviceMatcher(req.services, req.serviceLabel)
    const rows = new Map<string, ServiceRow>()
    const newestNow = new Map<string, number>()
    for (const s of samples) {
      const service = match(s.labels)
      if (!service) continue
      const row = rows.get(service.name) ?? { values: [] }
      rows.set(service.name, row)
      switch (s.labels[MEASURE_LABEL]) {
        case 'value':
          row.values.push(s.value)
          break
        case 'newest':
          if (Number.isFinite(s.value)) newestNow.set(service.name, Math.max(newestNow.get(service.name) ?? -Infinity, s.value))
          break
        case 'newest_lookback':
          if (Number.isFinite(s.value)) row.newest = Math.max(row.newest ?? -Infinity, s.value)
          break
        case 'series':
          row.series = (row.series ?? 0) + s.value
          break
      }
    }
    // The instant timestamp is exact; the subquery's is aligned to its step, so prefer the former.
    for (const [name, t] of newestNow) {
      const row = rows.get(name)
      if (row) row.newest = Math.max(t, row.newest ?? -Infinity)
    }
    // A service with series in the lookback but no live sample stopped: when it stopped is asked apart.
    const stopped = req.services.filter((s) => {
      const row = rows.get(s.name)
      return row !== undefined && row.values.length === 0 && row.newest === undefined && (row.series ?? 0) > 0
    })
    const lookbackQuery = stopped.length ? newestLookbackQuery(req.check.query, groupBy, req.freshnessSeconds) : undefined
    let failed: ServiceMeasurement[] = []
    if (lookbackQuery) {
      const lookbackRequest = this.client.http.describe('POST', '/api/v1/query', lookbackQuery)
      try {
        for (const s of (await this.client.instantQuery(lookbackQuery, req.now)).samples) {
          const row = rows.get(match(s.labels)?.name ?? '')
          if (row && row.values.length === 0 && Number.isFinite(s.value)) row.newest = Math.max(row.newest ?? -Infinity, s.value)
        }
      } catch (err) {
        failed = backendErrorFor(stopped, lookbackRequest, startedAt, err)
      }
    }
    const judged = judgeGrouped({
      services: req.services,
      rows,
      request,
      lookbackQuery,
      startedAt,
      finishedAt,
      now: req.now,
      freshnessSeconds: req.freshnessSeconds,
      lookbackSeconds: coverageLookbackSeconds(req.freshnessSeconds)
    })
    if (failed.length === 0) return judged
    const byName = new Map(failed.map((m) => [m.service, m]))
    return judged.map((m) => byName.get(m.service) ?? m)
  }
}
