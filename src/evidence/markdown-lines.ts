import type { Point } from 'unist'

/**
 * What the line-level readers of Markdown (the bounds, the table cut, the document parts) share:
 * how a line opens or closes a code fence or a table, and how positions of a tree parsed from part
 * of a text are moved to where they are in the whole.
 */

/** A line that may be a table row (a leading pipe after at most three spaces). */
export const PIPE_LINE = /^ {0,3}\|/
/** A GFM delimiter row. No two runs of spaces meet without a pipe between them, so a long line that fails costs linear time. */
export const DELIMITER_ROW_LINE = /^ {0,3}\|? *:?-+:?(?: *\| *:?-+:?)* *(?:\| *)?$/

const FENCE = /^ {0,3}(`{3,}|~{3,})/

/** The fence a line opens, or undefined. A backtick fence's info string holds no backtick (else the line is text with a code span). */
export function fenceOpened(line: string): string | undefined {
  const f = FENCE.exec(line)?.[1]
  if (!f || (f[0] === '`' && line.slice(line.indexOf(f) + f.length).includes('`'))) return undefined
  return f
}

/** Whether a line closes the fence opened by `fence`: the same character, at least as many, nothing else on the line. */
export function closesFence(line: string, fence: string): boolean {
  const f = FENCE.exec(line)?.[1]
  return f !== undefined && f[0] === fence[0] && f.length >= fence.length && line.trim() === f
}

/** Every start and end point in a tree, the node itself included. */
export function eachPoint(node: unknown, f: (p: Point) => void): void {
  const n = node as { position?: { start: Point; end: Point }; children?: unknown[] }
  if (n.position) {
    f(n.position.start)
    f(n.position.end)
  }
  for (const c of n.children ?? []) eachPoint(c, f)
}

/** Where a document's root ends: after the last character of its last line. */
export function documentPosition(lines: string[], source: string): { start: Point; end: Point } {
  const last = lines.length - 1
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: last + 1, column: lines[last]!.length + 1, offset: source.length } }
}
