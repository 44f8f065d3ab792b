import type { AlertingConfig } from '../../../config/schema.js'
import type { AlertProviderContext } from '../types.js'
import { BackendError } from '../../../util/errors.js'
import { httpRequest, redactUrl } from '../../../util/http.js'
import { isObject } from '../../../util/json.js'
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
  unreachable
} from '../common.js'
import type { AlertProvider, PlannedAlertTest } from '../types.js'

type OpsgenieConfig = NonNullable<AlertingConfig['opsgenie']>

interface OpsgenieAlert {
  id?: string
  alias?: string
  status?: string
  acknowledged?: boolean
  createdAt?: string
  responders?: Array<{ type?: string; id?: string; name?: string }>
  integration?: { id?: string; name?: string; type?: string }
  report?: { ackTime?: number; acknowledgedBy?: string; closeTime?: number; closedBy?: string }
}

const RESOLVE_CHECK_MS = 10_000

/** Opsgenie priority from the route's severity label. */
export function opsgeniePriority(severity: string | undefined): 'P1' | 'P2' | 'P3' | 'P4' | 'P5' {
  const s = (severity ?? '').toLowerCase()
  if (/^p[1-5]$/.test(s)) return s.toUpperCase() as 'P1'
  if (s === 'critical' || s === 'page') return 'P1'
  if (s === 'error') return 'P2'
  if (s === 'warning' || s === 'ticket') return 'P3'
  if (s === 'info') return 'P5'
  return 'P1'
}

/**
 * Opsgenie Alert API: the alert is created with the test id as its alias; routed is the teams
 * Opsgenie made responders; delivered is Opsgenie holding the alert (found by alias); the
 * acknowledgement is `acknowledged` with `report.ackTime` (ms after createdAt) and
 * `report.acknowledgedBy`. The alert is always closed afterwards.
 */
export class OpsgenieProvider implements AlertProvider {
  readonly name = 'opsgenie' as const
  private readonly api: string
  private readonly teams = new Map<string, string>()

  constructor(
    private readonly ctx: AlertProviderContext,
    private readonly cfg: OpsgenieConfig
  ) {
    this.api = cfg['api-url'].replace(/\/+$/, '')
  }

  private key(): string {
    const v = this.ctx.env[this.cfg['api-key-env']]
    if (!v) throw new BackendError('opsgenie', 'credentials', `environment variable ${this.cfg['api-key-env']} (API key) is not set`)
    this.ctx.log.setSecret(v)
    return v
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    key: string,
    body?: unknown
  ): Promise<{ status: number; json: Record<string, unknown>; where: string }> {
    const url = `${this.api}${path}`
    const where = `${method} ${redactUrl(url)}`
    const res = await httpRequest({
      backend: 'opsgenie',
      url,
      method,
      headers: {
        Authorization: `GenieKey ${key}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: 10_000,
      retries: 2
    })
    let json: Record<string, unknown> = {}
    try {
      json = JSON.parse(res.text) as Record<string, unknown>
    } catch {
      if (res.status < 500) throw new BackendError('opsgenie', where, `HTTP ${res.status}, answer is not JSON`, res.status)
    }
    if (res.status === 401 || res.status === 403 || res.status === 429 || res.status >= 500) {
      throw new BackendError('opsgenie', where, `HTTP ${res.status}: ${String(json.message ?? res.text).slice(0, 200)}`, res.status)
    }
    return { status: res.status, json, where }
  }

  private async alert(alias: string, key: string): Promise<{ alert?: OpsgenieAlert; where: string }> {
    const r = await this.call('GET', `/v2/alerts/${encodeURIComponent(alias)}?identifierType=alias`, key)
    if (r.status === 404) return { where: r.where }
    if (r.status !== 200) throw new BackendError('opsgenie', r.where, `HTTP ${r.status}: ${String(r.json.message ?? '')}`, r.status)
    const data = r.json.data as OpsgenieAlert | undefined
    return { alert: data && data.alias === alias ? data : undefined, where: r.where }
  }

  private async teamName(id: string, key: string): Promise<string> {
    const known = this.teams.get(id)
    if (known) return known
    try {
      const r = await this.call('GET', `/v2/teams/${encodeURIComponent(id)}?identifierType=id`, key)
      const name = (r.json.data as { name?: string } | undefined)?.name
      if (r.status === 200 && name) {
        this.teams.set(id, name)
        return name
      }
    } catch {
      /* the id stands in for the name */
    }
    return id
  }

  async run(p: PlannedAlertTest): Promise<AlertAttempt> {
    const a = newAttempt(p)
    let key: string
    try {
      key = this.key()
    } catch (err) {
      return routedError(a, p.route.name, errorMessage(err))
    }
    const alias = p.test_id
    let created = false
    try {
      const sentAt = this.ctx.now().toISOString()
      const res = await this.call('POST', '/v2/alerts', key, {
        message: `Synthetic alert test for route ${p.route.name}`.slice(0, 130),
        alias,
        description: `Sent by sre-monitoring (run ${this.ctx.runId}) to verify the alert path to ${p.route['expect-receiver']}; please acknowledge. It closes itself.`,
        tags: Object.entries(p.labels)
          .map(([k, v]) => `${k}:${v}`.slice(0, 50))
          .slice(0, 20),
        details: p.labels,
        source: 'sre-monitoring-action',
        priority: opsgeniePriority(p.labels.severity)
      })
      if (res.status !== 202) {
        const errors = isObject(res.json.errors) ? Object.values(res.json.errors).map(String).join('; ') : ''
        a.facts.routed.status = 'not_confirmed'
        a.facts.routed.detail = `Opsgenie rejected the alert (HTTP ${res.status}): ${String(res.json.message ?? '').slice(0, 200)}${errors ? ` ${errors.slice(0, 300)}` : ''}`
        return decideAttempt(a, p.route.name)
      }
      created = true
      a.triggered_at = sentAt
      a.cleanup = { resolved: false, at: null, detail: 'created; not closed yet' }

      let where = ''
      const found = await pollUntil(
        async () => {
          const r = await this.alert(alias, key)
          where = r.where
          return r.alert
        },
        { what: 'Opsgenie alert creation', deadline: p.deadline, firstMs: 100, maxMs: this.cfg['poll-seconds'] * 1000, signal: p.signal }
      )
      const ended = deliveryWaitEnded(a, found, p.route.name, 'Opsgenie Alert API')
      if (ended) return ended
      const al = found.value
      if (!al) {
        a.facts.routed.status = 'not_confirmed'
        a.facts.routed.detail = `Opsgenie holds no alert with alias ${alias} by ${new Date(p.deadline).toISOString()} (${where})`
        return decideAttempt(a, p.route.name)
      }
      const createdAt = al.createdAt && !Number.isNaN(Date.parse(al.createdAt)) ? new Date(al.createdAt).toISOString() : null
      const teams = await Promise.all(
        (al.responders ?? [])
          .filter((r) => r.type === 'team' && (r.id || r.name))
          .map((r) => (r.name ? Promise.resolve(r.name) : this.teamName(r.id!, key)))
      )
      const ev = evidence(
        'opsgenie',
        { id: al.id, status: al.status, createdAt: al.createdAt, responders: al.responders, integration: al.integration?.name },
        where
      )
      setRouted(
        a,
        teams,
        createdAt,
        `Opsgenie made ${teams.length ? `team ${teams.join(', ')}` : 'no team'} responder for alert ${al.id ?? alias}`,
        [ev]
      )
      a.facts.delivered.status = 'confirmed'
      a.facts.delivered.at = createdAt ?? this.ctx.now().toISOString()
      a.facts.delivered.detail = `Opsgenie holds alert ${al.id ?? '?'} with alias ${alias}`
      a.facts.delivered.evidence.push(ev)
      if (a.facts.routed.status !== 'confirmed') return decideAttempt(a, p.route.name)

      const acked = await pollUntil(
        async () => {
          const r = await this.alert(alias, key)
          const x = r.alert
          if (!x?.acknowledged) return undefined
          const base = Date.parse(x.createdAt ?? '')
          const at = typeof x.report?.ackTime === 'number' && Number.isFinite(base) ? base + x.report.ackTime : undefined
          const cand = { at, by: x.report?.acknowledgedBy }
          return applyAcks(
            a,
            [cand],
            p.policy,
            evidence('opsgenie', { acknowledged: x.acknowledged, createdAt: x.createdAt, report: x.report }, r.where)
          )
            ? true
            : undefined
        },
        { what: 'acknowledgement polling', deadline: p.deadline, firstMs: 100, maxMs: this.cfg['poll-seconds'] * 1000, signal: p.signal }
      )
      return ackWaitEnded(a, acked, p, 'Opsgenie Alert API')
    } catch (err) {
      return unreachable(a, p.route.name, 'Opsgenie', err)
    } finally {
      if (created) await this.close(alias, key, a)
    }
  }

  /** Close by alias, then confirm Opsgenie shows it closed. */
  private async close(alias: string, key: string, a: AlertAttempt): Promise<void> {
    try {
      const r = await this.call('POST', `/v2/alerts/${encodeURIComponent(alias)}/close?identifierType=alias`, key, {
        source: 'sre-monitoring-action',
        note: 'Synthetic alert test finished.'
      })
      if (r.status !== 202) throw new Error(`close answered HTTP ${r.status}: ${String(r.json.message ?? '')}`)
      const done = await pollUntil(
        async () => {
          const x = await this.alert(alias, key)
          return !x.alert || x.alert.status === 'closed' ? true : undefined
        },
        { what: 'Opsgenie resolve check', deadline: Date.now() + RESOLVE_CHECK_MS, firstMs: 100, maxMs: 1000 }
      )
      const ok = done.outcome === 'completed'
      a.cleanup = {
        resolved: ok,
        at: new Date().toISOString(),
        detail: ok ? `Opsgenie alert ${alias} closed` : `close requested, Opsgenie does not show it closed yet (${done.outcome})`
      }
    } catch (err) {
      a.cleanup = { resolved: false, at: new Date().toISOString(), detail: `could not be closed: ${errorMessage(err)}; close it by hand` }
      this.ctx.log.warning(`Could not close synthetic Opsgenie alert ${alias}: ${errorMessage(err)}; close it by hand.`)
    }
  }
}
