import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Logger } from '../util/log.js'

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
  /** Server errors (5xx) are retried this many times by plugin-retry. */
  serverErrorRetries: number
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
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
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
        log.warning(
          `GitHub API ${kind} rate limit on ${what}: gave up after ${retryCount} wait(s); the request failed.`
        )
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
  return getOctokit(token, opts, throttling, retry) as unknown as Octokit
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
  const status = errorStatus(err)
  const message = err instanceof Error ? err.message : String(err)
  return status !== undefined ? `HTTP ${status}: ${message}` : message
}
