/**
 * Requests through node:http and node:https, made by the libraries that bring their own HTTP
 * client (@actions/artifact, and the Azure blob client it uploads with), counted as util/http.ts
 * counts its own: per phase, with time, status and the bytes the answer declared. Node publishes
 * each such request on diagnostics channels; util/http.ts and Octokit use fetch, which does not
 * publish there, so nothing is counted twice.
 */
import dc from 'node:diagnostics_channel'
import type { ClientRequest, IncomingMessage } from 'node:http'
import { requestRecorder, type RequestRecord } from './run-stats.js'

interface Started {
  at: number
  record: (r: RequestRecord) => void
  backend: string
}

const started = new WeakMap<ClientRequest, Started>()
let subscribed = false

/** From now on, count every node:http(s) request made inside a recorded run. */
export function countNodeHttpRequests(): void {
  if (subscribed) return
  subscribed = true
  dc.subscribe('http.client.request.start', (message) => {
    const { request } = message as { request: ClientRequest }
    const record = requestRecorder()
    if (record) started.set(request, { at: performance.now(), record, backend: request.host || 'http' })
  })
  const finish = (request: ClientRequest, status: number | undefined, bytes: number): void => {
    const s = started.get(request)
    if (!s) return
    started.delete(request)
    s.record({ backend: s.backend, kind: 'node-http', ms: performance.now() - s.at, bytes, status })
  }
  dc.subscribe('http.client.response.finish', (message) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage }
    const length = Number(response.headers['content-length'])
    finish(request, response.statusCode, Number.isFinite(length) && length >= 0 ? length : 0)
  })
  dc.subscribe('http.client.request.error', (message) => finish((message as { request: ClientRequest }).request, undefined, 0))
}
