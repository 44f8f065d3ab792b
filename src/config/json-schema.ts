import { z } from 'zod'
import { configSchema } from './schema.js'

/** The config contract as JSON Schema (draft 2020-12), for editors and other tools. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>
  return {
    $id: 'https://github.com/org/sre-monitoring-action/schemas/config.schema.json',
    title: 'sre-monitoring-action config (.github/sre-monitoring.yml)',
    ...schema
  }
}
