import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { parse } from 'yaml'
import { GENERATED_SCHEMAS } from '../../src/schemas/generated.js'

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void

describe('generated JSON Schemas in schemas/', () => {
  test.each(Object.keys(GENERATED_SCHEMAS))('%s is what its zod contract generates (npm run schemas)', (file) => {
    const generated = JSON.stringify(GENERATED_SCHEMAS[file](), null, 2) + '\n'
    expect(readFileSync(file, 'utf8')).toBe(generated)
  })
})

describe('schemas/config.schema.json', () => {
  test('accepts the bundled example and refuses an unknown key', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    const validate = ajv.compile(GENERATED_SCHEMAS['schemas/config.schema.json']!())
    const example = parse(readFileSync('examples/sre-monitoring.yml', 'utf8')) as Record<string, unknown>
    expect(validate(example)).toBe(true)
    expect(validate({ ...example, alertting: {} })).toBe(false)
  })
})
