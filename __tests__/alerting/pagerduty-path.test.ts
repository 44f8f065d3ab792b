import { PagerDutyStandin, type ScriptedAck } from '../standins/pagerduty.js'
import { runAlertTests } from '../../src/alerting/alert-tests.js'
import { ALERT_FAILURE } from '../../src/alerting/providers/common.js'
import { makeContext } from './context.js'
import { alertTestResultsErrors } from './schema.js'

const ROUTING_KEY = 'R0UT1NGKEY0123456789abcdefABCDEF'
const TOKEN = 'pd-rest-token-secret'
let script: ScriptedAck[] = []
const pd = new PagerDutyStandin({
  token: TOKEN,
  services: [{ routingKey: ROUTING_KEY, id: 'PSVC001', name: 'Payments API', escalationPolicy: 'Payments On-Call', oncallUser: 'Ada Lovelace' }],
  acks: () => script
})

beforeAll(async () => {
  await pd.start()
})
afterAll(async () => {
  await pd.stop()
})

function context(routingKey = ROUTING_KEY) {
  return makeContext(
    {
      alerting: {
        provider: 'pagerduty',
        pagerduty: { 'events-url': pd.url, 'api-url': pd.url, 'routing-key-env': 'PD_ROUTING_KEY', 'api-token-env': 'PD_API_TOKEN', 'poll-seconds': 0.1 },
        'ack-sla-seconds': 2,
        'wait-margin-seconds': 1,
        routes: [{ name: 'payments-page', labels: { severity: 'page' }, 'expect-receiver': 'Payments On-Call' }]
      }
    },
    { env: { PD_ROUTING_KEY: routingKey, PD_API_TOKEN: TOKEN } }
  )
}

describe('synthetic alerts through the PagerDuty API (stand-in)', () => {
  test('the stand-in enforces the published API', async () => {
    const bad = await fetch(`${pd.url}/v2/enqueue`, { method: 'POST', body: JSON.stringify({ event_action: 'trigger', payload: { summary: 's', source: 'x', severity: 'page' } }) })
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

  test('a person acknowledges within the SLA', async () => {
    script = [{ afterMs: 300, by: 'user' }]
    const ctx = context()
    const r = await runAlertTests(ctx)
    expect(alertTestResultsErrors(r)).toBe('')
    const [t] = r.tests
    expect(t!.status).toBe('passed')
    expect(t!.provider).toBe('pagerduty')
    expect(t!.actual_receivers).toEqual(['Payments API', 'Payments On-Call', 'Ada Lovelace'])
    expect(t!.acknowledged_by).toBe('Ada Lovelace')
    expect(t!.acknowledgement_time_seconds).toBeGreaterThanOrEqual(0.3)
    expect(t!.acknowledgement_time_seconds).toBeLessThan(2)
    expect(t!.resolved).toBe(true)
    const inc = pd.incidents.find((i) => i.incident_key === t!.test_id)!
    expect(inc.status).toBe('resolved')
    // The trigger time is PagerDuty's trigger_log_entry.
    expect(t!.triggered_at).toBe(inc.log.find((e) => e.type === 'trigger_log_entry')!.created_at)
    // Secrets are masked in everything logged.
    expect(ctx.log.secrets).toEqual(expect.arrayContaining([ROUTING_KEY, TOKEN]))
    expect(ctx.log.text()).not.toContain(TOKEN)
  })

  test('only an automatic acknowledgement does not count', async () => {
    script = [{ afterMs: 100, by: 'service' }]
    const r = await runAlertTests(context())
    const [t] = r.tests
    expect(alertTestResultsErrors(r)).toBe('')
    expect(t!.status).toBe('failed')
    expect(t!.acknowledged_at).toBeNull()
    expect(t!.wait.acknowledgement).toBe('timed_out')
    expect(t!.reason).toContain(ALERT_FAILURE)
    expect(t!.reason).toMatch(/Only an automatic acknowledgement was seen \(service_reference: Payments API\)/)
    expect(t!.resolved).toBe(true)
  })

  test('a bad routing key is rejected by the Events API', async () => {
    script = []
    const before = pd.incidents.length
    const r = await runAlertTests(context('not-a-routing-key'))
    const [t] = r.tests
    expect(alertTestResultsErrors(r)).toBe('')
    expect(t!.status).toBe('failed')
    expect(t!.reason).toContain(ALERT_FAILURE)
    expect(t!.reason).toMatch(/PagerDuty rejected the event \(HTTP 400\): Event object is invalid; Invalid routing key/)
    expect(t!.triggered_at).toBeNull()
    expect(pd.incidents.length).toBe(before)
  })
})
