/** Phase 1: evidence, requirements, coverage, baseline; gate 1. */
import { resolve, join } from 'node:path'
import { parseConfigFile } from '../config/load.js'
import type { Config, SloConfig } from '../config/schema.js'
import type { Evidence } from '../evidence/model.js'
import { evaluateInstrumentationGate } from '../gates/gates.js'
import type { GateResult } from '../gates/types.js'
import { buildModel } from '../model/build.js'
import type { MonitoringModel, RunContext } from '../model/monitoring-model.js'
import { renderRequirements } from '../report/requirements.js'
import type { BaselineMetrics, InstrumentationAudit } from '../telemetry/types.js'
import { inPhase } from '../stats/run-stats.js'
import { setHttpLimits } from '../util/http.js'
import { registerConfigSecrets } from '../util/redact.js'
import { ANNOUNCE, announceGate } from './announce.js'
import { reviewAuditHook } from './hook-review.js'
import { isHighRiskGap, loadQualityAudit, openFindings, renderQualityRequirements, type QualityAudit } from './quality-audit.js'
import type { InputRefused, ProtocolRun, StartedStep } from './run-state.js'
import { resolveInWorkspace } from '../util/workspace.js'
import { FILES, SCHEMA_VERSIONS } from '../artifacts/files.js'

export interface InstrumentationPhase {
  config: Config
  evidence: Evidence
  model: MonitoringModel
  ctx: RunContext
  /** monitoring-requirements.md really reached the package. */
  requirementsWritten: boolean
  /** Protocol 4's findings, when inputs.quality-audit names them. */
  qualityAudit?: QualityAudit
  /**
   * Phase 2's rule alignment, started with the audit: reading and analysing the rules is work for
   * the runner while the audit and baseline wait on the backends, and needs nothing they find.
   */
  alignment: StartedStep<Awaited<ReturnType<ProtocolRun['steps']['alignment']>>>
  audit: InstrumentationAudit
  baseline: BaselineMetrics
  gate: GateResult
}

/**
 * Phase 1 from the config's text on (run.ts announces the phase and reads the file, so that a
 * missing config is refused before this module loads).
 */
export async function instrumentationPhase(run: ProtocolRun, configText: string): Promise<InstrumentationPhase | InputRefused> {
  const { opts, log, steps, now, writer } = run
  let config: Config
  let evidence: Evidence
  let openSlos: SloConfig[]
  let qualityAudit: QualityAudit | undefined
  try {
    // Before anything from the config or evidence is logged: the runner must know what to mask,
    // from the parsed file (before a validation error can quote it) and from the config's defaults.
    const mask = (data: unknown): void => registerConfigSecrets(data, opts.env, (s) => log.setSecret(s))
    config = await parseConfigFile(configText, resolve(opts.workspace, opts.configPath), { workspace: opts.workspace, onParsed: mask })
    mask(config)
    setHttpLimits({ maxResponseBytes: config.limits['response-max-bytes'], backendConcurrency: config.limits['backend-concurrency'] })
    evidence = await steps.loadEvidence(resolve(opts.workspace, opts.evidenceDir), {
      maxBytes: config.limits['evidence-max-bytes'],
      markdownMaxBytes: config.limits['evidence-markdown-max-bytes']
    })
    // A bad OpenSLO document is bad input like a bad config: its SLOs would go unchecked.
    openSlos = await steps.loadOpenSlo(config.openslo, opts.workspace)
    const qaFile = config.inputs['quality-audit']
    if (qaFile) {
      qualityAudit = await loadQualityAudit(qaFile, opts.workspace)
      log.info(`Quality audit (Protocol 4): ${qualityAudit.findings.length} finding(s) from ${qaFile}`)
    }
  } catch (err) {
    return run.refuse(err)
  }

  const model = buildModel(config, evidence, openSlos)
  const ctx: RunContext = {
    config,
    evidence,
    model,
    mode: opts.mode,
    alertTestsApproved: opts.alertTestsApproved,
    outputDir: writer.dir,
    workspace: opts.workspace,
    env: opts.env,
    log,
    now,
    runId: opts.runId,
    once: new Map()
  }
  log.info(
    `Release ${model.release.tag ?? '(untagged)'} in ${model.environment}: ${model.services.length} service(s), ${model.services.filter((s) => s.critical).length} critical`
  )
  const requirementsWritten =
    (await run.writeText(
      FILES.requirements,
      renderRequirements(model, evidence, now()) + (qualityAudit ? renderQualityRequirements(qualityAudit) : '')
    )) !== undefined

  log.info(ANNOUNCE.coverage)
  const alignment = run.startStep('alert rule alignment', () => steps.alignment(ctx))
  const auditFallback = (reason: string): InstrumentationAudit => ({
    schema_version: SCHEMA_VERSIONS.instrumentationAudit,
    audit_date: now().toISOString(),
    environment: model.environment,
    coverage_completeness: 0,
    requests: 0,
    services: [],
    missing_coverage: [],
    not_verified_reason: reason,
    source: 'built-in'
  })
  const audit = await run.liveWithHook<InstrumentationAudit, InstrumentationAudit>({
    what: 'instrumentation audit',
    command: config.hooks['audit-command'],
    commandName: 'audit-command',
    artifact: FILES.instrumentationAudit,
    script: 'collect_perf.py',
    builtIn: () => steps.audit(ctx),
    builtInStatus: (a) =>
      a.not_verified_reason ? `not verified (${a.not_verified_reason})` : `success (built-in audit, ${a.requests} backend request(s))`,
    fallback: auditFallback,
    timeoutSeconds: config.hooks['timeout-seconds'],
    review: (hook, live) =>
      reviewAuditHook({ ...hook, hook: hook.data, live, services: model.services.map((s) => s.name), startedAt: run.startedAt, now: now() })
  })
  await run.writeJson(FILES.instrumentationAudit, audit)

  const previous = await previousBaseline(run, config)
  const baseline = await run.step(
    'baseline capture',
    () => steps.baseline(ctx, previous),
    (reason) => ({
      schema_version: SCHEMA_VERSIONS.baselineMetrics,
      captured_at: now().toISOString(),
      window: config.baseline.window,
      environment: model.environment,
      services: [],
      claims: [],
      requests: 0,
      not_verified_reason: reason
    })
  )
  await run.writeJson(FILES.baselineMetrics, baseline)
  const qualityGaps = qualityAudit ? openFindings(qualityAudit, audit).filter(isHighRiskGap) : undefined
  const gate = evaluateInstrumentationGate({ model, audit, requirementsWritten, thresholds: config.gates, qualityGaps })
  announceGate(log, gate)
  return { config, evidence, model, ctx, requirementsWritten, qualityAudit, alignment, audit, baseline, gate }
}

/** The baseline to compare with: a named file, a named artifact, or the previous run's own package. */
async function previousBaseline(run: ProtocolRun, config: Config): Promise<{ source: string; data: BaselineMetrics } | undefined> {
  const { opts, steps, log } = run
  const prevFile = config.baseline.previous?.file
  if (prevFile) {
    // The file must be in the workspace, symbolic links followed.
    const confined = async (): Promise<string> =>
      (await resolveInWorkspace(opts.workspace, prevFile, { field: 'baseline.previous.file' })).abs
    return run.step(
      'previous baseline',
      async () => ({ source: prevFile, data: await steps.loadPreviousBaseline(await confined()) }),
      () => undefined
    )
  }
  const artifact = config.baseline.previous?.artifact ?? opts.packageArtifact
  if (!artifact) return undefined
  const found = await inPhase('previous-baseline', () => opts.github.previousPackage(artifact))
  if (!('dir' in found)) {
    log.info(`No previous baseline to compare with: ${found.reason}`)
    return undefined
  }
  return run.step(
    'previous baseline',
    async () => ({ source: found.source, data: await steps.loadPreviousBaseline(join(found.dir, FILES.baselineMetrics)) }),
    () => undefined
  )
}
