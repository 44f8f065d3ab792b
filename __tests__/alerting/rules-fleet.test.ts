/**
 * Rule alignment and the detection drill at fleet size. The alignment of 500 SLOs with 2,000
 * burn-rate alerts (half of them over Sloth-style recording rules that share names) must find every
 * alert; with SRE_BENCH_OUT set (npm run bench), the timings and request counts are written there,
 * and the drill is run for 10 and 100 SLOs. Speed is measured by the bench, never asserted here.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startAlertmanager, type RunningBackend } from '../harness/backends.js'
import { alignFindings, checkSloAlignment, parseRuleFile } from '../../src/alerting/slo/rules.js'
import { RuleSet } from '../../src/alerting/slo/rule-set.js'
import { runDetectionDrill } from '../../src/alerting/drill/run.js'
import { makeContext, service } from '../harness/context.js'

const WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d']

function fleet(n: number): { rules: string; slos: Array<Record<string, unknown>>; services: string[] } {
  const groups: string[] = []
  const slos: Array<Record<string, unknown>> = []
  const services: string[] = []
  for (let i = 0; i < n; i++) {
    const svc = `svc-${i}`
    services.push(svc)
    slos.push({
      name: `${svc}-availability`,
      service: svc,
      objective: 99.9,
      'error-query': `sum(rate(http_requests_total{service="${svc}",code=~"5.."}[$window]))`,
      'total-query': `sum(rate(http_requests_total{service="${svc}"}[$window]))`
    })
    const ratio = (w: string): string =>
      `sum(rate(http_requests_total{service="${svc}",code=~"5.."}[${w}])) / sum(rate(http_requests_total{service="${svc}"}[${w}]))`
    const rules: string[] = []
    const cond = (long: string, short: string, f: number): string =>
      i % 2 === 0
        ? `(max(slo:sli_error:ratio_rate${long}{sloth_id="${svc}-availability", sloth_service="${svc}"} > (${f} * 0.0009999999999999432)) without (sloth_window) and max(slo:sli_error:ratio_rate${short}{sloth_id="${svc}-availability", sloth_service="${svc}"} > (${f} * 0.0009999999999999432)) without (sloth_window))`
        : `(${ratio(long)} > ${f} * (1 - 0.999) and ${ratio(short)} > ${f} * (1 - 0.999))`
    if (i % 2 === 0) {
      for (const w of WINDOWS) {
        rules.push(`      - record: slo:sli_error:ratio_rate${w}
        expr: ${JSON.stringify(ratio(w))}
        labels: { sloth_id: ${svc}-availability, sloth_service: ${svc}, sloth_slo: availability, sloth_window: ${w} }`)
      }
    }
    const alert = (name: string, expr: string, severity: string): string => `      - alert: ${name}
        expr: ${JSON.stringify(expr)}
        labels: { severity: ${severity}, service: ${svc} }`
    rules.push(alert(`Svc${i}PageFast`, cond('1h', '5m', 14.4), 'page'))
    rules.push(alert(`Svc${i}PageSlow`, cond('6h', '30m', 6), 'page'))
    rules.push(alert(`Svc${i}TicketFast`, cond('1d', '2h', 3), 'ticket'))
    rules.push(alert(`Svc${i}Ticket`, cond('3d', '6h', 1), 'ticket'))
    groups.push(`  - name: ${svc}\n    rules:\n${rules.join('\n')}`)
  }
  return { rules: `groups:\n${groups.join('\n')}\n`, slos, services }
}

function context(n: number, extra: Record<string, unknown> = {}) {
  const f = fleet(n)
  const ctx = makeContext(
    { slos: f.slos, alerting: { 'rule-files': ['rules/fleet.yml'], ...extra } },
    { services: f.services.map((s) => service(s)) }
  )
  mkdirSync(join(ctx.workspace, 'rules'), { recursive: true })
  writeFileSync(join(ctx.workspace, 'rules', 'fleet.yml'), f.rules)
  return ctx
}

const bench = process.env.SRE_BENCH_OUT
const out: Record<string, unknown> = {}
afterAll(() => {
  if (bench) writeFileSync(bench, JSON.stringify(out, null, 2) + '\n')
})

describe('rule alignment at fleet size', () => {
  test('500 SLOs and 2,000 alerts, half over Sloth-style recording rules: every alert found', async () => {
    const ctx = context(500)
    const text = fleet(500).rules
    const clock = (): { wall: number; cpu: number } => ({ wall: performance.now(), cpu: process.cpuUsage().user / 1000 })
    const since = (t: { wall: number; cpu: number }): { wall_ms: number; cpu_ms: number } => {
      const n = clock()
      return { wall_ms: Math.round(n.wall - t.wall), cpu_ms: Math.round(n.cpu - t.cpu) }
    }
    let t = clock()
    const rules = parseRuleFile(text, 'fleet.yml')
    const yaml = since(t)
    t = clock()
    const set = new RuleSet(rules)
    const index = since(t)
    t = clock()
    const pure = alignFindings(ctx, set)
    const match = since(t)
    expect(pure.filter((f) => f.status !== 'aligned')).toEqual([])
    t = clock()
    const { alignment } = await checkSloAlignment(ctx)
    const total = since(t)
    expect(alignment.findings).toHaveLength(1500)
    expect(alignment.findings.filter((f) => f.status !== 'aligned')).toEqual([])
    expect(alignment.findings[0]).toMatchObject({ slo: 'svc-0-availability', kind: 'page', found: { rule: 'Svc0PageFast', factor: 14.4 } })
    expect(alignment.findings[1497]).toMatchObject({
      slo: 'svc-499-availability',
      kind: 'page',
      found: { rule: 'Svc499PageFast', factor: 14.4 }
    })
    // A second, parse-cached run shows the cost of the index and the matching alone.
    t = clock()
    alignFindings(ctx, new RuleSet(rules))
    const warm = since(t)
    out.alignment = {
      slos: 500,
      alerts: 2000,
      recording_rules: 250 * WINDOWS.length,
      findings: alignment.findings.length,
      rule_file_yaml: yaml,
      parse_and_index: index,
      match: match,
      parse_index_match: { wall_ms: index.wall_ms + match.wall_ms, cpu_ms: index.cpu_ms + match.cpu_ms },
      warm_index_match: warm,
      check_slo_alignment_from_file: total
    }
  }, 120_000)
})

const drillBench = bench ? describe : describe.skip
drillBench('detection drill for 10 and 100 SLOs (bench only)', () => {
  let am: RunningBackend
  beforeAll(async () => {
    am = await startAlertmanager('route:\n  receiver: default\nreceivers:\n  - name: default\n')
  })
  afterAll(async () => {
    await am?.stop()
  })
  test.each((process.env.SRE_BENCH_DRILL_SLOS ?? '10,100').split(',').map(Number))(
    '%i SLOs',
    async (n) => {
      const ctx = context(n, { alertmanager: { url: am.url } })
      const { ruleSet } = await checkSloAlignment(ctx)
      const started = Date.now()
      const drill = await runDetectionDrill(ctx, ruleSet!)
      const scenarios = drill.targets.flatMap((t) => t.scenarios)
      expect(drill.targets).toHaveLength(n)
      out[`drill_${n}`] = {
        slos: n,
        ms: Date.now() - started,
        requests: drill.requests,
        scenarios: scenarios.length,
        passed: scenarios.filter((s) => s.status === 'passed').length,
        status: drill.status
      }
    },
    3_600_000
  )
})
