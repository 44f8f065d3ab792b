/** `detection-drill.json` (schemas/detection-drill.schema.json). */

export type DrillStatus = 'passed' | 'failed' | 'not_run' | 'error'

export interface DrillRouting {
  /** The alerting.routes entry that applies to the fired labels, when one does. */
  route?: string
  /** From the route's expect-receiver, or the service's owner. */
  expected_receiver: string | null
  /** What `amtool config routes test` answered for the fired labels on the running config. */
  actual_receivers: string[]
  status: 'passed' | 'failed' | 'not_checked'
  reason: string
}

export interface DrillScenario {
  /** outage, above_1h, below_1h, above_3d, below_3d, stop. */
  name: string
  /** The burn as a multiple of the error budget rate (1 = the budget spent exactly over the SLO period). */
  burn_rate: number | null
  /** The error ratio of the input during the burn. */
  error_ratio: number | null
  expectation: 'must_fire' | 'must_not_fire'
  /** The severity that must (or must not) fire: page, ticket, or the absent-data alert. */
  severities: string[]
  /** How long after the burn start (or the stop) the expectation is checked. */
  window_seconds: number
  /** Evaluation step: detection times are exact to this. */
  resolution_seconds: number
  /** The last input sample, after the burn start: the input covers every checked evaluation. */
  input_covers_seconds: number
  fired: boolean
  /** Seconds from the burn start (or the last sample) to the first evaluation at which it fired. */
  detection_seconds: number | null
  max_detection_seconds?: number
  alert?: { alertname: string; labels: Record<string, string> }
  routing?: DrillRouting
  status: 'passed' | 'failed' | 'error'
  reason: string
}

export interface DrillTarget {
  kind: 'slo' | 'absent'
  slo?: string
  service: string
  /** The alert rules drilled, with the recording rules they read. */
  alerts: string[]
  recording_rules: number
  /** The input series (labels) the drill wrote. */
  series: string[]
  status: DrillStatus
  reason: string
  scenarios: DrillScenario[]
}

export interface DetectionDrill {
  run_at: string
  status: DrillStatus
  required: boolean
  promtool: { path: string; version?: string } | null
  amtool: { path: string } | null
  not_run_reason?: string
  /** The exact step that installs what was missing. */
  install_hint?: string
  alertmanager_config?: { source: string; error?: string }
  targets: DrillTarget[]
  /** Requests to production backends (flat: one for the Alertmanager config), and local tool runs. */
  requests: { alertmanager: number; promtool_runs: number; amtool_runs: number }
  duration_ms: number
}
