/**
 * The four quality gates of Protocol 12 (seed section 4), as pure functions of collected data.
 * Every gate can fail: missing data, a check that did not run, or a backend error is never a pass.
 */
import { drillGate } from '../alerting/drill/gate.js'
import type { DetectionDrill } from '../artifacts/contracts/detection-drill.js'
import type { AlertTest, AlertTestResults, AttemptOutcome, DashboardReport, SloAlignment } from '../alerting/types.js'
import type { ObservabilitySchedule, TuningReport } from '../assurance/types.js'
import type { Config } from '../config/schema.js'
import type { BacklogItem } from '../model/backlog.js'
import type { MonitoringModel } from '../model/monitoring-model.js'
import type { PackageManifest } from '../package/manifest.js'
import type { HookReview } from '../artifacts/contracts/common.js'
import { describeCoverage } from '../telemetry/coverage.js'
import type { InstrumentationAudit } from '../telemetry/types.js'
import { GATE_NAMES, type GateCheck, type GateResult } from './types.js'
import { FILES } from '../artifacts/files.js'

export const MSG_MISSING_COVERAGE = (service: string): string => `[ERROR] Missing telemetry coverage for critical service: ${service}.`
export const MSG_ALERT_FAILURE = '[ERROR] Synthetic alert did not reach on-call responder.'
export const MSG_APPROVAL_MISSING = '[ERROR] Monitoring approval not recorded.'

type Thresholds = Config['gates']

const ALERT_FIX_ORDER: AttemptOutcome[] = [
  'wrong_receiver',
  'not_routed',
  'routed_not_delivered',
  'not_acknowledged',
  'acknowledgement_refused',
  'acknowledged_late',
  'cancelled',
  'error',
  'not_run',
  'passed'
]

function gate(id: 1 | 2 | 3 | 4, checks: GateCheck[], reasons: string[], errors: string[], evidence: string[]): GateResult {
  const failed = reasons.length > 0 || errors.length > 0 || checks.some((c) => c.status !== 'pass')
  return { id, name: GATE_NAMES[id], status: failed ? 'fail' : 'pass', reasons, errors, checks, evidence }
}

const pct = (n: number): string => `${Math.round(n * 100) / 100}%`

/** A configured hook adds evidence: a refused artifact fails the gate, a disagreement is shown. */
function hookCheck(hook: HookReview | undefined, checks: GateCheck[], reasons: string[]): void {
  if (!hook) return
  if (!hook.accepted) reasons.push(`${hook.command} evidence refused: ${hook.refused.join('; ')}`)
  checks.push({
    name: `${hook.command} evidence`,
    status: hook.accepted ? 'pass' : 'fail',
    value: hook.accepted
      ? hook.disagreements.length
        ? `accepted; disagrees with the live check on ${hook.disagreements.length} point(s), the live check decides`
        : 'accepted; agrees with the live check'
      : 'refused',
    threshold: 'dated in this run, covering every service or route; the live check decides'
  })
}

export function evaluateInstrumentationGate(input: {
  model: MonitoringModel
  audit: InstrumentationAudit
  requirementsWritten: boolean
  thresholds: Thresholds
  /** Open critical/high instrumentation gaps from Protocol 4's quality audit the live audit did not close. */
  qualityGaps?: Array<{ id: string; title: string; severity: string; service?: string; signal?: string }>
}): GateResult {
  const { model, audit, thresholds } = input
  const reasons: string[] = []
  const errors: string[] = []
  const checks: GateCheck[] = []
  if (!input.requirementsWritten) reasons.push('monitoring-requirements.md was not produced')
  if (model.services.length === 0) reasons.push('no services to observe: neither the evidence nor the config names any')
  if (audit.not_verified_reason) reasons.push(`instrumentation not verified against live telemetry: ${audit.not_verified_reason}`)
  hookCheck(audit.hook, checks, reasons)
  if (input.qualityGaps) {
    for (const f of input.qualityGaps) {
      reasons.push(
        `high-risk gap from the quality audit (Protocol 4) remains open: ${f.id} (${f.severity})${f.service ? ` ${f.service}${f.signal ? `/${f.signal}` : ''}` : ''}: ${f.title}`
      )
    }
    checks.push({
      name: 'Protocol 4 high-risk gaps open',
      status: input.qualityGaps.length === 0 ? 'pass' : 'fail',
      value: String(input.qualityGaps.length),
      threshold: '0'
    })
  }

  for (const svc of audit.services.filter((s) => s.critical)) {
    const signals = [svc.metrics, svc.logs, svc.traces, svc.synthetics]
    const missing = signals.filter((s) => !s.verified)
    if (missing.length === 0) continue
    reasons.push(
      `${MSG_MISSING_COVERAGE(svc.service_name)} ${missing
        .map((s) => `${s.signal}: ${s.measurement?.reason ?? (s.mapped ? s.verdict : 'not mapped')}`)
        .join('; ')}`
    )
    for (const s of missing.filter((x) => x.verdict === 'error')) {
      errors.push(`${svc.service_name}/${s.signal}: backend error: ${s.measurement?.reason ?? 'no answer'}`)
    }
  }
  // Audited critical services must include every critical service of the model.
  for (const svc of model.services.filter((s) => s.critical)) {
    if (!audit.services.some((a) => a.service_name === svc.name)) {
      reasons.push(`${MSG_MISSING_COVERAGE(svc.name)} the audit has no entry for it`)
    }
  }
  const coverage = Number.isFinite(audit.coverage_completeness) ? audit.coverage_completeness : 0
  checks.push({
    name: 'coverage completeness',
    status: coverage >= thresholds['coverage-min-percent'] && audit.services.length > 0 ? 'pass' : 'fail',
    value: pct(coverage),
    threshold: `>= ${thresholds['coverage-min-percent']}%`
  })
  const high = audit.missing_coverage.filter((g) => g.priority === 'high')
  checks.push({ name: 'high-priority gaps', status: high.length === 0 ? 'pass' : 'fail', value: String(high.length), threshold: '0' })
  for (const g of high) {
    if (!audit.services.find((s) => s.service_name === g.service)?.critical) {
      reasons.push(`high-priority gap (named in a deploy risk): ${g.service}/${g.signal}: ${g.gap}: ${g.detail}`)
    }
  }
  return gate(1, checks, reasons, errors, [FILES.requirements, FILES.instrumentationAudit])
}

export function evaluateAlertGate(input: {
  alertTests: AlertTestResults
  alignment: SloAlignment
  dashboards: DashboardReport
  thresholds: Thresholds
  drill?: DetectionDrill
}): GateResult {
  const { alertTests, alignment, dashboards, thresholds } = input
  const reasons: string[] = []
  const errors: string[] = []
  const checks: GateCheck[] = []
  hookCheck(alertTests.hook, checks, reasons)

  if (alertTests.held) reasons.push(alertTests.held)
  else if (!alertTests.approved)
    reasons.push(
      `alert tests not approved (${alertTests.not_verified_reason?.match(/^alert tests not approved \((.+?)\)/)?.[1] ?? 'input alert-tests is false'}): the alert path is unproven`
    )
  else if (alertTests.not_verified_reason) reasons.push(`alert path not verified: ${alertTests.not_verified_reason}`)
  else if (alertTests.tests.length === 0) reasons.push('no alert route was tested: configure alerting.routes')
  // In the order the responder must fix them: where it went, whether it arrived, who acknowledged.
  const rank = (t: AlertTest): number => ALERT_FIX_ORDER.indexOf(t.outcome ?? (t.status === 'error' ? 'error' : 'not_acknowledged'))
  for (const t of [...alertTests.tests].sort((a, b) => rank(a) - rank(b))) {
    if (t.status === 'passed' && t.sla_met) continue
    if (t.outcome) {
      // Built-in tests carry their full reason: the same text as the log and the summary.
      if (t.status === 'error') errors.push(t.reason)
      else reasons.push(t.status === 'not_run' ? `route ${t.route}: not run: ${t.reason}` : t.reason)
      continue
    }
    const where = `route ${t.route}: expected receiver ${t.expected_receiver}, actual ${t.actual_receivers.join(', ') || 'none'}`
    if (t.status === 'error') errors.push(`${where}: backend error: ${t.reason}`)
    else if (t.status === 'not_run') reasons.push(`${where}: not run: ${t.reason}`)
    else if (!t.actual_receivers.includes(t.expected_receiver) || !t.delivered_at)
      reasons.push(`${MSG_ALERT_FAILURE} ${where}: ${t.reason}`)
    else
      reasons.push(
        `${where}: acknowledgement ${t.acknowledgement_time_seconds === null ? 'never came' : `took ${t.acknowledgement_time_seconds} s`}, SLA ${t.sla_seconds} s: ${t.reason}`
      )
  }
  checks.push({
    name: 'alert acknowledgement SLA compliance',
    status: alertTests.tests.length > 0 && alertTests.tests.every((t) => t.status === 'passed' && t.sla_met) ? 'pass' : 'fail',
    value: pct(alertTests.sla_compliance),
    threshold: `100% within ${alertTests.sla_target_seconds} s`
  })

  if (alignment.not_verified_reason) reasons.push(`alert rules not checked against the SLOs: ${alignment.not_verified_reason}`)
  const bad = alignment.findings.filter((f) => f.status !== 'aligned')
  for (const f of bad) {
    const text = `alert rule ${f.kind} for SLO ${f.slo} (${f.service}) ${f.status}: ${f.reason}`
    if (f.status === 'error') errors.push(text)
    else reasons.push(text)
  }
  checks.push({
    name: 'alert rules aligned with SLOs',
    status: !alignment.not_verified_reason && alignment.findings.length > 0 && bad.length === 0 ? 'pass' : 'fail',
    value: `${alignment.findings.length - bad.length}/${alignment.findings.length}`,
    threshold: 'all aligned'
  })
  if (input.drill) {
    const d = drillGate(input.drill)
    if (d.check) checks.push(d.check)
    reasons.push(...d.reasons)
    errors.push(...d.errors)
  }

  if (dashboards.not_verified_reason) reasons.push(`dashboards not checked: ${dashboards.not_verified_reason}`)
  for (const s of dashboards.services_without_dashboard) reasons.push(`service ${s} appears on no dashboard`)
  if (dashboards.live_not_verified_reason)
    reasons.push(`dashboard panels not checked against live data: ${dashboards.live_not_verified_reason}`)
  for (const d of dashboards.dashboards) {
    for (const c of d.live_checks ?? []) {
      const text = `dashboard ${d.dashboard} panel "${c.panel}" shows no data for ${c.service}: query ${c.query} answered ${c.answer}`
      if (c.verdict === 'error') errors.push(text.replace('shows no data', 'could not be checked'))
      else if (c.verdict === 'fail') reasons.push(text)
    }
  }
  const min = thresholds['dashboard-score-min-percent']
  for (const d of dashboards.dashboards.filter((x) => x.score < min)) {
    reasons.push(`dashboard ${d.dashboard} scores ${pct(d.score)} (< ${min}%)`)
  }
  const worst = dashboards.dashboards.length ? Math.min(...dashboards.dashboards.map((d) => d.score)) : 0
  checks.push({
    name: 'dashboard score',
    status:
      !dashboards.not_verified_reason &&
      !dashboards.live_not_verified_reason &&
      dashboards.dashboards.length > 0 &&
      worst >= min &&
      dashboards.dashboards.every((d) => (d.live_checks ?? []).every((c) => c.verdict === 'pass'))
        ? 'pass'
        : 'fail',
    value: dashboards.dashboards.length ? pct(worst) : 'no dashboards',
    threshold: `>= ${min}%`
  })
  return gate(2, checks, reasons, errors, [
    FILES.alertTestResults,
    FILES.dashboardConfig,
    FILES.approvalRecord,
    ...(input.drill ? [FILES.detectionDrill] : [])
  ])
}

export function evaluateAssuranceGate(input: {
  schedule: ObservabilitySchedule
  tuning: TuningReport
  tuningWritten: boolean
  backlog: BacklogItem[]
  backlogWritten: boolean
  /** Fingerprints of every gap found this run; each must have a backlog item. */
  gapFingerprints: string[]
  thresholds: Thresholds
}): GateResult {
  const { schedule, tuning, thresholds } = input
  const reasons: string[] = []
  const errors: string[] = []
  const checks: GateCheck[] = []
  const min = thresholds['schedule-coverage-min-percent']
  checks.push({
    name: 'schedule coverage',
    status: schedule.schedule_coverage >= min ? 'pass' : 'fail',
    value: pct(schedule.schedule_coverage),
    threshold: `>= ${min}%`
  })
  for (const m of schedule.missing) reasons.push(`ongoing check not scheduled: ${m}`)
  if (!schedule.ownership.owner) reasons.push('no owner for the ongoing checks (assurance.owner or the on-call-owner input)')

  if (!input.tuningWritten) reasons.push('alert-tuning-report.md was not produced')
  checks.push({
    name: 'alert tuning from real data',
    status: tuning.from_real_data ? 'pass' : 'fail',
    value: tuning.sources.map((s) => `${s.name}: ${s.status}`).join(', ') || 'no sources',
    threshold: 'alert history and incident source both read'
  })
  for (const s of tuning.sources.filter((x) => x.status !== 'ok')) {
    const text = `tuning source ${s.name} (${s.kind}) ${s.status}: ${s.detail}`
    if (s.status === 'error') errors.push(text)
    else reasons.push(text)
  }
  if (tuning.coverage && !tuning.coverage.sufficient) {
    // Too little alert history for the lookback: the correlation's figures are not founded.
    const informational = !!tuning.coverage.informational
    checks.push({
      name: 'alert history covers the lookback',
      status: informational ? 'pass' : 'fail',
      value: `insufficient data: ${describeCoverage(tuning.coverage)}${informational ? ' (informational: sufficiency.criteria.alert-correlation)' : ''}`,
      threshold: `>= ${tuning.coverage.minimum_seconds} s of ${tuning.lookback}`
    })
    if (!informational) reasons.push(`alert tuning has insufficient data: ${describeCoverage(tuning.coverage)}`)
  }
  if (!tuning.sources.some((s) => s.kind === 'alerts')) reasons.push('no alert history source for tuning')
  if (!tuning.sources.some((s) => s.kind === 'incidents')) reasons.push('no incident source for tuning')

  if (!input.backlogWritten) reasons.push('improvement-backlog.md was not produced')
  const filed = new Set(input.backlog.map((b) => b.fingerprint))
  const unfiled = input.gapFingerprints.filter((f) => !filed.has(f))
  checks.push({
    name: 'gaps with a backlog item',
    status: unfiled.length === 0 ? 'pass' : 'fail',
    value: `${input.gapFingerprints.length - unfiled.length}/${input.gapFingerprints.length}`,
    threshold: 'all'
  })
  for (const f of unfiled) reasons.push(`gap without a backlog item: ${f}`)
  return gate(3, checks, reasons, errors, [FILES.observabilitySchedule, FILES.alertTuningReport, FILES.improvementBacklog])
}

/** The parts of monitoring-approval-record.json that gate 4 reads. */
export interface ApprovalView {
  status: string
  approvers: Record<string, { name: string; approval_status: string; approval_timestamp: string | null }>
  approval_percentage: number
  effective_date: string | null
  on_call_owner: string | null
}

export interface HandoffView {
  /** The package reached GitHub as an artifact (or its delivery folder outside GitHub). */
  uploaded: boolean
  uploadError?: string
  /** Every notification sent to a downstream protocol, accepted by the receiver or not. */
  notifications: Array<{ protocol: string; channel: string; target: string; accepted: boolean; detail: string }>
  /** Whose acceptance makes "downstream protocols notified": Protocol 13 for a release, any in assurance mode. */
  requires: 'protocol-13' | 'any'
  /** Why nothing was handed off at all (the protocol paused on gate 1). */
  held?: string
  /** Decided after upload: until then the check says pending. */
  pending: boolean
}

export function evaluateHandoffGate(input: {
  manifest: PackageManifest | undefined
  approval: ApprovalView | undefined
  handoff: HandoffView
  thresholds: Thresholds
}): GateResult {
  const { manifest, approval, handoff, thresholds } = input
  const reasons: string[] = []
  const errors: string[] = []
  const checks: GateCheck[] = []
  const minManifest = thresholds['manifest-completeness-min-percent']
  if (!manifest) reasons.push('monitoring-package-manifest.json was not produced')
  const completeness = manifest?.manifest_completeness ?? 0
  checks.push({
    name: 'manifest completeness',
    status: completeness >= minManifest ? 'pass' : 'fail',
    value: pct(completeness),
    threshold: `>= ${minManifest}%`
  })
  for (const m of manifest?.missing_artifacts ?? []) reasons.push(`package artifact missing or invalid: ${m}`)

  const approvers = Object.values(approval?.approvers ?? {}).filter((a) => a.approval_status === 'approved')
  const recorded =
    !!approval && approval.status === 'approved' && approvers.length > 0 && !!approval.effective_date && !!approval.on_call_owner
  if (!recorded) {
    const missing = [
      !approval || approvers.length === 0 ? 'approver' : undefined,
      !approval?.on_call_owner ? 'on-call owner' : undefined,
      !approval?.effective_date ? 'effective date' : undefined
    ].filter(Boolean)
    reasons.push(`${MSG_APPROVAL_MISSING}${missing.length ? ` Missing: ${missing.join(', ')}.` : ''}`)
  }
  const minApprovals = thresholds['approvals-min-percent']
  checks.push({
    name: 'approvals',
    status: recorded && (approval?.approval_percentage ?? 0) >= minApprovals ? 'pass' : 'fail',
    value: pct(approval?.approval_percentage ?? 0),
    threshold: `>= ${minApprovals}%`
  })

  let notified: GateCheck['status']
  let value: string
  if (handoff.pending) {
    notified = 'pass'
    value = 'pending: decided after the package upload'
  } else {
    // The upload alone tells nobody: a notification must have been sent and accepted.
    const refused = handoff.notifications.filter((n) => !n.accepted)
    const accepted = handoff.notifications.filter((n) => n.accepted && (handoff.requires === 'any' || n.protocol === handoff.requires))
    const ok = !handoff.held && handoff.uploaded && accepted.length > 0 && refused.length === 0
    notified = ok ? 'pass' : 'fail'
    value = [
      handoff.uploaded ? 'package delivered' : `package not delivered${handoff.uploadError ? ` (${handoff.uploadError})` : ''}`,
      ...(handoff.held ? [`handoff held: ${handoff.held}`] : []),
      ...handoff.notifications.map(
        (n) => `${n.protocol} ${n.channel} ${n.target}: ${n.accepted ? 'accepted' : `not accepted (${n.detail})`}`
      ),
      ...(!handoff.held && handoff.notifications.length === 0
        ? [
            `no notification sent: github.handoff.enabled is false and notify.${handoff.requires === 'any' ? '*' : handoff.requires} is not configured`
          ]
        : []),
      ...(!handoff.held && handoff.notifications.length > 0 && accepted.length === 0 && handoff.requires !== 'any'
        ? [`no ${handoff.requires} notification accepted`]
        : [])
    ].join(', ')
    if (!ok) reasons.push(`downstream protocols not notified: ${value}`)
  }
  checks.push({
    name: 'downstream notified',
    status: notified,
    value,
    threshold: 'package delivered and a notification accepted by Protocol 13 (dispatch or webhook); every configured notification accepted'
  })
  return gate(4, checks, reasons, errors, [FILES.manifest, FILES.approvalRecord])
}
