import type { IncomingMessage } from 'node:http'
import { startStandIn } from '../harness/telemetry.js'
import { makeContext, service } from '../harness/context.js'
import { runInstrumentationAudit } from '../../src/telemetry/audit.js'
import { LokiClient } from '../../src/telemetry/loki/client.js'
import { PrometheusClient } from '../../src/telemetry/prometheus/client.js'
import { plainSelector } from '../../src/telemetry/prometheus/provider.js'
import { evaluateCondition, readPath, toEpochSeconds } from '../../src/telemetry/http-json/json-path.js'
import { isHostAllowed } from '../../src/telemetry/synthetic/allowed-hosts.js'
import { SCHEMA_FILES } from '../../src/artifacts/files.js'
import { validateAgainst } from '../../src/package/schemas.js'
import { BackendError } from '../../src/util/errors.js'
import { MemoryLogger } from '../harness/memory-logger.js'
import { durationSeconds } from '../../src/util/duration.js'

const NOW_MS = Date.now()
const nowSec = NOW_MS / 1000

/** Log lines per service (epoch seconds) held by the Loki stand-in. */
const LOG_LINES: Record<string, number[]> = {
  checkout: [nowSec - 10, nowSec - 30, nowSec - 400],
  payments: [nowSec - 1200],
  catalog: [nowSec - 5]
}

/** Loki reads range durations in Prometheus's grammar, as the action writes them. */
const parseDurationSeconds = durationSeconds

/**
 * A Loki stand-in for `/loki/api/v1/query`: Loki's parameters (query, time in ns/s/RFC3339) and
 * response shape, evaluating the one LogQL form the tests use:
 * `sum by (<label>) (count_over_time({<label>=~"<re>"}[<dur>]))`. Anything else is a 400 as Loki
 * would give for a parse error.
 */
function lokiHandler(_req: IncomingMessage, url: URL): { status: number; body: unknown } {
  if (url.pathname !== '/loki/api/v1/query') return { status: 404, body: '404 page not found' }
  const query = url.searchParams.get('query')
  if (!query) return { status: 400, body: 'parse error : syntax error: unexpected $end' }
  const rawTime = url.searchParams.get('time')
  let time = nowSec
  if (rawTime !== null) {
    if (/^\d{19}$/.test(rawTime)) time = Number(BigInt(rawTime) / 1000n) / 1e6
    else if (/^\d+(\.\d+)?$/.test(rawTime)) time = Number(rawTime)
    else if (!Number.isNaN(Date.parse(rawTime))) time = Date.parse(rawTime) / 1000
    else return { status: 400, body: `invalid parameter "time": cannot parse "${rawTime}" to a valid timestamp` }
  }
  const m = /^sum by \((\w+)\) \(count_over_time\(\{(\w+)=~"([^"]*)"\}\[(\d+[smh])\]\)\)$/.exec(query.trim())
  if (!m) return { status: 400, body: `parse error at line 1: unsupported query in stand-in: ${query}` }
  const [, by, label, re, dur] = m as unknown as [string, string, string, string, string]
  if (by !== label) return { status: 400, body: 'stand-in groups only by the selector label' }
  const window = parseDurationSeconds(dur)
  const matcher = new RegExp(`^(?:${re})$`)
  const result = Object.entries(LOG_LINES)
    .filter(([svc]) => matcher.test(svc))
    .map(([svc, times]) => ({ svc, n: times.filter((t) => t > time - window && t <= time).length }))
    .filter((r) => r.n > 0)
    .map((r) => ({ metric: { [by]: r.svc }, value: [time, String(r.n)] }))
  return { status: 200, body: { status: 'success', data: { resultType: 'vector', result, stats: { summary: { execTime: 0.001 } } } } }
}

/** Traces per service (start times, epoch seconds) held by the Tempo stand-in. */
const TRACES: Record<string, number[]> = {
  checkout: [nowSec - 20, nowSec - 90],
  catalog: [nowSec - 3600]
}

/**
 * A Tempo stand-in for `/api/search`: `tags` is logfmt (`service.name=checkout`), `limit`, `start`
 * and `end` are integers; the answer is Tempo's `{traces: [{traceID, rootServiceName,
 * startTimeUnixNano, durationMs}], metrics}`. Requires the bearer token.
 */
function tempoHandler(req: IncomingMessage, url: URL): { status: number; body: unknown } {
  if (req.headers.authorization !== 'Bearer tempo-secret-token') return { status: 401, body: 'Unauthorized' }
  if (url.pathname !== '/api/search') return { status: 404, body: '404 page not found' }
  for (const p of ['limit', 'start', 'end']) {
    const v = url.searchParams.get(p)
    if (v !== null && !/^\d+$/.test(v)) return { status: 400, body: `invalid ${p}: ${v}` }
  }
  const tags = url.searchParams.get('tags')
  if (!tags) return { status: 400, body: 'invalid search request: tags or q is required by this stand-in' }
  const pairs = tags.split(' ').map((kv) => /^([\w.]+)=(\S+)$/.exec(kv))
  if (pairs.some((p) => !p)) return { status: 400, body: `invalid tags: ${tags}` }
  const svc = pairs.find((p) => p![1] === 'service.name')?.[2]
  const traces = (TRACES[svc ?? ''] ?? []).map((t, i) => ({
    traceID: `${svc}${i}`.padEnd(32, '0'),
    rootServiceName: svc,
    rootTraceName: 'GET /',
    startTimeUnixNano: (BigInt(Math.round(t * 1000)) * 1_000_000n).toString(),
    durationMs: 12
  }))
  return { status: 200, body: { traces, metrics: { inspectedTraces: traces.length, inspectedBytes: '1024' } } }
}

describe("Loki provider against a stand-in with Loki's API", () => {
  test('one LogQL query for all services; fresh logs pass, logs older than the window fail', async () => {
    const loki = await startStandIn(lokiHandler)
    try {
      const ctx = makeContext(
        {
          backends: { loki: { type: 'loki', url: loki.url } },
          signals: { logs: { kind: 'logql', backend: 'loki', query: 'sum by (service) (count_over_time({service=~".+"}[$freshness]))' } }
        },
        { services: [service('checkout'), service('payments', { critical: true }), service('catalog')], now: new Date(NOW_MS) }
      )
      const audit = await runInstrumentationAudit(ctx)
      expect(validateAgainst(SCHEMA_FILES.instrumentationAudit, audit).errors).toEqual([])
      expect(audit.services.map((s) => s.logs.verdict)).toEqual(['pass', 'fail', 'pass'])
      expect(audit.services[0]!.logs.measurement?.value).toBe(2)
      expect(audit.missing_coverage.find((g) => g.signal === 'logs')).toMatchObject({
        service: 'payments',
        gap: 'no_data',
        priority: 'high'
      })
      expect(loki.requests).toHaveLength(1)
      expect(loki.requests[0]!.url.searchParams.get('query')).toBe('sum by (service) (count_over_time({service=~".+"}[5m]))')
      expect(loki.requests[0]!.url.searchParams.get('time')).toMatch(/^\d{19}$/)
      expect(audit.requests).toBe(1)
    } finally {
      await loki.stop()
    }
  })

  test('Loki refusing the request (400) and answering log streams are errors, not empty results', async () => {
    const streams = await startStandIn(() => ({ status: 200, body: { status: 'success', data: { resultType: 'streams', result: [] } } }))
    const loki = await startStandIn(lokiHandler)
    const log = new MemoryLogger()
    try {
      const bad = new LokiClient(
        'loki',
        { type: 'loki', url: loki.url, auth: { type: 'none' }, headers: {}, 'timeout-seconds': 5, retries: 0 },
        {},
        log
      )
      await expect(bad.instantQuery('', new Date())).rejects.toThrow(/HTTP 400: parse error/)
      const s = new LokiClient(
        'loki',
        { type: 'loki', url: streams.url, auth: { type: 'none' }, headers: {}, 'timeout-seconds': 5, retries: 0 },
        {},
        log
      )
      await expect(s.instantQuery('{app="x"}', new Date())).rejects.toThrow(/resultType "streams"/)
    } finally {
      await streams.stop()
      await loki.stop()
    }
  })
})

describe('HTTP JSON provider against a Tempo-like stand-in', () => {
  const tempoCheck = (url = '/api/search?tags=service.name%3D{{service}}&limit=20') => ({
    kind: 'http',
    backend: 'tempo',
    url,
    'json-path': 'traces.length',
    condition: '> 0',
    'timestamp-path': 'traces.*.startTimeUnixNano'
  })

  test('per-service search: fresh traces pass, none fail, old ones are stale; the token never leaks', async () => {
    const tempo = await startStandIn(tempoHandler)
    try {
      const ctx = makeContext(
        {
          backends: { tempo: { type: 'http', url: tempo.url, auth: { type: 'bearer', 'token-env': 'TEMPO_TOKEN' } } },
          signals: { traces: tempoCheck() }
        },
        { services: [service('checkout'), service('payments'), service('catalog')], now: new Date(NOW_MS) }
      )
      ctx.env = { TEMPO_TOKEN: 'tempo-secret-token' }
      const audit = await runInstrumentationAudit(ctx)
      expect(validateAgainst(SCHEMA_FILES.instrumentationAudit, audit).errors).toEqual([])
      const [checkout, payments, catalog] = audit.services
      expect(checkout!.traces).toMatchObject({ verdict: 'pass', freshness_seconds: 20 })
      expect(checkout!.traces.measurement?.value).toBe(2)
      expect(payments!.traces).toMatchObject({ verdict: 'fail' })
      expect(payments!.traces.measurement?.reason).toBe('traces.length is 0, which is not > 0')
      expect(catalog!.traces).toMatchObject({ verdict: 'fail', freshness_seconds: 3600 })
      expect(audit.missing_coverage.find((g) => g.service === 'catalog' && g.signal === 'traces')).toMatchObject({ gap: 'stale' })
      expect(tempo.requests.map((r) => r.url.searchParams.get('tags'))).toEqual([
        'service.name=checkout',
        'service.name=payments',
        'service.name=catalog'
      ])
      expect(audit.requests).toBe(3)
      expect(JSON.stringify(audit)).not.toContain('tempo-secret-token')
      expect((ctx.log as MemoryLogger).secrets).toContain('tempo-secret-token')
    } finally {
      await tempo.stop()
    }
  })

  test('a request the backend rejects as malformed is an error, and a missing credential too', async () => {
    const tempo = await startStandIn(tempoHandler)
    try {
      const ctx = makeContext(
        {
          backends: { tempo: { type: 'http', url: tempo.url, auth: { type: 'bearer', 'token-env': 'TEMPO_TOKEN' } } },
          signals: { traces: tempoCheck('/api/search?limit=abc') }
        },
        { services: [service('checkout')] }
      )
      ctx.env = { TEMPO_TOKEN: 'tempo-secret-token' }
      const audit = await runInstrumentationAudit(ctx)
      expect(audit.services[0]!.traces.verdict).toBe('error')
      expect(audit.services[0]!.traces.measurement?.reason).toContain('HTTP 400, expected 200: invalid limit: abc')

      ctx.env = {}
      const noToken = await runInstrumentationAudit(ctx)
      expect(noToken.services[0]!.traces.verdict).toBe('error')
      expect(noToken.services[0]!.traces.measurement?.reason).toContain('environment variable TEMPO_TOKEN is not set')
    } finally {
      await tempo.stop()
    }
  })
})

describe('Prometheus client: malformed answers and credentials', () => {
  const config = (url: string) => ({
    type: 'prometheus' as const,
    url,
    auth: { type: 'none' as const },
    headers: {},
    'timeout-seconds': 5,
    retries: 0
  })

  test.each([
    ['a body that is not JSON', { status: 200, body: '<html>proxy error</html>' }, /not JSON/],
    [
      'status "error"',
      { status: 400, body: { status: 'error', errorType: 'bad_data', error: 'parse error' } },
      /status "error" \(bad_data: parse error\)/
    ],
    [
      'a matrix where a vector was asked',
      { status: 200, body: { status: 'success', data: { resultType: 'matrix', result: [] } } },
      /resultType "matrix"/
    ],
    [
      'a sample without a value',
      { status: 200, body: { status: 'success', data: { resultType: 'vector', result: [{ metric: {} }] } } },
      /malformed sample/
    ],
    ['no envelope', { status: 200, body: { data: [] } }, /envelope/]
  ])('%s is a BackendError, and an audit error', async (_name, answer, message) => {
    const stand = await startStandIn(() => answer)
    try {
      const client = new PrometheusClient('prom', config(stand.url), {}, new MemoryLogger())
      const err = await client.instantQuery('up').catch((e: unknown) => e)
      expect(err).toBeInstanceOf(BackendError)
      expect((err as Error).message).toMatch(message)
      const ctx = makeContext(
        { backends: { prom: config(stand.url) }, signals: { metrics: { kind: 'promql', backend: 'prom', query: 'up' } } },
        { services: [service('checkout')] }
      )
      const audit = await runInstrumentationAudit(ctx)
      expect(audit.services[0]!.metrics.verdict).toBe('error')
      expect(audit.missing_coverage[0]!.gap).toBe('backend_error')
    } finally {
      await stand.stop()
    }
  })

  test('basic auth and env headers are sent, masked, and never recorded; URL userinfo becomes basic auth', async () => {
    const seen: Array<string | string[] | undefined> = []
    const stand = await startStandIn((req) => {
      seen.push(req.headers.authorization, req.headers['x-scope-orgid'])
      return { status: 200, body: { status: 'success', data: { resultType: 'vector', result: [] } } }
    })
    try {
      const log = new MemoryLogger()
      const env = { PROM_USER: 'reader', PROM_PASS: 'pa55word', TENANT: 'tenant-7' }
      const client = new PrometheusClient(
        'mimir',
        {
          ...config(`${stand.url}/prometheus`),
          auth: { type: 'basic', 'username-env': 'PROM_USER', 'password-env': 'PROM_PASS' },
          headers: { 'X-Scope-OrgID': 'env:TENANT' }
        },
        env,
        log
      )
      const r = await client.instantQuery('up')
      expect(seen).toEqual([`Basic ${Buffer.from('reader:pa55word').toString('base64')}`, 'tenant-7'])
      expect(r.request.url).toBe(`${stand.url}/prometheus/api/v1/query`)
      expect(stand.requests[0]!.url.pathname).toBe('/prometheus/api/v1/query')
      expect(log.secrets).toEqual(expect.arrayContaining(['tenant-7', 'pa55word']))

      const withUserinfo = new PrometheusClient('prom', config(stand.url.replace('http://', 'http://u:hidden@')), {}, log)
      const r2 = await withUserinfo.instantQuery('up')
      expect(r2.request.url).not.toContain('hidden')
      expect(seen[2]).toBe(`Basic ${Buffer.from('u:hidden').toString('base64')}`)
    } finally {
      await stand.stop()
    }
  })
})

describe('small parts', () => {
  test('allowed-hosts: exact host, host:port, wildcard subdomains only', () => {
    const list = ['api.example.com', '127.0.0.1:8080', '*.internal.example.com']
    expect(isHostAllowed('https://api.example.com/x', list)).toBe(true)
    expect(isHostAllowed('https://API.example.com:8443/x', list)).toBe(true)
    expect(isHostAllowed('https://api.example.com.evil.net/x', list)).toBe(false)
    expect(isHostAllowed('http://127.0.0.1:8080/healthz', list)).toBe(true)
    expect(isHostAllowed('http://127.0.0.1:9090/healthz', list)).toBe(false)
    expect(isHostAllowed('https://a.internal.example.com/', list)).toBe(true)
    expect(isHostAllowed('https://internal.example.com/', list)).toBe(false)
    expect(isHostAllowed('https://evilinternal.example.com/', list)).toBe(false)
    expect(isHostAllowed('http://user@169.254.169.254/', list)).toBe(false)
    expect(isHostAllowed('file:///etc/passwd', ['*'])).toBe(false)
    expect(isHostAllowed('https://api.example.com/', [])).toBe(false)
  })

  test('json paths, conditions and timestamps', () => {
    const doc = { hits: { total: { value: 7 } }, traces: [{ t: '1700000000000000000' }, { t: '1700000100000000000' }], ok: true }
    expect(readPath(doc, 'hits.total.value')).toBe(7)
    expect(readPath(doc, 'traces.length')).toBe(2)
    expect(readPath(doc, 'traces.1.t')).toBe('1700000100000000000')
    expect(readPath(doc, 'traces.*.t')).toEqual(['1700000000000000000', '1700000100000000000'])
    expect(readPath(doc, 'missing.path')).toBeUndefined()
    expect(evaluateCondition(7, '> 0')).toBe(true)
    expect(evaluateCondition(0, '> 0')).toBe(false)
    expect(evaluateCondition(true, '== true')).toBe(true)
    expect(evaluateCondition('green', '!= red')).toBe(true)
    expect(evaluateCondition(Infinity, '> 0')).toBe(false)
    expect(toEpochSeconds('1700000100000000000')).toBe(1700000100)
    expect(toEpochSeconds(1700000100000)).toBe(1700000100)
    expect(toEpochSeconds(1700000100)).toBe(1700000100)
    expect(toEpochSeconds('2023-11-14T22:15:00Z')).toBe(1700000100)
    expect(toEpochSeconds('soon')).toBeUndefined()
  })
})

describe('plainSelector: a template range functions can read directly', () => {
  test.each([
    ['up', 'up'],
    ['(up)', 'up'],
    ['((x{a="b"}))', 'x{a="b"}'],
    ['{__name__="a"}', '{__name__="a"}'],
    ['x @ 123', undefined],
    ['x offset 5m', undefined],
    ['x[5m]', undefined],
    ['sum(x)', undefined],
    ['(x) * 1', undefined],
    ['x{', undefined]
  ])('%s', (template, selector) => {
    expect(plainSelector(template)).toBe(selector)
  })
})
