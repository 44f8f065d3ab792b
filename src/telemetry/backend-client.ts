import type { BackendConfig } from '../config/schema.js'
import { BackendError } from '../util/errors.js'
import { authHeaders, httpRequest, redactUrl, splitUserinfo, type HttpResponse } from '../util/http.js'
import type { Logger } from '../util/log.js'
import type { CheckRequest } from './types.js'

/**
 * HTTP access to one configured backend: credentials from the environment (masked in the log and
 * never part of a recorded URL), per-request timeout, bounded retry with backoff for 5xx and
 * network errors, and a count of the requests made.
 */
export class BackendClient {
  readonly name: string
  readonly type: string
  /** Base URL without credentials and without a trailing slash. */
  readonly baseUrl: string
  requests = 0
  private readonly headers: Record<string, string>
  private readonly timeoutMs: number
  private readonly retries: number
  private readonly backoffMs: number

  constructor(name: string, config: BackendConfig, env: NodeJS.ProcessEnv, log: Logger, opts: { backoffMs?: number } = {}) {
    this.name = name
    this.type = config.type
    const headers = authHeaders(config.auth, config.headers, env, log, name)
    // fetch refuses URLs with userinfo; a URL written as https://user:pass@host becomes basic auth.
    const { url, authorization } = splitUserinfo(config.url)
    if (authorization && !headers.Authorization) headers.Authorization = authorization
    this.baseUrl = redactUrl(url).replace(/\/+$/, '')
    this.headers = headers
    this.timeoutMs = config['timeout-seconds'] * 1000
    this.retries = config.retries
    this.backoffMs = opts.backoffMs ?? 250
  }

  /** The full URL for a path under the base URL (`/api/v1/query` under `https://host/prometheus`). */
  url(path: string): string {
    return /^https?:\/\//i.test(path) ? path : `${this.baseUrl}${path.startsWith('/') ? '' : '/'}${path}`
  }

  /** What a measurement records of a request: no credentials, no headers. */
  describe(method: string, path: string, query?: string): CheckRequest {
    return { backend: this.name, method, url: redactUrl(this.url(path)), ...(query !== undefined ? { query } : {}) }
  }

  async send(args: {
    method: 'GET' | 'POST'
    path: string
    params?: Record<string, string>
    body?: string
    contentType?: string
  }): Promise<HttpResponse> {
    let url = this.url(args.path)
    const headers: Record<string, string> = { Accept: 'application/json', ...this.headers }
    let body = args.body
    if (args.params && args.method === 'GET') {
      const u = new URL(url)
      for (const [k, v] of Object.entries(args.params)) u.searchParams.set(k, v)
      url = u.toString()
    } else if (args.params) {
      body = new URLSearchParams(args.params).toString()
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
    }
    if (args.contentType) headers['Content-Type'] = args.contentType
    this.requests++
    return httpRequest({
      backend: this.name,
      kind: this.type,
      url,
      method: args.method,
      headers,
      body,
      timeoutMs: this.timeoutMs,
      retries: this.retries,
      // Telemetry backends are only read (a POST here is a query sent as a form): safe to repeat.
      idempotent: true,
      backoffMs: this.backoffMs
    })
  }

  /** Parse a JSON answer; a non-JSON body is the backend failing, not the check. */
  json(res: HttpResponse, what: string): unknown {
    try {
      return JSON.parse(res.text) as unknown
    } catch {
      const sample = res.text.slice(0, 80).replace(/\s+/g, ' ')
      throw new BackendError(
        this.name,
        what,
        `answered HTTP ${res.status} with a body that is not JSON: ${JSON.stringify(sample)}`,
        res.status
      )
    }
  }
}
