export type GateStatus = 'pass' | 'fail'

/** gate-results.json's gates and checks: the types come from its contract. */
export type { GateCheck, GateResult } from '../artifacts/contracts/gate-results.js'

export const GATE_NAMES = {
  1: 'Instrumentation Coverage Gate',
  2: 'Alert Validation Gate',
  3: 'Observability Assurance Gate',
  4: 'Handoff Package Gate'
} as const
