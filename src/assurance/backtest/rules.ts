/**
 * The rules in force, with what evaluating them over the past needs: the group's evaluation
 * interval, `for` and `keep_firing_for`. From the rules backend's /api/v1/rules and the
 * configured rule files.
 */
import { readFile } from 'node:fs/promises'
import { isAbsolute, join, relative } from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { ruleFileGroups } from '../../alerting/slo/rule-file.js'
import type { PrometheusRuleGroup } from '../../telemetry/prometheus/client.js'
import { durationSeconds } from '../../util/duration.js'
import { errorText } from '../../util/errors.js'
import { canonical } from './promql.js'

/** Prometheus's default `evaluation_interval`, used for a rule file group without `interval`. */
export const DEFAULT_INTERVAL_SECONDS = 60

export interface TimedRule {
  type: 'alerting' | 'recording'
  name: string
  expr: string
  labels: Record<string, string>
  group: string
  intervalSeconds: number
  forSeconds: number
  keepFiringForSeconds: number
  /** `prometheus:<backend>` or the rule file's path relative to the workspace. */
  source: string
}

export interface RuleSourceStatus {
  source: string
  status: 'ok' | 'error'
  detail: string
  rules: number
}

function labelsOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== null) out[k] = String(x)
  return out
}

function seconds(v: unknown, where: string): number {
  if (v === undefined || v === null || v === '') return 0
  if (typeof v === 'number') return v
  try {
    return durationSeconds(String(v))
  } catch {
    throw new Error(`${where}: expected a duration such as 5m, found ${JSON.stringify(v)}`)
  }
}

/** Rules of the groups from /api/v1/rules (interval and `for` in seconds there). */
export function rulesFromApi(groups: PrometheusRuleGroup[], source: string): TimedRule[] {
  const out: TimedRule[] = []
  for (const g of groups) {
    const interval = typeof g.interval === 'number' && g.interval > 0 ? g.interval : DEFAULT_INTERVAL_SECONDS
    for (const r of g.rules ?? []) {
      if (typeof r.name !== 'string' || typeof r.query !== 'string') continue
      if (r.type !== 'alerting' && r.type !== 'recording') continue
      out.push({
        type: r.type,
        name: r.name,
        expr: r.query,
        labels: labelsOf(r.labels),
        group: String(g.name ?? ''),
        intervalSeconds: interval,
        forSeconds: typeof r.duration === 'number' ? r.duration : 0,
        keepFiringForSeconds: typeof r.keepFiringFor === 'number' ? r.keepFiringFor : 0,
        source
      })
    }
  }
  return out
}

/** Rules of a Prometheus rule file (`groups[].rules[]`). */
export function rulesFromFile(text: string, source: string): TimedRule[] {
  const groups = ruleFileGroups(text, source) as Array<Record<string, unknown> | null>
  const out: TimedRule[] = []
  groups.forEach((g, gi) => {
    const interval = g?.interval !== undefined ? seconds(g.interval, `${source} groups[${gi}].interval`) : DEFAULT_INTERVAL_SECONDS
    const rules = Array.isArray(g?.rules) ? (g.rules as Array<Record<string, unknown>>) : []
    rules.forEach((r, ri) => {
      if (typeof r?.expr !== 'string' && typeof r?.expr !== 'number') return
      const where = `${source} groups[${gi}].rules[${ri}]`
      const base = { expr: String(r.expr), labels: labelsOf(r.labels), group: String(g?.name ?? ''), intervalSeconds: interval, source }
      if (typeof r.alert === 'string') {
        out.push({
          ...base,
          type: 'alerting',
          name: r.alert,
          forSeconds: seconds(r.for, `${where}.for`),
          keepFiringForSeconds: seconds(r.keep_firing_for, `${where}.keep_firing_for`)
        })
      } else if (typeof r.record === 'string') {
        out.push({ ...base, type: 'recording', name: r.record, forSeconds: 0, keepFiringForSeconds: 0 })
      }
    })
  })
  return out
}

export async function rulesFromFiles(patterns: string[], workspace: string): Promise<{ rules: TimedRule[]; sources: RuleSourceStatus[] }> {
  const files: string[] = []
  for (const p of patterns) {
    if (isDynamicPattern(p)) files.push(...(await glob(p, { cwd: workspace, absolute: true, onlyFiles: true })).sort())
    else files.push(isAbsolute(p) ? p : join(workspace, p))
  }
  const rules: TimedRule[] = []
  const sources: RuleSourceStatus[] = []
  if (patterns.length && files.length === 0)
    sources.push({ source: patterns.join(', '), status: 'error', detail: 'no file matches alerting.rule-files', rules: 0 })
  for (const abs of [...new Set(files)]) {
    const shown = relative(workspace, abs) || abs
    try {
      const found = rulesFromFile(await readFile(abs, 'utf8'), shown)
      rules.push(...found)
      sources.push({ source: shown, status: 'ok', detail: `${found.length} rule(s)`, rules: found.length })
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      sources.push({ source: shown, status: 'error', detail: code === 'ENOENT' ? 'no such rule file' : errorText(err), rules: 0 })
    }
  }
  return { rules, sources }
}

export interface AlertInForce extends TimedRule {
  /** Loaded by the rules backend (seen in /api/v1/rules). */
  loaded: boolean | null
  /** The other sources holding the same rule. */
  also_in: string[]
  /** Why the file's version and the loaded one differ, when they do. */
  differs?: string
}

/**
 * One entry per distinct alert rule (name, expression, labels): the loaded version first.
 * `loaded` is null when no rules backend was read, so nothing can be said about it.
 */
export function alertsInForce(api: TimedRule[] | undefined, files: TimedRule[]): AlertInForce[] {
  const key = (r: TimedRule): string => JSON.stringify([r.name, canonical(r.expr), Object.entries(r.labels).sort()])
  const out = new Map<string, AlertInForce>()
  // Each rule's key once, and the loaded rules indexed: no scan of the API's rules per rule.
  const keys = new Map<TimedRule, string>()
  const keyOf = (r: TimedRule): string => {
    let k = keys.get(r)
    if (k === undefined) keys.set(r, (k = key(r)))
    return k
  }
  const loadedKeys = new Set((api ?? []).map(keyOf))
  const loadedNames = new Set((api ?? []).filter((x) => x.type === 'alerting').map((x) => x.name))
  for (const r of [...(api ?? []), ...files].filter((x) => x.type === 'alerting')) {
    const k = keyOf(r)
    const seen = out.get(k)
    if (seen) {
      if (seen.source !== r.source && !seen.also_in.includes(r.source)) seen.also_in.push(r.source)
      continue
    }
    const loaded = api === undefined ? null : loadedKeys.has(k)
    const entry: AlertInForce = { ...r, loaded, also_in: [] }
    if (api && !loaded) {
      const same = loadedNames.has(r.name)
      entry.differs = same
        ? `the loaded rule ${r.name} has a different expression or labels than ${r.source}`
        : `no rule ${r.name} is loaded by the rules backend`
    }
    out.set(k, entry)
  }
  return [...out.values()]
}
