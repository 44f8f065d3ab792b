import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadOpenSlo, parseOpenSlo } from '../../src/config/openslo.js'
import { renderRunbookSection, runbookBegin, spliceRunbook, updateRunbook, type RunbookSection } from '../../src/runbook/update.js'
import { InputError } from '../../src/util/errors.js'
import { makeContext, service } from '../harness/context.js'

const section: RunbookSection = {
  alignment: {
    checked_at: '2026-11-01T00:00:00.000Z',
    rule_sources: ['prometheus:prom'],
    findings: [
      {
        slo: 'checkout-availability',
        service: 'checkout',
        kind: 'page',
        expected: 'x',
        status: 'aligned',
        reason: 'ok',
        found: { rule: 'CheckoutBurnFast', source: 'prometheus:prom', expr: 'ratio_rate1h > 0.0144', factor: 14.4 }
      }
    ],
    burn_rates: [{ slo: 'checkout-availability', service: 'checkout', objective: 99.9, window: '30d', alerts: [] }]
  },
  dashboards: {
    checked_at: '2026-11-01T00:00:00.000Z',
    dashboards: [
      {
        dashboard: 'Checkout',
        source: 'grafana',
        link: 'https://grafana.example/d/checkout',
        panels: [],
        services_covered: ['checkout'],
        services_missing: [],
        thresholds_missing: [],
        score: 100
      }
    ],
    services_without_dashboard: []
  },
  onCallOwner: 'payments-sre @oncall'
}

function context() {
  const ctx = makeContext(
    {
      alerting: {
        routes: [{ name: 'checkout-page', labels: { team: 'checkout' }, 'expect-receiver': 'checkout-oncall' }],
        'notification-channels': { slack: '#checkout-alerts', pagerduty: 'Checkout' }
      }
    },
    { services: [service('checkout', { critical: true, owner: 'team-checkout' })] }
  )
  ctx.evidence.report.risks = [
    {
      description: 'New payment retry path may double-charge',
      severity: 'high',
      component: 'checkout',
      mitigation: 'Disable flag payments.retry'
    },
    { description: 'Cache warm-up <slow>', severity: 'medium' }
  ]
  ctx.now = () => new Date('2026-11-01T12:00:00.000Z')
  return ctx
}

describe('runbook', () => {
  test('the section has detection signals, mitigations and the contact rotation, escaped', () => {
    const ctx = context()
    const text = renderRunbookSection({
      release: 'v2.4.0',
      generatedAt: '2026-11-01T12:00:00.000Z',
      environment: 'production',
      services: [{ name: 'checkout', critical: true, new: false, owner: 'team-checkout' }],
      alerts: [
        { name: 'CheckoutBurnFast', severity: 'page', expr: 'ratio_rate1h > 0.0144', source: 'prometheus:prom', service: 'checkout' }
      ],
      slos: [{ slo: 'checkout-availability', service: 'checkout', objective: 99.9, window: '30d' }],
      dashboards: [{ title: 'Checkout', link: 'https://grafana.example/d/checkout', score: 100 }],
      risks: ctx.evidence.report.risks,
      owner: '@payments-sre',
      channels: { slack: '#checkout-alerts' },
      routes: [{ name: 'checkout-page', receiver: 'checkout-oncall', lastTest: 'passed, acknowledged in 0.2 s' }],
      ackSlaSeconds: 300
    })
    expect(text.startsWith('<!-- sre-monitoring:begin release=v2.4.0 -->\n## Release v2.4.0 (production)')).toBe(true)
    expect(text.endsWith('<!-- sre-monitoring:end -->')).toBe(true)
    expect(text).toContain('### Detection signals')
    expect(text).toContain('- **CheckoutBurnFast** (page, checkout, from prometheus:prom): `ratio_rate1h > 0.0144`')
    expect(text).toContain('- [Checkout](<https://grafana.example/d/checkout>) - score 100%')
    expect(text).toContain('### Mitigation')
    expect(text).toContain('  - Mitigation: Disable flag payments.retry')
    expect(text).toContain('Cache warm-up &lt;slow&gt;')
    expect(text).toContain('none given in the deployment report')
    expect(text).toContain('### Contact rotation')
    expect(text).toContain('- On-call owner: @\u200Dpayments-sre')
    expect(text).toContain('- Route checkout-page -> receiver checkout-oncall (last test: passed, acknowledged in 0.2 s)')
  })

  test('created with a title when absent, replaced on re-run, never duplicated', async () => {
    const ctx = context()
    const first = await updateRunbook(ctx, section)
    expect(first).toEqual({ path: 'RUNBOOKS/monitoring-runbook.md', changed: true })
    const file = join(ctx.workspace, first.path)
    const once = readFileSync(file, 'utf8')
    expect(once.startsWith('# Monitoring runbook\n\n<!-- sre-monitoring:begin release=v2.4.0 -->')).toBe(true)
    for (const expected of [
      '**CheckoutBurnFast** (page, checkout, from prometheus:prom)',
      '[Checkout](<https://grafana.example/d/checkout>)',
      '**high** (checkout): New payment retry path may double-charge',
      '  - Mitigation: Disable flag payments.retry',
      '- On-call owner: payments-sre @\u200Doncall',
      '- Channels: slack \\#checkout-alerts, pagerduty Checkout',
      '- Route checkout-page -> receiver checkout-oncall',
      '- checkout (critical): team-checkout'
    ]) {
      expect(once).toContain(expected)
    }
    expect(await updateRunbook(ctx, section)).toEqual({ path: first.path, changed: false })
    ctx.now = () => new Date('2026-11-02T12:00:00.000Z')
    expect((await updateRunbook(ctx, section)).changed).toBe(true)
    const twice = readFileSync(file, 'utf8')
    expect(twice.split(runbookBegin('v2.4.0')).length).toBe(2)
    expect(twice).toContain('2026-11-02T12:00:00.000Z')
  })

  test('the rest of the file stays byte for byte, CRLF stays CRLF', async () => {
    const ctx = context()
    const before =
      '# Ops\r\n\r\nHand-written notes.  \r\n\r\n<!-- sre-monitoring:begin release=v2.3.0 -->\r\nold release\r\n<!-- sre-monitoring:end -->\r\n\r\nTrailing notes\r\n'
    mkdirSync(join(ctx.workspace, 'RUNBOOKS'))
    writeFileSync(join(ctx.workspace, 'RUNBOOKS', 'monitoring-runbook.md'), before)
    await updateRunbook(ctx, section)
    const after = readFileSync(join(ctx.workspace, 'RUNBOOKS', 'monitoring-runbook.md'), 'utf8')
    expect(after.startsWith(before)).toBe(true)
    expect(after.replace(/\r\n/g, '')).not.toContain('\n')
    // Replacing the section keeps what surrounds it.
    const replaced = spliceRunbook(after, `${runbookBegin('v2.4.0')}\nnew\n<!-- sre-monitoring:end -->`, 'v2.4.0', 'f')
    expect(replaced).toBe(`${before}\r\n${runbookBegin('v2.4.0')}\r\nnew\r\n<!-- sre-monitoring:end -->\r\n`)
  })

  test('a duplicated section is collapsed into one; an unclosed one is an input error', () => {
    const block = (s: string): string => `${runbookBegin('v1')}\n${s}\n<!-- sre-monitoring:end -->`
    const text = `a\n${block('x')}\nb\n${block('y')}\nc\n`
    expect(spliceRunbook(text, block('z'), 'v1', 'f')).toBe(`a\n${block('z')}\nb\nc\n`)
    expect(() => spliceRunbook(`${runbookBegin('v1')}\nno end\n`, block('z'), 'v1', 'f')).toThrow(InputError)
  })
})

describe('OpenSLO', () => {
  const docs = `apiVersion: openslo/v1
kind: Service
metadata: { name: checkout }
spec: { description: Checkout }
---
apiVersion: openslo/v1
kind: SLI
metadata: { name: checkout-errors }
spec:
  ratioMetric:
    counter: true
    bad:
      metricSource:
        type: Prometheus
        spec: { query: 'sum(rate(http_requests_total{service="checkout",code=~"5.."}[$window]))' }
    total:
      metricSource:
        type: Prometheus
        spec: { query: 'sum(rate(http_requests_total{service="checkout"}[$window]))' }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-availability }
spec:
  service: checkout
  indicatorRef: checkout-errors
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ displayName: main, target: 0.999 }]
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: search-latency }
spec:
  service: search
  indicator:
    metadata: { name: search-fast }
    spec:
      ratioMetric:
        good: { metricSource: { type: prometheus, spec: { query: 'sum(rate(search_duration_seconds_bucket{le="0.3"}[$window]))' } } }
        total: { metricSource: { type: prometheus, spec: { query: 'sum(rate(search_duration_seconds_count[$window]))' } } }
  timeWindow: [{ duration: 7d, isRolling: true }]
  objectives: [{ targetPercent: 99.5 }]
`

  test('SLO documents, with inline and referenced indicators', async () => {
    expect(parseOpenSlo(docs, 'slo.yaml')).toEqual([
      {
        name: 'checkout-availability',
        service: 'checkout',
        objective: 99.9,
        window: '28d',
        'total-query': 'sum(rate(http_requests_total{service="checkout"}[$window]))',
        'error-query': 'sum(rate(http_requests_total{service="checkout",code=~"5.."}[$window]))'
      },
      {
        name: 'search-latency',
        service: 'search',
        objective: 99.5,
        window: '7d',
        'total-query': 'sum(rate(search_duration_seconds_count[$window]))',
        'good-query': 'sum(rate(search_duration_seconds_bucket{le="0.3"}[$window]))'
      }
    ])
    const ctx = makeContext({})
    mkdirSync(join(ctx.workspace, 'slos'))
    writeFileSync(join(ctx.workspace, 'slos', 'checkout.yaml'), docs)
    expect((await loadOpenSlo(['slos/*.yaml'], ctx.workspace)).map((s) => s.name)).toEqual(['checkout-availability', 'search-latency'])
  })

  test('unsupported shapes are clear input errors', () => {
    const slo = (indicator: string, window = '30d'): string =>
      `apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: s }\nspec:\n  service: x\n  indicator:\n    metadata: { name: i }\n    spec:\n${indicator}\n  timeWindow: [{ duration: ${window} }]\n  objectives: [{ target: 0.99 }]\n`
    expect(() => parseOpenSlo(slo('      thresholdMetric: { metricSource: { type: Prometheus, spec: { query: x } } }'), 'a.yaml')).toThrow(
      /a.yaml:\d+ at document 1 \/spec\/indicator\/spec\/ratioMetric: expected a ratioMetric \(thresholdMetric and other indicator kinds are not supported\)/
    )
    const datadog =
      '      ratioMetric:\n        good: { metricSource: { type: Datadog, spec: { query: x } } }\n        total: { metricSource: { type: Datadog, spec: { query: y } } }'
    expect(() => parseOpenSlo(slo(datadog), 'b.yaml')).toThrow(/expected metric source type Prometheus .* found the string "Datadog"/)
    const ok =
      '      ratioMetric:\n        good: { metricSource: { type: Prometheus, spec: { query: x } } }\n        total: { metricSource: { type: Prometheus, spec: { query: y } } }'
    expect(() => parseOpenSlo(slo(ok, '1M'), 'c.yaml')).toThrow(/months, quarters and years are not supported/)
    expect(() => parseOpenSlo('apiVersion: openslo/v2alpha\nkind: SLO\n', 'd.yaml')).toThrow(/openslo\/v1/)
  })
})
