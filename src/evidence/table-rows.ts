import type { Root, Table, TableCell, TableRow } from 'mdast'
import { DELIMITER_ROW_LINE, documentPosition, eachPoint, PIPE_LINE } from './markdown-lines.js'

/**
 * Long tables of plain cells, read without micromark's table construct.
 *
 * micromark spends about 0.2 ms on each table row (a tokenizer per cell), eight times what the same
 * text costs as a paragraph: a 5,000-row service table takes over a second. Rows whose cells hold
 * plain text only (nothing inline markup could start) are cut from the text before it is parsed,
 * each line emptied so that every other line and column stays where it was (offsets after a cut
 * are moved back by what it took out), and put back afterwards as the nodes micromark builds for
 * them. micromark
 * still parses the header, the delimiter row and the first body row, so the table, its alignment
 * and its place in the document are its own; if the parse does not show that table where it was
 * expected, the caller parses the text whole instead.
 */

/** Fewer rows than this are left to micromark: cutting them saves nothing worth the check. */
const MIN_CUT_ROWS = 16

/** A body row of plain cells: leading and closing pipe, no character that inline markup or an escape could start. */
const PLAIN_ROW = /^ {0,3}\|(?:[^|\\`*_[\]<>&!~\t\u0000]*\|)+ *$/
const BLANK = /^[ \t]*$/

/** A table whose body rows from `cutFrom` to `cutTo` (0-based lines, inclusive) are cut. */
interface CutTable {
  header: number
  firstBody: number
  cutFrom: number
  cutTo: number
}

export interface CutText {
  /** The text with the cut rows emptied. */
  text: string
  tables: CutTable[]
  /** Each line's text and offset, for rebuilding the rows. */
  lines: string[]
  offsets: number[]
  /** Where each cut begins in the cut text, and the characters taken out up to its end, in order. */
  shifts: Array<{ from: number; removed: number }>
  source: string
}

/** A cheap test first: most documents have no long table. */
function hasPipeLines(source: string, atLeast: number): boolean {
  const lineStart = /\n {0,3}\|/g
  let n = 0
  while (lineStart.test(source)) if (++n >= atLeast) return true
  return false
}

/** The text with the rows of its long plain tables blanked, or undefined when there is nothing to cut. */
export function cutPlainRows(source: string): CutText | undefined {
  if (!hasPipeLines(source, MIN_CUT_ROWS + 2)) return undefined
  const lines = source.split('\n')
  const offsets = new Array<number>(lines.length)
  for (let i = 0, at = 0; i < lines.length; i++) {
    offsets[i] = at
    at += lines[i]!.length + 1
  }
  const tables: CutTable[] = []
  for (let i = 0; i + 3 < lines.length; i++) {
    if (!PIPE_LINE.test(lines[i]!) || !DELIMITER_ROW_LINE.test(lines[i + 1]!) || !PIPE_LINE.test(lines[i + 2]!)) continue
    let end = i + 3
    while (end < lines.length && PLAIN_ROW.test(lines[end]!)) end++
    const next = lines[end]
    // The table must end where the cut ends: a following non-blank line would be one more row.
    if (end - (i + 3) >= MIN_CUT_ROWS && (next === undefined || BLANK.test(next))) {
      tables.push({ header: i, firstBody: i + 2, cutFrom: i + 3, cutTo: end - 1 })
    }
    i = end - 1
  }
  if (tables.length === 0) return undefined
  const out = lines.slice()
  const shifts: CutText['shifts'] = []
  let removed = 0
  for (const t of tables) {
    const from = offsets[t.cutFrom]! - removed
    for (let l = t.cutFrom; l <= t.cutTo; l++) {
      removed += lines[l]!.length
      out[l] = ''
    }
    shifts.push({ from, removed })
  }
  return { text: out.join('\n'), tables, lines, offsets, shifts, source }
}

/** Every offset in the tree parsed from the cut text moved to where it is in the source. */
function moveOffsets(root: Root, cut: CutText): void {
  eachPoint(root, (p) => {
    if (p.offset === undefined) return
    let by = 0
    for (const s of cut.shifts) if (p.offset >= s.from) by = s.removed
    p.offset += by
  })
  // The document ends where the source ends, also when its last line was a cut row.
  root.position = documentPosition(cut.lines, cut.source)
}

/**
 * Put the cut rows back into the tree parsed from the cut text. False when a table is not where
 * the cut expected it (inside a list, a quote or a code block, or not a table at all): the tree
 * then does not describe the document, and the caller must parse the original text.
 */
export function restorePlainRows(root: Root, cut: CutText): boolean {
  const byHeader = new Map<number, Table>()
  for (const node of root.children) {
    if (node.type === 'table' && node.position) byHeader.set(node.position.start.line - 1, node)
  }
  for (const t of cut.tables) {
    const table = byHeader.get(t.header)
    if (!table?.position || table.position.end.line - 1 !== t.firstBody) return false
  }
  moveOffsets(root, cut)
  for (const t of cut.tables) {
    const table = byHeader.get(t.header)!
    for (let l = t.cutFrom; l <= t.cutTo; l++) table.children.push(plainRow(cut.lines[l]!, l + 1, cut.offsets[l]!))
    table.position!.end = table.children[table.children.length - 1]!.position!.end
  }
  return true
}

/** The row node micromark builds for a plain row: a cell from each pipe to the next (the last to the line's end), its text trimmed of spaces. */
function plainRow(line: string, lineNo: number, offset: number): TableRow {
  const at = (column0: number) => ({ line: lineNo, column: column0 + 1, offset: offset + column0 })
  const span = (from: number, to: number) => ({ start: at(from), end: at(to) })
  const pipes: number[] = []
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 124) pipes.push(i)
  const cells: TableCell[] = []
  for (let k = 0; k + 1 < pipes.length; k++) {
    let s = pipes[k]! + 1
    let e = pipes[k + 1]!
    while (s < e && line.charCodeAt(s) === 32) s++
    while (e > s && line.charCodeAt(e - 1) === 32) e--
    const last = k + 2 === pipes.length
    cells.push({
      type: 'tableCell',
      children: s < e ? [{ type: 'text', value: line.slice(s, e), position: span(s, e) }] : [],
      position: span(pipes[k]!, last ? line.length : pipes[k + 1]!)
    })
  }
  return { type: 'tableRow', children: cells, position: span(pipes[0]!, line.length) }
}
