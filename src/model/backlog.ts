/**
 * One improvement action found by the run (a coverage gap, a misaligned alert, a failed alert
 * test...). It becomes a line in improvement-backlog.md and one GitHub issue, found again on
 * later runs by its fingerprint, never by its title.
 */
import { byText } from '../util/order.js'
export interface BacklogItem {
  /** Stable across runs: derived from what the item is about (kind, service, signal/route/SLO). */
  fingerprint: string
  /** e.g. coverage_gap, alert_rule, alert_path, dashboard, baseline_regression, claim_refuted, approval. */
  kind: string
  service?: string
  priority: 'high' | 'medium' | 'low'
  /** Plain text; renderers escape it. */
  title: string
  summary: string
  /** The deciding values: label -> value, shown as a table. Plain text. */
  evidence: Array<{ label: string; value: string }>
  /** Which gate this item makes fail, if any. */
  gate?: 1 | 2 | 3 | 4
  /** What to do about it, in plain words. */
  action?: string
  /** How to check the fix locally: a command to run (curl, promtool, amtool, the CLI). */
  verify?: string
  /** The query that showed it, and the backend it ran on. */
  query?: { backend?: string; expr: string }
  /** When the deciding value was seen (ISO 8601). */
  observedAt?: string
  /** Where to look: the query in the backend's UI, the runbook, a dashboard. */
  links?: Array<{ label: string; url: string }>
  /** GitHub users to assign: the service's owners (services[].github-assignees). */
  assignees?: string[]
}

const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const

/** Highest priority first; within a priority, items that fail a gate, then by fingerprint. */
export function byPriority(a: BacklogItem, b: BacklogItem): number {
  return PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || (a.gate ?? 9) - (b.gate ?? 9) || byText(a.fingerprint, b.fingerprint)
}

/** Fingerprint from the parts that identify an item; never from wording. */
export function fingerprint(...parts: Array<string | undefined>): string {
  return parts
    .filter((p): p is string => p !== undefined && p !== '')
    .map((p) => p.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'))
    .join(':')
}
