import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { backfill, startPrometheus, type RunningBackend } from '../harness/backends.js'
import { historyOpenMetrics } from '../harness/telemetry.js'
import { emptyEvidence, makeContext, service } from '../harness/context.js'
import { runInstrumentationAudit } from '../../src/telemetry/audit.js'
import { captureBaseline, loadPreviousBaseline } from '../../src/telemetry/baseline.js'
import { SCHEMA_FILES } from '../../src/artifacts/files.js'
import { validateAgainst } from '../../src/package/schemas.js'
import type { BaselineMetrics } from '../../src/telemetry/types.js'
import { InputError } from '../../src/util/errors.js'
import { DEFAULT_MAX_RESPONSE_BYTES, setHttpLimits } from '../../src/util/http.js'
import type { Evidence } from '../../src/evidence/model.js'

/**
 * A Prometheus over a backfilled week: checkout serves 10 req/s with 1% errors, every request in
 * (0.1 s, 0.25 s]; payments 5 req/s with 1% errors in (0.5 s, 1 s] and stopped sending traces
 * 20 minutes before the end. Every expected number below follows from that.
 */
describe('baseline and freshness against a Prometheus with a week of history', () => {
  const end = Math.floor(Date.now() / 60_000) * 60 - 600
  const now = new Date(end * 1000)
  let prom: RunningBackend
  let tsdb: string
  let scratch: string

  beforeAll(async () => {
    tsdb = backfill(
      historyOpenMetrics(
        [
          { name: 'checkout', perMinute: 600, errorsPerMinute: 6, latencyBucket: [0.1, 0.25] },
          { name: 'payments', perMinute: 300, errorsPerMinute: 3, latencyBucket: [0.5, 1], tracesStopAt: end - 1200 }
        ],
        end
      )
    )
    prom = await startPrometheus({ storageDir: tsdb })
    scratch = mkdtempSync(join(tmpdir(), 'baseline-test-'))
  }, 60_000)
  afterAll(async () => {
    await prom?.stop()
    rmSync(dirname(tsdb), { recursive: true, force: true })
    rmSync(scratch, { recursive: true, force: true })
  })

  const backends = () => ({ prom: { type: 'prometheus', url: prom.url, 'timeout-seconds': 5, retries: 0 } })
  const ctxWith = (evidence?: Evidence, names = ['checkout', 'payments'], extra: Record<string, unknown> = {}) =>
    makeContext({ backends: backends(), ...extra }, { services: names.map((n) => service(n, { critical: true })), evidence, now })
  const value = (b: BaselineMetrics, svc: string, metric: string) =>
    b.services.find((s) => s.service === svc)?.metrics.find((m) => m.metric === metric)

  test('a series that stopped reporting 20 minutes ago is stale, though the 5-minute lookback hides it', async () => {
    const plain = await fetch(`${prom.url}/api/v1/query?query=${encodeURIComponent('spans_total{service="payments"}')}&time=${end}`)
    expect(((await plain.json()) as { data: { result: unknown[] } }).data.result).toEqual([])

    const ctx = makeContext(
      { backends: backends(), signals: { traces: { kind: 'promql', backend: 'prom', query: 'spans_total' } } },
      { services: [service('checkout', { critical: true }), service('payments', { critical: true })], now }
    )
    const audit = await runInstrumentationAudit(ctx)
    expect(validateAgainst(SCHEMA_FILES.instrumentationAudit, audit).errors).toEqual([])
    const [checkout, payments] = audit.services
    expect(checkout!.traces).toMatchObject({ verdict: 'pass', freshness_seconds: 0 })
    expect(payments!.traces).toMatchObject({ verdict: 'fail', verified: false, freshness_seconds: 1200 })
    expect(payments!.traces.measurement?.newest_sample_at).toBe(new Date((end - 1200) * 1000).toISOString())
    // When it stopped is a second query, asked because a service had series in the lookback but no live sample.
    expect(payments!.traces.measurement?.reason).toContain(
      'newest sample from max by (service) (max_over_time(timestamp((spans_total))[1h:1m]))'
    )
    expect(checkout!.traces.measurement?.request.query).toContain('count by (service) (last_over_time(spans_total[1h]))')
    expect(audit.missing_coverage.find((g) => g.signal === 'traces')).toMatchObject({ service: 'payments', gap: 'stale', priority: 'high' })
  })

  test('the baseline has exact rates, error ratios and latency quantiles, each with its query', async () => {
    const b = await captureBaseline(ctxWith())
    expect(validateAgainst(SCHEMA_FILES.baselineMetrics, b).errors).toEqual([])
    // Rate, error ratio, the bucket rates the three quantiles are read from, and the range the data covers.
    expect(b.requests).toBe(4)
    expect(b.window).toBe('30m')
    expect(b.services[0]!.coverage).toMatchObject({
      window: '30m',
      window_seconds: 1800,
      seconds: 1800,
      sufficient: true,
      from: new Date((end - 1800) * 1000).toISOString()
    })
    expect(b.services[0]!.coverage!.requests).toBeCloseTo(18000, 6)
    expect(value(b, 'checkout', 'request_rate')?.value).toBeCloseTo(10, 9)
    expect(value(b, 'payments', 'request_rate')?.value).toBeCloseTo(5, 9)
    expect(value(b, 'checkout', 'error_ratio')?.value).toBeCloseTo(0.01, 9)
    expect(value(b, 'payments', 'error_ratio')?.value).toBeCloseTo(0.01, 9)
    expect(value(b, 'checkout', 'latency_p50')?.value).toBeCloseTo(0.175, 9)
    expect(value(b, 'checkout', 'latency_p95')?.value).toBeCloseTo(0.2425, 9)
    expect(value(b, 'checkout', 'latency_p99')?.value).toBeCloseTo(0.2485, 9)
    expect(value(b, 'payments', 'latency_p95')?.value).toBeCloseTo(0.975, 9)
    const p95 = value(b, 'checkout', 'latency_p95')!
    expect(p95).toMatchObject({ unit: 'seconds', verdict: 'pass', measured_at: now.toISOString() })
    expect(p95.query).toBe('histogram_quantile(0.95, sum by (service, le) (rate(http_request_duration_seconds_bucket[30m])))')
  })

  test('extra SLIs and query overrides are measured the same way', async () => {
    const b = await captureBaseline(
      ctxWith(undefined, ['checkout'], {
        baseline: {
          window: '1h',
          queries: {
            availability:
              '1 - (sum by ($group) (rate(http_requests_total{code="500"}[$window])) / sum by ($group) (rate(http_requests_total[$window])))'
          },
          'request-rate-query': 'sum by ($group) (rate(http_requests_total{code="200"}[$window]))'
        }
      })
    )
    expect(b.requests).toBe(5)
    expect(value(b, 'checkout', 'availability')?.value).toBeCloseTo(0.99, 9)
    expect(value(b, 'checkout', 'request_rate')).toMatchObject({ query: 'sum by (service) (rate(http_requests_total{code="200"}[1h]))' })
    expect(value(b, 'checkout', 'request_rate')?.value).toBeCloseTo(9.9, 9)
  })

  test('the number of baseline requests does not grow with the number of services', async () => {
    const two = await captureBaseline(ctxWith())
    const fifty = await captureBaseline(ctxWith(undefined, ['checkout', 'payments', ...Array.from({ length: 48 }, (_, i) => `svc-${i}`)]))
    expect(fifty.requests).toBe(two.requests)
    // Services without data are measured as no data, never invented.
    expect(value(fifty, 'svc-0', 'request_rate')).toMatchObject({ value: null, verdict: 'fail' })
  })

  test('claims in the evidence that live data refutes fail, with both numbers', async () => {
    const evidence = emptyEvidence()
    evidence.validation.metricsSnapshot = { api_latency_p95: 100, error_rate: 1, throughput: 15 }
    evidence.healthLog.metrics = [
      { name: 'payments p95 latency', value: '250ms', numeric_value: 250, unit: 'ms' },
      { name: 'Error rate', value: '5%', numeric_value: 5, unit: '%' }
    ]
    const b = await captureBaseline(ctxWith(evidence))
    expect(validateAgainst(SCHEMA_FILES.baselineMetrics, b).errors).toEqual([])
    const claim = (source: string) => b.claims.find((c) => c.source.includes(source))!
    // The fleet p95 of 10 req/s in (0.1, 0.25] s and 5 req/s in (0.5, 1] s: 0.5 + 0.5 x 4.25/5 = 0.925 s.
    expect(claim('api_latency_p95')).toMatchObject({ verdict: 'fail', claimed: 100, observed: 925 })
    expect(claim('api_latency_p95').query).toBe(
      'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{service=~"checkout|payments"}[30m])))'
    )
    expect(claim('api_latency_p95').reason).toContain('the deploy said p95 100 ms')
    expect(claim('payments p95')).toMatchObject({ verdict: 'fail', claimed: 250, observed: 975 })
    expect(claim('payments p95').reason).toBe('the deploy said p95 250 ms; Prometheus says 975 ms (payments): off by 74.36%, more than 25%')
    expect(claim('error_rate')).toMatchObject({ verdict: 'pass', metric: 'error_ratio' })
    expect(claim('error_rate').observed).toBeCloseTo(1, 9)
    expect(claim('throughput')).toMatchObject({ verdict: 'pass' })
    expect(claim('throughput').observed).toBeCloseTo(15, 9)
    expect(claim('Error rate')).toMatchObject({ verdict: 'fail', claimed: 5 })
  })

  test('bucket rates over the response cap: each quantile is asked as its own query, with the same values', async () => {
    // 40 buckets a service: the bucket answer is the largest of the baseline by far.
    const bounds = Array.from({ length: 40 }, (_, i) => ((i + 1) * 0.025).toFixed(3))
    const lines = ['# TYPE http_requests counter', '# TYPE http_request_duration_seconds histogram']
    for (let t = end - 3600, k = 0; t <= end; t += 60, k++)
      for (const [svc, at] of [
        ['checkout', 7],
        ['payments', 31]
      ] as const) {
        lines.push(`http_requests_total{service="${svc}",code="200"} ${k * 600} ${t}`)
        for (const [i, le] of bounds.entries())
          lines.push(`http_request_duration_seconds_bucket{service="${svc}",le="${le}"} ${i >= at ? k * 600 : k * 10 * i} ${t}`)
        lines.push(`http_request_duration_seconds_bucket{service="${svc}",le="+Inf"} ${k * 600} ${t}`)
      }
    const wide = await startPrometheus({ storageDir: backfill(lines.join('\n') + '\n') })
    const evidence = emptyEvidence()
    evidence.validation.metricsSnapshot = { api_latency_p95: 500 }
    const ctx = () =>
      makeContext(
        { backends: { prom: { type: 'prometheus', url: wide.url, 'timeout-seconds': 5, retries: 0 } } },
        { services: ['checkout', 'payments'].map((n) => service(n, { critical: true })), evidence, now }
      )
    try {
      const full = await captureBaseline(ctx())
      const asked = await fetch(`${wide.url}/api/v1/query`, {
        method: 'POST',
        body: new URLSearchParams({ query: 'sum by (service, le) (rate(http_request_duration_seconds_bucket[30m]))', time: String(end) })
      })
      // Half the bucket answer: well under it, over every other answer of this baseline (the test fails otherwise).
      setHttpLimits({ maxResponseBytes: Math.floor((await asked.text()).length / 2) })
      const capped = await captureBaseline(ctx())
      const latency = (b: BaselineMetrics) =>
        b.services.map((x) => x.metrics.filter((m) => m.metric.startsWith('latency_')).map((m) => [m.metric, m.verdict, m.value, m.query]))
      expect(
        latency(full)
          .flat()
          .every((m) => m[1] === 'pass')
      ).toBe(true)
      expect(latency(capped)).toEqual(latency(full))
      expect(capped.claims.map((c) => [c.verdict, c.observed])).toEqual(full.claims.map((c) => [c.verdict, c.observed]))
      // The bucket request, refused, then the three quantiles and the fleet p95 asked one by one.
      expect(capped.requests).toBe(full.requests + 3 + 1)
    } finally {
      setHttpLimits({ maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES })
      await wide.stop()
    }
  }, 60_000)

  test('a fleet-wide latency claim inside the per-service range but far from the fleet quantile fails', async () => {
    const evidence = emptyEvidence()
    // Per-service p95 is 242.5 ms (checkout) to 975 ms (payments); 500 lies between them.
    evidence.validation.metricsSnapshot = { api_latency_p95: 500, p99_latency_ms: 990, latency_p50_seconds: 0.25 }
    const b = await captureBaseline(ctxWith(evidence))
    expect(validateAgainst(SCHEMA_FILES.baselineMetrics, b).errors).toEqual([])
    const [p95, p99, p50] = b.claims
    expect(p95).toMatchObject({
      verdict: 'fail',
      claimed: 500,
      observed: 925,
      checked_against: 'fleet p95 from the histogram summed over 2 services'
    })
    expect(p95!.reason).toBe(
      'the deploy said p95 500 ms; Prometheus says fleet p95 925 ms (histogram summed over 2 services): off by 45.95%, more than 25%'
    )
    // Fleet p99: rank 14.85 of 15 -> 0.5 + 0.5 x 4.85/5 = 0.985 s; p50: rank 7.5 of 10 in (0.1, 0.25] -> 0.2125 s.
    expect(p99).toMatchObject({ verdict: 'pass', claimed: 990, observed: 985 })
    expect(p50).toMatchObject({ verdict: 'pass', claimed: 0.25, observed: 0.2125, metric: 'latency_p50' })
    expect(p50!.query).toContain('histogram_quantile(0.5, sum by (le)')
    // The fleet quantiles are summed from the bucket rates the baseline asked: no query of their own.
    expect(b.requests).toBe(4)
  })

  test('a p95 regression against the previous baseline fails; a smaller rise warns', async () => {
    const current = await captureBaseline(ctxWith())
    const previous: BaselineMetrics = JSON.parse(JSON.stringify(current))
    const set = (svc: string, metric: string, v: number) => {
      value(previous, svc, metric)!.value = v
    }
    set('checkout', 'latency_p95', 0.2)
    set('payments', 'latency_p95', 0.975 / 1.07)
    set('checkout', 'error_ratio', 0.004)
    const file = join(scratch, 'previous-baseline.json')
    writeFileSync(file, JSON.stringify(previous))
    const loaded = await loadPreviousBaseline(file)

    const b = await captureBaseline(ctxWith(), { source: file, data: loaded })
    expect(validateAgainst(SCHEMA_FILES.baselineMetrics, b).errors).toEqual([])
    const cmp = (svc: string, metric: string) => b.previous!.comparisons.find((c) => c.service === svc && c.metric === metric)!
    expect(cmp('checkout', 'latency_p95')).toMatchObject({ verdict: 'fail', previous: 0.2 })
    expect(cmp('checkout', 'latency_p95').current).toBeCloseTo(0.2425, 9)
    expect(cmp('checkout', 'latency_p95').reason).toBe('previous 0.2, now 0.2425: +21.25% is above the 10% allowed')
    expect(cmp('payments', 'latency_p95').verdict).toBe('warn')
    expect(cmp('checkout', 'error_ratio')).toMatchObject({ verdict: 'fail', previous: 0.004 })
    expect(cmp('checkout', 'error_ratio').reason).toContain('2.5x is above the 2x allowed')
    expect(cmp('payments', 'error_ratio').verdict).toBe('pass')
    expect(b.previous).toMatchObject({ source: file, captured_at: current.captured_at })
  })

  test('a previous baseline of version 1 (camelCase keys, no schema_version) is read as the current version', async () => {
    const current = await captureBaseline(ctxWith())
    const v1 = JSON.parse(
      JSON.stringify(current)
        .replace(/"measured_at":/g, '"measuredAt":')
        .replace(/"window_value":/g, '"windowValue":')
        .replace(/"tolerance_percent":/g, '"tolerancePercent":')
    ) as Record<string, unknown>
    delete v1.schema_version
    const file = join(scratch, 'previous-v1.json')
    writeFileSync(file, JSON.stringify(v1))
    const loaded = await loadPreviousBaseline(file)
    expect(loaded).toEqual(current)
    expect(validateAgainst(SCHEMA_FILES.baselineMetrics, loaded).errors).toEqual([])
  })

  test('a baseline that says version 2 but keeps a camelCase key, or names an unknown version, is refused', async () => {
    const current = await captureBaseline(ctxWith())
    const mixed = JSON.parse(JSON.stringify(current).replace('"measured_at":', '"measuredAt":')) as BaselineMetrics
    expect(validateAgainst(SCHEMA_FILES.baselineMetrics, mixed).valid).toBe(false)
    const file = join(scratch, 'previous-mixed.json')
    writeFileSync(file, JSON.stringify(mixed))
    await expect(loadPreviousBaseline(file)).rejects.toThrow(/measuredAt|measured_at/)
    writeFileSync(file, JSON.stringify({ ...current, schema_version: 3 }))
    await expect(loadPreviousBaseline(file)).rejects.toBeInstanceOf(InputError)
  })

  test('a previous baseline that is only a placeholder is rejected', async () => {
    const file = join(scratch, 'placeholder.json')
    writeFileSync(file, JSON.stringify({ gate: 'baseline', generated_at: '2026-01-01T00:00:00Z', metadata: {} }))
    await expect(loadPreviousBaseline(file)).rejects.toBeInstanceOf(InputError)
    await expect(loadPreviousBaseline(join(scratch, 'missing.json'))).rejects.toThrow(/no such file/)
  })

  test('without a Prometheus backend nothing is invented', async () => {
    const evidence = emptyEvidence()
    evidence.validation.metricsSnapshot = { api_latency_p95: 250 }
    const b = await captureBaseline(makeContext({}, { services: [service('checkout')], evidence, now }))
    expect(validateAgainst(SCHEMA_FILES.baselineMetrics, b).errors).toEqual([])
    expect(b.not_verified_reason).toMatch(/no Prometheus backend/)
    expect(b.requests).toBe(0)
    expect(b.services[0]!.metrics.every((m) => m.verdict === 'not_verified' && m.value === null)).toBe(true)
    expect(b.claims).toEqual([expect.objectContaining({ verdict: 'error', observed: null })])
  })
})
