import type { AlertingConfig } from '../../../config/schema.js'
import type { RunContext } from '../../../model/monitoring-model.js'
import { BackendError } from '../../../util/errors.js'
import { authHeaders, httpRequest, redactUrl } from '../../../util/http.js'
import type { AlertTest } from '../../types.js'
import { conclude, errorMessage, newTestRecord, pollUntil, recordAcknowledgement } from '../common.js'
import type { AckSource, AlertProvider, PlannedAlertTest } from '../types.js'

type AlertmanagerConfig = NonNullable<AlertingConfig['alertmanager']>

interface GettableAlert {
  labels?: Record<string, string>
  receivers?: Array<{ name?: string }>
  status?: { state?: string; silencedBy?: string[]; inhibitedBy?: string[] }
}

/** How long to wait for Alertmanager to drop the alert after it was resolved. */
const RESOLVE_CHECK_MS = 5000

/**
 * Alertmanager v2: the synthetic alert is POSTed like any alert, so it runs through the real
 * routing tree; `GET /api/v2/alerts` tells which receivers that tree chose. Alertmanager has no
 * acknowledgement, so it is read from the on-call side through an AckSource; without one the
 * acknowledgement is reported as not verified (a failure, never a pass).
 */
export class AlertmanagerProvider implements AlertProvider {
  readonly name = 'alertmanager' as const
  private readonly base: string
  private readonly headers: Record<string, string>

  constructor(
    private readonly ctx: RunContext,
    private readonly cfg: AlertmanagerConfig,
    private readonly ack?: AckSource
  ) {
    this.base = cfg.url.replace(/\/+$/, '')
    this.headers = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...authHeaders(cfg.auth, cfg.headers, ctx.env, ctx.log, 'alertmanager')
    }
  }

  private async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; text: string }> {
    return httpRequest({
      backend: 'alertmanager',
      url: `${this.base}${path}`,
      method,
      headers: this.headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: this.cfg['timeout-seconds'] * 1000,
      retries: this.cfg.retries
    })
  }

  private async post(alert: Record<string, unknown>): Promise<void> {
    const res = await this.request('POST', '/api/v2/alerts', [alert])
    if (res.status !== 200) {
      throw new BackendError('alertmanager', `POST ${redactUrl(this.base)}/api/v2/alerts`, `HTTP ${res.status}: ${res.text.slice(0, 300)}`, res.status)
    }
  }

  /** The alert with this test id as Alertmanager holds it, if it holds it. */
  private async find(testId: string): Promise<GettableAlert | undefined> {
    const filter = encodeURIComponent(`test_id="${testId}"`)
    const path = `/api/v2/alerts?filter=${filter}`
    const res = await this.request('GET', path)
    if (res.status !== 200) throw new BackendError('alertmanager', `GET ${redactUrl(this.base)}${path}`, `HTTP ${res.status}`, res.status)
    let alerts: GettableAlert[]
    try {
      alerts = JSON.parse(res.text) as GettableAlert[]
    } catch {
      throw new BackendError('alertmanager', `GET ${redactUrl(this.base)}${path}`, 'answer is not JSON')
    }
    return Array.isArray(alerts) ? alerts.find((a) => a.labels?.test_id === testId) : undefined
  }

  async run(p: PlannedAlertTest): Promise<AlertTest> {
    const t = newTestRecord(p, this.name)
    const labels = { ...p.route.labels, alertname: p.alert_name, test_id: p.test_id, synthetic: 'true' }
    const startsAt = this.ctx.now().toISOString()
    const alert = {
      labels,
      annotations: {
        summary: `Synthetic alert test for route ${p.route.name}; please acknowledge. It resolves itself.`,
        description: `Sent by sre-monitoring (run ${this.ctx.runId}) to verify the alert path to ${p.route['expect-receiver']}.`
      },
      startsAt,
      // Expires by itself soon after the test, even if this run dies before resolving it.
      endsAt: new Date(p.deadline + 60_000).toISOString()
    }
    let posted = false
    let ackUnavailable: string | undefined
    try {
      try {
        await this.post(alert)
      } catch (err) {
        // A 4xx means Alertmanager refused this alert (e.g. the route's labels): the path is broken.
        if (err instanceof BackendError && err.status !== undefined && err.status < 500) {
          t.reason = `Alertmanager rejected the alert: ${err.message}`
          t.wait.delivery = 'completed'
          return conclude(t)
        }
        throw err
      }
      posted = true
      t.triggered_at = startsAt

      let suppressed: string | undefined
      const delivery = await pollUntil(
        async () => {
          const a = await this.find(p.test_id)
          if (!a) return undefined
          const state = a.status?.state
          if (state === 'suppressed') {
            suppressed = [...(a.status?.silencedBy ?? []).map((s) => `silence ${s}`), ...(a.status?.inhibitedBy ?? []).map((s) => `inhibited by ${s}`)].join(', ')
            return a
          }
          return state === 'active' && (a.receivers?.length ?? 0) > 0 ? a : undefined
        },
        { deadline: p.deadline, firstMs: 25, maxMs: 1000 }
      )
      t.wait.delivery = delivery.outcome
      if (delivery.outcome === 'backend_error') {
        t.status = 'error'
        t.reason = `Alertmanager stopped answering while the alert was being confirmed: ${delivery.error}`
        return conclude(t)
      }
      if (delivery.value) {
        t.actual_receivers = (delivery.value.receivers ?? []).map((r) => r.name ?? '').filter(Boolean)
        if (suppressed) {
          t.reason = `Alertmanager holds the alert but suppresses it (${suppressed || 'silenced or inhibited'}), so nobody is notified.`
          return conclude(t)
        }
        t.delivered_at = this.ctx.now().toISOString()
      }
      if (!t.delivered_at || !t.actual_receivers.includes(t.expected_receiver)) return conclude(t)

      if (!this.ack) {
        ackUnavailable =
          'Alertmanager has no acknowledgement of its own and no acknowledgement source is configured (alerting.webhook.ack-url).'
        return conclude(t, { ackUnavailable })
      }
      await recordAcknowledgement(t, this.ack, p)
      return conclude(t)
    } catch (err) {
      t.status = 'error'
      t.reason = `Alertmanager could not be reached: ${errorMessage(err)}`
      return conclude(t)
    } finally {
      if (posted) await this.resolve(alert, t)
    }
  }

  /** Re-POST with endsAt = now, then confirm Alertmanager no longer lists it as active. */
  private async resolve(alert: Record<string, unknown>, t: AlertTest): Promise<void> {
    try {
      await this.post({ ...alert, endsAt: this.ctx.now().toISOString() })
      const gone = await pollUntil(
        async () => {
          const a = await this.find(t.test_id)
          return !a || a.status?.state !== 'active' ? true : undefined
        },
        { deadline: Date.now() + RESOLVE_CHECK_MS, firstMs: 25, maxMs: 500 }
      )
      t.resolved = gone.outcome === 'completed'
      if (!t.resolved) this.ctx.log.warning(`Synthetic alert ${t.test_id} was resolved but Alertmanager still lists it as active (${gone.outcome}).`)
    } catch (err) {
      t.resolved = false
      this.ctx.log.warning(`Could not resolve synthetic alert ${t.test_id} in Alertmanager: ${errorMessage(err)}; it expires at its endsAt.`)
    }
  }
}
