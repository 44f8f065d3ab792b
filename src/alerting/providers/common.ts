import { BackendError } from '../../util/errors.js'
import type { AlertTest, WaitOutcome } from '../types.js'
import type { AckSource, Acknowledgement, PlannedAlertTest } from './types.js'

/** The seed's AlertFailure message; every failed alert test's reason starts with it. */
export const ALERT_FAILURE = '[ERROR] Synthetic alert did not reach on-call responder.'

/** The alertname synthetic alerts carry. */
export const SYNTHETIC_ALERT_NAME = 'SreMonitoringSyntheticTest'

export function newTestRecord(p: PlannedAlertTest, provider: AlertTest['provider']): AlertTest {
  return {
    test_id: p.test_id,
    route: p.route.name,
    alert_name: p.alert_name,
    provider,
    expected_receiver: p.route['expect-receiver'],
    actual_receivers: [],
    triggered_at: null,
    delivered_at: null,
    acknowledged_at: null,
    acknowledgement_time_seconds: null,
    sla_seconds: p.sla_seconds,
    sla_met: false,
    status: 'not_run',
    wait: { delivery: 'not_started', acknowledgement: 'not_started' },
    resolved: false,
    reason: ''
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export interface PollResult<T> {
  outcome: WaitOutcome
  value?: T
  error?: string
}

/**
 * Poll until fn returns a value or the deadline passes. Intervals grow from firstMs to maxMs so a
 * fast path is seen quickly without hammering a slow one. A BackendError ends the wait.
 */
export async function pollUntil<T>(
  fn: () => Promise<T | undefined>,
  opts: { deadline: number; firstMs: number; maxMs: number }
): Promise<PollResult<T>> {
  let interval = opts.firstMs
  for (;;) {
    try {
      const v = await fn()
      if (v !== undefined) return { outcome: 'completed', value: v }
    } catch (err) {
      if (err instanceof BackendError) return { outcome: 'backend_error', error: err.message }
      throw err
    }
    const left = opts.deadline - Date.now()
    if (left <= 0) return { outcome: 'timed_out' }
    await sleep(Math.min(interval, left))
    interval = Math.min(opts.maxMs, interval * 1.5)
  }
}

/**
 * Wait for a person's acknowledgement of a test and record it on the test: how the wait ended,
 * who acknowledged and when. An unreadable source makes the test an `error`.
 */
export async function recordAcknowledgement(t: AlertTest, source: AckSource, p: PlannedAlertTest): Promise<Acknowledgement | undefined> {
  const ack = await waitForAck(source, p)
  t.wait.acknowledgement = ack.outcome
  if (ack.outcome === 'backend_error') {
    t.status = 'error'
    t.reason = `The acknowledgement source ${source.description} could not be read: ${ack.error}`
  }
  if (ack.value) {
    t.acknowledged_at = ack.value.acknowledged_at
    if (ack.value.acknowledged_by) t.acknowledged_by = ack.value.acknowledged_by
    if (ack.value.notified_at) t.notified_at = ack.value.notified_at
  }
  return ack.value
}

/** Wait for the acknowledgement of a test from an ack source, bounded by the test's deadline. */
export async function waitForAck(ack: AckSource, p: PlannedAlertTest): Promise<PollResult<Acknowledgement>> {
  return pollUntil(() => ack.check(p.test_id), { deadline: p.deadline, firstMs: Math.min(100, ack.pollMs), maxMs: ack.pollMs })
}

export const seconds = (fromIso: string, toIso: string): number =>
  Math.round((Date.parse(toIso) - Date.parse(fromIso))) / 1000

export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err))

function describeActual(t: AlertTest): string {
  return t.actual_receivers.length ? t.actual_receivers.join(', ') : 'none'
}

/** The failure text: the seed's message, the route, and expected and actual receiver. */
export function failureReason(t: AlertTest, detail: string): string {
  return `${ALERT_FAILURE} Route "${t.route}": expected receiver "${t.expected_receiver}", actual: ${describeActual(t)}. ${detail}`
}

/**
 * Decide a test from what was observed. An `error` (the path's backend could not answer) is kept;
 * otherwise the test passes only when it was delivered to the expected receiver and a human
 * acknowledged it within the SLA.
 */
export function conclude(t: AlertTest, notes: { ackUnavailable?: string; receiverFromAck?: boolean } = {}): AlertTest {
  if (t.acknowledged_at && t.triggered_at) t.acknowledgement_time_seconds = seconds(t.triggered_at, t.acknowledged_at)
  t.sla_met = t.acknowledgement_time_seconds !== null && t.acknowledgement_time_seconds <= t.sla_seconds
  if (t.status === 'error') return t
  if (!t.delivered_at) {
    t.status = 'failed'
    t.reason = failureReason(t, `Not delivered (delivery wait: ${t.wait.delivery}).${t.reason ? ` ${t.reason}` : ''}`)
  } else if (!t.actual_receivers.includes(t.expected_receiver) && !(notes.receiverFromAck && !t.acknowledged_at)) {
    t.status = 'failed'
    t.reason = failureReason(t, `Delivered to the wrong receiver.${t.reason ? ` ${t.reason}` : ''}`)
  } else if (!t.acknowledged_at) {
    t.status = 'failed'
    t.reason = failureReason(
      t,
      notes.ackUnavailable
        ? `Delivered, but the acknowledgement was not verified: ${notes.ackUnavailable}`
        : `Delivered, but no human acknowledged it within ${t.sla_seconds} s (acknowledgement wait: ${t.wait.acknowledgement}).${t.reason ? ` ${t.reason}` : ''}`
    )
  } else if (!t.sla_met) {
    t.status = 'failed'
    t.reason = failureReason(t, `Acknowledged after ${t.acknowledgement_time_seconds} s, beyond the ${t.sla_seconds} s SLA.`)
  } else {
    t.status = 'passed'
    t.reason = `Delivered to ${t.expected_receiver} and acknowledged${t.acknowledged_by ? ` by ${t.acknowledged_by}` : ''} in ${t.acknowledgement_time_seconds} s (SLA ${t.sla_seconds} s).`
  }
  return t
}
