import { readFileSync } from 'node:fs'
import { parseValidation } from '../../src/evidence/load.js'
import { InputError, InputErrors } from '../../src/util/errors.js'

const FILE = 'post-deployment-validation.json'

function doc(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    validation_date: '2026-11-27T14:42:10Z',
    status: 'pass',
    validation_success_rate: 98,
    checks: {
      smoke_tests: { status: 'pass', tests_run: 10, tests_passed: 10, tests_failed: 0 },
      health_checks: { status: 'pass', services_checked: 3, services_healthy: 3, services_unhealthy: 0 },
      service_verifications: { status: 'pass', endpoints_verified: 4, endpoints_healthy: 4, endpoints_unhealthy: 0 }
    },
    metrics_snapshot: { api_latency_p95: 240, error_rate: 0.002, throughput: 1200 },
    ...overrides
  })
}

function messageOf(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    expect(err instanceof InputError || err instanceof InputErrors).toBe(true)
    return (err as Error).message
  }
  throw new Error('expected an error')
}

describe('parseValidation', () => {
  test('reads the example evidence', () => {
    const v = parseValidation(readFileSync('examples/evidence/post-deployment-validation.json', 'utf8'), FILE)
    expect(v.status).toBe('pass')
    expect(v.successRate).toBeCloseTo(0.985)
    expect(v.release).toEqual({ tag: 'v2.4.0', commit: '3f9c2ab71d4e5c08a6b2f1e9d7c3a5b4e6f80912', deploymentType: 'canary' })
    expect(v.services.map((s) => [s.name, s.critical, s.new])).toEqual([
      ['checkout', true, false],
      ['payments', true, true],
      ['catalog', false, false]
    ])
    expect(v.services[1]!.endpoints).toEqual(['http://127.0.0.1:18081/healthz'])
    expect(v.checks.find((c) => c.name === 'service_verifications')!.status).toBe('warn')
    // Non-numeric fields of a check ("notes") are not counts.
    expect(v.checks.find((c) => c.name === 'service_verifications')!.counts).toEqual({
      endpoints_verified: 7,
      endpoints_healthy: 7,
      endpoints_unhealthy: 0
    })
  })

  test.each([
    [98, 0.98],
    [0.98, 0.98],
    [100, 1],
    [1, 1],
    [0, 0],
    [99.95, 0.9995],
    [50, 0.5]
  ])('success rate %p is the fraction %p', (raw, fraction) => {
    expect(parseValidation(doc({ validation_success_rate: raw }), FILE).successRate).toBeCloseTo(fraction, 10)
  })

  test.each([
    ['PASS', 'pass'],
    ['passed', 'pass'],
    ['Success', 'pass'],
    ['failed', 'fail'],
    ['FAIL', 'fail'],
    ['warning', 'warn'],
    ['Warn', 'warn']
  ])('status %p is %p', (raw, status) => {
    const v = parseValidation(doc({ status: raw }), FILE)
    expect(v.status).toBe(status)
  })

  test('check status variants are normalised too', () => {
    const v = parseValidation(
      doc({ checks: { smoke_tests: { status: 'PASSED', tests_run: 2, tests_passed: 1, tests_failed: 1 }, db: { status: 'Warning' } } }),
      FILE
    )
    expect(v.checks.map((c) => c.status)).toEqual(['pass', 'warn'])
  })

  test('unknown checks are accepted and keep their numeric counts', () => {
    const v = parseValidation(doc({ checks: { migrations: { status: 'pass', migrations_applied: 3, note: 'fine' } } }), FILE)
    expect(v.checks).toEqual([{ name: 'migrations', status: 'pass', counts: { migrations_applied: 3 } }])
  })

  test('a UTF-8 BOM and CRLF line endings are accepted', () => {
    const text = '\uFEFF' + JSON.stringify(JSON.parse(doc()), null, 2).replace(/\n/g, '\r\n')
    expect(parseValidation(text, FILE).status).toBe('pass')
  })

  test('date-only and zone-less dates are ISO 8601 too', () => {
    expect(parseValidation(doc({ validation_date: '2026-11-27' }), FILE).validationDate).toBe('2026-11-27')
    expect(parseValidation(doc({ validation_date: '2026-11-27T14:42:10.123456' }), FILE).validationDate).toBe('2026-11-27T14:42:10.123456')
  })

  test('text fields keep HTML and @mentions verbatim', () => {
    const v = parseValidation(
      doc({ services: [{ name: 'payments', critical: true, new: true, endpoints: [], health: '<b>degraded</b> cc @payments-oncall' }] }),
      FILE
    )
    expect(v.services[0]!.health).toBe('<b>degraded</b> cc @payments-oncall')
  })

  test('several schema problems are reported together, each with pointer, expectation and value', () => {
    const msg = messageOf(() =>
      parseValidation(doc({ status: 'maybe', validation_success_rate: 140, metrics_snapshot: { error_rate: 'NaN' } }), FILE)
    )
    expect(msg).toContain(`${FILE} at /status: expected a status: pass, fail or warn`)
    expect(msg).toContain('found the string "maybe"')
    expect(msg).toContain(`${FILE} at /validation_success_rate:`)
    expect(msg).toContain('number 140')
    expect(msg).toContain(`${FILE} at /metrics_snapshot/error_rate: expected a finite number`)
  })

  test('counts that do not add up are reported with the numbers', () => {
    const msg = messageOf(() =>
      parseValidation(doc({ checks: { smoke_tests: { status: 'pass', tests_run: 10, tests_passed: 9, tests_failed: 3 } } }), FILE)
    )
    expect(msg).toContain('/checks/smoke_tests')
    expect(msg).toContain('tests_passed + tests_failed to be at most tests_run (10)')
    expect(msg).toContain('tests_passed 9 + tests_failed 3 = 12')
  })

  test('malformed JSON names line and column', () => {
    const msg = messageOf(() => parseValidation('{\n  "status": "pass",\n  "checks": {,}\n}', FILE))
    expect(msg).toMatch(/line 3, column 14: expected valid JSON, found the character ","/)
  })
})
