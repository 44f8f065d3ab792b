import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ARTIFACT_SCHEMAS, FILES } from '../artifacts/files.js'
import type { PackageWriter, WrittenArtifact } from '../package/writer.js'
import { inPhase, phaseOfStep, RunStatsRecorder, type RunStats } from '../stats/run-stats.js'
import { errorText, InputErrors } from '../util/errors.js'
import { httpLimits } from '../util/http.js'
import type { Logger } from '../util/log.js'
import { ANNOUNCE } from './announce.js'
import type { HookReview } from './hook-review.js'
import type { ProtocolSteps } from './steps.js'
import type { RunOptions } from './types.js'

/** The config, the evidence or an OpenSLO document was refused: nothing can be verified. */
export interface InputRefused {
  refused: true
  messages: string[]
}

/** A step under way: `settle` waits for it, and says its failure then, as `step` would. */
export interface StartedStep<T> {
  settle: (fallback: (reason: string) => T) => Promise<T>
}

/**
 * What every phase shares: the options, the package writer, and the one wrapper through which
 * each step runs. A step that throws is recorded once (in `errors` and the log) and replaced by
 * its "not verified" result, so the run goes on and the package is still written.
 */
export class ProtocolRun {
  readonly errors: string[] = []
  /** Package files that could not be written, and why: the manifest lists them. */
  readonly notWritten = new Map<string, string>()
  readonly now: () => Date
  readonly log: Logger
  readonly steps: ProtocolSteps
  /** When the run started: an artifact dated before it is not evidence of this run. */
  readonly startedAt: Date
  /** Every request and wait of the run, by phase and backend (run-stats.json). */
  readonly stats: RunStatsRecorder
  /** The four phases ran to their end (no refused input, no crash). */
  allPhasesRan = false

  constructor(
    readonly opts: RunOptions,
    readonly writer: PackageWriter,
    steps: ProtocolSteps
  ) {
    this.now = opts.now ?? (() => new Date())
    this.log = opts.log
    this.steps = steps
    this.startedAt = this.now()
    this.stats = new RunStatsRecorder(() => httpLimits().backendConcurrency)
  }

  /** The run's cost as of now (run-stats.json). */
  runStats(args: { environment: string; complete: boolean; covers: string }): RunStats {
    return this.stats.snapshot({ now: Date.now(), runId: this.opts.runId, ...args })
  }

  /**
   * run-stats.json in the package, written just before the manifest so that the manifest lists
   * it: it counts everything up to there; the upload, handoff and issue sync come after it.
   */
  async writeRunStats(environment: string, complete: boolean, stopped?: string): Promise<boolean> {
    const covers = stopped
      ? `the requests and waits of the run until it stopped part-way (${stopped}), up to the package manifest; the upload after it is counted in the job summary only`
      : 'every request and wait of the run up to the package manifest; the upload, the handoff notifications and the issue sync come after it and are counted in the job summary only'
    return this.writeJson(FILES.runStats, this.runStats({ environment, complete, covers }))
  }

  /** Why no package file can be written where asked (said once; later writes don't repeat it). */
  private unwritable?: string

  /** The output folder cannot be written: said once, with the path and the cause. */
  outputUnwritable(problem: string): void {
    this.unwritable = problem
    this.fail(problem)
  }

  /** Record a failure that stopped part of the run, once. */
  fail(reason: string): void {
    this.errors.push(reason)
    this.log.error(reason)
  }

  /** Refused input: each error said (the first ten in the log) and recorded; the run stops there. */
  refuse(err: unknown): InputRefused {
    const messages = err instanceof InputErrors ? err.errors.map((e) => e.message) : [errorText(err)]
    for (const m of messages.slice(0, 10)) this.log.error(m)
    this.errors.push(...messages)
    return { refused: true, messages }
  }

  async step<T>(what: string, fn: () => Promise<T>, fallback: (reason: string) => T): Promise<T> {
    try {
      return await inPhase(phaseOfStep(what), fn)
    } catch (err) {
      const reason = `${what} failed: ${errorText(err)}`
      this.fail(reason)
      return fallback(reason)
    }
  }

  /**
   * A step started now and settled later: its requests overlap the work before the point where
   * the run needs it, and its failure is said there, in the protocol's order.
   */
  startStep<T>(what: string, fn: () => Promise<T>): StartedStep<T> {
    const started = inPhase(phaseOfStep(what), fn).then(
      (value) => ({ value }),
      (error: unknown) => ({ error })
    )
    return {
      settle: (fallback) =>
        this.step(
          what,
          async () => {
            const r = await started
            if ('error' in r) throw r.error
            return r.value
          },
          fallback
        )
    }
  }

  /** Write a JSON artifact; false (and the failure recorded) when it could not be written. */
  async writeJson(name: string, data: unknown): Promise<boolean> {
    return (await this.write(name, () => this.writer.json(name, data))) !== undefined
  }

  /** Write a Markdown/text artifact; undefined (and the failure recorded) when it could not be written. */
  async writeText(name: string, content: string): Promise<WrittenArtifact | undefined> {
    return this.write(name, () => this.writer.text(name, content))
  }

  private async write(name: string, put: () => Promise<WrittenArtifact>): Promise<WrittenArtifact | undefined> {
    try {
      return await put()
    } catch (err) {
      this.notWritten.set(name, `not written: ${errorText(err)}`)
      // With the whole folder unwritable, the one error already said so.
      if (!this.unwritable?.endsWith('no package file can be written')) this.fail(`${name} not written: ${errorText(err)}`)
      return undefined
    }
  }

  /**
   * The built-in live check, and the seed's automation hook beside it when the config names one.
   * The hook's artifact is evidence only: it is reviewed against the live result (of this run,
   * covering the same services or routes) and recorded with it; the live result is what counts.
   */
  async liveWithHook<T extends { source: string; hook?: HookReview }, H>(args: {
    what: string
    command: string | undefined
    commandName: string
    artifact: string
    script: string
    builtIn: () => Promise<T>
    builtInStatus: (result: T) => string
    fallback: (reason: string) => T
    timeoutSeconds: number
    review: (hook: { status: string; data?: H; error?: string }, live: T) => HookReview
  }): Promise<T> {
    const live = await this.step(args.what, args.builtIn, args.fallback)
    if (!args.command) {
      this.log.info(ANNOUNCE.automation(args.script, args.builtInStatus(live)))
      return live
    }
    this.log.info(`Live check (built-in): ${args.builtInStatus(live)}`)
    // The hook writes outside the package: its file is never taken for the live artifact.
    const dir = await mkdtemp(join(tmpdir(), 'sre-hook-'))
    try {
      // Loaded here: child processes are for the runs whose config names a hook.
      const { runHook } = await import('./hooks.js')
      const hook = await runHook<H>({
        command: args.command,
        outputFile: join(dir, args.artifact),
        schemaFile: ARTIFACT_SCHEMAS[args.artifact],
        cwd: this.opts.workspace,
        env: this.opts.env,
        timeoutSeconds: args.timeoutSeconds
      })
      const review = args.review(hook, live)
      const verdict = review.accepted ? 'accepted as evidence' : `refused as evidence: ${review.refused[0] ?? 'no artifact'}`
      this.log.info(ANNOUNCE.automation(args.script, `${hook.status} (${args.commandName}); ${verdict}`))
      for (const d of review.disagreements.slice(0, 10)) this.log.warning(d, { title: args.commandName })
      if (review.disagreements.length > 10)
        this.log.warning(`${review.disagreements.length - 10} more disagreement(s) in ${args.artifact}`, { title: args.commandName })
      return { ...live, hook: review }
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined)
    }
  }
}
