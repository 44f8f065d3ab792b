import type { AlertTestResults, DashboardReport, RuleFinding, SloAlignment } from '../alerting/types.js'
import type { ObservabilitySchedule, TuningReport } from '../assurance/types.js'
import { fingerprint, type BacklogItem } from '../model/backlog.js'
import type { BaselineMetrics, InstrumentationAudit } from '../telemetry/types.js'

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
}): BacklogItem[] {
  const items: BacklogItem[] = []
  const add = (item: BacklogItem): void => {
    if (!items.some((i) => i.fingerprint === item.fingerprint)) items.push(item)
  }
  for (const g of r.audit.missing_coverage) {
    add({
      fingerprint: fingerprint('coverage', g.service, g.signal),
      kind: 'coverage_gap',
      service: g.service,
      priority: g.priority,
      gate: 1,
      title: `Missing ${g.signal} coverage for ${g.service}`,
      summary: `The instrumentation audit found no verified ${g.signal} for ${g.service} (${g.gap}).`,
      evidence: [
        { label: 'gap', value: g.gap },
        { label: 'detail', value: g.detail },
        { label: 'audit date', value: r.audit.audit_date }
      ]
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
      evidence: [{ label: 'reason', value: r.audit.not_verified_reason }]
    })
  }
  for (const c of r.baseline.claims.filter((x) => x.verdict === 'fail')) {
    add({
      fingerprint: fingerprint('claim', c.source, c.metric),
      kind: 'claim_refuted',
      priority: 'medium',
      title: `Deploy claim for ${c.metric} in ${c.source} refuted by live data`,
      summary: c.reason,
      evidence: [
        { label: 'source', value: c.source },
        { label: 'claimed', value: String(c.claimed) },
        { label: 'observed', value: String(c.observed) },
        { label: 'tolerance', value: `${c.tolerancePercent}%` }
      ]
    })
  }
  for (const p of r.baseline.previous?.comparisons.filter((x) => x.verdict === 'fail' || x.verdict === 'warn') ?? []) {
    add({
      fingerprint: fingerprint('regression', p.service, p.metric),
      kind: 'baseline_regression',
      service: p.service,
      priority: p.verdict === 'fail' ? 'high' : 'low',
      title: `${p.metric} regressed for ${p.service} against the previous release`,
      summary: p.reason,
      evidence: [
        { label: 'previous', value: String(p.previous) },
        { label: 'current', value: String(p.current) },
        { label: 'criterion', value: p.criterion }
      ]
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
      ]
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
      evidence: [{ label: 'dashboards checked', value: r.dashboards.dashboards.map((d) => d.dashboard).join(', ') || 'none' }]
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
        evidence: [{ label: 'dashboard', value: d.source }]
      })
    }
  }
  for (const t of r.alertTests.tests.filter((x) => !(x.status === 'passed' && x.sla_met))) {
    add({
      fingerprint: fingerprint('alert-path', t.route),
      kind: 'alert_path',
      priority: 'high',
      gate: 2,
      title: `Alert route ${t.route} failed its synthetic test`,
      summary: t.reason,
      evidence: [
        { label: 'expected receiver', value: t.expected_receiver },
        { label: 'actual receivers', value: t.actual_receivers.join(', ') || 'none' },
        { label: 'acknowledgement', value: t.acknowledgement_time_seconds === null ? 'none' : `${t.acknowledgement_time_seconds} s (SLA ${t.sla_seconds} s)` },
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
      evidence: [{ label: 'schedule coverage', value: `${r.schedule.schedule_coverage}%` }]
    })
  }
  for (const a of r.tuning.adjustments) {
    add({
      fingerprint: fingerprint('tuning', a.target, a.change.split(' ')[0]),
      kind: 'alert_tuning',
      priority: 'low',
      title: `Tune ${a.target}: ${a.change}`,
      summary: a.why,
      evidence: [{ label: 'lookback', value: r.tuning.lookback }, ...(a.evidence ?? [])]
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
      evidence: [{ label: 'request', value: s.request }]
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
      evidence: []
    })
  }
  return items
}

/** The fingerprints of gaps that must each have a backlog item (gate 3). */
export function gapFingerprints(audit: InstrumentationAudit, alignment: SloAlignment, alertTests: AlertTestResults): string[] {
  return [
    ...audit.missing_coverage.map((g) => fingerprint('coverage', g.service, g.signal)),
    ...alignment.findings.filter((f) => f.status !== 'aligned').map(alertRuleFingerprint),
    ...alertTests.tests.filter((t) => !(t.status === 'passed' && t.sla_met)).map((t) => fingerprint('alert-path', t.route))
  ]
}
