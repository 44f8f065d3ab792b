// Each generated schema still refuses what the hand-written one refused: for every artifact, one
// valid document and the wrong ones next to it (unknown key, missing field, wrong enum, bad time,
// negative count, pattern), checked with the action's own validator.
import { validateAgainst } from '../../src/package/schemas.js'

type Doc = Record<string, any>
const clone = <T>(v: T): T => structuredClone(v)
const T0 = '2026-12-01T10:00:00.000Z'

/** `doc` after `edit`, which changes a copy in place. */
function wrong(doc: Doc, edit: (d: Doc) => void): Doc {
  const d = clone(doc)
  edit(d)
  return d
}

function expectRefusals(schema: string, valid: Doc, cases: Record<string, (d: Doc) => void>): void {
  test(`${schema}: the valid document passes`, () => {
    expect(validateAgainst(schema, valid)).toEqual({ schema, valid: true, errors: [] })
    expect(validateAgainst(schema, valid, 'own')).toEqual({ schema, valid: true, errors: [] })
  })
  test.each(Object.keys(cases))(`${schema}: refuses %s`, (name) => {
    const r = validateAgainst(schema, wrong(valid, cases[name]!))
    expect(r.valid).toBe(false)
    expect(r.errors.length).toBeGreaterThan(0)
    // The lighter validator the package writer checks its own files with gives the same verdict,
    // with the first of the same errors (and, for an anyOf, its branches).
    const own = validateAgainst(schema, wrong(valid, cases[name]!), 'own')
    expect(own.valid).toBe(false)
    expect(own.errors.length).toBeGreaterThan(0)
    expect(own.errors.length).toBeLessThanOrEqual(r.errors.length)
    for (const e of own.errors) expect(r.errors).toContain(e)
  })
}

const coverage = { from: T0, to: T0, covered_seconds: 3600, lookback_seconds: 3600, fraction: 1 }
const rule = {
  name: 'PaymentsBurn',
  source: 'rules.yml',
  also_in: [],
  group: 'slo',
  loaded: true,
  severity: 'page',
  labels: { team: 'payments' },
  expr: 'x > 1',
  query: 'x',
  kind: 'burn_rate',
  expansions: [{ recording: 'r', inlined: true, reason: 'no history' }],
  interval_seconds: 60,
  step_seconds: 60,
  for_seconds: 120,
  keep_firing_for_seconds: 0,
  status: 'evaluated',
  detail: '',
  request: null,
  coverage,
  factors: [14.4],
  slo: 'availability',
  intervals: [{ service: 'payments', labels: {}, start: T0, end: T0, open: false, incidents: ['INC-1'] }],
  true_positives: 1,
  false_positives: 0,
  missed: 0,
  precision: 1,
  recall: 1,
  mean_detection_seconds: 60,
  mean_reset_seconds: null,
  incidents: [
    {
      id: 'INC-1',
      service: 'payments',
      started_at: T0,
      resolved_at: null,
      source: 'file',
      status: 'detected',
      detection_seconds: -30,
      reset_seconds: null,
      peak: { signal: 2, factor: 28.8, at: T0 }
    }
  ],
  history: { status: 'agrees', fired_seconds: 60, backtest_seconds: 60, agreement: 1, detail: '' },
  proposal: {
    change: '14.4 -> 9.5',
    why: 'caught late',
    current_factors: [14.4],
    proposed_factors: [9.5],
    threshold_multiplier: 0.66,
    current_thresholds: [0.0144],
    proposed_thresholds: [0.0095],
    peak_outside: { signal: 0.5, factor: 7.2, at: null },
    incidents: [{ id: 'INC-1', peak_signal: 2, peak_factor: 28.8, at: T0, caught_by_proposal: true }]
  }
}
describe('alert-backtest.json', () => {
  expectRefusals(
    'alert-backtest.schema.json',
    {
      generated_at: T0,
      lookback: '30d',
      from: T0,
      to: T0,
      status: 'ok',
      detail: '',
      rules_backend: null,
      rule_sources: [{ source: 'rules.yml', status: 'ok', detail: '', rules: 1 }],
      incident_sources: [{ name: 'file', status: 'ok', detail: '', count: 1 }],
      data: { query: null, step_seconds: 60, coverage, metrics: [{ name: 'http_requests_total', from: T0, to: null }] },
      history: { query: null, status: 'no_history', series: 0, detail: '' },
      requests: { rules_api: 1, data_coverage: 1, alerts_history: 1, rule_queries: 1, label_values: 0, total: 4, rules_evaluated: 1 },
      rules: [rule],
      summary: {
        rules: 1,
        evaluated: 1,
        true_positives: 1,
        false_positives: 0,
        precision: 1,
        incidents: 1,
        detected: 1,
        recall: 1,
        mean_detection_seconds: 60,
        disagreements: [],
        proposals: 1
      }
    },
    {
      'an unknown top-level key': (d) => (d.extra = 1),
      'a missing summary': (d) => delete d.summary,
      'a status outside the enum': (d) => (d.status = 'fine'),
      'a time without a zone': (d) => (d.generated_at = '2026-12-01T10:00:00'),
      'a negative count': (d) => (d.requests.total = -1),
      'a fractional count': (d) => (d.summary.rules = 1.5),
      'a precision above 1': (d) => (d.rules[0].precision = 1.2),
      'a coverage fraction below 0': (d) => (d.data.coverage.fraction = -0.1),
      'an empty rule name': (d) => (d.rules[0].name = ''),
      'a zero step': (d) => (d.rules[0].step_seconds = 0),
      'an unknown key in a rule': (d) => (d.rules[0].extra = true),
      'an incident status outside the enum': (d) => (d.rules[0].incidents[0].status = 'seen'),
      'a zero threshold multiplier': (d) => (d.rules[0].proposal.threshold_multiplier = 0),
      'a label value that is not text': (d) => (d.rules[0].labels.team = 1)
    }
  )
})

const scenario = {
  name: 'outage',
  burn_rate: 14.4,
  error_ratio: 0.1,
  expectation: 'must_fire',
  severities: ['page'],
  window_seconds: 3600,
  resolution_seconds: 15,
  input_covers_seconds: 3700,
  fired: true,
  detection_seconds: 120,
  alert: { alertname: 'PaymentsBurn', labels: { severity: 'page' } },
  routing: { expected_receiver: 'payments', actual_receivers: ['payments'], status: 'passed', reason: '' },
  status: 'passed',
  reason: ''
}
describe('detection-drill.json', () => {
  expectRefusals(
    'detection-drill.schema.json',
    {
      run_at: T0,
      status: 'passed',
      required: true,
      promtool: { path: '/usr/bin/promtool', version: '3.0.0' },
      amtool: null,
      targets: [
        {
          kind: 'slo',
          slo: 'availability',
          service: 'payments',
          alerts: ['PaymentsBurn'],
          recording_rules: 2,
          series: [],
          status: 'passed',
          reason: '',
          scenarios: [scenario]
        }
      ],
      requests: { alertmanager: 1, promtool_runs: 1, amtool_runs: 1 },
      duration_ms: 1200
    },
    {
      'an unknown top-level key': (d) => (d.extra = 1),
      'a missing requests': (d) => delete d.requests,
      'a status outside the enum': (d) => (d.status = 'ok'),
      'promtool without its path': (d) => (d.promtool = { version: '3' }),
      'a negative request count': (d) => (d.requests.alertmanager = -1),
      'a negative duration': (d) => (d.duration_ms = -1),
      'a target kind outside the enum': (d) => (d.targets[0].kind = 'rule'),
      'a zero resolution': (d) => (d.targets[0].scenarios[0].resolution_seconds = 0),
      'a scenario status of not_run': (d) => (d.targets[0].scenarios[0].status = 'not_run'),
      'a routing status outside the enum': (d) => (d.targets[0].scenarios[0].routing.status = 'skipped'),
      'an unknown key in a scenario': (d) => (d.targets[0].scenarios[0].extra = 1)
    }
  )
})

describe('instrumentation-gaps.json', () => {
  expectRefusals(
    'instrumentation-gaps.schema.json',
    {
      generated_at: T0,
      environment: 'production',
      release: null,
      audit_verified: true,
      gaps: [{ service: 'payments', signal: null, priority: 'high', gap: 'no_traces', detail: '', source: 'instrumentation-audit.json' }]
    },
    {
      'an unknown top-level key': (d) => (d.extra = 1),
      'a missing audit_verified': (d) => delete d.audit_verified,
      'a signal outside the enum': (d) => (d.gaps[0].signal = 'profiles'),
      'a priority outside the enum': (d) => (d.gaps[0].priority = 'critical'),
      'an empty gap': (d) => (d.gaps[0].gap = ''),
      'a time that is not a time': (d) => (d.generated_at = 'yesterday'),
      'an unknown key in a gap': (d) => (d.gaps[0].owner = 'x')
    }
  )
})

describe('issues-to-file.json', () => {
  expectRefusals(
    'issues-to-file.schema.json',
    {
      generated_at: T0,
      repository: 'org/repo',
      note: 'not filed',
      issues: [
        {
          fingerprint: 'coverage:payments:traces',
          kind: 'coverage-gap',
          service: 'payments',
          priority: 'high',
          gate: 1,
          title: 'payments: no traces',
          body: 'body',
          labels: ['sre-monitoring'],
          assignees: ['ada-l']
        }
      ]
    },
    {
      'an unknown top-level key': (d) => (d.extra = 1),
      'a missing note': (d) => delete d.note,
      'gate 5': (d) => (d.issues[0].gate = 5),
      'gate 0': (d) => (d.issues[0].gate = 0),
      'a title over 256 characters': (d) => (d.issues[0].title = 'x'.repeat(257)),
      'an empty body': (d) => (d.issues[0].body = ''),
      'no labels': (d) => (d.issues[0].labels = []),
      'a label over 50 characters': (d) => (d.issues[0].labels = ['x'.repeat(51)]),
      'an assignee that is not a GitHub login': (d) => (d.issues[0].assignees = ['-ada']),
      'an empty fingerprint': (d) => (d.issues[0].fingerprint = '')
    }
  )
})

describe('quality-audit.json (input)', () => {
  expectRefusals(
    'quality-audit.schema.json',
    {
      protocol: 4,
      audited_at: '2026-11-27 14:05:00+0000',
      findings: [{ id: 'QA-1', title: 'No traces for payments', severity: 'high' }]
    },
    {
      'an unknown top-level key': (d) => (d.extra = 1),
      'protocol 3': (d) => (d.protocol = 3),
      'no findings': (d) => delete d.findings,
      'a finding without a severity': (d) => delete d.findings[0].severity,
      'a severity outside the enum': (d) => (d.findings[0].severity = 'urgent'),
      'a category outside the enum': (d) => (d.findings[0].category = 'gap'),
      'a status outside the enum': (d) => (d.findings[0].status = 'closed'),
      'an empty id': (d) => (d.findings[0].id = ''),
      'a title over 500 characters': (d) => (d.findings[0].title = 'x'.repeat(501)),
      'more than 1000 findings': (d) => (d.findings = Array.from({ length: 1001 }, () => d.findings[0])),
      'an audit time that is not a time': (d) => (d.audited_at = 'last week'),
      'an unknown key in a finding': (d) => (d.findings[0].owner = 'x')
    }
  )
})

describe('webhook-ack-answer (input)', () => {
  expectRefusals(
    'webhook-ack-answer.schema.json',
    { receiver: 'payments-oncall', delivered_at: T0, acknowledged_at: T0, acknowledged_by: 'ada' },
    {
      'a missing receiver': (d) => delete d.receiver,
      'an empty receiver': (d) => (d.receiver = ''),
      'a delivery time that is not a time': (d) => (d.delivered_at = 'now'),
      'an acknowledgement time without a person': (d) => delete d.acknowledged_by,
      'an empty acknowledger': (d) => (d.acknowledged_by = '')
    }
  )
})

describe('post-deployment-validation.json (input, the protocol keys)', () => {
  expectRefusals(
    'post-deployment-validation.schema.json',
    {
      validation_date: '2026-11-27T14:05:00Z',
      status: 'pass',
      validation_success_rate: 98,
      checks: {
        smoke_tests: { status: 'pass', tests_run: 10, tests_passed: 10 },
        custom: { status: 'warn', checks_total: 2, note: 'tool field' }
      },
      metrics_snapshot: { error_rate: 0.2 },
      release: { tag: 'v2.4.0', commit: '3f9c2ab' },
      services: [{ name: 'payments', endpoints: ['http://127.0.0.1:18081/healthz'] }],
      deploy_tool: 'kept'
    },
    {
      'a missing metrics_snapshot': (d) => delete d.metrics_snapshot,
      'a status outside the words': (d) => (d.status = 'fine'),
      'a success rate above 100': (d) => (d.validation_success_rate = 101),
      'no checks': (d) => (d.checks = {}),
      'smoke tests without tests_passed': (d) => delete d.checks.smoke_tests.tests_passed,
      'a negative count in another check': (d) => (d.checks.custom.checks_total = -1),
      'a count that is a string': (d) => (d.checks.smoke_tests.tests_run = '10'),
      'a check without a status': (d) => delete d.checks.custom.status,
      'an empty metrics snapshot': (d) => (d.metrics_snapshot = {}),
      'a metric that is text': (d) => (d.metrics_snapshot.error_rate = '0.2%'),
      'a date that is not a date': (d) => (d.validation_date = 'today'),
      'a commit that is not hex': (d) => (d.release.commit = 'main'),
      'an endpoint that is not an http(s) URL': (d) => (d.services[0].endpoints = ['payments:8081/healthz']),
      'a service without a name': (d) => delete d.services[0].name
    }
  )
})

describe('what is read from deployment-health-log.md', () => {
  expectRefusals(
    'deployment-health-log.schema.json',
    {
      soak_window: '30 minutes',
      soak_window_seconds: 1800,
      metrics_status: 'within_slo',
      metrics: [{ name: 'p95 latency', value: '240ms', numeric_value: 240, unit: 'ms', status: 'ok', status_text: '✅' }],
      anomalies: [{ observation: 'spike', time: '14:12' }],
      escalations: [{ description: 'paged', owner: '@ada' }]
    },
    {
      'the former camelCase key metricsStatus': (d) => {
        d.metricsStatus = d.metrics_status
        delete d.metrics_status
      },
      'the former camelCase key numericValue': (d) => (d.metrics[0].numericValue = 240),
      'a zero soak window': (d) => (d.soak_window_seconds = 0),
      'no metric rows': (d) => (d.metrics = []),
      'a metrics status outside the enum': (d) => (d.metrics_status = 'green'),
      'a row status outside the enum': (d) => (d.metrics[0].status = 'fine'),
      'an empty value': (d) => (d.metrics[0].value = ''),
      'an anomaly without an observation': (d) => delete d.anomalies[0].observation,
      'an escalation without a description': (d) => (d.escalations[0].description = '')
    }
  )
})

describe('what is read from DEPLOYMENT-REPORT.md', () => {
  expectRefusals(
    'deployment-report.schema.json',
    {
      release: { tag: 'v2.4.0' },
      services: [{ name: 'payments', critical: true, new: true, endpoints: ['http://127.0.0.1:18081/healthz'] }],
      new_endpoints: ['http://127.0.0.1:18081/healthz'],
      risks: [{ description: 'cold cache', severity: 'low', severity_text: 'P3' }],
      timeline: [{ time: '14:05', event: 'canary started' }]
    },
    {
      'the former camelCase key newEndpoints': (d) => {
        d.newEndpoints = d.new_endpoints
        delete d.new_endpoints
      },
      'the former camelCase key severityText': (d) => (d.risks[0].severityText = 'P3'),
      'a release with neither tag nor commit': (d) => (d.release = { strategy: 'canary' }),
      'a commit that is not hex': (d) => (d.release = { commit: 'main' }),
      'no services': (d) => (d.services = []),
      'a service name starting with a space': (d) => (d.services[0].name = ' payments'),
      'a service without critical': (d) => delete d.services[0].critical,
      'an endpoint without a scheme': (d) => (d.new_endpoints = ['payments:8081/healthz']),
      'a severity outside the enum': (d) => (d.risks[0].severity = 'p1'),
      'a timeline entry without an event': (d) => (d.timeline[0].event = '')
    }
  )
})
