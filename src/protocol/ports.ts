import type { Incident } from '../assurance/types.js'
import type { BacklogItem } from '../model/backlog.js'

/** An approver of this release's monitoring, from GitHub or the approved-by input. */
export interface Approver {
  name: string
  role: string
  source: string
  approved_at: string | null
  comments?: string
}

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

export type UploadOutcome = { id: number; url: string } | { error: string }

/**
 * What the protocol needs from GitHub. The action wires the real API; the command line wires a
 * local stand-in that writes files. The protocol core never imports Octokit itself.
 */
export interface GitHubPort {
  readonly description: string
  /** Download the deploy job's evidence artifact (this run's, or runId's) into path. */
  downloadEvidence(name: string, path: string, runId?: string): Promise<{ ok: true } | { error: string }>
  approvers(approvedByInput: string | undefined): Promise<{ approvers: Approver[]; errors: string[] }>
  uploadPackage(dir: string, files: string[]): Promise<UploadOutcome | undefined>
  syncBacklog(items: BacklogItem[]): Promise<IssuesOutcome>
  /** repository_dispatch to Protocol 13; undefined when not possible here. */
  sendHandoff(eventType: string, payload: Record<string, unknown>): Promise<{ ok: true } | { error: string }>
  /** Gate table on the pull request this run belongs to, if any. */
  commentOnPullRequest(body: string): Promise<void>
  /** Folder of the previous successful run's package, when one exists. */
  previousPackage(): Promise<{ dir: string; source: string } | { reason: string }>
  /** Incidents from GitHub issues with these labels, created since `since`. */
  incidents(labels: string[], since: Date): Promise<Incident[]>
  /** Link to this run, for reports. */
  runUrl(): string | undefined
}
