import { existsSync, readFileSync } from 'node:fs'

/**
 * The workflow run as the runner describes it (repository, run id, URLs, event). Not the phases'
 * RunContext (model/monitoring-model.ts), which carries config, evidence and the model.
 */
export interface WorkflowRun {
  owner: string
  repo: string
  runId: number
  runAttempt: number
  /** e.g. https://github.com */
  serverUrl: string
  /** e.g. https://api.github.com */
  apiUrl: string
  runUrl: string
  eventName: string
  sha?: string
  /** `owner/repo/.github/workflows/file.yml@refs/heads/main` */
  workflowRef?: string
  /** The workflow file name (`monitoring.yml`) from the workflow ref, for listing its runs. */
  workflowFile?: string
  prNumber?: number
  /** A pull request from a fork: GitHub gives the run a read-only token. */
  forkPullRequest: boolean
}

interface EventPayload {
  number?: number
  pull_request?: {
    number?: number
    head?: { repo?: { full_name?: string; fork?: boolean } | null }
    base?: { repo?: { full_name?: string } }
  }
  issue?: { number?: number; pull_request?: unknown }
}

function readPayload(path: string | undefined): EventPayload {
  if (!path || !existsSync(path)) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload
  } catch {
    return {}
  }
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? '', 10)
  return Number.isFinite(n) && n > 0 ? n : fallback
}

/**
 * Read the workflow run. Fields the environment lacks get neutral values (run id 0) so the CLI can
 * run outside Actions; `isActionsRun` tells the two apart.
 */
export function readWorkflowRun(env: NodeJS.ProcessEnv = process.env, payload?: EventPayload): WorkflowRun {
  const event = payload ?? readPayload(env.GITHUB_EVENT_PATH)
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
  const apiUrl = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '')
  const runId = positiveInt(env.GITHUB_RUN_ID, 0)
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const pr = event.pull_request
  const prNumber = pr?.number ?? (event.issue?.pull_request ? event.issue.number : undefined)
  const headRepo = pr?.head?.repo
  const baseRepo = pr?.base?.repo?.full_name ?? (owner && repo ? `${owner}/${repo}` : undefined)
  const forkPullRequest =
    Boolean(pr) && (headRepo === null || headRepo?.fork === true || (headRepo?.full_name !== undefined && headRepo.full_name !== baseRepo))
  const workflowRef = env.GITHUB_WORKFLOW_REF || undefined
  const workflowFile = workflowRef ? /\/([^/@]+\.ya?ml)@/.exec(workflowRef)?.[1] : undefined
  return {
    owner,
    repo,
    runId,
    runAttempt: positiveInt(env.GITHUB_RUN_ATTEMPT, 1),
    serverUrl,
    apiUrl,
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`,
    eventName,
    sha: env.GITHUB_SHA || undefined,
    workflowRef,
    workflowFile,
    prNumber: typeof prNumber === 'number' ? prNumber : undefined,
    forkPullRequest
  }
}

/**
 * This run's id in the package, synthetic alerts and issue bodies: `<run id>-<attempt>` in Actions
 * (a re-run is told apart), `local-<ms>` elsewhere.
 */
export function runLabel(env: NodeJS.ProcessEnv = process.env, now = Date.now()): string {
  const runId = positiveInt(env.GITHUB_RUN_ID, 0)
  return runId ? `${runId}-${positiveInt(env.GITHUB_RUN_ATTEMPT, 1)}` : `local-${now}`
}

/** The repository's page, when the runner names the repository. */
export function repositoryUrl(run: Pick<WorkflowRun, 'serverUrl' | 'owner' | 'repo'>): string | undefined {
  return run.owner && run.repo ? `${run.serverUrl}/${run.owner}/${run.repo}` : undefined
}

export function isActionsRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true' && Boolean(env.GITHUB_RUN_ID) && Boolean(env.GITHUB_REPOSITORY)
}

/** The page of an artifact, as the run's page links it. */
export function artifactUrl(ctx: Pick<WorkflowRun, 'serverUrl' | 'owner' | 'repo' | 'runId'>, artifactId: number): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}/artifacts/${artifactId}`
}
