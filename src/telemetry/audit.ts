import { SCHEMA_VERSIONS } from '../artifacts/files.js'
import { SIGNALS, type Signal, type SignalCheckConfig } from '../config/schema.js'
import type { ResolvedService, RunContext } from '../model/monitoring-model.js'
import { durationSeconds } from '../util/duration.js'
import { inPhase } from '../stats/run-stats.js'
import { diagnoseNoData, type NoDataDiagnosis } from './diagnosis.js'
import { PrometheusProvider } from './prometheus/provider.js'
import type { ServiceMeasurement } from './provider.js'
import { ProviderRegistry, type ProviderOptions } from './providers.js'
import type { CoverageGap, CoverageStatus, GapPriority, InstrumentationAudit, Measurement, ServiceAudit, SignalCoverage } from './types.js'
import { byText } from '../util/order.js'

/** A check result that did not come from a backend (unmapped, not run). */
function localMeasurement(verdict: Measurement['verdict'], reason: string, backend = 'none'): Measurement {
  const now = new Date().toISOString()
  return { request: { backend, method: 'NONE', url: '' }, value: null, started_at: now, finished_at: now, verdict, reason }
}

/** Gap priority: high for critical services and those a deploy risk names, medium for new ones. */
export function gapPriority(service: ResolvedService): GapPriority {
  if (service.critical || service.risks.length > 0) return 'high'
  return service.new ? 'medium' : 'low'
}

/** The check for a signal: the configured template, or probing the service's endpoints for synthetics. */
function checkFor(ctx: RunContext, signal: Signal): SignalCheckConfig | undefined {
  const configured = ctx.config.signals[signal]
  if (configured) return configured
  return signal === 'synthetic' ? { kind: 'probe' } : undefined
}

/**
 * Phase 1, step 2: for every service and signal, whether a check is mapped and whether live
 * telemetry verifies it (fresh, finite, non-empty). PromQL and LogQL templates run once for all
 * services; HTTP checks and probes run per service with bounded concurrency. Nothing is assumed:
 * without backends every pair is `not_verified` and the audit says why.
 */
export async function runInstrumentationAudit(ctx: RunContext, opts: ProviderOptions = {}): Promise<InstrumentationAudit> {
  const services = ctx.model.services
  const now = ctx.now()
  const freshnessSeconds = durationSeconds(ctx.config.freshness)
  const registry = new ProviderRegistry(ctx.config, ctx.env, ctx.log, opts)
  const results = new Map<Signal, Map<string, { mapped: boolean; m: ServiceMeasurement; diagnosis?: NoDataDiagnosis }>>()
  let notVerifiedReason: string | undefined

  if (Object.keys(ctx.config.backends).length === 0) {
    notVerifiedReason = 'no telemetry backends are configured (config `backends`), so no signal could be checked against live telemetry'
  } else if (services.length === 0) {
    notVerifiedReason = 'no services were found in the config or the deploy evidence'
  }

  if (!notVerifiedReason) {
    await Promise.all(
      SIGNALS.map(async (signal) => {
        const bySvc = new Map<string, { mapped: boolean; m: ServiceMeasurement; diagnosis?: NoDataDiagnosis }>()
        results.set(signal, bySvc)
        const check = checkFor(ctx, signal)
        if (!check) {
          for (const s of services) {
            bySvc.set(s.name, {
              mapped: false,
              m: { service: s.name, gap: 'unmapped', measurement: localMeasurement('fail', `no signals.${signal} check is configured`) }
            })
          }
          return
        }
        // Probes only map services that have endpoints.
        const targets = check.kind === 'probe' ? services.filter((s) => s.endpoints.length > 0) : services
        for (const s of services) {
          if (!targets.includes(s)) {
            bySvc.set(s.name, {
              mapped: false,
              m: {
                service: s.name,
                gap: 'unmapped',
                measurement: localMeasurement('fail', 'no endpoints to probe (config or deploy evidence)', 'synthetic')
              }
            })
          }
        }
        if (targets.length === 0) return
        let measured: ServiceMeasurement[]
        let provider: ReturnType<ProviderRegistry['for']> | undefined
        try {
          provider = registry.for(check)
          measured = await provider.measure({
            signal,
            check,
            services: targets,
            serviceLabel: ctx.model.serviceLabel,
            freshnessSeconds,
            now
          })
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err)
          measured = targets.map((s) => ({
            service: s.name,
            gap: 'backend_error',
            measurement: localMeasurement('error', reason, 'backend' in check && check.backend ? check.backend : check.kind)
          }))
        }
        for (const m of measured) bySvc.set(m.service, { mapped: true, m })
        // Every PromQL signal without data gets its cause, from two grouped queries.
        const empty = measured.filter((m) => m.gap === 'no_data' || m.gap === 'stale' || m.gap === 'backend_error')
        if (check.kind === 'promql' && provider instanceof PrometheusProvider && empty.length > 0) {
          const backendErrors = new Map(empty.filter((m) => m.gap === 'backend_error').map((m) => [m.service, m.measurement.reason]))
          const found = await inPhase('no-data-diagnosis', () =>
            diagnoseNoData({
              client: provider.client,
              template: check.query,
              services: targets.filter((t) => empty.some((m) => m.service === t.name)),
              serviceLabel: ctx.model.serviceLabel,
              now,
              freshnessSeconds,
              backendErrors
            })
          )
          for (const [service, d] of found) bySvc.get(service)!.diagnosis = d
        }
      })
    )
  }

  const gaps: CoverageGap[] = []
  let verifiedPairs = 0
  const audits: ServiceAudit[] = services.map((s) => {
    const coverage = {} as Record<Signal, SignalCoverage>
    for (const signal of SIGNALS) {
      const r = results.get(signal)?.get(s.name)
      const m = r?.m ?? {
        service: s.name,
        gap: 'not_verified',
        measurement: localMeasurement('not_verified', notVerifiedReason ?? 'not checked')
      }
      const verified = m.measurement.verdict === 'pass'
      if (verified) verifiedPairs++
      coverage[signal] = {
        signal,
        mapped: r?.mapped ?? checkFor(ctx, signal) !== undefined,
        verified,
        verdict: m.measurement.verdict,
        ...(m.freshnessSeconds !== undefined ? { freshness_seconds: m.freshnessSeconds } : {}),
        ...(m.seriesCount !== undefined ? { series_count: m.seriesCount } : {}),
        measurement: m.measurement,
        ...(r?.diagnosis ? { diagnosis: r.diagnosis } : {})
      }
      if (!verified) {
        const detail = r?.diagnosis ? `${m.measurement.reason}; cause: ${r.diagnosis.detail}` : m.measurement.reason
        gaps.push({
          service: s.name,
          signal,
          gap: m.gap ?? 'failed',
          priority: gapPriority(s),
          detail,
          ...(r?.diagnosis ? { diagnosis: r.diagnosis } : {})
        })
      }
    }
    const n = SIGNALS.filter((sig) => coverage[sig].verified).length
    const status: CoverageStatus = n === SIGNALS.length ? 'covered' : n === 0 ? 'uncovered' : 'partial'
    return {
      service_name: s.name,
      critical: s.critical,
      new: s.new,
      status,
      metrics: coverage.metrics,
      logs: coverage.logs,
      traces: coverage.traces,
      synthetics: coverage.synthetic
    }
  })

  const order: Record<GapPriority, number> = { high: 0, medium: 1, low: 2 }
  gaps.sort(
    (a, b) => order[a.priority] - order[b.priority] || byText(a.service, b.service) || SIGNALS.indexOf(a.signal) - SIGNALS.indexOf(b.signal)
  )
  const pairs = services.length * SIGNALS.length
  const audit: InstrumentationAudit = {
    schema_version: SCHEMA_VERSIONS.instrumentationAudit,
    audit_date: now.toISOString(),
    environment: ctx.model.environment,
    coverage_completeness: pairs === 0 ? 0 : Math.round((verifiedPairs / pairs) * 1000) / 10,
    requests: registry.requests,
    services: audits,
    missing_coverage: gaps,
    source: 'built-in'
  }
  if (notVerifiedReason) audit.not_verified_reason = notVerifiedReason
  return audit
}
