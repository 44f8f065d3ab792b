/** Phase 3: ongoing checks and alert/incident correlation. */
import type { DataCoverage } from '../telemetry/coverage.js'
import type { AlertBacktest } from '../artifacts/contracts/alert-backtest.js'
import type { CronSchedule, ObservabilitySchedule, ScheduledCheck } from '../artifacts/contracts/observability-schedule.js'

export type { CronSchedule, ObservabilitySchedule, ScheduledCheck }

export interface AlertEpisode {
  alertname: string
  service?: string
  severity?: string
  start: string
  end: string
}

export interface Incident {
  id: string
  service?: string
  title?: string
  started_at: string
  resolved_at?: string
  source: string
}

/** Where incidents filed as issues are read from; the GitHub port is one. */
export interface IncidentReader {
  /** Incidents from issues with these labels, created since `since`. */
  incidents(labels: string[], since: Date): Promise<Incident[]>
}

export interface DataSourceStatus {
  name: string
  kind: 'alerts' | 'incidents'
  request: string
  status: 'ok' | 'error' | 'not_configured'
  detail: string
  count: number
}

export interface AlertStats {
  alertname: string
  episodes: number
  matched: number
  precision: number | null
  suggestion?: string
}

export interface IncidentMatch {
  incident: Incident
  detected: boolean
  /** Set when the alert history does not cover the incident: it neither alerted nor was missed. */
  outcome?: 'insufficient_data'
  reason?: string
  first_alert?: string
  detection_seconds?: number
}

/** Data behind alert-tuning-report.md and the scorecard. */
export interface TuningReport {
  generated_at: string
  lookback: string
  sources: DataSourceStatus[]
  /** True only when both the alert history and the incident source were read. */
  from_real_data: boolean
  alerts: AlertStats[]
  incidents: IncidentMatch[]
  precision: number | null
  recall: number | null
  mean_detection_seconds: number | null
  /** The range of the lookback the alert history covers. */
  coverage?: DataCoverage & { informational?: boolean }
  adjustments: Array<{ target: string; change: string; why: string; evidence?: Array<{ label: string; value: string }> }>
  source: 'built-in' | 'tuning-command'
  /** The alert rules in force evaluated over the lookback (alert-backtest.json). */
  backtest?: AlertBacktest
}

export interface SloAttainment {
  slo: string
  service: string
  objective: number
  window: string
  query: string
  /** Over the whole window; null unless the data covers enough of it. */
  attainment: number | null
  budget_remaining_percent: number | null
  /** The ratio over the little data there was, when that was too little to judge the window. */
  covered_attainment?: number
  status: 'met' | 'breached' | 'error' | 'not_verified' | 'insufficient_data'
  detail: string
  /** The range of the window the SLO's data covers. */
  coverage?: DataCoverage & { informational?: boolean }
}
