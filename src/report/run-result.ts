/**
 * A protocol run's result: the gates, what was written and filed, and what the phases found. The
 * protocol produces it; the summary, the pull request comment, the terminal and the entries read
 * it, so it lives here, below the protocol, beside the reports.
 */
import type { AlertTestResults } from '../alerting/types.js'
import type { SloAttainment, TuningReport } from '../assurance/types.js'
import type { Config } from '../config/schema.js'
import type { GateResult } from '../gates/types.js'
import type { IssuesOutcome, UploadOutcome } from '../github/ports.js'
import type { BacklogItem } from '../model/backlog.js'
import type { MonitoringModel } from '../model/monitoring-model.js'
import type { PackageManifest } from '../package/manifest.js'
import type { WrittenArtifact } from '../package/writer.js'
import type { RunStats } from '../stats/run-stats.js'
import type { BaselineMetrics, InstrumentationAudit } from '../telemetry/types.js'

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
