import type { AlertTestOptions } from '../alerting/alert-tests.js'
import type { DetectionDrill } from '../artifacts/contracts/detection-drill.js'
import type { RuleSet } from '../alerting/slo/rule-set.js'
import type { AlertTestResults, DashboardReport, SloAlignment } from '../alerting/types.js'
import type { SloConfig } from '../config/schema.js'
import type { LoadEvidenceOptions } from '../evidence/load.js'
import type { Evidence } from '../evidence/model.js'
import type { RunContext } from '../model/monitoring-model.js'
import type { PrometheusClient } from '../telemetry/prometheus/client.js'
import type { BaselineMetrics, InstrumentationAudit } from '../telemetry/types.js'

export interface RunbookInput {
  alignment: SloAlignment
  dashboards: DashboardReport
  alertTests: AlertTestResults
  onCallOwner?: string
}

/**
 * The work of each phase, behind one seam. The default implementation loads each module only
 * when its phase runs, so a run that fails early never pays for the clients it did not need.
 */
export interface ProtocolSteps {
  loadEvidence(dir: string, limits: LoadEvidenceOptions): Promise<Evidence>
  loadOpenSlo(paths: string[], workspace: string): Promise<SloConfig[]>
  audit(ctx: RunContext): Promise<InstrumentationAudit>
  loadPreviousBaseline(file: string): Promise<BaselineMetrics>
  baseline(ctx: RunContext, previous?: { source: string; data: BaselineMetrics }): Promise<BaselineMetrics>
  alignment(ctx: RunContext): Promise<{ alignment: SloAlignment; suggestedRulesYaml?: string; ruleSet?: RuleSet }>
  /** The detection drill on the rule set alignment read (absent when a rule source failed). */
  drill?(ctx: RunContext, ruleSet: RuleSet | undefined, alignment: SloAlignment): Promise<DetectionDrill>
  dashboards(ctx: RunContext): Promise<DashboardReport>
  renderDashboardConfig(alignment: SloAlignment, dashboards: DashboardReport): Promise<string>
  alertTests(ctx: RunContext, opts?: AlertTestOptions): Promise<AlertTestResults>
  updateRunbook(ctx: RunContext, input: RunbookInput): Promise<{ path: string; changed: boolean }>
  /** A Prometheus client for a named backend (or the first Prometheus backend). */
  prometheus(ctx: RunContext, backend?: string): Promise<PrometheusClient | undefined>
}

export const defaultSteps: ProtocolSteps = {
  async loadEvidence(dir, limits) {
    const { loadEvidence } = await import('../evidence/load.js')
    return loadEvidence(dir, limits)
  },
  async loadOpenSlo(paths, workspace) {
    if (paths.length === 0) return []
    const { loadOpenSlo } = await import('../config/openslo.js')
    return loadOpenSlo(paths, workspace)
  },
  async audit(ctx) {
    const { runInstrumentationAudit } = await import('../telemetry/audit.js')
    return runInstrumentationAudit(ctx)
  },
  async loadPreviousBaseline(file) {
    const { loadPreviousBaseline } = await import('../telemetry/baseline.js')
    return loadPreviousBaseline(file)
  },
  async baseline(ctx, previous) {
    const { captureBaseline } = await import('../telemetry/baseline.js')
    return captureBaseline(ctx, previous)
  },
  async alignment(ctx) {
    const { checkSloAlignment } = await import('../alerting/slo/rules.js')
    return checkSloAlignment(ctx)
  },
  async dashboards(ctx) {
    const { checkDashboards } = await import('../alerting/dashboards.js')
    return checkDashboards(ctx)
  },
  async renderDashboardConfig(alignment, dashboards) {
    const { renderDashboardConfig } = await import('../report/dashboard-config.js')
    return renderDashboardConfig(alignment, dashboards)
  },
  async drill(ctx, ruleSet, alignment) {
    const { runDetectionDrill, drillNotRun } = await import('../alerting/drill/run.js')
    return ruleSet
      ? runDetectionDrill(ctx, ruleSet)
      : drillNotRun(ctx, `the alert rules were not read: ${alignment.not_verified_reason ?? 'no rule set'}`)
  },
  async alertTests(ctx, opts) {
    const { runAlertTests } = await import('../alerting/alert-tests.js')
    return runAlertTests(ctx, opts)
  },
  async updateRunbook(ctx, input) {
    const { updateRunbook } = await import('../runbook/update.js')
    return updateRunbook(ctx, {
      alignment: input.alignment,
      dashboards: input.dashboards,
      alertTests: input.alertTests,
      onCallOwner: input.onCallOwner
    })
  },
  async prometheus(ctx, backend) {
    const entry = Object.entries(ctx.config.backends).find(([name, b]) => (backend ? name === backend : b.type === 'prometheus'))
    if (!entry || entry[1].type !== 'prometheus') return undefined
    const { PrometheusClient } = await import('../telemetry/prometheus/client.js')
    return new PrometheusClient(entry[0], entry[1], ctx.env, ctx.log)
  }
}
