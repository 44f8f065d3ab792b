/**
 * How much of a window the data really covers. A rate over 30 minutes of a service that has
 * existed for 30 seconds is diluted sixty-fold, and a 30-day attainment from one minute of data
 * says nothing: every windowed figure records the range its data covers, is computed over that
 * range, and is `insufficient_data` below a minimum coverage (time) or a minimum of requests.
 */
import { parser } from '@prometheus-io/lezer-promql'
import type { DataCoverage } from '../artifacts/contracts/common.js'
import type { Config } from '../config/schema.js'
import { durationSeconds } from '../util/duration.js'
import { exactRegex, promDuration } from './vector.js'

/** Label that tells the parts of a combined query apart (as in the coverage query of the audit). */
export const PART_LABEL = 'sre_part'

export type { DataCoverage }

/** The criteria whose figures need a window of data; each has its own minimums in `sufficiency.criteria`. */
export type SufficiencyCriterion = 'baseline' | 'claims' | 'slo-attainment' | 'alert-correlation'

export interface SufficiencyRule {
  minimumSeconds: number
  minimumRequests: number
  /** The figure is reported but no gate fails on its insufficiency. */
  informational: boolean
}

/** Minimums for a criterion over a window: a thirtieth of the window (a day for 30 days) unless configured. */
export function sufficiencyRule(config: Config, criterion: SufficiencyCriterion, windowSeconds: number): SufficiencyRule {
  const s = config.sufficiency
  const c = s.criteria[criterion] ?? {}
  const minCoverage = c['min-coverage'] ?? s['min-coverage']
  const minPercent = c['min-coverage-percent'] ?? s['min-coverage-percent']
  const minimumSeconds =
    minCoverage !== undefined
      ? durationSeconds(minCoverage)
      : minPercent !== undefined
        ? (windowSeconds * minPercent) / 100
        : windowSeconds / 30
  return {
    minimumSeconds: Math.min(minimumSeconds, windowSeconds),
    minimumRequests: c['min-requests'] ?? s['min-requests'],
    informational: c.informational ?? false
  }
}

/** The series selectors a PromQL expression reads (`http_requests_total{code=~"5.."}`), in order, once each. */
export function selectorsOf(query: string): string[] {
  const out: string[] = []
  const cursor = parser.parse(query).cursor()
  do {
    if (cursor.name === 'VectorSelector') {
      const text = query.slice(cursor.from, cursor.to).trim()
      if (text && !out.includes(text)) out.push(text)
    }
  } while (cursor.next())
  return out
}

/** Counters (and histogram counts) have a request count over a window; gauges and recorded rates do not. */
export function isCounterSelector(selector: string): boolean {
  const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(selector)?.[0] ?? /__name__\s*=\s*"([^"]+)"/.exec(selector)?.[1] ?? ''
  return /(_total|_count|_bucket)$/.test(name)
}

/** Past an hour, the coverage query's coarse steps: a thousandth of the window. */
const coarseStepOf = (windowSeconds: number): number => Math.max(1, Math.ceil(windowSeconds / 1000))

/** The fine window for the first sample: the window, up to its last hour. */
const fineRangeOf = (windowSeconds: number): number => Math.min(windowSeconds, 3600)

/** The fine subquery's range (the fine window, or less) and step: at most 1,800 steps, a second apart up to half an hour. */
const fineSubquery = (windowSeconds: number, rangeSeconds = fineRangeOf(windowSeconds)): string => {
  const range = Math.max(1, Math.min(Math.ceil(rangeSeconds), fineRangeOf(windowSeconds)))
  return `[${promDuration(range)}:${promDuration(Math.max(1, Math.ceil(range / 1800)))}]`
}

/**
 * One PromQL expression giving, per group, the first sample time in the window (`first`), the
 * newest sample time (`newest`, `newest_now`) and the requests counted (`events`, for counters).
 * The coarse subquery spans the whole window; a fine one over the last hour (or the window) finds
 * the start of a young series to a few seconds.
 */
export function coverageExpression(
  selectors: string[],
  windowSeconds: number,
  groupBy: string[],
  opts: { countEvents?: boolean; fineApart?: boolean } = {}
): string {
  const by = groupBy.length ? ` by (${groupBy.join(', ')})` : ''
  const win = promDuration(windowSeconds)
  const fineRange = fineRangeOf(windowSeconds)
  const fine = fineSubquery(windowSeconds)
  // The newest sample is seen, with its own time, at every step of the lookback after it: a step
  // a minute apart finds it exactly (a fifth of the 5-minute lookback), for a fraction of the work.
  const newestFine = `[${promDuration(fineRange)}:${promDuration(Math.min(60, fineRange))}]`
  const coarse = windowSeconds > fineRange ? `[${win}:${promDuration(coarseStepOf(windowSeconds))}]` : undefined
  const part = (expr: string, name: string): string => `label_replace(${expr}, "${PART_LABEL}", "${name}", "", "")`
  const any = (f: (s: string) => string): string => selectors.map(f).join(' or ')
  // A window of an hour or less is read to the sample: `timestamp()` of the selector, every
  // series at every step, finds the first and newest sample times exactly. Past an hour (a coarse
  // subquery at a thousandth of the window) the steps a group has data are enough: `timestamp()`
  // of the group's count is one series per group and step, a fifth of the backend's work for
  // 1,500 series; the first step trails the first sample by at most the resolution, and the
  // newest step its sample by at most the 5-minute lookback (`newest_now` reads a live series exactly).
  const sampleTimes = (fn: 'min' | 'max', s: string, range: string): string => `${fn}_over_time(timestamp(${s})${range})`
  const stepTimes = (fn: 'min' | 'max', s: string, range: string): string => `${fn}_over_time(timestamp(count${by} (${s}))${range})`
  const over = coarse ? stepTimes : sampleTimes
  // Apart: the sample at the window's start (one step, `offset`) answers for every group whose
  // data is older than the window; the fine subquery is asked after, for the others only.
  const firstPart = opts.fineApart
    ? part(`min${by} (${any((s) => `timestamp(${s} offset ${win})`)})`, 'first_start')
    : part(`min${by} (${any((s) => over('min', s, fine))})`, 'first')
  const parts = [
    firstPart,
    part(`max${by} (${any((s) => over('max', s, coarse ?? newestFine))})`, 'newest'),
    part(`max${by} (${any((s) => `timestamp(${s})`)})`, 'newest_now')
  ]
  if (coarse) parts.splice(1, 0, part(`min${by} (${any((s) => stepTimes('min', s, coarse))})`, 'first_coarse'))
  const counters = selectors.filter(isCounterSelector)
  if (opts.countEvents !== false && counters.length > 0)
    parts.push(part(`sum${by} (${counters.map((s) => `increase(${s}[${win}])`).join(' or ')})`, 'events'))
  return parts.join('\nor\n')
}

/** A selector narrowed to the groups named (one grouping label), or as it is. */
function narrowed(s: string, groupBy: string[], only?: string[]): string {
  if (!only || groupBy.length !== 1) return s
  const m = `${groupBy[0]}=~${exactRegex(only)}`
  return /\{\s*\}$/.test(s) ? s.replace(/\{\s*\}$/, `{${m}}`) : s.endsWith('}') ? `${s.slice(0, -1)}, ${m}}` : `${s}{${m}}`
}

/** Steps of the bound query: its step is the window over this. */
const BOUND_STEPS = 30

/**
 * For the groups whose data starts inside the window: the first of thirty steps at which each has
 * data (`first_coarse`), for a window of up to an hour; past an hour the coverage query's coarse
 * steps already gave it (no query). A group's first sample lies within one step before, so the
 * fine query need only reach that far back (a service seconds old is read over seconds, not the window).
 */
export function youngStartExpression(
  selectors: string[],
  windowSeconds: number,
  groupBy: string[],
  only?: string[]
): { query?: string; stepSeconds: number } {
  if (windowSeconds > 3600) return { stepSeconds: coarseStepOf(windowSeconds) }
  const by = groupBy.length ? ` by (${groupBy.join(', ')})` : ''
  const stepSeconds = Math.max(1, Math.ceil(windowSeconds / BOUND_STEPS))
  const range = `[${promDuration(windowSeconds)}:${promDuration(stepSeconds)}]`
  const any = selectors.map((s) => `min_over_time(timestamp(count${by} (${narrowed(s, groupBy, only)}))${range})`).join(' or ')
  return { query: `label_replace(min${by} (${any}), "${PART_LABEL}", "first_coarse", "", "")`, stepSeconds }
}

/**
 * The fine `first` part alone, for the groups whose data starts inside the window (asked after a
 * `fineApart` coverage answer), over the window's last `rangeSeconds` when the data is known to be
 * younger, ending `offsetSeconds` ago when every such group is known to have data by then. With one
 * grouping label and a few such groups, the selectors are narrowed to them, so the backend reads
 * their series only.
 */
export function fineFirstExpression(
  selectors: string[],
  windowSeconds: number,
  groupBy: string[],
  only?: string[],
  rangeSeconds?: number,
  offsetSeconds = 0
): string {
  const by = groupBy.length ? ` by (${groupBy.join(', ')})` : ''
  const fine = fineSubquery(windowSeconds, rangeSeconds)
  const offset = offsetSeconds >= 1 ? ` offset ${promDuration(Math.floor(offsetSeconds))}` : ''
  const any = selectors.map((s) => `min_over_time(timestamp(${narrowed(s, groupBy, only)})${fine}${offset})`).join(' or ')
  return `label_replace(min${by} (${any}), "${PART_LABEL}", "first", "", "")`
}

/** Up to this many groups are named in the fine query; more read every series (as one query does). */
export const FINE_NARROW_MAX = 200

/**
 * Whether a group's first sample is still to be found by the fine query: it has data, none at the
 * window's start, and (past an hour) the coarse steps put its start in the last hour.
 */
export function needsFineFirst(row: CoverageRow, windowSeconds: number, nowSec: number): boolean {
  if (row.startSeen || row.newest === undefined) return false
  return windowSeconds <= 3600 || row.first === undefined || row.first > nowSec - fineRangeOf(windowSeconds)
}

/** What a coverage answer said for one group. */
export interface CoverageRow {
  first?: number
  newest?: number
  events?: number
  /** A sample at the window's start was seen (`first_start`): the data covers the window from its start. */
  startSeen?: boolean
}

/** Fold one sample of a coverage answer into its row. */
export function addCoverageSample(row: CoverageRow, part: string | undefined, value: number): void {
  if (!Number.isFinite(value)) return
  if (part === 'first_start') {
    row.startSeen = true
    row.first = Math.min(row.first ?? Infinity, value)
  } else if (part === 'first' || part === 'first_coarse') row.first = Math.min(row.first ?? Infinity, value)
  else if (part === 'newest' || part === 'newest_now') row.newest = Math.max(row.newest ?? -Infinity, value)
  else if (part === 'events') row.events = (row.events ?? 0) + value
}

/**
 * The covered range of a window ending at `now`: from the first sample (not before the window's
 * start) to now while the series is live, or to its newest sample once it stopped (older than
 * `liveSeconds`).
 */
export function coverageOf(
  row: CoverageRow | undefined,
  args: { now: Date; window: string; rule: SufficiencyRule; query: string; liveSeconds?: number; countsRequests: boolean }
): DataCoverage {
  const windowSeconds = durationSeconds(args.window)
  const nowSec = args.now.getTime() / 1000
  const start = nowSec - windowSeconds
  const iso = (t: number): string => new Date(Math.round(t * 1000)).toISOString()
  const base = {
    window: args.window,
    window_seconds: windowSeconds,
    minimum_seconds: Math.round(args.rule.minimumSeconds),
    query: args.query
  }
  const reqs = args.countsRequests
    ? { requests: row?.events !== undefined ? Math.round(row.events * 1000) / 1000 : null, minimum_requests: args.rule.minimumRequests }
    : {}
  if (!row || row.first === undefined || row.newest === undefined) {
    return { ...base, from: null, to: null, seconds: 0, ...reqs, sufficient: false }
  }
  const from = Math.max(start, row.first)
  const live = nowSec - row.newest <= (args.liveSeconds ?? 300)
  const to = live ? nowSec : Math.min(nowSec, row.newest)
  const seconds = Math.max(0, Math.round(to - from))
  const enoughTime = seconds >= args.rule.minimumSeconds
  const enoughRequests = !args.countsRequests || (row.events ?? 0) >= args.rule.minimumRequests
  return { ...base, from: iso(from), to: iso(row.newest), seconds, ...reqs, sufficient: enoughTime && enoughRequests && seconds > 0 }
}

/** 20160 -> "5h36m", 86400 -> "1d", 30 -> "30s". */
export function humanDuration(seconds: number): string {
  let rest = Math.round(seconds)
  if (rest <= 0) return '0s'
  const out: string[] = []
  for (const [unit, n] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1]
  ] as const) {
    if (rest >= n) {
      out.push(`${Math.floor(rest / n)}${unit}`)
      rest %= n
    }
  }
  return out.join('')
}

/** "30s of the 30d window (data from ...); at least 1d needed" */
export function describeCoverage(c: DataCoverage): string {
  const covered = c.from
    ? `${humanDuration(c.seconds)} of the ${c.window} window (data from ${c.from})`
    : `no data in the ${c.window} window`
  const wantTime = c.seconds < c.minimum_seconds ? `; at least ${humanDuration(c.minimum_seconds)} needed` : ''
  const wantReq =
    c.requests !== undefined && c.minimum_requests !== undefined && (c.requests ?? 0) < c.minimum_requests
      ? `; ${c.requests ?? 0} request(s), at least ${c.minimum_requests} needed`
      : ''
  return `${covered}${wantTime}${wantReq}`
}
