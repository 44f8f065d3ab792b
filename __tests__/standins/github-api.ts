/**
 * A local stand-in for the GitHub REST API. Every request is checked against GitHub's official
 * OpenAPI description (@octokit/openapi, api.github.com): method + path template, path and query
 * parameters, JSON body. Every answer is checked against the operation's response schema. A
 * request the description does not allow is answered 400/404 and recorded in
 * `unexpectedRequests`; an answer that does not match is recorded in `invalidResponses`. Tests
 * assert both stay empty.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv'
import addFormatsModule from 'ajv-formats'

type Json = any
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv

const ROOT_ID = 'https://api.github.com/openapi.json'

// ---------------------------------------------------------------------------------------------
// The OpenAPI description: loaded once per module registry (once per test file), validators cached.

interface Operation {
  method: string
  template: string
  operationId: string
  docsUrl: string
  op: Json
  regex: RegExp
  paramNames: string[]
  literalSegments: number
}

interface Spec {
  doc: Json
  operations: Map<string, Operation[]>
  byId: Map<string, Operation>
  ajv: Ajv
  paramAjv: Ajv
  validators: Map<string, ValidateFunction>
}

let spec: Spec | undefined

/** OpenAPI 3.0 `nullable` into JSON Schema that ajv checks the same way GitHub means it. */
function normaliseNullable(node: Json): Json {
  if (Array.isArray(node)) return node.map(normaliseNullable)
  if (!node || typeof node !== 'object') return node
  const out: Json = {}
  for (const [k, v] of Object.entries(node)) out[k] = k === 'example' || k === 'examples' ? undefined : normaliseNullable(v)
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k]
  if (out.nullable === true) {
    delete out.nullable
    return { anyOf: [out, { type: 'null' }] }
  }
  return out
}

function rewriteRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewriteRefs)
  if (!node || typeof node !== 'object') return node
  const out: Json = {}
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${ROOT_ID}${v}` : rewriteRefs(v)
  }
  return out
}

export function loadSpec(): Spec {
  if (spec) return spec
  const require = createRequire(import.meta.url)
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
  const doc = JSON.parse(readFileSync(file, 'utf8'))
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false })
  addFormats(ajv)
  const paramAjv = new Ajv({ strict: false, allErrors: true, coerceTypes: 'array', validateSchema: false, logger: false })
  addFormats(paramAjv)
  const schemas = normaliseNullable({ components: { schemas: doc.components.schemas } })
  ajv.addSchema({ $id: ROOT_ID, ...schemas })
  paramAjv.addSchema({ $id: ROOT_ID, ...schemas })

  const operations = new Map<string, Operation[]>()
  const byId = new Map<string, Operation>()
  for (const [template, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      if (!op || typeof op !== 'object' || !op.operationId) continue
      const paramNames: string[] = []
      const segments = template.split('/')
      const pattern = segments
        .map((seg) =>
          seg.replace(/\{([^}]+)\}|[^{}]+/g, (m, name) => {
            if (name) {
              paramNames.push(name)
              return '([^/]+)'
            }
            return m.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          })
        )
        .join('/')
      const entry: Operation = {
        method: method.toUpperCase(),
        template,
        operationId: op.operationId,
        docsUrl: op.externalDocs?.url ?? 'https://docs.github.com/rest',
        op,
        regex: new RegExp(`^${pattern}$`),
        paramNames,
        literalSegments: segments.filter((s) => !s.includes('{')).length
      }
      const list = operations.get(entry.method) ?? []
      list.push(entry)
      operations.set(entry.method, list)
      byId.set(entry.operationId, entry)
    }
  }
  for (const list of operations.values()) list.sort((a, b) => b.literalSegments - a.literalSegments)
  spec = { doc, operations, byId, ajv, paramAjv, validators: new Map() }
  return spec
}

function resolveParam(doc: Json, p: Json): Json {
  if (p.$ref) {
    const name = String(p.$ref).split('/').pop()!
    return doc.components.parameters[name]
  }
  return p
}

function resolveResponse(doc: Json, r: Json): Json {
  if (r?.$ref) return doc.components.responses[String(r.$ref).split('/').pop()!]
  return r
}

function validator(key: string, make: () => Json, which: 'body' | 'param'): ValidateFunction {
  const s = loadSpec()
  const cacheKey = `${which}:${key}`
  let v = s.validators.get(cacheKey)
  if (!v) {
    v = (which === 'param' ? s.paramAjv : s.ajv).compile(rewriteRefs(normaliseNullable(make())))
    s.validators.set(cacheKey, v)
  }
  return v
}

function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
    .join('; ')
}

// ---------------------------------------------------------------------------------------------
// Sample values for required fields, so answers carry every field the description requires.

function deref(doc: Json, schema: Json): Json {
  let s = schema
  while (s?.$ref) s = doc.components.schemas[String(s.$ref).split('/').pop()!]
  return s
}

function sample(doc: Json, schema: Json, depth = 0): Json {
  const s = deref(doc, schema)
  if (!s || depth > 12) return null
  if (s.nullable) return null
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x: Json) => sample(doc, x, depth + 1)))
  if (s.oneOf) return sample(doc, s.oneOf[0], depth + 1)
  if (s.anyOf) return sample(doc, s.anyOf[0], depth + 1)
  if (s.enum) return s.enum[0]
  switch (s.type) {
    case 'object': {
      const out: Json = {}
      for (const k of s.required ?? []) out[k] = sample(doc, s.properties?.[k] ?? {}, depth + 1)
      return out
    }
    case 'array':
      return s.minItems ? [sample(doc, s.items, depth + 1)] : []
    case 'string':
      if (s.format === 'date-time') return '2026-11-27T00:00:00Z'
      if (s.format === 'uri') return 'https://api.github.com/stand-in'
      if (s.format === 'email') return 'someone@example.com'
      return 'stand-in'
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 1
    case 'boolean':
      return false
    default:
      return null
  }
}

const sampleCache = new Map<string, Json>()
export function sampleOf(schemaName: string): Json {
  const s = loadSpec()
  if (!sampleCache.has(schemaName)) {
    sampleCache.set(schemaName, sample(s.doc, { $ref: `#/components/schemas/${schemaName}` }))
  }
  return structuredClone(sampleCache.get(schemaName))
}

// ---------------------------------------------------------------------------------------------
// The in-memory store.

export interface StoredIssue {
  id: number
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  state_reason: string | null
  labels: string[]
  /** Logins; GitHub answers 422 for one that cannot be assigned in the repository. */
  assignees?: string[]
  created_at: string
  updated_at: string
  closed_at: string | null
  is_pull_request: boolean
}

export interface StoredComment {
  id: number
  issue_number: number
  body: string
  user: string
  created_at: string
  updated_at: string
}

export interface StoredRun {
  id: number
  workflow_id: number
  path: string
  status: string
  conclusion: string | null
  run_attempt: number
  created_at: string
  head_branch: string
}

export interface StoredApproval {
  state: 'approved' | 'rejected' | 'pending'
  login: string
  comment: string
  environments: string[]
}

export interface RestArtifact {
  id: number
  name: string
  size_in_bytes: number
  digest: string | null
  created_at: string
  expires_at: string
  expired: boolean
  workflow_run_id: number
}

/** Where the REST stand-in finds artifacts: the results-service stand-in's catalogue. */
export interface ArtifactCatalog {
  listForRun(runId: number): RestArtifact[]
  find(artifactId: number): RestArtifact | undefined
  signedDownloadUrl(artifactId: number): Promise<string>
  remove(artifactId: number): Promise<void>
}

interface RepoState {
  issues: StoredIssue[]
  comments: StoredComment[]
  labels: Set<string>
  /** Users who can be assigned (collaborators with access). */
  assignable: Set<string>
  runs: StoredRun[]
  approvals: Map<number, StoredApproval[]>
  dispatches: Array<{ event_type: string; client_payload?: Json }>
}

export type Permission = 'none' | 'read' | 'write'
export type PermissionName = 'issues' | 'pull_requests' | 'actions' | 'contents' | 'metadata'
export type TokenGrant = Partial<Record<PermissionName, Permission>>

export interface RecordedRequest {
  method: string
  path: string
  operationId?: string
  status: number
  /** The request body as received, for scans of what left the action. */
  body?: string
}

export type Fault =
  | { kind: 'primary-rate-limit'; resetInSeconds?: number }
  | { kind: 'secondary-rate-limit'; retryAfterSeconds?: number }
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
  /** Headers never sent: the connection stays open until the client gives up. */
  | { kind: 'stall' }
  /** A 200 whose body never ends. */
  | { kind: 'endless-body' }

export interface FaultRule {
  operationId?: string
  method?: string
  times?: number
  fault: Fault
}

const BOT = 'github-actions[bot]'

function userObject(login: string, id: number): Json {
  const u = sampleOf('simple-user')
  return {
    ...u,
    login,
    id,
    node_id: `U_${id}`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    html_url: login.endsWith('[bot]') ? `https://github.com/apps/${login.slice(0, -5)}` : `https://github.com/${login}`,
    url: `https://api.github.com/users/${encodeURIComponent(login)}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}`
  }
}

function permissionFor(operationId: string, method: string): { name: PermissionName; level: Permission } {
  const write = method !== 'GET' && method !== 'HEAD'
  const level: Permission = write ? 'write' : 'read'
  if (operationId.startsWith('issues/')) return { name: 'issues', level }
  if (operationId.startsWith('pulls/')) return { name: 'pull_requests', level }
  if (operationId.startsWith('actions/')) return { name: 'actions', level }
  if (operationId === 'repos/create-dispatch-event') return { name: 'contents', level: 'write' }
  return { name: 'metadata', level: 'read' }
}

function allows(grant: TokenGrant, need: { name: PermissionName; level: Permission }): boolean {
  if (need.name === 'metadata') return true
  const have = grant[need.name] ?? 'none'
  return need.level === 'read' ? have !== 'none' : have === 'write'
}

export class GitHubApiStandIn {
  readonly requests: RecordedRequest[] = []
  readonly unexpectedRequests: Array<{ method: string; path: string; reason: string }> = []
  readonly invalidResponses: Array<{ operationId: string; status: number; reason: string }> = []
  readonly tokens = new Map<string, TokenGrant>()
  /**
   * Who a token acts as. An installation token (the workflow's GITHUB_TOKEN, the default) acts as
   * github-actions[bot] and gets 403 from GET /user, as on GitHub; a personal token is a user.
   */
  readonly identities = new Map<string, { kind: 'installation' | 'user'; login: string }>()
  private readonly repos = new Map<string, RepoState>()
  private readonly faults: FaultRule[] = []
  private server?: Server
  private nextId = 1000
  private clock = Date.parse('2026-11-27T10:00:00Z')
  artifacts?: ArtifactCatalog
  url = ''

  /** A token with these permissions; unknown tokens answer 401 like GitHub. */
  grant(token: string, grant: TokenGrant, identity?: { kind: 'installation' | 'user'; login: string }): void {
    this.tokens.set(token, grant)
    if (identity) this.identities.set(token, identity)
  }

  private identity(token: string): { kind: 'installation' | 'user'; login: string } {
    return this.identities.get(token) ?? { kind: 'installation', login: BOT }
  }

  /** A comment written by someone (a person, another bot) directly. */
  addComment(fullName: string, issueNumber: number, body: string, user: string): number {
    const now = this.now()
    const c: StoredComment = { id: this.id(), issue_number: issueNumber, body, user, created_at: now, updated_at: now }
    this.repo(fullName).comments.push(c)
    return c.id
  }

  /** Users who can be assigned issues in the repository. */
  allowAssignees(fullName: string, logins: string[]): void {
    for (const l of logins) this.repo(fullName).assignable.add(l)
  }

  /** Forget a repository's issues, comments, labels, runs, approvals and dispatches: the next use starts it empty. */
  resetRepo(fullName: string): void {
    this.repos.delete(fullName)
  }

  repo(fullName: string): RepoState {
    let r = this.repos.get(fullName)
    if (!r) {
      r = { issues: [], comments: [], labels: new Set(), assignable: new Set(), runs: [], approvals: new Map(), dispatches: [] }
      this.repos.set(fullName, r)
    }
    return r
  }

  addRun(fullName: string, run: Partial<StoredRun> & { id: number }): StoredRun {
    const stored: StoredRun = {
      workflow_id: 77,
      path: '.github/workflows/monitoring.yml',
      status: 'completed',
      conclusion: 'success',
      run_attempt: 1,
      created_at: this.now(),
      head_branch: 'main',
      ...run
    }
    this.repo(fullName).runs.push(stored)
    return stored
  }

  /** Put a pull request in the issue numbering (PR comments are issue comments). */
  addPullRequest(fullName: string, number: number): void {
    const r = this.repo(fullName)
    r.issues.push({
      id: this.id(),
      number,
      title: `PR ${number}`,
      body: '',
      state: 'open',
      state_reason: null,
      labels: [],
      created_at: this.now(),
      updated_at: this.now(),
      closed_at: null,
      is_pull_request: true
    })
  }

  inject(rule: FaultRule): void {
    this.faults.push({ times: 1, ...rule })
  }

  resetCounts(): void {
    this.requests.length = 0
  }

  /** Drop the faults still waiting to be served: a case's faults must not reach the next case. */
  clearFaults(): void {
    this.faults.length = 0
  }

  async start(): Promise<string> {
    loadSpec()
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        this.unexpectedRequests.push({ method: req.method ?? '', path: req.url ?? '', reason: `stand-in crashed: ${String(err)}` })
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: 'stand-in error' }))
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

  private id(): number {
    return this.nextId++
  }

  private now(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }

  // -------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const s = loadSpec()
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', this.url)
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const record: RecordedRequest = { method, path: url.pathname + url.search, status: 0, ...(raw ? { body: raw } : {}) }
    this.requests.push(record)

    const send = (status: number, body?: Json, headers: Record<string, string> = {}, op?: Operation, checked = true): void => {
      record.status = status
      if (op && checked) this.checkResponse(op, status, body)
      const h: Record<string, string> = {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-used': '1',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': 'core',
        'x-github-request-id': `STANDIN:${this.requests.length}`,
        ...headers
      }
      if (body === undefined) {
        res.writeHead(status, h)
        res.end()
      } else {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...h })
        res.end(JSON.stringify(body))
      }
    }
    const reject = (status: number, reason: string, op?: Operation): void => {
      this.unexpectedRequests.push({ method, path: record.path, reason })
      send(
        status,
        { message: reason, documentation_url: op?.docsUrl ?? 'https://docs.github.com/rest', status: String(status) },
        {},
        undefined
      )
    }

    // 1. Which operation?
    const candidates = s.operations.get(method) ?? []
    let op: Operation | undefined
    let match: RegExpExecArray | null = null
    for (const c of candidates) {
      match = c.regex.exec(url.pathname)
      if (match) {
        op = c
        break
      }
    }
    if (!op || !match) return reject(404, `no operation ${method} ${url.pathname} in the OpenAPI description`)
    record.operationId = op.operationId

    // 2. Parameters.
    const params: Record<string, Json> = {}
    op.paramNames.forEach((n, i) => (params[n] = decodeURIComponent(match![i + 1])))
    const query: Record<string, Json> = {}
    for (const [k, v] of url.searchParams) query[k] = v
    const declared = (op.op.parameters ?? []).map((p: Json) => resolveParam(s.doc, p))
    for (const where of ['path', 'query'] as const) {
      const list = declared.filter((p: Json) => p.in === where)
      const value = where === 'path' ? params : query
      const v = validator(
        `${op.operationId}:${where}`,
        () => ({
          type: 'object',
          properties: Object.fromEntries(list.map((p: Json) => [p.name, p.schema ?? {}])),
          required: list.filter((p: Json) => p.required).map((p: Json) => p.name),
          additionalProperties: false
        }),
        'param'
      )
      if (!v(value)) return reject(where === 'path' ? 404 : 400, `${where} parameters of ${op.operationId}: ${formatErrors(v.errors)}`, op)
    }

    // 3. Body.
    let body: Json = undefined
    const bodySpec = op.op.requestBody?.content?.['application/json']
    if (raw.length > 0) {
      if (!bodySpec) return reject(400, `${op.operationId} takes no request body`, op)
      try {
        body = JSON.parse(raw)
      } catch {
        return reject(400, `request body is not JSON`, op)
      }
      const v = validator(`${op.operationId}:body`, () => bodySpec.schema, 'body')
      if (!v(body)) return reject(422, `request body of ${op.operationId}: ${formatErrors(v.errors)}`, op)
    } else if (op.op.requestBody?.required) {
      return reject(400, `${op.operationId} requires a request body`, op)
    }

    // 4. Authentication and permissions.
    const auth = req.headers.authorization ?? ''
    const token = auth.replace(/^(token|bearer)\s+/i, '')
    const grant = this.tokens.get(token)
    if (!auth || !grant) {
      return send(
        401,
        { message: auth ? 'Bad credentials' : 'Requires authentication', documentation_url: 'https://docs.github.com/rest', status: '401' },
        {},
        op,
        false
      )
    }
    const need = permissionFor(op.operationId, method)
    if (!allows(grant, need)) {
      return send(
        403,
        { message: 'Resource not accessible by integration', documentation_url: op.docsUrl, status: '403' },
        { 'x-accepted-github-permissions': `${need.name}=${need.level}` },
        op,
        false
      )
    }

    // 5. Injected faults.
    const fault = this.faults.find(
      (f) => (f.times ?? 1) > 0 && (!f.operationId || f.operationId === op!.operationId) && (!f.method || f.method === method)
    )
    if (fault) {
      fault.times = (fault.times ?? 1) - 1
      return this.sendFault(fault.fault, op, send, res)
    }

    // 6. Answer.
    const owner = String(params.owner)
    const repoName = String(params.repo)
    const actor = this.identity(token)
    const answer = await this.answer(op, `${owner}/${repoName}`, params, query, body, actor)
    if (!answer) return reject(501, `${op.operationId} is valid but not implemented by the stand-in`, op)
    let headers = answer.headers ?? {}
    if (answer.page) {
      const { items, page, perPage } = answer.page
      const last = Math.max(1, Math.ceil(items.length / perPage))
      const links: string[] = []
      const link = (p: number): string => {
        const u = new URL(url.href)
        u.searchParams.set('page', String(p))
        u.searchParams.set('per_page', String(perPage))
        return u.href
      }
      if (page < last) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`)
      if (page > 1) links.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`)
      if (links.length) headers = { ...headers, link: links.join(', ') }
    }
    send(answer.status, answer.body, headers, op)
  }

  private sendFault(
    fault: Fault,
    op: Operation,
    send: (status: number, body?: Json, headers?: Record<string, string>, op?: Operation, checked?: boolean) => void,
    res?: ServerResponse
  ): void {
    if (fault.kind === 'stall') return
    if (fault.kind === 'endless-body') {
      if (!res) return
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      res.write('[')
      const chunk = JSON.stringify({ filler: 'x'.repeat(64 * 1024) }) + ','
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) {
          /* keep writing until the socket pushes back */
        }
        if (!res.destroyed) res.once('drain', pump)
      }
      pump()
      return
    }
    if (fault.kind === 'primary-rate-limit') {
      const reset = Math.floor(Date.now() / 1000) + (fault.resetInSeconds ?? 1)
      return send(
        403,
        {
          message: 'API rate limit exceeded for installation ID 4242.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: '403'
        },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(reset) },
        op,
        false
      )
    }
    if (fault.kind === 'secondary-rate-limit') {
      return send(
        403,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID STANDIN.',
          documentation_url:
            'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: '403'
        },
        { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
        op,
        false
      )
    }
    send(
      fault.status,
      { message: fault.message ?? `stand-in status ${fault.status}`, documentation_url: op.docsUrl, status: String(fault.status) },
      fault.headers ?? {},
      op,
      false
    )
  }

  private checkResponse(op: Operation, status: number, body: Json): void {
    const s = loadSpec()
    const declared = op.op.responses?.[String(status)] ?? op.op.responses?.default
    if (!declared) {
      this.invalidResponses.push({ operationId: op.operationId, status, reason: `status ${status} is not declared` })
      return
    }
    const schema = resolveResponse(s.doc, declared)?.content?.['application/json']?.schema
    if (!schema) {
      if (body !== undefined)
        this.invalidResponses.push({ operationId: op.operationId, status, reason: 'body sent where none is declared' })
      return
    }
    const v = validator(`${op.operationId}:response:${status}`, () => schema, 'body')
    if (!v(body)) this.invalidResponses.push({ operationId: op.operationId, status, reason: formatErrors(v.errors) })
  }

  // -------------------------------------------------------------------------------------------
  // Operations.

  private issueJson(fullName: string, i: StoredIssue): Json {
    const base = sampleOf('issue')
    const api = `${this.url}/repos/${fullName}`
    return {
      ...base,
      id: i.id,
      node_id: `I_${i.id}`,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason,
      locked: false,
      labels: i.labels.map((name, n) => ({
        id: n + 1,
        node_id: `LA_${n + 1}`,
        url: `${api}/labels/${encodeURIComponent(name)}`,
        name,
        description: null,
        color: 'ededed',
        default: false
      })),
      user: userObject(BOT, 41898282),
      assignee: i.assignees?.length ? userObject(i.assignees[0]!, 1000) : null,
      assignees: (i.assignees ?? []).map((login, n) => userObject(login, 1000 + n)),
      milestone: null,
      comments: this.repo(fullName).comments.filter((c) => c.issue_number === i.number).length,
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_at: i.closed_at,
      url: `${api}/issues/${i.number}`,
      html_url: `https://github.com/${fullName}/${i.is_pull_request ? 'pull' : 'issues'}/${i.number}`,
      repository_url: api,
      labels_url: `${api}/issues/${i.number}/labels{/name}`,
      comments_url: `${api}/issues/${i.number}/comments`,
      events_url: `${api}/issues/${i.number}/events`,
      ...(i.is_pull_request ? { pull_request: { url: `${api}/pulls/${i.number}`, html_url: null, diff_url: null, patch_url: null } } : {})
    }
  }

  private commentJson(fullName: string, c: StoredComment): Json {
    return {
      ...sampleOf('issue-comment'),
      id: c.id,
      node_id: `IC_${c.id}`,
      body: c.body,
      user: userObject(c.user, c.user === BOT ? 41898282 : 7),
      created_at: c.created_at,
      updated_at: c.updated_at,
      url: `${this.url}/repos/${fullName}/issues/comments/${c.id}`,
      html_url: `https://github.com/${fullName}/issues/${c.issue_number}#issuecomment-${c.id}`,
      issue_url: `${this.url}/repos/${fullName}/issues/${c.issue_number}`
    }
  }

  private artifactJson(fullName: string, a: RestArtifact): Json {
    return {
      id: a.id,
      node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
      name: a.name,
      size_in_bytes: a.size_in_bytes,
      url: `${this.url}/repos/${fullName}/actions/artifacts/${a.id}`,
      archive_download_url: `${this.url}/repos/${fullName}/actions/artifacts/${a.id}/zip`,
      expired: a.expired,
      created_at: a.created_at,
      updated_at: a.created_at,
      expires_at: a.expires_at,
      digest: a.digest,
      workflow_run: { id: a.workflow_run_id, repository_id: 1, head_repository_id: 1, head_branch: 'main', head_sha: 'a'.repeat(40) }
    }
  }

  private runJson(fullName: string, r: StoredRun): Json {
    const api = `${this.url}/repos/${fullName}`
    const base = sampleOf('workflow-run')
    return {
      ...base,
      id: r.id,
      node_id: `WFR_${r.id}`,
      name: 'monitoring',
      head_branch: r.head_branch,
      head_sha: 'a'.repeat(40),
      path: r.path,
      run_number: r.id,
      run_attempt: r.run_attempt,
      display_title: 'monitoring',
      event: 'workflow_dispatch',
      status: r.status,
      conclusion: r.conclusion,
      workflow_id: r.workflow_id,
      url: `${api}/actions/runs/${r.id}`,
      html_url: `https://github.com/${fullName}/actions/runs/${r.id}`,
      created_at: r.created_at,
      updated_at: r.created_at,
      jobs_url: `${api}/actions/runs/${r.id}/jobs`,
      logs_url: `${api}/actions/runs/${r.id}/logs`,
      check_suite_url: `${api}/check-suites/1`,
      cancel_url: `${api}/actions/runs/${r.id}/cancel`,
      rerun_url: `${api}/actions/runs/${r.id}/rerun`,
      artifacts_url: `${api}/actions/runs/${r.id}/artifacts`,
      workflow_url: `${api}/actions/workflows/${r.workflow_id}`,
      pull_requests: []
    }
  }

  private async answer(
    op: Operation,
    fullName: string,
    params: Record<string, Json>,
    query: Record<string, Json>,
    body: Json,
    actor: { kind: 'installation' | 'user'; login: string } = { kind: 'installation', login: BOT }
  ): Promise<
    | { status: number; body?: Json; headers?: Record<string, string>; page?: { items: unknown[]; page: number; perPage: number } }
    | undefined
  > {
    const r = this.repo(fullName)
    const perPage = Math.min(Number(query.per_page ?? 30), 100)
    const page = Number(query.page ?? 1)
    const paged = <T>(items: T[]): { items: T[]; slice: T[]; page: number; perPage: number } => ({
      items,
      slice: items.slice((page - 1) * perPage, page * perPage),
      page,
      perPage
    })
    const notFound = { status: 404, body: { message: 'Not Found', documentation_url: op.docsUrl, status: '404' } }
    const tooLong = (field: string, text: unknown): Json =>
      typeof text === 'string' && text.length > 65536
        ? {
            status: 422,
            body: {
              message: 'Validation Failed',
              errors: [
                {
                  resource:
                    op.operationId.startsWith('issues/create-comment') || op.operationId.endsWith('comment') ? 'IssueComment' : 'Issue',
                  code: 'custom',
                  field,
                  message: `${field} is too long (maximum is 65536 characters)`
                }
              ],
              documentation_url: op.docsUrl,
              status: '422'
            }
          }
        : undefined

    // GitHub refuses an issue whose assignees include someone who cannot be assigned in the repository.
    const badAssignees = (list: unknown): Json =>
      Array.isArray(list) && list.some((a) => !r.assignable.has(String(a)))
        ? {
            status: 422,
            body: {
              message: 'Validation Failed',
              errors: list
                .filter((a) => !r.assignable.has(String(a)))
                .map((value) => ({ value, resource: 'Issue', field: 'assignees', code: 'invalid' })),
              documentation_url: op.docsUrl,
              status: '422'
            }
          }
        : undefined

    switch (op.operationId) {
      case 'issues/list-for-repo': {
        const state = String(query.state ?? 'open')
        const labels = query.labels
          ? String(query.labels)
              .split(',')
              .map((l) => l.trim())
          : []
        const items = r.issues
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => labels.every((l) => i.labels.includes(l)))
          .sort((a, b) => b.number - a.number)
        const p = paged(items)
        return { status: 200, body: p.slice.map((i) => this.issueJson(fullName, i)), page: p }
      }
      case 'issues/get': {
        const i = r.issues.find((x) => x.number === Number(params.issue_number))
        return i ? { status: 200, body: this.issueJson(fullName, i) } : notFound
      }
      case 'issues/create': {
        const err = tooLong('body', body.body)
        if (err) return err
        const labels: string[] = (body.labels ?? []).map((l: Json) => (typeof l === 'string' ? l : l.name))
        const refused = badAssignees(body.assignees)
        if (refused) return refused
        labels.forEach((l) => r.labels.add(l))
        const number = Math.max(0, ...r.issues.map((i) => i.number)) + 1
        const now = this.now()
        const issue: StoredIssue = {
          id: this.id(),
          number,
          title: String(body.title),
          body: body.body ?? null,
          state: 'open',
          state_reason: null,
          labels,
          assignees: [...(body.assignees ?? [])],
          created_at: now,
          updated_at: now,
          closed_at: null,
          is_pull_request: false
        }
        r.issues.push(issue)
        return {
          status: 201,
          body: this.issueJson(fullName, issue),
          headers: { location: `${this.url}/repos/${fullName}/issues/${number}` }
        }
      }
      case 'issues/update': {
        const i = r.issues.find((x) => x.number === Number(params.issue_number))
        if (!i) return notFound
        const err = tooLong('body', body.body)
        if (err) return err
        if (body.title !== undefined && body.title !== null) i.title = String(body.title)
        if (body.body !== undefined) i.body = body.body
        if (body.labels) i.labels = body.labels.map((l: Json) => (typeof l === 'string' ? l : l.name))
        const refusedUpdate = badAssignees(body.assignees)
        if (refusedUpdate) return refusedUpdate
        if (body.assignees) i.assignees = [...body.assignees]
        if (body.state && body.state !== i.state) {
          i.state = body.state
          i.closed_at = body.state === 'closed' ? this.now() : null
          i.state_reason = body.state === 'closed' ? (body.state_reason ?? 'completed') : 'reopened'
        }
        i.updated_at = this.now()
        return { status: 200, body: this.issueJson(fullName, i) }
      }
      case 'issues/list-comments': {
        const i = r.issues.find((x) => x.number === Number(params.issue_number))
        if (!i) return notFound
        const p = paged(r.comments.filter((c) => c.issue_number === i.number))
        return { status: 200, body: p.slice.map((c) => this.commentJson(fullName, c)), page: p }
      }
      case 'issues/create-comment': {
        const i = r.issues.find((x) => x.number === Number(params.issue_number))
        if (!i) return notFound
        const err = tooLong('body', body.body)
        if (err) return err
        const now = this.now()
        const c: StoredComment = {
          id: this.id(),
          issue_number: i.number,
          body: body.body,
          user: actor.login,
          created_at: now,
          updated_at: now
        }
        r.comments.push(c)
        return {
          status: 201,
          body: this.commentJson(fullName, c),
          headers: { location: `${this.url}/repos/${fullName}/issues/comments/${c.id}` }
        }
      }
      case 'issues/update-comment': {
        const c = r.comments.find((x) => x.id === Number(params.comment_id))
        if (!c) return { status: 422, body: { message: 'Validation Failed', documentation_url: op.docsUrl, status: '422' } }
        const err = tooLong('body', body.body)
        if (err) return err
        c.body = body.body
        c.updated_at = this.now()
        return { status: 200, body: this.commentJson(fullName, c) }
      }
      case 'actions/list-workflow-runs': {
        const wf = String(params.workflow_id)
        const status = query.status ? String(query.status) : undefined
        const runs = r.runs
          .filter((x) => String(x.workflow_id) === wf || x.path.endsWith(`/${wf}`))
          .filter((x) => !status || x.status === status || x.conclusion === status)
          .sort((a, b) => b.id - a.id)
        const p = paged(runs)
        return { status: 200, body: { total_count: runs.length, workflow_runs: p.slice.map((x) => this.runJson(fullName, x)) }, page: p }
      }
      case 'actions/list-workflow-run-artifacts': {
        const all = (this.artifacts?.listForRun(Number(params.run_id)) ?? []).filter((a) => !query.name || a.name === query.name)
        const p = paged(all)
        return { status: 200, body: { total_count: all.length, artifacts: p.slice.map((a) => this.artifactJson(fullName, a)) }, page: p }
      }
      case 'actions/get-artifact': {
        const a = this.artifacts?.find(Number(params.artifact_id))
        return a ? { status: 200, body: this.artifactJson(fullName, a) } : notFound
      }
      case 'actions/delete-artifact': {
        const a = this.artifacts?.find(Number(params.artifact_id))
        if (!a) return notFound
        await this.artifacts!.remove(a.id)
        return { status: 204 }
      }
      case 'actions/download-artifact': {
        const a = this.artifacts?.find(Number(params.artifact_id))
        if (!a) return notFound
        if (a.expired) return { status: 410, body: { message: 'Artifact has expired', documentation_url: op.docsUrl, status: '410' } }
        return { status: 302, headers: { location: await this.artifacts!.signedDownloadUrl(a.id) } }
      }
      case 'actions/get-reviews-for-run': {
        const list = r.approvals.get(Number(params.run_id)) ?? []
        return {
          status: 200,
          body: list.map((a, n) => ({
            state: a.state,
            comment: a.comment,
            user: userObject(a.login, 500 + n),
            environments: a.environments.map((name, k) => ({
              id: 9000 + k,
              node_id: `EN_${k}`,
              name,
              url: `${this.url}/repos/${fullName}/environments/${name}`,
              html_url: `https://github.com/${fullName}/deployments/activity_log?environments_filter=${name}`,
              created_at: '2026-01-01T00:00:00Z',
              updated_at: '2026-01-01T00:00:00Z'
            }))
          }))
        }
      }
      case 'users/get-authenticated': {
        if (actor.kind === 'installation')
          return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: op.docsUrl, status: '403' } }
        const u = sampleOf('public-user')
        return {
          status: 200,
          body: {
            ...u,
            ...(userObject(actor.login, 7) as object),
            name: actor.login,
            created_at: '2020-01-01T00:00:00Z',
            updated_at: '2020-01-01T00:00:00Z'
          }
        }
      }
      case 'repos/create-dispatch-event': {
        r.dispatches.push({ event_type: body.event_type, client_payload: body.client_payload })
        return { status: 204 }
      }
      default:
        return undefined
    }
  }
}

export async function startGitHubApi(): Promise<GitHubApiStandIn> {
  const api = new GitHubApiStandIn()
  await api.start()
  return api
}
