import type { AlertingConfig } from '../../../config/schema.js'
import type { RunContext } from '../../../model/monitoring-model.js'
import { BackendError } from '../../../util/errors.js'
import { httpRequest, redactUrl } from '../../../util/http.js'
import type { AlertTest } from '../../types.js'
import { conclude, errorMessage, newTestRecord, pollUntil } from '../common.js'
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
    private readonly ctx: RunContext,
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
    if (res.status !== 200) throw new BackendError('pagerduty', `GET ${redactUrl(url)}`, `HTTP ${res.status}: ${res.text.slice(0, 200)}`, res.status)
    try {
      return JSON.parse(res.text) as T
    } catch {
      throw new BackendError('pagerduty', `GET ${redactUrl(url)}`, 'answer is not JSON')
    }
  }

  private async incident(dedupKey: string, token: string): Promise<Incident | undefined> {
    const body = await this.rest<{ incidents?: Incident[] }>(`/incidents?incident_key=${encodeURIComponent(dedupKey)}`, token)
    return (body.incidents ?? []).find((i) => i.incident_key === undefined || i.incident_key === dedupKey)
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

  async run(p: PlannedAlertTest): Promise<AlertTest> {
    const t = newTestRecord(p, this.name)
    let routingKey: string | undefined
    let token: string
    try {
      routingKey = this.secret(this.cfg['routing-key-env'], 'routing key')
      token = this.secret(this.cfg['api-token-env'], 'REST API token')
    } catch (err) {
      t.status = 'error'
      t.reason = errorMessage(err)
      return conclude(t)
    }
    const dedupKey = p.test_id
    let triggered = false
    try {
      const sentAt = this.ctx.now().toISOString()
      const res = await this.enqueue({
        routing_key: routingKey,
        event_action: 'trigger',
        dedup_key: dedupKey,
        payload: {
          summary: `Synthetic alert test for route ${p.route.name}; please acknowledge. It resolves itself.`,
          source: 'sre-monitoring-action',
          severity: pagerDutySeverity(p.route.labels.severity),
          custom_details: { test_id: p.test_id, route: p.route.name, run: this.ctx.runId, labels: p.route.labels }
        }
      })
      if (res.status === 429 || res.status >= 500) {
        t.status = 'error'
        t.reason = `PagerDuty Events API answered HTTP ${res.status}.`
        return conclude(t)
      }
      if (res.status !== 202) {
        let detail = res.text.slice(0, 300)
        try {
          const b = JSON.parse(res.text) as { message?: string; errors?: string[] }
          detail = [b.message, ...(b.errors ?? [])].filter(Boolean).join('; ')
        } catch {
          /* keep the raw text */
        }
        t.wait.delivery = 'completed'
        t.reason = `PagerDuty rejected the event (HTTP ${res.status}): ${detail}`
        return conclude(t)
      }
      triggered = true
      t.triggered_at = sentAt

      const found = await pollUntil(() => this.incident(dedupKey, token), {
        deadline: p.deadline,
        firstMs: 100,
        maxMs: this.cfg['poll-seconds'] * 1000
      })
      t.wait.delivery = found.outcome
      if (found.outcome === 'backend_error') {
        t.status = 'error'
        t.reason = `PagerDuty REST API could not be read: ${found.error}`
        return conclude(t)
      }
      const incident = found.value
      if (!incident) {
        t.reason = 'No incident was opened for the event (is the routing key an active integration?).'
        return conclude(t)
      }
      t.delivered_at = this.ctx.now().toISOString()
      t.actual_receivers = [
        incident.service?.summary,
        incident.escalation_policy?.summary,
        ...(incident.assignments ?? []).map((a) => a.assignee?.summary)
      ].filter((x): x is string => !!x)

      let automatic: LogEntry | undefined
      const acked = await pollUntil(
        async () => {
          const entries = await this.logEntries(incident.id, token)
          const trigger = entries.find((e) => e.type === 'trigger_log_entry')
          if (trigger?.created_at) t.triggered_at = new Date(trigger.created_at).toISOString()
          const acks = entries.filter((e) => e.type === 'acknowledge_log_entry')
          automatic ??= acks.find((e) => e.agent?.type !== 'user_reference')
          return acks.find((e) => e.agent?.type === 'user_reference' && e.created_at)
        },
        { deadline: t.actual_receivers.includes(t.expected_receiver) ? p.deadline : Date.now(), firstMs: 100, maxMs: this.cfg['poll-seconds'] * 1000 }
      )
      t.wait.acknowledgement = acked.outcome
      if (acked.outcome === 'backend_error') {
        t.status = 'error'
        t.reason = `PagerDuty log entries could not be read: ${acked.error}`
      }
      if (acked.value) {
        t.acknowledged_at = new Date(acked.value.created_at!).toISOString()
        if (acked.value.agent?.summary) t.acknowledged_by = acked.value.agent.summary
      } else if (automatic) {
        t.reason = `Only an automatic acknowledgement was seen (${automatic.agent?.type ?? 'no agent'}${automatic.agent?.summary ? `: ${automatic.agent.summary}` : ''}); a person must acknowledge.`
      }
      return conclude(t)
    } catch (err) {
      t.status = 'error'
      t.reason = `PagerDuty could not be reached: ${errorMessage(err)}`
      return conclude(t)
    } finally {
      if (triggered) await this.resolve(dedupKey, routingKey, token, t)
    }
  }

  private async resolve(dedupKey: string, routingKey: string, token: string, t: AlertTest): Promise<void> {
    try {
      const res = await this.enqueue({ routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey })
      if (res.status !== 202) throw new Error(`resolve event answered HTTP ${res.status}`)
      const done = await pollUntil(
        async () => {
          const i = await this.incident(dedupKey, token)
          return !i || i.status === 'resolved' ? true : undefined
        },
        { deadline: Date.now() + RESOLVE_CHECK_MS, firstMs: 100, maxMs: 1000 }
      )
      t.resolved = done.outcome === 'completed'
      if (!t.resolved) this.ctx.log.warning(`Synthetic PagerDuty incident ${dedupKey} is not resolved yet (${done.outcome}).`)
    } catch (err) {
      t.resolved = false
      this.ctx.log.warning(`Could not resolve synthetic PagerDuty incident ${dedupKey}: ${errorMessage(err)}; resolve it by hand.`)
    }
  }
}
