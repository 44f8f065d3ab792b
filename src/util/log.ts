import { neutraliseLog, secrets } from './redact.js'

/**
 * Where the run's messages go: the Actions log (via @actions/core) or a terminal. Modules take a
 * Logger so that the same core runs in both. Every logger redacts the known secrets and
 * neutralises workflow commands in every line, so no caller has to remember to.
 */
export interface Logger {
  info(message: string): void
  warning(message: string, annotation?: { file?: string; title?: string }): void
  error(message: string, annotation?: { file?: string; title?: string }): void
  debug(message: string): void
  /** Mask a secret in every later line of output and in everything else the run writes. */
  setSecret(secret: string): void
  /** A wait is under way until `untilMs` (epoch ms); undefined ends it. Terminals show it ticking. */
  progress?(label: string | undefined, untilMs?: number): void
}

/** A message as it may be logged: secrets masked, no line able to start a workflow command. */
export function safeLine(message: string): string {
  return neutraliseLog(secrets.redactLog(String(message)))
}

/** Collects messages; used by tests and as a base for the terminal logger. */
export class MemoryLogger implements Logger {
  readonly lines: Array<{ level: string; message: string }> = []
  readonly secrets: string[] = []
  info(message: string): void {
    this.lines.push({ level: 'info', message: this.mask(message) })
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message: this.mask(message) })
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message: this.mask(message) })
  }
  debug(message: string): void {
    this.lines.push({ level: 'debug', message: this.mask(message) })
  }
  setSecret(secret: string): void {
    if (!secret) return
    this.secrets.push(secret)
    secrets.add(secret)
  }
  mask(message: string): string {
    return safeLine(message)
  }
  text(): string {
    return this.lines.map((l) => l.message).join('\n')
  }
}
