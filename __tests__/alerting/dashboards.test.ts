import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { checkDashboards, dashboardPanels } from '../../src/alerting/dashboards.js'
import { renderDashboardConfig } from '../../src/report/dashboard-config.js'
import { escapeMarkdown, inlineCode } from '../../src/util/escape.js'
import type { SloAlignment } from '../../src/alerting/types.js'
import { makeContext, service } from '../harness/context.js'

const modern = {
  title: 'Checkout | overview',
  uid: 'checkout',
  panels: [
    {
      type: 'timeseries',
      title: 'Checkout p95 latency',
      targets: [{ expr: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{service="checkout"}[5m])))' }],
      fieldConfig: {
        defaults: {
          thresholds: {
            mode: 'absolute',
            steps: [
              { color: 'green', value: null },
              { color: 'red', value: 0.3 }
            ]
          }
        }
      }
    },
    {
      type: 'row',
      title: 'Payments',
      collapsed: true,
      panels: [
        { type: 'stat', title: 'Payments errors', targets: [{ expr: 'sum(rate(http_requests_total{service=~"$svc",code=~"5.."}[5m]))' }] }
      ]
    }
  ],
  templating: { list: [{ name: 'svc', type: 'custom', query: 'payments,checkout' }] }
}

const legacy = {
  title: 'Legacy search',
  rows: [
    {
      panels: [
        {
          type: 'singlestat',
          title: 'Search 5xx',
          targets: [{ expr: 'sum(rate(http_requests_total{job="search"}[5m]))' }],
          thresholds: '0.01,0.05'
        }
      ]
    }
  ]
}

const services = [
  service('checkout', { critical: true }),
  service('payments', { critical: true }),
  service('search', { new: true, selector: { job: 'search' } })
]
const slos = [{ name: 'checkout-latency', service: 'checkout', objective: 99, 'total-query': 'x', 'dashboard-threshold': 0.3 }]

function workspaceWith(files: Record<string, unknown>, config: Record<string, unknown> = {}, svc = services) {
  const ctx = makeContext({ slos, dashboards: { files: ['dashboards/**/*.json'] }, ...config }, { services: svc })
  mkdirSync(join(ctx.workspace, 'dashboards'), { recursive: true })
  for (const [name, data] of Object.entries(files)) writeFileSync(join(ctx.workspace, 'dashboards', name), JSON.stringify(data))
  return ctx
}

describe('dashboards', () => {
  test('panels from the modern, nested-row and legacy-row formats', () => {
    expect(dashboardPanels(modern).map((p) => [p.title, p.thresholds])).toEqual([
      ['Checkout p95 latency', [0.3]],
      ['Payments errors', []]
    ])
    expect(dashboardPanels(legacy)[0]!.thresholds).toEqual([0.01, 0.05])
  })

  test('every new or critical service on a panel, the SLO threshold on its panel', async () => {
    const ctx = workspaceWith({ 'checkout.json': { dashboard: modern, meta: {} }, 'legacy.json': legacy })
    const r = await checkDashboards(ctx)
    expect(r.not_verified_reason).toBeUndefined()
    expect(r.services_without_dashboard).toEqual([])
    expect(r.overall_score).toBe(100)
    const checkout = r.dashboards.find((d) => d.dashboard === 'Checkout | overview')!
    expect(checkout.services_covered).toEqual(['checkout', 'payments'])
    expect(checkout.thresholds_missing).toEqual([])
    expect(checkout.score).toBe(100)
    expect(r.dashboards.find((d) => d.dashboard === 'Legacy search')!.score).toBe(100)
  })

  test('a new service missing from every dashboard', async () => {
    const ctx = workspaceWith({ 'checkout.json': modern }, {}, [
      ...services.slice(0, 2),
      service('search', { new: true, selector: { job: 'search' } }),
      service('ledger', { new: true })
    ])
    const r = await checkDashboards(ctx)
    expect(r.services_without_dashboard).toEqual(['search', 'ledger'])
    expect(r.overall_score).toBe(60)
    expect(r.dashboards[0]!.services_missing).toEqual(['search', 'ledger'])
  })

  test('a threshold that differs from the SLO is reported', async () => {
    const changed = structuredClone(modern)
    changed.panels[0]!.fieldConfig!.defaults.thresholds.steps[1]!.value = 0.5
    const r = await checkDashboards(workspaceWith({ 'checkout.json': changed }, {}, services.slice(0, 2)))
    expect(r.dashboards[0]!.thresholds_missing).toEqual(['threshold 0.3 for SLO checkout-latency on a checkout panel'])
    expect(r.dashboards[0]!.score).toBe(66.7)
  })

  test('no dashboards configured: not verified', async () => {
    const ctx = makeContext({}, { services })
    const r = await checkDashboards(ctx)
    expect(r.not_verified_reason).toMatch(/no dashboards configured/)
    expect(r.services_without_dashboard).toEqual(['checkout', 'payments', 'search'])
  })

  test("Grafana's HTTP API with a bearer token", async () => {
    const token = 'grafana-token-secret'
    const server: Server = createServer((req, res) => {
      const send = (status: number, body: unknown): void => {
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { message: 'Unauthorized' })
      if (req.url === '/api/search?type=dash-db')
        return send(200, [{ uid: 'checkout', title: modern.title, type: 'dash-db', url: '/d/checkout/checkout-overview' }])
      if (req.url === '/api/dashboards/uid/checkout')
        return send(200, { dashboard: modern, meta: { url: '/d/checkout/checkout-overview', slug: 'checkout-overview' } })
      return send(404, { message: 'Dashboard not found' })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as { port: number }).port
    try {
      const ctx = makeContext(
        { slos, dashboards: { grafana: { url: `http://127.0.0.1:${port}`, 'token-env': 'GRAFANA_TOKEN' } } },
        { services: services.slice(0, 2), env: { GRAFANA_TOKEN: token } }
      )
      const r = await checkDashboards(ctx)
      expect(r.not_verified_reason).toBeUndefined()
      expect(r.dashboards[0]).toMatchObject({
        dashboard: 'Checkout | overview',
        link: `http://127.0.0.1:${port}/d/checkout/checkout-overview`,
        score: 100
      })
      expect(ctx.log.secrets).toContain(token)
      const bad = makeContext(
        { dashboards: { grafana: { url: `http://127.0.0.1:${port}`, 'token-env': 'GRAFANA_TOKEN' } } },
        { services, env: { GRAFANA_TOKEN: 'wrong' } }
      )
      expect((await checkDashboards(bad)).not_verified_reason).toMatch(/HTTP 401/)
    } finally {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  })

  test('dashboard-config.md escapes what came from files and APIs', async () => {
    const hostile = structuredClone(modern)
    hostile.title = 'Pwn <img src=x> @octocat #123 [x](http://evil) *bold* `code`'
    const r = await checkDashboards(workspaceWith({ 'h.json': hostile }, {}, services.slice(0, 2)))
    const alignment: SloAlignment = {
      checked_at: '2026-11-01T00:00:00.000Z',
      rule_sources: ['rules.yml'],
      findings: [
        {
          slo: 'checkout-latency',
          service: 'checkout',
          kind: 'page',
          expected: 'page alert',
          status: 'misaligned',
          reason: 'fires at 10x | not 14.4x',
          found: { rule: 'Fast', source: 'rules.yml', expr: 'a{code=~"5.|x"} > 0.01', factor: 10 }
        }
      ],
      burn_rates: [
        {
          slo: 'checkout-latency',
          service: 'checkout',
          objective: 99,
          window: '30d',
          alerts: [
            { severity: 'page', longWindow: '1h', shortWindow: '5m', factor: 14.4, budgetFraction: 0.02, errorRatioThreshold: 0.144 }
          ]
        }
      ]
    }
    const md = renderDashboardConfig(alignment, r)
    expect(md).not.toContain('<img')
    expect(md).not.toMatch(/(^|[^\u200D])@octocat/)
    expect(md).not.toContain(' #123')
    expect(md).toContain('&lt;img src=x&gt;')
    expect(md).toContain('\\[x\\]\\(http://evil)')
    expect(md).toContain('fires at 10x \\| not 14.4x')
    expect(md).toContain('`a{code=~"5.\\|x"} > 0.01`')
    expect(md).toContain('| checkout-latency | checkout | 99% | 30d | page | 1h | 5m | 2% | 14.4x | 0.144 |')
    // Every table row has the same number of unescaped cell separators as its header.
    for (const block of md.split('\n\n').filter((b) => b.startsWith('| '))) {
      const counts = block
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace(/\\\|/g, '').split('|').length)
      expect(new Set(counts).size).toBe(1)
    }
  })

  test('escapeMarkdown and inlineCode', () => {
    expect(escapeMarkdown('a|b <b> *c* _d_ `e` [f] @alice #42 x@y.z')).toBe(
      'a\\|b &lt;b&gt; \\*c\\* \\_d\\_ \\`e\\` \\[f\\] @\u200Dalice #\u200D42 x@y.z'
    )
    expect(escapeMarkdown('line\nbreak')).toBe('line break')
    expect(inlineCode('a `b` c')).toBe('``a `b` c``')
    expect(inlineCode('x|y')).toBe('`x\\|y`')
  })
})
