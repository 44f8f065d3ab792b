/**
 * Alertmanager's own notification counters from /metrics (text exposition format):
 * `alertmanager_notifications_total` / `_failed_total` count notifications (a failure is counted
 * once its retries give up), `alertmanager_notification_requests_total` / `_failed_total` count
 * each request as it is made.
 */
type Counts = { total: number; failed: number; requests: number; requestsFailed: number }
export interface NotificationCounters {
  /** `integration` or `integration/receiver` -> counts. */
  [key: string]: Counts
}

const LINE = /^alertmanager_notification(s|_requests)(_failed)?_total\{([^}]*)\}\s+(\S+)/

export function parseNotificationCounters(text: string): NotificationCounters {
  const out: NotificationCounters = {}
  for (const line of text.split('\n')) {
    const m = LINE.exec(line)
    if (!m) continue
    const labels = Object.fromEntries([...m[3]!.matchAll(/([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1]!, x[2]!]))
    // Newer versions count per receiver as well (receiver_name); older ones only per integration.
    const key = labels.receiver_name ? `${labels.integration}/${labels.receiver_name}` : String(labels.integration)
    const v = Number(m[4])
    const c = (out[key] ??= { total: 0, failed: 0, requests: 0, requestsFailed: 0 })
    const field: keyof Counts = m[1] === 's' ? (m[2] ? 'failed' : 'total') : m[2] ? 'requestsFailed' : 'requests'
    c[field] += v
  }
  return out
}

/** The counters' rise between two readings for a receiver's integrations, as text. */
export function counterDelta(
  before: NotificationCounters,
  after: NotificationCounters,
  integrations: string[],
  receiver: string
): string[] {
  const zero: Counts = { total: 0, failed: 0, requests: 0, requestsFailed: 0 }
  return integrations.map((i) => {
    const key = after[`${i}/${receiver}`] ? `${i}/${receiver}` : i
    const a = after[key] ?? zero
    const b = before[key] ?? zero
    const scope = key.includes('/') ? `integration="${i}",receiver_name="${receiver}"` : `integration="${i}", all receivers`
    return (
      `alertmanager_notifications_total{${scope}} +${a.total - b.total}, alertmanager_notifications_failed_total{${scope}} +${a.failed - b.failed}, ` +
      `alertmanager_notification_requests_total{${scope}} +${a.requests - b.requests}, alertmanager_notification_requests_failed_total{${scope}} +${a.requestsFailed - b.requestsFailed}`
    )
  })
}
