import { errorHeader, errorStatus } from './octokit.js'

export type ApiFailureKind = 'permission' | 'rate-limit' | 'other'

/** Tell a rate limit (waited out and given up on) from a token that may not do this. */
export function classifyFailure(err: unknown): ApiFailureKind {
  const status = errorStatus(err)
  const message = err instanceof Error ? err.message : String(err)
  if (status === 429 || errorHeader(err, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(message)) return 'rate-limit'
  if (status === 403) return 'permission'
  return 'other'
}

/**
 * The permission GitHub says the request needed, as it goes in a workflow's `permissions:` block.
 * GitHub names it in `x-accepted-github-permissions` (e.g. `issues=write`); `fallback` otherwise.
 */
export function requiredPermission(err: unknown, fallback: string): string {
  const header = errorHeader(err, 'x-accepted-github-permissions')
  const first = header?.split(/[;,]/)[0]?.trim()
  const m = first ? /^([a-z_]+)=([a-z]+)$/.exec(first) : null
  return m ? `${m[1]}: ${m[2]}` : fallback
}

/**
 * Why a write was refused, said so the user knows what to change. On a pull request from a fork
 * GitHub hands the workflow a read-only token whatever `permissions:` says.
 */
export function permissionMessage(what: string, err: unknown, fallback: string, forkPullRequest: boolean): string {
  if (forkPullRequest) {
    return `Could not ${what}: this run is for a pull request from a fork, and GitHub gives such runs a read-only token (403 "Resource not accessible by integration"). Nothing was written; the results are in the run's summary and package.`
  }
  const permission = requiredPermission(err, fallback)
  return `Could not ${what}: the token lacks the \`${permission}\` permission (GitHub answered 403 "Resource not accessible by integration"). Add \`permissions: ${permission}\` to the job in the workflow.`
}
