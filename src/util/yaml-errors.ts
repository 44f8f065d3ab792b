import type { LineCounter, YAMLError } from 'yaml'

/**
 * A YAML parser error in plain words, without the text of the file: some of the parser's
 * messages quote the offending source (`Unexpected scalar token in YAML stream: "root:x:0:0"`),
 * and a file that was refused must not be shown in a summary or an issue.
 */
const PLAIN: Record<string, string> = {
  MULTIPLE_DOCS: 'more than one YAML document (a second `---` line); this file holds one',
  TAB_AS_INDENT: 'a tab used for indentation (YAML indents with spaces)',
  DUPLICATE_KEY: 'Map keys must be unique: a key appears twice in the same mapping',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters'
}

export function yamlErrorText(e: YAMLError): string {
  const plainText = PLAIN[e.code]
  if (plainText) return plainText
  const first = (e.message.split('\n')[0] ?? '').replace(/\s+at line \d+, column \d+:?.*$/, '')
  const plain = first
    .replace(/:\s*"[^"]*"?\s*$/, '')
    .replace(/\s*"[^"]*"/g, '')
    .replace(/\s*'[^']*'/g, '')
    .trim()
  return plain || e.code
}

/** Line (1-based) of a YAML error. */
export function yamlErrorLine(e: YAMLError, lineCounter: LineCounter): number {
  return e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line
}
