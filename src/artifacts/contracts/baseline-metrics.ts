import { z } from 'zod'
import { SCHEMA_VERSIONS } from '../files.js'
import { dataCoverageContract, dateTime, nullableNumber } from './common.js'

/** A windowed figure is pass, fail or error, or `insufficient_data` when its data covers too little of the window. */
export const windowedVerdictContract = z.enum(['pass', 'fail', 'error', 'not_verified', 'insufficient_data'])

export const baselineValueContract = z
  .strictObject({
    metric: z.string().min(1),
    value: nullableNumber.describe('Measured over the range the data covers (rates are not diluted over an empty part of the window).'),
    unit: z.string().optional().describe('Unit of value: requests/s, ratio (0..1), seconds; absent for custom SLIs.'),
    query: z.string(),
    window_value: z
      .number()
      .optional()
      .describe('What the query answered over the whole window, when value was rescaled to the covered range.'),
    measured_at: dateTime(),
    verdict: windowedVerdictContract,
    reason: z.string().optional()
  })
  .meta({
    id: 'baselineValue',
    // A pass is a measured number, never null.
    if: { properties: { verdict: { const: 'pass' } } },
    then: { properties: { value: { type: 'number' } } }
  })

export const claimCheckContract = z
  .strictObject({
    source: z.string(),
    metric: z.string(),
    claimed: z.number(),
    observed: nullableNumber.describe(
      'The live value the claim was checked against (never the claim itself); null when none was measured.'
    ),
    checked_against: z.string().min(1).describe('What observed is: "fleet p95 from the summed histogram of 3 services", "payments p95".'),
    query: z.string().min(1).describe('The query that produced observed.'),
    tolerance_percent: z.number().min(0),
    verdict: z.enum(['pass', 'fail', 'error', 'insufficient_data']),
    reason: z.string(),
    coverage: dataCoverageContract.optional()
  })
  .meta({ id: 'claimCheck' })

export const previousComparisonContract = z
  .strictObject({
    service: z.string(),
    metric: z.string(),
    previous: nullableNumber,
    current: nullableNumber,
    criterion: z.string(),
    verdict: z.enum(['pass', 'warn', 'fail', 'error']),
    reason: z.string()
  })
  .meta({ id: 'comparison' })

export const baselineMetricsContract = z
  .strictObject({
    schema_version: z.literal(SCHEMA_VERSIONS.baselineMetrics),
    captured_at: dateTime(),
    window: z.string().regex(/^\d+(\.\d+)?(ms|s|m|h|d|w)$/),
    environment: z.string(),
    services: z.array(
      z.strictObject({
        service: z.string().min(1),
        metrics: z.array(baselineValueContract),
        coverage: dataCoverageContract.optional()
      })
    ),
    claims: z.array(claimCheckContract),
    previous: z
      .strictObject({
        source: z.string(),
        captured_at: dateTime().optional(),
        comparisons: z.array(previousComparisonContract)
      })
      .optional(),
    requests: z.int().min(0),
    not_verified_reason: z.string().min(1).optional()
  })
  .describe(
    "Protocol 12, phase 1: per-service baseline measured from live telemetry, the deploy's claims checked against it, and the comparison with the previous release."
  )

export type WindowedVerdict = z.infer<typeof windowedVerdictContract>
export type BaselineValue = z.infer<typeof baselineValueContract>
export type ClaimCheck = z.infer<typeof claimCheckContract>
export type PreviousComparison = z.infer<typeof previousComparisonContract>
export type BaselineMetrics = z.infer<typeof baselineMetricsContract>
