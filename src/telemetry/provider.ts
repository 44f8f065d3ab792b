import type { BackendConfig, SignalCheckConfig, Signal } from '../config/schema.js'
import type { ResolvedService } from '../model/monitoring-model.js'
import type { Logger } from '../util/log.js'
import type { Measurement } from './types.js'

/**
 * One interface for every telemetry backend, in the manner of Argo Rollouts' metric providers:
 * a provider takes one check template and answers one measurement per service. Query backends
 * (Prometheus, Loki) answer every service from one grouped request, so the number of requests
 * does not grow with the number of services; per-service backends (HTTP JSON, probes) run with
 * bounded concurrency.
 */
export interface TelemetryProvider {
  readonly type: 'prometheus' | 'loki' | 'http' | 'synthetic'
  /** The backend's name in config (`synthetic` for probes). */
  readonly backend: string
  /** HTTP requests made so far (one per request, retries included in the same request). */
  readonly requests: number
  measure(request: SignalRequest): Promise<ServiceMeasurement[]>
}

export interface SignalRequest {
  signal: Signal
  check: SignalCheckConfig
  services: ResolvedService[]
  /** The label that names the service in telemetry (config `service-label`). */
  serviceLabel: string
  /** Newest sample older than this many seconds is stale. */
  freshnessSeconds: number
  now: Date
}

export interface ServiceMeasurement {
  service: string
  measurement: Measurement
  /** Why the check did not pass, in the audit's gap vocabulary; absent on a pass. */
  gap?: string
  seriesCount?: number
  /** Age of the newest sample at `now`, seconds. */
  freshnessSeconds?: number
}

/** What a provider needs from the run: the backend's config, the environment for secrets, a log. */
export interface ProviderContext {
  name: string
  config: BackendConfig
  env: NodeJS.ProcessEnv
  log: Logger
}
