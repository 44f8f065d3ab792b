import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
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
    if (existsSync(join(candidate, 'monitoring-package-manifest.schema.json'))) return candidate
    dir = dirname(dir)
  }
  throw new Error('schemas/ folder not found next to the action code')
}

let ajv: Ajv2020 | undefined
const compiled = new Map<string, ValidateFunction>()

/**
 * The bundle's validator compiled at build time, else compile the schema on first use: a run only
 * pays for the schemas it needs. scripts/bundle.mjs compiles with these same ajv options.
 */
export function schemaValidator(schemaFile: string): ValidateFunction {
  let v = compiled.get(schemaFile) ?? PRECOMPILED[schemaFile]
  if (!v) {
    if (!ajv) {
      ajv = new Ajv2020({ allErrors: true, strict: false })
      addFormats(ajv)
    }
    const schema = JSON.parse(readFileSync(join(findSchemasDir(), schemaFile), 'utf8')) as object
    v = ajv.compile(schema)
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

/** The schema each JSON artifact of the package must satisfy. */
export const ARTIFACT_SCHEMAS: Record<string, string> = {
  'instrumentation-audit.json': 'instrumentation-audit.schema.json',
  'baseline-metrics.json': 'baseline-metrics.schema.json',
  'alert-test-results.json': 'alert-test-results.schema.json',
  'observability-schedule.json': 'observability-schedule.schema.json',
  'monitoring-approval-record.json': 'monitoring-approval-record.schema.json',
  'monitoring-package-manifest.json': 'monitoring-package-manifest.schema.json',
  'gate-results.json': 'gate-results.schema.json',
  'alert-backtest.json': 'alert-backtest.schema.json',
  'detection-drill.json': 'detection-drill.schema.json',
  'instrumentation-gaps.json': 'instrumentation-gaps.schema.json'
}
