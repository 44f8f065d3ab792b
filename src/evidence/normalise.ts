import type { CheckStatus, Risk } from './model.js'

const PASS = new Set(['pass', 'passed', 'passing', 'success', 'successful', 'succeeded', 'ok', 'green'])
const FAIL = new Set(['fail', 'failed', 'failing', 'failure', 'error', 'red'])
const WARN = new Set(['warn', 'warning', 'warnings', 'degraded', 'yellow'])

/** pass/fail/warn from the spellings deploy tools use; undefined for anything else. */
export function normaliseCheckStatus(value: string): CheckStatus | undefined {
  const v = value.trim().toLowerCase()
  if (PASS.has(v)) return 'pass'
  if (FAIL.has(v)) return 'fail'
  if (WARN.has(v)) return 'warn'
  return undefined
}

/**
 * A success rate as a fraction. Values up to 1 are already fractions (so 1 means 100%), larger
 * ones are percents. The caller has checked the 0..100 range.
 */
export function successRateFraction(value: number): number {
  return value <= 1 ? value : value / 100
}

export function normaliseSeverity(text: string): Risk['severity'] {
  const t = text.toLowerCase()
  if (/\b(critical|crit|blocker|sev-?0|sev-?1|p0)\b|🔴/u.test(t)) return 'critical'
  if (/\b(high|major|sev-?2|p1)\b|🟠/u.test(t)) return 'high'
  if (/\b(medium|med|moderate|sev-?3|p2)\b|🟡/u.test(t)) return 'medium'
  if (/\b(low|minor|sev-?4|sev-?5|p3|p4)\b|🟢/u.test(t)) return 'low'
  return 'unknown'
}

/** A severity word at the start of a text, used to split "High: payments ..." in bullets. */
export const SEVERITY_WORD = /^(critical|crit|blocker|high|major|medium|med|moderate|low|minor|sev-?\d|p\d)\b/i

/** Durations in evidence text are read by the one duration module. */
export { parseLooseDurationSeconds as parseDurationSeconds } from '../util/duration.js'

/** "240ms" -> 240 ms; "1,200 req/s" -> 1200 req/s; "0.4%" -> 0.4 %. */
export function parseMeasure(text: string): { numeric_value?: number; unit?: string } {
  const m = /^[<>≤≥~≈=]*\s*(-?\d[\d,]*(?:\.\d+)?|-?\.\d+)\s*([^\s(]*)/u.exec(text.trim())
  if (!m || m[1] === undefined) return {}
  const n = Number(m[1].replace(/,/g, ''))
  if (!Number.isFinite(n)) return {}
  const unit = m[2] ? m[2].replace(/[.,;]+$/, '') : ''
  return unit ? { numeric_value: n, unit } : { numeric_value: n }
}

/** Status of a metric row from words or emoji: ok, warn, breached; undefined if none is said. */
export function normaliseMetricStatus(text: string): 'ok' | 'warn' | 'breached' | undefined {
  const t = text.toLowerCase()
  if (/❌|🔴|✗|✘|\b(breach(ed)?|violat(ed|ion)|fail(ed|ing)?|exceed(ed|s)?|over (slo|threshold|budget)|critical|red)\b/u.test(t))
    return 'breached'
  if (/⚠|🟡|\b(warn(ing)?|degraded|at risk|near(ing)? (threshold|limit)|yellow)\b/u.test(t)) return 'warn'
  if (/✅|✔|☑|🟢|\b(ok|okay|pass(ed)?|healthy|good|green|within (slo|threshold|target|budget|limits?)|met|meets|normal|nominal)\b/u.test(t))
    return 'ok'
  return undefined
}

/** Overall metrics status from a sentence such as "All metrics within SLO" or "SLO breached". */
export function normaliseMetricsStatus(text: string): 'within_slo' | 'breached' | 'unknown' | undefined {
  const t = text.toLowerCase().replace(/[_-]/g, ' ')
  if (/\bunknown\b|\bno data\b/.test(t)) return 'unknown'
  if (/\b(breach(ed|es)?|violat(ed|ion)|outside|exceed(ed)?|not within|failed|red)\b|❌/u.test(t)) return 'breached'
  if (
    /\b(within( the)? (slos?|thresholds?|targets?|budgets?|limits?)|healthy|green|all (metrics )?(ok|green|passing|nominal)|met|pass(ed)?|ok)\b|✅/u.test(
      t
    )
  )
    return 'within_slo'
  return undefined
}

/**
 * A yes/no cell such as the "Critical" column. Undefined when the text says neither, so the caller
 * can report it rather than guess.
 */
export function parseYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase()
  if (t === '' || /^(-|—|–|n\/a|none)$/.test(t)) return false
  // Emoji are not word characters, so the end of a word is spelled out instead of \b.
  const end = '(?=$|[\\s,.;:()/-])'
  if (new RegExp(`^(yes|y|true|✅|✔️?|✓|☑️?|x|critical|tier[ -]?[01]|p0|p1|high|new|added)${end}`, 'u').test(t)) return true
  if (
    new RegExp(`^(no|n|false|❌|✗|✘|non[- ]?critical|not critical|tier[ -]?[2-9]|low|changed|existing|modified|updated)${end}`, 'u').test(t)
  )
    return false
  return undefined
}
