/** `alert-backtest.json` (schemas/alert-backtest.schema.json). */

export interface Coverage {
  from: string | null
  to: string | null
  covered_seconds: number
  lookback_seconds: number
  /** covered_seconds / lookback_seconds, 0..1. */
  fraction: number
}

export interface FiringInterval {
  service: string | null
  labels: Record<string, string>
  start: string
  /** First evaluation at which the alert no longer fired (the end of the data when still firing). */
  end: string
  /** Still firing at the end of the data. */
  open: boolean
  incidents: string[]
}

export interface IncidentOutcome {
  id: string
  service: string | null
  started_at: string
  resolved_at: string | null
  source: string
  status: 'detected' | 'missed' | 'outside_data'
  /** First firing minus incident start; negative when the alert fired before the incident was declared. */
  detection_seconds: number | null
  /** End of the last firing that overlapped the incident minus the incident's end. */
  reset_seconds: number | null
  /** The highest burn signal held for `for` around the incident (burn-rate rules). */
  peak?: { signal: number; factor: number | null; at: string } | null
}

export interface FactorProposal {
  /** What changes, in one line: "14.4 -> 9.5". */
  change: string
  why: string
  current_factors: number[]
  proposed_factors: number[]
  /** The rule's thresholds multiplied by this give the proposed ones. */
  threshold_multiplier: number
  current_thresholds: number[]
  proposed_thresholds: number[]
  /** Highest signal held for `for` outside every incident: the proposal stays at or above it. */
  peak_outside: { signal: number; factor: number | null; at: string | null }
  incidents: Array<{ id: string; peak_signal: number; peak_factor: number | null; at: string; caught_by_proposal: boolean }>
}

export interface RuleBacktest {
  name: string
  source: string
  also_in: string[]
  group: string
  loaded: boolean | null
  severity: string | null
  labels: Record<string, string>
  expr: string
  /** The expression queried: the rule's burn signal, with stale recording rules expanded. */
  query: string
  kind: 'burn_rate' | 'condition'
  /** Why the rule has no burn signal (kind condition). */
  kind_reason?: string
  expansions: Array<{ recording: string; inlined: boolean; reason: string }>
  interval_seconds: number
  step_seconds: number
  for_seconds: number
  keep_firing_for_seconds: number
  status: 'evaluated' | 'no_data' | 'error'
  detail: string
  request: string | null
  coverage: Coverage
  /** The SLO factor(s) the rule's thresholds stand for, when the rule was matched to an SLO. */
  factors: number[]
  slo: string | null
  intervals: FiringInterval[]
  true_positives: number
  false_positives: number
  missed: number
  precision: number | null
  recall: number | null
  mean_detection_seconds: number | null
  mean_reset_seconds: number | null
  incidents: IncidentOutcome[]
  history: {
    status: 'agrees' | 'disagrees' | 'no_history' | 'error' | 'not_compared'
    fired_seconds: number | null
    backtest_seconds: number | null
    /** Shared firing time over the union of both, 0..1. */
    agreement: number | null
    detail: string
  }
  proposal: FactorProposal | null
}

export interface AlertBacktest {
  generated_at: string
  lookback: string
  from: string
  to: string
  status: 'ok' | 'partial' | 'not_run' | 'error'
  detail: string
  rules_backend: string | null
  rule_sources: Array<{ source: string; status: 'ok' | 'error'; detail: string; rules: number }>
  incident_sources: Array<{ name: string; status: string; detail: string; count: number }>
  data: {
    query: string | null
    step_seconds: number | null
    coverage: Coverage
    metrics: Array<{ name: string; from: string | null; to: string | null }>
  }
  history: { query: string | null; status: 'ok' | 'no_history' | 'error' | 'not_run'; series: number; detail: string }
  requests: {
    rules_api: number
    data_coverage: number
    alerts_history: number
    rule_queries: number
    total: number
    rules_evaluated: number
  }
  rules: RuleBacktest[]
  summary: {
    rules: number
    evaluated: number
    true_positives: number
    false_positives: number
    precision: number | null
    incidents: number
    detected: number
    recall: number | null
    mean_detection_seconds: number | null
    disagreements: string[]
    proposals: number
  }
}
