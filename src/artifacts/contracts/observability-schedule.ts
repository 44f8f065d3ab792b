import { z } from 'zod'
import { dateTime } from './common.js'

export const scheduledCheckContract = z.strictObject({
  check_type: z.string().min(1),
  cadence: z.string().nullable(),
  owner: z.string().nullable(),
  source: z.string().describe('Where the schedule was found: a workflow file with a cron, or the config.')
})

export const cronScheduleContract = z
  .strictObject({
    cron: z.string(),
    valid: z.boolean().describe('Parses and fires at least once.'),
    next_runs: z.array(dateTime()).max(3).describe('The next runs (UTC), at most three.'),
    cadence: z.string().nullable(),
    min_interval_seconds: z.number().nullable(),
    max_interval_seconds: z.number().nullable(),
    error: z.string().nullable()
  })
  .describe('One cron of an assurance workflow, parsed: when it fires next and how often.')

export const observabilityScheduleContract = z
  .strictObject({
    generated_at: dateTime(),
    schedule_coverage: z.number().min(0).max(100).describe('Percent of required check types that have both a cadence and an owner.'),
    required_check_types: z.array(z.string()),
    automated_checks: z.array(scheduledCheckContract),
    ownership: z.strictObject({ owner: z.string().nullable(), on_call_owner: z.string().nullable() }),
    workflows: z
      .array(
        z.strictObject({
          file: z.string(),
          crons: z.array(z.string()),
          mode: z.string(),
          schedules: z
            .array(cronScheduleContract)
            .describe('Each cron parsed as GitHub Actions reads it (UTC): an invalid cron, or one that never fires, is no schedule.')
        })
      )
      .describe('Workflows in the repository that re-run this action on a schedule.'),
    expected_max_interval: z
      .string()
      .optional()
      .describe('assurance.max-interval: the longest gap between two runs accepted as a schedule.'),
    missing: z.array(z.string())
  })
  .describe('Ongoing observability checks: what is re-checked, how often, by whom (Protocol 12, step 3).')

export type ScheduledCheck = z.infer<typeof scheduledCheckContract>
export type CronSchedule = z.infer<typeof cronScheduleContract>
export type ObservabilitySchedule = z.infer<typeof observabilityScheduleContract>
