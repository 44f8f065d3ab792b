import { z } from 'zod'
import type { AuthConfig as HttpAuth } from '../util/http.js'
import { DURATION_HINT, durationProblem } from '../util/duration.js'
import { ENV_NAME, looksLikeCredential } from './credentials.js'

/**
 * The config file (`.github/sre-monitoring.yml`), version 1. Unknown keys are errors so that a
 * typo never silently disables a check. Credentials are named by environment variable only.
 */

const envName = z.string().superRefine((v, ctx) => {
  if (looksLikeCredential(v))
    ctx.addIssue({ code: 'custom', message: 'the name of an environment variable, not a credential: this looks like a token itself' })
  else if (!ENV_NAME.test(v))
    ctx.addIssue({ code: 'custom', message: 'an environment variable name (credentials are never written inline)' })
})

const HTTP_URL_HINT = 'an http(s) URL such as http://127.0.0.1:9090'

/** An http(s) URL; `z.url()` alone takes `localhost:9090` for a URL with scheme `localhost`. */
const httpUrl = z.url({ protocol: /^https?$/, hostname: /./, error: HTTP_URL_HINT })

/**
 * An http(s) URL with `{{placeholder}}` parts filled in at run time (file:, data: and the rest
 * refused); with `relative`, also a path such as /api/search that is resolved against the backend.
 */
const templatedHttpUrl = (placeholder: string, relative = false) =>
  z.string({ error: HTTP_URL_HINT }).refine(
    (v) => {
      if (relative && /^\/(?![/\\])/.test(v)) return true
      try {
        const u = new URL(v.split(`{{${placeholder}}}`).join('x'))
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && /^https?:\/\//i.test(v)
      } catch {
        return false
      }
    },
    `${HTTP_URL_HINT}${relative ? ", or a path such as /api/search on the check's backend" : ''} ({{${placeholder}}} is filled in)`
  )

/** Durations in Prometheus's grammar (1h30m, 90s, 1w, 500ms), greater than 0. */
export const duration = z.string({ error: DURATION_HINT }).superRefine((v, ctx) => {
  const problem = durationProblem(v, { positive: true })
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { duration: true } })
})

export const auth = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('bearer'), 'token-env': envName }),
  z.strictObject({ type: z.literal('basic'), 'username-env': envName, 'password-env': envName })
  // The shape util/http.ts sends requests with: the two stay one.
]) satisfies z.ZodType<HttpAuth>

const httpClientFields = {
  url: httpUrl,
  auth: auth.default({ type: 'none' }),
  /** Extra headers; a value `env:NAME` is read from that environment variable and masked. */
  headers: z.record(z.string(), z.string()).default({}),
  'timeout-seconds': z.number().positive().max(300).default(10),
  retries: z.number().int().min(0).max(5).default(2)
}

export const backend = z.discriminatedUnion('type', [
  /** Prometheus HTTP API; also Thanos, Mimir, Cortex, VictoriaMetrics. */
  z.strictObject({ type: z.literal('prometheus'), ...httpClientFields }),
  /** Loki query API (LogQL). */
  z.strictObject({ type: z.literal('loki'), ...httpClientFields }),
  /** Any HTTP JSON API (Tempo, Jaeger, Elasticsearch, a vendor). */
  z.strictObject({ type: z.literal('http'), ...httpClientFields })
])
export type BackendConfig = z.infer<typeof backend>

export const endpoint = z.strictObject({
  url: httpUrl,
  method: z.enum(['GET', 'HEAD', 'POST']).default('GET'),
  'expect-status': z.number().int().min(100).max(599).default(200),
  'max-latency-ms': z.number().positive().default(2000),
  'body-match': z.string().optional(),
  attempts: z.number().int().min(1).max(10).default(3)
})
export type EndpointConfig = z.infer<typeof endpoint>

/**
 * Where a downstream protocol is told about the package: a webhook (POST JSON, accepted on 2xx)
 * or a repository_dispatch event of this type.
 */
export const notifyTarget = z
  .strictObject({
    url: httpUrl.optional(),
    'event-type': z.string().min(1).max(100).optional(),
    auth: auth.default({ type: 'none' }),
    /** A value `env:NAME` is read from that environment variable and masked. */
    headers: z.record(z.string(), z.string()).default({}),
    'timeout-seconds': z.number().positive().max(60).default(10)
  })
  .refine(
    (t) => (t.url === undefined) !== (t['event-type'] === undefined),
    'exactly one of url (a webhook) or event-type (a repository_dispatch)'
  )
export type NotifyTarget = z.infer<typeof notifyTarget>

export const service = z.strictObject({
  name: z.string().min(1),
  critical: z.boolean().default(false),
  /** Label matchers identifying the service in telemetry; default `{<group-label>: name}`. */
  selector: z.record(z.string(), z.string()).optional(),
  endpoints: z
    .array(z.union([httpUrl, endpoint], { error: `${HTTP_URL_HINT}, or a mapping with url (and method, expect-status, max-latency-ms)` }))
    .default([]),
  owner: z.string().optional(),
  /** GitHub users who own the service: assigned to its backlog issues. */
  'github-assignees': z
    .array(z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, 'a GitHub user name such as octocat'))
    .max(10)
    .default([])
})
export type ServiceConfig = z.infer<typeof service>

/**
 * A per-signal check template. For `promql` and `logql` the query must group by the service label
 * so one query covers every service; `{{service}}` is substituted for `http` checks, which run
 * once per service.
 */
export const signalCheck = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('promql'), backend: z.string(), query: z.string().min(1) }),
  z.strictObject({ kind: z.literal('logql'), backend: z.string(), query: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('http'),
    backend: z.string().optional(),
    url: templatedHttpUrl('service', true),
    method: z.enum(['GET', 'POST']).default('GET'),
    body: z.string().optional(),
    'expect-status': z.number().int().default(200),
    /** A dotted path into the JSON answer, e.g. `traces.length` or `hits.total.value`. */
    'json-path': z.string().min(1),
    /** A comparison applied to the value at json-path: `> 0`, `>= 1`, `== true`. */
    condition: z
      .string()
      .regex(/^(>|>=|<|<=|==|!=)\s*\S+$/, 'a comparison such as > 0, >= 1, == true or != 0')
      .default('> 0'),
    /** Dotted path of the newest sample's time in the answer (epoch seconds, ms, or ISO). */
    'timestamp-path': z.string().optional()
  }),
  /** Synthetic checks: probe the service's endpoints (config and evidence merged). */
  z.strictObject({ kind: z.literal('probe') })
])
export type SignalCheckConfig = z.infer<typeof signalCheck>

export const SIGNALS = ['metrics', 'logs', 'traces', 'synthetic'] as const
export type Signal = (typeof SIGNALS)[number]

export const slo = z.strictObject({
  name: z.string().min(1),
  service: z.string().min(1),
  /** Percent, e.g. 99.9. */
  objective: z.number().gt(0).lt(100),
  window: duration.default('30d'),
  backend: z.string().optional(),
  /** PromQL for good and total events, as rates or counts over `[$window]`; `$window` is substituted. */
  'good-query': z.string().optional(),
  'total-query': z.string().min(1).optional(),
  'error-query': z.string().optional(),
  /** The threshold a dashboard panel for this SLO should show (e.g. latency 300 ms). */
  'dashboard-threshold': z.number().optional()
})
export type SloConfig = z.infer<typeof slo>

const sufficiencyCriterion = z.strictObject({
  'min-coverage': duration.optional(),
  'min-coverage-percent': z.number().gt(0).max(100).optional(),
  'min-requests': z.number().int().min(0).optional(),
  informational: z.boolean().optional()
})

export const route = z.strictObject({
  name: z.string().min(1),
  /** Labels put on the synthetic alert so the routing tree picks this route. */
  labels: z.record(z.string(), z.string()).default({}),
  'expect-receiver': z.string().min(1)
})

/** JSON paths into the acknowledgement source's answer (docs/alert-acknowledgements.md). */
const jsonPath = z
  .string()
  .regex(
    /^\$((\.[A-Za-z_][A-Za-z0-9_-]*)|(\[(\d+|-1|'[^']*'|"[^"]*")\]))*$/,
    "a JSON path such as $.acknowledged_at, $.data.report['ackTime'] or $.items[0].at"
  )
export const DEFAULT_ACK_MAPPING = {
  'acknowledged-at': '$.acknowledged_at',
  'acknowledged-by': '$.acknowledged_by',
  'delivered-at': '$.delivered_at',
  receiver: '$.receiver'
} as const
export const ackMapping = z.strictObject({
  'acknowledged-at': jsonPath.default(DEFAULT_ACK_MAPPING['acknowledged-at']),
  'acknowledged-by': jsonPath.default(DEFAULT_ACK_MAPPING['acknowledged-by']),
  'delivered-at': jsonPath.default(DEFAULT_ACK_MAPPING['delivered-at']),
  receiver: jsonPath.default(DEFAULT_ACK_MAPPING.receiver),
  /** Optional flag field; it never counts on its own, only with a valid acknowledged-at. */
  acknowledged: jsonPath.optional(),
  /** acknowledged-at is a duration after this time field (e.g. Opsgenie's report.ackTime after createdAt). */
  'acknowledged-after': jsonPath.optional(),
  /** Unit of numeric times: epoch seconds or milliseconds (also of a relative acknowledged-at). */
  'number-unit': z.enum(['s', 'ms']).default('ms')
})

export const alerting = z.strictObject({
  provider: z.enum(['alertmanager', 'pagerduty', 'webhook', 'opsgenie', 'grafana-oncall']).optional(),
  alertmanager: z.strictObject({ ...httpClientFields }).optional(),
  pagerduty: z
    .strictObject({
      'events-url': httpUrl.default('https://events.pagerduty.com'),
      'api-url': httpUrl.default('https://api.pagerduty.com'),
      'routing-key-env': envName,
      'api-token-env': envName,
      'poll-seconds': z.number().positive().default(5)
    })
    .optional(),
  opsgenie: z
    .strictObject({
      'api-url': httpUrl.default('https://api.opsgenie.com'),
      /** An API integration's key, sent as `Authorization: GenieKey ...`. */
      'api-key-env': envName,
      'poll-seconds': z.number().positive().default(2)
    })
    .optional(),
  'grafana-oncall': z
    .strictObject({
      /** The OnCall API base (OSS: the engine URL; Cloud IRM: the stack's OnCall API URL). */
      'api-url': httpUrl,
      'token-env': envName,
      /** OSS takes the token as is; Grafana Cloud IRM as `Bearer` plus X-Grafana-URL. */
      'auth-scheme': z.enum(['token', 'bearer']).default('token'),
      'grafana-url': httpUrl.optional(),
      /** The environment variable holding the integration's inbound URL (it carries a secret token). */
      'integration-url-env': envName,
      'integration-id': z.string().min(1).optional(),
      'poll-seconds': z.number().positive().default(2)
    })
    .optional(),
  webhook: z
    .strictObject({
      /** Where the webhook provider posts the alert (only needed with provider: webhook). */
      url: httpUrl.optional(),
      /** Polled for delivery and acknowledgement; `{{test_id}}` is substituted. */
      'ack-url': templatedHttpUrl('test_id').refine(
        (v) => v.includes('{{test_id}}'),
        'a URL containing {{test_id}} (e.g. https://oncall.example/ack/{{test_id}}), so that each answer is about one test'
      ),
      auth: auth.default({ type: 'none' }),
      /** Extra headers for the ack URL (e.g. `Authorization: env:OPSGENIE_AUTH`); `env:NAME` values are read and masked. */
      headers: z.record(z.string(), z.string()).default({}),
      'poll-seconds': z.number().positive().default(2),
      ack: ackMapping.prefault({})
    })
    .optional(),
  /** Acknowledging identities that are never a person (case-insensitive regular expressions). */
  'ack-ignore': z
    .array(
      z
        .string()
        .min(1)
        .refine((v) => {
          try {
            new RegExp(v, 'i')
            return true
          } catch {
            return false
          }
        }, 'a regular expression such as bot or ^svc-')
    )
    .default(['bot', 'automation', 'integration', 'api']),
  /** How far the on-call side's clock may be off from this runner's. */
  'clock-skew-seconds': z.number().min(0).max(300).default(5),
  /** A failing route is sent again, with a fresh test id, this many times. */
  retries: z.number().int().min(0).max(5).default(1),
  'ack-sla-seconds': z.number().positive().default(300),
  /** Extra wait beyond the SLA before a test is declared unacknowledged. */
  'wait-margin-seconds': z.number().min(0).default(30),
  routes: z.array(route).default([]),
  /** Prometheus rule files in the repository. */
  'rule-files': z.array(z.string()).default([]),
  /** Read the rules in force from this Prometheus backend's /api/v1/rules. */
  'rules-backend': z.string().optional(),
  'burn-rate-tolerance-percent': z.number().min(0).default(10),
  /** promtool for the detection drill; default: promtool on PATH. */
  promtool: z.string().min(1).optional(),
  'notification-channels': z
    .strictObject({
      slack: z.string().optional(),
      pagerduty: z.string().optional(),
      email: z.string().optional()
    })
    .default({})
})
export type AlertingConfig = z.infer<typeof alerting>

export const configSchema = z.strictObject({
  version: z.literal(1),
  environment: z.string().default('production'),
  /** The label that names the service in telemetry. */
  'service-label': z.string().default('service'),
  backends: z.record(z.string(), backend).default({}),
  services: z.array(service).default([]),
  signals: z
    .strictObject({
      metrics: signalCheck.optional(),
      logs: signalCheck.optional(),
      traces: signalCheck.optional(),
      synthetic: signalCheck.optional()
    })
    .default({}),
  /** Newest sample older than this is stale. */
  freshness: duration.default('5m'),
  /** Hosts synthetic checks may call; endpoints elsewhere are skipped. */
  'allowed-hosts': z.array(z.string()).default([]),
  baseline: z
    .strictObject({
      backend: z.string().optional(),
      window: duration.default('30m'),
      /** Extra SLIs: name -> PromQL grouped by the service label. */
      queries: z.record(z.string(), z.string()).default({}),
      /**
       * Overrides of the built-in baseline queries, grouped by the service label. `$window` is the
       * baseline window, `$group` the grouping labels, `$quantile` (latency only) 0.5/0.95/0.99.
       * Defaults assume http_requests_total{code} and http_request_duration_seconds_bucket.
       */
      'request-rate-query': z.string().min(1).optional(),
      'error-ratio-query': z.string().min(1).optional(),
      'latency-query': z.string().min(1).optional(),
      'claim-tolerance-percent': z.number().min(0).default(25),
      previous: z.strictObject({ file: z.string().optional(), artifact: z.string().optional() }).optional(),
      criteria: z
        .array(
          z.strictObject({
            metric: z.string(),
            'max-increase-percent': z.number().optional(),
            'warn-increase-percent': z.number().optional(),
            'max-ratio': z.number().optional()
          })
        )
        .default([
          { metric: 'latency_p95', 'max-increase-percent': 10, 'warn-increase-percent': 5 },
          { metric: 'error_ratio', 'max-ratio': 2 }
        ])
    })
    .prefault({}),
  slos: z.array(slo).default([]),
  /**
   * How much data a windowed figure needs (rates, ratios, quantiles, SLO attainment, alert
   * correlation). Below it the figure is `insufficient data`. Default: a thirtieth of the window
   * (a 30-day figure needs a day) and 20 requests; per criterion overrides; `informational: true`
   * reports the figure without failing a gate on its insufficiency.
   */
  sufficiency: z
    .strictObject({
      'min-coverage': duration.optional(),
      'min-coverage-percent': z.number().gt(0).max(100).optional(),
      'min-requests': z.number().int().min(0).default(20),
      criteria: z
        .strictObject({
          baseline: sufficiencyCriterion.optional(),
          claims: sufficiencyCriterion.optional(),
          'slo-attainment': sufficiencyCriterion.optional(),
          'alert-correlation': sufficiencyCriterion.optional()
        })
        .default({})
    })
    .prefault({}),
  /** OpenSLO v1 documents (kind: SLO) in the repository. */
  openslo: z.array(z.string()).default([]),
  alerting: alerting.prefault({}),
  /** The detection drill: the rules in force fed burns in promtool until they fire. */
  drill: z
    .strictObject({
      /** Gate 2 fails when the drill cannot run (promtool missing). */
      required: z.boolean().default(false),
      /** Longest detection time allowed: one duration for every alert, or per kind. */
      'max-detection': z
        .union([duration, z.strictObject({ page: duration.optional(), ticket: duration.optional(), absent: duration.optional() })])
        .optional()
    })
    .prefault({}),
  dashboards: z
    .strictObject({
      files: z.array(z.string()).default([]),
      /** The Prometheus backend the panels' queries are run against (default: the baseline's, else the first). */
      backend: z.string().optional(),
      grafana: z.strictObject({ url: httpUrl, 'token-env': envName.optional(), uids: z.array(z.string()).default([]) }).optional()
    })
    .prefault({}),
  runbook: z.strictObject({ path: z.string().default('RUNBOOKS/monitoring-runbook.md') }).prefault({}),
  incidents: z
    .strictObject({
      /** A JSON file of incidents: [{id, service, started_at, resolved_at?, severity?}]. */
      file: z.string().optional(),
      /** GitHub issues with these labels are incidents. */
      'github-labels': z.array(z.string()).optional(),
      /** PagerDuty incidents (REST API); api-url and api-token-env default to alerting.pagerduty's. */
      pagerduty: z
        .strictObject({
          'api-url': httpUrl.optional(),
          'api-token-env': envName.optional(),
          /** Only incidents of these PagerDuty service ids (default: all). */
          'service-ids': z.array(z.string().min(1)).default([])
        })
        .optional(),
      lookback: duration.default('7d')
    })
    .prefault({}),
  assurance: z
    .strictObject({
      owner: z.string().optional(),
      /** The workflow that re-runs this action in `assurance` mode. */
      workflow: z.string().optional(),
      /** The longest gap between two runs of the ongoing checks that is still a schedule. */
      'max-interval': duration.optional(),
      /** Checks run elsewhere; cadence is a five-field cron (UTC). */
      checks: z.array(z.strictObject({ 'check-type': z.string(), cadence: z.string(), owner: z.string().optional() })).default([])
    })
    .prefault({}),
  gates: z
    .strictObject({
      'coverage-min-percent': z.number().min(0).max(100).default(95),
      'dashboard-score-min-percent': z.number().min(0).max(100).default(90),
      'schedule-coverage-min-percent': z.number().min(0).max(100).default(100),
      'manifest-completeness-min-percent': z.number().min(0).max(100).default(95),
      'approvals-min-percent': z.number().min(0).max(100).default(100)
    })
    .prefault({}),
  /** Commands that produce an artifact in place of the built-in step (the seed's automation hooks). */
  hooks: z
    .strictObject({
      'audit-command': z.string().optional(),
      'alert-test-command': z.string().optional(),
      'tuning-command': z.string().optional(),
      'timeout-seconds': z.number().positive().max(3600).default(600)
    })
    .prefault({}),
  /** The protocol's own control flow. */
  flow: z
    .strictObject({
      /** Gate 1 failed: the read-only checks still run, nothing pages people or hands off. */
      'pause-on-gate-failure': z.boolean().default(true),
      /**
       * Who answers the validation and handoff prompts: the inputs (alert-tests,
       * github.handoff.enabled), or in addition the approval of this job's protected environment.
       */
      'confirm-with': z.enum(['input', 'environment']).default('input')
    })
    .prefault({}),
  /** Inputs from other protocols. */
  inputs: z
    .strictObject({
      /** Protocol 4's quality audit findings: JSON (schemas/quality-audit.schema.json) or Markdown with a findings table. */
      'quality-audit': z.string().optional()
    })
    .default({}),
  /** Notifications to the downstream protocols, besides the Protocol 13 repository_dispatch (github.handoff). */
  notify: z
    .strictObject({ 'protocol-13': notifyTarget.optional(), 'protocol-5': notifyTarget.optional(), 'protocol-14': notifyTarget.optional() })
    .default({}),
  github: z
    .strictObject({
      labels: z.array(z.string()).default(['sre-monitoring']),
      /** Labels naming each issue's kind and priority: the prefix, then e.g. `coverage-gap` or `high`; empty for none. */
      'kind-label-prefix': z.string().max(40).default('kind/'),
      'priority-label-prefix': z.string().max(40).default('priority/'),
      'max-new-issues': z.number().int().min(0).default(10),
      'pr-comment': z.boolean().default(true),
      handoff: z.strictObject({ enabled: z.boolean().default(false), 'event-type': z.string().default('protocol-13-handoff') }).prefault({})
    })
    .prefault({}),
  limits: z
    .strictObject({
      'evidence-max-bytes': z
        .number()
        .int()
        .positive()
        .default(20 * 1024 * 1024),
      /** Markdown evidence parses at a few MB a second: a lower bound keeps the run's time bounded. */
      'evidence-markdown-max-bytes': z
        .number()
        .int()
        .positive()
        .default(2 * 1024 * 1024),
      /** Cap on one backend or GitHub answer; a larger one is a backend error naming the URL and the cap. */
      'response-max-bytes': z
        .number()
        .int()
        .positive()
        .default(8 * 1024 * 1024),
      /** Requests in flight to one backend at most: a large run queues on its own side, never floods production. */
      'backend-concurrency': z.number().int().min(1).max(64).default(4)
    })
    .prefault({})
})

export type Config = z.infer<typeof configSchema>
