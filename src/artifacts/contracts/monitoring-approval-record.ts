import { z } from 'zod'
import { dateTime } from './common.js'

export const approvalRecordEntryContract = z.strictObject({
  name: z.string().min(1).describe('GitHub login'),
  role: z.string(),
  approval_status: z.enum(['approved', 'rejected', 'pending']),
  approval_timestamp: dateTime()
    .nullable()
    .describe(
      "When this run recorded the review (GitHub's approvals API gives no review time; an environment approval precedes the job). Null while pending."
    ),
  comments: z.string(),
  source: z
    .enum(['environment-approval', 'approved-by-input', 'required'])
    .describe(
      "environment-approval: a reviewer of the run's protected environment (GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals); approved-by-input: the action's approved-by input; required: listed as required, no review yet."
    )
})

export const monitoringApprovalRecordContract = z
  .strictObject({
    approval_date: dateTime().nullable().describe('When this run recorded the latest approval; null when nobody approved.'),
    status: z
      .enum(['approved', 'partial', 'rejected', 'missing'])
      .describe(
        'approved: every required approver approved; partial: some did; rejected: a reviewer rejected a deployment of this run; missing: no approval at all.'
      ),
    approvers: z.record(z.string().regex(/^[a-z0-9_-]+$/), approvalRecordEntryContract),
    required_approvers: z.int().min(1),
    approval_percentage: z.number().min(0).max(100),
    effective_date: z.string().nullable().describe('When the monitoring configuration takes effect; null unless status is approved.'),
    on_call_owner: z.string().nullable(),
    notification_channels: z.strictObject({
      slack: z.string().min(1).optional(),
      pagerduty: z.string().min(1).optional(),
      email: z.string().min(1).optional()
    })
  })
  .describe(
    'Who approved the monitoring configuration of this run, where that approval came from, and who owns it on call. Protocol 13 reads the notification channels from it. Status `missing` fails gate 4 with "[ERROR] Monitoring approval not recorded."'
  )

export type ApprovalRecordEntry = z.infer<typeof approvalRecordEntryContract>
export type MonitoringApprovalRecord = z.infer<typeof monitoringApprovalRecordContract>
