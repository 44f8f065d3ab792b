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
