/**
 * The drill's pure parts: input series from the SLO's queries, promtool's report read back, and
 * gate 2's reading of the result.
 */
import { drillGate } from '../../src/alerting/drill/gate.js'
import { parseLabelSet, parsePromtoolOutput, routesWithDrillLabels } from '../../src/alerting/drill/run.js'
import { sloSeries } from '../../src/alerting/drill/series.js'
import type { DetectionDrill, DrillScenario } from '../../src/artifacts/contracts/detection-drill.js'

const base = { name: 'x', service: 'checkout', objective: 99.9, window: '30d' }

describe('drill input series from the SLO queries', () => {
  test.each([
    [
      'error/total over one metric',
      {
        'error-query': 'sum(rate(http_requests_total{service="checkout",code=~"5.."}[$window]))',
        'total-query': 'sum(rate(http_requests_total{service="checkout"}[$window]))'
      },
      [
        ['http_requests_total', { service: 'checkout', code: '500' }, 'bad'],
        ['http_requests_total', { service: 'checkout' }, 'good']
      ]
    ],
    [
      'good/total with a negative matcher',
      {
        'good-query': 'sum(rate(http_requests_total{job="api",code!~"5..|429"}[$window]))',
        'total-query': 'sum(rate(http_requests_total{job="api"}[$window]))'
      },
      [
        ['http_requests_total', { job: 'api', code: '500' }, 'bad'],
        ['http_requests_total', { job: 'api', code: '200' }, 'good']
      ]
    ],
    [
      'latency: a bucket over a count (two metrics)',
      {
        'good-query': 'sum(rate(http_request_duration_seconds_bucket{service="checkout",le="0.3"}[$window]))',
        'total-query': 'sum(rate(http_request_duration_seconds_count{service="checkout"}[$window]))'
      },
      [
        ['http_request_duration_seconds_bucket', { service: 'checkout', le: '0.3' }, 'good'],
        ['http_request_duration_seconds_count', { service: 'checkout' }, 'total']
      ]
    ]
  ])('%s', (_name, queries, want) => {
    const s = sloSeries({ ...base, ...queries } as never, 'service', { service: 'checkout' })
    expect(typeof s).not.toBe('string')
    if (typeof s === 'string') return
    expect(s.series.map((x) => [x.metric, x.labels, x.role])).toEqual(want)
  })

  test('queries that cannot be burned say why', () => {
    expect(sloSeries({ ...base, 'total-query': 'sum(rate(a[$window]))' } as never, 'service', {})).toMatch(
      /no total-query with an error-query or good-query/
    )
    expect(
      sloSeries(
        { ...base, 'error-query': 'sum(rate(a[$window])) + sum(rate(b[$window]))', 'total-query': 'sum(rate(c[$window]))' } as never,
        'service',
        {}
      )
    ).toMatch(/the error query reads 2 metrics \(a, b\)/)
  })
})

describe("promtool's report read back", () => {
  const stderr = `  FAILED:
    name: slo0-outage,
    alertname: CheckoutBurn, time: 6h3m, 
        exp:[], 
        got:[
            0:
              Labels:{alertname="CheckoutBurn", service="check\\"out", severity="page"}
              Annotations:{summary="x"}
            ]
    expr: "label_replace(count(present_over_time(x[2m])), \\"drill_group\\", \\"slo0-outage\\", \\"\\", \\"\\")", time: 7h2m,
        exp: nil
        got: {drill_group="slo0-outage"} 1E+00
`
  test('firings by group, and a group without its control is an error', () => {
    const r = parsePromtoolOutput(stderr, ['slo0-outage', 'slo0-below_1h'])
    expect(r.get('slo0-outage')).toEqual({
      firings: [{ alertname: 'CheckoutBurn', time: 21780, labels: { alertname: 'CheckoutBurn', service: 'check"out', severity: 'page' } }]
    })
    expect(r.get('slo0-below_1h')!.error).toMatch(/^promtool did not evaluate the group to its last check/)
  })
  test('label sets', () => {
    expect(parseLabelSet('{a="b", c="d\\\\e"}')).toEqual({ a: 'b', c: 'd\\e' })
  })
})

const scenario = (over: Partial<DrillScenario>): DrillScenario => ({
  name: 'outage',
  burn_rate: 1000,
  error_ratio: 1,
  expectation: 'must_fire',
  severities: ['page'],
  window_seconds: 3720,
  resolution_seconds: 60,
  input_covers_seconds: 3840,
  fired: true,
  detection_seconds: 60,
  status: 'passed',
  reason: 'fired',
  ...over
})
const drill = (over: Partial<DetectionDrill>): DetectionDrill => ({
  run_at: '2026-12-01T00:00:00Z',
  status: 'passed',
  required: false,
  promtool: { path: '/usr/bin/promtool' },
  amtool: null,
  targets: [
    {
      kind: 'slo',
      slo: 'a',
      service: 'checkout',
      alerts: ['A'],
      recording_rules: 0,
      series: [],
      status: 'passed',
      reason: '',
      scenarios: [scenario({})]
    }
  ],
  requests: { alertmanager: 1, promtool_runs: 1, amtool_runs: 1 },
  duration_ms: 1,
  ...over
})

describe("gate 2's reading of the drill", () => {
  test('all as expected passes; a failed scenario fails with its reason; an error is an error', () => {
    expect(drillGate(drill({}))).toEqual({
      check: expect.objectContaining({ status: 'pass', value: '1/1 scenarios as expected' }),
      reasons: [],
      errors: []
    })
    const failed = drillGate(
      drill({
        targets: [{ ...drill({}).targets[0]!, scenarios: [scenario({ status: 'failed', reason: 'no page alert fired within 1h2m' })] }]
      })
    )
    expect(failed.check!.status).toBe('fail')
    expect(failed.reasons).toEqual(['detection drill, SLO a (checkout), outage: no page alert fired within 1h2m'])
    const error = drillGate(
      drill({ targets: [{ ...drill({}).targets[0]!, scenarios: [scenario({ status: 'error', reason: 'promtool could not run' })] }] })
    )
    expect(error.check!.status).toBe('error')
    expect(error.errors).toHaveLength(1)
  })

  test('not run fails the gate only when required', () => {
    const notRun = {
      status: 'not_run' as const,
      promtool: null,
      targets: [],
      not_run_reason: 'promtool is not on PATH',
      install_hint: 'sudo apt-get install -y prometheus'
    }
    expect(drillGate(drill(notRun))).toEqual({ reasons: [], errors: [] })
    const req = drillGate(drill({ ...notRun, required: true }))
    expect(req.check!.status).toBe('fail')
    expect(req.reasons[0]).toBe(
      'detection drill not run (drill.required): promtool is not on PATH; install: sudo apt-get install -y prometheus'
    )
  })

  test('an SLO with nothing to drill fails', () => {
    const g = drillGate(
      drill({
        targets: [
          {
            kind: 'slo',
            slo: 'a',
            service: 'checkout',
            alerts: [],
            recording_rules: 0,
            series: [],
            status: 'failed',
            reason: 'no page alert about this SLO can be drilled',
            scenarios: []
          }
        ]
      })
    )
    expect(g.check!.status).toBe('fail')
    expect(g.reasons).toEqual(['detection drill, SLO a (checkout): no page alert about this SLO can be drilled'])
  })
})

describe('the gate 2 synthetic alert carries what the rule fired with', () => {
  test('a route the drill reached gets the fired labels; others keep theirs', () => {
    const labels = { alertname: 'CheckoutBurn', service: 'checkout', severity: 'page', slo: 'checkout-availability' }
    const d = drill({
      targets: [
        {
          ...drill({}).targets[0]!,
          scenarios: [
            scenario({
              alert: { alertname: 'CheckoutBurn', labels },
              routing: {
                route: 'checkout-page',
                expected_receiver: 'checkout-oncall',
                actual_receivers: ['checkout-oncall'],
                status: 'passed',
                reason: ''
              }
            })
          ]
        }
      ]
    })
    const routes = [
      { name: 'checkout-page', labels: { service: 'checkout', severity: 'page' }, 'expect-receiver': 'checkout-oncall' },
      { name: 'payments-page', labels: { service: 'payments', severity: 'page' }, 'expect-receiver': 'payments-oncall' }
    ]
    expect(routesWithDrillLabels(routes, d)).toEqual([{ ...routes[0], labels }, routes[1]])
    expect(routesWithDrillLabels(routes, undefined)).toEqual(routes)
  })
})
