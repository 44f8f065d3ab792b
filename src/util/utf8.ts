import { InputError } from './errors.js'

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (the
 * rules of the Unicode standard, table 3-7: no overlongs, no surrogates, nothing above U+10FFFF),
 * or -1 when the bytes are valid UTF-8.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let lo = 0x80
    let hi = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) lo = 0xa0
      if (b === 0xed) hi = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) lo = 0x90
      if (b === 0xf4) hi = 0x8f
    } else return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined) return i
      const min = k === 1 ? lo : 0x80
      const max = k === 1 ? hi : 0xbf
      if (c < min || c > max) return i
    }
    i += need + 1
  }
  return -1
}

/** Line (1-based) of a byte offset. */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}

/**
 * Bytes as UTF-8 text, or an InputError naming the byte offset of the first bad byte. Never
 * decodes with replacement characters: a value read wrongly is worse than a refusal. A leading
 * byte order mark is dropped.
 */
export function decodeUtf8(bytes: Uint8Array, file: string, what = 'UTF-8 text'): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new InputError({
      file,
      line: 1,
      expected: what,
      found: 'UTF-16 text (a UTF-16 byte order mark at byte 0): save the file as UTF-8'
    })
  }
  const offset = invalidUtf8Offset(bytes)
  if (offset >= 0) {
    const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')
    throw new InputError({
      file,
      line: lineOfOffset(bytes, offset),
      expected: what,
      found: `bytes that are not valid UTF-8 (byte 0x${byte} at byte offset ${offset}; a binary file or another encoding such as Latin-1)`
    })
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  return text.startsWith('\uFEFF') ? text.slice(1) : text
}
