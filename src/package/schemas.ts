import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { SCHEMA_FILES } from '../artifacts/files.js'
import AJV_SETUP from './ajv-options.json' with { type: 'json' }
import { PRECOMPILED } from './precompiled.js'

// ajv-formats is CommonJS; under ESM its default export sits one level down.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void

/**
 * The JSON Schemas in `schemas/` ship beside the code (src/, dist/ or dist/cli/): find the folder
 * by walking up from this module.
 */
function findSchemasDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'schemas')
    if (existsSync(join(candidate, SCHEMA_FILES.manifest))) return candidate
    dir = dirname(dir)
  }
  throw new Error('schemas/ folder not found next to the action code')
}

let ajv: Ajv2020 | undefined
const compiled = new Map<string, ValidateFunction>()

/**
 * The one ajv setup of the action, for every schema in schemas/ (ajv-options.json, which
 * scripts/bundle.mjs compiles the bundle's validators with). Strict, so a schema keyword ajv does
 * not know is an error rather than silently ignored; `strictRequired` off because the evidence
 * schemas' known checks add required counts to a shared `$ref` definition; `verbose` keeps the
 * failing sub-schema on each error, so that `x-expected` (a human description of what is allowed)
 * can be shown.
 */
function sharedAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020(AJV_SETUP.options)
    addFormats(ajv)
    ajv.addVocabulary(AJV_SETUP.vocabulary)
  }
  return ajv
}

/**
 * The bundle's validator compiled at build time, else compile the schema on first use: a run only
 * pays for the schemas it needs.
 */
export function schemaValidator(schemaFile: string): ValidateFunction {
  let v = compiled.get(schemaFile) ?? PRECOMPILED[schemaFile]
  if (!v) {
    const schema = JSON.parse(readFileSync(join(findSchemasDir(), schemaFile), 'utf8')) as object
    v = sharedAjv().compile(schema)
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
