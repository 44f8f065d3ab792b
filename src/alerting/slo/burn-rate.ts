import type { SloConfig } from '../../config/schema.js'
import type { BurnRateAlert } from '../types.js'
import { durationSeconds } from '../../util/duration.js'

/**
 * Multi-window, multi-burn-rate SLO alerts (Google SRE Workbook, "Alerting on SLOs"). Each alert
 * fires when a given share of the error budget is spent within its long window; the short window
 * (1/12 of the long one) makes the alert stop soon after the burn stops.
 */
export interface BurnRatePolicy {
  severity: 'page' | 'ticket'
  /** Share of the whole period's error budget spent within the long window. */
  budgetFraction: number
  longWindow: string
  shortWindow: string
}

/** The Workbook's policy: for a 30-day SLO these give 14.4x, 6x and 1x. */
export const DEFAULT_BURN_RATE_POLICY: readonly BurnRatePolicy[] = [
  { severity: 'page', budgetFraction: 0.02, longWindow: '1h', shortWindow: '5m' },
  { severity: 'page', budgetFraction: 0.05, longWindow: '6h', shortWindow: '30m' },
  { severity: 'ticket', budgetFraction: 0.1, longWindow: '3d', shortWindow: '6h' }
]

export interface BurnRateThreshold extends BurnRateAlert {
  budgetFraction: number
  /** The error ratio the alert compares against: factor x (1 - objective). */
  errorRatioThreshold: number
}

/** Round away binary floating-point noise (0.02 * 720 = 14.400000000000002). */
export function roundSignificant(x: number, digits = 12): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits))
}

/** Burn-rate factor: budget fraction x (SLO period / long window). */
export function burnRateFactor(budgetFraction: number, periodSeconds: number, longWindowSeconds: number): number {
  if (!(periodSeconds > 0) || !(longWindowSeconds > 0)) throw new Error('period and window must be positive')
  return roundSignificant((budgetFraction * periodSeconds) / longWindowSeconds)
}

/** The error budget as a ratio: 99.9 -> 0.001. */
export function errorBudget(objectivePercent: number): number {
  if (!(objectivePercent > 0 && objectivePercent < 100)) throw new Error(`objective must be within (0, 100): ${objectivePercent}`)
  return roundSignificant(1 - objectivePercent / 100)
}

/** Error-ratio threshold = factor x (1 - objective). */
export function errorRatioThreshold(factor: number, objectivePercent: number): number {
  return roundSignificant(factor * errorBudget(objectivePercent))
}

/** The burn-rate alerts an SLO needs, with factors recomputed for its window. */
export function burnRateAlerts(
  slo: Pick<SloConfig, 'objective' | 'window'>,
  policy: readonly BurnRatePolicy[] = DEFAULT_BURN_RATE_POLICY
): BurnRateThreshold[] {
  const period = durationSeconds(slo.window)
  return policy.map((p) => {
    const long = durationSeconds(p.longWindow)
    // The threshold is computed from the unrounded factor so that it carries no rounding of its own.
    const rawFactor = (p.budgetFraction * period) / long
    const factor = burnRateFactor(p.budgetFraction, period, long)
    return {
      severity: p.severity,
      longWindow: p.longWindow,
      shortWindow: p.shortWindow,
      factor,
      budgetFraction: p.budgetFraction,
      errorRatioThreshold: errorRatioThreshold(rawFactor, slo.objective)
    }
  })
}

/** Whether a found factor is within tolerancePercent of the expected one. */
export function factorMatches(found: number, expected: number, tolerancePercent: number): boolean {
  return Math.abs(found - expected) <= (Math.abs(expected) * tolerancePercent) / 100 + 1e-12
}
