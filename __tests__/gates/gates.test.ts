import type { AlertTest, AlertTestResults, DashboardReport, SloAlignment } from '../../src/alerting/types.js'
import type { ObservabilitySchedule, TuningReport } from '../../src/assurance/types.js'
import { configSchema } from '../../src/config/schema.js'
import {
  evaluateAlertGate,
  evaluateAssuranceGate,
  evaluateHandoffGate,
  evaluateInstrumentationGate,
  type ApprovalView,
  type HandoffView
} from '../../src/gates/gates.js'
import type { MonitoringModel } from '../../src/model/monitoring-model.js'
import type { PackageManifest } from '../../src/package/manifest.js'
import type { InstrumentationAudit, ServiceAudit, SignalCoverage } from '../../src/telemetry/types.js'

const thresholds = configSchema.parse({ version: 1 }).gates
const T = '2026-11-27T12:00:00.000Z'

const signal = (
  s: SignalCoverage['signal'],
  verified = true,
  verdict: SignalCoverage['verdict'] = verified ? 'pass' : 'fail'
): SignalCoverage => ({
  signal: s,
  mapped: true,
  verified,
  verdict,
  measurement: verified
    ? undefined
    : {
        request: { backend: 'prom', method: 'POST', url: 'http://127.0.0.1:9090/api/v1/query' },
        value: null,
        started_at: T,
        finished_at: T,
        verdict,
        reason: verdict === 'error' ? 'unreachable (ECONNREFUSED)' : 'empty result'
      }
})

const service = (
  name: string,
  critical: boolean,
  missing: Partial<Record<'metrics' | 'logs' | 'traces' | 'synthetic', SignalCoverage['verdict']>> = {}
): ServiceAudit => ({
  service_name: name,
  critical,
  new: false,
  status: Object.keys(missing).length ? 'partial' : 'covered',
  metrics: signal('metrics', !missing.metrics, missing.metrics),
  logs: signal('logs', !missing.logs, missing.logs),
  traces: signal('traces', !missing.traces, missing.traces),
  synthetics: signal('synthetic', !missing.synthetic, missing.synthetic)
})

const model = (names: Array<[string, boolean]>): MonitoringModel => ({
  environment: 'production',
  release: { tag: 'v1' },
  serviceLabel: 'service',
  services: names.map(([name, critical]) => ({
    name,
    critical,
    new: false,
    selector: { service: name },
    endpoints: [],
    sources: ['config'],
    risks: []
  })),
  slos: []
})

const audit = (services: ServiceAudit[], extra: Partial<InstrumentationAudit> = {}): InstrumentationAudit => {
  const pairs = services.flatMap((s) => [s.metrics, s.logs, s.traces, s.synthetics])
  return {
    schema_version: 2,
    audit_date: T,
    environment: 'production',
    coverage_completeness: pairs.length ? (pairs.filter((p) => p.verified).length / pairs.length) * 100 : 0,
    requests: 3,
    services,
    missing_coverage: services.flatMap((s) =>
      [s.metrics, s.logs, s.traces, s.synthetics]
        .filter((p) => !p.verified)
        .map((p) => ({
          service: s.service_name,
          signal: p.signal,
          gap: 'no_data',
          priority: s.critical ? ('high' as const) : ('low' as const),
          detail: 'empty'
        }))
    ),
    source: 'built-in',
    ...extra
  }
}

describe('gate 1: instrumentation coverage', () => {
  const m = model([
    ['checkout', true],
    ['catalog', false]
  ])
  test('passes when every critical service has four fresh signals', () => {
    const g = evaluateInstrumentationGate({
      model: m,
      audit: audit([service('checkout', true), service('catalog', false)]),
      requirementsWritten: true,
      thresholds
    })
    expect(g.status).toBe('pass')
    expect(g.reasons).toEqual([])
  })
  test('fails with the seed message when a critical service lacks traces', () => {
    const g = evaluateInstrumentationGate({
      model: m,
      audit: audit([service('checkout', true, { traces: 'fail' }), service('catalog', false)]),
      requirementsWritten: true,
      thresholds
    })
    expect(g.status).toBe('fail')
    expect(g.reasons.join('\n')).toContain('[ERROR] Missing telemetry coverage for critical service: checkout.')
    expect(g.reasons.join('\n')).toContain('traces: empty result')
  })
  test('a backend error is a failure listed apart as an error', () => {
    const g = evaluateInstrumentationGate({
      model: m,
      audit: audit([service('checkout', true, { metrics: 'error' }), service('catalog', false)]),
      requirementsWritten: true,
      thresholds
    })
    expect(g.status).toBe('fail')
    expect(g.errors[0]).toContain('backend error: unreachable')
  })
  test('fails below the coverage threshold even with no critical gap', () => {
    const g = evaluateInstrumentationGate({
      model: m,
      audit: audit([service('checkout', true), service('catalog', false, { logs: 'fail', traces: 'fail' })]),
      requirementsWritten: true,
      thresholds
    })
    expect(g.status).toBe('fail')
    expect(g.checks.find((c) => c.name === 'coverage completeness')).toMatchObject({ status: 'fail', value: '75%' })
  })
  test('fails when the audit was not verified against live telemetry', () => {
    const g = evaluateInstrumentationGate({
      model: m,
      audit: audit([], { not_verified_reason: 'no backends configured' }),
      requirementsWritten: true,
      thresholds
    })
    expect(g.status).toBe('fail')
    expect(g.reasons.join('\n')).toContain('no backends configured')
    expect(g.reasons.join('\n')).toContain('the audit has no entry for it')
  })
  test('fails with no services at all', () => {
    const g = evaluateInstrumentationGate({ model: model([]), audit: audit([]), requirementsWritten: true, thresholds })
    expect(g.status).toBe('fail')
    expect(g.reasons.join('\n')).toContain('no services to observe')
  })
  test('fails when the requirements file is missing', () => {
    const g = evaluateInstrumentationGate({
      model: m,
      audit: audit([service('checkout', true), service('catalog', false)]),
      requirementsWritten: false,
      thresholds
    })
    expect(g.status).toBe('fail')
  })
  test('NaN coverage is never a pass', () => {
    const g = evaluateInstrumentationGate({
      model: m,
      audit: { ...audit([service('checkout', true), service('catalog', false)]), coverage_completeness: NaN },
      requirementsWritten: true,
      thresholds
    })
    expect(g.status).toBe('fail')
  })
  test('a high-priority gap on a non-critical service (named in a risk) fails', () => {
    const a = audit([service('checkout', true), service('catalog', false, { logs: 'fail' })])
    a.missing_coverage = a.missing_coverage.map((g) => ({ ...g, priority: 'high' }))
    a.coverage_completeness = 100
    const g = evaluateInstrumentationGate({ model: m, audit: a, requirementsWritten: true, thresholds })
    expect(g.status).toBe('fail')
    expect(g.reasons.join('\n')).toContain('high-priority gap (named in a deploy risk): catalog/logs')
  })
})

const test_ = (over: Partial<AlertTest> = {}): AlertTest => ({
  test_id: 't1',
  route: 'payments-page',
  alert_name: 'SreMonitoringSyntheticTest',
  provider: 'alertmanager',
  expected_receiver: 'payments-oncall',
  actual_receivers: ['payments-oncall'],
  triggered_at: T,
  delivered_at: T,
  acknowledged_at: T,
  acknowledgement_time_seconds: 3,
  sla_seconds: 300,
  sla_met: true,
  status: 'passed',
  wait: { delivery: 'completed', acknowledgement: 'completed' },
  resolved: true,
  reason: 'delivered and acknowledged',
  ...over
})
const alertResults = (tests: AlertTest[], over: Partial<AlertTestResults> = {}): AlertTestResults => ({
  test_date: T,
  approved: true,
  sla_target_seconds: 300,
  tests,
  overall_status: tests.every((t) => t.status === 'passed') ? 'passed' : 'failed',
  sla_compliance: tests.length ? (tests.filter((t) => t.sla_met).length / tests.length) * 100 : 0,
  source: 'built-in',
  ...over
})
const aligned: SloAlignment = {
  checked_at: T,
  rule_sources: ['prometheus'],
  findings: [
    { slo: 'checkout-availability', service: 'checkout', kind: 'page', expected: '14.4x over 1h and 5m', status: 'aligned', reason: 'ok' }
  ]
}
const dashboards: DashboardReport = {
  checked_at: T,
  dashboards: [
    {
      dashboard: 'Shop',
      source: 'dashboards/shop.json',
      panels: [],
      services_covered: ['checkout'],
      services_missing: [],
      thresholds_missing: [],
      score: 100
    }
  ],
  services_without_dashboard: []
}

describe('gate 2: alert validation', () => {
  test('passes when every route is delivered and acknowledged within the SLA and rules and dashboards match', () => {
    expect(evaluateAlertGate({ alertTests: alertResults([test_()]), alignment: aligned, dashboards, thresholds }).status).toBe('pass')
  })
  test('fails when alert tests were not approved', () => {
    const g = evaluateAlertGate({
      alertTests: alertResults([], { approved: false, overall_status: 'not_run' }),
      alignment: aligned,
      dashboards,
      thresholds
    })
    expect(g.status).toBe('fail')
    expect(g.reasons.join('\n')).toContain('alert tests not approved')
  })
  test('fails with the seed message for a wrong receiver', () => {
    const g = evaluateAlertGate({
      alertTests: alertResults([
        test_({
          actual_receivers: ['default'],
          delivered_at: null,
          acknowledged_at: null,
          sla_met: false,
          status: 'failed',
          reason: 'routed elsewhere'
        })
      ]),
      alignment: aligned,
      dashboards,
      thresholds
    })
    expect(g.reasons.join('\n')).toContain(
      '[ERROR] Synthetic alert did not reach on-call responder. route payments-page: expected receiver payments-oncall, actual default'
    )
  })
  test('fails for an acknowledgement after the SLA', () => {
    const g = evaluateAlertGate({
      alertTests: alertResults([test_({ acknowledgement_time_seconds: 400, sla_met: false, status: 'failed' })]),
      alignment: aligned,
      dashboards,
      thresholds
    })
    expect(g.status).toBe('fail')
    expect(g.reasons.join('\n')).toContain('took 400 s, SLA 300 s')
  })
  test('an unreachable Alertmanager is an error, not a pass', () => {
    const g = evaluateAlertGate({
      alertTests: alertResults([test_({ status: 'error', sla_met: false, delivered_at: null, reason: 'unreachable' })]),
      alignment: aligned,
      dashboards,
      thresholds
    })
    expect(g.status).toBe('fail')
    expect(g.errors[0]).toContain('backend error: unreachable')
  })
  test('fails with no route tested', () => {
    expect(evaluateAlertGate({ alertTests: alertResults([]), alignment: aligned, dashboards, thresholds }).reasons.join()).toContain(
      'no alert route was tested'
    )
  })
  test('fails for a missing or misaligned rule', () => {
    const bad: SloAlignment = {
      ...aligned,
      findings: [{ ...aligned.findings[0]!, kind: 'ticket', status: 'missing', reason: 'no 1x over 3d alert' }]
    }
    const g = evaluateAlertGate({ alertTests: alertResults([test_()]), alignment: bad, dashboards, thresholds })
    expect(g.reasons.join('\n')).toContain('alert rule ticket for SLO checkout-availability (checkout) missing')
  })
  test('fails when rules were not checked at all', () => {
    const g = evaluateAlertGate({
      alertTests: alertResults([test_()]),
      alignment: { ...aligned, findings: [], not_verified_reason: 'no rule source' },
      dashboards,
      thresholds
    })
    expect(g.status).toBe('fail')
  })
  test('fails for a service on no dashboard and a low dashboard score', () => {
    const d: DashboardReport = {
      ...dashboards,
      services_without_dashboard: ['payments'],
      dashboards: [{ ...dashboards.dashboards[0]!, score: 50 }]
    }
    const g = evaluateAlertGate({ alertTests: alertResults([test_()]), alignment: aligned, dashboards: d, thresholds })
    expect(g.reasons).toEqual(expect.arrayContaining(['service payments appears on no dashboard', 'dashboard Shop scores 50% (< 90%)']))
  })
  test('fails with no dashboards', () => {
    const g = evaluateAlertGate({
      alertTests: alertResults([test_()]),
      alignment: aligned,
      dashboards: { ...dashboards, dashboards: [] },
      thresholds
    })
    expect(g.checks.find((c) => c.name === 'dashboard score')?.status).toBe('fail')
  })
})

const schedule = (over: Partial<ObservabilitySchedule> = {}): ObservabilitySchedule => ({
  generated_at: T,
  schedule_coverage: 100,
  required_check_types: ['instrumentation'],
  automated_checks: [
    { check_type: 'instrumentation', cadence: 'cron: 0 * * * *', owner: 'sre', source: '.github/workflows/assurance.yml' }
  ],
  ownership: { owner: 'sre', on_call_owner: 'sre' },
  workflows: [],
  missing: [],
  ...over
})
const tuning = (over: Partial<TuningReport> = {}): TuningReport => ({
  generated_at: T,
  lookback: '7d',
  sources: [
    { name: 'prom', kind: 'alerts', request: 'ALERTS', status: 'ok', detail: '', count: 3 },
    { name: 'incidents.json', kind: 'incidents', request: 'read', status: 'ok', detail: '', count: 1 }
  ],
  from_real_data: true,
  alerts: [],
  incidents: [],
  precision: 1,
  recall: 1,
  mean_detection_seconds: 60,
  adjustments: [],
  source: 'built-in',
  ...over
})
const backlogItem = {
  fingerprint: 'coverage:checkout:traces',
  kind: 'coverage_gap',
  priority: 'high' as const,
  title: 't',
  summary: 's',
  evidence: []
}

describe('gate 3: observability assurance', () => {
  const base = { tuningWritten: true, backlogWritten: true, thresholds }
  test('passes with a full schedule, tuning from real data and every gap in the backlog', () => {
    const g = evaluateAssuranceGate({
      ...base,
      schedule: schedule(),
      tuning: tuning(),
      backlog: [backlogItem],
      gapFingerprints: ['coverage:checkout:traces']
    })
    expect(g.status).toBe('pass')
  })
  test('fails when a check type is not scheduled', () => {
    const g = evaluateAssuranceGate({
      ...base,
      schedule: schedule({ schedule_coverage: 75, missing: ['alert-path (no workflow)'] }),
      tuning: tuning(),
      backlog: [],
      gapFingerprints: []
    })
    expect(g.reasons).toContain('ongoing check not scheduled: alert-path (no workflow)')
  })
  test('fails without an owner', () => {
    const g = evaluateAssuranceGate({
      ...base,
      schedule: schedule({ ownership: { owner: null, on_call_owner: null } }),
      tuning: tuning(),
      backlog: [],
      gapFingerprints: []
    })
    expect(g.status).toBe('fail')
  })
  test('fails when tuning is not from real data (alert history unreachable)', () => {
    const t = tuning({
      from_real_data: false,
      sources: [{ name: 'prom', kind: 'alerts', request: 'ALERTS', status: 'error', detail: 'unreachable', count: 0 }, tuning().sources[1]!]
    })
    const g = evaluateAssuranceGate({ ...base, schedule: schedule(), tuning: t, backlog: [], gapFingerprints: [] })
    expect(g.status).toBe('fail')
    expect(g.errors[0]).toContain('unreachable')
  })
  test('fails when no incident source is configured', () => {
    const t = tuning({ from_real_data: false, sources: [tuning().sources[0]!] })
    const g = evaluateAssuranceGate({ ...base, schedule: schedule(), tuning: t, backlog: [], gapFingerprints: [] })
    expect(g.reasons).toContain('no incident source for tuning')
  })
  test('fails when a gap has no backlog item', () => {
    const g = evaluateAssuranceGate({
      ...base,
      schedule: schedule(),
      tuning: tuning(),
      backlog: [],
      gapFingerprints: ['coverage:checkout:traces']
    })
    expect(g.reasons).toContain('gap without a backlog item: coverage:checkout:traces')
  })
  test('fails when the report or backlog file is missing', () => {
    const g = evaluateAssuranceGate({
      ...base,
      tuningWritten: false,
      backlogWritten: false,
      schedule: schedule(),
      tuning: tuning(),
      backlog: [],
      gapFingerprints: []
    })
    expect(g.reasons).toEqual(
      expect.arrayContaining(['alert-tuning-report.md was not produced', 'improvement-backlog.md was not produced'])
    )
  })
})

const manifest = (completeness = 100, missing: string[] = []): PackageManifest => ({
  generated_at: T,
  generator: 'x',
  environment: 'production',
  release: { tag: 'v1', commit: null },
  run: { id: '1', url: null },
  artifacts: [],
  required_artifacts: [],
  missing_artifacts: missing,
  manifest_completeness: completeness,
  status: missing.length ? 'incomplete' : 'complete',
  missing: missing.map((name) => ({ name, reason: 'not produced by this run' })),
  runbook: null,
  downstream: {}
})
const approval = (over: Partial<ApprovalView> = {}): ApprovalView => ({
  status: 'approved',
  approvers: { sre_1: { name: 'alice', approval_status: 'approved', approval_timestamp: T } },
  approval_percentage: 100,
  effective_date: T,
  on_call_owner: 'bob',
  ...over
})
const dispatched = {
  protocol: 'protocol-13',
  channel: 'repository_dispatch',
  target: 'protocol-13-handoff',
  accepted: true,
  detail: 'accepted'
}
const delivered: HandoffView = { uploaded: true, notifications: [dispatched], requires: 'protocol-13', pending: false }

describe('gate 4: handoff package', () => {
  test('passes with a complete manifest, approval and delivery', () => {
    expect(evaluateHandoffGate({ manifest: manifest(), approval: approval(), handoff: delivered, thresholds }).status).toBe('pass')
  })
  test('fails with the seed message when approval is missing', () => {
    const g = evaluateHandoffGate({
      manifest: manifest(),
      approval: approval({ status: 'missing', approvers: {}, approval_percentage: 0, effective_date: null }),
      handoff: delivered,
      thresholds
    })
    expect(g.reasons[0]).toBe('[ERROR] Monitoring approval not recorded. Missing: approver, effective date.')
  })
  test('fails without an on-call owner', () => {
    const g = evaluateHandoffGate({ manifest: manifest(), approval: approval({ on_call_owner: null }), handoff: delivered, thresholds })
    expect(g.reasons[0]).toContain('Missing: on-call owner.')
  })
  test('fails for an incomplete manifest, naming the artifact', () => {
    const g = evaluateHandoffGate({ manifest: manifest(90, ['dashboard-config.md']), approval: approval(), handoff: delivered, thresholds })
    expect(g.reasons).toContain('package artifact missing or invalid: dashboard-config.md')
    expect(g.status).toBe('fail')
  })
  test('fails without a manifest', () => {
    expect(evaluateHandoffGate({ manifest: undefined, approval: approval(), handoff: delivered, thresholds }).status).toBe('fail')
  })
  test('fails when the package was not uploaded or the dispatch failed', () => {
    const g = evaluateHandoffGate({
      manifest: manifest(),
      approval: approval(),
      handoff: {
        ...delivered,
        uploaded: false,
        uploadError: 'HTTP 500',
        notifications: [{ ...dispatched, accepted: false, detail: '403' }]
      },
      thresholds
    })
    expect(g.reasons[0]).toBe(
      'downstream protocols not notified: package not delivered (HTTP 500), protocol-13 repository_dispatch protocol-13-handoff: not accepted (403), no protocol-13 notification accepted'
    )
  })

  test('the upload alone is no notification; a held handoff is none either', () => {
    const none = evaluateHandoffGate({
      manifest: manifest(),
      approval: approval(),
      handoff: { ...delivered, notifications: [] },
      thresholds
    })
    expect(none.status).toBe('fail')
    expect(none.reasons[0]).toBe(
      'downstream protocols not notified: package delivered, no notification sent: github.handoff.enabled is false and notify.protocol-13 is not configured'
    )
    const onlyP5 = evaluateHandoffGate({
      manifest: manifest(),
      approval: approval(),
      handoff: { ...delivered, notifications: [{ ...dispatched, protocol: 'protocol-5', channel: 'webhook', target: 'https://p5/' }] },
      thresholds
    })
    expect(onlyP5.status).toBe('fail')
    const held = evaluateHandoffGate({
      manifest: manifest(),
      approval: approval(),
      handoff: { ...delivered, notifications: [], held: 'gate 1 failed' },
      thresholds
    })
    expect(held.reasons[0]).toBe('downstream protocols not notified: package delivered, handoff held: gate 1 failed')
  })
  test('pending notification does not fail before the upload', () => {
    expect(
      evaluateHandoffGate({ manifest: manifest(), approval: approval(), handoff: { ...delivered, pending: true }, thresholds }).status
    ).toBe('pass')
  })
})
