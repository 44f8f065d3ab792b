/**
 * What is read from `DEPLOYMENT-REPORT.md` (docs/evidence-contract.md): the structure extracted
 * from the Markdown, not the Markdown itself. A missing property here is a missing section there.
 * `x-expected` says in words what is allowed, for the error messages.
 */
import { z } from 'zod'
import { commitSha, expected } from './common.js'

const url = z
  .string()
  .regex(/^https?:\/\/[^\s/?#]+([/?#]\S*)?$/)
  .meta(expected('an absolute http(s) URL such as http://127.0.0.1:18081/healthz'))

export const reportServiceContract = z.strictObject({
  name: z
    .string()
    .min(1)
    .regex(/^[^\s]/)
    .meta(expected('a service name')),
  critical: z.boolean(),
  new: z.boolean(),
  endpoints: z.array(url)
})

export const riskContract = z.strictObject({
  description: z.string().min(1).meta(expected('a description of the risk')),
  severity: z.enum(['low', 'medium', 'high', 'critical', 'unknown']),
  severity_text: z.string().optional().describe('The severity as written (e.g. "P1", "High").'),
  component: z.string().optional(),
  mitigation: z.string().optional()
})

export const timelineEntryContract = z.strictObject({
  time: z.string().optional(),
  event: z.string().min(1).meta(expected('what happened'))
})

export const deploymentReportContract = z
  .strictObject({
    release: z
      .strictObject({
        tag: z.string().min(1).optional(),
        commit: commitSha().optional(),
        strategy: z.string().min(1).optional()
      })
      .meta({
        anyOf: [{ required: ['tag'] }, { required: ['commit'] }],
        ...expected('the release tag or commit (a line such as "Tag: v2.4.0" or "Commit: 3f9c2ab")')
      }),
    services: z
      .array(reportServiceContract)
      .min(1)
      .meta(
        expected('at least one service: a table with a Service column, or bullets such as "- **payments** (critical, new): http://..."')
      ),
    new_endpoints: z.array(url),
    risks: z.array(riskContract),
    timeline: z.array(timelineEntryContract)
  })
  .describe(
    'Describes the structure read from the Markdown (see docs/evidence-contract.md), not the Markdown itself. A missing property here is a missing section there.'
  )

export type ReportService = z.infer<typeof reportServiceContract>
export type Risk = z.infer<typeof riskContract>
export type TimelineEntry = z.infer<typeof timelineEntryContract>
export type DeploymentReport = z.infer<typeof deploymentReportContract>
