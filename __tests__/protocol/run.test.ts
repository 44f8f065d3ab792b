import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ANNOUNCE, runProtocol } from '../../src/protocol/run.js'
import { validateAgainst } from '../../src/package/schemas.js'
import { MemoryLogger } from '../harness/memory-logger.js'
import { exampleWorkspace, runOptions } from '../harness/context.js'

describe('the protocol run', () => {
  test('unreachable backends: every gate that needs them fails with backend errors, and the whole package is still written', async () => {
    const dir = exampleWorkspace()
    const log = new MemoryLogger()
    const result = await runProtocol(runOptions(dir, log))
    expect(result.status).toBe('fail')
    const [g1, g2, g3, g4] = result.gates
    expect(g1!.status).toBe('fail')
    expect(g1!.reasons.join('\n')).toContain('[ERROR] Missing telemetry coverage for critical service: checkout.')
    expect(g1!.errors.length).toBeGreaterThan(0)
    expect(g2!.status).toBe('fail')
    expect(g3!.status).toBe('fail')
    // Gate 1 failed, so the protocol paused: the package is delivered but not handed off.
    expect(g4!.status).toBe('fail')
    expect(g4!.reasons.join('\n')).toContain('handoff held: gate 1')
    expect(existsSync(join(dir, 'delivered', 'protocol-13-handoff.json'))).toBe(false)

    for (const name of [
      'monitoring-requirements.md',
      'instrumentation-audit.json',
      'baseline-metrics.json',
      'dashboard-config.md',
      'alert-test-results.json',
      'observability-schedule.json',
      'alert-tuning-report.md',
      'observability-scorecard.md',
      'monitoring-package-manifest.json',
      'monitoring-approval-record.json',
      'improvement-backlog.md',
      'gate-results.json',
      'alert-backtest.json',
      'run-stats.json',
      'monitoring-runbook.md'
    ]) {
      expect(existsSync(join(dir, 'out', name))).toBe(true)
      expect(existsSync(join(dir, 'delivered', name))).toBe(true)
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'monitoring-package-manifest.json'), 'utf8')) as {
      artifacts: Array<{ name: string; sha256: string }>
      manifest_completeness: number
    }
    expect(manifest.manifest_completeness).toBe(100)
    expect(manifest.artifacts.some((a) => a.name === 'alert-backtest.json')).toBe(true)
    expect(manifest.artifacts.some((a) => a.name === 'run-stats.json')).toBe(true)
    // The unreachable backends were tried and failed: counted, per phase, as errors.
    const stats = JSON.parse(readFileSync(join(dir, 'out', 'run-stats.json'), 'utf8'))
    expect(stats.complete).toBe(true)
    expect(stats.totals.count).toBeGreaterThan(0)
    expect(stats.totals.errors).toBe(stats.totals.count)
    expect(stats.phases.map((p: { phase: string }) => p.phase)).toEqual(expect.arrayContaining(['audit', 'baseline']))
    expect(result.runStats!.totals.count).toBeGreaterThanOrEqual(stats.totals.count)
    for (const a of manifest.artifacts) {
      expect(
        createHash('sha256')
          .update(readFileSync(join(dir, 'out', a.name)))
          .digest('hex')
      ).toBe(a.sha256)
    }
    for (const [name, schema] of [
      ['instrumentation-audit.json', 'instrumentation-audit.schema.json'],
      ['gate-results.json', 'gate-results.schema.json'],
      ['monitoring-approval-record.json', 'monitoring-approval-record.schema.json'],
      ['alert-backtest.json', 'alert-backtest.schema.json'],
      ['run-stats.json', 'run-stats.schema.json']
    ] as const) {
      expect(validateAgainst(schema, JSON.parse(readFileSync(join(dir, 'out', name), 'utf8'))).errors).toEqual([])
    }
    const toFile = JSON.parse(readFileSync(join(dir, 'out', 'issues-to-file.json'), 'utf8')) as {
      issues: Array<{ fingerprint: string; kind: string; service: string | null; priority: string; body: string; labels: string[] }>
    }
    expect(validateAgainst('issues-to-file.schema.json', toFile).errors).toEqual([])
    const gap = toFile.issues.find((i) => i.fingerprint === 'coverage:checkout:metrics')!
    expect(gap).toMatchObject({ kind: 'coverage_gap', service: 'checkout', priority: 'high' })
    expect(gap.labels).toEqual(['sre-monitoring', 'kind/coverage-gap', 'priority/high'])
    expect(gap.body).toContain('#### What to do')
    expect(gap.body).toContain('#### Check the fix locally')
    const order = ['high', 'medium', 'low']
    expect(toFile.issues.map((i) => order.indexOf(i.priority))).toEqual(
      toFile.issues.map((i) => order.indexOf(i.priority)).sort((a, b) => a - b)
    )
  })

  test("announces each phase in the seed's words, in order", async () => {
    const dir = exampleWorkspace((c) => `${c}\nflow:\n  pause-on-gate-failure: false\n`)
    const log = new MemoryLogger()
    await runProtocol(runOptions(dir, log))
    const text = log.lines.map((l) => l.message)
    const order = [
      ANNOUNCE.phase1,
      ANNOUNCE.coverage,
      ANNOUNCE.phase2,
      ANNOUNCE.phase3,
      ANNOUNCE.correlating,
      ANNOUNCE.phase4,
      ANNOUNCE.handoff
    ].map((a) => text.indexOf(a))
    expect(order.every((i) => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(text).toContain('[AUTOMATION] workflow_automation.py (alert-test) executed: error')
    // Gate 1 failed: "Monitoring instrumentation verified" would be false, so it is not said.
    expect(text).not.toContain('[VALIDATION REQUEST] - Monitoring instrumentation verified. Approve activation of alert tests? (yes/no)')
    // A failed phase is not announced as complete.
    expect(text).not.toContain(ANNOUNCE.complete(1, 'Instrumentation Alignment and Baseline Capture'))
    expect(text).not.toContain(ANNOUNCE.protocolComplete)
  })

  test('an invalid config fails every gate with an error naming the line and field, and still writes gate-results.json', async () => {
    const dir = exampleWorkspace((c) => c.replace('freshness: 5m', 'freshness: five minutes'))
    const log = new MemoryLogger()
    const result = await runProtocol(runOptions(dir, log))
    expect(result.status).toBe('fail')
    expect(result.gates.every((g) => g.status === 'fail')).toBe(true)
    expect(result.errors.join('\n')).toMatch(
      /sre-monitoring\.yml:\d+ at \/freshness: expected a duration in Prometheus's form, such as 90s, 5m, 1h30m, 7d, 1w or 500ms, found the string "five minutes"/
    )
    expect(existsSync(join(dir, 'out', 'gate-results.json'))).toBe(true)
    expect(existsSync(join(dir, 'delivered', 'gate-results.json'))).toBe(true)
  })

  test('a placeholder evidence file is refused with a clear error and nothing is lost', async () => {
    const dir = exampleWorkspace()
    writeFileSync(
      join(dir, 'evidence', 'post-deployment-validation.json'),
      JSON.stringify({ gate: 'G11', generated_at: '2026-11-27T10:00:00Z', metadata: {} })
    )
    const log = new MemoryLogger()
    const result = await runProtocol(runOptions(dir, log))
    expect(result.status).toBe('fail')
    expect(result.errors.join('\n')).toContain('post-deployment-validation.json')
    expect(result.errors.join('\n')).toMatch(/placeholder/i)
    expect(JSON.parse(readFileSync(join(dir, 'out', 'gate-results.json'), 'utf8')).status).toBe('fail')
  })

  test('alert tests not approved: nothing is sent and gate 2 fails saying so', async () => {
    const dir = exampleWorkspace((c) => `${c}\nflow:\n  pause-on-gate-failure: false\n`)
    const log = new MemoryLogger()
    const result = await runProtocol(runOptions(dir, log, { alertTestsApproved: false }))
    expect(result.gates[1]!.reasons.join('\n')).toContain('alert tests not approved (input alert-tests is false)')
    expect(result.alertTests?.tests.every((t) => t.status === 'not_run' && t.triggered_at === null)).toBe(true)
  })

  test('no approval: gate 4 fails with the seed message', async () => {
    const dir = exampleWorkspace()
    const log = new MemoryLogger()
    const result = await runProtocol(runOptions(dir, log, { approvedBy: undefined }))
    expect(result.gates[3]!.reasons[0]).toMatch(/^\[ERROR\] Monitoring approval not recorded\./)
    expect(JSON.parse(readFileSync(join(dir, 'out', 'monitoring-approval-record.json'), 'utf8')).status).toBe('missing')
  })

  describe('hooks add evidence, never replace the live check', () => {
    const withHook = (c: string): string => `${c}\nhooks:\n  audit-command: cp audit.json "$SRE_MONITORING_OUTPUT"\n  timeout-seconds: 20\n`
    const signal = (name: string) => ({ signal: name, mapped: true, verified: true, verdict: 'pass' })
    const hookAudit = (over: Record<string, unknown> = {}) => ({
      schema_version: 2,
      audit_date: new Date().toISOString(),
      environment: 'production',
      coverage_completeness: 100,
      requests: 12,
      services: ['checkout', 'payments', 'catalog'].map((s) => ({
        service_name: s,
        critical: s !== 'catalog',
        new: false,
        status: 'covered',
        metrics: signal('metrics'),
        logs: signal('logs'),
        traces: signal('traces'),
        synthetics: signal('synthetic')
      })),
      missing_coverage: [],
      source: 'audit-command',
      ...over
    })
    const run = async (audit: unknown) => {
      const dir = exampleWorkspace(withHook)
      writeFileSync(join(dir, 'audit.json'), JSON.stringify(audit))
      const log = new MemoryLogger()
      const result = await runProtocol(runOptions(dir, log))
      const written = JSON.parse(readFileSync(join(dir, 'out', 'instrumentation-audit.json'), 'utf8'))
      expect(validateAgainst('instrumentation-audit.schema.json', written).errors).toEqual([])
      return { result, log, written }
    }

    test('a fabricated audit dated 2020 with zero requests is refused and gate 1 fails; the live audit still ran', async () => {
      const { result, log, written } = await run(hookAudit({ audit_date: '2020-01-01T00:00:00Z', requests: 0 }))
      const g1 = result.gates[0]!
      expect(g1.status).toBe('fail')
      expect(g1.reasons.join('\n')).toMatch(
        /audit-command evidence refused: audit_date 2020-01-01T00:00:00Z is before this run started \(.+\): not evidence of this run; requests is 0/
      )
      expect(g1.checks.find((c) => c.name === 'audit-command evidence')).toMatchObject({ status: 'fail', value: 'refused' })
      // What the package holds is the live audit, with the hook's review beside it.
      expect(written.source).toBe('built-in')
      expect(written.requests).toBeGreaterThan(0)
      expect(written.hook).toMatchObject({ command: 'audit-command', accepted: false, artifact_date: '2020-01-01T00:00:00Z' })
      expect(log.text()).toContain(
        '[AUTOMATION] collect_perf.py executed: success (audit-command); refused as evidence: audit_date 2020-01-01T00:00:00Z is before this run started'
      )
    })

    test('an audit of this run that leaves out a service is refused', async () => {
      const a = hookAudit()
      const { result } = await run({ ...a, services: a.services.filter((s) => s.service_name !== 'payments') })
      expect(result.gates[0]!.reasons.join('\n')).toContain(
        "audit-command evidence refused: does not cover the release's service(s): payments"
      )
    })

    test('a current, complete audit that claims coverage the live check cannot see: the live check decides and the disagreement is reported', async () => {
      const { result, log, written } = await run(hookAudit())
      expect(written.hook.accepted).toBe(true)
      expect(written.hook.disagreements).toContainEqual(
        expect.stringMatching(
          /^checkout metrics: audit-command says verified, the live check says not \(prometheus: unreachable .*\); the live check decides$/
        )
      )
      expect(log.lines.some((l) => l.level === 'warning' && l.message.startsWith('checkout metrics: audit-command says verified'))).toBe(
        true
      )
      const g1 = result.gates[0]!
      expect(g1.status).toBe('fail')
      expect(g1.reasons.join('\n')).toContain('[ERROR] Missing telemetry coverage for critical service: checkout.')
      expect(g1.checks.find((c) => c.name === 'audit-command evidence')!.value).toMatch(
        /^accepted; disagrees with the live check on \d+ point\(s\), the live check decides$/
      )
    })

    test('a hook whose output fails its schema is refused, and the live audit is still written', async () => {
      const { result, log, written } = await run(hookAudit({ coverage_completeness: 'all' }))
      expect(log.text()).toContain(
        '[AUTOMATION] collect_perf.py executed: failed (output fails its schema) (audit-command); refused as evidence'
      )
      expect(result.gates[0]!.reasons.join('\n')).toContain('audit-command evidence refused:')
      expect(written.source).toBe('built-in')
    })
  })
})
