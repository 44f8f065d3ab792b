/**
 * Incidents from PagerDuty's REST API (`GET /incidents` with since/until, paginated by offset),
 * for the tuning correlation and the backtest. The synthetic alert tests' own incidents are left
 * out: they are not incidents of the service.
 */
import type { Config } from '../../config/schema.js'
import type { Logger } from '../../util/log.js'
import { BackendError } from '../../util/errors.js'
import { httpRequest } from '../../util/http.js'
import { isObject } from '../../util/json.js'
import type { Incident } from '../types.js'

const PAGE = 100
/** Pages read at most (10000 incidents); more is reported, not silently cut. */
const MAX_PAGES = 100
const SYNTHETIC_TITLE = /^Synthetic alert test\b/

export interface PagerDutyIncidents {
  incidents: Incident[]
  request: string
  requests: number
  /** Synthetic alert tests left out. */
  synthetic: number
}

/** The PagerDuty API settings for incidents, or why there are none. */
export function pagerDutySettings(
  config: Config
): { url: string; tokenEnv: string; serviceIds: string[] } | { reason: string } | undefined {
  const inc = config.incidents.pagerduty
  if (!inc) return undefined
  const url = inc['api-url'] ?? config.alerting.pagerduty?.['api-url']
  const tokenEnv = inc['api-token-env'] ?? config.alerting.pagerduty?.['api-token-env']
  if (!url || !tokenEnv) return { reason: 'incidents.pagerduty needs api-url and api-token-env (here or under alerting.pagerduty)' }
  return { url: url.replace(/\/+$/, ''), tokenEnv, serviceIds: inc['service-ids'] }
}

export async function pagerDutyIncidents(args: {
  config: Config
  env: NodeJS.ProcessEnv
  log: Logger
  since: Date
  until: Date
}): Promise<PagerDutyIncidents> {
  const s = pagerDutySettings(args.config)
  if (!s) throw new Error('incidents.pagerduty is not configured')
  if ('reason' in s) throw new BackendError('pagerduty', 'config', s.reason)
  const token = args.env[s.tokenEnv]
  if (!token) throw new BackendError('pagerduty', 'credentials', `environment variable ${s.tokenEnv} (REST API token) is not set`)
  args.log.setSecret(token)
  const params = new URLSearchParams({
    since: args.since.toISOString(),
    until: args.until.toISOString(),
    time_zone: 'UTC',
    limit: String(PAGE),
    sort_by: 'created_at'
  })
  for (const id of s.serviceIds) params.append('service_ids[]', id)
  const out: PagerDutyIncidents = { incidents: [], request: `GET ${s.url}/incidents?${params}`, requests: 0, synthetic: 0 }
  for (let page = 0; ; page++) {
    if (page >= MAX_PAGES)
      throw new BackendError(
        'pagerduty',
        out.request,
        `more than ${MAX_PAGES * PAGE} incidents in the lookback; narrow incidents.pagerduty.service-ids`
      )
    params.set('offset', String(page * PAGE))
    const url = `${s.url}/incidents?${params}`
    out.requests++
    const res = await httpRequest({
      backend: 'pagerduty',
      url,
      headers: { Authorization: `Token token=${token}`, Accept: 'application/vnd.pagerduty+json;version=2' },
      timeoutMs: 15_000,
      retries: 2
    })
    if (res.status !== 200) throw new BackendError('pagerduty', `GET ${s.url}/incidents`, `HTTP ${res.status}`, res.status)
    let body: unknown
    try {
      body = JSON.parse(res.text)
    } catch {
      throw new BackendError('pagerduty', `GET ${s.url}/incidents`, 'answer is not JSON')
    }
    if (!isObject(body) || !Array.isArray(body.incidents))
      throw new BackendError('pagerduty', `GET ${s.url}/incidents`, 'answer has no incidents list')
    for (const raw of body.incidents as unknown[]) {
      if (!isObject(raw) || typeof raw.created_at !== 'string' || Number.isNaN(Date.parse(raw.created_at))) continue
      const title = typeof raw.title === 'string' ? raw.title : undefined
      if (title && SYNTHETIC_TITLE.test(title)) {
        out.synthetic++
        continue
      }
      const resolvedRaw =
        typeof raw.resolved_at === 'string'
          ? raw.resolved_at
          : raw.status === 'resolved' && typeof raw.last_status_change_at === 'string'
            ? raw.last_status_change_at
            : undefined
      const service = isObject(raw.service) && typeof raw.service.summary === 'string' ? raw.service.summary : undefined
      out.incidents.push({
        id: `PD-${typeof raw.incident_number === 'number' ? raw.incident_number : String(raw.id ?? out.incidents.length + 1)}`,
        service,
        title,
        started_at: new Date(raw.created_at).toISOString(),
        resolved_at: resolvedRaw && !Number.isNaN(Date.parse(resolvedRaw)) ? new Date(resolvedRaw).toISOString() : undefined,
        source: 'pagerduty incidents'
      })
    }
    if (body.more !== true) break
  }
  return out
}
