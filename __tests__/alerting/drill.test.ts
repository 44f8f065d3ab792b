/**
 * The detection drill against the real promtool and a real Alertmanager: the example's rules, and
 * deliberately broken ones (a page alert at the wrong factor, a missing ticket alert, a selector that
 * misses the service label, labels that route to the default receiver). Detection times are exact.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startAlertmanager, type RunningBackend } from '../harness/backends.js'
import { checkSloAlignment } from '../../src/alerting/slo/rules.js'
import { runDetectionDrill } from '../../src/alerting/drill/run.js'
import type { DetectionDrill } from '../../src/artifacts/contracts/detection-drill.js'
import { makeContext, service } from '../harness/context.js'
import { detectionDrillErrors as drillErrors } from './schema.js'

const EXAMPLE_RULES = readFileSync(new URL('../../examples/rules/slo-alerts.yml', import.meta.url), 'utf8')
const EXAMPLE_AM = readFileSync(new URL('../../examples/alertmanager.yml', import.meta.url), 'utf8')

const slo = (svc: string) => ({
  name: `${svc}-availability`,
  service: svc,
  objective: 99.9,
  window: '30d',
  'error-query': `sum(rate(http_requests_total{service="${svc}",code=~"5.."}[$window]))`,
  'total-query': `sum(rate(http_requests_total{service="${svc}"}[$window]))`
})

let am: RunningBackend
beforeAll(async () => {
  am = await startAlertmanager(EXAMPLE_AM)
})
afterAll(async () => {
  await am?.stop()
})

async function drill(rules: string, opts: { only?: string; extra?: Record<string, unknown> } = {}): Promise<DetectionDrill> {
  const services = [
    service('checkout', { critical: true, owner: 'checkout-oncall' }),
    service('payments', { critical: true, owner: 'payments-oncall' })
  ].filter((s) => !opts.only || s.name === opts.only)
  const ctx = makeContext(
    {
      slos: services.map((s) => slo(s.name)),
      alerting: {
        'rule-files': ['rules/*.yml'],
        alertmanager: { url: am.url },
        routes: [
          { name: 'payments-page', labels: { service: 'payments', severity: 'page' }, 'expect-receiver': 'payments-oncall' },
          { name: 'checkout-page', labels: { service: 'checkout', severity: 'page' }, 'expect-receiver': 'checkout-oncall' }
        ]
      },
      ...opts.extra
    },
    { services }
  )
  mkdirSync(join(ctx.workspace, 'rules'), { recursive: true })
  writeFileSync(join(ctx.workspace, 'rules', 'slo.yml'), rules)
  const { ruleSet } = await checkSloAlignment(ctx)
  return runDetectionDrill(ctx, ruleSet!)
}

const table = (d: DetectionDrill) =>
  d.targets.flatMap((t) =>
    t.scenarios.map((s) => [
      t.slo ?? t.service,
      s.name,
      s.fired,
      s.detection_seconds,
      s.status,
      s.routing?.actual_receivers.join(',') ?? null
    ])
  )

const checkoutOnly = (text: string): string => {
  // The example's checkout group and checkout absent alert, edited by the caller.
  const groups = text.split('  - name: ')
  return `groups:\n  - name: ${groups[1]}  - name: telemetry-absent\n    rules:\n${groups[3]!.split('\n').slice(2).join('\n').split('      - alert: PaymentsTelemetryAbsent')[0]}`
}
const row = (d: DetectionDrill, target: string, scenario: string) => {
  const s = d.targets.find((t) => (t.slo ?? t.service) === target)!.scenarios.find((x) => x.name === scenario)!
  return {
    fired: s.fired,
    detection: s.detection_seconds,
    status: s.status,
    receivers: s.routing?.actual_receivers ?? null,
    reason: s.reason
  }
}

describe('detection drill with the real promtool', () => {
  test('the example rules fire at the predicted times and page the owner', async () => {
    const d = await drill(EXAMPLE_RULES)
    expect(d.status).toBe('passed')
    // One promtool run per SLO and per critical service; amtool once per distinct label set (page, ticket, absent).
    expect(d.requests).toEqual({ alertmanager: 1, promtool_runs: 4, amtool_runs: 6 })
    for (const slo of ['checkout-availability', 'payments-availability']) {
      const owner = slo.startsWith('checkout') ? 'checkout-oncall' : 'payments-oncall'
      expect(table(d).filter((r) => r[0] === slo)).toEqual([
        // Detection = first evaluation at which the alert fires, from the burn start.
        [slo, 'outage', true, 60, 'passed', owner],
        // 15.84x against 14.4x over 1h: 1h x 14.4/15.84 = 54m33s, next evaluation 55m.
        [slo, 'above_1h', true, 3300, 'passed', owner],
        [slo, 'below_1h', false, null, 'passed', null],
        // 6.6x against 6x over 6h: 5h27m16s, next evaluation 5h28m.
        [slo, 'above_6h', true, 19680, 'passed', owner],
        [slo, 'below_6h', false, null, 'passed', null],
        // 1.1x against 1x over 3d: 65h27m16s; sampled and evaluated every 15m (its shortest window is 6h): 65h30m.
        // Tickets have no route: routing not checked.
        [slo, 'above_3d', true, 235800, 'passed', 'sre-oncall'],
        [slo, 'below_3d', false, null, 'passed', null]
      ])
    }
    // Stale at the next scrape, then for: 10m.
    expect(table(d).filter((r) => r[0] === 'checkout')).toEqual([
      ['checkout', 'present', false, null, 'passed', null],
      ['checkout', 'stop', true, 660, 'passed', 'checkout-oncall']
    ])
    const fired = d.targets[0]!.scenarios.find((s) => s.name === 'outage')!
    expect(fired.alert).toEqual({
      alertname: 'CheckoutAvailabilityErrorBudgetBurn',
      labels: { alertname: 'CheckoutAvailabilityErrorBudgetBurn', service: 'checkout', severity: 'page', slo: 'checkout-availability' }
    })
    expect(fired.routing).toMatchObject({ route: 'checkout-page', expected_receiver: 'checkout-oncall', status: 'passed' })
    expect(d.targets[0]!.scenarios.find((s) => s.name === 'above_3d')!.routing!.status).toBe('not_checked')
    expect(drillErrors(d)).toBe('')
  }, 600_000)

  test('a page alert at too high a factor misses its window; at too low a factor it fires below it', async () => {
    const high = await drill(checkoutOnly(EXAMPLE_RULES).replaceAll('14.4 * (1 - 0.999)', '20 * (1 - 0.999)'), { only: 'checkout' })
    // An outage fills 1h at 1/60 per minute: past 2% after the second minute.
    expect(row(high, 'checkout-availability', 'outage')).toMatchObject({ fired: true, detection: 120, status: 'passed' })
    // Only the 6x/6h branch catches 15.84x: 6h x 6/15.84 = 2h16m, past the 1h window.
    expect(row(high, 'checkout-availability', 'above_1h')).toMatchObject({
      fired: false,
      detection: null,
      status: 'failed',
      reason: 'no page alert fired within 1h2m of a 15.84x burn (error ratio 0.01584)'
    })
    expect(high.status).toBe('failed')
    const low = await drill(checkoutOnly(EXAMPLE_RULES).replaceAll('14.4 * (1 - 0.999)', '10 * (1 - 0.999)'), { only: 'checkout' })
    // 12.96x is below 14.4x, yet a 10x threshold fires after 1h x 10/12.96 = 46m18s: 47m.
    expect(row(low, 'checkout-availability', 'below_1h')).toMatchObject({ fired: true, detection: 2820, status: 'failed' })
    expect(row(low, 'checkout-availability', 'below_1h').reason).toBe(
      'CheckoutAvailabilityErrorBudgetBurn (page) fired 47m into a 12.96x burn (error ratio 0.01296), which must not fire it'
    )
  }, 600_000)

  test('a missing ticket alert: the 1.1x burn never tickets', async () => {
    const text = checkoutOnly(EXAMPLE_RULES).replace(
      / {6}- alert: CheckoutAvailabilityErrorBudgetBurnTicket[\s\S]*?(?= {2}- name: telemetry-absent)/,
      ''
    )
    const d = await drill(text, { only: 'checkout' })
    expect(row(d, 'checkout-availability', 'above_3d')).toMatchObject({
      fired: false,
      detection: null,
      status: 'failed',
      reason: 'no ticket alert about this SLO to fire: nothing tickets at a 1.1x burn'
    })
    expect(d.targets[0]!.status).toBe('failed')
    expect(row(d, 'checkout-availability', 'above_1h')).toMatchObject({ fired: true, detection: 3300, status: 'passed' })
  }, 600_000)

  test('a selector that misses the service label: diluted by other services, the page never comes', async () => {
    const text = checkoutOnly(EXAMPLE_RULES)
      .replaceAll('service="checkout",code=~"5.."', 'code=~"5.."')
      .replaceAll('{service="checkout"}[', '[')
      .replace('absent(http_requests_total{service="checkout"})', 'absent(http_requests_total)')
    const d = await drill(text, { only: 'checkout' })
    // With ten times the traffic healthy elsewhere, an outage reads as 1/11 over 1h: 1.44% after 9m30s, so 10m.
    expect(row(d, 'checkout-availability', 'outage')).toMatchObject({ fired: true, detection: 600, status: 'passed' })
    expect(row(d, 'checkout-availability', 'above_1h')).toMatchObject({ fired: false, status: 'failed' })
    expect(row(d, 'checkout-availability', 'above_6h')).toMatchObject({ fired: false, status: 'failed' })
    expect(row(d, 'checkout', 'stop')).toMatchObject({
      fired: false,
      status: 'failed',
      reason: 'no absent alert fired within 17m of series that stop'
    })
  }, 600_000)

  test('labels that route to the default receiver fail the page', async () => {
    // severity: critical still pages, but the routing tree sends only severity="page" to the owner.
    const text = checkoutOnly(EXAMPLE_RULES).replace(
      /(alert: CheckoutAvailabilityErrorBudgetBurn\n[\s\S]*?labels:\n\s+)severity: page/,
      '$1severity: critical'
    )
    const d = await drill(text, { only: 'checkout' })
    const outage = d.targets[0]!.scenarios.find((s) => s.name === 'outage')!
    expect(outage.alert!.labels).toEqual({
      alertname: 'CheckoutAvailabilityErrorBudgetBurn',
      service: 'checkout',
      severity: 'critical',
      slo: 'checkout-availability'
    })
    expect(outage.routing).toMatchObject({ expected_receiver: 'checkout-oncall', actual_receivers: ['sre-oncall'], status: 'failed' })
    expect(outage).toMatchObject({ fired: true, detection_seconds: 60, status: 'failed' })
    expect(outage.reason).toContain('routes to sre-oncall, expected checkout-oncall (service owner)')
  }, 600_000)

  test('promtool missing: not run, with the install step', async () => {
    const d = await drill(EXAMPLE_RULES, {
      only: 'checkout',
      extra: { alerting: { 'rule-files': ['rules/*.yml'], promtool: '/nonexistent/promtool' } }
    })
    expect(d).toMatchObject({
      status: 'not_run',
      promtool: null,
      install_hint: 'sudo apt-get update && sudo apt-get install -y prometheus'
    })
    expect(d.not_run_reason).toContain('alerting.promtool (/nonexistent/promtool) is not an executable file')
  })
})
