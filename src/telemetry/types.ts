import type { HookReview } from '../protocol/hook-review.js'
import type { Signal } from '../config/schema.js'
import type { DataCoverage } from './coverage.js'
import type { NoDataDiagnosis } from './diagnosis.js'

/**
 * One check against a backend, in the manner of Argo Rollouts' measurements: what was asked, what
 * came back, what decided it and when. `error` (the backend could not answer) is never `fail`
 * (the answer says monitoring is missing), and neither is ever a pass.
 */
export type Verdict = 'pass' | 'fail' | 'error' | 'not_verified'

export interface CheckRequest {
  backend: string
  method: string
  /** URL without credentials. */
  url: string
  query?: string
}

export interface Measurement {
  request: CheckRequest
  /** The deciding value (a number, or a short text such as an HTTP status); null when none came back. */
  value: number | string | null
  threshold?: string
  /** Time of the newest sample seen, ISO 8601. */
  newestSampleAt?: string
  startedAt: string
  finishedAt: string
  verdict: Verdict
  reason: string
}

export interface SignalCoverage {
  signal: Signal
  /** A check template or endpoint exists for this service and signal. */
  mapped: boolean
  /** The check ran and passed: fresh, finite, non-empty data. */
  verified: boolean
  verdict: Verdict
  freshnessSeconds?: number
  seriesCount?: number
  measurement?: Measurement
  /** Why there is no data, when there is none (PromQL signals). */
  diagnosis?: NoDataDiagnosis
}

export type CoverageStatus = 'covered' | 'partial' | 'uncovered'

export interface ServiceAudit {
  service_name: string
  critical: boolean
  new: boolean
  status: CoverageStatus
  metrics: SignalCoverage
  logs: SignalCoverage
  traces: SignalCoverage
  synthetics: SignalCoverage
}

export type GapPriority = 'high' | 'medium' | 'low'

export interface CoverageGap {
  service: string
  signal: Signal
  /** `unmapped`, `no_data`, `stale`, `invalid_value`, `backend_error`, `failed`, `host_not_allowed`, `not_verified`. */
  gap: string
  priority: GapPriority
  detail: string
  /** The cause of missing data and the query that showed it, for the summary and the backlog item. */
  diagnosis?: NoDataDiagnosis
}

/** `instrumentation-audit.json` (schemas/instrumentation-audit.schema.json). */
export interface InstrumentationAudit {
  audit_date: string
  environment: string
  /** Percent of (service, signal) pairs verified. */
  coverage_completeness: number
  /** Backend requests made for the audit. */
  requests: number
  services: ServiceAudit[]
  missing_coverage: CoverageGap[]
  /** Set when the audit was not run against live systems, and why. */
  not_verified_reason?: string
  source: 'built-in' | 'audit-command'
  /** What the configured audit-command produced, checked against this live audit. */
  hook?: HookReview
}

/** A windowed figure is pass, fail or error, or `insufficient_data` when its data covers too little of the window. */
export type WindowedVerdict = Verdict | 'insufficient_data'

export interface BaselineValue {
  metric: string
  /** Measured over the range the data covers (rates are not diluted over an empty part of the window). */
  value: number | null
  /** Unit of value: `requests/s`, `ratio` (0..1), `seconds`; absent for custom SLIs. */
  unit?: string
  query: string
  /** What the query itself answered over the whole window, when value was rescaled to the covered range. */
  windowValue?: number
  measuredAt: string
  verdict: WindowedVerdict
  reason?: string
}

export interface ClaimCheck {
  source: string
  metric: string
  claimed: number
  /** The live value the claim was checked against, in the claim's unit; null when none was measured. */
  observed: number | null
  /** What observed is: "fleet p95 from the summed histogram of 3 services", "payments p95". */
  checked_against: string
  /** The query that produced observed. */
  query: string
  tolerancePercent: number
  verdict: 'pass' | 'fail' | 'error' | 'insufficient_data'
  reason: string
  coverage?: DataCoverage
}

export interface PreviousComparison {
  service: string
  metric: string
  previous: number | null
  current: number | null
  criterion: string
  verdict: 'pass' | 'warn' | 'fail' | 'error'
  reason: string
}

/** `baseline-metrics.json` (schemas/baseline-metrics.schema.json). */
export interface BaselineMetrics {
  captured_at: string
  window: string
  environment: string
  services: Array<{ service: string; metrics: BaselineValue[]; coverage?: DataCoverage }>
  claims: ClaimCheck[]
  previous?: { source: string; captured_at?: string; comparisons: PreviousComparison[] }
  requests: number
  not_verified_reason?: string
}
