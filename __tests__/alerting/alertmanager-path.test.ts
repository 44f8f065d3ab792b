import { freePort, startAlertmanager, waitFor, type RunningBackend } from '../harness/backends.js'
import { OnCallSimulator, type AckRecord } from '../../scripts/lib/oncall-simulator.mjs'
import { runAlertTests, TRIGGERING_MESSAGE } from '../../src/alerting/alert-tests.js'
import { ALERT_FAILURE } from '../../src/alerting/providers/common.js'
import type { AlertTest, AlertTestResults } from '../../src/alerting/types.js'
import { evaluateAlertGate } from '../../src/gates/gates.js'
import { makeContext } from '../harness/context.js'
import { alertTestResultsErrors } from './schema.js'

/** Per-receiver acknowledgement delays, changed by each test. */
let ackDelays: Record<string, number | null> = {}
let ackDelayFn: ((receiver: string, labels: Record<string, string>) => number | null) | undefined
/** How the on-call side answers, by the alert's `cheat` label. */
const CHEATS: Record<string, (r: AckRecord) => unknown> = {
  before: (r) => ({ ...r, acknowledged_at: '2000-01-01T00:00:00Z', acknowledged_by: 'Ada Lovelace' }),
  future: (r) => ({ ...r, acknowledged_at: new Date(Date.now() + 86_400_000).toISOString(), acknowledged_by: 'Ada Lovelace' }),
  bot: (r) => ({ ...r, acknowledged_at: r.acknowledged_at ?? new Date().toISOString(), acknowledged_by: 'a-bot' }),
  flag: (r) => ({ receiver: r.receiver, delivered_at: r.delivered_at, acknowledged: true, acknowledged_by: 'Ada Lovelace' }),
  'no-time': (r) => ({ ...r, acknowledged_at: 'yesterday', acknowledged_by: 'Ada Lovelace' }),
  'delivered-before': (r) => ({ ...r, delivered_at: '2000-01-01T00:00:00Z' }),
  // Opsgenie's List Alerts answer (docs/alert-acknowledgements.md, example 2).
  'og-list': (r) => ({
    data: [
      {
        id: '70413a06-38d6-4c85-92b8-5ebc900d42e2',
        tinyId: '1791',
        status: 'open',
        acknowledged: Boolean(r.acknowledged_at),
        createdAt: r.delivered_at,
        tags: ['x'],
        report: r.acknowledged_at
          ? { ackTime: Date.parse(r.acknowledged_at) - Date.parse(r.delivered_at), acknowledgedBy: 'ada@example.com' }
          : {}
      }
    ],
    took: 0.605,
    requestId: '9ae63dd7'
  }),
  // Grafana OnCall's outgoing webhook payload, stored by a relay (example 3).
  'oncall-out': (r) => ({
    event: { type: r.acknowledged_at ? 'acknowledge' : 'alert group created', time: r.acknowledged_at ?? r.delivered_at },
    user: r.acknowledged_at ? { id: 'UVMX6YI9VY9PV', username: 'ada', email: 'ada@example.com' } : null,
    alert_group: {
      id: 'I6HNZGUFG4K11',
      integration_id: 'CZ7URAT4V3QF2',
      route_id: 'RKHXJKVZYYVST',
      state: r.acknowledged_at ? 'acknowledged' : 'firing',
      created_at: r.delivered_at,
      acknowledged_at: r.acknowledged_at
    },
    integration: { id: 'CZ7URAT4V3QF2', type: 'alertmanager', name: r.receiver },
    alert_payload: { commonLabels: {} }
  }),
  // PagerDuty's v3 webhook event for incident.acknowledged, stored by the team's relay.
  'pd-v3': (r) => ({
    event: {
      id: '01DEN2HNL0BGCWS0LW6S7PFVOJ',
      event_type: r.acknowledged_at ? 'incident.acknowledged' : 'incident.triggered',
      resource_type: 'incident',
      occurred_at: r.acknowledged_at ?? r.delivered_at,
      agent: r.acknowledged_at ? { id: 'PLH1HKV', type: 'user_reference', summary: 'Tenex Engineer' } : null,
      data: {
        id: 'PGR0VU2',
        type: 'incident',
        status: r.acknowledged_at ? 'acknowledged' : 'triggered',
        created_at: r.delivered_at,
        service: { id: 'PF9KMXH', type: 'service_reference', summary: r.receiver }
      }
    }
  })
}
const simulator = new OnCallSimulator({
  ackDelayMs: (receiver, labels) => (ackDelayFn ? ackDelayFn(receiver, labels) : receiver in ackDelays ? ackDelays[receiver]! : 200),
  answer: (r, labels) => (labels.cheat && CHEATS[labels.cheat] ? CHEATS[labels.cheat]!(r) : r)
})
let am: RunningBackend
let deadPort: number

function amConfig(sim: string): string {
  const receiver = (name: string, url = `${sim}/alertmanager/${name}`): string =>
    `  - name: ${name}\n    webhook_configs:\n      - url: ${url}\n        send_resolved: true\n`
  return [
    'route:',
    '  receiver: default',
    '  group_by: [test_id]',
    '  group_wait: 0s',
    '  group_interval: 1s',
    '  repeat_interval: 1h',
    '  routes:',
    '    - matchers: [team="payments"]',
    '      receiver: payments-oncall',
    '    - matchers: [team="checkout"]',
    '      receiver: checkout-oncall',
    '    - matchers: [team=~"dead|gone"]',
    '      receiver: dead-oncall',
    'receivers:',
    receiver('default') +
      receiver('payments-oncall') +
      receiver('checkout-oncall') +
      receiver('dead-oncall', `http://127.0.0.1:${deadPort}/`)
  ].join('\n')
}

function alertingConfig(
  routes: Array<{ name: string; labels: Record<string, string>; 'expect-receiver': string }>,
  extra: Record<string, unknown> = {},
  webhook: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    alerting: {
      alertmanager: { url: am.url, retries: 0, 'timeout-seconds': 5 },
      webhook: { url: `${simulator.url}/webhook/direct`, 'ack-url': `${simulator.url}/ack/{{test_id}}`, 'poll-seconds': 0.1, ...webhook },
      'ack-sla-seconds': 2,
      'wait-margin-seconds': 1,
      routes,
      ...extra
    }
  }
}

const PAYMENTS = { name: 'payments-page', labels: { team: 'payments', severity: 'page' }, 'expect-receiver': 'payments-oncall' }
const CHECKOUT = { name: 'checkout-page', labels: { team: 'checkout', severity: 'page' }, 'expect-receiver': 'checkout-oncall' }
const cheat = (name: string): { name: string; labels: Record<string, string>; 'expect-receiver': string } => ({
  name: `cheat-${name}`,
  labels: { team: 'payments', cheat: name },
  'expect-receiver': 'payments-oncall'
})

async function amAlerts(testId: string): Promise<Array<{ status: { state: string } }>> {
  const r = await fetch(`${am.url}/api/v2/alerts?filter=${encodeURIComponent(`test_id="${testId}"`)}`)
  return (await r.json()) as Array<{ status: { state: string } }>
}

const byRoute = (r: AlertTestResults, name: string): AlertTest => r.tests.find((t) => t.route === name)!

beforeAll(async () => {
  deadPort = await freePort()
  await simulator.start()
  am = await startAlertmanager(amConfig(simulator.url))
})
afterAll(async () => {
  await am?.stop()
  await simulator.stop()
})
beforeEach(() => {
  ackDelays = {}
  ackDelayFn = undefined
})

/** A label value no other test uses, to tell this test's alerts from the rest on the shared servers. */
const uniqueCase = (name: string): string => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`

describe('synthetic alerts through a real Alertmanager, read back from the on-call side', () => {
  test('healthy path in the {receiver, delivered_at, acknowledged_at, acknowledged_by} shape passes with the real times', async () => {
    ackDelays = { 'payments-oncall': 300, 'checkout-oncall': 600 }
    const ctx = makeContext(alertingConfig([PAYMENTS, CHECKOUT], { 'ack-sla-seconds': 10 }))
    const passed = await runAlertTests(ctx)

    const lines = ctx.log.lines.map((l) => l.message)
    // The protocol asks the validation request before this step; the step itself starts triggering.
    expect(lines[0]).toBe(TRIGGERING_MESSAGE)
    expect(alertTestResultsErrors(passed)).toBe('')
    expect(passed.overall_status).toBe('passed')
    expect(passed.sla_compliance).toBe(100)
    for (const t of passed.tests) {
      expect(t.status).toBe('passed')
      expect(t.outcome).toBe('passed')
      expect(t.attempts).toHaveLength(1)
      const a = t.attempts![0]!
      const seen = (await (await fetch(`${simulator.url}/ack/${t.test_id}`)).json()) as AckRecord
      // The facts carry the on-call side's own times, not the moment the action looked.
      expect(a.facts.routed).toMatchObject({
        status: 'confirmed',
        receivers: [t.expected_receiver],
        config_receivers: [t.expected_receiver]
      })
      expect(a.facts.routed.method).toMatch(/amtool config routes test/)
      expect(a.facts.delivered).toMatchObject({ status: 'confirmed', at: seen.delivered_at })
      expect(a.facts.acknowledged).toMatchObject({
        status: 'confirmed',
        at: seen.acknowledged_at,
        by: `oncall-${t.expected_receiver}`,
        refusals: []
      })
      expect(t.delivered_at).toBe(seen.delivered_at)
      expect(t.acknowledged_at).toBe(seen.acknowledged_at)
      expect(t.acknowledgement_time_seconds).toBe(Math.round(Date.parse(seen.acknowledged_at!) - Date.parse(t.triggered_at!)) / 1000)
      expect(t.acknowledgement_time_seconds).toBeGreaterThanOrEqual(t.route === 'payments-page' ? 0.3 : 0.6)
      expect(t.acknowledgement_time_seconds).toBeLessThan(10)
      // Alertmanager's own counters are kept, as supporting evidence only.
      expect(a.facts.delivered.supporting?.[0]?.observed).toMatch(/alertmanager_notifications_total\{integration="webhook"/)
      expect(t.resolved).toBe(true)
      expect(a.cleanup.detail).toMatch(/resolved in Alertmanager/)
      expect(simulator.deliveriesOf(t.test_id).map((d) => d.receiver)).toContain(t.expected_receiver)
      expect(lines).toContain(t.reason)
    }
    expect(simulator.invalid).toEqual([])
  })

  test('the synthetic alerts are resolved afterwards, and the receiver is told', async () => {
    const passed = await runAlertTests(makeContext(alertingConfig([PAYMENTS, CHECKOUT], { 'ack-sla-seconds': 10 })))
    expect(passed.overall_status).toBe('passed')
    for (const t of passed.tests) {
      expect(await amAlerts(t.test_id)).toEqual([])
      await waitFor(
        async () => simulator.deliveriesOf(t.test_id).some((d) => d.status === 'resolved'),
        10_000,
        `resolved notification for ${t.route}`
      )
    }
  })

  test('each cheat fails with its own reason', async () => {
    ackDelays = {}
    const routes = ['before', 'future', 'bot', 'no-time', 'delivered-before'].map(cheat)
    const ctx = makeContext(alertingConfig(routes, { retries: 0 }))
    const r = await runAlertTests(ctx)
    expect(alertTestResultsErrors(r)).toBe('')
    expect(r.overall_status).toBe('failed')
    expect(r.sla_compliance).toBe(0)
    const refusal = (name: string): string =>
      byRoute(r, `cheat-${name}`)
        .attempts![0]!.facts.acknowledged.refusals.map((x) => x.reason)
        .join(' | ')
    expect(byRoute(r, 'cheat-before').outcome).toBe('acknowledgement_refused')
    expect(refusal('before')).toMatch(/^acknowledged before the alert was sent \(2000-01-01T00:00:00.000Z, \d+ s before the trigger/)
    expect(byRoute(r, 'cheat-future').outcome).toBe('acknowledgement_refused')
    expect(refusal('future')).toMatch(/^acknowledged in the future/)
    expect(byRoute(r, 'cheat-bot').outcome).toBe('acknowledgement_refused')
    expect(refusal('bot')).toMatch(/^acknowledged by an integration \(a-bot matches alerting.ack-ignore \/bot\/\), not a person/)
    expect(byRoute(r, 'cheat-no-time').outcome).toBe('acknowledgement_refused')
    expect(refusal('no-time')).toMatch(/^acknowledgement time "yesterday" is not an ISO 8601 time/)
    // A delivery time before the trigger is no delivery.
    const db = byRoute(r, 'cheat-delivered-before')
    expect(db.outcome).toBe('routed_not_delivered')
    expect(db.reason).toContain(ALERT_FAILURE)
    expect(db.reason).toMatch(/delivery time 2000-01-01T00:00:00.000Z before the alert was sent/)
    for (const t of r.tests) {
      expect(t.sla_met).toBe(false)
      if (t !== db) expect(t.acknowledgement_time_seconds).toBeNull()
      expect(t.resolved).toBe(true)
      // Not acknowledged is not "did not reach the responder": the seed message only when true.
      if (t.outcome === 'acknowledgement_refused') {
        expect(t.reason).not.toContain(ALERT_FAILURE)
        expect(t.reason).toMatch(/delivered at \S+ .*not acknowledged by a person within the 2 s SLA/)
      }
    }
  })

  test('a flag without a time is no acknowledgement, even when the mapping reads the flag', async () => {
    const r = await runAlertTests(makeContext(alertingConfig([cheat('flag')], { retries: 0 }, { ack: { acknowledged: '$.acknowledged' } })))
    const t = r.tests[0]!
    expect(alertTestResultsErrors(r)).toBe('')
    expect(t.outcome).toBe('acknowledgement_refused')
    expect(t.attempts![0]!.facts.delivered.status).toBe('confirmed')
    expect(t.attempts![0]!.facts.acknowledged.refusals[0]!.reason).toBe(
      'no acknowledgement time: a flag or state without a time is not an acknowledgement'
    )
  })

  test('a receiver whose webhook points at a dead port: routed, delivery not confirmed, never a pass', async () => {
    const r = await runAlertTests(
      makeContext(alertingConfig([{ name: 'dead-page', labels: { team: 'dead' }, 'expect-receiver': 'dead-oncall' }]))
    )
    expect(alertTestResultsErrors(r)).toBe('')
    const t = r.tests[0]!
    expect(t.status).toBe('failed')
    expect(t.outcome).toBe('routed_not_delivered')
    expect(t.attempts).toHaveLength(2)
    expect(new Set(t.attempts!.map((a) => a.test_id)).size).toBe(2)
    for (const a of t.attempts!) {
      expect(a.outcome).toBe('routed_not_delivered')
      expect(a.facts.routed.status).toBe('confirmed')
      expect(a.facts.delivered.status).toBe('not_confirmed')
      expect(a.facts.acknowledged.status).not.toBe('confirmed')
      expect(a.cleanup.resolved).toBe(true)
    }
    expect(t.reason.startsWith(`${ALERT_FAILURE} Route "dead-page": routed to "dead-oncall" at `)).toBe(true)
    expect(t.reason).toMatch(/delivery not confirmed: the on-call side .* never reported the alert/)
    expect(t.reason).toMatch(/alertmanager_notification_requests_failed_total\{integration="webhook", all receivers\} \+[1-9]/)
    expect(t.reason).toMatch(/Rerun with a fresh test id, no attempt passed/)
    expect(t.delivered_at).toBeNull()
  })

  test('wrong receiver, never acknowledged: the misroute comes first, with the seed message, in every place', async () => {
    ackDelays = { 'checkout-oncall': null }
    const misroute = { name: 'checkout-to-payments', labels: { team: 'checkout' }, 'expect-receiver': 'payments-oncall' }
    const late = { ...PAYMENTS, name: 'payments-late' }
    ackDelayFn = (receiver, labels) => (labels.team === 'payments' ? 2600 : null)
    const ctx = makeContext(alertingConfig([late, misroute], { 'wait-margin-seconds': 2, retries: 0 }))
    const r = await runAlertTests(ctx)
    expect(alertTestResultsErrors(r)).toBe('')
    const t = byRoute(r, 'checkout-to-payments')
    expect(t.outcome).toBe('wrong_receiver')
    expect(t.actual_receivers).toEqual(['checkout-oncall'])
    expect(t.attempts![0]!.facts.routed).toMatchObject({
      status: 'failed',
      expected: 'payments-oncall',
      receivers: ['checkout-oncall'],
      config_receivers: ['checkout-oncall']
    })
    expect(t.reason).toBe(
      `${ALERT_FAILURE} Route "checkout-to-payments": wrong receiver: expected "payments-oncall", actual "checkout-oncall" (${t.attempts![0]!.facts.routed.detail}).`
    )
    expect(t.resolved).toBe(true)
    const l = byRoute(r, 'payments-late')
    expect(l.outcome).toBe('acknowledged_late')
    expect(l.acknowledgement_time_seconds).toBeGreaterThan(2)
    expect(l.reason).toMatch(/acknowledged by oncall-payments-oncall at \S+, [\d.]+ s after the trigger, beyond the 2 s SLA/)
    expect(l.reason).not.toContain(ALERT_FAILURE)

    // The gate's reasons are the tests' reasons, misroute first; the log says the same.
    const gate = evaluateAlertGate({
      alertTests: r,
      alignment: { checked_at: '', rule_sources: [], findings: [] },
      dashboards: { checked_at: '', dashboards: [], services_without_dashboard: [] },
      thresholds: makeContext({}).config.gates
    })
    expect(gate.reasons.slice(0, 2)).toEqual([t.reason, l.reason])
    const logged = ctx.log.lines.map((x) => x.message)
    expect(logged).toContain(t.reason)
    expect(logged).toContain(l.reason)
  })

  test('a flaky first attempt followed by a good one passes, with both attempts recorded', async () => {
    let n = 0
    ackDelayFn = () => (n++ === 0 ? null : 200)
    const r = await runAlertTests(makeContext(alertingConfig([PAYMENTS])))
    expect(alertTestResultsErrors(r)).toBe('')
    const t = r.tests[0]!
    expect(t.status).toBe('passed')
    expect(t.attempts!.map((a) => a.outcome)).toEqual(['not_acknowledged', 'passed'])
    expect(t.test_id).toBe(t.attempts![1]!.test_id)
    expect(t.attempts![1]!.test_id).toBe(`${t.attempts![0]!.test_id}-r1`)
    expect(t.reason).toMatch(/Passed on a rerun: attempt 1 \(\S+\): not_acknowledged, attempt 2 \(\S+\): passed\./)
    expect(t.attempts!.every((a) => a.cleanup.resolved)).toBe(true)
  })

  test('another on-call shape is read through alerting.webhook.ack (PagerDuty v3 webhook event)', async () => {
    const mapping = {
      'acknowledged-at': '$.event.occurred_at',
      'acknowledged-by': '$.event.agent.summary',
      'delivered-at': '$.event.data.created_at',
      receiver: '$.event.data.service.summary'
    }
    // Until acknowledged, occurred_at is the trigger event's time: only an acknowledged event may count.
    const r = await runAlertTests(
      makeContext(alertingConfig([cheat('pd-v3')], { 'ack-sla-seconds': 5 }, { ack: { ...mapping, acknowledged: '$.event.agent.id' } }))
    )
    expect(alertTestResultsErrors(r)).toBe('')
    expect(r.tests[0]!.status).toBe('passed')
    expect(r.tests[0]!.acknowledged_by).toBe('Tenex Engineer')
  })

  test("the docs' worked examples read as written: Opsgenie's List Alerts answer and OnCall's outgoing webhook", async () => {
    const og = runAlertTests(
      makeContext(
        alertingConfig(
          [cheat('og-list')],
          { 'ack-sla-seconds': 5 },
          {
            ack: {
              'delivered-at': '$.data[0].createdAt',
              acknowledged: '$.data[0].acknowledged',
              'acknowledged-at': '$.data[0].report.ackTime',
              'acknowledged-after': '$.data[0].createdAt',
              'number-unit': 'ms',
              'acknowledged-by': '$.data[0].report.acknowledgedBy'
            }
          }
        )
      )
    )
    const oc = runAlertTests(
      makeContext(
        alertingConfig(
          [cheat('oncall-out')],
          { 'ack-sla-seconds': 5 },
          {
            ack: {
              'delivered-at': '$.alert_group.created_at',
              'acknowledged-at': '$.alert_group.acknowledged_at',
              'acknowledged-by': '$.user.username',
              receiver: '$.integration.name'
            }
          }
        )
      )
    )
    for (const [r, by] of [
      [await og, 'ada@example.com'],
      [await oc, 'ada']
    ] as const) {
      expect(alertTestResultsErrors(r)).toBe('')
      const t = r.tests[0]!
      const seen = (await (await fetch(`${simulator.url}/ack/${t.test_id}`)).json()) as Record<string, unknown>
      expect(t.status).toBe('passed')
      expect(t.acknowledged_by).toBe(by)
      expect(t.delivered_at).toBeTruthy()
      expect(seen).toBeTruthy()
    }
  })

  test('cancelled (SIGTERM) half-way: waits end, every alert is resolved and the results say so', async () => {
    ackDelays = { 'payments-oncall': null }
    const keepAlive = (): void => undefined
    process.on('SIGTERM', keepAlive)
    try {
      const tag = uniqueCase('sigterm')
      const route = { ...PAYMENTS, labels: { ...PAYMENTS.labels, case: tag } }
      const running = runAlertTests(makeContext(alertingConfig([route], { 'ack-sla-seconds': 60 })))
      await waitFor(
        async () => simulator.deliveries.some((d) => d.alerts.some((a) => a.labels.case === tag && a.status === 'firing')),
        10_000,
        'delivery'
      )
      const started = Date.now()
      process.emit('SIGTERM', 'SIGTERM')
      const r = await running
      expect(Date.now() - started).toBeLessThan(5000)
      expect(alertTestResultsErrors(r)).toBe('')
      expect(r.cancelled).toBe(true)
      expect(r.not_verified_reason).toMatch(/cancelled \(SIGTERM\)/)
      const t = r.tests[0]!
      expect(t.outcome).toBe('cancelled')
      expect(t.attempts).toHaveLength(1)
      expect(t.resolved).toBe(true)
      expect(await amAlerts(t.test_id)).toEqual([])
    } finally {
      process.off('SIGTERM', keepAlive)
    }
  })

  test('without an on-call side, routing is verified but delivery is not confirmed, never a pass', async () => {
    const cfg = alertingConfig([PAYMENTS], { retries: 0 })
    delete (cfg.alerting as Record<string, unknown>).webhook
    const r = await runAlertTests(makeContext(cfg))
    const t = r.tests[0]!
    expect(t.actual_receivers).toEqual(['payments-oncall'])
    expect(t.outcome).toBe('routed_not_delivered')
    expect(t.delivered_at).toBeNull()
    expect(t.reason).toMatch(/no on-call side is configured to confirm delivery/)
    expect(t.resolved).toBe(true)
  })

  test('Alertmanager down is an error, not a failure', async () => {
    const port = await freePort()
    const cfg = alertingConfig([PAYMENTS], { retries: 0 })
    ;(cfg.alerting as Record<string, unknown>).alertmanager = { url: `http://127.0.0.1:${port}`, retries: 0, 'timeout-seconds': 2 }
    const r = await runAlertTests(makeContext(cfg))
    expect(alertTestResultsErrors(r)).toBe('')
    expect(r.overall_status).toBe('error')
    expect(r.tests[0]!.status).toBe('error')
    expect(r.tests[0]!.reason).toMatch(/unreachable/)
    expect(r.tests[0]!.triggered_at).toBeNull()
  })

  test('not approved: nothing is sent and every route is not_run', async () => {
    const tag = uniqueCase('not-approved')
    const routes = [PAYMENTS, CHECKOUT].map((r) => ({ ...r, labels: { ...r.labels, case: tag } }))
    const ctx = makeContext(alertingConfig(routes), { approved: false })
    const r = await runAlertTests(ctx)
    expect(alertTestResultsErrors(r)).toBe('')
    expect(ctx.log.lines.map((l) => l.message)).toEqual([])
    expect(r.overall_status).toBe('not_run')
    expect(r.tests.map((t) => [t.status, t.reason])).toEqual([
      ['not_run', 'alert tests not approved'],
      ['not_run', 'alert tests not approved']
    ])
    // Neither Alertmanager nor the on-call side holds any alert of these routes.
    const seen = await fetch(
      `${am.url}/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true&filter=${encodeURIComponent(`case="${tag}"`)}`
    )
    expect((await seen.json()) as unknown[]).toEqual([])
    expect(simulator.deliveries.filter((d) => d.alerts.some((a) => a.labels.case === tag))).toEqual([])
  })

  test("route labels can be given per call, exactly (e.g. a fired rule's labels)", async () => {
    const ctx = makeContext(alertingConfig([]))
    const r = await runAlertTests(ctx, {
      routes: [
        { name: 'from-rule', labels: { alertname: 'PaymentsHighErrorRate', team: 'payments' }, 'expect-receiver': 'payments-oncall' }
      ]
    })
    const t = r.tests[0]!
    expect(t.status).toBe('passed')
    expect(t.alert_name).toBe('PaymentsHighErrorRate')
    expect(t.attempts![0]!.labels).toEqual({ alertname: 'PaymentsHighErrorRate', team: 'payments', test_id: t.test_id, synthetic: 'true' })
  })

  test('webhook provider: receiver, delivery and acknowledgement all from the on-call side', async () => {
    const cfg = alertingConfig([{ name: 'direct', labels: {}, 'expect-receiver': 'direct' }], { provider: 'webhook' })
    const r = await runAlertTests(makeContext(cfg))
    expect(alertTestResultsErrors(r)).toBe('')
    expect(r.tests[0]!.status).toBe('passed')
    expect(r.tests[0]!.attempts![0]!.facts.routed.receivers).toEqual(['direct'])
    expect(r.tests[0]!.resolved).toBe(true)
    expect(simulator.deliveriesOf(r.tests[0]!.test_id).map((d) => d.status)).toEqual(['firing', 'resolved'])
  })
})
