import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

const addFormats = addFormatsModule.default

/** Validate against schemas/alert-test-results.schema.json; returns the errors as text, or ''. */
export function alertTestResultsErrors(data: unknown): string {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/alert-test-results.schema.json', import.meta.url), 'utf8')) as object
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  addFormats(ajv)
  const validate = ajv.compile(schema)
  return validate(data) ? '' : ajv.errorsText(validate.errors)
}

/** Validate against schemas/detection-drill.schema.json; returns the errors as text, or ''. */
export function detectionDrillErrors(data: unknown): string {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/detection-drill.schema.json', import.meta.url), 'utf8')) as object
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  addFormats(ajv)
  const validate = ajv.compile(schema)
  return validate(data) ? '' : ajv.errorsText(validate.errors)
}
