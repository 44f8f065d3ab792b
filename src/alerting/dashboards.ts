import { isDynamicPattern } from 'tinyglobby'
import { parseJsonText } from '../evidence/text.js'
import { BackendError, errorText, InputError } from '../util/errors.js'
import { expandWorkspacePaths, readWorkspaceText } from '../util/workspace.js'
import type { RunContext, ResolvedService } from '../model/monitoring-model.js'
import { httpRequest, redactUrl } from '../util/http.js'
import { PrometheusClient } from '../telemetry/prometheus/client.js'
import { describeNumber, selectorOf } from '../telemetry/vector.js'
import { selectorsOf } from '../telemetry/coverage.js'
import { labelMatchers, matcherSelects, type Matcher } from './slo/promql.js'
import type { DashboardFinding, DashboardPanel, DashboardReport } from './types.js'
import { isObject, type JsonObject as Json } from '../util/json.js'

/** A Grafana dashboard model as found in a file or the HTTP API. */
export interface LoadedDashboard {
  title: string
  uid?: string
  source: string
  link?: string
  model: Json
}

/** Query text of a Grafana target, whatever the data source. */
function targetQueries(target: unknown): string[] {
  if (!isObject(target)) return []
  return ['expr', 'query', 'rawSql', 'expression', 'rawQuery', 'target']
    .map((k) => target[k])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
}

function thresholdValues(panel: Json): number[] {
  const out: number[] = []
  const steps = (panel.fieldConfig as Json | undefined)?.defaults
  const stepList = isObject(steps) && isObject(steps.thresholds) ? steps.thresholds.steps : undefined
  if (Array.isArray(stepList)) for (const s of stepList) if (isObject(s) && typeof s.value === 'number') out.push(s.value)
  // Legacy panels: singlestat "80,90" or graph [{value, op, colorMode}].
  const legacy = panel.thresholds
  if (typeof legacy === 'string') for (const p of legacy.split(',')) if (p.trim() !== '' && Number.isFinite(Number(p))) out.push(Number(p))
  if (Array.isArray(legacy)) for (const s of legacy) if (isObject(s) && typeof s.value === 'number') out.push(s.value)
  return [...new Set(out)]
}

/** Every panel of a dashboard: top-level, inside row panels (collapsed or not) and legacy rows. */
export function dashboardPanels(model: Json): DashboardPanel[] {
  const out: DashboardPanel[] = []
  const visit = (panels: unknown): void => {
    if (!Array.isArray(panels)) return
    for (const p of panels) {
      if (!isObject(p)) continue
      if (p.type !== 'row') {
        out.push({
          title: typeof p.title === 'string' ? p.title : '',
          queries: (Array.isArray(p.targets) ? p.targets : []).flatMap(targetQueries),
          thresholds: thresholdValues(p)
        })
      }
      visit(p.panels)
    }
  }
  visit(model.panels)
  if (Array.isArray(model.rows)) for (const r of model.rows) if (isObject(r)) visit(r.panels)
  return out
}

/** A panel's PromQL targets (Prometheus-typed or untyped data source), for running against the backend. */
function panelPromQueries(model: Json): Array<{ title: string; queries: string[] }> {
  const out: Array<{ title: string; queries: string[] }> = []
  const dsType = (d: unknown): string | undefined => (isObject(d) && typeof d.type === 'string' ? d.type : undefined)
  const visit = (panels: unknown): void => {
    if (!Array.isArray(panels)) return
    for (const p of panels) {
      if (!isObject(p)) continue
      if (p.type !== 'row') {
        const queries = (Array.isArray(p.targets) ? p.targets : [])
          .filter((t) => isObject(t) && typeof t.expr === 'string' && t.expr.trim() !== '' && t.hide !== true)
          .filter((t) => {
            const type = dsType((t as Json).datasource) ?? dsType(p.datasource)
            return type === undefined || type === 'prometheus'
          })
          .map((t) => String((t as Json).expr))
        out.push({ title: typeof p.title === 'string' ? p.title : '', queries })
      }
      visit(p.panels)
    }
  }
  visit(model.panels)
  if (Array.isArray(model.rows)) for (const r of model.rows) if (isObject(r)) visit(r.panels)
  return out
}

/** Template variables and the values they can take, for `$service`-style queries. */
function variableValues(model: Json): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const list = isObject(model.templating) ? model.templating.list : undefined
  if (!Array.isArray(list)) return out
  for (const v of list) {
    if (!isObject(v) || typeof v.name !== 'string') continue
    const values: string[] = []
    if (typeof v.query === 'string') values.push(...v.query.split(/[,\s]+/))
    if (isObject(v.query) && typeof v.query.query === 'string') values.push(v.query.query)
    for (const o of Array.isArray(v.options) ? v.options : []) if (isObject(o)) values.push(String(o.value ?? ''), String(o.text ?? ''))
    if (isObject(v.current)) for (const x of [v.current.value, v.current.text].flat()) if (typeof x === 'string') values.push(x)
    out.set(v.name, values.filter(Boolean))
  }
  return out
}

/** What a panel query can show, read once per query: its equality values, its regexes, its variables. */
interface QueryIndex {
  equals: Set<string>
  regexes: Matcher[]
  variables: string[]
}
// Built once per query or text: the check asks of every service and panel, 5,000 services by a
// hundred panels at fleet size.
const queryIndexes = new Map<string, QueryIndex>()
function indexOf(query: string): QueryIndex {
  let ix = queryIndexes.get(query)
  if (!ix) {
    if (queryIndexes.size > 20_000) queryIndexes.clear()
    const matchers = labelMatchers(query)
    ix = {
      equals: new Set(matchers.filter((m) => m.op === '=').map((m) => m.value)),
      regexes: matchers.filter((m) => m.op === '=~'),
      variables: [...query.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!)
    }
    queryIndexes.set(query, ix)
  }
  return ix
}
const WORD_CHARS = /^[A-Za-z0-9_-]+$/
/** A text's maximal runs of [A-Za-z0-9_-]: a value of those characters is a word of the text iff it is one of them. */
const textWords = new Map<string, Set<string>>()
const wordPatterns = new Map<string, RegExp>()
/** Whether value appears in text between characters that cannot be part of a name. */
const word = (text: string, value: string): boolean => {
  if (WORD_CHARS.test(value)) {
    let words = textWords.get(text)
    if (!words) {
      if (textWords.size > 50_000) textWords.clear()
      words = new Set(text.split(/[^A-Za-z0-9_-]+/).filter(Boolean))
      textWords.set(text, words)
    }
    return words.has(value)
  }
  let re = wordPatterns.get(value)
  if (!re) {
    if (wordPatterns.size > 50_000) wordPatterns.clear()
    re = new RegExp(`(?<![A-Za-z0-9_-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_-])`)
    wordPatterns.set(value, re)
  }
  return re.test(text)
}

/** Whether a panel query shows a service: a matcher on its label value, its name, or a variable that offers it. */
function queryShowsService(query: string, svc: ResolvedService, vars: Map<string, string[]>): boolean {
  const ix = indexOf(query)
  const values = [svc.name, ...Object.values(svc.selector)]
  if (values.some((v) => ix.equals.has(v) || ix.regexes.some((m) => matcherSelects(m, v)) || word(query, v))) return true
  return ix.variables.some((name) => (vars.get(name) ?? []).some((o) => word(o, svc.name)))
}

async function loadFiles(ctx: RunContext, errors: string[]): Promise<LoadedDashboard[]> {
  const out: LoadedDashboard[] = []
  const patterns = ctx.config.dashboards.files
  // Each path is confined to the workspace and read as strict UTF-8; errors never quote the file.
  const expanded = await expandWorkspacePaths(ctx.workspace, patterns, (i) => ({ field: `dashboards.files[${i}]` }))
  const files = expanded.files
  errors.push(...expanded.errors.map((e) => e.message))
  for (const p of patterns) {
    if (isDynamicPattern(p) && !files.some((f) => f.pattern === p)) errors.push(`no files match dashboards.files pattern ${p}`)
  }
  for (const { shown } of files) {
    try {
      const { text } = await readWorkspaceText(
        ctx.workspace,
        shown,
        { field: 'dashboards.files' },
        { what: 'a Grafana dashboard JSON file' }
      )
      const data = parseJsonText(text, shown, 'a Grafana dashboard JSON file')
      // An API export wraps the model as {dashboard, meta}.
      const model = isObject(data) && isObject(data.dashboard) ? data.dashboard : data
      if (!isObject(model) || (!Array.isArray(model.panels) && !Array.isArray(model.rows))) {
        errors.push(`${shown}: not a Grafana dashboard (no panels or rows)`)
        continue
      }
      out.push({
        title: typeof model.title === 'string' ? model.title : shown,
        uid: typeof model.uid === 'string' ? model.uid : undefined,
        source: shown,
        link: shown,
        model
      })
    } catch (err) {
      errors.push(err instanceof InputError && err.found === 'no such file' ? `${shown}: no such dashboard file` : errorText(err))
    }
  }
  return out
}

async function loadGrafana(ctx: RunContext, errors: string[]): Promise<LoadedDashboard[]> {
  const g = ctx.config.dashboards.grafana
  if (!g) return []
  const base = g.url.replace(/\/+$/, '')
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (g['token-env']) {
    const token = ctx.env[g['token-env']]
    if (!token) {
      errors.push(`grafana: environment variable ${g['token-env']} is not set`)
      return []
    }
    ctx.log.setSecret(token)
    headers.Authorization = `Bearer ${token}`
  }
  const get = async (path: string): Promise<unknown> => {
    const res = await httpRequest({ backend: 'grafana', url: `${base}${path}`, headers, timeoutMs: 10_000, retries: 2 })
    if (res.status !== 200) throw new BackendError('grafana', `GET ${redactUrl(base)}${path}`, `HTTP ${res.status}`, res.status)
    return JSON.parse(res.text) as unknown
  }
  const out: LoadedDashboard[] = []
  try {
    let uids = g.uids
    if (uids.length === 0) {
      const found = await get('/api/search?type=dash-db')
      uids = (Array.isArray(found) ? found : [])
        .map((d) => (isObject(d) && typeof d.uid === 'string' ? d.uid : ''))
        .filter(Boolean)
        .slice(0, 200)
    }
    for (const uid of uids) {
      const body = await get(`/api/dashboards/uid/${encodeURIComponent(uid)}`)
      const model = isObject(body) && isObject(body.dashboard) ? body.dashboard : undefined
      if (!model) {
        errors.push(`grafana: dashboard ${uid} has no model`)
        continue
      }
      const metaUrl = isObject(body) && isObject(body.meta) && typeof body.meta.url === 'string' ? body.meta.url : `/d/${uid}`
      out.push({
        title: typeof model.title === 'string' ? model.title : uid,
        uid,
        source: `grafana:${redactUrl(base)}`,
        link: `${base}${metaUrl.startsWith('/') ? '' : '/'}${metaUrl}`,
        model
      })
    }
  } catch (err) {
    errors.push(err instanceof Error ? err.message : String(err))
  }
  return out
}

/** Grafana's own variables, set as a dashboard over the last hour would set them. */
const GRAFANA_BUILTINS: Record<string, string> = {
  __rate_interval: '5m',
  __interval: '1m',
  __interval_ms: '60000',
  __range: '1h',
  __range_s: '3600',
  __range_ms: '3600000'
}

/** The current value of each template variable (`All` as a match-anything regex). */
function currentValues(model: Json): Map<string, string> {
  const out = new Map<string, string>()
  const list = isObject(model.templating) ? model.templating.list : undefined
  for (const v of Array.isArray(list) ? list : []) {
    if (!isObject(v) || typeof v.name !== 'string') continue
    const cur = isObject(v.current) ? v.current.value : undefined
    const first = Array.isArray(cur) ? cur[0] : cur
    out.set(v.name, typeof first === 'string' && first !== '$__all' && first !== 'All' ? first : '.*')
  }
  return out
}

const escapeRe = (v: string): string => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A panel query with its variables set: `serviceVars` (the variables that offer the services) become
 * a regex over `services`, with `label="$var"` turned into `label=~"..."`; Grafana's interval and
 * range variables and the others take their usual or current values.
 */
export function setVariables(query: string, serviceVars: Set<string>, services: string[], current: Map<string, string>): string {
  const regex = services.map(escapeRe).join('|')
  const valueOf = (name: string): string | undefined => (serviceVars.has(name) ? regex : (GRAFANA_BUILTINS[name] ?? current.get(name)))
  const ref = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[a-z]+)?\}|\[\[([A-Za-z_][A-Za-z0-9_]*)\]\]|\$([A-Za-z_][A-Za-z0-9_]*)/g
  // Equality matchers on a variable that may now hold several values become regex matchers.
  const eq = /([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*\$(?:\{[^}]+\}|\[\[[^\]]+\]\]|[A-Za-z_][A-Za-z0-9_]*)(?:[^"\\]|\\.)*)"/g
  const withRe = query.replace(eq, (m, label: string, value: string) => {
    const names = [...value.matchAll(ref)].map((r) => r[1] ?? r[2] ?? r[3]!)
    return names.some((n) => serviceVars.has(n) || current.get(n) === '.*') ? `${label}=~"${value}"` : m
  })
  return withRe.replace(ref, (m, a?: string, b?: string, c?: string) => valueOf((a ?? b ?? c)!) ?? m)
}

/** What the live check of one panel found for one service. */
interface PanelCheck {
  panel: string
  service: string
  query: string
  verdict: 'pass' | 'fail' | 'error'
  answer: string
}

function dashboardBackend(ctx: RunContext): string | undefined {
  const named = ctx.config.dashboards.backend ?? ctx.config.baseline.backend
  if (named) return named
  return Object.entries(ctx.config.backends).find(([, b]) => b.type === 'prometheus')?.[0]
}

/** Bound on the queries the live dashboard check sends, whatever the dashboards hold. */
export const MAX_DASHBOARD_QUERIES = 200

const SELECTOR_LABEL = 'sre_selector'

/**
 * One query telling which services each selector has series for: every selector's series, marked
 * with its index, grouped by the service label. Flat in the number of services.
 */
export function presenceQuery(selectors: string[], label: string): string | undefined {
  if (selectors.length === 0) return undefined
  const marked = selectors.map((s, i) => `label_replace(${s}, "${SELECTOR_LABEL}", "${i}", "", "")`)
  return `group by (${label}, ${SELECTOR_LABEL}) (${marked.join(' or ')})`
}

/**
 * Run each panel that shows a required service against the backend: one query per panel query,
 * its service variable set to a regex over every required service it offers (results told apart
 * by the service label), never one query per service: a panel that folds the services together
 * costs one more query, which tells the services apart by its selectors' series.
 */
async function livePanelChecks(
  client: PrometheusClient,
  ctx: RunContext,
  d: LoadedDashboard,
  required: ResolvedService[],
  budget: { left: number }
): Promise<PanelCheck[]> {
  const out: PanelCheck[] = []
  const vars = variableValues(d.model)
  const current = currentValues(d.model)
  const label = ctx.model.serviceLabel
  const now = ctx.now()
  const run = async (query: string): Promise<{ samples?: Array<{ labels: Record<string, string>; value: number }>; error?: string }> => {
    if (budget.left <= 0) return { error: `not run: more than ${MAX_DASHBOARD_QUERIES} dashboard queries` }
    budget.left--
    try {
      return { samples: (await client.instantQuery(query, now)).samples }
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) }
    }
  }
  const describe = (samples: Array<{ labels: Record<string, string>; value: number }>): string =>
    samples.length === 0
      ? 'empty result (no series)'
      : `${samples.length} series, none finite for this service: ${samples
          .slice(0, 3)
          .map((x) => `${JSON.stringify(x.labels)} ${describeNumber(x.value)}`)
          .join('; ')}`
  for (const panel of panelPromQueries(d.model)) {
    const perService = new Map<string, PanelCheck>()
    for (const q of panel.queries) {
      const shown = required.filter((svc) => queryShowsService(q, svc, vars))
      if (shown.length === 0) continue
      const serviceVars = new Set(
        [...q.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)|\[\[([A-Za-z_][A-Za-z0-9_]*)\]\]/g)]
          .map((m) => (m[1] ?? m[2])!)
          .filter((n) => (vars.get(n) ?? []).some((o) => shown.some((svc) => word(o, svc.name))))
      )
      const query = setVariables(
        q,
        serviceVars,
        shown.map((svc) => selectorOf(svc, label)[label] ?? svc.name),
        current
      )
      const answer = await run(query)
      const record = (svc: ResolvedService, c: Omit<PanelCheck, 'panel' | 'service'>): void => {
        const prev = perService.get(svc.name)
        // Any query of the panel with data for the service is enough.
        if (!prev || prev.verdict !== 'pass') perService.set(svc.name, { panel: panel.title, service: svc.name, ...c })
      }
      if (answer.error !== undefined) {
        for (const svc of shown) record(svc, { query, verdict: 'error', answer: answer.error })
        continue
      }
      const finite = answer.samples!.filter((x) => Number.isFinite(x.value))
      const labelled = finite.some((x) => x.labels[label] !== undefined)
      if (shown.length > 1 && !labelled && serviceVars.size > 0) {
        // The panel folds the services together. Which of them it shows data for is told by one
        // more query, whatever the number of services: each selector's series grouped by service.
        if (finite.length === 0) {
          for (const svc of shown) record(svc, { query, verdict: 'fail', answer: describe(answer.samples!) })
          continue
        }
        const selectors = selectorsOf(query)
        const presence = presenceQuery(selectors, label)
        const a = presence ? await run(presence) : { error: 'no selector in the query' }
        if (a.error !== undefined) {
          for (const svc of shown) record(svc, { query, verdict: 'error', answer: `the services' share could not be told: ${a.error}` })
          continue
        }
        const seen = new Set(a.samples!.map((x) => `${x.labels[label]}\0${x.labels[SELECTOR_LABEL]}`))
        for (const svc of shown) {
          const want = selectorOf(svc, label)[label] ?? svc.name
          const missing = selectors.findIndex((_, i) => !seen.has(`${want}\0${i}`))
          record(
            svc,
            missing < 0
              ? {
                  query,
                  verdict: 'pass',
                  answer: `the services folded together (${finite.length} series); every selector has series for this service (${presence})`
                }
              : { query, verdict: 'fail', answer: `no series of ${selectors[missing]} for this service (${presence})` }
          )
        }
        continue
      }
      for (const svc of shown) {
        const want = selectorOf(svc, label)[label] ?? svc.name
        const mine = labelled ? finite.filter((x) => x.labels[label] === want) : finite
        record(
          svc,
          mine.length
            ? { query, verdict: 'pass', answer: `${mine.length} series` }
            : { query, verdict: 'fail', answer: describe(answer.samples!) }
        )
      }
    }
    out.push(...perService.values())
  }
  return out
}

/**
 * Dashboards (repository JSON files and Grafana's API) checked for this release: each new or
 * critical service must be in a panel query, and each SLO with a `dashboard-threshold` must show
 * that threshold on a panel that shows its service. A dashboard is scored on the required items
 * of the services it shows; a dashboard that shows none of them scores 0.
 */
export async function checkDashboards(ctx: RunContext): Promise<DashboardReport> {
  const checked_at = ctx.now().toISOString()
  const required = ctx.model.services.filter((s) => s.new || s.critical)
  // The model holds every SLO of the run, OpenSLO documents included.
  const slos = ctx.model.slos.filter((s) => s['dashboard-threshold'] !== undefined)
  const errors: string[] = []
  const loaded = [...(await loadFiles(ctx, errors)), ...(await loadGrafana(ctx, errors))]
  const thresholdItem = (slo: { name: string; service: string; 'dashboard-threshold'?: number }): string =>
    `threshold ${slo['dashboard-threshold']} for SLO ${slo.name} on a ${slo.service} panel`
  const requiredItems = [...required.map((s) => `service ${s.name}`), ...slos.map(thresholdItem)]

  const sloServices: ResolvedService[] = [
    ...ctx.model.services,
    ...slos
      .filter((slo) => !ctx.model.services.some((s) => s.name === slo.service))
      .map((slo) => ({ name: slo.service, selector: {}, critical: false, new: false, endpoints: [], sources: [], risks: [] }))
  ]
  const presentAnywhere = new Set<string>()
  const backendName = dashboardBackend(ctx)
  const backendConfig = backendName ? ctx.config.backends[backendName] : undefined
  let client: PrometheusClient | undefined
  let liveNotVerified: string | undefined
  if (!backendConfig || backendConfig.type !== 'prometheus') {
    liveNotVerified = backendName
      ? `backend "${backendName}" is not a configured Prometheus backend`
      : "no Prometheus backend is configured to run the panels' queries against"
  } else client = new PrometheusClient(backendName!, backendConfig, ctx.env, ctx.log)
  const budget = { left: MAX_DASHBOARD_QUERIES }
  const live = new Map<LoadedDashboard, PanelCheck[]>()
  for (const d of loaded) if (client) live.set(d, await livePanelChecks(client, ctx, d, required, budget))
  const dashboards: DashboardFinding[] = loaded.map((d) => {
    const panels = dashboardPanels(d.model)
    const vars = variableValues(d.model)
    const shows = (svc: ResolvedService, p: DashboardPanel): boolean => p.queries.some((q) => queryShowsService(q, svc, vars))
    const covered = required.filter((s) => panels.some((p) => shows(s, p)))
    const coveredSet = new Set(covered)
    const missing = required.filter((s) => !coveredSet.has(s))
    for (const s of covered) presentAnywhere.add(`service ${s.name}`)
    // Thresholds are required of the services this dashboard shows (of all required ones if it shows none).
    const shown = new Set(sloServices.filter((s) => panels.some((p) => shows(s, p))).map((s) => s.name))
    const scope = covered.length ? shown : new Set(required.map((s) => s.name))
    const thresholdsMissing: string[] = []
    let thresholdsPresent = 0
    for (const slo of slos) {
      const svc = sloServices.find((s) => s.name === slo.service)!
      const onPanel = panels.some(
        (p) => shows(svc, p) && p.thresholds.some((t) => Math.abs(t - slo['dashboard-threshold']!) <= 1e-9 * Math.max(1, Math.abs(t)))
      )
      if (onPanel) presentAnywhere.add(thresholdItem(slo))
      if (!scope.has(slo.service)) continue
      if (onPanel) thresholdsPresent++
      else thresholdsMissing.push(thresholdItem(slo))
    }
    const needed = (covered.length ? covered.length : required.length) + thresholdsPresent + thresholdsMissing.length
    const present = covered.length + thresholdsPresent
    return {
      dashboard: d.title,
      source: d.source,
      ...(d.link ? { link: d.link } : {}),
      panels,
      services_covered: covered.map((s) => s.name),
      services_missing: missing.map((s) => s.name),
      thresholds_missing: thresholdsMissing,
      score: needed === 0 ? 100 : Math.round((1000 * present) / needed) / 10,
      ...(live.has(d) ? { live_checks: live.get(d)! } : {})
    }
  })

  const report: DashboardReport = {
    checked_at,
    dashboards,
    services_without_dashboard: required.filter((s) => !presentAnywhere.has(`service ${s.name}`)).map((s) => s.name),
    required_items: requiredItems,
    overall_score:
      requiredItems.length === 0
        ? 100
        : Math.round((1000 * requiredItems.filter((i) => presentAnywhere.has(i)).length) / requiredItems.length) / 10
  }
  if (liveNotVerified && loaded.length > 0) report.live_not_verified_reason = liveNotVerified
  const configured = ctx.config.dashboards.files.length > 0 || !!ctx.config.dashboards.grafana
  if (!configured) report.not_verified_reason = 'no dashboards configured (dashboards.files or dashboards.grafana)'
  else if (errors.length) report.not_verified_reason = `dashboards could not all be read: ${errors.join('; ')}`
  else if (loaded.length === 0) report.not_verified_reason = 'no dashboard found in the configured sources'
  return report
}
