/** Phase 2: dashboards, alert rules, the alert path, the runbook; gate 2. */
import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import type { DetectionDrill } from '../alerting/drill/types.js'
import type { AlertTestResults, DashboardReport, SloAlignment } from '../alerting/types.js'
import { evaluateAlertGate } from '../gates/gates.js'
import type { GateResult } from '../gates/types.js'
import { ANNOUNCE, announceGate } from './announce.js'
import { reviewAlertHook } from './hook-review.js'
import type { InstrumentationPhase } from './phase1-instrumentation.js'
import type { ProtocolRun } from './run-state.js'

export interface ActivationPhase {
  alignment: SloAlignment
  dashboards: DashboardReport
  alertTests: AlertTestResults
  drill?: DetectionDrill
  /** The runbook as the run left it, when the update ran. */
  runbook?: { path: string; changed: boolean }
  gate: GateResult
}

export async function activationPhase(run: ProtocolRun, p1: InstrumentationPhase): Promise<ActivationPhase> {
  const { opts, log, steps, now } = run
  const { config, ctx } = p1
  log.info(ANNOUNCE.phase2)
  const { alignment, suggestedRulesYaml, ruleSet } = await run.step('alert rule alignment', () => steps.alignment(ctx), (reason) => ({
    alignment: { checked_at: now().toISOString(), rule_sources: [], findings: [], not_verified_reason: reason } as SloAlignment,
    suggestedRulesYaml: undefined,
    ruleSet: undefined
  }))
  if (suggestedRulesYaml) await run.writeText('suggested-alert-rules.yml', suggestedRulesYaml)
  // Before the alert path test: the synthetic alert carries the labels the drill saw fire.
  const drill = steps.drill
    ? await run.step('detection drill', () => steps.drill!(ctx, ruleSet, alignment), (reason): DetectionDrill => ({
        run_at: now().toISOString(),
        status: 'error',
        required: config.drill.required,
        promtool: null,
        amtool: null,
        not_run_reason: reason,
        targets: [],
        requests: { alertmanager: 0, promtool_runs: 0, amtool_runs: 0 },
        duration_ms: 0
      }))
    : undefined
  if (drill) await run.writeJson('detection-drill.json', drill)
  const dashboards = await run.step('dashboard check', () => steps.dashboards(ctx), (reason): DashboardReport => ({
    checked_at: now().toISOString(),
    dashboards: [],
    services_without_dashboard: [],
    not_verified_reason: reason
  }))
  await run.step('dashboard-config.md', async () => run.writer.text('dashboard-config.md', await steps.renderDashboardConfig(alignment, dashboards)), () => undefined)

  const alertFallback = (reason: string): AlertTestResults => ({
    test_date: now().toISOString(),
    approved: opts.alertTestsApproved,
    sla_target_seconds: config.alerting['ack-sla-seconds'],
    tests: [],
    overall_status: 'error',
    sla_compliance: 0,
    not_verified_reason: reason,
    source: 'built-in'
  })
  // Without approval no hook runs either: the built-in step records that nothing was sent.
  const alertTests = await run.liveWithHook<AlertTestResults, AlertTestResults>({
    what: 'alert path test',
    command: opts.alertTestsApproved ? config.hooks['alert-test-command'] : undefined,
    commandName: 'alert-test-command',
    artifact: 'alert-test-results.json',
    script: 'workflow_automation.py (alert-test)',
    builtIn: async () => {
      const { routesWithDrillLabels } = await import('../alerting/drill/run.js')
      return steps.alertTests(ctx, { routes: routesWithDrillLabels(config.alerting.routes, drill) })
    },
    builtInStatus: (r) => r.overall_status,
    fallback: alertFallback,
    timeoutSeconds: config.hooks['timeout-seconds'],
    review: (hook, live) =>
      reviewAlertHook({ ...hook, hook: hook.data, live, routes: config.alerting.routes.map((r) => r.name), startedAt: run.startedAt, now: now() })
  })
  await run.writeJson('alert-test-results.json', alertTests)
  const runbook = await run.step(
    'runbook update',
    () => steps.updateRunbook(ctx, { alignment, dashboards, alertTests, onCallOwner: opts.onCallOwner }),
    () => undefined
  )
  // The package carries the runbook as it stands after this release's section was written.
  if (runbook) {
    await run.step('runbook copy', async () => run.writer.text(basename(runbook.path), await readFile(resolve(opts.workspace, runbook.path), 'utf8')), () => undefined)
  }
  const gate = evaluateAlertGate({ alertTests, alignment, dashboards, thresholds: config.gates, ...(drill ? { drill } : {}) })
  announceGate(log, gate)
  return { alignment, dashboards, alertTests, ...(drill ? { drill } : {}), runbook, gate }
}
