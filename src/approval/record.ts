import type { Logger } from '../util/log.js'
import type { ApprovalRecordEntry, MonitoringApprovalRecord } from '../artifacts/contracts/monitoring-approval-record.js'

export type { ApprovalRecordEntry, MonitoringApprovalRecord }

/**
 * The approval of this release's monitoring and `monitoring-approval-record.json`. Free of any
 * GitHub client, so local runs and the protocol core use it without loading Octokit.
 */

export const APPROVAL_MISSING_MESSAGE = '[ERROR] Monitoring approval not recorded.'

export type ApprovalSource = 'environment-approval' | 'approved-by-input'

export interface Approver {
  login: string
  role?: string
  state: 'approved' | 'rejected'
  comment: string
  /** Protected environments this review covered (environment approvals only). */
  environments: string[]
  source: ApprovalSource
  /**
   * When this run recorded the approval. GitHub's approvals API gives no review time; an
   * environment approval is known to precede the job, which cannot start before it.
   */
  recordedAt: string
}

export interface ResolvedApproval {
  /** Where the approvers came from; `none` when neither source had any. */
  source: ApprovalSource | 'none'
  approvers: Approver[]
  /** Reviewers who rejected a deployment of this run. */
  rejected: Approver[]
  /** Why the environment approvals could not be read, if they could not. */
  apiError?: string
}

/** `alice (SRE lead), bob` -> [{login: alice, role: SRE lead}, {login: bob}] */
export function parseApprovedBy(input: string | undefined): Array<{ login: string; role?: string }> {
  if (!input) return []
  return input
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^@?([^\s()]+)\s*(?:\(([^)]*)\))?$/.exec(entry)
      if (!m) return { login: entry }
      return m[2]?.trim() ? { login: m[1], role: m[2].trim() } : { login: m[1] }
    })
}

/** Approvers named by the `approved-by` input; the fallback when GitHub has no approval to give. */
export function approvalFromInput(args: {
  approvedByInput?: string
  recordedAt: string
  rejected?: Approver[]
  apiError?: string
  runId?: number
  log: Logger
}): ResolvedApproval {
  const { log } = args
  const rejected = args.rejected ?? []
  const apiError = args.apiError
  const fromInput = parseApprovedBy(args.approvedByInput)
  if (fromInput.length > 0) {
    const approvers = fromInput.map<Approver>((a) => ({
      login: a.login,
      role: a.role,
      state: 'approved',
      comment: '',
      environments: [],
      source: 'approved-by-input',
      recordedAt: args.recordedAt
    }))
    log.info(`Approval: taken from the approved-by input (${approvers.map((a) => a.login).join(', ')}).`)
    return { source: 'approved-by-input', approvers: dedupe(approvers), rejected, apiError }
  }
  log.warning(`${APPROVAL_MISSING_MESSAGE} No environment approval${args.runId ? ` for run ${args.runId}` : ''} and no approved-by input.`)
  return { source: 'none', approvers: [], rejected, apiError }
}

export function dedupe(list: Approver[]): Approver[] {
  const seen = new Map<string, Approver>()
  for (const a of list) {
    const key = a.login.toLowerCase()
    const prev = seen.get(key)
    if (prev) prev.environments = [...new Set([...prev.environments, ...a.environments])]
    else seen.set(key, { ...a })
  }
  return [...seen.values()]
}

export interface BuildApprovalRecordArgs {
  approval: ResolvedApproval
  /** Logins whose approval is required; without it, one approval is required. */
  requiredApprovers?: string[]
  /** Role of each login, e.g. from config (`alice: SRE lead`). */
  roles?: Record<string, string>
  onCallOwner?: string
  notificationChannels?: { slack?: string; pagerduty?: string; email?: string }
  /** When the monitoring configuration takes effect; defaults to the approval date. */
  effectiveDate?: string
  now?: Date
}

function recordKey(login: string): string {
  return login.toLowerCase().replace(/[^a-z0-9_-]+/g, '_')
}

/**
 * The approval record for gate 4. Status `missing` when nobody approved: gate 4 then fails with
 * APPROVAL_MISSING_MESSAGE.
 */
export function buildApprovalRecord(args: BuildApprovalRecordArgs): MonitoringApprovalRecord {
  const { approval } = args
  const roles = Object.fromEntries(Object.entries(args.roles ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
  const approvers: Record<string, ApprovalRecordEntry> = {}
  for (const a of [...approval.approvers, ...approval.rejected]) {
    approvers[recordKey(a.login)] = {
      name: a.login,
      role:
        a.role ??
        roles[a.login.toLowerCase()] ??
        (a.environments.length ? `environment reviewer (${a.environments.join(', ')})` : 'approver'),
      approval_status: a.state,
      approval_timestamp: a.recordedAt,
      comments: a.comment,
      source: a.source
    }
  }
  const required = (args.requiredApprovers ?? []).map((l) => l.replace(/^@/, ''))
  for (const login of required) {
    const key = recordKey(login)
    if (!approvers[key]) {
      approvers[key] = {
        name: login,
        role: roles[login.toLowerCase()] ?? 'required approver',
        approval_status: 'pending',
        approval_timestamp: null,
        comments: '',
        source: 'required'
      }
    }
  }
  const approvedLogins = new Set(approval.approvers.map((a) => a.login.toLowerCase()))
  const requiredCount = required.length > 0 ? required.length : 1
  const approvedCount =
    required.length > 0 ? required.filter((l) => approvedLogins.has(l.toLowerCase())).length : Math.min(approvedLogins.size, 1)
  const percentage = Math.round((approvedCount / requiredCount) * 10000) / 100
  const status: MonitoringApprovalRecord['status'] =
    approval.rejected.length > 0 ? 'rejected' : approval.approvers.length === 0 ? 'missing' : percentage >= 100 ? 'approved' : 'partial'
  const approvalDate =
    approval.approvers.length > 0
      ? approval.approvers
          .map((a) => a.recordedAt)
          .sort()
          .at(-1)!
      : null
  const channels: MonitoringApprovalRecord['notification_channels'] = {}
  for (const k of ['slack', 'pagerduty', 'email'] as const) {
    const v = args.notificationChannels?.[k]
    if (v) channels[k] = v
  }
  return {
    approval_date: approvalDate,
    status,
    approvers,
    required_approvers: requiredCount,
    approval_percentage: percentage,
    effective_date: status === 'approved' ? (args.effectiveDate ?? approvalDate) : null,
    on_call_owner: args.onCallOwner ?? null,
    notification_channels: channels
  }
}
