/** The acknowledgement source's answer in the default `alerting.webhook.ack` mapping. */
import { z } from 'zod'

// RFC 3339 with a zone, as ajv's date-time format reads it: what the on-call side writes is not
// held to zod's narrower pattern.
const dateTime = z.string().meta({ format: 'date-time' })

export const webhookAckAnswerContract = z
  .object({
    receiver: z.string().min(1).describe("The receiver the on-call side got the alert on; compared with the route's expect-receiver."),
    delivered_at: dateTime.describe('When the on-call side received the alert (ISO 8601 with a zone).'),
    acknowledged_at: dateTime.nullable().optional().describe('When a person acknowledged it; null until then.'),
    acknowledged_by: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe('Who acknowledged it; identities matching alerting.ack-ignore never count.')
  })
  .describe(
    'GET <ack-url> answers 404 until the on-call side holds the alert, then 200 with this object. acknowledged_at counts only with acknowledged_by, after the trigger and not in the future (docs/alert-acknowledgements.md).'
  )
  // An acknowledgement time without a person is not an acknowledgement.
  .meta({ dependentRequired: { acknowledged_at: ['acknowledged_by'] } })

export type WebhookAckAnswer = z.infer<typeof webhookAckAnswerContract>
