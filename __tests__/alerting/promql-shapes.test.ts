/**
 * Real-world rule shapes read with the PromQL grammar: Sloth- and Pyrra-generated rules, the SRE
 * Workbook's forms, hand-written rules (without/by, on()/ignoring, clamp_min, the burn-rate and
 * 1 - good/total forms), absent_over_time, recording rules, and expressions that cannot be read.
 * Each row gives the facts the analysis must extract and the alignment it must reach.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseRuleFile, checkSloAlignment } from '../../src/alerting/slo/rules.js'
import { RuleSet } from '../../src/alerting/slo/rule-set.js'
import { formatDuration, parsePromql, PromqlError } from '../../src/alerting/slo/promql.js'
import { makeContext, service } from '../harness/context.js'

const slothRecording = (id: string, svc: string, w: string): string => `      - record: slo:sli_error:ratio_rate${w}
        expr: |
          (sum(rate(http_request_duration_seconds_count{job="${svc}",code=~"(5..|429)"}[${w}])))
          /
          (sum(rate(http_request_duration_seconds_count{job="${svc}"}[${w}])))
        labels: { sloth_id: ${id}, sloth_service: ${svc}, sloth_slo: requests-availability, sloth_window: ${w} }`

const slothAlert = (
  id: string,
  svc: string,
  page: [number, number],
  budget: string
): string => `      - alert: ${svc}-RequestsAvailabilityPage
        expr: |
          (
              max(slo:sli_error:ratio_rate5m{sloth_id="${id}", sloth_service="${svc}", sloth_slo="requests-availability"} > (${page[0]} * ${budget})) without (sloth_window)
              and
              max(slo:sli_error:ratio_rate1h{sloth_id="${id}", sloth_service="${svc}", sloth_slo="requests-availability"} > (${page[0]} * ${budget})) without (sloth_window)
          )
          or
          (
              max(slo:sli_error:ratio_rate30m{sloth_id="${id}", sloth_service="${svc}", sloth_slo="requests-availability"} > (${page[1]} * ${budget})) without (sloth_window)
              and
              max(slo:sli_error:ratio_rate6h{sloth_id="${id}", sloth_service="${svc}", sloth_slo="requests-availability"} > (${page[1]} * ${budget})) without (sloth_window)
          )
        labels: { sloth_id: ${id}, sloth_service: ${svc}, sloth_slo: requests-availability, sloth_severity: page, team: ${svc} }
      - alert: ${svc}-RequestsAvailabilityTicket
        expr: |
          (
              max(slo:sli_error:ratio_rate2h{sloth_id="${id}", sloth_service="${svc}", sloth_slo="requests-availability"} > (3 * ${budget})) without (sloth_window)
              and
              max(slo:sli_error:ratio_rate1d{sloth_id="${id}", sloth_service="${svc}", sloth_slo="requests-availability"} > (3 * ${budget})) without (sloth_window)
          )
          or
          (
              max(slo:sli_error:ratio_rate6h{sloth_id="${id}", sloth_service="${svc}", sloth_slo="requests-availability"} > (1 * ${budget})) without (sloth_window)
              and
              max(slo:sli_error:ratio_rate3d{sloth_id="${id}", sloth_service="${svc}", sloth_slo="requests-availability"} > (1 * ${budget})) without (sloth_window)
          )
        labels: { sloth_id: ${id}, sloth_service: ${svc}, sloth_slo: requests-availability, sloth_severity: ticket }`

const SLOTH = `groups:
  - name: sloth-slo-sli-recordings-api-requests-availability
    rules:
${['5m', '30m', '1h', '2h', '6h', '1d', '3d'].map((w) => slothRecording('api-requests-availability', 'api', w)).join('\n')}
${['5m', '30m', '1h', '2h', '6h', '1d', '3d'].map((w) => slothRecording('web-requests-availability', 'web', w)).join('\n')}
      - record: slo:error_budget:ratio
        expr: vector(1-0.999)
        labels: { sloth_id: api-requests-availability, sloth_service: api, sloth_slo: requests-availability }
  - name: sloth-slo-alerts-api-requests-availability
    rules:
${slothAlert('api-requests-availability', 'api', [14.4, 6], '0.0009999999999999432')}
${slothAlert('web-requests-availability', 'web', [20, 6], '0.0009999999999999432')}
`

const pyrraRecording = (w: string): string => `      - record: http_requests:burnrate${w}
        expr: sum(rate(http_requests_total{code=~"5..",job="pyrra"}[${w}])) / sum(rate(http_requests_total{job="pyrra"}[${w}]))
        labels: { job: pyrra, slo: pyrra-api-errors }`
const pyrraAlert = (factor: number, long: string, short: string, severity: string): string => `      - alert: ErrorBudgetBurn
        expr: http_requests:burnrate${short}{job="pyrra",slo="pyrra-api-errors"} > (${factor} * (1-0.99)) and http_requests:burnrate${long}{job="pyrra",slo="pyrra-api-errors"} > (${factor} * (1-0.99))
        for: 2m
        labels: { exhaustion: 2d, long: ${long}, severity: ${severity}, short: ${short}, job: pyrra, slo: pyrra-api-errors }`
const PYRRA = `groups:
  - name: pyrra-api-errors
    interval: 30s
    rules:
${['5m', '30m', '1h', '2h', '6h', '1d', '4d'].map(pyrraRecording).join('\n')}
${pyrraAlert(14, '1h', '5m', 'critical')}
${pyrraAlert(7, '6h', '30m', 'critical')}
${pyrraAlert(2, '1d', '2h', 'warning')}
${pyrraAlert(1, '4d', '6h', 'warning')}
`

const WORKBOOK = `groups:
  - name: workbook
    rules:
${['5m', '30m', '1h', '6h', '3d']
  .map(
    (w) => `      - record: job:slo_errors_per_request:ratio_rate${w}
        expr: sum(rate(slo_errors[${w}])) by (job) / sum(rate(slo_requests[${w}])) by (job)`
  )
  .join('\n')}
      - alert: ErrorBudgetBurn
        expr: |
          (
            job:slo_errors_per_request:ratio_rate1h{job="myjob"} > (14.4*0.001)
          and
            job:slo_errors_per_request:ratio_rate5m{job="myjob"} > (14.4*0.001)
          )
          or
          (
            job:slo_errors_per_request:ratio_rate6h{job="myjob"} > (6*0.001)
          and
            job:slo_errors_per_request:ratio_rate30m{job="myjob"} > (6*0.001)
          )
        labels: { severity: page }
      - alert: ErrorBudgetBurnTicket
        expr: job:slo_errors_per_request:ratio_rate3d{job="myjob"} > 0.001 and job:slo_errors_per_request:ratio_rate6h{job="myjob"} > 0.001
        labels: { severity: ticket }
`

const HAND = `groups:
  - name: cart
    rules:
      - alert: CartFastBurn
        expr: |
          sum without (instance, code) (rate(http_requests_total{service="cart",code=~"5.."}[1h]))
            / ignoring (code) clamp_min(sum without (instance, code) (rate(http_requests_total{service="cart"}[1h])), 1)
            > 14.4 * 0.001
          and on (service)
          sum by (service) (rate(http_requests_total{service="cart",code=~"5.."}[5m])) / sum by (service) (rate(http_requests_total{service="cart"}[5m])) > 14.4 * 0.001
        labels: { severity: page }
      - alert: CartSlowBurn
        expr: (sum(increase(http_requests_total{service="cart",code=~"5.."}[6h])) / sum(increase(http_requests_total{service="cart"}[6h]))) / (1 - 0.999) > 6 and (sum(rate(http_requests_total{service="cart",code=~"5.."}[30m])) / sum(rate(http_requests_total{service="cart"}[30m]))) / 0.001 > 6
        labels: { severity: critical }
      - alert: CartTicket
        expr: 0.001 < 1 - (sum(rate(http_requests_total{service="cart",code!~"5.."}[3d])) / sum(rate(http_requests_total{service="cart"}[3d]))) unless on () absent(http_requests_total{service="cart"})
        labels: { severity: ticket, service: cart }
      - alert: CartTelemetryAbsent
        expr: absent_over_time(http_requests_total{service="cart"}[10m])
        for: 5m
        labels: { severity: page }
`

const UNREADABLE = `groups:
  - name: cart
    rules:
      - record: cart:threshold
        expr: vector(0.0144)
      - alert: CartThresholdFromSeries
        expr: sum(rate(http_requests_total{service="cart",code=~"5.."}[1h])) / sum(rate(http_requests_total{service="cart"}[1h])) > on() group_left cart:threshold
        labels: { severity: page, slo: cart-availability }
      - alert: CartBroken
        expr: sum(rate(http_requests_total{service="cart"}[6h]) >
        labels: { severity: page, service: cart }
      - alert: CartElsewhere
        expr: other:error_ratio:rate3d{service="cart"} > 0.001
        labels: { severity: ticket, service: cart }
`

interface Row {
  name: string
  rules: string
  slo: Record<string, unknown>
  services?: Parameters<typeof service>[]
  alerts: Record<
    string,
    {
      branches?: Array<{ thresholds: number[]; windows: string[]; shape?: string }>
      metrics?: string[]
      recordings?: number
      for?: number
      absent?: boolean
      problems?: RegExp[]
    }
  >
  alignment: Array<[string, string, string, string | undefined]>
}

const ROWS: Row[] = [
  {
    name: 'Sloth-generated rules (two SLOs sharing the recording names)',
    rules: SLOTH,
    slo: {
      name: 'api-requests-availability',
      service: 'api',
      objective: 99.9,
      'error-query': 'sum(rate(http_request_duration_seconds_count{job="api",code=~"(5..|429)"}[$window]))',
      'total-query': 'sum(rate(http_request_duration_seconds_count{job="api"}[$window]))'
    },
    services: [['api', { selector: { job: 'api' } }]],
    alerts: {
      'api-RequestsAvailabilityPage': {
        branches: [
          { thresholds: [14.4 * 0.0009999999999999432, 14.4 * 0.0009999999999999432], windows: ['5m', '1h'], shape: 'errors/total' },
          { thresholds: [6 * 0.0009999999999999432, 6 * 0.0009999999999999432], windows: ['30m', '6h'], shape: 'errors/total' }
        ],
        metrics: ['http_request_duration_seconds_count'],
        recordings: 4
      }
    },
    alignment: [
      ['page', '1h', 'aligned', 'api-RequestsAvailabilityPage'],
      ['page', '6h', 'aligned', 'api-RequestsAvailabilityPage'],
      ['ticket', '3d', 'aligned', 'api-RequestsAvailabilityTicket']
    ]
  },
  {
    name: 'Sloth-generated rules: the other SLO pages at 20x, resolved through its own sloth_id',
    rules: SLOTH,
    slo: {
      name: 'web-requests-availability',
      service: 'web',
      objective: 99.9,
      'error-query': 'sum(rate(http_request_duration_seconds_count{job="web",code=~"(5..|429)"}[$window]))',
      'total-query': 'sum(rate(http_request_duration_seconds_count{job="web"}[$window]))'
    },
    services: [['web', { selector: { job: 'web' } }]],
    alerts: { 'web-RequestsAvailabilityPage': { recordings: 4 } },
    alignment: [
      ['page', '1h', 'misaligned', 'web-RequestsAvailabilityPage'],
      ['page', '6h', 'aligned', 'web-RequestsAvailabilityPage'],
      ['ticket', '3d', 'aligned', 'web-RequestsAvailabilityTicket']
    ]
  },
  {
    name: 'Pyrra-generated rules (28-day window, its own 7x and 4d choices)',
    rules: PYRRA,
    slo: {
      name: 'pyrra-api-errors',
      service: 'pyrra',
      objective: 99,
      window: '28d',
      'error-query': 'sum(rate(http_requests_total{code=~"5..",job="pyrra"}[$window]))',
      'total-query': 'sum(rate(http_requests_total{job="pyrra"}[$window]))'
    },
    services: [['pyrra', { selector: { job: 'pyrra' } }]],
    alerts: {
      ErrorBudgetBurn: { branches: [{ thresholds: [0.14, 0.14], windows: ['5m', '1h'], shape: 'errors/total' }], for: 120, recordings: 2 }
    },
    alignment: [
      ['page', '1h', 'aligned', 'ErrorBudgetBurn'],
      ['page', '6h', 'misaligned', 'ErrorBudgetBurn'],
      ['ticket', '3d', 'misaligned', 'ErrorBudgetBurn']
    ]
  },
  {
    name: 'SRE Workbook: recording rules by (job), or-joined page windows',
    rules: WORKBOOK,
    slo: {
      name: 'myjob-availability',
      service: 'myjob',
      objective: 99.9,
      'error-query': 'sum(rate(slo_errors{job="myjob"}[$window]))',
      'total-query': 'sum(rate(slo_requests{job="myjob"}[$window]))'
    },
    services: [['myjob', { selector: { job: 'myjob' } }]],
    alerts: {
      ErrorBudgetBurn: {
        branches: [
          { thresholds: [0.0144, 0.0144], windows: ['1h', '5m'], shape: 'errors/total' },
          { thresholds: [0.006, 0.006], windows: ['6h', '30m'], shape: 'errors/total' }
        ],
        metrics: ['slo_errors', 'slo_requests'],
        recordings: 4
      }
    },
    alignment: [
      ['page', '1h', 'aligned', 'ErrorBudgetBurn'],
      ['page', '6h', 'aligned', 'ErrorBudgetBurn'],
      ['ticket', '3d', 'aligned', 'ErrorBudgetBurnTicket']
    ]
  },
  {
    name: 'hand-written: without/by, ignoring/on, clamp_min, burn-rate form, 1 - good/total, unless, absent_over_time',
    rules: HAND,
    slo: {
      name: 'cart-availability',
      service: 'cart',
      objective: 99.9,
      'good-query': 'sum(rate(http_requests_total{service="cart",code!~"5.."}[$window]))',
      'total-query': 'sum(rate(http_requests_total{service="cart"}[$window]))'
    },
    services: [['cart', { critical: true }]],
    alerts: {
      CartFastBurn: {
        branches: [{ thresholds: [0.0144, 0.0144], windows: ['1h', '5m'], shape: 'errors/total' }],
        metrics: ['http_requests_total'],
        recordings: 0
      },
      CartSlowBurn: { branches: [{ thresholds: [6, 6], windows: ['6h', '30m'], shape: 'burn rate (ratio / budget)' }] },
      CartTicket: { branches: [{ thresholds: [0.001], windows: ['3d'], shape: '1 - good/total' }], absent: true },
      CartTelemetryAbsent: { branches: [{ thresholds: [], windows: ['10m'] }], absent: true, for: 300 }
    },
    alignment: [
      ['page', '1h', 'aligned', 'CartFastBurn'],
      ['page', '6h', 'aligned', 'CartSlowBurn'],
      ['ticket', '3d', 'aligned', 'CartTicket'],
      ['service_page', '', 'aligned', 'CartFastBurn'],
      ['absent', '', 'aligned', 'CartTicket']
    ]
  },
  {
    name: 'what cannot be read is said, never guessed',
    rules: UNREADABLE,
    slo: {
      name: 'cart-availability',
      service: 'cart',
      objective: 99.9,
      'good-query': 'sum(rate(http_requests_total{service="cart",code!~"5.."}[$window]))',
      'total-query': 'sum(rate(http_requests_total{service="cart"}[$window]))'
    },
    alerts: {
      CartThresholdFromSeries: { problems: [/compares two series/] },
      CartBroken: { problems: [/not valid PromQL/] },
      CartElsewhere: { problems: [/other:error_ratio:rate3d, a recording rule that is not in the rule set/] }
    },
    alignment: [
      ['page', '1h', 'cannot_analyse', 'CartThresholdFromSeries'],
      ['page', '6h', 'cannot_analyse', 'CartThresholdFromSeries'],
      ['ticket', '3d', 'cannot_analyse', 'CartElsewhere']
    ]
  }
]

describe('rule shapes read with the PromQL grammar', () => {
  test.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const set = new RuleSet(parseRuleFile(row.rules, 'rules.yml'))
    for (const [alert, want] of Object.entries(row.alerts)) {
      const facts = set.alerts.find((a) => a.rule.name === alert)!
      expect(facts).toBeDefined()
      if (want.branches) {
        expect(
          facts.branches.map((b) => ({
            thresholds: b.comparisons.map((c) => Number(c.threshold.toPrecision(12))),
            windows: b.windows.map(formatDuration),
            ...(b.comparisons[0]?.shape ? { shape: b.comparisons[0].shape } : {})
          }))
        ).toEqual(want.branches.map((b) => ({ ...b, thresholds: b.thresholds.map((t) => Number(t.toPrecision(12))) })))
      }
      if (want.metrics) expect([...facts.metrics].sort()).toEqual(want.metrics)
      if (want.recordings !== undefined) expect(facts.recordings).toHaveLength(want.recordings)
      if (want.for !== undefined) expect(facts.forSeconds).toBe(want.for)
      if (want.absent !== undefined) expect(facts.usesAbsent).toBe(want.absent)
      if (want.problems) for (const p of want.problems) expect(facts.problems.join('\n')).toMatch(p)
      else expect(facts.problems).toEqual([])
    }

    const ctx = makeContext(
      { slos: [row.slo], alerting: { 'rule-files': ['rules/*.yml'] } },
      { services: (row.services ?? [[String(row.slo.service)]]).map(([n, o]) => service(n, o)) }
    )
    mkdirSync(join(ctx.workspace, 'rules'), { recursive: true })
    writeFileSync(join(ctx.workspace, 'rules', 'slo.yml'), row.rules)
    const { alignment } = await checkSloAlignment(ctx)
    expect(alignment.findings.map((f) => [f.kind, f.long_window ?? '', f.status, f.found?.rule])).toEqual(row.alignment)
    for (const f of alignment.findings.filter((x) => x.status === 'cannot_analyse')) expect(f.reason).toMatch(/^cannot analyse /)
  })

  test('an expression that is not PromQL says where', () => {
    expect(() => parsePromql('sum(rate(x[5m])')).toThrow(PromqlError)
    expect(() => parsePromql('rate(x[5m]) >')).toThrow(/at column/)
  })
})
