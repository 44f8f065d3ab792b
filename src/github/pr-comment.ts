import type { Logger } from '../util/log.js'
import type { RepoRef } from './backlog-issues.js'
import { fitBody } from './body.js'
import { describeApiError, errorStatus, type Octokit } from './octokit.js'
import { classifyFailure, permissionMessage } from './permissions.js'

export const PR_COMMENT_MARKER = '<!-- sre-monitoring:pr-comment -->'

export interface UpsertPullRequestCommentArgs {
  octokit: Octokit
  repo: RepoRef
  prNumber: number
  /** Markdown; callers escape what came from evidence. The marker is added here. */
  body: string
  /** Several comments per PR (e.g. one per environment) each use their own marker. */
  marker?: string
  forkPullRequest?: boolean
  /**
   * The login the token acts as (see tokenIdentity); only a comment by it is edited. A comment by
   * anyone else that starts with the marker is left alone: its author could re-edit it later.
   */
  identity?: string
  log: Logger
}

export interface UpsertPullRequestCommentResult {
  action: 'created' | 'updated' | 'unchanged' | 'failed'
  commentId?: number
  url?: string
  error?: string
}

/**
 * One comment per pull request, found again by a hidden marker at its start and edited in place.
 * Never throws for an API failure.
 */
export async function upsertPullRequestComment(args: UpsertPullRequestCommentArgs): Promise<UpsertPullRequestCommentResult> {
  const { octokit, repo, prNumber, log } = args
  const marker = args.marker ?? PR_COMMENT_MARKER
  const body = fitBody(`${marker}\n${args.body}`, undefined, "the run's summary and package")
  const failed = (what: string, err: unknown): UpsertPullRequestCommentResult => {
    const error =
      classifyFailure(err) === 'permission'
        ? permissionMessage(`comment on pull request #${prNumber}`, err, 'pull-requests: write', args.forkPullRequest ?? false)
        : `Pull request comment: ${what} failed: ${describeApiError(err)}`
    log.warning(error)
    return { action: 'failed', error }
  }

  let identity = args.identity
  if (identity === undefined) {
    const who = await tokenIdentity(octokit)
    if ('error' in who) return failed('finding out which account the token acts as', who.error)
    identity = who.login
  }

  let existing: { id: number; body?: string; html_url: string } | undefined
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: repo.owner,
      repo: repo.repo,
      issue_number: prNumber,
      per_page: 100
    })
    existing = comments.find((c) => (c.body ?? '').startsWith(marker) && c.user?.login === identity)
  } catch (err) {
    return failed(`listing the comments of #${prNumber}`, err)
  }

  if (existing) {
    if (existing.body === body) return { action: 'unchanged', commentId: existing.id, url: existing.html_url }
    try {
      const { data } = await octokit.rest.issues.updateComment({
        owner: repo.owner,
        repo: repo.repo,
        comment_id: existing.id,
        body
      })
      log.info(`Updated the monitoring comment on pull request #${prNumber}.`)
      return { action: 'updated', commentId: data.id, url: data.html_url }
    } catch (err) {
      return failed(`editing comment ${existing.id}`, err)
    }
  }
  try {
    const { data } = await octokit.rest.issues.createComment({
      owner: repo.owner,
      repo: repo.repo,
      issue_number: prNumber,
      body
    })
    log.info(`Commented on pull request #${prNumber}.`)
    return { action: 'created', commentId: data.id, url: data.html_url }
  } catch (err) {
    return failed(`commenting on #${prNumber}`, err)
  }
}

/** The account the workflow's own token (GITHUB_TOKEN) acts as. */
export const WORKFLOW_TOKEN_LOGIN = 'github-actions[bot]'

/**
 * The login the token acts as. A personal access token reads it from `GET /user`; an installation
 * token (the workflow's GITHUB_TOKEN) is refused there with 403 and acts as github-actions[bot].
 */
export async function tokenIdentity(octokit: Octokit): Promise<{ login: string } | { error: unknown }> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return { login: data.login }
  } catch (err) {
    if (errorStatus(err) === 403) return { login: WORKFLOW_TOKEN_LOGIN }
    return { error: err }
  }
}
