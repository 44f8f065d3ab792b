/**
 * Telling the downstream protocols that the package is there: the Protocol 13 repository_dispatch
 * (github.handoff), and for Protocols 13, 5 and 14 a webhook or a dispatch of their own
 * (notify.*). A notification counts only when the receiver accepted it (2xx, or GitHub's 204).
 */
import type { NotifyTarget } from '../config/schema.js'
import { DOWNSTREAM } from '../package/manifest.js'
import { authHeaders, httpRequest, redactUrl } from '../util/http.js'
import { errorText } from '../util/errors.js'
import type { Logger } from '../util/log.js'
import type { GitHubPort, HandoffInfo } from '../github/ports.js'

export type Downstream = 'protocol-13' | 'protocol-5' | 'protocol-14'

export interface NotificationOutcome {
  protocol: Downstream
  channel: 'repository_dispatch' | 'webhook'
  /** The event type, or the webhook URL without credentials. */
  target: string
  accepted: boolean
  detail: string
}

const MAX_BODY_BYTES = 64 * 1024

export async function notify(args: {
  protocol: Downstream
  target: NotifyTarget
  info: HandoffInfo & { release: string | null; runId: string; runUrl?: string }
  github: GitHubPort
  env: NodeJS.ProcessEnv
  log: Logger
}): Promise<NotificationOutcome> {
  const { protocol, target, info, log } = args
  const files = [...DOWNSTREAM[protocol]]
  if (target['event-type']) {
    const sent = await args.github.sendHandoff(target['event-type'], info)
    return {
      protocol,
      channel: 'repository_dispatch',
      target: target['event-type'],
      accepted: 'ok' in sent,
      detail: 'ok' in sent ? 'accepted' : sent.error
    }
  }
  const url = target.url!
  const shown = redactUrl(url)
  const body = JSON.stringify({
    protocol: 12,
    recipient: protocol,
    status: info.status,
    environment: info.environment,
    release: info.release,
    run: { id: info.runId, url: info.runUrl ?? null },
    package: {
      name: info.packageName ?? null,
      ...(info.upload && 'id' in info.upload ? { artifact_id: info.upload.id, url: info.upload.url } : {}),
      ...(info.upload && 'delivered' in info.upload ? { delivered_to: info.upload.delivered } : {})
    },
    files,
    gates: info.gates.map((g) => ({ id: g.id, name: g.name, status: g.status })),
    approval_status: info.approvalStatus
  })
  if (Buffer.byteLength(body) > MAX_BODY_BYTES)
    return { protocol, channel: 'webhook', target: shown, accepted: false, detail: `payload over ${MAX_BODY_BYTES} bytes` }
  try {
    const headers = { 'content-type': 'application/json', ...authHeaders(target.auth, target.headers, args.env, log, `notify.${protocol}`) }
    const res = await httpRequest({
      backend: `notify.${protocol}`,
      kind: 'webhook',
      url,
      method: 'POST',
      headers,
      body,
      timeoutMs: target['timeout-seconds'] * 1000,
      retries: 0
    })
    const accepted = res.status >= 200 && res.status < 300
    return {
      protocol,
      channel: 'webhook',
      target: shown,
      accepted,
      detail: accepted ? `accepted (HTTP ${res.status})` : `refused (HTTP ${res.status})`
    }
  } catch (err) {
    return { protocol, channel: 'webhook', target: shown, accepted: false, detail: errorText(err) }
  }
}
