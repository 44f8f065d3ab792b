import type { EndpointConfig } from '../../config/schema.js'
import type { ResolvedService } from '../../model/monitoring-model.js'
import { BackendError } from '../../util/errors.js'
import { httpRequest, redactUrl } from '../../util/http.js'
import { recordWait } from '../../stats/run-stats.js'
import type { ServiceMeasurement, SignalRequest, TelemetryProvider } from '../provider.js'
import type { Measurement } from '../types.js'
import { mapLimit } from '../vector.js'
import { isHostAllowed } from './allowed-hosts.js'

/** How many endpoint probes run at once. */
export const PROBE_CONCURRENCY = 8

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export interface ProbeResult {
  endpoint: string
  measurement: Measurement
  /** The host is outside `allowed-hosts`, so nothing was sent. */
  blocked: boolean
}

/**
 * Synthetic checks: probe each endpoint of a service (config and deploy evidence merged) a few
 * times; one attempt with the expected status, within the latency bound and matching the body
 * passes. Hosts outside `allowed-hosts` are never called and never pass.
 */
export class SyntheticProvider implements TelemetryProvider {
  readonly type = 'synthetic' as const
  readonly backend = 'synthetic'
  requests = 0
  private readonly allowedHosts: string[]
  private readonly pauseMs: number

  constructor(opts: { allowedHosts: string[]; pauseBetweenAttemptsMs?: number }) {
    this.allowedHosts = opts.allowedHosts
    this.pauseMs = opts.pauseBetweenAttemptsMs ?? 250
  }

  async measure(req: SignalRequest): Promise<ServiceMeasurement[]> {
    const jobs = req.services.flatMap((s) => s.endpoints.map((e) => ({ service: s, endpoint: e })))
    const results = await mapLimit(jobs, PROBE_CONCURRENCY, (j) => this.probe(j.endpoint))
    return req.services.map((s) =>
      this.summarize(
        s,
        results.filter((_, i) => jobs[i]?.service === s)
      )
    )
  }

  private summarize(service: ResolvedService, probes: ProbeResult[]): ServiceMeasurement {
    if (probes.length === 0) {
      const now = new Date().toISOString()
      return {
        service: service.name,
        gap: 'unmapped',
        measurement: {
          request: { backend: this.backend, method: 'GET', url: '' },
          value: null,
          started_at: now,
          finished_at: now,
          verdict: 'not_verified',
          reason: 'no endpoints to probe'
        }
      }
    }
    // The first failure decides: every endpoint must answer, and a blocked one is never a pass.
    const failed = probes.find((p) => p.measurement.verdict === 'fail')
    const blocked = probes.find((p) => p.blocked)
    const errored = probes.find((p) => p.measurement.verdict === 'error')
    const deciding = failed ?? blocked ?? errored ?? (probes[0] as ProbeResult)
    const others =
      probes.length > 1 ? ` (${probes.filter((p) => p.measurement.verdict === 'pass').length}/${probes.length} endpoints passed)` : ''
    const measurement = { ...deciding.measurement, reason: `${deciding.measurement.reason}${others}` }
    const gap = failed ? 'failed' : blocked ? 'host_not_allowed' : errored ? 'backend_error' : undefined
    return { service: service.name, measurement, ...(gap ? { gap } : { freshnessSeconds: 0 }) }
  }

  /** Probe one endpoint. Exported behaviour: used by the audit and by tests. */
  async probe(endpoint: EndpointConfig): Promise<ProbeResult> {
    const startedAt = new Date().toISOString()
    const request = { backend: this.backend, method: endpoint.method, url: redactUrl(endpoint.url) }
    const threshold = `HTTP ${endpoint['expect-status']} within ${endpoint['max-latency-ms']} ms${endpoint['body-match'] ? `, body matching ${JSON.stringify(endpoint['body-match'])}` : ''}`
    if (!isHostAllowed(endpoint.url, this.allowedHosts)) {
      return {
        endpoint: endpoint.url,
        blocked: true,
        measurement: {
          request,
          threshold,
          value: null,
          started_at: startedAt,
          finished_at: startedAt,
          verdict: 'not_verified',
          reason: `not called: host of ${request.url} is not in allowed-hosts`
        }
      }
    }
    let last = ''
    let lastValue: number | string | null = null
    for (let attempt = 1; attempt <= endpoint.attempts; attempt++) {
      if (attempt > 1) {
        const paused = Date.now()
        await sleep(this.pauseMs)
        recordWait('probe pause between attempts', paused)
      }
      this.requests++
      try {
        const res = await httpRequest({
          backend: 'synthetic',
          kind: 'probe',
          url: endpoint.url,
          method: endpoint.method,
          // A little beyond the bound so a slow answer is reported with its real latency.
          timeoutMs: endpoint['max-latency-ms'] + 1000,
          retries: 0
        })
        lastValue = res.elapsedMs
        const problems: string[] = []
        if (res.status !== endpoint['expect-status']) problems.push(`HTTP ${res.status}, expected ${endpoint['expect-status']}`)
        if (res.elapsedMs > endpoint['max-latency-ms']) problems.push(`${res.elapsedMs} ms, above ${endpoint['max-latency-ms']} ms`)
        if (endpoint['body-match'] && !safeMatch(endpoint['body-match'], res.text))
          problems.push(`body does not match ${JSON.stringify(endpoint['body-match'])}`)
        if (problems.length === 0) {
          const finishedAt = new Date().toISOString()
          return {
            endpoint: endpoint.url,
            blocked: false,
            measurement: {
              request,
              threshold,
              value: res.elapsedMs,
              newest_sample_at: finishedAt,
              started_at: startedAt,
              finished_at: finishedAt,
              verdict: 'pass',
              reason: `HTTP ${res.status} in ${res.elapsedMs} ms (attempt ${attempt}/${endpoint.attempts})`
            }
          }
        }
        last = problems.join('; ')
        if (res.status !== endpoint['expect-status']) lastValue = res.status
      } catch (err) {
        last = err instanceof BackendError ? err.message.replace(/^synthetic: /, '') : String(err)
      }
    }
    return {
      endpoint: endpoint.url,
      blocked: false,
      measurement: {
        request,
        threshold,
        value: lastValue,
        started_at: startedAt,
        finished_at: new Date().toISOString(),
        verdict: 'fail',
        reason: `${endpoint.attempts} attempt(s) failed; last: ${last}`
      }
    }
  }
}

/** body-match is a regular expression; when it is not a valid one, match it as plain text. */
function safeMatch(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text)
  } catch {
    return text.includes(pattern)
  }
}
