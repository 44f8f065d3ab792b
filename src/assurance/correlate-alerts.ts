/**
 * The I/O side of alert tuning: alert history from Prometheus' ALERTS series, incidents from a
 * file or GitHub issues. The correlation itself is the pure `correlate` in tuning.ts.
 */
import type { Config } from '../config/schema.js'
import type { RunContext } from '../model/monitoring-model.js'
import type { PrometheusClient } from '../telemetry/prometheus/client.js'
import { durationSeconds } from '../util/duration.js'
import { errorText } from '../util/errors.js'
import {
  addCoverageSample,
  coverageExpression,
  coverageOf,
  PART_LABEL,
  sufficiencyRule,
  type CoverageRow,
  type DataCoverage
} from '../telemetry/coverage.js'
import { pagerDutyIncidents } from './backtest/pagerduty-incidents.js'
import { correlate, episodesFromSeries, parseIncidents } from './tuning.js'
import type { DataSourceStatus, Incident, IncidentReader, TuningReport } from './types.js'
import { readWorkspaceText } from '../util/workspace.js'
import { parseJsonText } from '../evidence/text.js'

/** A Prometheus client for a named backend, or the first one configured. */
export type PrometheusFor = (backend?: string) => Promise<PrometheusClient | undefined>

export function emptyTuning(now: Date, config: Config, reason: string): TuningReport {
  return {
    generated_at: now.toISOString(),
    lookback: config.incidents.lookback,
    sources: [{ name: 'alert tuning', kind: 'alerts', request: '-', status: 'error', detail: reason, count: 0 }],
    from_real_data: false,
    alerts: [],
    incidents: [],
    precision: null,
    recall: null,
    mean_detection_seconds: null,
    adjustments: [],
    source: 'built-in'
  }
}

/** Alert history from Prometheus' ALERTS series; incidents from a file or GitHub issues. */
export async function correlateAlerts(ctx: RunContext, prometheus: PrometheusFor, github: IncidentReader): Promise<TuningReport> {
  const { config, now } = ctx
  const lookback = config.incidents.lookback
  const end = now()
  const start = new Date(end.getTime() - durationSeconds(lookback) * 1000)
  const sources: DataSourceStatus[] = []
  // One point a minute for a week is 10080 per series, under Prometheus' 11000-point limit.
  const step = Math.max(60, Math.ceil(durationSeconds(lookback) / 10000))
  const query = 'ALERTS{alertstate="firing", synthetic!="true"}'
  let episodes: ReturnType<typeof episodesFromSeries> = []
  let coverage: DataCoverage | undefined
  const prom = await prometheus(config.alerting['rules-backend'])
  if (!prom) {
    sources.push({
      name: 'prometheus ALERTS',
      kind: 'alerts',
      request: query,
      status: 'not_configured',
      detail: 'no Prometheus backend configured',
      count: 0
    })
  } else {
    try {
      const r = await prom.rangeQuery(query, start, end, step)
      episodes = episodesFromSeries(r.series, step, config['service-label'])
      sources.push({
        name: prom.name,
        kind: 'alerts',
        request: `${r.request.method} ${r.request.url} ${query}`,
        status: 'ok',
        detail: `${r.series.length} alert series`,
        count: episodes.length
      })
      coverage = await historyCoverage(ctx, prom, end).catch((err: unknown) => {
        sources.push({
          name: prom.name,
          kind: 'alerts',
          request: 'alert history range (first up/ALERTS sample)',
          status: 'error',
          detail: `the range the alert history covers could not be measured: ${errorText(err)}`,
          count: 0
        })
        return undefined
      })
    } catch (err) {
      sources.push({ name: prom.name, kind: 'alerts', request: query, status: 'error', detail: errorText(err), count: 0 })
    }
  }
  let incidents: Incident[] = []
  const file = config.incidents.file
  const labels = config.incidents['github-labels']
  if (file) {
    try {
      // Confined to the workspace, strict UTF-8, and a JSON error that never quotes the file.
      const { text } = await readWorkspaceText(ctx.workspace, file, { field: 'incidents.file' }, { what: 'an incidents JSON file' })
      const all = parseIncidents(parseJsonText(text, file, 'an incidents JSON file'), file)
      incidents = all.filter((i) => Date.parse(i.started_at) >= start.getTime() - 86400_000)
      sources.push({
        name: file,
        kind: 'incidents',
        request: `read ${file}`,
        status: 'ok',
        detail: `${all.length} incident(s) in file`,
        count: incidents.length
      })
    } catch (err) {
      sources.push({ name: file, kind: 'incidents', request: `read ${file}`, status: 'error', detail: errorText(err), count: 0 })
    }
  }
  if (labels?.length) {
    const request = `GitHub issues labelled ${labels.join(', ')} since ${start.toISOString()}`
    try {
      const found = await github.incidents(labels, start)
      incidents.push(...found)
      sources.push({
        name: 'github issues',
        kind: 'incidents',
        request,
        status: 'ok',
        detail: `${found.length} issue(s)`,
        count: found.length
      })
    } catch (err) {
      sources.push({ name: 'github issues', kind: 'incidents', request, status: 'error', detail: errorText(err), count: 0 })
    }
  }
  if (config.incidents.pagerduty) {
    try {
      const pd = await pagerDutyIncidents({ config, env: ctx.env, log: ctx.log, since: start, until: end })
      incidents.push(...pd.incidents)
      const left = pd.synthetic ? `; ${pd.synthetic} synthetic alert test(s) left out` : ''
      sources.push({
        name: 'pagerduty incidents',
        kind: 'incidents',
        request: pd.request,
        status: 'ok',
        detail: `${pd.incidents.length} incident(s) in ${pd.requests} page(s)${left}`,
        count: pd.incidents.length
      })
    } catch (err) {
      sources.push({
        name: 'pagerduty incidents',
        kind: 'incidents',
        request: 'GET /incidents',
        status: 'error',
        detail: errorText(err),
        count: 0
      })
    }
  }
  if (!file && !labels?.length && !config.incidents.pagerduty) {
    sources.push({
      name: 'incidents',
      kind: 'incidents',
      request: '-',
      status: 'not_configured',
      detail: 'set incidents.file, incidents.github-labels or incidents.pagerduty',
      count: 0
    })
  }
  // An incident from before the alert history began says nothing about the alerts: it is not "missed".
  const from = coverage?.from ? Date.parse(coverage.from) : undefined
  const uncovered = coverage ? incidents.filter((i) => from === undefined || Date.parse(i.started_at) < from) : []
  const report = correlate({ episodes, incidents: incidents.filter((i) => !uncovered.includes(i)), sources, lookback, now: end })
  for (const incident of uncovered) {
    report.incidents.push({
      incident,
      detected: false,
      outcome: 'insufficient_data',
      reason: `the alert history ${coverage!.from ? `starts at ${coverage!.from}` : 'is empty'}, after the incident began: whether it alerted is unknown`
    })
  }
  if (coverage) report.coverage = coverage
  return report
}

/**
 * The range the alert history covers: rule evaluation runs with scraping, so the first `up` (or
 * `ALERTS`) sample in the lookback is when the history begins. One grouped query.
 */
async function historyCoverage(ctx: RunContext, prom: PrometheusClient, end: Date): Promise<DataCoverage & { informational: boolean }> {
  const lookback = ctx.config.incidents.lookback
  const seconds = durationSeconds(lookback)
  const rule = sufficiencyRule(ctx.config, 'alert-correlation', seconds)
  const query = coverageExpression(['up', 'ALERTS', 'ALERTS_FOR_STATE'], seconds, [], { countEvents: false })
  const row: CoverageRow = {}
  for (const s of (await prom.instantQuery(query, end)).samples) addCoverageSample(row, s.labels[PART_LABEL], s.value)
  const coverage = coverageOf(row.first === undefined ? undefined : row, { now: end, window: lookback, rule, query, countsRequests: false })
  return { ...coverage, informational: rule.informational }
}
