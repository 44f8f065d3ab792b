// Every file the action reads or writes by a fixed name, and the JSON Schema in schemas/ each JSON
// file satisfies. Plain data, no imports: any module may use these names without loading anything.

/** The files of the monitoring package (the output folder), by what they are. */
export const FILES = {
  requirements: 'monitoring-requirements.md',
  instrumentationAudit: 'instrumentation-audit.json',
  baselineMetrics: 'baseline-metrics.json',
  dashboardConfig: 'dashboard-config.md',
  alertTestResults: 'alert-test-results.json',
  detectionDrill: 'detection-drill.json',
  observabilitySchedule: 'observability-schedule.json',
  alertBacktest: 'alert-backtest.json',
  alertTuningReport: 'alert-tuning-report.md',
  scorecard: 'observability-scorecard.md',
  approvalRecord: 'monitoring-approval-record.json',
  improvementBacklog: 'improvement-backlog.md',
  instrumentationGaps: 'instrumentation-gaps.json',
  manifest: 'monitoring-package-manifest.json',
  gateResults: 'gate-results.json',
  runStats: 'run-stats.json',
  /** Written by a local run instead of filing issues; beside the package, not in it. */
  issuesToFile: 'issues-to-file.json'
} as const

/** The evidence of earlier protocols the action reads from the evidence folder. */
export const EVIDENCE_INPUTS = {
  validation: 'post-deployment-validation.json',
  healthLog: 'deployment-health-log.md',
  report: 'DEPLOYMENT-REPORT.md'
} as const

/** Every JSON Schema in schemas/, by what it describes. */
export const SCHEMA_FILES = {
  config: 'config.schema.json',
  webhookAckMapping: 'webhook-ack-mapping.schema.json',
  webhookAckAnswer: 'webhook-ack-answer.schema.json',
  qualityAudit: 'quality-audit.schema.json',
  postDeploymentValidation: 'post-deployment-validation.schema.json',
  deploymentHealthLog: 'deployment-health-log.schema.json',
  deploymentReport: 'deployment-report.schema.json',
  instrumentationAudit: 'instrumentation-audit.schema.json',
  baselineMetrics: 'baseline-metrics.schema.json',
  alertTestResults: 'alert-test-results.schema.json',
  detectionDrill: 'detection-drill.schema.json',
  observabilitySchedule: 'observability-schedule.schema.json',
  alertBacktest: 'alert-backtest.schema.json',
  approvalRecord: 'monitoring-approval-record.schema.json',
  instrumentationGaps: 'instrumentation-gaps.schema.json',
  manifest: 'monitoring-package-manifest.schema.json',
  gateResults: 'gate-results.schema.json',
  runStats: 'run-stats.schema.json',
  issuesToFile: 'issues-to-file.schema.json'
} as const

/**
 * The `schema_version` an artifact carries, where it carries one: raised when a key is renamed or
 * removed (CHANGELOG.md says what changed). An artifact without the field is version 1.
 */
export const SCHEMA_VERSIONS = {
  instrumentationAudit: 2,
  baselineMetrics: 2
} as const

export type PackageFile = (typeof FILES)[keyof typeof FILES]
export type SchemaFile = (typeof SCHEMA_FILES)[keyof typeof SCHEMA_FILES]

/** The schema each JSON file of the package must satisfy: the package writer refuses any other. */
export const ARTIFACT_SCHEMAS: Readonly<Record<string, SchemaFile>> = Object.fromEntries(
  Object.entries(FILES)
    .filter(([key]) => key in SCHEMA_FILES)
    .map(([key, file]) => [file, SCHEMA_FILES[key as keyof typeof SCHEMA_FILES]])
)
