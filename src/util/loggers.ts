import type { Logger } from './log.js'
import { safeLine } from './log.js'
import { secrets } from './redact.js'

/** What the logger uses of the runner's workflow commands (action/workflow.ts's ActionsCore, or @actions/core). */
interface Core {
  info(message: string): void
  debug(message: string): void
  warning(message: string, properties?: { file?: string; title?: string }): void
  error(message: string, properties?: { file?: string; title?: string }): void
  setSecret(secret: string): void
}

/** The runner shows at most 10 error and 10 warning annotations per step; keep room for setFailed. */
const MAX_ANNOTATIONS = 9

/**
 * Logger on the runner's workflow commands (src/action/workflow.ts, or @actions/core): the first annotations are kept as annotations, the rest as log lines.
 * Secrets go to the runner's masking and to the run's redactor; every line is redacted and
 * neutralised here, also the ones core would escape, so annotations and titles are covered too.
 */
export class ActionsLogger implements Logger {
  private errors = 0
  private warnings = 0
  constructor(private readonly core: Core) {
    // Every secret the run learns, wherever it is learnt, is masked by the runner too.
    listenOnce(core)
  }
  info(message: string): void {
    this.core.info(safeLine(message))
  }
  debug(message: string): void {
    this.core.debug(safeLine(message))
  }
  warning(message: string, annotation?: { file?: string; title?: string }): void {
    if (++this.warnings <= MAX_ANNOTATIONS) this.core.warning(safeLine(message), safeAnnotation(annotation))
    else this.core.info(safeLine(`Warning: ${message}`))
  }
  error(message: string, annotation?: { file?: string; title?: string }): void {
    if (++this.errors <= MAX_ANNOTATIONS) this.core.error(safeLine(message), safeAnnotation(annotation))
    else this.core.info(safeLine(`Error: ${message}`))
  }
  setSecret(secret: string): void {
    if (secret) secrets.add(secret)
  }
}

const listening = new WeakSet<object>()
function listenOnce(core: Core): void {
  if (listening.has(core)) return
  listening.add(core)
  // The runner masks line by line: each line of a multi-line secret is registered on its own.
  secrets.listen((s) => {
    for (const part of s.split(/\r?\n/)) if (part.trim()) core.setSecret(part)
  })
}

function safeAnnotation(a: { file?: string; title?: string } | undefined): { file?: string; title?: string } | undefined {
  if (!a) return undefined
  return {
    ...(a.file !== undefined ? { file: safeLine(a.file) } : {}),
    ...(a.title !== undefined ? { title: safeLine(a.title) } : {})
  }
}

/** Logger for the command line: lines to stderr, redacted and neutralised like the Actions log. */
export class TerminalLogger implements Logger {
  constructor(
    private readonly write: (line: string) => void = (l) => process.stderr.write(l + '\n'),
    private readonly verbose = false
  ) {}
  info(message: string): void {
    this.write(safeLine(message))
  }
  debug(message: string): void {
    if (this.verbose) this.write(safeLine(`debug: ${message}`))
  }
  warning(message: string): void {
    this.write(safeLine(`warning: ${message}`))
  }
  error(message: string): void {
    this.write(safeLine(`error: ${message}`))
  }
  setSecret(secret: string): void {
    if (secret) secrets.add(secret)
  }
}
