import { OpsgenieStandin } from '../standins/opsgenie.js'
import { runAlertTests } from '../../src/alerting/alert-tests.js'
import { ALERT_FAILURE } from '../../src/alerting/providers/common.js'
import { makeContext } from '../harness/context.js'
import { ackDelayFor, cheatOf, cheatRoute, CHEATS, claimedAckTime, expectCheats } from './oncall-cases.js'
import { alertTestResultsErrors } from './schema.js'

const KEY = 'c0ffee00-0000-4000-8000-000000000001'
const CHECKOUT_KEY = 'c0ffee00-0000-4000-8000-000000000002'
const NO_TEAM_KEY = 'c0ffee00-0000-4000-8000-000000000003'
let flakySeen = 0
const og = new OpsgenieStandin({
  integrations: [
    { apiKey: KEY, id: 'int-payments', name: 'Payments API integration', team: { id: 'team-pay', name: 'payments-oncall' } },
    { apiKey: CHECKOUT_KEY, id: 'int-checkout', name: 'Checkout API integration', team: { id: 'team-chk', name: 'checkout-oncall' } },
    { apiKey: NO_TEAM_KEY, id: 'int-orphan', name: 'Orphan integration' }
  ],
  acks: (integ, alias) => {
    if (alias.includes('-flaky-')) return flakySeen++ === 0 ? [] : [{ afterMs: 200, by: 'ada@example.com' }]
    if (integ.apiKey !== KEY) return []
    const kind = cheatOf(alias)
    const delay = ackDelayFor(kind)
    if (delay === null) return []
    if (kind === 'bot') return [{ afterMs: delay, by: 'Alertmanager Integration' }]
    return [
      {
        afterMs: delay,
        by: 'ada@example.com',
        // One clock reading: the stand-in's own creation time, not a second Date.now() a tick later.
        ackTime: (real, created) => {
          const now = created + real
          const ms = claimedAckTime(kind, created, now)
          return ms === null ? null : ms - created
        }
      }
    ]
  }
})

beforeAll(async () => {
  await og.start()
})
afterAll(async () => {
  await og.stop()
})

function context(
  routes: Array<{ name: string; labels: Record<string, string>; 'expect-receiver': string }>,
  key = KEY,
  extra: Record<string, unknown> = {}
) {
  return makeContext(
    {
      alerting: {
        provider: 'opsgenie',
        opsgenie: { 'api-url': og.url, 'api-key-env': 'OPSGENIE_KEY', 'poll-seconds': 0.1 },
        'ack-sla-seconds': 2,
        'wait-margin-seconds': 1,
        routes,
        ...extra
      }
    },
    { env: { OPSGENIE_KEY: key } }
  )
}
const PAYMENTS = { name: 'payments-page', labels: { severity: 'critical', team: 'payments' }, 'expect-receiver': 'payments-oncall' }

describe('synthetic alerts through the Opsgenie Alert API (stand-in)', () => {
  test('the stand-in enforces the published API', async () => {
    const noAuth = await fetch(`${og.url}/v2/alerts`, { method: 'POST', headers: { Authorization: `Bearer ${KEY}` }, body: '{}' })
    expect(noAuth.status).toBe(401)
    expect(((await noAuth.json()) as { message: string }).message).toBe('Could not authenticate')
    const bad = await fetch(`${og.url}/v2/alerts`, {
      method: 'POST',
      headers: { Authorization: `GenieKey ${KEY}` },
      body: JSON.stringify({ message: '', priority: 'P9' })
    })
    expect(bad.status).toBe(422)
    expect(((await bad.json()) as { errors: Record<string, string> }).errors).toEqual({
      message: 'Message can not be empty.',
      priority: 'Priority should be one of [P1, P2, P3, P4, P5]'
    })
    const missing = await fetch(`${og.url}/v2/alerts/nope?identifierType=alias`, { headers: { Authorization: `GenieKey ${KEY}` } })
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { message: string }).message).toBe('Alert does not exist')
    const badType = await fetch(`${og.url}/v2/alerts/nope?identifierType=name`, { headers: { Authorization: `GenieKey ${KEY}` } })
    expect(badType.status).toBe(422)
  })

  test("healthy: acknowledged by a person within the SLA, with Opsgenie's own times; closed afterwards", async () => {
    const ctx = context([PAYMENTS])
    const rejectedBefore = og.rejected.length
    const r = await runAlertTests(ctx)
    expect(alertTestResultsErrors(r)).toBe('')
    const t = r.tests[0]!
    expect(t.status).toBe('passed')
    expect(t.provider).toBe('opsgenie')
    expect(t.actual_receivers).toEqual(['payments-oncall'])
    expect(t.acknowledged_by).toBe('ada@example.com')
    const al = og.alerts.find((a) => a.alias === t.test_id)!
    expect(t.delivered_at).toBe(al.createdAt)
    expect(t.acknowledged_at).toBe(new Date(Date.parse(al.createdAt) + al.report.ackTime!).toISOString())
    expect(al.status).toBe('closed')
    expect(al.details).toMatchObject({ team: 'payments', test_id: t.test_id, synthetic: 'true' })
    expect(t.resolved).toBe(true)
    expect(ctx.log.secrets).toContain(KEY)
    // The stand-in refused none of the run's requests (a 404 is the answer while the alert is being created).
    expect(og.rejected.slice(rejectedBefore).filter((x) => x.status !== 404)).toEqual([])
  })

  test('each cheat fails with its own reason', async () => {
    const r = await runAlertTests(
      context(
        CHEATS.map((c) => cheatRoute(c, 'payments-oncall')),
        KEY,
        { retries: 0, 'wait-margin-seconds': 2 }
      )
    )
    expect(alertTestResultsErrors(r)).toBe('')
    expectCheats(r, 'Alertmanager Integration matches alerting.ack-ignore /integration/')
  })

  test('wrong receiver, never acknowledged: the misroute is the reason', async () => {
    const r = await runAlertTests(context([PAYMENTS], CHECKOUT_KEY, { retries: 0 }))
    const t = r.tests[0]!
    expect(alertTestResultsErrors(r)).toBe('')
    expect(t.outcome).toBe('wrong_receiver')
    expect(
      t.reason.startsWith(`${ALERT_FAILURE} Route "payments-page": wrong receiver: expected "payments-oncall", actual "checkout-oncall"`)
    ).toBe(true)
    expect(og.alerts.find((a) => a.alias === t.test_id)!.status).toBe('closed')
  })

  test('no team made responder: not routed, never a pass', async () => {
    const r = await runAlertTests(context([PAYMENTS], NO_TEAM_KEY, { retries: 0 }))
    const t = r.tests[0]!
    expect(t.outcome).toBe('not_routed')
    expect(t.reason).toContain(ALERT_FAILURE)
    expect(t.resolved).toBe(true)
  })

  test('a flaky first attempt followed by a good one passes, with both attempts', async () => {
    flakySeen = 0
    const r = await runAlertTests(context([{ ...PAYMENTS, name: 'flaky' }]))
    const t = r.tests[0]!
    expect(alertTestResultsErrors(r)).toBe('')
    expect(t.status).toBe('passed')
    expect(t.attempts!.map((a) => a.outcome)).toEqual(['not_acknowledged', 'passed'])
    expect(t.attempts!.every((a) => og.alerts.find((x) => x.alias === a.test_id)?.status === 'closed')).toBe(true)
  })

  test('a wrong API key is a backend error, reported as such', async () => {
    const r = await runAlertTests(context([PAYMENTS], 'wrong-key', { retries: 0 }))
    expect(r.tests[0]!.status).toBe('error')
    expect(r.tests[0]!.reason).toMatch(/HTTP 401: Could not authenticate/)
  })
})
