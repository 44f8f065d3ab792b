import type { ErrorObject, ValidateFunction } from 'ajv'
import { compileSchema } from './compile.js'
import { PRECOMPILED, PRECOMPILED_OWN } from './precompiled.js'
import type { SchemaUse } from './schema-use.js'

const compiled = new Map<string, ValidateFunction>()

/**
 * The bundle's validator compiled at build time, else compile the schema on first use: a run only
 * pays for the schemas it needs.
 */
export function schemaValidator(schemaFile: string, use: SchemaUse = 'input'): ValidateFunction {
  const key = `${use}:${schemaFile}`
  let v = compiled.get(key) ?? (use === 'own' ? PRECOMPILED_OWN : PRECOMPILED)[schemaFile]
  if (!v) {
    v = compileSchema(schemaFile, use)
    compiled.set(key, v)
  }
  return v
}
export interface SchemaResult {
  schema: string
  valid: boolean
  errors: string[]
}

export function formatAjvErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`
  )
}

export function validateAgainst(schemaFile: string, data: unknown, use: SchemaUse = 'input'): SchemaResult {
  const v = schemaValidator(schemaFile, use)
  const valid = v(data) as boolean
  return { schema: schemaFile, valid, errors: valid ? [] : formatAjvErrors(v.errors) }
}
