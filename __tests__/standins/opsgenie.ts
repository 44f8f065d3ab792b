/**
 * Opsgenie on loopback, following its published Alert API (v2):
 * - every call needs `Authorization: GenieKey <api key>`; otherwise 401
 *   `{message: "Could not authenticate", took, requestId}`.
 * - `POST /v2/alerts` answers 202 `{result: "Request will be processed", took, requestId}` and
 *   creates the alert shortly after (requests are processed asynchronously); a missing or too
 *   long message, a too long alias or a priority outside P1-P5 is 422
 *   `{message: "Request body is not processable. Please check the errors.", errors: {...}}`.
 * - `GET /v2/alerts/requests/{requestId}`: 404 until processed, then `{data: {success, action, alertId, alias, ...}}`.
 * - `GET /v2/alerts/{identifier}?identifierType=id|alias|tiny`: `{data: alert}`; 404
 *   `{message: "Alert does not exist"}`; any other identifierType is 422.
 * - `POST /v2/alerts/{identifier}/close?identifierType=...`: 202, the alert is closed shortly after.
 * - `GET /v2/teams/{id}?identifierType=id`: `{data: {id, name, ...}}`.
 * The API key's integration belongs to a team, which becomes the alert's responder (Opsgenie's
 * routing); acknowledgements are scripted per alert: `report.ackTime` is milliseconds after createdAt.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

export interface OpsgenieIntegration {
  apiKey: string
  id: string
  name: string
  team?: { id: string; name: string }
}

/** A scripted acknowledgement: by whom, after how long; `ackTime` overrides the reported offset (null: none). */
export interface OpsgenieAck {
  afterMs: number
  by: string
  ackTime?: (realMs: number, createdMs: number) => number | null
}

export interface OpsgenieStandinOptions {
  integrations: OpsgenieIntegration[]
  acks?: (integration: OpsgenieIntegration, alias: string) => OpsgenieAck[]
  processingMs?: number
}

export interface OpsgenieAlert {
  id: string
  tinyId: string
  alias: string
  message: string
  status: 'open' | 'closed'
  acknowledged: boolean
  isSeen: boolean
  tags: string[]
  snoozed: boolean
  count: number
  createdAt: string
  updatedAt: string
  source: string
  owner: string
  priority: string
  responders: Array<{ type: string; id: string }>
  integration: { id: string; name: string; type: string }
  report: { ackTime?: number; acknowledgedBy?: string; closeTime?: number; closedBy?: string }
  details: Record<string, string>
}

let tiny = 1

export class OpsgenieStandin {
  readonly alerts: OpsgenieAlert[] = []
  readonly requests = new Map<string, { alertId: string; alias: string; action: string; processedAt: string; integrationId: string }>()
  readonly rejected: Array<{ status: number; body: unknown }> = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private server?: Server
  url = ''

  constructor(private readonly opts: OpsgenieStandinOptions) {}

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

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t)
      fn()
    }, ms)
    this.timers.add(t)
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://x')
    const requestId = randomUUID()
    const send = (status: number, data: Record<string, unknown>): void => {
      const body = { ...data, took: 0.01, requestId }
      if (status >= 400) this.rejected.push({ status, body })
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const auth = /^GenieKey (\S+)$/.exec(req.headers.authorization ?? '')
    const integ = auth ? this.opts.integrations.find((i) => i.apiKey === auth[1]) : undefined
    if (!integ) return send(401, { message: 'Could not authenticate' })
    const processing = this.opts.processingMs ?? 50

    if (req.method === 'POST' && url.pathname === '/v2/alerts') {
      let b: Record<string, unknown>
      try {
        b = JSON.parse(text) as Record<string, unknown>
      } catch {
        return send(400, { message: 'Could not parse the request body' })
      }
      const errors: Record<string, string> = {}
      if (typeof b.message !== 'string' || b.message.trim() === '') errors.message = 'Message can not be empty.'
      else if (b.message.length > 130) errors.message = 'Message can not be longer than 130 characters.'
      if (b.alias !== undefined && (typeof b.alias !== 'string' || b.alias.length > 512))
        errors.alias = 'Alias can not be longer than 512 characters.'
      if (b.priority !== undefined && !/^P[1-5]$/.test(String(b.priority)))
        errors.priority = 'Priority should be one of [P1, P2, P3, P4, P5]'
      if (b.tags !== undefined && (!Array.isArray(b.tags) || b.tags.some((t) => typeof t !== 'string')))
        errors.tags = 'Tags should be a list of strings.'
      if (Object.keys(errors).length) return send(422, { message: 'Request body is not processable. Please check the errors.', errors })
      const alias = typeof b.alias === 'string' && b.alias ? b.alias : randomBytes(16).toString('hex')
      this.later(processing, () => this.create(integ, b, alias, requestId))
      return send(202, { result: 'Request will be processed' })
    }
    const reqStatus = /^\/v2\/alerts\/requests\/([^/]+)$/.exec(url.pathname)
    if (req.method === 'GET' && reqStatus) {
      const r = this.requests.get(reqStatus[1]!)
      if (!r) return send(404, { message: 'Request not found. It might not be processed, yet.' })
      return send(200, {
        data: {
          success: true,
          action: r.action,
          processedAt: r.processedAt,
          integrationId: r.integrationId,
          isSuccess: true,
          status: `${r.action}d alert`,
          alertId: r.alertId,
          alias: r.alias
        }
      })
    }
    const team = /^\/v2\/teams\/([^/]+)$/.exec(url.pathname)
    if (req.method === 'GET' && team) {
      const t = this.opts.integrations.map((i) => i.team).find((x) => x?.id === decodeURIComponent(team[1]!))
      return t
        ? send(200, { data: { id: t.id, name: t.name, description: '', members: [] } })
        : send(404, { message: 'No team exists with id' })
    }
    const one = /^\/v2\/alerts\/([^/]+)(\/close)?$/.exec(url.pathname)
    if (one) {
      const type = url.searchParams.get('identifierType') ?? 'id'
      if (!['id', 'alias', 'tiny'].includes(type)) return send(422, { message: `Invalid identifierType [${type}]` })
      const ident = decodeURIComponent(one[1]!)
      const alert = this.alerts.find((a) => (type === 'alias' ? a.alias === ident : type === 'tiny' ? a.tinyId === ident : a.id === ident))
      if (req.method === 'GET' && !one[2]) return alert ? send(200, { data: alert }) : send(404, { message: 'Alert does not exist' })
      if (req.method === 'POST' && one[2]) {
        if (text) {
          try {
            JSON.parse(text)
          } catch {
            return send(400, { message: 'Could not parse the request body' })
          }
        }
        this.later(processing, () => {
          if (!alert || alert.status === 'closed') return
          alert.status = 'closed'
          alert.report.closeTime = Date.now() - Date.parse(alert.createdAt)
          alert.report.closedBy = integ.name
          alert.updatedAt = new Date().toISOString()
          this.requests.set(requestId, {
            alertId: alert.id,
            alias: alert.alias,
            action: 'Close',
            processedAt: alert.updatedAt,
            integrationId: integ.id
          })
        })
        return send(202, { result: 'Request will be processed' })
      }
    }
    return send(404, { message: 'Not found' })
  }

  private create(integ: OpsgenieIntegration, b: Record<string, unknown>, alias: string, requestId: string): void {
    const open = this.alerts.find((a) => a.alias === alias && a.status === 'open')
    if (open) {
      open.count++
      return
    }
    const now = new Date().toISOString()
    const alert: OpsgenieAlert = {
      id: randomUUID(),
      tinyId: String(tiny++),
      alias,
      message: String(b.message),
      status: 'open',
      acknowledged: false,
      isSeen: false,
      tags: (b.tags as string[] | undefined) ?? [],
      snoozed: false,
      count: 1,
      createdAt: now,
      updatedAt: now,
      source: typeof b.source === 'string' ? b.source : '127.0.0.1',
      owner: '',
      priority: typeof b.priority === 'string' ? b.priority : 'P3',
      responders: integ.team ? [{ type: 'team', id: integ.team.id }] : [],
      integration: { id: integ.id, name: integ.name, type: 'API' },
      report: {},
      details: (b.details as Record<string, string> | undefined) ?? {}
    }
    this.alerts.push(alert)
    this.requests.set(requestId, { alertId: alert.id, alias, action: 'Create', processedAt: now, integrationId: integ.id })
    for (const ack of this.opts.acks?.(integ, alias) ?? []) {
      this.later(ack.afterMs, () => {
        if (alert.status === 'closed' || alert.acknowledged) return
        const real = Date.now() - Date.parse(alert.createdAt)
        const reported = ack.ackTime ? ack.ackTime(real, Date.parse(alert.createdAt)) : real
        alert.acknowledged = true
        alert.isSeen = true
        alert.owner = ack.by
        alert.report.acknowledgedBy = ack.by
        if (reported !== null) alert.report.ackTime = reported
        alert.updatedAt = new Date().toISOString()
      })
    }
  }
}
