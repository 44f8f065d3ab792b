import { BackendError } from './errors.js'
import type { AuthConfig } from '../config/schema.js'
import type { Logger } from './log.js'

export interface HttpRequest {
  /** Name of the backend, for messages. */
  backend: string
  url: string
  method?: string
  headers?: Record<string, string>
  body?: string
  timeoutMs: number
  /** Retries after the first try, for network errors and 5xx only. */
  retries?: number
  /** First backoff; doubles per retry. */
  backoffMs?: number
}

export interface HttpResponse {
  status: number
  headers: Headers
  text: string
  /** Milliseconds from send to the full body. */
  elapsedMs: number
}

/** URL as safe to record: no userinfo. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    u.username = ''
    u.password = ''
    return u.toString()
  } catch {
    return url
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * One HTTP exchange with a bounded wait and a bounded retry. Network errors, timeouts and 5xx
 * after the last retry become a BackendError; other statuses are returned for the caller to judge.
 */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const retries = req.retries ?? 0
  const method = req.method ?? 'GET'
  const where = `${method} ${redactUrl(req.url)}`
  let lastError: BackendError | undefined
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep((req.backoffMs ?? 200) * 2 ** (attempt - 1))
    const started = Date.now()
    try {
      const res = await fetch(req.url, {
        method,
        headers: req.headers,
        body: req.body,
        signal: AbortSignal.timeout(req.timeoutMs),
        redirect: 'manual'
      })
      const text = await res.text()
      const elapsedMs = Date.now() - started
      if (res.status >= 500 && attempt < retries) {
        lastError = new BackendError(req.backend, where, `HTTP ${res.status}`, res.status)
        continue
      }
      return { status: res.status, headers: res.headers, text, elapsedMs }
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } }
      const reason =
        e.name === 'TimeoutError' || e.name === 'AbortError'
          ? `no answer within ${req.timeoutMs} ms`
          : `unreachable (${e.cause?.code ?? e.message})`
      lastError = new BackendError(req.backend, where, reason)
    }
  }
  throw lastError ?? new BackendError(req.backend, where, 'no attempt made')
}

/** Resolve `env:NAME` header values and auth into request headers; every secret is masked. */
export function authHeaders(
  auth: AuthConfig,
  headers: Record<string, string>,
  env: NodeJS.ProcessEnv,
  log: Logger,
  backend: string
): Record<string, string> {
  const out: Record<string, string> = {}
  const secret = (name: string): string => {
    const v = env[name]
    if (!v) throw new BackendError(backend, 'credentials', `environment variable ${name} is not set`)
    log.setSecret(v)
    return v
  }
  for (const [k, v] of Object.entries(headers)) out[k] = v.startsWith('env:') ? secret(v.slice(4)) : v
  if (auth.type === 'bearer') out.Authorization = `Bearer ${secret(auth['token-env'])}`
  if (auth.type === 'basic') {
    const token = Buffer.from(`${secret(auth['username-env'])}:${secret(auth['password-env'])}`).toString('base64')
    log.setSecret(token)
    out.Authorization = `Basic ${token}`
  }
  return out
}

/** Parse a duration such as 30s, 5m, 1h, 7d into seconds. */
export function durationSeconds(d: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(d)
  if (!m) throw new Error(`not a duration: ${d}`)
  const n = Number(m[1])
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd' | 'w']
  return n * unit
}
