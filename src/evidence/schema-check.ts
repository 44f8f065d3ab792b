import type { ErrorObject } from 'ajv/dist/2020.js'
import { InputError, describeValue } from '../util/errors.js'
import { valueAt } from '../util/json.js'

// Evidence schemas are validated by the action's one validator (package/schemas.ts, schemaValidator);
// this module turns its errors into input errors that name the place, the expected and the found.

/** Read the value a JSON pointer names; undefined when it does not exist. */
export function valueAtPointer(data: unknown, pointer: string): unknown {
  if (pointer === '') return data
  return valueAt(
    data,
    pointer
      .split('/')
      .slice(1)
      .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
  )
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

function expectedFor(e: ErrorObject): string {
  const custom = (e.parentSchema as Record<string, unknown> | undefined)?.['x-expected']
  if (typeof custom === 'string' && e.keyword !== 'required') return custom
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'required':
      return `the property ${JSON.stringify(p.missingProperty)} (required)`
    case 'type':
      return `a value of type ${String(p.type).replace(/,/g, ' or ')}`
    case 'enum':
      return `one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    case 'const':
      return `the value ${JSON.stringify(p.allowedValue)}`
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `a number ${String(p.comparison)} ${String(p.limit)}`
    case 'format':
      return `a string in ${String(p.format)} format`
    case 'minItems':
      return `at least ${String(p.limit)} item(s)`
    case 'maxItems':
      return `at most ${String(p.limit)} item(s)`
    case 'minLength':
      return p.limit === 1 ? 'a non-empty string' : `a string of at least ${String(p.limit)} characters`
    case 'pattern':
      return `a string matching ${String(p.pattern)}`
    case 'additionalProperties':
      return `no property ${JSON.stringify(p.additionalProperty)}`
    case 'anyOf':
    case 'oneOf':
      return 'a value in one of the allowed forms'
    default:
      return e.message ?? `a value satisfying ${e.keyword}`
  }
}

export interface SchemaIssue {
  /** JSON pointer of the offending value (for `required`, of the missing property). */
  pointer: string
  expected: string
  found: string
  keyword: string
}

/**
 * Turn ajv errors into one issue per location. For anyOf/oneOf, the branch errors at the same
 * place are noise: the combined error (with its `x-expected`) says it better.
 */
export function schemaIssues(errors: ErrorObject[], original: unknown): SchemaIssue[] {
  const combined = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath))
  const out: SchemaIssue[] = []
  const seen = new Set<string>()
  for (const e of errors) {
    const inCombinator = e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && /\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath)
    if (inCombinator && combined.has(e.instancePath)) continue
    let pointer = e.instancePath
    let found: string
    if (e.keyword === 'required') {
      const missing = String((e.params as { missingProperty: string }).missingProperty)
      pointer = `${e.instancePath}/${escapePointerToken(missing)}`
      found = 'nothing (missing)'
    } else if (e.keyword === 'additionalProperties') {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty)
      pointer = `${e.instancePath}/${escapePointerToken(extra)}`
      found = `an unknown property ${JSON.stringify(extra)}`
    } else {
      found = describeValue(valueAtPointer(original, e.instancePath))
    }
    const key = `${pointer}\u0000${e.keyword}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ pointer, expected: expectedFor(e), found, keyword: e.keyword })
  }
  return out
}

/** Display form of a JSON pointer: the root is "/" rather than the empty string. */
export function displayPointer(pointer: string): string {
  return pointer === '' ? '/' : pointer
}

export function issuesToErrors(file: string, issues: SchemaIssue[]): InputError[] {
  return issues.map((i) => new InputError({ file, field: displayPointer(i.pointer), expected: i.expected, found: i.found }))
}
