/** Protocol 4's quality audit findings (`inputs.quality-audit`), as the JSON form is read. */
import { z } from 'zod'

// RFC 3339 with a zone, as ajv's date-time format reads it: an audit file is not held to zod's
// narrower pattern.
const dateTime = z.string().meta({ format: 'date-time' })

export const qualityFindingContract = z.strictObject({
  id: z.string().min(1).max(100),
  title: z.string().min(1).max(500),
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  category: z
    .enum(['instrumentation-gap', 'monitoring-gap', 'alerting-gap', 'compliance', 'other'])
    .optional()
    .describe(
      'instrumentation-gap: a signal is missing; monitoring-gap / alerting-gap: dashboards or alerts; compliance: a requirement to meet.'
    ),
  service: z.string().min(1).optional(),
  signal: z.enum(['metrics', 'logs', 'traces', 'synthetic']).optional(),
  requirement: z.string().optional().describe('What must be in place for the finding to be closed.'),
  status: z.enum(['open', 'resolved']).default('open')
})

export const qualityAuditContract = z
  .strictObject({
    protocol: z.literal(4).optional(),
    audited_at: dateTime.optional(),
    source: z.string().optional().describe('The audit report these findings come from.'),
    findings: z.array(qualityFindingContract).max(1000)
  })
  .describe(
    'Findings of the quality audit that concern monitoring gaps or compliance requirements. Each open finding becomes a requirement in monitoring-requirements.md and a backlog item; a gap finding naming a service and signal is an instrumentation gap unless the live audit verified that signal.'
  )

/** A findings file as written (status may be left out: it means open). */
export type QualityAuditFile = z.input<typeof qualityAuditContract>
export type QualityAuditFinding = z.input<typeof qualityFindingContract>
export type FindingSeverity = QualityAuditFinding['severity']
export type FindingCategory = NonNullable<QualityAuditFinding['category']>
