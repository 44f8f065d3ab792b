import type { ResolvedService } from '../model/monitoring-model.js'
import type { CheckRequest, Measurement } from './types.js'
import type { ServiceMeasurement } from './provider.js'
import { describeNumber, promDuration } from './vector.js'

/** What a grouped query said about one service (several groups may belong to one service). */
export interface ServiceRow {
  values: number[]
  /** Epoch seconds of the newest sample, when the query could tell. */
  newest?: number
  series?: number
}

export interface GroupedJudgement {
  services: ResolvedService[]
  rows: Map<string, ServiceRow>
  request: CheckRequest
  /** The second query that found when a stopped service last reported, when one was asked. */
  lookbackQuery?: string
  startedAt: string
  finishedAt: string
  now: Date
  freshnessSeconds: number
  /** How far back the query looked for the newest sample. */
  lookbackSeconds: number
  /** Values must be above zero (counts of log lines); otherwise any finite value passes. */
  requirePositive?: boolean
  /** The query only counts data inside the freshness window, so any value is fresh. */
  freshByWindow?: boolean
}

const iso = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString()

/**
 * Turn one grouped answer into a measurement per service. No data, NaN, ±Inf and stale samples
 * are failures with their own gap names; nothing here ever passes by default.
 */
export function judgeGrouped(j: GroupedJudgement): ServiceMeasurement[] {
  const nowSec = j.now.getTime() / 1000
  const fresh = `newest sample within ${promDuration(j.freshnessSeconds)}`
  return j.services.map((s): ServiceMeasurement => {
    const row = j.rows.get(s.name)
    const base = { request: j.request, started_at: j.startedAt, finished_at: j.finishedAt, threshold: fresh }
    const out = (m: Omit<Measurement, keyof typeof base>, extra: Partial<ServiceMeasurement> = {}): ServiceMeasurement => ({
      service: s.name,
      measurement: { ...base, ...m },
      ...(row?.series !== undefined ? { seriesCount: row.series } : {}),
      ...extra
    })
    const age = row?.newest !== undefined ? Math.max(0, nowSec - row.newest) : undefined
    const ageFields = row?.newest !== undefined ? { newest_sample_at: iso(row.newest) } : {}
    const freshness = age !== undefined ? { freshnessSeconds: Math.round(age) } : {}
    if (!row || row.values.length === 0) {
      if (age !== undefined) {
        return out(
          {
            value: null,
            ...ageFields,
            verdict: 'fail',
            reason: `stale: stopped reporting ${Math.round(age)} s ago (${iso(row!.newest!)}); freshness window ${promDuration(j.freshnessSeconds)}${j.lookbackQuery ? `; newest sample from ${j.lookbackQuery}` : ''}`
          },
          { gap: 'stale', ...freshness }
        )
      }
      const where = j.freshByWindow ? `in the last ${promDuration(j.freshnessSeconds)}` : `in the last ${promDuration(j.lookbackSeconds)}`
      return out(
        { value: null, verdict: 'fail', reason: `no data: the query returned no series for this service ${where}` },
        { gap: 'no_data', seriesCount: row?.series ?? 0 }
      )
    }
    const bad = row.values.find((v) => !Number.isFinite(v))
    if (bad !== undefined) {
      return out(
        {
          value: describeNumber(bad),
          ...ageFields,
          verdict: 'fail',
          reason: `invalid value ${describeNumber(bad)}: NaN and infinite values are not data`
        },
        { gap: 'invalid_value', ...freshness }
      )
    }
    const value = row.values.reduce((a, b) => a + b, 0)
    if (j.requirePositive && !(value > 0)) {
      return out(
        { value, ...ageFields, verdict: 'fail', reason: `no data: value ${describeNumber(value)} (nothing counted in the window)` },
        { gap: 'no_data', ...freshness }
      )
    }
    if (age !== undefined && age > j.freshnessSeconds) {
      return out(
        {
          value,
          ...ageFields,
          verdict: 'fail',
          reason: `stale: newest sample ${Math.round(age)} s old; freshness window ${promDuration(j.freshnessSeconds)}`
        },
        { gap: 'stale', ...freshness }
      )
    }
    if (age === undefined && !j.freshByWindow) {
      return out({ value, verdict: 'fail', reason: 'the answer carries no sample time, so freshness cannot be shown' }, { gap: 'stale' })
    }
    const when = age !== undefined ? `newest sample ${Math.round(age)} s old` : `data within the last ${promDuration(j.freshnessSeconds)}`
    return out({ value, ...ageFields, verdict: 'pass', reason: `value ${describeNumber(value)}, ${when}` }, freshness)
  })
}

/** Every service gets the same backend error: the backend could not answer, which is not a fail. */
export function backendErrorFor(services: ResolvedService[], request: CheckRequest, startedAt: string, err: unknown): ServiceMeasurement[] {
  const finishedAt = new Date().toISOString()
  const reason = err instanceof Error ? err.message : String(err)
  return services.map((s) => ({
    service: s.name,
    gap: 'backend_error',
    measurement: { request, value: null, started_at: startedAt, finished_at: finishedAt, verdict: 'error', reason }
  }))
}
