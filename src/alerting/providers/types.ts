import type { AlertingConfig } from '../../config/schema.js'
import type { AlertTest } from '../types.js'

export type RouteConfig = AlertingConfig['routes'][number]

/** One synthetic alert to send: which route, under which id, and until when to wait. */
export interface PlannedAlertTest {
  test_id: string
  route: RouteConfig
  alert_name: string
  sla_seconds: number
  /** Epoch ms after which no wait (delivery or acknowledgement) continues. */
  deadline: number
}

/** A paging path that can carry a synthetic alert end to end. */
export interface AlertProvider {
  readonly name: AlertTest['provider']
  /**
   * Trigger the alert, confirm where it was delivered and when a human acknowledged it, and
   * always resolve it afterwards, also when a step fails. Never throws: failures are recorded.
   */
  run(test: PlannedAlertTest): Promise<AlertTest>
}

/** An acknowledgement as read from the on-call side. */
export interface Acknowledgement {
  acknowledged_at: string
  acknowledged_by?: string
  /** The receiver the on-call side got the alert on, when it says. */
  receiver?: string
  /** When the on-call side received the notification, when it says. */
  notified_at?: string
}

/** Where acknowledgements are read from, for paths that have no acknowledgement of their own. */
export interface AckSource {
  /** For messages, e.g. the ack URL without credentials. */
  readonly description: string
  /** The acknowledgement of a test, or undefined while there is none. Throws BackendError. */
  check(testId: string): Promise<Acknowledgement | undefined>
  readonly pollMs: number
}
