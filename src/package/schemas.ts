import type { ErrorObject, ValidateFunction } from 'ajv'
import { compileSchema } from './compile.js'
import { PRECOMPILED } from './precompiled.js'

const compiled = new Map<string, ValidateFunction>()

/**
 * The bundle's validator compiled at build time, else compile the schema on first use: a run only
 * pays for the schemas it needs.
 */
export function schemaValidator(schemaFile: string): ValidateFunction {
  let v = compiled.get(schemaFile) ?? PRECOMPILED[schemaFile]
  if (!v) {
    v = compileSchema(schemaFile)
    compiled.set(schemaFile, v)
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

export function validateAgainst(schemaFile: string, data: unknown): SchemaResult {
  const v = schemaValidator(schemaFile)
  const valid = v(data) as boolean
  return { schema: schemaFile, valid, errors: valid ? [] : formatAjvErrors(v.errors) }
}
