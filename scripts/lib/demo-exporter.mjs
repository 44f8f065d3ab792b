#!/usr/bin/env node
// A stand-in service fleet for tests, benchmarks and the example: serves /metrics in the
// Prometheus text format for every service named, with counters that grow with time, and
// /healthz for synthetic probes. No dependencies.
//
//   node scripts/lib/demo-exporter.mjs --port 0 --services checkout,payments,catalog \
//     [--count 500] [--no-traces payments] [--no-logs x] [--latency-ms checkout=900] \
//     [--error-ratio x=0.05] [--rps 10] [--host 127.0.0.1]
//
// Prints `listening <port>` once ready.
import { createServer } from 'node:http'

function parseArgs(argv) {
  const opts = {
    port: 0,
    host: '127.0.0.1',
    services: [],
    noTraces: new Set(),
    noLogs: new Set(),
    latencyMs: new Map(),
    errorRatio: new Map(),
    rps: 10
  }
  const list = (v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  const pairs = (v, into) => {
    for (const p of list(v)) {
      const [k, n] = p.split('=')
      const num = Number(n)
      if (!k || !Number.isFinite(num)) throw new Error(`expected name=number, got ${p}`)
      into.set(k, num)
    }
  }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const next = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${flag} needs a value`)
      return v
    }
    switch (flag) {
      case '--port':
        opts.port = Number(next())
        break
      case '--host':
        opts.host = next()
        break
      case '--services':
        opts.services.push(...list(next()))
        break
      case '--count': {
        const n = Number(next())
        if (!Number.isInteger(n) || n < 1) throw new Error('--count needs a positive integer')
        const width = Math.max(3, String(n).length)
        for (let k = 1; k <= n; k++) opts.services.push(`svc-${String(k).padStart(width, '0')}`)
        break
      }
      case '--no-traces':
        for (const s of list(next())) opts.noTraces.add(s)
        break
      case '--no-logs':
        for (const s of list(next())) opts.noLogs.add(s)
        break
      case '--latency-ms':
        pairs(next(), opts.latencyMs)
        break
      case '--error-ratio':
        pairs(next(), opts.errorRatio)
        break
      case '--rps':
        opts.rps = Number(next())
        break
      default:
        throw new Error(`unknown option ${flag}`)
    }
  }
  if (opts.services.length === 0) throw new Error('name at least one service (--services a,b or --count N)')
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port must be 0..65535')
  return opts
}

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const escapeLabel = (v) => String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
const fmt = (n) => (Number.isInteger(n) ? String(n) : n.toFixed(6))

// Observations spread evenly over [0.5 L, 1.5 L] so the p50 is close to L.
function bucketShare(le, latencySeconds) {
  const lo = latencySeconds * 0.5
  const hi = latencySeconds * 1.5
  if (le <= lo) return 0
  if (le >= hi) return 1
  return (le - lo) / (hi - lo)
}

function render(opts, startedAt) {
  const elapsed = (Date.now() - startedAt) / 1000
  // Start counters at a full minute of traffic so the first scrape is already non-zero.
  const requests = Math.floor((elapsed + 60) * opts.rps)
  const out = []
  out.push('# HELP http_requests_total Requests served.', '# TYPE http_requests_total counter')
  for (const s of opts.services) {
    const ratio = opts.errorRatio.get(s) ?? 0.01
    const errors = Math.floor(requests * ratio)
    const l = `service="${escapeLabel(s)}"`
    out.push(`http_requests_total{${l},code="200"} ${requests - errors}`, `http_requests_total{${l},code="500"} ${errors}`)
  }
  out.push('# HELP http_request_duration_seconds Request latency.', '# TYPE http_request_duration_seconds histogram')
  for (const s of opts.services) {
    const latency = (opts.latencyMs.get(s) ?? 50) / 1000
    const l = `service="${escapeLabel(s)}"`
    for (const le of BUCKETS)
      out.push(`http_request_duration_seconds_bucket{${l},le="${le}"} ${Math.floor(requests * bucketShare(le, latency))}`)
    out.push(`http_request_duration_seconds_bucket{${l},le="+Inf"} ${requests}`)
    out.push(`http_request_duration_seconds_sum{${l}} ${fmt(requests * latency)}`, `http_request_duration_seconds_count{${l}} ${requests}`)
  }
  out.push('# HELP log_lines_total Log lines written.', '# TYPE log_lines_total counter')
  for (const s of opts.services) {
    if (opts.noLogs.has(s)) continue
    const l = `service="${escapeLabel(s)}"`
    out.push(
      `log_lines_total{${l},level="info"} ${requests * 2}`,
      `log_lines_total{${l},level="error"} ${Math.floor(requests * (opts.errorRatio.get(s) ?? 0.01))}`
    )
  }
  out.push('# HELP spans_total Trace spans exported.', '# TYPE spans_total counter')
  for (const s of opts.services) {
    if (opts.noTraces.has(s)) continue
    out.push(`spans_total{service="${escapeLabel(s)}"} ${requests * 3}`)
  }
  return out.join('\n') + '\n'
}

let opts
try {
  opts = parseArgs(process.argv.slice(2))
} catch (err) {
  process.stderr.write(`demo-exporter: ${err.message}\n`)
  process.exit(2)
}
const startedAt = Date.now()
const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0]
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end()
  } else if (path === '/metrics') {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }).end(render(opts, startedAt))
  } else if (path === '/healthz') {
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok')
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
  }
})
server.keepAliveTimeout = 5000
server.on('error', (err) => {
  process.stderr.write(`demo-exporter: ${err.message}\n`)
  process.exit(1)
})
server.listen(opts.port, opts.host, () => {
  process.stdout.write(`listening ${server.address().port}\n`)
})
const stop = () => server.close(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
