import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { runInstrumentationAudit } from '../../src/telemetry/audit.js'
import { closestValues } from '../../src/telemetry/diagnosis.js'
import { SCHEMA_FILES } from '../../src/artifacts/files.js'
import { validateAgainst } from '../../src/package/schemas.js'
import { backfill, freePort, startPrometheus, type RunningBackend } from '../harness/backends.js'
import { makeContext, service } from '../harness/context.js'

/**
 * Each cause of "no data" on a live Prometheus with known history: `checkout` reports; the
 * counter is written as `fraud_scoring` where the service is `fraud-scoring`; `payments`
 * stopped 3 hours before the check; `idle`'s target is up but it has served no request; no
 * service has spans at all. Queries run at `end`.
 */
describe('no data, explained', () => {
  const end = Math.floor(Date.now() / 60_000) * 60 - 600
  const now = new Date(end * 1000)
  const stoppedAt = end - 3 * 3600
  let prom: RunningBackend
  let tsdb: string

  beforeAll(async () => {
    const lines: string[] = ['# TYPE http_requests counter']
    for (let t = end - 6 * 3600, i = 0; t <= end; t += 60, i++) {
      lines.push(`http_requests_total{service="checkout"} ${1000 + 60 * i} ${t}`)
      lines.push(`http_requests_total{service="fraud_scoring"} ${1000 + 60 * i} ${t}`)
      if (t <= stoppedAt) lines.push(`http_requests_total{service="payments"} ${1000 + 60 * i} ${t}`)
    }
    lines.push('# TYPE up gauge')
    for (let t = end - 3600; t <= end; t += 15) {
      lines.push(`up{job="checkout",service="checkout"} 1 ${t}`)
      lines.push(`up{job="idle",service="idle"} 1 ${t}`)
    }
    tsdb = backfill(`${lines.join('\n')}\n# EOF\n`)
    prom = await startPrometheus({ storageDir: tsdb })
  }, 60_000)
  afterAll(async () => {
    await prom?.stop()
    rmSync(dirname(tsdb), { recursive: true, force: true })
  })

  const ctxFor = (url: string, names: string[]) =>
    makeContext(
      {
        backends: { prom: { type: 'prometheus', url, 'timeout-seconds': 3, retries: 0 } },
        signals: {
          metrics: { kind: 'promql', backend: 'prom', query: 'sum by (service) (rate(http_requests_total[5m]))' },
          traces: { kind: 'promql', backend: 'prom', query: 'spans_total' }
        }
      },
      { services: names.map((n) => service(n, { critical: true })), now }
    )

  test('each cause is named with the query that showed it', async () => {
    const audit = await runInstrumentationAudit(ctxFor(prom.url, ['checkout', 'fraud-scoring', 'payments', 'idle']))
    expect(validateAgainst(SCHEMA_FILES.instrumentationAudit, audit).errors).toEqual([])
    const metrics = (name: string) => audit.services.find((s) => s.service_name === name)!.metrics
    expect(metrics('checkout')).toMatchObject({ verified: true })
    expect(metrics('checkout').diagnosis).toBeUndefined()

    expect(metrics('fraud-scoring').diagnosis).toMatchObject({ cause: 'label_value_mismatch', closest_values: ['fraud_scoring'] })
    expect(metrics('fraud-scoring').diagnosis!.detail).toBe(
      'http_requests_total exists, but not for service="fraud-scoring"; closest values: "fraud_scoring"'
    )
    expect(metrics('fraud-scoring').diagnosis!.query).toContain('max_over_time(timestamp({__name__="http_requests_total"})[1d:5m])')

    expect(metrics('payments').diagnosis).toMatchObject({ cause: 'stopped', stopped_at: new Date(stoppedAt * 1000).toISOString() })
    expect(metrics('payments').diagnosis!.detail).toBe(
      `http_requests_total for service="payments" stopped at ${new Date(stoppedAt * 1000).toISOString()} (10800 s before the check)`
    )

    expect(metrics('idle').diagnosis).toMatchObject({ cause: 'no_traffic' })
    expect(metrics('idle').diagnosis!.detail).toContain('the target is up but there is no traffic: up{service="idle"} is 1')
    expect(metrics('idle').diagnosis!.query).toContain('max by (service, job) (up)')

    // Nothing counted anywhere for idle: a counter that never saw a request has no series yet.
    expect(audit.services.find((s) => s.service_name === 'idle')!.traces.diagnosis).toMatchObject({ cause: 'no_traffic' })
    const traces = audit.services.find((s) => s.service_name === 'checkout')!.traces
    expect(traces.diagnosis).toMatchObject({
      cause: 'metric_missing',
      detail:
        'the metric spans_total does not exist in prom: no series for any service in the last 1d (though up{service="checkout"} is 1 and checkout has traffic)'
    })

    // The cause reaches the gap the summary and the backlog item are made from.
    const gap = audit.missing_coverage.find((g) => g.service === 'fraud-scoring' && g.signal === 'metrics')!
    expect(gap.diagnosis?.cause).toBe('label_value_mismatch')
    expect(gap.detail).toContain('cause: http_requests_total exists, but not for service="fraud-scoring"')
  })

  test('the diagnosis is two grouped queries per signal, whatever the number of services', async () => {
    const few = await runInstrumentationAudit(ctxFor(prom.url, ['fraud-scoring', 'payments']))
    const many = await runInstrumentationAudit(
      ctxFor(prom.url, ['fraud-scoring', 'payments', ...Array.from({ length: 40 }, (_, i) => `svc-${i}`)])
    )
    // One coverage query per signal, two diagnosis queries per signal without data.
    expect(few.requests).toBe(2 + 2 * 2)
    expect(many.requests).toBe(few.requests)
  })

  test('a backend that is down is the cause, apart from a missing metric', async () => {
    const audit = await runInstrumentationAudit(ctxFor(`http://127.0.0.1:${await freePort()}`, ['checkout']))
    expect(audit.services[0]!.metrics).toMatchObject({ verdict: 'error' })
    expect(audit.services[0]!.metrics.diagnosis).toMatchObject({ cause: 'backend_down' })
    expect(audit.services[0]!.metrics.diagnosis!.detail).toMatch(/^the backend prom did not answer: /)
  })

  test('closest label values: separators and case first, then edit distance', () => {
    expect(closestValues('fraud-scoring', ['fraud_scoring', 'checkout', 'FraudScoring', 'fraud-scorer'])).toEqual([
      'fraud_scoring',
      'FraudScoring',
      'fraud-scorer'
    ])
    expect(closestValues('payments', ['checkout', 'catalog'])).toEqual([])
  })
})
