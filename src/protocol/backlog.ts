import type { AlertTestResults, DashboardReport, RuleFinding, SloAlignment } from '../alerting/types.js'
import type { ObservabilitySchedule, TuningReport } from '../assurance/types.js'
import type { Config, Signal } from '../config/schema.js'
import { byPriority, fingerprint, type BacklogItem } from '../model/backlog.js'
import { amtoolCommand, coverageHint, diagnosisHint, shellQuote } from '../report/findings.js'
import { alertmanagerAlertsUrl, queryLinks } from '../report/links.js'
import type { BaselineMetrics, InstrumentationAudit, Measurement } from '../telemetry/types.js'

/** The command line, as run from a clone of the action. */
const CLI = 'node dist/cli.js --config .github/sre-monitoring.yml --evidence .artifacts/deployment'

const SIGNAL_KEY: Record<Signal, 'metrics' | 'logs' | 'traces' | 'synthetics'> = {
  metrics: 'metrics',
  logs: 'logs',
  traces: 'traces',
  synthetic: 'synthetics'
}

/** The request that showed a gap, as a command a person can paste (credentials left to them). */
export function curlFor(m: Measurement | undefined): string | undefined {
  if (!m?.request.url || !/^https?:\/\//.test(m.request.url)) return undefined
  if (m.request.query && /\/api\/v1\/query(_range)?$|\/loki\/api\/v1\/query(_range)?$/.test(m.request.url))
    return `curl -sG ${shellQuote(m.request.url)} --data-urlencode ${shellQuote(`query=${m.request.query}`)}`
  return `curl -si${m.request.method === 'HEAD' ? 'I' : ''} ${shellQuote(m.request.url)}`
}

const promCurl = (config: Config | undefined, backend: string | undefined, expr: string): string | undefined => {
  const name = backend ?? config?.baseline.backend ?? Object.entries(config?.backends ?? {}).find(([, b]) => b.type === 'prometheus')?.[0]
  const b = name ? config?.backends[name] : undefined
  return b
    ? `curl -sG ${shellQuote(`${b.url.replace(/\/+$/, '')}/api/v1/query`)} --data-urlencode ${shellQuote(`query=${expr}`)}`
    : undefined
}

const alertRuleFingerprint = (f: RuleFinding): string => fingerprint('alert-rule', f.slo, f.kind, f.long_window)

/**
 * Every gap the run found becomes one backlog item. The fingerprint names what the item is about
 * (kind, service, signal / route / SLO), so the same gap maps to the same issue on every run.
 */
export function collectBacklog(r: {
  audit: InstrumentationAudit
  baseline: BaselineMetrics
  alignment: SloAlignment
  dashboards: DashboardReport
  alertTests: AlertTestResults
  schedule: ObservabilitySchedule
  tuning: TuningReport
  approvalMissing: boolean
  /** For links, commands and owners; without it items carry no links or assignees. */
  config?: Config
}): BacklogItem[] {
  const config = r.config
  const items: BacklogItem[] = []
  const add = (item: BacklogItem): void => {
    if (!items.some((i) => i.fingerprint === item.fingerprint)) items.push(item)
  }
  for (const g of r.audit.missing_coverage) {
    const sig = r.audit.services.find((s) => s.service_name === g.service)?.[SIGNAL_KEY[g.signal]]
    const m = sig?.measurement
    const diag = sig?.diagnosis
    add({
      fingerprint: fingerprint('coverage', g.service, g.signal),
      kind: 'coverage_gap',
      service: g.service,
      priority: g.priority,
      gate: 1,
      title: `${g.service}: missing ${g.signal} coverage (${g.gap.replace(/_/g, ' ')})`,
      summary: `The instrumentation audit found no verified ${g.signal} for ${g.service} (${g.gap.replace(/_/g, ' ')}): ${g.detail}`,
      evidence: [
        { label: 'gap', value: g.gap },
        { label: 'detail', value: g.detail },
        ...(m
          ? [
              { label: 'value seen', value: m.value === null ? 'none' : String(m.value) },
              ...(m.threshold ? [{ label: 'needed', value: m.threshold }] : []),
              { label: 'request', value: `${m.request.method} ${m.request.url}` }
            ]
          : []),
        ...(diag ? [{ label: 'diagnosis', value: `${diag.cause.replace(/_/g, ' ')}: ${diag.detail}` }] : []),
        { label: 'audit date', value: r.audit.audit_date }
      ],
      action: diag ? diagnosisHint(diag, g.signal) : coverageHint(g.gap, g.signal),
      verify: curlFor(m),
      query: m?.request.query ? { backend: m.request.backend, expr: m.request.query } : undefined,
      observedAt: m?.finished_at,
      links: queryLinks(config, m?.request.backend, m?.request.query).map((l) => ({
        label: l.text === 'query' ? 'The query in the backend UI' : 'The query in Grafana Explore',
        url: l.url
      }))
    })
  }
  if (r.audit.not_verified_reason) {
    add({
      fingerprint: fingerprint('coverage', 'not-verified'),
      kind: 'coverage_gap',
      priority: 'high',
      gate: 1,
      title: 'Instrumentation not verified against live telemetry',
      summary: r.audit.not_verified_reason,
      evidence: [{ label: 'reason', value: r.audit.not_verified_reason }],
      action: 'Nothing was measured: fix the cause named (backends, signals in the config), then run again.',
      verify: CLI
    })
  }
  // One item per evidence file: its refuted claims are one fix (the tool that wrote them).
  const queryOf = (service: string | undefined, metric: string): string | undefined =>
    r.baseline.services
      .find((x) => (service ? x.service === service : x.metrics.some((v) => v.metric === metric)))
      ?.metrics.find((v) => v.metric === metric)?.query
  const refuted = new Map<string, typeof r.baseline.claims>()
  for (const c of r.baseline.claims.filter((x) => x.verdict === 'fail')) {
    const file = c.source.split(' ')[0] || c.source
    refuted.set(file, [...(refuted.get(file) ?? []), c])
  }
  for (const [file, claims] of refuted) {
    const firstQuery = claims.map((c) => c.query || queryOf(undefined, c.metric)).find(Boolean)
    add({
      fingerprint: fingerprint('claim', file),
      kind: 'claim_refuted',
      priority: 'medium',
      title: `${claims.length} deploy claim(s) in ${file} refuted by live data (${[...new Set(claims.map((c) => c.metric))].join(', ')})`,
      summary: `The deploy evidence in ${file} states values that live data does not bear out: ${claims.map((c) => c.reason).join('; ')}`,
      evidence: claims.map((c) => ({
        label: `${c.metric} (${c.source.slice(file.length).trim() || file})`,
        value: `claimed ${c.claimed}, observed ${c.observed ?? 'n/a'}${c.checked_against ? ` (${c.checked_against})` : ''}, tolerance ${c.tolerance_percent}%`
      })),
      action: `Fix what writes ${file} so that it reports measured values (units, the window, the right services); if the live query measures something else, set baseline.queries or the baseline query overrides in the config.`,
      verify: firstQuery ? promCurl(config, config?.baseline.backend, firstQuery) : CLI,
      query: firstQuery ? { backend: config?.baseline.backend, expr: firstQuery } : undefined,
      observedAt: r.baseline.captured_at
    })
  }
  for (const p of r.baseline.previous?.comparisons.filter((x) => x.verdict === 'fail' || x.verdict === 'warn') ?? []) {
    add({
      fingerprint: fingerprint('regression', p.service, p.metric),
      kind: 'baseline_regression',
      service: p.service,
      priority: p.verdict === 'fail' ? 'high' : 'low',
      title: `${p.service}: ${p.metric} regressed against the previous release`,
      summary: p.reason,
      evidence: [
        { label: 'previous', value: String(p.previous) },
        { label: 'current', value: String(p.current) },
        { label: 'criterion', value: p.criterion },
        ...(r.baseline.previous?.source ? [{ label: 'previous baseline', value: r.baseline.previous.source }] : [])
      ],
      action: `Find what in this release made ${p.metric} worse for ${p.service} (compare the releases' changes and dashboards); roll back or fix it, or change the criterion in baseline.criteria if the new level is intended.`,
      ...(() => {
        const q = queryOf(p.service, p.metric)
        return q
          ? {
              verify: promCurl(config, config?.baseline.backend, q),
              query: { backend: config?.baseline.backend, expr: q },
              links: queryLinks(config, config?.baseline.backend, q).map((l) => ({
                label: l.text === 'query' ? 'The query in the backend UI' : 'The query in Grafana Explore',
                url: l.url
              }))
            }
          : { verify: CLI }
      })(),
      observedAt: r.baseline.captured_at
    })
  }
  for (const f of r.alignment.findings.filter((x) => x.status !== 'aligned')) {
    add({
      fingerprint: alertRuleFingerprint(f),
      kind: 'alert_rule',
      service: f.service,
      priority: f.kind === 'page' || f.kind === 'service_page' ? 'high' : 'medium',
      gate: 2,
      title: `${f.kind} alert${f.long_window ? ` (${f.long_window})` : ''} for SLO ${f.slo} is ${f.status}`,
      summary: f.reason,
      evidence: [
        { label: 'expected', value: f.expected },
        { label: 'found', value: f.found ? `${f.found.rule} (${f.found.source}): ${f.found.expr}` : 'none' }
      ],
      action:
        f.status === 'error'
          ? 'The rules could not be read: make the rules backend reachable or the rule files parseable, then run again.'
          : `Add (or correct) the ${f.kind} alert for SLO ${f.slo}: the package's suggested-alert-rules.yml has it; copy it into your rule files and deploy them.`,
      verify: 'promtool check rules suggested-alert-rules.yml',
      query: f.found ? { expr: f.found.expr } : undefined
    })
  }
  for (const s of r.dashboards.services_without_dashboard) {
    add({
      fingerprint: fingerprint('dashboard', s),
      kind: 'dashboard',
      service: s,
      priority: 'medium',
      gate: 2,
      title: `No dashboard shows ${s}`,
      summary: `${s} is new or critical but appears in no dashboard panel query.`,
      evidence: [{ label: 'dashboards checked', value: r.dashboards.dashboards.map((d) => d.dashboard).join(', ') || 'none' }],
      action: `Add a panel whose query selects ${s} to one of the dashboards checked.`,
      verify: CLI
    })
  }
  for (const d of r.dashboards.dashboards) {
    for (const t of d.thresholds_missing) {
      add({
        fingerprint: fingerprint('dashboard-threshold', d.dashboard, t),
        kind: 'dashboard',
        priority: 'low',
        gate: 2,
        title: `Dashboard ${d.dashboard} lacks the SLO threshold ${t}`,
        summary: `The SLO threshold ${t} is not shown on the panel for its service.`,
        evidence: [{ label: 'dashboard', value: d.source }],
        action: `Add the threshold ${t} to the panel (a threshold step or a constant series).`,
        verify: CLI
      })
    }
  }
  for (const t of r.alertTests.tests.filter((x) => !(x.status === 'passed' && x.sla_met))) {
    const route = config?.alerting.routes.find((x) => x.name === t.route)
    const am = config?.alerting.alertmanager?.url
    const service = route?.labels[config?.['service-label'] ?? 'service']
    add({
      fingerprint: fingerprint('alert-path', t.route),
      kind: 'alert_path',
      service,
      priority: 'high',
      gate: 2,
      title: `Alert route ${t.route} failed its synthetic test (${t.actual_receivers.length && !t.actual_receivers.includes(t.expected_receiver) ? `went to ${t.actual_receivers.join(', ')}` : t.status === 'error' ? 'backend error' : !t.delivered_at ? 'not delivered' : 'not acknowledged in time'})`,
      action:
        t.status === 'error'
          ? 'Make the alerting backend reachable from the runner, then run again.'
          : t.actual_receivers.length && !t.actual_receivers.includes(t.expected_receiver)
            ? `Fix the routing tree so alerts with the route's labels reach ${t.expected_receiver}, then deploy the Alertmanager config.`
            : !t.delivered_at
              ? `Fix the receiver ${t.expected_receiver}'s integration: Alertmanager chose it but the notification did not arrive.`
              : `Check the on-call schedule and escalation of ${t.expected_receiver}: a person must acknowledge within ${t.sla_seconds} s.`,
      verify: route && t.provider === 'alertmanager' ? amtoolCommand(t.expected_receiver, route.labels) : CLI,
      observedAt: t.triggered_at ?? undefined,
      links:
        am && route && t.provider === 'alertmanager'
          ? [{ label: 'The synthetic alert in Alertmanager', url: alertmanagerAlertsUrl(am, route.labels) }]
          : undefined,
      summary: t.reason,
      evidence: [
        { label: 'expected receiver', value: t.expected_receiver },
        { label: 'actual receivers', value: t.actual_receivers.join(', ') || 'none' },
        {
          label: 'acknowledgement',
          value: t.acknowledgement_time_seconds === null ? 'none' : `${t.acknowledgement_time_seconds} s (SLA ${t.sla_seconds} s)`
        },
        { label: 'status', value: t.status }
      ]
    })
  }
  for (const m of r.schedule.missing) {
    const type = m.split(' ')[0] ?? m
    add({
      fingerprint: fingerprint('schedule', type),
      kind: 'schedule',
      priority: 'medium',
      gate: 3,
      title: `Ongoing ${type} check not scheduled`,
      summary: m,
      evidence: [{ label: 'schedule coverage', value: `${r.schedule.schedule_coverage}%` }],
      action: `Schedule the ${type} check: a workflow that runs this action with mode: assurance on a cron, or assurance.checks in the config, with an owner.`,
      verify: `${CLI} --mode assurance`
    })
  }
  for (const a of r.tuning.adjustments) {
    add({
      fingerprint: fingerprint('tuning', a.target, a.change.split(' ')[0]),
      kind: 'alert_tuning',
      priority: 'low',
      title: `Tune ${a.target}: ${a.change}`,
      summary: a.why,
      evidence: [{ label: 'lookback', value: r.tuning.lookback }, ...(a.evidence ?? [])],
      action: `Change ${a.target}: ${a.change}. See alert-tuning-report.md in the package for the episodes and incidents behind it.`,
      verify: 'promtool check rules <your rule file>'
    })
  }
  for (const s of r.tuning.sources.filter((x) => x.status !== 'ok')) {
    add({
      fingerprint: fingerprint('tuning-source', s.kind),
      kind: 'alert_tuning',
      priority: 'medium',
      gate: 3,
      title: `Alert tuning lacks its ${s.kind} source`,
      summary: `${s.name}: ${s.status}: ${s.detail}`,
      evidence: [{ label: 'request', value: s.request }],
      action:
        s.kind === 'incidents'
          ? 'Configure an incident source: incidents.file or incidents.github-labels.'
          : 'Give the run a Prometheus backend that holds the ALERTS history (alerting.rules-backend).',
      verify: CLI
    })
  }
  if (r.approvalMissing) {
    add({
      fingerprint: fingerprint('approval'),
      kind: 'approval',
      priority: 'high',
      gate: 4,
      title: 'Monitoring approval not recorded',
      summary: 'Obtain SRE sign-off (a protected environment approval or the approved-by input) and the on-call owner.',
      evidence: [],
      action: 'Approve the protected environment of the monitoring job, or pass the approved-by and on-call-owner inputs.',
      verify: `${CLI} --approved-by 'alice (SRE lead)' --on-call-owner payments-oncall`
    })
  }
  // The owners named in the config are assigned to their service's items.
  for (const item of items) {
    const owners = item.service ? config?.services.find((s) => s.name === item.service)?.['github-assignees'] : undefined
    if (owners?.length) item.assignees = [...owners]
  }
  return items.sort(byPriority)
}

/** The fingerprints of gaps that must each have a backlog item (gate 3). */
export function gapFingerprints(audit: InstrumentationAudit, alignment: SloAlignment, alertTests: AlertTestResults): string[] {
  return [
    ...audit.missing_coverage.map((g) => fingerprint('coverage', g.service, g.signal)),
    ...alignment.findings.filter((f) => f.status !== 'aligned').map(alertRuleFingerprint),
    ...alertTests.tests.filter((t) => !(t.status === 'passed' && t.sla_met)).map((t) => fingerprint('alert-path', t.route))
  ]
}
