/**
 * Request cost of the backtest against the number of SLOs and services: one query per rule shape,
 * so a rule grouped by service, and the per-service copies of one rule, each cost one query
 * whatever the fleet. `npm run bench` runs this with
 * SRE_BENCH_OUT set (10 and 100 SLOs) and reads the time and request counts written there.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { backtestAlerts } from '../../src/assurance/backtest/backtest.js'
import type { Incident } from '../../src/assurance/types.js'
import { backfill, startPrometheus } from '../harness/backends.js'
import { makeContext, service } from '../harness/context.js'

const MIN = 60
const HOUR = 3600
const END = Math.floor(Date.now() / 1000 / HOUR) * HOUR - 2 * HOUR
const START = END - 86400
const SIZES = process.env.SRE_BENCH_OUT ? [10, 100] : [3, 12]
const name = (i: number): string => `svc-${String(i).padStart(3, '0')}`
/** Service i has one incident: 30 minutes at 50% errors, starting at hour 2 + (i mod 20). */
const incidentStart = (i: number): number => START + (2 + (i % 20)) * HOUR

function history(n: number, nameOf: (i: number) => string = name): string {
  const lines = ['# TYPE http_requests counter']
  for (let i = 0; i < n; i++) {
    const errs = (t: number): number => (t > incidentStart(i) && t <= incidentStart(i) + 30 * MIN ? 50 : 0)
    for (const [code, per] of [
      ['500', errs],
      ['200', (t: number) => 100 - errs(t)]
    ] as const) {
      let v = 1000
      for (let t = START; t <= END; t += MIN) {
        if (t > START) v += per(t)
        lines.push(`http_requests_total{service="${nameOf(i)}",code="${code}"} ${v} ${t}`)
      }
    }
  }
  lines.push('# EOF')
  return lines.join('\n') + '\n'
}

function rules(n: number, nameOf: (i: number) => string = name): string {
  const ratio = (svc: string, w: string): string =>
    `sum(rate(http_requests_total{service="${svc}",code=~"5.."}[${w}])) / sum(rate(http_requests_total{service="${svc}"}[${w}]))`
  const slo = Array.from(
    { length: n },
    (_, i) => `      - alert: ErrorBudgetBurn
        expr: ${ratio(nameOf(i), '1h')} > 14.4 * 0.001 and ${ratio(nameOf(i), '5m')} > 14.4 * 0.001
        for: 2m
        labels: { severity: page, service: ${nameOf(i)}, slo: ${nameOf(i)}-availability }`
  )
  return `groups:
  - name: slos
    interval: 1m
    rules:
${slo.join('\n')}
      - alert: HighErrorRatio
        expr: sum by (service) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (service) (rate(http_requests_total[5m])) > 0.1
        for: 5m
        labels: { severity: ticket }
`
}

describe('backtest request cost', () => {
  const measured: Array<{
    slos: number
    services: number
    rules: number
    requests: Record<string, number>
    wall_ms: number
    recall: number | null
    precision: number | null
  }> = []

  afterAll(() => {
    if (process.env.SRE_BENCH_OUT) writeFileSync(process.env.SRE_BENCH_OUT, JSON.stringify({ lookback: '1d', sizes: measured }, null, 2))
  })

  it.each(SIZES)(
    'one query per rule shape, none per service: %i SLOs',
    async (n) => {
      const prom = await startPrometheus({ storageDir: backfill(history(n)), rules: { 'slos.yml': rules(n) } })
      try {
        const ctx = makeContext(
          {
            backends: { prom: { type: 'prometheus', url: prom.url } },
            alerting: { 'rules-backend': 'prom' },
            incidents: { lookback: '1d' }
          },
          { services: Array.from({ length: n }, (_, i) => service(name(i))), now: new Date(END * 1000) }
        )
        ctx.workspace = mkdtempSync(join(tmpdir(), 'bt-scale-'))
        const incidents: Incident[] = Array.from({ length: n }, (_, i) => ({
          id: `INC-${i}`,
          service: name(i),
          started_at: new Date(incidentStart(i) * 1000).toISOString(),
          resolved_at: new Date((incidentStart(i) + 30 * MIN) * 1000).toISOString(),
          source: 'bench'
        }))
        const { PrometheusClient } = await import('../../src/telemetry/prometheus/client.js')
        const client = new PrometheusClient('prom', ctx.config.backends.prom!, {}, ctx.log)
        const t0 = performance.now()
        const bt = await backtestAlerts({ ctx, prometheus: async () => client, incidents, incidentSources: [] })
        const wall = Math.round(performance.now() - t0)
        measured.push({
          slos: n,
          services: n,
          rules: bt.summary.rules,
          requests: { ...bt.requests, http: client.requests },
          wall_ms: wall,
          recall: bt.summary.recall,
          precision: bt.summary.precision
        })
        expect(bt.summary.rules).toBe(n + 1)
        expect(bt.summary.evaluated).toBe(n + 1)
        expect(bt.requests).toEqual({
          rules_api: 1,
          data_coverage: 3,
          alerts_history: 1,
          rule_queries: 2,
          label_values: 0,
          total: 7,
          rules_evaluated: n + 1
        })
        expect(client.requests).toBe(7)
        // The per-service copies, asked as one query by service: each judged on its own service's
        // series, firing for its own incident only.
        const copies = bt.rules.filter((r) => r.name === 'ErrorBudgetBurn')
        expect(copies).toHaveLength(n)
        for (const r of copies) {
          const svc = r.labels.service!
          expect(r.request).toContain(`one query for ${n} rules of this shape by service`)
          expect(r.intervals.length).toBeGreaterThan(0)
          expect(r.intervals.every((i) => i.service === svc)).toBe(true)
          expect(r.incidents.filter((o) => o.status === 'detected').map((o) => o.id)).toEqual([`INC-${Number(svc.slice(4))}`])
          expect(r.false_positives).toBe(0)
        }
        // The grouped rule answers for every service with its one query.
        const grouped = bt.rules.find((r) => r.name === 'HighErrorRatio')!
        expect(grouped.recall).toBe(1)
        expect(new Set(grouped.intervals.map((i) => i.service)).size).toBe(n)
        expect(bt.summary.recall).toBe(1)
        // Nothing in ALERTS over the backfilled day: no history to compare with, not "nothing fired".
        expect(bt.history.status).toBe('no_history')
        expect(bt.rules.every((r) => r.history.status === 'no_history')).toBe(true)
      } finally {
        await prom.stop()
      }
    },
    300_000
  )

  it('a shape of more services than one query can list is one query all the same, excluding the services no rule has', async () => {
    // Names of 400 characters: 12 rules' values no longer fit in one query; 3 more services have data but no rule.
    const n = 12
    const extra = 3
    const long = (i: number): string => `${name(i)}-${'x'.repeat(400)}`
    const prom = await startPrometheus({ storageDir: backfill(history(n + extra, long)), rules: { 'slos.yml': rules(n, long) } })
    try {
      const ctx = makeContext(
        { backends: { prom: { type: 'prometheus', url: prom.url } }, alerting: { 'rules-backend': 'prom' }, incidents: { lookback: '1d' } },
        { services: Array.from({ length: n }, (_, i) => service(long(i))), now: new Date(END * 1000) }
      )
      ctx.workspace = mkdtempSync(join(tmpdir(), 'bt-except-'))
      const incidents: Incident[] = Array.from({ length: n + extra }, (_, i) => ({
        id: `INC-${i}`,
        service: long(i),
        started_at: new Date(incidentStart(i) * 1000).toISOString(),
        resolved_at: new Date((incidentStart(i) + 30 * MIN) * 1000).toISOString(),
        source: 'bench'
      }))
      const { PrometheusClient } = await import('../../src/telemetry/prometheus/client.js')
      const client = new PrometheusClient('prom', ctx.config.backends.prom!, {}, ctx.log)
      const bt = await backtestAlerts({ ctx, prometheus: async () => client, incidents, incidentSources: [] })
      // One label-values request, then the shape's one query (the grouped rule is the other).
      expect(bt.requests).toMatchObject({ rule_queries: 2, label_values: 1, rules_evaluated: n + 1 })
      const copies = bt.rules.filter((r) => r.name === 'ErrorBudgetBurn')
      expect(copies).toHaveLength(n)
      for (const r of copies) {
        const i = Number(r.labels.service!.slice(4, 7))
        expect(r.request).toContain(
          `one query for ${n} rules of this shape by service (every value the backend holds but those no rule has)`
        )
        expect(r.intervals.every((x) => x.service === long(i))).toBe(true)
        expect(r.incidents.filter((o) => o.status === 'detected').map((o) => o.id)).toEqual([`INC-${i}`])
        expect(r.false_positives).toBe(0)
      }
    } finally {
      await prom.stop()
    }
  }, 120_000)

  it('absent() copies of one rule are one count query, each firing exactly where its own absent() fires', async () => {
    const n = 4
    // Service i stops reporting for 20 minutes at hour 3 + 2i; the last stops for good at hour 20.
    const gap = (i: number, t: number): boolean =>
      (t >= START + (3 + 2 * i) * HOUR && t < START + (3 + 2 * i) * HOUR + 20 * MIN) || (i === n - 1 && t >= START + 20 * HOUR)
    const lines = ['# TYPE http_requests counter']
    for (let i = 0; i < n; i++)
      for (let t = START, v = 0; t <= END; t += MIN, v += 10)
        if (!gap(i, t)) lines.push(`http_requests_total{service="${name(i)}",code="200"} ${v} ${t}`)
    lines.push('# EOF')
    const prom = await startPrometheus({ storageDir: backfill(lines.join('\n') + '\n') })
    const absentRule = (i: number): string =>
      `      - alert: TelemetryAbsent\n        expr: absent(http_requests_total{service="${name(i)}", code=~"2.."})\n        for: 5m\n        labels: { service: ${name(i)}, severity: page }`
    const fileOf = (ids: number[]): string => `groups:\n  - name: absent\n    interval: 1m\n    rules:\n${ids.map(absentRule).join('\n')}\n`
    try {
      const { PrometheusClient } = await import('../../src/telemetry/prometheus/client.js')
      const run = async (ids: number[]) => {
        const ctx = makeContext(
          {
            backends: { prom: { type: 'prometheus', url: prom.url } },
            alerting: { 'rule-files': ['absent.yml'] },
            incidents: { lookback: '1d' }
          },
          { services: Array.from({ length: n }, (_, i) => service(name(i))), now: new Date(END * 1000) }
        )
        ctx.workspace = mkdtempSync(join(tmpdir(), 'bt-absent-'))
        writeFileSync(join(ctx.workspace, 'absent.yml'), fileOf(ids))
        const client = new PrometheusClient('prom', ctx.config.backends.prom!, {}, ctx.log)
        return backtestAlerts({ ctx, prometheus: async () => client, incidents: [], incidentSources: [] })
      }
      const together = await run(Array.from({ length: n }, (_, i) => i))
      expect(together.requests.rule_queries).toBe(1)
      for (let i = 0; i < n; i++) {
        const alone = (await run([i])).rules[0]!
        const grouped = together.rules.find((r) => r.labels.service === name(i))!
        expect(alone.request).not.toContain('one query for')
        expect(grouped.request).toContain(
          `one query for ${n} rules of this shape by service: count(http_requests_total{service="${name(i)}", code=~"2.."})`
        )
        expect([name(i), grouped.status, grouped.intervals]).toEqual([name(i), 'evaluated', alone.intervals])
        // Each fires for its own gap (and the last one from hour 20 on), after its 5m for.
        expect(grouped.intervals.length).toBe(i === n - 1 ? 2 : 1)
      }
    } finally {
      await prom.stop()
    }
  }, 120_000)

  it('a shape the backend refuses: each rule is asked alone and carries its own refusal', async () => {
    const n = 3
    const prom = await startPrometheus({ storageDir: backfill(history(n)) })
    try {
      const ctx = makeContext(
        {
          backends: { prom: { type: 'prometheus', url: prom.url } },
          alerting: { 'rule-files': ['bad.yml'] },
          incidents: { lookback: '1d' }
        },
        { services: Array.from({ length: n }, (_, i) => service(name(i))), now: new Date(END * 1000) }
      )
      ctx.workspace = mkdtempSync(join(tmpdir(), 'bt-refused-'))
      // Valid to the grammar, refused by Prometheus: an aggregation over a range vector.
      const rule = (i: number) =>
        `      - alert: Refused\n        expr: sum(http_requests_total{service="${name(i)}"}[5m]) > 0\n        labels: { service: ${name(i)} }`
      writeFileSync(
        join(ctx.workspace, 'bad.yml'),
        `groups:\n  - name: bad\n    interval: 1m\n    rules:\n${Array.from({ length: n }, (_, i) => rule(i)).join('\n')}\n`
      )
      const { PrometheusClient } = await import('../../src/telemetry/prometheus/client.js')
      const client = new PrometheusClient('prom', ctx.config.backends.prom!, {}, ctx.log)
      const bt = await backtestAlerts({ ctx, prometheus: async () => client, incidents: [], incidentSources: [] })
      expect(bt.rules).toHaveLength(n)
      for (const r of bt.rules) {
        expect(r.status).toBe('error')
        expect(r.detail).toMatch(/bad_data|HTTP 400/)
      }
      // The shape's one request, then each rule alone.
      expect(bt.requests.rule_queries).toBe(1 + n)
      expect(bt.status).toBe('error')
    } finally {
      await prom.stop()
    }
  }, 120_000)
})
