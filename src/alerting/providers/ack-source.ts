import type { AlertingConfig } from '../../config/schema.js'
import type { RunContext } from '../../model/monitoring-model.js'
import { BackendError } from '../../util/errors.js'
import { authHeaders, httpRequest, redactUrl } from '../../util/http.js'
import type { AckSource, Acknowledgement } from './types.js'

type WebhookConfig = NonNullable<AlertingConfig['webhook']>

/**
 * Acknowledgements read over HTTP from the on-call side (`alerting.webhook.ack-url`, with
 * `{{test_id}}` substituted). The answer is 404 while there is none, or JSON
 * `{acknowledged: boolean, acknowledged_at?, acknowledged_by?, receiver?, notified_at?}`.
 */
export class HttpAckSource implements AckSource {
  readonly description: string
  readonly pollMs: number
  private readonly headers: Record<string, string>

  constructor(
    private readonly ctx: RunContext,
    private readonly cfg: WebhookConfig
  ) {
    this.description = redactUrl(cfg['ack-url'])
    this.pollMs = cfg['poll-seconds'] * 1000
    this.headers = { Accept: 'application/json', ...authHeaders(cfg.auth, {}, ctx.env, ctx.log, 'ack-source') }
  }

  async check(testId: string): Promise<Acknowledgement | undefined> {
    const url = this.cfg['ack-url'].split('{{test_id}}').join(encodeURIComponent(testId))
    const res = await httpRequest({ backend: 'ack-source', url, headers: this.headers, timeoutMs: 10_000, retries: 1 })
    if (res.status === 404) return undefined
    const where = `GET ${redactUrl(url)}`
    if (res.status !== 200) throw new BackendError('ack-source', where, `HTTP ${res.status}`, res.status)
    let body: Record<string, unknown>
    try {
      body = JSON.parse(res.text) as Record<string, unknown>
    } catch {
      throw new BackendError('ack-source', where, 'answer is not JSON')
    }
    if (body.acknowledged !== true) return undefined
    const at = typeof body.acknowledged_at === 'string' && !Number.isNaN(Date.parse(body.acknowledged_at)) ? body.acknowledged_at : undefined
    const ack: Acknowledgement = { acknowledged_at: at ? new Date(at).toISOString() : this.ctx.now().toISOString() }
    if (typeof body.acknowledged_by === 'string') ack.acknowledged_by = body.acknowledged_by
    if (typeof body.receiver === 'string') ack.receiver = body.receiver
    if (typeof body.notified_at === 'string' && !Number.isNaN(Date.parse(body.notified_at))) ack.notified_at = new Date(body.notified_at).toISOString()
    return ack
  }
}
