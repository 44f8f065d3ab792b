/** Phase 4: approval record, manifest, upload, handoff to Protocols 13, 5 and 14, backlog issues; gate 4. */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import type { InstrumentationGap, InstrumentationGaps } from '../artifacts/contracts/instrumentation-gaps.js'
import type { NotifyTarget } from '../config/schema.js'
import { evaluateHandoffGate, MSG_APPROVAL_MISSING, type HandoffView } from '../gates/gates.js'
import type { GateResult } from '../gates/types.js'
import { buildManifest, type PackageManifest } from '../package/manifest.js'
import { ANNOUNCE, announceGate } from './announce.js'
import { gateResultsDoc } from './gate-results.js'
import { notify, type Downstream, type NotificationOutcome } from './notify.js'
import type { InstrumentationPhase } from './phase1-instrumentation.js'
import { environmentApprovers, pauseReason, type ActivationPhase } from './phase2-activation.js'
import type { AssurancePhase } from './phase3-assurance.js'
import type { HandoffInfo, IssuesOutcome, UploadOutcome } from '../github/ports.js'
import { openFindings } from './quality-audit.js'
import type { ProtocolRun } from './run-state.js'
import { FILES } from '../artifacts/files.js'

export interface HandoffPhase {
  manifest: PackageManifest
  manifestWritten: boolean
  upload?: UploadOutcome
  notifications: NotificationOutcome[]
  /** Protocol 13 accepted a notification of this package. */
  handedOff: boolean
  issues?: IssuesOutcome
  gate: GateResult
}

/** instrumentation-gaps.json, for Protocol 14: the live audit's gaps and Protocol 4's open instrumentation findings. */
function instrumentationGaps(run: ProtocolRun, p1: InstrumentationPhase): InstrumentationGaps {
  const { audit, model, qualityAudit } = p1
  return {
    generated_at: run.now().toISOString(),
    environment: model.environment,
    release: model.release.tag ?? null,
    audit_verified: !audit.not_verified_reason,
    gaps: [
      ...audit.missing_coverage.map((g) => ({
        service: g.service,
        signal: g.signal,
        priority: g.priority,
        gap: g.gap,
        detail: g.detail,
        source: FILES.instrumentationAudit
      })),
      ...openFindings(qualityAudit, audit)
        .filter((f) => f.category === 'instrumentation-gap')
        .map((f): InstrumentationGap => ({
          service: f.service ?? null,
          signal: f.signal ?? null,
          priority: f.severity === 'critical' || f.severity === 'high' ? 'high' : f.severity,
          gap: 'quality_audit_finding',
          detail: `${f.id}: ${f.title}${f.requirement ? ` (required: ${f.requirement})` : ''}`,
          source: `${qualityAudit!.file}${f.line ? `:${f.line}` : ''}`
        }))
    ]
  }
}

export async function handoffPhase(
  run: ProtocolRun,
  p1: InstrumentationPhase,
  p2: ActivationPhase,
  p3: AssurancePhase
): Promise<HandoffPhase> {
  const { opts, log, now, writer } = run
  const { config, model } = p1
  const { approval, backlog } = p3
  log.info(ANNOUNCE.phase4)
  await run.writeJson(FILES.approvalRecord, approval)
  if (approval.status !== 'approved') log.error(MSG_APPROVAL_MISSING)
  await run.writeJson(FILES.instrumentationGaps, instrumentationGaps(run, p1))
  const runbook = p2.runbook
  const runbookEntry = runbook
    ? {
        path: isAbsolute(runbook.path) ? relative(opts.workspace, runbook.path) : runbook.path,
        changed: runbook.changed,
        sha256: await readFile(resolve(opts.workspace, runbook.path)).then(
          (b) => createHash('sha256').update(b).digest('hex'),
          () => null
        )
      }
    : null
  await run.writeRunStats(model.environment, true)
  const manifest = buildManifest({
    written: writer.written.values(),
    generator: opts.generator,
    now: now(),
    environment: model.environment,
    release: model.release,
    run: { id: opts.runId, url: opts.github.runUrl() },
    runbook: runbookEntry,
    notWritten: run.notWritten
  })
  const manifestWritten = await run.writeJson(FILES.manifest, manifest)
  // A scheduled re-check hands nothing new to incident response: only a release is dispatched.
  const dispatchEnabled = config.github.handoff.enabled && opts.mode === 'post-deploy'
  const requires = opts.mode === 'post-deploy' ? 'protocol-13' : 'any'
  const held = p2.paused ? pauseReason(p1) : undefined
  const pendingHandoff: HandoffView = { uploaded: false, notifications: [], requires, held, pending: true }
  const gate4Pending = evaluateHandoffGate({
    manifest: manifestWritten ? manifest : undefined,
    approval,
    handoff: pendingHandoff,
    thresholds: config.gates
  })
  const preliminary = [p1.gate, p2.gate, p3.gate, gate4Pending]
  await run.writeJson(FILES.gateResults, gateResultsDoc(preliminary, now(), false))

  const packageFiles = [...writer.written.values()].map((a) => a.path)
  let upload: UploadOutcome | undefined
  if (opts.packageArtifact) {
    upload = await opts.github.uploadPackage(writer.dir, packageFiles)
    if (upload && 'error' in upload) {
      run.errors.push(`package upload failed: ${upload.error}`)
      log.error(`Package upload failed; the package stays in ${writer.dir}: ${upload.error}`)
    } else if (upload && 'id' in upload) log.info(`Package uploaded as artifact ${opts.packageArtifact} (id ${upload.id}): ${upload.url}`)
    else if (upload) log.info(`Package delivered to ${upload.delivered}`)
  }

  const info: HandoffInfo & { release: string | null; runId: string; runUrl?: string } = {
    status: preliminary.every((g) => g.status === 'pass') ? 'pass' : 'fail',
    gates: preliminary.map((g) => ({ id: g.id, name: g.name, status: g.status, reasons: [...g.reasons, ...g.errors] })),
    packageName: opts.packageArtifact,
    upload,
    environment: model.environment,
    approvalStatus: approval.status,
    release: model.release.tag ?? null,
    runId: opts.runId,
    runUrl: opts.github.runUrl()
  }
  const notifications: NotificationOutcome[] = []
  const send = async (protocol: Downstream, target: NotifyTarget): Promise<void> => {
    const n = await notify({ protocol, target, info, github: opts.github, env: opts.env, log })
    notifications.push(n)
    const line = `${protocol} notified by ${n.channel} ${n.target}: ${n.accepted ? n.detail : `not accepted (${n.detail})`}`
    if (n.accepted) log.info(line)
    else log.error(line, { title: 'Handoff' })
  }

  if (held) {
    log.info(
      `Handoff held: ${held}. Nothing is dispatched to Protocol 13 and no downstream protocol is notified; the package is kept${upload && !('error' in upload) ? ' and uploaded' : ''}.`
    )
  } else {
    // The seed's confirmation is asked only when its first sentence is true.
    if (manifestWritten) log.info(ANNOUNCE.handoff)
    else
      log.info(
        'The monitoring package could not be compiled (the manifest was not written): there is nothing complete to deliver to Protocol 13.'
      )
    const wanted = dispatchEnabled || !!config.notify['protocol-13']
    let yes = wanted && manifestWritten
    let how: string
    if (opts.mode === 'assurance') how = 'assurance mode re-checks a release already handed off: no repository_dispatch'
    else if (!wanted) how = 'github.handoff.enabled is false and notify.protocol-13 is not configured'
    else if (!manifestWritten) how = 'the package manifest was not written'
    else if (config.flow['confirm-with'] === 'environment') {
      const by = environmentApprovers(approval)
      yes = !!by
      how = by
        ? `approved on this job's protected environment by ${by.join(', ')}`
        : "flow.confirm-with is environment and no reviewer of this job's protected environment approved it"
    } else how = dispatchEnabled ? 'github.handoff.enabled' : 'notify.protocol-13'
    log.info(`Answer: ${yes && opts.mode === 'post-deploy' ? 'yes' : 'no'} (${how})`)
    if (yes && opts.mode === 'post-deploy') {
      if (dispatchEnabled)
        await send('protocol-13', {
          'event-type': config.github.handoff['event-type'],
          auth: { type: 'none' },
          headers: {},
          'timeout-seconds': 10
        })
      if (config.notify['protocol-13']) await send('protocol-13', config.notify['protocol-13'])
    } else if (opts.mode === 'assurance' && config.notify['protocol-13']?.url) await send('protocol-13', config.notify['protocol-13'])
    // Protocols 5 and 14 read their files from the package; they are told when configured.
    for (const p of ['protocol-5', 'protocol-14'] as const) {
      const target = config.notify[p]
      if (target) await send(p, target)
    }
  }
  const handedOff = notifications.some((n) => n.protocol === 'protocol-13' && n.accepted)
  const gate = evaluateHandoffGate({
    manifest: manifestWritten ? manifest : undefined,
    approval,
    handoff: {
      uploaded: !!upload && !('error' in upload),
      uploadError:
        upload && 'error' in upload
          ? upload.error
          : opts.packageArtifact
            ? undefined
            : 'no package destination (package-artifact is empty)',
      notifications,
      requires,
      held,
      pending: false
    },
    thresholds: config.gates
  })
  announceGate(log, gate)
  // The copy on disk is final; the uploaded copy was written before the upload could be judged.
  await run.writeJson(FILES.gateResults, gateResultsDoc([p1.gate, p2.gate, p3.gate, gate], now(), true))

  let issues: IssuesOutcome | undefined
  if (opts.fileIssues) {
    issues = await opts.github.syncBacklog(backlog, {
      labels: config.github.labels,
      kindLabelPrefix: config.github['kind-label-prefix'],
      priorityLabelPrefix: config.github['priority-label-prefix'],
      maxNew: config.github['max-new-issues'],
      packageUrl: upload && 'url' in upload ? upload.url : undefined
    })
    for (const e of issues.errors) log.warning(e)
  }
  return { manifest, manifestWritten, upload, notifications, handedOff, issues, gate }
}
