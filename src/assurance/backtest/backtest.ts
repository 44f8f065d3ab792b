/**
 * Backtest the alert rules in force over the incident lookback (alert-backtest.json): one
 * query_range per rule at its group's evaluation interval, bounded to the data that exists,
 * joined with the incidents and compared with ALERTS. Requests: the rules API, one data-coverage
 * query, one ALERTS query and one query per rule, or per shape of rules (a fleet's per-service
 * copies asked by service), whatever the number of services.
 */
import type { SloAlignment } from '../../alerting/types.js'
import type { RunContext } from '../../model/monitoring-model.js'
import type { RangeSeries } from '../../telemetry/prometheus/client.js'
import { rulesInForce } from '../../telemetry/prometheus/rules-in-force.js'
import { MAX_QUERY_CHARS, requestsByShapeOrExcept, splitByValue } from '../../alerting/slo/group-by-label.js'
import { errorText, smallerMayAnswer } from '../../util/errors.js'
import { httpLimits } from '../../util/http.js'
import { durationSeconds } from '../../util/duration.js'
import type { DataSourceStatus, Incident } from '../types.js'
import type { PrometheusFor } from '../correlate-alerts.js'
import { dataCoverageQuery, dataSpans } from './data-coverage.js'
import { compareWithHistory, evaluateRule, historySpans, round } from './evaluate.js'
import { absentOf, burnSignal, equalityValues, expandRecordings, metricNames, type Expansion, type RecordingDefinition } from './promql.js'
import { alertsInForce, rulesFromApi, rulesFromFiles, type AlertInForce, type RuleSourceStatus, type TimedRule } from './rules.js'
import type { AlertBacktest, Coverage, RuleBacktest } from '../../artifacts/contracts/alert-backtest.js'
import { FILES } from '../../artifacts/files.js'

export const BACKTEST_FILE = FILES.alertBacktest
/** Prometheus refuses a range query of more than 11000 points per series. */
const MAX_POINTS = 11000
/** Rules read at most, and rule queries made at most; the rest are listed as not evaluated. */
const MAX_RULES = 5000
const MAX_RULE_QUERIES = 1000
/** Rule queries in flight at once. */
const RULE_CONCURRENCY = 4
/**
 * What fired, one point per step that holds a sample of its own: a step with none is the 5-minute
 * lookback repeating the last one (history without staleness markers, such as backfilled or
 * federated series), not a firing. `count_over_time` over the step reads each sample once, where
 * `timestamp()` is evaluated step by step (12.8 s against 0.9 s for 1,500 series over 7 days).
 * The range is a millisecond short of the step so that a sample on a step boundary counts once
 * on a backend whose ranges include their start (Prometheus 2).
 */
const historyQuery = (stepSeconds: number): string =>
  `count_over_time(ALERTS{alertstate="firing", synthetic!="true"}[${stepSeconds * 1000 - 1}ms])`

const iso = (s: number): string => new Date(Math.round(s * 1000)).toISOString()

function coverage(from: number | null, to: number | null, lookback: number): Coverage {
  const covered = from !== null && to !== null && to > from ? to - from : 0
  return {
    from: from === null ? null : iso(from),
    to: to === null ? null : iso(to),
    covered_seconds: Math.round(covered),
    lookback_seconds: Math.round(lookback),
    fraction: lookback > 0 ? round(covered / lookback) : 0
  }
}

export function emptyBacktest(now: Date, lookback: string, status: 'not_run' | 'error', detail: string): AlertBacktest {
  const seconds = (() => {
    try {
      return durationSeconds(lookback)
    } catch {
      return 0
    }
  })()
  return {
    generated_at: now.toISOString(),
    lookback,
    from: new Date(now.getTime() - seconds * 1000).toISOString(),
    to: now.toISOString(),
    status,
    detail,
    rules_backend: null,
    rule_sources: [],
    incident_sources: [],
    data: { query: null, step_seconds: null, coverage: coverage(null, null, seconds), metrics: [] },
    history: { query: null, status: 'not_run', series: 0, detail },
    requests: { rules_api: 0, data_coverage: 0, alerts_history: 0, rule_queries: 0, label_values: 0, total: 0, rules_evaluated: 0 },
    rules: [],
    summary: {
      rules: 0,
      evaluated: 0,
      true_positives: 0,
      false_positives: 0,
      precision: null,
      incidents: 0,
      detected: 0,
      recall: null,
      mean_detection_seconds: null,
      disagreements: [],
      proposals: 0
    }
  }
}

/**
 * What `absent(selector)` answers over a range, from the selector's count over the same range:
 * 1 at each evaluation step where the count has no sample, with the selector's equality labels.
 */
export function absentSteps(counted: RangeSeries[], from: number, to: number, step: number, labels: Record<string, string>): RangeSeries[] {
  const seen = new Set<number>()
  for (const s of counted) for (const [t] of s.values) seen.add(Math.round((t - from) / step))
  const values: Array<[number, number]> = []
  for (let k = 0; from + k * step <= to; k++) if (!seen.has(k)) values.push([from + k * step, 1])
  return values.length ? [{ labels: { ...labels }, values }] : []
}

/** A step no finer than the interval, fitting Prometheus's point limit, as a multiple of the interval. */
function stepFor(interval: number, span: number): number {
  const points = span / interval + 1
  return points <= MAX_POINTS ? interval : Math.ceil(span / (MAX_POINTS - 1) / interval) * interval
}

/** The longest range or subquery window in the expression (5m at least): how long a firing may outlast its cause. */
function longestRange(expr: string): number {
  let longest = 300
  for (const m of expr.matchAll(/\[\s*(\d+(?:\.\d+)?(?:ms|s|m|h|d|w))\s*(?::[^\]]*)?\]/g)) {
    try {
      longest = Math.max(longest, durationSeconds(m[1]!))
    } catch {
      // A compound duration (1h30m): the 5m floor stands for it.
    }
  }
  return longest
}

export interface BacktestInput {
  ctx: RunContext
  prometheus: PrometheusFor
  /** Promises let the rules' queries start while the incidents are still being read (alert tuning). */
  incidents: Incident[] | Promise<Incident[]>
  incidentSources: DataSourceStatus[] | Promise<DataSourceStatus[]>
  alignment?: SloAlignment
}

export async function backtestAlerts(input: BacktestInput): Promise<AlertBacktest> {
  const { ctx } = input
  const cfg = ctx.config.alerting
  const lookback = ctx.config.incidents.lookback
  const lookbackSeconds = durationSeconds(lookback)
  const now = ctx.now()
  const end = Math.floor(now.getTime() / 1000)
  const start = end - lookbackSeconds
  const result = emptyBacktest(now, lookback, 'not_run', '')
  result.from = iso(start)
  result.to = iso(end)
  // Read only where a rule is judged: the queries before that need no incident.
  let incidents: Incident[] = []
  let incidentSources: DataSourceStatus[] = []
  const incidentsKnown = Promise.all([input.incidents, input.incidentSources]).then(([i, s]) => {
    incidents = i
    incidentSources = s
    result.incident_sources = s
      .filter((x) => x.kind === 'incidents')
      .map((x) => ({ name: x.name, status: x.status, detail: x.detail, count: x.count }))
  })
  // Awaited below; a failure there fails the backtest, never the process.
  incidentsKnown.catch(() => undefined)
  const requests = result.requests
  const serviceLabel = ctx.model.serviceLabel

  // ---- the rules in force ----
  const sources: RuleSourceStatus[] = []
  let api: TimedRule[] | undefined
  const rulesProm = cfg['rules-backend'] ? await input.prometheus(cfg['rules-backend']) : undefined
  if (cfg['rules-backend']) {
    result.rules_backend = cfg['rules-backend']
    const source = `prometheus:${cfg['rules-backend']}`
    if (!rulesProm)
      sources.push({
        source,
        status: 'error',
        detail: `alerting.rules-backend "${cfg['rules-backend']}" is not a configured prometheus backend`,
        rules: 0
      })
    else {
      try {
        api = rulesFromApi(await rulesInForce(ctx.once, rulesProm, () => requests.rules_api++), source)
        sources.push({ source, status: 'ok', detail: `${api.length} rule(s) loaded`, rules: api.length })
      } catch (err) {
        sources.push({ source, status: 'error', detail: errorText(err), rules: 0 })
      }
    }
  }
  const files = await rulesFromFiles(cfg['rule-files'], ctx.workspace)
  sources.push(...files.sources)
  result.rule_sources = sources
  if (sources.length === 0) {
    result.detail = 'no alert rules source configured (alerting.rules-backend or alerting.rule-files): nothing to backtest'
    result.history.detail = result.detail
    await incidentsKnown
    return result
  }
  const prom = rulesProm ?? (await input.prometheus())
  if (!prom) {
    result.detail = 'no Prometheus backend to evaluate the rules against'
    result.history.detail = result.detail
    await incidentsKnown
    return result
  }
  const all = [...(api ?? []), ...files.rules]
  const alerts = alertsInForce(api, files.rules)
  // Recording rules by name, each definition once (the API and the files often hold the same).
  const definitions = new Map<string, RecordingDefinition[]>()
  const defined = new Set<string>()
  for (const r of all) {
    if (r.type !== 'recording') continue
    const key = `${r.name}\u0000${r.expr}\u0000${JSON.stringify(r.labels)}`
    if (defined.has(key)) continue
    defined.add(key)
    const list = definitions.get(r.name) ?? []
    list.push({ name: r.name, expr: r.expr, labels: r.labels, intervalSeconds: r.intervalSeconds })
    definitions.set(r.name, list)
  }

  // ---- the data that exists: one query for every metric any rule reads ----
  const parseErrors = new Map<TimedRule, string>()
  // Each expression is parsed once, and what a recording name reads is gathered once per name:
  // Sloth-style rule sets share a few names between hundreds of definitions.
  const namesCache = new Map<string, string[]>()
  const namesOf = (expr: string): string[] => {
    let names = namesCache.get(expr)
    if (!names) namesCache.set(expr, (names = metricNames(expr)))
    return names
  }
  const readsByName = new Map<string, string[]>()
  const readsOfName = (name: string, depth: number): string[] => {
    const hit = readsByName.get(name)
    if (hit) return hit
    const defs = definitions.get(name) ?? []
    if (depth > 8) return defs.flatMap((d) => namesOf(d.expr))
    // A cycle of recording rules stops here, as the depth limit stopped it before.
    readsByName.set(name, [])
    const out = new Set<string>()
    try {
      for (const d of defs) for (const n of readsOf(d.expr, depth + 1)) out.add(n)
    } catch (err) {
      // Every rule that reads an unparsable definition is told so, not only the first.
      readsByName.delete(name)
      throw err
    }
    const reads = [...out]
    readsByName.set(name, reads)
    return reads
  }
  const readsOf = (expr: string, depth = 0): string[] => {
    const names = namesOf(expr)
    if (depth > 8) return names
    return [...names, ...names.flatMap((n) => readsOfName(n, depth))]
  }
  const names = new Set<string>()
  for (const a of alerts) {
    try {
      for (const n of readsOf(a.expr)) names.add(n)
    } catch (err) {
      parseErrors.set(a, errorText(err))
    }
  }
  const dataStep = Math.max(60, Math.ceil(lookbackSeconds / 10000 / 60) * 60)
  let seen = new Map<string, { from: number; to: number }>()
  let dataOk = true
  if (names.size) {
    result.data.step_seconds = dataStep
    try {
      const found = await dataSpans(prom, [...names], start, end, dataStep, () => requests.data_coverage++)
      seen = found.spans
      result.data.query = found.queries.join('\n# then\n')
    } catch (err) {
      dataOk = false
      result.data.query = dataCoverageQuery([...names])
      result.detail = `data coverage query failed: ${errorText(err)}`
    }
  }
  result.data.metrics = [...names]
    .sort()
    .map((n) => ({ name: n, from: seen.has(n) ? iso(seen.get(n)!.from) : null, to: seen.has(n) ? iso(seen.get(n)!.to) : null }))
  const spanOf = (ns: string[]): { from: number; to: number } | { missing: string[] } => {
    const missing = ns.filter((n) => !seen.has(n))
    if (missing.length) return { missing }
    if (ns.length === 0) return { from: start, to: end }
    return { from: Math.max(start, ...ns.map((n) => seen.get(n)!.from)), to: Math.min(end, ...ns.map((n) => seen.get(n)!.to)) }
  }
  const allSpan = spanOf([...names].filter((n) => seen.has(n)))
  if ('from' in allSpan && seen.size)
    result.data.coverage = coverage(
      Math.min(...[...seen.values()].map((s) => s.from)),
      Math.max(...[...seen.values()].map((s) => s.to)),
      lookbackSeconds
    )
  else if (names.size === 0) result.data.coverage = coverage(start, end, lookbackSeconds)

  // ---- what actually fired: one ALERTS query ----
  const historyStep = stepFor(Math.min(60, ...alerts.map((a) => a.intervalSeconds)), lookbackSeconds)
  let history: RangeSeries[] = []
  result.history.query = historyQuery(historyStep)
  try {
    requests.alerts_history++
    history = (await prom.rangeQuery(result.history.query, new Date(start * 1000), new Date(end * 1000), historyStep)).series
    result.history.series = history.length
    result.history.status = history.length ? 'ok' : 'no_history'
    result.history.detail = history.length
      ? `${history.length} firing alert series in the lookback`
      : 'ALERTS holds no firing alert in the lookback: no history to compare with (not the same as "nothing fired")'
  } catch (err) {
    result.history.status = 'error'
    result.history.detail = errorText(err)
  }

  // A recording rule is stale when its series start later than its inputs' data would let it
  // start (so history is lost); the same for every rule that reads it, so decided once per name.
  const staleByName = new Map<string, boolean>()
  const stale = (name: string): boolean => {
    const hit = staleByName.get(name)
    if (hit !== undefined) return hit
    const own = seen.get(name)
    let is = true
    if (own) {
      const inputs = [...new Set((definitions.get(name) ?? []).flatMap((d) => readsOf(d.expr)).filter((n) => !definitions.has(n)))]
      // Inputs without data in the lookback: what was recorded is all there is.
      if (inputs.some((n) => !seen.has(n))) is = false
      else is = own.from > Math.max(start, ...inputs.map((n) => seen.get(n)!.from)) + 2 * dataStep
    }
    staleByName.set(name, is)
    return is
  }

  // ---- one query per rule, or per shape of rules ----
  const findings = input.alignment?.findings ?? []
  interface Pending {
    rb: RuleBacktest
    a: AlertInForce
    signal: ReturnType<typeof burnSignal>
    from: number
    to: number
    step: number
    ruleServices: string[]
    /** `absent(selector)`: asked with its shape as `count(selector)`, firing where the count has no sample. */
    absent?: { selector: string; labels: Record<string, string> }
  }
  /** Everything a rule needs before its query; undefined when the rule is settled without one. */
  const prepare = (i: number, a: AlertInForce): Pending | undefined => {
    const rb: RuleBacktest = {
      name: a.name,
      source: a.source,
      also_in: a.also_in,
      group: a.group,
      loaded: a.loaded,
      severity: a.labels.severity ?? null,
      labels: a.labels,
      expr: a.expr,
      query: a.expr,
      kind: 'condition',
      expansions: [],
      interval_seconds: a.intervalSeconds,
      step_seconds: a.intervalSeconds,
      for_seconds: a.forSeconds,
      keep_firing_for_seconds: a.keepFiringForSeconds,
      status: 'error',
      detail: '',
      request: null,
      coverage: coverage(null, null, lookbackSeconds),
      factors: [],
      slo: null,
      intervals: [],
      true_positives: 0,
      false_positives: 0,
      missed: 0,
      precision: null,
      recall: null,
      mean_detection_seconds: null,
      mean_reset_seconds: null,
      incidents: [],
      history: { status: 'not_compared', fired_seconds: null, backtest_seconds: null, agreement: null, detail: '' },
      proposal: null
    }
    result.rules[i] = rb
    if (i >= MAX_RULES) {
      rb.detail = `not evaluated: more than ${MAX_RULES} alert rules`
      return undefined
    }
    if (parseErrors.has(a)) {
      rb.detail = `cannot analyse: ${parseErrors.get(a)}`
      return undefined
    }
    if (!dataOk) {
      rb.detail = result.detail
      return undefined
    }
    try {
      // A recording rule whose own series do not reach back over the lookback is expanded.
      const expansions: Expansion[] = []
      // Stale: its series start later than its inputs' data would let it start (so history is lost).
      const expanded = expandRecordings(a.expr, definitions, stale, expansions)
      rb.expansions = expansions
      for (const e of expansions) {
        if (e.inlined) {
          const own = seen.get(e.recording)
          e.reason = `${own ? `its series start at ${iso(own.from)}` : 'it has no series in the lookback'}; ${e.reason}`
        }
      }
      const span = spanOf(metricNames(expanded.expr))
      if ('missing' in span) {
        rb.status = 'no_data'
        rb.detail = `no series of ${span.missing.join(', ')} in the lookback: the rule cannot be evaluated over the past`
        return undefined
      }
      rb.coverage = coverage(span.from, span.to, lookbackSeconds)
      if (span.to - span.from < Math.max(a.intervalSeconds, dataStep)) {
        rb.status = 'no_data'
        rb.detail = `too little history to backtest: the metrics the rule reads cover ${Math.max(0, Math.round(span.to - span.from))} s of the lookback (from ${iso(span.from)}), less than one step`
        return undefined
      }
      const signal = burnSignal(expanded.expr)
      const step = stepFor(a.intervalSeconds, span.to - span.from)
      // Evaluation times on multiples of the step, as Prometheus aligns a group's evaluations.
      span.from = Math.ceil(span.from / step) * step
      rb.step_seconds = step
      const matched = findings.filter(
        (f) => f.found?.rule === a.name && (f.found.source === a.source || a.also_in.includes(f.found.source))
      )
      rb.factors = [...new Set(matched.flatMap((f) => (f.found?.factor !== undefined ? [f.found.factor] : [])))].sort((x, y) => y - x)
      rb.slo = matched[0]?.slo ?? null
      if ('expr' in signal) {
        rb.kind = 'burn_rate'
        rb.query = signal.expr
      } else {
        rb.kind_reason = signal.reason
        rb.query = expanded.expr
        rb.factors = []
      }
      const ruleServices = [
        ...new Set([
          ...(a.labels[serviceLabel] ? [a.labels[serviceLabel]] : []),
          ...equalityValues(expanded.expr, serviceLabel),
          ...matched.map((f) => f.service).filter(Boolean)
        ])
      ]
      const absent = 'expr' in signal ? undefined : absentOf(rb.query)
      return { rb, a, signal, from: span.from, to: span.to, step, ruleServices, ...(absent ? { absent } : {}) }
    } catch (err) {
      rb.status = 'error'
      rb.detail = errorText(err)
      return undefined
    }
  }
  /** The rule judged on the series its query answered. */
  const finish = (p: Pending, series: RangeSeries[], request: string): void => {
    const { rb, a, signal, step } = p
    try {
      rb.request = request
      Object.assign(
        rb,
        evaluateRule({
          series,
          from: p.from,
          to: p.to,
          stepSeconds: step,
          forSeconds: a.forSeconds,
          keepFiringForSeconds: a.keepFiringForSeconds,
          mode: 'expr' in signal ? 'signal' : 'presence',
          inclusive: 'expr' in signal ? signal.inclusive : false,
          serviceLabel,
          ruleLabels: a.labels,
          ruleServices: p.ruleServices,
          incidents,
          resetTailSeconds: longestRange(rb.query),
          thresholds: 'expr' in signal ? [...new Set(signal.comparisons.map((c) => c.threshold))].sort((x, y) => y - x) : [],
          factors: rb.factors
        })
      )
      rb.status = 'evaluated'
      const firing = rb.intervals.length
      rb.detail = `${firing} firing interval(s) over ${Math.round((rb.coverage.fraction ?? 0) * 100)}% of the lookback covered by data${step > a.intervalSeconds ? ` (step ${step}s: the lookback at the ${a.intervalSeconds}s interval exceeds ${MAX_POINTS} points)` : ''}`
      if (result.history.status === 'ok') {
        const own = history.filter((h) => h.labels.alertname === a.name && Object.entries(a.labels).every(([k, v]) => h.labels[k] === v))
        rb.history = compareWithHistory({
          name: a.name,
          loaded: a.loaded,
          backtest: rb.intervals,
          history: historySpans(own, historyStep),
          from: p.from,
          to: p.to,
          slack: 2 * Math.max(step, historyStep)
        })
      } else {
        rb.history = {
          status: result.history.status === 'error' ? 'error' : 'no_history',
          fired_seconds: null,
          backtest_seconds: null,
          agreement: null,
          detail: result.history.detail
        }
      }
      if (a.differs && rb.history.status !== 'disagrees') rb.history.detail = `${rb.history.detail}; ${a.differs}`
    } catch (err) {
      rb.status = 'error'
      rb.detail = errorText(err)
    }
  }
  const ask = async (query: string, p: Pending): Promise<{ request: string; series: RangeSeries[] }> => {
    requests.rule_queries++
    const from = new Date(p.from * 1000)
    const r = await prom.rangeQuery(query, from, new Date(p.to * 1000), p.step)
    await incidentsKnown
    return {
      request: `${r.request.method} ${r.request.url} start=${from.toISOString()} end=${iso(p.to)} step=${p.step}s`,
      series: r.series
    }
  }
  const alone = async (p: Pending): Promise<void> => {
    // A shape's rules asked alone after its request was refused count against the same bound.
    if (requests.rule_queries >= MAX_RULE_QUERIES) {
      p.rb.detail = `not evaluated: more than ${MAX_RULE_QUERIES} rule queries`
      return
    }
    try {
      const r = await ask(p.rb.query, p)
      finish(p, r.series, r.request)
    } catch (err) {
      p.rb.status = 'error'
      p.rb.detail = errorText(err)
    }
  }
  result.rules = new Array<RuleBacktest>(alerts.length)
  const pending = alerts.flatMap((a, i) => prepare(i, a) ?? [])
  // Rules of one shape (a fleet's per-service copies) over the same range and step are one query
  // by service, each rule judged on its service's series (see group-by-label.ts). A request
  // answers at most half the response cap, at about 40 bytes a point.
  // A shape of more services than one query can list is one query all the same, excluding the
  // values of its labels no rule has (one label-values request each).
  const { shaped, alone: single } = await requestsByShapeOrExcept(pending, {
    queryOf: (p) => (p.absent ? `count(${p.absent.selector})` : p.rb.query),
    key: (p) => `${p.from}|${p.to}|${p.step}`,
    maxChars: MAX_QUERY_CHARS,
    maxMembers: (p) => Math.max(1, Math.floor(httpLimits().maxResponseBytes / 2 / ((Math.floor((p.to - p.from) / p.step) + 1) * 40))),
    valuesOf: (label, selectors, firsts) => {
      requests.label_values++
      const from = Math.min(...firsts.map((p) => p.from))
      const to = Math.max(...firsts.map((p) => p.to))
      return prom.labelValues(label, selectors, new Date(from * 1000), new Date(to * 1000))
    }
  })
  const work: Array<{ rules: Pending[]; run: () => Promise<void> }> = [
    ...shaped.map((req) => ({
      rules: req.members.map((m) => m.item),
      run: async () => {
        const first = req.members[0]!.item
        let answer: { request: string; series: RangeSeries[] }
        try {
          answer = await ask(req.query, first)
        } catch (err) {
          // Refused or over the cap: each rule is asked alone, so the error lands on its rule. A
          // backend that failed (timeout, 5xx) is not asked again once per rule.
          if (smallerMayAnswer(err)) for (const m of req.members) await alone(m.item)
          else
            for (const m of req.members) {
              m.item.rb.status = 'error'
              m.item.rb.detail = errorText(err)
            }
          return
        }
        const byValue = splitByValue(answer.series, req)
        const note = `; one query for ${req.members.length} rules of this shape by ${req.labels.join(', ')}${req.except ? ' (every value the backend holds but those no rule has)' : ''}`
        for (const m of req.members) {
          const own = byValue.get(m.value) ?? []
          const p = m.item
          if (!p.absent) finish(p, own, answer.request + note)
          else
            finish(
              p,
              absentSteps(own, p.from, p.to, p.step, p.absent.labels),
              `${answer.request}${note}: count(${p.absent.selector}), the rule firing at the steps where it has no sample`
            )
        }
      }
    })),
    ...single.map((p) => ({ rules: [p], run: () => alone(p) }))
  ]
  for (const w of work.splice(MAX_RULE_QUERIES))
    for (const p of w.rules) p.rb.detail = `not evaluated: more than ${MAX_RULE_QUERIES} rule queries`
  // A few queries at a time: faster than one by one, still light on the backend.
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < work.length) await work[next++]!.run()
  }
  await Promise.all(Array.from({ length: Math.min(RULE_CONCURRENCY, work.length) }, worker))

  // ---- summary ----
  await incidentsKnown
  requests.total = requests.rules_api + requests.data_coverage + requests.alerts_history + requests.rule_queries + requests.label_values
  const evaluated = result.rules.filter((r) => r.status === 'evaluated')
  // Without an incident source, no firing can be called true or false.
  const judged0 = incidents.length > 0 || incidentSources.some((s) => s.kind === 'incidents' && s.status === 'ok')
  if (!judged0) {
    for (const r of evaluated) {
      r.precision = null
      r.recall = null
      r.detail = `${r.detail}; no incident source was read, so firings are not judged`
    }
  }
  requests.rules_evaluated = evaluated.length
  const tp = evaluated.reduce((s, r) => s + r.true_positives, 0)
  const fp = evaluated.reduce((s, r) => s + r.false_positives, 0)
  const judged = new Map<string, number | null>()
  for (const r of evaluated) {
    for (const o of r.incidents) {
      if (o.status === 'outside_data') continue
      const prev = judged.get(o.id)
      if (o.status === 'detected' && (prev === undefined || prev === null || o.detection_seconds! < prev))
        judged.set(o.id, o.detection_seconds)
      else if (prev === undefined) judged.set(o.id, null)
    }
  }
  const delays = [...judged.values()].filter((d): d is number => d !== null)
  result.summary = {
    rules: result.rules.length,
    evaluated: evaluated.length,
    true_positives: tp,
    false_positives: fp,
    precision: judged0 && tp + fp ? round(tp / (tp + fp)) : null,
    incidents: judged.size,
    detected: delays.length,
    recall: judged.size ? round(delays.length / judged.size) : null,
    mean_detection_seconds: delays.length ? Math.round(delays.reduce((x, y) => x + y, 0) / delays.length) : null,
    disagreements: result.rules.filter((r) => r.history.status === 'disagrees').map((r) => r.name),
    proposals: result.rules.filter((r) => r.proposal).length
  }
  const bad = result.rules.filter((r) => r.status !== 'evaluated').length + sources.filter((s) => s.status !== 'ok').length
  if (alerts.length === 0) {
    result.status = 'not_run'
    result.detail = 'no alert rule found in the rules sources'
  } else {
    const noData = result.rules.every((r) => r.status === 'no_data')
    result.status = evaluated.length === 0 ? (noData ? 'not_run' : 'error') : bad || result.history.status === 'error' ? 'partial' : 'ok'
    result.detail =
      result.detail ||
      (noData ? `no alert rule has enough history in the ${lookback} lookback to be backtested (see each rule's detail)` : '') ||
      `${evaluated.length} of ${alerts.length} alert rule(s) evaluated over ${lookback} (${Math.round(result.data.coverage.fraction * 100)}% of it covered by data) with ${requests.total} request(s)`
  }
  return result
}
