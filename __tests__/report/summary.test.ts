import type { GateResult } from '../../src/gates/types.js'
import type { RunResult } from '../../src/protocol/run.js'
import { renderSummary, renderTerminal, SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js'
import type { ServiceAudit, SignalCoverage } from '../../src/telemetry/types.js'

const sig = (signal: SignalCoverage['signal'], verified: boolean): SignalCoverage => ({ signal, mapped: true, verified, verdict: verified ? 'pass' : 'fail' })
const svc = (name: string, ok: boolean): ServiceAudit => ({
  service_name: name,
  critical: !ok,
  new: false,
  status: ok ? 'covered' : 'uncovered',
  metrics: sig('metrics', ok),
  logs: sig('logs', ok),
  traces: sig('traces', ok),
  synthetics: sig('synthetic', ok)
})
const gate = (id: 1 | 2 | 3 | 4, reasons: string[]): GateResult => ({
  id,
  name: `Gate ${id}`,
  status: reasons.length ? 'fail' : 'pass',
  reasons,
  errors: [],
  checks: [{ name: 'c', status: reasons.length ? 'fail' : 'pass', value: '1', threshold: '>= 1' }],
  evidence: []
})
const result = (services: ServiceAudit[], reasons: string[] = []): RunResult => ({
  status: reasons.length ? 'fail' : 'pass',
  gates: [gate(1, reasons), gate(2, []), gate(3, []), gate(4, [])],
  packageDir: '/tmp/pkg',
  artifacts: [],
  backlog: [],
  errors: [],
  audit: { audit_date: '', environment: 'p', coverage_completeness: 0, requests: 0, services, missing_coverage: [], source: 'built-in' }
})

describe('job summary', () => {
  test('text from evidence is escaped: no HTML, no mentions, no issue references, no table breaks', () => {
    const md = renderSummary(result([svc('<img src=x onerror=alert(1)>|x', false)], ['service @org/team broke #12 <script>alert(1)</script>']), {})
    expect(md).not.toContain('<img')
    expect(md).not.toContain('<script>')
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;\\|x')
    expect(md).not.toMatch(/(^|[^\u200d])@org/)
    expect(md).not.toMatch(/#12/)
  })

  test('stays under the runner limit with a huge fleet, keeping failing services and saying what was left out', () => {
    const services = Array.from({ length: 30000 }, (_, i) => svc(`service-with-a-rather-long-name-${String(i).padStart(5, '0')}`, i % 3 !== 0))
    const md = renderSummary(result(services, ['x']), {})
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(md).toMatch(/row\(s\) left out to fit the summary limit; the full matrix is in instrumentation-audit\.json/)
    expect(md).toContain('service-with-a-rather-long-name-00000')
    expect(md).not.toContain('service-with-a-rather-long-name-00001 ')
  })

  test('the terminal text lists gates, checks and reasons', () => {
    const text = renderTerminal(result([svc('checkout', true)], ['[ERROR] Missing telemetry coverage for critical service: payments.']))
    expect(text).toContain('Monitoring is NOT in place.')
    expect(text).toContain('Gate 1 Gate 1: FAIL')
    expect(text).toContain('  - [ERROR] Missing telemetry coverage for critical service: payments.')
  })
})
