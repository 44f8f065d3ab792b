import { backendErrorFor, judgeGrouped, type ServiceRow } from '../judge.js'
import type { ProviderContext, ServiceMeasurement, SignalRequest, TelemetryProvider } from '../provider.js'
import { promDuration, serviceMatcher } from '../vector.js'
import { LokiClient } from './client.js'

/** Placeholder in LogQL templates for the freshness window, e.g. `count_over_time({app="x"}[$freshness])`. */
export const FRESHNESS_PLACEHOLDER = '$freshness'

/**
 * LogQL checks. LogQL has no `timestamp()`, so freshness comes from the window: a template that
 * counts lines over `[$freshness]` shows data newer than the freshness window when its count is
 * above zero. The template must group by the service label (`sum by (service) (...)`), so one
 * query covers every service.
 */
export class LokiProvider implements TelemetryProvider {
  readonly type = 'loki' as const
  readonly client: LokiClient

  constructor(ctx: ProviderContext, opts: { backoffMs?: number } = {}) {
    this.client = new LokiClient(ctx.name, ctx.config, ctx.env, ctx.log, opts)
  }

  get backend(): string {
    return this.client.name
  }

  get requests(): number {
    return this.client.requests
  }

  async measure(req: SignalRequest): Promise<ServiceMeasurement[]> {
    if (req.check.kind !== 'logql') throw new Error(`the loki provider runs logql checks, not ${req.check.kind}`)
    const windowed = req.check.query.includes(FRESHNESS_PLACEHOLDER)
    const query = req.check.query.split(FRESHNESS_PLACEHOLDER).join(promDuration(req.freshnessSeconds))
    const request = this.client.http.describe('GET', '/loki/api/v1/query', query)
    const startedAt = new Date().toISOString()
    let samples
    try {
      samples = (await this.client.instantQuery(query, req.now)).samples
    } catch (err) {
      return backendErrorFor(req.services, request, startedAt, err)
    }
    const finishedAt = new Date().toISOString()
    const match = serviceMatcher(req.services, req.serviceLabel)
    const rows = new Map<string, ServiceRow>()
    for (const s of samples) {
      const service = match(s.labels)
      if (!service) continue
      const row = rows.get(service.name) ?? { values: [], series: 0 }
      row.values.push(s.value)
      row.series = (row.series ?? 0) + 1
      rows.set(service.name, row)
    }
    const judged = judgeGrouped({
      services: req.services,
      rows,
      request,
      startedAt,
      finishedAt,
      now: req.now,
      freshnessSeconds: req.freshnessSeconds,
      lookbackSeconds: req.freshnessSeconds,
      requirePositive: true,
      freshByWindow: true
    })
    if (!windowed) {
      // Without the placeholder the query's own range decides what "recent" means; say so.
      for (const m of judged)
        if (m.measurement.verdict === 'pass')
          m.measurement.reason += " (freshness taken from the query's own range; use [$freshness] to tie it to the freshness window)"
    }
    return judged
  }
}
