import { InputError } from '../util/errors.js'
import { closesFence, DELIMITER_ROW_LINE, fenceOpened, PIPE_LINE } from './markdown-lines.js'

/**
 * Bounds on the Markdown constructs that GFM's parser (micromark) reads in quadratic time, checked
 * in one pass before it sees the text, so a hostile evidence file is refused at its line instead of
 * holding the runner for minutes. Measured on micromark 4 (2 cores): a row of 100,000 cells 40 s;
 * 100,000 emphasis marks in one paragraph over 4 minutes; block quotes nested 50,000 deep 89 s.
 * The bounds sit far above any real report.
 */

/** Pipes on one line at most (a table row's cells). */
export const MAX_ROW_CELLS = 1000
/** Block quotes nested at most this deep (`> > > …`). */
export const MAX_QUOTE_DEPTH = 100
/**
 * Emphasis and strikethrough marks (`*`, `_`, `~`) cost the square of their number in one inline
 * run (a paragraph, a table cell): the sum of those squares over the document is bounded, which
 * allows a 5,000-row table with bold in every row, and one paragraph of about 14,000 marks.
 */
export const MAX_EMPHASIS_WORK = 2e8

/** Cells of a table row as GFM counts them: unescaped pipes split, a leading and a closing pipe are edges. */
function cellCount(line: string): number {
  const text = line.trim()
  let pipes = 0
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 92) i++
    else if (text.charCodeAt(i) === 124) pipes++
  }
  const lead = text.startsWith('|') ? 1 : 0
  const close = text.length > 1 && text.endsWith('|') && !text.endsWith('\\|') ? 1 : 0
  return pipes + 1 - lead - close
}

/** Emphasis marks that can open or close: every `*` and `~`, and `_` not inside a word (`http_requests_total` is text). */
function marksIn(line: string): number {
  let n = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === 42 || c === 126) n++
    else if (c === 95 && !(isWordChar(line.charCodeAt(i - 1)) && isWordChar(line.charCodeAt(i + 1)))) n++
  }
  return n
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127
}

/** A line that opens a container (a list item or a block quote): its text is an inline run of its own. */
const CONTAINER_START = /^[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]|[-+*]$|\d{1,9}[.)]$)/

/** Block quote markers at the start of a line (`> > x` is 2). */
function quoteDepth(line: string): number {
  let depth = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === 62) depth++
    else if (c !== 32 && c !== 9) break
  }
  return depth
}

/** Throws an InputError at the first line past a bound. */
export function refuseCostlyMarkdown(source: string, file: string): void {
  const lines = source.split('\n')
  const refuse = (i: number, expected: string, found: string): never => {
    throw new InputError({ file, line: i + 1, expected, found })
  }
  let work = 0
  // The marks of the inline run being read (a paragraph, a list item's text), and whether its block
  // began in a container, where a table-like line is a lazy continuation of the paragraph instead.
  let run = 0
  let inTable = false
  let containerBlock = false
  let fence: string | undefined
  const endRun = (i: number): void => {
    work += run * run
    run = 0
    if (work > MAX_EMPHASIS_WORK)
      refuse(
        i,
        'Markdown with emphasis marks (*, _, ~) in reasonable numbers',
        'so many emphasis marks in one paragraph or cell that parsing them would take minutes'
      )
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    let pipes = 0
    for (let j = 0; j < line.length; j++) if (line.charCodeAt(j) === 124) pipes++
    if (pipes > MAX_ROW_CELLS)
      refuse(i, `Markdown whose lines hold at most ${MAX_ROW_CELLS} pipes (table cells)`, `a line with more than ${MAX_ROW_CELLS} pipes`)
    if (quoteDepth(line) > MAX_QUOTE_DEPTH)
      refuse(i, `block quotes nested at most ${MAX_QUOTE_DEPTH} deep`, `block quotes nested more than ${MAX_QUOTE_DEPTH} deep`)
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined
      continue
    }
    // What lies between two fences is not inline text.
    const fenced = fenceOpened(line)
    if (fenced) {
      endRun(i)
      fence = fenced
      continue
    }
    if (line.trim() === '') {
      endRun(i)
      inTable = false
      containerBlock = false
      continue
    }
    if (CONTAINER_START.test(line)) {
      endRun(i)
      inTable = false
      containerBlock = true
    }
    // A table starts where a row is followed by a delimiter row of as many cells (GFM's rule); its
    // rows are inline runs of their own. Anything else counts with its paragraph.
    const next = lines[i + 1]
    if (
      !inTable &&
      !containerBlock &&
      PIPE_LINE.test(line) &&
      next !== undefined &&
      DELIMITER_ROW_LINE.test(next) &&
      cellCount(line) === cellCount(next)
    ) {
      endRun(i)
      inTable = true
    }
    run += marksIn(line)
    if (inTable) endRun(i)
  }
  endRun(lines.length - 1)
}
