import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { SCHEMA_FILES } from '../artifacts/files.js'
import AJV_SETUP from './ajv-options.json' with { type: 'json' }
import type { SchemaUse } from './schema-use.js'

/**
 * Schemas compiled at run time, when run from source. The bundle compiles every schema at build
 * time (scripts/bundle.mjs) and bundles a stub in place of this module, so ajv's compiler never
 * loads there.
 */

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

const ajvs = new Map<SchemaUse, Ajv2020>()

/**
 * The one ajv setup of the action, for every schema in schemas/ (ajv-options.json, which
 * scripts/bundle.mjs compiles the bundle's validators with). Strict, so a schema keyword ajv does
 * not know is an error rather than silently ignored; `strictRequired` off because the evidence
 * schemas' known checks add required counts to a shared `$ref` definition; `verbose` keeps the
 * failing sub-schema on each error, so that `x-expected` (a human description of what is allowed)
 * can be shown. What the run writes itself is checked with the `own` overrides (first error only).
 */
function sharedAjv(use: SchemaUse): Ajv2020 {
  let ajv = ajvs.get(use)
  if (!ajv) {
    ajv = new Ajv2020({ ...AJV_SETUP.options, ...(use === 'own' ? AJV_SETUP.own : {}) })
    addFormats(ajv)
    ajv.addVocabulary(AJV_SETUP.vocabulary)
    ajvs.set(use, ajv)
  }
  return ajv
}

/** Compile one schema of schemas/ with the one ajv setup. */
export function compileSchema(schemaFile: string, use: SchemaUse = 'input'): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(findSchemasDir(), schemaFile), 'utf8')) as object
  return sharedAjv(use).compile(schema)
}
