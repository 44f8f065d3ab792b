import { freePort, type RunningBackend } from '../harness/backends.js'
import { startDemoExporter, startFaultProxy, startScrapingPrometheus, startStandIn, type RunningProcess } from '../harness/telemetry.js'
import { makeContext, service } from '../harness/context.js'
import { runInstrumentationAudit } from '../../src/telemetry/audit.js'
import { PrometheusClient } from '../../src/telemetry/prometheus/client.js'
import { waitFor } from '../harness/backends.js'
import { MemoryLogger } from '../harness/memory-logger.js'
import { SCHEMA_FILES } from '../../src/artifacts/files.js'
import { validateAgainst } from '../../src/package/schemas.js'
import type { InstrumentationAudit } from '../../src/telemetry/types.js'

/** One real Prometheus scraping two demo exporters: a 3-service fleet and a 50-service fleet. */
describe('instrumentation audit against a live Prometheus', () => {
  let demo: RunningProcess
  let fleet: RunningProcess
  let prom: RunningBackend
  const stops: Array<() => Promise<void>> = []

  beforeAll(async () => {
    demo = await startDemoExporter(['--services', 'checkout,payments,catalog', '--no-traces', 'payments'])
    stops.push(demo.stop)
    fleet = await startDemoExporter(['--count', '50'])
    stops.push(fleet.stop)
    prom = await startScrapingPrometheus(
      [
        { job: 'demo', port: demo.port },
        { job: 'fleet', port: fleet.port }
      ],
      {
        'demo.rules.yml': [
          'groups:',
          '  - name: demo',
          '    rules:',
          '      - alert: DemoAlwaysFiring',
          '        expr: vector(1)',
          '        labels: { severity: ticket }',
          '      - record: service:http_requests:rate1m',
          '        expr: sum by (service) (rate(http_requests_total[1m]))',
          ''
        ].join('\n')
      }
    )
    stops.push(prom.stop)
  }, 60_000)
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop()
  })

  const signals = (backend = 'prom') => ({
    metrics: { kind: 'promql', backend, query: 'http_requests_total' },
    logs: { kind: 'promql', backend, query: 'log_lines_total' },
    traces: { kind: 'promql', backend, query: 'spans_total' }
  })
  const backends = (url: string, extra: Record<string, unknown> = {}) => ({
    prom: { type: 'prometheus', url, 'timeout-seconds': 5, retries: 2, ...extra }
  })
  const healthz = () => [{ url: `${demo.url}/healthz`, method: 'GET' as const, 'expect-status': 200, 'max-latency-ms': 2000, attempts: 2 }]
  const allowed = () => [`127.0.0.1:${demo.port}`]

  function expectValid(audit: InstrumentationAudit): void {
    expect(validateAgainst(SCHEMA_FILES.instrumentationAudit, audit).errors).toEqual([])
  }

  test('every signal covered: all pass, fresh, with the query and value recorded', async () => {
    const ctx = makeContext(
      { backends: backends(prom.url), signals: signals(), 'allowed-hosts': allowed() },
      { services: [service('checkout', { critical: true, endpoints: healthz() }), service('catalog', { endpoints: healthz() })] }
    )
    const audit = await runInstrumentationAudit(ctx)
    expectValid(audit)
    expect(audit.coverage_completeness).toBe(100)
    expect(audit.missing_coverage).toEqual([])
    for (const s of audit.services) {
      expect(s.status).toBe('covered')
      for (const sig of [s.metrics, s.logs, s.traces, s.synthetics]) {
        expect(sig).toMatchObject({ mapped: true, verified: true, verdict: 'pass' })
        expect(sig.freshness_seconds).toBeLessThanOrEqual(30)
      }
      expect(s.metrics.series_count).toBe(2)
      expect(typeof s.metrics.measurement?.value).toBe('number')
      expect(s.metrics.measurement?.request.query).toContain('timestamp((http_requests_total))')
      expect(s.metrics.measurement?.newest_sample_at).toMatch(/^\d{4}-/)
    }
    // 3 grouped queries plus one probe per service.
    expect(audit.requests).toBe(5)
  })

  test('a critical service without traces fails with a named, high-priority gap', async () => {
    const ctx = makeContext(
      { backends: backends(prom.url), signals: signals() },
      { services: [service('checkout', { critical: true }), service('payments', { critical: true }), service('catalog')] }
    )
    const audit = await runInstrumentationAudit(ctx)
    expectValid(audit)
    const payments = audit.services.find((s) => s.service_name === 'payments')!
    expect(payments.traces).toMatchObject({ mapped: true, verified: false, verdict: 'fail' })
    expect(payments.metrics.verdict).toBe('pass')
    expect(payments.status).toBe('partial')
    const gap = audit.missing_coverage.find((g) => g.service === 'payments' && g.signal === 'traces')
    expect(gap).toMatchObject({ gap: 'no_data', priority: 'high' })
    // Synthetic is unmapped for all (no endpoints); traces fail for payments only.
    expect(audit.missing_coverage.filter((g) => g.signal === 'traces').map((g) => g.service)).toEqual(['payments'])
    expect(audit.missing_coverage.filter((g) => g.signal === 'synthetic').every((g) => g.gap === 'unmapped')).toBe(true)
    expect(audit.coverage_completeness).toBeCloseTo((8 / 12) * 100, 1)
  })

  test('NaN and infinite answers never pass', async () => {
    const ctx = makeContext(
      {
        backends: backends(prom.url),
        signals: {
          metrics: { kind: 'promql', backend: 'prom', query: 'sum by (service) (http_requests_total) * 0 / 0' },
          logs: { kind: 'promql', backend: 'prom', query: 'sum by (service) (log_lines_total) / 0' }
        }
      },
      { services: [service('checkout')] }
    )
    const audit = await runInstrumentationAudit(ctx)
    expectValid(audit)
    const s = audit.services[0]!
    expect(s.metrics).toMatchObject({ verdict: 'fail', verified: false })
    expect(s.metrics.measurement?.value).toBe('NaN')
    expect(s.logs.measurement?.value).toBe('+Inf')
    expect(audit.missing_coverage.filter((g) => g.gap === 'invalid_value').map((g) => g.signal)).toEqual(['metrics', 'logs'])
  })

  test('an empty result is no data, a fail', async () => {
    const ctx = makeContext(
      {
        backends: backends(prom.url),
        signals: { metrics: { kind: 'promql', backend: 'prom', query: 'metric_that_does_not_exist_total' } }
      },
      { services: [service('checkout', { critical: true })] }
    )
    const audit = await runInstrumentationAudit(ctx)
    expect(audit.services[0]!.metrics).toMatchObject({ verdict: 'fail', verified: false, series_count: 0 })
    expect(audit.missing_coverage[0]).toMatchObject({ service: 'checkout', signal: 'metrics', gap: 'no_data', priority: 'high' })
  })

  test('Prometheus down is an error, not a fail', async () => {
    const port = await freePort()
    const ctx = makeContext(
      { backends: backends(`http://127.0.0.1:${port}`, { retries: 1 }), signals: signals() },
      { services: [service('checkout', { critical: true })] }
    )
    const audit = await runInstrumentationAudit(ctx, { backoffMs: 20 })
    expectValid(audit)
    const s = audit.services[0]!
    for (const sig of [s.metrics, s.logs, s.traces]) {
      expect(sig.verdict).toBe('error')
      expect(sig.measurement?.reason).toMatch(/unreachable \(ECONNREFUSED\)/)
    }
    expect(audit.missing_coverage.filter((g) => g.gap === 'backend_error')).toHaveLength(3)
    expect(audit.coverage_completeness).toBe(0)
  })

  test('Prometheus answering 500 and then recovering: retried, then verified', async () => {
    const proxy = await startFaultProxy(prom.url, { failFirst: 2 })
    try {
      const ctx = makeContext({ backends: backends(proxy.url), signals: signals() }, { services: [service('checkout')] })
      const audit = await runInstrumentationAudit(ctx, { backoffMs: 20 })
      const s = audit.services[0]!
      expect([s.metrics.verdict, s.logs.verdict, s.traces.verdict]).toEqual(['pass', 'pass', 'pass'])
      expect(proxy.received).toBe(5)
    } finally {
      await proxy.stop()
    }
  })

  test('a backend slower than the timeout is an error that says so', async () => {
    const proxy = await startFaultProxy(prom.url, { delayMs: 3000 })
    try {
      const ctx = makeContext(
        { backends: backends(proxy.url, { 'timeout-seconds': 0.3, retries: 0 }), signals: { metrics: signals().metrics } },
        { services: [service('checkout')] }
      )
      const started = Date.now()
      const audit = await runInstrumentationAudit(ctx)
      expect(Date.now() - started).toBeLessThan(2500)
      expect(audit.services[0]!.metrics.verdict).toBe('error')
      expect(audit.services[0]!.metrics.measurement?.reason).toContain('no answer within 300 ms')
    } finally {
      await proxy.stop()
    }
  })

  test('the number of backend requests is the same for 3 and for 50 services', async () => {
    const run = async (names: string[]) =>
      runInstrumentationAudit(makeContext({ backends: backends(prom.url), signals: signals() }, { services: names.map((n) => service(n)) }))
    const three = await run(['checkout', 'payments', 'catalog'])
    const fifty = await run(['payments', ...Array.from({ length: 49 }, (_, i) => `svc-${String(i + 1).padStart(3, '0')}`)])
    // Three grouped checks, and two grouped diagnosis queries for the traces payments lacks.
    expect(three.requests).toBe(3 + 2)
    expect(fifty.requests).toBe(three.requests)
    expect(fifty.services.slice(1).every((s) => s.metrics.verified && s.logs.verified && s.traces.verified)).toBe(true)
  })

  test('a selector other than the service label matches results back to the service', async () => {
    const ctx = makeContext(
      { backends: backends(prom.url), signals: { metrics: signals().metrics } },
      {
        services: [
          service('shop', { selector: { job: 'demo', service: 'checkout' } }),
          service('fleet-one', { selector: { job: 'fleet', service: 'svc-001' } })
        ]
      }
    )
    const audit = await runInstrumentationAudit(ctx)
    expect(audit.services.map((s) => s.metrics.verdict)).toEqual(['pass', 'pass'])
    expect(audit.services[0]!.metrics.measurement?.request.query).toContain('by (job, service)')
  })

  test('a probe to a host outside allowed-hosts is not called and does not pass', async () => {
    const spy = await startStandIn(() => ({ status: 200, body: 'ok' }))
    try {
      const ctx = makeContext(
        { backends: backends(prom.url), signals: signals(), 'allowed-hosts': allowed() },
        {
          services: [
            service('checkout', {
              endpoints: [
                ...healthz(),
                { url: `${spy.url}/healthz`, method: 'GET', 'expect-status': 200, 'max-latency-ms': 2000, attempts: 3 }
              ]
            })
          ]
        }
      )
      const audit = await runInstrumentationAudit(ctx)
      expectValid(audit)
      expect(spy.requests).toHaveLength(0)
      const syn = audit.services[0]!.synthetics
      expect(syn).toMatchObject({ mapped: true, verified: false, verdict: 'not_verified' })
      expect(syn.measurement?.reason).toContain('not in allowed-hosts')
      expect(audit.missing_coverage).toEqual([expect.objectContaining({ signal: 'synthetic', gap: 'host_not_allowed' })])
    } finally {
      await spy.stop()
    }
  })

  test('a failing probe endpoint fails the synthetic signal', async () => {
    const ctx = makeContext(
      { backends: backends(prom.url), signals: signals(), 'allowed-hosts': allowed() },
      {
        services: [
          service('checkout', {
            endpoints: [{ url: `${demo.url}/missing`, method: 'GET', 'expect-status': 200, 'max-latency-ms': 2000, attempts: 2 }]
          })
        ]
      }
    )
    const audit = await runInstrumentationAudit(ctx, { probePauseMs: 10 })
    const syn = audit.services[0]!.synthetics
    expect(syn.verdict).toBe('fail')
    expect(syn.measurement?.reason).toContain('HTTP 404, expected 200')
    expect(syn.measurement?.value).toBe(404)
  })

  test('client helpers: instant, range, series, rules and alerts from the real API', async () => {
    const client = new PrometheusClient(
      'prom',
      { type: 'prometheus', url: prom.url, auth: { type: 'none' }, headers: {}, 'timeout-seconds': 5, retries: 0 },
      {},
      new MemoryLogger()
    )
    const scalar = await client.instantQuery('1 + 1')
    expect(scalar).toMatchObject({ resultType: 'scalar', samples: [{ value: 2 }] })
    const end = new Date()
    const range = await client.rangeQuery('up{job="demo"}', new Date(end.getTime() - 30_000), end, 5)
    expect(range.series).toHaveLength(1)
    expect(range.series[0]!.values.every(([t, v]) => typeof t === 'number' && v === 1)).toBe(true)
    const series = await client.series(['spans_total{job="demo"}'])
    expect(series.map((s) => s.service).sort()).toEqual(['catalog', 'checkout'])
    const groups = await client.rules()
    expect(groups[0]!.rules.map((r) => r.name)).toEqual(['DemoAlwaysFiring', 'service:http_requests:rate1m'])
    expect((await client.rules('alert'))[0]!.rules).toHaveLength(1)
    const alerts = await waitFor(
      async () => {
        const a = await client.alerts()
        return a.length > 0 ? a : undefined
      },
      15_000,
      'DemoAlwaysFiring active'
    )
    expect(alerts[0]!.labels.alertname).toBe('DemoAlwaysFiring')
    expect(client.requests).toBeGreaterThanOrEqual(6)
  })

  test('without backends every pair is not_verified and the audit says why', async () => {
    const ctx = makeContext({}, { services: [service('checkout', { critical: true }), service('catalog')] })
    const audit = await runInstrumentationAudit(ctx)
    expectValid(audit)
    expect(audit.not_verified_reason).toMatch(/no telemetry backends/)
    expect(audit.requests).toBe(0)
    expect(audit.coverage_completeness).toBe(0)
    for (const s of audit.services) for (const sig of [s.metrics, s.logs, s.traces, s.synthetics]) expect(sig.verdict).toBe('not_verified')
    expect(audit.missing_coverage).toHaveLength(8)
  })
})
