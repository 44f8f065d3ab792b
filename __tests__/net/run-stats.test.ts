/**
 * The run knows its own cost: every request through the one way out (and GitHub through the
 * Octokit hook) is counted per phase and backend with its time, bytes and errors; waits are kept
 * apart from work; Prometheus reports the samples each query touched (stats=all), VictoriaMetrics
 * does not and is recorded so; at most limits.backend-concurrency requests are in flight to one
 * backend.
 */
import { createServer, get as nodeHttpGet, type Server } from 'node:http'
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { backfill, importIntoVictoriaMetrics, startPrometheus, startVictoriaMetrics, type RunningBackend } from '../harness/backends.js'
import { historyOpenMetrics } from '../harness/telemetry.js'
import { makeContext, service } from '../harness/context.js'
import { configSchema } from '../../src/config/schema.js'
import { createOctokit } from '../../src/github/octokit.js'
import { validateAgainst } from '../../src/package/schemas.js'
import { countNodeHttpRequests } from '../../src/stats/node-http.js'
import { inPhase, recordWait, RunStatsRecorder, withRunStats } from '../../src/stats/run-stats.js'
import { PrometheusClient } from '../../src/telemetry/prometheus/client.js'
import { runInstrumentationAudit } from '../../src/telemetry/audit.js'
import { captureBaseline } from '../../src/telemetry/baseline.js'
import { httpLimits, httpRequest, setHttpLimits } from '../../src/util/http.js'
import { MemoryLogger } from '../harness/memory-logger.js'
import { runStatsLine } from '../../src/report/run-stats-line.js'
import { renderSummary, renderTerminal } from '../../src/report/summary.js'
import { crashedRun } from '../../src/protocol/run.js'

const snapshot = (r: RunStatsRecorder, complete = true) =>
  r.snapshot({ now: Date.now(), runId: 't', environment: 'production', complete, covers: 'the test' })

function expectValid(doc: unknown): void {
  expect(validateAgainst('run-stats.schema.json', doc).errors).toEqual([])
}

/** A server that answers after `delayMs` and counts the requests in flight at once. */
async function countingServer(
  delayMs: number,
  answer: (n: number) => { status: number; body: string; headers?: Record<string, string> } = () => ({ status: 200, body: '{}' })
): Promise<{ url: string; maxInFlight: () => number; total: () => number; stop: () => Promise<void> }> {
  let inFlight = 0
  let max = 0
  let total = 0
  const server: Server = createServer((req, res) => {
    inFlight++
    total++
    max = Math.max(max, inFlight)
    const n = total
    req.resume()
    setTimeout(() => {
      inFlight--
      const a = answer(n)
      res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers }).end(a.body)
    }, delayMs)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    maxInFlight: () => max,
    total: () => total,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

describe('run-stats: requests and waits', () => {
  const before = httpLimits().backendConcurrency
  afterEach(() => setHttpLimits({ backendConcurrency: before }))

  test('requests are counted per phase and backend with time, bytes and errors; waits apart from work', async () => {
    const ok = await countingServer(5)
    const failing = await countingServer(0, () => ({ status: 503, body: 'down' }))
    try {
      const stats = new RunStatsRecorder(() => httpLimits().backendConcurrency)
      await withRunStats(stats, 'audit', async () => {
        await httpRequest({ backend: 'prom', kind: 'prometheus', url: `${ok.url}/a`, timeoutMs: 2000 })
        await httpRequest({ backend: 'prom', kind: 'prometheus', url: `${ok.url}/b`, timeoutMs: 2000 })
        await inPhase('no-data-diagnosis', () => httpRequest({ backend: 'prom', kind: 'prometheus', url: `${ok.url}/c`, timeoutMs: 2000 }))
        // One call, retried once after its backoff: counted once, failed, the backoff a wait.
        await httpRequest({ backend: 'am', kind: 'alertmanager', url: `${failing.url}/x`, timeoutMs: 2000, retries: 1, backoffMs: 40 })
        await inPhase('alert-tests', async () => {
          const t = Date.now()
          await new Promise((r) => setTimeout(r, 60))
          recordWait('acknowledgement polling', t)
        })
      })
      const doc = snapshot(stats)
      expectValid(doc)
      expect(doc.totals).toMatchObject({ count: 4, errors: 1, rejected: 0 })
      expect(doc.totals.bytes).toBe(2 * 3 + 2 * 4)
      const phase = (p: string) => doc.phases.find((x) => x.phase === p)
      expect(phase('audit')).toMatchObject({ count: 3, errors: 1 })
      expect(phase('no-data-diagnosis')).toMatchObject({ count: 1, errors: 0 })
      expect(doc.requests).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ phase: 'audit', backend: 'prom', kind: 'prometheus', count: 2 }),
          expect.objectContaining({ phase: 'audit', backend: 'am', kind: 'alertmanager', count: 1, errors: 1 })
        ])
      )
      expect(failing.total()).toBe(2)
      const backoff = doc.waits.find((w) => w.what === 'retry backoff (am)')
      expect(backoff).toMatchObject({ phase: 'audit', count: 1 })
      expect(backoff!.total_ms).toBeGreaterThanOrEqual(35)
      const ack = doc.waits.find((w) => w.what === 'acknowledgement polling')
      expect(ack).toMatchObject({ phase: 'alert-tests', count: 1 })
      expect(ack!.total_ms).toBeGreaterThanOrEqual(55)
      expect(doc.wait_ms).toBeGreaterThanOrEqual(backoff!.total_ms + ack!.total_ms - 2)
      expect(doc.work_ms).toBe(doc.wall_ms - doc.wait_ms)
      expect(doc.phases.map((p) => p.phase)).toEqual(['audit', 'no-data-diagnosis', 'alert-tests'])
      expect(runStatsLine(doc)).toMatch(
        /^Load on production: 4 request\(s\) \(prom 3, am 1\), 1 failed, \d+\.\d s work, \d+\.\d s waiting$/
      )
      // One line of it in the job summary and the terminal report.
      const result = { ...crashedRun('x', '/tmp/pkg'), runStats: doc }
      expect(renderSummary(result)).toContain(`${runStatsLine(doc)} (run-stats.json)`)
      expect(renderTerminal(result)).toContain(runStatsLine(doc))
    } finally {
      await Promise.all([ok.stop(), failing.stop()])
    }
  })

  test('overlapping waits count once toward wait_ms; outside a recorded run nothing is kept', async () => {
    const stats = new RunStatsRecorder(() => 4, 1000)
    withRunStats(stats, 'alert-tests', () => {
      recordWait('a', 1100, 1300)
      recordWait('b', 1200, 1400)
      recordWait('c', 1500, 1600)
    })
    recordWait('outside', 0, 5000)
    const doc = stats.snapshot({ now: 2000, runId: 't', environment: 'e', complete: false, covers: 'x' })
    expect(doc).toMatchObject({ wall_ms: 1000, wait_ms: 400, work_ms: 600 })
    expect(doc.phases).toEqual([expect.objectContaining({ phase: 'alert-tests', count: 0, wait_ms: 500 })])
    expectValid(doc)
  })

  test('GitHub calls through Octokit are counted, as github', async () => {
    const api = await countingServer(0, (n) =>
      n === 1 ? { status: 200, body: '{"id":1,"full_name":"o/r"}' } : { status: 404, body: '{"message":"Not Found"}' }
    )
    try {
      const stats = new RunStatsRecorder(() => 4)
      const octokit = createOctokit('t0ken-for-test', {
        baseUrl: api.url,
        log: new MemoryLogger(),
        rateLimit: { msPerSecond: 1, writeSpacingMs: 0, notificationSpacingMs: 0, serverErrorRetries: 0 }
      })
      await withRunStats(stats, 'handoff', async () => {
        await octokit.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' })
        await octokit.request('GET /repos/{owner}/{repo}/issues', { owner: 'o', repo: 'r' }).catch(() => undefined)
      })
      const doc = snapshot(stats)
      expect(doc.backends).toEqual([expect.objectContaining({ backend: 'github', kind: 'github', count: 2, errors: 0, rejected: 1 })])
      expect(doc.phases).toEqual([expect.objectContaining({ phase: 'handoff', count: 2 })])
      expect(doc.totals.bytes).toBeGreaterThan(20)
    } finally {
      await api.stop()
    }
  })

  test('requests of libraries with their own HTTP client (node:http, as @actions/artifact) are counted too, fetch ones once', async () => {
    // Bytes are what each answer declared (Content-Length): 11 and 2.
    const api = await countingServer(0, (n) =>
      n === 2
        ? { status: 500, body: 'no', headers: { 'content-length': '2' } }
        : { status: 200, body: '{"ok":true}', headers: { 'content-length': '11' } }
    )
    try {
      countNodeHttpRequests()
      const stats = new RunStatsRecorder(() => 4)
      const get = (): Promise<number> =>
        new Promise((resolve, reject) => {
          nodeHttpGet(`${api.url}/artifact`, (res) => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
          }).on('error', reject)
        })
      await withRunStats(stats, 'handoff', async () => {
        expect(await get()).toBe(200)
        expect(await get()).toBe(500)
        // util/http.ts (fetch) counts its own request, not also as node:http.
        await httpRequest({ backend: 'prom', kind: 'prometheus', url: `${api.url}/q`, timeoutMs: 2000 })
      })
      // Outside a recorded run nothing is kept.
      await get()
      const doc = snapshot(stats)
      expectValid(doc)
      expect(doc.backends).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ backend: '127.0.0.1', kind: 'node-http', count: 2, errors: 1, bytes: 13 }),
          expect.objectContaining({ backend: 'prom', kind: 'prometheus', count: 1 })
        ])
      )
      expect(doc.totals.count).toBe(3)
    } finally {
      await api.stop()
    }
  })
})

describe('bounded concurrency per backend', () => {
  const before = httpLimits().backendConcurrency
  afterEach(() => setHttpLimits({ backendConcurrency: before }))

  test('limits.backend-concurrency is validated, 4 by default', () => {
    expect(configSchema.parse({ version: 1 }).limits['backend-concurrency']).toBe(4)
    expect(configSchema.parse({ version: 1, limits: { 'backend-concurrency': 16 } }).limits['backend-concurrency']).toBe(16)
    for (const bad of [0, -1, 2.5, 65, 'four'])
      expect(configSchema.safeParse({ version: 1, limits: { 'backend-concurrency': bad } }).success).toBe(false)
  })

  test.each([1, 3, 4])('at most %i request(s) in flight to one backend; another backend is not held up', async (limit) => {
    const slow = await countingServer(150)
    const other = await countingServer(150)
    try {
      setHttpLimits({ backendConcurrency: limit })
      const stats = new RunStatsRecorder(() => httpLimits().backendConcurrency)
      const started = Date.now()
      await withRunStats(stats, 'baseline', () =>
        Promise.all([
          ...Array.from({ length: 12 }, (_, i) => httpRequest({ backend: 'prod', url: `${slow.url}/q${i}`, timeoutMs: 5000 })),
          ...Array.from({ length: 6 }, (_, i) => httpRequest({ backend: 'other', url: `${other.url}/q${i}`, timeoutMs: 5000 }))
        ])
      )
      expect(slow.total()).toBe(12)
      // Never more than the bound at the server (on a loaded machine it may see fewer at once).
      expect(slow.maxInFlight()).toBeLessThanOrEqual(limit)
      expect(other.maxInFlight()).toBeLessThanOrEqual(limit)
      const doc = snapshot(stats)
      expect(doc.backend_concurrency).toBe(limit)
      expect(doc.backends.find((b) => b.backend === 'prod')).toMatchObject({ count: 12, max_in_flight: limit })
      expect(doc.backends.find((b) => b.backend === 'other')).toMatchObject({ count: 6, max_in_flight: limit })
      // Time in the queue is not the request's time: the calls' time adds up to at most the
      // elapsed time per slot (counted with the queue, it would grow with the square of the calls).
      const elapsed = Date.now() - started
      expect(doc.backends.find((b) => b.backend === 'prod')!.total_ms).toBeLessThanOrEqual(elapsed * limit + 20)
    } finally {
      await Promise.all([slow.stop(), other.stop()])
    }
  })

  test('a retry gives its turn back while it waits', async () => {
    const flaky = await countingServer(20, (n) =>
      n <= 2 ? { status: 503, body: '', headers: { 'Retry-After': '0.1' } } : { status: 200, body: '{}' }
    )
    try {
      setHttpLimits({ backendConcurrency: 1 })
      const started = Date.now()
      const [a, b] = await Promise.all([
        httpRequest({ backend: 'flaky', url: `${flaky.url}/a`, timeoutMs: 2000, retries: 2 }),
        httpRequest({ backend: 'flaky', url: `${flaky.url}/b`, timeoutMs: 2000, retries: 2 })
      ])
      expect([a.status, b.status]).toEqual([200, 200])
      expect(flaky.maxInFlight()).toBe(1)
      expect(Date.now() - started).toBeLessThan(1500)
    } finally {
      await flaky.stop()
    }
  })
})

describe('samples touched, from the real backends', () => {
  const end = Math.floor(Date.now() / 60_000) * 60 - 600
  const now = new Date(end * 1000)
  const history = historyOpenMetrics(
    [
      { name: 'checkout', perMinute: 600, errorsPerMinute: 6, latencyBucket: [0.1, 0.25] },
      { name: 'payments', perMinute: 300, errorsPerMinute: 3, latencyBucket: [0.5, 1] }
    ],
    end,
    1
  )
  let prom: RunningBackend
  let vm: RunningBackend
  let tsdb: string
  beforeAll(async () => {
    tsdb = backfill(history)
    ;[prom, vm] = await Promise.all([startPrometheus({ storageDir: tsdb }), startVictoriaMetrics()])
    await importIntoVictoriaMetrics(vm, history)
  }, 90_000)
  afterAll(async () => {
    await Promise.all([prom?.stop(), vm?.stop()])
    if (tsdb) rmSync(dirname(tsdb), { recursive: true, force: true })
  })

  const config = (url: string) => configSchema.parse({ version: 1, backends: { tsdb: { type: 'prometheus', url } } }).backends.tsdb!

  test('Prometheus: a query over data records its samples (stats=all), non-zero; an empty one records zero', async () => {
    const client = new PrometheusClient('prometheus', config(prom.url), {}, new MemoryLogger())
    const stats = new RunStatsRecorder(() => 4)
    await withRunStats(stats, 'baseline', async () => {
      const r = await client.instantQuery('sum(rate(http_requests_total[1h]))', now)
      expect(r.samples[0]!.value).toBeGreaterThan(0)
      await client.rangeQuery('sum by (service) (rate(http_requests_total[5m]))', new Date(now.getTime() - 3600_000), now, 60)
    })
    const doc = snapshot(stats)
    expectValid(doc)
    const b = doc.backends.find((x) => x.backend === 'prometheus')!
    expect(b.kind).toBe('prometheus')
    expect(b.count).toBe(2)
    // 1h of one-minute samples of 4 series: at least 4 x 60 for the instant query alone.
    expect(b.samples).toBeGreaterThanOrEqual(240)
    expect(b.peak_samples).toBeGreaterThan(0)
    expect(b.samples_source).toMatch(/^stats=all \(totalQueryableSamples\), 2 of the queries/)
    expect(doc.totals.samples).toBe(b.samples)
    expect(runStatsLine(doc)).toMatch(/, \d+(\.\d)?( k| M)? samples$/)
  })

  test('the audit and baseline on Prometheus record samples per phase; VictoriaMetrics answers without them: "not reported"', async () => {
    const signals = { metrics: { kind: 'promql', backend: 'tsdb', query: 'http_requests_total' } }
    const run = async (b: RunningBackend) => {
      const ctx = makeContext(
        { backends: { tsdb: { type: 'prometheus', url: b.url, 'timeout-seconds': 10, retries: 0 } }, signals },
        { services: [service('checkout', { critical: true }), service('payments')], now }
      )
      const stats = new RunStatsRecorder(() => 4)
      await withRunStats(stats, 'instrumentation', async () => {
        await inPhase('audit', () => runInstrumentationAudit(ctx))
        await inPhase('baseline', () => captureBaseline(ctx))
      })
      return snapshot(stats)
    }
    const [p, v] = await Promise.all([run(prom), run(vm)])
    expectValid(p)
    expectValid(v)
    const pb = p.backends.find((b) => b.backend === 'tsdb')!
    expect(pb.samples).toBeGreaterThan(0)
    expect(p.phases.find((x) => x.phase === 'baseline')!.samples).toBeGreaterThan(0)
    const vb = v.backends.find((b) => b.backend === 'tsdb')!
    expect(vb.samples).toBeNull()
    expect(vb.samples_source).toBe('not reported')
    expect(runStatsLine(v)).toMatch(/samples not reported/)
    // The same requests per phase on both backends.
    const per = (d: typeof p) => d.phases.map((x) => [x.phase, x.count])
    expect(per(v)).toEqual(per(p))
  })
})
