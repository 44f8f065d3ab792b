import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Cron } from 'croner'
import { parse } from 'yaml'
import type { Config } from '../config/schema.js'
import type { CronSchedule, ObservabilitySchedule, ScheduledCheck } from './types.js'
import { isObject } from '../util/json.js'
import { durationSeconds } from '../util/duration.js'

/** What must be re-checked after the release for monitoring to stay in place. */
export const REQUIRED_CHECK_TYPES = ['instrumentation', 'alert-rules', 'alert-path', 'dashboards'] as const

/** How many upcoming runs are recorded, and how many are read to judge the cadence. */
const RECORDED_RUNS = 3
const CADENCE_SAMPLE = 12

/** One field of a GitHub Actions cron: `*`, numbers or three-letter names, ranges, steps, lists. */
const CRON_FIELD =
  /^(?:(?:\*|(?:\d+|[a-z]{3})(?:-(?:\d+|[a-z]{3}))?)(?:\/\d+)?)(?:,(?:(?:\*|(?:\d+|[a-z]{3})(?:-(?:\d+|[a-z]{3}))?)(?:\/\d+)?))*$/i

const human = (seconds: number): string => {
  for (const [unit, n] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60]
  ] as const)
    if (seconds % n === 0) return `${seconds / n}${unit}`
  return `${seconds}s`
}

/**
 * A cron as GitHub Actions reads it (five fields, UTC, POSIX syntax: no nicknames, no L/W/#/?),
 * parsed with croner. Invalid, or valid but never firing (`0 0 31 2 *`): no schedule.
 */
export function parseCron(cron: string, now: Date): CronSchedule {
  const fields = cron.trim().split(/\s+/)
  const refuse = (error: string): CronSchedule => ({
    cron,
    valid: false,
    next_runs: [],
    cadence: null,
    min_interval_seconds: null,
    max_interval_seconds: null,
    error
  })
  if (fields.length !== 5) return refuse(`expected 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}`)
  const bad = fields.find((f) => !CRON_FIELD.test(f))
  if (bad !== undefined)
    return refuse(`field "${bad}" is not cron syntax GitHub Actions accepts (numbers, *, ranges a-b, steps /n, lists a,b)`)
  let runs: Date[]
  try {
    runs = new Cron(fields.join(' '), { timezone: 'UTC', paused: true, mode: '5-part' }).nextRuns(CADENCE_SAMPLE + 1, now)
  } catch (err) {
    return refuse((err as Error).message.replace(/^CronPattern: /, ''))
  }
  if (runs.length === 0) return refuse('never fires (no date matches it)')
  const gaps = runs.slice(1).map((d, i) => (d.getTime() - runs[i]!.getTime()) / 1000)
  const min = gaps.length ? Math.min(...gaps) : null
  const max = gaps.length ? Math.max(...gaps) : null
  // GitHub runs a schedule at most every 5 minutes.
  const cadence =
    min === null || max === null
      ? 'once'
      : min === max
        ? `every ${human(Math.max(min, 300))}`
        : `irregular: every ${human(Math.max(min, 300))} to ${human(max)}`
  return {
    cron,
    valid: true,
    next_runs: runs.slice(0, RECORDED_RUNS).map((d) => d.toISOString()),
    cadence,
    min_interval_seconds: min,
    max_interval_seconds: max,
    error: null
  }
}

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
    const crons = schedule
      .filter(isObject)
      .map((s) => s.cron)
      .filter((c): c is string => typeof c === 'string')
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
  const maxInterval = args.config.assurance['max-interval']
  const maxSeconds = maxInterval ? durationSeconds(maxInterval) : undefined
  const checks: ScheduledCheck[] = []
  // Why a check type that has a cron still counts as unscheduled.
  const refused = new Map<string, string[]>()
  const refuse = (type: string, why: string): void => void refused.set(type, [...(refused.get(type) ?? []), why])
  // A cron is a schedule only when it parses, fires, and fires as often as the config expects.
  const judge = (cron: string, where: string): { schedule: CronSchedule; counts: boolean; why?: string } => {
    const schedule = parseCron(cron, args.now)
    if (!schedule.valid) return { schedule, counts: false, why: `${where}: cron '${cron}' is no schedule: ${schedule.error}` }
    if (maxSeconds !== undefined && schedule.max_interval_seconds !== null && schedule.max_interval_seconds > maxSeconds) {
      return {
        schedule,
        counts: false,
        why: `${where}: cron '${cron}' runs ${schedule.cadence}, less often than assurance.max-interval ${maxInterval}`
      }
    }
    return { schedule, counts: true }
  }
  const workflows: ObservabilitySchedule['workflows'] = []
  for (const wf of args.workflows) {
    const judged = wf.crons.map((c) => judge(c, wf.file))
    workflows.push({ ...wf, schedules: judged.map((j) => j.schedule) })
    const good = judged.filter((j) => j.counts)
    for (const type of REQUIRED_CHECK_TYPES) {
      for (const j of judged) if (j.why) refuse(type, j.why)
      if (good.length === 0) continue
      checks.push({
        check_type: type,
        cadence: good.map((j) => `cron: ${j.schedule.cron} (${j.schedule.cadence})`).join('; '),
        owner,
        source: wf.file
      })
    }
  }
  for (const c of args.config.assurance.checks) {
    const j = judge(c.cadence, 'assurance.checks')
    if (j.why) refuse(c['check-type'], j.why)
    checks.push({
      check_type: c['check-type'],
      cadence: j.counts ? `cron: ${c.cadence} (${j.schedule.cadence})` : null,
      owner: c.owner ?? owner,
      source: 'config: assurance.checks'
    })
  }
  const missing: string[] = []
  for (const type of REQUIRED_CHECK_TYPES) {
    const ok = checks.some((c) => c.check_type === type && c.cadence && c.owner)
    if (ok) continue
    const scheduled = checks.some((c) => c.check_type === type && c.cadence)
    const why = refused.get(type)
    missing.push(
      scheduled
        ? `${type} (scheduled but no owner)`
        : why
          ? `${type} (${why.join('; ')})`
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
    workflows,
    ...(maxInterval ? { expected_max_interval: maxInterval } : {}),
    missing
  }
}
