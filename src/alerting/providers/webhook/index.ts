import type { AlertingConfig } from '../../../config/schema.js'
import type { RunContext } from '../../../model/monitoring-model.js'
import { authHeaders, httpRequest, redactUrl } from '../../../util/http.js'
import type { AlertTest } from '../../types.js'
import { conclude, errorMessage, newTestRecord, recordAcknowledgement } from '../common.js'
import type { AckSource, AlertProvider, PlannedAlertTest } from '../types.js'

type WebhookConfig = NonNullable<AlertingConfig['webhook']>

/**
 * A plain webhook into the on-call tool. Delivery is the webhook's 2xx; the receiver and the
 * acknowledgement come from the ack source, which must name the receiver for the route to pass.
 */
export class WebhookProvider implements AlertProvider {
  readonly name = 'webhook' as const
  private readonly headers: Record<string, string>

  constructor(
    private readonly ctx: RunContext,
    private readonly cfg: WebhookConfig,
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
      alertname: p.alert_name,
      route: p.route.name,
      labels: { ...p.route.labels, alertname: p.alert_name, test_id: p.test_id, synthetic: 'true' },
      summary: `Synthetic alert test for route ${p.route.name}; please acknowledge.`,
      sent_at: this.ctx.now().toISOString()
    })
  }

  async run(p: PlannedAlertTest): Promise<AlertTest> {
    const t = newTestRecord(p, this.name)
    let sent = false
    try {
      const triggeredAt = this.ctx.now().toISOString()
      const res = await httpRequest({ backend: 'webhook', url: this.cfg.url, method: 'POST', headers: this.headers, body: this.payload(p, 'firing'), timeoutMs: 10_000, retries: 1 })
      sent = true
      t.triggered_at = triggeredAt
      t.wait.delivery = 'completed'
      if (res.status >= 500) {
        t.status = 'error'
        t.reason = `The webhook ${redactUrl(this.cfg.url)} answered HTTP ${res.status}.`
        return conclude(t)
      }
      if (res.status < 200 || res.status >= 300) {
        t.reason = `The webhook ${redactUrl(this.cfg.url)} refused the alert: HTTP ${res.status}.`
        return conclude(t)
      }
      t.delivered_at = this.ctx.now().toISOString()
      const ack = await recordAcknowledgement(t, this.ack, p)
      if (ack) {
        if (ack.receiver) t.actual_receivers = [ack.receiver]
        else t.reason = 'The acknowledgement did not name the receiver, so the route cannot be confirmed.'
      }
      return conclude(t, { receiverFromAck: true })
    } catch (err) {
      t.status = 'error'
      t.reason = `The webhook could not be reached: ${errorMessage(err)}`
      return conclude(t)
    } finally {
      if (sent) {
        try {
          const res = await httpRequest({ backend: 'webhook', url: this.cfg.url, method: 'POST', headers: this.headers, body: this.payload(p, 'resolved'), timeoutMs: 10_000, retries: 1 })
          t.resolved = res.status >= 200 && res.status < 300
        } catch (err) {
          this.ctx.log.warning(`Could not resolve synthetic alert ${t.test_id} through the webhook: ${errorMessage(err)}`)
        }
      }
    }
  }
}
