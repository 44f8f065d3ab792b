// Pieces shared by several artifact contracts. A part with an `id` becomes a $defs entry of each
// schema that uses it (ids are global: give each a name no other contract uses).
import { z } from 'zod'

/** An ISO 8601 date-time with seconds and a zone (`Z` or an offset), as `Date.toISOString()` writes it. */
export const dateTime = (): z.ZodISODateTime => z.iso.datetime({ offset: true })

/** What a check answered: a number, or null when nothing was measured (never a placeholder). */
export const nullableNumber = z.number().nullable()

/** The plain-words expectation an evidence error names (the `x-expected` keyword of schemas/). */
export const expected = (text: string): { 'x-expected': string } => ({ 'x-expected': text })

/** A commit SHA as the deploy evidence writes it. */
export const commitSha = () =>
  z
    .string()
    .regex(/^[0-9a-fA-F]{7,64}$/)
    .meta(expected('a commit SHA (7 to 64 hex digits)'))

/** The `hook` section of instrumentation-audit.json and alert-test-results.json. */
export const hookReviewContract = z
  .strictObject({
    command: z.enum(['audit-command', 'alert-test-command']),
    status: z.string().describe("How the seed's `[AUTOMATION] ... executed: {status}` line reported it."),
    accepted: z.boolean().describe('The artifact passed every check and was compared with the live result.'),
    artifact_date: z.string().nullable().describe('The date the artifact gives itself (audit_date, test_date), when it had one.'),
    refused: z.array(z.string()).describe('Why the artifact is not evidence of this run.'),
    disagreements: z.array(z.string()).describe('Where the hook and the live check disagree; the live check decides.')
  })
  .meta({
    id: 'hookReview',
    description:
      "A configured hook's artifact, checked against the live result: accepted only when dated in this run and covering every service or route; the live result decides."
  })

/** The time range a windowed figure's data covers. */
export const dataCoverageContract = z
  .strictObject({
    window: z.string(),
    window_seconds: z.number().min(0),
    from: dateTime().nullable().describe('First sample inside the window; null when there is none.'),
    to: dateTime().nullable().describe('Newest sample; null when there is none.'),
    seconds: z.number().min(0).describe('Seconds of the window the data covers.'),
    minimum_seconds: z.number().min(0),
    requests: z.number().nullable().optional().describe('Requests (events) counted in the window, when the series is a counter.'),
    minimum_requests: z.number().min(0).optional(),
    sufficient: z.boolean(),
    query: z.string().describe('The query that showed the range.')
  })
  .meta({
    id: 'dataCoverage',
    description: 'The time range a windowed figure’s data covers, and whether it is enough (see config sufficiency).'
  })

export type HookReview = z.infer<typeof hookReviewContract>
export type DataCoverage = z.infer<typeof dataCoverageContract>
