/**
 * Protocol 12, phase by phase: evidence in, live checks, the evidence package and four gates out.
 * Each phase is its own module that takes the results of the ones before; every step's failure
 * is recorded by one wrapper (ProtocolRun.step) and the run goes on, so the package and the
 * summary are always written before the caller fails the job.
 */
import { resolve } from 'node:path'
import { GATE_NAMES, type GateResult } from '../gates/types.js'
import { PackageWriter } from '../package/writer.js'
import { ANNOUNCE } from './announce.js'
import { instrumentationPhase } from './phase1-instrumentation.js'
import { activationPhase } from './phase2-activation.js'
import { assurancePhase } from './phase3-assurance.js'
import { handoffPhase } from './phase4-handoff.js'
import { ProtocolRun } from './run-state.js'
import { defaultSteps } from './steps.js'
import type { RunOptions, RunResult } from './types.js'

export { ANNOUNCE } from './announce.js'
export type { RunOptions, RunResult } from './types.js'

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
  const writer = new PackageWriter(resolve(opts.workspace, opts.outputDir), opts.now ?? (() => new Date()))
  await writer.init()
  const run = new ProtocolRun(opts, writer, opts.steps ?? defaultSteps)
  const { errors, now, log } = run

  const p1 = await instrumentationPhase(run)
  if ('refused' in p1) {
    // A failed artifact download is the cause behind missing evidence files: name it first.
    const gates = gatesBlockedBy(`invalid input: ${[opts.evidenceError, ...p1.messages].filter(Boolean).join('; ')}`)
    await run.writeJson('gate-results.json', { evaluated_at: now().toISOString(), status: 'fail', final: true, gates })
    const upload = opts.packageArtifact ? await opts.github.uploadPackage(writer.dir, [...writer.written.values()].map((a) => a.path)) : undefined
    return { status: 'fail', gates, packageDir: writer.dir, artifacts: [...writer.written.values()], upload, backlog: [], errors }
  }
  const p2 = await activationPhase(run, p1)
  const p3 = await assurancePhase(run, p1, p2)
  const p4 = await handoffPhase(run, p1, p2, p3)

  const gates = [p1.gate, p2.gate, p3.gate, p4.gate]
  const status = gates.every((g) => g.status === 'pass') ? 'pass' : 'fail'
  // "Ready for Protocol 13" is true only when every gate passed and Protocol 13 accepted the handoff.
  if (status === 'pass' && p4.handedOff) log.info(ANNOUNCE.protocolComplete)
  return {
    status,
    gates,
    packageDir: writer.dir,
    artifacts: [...writer.written.values()],
    upload: p4.upload,
    issues: p4.issues,
    backlog: p3.backlog,
    errors,
    model: p1.model,
    audit: p1.audit,
    baseline: p1.baseline,
    alertTests: p2.alertTests,
    tuning: p3.tuning,
    slos: p3.slos,
    manifest: p4.manifest,
    config: p1.config
  }
}
