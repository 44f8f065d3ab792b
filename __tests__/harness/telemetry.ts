/**
 * Helpers for the telemetry tests: the demo exporter as a child process, a Prometheus scraping
 * it, a loopback proxy that fails or delays requests, a stand-in server, history to backfill.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promQuery, startPrometheus, waitFor, type RunningBackend } from './backends.js'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DEMO_EXPORTER = join(repoRoot, 'scripts', 'lib', 'demo-exporter.mjs')

export interface RunningProcess {
  port: number
  url: string
  process: ChildProcess
  stop: () => Promise<void>
}

/** Start the demo exporter on a free port; resolves once it prints `listening <port>`. */
export async function startDemoExporter(args: string[]): Promise<RunningProcess> {
  const child = spawn(process.execPath, [DEMO_EXPORTER, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo exporter did not start: ${out}`)), 10_000)
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening (\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    })
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`demo exporter exited with ${code}: ${out}`))
    })
  })
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
    child.kill('SIGTERM')
    await exited
  }
  return { port, url: `http://127.0.0.1:${port}`, process: child, stop }
}

/** A Prometheus scraping the given targets every second, returned once every job is up with data. */
export async function startScrapingPrometheus(
  targets: Array<{ job: string; port: number }>,
  rules?: Record<string, string>
): Promise<RunningBackend> {
  const scrape = targets.map((t) => `  - job_name: ${t.job}\n    static_configs:\n      - targets: ['127.0.0.1:${t.port}']\n`).join('')
  const prom = await startPrometheus({ configYaml: `scrape_configs:\n${scrape}`, rules })
  for (const t of targets) {
    await waitFor(async () => (await promQuery(prom.url, `up{job="${t.job}"} == 1`)).length > 0, 30_000, `up{job="${t.job}"}`)
  }
  return prom
}

export interface FaultProxy {
  url: string
  /** Requests received, failed or not. */
  received: number
  stop: () => Promise<void>
}

/**
 * A loopback HTTP proxy in front of a real backend that answers the first `failFirst` requests
 * with `status` (a 500 by default) and delays every forwarded request by `delayMs`.
 */
export async function startFaultProxy(
  target: string,
  opts: { failFirst?: number; status?: number; delayMs?: number } = {}
): Promise<FaultProxy> {
  const t = new URL(target)
  const state = { received: 0 }
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.received++
    const n = state.received
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (n <= (opts.failFirst ?? 0)) {
        res.writeHead(opts.status ?? 500, { 'Content-Type': 'text/plain' }).end('injected failure')
        return
      }
      const forward = (): void => {
        const up = httpRequest(
          { host: t.hostname, port: t.port, method: req.method, path: req.url, headers: { ...req.headers, host: t.host } },
          (upRes) => {
            res.writeHead(upRes.statusCode ?? 502, upRes.headers)
            upRes.pipe(res)
          }
        )
        up.on('error', () => res.writeHead(502).end('upstream unreachable'))
        up.end(Buffer.concat(chunks))
      }
      if (opts.delayMs) {
        const timer = setTimeout(forward, opts.delayMs)
        res.on('close', () => clearTimeout(timer))
      } else forward()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    get received() {
      return state.received
    },
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

/** Start a small HTTP server with a handler; for stand-ins of backends the tests cannot run. */
export async function startStandIn(
  handler: (req: IncomingMessage, url: URL, body: string) => { status: number; body: unknown; headers?: Record<string, string> }
): Promise<{ url: string; requests: Array<{ method: string; url: URL; headers: IncomingMessage['headers'] }>; stop: () => Promise<void> }> {
  const requests: Array<{ method: string; url: URL; headers: IncomingMessage['headers'] }> = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      requests.push({ method: req.method ?? 'GET', url, headers: req.headers })
      const out = handler(req, url, Buffer.concat(chunks).toString())
      const text = typeof out.body === 'string' ? out.body : JSON.stringify(out.body)
      res
        .writeHead(out.status, { 'Content-Type': typeof out.body === 'string' ? 'text/plain' : 'application/json', ...out.headers })
        .end(text)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

export interface HistoryService {
  name: string
  /** Requests per minute. */
  perMinute: number
  /** 5xx requests per minute. */
  errorsPerMinute: number
  /** Every request's latency falls in this histogram bucket (lower, upper] in seconds. */
  latencyBucket: [number, number]
  /** Epoch seconds after which spans_total stops being written (a service that stopped sending traces). */
  tracesStopAt?: number
}

export const HISTORY_BUCKETS = [0.1, 0.25, 0.5, 1]

/**
 * A week (by default) of one-minute samples in OpenMetrics, for promtool backfill. Counters grow
 * linearly from a large start so rate() and histogram_quantile() give exact expected values.
 */
export function historyOpenMetrics(services: HistoryService[], endSeconds: number, days = 7): string {
  const start = endSeconds - days * 86400
  const lines: string[] = []
  const each = (fn: (t: number, i: number) => string | undefined): void => {
    for (let t = start, i = 0; t <= endSeconds; t += 60, i++) {
      const line = fn(t, i)
      if (line !== undefined) lines.push(line)
    }
  }
  const base = 1_000_000
  lines.push('# TYPE http_requests counter')
  for (const s of services) {
    each((t, i) => `http_requests_total{service="${s.name}",code="200"} ${base + (s.perMinute - s.errorsPerMinute) * i} ${t}`)
    each((t, i) => `http_requests_total{service="${s.name}",code="500"} ${base + s.errorsPerMinute * i} ${t}`)
  }
  lines.push('# TYPE http_request_duration_seconds histogram')
  for (const s of services) {
    for (const le of [...HISTORY_BUCKETS, Infinity]) {
      const inBucket = le >= s.latencyBucket[1]
      const leText = le === Infinity ? '+Inf' : String(le)
      each(
        (t, i) => `http_request_duration_seconds_bucket{service="${s.name}",le="${leText}"} ${inBucket ? base + s.perMinute * i : 0} ${t}`
      )
    }
    each((t, i) => `http_request_duration_seconds_count{service="${s.name}"} ${base + s.perMinute * i} ${t}`)
    each((t, i) => `http_request_duration_seconds_sum{service="${s.name}"} ${(base + s.perMinute * i) * s.latencyBucket[1]} ${t}`)
  }
  lines.push('# TYPE log_lines counter')
  for (const s of services) each((t, i) => `log_lines_total{service="${s.name}"} ${base + 2 * s.perMinute * i} ${t}`)
  lines.push('# TYPE spans counter')
  for (const s of services)
    each((t, i) =>
      s.tracesStopAt !== undefined && t > s.tracesStopAt ? undefined : `spans_total{service="${s.name}"} ${base + 3 * s.perMinute * i} ${t}`
    )
  lines.push('# EOF')
  return lines.join('\n') + '\n'
}
