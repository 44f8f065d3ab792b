export type GateStatus = 'pass' | 'fail'

/** One criterion behind a gate, with the value that decided it. */
export interface GateCheck {
  name: string
  status: 'pass' | 'fail' | 'error'
  value: string
  threshold: string
}

export interface GateResult {
  id: 1 | 2 | 3 | 4
  name: string
  status: GateStatus
  /** Why the gate failed, each naming the service, file or check. Empty on pass. */
  reasons: string[]
  /** Backend errors among the reasons, listed apart: they are not failed checks. */
  errors: string[]
  checks: GateCheck[]
  evidence: string[]
}

export const GATE_NAMES = {
  1: 'Instrumentation Coverage Gate',
  2: 'Alert Validation Gate',
  3: 'Observability Assurance Gate',
  4: 'Handoff Package Gate'
} as const
