/**
 * Correlate recent alerts with incidents (seed step 3.2): which alerts were significant
 * (precision), which incidents alerted (recall), how fast (detection time), and what to adjust.
 */
import type { RangeSeries } from '../telemetry/prometheus/client.js'
import type { AlertEpisode, AlertStats, DataSourceStatus, Incident, IncidentMatch, TuningReport } from './types.js'
import { byText } from '../util/order.js'

/** An alert counts toward an incident if it fired this long before the incident's start. */
export const EARLY_ALERT_SECONDS = 600
/** Unresolved incidents are taken to last this long for matching. */
export const OPEN_INCIDENT_SECONDS = 3600

/** Turn `ALERTS{alertstate="firing"}` range samples into episodes: runs of consecutive samples. */
export function episodesFromSeries(series: RangeSeries[], stepSeconds: number, serviceLabel: string): AlertEpisode[] {
  const out: AlertEpisode[] = []
  for (const s of series) {
    let start: number | undefined
    let last: number | undefined
    const flush = (): void => {
      if (start === undefined || last === undefined) return
      out.push({
        alertname: s.labels.alertname ?? 'unnamed',
        service: s.labels[serviceLabel],
        severity: s.labels.severity,
        start: new Date(start * 1000).toISOString(),
        end: new Date(last * 1000).toISOString()
      })
    }
    for (const [t] of s.values) {
      if (last !== undefined && t - last > stepSeconds * 1.5) {
        flush()
        start = undefined
      }
      if (start === undefined) start = t
      last = t
    }
    flush()
  }
  return out.sort((a, b) => byText(a.start, b.start))
}

const ms = (iso: string): number => Date.parse(iso)

function overlaps(a: AlertEpisode, i: Incident): boolean {
  if (a.service && i.service && a.service !== i.service) return false
  const start = ms(i.started_at) - EARLY_ALERT_SECONDS * 1000
  const end = i.resolved_at ? ms(i.resolved_at) : ms(i.started_at) + OPEN_INCIDENT_SECONDS * 1000
  return ms(a.start) <= end && ms(a.end) >= start
}

const round = (n: number, digits = 4): number => Math.round(n * 10 ** digits) / 10 ** digits

export function correlate(args: {
  episodes: AlertEpisode[]
  incidents: Incident[]
  sources: DataSourceStatus[]
  lookback: string
  now: Date
}): TuningReport {
  const { episodes, incidents } = args
  const matchedEpisode = episodes.map((e) => incidents.some((i) => overlaps(e, i)))

  const byName = new Map<string, { episodes: number; matched: number }>()
  episodes.forEach((e, idx) => {
    const s = byName.get(e.alertname) ?? { episodes: 0, matched: 0 }
    s.episodes++
    if (matchedEpisode[idx]) s.matched++
    byName.set(e.alertname, s)
  })
  const alerts: AlertStats[] = [...byName.entries()]
    .map(([alertname, s]) => {
      const precision = s.episodes ? round(s.matched / s.episodes) : null
      const noisy = precision !== null && precision < 0.5 && s.episodes >= 3
      return {
        alertname,
        episodes: s.episodes,
        matched: s.matched,
        precision,
        suggestion: noisy ? 'noisy: raise the threshold or lengthen `for:` so it fires on significant events only' : undefined
      }
    })
    .sort((a, b) => byText(a.alertname, b.alertname))

  const matches: IncidentMatch[] = incidents.map((incident) => {
    const first = episodes.filter((e) => overlaps(e, incident)).sort((a, b) => byText(a.start, b.start))[0]
    return {
      incident,
      detected: !!first,
      first_alert: first?.alertname,
      detection_seconds: first ? Math.max(0, Math.round((ms(first.start) - ms(incident.started_at)) / 1000)) : undefined
    }
  })

  const significant = matchedEpisode.filter(Boolean).length
  const detected = matches.filter((m) => m.detected)
  const detections = detected.map((m) => m.detection_seconds ?? 0)
  const adjustments: TuningReport['adjustments'] = []
  for (const a of alerts.filter((x) => x.suggestion)) {
    adjustments.push({
      target: a.alertname,
      change: 'raise threshold or lengthen for:',
      why: `${a.matched} of ${a.episodes} firings matched an incident (precision ${a.precision})`
    })
  }
  for (const m of matches.filter((x) => !x.detected)) {
    adjustments.push({
      target: m.incident.service ?? 'unknown service',
      change: 'add or lower an alert',
      why: `incident ${m.incident.id} (${m.incident.started_at}) raised no alert`
    })
  }
  for (const m of detected.filter((x) => (x.detection_seconds ?? 0) > 900)) {
    adjustments.push({
      target: m.first_alert ?? 'alert',
      change: 'shorten the alert window or add a faster burn-rate alert',
      why: `incident ${m.incident.id} was detected after ${m.detection_seconds} s`
    })
  }
  const fromRealData =
    args.sources.some((s) => s.kind === 'alerts' && s.status === 'ok') &&
    args.sources.some((s) => s.kind === 'incidents' && s.status === 'ok') &&
    args.sources.every((s) => s.status === 'ok')

  return {
    generated_at: args.now.toISOString(),
    lookback: args.lookback,
    sources: args.sources,
    from_real_data: fromRealData,
    alerts,
    incidents: matches,
    precision: episodes.length ? round(significant / episodes.length) : null,
    recall: incidents.length ? round(detected.length / incidents.length) : null,
    mean_detection_seconds: detections.length ? Math.round(detections.reduce((a, b) => a + b, 0) / detections.length) : null,
    adjustments,
    source: 'built-in'
  }
}

/** Incidents from a JSON file: an array of {id, service?, title?, started_at, resolved_at?}. */
export function parseIncidents(data: unknown, file: string): Incident[] {
  const list = Array.isArray(data) ? data : (data as { incidents?: unknown })?.incidents
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of incidents (or {incidents: [...]})`)
  return list.map((raw, i) => {
    const r = raw as Record<string, unknown>
    const started = r.started_at ?? r.startedAt ?? r.created_at
    if (typeof started !== 'string' || Number.isNaN(Date.parse(started))) {
      throw new Error(`${file} at /${i}/started_at: expected an ISO 8601 time, found ${JSON.stringify(started)}`)
    }
    const resolved = r.resolved_at ?? r.resolvedAt
    return {
      id: String(r.id ?? i + 1),
      service: typeof r.service === 'string' ? r.service : undefined,
      title: typeof r.title === 'string' ? r.title : undefined,
      started_at: new Date(started).toISOString(),
      resolved_at: typeof resolved === 'string' && !Number.isNaN(Date.parse(resolved)) ? new Date(resolved).toISOString() : undefined,
      source: file
    }
  })
}
