import type { AlertingConfig } from '../../../config/schema.js'
import type { AlertProviderContext } from '../types.js'
import { BackendError } from '../../../util/errors.js'
import { authHeaders, httpRequest, redactUrl } from '../../../util/http.js'
import type { AlertAttempt } from '../../types.js'
import { watchOnCall } from '../ack-source.js'
import { decideAttempt, errorMessage, evidence, newAttempt, pollUntil, routedError, setRouted, unreachable } from '../common.js'
import type { AckSource, AlertProvider, PlannedAlertTest } from '../types.js'
import { counterDelta, parseNotificationCounters, type NotificationCounters } from './metrics.js'
import { parseRunningConfig, routeReceivers, type RunningConfig } from './routing.js'

type AlertmanagerConfig = NonNullable<AlertingConfig['alertmanager']>

interface GettableAlert {
  labels?: Record<string, string>
  receivers?: Array<{ name?: string }>
  startsAt?: string
  updatedAt?: string
  status?: { state?: string; silencedBy?: string[]; inhibitedBy?: string[] }
}

/** How long to wait for Alertmanager to drop the alert after it was resolved. */
const RESOLVE_CHECK_MS = 5000
export const ROUTE_CHECK_METHOD =
  "the running config's route tree (GET /api/v2/status config.original), matched as `amtool config routes test` does"

/**
 * Alertmanager v2: the synthetic alert is POSTed like any alert, so it runs through the real
 * routing tree. Routed: the receivers `GET /api/v2/alerts` lists, checked against the running
 * config. Delivered and acknowledged: only what the on-call side reports (the AckSource); the
 * notification counters on /metrics are kept as supporting evidence, never as a delivery.
 */
export class AlertmanagerProvider implements AlertProvider {
  readonly name = 'alertmanager' as const
  private readonly base: string
  private readonly headers: Record<string, string>
  private running?: Promise<RunningConfig | string>

  constructor(
    private readonly ctx: AlertProviderContext,
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

  private async request(method: 'GET' | 'POST', path: string, body?: unknown, accept?: string): Promise<{ status: number; text: string }> {
    return httpRequest({
      backend: 'alertmanager',
      url: `${this.base}${path}`,
      method,
      headers: accept ? { ...this.headers, Accept: accept } : this.headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: this.cfg['timeout-seconds'] * 1000,
      retries: this.cfg.retries
    })
  }

  private where(method: string, path: string): string {
    return `${method} ${redactUrl(this.base)}${path}`
  }

  private async post(alert: Record<string, unknown>): Promise<void> {
    const res = await this.request('POST', '/api/v2/alerts', [alert])
    if (res.status !== 200)
      throw new BackendError(
        'alertmanager',
        this.where('POST', '/api/v2/alerts'),
        `HTTP ${res.status}: ${res.text.slice(0, 300)}`,
        res.status
      )
  }

  private filterPath(testId: string): string {
    return `/api/v2/alerts?filter=${encodeURIComponent(`test_id="${testId}"`)}`
  }

  /** The alert with this test id as Alertmanager holds it, if it holds it. */
  private async find(testId: string): Promise<GettableAlert | undefined> {
    const path = this.filterPath(testId)
    const res = await this.request('GET', path)
    if (res.status !== 200) throw new BackendError('alertmanager', this.where('GET', path), `HTTP ${res.status}`, res.status)
    let alerts: GettableAlert[]
    try {
      alerts = JSON.parse(res.text) as GettableAlert[]
    } catch {
      throw new BackendError('alertmanager', this.where('GET', path), 'answer is not JSON')
    }
    return Array.isArray(alerts) ? alerts.find((a) => a.labels?.test_id === testId) : undefined
  }

  /** The running config, read once per run; a string says why it could not be used. */
  private runningConfig(): Promise<RunningConfig | string> {
    this.running ??= (async () => {
      try {
        const res = await this.request('GET', '/api/v2/status')
        if (res.status !== 200) return `GET /api/v2/status answered HTTP ${res.status}`
        const original = (JSON.parse(res.text) as { config?: { original?: string } }).config?.original
        if (!original) return 'GET /api/v2/status has no config.original'
        return parseRunningConfig(original)
      } catch (err) {
        return `the running config could not be read: ${errorMessage(err)}`
      }
    })()
    return this.running
  }

  private async counters(): Promise<NotificationCounters | undefined> {
    try {
      const res = await this.request('GET', '/metrics', undefined, 'text/plain')
      return res.status === 200 ? parseNotificationCounters(res.text) : undefined
    } catch {
      return undefined
    }
  }

  async run(p: PlannedAlertTest): Promise<AlertAttempt> {
    const a = newAttempt(p)
    const startsAt = this.ctx.now().toISOString()
    const alert = {
      labels: p.labels,
      annotations: {
        summary: `Synthetic alert test for route ${p.route.name}; please acknowledge. It resolves itself.`,
        description: `Sent by sre-monitoring (run ${this.ctx.runId}) to verify the alert path to ${p.route['expect-receiver']}.`
      },
      startsAt,
      // Expires by itself soon after the test, even if this run dies before resolving it.
      endsAt: new Date(p.deadline + 60_000).toISOString()
    }
    const [running, before] = await Promise.all([this.runningConfig(), this.counters()])
    let posted = false
    try {
      try {
        await this.post(alert)
      } catch (err) {
        // A 4xx means Alertmanager refused this alert (e.g. its labels): the path is broken.
        if (err instanceof BackendError && err.status !== undefined && err.status < 500) {
          a.facts.routed.status = 'not_confirmed'
          a.facts.routed.detail = `Alertmanager rejected the alert: ${err.message}`
          return decideAttempt(a, p.route.name)
        }
        throw err
      }
      posted = true
      a.triggered_at = startsAt
      a.cleanup = { resolved: false, at: null, detail: 'sent; not resolved yet' }

      let suppressed: string | undefined
      const path = this.filterPath(p.test_id)
      const seen = await pollUntil(
        async () => {
          const x = await this.find(p.test_id)
          if (!x) return undefined
          if (x.status?.state === 'suppressed') {
            suppressed = [
              ...(x.status?.silencedBy ?? []).map((s) => `silence ${s}`),
              ...(x.status?.inhibitedBy ?? []).map((s) => `inhibited by ${s}`)
            ].join(', ')
            return x
          }
          return x.status?.state === 'active' && (x.receivers?.length ?? 0) > 0 ? x : undefined
        },
        { what: 'Alertmanager routing (group wait)', deadline: p.deadline, firstMs: 25, maxMs: 1000, signal: p.signal }
      )
      if (seen.outcome === 'cancelled') return this.cancelled(a, p)
      if (seen.outcome === 'backend_error')
        return routedError(a, p.route.name, `Alertmanager stopped answering while the alert was being confirmed: ${seen.error}`)
      const r = a.facts.routed
      if (!seen.value) {
        r.status = 'not_confirmed'
        r.detail = `Alertmanager did not list the alert as active with a receiver by ${new Date(p.deadline).toISOString()} (${this.where('GET', path)})`
        return decideAttempt(a, p.route.name)
      }
      const receivers = (seen.value.receivers ?? []).map((x) => x.name ?? '').filter(Boolean)
      const ev = [evidence('alertmanager', { state: seen.value.status?.state, receivers }, this.where('GET', path))]
      let detail = `Alertmanager's routing tree chose ${receivers.join(', ') || 'no receiver'} (GET /api/v2/alerts)`
      if (typeof running === 'string') {
        detail += `; not checked against the running config: ${running}`
      } else {
        try {
          r.config_receivers = routeReceivers(running, p.labels)
          r.method = ROUTE_CHECK_METHOD
          const agree = r.config_receivers.length === receivers.length && r.config_receivers.every((x) => receivers.includes(x))
          detail += agree
            ? `; the running config routes these labels to ${r.config_receivers.join(', ')} as well`
            : `; the running config routes these labels to ${r.config_receivers.join(', ') || 'no receiver'}`
        } catch (err) {
          detail += `; not checked against the running config: ${errorMessage(err)}`
        }
      }
      setRouted(a, receivers, startsAt, detail, ev)
      if (suppressed) {
        r.status = 'not_confirmed'
        r.detail = `Alertmanager holds the alert but suppresses it (${suppressed || 'silenced or inhibited'}), so nobody is notified`
        return decideAttempt(a, p.route.name)
      }
      if (r.status !== 'confirmed') return decideAttempt(a, p.route.name)

      if (!this.ack) {
        a.facts.delivered.status = 'not_confirmed'
        a.facts.delivered.detail =
          'Alertmanager only says where it routes an alert; no on-call side is configured to confirm delivery (alerting.webhook.ack-url)'
      } else {
        await watchOnCall(a, this.ack, p)
        if (p.signal.aborted) return this.cancelled(a, p)
      }
      const after = await this.counters()
      if (before && after && typeof running !== 'string') {
        const integrations = running.integrations.get(p.route['expect-receiver']) ?? []
        a.facts.delivered.supporting = counterDelta(before, after, integrations, p.route['expect-receiver']).map((text) =>
          evidence('alertmanager /metrics', text, this.where('GET', '/metrics'))
        )
      }
      return decideAttempt(a, p.route.name)
    } catch (err) {
      return unreachable(a, p.route.name, 'Alertmanager', err)
    } finally {
      if (posted) await this.resolve(alert, a)
    }
  }

  private cancelled(a: AlertAttempt, p: PlannedAlertTest): AlertAttempt {
    a.outcome = 'cancelled'
    return decideAttempt(a, p.route.name)
  }

  /** Re-POST with endsAt = now, then confirm Alertmanager no longer lists it as active. */
  private async resolve(alert: Record<string, unknown>, a: AlertAttempt): Promise<void> {
    try {
      await this.post({ ...alert, endsAt: this.ctx.now().toISOString() })
      const gone = await pollUntil(
        async () => {
          const x = await this.find(a.test_id)
          return !x || x.status?.state !== 'active' ? true : undefined
        },
        { what: 'Alertmanager resolve check', deadline: Date.now() + RESOLVE_CHECK_MS, firstMs: 25, maxMs: 500 }
      )
      const ok = gone.outcome === 'completed'
      a.cleanup = {
        resolved: ok,
        at: new Date().toISOString(),
        detail: ok
          ? 'resolved in Alertmanager (re-sent with endsAt; no longer active)'
          : `resolved, but Alertmanager still lists it as active (${gone.outcome})`
      }
      if (!ok)
        this.ctx.log.warning(`Synthetic alert ${a.test_id} was resolved but Alertmanager still lists it as active (${gone.outcome}).`)
    } catch (err) {
      a.cleanup = {
        resolved: false,
        at: new Date().toISOString(),
        detail: `could not be resolved: ${errorMessage(err)}; it expires at its endsAt`
      }
      this.ctx.log.warning(
        `Could not resolve synthetic alert ${a.test_id} in Alertmanager: ${errorMessage(err)}; it expires at its endsAt.`
      )
    }
  }
}
