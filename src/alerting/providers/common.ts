import { recordWait } from '../../stats/run-stats.js'
import { BackendError } from '../../util/errors.js'
import type {
  AckRefusal,
  AcknowledgedFact,
  AlertAttempt,
  AlertTest,
  DeliveredFact,
  FactEvidence,
  ProviderName,
  RoutedFact,
  WaitOutcome
} from '../types.js'
import type { AckPolicy, PlannedAlertTest } from './types.js'

/** The seed's AlertFailure message: said when an alert did not reach the responder, and only then. */
export const ALERT_FAILURE = '[ERROR] Synthetic alert did not reach on-call responder.'

/** The alertname synthetic alerts carry unless the route's labels set one. */
export const SYNTHETIC_ALERT_NAME = 'SreMonitoringSyntheticTest'

export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err))
const iso = (ms: number): string => new Date(ms).toISOString()

/** A fresh attempt: nothing observed yet. */
export function newAttempt(p: PlannedAlertTest): AlertAttempt {
  const routed: RoutedFact = {
    status: 'not_checked',
    at: null,
    detail: 'not checked',
    evidence: [],
    expected: p.route['expect-receiver'],
    receivers: []
  }
  const delivered: DeliveredFact = { status: 'not_checked', at: null, detail: 'not checked', evidence: [] }
  const acknowledged: AcknowledgedFact = {
    status: 'not_checked',
    at: null,
    detail: 'not checked',
    evidence: [],
    by: null,
    seconds: null,
    sla_seconds: p.sla_seconds,
    refusals: []
  }
  return {
    attempt: p.attempt,
    test_id: p.test_id,
    labels: p.labels,
    triggered_at: null,
    outcome: 'not_run',
    facts: { routed, delivered, acknowledged },
    wait: { delivery: 'not_started', acknowledgement: 'not_started' },
    cleanup: { resolved: false, at: null, detail: 'nothing was sent' },
    reason: ''
  }
}

export function evidence(source: string, observed: unknown, request?: string): FactEvidence {
  return { source, ...(request ? { request } : {}), observed, at: new Date().toISOString() }
}

/** Compare the chosen receivers with the expected one and record the routed fact. */
export function setRouted(a: AlertAttempt, receivers: string[], at: string | null, detail: string, ev: FactEvidence[]): void {
  const r = a.facts.routed
  r.receivers = receivers
  r.evidence.push(...ev)
  r.at = at
  r.status = receivers.includes(r.expected) ? 'confirmed' : receivers.length ? 'failed' : 'not_confirmed'
  r.detail = detail
}

/**
 * A time as the on-call side gives it: ISO 8601 with a zone (a time without one is ambiguous and
 * refused), or a number of epoch seconds/milliseconds.
 */
export function parseTime(v: unknown, unit: 's' | 'ms' = 'ms'): { ms: number } | { problem: string } | undefined {
  if (v === undefined || v === null || v === '') return undefined
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? { ms: unit === 's' ? v * 1000 : v } : { problem: `${v} is not a time` }
  if (typeof v !== 'string') return { problem: `${JSON.stringify(v).slice(0, 60)} is not a time` }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v.trim())) {
    return { problem: `${JSON.stringify(v.slice(0, 60))} is not an ISO 8601 time with a zone (e.g. 2026-12-01T10:00:00Z)` }
  }
  const ms = Date.parse(v.trim().replace(' ', 'T'))
  return Number.isNaN(ms) ? { problem: `${JSON.stringify(v.slice(0, 60))} is not a valid time` } : { ms }
}

/** One acknowledgement as read from the on-call side, before it is judged. */
export interface AckCandidate {
  /** The time as given (ISO string or epoch number), or a parsed epoch ms. */
  at: unknown
  by: string | null | undefined
  /** Set when the on-call side itself says this was not a person (e.g. PagerDuty's service_reference). */
  notPerson?: string
  unit?: 's' | 'ms'
}

export type AckJudgement = { ok: true; at: string; by: string; seconds: number; late: boolean } | { ok: false; refusal: AckRefusal }

/**
 * Whether an acknowledgement counts: a time after the trigger (less the clock skew), not in the
 * future, by an identity that is a person (not matching ack-ignore). Late is still an
 * acknowledgement, recorded as late.
 */
export function judgeAck(c: AckCandidate, triggeredMs: number, nowMs: number, policy: AckPolicy): AckJudgement {
  const by = typeof c.by === 'string' && c.by.trim() ? c.by.trim() : null
  const refuse = (reason: string, at: string | null = null): AckJudgement => ({ ok: false, refusal: { at, by, reason } })
  const t = parseTime(c.at, c.unit)
  if (!t) return refuse('no acknowledgement time: a flag or state without a time is not an acknowledgement')
  if ('problem' in t) return refuse(`acknowledgement time ${t.problem}`)
  const at = iso(t.ms)
  const skew = policy.skewSeconds * 1000
  if (t.ms < triggeredMs - skew) {
    return refuse(
      `acknowledged before the alert was sent (${at}, ${Math.round((triggeredMs - t.ms) / 1000)} s before the trigger at ${iso(triggeredMs)}; clock skew allowed ${policy.skewSeconds} s)`,
      at
    )
  }
  if (t.ms > nowMs + skew)
    return refuse(`acknowledged in the future (${at}, now ${iso(nowMs)}; clock skew allowed ${policy.skewSeconds} s)`, at)
  if (c.notPerson) return refuse(`acknowledged by an integration (${c.notPerson}), not a person`, at)
  if (!by) return refuse('acknowledged by nobody named: the on-call side gave no acknowledging identity', at)
  const hit = policy.ignore.find((re) => re.test(by))
  if (hit) return refuse(`acknowledged by an integration (${by} matches alerting.ack-ignore /${hit.source}/), not a person`, at)
  const seconds = Math.max(0, Math.round(t.ms - triggeredMs)) / 1000
  return { ok: true, at, by, seconds, late: seconds > policy.slaSeconds }
}

/**
 * Record what the acknowledgement candidates say on the attempt's acknowledged fact: the first
 * accepted one, else every refusal. Returns true once a person's acknowledgement was recorded.
 */
export function applyAcks(a: AlertAttempt, candidates: AckCandidate[], policy: AckPolicy, ev: FactEvidence): boolean {
  const f = a.facts.acknowledged
  const trigger = Date.parse(a.triggered_at ?? '')
  const now = Date.now()
  let accepted: Extract<AckJudgement, { ok: true }> | undefined
  for (const c of candidates) {
    const j = judgeAck(c, trigger, now, policy)
    if (j.ok) {
      accepted ??= j
      continue
    }
    if (!f.refusals.some((r) => r.reason === j.refusal.reason && r.at === j.refusal.at && r.by === j.refusal.by)) f.refusals.push(j.refusal)
  }
  if (!accepted) return false
  f.evidence.push(ev)
  f.at = accepted.at
  f.by = accepted.by
  f.seconds = accepted.seconds
  f.status = accepted.late ? 'failed' : 'confirmed'
  f.detail = accepted.late
    ? `acknowledged by ${accepted.by} at ${accepted.at}, ${accepted.seconds} s after the trigger, beyond the ${policy.slaSeconds} s SLA`
    : `acknowledged by ${accepted.by} at ${accepted.at}, ${accepted.seconds} s after the trigger (SLA ${policy.slaSeconds} s)`
  return true
}

/** When nothing counted by the end of the wait. */
export function closeAckFact(a: AlertAttempt, outcome: WaitOutcome, until: number): void {
  const f = a.facts.acknowledged
  a.wait.acknowledgement = outcome
  if (f.status === 'confirmed' || f.status === 'failed' || f.status === 'error') return
  if (outcome === 'not_started') return
  f.status = 'not_confirmed'
  f.detail = f.refusals.length
    ? `no acknowledgement by a person by ${iso(until)}; refused: ${f.refusals.map((r) => `${r.reason}${r.by ? ` [by ${r.by}]` : ''}`).join('; ')}`
    : `no acknowledgement by a person by ${iso(until)} (wait ${outcome})`
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const t = setTimeout(done, ms)
    function done(): void {
      clearTimeout(t)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })

export interface PollResult<T> {
  outcome: WaitOutcome
  value?: T
  error?: string
}

/**
 * Poll until fn returns a value, the deadline passes or the run is cancelled. Intervals grow from
 * firstMs to maxMs so a fast path is seen quickly without hammering a slow one. A BackendError
 * ends the wait.
 */
export async function pollUntil<T>(
  fn: () => Promise<T | undefined>,
  opts: { deadline: number; firstMs: number; maxMs: number; signal?: AbortSignal; what?: string }
): Promise<PollResult<T>> {
  let interval = opts.firstMs
  for (;;) {
    if (opts.signal?.aborted) return { outcome: 'cancelled' }
    try {
      const v = await fn()
      if (v !== undefined) return { outcome: 'completed', value: v }
    } catch (err) {
      if (err instanceof BackendError) return { outcome: 'backend_error', error: err.message }
      throw err
    }
    const left = opts.deadline - Date.now()
    if (left <= 0) return { outcome: 'timed_out' }
    const paused = Date.now()
    await sleep(Math.min(interval, left), opts.signal)
    recordWait(opts.what ?? 'polling', paused)
    interval = Math.min(opts.maxMs, interval * 1.5)
  }
}

const list = (xs: string[]): string => (xs.length ? xs.map((x) => `"${x}"`).join(', ') : 'none')

/**
 * Decide an attempt from its three facts and write its reason, in the order the responder must
 * fix things: wrong receiver, not delivered, then the acknowledgement.
 */
export function decideAttempt(a: AlertAttempt, route: string): AlertAttempt {
  const { routed, delivered, acknowledged } = a.facts
  const head = `Route "${route}"`
  const errored = [routed, delivered, acknowledged].find((f) => f.status === 'error')
  const routedText = `routed to ${list(routed.receivers)}${routed.at ? ` at ${routed.at}` : ''}`
  const deliveredText = `delivered${delivered.at ? ` at ${delivered.at}` : ''} (${delivered.detail})`
  if (a.outcome === 'cancelled') {
    a.reason = `${head}: cancelled before the test finished (${acknowledged.detail}).`
  } else if (errored) {
    a.outcome = 'error'
    a.reason = `${head}: ${errored.detail}`
  } else if (routed.status === 'failed') {
    a.outcome = 'wrong_receiver'
    a.reason = `${ALERT_FAILURE} ${head}: wrong receiver: expected "${routed.expected}", actual ${list(routed.receivers)} (${routed.detail}).`
  } else if (routed.status !== 'confirmed') {
    a.outcome = 'not_routed'
    a.reason = `${ALERT_FAILURE} ${head}: not routed to "${routed.expected}": ${routed.detail}.`
  } else if (delivered.status !== 'confirmed') {
    a.outcome = 'routed_not_delivered'
    const support = delivered.supporting?.length
      ? ` Alertmanager's counters: ${delivered.supporting.map((s) => s.observed).join('; ')}.`
      : ''
    a.reason = `${ALERT_FAILURE} ${head}: ${routedText}, delivery not confirmed: ${delivered.detail}.${support}`
  } else if (acknowledged.status === 'confirmed') {
    a.outcome = 'passed'
    a.reason = `${head}: ${routedText}, ${deliveredText}, ${acknowledged.detail}.`
  } else if (acknowledged.status === 'failed') {
    a.outcome = 'acknowledged_late'
    a.reason = `${head}: ${routedText}, ${deliveredText}, ${acknowledged.detail}.`
  } else {
    a.outcome = acknowledged.refusals.length ? 'acknowledgement_refused' : 'not_acknowledged'
    a.reason = `${head}: ${routedText}, ${deliveredText}, not acknowledged by a person within the ${acknowledged.sla_seconds} s SLA: ${acknowledged.detail}.`
  }
  return a
}

/** The route's record: the deciding attempt (the one that passed, else the last) and all attempts. */
export function routeRecord(
  p: { route: PlannedAlertTest['route']; alert_name: string; sla_seconds: number },
  provider: ProviderName,
  attempts: AlertAttempt[]
): AlertTest {
  const decisive = attempts.find((x) => x.outcome === 'passed') ?? attempts[attempts.length - 1]
  const ack = decisive?.facts.acknowledged
  const status: AlertTest['status'] =
    !decisive || decisive.outcome === 'not_run'
      ? 'not_run'
      : decisive.outcome === 'passed'
        ? 'passed'
        : decisive.outcome === 'error'
          ? 'error'
          : 'failed'
  let reason = decisive?.reason ?? ''
  if (attempts.length > 1) {
    const seq = attempts.map((x) => `attempt ${x.attempt} (${x.test_id}): ${x.outcome}`).join(', ')
    reason =
      decisive?.outcome === 'passed'
        ? `${reason} Passed on a rerun: ${seq}.`
        : `${reason} Rerun with a fresh test id, no attempt passed: ${seq}.`
  }
  return {
    test_id: decisive?.test_id ?? '',
    route: p.route.name,
    alert_name: p.alert_name,
    provider,
    expected_receiver: p.route['expect-receiver'],
    actual_receivers: decisive?.facts.routed.receivers ?? [],
    triggered_at: decisive?.triggered_at ?? null,
    delivered_at: decisive?.facts.delivered.status === 'confirmed' ? decisive.facts.delivered.at : null,
    acknowledged_at: ack?.status === 'confirmed' || ack?.status === 'failed' ? ack.at : null,
    acknowledgement_time_seconds: ack?.status === 'confirmed' || ack?.status === 'failed' ? ack.seconds : null,
    ...(ack?.by ? { acknowledged_by: ack.by } : {}),
    sla_seconds: p.sla_seconds,
    sla_met: decisive?.outcome === 'passed',
    status,
    outcome: decisive?.outcome ?? 'not_run',
    wait: decisive?.wait ?? { delivery: 'not_started', acknowledgement: 'not_started' },
    resolved: attempts.every((x) => x.cleanup.resolved),
    reason,
    attempts
  }
}

/** The routed fact is an error (the on-call side could not be asked), never a failed route; then decide. */
export function routedError(a: AlertAttempt, route: string, detail: string): AlertAttempt {
  a.facts.routed.status = 'error'
  a.facts.routed.detail = detail
  return decideAttempt(a, route)
}

/** A provider call threw before the attempt was decided: `<who> could not be reached`. */
export function unreachable(a: AlertAttempt, route: string, who: string, err: unknown): AlertAttempt {
  return routedError(a, route, `${who} could not be reached: ${errorMessage(err)}`)
}

/**
 * The wait for the on-call side to show the alert ended without an answer to read: cancelled, or
 * `api` could not be read (a backend error). Undefined when the wait has a value (or none) to judge.
 */
export function deliveryWaitEnded(a: AlertAttempt, found: PollResult<unknown>, route: string, api: string): AlertAttempt | undefined {
  a.wait.delivery = found.outcome
  if (found.outcome === 'cancelled') {
    a.outcome = 'cancelled'
    return decideAttempt(a, route)
  }
  if (found.outcome === 'backend_error') return routedError(a, route, `${api} could not be read: ${found.error}`)
  return undefined
}

/**
 * The acknowledgement wait is over: cancelled, `api` could not be read (the acknowledged fact is an
 * error), or not acknowledged by the deadline; then decide the attempt.
 */
export function ackWaitEnded(a: AlertAttempt, acked: PollResult<unknown>, p: PlannedAlertTest, api: string): AlertAttempt {
  if (acked.outcome === 'cancelled') a.outcome = 'cancelled'
  if (acked.outcome === 'backend_error') {
    a.facts.acknowledged.status = 'error'
    a.facts.acknowledged.detail = `${api} could not be read: ${acked.error}`
  }
  closeAckFact(a, acked.outcome, p.deadline)
  return decideAttempt(a, p.route.name)
}
