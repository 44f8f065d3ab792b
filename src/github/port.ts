import type { ResolvedApproval } from '../approval/record.js'
import type { Incident } from '../assurance/types.js'
import type { BacklogItem } from '../model/backlog.js'
import type { GitHubPort, HandoffInfo, IssuesOutcome, UploadOutcome } from './ports.js'
import type { Settings } from '../settings/inputs.js'
import type { Logger } from '../util/log.js'
import { resolveApproval } from './approvals.js'
import { downloadEvidenceArtifact, downloadPreviousPackage, uploadPackage } from './artifacts.js'
import { syncBacklogIssues } from './backlog-issues.js'
import { readWorkflowRun } from './context.js'
import { sendHandoff } from './handoff.js'
import { createOctokit, DEFAULT_TIME_POLICY, describeApiError, GitHubBudget } from './octokit.js'
import { upsertPullRequestComment } from './pr-comment.js'

/** Service of an incident issue: a `service:NAME` or `service/NAME` label. */
function serviceFromLabels(labels: Array<string | { name?: string }>): string | undefined {
  for (const l of labels) {
    const name = typeof l === 'string' ? l : l.name
    const m = name ? /^service[:/](.+)$/i.exec(name) : null
    if (m) return m[1]
  }
  return undefined
}

/** GitHub as the action sees it: the run's repository, token and artifact service. */
export async function createGitHubPort(args: {
  settings: Settings
  env: NodeJS.ProcessEnv
  log: Logger
  workspace: string
}): Promise<GitHubPort> {
  const { settings, env, log } = args
  const token = settings.githubToken!
  const run = readWorkflowRun(env)
  const repo = { owner: run.owner, repo: run.repo }
  // One time budget for every GitHub call of the run, whichever Octokit makes it.
  const budget = new GitHubBudget(DEFAULT_TIME_POLICY.budgetMs)
  const octokit = createOctokit(token, { baseUrl: run.apiUrl, log, budget })
  let prCommentEnabled = true

  return {
    description: `${run.owner}/${run.repo} run ${run.runId}`,

    async downloadEvidence(name, path, runId) {
      const r = await downloadEvidenceArtifact({
        name,
        path,
        runId: runId ? Number(runId) : undefined,
        token,
        repo,
        currentRunId: run.runId,
        log
      })
      if ('error' in r) return { error: r.error }
      return { ok: true }
    },

    async approval(approvedByInput): Promise<ResolvedApproval> {
      return resolveApproval({ octokit, repo, runId: run.runId, approvedByInput, log })
    },

    async uploadPackage(dir, files): Promise<UploadOutcome | undefined> {
      if (!settings.packageArtifact) return undefined
      const r = await uploadPackage({
        name: settings.packageArtifact,
        rootDir: dir,
        files,
        retentionDays: settings.retentionDays ? Number(settings.retentionDays) : undefined,
        serverUrl: run.serverUrl,
        repo,
        runId: run.runId,
        log
      })
      return 'error' in r ? { error: r.error } : { id: r.id, url: r.url }
    },

    async syncBacklog(items: BacklogItem[], opts): Promise<IssuesOutcome> {
      const r = await syncBacklogIssues({
        octokit,
        repo,
        items,
        labels: opts.labels,
        kindLabelPrefix: opts.kindLabelPrefix,
        priorityLabelPrefix: opts.priorityLabelPrefix,
        maxNew: opts.maxNew,
        runUrl: run.runUrl,
        packageUrl: opts.packageUrl,
        forkPullRequest: run.forkPullRequest,
        log
      })
      return r
    },

    async sendHandoff(eventType: string, info: HandoffInfo) {
      const r = await sendHandoff({
        octokit,
        repo,
        eventType,
        forkPullRequest: run.forkPullRequest,
        log,
        payload: {
          protocol: 12,
          status: info.status,
          run: { id: run.runId, attempt: run.runAttempt, url: run.runUrl },
          package: {
            name: info.packageName ?? '',
            ...(info.upload && 'id' in info.upload ? { artifact_id: info.upload.id, url: info.upload.url } : {}),
            ...(info.upload && 'error' in info.upload ? { error: info.upload.error } : {})
          },
          gates: info.gates.map((g) => ({
            gate: g.id,
            name: g.name,
            status: g.status,
            message: g.reasons.slice(0, 3).join('; ') || undefined
          })),
          environment: info.environment,
          sha: run.sha,
          approval_status: info.approvalStatus
        }
      })
      return r.sent ? { ok: true as const } : { error: r.error ?? 'not sent' }
    },

    async commentOnPullRequest(body: string) {
      if (!run.prNumber || !prCommentEnabled) return
      const r = await upsertPullRequestComment({ octokit, repo, prNumber: run.prNumber, body, forkPullRequest: run.forkPullRequest, log })
      if (r.action === 'failed') prCommentEnabled = false
    },

    async previousPackage(artifactName: string) {
      if (!run.workflowFile) return { reason: 'GITHUB_WORKFLOW_REF does not name the workflow file, so its previous runs cannot be listed' }
      const r = await downloadPreviousPackage({
        name: artifactName,
        workflowFileOrId: run.workflowFile,
        token,
        repo,
        baseUrl: run.apiUrl,
        budget,
        excludeRunId: run.runId,
        log
      })
      return r.path !== undefined ? { dir: r.path, source: `artifact ${artifactName} of run ${r.runId}` } : { reason: r.reason }
    },

    async incidents(labels: string[], since: Date): Promise<Incident[]> {
      try {
        const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
          owner: repo.owner,
          repo: repo.repo,
          labels: labels.join(','),
          state: 'all',
          since: since.toISOString(),
          per_page: 100
        })
        return issues
          .filter((i) => !i.pull_request && Date.parse(i.created_at) >= since.getTime())
          .map((i) => ({
            id: `#${i.number}`,
            service: serviceFromLabels(i.labels),
            title: i.title,
            started_at: new Date(i.created_at).toISOString(),
            resolved_at: i.closed_at ? new Date(i.closed_at).toISOString() : undefined,
            source: `github issues labelled ${labels.join(', ')}`
          }))
      } catch (err) {
        throw new Error(`listing incident issues failed: ${describeApiError(err)}`, { cause: err })
      }
    },

    // A re-run's own page, so links from the summary and comment show this attempt.
    runUrl: () => (run.runAttempt > 1 ? `${run.runUrl}/attempts/${run.runAttempt}` : run.runUrl)
  }
}
