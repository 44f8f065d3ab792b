import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { backfill, importIntoVictoriaMetrics, startPrometheus, startVictoriaMetrics, type RunningBackend } from '../harness/backends.js'
import { historyOpenMetrics } from '../harness/telemetry.js'
import { emptyEvidence, makeContext, service } from '../harness/context.js'
import { sloAttainment } from '../../src/assurance/slo-attainment.js'
import { slo as sloSchema } from '../../src/config/schema.js'
import { defaultSteps } from '../../src/protocol/steps.js'
import { runInstrumentationAudit } from '../../src/telemetry/audit.js'
import { captureBaseline } from '../../src/telemetry/baseline.js'
import { SCHEMA_FILES } from '../../src/artifacts/files.js'
import { validateAgainst } from '../../src/package/schemas.js'
import type { BaselineMetrics } from '../../src/telemetry/types.js'

/**
 * VictoriaMetrics as a second real backend: the same two days of history go into a Prometheus
 * (backfilled blocks) and a VictoriaMetrics (its import API). The audit, the baseline, the deploy's
 * claims and SLO attainment, run against each through the same Prometheus-API client, must give
 * the same answers; the known values of the data pin both.
 */
describe('VictoriaMetrics answers as Prometheus does on the same data', () => {
  const end = Math.floor(Date.now() / 60_000) * 60 - 600
  const now = new Date(end * 1000)
  const history = historyOpenMetrics(
    [
      { name: 'checkout', perMinute: 600, errorsPerMinute: 6, latencyBucket: [0.1, 0.25] },
      { name: 'payments', perMinute: 300, errorsPerMinute: 3, latencyBucket: [0.5, 1], tracesStopAt: end - 1200 }
    ],
    end,
    2
  )
  let prom: RunningBackend
  let vm: RunningBackend
  let tsdb: string

  beforeAll(async () => {
    tsdb = backfill(history)
    ;[prom, vm] = await Promise.all([startPrometheus({ storageDir: tsdb }), startVictoriaMetrics()])
    await importIntoVictoriaMetrics(vm, history)
  }, 90_000)
  afterAll(async () => {
    await Promise.all([prom?.stop(), vm?.stop()])
    if (tsdb) rmSync(dirname(tsdb), { recursive: true, force: true })
  })

  const signals = {
    metrics: { kind: 'promql', backend: 'tsdb', query: 'http_requests_total' },
    logs: { kind: 'promql', backend: 'tsdb', query: 'log_lines_total' },
    traces: { kind: 'promql', backend: 'tsdb', query: 'spans_total' }
  }
  const evidence = () => {
    const e = emptyEvidence()
    e.validation.metricsSnapshot = { api_latency_p95: 500, error_rate: 1, throughput: 15 }
    e.healthLog.metrics = [{ name: 'payments p95 latency', value: '250ms', numeric_value: 250, unit: 'ms' }]
    return e
  }
  const ctxFor = (b: RunningBackend) => {
    const ctx = makeContext(
      { backends: { tsdb: { type: 'prometheus', url: b.url, 'timeout-seconds': 10, retries: 0 } }, signals },
      { services: [service('checkout', { critical: true }), service('payments', { critical: true })], evidence: evidence(), now }
    )
    ctx.model.slos = [
      sloSchema.parse({
        name: 'checkout-availability',
        service: 'checkout',
        objective: 99.9,
        window: '1d',
        backend: 'tsdb',
        'error-query': 'sum(rate(http_requests_total{service="checkout",code=~"5.."}[$window]))',
        'total-query': 'sum(rate(http_requests_total{service="checkout"}[$window]))'
      }),
      sloSchema.parse({
        name: 'payments-availability',
        service: 'payments',
        objective: 98,
        window: '1d',
        backend: 'tsdb',
        'good-query': 'sum(rate(http_requests_total{service="payments",code="200"}[$window]))',
        'total-query': 'sum(rate(http_requests_total{service="payments"}[$window]))'
      }),
      // One shape for both services: asked as one query by service.
      ...['checkout', 'payments'].map((svc) =>
        sloSchema.parse({
          name: `${svc}-success`,
          service: svc,
          objective: 98,
          window: '1d',
          backend: 'tsdb',
          'good-query': `sum(rate(http_requests_total{service="${svc}",code!~"5.."}[$window]))`,
          'total-query': `sum(rate(http_requests_total{service="${svc}"}[$window]))`
        })
      )
    ] as typeof ctx.model.slos
    return ctx
  }

  test('the instrumentation audit: the same verdicts and freshness per service and signal', async () => {
    const [a, b] = await Promise.all([runInstrumentationAudit(ctxFor(prom)), runInstrumentationAudit(ctxFor(vm))])
    expect(validateAgainst(SCHEMA_FILES.instrumentationAudit, b).errors).toEqual([])
    const view = (audit: typeof a) =>
      audit.services.map((s) => ({
        service: s.service_name,
        status: s.status,
        metrics: [s.metrics.verdict, s.metrics.freshness_seconds],
        logs: [s.logs.verdict, s.logs.freshness_seconds],
        traces: [s.traces.verdict, s.traces.freshness_seconds]
      }))
    expect(view(b)).toEqual(view(a))
    // The known truth: payments stopped sending traces 20 minutes before the end.
    expect(b.services.find((s) => s.service_name === 'payments')!.traces).toMatchObject({ verdict: 'fail', freshness_seconds: 1200 })
    expect(b.services.find((s) => s.service_name === 'checkout')!.metrics).toMatchObject({ verdict: 'pass', freshness_seconds: 0 })
    expect(b.requests).toBe(a.requests)
  })

  test('the baseline and the claims: the same values, verdicts and queries', async () => {
    const [a, b] = await Promise.all([captureBaseline(ctxFor(prom)), captureBaseline(ctxFor(vm))])
    expect(validateAgainst(SCHEMA_FILES.baselineMetrics, b).errors).toEqual([])
    const values = (x: BaselineMetrics) =>
      x.services.flatMap((s) =>
        s.metrics.map((m) => ({ service: s.service, metric: m.metric, verdict: m.verdict, query: m.query, value: m.value }))
      )
    const pa = values(a)
    const pb = values(b)
    expect(pb.map(({ value: _v, ...rest }) => rest)).toEqual(pa.map(({ value: _v, ...rest }) => rest))
    pb.forEach((m, i) => {
      expect(m.value).not.toBeNull()
      expect(m.value!).toBeCloseTo(pa[i]!.value!, 9)
    })
    const value = (x: BaselineMetrics, svc: string, metric: string) =>
      x.services.find((s) => s.service === svc)!.metrics.find((m) => m.metric === metric)!.value!
    expect(value(b, 'checkout', 'request_rate')).toBeCloseTo(10, 9)
    expect(value(b, 'payments', 'error_ratio')).toBeCloseTo(0.01, 9)
    expect(value(b, 'checkout', 'latency_p95')).toBeCloseTo(0.2425, 9)
    expect(value(b, 'payments', 'latency_p95')).toBeCloseTo(0.975, 9)

    const claims = (x: BaselineMetrics) =>
      x.claims.map((c) => ({ source: c.source, verdict: c.verdict, query: c.query, observed: c.observed }))
    expect(claims(b).map(({ observed: _o, ...rest }) => rest)).toEqual(claims(a).map(({ observed: _o, ...rest }) => rest))
    claims(b).forEach((c, i) => expect(c.observed!).toBeCloseTo(claims(a)[i]!.observed!, 6))
    // The fleet p95 from the summed histogram is 925 ms on both; the claim of 500 ms fails.
    expect(b.claims.find((c) => c.source.includes('api_latency_p95'))).toMatchObject({ verdict: 'fail', claimed: 500, observed: 925 })
    expect(b.requests).toBe(a.requests)
  })

  test('SLO attainment and error budget: the same figures', async () => {
    const forCtx = (ctx: ReturnType<typeof ctxFor>) => sloAttainment(ctx, (backend) => defaultSteps.prometheus(ctx, backend))
    const [a, b] = await Promise.all([forCtx(ctxFor(prom)), forCtx(ctxFor(vm))])
    expect(b.map((s) => [s.slo, s.status])).toEqual(a.map((s) => [s.slo, s.status]))
    b.forEach((s, i) => {
      expect(s.attainment).not.toBeNull()
      expect(s.attainment!).toBeCloseTo(a[i]!.attainment!, 6)
      expect(s.budget_remaining_percent!).toBeCloseTo(a[i]!.budget_remaining_percent!, 4)
    })
    // 1% errors: 99% attained; against 99.9% the budget is overspent ten times, against 98% half is left.
    expect(b[0]!.attainment!).toBeCloseTo(0.99, 9)
    expect(b[0]!.status).toBe('breached')
    expect(b[1]!.budget_remaining_percent!).toBeCloseTo(50, 4)
    // The shape asked by service: each service's own figure, on both backends.
    for (const x of [a, b]) {
      expect(x[2]!.attainment!).toBeCloseTo(0.99, 9)
      expect(x[3]!.attainment!).toBeCloseTo(0.99, 9)
      expect(x[2]!.detail).toContain('in one query by service')
    }
  })
})
