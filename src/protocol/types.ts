import type { RunMode } from '../model/monitoring-model.js'
import type { Logger } from '../util/log.js'
import type { GitHubPort } from '../github/ports.js'
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

/** The run's result, as the reports read it (defined where they are: report/run-result.ts). */
export type { RunResult } from '../report/run-result.js'
