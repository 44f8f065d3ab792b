import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify as stringifyYaml } from 'yaml'
import type { SloConfig } from '../../config/schema.js'
import type { ResolvedService, RunContext } from '../../model/monitoring-model.js'
import { BackendError, errorText, InputError } from '../../util/errors.js'
import { expandWorkspacePaths, readWorkspaceText } from '../../util/workspace.js'
import { rulesInForce } from '../../telemetry/prometheus/rules-in-force.js'
import type { RuleFinding, SloAlignment } from '../types.js'
import { burnRateAlerts, errorBudget, factorMatches, roundSignificant, type BurnRateThreshold } from './burn-rate.js'
import { firstSelector, formatDuration, metricNames, promDurationSeconds, selectsValue } from './promql.js'
import { ruleFileGroups } from './rule-file.js'
import { RuleSet, type AlertFacts, type LoadedRule } from './rule-set.js'
import { errorRatioQuery, sloQueries } from './slos.js'

/** The package file the suggested rules are written to. */
export const SUGGESTED_RULES_FILE = 'suggested-alert-rules.yml'

export type { LoadedRule } from './rule-set.js'

function toLabels(v: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== null) out[k] = String(x)
  return out
}

/** Rules from a Prometheus rule file's text (`groups[].rules[]`). */
export function parseRuleFile(text: string, source: string): LoadedRule[] {
  const groups = ruleFileGroups(text, source)
  const out: LoadedRule[] = []
  for (const g of groups) {
    const rules = (g as { rules?: unknown })?.rules
    if (!Array.isArray(rules)) continue
    const { name, interval } = g as { name?: unknown; interval?: unknown }
    const group = { name: typeof name === 'string' ? name : '', ...(typeof interval === 'string' ? { interval } : {}) }
    for (const r of rules as Array<Record<string, unknown>>) {
      if (typeof r?.expr !== 'string' && typeof r?.expr !== 'number') continue
      const expr = String(r.expr)
      if (typeof r.alert === 'string')
        out.push({
          type: 'alerting',
          name: r.alert,
          expr,
          labels: toLabels(r.labels),
          source,
          group,
          ...(typeof r.for === 'string' ? { for: r.for } : {})
        })
      else if (typeof r.record === 'string')
        out.push({ type: 'recording', name: r.record, expr, labels: toLabels(r.labels), source, group })
    }
  }
  return out
}

/** Rules in force, from Prometheus's rules API (read once a run, see rules-in-force.ts). */
export async function fetchPrometheusRules(ctx: RunContext, backendName: string): Promise<LoadedRule[]> {
  const backend = ctx.config.backends[backendName]
  if (!backend) throw new BackendError(backendName, 'config', `alerting.rules-backend names an unknown backend "${backendName}"`)
  if (backend.type !== 'prometheus')
    throw new BackendError(backendName, 'config', `rules-backend must be a prometheus backend, not ${backend.type}`)
  const { PrometheusClient } = await import('../../telemetry/prometheus/client.js')
  const groups = await rulesInForce(ctx.once, new PrometheusClient(backendName, backend, ctx.env, ctx.log))
  const out: LoadedRule[] = []
  for (const g of groups) {
    const group = {
      name: typeof g.name === 'string' ? g.name : '',
      ...(typeof g.interval === 'number' && g.interval > 0 ? { interval: formatDuration(g.interval) } : {})
    }
    for (const r of g.rules ?? []) {
      if (typeof r.name !== 'string' || typeof r.query !== 'string') continue
      const type = r.type === 'alerting' ? 'alerting' : r.type === 'recording' ? 'recording' : undefined
      const forSeconds = typeof r.duration === 'number' && r.duration > 0 ? { for: formatDuration(r.duration) } : {}
      if (type)
        out.push({
          type,
          name: r.name,
          expr: r.query,
          labels: toLabels(r.labels),
          source: `prometheus:${backendName}`,
          group,
          ...forSeconds
        })
    }
  }
  return out
}

function serviceValues(service: ResolvedService | undefined, name: string, serviceLabel: string): Array<{ label?: string; value: string }> {
  const out: Array<{ label?: string; value: string }> = [{ label: serviceLabel, value: name }, { value: name }]
  for (const [label, value] of Object.entries(service?.selector ?? {})) out.push({ label, value })
  return out
}

function expectedText(slo: SloConfig, a: BurnRateThreshold): string {
  const budget = errorBudget(slo.objective)
  return `${a.severity} alert: error ratio over ${a.longWindow} and ${a.shortWindow} > ${a.factor} x (1 - ${roundSignificant(
    slo.objective / 100
  )}) = ${a.errorRatioThreshold} (budget ${budget})`
}

/** One or-branch of an alert with a burn-rate factor it compares against. */
interface Threshold {
  branch: number
  factor: number
  windows: number[]
}

interface Candidate {
  alert: AlertFacts
  rule: LoadedRule
  severity: 'page' | 'ticket' | undefined
  thresholds: Threshold[]
}

/**
 * The burn-rate factor each branch compares against. A ratio (errors/total, 1 - good/total) is
 * divided by the budget; a ratio already divided by a constant is a burn rate, rescaled when that
 * constant is not this SLO's budget. A series of another shape (a burn-rate recording rule that
 * divides by a series) is read as a burn rate when its threshold is 1 or more.
 */
function thresholdsOf(alert: AlertFacts, budget: number): Threshold[] {
  const out: Threshold[] = []
  // Part of the expression could not be read: no factor is claimed for it.
  if (alert.problems.length > 0) return out
  alert.branches.forEach((b, branch) => {
    const seen = new Set<number>()
    for (const c of b.comparisons) {
      if (c.op !== '>' && c.op !== '>=') continue
      const factor = roundSignificant(
        c.shape === 'burn rate (ratio / budget)' && c.divisor !== undefined
          ? (c.threshold * c.divisor) / budget
          : c.shape || c.threshold < 1
            ? c.threshold / budget
            : c.threshold,
        6
      )
      if (seen.has(factor)) continue
      seen.add(factor)
      out.push({ branch, factor, windows: b.windows })
    }
  })
  return out
}

const hasWindow = (t: Threshold, window: string): boolean => {
  const w = promDurationSeconds(window)
  return w !== undefined && t.windows.some((x) => Math.abs(x - w) < 1e-9)
}

function candidatesFor(
  slo: SloConfig,
  set: RuleSet,
  ctx: RunContext,
  values: Array<{ label?: string; value: string }>,
  sloMetrics: Set<string>
): AlertFacts[] {
  const serviceLabel = ctx.model.serviceLabel
  const queriesSelectService = sloQueries(slo).some((q) => values.some((v) => selectsValue(q, v.value, v.label)))
  const bySlo = set.alertsForSlo(slo.name)
  const byMetrics = queriesSelectService
    ? set.alertsAbout(values, [serviceLabel, 'service'], slo.service, sloMetrics)
    : set.alertsReading(sloMetrics)
  // An alert that could not be parsed reads no known metric: its labels still say what it is about.
  const unread = set
    .alertsAbout([], [serviceLabel, 'service'], slo.service)
    .filter((a) => a.problems.length > 0 && a.severity !== undefined)
  const seen = new Set<AlertFacts>()
  return [...bySlo, ...byMetrics, ...unread]
    .filter((a) => (seen.has(a) ? false : (seen.add(a), true)))
    .filter((a) => !(a.usesAbsent && a.branches.every((b) => b.comparisons.length === 0)))
    .sort((a, b) => a.order - b.order)
}

/** The alerts about an SLO (by its slo label, or reading its metrics for its service), in rule order. */
export function alertsAboutSlo(slo: SloConfig, set: RuleSet, ctx: RunContext): AlertFacts[] {
  const service = ctx.model.services.find((s) => s.name === slo.service)
  return candidatesFor(
    slo,
    set,
    ctx,
    serviceValues(service, slo.service, ctx.model.serviceLabel),
    new Set(sloQueries(slo).flatMap((q) => metricNames(q)))
  )
}

/** The alerts about a service: by its labels or by a matcher in their (expanded) expression. */
export function alertsAboutService(service: ResolvedService, set: RuleSet, ctx: RunContext): AlertFacts[] {
  return set.alertsAbout(serviceValues(service, service.name, ctx.model.serviceLabel), [ctx.model.serviceLabel, 'service'], service.name)
}

function checkSlo(
  slo: SloConfig,
  set: RuleSet,
  ctx: RunContext,
  tolerance: number,
  servicesByName: Map<string, ResolvedService>
): RuleFinding[] {
  const serviceLabel = ctx.model.serviceLabel
  const values = serviceValues(servicesByName.get(slo.service), slo.service, serviceLabel)
  const budget = errorBudget(slo.objective)
  const sloMetrics = new Set(sloQueries(slo).flatMap((q) => metricNames(q)))

  const candidates: Candidate[] = candidatesFor(slo, set, ctx, values, sloMetrics).map((alert) => ({
    alert,
    rule: alert.rule,
    severity: alert.severity,
    thresholds: thresholdsOf(alert, budget)
  }))

  const expected = burnRateAlerts(slo)
  const findings: RuleFinding[] = []
  const used = new Set<string>()
  const key = (c: Candidate, t: Threshold): string => `${c.alert.order}\u0000${t.branch}\u0000${t.factor}`
  const found = (c: Candidate, factor?: number): RuleFinding['found'] => ({
    rule: c.rule.name,
    source: c.rule.source,
    expr: c.rule.expr,
    ...(factor !== undefined ? { factor } : {})
  })

  // First pass: exact matches (right severity, factor within tolerance, long window in the same branch).
  const matched = new Map<BurnRateThreshold, { c: Candidate; t: Threshold }>()
  for (const e of expected) {
    for (const c of candidates) {
      if (c.severity !== e.severity) continue
      const t = c.thresholds.find((x) => factorMatches(x.factor, e.factor, tolerance) && !used.has(key(c, x)) && hasWindow(x, e.longWindow))
      if (t) {
        matched.set(e, { c, t })
        used.add(key(c, t))
        break
      }
    }
  }

  for (const e of expected) {
    const base = {
      slo: slo.name,
      service: slo.service,
      kind: e.severity,
      long_window: e.longWindow,
      expected: expectedText(slo, e)
    } as const
    const m = matched.get(e)
    if (m) {
      const short = hasWindow(m.t, e.shortWindow) ? '' : `; no ${e.shortWindow} short window found, so the alert resets slowly`
      findings.push({
        ...base,
        found: found(m.c, m.t.factor),
        status: 'aligned',
        reason: `${m.c.rule.name} fires at ${m.t.factor}x over ${e.longWindow}${short}`
      })
      continue
    }
    // Same factor but wrong severity, or window not evaluated.
    const sameFactor = candidates
      .flatMap((c) =>
        c.thresholds.filter((x) => factorMatches(x.factor, e.factor, tolerance) && !used.has(key(c, x))).map((t) => ({ c, t }))
      )
      .sort((a, b) => Number(b.c.severity === e.severity) - Number(a.c.severity === e.severity))[0]
    if (sameFactor) {
      const { c, t } = sameFactor
      const why =
        c.severity !== e.severity
          ? `${c.rule.name} has the ${e.factor}x threshold but severity "${c.rule.labels.severity ?? '(none)'}", expected ${e.severity}`
          : `${c.rule.name} has the ${e.factor}x threshold but does not evaluate the ${e.longWindow} window (its windows: ${t.windows.map(formatDuration).join(', ') || 'none found'})`
      findings.push({ ...base, found: found(c, t.factor), status: 'misaligned', reason: why })
      continue
    }
    // An alert of this severity that could not be read: neither aligned nor misaligned.
    const unreadable = candidates.find((c) => (c.severity === e.severity || c.severity === undefined) && c.alert.problems.length > 0)
    if (unreadable && !candidates.some((c) => c.severity === e.severity && c.thresholds.some((x) => !used.has(key(c, x))))) {
      findings.push({
        ...base,
        found: found(unreadable),
        status: 'cannot_analyse',
        reason: `cannot analyse ${unreadable.rule.name}: ${unreadable.alert.problems.join('; ')}`
      })
      continue
    }
    // Same severity with an unused, different factor: a threshold that does not match the SLO.
    const sameSeverity = candidates
      .filter((c) => c.severity === e.severity)
      .flatMap((c) => c.thresholds.filter((x) => !used.has(key(c, x))).map((t) => ({ c, t })))
      .sort((a, b) => Math.abs(a.t.factor - e.factor) - Math.abs(b.t.factor - e.factor))[0]
    if (sameSeverity) {
      used.add(key(sameSeverity.c, sameSeverity.t))
      const f = sameSeverity.t.factor
      findings.push({
        ...base,
        found: found(sameSeverity.c, f),
        status: 'misaligned',
        reason: `${sameSeverity.c.rule.name} fires at ${f}x (error ratio ${roundSignificant(f * budget)}), expected ${e.factor}x (error ratio ${e.errorRatioThreshold}) within ${tolerance}%`
      })
      continue
    }
    const noThreshold = candidates.find((c) => c.severity === e.severity && c.thresholds.length === 0)
    if (noThreshold) {
      findings.push({
        ...base,
        found: found(noThreshold),
        status: 'cannot_analyse',
        reason: `cannot analyse ${noThreshold.rule.name}: it reads the SLO's metrics but compares no series with a constant threshold`
      })
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

function checkCriticalService(
  service: ResolvedService,
  slosByService: Map<string, SloConfig[]>,
  set: RuleSet,
  ctx: RunContext
): RuleFinding[] {
  const about = alertsAboutService(service, set, ctx)
  const sloNames = (slosByService.get(service.name) ?? []).map((s) => s.name).join(', ')
  const base = { slo: sloNames, service: service.name }
  const paging = about.find((a) => a.severity === 'page')
  const absent = about.find((a) => a.usesAbsent)
  const foundOf = (a: AlertFacts): RuleFinding['found'] => ({ rule: a.rule.name, source: a.rule.source, expr: a.rule.expr })
  return [
    paging
      ? {
          ...base,
          kind: 'service_page',
          expected: 'at least one paging alert (severity page or critical)',
          found: foundOf(paging),
          status: 'aligned',
          reason: `${paging.rule.name} pages`
        }
      : {
          ...base,
          kind: 'service_page',
          expected: 'at least one paging alert (severity page or critical)',
          status: 'missing',
          reason: `no alert about ${service.name} has severity page or critical`
        },
    absent
      ? {
          ...base,
          kind: 'absent',
          expected: 'an absent()/absent_over_time() alert for missing telemetry',
          found: foundOf(absent),
          status: 'aligned',
          reason: `${absent.rule.name} fires when telemetry disappears`
        }
      : {
          ...base,
          kind: 'absent',
          expected: 'an absent()/absent_over_time() alert for missing telemetry',
          status: 'missing',
          reason: `no absent()/absent_over_time() alert selects ${service.name}; an SLO alert stays silent when the metrics vanish`
        }
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
export function suggestRules(
  slos: SloConfig[],
  services: ResolvedService[],
  findings: RuleFinding[],
  serviceLabel: string
): string | undefined {
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
      (slo && firstSelector(slo['total-query']!)) ??
      `up{${Object.entries(matchers)
        .map(([k, v]) => `${k}="${v.replace(/["\\]/g, '\\$&')}"`)
        .join(', ')}}`
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

/** The findings of every SLO and critical service against an indexed rule set (no I/O). */
export function alignFindings(ctx: RunContext, set: RuleSet): RuleFinding[] {
  const slos = ctx.model.slos
  const tolerance = ctx.config.alerting['burn-rate-tolerance-percent']
  const servicesByName = new Map(ctx.model.services.map((s) => [s.name, s]))
  const slosByService = new Map<string, SloConfig[]>()
  for (const s of slos) {
    const list = slosByService.get(s.service)
    if (list) list.push(s)
    else slosByService.set(s.service, [s])
  }
  return [
    ...slos.flatMap((s) => checkSlo(s, set, ctx, tolerance, servicesByName)),
    ...ctx.model.services.filter((s) => s.critical).flatMap((s) => checkCriticalService(s, slosByService, set, ctx))
  ]
}

/**
 * Alert rules (in force in Prometheus and in the repository's rule files) checked against the
 * SLOs' burn-rate alerts, plus a paging and an absent-telemetry alert per critical service.
 * When anything is missing or misaligned, the right rules are returned as rule-file text.
 */
export async function checkSloAlignment(
  ctx: RunContext
): Promise<{ alignment: SloAlignment; suggestedRulesYaml?: string; ruleSet?: RuleSet }> {
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
    // Each file is confined to the workspace and read as strict UTF-8; errors never quote it.
    const expanded = await expandWorkspacePaths(ctx.workspace, cfg['rule-files'], (i) => ({ field: `alerting.rule-files[${i}]` }))
    const files = expanded.files
    sourceErrors.push(...expanded.errors.map((e) => e.message))
    if (files.length === 0 && sourceErrors.length === 0)
      sourceErrors.push(`no files match alerting.rule-files (${cfg['rule-files'].join(', ')})`)
    for (const { shown } of files) {
      sources.push(shown)
      try {
        const { text } = await readWorkspaceText(ctx.workspace, shown, { field: 'alerting.rule-files' }, { what: 'a Prometheus rule file' })
        rules.push(...parseRuleFile(text, shown))
      } catch (err) {
        sourceErrors.push(err instanceof InputError && err.found === 'no such file' ? `${shown}: no such rule file` : errorText(err))
      }
    }
  }

  const alignment: SloAlignment = { checked_at, rule_sources: sources, findings: [] }
  if (slos.length) {
    alignment.burn_rates = slos.map((s) => ({
      slo: s.name,
      service: s.service,
      objective: s.objective,
      window: s.window,
      alerts: burnRateAlerts(s)
    }))
  }
  if (sources.length === 0) {
    alignment.not_verified_reason =
      'no alert rules source configured (alerting.rules-backend or alerting.rule-files): alert thresholds cannot be compared with the SLOs'
    return { alignment }
  }
  if (slos.length === 0 && critical.length === 0) {
    alignment.not_verified_reason = 'no SLOs and no critical services: nothing to align alert rules with'
    return { alignment }
  }

  const set = new RuleSet(rules)
  const findings = alignFindings(ctx, set)
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

  // The rule set goes on to the detection drill only when every source was read.
  const ruleSet = sourceErrors.length ? {} : { ruleSet: set }
  const suggested = suggestRules(slos, ctx.model.services, findings, ctx.model.serviceLabel)
  if (suggested) {
    alignment.suggested_rules_file = SUGGESTED_RULES_FILE
    const check = await promtoolCheckRules(suggested)
    if (check) alignment.suggested_rules_check = check
    return { alignment, suggestedRulesYaml: suggested, ...ruleSet }
  }
  return { alignment, ...ruleSet }
}
