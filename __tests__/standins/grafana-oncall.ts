/**
 * Grafana OnCall (OSS; Grafana Cloud IRM keeps the same API) on loopback, following its published
 * HTTP API:
 * - inbound: `POST /integrations/v1/alertmanager/<integration token>/` takes Alertmanager's
 *   webhook payload (version "4"); unknown token 404; a payload without alerts 400. Alerts are
 *   grouped by groupKey; a `resolved` payload resolves the group. The integration's routes are
 *   tried in order (routing_regex against the payload JSON); the last route catches the rest.
 * - API (`/api/v1/...`) needs `Authorization: <token>` (OSS), or `Bearer <token>` with
 *   `X-Grafana-URL` (IRM); otherwise 401 `{"detail": "Invalid token."}`.
 * - `GET /api/v1/alert_groups/` (filters id, integration_id, route_id, state) is paginated:
 *   `{count, next, previous, results, current_page_number, page_size, total_pages}`, newest
 *   first; an out-of-range page is 404 `{"detail": "Invalid page."}`.
 * - `GET /api/v1/alert_groups/<id>/`, `POST .../<id>/resolve/` (400 when already resolved),
 *   `GET /api/v1/integrations|routes|escalation_chains|users/<id>/`; unknown ids 404 `{"detail": "Not found."}`.
 * Acknowledgements are scripted per group: by a user id (or null: the alert source), after a delay.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

export interface OnCallRoute {
  id: string
  routing_regex: string | null
  escalationChain: { id: string; name: string }
}

export interface OnCallIntegration {
  token: string
  id: string
  name: string
  /** In order; the last is the default route (routing_regex null). */
  routes: OnCallRoute[]
}

export interface OnCallUser {
  id: string
  username: string
  email: string
}

export interface OnCallAck {
  afterMs: number
  /** A user id, or null for an acknowledgement by the alert source. */
  userId: string | null
  /** Reported acknowledged_at from the real time (null: none reported). */
  at?: (realMs: number) => string | null
}

export interface OnCallStandinOptions {
  apiToken: string
  auth?: 'token' | 'bearer'
  integrations: OnCallIntegration[]
  users: OnCallUser[]
  pageSize?: number
  acks?: (route: OnCallRoute, payload: Record<string, unknown>) => OnCallAck[]
}

export interface AlertGroup {
  id: string
  integration_id: string
  route_id: string
  team_id: string | null
  alerts_count: number
  state: 'firing' | 'acknowledged' | 'resolved' | 'silenced'
  created_at: string
  resolved_at: string | null
  resolved_by: string | null
  acknowledged_at: string | null
  acknowledged_by: string | null
  title: string
  permalinks: Record<string, string | null>
  silenced_at: string | null
  last_alert: { id: string; alert_group_id: string; created_at: string; payload: Record<string, unknown> }
  groupKey: string
}

const oid = (p: string): string => `${p}${randomBytes(6).toString('hex').toUpperCase()}`

export class GrafanaOnCallStandin {
  readonly groups: AlertGroup[] = []
  readonly listRequests: string[] = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private server?: Server
  url = ''

  constructor(private readonly opts: OnCallStandinOptions) {}

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

  inboundUrl(integration: OnCallIntegration): string {
    return `${this.url}/integrations/v1/alertmanager/${integration.token}/`
  }

  private public(g: AlertGroup): Omit<AlertGroup, 'groupKey'> {
    const { groupKey: _k, ...rest } = g
    return rest
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
    const inbound = /^\/integrations\/v1\/alertmanager\/([^/]+)\/$/.exec(url.pathname)
    if (inbound && req.method === 'POST') {
      const integ = this.opts.integrations.find((i) => i.token === inbound[1])
      if (!integ) return send(404, { detail: 'Not found.' })
      let payload: Record<string, unknown>
      try {
        payload = JSON.parse(text) as Record<string, unknown>
      } catch {
        return send(400, { detail: 'JSON parse error' })
      }
      if (!Array.isArray(payload.alerts) || payload.alerts.length === 0 || typeof payload.groupKey !== 'string')
        return send(400, { detail: 'alerts and groupKey are required' })
      this.receive(integ, payload)
      res.writeHead(200, { 'Content-Type': 'text/plain' })
      res.end('Ok.')
      return
    }
    if (!url.pathname.startsWith('/api/v1/')) return send(404, { detail: 'Not found.' })
    const expected = this.opts.auth === 'bearer' ? `Bearer ${this.opts.apiToken}` : this.opts.apiToken
    if (req.headers.authorization !== expected || (this.opts.auth === 'bearer' && !req.headers['x-grafana-url']))
      return send(401, { detail: 'Invalid token.' })

    if (req.method === 'GET' && url.pathname === '/api/v1/alert_groups/') {
      this.listRequests.push(url.search)
      const f = url.searchParams
      const all = this.groups
        .filter(
          (g) =>
            (!f.get('id') || g.id === f.get('id')) &&
            (!f.get('integration_id') || g.integration_id === f.get('integration_id')) &&
            (!f.get('route_id') || g.route_id === f.get('route_id')) &&
            (!f.get('state') || g.state === f.get('state'))
        )
        .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
      const size = this.opts.pageSize ?? 50
      const pages = Math.max(1, Math.ceil(all.length / size))
      const page = Number(f.get('page') ?? '1')
      if (!Number.isInteger(page) || page < 1 || page > pages) return send(404, { detail: 'Invalid page.' })
      const link = (n: number): string => {
        const u = new URL(`${this.url}${url.pathname}`)
        for (const [k, v] of f) if (k !== 'page') u.searchParams.set(k, v)
        u.searchParams.set('page', String(n))
        return u.toString()
      }
      return send(200, {
        count: all.length,
        next: page < pages ? link(page + 1) : null,
        previous: page > 1 ? link(page - 1) : null,
        results: all.slice((page - 1) * size, page * size).map((g) => this.public(g)),
        current_page_number: page,
        page_size: size,
        total_pages: pages
      })
    }
    const grp = /^\/api\/v1\/alert_groups\/([^/]+)\/(resolve\/)?$/.exec(url.pathname)
    if (grp) {
      const g = this.groups.find((x) => x.id === grp[1])
      if (!g) return send(404, { detail: 'Not found.' })
      if (req.method === 'GET' && !grp[2]) return send(200, this.public(g))
      if (req.method === 'POST' && grp[2]) {
        if (g.state === 'resolved') return send(400, { detail: "Can't resolve an already resolved alert group" })
        g.state = 'resolved'
        g.resolved_at = new Date().toISOString()
        return send(200, this.public(g))
      }
    }
    const obj = /^\/api\/v1\/(integrations|routes|escalation_chains|users)\/([^/]+)\/$/.exec(url.pathname)
    if (req.method === 'GET' && obj) {
      const id = obj[2]
      const kind = obj[1]
      for (const i of this.opts.integrations) {
        if (kind === 'integrations' && i.id === id)
          return send(200, { id: i.id, name: i.name, type: 'alertmanager', team_id: null, link: this.inboundUrl(i) })
        for (const r of i.routes) {
          if (kind === 'routes' && r.id === id)
            return send(200, {
              id: r.id,
              integration_id: i.id,
              escalation_chain_id: r.escalationChain.id,
              routing_regex: r.routing_regex,
              position: i.routes.indexOf(r),
              is_the_last_route: r === i.routes[i.routes.length - 1]
            })
          if (kind === 'escalation_chains' && r.escalationChain.id === id)
            return send(200, { id, name: r.escalationChain.name, team_id: null })
        }
      }
      const u = kind === 'users' ? this.opts.users.find((x) => x.id === id) : undefined
      if (u) return send(200, { id: u.id, email: u.email, username: u.username, role: 'user', is_phone_number_verified: false })
      return send(404, { detail: 'Not found.' })
    }
    return send(404, { detail: 'Not found.' })
  }

  private receive(integ: OnCallIntegration, payload: Record<string, unknown>): void {
    const key = payload.groupKey as string
    const open = this.groups.find((g) => g.integration_id === integ.id && g.groupKey === key && g.state !== 'resolved')
    const now = new Date().toISOString()
    if (payload.status === 'resolved') {
      if (open) {
        open.state = 'resolved'
        open.resolved_at = now
      }
      return
    }
    if (open) {
      open.alerts_count++
      open.last_alert = { id: oid('A'), alert_group_id: open.id, created_at: now, payload }
      return
    }
    const text = JSON.stringify(payload)
    const route =
      integ.routes.find((r) => r.routing_regex === null || new RegExp(r.routing_regex).test(text)) ?? integ.routes[integ.routes.length - 1]!
    const id = oid('I')
    const g: AlertGroup = {
      id,
      integration_id: integ.id,
      route_id: route.id,
      team_id: null,
      alerts_count: 1,
      state: 'firing',
      created_at: now,
      resolved_at: null,
      resolved_by: null,
      acknowledged_at: null,
      acknowledged_by: null,
      title: String((payload.commonAnnotations as Record<string, string> | undefined)?.summary ?? 'alert'),
      permalinks: { slack: null, telegram: null, web: `${this.url}/a/grafana-oncall-app/alert-groups/${id}` },
      silenced_at: null,
      last_alert: { id: oid('A'), alert_group_id: id, created_at: now, payload },
      groupKey: key
    }
    this.groups.push(g)
    for (const ack of this.opts.acks?.(route, payload) ?? []) {
      const t = setTimeout(() => {
        this.timers.delete(t)
        if (g.state === 'resolved') return
        const real = Date.now()
        g.state = 'acknowledged'
        g.acknowledged_at = ack.at ? ack.at(real) : new Date(real).toISOString()
        g.acknowledged_by = ack.userId
      }, ack.afterMs)
      this.timers.add(t)
    }
  }
}
