import { z } from 'zod'
import { configJsonSchema } from '../config/json-schema.js'
import { ackMapping } from '../config/schema.js'

/** alerting.webhook.ack on its own: the JSON paths into the acknowledgement source's answer. */
function webhookAckMappingSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/sre-monitoring-action/schemas/webhook-ack-mapping.schema.json',
    title: 'alerting.webhook.ack: JSON paths into the acknowledgement answer (docs/alert-acknowledgements.md)',
    ...(z.toJSONSchema(ackMapping, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>)
  }
}

/** Every file in schemas/ that is generated from a zod contract, with its generator. */
export const GENERATED_SCHEMAS: Record<string, () => Record<string, unknown>> = {
  'schemas/config.schema.json': configJsonSchema,
  'schemas/webhook-ack-mapping.schema.json': webhookAckMappingSchema
}
