import type { Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { GateResult } from '../../src/gates/types.js'
import type { RunResult } from '../../src/protocol/run.js'
import { FAILED_SHOWN, renderSummary, renderTerminal, SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js'
import type { ServiceAudit, SignalCoverage } from '../../src/telemetry/types.js'
import { failingRun } from './failing-run.js'
import { mermaidBlocks, mermaidParse, parseGfm } from './mermaid.js'

const LINKS = { repoUrl: 'https://github.com/acme/shop', ref: 'abc123', runUrl: 'https://github.com/acme/shop/actions/runs/1' }

const sig = (signal: SignalCoverage['signal'], verified: boolean): SignalCoverage => ({
  signal,
  mapped: true,
  verified,
  verdict: verified ? 'pass' : 'fail'
})
const svc = (name: string, ok: boolean): ServiceAudit => ({
  service_name: name,
  critical: !ok,
  new: false,
  status: ok ? 'covered' : 'uncovered',
  metrics: sig('metrics', ok),
  logs: sig('logs', ok),
  traces: sig('traces', ok),
  synthetics: sig('synthetic', ok)
})
const gate = (id: 1 | 2 | 3 | 4, reasons: string[]): GateResult => ({
  id,
  name: `Gate ${id}`,
  status: reasons.length ? 'fail' : 'pass',
  reasons,
  errors: [],
  checks: [{ name: 'c', status: reasons.length ? 'fail' : 'pass', value: '1', threshold: '>= 1' }],
  evidence: []
})
const result = (services: ServiceAudit[], reasons: string[] = []): RunResult => ({
  status: reasons.length ? 'fail' : 'pass',
  gates: [gate(1, reasons), gate(2, []), gate(3, []), gate(4, [])],
  packageDir: '/tmp/pkg',
  artifacts: [],
  backlog: [],
  errors: [],
  model: {
    release: { tag: 'v1' },
    environment: 'p',
    services: services.map((s) => ({ name: s.service_name })),
    slos: []
  } as unknown as RunResult['model'],
  audit: {
    schema_version: 2,
    audit_date: '',
    environment: 'p',
    coverage_completeness: 0,
    requests: 0,
    services,
    missing_coverage: [],
    source: 'built-in'
  }
})

const text = (n: RootContent | Root): string => toString(n)
/** Index of the top-level node that opens a <details> whose summary matches. */
const detailsOpen = (tree: Root, re: RegExp): number =>
  tree.children.findIndex((n) => n.type === 'html' && /^<details>/.test(n.value) && re.test(n.value))
const detailsClose = (tree: Root, from: number): number =>
  tree.children.findIndex((n, i) => i > from && n.type === 'html' && /<\/details>/.test(n.value))

describe('job summary, rendered as GitHub-flavoured Markdown', () => {
  const md = renderSummary(failingRun(), LINKS)
  const tree = parseGfm(md)

  test('the first screen: the verdict, then one line per failed check before anything else', () => {
    const [h, facts, h2, list] = tree.children
    expect(h).toMatchObject({ type: 'heading', depth: 2 })
    expect(text(h!)).toBe('❌ Monitoring is not in place: 3 of 4 gates failed (gate 1, gate 2, gate 4)')
    expect(facts!.type).toBe('paragraph')
    expect(text(facts!)).toContain('SLO breached: checkout-availability')
    expect(text(h2!)).toBe('What failed and what to do')
    expect(list).toMatchObject({ type: 'list', ordered: true })
    // Nothing but those four nodes comes before the list: no table, no chart, no details.
    const items = (list as { children: RootContent[] }).children.map(text)
    expect(items.length).toBeGreaterThanOrEqual(5)
    for (const item of items) {
      expect(item).toMatch(/^❌ /)
      expect(item).toMatch(/Do: \S/)
    }
    // Most important first: the backend that took three checks with it, said once.
    expect(items[0]).toContain(
      'the backend did not answer: loki: connect ECONNREFUSED 127.0.0.1:3100 (3 checks: checkout/logs, payments/logs, catalog/logs)'
    )
    expect(items.filter((i) => i.includes('ECONNREFUSED'))).toHaveLength(1)
    expect(items[0]).toContain('make the backend reachable')
    // A critical service's missing signal: the cause, the value against its threshold, the hint, links.
    const traces = items.find((i) => i.startsWith('❌ payments · traces'))!
    expect(traces).toContain('no data: the query returned no series for payments')
    expect(traces).toContain('Value none, needs > 0 series, newest sample < 5m old')
    expect(traces).toContain('Add the missing traces instrumentation')
    // The route: where it went, where it should have, what to run to check the fix.
    const route = items.find((i) => i.includes('route payments-page'))!
    expect(route).toContain('the alert went to default-email, not to payments-oncall')
    expect(route).toContain(
      'Check: amtool config routes test --config.file=alertmanager.yml --verify.receivers=payments-oncall service=payments severity=page'
    )
    // The SLO breach is on the first screen, with attainment and budget.
    const slo = items.find((i) => i.includes('SLO checkout-availability'))!
    expect(slo).toContain('-4900% of the error budget left')
    expect(slo).toContain('Value 95%, needs >= 99.9% over 30d')
    // The missing rule points at the suggested rule file.
    expect(items.find((i) => i.includes('page alert (1h) for SLO checkout-availability'))).toContain('suggested-alert-rules.yml')
  })

  test('a diagnosed cause of missing data gives the cause and its own hint', () => {
    const run = failingRun()
    run.audit!.services[1]!.traces.diagnosis = {
      cause: 'label_value_mismatch',
      detail: 'traces_spans_total exists, but not for service="payments"',
      query: 'count by (service) (traces_spans_total)',
      closest_values: ['payment']
    }
    const items = (parseGfm(renderSummary(run, LINKS)).children[3] as { children: RootContent[] }).children.map(text)
    const traces = items.find((i) => i.startsWith('❌ payments · traces'))!
    expect(traces).toContain('no data: traces_spans_total exists, but not for service="payments"')
    expect(traces).toContain('Do: Fix the service label: the backend has payment; set services[].selector')
    expect(traces).toContain('query (diagnosis)')
  })

  test('each failed check links to its query in the backend UI, the runbook and its issue', () => {
    const links: Array<{ url: string; text: string }> = []
    const walk = (n: { type: string; url?: string; children?: unknown[] }): void => {
      if (n.type === 'link') links.push({ url: n.url!, text: text(n as never) })
      for (const c of (n.children ?? []) as Array<typeof n>) walk(c)
    }
    walk(tree.children[3] as never)
    const query = links.find((l) => l.text === 'query' && l.url.includes('traces_spans_total'))!
    expect(new URL(query.url).origin).toBe('http://prometheus.example:9090')
    expect(new URL(query.url).pathname).toBe('/graph')
    expect(new URL(query.url).searchParams.get('g0.expr')).toBe('sum by (service) (rate(traces_spans_total[5m]))')
    const grafana = links.find((l) => l.text === 'Grafana')!
    expect(JSON.parse(new URL(grafana.url).searchParams.get('panes')!).a.queries[0].expr).toContain('traces_spans_total')
    expect(links.map((l) => l.url)).toContain('https://github.com/acme/shop/issues/7')
    expect(links.map((l) => l.url)).toContain(
      'https://github.com/acme/shop/blob/abc123/RUNBOOKS/monitoring-runbook.md#release-v240-production'
    )
    const am = links.find((l) => l.text === 'Alertmanager')!
    expect(decodeURIComponent(am.url)).toContain('filter={service="payments",severity="page"}')
  })

  test('the gate table gives each gate its first reason, not a count', () => {
    const table = tree.children.find((n) => n.type === 'table')!
    const rows = (table as { children: RootContent[] }).children.map((r) => (r as { children: RootContent[] }).children.map(text))
    expect(rows[0]).toEqual(['Gate', 'Status', 'First reason'])
    expect(rows[2]![2]).toBe(
      '[ERROR] Synthetic alert did not reach on-call responder. route payments-page: expected receiver payments-oncall, actual default-email: routed elsewhere (+1 more)'
    )
    expect(rows[3]![2]).toBe('all checks pass')
    for (const r of rows.slice(1)) expect(r[2]).not.toMatch(/^\d+$/)
    // The table comes after the failed checks.
    expect(tree.children.indexOf(table)).toBeGreaterThan(3)
  })

  test('passing gates, the matrix, the baseline, the alert tests and the backlog are folded', () => {
    const at = (re: RegExp): number => tree.children.findIndex((n) => n.type === 'heading' && re.test(text(n)))
    for (const [summary, inner] of [
      [/Passing gates \(1\): gate 3/, /Gate 3: Observability Assurance Gate: PASS/],
      [/Coverage matrix/, undefined],
      [/Baseline against the previous release/, undefined],
      [/Alert path tests/, undefined],
      [/Improvement backlog/, undefined]
    ] as Array<[RegExp, RegExp | undefined]>) {
      const open = detailsOpen(tree, summary)
      expect(open).toBeGreaterThan(3)
      const close = detailsClose(tree, open)
      expect(close).toBeGreaterThan(open)
      if (inner) {
        const h = at(inner)
        expect(h).toBeGreaterThan(open)
        expect(h).toBeLessThan(close)
      }
    }
  })

  test('the baseline shows the change against the previous release with arrows and percentages', () => {
    expect(md).toContain('| checkout | latency\\_p95 | 0.24 | 0.31 | ↑ +29.2% | at most +10% | ❌ |')
    expect(md).toContain('↓ -50%')
  })

  test('the backlog is listed highest priority first, each with its issue', () => {
    const open = detailsOpen(tree, /Improvement backlog/)
    const table = tree.children.slice(open).find((n) => n.type === 'table') as { children: RootContent[] }
    const priorities = table.children.slice(1).map((r) => text((r as { children: RootContent[] }).children[0]!))
    expect(priorities).toEqual([...priorities].sort((a, b) => ['high', 'medium', 'low'].indexOf(a) - ['high', 'medium', 'low'].indexOf(b)))
    expect(priorities[0]).toBe('high')
    expect(md).toMatch(/\[\\#\u200D7\]\(<https:\/\/github.com\/acme\/shop\/issues\/7>\)/)
  })

  test('every Mermaid block parses with mermaid, beside a table of the same numbers', async () => {
    const blocks = mermaidBlocks(md)
    expect(blocks).toHaveLength(4) // SLO attainment, error budget, coverage per signal, baseline change
    for (const b of blocks) expect(await mermaidParse(b)).toMatchObject({ diagramType: 'xychart' })
    expect(blocks[0]).toContain('bar [95, 99.5]')
    expect(blocks[1]).toContain('bar [-100, 50]') // clamped; the table says -4900%
    expect(md).toContain('| checkout-availability | -4900% |')
    // A hostile name cannot break the chart or the page.
    const hostile = failingRun()
    hostile.slos![0]!.slo = 'x"]\n  bar [1]\n```\n<script>alert(1)</script>; %%{init: {}}%%'
    const hmd = renderSummary(hostile, LINKS)
    const hb = mermaidBlocks(hmd)
    expect(hb).toHaveLength(4)
    for (const b of hb) await expect(mermaidParse(b)).resolves.toMatchObject({ diagramType: 'xychart' })
    expect(hmd).not.toContain('<script>')
  })

  test('a run with invalid input says so first, with what to do', () => {
    const bad: RunResult = {
      status: 'fail',
      gates: ([1, 2, 3, 4] as const).map((id) => ({ ...gate(id, ['invalid input: config.yml:4: unknown key freshnes']), checks: [] })),
      packageDir: '/tmp/pkg',
      artifacts: [],
      backlog: [],
      errors: ['config.yml:4: unknown key freshnes']
    }
    const t = parseGfm(renderSummary(bad, {}))
    expect(text(t.children[0]!)).toBe('❌ Monitoring is not in place: 4 of 4 gates failed (gate 1, gate 2, gate 3, gate 4)')
    const list = t.children[3] as { type: string; children: RootContent[] }
    expect(list.type).toBe('list')
    expect(list.children).toHaveLength(1)
    expect(text(list.children[0]!)).toContain('config.yml:4: unknown key freshnes. Do: Fix the file and field named')
  })

  test('text from evidence is escaped: no HTML, no mentions, no issue references, no table breaks', () => {
    const md2 = renderSummary(
      result([svc('<img src=x onerror=alert(1)>|x', false)], ['service @org/team broke #12 <script>alert(1)</script>']),
      {}
    )
    expect(md2).not.toContain('<img')
    expect(md2).not.toContain('<script>')
    expect(md2).toContain('&lt;img src=x onerror=alert(1)&gt;\\|x')
    expect(md2).not.toMatch(/(^|[^\u200d])@org/)
    expect(md2).not.toMatch(/#12/)
  })

  test('stays under the runner limit with a huge fleet; what is cut is never a failure', () => {
    const services = Array.from({ length: 30000 }, (_, i) =>
      svc(`service-with-a-rather-long-name-${String(i).padStart(5, '0')}`, i % 3 !== 0)
    )
    const md2 = renderSummary(result(services, ['x']), {})
    expect(Buffer.byteLength(md2)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(md2).toMatch(/row\(s\) left out to fit the summary limit; the full matrix is in instrumentation-audit\.json/)
    expect(md2).toContain('service-with-a-rather-long-name-00000')
    const t = parseGfm(md2)
    expect(text(t.children[2]!)).toBe('What failed and what to do')
    const list = t.children[3] as { children: RootContent[] }
    expect(list.children).toHaveLength(FAILED_SHOWN)
    expect(md2).toContain(`${10000 * 4 - FAILED_SHOWN} more failed check(s)`)
    // The gate table survives every cut.
    expect(md2).toContain('| Gate | Status | First reason |')
  })

  test('a backend down for many services is said once, with the count', () => {
    const down: SignalCoverage = {
      signal: 'metrics',
      mapped: true,
      verified: false,
      verdict: 'error',
      measurement: {
        request: { backend: 'prom', method: 'GET', url: 'http://p/api/v1/query' },
        value: null,
        started_at: '',
        finished_at: '',
        verdict: 'error',
        reason: 'HTTP 503'
      }
    }
    const services = Array.from({ length: 20 }, (_, i) => ({
      ...svc(`s${i}`, false),
      metrics: down,
      logs: { ...down, signal: 'logs' as const }
    }))
    const md2 = renderSummary(result(services, ['x']), {})
    expect(md2.match(/HTTP 503/g)).toHaveLength(1)
    expect(md2).toContain(
      'the backend did not answer: prom: HTTP 503 (40 checks: s0/metrics, s0/logs, s1/metrics, s1/logs, s2/metrics, +35 more)'
    )
  })

  test('the terminal text says what failed and what to do, then the gates with their first reason', () => {
    const t = renderTerminal(failingRun())
    expect(t).toContain('Monitoring is NOT in place.')
    expect(t).toMatch(
      /What failed and what to do:\n {2}x backend loki: the backend did not answer: loki: connect ECONNREFUSED 127.0.0.1:3100 \(3 checks/
    )
    expect(t).toContain('      do: Not a monitoring gap')
    expect(t).toContain('Gate 4 Handoff Package Gate: FAIL - 1 failed check(s) above')
    expect(t).toContain('Gate 3 Observability Assurance Gate: PASS\n')
    expect(t.match(/ECONNREFUSED/g)).toHaveLength(1)
  })
})
