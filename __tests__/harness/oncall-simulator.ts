/**
 * An on-call tool on loopback for alert-path tests. Alertmanager's webhook receivers deliver to
 * `POST /alertmanager/<receiver>`; the action's own webhook posts to `POST /webhook/<receiver>`.
 * Each firing alert with a `test_id` label is acknowledged by a simulated person after a delay
 * chosen per receiver (or never). `GET /ack/<test_id>` answers 404 until the alert arrived, then
 * `{receiver, delivered_at, acknowledged_at, acknowledged_by}` (acknowledged_* null until then),
 * the shape of the action's default `alerting.webhook.ack` mapping. `answer` replaces that body,
 * to play an on-call tool with its own shape, or one that cheats.
 * Payloads are checked against Alertmanager's webhook format (version "4"); bad ones are kept in
 * `invalid` and answered 400.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

export interface Delivery {
  receiver: string
  kind: 'alertmanager' | 'webhook'
  status: string
  at: string
  alerts: Array<{ status: string; labels: Record<string, string> }>
}

export interface AckRecord {
  receiver: string
  delivered_at: string
  acknowledged_at: string | null
  acknowledged_by: string | null
}

export interface OnCallSimulatorOptions {
  /** Milliseconds until a person acknowledges an alert delivered to this receiver; null: never. */
  ackDelayMs?: (receiver: string, labels: Record<string, string>) => number | null
  /** The body served at /ack/<test_id> (status 200), in place of the record itself. */
  answer?: (record: AckRecord, labels: Record<string, string>) => unknown
}

export class OnCallSimulator {
  readonly deliveries: Delivery[] = []
  readonly invalid: Array<{ path: string; problem: string; body: string }> = []
  private readonly acks = new Map<string, AckRecord>()
  private readonly labelsOf = new Map<string, Record<string, string>>()
  /** Every read of /ack/<test_id>, with its time, so a benchmark can tell when the action saw what. */
  readonly ackReads: Array<{ testId: string; acknowledged: boolean; at: string }> = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private server?: Server
  url = ''

  constructor(private readonly opts: OnCallSimulatorOptions = {}) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    const addr = this.server.address()
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
    return this
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
  }

  /** Deliveries that carried the alert with this test id. */
  deliveriesOf(testId: string): Delivery[] {
    return this.deliveries.filter((d) => d.alerts.some((a) => a.labels.test_id === testId))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const send = (status: number, data: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(data))
    }
    const ack = /^\/ack\/([^/]+)$/.exec(path)
    if (req.method === 'GET' && ack) {
      const testId = decodeURIComponent(ack[1]!)
      const a = this.acks.get(testId)
      this.ackReads.push({ testId, acknowledged: Boolean(a?.acknowledged_at), at: new Date().toISOString() })
      if (!a) return send(404, { error: 'no such alert' })
      return send(200, this.opts.answer ? this.opts.answer({ ...a }, this.labelsOf.get(testId) ?? {}) : a)
    }
    const m = /^\/(alertmanager|webhook)\/([^/]+)$/.exec(path)
    if (req.method !== 'POST' || !m) return send(404, { error: 'not found' })
    const kind = m[1] as 'alertmanager' | 'webhook'
    const receiver = decodeURIComponent(m[2]!)
    let data: Record<string, unknown>
    try {
      data = JSON.parse(body) as Record<string, unknown>
    } catch {
      this.invalid.push({ path, problem: 'not JSON', body })
      return send(400, { error: 'not JSON' })
    }
    const problem = kind === 'alertmanager' ? alertmanagerPayloadProblem(data, receiver) : webhookPayloadProblem(data)
    if (problem) {
      this.invalid.push({ path, problem, body })
      return send(400, { error: problem })
    }
    const alerts =
      kind === 'alertmanager'
        ? (data.alerts as Array<{ status: string; labels: Record<string, string> }>)
        : [{ status: data.status as string, labels: data.labels as Record<string, string> }]
    const at = new Date().toISOString()
    this.deliveries.push({ receiver, kind, status: String(data.status), at, alerts })
    for (const a of alerts) this.receive(receiver, a, at)
    return send(200, { ok: true })
  }

  private receive(receiver: string, alert: { status: string; labels: Record<string, string> }, at: string): void {
    const testId = alert.labels.test_id
    if (!testId || alert.status !== 'firing' || this.acks.has(testId)) return
    const record: AckRecord = { receiver, delivered_at: at, acknowledged_at: null, acknowledged_by: null }
    this.acks.set(testId, record)
    this.labelsOf.set(testId, alert.labels)
    const delay = this.opts.ackDelayMs ? this.opts.ackDelayMs(receiver, alert.labels) : 0
    if (delay === null) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      record.acknowledged_at = new Date().toISOString()
      record.acknowledged_by = `oncall-${receiver}`
    }, delay)
    this.timers.add(timer)
  }
}

const isStringMap = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')

/** Alertmanager's webhook_config payload, version 4. */
function alertmanagerPayloadProblem(d: Record<string, unknown>, receiver: string): string | undefined {
  if (d.version !== '4') return `version is ${JSON.stringify(d.version)}, expected "4"`
  if (d.receiver !== receiver) return `receiver ${JSON.stringify(d.receiver)} does not match the URL's ${receiver}`
  if (d.status !== 'firing' && d.status !== 'resolved') return 'status is not firing/resolved'
  for (const k of ['groupLabels', 'commonLabels', 'commonAnnotations']) if (!isStringMap(d[k])) return `${k} is not a label map`
  if (typeof d.groupKey !== 'string' || typeof d.externalURL !== 'string') return 'groupKey or externalURL missing'
  if (!Array.isArray(d.alerts) || d.alerts.length === 0) return 'alerts is not a non-empty array'
  for (const a of d.alerts as Array<Record<string, unknown>>) {
    if (a.status !== 'firing' && a.status !== 'resolved') return 'an alert has no firing/resolved status'
    if (!isStringMap(a.labels) || !isStringMap(a.annotations)) return 'an alert has no labels/annotations map'
    if (typeof a.startsAt !== 'string' || typeof a.fingerprint !== 'string') return 'an alert has no startsAt/fingerprint'
  }
  return undefined
}

/** The action's webhook payload. */
function webhookPayloadProblem(d: Record<string, unknown>): string | undefined {
  if (d.kind !== 'sre-monitoring-synthetic-alert') return 'kind is not sre-monitoring-synthetic-alert'
  if (typeof d.test_id !== 'string' || !isStringMap(d.labels)) return 'test_id or labels missing'
  if (d.status !== 'firing' && d.status !== 'resolved') return 'status is not firing/resolved'
  return undefined
}
