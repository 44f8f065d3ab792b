import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { judgeAck, parseTime } from '../../src/alerting/providers/common.js'
import { parseJsonPath, readJsonPath } from '../../src/alerting/providers/json-path.js'
import { parseMatchers, parseRunningConfig, routeReceivers } from '../../src/alerting/providers/alertmanager/routing.js'
import { counterDelta, parseNotificationCounters } from '../../src/alerting/providers/alertmanager/metrics.js'
import { configSchema, DEFAULT_ACK_MAPPING } from '../../src/config/schema.js'

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void
const policy = { slaSeconds: 10, skewSeconds: 5, ignore: ['bot', 'automation', 'integration', 'api'].map((p) => new RegExp(p, 'i')) }
const T0 = Date.parse('2026-12-01T10:00:00Z')

describe('acknowledgement rules', () => {
  const at = (s: number): string => new Date(T0 + s * 1000).toISOString()
  test('a person after the trigger, within the SLA, counts with its own time', () => {
    expect(judgeAck({ at: at(2.48), by: 'ada' }, T0, T0 + 5000, policy)).toEqual({
      ok: true,
      at: at(2.48),
      by: 'ada',
      seconds: 2.48,
      late: false
    })
  })
  test('within the clock skew before the trigger counts (as 0 s); beyond it is refused', () => {
    expect(judgeAck({ at: at(-4), by: 'ada' }, T0, T0 + 5000, policy)).toMatchObject({ ok: true, seconds: 0 })
    expect(judgeAck({ at: at(-6), by: 'ada' }, T0, T0 + 5000, policy)).toMatchObject({
      ok: false,
      refusal: { reason: expect.stringMatching(/^acknowledged before the alert was sent/) }
    })
  })
  test('future, no time, no identity, bot, integration, late', () => {
    const r = (c: Parameters<typeof judgeAck>[0]): string => {
      const j = judgeAck(c, T0, T0 + 5000, policy)
      return j.ok ? (j.late ? 'late' : 'ok') : j.refusal.reason
    }
    expect(r({ at: at(60), by: 'ada' })).toMatch(/^acknowledged in the future/)
    expect(r({ at: null, by: 'ada' })).toMatch(/^no acknowledgement time/)
    expect(r({ at: '2026-12-01T10:00:02', by: 'ada' })).toMatch(/not an ISO 8601 time with a zone/)
    expect(r({ at: at(2), by: '' })).toMatch(/^acknowledged by nobody named/)
    expect(r({ at: at(2), by: 'Deploy-BOT' })).toMatch(/matches alerting.ack-ignore \/bot\//)
    expect(r({ at: at(2), by: 'ada', notPerson: 'service_reference: Payments API' })).toMatch(
      /^acknowledged by an integration \(service_reference/
    )
    expect(r({ at: at(2), by: 'rapid-api-caller' })).toMatch(/\/api\//)
    expect(judgeAck({ at: at(4.9), by: 'ada' }, T0, T0 + 20000, { ...policy, slaSeconds: 4 })).toMatchObject({ ok: true, late: true })
  })
  test('times: zone required for ISO; numbers are epoch ms unless number-unit is s', () => {
    expect(parseTime('2026-12-01T11:00:00+01:00')).toEqual({ ms: T0 })
    expect(parseTime(T0)).toEqual({ ms: T0 })
    expect(parseTime(T0 / 1000, 's')).toEqual({ ms: T0 })
    expect(parseTime(-5)).toHaveProperty('problem')
    expect(parseTime(true)).toHaveProperty('problem')
    expect(parseTime(null)).toBeUndefined()
  })
})

describe('JSON paths of alerting.webhook.ack', () => {
  const doc = { data: [{ report: { ackTime: 5 }, 'odd key': 1 }, { x: 2 }], a: { 'b-c': 'v' } }
  test('singular queries only', () => {
    expect(readJsonPath(doc, '$.data[0].report.ackTime')).toBe(5)
    expect(readJsonPath(doc, "$.data[0]['odd key']")).toBe(1)
    expect(readJsonPath(doc, '$.data[-1].x')).toBe(2)
    expect(readJsonPath(doc, '$.a.b-c')).toBe('v')
    expect(readJsonPath(doc, '$.missing.deeper')).toBeUndefined()
    expect(readJsonPath(doc, '$.data.length')).toBeUndefined()
    expect(readJsonPath({ __proto__: { x: 1 } }, '$.x')).toBeUndefined()
    expect(() => parseJsonPath('$..x')).toThrow(/cannot read from position 1/)
    expect(() => parseJsonPath('data.x')).toThrow(/must start with \$/)
  })
  test('the config refuses a path outside that grammar, at its field', () => {
    const r = configSchema.safeParse({
      version: 1,
      alerting: { webhook: { 'ack-url': 'http://x/{{test_id}}', ack: { 'acknowledged-at': '$.items[*].at' } } }
    })
    expect(r.success).toBe(false)
    expect(JSON.stringify(r.error?.issues)).toContain('acknowledged-at')
  })
  test('the default answer shape validates against schemas/webhook-ack-answer.schema.json; a flag alone is not that shape', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true })
    addFormats(ajv)
    const validate = ajv.compile(JSON.parse(readFileSync('schemas/webhook-ack-answer.schema.json', 'utf8')) as object)
    expect(
      validate({
        receiver: 'payments-oncall',
        delivered_at: '2026-12-01T10:00:00.120Z',
        acknowledged_at: '2026-12-01T10:00:02.480Z',
        acknowledged_by: 'ada'
      })
    ).toBe(true)
    expect(
      validate({ receiver: 'payments-oncall', delivered_at: '2026-12-01T10:00:00.120Z', acknowledged_at: null, acknowledged_by: null })
    ).toBe(true)
    expect(validate({ acknowledged: true })).toBe(false)
    expect(Object.keys(DEFAULT_ACK_MAPPING).sort()).toEqual(['acknowledged-at', 'acknowledged-by', 'delivered-at', 'receiver'])
  })
})

describe("Alertmanager's routing tree, as amtool config routes test reads it", () => {
  const cfg = parseRunningConfig(`
route:
  receiver: default
  routes:
    - matchers: ['team="payments"', 'severity=~"page|critical"']
      receiver: payments-oncall
      continue: true
    - match_re: { team: 'pay.*' }
      receiver: payments-audit
    - match: { team: checkout }
      routes:
        - matchers: ['{env!="staging", severity="page"}']
          receiver: checkout-page
    - matchers: [team=~"(?i)SEARCH"]
      receiver: search
receivers:
  - name: default
  - name: payments-oncall
    webhook_configs: [{ url: http://x }]
    pagerduty_configs: [{ routing_key: k }]
  - name: payments-audit
  - name: checkout-page
  - name: search
`)
  test('first match, continue, inheritance, anchored and case-insensitive regexes', () => {
    expect(routeReceivers(cfg, { team: 'payments', severity: 'page' })).toEqual(['payments-oncall', 'payments-audit'])
    expect(routeReceivers(cfg, { team: 'payments', severity: 'ticket' })).toEqual(['payments-audit'])
    expect(routeReceivers(cfg, { team: 'checkout', severity: 'page' })).toEqual(['checkout-page'])
    // A route that matches but has no matching child answers itself, with the inherited receiver.
    expect(routeReceivers(cfg, { team: 'checkout', severity: 'page', env: 'staging' })).toEqual(['default'])
    expect(routeReceivers(cfg, { team: 'search' })).toEqual(['search'])
    expect(routeReceivers(cfg, { team: 'xpayments' })).toEqual(['default'])
    expect(cfg.integrations.get('payments-oncall')).toEqual(['webhook', 'pagerduty'])
  })
  test('matcher syntax', () => {
    expect(parseMatchers('a="x,y", b!=z')).toEqual([
      { name: 'a', op: '=', value: 'x,y' },
      { name: 'b', op: '!=', value: 'z' }
    ])
    expect(() => parseMatchers('not a matcher')).toThrow(/is not name=value/)
  })
})

test('notification counters, per integration or per receiver', () => {
  const before = parseNotificationCounters(
    'alertmanager_notifications_total{integration="webhook"} 3\nalertmanager_notification_requests_failed_total{integration="webhook"} 1\n'
  )
  const after = parseNotificationCounters(
    'alertmanager_notifications_total{integration="webhook"} 4\nalertmanager_notifications_failed_total{integration="webhook"} 1\nalertmanager_notification_requests_failed_total{integration="webhook"} 4\n'
  )
  expect(counterDelta(before, after, ['webhook'], 'x')).toEqual([
    'alertmanager_notifications_total{integration="webhook", all receivers} +1, alertmanager_notifications_failed_total{integration="webhook", all receivers} +1, alertmanager_notification_requests_total{integration="webhook", all receivers} +0, alertmanager_notification_requests_failed_total{integration="webhook", all receivers} +3'
  ])
  const per = parseNotificationCounters('alertmanager_notifications_total{integration="webhook",receiver_name="x"} 2\n')
  expect(counterDelta({}, per, ['webhook'], 'x')[0]).toMatch(
    /^alertmanager_notifications_total\{integration="webhook",receiver_name="x"\} \+2/
  )
})

describe('the acknowledgement source over HTTP', () => {
  test('an ack-url without {{test_id}} is refused: every answer must be about one test', () => {
    const r = configSchema.safeParse({ version: 1, alerting: { webhook: { 'ack-url': 'https://oncall.example/ack/latest' } } })
    expect(r.success).toBe(false)
    expect(JSON.stringify(r.error?.issues)).toContain('containing {{test_id}}')
  })

  test('404 is "nothing yet"; 5xx, other statuses and non-JSON answers are backend errors; long identities are cut', async () => {
    const { createServer } = await import('node:http')
    const { HttpAckSource } = await import('../../src/alerting/providers/ack-source.js')
    const { makeContext } = await import('../harness/context.js')
    const answers: Record<string, [number, string]> = {
      none: [404, '{}'],
      broken: [500, 'oops'],
      teapot: [418, '{}'],
      text: [200, 'not json'],
      long: [
        200,
        JSON.stringify({
          receiver: 'r',
          delivered_at: '2026-12-01T10:00:00Z',
          acknowledged_at: '2026-12-01T10:00:01Z',
          acknowledged_by: 'x'.repeat(5000)
        })
      ]
    }
    const srv = createServer((req, res) => {
      const [status, body] = answers[decodeURIComponent((req.url ?? '').split('/').pop()!)] ?? [404, '']
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(body)
    })
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
    const port = (srv.address() as { port: number }).port
    try {
      const ctx = makeContext({ alerting: { webhook: { 'ack-url': `http://127.0.0.1:${port}/ack/{{test_id}}` } } })
      const src = new HttpAckSource(ctx, ctx.config.alerting.webhook!)
      expect(await src.check('none')).toBeUndefined()
      await expect(src.check('broken')).rejects.toThrow(/HTTP 500/)
      await expect(src.check('teapot')).rejects.toThrow(/HTTP 418/)
      await expect(src.check('text')).rejects.toThrow(/not JSON/)
      const long = await src.check('long')
      expect(String(long!.acks[0]!.by).length).toBeLessThanOrEqual(203)
    } finally {
      srv.close()
    }
  })
})
