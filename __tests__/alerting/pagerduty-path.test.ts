import { PagerDutyStandin } from '../standins/pagerduty.js'
import { runAlertTests } from '../../src/alerting/alert-tests.js'
import { ALERT_FAILURE } from '../../src/alerting/providers/common.js'
import { makeContext } from '../harness/context.js'
import { ackDelayFor, cheatOf, cheatRoute, CHEATS, claimedAckTime, expectCheats } from './oncall-cases.js'
import { alertTestResultsErrors } from './schema.js'

const ROUTING_KEY = 'R0UT1NGKEY0123456789abcdefABCDEF'
const CHECKOUT_KEY = 'CHECKOUTKEY0123456789abcdefABCDE'
const TOKEN = 'pd-rest-token-secret'
let flakySeen = 0
const pd = new PagerDutyStandin({
  token: TOKEN,
  services: [
    { routingKey: ROUTING_KEY, id: 'PSVC001', name: 'Payments API', escalationPolicy: 'Payments On-Call', oncallUser: 'Ada Lovelace' },
    { routingKey: CHECKOUT_KEY, id: 'PSVC002', name: 'Checkout API', escalationPolicy: 'Checkout On-Call', oncallUser: 'Grace Hopper' }
  ],
  acks: (service, dedupKey) => {
    if (dedupKey.includes('-flaky-')) return flakySeen++ === 0 ? [] : [{ afterMs: 200, by: 'user' }]
    if (service.routingKey === CHECKOUT_KEY) return []
    const kind = cheatOf(dedupKey)
    const delay = ackDelayFor(kind)
    if (delay === null) return []
    if (kind === 'bot') return [{ afterMs: delay, by: 'service' }]
    return [
      {
        afterMs: delay,
        by: 'user',
        at: (real) => {
          const ms = claimedAckTime(kind, 0, real)
          return ms === null ? undefined : new Date(ms).toISOString()
        }
      }
    ]
  }
})

beforeAll(async () => {
  await pd.start()
})
afterAll(async () => {
  await pd.stop()
})

function context(
  routes: Array<{ name: string; labels: Record<string, string>; 'expect-receiver': string }>,
  routingKey = ROUTING_KEY,
  extra: Record<string, unknown> = {}
) {
  return makeContext(
    {
      alerting: {
        provider: 'pagerduty',
        pagerduty: {
          'events-url': pd.url,
          'api-url': pd.url,
          'routing-key-env': 'PD_ROUTING_KEY',
          'api-token-env': 'PD_API_TOKEN',
          'poll-seconds': 0.1
        },
        'ack-sla-seconds': 2,
        'wait-margin-seconds': 1,
        routes,
        ...extra
      }
    },
    { env: { PD_ROUTING_KEY: routingKey, PD_API_TOKEN: TOKEN } }
  )
}
const PAYMENTS = { name: 'payments-page', labels: { severity: 'page' }, 'expect-receiver': 'Payments On-Call' }

describe('synthetic alerts through the PagerDuty API (stand-in)', () => {
  test('the stand-in enforces the published API', async () => {
    const bad = await fetch(`${pd.url}/v2/enqueue`, {
      method: 'POST',
      body: JSON.stringify({ event_action: 'trigger', payload: { summary: 's', source: 'x', severity: 'page' } })
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: ["'routing_key' is missing or blank", "'payload.severity' is invalid (must be one of critical, error, warning, info)"]
    })
    const unauth = await fetch(`${pd.url}/incidents`, { headers: { Authorization: 'Bearer nope' } })
    expect(unauth.status).toBe(401)
    expect(((await unauth.json()) as { error: { code: number } }).error.code).toBe(2006)
  })

  test("healthy: a person acknowledges within the SLA; the times are PagerDuty's own", async () => {
    const ctx = context([PAYMENTS])
    const r = await runAlertTests(ctx)
    expect(alertTestResultsErrors(r)).toBe('')
    const t = r.tests[0]!
    expect(t.status).toBe('passed')
    expect(t.provider).toBe('pagerduty')
    expect(t.actual_receivers).toEqual(['Payments API', 'Payments On-Call', 'Ada Lovelace'])
    expect(t.acknowledged_by).toBe('Ada Lovelace')
    const inc = pd.incidents.find((i) => i.incident_key === t.test_id)!
    expect(inc.status).toBe('resolved')
    expect(t.triggered_at).toBe(inc.log.find((e) => e.type === 'trigger_log_entry')!.created_at)
    expect(t.delivered_at).toBe(inc.created_at)
    expect(t.acknowledged_at).toBe(inc.log.find((e) => e.type === 'acknowledge_log_entry')!.created_at)
    expect(t.acknowledgement_time_seconds).toBeGreaterThanOrEqual(0.3)
    expect(t.resolved).toBe(true)
    expect(t.attempts![0]!.cleanup.detail).toMatch(/resolved \(Events API resolve\)/)
    expect(ctx.log.secrets).toEqual(expect.arrayContaining([ROUTING_KEY, TOKEN]))
    expect(ctx.log.text()).not.toContain(TOKEN)
  })

  test('each cheat fails with its own reason', async () => {
    const r = await runAlertTests(
      context(
        CHEATS.map((c) => cheatRoute(c, 'Payments On-Call')),
        ROUTING_KEY,
        { retries: 0, 'wait-margin-seconds': 2 }
      )
    )
    expect(alertTestResultsErrors(r)).toBe('')
    expectCheats(r, 'service_reference: Payments API')
  })

  test('wrong receiver, never acknowledged: the misroute is the reason', async () => {
    const r = await runAlertTests(context([PAYMENTS], CHECKOUT_KEY, { retries: 0 }))
    const t = r.tests[0]!
    expect(t.outcome).toBe('wrong_receiver')
    expect(
      t.reason.startsWith(
        `${ALERT_FAILURE} Route "payments-page": wrong receiver: expected "Payments On-Call", actual "Checkout API", "Checkout On-Call", "Grace Hopper"`
      )
    ).toBe(true)
    expect(t.resolved).toBe(true)
  })

  test('not delivered: an event for no integration opens no incident', async () => {
    const r = await runAlertTests(context([PAYMENTS], 'NOSUCHKEY0123456789abcdefABCDEFG', { retries: 0 }))
    const t = r.tests[0]!
    expect(alertTestResultsErrors(r)).toBe('')
    expect(t.outcome).toBe('not_routed')
    expect(t.reason).toContain(ALERT_FAILURE)
    expect(t.reason).toMatch(/no incident with incident_key/)
    expect(t.delivered_at).toBeNull()
  })

  test('a flaky first attempt followed by a good one passes, with both attempts', async () => {
    flakySeen = 0
    const r = await runAlertTests(context([{ ...PAYMENTS, name: 'flaky' }]))
    const t = r.tests[0]!
    expect(alertTestResultsErrors(r)).toBe('')
    expect(t.status).toBe('passed')
    expect(t.attempts!.map((a) => a.outcome)).toEqual(['not_acknowledged', 'passed'])
    expect(t.attempts!.every((a) => pd.incidents.find((i) => i.incident_key === a.test_id)?.status === 'resolved')).toBe(true)
  })

  test('a bad routing key is rejected by the Events API', async () => {
    const before = pd.incidents.length
    const r = await runAlertTests(context([PAYMENTS], 'not-a-routing-key', { retries: 0 }))
    const t = r.tests[0]!
    expect(alertTestResultsErrors(r)).toBe('')
    expect(t.status).toBe('failed')
    expect(t.reason).toContain(ALERT_FAILURE)
    expect(t.reason).toMatch(/PagerDuty rejected the event \(HTTP 400\): Event object is invalid; Invalid routing key/)
    expect(t.triggered_at).toBeNull()
    expect(pd.incidents.length).toBe(before)
  })
})
