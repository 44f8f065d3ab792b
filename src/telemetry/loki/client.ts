import type { BackendConfig } from '../../config/schema.js'
import { BackendError } from '../../util/errors.js'
import type { Logger } from '../../util/log.js'
import { BackendClient } from '../backend-client.js'
import type { CheckRequest } from '../types.js'
import { parseSampleValue, type VectorSample } from '../vector.js'
import { isObject } from '../../util/json.js'

/**
 * Client for Loki's instant query API (`/loki/api/v1/query`), which answers LogQL metric queries
 * in the Prometheus shape: `{status: "success", data: {resultType: "vector", result: [...]}}`.
 */
export class LokiClient {
  readonly http: BackendClient

  constructor(name: string, config: BackendConfig, env: NodeJS.ProcessEnv, log: Logger, opts: { backoffMs?: number } = {}) {
    this.http = new BackendClient(name, config, env, log, opts)
  }

  get name(): string {
    return this.http.name
  }

  get requests(): number {
    return this.http.requests
  }

  /** A LogQL metric query at `time`; log-stream answers are refused (they carry no per-service value). */
  async instantQuery(query: string, time: Date): Promise<{ request: CheckRequest; samples: VectorSample[] }> {
    const request = this.http.describe('GET', '/loki/api/v1/query', query)
    const what = `GET ${request.url}`
    // Loki takes time in nanoseconds (or seconds); nanoseconds keep sub-second precision.
    const ns = (BigInt(time.getTime()) * 1_000_000n).toString()
    const res = await this.http.send({ method: 'GET', path: '/loki/api/v1/query', params: { query, time: ns } })
    if (res.status >= 400) {
      throw new BackendError(this.name, what, `answered HTTP ${res.status}: ${res.text.slice(0, 200).trim()}`, res.status)
    }
    const body = this.http.json(res, what)
    if (!isObject(body) || body.status !== 'success' || !isObject(body.data)) {
      throw new BackendError(this.name, what, `answered HTTP ${res.status} without {status: "success", data}`, res.status)
    }
    const data = body.data
    if (data.resultType !== 'vector' || !Array.isArray(data.result)) {
      throw new BackendError(
        this.name,
        what,
        `answered resultType "${String(data.resultType)}" where a LogQL metric query (vector) was expected`
      )
    }
    const samples = (data.result as unknown[]).map((r): VectorSample => {
      const pair = isObject(r) ? r.value : undefined
      const value = Array.isArray(pair) ? parseSampleValue(pair[1]) : undefined
      if (!isObject(r) || !isObject(r.metric) || !Array.isArray(pair) || typeof pair[0] !== 'number' || value === undefined) {
        throw new BackendError(this.name, what, 'answered a malformed sample (expected {metric, value: [time, "number"]})')
      }
      return { labels: r.metric as Record<string, string>, value, timestamp: pair[0] }
    })
    return { request, samples }
  }
}
