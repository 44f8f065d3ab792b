/** Types of oncall-simulator.mjs, for the TypeScript tests that use it. */

export interface Delivery {
  receiver: string
  kind: 'alertmanager' | 'webhook'
  /** The payload's status (for Alertmanager, the group's). */
  status: string
  at: string
  alerts: Array<{ status: string; labels: Record<string, string> }>
}

export interface AckRecord {
  receiver: string
  delivered_at: string
  acknowledged_at: string | null
  acknowledged_by: string | null
}

export interface OnCallSimulatorOptions {
  /** Port on 127.0.0.1; 0 (the default) asks the OS for a free one. */
  port?: number
  /** Milliseconds until a person acknowledges an alert delivered to this receiver (null: never); 0 by default. */
  ackDelayMs?: number | ((receiver: string, labels: Record<string, string>) => number | null)
  /** Who acknowledges; `oncall-<receiver>` by default. */
  person?: string | ((receiver: string) => string)
  /** The body served at /ack/<test_id> (status 200), in place of the record itself. */
  answer?: (record: AckRecord, labels: Record<string, string>) => unknown
}

export declare class OnCallSimulator {
  constructor(opts?: OnCallSimulatorOptions)
  readonly deliveries: Delivery[]
  readonly invalid: Array<{ path: string; problem: string; body: string }>
  /** Every read of /ack/<test_id>, with its time. */
  readonly ackReads: Array<{ testId: string; acknowledged: boolean; at: string }>
  url: string
  start(): Promise<this>
  stop(): Promise<void>
  /** Deliveries that carried the alert with this test id. */
  deliveriesOf(testId: string): Delivery[]
}

export declare function startOnCallSimulator(opts?: OnCallSimulatorOptions): Promise<OnCallSimulator>
