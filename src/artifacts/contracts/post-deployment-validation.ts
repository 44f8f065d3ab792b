/**
 * `post-deployment-validation.json`, Protocol 11's output as this action reads it. The keys are the
 * protocol's; validated after status words are case-folded (PASS -> pass). `x-expected` says in
 * words what is allowed, for the error messages.
 */
import { z } from 'zod'
import { commitSha, expected } from './common.js'

export const checkStatusWords = z
  .enum([
    'pass',
    'passed',
    'passing',
    'success',
    'successful',
    'succeeded',
    'ok',
    'green',
    'fail',
    'failed',
    'failing',
    'failure',
    'error',
    'red',
    'warn',
    'warning',
    'warnings',
    'degraded',
    'yellow'
  ])
  .meta(expected('a status: pass, fail or warn (variants such as PASS, passed, success, failed, warning are accepted)'))

const COUNT_NAMES = '^(tests|services|endpoints|checks)_|_(run|total|count|passed|failed|skipped|checked|healthy|unhealthy|verified)$'

/**
 * A named check: a status and counts (every field named like a count is a whole number >= 0);
 * other fields are the deploy tool's own. `counts` are the counts the check must have: required
 * by name only, as a property that also matches the count pattern is refused by strict ajv.
 */
function check(counts: string[] = []) {
  return z.looseObject({ status: checkStatusWords }).meta({
    ...expected('a check object with a status and numeric counts'),
    ...(counts.length > 0 ? { required: ['status', ...counts] } : {}),
    patternProperties: { [COUNT_NAMES]: { type: 'integer', minimum: 0, ...expected('a count (a whole number >= 0)') } }
  })
}

const url = z
  .string()
  .regex(/^https?:\/\/[^\s/?#]+([/?#]\S*)?$/)
  .meta(expected('an absolute http(s) URL such as http://127.0.0.1:18081/healthz'))

export const postDeploymentValidationContract = z
  .looseObject({
    validation_date: z.string().meta({
      anyOf: [{ format: 'iso-date-time' }, { format: 'date' }],
      ...expected('an ISO 8601 date or date-time such as 2026-11-27T14:05:00Z')
    }),
    status: checkStatusWords,
    validation_success_rate: z
      .number()
      .min(0)
      .max(100)
      .meta(expected('a success rate as a percent (0..100, e.g. 98) or a fraction (0..1, e.g. 0.98)')),
    checks: z
      .object({
        smoke_tests: check(['tests_run', 'tests_passed']).optional(),
        health_checks: check(['services_checked', 'services_healthy']).optional(),
        service_verifications: check(['endpoints_verified', 'endpoints_healthy']).optional()
      })
      .catchall(check())
      .meta({ minProperties: 1, ...expected('an object of named checks, each with a status and numeric counts (at least one)') }),
    metrics_snapshot: z
      .record(z.string(), z.number().meta(expected('a finite number (not a string, not NaN)')))
      .meta({ minProperties: 1, ...expected('an object of metric name to number (at least one)') }),
    environment: z.string().min(1).optional(),
    release: z
      .looseObject({
        tag: z.string().min(1).optional(),
        commit: commitSha().optional(),
        deployment_type: z.string().min(1).optional()
      })
      .optional(),
    services: z
      .array(
        z.looseObject({
          name: z.string().min(1),
          critical: z.boolean().optional(),
          new: z.boolean().optional(),
          endpoints: z.array(url).optional(),
          health: z.string().optional()
        })
      )
      .optional()
  })
  .describe(
    'Validated after status words are case-folded (PASS -> pass). Unknown top-level properties are allowed: deploy tools add their own.'
  )

export type PostDeploymentValidationFile = z.infer<typeof postDeploymentValidationContract>
