/**
 * Checks on the evidence package as Protocol 13 would receive it: each JSON file against its
 * schema in schemas/ (JSON Schema 2020-12, formats checked), and the uploaded artifact fetched
 * back from the blob store.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { extractZipSafely } from '../../src/github/zip.js'
import type { ArtifactServiceStandIn } from '../standins/artifact-service.js'
import { listFiles } from './runner.js'
import { ROOT } from './stack.js'

// ajv-formats is CommonJS; under ESM its default export sits one level down.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void

let ajv: Ajv2020 | undefined

/** For each JSON file of the package: its schema (`<name>.schema.json`) and the validation errors. */
export function validatePackageJson(packageDir: string): Array<{ file: string; schema: string | undefined; errors: string[] }> {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: false })
    addFormats(ajv)
  }
  return listFiles(packageDir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => {
      const schemaFile = file.replace(/^.*\//, '').replace(/\.json$/, '.schema.json')
      let schema: object
      try {
        schema = JSON.parse(readFileSync(join(ROOT, 'schemas', schemaFile), 'utf8')) as object
      } catch {
        return { file, schema: undefined, errors: [`no schema ${schemaFile} in schemas/`] }
      }
      const validate = ajv!.getSchema(schemaFile) ?? (ajv!.addSchema(schema, schemaFile), ajv!.getSchema(schemaFile)!)
      const ok = validate(JSON.parse(readFileSync(join(packageDir, file), 'utf8')))
      return {
        file,
        schema: schemaFile,
        errors: ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`)
      }
    })
}

/** Fetch an artifact's blob through a signed URL, as a download would, and extract it. */
export async function downloadArtifact(
  service: ArtifactServiceStandIn,
  artifactId: number,
  dest: string
): Promise<{ files: string[]; sha256: string }> {
  const res = await fetch(await service.signedDownloadUrl(artifactId))
  if (!res.ok) throw new Error(`artifact ${artifactId}: blob GET answered ${res.status}`)
  const zip = Buffer.from(await res.arrayBuffer())
  const files = await extractZipSafely(zip, dest)
  return { files: files.sort(), sha256: createHash('sha256').update(zip).digest('hex') }
}
