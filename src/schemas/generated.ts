// Every JSON Schema in schemas/ that is generated from a zod contract: one line per schema.
// `npm run schemas` writes them (scripts/write-schemas.ts); the tests fail while schemas/ differs.
// Build-time only: nothing at run time imports this module or a contract.
import { contractJsonSchema, type ContractEntry } from '../artifacts/contract.js'
import { alertTestResultsContract } from '../artifacts/contracts/alert-test-results.js'
import { alertBacktestContract } from '../artifacts/contracts/alert-backtest.js'
import { deploymentHealthLogContract } from '../artifacts/contracts/deployment-health-log.js'
import { deploymentReportContract } from '../artifacts/contracts/deployment-report.js'
import { detectionDrillContract } from '../artifacts/contracts/detection-drill.js'
import { baselineMetricsContract } from '../artifacts/contracts/baseline-metrics.js'
import { gateResultsContract } from '../artifacts/contracts/gate-results.js'
import { instrumentationGapsContract } from '../artifacts/contracts/instrumentation-gaps.js'
import { issuesToFileContract } from '../artifacts/contracts/issues-to-file.js'
import { postDeploymentValidationContract } from '../artifacts/contracts/post-deployment-validation.js'
import { qualityAuditContract } from '../artifacts/contracts/quality-audit.js'
import { webhookAckAnswerContract } from '../artifacts/contracts/webhook-ack-answer.js'
import { runStatsContract } from '../artifacts/contracts/run-stats.js'
import { instrumentationAuditContract } from '../artifacts/contracts/instrumentation-audit.js'
import { monitoringApprovalRecordContract } from '../artifacts/contracts/monitoring-approval-record.js'
import { packageManifestContract } from '../artifacts/contracts/monitoring-package-manifest.js'
import { observabilityScheduleContract } from '../artifacts/contracts/observability-schedule.js'
import { FILES, SCHEMA_FILES } from '../artifacts/files.js'
import { ackMapping, configSchema } from '../config/schema.js'

const CONTRACTS: ContractEntry[] = [
  { file: SCHEMA_FILES.config, title: 'sre-monitoring-action config (.github/sre-monitoring.yml)', contract: configSchema, io: 'input' },
  {
    file: SCHEMA_FILES.webhookAckMapping,
    title: 'alerting.webhook.ack: JSON paths into the acknowledgement answer (docs/alert-acknowledgements.md)',
    contract: ackMapping,
    io: 'input'
  },
  { file: SCHEMA_FILES.gateResults, title: FILES.gateResults, contract: gateResultsContract },
  { file: SCHEMA_FILES.runStats, title: FILES.runStats, contract: runStatsContract },
  { file: SCHEMA_FILES.instrumentationAudit, title: FILES.instrumentationAudit, contract: instrumentationAuditContract },
  { file: SCHEMA_FILES.baselineMetrics, title: FILES.baselineMetrics, contract: baselineMetricsContract },
  { file: SCHEMA_FILES.observabilitySchedule, title: FILES.observabilitySchedule, contract: observabilityScheduleContract },
  { file: SCHEMA_FILES.approvalRecord, title: FILES.approvalRecord, contract: monitoringApprovalRecordContract },
  { file: SCHEMA_FILES.manifest, title: FILES.manifest, contract: packageManifestContract },
  { file: SCHEMA_FILES.alertTestResults, title: FILES.alertTestResults, contract: alertTestResultsContract },
  { file: SCHEMA_FILES.alertBacktest, title: FILES.alertBacktest, contract: alertBacktestContract },
  { file: SCHEMA_FILES.detectionDrill, title: FILES.detectionDrill, contract: detectionDrillContract },
  { file: SCHEMA_FILES.instrumentationGaps, title: FILES.instrumentationGaps, contract: instrumentationGapsContract },
  { file: SCHEMA_FILES.issuesToFile, title: FILES.issuesToFile, contract: issuesToFileContract },
  // Read, not written: a field with a default may be left out.
  {
    file: SCHEMA_FILES.qualityAudit,
    title: 'Protocol 4 quality audit findings (inputs.quality-audit)',
    contract: qualityAuditContract,
    io: 'input'
  },
  {
    file: SCHEMA_FILES.webhookAckAnswer,
    title: "The acknowledgement source's answer in the default alerting.webhook.ack mapping",
    contract: webhookAckAnswerContract,
    io: 'input'
  },
  {
    file: SCHEMA_FILES.postDeploymentValidation,
    title: 'post-deployment-validation.json (Protocol 11 output)',
    contract: postDeploymentValidationContract,
    io: 'input'
  },
  // What the evidence parsers extract from the Markdown, checked before any phase reads it.
  { file: SCHEMA_FILES.deploymentHealthLog, title: 'What is extracted from deployment-health-log.md', contract: deploymentHealthLogContract },
  { file: SCHEMA_FILES.deploymentReport, title: 'What is extracted from DEPLOYMENT-REPORT.md', contract: deploymentReportContract }
]

/** Every file in schemas/ that is generated from a zod contract (path from the repository root), with its generator. */
export const GENERATED_SCHEMAS: Record<string, () => Record<string, unknown>> = Object.fromEntries(
  CONTRACTS.map((entry) => [`schemas/${entry.file}`, () => contractJsonSchema(entry)])
)
