import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { approvalFromInput, type ResolvedApproval } from '../approval/record.js'
import type { BacklogItem } from '../model/backlog.js'
import type { Logger } from '../util/log.js'
import type { GitHubPort, IssuesOutcome } from './ports.js'

/**
 * GitHub as seen from a run without a token (the command line): nothing is sent. The issues
 * that would be filed are written to a file, and every step that needs GitHub says so.
 */
export class LocalGitHubPort implements GitHubPort {
  readonly description = 'local run (no GitHub token)'
  constructor(
    private readonly outputDir: string,
    private readonly now: () => Date,
    private readonly log: Logger
  ) {}

  async downloadEvidence(name: string) {
    return { error: `local run: cannot download artifact ${name} without GitHub; pass --evidence DIR` }
  }

  async approval(approvedBy: string | undefined): Promise<ResolvedApproval> {
    return approvalFromInput({ approvedByInput: approvedBy, recordedAt: this.now().toISOString(), log: this.log })
  }

  async uploadPackage() {
    return { error: 'local run: no GitHub artifact service to upload to' }
  }

  async syncBacklog(items: BacklogItem[]): Promise<IssuesOutcome> {
    const file = join(this.outputDir, 'issues-to-file.json')
    const doc = items.map((i) => ({ fingerprint: i.fingerprint, title: i.title, priority: i.priority, gate: i.gate ?? null, summary: i.summary, evidence: i.evidence }))
    await writeFile(file, JSON.stringify(doc, null, 2) + '\n')
    return { opened: [], updated: [], closed: [], reopened: [], heldBack: [], errors: [], file }
  }

  async sendHandoff() {
    return { error: 'local run: no GitHub token to send repository_dispatch with' }
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
