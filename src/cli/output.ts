import { backendCause } from '../report/findings.js'
import type { TerminalStyle } from '../report/summary.js'
import type { Logger } from '../util/log.js'
import { safeLine } from '../util/log.js'
import { secrets } from '../util/redact.js'

export interface CliStream {
  write(s: string): unknown
  isTTY?: boolean
}

export function fmtDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  return s >= 60 ? `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, '0')} s` : `${s} s`
}

/**
 * The command line's log: lines on stderr, coloured by kind when colour is wanted, each error said
 * once (a backend cause repeated by many checks is printed the first time and counted after), and
 * on a terminal a status line that ticks during silences: what is being waited for, how long it
 * has taken, and how long it may still take.
 */
export class CliLogger implements Logger {
  private progressLabel?: string
  private progressUntil?: number
  private lastLineAt: number
  private statusShown = false
  private timer?: NodeJS.Timeout
  private readonly printed = new Set<string>()
  private readonly repeated = new Map<string, number>()

  constructor(
    private readonly out: CliStream,
    private readonly style: TerminalStyle,
    private readonly verbose = false,
    private readonly clock: () => number = Date.now,
    tickMs = 1000
  ) {
    this.lastLineAt = clock()
    if (out.isTTY) {
      this.timer = setInterval(() => this.tick(), tickMs)
      this.timer.unref()
    }
  }

  info(message: string): void {
    const text = safeLine(message)
    const s = this.style
    this.line(
      /^\[(PHASE \d+ START|VALIDATION REQUEST|HANDOFF CONFIRMATION)\]/.test(text)
        ? s.bold(text)
        : /COMPLETE\]/.test(text)
          ? s.green(text)
          : /: FAIL$/.test(text)
            ? s.red(text)
            : text
    )
  }
  debug(message: string): void {
    if (this.verbose) this.line(this.style.dim(`debug: ${safeLine(message)}`))
  }
  warning(message: string): void {
    this.report('warning', message)
  }
  error(message: string): void {
    this.report('error', message)
  }
  setSecret(secret: string): void {
    if (secret) secrets.add(secret)
  }

  /** What the run is waiting for, until when; undefined ends the wait. */
  progress(label: string | undefined, untilMs?: number): void {
    this.progressLabel = label
    this.progressUntil = untilMs
    if (label && !this.out.isTTY)
      this.line(this.style.dim(`${label}${untilMs ? ` (at most ${fmtDuration(untilMs - this.clock())})` : ''}...`))
  }

  /** The end of the run: stop ticking; say how many repeated lines were left out. */
  close(): void {
    if (this.timer) clearInterval(this.timer)
    this.clearStatus()
    for (const [cause, n] of this.repeated) {
      if (n > 0)
        this.out.write(this.style.dim(`(${n} more line(s) with the same cause, ${cause}, left out; the summary below says it once)`) + '\n')
    }
  }

  private report(level: 'warning' | 'error', message: string): void {
    const text = safeLine(message)
    if (this.printed.has(text)) return
    this.printed.add(text)
    const cause = backendCause(text)
    if (cause) {
      const seen = this.repeated.get(cause)
      if (seen !== undefined) {
        this.repeated.set(cause, seen + 1)
        return
      }
      this.repeated.set(cause, 0)
    }
    this.line(level === 'error' ? this.style.red(`error: ${text}`) : this.style.yellow(`warning: ${text}`))
  }

  private line(text: string): void {
    this.clearStatus()
    this.out.write(text + '\n')
    this.lastLineAt = this.clock()
  }

  private clearStatus(): void {
    if (this.statusShown) {
      this.out.write('\r\u001b[2K')
      this.statusShown = false
    }
  }

  /** On a terminal, after a second of silence: what is awaited, for how long, how long at most. */
  tick(): void {
    const now = this.clock()
    if (this.progressUntil !== undefined && now > this.progressUntil) this.progress(undefined)
    const silent = now - this.lastLineAt
    if (silent < 1000) return
    const text = this.progressLabel
      ? `… ${this.progressLabel}: ${fmtDuration(silent)}${this.progressUntil ? `, at most ${fmtDuration(this.progressUntil - now)} left` : ''}`
      : `… working: ${fmtDuration(silent)} since the last line`
    this.out.write(`\r\u001b[2K${this.style.dim(text)}`)
    this.statusShown = true
  }
}
