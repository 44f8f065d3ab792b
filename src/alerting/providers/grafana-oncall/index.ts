import type { AlertingConfig } from '../../../config/schema.js'
import type { AlertProviderContext } from '../types.js'
import { BackendError } from '../../../util/errors.js'
import { httpRequest, redactUrl } from '../../../util/http.js'
import type { AlertAttempt } from '../../types.js'
import {
  ackWaitEnded,
  applyAcks,
  decideAttempt,
  deliveryWaitEnded,
  errorMessage,
  evidence,
  newAttempt,
  pollUntil,
  routedError,
  setRouted,
  type AckCandidate,
  unreachable
} from '../common.js'
import type { AlertProvider, PlannedAlertTest } from '../types.js'

type OnCallConfig = NonNullable<AlertingConfig['grafana-oncall']>

interface AlertGroup {
  id: string
  integration_id?: string
  route_id?: string | null
  state?: string
  created_at?: string
  acknowledged_at?: string | null
  acknowledged_by?: string | null
  resolved_at?: string | null
  title?: string
  labels?: Array<{ key?: { name?: string }; value?: { name?: string } }>
  last_alert?: { payload?: unknown }
}

interface Page<T> {
  next?: string | null
  results?: T[]
}

/** Alert-group pages read per search (newest first); a test's group is among the newest. */
const MAX_PAGES = 5
const RESOLVE_CHECK_MS = 10_000

/** Whether an alert group carries this test id: in its labels or its last alert's payload labels. */
function carries(g: AlertGroup, testId: string): boolean {
  if ((g.labels ?? []).some((l) => l.key?.name === 'test_id' && l.value?.name === testId)) return true
  const p = g.last_alert?.payload as
    | {
        labels?: Record<string, string>
        commonLabels?: Record<string, string>
        groupLabels?: Record<string, string>
        alerts?: Array<{ labels?: Record<string, string> }>
      }
    | undefined
  if (!p || typeof p !== 'object') return false
  return [p.labels, p.commonLabels, p.groupLabels, ...(Array.isArray(p.alerts) ? p.alerts.map((x) => x.labels) : [])].some(
    (l) => l?.test_id === testId
  )
}

/**
 * Grafana OnCall / Grafana Cloud IRM: the alert is sent to an integration's inbound URL in
 * Alertmanager's webhook format; its alert group is found through the alert groups API (paged);
 * routed is the escalation chain and integration it landed on; acknowledged is
 * `acknowledged_at` by a user (`acknowledged_by`, looked up by id). Resolved afterwards.
 */
export class GrafanaOnCallProvider implements AlertProvider {
  readonly name = 'grafana-oncall' as const
  private readonly api: string
  private readonly names = new Map<string, string>()

  constructor(
    private readonly ctx: AlertProviderContext,
    private readonly cfg: OnCallConfig
  ) {
    this.api = cfg['api-url'].replace(/\/+$/, '')
  }

  private secret(name: string, what: string): string {
    const v = this.ctx.env[name]
    if (!v) throw new BackendError('grafana-oncall', 'credentials', `environment variable ${name} (${what}) is not set`)
    this.ctx.log.setSecret(v)
    return v
  }

  private headers(token: string): Record<string, string> {
    return {
      Authorization: this.cfg['auth-scheme'] === 'bearer' ? `Bearer ${token}` : token,
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...(this.cfg['grafana-url'] ? { 'X-Grafana-URL': this.cfg['grafana-url'] } : {})
    }
  }

  private async get<T>(urlOrPath: string, token: string): Promise<{ status: number; body?: T; where: string }> {
    const url = urlOrPath.startsWith('http') ? urlOrPath : `${this.api}${urlOrPath}`
    // A `next` link must stay on the API's host: the token is never sent elsewhere.
    if (new URL(url).origin !== new URL(this.api).origin)
      throw new BackendError('grafana-oncall', `GET ${redactUrl(url)}`, 'pagination link points to another host')
    const where = `GET ${redactUrl(url)}`
    const res = await httpRequest({ backend: 'grafana-oncall', url, headers: this.headers(token), timeoutMs: 10_000, retries: 2 })
    if (res.status === 404) return { status: 404, where }
    if (res.status !== 200) throw new BackendError('grafana-oncall', where, `HTTP ${res.status}: ${res.text.slice(0, 200)}`, res.status)
    try {
      return { status: 200, body: JSON.parse(res.text) as T, where }
    } catch {
      throw new BackendError('grafana-oncall', where, 'answer is not JSON')
    }
  }

  private async find(testId: string, token: string): Promise<{ group?: AlertGroup; where: string }> {
    const q = this.cfg['integration-id'] ? `?integration_id=${encodeURIComponent(this.cfg['integration-id'])}` : ''
    let next: string | null | undefined = `/api/v1/alert_groups/${q}`
    let first = ''
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const r: { body?: Page<AlertGroup>; where: string } = await this.get<Page<AlertGroup>>(next, token)
      first ||= r.where
      const hit = (r.body?.results ?? []).find((g) => carries(g, testId))
      if (hit) return { group: hit, where: r.where }
      next = r.body?.next
    }
    return { where: first }
  }

  private async nameOf(
    kind: 'integrations' | 'routes' | 'escalation_chains' | 'users',
    id: string,
    token: string
  ): Promise<Record<string, unknown> | undefined> {
    try {
      const r = await this.get<Record<string, unknown>>(`/api/v1/${kind}/${encodeURIComponent(id)}/`, token)
      return r.body
    } catch {
      return undefined
    }
  }

  private async receivers(g: AlertGroup, token: string): Promise<string[]> {
    const out: string[] = []
    if (g.route_id) {
      const route = await this.nameOf('routes', g.route_id, token)
      const chain =
        typeof route?.escalation_chain_id === 'string'
          ? await this.nameOf('escalation_chains', route.escalation_chain_id, token)
          : undefined
      if (typeof chain?.name === 'string') out.push(chain.name)
    }
    if (g.integration_id) {
      const integ = await this.nameOf('integrations', g.integration_id, token)
      if (typeof integ?.name === 'string') out.push(integ.name)
    }
    return out
  }

  /** The acknowledging user's username (or email), looked up once per id. */
  private async user(id: string, token: string): Promise<string> {
    const known = this.names.get(id)
    if (known) return known
    const u = await this.nameOf('users', id, token)
    const name = typeof u?.username === 'string' && u.username ? u.username : typeof u?.email === 'string' ? u.email : id
    this.names.set(id, name)
    return name
  }

  private payload(p: PlannedAlertTest, status: 'firing' | 'resolved', startsAt: string): string {
    const now = this.ctx.now().toISOString()
    return JSON.stringify({
      version: '4',
      receiver: p.route['expect-receiver'],
      status,
      groupKey: `sre-monitoring:${p.test_id}`,
      truncatedAlerts: 0,
      groupLabels: { test_id: p.test_id },
      commonLabels: p.labels,
      commonAnnotations: { summary: `Synthetic alert test for route ${p.route.name}; please acknowledge.` },
      externalURL: 'https://github.com/sre-monitoring-action',
      alerts: [
        {
          status,
          labels: p.labels,
          annotations: { summary: `Synthetic alert test for route ${p.route.name}; please acknowledge.` },
          startsAt,
          endsAt: status === 'resolved' ? now : '0001-01-01T00:00:00Z',
          generatorURL: '',
          fingerprint: p.test_id
            .replace(/[^a-f0-9]/g, '')
            .slice(-16)
            .padStart(16, '0')
        }
      ]
    })
  }

  async run(p: PlannedAlertTest): Promise<AlertAttempt> {
    const a = newAttempt(p)
    let token: string
    let inbound: string
    try {
      token = this.secret(this.cfg['token-env'], 'API token')
      inbound = this.secret(this.cfg['integration-url-env'], 'integration URL')
    } catch (err) {
      return routedError(a, p.route.name, errorMessage(err))
    }
    let sent = false
    let group: AlertGroup | undefined
    const startsAt = this.ctx.now().toISOString()
    try {
      const res = await httpRequest({
        backend: 'grafana-oncall',
        url: inbound,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: this.payload(p, 'firing', startsAt),
        timeoutMs: 10_000,
        retries: 1
      })
      if (res.status < 200 || res.status >= 300) {
        a.facts.routed.status = res.status >= 500 ? 'error' : 'not_confirmed'
        a.facts.routed.detail = `the OnCall integration ${res.status >= 500 ? 'answered' : 'refused the alert with'} HTTP ${res.status}: ${res.text.slice(0, 200)}`
        return decideAttempt(a, p.route.name)
      }
      sent = true
      a.triggered_at = startsAt
      a.cleanup = { resolved: false, at: null, detail: 'sent; not resolved yet' }

      let where = ''
      const found = await pollUntil(
        async () => {
          const r = await this.find(p.test_id, token)
          where = r.where
          return r.group
        },
        {
          what: 'Grafana OnCall alert creation',
          deadline: p.deadline,
          firstMs: 100,
          maxMs: this.cfg['poll-seconds'] * 1000,
          signal: p.signal
        }
      )
      const ended = deliveryWaitEnded(a, found, p.route.name, 'the OnCall alert groups API')
      if (ended) return ended
      group = found.value
      if (!group) {
        a.facts.routed.status = 'not_confirmed'
        a.facts.routed.detail = `OnCall holds no alert group for test ${p.test_id} by ${new Date(p.deadline).toISOString()} (${where}, newest ${MAX_PAGES} pages)`
        return decideAttempt(a, p.route.name)
      }
      const g = group
      const createdAt = g.created_at && !Number.isNaN(Date.parse(g.created_at)) ? new Date(g.created_at).toISOString() : null
      const receivers = await this.receivers(g, token)
      const ev = evidence(
        'grafana-oncall',
        { id: g.id, state: g.state, created_at: g.created_at, integration_id: g.integration_id, route_id: g.route_id },
        where
      )
      setRouted(
        a,
        receivers,
        createdAt,
        `OnCall put alert group ${g.id} on ${receivers.length ? receivers.join(', ') : 'no named escalation chain or integration'} (route ${g.route_id ?? 'none'})`,
        [ev]
      )
      a.facts.delivered.status = 'confirmed'
      a.facts.delivered.at = createdAt ?? this.ctx.now().toISOString()
      a.facts.delivered.detail = `OnCall holds alert group ${g.id}`
      a.facts.delivered.evidence.push(ev)
      if (a.facts.routed.status !== 'confirmed') return decideAttempt(a, p.route.name)

      const acked = await pollUntil(
        async () => {
          const r = await this.get<AlertGroup>(`/api/v1/alert_groups/${encodeURIComponent(g.id)}/`, token)
          const x = r.body
          if (!x?.acknowledged_at && x?.state !== 'acknowledged') return undefined
          const cand: AckCandidate = x.acknowledged_by
            ? { at: x.acknowledged_at, by: await this.user(x.acknowledged_by, token) }
            : { at: x.acknowledged_at, by: null, notPerson: 'acknowledged_by is empty: the alert source acknowledged it' }
          return applyAcks(
            a,
            [cand],
            p.policy,
            evidence(
              'grafana-oncall',
              { state: x.state, acknowledged_at: x.acknowledged_at, acknowledged_by: x.acknowledged_by, by: cand.by },
              r.where
            )
          )
            ? true
            : undefined
        },
        { what: 'acknowledgement polling', deadline: p.deadline, firstMs: 100, maxMs: this.cfg['poll-seconds'] * 1000, signal: p.signal }
      )
      return ackWaitEnded(a, acked, p, 'the OnCall alert groups API')
    } catch (err) {
      return unreachable(a, p.route.name, 'Grafana OnCall', err)
    } finally {
      if (sent) await this.resolve(p, inbound, token, startsAt, a, group)
    }
  }

  /**
   * The integration is told the alert resolved; the alert group is resolved through the API as
   * well, then confirmed resolved.
   */
  private async resolve(
    p: PlannedAlertTest,
    inbound: string,
    token: string,
    startsAt: string,
    a: AlertAttempt,
    group?: AlertGroup
  ): Promise<void> {
    try {
      await httpRequest({
        backend: 'grafana-oncall',
        url: inbound,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: this.payload(p, 'resolved', startsAt),
        timeoutMs: 10_000,
        retries: 1
      })
      const g = group ?? (await this.find(p.test_id, token)).group
      if (!g) {
        a.cleanup = {
          resolved: true,
          at: new Date().toISOString(),
          detail: 'resolved notification sent to the integration; OnCall holds no alert group for it'
        }
        return
      }
      const url = `${this.api}/api/v1/alert_groups/${encodeURIComponent(g.id)}/resolve/`
      const res = await httpRequest({
        backend: 'grafana-oncall',
        url,
        method: 'POST',
        headers: this.headers(token),
        timeoutMs: 10_000,
        retries: 1
      })
      if (res.status !== 200 && res.status !== 400) throw new Error(`POST ${redactUrl(url)} answered HTTP ${res.status}`)
      const done = await pollUntil(
        async () => {
          const r = await this.get<AlertGroup>(`/api/v1/alert_groups/${encodeURIComponent(g.id)}/`, token)
          return !r.body || r.body.state === 'resolved' ? true : undefined
        },
        { what: 'Grafana OnCall resolve check', deadline: Date.now() + RESOLVE_CHECK_MS, firstMs: 100, maxMs: 1000 }
      )
      const ok = done.outcome === 'completed'
      a.cleanup = {
        resolved: ok,
        at: new Date().toISOString(),
        detail: ok ? `OnCall alert group ${g.id} resolved` : `resolve requested, alert group ${g.id} not resolved yet (${done.outcome})`
      }
    } catch (err) {
      a.cleanup = {
        resolved: false,
        at: new Date().toISOString(),
        detail: `could not be resolved: ${errorMessage(err)}; resolve it by hand`
      }
      this.ctx.log.warning(`Could not resolve the synthetic OnCall alert group of ${a.test_id}: ${errorMessage(err)}; resolve it by hand.`)
    }
  }
}
