/**
 * Artifacts through @actions/artifact 6. The library is about 5 MB: it is loaded with a dynamic
 * import inside these functions, only on the runs that need it.
 *
 * Same-run calls use the runner's ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL; another run's
 * artifacts are read over REST with a token that has `actions: read` (GITHUB_API_URL is the REST
 * root the library uses).
 *
 * Re-runs: artifacts are immutable and a name is unique within a run, so a re-run attempt that
 * uploads the package again would get 409. uploadPackage replaces the earlier attempt's artifact
 * (delete, then upload; what upload-artifact's `overwrite: true` does), so the package keeps one
 * stable name that later runs and Protocol 13 can find, and the result names the artifact that
 * holds THIS attempt's package.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { countNodeHttpRequests } from '../stats/node-http.js'
import type { Logger } from '../util/log.js'
import type { RepoRef } from './backlog-issues.js'
import { createOctokit, describeApiError, type GitHubBudget } from './octokit.js'
import { classifyFailure, requiredPermission } from './permissions.js'
import { extractZipSafely, isZip, UnsafeArchiveError } from './zip.js'

type ArtifactModule = typeof import('@actions/artifact')

async function loadArtifactClient(): Promise<{ mod: ArtifactModule; client: InstanceType<ArtifactModule['DefaultArtifactClient']> }> {
  // The library's own HTTP client is not util/http.ts: its requests are counted from Node's channels.
  countNodeHttpRequests()
  const mod = await import('@actions/artifact')
  return { mod, client: new mod.DefaultArtifactClient() }
}

interface FindBy {
  token: string
  workflowRunId: number
  repositoryOwner: string
  repositoryName: string
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

// ---------------------------------------------------------------------------------------------

export interface DownloadEvidenceArtifactArgs {
  name: string
  /** Folder to extract into (created if missing). */
  path: string
  /** Another run's id; needs `token`. Omitted: this run. */
  runId?: number
  /** A token with `actions: read`, for another run's artifacts. */
  token?: string
  repo: RepoRef
  /** This run's id, named in messages about this run's artifacts. */
  currentRunId?: number
  /** Refuse archives that expand beyond this many bytes. */
  maxBytes?: number
  log: Logger
}

export type DownloadArtifactResult =
  { path: string; artifactId: number; runId?: number; digest?: string; files: string[] } | { error: string; available?: string[] }

/**
 * Download an artifact by name from this run or another, check its SHA-256 against the digest
 * recorded at upload, check every entry name, then extract. Never throws for a missing,
 * tampered or unsafe artifact: the result says what went wrong.
 */
export async function downloadEvidenceArtifact(args: DownloadEvidenceArtifactArgs): Promise<DownloadArtifactResult> {
  const { name, repo, log } = args
  if (args.runId !== undefined && !args.token) {
    return { error: `Downloading artifact "${name}" from run ${args.runId} needs a token with \`actions: read\`; none was given.` }
  }
  if (args.token) log.setSecret(args.token)
  const findBy: FindBy | undefined =
    args.runId !== undefined && args.token
      ? { token: args.token, workflowRunId: args.runId, repositoryOwner: repo.owner, repositoryName: repo.repo }
      : undefined
  const runText = findBy
    ? `run ${findBy.workflowRunId} of ${repo.owner}/${repo.repo}`
    : `this run${args.currentRunId ? ` (${args.currentRunId})` : ''}`

  const { client } = await loadArtifactClient()
  // One listing serves both the lookup and, when the name is missing, the list of what exists
  // (getArtifact would also print a warning annotation for a miss).
  let listed: Array<{ id: number; name: string; digest?: string }>
  try {
    listed = (await client.listArtifacts(findBy ? { findBy, latest: true } : { latest: true })).artifacts
  } catch (err) {
    return { error: failureText(`list the artifacts of ${runText}`, err) }
  }
  const artifact = listed.find((a) => a.name === name)
  if (!artifact) {
    const available = listed.map((a) => a.name).sort()
    const has = available.length > 0 ? `That run has: ${available.map((a) => `"${a}"`).join(', ')}.` : 'That run has no artifacts.'
    return { error: `Artifact "${name}" not found in ${runText}. ${has}`, available }
  }
  return fetchAndExtract({ client, artifact, findBy, dest: args.path, runText, maxBytes: args.maxBytes, log })
}

function failureText(what: string, err: unknown): string {
  const text = message(err)
  if (/\b403\b|Resource not accessible/i.test(text) || classifyFailure(err) === 'permission') {
    return `Could not ${what}: the token may not read Actions artifacts; add \`permissions: ${requiredPermission(err, 'actions: read')}\` to the job. (${text})`
  }
  return `Could not ${what}: ${text}`
}

async function fetchAndExtract(a: {
  client: InstanceType<ArtifactModule['DefaultArtifactClient']>
  artifact: { id: number; name: string; digest?: string }
  findBy?: FindBy
  dest: string
  runText: string
  maxBytes?: number
  log: Logger
}): Promise<DownloadArtifactResult> {
  const { artifact, log } = a
  const label = `artifact "${artifact.name}" (id ${artifact.id}) from ${a.runText}`
  const staging = await mkdtemp(join(tmpdir(), 'sre-artifact-'))
  try {
    // Raw archive first: its entries are checked before anything lands in `dest`.
    let digestMismatch = false
    try {
      const res = await a.client.downloadArtifact(artifact.id, {
        path: staging,
        skipDecompress: true,
        expectedHash: artifact.digest,
        ...(a.findBy ? { findBy: a.findBy } : {})
      })
      digestMismatch = res.digestMismatch ?? false
    } catch (err) {
      return { error: failureText(`download ${label}`, err) }
    }
    if (!artifact.digest) {
      log.warning(`${label} has no digest recorded at upload; its content could not be verified.`)
    } else if (digestMismatch) {
      return {
        error: `Digest mismatch: ${label} does not match the SHA-256 recorded when it was uploaded (${artifact.digest}). It was not used.`
      }
    }
    const [file] = await readdir(staging)
    if (!file) return { error: `${label} downloaded as nothing.` }
    const buf = await readFile(join(staging, file))
    let files: string[]
    if (isZip(buf)) {
      try {
        files = await extractZipSafely(buf, a.dest, { maxBytes: a.maxBytes })
      } catch (err) {
        if (err instanceof UnsafeArchiveError) return { error: `Unsafe archive: ${label} was ${err.message}. Nothing was extracted.` }
        return { error: `Could not extract ${label}: ${message(err)}` }
      }
    } else {
      // An artifact uploaded without archiving (skipArchive) is one plain file.
      const { mkdir, writeFile } = await import('node:fs/promises')
      await mkdir(a.dest, { recursive: true })
      await writeFile(join(a.dest, file), buf)
      files = [file]
    }
    log.info(`Downloaded ${label}: ${files.length} file(s)${artifact.digest ? `, digest ${artifact.digest} verified` : ''}.`)
    return {
      path: a.dest,
      artifactId: artifact.id,
      runId: a.findBy?.workflowRunId,
      digest: artifact.digest,
      files
    }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------

export interface UploadPackageArgs {
  name: string
  rootDir: string
  /** Absolute paths under rootDir. */
  files: string[]
  retentionDays?: number
  /** For the artifact's page URL. */
  serverUrl: string
  repo: RepoRef
  runId: number
  log: Logger
}

export type UploadPackageResult = { id: number; url: string; size?: number; digest?: string; replaced: boolean } | { error: string }

/**
 * Upload the package as one artifact; replace an earlier attempt's artifact of the same name.
 * Never throws: on failure the result carries the cause (the package stays on disk).
 */
export async function uploadPackage(args: UploadPackageArgs): Promise<UploadPackageResult> {
  const { name, log } = args
  let mod: Awaited<ReturnType<typeof loadArtifactClient>>
  try {
    mod = await loadArtifactClient()
  } catch (err) {
    return { error: `Could not load the artifact client: ${message(err)}` }
  }
  const { client } = mod
  const options = args.retentionDays !== undefined ? { retentionDays: args.retentionDays } : {}
  const done = (res: { id?: number; size?: number; digest?: string }, replaced: boolean): UploadPackageResult => {
    if (!res.id) return { error: `Uploading artifact "${name}" returned no artifact id.` }
    const url = `${args.serverUrl.replace(/\/+$/, '')}/${args.repo.owner}/${args.repo.repo}/actions/runs/${args.runId}/artifacts/${res.id}`
    log.info(`Uploaded the package as artifact "${name}" (id ${res.id}${replaced ? ', replacing an earlier attempt\u2019s' : ''}): ${url}`)
    return { id: res.id, url, size: res.size, digest: res.digest, replaced }
  }

  let replaced = false
  try {
    // Listing first keeps a re-run from meeting the 409 (and the library's warning about it).
    const { artifacts } = await client.listArtifacts({ latest: true })
    if (artifacts.some((a) => a.name === name)) {
      log.info(`Artifact "${name}" already exists in this run (an earlier attempt); deleting it to upload this attempt's package.`)
      await client.deleteArtifact(name)
      replaced = true
    }
  } catch (err) {
    log.debug(`Listing this run's artifacts failed (${message(err)}); uploading anyway.`)
  }

  try {
    return done(await client.uploadArtifact(name, args.files, args.rootDir, options), replaced)
  } catch (err) {
    const text = message(err)
    if (!/\(409\)|already exists/i.test(text)) return { error: `Uploading artifact "${name}" failed: ${text}` }
    // Another attempt got there between our listing and the upload: replace it once.
    try {
      log.info(`Artifact "${name}" already exists in this run (409); replacing it.`)
      await client.deleteArtifact(name)
      return done(await client.uploadArtifact(name, args.files, args.rootDir, options), true)
    } catch (retryErr) {
      return { error: `Uploading artifact "${name}" failed: it already exists in this run and could not be replaced: ${message(retryErr)}` }
    }
  }
}

// ---------------------------------------------------------------------------------------------

export interface DownloadPreviousPackageArgs {
  /** Artifact name; default `monitoring-package`. */
  name?: string
  /** The workflow's file name (`monitoring.yml`) or numeric id. */
  workflowFileOrId: string | number
  token: string
  repo: RepoRef
  /** REST root; defaults to GITHUB_API_URL. */
  baseUrl?: string
  /** The run's GitHub time budget, shared with its other GitHub calls. */
  budget?: GitHubBudget
  /** This run: never its own previous package. */
  excludeRunId?: number
  /** How many recent successful runs to look through for one that still has the package. */
  maxRuns?: number
  /** Folder to extract into; default a new temporary folder. */
  path?: string
  log: Logger
}

export type DownloadPreviousPackageResult =
  { path: string; runId: number; artifactId: number; files: string[] } | { path: undefined; reason: string }

/**
 * The package of the most recent successful run of this workflow that still has one: list the
 * workflow's successful runs, then that run's artifacts by name, then download and check it.
 */
export async function downloadPreviousPackage(args: DownloadPreviousPackageArgs): Promise<DownloadPreviousPackageResult> {
  const { repo, log } = args
  const name = args.name ?? 'monitoring-package'
  const octokit = createOctokit(args.token, { baseUrl: args.baseUrl, log, budget: args.budget })
  let runs: Array<{ id: number }>
  try {
    const { data } = await octokit.rest.actions.listWorkflowRuns({
      owner: repo.owner,
      repo: repo.repo,
      workflow_id: args.workflowFileOrId,
      status: 'success',
      exclude_pull_requests: true,
      per_page: Math.min((args.maxRuns ?? 5) + 1, 100)
    })
    runs = data.workflow_runs.filter((r) => r.id !== args.excludeRunId).slice(0, args.maxRuns ?? 5)
  } catch (err) {
    const reason =
      classifyFailure(err) === 'permission'
        ? `could not list the runs of workflow ${args.workflowFileOrId}: add \`permissions: ${requiredPermission(err, 'actions: read')}\` to the job`
        : `could not list the runs of workflow ${args.workflowFileOrId}: ${describeApiError(err)}`
    log.warning(`No previous package: ${reason}.`)
    return { path: undefined, reason }
  }
  if (runs.length === 0) {
    const reason = `workflow ${args.workflowFileOrId} has no earlier successful run`
    log.info(`No previous package: ${reason}.`)
    return { path: undefined, reason }
  }
  const checked: string[] = []
  for (const run of runs) {
    let artifact: { id: number; name: string; digest?: string } | undefined
    try {
      const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({
        owner: repo.owner,
        repo: repo.repo,
        run_id: run.id,
        name,
        per_page: 10
      })
      const live = data.artifacts.filter((a) => !a.expired).sort((x, y) => y.id - x.id)[0]
      if (live) artifact = { id: live.id, name: live.name, digest: live.digest ?? undefined }
    } catch (err) {
      checked.push(`run ${run.id}: ${describeApiError(err)}`)
      continue
    }
    if (!artifact) {
      checked.push(`run ${run.id}: no unexpired "${name}" artifact`)
      continue
    }
    const dest = args.path ?? (await mkdtemp(join(tmpdir(), 'sre-previous-package-')))
    const { client } = await loadArtifactClient()
    const res = await fetchAndExtract({
      client,
      artifact,
      findBy: { token: args.token, workflowRunId: run.id, repositoryOwner: repo.owner, repositoryName: repo.repo },
      dest,
      runText: `run ${run.id} of ${repo.owner}/${repo.repo}`,
      log
    })
    if ('error' in res) {
      log.warning(`Previous package: ${res.error}`)
      return { path: undefined, reason: res.error }
    }
    return { path: res.path, runId: run.id, artifactId: res.artifactId, files: res.files }
  }
  const reason = `none of the last ${runs.length} successful run(s) of workflow ${args.workflowFileOrId} has the package (${checked.join('; ')})`
  log.info(`No previous package: ${reason}.`)
  return { path: undefined, reason }
}
