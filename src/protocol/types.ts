import type { AlertTestResults } from '../alerting/types.js'
import type { SloAttainment, TuningReport } from '../assurance/types.js'
import type { Config } from '../config/schema.js'
import type { GateResult } from '../gates/types.js'
import type { BacklogItem } from '../model/backlog.js'
import type { MonitoringModel, RunMode } from '../model/monitoring-model.js'
import type { PackageManifest } from '../package/manifest.js'
import type { WrittenArtifact } from '../package/writer.js'
import type { RunStats } from '../stats/run-stats.js'
import type { BaselineMetrics, InstrumentationAudit } from '../telemetry/types.js'
import type { Logger } from '../util/log.js'
import type { GitHubPort, IssuesOutcome, UploadOutcome } from './ports.js'
import type { ProtocolSteps } from './steps.js'

export interface RunOptions {
  evidenceDir: string
  configPath: string
  outputDir: string
  workspace: string
  mode: RunMode
  alertTestsApproved: boolean
  approvedBy?: string
  onCallOwner?: string
  /** Upload the package under this artifact name; undefined: don't upload. */
  packageArtifact?: string
  fileIssues: boolean
  env: NodeJS.ProcessEnv
  log: Logger
  now?: () => Date
  runId: string
  generator: string
  github: GitHubPort
  /** Why the evidence artifact could not be fetched, when it could not: the cause behind missing files. */
  evidenceError?: string
  steps?: ProtocolSteps
}

export interface RunResult {
  status: 'pass' | 'fail'
  gates: GateResult[]
  packageDir: string
  artifacts: WrittenArtifact[]
  upload?: UploadOutcome
  issues?: IssuesOutcome
  backlog: BacklogItem[]
  /** Errors that stopped a part of the run (bad input, a step that crashed), for the summary. */
  errors: string[]
  model?: MonitoringModel
  audit?: InstrumentationAudit
  baseline?: BaselineMetrics
  alertTests?: AlertTestResults
  tuning?: TuningReport
  slos?: SloAttainment[]
  manifest?: PackageManifest
  config?: Config
  /** What the run cost the systems it checked (run-stats.json, with the requests after the manifest too). */
  runStats?: RunStats
}
