import { join } from 'node:path'
import { ARTIFACT_SCHEMAS } from '../package/schemas.js'
import type { PackageWriter, WrittenArtifact } from '../package/writer.js'
import { errorText } from '../util/errors.js'
import type { Logger } from '../util/log.js'
import { ANNOUNCE } from './announce.js'
import { runHook } from './hooks.js'
import type { ProtocolSteps } from './steps.js'
import type { RunOptions } from './types.js'

/**
 * What every phase shares: the options, the package writer, and the one wrapper through which
 * each step runs. A step that throws is recorded once (in `errors` and the log) and replaced by
 * its "not verified" result, so the run goes on and the package is still written.
 */
export class ProtocolRun {
  readonly errors: string[] = []
  readonly now: () => Date
  readonly log: Logger
  readonly steps: ProtocolSteps

  constructor(
    readonly opts: RunOptions,
    readonly writer: PackageWriter,
    steps: ProtocolSteps
  ) {
    this.now = opts.now ?? (() => new Date())
    this.log = opts.log
    this.steps = steps
  }

  /** Record a failure that stopped part of the run, once. */
  fail(reason: string): void {
    this.errors.push(reason)
    this.log.error(reason)
  }

  async step<T>(what: string, fn: () => Promise<T>, fallback: (reason: string) => T): Promise<T> {
    try {
      return await fn()
    } catch (err) {
      const reason = `${what} failed: ${errorText(err)}`
      this.fail(reason)
      return fallback(reason)
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
      this.fail(`${name} not written: ${errorText(err)}`)
      return undefined
    }
  }

  /**
   * A JSON artifact from the seed's automation hook when the config names one, else from the
   * built-in step; either way announced with the seed's `[AUTOMATION] ...` line.
   */
  async fromHookOrBuiltIn<T extends { source: string }>(args: {
    what: string
    command: string | undefined
    commandName: string
    artifact: string
    script: string
    builtIn: () => Promise<T>
    builtInStatus: (result: T) => string
    fallback: (reason: string) => T
    timeoutSeconds: number
  }): Promise<T> {
    if (!args.command) {
      const result = await this.step(args.what, args.builtIn, args.fallback)
      this.log.info(ANNOUNCE.automation(args.script, args.builtInStatus(result)))
      return result
    }
    const hook = await runHook<T>({
      command: args.command,
      outputFile: join(this.writer.dir, args.artifact),
      schemaFile: ARTIFACT_SCHEMAS[args.artifact],
      cwd: this.opts.workspace,
      env: this.opts.env,
      timeoutSeconds: args.timeoutSeconds
    })
    this.log.info(ANNOUNCE.automation(args.script, `${hook.status} (${args.commandName})`))
    if (hook.error) this.errors.push(`${args.commandName}: ${hook.error}`)
    return hook.data ? { ...hook.data, source: args.commandName } : args.fallback(`${args.commandName} ${hook.error ?? hook.status}`)
  }
}
