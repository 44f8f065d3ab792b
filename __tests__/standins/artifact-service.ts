/**
 * A local stand-in for the Actions artifact results service: the Twirp JSON methods
 * @actions/artifact 6 calls, with the blobs in a real azurite. Like the real service it reads the
 * run and job from the runtime token's `scp` claim (`Actions.Results:<run>:<job>`), refuses a
 * request for another run, answers 409 for a second artifact of the same name in a run, records
 * the SHA-256 sent at finalisation as the artifact's digest, and hands out SAS URLs.
 * It is also the artifact catalogue of the REST stand-in (other-run listing and downloads).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createHash, randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
  type ContainerClient
} from '@azure/storage-blob'
import { AZURITE_ACCOUNT, AZURITE_KEY } from './azurite.js'
import type { ArtifactCatalog, RestArtifact } from './github-api.js'

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/'
const CONTAINER = 'actions-results'

/** The request fields of each method, as the generated client writes them (proto field names). */
const FIELDS: Record<string, { required: string[]; optional: string[] }> = {
  CreateArtifact: {
    required: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name', 'version'],
    optional: ['expires_at', 'mime_type']
  },
  FinalizeArtifact: { required: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name', 'size'], optional: ['hash'] },
  ListArtifacts: { required: ['workflow_run_backend_id', 'workflow_job_run_backend_id'], optional: ['name_filter', 'id_filter'] },
  GetSignedArtifactURL: { required: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name'], optional: [] },
  DeleteArtifact: { required: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name'], optional: [] }
}

const TWIRP_STATUS: Record<string, number> = {
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
  failed_precondition: 412,
  internal: 500,
  unavailable: 503
}

export interface StoredArtifact {
  id: number
  name: string
  runBackendId: string
  jobBackendId: string
  runId: number
  blobName: string
  size: number
  digest?: string
  finalized: boolean
  createdAt: string
  expiresAt: string
}

export interface RegisteredRun {
  runId: number
  runBackendId: string
  jobBackendId: string
  /** A runtime token for a job of this run. */
  token: string
}

function b64url(obj: unknown): string {
  return Buffer.from(JSON.stringify(obj)).toString('base64url')
}

export class ArtifactServiceStandIn implements ArtifactCatalog {
  readonly artifacts: StoredArtifact[] = []
  readonly requests: Array<{ method: string; status: number }> = []
  readonly unexpectedRequests: Array<{ method: string; reason: string }> = []
  private readonly runs = new Map<string, number>()
  private readonly faults: Array<{ method?: string; code: string; msg: string; times: number }> = []
  private server?: Server
  private nextId = 5000
  private container!: ContainerClient
  private readonly credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY)
  url = ''

  constructor(private readonly accountUrl: string) {}

  async start(): Promise<string> {
    const service = new BlobServiceClient(this.accountUrl, this.credential)
    this.container = service.getContainerClient(CONTAINER)
    await this.container.createIfNotExists()
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        this.unexpectedRequests.push({ method: req.url ?? '', reason: `stand-in crashed: ${String(err)}` })
        this.twirpError(res, 'internal', String(err))
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.url
  }

  async stop(): Promise<void> {
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
  }

  /** A run (and one job of it) with a runtime token whose scp claim names them. */
  registerRun(runId: number): RegisteredRun {
    const runBackendId = randomUUID()
    const jobBackendId = randomUUID()
    this.runs.set(runBackendId, runId)
    const token = [
      b64url({ typ: 'JWT', alg: 'RS256' }),
      b64url({
        scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`,
        iss: 'https://token.actions.githubusercontent.com',
        exp: Math.floor(Date.now() / 1000) + 3600
      }),
      Buffer.from('stand-in-signature').toString('base64url')
    ].join('.')
    return { runId, runBackendId, jobBackendId, token }
  }

  /** Another job of the same run, e.g. a re-run attempt: same run backend id, new job. */
  newJob(run: RegisteredRun): RegisteredRun {
    const jobBackendId = randomUUID()
    const token = [
      b64url({ typ: 'JWT', alg: 'RS256' }),
      b64url({ scp: `Actions.Results:${run.runBackendId}:${jobBackendId}`, exp: Math.floor(Date.now() / 1000) + 3600 }),
      Buffer.from('stand-in-signature').toString('base64url')
    ].join('.')
    return { ...run, jobBackendId, token }
  }

  /** Make the next matching call fail with a Twirp error. */
  failNext(method: string | undefined, code: string, msg: string, times = 1): void {
    this.faults.push({ method, code, msg, times })
  }

  /** Store a ready-made archive as a finalised artifact of a run (e.g. a tampered one). */
  async putArchive(run: RegisteredRun, name: string, archive: Buffer, digest?: string): Promise<StoredArtifact> {
    const blobName = `${run.runBackendId}/${run.jobBackendId}/${name}.zip`
    await this.container.getBlockBlobClient(blobName).uploadData(archive, { blobHTTPHeaders: { blobContentType: 'application/zip' } })
    const a = this.newArtifact(run.runBackendId, run.jobBackendId, name, blobName)
    a.size = archive.length
    a.digest = digest ?? `sha256:${createHash('sha256').update(archive).digest('hex')}`
    a.finalized = true
    return a
  }

  /** Change the stored bytes of an artifact without changing its recorded digest. */
  async tamper(id: number, bytes: Buffer): Promise<void> {
    const a = this.artifacts.find((x) => x.id === id)!
    await this.container.getBlockBlobClient(a.blobName).uploadData(bytes, { blobHTTPHeaders: { blobContentType: 'application/zip' } })
  }

  // ArtifactCatalog (for the REST stand-in) --------------------------------------------------

  listForRun(runId: number): RestArtifact[] {
    return this.artifacts.filter((a) => a.finalized && a.runId === runId).map((a) => this.rest(a))
  }

  find(artifactId: number): RestArtifact | undefined {
    const a = this.artifacts.find((x) => x.finalized && x.id === artifactId)
    return a ? this.rest(a) : undefined
  }

  async signedDownloadUrl(artifactId: number): Promise<string> {
    const a = this.artifacts.find((x) => x.id === artifactId)!
    return this.sas(a.blobName, 'r')
  }

  async remove(artifactId: number): Promise<void> {
    const i = this.artifacts.findIndex((x) => x.id === artifactId)
    if (i < 0) return
    await this.container.getBlockBlobClient(this.artifacts[i].blobName).deleteIfExists()
    this.artifacts.splice(i, 1)
  }

  private rest(a: StoredArtifact): RestArtifact {
    return {
      id: a.id,
      name: a.name,
      size_in_bytes: a.size,
      digest: a.digest ?? null,
      created_at: a.createdAt,
      expires_at: a.expiresAt,
      expired: Date.parse(a.expiresAt) < Date.now(),
      workflow_run_id: a.runId
    }
  }

  // Twirp ------------------------------------------------------------------------------------

  private sas(blobName: string, permissions: string): string {
    const query = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + 3600_000)
      },
      this.credential
    ).toString()
    return `${this.accountUrl}/${CONTAINER}/${blobName.split('/').map(encodeURIComponent).join('/')}?${query}`
  }

  private newArtifact(runBackendId: string, jobBackendId: string, name: string, blobName: string, expiresAt?: string): StoredArtifact {
    const a: StoredArtifact = {
      id: this.nextId++,
      name,
      runBackendId,
      jobBackendId,
      runId: this.runs.get(runBackendId) ?? 0,
      blobName,
      size: 0,
      finalized: false,
      createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      expiresAt: expiresAt ?? new Date(Date.now() + 90 * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    }
    this.artifacts.push(a)
    return a
  }

  private twirpError(res: ServerResponse, code: string, msg: string): void {
    if (res.headersSent) {
      res.end()
      return
    }
    res.writeHead(TWIRP_STATUS[code] ?? 500, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ code, msg }))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const path = new URL(req.url ?? '/', this.url).pathname
    const method = path.startsWith(SERVICE) ? path.slice(SERVICE.length) : ''
    const record = { method: method || path, status: 0 }
    this.requests.push(record)
    const fail = (code: string, msg: string, unexpected = false): void => {
      record.status = TWIRP_STATUS[code] ?? 500
      if (unexpected) this.unexpectedRequests.push({ method: record.method, reason: msg })
      this.twirpError(res, code, msg)
    }
    const ok = (body: unknown): void => {
      record.status = 200
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }

    if (req.method !== 'POST' || !FIELDS[method]) return fail('not_found', `no such method ${req.method} ${path}`, true)
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
      return fail('invalid_argument', 'content-type must be application/json', true)

    // The runtime token: a JWT whose scp claim carries Actions.Results:<run>:<job>.
    const auth = String(req.headers.authorization ?? '')
    const jwt = /^Bearer (.+)$/.exec(auth)?.[1]
    let scope: { run: string; job: string } | undefined
    try {
      const claims = JSON.parse(Buffer.from(jwt!.split('.')[1], 'base64url').toString('utf8'))
      for (const s of String(claims.scp ?? '').split(' ')) {
        const parts = s.split(':')
        if (parts[0] === 'Actions.Results' && parts.length === 3) scope = { run: parts[1], job: parts[2] }
      }
    } catch {
      scope = undefined
    }
    if (!scope || !this.runs.has(scope.run))
      return fail('unauthenticated', 'runtime token missing, malformed, or without an Actions.Results scope', true)

    let body: Record<string, unknown>
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      return fail('invalid_argument', 'body is not JSON', true)
    }
    const spec = FIELDS[method]
    const unknown = Object.keys(body).filter((k) => !spec.required.includes(k) && !spec.optional.includes(k))
    const missing = spec.required.filter((k) => body[k] === undefined || body[k] === '')
    if (unknown.length || missing.length) {
      return fail('invalid_argument', `${method}: unknown fields [${unknown.join(', ')}], missing fields [${missing.join(', ')}]`, true)
    }
    if (body.workflow_run_backend_id !== scope.run)
      return fail('permission_denied', `${method}: the token is for another workflow run`, true)

    const fault = this.faults.find((f) => f.times > 0 && (!f.method || f.method === method))
    if (fault) {
      fault.times--
      return fail(fault.code, fault.msg)
    }

    const inRun = this.artifacts.filter((a) => a.runBackendId === scope!.run)
    const name = typeof body.name === 'string' ? body.name : undefined
    switch (method) {
      case 'CreateArtifact': {
        if (body.workflow_job_run_backend_id !== scope.job)
          return fail('permission_denied', 'CreateArtifact: the token is for another job', true)
        if (body.version !== 7) return fail('invalid_argument', `CreateArtifact: unsupported version ${String(body.version)}`, true)
        if (inRun.some((a) => a.name === name && a.finalized)) {
          return fail('already_exists', 'an artifact with this name already exists on the workflow run')
        }
        // A create that never finalised (a failed attempt) is replaced.
        for (const stale of inRun.filter((a) => a.name === name && !a.finalized)) this.artifacts.splice(this.artifacts.indexOf(stale), 1)
        const blobName = `${scope.run}/${scope.job}/${name}.zip`
        const a = this.newArtifact(
          scope.run,
          scope.job,
          name!,
          blobName,
          typeof body.expires_at === 'string' ? body.expires_at.replace(/\.\d+Z$/, 'Z') : undefined
        )
        return ok({ ok: true, signed_upload_url: this.sas(a.blobName, 'cw') })
      }
      case 'FinalizeArtifact': {
        const a = inRun.find((x) => x.name === name && !x.finalized && x.jobBackendId === body.workflow_job_run_backend_id)
        if (!a) return fail('not_found', `FinalizeArtifact: no artifact "${name}" being uploaded`, true)
        const blob = await this.container.getBlockBlobClient(a.blobName).downloadToBuffer()
        if (String(blob.length) !== String(body.size))
          return fail('invalid_argument', `FinalizeArtifact: size ${String(body.size)} but the blob has ${blob.length} bytes`, true)
        const actual = `sha256:${createHash('sha256').update(blob).digest('hex')}`
        if (body.hash !== undefined && body.hash !== actual)
          return fail('invalid_argument', `FinalizeArtifact: hash ${String(body.hash)} does not match the blob (${actual})`, true)
        a.size = blob.length
        a.digest = typeof body.hash === 'string' ? body.hash : undefined
        a.finalized = true
        return ok({ ok: true, artifact_id: String(a.id) })
      }
      case 'ListArtifacts': {
        const list = inRun
          .filter((a) => a.finalized)
          .filter((a) => body.name_filter === undefined || a.name === body.name_filter)
          .filter((a) => body.id_filter === undefined || String(a.id) === String(body.id_filter))
        return ok({
          artifacts: list.map((a) => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt,
            ...(a.digest ? { digest: a.digest } : {})
          }))
        })
      }
      case 'GetSignedArtifactURL': {
        const a = inRun.find((x) => x.name === name && x.finalized && x.jobBackendId === body.workflow_job_run_backend_id)
        if (!a) return fail('not_found', `GetSignedArtifactURL: no artifact "${name}"`)
        return ok({ signed_url: this.sas(a.blobName, 'r') })
      }
      case 'DeleteArtifact': {
        const a = inRun.find((x) => x.name === name && x.finalized && x.jobBackendId === body.workflow_job_run_backend_id)
        if (!a) return fail('not_found', `DeleteArtifact: no artifact "${name}"`)
        await this.remove(a.id)
        return ok({ ok: true, artifact_id: String(a.id) })
      }
    }
  }
}
