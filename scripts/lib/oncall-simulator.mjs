// An on-call tool on loopback, for the alert-path tests, the example and the benchmark. No dependencies.
// - Alertmanager's webhook receivers deliver to POST /alertmanager/<receiver>; the action's own
//   webhook posts to POST /webhook/<receiver>. Payloads are checked against Alertmanager's webhook
//   format (version "4") and the action's webhook payload; bad ones are kept in `invalid` and
//   answered 400.
// - Each firing alert with a `test_id` label is acknowledged by a simulated person after a delay
//   chosen per receiver (or never).
// - GET /ack/<test_id> answers 404 until the alert arrived, then {receiver, delivered_at,
//   acknowledged_at, acknowledged_by} (acknowledged_* null until then): the shape of the action's
//   default alerting.webhook.ack mapping. `answer` replaces that body, to play an on-call tool with
//   its own shape, or one that cheats.
// `deliveries` records every webhook request and `ackReads` every acknowledgement read, each with
// its arrival time, so a benchmark can tell when the action saw what.
// Types for TypeScript callers: oncall-simulator.d.mts.
import { createServer } from 'node:http'

export class OnCallSimulator {
  /** @param {import('./oncall-simulator.d.mts').OnCallSimulatorOptions} [opts] */
  constructor(opts = {}) {
    this.opts = opts
    this.deliveries = []
    this.invalid = []
    this.ackReads = []
    this.url = ''
    this.acks = new Map()
    this.labelsOf = new Map()
    this.timers = new Set()
    this.server = undefined
  }

  async start() {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise((resolve) => this.server.listen(this.opts.port ?? 0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${this.server.address().port}`
    return this
  }

  async stop() {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server.close(() => resolve()))
  }

  /** Deliveries that carried the alert with this test id. */
  deliveriesOf(testId) {
    return this.deliveries.filter((d) => d.alerts.some((a) => a.labels.test_id === testId))
  }

  async handle(req, res) {
    const chunks = []
    for await (const c of req) chunks.push(c)
    const body = Buffer.concat(chunks).toString('utf8')
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const send = (status, data) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(data))
    }
    const ack = /^\/ack\/([^/]+)$/.exec(path)
    if (req.method === 'GET' && ack) {
      const testId = decodeURIComponent(ack[1])
      const a = this.acks.get(testId)
      this.ackReads.push({ testId, acknowledged: Boolean(a?.acknowledged_at), at: new Date().toISOString() })
      if (!a) return send(404, { error: 'no such alert' })
      return send(200, this.opts.answer ? this.opts.answer({ ...a }, this.labelsOf.get(testId) ?? {}) : a)
    }
    const m = /^\/(alertmanager|webhook)\/([^/]+)$/.exec(path)
    if (req.method !== 'POST' || !m) return send(404, { error: 'not found' })
    const kind = m[1]
    const receiver = decodeURIComponent(m[2])
    let data
    try {
      data = JSON.parse(body)
    } catch {
      this.invalid.push({ path, problem: 'not JSON', body })
      return send(400, { error: 'not JSON' })
    }
    const problem = kind === 'alertmanager' ? alertmanagerPayloadProblem(data, receiver) : webhookPayloadProblem(data)
    if (problem) {
      this.invalid.push({ path, problem, body })
      return send(400, { error: problem })
    }
    const alerts = kind === 'alertmanager' ? data.alerts : [{ status: data.status, labels: data.labels }]
    const at = new Date().toISOString()
    this.deliveries.push({ receiver, kind, status: String(data.status), at, alerts })
    for (const a of alerts) this.receive(receiver, a, at)
    return send(200, { ok: true })
  }

  receive(receiver, alert, at) {
    const testId = alert.labels.test_id
    if (!testId || alert.status !== 'firing' || this.acks.has(testId)) return
    const record = { receiver, delivered_at: at, acknowledged_at: null, acknowledged_by: null }
    this.acks.set(testId, record)
    this.labelsOf.set(testId, alert.labels)
    const { ackDelayMs = 0, person = (r) => `oncall-${r}` } = this.opts
    const delay = typeof ackDelayMs === 'function' ? ackDelayMs(receiver, alert.labels) : ackDelayMs
    if (delay === null) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      record.acknowledged_at = new Date().toISOString()
      record.acknowledged_by = typeof person === 'function' ? person(receiver) : person
    }, delay)
    this.timers.add(timer)
  }
}

/** A started simulator (the example's and the benchmark's way in). */
export function startOnCallSimulator(opts = {}) {
  return new OnCallSimulator(opts).start()
}

const isStringMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')

/** Alertmanager's webhook_config payload, version 4. */
function alertmanagerPayloadProblem(d, receiver) {
  if (!isObject(d)) return 'the payload is not an object'
  if (d.version !== '4') return `version is ${JSON.stringify(d.version)}, expected "4"`
  if (d.receiver !== receiver) return `receiver ${JSON.stringify(d.receiver)} does not match the URL's ${receiver}`
  if (d.status !== 'firing' && d.status !== 'resolved') return 'status is not firing/resolved'
  for (const k of ['groupLabels', 'commonLabels', 'commonAnnotations']) if (!isStringMap(d[k])) return `${k} is not a label map`
  if (typeof d.groupKey !== 'string' || typeof d.externalURL !== 'string') return 'groupKey or externalURL missing'
  if (!Array.isArray(d.alerts) || d.alerts.length === 0) return 'alerts is not a non-empty array'
  for (const a of d.alerts) {
    if (!isObject(a) || (a.status !== 'firing' && a.status !== 'resolved')) return 'an alert has no firing/resolved status'
    if (!isStringMap(a.labels) || !isStringMap(a.annotations)) return 'an alert has no labels/annotations map'
    if (typeof a.startsAt !== 'string' || typeof a.fingerprint !== 'string') return 'an alert has no startsAt/fingerprint'
  }
  return undefined
}

/** The action's webhook payload. */
function webhookPayloadProblem(d) {
  if (!isObject(d)) return 'the payload is not an object'
  if (d.kind !== 'sre-monitoring-synthetic-alert') return 'kind is not sre-monitoring-synthetic-alert'
  if (typeof d.test_id !== 'string' || !isStringMap(d.labels)) return 'test_id or labels missing'
  if (d.status !== 'firing' && d.status !== 'resolved') return 'status is not firing/resolved'
  return undefined
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v)
