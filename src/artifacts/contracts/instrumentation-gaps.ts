/** `instrumentation-gaps.json`: every instrumentation gap this run found, for Protocol 14. */
import { z } from 'zod'
import { dateTime } from './common.js'

export const instrumentationGapContract = z.strictObject({
  service: z.string().nullable(),
  signal: z.enum(['metrics', 'logs', 'traces', 'synthetic']).nullable(),
  priority: z.enum(['high', 'medium', 'low']),
  gap: z.string().min(1),
  detail: z.string(),
  source: z.string().describe('instrumentation-audit.json, or the quality audit file and finding id.')
})

export const instrumentationGapsContract = z
  .strictObject({
    generated_at: dateTime(),
    environment: z.string(),
    release: z.string().nullable(),
    audit_verified: z.boolean().describe('false: the live audit could not run, so the gaps below are not all there is.'),
    gaps: z.array(instrumentationGapContract)
  })
  .describe(
    "For Protocol 14 (performance optimization): every instrumentation gap this run found, from the live audit and from Protocol 4's quality audit; the baseline is baseline-metrics.json."
  )

export type InstrumentationGap = z.infer<typeof instrumentationGapContract>
export type InstrumentationGaps = z.infer<typeof instrumentationGapsContract>
