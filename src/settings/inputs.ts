import { suggest } from '../config/issues.js'
import { InputError } from '../util/errors.js'
import { inputDefault, type InputName } from './defaults.js'

/**
 * All action inputs, parsed once into one settings object (as actions/checkout's input-helper
 * does). Nothing else reads inputs. Plain checks, no schema library: every run starts here, also
 * the ones that stop at once, and this must load nothing heavy.
 */
export interface Settings {
  evidencePath: string
  evidenceArtifact?: string
  /** A workflow run id (digits). */
  evidenceRunId?: string
  config: string
  outputDir: string
  mode: (typeof MODES)[number]
  packageArtifact?: string
  /** Days from 1 to 90, as given. */
  retentionDays?: string
  githubToken?: string
  backlogIssues: boolean
  alertTests: boolean
  failOn: (typeof FAIL_ON)[number]
  approvedBy?: string
  onCallOwner?: string
}

/** The values `mode` and `fail-on` take (the command line offers the same). */
export const MODES = ['post-deploy', 'assurance'] as const
export const FAIL_ON = ['gate', 'never'] as const

/** A refused input: the field, what it must be, what was given, and the nearest valid choice. */
function refused(input: string, expected: string, found: string, choices?: readonly string[]): InputError {
  const suggestion = choices ? suggest(found, choices) : undefined
  return new InputError({
    file: 'action inputs',
    field: input,
    expected,
    found: JSON.stringify(found),
    ...(suggestion ? { suggestion } : {})
  })
}

/** A blank input is not given. */
const optional = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim())

function required(input: string, v: string): string {
  if (v === '') throw refused(input, 'a value', v)
  return v
}

function choice<T extends string>(input: string, v: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(v)) return v as T
  throw refused(input, `one of ${choices.join(', ')}`, v, choices)
}

function bool(input: string, v: string): boolean {
  if (/^(true|yes)$/i.test(v)) return true
  if (/^(false|no)$/i.test(v)) return false
  throw refused(input, 'true or false', v, ['true', 'false'])
}

function matching(input: string, v: string, ok: (v: string) => boolean, expected: string): string | undefined {
  const value = optional(v)
  if (value !== undefined && !ok(value)) throw refused(input, expected, v)
  return value
}

/** Read every input through `getInput` (which returns '' for an unset input). */
export function getSettings(getInput: (name: string) => string): Settings {
  const read = (name: InputName): string => {
    const v = getInput(name)
    return v === '' ? inputDefault(name) : v
  }
  const retention = (v: string): boolean => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 90
  return {
    evidencePath: required('evidence-path', read('evidence-path')),
    evidenceArtifact: optional(read('evidence-artifact')),
    evidenceRunId: matching('evidence-run-id', read('evidence-run-id'), (v) => /^\d+$/.test(v), 'a workflow run id (digits)'),
    config: required('config', read('config')),
    outputDir: required('output-dir', read('output-dir')),
    mode: choice('mode', read('mode'), MODES),
    // An explicitly empty package-artifact means "don't upload": only the action.yml default fills it.
    packageArtifact: optional(getInput('package-artifact')),
    retentionDays: matching('retention-days', read('retention-days'), retention, 'a number of days from 1 to 90'),
    githubToken: optional(read('github-token')),
    backlogIssues: bool('backlog-issues', read('backlog-issues')),
    alertTests: bool('alert-tests', read('alert-tests')),
    failOn: choice('fail-on', read('fail-on'), FAIL_ON),
    approvedBy: optional(read('approved-by')),
    onCallOwner: optional(read('on-call-owner'))
  }
}
