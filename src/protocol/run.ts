/**
 * Protocol 12, phase by phase: evidence in, live checks, the evidence package and four gates out.
 * Each phase is its own module that takes the results of the ones before; every step's failure
 * is recorded by one wrapper (ProtocolRun.step) and the run goes on. Whatever goes wrong (refused
 * input, a crashed phase, an output folder that cannot be written), the run ends with the gates,
 * a manifest saying what is missing and why, the requirements file, and the upload.
 */
import { randomBytes } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { GATE_NAMES, type GateResult } from '../gates/types.js'
import { buildManifest } from '../package/manifest.js'
import { PackageWriter } from '../package/writer.js'
import { errorText } from '../util/errors.js'
import { escapeMarkdown } from '../util/escape.js'
import { readConfigText } from '../config/read.js'
import { ANNOUNCE } from './announce.js'
import { gateResultsDoc } from './gate-results.js'
import type { InstrumentationPhase } from './phase1-instrumentation.js'
import type { ActivationPhase } from './phase2-activation.js'
import type { AssurancePhase } from './phase3-assurance.js'
import { ProtocolRun, type InputRefused } from './run-state.js'
import { defaultSteps } from './steps.js'
import { inPhase, withRunStats } from '../stats/run-stats.js'
import type { RunOptions, RunResult } from './types.js'
import { FILES } from '../artifacts/files.js'

export { ANNOUNCE } from './announce.js'
export type { RunOptions, RunResult } from './types.js'

/** A gate that could not be evaluated, and why. */
function notEvaluated(id: 1 | 2 | 3 | 4, reason: string): GateResult {
  return { id, name: GATE_NAMES[id], status: 'fail', reasons: [reason], errors: [], checks: [], evidence: [] }
}

/**
 * The package folder, checked by writing to it. A folder that cannot be written (read-only, or the
 * path is a file) is said once, with the path and the cause, and the package goes to a folder
 * under the runner's temp instead, so it is still uploaded and the summary still points at it.
 */
async function openPackage(opts: RunOptions, now: () => Date): Promise<{ writer: PackageWriter; problem?: string }> {
  const dir = resolve(opts.workspace, opts.outputDir)
  const probe = async (d: string): Promise<PackageWriter> => {
    const w = new PackageWriter(d, now)
    await w.init()
    const test = join(d, `.sre-monitoring-write-test-${randomBytes(4).toString('hex')}`)
    await writeFile(test, '')
    await rm(test, { force: true })
    return w
  }
  try {
    return { writer: await probe(dir) }
  } catch (err) {
    const fallback = join(opts.env.RUNNER_TEMP || tmpdir(), `sre-monitoring-package-${opts.runId.replace(/[^A-Za-z0-9_-]/g, '_')}`)
    const cause = errorText(err).replace(/^Error: /, '')
    try {
      const writer = await probe(fallback)
      return { writer, problem: `Output folder ${dir} cannot be written (${cause}); the package is written to ${fallback} instead` }
    } catch (err2) {
      return {
        writer: new PackageWriter(dir, now),
        problem: `Output folder ${dir} cannot be written (${cause}), nor ${fallback} (${errorText(err2).replace(/^Error: /, '')}): no package file can be written`
      }
    }
  }
}

export async function runProtocol(opts: RunOptions): Promise<RunResult> {
  const now = opts.now ?? (() => new Date())
  const { writer, problem } = await openPackage(opts, now)
  const run = new ProtocolRun(opts, writer, opts.steps ?? defaultSteps)
  if (problem) run.outputUnwritable(problem)
  const result = await withRunStats(run.stats, 'instrumentation', () => runPhases(run))
  // The whole run's cost, the upload, handoff and issue sync included, for the summary.
  result.runStats = run.runStats({
    environment: result.model?.environment ?? 'unknown',
    complete: run.allPhasesRan,
    covers: 'every request and wait of the run, the upload, handoff and issue sync included'
  })
  return result
}

async function runPhases(run: ProtocolRun): Promise<RunResult> {
  const { opts, writer } = run

  let p1: InstrumentationPhase | undefined
  let p2: ActivationPhase | undefined
  let p3: AssurancePhase | undefined
  let phase = 1
  try {
    const input = await readConfig(run)
    if ('refused' in input) return await finishEarly(run, { refused: refusedInput(opts, input) })
    // Each phase (its parsers, clients and checks) loads when the run gets there.
    const { instrumentationPhase } = await import('./phase1-instrumentation.js')
    const first = await instrumentationPhase(run, input.configText)
    if ('refused' in first) return await finishEarly(run, { refused: refusedInput(opts, first) })
    p1 = first
    phase = 2
    const q1 = p1
    const { activationPhase } = await import('./phase2-activation.js')
    p2 = await inPhase('activation', () => activationPhase(run, q1))
    phase = 3
    const q2 = p2
    const { assurancePhase } = await import('./phase3-assurance.js')
    p3 = await inPhase('assurance', () => assurancePhase(run, q1, q2))
    phase = 4
    const q3 = p3
    const { handoffPhase } = await import('./phase4-handoff.js')
    const p4 = await inPhase('handoff', () => handoffPhase(run, q1, q2, q3))
    run.allPhasesRan = true
    const gates = [p1.gate, p2.gate, p3.gate, p4.gate]
    const status = gates.every((g) => g.status === 'pass') ? 'pass' : 'fail'
    // "Ready for Protocol 13" is true only when every gate passed and Protocol 13 accepted the handoff.
    if (status === 'pass' && p4.handedOff) run.log.info(ANNOUNCE.protocolComplete)
    return {
      status,
      gates,
      packageDir: writer.dir,
      artifacts: [...writer.written.values()],
      upload: p4.upload,
      issues: p4.issues,
      backlog: p3.backlog,
      errors: run.errors,
      model: p1.model,
      audit: p1.audit,
      baseline: p1.baseline,
      alertTests: p2.alertTests,
      tuning: p3.tuning,
      slos: p3.slos,
      manifest: p4.manifest,
      config: p1.config
    }
  } catch (err) {
    const reason = `phase ${phase} crashed: ${errorText(err)}`
    run.fail(reason)
    return finishEarly(run, { crashed: reason, p1, p2, p3 })
  }
}

/**
 * Phase 1 up to the config's text: a config that is missing or cannot be read refuses the run
 * here, before anything heavy is loaded.
 */
async function readConfig(run: ProtocolRun): Promise<{ configText: string } | InputRefused> {
  const { opts, log } = run
  log.info(ANNOUNCE.phase1)
  if (opts.evidenceError) run.fail(opts.evidenceError)
  try {
    return { configText: await readConfigText(resolve(opts.workspace, opts.configPath)) }
  } catch (err) {
    return run.refuse(err)
  }
}

/** The refused input as the manifest lists it: the evidence artifact's failure first. */
function refusedInput(opts: RunOptions, refused: InputRefused): string[] {
  return [opts.evidenceError, ...refused.messages].filter((m): m is string => !!m)
}

/**
 * What the caller reports when the run itself could not start or finish (a crash outside every
 * phase): every gate failed with the cause said once, so the summary and the outputs still tell it.
 */
export function crashedRun(reason: string, packageDir: string): RunResult {
  return {
    status: 'fail',
    gates: ([1, 2, 3, 4] as const).map((id) => notEvaluated(id, id === 1 ? reason : 'not evaluated: see gate 1')),
    packageDir,
    artifacts: [],
    backlog: [],
    errors: [reason]
  }
}

/**
 * The protocol for an entry (the action, the command line): whatever throws, the caller gets a
 * result to report (crashedRun), and the crash is said once in the log.
 */
export async function runProtocolGuarded(opts: RunOptions): Promise<RunResult> {
  try {
    return await runProtocol(opts)
  } catch (err) {
    const reason = `the run crashed: ${errorText(err)}`
    opts.log.error(reason)
    return crashedRun(reason, opts.outputDir)
  }
}

/** The requirements file when none could be derived: what input was refused, or what crashed. */
function refusalRequirements(why: string[], at: Date, refused: boolean): string {
  const line = (s: string): string => `- ${escapeMarkdown(s)}`
  return [
    '# Monitoring requirements',
    '',
    `Generated ${at.toISOString()}.`,
    '',
    refused
      ? '**Not derived: the input was refused.** No service, signal or SLO could be mapped until this is fixed:'
      : '**Not derived: the run stopped before the requirements were mapped:**',
    '',
    ...why.map(line),
    '',
    'Every gate failed as not evaluated (gate-results.json); the manifest lists each missing artifact and why.',
    ''
  ].join('\n')
}

/**
 * The end of a run that could not go through all four phases: the gates it has (the others not
 * evaluated, saying why once), the requirements file, the manifest (incomplete, with reasons),
 * gate-results.json and the upload.
 */
async function finishEarly(
  run: ProtocolRun,
  why: { refused: string[] } | { crashed: string; p1?: InstrumentationPhase; p2?: ActivationPhase; p3?: AssurancePhase }
): Promise<RunResult> {
  const { opts, now, writer } = run
  const refused = 'refused' in why ? why.refused : undefined
  const p1 = 'refused' in why ? undefined : why.p1
  const p2 = 'refused' in why ? undefined : why.p2
  const p3 = 'refused' in why ? undefined : why.p3
  const cause = refused ? `invalid input: ${refused.join('; ')}` : (why as { crashed: string }).crashed
  const known = [p1?.gate, p2?.gate, p3?.gate]
  // The cause is said once, on the first gate it stopped; the others point to it.
  const firstMissing = known.findIndex((g) => !g)
  const gates = ([1, 2, 3, 4] as const).map(
    (id, i) =>
      known[i] ??
      notEvaluated(
        id,
        i === (firstMissing < 0 ? 3 : firstMissing) ? cause : `not evaluated: see gate ${(firstMissing < 0 ? 3 : firstMissing) + 1}`
      )
  )
  try {
    if (!writer.written.has(FILES.requirements)) {
      await run.writeText(FILES.requirements, refusalRequirements(refused ?? [cause], now(), !!refused))
    }
    await run.writeJson(FILES.gateResults, gateResultsDoc(gates, now(), true))
    await run.writeRunStats(p1?.model.environment ?? 'unknown', false, cause)
    const manifest = buildManifest({
      written: writer.written.values(),
      generator: opts.generator,
      now: now(),
      environment: p1?.model.environment ?? 'unknown',
      release: p1?.model.release ?? {},
      run: { id: opts.runId, url: opts.github.runUrl() },
      runbook: null,
      notWritten: run.notWritten,
      refusedInput: refused ?? [cause]
    })
    await run.writeJson(FILES.manifest, manifest)
    const upload = opts.packageArtifact
      ? await opts.github.uploadPackage(
          writer.dir,
          [...writer.written.values()].map((a) => a.path)
        )
      : undefined
    if (upload && 'error' in upload) run.fail(`package upload failed: ${upload.error}`)
    return {
      status: 'fail',
      gates,
      packageDir: writer.dir,
      artifacts: [...writer.written.values()],
      upload,
      backlog: p3?.backlog ?? [],
      errors: run.errors,
      model: p1?.model,
      audit: p1?.audit,
      baseline: p1?.baseline,
      alertTests: p2?.alertTests,
      tuning: p3?.tuning,
      slos: p3?.slos,
      manifest,
      config: p1?.config
    }
  } catch (err) {
    // Even the early finish failed: the gates still go back for the summary and the outputs.
    run.fail(`the package could not be finished: ${errorText(err)}`)
    return { status: 'fail', gates, packageDir: writer.dir, artifacts: [...writer.written.values()], backlog: [], errors: run.errors }
  }
}
