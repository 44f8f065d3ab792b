import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { Config } from '../config/schema.js'
import type { ObservabilitySchedule, ScheduledCheck } from './types.js'
import { isObject } from '../util/json.js'

/** What must be re-checked after the release for monitoring to stay in place. */
export const REQUIRED_CHECK_TYPES = ['instrumentation', 'alert-rules', 'alert-path', 'dashboards'] as const

interface FoundWorkflow {
  file: string
  crons: string[]
  mode: string
}

/** True for a step that runs this action: `uses: ./` (its own repo) or `.../sre-monitoring-action@...`. */
function runsThisAction(uses: unknown): boolean {
  return typeof uses === 'string' && (uses === './' || uses === '.' || /(^|\/)sre-monitoring-action(@|$)/.test(uses))
}

/**
 * Find workflows that re-run this action in assurance mode on a cron. The schedule is read from
 * the repository, not taken on trust from the config: an ongoing check that is not scheduled
 * anywhere does not exist.
 */
export async function findAssuranceWorkflows(workspace: string): Promise<FoundWorkflow[]> {
  const dir = join(workspace, '.github', 'workflows')
  let names: string[]
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort()
  } catch {
    return []
  }
  const found: FoundWorkflow[] = []
  for (const name of names) {
    let doc: unknown
    try {
      doc = parse(await readFile(join(dir, name), 'utf8'))
    } catch {
      continue
    }
    if (!isObject(doc)) continue
    const on = doc.on ?? doc.true // YAML 1.1 readers turn a bare `on` key into true
    const schedule = isObject(on) && Array.isArray(on.schedule) ? on.schedule : []
    const crons = schedule.filter(isObject).map((s) => s.cron).filter((c): c is string => typeof c === 'string')
    if (crons.length === 0) continue
    const jobs = isObject(doc.jobs) ? Object.values(doc.jobs) : []
    for (const job of jobs) {
      const steps = isObject(job) && Array.isArray(job.steps) ? job.steps : []
      for (const step of steps) {
        if (!isObject(step) || !runsThisAction(step.uses)) continue
        const mode = isObject(step.with) && typeof step.with.mode === 'string' ? step.with.mode : 'post-deploy'
        if (mode === 'assurance') found.push({ file: `.github/workflows/${name}`, crons, mode })
      }
    }
  }
  return found
}

export function buildSchedule(args: {
  config: Config
  workflows: FoundWorkflow[]
  onCallOwner: string | undefined
  now: Date
}): ObservabilitySchedule {
  const owner = args.config.assurance.owner ?? args.onCallOwner ?? null
  const checks: ScheduledCheck[] = []
  for (const wf of args.workflows) {
    for (const type of REQUIRED_CHECK_TYPES) {
      checks.push({ check_type: type, cadence: wf.crons.map((c) => `cron: ${c}`).join('; '), owner, source: wf.file })
    }
  }
  for (const c of args.config.assurance.checks) {
    checks.push({ check_type: c['check-type'], cadence: c.cadence, owner: c.owner ?? owner, source: 'config: assurance.checks' })
  }
  const missing: string[] = []
  for (const type of REQUIRED_CHECK_TYPES) {
    const ok = checks.some((c) => c.check_type === type && c.cadence && c.owner)
    if (ok) continue
    const scheduled = checks.some((c) => c.check_type === type && c.cadence)
    missing.push(
      scheduled
        ? `${type} (scheduled but no owner)`
        : `${type} (no workflow runs this action with mode: assurance on a schedule, and assurance.checks names none)`
    )
  }
  const covered = REQUIRED_CHECK_TYPES.length - missing.length
  return {
    generated_at: args.now.toISOString(),
    schedule_coverage: Math.round((covered / REQUIRED_CHECK_TYPES.length) * 10000) / 100,
    required_check_types: [...REQUIRED_CHECK_TYPES],
    automated_checks: checks,
    ownership: { owner, on_call_owner: args.onCallOwner ?? null },
    workflows: args.workflows,
    missing
  }
}
