import type { AlertingConfig } from '../../config/schema.js'
import type { HttpClient } from '../../util/http.js'
import type { Logger } from '../../util/log.js'
import type { AlertAttempt, FactEvidence, ProviderName } from '../types.js'
import type { AckCandidate } from './common.js'

export type RouteConfig = AlertingConfig['routes'][number]

/**
 * What an alert provider may use of the run, like the telemetry providers' context: the
 * environment for its credentials, a log, a clock, the run's id, and the one HTTP client. Not
 * the config, the evidence or the workspace.
 */
export interface AlertProviderContext {
  env: NodeJS.ProcessEnv
  log: Logger
  now: () => Date
  runId: string
  http?: HttpClient
}

/** The rules an acknowledgement must meet to count. */
export interface AckPolicy {
  slaSeconds: number
  skewSeconds: number
  ignore: RegExp[]
}

/** One synthetic alert to send: which route, under which id and labels, and until when to wait. */
export interface PlannedAlertTest {
  test_id: string
  attempt: number
  route: RouteConfig
  /** The labels the alert carries: the route's, plus alertname (unless set), test_id and synthetic. */
  labels: Record<string, string>
  alert_name: string
  sla_seconds: number
  /** Epoch ms after which no wait (delivery or acknowledgement) continues. */
  deadline: number
  policy: AckPolicy
  /** Aborted when the run is cancelled: waits end at once, cleanup still runs. */
  signal: AbortSignal
}

/** A paging path that can carry a synthetic alert end to end. */
export interface AlertProvider {
  readonly name: ProviderName
  /**
   * Trigger the alert, record the three facts (routed, delivered, acknowledged) with their
   * evidence, and always clean up afterwards, also when a step fails or the run is cancelled.
   * Never throws: failures are recorded.
   */
  run(test: PlannedAlertTest): Promise<AlertAttempt>
}

/** What the on-call side reports for one test id. */
export interface OnCallReport {
  receiver?: string
  /** When the on-call side says it received the alert, as given. */
  deliveredAt?: unknown
  acks: AckCandidate[]
  evidence: FactEvidence
  unit: 's' | 'ms'
}

/** Where delivery and acknowledgement are read from, for paths that have none of their own. */
export interface AckSource {
  /** For messages, e.g. the ack URL without credentials. */
  readonly description: string
  /** What the on-call side holds for a test, or undefined while it holds nothing. Throws BackendError. */
  check(testId: string): Promise<OnCallReport | undefined>
  readonly pollMs: number
}
