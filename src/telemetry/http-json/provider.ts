import type { BackendConfig } from '../../config/schema.js'
import type { ResolvedService } from '../../model/monitoring-model.js'
import { BackendError } from '../../util/errors.js'
import type { Logger } from '../../util/log.js'
import { BackendClient } from '../backend-client.js'
import type { ServiceMeasurement, SignalRequest, TelemetryProvider } from '../provider.js'
import type { Measurement } from '../types.js'
import { mapLimit, promDuration } from '../vector.js'
import { evaluateCondition, readPath, toEpochSeconds } from './json-path.js'

/** How many per-service HTTP checks run at once. */
export const HTTP_CHECK_CONCURRENCY = 8

const substitute = (text: string, service: string, encode: (s: string) => string): string => text.split('{{service}}').join(encode(service))

/**
 * Generic HTTP JSON checks for backends without a query language we speak (Tempo, Jaeger,
 * Elasticsearch, vendor APIs): one request per service, `{{service}}` substituted, the value at
 * `json-path` compared with `condition`, freshness from `timestamp-path` when given.
 */
export class HttpJsonProvider implements TelemetryProvider {
  readonly type = 'http' as const
  readonly backend: string
  private readonly client: BackendClient | undefined
  private readonly env: NodeJS.ProcessEnv
  private readonly log: Logger
  private ownRequests = 0

  /** With no backend, the check's URL must be absolute and defaults apply (10 s timeout, 2 retries). */
  constructor(args: { name?: string; config?: BackendConfig; env: NodeJS.ProcessEnv; log: Logger; backoffMs?: number }) {
    this.backend = args.name ?? 'http'
    this.env = args.env
    this.log = args.log
    this.client = args.config ? new BackendClient(this.backend, args.config, args.env, args.log, { backoffMs: args.backoffMs }) : undefined
  }

  get requests(): number {
    return (this.client?.requests ?? 0) + this.ownRequests
  }

  async measure(req: SignalRequest): Promise<ServiceMeasurement[]> {
    return mapLimit(req.services, HTTP_CHECK_CONCURRENCY, (s) => this.measureOne(req, s))
  }

  private clientFor(url: string): BackendClient {
    if (this.client) return this.client
    const config: BackendConfig = {
      type: 'http',
      url: new URL(url).origin,
      auth: { type: 'none' },
      headers: {},
      'timeout-seconds': 10,
      retries: 2
    }
    return new BackendClient(this.backend, config, this.env, this.log)
  }

  private async measureOne(req: SignalRequest, service: ResolvedService): Promise<ServiceMeasurement> {
    const check = req.check
    if (check.kind !== 'http') throw new Error(`the http provider runs http checks, not ${check.kind}`)
    const startedAt = new Date().toISOString()
    const rawUrl = substitute(check.url, service.name, encodeURIComponent)
    let client: BackendClient
    try {
      client = this.clientFor(this.client ? this.client.url(rawUrl) : rawUrl)
    } catch (err) {
      const request = { backend: this.backend, method: check.method, url: rawUrl }
      return {
        service: service.name,
        gap: 'backend_error',
        measurement: {
          request,
          value: null,
          started_at: startedAt,
          finished_at: startedAt,
          verdict: 'error',
          reason: `not a usable URL: ${(err as Error).message}`
        }
      }
    }
    const url = client.url(rawUrl)
    const request = client.describe(check.method, url)
    const threshold = `HTTP ${check['expect-status']}, ${check['json-path']} ${check.condition}${check['timestamp-path'] ? `, ${check['timestamp-path']} within ${promDuration(req.freshnessSeconds)}` : ''}`
    const result = (
      m: Pick<Measurement, 'value' | 'verdict' | 'reason'> & { newest_sample_at?: string },
      extra: Partial<ServiceMeasurement> = {}
    ): ServiceMeasurement => ({
      service: service.name,
      measurement: { request, threshold, started_at: startedAt, finished_at: new Date().toISOString(), ...m },
      ...extra
    })
    const before = client.requests
    try {
      const res = await client.send({
        method: check.method,
        path: url,
        body: check.body !== undefined ? substitute(check.body, service.name, (s) => JSON.stringify(s).slice(1, -1)) : undefined,
        contentType: check.body !== undefined ? 'application/json' : undefined
      })
      if (client !== this.client) this.ownRequests += client.requests - before
      if (res.status !== check['expect-status']) {
        // A refused or unauthorized request means the check could not run; a 404 means nothing is there.
        const isError = res.status >= 500 || (res.status >= 400 && res.status !== 404)
        const reason = `HTTP ${res.status}, expected ${check['expect-status']}${isError ? `: ${res.text.slice(0, 160).trim()}` : ''}`
        return isError
          ? result({ value: res.status, verdict: 'error', reason }, { gap: 'backend_error' })
          : result({ value: res.status, verdict: 'fail', reason }, { gap: 'failed' })
      }
      const body = client.json(res, `${check.method} ${request.url}`)
      const found = readPath(body, check['json-path'])
      const value = typeof found === 'number' || typeof found === 'string' ? found : typeof found === 'boolean' ? String(found) : null
      if (found === undefined || found === null) {
        return result({ value: null, verdict: 'fail', reason: `no value at ${check['json-path']}` }, { gap: 'no_data' })
      }
      if (typeof found === 'number' && !Number.isFinite(found)) {
        return result({ value: String(found), verdict: 'fail', reason: `invalid value ${found}` }, { gap: 'invalid_value' })
      }
      if (!evaluateCondition(found, check.condition)) {
        return result(
          { value, verdict: 'fail', reason: `${check['json-path']} is ${JSON.stringify(found)}, which is not ${check.condition}` },
          { gap: 'no_data' }
        )
      }
      const tsPath = check['timestamp-path']
      if (!tsPath) {
        return result({
          value,
          verdict: 'pass',
          reason: `${check['json-path']} = ${JSON.stringify(found)} (${check.condition}); freshness is the API's own search window (no timestamp-path)`
        })
      }
      const rawTimes = readPath(body, tsPath)
      const times = (Array.isArray(rawTimes) ? rawTimes : [rawTimes]).map(toEpochSeconds).filter((t): t is number => t !== undefined)
      if (times.length === 0) {
        return result({ value, verdict: 'fail', reason: `no time at ${tsPath}, so freshness cannot be shown` }, { gap: 'stale' })
      }
      const newest = Math.max(...times)
      const age = Math.max(0, req.now.getTime() / 1000 - newest)
      const newestSampleAt = new Date(newest * 1000).toISOString()
      const fresh = { freshnessSeconds: Math.round(age) }
      if (age > req.freshnessSeconds) {
        return result(
          {
            value,
            newest_sample_at: newestSampleAt,
            verdict: 'fail',
            reason: `stale: newest sample ${Math.round(age)} s old; freshness window ${promDuration(req.freshnessSeconds)}`
          },
          { gap: 'stale', ...fresh }
        )
      }
      return result(
        {
          value,
          newest_sample_at: newestSampleAt,
          verdict: 'pass',
          reason: `${check['json-path']} = ${JSON.stringify(found)}, newest sample ${Math.round(age)} s old`
        },
        fresh
      )
    } catch (err) {
      if (client !== this.client) this.ownRequests += client.requests - before
      if (err instanceof BackendError) return result({ value: null, verdict: 'error', reason: err.message }, { gap: 'backend_error' })
      throw err
    }
  }
}
