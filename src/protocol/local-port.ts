import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { approvalFromInput, type ResolvedApproval } from '../approval/record.js'
import type { IssuesToFile } from '../artifacts/contracts/issues-to-file.js'
import type { BacklogItem } from '../model/backlog.js'
import type { Logger } from '../util/log.js'
import { planIssues } from '../github/issue-plan.js'
import type { GitHubPort, HandoffInfo, IssuesOutcome, SyncBacklogOptions, UploadOutcome } from '../github/ports.js'
import { redactDeep } from '../util/redact.js'
import { FILES } from '../artifacts/files.js'

/**
 * GitHub as seen from a run without a token (the command line): nothing is sent to GitHub. The
 * issues that would be filed are written to a file. With a delivery folder, the package and the
 * Protocol 13 handoff event are delivered there, for pipelines that hand off through files.
 */
export class LocalGitHubPort implements GitHubPort {
  readonly description = 'local run (no GitHub token)'
  constructor(
    private readonly outputDir: string,
    private readonly now: () => Date,
    private readonly log: Logger,
    private readonly deliverTo?: string
  ) {}

  async downloadEvidence(name: string) {
    return { error: `local run: cannot download artifact ${name} without GitHub; pass --evidence DIR` }
  }

  async approval(approvedBy: string | undefined): Promise<ResolvedApproval> {
    return approvalFromInput({ approvedByInput: approvedBy, recordedAt: this.now().toISOString(), log: this.log })
  }

  async uploadPackage(_dir: string, files: string[]): Promise<UploadOutcome> {
    if (!this.deliverTo) return { error: 'local run: no GitHub artifact service and no --deliver-to folder' }
    const dest = resolve(this.deliverTo)
    try {
      await mkdir(dest, { recursive: true })
      for (const f of files) await copyFile(f, join(dest, basename(f)))
      return { delivered: dest }
    } catch (err) {
      return { error: `delivery to ${dest} failed: ${(err as Error).message}` }
    }
  }

  /** issues-to-file.json: every issue exactly as the action would send it, highest priority first. */
  async syncBacklog(items: BacklogItem[], opts?: SyncBacklogOptions): Promise<IssuesOutcome> {
    const file = join(this.outputDir, FILES.issuesToFile)
    const issues = planIssues(
      items,
      { labels: opts?.labels ?? [], kindPrefix: opts?.kindLabelPrefix, priorityPrefix: opts?.priorityLabelPrefix },
      undefined
    )
    const doc: IssuesToFile = {
      generated_at: this.now().toISOString(),
      repository: null,
      note: 'Not filed: a local run has no GitHub token. Each entry is what the action would send to POST /repos/{owner}/{repo}/issues.',
      issues
    }
    await writeFile(file, JSON.stringify(redactDeep(doc), null, 2) + '\n')
    return { opened: [], updated: [], closed: [], reopened: [], heldBack: [], errors: [], file }
  }

  async sendHandoff(eventType: string, info: HandoffInfo) {
    if (!this.deliverTo) return { error: 'local run: no GitHub token to send repository_dispatch with, and no --deliver-to folder' }
    const file = join(resolve(this.deliverTo), `${eventType}.json`)
    try {
      await writeFile(
        file,
        JSON.stringify(redactDeep({ event_type: eventType, sent_at: this.now().toISOString(), client_payload: info }), null, 2) + '\n'
      )
      this.log.info(`Handoff event written to ${file}`)
      return { ok: true as const }
    } catch (err) {
      return { error: `handoff event not written to ${file}: ${(err as Error).message}` }
    }
  }

  async commentOnPullRequest(): Promise<void> {}

  async previousPackage(_artifactName: string) {
    return { reason: 'local run: no previous workflow run to take a package from (use baseline.previous.file)' }
  }

  async incidents(): Promise<never> {
    throw new Error('GitHub issues as an incident source need a GitHub token')
  }

  runUrl(): string | undefined {
    return undefined
  }
}
