/**
 * The cases every on-call tool's path is tried with: routes named `cheat-<kind>` whose test ids
 * (and labels) tell the stand-in how to acknowledge, and the reason each must fail with.
 */
import type { AlertTest, AlertTestResults } from '../../src/alerting/types.js'

export const CHEATS = ['before', 'future', 'bot', 'no-time', 'late', 'never'] as const
export type Cheat = (typeof CHEATS)[number]

export const cheatRoute = (
  kind: Cheat,
  expect: string,
  labels: Record<string, string> = {}
): { name: string; labels: Record<string, string>; 'expect-receiver': string } => ({
  name: `cheat-${kind}`,
  labels: { severity: 'critical', cheat: kind, ...labels },
  'expect-receiver': expect
})

/** Which cheat a test id or label set belongs to. */
export function cheatOf(testIdOrLabel: string): Cheat | undefined {
  return CHEATS.find((c) => testIdOrLabel === c || testIdOrLabel.includes(`-cheat-${c}-`))
}

/** When, relative to the real acknowledgement time, the on-call side claims it happened (null: no time). */
export function claimedAckTime(kind: Cheat | undefined, triggerMs: number, realMs: number): number | null {
  if (kind === 'before') return Date.UTC(2000, 0, 1)
  if (kind === 'future') return realMs + 86_400_000
  if (kind === 'no-time') return null
  return realMs
}

export const ackDelayFor = (kind: Cheat | undefined): number | null => (kind === 'never' ? null : kind === 'late' ? 2600 : 300)

/** The refusal or outcome each cheat must produce. */
export function expectCheats(r: AlertTestResults, bot: string): void {
  const t = (k: Cheat): AlertTest => r.tests.find((x) => x.route === `cheat-${k}`)!
  const refusals = (k: Cheat): string =>
    t(k)
      .attempts![0]!.facts.acknowledged.refusals.map((x) => x.reason)
      .join(' | ')
  expect(r.overall_status).toBe('failed')
  expect(t('before').outcome).toBe('acknowledgement_refused')
  expect(refusals('before')).toMatch(/^acknowledged before the alert was sent \(2000-01-01T00:00:00.000Z/)
  expect(t('future').outcome).toBe('acknowledgement_refused')
  expect(refusals('future')).toMatch(/^acknowledged in the future/)
  expect(t('bot').outcome).toBe('acknowledgement_refused')
  expect(refusals('bot')).toContain(`acknowledged by an integration (${bot}`)
  expect(t('no-time').outcome).toBe('acknowledgement_refused')
  expect(refusals('no-time')).toMatch(/no acknowledgement time: a flag or state without a time is not an acknowledgement/)
  expect(t('late').outcome).toBe('acknowledged_late')
  expect(t('late').reason).toMatch(/beyond the 2 s SLA/)
  expect(t('never').outcome).toBe('not_acknowledged')
  expect(t('never').wait.acknowledgement).toBe('timed_out')
  for (const x of r.tests) {
    expect(x.status).toBe('failed')
    expect(x.sla_met).toBe(false)
    expect(x.resolved).toBe(true)
    expect(x.attempts![0]!.facts.delivered.status).toBe('confirmed')
  }
}
