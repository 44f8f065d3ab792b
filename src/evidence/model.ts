/**
 * What the deploy job (Protocol 11) left, after parsing and validation. Every later phase reads
 * this model, never the raw files. What is read from the two Markdown files is described by their
 * contracts.
 */
import type { DeploymentHealthLog } from '../artifacts/contracts/deployment-health-log.js'
import type { DeploymentReport } from '../artifacts/contracts/deployment-report.js'

export type { Anomaly, DeploymentHealthLog, Escalation, HealthMetricRow } from '../artifacts/contracts/deployment-health-log.js'
export type { DeploymentReport, ReportService, Risk, TimelineEntry } from '../artifacts/contracts/deployment-report.js'

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
