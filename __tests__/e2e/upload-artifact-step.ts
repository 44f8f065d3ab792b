/**
 * An earlier step of the workflow run uploading an artifact, as actions/upload-artifact does: the
 * real @actions/artifact client in its own process, with the runner's environment of that job
 * (its runtime token, the results service), against the artifact stand-in. Its own process keeps
 * the client's environment and log lines out of the test process.
 */
import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RegisteredRun } from '../standins/artifact-service.js'
import { listFiles } from './runner.js'
import { ROOT, type E2eStack } from './stack.js'

const RESULT_PREFIX = 'uploaded-artifact='

// argv after `-e`: the artifact name, the root folder, then the files under it.
const UPLOAD_SCRIPT = `
import { DefaultArtifactClient } from '@actions/artifact'
const [name, rootDir, ...files] = process.argv.slice(1)
const res = await new DefaultArtifactClient().uploadArtifact(name, files, rootDir)
console.log('${RESULT_PREFIX}' + JSON.stringify({ id: res.id, size: res.size, digest: res.digest }))
`

export interface UploadedArtifact {
  id: number
  size: number
  digest: string
}

/** Upload every file under `dir` as artifact `name` of the job `job`. */
export async function uploadArtifactStep(stack: E2eStack, job: RegisteredRun, name: string, dir: string): Promise<UploadedArtifact> {
  const files = listFiles(dir).map((f) => join(dir, f))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: dir,
    GITHUB_RUN_ID: String(job.runId),
    GITHUB_SERVER_URL: 'https://github.com',
    ACTIONS_RUNTIME_TOKEN: job.token,
    ACTIONS_RESULTS_URL: `${stack.artifacts.url}/`
  }
  // Run from the repository root so the bare specifier resolves to its @actions/artifact.
  const child = spawn(process.execPath, ['--input-type=module', '-e', UPLOAD_SCRIPT, name, dir, ...files], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  const line = stdout.split(/\r?\n/).find((l) => l.startsWith(RESULT_PREFIX))
  if (code !== 0 || !line)
    throw new Error(`uploading artifact ${name} failed (exit ${code}):\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`)
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as UploadedArtifact
}
