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

function parseError(text: string): string | undefined {
  try {
    JSON.parse(text)
    return undefined
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

/** True when a prefix of a document fails only because it stops early. */
function failsOnlyAtEnd(prefix: string): boolean {
  const message = parseError(prefix)
  if (message === undefined) return true
  if (/end of (JSON|data)|Unterminated/i.test(message)) return true
  const pos = /position (\d+)/.exec(message)
  return pos !== null && Number(pos[1]) >= prefix.length
}

/**
 * Offset of the first syntax error. Some V8 messages ("Unexpected token 'N', ... is not valid
 * JSON") carry no position; then the shortest prefix that fails for another reason than its end
 * is searched for (error path only).
 */
function errorOffset(text: string, message: string): number {
  const pos = /position (\d+)/.exec(message)
  if (pos) return Number(pos[1])
  // Point at the last character written, not past a trailing newline.
  if (/end of (JSON|data)/i.test(message) || failsOnlyAtEnd(text)) return text.trimEnd().length
  let lo = 0
  let hi = text.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (failsOnlyAtEnd(text.slice(0, mid + 1))) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** JSON.parse with the position of a syntax error as line and column. */
export function parseJsonText(text: string, file: string, expected: string): unknown {
  if (text.trim() === '') {
    throw new InputError({ file, field: '/', expected, found: 'an empty file' })
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const offset = errorOffset(text, message)
    const { line, column } = lineColumn(text, offset)
    const at =
      offset < text.trimEnd().length ? `the character ${JSON.stringify(text[offset])}` : 'the end of the file (the document is cut short)'
    const reason = message
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ (in JSON )?at position \d+/, '')
      .replace(/,\s*(\.\.\.)?".*$/s, '')
      // The text of the file is never quoted, whatever V8 puts in its message.
      .replace(/".*"/s, '')
    throw new InputError({
      file,
      field: `line ${line}, column ${column}`,
      expected: 'valid JSON',
      found: `${at} (${reason})`
    })
  }
}
