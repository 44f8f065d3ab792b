import type { Config } from '../config/schema.js'

/**
 * Links from a report to where a person can look further: the query in the backend's own UI,
 * the runbook section, the backlog issue. Only http(s) URLs that the config or the run named are
 * used; nothing is guessed.
 */
export interface ReportLinks {
  runUrl?: string
  packageUrl?: string
  packageName?: string
  /** https://github.com/OWNER/REPO: issue and file links are built under it. */
  repoUrl?: string
  /** Commit or branch for file links (GITHUB_SHA). */
  ref?: string
}

export interface Link {
  text: string
  url: string
}

const trimSlash = (u: string): string => u.replace(/\/+$/, '')

/** The Prometheus expression browser with the query filled in (table view). */
export function prometheusGraphUrl(baseUrl: string, expr: string): string {
  return `${trimSlash(baseUrl)}/graph?g0.expr=${encodeURIComponent(expr)}&g0.tab=1&g0.range_input=1h`
}

/** Grafana Explore with the query filled in (default data source, last hour). */
export function grafanaExploreUrl(grafanaUrl: string, expr: string): string {
  const panes = { a: { queries: [{ refId: 'A', expr }], range: { from: 'now-1h', to: 'now' } } }
  return `${trimSlash(grafanaUrl)}/explore?schemaVersion=1&panes=${encodeURIComponent(JSON.stringify(panes))}`
}

/** Alertmanager's alert list filtered to the labels of a synthetic alert. */
export function alertmanagerAlertsUrl(baseUrl: string, labels: Record<string, string>): string {
  const filter = `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/["\\]/g, '\\$&')}"`)
    .join(',')}}`
  return `${trimSlash(baseUrl)}/#/alerts?silenced=true&inhibited=true&filter=${encodeURIComponent(filter)}`
}

/**
 * Where a backend's query can be looked at: Prometheus-compatible backends have their own
 * expression browser; Loki (and anything else) only through Grafana, when its URL is configured.
 */
export function queryLinks(config: Config | undefined, backendName: string | undefined, expr: string | undefined): Link[] {
  if (!config || !expr) return []
  const name = backendName ?? defaultPrometheus(config)
  const backend = name ? config.backends[name] : undefined
  const links: Link[] = []
  if (backend?.type === 'prometheus') links.push({ text: 'query', url: prometheusGraphUrl(backend.url, expr) })
  const grafana = config.dashboards.grafana?.url
  if (grafana && (backend?.type === 'loki' || backend?.type === 'prometheus'))
    links.push({ text: 'Grafana', url: grafanaExploreUrl(grafana, expr) })
  return links
}

export function defaultPrometheus(config: Config): string | undefined {
  if (config.baseline.backend) return config.baseline.backend
  return Object.entries(config.backends).find(([, b]) => b.type === 'prometheus')?.[0]
}

/** GitHub's heading anchor (the slug its Markdown renderer gives a heading). */
export function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

/** The runbook section this release wrote, as a link into the repository at this commit. */
export function runbookLink(
  config: Config | undefined,
  links: ReportLinks,
  release: string | undefined,
  environment: string | undefined
): Link | undefined {
  if (!config || !links.repoUrl) return undefined
  const path = config.runbook.path.replace(/^\.?\//, '')
  const anchor = release ? `#${githubAnchor(`Release ${release} (${environment ?? ''})`)}` : ''
  return {
    text: 'runbook',
    url: `${trimSlash(links.repoUrl)}/blob/${encodeURIComponent(links.ref ?? 'HEAD')}/${path.split('/').map(encodeURIComponent).join('/')}${anchor}`
  }
}

export function issueLink(links: ReportLinks, number: number | undefined): Link | undefined {
  if (number === undefined || !links.repoUrl) return undefined
  return { text: `issue #${number}`, url: `${trimSlash(links.repoUrl)}/issues/${number}` }
}
