/** Phase 4: approval record, manifest, upload, handoff to Protocol 13, backlog issues; gate 4. */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { evaluateHandoffGate, MSG_APPROVAL_MISSING, type HandoffView } from '../gates/gates.js'
import type { GateResult } from '../gates/types.js'
import { buildManifest, type PackageManifest } from '../package/manifest.js'
import { ANNOUNCE, announceGate } from './announce.js'
import type { InstrumentationPhase } from './phase1-instrumentation.js'
import type { ActivationPhase } from './phase2-activation.js'
import type { AssurancePhase } from './phase3-assurance.js'
import type { IssuesOutcome, UploadOutcome } from './ports.js'
import type { ProtocolRun } from './run-state.js'

export interface HandoffPhase {
  manifest: PackageManifest
  manifestWritten: boolean
  upload?: UploadOutcome
  dispatched: boolean
  dispatchError?: string
  issues?: IssuesOutcome
  gate: GateResult
}

export function gateResultsDoc(gates: GateResult[], at: Date, final: boolean): unknown {
  return { evaluated_at: at.toISOString(), status: gates.every((g) => g.status === 'pass') ? 'pass' : 'fail', final, gates }
}

export async function handoffPhase(run: ProtocolRun, p1: InstrumentationPhase, p2: ActivationPhase, p3: AssurancePhase): Promise<HandoffPhase> {
  const { opts, log, now, writer } = run
  const { config, model } = p1
  const { approval, backlog } = p3
  log.info(ANNOUNCE.phase4)
  await run.writeJson('monitoring-approval-record.json', approval)
  if (approval.status !== 'approved') log.error(MSG_APPROVAL_MISSING)
  const runbook = p2.runbook
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
  const manifestWritten = await run.writeJson('monitoring-package-manifest.json', manifest)
  // A scheduled re-check hands nothing new to incident response: only a release is handed off.
  const handoffEnabled = config.github.handoff.enabled && opts.mode === 'post-deploy'
  const pendingHandoff: HandoffView = { uploaded: false, dispatchEnabled: handoffEnabled, dispatched: false, pending: true }
  const gate4Pending = evaluateHandoffGate({ manifest: manifestWritten ? manifest : undefined, approval, handoff: pendingHandoff, thresholds: config.gates })
  const preliminary = [p1.gate, p2.gate, p3.gate, gate4Pending]
  await run.writeJson('gate-results.json', gateResultsDoc(preliminary, now(), false))

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
  const gate = evaluateHandoffGate({
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
  announceGate(log, gate)
  // The copy on disk is final; the uploaded copy was written before the upload could be judged.
  await run.writeJson('gate-results.json', gateResultsDoc([p1.gate, p2.gate, p3.gate, gate], now(), true))

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
  return { manifest, manifestWritten, upload, dispatched, dispatchError, issues, gate }
}
