import type { Logger } from '../util/log.js'
import type { RepoRef } from './backlog-issues.js'
import { describeApiError, type Octokit } from './octokit.js'
import { classifyFailure, requiredPermission } from './permissions.js'
import { approvalFromInput, dedupe, type Approver, type ResolvedApproval } from '../approval/record.js'

export {
  APPROVAL_MISSING_MESSAGE,
  buildApprovalRecord,
  parseApprovedBy,
  type ApprovalRecordEntry,
  type ApprovalSource,
  type Approver,
  type BuildApprovalRecordArgs,
  type MonitoringApprovalRecord,
  type ResolvedApproval
} from '../approval/record.js'

export interface ResolveApprovalArgs {
  octokit?: Octokit
  repo: RepoRef
  runId: number
  /** The `approved-by` input: logins separated by commas or new lines, each optionally `login (role)`. */
  approvedByInput?: string
  /** Clock for `recordedAt`; tests pin it. */
  now?: Date
  log: Logger
}

/**
 * Who approved this run: the reviewers who approved its protected environment(s)
 * (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals`), else the `approved-by` input.
 * Never throws; an unreadable API is reported and the input is used.
 */
export async function resolveApproval(args: ResolveApprovalArgs): Promise<ResolvedApproval> {
  const { octokit, repo, runId, log } = args
  const recordedAt = (args.now ?? new Date()).toISOString()
  const rejected: Approver[] = []
  let apiError: string | undefined

  if (octokit && runId > 0) {
    try {
      const { data } = await octokit.rest.actions.getReviewsForRun({ owner: repo.owner, repo: repo.repo, run_id: runId })
      const approvers: Approver[] = []
      for (const review of data) {
        if (review.state !== 'approved' && review.state !== 'rejected') continue
        const approver: Approver = {
          login: review.user.login,
          state: review.state,
          comment: review.comment ?? '',
          environments: review.environments.map((e) => e.name ?? '').filter(Boolean),
          source: 'environment-approval',
          recordedAt
        }
        ;(review.state === 'approved' ? approvers : rejected).push(approver)
      }
      if (approvers.length > 0) {
        log.info(`Approval: ${approvers.map((a) => a.login).join(', ')} approved the protected environment for run ${runId}.`)
        return { source: 'environment-approval', approvers: dedupe(approvers), rejected }
      }
    } catch (err) {
      apiError =
        classifyFailure(err) === 'permission'
          ? `Could not read the environment approvals of run ${runId}: add \`permissions: ${requiredPermission(err, 'actions: read')}\` to the job.`
          : `Could not read the environment approvals of run ${runId}: ${describeApiError(err)}`
      log.warning(apiError)
    }
  }

  return approvalFromInput({ approvedByInput: args.approvedByInput, recordedAt, rejected, apiError, runId, log })
}
