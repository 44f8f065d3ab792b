import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ANNOUNCE, runProtocol } from '../../src/protocol/run.js'
import { validateAgainst } from '../../src/package/schemas.js'
import { MemoryLogger } from '../harness/memory-logger.js'
import { exampleWorkspace, runOptions } from '../harness/context.js'
import { ensureBackendsInstalled, startAlertmanager, type RunningBackend } from '../harness/backends.js'
import { startStandIn } from '../harness/telemetry.js'

/**
 * The protocol's flow: a gate 1 failure pauses what pages people or hands off; the prompts say
 * what is true and how they were answered; Protocol 4 findings feed the package; Protocols 5 and
 * 14 are told. Telemetry backends point at a closed port, so gate 1 fails; the Alertmanager is real.
 */
let am: RunningBackend

beforeAll(async () => {
  ensureBackendsInstalled()
  am = await startAlertmanager(readFileSync('examples/alertmanager.yml', 'utf8'))
}, 60_000)
afterAll(async () => am?.stop())

/** The example's workspace with the alert path on the live Alertmanager and short waits. */
function workspace(extra = '', edit: (c: string) => string = (c) => c): string {
  return exampleWorkspace((config) => {
    const c = config
      .replace('url: http://127.0.0.1:9\n  # Where', `url: ${am.url}\n  # Where`)
      .replace('ack-sla-seconds: 300', 'ack-sla-seconds: 2')
      .replace('wait-margin-seconds: 30', 'wait-margin-seconds: 0')
      .replace(/\n {2}retries: 1\n/, '\n  retries: 0\n')
    return edit(c) + extra
  })
}

/** Alerts the real Alertmanager received (its own counter): seen at the receiving end. */
async function received(): Promise<number> {
  const text = await (await fetch(`${am.url}/metrics`)).text()
  return text
    .split('\n')
    .filter((l) => l.startsWith('alertmanager_alerts_received_total'))
    .reduce((n, l) => n + Number(l.split(' ').pop()), 0)
}

describe('gate 1 failure pauses the protocol', () => {
  test('no synthetic alert, no dispatch; read-only checks still run; gate 2 says it was not run because of gate 1', async () => {
    const dir = workspace()
    const log = new MemoryLogger()
    const opts = runOptions(dir, log)
    const before = await received()
    const result = await runProtocol(opts)
    const [g1, g2, g3, g4] = result.gates
    expect(g1!.status).toBe('fail')
    expect(g2!.reasons[0]).toBe(
      'alert tests not run: gate 1 (Instrumentation Coverage Gate) failed, so the protocol pauses until instrumentation is fixed (flow.pause-on-gate-failure); no synthetic alert was sent'
    )
    expect(await received()).toBe(before)
    expect(result.alertTests).toMatchObject({ overall_status: 'not_run', tests: [], approved: false })
    // Read-only checks still ran and are reported: rule alignment and dashboards, gate 3's schedule.
    expect(g2!.reasons.join('\n')).toContain('alert rules not checked against the SLOs')
    expect(g3!.checks.length).toBeGreaterThan(0)
    // Nothing handed off: no repository_dispatch event, and gate 4 says so.
    expect(existsSync(join(dir, 'delivered', 'protocol-13-handoff.json'))).toBe(false)
    expect(g4!.reasons.join('\n')).toContain('handoff held: gate 1 (Instrumentation Coverage Gate) failed')
    // The package is kept and delivered all the same.
    expect(existsSync(join(dir, 'delivered', 'monitoring-package-manifest.json'))).toBe(true)
    const text = log.lines.map((l) => l.message)
    // "Monitoring instrumentation verified" would be false: the prompt is not printed.
    expect(text).not.toContain('[VALIDATION REQUEST] - Monitoring instrumentation verified. Approve activation of alert tests? (yes/no)')
    expect(text).not.toContain(ANNOUNCE.handoff)
    expect(text).not.toContain(ANNOUNCE.protocolComplete)
    expect(text).toContain('[AUTOMATION] workflow_automation.py (alert-test) executed: held (gate 1 failed)')
    expect(text.some((l) => l.startsWith('Alert tests held: gate 1 (Instrumentation Coverage Gate) failed'))).toBe(true)
    expect(text.some((l) => l.startsWith('Handoff held: gate 1'))).toBe(true)
    const written = JSON.parse(readFileSync(join(dir, 'out', 'alert-test-results.json'), 'utf8'))
    expect(validateAgainst('alert-test-results.schema.json', written).errors).toEqual([])
    expect(written.held).toContain('gate 1')
  }, 60_000)

  test('flow.pause-on-gate-failure: false sends the alerts and the dispatch, and says the instrumentation was not verified', async () => {
    const dir = workspace('\nflow:\n  pause-on-gate-failure: false\n')
    const log = new MemoryLogger()
    const opts = runOptions(dir, log)
    const before = await received()
    const result = await runProtocol(opts)
    expect(result.gates[0]!.status).toBe('fail')
    expect(await received()).toBeGreaterThan(before)
    expect(result.alertTests!.tests.map((t) => t.route)).toEqual(['payments-page', 'checkout-page'])
    expect(existsSync(join(dir, 'delivered', 'protocol-13-handoff.json'))).toBe(true)
    const text = log.lines.map((l) => l.message)
    expect(text).not.toContain('[VALIDATION REQUEST] - Monitoring instrumentation verified. Approve activation of alert tests? (yes/no)')
    expect(text).toContain(
      'Monitoring instrumentation is not verified (gate 1 failed); alert tests go ahead because flow.pause-on-gate-failure is false.'
    )
    expect(text).toContain('Answer: yes (input alert-tests is true)')
    expect(text).toContain(ANNOUNCE.handoff)
    expect(text).toContain('Answer: yes (github.handoff.enabled)')
    // Gates failed: never "Ready for Protocol 13".
    expect(text).not.toContain(ANNOUNCE.protocolComplete)
  }, 60_000)

  test('flow.confirm-with: environment without an environment approval answers no, and says why', async () => {
    const dir = workspace('\nflow:\n  pause-on-gate-failure: false\n  confirm-with: environment\n')
    const log = new MemoryLogger()
    const opts = runOptions(dir, log)
    const before = await received()
    const result = await runProtocol(opts)
    expect(await received()).toBe(before)
    const why = "flow.confirm-with is environment and no reviewer of this job's protected environment approved it"
    expect(log.lines.filter((l) => l.message === `Answer: no (${why})`)).toHaveLength(2)
    expect(result.gates[1]!.reasons[0]).toBe(`alert tests not approved (${why}): the alert path is unproven`)
    expect(existsSync(join(dir, 'delivered', 'protocol-13-handoff.json'))).toBe(false)
  }, 60_000)
})

describe('downstream notifications', () => {
  test('the upload alone does not notify: with the handoff off, gate 4 fails saying so', async () => {
    const dir = workspace('\nflow:\n  pause-on-gate-failure: false\n', (c) =>
      c.replace('handoff: { enabled: true', 'handoff: { enabled: false')
    )
    const log = new MemoryLogger()
    const result = await runProtocol(runOptions(dir, log, { alertTestsApproved: false }))
    expect(result.gates[3]!.reasons).toContain(
      'downstream protocols not notified: package delivered, no notification sent: github.handoff.enabled is false and notify.protocol-13 is not configured'
    )
    expect(log.lines.map((l) => l.message)).toContain(
      'Answer: no (github.handoff.enabled is false and notify.protocol-13 is not configured)'
    )
  }, 60_000)

  test('webhooks for Protocols 13, 5 and 14 are sent with their files; one refused makes gate 4 fail', async () => {
    const bodies: Array<{ path: string; body: Record<string, unknown> }> = []
    const standIn = await startStandIn((_req, url, body) => {
      bodies.push({ path: url.pathname, body: JSON.parse(body) as Record<string, unknown> })
      return url.pathname === '/p14' ? { status: 500, body: { error: 'down' } } : { status: 202, body: { ok: true } }
    })
    try {
      const notify = `\nflow:\n  pause-on-gate-failure: false\nnotify:\n  protocol-13: { url: '${standIn.url}/p13' }\n  protocol-5: { url: '${standIn.url}/p5' }\n  protocol-14: { url: '${standIn.url}/p14' }\n`
      const dir = workspace(notify, (c) => c.replace('handoff: { enabled: true', 'handoff: { enabled: false'))
      const log = new MemoryLogger()
      const result = await runProtocol(runOptions(dir, log, { alertTestsApproved: false }))
      expect(bodies.map((b) => b.path)).toEqual(['/p13', '/p5', '/p14'])
      expect(bodies[1]!.body).toMatchObject({
        protocol: 12,
        recipient: 'protocol-5',
        files: ['observability-scorecard.md', 'alert-tuning-report.md', 'improvement-backlog.md']
      })
      expect(bodies[2]!.body.files).toEqual(['baseline-metrics.json', 'instrumentation-gaps.json', 'instrumentation-audit.json'])
      const g4 = result.gates[3]!
      expect(g4.reasons.join('\n')).toContain(`protocol-14 webhook ${standIn.url}/p14: not accepted (refused (HTTP 500))`)
      expect(g4.reasons.join('\n')).toContain(`protocol-13 webhook ${standIn.url}/p13: accepted`)
      // Protocol 14's own files are in the package.
      const gaps = JSON.parse(readFileSync(join(dir, 'out', 'instrumentation-gaps.json'), 'utf8'))
      expect(validateAgainst('instrumentation-gaps.schema.json', gaps).errors).toEqual([])
      expect(typeof gaps.audit_verified).toBe('boolean')
    } finally {
      await standIn.stop()
    }
  }, 60_000)
})

describe('Protocol 4 quality audit input', () => {
  const findingsMd = [
    '# Quality audit Q4',
    '',
    '| ID | Finding | Severity | Category | Service | Signal | Requirement | Status |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    '| QA-12 | Payments has no distributed tracing | High | Instrumentation | payments | traces | Trace every payment request | Open |',
    '| QA-13 | Checkout error budget not reviewed monthly | Medium | Compliance | checkout | | Monthly SLO review | open |',
    '| QA-14 | Old log retention too short | Low | Compliance | catalog | logs | 30 days | Resolved |',
    ''
  ].join('\n')

  test('a Markdown findings table becomes requirements, instrumentation gaps and backlog items; a high-risk gap holds gate 1', async () => {
    const dir = workspace('\ninputs:\n  quality-audit: audit/quality-findings.md\n')
    cpSync('examples', dir, { recursive: true, force: false })
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(dir, 'audit'))
    writeFileSync(join(dir, 'audit', 'quality-findings.md'), findingsMd)
    const log = new MemoryLogger()
    const result = await runProtocol(runOptions(dir, log))
    const open = result.backlog.filter((b) => b.kind === 'quality_finding')
    expect(open.map((b) => [b.fingerprint, b.priority, b.gate])).toEqual([
      ['quality-audit:qa-12', 'high', 1],
      ['quality-audit:qa-13', 'medium', undefined]
    ])
    expect(open[0]!.title).toBe('Protocol 4 finding QA-12: Payments has no distributed tracing')
    const backlog = readFileSync(join(dir, 'out', 'improvement-backlog.md'), 'utf8')
    expect(backlog).toContain('quality-audit:qa-12')
    expect(backlog).toContain('quality-audit:qa-13')
    expect(backlog).not.toContain('QA-14')
    const issues = JSON.parse(readFileSync(join(dir, 'out', 'issues-to-file.json'), 'utf8')) as { issues: Array<{ fingerprint: string }> }
    expect(issues.issues.map((i) => i.fingerprint)).toEqual(expect.arrayContaining(['quality-audit:qa-12', 'quality-audit:qa-13']))
    const req = readFileSync(join(dir, 'out', 'monitoring-requirements.md'), 'utf8')
    expect(req).toContain('## Quality audit findings (Protocol 4)')
    expect(req).toContain('| QA-12 | high | instrumentation-gap | payments | traces | Trace every payment request | open |')
    const gaps = JSON.parse(readFileSync(join(dir, 'out', 'instrumentation-gaps.json'), 'utf8'))
    expect(gaps.gaps).toContainEqual({
      service: 'payments',
      signal: 'traces',
      priority: 'high',
      gap: 'quality_audit_finding',
      detail: 'QA-12: Payments has no distributed tracing (required: Trace every payment request)',
      source: 'audit/quality-findings.md:5'
    })
    expect(result.gates[0]!.reasons).toContain(
      'high-risk gap from the quality audit (Protocol 4) remains open: QA-12 (high) payments/traces: Payments has no distributed tracing'
    )
  }, 60_000)

  test('a JSON findings file against schemas/quality-audit.schema.json; a bad one is refused with the file and field', async () => {
    const good = workspace('\ninputs:\n  quality-audit: qa.json\n')
    writeFileSync(
      join(good, 'qa.json'),
      JSON.stringify({
        protocol: 4,
        findings: [{ id: 'QA-1', title: 'No synthetic probe for checkout', severity: 'critical', service: 'checkout', signal: 'synthetic' }]
      })
    )
    const r1 = await runProtocol(runOptions(good, new MemoryLogger()))
    expect(r1.backlog.find((b) => b.fingerprint === 'quality-audit:qa-1')).toMatchObject({ priority: 'high', gate: 1, service: 'checkout' })

    const bad = workspace('\ninputs:\n  quality-audit: qa.json\n')
    writeFileSync(join(bad, 'qa.json'), JSON.stringify({ findings: [{ id: 'QA-1', title: 'x', severity: 'urgent' }] }))
    const r2 = await runProtocol(runOptions(bad, new MemoryLogger()))
    expect(r2.gates.every((g) => g.status === 'fail')).toBe(true)
    expect(r2.errors.join('\n')).toMatch(
      /^qa\.json: expected findings as schemas\/quality-audit\.schema\.json describes, found \/findings\/0\/severity must be equal to one of the allowed values/m
    )
  }, 60_000)
})
