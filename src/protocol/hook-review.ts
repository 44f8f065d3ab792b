/**
 * Hooks add evidence; they never replace the live check. A hook's artifact is accepted only when
 * it is of this run (dated after the run started) and covers what the live check covers (the
 * model's services, the configured routes); where it and the live check disagree, the live result
 * decides and the disagreement is recorded.
 */
import type { AlertTestResults } from '../alerting/types.js'
import type { HookReview } from '../artifacts/contracts/common.js'
import type { InstrumentationAudit, ServiceAudit } from '../telemetry/types.js'

export type { HookReview }

const SIGNALS = [
  ['metrics', 'metrics'],
  ['logs', 'logs'],
  ['traces', 'traces'],
  ['synthetics', 'synthetic']
] as const

/** An artifact dated before the run started, or not dated at all, is not of this run. */
function dateProblems(date: unknown, field: string, startedAt: Date, now: Date): string[] {
  const t = typeof date === 'string' ? Date.parse(date) : NaN
  if (!Number.isFinite(t)) return [`${field} is not a time (${JSON.stringify(date)})`]
  // A second of slack: some tools write whole seconds.
  if (t < startedAt.getTime() - 1000)
    return [`${field} ${date} is before this run started (${startedAt.toISOString()}): not evidence of this run`]
  if (t > now.getTime() + 60_000) return [`${field} ${date} is in the future (now ${now.toISOString()})`]
  return []
}

function newReview(command: HookReview['command'], status: string): HookReview {
  return { command, status, accepted: false, artifact_date: null, refused: [], disagreements: [] }
}

/** The hook left nothing to review: refused for that, with its own error when it gave one. */
function refusedForNoArtifact(review: HookReview, error: string | undefined): HookReview {
  review.refused.push(error ?? `no artifact (${review.status})`)
  return review
}

export function reviewAuditHook(args: {
  status: string
  hook: InstrumentationAudit | undefined
  error?: string
  live: InstrumentationAudit
  services: string[]
  startedAt: Date
  now: Date
}): HookReview {
  const { hook, live } = args
  const review = newReview('audit-command', args.status)
  if (!hook) return refusedForNoArtifact(review, args.error)
  review.artifact_date = typeof hook.audit_date === 'string' ? hook.audit_date : null
  review.refused.push(...dateProblems(hook.audit_date, 'audit_date', args.startedAt, args.now))
  if (hook.requests === 0) review.refused.push('requests is 0: an audit that asked no backend anything verifies nothing')
  const listed = new Map(hook.services.map((s) => [s.service_name, s]))
  const absent = args.services.filter((s) => !listed.has(s))
  if (absent.length > 0) review.refused.push(`does not cover the release's service(s): ${absent.join(', ')}`)
  if (live.environment && hook.environment !== live.environment)
    review.refused.push(`environment is ${JSON.stringify(hook.environment)}, this run observes ${JSON.stringify(live.environment)}`)
  review.accepted = review.refused.length === 0

  const liveBy = new Map(live.services.map((s) => [s.service_name, s]))
  for (const name of args.services) {
    const h = listed.get(name)
    const l = liveBy.get(name)
    if (!h) continue
    for (const [key, signal] of SIGNALS) {
      const hv = (h as ServiceAudit)[key]?.verified === true
      const lv = l?.[key]?.verified === true
      if (hv === lv) continue
      const liveWhy = l ? (l[key].measurement?.reason ?? l[key].verdict) : (live.not_verified_reason ?? 'not checked')
      review.disagreements.push(
        hv
          ? `${name} ${signal}: audit-command says verified, the live check says not (${liveWhy}); the live check decides`
          : `${name} ${signal}: audit-command says not verified, the live check verified it; the live check decides`
      )
    }
  }
  return review
}

export function reviewAlertHook(args: {
  status: string
  hook: AlertTestResults | undefined
  error?: string
  live: AlertTestResults
  routes: string[]
  startedAt: Date
  now: Date
}): HookReview {
  const { hook, live } = args
  const review = newReview('alert-test-command', args.status)
  if (!hook) return refusedForNoArtifact(review, args.error)
  review.artifact_date = typeof hook.test_date === 'string' ? hook.test_date : null
  review.refused.push(...dateProblems(hook.test_date, 'test_date', args.startedAt, args.now))
  for (const t of hook.tests) {
    if (t.triggered_at) review.refused.push(...dateProblems(t.triggered_at, `route ${t.route} triggered_at`, args.startedAt, args.now))
  }
  const tested = new Set(hook.tests.map((t) => t.route))
  const absent = args.routes.filter((r) => !tested.has(r))
  if (absent.length > 0) review.refused.push(`does not cover the configured route(s): ${absent.join(', ')}`)
  review.accepted = review.refused.length === 0

  const liveBy = new Map(live.tests.map((t) => [t.route, t]))
  for (const h of hook.tests) {
    const l = liveBy.get(h.route)
    const hp = h.status === 'passed' && h.sla_met
    const lp = !!l && l.status === 'passed' && l.sla_met
    if (hp === lp) continue
    review.disagreements.push(
      hp
        ? `route ${h.route}: alert-test-command says passed, the live test says ${l ? `${l.status} (${l.reason})` : 'not run'}; the live test decides`
        : `route ${h.route}: alert-test-command says ${h.status}, the live test passed; the live test decides`
    )
  }
  return review
}
