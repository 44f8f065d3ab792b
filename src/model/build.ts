import type { Config, EndpointConfig, SloConfig } from '../config/schema.js'
import type { Evidence } from '../evidence/model.js'
import type { MonitoringModel, ResolvedService } from './monitoring-model.js'
import { byText } from '../util/order.js'

function endpointFrom(value: string | EndpointConfig): EndpointConfig {
  if (typeof value !== 'string') return value
  return { url: value, method: 'GET', 'expect-status': 200, 'max-latency-ms': 2000, attempts: 3 }
}

/** Endpoints in evidence are sometimes paths ("/api/v2/pay"): only absolute URLs can be probed. */
function isAbsoluteUrl(s: string): boolean {
  return /^https?:\/\//i.test(s)
}

/**
 * Merge the services the config names with those the deploy evidence names. A service is critical
 * if any source says so: a deploy that marks a service critical cannot be overruled by an old
 * config into skipping its checks.
 */
export function buildModel(config: Config, evidence: Evidence, extraSlos: SloConfig[] = []): MonitoringModel {
  const label = config['service-label']
  const byName = new Map<string, ResolvedService>()
  const get = (name: string): ResolvedService => {
    let s = byName.get(name)
    if (!s) {
      s = { name, critical: false, new: false, selector: { [label]: name }, endpoints: [], sources: [], risks: [] }
      byName.set(name, s)
    }
    return s
  }
  const addEndpoint = (s: ResolvedService, ep: EndpointConfig): void => {
    if (!s.endpoints.some((e) => e.url === ep.url)) s.endpoints.push(ep)
  }

  for (const svc of config.services) {
    const s = get(svc.name)
    s.critical ||= svc.critical
    if (svc.selector) s.selector = svc.selector
    if (svc.owner) s.owner = svc.owner
    for (const ep of svc.endpoints) addEndpoint(s, endpointFrom(ep))
    s.sources.push('config')
  }
  const fromEvidence = [
    ...evidence.validation.services.map((svc) => ({ svc, source: 'validation' as const })),
    ...evidence.report.services.map((svc) => ({ svc, source: 'report' as const }))
  ]
  for (const { svc, source } of fromEvidence) {
    const s = get(svc.name)
    s.critical ||= svc.critical
    s.new ||= svc.new
    for (const ep of svc.endpoints) if (isAbsoluteUrl(ep)) addEndpoint(s, endpointFrom(ep))
    if (!s.sources.includes(source)) s.sources.push(source)
  }
  for (const risk of evidence.report.risks) {
    const component = risk.component?.toLowerCase()
    if (!component) continue
    const s = [...byName.values()].find((x) => x.name.toLowerCase() === component)
    if (s) s.risks.push(risk)
  }

  const release = {
    tag: evidence.report.release.tag ?? evidence.validation.release?.tag,
    commit: evidence.report.release.commit ?? evidence.validation.release?.commit,
    strategy: evidence.report.release.strategy ?? evidence.validation.release?.deploymentType
  }
  const slos = [...config.slos]
  for (const s of extraSlos) if (!slos.some((x) => x.name === s.name)) slos.push(s)

  return {
    environment: evidence.validation.environment ?? config.environment,
    release,
    serviceLabel: label,
    services: [...byName.values()].sort((a, b) => byText(a.name, b.name)),
    slos
  }
}
