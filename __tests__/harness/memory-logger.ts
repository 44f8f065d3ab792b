import { safeLine, type Logger } from '../../src/util/log.js'
import { secrets } from '../../src/util/redact.js'

/**
 * A Logger that keeps every line, for tests to read back. Lines go through the same `safeLine`
 * as the real loggers (secrets masked, workflow commands neutralised), so what a test reads is
 * what a log would show.
 */
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
