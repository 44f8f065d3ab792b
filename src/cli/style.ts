import type { TerminalStyle } from '../report/summary.js'

/**
 * Colour on a terminal, following the conventions: NO_COLOR (any value) turns it off,
 * FORCE_COLOR turns it on (FORCE_COLOR=0 or false off), otherwise only a TTY that is not dumb.
 */
export function colourWanted(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  const force = env.FORCE_COLOR
  if (force !== undefined) return !/^(0|false)$/i.test(force)
  return isTTY && env.TERM !== 'dumb'
}

const sgr =
  (open: number, close: number) =>
  (s: string): string =>
    `\u001b[${open}m${s}\u001b[${close}m`

export const COLOURS: TerminalStyle = { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), bold: sgr(1, 22), dim: sgr(2, 22) }
export const PLAIN: TerminalStyle = { red: (s) => s, green: (s) => s, yellow: (s) => s, bold: (s) => s, dim: (s) => s }

export const styleFor = (env: NodeJS.ProcessEnv, isTTY: boolean): TerminalStyle => (colourWanted(env, isTTY) ? COLOURS : PLAIN)
