import type { Config, EndpointConfig, SloConfig } from '../config/schema.js'
import type { Evidence, Risk } from '../evidence/model.js'
import type { Logger } from '../util/log.js'

/** A service to observe: the config's entry merged with what the deploy evidence says of it. */
export interface ResolvedService {
  name: string
  critical: boolean
  new: boolean
  /** Label matchers identifying the service in telemetry. */
  selector: Record<string, string>
  endpoints: EndpointConfig[]
  owner?: string
  /** Where the service was named: config, validation (post-deployment-validation.json), report. */
  sources: Array<'config' | 'validation' | 'report'>
  /** Risks from the deploy report whose component is this service. */
  risks: Risk[]
}

/** The release to observe, built once from config and evidence; every phase reads it. */
export interface MonitoringModel {
  environment: string
  release: { tag?: string; commit?: string; strategy?: string }
  serviceLabel: string
  services: ResolvedService[]
  slos: SloConfig[]
}

export type RunMode = 'post-deploy' | 'assurance'

/** Everything a phase needs; phases never read inputs or the environment themselves. */
export interface RunContext {
  config: Config
  evidence: Evidence
  model: MonitoringModel
  mode: RunMode
  /** Answer to the seed's "[VALIDATION REQUEST] ... Approve activation of alert tests?". */
  alertTestsApproved: boolean
  /** How that answer was given (`input alert-tests is false`, an environment approval...). */
  alertTestsAnswer?: string
  outputDir: string
  /** Repository root; config paths (rule files, dashboards, runbook) are relative to it. */
  workspace: string
  env: NodeJS.ProcessEnv
  log: Logger
  now: () => Date
  /** Identifies this run in synthetic alerts and issue bodies. */
  runId: string
  /** Answers the run reads once and shares between phases, by what was asked (the rules in force). */
  once?: Map<string, Promise<unknown>>
}
