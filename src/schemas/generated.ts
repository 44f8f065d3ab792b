import { configJsonSchema } from '../config/json-schema.js'

/** Every file in schemas/ that is generated from a zod contract, with its generator. */
export const GENERATED_SCHEMAS: Record<string, () => Record<string, unknown>> = {
  'schemas/config.schema.json': configJsonSchema
}
