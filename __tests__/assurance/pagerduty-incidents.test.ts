/**
 * PagerDuty incidents as an incident source (PagerDuty REST stand-in): the lookback's incidents
 * over several pages, the synthetic alert tests left out, and a refused token reported as an
 * error of that source, never as "no incidents".
 */
import { correlateAlerts } from '../../src/assurance/correlate-alerts.js'
import { PagerDutyStandin } from '../standins/pagerduty.js'
import { makeContext } from '../harness/context.js'

const TOKEN = 'pd-rest-token-0123456789'
const NOW = Date.parse('2026-11-30T12:00:00Z')
const payments = { routingKey: 'a'.repeat(32), id: 'PSVC001', name: 'payments', escalationPolicy: 'Payments On-Call', oncallUser: 'Ada' }
const checkout = { routingKey: 'b'.repeat(32), id: 'PSVC002', name: 'checkout', escalationPolicy: 'Checkout On-Call', oncallUser: 'Grace' }

describe('PagerDuty incidents', () => {
  const pd = new PagerDutyStandin({ token: TOKEN, services: [payments, checkout] })

  beforeAll(async () => {
    await pd.start()
    const at = (hoursAgo: number): string => new Date(NOW - hoursAgo * 3600_000).toISOString()
    for (let i = 0; i < 150; i++)
      pd.seed(i % 2 ? payments : checkout, { title: `errors ${i}`, createdAt: at(100 - i * 0.5), resolvedAt: at(100 - i * 0.5 - 0.25) })
    pd.seed(payments, { title: 'Synthetic alert test for route payments-page; please acknowledge. It resolves itself.', createdAt: at(2) })
    pd.seed(payments, { title: 'older than the lookback', createdAt: at(24 * 8) })
    pd.seed(payments, { title: 'still open', createdAt: at(1) })
  })
  afterAll(() => pd.stop())

  const run = async (env: NodeJS.ProcessEnv, serviceIds: string[] = []) => {
    const ctx = makeContext(
      {
        alerting: { pagerduty: { 'api-url': pd.url, 'routing-key-env': 'PD_ROUTING', 'api-token-env': 'PD_TOKEN' } },
        incidents: { lookback: '7d', pagerduty: { 'service-ids': serviceIds } }
      },
      { services: [], now: new Date(NOW) }
    )
    ctx.env = env
    return { ctx, tuning: await correlateAlerts(ctx, async () => undefined, { incidents: async () => [] }) }
  }

  it('reads every page of the lookback and leaves the synthetic alert tests out', async () => {
    const { tuning, ctx } = await run({ PD_TOKEN: TOKEN })
    const source = tuning.sources.find((s) => s.name === 'pagerduty incidents')!
    expect(source).toMatchObject({ status: 'ok', count: 151, detail: '151 incident(s) in 2 page(s); 1 synthetic alert test(s) left out' })
    expect(source.request).toContain('since=2026-11-23T12%3A00%3A00.000Z')
    expect(source.request).not.toContain(TOKEN)
    const ids = tuning.incidents.map((m) => m.incident)
    expect(ids.find((i) => i.title === 'errors 1')).toMatchObject({
      service: 'payments',
      resolved_at: new Date(NOW - (99.5 - 0.25) * 3600_000).toISOString(),
      source: 'pagerduty incidents'
    })
    expect(ids.find((i) => i.title === 'still open')!.resolved_at).toBeUndefined()
    expect(ids.some((i) => i.title === 'older than the lookback')).toBe(false)
    expect(ctx.log.lines.every((l) => !l.message.includes(TOKEN))).toBe(true)
  })

  it('filters by service id', async () => {
    const { tuning } = await run({ PD_TOKEN: TOKEN }, ['PSVC002'])
    expect(tuning.sources.find((s) => s.name === 'pagerduty incidents')).toMatchObject({ status: 'ok', count: 75 })
    expect(tuning.incidents.every((m) => m.incident.service === 'checkout')).toBe(true)
  })

  it('a refused token or a missing variable is an error of the source, not zero incidents', async () => {
    const refused = await run({ PD_TOKEN: 'wrong-token-000000' })
    expect(refused.tuning.sources.find((s) => s.name === 'pagerduty incidents')).toMatchObject({
      status: 'error',
      detail: expect.stringContaining('HTTP 401')
    })
    expect(refused.tuning.from_real_data).toBe(false)
    const missing = await run({})
    expect(missing.tuning.sources.find((s) => s.name === 'pagerduty incidents')).toMatchObject({
      status: 'error',
      detail: expect.stringContaining('PD_TOKEN')
    })
  })
})
