import type { ResolvedApproval } from '../approval/record.js'
import type { IncidentReader } from '../assurance/types.js'
import type { BacklogItem } from '../model/backlog.js'

export interface IssuesOutcome {
  opened: number[]
  updated: number[]
  closed: number[]
  reopened: number[]
  heldBack: BacklogItem[]
  errors: string[]
  /** Issue number per fingerprint, for the backlog file. */
  numbers?: Map<string, number>
  /** Where the issues were written instead of filed (local runs without a token). */
  file?: string
}

export interface SyncBacklogOptions {
  labels: string[]
  /** Kind and priority labels (`kind/coverage-gap`, `priority/high`); empty: none. */
  kindLabelPrefix?: string
  priorityLabelPrefix?: string
  maxNew: number
  packageUrl?: string
}

/** What Protocol 13 is told when the package is handed off. */
export interface HandoffInfo {
  status: 'pass' | 'fail'
  gates: Array<{ id: number; name: string; status: 'pass' | 'fail'; reasons: string[] }>
  packageName?: string
  upload?: UploadOutcome
  environment: string
  approvalStatus: string
}

/** A GitHub artifact, a folder the package was delivered to (runs outside GitHub), or why neither. */
export type UploadOutcome = { id: number; url: string } | { delivered: string } | { error: string }

/**
 * What the protocol needs from GitHub. The action wires the real API (port.ts); the command line
 * wires a local stand-in that writes files (protocol/local-port.ts). Types only: the protocol core
 * never loads Octokit itself.
 */
export interface GitHubPort extends IncidentReader {
  readonly description: string
  /** Download the deploy job's evidence artifact (this run's, or runId's) into path. */
  downloadEvidence(name: string, path: string, runId?: string): Promise<{ ok: true } | { error: string }>
  /** Who approved: a protected environment's reviewers for this run, else the approved-by input. */
  approval(approvedByInput: string | undefined): Promise<ResolvedApproval>
  uploadPackage(dir: string, files: string[]): Promise<UploadOutcome | undefined>
  syncBacklog(items: BacklogItem[], opts: SyncBacklogOptions): Promise<IssuesOutcome>
  /** repository_dispatch to Protocol 13. */
  sendHandoff(eventType: string, handoff: HandoffInfo): Promise<{ ok: true } | { error: string }>
  /** Gate table on the pull request this run belongs to, if any. */
  commentOnPullRequest(body: string): Promise<void>
  /** Folder of the previous successful run's package (artifact of that name), when one exists. */
  previousPackage(artifactName: string): Promise<{ dir: string; source: string } | { reason: string }>
  /** Link to this run, for reports. */
  runUrl(): string | undefined
}
