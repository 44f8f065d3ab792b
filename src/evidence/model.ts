/**
 * What the deploy job (Protocol 11) left, after parsing and validation. Every later phase reads
 * this model, never the raw files.
 */

export type CheckStatus = 'pass' | 'fail' | 'warn'

export interface ValidationCheck {
  name: string
  status: CheckStatus
  /** Counts such as tests_run, services_healthy; only numeric fields are kept. */
  counts: Record<string, number>
}

export interface EvidenceService {
  name: string
  critical: boolean
  new: boolean
  endpoints: string[]
  health?: string
}

export interface PostDeploymentValidation {
  validationDate: string
  status: CheckStatus
  /** Always a fraction 0..1, whatever the file used (98 or 0.98). */
  successRate: number
  checks: ValidationCheck[]
  metricsSnapshot: Record<string, number>
  environment?: string
  release?: { tag?: string; commit?: string; deploymentType?: string }
  services: EvidenceService[]
}

export interface HealthMetricRow {
  name: string
  value: string
  /** The numeric part of value, when there is one (250ms -> 250). */
  numericValue?: number
  unit?: string
  threshold?: string
  /** Normalised: ok, warn or breached; absent when the row says nothing about it. */
  status?: string
  /** The status as written (e.g. "✅", "within SLO"). */
  statusText?: string
}

export interface Anomaly {
  time?: string
  observation: string
  decision?: string
}

export interface Escalation {
  time?: string
  description: string
  owner?: string
}

export interface DeploymentHealthLog {
  soakWindow?: string
  /** Soak window in seconds, when the text could be read as a duration. */
  soakWindowSeconds?: number
  metricsStatus: 'within_slo' | 'breached' | 'unknown'
  metrics: HealthMetricRow[]
  anomalies: Anomaly[]
  escalations: Escalation[]
}

export interface Risk {
  description: string
  severity: 'low' | 'medium' | 'high' | 'critical' | 'unknown'
  /** The severity as written (e.g. "P1", "High"). */
  severityText?: string
  component?: string
  mitigation?: string
}

export interface TimelineEntry {
  time?: string
  event: string
}

export interface ReportService {
  name: string
  critical: boolean
  new: boolean
  endpoints: string[]
}

export interface DeploymentReport {
  release: { tag?: string; commit?: string; strategy?: string }
  services: ReportService[]
  newEndpoints: string[]
  risks: Risk[]
  timeline: TimelineEntry[]
}

export interface EvidenceFileInfo {
  /** Path relative to the evidence folder. */
  path: string
  sha256: string
  bytes: number
}

export interface Evidence {
  dir: string
  validation: PostDeploymentValidation
  healthLog: DeploymentHealthLog
  report: DeploymentReport
  files: EvidenceFileInfo[]
}
