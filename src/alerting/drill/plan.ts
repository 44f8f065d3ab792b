/**
 * The drill's plan, as pure data: for each SLO, the burns to feed its rules (a total outage, just
 * above and just below each page factor, just above and just below the ticket factor) and what must
 * or must not fire within which window; for each critical service, series that stop. Then the
 * promtool unit-test files that carry it out, with a check at every evaluation step.
 */
import { stringify as stringifyYaml } from 'yaml'
import type { SloConfig } from '../../config/schema.js'
import { burnRateAlerts, errorBudget, roundSignificant } from '../slo/burn-rate.js'
import { formatDuration, promDurationSeconds } from '../slo/promql.js'
import type { AlertFacts, LoadedRule } from '../slo/rule-set.js'
import type { SeriesRole } from './series.js'
import { byText } from '../../util/order.js'

/** Events per input sample: large enough that every burn is a whole share of it. */
export const EVENTS_PER_SAMPLE = 1000
const COUNTER_BASE = 1_000_000
/** Steps a test group may evaluate; longer windows are evaluated at a coarser step. */
export const MAX_STEPS = 1000
const ABOVE = 1.1
const BELOW = 0.9

export interface Check {
  name: string
  expectation: 'must_fire' | 'must_not_fire'
  /** Severities (page, ticket) or 'absent' for the absent-data alert. */
  severities: string[]
  /** Seconds after the origin: the checked evaluations are (origin + from, origin + to]. */
  from: number
  to: number
  burnRate: number | null
  errorRatio: number | null
}

export interface TestGroup {
  /** Unique within the run: the file name and the promtool test name. */
  id: string
  alerts: AlertFacts[]
  /** Evaluation step and input sample interval, seconds. */
  step: number
  sampleInterval: number
  /** The burn start (or the last sample before the stop), seconds from the test's start. */
  origin: number
  /** Last input sample time. */
  end: number
  series: Array<{ labels: string; values: string }>
  /** A series sampled up to the end: the control counts it at the last check. */
  control: string
  checks: Check[]
}

export interface SeriesPlan {
  series: SeriesRole[]
  neighbour?: { label: string; value: string }
}

function maxWindow(alerts: AlertFacts[]): number {
  let w = 0
  for (const a of alerts) for (const b of a.branches) for (const x of b.windows) w = Math.max(w, x)
  return w
}

const maxFor = (alerts: AlertFacts[]): number => alerts.reduce((m, a) => Math.max(m, a.forSeconds), 0)

function groupInterval(alerts: AlertFacts[]): number {
  let step = 0
  for (const a of alerts) {
    const s = a.rule.group?.interval ? promDurationSeconds(a.rule.group.interval) : undefined
    if (s && s > 0) step = step ? Math.min(step, s) : s
  }
  return step || 60
}

function labelText(metric: string, labels: Record<string, string>): string {
  const inner = Object.entries(labels)
    .sort(([a], [b]) => byText(a, b))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ')
  return `${metric}{${inner}}`
}

const num = (x: number): string => String(roundSignificant(x, 15))

/** A counter: `pre` per sample for `prefix` samples, then `burn` per sample for `burnSamples` samples. */
function counter(pre: number, prefix: number, burn: number, burnSamples: number): string {
  const atOrigin = COUNTER_BASE + pre * prefix
  const parts = [`${num(COUNTER_BASE)}+${num(pre)}x${prefix}`]
  if (burnSamples > 0) parts.push(`${num(atOrigin + burn)}+${num(burn)}x${burnSamples - 1}`)
  return parts.join(' ')
}

function burnSeries(plan: SeriesPlan, ratio: number, prefix: number, burnSamples: number): TestGroup['series'] {
  const R = EVENTS_PER_SAMPLE
  const inc = (role: SeriesRole['role'], burning: boolean): number =>
    role === 'total' ? R : role === 'bad' ? (burning ? R * ratio : 0) : burning ? R * (1 - ratio) : R
  const out = plan.series.map((s) => ({
    labels: labelText(s.metric, s.labels),
    values: counter(inc(s.role, false), prefix, inc(s.role, true), burnSamples)
  }))
  if (plan.neighbour) {
    // Another service's healthy traffic: an alert that does not select the service is diluted by it.
    for (const s of plan.series) {
      const n = s.role === 'bad' ? 0 : 10 * R
      out.push({
        labels: labelText(s.metric, { ...s.labels, [plan.neighbour.label]: plan.neighbour.value }),
        values: counter(n, prefix, n, burnSamples)
      })
    }
  }
  return out
}

function stopSeries(plans: SeriesPlan[], prefix: number, after: number): TestGroup['series'] {
  const out: TestGroup['series'] = []
  const seen = new Set<string>()
  for (const plan of plans) {
    for (const s of plan.series) {
      const labels = labelText(s.metric, s.labels)
      if (seen.has(labels)) continue
      seen.add(labels)
      const inc = s.role === 'bad' ? 0 : EVENTS_PER_SAMPLE
      out.push({ labels, values: `${num(COUNTER_BASE)}+${num(inc)}x${prefix} stale` })
      if (plan.neighbour) {
        const nl = labelText(s.metric, { ...s.labels, [plan.neighbour.label]: plan.neighbour.value })
        if (!seen.has(nl)) {
          seen.add(nl)
          out.push({ labels: nl, values: counter(inc * 10, prefix, inc * 10, after) })
        }
      }
    }
  }
  return out
}

function minWindow(alerts: AlertFacts[]): number {
  let w = Infinity
  for (const a of alerts) for (const b of a.branches) for (const x of b.windows) w = Math.min(w, x)
  return w
}

/**
 * Samples every minute, sparser when the shortest window the alerts read is long (a quarter of it,
 * up to 15m: a 3-day ticket drill then costs little), denser (down to 15s) only for windows under
 * 4m. Evaluation follows the group's interval, coarsened so a test never takes more than MAX_STEPS.
 */
function timing(
  alerts: AlertFacts[],
  prefixWanted: number,
  span: number
): { step: number; sampleInterval: number; origin: number; prefixSamples: number } {
  const base = groupInterval(alerts)
  const shortest = minWindow(alerts)
  const quarter = Number.isFinite(shortest) ? shortest / 4 : 60
  const sampleInterval = quarter >= 60 ? Math.min(900, Math.floor(quarter / 60) * 60) : Math.max(15, Math.floor(quarter))
  let step = Math.max(base, sampleInterval)
  const total = prefixWanted + span
  if (total / step > MAX_STEPS) step = Math.ceil(total / MAX_STEPS / 60) * 60
  const unit = lcm(step, sampleInterval)
  const origin = Math.ceil(prefixWanted / unit) * unit
  return { step, sampleInterval, origin, prefixSamples: origin / sampleInterval }
}

function lcm(a: number, b: number): number {
  const g = (x: number, y: number): number => (y === 0 ? x : g(y, x % y))
  return (a * b) / g(a, b)
}

/** The burn scenarios of one SLO, as promtool test groups. */
export function sloGroups(
  idPrefix: string,
  slo: SloConfig,
  alerts: AlertFacts[],
  plan: SeriesPlan
): { groups: TestGroup[]; unrunnable: Check[] } {
  const budget = errorBudget(slo.objective)
  const policy = burnRateAlerts(slo)
  const pages = policy.filter((p) => p.severity === 'page').sort((a, b) => b.factor - a.factor)
  const tickets = policy.filter((p) => p.severity === 'ticket')
  const pageAlerts = alerts.filter((a) => a.severity === 'page')
  const ticketAlerts = alerts.filter((a) => a.severity === 'ticket')
  const groups: TestGroup[] = []
  const unrunnable: Check[] = []
  const secs = (w: string): number => promDurationSeconds(w) ?? 0

  const make = (
    name: string,
    under: AlertFacts[],
    ratio: number,
    burnRate: number | null,
    checks: Array<Omit<Check, 'burnRate' | 'errorRatio'>>
  ): void => {
    if (under.length === 0) {
      // Nothing of this severity to feed: what must fire cannot.
      for (const c of checks) if (c.expectation === 'must_fire') unrunnable.push({ ...c, burnRate, errorRatio: roundSignificant(ratio, 6) })
      return
    }
    const span = Math.max(...checks.map((c) => c.to))
    const t = timing(under, Math.max(maxWindow(under), 3600) + 2 * groupInterval(under), span)
    const burnSamples = Math.ceil((span + t.step) / t.sampleInterval) + 1
    groups.push({
      id: `${idPrefix}-${name}`,
      alerts: under,
      step: t.step,
      sampleInterval: t.sampleInterval,
      origin: t.origin,
      end: t.origin + burnSamples * t.sampleInterval,
      series: burnSeries(plan, ratio, t.prefixSamples, burnSamples),
      control: labelText(plan.series[0]!.metric, plan.series[0]!.labels),
      checks: checks.map((c) => ({
        ...c,
        from: 0,
        to: Math.ceil(c.to / t.step) * t.step,
        burnRate,
        errorRatio: roundSignificant(ratio, 6)
      }))
    })
  }

  if (pages.length) {
    const fastest = pages[0]!
    make('outage', pageAlerts, 1, roundSignificant(1 / budget, 6), [
      {
        name: 'outage',
        expectation: 'must_fire',
        severities: ['page'],
        from: 0,
        to: secs(fastest.longWindow) + maxFor(pageAlerts) + 2 * groupInterval(pageAlerts)
      }
    ])
  }
  for (const p of pages) {
    const w = secs(p.longWindow)
    const above = Math.min(1, ABOVE * p.factor * budget)
    make(`above_${p.longWindow}`, pageAlerts, above, roundSignificant(above / budget, 6), [
      {
        name: `above_${p.longWindow}`,
        expectation: 'must_fire',
        severities: ['page'],
        from: 0,
        to: w + maxFor(pageAlerts) + 2 * groupInterval(pageAlerts)
      }
    ])
    // Just below this factor: this window must stay quiet until a slower policy rightly fires.
    const below = BELOW * p.factor
    const legit = Math.min(...pages.filter((q) => q.factor < below).map((q) => (secs(q.longWindow) * q.factor) / below))
    const quiet = Math.min(legit, w + maxFor(pageAlerts))
    if (quiet >= 2 * groupInterval(pageAlerts)) {
      make(`below_${p.longWindow}`, pageAlerts, below * budget, roundSignificant(below, 6), [
        { name: `below_${p.longWindow}`, expectation: 'must_not_fire', severities: ['page'], from: 0, to: Math.floor(quiet / 60) * 60 }
      ])
    }
  }
  for (const t of tickets) {
    const w = secs(t.longWindow)
    const above = Math.min(1, ABOVE * t.factor * budget)
    // Ticket alerts alone: that pages stay quiet at these burns is shown by below_<slowest page>.
    make(`above_${t.longWindow}`, ticketAlerts, above, roundSignificant(above / budget, 6), [
      {
        name: `above_${t.longWindow}`,
        expectation: 'must_fire',
        severities: ['ticket'],
        from: 0,
        to: w + maxFor(ticketAlerts) + 2 * groupInterval(ticketAlerts)
      }
    ])
    make(`below_${t.longWindow}`, ticketAlerts, BELOW * t.factor * budget, roundSignificant(BELOW * t.factor, 6), [
      { name: `below_${t.longWindow}`, expectation: 'must_not_fire', severities: ['ticket'], from: 0, to: w + maxFor(ticketAlerts) }
    ])
  }
  return { groups, unrunnable }
}

/** Series that stop: the service's absent-data alerts must fire, and must not before the stop. */
export function stopGroup(id: string, alerts: AlertFacts[], plans: SeriesPlan[]): TestGroup | undefined {
  if (alerts.length === 0 || plans.length === 0) return undefined
  const base = groupInterval(alerts)
  // Without a stale marker a series counts as present for the 5-minute lookback.
  const span = maxFor(alerts) + maxWindow(alerts) + 300 + 2 * base
  const t = timing(alerts, Math.max(1800, maxWindow(alerts) + maxFor(alerts) + 2 * base), span)
  const after = Math.ceil((span + t.step) / t.sampleInterval) + 1
  return {
    id,
    alerts,
    step: t.step,
    sampleInterval: t.sampleInterval,
    origin: t.origin,
    end: t.origin + after * t.sampleInterval,
    series: stopSeries(plans, t.prefixSamples, after),
    control: labelText(plans[0]!.series[0]!.metric, plans[0]!.series[0]!.labels),
    checks: [
      {
        name: 'present',
        expectation: 'must_not_fire',
        severities: ['absent'],
        from: -t.origin + t.step,
        to: 0,
        burnRate: null,
        errorRatio: null
      },
      {
        name: 'stop',
        expectation: 'must_fire',
        severities: ['absent'],
        from: 0,
        to: Math.ceil(span / t.step) * t.step,
        burnRate: null,
        errorRatio: null
      }
    ]
  }
}

/** The rules a group needs, in their own groups and order: the alerts and the recording rules they read. */
export function ruleFileText(all: LoadedRule[], alerts: AlertFacts[]): string {
  const wanted = new Set<LoadedRule>()
  for (const a of alerts) {
    wanted.add(a.rule)
    for (const r of a.recordings) wanted.add(r)
  }
  const groups = new Map<string, { name: string; interval?: string; rules: Array<Record<string, unknown>> }>()
  for (const r of all) {
    if (!wanted.has(r)) continue
    const key = `${r.source}\u0000${r.group?.name ?? ''}`
    let g = groups.get(key)
    if (!g) {
      g = { name: `${groups.size}-${r.group?.name || 'rules'}`, ...(r.group?.interval ? { interval: r.group.interval } : {}), rules: [] }
      groups.set(key, g)
    }
    g.rules.push(
      r.type === 'alerting'
        ? { alert: r.name, expr: r.expr, ...(r.for ? { for: r.for } : {}), ...(Object.keys(r.labels).length ? { labels: r.labels } : {}) }
        : { record: r.name, expr: r.expr, ...(Object.keys(r.labels).length ? { labels: r.labels } : {}) }
    )
  }
  return stringifyYaml({ groups: [...groups.values()] }, { lineWidth: 0 })
}

/** The promtool unit-test file of a group: a check at every step of every checked range. */
export function testFileText(group: TestGroup, ruleFile: string): string {
  const names = [...new Set(group.alerts.map((a) => a.rule.name))]
  const times = new Set<number>()
  for (const c of group.checks)
    for (let t = group.origin + c.from + group.step; t <= group.origin + c.to; t += group.step) if (t > 0) times.add(t)
  const last = Math.max(...times)
  // promtool passes a test whose input ends before its eval time (prometheus #14500): never let it.
  if (last >= group.end) throw new Error(`drill input for ${group.id} ends at ${group.end}s, before the last check at ${last}s`)
  const alert_rule_test = [...times]
    .sort((a, b) => a - b)
    .flatMap((t) => names.map((alertname) => ({ eval_time: formatDuration(t), alertname })))
  // The control must fail: its "got" proves the group was evaluated and its input reached `at`.
  const stops = group.checks.some((c) => c.severities.includes('absent'))
  const at = stops ? group.origin : last
  const promql_expr_test = [
    {
      expr: `label_replace(count(present_over_time(${group.control}[${formatDuration(2 * group.sampleInterval)}])), "drill_group", ${JSON.stringify(group.id)}, "", "")`,
      eval_time: formatDuration(at),
      exp_samples: []
    }
  ]
  return stringifyYaml(
    {
      rule_files: [ruleFile],
      evaluation_interval: formatDuration(group.step),
      tests: [
        {
          name: group.id,
          interval: formatDuration(group.sampleInterval),
          input_series: group.series.map((s) => ({ series: s.labels, values: s.values })),
          alert_rule_test,
          promql_expr_test
        }
      ]
    },
    { lineWidth: 0 }
  )
}
