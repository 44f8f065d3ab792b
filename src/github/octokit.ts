import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { recordRequest, recordWait } from '../stats/run-stats.js'
import { backendSlot, httpLimits, readCapped, redactUrl, ResponseTooLargeError } from '../util/http.js'
import type { Logger } from '../util/log.js'
import { redactDeep } from '../util/redact.js'

export type Octokit = ReturnType<typeof getOctokit>

export interface RateLimitPolicy {
  /** How many times one request may be retried after a rate limit (primary or secondary). */
  maxRetries: number
  /** A limit that resets later than this is not waited for; the request fails instead. */
  maxWaitSeconds: number
  /** Milliseconds per second of `retry-after`; lowered only by tests so waits are short. */
  msPerSecond: number
  /**
   * Minimum spacing between content-creating requests, as GitHub asks ("at least one second
   * between each request" for POST/PATCH/PUT/DELETE). 0 disables the spacing (tests).
   */
  writeSpacingMs: number
  /** Spacing between requests that send notifications (issues, comments); octokit uses 3 s. */
  notificationSpacingMs: number
  /** Server errors (5xx) are retried this many times by plugin-retry (idempotent requests only). */
  serverErrorRetries: number
}

/** Bounds on the time GitHub may take: per attempt, per call (retries and waits included), per run. */
export interface GitHubTimePolicy {
  /** One HTTP attempt, from sending to the last byte. A stalled attempt is not retried. */
  attemptTimeoutMs: number
  /** One API call with its retries and rate-limit waits. */
  callTimeoutMs: number
  /** Every call of the run together; once spent, further calls fail at once. */
  budgetMs: number
  /** Pages one listing may read; a longer listing is an error, never silently cut. */
  maxPages: number
}

export const DEFAULT_TIME_POLICY: GitHubTimePolicy = {
  attemptTimeoutMs: 20_000,
  callTimeoutMs: 90_000,
  budgetMs: 180_000,
  maxPages: 10
}

/**
 * Time spent waiting on GitHub, shared by every Octokit of a run: the total time budget of the
 * GitHub part of the run. Calls running at once count once each.
 */
export class GitHubBudget {
  private spent = 0
  constructor(readonly budgetMs: number) {}
  remaining(): number {
    return this.budgetMs - this.spent
  }
  charge(ms: number): void {
    this.spent += ms
  }
}

/** A call that GitHub did not answer in time, or that the budget no longer allowed. Never retried. */
export class GitHubTimeoutError extends Error {
  constructor(message: string) {
    super(message)
    // Octokit passes an AbortError on as it is, and the retry plugin leaves it alone.
    this.name = 'AbortError'
  }
}

export const DEFAULT_RATE_LIMIT_POLICY: RateLimitPolicy = {
  maxRetries: 2,
  maxWaitSeconds: 60,
  msPerSecond: 1000,
  writeSpacingMs: 1000,
  notificationSpacingMs: 3000,
  serverErrorRetries: 3
}

export interface CreateOctokitOptions {
  /** REST API root, e.g. https://api.github.com or a GHES/stand-in URL. Defaults to GITHUB_API_URL. */
  baseUrl?: string
  log: Logger
  rateLimit?: Partial<RateLimitPolicy>
  time?: Partial<GitHubTimePolicy>
  /** Shared by the Octokits of one run; a new one per Octokit when absent. */
  budget?: GitHubBudget
  userAgent?: string
}

/**
 * A limiter shaped like the Bottleneck group plugin-throttling expects (`key(id).schedule(opts,
 * fn, ...args)`), so the spacing between writes is ours to set rather than fixed at 1 s / 3 s.
 */
function spacingGroup(minTimeMs: number): unknown {
  let next = 0
  let chain: Promise<unknown> = Promise.resolve()
  const limiter = {
    schedule(_opts: unknown, fn: (...args: unknown[]) => unknown, ...args: unknown[]): Promise<unknown> {
      const run = chain.then(async () => {
        const wait = next - Date.now()
        if (wait > 0) {
          const started = Date.now()
          await new Promise((r) => setTimeout(r, wait))
          recordWait('GitHub request spacing', started)
        }
        next = Date.now() + minTimeMs
      })
      chain = run.catch(() => undefined)
      return run.then(() => fn(...args))
    }
  }
  return { key: () => limiter }
}

interface ThrottledRequest {
  method: string
  url: string
}

/**
 * An Octokit for the GitHub REST API that waits out rate limits within a bound and says so. The
 * token is handed to Octokit only; it is masked and never part of a message.
 */
export function createOctokit(token: string, options: CreateOctokitOptions): Octokit {
  const { log } = options
  const policy: RateLimitPolicy = { ...DEFAULT_RATE_LIMIT_POLICY, ...options.rateLimit }
  if (token) log.setSecret(token)

  const onLimit =
    (kind: 'primary' | 'secondary') =>
    (retryAfter: number, request: ThrottledRequest, _octokit: unknown, retryCount: number): boolean => {
      const what = `${request.method} ${request.url}`
      if (retryCount >= policy.maxRetries) {
        log.warning(`GitHub API ${kind} rate limit on ${what}: gave up after ${retryCount} wait(s); the request failed.`)
        return false
      }
      if (retryAfter > policy.maxWaitSeconds) {
        log.warning(
          `GitHub API ${kind} rate limit on ${what}: it resets in ${retryAfter} s, more than the ${policy.maxWaitSeconds} s this run waits; the request failed.`
        )
        return false
      }
      log.warning(
        `GitHub API ${kind} rate limit on ${what}: waiting ${retryAfter} s before retry ${retryCount + 1} of ${policy.maxRetries}.`
      )
      // The plugin sleeps once this returns: the wait is recorded as it is planned.
      const now = Date.now()
      recordWait(`GitHub ${kind} rate limit`, now, now + retryAfter * policy.msPerSecond)
      return true
    }

  const throttle: Record<string, unknown> = {
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
    retryAfterBaseValue: policy.msPerSecond,
    write: spacingGroup(policy.writeSpacingMs),
    notifications: spacingGroup(policy.notificationSpacingMs)
  }

  const opts: Record<string, unknown> = {
    throttle,
    retry: {
      // 403/429 rate limits belong to the throttling plugin; retrying them here would double the waits.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      retries: policy.serverErrorRetries,
      retryAfterBaseValue: policy.msPerSecond
    },
    log: {
      debug: (m: string) => log.debug(m),
      info: (m: string) => log.debug(m),
      warn: (m: string) => log.debug(m),
      error: (m: string) => log.debug(m)
    }
  }
  if (options.baseUrl) opts.baseUrl = options.baseUrl.replace(/\/+$/, '')
  if (options.userAgent) opts.userAgent = options.userAgent
  const octokit = getOctokit(token, opts, throttling, retry) as unknown as Octokit
  bound(octokit, { ...DEFAULT_TIME_POLICY, ...options.time }, options.budget)
  return octokit
}

const duration = (ms: number): string => (ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`)

type FetchLike = (url: string, init: RequestInit) => Promise<Response>
const OCTOKIT_OPTIONS = new Set(['method', 'url', 'baseUrl', 'headers', 'request', 'mediaType', 'data'])
const NOT_RETRIED = new Set(['POST'])
const NO_BODY = new Set([101, 204, 205, 304])

/**
 * GitHub through the same bounds as every other request: each call redacted on its way out (issue
 * titles and bodies, comments, dispatch payloads), each attempt timed out and its answer capped,
 * each call bounded with its retries, all calls within the run's budget, every listing paged
 * within a cap. The hook wraps the retry and throttling plugins, so it sees one call once.
 */
function bound(octokit: Octokit, time: GitHubTimePolicy, sharedBudget?: GitHubBudget): void {
  const budget = sharedBudget ?? new GitHubBudget(time.budgetMs)
  octokit.hook.wrap('request', async (request, options) => {
    const o = options as unknown as Record<string, unknown> & { method: string; url: string; request?: Record<string, unknown> }
    const what = `${o.method} ${o.url}`
    const left = budget.remaining()
    if (left <= 0)
      throw new GitHubTimeoutError(`GitHub API: ${what} not sent: the ${duration(budget.budgetMs)} this run may spend on GitHub are spent`)
    for (const [k, v] of Object.entries(o)) if (!OCTOKIT_OPTIONS.has(k)) o[k] = redactDeep(v)
    if (o.data !== undefined) o.data = redactDeep(o.data)
    const started = Date.now()
    const callMs = Math.min(time.callTimeoutMs, left)
    const callSignal = AbortSignal.timeout(callMs)
    const inner = (o.request?.fetch as FetchLike | undefined) ?? (globalThis.fetch as FetchLike)
    const attemptMs = time.attemptTimeoutMs
    let bytesRead = 0
    const boundedFetch: FetchLike = async (url, init) => {
      const what = `${o.method} ${redactUrl(String(url))}`
      const release = await backendSlot('github')
      const signal = AbortSignal.any([callSignal, AbortSignal.timeout(attemptMs), ...(init.signal ? [init.signal] : [])])
      try {
        const res = await inner(url, { ...init, signal })
        const bytes = await readCapped(res, httpLimits().maxResponseBytes)
        bytesRead += bytes.byteLength
        return new Response(NO_BODY.has(res.status) ? null : bytes, {
          status: res.status,
          statusText: res.statusText,
          headers: res.headers
        })
      } catch (err) {
        const name = (err as Error)?.name
        if (err instanceof ResponseTooLargeError) throw new GitHubTimeoutError(`GitHub API: ${what}: ${err.message}`)
        if (name === 'TimeoutError' || name === 'AbortError') {
          const byCall = callSignal.aborted
          throw new GitHubTimeoutError(
            byCall
              ? `GitHub API: ${what}: no answer within ${duration(callMs)}${callMs < time.callTimeoutMs ? " (what was left of this run's GitHub time budget)" : ''}`
              : `GitHub API: ${what}: no answer within ${duration(attemptMs)}`
          )
        }
        throw err
      } finally {
        release()
      }
    }
    o.request = { ...o.request, fetch: boundedFetch, ...(NOT_RETRIED.has(o.method) ? { retries: 0 } : {}) }
    let status: number | undefined
    try {
      const res = await request(options)
      status = res.status
      return res
    } catch (err) {
      status = errorStatus(err)
      throw err
    } finally {
      const ms = Date.now() - started
      budget.charge(ms)
      recordRequest({ backend: 'github', kind: 'github', ms, bytes: bytesRead, status })
    }
  })

  // Every listing stops at the page cap; a listing longer than that is an error, not a silent cut.
  const paginate = octokit.paginate
  const capped = ((
    route: unknown,
    params?: unknown,
    mapFn?: (response: { headers: Record<string, unknown>; data: unknown }, done: () => void) => unknown
  ) => {
    let pages = 0
    const fn = typeof params === 'function' ? (params as typeof mapFn) : mapFn
    const p = typeof params === 'function' ? {} : params
    return (paginate as unknown as (...a: unknown[]) => Promise<unknown>)(
      route,
      p,
      (response: { headers: Record<string, unknown>; data: unknown }, done: () => void) => {
        pages++
        const more = /rel="next"/.test(String(response.headers.link ?? ''))
        if (more && pages >= time.maxPages) {
          throw new Error(
            `GitHub API: the listing has more than ${time.maxPages} pages; this run reads at most ${time.maxPages} pages per listing`
          )
        }
        return fn ? fn(response, done) : response.data
      }
    )
  }) as unknown as Octokit['paginate']
  Object.assign(capped, { iterator: paginate.iterator })
  ;(octokit as { paginate: Octokit['paginate'] }).paginate = capped
}

/** The HTTP status of an Octokit RequestError, if it is one. */
export function errorStatus(err: unknown): number | undefined {
  if (err && typeof err === 'object' && 'status' in err && typeof (err as { status: unknown }).status === 'number') {
    return (err as { status: number }).status
  }
  return undefined
}

/** A header of the response attached to an Octokit RequestError. */
export function errorHeader(err: unknown, name: string): string | undefined {
  const response = (err as { response?: { headers?: Record<string, unknown> } } | undefined)?.response
  const value = response?.headers?.[name.toLowerCase()]
  return typeof value === 'string' ? value : undefined
}

/** A one-line description of an API failure, without request headers (they hold the token). */
export function describeApiError(err: unknown): string {
  if (err instanceof GitHubTimeoutError) return err.message
  const status = errorStatus(err)
  const message = err instanceof Error ? err.message : String(err)
  return status !== undefined ? `HTTP ${status}: ${message}` : message
}
