import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { checkDashboards, setVariables } from '../../src/alerting/dashboards.js'
import { evaluateAlertGate } from '../../src/gates/gates.js'
import { backfill, startPrometheus, type RunningBackend } from '../harness/backends.js'
import { makeContext, service } from '../harness/context.js'

/** A live Prometheus where checkout serves traffic and the new fraud-scoring has none. */
describe('dashboards checked against live data', () => {
  const end = Math.floor(Date.now() / 60_000) * 60 - 600
  const now = new Date(end * 1000)
  let prom: RunningBackend
  let tsdb: string
  let dir: string

  beforeAll(async () => {
    const lines = ['# TYPE http_requests counter']
    for (let t = end - 3600, i = 0; t <= end; t += 15, i++) lines.push(`http_requests_total{service="checkout",code="200"} ${150 * i} ${t}`)
    tsdb = backfill(`${lines.join('\n')}\n# EOF\n`)
    prom = await startPrometheus({ storageDir: tsdb })
    dir = mkdtempSync(join(tmpdir(), 'dash-live-'))
  }, 60_000)
  afterAll(async () => {
    await prom?.stop()
    rmSync(dirname(tsdb), { recursive: true, force: true })
    rmSync(dir, { recursive: true, force: true })
  })

  const dashboard = {
    title: 'Shop',
    panels: [
      {
        type: 'timeseries',
        title: 'Requests by service',
        datasource: { type: 'prometheus' },
        targets: [{ expr: 'sum by (service) (rate(http_requests_total{service="$service"}[$__rate_interval]))' }]
      },
      {
        type: 'stat',
        title: 'Fraud scoring errors',
        targets: [{ expr: 'sum(rate(http_requests_total{service="fraud-scoring",code=~"5.."}[5m]))' }]
      },
      { type: 'logs', title: 'Fraud logs', targets: [{ expr: '{service="fraud-scoring"}', datasource: { type: 'loki' } }] }
    ],
    templating: { list: [{ name: 'service', type: 'custom', query: 'checkout,fraud-scoring', current: { value: 'checkout' } }] }
  }

  test('a panel that returns nothing for the new service fails with the panel, the query and the answer; one query per panel template', async () => {
    const file = join(dir, 'shop.json')
    writeFileSync(file, JSON.stringify(dashboard))
    const ctx = makeContext(
      {
        backends: { prom: { type: 'prometheus', url: prom.url, 'timeout-seconds': 5, retries: 0 } },
        dashboards: { files: [basename(file)] }
      },
      { services: [service('checkout', { critical: true }), service('fraud-scoring', { new: true })], now }
    )
    // Dashboard files are read from the workspace only.
    ctx.workspace = dir
    const report = await checkDashboards(ctx)
    const checks = report.dashboards[0]!.live_checks!
    const templated = 'sum by (service) (rate(http_requests_total{service=~"checkout|fraud-scoring"}[5m]))'
    expect(checks).toEqual([
      { panel: 'Requests by service', service: 'checkout', query: templated, verdict: 'pass', answer: '1 series' },
      {
        panel: 'Requests by service',
        service: 'fraud-scoring',
        query: templated,
        verdict: 'fail',
        answer: '1 series, none finite for this service: {"service":"checkout"} 10'
      },
      {
        panel: 'Fraud scoring errors',
        service: 'fraud-scoring',
        query: 'sum(rate(http_requests_total{service="fraud-scoring",code=~"5.."}[5m]))',
        verdict: 'fail',
        answer: 'empty result (no series)'
      }
    ])
    const gate = evaluateAlertGate({
      alertTests: {
        test_date: '',
        approved: true,
        sla_target_seconds: 300,
        tests: [],
        overall_status: 'passed',
        sla_compliance: 100,
        source: 'built-in'
      },
      alignment: { checked_at: '', rule_sources: [], findings: [] },
      dashboards: report,
      thresholds: ctx.config.gates
    })
    expect(gate.reasons).toContain(
      `dashboard Shop panel "Fraud scoring errors" shows no data for fraud-scoring: query sum(rate(http_requests_total{service="fraud-scoring",code=~"5.."}[5m])) answered empty result (no series)`
    )
    expect(gate.checks.find((c) => c.name === 'dashboard score')?.status).toBe('fail')
  })

  test('a panel that folds the services together passes only for a service with series of its own: the total of another does not count', async () => {
    const file = join(dir, 'folded.json')
    writeFileSync(
      file,
      JSON.stringify({
        title: 'Folded',
        panels: [
          {
            type: 'stat',
            title: 'All requests',
            datasource: { type: 'prometheus' },
            targets: [{ expr: 'sum(rate(http_requests_total{service=~"$service"}[5m]))' }]
          }
        ],
        templating: { list: [{ name: 'service', type: 'custom', query: 'checkout,fraud-scoring', current: { value: 'checkout' } }] }
      })
    )
    const ctx = makeContext(
      {
        backends: { prom: { type: 'prometheus', url: prom.url, 'timeout-seconds': 5, retries: 0 } },
        dashboards: { files: [basename(file)] }
      },
      { services: [service('checkout', { critical: true }), service('fraud-scoring', { new: true })], now }
    )
    ctx.workspace = dir
    const checks = (await checkDashboards(ctx)).dashboards[0]!.live_checks!
    expect(checks.map((c) => [c.service, c.verdict])).toEqual([
      ['checkout', 'pass'],
      ['fraud-scoring', 'fail']
    ])
    expect(checks[1]!.answer).toMatch(
      /^no series of http_requests_total\{service=~"checkout\|fraud-scoring"\} for this service \(group by \(service, sre_selector\)/
    )
  })

  test('without a Prometheus backend the panels are not checked, and that is said', async () => {
    const file = join(dir, 'shop.json')
    writeFileSync(file, JSON.stringify(dashboard))
    const ctx = makeContext({ dashboards: { files: [basename(file)] } }, { services: [service('checkout', { critical: true })], now })
    // Dashboard files are read from the workspace only.
    ctx.workspace = dir
    const report = await checkDashboards(ctx)
    expect(report.live_not_verified_reason).toMatch(/no Prometheus backend/)
    expect(report.dashboards[0]!.live_checks).toBeUndefined()
  })

  test('variables: the service variable becomes a regex, Grafana intervals and current values are set', () => {
    const current = new Map([
      ['env', 'prod'],
      ['region', '.*']
    ])
    expect(
      setVariables(
        'rate(x{service="$service",env="${env}",region="$region"}[$__rate_interval])',
        new Set(['service']),
        ['a.b', 'c'],
        current
      )
    ).toBe('rate(x{service=~"a\\.b|c",env="prod",region=~".*"}[5m])')
    expect(setVariables('x{job=~"[[service]]"}', new Set(['service']), ['api'], current)).toBe('x{job=~"api"}')
  })
})
