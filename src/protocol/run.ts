/**
 * Protocol 12, phase by phase: evidence in, live checks, the evidence package and four gates out.
 * Every step's failure is recorded and the run goes on, so the package and the summary are always
 * written before the caller fails the job.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, isAbsolute, join, relative, resolve } from 'node:path'
import type { AlertTestResults, DashboardReport, SloAlignment } from '../alerting/types.js'
import { buildSchedule, findAssuranceWorkflows } from '../assurance/schedule.js'
import { correlateAlerts, emptyTuning } from '../assurance/correlate-alerts.js'
import { sloAttainment } from '../assurance/slo-attainment.js'
import type { ObservabilitySchedule, SloAttainment, TuningReport } from '../assurance/types.js'
import { loadConfig } from '../config/load.js'
import type { Config, SloConfig } from '../config/schema.js'
import { buildApprovalRecord, type MonitoringApprovalRecord } from '../approval/record.js'
import type { Evidence } from '../evidence/model.js'
import {
  evaluateAlertGate,
  evaluateAssuranceGate,
  evaluateHandoffGate,
  evaluateInstrumentationGate,
  MSG_APPROVAL_MISSING,
  type HandoffView
} from '../gates/gates.js'
import { GATE_NAMES, type GateResult } from '../gates/types.js'
import type { BacklogItem } from '../model/backlog.js'
import { buildModel } from '../model/build.js'
import type { MonitoringModel, RunContext, RunMode } from '../model/monitoring-model.js'
import { buildManifest, type PackageManifest } from '../package/manifest.js'
import { ARTIFACT_SCHEMAS } from '../package/schemas.js'
import { PackageWriter, type WrittenArtifact } from '../package/writer.js'
import { renderBacklog } from '../report/backlog.js'
import { renderRequirements } from '../report/requirements.js'
import { renderScorecard } from '../report/scorecard.js'
import { renderTuningReport } from '../report/tuning.js'
import type { BaselineMetrics, InstrumentationAudit } from '../telemetry/types.js'
import { errorText, InputErrors } from '../util/errors.js'
import type { Logger } from '../util/log.js'
import { collectBacklog, gapFingerprints } from './backlog.js'
import { runHook } from './hooks.js'
import type { GitHubPort, IssuesOutcome, UploadOutcome } from './ports.js'
import { defaultSteps, type ProtocolSteps } from './steps.js'

export const ANNOUNCE = {
  phase1: '[PHASE 1 START] - Reviewing deployment evidence to map monitoring requirements...',
  coverage: 'Validating instrumentation coverage across services and dependencies...',
  phase2: '[PHASE 2 START] - Activating dashboards and alert policies...',
  phase3: '[PHASE 3 START] - Scheduling ongoing observability validation tasks...',
  correlating: 'Correlating recent alerts with incident history to tune thresholds...',
  phase4: '[PHASE 4 START] - Delivering monitoring package to incident response and retrospective owners...',
  complete: (n: number, name: string) => `[PHASE ${n} COMPLETE] - ${name} finished successfully.`,
  automation: (script: string, status: string) => `[AUTOMATION] ${script} executed: ${status}`,
  handoff: '[HANDOFF CONFIRMATION] - Monitoring package compiled. Confirm delivery to Protocol 13? (yes/no)',
  protocolComplete: '[PROTOCOL COMPLETE] - Monitoring activated. Ready for Protocol 13 (Incident Response & Rollback).'
} as const

const PHASE_NAMES = {
  1: 'Instrumentation Alignment and Baseline Capture',
  2: 'Monitoring Activation and Alert Validation',
  3: 'Continuous Observability Assurance',
  4: 'Handoff and Improvement Loop'
} as const

export interface RunOptions {
  evidenceDir: string
  configPath: string
  outputDir: string
  workspace: string
  mode: RunMode
  alertTestsApproved: boolean
  approvedBy?: string
  onCallOwner?: string
  /** Upload the package under this artifact name; undefined: don't upload. */
  packageArtifact?: string
  fileIssues: boolean
  env: NodeJS.ProcessEnv
  log: Logger
  now?: () => Date
  runId: string
  generator: string
  github: GitHubPort
  /** Why the evidence artifact could not be fetched, when it could not: the cause behind missing files. */
  evidenceError?: string
  steps?: ProtocolSteps
}

export interface RunResult {
  status: 'pass' | 'fail'
  gates: GateResult[]
  packageDir: string
  artifacts: WrittenArtifact[]
  upload?: UploadOutcome
  issues?: IssuesOutcome
  backlog: BacklogItem[]
  /** Errors that stopped a part of the run (bad input, a step that crashed), for the summary. */
  errors: string[]
  model?: MonitoringModel
  audit?: InstrumentationAudit
  baseline?: BaselineMetrics
  alertTests?: AlertTestResults
  tuning?: TuningReport
  slos?: SloAttainment[]
  manifest?: PackageManifest
  config?: Config
}


/** All four gates failed for one reason (bad config or evidence): nothing can be verified. */
function gatesBlockedBy(reason: string): GateResult[] {
  return ([1, 2, 3, 4] as const).map((id) => ({
    id,
    name: GATE_NAMES[id],
    status: 'fail',
    reasons: [id === 1 ? reason : `not evaluated: ${reason}`],
    errors: [],
    checks: [],
    evidence: []
  }))
}

export async function runProtocol(opts: RunOptions): Promise<RunResult> {
  const now = opts.now ?? (() => new Date())
  const steps = opts.steps ?? defaultSteps
  const log = opts.log
  const errors: string[] = []
  const writer = new PackageWriter(resolve(opts.workspace, opts.outputDir), now)
  await writer.init()

  // A step that crashes is recorded and replaced by its "not verified" result: the run goes on.
  const attempt = async <T>(what: string, fn: () => Promise<T>, fallback: (reason: string) => T): Promise<T> => {
    try {
      return await fn()
    } catch (err) {
      const reason = `${what} failed: ${errorText(err)}`
      errors.push(reason)
      log.error(reason)
      return fallback(reason)
    }
  }
  const writeJson = async (name: string, data: unknown): Promise<boolean> => {
    try {
      await writer.json(name, data)
      return true
    } catch (err) {
      const reason = `${name} not written: ${errorText(err)}`
      errors.push(reason)
      log.error(reason)
      return false
    }
  }

  /**
   * A JSON artifact from the seed's automation hook when the config names one, else from the
   * built-in step; either way announced with the seed's `[AUTOMATION] ...` line.
   */
  const fromHookOrBuiltIn = async <T extends { source: string }>(args: {
    what: string
    command: string | undefined
    commandName: string
    artifact: string
    script: string
    builtIn: () => Promise<T>
    builtInStatus: (result: T) => string
    fallback: (reason: string) => T
    timeoutSeconds: number
  }): Promise<T> => {
    if (!args.command) {
      const result = await attempt(args.what, args.builtIn, args.fallback)
      log.info(ANNOUNCE.automation(args.script, args.builtInStatus(result)))
      return result
    }
    const hook = await runHook<T>({
      command: args.command,
      outputFile: join(writer.dir, args.artifact),
      schemaFile: ARTIFACT_SCHEMAS[args.artifact],
      cwd: opts.workspace,
      env: opts.env,
      timeoutSeconds: args.timeoutSeconds
    })
    log.info(ANNOUNCE.automation(args.script, `${hook.status} (${args.commandName})`))
    if (hook.error) errors.push(`${args.commandName}: ${hook.error}`)
    return hook.data ? { ...hook.data, source: args.commandName } : args.fallback(`${args.commandName} ${hook.error ?? hook.status}`)
  }

  // ---- Phase 1: evidence, requirements, coverage, baseline --------------------------------------
  log.info(ANNOUNCE.phase1)
  if (opts.evidenceError) {
    errors.push(opts.evidenceError)
    log.error(opts.evidenceError)
  }
  let config: Config
  let evidence: Evidence
  let openSlos: SloConfig[]
  try {
    config = await loadConfig(resolve(opts.workspace, opts.configPath))
    evidence = await steps.loadEvidence(resolve(opts.workspace, opts.evidenceDir), {
      maxBytes: config.limits['evidence-max-bytes'],
      markdownMaxBytes: config.limits['evidence-markdown-max-bytes']
    })
    // A bad OpenSLO document is bad input like a bad config: its SLOs would go unchecked.
    openSlos = await steps.loadOpenSlo(config.openslo, opts.workspace)
  } catch (err) {
    const messages = err instanceof InputErrors ? err.errors.map((e) => e.message) : [errorText(err)]
    for (const m of messages.slice(0, 10)) log.error(m)
    errors.push(...messages)
    // A failed artifact download is the cause behind missing evidence files: name it first.
    const gates = gatesBlockedBy(`invalid input: ${[opts.evidenceError, ...messages].filter(Boolean).join('; ')}`)
    await writeJson('gate-results.json', { evaluated_at: now().toISOString(), status: 'fail', final: true, gates })
    const upload = opts.packageArtifact ? await opts.github.uploadPackage(writer.dir, [...writer.written.values()].map((a) => a.path)) : undefined
    return { status: 'fail', gates, packageDir: writer.dir, artifacts: [...writer.written.values()], upload, backlog: [], errors }
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
    runId: opts.runId
  }
  log.info(`Release ${model.release.tag ?? '(untagged)'} in ${model.environment}: ${model.services.length} service(s), ${model.services.filter((s) => s.critical).length} critical`)
  const requirementsWritten = await writer
    .text('monitoring-requirements.md', renderRequirements(model, evidence, now()))
    .then(() => true)

  log.info(ANNOUNCE.coverage)
  const auditFallback = (reason: string): InstrumentationAudit => ({
    audit_date: now().toISOString(),
    environment: model.environment,
    coverage_completeness: 0,
    requests: 0,
    services: [],
    missing_coverage: [],
    not_verified_reason: reason,
    source: 'built-in'
  })
  const audit = await fromHookOrBuiltIn<InstrumentationAudit>({
    what: 'instrumentation audit',
    command: config.hooks['audit-command'],
    commandName: 'audit-command',
    artifact: 'instrumentation-audit.json',
    script: 'collect_perf.py',
    builtIn: () => steps.audit(ctx),
    builtInStatus: (a) => (a.not_verified_reason ? `not verified (${a.not_verified_reason})` : `success (built-in audit, ${a.requests} backend request(s))`),
    fallback: auditFallback,
    timeoutSeconds: config.hooks['timeout-seconds']
  })
  await writeJson('instrumentation-audit.json', audit)

  let previous: { source: string; data: BaselineMetrics } | undefined
  const prevFile = config.baseline.previous?.file
  if (prevFile) {
    const file = resolve(opts.workspace, prevFile)
    previous = await attempt('previous baseline', async () => ({ source: prevFile, data: await steps.loadPreviousBaseline(file) }), () => undefined)
  } else if (config.baseline.previous?.artifact ?? opts.packageArtifact) {
    // Without a named file or artifact, the previous run's own package is the natural baseline.
    const found = await opts.github.previousPackage((config.baseline.previous?.artifact ?? opts.packageArtifact)!)
    if ('dir' in found) {
      previous = await attempt(
        'previous baseline',
        async () => ({ source: found.source, data: await steps.loadPreviousBaseline(join(found.dir, 'baseline-metrics.json')) }),
        () => undefined
      )
    } else log.info(`No previous baseline to compare with: ${found.reason}`)
  }
  const baseline = await attempt('baseline capture', () => steps.baseline(ctx, previous), (reason) => ({
    captured_at: now().toISOString(),
    window: config.baseline.window,
    environment: model.environment,
    services: [],
    claims: [],
    requests: 0,
    not_verified_reason: reason
  }))
  await writeJson('baseline-metrics.json', baseline)
  const gate1 = evaluateInstrumentationGate({ model, audit, requirementsWritten, thresholds: config.gates })
  announceGate(log, gate1)

  // ---- Phase 2: dashboards, alert rules, alert path, runbook -------------------------------------
  log.info(ANNOUNCE.phase2)
  const { alignment, suggestedRulesYaml } = await attempt('alert rule alignment', () => steps.alignment(ctx), (reason) => ({
    alignment: { checked_at: now().toISOString(), rule_sources: [], findings: [], not_verified_reason: reason } as SloAlignment,
    suggestedRulesYaml: undefined
  }))
  if (suggestedRulesYaml) await writer.text('suggested-alert-rules.yml', suggestedRulesYaml)
  const dashboards = await attempt('dashboard check', () => steps.dashboards(ctx), (reason): DashboardReport => ({
    checked_at: now().toISOString(),
    dashboards: [],
    services_without_dashboard: [],
    not_verified_reason: reason
  }))
  await attempt('dashboard-config.md', async () => writer.text('dashboard-config.md', await steps.renderDashboardConfig(alignment, dashboards)), () => undefined)

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
  const alertTests = await fromHookOrBuiltIn<AlertTestResults>({
    what: 'alert path test',
    command: opts.alertTestsApproved ? config.hooks['alert-test-command'] : undefined,
    commandName: 'alert-test-command',
    artifact: 'alert-test-results.json',
    script: 'workflow_automation.py (alert-test)',
    builtIn: () => steps.alertTests(ctx),
    builtInStatus: (r) => r.overall_status,
    fallback: alertFallback,
    timeoutSeconds: config.hooks['timeout-seconds']
  })
  await writeJson('alert-test-results.json', alertTests)
  const runbook = await attempt(
    'runbook update',
    () => steps.updateRunbook(ctx, { alignment, dashboards, alertTests, onCallOwner: opts.onCallOwner }),
    () => undefined
  )
  // The package carries the runbook as it stands after this release's section was written.
  if (runbook) {
    await attempt('runbook copy', async () => writer.text(basename(runbook.path), await readFile(resolve(opts.workspace, runbook.path), 'utf8')), () => undefined)
  }
  const gate2 = evaluateAlertGate({ alertTests, alignment, dashboards, thresholds: config.gates })
  announceGate(log, gate2)

  // ---- Phase 3: ongoing checks, alert tuning, scorecard ------------------------------------------
  log.info(ANNOUNCE.phase3)
  const schedule: ObservabilitySchedule = buildSchedule({
    config,
    workflows: await findAssuranceWorkflows(opts.workspace),
    onCallOwner: opts.onCallOwner,
    now: now()
  })
  await writeJson('observability-schedule.json', schedule)

  log.info(ANNOUNCE.correlating)
  let tuning: TuningReport
  const tuningCommand = config.hooks['tuning-command']
  let tuningMarkdown: string | undefined
  if (tuningCommand) {
    const hook = await runHook<string>({
      command: tuningCommand,
      outputFile: join(writer.dir, 'alert-tuning-report.md'),
      cwd: opts.workspace,
      env: opts.env,
      timeoutSeconds: config.hooks['timeout-seconds']
    })
    log.info(ANNOUNCE.automation('aggregate_coverage.py', `${hook.status} (tuning-command)`))
    tuningMarkdown = hook.data && hook.data.trim() ? hook.data : undefined
    tuning = await attempt('alert tuning', () => correlateAlerts(ctx, (backend) => steps.prometheus(ctx, backend), opts.github), (reason) => emptyTuning(now(), config, reason))
    tuning = { ...tuning, source: 'tuning-command', from_real_data: tuning.from_real_data && !!tuningMarkdown }
    if (hook.error) errors.push(`tuning-command: ${hook.error}`)
  } else {
    tuning = await attempt('alert tuning', () => correlateAlerts(ctx, (backend) => steps.prometheus(ctx, backend), opts.github), (reason) => emptyTuning(now(), config, reason))
    log.info(ANNOUNCE.automation('aggregate_coverage.py', tuning.from_real_data ? 'success' : 'incomplete (see alert-tuning-report.md)'))
  }
  const tuningWritten = await writer.text('alert-tuning-report.md', tuningMarkdown ?? renderTuningReport(tuning)).then(() => true)

  const approval = await buildApproval(opts, config, now())
  const backlog = collectBacklog({ audit, baseline, alignment, dashboards, alertTests, schedule, tuning, approvalMissing: approval.status !== 'approved' })
  const slos = await attempt('SLO attainment', () => sloAttainment(ctx, (backend) => steps.prometheus(ctx, backend)), () => [])
  await writer.text(
    'observability-scorecard.md',
    renderScorecard({ release: model.release.tag ?? 'untagged', now: now(), slos, audit, alertTests, tuning, backlog, gates: [gate1, gate2] })
  )
  const backlogFile = await writer.text('improvement-backlog.md', renderBacklog(backlog, now()))
  // Gate 3 reads the backlog back from the file it wrote: the artifact is what must list the gaps.
  const backlogText = await readFile(backlogFile.path, 'utf8')
  const listed = backlog.filter((b) => backlogText.includes(b.fingerprint))
  const gate3 = evaluateAssuranceGate({
    schedule,
    tuning,
    tuningWritten,
    backlog: listed,
    backlogWritten: true,
    gapFingerprints: gapFingerprints(audit, alignment, alertTests),
    thresholds: config.gates
  })
  announceGate(log, gate3)

  // ---- Phase 4: approval, manifest, upload, handoff, backlog issues ------------------------------
  log.info(ANNOUNCE.phase4)
  await writeJson('monitoring-approval-record.json', approval)
  if (approval.status !== 'approved') log.error(MSG_APPROVAL_MISSING)
  const runbookEntry = runbook
    ? {
        path: isAbsolute(runbook.path) ? relative(opts.workspace, runbook.path) : runbook.path,
        changed: runbook.changed,
        sha256: await readFile(resolve(opts.workspace, runbook.path)).then((b) => createHash('sha256').update(b).digest('hex'), () => null)
      }
    : null
  const manifest = buildManifest({
    written: writer.written.values(),
    generator: opts.generator,
    now: now(),
    environment: model.environment,
    release: model.release,
    run: { id: opts.runId, url: opts.github.runUrl() },
    runbook: runbookEntry
  })
  const manifestWritten = await writeJson('monitoring-package-manifest.json', manifest)
  // A scheduled re-check hands nothing new to incident response: only a release is handed off.
  const handoffEnabled = config.github.handoff.enabled && opts.mode === 'post-deploy'
  const pendingHandoff: HandoffView = { uploaded: false, dispatchEnabled: handoffEnabled, dispatched: false, pending: true }
  const gate4Pending = evaluateHandoffGate({ manifest: manifestWritten ? manifest : undefined, approval, handoff: pendingHandoff, thresholds: config.gates })
  const preliminary = [gate1, gate2, gate3, gate4Pending]
  await writeJson('gate-results.json', gateResultsDoc(preliminary, now(), false))

  const packageFiles = [...writer.written.values()].map((a) => a.path)
  let upload: UploadOutcome | undefined
  if (opts.packageArtifact) {
    upload = await opts.github.uploadPackage(writer.dir, packageFiles)
    if (upload && 'error' in upload) {
      errors.push(`package upload failed: ${upload.error}`)
      log.error(`Package upload failed; the package stays in ${writer.dir}: ${upload.error}`)
    } else if (upload && 'id' in upload) log.info(`Package uploaded as artifact ${opts.packageArtifact} (id ${upload.id}): ${upload.url}`)
    else if (upload) log.info(`Package delivered to ${upload.delivered}`)
  }
  log.info(ANNOUNCE.handoff)
  log.info(
    `Answer: ${handoffEnabled ? 'yes (github.handoff.enabled)' : opts.mode === 'assurance' ? 'no (assurance mode re-checks a release already handed off)' : 'no (github.handoff.enabled is false)'}`
  )
  let dispatched = false
  let dispatchError: string | undefined
  if (handoffEnabled) {
    const sent = await opts.github.sendHandoff(config.github.handoff['event-type'], {
      status: preliminary.every((g) => g.status === 'pass') ? 'pass' : 'fail',
      gates: preliminary.map((g) => ({ id: g.id, name: g.name, status: g.status, reasons: [...g.reasons, ...g.errors] })),
      packageName: opts.packageArtifact,
      upload,
      environment: model.environment,
      approvalStatus: approval.status
    })
    if ('ok' in sent) dispatched = true
    else dispatchError = sent.error
  }
  const gate4 = evaluateHandoffGate({
    manifest: manifestWritten ? manifest : undefined,
    approval,
    handoff: {
      uploaded: !!upload && !('error' in upload),
      uploadError: upload && 'error' in upload ? upload.error : opts.packageArtifact ? undefined : 'no package destination (package-artifact is empty)',
      dispatchEnabled: handoffEnabled,
      dispatched,
      dispatchError,
      pending: false
    },
    thresholds: config.gates
  })
  announceGate(log, gate4)
  const gates = [gate1, gate2, gate3, gate4]
  // The copy on disk is final; the uploaded copy was written before the upload could be judged.
  await writeJson('gate-results.json', gateResultsDoc(gates, now(), true))

  let issues: IssuesOutcome | undefined
  if (opts.fileIssues) {
    issues = await opts.github.syncBacklog(backlog, {
      labels: config.github.labels,
      maxNew: config.github['max-new-issues'],
      packageUrl: upload && 'url' in upload ? upload.url : undefined
    })
    for (const e of issues.errors) log.warning(e)
  }
  const status = gates.every((g) => g.status === 'pass') ? 'pass' : 'fail'
  if (status === 'pass') log.info(ANNOUNCE.protocolComplete)
  return {
    status,
    gates,
    packageDir: writer.dir,
    artifacts: [...writer.written.values()],
    upload,
    issues,
    backlog,
    errors,
    model,
    audit,
    baseline,
    alertTests,
    tuning,
    slos,
    manifest,
    config
  }
}

function gateResultsDoc(gates: GateResult[], at: Date, final: boolean): unknown {
  return { evaluated_at: at.toISOString(), status: gates.every((g) => g.status === 'pass') ? 'pass' : 'fail', final, gates }
}

function announceGate(log: Logger, gate: GateResult): void {
  if (gate.status === 'pass') {
    log.info(ANNOUNCE.complete(gate.id, PHASE_NAMES[gate.id]))
    return
  }
  log.info(`Gate ${gate.id} (${gate.name}): FAIL`)
  for (const r of gate.reasons.slice(0, 20)) log.error(r, { title: `Gate ${gate.id}: ${gate.name}` })
  for (const e of gate.errors.slice(0, 20)) log.error(`backend error: ${e}`, { title: `Gate ${gate.id}: ${gate.name}` })
}

/** monitoring-approval-record.json: GitHub environment approvals first, else the approved-by input. */
async function buildApproval(opts: RunOptions, config: Config, now: Date): Promise<MonitoringApprovalRecord> {
  const approval = await opts.github.approval(opts.approvedBy)
  return buildApprovalRecord({
    approval,
    onCallOwner: opts.onCallOwner ?? config.assurance.owner,
    notificationChannels: config.alerting['notification-channels'],
    now
  })
}
