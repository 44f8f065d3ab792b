/** `alert-backtest.json`: the alert rules in force evaluated over the incident lookback. */
import { z } from 'zod'
import { dateTime } from './common.js'

const count = z.int().min(0)
const fraction = z.number().min(0).max(1)
const labels = z.record(z.string(), z.string())

export const coverageContract = z.strictObject({
  from: dateTime().nullable(),
  to: dateTime().nullable(),
  covered_seconds: z.number().min(0),
  lookback_seconds: z.number().min(0),
  fraction: fraction.describe('covered_seconds / lookback_seconds.')
})

export const firingIntervalContract = z.strictObject({
  service: z.string().nullable(),
  labels,
  start: dateTime(),
  end: dateTime().describe('First evaluation at which the alert no longer fired (the end of the data when still firing).'),
  open: z.boolean().describe('Still firing at the end of the data.'),
  incidents: z.array(z.string())
})

export const incidentOutcomeContract = z.strictObject({
  id: z.string(),
  service: z.string().nullable(),
  started_at: dateTime(),
  resolved_at: dateTime().nullable(),
  source: z.string(),
  status: z.enum(['detected', 'missed', 'outside_data']),
  detection_seconds: z
    .int()
    .nullable()
    .describe('First firing minus incident start; negative when the alert fired before the incident was declared.'),
  reset_seconds: z.int().nullable().describe("End of the last firing that overlapped the incident minus the incident's end."),
  peak: z
    .strictObject({ signal: z.number(), factor: z.number().nullable(), at: dateTime() })
    .nullable()
    .optional()
    .describe('Highest burn signal held for `for` during the incident (burn-rate rules).')
})

export const factorProposalContract = z.strictObject({
  change: z.string().min(1).describe('What changes, in one line: "14.4 -> 9.5".'),
  why: z.string(),
  current_factors: z.array(z.number()),
  proposed_factors: z.array(z.number()),
  threshold_multiplier: z.number().gt(0).describe("The rule's thresholds multiplied by this give the proposed ones."),
  current_thresholds: z.array(z.number()),
  proposed_thresholds: z.array(z.number()),
  peak_outside: z
    .strictObject({ signal: z.number(), factor: z.number().nullable(), at: dateTime().nullable() })
    .describe('Highest signal held for `for` outside every incident: the proposal stays at or above it.'),
  incidents: z.array(
    z.strictObject({
      id: z.string(),
      peak_signal: z.number(),
      peak_factor: z.number().nullable(),
      at: dateTime(),
      caught_by_proposal: z.boolean()
    })
  )
})

export const ruleBacktestContract = z.strictObject({
  name: z.string().min(1),
  source: z.string(),
  also_in: z.array(z.string()),
  group: z.string(),
  loaded: z.boolean().nullable().describe("Seen in the rules backend's /api/v1/rules; null when no rules backend was read."),
  severity: z.string().nullable(),
  labels,
  expr: z.string(),
  query: z
    .string()
    .describe(
      "What was queried: the rule's burn signal (its margin over its threshold, firing above 1), with recording rules lacking history expanded inline."
    ),
  kind: z.enum(['burn_rate', 'condition']),
  kind_reason: z.string().optional().describe('Why the rule has no burn signal (kind condition).'),
  expansions: z.array(z.strictObject({ recording: z.string(), inlined: z.boolean(), reason: z.string() })),
  interval_seconds: z.number().gt(0),
  step_seconds: z.number().gt(0),
  for_seconds: z.number().min(0),
  keep_firing_for_seconds: z.number().min(0),
  status: z.enum(['evaluated', 'no_data', 'error']),
  detail: z.string(),
  request: z.string().nullable(),
  coverage: coverageContract,
  factors: z.array(z.number()).describe("The SLO factor(s) the rule's thresholds stand for, when the rule was matched to an SLO."),
  slo: z.string().nullable(),
  intervals: z.array(firingIntervalContract),
  true_positives: count,
  false_positives: count,
  missed: count,
  precision: fraction.nullable(),
  recall: fraction.nullable(),
  mean_detection_seconds: z.int().nullable(),
  mean_reset_seconds: z.int().nullable(),
  incidents: z.array(incidentOutcomeContract),
  history: z.strictObject({
    status: z.enum(['agrees', 'disagrees', 'no_history', 'error', 'not_compared']),
    fired_seconds: z.int().nullable(),
    backtest_seconds: z.int().nullable(),
    agreement: fraction.nullable().describe('Shared firing time over the union of both.'),
    detail: z.string()
  }),
  proposal: factorProposalContract.nullable()
})

export const alertBacktestContract = z
  .strictObject({
    generated_at: dateTime(),
    lookback: z.string(),
    from: dateTime(),
    to: dateTime(),
    status: z.enum(['ok', 'partial', 'not_run', 'error']),
    detail: z.string(),
    rules_backend: z.string().nullable(),
    rule_sources: z.array(z.strictObject({ source: z.string(), status: z.enum(['ok', 'error']), detail: z.string(), rules: count })),
    incident_sources: z.array(z.strictObject({ name: z.string(), status: z.string(), detail: z.string(), count })),
    data: z.strictObject({
      query: z.string().nullable(),
      step_seconds: z.number().nullable(),
      coverage: coverageContract,
      metrics: z.array(z.strictObject({ name: z.string(), from: dateTime().nullable(), to: dateTime().nullable() }))
    }),
    history: z.strictObject({
      query: z.string().nullable(),
      status: z
        .enum(['ok', 'no_history', 'error', 'not_run'])
        .describe('no_history: ALERTS holds nothing in the lookback, which is not the same as nothing fired.'),
      series: count,
      detail: z.string()
    }),
    requests: z.strictObject({
      rules_api: count,
      data_coverage: count,
      alerts_history: count,
      rule_queries: count,
      label_values: count.describe(
        "Label-values requests for the rule shapes with too many services' values to list, so that each is asked in one query all the same: one a grouping label, for all such shapes together."
      ),
      total: count,
      rules_evaluated: count
    }),
    rules: z.array(ruleBacktestContract),
    summary: z.strictObject({
      rules: count,
      evaluated: count,
      true_positives: count,
      false_positives: count,
      precision: fraction.nullable(),
      incidents: count,
      detected: count,
      recall: fraction.nullable(),
      mean_detection_seconds: z.int().nullable(),
      disagreements: z.array(z.string()),
      proposals: count
    })
  })
  .describe(
    'The alert rules in force evaluated over the incident lookback (one range query per rule), joined with the incidents and compared with ALERTS; proposed factors for burn-rate rules.'
  )

export type Coverage = z.infer<typeof coverageContract>
export type FiringInterval = z.infer<typeof firingIntervalContract>
export type IncidentOutcome = z.infer<typeof incidentOutcomeContract>
export type FactorProposal = z.infer<typeof factorProposalContract>
export type RuleBacktest = z.infer<typeof ruleBacktestContract>
export type AlertBacktest = z.infer<typeof alertBacktestContract>
