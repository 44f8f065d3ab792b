import type { SloConfig } from '../config/schema.js'
import type { RunContext } from '../model/monitoring-model.js'
import {
  addCoverageSample,
  coverageExpression,
  coverageOf,
  describeCoverage,
  isCounterSelector,
  PART_LABEL,
  selectorsOf,
  sufficiencyRule,
  type CoverageRow
} from '../telemetry/coverage.js'
import { errorText } from '../util/errors.js'
import { httpLimits } from '../util/http.js'
import { mapLimit } from '../telemetry/vector.js'
import { durationSeconds } from '../util/duration.js'
import type { PrometheusFor } from './correlate-alerts.js'
import type { SloAttainment } from './types.js'

/**
 * Attainment of each SLO over its window, from its good/total (or error/total) queries. One query
 * per SLO answers both the ratio and the range its data covers: a 30-day attainment from a minute
 * of data is `insufficient_data` (with how much data there was), never "met, 100% budget left".
 * `query` is the ratio; `coverage.query` the part that showed the range (sent together, joined by `or`).
 */
export async function sloAttainment(ctx: RunContext, prometheus: PrometheusFor): Promise<SloAttainment[]> {
  // As many at once as the backend takes (limits.backend-concurrency); the order is the SLOs'.
  return mapLimit(ctx.model.slos, httpLimits().backendConcurrency, (slo) => attainmentOf(ctx, prometheus, slo))
}

async function attainmentOf(ctx: RunContext, prometheus: PrometheusFor, slo: SloConfig): Promise<SloAttainment> {
  const window = slo.window
  const sub = (q: string): string => q.replace(/\$window/g, window)
  const total = slo['total-query']
  const ratio =
    total && slo['good-query']
      ? `(${sub(slo['good-query'])}) / (${sub(total)})`
      : total && slo['error-query']
        ? `1 - (${sub(slo['error-query'])}) / (${sub(total)})`
        : undefined
  const base = { slo: slo.name, service: slo.service, objective: slo.objective, window, query: ratio ?? '-' }
  if (!ratio) {
    return {
      ...base,
      attainment: null,
      budget_remaining_percent: null,
      status: 'not_verified',
      detail: 'the SLO has no good/total or error/total query'
    }
  }
  const prom = await prometheus(slo.backend)
  if (!prom) {
    return {
      ...base,
      attainment: null,
      budget_remaining_percent: null,
      status: 'not_verified',
      detail: 'no Prometheus backend configured'
    }
  }
  const windowSeconds = durationSeconds(window)
  const selectors = selectorsOf(sub(total!))
  const coverageQuery = selectors.length ? coverageExpression(selectors, windowSeconds, []) : undefined
  const query = coverageQuery ? `label_replace(${ratio}, "${PART_LABEL}", "value", "", "")\nor\n${coverageQuery}` : ratio
  try {
    const r = await prom.instantQuery(query, ctx.now())
    const values = r.samples.filter((s) => !coverageQuery || s.labels[PART_LABEL] === 'value')
    const row: CoverageRow = {}
    for (const s of r.samples) if (s.labels[PART_LABEL] !== 'value') addCoverageSample(row, s.labels[PART_LABEL], s.value)
    const rule = sufficiencyRule(ctx.config, 'slo-attainment', windowSeconds)
    const coverage = coverageOf(row.first === undefined ? undefined : row, {
      now: ctx.now(),
      window,
      rule,
      query: coverageQuery ?? '-',
      liveSeconds: Math.max(300, durationSeconds(ctx.config.freshness)),
      countsRequests: selectors.some(isCounterSelector)
    })
    const withCoverage = { ...base, coverage: { ...coverage, informational: rule.informational } }
    const v = values.length === 1 ? values[0]!.value : NaN
    if (!Number.isFinite(v)) {
      const why = values.length === 0 ? 'empty result' : values.length > 1 ? `${values.length} series, expected one` : `value ${v}`
      if (!coverage.sufficient) {
        return {
          ...withCoverage,
          attainment: null,
          budget_remaining_percent: null,
          status: 'insufficient_data',
          detail: `insufficient data: ${describeCoverage(coverage)} (${why})`
        }
      }
      return { ...withCoverage, attainment: null, budget_remaining_percent: null, status: 'error', detail: why }
    }
    const budget = 1 - slo.objective / 100
    const spent = budget > 0 ? (1 - v) / budget : 0
    const budgetLeft = Math.round((1 - spent) * 10000) / 100
    if (!coverage.sufficient) {
      // Measured, but over too little of the window to say met or breached, or what budget is left.
      return {
        ...withCoverage,
        attainment: null,
        budget_remaining_percent: null,
        covered_attainment: v,
        status: 'insufficient_data',
        detail: `insufficient data: ${describeCoverage(coverage)}; over that range the ratio is ${Math.round(v * 1e6) / 1e4}%`
      }
    }
    return {
      ...withCoverage,
      attainment: v,
      budget_remaining_percent: budgetLeft,
      status: v * 100 >= slo.objective ? 'met' : 'breached',
      detail: `at ${ctx.now().toISOString()}, over ${describeCoverage(coverage)}`
    }
  } catch (err) {
    return { ...base, attainment: null, budget_remaining_percent: null, status: 'error', detail: errorText(err) }
  }
}
