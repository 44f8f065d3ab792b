/**
 * PagerDuty on loopback, following its published Events API v2 and REST API v2:
 * - `POST /v2/enqueue`: 202 `{status: "success", message: "Event processed", dedup_key}`; 400
 *   `{status: "invalid event", message: "Event object is invalid", errors: [...]}` for a missing
 *   routing_key, event_action, payload.summary, payload.source or a severity outside
 *   critical|error|warning|info. A well-formed routing key that belongs to no integration is
 *   accepted and dropped, as PagerDuty does.
 * - REST (`GET /incidents?incident_key=`, `GET /incidents/{id}/log_entries`) requires
 *   `Authorization: Token token=...`; otherwise 401 `{error: {message, code}}`.
 * Acknowledgements are scripted per incident: by a person (`user_reference`) or automatically by
 * a service (`service_reference`), after a delay.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

export interface StandinService {
  routingKey: string
  id: string
  name: string
  escalationPolicy: string
  oncallUser: string
}

/** An acknowledgement to perform: by the on-call user (or `name`) or the service; `at` overrides the logged time (undefined: none). */
export type ScriptedAck = { afterMs: number; by: 'user' | 'service'; name?: string; at?: (realMs: number) => string | undefined }

export interface PagerDutyStandinOptions {
  token: string
  services: StandinService[]
  /** Acknowledgements to perform on a new incident. */
  acks?: (service: StandinService, dedupKey: string) => ScriptedAck[]
}

interface Ref {
  id: string
  type: string
  summary: string
}

interface LogEntry {
  id: string
  type: string
  created_at: string
  agent: Ref
  summary: string
}

interface Incident {
  id: string
  incident_number?: number
  resolved_at?: string | null
  last_status_change_at?: string
  type: 'incident'
  incident_key: string
  status: 'triggered' | 'acknowledged' | 'resolved'
  title: string
  created_at: string
  service: Ref
  escalation_policy: Ref
  assignments: Array<{ at: string; assignee: Ref }>
  log: LogEntry[]
}

const SEVERITIES = new Set(['critical', 'error', 'warning', 'info'])
const id = (): string => `P${randomBytes(4).toString('hex').toUpperCase()}`

export class PagerDutyStandin {
  readonly incidents: Incident[] = []
  readonly events: Array<{ status: number; body: unknown }> = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private server?: Server
  url = ''

  constructor(private readonly opts: PagerDutyStandinOptions) {}

  /** A past incident (for incident history): created, and resolved when `resolvedAt` is given. */
  seed(service: StandinService, args: { title: string; createdAt: string; resolvedAt?: string }): void {
    const ref = { id: service.id, type: 'service_reference', summary: service.name }
    this.incidents.push({
      id: id(),
      incident_number: this.incidents.length + 1,
      type: 'incident',
      incident_key: randomBytes(8).toString('hex'),
      status: args.resolvedAt ? 'resolved' : 'triggered',
      title: args.title,
      created_at: args.createdAt,
      resolved_at: args.resolvedAt ?? null,
      last_status_change_at: args.resolvedAt ?? args.createdAt,
      service: ref,
      escalation_policy: { id: service.escalationPolicy, type: 'escalation_policy_reference', summary: service.escalationPolicy },
      assignments: [],
      log: []
    })
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    const addr = this.server.address()
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
    return this
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://x')
    const send = (status: number, data: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(data))
    }
    if (req.method === 'POST' && url.pathname === '/v2/enqueue') {
      const [status, body] = this.enqueue(text)
      this.events.push({ status, body: safeJson(text) })
      return send(status, body)
    }
    if (req.method === 'GET' && (url.pathname === '/incidents' || url.pathname.startsWith('/incidents/'))) {
      if (req.headers.authorization !== `Token token=${this.opts.token}`) {
        return send(401, { error: { message: 'Unauthorized', code: 2006 } })
      }
      if (url.pathname === '/incidents') {
        const key = url.searchParams.get('incident_key')
        // since/until select by created_at (a range over 6 months is refused); offset/limit page (limit at most 100).
        const since = url.searchParams.get('since')
        const until = url.searchParams.get('until')
        const [from, to] = [since ? Date.parse(since) : Number.NEGATIVE_INFINITY, until ? Date.parse(until) : Number.POSITIVE_INFINITY]
        if (Number.isNaN(from) || Number.isNaN(to))
          return send(400, { error: { message: 'Invalid Input Provided', code: 2001, errors: ['since/until is not a date'] } })
        if (since && until && to - from > 183 * 86400_000)
          return send(400, { error: { message: 'Invalid Input Provided', code: 2001, errors: ['Date range cannot exceed 6 months'] } })
        const services = url.searchParams.getAll('service_ids[]')
        const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 25))
        const offset = Number(url.searchParams.get('offset') ?? 0)
        const found = this.incidents
          .filter((i) => (key === null || i.incident_key === key) && (!services.length || services.includes(i.service.id)))
          .filter((i) => Date.parse(i.created_at) >= from && Date.parse(i.created_at) < to)
          .map(publicIncident)
        return send(200, {
          incidents: found.slice(offset, offset + limit),
          limit,
          offset,
          more: offset + limit < found.length,
          total: null
        })
      }
      const m = /^\/incidents\/([^/]+)\/log_entries$/.exec(url.pathname)
      const inc = m ? this.incidents.find((i) => i.id === m[1]) : undefined
      if (!inc) return send(404, { error: { message: 'Not Found', code: 2100 } })
      const limit = Number(url.searchParams.get('limit') ?? 25)
      const offset = Number(url.searchParams.get('offset') ?? 0)
      // Newest first, as PagerDuty lists them.
      const all = [...inc.log].reverse()
      return send(200, { log_entries: all.slice(offset, offset + limit), limit, offset, more: offset + limit < all.length, total: null })
    }
    return send(404, { error: { message: 'Not Found', code: 2100 } })
  }

  private enqueue(text: string): [number, unknown] {
    const invalid = (errors: string[]): [number, unknown] => [400, { status: 'invalid event', message: 'Event object is invalid', errors }]
    const e = safeJson(text) as Record<string, unknown> | undefined
    if (!e || typeof e !== 'object') return invalid(['Event object is not JSON'])
    const errors: string[] = []
    const key = e.routing_key
    if (typeof key !== 'string' || key === '') errors.push("'routing_key' is missing or blank")
    else if (key.length !== 32) errors.push('Invalid routing key')
    const action = e.event_action
    if (action !== 'trigger' && action !== 'acknowledge' && action !== 'resolve') errors.push("'event_action' is missing or invalid")
    const payload = e.payload as Record<string, unknown> | undefined
    if (action === 'trigger') {
      if (typeof payload?.summary !== 'string' || payload.summary === '') errors.push("'payload.summary' is missing or blank")
      if (typeof payload?.source !== 'string' || payload.source === '') errors.push("'payload.source' is missing or blank")
      if (typeof payload?.severity !== 'string' || !SEVERITIES.has(payload.severity))
        errors.push("'payload.severity' is invalid (must be one of critical, error, warning, info)")
    } else if (typeof e.dedup_key !== 'string' || e.dedup_key === '') {
      errors.push("'dedup_key' is missing or blank")
    }
    if (errors.length) return invalid(errors)
    const dedupKey = typeof e.dedup_key === 'string' && e.dedup_key ? e.dedup_key : randomBytes(16).toString('hex')
    const service = this.opts.services.find((s) => s.routingKey === key)
    if (service) this.apply(service, action as string, dedupKey, payload)
    return [202, { status: 'success', message: 'Event processed', dedup_key: dedupKey }]
  }

  private apply(service: StandinService, action: string, dedupKey: string, payload: Record<string, unknown> | undefined): void {
    const now = new Date().toISOString()
    const open = this.incidents.find((i) => i.incident_key === dedupKey && i.status !== 'resolved')
    const serviceRef: Ref = { id: service.id, type: 'service_reference', summary: service.name }
    if (action === 'trigger') {
      if (open) return
      const user: Ref = { id: id(), type: 'user_reference', summary: service.oncallUser }
      const inc: Incident = {
        id: id(),
        type: 'incident',
        incident_key: dedupKey,
        status: 'triggered',
        title: String(payload?.summary),
        created_at: now,
        service: serviceRef,
        escalation_policy: { id: id(), type: 'escalation_policy_reference', summary: service.escalationPolicy },
        assignments: [{ at: now, assignee: user }],
        log: [
          {
            id: id(),
            type: 'trigger_log_entry',
            created_at: now,
            agent: { id: id(), type: 'events_api_v2_inbound_integration_reference', summary: 'Events API v2' },
            summary: 'Triggered through the API'
          },
          { id: id(), type: 'notify_log_entry', created_at: now, agent: user, summary: `Notified ${user.summary}` }
        ]
      }
      this.incidents.push(inc)
      for (const a of this.opts.acks?.(service, dedupKey) ?? []) {
        const timer = setTimeout(() => {
          this.timers.delete(timer)
          if (inc.status === 'resolved') return
          inc.status = 'acknowledged'
          const agent = a.by === 'user' ? (a.name ? { ...user, summary: a.name } : user) : serviceRef
          const at = a.at ? a.at(Date.now()) : new Date().toISOString()
          inc.log.push({
            id: id(),
            type: 'acknowledge_log_entry',
            created_at: at as string,
            agent,
            summary: `Acknowledged by ${agent.summary}`
          })
        }, a.afterMs)
        this.timers.add(timer)
      }
    } else if (open && action === 'resolve') {
      open.status = 'resolved'
      open.log.push({ id: id(), type: 'resolve_log_entry', created_at: now, agent: serviceRef, summary: 'Resolved through the API' })
    } else if (open && action === 'acknowledge') {
      open.status = 'acknowledged'
      open.log.push({
        id: id(),
        type: 'acknowledge_log_entry',
        created_at: now,
        agent: serviceRef,
        summary: 'Acknowledged through the API'
      })
    }
  }
}

function publicIncident(i: Incident): Omit<Incident, 'log'> {
  const { log: _log, ...rest } = i
  return rest
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
