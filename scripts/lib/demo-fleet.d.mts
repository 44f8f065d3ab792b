/** Types of demo-fleet.mjs, for the TypeScript tests that use it. */

/** Service i (1-based) of a fleet of n, zero-padded to the fleet size's width, at least 3 digits (`svc-0042`). */
export function fleetServiceName(i: number, n: number): string

/** Protocol 11 evidence for services svc-001..svc-<n>: the validation's data and the two Markdown files' texts. */
export function fleetEvidence(
  n: number,
  exporterPort: number,
  opts?: { fleetSize?: number; now?: Date }
): { validation: Record<string, unknown>; report: string; healthLog: string }
