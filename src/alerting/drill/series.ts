/**
 * Input series for the drill, built from the SLO's own queries: a "bad" and a "good" counter (or a
 * numerator and a total counter when the SLO's queries read two metrics) whose labels satisfy the
 * queries' matchers, so the SLO's error ratio over any window is exactly the burn the drill chose.
 */
import type { SloConfig } from '../../config/schema.js'
import { matchersAccept, parsePromql, regexMatches, selectors, substituteVariables, type Matcher } from '../slo/promql.js'

export interface SeriesRole {
  metric: string
  labels: Record<string, string>
  /** What its per-sample increment is: the bad events, the good events, or all events. */
  role: 'bad' | 'good' | 'total'
}

export interface SloSeries {
  series: SeriesRole[]
  /** The label that tells this service's series from another's (for a neighbour's traffic). */
  serviceLabel?: { label: string; value: string }
}

type Sel = { name?: string; matchers: Matcher[] }

function selectorsOf(query: string): Sel[] {
  return selectors(parsePromql(substituteVariables(query))).map((s) => ({ name: s.name, matchers: s.matchers }))
}

const POOL = [
  '500',
  '503',
  '200',
  '201',
  '204',
  '400',
  '404',
  '429',
  'error',
  'ok',
  'success',
  'failure',
  'true',
  'false',
  '0',
  '1',
  '5xx',
  '2xx',
  'GET',
  'x',
  'drill'
]

/** Examples a regex may match, read from its text (`5..` -> 500, `(5..|429)` -> 500, 429). */
function regexExamples(pattern: string): string[] {
  const out: string[] = []
  const alternatives = pattern.replace(/^\(\?:|^\(|\)$/g, '').split('|')
  for (const alt of alternatives) {
    const v = alt
      .replace(/[()^$]/g, '')
      .replace(/\\d/g, '0')
      .replace(/\[([^\]])[^\]]*\]/g, '$1')
      .replace(/\.\*|\.\+/g, '0')
      .replace(/\./g, '0')
      .replace(/[*?]|\{\d+(,\d*)?\}/g, '')
      .replace(/\+/g, '')
      .replace(/\\(.)/g, '$1')
    out.push(v)
  }
  return out
}

/** A value for a label that every `must` matcher accepts and every `mustNot` matcher rejects. */
function chooseValue(label: string, must: Matcher[], mustNot: Matcher[]): string | undefined {
  const candidates = new Set<string>()
  for (const m of [...must, ...mustNot]) {
    if (m.op === '=' || m.op === '!=') candidates.add(m.value)
    if (m.op === '=~' || m.op === '!~') for (const e of regexExamples(m.value)) candidates.add(e)
  }
  for (const p of POOL) candidates.add(p)
  candidates.add(`${label}-drill`)
  for (const v of candidates) {
    if (v === '') continue
    const l = { [label]: v }
    if (must.every((m) => matchersAccept([m], l)) && mustNot.every((m) => !matchersAccept([m], l))) return v
  }
  // The label left out (empty) may be the only way: `code!~".+"`.
  const empty = {}
  if (must.every((m) => matchersAccept([m], empty)) && mustNot.every((m) => !matchersAccept([m], empty))) return ''
  return undefined
}

/** Labels that satisfy all of `yes` and fail each of `no` (at least one matcher of each), or why not. */
function labelsFor(metric: string, yes: Sel[], no: Sel[]): Record<string, string> | string {
  const must = yes.flatMap((s) => s.matchers).filter((m) => m.label !== '__name__')
  const labels: Record<string, string> = {}
  for (const label of new Set(must.map((m) => m.label))) {
    const v = chooseValue(
      label,
      must.filter((m) => m.label === label),
      []
    )
    if (v === undefined)
      return `no value of ${label} satisfies ${must
        .filter((m) => m.label === label)
        .map(show)
        .join(', ')}`
    if (v !== '') labels[label] = v
  }
  for (const s of no) {
    const sm = s.matchers.filter((m) => m.label !== '__name__')
    if (!matchersAccept(sm, labels)) continue
    let done = false
    for (const m of sm) {
      const v = chooseValue(
        m.label,
        must.filter((x) => x.label === m.label),
        [m]
      )
      if (v === undefined) continue
      if (v === '') delete labels[m.label]
      else labels[m.label] = v
      done = true
      break
    }
    if (!done) return `no labels for ${metric} are counted by one query and not by the other (${sm.map(show).join(', ')})`
  }
  return labels
}

const show = (m: Matcher): string => `${m.label}${m.op}"${m.value}"`

function metricOf(sels: Sel[], what: string): string {
  const names = [...new Set(sels.map((s) => s.name).filter((n): n is string => !!n))]
  if (names.length !== 1)
    throw new Error(
      `the ${what} query reads ${names.length === 0 ? 'no metric name' : `${names.length} metrics (${names.join(', ')})`}; the drill needs one`
    )
  return names[0]!
}

/**
 * The series of an SLO's metrics: for an error/total or good/total SLO over one metric, a bad and
 * a good series of that metric; over two metrics, the numerator's series and the total's.
 */
export function sloSeries(slo: SloConfig, serviceLabel: string, selector: Record<string, string>): SloSeries | string {
  const total = slo['total-query']
  const num = slo['error-query'] ?? slo['good-query']
  const kind = slo['error-query'] ? 'error' : 'good'
  if (!total || !num) return 'the SLO has no total-query with an error-query or good-query, so its error ratio cannot be burned'
  let T: Sel[]
  let N: Sel[]
  let tm: string
  let nm: string
  try {
    T = selectorsOf(total)
    N = selectorsOf(num)
    tm = metricOf(T, 'total')
    nm = metricOf(N, kind)
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
  const series: SeriesRole[] = []
  if (tm === nm) {
    // One metric: bad events are counted by total and error (or by total and not good).
    const badL = kind === 'error' ? labelsFor(tm, [...T, ...N], []) : labelsFor(tm, T, N)
    const goodL = kind === 'error' ? labelsFor(tm, T, N) : labelsFor(tm, [...T, ...N], [])
    if (typeof badL === 'string') return badL
    if (typeof goodL === 'string') return goodL
    series.push({ metric: tm, labels: badL, role: 'bad' }, { metric: tm, labels: goodL, role: 'good' })
  } else {
    const nL = labelsFor(nm, N, [])
    const tL = labelsFor(tm, T, [])
    if (typeof nL === 'string') return nL
    if (typeof tL === 'string') return tL
    series.push({ metric: nm, labels: nL, role: kind === 'error' ? 'bad' : 'good' }, { metric: tm, labels: tL, role: 'total' })
  }
  const svc =
    [serviceLabel, ...Object.keys(selector)]
      .map((label) => ({ label, value: series[0]!.labels[label] }))
      .find((x) => x.value !== undefined && x.value !== '') ?? undefined
  return { series, ...(svc ? { serviceLabel: { label: svc.label, value: svc.value! } } : {}) }
}

/** Whether a regex in the SLO's queries could also select a neighbour's value. */
export function neighbourValue(value: string, matchers: Matcher[]): string {
  for (const suffix of ['-neighbour', '-other', 'zz']) {
    const v = `${value}${suffix}`
    if (!matchers.some((m) => m.op === '=~' && regexMatches(m.value, v))) return v
  }
  return `${value}-neighbour`
}
