import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

// ajv-formats is CommonJS; under ESM its plugin function may sit one level down.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void

export const AUDIT_SCHEMA = 'instrumentation-audit.schema.json'
export const BASELINE_SCHEMA = 'baseline-metrics.schema.json'

/** The schemas/ folder ships beside the code (src/, dist/ or deeper): walk up to find it. */
function schemasDir(schemaFile: string): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'schemas', schemaFile))) return join(dir, 'schemas')
    dir = dirname(dir)
  }
  throw new Error('schemas/ folder not found next to the action code')
}

let ajv: Ajv2020 | undefined
const compiled = new Map<string, ValidateFunction>()

/** Validate data against one of the telemetry schemas; the errors as `pointer message` lines. */
export function checkSchema(schemaFile: string, data: unknown): string[] {
  let validate = compiled.get(schemaFile)
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
      addFormats(ajv)
    }
    validate = ajv.compile(JSON.parse(readFileSync(join(schemasDir(schemaFile), schemaFile), 'utf8')) as object)
    compiled.set(schemaFile, validate)
  }
  if (validate(data)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`)
}
