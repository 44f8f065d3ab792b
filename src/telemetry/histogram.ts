/**
 * A quantile of a classic histogram's buckets, computed as Prometheus's `histogram_quantile`
 * computes it (promql/quantile.go, bucketQuantile): buckets sorted by `le` and merged where `le`
 * repeats, counts made monotonic, linear interpolation inside the bucket the rank falls in, the
 * lowest bucket starting at 0 (or at its bound when that is not positive), the second-highest
 * bound for a rank in the +Inf bucket, NaN without a +Inf bucket, with fewer than two buckets or
 * with no observation. The baseline asks the bucket rates once and reads each quantile from them.
 */

export interface Bucket {
  /** The `le` label as written: a number, `+Inf`, `Inf`. */
  le: string
  count: number
}

/** `le` as Prometheus's strconv.ParseFloat reads it; undefined for a value it would refuse. */
export function upperBound(le: string): number | undefined {
  const t = le.trim()
  if (/^[+]?inf(inity)?$/i.test(t)) return Number.POSITIVE_INFINITY
  if (/^-inf(inity)?$/i.test(t)) return Number.NEGATIVE_INFINITY
  if (/^nan$/i.test(t)) return Number.NaN
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) && !/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return undefined
  const v = Number(t)
  return Number.isNaN(v) ? undefined : v
}

export function histogramQuantile(q: number, buckets: Bucket[]): number {
  if (Number.isNaN(q)) return Number.NaN
  if (q < 0) return Number.NEGATIVE_INFINITY
  if (q > 1) return Number.POSITIVE_INFINITY
  const sorted = buckets
    .flatMap((b) => {
      const ub = upperBound(b.le)
      return ub === undefined ? [] : [{ ub, count: b.count }]
    })
    .sort((a, b) => a.ub - b.ub)
  if (sorted.length === 0 || sorted.at(-1)!.ub !== Number.POSITIVE_INFINITY) return Number.NaN
  // Buckets of the same bound (several series summed into one `le`) are one bucket.
  const bs: Array<{ ub: number; count: number }> = []
  for (const b of sorted) {
    const last = bs.at(-1)
    if (last && last.ub === b.ub) last.count += b.count
    else bs.push({ ...b })
  }
  // A count below an earlier one (a reset between the buckets' scrapes) is raised to it.
  let max = Number.NEGATIVE_INFINITY
  for (const b of bs) {
    if (b.count > max) max = b.count
    else if (b.count < max) b.count = max
  }
  if (bs.length < 2) return Number.NaN
  const observations = bs.at(-1)!.count
  if (observations === 0) return Number.NaN
  let rank = q * observations
  // The first bucket whose count reaches the rank, among all but the +Inf one.
  let b = 0
  while (b < bs.length - 1 && !(bs[b]!.count >= rank)) b++
  if (b === bs.length - 1) return bs[bs.length - 2]!.ub
  if (b === 0 && bs[0]!.ub <= 0) return bs[0]!.ub
  let start = 0
  const end = bs[b]!.ub
  let count = bs[b]!.count
  if (b > 0) {
    start = bs[b - 1]!.ub
    count -= bs[b - 1]!.count
    rank -= bs[b - 1]!.count
  }
  return start + (end - start) * (rank / count)
}
