import type { AlertingConfig } from '../../config/schema.js'
import type { AlertProviderContext } from './types.js'
import { BackendError } from '../../util/errors.js'
import { authHeaders, httpRequest, redactUrl } from '../../util/http.js'
import type { AlertAttempt } from '../types.js'
import { applyAcks, closeAckFact, evidence, parseTime, pollUntil, type AckCandidate } from './common.js'
import { parseJsonPath, readJsonPath, type PathSegment } from './json-path.js'
import type { AckSource, OnCallReport, PlannedAlertTest } from './types.js'

type WebhookConfig = NonNullable<AlertingConfig['webhook']>
type Mapping = WebhookConfig['ack']

/** Largest acknowledgement answer read. */
const MAX_ANSWER_CHARS = 1024 * 1024
const MAX_NAME_CHARS = 200

/**
 * Delivery and acknowledgement read over HTTP from the on-call side (`alerting.webhook.ack-url`,
 * `{{test_id}}` substituted). 404 while it holds nothing; otherwise JSON whose fields are found
 * by the JSON paths of `alerting.webhook.ack` (default `{receiver, delivered_at, acknowledged_at,
 * acknowledged_by}`). See docs/alert-acknowledgements.md.
 */
export class HttpAckSource implements AckSource {
  readonly description: string
  readonly pollMs: number
  private readonly headers: Record<string, string>
  private readonly paths: Record<'ackAt' | 'ackBy' | 'deliveredAt' | 'receiver', PathSegment[]> & {
    flag?: PathSegment[]
    after?: PathSegment[]
  }

  constructor(
    ctx: AlertProviderContext,
    private readonly cfg: WebhookConfig
  ) {
    this.description = redactUrl(cfg['ack-url'])
    this.pollMs = cfg['poll-seconds'] * 1000
    this.headers = { Accept: 'application/json', ...authHeaders(cfg.auth, cfg.headers, ctx.env, ctx.log, 'ack-source') }
    const m: Mapping = cfg.ack
    this.paths = {
      ackAt: parseJsonPath(m['acknowledged-at']),
      ackBy: parseJsonPath(m['acknowledged-by']),
      deliveredAt: parseJsonPath(m['delivered-at']),
      receiver: parseJsonPath(m.receiver),
      ...(m.acknowledged ? { flag: parseJsonPath(m.acknowledged) } : {}),
      ...(m['acknowledged-after'] ? { after: parseJsonPath(m['acknowledged-after']) } : {})
    }
  }

  async check(testId: string): Promise<OnCallReport | undefined> {
    const url = this.cfg['ack-url'].split('{{test_id}}').join(encodeURIComponent(testId))
    const where = `GET ${redactUrl(url)}`
    const res = await httpRequest({ backend: 'ack-source', url, headers: this.headers, timeoutMs: 10_000, retries: 1 })
    if (res.status === 404) return undefined
    if (res.status !== 200) throw new BackendError('ack-source', where, `HTTP ${res.status}`, res.status)
    if (res.text.length > MAX_ANSWER_CHARS) throw new BackendError('ack-source', where, `answer larger than ${MAX_ANSWER_CHARS} characters`)
    let body: unknown
    try {
      body = JSON.parse(res.text)
    } catch {
      throw new BackendError('ack-source', where, 'answer is not JSON')
    }
    return this.report(body, where)
  }

  /** The mapped fields of one answer. */
  report(body: unknown, where: string): OnCallReport {
    const m = this.cfg.ack
    const unit = m['number-unit']
    // Identities and names from the on-call side end up in reasons and logs: kept short.
    const short = (v: unknown): unknown => (typeof v === 'string' && v.length > MAX_NAME_CHARS ? `${v.slice(0, MAX_NAME_CHARS)}...` : v)
    const receiver = short(readJsonPath(body, this.paths.receiver))
    const by = short(readJsonPath(body, this.paths.ackBy))
    let at = readJsonPath(body, this.paths.ackAt)
    if (this.paths.after && at !== undefined && at !== null) {
      // A duration after another time (Opsgenie: report.ackTime ms after createdAt).
      const base = parseTime(readJsonPath(body, this.paths.after), unit)
      at =
        typeof at === 'number' && base && 'ms' in base
          ? base.ms + (unit === 's' ? at * 1000 : at)
          : `${String(at)} (not a duration after a valid time)`
    }
    const flag = this.paths.flag ? readJsonPath(body, this.paths.flag) : undefined
    const acks: AckCandidate[] = []
    // A flag alone is no acknowledgement: it is judged, and refused, for want of a time.
    if ((at !== undefined && at !== null) || flag === true)
      acks.push({ at, by: typeof by === 'string' ? by : by == null ? null : JSON.stringify(by).slice(0, MAX_NAME_CHARS), unit })
    const observed = {
      receiver,
      delivered_at: readJsonPath(body, this.paths.deliveredAt),
      acknowledged_at: at,
      acknowledged_by: by,
      ...(this.paths.flag ? { acknowledged: flag } : {})
    }
    return {
      ...(typeof receiver === 'string' && receiver ? { receiver } : {}),
      deliveredAt: readJsonPath(body, this.paths.deliveredAt),
      acks,
      evidence: evidence(`acknowledgement source ${this.description}`, observed, where),
      unit
    }
  }
}

/**
 * Watch the on-call side for one attempt until a person's acknowledgement counts or the deadline
 * passes: the delivered fact from its delivery time (and receiver), the acknowledged fact from its
 * acknowledgement, each refused when the time is impossible.
 */
export async function watchOnCall(a: AlertAttempt, source: AckSource, p: PlannedAlertTest): Promise<OnCallReport | undefined> {
  const d = a.facts.delivered
  const trigger = Date.parse(a.triggered_at ?? '')
  const skew = p.policy.skewSeconds * 1000
  let last: OnCallReport | undefined
  const result = await pollUntil(
    async () => {
      const r = await source.check(p.test_id)
      if (!r) return undefined
      last = r
      if (d.status !== 'confirmed' && d.status !== 'failed') {
        const t = parseTime(r.deliveredAt, r.unit)
        if (r.receiver && r.receiver !== p.route['expect-receiver']) {
          d.status = 'failed'
          d.detail = `the on-call side reports it on receiver "${r.receiver}", not "${p.route['expect-receiver']}"`
          d.evidence.push(r.evidence)
        } else if (t && 'ms' in t) {
          if (t.ms < trigger - skew)
            d.detail = `the on-call side reports a delivery time ${new Date(t.ms).toISOString()} before the alert was sent (${a.triggered_at})`
          else if (t.ms > Date.now() + skew)
            d.detail = `the on-call side reports a delivery time ${new Date(t.ms).toISOString()} in the future`
          else {
            d.status = 'confirmed'
            d.at = new Date(t.ms).toISOString()
            d.detail = `the on-call side reports receiving it${r.receiver ? ` on ${r.receiver}` : ''} at ${d.at}`
            d.evidence.push(r.evidence)
          }
        } else if (t && 'problem' in t) d.detail = `the on-call side's delivery time ${t.problem}`
      }
      if (d.status === 'failed') return true
      return applyAcks(a, r.acks, p.policy, r.evidence) ? true : undefined
    },
    { what: 'acknowledgement polling', deadline: p.deadline, firstMs: Math.min(100, source.pollMs), maxMs: source.pollMs, signal: p.signal }
  )
  a.wait.delivery = d.status === 'confirmed' || d.status === 'failed' ? 'completed' : result.outcome
  if (result.outcome === 'backend_error') {
    const f = d.status === 'confirmed' ? a.facts.acknowledged : d
    f.status = 'error'
    f.detail = `the acknowledgement source ${source.description} could not be read: ${result.error}`
  }
  if (d.status === 'not_checked') {
    d.status = 'not_confirmed'
    d.detail = last
      ? `the on-call side holds the test but reports no valid delivery time by ${new Date(p.deadline).toISOString()}${d.detail !== 'not checked' ? `: ${d.detail}` : ''}`
      : `the on-call side (${source.description}) never reported the alert by ${new Date(p.deadline).toISOString()} (wait ${result.outcome})`
    if (last) d.evidence.push(last.evidence)
  }
  if (d.status === 'failed') {
    a.wait.acknowledgement = 'not_started'
    return last
  }
  if (last && a.facts.acknowledged.status === 'not_checked' && !a.facts.acknowledged.evidence.length)
    a.facts.acknowledged.evidence.push(last.evidence)
  closeAckFact(a, result.outcome, p.deadline)
  return last
}
