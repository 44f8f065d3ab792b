/**
 * The detection drill: the rules in force are fed burns of the SLO's own metrics in the real
 * `promtool test rules`, which tells whether and when each alert fires; the labels the fired alert
 * carries are routed through the running Alertmanager config with `amtool config routes test`.
 * Production sees one request (the Alertmanager config); everything else runs on this machine.
 */
import { spawn } from 'node:child_process'
import { access, constants, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import type { SloConfig } from '../../config/schema.js'
import type { ResolvedService, RunContext } from '../../model/monitoring-model.js'
import { authHeaders, httpRequest, redactUrl } from '../../util/http.js'
import { errorText } from '../../util/errors.js'
import { formatDuration, promDurationSeconds } from '../slo/promql.js'
import { severityOf, type AlertFacts, type RuleSet } from '../slo/rule-set.js'
import { alertsAboutService, alertsAboutSlo } from '../slo/rules.js'
import { ruleFileText, sloGroups, stopGroup, testFileText, type Check, type SeriesPlan, type TestGroup } from './plan.js'
import { neighbourValue, sloSeries } from './series.js'
import type { DetectionDrill, DrillRouting, DrillScenario, DrillTarget } from '../../artifacts/contracts/detection-drill.js'
import { byText } from '../../util/order.js'

export const PROMTOOL_INSTALL = 'sudo apt-get update && sudo apt-get install -y prometheus'
export const AMTOOL_INSTALL = 'sudo apt-get update && sudo apt-get install -y prometheus-alertmanager'
const RUN_TIMEOUT_MS = 600_000
const OUTPUT_CAP = 16 * 1024 * 1024
const CONCURRENCY = 2

async function findTool(name: string, configured: string | undefined, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const candidates = configured
    ? [configured]
    : (env.PATH ?? process.env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((d) => join(d, name))
  for (const c of candidates) {
    try {
      await access(c, constants.X_OK)
      return c
    } catch {
      // not here
    }
  }
  return undefined
}

interface ToolResult {
  code: number | null
  out: string
  err: string
  timedOut: boolean
}

function runTool(bin: string, args: string[], cwd: string, timeoutMs = RUN_TIMEOUT_MS): Promise<ToolResult> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let timedOut = false
    child.stdout.on('data', (d: Buffer) => {
      if (out.length < OUTPUT_CAP) out += d.toString()
      else child.kill('SIGKILL')
    })
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < OUTPUT_CAP) err += d.toString()
      else child.kill('SIGKILL')
    })
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      resolve({ code: null, out, err: String(e), timedOut })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, out, err, timedOut })
    })
  })
}

/** A fired alert at an evaluation time, as promtool reports it (`got:` of a failed expectation). */
export interface Firing {
  time: number
  alertname: string
  labels: Record<string, string>
}

/** Prometheus's label-set text `{a="b", c="d"}` read back. */
export function parseLabelSet(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) out[m[1]!] = JSON.parse(`"${m[2]!}"`) as string
  return out
}

/**
 * promtool's report per test group (failures go to stderr, each under `name: <group>`). Every
 * alert expectation is "no alert", so each failed one is an alert that fired then. Each group also
 * carries a control that must fail (the input counted at the last check): a group without it was
 * not evaluated (a rule file promtool refused) or its input did not reach the last check.
 */
export function parsePromtoolOutput(stderr: string, groups: string[]): Map<string, { firings: Firing[]; error?: string }> {
  const result = new Map<string, { firings: Firing[]; control: boolean }>()
  for (const g of groups) result.set(g, { firings: [], control: false })
  let group: { firings: Firing[]; control: boolean } | undefined
  let current: { time: number; alertname: string } | undefined
  let inControl = false
  for (const line of stderr.split('\n')) {
    const name = /^\s*name: (.*),\s*$/.exec(line)
    if (name) {
      group = result.get(name[1]!)
      current = undefined
      inControl = false
      continue
    }
    const head = /^\s*alertname: (.*), time: ([0-9a-z.]+),\s*$/.exec(line)
    if (head) {
      current = { alertname: head[1]!, time: promDurationSeconds(head[2]!) ?? NaN }
      inControl = false
      continue
    }
    if (/^\s*expr: /.test(line)) {
      current = undefined
      inControl = true
      continue
    }
    const got = inControl ? /^\s*got: \{drill_group="([^"]+)"\} 1(E\+00)?\s*$/.exec(line) : null
    if (got) {
      const g = result.get(got[1]!)
      if (g) g.control = true
    }
    const labels = /^\s*Labels:(\{.*\})\s*$/.exec(line)
    if (labels && current && group) group.firings.push({ ...current, labels: parseLabelSet(labels[1]!) })
  }
  const out = new Map<string, { firings: Firing[]; error?: string }>()
  const text = stderr
    .replace(/^\s*(Labels|Annotations):.*$/gm, '')
    .trim()
    .slice(0, 1500)
  for (const [g, r] of result) {
    out.set(
      g,
      r.control
        ? { firings: r.firings }
        : { firings: r.firings, error: `promtool did not evaluate the group to its last check${text ? `: ${text}` : ''}` }
    )
  }
  return out
}

/** The alerting.routes entry that applies to a label set (the most specific one), if any. */
function routeFor(ctx: RunContext, labels: Record<string, string>): { name: string; receiver: string } | undefined {
  const fits = ctx.config.alerting.routes.filter((r) => Object.entries(r.labels).every(([k, v]) => labels[k] === v))
  fits.sort((a, b) => Object.keys(b.labels).length - Object.keys(a.labels).length)
  const r = fits[0]
  return r ? { name: r.name, receiver: r['expect-receiver'] } : undefined
}

interface AlertmanagerConfig {
  file?: string
  source: string
  error?: string
}

async function loadAlertmanagerConfig(ctx: RunContext, dir: string, counts: DetectionDrill['requests']): Promise<AlertmanagerConfig> {
  const am = ctx.config.alerting.alertmanager
  if (!am) return { source: 'none', error: 'no alerting.alertmanager configured: the running routing tree cannot be read' }
  const url = `${am.url.replace(/\/+$/, '')}/api/v2/status`
  counts.alertmanager++
  try {
    const res = await httpRequest({
      backend: 'alertmanager',
      url,
      headers: { Accept: 'application/json', ...authHeaders(am.auth, am.headers, ctx.env, ctx.log, 'alertmanager') },
      timeoutMs: am['timeout-seconds'] * 1000,
      retries: am.retries
    })
    if (res.status !== 200) return { source: `GET ${redactUrl(url)}`, error: `HTTP ${res.status}` }
    const body = JSON.parse(res.text) as { config?: { original?: unknown } }
    if (typeof body.config?.original !== 'string' || !body.config.original.trim())
      return { source: `GET ${redactUrl(url)}`, error: 'answer has no config.original' }
    const file = join(dir, 'alertmanager.yml')
    await writeFile(file, body.config.original)
    return { file, source: `GET ${redactUrl(url)}` }
  } catch (err) {
    return { source: `GET ${redactUrl(url)}`, error: errorText(err) }
  }
}

function quoteMatcher(k: string, v: string): string {
  return `${k}=${JSON.stringify(v)}`
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await fn(items[i]!)
      }
    })
  )
  return out
}

interface Planned {
  target: DrillTarget
  groups: TestGroup[]
  unrunnable?: Check[]
}

function plansForService(ctx: RunContext, service: ResolvedService, slos: SloConfig[]): SeriesPlan[] {
  const out: SeriesPlan[] = []
  for (const slo of slos) {
    const s = sloSeries(slo, ctx.model.serviceLabel, service.selector)
    if (typeof s === 'string') continue
    out.push({
      series: s.series,
      ...(s.serviceLabel ? { neighbour: { label: s.serviceLabel.label, value: neighbourValue(s.serviceLabel.value, []) } } : {})
    })
  }
  return out
}

/** Series for an absent-data alert of a service without an SLO: its own selector's series. */
function plansFromAbsent(alerts: AlertFacts[]): SeriesPlan[] {
  const out: SeriesPlan[] = []
  for (const a of alerts) {
    for (const s of a.selectors) {
      if (!s.name) continue
      const labels: Record<string, string> = {}
      for (const m of s.matchers) if (m.op === '=') labels[m.label] = m.value
      out.push({ series: [{ metric: s.name, labels, role: 'good' }] })
    }
  }
  return out
}

function plan(ctx: RunContext, set: RuleSet): Planned[] {
  const out: Planned[] = []
  const servicesByName = new Map(ctx.model.services.map((s) => [s.name, s]))
  const slosByService = new Map<string, SloConfig[]>()
  ctx.model.slos.forEach((slo, i) => {
    slosByService.set(slo.service, [...(slosByService.get(slo.service) ?? []), slo])
    const alerts = alertsAboutSlo(slo, set, ctx).filter((a) => a.severity !== undefined && a.problems.length === 0)
    const svc = servicesByName.get(slo.service)
    const target: DrillTarget = {
      kind: 'slo',
      slo: slo.name,
      service: slo.service,
      alerts: alerts.map((a) => a.rule.name),
      recording_rules: 0,
      series: [],
      status: 'not_run',
      reason: '',
      scenarios: []
    }
    target.recording_rules = new Set(alerts.flatMap((a) => a.recordings)).size
    const series = sloSeries(slo, ctx.model.serviceLabel, svc?.selector ?? {})
    if (typeof series === 'string') {
      target.reason = `the drill cannot build input from this SLO's queries: ${series}`
      out.push({ target, groups: [] })
      return
    }
    const sp: SeriesPlan = {
      series: series.series,
      ...(series.serviceLabel
        ? { neighbour: { label: series.serviceLabel.label, value: neighbourValue(series.serviceLabel.value, []) } }
        : {})
    }
    target.series = series.series.map(
      (s) =>
        `${s.metric}{${Object.entries(s.labels)
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(', ')}} (${s.role})`
    )
    if (!alerts.some((a) => a.severity === 'page')) {
      target.status = 'failed'
      target.reason = 'no page alert about this SLO can be drilled: nothing pages when its budget burns'
    }
    out.push({ target, ...sloGroups(`slo${i}`, slo, alerts, sp) })
  })
  ctx.model.services
    .filter((s) => s.critical)
    .forEach((svc, i) => {
      const alerts = alertsAboutService(svc, set, ctx).filter((a) => a.usesAbsent && a.problems.length === 0)
      const target: DrillTarget = {
        kind: 'absent',
        service: svc.name,
        alerts: alerts.map((a) => a.rule.name),
        recording_rules: 0,
        series: [],
        status: 'not_run',
        reason: '',
        scenarios: []
      }
      if (alerts.length === 0) {
        target.status = 'failed'
        target.reason = `no absent-data alert about ${svc.name} to drill: nothing fires when its telemetry stops`
        out.push({ target, groups: [] })
        return
      }
      const plans = plansForService(ctx, svc, slosByService.get(svc.name) ?? [])
      const sp = plans.length ? plans : plansFromAbsent(alerts)
      target.series = sp.flatMap((p) =>
        p.series.map(
          (s) =>
            `${s.metric}{${Object.entries(s.labels)
              .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
              .join(', ')}}`
        )
      )
      const g = stopGroup(`svc${i}-stop`, alerts, sp)
      out.push({ target, groups: g ? [g] : [] })
    })
  return out
}

function maxDetection(ctx: RunContext, severity: string): number | undefined {
  const m = ctx.config.drill?.['max-detection']
  if (m === undefined) return undefined
  const v = typeof m === 'string' ? m : m[severity as 'page' | 'ticket' | 'absent']
  return v ? promDurationSeconds(v) : undefined
}

function judge(ctx: RunContext, group: TestGroup, firings: Firing[], error: string | undefined): DrillScenario[] {
  const absentNames = new Set(group.alerts.map((a) => a.rule.name))
  const sevOf = (f: Firing): string | undefined =>
    group.checks[0]?.severities.includes('absent') ? (absentNames.has(f.alertname) ? 'absent' : undefined) : severityOf(f.labels)
  return group.checks.map((c) => {
    const from = group.origin + c.from
    const to = group.origin + c.to
    const hits = firings
      .filter((f) => f.time > from && f.time <= to && c.severities.includes(sevOf(f) ?? ''))
      .sort((a, b) => a.time - b.time)
    const first = hits[0]
    const origin = group.origin
    const max = c.expectation === 'must_fire' ? maxDetection(ctx, c.severities[0]!) : undefined
    const scenario: DrillScenario = {
      name: c.name,
      burn_rate: c.burnRate,
      error_ratio: c.errorRatio,
      expectation: c.expectation,
      severities: c.severities,
      window_seconds: c.to - c.from,
      resolution_seconds: group.step,
      input_covers_seconds: group.end - origin,
      fired: !!first,
      detection_seconds: first ? first.time - origin : null,
      ...(max !== undefined ? { max_detection_seconds: max } : {}),
      ...(first ? { alert: { alertname: first.alertname, labels: first.labels } } : {}),
      status: 'passed',
      reason: ''
    }
    const what =
      c.burnRate !== null
        ? `a ${c.burnRate}x burn (error ratio ${c.errorRatio})`
        : c.name === 'stop'
          ? 'series that stop'
          : 'series present'
    if (error) {
      scenario.status = 'error'
      scenario.reason = `promtool could not run the drill: ${error}`
    } else if (c.expectation === 'must_fire' && !first) {
      scenario.status = 'failed'
      scenario.reason = `no ${c.severities.join('/')} alert fired within ${formatDuration(c.to - c.from)} of ${what}`
    } else if (c.expectation === 'must_not_fire' && first) {
      scenario.status = 'failed'
      scenario.reason = `${first.alertname} (${sevOf(first)}) fired ${c.from < 0 ? `before the series stopped (at ${formatDuration(first.time)})` : `${formatDuration(first.time - origin)} into ${what}`}, which must not fire it`
    } else if (first && max !== undefined && first.time - origin > max) {
      scenario.status = 'failed'
      scenario.reason = `${first.alertname} fired after ${formatDuration(first.time - origin)}, later than drill.max-detection ${formatDuration(max)}`
    } else {
      scenario.reason = first
        ? `${first.alertname} fired after ${formatDuration(first.time - origin)} (checked every ${formatDuration(group.step)})`
        : `nothing fired within ${formatDuration(c.to - c.from)} of ${what}`
    }
    return scenario
  })
}

/** A drill that did not run, and why. */
export function drillNotRun(ctx: RunContext, reason: string): DetectionDrill {
  return {
    run_at: ctx.now().toISOString(),
    status: 'not_run',
    required: ctx.config.drill?.required ?? false,
    promtool: null,
    amtool: null,
    not_run_reason: reason,
    targets: [],
    requests: { alertmanager: 0, promtool_runs: 0, amtool_runs: 0 },
    duration_ms: 0
  }
}

/** Routes whose labels become those the drill saw the real rule fire with. */
export function routesWithDrillLabels<R extends { name: string; labels: Record<string, string> }>(
  routes: R[],
  drill: DetectionDrill | undefined
): R[] {
  return routes.map((r) => {
    const labels = drillLabelsForRoute(drill, r.name)
    return labels ? { ...r, labels } : r
  })
}

/**
 * Drill every SLO's burn-rate alerts and every critical service's absent-data alert. The result
 * says per alert and burn whether it fired, when, where it routed, and what was wrong.
 */
export async function runDetectionDrill(ctx: RunContext, set: RuleSet): Promise<DetectionDrill> {
  const started = Date.now()
  const required = ctx.config.drill?.required ?? false
  const drill: DetectionDrill = {
    run_at: ctx.now().toISOString(),
    status: 'not_run',
    required,
    promtool: null,
    amtool: null,
    targets: [],
    requests: { alertmanager: 0, promtool_runs: 0, amtool_runs: 0 },
    duration_ms: 0
  }
  const finish = (): DetectionDrill => {
    drill.duration_ms = Date.now() - started
    return drill
  }
  const promtool = await findTool('promtool', ctx.config.alerting.promtool, ctx.env)
  if (!promtool) {
    drill.not_run_reason = ctx.config.alerting.promtool
      ? `alerting.promtool (${ctx.config.alerting.promtool}) is not an executable file`
      : 'promtool is not on PATH: the alert rules could not be drilled'
    drill.install_hint = PROMTOOL_INSTALL
    return finish()
  }
  drill.promtool = { path: promtool }
  const version = await runTool(promtool, ['--version'], tmpdir(), 10_000)
  const v = /version (\S+)/.exec(version.out)
  if (v) drill.promtool.version = v[1]!

  const planned = plan(ctx, set)
  if (planned.length === 0) {
    drill.not_run_reason = 'no SLOs and no critical services: nothing to drill'
    return finish()
  }
  const dir = await mkdtemp(join(tmpdir(), 'sre-drill-'))
  try {
    for (const p of planned) {
      for (const c of p.unrunnable ?? []) {
        p.target.scenarios.push({
          name: c.name,
          burn_rate: c.burnRate,
          error_ratio: c.errorRatio,
          expectation: c.expectation,
          severities: c.severities,
          window_seconds: c.to - c.from,
          resolution_seconds: 60,
          input_covers_seconds: 0,
          fired: false,
          detection_seconds: null,
          status: 'failed',
          reason: `no ${c.severities.join('/')} alert about this SLO to fire: nothing ${c.severities.includes('ticket') ? 'tickets' : 'pages'} at a ${c.burnRate}x burn`
        })
      }
    }
    await mapLimit(planned, CONCURRENCY, async (p) => {
      if (p.groups.length === 0) return
      const files: string[] = []
      for (const g of p.groups) {
        const ruleFile = `${g.id}.rules.yml`
        await writeFile(join(dir, ruleFile), ruleFileText(set.rules, g.alerts))
        const testFile = `${g.id}.test.yml`
        await writeFile(join(dir, testFile), testFileText(g, ruleFile))
        files.push(testFile)
      }
      drill.requests.promtool_runs++
      const res = await runTool(promtool, ['test', 'rules', ...files], dir)
      const runError = res.timedOut
        ? `promtool did not finish within ${RUN_TIMEOUT_MS / 1000} s`
        : res.code !== 1
          ? `promtool exited with ${res.code} (the control expectation of each group must fail): ${(res.err || res.out).slice(0, 1500)}`
          : undefined
      const parsed = parsePromtoolOutput(
        res.err,
        p.groups.map((g) => g.id)
      )
      for (const g of p.groups) {
        const r = parsed.get(g.id)!
        p.target.scenarios.push(...judge(ctx, g, r.firings, runError ?? r.error))
      }
    })

    // Routing: the labels each fired must-fire alert carries, through the running config.
    const fired = planned.flatMap((p) => p.target.scenarios.filter((s) => s.expectation === 'must_fire' && s.alert).map((s) => ({ p, s })))
    if (fired.length) {
      const amtool = await findTool('amtool', undefined, ctx.env)
      const amConfig = await loadAlertmanagerConfig(ctx, dir, drill.requests)
      drill.alertmanager_config = { source: amConfig.source, ...(amConfig.error ? { error: amConfig.error } : {}) }
      if (amtool) drill.amtool = { path: amtool }
      const cache = new Map<string, Promise<{ receivers: string[]; error?: string }>>()
      const route = (labels: Record<string, string>): Promise<{ receivers: string[]; error?: string }> => {
        const args = Object.entries(labels)
          .sort(([a], [b]) => byText(a, b))
          .map(([k, v]) => quoteMatcher(k, v))
        const key = args.join('\u0000')
        let hit = cache.get(key)
        if (!hit) {
          drill.requests.amtool_runs++
          hit = runTool(amtool!, ['config', 'routes', 'test', `--config.file=${amConfig.file!}`, ...args], dir, 30_000).then((r) => {
            const line = r.out.split('\n').find((l) => l.trim() && !/^warning/i.test(l.trim()))
            if (r.code !== 0 || !line) return { receivers: [], error: `amtool config routes test failed: ${r.out.trim().slice(0, 500)}` }
            return {
              receivers: line
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean)
            }
          })
          cache.set(key, hit)
        }
        return hit
      }
      const servicesByName = new Map(ctx.model.services.map((s) => [s.name, s]))
      for (const { p, s } of fired) {
        const labels = s.alert!.labels
        const r = routeFor(ctx, labels)
        const pages = s.severities.includes('page') || s.severities.includes('absent')
        const owner = servicesByName.get(p.target.service)?.owner
        const expected = r?.receiver ?? (pages ? owner : undefined) ?? null
        const routing: DrillRouting = {
          ...(r ? { route: r.name } : {}),
          expected_receiver: expected,
          actual_receivers: [],
          status: 'not_checked',
          reason: ''
        }
        if (!amtool) routing.reason = `amtool is not on PATH, so the routing tree was not consulted (install: ${AMTOOL_INSTALL})`
        else if (!amConfig.file) routing.reason = `the running Alertmanager config could not be read: ${amConfig.error ?? 'unknown'}`
        else {
          const got = await route(labels)
          routing.actual_receivers = got.receivers
          if (got.error) routing.reason = got.error
          else if (expected === null)
            routing.reason = `routes to ${got.receivers.join(', ')}; no alerting.routes entry matches these labels${pages ? ' and the service has no owner' : ''}, so no receiver is expected`
          else if (got.receivers.includes(expected)) {
            routing.status = 'passed'
            routing.reason = `routes to ${got.receivers.join(', ')} as expected${r ? ` (route ${r.name})` : ' (service owner)'}`
          } else {
            routing.status = 'failed'
            routing.reason = `routes to ${got.receivers.join(', ') || 'no receiver'}, expected ${expected}${r ? ` (route ${r.name})` : ' (service owner)'}`
          }
        }
        s.routing = routing
        if (routing.status === 'failed' && s.status === 'passed') {
          s.status = 'failed'
          s.reason = `${s.reason}; but ${routing.reason}`
        }
        if (routing.status === 'not_checked' && pages && s.status === 'passed')
          s.reason = `${s.reason}; routing not checked: ${routing.reason}`
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  for (const { target } of planned) {
    if (target.status === 'failed' && target.scenarios.length === 0) continue
    if (target.scenarios.length === 0) {
      if (!target.reason) target.reason = 'nothing to drill'
      continue
    }
    const bad = target.scenarios.filter((s) => s.status !== 'passed')
    target.status = bad.some((s) => s.status === 'error') ? 'error' : bad.length || target.status === 'failed' ? 'failed' : 'passed'
    const own = target.status === 'failed' && target.reason ? [target.reason] : []
    target.reason = [...own, ...bad.map((s) => `${s.name}: ${s.reason}`)].join('; ') || `${target.scenarios.length} scenarios as expected`
  }
  drill.targets = planned.map((p) => p.target)
  const st = drill.targets.map((t) => t.status)
  drill.status = st.includes('error') ? 'error' : st.includes('failed') ? 'failed' : st.every((s) => s === 'passed') ? 'passed' : 'not_run'
  if (drill.status === 'not_run')
    drill.not_run_reason = drill.targets
      .filter((t) => t.status === 'not_run')
      .map((t) => `${t.slo ?? t.service}: ${t.reason}`)
      .join('; ')
  return finish()
}

/**
 * The labels of the alert the drill saw fire for a route: the gate 2 synthetic alert carries them,
 * so the end-to-end test is what the real rule would emit. Undefined when no drilled alert routes there.
 */
export function drillLabelsForRoute(drill: DetectionDrill | undefined, route: string): Record<string, string> | undefined {
  for (const t of drill?.targets ?? [])
    for (const s of t.scenarios) if (s.routing?.route === route && s.alert && s.routing.status === 'passed') return { ...s.alert.labels }
  for (const t of drill?.targets ?? []) for (const s of t.scenarios) if (s.routing?.route === route && s.alert) return { ...s.alert.labels }
  return undefined
}
