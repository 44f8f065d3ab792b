import { existsSync } from 'node:fs'
import { ARTIFACT_SCHEMAS, SCHEMA_FILES } from '../../src/artifacts/files.js'
import { validateAgainst } from '../../src/package/schemas.js'

// Each generated artifact schema accepts a document its producer writes and refuses the wrong one:
// a renamed (camelCase) key, a missing field, a value outside its enum, format or bounds.
const AT = '2026-12-01T10:00:00.000Z'
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

const measurement = {
  request: { backend: 'prom', method: 'GET', url: 'http://prom:9090/api/v1/query', query: 'up' },
  value: 1,
  started_at: AT,
  finished_at: AT,
  newest_sample_at: AT,
  verdict: 'pass',
  reason: 'fresh'
}
const signal = (name: string) => ({
  signal: name,
  mapped: true,
  verified: true,
  verdict: 'pass',
  freshness_seconds: 3,
  series_count: 1,
  measurement
})
const audit = {
  schema_version: 2,
  audit_date: AT,
  environment: 'production',
  coverage_completeness: 100,
  requests: 4,
  services: [
    {
      service_name: 'checkout',
      critical: true,
      new: false,
      status: 'covered',
      metrics: signal('metrics'),
      logs: signal('logs'),
      traces: signal('traces'),
      synthetics: signal('synthetic')
    }
  ],
  missing_coverage: [],
  source: 'built-in'
}
const gates = {
  evaluated_at: AT,
  status: 'pass',
  final: true,
  gates: [1, 2, 3, 4].map((id) => ({
    id,
    name: `gate ${id}`,
    status: 'pass',
    reasons: [],
    errors: [],
    checks: [{ name: 'c', status: 'pass', value: '1', threshold: '>= 1' }],
    evidence: []
  }))
}
const manifest = {
  generated_at: AT,
  generator: 'sre-monitoring-action@1.0.0',
  environment: 'production',
  release: { tag: 'v1', commit: null },
  run: { id: '1', url: null },
  artifacts: [
    {
      name: 'gate-results.json',
      sha256: 'a'.repeat(64),
      bytes: 10,
      written_at: AT,
      verified_by: 'x',
      schema_file: 'gate-results.schema.json',
      schema_result: 'valid'
    }
  ],
  required_artifacts: [],
  missing_artifacts: [],
  manifest_completeness: 100,
  status: 'complete',
  missing: [],
  runbook: null,
  downstream: { 'protocol-13': ['gate-results.json'] }
}
const approval = {
  approval_date: AT,
  status: 'approved',
  approvers: {
    octocat: {
      name: 'octocat',
      role: 'sre',
      approval_status: 'approved',
      approval_timestamp: AT,
      comments: '',
      source: 'approved-by-input'
    }
  },
  required_approvers: 1,
  approval_percentage: 100,
  effective_date: AT,
  on_call_owner: null,
  notification_channels: { slack: '#sre' }
}
const schedule = {
  generated_at: AT,
  schedule_coverage: 100,
  required_check_types: ['audit'],
  automated_checks: [{ check_type: 'audit', cadence: 'daily', owner: 'sre', source: '.github/workflows/a.yml' }],
  ownership: { owner: 'sre', on_call_owner: null },
  workflows: [
    {
      file: '.github/workflows/a.yml',
      crons: ['0 6 * * *'],
      mode: 'assurance',
      schedules: [
        {
          cron: '0 6 * * *',
          valid: true,
          next_runs: [AT],
          cadence: 'daily',
          min_interval_seconds: 86400,
          max_interval_seconds: 86400,
          error: null
        }
      ]
    }
  ],
  missing: []
}
const fact = { status: 'confirmed', at: AT, detail: 'seen', evidence: [{ source: 'alertmanager', observed: { n: 1 }, at: AT }] }
const alertTests = {
  test_date: AT,
  approved: true,
  sla_target_seconds: 300,
  tests: [
    {
      test_id: 't1',
      route: 'payments',
      alert_name: 'SyntheticAlert',
      provider: 'alertmanager',
      expected_receiver: 'pager',
      actual_receivers: ['pager'],
      triggered_at: AT,
      delivered_at: AT,
      acknowledged_at: AT,
      acknowledgement_time_seconds: 30,
      acknowledged_by: 'octocat',
      sla_seconds: 300,
      sla_met: true,
      status: 'passed',
      outcome: 'passed',
      wait: { delivery: 'completed', acknowledgement: 'completed' },
      resolved: true,
      reason: 'routed, delivered and acknowledged',
      attempts: [
        {
          attempt: 1,
          test_id: 't1',
          labels: { alertname: 'SyntheticAlert' },
          triggered_at: AT,
          outcome: 'passed',
          facts: {
            routed: { ...fact, expected: 'pager', receivers: ['pager'] },
            delivered: fact,
            acknowledged: { ...fact, by: 'octocat', seconds: 30, sla_seconds: 300, refusals: [] }
          },
          wait: { delivery: 'completed', acknowledgement: 'completed' },
          cleanup: { resolved: true, at: AT, detail: 'resolved' },
          reason: 'passed'
        }
      ]
    }
  ],
  overall_status: 'passed',
  sla_compliance: 100,
  source: 'built-in'
}

type Doc = Record<string, any>
const cases: Array<[string, Doc, Array<[string, (d: Doc) => void]>]> = [
  [
    SCHEMA_FILES.instrumentationAudit,
    audit,
    [
      ['a version 1 key (startedAt)', (d) => (d.services[0].metrics.measurement.startedAt = AT)],
      ['a version 1 key (freshnessSeconds)', (d) => (d.services[0].logs.freshnessSeconds = 1)],
      ['no schema_version', (d) => delete d.schema_version],
      ['schema_version 1', (d) => (d.schema_version = 1)],
      ['verified but failed', (d) => (d.services[0].traces.verdict = 'fail')],
      ['a URL with credentials', (d) => (d.services[0].metrics.measurement.request.url = 'http://user:pw@prom:9090/')],
      ['a started_at that is no date-time', (d) => (d.services[0].metrics.measurement.started_at = 'yesterday')],
      ['coverage above 100', (d) => (d.coverage_completeness = 101)]
    ]
  ],
  [
    SCHEMA_FILES.gateResults,
    gates,
    [
      ['three gates', (d) => d.gates.pop()],
      ['a gate id 5', (d) => (d.gates[0].id = 5)],
      ['a check status ok', (d) => (d.gates[0].checks[0].status = 'ok')],
      ['an unknown key', (d) => (d.extra = 1)]
    ]
  ],
  [
    SCHEMA_FILES.manifest,
    manifest,
    [
      ['an upper-case digest', (d) => (d.artifacts[0].sha256 = 'A'.repeat(64))],
      ['a negative size', (d) => (d.artifacts[0].bytes = -1)],
      ['status done', (d) => (d.status = 'done')],
      ['no runbook', (d) => delete d.runbook]
    ]
  ],
  [
    SCHEMA_FILES.approvalRecord,
    approval,
    [
      ['an approver key with capitals', (d) => (d.approvers.OctoCat = d.approvers.octocat)],
      ['a review time that is no date-time', (d) => (d.approvers.octocat.approval_timestamp = 'today')],
      ['no required approver', (d) => (d.required_approvers = 0)],
      ['an unknown channel', (d) => (d.notification_channels.teams = 'x')]
    ]
  ],
  [
    SCHEMA_FILES.observabilitySchedule,
    schedule,
    [
      ['four next runs', (d) => (d.workflows[0].schedules[0].next_runs = [AT, AT, AT, AT])],
      ['an empty check type', (d) => (d.automated_checks[0].check_type = '')],
      ['no ownership', (d) => delete d.ownership]
    ]
  ],
  [
    SCHEMA_FILES.alertTestResults,
    alertTests,
    [
      ['a pass without an acknowledgement time', (d) => (d.tests[0].acknowledged_at = null)],
      ['a pass whose attempts did not pass', (d) => (d.tests[0].attempts[0].outcome = 'not_acknowledged')],
      ['a passed attempt whose delivery was not confirmed', (d) => (d.tests[0].attempts[0].facts.delivered.status = 'not_confirmed')],
      ['no attempts in the list', (d) => (d.tests[0].attempts = [])],
      ['evidence without what was observed', (d) => delete d.tests[0].attempts[0].facts.routed.evidence[0].observed],
      ['an SLA of 0', (d) => (d.sla_target_seconds = 0)]
    ]
  ]
]

describe.each(cases)('%s', (schema, valid, wrong) => {
  test('accepts a document as the action writes it', () => {
    expect(validateAgainst(schema, valid).errors).toEqual([])
  })
  test.each(wrong)('refuses %s', (_what, change) => {
    const doc = clone(valid)
    change(doc)
    expect(validateAgainst(schema, doc).valid).toBe(false)
  })
})

test('every JSON artifact of the package has its schema in schemas/', () => {
  for (const schema of Object.values(ARTIFACT_SCHEMAS)) expect(existsSync(`schemas/${schema}`)).toBe(true)
})
