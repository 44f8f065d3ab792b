import { InputError } from '../util/errors.js'

/** Drop a UTF-8 byte-order mark; editors on Windows add one. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(offset, text.length)
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}

/**
 * JSON.parse with the position of a syntax error as line and column. V8's message carries either
 * "position N" (Node 20) or "(line L column C)" (Node 22+); both are read.
 */
export function parseJsonText(text: string, file: string, expected: string): unknown {
  if (text.trim() === '') {
    throw new InputError({ file, field: '/', expected, found: 'an empty file' })
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    let line: number | undefined
    let column: number | undefined
    const lc = /line (\d+) column (\d+)/.exec(message)
    const pos = /position (\d+)/.exec(message)
    if (lc) {
      line = Number(lc[1])
      column = Number(lc[2])
    } else if (pos) {
      ;({ line, column } = lineColumn(text, Number(pos[1])))
    } else if (/end of (JSON|data)/i.test(message)) {
      ;({ line, column } = lineColumn(text, text.length))
    }
    const offset = pos ? Number(pos[1]) : undefined
    const at =
      offset !== undefined && offset < text.length
        ? `the character ${JSON.stringify(text[offset])}`
        : /end of (JSON|data)/i.test(message)
          ? 'the end of the file (the document is cut short)'
          : 'invalid JSON'
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '')
    throw new InputError({
      file,
      field: line !== undefined ? `line ${line}, column ${column}` : undefined,
      expected: 'valid JSON',
      found: `${at} (${reason})`
    })
  }
}
