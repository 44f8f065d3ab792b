/** Results of phase 2: alert rules vs SLOs, dashboards, and the synthetic alert path. */
// alert-test-results.json: the types come from its contract.
export type {
  AckRefusal,
  AcknowledgedFact,
  AlertAttempt,
  AlertTest,
  AlertTestResults,
  AttemptOutcome,
  DeliveredFact,
  FactEvidence,
  ProviderName,
  RoutedFact,
  WaitOutcome
} from '../artifacts/contracts/alert-test-results.js'

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
