/**
 * The baseline reads its three latency quantiles from one answer to the bucket rates, so each
 * quantile must be the one Prometheus's histogram_quantile gives on the same buckets: checked
 * against a real Prometheus over histograms shaped to reach every rule of bucketQuantile.
 */
import { backfill, startPrometheus, type RunningBackend } from '../harness/backends.js'
import { histogramQuantile } from '../../src/telemetry/histogram.js'
import { fleetQuantileOf, quantilesOf } from '../../src/telemetry/baseline.js'
import { service } from '../harness/context.js'

/** Bucket counts by `le`, per histogram: each one reaches a different branch. */
const HISTOGRAMS: Record<string, Array<[string, number]>> = {
  plain: [
    ['0.1', 10],
    ['0.25', 40],
    ['0.5', 90],
    ['1', 99],
    ['+Inf', 100]
  ],
  // A count below the one before (buckets scraped apart): raised to it.
  unordered_counts: [
    ['0.1', 10],
    ['0.25', 8],
    ['0.5', 50],
    ['+Inf', 60]
  ],
  // The rank lands in +Inf: the second-highest bound.
  tail: [
    ['0.1', 1],
    ['0.2', 2],
    ['+Inf', 100]
  ],
  no_inf: [
    ['0.1', 1],
    ['0.2', 2]
  ],
  only_inf: [['+Inf', 5]],
  empty: [
    ['0.1', 0],
    ['1', 0],
    ['+Inf', 0]
  ],
  // A lowest bound that is not positive is the answer for a rank within it.
  negative: [
    ['-1', 5],
    ['0', 10],
    ['1', 20],
    ['+Inf', 20]
  ],
  spelled: [
    ['1e-1', 3],
    ['0.50', 6],
    ['Inf', 9]
  ]
}
const QUANTILES = [0, 0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 1, -0.5, 1.5]
/** A sample value as the API writes it ("+Inf", "-Inf", "NaN" included). */
const num = (v: string): number => (v === '+Inf' ? Infinity : v === '-Inf' ? -Infinity : Number(v))

describe('latency quantiles from the bucket rates', () => {
  let prom: RunningBackend
  const at = Math.floor(Date.now() / 1000) - 3600

  beforeAll(async () => {
    const lines = ['# TYPE h_bucket gauge']
    for (const [name, buckets] of Object.entries(HISTOGRAMS))
      for (const [le, n] of buckets) lines.push(`h_bucket{h="${name}",le="${le}"} ${n} ${at}`)
    prom = await startPrometheus({ storageDir: backfill(lines.join('\n') + '\n') })
  }, 60_000)
  afterAll(async () => {
    await prom?.stop()
  })

  const ask = async (query: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> => {
    const r = await fetch(`${prom.url}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query, time: String(at) }) })
    return ((await r.json()) as { data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } }).data.result
  }

  test('each quantile of each histogram is the one histogram_quantile gives', async () => {
    const buckets = (await ask('h_bucket')).map((r) => ({ labels: r.metric, value: num(r.value[1]) }))
    expect(buckets).toHaveLength(Object.values(HISTOGRAMS).flat().length)
    for (const q of QUANTILES) {
      const theirs = new Map((await ask(`histogram_quantile(${q}, h_bucket)`)).map((r) => [r.metric.h, num(r.value[1])]))
      const ours = new Map(quantilesOf(buckets, q).map((r) => [r.labels.h, r.value]))
      expect([q, Object.fromEntries(ours)]).toEqual([q, Object.fromEntries(theirs)])
    }
  })

  test('the fleet quantile sums the release services buckets by le, as the fleet query selects them', () => {
    const rate = (svc: string | undefined, le: string, value: number) => ({ labels: { ...(svc ? { service: svc } : {}), le }, value })
    const rates = [
      rate('a', '0.1', 1),
      rate('a', '+Inf', 2),
      rate('b', '0.1', 3),
      rate('b', '+Inf', 4),
      rate('other', '0.1', 100),
      rate('other', '+Inf', 100)
    ]
    const [fleet] = fleetQuantileOf(rates, [service('a'), service('b')], 'service', 0.5)
    // Summed: le 0.1 -> 4, +Inf -> 6; rank 3 lies in the first bucket: 0.1 x 3/4.
    expect(fleet!.value).toBeCloseTo(0.075, 12)
    // A service the fleet query cannot pin (no value of the label) makes it read every series.
    const unpinned = service('c', { selector: { job: 'c' } })
    expect(fleetQuantileOf(rates, [service('a'), unpinned], 'service', 0.5)[0]!.value).toBeCloseTo(0.1 * (53 / 104), 12)
    // No bucket of theirs: no sample, as the query answers nothing.
    expect(fleetQuantileOf(rates, [service('z')], 'service', 0.5)).toEqual([])
  })

  test('the rules one by one', () => {
    const b = (xs: Array<[string, number]>) => xs.map(([le, count]) => ({ le, count }))
    expect(histogramQuantile(0.5, b(HISTOGRAMS.plain!))).toBeCloseTo(0.3, 12)
    expect(histogramQuantile(Number.NaN, b(HISTOGRAMS.plain!))).toBeNaN()
    expect(histogramQuantile(0.5, b(HISTOGRAMS.no_inf!))).toBeNaN()
    expect(histogramQuantile(0.5, b(HISTOGRAMS.only_inf!))).toBeNaN()
    expect(histogramQuantile(0.5, b(HISTOGRAMS.empty!))).toBeNaN()
    expect(histogramQuantile(0.9, b(HISTOGRAMS.tail!))).toBe(0.2)
    // Two series of one bound (summed into one le) are one bucket.
    expect(
      histogramQuantile(
        0.5,
        b([
          ['1', 2],
          ['1', 2],
          ['+Inf', 4],
          ['2', 4]
        ])
      )
    ).toBe(0.5)
    // A label value that is not a number is not a bucket.
    expect(
      histogramQuantile(
        0.5,
        b([
          ['fast', 100],
          ['1', 10],
          ['+Inf', 10]
        ])
      )
    ).toBe(0.5)
  })
})
