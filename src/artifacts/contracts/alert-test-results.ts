import { z } from 'zod'
import { dateTime, hookReviewContract } from './common.js'

/** A time a system gave, or null when the event did not happen. */
const timestamp = dateTime().nullable().meta({ id: 'timestamp' })

export const testStatusContract = z.enum(['passed', 'failed', 'error', 'not_run'])

/** How a bounded wait ended. */
export const waitOutcomeContract = z.enum(['completed', 'timed_out', 'backend_error', 'not_started', 'cancelled']).meta({ id: 'wait' })

const waits = z.strictObject({ delivery: waitOutcomeContract, acknowledgement: waitOutcomeContract })

export const factEvidenceContract = z
  .strictObject({
    source: z.string().min(1),
    request: z.string().optional().describe('The request that produced it, without credentials.'),
    observed: z.unknown().describe('What the system answered (the deciding values).'),
    at: dateTime()
  })
  .meta({ id: 'evidence', description: 'One observation behind a fact: what was asked, what it answered, when.' })

/** confirmed: seen at the receiving side; failed: seen, and wrong; not_confirmed: not seen in the wait. */
export const factStatusContract = z.enum(['confirmed', 'failed', 'not_confirmed', 'error', 'not_checked'])

export const factContract = z.strictObject({
  status: factStatusContract,
  at: timestamp.describe('When the fact became true, as the system that holds it says (null when it did not).'),
  detail: z.string(),
  evidence: z.array(factEvidenceContract)
})

export const routedFactContract = factContract
  .extend({
    expected: z.string(),
    receivers: z
      .array(z.string())
      .describe("The receivers the routing chose (Alertmanager's GET /api/v2/alerts, or the on-call tool's own routing)."),
    config_receivers: z
      .array(z.string())
      .optional()
      .describe('The receivers the running config routes these labels to (Alertmanager /api/v2/status), when checked.'),
    method: z.string().optional().describe('How config_receivers was worked out.')
  })
  .meta({
    id: 'routed',
    description:
      "The receiver the routing chose: Alertmanager's GET /api/v2/alerts (config_receivers: the running config's route tree for the same labels), or the on-call tool's own routing."
  })

export const deliveredFactContract = factContract
  .extend({
    supporting: z
      .array(factEvidenceContract)
      .optional()
      .describe("Alertmanager's own notification counters: supporting evidence only, never a confirmation.")
  })
  .meta({
    id: 'delivered',
    description:
      "Confirmed only by the receiving side (incident, alert, alert group, or the acknowledgement source's delivery time). Alertmanager's notification counters are in supporting, never a confirmation."
  })

export const ackRefusalContract = z
  .strictObject({ at: timestamp, by: z.string().nullable(), reason: z.string().min(1) })
  .meta({ id: 'refusal', description: 'An acknowledgement that was seen and did not count.' })

export const acknowledgedFactContract = factContract
  .extend({
    by: z.string().nullable(),
    seconds: z.number().nullable().describe('From the trigger to the acknowledgement.'),
    sla_seconds: z.number().positive(),
    refusals: z.array(ackRefusalContract)
  })
  .meta({
    id: 'acknowledged',
    description:
      'confirmed: by a person, after the trigger (less the clock skew), not in the future, within the SLA; failed: such an acknowledgement, but late. Acknowledgements that did not count are in refusals with their reason.'
  })

export const attemptOutcomeContract = z
  .enum([
    'passed',
    'wrong_receiver',
    'not_routed',
    'routed_not_delivered',
    'not_acknowledged',
    'acknowledgement_refused',
    'acknowledged_late',
    'error',
    'cancelled',
    'not_run'
  ])
  .meta({ id: 'outcome', description: 'passed only when all three facts hold; routed_not_delivered is its own outcome, never a pass.' })

export const cleanupContract = z
  .strictObject({
    resolved: z.boolean().describe('Every synthetic alert and incident of this attempt is resolved or closed.'),
    at: timestamp,
    detail: z.string()
  })
  .meta({ id: 'cleanup' })

export const alertAttemptContract = z
  .strictObject({
    attempt: z.int().min(1),
    test_id: z.string().min(1),
    labels: z.record(z.string(), z.string()),
    triggered_at: timestamp,
    outcome: attemptOutcomeContract,
    facts: z.strictObject({ routed: routedFactContract, delivered: deliveredFactContract, acknowledged: acknowledgedFactContract }),
    wait: waits,
    cleanup: cleanupContract,
    reason: z.string()
  })
  .meta({
    id: 'attempt',
    description: 'One synthetic alert sent for a route, under its own test id.',
    // A passed attempt holds all three facts, each with its time (and the acknowledgement its person and seconds).
    allOf: [
      {
        if: { properties: { outcome: { const: 'passed' } } },
        then: {
          properties: {
            facts: {
              type: 'object',
              properties: {
                routed: { type: 'object', properties: { status: { const: 'confirmed' } } },
                delivered: { type: 'object', properties: { status: { const: 'confirmed' }, at: { type: 'string' } } },
                acknowledged: {
                  type: 'object',
                  properties: {
                    status: { const: 'confirmed' },
                    at: { type: 'string' },
                    by: { type: 'string' },
                    seconds: { type: 'number' }
                  }
                }
              }
            }
          }
        }
      }
    ]
  })

export const providerNameContract = z.enum(['alertmanager', 'pagerduty', 'webhook', 'opsgenie', 'grafana-oncall'])

export const alertTestContract = z
  .strictObject({
    test_id: z.string().min(1),
    route: z.string().min(1),
    alert_name: z.string().min(1),
    provider: providerNameContract,
    expected_receiver: z.string().min(1),
    actual_receivers: z.array(z.string()),
    triggered_at: timestamp,
    delivered_at: timestamp.describe(
      "When the receiving side says it received the alert (the deciding attempt's delivered fact); null when delivery was not confirmed."
    ),
    acknowledged_at: timestamp,
    acknowledgement_time_seconds: z.number().nullable(),
    acknowledged_by: z.string().optional(),
    sla_seconds: z.number().positive(),
    sla_met: z.boolean(),
    status: testStatusContract,
    outcome: attemptOutcomeContract.optional().describe('Built-in tests always say (a hook’s results may not).'),
    wait: waits,
    resolved: z.boolean().describe("Every attempt's synthetic alert and incident was resolved or closed."),
    reason: z.string(),
    attempts: z
      .array(alertAttemptContract)
      .min(1)
      .optional()
      .describe(
        'Every attempt, in order; a failing route is rerun with a fresh test id (alerting.retries). The route passes only if an attempt passed on all three facts.'
      ),
    notified_at: dateTime()
      .optional()
      .describe(
        'Older results (and hooks) only: when the on-call side recorded the notification. Built-in results carry it as attempts[].facts.delivered.at.'
      )
  })
  .meta({
    id: 'test',
    description:
      "One route's test. The flat fields repeat the deciding attempt (the one that passed, else the last); attempts holds every attempt with its three facts.",
    allOf: [
      // A pass is acknowledged within the SLA and delivered, with both times.
      {
        if: { properties: { status: { const: 'passed' } } },
        then: { properties: { sla_met: { const: true }, acknowledged_at: { type: 'string' }, delivered_at: { type: 'string' } } }
      },
      { if: { properties: { sla_met: { const: true } } }, then: { properties: { acknowledgement_time_seconds: { type: 'number' } } } },
      // With attempts, a passed route says so and has a passed attempt.
      {
        if: { required: ['attempts'], properties: { attempts: { type: 'array' }, status: { const: 'passed' } } },
        then: {
          required: ['outcome'],
          properties: {
            outcome: { const: 'passed' },
            attempts: { type: 'array', contains: { type: 'object', properties: { outcome: { const: 'passed' } } } }
          }
        }
      }
    ]
  })

export const alertTestResultsContract = z
  .strictObject({
    test_date: dateTime(),
    approved: z.boolean(),
    sla_target_seconds: z.number().positive(),
    tests: z.array(alertTestContract),
    overall_status: testStatusContract,
    sla_compliance: z.number().min(0).max(100).describe('Percent of tests acknowledged within the SLA.'),
    not_verified_reason: z.string().min(1).optional(),
    source: z.enum(['built-in', 'alert-test-command']),
    cancelled: z
      .boolean()
      .optional()
      .describe("The run was cancelled (SIGTERM/SIGINT) while alerts were out; each attempt's cleanup says whether it was resolved."),
    hook: hookReviewContract.optional().describe('What the configured alert-test-command produced, checked against these live tests.'),
    held: z
      .string()
      .min(1)
      .optional()
      .describe('Why no synthetic alert was sent: the protocol paused because gate 1 failed (flow.pause-on-gate-failure).')
  })
  .describe(
    'Synthetic alerts sent through the paging path, with three facts per route and attempt: routed (the receiver the routing chose, checked against the running config), delivered (confirmed by the receiving side), acknowledged (by a person, after the trigger, within the SLA), each with its evidence and time; every attempt and its cleanup (Protocol 12, gate 2).'
  )

export type TestStatus = z.infer<typeof testStatusContract>
export type WaitOutcome = z.infer<typeof waitOutcomeContract>
export type FactEvidence = z.infer<typeof factEvidenceContract>
export type FactStatus = z.infer<typeof factStatusContract>
export type Fact = z.infer<typeof factContract>
export type RoutedFact = z.infer<typeof routedFactContract>
export type DeliveredFact = z.infer<typeof deliveredFactContract>
export type AckRefusal = z.infer<typeof ackRefusalContract>
export type AcknowledgedFact = z.infer<typeof acknowledgedFactContract>
export type AttemptOutcome = z.infer<typeof attemptOutcomeContract>
export type Cleanup = z.infer<typeof cleanupContract>
export type AlertAttempt = z.infer<typeof alertAttemptContract>
export type ProviderName = z.infer<typeof providerNameContract>
export type AlertTest = z.infer<typeof alertTestContract>
export type AlertTestResults = z.infer<typeof alertTestResultsContract>
