import { MAX_QUERY_CHARS, requestsByShapeOrExcept, splitByValue, type ShapeRequest } from '../alerting/slo/group-by-label.js'
import { templateParse } from '../alerting/slo/promql.js'
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
import { errorText, smallerMayAnswer } from '../util/errors.js'
import type { VectorSample } from '../telemetry/vector.js'
import { durationSeconds } from '../util/duration.js'
import type { PrometheusFor } from './correlate-alerts.js'
import type { SloAttainment } from './types.js'
import type { PrometheusClient } from '../telemetry/prometheus/client.js'

/**
 * Attainment of each SLO over its window, from its good/total (or error/total) queries. One query
 * per SLO answers both the ratio and the range its data covers: a 30-day attainment from a minute
 * of data is `insufficient_data` (with how much data there was), never "met, 100% budget left".
 * `query` is the ratio; `coverage.query` the part that showed the range (sent together, joined by `or`).
 *
 * SLOs of one shape (a fleet's per-service copies: the same query but for the service's matcher)
 * are asked in one query grouped by the service label, a few requests for 500 SLOs. The others of
 * one backend are asked a batch of them to a request (each SLO's query tagged with its place,
 * joined by `or`): the backend evaluates every query as it would alone. A request the backend
 * refuses (one bad query) is asked again in smaller parts, so the refusal lands on the SLO it
 * belongs to.
 */
export async function sloAttainment(ctx: RunContext, prometheus: PrometheusFor): Promise<SloAttainment[]> {
  // One client per backend, whatever the number of SLOs.
  const clients = new Map<string | undefined, ReturnType<PrometheusFor>>()
  const clientFor: PrometheusFor = (backend) => {
    let c = clients.get(backend)
    if (!c) clients.set(backend, (c = prometheus(backend)))
    return c
  }
  const plans = await Promise.all(ctx.model.slos.map((slo) => plan(ctx, clientFor, slo)))
  const out = new Array<SloAttainment>(plans.length)
  const byBackend = new Map<string, Array<{ at: number; p: Planned }>>()
  plans.forEach((p, at) => {
    if ('done' in p) out[at] = p.done
    else {
      let list = byBackend.get(p.prom.name)
      if (!list) byBackend.set(p.prom.name, (list = []))
      list.push({ at, p })
    }
  })
  const shaped: Array<ShapeRequest<{ at: number; p: Planned }>> = []
  const rest: Array<{ at: number; p: Planned }> = []
  for (const list of byBackend.values()) {
    // More SLOs of a shape than one query can list: one query all the same, excluding the values no SLO has.
    const now = ctx.now()
    const r = await requestsByShapeOrExcept(list, {
      queryOf: (x) => (x.p.alone ? undefined : x.p.query),
      maxChars: MAX_QUERY_CHARS,
      valuesOf: (label, selectors, firsts) =>
        firsts[0]!.p.prom.labelValues(
          label,
          selectors,
          new Date(now.getTime() - Math.max(...firsts.map((x) => x.p.windowSeconds)) * 1000),
          now
        )
    })
    shaped.push(...r.shaped)
    rest.push(...r.alone)
  }
  const store = (batch: Array<{ at: number }>, results: SloAttainment[]): void => batch.forEach((b, k) => (out[b.at] = results[k]!))
  // The one bound per backend (util/http.ts, limits.backend-concurrency) queues the requests.
  await Promise.all([
    ...shaped.map(async (req) =>
      store(
        req.members.map((m) => m.item),
        await runShaped(ctx, req)
      )
    ),
    ...batchesOf(rest).map(async (batch) =>
      store(
        batch,
        await runBatch(
          ctx,
          batch.map((b) => b.p)
        )
      )
    )
  ])
  return out
}

/**
 * SLOs of one shape asked in one query, each answer series carrying its SLO's service (see
 * group-by-label.ts). Refused (400/422) or over the response cap, they are asked again in batches,
 * so the refusal lands on the SLO it belongs to.
 */
async function runShaped(ctx: RunContext, req: ShapeRequest<{ p: Planned }>): Promise<SloAttainment[]> {
  const { members } = req
  try {
    const r = await members[0]!.item.p.prom.instantQuery(req.query, ctx.now())
    const byValue = splitByValue(r.samples, req)
    const asked = `; asked with ${members.length - 1} other SLO(s) of the same shape in one query by ${req.labels.join(', ')}${req.except ? ' (every value the backend holds but those no SLO has)' : ''}`
    return members.map((m) => {
      const judged = judge(ctx, m.item.p, byValue.get(m.value) ?? [])
      return { ...judged, detail: judged.detail + asked }
    })
  } catch (err) {
    if (smallerMayAnswer(err)) {
      const out: SloAttainment[] = []
      for (const batch of batchesOf(members.map((m) => m.item)))
        out.push(
          ...(await runBatch(
            ctx,
            batch.map((b) => b.p)
          ))
        )
      return out
    }
    return members.map((m) => failed(m.item.p, err))
  }
}

/**
 * Prometheus takes longer for a batch than for its queries one by one past a few of them (14
 * SLOs: 133 ms against 23 ms): three to a request saves the round trips without that.
 */
const BATCH_MAX_SLOS = 3
const SLO_LABEL = 'sre_slo'

interface Planned {
  slo: SloConfig
  base: Pick<SloAttainment, 'slo' | 'service' | 'objective' | 'window' | 'query'>
  query: string
  coverageQuery?: string
  selectors: string[]
  windowSeconds: number
  prom: PrometheusClient
  /**
   * Asked in a request of its own: a query that is not one complete expression (an unbalanced
   * parenthesis) could close its batch's wrapper and answer for the SLOs beside it.
   */
  alone: boolean
}

function batchesOf<T extends { p: Planned }>(list: T[]): T[][] {
  const out: T[][] = []
  let cur: T[] = []
  let chars = 0
  for (const x of list) {
    if (x.p.alone) {
      out.push([x])
      continue
    }
    if (cur.length && (chars + x.p.query.length > MAX_QUERY_CHARS || cur.length >= BATCH_MAX_SLOS)) {
      out.push(cur)
      cur = []
      chars = 0
    }
    cur.push(x)
    chars += x.p.query.length + 40
  }
  if (cur.length) out.push(cur)
  return out
}

async function runBatch(ctx: RunContext, batch: Planned[]): Promise<SloAttainment[]> {
  const single = (p: Planned): Promise<SloAttainment> =>
    p.prom.instantQuery(p.query, ctx.now()).then(
      (r) => judge(ctx, p, r.samples),
      (err: unknown) => failed(p, err)
    )
  if (batch.length === 1) return [await single(batch[0]!)]
  const query = batch.map((p, k) => `label_replace(${p.query}, "${SLO_LABEL}", "${k}", "", "")`).join('\nor\n')
  try {
    const r = await batch[0]!.prom.instantQuery(query, ctx.now())
    const parts = batch.map((): VectorSample[] => [])
    for (const s of r.samples) parts[Number(s.labels[SLO_LABEL])]?.push(s)
    return batch.map((p, k) => judge(ctx, p, parts[k]!))
  } catch (err) {
    // A refused query (bad_data, too many samples) or an answer over the cap: find the SLO it belongs to, one at a time.
    if (smallerMayAnswer(err)) {
      const out: SloAttainment[] = []
      for (const p of batch) out.push(await single(p))
      return out
    }
    return batch.map((p) => failed(p, err))
  }
}

const failed = (p: Planned, err: unknown): SloAttainment => ({
  ...p.base,
  attainment: null,
  budget_remaining_percent: null,
  status: 'error',
  detail: errorText(err)
})

async function plan(ctx: RunContext, prometheus: PrometheusFor, slo: SloConfig): Promise<Planned | { done: SloAttainment }> {
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
  const notVerified = (detail: string): { done: SloAttainment } => ({
    done: { ...base, attainment: null, budget_remaining_percent: null, status: 'not_verified', detail }
  })
  if (!ratio) return notVerified('the SLO has no good/total or error/total query')
  const prom = await prometheus(slo.backend)
  if (!prom) return notVerified('no Prometheus backend configured')
  const windowSeconds = durationSeconds(window)
  const selectors = selectorsOf(sub(total!))
  const coverageQuery = selectors.length ? coverageExpression(selectors, windowSeconds, []) : undefined
  const query = coverageQuery ? `label_replace(${ratio}, "${PART_LABEL}", "value", "", "")\nor\n${coverageQuery}` : ratio
  return { slo, base, query, coverageQuery, selectors, windowSeconds, prom, alone: !isOneExpression(query) }
}

/**
 * Whether the grammar reads the query as one complete expression (no syntax error, no open
 * string). Read from its template: a string's content never makes a syntax error, and the SLOs of
 * a fleet differ only in their strings, so they share one parse.
 */
const isOneExpression = (query: string): boolean => {
  const read = templateParse(query)
  return read !== undefined && read.parsed.error === undefined
}

/** The attainment an SLO's answer shows, with the range its data covers. */
function judge(ctx: RunContext, p: Planned, samples: VectorSample[]): SloAttainment {
  const { slo, base, coverageQuery, selectors, windowSeconds } = p
  const window = slo.window
  const values = samples.filter((s) => !coverageQuery || s.labels[PART_LABEL] === 'value')
  const row: CoverageRow = {}
  for (const s of samples) if (s.labels[PART_LABEL] !== 'value') addCoverageSample(row, s.labels[PART_LABEL], s.value)
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
}
