import type { GateResults } from '../artifacts/contracts/gate-results.js'
import type { GateResult } from '../gates/types.js'

/** gate-results.json: the four gates, their overall status, and whether the run is over. */
export function gateResultsDoc(gates: GateResult[], at: Date, final: boolean): GateResults {
  return { evaluated_at: at.toISOString(), status: gates.every((g) => g.status === 'pass') ? 'pass' : 'fail', final, gates }
}
