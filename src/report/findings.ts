/**
 * The failed checks of a run, each said once in plain words with the value that decided it, a
 * hint of what to do and where to look. Pure: built from the run's results, for the summary, the
 * pull request comment and the terminal.
 */
import type { AlertTest } from '../alerting/types.js'
import type { SloAttainment } from '../assurance/types.js'
import type { Signal } from '../config/schema.js'
import type { GateResult } from '../gates/types.js'
import type { BacklogItem } from '../model/backlog.js'
import { fingerprint } from '../model/backlog.js'
import type { RunResult } from './run-result.js'
import type { NoDataDiagnosis } from '../telemetry/diagnosis.js'
import type { CoverageGap, ServiceAudit, SignalCoverage } from '../telemetry/types.js'
import { alertmanagerAlertsUrl, issueLink, queryLinks, runbookLink, type Link, type ReportLinks } from './links.js'

export interface FailedCheck {
  /** The gate it makes fail; 0 for the run's own input errors; undefined for an SLO breach. */
  gate?: 0 | 1 | 2 | 3 | 4
  /** Lower is more important. */
  rank: number
  service?: string
  /** The signal, route, SLO or check. */
  subject: string
  /** What is wrong, in plain words. */
  cause: string
  value?: string
  threshold?: string
  /** What to do about it (plain text). */
  hint: string
  /** A command that checks the fix, shown verbatim. */
  command?: string
  links: Link[]
  /** Checks that failed for this same cause (a backend down), when grouped. */
  count?: number
  /** The checks grouped under this one, e.g. `checkout/metrics`. */
  members?: string[]
  /** Backlog fingerprint of the item, to link its issue. */
  fingerprint?: string
}

const SIGNAL_KEYS: Array<[Signal, keyof Pick<ServiceAudit, 'metrics' | 'logs' | 'traces' | 'synthetics'>]> = [
  ['metrics', 'metrics'],
  ['logs', 'logs'],
  ['traces', 'traces'],
  ['synthetic', 'synthetics']
]

const short = (text: string, max = 300): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** What to do, per kind of coverage gap. */
export function coverageHint(gap: string | undefined, signal: Signal): string {
  switch (gap) {
    case 'unmapped':
      return signal === 'synthetic'
        ? 'Give the service an endpoint to probe (services[].endpoints in the config, or the deploy evidence).'
        : `Map the signal: add a signals.${signal} check to the config that groups by the service label.`
    case 'no_data':
      return `Add the missing ${signal} instrumentation, or fix the service label: the query found no series for this service.`
    case 'stale':
      return `The newest ${signal} sample is too old: check that the exporter, agent or scrape job is still running.`
    case 'invalid_value':
      return 'The query returns NaN or a non-number: fix the query or the instrumentation behind it.'
    case 'host_not_allowed':
      return "Add the endpoint's host to allowed-hosts in the config, or remove the endpoint."
    case 'backend_error':
      return 'Not a monitoring gap: make the backend reachable from the runner (URL, credentials, network), then run again.'
    case 'not_verified':
      return 'Nothing was measured: fix the cause named, then run again.'
    default:
      return signal === 'synthetic'
        ? 'The endpoint answered wrongly or too slowly: fix the service, or the expected status and latency.'
        : `The ${signal} check failed: look at the query's answer and fix the instrumentation or the check.`
  }
}

/** What to do, per diagnosed cause of missing data. */
export function diagnosisHint(d: NoDataDiagnosis, signal: Signal): string {
  switch (d.cause) {
    case 'metric_missing':
      return `Add the missing ${signal} instrumentation: the metric does not exist in the backend at all (or the check's query names the wrong metric).`
    case 'label_value_mismatch':
      return `Fix the service label${d.closest_values?.length ? `: the backend has ${d.closest_values.slice(0, 3).join(', ')}` : ''}; set services[].selector or rename the label value the service emits.`
    case 'stopped':
      return `The ${signal} data stopped${d.stopped_at ? ` at ${d.stopped_at}` : ''}: restart or fix the exporter, agent or scrape job.`
    case 'no_traffic':
      return 'The target is up but nothing was measured: send traffic (a synthetic check) or count the metric from zero so an idle service still reports.'
    case 'backend_down':
      return 'Not a monitoring gap: make the backend reachable from the runner (URL, credentials, network), then run again.'
    default:
      return `The selector filters every series out: check the label matchers of signals.${signal}.`
  }
}

function alertHint(t: AlertTest): string {
  if (t.status === 'error') return 'Not a routing fault: make the alerting backend reachable from the runner, then run again.'
  if (t.actual_receivers.length > 0 && !t.actual_receivers.includes(t.expected_receiver))
    return `Fix the route: alerts with these labels must reach ${t.expected_receiver}; test the routing tree offline with amtool.`
  if (!t.delivered_at)
    return `Fix the route or the receiver ${t.expected_receiver}: the alert was not delivered. Check the receiver's integration and Alertmanager's notification counters.`
  return `Check the on-call schedule and escalation of ${t.expected_receiver}: a person must acknowledge within the SLA.`
}

function alertCause(t: AlertTest): { cause: string; value: string; threshold: string } {
  const actual = t.actual_receivers.join(', ') || 'no receiver'
  if (t.status === 'error')
    return { cause: `the alerting backend could not answer: ${t.reason}`, value: 'no answer', threshold: `receiver ${t.expected_receiver}` }
  if (t.status === 'not_run') return { cause: `not run: ${t.reason}`, value: 'not run', threshold: `receiver ${t.expected_receiver}` }
  if (t.actual_receivers.length > 0 && !t.actual_receivers.includes(t.expected_receiver))
    return { cause: `the alert went to ${actual}, not to ${t.expected_receiver}`, value: actual, threshold: t.expected_receiver }
  if (!t.delivered_at)
    return { cause: `the alert was not delivered: ${t.reason}`, value: 'not delivered', threshold: `delivered to ${t.expected_receiver}` }
  if (t.acknowledgement_time_seconds === null)
    return { cause: 'nobody acknowledged the alert', value: 'no acknowledgement', threshold: `within ${t.sla_seconds} s` }
  return {
    cause: 'the acknowledgement came too late',
    value: `${t.acknowledgement_time_seconds} s`,
    threshold: `within ${t.sla_seconds} s`
  }
}

/** What to do, per backlog kind (items that are not coverage gaps or alert tests). */
function backlogHint(item: BacklogItem): string {
  switch (item.kind) {
    case 'alert_rule':
      return "Add the rule from the package's suggested-alert-rules.yml to your rule files, check it with promtool, and deploy it."
    case 'dashboard':
      return 'Add a panel for the service (or the SLO threshold) to a dashboard listed in dashboards.files or the Grafana uids.'
    case 'schedule':
      return 'Schedule the check: a workflow that runs this action with mode: assurance on a cron, or assurance.checks in the config.'
    case 'alert_tuning':
      return 'Configure the missing source (incidents.file or incidents.github-labels, and a Prometheus backend with alert history).'
    case 'approval':
      return 'Record the sign-off: approve the protected environment, or pass the approved-by input (--approved-by on the command line) and the on-call owner.'
    default:
      return item.action ?? 'See the backlog item for the evidence.'
  }
}

/** Hints for gate reasons that no structured result explains (gates 3 and 4, input errors). */
function reasonHint(reason: string, gate: number): string {
  if (/not scheduled/.test(reason))
    return 'Schedule the check: a workflow that runs this action with mode: assurance on a cron, or assurance.checks in the config.'
  if (/no owner/.test(reason)) return 'Name an owner: assurance.owner in the config, or the on-call-owner input (--on-call-owner).'
  if (/tuning source|alert history|incident source/.test(reason))
    return 'Configure the source: incidents.file or incidents.github-labels, and a Prometheus backend holding the ALERTS history.'
  if (/approval/i.test(reason))
    return 'Record the sign-off: approve the protected environment, or pass approved-by (--approved-by) and on-call-owner (--on-call-owner).'
  if (/manifest|package artifact/.test(reason))
    return 'An artifact of the package is missing or invalid: see the errors above and monitoring-package-manifest.json.'
  if (/not notified|not delivered|dispatch/.test(reason))
    return "Check package-artifact and the token's permissions (actions, contents: write for the handoff)."
  if (/invalid input|config|evidence/i.test(reason))
    return 'Fix the file and field named, then run again; the command line checks the same input locally.'
  return gate === 0 ? 'Fix the cause named, then run again.' : "See the gate's reasons in gate-results.json."
}

/**
 * The backend failure a text describes ("prometheus: unreachable (ECONNREFUSED)", "loki: HTTP
 * 503"), whatever request it was: checks that failed for it are one cause.
 */
export function backendCause(text: string): string | undefined {
  const m =
    /(?:BackendError: )?([A-Za-z0-9_.-]+): (unreachable \([A-Z_]+\)|HTTP [0-9]{3}(?: [A-Za-z ]+)?|timed out after [0-9.]+ ?m?s|connect [A-Z_]+ [0-9.:]+)/.exec(
      text
    )
  return m ? `${m[1]}: ${m[2]!.trim()}` : undefined
}

const RANK = { input: 0, backendDown: 10, critical: 20, alertPath: 30, slo: 40, rule: 50, other: 60, gate3: 70, gate4: 80, nonCritical: 90 }

/**
 * Every failed check, most important first: input errors, a backend that is down (once, with the
 * checks it took with it), critical services' missing signals, alert routes, SLO breaches, alert
 * rules and dashboards, then the later gates.
 */
export function failedChecks(result: RunResult, links: ReportLinks = {}): FailedCheck[] {
  const out: FailedCheck[] = []
  const config = result.config
  const issue = (fp: string | undefined): Link[] => {
    const n = fp ? result.issues?.numbers?.get(fp) : undefined
    const l = issueLink(links, n)
    return l ? [l] : []
  }
  const runbook = runbookLink(config, links, result.model?.release.tag, result.model?.environment)

  if (!result.model) {
    const reasons = result.errors.length ? result.errors : (result.gates[0]?.reasons ?? [])
    for (const r of reasons)
      out.push({ gate: 0, rank: RANK.input, subject: 'input', cause: short(r, 500), hint: reasonHint(r, 0), links: [] })
    return out
  }
  for (const r of result.errors)
    out.push({ gate: 0, rank: RANK.input + 1, subject: 'run', cause: short(r, 500), hint: reasonHint(r, 0), links: [] })

  const gateFailed = (id: number): boolean => result.gates.find((g) => g.id === id)?.status === 'fail'
  const explained = new Set<number>()

  // ---- gate 1: one line per unverified signal; backend errors grouped by backend and cause.
  const audit = result.audit
  let notVerified: FailedCheck | undefined
  if (audit?.not_verified_reason) {
    notVerified = {
      gate: 1,
      rank: RANK.critical,
      subject: 'instrumentation audit',
      cause: `not verified against live telemetry: ${short(audit.not_verified_reason)}`,
      hint: coverageHint('not_verified', 'metrics'),
      links: [],
      count: 0,
      members: []
    }
    out.push(notVerified)
    explained.add(1)
  }
  const gapOf = new Map<string, CoverageGap>((audit?.missing_coverage ?? []).map((g) => [`${g.service}/${g.signal}`, g]))
  const down = new Map<string, FailedCheck>()
  /** One line per backend failure, counting the checks it took with it. */
  const groupDown = (backend: string, reason: string, member: string, gate: FailedCheck['gate']): void => {
    const cause = backendCause(reason) ?? `${backend}: ${short(reason, 200)}`
    const seen = down.get(cause)
    if (seen) {
      seen.count = (seen.count ?? 1) + 1
      seen.members!.push(member)
      return
    }
    const check: FailedCheck = {
      gate,
      rank: RANK.backendDown,
      subject: `backend ${cause.split(':')[0]}`,
      cause: `the backend did not answer: ${cause}`,
      value: 'no answer',
      hint: coverageHint('backend_error', 'metrics'),
      links: [],
      count: 1,
      members: [member]
    }
    down.set(cause, check)
    out.push(check)
  }
  for (const svc of audit?.services ?? []) {
    if (!svc.critical && !gateFailed(1)) continue
    for (const [signal, key] of SIGNAL_KEYS) {
      const s = svc[key] as SignalCoverage
      if (s.verified) continue
      const gap = gapOf.get(`${svc.service_name}/${signal}`)
      const m = s.measurement
      const member = `${svc.service_name}/${signal}`
      if (notVerified && (s.verdict === 'not_verified' || gap?.gap === 'not_verified')) {
        // The audit as a whole was not verified: one line for every signal it left unchecked.
        notVerified.count = (notVerified.count ?? 0) + 1
        notVerified.members!.push(member)
        continue
      }
      if (s.verdict === 'error' || gap?.gap === 'backend_error') {
        groupDown(m?.request.backend ?? 'backend', m?.reason ?? gap?.detail ?? 'no answer', member, 1)
        explained.add(1)
        continue
      }
      const kind = gap?.gap ?? (s.mapped ? s.verdict : 'unmapped')
      const fp = fingerprint('coverage', svc.service_name, signal)
      const d = s.diagnosis
      out.push({
        gate: 1,
        rank: (svc.critical ? RANK.critical : RANK.nonCritical) + (svc.new ? 0 : 1),
        service: svc.service_name,
        subject: signal,
        cause: `${plainGap(kind)}${d ? `: ${short(d.detail)}` : m?.reason ? `: ${short(m.reason)}` : ''}`,
        value: m?.value === null || m?.value === undefined ? 'none' : String(m.value),
        threshold: m?.threshold ?? (kind === 'unmapped' ? 'a configured check' : 'fresh, finite data'),
        hint: d ? diagnosisHint(d, signal) : coverageHint(kind, signal),
        links: [
          ...queryLinks(config, m?.request.backend, m?.request.query),
          ...(d && d.query !== m?.request.query
            ? queryLinks(config, m?.request.backend, d.query).map((l) => ({ ...l, text: `${l.text} (diagnosis)` }))
            : []),
          ...issue(fp)
        ],
        fingerprint: fp
      })
      explained.add(1)
    }
  }

  // ---- gate 2: alert path, alert rules, dashboards.
  const alerts = result.alertTests
  if (alerts && !alerts.approved) {
    out.push({
      gate: 2,
      rank: RANK.alertPath,
      subject: 'alert tests',
      cause: 'alert tests were not approved, so the alert path is unproven',
      value: 'alert-tests: false',
      threshold: 'true',
      hint: 'Run with the alert-tests input true (--alert-tests true) once the alert receivers expect a synthetic alert.',
      links: []
    })
    explained.add(2)
  } else if (alerts?.not_verified_reason) {
    out.push({
      gate: 2,
      rank: RANK.alertPath,
      subject: 'alert path',
      cause: `not verified: ${short(alerts.not_verified_reason)}`,
      hint: 'Configure alerting (alertmanager, pagerduty or webhook) and alerting.routes.',
      links: []
    })
    explained.add(2)
  }
  const am = config?.alerting.alertmanager?.url
  for (const t of alerts?.tests ?? []) {
    if (t.status === 'passed' && t.sla_met) continue
    // Not approved: said once above, not once per route.
    if (t.status === 'not_run' && alerts && (!alerts.approved || alerts.not_verified_reason)) continue
    if (t.status === 'error' && backendCause(t.reason)) {
      groupDown('alerting', t.reason, `route ${t.route}`, 2)
      explained.add(2)
      continue
    }
    const c = alertCause(t)
    const fp = fingerprint('alert-path', t.route)
    const route = config?.alerting.routes.find((r) => r.name === t.route)
    out.push({
      gate: 2,
      rank: t.status === 'error' ? RANK.backendDown + 1 : RANK.alertPath,
      subject: `route ${t.route}`,
      cause: c.cause,
      value: c.value,
      threshold: c.threshold,
      hint: alertHint(t),
      command: route && t.status !== 'error' ? amtoolCommand(t.expected_receiver, route.labels) : undefined,
      links: [
        ...(am && t.provider === 'alertmanager' ? [{ text: 'Alertmanager', url: alertmanagerAlertsUrl(am, route?.labels ?? {}) }] : []),
        ...(runbook ? [runbook] : []),
        ...issue(fp)
      ],
      fingerprint: fp
    })
    explained.add(2)
  }
  for (const b of result.backlog) {
    if (b.kind !== 'alert_rule' && b.kind !== 'dashboard') continue
    if (b.kind === 'dashboard' && b.priority === 'low' && !gateFailed(2)) continue
    const ev = (label: string): string | undefined => b.evidence.find((e) => e.label === label)?.value
    out.push({
      gate: 2,
      rank: b.kind === 'alert_rule' ? RANK.rule + (b.priority === 'high' ? 0 : 1) : RANK.other,
      service: b.service,
      subject: b.kind === 'alert_rule' ? b.title.replace(/ is (missing|misaligned|error)$/, '') : 'dashboard',
      cause: short(b.summary),
      value: ev('found'),
      threshold: ev('expected'),
      hint: backlogHint(b),
      command: b.kind === 'alert_rule' ? 'promtool check rules suggested-alert-rules.yml' : undefined,
      links: [...(b.kind === 'alert_rule' && runbook ? [runbook] : []), ...issue(b.fingerprint)],
      fingerprint: b.fingerprint
    })
    explained.add(2)
  }

  // ---- SLOs: a breach or an SLO that could not be measured is said, whatever the gates say.
  for (const s of result.slos ?? []) {
    // Too little data is neither met nor breached: the SLO table shows it, the failures do not.
    if (s.status === 'met' || s.status === 'insufficient_data') continue
    if (s.status === 'error' && backendCause(s.detail)) groupDown('prometheus', s.detail, `SLO ${s.slo}`, undefined)
    else out.push(sloCheck(s, config, runbook))
  }

  // ---- gates no structured result explained: their own reasons and failed checks.
  for (const g of result.gates) {
    if (g.status !== 'fail' || explained.has(g.id)) continue
    for (const c of gateFallback(g)) {
      if (c.cause.startsWith('backend error: ') && backendCause(c.cause))
        groupDown('backend', c.cause, `gate ${g.id}: ${c.cause.slice(15, 60)}`, g.id)
      else out.push(c)
    }
  }
  return out.sort((a, b) => a.rank - b.rank)
}

/** Shell-quoted, for a command a person pastes. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}

export function amtoolCommand(receiver: string, labels: Record<string, string>): string {
  return [
    'amtool config routes test --config.file=alertmanager.yml',
    `--verify.receivers=${shellQuote(receiver)}`,
    ...Object.entries(labels).map(([k, v]) => shellQuote(`${k}=${v}`))
  ].join(' ')
}

function plainGap(kind: string): string {
  switch (kind) {
    case 'unmapped':
      return 'no check is configured'
    case 'no_data':
      return 'no data'
    case 'stale':
      return 'data is stale'
    case 'invalid_value':
      return 'the value is not a number'
    case 'host_not_allowed':
      return 'the endpoint is outside allowed-hosts'
    case 'not_verified':
      return 'not verified'
    case 'fail':
    case 'failed':
      return 'the check failed'
    default:
      return kind.replace(/_/g, ' ')
  }
}

function sloCheck(s: SloAttainment, config: RunResult['config'], runbook: Link | undefined): FailedCheck {
  const slo = config?.slos.find((x) => x.name === s.slo)
  const links = [...queryLinks(config, slo?.backend, s.query === '-' ? undefined : s.query), ...(runbook ? [runbook] : [])]
  if (s.status === 'breached')
    return {
      rank: RANK.slo,
      service: s.service,
      subject: `SLO ${s.slo}`,
      cause: `the SLO is breached: ${s.budget_remaining_percent !== null ? `${round(s.budget_remaining_percent)}% of the error budget left` : 'error budget spent'}`,
      value: s.attainment === null ? 'n/a' : `${round(s.attainment * 100, 3)}%`,
      threshold: `>= ${s.objective}% over ${s.window}`,
      hint: 'The service is spending more errors than the SLO allows: page its owner, and hold risky releases until the budget recovers.',
      links
    }
  return {
    rank: RANK.slo + 1,
    service: s.service,
    subject: `SLO ${s.slo}`,
    cause: `not measured (${s.status.replace('_', ' ')}): ${short(s.detail)}`,
    value: 'n/a',
    threshold: `>= ${s.objective}% over ${s.window}`,
    hint:
      s.status === 'not_verified'
        ? 'Give the SLO a good/total or error/total query on a reachable Prometheus backend.'
        : 'Fix the SLO query or its backend: it must return one finite ratio.',
    links
  }
}

function gateFallback(g: GateResult): FailedCheck[] {
  const rank = g.id === 3 ? RANK.gate3 : g.id === 4 ? RANK.gate4 : RANK.other
  const out: FailedCheck[] = [...g.reasons, ...g.errors.map((e) => `backend error: ${e}`)].map((r) => ({
    gate: g.id,
    rank,
    subject: `gate ${g.id}`,
    cause: short(r),
    hint: reasonHint(r, g.id),
    links: []
  }))
  if (out.length === 0) {
    for (const c of g.checks.filter((x) => x.status !== 'pass')) {
      out.push({
        gate: g.id,
        rank,
        subject: c.name,
        cause: `${c.name} ${c.status === 'error' ? 'could not be checked' : 'is below its threshold'}`,
        value: c.value,
        threshold: c.threshold,
        hint: reasonHint(c.name, g.id),
        links: []
      })
    }
  }
  return out
}

const round = (n: number, digits = 1): string => String(Math.round(n * 10 ** digits) / 10 ** digits)
