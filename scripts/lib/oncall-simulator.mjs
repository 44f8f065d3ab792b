// A small on-call tool for the example and the benchmark: takes Alertmanager webhook deliveries
// at POST /alertmanager/<receiver> (and the action's own webhook at POST /webhook/<receiver>), has
// a person acknowledge each firing alert that carries a test_id after a delay, and serves the
// acknowledgement at GET /ack/<test_id>: 404 until the alert arrived, then
// {receiver, delivered_at, acknowledged_at, acknowledged_by} (the action's default
// alerting.webhook.ack mapping; acknowledged_* null until a person acknowledged). No dependencies.
// `deliveries` records every webhook alert as it arrives and `ackReads` every acknowledgement
// read, each with its arrival time, so a benchmark can tell when the action saw what.
import { createServer } from 'node:http'

export async function startOnCallSimulator({ port = 0, ackDelayMs = 1500, person = 'demo-oncall' } = {}) {
  const acks = new Map()
  const deliveries = []
  const ackReads = []
  const timers = new Set()
  const server = createServer((req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const ack = /^\/ack\/([^/?]+)$/.exec(req.url ?? '')
    if (req.method === 'GET' && ack) {
      const testId = decodeURIComponent(ack[1])
      const a = acks.get(testId)
      ackReads.push({ testId, acknowledged: Boolean(a?.acknowledged_at), at: new Date().toISOString() })
      return a ? send(200, a) : send(404, { error: 'no such alert' })
    }
    const hook = /^\/(alertmanager|webhook)\/([^/?]+)$/.exec(req.url ?? '')
    if (req.method !== 'POST' || !hook) return send(404, { error: 'not found' })
    let body = ''
    req.on('data', (d) => (body += d))
    req.on('end', () => {
      let payload
      try {
        payload = JSON.parse(body)
      } catch {
        return send(400, { error: 'body is not JSON' })
      }
      const receiver = decodeURIComponent(hook[2])
      const alerts = hook[1] === 'alertmanager' ? payload.alerts : [payload]
      if (!Array.isArray(alerts)) return send(400, { error: 'no alerts[]' })
      const at = new Date().toISOString()
      for (const a of alerts) {
        const testId = a?.labels?.test_id ?? a?.test_id
        deliveries.push({ receiver, status: a?.status ?? 'firing', testId, at })
        if (!testId || (a?.status ?? 'firing') !== 'firing' || acks.has(testId)) continue
        const record = { receiver, delivered_at: at, acknowledged_at: null, acknowledged_by: null }
        acks.set(testId, record)
        const t = setTimeout(() => {
          timers.delete(t)
          Object.assign(record, { acknowledged_at: new Date().toISOString(), acknowledged_by: person })
        }, ackDelayMs)
        timers.add(t)
      }
      send(200, { status: 'ok' })
    })
  })
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    deliveries,
    ackReads,
    async stop() {
      for (const t of timers) clearTimeout(t)
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
