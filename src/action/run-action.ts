import { resolve } from 'node:path'
import { readWorkflowRun, repositoryUrl, runLabel } from '../github/context.js'
import { LocalGitHubPort } from '../protocol/local-port.js'
import type { GitHubPort } from '../github/ports.js'
import { runProtocolGuarded, type RunResult } from '../protocol/run.js'
import { errorText } from '../util/errors.js'
import { renderPullRequestComment } from '../report/pr-comment.js'
import { renderSummary, type ReportLinks } from '../report/summary.js'
import type { Settings } from '../settings/inputs.js'
import { ActionsLogger } from '../util/loggers.js'
import { registerConfigFileSecrets } from '../util/redact.js'
import { guardCore } from './guarded-core.js'
import type { ActionsCore } from './workflow.js'
import { GENERATOR } from '../version.js'

/**
 * The action's job: evidence in, protocol run, then summary, outputs and the pull request
 * comment, all before the caller decides whether to fail the step.
 */
export async function runAction(settings: Settings, rawCore: ActionsCore, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  // Every output, summary line and log line passes the run's redactor.
  const core = guardCore(rawCore)
  const log = new ActionsLogger(core)
  // Secrets first: nothing untrusted is logged before the runner knows what to mask.
  if (settings.githubToken) log.setSecret(settings.githubToken)
  await registerConfigFileSecrets(resolve(env.GITHUB_WORKSPACE ?? process.cwd(), settings.config), env, (s) => log.setSecret(s))
  const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd())
  const now = (): Date => new Date()
  const outputDir = resolve(workspace, settings.outputDir)

  let github: GitHubPort
  if (settings.githubToken && env.GITHUB_REPOSITORY) {
    // Octokit and the artifact client load only when a token is there to use them.
    try {
      const { createGitHubPort } = await import('../github/port.js')
      github = await createGitHubPort({ settings, env, log, workspace })
    } catch (err) {
      log.error(`GitHub client not available (${errorText(err)}): nothing is uploaded or filed; issues are written to a file.`)
      github = new LocalGitHubPort(outputDir, now, log)
    }
  } else {
    log.warning('No github-token or GITHUB_REPOSITORY: nothing is uploaded or filed; issues are written to a file.')
    github = new LocalGitHubPort(outputDir, now, log)
  }

  let evidenceError: string | undefined
  if (settings.evidenceArtifact) {
    const got = await github.downloadEvidence(settings.evidenceArtifact, resolve(workspace, settings.evidencePath), settings.evidenceRunId)
    if ('error' in got) evidenceError = `Evidence artifact ${settings.evidenceArtifact}: ${got.error}`
    else log.info(`Evidence artifact ${settings.evidenceArtifact} downloaded into ${settings.evidencePath}`)
  }

  // Nothing is lost: a crash still leaves the gates, the summary and the outputs.
  const result: RunResult = await runProtocolGuarded({
    evidenceDir: settings.evidencePath,
    configPath: settings.config,
    outputDir,
    workspace,
    mode: settings.mode,
    alertTestsApproved: settings.alertTests,
    approvedBy: settings.approvedBy,
    onCallOwner: settings.onCallOwner,
    packageArtifact: settings.packageArtifact,
    fileIssues: settings.backlogIssues,
    env,
    log,
    now,
    runId: runLabel(env),
    generator: GENERATOR,
    github,
    evidenceError
  })

  const upload = result.upload && 'id' in result.upload ? result.upload : undefined
  const links: ReportLinks = {
    runUrl: github.runUrl(),
    packageUrl: upload?.url,
    packageName: settings.packageArtifact,
    repoUrl: repositoryUrl(readWorkflowRun(env)),
    ref: env.GITHUB_SHA
  }
  let summary: string
  try {
    summary = renderSummary(result, links)
  } catch (err) {
    log.error(`Job summary could not be rendered: ${errorText(err)}`)
    summary = `## Protocol 12 monitoring: ${result.status}\n\n${result.gates.map((g) => `- gate ${g.id} (${g.name}): ${g.status}`).join('\n')}\n`
  }
  if (env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.addRaw(summary).write({ overwrite: false })
    } catch (err) {
      log.warning(`Job summary not written: ${(err as Error).message}`)
    }
  }
  core.setOutput('status', result.status)
  core.setOutput(
    'gates',
    JSON.stringify(result.gates.map((g) => ({ id: g.id, name: g.name, status: g.status, reasons: [...g.reasons, ...g.errors] })))
  )
  core.setOutput('package-dir', result.packageDir)
  core.setOutput('package-artifact-id', upload ? String(upload.id) : '')
  core.setOutput('package-artifact-url', upload?.url ?? '')
  core.setOutput(
    'issues',
    JSON.stringify({
      opened: result.issues?.opened ?? [],
      updated: result.issues?.updated ?? [],
      closed: result.issues?.closed ?? [],
      reopened: result.issues?.reopened ?? []
    })
  )
  if (result.config?.github['pr-comment'] ?? true) await github.commentOnPullRequest(renderPullRequestComment(result, links))
  return result
}
