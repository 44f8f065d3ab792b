/**
 * When each metric a rule reads has data in the lookback: the first and last step of a grid
 * (`start + k * step`) at which a query for the name sees a sample, as one range query over the
 * whole grid would give. That query costs the backend one lookup per series and step (5,040 steps
 * for 7 days at 2 minutes), seconds at fleet size; here a coarse query finds the hundredth of the
 * lookback where each name's data starts and ends (`last_over_time` over each part, so no sample
 * falls between its steps), and a grid query over just those parts finds the steps.
 */
import { exactRegex } from '../../telemetry/vector.js'

export interface DataSpan {
  from: number
  to: number
}

export interface RangeAsker {
  rangeQuery(
    query: string,
    start: Date,
    end: Date,
    stepSeconds: number
  ): Promise<{ series: Array<{ labels: Record<string, string>; values: Array<[number, number]> }> }>
}

/** Parts of the lookback the coarse query reads; more parts than these found at once ask the whole grid. */
const COARSE_PARTS = 100
const MAX_FINE_QUERIES = 8
/** Prometheus' lookback delta: a grid step sees a sample up to this old. */
const LOOKBACK_DELTA = 300

const countByName = (names: string[], inner: (sel: string) => string = (s) => s): string =>
  `count by (__name__) (${inner(`{__name__=~${exactRegex([...names].sort())}}`)})`

/** The grid query for the names: what is recorded when the coverage could not be read. */
export const dataCoverageQuery = (names: string[]): string => countByName(names)

export async function dataSpans(
  prom: RangeAsker,
  names: string[],
  start: number,
  end: number,
  step: number,
  count: () => void
): Promise<{ spans: Map<string, DataSpan>; queries: string[] }> {
  const spans = new Map<string, DataSpan>()
  const queries: string[] = []
  /** Asks the grid over [from, to] for the names; returns the names it saw. */
  const grid = async (ns: string[], from: number, to: number): Promise<Set<string>> => {
    const found = new Set<string>()
    const a = Math.max(start, start + Math.ceil((from - start) / step) * step)
    const b = Math.min(end, to)
    if (a > b || ns.length === 0) return found
    const query = countByName(ns)
    queries.push(query)
    count()
    for (const s of (await prom.rangeQuery(query, new Date(a * 1000), new Date(b * 1000), step)).series) {
      const name = s.labels.__name__
      if (!name || s.values.length === 0) continue
      found.add(name)
      const seen = spans.get(name)
      const first = s.values[0]![0]
      const last = s.values[s.values.length - 1]![0]
      spans.set(name, { from: Math.min(seen?.from ?? Infinity, first), to: Math.max(seen?.to ?? -Infinity, last) })
    }
    return found
  }
  // A part at least as long as the lookback delta, so a sample a grid step sees lies in its part or the one before.
  const part = Math.max(LOOKBACK_DELTA, step, Math.ceil((end - start) / COARSE_PARTS / step) * step)
  if ((end - start) / part <= 4) {
    await grid(names, start, end)
    return { spans, queries }
  }
  const parts = Math.ceil((end - start) / part)
  const coarseStart = end - parts * part
  const coarse = countByName(names, (sel) => `last_over_time(${sel}[${part}s])`)
  queries.push(coarse)
  count()
  // Which part (its end time) each name's data starts and ends in.
  const firstPart = new Map<string, number>()
  const lastPart = new Map<string, number>()
  for (const s of (await prom.rangeQuery(coarse, new Date(coarseStart * 1000), new Date(end * 1000), part)).series) {
    const name = s.labels.__name__
    if (!name || s.values.length === 0) continue
    firstPart.set(name, s.values[0]![0])
    lastPart.set(name, s.values[s.values.length - 1]![0])
  }
  // The grid step seeing a part's first sample may lie up to the lookback delta after the part;
  // the one seeing its last sample, likewise. One grid query per distinct range, names together.
  const ranges = new Map<string, { from: number; to: number; names: string[] }>()
  const want = (name: string, from: number, to: number): void => {
    const key = `${from}:${to}`
    const r = ranges.get(key) ?? { from, to, names: [] }
    r.names.push(name)
    ranges.set(key, r)
  }
  for (const [name, f] of firstPart) {
    const l = lastPart.get(name)!
    if (l - f <= part) want(name, f - part, l + LOOKBACK_DELTA)
    else {
      want(name, f - part, f + LOOKBACK_DELTA)
      want(name, l - part, l + LOOKBACK_DELTA)
    }
  }
  const all = [...firstPart.keys()]
  if (ranges.size > MAX_FINE_QUERIES) {
    await grid(all, start, end)
    return { spans, queries }
  }
  // A name every one of whose ranges the grid saw is exact; one a range missed (a lone sample
  // marked stale at once, so no grid step sees it) has steps elsewhere, if any: the whole grid answers for it.
  const missed = new Set<string>()
  for (const r of ranges.values()) {
    const found = await grid(r.names, r.from, r.to)
    for (const n of r.names) if (!found.has(n)) missed.add(n)
  }
  if (missed.size) {
    for (const n of missed) spans.delete(n)
    await grid([...missed], start, end)
  }
  return { spans, queries }
}
