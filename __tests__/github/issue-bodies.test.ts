import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { AlertTestResults, DashboardReport, SloAlignment } from '../../src/alerting/types.js'
import type { ObservabilitySchedule, TuningReport } from '../../src/assurance/types.js'
import { syncBacklogIssues } from '../../src/github/backlog-issues.js'
import { parseMarker } from '../../src/github/issue-plan.js'
import { createOctokit } from '../../src/github/octokit.js'
import { collectBacklog } from '../../src/protocol/backlog.js'
import type { BaselineMetrics } from '../../src/telemetry/types.js'
import { MemoryLogger } from '../harness/memory-logger.js'
import { failingConfig, failingRun } from '../report/failing-run.js'
import { parseGfm } from '../report/mermaid.js'
import { startGitHubApi, type GitHubApiStandIn } from '../standins/github-api.js'

const TOKEN = 'ghs_issueBodiesToken000000000000000000'
const RUN = 'https://github.com/acme/shop/actions/runs/5'
let api: GitHubApiStandIn

beforeAll(async () => {
  api = await startGitHubApi()
  api.grant(TOKEN, { issues: 'write' })
})
afterAll(async () => {
  await api.stop()
})
afterEach(() => {
  expect(api.unexpectedRequests).toEqual([])
  expect(api.invalidResponses).toEqual([])
})

const octokit = (log: MemoryLogger) =>
  createOctokit(TOKEN, { baseUrl: api.url, log, rateLimit: { msPerSecond: 5, writeSpacingMs: 0, notificationSpacingMs: 0 } })

/** The backlog of the failing run, as the protocol collects it (with the config: links, commands, owners). */
function backlog(extraClaims = true) {
  const run = failingRun()
  const baseline: BaselineMetrics = {
    ...run.baseline!,
    services: [
      {
        service: 'checkout',
        metrics: [
          {
            metric: 'latency_p95',
            value: 0.095,
            unit: 'seconds',
            query: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[30m])))',
            measured_at: '',
            verdict: 'pass'
          }
        ]
      }
    ],
    claims: extraClaims
      ? [
          {
            source: 'post-deployment-validation.json metrics_snapshot.api_latency_p95',
            metric: 'latency_p95',
            claimed: 240,
            observed: 95,
            checked_against: 'fleet p95',
            query: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[30m])))',
            tolerance_percent: 25,
            verdict: 'fail',
            reason: 'p95 240 ms claimed, 95 ms seen'
          },
          {
            source: 'post-deployment-validation.json metrics_snapshot.throughput',
            metric: 'request_rate',
            claimed: 900,
            observed: 12,
            checked_against: 'fleet rate',
            query: 'sum(rate(http_requests_total[30m]))',
            tolerance_percent: 25,
            verdict: 'fail',
            reason: 'throughput 900/s claimed, 12/s seen'
          },
          {
            source: 'post-deployment-validation.json metrics_snapshot.error_rate',
            metric: 'error_ratio',
            claimed: 0.01,
            observed: 0.0101,
            checked_against: 'fleet',
            query: 'q',
            tolerance_percent: 25,
            verdict: 'pass',
            reason: 'within tolerance'
          },
          {
            source: 'deployment-health-log.md metric "Throughput"',
            metric: 'request_rate',
            claimed: 880,
            observed: 12,
            checked_against: 'fleet rate',
            query: 'sum(rate(http_requests_total[30m]))',
            tolerance_percent: 25,
            verdict: 'fail',
            reason: 'throughput 880/s claimed, 12/s seen'
          }
        ]
      : []
  }
  const alignment: SloAlignment = { checked_at: '', rule_sources: [], findings: [] }
  const dashboards: DashboardReport = { checked_at: '', dashboards: [], services_without_dashboard: [] }
  const schedule: ObservabilitySchedule = {
    generated_at: '',
    schedule_coverage: 100,
    required_check_types: [],
    automated_checks: [],
    ownership: { owner: 'sre', on_call_owner: 'sre' },
    workflows: [],
    missing: []
  }
  const tuning: TuningReport = {
    generated_at: '',
    lookback: '7d',
    sources: [],
    from_real_data: true,
    alerts: [],
    incidents: [],
    precision: null,
    recall: null,
    mean_detection_seconds: null,
    adjustments: [],
    source: 'built-in'
  }
  return collectBacklog({
    audit: run.audit!,
    baseline,
    alignment,
    dashboards,
    alertTests: run.alertTests as AlertTestResults,
    schedule,
    tuning,
    approvalMissing: true,
    config: failingConfig()
  })
}

const sections = (tree: Root): string[] => tree.children.filter((n) => n.type === 'heading').map((n) => toString(n))
const tables = (tree: Root): RootContent[] => tree.children.filter((n) => n.type === 'table')

describe('backlog items a team can triage without opening the run', () => {
  it('collects one item per refuted-claims file, listing its claims, and sorts the backlog by priority', () => {
    const items = backlog()
    const claims = items.filter((i) => i.kind === 'claim_refuted')
    expect(claims.map((c) => c.fingerprint).sort()).toEqual(['claim:deployment-health-log.md', 'claim:post-deployment-validation.json'])
    const pdv = claims.find((c) => c.fingerprint === 'claim:post-deployment-validation.json')!
    expect(pdv.title).toBe('2 deploy claim(s) in post-deployment-validation.json refuted by live data (latency_p95, request_rate)')
    expect(pdv.evidence.map((e) => e.label)).toEqual([
      'latency_p95 (metrics_snapshot.api_latency_p95)',
      'request_rate (metrics_snapshot.throughput)'
    ])
    expect(pdv.evidence[0]!.value).toBe('claimed 240, observed 95 (fleet p95), tolerance 25%')
    expect(pdv.verify).toBe(
      "curl -sG http://prometheus.example:9090/api/v1/query --data-urlencode 'query=histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[30m])))'"
    )
    const order = ['high', 'medium', 'low']
    expect(items.map((i) => order.indexOf(i.priority))).toEqual(items.map((i) => order.indexOf(i.priority)).sort((a, b) => a - b))
  })

  it('a coverage gap names the service and the gap, carries the query, the command to check it and the owner', () => {
    const gap = backlog().find((i) => i.fingerprint === 'coverage:payments:traces')!
    expect(gap.title).toBe('payments: missing traces coverage (no data)')
    expect(gap.query).toEqual({ backend: 'prometheus', expr: 'sum by (service) (rate(traces_spans_total[5m]))' })
    expect(gap.verify).toBe(
      "curl -sG http://prometheus.example:9090/api/v1/query --data-urlencode 'query=sum by (service) (rate(traces_spans_total[5m]))'"
    )
    expect(gap.links![0]!.url).toMatch(/^http:\/\/prometheus\.example:9090\/graph\?g0\.expr=sum%20by/)
    expect(gap.action).toContain('Add the missing traces instrumentation')
    const route = backlog().find((i) => i.kind === 'alert_path')!
    expect(route.verify).toBe(
      'amtool config routes test --config.file=alertmanager.yml --verify.receivers=payments-oncall service=payments severity=page'
    )
    expect(route.title).toBe('Alert route payments-page failed its synthetic test (went to default-email)')
    // checkout's owner is named in services[].github-assignees.
    expect(
      backlog()
        .filter((i) => i.service === 'checkout')
        .every((i) => i.assignees?.includes('alice'))
    ).toBe(true)
  })

  it('files bodies with what is wrong, evidence, what to do, a local check and links; labels for kind and priority; the owner assigned', async () => {
    const log = new MemoryLogger()
    const repo = { owner: 'acme', repo: 'bodies' }
    api.allowAssignees('acme/bodies', ['alice'])
    const items = backlog()
    const r = await syncBacklogIssues({
      octokit: octokit(log),
      repo,
      items,
      maxNew: 20,
      runUrl: RUN,
      labels: ['sre-monitoring'],
      kindLabelPrefix: 'kind/',
      priorityLabelPrefix: 'priority/',
      log
    })
    expect(r.errors).toEqual([])
    const stored = api.repo('acme/bodies').issues
    expect(stored).toHaveLength(items.length)
    const gap = stored.find((i) => parseMarker(i.body)?.fingerprint === 'coverage:payments:traces')!
    expect(gap.title).toBe('[monitoring] payments: missing traces coverage (no data)')
    expect(gap.labels).toEqual(['sre-monitoring', 'kind/coverage-gap', 'priority/high'])
    const tree = parseGfm(gap.body!)
    expect(sections(tree)).toEqual([
      'payments: missing traces coverage (no data)',
      'What is wrong',
      'Evidence',
      'What to do',
      'Check the fix locally',
      'Links'
    ])
    // No table with an empty header row.
    for (const t of tables(tree)) {
      const header = (t as { children: RootContent[] }).children[0] as { children: RootContent[] }
      for (const cell of header.children) expect(toString(cell).trim()).not.toBe('')
    }
    const code = tree.children.filter((n) => n.type === 'code') as Array<{ lang: string; value: string }>
    expect(code.map((c) => c.lang)).toEqual(['promql', 'sh'])
    expect(code[1]!.value).toContain('curl -sG http://prometheus.example:9090/api/v1/query')
    expect(gap.body).toContain('[The query in the backend UI](<http://prometheus.example:9090/graph?g0.expr=')
    expect(gap.body).toContain(RUN)
    expect(toString(tree)).toContain('Service: payments · Kind: coverage gap · Priority: high · Fails gate: 1')

    const claims = stored.find((i) => parseMarker(i.body)?.fingerprint === 'claim:post-deployment-validation.json')!
    expect(claims.labels).toEqual(['sre-monitoring', 'kind/claim-refuted', 'priority/medium'])
    expect(claims.body).toContain(
      '| latency\\_p95 (metrics\\_snapshot.api\\_latency\\_p95) | claimed 240, observed 95 (fleet p95), tolerance 25% |'
    )
    expect(claims.body).toContain('| request\\_rate (metrics\\_snapshot.throughput) |')

    // checkout's items go to its owner; payments names none.
    const checkout = stored.filter((i) => i.title.includes('checkout') && i.title.includes('SLO') === false)
    expect(checkout.length).toBeGreaterThan(0)
    for (const i of checkout) expect(i.assignees).toEqual(['alice'])
    expect(gap.assignees).toEqual([])
  })

  it('an owner GitHub cannot assign: the issue is still filed, unassigned, with a warning', async () => {
    const log = new MemoryLogger()
    const repo = { owner: 'acme', repo: 'noassign' }
    const item = { ...backlog().find((i) => i.service === 'checkout')!, assignees: ['alice', 'not-a-collaborator'] }
    api.allowAssignees('acme/noassign', ['alice'])
    api.resetCounts()
    const r = await syncBacklogIssues({ octokit: octokit(log), repo, items: [item], maxNew: 5, runUrl: RUN, log })
    expect(r.errors).toEqual([])
    expect(r.opened).toHaveLength(1)
    expect(api.requests.filter((x) => x.operationId === 'issues/create').map((x) => x.status)).toEqual([422, 201])
    expect(api.repo('acme/noassign').issues[0]!.assignees).toEqual([])
    expect(log.text()).toContain('alice, not-a-collaborator cannot be assigned in acme/noassign (services[].github-assignees)')
  })

  it('a re-run updates the body and the priority label, keeps the team\u2019s own labels, and opens no duplicate', async () => {
    const log = new MemoryLogger()
    const repo = { owner: 'acme', repo: 'rerun' }
    const opts = {
      octokit: octokit(log),
      repo,
      maxNew: 20,
      labels: ['sre-monitoring'],
      kindLabelPrefix: 'kind/',
      priorityLabelPrefix: 'priority/',
      log
    }
    const first = backlog()
    await syncBacklogIssues({ ...opts, items: first, runUrl: RUN })
    const issue = api.repo('acme/rerun').issues.find((i) => parseMarker(i.body)?.fingerprint === 'claim:post-deployment-validation.json')!
    issue.labels.push('team-payments')
    const before = api.repo('acme/rerun').issues.length

    // Run 2: the same items, one more claim refuted in the same file, the item now high priority.
    const second = backlog().map((i) =>
      i.fingerprint === 'claim:post-deployment-validation.json'
        ? {
            ...i,
            priority: 'high' as const,
            evidence: [
              ...i.evidence,
              { label: 'error_ratio (metrics_snapshot.error_rate)', value: 'claimed 0.01, observed 0.05, tolerance 25%' }
            ]
          }
        : i
    )
    api.resetCounts()
    const r = await syncBacklogIssues({ ...opts, items: second, runUrl: 'https://github.com/acme/shop/actions/runs/6' })
    expect(r).toMatchObject({ opened: [], closed: [], reopened: [], updated: [issue.number], errors: [] })
    expect(api.repo('acme/rerun').issues).toHaveLength(before)
    expect(issue.labels.sort()).toEqual(['kind/claim-refuted', 'priority/high', 'sre-monitoring', 'team-payments'])
    expect(issue.body).toContain('error\\_ratio (metrics\\_snapshot.error\\_rate)')
    expect(issue.body).toContain('actions/runs/6')
    // Run 3: nothing changed: no write at all.
    api.resetCounts()
    const r3 = await syncBacklogIssues({ ...opts, items: second, runUrl: 'https://github.com/acme/shop/actions/runs/7' })
    expect(r3).toMatchObject({ opened: [], updated: [], closed: [], reopened: [] })
    expect(api.requests.every((x) => x.operationId === 'issues/list-for-repo')).toBe(true)
  })
})
