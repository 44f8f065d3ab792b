import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative } from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'
import type { SloConfig } from '../../config/schema.js'
import type { ResolvedService, RunContext } from '../../model/monitoring-model.js'
import { BackendError } from '../../util/errors.js'
import { authHeaders, httpRequest, redactUrl } from '../../util/http.js'
import type { RuleFinding, SloAlignment } from '../types.js'
import { burnRateAlerts, errorBudget, factorMatches, roundSignificant, type BurnRateThreshold } from './burn-rate.js'
import { comparisonThresholds, dividesBy, firstSelector, metricNames, referencesWindow, selectsValue, vectorReferences } from './promql.js'
import { errorRatioQuery, sloQueries } from './slos.js'

/** The package file the suggested rules are written to. */
export const SUGGESTED_RULES_FILE = 'suggested-alert-rules.yml'

/** A rule from Prometheus's /api/v1/rules or a rule file. */
export interface LoadedRule {
  type: 'alerting' | 'recording'
  name: string
  expr: string
  labels: Record<string, string>
  /** `prometheus:<backend>` or the rule file's path relative to the workspace. */
  source: string
}

const PAGE_SEVERITIES = new Set(['page', 'critical'])
const TICKET_SEVERITIES = new Set(['ticket', 'warning', 'info'])

function severityOf(rule: LoadedRule): 'page' | 'ticket' | undefined {
  const s = (rule.labels.severity ?? '').toLowerCase()
  if (PAGE_SEVERITIES.has(s)) return 'page'
  if (TICKET_SEVERITIES.has(s)) return 'ticket'
  return undefined
}

function toLabels(v: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== null) out[k] = String(x)
  return out
}

/** Rules from a Prometheus rule file's text (`groups[].rules[]`). */
export function parseRuleFile(text: string, source: string): LoadedRule[] {
  const data = parseYaml(text) as unknown
  const groups = (data as { groups?: unknown })?.groups
  if (!Array.isArray(groups)) throw new Error(`${source}: not a Prometheus rule file (no groups list)`)
  const out: LoadedRule[] = []
  for (const g of groups) {
    const rules = (g as { rules?: unknown })?.rules
    if (!Array.isArray(rules)) continue
    for (const r of rules as Array<Record<string, unknown>>) {
      if (typeof r?.expr !== 'string' && typeof r?.expr !== 'number') continue
      const expr = String(r.expr)
      if (typeof r.alert === 'string') out.push({ type: 'alerting', name: r.alert, expr, labels: toLabels(r.labels), source })
      else if (typeof r.record === 'string') out.push({ type: 'recording', name: r.record, expr, labels: toLabels(r.labels), source })
    }
  }
  return out
}

/** Rules in force, from Prometheus's rules API. */
export async function fetchPrometheusRules(ctx: RunContext, backendName: string): Promise<LoadedRule[]> {
  const backend = ctx.config.backends[backendName]
  if (!backend) throw new BackendError(backendName, 'config', `alerting.rules-backend names an unknown backend "${backendName}"`)
  if (backend.type !== 'prometheus') throw new BackendError(backendName, 'config', `rules-backend must be a prometheus backend, not ${backend.type}`)
  const url = `${backend.url.replace(/\/+$/, '')}/api/v1/rules`
  const res = await httpRequest({
    backend: backendName,
    url,
    headers: { Accept: 'application/json', ...authHeaders(backend.auth, backend.headers, ctx.env, ctx.log, backendName) },
    timeoutMs: backend['timeout-seconds'] * 1000,
    retries: backend.retries
  })
  if (res.status !== 200) throw new BackendError(backendName, `GET ${redactUrl(url)}`, `HTTP ${res.status}`, res.status)
  let body: { status?: string; data?: { groups?: Array<{ file?: string; rules?: Array<Record<string, unknown>> }> } }
  try {
    body = JSON.parse(res.text) as typeof body
  } catch {
    throw new BackendError(backendName, `GET ${redactUrl(url)}`, 'answer is not JSON')
  }
  if (body.status !== 'success' || !Array.isArray(body.data?.groups)) {
    throw new BackendError(backendName, `GET ${redactUrl(url)}`, 'answer has no data.groups')
  }
  const out: LoadedRule[] = []
  for (const g of body.data.groups) {
    for (const r of g.rules ?? []) {
      if (typeof r.name !== 'string' || typeof r.query !== 'string') continue
      const type = r.type === 'alerting' ? 'alerting' : r.type === 'recording' ? 'recording' : undefined
      if (type) out.push({ type, name: r.name, expr: r.query, labels: toLabels(r.labels), source: `prometheus:${backendName}` })
    }
  }
  return out
}

async function resolveRuleFiles(patterns: string[], workspace: string): Promise<string[]> {
  const files: string[] = []
  for (const p of patterns) {
    if (isDynamicPattern(p)) files.push(...(await glob(p, { cwd: workspace, absolute: true, onlyFiles: true })).sort())
    else files.push(isAbsolute(p) ? p : join(workspace, p))
  }
  return [...new Set(files)]
}

/** All rules, with recording rules expanded into the text of the alerts that use them. */
export class RuleIndex {
  readonly rules: LoadedRule[]
  private readonly recording = new Map<string, LoadedRule[]>()

  constructor(rules: LoadedRule[]) {
    this.rules = rules
    for (const r of rules) if (r.type === 'recording') this.recording.set(r.name, [...(this.recording.get(r.name) ?? []), r])
  }

  get alerts(): LoadedRule[] {
    return this.rules.filter((r) => r.type === 'alerting')
  }

  /**
   * The rule's expression followed by the expressions of the recording rules it references,
   * transitively. A recording rule whose labels contradict the reference's matchers is left out,
   * so `ratio_rate1h{slo="a"}` does not pull in the rule recorded for SLO b.
   */
  expanded(expr: string, depth = 0): string {
    if (depth > 8) return expr
    const parts = [expr]
    for (const ref of vectorReferences(expr)) {
      for (const rec of this.recording.get(ref.name) ?? []) {
        const contradicts = ref.matchers.some((m) => m.op === '=' && rec.labels[m.label] !== undefined && rec.labels[m.label] !== m.value)
        if (!contradicts) parts.push(this.expanded(rec.expr, depth + 1))
      }
    }
    return parts.join('\n')
  }

  /** Metric names read by a rule, recording rules replaced by what they read. */
  baseMetrics(expr: string): Set<string> {
    return new Set(metricNames(this.expanded(expr)).filter((n) => !this.recording.has(n)))
  }
}

function serviceValues(service: ResolvedService | undefined, name: string, serviceLabel: string): Array<{ label?: string; value: string }> {
  const out: Array<{ label?: string; value: string }> = [{ label: serviceLabel, value: name }, { value: name }]
  for (const [label, value] of Object.entries(service?.selector ?? {})) out.push({ label, value })
  return out
}

/** Whether an alert is about a service: by its labels or by a matcher in its (expanded) expression. */
function aboutService(rule: LoadedRule, expanded: string, values: Array<{ label?: string; value: string }>, serviceLabel: string, name: string): boolean {
  if (rule.labels[serviceLabel] === name || rule.labels.service === name) return true
  return values.some((v) => selectsValue(expanded, v.value, v.label))
}

/** The burn-rate factor a threshold stands for: a ratio is divided by the budget, a burn rate is itself. */
function thresholdFactors(rule: LoadedRule, expanded: string, budget: number): number[] {
  const isBurnRate = dividesBy(expanded, budget)
  return comparisonThresholds(rule.expr).map((v) => roundSignificant(isBurnRate || v >= 1 ? v : v / budget, 6))
}

function expectedText(slo: SloConfig, a: BurnRateThreshold): string {
  const budget = errorBudget(slo.objective)
  return `${a.severity} alert: error ratio over ${a.longWindow} and ${a.shortWindow} > ${a.factor} x (1 - ${roundSignificant(
    slo.objective / 100
  )}) = ${a.errorRatioThreshold} (budget ${budget})`
}

interface Candidate {
  rule: LoadedRule
  expanded: string
  severity: 'page' | 'ticket' | undefined
  factors: number[]
}

function checkSlo(slo: SloConfig, index: RuleIndex, ctx: RunContext, tolerance: number): RuleFinding[] {
  const serviceLabel = ctx.model.serviceLabel
  const service = ctx.model.services.find((s) => s.name === slo.service)
  const values = serviceValues(service, slo.service, serviceLabel)
  const budget = errorBudget(slo.objective)
  const sloMetrics = new Set(sloQueries(slo).flatMap((q) => metricNames(q.split('$window').join('5m'))))
  const queriesSelectService = sloQueries(slo).some((q) => values.some((v) => selectsValue(q, v.value, v.label)))

  const candidates: Candidate[] = []
  for (const rule of index.alerts) {
    const expanded = index.expanded(rule.expr)
    const bySloLabel = rule.labels.slo === slo.name
    const readsSlo = [...index.baseMetrics(rule.expr)].some((m) => sloMetrics.has(m))
    if (!bySloLabel && !(readsSlo && (!queriesSelectService || aboutService(rule, expanded, values, serviceLabel, slo.service)))) continue
    candidates.push({ rule, expanded, severity: severityOf(rule), factors: thresholdFactors(rule, expanded, budget) })
  }

  const expected = burnRateAlerts(slo)
  const findings: RuleFinding[] = []
  const used = new Set<string>()
  const key = (c: Candidate, f: number): string => `${c.rule.source}\u0000${c.rule.name}\u0000${c.rule.expr}\u0000${f}`
  const found = (c: Candidate, factor?: number): RuleFinding['found'] => ({
    rule: c.rule.name,
    source: c.rule.source,
    expr: c.rule.expr,
    ...(factor !== undefined ? { factor } : {})
  })

  // First pass: exact matches (right severity, factor within tolerance, long window evaluated).
  const matched = new Map<BurnRateThreshold, { c: Candidate; f: number }>()
  for (const e of expected) {
    for (const c of candidates) {
      if (c.severity !== e.severity) continue
      const f = c.factors.find((x) => factorMatches(x, e.factor, tolerance) && !used.has(key(c, x)))
      if (f !== undefined && referencesWindow(c.expanded, e.longWindow)) {
        matched.set(e, { c, f })
        used.add(key(c, f))
        break
      }
    }
  }

  for (const e of expected) {
    const base = { slo: slo.name, service: slo.service, kind: e.severity, long_window: e.longWindow, expected: expectedText(slo, e) } as const
    const m = matched.get(e)
    if (m) {
      const short = referencesWindow(m.c.expanded, e.shortWindow) ? '' : `; no ${e.shortWindow} short window found, so the alert resets slowly`
      findings.push({ ...base, found: found(m.c, m.f), status: 'aligned', reason: `${m.c.rule.name} fires at ${m.f}x over ${e.longWindow}${short}` })
      continue
    }
    // Same factor but wrong severity, or window not evaluated.
    const sameFactor = candidates.find((c) => c.factors.some((x) => factorMatches(x, e.factor, tolerance) && !used.has(key(c, x))))
    if (sameFactor) {
      const f = sameFactor.factors.find((x) => factorMatches(x, e.factor, tolerance))!
      const why =
        sameFactor.severity !== e.severity
          ? `${sameFactor.rule.name} has the ${e.factor}x threshold but severity "${sameFactor.rule.labels.severity ?? '(none)'}", expected ${e.severity}`
          : `${sameFactor.rule.name} has the ${e.factor}x threshold but does not evaluate the ${e.longWindow} window`
      findings.push({ ...base, found: found(sameFactor, f), status: 'misaligned', reason: why })
      continue
    }
    // Same severity with an unused, different factor: a threshold that does not match the SLO.
    const sameSeverity = candidates
      .filter((c) => c.severity === e.severity)
      .flatMap((c) => c.factors.filter((x) => !used.has(key(c, x))).map((f) => ({ c, f })))
      .sort((a, b) => Math.abs(a.f - e.factor) - Math.abs(b.f - e.factor))[0]
    if (sameSeverity) {
      used.add(key(sameSeverity.c, sameSeverity.f))
      findings.push({
        ...base,
        found: found(sameSeverity.c, sameSeverity.f),
        status: 'misaligned',
        reason: `${sameSeverity.c.rule.name} fires at ${sameSeverity.f}x (error ratio ${roundSignificant(sameSeverity.f * budget)}), expected ${e.factor}x (error ratio ${e.errorRatioThreshold}) within ${tolerance}%`
      })
      continue
    }
    const unreadable = candidates.find((c) => c.severity === e.severity && c.factors.length === 0)
    if (unreadable) {
      findings.push({ ...base, found: found(unreadable), status: 'misaligned', reason: `${unreadable.rule.name} reads the SLO's metrics but its threshold is not a constant that could be compared` })
      continue
    }
    findings.push({
      ...base,
      status: 'missing',
      reason: candidates.length
        ? `no ${e.severity} alert on this SLO's metrics fires at ${e.factor}x (found: ${candidates.map((c) => `${c.rule.name} [${c.severity ?? 'no severity'}]`).join(', ')})`
        : `no alert reads this SLO's metrics (${[...sloMetrics].join(', ') || 'no metric in its queries'})`
    })
  }
  return findings
}

function checkCriticalService(service: ResolvedService, slos: SloConfig[], index: RuleIndex, ctx: RunContext): RuleFinding[] {
  const serviceLabel = ctx.model.serviceLabel
  const values = serviceValues(service, service.name, serviceLabel)
  const about = index.alerts
    .map((rule) => ({ rule, expanded: index.expanded(rule.expr) }))
    .filter(({ rule, expanded }) => aboutService(rule, expanded, values, serviceLabel, service.name))
  const sloNames = slos.filter((s) => s.service === service.name).map((s) => s.name).join(', ')
  const base = { slo: sloNames, service: service.name }
  const paging = about.find(({ rule }) => severityOf(rule) === 'page')
  const absent = about.find(({ expanded }) => /\babsent(_over_time)?\s*\(/.test(expanded))
  return [
    paging
      ? { ...base, kind: 'service_page', expected: 'at least one paging alert (severity page or critical)', found: { rule: paging.rule.name, source: paging.rule.source, expr: paging.rule.expr }, status: 'aligned', reason: `${paging.rule.name} pages` }
      : { ...base, kind: 'service_page', expected: 'at least one paging alert (severity page or critical)', status: 'missing', reason: `no alert about ${service.name} has severity page or critical` },
    absent
      ? { ...base, kind: 'absent', expected: 'an absent()/absent_over_time() alert for missing telemetry', found: { rule: absent.rule.name, source: absent.rule.source, expr: absent.rule.expr }, status: 'aligned', reason: `${absent.rule.name} fires when telemetry disappears` }
      : { ...base, kind: 'absent', expected: 'an absent()/absent_over_time() alert for missing telemetry', status: 'missing', reason: `no absent()/absent_over_time() alert selects ${service.name}; an SLO alert stays silent when the metrics vanish` }
  ]
}

const alertName = (s: string, suffix: string): string =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('') + suffix

const recordName = (window: string): string => `slo:sli_error:ratio_rate${window}`

/** Suggested rules for the SLOs and services whose findings are not aligned. */
export function suggestRules(slos: SloConfig[], services: ResolvedService[], findings: RuleFinding[], serviceLabel: string): string | undefined {
  const bad = findings.filter((f) => f.status === 'missing' || f.status === 'misaligned')
  if (bad.length === 0) return undefined
  const groups: Array<{ name: string; rules: Array<Record<string, unknown>> }> = []
  const servicesNeedingPage = new Set(bad.filter((f) => f.kind === 'service_page').map((f) => f.service))
  const sloNeedsRules = (s: SloConfig): boolean =>
    bad.some((f) => f.slo === s.name && (f.kind === 'page' || f.kind === 'ticket')) || servicesNeedingPage.has(s.service)
  const coveredServices = new Set<string>()
  for (const slo of slos.filter(sloNeedsRules)) {
    const alerts = burnRateAlerts(slo)
    const windows = [...new Set(alerts.flatMap((a) => [a.shortWindow, a.longWindow]))]
    if (!errorRatioQuery(slo, '5m')) continue
    const labels = { slo: slo.name, [serviceLabel]: slo.service }
    const rules: Array<Record<string, unknown>> = windows.map((w) => ({ record: recordName(w), expr: errorRatioQuery(slo, w), labels }))
    const objective = roundSignificant(slo.objective / 100)
    const cond = (a: BurnRateThreshold): string =>
      `(${recordName(a.longWindow)}{slo="${slo.name}"} > (${a.factor} * (1 - ${objective})) and ${recordName(a.shortWindow)}{slo="${slo.name}"} > (${a.factor} * (1 - ${objective})))`
    for (const severity of ['page', 'ticket'] as const) {
      const these = alerts.filter((a) => a.severity === severity)
      if (these.length === 0) continue
      rules.push({
        alert: alertName(slo.name, severity === 'page' ? 'ErrorBudgetBurn' : 'ErrorBudgetBurnTicket'),
        expr: these.map(cond).join('\nor\n'),
        labels: { severity, ...labels },
        annotations: {
          summary: `${slo.name}: error budget burning at ${these.map((a) => `${a.factor}x over ${a.longWindow}`).join(' or ')} (objective ${slo.objective}% over ${slo.window})`
        }
      })
    }
    coveredServices.add(slo.service)
    groups.push({ name: `slo-${slo.name}`, rules })
  }
  const absentRules: Array<Record<string, unknown>> = []
  for (const svc of services.filter((s) => s.critical)) {
    const needAbsent = bad.some((f) => f.kind === 'absent' && f.service === svc.name)
    const needPage = servicesNeedingPage.has(svc.name) && !coveredServices.has(svc.name)
    if (!needAbsent && !needPage) continue
    const slo = slos.find((s) => s.service === svc.name && s['total-query'])
    const matchers = Object.keys(svc.selector).length ? svc.selector : { [serviceLabel]: svc.name }
    const selector =
      (slo && firstSelector(slo['total-query']!)) ?? `up{${Object.entries(matchers).map(([k, v]) => `${k}="${v.replace(/["\\]/g, '\\$&')}"`).join(', ')}}`
    absentRules.push({
      alert: alertName(svc.name, 'TelemetryAbsent'),
      expr: `absent(${selector})`,
      for: '10m',
      labels: { severity: 'page', [serviceLabel]: svc.name },
      annotations: { summary: `${svc.name}: no telemetry (${selector}) for 10 minutes; SLO alerts cannot fire without it` }
    })
  }
  if (absentRules.length) groups.push({ name: 'telemetry-absent', rules: absentRules })
  if (groups.length === 0) return undefined
  return (
    '# Suggested by sre-monitoring: multi-window, multi-burn-rate SLO alerts (SRE Workbook) and absent-telemetry alerts.\n' +
    stringifyYaml({ groups }, { lineWidth: 0 })
  )
}

/** `promtool check rules` on the suggested text, when promtool is installed. */
export async function promtoolCheckRules(text: string): Promise<{ tool: string; ok: boolean; output: string } | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'sre-rules-'))
  const file = join(dir, SUGGESTED_RULES_FILE)
  try {
    await writeFile(file, text)
    const result = await new Promise<{ code: number | null; out: string } | undefined>((resolve) => {
      const child = spawn('promtool', ['check', 'rules', file], { stdio: ['ignore', 'pipe', 'pipe'] })
      let out = ''
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.stderr.on('data', (d: Buffer) => (out += d.toString()))
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      child.on('error', () => {
        clearTimeout(timer)
        resolve(undefined)
      })
      child.on('close', (code) => {
        clearTimeout(timer)
        resolve({ code, out })
      })
    })
    if (!result) return undefined
    return { tool: 'promtool check rules', ok: result.code === 0, output: result.out.split(file).join(SUGGESTED_RULES_FILE).trim() }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Alert rules (in force in Prometheus and in the repository's rule files) checked against the
 * SLOs' burn-rate alerts, plus a paging and an absent-telemetry alert per critical service.
 * When anything is missing or misaligned, the right rules are returned as rule-file text.
 */
export async function checkSloAlignment(ctx: RunContext): Promise<{ alignment: SloAlignment; suggestedRulesYaml?: string }> {
  const cfg = ctx.config.alerting
  const checked_at = ctx.now().toISOString()
  const slos = ctx.model.slos
  const critical = ctx.model.services.filter((s) => s.critical)
  const sources: string[] = []
  const sourceErrors: string[] = []
  const rules: LoadedRule[] = []

  if (cfg['rules-backend']) {
    const name = cfg['rules-backend']
    sources.push(`prometheus:${name}`)
    try {
      rules.push(...(await fetchPrometheusRules(ctx, name)))
    } catch (err) {
      sourceErrors.push(err instanceof Error ? err.message : String(err))
    }
  }
  if (cfg['rule-files'].length) {
    const files = await resolveRuleFiles(cfg['rule-files'], ctx.workspace)
    if (files.length === 0) sourceErrors.push(`no files match alerting.rule-files (${cfg['rule-files'].join(', ')})`)
    for (const abs of files) {
      const shown = relative(ctx.workspace, abs) || abs
      sources.push(shown)
      try {
        rules.push(...parseRuleFile(await readFile(abs, 'utf8'), shown))
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code
        sourceErrors.push(code === 'ENOENT' ? `${shown}: no such rule file` : err instanceof Error ? err.message : String(err))
      }
    }
  }

  const alignment: SloAlignment = { checked_at, rule_sources: sources, findings: [] }
  if (slos.length) {
    alignment.burn_rates = slos.map((s) => ({ slo: s.name, service: s.service, objective: s.objective, window: s.window, alerts: burnRateAlerts(s) }))
  }
  if (sources.length === 0) {
    alignment.not_verified_reason = 'no alert rules source configured (alerting.rules-backend or alerting.rule-files): alert thresholds cannot be compared with the SLOs'
    return { alignment }
  }
  if (slos.length === 0 && critical.length === 0) {
    alignment.not_verified_reason = 'no SLOs and no critical services: nothing to align alert rules with'
    return { alignment }
  }

  const index = new RuleIndex(rules)
  const tolerance = cfg['burn-rate-tolerance-percent']
  const findings = [...slos.flatMap((s) => checkSlo(s, index, ctx, tolerance)), ...critical.flatMap((s) => checkCriticalService(s, slos, index, ctx))]

  if (sourceErrors.length) {
    // Absence cannot be claimed when a source could not be read.
    const why = sourceErrors.join('; ')
    for (const f of findings) {
      if (f.status === 'missing' || f.status === 'misaligned') {
        f.status = 'error'
        f.reason = `${f.reason}; not conclusive because a rule source could not be read: ${why}`
      }
    }
    alignment.not_verified_reason = `rule source(s) could not be read: ${why}`
  }
  alignment.findings = findings

  const suggested = suggestRules(slos, ctx.model.services, findings, ctx.model.serviceLabel)
  if (suggested) {
    alignment.suggested_rules_file = SUGGESTED_RULES_FILE
    const check = await promtoolCheckRules(suggested)
    if (check) alignment.suggested_rules_check = check
    return { alignment, suggestedRulesYaml: suggested }
  }
  return { alignment }
}
