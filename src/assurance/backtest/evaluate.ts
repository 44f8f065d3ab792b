/**
 * The backtest's arithmetic, as pure functions over range-query samples: when a rule would have
 * fired (honouring `for` and `keep_firing_for`), which firings met an incident, how fast and how
 * long after, how that compares with ALERTS, and the burn-rate factor that would have caught
 * what was missed without firing outside the incidents.
 */
import type { RangeSeries } from '../../telemetry/prometheus/client.js'
import { EARLY_ALERT_SECONDS, OPEN_INCIDENT_SECONDS } from '../tuning.js'
import type { Incident } from '../types.js'
import type { FactorProposal, FiringInterval, IncidentOutcome, RuleBacktest } from '../../artifacts/contracts/alert-backtest.js'
import { byText } from '../../util/order.js'

const iso = (sec: number): string => new Date(Math.round(sec * 1000)).toISOString()
const sec = (isoText: string): number => Date.parse(isoText) / 1000
export const round = (n: number, digits = 4): number => Math.round(n * 10 ** digits) / 10 ** digits
const sig = (n: number, d = 6): number => (n === 0 || !Number.isFinite(n) ? n : Number(n.toPrecision(d)))

/** A series on the evaluation grid from..to: the signal (or 1 for presence) per step, NaN where absent. */
interface GridSeries {
  labels: Record<string, string>
  service: string | null
  values: Float64Array
}

export interface RuleEvalInput {
  series: RangeSeries[]
  from: number
  to: number
  stepSeconds: number
  forSeconds: number
  keepFiringForSeconds: number
  /** signal: the value is the burn signal, firing above 1; presence: a sample is a firing condition. */
  mode: 'signal' | 'presence'
  inclusive: boolean
  serviceLabel: string
  ruleLabels: Record<string, string>
  /** Services the rule is about, from its labels and its matchers (used when it has no series). */
  ruleServices: string[]
  incidents: Incident[]
  thresholds: number[]
  factors: number[]
  /** After an incident, a firing this long that began in it is its reset, not a false positive: the rule's longest range. */
  resetTailSeconds: number
}

export type RuleEvalResult = Pick<
  RuleBacktest,
  | 'intervals'
  | 'true_positives'
  | 'false_positives'
  | 'missed'
  | 'precision'
  | 'recall'
  | 'mean_detection_seconds'
  | 'mean_reset_seconds'
  | 'incidents'
  | 'proposal'
>

function toGrid(input: RuleEvalInput): GridSeries[] {
  const n = Math.floor((input.to - input.from) / input.stepSeconds + 1e-9) + 1
  return input.series.map((s) => {
    const values = new Float64Array(n).fill(Number.NaN)
    for (const [t, v] of s.values) {
      const i = Math.round((t - input.from) / input.stepSeconds)
      if (i >= 0 && i < n) values[i] = input.mode === 'presence' ? 1 : v
    }
    const service = s.labels[input.serviceLabel] ?? input.ruleLabels[input.serviceLabel] ?? null
    return { labels: s.labels, service, values }
  })
}

const isActive = (v: number, inclusive: boolean, m = 1): boolean => (Number.isNaN(v) ? false : inclusive ? v >= m : v > m)

/** Firing intervals of one series, as Prometheus evaluates `for` and `keep_firing_for`. */
export function firingIntervals(
  values: Float64Array,
  from: number,
  step: number,
  forSeconds: number,
  keepSeconds: number,
  inclusive: boolean
): Array<{ start: number; end: number; open: boolean }> {
  const out: Array<{ start: number; end: number; open: boolean }> = []
  let activeSince: number | null = null
  let keepSince: number | null = null
  let firingStart: number | null = null
  for (let i = 0; i < values.length; i++) {
    const t = from + i * step
    const active = isActive(values[i]!, inclusive)
    let firing = false
    if (active) {
      keepSince = null
      if (activeSince === null) activeSince = t
      firing = firingStart !== null || t - activeSince >= forSeconds - 1e-9
    } else if (firingStart !== null && keepSeconds > 0) {
      if (keepSince === null) keepSince = t
      firing = t - keepSince < keepSeconds
      if (!firing) activeSince = null
    } else {
      activeSince = null
    }
    if (firing && firingStart === null) firingStart = t
    if (!firing && firingStart !== null) {
      out.push({ start: firingStart, end: t, open: false })
      firingStart = null
      activeSince = active ? activeSince : null
    }
  }
  if (firingStart !== null) out.push({ start: firingStart, end: from + (values.length - 1) * step, open: true })
  return out
}

/** The value held for `for`: the smallest of the k consecutive evaluations ending at each step. */
export function sustained(values: Float64Array, step: number, forSeconds: number): Float64Array {
  const k = forSeconds > 0 ? Math.ceil(forSeconds / step - 1e-9) + 1 : 1
  const out = new Float64Array(values.length).fill(Number.NaN)
  for (let i = k - 1; i < values.length; i++) {
    let m = Number.POSITIVE_INFINITY
    for (let j = i - k + 1; j <= i && !Number.isNaN(m); j++) m = Number.isNaN(values[j]!) ? Number.NaN : Math.min(m, values[j]!)
    out[i] = m
  }
  return out
}

function incidentWindow(i: Incident): { start: number; end: number } {
  const start = sec(i.started_at)
  return { start: start - EARLY_ALERT_SECONDS, end: i.resolved_at ? sec(i.resolved_at) : start + OPEN_INCIDENT_SECONDS }
}

const inScope = (incident: Incident, service: string | null): boolean => !incident.service || !service || incident.service === service

/** Largest (lowering) or smallest (raising) short number within [lo, hi) (or (lo, hi] when inclusive). */
export function pickValue(lo: number, hi: number, lowering: boolean, inclusive: boolean): number {
  // A margin keeps the proposal off values seen in the data, where rounding would decide.
  const okLo = (v: number): boolean => (inclusive ? v > lo * (1 + 1e-9) : v >= lo * (1 + 1e-9))
  const okHi = (v: number): boolean => (inclusive ? v <= hi * (1 - 1e-9) : v < hi * (1 - 1e-9))
  for (const digits of [2, 3, 4]) {
    // Just inside the bound, so that a bound of exactly 10 gives 9.9 and not 9, however it rounded.
    const ref = lowering ? hi * (1 - 1e-9) : lo * (1 + 1e-9)
    if (!(ref > 0)) break
    const unit = 10 ** (Math.floor(Math.log10(ref)) - digits + 1)
    let v = lowering ? Math.floor((ref / unit) * (1 + 1e-12)) * unit : Math.ceil((ref / unit) * (1 - 1e-12)) * unit
    v = sig(v, digits + 1)
    if (lowering && !okHi(v)) v = sig(v - unit, digits + 1)
    if (!lowering && !okLo(v)) v = sig(v + unit, digits + 1)
    if (v > 0 && okLo(v) && okHi(v)) return v
  }
  return sig((lo + hi) / 2)
}

/** Evaluate one rule's range-query answer against the incidents. */
export function evaluateRule(input: RuleEvalInput): RuleEvalResult {
  const grid = toGrid(input)
  const step = input.stepSeconds
  const covered = (i: Incident): boolean => sec(i.started_at) >= input.from && sec(i.started_at) <= input.to
  // Which incidents the rule answers for: those of the services it has series for, else of its labels/matchers.
  const seriesServices = new Set(grid.map((g) => g.service))
  const scoped = input.incidents.filter((inc) => {
    if (grid.length) return [...seriesServices].some((s) => inScope(inc, s))
    return input.ruleServices.length === 0 || !inc.service || input.ruleServices.includes(inc.service)
  })

  const intervals: Array<FiringInterval & { s: number; e: number }> = []
  // A sample of a condition is its firing: the 1 put for it is active, as a signal of exactly 1 is when inclusive.
  const inclusive = input.mode === 'presence' || input.inclusive
  for (const g of grid) {
    for (const f of firingIntervals(g.values, input.from, step, input.forSeconds, input.keepFiringForSeconds, inclusive)) {
      const matched = scoped.filter((inc) => {
        if (!inScope(inc, g.service) || !covered(inc)) return false
        const w = incidentWindow(inc)
        return f.start <= w.end && f.end > w.start
      })
      intervals.push({
        service: g.service,
        labels: g.labels,
        start: iso(f.start),
        end: iso(f.end),
        open: f.open,
        incidents: matched.map((m) => m.id),
        s: f.start,
        e: f.end
      })
    }
  }
  intervals.sort((a, b) => a.s - b.s || byText(a.service ?? '', b.service ?? ''))

  const signal = input.mode === 'signal'
  const held = signal ? grid.map((g) => sustained(g.values, step, input.forSeconds)) : []
  const primary = input.factors.length ? Math.max(...input.factors) : null
  const peakIn = (inc: Incident): { signal: number; at: number } | null => {
    const w = incidentWindow(inc)
    let best: { signal: number; at: number } | null = null
    grid.forEach((g, gi) => {
      if (!inScope(inc, g.service)) return
      const h = held[gi]!
      // Only the steps inside the window: the cost is the window's length, not the lookback's.
      const [lo, hi] = [
        Math.max(0, Math.ceil((w.start - input.from) / step - 1e-9)),
        Math.min(h.length - 1, Math.floor((w.end - input.from) / step + 1e-9))
      ]
      for (let i = lo; i <= hi; i++) {
        if (Number.isNaN(h[i]!)) continue
        if (!best || h[i]! > best.signal) best = { signal: h[i]!, at: input.from + i * step }
      }
    })
    return best
  }

  const outcomes: IncidentOutcome[] = scoped.map((inc) => {
    const base = {
      id: inc.id,
      service: inc.service ?? null,
      started_at: inc.started_at,
      resolved_at: inc.resolved_at ?? null,
      source: inc.source
    }
    if (!covered(inc)) return { ...base, status: 'outside_data', detection_seconds: null, reset_seconds: null }
    const hits = intervals.filter((f) => f.incidents.includes(inc.id))
    const p = signal ? peakIn(inc) : undefined
    const peak =
      p === undefined
        ? {}
        : { peak: p ? { signal: sig(p.signal), factor: primary !== null ? sig(p.signal * primary) : null, at: iso(p.at) } : null }
    if (hits.length === 0) return { ...base, status: 'missed', detection_seconds: null, reset_seconds: null, ...peak }
    const last = hits.reduce((a, b) => (b.e > a.e ? b : a))
    return {
      ...base,
      status: 'detected',
      detection_seconds: Math.round(hits[0]!.s - sec(inc.started_at)),
      reset_seconds: inc.resolved_at && !last.open ? Math.round(last.e - sec(inc.resolved_at)) : null,
      ...peak
    }
  })

  const tp = intervals.filter((f) => f.incidents.length > 0).length
  const fp = intervals.length - tp
  const judged = outcomes.filter((o) => o.status !== 'outside_data')
  const detected = judged.filter((o) => o.status === 'detected')
  const mean = (xs: number[]): number | null => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null)

  let proposal: FactorProposal | null = null
  if (signal && judged.length && (fp > 0 || detected.length < judged.length)) {
    proposal = propose({
      grid,
      held,
      step,
      from: input.from,
      scoped,
      judged,
      peakIn,
      fp,
      inclusive: input.inclusive,
      factors: input.factors,
      thresholds: input.thresholds,
      tailSeconds: input.resetTailSeconds
    })
  }

  return {
    intervals: intervals.map(({ s: _s, e: _e, ...f }) => f),
    true_positives: tp,
    false_positives: fp,
    missed: judged.length - detected.length,
    precision: intervals.length ? round(tp / intervals.length) : null,
    recall: judged.length ? round(detected.length / judged.length) : null,
    mean_detection_seconds: mean(detected.map((o) => o.detection_seconds!)),
    mean_reset_seconds: mean(detected.flatMap((o) => (o.reset_seconds === null ? [] : [o.reset_seconds]))),
    incidents: outcomes,
    proposal
  }
}

/**
 * Levels at which a rule would fire outside every incident (a false positive). A sample held at
 * h outside the incidents fires at any level m < h. Within an incident's reset tail (`inTail`)
 * that firing belongs to the incident when the run of samples above m reaches back into the
 * incident's window, i.e. when m is below the run's bottleneck b: there only [b, h) is a false
 * positive. Elsewhere every level below h is.
 */
export function falsePositiveLevels(
  held: Float64Array,
  inWindow: boolean[],
  inTail: boolean[]
): Array<{ from: number; to: number; at: number }> {
  const n = held.length
  const v = (i: number): number => (Number.isNaN(held[i]!) ? Number.NEGATIVE_INFINITY : held[i]!)
  const left = new Float64Array(n)
  const right = new Float64Array(n)
  for (let i = 0; i < n; i++) left[i] = inWindow[i] ? v(i) : Math.min(v(i), i > 0 ? left[i - 1]! : Number.NEGATIVE_INFINITY)
  for (let i = n - 1; i >= 0; i--) right[i] = inWindow[i] ? v(i) : Math.min(v(i), i < n - 1 ? right[i + 1]! : Number.NEGATIVE_INFINITY)
  const out: Array<{ from: number; to: number; at: number }> = []
  for (let i = 0; i < n; i++) {
    if (inWindow[i] || Number.isNaN(held[i]!)) continue
    const b = inTail[i] ? Math.max(0, left[i]!, right[i]!) : 0
    if (b < held[i]!) out.push({ from: b, to: held[i]!, at: i })
  }
  return out
}

function propose(a: {
  grid: GridSeries[]
  held: Float64Array[]
  step: number
  from: number
  scoped: Incident[]
  judged: IncidentOutcome[]
  peakIn: (inc: Incident) => { signal: number; at: number } | null
  fp: number
  inclusive: boolean
  factors: number[]
  thresholds: number[]
  tailSeconds: number
}): FactorProposal | null {
  // Levels (multiples of the current thresholds) at which a firing outside the incidents occurs.
  const bad: Array<{ from: number; to: number; at: number }> = []
  a.grid.forEach((g, gi) => {
    const windows = a.scoped.filter((inc) => inScope(inc, g.service)).map(incidentWindow)
    const inWindow = new Array<boolean>(g.values.length).fill(false)
    const inTail = new Array<boolean>(g.values.length).fill(false)
    const mark = (flags: boolean[], from: number, to: number, openStart: boolean): void => {
      const first = Math.max(0, openStart ? Math.floor((from - a.from) / a.step + 1e-9) + 1 : Math.ceil((from - a.from) / a.step - 1e-9))
      const last = Math.min(flags.length - 1, Math.floor((to - a.from) / a.step + 1e-9))
      for (let i = first; i <= last; i++) flags[i] = true
    }
    for (const w of windows) {
      mark(inWindow, w.start, w.end, false)
      mark(inTail, w.end, w.end + a.tailSeconds, true)
    }
    for (let i = 0; i < inTail.length; i++) if (inWindow[i]) inTail[i] = false
    for (const b of falsePositiveLevels(a.held[gi]!, inWindow, inTail)) bad.push({ ...b, at: a.from + b.at * a.step })
  })
  bad.sort((x, y) => x.from - y.from)
  const merged: Array<{ from: number; to: number; at: number }> = []
  for (const b of bad) {
    const last = merged[merged.length - 1]
    if (last && b.from <= last.to) {
      if (b.to > last.to) Object.assign(last, { to: b.to, at: b.at })
    } else merged.push({ ...b })
  }
  // The allowed levels just below `below` (lowering), or from the current level up (raising).
  const rangeBelow = (below: number): { lo: number; hi: number; at: number | null } => {
    let hi = below
    for (const m of [...merged].reverse()) if (m.from < hi && m.to >= hi) hi = m.from
    const under = merged.filter((m) => m.to <= hi)
    const top = under.reduce<{ to: number; at: number } | null>((x, m) => (!x || m.to > x.to ? m : x), null)
    return { lo: top?.to ?? 0, hi, at: top?.at ?? null }
  }
  const rangeAbove = (current: number, cap: number): { lo: number; hi: number; at: number | null } => {
    let lo = current
    let at: number | null = null
    for (const m of merged) if (m.from <= lo && m.to > lo) [lo, at] = [m.to, m.at]
    const next = merged.find((m) => m.from > lo)
    return { lo, hi: Math.min(cap, next ? next.from : Number.POSITIVE_INFINITY), at }
  }

  const peaks = a.judged.map((o) => ({ o, p: a.peakIn(a.scoped.find((x) => x.id === o.id)!) }))
  const missed = peaks.filter((x) => x.o.status === 'missed' && x.p && x.p.signal > 0).sort((x, y) => y.p!.signal - x.p!.signal)
  let range: { lo: number; hi: number; at: number | null } | undefined
  let lowering = false
  // Catch as many missed incidents as the false-positive levels allow, highest peaks first.
  for (let j = missed.length - 1; j >= 0 && !range; j--) {
    const r = rangeBelow(missed[j]!.p!.signal)
    if (r.hi > r.lo && r.hi > 0) [range, lowering] = [r, true]
  }
  if (!range && a.fp > 0) {
    const caught = peaks.filter((x) => x.o.status === 'detected' && x.p).map((x) => x.p!.signal)
    const r = rangeAbove(1, caught.length ? Math.min(...caught) : Number.POSITIVE_INFINITY)
    if (r.hi > r.lo && Number.isFinite(r.hi)) range = r
  }
  if (!range) return null

  const primary = a.factors.length ? Math.max(...a.factors) : null
  const unit = primary ?? Math.max(...a.thresholds)
  if (!(unit > 0)) return null
  const value = pickValue(range.lo * unit, range.hi * unit, lowering, a.inclusive)
  const m = value / unit
  const what = primary !== null ? 'factor' : 'threshold'
  const cur = primary !== null ? a.factors.map((f) => sig(f)) : a.thresholds.map((x) => sig(x))
  const next = primary !== null ? a.factors.map((f) => sig(f * m, 4)) : a.thresholds.map((x) => sig(x * m, 4))
  const caught = (s: number): boolean => (a.inclusive ? s >= m : s > m)
  const uncaught = peaks.filter((x) => x.o.status === 'missed' && !(x.p && caught(x.p.signal)))
  const newlyCaught = peaks.filter((x) => x.o.status === 'missed' && x.p && caught(x.p.signal))
  const why = [
    lowering
      ? `${newlyCaught.map((x) => `${x.o.id} held ${sig(x.p!.signal * unit, 4)}`).join(', ')} (${what}) for the rule's for duration without firing; outside the incidents it held at most ${sig(range.lo * unit, 4)}`
      : `${a.fp} firing(s) outside any incident held up to ${sig(range.lo * unit, 4)} (${what}); the incidents caught held at least ${Number.isFinite(range.hi) ? sig(range.hi * unit, 4) : 'n/a'}`,
    uncaught.length
      ? `not catchable without false positives: ${uncaught.map((x) => `${x.o.id} (peak ${x.p ? sig(x.p.signal * unit, 4) : 'no data'})`).join(', ')}`
      : ''
  ]
    .filter(Boolean)
    .join('; ')
  return {
    change: `${what} ${cur.join(', ')} to ${next.join(', ')}`,
    why,
    current_factors: a.factors.map((f) => sig(f)),
    proposed_factors: primary !== null ? a.factors.map((f) => sig(f * m, 4)) : [],
    threshold_multiplier: sig(m),
    current_thresholds: a.thresholds.map((x) => sig(x)),
    proposed_thresholds: a.thresholds.map((x) => sig(x * m)),
    peak_outside: {
      signal: sig(range.lo),
      factor: primary !== null ? sig(range.lo * primary) : null,
      at: range.at === null ? null : iso(range.at)
    },
    incidents: peaks
      .filter((x) => x.p)
      .map((x) => ({
        id: x.o.id,
        peak_signal: sig(x.p!.signal),
        peak_factor: primary !== null ? sig(x.p!.signal * primary) : null,
        at: iso(x.p!.at),
        caught_by_proposal: caught(x.p!.signal)
      }))
  }
}

type Span = { start: number; end: number }

function merge(spans: Span[]): Span[] {
  const s = [...spans].sort((a, b) => a.start - b.start)
  const out: Span[] = []
  for (const x of s) {
    const last = out[out.length - 1]
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end)
    else out.push({ ...x })
  }
  return out
}

const total = (spans: Span[]): number => spans.reduce((a, b) => a + (b.end - b.start), 0)

function intersect(a: Span[], b: Span[]): number {
  let sum = 0
  for (const x of a) for (const y of b) sum += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start))
  return sum
}

/**
 * Firing spans from `count_over_time(ALERTS{alertstate="firing"}[step])`: runs of consecutive
 * steps (each point is a step with a sample of its own).
 */
export function historySpans(series: RangeSeries[], step: number): Span[] {
  const spans: Span[] = []
  for (const s of series) {
    let start: number | undefined
    let last: number | undefined
    for (const [t, count] of s.values) {
      if (!(count > 0)) continue
      if (last !== undefined && t - last > step * 1.5) {
        spans.push({ start: start!, end: last + step })
        start = undefined
      }
      if (start === undefined) start = t
      last = t
    }
    if (start !== undefined && last !== undefined) spans.push({ start, end: last + step })
  }
  return merge(spans)
}

/**
 * The backtest against what ALERTS recorded over the same window. Each side is widened by
 * `slack` seconds when measuring the shared time, so that evaluation times that differ by a
 * step or two still agree.
 */
export function compareWithHistory(args: {
  name: string
  loaded: boolean | null
  backtest: Array<{ start: string; end: string }>
  history: Span[]
  from: number
  to: number
  slack: number
}): RuleBacktest['history'] {
  const clip = (s: Span[]): Span[] =>
    s.map((x) => ({ start: Math.max(x.start, args.from), end: Math.min(x.end, args.to) })).filter((x) => x.end > x.start)
  const b = clip(merge(args.backtest.map((x) => ({ start: sec(x.start), end: sec(x.end) }))))
  const h = clip(args.history)
  const widen = (s: Span[]): Span[] => merge(s.map((x) => ({ start: x.start - args.slack, end: x.end + args.slack })))
  const B = total(b)
  const H = total(h)
  const agreement = B + H === 0 ? 1 : round((intersect(b, widen(h)) + intersect(h, widen(b))) / (B + H))
  const base = { fired_seconds: Math.round(H), backtest_seconds: Math.round(B), agreement }
  if (agreement >= 0.8)
    return {
      status: 'agrees',
      ...base,
      detail: B + H === 0 ? 'neither ALERTS nor the backtest fired' : `${Math.round(agreement * 100)}% of the firing time is shared`
    }
  const why = args.loaded === false ? 'the rule is not loaded by the rules backend' : 'the rule was changed, or loaded, during the lookback'
  const detail =
    H === 0
      ? `the backtest fires for ${Math.round(B)} s but ALERTS shows no firing of ${args.name}: ${why}`
      : B === 0
        ? `ALERTS shows ${args.name} firing for ${Math.round(H)} s where the backtest never fires: the rule that fired differs from the one in force (changed during the lookback)`
        : `ALERTS shows ${Math.round(H)} s of firing, the backtest ${Math.round(B)} s, ${Math.round(agreement * 100)}% shared: ${why}`
  return { status: 'disagrees', ...base, detail }
}
