import type { AlertingConfig } from '../../../config/schema.js'
import type { AlertProviderContext } from '../types.js'
import { authHeaders, httpRequest, redactUrl } from '../../../util/http.js'
import type { AlertAttempt } from '../../types.js'
import { watchOnCall } from '../ack-source.js'
import { decideAttempt, errorMessage, evidence, newAttempt, setRouted, unreachable } from '../common.js'
import type { AckSource, AlertProvider, PlannedAlertTest } from '../types.js'

type WebhookConfig = NonNullable<AlertingConfig['webhook']>

/**
 * A plain webhook into the on-call tool. Its 2xx only says the request was taken: the receiver,
 * the delivery and the acknowledgement all come from the on-call side (the ack source).
 */
export class WebhookProvider implements AlertProvider {
  readonly name = 'webhook' as const
  private readonly headers: Record<string, string>

  constructor(
    private readonly ctx: AlertProviderContext,
    private readonly cfg: WebhookConfig & { url: string },
    private readonly ack: AckSource
  ) {
    this.headers = { 'Content-Type': 'application/json', ...authHeaders(cfg.auth, {}, ctx.env, ctx.log, 'webhook') }
  }

  private payload(p: PlannedAlertTest, status: 'firing' | 'resolved'): string {
    return JSON.stringify({
      version: '1',
      kind: 'sre-monitoring-synthetic-alert',
      status,
      test_id: p.test_id,
      alertname: p.labels.alertname,
      route: p.route.name,
      labels: p.labels,
      summary: `Synthetic alert test for route ${p.route.name}; please acknowledge.`,
      sent_at: this.ctx.now().toISOString()
    })
  }

  private send(p: PlannedAlertTest, status: 'firing' | 'resolved'): Promise<{ status: number; text: string }> {
    return httpRequest({
      backend: 'webhook',
      url: this.cfg.url,
      method: 'POST',
      headers: this.headers,
      body: this.payload(p, status),
      timeoutMs: 10_000,
      retries: 1
    })
  }

  async run(p: PlannedAlertTest): Promise<AlertAttempt> {
    const a = newAttempt(p)
    const url = redactUrl(this.cfg.url)
    let sent = false
    try {
      const triggeredAt = this.ctx.now().toISOString()
      const res = await this.send(p, 'firing')
      if (res.status < 200 || res.status >= 300) {
        a.facts.routed.status = res.status >= 500 ? 'error' : 'not_confirmed'
        a.facts.routed.detail = `the webhook ${url} ${res.status >= 500 ? 'answered' : 'refused the alert with'} HTTP ${res.status}`
        return decideAttempt(a, p.route.name)
      }
      sent = true
      a.triggered_at = triggeredAt
      a.cleanup = { resolved: false, at: null, detail: 'sent; not resolved yet' }
      const last = await watchOnCall(a, this.ack, p)
      if (p.signal.aborted) a.outcome = 'cancelled'
      if (last?.receiver)
        setRouted(a, [last.receiver], triggeredAt, `the on-call side reports it on receiver "${last.receiver}"`, [last.evidence])
      else {
        a.facts.routed.status = 'not_confirmed'
        a.facts.routed.detail = last
          ? 'the on-call side did not name the receiver, so the route cannot be confirmed'
          : 'the on-call side never reported the alert'
        a.facts.routed.evidence.push(evidence('webhook', `POST ${url} answered HTTP ${res.status}`))
      }
      return decideAttempt(a, p.route.name)
    } catch (err) {
      return unreachable(a, p.route.name, 'the webhook', err)
    } finally {
      if (sent) {
        try {
          const res = await this.send(p, 'resolved')
          const ok = res.status >= 200 && res.status < 300
          a.cleanup = {
            resolved: ok,
            at: new Date().toISOString(),
            detail: ok ? 'resolved through the webhook (status: resolved)' : `the resolve was answered HTTP ${res.status}`
          }
        } catch (err) {
          a.cleanup = { resolved: false, at: new Date().toISOString(), detail: `could not be resolved: ${errorMessage(err)}` }
          this.ctx.log.warning(`Could not resolve synthetic alert ${a.test_id} through the webhook: ${errorMessage(err)}`)
        }
      }
    }
  }
}
