import type { BackendConfig } from '../../config/schema.js'
import { BackendError } from '../../util/errors.js'
import type { Logger } from '../../util/log.js'
import { BackendClient } from '../backend-client.js'
import type { CheckRequest } from '../types.js'
import { parseSampleValue, type VectorSample } from '../vector.js'
import { isObject } from '../../util/json.js'
import { recordSamples } from '../../stats/run-stats.js'

export interface InstantResult {
  request: CheckRequest
  resultType: 'vector' | 'scalar'
  samples: VectorSample[]
}

export interface RangeSeries {
  labels: Record<string, string>
  /** [epoch seconds, value] */
  values: Array<[number, number]>
}

export interface PrometheusRule {
  name: string
  type: 'alerting' | 'recording'
  query: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  duration?: number
  state?: string
  health?: string
  [key: string]: unknown
}

export interface PrometheusRuleGroup {
  name: string
  file: string
  interval?: number
  rules: PrometheusRule[]
}

export interface PrometheusAlert {
  labels: Record<string, string>
  annotations: Record<string, string>
  state: string
  activeAt?: string
  value?: string
}

/**
 * Client for the Prometheus HTTP API (`/api/v1/...`), which Thanos, Mimir, Cortex and
 * VictoriaMetrics serve unchanged (put any path prefix, e.g. `/prometheus`, in the backend URL).
 * Queries are POSTed as forms so that grouped queries over hundreds of services never hit a URL
 * length limit. A malformed answer is a BackendError, never an empty result.
 */
export class PrometheusClient {
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

  /** Send one API call and unwrap `{status: "success", data}`. */
  private async call(path: string, params: Record<string, string>, what: string, method: 'GET' | 'POST' = 'POST'): Promise<unknown> {
    const res = await this.http.send({ method, path, params })
    const body = this.http.json(res, what)
    if (!isObject(body) || typeof body.status !== 'string') {
      throw new BackendError(
        this.name,
        what,
        `answered HTTP ${res.status} without the Prometheus API envelope ({status, data})`,
        res.status
      )
    }
    if (body.status !== 'success') {
      const detail = [body.errorType, body.error].filter((x) => typeof x === 'string').join(': ')
      throw new BackendError(
        this.name,
        what,
        `answered HTTP ${res.status} status "${body.status}"${detail ? ` (${detail})` : ''}`,
        res.status
      )
    }
    if (res.status >= 300) throw new BackendError(this.name, what, `answered HTTP ${res.status}`, res.status)
    return body.data
  }

  /** Instant query at `time` (default: the server's now). Accepts vector and scalar answers. */
  async instantQuery(query: string, time?: Date): Promise<InstantResult> {
    const request = this.http.describe('POST', '/api/v1/query', query)
    const what = `POST ${request.url}`
    const params: Record<string, string> = { query, stats: 'all' }
    if (time) params.time = (time.getTime() / 1000).toFixed(3)
    const data = await this.call('/api/v1/query', params, what)
    this.noteSamples(data)
    if (!isObject(data) || (!Array.isArray(data.result) && data.resultType !== 'scalar')) {
      throw new BackendError(this.name, what, 'answered without data.result')
    }
    if (data.resultType === 'scalar') {
      return { request, resultType: 'scalar', samples: [this.sample({ metric: {}, value: data.result }, what)] }
    }
    if (data.resultType !== 'vector') {
      throw new BackendError(this.name, what, `answered resultType "${String(data.resultType)}" where an instant vector was expected`)
    }
    return { request, resultType: 'vector', samples: (data.result as unknown[]).map((r) => this.sample(r, what)) }
  }

  /** Range query from start to end with a step in seconds. */
  async rangeQuery(query: string, start: Date, end: Date, stepSeconds: number): Promise<{ request: CheckRequest; series: RangeSeries[] }> {
    const request = this.http.describe('POST', '/api/v1/query_range', query)
    const what = `POST ${request.url}`
    const data = await this.call(
      '/api/v1/query_range',
      {
        query,
        start: (start.getTime() / 1000).toFixed(3),
        end: (end.getTime() / 1000).toFixed(3),
        step: String(stepSeconds),
        stats: 'all'
      },
      what
    )
    this.noteSamples(data)
    if (!isObject(data) || data.resultType !== 'matrix' || !Array.isArray(data.result)) {
      throw new BackendError(
        this.name,
        what,
        `answered resultType "${isObject(data) ? String(data.resultType) : '?'}" where a range vector (matrix) was expected`
      )
    }
    const series = (data.result as unknown[]).map((r): RangeSeries => {
      if (!isObject(r) || !isObject(r.metric) || !Array.isArray(r.values))
        throw new BackendError(this.name, what, 'answered a malformed matrix series')
      return {
        labels: r.metric as Record<string, string>,
        values: (r.values as unknown[]).map((p) => {
          const v = Array.isArray(p) ? parseSampleValue(p[1]) : undefined
          if (!Array.isArray(p) || typeof p[0] !== 'number' || v === undefined)
            throw new BackendError(this.name, what, 'answered a malformed sample')
          return [p[0], v] as [number, number]
        })
      }
    })
    return { request, series }
  }

  /** Label sets of the series matching any of the selectors between start and end. */
  async series(matchers: string[], start?: Date, end?: Date): Promise<Array<Record<string, string>>> {
    const params = new URLSearchParams()
    for (const m of matchers) params.append('match[]', m)
    if (start) params.set('start', (start.getTime() / 1000).toFixed(3))
    if (end) params.set('end', (end.getTime() / 1000).toFixed(3))
    const what = `POST ${this.http.describe('POST', '/api/v1/series').url}`
    const res = await this.http.send({
      method: 'POST',
      path: '/api/v1/series',
      body: params.toString(),
      contentType: 'application/x-www-form-urlencoded'
    })
    const body = this.http.json(res, what)
    if (!isObject(body) || body.status !== 'success' || !Array.isArray(body.data)) {
      throw new BackendError(this.name, what, `answered HTTP ${res.status} without a successful series list`, res.status)
    }
    return body.data as Array<Record<string, string>>
  }

  /** The values a label takes on the series matching any of the selectors between start and end (`/api/v1/label/<name>/values`). */
  async labelValues(label: string, matchers: string[], start?: Date, end?: Date): Promise<string[]> {
    const params = new URLSearchParams()
    for (const m of matchers) params.append('match[]', m)
    if (start) params.set('start', (start.getTime() / 1000).toFixed(3))
    if (end) params.set('end', (end.getTime() / 1000).toFixed(3))
    const path = `/api/v1/label/${encodeURIComponent(label)}/values`
    const what = `GET ${this.http.describe('GET', path).url}`
    const res = await this.http.send({ method: 'GET', path: `${path}?${params.toString()}` })
    const body = this.http.json(res, what)
    if (!isObject(body) || body.status !== 'success' || !Array.isArray(body.data) || !body.data.every((v) => typeof v === 'string')) {
      throw new BackendError(this.name, what, `answered HTTP ${res.status} without a successful list of label values`, res.status)
    }
    return body.data as string[]
  }

  /** Rule groups in force (`/api/v1/rules`), optionally only alerting or recording rules. */
  async rules(type?: 'alert' | 'record'): Promise<PrometheusRuleGroup[]> {
    const what = `GET ${this.http.describe('GET', '/api/v1/rules').url}`
    const data = await this.call('/api/v1/rules', type ? { type } : {}, what, 'GET')
    if (!isObject(data) || !Array.isArray(data.groups)) throw new BackendError(this.name, what, 'answered without data.groups')
    return data.groups as PrometheusRuleGroup[]
  }

  /** Active alerts (`/api/v1/alerts`). */
  async alerts(): Promise<PrometheusAlert[]> {
    const what = `GET ${this.http.describe('GET', '/api/v1/alerts').url}`
    const data = await this.call('/api/v1/alerts', {}, what, 'GET')
    if (!isObject(data) || !Array.isArray(data.alerts)) throw new BackendError(this.name, what, 'answered without data.alerts')
    return data.alerts as PrometheusAlert[]
  }

  /**
   * The samples a query touched, as Prometheus (and Thanos, Mimir) report them with `stats=all`
   * (`data.stats.samples.totalQueryableSamples`, `peakSamples`), for run-stats. A backend that
   * answers without them (VictoriaMetrics ignores the parameter) is recorded as not reporting.
   */
  private noteSamples(data: unknown): void {
    const stats = isObject(data) && isObject(data.stats) ? data.stats : undefined
    const samples = stats && isObject(stats.samples) ? stats.samples : undefined
    const total = samples?.totalQueryableSamples
    const peak = samples?.peakSamples
    recordSamples(
      this.name,
      typeof total === 'number' && total >= 0 ? { total, ...(typeof peak === 'number' && peak >= 0 ? { peak } : {}) } : undefined
    )
  }

  private sample(r: unknown, what: string): VectorSample {
    const pair = isObject(r) ? r.value : undefined
    const labels = isObject(r) && isObject(r.metric) ? (r.metric as Record<string, string>) : undefined
    const value = Array.isArray(pair) ? parseSampleValue(pair[1]) : undefined
    if (!labels || !Array.isArray(pair) || typeof pair[0] !== 'number' || value === undefined) {
      throw new BackendError(this.name, what, 'answered a malformed sample (expected {metric, value: [time, "number"]})')
    }
    return { labels, value, timestamp: pair[0] }
  }
}
