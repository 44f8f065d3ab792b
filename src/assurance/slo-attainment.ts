import type { RunContext } from '../model/monitoring-model.js'
import { errorText } from '../util/errors.js'
import type { PrometheusFor } from './correlate-alerts.js'
import type { SloAttainment } from './types.js'

/** Attainment of each SLO over its window, from its good/total (or error/total) queries. */
export async function sloAttainment(ctx: RunContext, prometheus: PrometheusFor): Promise<SloAttainment[]> {
  const out: SloAttainment[] = []
  for (const slo of ctx.model.slos) {
    const window = slo.window
    const sub = (q: string): string => q.replace(/\$window/g, window)
    const total = slo['total-query']
    const ratio = total && slo['good-query']
      ? `(${sub(slo['good-query'])}) / (${sub(total)})`
      : total && slo['error-query']
        ? `1 - (${sub(slo['error-query'])}) / (${sub(total)})`
        : undefined
    const base = { slo: slo.name, service: slo.service, objective: slo.objective, window, query: ratio ?? '-' }
    if (!ratio) {
      out.push({ ...base, attainment: null, budget_remaining_percent: null, status: 'not_verified', detail: 'the SLO has no good/total or error/total query' })
      continue
    }
    const prom = await prometheus(slo.backend)
    if (!prom) {
      out.push({ ...base, attainment: null, budget_remaining_percent: null, status: 'not_verified', detail: 'no Prometheus backend configured' })
      continue
    }
    try {
      const r = await prom.instantQuery(ratio, ctx.now())
      const v = r.samples.length === 1 ? r.samples[0]!.value : NaN
      if (!Number.isFinite(v)) {
        out.push({ ...base, attainment: null, budget_remaining_percent: null, status: 'error', detail: r.samples.length === 0 ? 'empty result' : r.samples.length > 1 ? `${r.samples.length} series, expected one` : `value ${v}` })
        continue
      }
      const budget = 1 - slo.objective / 100
      const spent = budget > 0 ? (1 - v) / budget : 0
      out.push({
        ...base,
        attainment: v,
        budget_remaining_percent: Math.round((1 - spent) * 10000) / 100,
        status: v * 100 >= slo.objective ? 'met' : 'breached',
        detail: `at ${ctx.now().toISOString()}`
      })
    } catch (err) {
      out.push({ ...base, attainment: null, budget_remaining_percent: null, status: 'error', detail: errorText(err) })
    }
  }
  return out
}

