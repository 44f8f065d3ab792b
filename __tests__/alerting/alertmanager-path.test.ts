import { freePort, startAlertmanager, waitFor, type RunningBackend } from '../harness/backends.js'
import { OnCallSimulator } from '../harness/oncall-simulator.js'
import { runAlertTests, TRIGGERING_MESSAGE, VALIDATION_REQUEST } from '../../src/alerting/alert-tests.js'
import { ALERT_FAILURE } from '../../src/alerting/providers/common.js'
import type { AlertTestResults } from '../../src/alerting/types.js'
import { makeContext } from './context.js'
import { alertTestResultsErrors } from './schema.js'

/** Per-receiver acknowledgement delays, changed by each test. */
let ackDelays: Record<string, number | null> = {}
const simulator = new OnCallSimulator({ ackDelayMs: (receiver) => (receiver in ackDelays ? ackDelays[receiver]! : 200) })
let am: RunningBackend

function amConfig(sim: string): string {
  const receiver = (name: string): string =>
    `  - name: ${name}\n    webhook_configs:\n      - url: ${sim}/alertmanager/${name}\n        send_resolved: true\n`
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
    'receivers:',
    receiver('default') + receiver('payments-oncall') + receiver('checkout-oncall')
  ].join('\n')
}

function alertingConfig(routes: Array<{ name: string; labels: Record<string, string>; 'expect-receiver': string }>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    alerting: {
      alertmanager: { url: am.url, retries: 0, 'timeout-seconds': 5 },
      webhook: { url: `${simulator.url}/webhook/direct`, 'ack-url': `${simulator.url}/ack/{{test_id}}`, 'poll-seconds': 0.1 },
      'ack-sla-seconds': 2,
      'wait-margin-seconds': 1,
      routes,
      ...extra
    }
  }
}

const PAYMENTS = { name: 'payments-page', labels: { team: 'payments', severity: 'page' }, 'expect-receiver': 'payments-oncall' }
const CHECKOUT = { name: 'checkout-page', labels: { team: 'checkout', severity: 'page' }, 'expect-receiver': 'checkout-oncall' }

async function amAlerts(testId: string): Promise<Array<{ status: { state: string } }>> {
  const r = await fetch(`${am.url}/api/v2/alerts?filter=${encodeURIComponent(`test_id="${testId}"`)}`)
  return (await r.json()) as Array<{ status: { state: string } }>
}

beforeAll(async () => {
  await simulator.start()
  am = await startAlertmanager(amConfig(simulator.url))
})
afterAll(async () => {
  await am?.stop()
  await simulator.stop()
})
beforeEach(() => {
  ackDelays = {}
})

describe('synthetic alerts through a real Alertmanager', () => {
  let passed: AlertTestResults

  test('every route is delivered to its receiver and acknowledged within the SLA', async () => {
    const ctx = makeContext(alertingConfig([PAYMENTS, CHECKOUT]))
    passed = await runAlertTests(ctx)

    const lines = ctx.log.lines.map((l) => l.message)
    expect(lines[0]).toBe(VALIDATION_REQUEST)
    expect(lines[1]).toBe('Answer: yes (input alert-tests=true)')
    expect(lines[2]).toBe(TRIGGERING_MESSAGE)
    expect(alertTestResultsErrors(passed)).toBe('')
    expect(passed.overall_status).toBe('passed')
    expect(passed.sla_compliance).toBe(100)
    for (const t of passed.tests) {
      expect(t.status).toBe('passed')
      expect(t.actual_receivers).toEqual([t.expected_receiver])
      expect(t.sla_met).toBe(true)
      expect(t.acknowledgement_time_seconds).toBeGreaterThan(0)
      expect(t.acknowledgement_time_seconds).toBeLessThanOrEqual(2)
      expect(t.acknowledged_by).toBe(`oncall-${t.expected_receiver}`)
      expect(t.wait).toEqual({ delivery: 'completed', acknowledgement: 'completed' })
      expect(t.resolved).toBe(true)
      // The on-call side really got it, on the expected receiver, in Alertmanager's format.
      expect(simulator.deliveriesOf(t.test_id).map((d) => d.receiver)).toContain(t.expected_receiver)
      const seen = Date.parse(t.delivered_at!) - Date.parse(t.triggered_at!)
      const notified = Date.parse(t.notified_at!) - Date.parse(t.triggered_at!)
      // Recorded for the benchmark: what the action's confirmation adds on top of group_wait (0s here).
      console.log(`alert-path latency ${t.route}: trigger->delivery seen by the action ${seen} ms; trigger->webhook at on-call ${notified} ms`)
    }
    expect(simulator.invalid).toEqual([])
  })

  test('the synthetic alert is resolved afterwards', async () => {
    for (const t of passed.tests) {
      expect(await amAlerts(t.test_id)).toEqual([])
      // Alertmanager tells the receiver it is resolved (after group_interval).
      await waitFor(async () => simulator.deliveriesOf(t.test_id).some((d) => d.status === 'resolved'), 10_000, `resolved notification for ${t.route}`)
    }
  })

  test('a route that goes to the wrong receiver fails with the seed message', async () => {
    const ctx = makeContext(alertingConfig([{ name: 'checkout-to-payments', labels: { team: 'checkout' }, 'expect-receiver': 'payments-oncall' }]))
    const r = await runAlertTests(ctx)
    expect(alertTestResultsErrors(r)).toBe('')
    const [t] = r.tests
    expect(r.overall_status).toBe('failed')
    expect(t!.status).toBe('failed')
    expect(t!.actual_receivers).toEqual(['checkout-oncall'])
    expect(t!.reason).toContain(ALERT_FAILURE)
    expect(t!.reason).toContain('checkout-to-payments')
    expect(t!.reason).toContain('expected receiver "payments-oncall"')
    expect(t!.reason).toContain('actual: checkout-oncall')
    expect(t!.sla_met).toBe(false)
    expect(t!.resolved).toBe(true)
    expect(await amAlerts(t!.test_id)).toEqual([])
  })

  test('an acknowledgement after the SLA fails', async () => {
    ackDelays = { 'payments-oncall': 2600 }
    const ctx = makeContext(alertingConfig([PAYMENTS], { 'wait-margin-seconds': 2 }))
    const r = await runAlertTests(ctx)
    expect(alertTestResultsErrors(r)).toBe('')
    const [t] = r.tests
    expect(t!.status).toBe('failed')
    expect(t!.acknowledged_at).not.toBeNull()
    expect(t!.acknowledgement_time_seconds).toBeGreaterThan(2)
    expect(t!.sla_met).toBe(false)
    expect(t!.reason).toContain(ALERT_FAILURE)
    expect(t!.reason).toMatch(/beyond the 2 s SLA/)
    expect(r.sla_compliance).toBe(0)
  })

  test('no acknowledgement at all: the wait times out and says so', async () => {
    ackDelays = { 'checkout-oncall': null }
    const r = await runAlertTests(makeContext(alertingConfig([CHECKOUT])))
    const [t] = r.tests
    expect(t!.status).toBe('failed')
    expect(t!.wait).toEqual({ delivery: 'completed', acknowledgement: 'timed_out' })
    expect(t!.acknowledged_at).toBeNull()
    expect(t!.resolved).toBe(true)
  })

  test('without an acknowledgement source, delivery is verified but the test never passes', async () => {
    const cfg = alertingConfig([PAYMENTS])
    delete (cfg.alerting as Record<string, unknown>).webhook
    const r = await runAlertTests(makeContext(cfg))
    const [t] = r.tests
    expect(t!.delivered_at).not.toBeNull()
    expect(t!.actual_receivers).toEqual(['payments-oncall'])
    expect(t!.status).toBe('failed')
    expect(t!.wait.acknowledgement).toBe('not_started')
    expect(t!.reason).toMatch(/acknowledgement was not verified/)
    expect(t!.resolved).toBe(true)
  })

  test('Alertmanager down is an error, not a failure', async () => {
    const port = await freePort()
    const cfg = alertingConfig([PAYMENTS])
    ;(cfg.alerting as Record<string, unknown>).alertmanager = { url: `http://127.0.0.1:${port}`, retries: 0, 'timeout-seconds': 2 }
    const r = await runAlertTests(makeContext(cfg))
    expect(alertTestResultsErrors(r)).toBe('')
    expect(r.overall_status).toBe('error')
    expect(r.tests[0]!.status).toBe('error')
    expect(r.tests[0]!.reason).toMatch(/unreachable/)
    expect(r.tests[0]!.triggered_at).toBeNull()
  })

  test('not approved: nothing is sent and every route is not_run', async () => {
    const before = simulator.deliveries.length
    const ctx = makeContext(alertingConfig([PAYMENTS, CHECKOUT]), { approved: false })
    const r = await runAlertTests(ctx)
    expect(alertTestResultsErrors(r)).toBe('')
    expect(ctx.log.lines.map((l) => l.message)).toEqual([VALIDATION_REQUEST, 'Answer: no (input alert-tests=false)'])
    expect(r.approved).toBe(false)
    expect(r.overall_status).toBe('not_run')
    expect(r.tests.map((t) => [t.status, t.reason])).toEqual([
      ['not_run', 'alert tests not approved'],
      ['not_run', 'alert tests not approved']
    ])
    const all = (await (await fetch(`${am.url}/api/v2/alerts`)).json()) as unknown[]
    expect(all).toEqual([])
    expect(simulator.deliveries.length).toBe(before)
  })

  test('webhook provider: delivery by the webhook, receiver and acknowledgement from the ack source', async () => {
    const cfg = alertingConfig([{ name: 'direct', labels: {}, 'expect-receiver': 'direct' }], { provider: 'webhook' })
    const r = await runAlertTests(makeContext(cfg))
    expect(alertTestResultsErrors(r)).toBe('')
    expect(r.tests[0]!.status).toBe('passed')
    expect(r.tests[0]!.resolved).toBe(true)
    expect(simulator.deliveriesOf(r.tests[0]!.test_id).map((d) => d.status)).toEqual(['firing', 'resolved'])
  })
})
