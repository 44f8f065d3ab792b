import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { correlateAlerts } from '../../src/assurance/correlate-alerts.js'
import { sloAttainment } from '../../src/assurance/slo-attainment.js'
import type { SloConfig } from '../../src/config/schema.js'
import { evaluateAssuranceGate } from '../../src/gates/gates.js'
import { captureBaseline } from '../../src/telemetry/baseline.js'
import { PrometheusClient } from '../../src/telemetry/prometheus/client.js'
import { SCHEMA_FILES } from '../../src/artifacts/files.js'
import { validateAgainst } from '../../src/package/schemas.js'
import type { BaselineMetrics } from '../../src/telemetry/types.js'
import { backfill, startPrometheus, type RunningBackend } from '../harness/backends.js'
import { emptyEvidence, makeContext, service } from '../harness/context.js'

/**
 * Known truth, backfilled: `fresh` exists for the last 30 s at 40 req/s (one sample a second);
 * `stopped` sent a sample every 7 s, off the minute, from 25 minutes before `end` until 12 minutes before it;
 * `checkout` has a week at 10 req/s with 1% errors; `quiet` has a week at one request an hour.
 * Prometheus scraped (`up`) only for the last 2 hours. Queries run at `end`.
 */
describe('data sufficiency on a Prometheus whose history is known', () => {
  const end = Math.floor(Date.now() / 60_000) * 60 - 600
  const now = new Date(end * 1000)
  const upFrom = Math.ceil((end - 7200) / 605) * 605
  const upSince = new Date(upFrom * 1000).toISOString()
  const longName = (k: number): string => `long-${k}-${'x'.repeat(400)}`
  const stoppedFrom = end - 1500 + 3
  const stoppedTo = stoppedFrom + 7 * Math.floor((end - 720 - stoppedFrom) / 7)
  let prom: RunningBackend
  let tsdb: string
  let scratch: string

  beforeAll(async () => {
    const lines: string[] = ['# TYPE http_requests counter']
    const base = 1_000_000
    for (let t = end - 7 * 86400, i = 0; t <= end; t += 60, i++) {
      lines.push(`http_requests_total{service="checkout",code="200"} ${base + 594 * i} ${t}`)
      lines.push(`http_requests_total{service="checkout",code="500"} ${base + 6 * i} ${t}`)
      lines.push(`http_requests_total{service="quiet",code="200"} ${base + i / 60} ${t}`)
    }
    for (let t = end - 30, i = 0; t <= end; t++, i++) lines.push(`http_requests_total{service="fresh",code="200"} ${40 * i} ${t}`)
    for (let t = stoppedFrom, i = 0; t <= stoppedTo; t += 7, i++)
      lines.push(`http_requests_total{service="stopped",code="200"} ${7 * i} ${t}`)
    // Services with names of 400 characters: too many of them to list in one query.
    for (let k = 0; k < 30; k++)
      for (let t = end - 3600, i = 0; t <= end; t += 60, i++)
        lines.push(`http_requests_total{service="${longName(k)}",code="200"} ${(k + 1) * i} ${t}`)
    lines.push('# TYPE up gauge')
    // Starts on a step of the 7-day coverage subquery (605 s), so its first sample is found to the second.
    for (let t = upFrom; t <= end; t += 5) lines.push(`up{job="shop"} 1 ${t}`)
    tsdb = backfill(`${lines.join('\n')}\n# EOF\n`)
    prom = await startPrometheus({ storageDir: tsdb })
    scratch = mkdtempSync(join(tmpdir(), 'sufficiency-'))
  }, 60_000)
  afterAll(async () => {
    await prom?.stop()
    rmSync(dirname(tsdb), { recursive: true, force: true })
    rmSync(scratch, { recursive: true, force: true })
  })

  const backends = () => ({ prom: { type: 'prometheus', url: prom.url, 'timeout-seconds': 5, retries: 0 } })
  const value = (b: BaselineMetrics, svc: string, metric: string) =>
    b.services.find((s) => s.service === svc)?.metrics.find((m) => m.metric === metric)

  test('a service that stopped 12 minutes ago: the range its data covers is read to the sample at both ends', async () => {
    const b = await captureBaseline(
      makeContext({ backends: backends() }, { services: [service('stopped')], evidence: emptyEvidence(), now })
    )
    expect(b.services[0]!.coverage).toMatchObject({
      window: '30m',
      from: new Date(stoppedFrom * 1000).toISOString(),
      to: new Date(stoppedTo * 1000).toISOString(),
      seconds: stoppedTo - stoppedFrom,
      sufficient: true
    })
    // Its first step with data is a minute step 1440 s ago: the one-second steps cover the minute
    // before it and end there (an offset), not the 24 minutes since.
    const fine = b.services[0]!.coverage!.query.split('\n# then\n').pop()!
    expect(fine).toContain('min_over_time(timestamp(http_requests_total{service=~"stopped"})[61s:1s] offset 24m)')
  })

  test('a service 30 s old: its rate is over the 30 s it has existed, not diluted over 30 minutes, and 30 s is insufficient data', async () => {
    const evidence = emptyEvidence()
    evidence.validation.metricsSnapshot = { throughput: 40 }
    const b = await captureBaseline(makeContext({ backends: backends() }, { services: [service('fresh', { new: true })], evidence, now }))
    expect(validateAgainst(SCHEMA_FILES.baselineMetrics, b).errors).toEqual([])
    const cov = b.services[0]!.coverage!
    expect(cov).toMatchObject({
      window: '30m',
      seconds: 30,
      minimum_seconds: 60,
      sufficient: false,
      from: new Date((end - 30) * 1000).toISOString(),
      to: now.toISOString(),
      requests: 1200,
      minimum_requests: 20
    })
    const rate = value(b, 'fresh', 'request_rate')!
    // 1200 requests in 30 s; the counter starts at zero, so Prometheus does not extrapolate before it.
    expect(rate.value).toBeCloseTo(40, 9)
    expect(rate.window_value).toBeCloseTo(1200 / 1800, 9)
    expect(rate.verdict).toBe('insufficient_data')
    expect(rate.reason).toContain('insufficient data: 30s of the 30m window')
    expect(rate.reason).toContain('at least 1m needed')
    // The throughput claim is checked against the undiluted rate, and not judged on 30 s of data.
    expect(b.claims[0]).toMatchObject({ verdict: 'insufficient_data', claimed: 40, metric: 'request_rate' })
    expect(b.claims[0]!.observed).toBeCloseTo(40, 9)
    expect(b.claims[0]!.reason).toContain('Prometheus says 40 requests/s')
  })

  test('with a lower minimum for the baseline the same rate passes', async () => {
    const ctx = makeContext(
      { backends: backends(), sufficiency: { criteria: { baseline: { 'min-coverage': '20s' } } } },
      { services: [service('fresh')], now }
    )
    const b = await captureBaseline(ctx)
    expect(value(b, 'fresh', 'request_rate')).toMatchObject({ verdict: 'pass' })
    expect(value(b, 'fresh', 'request_rate')!.value).toBeCloseTo(40, 9)
  })

  test('a full window is not rescaled; a low-traffic service is held by the request guard, not by time', async () => {
    const b = await captureBaseline(makeContext({ backends: backends() }, { services: [service('checkout'), service('quiet')], now }))
    expect(value(b, 'checkout', 'request_rate')).toMatchObject({ verdict: 'pass' })
    expect(value(b, 'checkout', 'request_rate')!.value).toBeCloseTo(10, 9)
    expect(value(b, 'checkout', 'request_rate')!.window_value).toBeUndefined()
    const quiet = b.services.find((s) => s.service === 'quiet')!
    expect(quiet.coverage).toMatchObject({ seconds: 1800, sufficient: false, minimum_requests: 20 })
    expect(quiet.coverage!.requests).toBeCloseTo(0.5, 6)
    expect(value(b, 'quiet', 'error_ratio')).toMatchObject({ verdict: 'insufficient_data' })
    expect(value(b, 'quiet', 'error_ratio')!.reason).toContain('0.5 request(s), at least 20 needed')
  })

  test('old and young services in one baseline: the window start answers for the old, a second query narrowed to the young finds their first sample', async () => {
    const names = ['checkout', 'quiet', 'fresh', 'stopped']
    const together = await captureBaseline(makeContext({ backends: backends() }, { services: names.map((n) => service(n)), now }))
    for (const name of names) {
      const alone = await captureBaseline(makeContext({ backends: backends() }, { services: [service(name)], now }))
      const { query: _q, ...cov } = together.services.find((s) => s.service === name)!.coverage!
      const { query: _a, ...own } = alone.services[0]!.coverage!
      expect(cov).toEqual(own)
    }
    const queryOf = (name: string) => together.services.find((s) => s.service === name)!.coverage!.query
    expect(queryOf('checkout')).toContain('timestamp(http_requests_total offset 30m)')
    expect(queryOf('checkout')).not.toContain('then the first sample')
    expect(queryOf('fresh')).toContain('then the first sample inside the window')
    // Thirty coarse steps show where each young service starts; the fine query reaches back a step
    // before the earliest (stopped's first minute step, 1440 s ago), not over the whole window.
    expect(queryOf('fresh')).toContain(
      'min_over_time(timestamp(count by (service) (http_requests_total{service=~"fresh|stopped"}))[30m:1m])'
    )
    expect(queryOf('fresh')).toContain('min_over_time(timestamp(http_requests_total{service=~"fresh|stopped"})[1501s:1s])')
    // Three value queries (the three latency quantiles read from one answer to the bucket rates),
    // the coverage query, then the coarse and fine ones for the two young services.
    expect(together.requests).toBe(6)
  })

  const slo = (name: string, svc: string): SloConfig => ({
    name,
    service: svc,
    objective: 98,
    window: '30d',
    'good-query': `sum(rate(http_requests_total{service="${svc}",code="200"}[$window]))`,
    'total-query': `sum(rate(http_requests_total{service="${svc}"}[$window]))`
  })

  test('30-day attainment: 30 s of data is insufficient data with how much there was; a week is enough', async () => {
    const ctx = makeContext({ backends: backends() }, { services: [], now })
    ctx.model.slos = [slo('fresh-availability', 'fresh'), slo('checkout-availability', 'checkout')]
    const client = new PrometheusClient('prom', ctx.config.backends.prom!, {}, ctx.log, {})
    const [fresh, checkout] = await sloAttainment(ctx, async () => client)
    expect(fresh).toMatchObject({ status: 'insufficient_data', attainment: null, budget_remaining_percent: null, covered_attainment: 1 })
    expect(fresh!.coverage).toMatchObject({ window: '30d', seconds: 30, minimum_seconds: 86400, sufficient: false })
    expect(fresh!.detail).toContain('insufficient data: 30s of the 30d window')
    expect(fresh!.detail).toContain('at least 1d needed')
    expect(checkout).toMatchObject({ status: 'met', budget_remaining_percent: 50 })
    expect(checkout!.attainment).toBeCloseTo(0.99, 9)
    // Found to within a step of the subquery over the window: a thousandth of 30 days, 2592 s.
    expect(checkout!.coverage).toMatchObject({ sufficient: true })
    expect(7 * 86400 - checkout!.coverage!.seconds).toBeGreaterThanOrEqual(0)
    expect(7 * 86400 - checkout!.coverage!.seconds).toBeLessThan(2592)
    // The SLOs of one backend go together, each ratio with its coverage: one request for both.
    expect(client.requests).toBe(1)
  })

  test('SLOs are asked in batches; a batch the backend refuses is asked again one SLO at a time, the refusal on its SLO', async () => {
    const ctx = makeContext({ backends: backends() }, { services: [], now })
    // A regex matcher on the service: not one shape by service, so batched.
    const many = Array.from({ length: 120 }, (_, i) => {
      const x = slo(`checkout-${i}`, 'checkout')
      return { ...x, 'total-query': x['total-query']!.replace('service="checkout"', 'service=~"checkout"') }
    })
    // Valid to the config (a query), refused by Prometheus: a range vector where a number is needed.
    const bad: SloConfig = { ...slo('bad', 'checkout'), 'good-query': 'http_requests_total{service="checkout"}[5m]' }
    ctx.model.slos = [...many.slice(0, 60), bad, ...many.slice(60)]
    const client = new PrometheusClient('prom', ctx.config.backends.prom!, {}, ctx.log, {})
    const out = await sloAttainment(ctx, async () => client)
    expect(out.map((a) => a.slo)).toEqual(ctx.model.slos.map((x) => x.name))
    expect(out.filter((a) => a.status === 'met')).toHaveLength(120)
    const refused = out.find((a) => a.slo === 'bad')!
    expect(refused.status).toBe('error')
    expect(refused.detail).toMatch(/bad_data|HTTP 400/)
    // Three SLOs to a request: 41 batches, and the refused one again SLO by SLO (three more).
    expect(client.requests).toBe(Math.ceil(121 / 3) + 3)
  })

  test('SLOs of one shape are one query by service, each with the figure its own query gives', async () => {
    const ctx = makeContext({ backends: backends() }, { services: [], now })
    const services = ['checkout', 'quiet', 'fresh', 'stopped', 'ghost', 'check.ut', 'checkou']
    const shapes = (svc: string): SloConfig[] => [
      slo(`${svc}-good`, svc),
      {
        ...slo(`${svc}-errors`, svc),
        'good-query': undefined,
        'error-query': `sum(rate(http_requests_total{service="${svc}",code=~"5.."}[$window]))`
      },
      // Two series where one is expected: an error alone, and so together.
      { ...slo(`${svc}-by-code`, svc), 'good-query': `sum by (code) (rate(http_requests_total{service="${svc}"}[$window]))` },
      {
        ...slo(`${svc}-hour`, svc),
        window: '1h',
        'good-query': `sum(max without (code) (rate(http_requests_total{service="${svc}",code="200"}[$window])))`,
        'total-query': `sum(rate(http_requests_total{service="${svc}"}[$window])) / on() group_left count(http_requests_total{service="${svc}"} > 0) * count(http_requests_total{service="${svc}"} > 0)`
      }
    ]
    ctx.model.slos = services.flatMap(shapes)
    const client = new PrometheusClient('prom', ctx.config.backends.prom!, {}, ctx.log, {})
    const together = await sloAttainment(ctx, async () => client)
    expect(client.requests).toBe(4)
    const strip = (a: (typeof together)[number]) => ({
      ...a,
      detail: a.detail.replace(/; asked with \d+ other SLO\(s\) of the same shape in one query by service$/, '')
    })
    for (const [k, one] of ctx.model.slos.entries()) {
      const alone = makeContext({ backends: backends() }, { services: [], now })
      alone.model.slos = [one]
      const [own] = await sloAttainment(alone, async () => new PrometheusClient('prom', alone.config.backends.prom!, {}, alone.log, {}))
      expect(strip(together[k]!)).toEqual(own)
    }
    const status = Object.fromEntries(together.map((a) => [a.slo, a.status]))
    expect(status).toMatchObject({
      'checkout-good': 'met',
      'checkout-errors': 'met',
      'checkout-by-code': 'error',
      'fresh-good': 'insufficient_data'
    })
    // No data for a name a regex would also match ("check.ut", "checkou"): nothing of checkout's.
    expect(together.find((a) => a.slo === 'check.ut-good')!.coverage?.seconds ?? 0).toBe(0)
    expect(together.find((a) => a.slo === 'checkou-good')!.coverage?.seconds ?? 0).toBe(0)
  })

  test('SLOs of one shape too many to list are one query excluding the services no SLO has, each with the figure its own query gives', async () => {
    const ctx = makeContext({ backends: backends() }, { services: [], now })
    ctx.model.slos = Array.from({ length: 28 }, (_, k) => ({ ...slo(`long-${k}`, longName(k)), window: '1h' }))
    const client = new PrometheusClient('prom', ctx.config.backends.prom!, {}, ctx.log, {})
    const together = await sloAttainment(ctx, async () => client)
    // One label-values request and one query, where listing the services would take three.
    expect(client.requests).toBe(2)
    for (const [k, one] of ctx.model.slos.entries()) {
      expect(together[k]!.detail).toContain('in one query by service (every value the backend holds but those no SLO has)')
      const alone = makeContext({ backends: backends() }, { services: [], now })
      alone.model.slos = [one]
      const [own] = await sloAttainment(alone, async () => new PrometheusClient('prom', alone.config.backends.prom!, {}, alone.log, {}))
      expect({ ...together[k]!, detail: '' }).toEqual({ ...own!, detail: '' })
      expect(together[k]!.status).toBe('met')
    }
  })

  test('a shape the backend refuses is asked again in batches, the refusal on each of its SLOs; the other shape is unharmed', async () => {
    const ctx = makeContext({ backends: backends() }, { services: [], now })
    const bad = (svc: string): SloConfig => ({ ...slo(`${svc}-bad`, svc), 'good-query': `sum(http_requests_total{service="${svc}"}[5m])` })
    ctx.model.slos = [bad('checkout'), slo('checkout', 'checkout'), bad('quiet'), bad('stopped'), slo('quiet', 'quiet')]
    const client = new PrometheusClient('prom', ctx.config.backends.prom!, {}, ctx.log, {})
    const out = await sloAttainment(ctx, async () => client)
    expect(out.map((a) => [a.slo, a.status])).toEqual([
      ['checkout-bad', 'error'],
      ['checkout', 'met'],
      ['quiet-bad', 'error'],
      ['stopped-bad', 'error'],
      ['quiet', expect.stringMatching(/met|breached|insufficient_data/)]
    ])
    for (const a of out.filter((x) => x.slo.endsWith('-bad'))) expect(a.detail).toMatch(/bad_data|HTTP 400/)
    // The good shape: one request. The bad one: one, its batch of three, then each alone.
    expect(client.requests).toBe(1 + 1 + 1 + 3)
  })

  test('an SLO query that is not one expression is asked alone, never joined to the SLO beside it', async () => {
    const ctx = makeContext({ backends: backends() }, { services: [], now })
    // Unbalanced: inside a batch, a query like this could close its own wrapper and put series
    // under its neighbour's place; alone, it is just refused.
    const unbalanced: SloConfig = {
      ...slo('unbalanced', 'checkout'),
      'good-query': `1)) or label_replace(vector(1), "sre_slo", "1", "", "") or ((1`
    }
    const neighbour: SloConfig = { ...slo('neighbour', 'checkout'), objective: 99.999 }
    ctx.model.slos = [unbalanced, neighbour]
    const client = new PrometheusClient('prom', ctx.config.backends.prom!, {}, ctx.log, {})
    const [u, n] = await sloAttainment(ctx, async () => client)
    // The neighbour's own figure: 99% of requests succeed, short of 99.999%.
    expect(n).toMatchObject({ slo: 'neighbour', status: 'breached' })
    expect(n!.attainment).toBeCloseTo(0.99, 9)
    expect(u).toMatchObject({ slo: 'unbalanced', status: 'error' })
    // One request each, and no batch of the two (a refused batch would add one).
    expect(client.requests).toBe(2)
  })

  test('an incident before the alert history began is not "raised no alert"; gate 3 fails on too little history unless informational', async () => {
    const file = join(scratch, 'incidents.json')
    writeFileSync(
      file,
      JSON.stringify([
        { id: 'INC-4107', service: 'checkout', started_at: new Date((end - 3 * 86400) * 1000).toISOString() },
        { id: 'INC-4200', service: 'checkout', started_at: new Date((end - 3600) * 1000).toISOString() }
      ])
    )
    const run = async (extra: Record<string, unknown>) => {
      const ctx = makeContext({ backends: backends(), incidents: { file: basename(file) }, ...extra }, { services: [], now })
      // The incidents file is read from the workspace only.
      ctx.workspace = scratch
      const client = new PrometheusClient('prom', ctx.config.backends.prom!, {}, ctx.log, {})
      return correlateAlerts(ctx, async () => client, { incidents: async () => [] })
    }
    const t = await run({})
    expect(t.coverage).toMatchObject({ window: '7d', seconds: end - upFrom, sufficient: false, from: upSince })
    const old = t.incidents.find((m) => m.incident.id === 'INC-4107')!
    expect(old).toMatchObject({ detected: false, outcome: 'insufficient_data' })
    expect(old.reason).toContain(`starts at ${upSince}`)
    expect(t.adjustments.map((a) => a.why)).toEqual([expect.stringContaining('INC-4200')])
    expect(t.recall).toBe(0)

    const gate = (tuning: typeof t) =>
      evaluateAssuranceGate({
        schedule: {
          generated_at: '',
          schedule_coverage: 100,
          required_check_types: [],
          automated_checks: [],
          ownership: { owner: 'sre', on_call_owner: 'sre' },
          workflows: [],
          missing: []
        },
        tuning,
        tuningWritten: true,
        backlog: [],
        backlogWritten: true,
        gapFingerprints: [],
        thresholds: makeContext({}, { services: [] }).config.gates
      })
    const failing = gate(t)
    expect(failing.checks.find((c) => c.name === 'alert history covers the lookback')).toMatchObject({ status: 'fail' })
    const covered = `${Math.floor((end - upFrom) / 3600)}h${Math.floor(((end - upFrom) % 3600) / 60)}m${(end - upFrom) % 60 ? `${(end - upFrom) % 60}s` : ''}`
    expect(failing.reasons).toContain(
      `alert tuning has insufficient data: ${covered} of the 7d window (data from ${upSince}); at least 5h36m needed`
    )
    const informational = gate(await run({ sufficiency: { criteria: { 'alert-correlation': { informational: true } } } }))
    expect(informational.checks.find((c) => c.name === 'alert history covers the lookback')).toMatchObject({ status: 'pass' })
    expect(informational.reasons.some((r) => r.includes('insufficient'))).toBe(false)
  })
})
