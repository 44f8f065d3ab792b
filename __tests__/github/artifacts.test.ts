/**
 * Real uploads and downloads through @actions/artifact 6 against the results-service stand-in,
 * the REST stand-in and a real azurite. @actions/github reads GITHUB_API_URL when it is first
 * imported, so the modules under test are imported after the environment points at the stand-ins.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { MemoryLogger } from '../harness/memory-logger.js'
import { crc32 } from '../../src/github/zip.js'
import { startAzurite, type Azurite } from '../standins/azurite.js'
import { ArtifactServiceStandIn, type RegisteredRun } from '../standins/artifact-service.js'
import { startGitHubApi, type GitHubApiStandIn } from '../standins/github-api.js'
import { freePort } from '../harness/backends.js'

type ArtifactsModule = typeof import('../../src/github/artifacts.js')

const REPO = { owner: 'acme', repo: 'shop' }
const FULL = 'acme/shop'
const READ_TOKEN = 'ghs_actionsReadToken00000000000000000000'
const SERVER = 'https://github.com'

let azurite: Azurite
let svc: ArtifactServiceStandIn
let api: GitHubApiStandIn
let artifacts: ArtifactsModule
let workspace: string
const savedEnv = { ...process.env }

function useRun(run: RegisteredRun): void {
  process.env.ACTIONS_RUNTIME_TOKEN = run.token
  process.env.GITHUB_RUN_ID = String(run.runId)
}

/** A package folder with a few files, including a nested one. */
function makePackage(marker: string): { rootDir: string; files: string[] } {
  const rootDir = mkdtempSync(join(workspace, 'pkg-'))
  mkdirSync(join(rootDir, 'evidence'))
  const files = [
    ['monitoring-package-manifest.json', JSON.stringify({ marker })],
    ['improvement-backlog.md', `# Backlog ${marker}\n`],
    ['evidence/alert-test-results.json', JSON.stringify({ tests: [], marker })]
  ].map(([rel, content]) => {
    writeFileSync(join(rootDir, rel), content)
    return join(rootDir, rel)
  })
  return { rootDir, files }
}

/** A ZIP with the given entry names (deflated), built by hand so names can be hostile. */
function zipOf(entries: Array<{ name: string; content: string }>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const data = Buffer.from(e.content)
    const packed = deflateRawSync(data)
    const name = Buffer.from(e.name)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    centrals.push(central, name)
    offset += 30 + name.length + packed.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

beforeAll(async () => {
  azurite = await startAzurite()
  svc = new ArtifactServiceStandIn(azurite.accountUrl)
  await svc.start()
  api = await startGitHubApi()
  api.artifacts = svc
  api.grant(READ_TOKEN, { actions: 'read', issues: 'read' })
  workspace = mkdtempSync(join(tmpdir(), 'artifacts-test-'))
  process.env.ACTIONS_RESULTS_URL = `${svc.url}/`
  process.env.GITHUB_API_URL = api.url
  process.env.GITHUB_WORKSPACE = workspace
  delete process.env.GITHUB_SERVER_URL
  artifacts = await import('../../src/github/artifacts.js')
}, 60_000)

afterAll(async () => {
  process.env = savedEnv
  await api?.stop()
  await svc?.stop()
  await azurite?.stop()
}, 30_000)

afterEach(() => {
  expect(svc.unexpectedRequests).toEqual([])
  expect(api.unexpectedRequests).toEqual([])
  expect(api.invalidResponses).toEqual([])
})

function upload(run: RegisteredRun, name: string, marker: string, log = new MemoryLogger()) {
  useRun(run)
  const pkg = makePackage(marker)
  return artifacts.uploadPackage({
    name,
    rootDir: pkg.rootDir,
    files: pkg.files,
    retentionDays: 7,
    serverUrl: SERVER,
    repo: REPO,
    runId: run.runId,
    log
  })
}

describe('uploadPackage and downloadEvidenceArtifact', () => {
  it('uploads a package and downloads it again in the same run, digest checked', async () => {
    const run = svc.registerRun(100)
    const up = await upload(run, 'monitoring-package', 'first')
    if ('error' in up) throw new Error(up.error)
    expect(up.url).toBe(`${SERVER}/${FULL}/actions/runs/100/artifacts/${up.id}`)
    expect(up.replaced).toBe(false)
    const stored = svc.artifacts.find((a) => a.id === up.id)!
    expect(stored.digest).toBe(`sha256:${up.digest}`)

    const log = new MemoryLogger()
    const dest = join(workspace, 'same-run')
    const down = await artifacts.downloadEvidenceArtifact({ name: 'monitoring-package', path: dest, repo: REPO, log })
    if ('error' in down) throw new Error(down.error)
    expect(down.digest).toBe(stored.digest)
    expect(down.files.sort()).toEqual(['evidence/alert-test-results.json', 'improvement-backlog.md', 'monitoring-package-manifest.json'])
    expect(JSON.parse(readFileSync(join(dest, 'monitoring-package-manifest.json'), 'utf8'))).toEqual({ marker: 'first' })
    expect(log.text()).toMatch(/digest sha256:[0-9a-f]{64} verified/)
  })

  it('replaces the artifact of an earlier attempt on a re-run and returns the new id', async () => {
    const attempt1 = svc.registerRun(200)
    const first = await upload(attempt1, 'monitoring-package', 'attempt-1')
    if ('error' in first) throw new Error(first.error)
    const attempt2 = svc.newJob(attempt1)
    const second = await upload(attempt2, 'monitoring-package', 'attempt-2')
    if ('error' in second) throw new Error(second.error)
    expect(second.id).not.toBe(first.id)
    expect(second.replaced).toBe(true)
    expect(second.url).toBe(`${SERVER}/${FULL}/actions/runs/200/artifacts/${second.id}`)
    expect(svc.artifacts.filter((a) => a.runId === 200 && a.name === 'monitoring-package').map((a) => a.id)).toEqual([second.id])
    const dest = join(workspace, 'rerun')
    const down = await artifacts.downloadEvidenceArtifact({ name: 'monitoring-package', path: dest, repo: REPO, log: new MemoryLogger() })
    if ('error' in down) throw new Error(down.error)
    expect(JSON.parse(readFileSync(join(dest, 'monitoring-package-manifest.json'), 'utf8'))).toEqual({ marker: 'attempt-2' })
  })

  it('still replaces the old artifact when the service answers 409 (listing unavailable)', async () => {
    const attempt1 = svc.registerRun(210)
    const first = await upload(attempt1, 'monitoring-package', 'a1')
    if ('error' in first) throw new Error(first.error)
    svc.failNext('ListArtifacts', 'permission_denied', 'listing disabled for this test')
    const before = svc.requests.length
    const second = await upload(svc.newJob(attempt1), 'monitoring-package', 'a2')
    if ('error' in second) throw new Error(second.error)
    expect(second.replaced).toBe(true)
    const calls = svc.requests.slice(before).map((r) => `${r.method}:${r.status}`)
    expect(calls).toContain('CreateArtifact:409')
    expect(calls).toContain('DeleteArtifact:200')
    expect(calls.at(-1)).toBe('FinalizeArtifact:200')
  })

  it('returns { error } with the cause when the results service refuses, without throwing', async () => {
    const run = svc.registerRun(300)
    svc.failNext('CreateArtifact', 'permission_denied', 'artifact uploads are disabled for this repository')
    const r = await upload(run, 'monitoring-package', 'x')
    expect(r).toEqual({ error: expect.stringContaining('artifact uploads are disabled for this repository') })
  })

  it('returns { error } when the results service cannot be reached', async () => {
    const run = svc.registerRun(301)
    const saved = process.env.ACTIONS_RESULTS_URL
    process.env.ACTIONS_RESULTS_URL = `http://127.0.0.1:${await freePort()}/`
    try {
      const started = Date.now()
      const r = await upload(run, 'monitoring-package', 'x')
      expect(r).toEqual({ error: expect.stringContaining('ECONNREFUSED') })
      expect(Date.now() - started).toBeLessThan(10_000)
    } finally {
      process.env.ACTIONS_RESULTS_URL = saved
    }
  })

  it('downloads another run\u2019s artifact over REST with a token (findBy), digest checked', async () => {
    const producer = svc.registerRun(400)
    const up = await upload(producer, 'deployment-evidence', 'from-run-400')
    if ('error' in up) throw new Error(up.error)
    useRun(svc.registerRun(401))
    api.resetCounts()
    const dest = join(workspace, 'other-run')
    const log = new MemoryLogger()
    const down = await artifacts.downloadEvidenceArtifact({
      name: 'deployment-evidence',
      path: dest,
      runId: 400,
      token: READ_TOKEN,
      repo: REPO,
      log
    })
    if ('error' in down) throw new Error(down.error)
    expect(log.text()).not.toContain(READ_TOKEN)
    expect(down).toMatchObject({ artifactId: up.id, runId: 400 })
    expect(JSON.parse(readFileSync(join(dest, 'monitoring-package-manifest.json'), 'utf8'))).toEqual({ marker: 'from-run-400' })
    expect(api.requests.map((r) => [r.operationId, r.status])).toEqual([
      ['actions/list-workflow-run-artifacts', 200],
      ['actions/download-artifact', 302]
    ])
  })

  it('names the run, the artifact and what the run does have when the artifact is missing', async () => {
    const producer = svc.registerRun(500)
    await upload(producer, 'deployment-evidence', 'x')
    await upload(svc.newJob(producer), 'smoke-results', 'y')
    useRun(svc.registerRun(501))
    const other = await artifacts.downloadEvidenceArtifact({
      name: 'post-deployment-validation',
      path: join(workspace, 'missing'),
      runId: 500,
      token: READ_TOKEN,
      repo: REPO,
      log: new MemoryLogger()
    })
    expect(other).toEqual({
      error:
        'Artifact "post-deployment-validation" not found in run 500 of acme/shop. That run has: "deployment-evidence", "smoke-results".',
      available: ['deployment-evidence', 'smoke-results']
    })
    useRun(producer)
    const same = await artifacts.downloadEvidenceArtifact({
      name: 'nope',
      path: join(workspace, 'missing2'),
      repo: REPO,
      currentRunId: 500,
      log: new MemoryLogger()
    })
    expect('error' in same && same.error).toBe(
      'Artifact "nope" not found in this run (500). That run has: "deployment-evidence", "smoke-results".'
    )
    expect(existsSync(join(workspace, 'missing'))).toBe(false)
  })

  it('refuses an archive whose entries leave the folder, extracting nothing', async () => {
    const run = svc.registerRun(600)
    await svc.putArchive(
      run,
      'evidence',
      zipOf([
        { name: 'post-deployment-validation.json', content: '{}' },
        { name: '../../escaped.txt', content: 'owned' },
        { name: '/tmp/absolute.txt', content: 'owned' }
      ])
    )
    useRun(run)
    const parent = mkdtempSync(join(workspace, 'escape-'))
    const dest = join(parent, 'inner', 'dest')
    const r = await artifacts.downloadEvidenceArtifact({ name: 'evidence', path: dest, repo: REPO, log: new MemoryLogger() })
    expect('error' in r && r.error).toMatch(
      /^Unsafe archive: artifact "evidence" \(id \d+\) from this run was refused: 2 entries unsafe to extract: "\.\.\/\.\.\/escaped\.txt" leaves the folder \(\.\.\); "\/tmp\/absolute\.txt" is an absolute path/
    )
    expect(existsSync(join(parent, 'escaped.txt'))).toBe(false)
    expect(existsSync(join(parent, 'inner', 'escaped.txt'))).toBe(false)
    expect(existsSync(dest) ? readdirSync(dest) : []).toEqual([])
  })

  it('surfaces a digest mismatch clearly and does not use the artifact', async () => {
    const run = svc.registerRun(700)
    const up = await upload(run, 'monitoring-package', 'genuine')
    if ('error' in up) throw new Error(up.error)
    await svc.tamper(up.id, zipOf([{ name: 'monitoring-package-manifest.json', content: '{"marker":"forged"}' }]))
    const dest = join(workspace, 'tampered')
    const r = await artifacts.downloadEvidenceArtifact({ name: 'monitoring-package', path: dest, repo: REPO, log: new MemoryLogger() })
    expect('error' in r && r.error).toMatch(
      /^Digest mismatch: artifact "monitoring-package" \(id \d+\) from this run does not match the SHA-256 recorded when it was uploaded \(sha256:[0-9a-f]{64}\)/
    )
    expect(existsSync(join(dest, 'monitoring-package-manifest.json'))).toBe(false)
  })
})

describe('downloadPreviousPackage', () => {
  it('downloads the package of the latest successful run that has one', async () => {
    const older = svc.registerRun(800)
    await upload(older, 'monitoring-package', 'run-800')
    api.addRun(FULL, { id: 800 })
    api.addRun(FULL, { id: 801, conclusion: 'failure' })
    api.addRun(FULL, { id: 802 }) // succeeded, but its package upload failed
    api.addRun(FULL, { id: 803, status: 'in_progress', conclusion: null }) // this run
    useRun(svc.registerRun(803))
    api.resetCounts()
    const r = await artifacts.downloadPreviousPackage({
      workflowFileOrId: 'monitoring.yml',
      token: READ_TOKEN,
      repo: REPO,
      baseUrl: api.url,
      excludeRunId: 803,
      log: new MemoryLogger()
    })
    if (r.path === undefined) throw new Error(r.reason)
    expect(r).toMatchObject({ runId: 800 })
    expect(JSON.parse(readFileSync(join(r.path, 'monitoring-package-manifest.json'), 'utf8'))).toEqual({ marker: 'run-800' })
    expect(api.requests.map((x) => x.operationId)).toEqual([
      'actions/list-workflow-runs',
      'actions/list-workflow-run-artifacts',
      'actions/list-workflow-run-artifacts',
      'actions/download-artifact'
    ])
  })

  it('returns undefined with a reason when there is no earlier successful run', async () => {
    const r = await artifacts.downloadPreviousPackage({
      workflowFileOrId: 'other.yml',
      token: READ_TOKEN,
      repo: REPO,
      baseUrl: api.url,
      log: new MemoryLogger()
    })
    expect(r).toEqual({ path: undefined, reason: 'workflow other.yml has no earlier successful run' })
  })

  it('says which permission to add when the token may not read Actions', async () => {
    const token = 'ghs_noActionsRead00000000000000000000000'
    api.grant(token, { issues: 'read' })
    const r = await artifacts.downloadPreviousPackage({
      workflowFileOrId: 'monitoring.yml',
      token,
      repo: REPO,
      baseUrl: api.url,
      log: new MemoryLogger()
    })
    expect(r.path).toBeUndefined()
    expect('reason' in r ? r.reason : '').toContain('permissions: actions: read')
  })
})
