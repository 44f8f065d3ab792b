import { z } from 'zod'
import { InputError } from '../util/errors.js'
import { inputDefault, type InputName } from './defaults.js'

/**
 * All action inputs, parsed once into one settings object (as actions/checkout's input-helper
 * does). Nothing else reads inputs.
 */
const bool = (name: string) =>
  z.string().transform((v, ctx) => {
    if (/^(true|yes)$/i.test(v)) return true
    if (/^(false|no)$/i.test(v)) return false
    ctx.addIssue({ code: 'custom', message: `input ${name} must be true or false` })
    return z.NEVER
  })

const optional = z.string().transform((v) => (v.trim() === '' ? undefined : v.trim()))

export const settingsSchema = z.object({
  evidencePath: z.string().min(1),
  evidenceArtifact: optional,
  evidenceRunId: optional.refine((v) => v === undefined || /^\d+$/.test(v), 'a workflow run id (digits)'),
  config: z.string().min(1),
  outputDir: z.string().min(1),
  mode: z.enum(['post-deploy', 'assurance']),
  packageArtifact: optional,
  retentionDays: optional.refine(
    (v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 90),
    'a number of days from 1 to 90'
  ),
  githubToken: optional,
  backlogIssues: bool('backlog-issues'),
  alertTests: bool('alert-tests'),
  failOn: z.enum(['gate', 'never']),
  approvedBy: optional,
  onCallOwner: optional
})

export type Settings = z.infer<typeof settingsSchema>

/** Read every input through `getInput` (which returns '' for an unset input). */
export function getSettings(getInput: (name: string) => string): Settings {
  const read = (name: InputName): string => {
    const v = getInput(name)
    return v === '' ? inputDefault(name) : v
  }
  const raw = {
    evidencePath: read('evidence-path'),
    evidenceArtifact: read('evidence-artifact'),
    evidenceRunId: read('evidence-run-id'),
    config: read('config'),
    outputDir: read('output-dir'),
    mode: read('mode'),
    // An explicitly empty package-artifact means "don't upload": only the action.yml default fills it.
    packageArtifact: getInput('package-artifact'),
    retentionDays: read('retention-days'),
    githubToken: read('github-token'),
    backlogIssues: read('backlog-issues'),
    alertTests: read('alert-tests'),
    failOn: read('fail-on'),
    approvedBy: read('approved-by'),
    onCallOwner: read('on-call-owner')
  }
  const result = settingsSchema.safeParse(raw)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const key = String(issue.path[0] ?? '')
  const input = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
  throw new InputError({
    file: 'action inputs',
    field: input,
    expected: issue.message,
    found: JSON.stringify((raw as Record<string, string>)[key] ?? '')
  })
}
