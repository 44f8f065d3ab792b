import type { GateResult } from '../gates/types.js'
import type { Logger } from '../util/log.js'

/** The seed's announcements, word for word. */
export const ANNOUNCE = {
  phase1: '[PHASE 1 START] - Reviewing deployment evidence to map monitoring requirements...',
  coverage: 'Validating instrumentation coverage across services and dependencies...',
  phase2: '[PHASE 2 START] - Activating dashboards and alert policies...',
  phase3: '[PHASE 3 START] - Scheduling ongoing observability validation tasks...',
  correlating: 'Correlating recent alerts with incident history to tune thresholds...',
  phase4: '[PHASE 4 START] - Delivering monitoring package to incident response and retrospective owners...',
  complete: (n: number, name: string) => `[PHASE ${n} COMPLETE] - ${name} finished successfully.`,
  automation: (script: string, status: string) => `[AUTOMATION] ${script} executed: ${status}`,
  handoff: '[HANDOFF CONFIRMATION] - Monitoring package compiled. Confirm delivery to Protocol 13? (yes/no)',
  protocolComplete: '[PROTOCOL COMPLETE] - Monitoring activated. Ready for Protocol 13 (Incident Response & Rollback).'
} as const

export const PHASE_NAMES = {
  1: 'Instrumentation Alignment and Baseline Capture',
  2: 'Monitoring Activation and Alert Validation',
  3: 'Continuous Observability Assurance',
  4: 'Handoff and Improvement Loop'
} as const

export function announceGate(log: Logger, gate: GateResult): void {
  if (gate.status === 'pass') {
    log.info(ANNOUNCE.complete(gate.id, PHASE_NAMES[gate.id]))
    return
  }
  log.info(`Gate ${gate.id} (${gate.name}): FAIL`)
  for (const r of gate.reasons.slice(0, 20)) log.error(r, { title: `Gate ${gate.id}: ${gate.name}` })
  for (const e of gate.errors.slice(0, 20)) log.error(`backend error: ${e}`, { title: `Gate ${gate.id}: ${gate.name}` })
}
