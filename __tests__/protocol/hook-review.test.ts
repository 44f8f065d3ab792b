import type { AlertTest, AlertTestResults } from '../../src/alerting/types.js'
import { reviewAlertHook } from '../../src/protocol/hook-review.js'

const started = new Date('2026-12-01T10:00:00Z')
const now = new Date('2026-12-01T10:05:00Z')
const alertTest = (route: string, over: Partial<AlertTest> = {}): AlertTest => ({
  test_id: `t-${route}`,
  route,
  alert_name: 'SyntheticAlert',
  provider: 'alertmanager',
  expected_receiver: `${route}-oncall`,
  actual_receivers: [`${route}-oncall`],
  triggered_at: '2026-12-01T10:01:00Z',
  delivered_at: '2026-12-01T10:01:01Z',
  acknowledged_at: '2026-12-01T10:01:30Z',
  acknowledgement_time_seconds: 30,
  sla_seconds: 300,
  sla_met: true,
  status: 'passed',
  wait: { delivery: 'completed', acknowledgement: 'completed' },
  resolved: true,
  reason: 'acknowledged',
  ...over
})
const results = (tests: AlertTest[], over: Partial<AlertTestResults> = {}): AlertTestResults => ({
  test_date: '2026-12-01T10:01:00Z',
  approved: true,
  sla_target_seconds: 300,
  tests,
  overall_status: 'passed',
  sla_compliance: 100,
  source: 'alert-test-command',
  ...over
})

describe('alert-test-command review', () => {
  test('results from an earlier run are refused', () => {
    const r = reviewAlertHook({
      status: 'success',
      hook: results([alertTest('payments', { triggered_at: '2026-11-01T00:00:00Z' })], { test_date: '2026-11-01T00:00:00Z' }),
      live: results([alertTest('payments')], { source: 'built-in' }),
      routes: ['payments'],
      startedAt: started,
      now
    })
    expect(r.accepted).toBe(false)
    expect(r.refused).toEqual([
      'test_date 2026-11-01T00:00:00Z is before this run started (2026-12-01T10:00:00.000Z): not evidence of this run',
      'route payments triggered_at 2026-11-01T00:00:00Z is before this run started (2026-12-01T10:00:00.000Z): not evidence of this run'
    ])
  })

  test('a route left out is refused; a route the hook passed and the live test failed is a disagreement the live test decides', () => {
    const r = reviewAlertHook({
      status: 'success',
      hook: results([alertTest('payments')]),
      live: results([alertTest('payments', { status: 'failed', sla_met: false, reason: 'no receiver got it' }), alertTest('checkout')], {
        source: 'built-in'
      }),
      routes: ['payments', 'checkout'],
      startedAt: started,
      now
    })
    expect(r.refused).toEqual(['does not cover the configured route(s): checkout'])
    expect(r.disagreements).toEqual([
      'route payments: alert-test-command says passed, the live test says failed (no receiver got it); the live test decides'
    ])
  })

  test('a hook that wrote nothing is refused with its error', () => {
    const r = reviewAlertHook({
      status: 'failed (exit 3)',
      error: 'command exited 3',
      hook: undefined,
      live: results([]),
      routes: [],
      startedAt: started,
      now
    })
    expect(r).toMatchObject({ accepted: false, refused: ['command exited 3'] })
  })
})
