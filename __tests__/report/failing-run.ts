/**
 * A failing run as the protocol returns it: Prometheus down for the logs backend, payments
 * without traces, a route that pages the wrong receiver, a missing page alert, an SLO breach,
 * a latency regression against the previous release, and no approval.
 */
import { configSchema, type Config } from '../../src/config/schema.js'
import type { GateResult } from '../../src/gates/types.js'
import type { BacklogItem } from '../../src/model/backlog.js'
import type { RunResult } from '../../src/protocol/run.js'
import type { ServiceAudit, SignalCoverage } from '../../src/telemetry/types.js'

const AT = '2026-12-01T21:00:00.000Z'

export function failingConfig(): Config {
  return configSchema.parse({
    version: 1,
    backends: {
      prometheus: { type: 'prometheus', url: 'http://prometheus.example:9090' },
      loki: { type: 'loki', url: 'http://loki.example:3100' }
    },
    services: [
      { name: 'checkout', critical: true, 'github-assignees': ['alice'] },
      { name: 'payments', critical: true },
      { name: 'catalog' }
    ],
    slos: [
      {
        name: 'checkout-availability',
        service: 'checkout',
        objective: 99.9,
        'error-query': 'sum(rate(errors[$window]))',
        'total-query': 'sum(rate(requests[$window]))'
      }
    ],
    alerting: {
      alertmanager: { url: 'http://alertmanager.example:9093' },
      routes: [{ name: 'payments-page', labels: { service: 'payments', severity: 'page' }, 'expect-receiver': 'payments-oncall' }]
    },
    dashboards: { files: [], grafana: { url: 'https://grafana.example' } }
  })
}

const ok = (signal: SignalCoverage['signal']): SignalCoverage => ({
  signal,
  mapped: true,
  verified: true,
  verdict: 'pass',
  freshness_seconds: 4
})
const down = (signal: SignalCoverage['signal']): SignalCoverage => ({
  signal,
  mapped: true,
  verified: false,
  verdict: 'error',
  measurement: {
    request: { backend: 'loki', method: 'GET', url: 'http://loki.example:3100/loki/api/v1/query' },
    value: null,
    started_at: AT,
    finished_at: AT,
    verdict: 'error',
    reason: 'connect ECONNREFUSED 127.0.0.1:3100'
  }
})
const noData = (signal: SignalCoverage['signal'], query: string): SignalCoverage => ({
  signal,
  mapped: true,
  verified: false,
  verdict: 'fail',
  measurement: {
    request: { backend: 'prometheus', method: 'GET', url: 'http://prometheus.example:9090/api/v1/query', query },
    value: null,
    threshold: '> 0 series, newest sample < 5m old',
    started_at: AT,
    finished_at: AT,
    verdict: 'fail',
    reason: 'the query returned no series for payments'
  }
})

function service(
  name: string,
  critical: boolean,
  signals: Partial<Record<'metrics' | 'logs' | 'traces' | 'synthetics', SignalCoverage>>
): ServiceAudit {
  const s = { metrics: ok('metrics'), logs: ok('logs'), traces: ok('traces'), synthetics: ok('synthetic'), ...signals }
  const bad = Object.values(s).filter((x) => !x.verified).length
  return { service_name: name, critical, new: false, status: bad === 0 ? 'covered' : bad === 4 ? 'uncovered' : 'partial', ...s }
}

const gate = (id: 1 | 2 | 3 | 4, name: string, reasons: string[], errors: string[] = []): GateResult => ({
  id,
  name,
  status: reasons.length || errors.length ? 'fail' : 'pass',
  reasons,
  errors,
  checks: [
    { name: `check of gate ${id}`, status: reasons.length ? 'fail' : 'pass', value: reasons.length ? '50%' : '100%', threshold: '>= 95%' }
  ],
  evidence: []
})

export function failingRun(extra: Partial<RunResult> = {}): RunResult {
  const config = failingConfig()
  const traceQuery = 'sum by (service) (rate(traces_spans_total[5m]))'
  const backlog: BacklogItem[] = [
    {
      fingerprint: 'claim:post-deployment-validation.json',
      kind: 'claim_refuted',
      priority: 'medium',
      title: '3 deploy claims in post-deployment-validation.json refuted by live data',
      summary: 'claims off',
      evidence: []
    },
    {
      fingerprint: 'coverage:payments:traces',
      kind: 'coverage_gap',
      service: 'payments',
      priority: 'high',
      gate: 1,
      title: 'Missing traces coverage for payments',
      summary: 'no traces',
      evidence: []
    },
    {
      fingerprint: 'alert-rule:checkout-availability:page:1h',
      kind: 'alert_rule',
      service: 'checkout',
      priority: 'high',
      gate: 2,
      title: 'page alert (1h) for SLO checkout-availability is missing',
      summary: 'no rule alerts on a 14.4x burn rate over 1h and 5m',
      evidence: [
        { label: 'expected', value: 'burn rate > 14.4 over 1h and 5m' },
        { label: 'found', value: 'none' }
      ]
    },
    {
      fingerprint: 'alert-path:payments-page',
      kind: 'alert_path',
      priority: 'high',
      gate: 2,
      title: 'Alert route payments-page failed its synthetic test',
      summary: 'wrong receiver',
      evidence: []
    },
    {
      fingerprint: 'approval',
      kind: 'approval',
      priority: 'high',
      gate: 4,
      title: 'Monitoring approval not recorded',
      summary: 'no approval',
      evidence: []
    }
  ]
  return {
    status: 'fail',
    gates: [
      gate(
        1,
        'Instrumentation Coverage Gate',
        ['[ERROR] Missing telemetry coverage for critical service: payments. traces: the query returned no series for payments'],
        ['checkout/logs: backend error: connect ECONNREFUSED 127.0.0.1:3100']
      ),
      gate(2, 'Alert Validation Gate', [
        '[ERROR] Synthetic alert did not reach on-call responder. route payments-page: expected receiver payments-oncall, actual default-email: routed elsewhere',
        'alert rule page for SLO checkout-availability (checkout) missing: no rule'
      ]),
      gate(3, 'Observability Assurance Gate', []),
      gate(4, 'Handoff Package Gate', ['[ERROR] Monitoring approval not recorded. Missing: approver.'])
    ],
    packageDir: '/work/out/monitoring',
    artifacts: [],
    backlog,
    errors: [],
    config,
    model: {
      release: { tag: 'v2.4.0' },
      environment: 'production',
      services: [{ name: 'checkout' }, { name: 'payments' }, { name: 'catalog' }],
      slos: []
    } as unknown as RunResult['model'],
    audit: {
      schema_version: 2,
      audit_date: AT,
      environment: 'production',
      coverage_completeness: 66.67,
      requests: 6,
      services: [
        service('checkout', true, { logs: down('logs') }),
        service('payments', true, { logs: down('logs'), traces: noData('traces', traceQuery) }),
        service('catalog', false, { logs: down('logs') })
      ],
      missing_coverage: [
        { service: 'payments', signal: 'traces', gap: 'no_data', priority: 'high', detail: 'the query returned no series for payments' },
        { service: 'checkout', signal: 'logs', gap: 'backend_error', priority: 'high', detail: 'connect ECONNREFUSED 127.0.0.1:3100' },
        { service: 'payments', signal: 'logs', gap: 'backend_error', priority: 'high', detail: 'connect ECONNREFUSED 127.0.0.1:3100' },
        { service: 'catalog', signal: 'logs', gap: 'backend_error', priority: 'low', detail: 'connect ECONNREFUSED 127.0.0.1:3100' }
      ],
      source: 'built-in'
    },
    baseline: {
      schema_version: 2,
      captured_at: AT,
      window: '30m',
      environment: 'production',
      services: [
        {
          service: 'checkout',
          metrics: [{ metric: 'latency_p95', value: 0.31, unit: 'seconds', query: 'q', measured_at: AT, verdict: 'pass' }]
        }
      ],
      claims: [],
      previous: {
        source: 'monitoring-package of run 41',
        captured_at: '2026-11-30T21:00:00.000Z',
        comparisons: [
          {
            service: 'checkout',
            metric: 'latency_p95',
            previous: 0.24,
            current: 0.31,
            criterion: 'at most +10%',
            verdict: 'fail',
            reason: 'up 29%'
          },
          {
            service: 'checkout',
            metric: 'error_ratio',
            previous: 0.002,
            current: 0.001,
            criterion: 'at most 2x',
            verdict: 'pass',
            reason: 'down'
          }
        ]
      },
      requests: 4
    },
    alertTests: {
      test_date: AT,
      approved: true,
      sla_target_seconds: 300,
      sla_compliance: 0,
      overall_status: 'failed',
      source: 'built-in',
      tests: [
        {
          test_id: 't1',
          route: 'payments-page',
          alert_name: 'SreMonitoringSyntheticTest',
          provider: 'alertmanager',
          expected_receiver: 'payments-oncall',
          actual_receivers: ['default-email'],
          triggered_at: AT,
          delivered_at: null,
          acknowledged_at: null,
          acknowledgement_time_seconds: null,
          sla_seconds: 300,
          sla_met: false,
          status: 'failed',
          wait: { delivery: 'completed', acknowledgement: 'not_started' },
          resolved: true,
          reason: 'routed elsewhere'
        }
      ]
    },
    slos: [
      {
        slo: 'checkout-availability',
        service: 'checkout',
        objective: 99.9,
        window: '30d',
        query: '1 - (sum(rate(errors[30d]))) / (sum(rate(requests[30d])))',
        attainment: 0.95,
        budget_remaining_percent: -4900,
        status: 'breached',
        detail: `at ${AT}`
      },
      {
        slo: 'catalog-latency',
        service: 'catalog',
        objective: 99,
        window: '30d',
        query: 'q',
        attainment: 0.995,
        budget_remaining_percent: 50,
        status: 'met',
        detail: `at ${AT}`
      }
    ],
    issues: {
      opened: [7],
      updated: [],
      closed: [],
      reopened: [],
      heldBack: [],
      errors: [],
      numbers: new Map([
        ['coverage:payments:traces', 7],
        ['alert-path:payments-page', 8]
      ])
    },
    ...extra
  }
}
