/**
 * Backtest of the alert rules over a backfilled week (real Prometheus, blocks from promtool):
 * known incidents, known error bursts and a known ALERTS history give exact firing intervals,
 * precision, recall, detection and reset times and proposed factors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { backtestAlerts, type BacktestInput } from '../../src/assurance/backtest/backtest.js'
import { dataSpans } from '../../src/assurance/backtest/data-coverage.js'
import { withBacktest } from '../../src/assurance/backtest/feed.js'
import { correlate } from '../../src/assurance/tuning.js'
import { renderTuningReport } from '../../src/report/tuning.js'
import { evaluateRule, firingIntervals, pickValue } from '../../src/assurance/backtest/evaluate.js'
import { burnSignal, canonical, expandRecordings, metricNames, selectors } from '../../src/assurance/backtest/promql.js'
import type { AlertBacktest } from '../../src/artifacts/contracts/alert-backtest.js'
import type { Incident } from '../../src/assurance/types.js'
import { validateAgainst } from '../../src/package/schemas.js'
import { backfill, startPrometheus, type RunningBackend } from '../harness/backends.js'
import { makeContext, service } from '../harness/context.js'

const MIN = 60
const HOUR = 3600
const DAY = 86400
const END = Math.floor(Date.now() / 1000 / HOUR) * HOUR - 2 * HOUR
const START = END - 7 * DAY
const T0 = END - 6 * DAY // first sample: the data covers 6 of the 7 days
const INC1 = T0 + DAY + 10 * HOUR // payments: 50% errors for 1 h
const INC2 = T0 + 3 * DAY + 4 * HOUR // payments: 1% errors (burn 10) for 3 h
const INC3 = T0 + 2 * DAY + 8 * HOUR // checkout: 20% errors for 30 min
const SPIKE = T0 + 4 * DAY + 12 * HOUR // checkout: 10% errors for 10 min, no incident
const within = (t: number, from: number, minutes: number): boolean => t > from && t <= from + minutes * MIN

/** Errors per minute ending at t. Payments serves 500 requests a minute, checkout 100. */
const paymentsErrors = (t: number): number => (within(t, INC1, 60) ? 250 : within(t, INC2, 180) ? 5 : 1)
const checkoutErrors = (t: number): number => (within(t, INC3, 30) ? 20 : within(t, SPIKE, 10) ? 10 : 0)

function openMetrics(): string {
  const lines = ['# TYPE http_requests counter']
  const counter = (labels: string, perMinute: (t: number) => number): void => {
    let v = 1_000_000
    for (let t = T0; t <= END; t += MIN) {
      if (t > T0) v += perMinute(t)
      lines.push(`http_requests_total{${labels}} ${v} ${t}`)
    }
  }
  counter('service="payments",code="500"', paymentsErrors)
  counter('service="payments",code="200"', (t) => 500 - paymentsErrors(t))
  counter('service="checkout",code="500"', checkoutErrors)
  counter('service="checkout",code="200"', (t) => 100 - checkoutErrors(t))
  // A recording rule that has recorded all along: read as recorded, not expanded.
  lines.push('# TYPE service:up:ok gauge')
  for (let t = T0; t <= END; t += MIN) lines.push(`service:up:ok{service="payments"} 1 ${t}`)
  // For the data-coverage parity: one lone sample, and a metric with a two-day gap.
  lines.push('# TYPE lone_metric gauge', `lone_metric 1 ${T0 + 2 * DAY + 17}`)
  lines.push('# TYPE gappy_metric gauge')
  for (let t = T0; t <= END; t += MIN) if (t < T0 + DAY || t > T0 + 3 * DAY + 41) lines.push(`gappy_metric 1 ${t}`)
  // What actually fired: the page alert during the first incident, nothing else.
  lines.push('# TYPE ALERTS gauge')
  for (let t = INC1 + 4 * MIN; t <= INC1 + 64 * MIN; t += MIN)
    lines.push(`ALERTS{alertname="PaymentsErrorBudgetBurn",alertstate="firing",service="payments",severity="page"} 1 ${t}`)
  lines.push('# EOF')
  return lines.join('\n') + '\n'
}

const ratio = (w: string): string =>
  `sum(rate(http_requests_total{service="payments",code=~"5.."}[${w}])) / sum(rate(http_requests_total{service="payments"}[${w}]))`
const LOADED_RULES = `groups:
  - name: payments-slo
    interval: 1m
    rules:
      - alert: PaymentsErrorBudgetBurn
        expr: ${ratio('1h')} > 14.4 * 0.001 and ${ratio('5m')} > 14.4 * 0.001
        for: 2m
        labels: { severity: page, service: payments }
      - alert: PaymentsTelemetryAbsent
        expr: absent(up{job="payments"})
        for: 10m
        labels: { severity: page, service: payments }
  - name: checkout
    interval: 1m
    rules:
      - record: service:http_errors:ratio_rate5m
        expr: sum by (service) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (service) (rate(http_requests_total[5m]))
      - record: service:up:ok
        expr: max by (service) (up)
      - alert: PaymentsRecordedDown
        expr: service:up:ok{service="payments"} < 0.5
        labels: { severity: page, service: payments }
      - alert: CheckoutHighErrorRate
        expr: service:http_errors:ratio_rate5m{service="checkout"} > 0.05
        for: 5m
        labels: { severity: ticket }
`
/** The repository's rule file: the loaded page alert, plus one rule Prometheus never loaded. */
const REPO_RULES = `groups:
  - name: payments-slo
    interval: 1m
    rules:
      - alert: PaymentsErrorBudgetBurn
        expr: ${ratio('1h')} > 14.4 * 0.001 and ${ratio('5m')} > 14.4 * 0.001
        for: 2m
        labels: { severity: page, service: payments }
      - alert: PaymentsAnyErrors
        expr: sum(rate(http_requests_total{service="payments",code=~"5.."}[5m])) > 2.5
        labels: { severity: ticket, service: payments }
`

const iso = (s: number): string => new Date(s * 1000).toISOString()
const INCIDENTS: Incident[] = [
  { id: 'INC-1', service: 'payments', started_at: iso(INC1), resolved_at: iso(INC1 + HOUR), source: 'incidents.json' },
  { id: 'INC-2', service: 'payments', started_at: iso(INC2), resolved_at: iso(INC2 + 3 * HOUR), source: 'incidents.json' },
  { id: 'INC-3', service: 'checkout', started_at: iso(INC3), resolved_at: iso(INC3 + 30 * MIN), source: 'incidents.json' },
  { id: 'INC-4', service: 'payments', started_at: iso(START + 6 * HOUR), resolved_at: iso(START + 7 * HOUR), source: 'incidents.json' }
]

describe('backtest over a backfilled week', () => {
  let prom: RunningBackend
  let bt: AlertBacktest
  let input: BacktestInput

  beforeAll(async () => {
    const storageDir = backfill(openMetrics())
    prom = await startPrometheus({ storageDir, rules: { 'rules.yml': LOADED_RULES } })
    const workspace = mkdtempSync(join(tmpdir(), 'bt-ws-'))
    writeFileSync(join(workspace, 'alerts.yml'), REPO_RULES)
    const ctx = makeContext(
      {
        backends: { prom: { type: 'prometheus', url: prom.url } },
        alerting: { 'rules-backend': 'prom', 'rule-files': ['alerts.yml'] },
        incidents: { lookback: '7d' }
      },
      { services: [service('payments'), service('checkout')], now: new Date(END * 1000) }
    )
    ctx.workspace = workspace
    const { PrometheusClient } = await import('../../src/telemetry/prometheus/client.js')
    input = {
      ctx,
      prometheus: async () => new PrometheusClient('prom', ctx.config.backends.prom!, {}, ctx.log),
      incidents: INCIDENTS,
      incidentSources: [
        { name: 'incidents.json', kind: 'incidents', request: 'read incidents.json', status: 'ok', detail: '4 incident(s)', count: 4 }
      ],
      alignment: {
        checked_at: iso(END),
        rule_sources: ['prometheus:prom'],
        findings: [
          {
            slo: 'payments-availability',
            service: 'payments',
            kind: 'page',
            long_window: '1h',
            expected: 'page at 14.4x',
            status: 'aligned',
            reason: '',
            found: { rule: 'PaymentsErrorBudgetBurn', source: 'prometheus:prom', expr: '', factor: 14.4 }
          }
        ]
      }
    }
    bt = await backtestAlerts(input)
  }, 120_000)

  afterAll(async () => {
    await prom?.stop()
  })

  const rule = (name: string): AlertBacktest['rules'][number] => bt.rules.find((r) => r.name === name)!

  it('reads the rules in force once a run: after the alignment read them, the backtest asks no rules API of its own', async () => {
    const { fetchPrometheusRules } = await import('../../src/alerting/slo/rules.js')
    const ctx = { ...input.ctx, once: new Map<string, Promise<unknown>>() }
    const loaded = await fetchPrometheusRules(ctx, 'prom')
    expect(loaded.length).toBeGreaterThan(0)
    const again = await backtestAlerts({ ...input, ctx })
    expect(again.requests.rules_api).toBe(0)
    expect(again.requests.total).toBe(bt.requests.total - 1)
    expect(again.rules.map((r) => [r.name, r.loaded, r.status])).toEqual(bt.rules.map((r) => [r.name, r.loaded, r.status]))
    expect(again.rule_sources).toEqual(bt.rule_sources)
  })

  it('judges the rules the same when the incidents arrive after its queries went out (read beside alert tuning)', async () => {
    const late = <T>(x: T): Promise<T> => new Promise((done) => setTimeout(() => done(x), 300))
    const again = await backtestAlerts({
      ...input,
      incidents: late(await input.incidents),
      incidentSources: late(await input.incidentSources)
    })
    const judged = (b: AlertBacktest): unknown => ({ ...b, generated_at: null })
    expect(judged(again)).toEqual(judged(bt))
    expect(again.incident_sources).toHaveLength(1)
    // A failed read of the incidents fails the backtest, and only it.
    await expect(backtestAlerts({ ...input, incidents: Promise.reject(new Error('incidents unreadable')) })).rejects.toThrow(
      'incidents unreadable'
    )
  })

  it('writes a valid alert-backtest.json, one query per rule, and says how much of the lookback the data covered', () => {
    expect(validateAgainst('alert-backtest.schema.json', bt)).toEqual({ schema: 'alert-backtest.schema.json', valid: true, errors: [] })
    expect(bt.status).toBe('partial') // the absent-data rule has no data to be evaluated on
    // The data coverage: a coarse query and one over each end of the data (data_coverage 3).
    expect(bt.requests).toEqual({
      rules_api: 1,
      data_coverage: 3,
      alerts_history: 1,
      rule_queries: 4,
      label_values: 0,
      total: 9,
      rules_evaluated: 4
    })
    expect(bt.data.coverage.from).toBe(iso(T0))
    expect(bt.data.coverage.fraction).toBe(0.8571)
    expect(bt.history.status).toBe('ok')
    expect(rule('PaymentsTelemetryAbsent').status).toBe('no_data')
    expect(rule('PaymentsTelemetryAbsent').detail).toContain('no series of up')
  })

  it('the data coverage finds the first and last step with data that one query over the whole grid finds, at a fraction of the steps', async () => {
    const { PrometheusClient } = await import('../../src/telemetry/prometheus/client.js')
    const client = new PrometheusClient(
      'prom',
      { type: 'prometheus', url: prom.url, 'timeout-seconds': 10, retries: 0 } as never,
      {},
      makeContext({}).log
    )
    const names = ['http_requests_total', 'service:up:ok', 'ALERTS', 'lone_metric', 'gappy_metric', 'never_there']
    for (const step of [120, 300]) {
      const whole = new Map<string, { from: number; to: number }>()
      const one = await client.rangeQuery(
        `count by (__name__) ({__name__=~"${names.join('|')}"})`,
        new Date(START * 1000),
        new Date(END * 1000),
        step
      )
      for (const s of one.series) whole.set(s.labels.__name__!, { from: s.values[0]![0], to: s.values[s.values.length - 1]![0] })
      let asked = 0
      const { spans, queries } = await dataSpans(client, names, START, END, step, () => asked++)
      expect(spans).toEqual(whole)
      expect(whole.get('lone_metric')).toBeDefined()
      expect(spans.has('never_there')).toBe(false)
      expect(asked).toBe(queries.length)
      // The coarse query and one per distinct range of parts; far below the grid's 5,040 steps a series.
      expect(asked).toBeLessThanOrEqual(10)
    }
  })

  it('the page alert: for honoured, exact detection and reset, the missed slow burn, and the factor that would have caught it', () => {
    const r = rule('PaymentsErrorBudgetBurn')
    expect(r).toMatchObject({
      status: 'evaluated',
      kind: 'burn_rate',
      loaded: true,
      also_in: ['alerts.yml'],
      interval_seconds: 60,
      step_seconds: 60,
      for_seconds: 120,
      factors: [14.4],
      slo: 'payments-availability'
    })
    expect(r.coverage).toMatchObject({ from: iso(T0), to: iso(END), fraction: 0.8571 })
    expect(r.intervals.map((i) => [i.start, i.end, i.incidents])).toEqual([[iso(INC1 + 4 * MIN), iso(INC1 + 65 * MIN), ['INC-1']]])
    expect(r).toMatchObject({
      true_positives: 1,
      false_positives: 0,
      missed: 1,
      precision: 1,
      recall: 0.5,
      mean_detection_seconds: 240,
      mean_reset_seconds: 300
    })
    const byId = Object.fromEntries(r.incidents.map((o) => [o.id, o]))
    expect(byId['INC-1']).toMatchObject({ status: 'detected', detection_seconds: 240, reset_seconds: 300 })
    expect(byId['INC-2']).toMatchObject({ status: 'missed', detection_seconds: null })
    expect(byId['INC-2']!.peak!.factor).toBeCloseTo(10, 6)
    expect(byId['INC-4']!.status).toBe('outside_data')
    expect(byId['INC-3']).toBeUndefined() // another service's incident
    expect(r.history).toMatchObject({ status: 'agrees', agreement: 1, fired_seconds: 61 * MIN, backtest_seconds: 61 * MIN })
    expect(r.proposal).toMatchObject({
      change: 'factor 14.4 to 9.9',
      current_factors: [14.4],
      proposed_factors: [9.9],
      threshold_multiplier: 0.6875,
      proposed_thresholds: [0.0099]
    })
    expect(r.proposal!.peak_outside.factor).toBeCloseTo(2, 6)
    expect(r.proposal!.incidents.find((i) => i.id === 'INC-2')).toMatchObject({ caught_by_proposal: true })
    expect(r.proposal!.incidents.find((i) => i.id === 'INC-2')!.peak_factor).toBeCloseTo(10, 6)
  })

  it('a recording rule without history is expanded inline; a noisy alert gets a higher threshold; no ALERTS for it is flagged', () => {
    const r = rule('CheckoutHighErrorRate')
    expect(r.expansions).toEqual([
      { recording: 'service:http_errors:ratio_rate5m', inlined: true, reason: expect.stringContaining('no series in the lookback') }
    ])
    expect(r.query).not.toContain('service:http_errors:ratio_rate5m')
    expect(r.query).toContain('service="checkout"')
    expect(r.intervals.map((i) => [i.start, i.end, i.incidents])).toEqual([
      [iso(INC3 + 7 * MIN), iso(INC3 + 34 * MIN), ['INC-3']],
      [iso(SPIKE + 8 * MIN), iso(SPIKE + 13 * MIN), []]
    ])
    expect(r).toMatchObject({
      true_positives: 1,
      false_positives: 1,
      missed: 0,
      precision: 0.5,
      recall: 1,
      mean_detection_seconds: 420,
      mean_reset_seconds: 240
    })
    expect(r.history.status).toBe('disagrees')
    expect(r.history.detail).toContain('ALERTS shows no firing of CheckoutHighErrorRate')
    expect(r.proposal).toMatchObject({ change: 'threshold 0.05 to 0.11', threshold_multiplier: 2.2, proposed_thresholds: [0.11] })
    expect(r.proposal!.peak_outside.signal).toBeCloseTo(2, 6)
  })

  it('a recording rule with its own history is read as recorded; a quiet rule agrees with an ALERTS that never shows it', () => {
    const r = rule('PaymentsRecordedDown')
    expect(r).toMatchObject({
      status: 'evaluated',
      kind: 'condition',
      expansions: [],
      intervals: [],
      query: 'service:up:ok{service="payments"} < 0.5',
      proposal: null
    })
    expect(r.kind_reason).toContain('not a vector compared with a constant threshold')
    expect(r.history).toMatchObject({ status: 'agrees', agreement: 1, fired_seconds: 0 })
    expect(r.incidents.map((o) => [o.id, o.status])).toEqual([
      ['INC-1', 'missed'],
      ['INC-2', 'missed'],
      ['INC-4', 'outside_data']
    ])
  })

  it('a rule in the repository that the rules backend does not load: evaluated, and flagged against ALERTS', () => {
    const r = rule('PaymentsAnyErrors')
    expect(r).toMatchObject({ loaded: false, source: 'alerts.yml', for_seconds: 0 })
    expect(r.intervals.map((i) => [i.start, i.end])).toEqual([[iso(INC1 + 3 * MIN), iso(INC1 + 63 * MIN)]])
    expect(r.incidents.find((o) => o.id === 'INC-1')).toMatchObject({ detection_seconds: 180, reset_seconds: 180 })
    expect(r.history).toMatchObject({ status: 'disagrees' })
    expect(r.history.detail).toContain('not loaded')
    expect(r.proposal).toMatchObject({ change: 'threshold 2.5 to 0.083', proposed_thresholds: [0.083] })
    expect(r.proposal!.peak_outside.signal * 2.5).toBeCloseTo(1 / 60, 6) // the baseline: 1 error a minute
  })

  it('sums up over the rules: each incident counted once, at its fastest detection', () => {
    expect(bt.summary).toEqual({
      rules: 5,
      evaluated: 4,
      true_positives: 3,
      false_positives: 1,
      precision: 0.75,
      incidents: 3,
      detected: 2,
      recall: 0.6667,
      mean_detection_seconds: 300,
      disagreements: ['CheckoutHighErrorRate', 'PaymentsAnyErrors'],
      proposals: 3
    })
  })
  it('feeds the tuning report and the backlog: each proposal and each disagreement is an adjustment with its evidence', () => {
    const tuning = withBacktest(
      correlate({ episodes: [], incidents: INCIDENTS, sources: [], lookback: '7d', now: new Date(END * 1000) }),
      bt
    )
    const fromBacktest = tuning.adjustments.filter((a) => a.evidence?.some((e) => e.value.startsWith('alert-backtest.json')))
    expect(fromBacktest.map((a) => [a.target, a.change.split(' (')[0]])).toEqual([
      ['CheckoutHighErrorRate', 'threshold 0.05 to 0.11'],
      ['CheckoutHighErrorRate', 'reconcile the rule in force with what fired'],
      ['PaymentsErrorBudgetBurn', 'factor 14.4 to 9.9'],
      ['PaymentsAnyErrors', 'threshold 2.5 to 0.083'],
      ['PaymentsAnyErrors', 'reconcile the rule in force with what fired']
    ])
    const md = renderTuningReport(tuning)
    expect(md).toContain('## Backtest of the rules in force over history')
    expect(md).toContain('factor 14.4 to 9.9')
    expect(md).toContain('85.7%')
  })
})

describe('backtest building blocks', () => {
  it('reads an expression by its template in the expression own positions: literals of any length, escapes and raw strings', () => {
    const e = `max(rate(x{a="long value here",b='q'}[5m]) > 0.5) and y{c="\\"quo\\"ted\\"", d=\`raw\`} > 2`
    const sels = selectors(e)
    expect(sels.map((x) => e.slice(x.from, x.to))).toEqual([`x{a="long value here",b='q'}`, 'y{c="\\"quo\\"ted\\"", d=`raw`}'])
    expect(sels.map((x) => x.matchers.map((m) => m.value))).toEqual([
      ['long value here', 'q'],
      ['"quo"ted"', 'raw']
    ])
    const signal = burnSignal(e)
    expect('expr' in signal && signal.comparisons.map((c) => c.vector)).toEqual([
      `rate(x{a="long value here",b='q'}[5m])`,
      'y{c="\\"quo\\"ted\\"", d=`raw`}'
    ])
    const defs = new Map([
      ['rec:x', [{ name: 'rec:x', expr: 'sum(rate(raw{svc="abc"}[5m]))', labels: { team: 'pay-ments' }, intervalSeconds: 30 }]]
    ])
    expect(expandRecordings('rec:x{env="production-eu"}[1h] > 0 or on() rec:x{env="p"} > 1', defs, () => true).expr).toBe(
      '(label_replace(sum(rate(raw{svc="abc", env="production-eu"}[5m])), "team", "pay-ments", "", ""))[1h:30s] > 0 or on() (label_replace(sum(rate(raw{svc="abc", env="p"}[5m])), "team", "pay-ments", "", "")) > 1'
    )
  })

  it('reads the metric names of rules that differ only in label values from one parse, and a name written as a string from the rule itself', () => {
    const own = (expr: string): string[] => [...new Set(selectors(expr).flatMap((x) => (x.name ? [x.name] : [])))]
    const exprs = [
      'sum(rate(http_requests_total{service="a",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="a"}[5m])) > 0.01',
      'sum(rate(http_requests_total{service="b",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="b"}[5m])) > 0.01',
      '{__name__="up", job="a"} == 0',
      '{__name__="process_start_time_seconds", job="a"} == 0',
      '{"otel.metric.name", service="a"} > 1',
      '{"otel.other", service="a"} > 1',
      'absent(up{job="x"}) or label_replace(vector(1), "a", "b", "", "")',
      `max_over_time(slo:sli_error:ratio_rate1h{sloth_id='x-availability'}[1h:1m]) > 14.4 * 0.001`,
      'up{job="a\\"b"} == 0'
    ]
    for (const e of exprs) expect([e, metricNames(e)]).toEqual([e, own(e)])
    expect(metricNames(exprs[2]!)).toEqual(['up'])
    expect(metricNames(exprs[3]!)).toEqual(['process_start_time_seconds'])
    expect(metricNames(exprs[5]!)).toEqual(['otel.other'])
    // A syntax error is still reported where the rule as written has it.
    expect(() => metricNames('sum(rate(x{a="1"}[5m])')).toThrow(/syntax error/)
  })

  it('spells a rule the same however it is written (spacing, matcher order), and keeps label values apart', () => {
    const a = canonical('sum by (service) (rate(http_requests_total{service="a",code=~"5.."}[5m]))')
    expect(canonical('sum by(service)(rate(http_requests_total{code=~"5..", service="a"}[5m]))')).toBe(a)
    // Same shape, other values: one parse between them, different spellings.
    const b = canonical('sum by (service) (rate(http_requests_total{service="b",code=~"5.."}[5m]))')
    expect(b).not.toBe(a)
    expect(b).toBe(a.replace('"a"', '"b"'))
    expect(canonical("up{job='x # not a comment'} # a comment")).toContain("'x # not a comment'")
    // Unreadable: the text with its spaces folded.
    expect(canonical('sum(  rate(x[5m]')).toBe('sum( rate(x[5m]')
  })

  it('turns and/or of comparisons into a burn signal, and refuses what it cannot read', () => {
    const s = burnSignal('a > 14.4 * 0.001 and b > (14.4 * (1 - 0.999))')
    if (!('expr' in s)) throw new Error(s.reason)
    expect(s.comparisons.map((c) => [c.vector, c.op])).toEqual([
      ['a', '>'],
      ['b', '>']
    ])
    for (const c of s.comparisons) expect(c.threshold).toBeCloseTo(0.0144, 12)
    expect(s.expr).toBe(
      '(((a) / 0.014400000000000001) <= ((b) / 0.014400000000000013) or ((b) / 0.014400000000000013) < ((a) / 0.014400000000000001))'
    )
    expect(burnSignal('0.5 < x')).toMatchObject({ comparisons: [{ vector: 'x', threshold: 0.5 }] })
    // Sloth's shape: max(... > threshold) without (sloth_window), and-joined.
    const sloth = burnSignal(
      '(max(slo:sli_error:ratio_rate5m{sloth_id="a"} > (14.4 * 0.001)) without (sloth_window) and max(slo:sli_error:ratio_rate1h{sloth_id="a"} > (14.4 * 0.001)) without (sloth_window))'
    )
    if (!('expr' in sloth)) throw new Error(sloth.reason)
    expect(sloth.comparisons).toHaveLength(2)
    expect(sloth.expr).toContain('max(((slo:sli_error:ratio_rate5m{sloth_id="a"}) / 0.014400000000000001)) without (sloth_window)')
    expect(selectors(sloth.expr)).toHaveLength(4) // parses as PromQL
    expect(burnSignal('min(x > 1)')).toMatchObject({ reason: expect.stringContaining('only max()') })
    expect(burnSignal('a > 1 unless b')).toMatchObject({ reason: expect.stringContaining('unless') })
    expect(burnSignal('a > bool 1')).toMatchObject({ reason: expect.stringContaining('modifiers') })
    expect(burnSignal('absent(up)')).toMatchObject({ reason: expect.stringContaining('FunctionCall') })
    expect(burnSignal('rate(x[5m]')).toMatchObject({ reason: expect.stringContaining('syntax error') })
  })

  it('expands a recording rule with its labels, pushed-down matchers, and as a subquery under a range', () => {
    const defs = new Map([
      ['job:err:rate5m', [{ name: 'job:err:rate5m', expr: 'sum by (service) (rate(e[5m]))', labels: { team: 'a' }, intervalSeconds: 30 }]]
    ])
    const flat = expandRecordings('job:err:rate5m{service="x", team="a"} > 1', defs, () => true)
    expect(flat.expr).toBe('(label_replace(sum by (service) (rate(e{service="x"}[5m])), "team", "a", "", "")) > 1')
    const ranged = expandRecordings('max_over_time(job:err:rate5m[1h])', defs, () => true)
    expect(ranged.expr).toBe('max_over_time((label_replace(sum by (service) (rate(e[5m])), "team", "a", "", ""))[1h:30s])')
    expect(expandRecordings('job:err:rate5m{team="b"}', defs, () => true).expansions[0]).toMatchObject({ inlined: false })
    expect(expandRecordings('job:err:rate5m offset 1h', defs, () => true).expansions[0]).toMatchObject({
      inlined: false,
      reason: expect.stringContaining('offset')
    })
    expect(selectors('{"metric.name", a="b"}')[0]).toMatchObject({ name: 'metric.name', matchers: [{ label: 'a', op: '=', value: 'b' }] })
  })

  it('honours for and keep_firing_for as Prometheus does', () => {
    const v = Float64Array.from([0, 2, 2, 2, 0, 2, 0, 0, 0, 2, 2])
    expect(firingIntervals(v, 0, 60, 120, 0, false)).toEqual([{ start: 180, end: 240, open: false }])
    expect(firingIntervals(v, 0, 60, 0, 120, false)).toEqual([
      { start: 60, end: 480, open: false },
      { start: 540, end: 600, open: true }
    ])
  })

  it('a condition without a threshold (absent(), a comparison of two series) fires where it has a sample, after its for', () => {
    const at = (ts: number[]): Array<[number, number]> => ts.map((t) => [t, 1])
    const judged = evaluateRule({
      series: [{ labels: { service: 'api' }, values: at([120, 180, 240, 300, 600]) }],
      from: 0,
      to: 900,
      stepSeconds: 60,
      forSeconds: 120,
      keepFiringForSeconds: 0,
      mode: 'presence',
      inclusive: false,
      serviceLabel: 'service',
      ruleLabels: {},
      ruleServices: ['api'],
      incidents: [],
      thresholds: [],
      factors: [],
      resetTailSeconds: 300
    })
    expect(judged.intervals.map((i) => [i.start, i.end])).toEqual([['1970-01-01T00:04:00.000Z', '1970-01-01T00:06:00.000Z']])
  })

  it('picks a short value inside the allowed range', () => {
    expect(pickValue(2, 10, true, false)).toBe(9.9)
    expect(pickValue(2, 10.000000000000002, true, false)).toBe(9.9)
    expect(pickValue(2, 9.999999999999998, true, false)).toBe(9.9)
    expect(pickValue(9.85, 9.9, true, false)).toBe(9.89)
    expect(pickValue(0.1, 0.2, false, false)).toBe(0.11)
    expect(pickValue(2, 9.7, true, false)).toBe(9.6)
  })
})
