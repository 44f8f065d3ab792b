/**
 * What is read from `deployment-health-log.md` (docs/evidence-contract.md): the structure
 * extracted from the Markdown, not the Markdown itself. A missing property here is a missing
 * section there. `x-expected` says in words what is allowed, for the error messages.
 */
import { z } from 'zod'
import { expected } from './common.js'

export const healthMetricRowContract = z.strictObject({
  name: z.string().min(1).meta(expected('a metric name')),
  value: z.string().min(1).meta(expected('a measured value such as 240ms')),
  numeric_value: z.number().optional().describe('The numeric part of value, when there is one (250ms -> 250).'),
  unit: z.string().optional(),
  threshold: z.string().optional(),
  status: z.enum(['ok', 'warn', 'breached']).optional().describe('Normalised from the row; absent when the row says nothing about it.'),
  status_text: z.string().optional().describe('The status as written (e.g. "✅", "within SLO").')
})

export const anomalyContract = z.strictObject({
  time: z.string().optional(),
  observation: z.string().min(1).meta(expected('what was observed')),
  decision: z.string().optional()
})

export const escalationContract = z.strictObject({
  time: z.string().optional(),
  description: z.string().min(1).meta(expected('what was escalated')),
  owner: z.string().optional()
})

export const deploymentHealthLogContract = z
  .strictObject({
    soak_window: z.string().min(1).optional(),
    soak_window_seconds: z
      .number()
      .gt(0)
      .optional()
      .meta({
        description: 'The soak window in seconds, when the text could be read as a duration.',
        ...expected('a soak window longer than zero (such as "30 minutes" or "2h")')
      }),
    metrics_status: z.enum(['within_slo', 'breached', 'unknown']),
    metrics: z
      .array(healthMetricRowContract)
      .min(1)
      .meta(
        expected(
          'at least one metric row: a table with Metric and Value columns, or bullets such as "- **p95 latency**: 240ms (threshold 300ms) ✅"'
        )
      ),
    anomalies: z.array(anomalyContract),
    escalations: z.array(escalationContract)
  })
  .describe(
    'Describes the structure read from the Markdown (see docs/evidence-contract.md), not the Markdown itself. A missing property here is a missing section there.'
  )

export type HealthMetricRow = z.infer<typeof healthMetricRowContract>
export type Anomaly = z.infer<typeof anomalyContract>
export type Escalation = z.infer<typeof escalationContract>
export type DeploymentHealthLog = z.infer<typeof deploymentHealthLogContract>
