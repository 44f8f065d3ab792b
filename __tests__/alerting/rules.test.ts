import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { freePort, startPrometheus, waitFor, type RunningBackend } from '../harness/backends.js'
import { checkSloAlignment } from '../../src/alerting/slo/rules.js'
import { makeContext, service } from '../harness/context.js'

const SLO = {
  name: 'checkout-availability',
  service: 'checkout',
  objective: 99.9,
  window: '30d',
  'good-query': 'sum(rate(http_requests_total{service="checkout",code!~"5.."}[$window]))',
  'total-query': 'sum(rate(http_requests_total{service="checkout"}[$window]))'
}

const recording = ['5m', '30m', '1h', '6h', '3d']
  .map(
    (w) => `      - record: checkout:error_ratio:rate${w}
        expr: 1 - sum(rate(http_requests_total{service="checkout",code!~"5.."}[${w}])) / sum(rate(http_requests_total{service="checkout"}[${w}]))`
  )
  .join('\n')

function ruleFile(opts: { fastFactor?: string; ticket?: boolean } = {}): string {
  return `groups:
  - name: checkout-slo
    rules:
${recording}
      - alert: CheckoutBudgetBurnFast
        expr: checkout:error_ratio:rate1h > (${opts.fastFactor ?? '14.4'} * (1 - 0.999)) and checkout:error_ratio:rate5m > (${opts.fastFactor ?? '14.4'} * (1 - 0.999))
        labels: { severity: page, service: checkout }
      - alert: CheckoutBudgetBurnSlow
        expr: checkout:error_ratio:rate6h > 6 * 0.001 and checkout:error_ratio:rate30m > 6 * 0.001
        labels: { severity: critical }
${
  opts.ticket === false
    ? ''
    : `      - alert: CheckoutBudgetBurnTicket
        expr: checkout:error_ratio:rate3d > 0.001 and checkout:error_ratio:rate6h > 0.001
        labels: { severity: ticket }
`
}      - alert: CheckoutTelemetryAbsent
        expr: absent(http_requests_total{service="checkout"})
        for: 10m
        labels: { severity: page }
`
}

const services = [service('checkout', { critical: true })]
const running: RunningBackend[] = []
afterAll(async () => {
  await Promise.all(running.map((b) => b.stop()))
})

async function prometheusWith(rules: string): Promise<RunningBackend> {
  const prom = await startPrometheus({ rules: { 'rules.yml': rules } })
  running.push(prom)
  await waitFor(
    async () => {
      const r = (await (await fetch(`${prom.url}/api/v1/rules`)).json()) as { data: { groups: unknown[] } }
      return r.data.groups.length > 0
    },
    10_000,
    'rules loaded'
  )
  return prom
}

function withRuleFile(text: string) {
  const ctx = makeContext({ slos: [SLO], alerting: { 'rule-files': ['monitoring/*.rules.yml'] } }, { services })
  mkdirSync(join(ctx.workspace, 'monitoring'), { recursive: true })
  writeFileSync(join(ctx.workspace, 'monitoring', 'checkout.rules.yml'), text)
  return ctx
}

describe('alert rules against SLO burn rates', () => {
  test('aligned rules in force in a live Prometheus', async () => {
    const prom = await prometheusWith(ruleFile())
    const ctx = makeContext(
      { slos: [SLO], backends: { prom: { type: 'prometheus', url: prom.url } }, alerting: { 'rules-backend': 'prom' } },
      { services }
    )
    const { alignment, suggestedRulesYaml } = await checkSloAlignment(ctx)
    expect(alignment.not_verified_reason).toBeUndefined()
    expect(alignment.rule_sources).toEqual(['prometheus:prom'])
    expect(alignment.findings.map((f) => [f.kind, f.status, f.found?.rule, f.found?.factor])).toEqual([
      ['page', 'aligned', 'CheckoutBudgetBurnFast', 14.4],
      ['page', 'aligned', 'CheckoutBudgetBurnSlow', 6],
      ['ticket', 'aligned', 'CheckoutBudgetBurnTicket', 1],
      ['service_page', 'aligned', 'CheckoutBudgetBurnFast', undefined],
      ['absent', 'aligned', 'CheckoutTelemetryAbsent', undefined]
    ])
    expect(alignment.findings.every((f) => f.found?.source === 'prometheus:prom')).toBe(true)
    expect(suggestedRulesYaml).toBeUndefined()
    expect(alignment.suggested_rules_file).toBeUndefined()
  })

  test('a missing ticket alert is reported and the suggested rules pass promtool', async () => {
    const ctx = withRuleFile(ruleFile({ ticket: false }))
    const { alignment, suggestedRulesYaml } = await checkSloAlignment(ctx)
    expect(alignment.rule_sources).toEqual(['monitoring/checkout.rules.yml'])
    const ticket = alignment.findings.find((f) => f.kind === 'ticket')!
    expect(ticket.status).toBe('missing')
    expect(ticket.expected).toContain('1 x (1 - 0.999) = 0.001')
    expect(alignment.findings.filter((f) => f.status !== 'aligned')).toHaveLength(1)
    expect(alignment.suggested_rules_file).toBe('suggested-alert-rules.yml')
    expect(alignment.suggested_rules_check).toEqual({ tool: 'promtool check rules', ok: true, output: expect.stringContaining('SUCCESS') })
    const doc = parseYaml(suggestedRulesYaml!) as {
      groups: Array<{ rules: Array<{ alert?: string; record?: string; expr: string; labels: Record<string, string> }> }>
    }
    const rules = doc.groups.flatMap((g) => g.rules)
    expect(rules.filter((r) => r.record).map((r) => r.record)).toEqual([
      'slo:sli_error:ratio_rate5m',
      'slo:sli_error:ratio_rate1h',
      'slo:sli_error:ratio_rate30m',
      'slo:sli_error:ratio_rate6h',
      'slo:sli_error:ratio_rate3d'
    ])
    const ticketRule = rules.find((r) => r.alert === 'CheckoutAvailabilityErrorBudgetBurnTicket')!
    expect(ticketRule.labels.severity).toBe('ticket')
    expect(ticketRule.expr).toBe(
      '(slo:sli_error:ratio_rate3d{slo="checkout-availability"} > (1 * (1 - 0.999)) and slo:sli_error:ratio_rate6h{slo="checkout-availability"} > (1 * (1 - 0.999)))'
    )
  })

  test('a page alert at the wrong burn rate is misaligned', async () => {
    const ctx = withRuleFile(ruleFile({ fastFactor: '10' }))
    const { alignment, suggestedRulesYaml } = await checkSloAlignment(ctx)
    const fast = alignment.findings.find((f) => f.kind === 'page' && f.expected.includes('1h'))!
    expect(fast.status).toBe('misaligned')
    expect(fast.found).toMatchObject({ rule: 'CheckoutBudgetBurnFast', factor: 10 })
    expect(fast.reason).toContain('fires at 10x (error ratio 0.01), expected 14.4x (error ratio 0.0144)')
    expect(alignment.findings.find((f) => f.kind === 'page' && f.expected.includes('6h'))!.status).toBe('aligned')
    expect(suggestedRulesYaml).toContain('14.4 * (1 - 0.999)')
  })

  test('within the tolerance, a rounded threshold still aligns', async () => {
    const ctx = withRuleFile(ruleFile({ fastFactor: '14' }))
    const { alignment } = await checkSloAlignment(ctx)
    expect(alignment.findings.every((f) => f.status === 'aligned')).toBe(true)
  })

  test('the suggested rules, loaded into Prometheus, are aligned', async () => {
    const ctx = withRuleFile('groups: []\n')
    const first = await checkSloAlignment(ctx)
    expect(first.alignment.findings.map((f) => f.status)).toEqual(['missing', 'missing', 'missing', 'missing', 'missing'])
    const prom = await prometheusWith(first.suggestedRulesYaml!)
    const live = makeContext(
      { slos: [SLO], backends: { prom: { type: 'prometheus', url: prom.url } }, alerting: { 'rules-backend': 'prom' } },
      { services }
    )
    const second = await checkSloAlignment(live)
    expect(second.alignment.findings.map((f) => [f.kind, f.status])).toEqual([
      ['page', 'aligned'],
      ['page', 'aligned'],
      ['ticket', 'aligned'],
      ['service_page', 'aligned'],
      ['absent', 'aligned']
    ])
  })

  test('no rules source: not verified, never aligned', async () => {
    const { alignment } = await checkSloAlignment(makeContext({ slos: [SLO] }, { services }))
    expect(alignment.findings).toEqual([])
    expect(alignment.not_verified_reason).toMatch(/no alert rules source configured/)
  })

  test('rules backend down: findings are errors, not missing', async () => {
    const port = await freePort()
    const ctx = makeContext(
      {
        slos: [SLO],
        backends: { prom: { type: 'prometheus', url: `http://127.0.0.1:${port}`, retries: 0 } },
        alerting: { 'rules-backend': 'prom' }
      },
      { services }
    )
    const { alignment } = await checkSloAlignment(ctx)
    expect(alignment.not_verified_reason).toMatch(/could not be read: prom: unreachable/)
    expect(alignment.findings.every((f) => f.status === 'error')).toBe(true)
  })
})
