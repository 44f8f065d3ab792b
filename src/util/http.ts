/**
 * The one way out to the network. Every outbound request (telemetry, rules, dashboards,
 * Alertmanager, PagerDuty, webhooks, acknowledgement sources, probes, and GitHub through the
 * Octokit hook in github/octokit.ts) goes through here, and this module owns:
 * - credentials from environment variables only; URL userinfo becomes Basic auth and never
 *   appears in a URL this module reports (error messages included);
 * - a timeout on every attempt and a bound on the whole exchange, retries and waits included;
 * - a response size cap: the body is streamed and the exchange aborted at the cap, so an endless
 *   or huge answer costs bounded time and memory;
 * - retries only for idempotent requests (or ones the caller marks so), honouring Retry-After.
 */
import { BackendError } from './errors.js'
import type { Logger } from './log.js'
import { secrets, userinfoSecrets } from './redact.js'
import { recordInFlight, recordRequest, recordWait } from '../stats/run-stats.js'

/**
 * How a request authenticates, by the names of the environment variables that hold the secrets.
 * The config's `auth` (config/schema.ts) has this shape; util owns it so that it imports no config.
 */
export type AuthConfig =
  { type: 'none' } | { type: 'bearer'; 'token-env': string } | { type: 'basic'; 'username-env': string; 'password-env': string }

/** Default cap on one response body; `limits.response-max-bytes` in the config sets it. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024
/** Longest Retry-After honoured; a longer one ends the retries. */
export const MAX_RETRY_AFTER_MS = 30_000

/** Default bound on requests in flight to one backend; `limits.backend-concurrency` sets it. */
export const DEFAULT_BACKEND_CONCURRENCY = 4

export interface HttpLimits {
  maxResponseBytes: number
  /** Requests in flight to one backend (by name) at most; the rest wait their turn. */
  backendConcurrency: number
}

const limits: HttpLimits = { maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES, backendConcurrency: DEFAULT_BACKEND_CONCURRENCY }

/** Set the run's limits (from the config's `limits:`), once the config is read. */
export function setHttpLimits(l: Partial<HttpLimits>): void {
  if (l.maxResponseBytes && l.maxResponseBytes > 0) limits.maxResponseBytes = l.maxResponseBytes
  if (l.backendConcurrency && l.backendConcurrency >= 1) limits.backendConcurrency = Math.floor(l.backendConcurrency)
}

interface Slots {
  active: number
  queue: Array<() => void>
}
const slots = new Map<string, Slots>()

/**
 * A turn to send to one backend: at most `limits.backend-concurrency` requests are in flight to
 * it at once, so a large run queues on its own side instead of flooding the backend. Resolves to
 * the release function.
 */
export async function backendSlot(backend: string): Promise<() => void> {
  let s = slots.get(backend)
  if (!s) {
    s = { active: 0, queue: [] }
    slots.set(backend, s)
  }
  const own = s
  if (own.active >= limits.backendConcurrency) await new Promise<void>((r) => own.queue.push(r))
  else own.active++
  recordInFlight(backend, own.active)
  let released = false
  return () => {
    if (released) return
    released = true
    const next = own.queue.shift()
    // The turn passes on directly: `active` stays the same.
    if (next) next()
    else own.active--
  }
}

export function httpLimits(): Readonly<HttpLimits> {
  return limits
}

export interface HttpRequest {
  /** Name of the backend, for messages, run-stats and the concurrency bound. */
  backend: string
  /** What kind of system it is (prometheus, alertmanager, probe...), for run-stats; default: the name. */
  kind?: string
  url: string
  method?: string
  headers?: Record<string, string>
  body?: string
  /** Bound on each attempt, from sending to the last byte of the answer. */
  timeoutMs: number
  /** Retries after the first try, for network errors, timeouts, 429 and 5xx; idempotent requests only. */
  retries?: number
  /** First backoff; doubles per retry. */
  backoffMs?: number
  /**
   * The receiver deduplicates a repeated request (an Alertmanager alert by its labels, a
   * PagerDuty event by its dedup key), so a POST may be retried too. GET, HEAD, PUT, DELETE and
   * OPTIONS are idempotent anyway.
   */
  idempotent?: boolean
  /** Bound on the whole exchange (all attempts and waits). Default: what the attempts and backoffs add up to. */
  totalMs?: number
  /** Cap on the body; default: the run's `limits.response-max-bytes`. */
  maxBytes?: number
}

export interface HttpResponse {
  status: number
  headers: Headers
  text: string
  /** Milliseconds from send to the full body. */
  elapsedMs: number
}

/** URL as safe to record: no userinfo. Text that is not a URL loses anything that looks like userinfo. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (!u.username && !u.password) return url
    u.username = ''
    u.password = ''
    return u.toString()
  } catch {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1')
  }
}

/**
 * A URL split into what is sent and what is reported: userinfo removed from both and turned
 * into a Basic Authorization value (registered as a secret).
 */
export function splitUserinfo(url: string): { url: string; authorization?: string } {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return { url }
  }
  if (!u.username && !u.password) return { url }
  for (const s of userinfoSecrets(url)) secrets.add(s)
  const user = safeDecode(u.username)
  const pass = safeDecode(u.password)
  u.username = ''
  u.password = ''
  const token = Buffer.from(`${user}:${pass}`).toString('base64')
  secrets.add(token)
  return { url: u.toString(), authorization: `Basic ${token}` }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])

/** A body over the cap: never retried, reported with the cap. */
export class ResponseTooLargeError extends Error {
  constructor(
    readonly maxBytes: number,
    readonly declared?: number
  ) {
    super(
      declared !== undefined
        ? `the answer is ${declared} bytes (Content-Length), over the ${maxBytes}-byte cap (limits.response-max-bytes)`
        : `the answer exceeded the ${maxBytes}-byte cap (limits.response-max-bytes); the rest was not read`
    )
    this.name = 'ResponseTooLargeError'
  }
}

/**
 * Read a response body up to a cap, streaming: the exchange is cancelled at the cap, so neither
 * an endless body nor a huge one is held in memory. The caller's signal bounds the time.
 */
export async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined)
    throw new ResponseTooLargeError(maxBytes, declared)
  }
  if (!res.body) return new Uint8Array(0)
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw new ResponseTooLargeError(maxBytes)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), if it asks. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const v = value.trim()
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000)
  const at = Date.parse(v)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

function describeFailure(err: unknown, timeoutMs: number, headersSeen: boolean): string {
  const e = err as Error & { cause?: { code?: string; message?: string } }
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return headersSeen ? `the answer did not finish within ${timeoutMs} ms` : `no answer within ${timeoutMs} ms`
  }
  // Messages from fetch can carry the URL; only the error code or a short cause is kept.
  return `unreachable (${e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err)})`
}

/**
 * One HTTP exchange with bounded waits, a bounded retry and a capped body. Network errors,
 * timeouts and an oversized body become a BackendError naming the request without userinfo;
 * other statuses are returned for the caller to judge (a 5xx or 429 after the last retry too).
 */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const method = (req.method ?? 'GET').toUpperCase()
  const { url, authorization } = splitUserinfo(req.url)
  const where = `${method} ${redactUrl(url)}`
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new BackendError(req.backend, `${method} (invalid URL)`, 'the URL is not a valid absolute URL')
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new BackendError(req.backend, where, `only http and https URLs are requested, not ${parsed.protocol}`)
  }
  const headers: Record<string, string> = { ...req.headers }
  if (authorization && !Object.keys(headers).some((k) => k.toLowerCase() === 'authorization')) headers.Authorization = authorization

  const canRetry = IDEMPOTENT.has(method) || req.idempotent === true
  const retries = canRetry ? Math.max(0, req.retries ?? 0) : 0
  const backoffMs = req.backoffMs ?? 200
  const maxBytes = req.maxBytes ?? limits.maxResponseBytes
  // By default every attempt gets its whole timeout; the slack covers connection set-up and timers.
  const planned = req.timeoutMs * (retries + 1) + backoffMs * (2 ** retries - 1)
  const totalMs = req.totalMs ?? Math.ceil(planned * 1.1) + 250
  // The exchange's bounds start once it may send: a turn behind other requests is not its time.
  let release = await backendSlot(req.backend)
  const deadline = Date.now() + totalMs
  const stat = { ms: 0, bytes: 0, status: undefined as number | undefined }
  const done = <T>(r: T): T => {
    release()
    recordRequest({ backend: req.backend, kind: req.kind ?? req.backend, ms: stat.ms, bytes: stat.bytes, status: stat.status })
    return r
  }

  let lastError: BackendError | undefined
  let wait = 0
  try {
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        const left = deadline - Date.now()
        if (wait > left) break
        release()
        const waited = Date.now()
        await sleep(wait)
        recordWait(`retry backoff (${req.backend})`, waited)
        stat.ms += Date.now() - waited
        release = await backendSlot(req.backend)
      }
      const left = deadline - Date.now()
      if (left <= 0) break
      const timeoutMs = Math.min(req.timeoutMs, left)
      const started = Date.now()
      let headersSeen = false
      stat.status = undefined
      try {
        const res = await fetch(url, {
          method,
          headers,
          body: req.body,
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'manual'
        })
        headersSeen = true
        const bytes = await readCapped(res, maxBytes)
        const text = new TextDecoder().decode(bytes)
        const elapsedMs = Date.now() - started
        stat.ms += elapsedMs
        stat.bytes += bytes.byteLength
        stat.status = res.status
        const retryable = res.status >= 500 || res.status === 429
        if (retryable && attempt < retries) {
          const asked = retryAfterMs(res.headers.get('retry-after'))
          if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) return done({ status: res.status, headers: res.headers, text, elapsedMs })
          wait = asked ?? backoffMs * 2 ** attempt
          lastError = new BackendError(req.backend, where, `HTTP ${res.status}`, res.status)
          if (wait > deadline - Date.now()) return done({ status: res.status, headers: res.headers, text, elapsedMs })
          continue
        }
        return done({ status: res.status, headers: res.headers, text, elapsedMs })
      } catch (err) {
        stat.ms += Date.now() - started
        if (err instanceof ResponseTooLargeError) throw Object.assign(new BackendError(req.backend, where, err.message), { tooLarge: true })
        const cut = timeoutMs < req.timeoutMs ? ` (what was left of the ${totalMs} ms this request may take)` : ''
        lastError = new BackendError(req.backend, where, describeFailure(err, timeoutMs, headersSeen) + cut)
        wait = backoffMs * 2 ** attempt
      }
    }
  } catch (err) {
    // Only the size cap gets here: the call ends without a usable answer.
    stat.status = undefined
    throw done(err)
  }
  // Retries spent: the last answer's status is what stands (a 5xx), or no answer at all.
  done(undefined)
  if (lastError) throw lastError
  throw new BackendError(req.backend, where, `no answer within the ${totalMs} ms this request may take`)
}

/** A variable name as written in a config; anything else is not echoed (it may be the credential itself). */
const SHOWN_VARIABLE_NAME = /^[A-Z_][A-Z0-9_]{0,63}$/

/** Read a credential from the environment; its value is a secret from here on. */
function credential(env: NodeJS.ProcessEnv, name: string, log: Logger, backend: string, field: string): string {
  const v = env[name]
  if (!v) {
    if (SHOWN_VARIABLE_NAME.test(name)) throw new BackendError(backend, 'credentials', `environment variable ${name} is not set (${field})`)
    // Not a variable name as people write them: most likely a token pasted where a name belongs.
    secrets.add(name)
    log.setSecret(name)
    throw new BackendError(
      backend,
      'credentials',
      `${field} names an environment variable that is not set; the name is not shown because it does not look like a variable name (A-Z, 0-9, _) and may be a credential`
    )
  }
  log.setSecret(v)
  return v
}

/** Resolve `env:NAME` header values and auth into request headers; every secret is registered. */
export function authHeaders(
  auth: AuthConfig,
  headers: Record<string, string>,
  env: NodeJS.ProcessEnv,
  log: Logger,
  backend: string
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers ?? {}))
    out[k] = v.startsWith('env:') ? credential(env, v.slice(4), log, backend, `header ${k}`) : v
  if (auth?.type === 'bearer') out.Authorization = `Bearer ${credential(env, auth['token-env'], log, backend, 'auth.token-env')}`
  if (auth?.type === 'basic') {
    const user = credential(env, auth['username-env'], log, backend, 'auth.username-env')
    const pass = credential(env, auth['password-env'], log, backend, 'auth.password-env')
    const token = Buffer.from(`${user}:${pass}`).toString('base64')
    log.setSecret(`${user}:${pass}`)
    log.setSecret(token)
    out.Authorization = `Basic ${token}`
  }
  return out
}

/**
 * What a provider may use of the network: requests through this module, credentials for one
 * backend. Providers take this instead of the whole run context.
 */
export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>
  /** Headers for a backend's auth and header config, credentials read from the environment. */
  credentials(auth: AuthConfig, headers: Record<string, string>, backend: string): Record<string, string>
}

export function createHttpClient(args: { env: NodeJS.ProcessEnv; log: Logger }): HttpClient {
  return {
    request: (req) => httpRequest(req),
    credentials: (auth, headers, backend) => authHeaders(auth, headers, args.env, args.log, backend)
  }
}

/** @deprecated Durations live in util/duration.ts (the one parser); kept so older imports compile. */
export { durationSeconds } from './duration.js'
