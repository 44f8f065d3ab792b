/** `detection-drill.json`: the alert rules in force fed burns in the real promtool (gate 2). */
import { z } from 'zod'
import { dateTime } from './common.js'

const drillStatus = z.enum(['passed', 'failed', 'not_run', 'error'])
const count = z.int().min(0)

export const drillRoutingContract = z.strictObject({
  route: z.string().optional().describe('The alerting.routes entry that applies to the fired labels, when one does.'),
  expected_receiver: z.string().nullable().describe("From the route's expect-receiver, or the service's owner."),
  actual_receivers: z.array(z.string()).describe('What `amtool config routes test` answered for the fired labels on the running config.'),
  status: z.enum(['passed', 'failed', 'not_checked']),
  reason: z.string()
})

export const drillScenarioContract = z.strictObject({
  name: z.string().describe('outage, above_1h, below_1h, above_3d, below_3d, stop.'),
  burn_rate: z
    .number()
    .nullable()
    .describe('The burn as a multiple of the budget rate (1 = the budget spent exactly over the SLO period); null for series that stop.'),
  error_ratio: z.number().nullable().describe('The error ratio of the input during the burn.'),
  expectation: z.enum(['must_fire', 'must_not_fire']),
  severities: z.array(z.string()).describe('The severity that must (or must not) fire: page, ticket, or the absent-data alert.'),
  window_seconds: z.number().describe('How long after the burn start (or the stop) the expectation is checked.'),
  resolution_seconds: z.number().gt(0).describe('Evaluation step: detection times are exact to this.'),
  input_covers_seconds: z
    .number()
    .describe('The input reaches this far past the burn start: past every checked evaluation (prometheus #14500).'),
  fired: z.boolean(),
  detection_seconds: z.number().nullable().describe('From the burn start (or the last sample) to the first evaluation at which it fired.'),
  max_detection_seconds: z.number().optional(),
  alert: z.strictObject({ alertname: z.string(), labels: z.record(z.string(), z.string()) }).optional(),
  routing: drillRoutingContract.optional(),
  status: z.enum(['passed', 'failed', 'error']),
  reason: z.string()
})

export const drillTargetContract = z.strictObject({
  kind: z.enum(['slo', 'absent']),
  slo: z.string().optional(),
  service: z.string(),
  alerts: z.array(z.string()).describe('The alert rules drilled.'),
  recording_rules: count.describe('The recording rules those alerts read.'),
  series: z.array(z.string()).describe('The input series (labels) the drill wrote.'),
  status: drillStatus,
  reason: z.string(),
  scenarios: z.array(drillScenarioContract)
})

export const detectionDrillContract = z
  .strictObject({
    run_at: dateTime(),
    status: drillStatus,
    required: z.boolean().describe('drill.required: gate 2 fails when the drill did not run.'),
    promtool: z.strictObject({ path: z.string(), version: z.string().optional() }).nullable(),
    amtool: z.strictObject({ path: z.string() }).nullable(),
    not_run_reason: z.string().optional(),
    install_hint: z.string().optional().describe('The exact step that installs what was missing on an Ubuntu runner.'),
    alertmanager_config: z.strictObject({ source: z.string(), error: z.string().optional() }).optional(),
    targets: z.array(drillTargetContract),
    requests: z
      .strictObject({ alertmanager: count, promtool_runs: count, amtool_runs: count })
      .describe(
        'Requests to production (the Alertmanager config, once) and local tool runs (one promtool run per SLO and per critical service).'
      ),
    duration_ms: z.number().min(0)
  })
  .describe(
    "The alert rules in force fed burns of each SLO's own metrics (and, per critical service, series that stop) in the real promtool: per alert and burn, whether it fired, the detection time, the receiver the fired labels route to, and what was wrong (Protocol 12, gate 2)."
  )

export type DrillStatus = z.infer<typeof drillStatus>
export type DrillRouting = z.infer<typeof drillRoutingContract>
export type DrillScenario = z.infer<typeof drillScenarioContract>
export type DrillTarget = z.infer<typeof drillTargetContract>
export type DetectionDrill = z.infer<typeof detectionDrillContract>
