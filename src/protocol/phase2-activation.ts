/** Phase 2: dashboards, alert rules, the alert path, the runbook; gate 2. */
import { basename } from 'node:path'
import type { DetectionDrill } from '../artifacts/contracts/detection-drill.js'
import type { AlertTestResults, DashboardReport, SloAlignment } from '../alerting/types.js'
import { evaluateAlertGate } from '../gates/gates.js'
import type { GateResult } from '../gates/types.js'
import { VALIDATION_REQUEST } from '../alerting/alert-tests.js'
import { buildApprovalRecord, type MonitoringApprovalRecord, type ResolvedApproval } from '../approval/record.js'
import type { RunContext } from '../model/monitoring-model.js'
import { ANNOUNCE, announceGate } from './announce.js'
import { reviewAlertHook } from './hook-review.js'
import type { InstrumentationPhase } from './phase1-instrumentation.js'
import type { ProtocolRun } from './run-state.js'
import { FILES } from '../artifacts/files.js'

export interface ActivationPhase {
  /** Gate 1 failed and flow.pause-on-gate-failure holds everything that pages people or hands off. */
  paused: boolean
  /** The approval of this release, looked up once (the prompts' answers and gate 4 read it). */
  approval: MonitoringApprovalRecord
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
  const { config } = p1
  log.info(ANNOUNCE.phase2)
  const paused = config.flow['pause-on-gate-failure'] && p1.gate.status === 'fail'
  const approval = await lookUpApproval(run, config)
  const answer = validationAnswer(run, p1, paused, approval)
  const ctx: RunContext = { ...p1.ctx, alertTestsApproved: answer.yes, alertTestsAnswer: answer.how }
  const { alignment, suggestedRulesYaml, ruleSet } = await p1.alignment.settle((reason) => ({
    alignment: { checked_at: now().toISOString(), rule_sources: [], findings: [], not_verified_reason: reason } as SloAlignment,
    suggestedRulesYaml: undefined,
    ruleSet: undefined
  }))
  if (suggestedRulesYaml) await run.writeText('suggested-alert-rules.yml', suggestedRulesYaml)
  // Before the alert path test: the synthetic alert carries the labels the drill saw fire.
  const drill = steps.drill
    ? await run.step(
        'detection drill',
        () => steps.drill!(ctx, ruleSet, alignment),
        (reason): DetectionDrill => ({
          run_at: now().toISOString(),
          status: 'error',
          required: config.drill.required,
          promtool: null,
          amtool: null,
          not_run_reason: reason,
          targets: [],
          requests: { alertmanager: 0, promtool_runs: 0, amtool_runs: 0 },
          duration_ms: 0
        })
      )
    : undefined
  if (drill) await run.writeJson(FILES.detectionDrill, drill)
  const dashboards = await run.step(
    'dashboard check',
    () => steps.dashboards(ctx),
    (reason): DashboardReport => ({
      checked_at: now().toISOString(),
      dashboards: [],
      services_without_dashboard: [],
      not_verified_reason: reason
    })
  )
  await run.step(
    FILES.dashboardConfig,
    async () => run.writer.text(FILES.dashboardConfig, await steps.renderDashboardConfig(alignment, dashboards)),
    () => undefined
  )

  const alertFallback = (reason: string): AlertTestResults => ({
    test_date: now().toISOString(),
    approved: answer.yes,
    sla_target_seconds: config.alerting['ack-sla-seconds'],
    tests: [],
    overall_status: 'error',
    sla_compliance: 0,
    not_verified_reason: reason,
    source: 'built-in'
  })
  // Paused or not approved, no hook runs either: nothing is sent.
  const alertTests = paused
    ? heldAlertTests(run, p1, answer.how)
    : await run.liveWithHook<AlertTestResults, AlertTestResults>({
        what: 'alert path test',
        command: answer.yes ? config.hooks['alert-test-command'] : undefined,
        commandName: 'alert-test-command',
        artifact: FILES.alertTestResults,
        script: 'workflow_automation.py (alert-test)',
        builtIn: async () => {
          const { routesWithDrillLabels } = await import('../alerting/drill/run.js')
          return steps.alertTests(ctx, { routes: routesWithDrillLabels(config.alerting.routes, drill) })
        },
        builtInStatus: (r) => r.overall_status,
        fallback: alertFallback,
        timeoutSeconds: config.hooks['timeout-seconds'],
        review: (hook, live) =>
          reviewAlertHook({
            ...hook,
            hook: hook.data,
            live,
            routes: config.alerting.routes.map((r) => r.name),
            startedAt: run.startedAt,
            now: now()
          })
      })
  await run.writeJson(FILES.alertTestResults, alertTests)
  const runbook = await run.step(
    'runbook update',
    () => steps.updateRunbook(ctx, { alignment, dashboards, alertTests, onCallOwner: opts.onCallOwner }),
    () => undefined
  )
  // The package carries the runbook as it stands after this release's section was written.
  if (runbook) {
    await run.step(
      'runbook copy',
      async () =>
        run.writer.text(basename(runbook.path), await (await import('../runbook/update.js')).readRunbookText(opts.workspace, runbook.path)),
      () => undefined
    )
  }
  const gate = evaluateAlertGate({ alertTests, alignment, dashboards, thresholds: config.gates, ...(drill ? { drill } : {}) })
  announceGate(log, gate)
  return { paused, approval, alignment, dashboards, alertTests, ...(drill ? { drill } : {}), runbook, gate }
}

/** The gate 1 failure that holds the protocol, in words. */
export const pauseReason = (p1: InstrumentationPhase): string =>
  `gate 1 (${p1.gate.name}) failed, so the protocol pauses until instrumentation is fixed (flow.pause-on-gate-failure)`

function heldAlertTests(run: ProtocolRun, p1: InstrumentationPhase, how: string): AlertTestResults {
  const held = `alert tests not run: ${pauseReason(p1)}; no synthetic alert was sent`
  run.log.info(ANNOUNCE.automation('workflow_automation.py (alert-test)', 'held (gate 1 failed)'))
  return {
    test_date: run.now().toISOString(),
    approved: false,
    sla_target_seconds: p1.config.alerting['ack-sla-seconds'],
    tests: [],
    overall_status: 'not_run',
    sla_compliance: 0,
    not_verified_reason: `${held} (${how})`,
    held,
    source: 'built-in'
  }
}

/** The approvals of this run: a protected environment's reviewers, else the approved-by input. */
async function lookUpApproval(run: ProtocolRun, config: InstrumentationPhase['config']): Promise<MonitoringApprovalRecord> {
  const { opts, now } = run
  const record = (approval: ResolvedApproval): MonitoringApprovalRecord =>
    buildApprovalRecord({
      approval,
      onCallOwner: opts.onCallOwner ?? config.assurance.owner,
      notificationChannels: config.alerting['notification-channels'],
      now: now()
    })
  return run.step(
    'approval lookup',
    async () => record(await opts.github.approval(opts.approvedBy)),
    (reason) => record({ source: 'none', approvers: [], rejected: [], apiError: reason })
  )
}

/** Reviewers of this job's protected environment who approved it, when none rejected it. */
export function environmentApprovers(approval: MonitoringApprovalRecord): string[] | undefined {
  const approvers = Object.values(approval.approvers).filter((a) => a.source === 'environment-approval')
  if (approvers.some((a) => a.approval_status === 'rejected')) return undefined
  const ok = approvers.filter((a) => a.approval_status === 'approved').map((a) => a.name)
  return ok.length ? ok : undefined
}

/**
 * The seed's "[VALIDATION REQUEST] - Monitoring instrumentation verified. Approve activation of
 * alert tests?" is logged only when gate 1 passed (only then is it true), with how it was answered.
 */
function validationAnswer(
  run: ProtocolRun,
  p1: InstrumentationPhase,
  paused: boolean,
  approval: MonitoringApprovalRecord
): { yes: boolean; how: string } {
  const { log, opts } = run
  if (paused) {
    const how = `held: ${pauseReason(p1)}`
    log.info(`Alert tests held: ${pauseReason(p1)}. The read-only checks go on; nothing pages anyone and nothing is handed off.`)
    return { yes: false, how }
  }
  if (p1.gate.status === 'pass') log.info(VALIDATION_REQUEST)
  else
    log.info(
      'Monitoring instrumentation is not verified (gate 1 failed); alert tests go ahead because flow.pause-on-gate-failure is false.'
    )
  let answer: { yes: boolean; how: string }
  if (!opts.alertTestsApproved) answer = { yes: false, how: 'input alert-tests is false' }
  else if (p1.config.flow['confirm-with'] === 'environment') {
    const by = environmentApprovers(approval)
    answer = by
      ? { yes: true, how: `approved on this job's protected environment by ${by.join(', ')}` }
      : { yes: false, how: "flow.confirm-with is environment and no reviewer of this job's protected environment approved it" }
  } else answer = { yes: true, how: 'input alert-tests is true' }
  log.info(`Answer: ${answer.yes ? 'yes' : 'no'} (${answer.how})`)
  return answer
}
