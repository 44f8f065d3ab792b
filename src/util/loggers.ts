import type { Logger } from './log.js'

type Core = typeof import('@actions/core')

/** The runner shows at most 10 error and 10 warning annotations per step; keep room for setFailed. */
const MAX_ANNOTATIONS = 9

/** Logger on @actions/core: the first annotations are kept as annotations, the rest as log lines. */
export class ActionsLogger implements Logger {
  private errors = 0
  private warnings = 0
  constructor(private readonly core: Core) {}
  info(message: string): void {
    this.core.info(message)
  }
  debug(message: string): void {
    this.core.debug(message)
  }
  warning(message: string, annotation?: { file?: string; title?: string }): void {
    if (++this.warnings <= MAX_ANNOTATIONS) this.core.warning(message, annotation)
    else this.core.info(`Warning: ${message}`)
  }
  error(message: string, annotation?: { file?: string; title?: string }): void {
    if (++this.errors <= MAX_ANNOTATIONS) this.core.error(message, annotation)
    else this.core.info(`Error: ${message}`)
  }
  setSecret(secret: string): void {
    this.core.setSecret(secret)
  }
}

/** Logger for the command line: lines to stderr, secrets masked by the logger itself. */
export class TerminalLogger implements Logger {
  private readonly secrets: string[] = []
  constructor(
    private readonly write: (line: string) => void = (l) => process.stderr.write(l + '\n'),
    private readonly verbose = false
  ) {}
  private mask(message: string): string {
    let out = message
    for (const s of this.secrets) out = out.split(s).join('***')
    return out
  }
  info(message: string): void {
    this.write(this.mask(message))
  }
  debug(message: string): void {
    if (this.verbose) this.write(this.mask(`debug: ${message}`))
  }
  warning(message: string): void {
    this.write(this.mask(`warning: ${message}`))
  }
  error(message: string): void {
    this.write(this.mask(`error: ${message}`))
  }
  setSecret(secret: string): void {
    if (secret) this.secrets.push(secret)
  }
}
