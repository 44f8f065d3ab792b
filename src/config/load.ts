import { readFile } from 'node:fs/promises'
import { LineCounter, parseDocument, isNode } from 'yaml'
import type { z } from 'zod'
import { InputError, InputErrors, describeValue } from '../util/errors.js'
import { configSchema, type Config } from './schema.js'

/** Path from a zod issue to a JSON pointer. */
function pointer(path: ReadonlyArray<PropertyKey>): string {
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = data
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<PropertyKey, unknown>)[key]
  }
  return cur
}

/** Parse and validate config text. Errors name the line and the field. */
export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    throw new InputErrors(
      doc.errors.map(
        (e) =>
          new InputError({
            file,
            // linePos is only filled in with prettyErrors; the offset always is.
            line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
            expected: 'valid YAML',
            found: e.message.split('\n')[0] ?? e.code
          })
      )
    )
  }
  const data: unknown = doc.toJS() ?? {}
  const result = configSchema.safeParse(data)
  if (result.success) return result.data
  throw new InputErrors(
    result.error.issues.map((issue: z.core.$ZodIssue) => {
      // Point at the deepest node that exists in the YAML for the line number.
      let line: number | undefined
      for (let n = issue.path.length; n >= 0 && line === undefined; n--) {
        const node = doc.getIn(issue.path.slice(0, n) as unknown[], true)
        if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line
      }
      const key = String(issue.path.at(-1) ?? '')
      const value = valueAt(data, issue.path)
      // A bad value where a variable name belongs may be the credential itself: never echo it.
      const found =
        issue.code === 'unrecognized_keys'
          ? `unknown key(s) ${issue.keys.join(', ')}`
          : key.endsWith('-env') && typeof value === 'string'
            ? `a ${value.length}-character value that is not shown, as it may be a credential`
            : describeValue(value)
      return new InputError({ file, line, field: pointer(issue.path), expected: issue.message, found })
    })
  )
}

/** Read the config file. A missing file is an error: defaults alone cannot describe the release. */
export async function loadConfig(file: string): Promise<Config> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new InputError({
      file,
      expected: 'a config file (set the `config` input to its path)',
      found: code === 'ENOENT' ? 'no such file' : `an unreadable file (${code ?? String(err)})`
    })
  }
  return parseConfig(text.replace(/^\uFEFF/, ''), file)
}
