import { BackendError } from '../../util/errors.js'
import { backendErrorFor, judgeGrouped, type ServiceRow } from '../judge.js'
import type { ProviderContext, ServiceMeasurement, SignalRequest, TelemetryProvider } from '../provider.js'
import { groupingLabels, promDuration, serviceMatcher } from '../vector.js'
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
 * One PromQL query that answers, for every service at once, the value (sum of the template's
 * series), the newest sample time, and the number of series. `timestamp()` of a plain selector is
 * the sample's own time; the subquery carries it across the lookback so a stopped series still
 * shows when it stopped. The subquery step stays under Prometheus' 5-minute lookback delta so no
 * sample falls between steps.
 */
export function coverageQuery(template: string, groupBy: string[], freshnessSeconds: number): string {
  const by = groupBy.join(', ')
  const lookback = promDuration(coverageLookbackSeconds(freshnessSeconds))
  const step = promDuration(Math.max(15, Math.min(60, freshnessSeconds / 5)))
  const q = `(${template})`
  const part = (expr: string, name: string): string => `label_replace(${expr}, "${MEASURE_LABEL}", "${name}", "", "")`
  return [
    part(`sum by (${by}) (${q})`, 'value'),
    part(`max by (${by}) (timestamp(${q}))`, 'newest'),
    part(`max by (${by}) (max_over_time(timestamp(${q})[${lookback}:${step}]))`, 'newest_lookback'),
    // Subquery steps sit on multiples of the step, so the newest samples join in from the instant.
    part(`count by (${by}) (max_over_time(${q}[${lookback}:${step}]) or ${q} * 1)`, 'series')
  ].join('\nor\n')
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
    return judgeGrouped({
      services: req.services,
      rows,
      request,
      startedAt,
      finishedAt,
      now: req.now,
      freshnessSeconds: req.freshnessSeconds,
      lookbackSeconds: coverageLookbackSeconds(req.freshnessSeconds)
    })
  }
}
