/**
 * Requests never grow with the number of services. The protocol's phases (audit, no-data
 * diagnosis, baseline, claims, rule alignment, drill, dashboards, tuning, backtest, SLO
 * attainment) run on a small and a larger fleet against a real Prometheus holding the history of
 * every service, with the same SLOs, rules and dashboard panels; the requests per phase, read
 * from run-stats, are equal. The probes (one per endpoint and attempt) are the one exception and
 * are counted apart.
 */
import { createServer, type Server } from 'node:http'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { backtestAlerts } from '../../src/assurance/backtest/backtest.js'
import { correlateAlerts } from '../../src/assurance/correlate-alerts.js'
import { sloAttainment } from '../../src/assurance/slo-attainment.js'
import { endpoint as endpointSchema, slo as sloSchema } from '../../src/config/schema.js'
import { LocalGitHubPort } from '../../src/protocol/local-port.js'
import { defaultSteps } from '../../src/protocol/steps.js'
import { inPhase, RunStatsRecorder, withRunStats, type RunStats } from '../../src/stats/run-stats.js'
import { backfill, startPrometheus, type RunningBackend } from '../harness/backends.js'
import { emptyEvidence, makeContext, service } from '../harness/context.js'
import { historyOpenMetrics } from '../harness/telemetry.js'

const SMALL = 5
const LARGE = 60
const name = (i: number): string => `svc-${String(i).padStart(3, '0')}`
const end = Math.floor(Date.now() / 60_000) * 60 - 600
const now = new Date(end * 1000)
/** Every third service is critical (so the checks that look at critical services grow with the fleet too). */
const critical = (i: number): boolean => i % 3 === 0
/** Some services stopped sending traces: the no-data diagnosis runs in both fleets. */
const tracesStop = (i: number): boolean => i % 7 === 3

const ratio = (svc: string, w: string): string =>
  `sum(rate(http_requests_total{service="${svc}",code=~"5.."}[${w}])) / sum(rate(http_requests_total{service="${svc}"}[${w}]))`

/** The same rules for both fleets: burn-rate pages for the two SLOs and one rule grouped by service. */
const RULES = `groups:
  - name: slos
    interval: 1m
    rules:
${[0, 1]
  .map(
    (i) => `      - alert: ErrorBudgetBurn
        expr: ${ratio(name(i), '1h')} > 14.4 * 0.001 and ${ratio(name(i), '5m')} > 14.4 * 0.001
        for: 2m
        labels: { severity: page, service: ${name(i)}, slo: ${name(i)}-availability }
        annotations: { summary: burn }`
  )
  .join('\n')}
      - alert: HighErrorRatio
        expr: sum by (service) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (service) (rate(http_requests_total[5m])) > 0.1
        for: 5m
        labels: { severity: ticket }
`

/** Panels templated by $service (grouped and folded), and one panel for one service: the same for both fleets. */
function dashboard(n: number): unknown {
  const names = Array.from({ length: n }, (_, i) => name(i))
  return {
    title: 'Fleet',
    panels: [
      {
        type: 'timeseries',
        title: 'Requests by service',
        targets: [{ expr: 'sum by (service) (rate(http_requests_total{service=~"$service"}[$__rate_interval]))' }],
        fieldConfig: { defaults: { thresholds: { steps: [{ value: null }, { value: 100 }] } } }
      },
      {
        type: 'stat',
        title: 'Error ratio (the services folded together)',
        targets: [
          {
            expr: 'sum(rate(http_requests_total{service=~"$service",code=~"5.."}[5m])) / sum(rate(http_requests_total{service=~"$service"}[5m]))'
          }
        ],
        fieldConfig: { defaults: { thresholds: { steps: [{ value: null }, { value: 0.01 }] } } }
      },
      {
        type: 'timeseries',
        title: 'p95 latency',
        targets: [
          { expr: 'histogram_quantile(0.95, sum by (le, service) (rate(http_request_duration_seconds_bucket{service=~"$service"}[5m])))' }
        ],
        fieldConfig: { defaults: { thresholds: { steps: [{ value: null }, { value: 0.5 }] } } }
      },
      { type: 'stat', title: 'svc-000 traffic', targets: [{ expr: 'sum(rate(http_requests_total{service="svc-000"}[5m]))' }] }
    ],
    templating: { list: [{ name: 'service', type: 'custom', query: names.join(','), current: { value: '$__all' }, includeAll: true }] }
  }
}

/** Answers every probe with 200 at once. */
async function probeTarget(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume()
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

describe('requests per phase are flat in the number of services', () => {
  let prom: RunningBackend
  let tsdb: string
  let target: { url: string; stop: () => Promise<void> }
  const dirs: string[] = []

  beforeAll(async () => {
    const history = historyOpenMetrics(
      Array.from({ length: LARGE }, (_, i) => ({
        name: name(i),
        perMinute: 600,
        errorsPerMinute: 1,
        latencyBucket: [0.1, 0.25] as [number, number],
        ...(tracesStop(i) ? { tracesStopAt: end - 1800 } : {})
      })),
      end,
      0.25
    )
    tsdb = backfill(history)
    ;[prom, target] = await Promise.all([startPrometheus({ storageDir: tsdb, rules: { 'slos.yml': RULES } }), probeTarget()])
  }, 180_000)
  afterAll(async () => {
    await Promise.all([prom?.stop(), target?.stop()])
    if (tsdb) rmSync(dirname(tsdb), { recursive: true, force: true })
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  async function runFleet(n: number): Promise<RunStats> {
    const workspace = mkdtempSync(join(tmpdir(), 'flat-'))
    dirs.push(workspace)
    writeFileSync(join(workspace, 'fleet.json'), JSON.stringify(dashboard(n)))
    writeFileSync(
      join(workspace, 'incidents.json'),
      JSON.stringify(
        Array.from({ length: n }, (_, i) => ({
          id: `INC-${i}`,
          service: name(i),
          started_at: new Date((end - 3 * 3600 + i * 60) * 1000).toISOString(),
          resolved_at: new Date((end - 3 * 3600 + i * 60 + 900) * 1000).toISOString()
        }))
      )
    )
    const evidence = emptyEvidence()
    evidence.validation.metricsSnapshot = { api_latency_p95: 250, error_rate: 0.2, throughput: 10 }
    // One claim per service in the health log: checked against the baseline's grouped values.
    evidence.healthLog.metrics = Array.from({ length: n }, (_, i) => ({
      name: `${name(i)} p95 latency`,
      value: '250ms',
      numeric_value: 250,
      unit: 'ms'
    }))
    const ctx = makeContext(
      {
        backends: { tsdb: { type: 'prometheus', url: prom.url, 'timeout-seconds': 20, retries: 0 } },
        signals: {
          metrics: { kind: 'promql', backend: 'tsdb', query: 'http_requests_total' },
          logs: { kind: 'promql', backend: 'tsdb', query: 'log_lines_total' },
          traces: { kind: 'promql', backend: 'tsdb', query: 'spans_total' },
          synthetic: { kind: 'probe' }
        },
        'allowed-hosts': [new URL(target.url).host],
        alerting: { 'rules-backend': 'tsdb' },
        dashboards: { files: ['fleet.json'], backend: 'tsdb' },
        incidents: { file: 'incidents.json', lookback: '6h' },
        baseline: { window: '1h' }
      },
      {
        workspace,
        services: Array.from({ length: n }, (_, i) =>
          service(name(i), {
            critical: critical(i),
            // Probes: one endpoint for each critical service.
            endpoints: critical(i) ? [endpointSchema.parse({ url: `${target.url}/${name(i)}/health`, attempts: 1 })] : []
          })
        ),
        evidence,
        now
      }
    )
    ctx.model.slos = [0, 1].map((i) =>
      sloSchema.parse({
        name: `${name(i)}-availability`,
        service: name(i),
        objective: 99.9,
        window: '1h',
        backend: 'tsdb',
        'error-query': `sum(rate(http_requests_total{service="${name(i)}",code=~"5.."}[$window]))`,
        'total-query': `sum(rate(http_requests_total{service="${name(i)}"}[$window]))`
      })
    )
    const github = new LocalGitHubPort(join(workspace, 'out'), () => now, ctx.log, undefined)
    const prometheus = (backend?: string) => defaultSteps.prometheus(ctx, backend)
    const stats = new RunStatsRecorder(() => 4)
    await withRunStats(stats, 'instrumentation', async () => {
      const audit = await inPhase('audit', () => defaultSteps.audit(ctx))
      expect(audit.services).toHaveLength(n)
      const baseline = await inPhase('baseline', () => defaultSteps.baseline(ctx))
      expect(baseline.claims.length).toBeGreaterThan(n)
      const { alignment, ruleSet } = await inPhase('rule-alignment', () => defaultSteps.alignment(ctx))
      expect(alignment.not_verified_reason).toBeUndefined()
      await inPhase('drill', () => defaultSteps.drill!(ctx, ruleSet, alignment))
      const dashboards = await inPhase('dashboards', () => defaultSteps.dashboards(ctx))
      expect(dashboards.not_verified_reason).toBeUndefined()
      const tuning = await inPhase('tuning', () => correlateAlerts(ctx, prometheus, github))
      expect(tuning.incidents).toHaveLength(n)
      await inPhase('backtest', () =>
        backtestAlerts({ ctx, prometheus, incidents: tuning.incidents.map((m) => m.incident), incidentSources: tuning.sources, alignment })
      )
      const slos = await inPhase('slo-attainment', () => sloAttainment(ctx, prometheus))
      expect(slos).toHaveLength(2)
    })
    return stats.snapshot({ now: Date.now(), runId: `flat-${n}`, environment: 'production', complete: true, covers: 'the phases' })
  }

  test(`${SMALL} and ${LARGE} services: the same requests in every phase; only the probes grow, counted apart`, async () => {
    const small = await runFleet(SMALL)
    const large = await runFleet(LARGE)
    if (process.env.SRE_FLAT_OUT)
      writeFileSync(process.env.SRE_FLAT_OUT, JSON.stringify({ [SMALL]: small.phases, [LARGE]: large.phases }, null, 2))
    const per = (s: RunStats) => Object.fromEntries(s.phases.map((p) => [p.phase, p.count]))
    const table = Object.keys({ ...per(small), ...per(large) }).map((p) => `${p}: ${per(small)[p] ?? 0} vs ${per(large)[p] ?? 0}`)
    // Shown on failure: the phase that grew.
    expect({ phases: per(large), table }).toEqual({ phases: per(small), table })
    for (const phase of [
      'audit',
      'no-data-diagnosis',
      'baseline',
      // 'claims' asks nothing: its fleet quantiles are summed from the baseline's bucket rates.
      'rule-alignment',
      'dashboards',
      'tuning',
      'backtest',
      'slo-attainment'
    ])
      expect(per(small)[phase]).toBeGreaterThan(0)
    expect(large.totals.count).toBe(small.totals.count)
    expect(large.totals.errors).toBe(0)
    // One probe per endpoint (one per critical service, one attempt each), apart from the requests.
    const endpoints = (n: number) => Array.from({ length: n }, (_, i) => i).filter(critical).length
    expect(small.probes.count).toBe(endpoints(SMALL))
    expect(large.probes.count).toBe(endpoints(LARGE))
    expect(large.phases.find((p) => p.phase === 'audit')!.probes).toBe(endpoints(LARGE))
    // The queries touched more samples for more services: the load is visible, not the count.
    expect(large.totals.samples!).toBeGreaterThan(small.totals.samples!)
  }, 300_000)
})
