import { readFileSync, writeFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { parse } from 'yaml'
import { configJsonSchema } from '../../src/config/json-schema.js'

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void
const FILE = 'schemas/config.schema.json'

describe('schemas/config.schema.json', () => {
  const generated = JSON.stringify(configJsonSchema(), null, 2) + '\n'

  test('is the JSON Schema of the config the action validates (regenerate with SRE_WRITE_SCHEMA=1)', () => {
    if (process.env.SRE_WRITE_SCHEMA) writeFileSync(FILE, generated)
    expect(readFileSync(FILE, 'utf8')).toBe(generated)
  })

  test('accepts the bundled example and refuses an unknown key', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    const validate = ajv.compile(JSON.parse(generated) as object)
    const example = parse(readFileSync('examples/sre-monitoring.yml', 'utf8')) as Record<string, unknown>
    expect(validate(example)).toBe(true)
    expect(validate({ ...example, alertting: {} })).toBe(false)
  })
})
