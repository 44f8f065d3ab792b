/**
 * Why a signal has no data, in the manner of pint's explanations of an empty selector: the metric
 * does not exist in the backend; it exists but not for this service's label value (with the
 * closest values); it existed and stopped at a time; the target is up but there is no traffic;
 * the backend is down. Two grouped queries per signal and backend, whatever the number of
 * services: one for the metric's label values and newest samples, one for `up` and `*_info`.
 */
import type { ResolvedService } from '../model/monitoring-model.js'
import { errorText } from '../util/errors.js'
import { selectorsOf } from './coverage.js'
import type { PrometheusClient } from './prometheus/client.js'
import { exactRegex, promDuration, selectorOf } from './vector.js'

import type { NoDataDiagnosis } from '../artifacts/contracts/instrumentation-audit.js'
import { byText } from '../util/order.js'

export type { NoDataDiagnosis }

/** How far back the diagnosis looks for a metric that stopped. */
export const DIAGNOSIS_LOOKBACK_SECONDS = 86400

const PART = 'sre_diag'

/** The metric names a template reads. */
export function metricNames(template: string): string[] {
  const names = new Set<string>()
  for (const sel of selectorsOf(template)) {
    const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(sel)?.[0] ?? /__name__\s*=\s*"([^"]+)"/.exec(sel)?.[1]
    if (name) names.add(name)
  }
  return [...names]
}

const normalise = (v: string): string => v.toLowerCase().replace(/[^a-z0-9]/g, '')

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!
    d[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return d[b.length]!
}

/** The values nearest to `want`: same letters apart from case and separators first, then by edit distance. */
export function closestValues(want: string, values: string[], max = 3): string[] {
  const w = normalise(want)
  return values
    .map((v) => ({ v, d: normalise(v) === w ? 0 : editDistance(normalise(v), w) + 1 }))
    .filter((x) => x.d <= Math.max(3, Math.ceil(w.length / 3)))
    .sort((a, b) => a.d - b.d || byText(a.v.toLowerCase(), b.v.toLowerCase()) || byText(a.v, b.v))
    .slice(0, max)
    .map((x) => x.v)
}

export interface DiagnosisInput {
  client: PrometheusClient
  template: string
  services: ResolvedService[]
  serviceLabel: string
  now: Date
  freshnessSeconds: number
  /** Services whose check failed because the backend could not answer, with the error. */
  backendErrors?: Map<string, string>
}

/** Diagnose every listed service's missing data for one promql signal. */
export async function diagnoseNoData(input: DiagnosisInput): Promise<Map<string, NoDataDiagnosis>> {
  const out = new Map<string, NoDataDiagnosis>()
  const { client, services, serviceLabel, now } = input
  const ask = services.filter((s) => !input.backendErrors?.has(s.name))
  for (const s of services) {
    const err = input.backendErrors?.get(s.name)
    if (err !== undefined)
      out.set(s.name, { cause: 'backend_down', detail: `the backend ${client.name} did not answer: ${err}`, query: input.template })
  }
  if (ask.length === 0) return out
  const names = metricNames(input.template)
  const lookback = promDuration(DIAGNOSIS_LOOKBACK_SECONDS)
  const step = promDuration(300)
  const by = [...new Set([serviceLabel, 'job'])].join(', ')
  // The newest sample of each metric per label value over a day: which values exist, and when each stopped.
  const metricQuery = names
    .map(
      (n, i) =>
        `label_replace(max by (${by}) (max_over_time(timestamp({__name__="${n}"})[${lookback}:${step}]) or timestamp({__name__="${n}"})), "${PART}", "${i}", "", "")`
    )
    .join('\nor\n')
  const values = [...new Set(ask.map((s) => selectorOf(s, serviceLabel)[serviceLabel] ?? s.name))]
  // Signals that exist without traffic (up, *_info), and whether any counter of the service moves.
  const targetQuery = [
    `label_replace(max by (${by}) (up), "${PART}", "up", "", "")`,
    `label_replace(count by (${by}) ({__name__=~".+_info"}), "${PART}", "info", "", "")`,
    `label_replace(count by (${by}) (increase({__name__=~".+_total", ${serviceLabel}=~${exactRegex(values)}}[5m]) > 0), "${PART}", "busy", "", "")`
  ].join('\nor\n')
  let metricRows: Array<{ labels: Record<string, string>; value: number }>
  let targetRows: Array<{ labels: Record<string, string>; value: number }>
  try {
    ;[metricRows, targetRows] = await Promise.all([
      names.length ? client.instantQuery(metricQuery, now).then((r) => r.samples) : Promise.resolve([]),
      client.instantQuery(targetQuery, now).then((r) => r.samples)
    ])
  } catch (err) {
    for (const s of ask)
      out.set(s.name, {
        cause: 'backend_down',
        detail: `the backend ${client.name} did not answer the diagnosis: ${errorText(err)}`,
        query: metricQuery || targetQuery
      })
    return out
  }
  const nowSec = now.getTime() / 1000
  const iso = (t: number): string => new Date(t * 1000).toISOString()
  const valuesByMetric = names.map((_, i) => metricRows.filter((r) => r.labels[PART] === String(i)))
  const shown = names.join(', ')
  for (const s of ask) {
    const want = selectorOf(s, serviceLabel)[serviceLabel] ?? s.name
    const mine = (r: { labels: Record<string, string> }): boolean =>
      r.labels[serviceLabel] === want || (r.labels[serviceLabel] === undefined && r.labels.job === want)
    const up = targetRows.find((r) => r.labels[PART] === 'up' && mine(r))
    const info = targetRows.find((r) => r.labels[PART] === 'info' && mine(r))
    const alive =
      up && up.value === 1
        ? `up{${up.labels[serviceLabel] !== undefined ? serviceLabel : 'job'}="${want}"} is 1`
        : info
          ? `an *_info series for ${want} exists`
          : undefined
    const rowsForService = valuesByMetric.flatMap((rows) => rows.filter(mine))
    const busy = targetRows.some((r) => r.labels[PART] === 'busy' && mine(r))
    const counters = names.some((n) => /(_total|_count|_bucket|_sum)$/.test(n))
    if (valuesByMetric.every((rows) => rows.length === 0)) {
      // A counter with labels appears with its first event: up with nothing counted is no traffic.
      if (alive && !busy && counters) {
        out.set(s.name, {
          cause: 'no_traffic',
          detail: `the target is up but there is no traffic: ${alive}, no counter of ${want} moved in the last 5m, and ${shown} has no series yet (it appears with the first request)`,
          query: targetQuery
        })
      } else {
        out.set(s.name, {
          cause: 'metric_missing',
          detail: `the metric ${shown} does not exist in ${client.name}: no series for any ${serviceLabel} in the last ${lookback}${alive ? ` (though ${alive}${busy ? ` and ${want} has traffic` : ''})` : ''}`,
          query: metricQuery
        })
      }
      continue
    }
    if (rowsForService.length === 0) {
      const values = [
        ...new Set(
          valuesByMetric
            .flat()
            .map((r) => r.labels[serviceLabel])
            .filter((v): v is string => !!v)
        )
      ]
      const closest = closestValues(want, values)
      if (alive && !busy && closest.length === 0) {
        out.set(s.name, {
          cause: 'no_traffic',
          detail: `the target is up but there is no traffic: ${alive}, no counter of ${want} moved in the last 5m, and ${shown} has no series for ${serviceLabel}="${want}" in the last ${lookback}`,
          query: targetQuery
        })
        continue
      }
      out.set(s.name, {
        cause: 'label_value_mismatch',
        detail: `${shown} exists, but not for ${serviceLabel}="${want}"${closest.length ? `; closest values: ${closest.map((c) => `"${c}"`).join(', ')}` : `; it has ${values.length} other value(s)`}`,
        query: metricQuery,
        ...(closest.length ? { closest_values: closest } : {})
      })
      continue
    }
    const newest = Math.max(...rowsForService.map((r) => r.value))
    if (nowSec - newest > input.freshnessSeconds) {
      out.set(s.name, {
        cause: 'stopped',
        detail: `${shown} for ${serviceLabel}="${want}" stopped at ${iso(newest)} (${Math.round(nowSec - newest)} s before the check)`,
        query: metricQuery,
        stopped_at: iso(newest)
      })
      continue
    }
    out.set(s.name, {
      cause: 'filtered_out',
      detail: `${shown} has fresh series for ${serviceLabel}="${want}", but the check's query selects none of them: its matchers or functions filter them out`,
      query: metricQuery
    })
  }
  return out
}
