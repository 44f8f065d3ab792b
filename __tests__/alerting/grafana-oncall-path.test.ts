import { GrafanaOnCallStandin, type OnCallIntegration } from '../standins/grafana-oncall.js'
import { runAlertTests } from '../../src/alerting/alert-tests.js'
import { ALERT_FAILURE } from '../../src/alerting/providers/common.js'
import { makeContext } from '../harness/context.js'
import { ackDelayFor, cheatOf, cheatRoute, CHEATS, claimedAckTime, expectCheats } from './oncall-cases.js'
import { alertTestResultsErrors } from './schema.js'

const API_TOKEN = 'oncall-api-token-secret'
const INTEGRATION: OnCallIntegration = {
  token: 'inboundtoken0123456789',
  id: 'CFRPV98RPR1U8',
  name: 'Alertmanager (prod)',
  routes: [
    { id: 'RPAYMENTS001', routing_regex: '"team":"payments"', escalationChain: { id: 'FWDL7M6N6I9HE', name: 'payments-oncall' } },
    { id: 'RDEFAULT0001', routing_regex: null, escalationChain: { id: 'FDEFAULTCHAIN', name: 'default-oncall' } }
  ]
}
let flakySeen = 0
const oncall = new GrafanaOnCallStandin({
  apiToken: API_TOKEN,
  integrations: [INTEGRATION],
  users: [
    { id: 'U4DNY931HHJS5', username: 'ada', email: 'ada@example.com' },
    { id: 'UBOT00000001', username: 'deploy-bot', email: 'bot@example.com' }
  ],
  pageSize: 2,
  acks: (route, payload) => {
    const labels = (payload.commonLabels ?? {}) as Record<string, string>
    if (labels.flaky) return flakySeen++ === 0 ? [] : [{ afterMs: 200, userId: 'U4DNY931HHJS5' }]
    if (route.id !== 'RPAYMENTS001') return []
    const kind = cheatOf(labels.cheat ?? '')
    const delay = ackDelayFor(kind)
    if (delay === null) return []
    if (kind === 'bot') return [{ afterMs: delay, userId: 'UBOT00000001' }]
    return [
      {
        afterMs: delay,
        userId: 'U4DNY931HHJS5',
        at: (real) => {
          const ms = claimedAckTime(kind, 0, real)
          return ms === null ? null : new Date(ms).toISOString()
        }
      }
    ]
  }
})

beforeAll(async () => {
  await oncall.start()
})
afterAll(async () => {
  await oncall.stop()
})

function context(
  routes: Array<{ name: string; labels: Record<string, string>; 'expect-receiver': string }>,
  extra: Record<string, unknown> = {},
  inbound = oncall.inboundUrl(INTEGRATION)
) {
  return makeContext(
    {
      alerting: {
        provider: 'grafana-oncall',
        'grafana-oncall': {
          'api-url': oncall.url,
          'token-env': 'ONCALL_TOKEN',
          'integration-url-env': 'ONCALL_INBOUND',
          'integration-id': INTEGRATION.id,
          'poll-seconds': 0.1
        },
        'ack-sla-seconds': 2,
        'wait-margin-seconds': 1,
        routes,
        ...extra
      }
    },
    { env: { ONCALL_TOKEN: API_TOKEN, ONCALL_INBOUND: inbound } }
  )
}
const PAYMENTS = { name: 'payments-page', labels: { severity: 'critical', team: 'payments' }, 'expect-receiver': 'payments-oncall' }

describe('synthetic alerts through Grafana OnCall (stand-in)', () => {
  test('the stand-in enforces the published API', async () => {
    const unauth = await fetch(`${oncall.url}/api/v1/alert_groups/`, { headers: { Authorization: `Token token=${API_TOKEN}` } })
    expect(unauth.status).toBe(401)
    expect(await unauth.json()).toEqual({ detail: 'Invalid token.' })
    const page = await fetch(`${oncall.url}/api/v1/alert_groups/?page=9`, { headers: { Authorization: API_TOKEN } })
    expect(page.status).toBe(404)
    const bad = await fetch(oncall.inboundUrl(INTEGRATION), { method: 'POST', body: JSON.stringify({ status: 'firing' }) })
    expect(bad.status).toBe(400)
  })

  test('healthy: acknowledged by a person within the SLA, found across pages; resolved afterwards', async () => {
    // OnCall lists newest first: three groups of other alerts, newer than the test's, push it to page 2.
    for (let i = 0; i < 3; i++) {
      const body = {
        version: '4',
        status: 'firing',
        groupKey: `other-${i}`,
        commonLabels: { team: 'search' },
        alerts: [{ status: 'firing', labels: { team: 'search' } }]
      }
      await fetch(oncall.inboundUrl(INTEGRATION), { method: 'POST', body: JSON.stringify(body) })
      oncall.groups[oncall.groups.length - 1]!.created_at = new Date(Date.now() + 3_600_000).toISOString()
    }
    const ctx = context([PAYMENTS])
    const r = await runAlertTests(ctx)
    expect(alertTestResultsErrors(r)).toBe('')
    for (const t of r.tests) {
      expect(t.status).toBe('passed')
      expect(t.provider).toBe('grafana-oncall')
      expect(t.actual_receivers).toEqual(['payments-oncall', 'Alertmanager (prod)'])
      expect(t.acknowledged_by).toBe('ada')
      const g = oncall.groups.find((x) => (x.last_alert.payload.commonLabels as Record<string, string>).test_id === t.test_id)!
      expect(t.delivered_at).toBe(g.created_at)
      expect(t.acknowledged_at).toBe(g.acknowledged_at)
      expect(g.state).toBe('resolved')
      expect(t.resolved).toBe(true)
    }
    expect(oncall.listRequests.some((q) => q.includes('page=2'))).toBe(true)
    expect(ctx.log.text()).not.toContain(INTEGRATION.token)
  })

  test('each cheat fails with its own reason', async () => {
    const r = await runAlertTests(
      context(
        CHEATS.map((c) => cheatRoute(c, 'payments-oncall', { team: 'payments' })),
        { retries: 0, 'wait-margin-seconds': 2 }
      )
    )
    expect(alertTestResultsErrors(r)).toBe('')
    expectCheats(r, 'deploy-bot matches alerting.ack-ignore /bot/')
  })

  test('wrong receiver, never acknowledged: the misroute is the reason', async () => {
    const r = await runAlertTests(context([{ ...PAYMENTS, labels: { team: 'checkout' } }], { retries: 0 }))
    const t = r.tests[0]!
    expect(alertTestResultsErrors(r)).toBe('')
    expect(t.outcome).toBe('wrong_receiver')
    expect(
      t.reason.startsWith(
        `${ALERT_FAILURE} Route "payments-page": wrong receiver: expected "payments-oncall", actual "default-oncall", "Alertmanager (prod)"`
      )
    ).toBe(true)
    expect(t.resolved).toBe(true)
  })

  test('not delivered: an inbound URL OnCall does not know refuses the alert', async () => {
    const r = await runAlertTests(context([PAYMENTS], { retries: 0 }, `${oncall.url}/integrations/v1/alertmanager/unknown/`))
    const t = r.tests[0]!
    expect(t.outcome).toBe('not_routed')
    expect(t.reason).toContain(ALERT_FAILURE)
    expect(t.reason).toMatch(/refused the alert with HTTP 404/)
  })

  test('an acknowledgement by the alert source (no user) does not count', async () => {
    const before = oncall.groups.length
    const run = runAlertTests(context([{ ...PAYMENTS, name: 'source-ack', labels: { team: 'payments', cheat: 'never' } }], { retries: 0 }))
    // Acknowledge the new group as the source would: acknowledged_at set, acknowledged_by null.
    const deadline = Date.now() + 3000
    while (oncall.groups.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    const g = oncall.groups[oncall.groups.length - 1]!
    g.state = 'acknowledged'
    g.acknowledged_at = new Date().toISOString()
    g.acknowledged_by = null
    const r = await run
    const t = r.tests[0]!
    expect(t.outcome).toBe('acknowledgement_refused')
    expect(t.attempts![0]!.facts.acknowledged.refusals[0]!.reason).toMatch(/acknowledged by an integration \(acknowledged_by is empty/)
  })

  test('a flaky first attempt followed by a good one passes, with both attempts', async () => {
    flakySeen = 0
    const r = await runAlertTests(context([{ ...PAYMENTS, name: 'flaky', labels: { team: 'payments', flaky: 'yes' } }]))
    const t = r.tests[0]!
    expect(alertTestResultsErrors(r)).toBe('')
    expect(t.status).toBe('passed')
    expect(t.attempts!.map((a) => a.outcome)).toEqual(['not_acknowledged', 'passed'])
    expect(t.attempts!.every((a) => a.cleanup.resolved)).toBe(true)
  })
})
