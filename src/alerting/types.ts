/** Results of phase 2: alert rules vs SLOs, dashboards, and the synthetic alert path. */
import type { HookReview } from '../protocol/hook-review.js'

export type TestStatus = 'passed' | 'failed' | 'error' | 'not_run'

/** How a bounded wait ended. */
export type WaitOutcome = 'completed' | 'timed_out' | 'backend_error' | 'not_started' | 'cancelled'

/** One observation behind a fact: what was asked, what it answered, when. */
export interface FactEvidence {
  source: string
  /** The request, e.g. `GET http://am/api/v2/alerts?filter=...` (no credentials). */
  request?: string
  observed: unknown
  at: string
}

/** confirmed: seen at the receiving side; failed: seen, and wrong; not_confirmed: not seen in the wait. */
export type FactStatus = 'confirmed' | 'failed' | 'not_confirmed' | 'error' | 'not_checked'

export interface Fact {
  status: FactStatus
  /** When the fact became true, as the system that holds it says (null when it did not). */
  at: string | null
  detail: string
  evidence: FactEvidence[]
}

export interface RoutedFact extends Fact {
  expected: string
  /** The receivers the routing chose (Alertmanager's GET /api/v2/alerts, or the on-call tool's own routing). */
  receivers: string[]
  /** The receivers the running config routes these labels to (Alertmanager /api/v2/status), when checked. */
  config_receivers?: string[]
  /** How config_receivers was worked out. */
  method?: string
}

export interface DeliveredFact extends Fact {
  /** Alertmanager's own notification counters: supporting evidence only, never a confirmation. */
  supporting?: FactEvidence[]
}

/** An acknowledgement that was seen and did not count. */
export interface AckRefusal {
  at: string | null
  by: string | null
  reason: string
}

export interface AcknowledgedFact extends Fact {
  by: string | null
  /** From the trigger to the acknowledgement. */
  seconds: number | null
  sla_seconds: number
  refusals: AckRefusal[]
}

export type AttemptOutcome =
  | 'passed'
  | 'wrong_receiver'
  | 'not_routed'
  | 'routed_not_delivered'
  | 'not_acknowledged'
  | 'acknowledgement_refused'
  | 'acknowledged_late'
  | 'error'
  | 'cancelled'
  | 'not_run'

export interface Cleanup {
  /** Every synthetic alert and incident of this attempt is resolved or closed. */
  resolved: boolean
  at: string | null
  detail: string
}

/** One synthetic alert sent for a route, under its own test id. */
export interface AlertAttempt {
  attempt: number
  test_id: string
  labels: Record<string, string>
  triggered_at: string | null
  outcome: AttemptOutcome
  facts: { routed: RoutedFact; delivered: DeliveredFact; acknowledged: AcknowledgedFact }
  wait: { delivery: WaitOutcome; acknowledgement: WaitOutcome }
  cleanup: Cleanup
  reason: string
}

export type ProviderName = 'alertmanager' | 'pagerduty' | 'webhook' | 'opsgenie' | 'grafana-oncall'

/**
 * One route's test. The flat fields repeat the deciding attempt (the one that passed, else the
 * last); `attempts` holds every attempt with its three facts.
 */
export interface AlertTest {
  test_id: string
  route: string
  alert_name: string
  provider: ProviderName
  expected_receiver: string
  actual_receivers: string[]
  triggered_at: string | null
  delivered_at: string | null
  acknowledged_at: string | null
  acknowledgement_time_seconds: number | null
  acknowledged_by?: string
  sla_seconds: number
  sla_met: boolean
  status: TestStatus
  /** Built-in tests always say (a hook's results may not). */
  outcome?: AttemptOutcome
  wait: { delivery: WaitOutcome; acknowledgement: WaitOutcome }
  /** Every attempt of this route is cleaned up. */
  resolved: boolean
  reason: string
  attempts?: AlertAttempt[]
}

/** `alert-test-results.json` (schemas/alert-test-results.schema.json). */
export interface AlertTestResults {
  test_date: string
  approved: boolean
  sla_target_seconds: number
  tests: AlertTest[]
  overall_status: 'passed' | 'failed' | 'error' | 'not_run'
  /** Percent of tests acknowledged within the SLA. */
  sla_compliance: number
  not_verified_reason?: string
  source: 'built-in' | 'alert-test-command'
  /** The run was cancelled (SIGTERM/SIGINT) while alerts were out; they were cleaned up. */
  cancelled?: boolean
  /** What the configured alert-test-command produced, checked against these live tests. */
  hook?: HookReview
  /** Why no alert was sent at all: the protocol paused because gate 1 failed. */
  held?: string
}

export interface BurnRateAlert {
  severity: 'page' | 'ticket'
  longWindow: string
  shortWindow: string
  factor: number
}

export interface RuleFinding {
  slo: string
  service: string
  kind: 'page' | 'ticket' | 'absent' | 'service_page'
  /** The burn-rate alert's long window (page and ticket): two page alerts differ by it. */
  long_window?: string
  expected: string
  found?: { rule: string; source: string; expr: string; factor?: number }
  /** cannot_analyse: an alert about the SLO whose expression the analysis cannot read (never guessed). */
  status: 'aligned' | 'missing' | 'misaligned' | 'cannot_analyse' | 'error'
  reason: string
}

/** The burn-rate alerts an SLO needs, as computed from its objective and window. */
export interface SloBurnRates {
  slo: string
  service: string
  objective: number
  window: string
  alerts: Array<BurnRateAlert & { budgetFraction: number; errorRatioThreshold: number }>
}

/** Alert rules checked against the SLOs (part of dashboard-config.md and the gate 2 input). */
export interface SloAlignment {
  checked_at: string
  rule_sources: string[]
  findings: RuleFinding[]
  /** Path of suggested-alert-rules.yml in the package, when any rule was missing or misaligned. */
  suggested_rules_file?: string
  suggested_rules_check?: { tool: string; ok: boolean; output: string }
  not_verified_reason?: string
  /** The computed burn-rate thresholds per SLO (the table in dashboard-config.md). */
  burn_rates?: SloBurnRates[]
}

export interface DashboardPanel {
  title: string
  queries: string[]
  thresholds: number[]
}

export interface DashboardFinding {
  dashboard: string
  source: string
  link?: string
  panels: DashboardPanel[]
  services_covered: string[]
  services_missing: string[]
  thresholds_missing: string[]
  score: number
  /** Each panel showing a new or critical service, run against the backend for that service. */
  live_checks?: Array<{ panel: string; service: string; query: string; verdict: 'pass' | 'fail' | 'error'; answer: string }>
}

export interface DashboardReport {
  checked_at: string
  dashboards: DashboardFinding[]
  /** Services that must appear (new or critical) but are on no dashboard. */
  services_without_dashboard: string[]
  /** What every dashboard set must show: new and critical services, and SLO thresholds. */
  required_items?: string[]
  /** Percent of required_items present on at least one dashboard. */
  overall_score?: number
  not_verified_reason?: string
  /** Set when the panels' queries could not be run against live data, and why. */
  live_not_verified_reason?: string
}
