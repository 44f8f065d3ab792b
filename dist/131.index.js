export const id = 131;
export const ids = [131];
export const modules = {

/***/ 90131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qn: () => (/* binding */ configSchema),
/* harmony export */   _z: () => (/* binding */ SIGNALS),
/* harmony export */   tV: () => (/* binding */ slo)
/* harmony export */ });
/* unused harmony exports duration, auth, backend, endpoint, notifyTarget, service, signalCheck, route, DEFAULT_ACK_MAPPING, ackMapping, alerting */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38816);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26518);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70980);



/**
 * The config file (`.github/sre-monitoring.yml`), version 1. Unknown keys are errors so that a
 * typo never silently disables a check. Credentials are named by environment variable only.
 */
const envName = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().superRefine((v, ctx) => {
    if ((0,_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .looksLikeCredential */ .Pv)(v))
        ctx.addIssue({ code: 'custom', message: 'the name of an environment variable, not a credential: this looks like a token itself' });
    else if (!_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .ENV_NAME */ .G1.test(v))
        ctx.addIssue({ code: 'custom', message: 'an environment variable name (credentials are never written inline)' });
});
const HTTP_URL_HINT = 'an http(s) URL such as http://127.0.0.1:9090';
/** An http(s) URL; `z.url()` alone takes `localhost:9090` for a URL with scheme `localhost`. */
const httpUrl = zod__WEBPACK_IMPORTED_MODULE_1__/* .url */ .OZ5({ protocol: /^https?$/, hostname: /./, error: HTTP_URL_HINT });
/**
 * An http(s) URL with `{{placeholder}}` parts filled in at run time (file:, data: and the rest
 * refused); with `relative`, also a path such as /api/search that is resolved against the backend.
 */
const templatedHttpUrl = (placeholder, relative = false) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: HTTP_URL_HINT }).refine((v) => {
    if (relative && /^\/(?![/\\])/.test(v))
        return true;
    try {
        const u = new URL(v.split(`{{${placeholder}}}`).join('x'));
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && /^https?:\/\//i.test(v);
    }
    catch {
        return false;
    }
}, `${HTTP_URL_HINT}${relative ? ", or a path such as /api/search on the check's backend" : ''} ({{${placeholder}}} is filled in)`);
/** Durations in Prometheus's grammar (1h30m, 90s, 1w, 500ms), greater than 0. */
const duration = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: _util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .DURATION_HINT */ .Fp }).superRefine((v, ctx) => {
    const problem = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationProblem */ .YV)(v, { positive: true });
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem, params: { duration: true } });
});
const auth = zod__WEBPACK_IMPORTED_MODULE_1__/* .discriminatedUnion */ .gMt('type', [
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('none') }),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('bearer'), 'token-env': envName }),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('basic'), 'username-env': envName, 'password-env': envName })
    // The shape util/http.ts sends requests with: the two stay one.
]);
const httpClientFields = {
    url: httpUrl,
    auth: auth.default({ type: 'none' }),
    /** Extra headers; a value `env:NAME` is read from that environment variable and masked. */
    headers: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default({}),
    'timeout-seconds': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().max(300).default(10),
    retries: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0).max(5).default(2)
};
const backend = zod__WEBPACK_IMPORTED_MODULE_1__/* .discriminatedUnion */ .gMt('type', [
    /** Prometheus HTTP API; also Thanos, Mimir, Cortex, VictoriaMetrics. */
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('prometheus'), ...httpClientFields }),
    /** Loki query API (LogQL). */
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('loki'), ...httpClientFields }),
    /** Any HTTP JSON API (Tempo, Jaeger, Elasticsearch, a vendor). */
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('http'), ...httpClientFields })
]);
const endpoint = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    url: httpUrl,
    method: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['GET', 'HEAD', 'POST']).default('GET'),
    'expect-status': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(100).max(599).default(200),
    'max-latency-ms': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().default(2000),
    'body-match': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    attempts: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1).max(10).default(3)
});
/**
 * Where a downstream protocol is told about the package: a webhook (POST JSON, accepted on 2xx)
 * or a repository_dispatch event of this type.
 */
const notifyTarget = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    url: httpUrl.optional(),
    'event-type': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).max(100).optional(),
    auth: auth.default({ type: 'none' }),
    /** A value `env:NAME` is read from that environment variable and masked. */
    headers: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default({}),
    'timeout-seconds': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().max(60).default(10)
})
    .refine((t) => (t.url === undefined) !== (t['event-type'] === undefined), 'exactly one of url (a webhook) or event-type (a repository_dispatch)');
const service = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1),
    critical: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(false),
    /** Label matchers identifying the service in telemetry; default `{<group-label>: name}`. */
    selector: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
    endpoints: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([httpUrl, endpoint], { error: `${HTTP_URL_HINT}, or a mapping with url (and method, expect-status, max-latency-ms)` }))
        .default([]),
    owner: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** GitHub users who own the service: assigned to its backlog issues. */
    'github-assignees': zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, 'a GitHub user name such as octocat'))
        .max(10)
        .default([])
});
/**
 * A per-signal check template. For `promql` and `logql` the query must group by the service label
 * so one query covers every service; `{{service}}` is substituted for `http` checks, which run
 * once per service.
 */
const signalCheck = zod__WEBPACK_IMPORTED_MODULE_1__/* .discriminatedUnion */ .gMt('kind', [
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ kind: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('promql'), backend: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), query: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1) }),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ kind: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('logql'), backend: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), query: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1) }),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        kind: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('http'),
        backend: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        url: templatedHttpUrl('service', true),
        method: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['GET', 'POST']).default('GET'),
        body: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        'expect-status': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().default(200),
        /** A dotted path into the JSON answer, e.g. `traces.length` or `hits.total.value`. */
        'json-path': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1),
        /** A comparison applied to the value at json-path: `> 0`, `>= 1`, `== true`. */
        condition: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .regex(/^(>|>=|<|<=|==|!=)\s*\S+$/, 'a comparison such as > 0, >= 1, == true or != 0')
            .default('> 0'),
        /** Dotted path of the newest sample's time in the answer (epoch seconds, ms, or ISO). */
        'timestamp-path': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional()
    }),
    /** Synthetic checks: probe the service's endpoints (config and evidence merged). */
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ kind: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('probe') })
]);
const SIGNALS = ['metrics', 'logs', 'traces', 'synthetic'];
const slo = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1),
    service: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1),
    /** Percent, e.g. 99.9. */
    objective: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().gt(0).lt(100),
    window: duration.default('30d'),
    backend: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** PromQL for good and total events, as rates or counts over `[$window]`; `$window` is substituted. */
    'good-query': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    'total-query': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
    'error-query': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** The threshold a dashboard panel for this SLO should show (e.g. latency 300 ms). */
    'dashboard-threshold': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional()
});
const sufficiencyCriterion = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    'min-coverage': duration.optional(),
    'min-coverage-percent': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().gt(0).max(100).optional(),
    'min-requests': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0).optional(),
    informational: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional()
});
const route = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1),
    /** Labels put on the synthetic alert so the routing tree picks this route. */
    labels: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default({}),
    'expect-receiver': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1)
});
/** JSON paths into the acknowledgement source's answer (docs/alert-acknowledgements.md). */
const jsonPath = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^\$((\.[A-Za-z_][A-Za-z0-9_-]*)|(\[(\d+|-1|'[^']*'|"[^"]*")\]))*$/, "a JSON path such as $.acknowledged_at, $.data.report['ackTime'] or $.items[0].at");
const DEFAULT_ACK_MAPPING = {
    'acknowledged-at': '$.acknowledged_at',
    'acknowledged-by': '$.acknowledged_by',
    'delivered-at': '$.delivered_at',
    receiver: '$.receiver'
};
const ackMapping = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    'acknowledged-at': jsonPath.default(DEFAULT_ACK_MAPPING['acknowledged-at']),
    'acknowledged-by': jsonPath.default(DEFAULT_ACK_MAPPING['acknowledged-by']),
    'delivered-at': jsonPath.default(DEFAULT_ACK_MAPPING['delivered-at']),
    receiver: jsonPath.default(DEFAULT_ACK_MAPPING.receiver),
    /** Optional flag field; it never counts on its own, only with a valid acknowledged-at. */
    acknowledged: jsonPath.optional(),
    /** acknowledged-at is a duration after this time field (e.g. Opsgenie's report.ackTime after createdAt). */
    'acknowledged-after': jsonPath.optional(),
    /** Unit of numeric times: epoch seconds or milliseconds (also of a relative acknowledged-at). */
    'number-unit': zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['s', 'ms']).default('ms')
});
const alerting = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    provider: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['alertmanager', 'pagerduty', 'webhook', 'opsgenie', 'grafana-oncall']).optional(),
    alertmanager: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ ...httpClientFields }).optional(),
    pagerduty: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        'events-url': httpUrl.default('https://events.pagerduty.com'),
        'api-url': httpUrl.default('https://api.pagerduty.com'),
        'routing-key-env': envName,
        'api-token-env': envName,
        'poll-seconds': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().default(5)
    })
        .optional(),
    opsgenie: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        'api-url': httpUrl.default('https://api.opsgenie.com'),
        /** An API integration's key, sent as `Authorization: GenieKey ...`. */
        'api-key-env': envName,
        'poll-seconds': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().default(2)
    })
        .optional(),
    'grafana-oncall': zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        /** The OnCall API base (OSS: the engine URL; Cloud IRM: the stack's OnCall API URL). */
        'api-url': httpUrl,
        'token-env': envName,
        /** OSS takes the token as is; Grafana Cloud IRM as `Bearer` plus X-Grafana-URL. */
        'auth-scheme': zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['token', 'bearer']).default('token'),
        'grafana-url': httpUrl.optional(),
        /** The environment variable holding the integration's inbound URL (it carries a secret token). */
        'integration-url-env': envName,
        'integration-id': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
        'poll-seconds': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().default(2)
    })
        .optional(),
    webhook: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        /** Where the webhook provider posts the alert (only needed with provider: webhook). */
        url: httpUrl.optional(),
        /** Polled for delivery and acknowledgement; `{{test_id}}` is substituted. */
        'ack-url': templatedHttpUrl('test_id').refine((v) => v.includes('{{test_id}}'), 'a URL containing {{test_id}} (e.g. https://oncall.example/ack/{{test_id}}), so that each answer is about one test'),
        auth: auth.default({ type: 'none' }),
        /** Extra headers for the ack URL (e.g. `Authorization: env:OPSGENIE_AUTH`); `env:NAME` values are read and masked. */
        headers: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default({}),
        'poll-seconds': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().default(2),
        ack: ackMapping.prefault({})
    })
        .optional(),
    /** Acknowledging identities that are never a person (case-insensitive regular expressions). */
    'ack-ignore': zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .min(1)
        .refine((v) => {
        try {
            new RegExp(v, 'i');
            return true;
        }
        catch {
            return false;
        }
    }, 'a regular expression such as bot or ^svc-'))
        .default(['bot', 'automation', 'integration', 'api']),
    /** How far the on-call side's clock may be off from this runner's. */
    'clock-skew-seconds': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0).max(300).default(5),
    /** A failing route is sent again, with a fresh test id, this many times. */
    retries: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0).max(5).default(1),
    'ack-sla-seconds': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().default(300),
    /** Extra wait beyond the SLA before a test is declared unacknowledged. */
    'wait-margin-seconds': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0).default(30),
    routes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(route).default([]),
    /** Prometheus rule files in the repository. */
    'rule-files': zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default([]),
    /** Read the rules in force from this Prometheus backend's /api/v1/rules. */
    'rules-backend': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    'burn-rate-tolerance-percent': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0).default(10),
    /** promtool for the detection drill; default: promtool on PATH. */
    promtool: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
    'notification-channels': zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        slack: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        pagerduty: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        email: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional()
    })
        .default({})
});
const configSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(1),
    environment: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().default('production'),
    /** The label that names the service in telemetry. */
    'service-label': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().default('service'),
    backends: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), backend).default({}),
    services: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(service).default([]),
    signals: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        metrics: signalCheck.optional(),
        logs: signalCheck.optional(),
        traces: signalCheck.optional(),
        synthetic: signalCheck.optional()
    })
        .default({}),
    /** Newest sample older than this is stale. */
    freshness: duration.default('5m'),
    /** Hosts synthetic checks may call; endpoints elsewhere are skipped. */
    'allowed-hosts': zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default([]),
    baseline: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        backend: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        window: duration.default('30m'),
        /** Extra SLIs: name -> PromQL grouped by the service label. */
        queries: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default({}),
        /**
         * Overrides of the built-in baseline queries, grouped by the service label. `$window` is the
         * baseline window, `$group` the grouping labels, `$quantile` (latency only) 0.5/0.95/0.99.
         * Defaults assume http_requests_total{code} and http_request_duration_seconds_bucket.
         */
        'request-rate-query': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
        'error-ratio-query': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
        'latency-query': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
        'claim-tolerance-percent': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0).default(25),
        previous: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ file: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(), artifact: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional() }).optional(),
        criteria: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            metric: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            'max-increase-percent': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
            'warn-increase-percent': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
            'max-ratio': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional()
        }))
            .default([
            { metric: 'latency_p95', 'max-increase-percent': 10, 'warn-increase-percent': 5 },
            { metric: 'error_ratio', 'max-ratio': 2 }
        ])
    })
        .prefault({}),
    slos: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(slo).default([]),
    /**
     * How much data a windowed figure needs (rates, ratios, quantiles, SLO attainment, alert
     * correlation). Below it the figure is `insufficient data`. Default: a thirtieth of the window
     * (a 30-day figure needs a day) and 20 requests; per criterion overrides; `informational: true`
     * reports the figure without failing a gate on its insufficiency.
     */
    sufficiency: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        'min-coverage': duration.optional(),
        'min-coverage-percent': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().gt(0).max(100).optional(),
        'min-requests': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0).default(20),
        criteria: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            baseline: sufficiencyCriterion.optional(),
            claims: sufficiencyCriterion.optional(),
            'slo-attainment': sufficiencyCriterion.optional(),
            'alert-correlation': sufficiencyCriterion.optional()
        })
            .default({})
    })
        .prefault({}),
    /** OpenSLO v1 documents (kind: SLO) in the repository. */
    openslo: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default([]),
    alerting: alerting.prefault({}),
    /** The detection drill: the rules in force fed burns in promtool until they fire. */
    drill: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        /** Gate 2 fails when the drill cannot run (promtool missing). */
        required: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(false),
        /** Longest detection time allowed: one duration for every alert, or per kind. */
        'max-detection': zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([duration, zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ page: duration.optional(), ticket: duration.optional(), absent: duration.optional() })])
            .optional()
    })
        .prefault({}),
    dashboards: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        files: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default([]),
        /** The Prometheus backend the panels' queries are run against (default: the baseline's, else the first). */
        backend: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        grafana: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ url: httpUrl, 'token-env': envName.optional(), uids: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default([]) }).optional()
    })
        .prefault({}),
    runbook: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ path: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().default('RUNBOOKS/monitoring-runbook.md') }).prefault({}),
    incidents: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        /** A JSON file of incidents: [{id, service, started_at, resolved_at?, severity?}]. */
        file: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        /** GitHub issues with these labels are incidents. */
        'github-labels': zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
        /** PagerDuty incidents (REST API); api-url and api-token-env default to alerting.pagerduty's. */
        pagerduty: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            'api-url': httpUrl.optional(),
            'api-token-env': envName.optional(),
            /** Only incidents of these PagerDuty service ids (default: all). */
            'service-ids': zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1)).default([])
        })
            .optional(),
        lookback: duration.default('7d')
    })
        .prefault({}),
    assurance: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        owner: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        /** The workflow that re-runs this action in `assurance` mode. */
        workflow: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        /** The longest gap between two runs of the ongoing checks that is still a schedule. */
        'max-interval': duration.optional(),
        /** Checks run elsewhere; cadence is a five-field cron (UTC). */
        checks: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ 'check-type': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), cadence: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), owner: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional() })).default([])
    })
        .prefault({}),
    gates: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        'coverage-min-percent': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0).max(100).default(95),
        'dashboard-score-min-percent': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0).max(100).default(90),
        'schedule-coverage-min-percent': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0).max(100).default(100),
        'manifest-completeness-min-percent': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0).max(100).default(95),
        'approvals-min-percent': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0).max(100).default(100)
    })
        .prefault({}),
    /** Commands that produce an artifact in place of the built-in step (the seed's automation hooks). */
    hooks: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        'audit-command': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        'alert-test-command': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        'tuning-command': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
        'timeout-seconds': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().max(3600).default(600)
    })
        .prefault({}),
    /** The protocol's own control flow. */
    flow: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        /** Gate 1 failed: the read-only checks still run, nothing pages people or hands off. */
        'pause-on-gate-failure': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(true),
        /**
         * Who answers the validation and handoff prompts: the inputs (alert-tests,
         * github.handoff.enabled), or in addition the approval of this job's protected environment.
         */
        'confirm-with': zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['input', 'environment']).default('input')
    })
        .prefault({}),
    /** Inputs from other protocols. */
    inputs: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        /** Protocol 4's quality audit findings: JSON (schemas/quality-audit.schema.json) or Markdown with a findings table. */
        'quality-audit': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional()
    })
        .default({}),
    /** Notifications to the downstream protocols, besides the Protocol 13 repository_dispatch (github.handoff). */
    notify: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ 'protocol-13': notifyTarget.optional(), 'protocol-5': notifyTarget.optional(), 'protocol-14': notifyTarget.optional() })
        .default({}),
    github: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        labels: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).default(['sre-monitoring']),
        /** Labels naming each issue's kind and priority: the prefix, then e.g. `coverage-gap` or `high`; empty for none. */
        'kind-label-prefix': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(40).default('kind/'),
        'priority-label-prefix': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(40).default('priority/'),
        'max-new-issues': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0).default(10),
        'pr-comment': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(true),
        handoff: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ enabled: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().default(false), 'event-type': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().default('protocol-13-handoff') }).prefault({})
    })
        .prefault({}),
    limits: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        'evidence-max-bytes': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
            .int()
            .positive()
            .default(20 * 1024 * 1024),
        /** Markdown evidence parses at a few MB a second: a lower bound keeps the run's time bounded. */
        'evidence-markdown-max-bytes': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
            .int()
            .positive()
            .default(2 * 1024 * 1024),
        /** Cap on one backend or GitHub answer; a larger one is a backend error naming the URL and the cap. */
        'response-max-bytes': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
            .int()
            .positive()
            .default(8 * 1024 * 1024),
        /** Requests in flight to one backend at most: a large run queues on its own side, never floods production. */
        'backend-concurrency': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1).max(64).default(4)
    })
        .prefault({})
});


/***/ })

};
