/** `issues-to-file.json`: the backlog issues a run without a GitHub token would have filed. */
import { z } from 'zod'
import { dateTime } from './common.js'

/** Everything sent to GitHub for one backlog item (POST /repos/{owner}/{repo}/issues). */
export const plannedIssueContract = z.strictObject({
  fingerprint: z.string().min(1).describe('Finds the issue again on later runs (hidden marker in the body).'),
  kind: z.string().min(1),
  service: z.string().nullable(),
  priority: z.enum(['high', 'medium', 'low']),
  gate: z.int().min(1).max(4).nullable(),
  title: z.string().min(1).max(256),
  body: z.string().min(1).max(65536),
  labels: z.array(z.string().min(1).max(50)).min(1),
  // GitHub's login rule: letters, digits and single inner hyphens, at most 39 characters.
  assignees: z.array(z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/))
})

export const issuesToFileContract = z
  .strictObject({
    generated_at: dateTime(),
    repository: z.string().nullable().describe('owner/repo when known; null for a local run.'),
    note: z.string(),
    issues: z.array(plannedIssueContract)
  })
  .describe(
    'Written by runs without a GitHub token: every backlog issue exactly as the action would send it (POST /repos/{owner}/{repo}/issues), highest priority first.'
  )

export type PlannedIssue = z.infer<typeof plannedIssueContract>
export type IssuesToFile = z.infer<typeof issuesToFileContract>
