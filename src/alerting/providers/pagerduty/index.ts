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
  unreachable
} from '../common.js'
import type { AlertProvider, PlannedAlertTest } from '../types.js'

type PagerDutyConfig = NonNullable<AlertingConfig['pagerduty']>

interface Reference {
  id?: string
  type?: string
  summary?: string
}

interface Incident {
  id: string
  incident_key?: string
  status?: string
  created_at?: string
  service?: Reference
  escalation_policy?: Reference
  assignments?: Array<{ assignee?: Reference }>
}

interface LogEntry {
  id?: string
  type?: string
  created_at?: string
  agent?: Reference
}

const PD_SEVERITIES = new Set(['critical', 'error', 'warning', 'info'])

/** PagerDuty event severity from the route's severity label (page -> critical, ticket -> warning). */
export function pagerDutySeverity(label: string | undefined): 'critical' | 'error' | 'warning' | 'info' {
  const s = (label ?? '').toLowerCase()
  if (PD_SEVERITIES.has(s)) return s as 'critical' | 'error' | 'warning' | 'info'
  if (s === 'ticket') return 'warning'
  return 'critical'
}

/** How long to wait for the resolved incident after the resolve event. */
const RESOLVE_CHECK_MS = 10_000
const MAX_LOG_PAGES = 10

/**
 * PagerDuty: an Events API v2 trigger, the incident found through the REST API by its incident
 * key, the trigger time and the first acknowledgement by a person from its log entries (an
 * automatic acknowledgement by a service or integration does not count), and always a resolve.
 */
export class PagerDutyProvider implements AlertProvider {
  readonly name = 'pagerduty' as const
  private readonly events: string
  private readonly api: string

  constructor(
    private readonly ctx: AlertProviderContext,
    private readonly cfg: PagerDutyConfig
  ) {
    this.events = cfg['events-url'].replace(/\/+$/, '')
    this.api = cfg['api-url'].replace(/\/+$/, '')
  }

  private secret(name: string, what: string): string {
    const v = this.ctx.env[name]
    if (!v) throw new BackendError('pagerduty', 'credentials', `environment variable ${name} (${what}) is not set`)
    this.ctx.log.setSecret(v)
    return v
  }

  private async enqueue(body: Record<string, unknown>): Promise<{ status: number; text: string }> {
    return httpRequest({
      backend: 'pagerduty',
      url: `${this.events}/v2/enqueue`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      timeoutMs: 10_000,
      retries: 2
    })
  }

  private async rest<T>(path: string, token: string): Promise<T> {
    const url = `${this.api}${path}`
    const res = await httpRequest({
      backend: 'pagerduty',
      url,
      headers: { Authorization: `Token token=${token}`, Accept: 'application/vnd.pagerduty+json;version=2' },
      timeoutMs: 10_000,
      retries: 2
    })
    if (res.status !== 200)
      throw new BackendError('pagerduty', `GET ${redactUrl(url)}`, `HTTP ${res.status}: ${res.text.slice(0, 200)}`, res.status)
    try {
      return JSON.parse(res.text) as T
    } catch {
      throw new BackendError('pagerduty', `GET ${redactUrl(url)}`, 'answer is not JSON')
    }
  }

  private async incident(dedupKey: string, token: string): Promise<Incident | undefined> {
    const body = await this.rest<{ incidents?: Incident[] }>(`/incidents?incident_key=${encodeURIComponent(dedupKey)}`, token)
    return (body.incidents ?? []).find((i) => i.incident_key === dedupKey)
  }

  private async logEntries(id: string, token: string): Promise<LogEntry[]> {
    const out: LogEntry[] = []
    for (let page = 0, offset = 0; page < MAX_LOG_PAGES; page++) {
      const body = await this.rest<{ log_entries?: LogEntry[]; more?: boolean }>(
        `/incidents/${encodeURIComponent(id)}/log_entries?limit=100&offset=${offset}`,
        token
      )
      const entries = body.log_entries ?? []
      out.push(...entries)
      if (!body.more || entries.length === 0) break
      offset += entries.length
    }
    return out.sort((a, b) => Date.parse(a.created_at ?? '') - Date.parse(b.created_at ?? ''))
  }

  async run(p: PlannedAlertTest): Promise<AlertAttempt> {
    const a = newAttempt(p)
    let routingKey: string
    let token: string
    try {
      routingKey = this.secret(this.cfg['routing-key-env'], 'routing key')
      token = this.secret(this.cfg['api-token-env'], 'REST API token')
    } catch (err) {
      return routedError(a, p.route.name, errorMessage(err))
    }
    const dedupKey = p.test_id
    let triggered = false
    let incidentId: string | undefined
    try {
      const sentAt = this.ctx.now().toISOString()
      const res = await this.enqueue({
        routing_key: routingKey,
        event_action: 'trigger',
        dedup_key: dedupKey,
        payload: {
          summary: `Synthetic alert test for route ${p.route.name}; please acknowledge. It resolves itself.`,
          source: 'sre-monitoring-action',
          severity: pagerDutySeverity(p.labels.severity),
          custom_details: { test_id: p.test_id, route: p.route.name, run: this.ctx.runId, labels: p.labels }
        }
      })
      if (res.status === 429 || res.status >= 500) {
        return routedError(a, p.route.name, `PagerDuty Events API answered HTTP ${res.status}`)
      }
      if (res.status !== 202) {
        let detail = res.text.slice(0, 300)
        try {
          const b = JSON.parse(res.text) as { message?: string; errors?: string[] }
          detail = [b.message, ...(b.errors ?? [])].filter(Boolean).join('; ')
        } catch {
          /* keep the raw text */
        }
        a.facts.routed.status = 'not_confirmed'
        a.facts.routed.detail = `PagerDuty rejected the event (HTTP ${res.status}): ${detail}`
        return decideAttempt(a, p.route.name)
      }
      triggered = true
      a.triggered_at = sentAt
      a.cleanup = { resolved: false, at: null, detail: 'triggered; not resolved yet' }

      const search = `GET ${redactUrl(this.api)}/incidents?incident_key=${encodeURIComponent(dedupKey)}`
      const found = await pollUntil(() => this.incident(dedupKey, token), {
        what: 'PagerDuty alert creation',
        deadline: p.deadline,
        firstMs: 100,
        maxMs: this.cfg['poll-seconds'] * 1000,
        signal: p.signal
      })
      const ended = deliveryWaitEnded(a, found, p.route.name, 'PagerDuty REST API')
      if (ended) return ended
      const incident = found.value
      if (!incident) {
        a.facts.routed.status = 'not_confirmed'
        a.facts.routed.detail = `no incident with incident_key ${dedupKey} by ${new Date(p.deadline).toISOString()} (is the routing key an active integration?)`
        return decideAttempt(a, p.route.name)
      }
      incidentId = incident.id
      const receivers = [
        incident.service?.summary,
        incident.escalation_policy?.summary,
        ...(incident.assignments ?? []).map((x) => x.assignee?.summary)
      ].filter((x): x is string => !!x)
      const ev = evidence(
        'pagerduty',
        {
          id: incident.id,
          status: incident.status,
          created_at: incident.created_at,
          service: incident.service?.summary,
          escalation_policy: incident.escalation_policy?.summary,
          assignees: (incident.assignments ?? []).map((x) => x.assignee?.summary)
        },
        search
      )
      const createdAt =
        incident.created_at && !Number.isNaN(Date.parse(incident.created_at)) ? new Date(incident.created_at).toISOString() : null
      setRouted(
        a,
        receivers,
        createdAt,
        `PagerDuty opened incident ${incident.id} on service "${incident.service?.summary ?? '?'}", escalation policy "${incident.escalation_policy?.summary ?? '?'}"`,
        [ev]
      )
      a.facts.delivered.status = 'confirmed'
      a.facts.delivered.at = createdAt ?? this.ctx.now().toISOString()
      a.facts.delivered.detail = `PagerDuty holds incident ${incident.id} for dedup key ${dedupKey}`
      a.facts.delivered.evidence.push(ev)
      if (a.facts.routed.status !== 'confirmed') return decideAttempt(a, p.route.name)

      const logs = `GET ${redactUrl(this.api)}/incidents/${incident.id}/log_entries`
      const acked = await pollUntil(
        async () => {
          const entries = await this.logEntries(incident.id, token)
          const trigger = entries.find((e) => e.type === 'trigger_log_entry')
          if (trigger?.created_at && !Number.isNaN(Date.parse(trigger.created_at)))
            a.triggered_at = new Date(trigger.created_at).toISOString()
          const acks = entries
            .filter((e) => e.type === 'acknowledge_log_entry')
            .map((e) => ({
              at: e.created_at,
              by: e.agent?.summary,
              ...(e.agent?.type !== 'user_reference'
                ? { notPerson: `${e.agent?.type ?? 'no agent'}${e.agent?.summary ? `: ${e.agent.summary}` : ''}` }
                : {})
            }))
          return applyAcks(a, acks, p.policy, evidence('pagerduty', acks, logs)) ? true : undefined
        },
        { what: 'acknowledgement polling', deadline: p.deadline, firstMs: 100, maxMs: this.cfg['poll-seconds'] * 1000, signal: p.signal }
      )
      return ackWaitEnded(a, acked, p, 'PagerDuty log entries')
    } catch (err) {
      return unreachable(a, p.route.name, 'PagerDuty', err)
    } finally {
      if (triggered) await this.resolve(dedupKey, routingKey, token, a, incidentId)
    }
  }

  private async resolve(dedupKey: string, routingKey: string, token: string, a: AlertAttempt, incidentId?: string): Promise<void> {
    try {
      const res = await this.enqueue({ routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey })
      if (res.status !== 202) throw new Error(`resolve event answered HTTP ${res.status}`)
      const done = await pollUntil(
        async () => {
          const i = await this.incident(dedupKey, token)
          return !i || i.status === 'resolved' ? true : undefined
        },
        { what: 'PagerDuty resolve check', deadline: Date.now() + RESOLVE_CHECK_MS, firstMs: 100, maxMs: 1000 }
      )
      const ok = done.outcome === 'completed'
      a.cleanup = {
        resolved: ok,
        at: new Date().toISOString(),
        detail: ok
          ? `incident ${incidentId ?? dedupKey} resolved (Events API resolve)`
          : `resolve sent, incident not resolved yet (${done.outcome})`
      }
      if (!ok) this.ctx.log.warning(`Synthetic PagerDuty incident ${dedupKey} is not resolved yet (${done.outcome}).`)
    } catch (err) {
      a.cleanup = {
        resolved: false,
        at: new Date().toISOString(),
        detail: `could not be resolved: ${errorMessage(err)}; resolve it by hand`
      }
      this.ctx.log.warning(`Could not resolve synthetic PagerDuty incident ${dedupKey}: ${errorMessage(err)}; resolve it by hand.`)
    }
  }
}
