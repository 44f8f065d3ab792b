import type { Logger } from '../util/log.js'
import type { RepoRef } from './backlog-issues.js'
import { describeApiError, type Octokit } from './octokit.js'
import { classifyFailure, permissionMessage } from './permissions.js'

/** GitHub's limits for `repository_dispatch`: event_type length, top-level properties, JSON size. */
export const DISPATCH_EVENT_TYPE_MAX = 100
export const DISPATCH_MAX_TOP_LEVEL_PROPERTIES = 10
export const DISPATCH_MAX_PAYLOAD_BYTES = 64 * 1024

export interface GateOutcome {
  gate: number
  name: string
  status: 'pass' | 'fail' | 'error' | 'skipped'
  message?: string
}

/** What Protocol 13 receives. Eight top-level properties: within GitHub's limit of ten. */
export interface HandoffPayload {
  protocol: 12
  status: 'pass' | 'fail' | 'error'
  run: { id: number; attempt: number; url: string }
  package: { name: string; artifact_id?: number; url?: string; error?: string }
  gates: GateOutcome[]
  environment?: string
  sha?: string
  approval_status?: string
}

export interface SendHandoffArgs {
  octokit: Octokit
  repo: RepoRef
  eventType: string
  payload: HandoffPayload
  forkPullRequest?: boolean
  log: Logger
}

export interface SendHandoffResult {
  sent: boolean
  error?: string
}

/** The payload as sent: at most ten top-level properties and under 64 KB (gate messages shortened). */
export function buildClientPayload(payload: HandoffPayload): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(payload)) if (v !== undefined) out[k] = v
  const keys = Object.keys(out)
  if (keys.length > DISPATCH_MAX_TOP_LEVEL_PROPERTIES) {
    throw new Error(`client_payload has ${keys.length} top-level properties; GitHub allows ${DISPATCH_MAX_TOP_LEVEL_PROPERTIES}`)
  }
  let limit = 2000
  while (Buffer.byteLength(JSON.stringify(out)) >= DISPATCH_MAX_PAYLOAD_BYTES && limit > 10) {
    out.gates = payload.gates.map((g) => ({
      ...g,
      message: g.message && g.message.length > limit ? `${g.message.slice(0, limit)}…` : g.message
    }))
    limit = Math.floor(limit / 2)
  }
  return out
}

/** `POST /repos/{owner}/{repo}/dispatches`. Never throws for an API failure. */
export async function sendHandoff(args: SendHandoffArgs): Promise<SendHandoffResult> {
  const { octokit, repo, log } = args
  if (args.eventType.length === 0 || args.eventType.length > DISPATCH_EVENT_TYPE_MAX) {
    const error = `Handoff not sent: event type must be 1 to ${DISPATCH_EVENT_TYPE_MAX} characters, got ${args.eventType.length}.`
    log.warning(error)
    return { sent: false, error }
  }
  let clientPayload: Record<string, unknown>
  try {
    clientPayload = buildClientPayload(args.payload)
  } catch (err) {
    const error = `Handoff not sent: ${(err as Error).message}.`
    log.warning(error)
    return { sent: false, error }
  }
  try {
    await octokit.rest.repos.createDispatchEvent({
      owner: repo.owner,
      repo: repo.repo,
      event_type: args.eventType,
      client_payload: clientPayload
    })
    log.info(`Sent repository_dispatch "${args.eventType}" to ${repo.owner}/${repo.repo}.`)
    return { sent: true }
  } catch (err) {
    const error =
      classifyFailure(err) === 'permission'
        ? permissionMessage('send the Protocol 13 handoff', err, 'contents: write', args.forkPullRequest ?? false)
        : `Handoff (repository_dispatch "${args.eventType}") failed: ${describeApiError(err)}`
    log.warning(error)
    return { sent: false, error }
  }
}
