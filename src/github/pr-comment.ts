import type { Logger } from '../util/log.js'
import type { RepoRef } from './backlog-issues.js'
import { fitBody } from './markdown.js'
import { describeApiError, type Octokit } from './octokit.js'
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

  let existing: { id: number; body?: string; html_url: string } | undefined
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: repo.owner,
      repo: repo.repo,
      issue_number: prNumber,
      per_page: 100
    })
    existing = comments.find((c) => (c.body ?? '').startsWith(marker))
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
