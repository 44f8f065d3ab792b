/**
 * `run-stats.json`: what the run cost the systems it checked. Shape (schema_version 1):
 *
 * {
 *   schema_version: 1,
 *   generated_at, run_id, environment,
 *   complete: boolean,              // false when the run stopped part-way (refused input, a crash)
 *   covers: string,                 // what the file counts, in words (the package copy is written
 *                                   // before the manifest: the upload, handoff and issue sync after
 *                                   // it are in the job summary only)
 *   wall_ms, wait_ms, work_ms,      // work = wall - waits (overlapping waits counted once)
 *   backend_concurrency: number,    // limits.backend-concurrency in force
 *   totals:   Tally,                // every request except probes
 *   probes:   Tally,                // the synthetic probes (one per endpoint and attempt), apart
 *   phases:   [{ phase, ...Tally, probes: number, wait_ms }],
 *   backends: [{ backend, kind, ...Tally, max_in_flight, samples_source }],
 *   requests: [{ phase, backend, kind, ...Tally }],   // phase x backend
 *   waits:    [{ phase, what, count, total_ms, max_ms }]
 * }
 * Tally = { count, errors, rejected, total_ms, max_ms, bytes, samples, peak_samples }
 *
 * `count` counts calls (one call's retries are in its time); `errors` the calls without a usable
 * answer (no answer, a timeout, over the size cap, HTTP 5xx or 429); `rejected` other HTTP 4xx.
 * `samples` is the sum of Prometheus's `data.stats.samples.totalQueryableSamples` over the queries
 * that reported it (`stats=all`), `peak_samples` the largest `peakSamples`; both null where no
 * query reported them (VictoriaMetrics, Loki, rules, series, GitHub).
 * Phases: evidence, audit, no-data-diagnosis, baseline, previous-baseline, claims, approval,
 * rule-alignment, drill, dashboards, alert-tests, runbook, tuning, backtest, slo-attainment,
 * handoff; requests outside a named step carry the protocol phase's name (instrumentation,
 * activation, assurance).
 *
 * Runtime code imports this module as a type only; the JSON Schema is generated from it
 * (src/schemas/generated.ts, `npm run schemas`) and validates the file when it is written.
 */
import { z } from 'zod'

const ms = z.number().int().min(0)

const tallyFields = {
  count: z.number().int().min(0).describe('Calls made (one call with its retries counts once).'),
  errors: z.number().int().min(0).describe('Calls without a usable answer: no answer, a timeout, over the size cap, HTTP 5xx or 429.'),
  rejected: z.number().int().min(0).describe('Calls answered with another HTTP 4xx.'),
  total_ms: ms.describe('Time of the calls added up, from sending to the last byte (retries and their backoff included).'),
  max_ms: ms.describe('The longest call.'),
  bytes: z.number().int().min(0).describe('Response bytes read.'),
  samples: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe("Samples the queries touched (Prometheus's totalQueryableSamples, stats=all); null when no query reported it."),
  peak_samples: z.number().int().min(0).nullable().describe('The largest peakSamples a query reported; null when none did.')
}

export const tallyContract = z.strictObject(tallyFields)

export const runStatsContract = z
  .strictObject({
    schema_version: z.literal(1),
    generated_at: z.iso.datetime({ offset: true }),
    run_id: z.string(),
    environment: z.string(),
    complete: z.boolean().describe('False when the run stopped part-way (refused input, a crashed phase): the figures cover what ran.'),
    covers: z.string().describe('What this copy counts, in words.'),
    wall_ms: ms.describe('From the start of the run to this file.'),
    wait_ms: ms.describe(
      'Recorded waits (acknowledgement and alert polling, retry backoff, rate-limit spacing), overlapping waits counted once.'
    ),
    work_ms: ms.describe('wall_ms minus wait_ms.'),
    backend_concurrency: z.number().int().min(1).describe('limits.backend-concurrency: requests in flight to one backend at most.'),
    totals: tallyContract.describe('Every request except the probes.'),
    probes: tallyContract.describe(
      'The synthetic probes (one per endpoint and attempt), counted apart: the only requests that grow with endpoints.'
    ),
    phases: z.array(
      z.strictObject({
        phase: z.string(),
        ...tallyFields,
        probes: z.number().int().min(0).describe('Probes made in this phase (not in count).'),
        wait_ms: ms.describe('Waits recorded in this phase, added up.')
      })
    ),
    backends: z.array(
      z.strictObject({
        backend: z.string().describe("The backend's name in the config (or github, grafana, synthetic...)."),
        kind: z.string().describe('prometheus, loki, http, alertmanager, pagerduty, opsgenie, grafana-oncall, webhook, github, probe...'),
        ...tallyFields,
        max_in_flight: z.number().int().min(0).describe('Most requests in flight to this backend at one time.'),
        samples_source: z
          .string()
          .describe(
            'Where samples came from ("stats=all (totalQueryableSamples)"), or "not reported" when the backend answered queries without them.'
          )
      })
    ),
    requests: z.array(z.strictObject({ phase: z.string(), backend: z.string(), kind: z.string(), ...tallyFields })),
    waits: z.array(
      z.strictObject({
        phase: z.string(),
        what: z.string().describe('What was waited for: acknowledgement polling, retry backoff, rate-limit spacing, probe pause...'),
        count: z.number().int().min(0),
        total_ms: ms,
        max_ms: ms
      })
    )
  })
  .describe(
    'What the run cost the systems it checked: requests per phase and backend (count, time, errors, bytes, samples), waits apart from work, probes apart.'
  )

export type RunStats = z.infer<typeof runStatsContract>
export type Tally = z.infer<typeof tallyContract>
