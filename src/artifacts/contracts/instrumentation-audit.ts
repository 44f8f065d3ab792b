import { z } from 'zod'
import { SCHEMA_VERSIONS } from '../files.js'
import { dateTime, hookReviewContract } from './common.js'

export const signalContract = z.enum(['metrics', 'logs', 'traces', 'synthetic']).meta({ id: 'signal' })

/**
 * `error` (the backend could not answer) is never `fail` (the answer says monitoring is missing),
 * and neither is ever a pass.
 */
export const verdictContract = z.enum(['pass', 'fail', 'error', 'not_verified']).meta({ id: 'verdict' })

export const checkRequestContract = z
  .strictObject({
    backend: z.string(),
    method: z.string(),
    url: z.string().meta({ not: { pattern: '^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@]*@' }, description: 'Never carries credentials.' }),
    query: z.string().optional()
  })
  .meta({ id: 'checkRequest' })

/** One check against a backend: what was asked, what came back, what decided it and when. */
export const measurementContract = z
  .strictObject({
    request: checkRequestContract,
    value: z
      .union([z.number(), z.string()])
      .nullable()
      .describe('The deciding value (a number, or a short text such as an HTTP status); null when none came back.'),
    threshold: z.string().optional(),
    newest_sample_at: dateTime().optional().describe('Time of the newest sample seen.'),
    started_at: dateTime(),
    finished_at: dateTime(),
    verdict: verdictContract,
    reason: z.string()
  })
  .meta({ id: 'measurement' })

export const noDataCauseContract = z.enum([
  'metric_missing',
  'label_value_mismatch',
  'stopped',
  'no_traffic',
  'backend_down',
  'filtered_out'
])

export const noDataDiagnosisContract = z
  .strictObject({
    cause: noDataCauseContract,
    detail: z.string().min(1).describe('One sentence for the audit, the summary and the backlog item.'),
    query: z.string().min(1).describe('The query (or request) whose answer showed the cause.'),
    closest_values: z
      .array(z.string())
      .optional()
      .describe("Label values of the metric closest to the service's own (label_value_mismatch)."),
    stopped_at: dateTime().optional().describe('Newest sample of the metric for the service (stopped).')
  })
  .meta({ id: 'diagnosis', description: 'Why a signal has no data: the cause and the query whose answer showed it.' })

export const signalCoverageContract = z
  .strictObject({
    signal: signalContract,
    mapped: z.boolean().describe('A check template or endpoint exists for this service and signal.'),
    verified: z.boolean().describe('The check ran and passed: fresh, finite, non-empty data.'),
    verdict: verdictContract,
    freshness_seconds: z.number().min(0).optional().describe('Age of the newest sample when checked.'),
    series_count: z.number().min(0).optional(),
    measurement: measurementContract.optional(),
    diagnosis: noDataDiagnosisContract.optional().describe('Why there is no data, when there is none (PromQL signals).')
  })
  .meta({
    id: 'signalCoverage',
    // Verified means passed, and only a mapped check can pass.
    if: { properties: { verified: { const: true } } },
    then: { properties: { verdict: { const: 'pass' }, mapped: { const: true } } }
  })

export const coverageStatusContract = z.enum(['covered', 'partial', 'uncovered'])

export const serviceAuditContract = z
  .strictObject({
    service_name: z.string().min(1),
    critical: z.boolean(),
    new: z.boolean(),
    status: coverageStatusContract,
    metrics: signalCoverageContract,
    logs: signalCoverageContract,
    traces: signalCoverageContract,
    synthetics: signalCoverageContract
  })
  .meta({ id: 'serviceAudit' })

export const gapPriorityContract = z.enum(['high', 'medium', 'low'])

export const coverageGapContract = z
  .strictObject({
    service: z.string(),
    signal: signalContract,
    gap: z.string().min(1).describe('unmapped, no_data, stale, invalid_value, backend_error, failed, host_not_allowed or not_verified.'),
    priority: gapPriorityContract,
    detail: z.string(),
    diagnosis: noDataDiagnosisContract.optional()
  })
  .meta({ id: 'gap' })

export const instrumentationAuditContract = z
  .strictObject({
    schema_version: z.literal(SCHEMA_VERSIONS.instrumentationAudit),
    audit_date: dateTime(),
    environment: z.string(),
    coverage_completeness: z.number().min(0).max(100).describe('Percent of (service, signal) pairs verified.'),
    requests: z.int().min(0).describe('Backend requests made for the audit.'),
    services: z.array(serviceAuditContract),
    missing_coverage: z.array(coverageGapContract),
    not_verified_reason: z.string().min(1).optional().describe('Set when the audit was not run against live systems, and why.'),
    source: z.enum(['built-in', 'audit-command']),
    hook: hookReviewContract.optional().describe('What the configured audit-command produced, checked against this live audit.')
  })
  .describe('Protocol 12, phase 1: per service and signal, whether a check is mapped and whether live telemetry verified it.')

export type Verdict = z.infer<typeof verdictContract>
export type CheckRequest = z.infer<typeof checkRequestContract>
export type Measurement = z.infer<typeof measurementContract>
export type NoDataCause = z.infer<typeof noDataCauseContract>
export type NoDataDiagnosis = z.infer<typeof noDataDiagnosisContract>
export type SignalCoverage = z.infer<typeof signalCoverageContract>
export type CoverageStatus = z.infer<typeof coverageStatusContract>
export type ServiceAudit = z.infer<typeof serviceAuditContract>
export type GapPriority = z.infer<typeof gapPriorityContract>
export type CoverageGap = z.infer<typeof coverageGapContract>
export type InstrumentationAudit = z.infer<typeof instrumentationAuditContract>
