export const id = 902;
export const ids = [902];
export const modules = {

/***/ 83846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $d: () => (/* binding */ buildApprovalRecord),
/* harmony export */   Qq: () => (/* binding */ dedupe),
/* harmony export */   ad: () => (/* binding */ approvalFromInput)
/* harmony export */ });
/* unused harmony exports APPROVAL_MISSING_MESSAGE, parseApprovedBy */
/**
 * The approval of this release's monitoring and `monitoring-approval-record.json`. Free of any
 * GitHub client, so local runs and the protocol core use it without loading Octokit.
 */
const APPROVAL_MISSING_MESSAGE = '[ERROR] Monitoring approval not recorded.';
/** `alice (SRE lead), bob` -> [{login: alice, role: SRE lead}, {login: bob}] */
function parseApprovedBy(input) {
    if (!input)
        return [];
    return input
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((entry) => {
        const m = /^@?([^\s()]+)\s*(?:\(([^)]*)\))?$/.exec(entry);
        if (!m)
            return { login: entry };
        return m[2]?.trim() ? { login: m[1], role: m[2].trim() } : { login: m[1] };
    });
}
/** Approvers named by the `approved-by` input; the fallback when GitHub has no approval to give. */
function approvalFromInput(args) {
    const { log } = args;
    const rejected = args.rejected ?? [];
    const apiError = args.apiError;
    const fromInput = parseApprovedBy(args.approvedByInput);
    if (fromInput.length > 0) {
        const approvers = fromInput.map((a) => ({
            login: a.login,
            role: a.role,
            state: 'approved',
            comment: '',
            environments: [],
            source: 'approved-by-input',
            recordedAt: args.recordedAt
        }));
        log.info(`Approval: taken from the approved-by input (${approvers.map((a) => a.login).join(', ')}).`);
        return { source: 'approved-by-input', approvers: dedupe(approvers), rejected, apiError };
    }
    log.warning(`${APPROVAL_MISSING_MESSAGE} No environment approval${args.runId ? ` for run ${args.runId}` : ''} and no approved-by input.`);
    return { source: 'none', approvers: [], rejected, apiError };
}
function dedupe(list) {
    const seen = new Map();
    for (const a of list) {
        const key = a.login.toLowerCase();
        const prev = seen.get(key);
        if (prev)
            prev.environments = [...new Set([...prev.environments, ...a.environments])];
        else
            seen.set(key, { ...a });
    }
    return [...seen.values()];
}
function recordKey(login) {
    return login.toLowerCase().replace(/[^a-z0-9_-]+/g, '_');
}
/**
 * The approval record for gate 4. Status `missing` when nobody approved: gate 4 then fails with
 * APPROVAL_MISSING_MESSAGE.
 */
function buildApprovalRecord(args) {
    const { approval } = args;
    const roles = Object.fromEntries(Object.entries(args.roles ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const approvers = {};
    for (const a of [...approval.approvers, ...approval.rejected]) {
        approvers[recordKey(a.login)] = {
            name: a.login,
            role: a.role ?? roles[a.login.toLowerCase()] ?? (a.environments.length ? `environment reviewer (${a.environments.join(', ')})` : 'approver'),
            approval_status: a.state,
            approval_timestamp: a.recordedAt,
            comments: a.comment,
            source: a.source
        };
    }
    const required = (args.requiredApprovers ?? []).map((l) => l.replace(/^@/, ''));
    for (const login of required) {
        const key = recordKey(login);
        if (!approvers[key]) {
            approvers[key] = {
                name: login,
                role: roles[login.toLowerCase()] ?? 'required approver',
                approval_status: 'pending',
                approval_timestamp: null,
                comments: '',
                source: 'required'
            };
        }
    }
    const approvedLogins = new Set(approval.approvers.map((a) => a.login.toLowerCase()));
    const requiredCount = required.length > 0 ? required.length : 1;
    const approvedCount = required.length > 0 ? required.filter((l) => approvedLogins.has(l.toLowerCase())).length : Math.min(approvedLogins.size, 1);
    const percentage = Math.round((approvedCount / requiredCount) * 10000) / 100;
    const status = approval.rejected.length > 0
        ? 'rejected'
        : approval.approvers.length === 0
            ? 'missing'
            : percentage >= 100
                ? 'approved'
                : 'partial';
    const approvalDate = approval.approvers.length > 0 ? approval.approvers.map((a) => a.recordedAt).sort().at(-1) : null;
    const channels = {};
    for (const k of ['slack', 'pagerduty', 'email']) {
        const v = args.notificationChannels?.[k];
        if (v)
            channels[k] = v;
    }
    return {
        approval_date: approvalDate,
        status,
        approvers,
        required_approvers: requiredCount,
        approval_percentage: percentage,
        effective_date: status === 'approved' ? (args.effectiveDate ?? approvalDate) : null,
        on_call_owner: args.onCallOwner ?? null,
        notification_channels: channels
    };
}


/***/ }),

/***/ 90131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qn: () => (/* binding */ configSchema),
/* harmony export */   _z: () => (/* binding */ SIGNALS),
/* harmony export */   tV: () => (/* binding */ slo)
/* harmony export */ });
/* unused harmony exports duration, auth, backend, endpoint, service, signalCheck, route, alerting */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);

/**
 * The config file (`.github/sre-monitoring.yml`), version 1. Unknown keys are errors so that a
 * typo never silently disables a check. Credentials are named by environment variable only.
 */
/** Shapes of well-known credentials, so a secret pasted where a variable name belongs is refused. */
const CREDENTIAL_SHAPES = [/^gh[pousr]_[A-Za-z0-9]{20,}$/, /^github_pat_/, /^glpat-/, /^xox[abpr]-/, /^sk-[A-Za-z0-9]{20,}/, /^AKIA[0-9A-Z]{16}$/, /^[A-Za-z0-9_]{32,}$/];
const envName = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name (credentials are never written inline)')
    .refine((v) => !CREDENTIAL_SHAPES.some((re) => re.test(v)), 'the name of an environment variable, not a credential: this looks like a token itself');
/** An http(s) URL; `z.url()` alone takes `localhost:9090` for a URL with scheme `localhost`. */
const httpUrl = zod__WEBPACK_IMPORTED_MODULE_0__/* .url */ .OZ5({ protocol: /^https?$/, error: 'an http(s) URL such as http://127.0.0.1:9090' });
/** Durations such as 30s, 5m, 1h, 7d, 30d. */
const duration = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^\d+(\.\d+)?(ms|s|m|h|d|w)$/, 'a duration such as 30s, 5m, 1h, 7d');
const auth = zod__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt('type', [
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('none') }),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('bearer'), 'token-env': envName }),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('basic'), 'username-env': envName, 'password-env': envName })
]);
const httpClientFields = {
    url: httpUrl,
    auth: auth.default({ type: 'none' }),
    /** Extra headers; a value `env:NAME` is read from that environment variable and masked. */
    headers: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default({}),
    'timeout-seconds': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().max(300).default(10),
    retries: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(0).max(5).default(2)
};
const backend = zod__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt('type', [
    /** Prometheus HTTP API; also Thanos, Mimir, Cortex, VictoriaMetrics. */
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('prometheus'), ...httpClientFields }),
    /** Loki query API (LogQL). */
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('loki'), ...httpClientFields }),
    /** Any HTTP JSON API (Tempo, Jaeger, Elasticsearch, a vendor). */
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('http'), ...httpClientFields })
]);
const endpoint = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    url: httpUrl,
    method: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['GET', 'HEAD', 'POST']).default('GET'),
    'expect-status': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(100).max(599).default(200),
    'max-latency-ms': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().default(2000),
    'body-match': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    attempts: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(10).default(3)
});
const service = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    critical: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false),
    /** Label matchers identifying the service in telemetry; default `{<group-label>: name}`. */
    selector: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
    endpoints: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([httpUrl, endpoint])).default([]),
    owner: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional()
});
/**
 * A per-signal check template. For `promql` and `logql` the query must group by the service label
 * so one query covers every service; `{{service}}` is substituted for `http` checks, which run
 * once per service.
 */
const signalCheck = zod__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt('kind', [
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('promql'), backend: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), query: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1) }),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('logql'), backend: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), query: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1) }),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('http'),
        backend: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
        method: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['GET', 'POST']).default('GET'),
        body: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        'expect-status': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().default(200),
        /** A dotted path into the JSON answer, e.g. `traces.length` or `hits.total.value`. */
        'json-path': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
        /** A comparison applied to the value at json-path: `> 0`, `>= 1`, `== true`. */
        condition: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^(>|>=|<|<=|==|!=)\s*\S+$/).default('> 0'),
        /** Dotted path of the newest sample's time in the answer (epoch seconds, ms, or ISO). */
        'timestamp-path': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional()
    }),
    /** Synthetic checks: probe the service's endpoints (config and evidence merged). */
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('probe') })
]);
const SIGNALS = ['metrics', 'logs', 'traces', 'synthetic'];
const slo = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    service: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    /** Percent, e.g. 99.9. */
    objective: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().gt(0).lt(100),
    window: duration.default('30d'),
    backend: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    /** PromQL for good and total events, as rates or counts over `[$window]`; `$window` is substituted. */
    'good-query': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    'total-query': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    'error-query': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    /** The threshold a dashboard panel for this SLO should show (e.g. latency 300 ms). */
    'dashboard-threshold': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional()
});
const route = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    /** Labels put on the synthetic alert so the routing tree picks this route. */
    labels: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default({}),
    'expect-receiver': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1)
});
const alerting = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    provider: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['alertmanager', 'pagerduty', 'webhook']).optional(),
    alertmanager: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ ...httpClientFields }).optional(),
    pagerduty: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        'events-url': httpUrl.default('https://events.pagerduty.com'),
        'api-url': httpUrl.default('https://api.pagerduty.com'),
        'routing-key-env': envName,
        'api-token-env': envName,
        'poll-seconds': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().default(5)
    })
        .optional(),
    webhook: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        url: httpUrl,
        /** Polled for the acknowledgement; `{{test_id}}` is substituted. */
        'ack-url': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
        auth: auth.default({ type: 'none' }),
        'poll-seconds': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().default(2)
    })
        .optional(),
    'ack-sla-seconds': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().default(300),
    /** Extra wait beyond the SLA before a test is declared unacknowledged. */
    'wait-margin-seconds': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).default(30),
    routes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(route).default([]),
    /** Prometheus rule files in the repository. */
    'rule-files': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]),
    /** Read the rules in force from this Prometheus backend's /api/v1/rules. */
    'rules-backend': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    'burn-rate-tolerance-percent': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).default(10),
    'notification-channels': zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        slack: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        pagerduty: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        email: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional()
    })
        .default({})
});
const configSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1),
    environment: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('production'),
    /** The label that names the service in telemetry. */
    'service-label': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('service'),
    backends: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), backend).default({}),
    services: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(service).default([]),
    signals: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        metrics: signalCheck.optional(),
        logs: signalCheck.optional(),
        traces: signalCheck.optional(),
        synthetic: signalCheck.optional()
    })
        .default({}),
    /** Newest sample older than this is stale. */
    freshness: duration.default('5m'),
    /** Hosts synthetic checks may call; endpoints elsewhere are skipped. */
    'allowed-hosts': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]),
    baseline: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        backend: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        window: duration.default('30m'),
        /** Extra SLIs: name -> PromQL grouped by the service label. */
        queries: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default({}),
        /**
         * Overrides of the built-in baseline queries, grouped by the service label. `$window` is the
         * baseline window, `$group` the grouping labels, `$quantile` (latency only) 0.5/0.95/0.99.
         * Defaults assume http_requests_total{code} and http_request_duration_seconds_bucket.
         */
        'request-rate-query': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
        'error-ratio-query': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
        'latency-query': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
        'claim-tolerance-percent': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).default(25),
        previous: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ file: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(), artifact: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional() })
            .optional(),
        criteria: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
            metric: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
            'max-increase-percent': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
            'warn-increase-percent': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
            'max-ratio': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional()
        }))
            .default([
            { metric: 'latency_p95', 'max-increase-percent': 10, 'warn-increase-percent': 5 },
            { metric: 'error_ratio', 'max-ratio': 2 }
        ])
    })
        .default({
        window: '30m',
        queries: {},
        'claim-tolerance-percent': 25,
        criteria: [
            { metric: 'latency_p95', 'max-increase-percent': 10, 'warn-increase-percent': 5 },
            { metric: 'error_ratio', 'max-ratio': 2 }
        ]
    }),
    slos: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(slo).default([]),
    /** OpenSLO v1 documents (kind: SLO) in the repository. */
    openslo: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]),
    alerting: alerting.default({
        'ack-sla-seconds': 300,
        'wait-margin-seconds': 30,
        routes: [],
        'rule-files': [],
        'burn-rate-tolerance-percent': 10,
        'notification-channels': {}
    }),
    dashboards: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        files: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]),
        grafana: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ url: httpUrl, 'token-env': envName.optional(), uids: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]) })
            .optional()
    })
        .default({ files: [] }),
    runbook: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('RUNBOOKS/monitoring-runbook.md') }).default({
        path: 'RUNBOOKS/monitoring-runbook.md'
    }),
    incidents: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        /** A JSON file of incidents: [{id, service, started_at, resolved_at?, severity?}]. */
        file: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        /** GitHub issues with these labels are incidents. */
        'github-labels': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
        lookback: duration.default('7d')
    })
        .default({ lookback: '7d' }),
    assurance: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        owner: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        /** The workflow that re-runs this action in `assurance` mode. */
        workflow: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        checks: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ 'check-type': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), cadence: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), owner: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional() }))
            .default([])
    })
        .default({ checks: [] }),
    gates: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        'coverage-min-percent': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(100).default(95),
        'dashboard-score-min-percent': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(100).default(90),
        'schedule-coverage-min-percent': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(100).default(100),
        'manifest-completeness-min-percent': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(100).default(95),
        'approvals-min-percent': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(100).default(100)
    })
        .default({
        'coverage-min-percent': 95,
        'dashboard-score-min-percent': 90,
        'schedule-coverage-min-percent': 100,
        'manifest-completeness-min-percent': 95,
        'approvals-min-percent': 100
    }),
    /** Commands that produce an artifact in place of the built-in step (the seed's automation hooks). */
    hooks: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        'audit-command': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        'alert-test-command': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        'tuning-command': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        'timeout-seconds': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().max(3600).default(600)
    })
        .default({ 'timeout-seconds': 600 }),
    github: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        labels: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default(['sre-monitoring']),
        'max-new-issues': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(0).default(10),
        'pr-comment': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(true),
        handoff: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ enabled: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false), 'event-type': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('protocol-13-handoff') })
            .default({ enabled: false, 'event-type': 'protocol-13-handoff' })
    })
        .default({
        labels: ['sre-monitoring'],
        'max-new-issues': 10,
        'pr-comment': true,
        handoff: { enabled: false, 'event-type': 'protocol-13-handoff' }
    }),
    limits: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        'evidence-max-bytes': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().default(20 * 1024 * 1024),
        /** Markdown evidence parses at a few MB a second: a lower bound keeps the run's time bounded. */
        'evidence-markdown-max-bytes': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().default(2 * 1024 * 1024)
    })
        .default({ 'evidence-max-bytes': 20 * 1024 * 1024, 'evidence-markdown-max-bytes': 2 * 1024 * 1024 })
});


/***/ }),

/***/ 47883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ LocalGitHubPort)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _approval_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83846);



/**
 * GitHub as seen from a run without a token (the command line): nothing is sent to GitHub. The
 * issues that would be filed are written to a file. With a delivery folder, the package and the
 * Protocol 13 handoff event are delivered there, for pipelines that hand off through files.
 */
class LocalGitHubPort {
    outputDir;
    now;
    log;
    deliverTo;
    description = 'local run (no GitHub token)';
    constructor(outputDir, now, log, deliverTo) {
        this.outputDir = outputDir;
        this.now = now;
        this.log = log;
        this.deliverTo = deliverTo;
    }
    async downloadEvidence(name) {
        return { error: `local run: cannot download artifact ${name} without GitHub; pass --evidence DIR` };
    }
    async approval(approvedBy) {
        return (0,_approval_record_js__WEBPACK_IMPORTED_MODULE_2__/* .approvalFromInput */ .ad)({ approvedByInput: approvedBy, recordedAt: this.now().toISOString(), log: this.log });
    }
    async uploadPackage(_dir, files) {
        if (!this.deliverTo)
            return { error: 'local run: no GitHub artifact service and no --deliver-to folder' };
        const dest = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(this.deliverTo);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dest, { recursive: true });
            for (const f of files)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(f, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dest, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(f)));
            return { delivered: dest };
        }
        catch (err) {
            return { error: `delivery to ${dest} failed: ${err.message}` };
        }
    }
    async syncBacklog(items) {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.outputDir, 'issues-to-file.json');
        const doc = items.map((i) => ({ fingerprint: i.fingerprint, title: i.title, priority: i.priority, gate: i.gate ?? null, summary: i.summary, evidence: i.evidence }));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, JSON.stringify(doc, null, 2) + '\n');
        return { opened: [], updated: [], closed: [], reopened: [], heldBack: [], errors: [], file };
    }
    async sendHandoff(eventType, info) {
        if (!this.deliverTo)
            return { error: 'local run: no GitHub token to send repository_dispatch with, and no --deliver-to folder' };
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(this.deliverTo), `${eventType}.json`);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, JSON.stringify({ event_type: eventType, sent_at: this.now().toISOString(), client_payload: info }, null, 2) + '\n');
            this.log.info(`Handoff event written to ${file}`);
            return { ok: true };
        }
        catch (err) {
            return { error: `handoff event not written to ${file}: ${err.message}` };
        }
    }
    async commentOnPullRequest() { }
    async previousPackage(_artifactName) {
        return { reason: 'local run: no previous workflow run to take a package from (use baseline.previous.file)' };
    }
    async incidents() {
        throw new Error('GitHub issues as an incident source need a GitHub token');
    }
    runUrl() {
        return undefined;
    }
}


/***/ }),

/***/ 4323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G: () => (/* binding */ runProtocol)
});

// UNUSED EXPORTS: ANNOUNCE

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/util/json.ts
var json = __webpack_require__(74976);
;// CONCATENATED MODULE: ./src/assurance/schedule.ts




/** What must be re-checked after the release for monitoring to stay in place. */
const REQUIRED_CHECK_TYPES = ['instrumentation', 'alert-rules', 'alert-path', 'dashboards'];
/** True for a step that runs this action: `uses: ./` (its own repo) or `.../sre-monitoring-action@...`. */
function runsThisAction(uses) {
    return typeof uses === 'string' && (uses === './' || uses === '.' || /(^|\/)sre-monitoring-action(@|$)/.test(uses));
}
/**
 * Find workflows that re-run this action in assurance mode on a cron. The schedule is read from
 * the repository, not taken on trust from the config: an ongoing check that is not scheduled
 * anywhere does not exist.
 */
async function findAssuranceWorkflows(workspace) {
    const dir = (0,external_node_path_.join)(workspace, '.github', 'workflows');
    let names;
    try {
        names = (await (0,promises_.readdir)(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
    }
    catch {
        return [];
    }
    const found = [];
    for (const name of names) {
        let doc;
        try {
            doc = (0,dist/* parse */.qg)(await (0,promises_.readFile)((0,external_node_path_.join)(dir, name), 'utf8'));
        }
        catch {
            continue;
        }
        if (!(0,json/* isObject */.G)(doc))
            continue;
        const on = doc.on ?? doc.true; // YAML 1.1 readers turn a bare `on` key into true
        const schedule = (0,json/* isObject */.G)(on) && Array.isArray(on.schedule) ? on.schedule : [];
        const crons = schedule.filter(json/* isObject */.G).map((s) => s.cron).filter((c) => typeof c === 'string');
        if (crons.length === 0)
            continue;
        const jobs = (0,json/* isObject */.G)(doc.jobs) ? Object.values(doc.jobs) : [];
        for (const job of jobs) {
            const steps = (0,json/* isObject */.G)(job) && Array.isArray(job.steps) ? job.steps : [];
            for (const step of steps) {
                if (!(0,json/* isObject */.G)(step) || !runsThisAction(step.uses))
                    continue;
                const mode = (0,json/* isObject */.G)(step.with) && typeof step.with.mode === 'string' ? step.with.mode : 'post-deploy';
                if (mode === 'assurance')
                    found.push({ file: `.github/workflows/${name}`, crons, mode });
            }
        }
    }
    return found;
}
function buildSchedule(args) {
    const owner = args.config.assurance.owner ?? args.onCallOwner ?? null;
    const checks = [];
    for (const wf of args.workflows) {
        for (const type of REQUIRED_CHECK_TYPES) {
            checks.push({ check_type: type, cadence: wf.crons.map((c) => `cron: ${c}`).join('; '), owner, source: wf.file });
        }
    }
    for (const c of args.config.assurance.checks) {
        checks.push({ check_type: c['check-type'], cadence: c.cadence, owner: c.owner ?? owner, source: 'config: assurance.checks' });
    }
    const missing = [];
    for (const type of REQUIRED_CHECK_TYPES) {
        const ok = checks.some((c) => c.check_type === type && c.cadence && c.owner);
        if (ok)
            continue;
        const scheduled = checks.some((c) => c.check_type === type && c.cadence);
        missing.push(scheduled
            ? `${type} (scheduled but no owner)`
            : `${type} (no workflow runs this action with mode: assurance on a schedule, and assurance.checks names none)`);
    }
    const covered = REQUIRED_CHECK_TYPES.length - missing.length;
    return {
        generated_at: args.now.toISOString(),
        schedule_coverage: Math.round((covered / REQUIRED_CHECK_TYPES.length) * 10000) / 100,
        required_check_types: [...REQUIRED_CHECK_TYPES],
        automated_checks: checks,
        ownership: { owner, on_call_owner: args.onCallOwner ?? null },
        workflows: args.workflows,
        missing
    };
}

// EXTERNAL MODULE: ./src/util/http.ts
var http = __webpack_require__(44098);
// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(70017);
;// CONCATENATED MODULE: ./src/assurance/tuning.ts
/** An alert counts toward an incident if it fired this long before the incident's start. */
const EARLY_ALERT_SECONDS = 600;
/** Unresolved incidents are taken to last this long for matching. */
const OPEN_INCIDENT_SECONDS = 3600;
/** Turn `ALERTS{alertstate="firing"}` range samples into episodes: runs of consecutive samples. */
function episodesFromSeries(series, stepSeconds, serviceLabel) {
    const out = [];
    for (const s of series) {
        let start;
        let last;
        const flush = () => {
            if (start === undefined || last === undefined)
                return;
            out.push({
                alertname: s.labels.alertname ?? 'unnamed',
                service: s.labels[serviceLabel],
                severity: s.labels.severity,
                start: new Date(start * 1000).toISOString(),
                end: new Date(last * 1000).toISOString()
            });
        };
        for (const [t] of s.values) {
            if (last !== undefined && t - last > stepSeconds * 1.5) {
                flush();
                start = undefined;
            }
            if (start === undefined)
                start = t;
            last = t;
        }
        flush();
    }
    return out.sort((a, b) => a.start.localeCompare(b.start));
}
const ms = (iso) => Date.parse(iso);
function overlaps(a, i) {
    if (a.service && i.service && a.service !== i.service)
        return false;
    const start = ms(i.started_at) - EARLY_ALERT_SECONDS * 1000;
    const end = i.resolved_at ? ms(i.resolved_at) : ms(i.started_at) + OPEN_INCIDENT_SECONDS * 1000;
    return ms(a.start) <= end && ms(a.end) >= start;
}
const round = (n, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;
function correlate(args) {
    const { episodes, incidents } = args;
    const matchedEpisode = episodes.map((e) => incidents.some((i) => overlaps(e, i)));
    const byName = new Map();
    episodes.forEach((e, idx) => {
        const s = byName.get(e.alertname) ?? { episodes: 0, matched: 0 };
        s.episodes++;
        if (matchedEpisode[idx])
            s.matched++;
        byName.set(e.alertname, s);
    });
    const alerts = [...byName.entries()]
        .map(([alertname, s]) => {
        const precision = s.episodes ? round(s.matched / s.episodes) : null;
        const noisy = precision !== null && precision < 0.5 && s.episodes >= 3;
        return {
            alertname,
            episodes: s.episodes,
            matched: s.matched,
            precision,
            suggestion: noisy ? 'noisy: raise the threshold or lengthen `for:` so it fires on significant events only' : undefined
        };
    })
        .sort((a, b) => a.alertname.localeCompare(b.alertname));
    const matches = incidents.map((incident) => {
        const first = episodes.filter((e) => overlaps(e, incident)).sort((a, b) => a.start.localeCompare(b.start))[0];
        return {
            incident,
            detected: !!first,
            first_alert: first?.alertname,
            detection_seconds: first ? Math.max(0, Math.round((ms(first.start) - ms(incident.started_at)) / 1000)) : undefined
        };
    });
    const significant = matchedEpisode.filter(Boolean).length;
    const detected = matches.filter((m) => m.detected);
    const detections = detected.map((m) => m.detection_seconds ?? 0);
    const adjustments = [];
    for (const a of alerts.filter((x) => x.suggestion)) {
        adjustments.push({ target: a.alertname, change: 'raise threshold or lengthen for:', why: `${a.matched} of ${a.episodes} firings matched an incident (precision ${a.precision})` });
    }
    for (const m of matches.filter((x) => !x.detected)) {
        adjustments.push({
            target: m.incident.service ?? 'unknown service',
            change: 'add or lower an alert',
            why: `incident ${m.incident.id} (${m.incident.started_at}) raised no alert`
        });
    }
    for (const m of detected.filter((x) => (x.detection_seconds ?? 0) > 900)) {
        adjustments.push({
            target: m.first_alert ?? 'alert',
            change: 'shorten the alert window or add a faster burn-rate alert',
            why: `incident ${m.incident.id} was detected after ${m.detection_seconds} s`
        });
    }
    const fromRealData = args.sources.some((s) => s.kind === 'alerts' && s.status === 'ok') &&
        args.sources.some((s) => s.kind === 'incidents' && s.status === 'ok') &&
        args.sources.every((s) => s.status === 'ok');
    return {
        generated_at: args.now.toISOString(),
        lookback: args.lookback,
        sources: args.sources,
        from_real_data: fromRealData,
        alerts,
        incidents: matches,
        precision: episodes.length ? round(significant / episodes.length) : null,
        recall: incidents.length ? round(detected.length / incidents.length) : null,
        mean_detection_seconds: detections.length ? Math.round(detections.reduce((a, b) => a + b, 0) / detections.length) : null,
        adjustments,
        source: 'built-in'
    };
}
/** Incidents from a JSON file: an array of {id, service?, title?, started_at, resolved_at?}. */
function parseIncidents(data, file) {
    const list = Array.isArray(data) ? data : data?.incidents;
    if (!Array.isArray(list))
        throw new Error(`${file}: expected an array of incidents (or {incidents: [...]})`);
    return list.map((raw, i) => {
        const r = raw;
        const started = r.started_at ?? r.startedAt ?? r.created_at;
        if (typeof started !== 'string' || Number.isNaN(Date.parse(started))) {
            throw new Error(`${file} at /${i}/started_at: expected an ISO 8601 time, found ${JSON.stringify(started)}`);
        }
        const resolved = r.resolved_at ?? r.resolvedAt;
        return {
            id: String(r.id ?? i + 1),
            service: typeof r.service === 'string' ? r.service : undefined,
            title: typeof r.title === 'string' ? r.title : undefined,
            started_at: new Date(started).toISOString(),
            resolved_at: typeof resolved === 'string' && !Number.isNaN(Date.parse(resolved)) ? new Date(resolved).toISOString() : undefined,
            source: file
        };
    });
}

;// CONCATENATED MODULE: ./src/assurance/correlate-alerts.ts
/**
 * The I/O side of alert tuning: alert history from Prometheus' ALERTS series, incidents from a
 * file or GitHub issues. The correlation itself is the pure `correlate` in tuning.ts.
 */





function emptyTuning(now, config, reason) {
    return {
        generated_at: now.toISOString(),
        lookback: config.incidents.lookback,
        sources: [{ name: 'alert tuning', kind: 'alerts', request: '-', status: 'error', detail: reason, count: 0 }],
        from_real_data: false,
        alerts: [],
        incidents: [],
        precision: null,
        recall: null,
        mean_detection_seconds: null,
        adjustments: [],
        source: 'built-in'
    };
}
/** Alert history from Prometheus' ALERTS series; incidents from a file or GitHub issues. */
async function correlateAlerts(ctx, prometheus, github) {
    const { config, now } = ctx;
    const lookback = config.incidents.lookback;
    const end = now();
    const start = new Date(end.getTime() - (0,http/* durationSeconds */.o8)(lookback) * 1000);
    const sources = [];
    // One point a minute for a week is 10080 per series, under Prometheus' 11000-point limit.
    const step = Math.max(60, Math.ceil((0,http/* durationSeconds */.o8)(lookback) / 10000));
    const query = 'ALERTS{alertstate="firing", synthetic!="true"}';
    let episodes = [];
    const prom = await prometheus(config.alerting['rules-backend']);
    if (!prom) {
        sources.push({ name: 'prometheus ALERTS', kind: 'alerts', request: query, status: 'not_configured', detail: 'no Prometheus backend configured', count: 0 });
    }
    else {
        try {
            const r = await prom.rangeQuery(query, start, end, step);
            episodes = episodesFromSeries(r.series, step, config['service-label']);
            sources.push({ name: prom.name, kind: 'alerts', request: `${r.request.method} ${r.request.url} ${query}`, status: 'ok', detail: `${r.series.length} alert series`, count: episodes.length });
        }
        catch (err) {
            sources.push({ name: prom.name, kind: 'alerts', request: query, status: 'error', detail: (0,util_errors/* errorText */.kc)(err), count: 0 });
        }
    }
    let incidents = [];
    const file = config.incidents.file;
    const labels = config.incidents['github-labels'];
    if (file) {
        try {
            const text = await (0,promises_.readFile)((0,external_node_path_.resolve)(ctx.workspace, file), 'utf8');
            const all = parseIncidents(JSON.parse(text), file);
            incidents = all.filter((i) => Date.parse(i.started_at) >= start.getTime() - 86400_000);
            sources.push({ name: file, kind: 'incidents', request: `read ${file}`, status: 'ok', detail: `${all.length} incident(s) in file`, count: incidents.length });
        }
        catch (err) {
            sources.push({ name: file, kind: 'incidents', request: `read ${file}`, status: 'error', detail: (0,util_errors/* errorText */.kc)(err), count: 0 });
        }
    }
    if (labels?.length) {
        const request = `GitHub issues labelled ${labels.join(', ')} since ${start.toISOString()}`;
        try {
            const found = await github.incidents(labels, start);
            incidents.push(...found);
            sources.push({ name: 'github issues', kind: 'incidents', request, status: 'ok', detail: `${found.length} issue(s)`, count: found.length });
        }
        catch (err) {
            sources.push({ name: 'github issues', kind: 'incidents', request, status: 'error', detail: (0,util_errors/* errorText */.kc)(err), count: 0 });
        }
    }
    if (!file && !labels?.length) {
        sources.push({ name: 'incidents', kind: 'incidents', request: '-', status: 'not_configured', detail: 'set incidents.file or incidents.github-labels', count: 0 });
    }
    return correlate({ episodes, incidents, sources, lookback, now: end });
}

;// CONCATENATED MODULE: ./src/assurance/slo-attainment.ts

/** Attainment of each SLO over its window, from its good/total (or error/total) queries. */
async function sloAttainment(ctx, prometheus) {
    const out = [];
    for (const slo of ctx.model.slos) {
        const window = slo.window;
        const sub = (q) => q.replace(/\$window/g, window);
        const total = slo['total-query'];
        const ratio = total && slo['good-query']
            ? `(${sub(slo['good-query'])}) / (${sub(total)})`
            : total && slo['error-query']
                ? `1 - (${sub(slo['error-query'])}) / (${sub(total)})`
                : undefined;
        const base = { slo: slo.name, service: slo.service, objective: slo.objective, window, query: ratio ?? '-' };
        if (!ratio) {
            out.push({ ...base, attainment: null, budget_remaining_percent: null, status: 'not_verified', detail: 'the SLO has no good/total or error/total query' });
            continue;
        }
        const prom = await prometheus(slo.backend);
        if (!prom) {
            out.push({ ...base, attainment: null, budget_remaining_percent: null, status: 'not_verified', detail: 'no Prometheus backend configured' });
            continue;
        }
        try {
            const r = await prom.instantQuery(ratio, ctx.now());
            const v = r.samples.length === 1 ? r.samples[0].value : NaN;
            if (!Number.isFinite(v)) {
                out.push({ ...base, attainment: null, budget_remaining_percent: null, status: 'error', detail: r.samples.length === 0 ? 'empty result' : r.samples.length > 1 ? `${r.samples.length} series, expected one` : `value ${v}` });
                continue;
            }
            const budget = 1 - slo.objective / 100;
            const spent = budget > 0 ? (1 - v) / budget : 0;
            out.push({
                ...base,
                attainment: v,
                budget_remaining_percent: Math.round((1 - spent) * 10000) / 100,
                status: v * 100 >= slo.objective ? 'met' : 'breached',
                detail: `at ${ctx.now().toISOString()}`
            });
        }
        catch (err) {
            out.push({ ...base, attainment: null, budget_remaining_percent: null, status: 'error', detail: (0,util_errors/* errorText */.kc)(err) });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
;// CONCATENATED MODULE: ./src/config/load.ts




/** Path from a zod issue to a JSON pointer. */
function pointer(path) {
    return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}
function valueAt(data, path) {
    let cur = data;
    for (const key of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[key];
    }
    return cur;
}
/** Parse and validate config text. Errors name the line and the field. */
function parseConfig(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
        throw new util_errors/* InputErrors */.G(doc.errors.map((e) => new util_errors/* InputError */.dz({
            file,
            // linePos is only filled in with prettyErrors; the offset always is.
            line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
            expected: 'valid YAML',
            found: e.message.split('\n')[0] ?? e.code
        })));
    }
    const data = doc.toJS() ?? {};
    const result = schema/* configSchema */.Qn.safeParse(data);
    if (result.success)
        return result.data;
    throw new util_errors/* InputErrors */.G(result.error.issues.map((issue) => {
        // Point at the deepest node that exists in the YAML for the line number.
        let line;
        for (let n = issue.path.length; n >= 0 && line === undefined; n--) {
            const node = doc.getIn(issue.path.slice(0, n), true);
            if ((0,dist/* isNode */.Ll)(node) && node.range)
                line = lineCounter.linePos(node.range[0]).line;
        }
        const key = String(issue.path.at(-1) ?? '');
        const value = valueAt(data, issue.path);
        // A bad value where a variable name belongs may be the credential itself: never echo it.
        const found = issue.code === 'unrecognized_keys'
            ? `unknown key(s) ${issue.keys.join(', ')}`
            : key.endsWith('-env') && typeof value === 'string'
                ? `a ${value.length}-character value that is not shown, as it may be a credential`
                : (0,util_errors/* describeValue */.bp)(value);
        return new util_errors/* InputError */.dz({ file, line, field: pointer(issue.path), expected: issue.message, found });
    }));
}
/** Read the config file. A missing file is an error: defaults alone cannot describe the release. */
async function loadConfig(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        const code = err.code;
        throw new util_errors/* InputError */.dz({
            file,
            expected: 'a config file (set the `config` input to its path)',
            found: code === 'ENOENT' ? 'no such file' : `an unreadable file (${code ?? String(err)})`
        });
    }
    return parseConfig(text.replace(/^\uFEFF/, ''), file);
}

// EXTERNAL MODULE: ./src/approval/record.ts
var record = __webpack_require__(83846);
;// CONCATENATED MODULE: ./src/gates/types.ts
const GATE_NAMES = {
    1: 'Instrumentation Coverage Gate',
    2: 'Alert Validation Gate',
    3: 'Observability Assurance Gate',
    4: 'Handoff Package Gate'
};

;// CONCATENATED MODULE: ./src/gates/gates.ts

const MSG_MISSING_COVERAGE = (service) => `[ERROR] Missing telemetry coverage for critical service: ${service}.`;
const MSG_ALERT_FAILURE = '[ERROR] Synthetic alert did not reach on-call responder.';
const MSG_APPROVAL_MISSING = '[ERROR] Monitoring approval not recorded.';
function gate(id, checks, reasons, errors, evidence) {
    const failed = reasons.length > 0 || errors.length > 0 || checks.some((c) => c.status !== 'pass');
    return { id, name: GATE_NAMES[id], status: failed ? 'fail' : 'pass', reasons, errors, checks, evidence };
}
const pct = (n) => `${Math.round(n * 100) / 100}%`;
function evaluateInstrumentationGate(input) {
    const { model, audit, thresholds } = input;
    const reasons = [];
    const errors = [];
    const checks = [];
    if (!input.requirementsWritten)
        reasons.push('monitoring-requirements.md was not produced');
    if (model.services.length === 0)
        reasons.push('no services to observe: neither the evidence nor the config names any');
    if (audit.not_verified_reason)
        reasons.push(`instrumentation not verified against live telemetry: ${audit.not_verified_reason}`);
    for (const svc of audit.services.filter((s) => s.critical)) {
        const signals = [svc.metrics, svc.logs, svc.traces, svc.synthetics];
        const missing = signals.filter((s) => !s.verified);
        if (missing.length === 0)
            continue;
        reasons.push(`${MSG_MISSING_COVERAGE(svc.service_name)} ${missing
            .map((s) => `${s.signal}: ${s.measurement?.reason ?? (s.mapped ? s.verdict : 'not mapped')}`)
            .join('; ')}`);
        for (const s of missing.filter((x) => x.verdict === 'error')) {
            errors.push(`${svc.service_name}/${s.signal}: backend error: ${s.measurement?.reason ?? 'no answer'}`);
        }
    }
    // Audited critical services must include every critical service of the model.
    for (const svc of model.services.filter((s) => s.critical)) {
        if (!audit.services.some((a) => a.service_name === svc.name)) {
            reasons.push(`${MSG_MISSING_COVERAGE(svc.name)} the audit has no entry for it`);
        }
    }
    const coverage = Number.isFinite(audit.coverage_completeness) ? audit.coverage_completeness : 0;
    checks.push({
        name: 'coverage completeness',
        status: coverage >= thresholds['coverage-min-percent'] && audit.services.length > 0 ? 'pass' : 'fail',
        value: pct(coverage),
        threshold: `>= ${thresholds['coverage-min-percent']}%`
    });
    const high = audit.missing_coverage.filter((g) => g.priority === 'high');
    checks.push({ name: 'high-priority gaps', status: high.length === 0 ? 'pass' : 'fail', value: String(high.length), threshold: '0' });
    for (const g of high) {
        if (!audit.services.find((s) => s.service_name === g.service)?.critical) {
            reasons.push(`high-priority gap (named in a deploy risk): ${g.service}/${g.signal}: ${g.gap}: ${g.detail}`);
        }
    }
    return gate(1, checks, reasons, errors, ['monitoring-requirements.md', 'instrumentation-audit.json']);
}
function evaluateAlertGate(input) {
    const { alertTests, alignment, dashboards, thresholds } = input;
    const reasons = [];
    const errors = [];
    const checks = [];
    if (!alertTests.approved)
        reasons.push('alert tests not approved (input alert-tests is false): the alert path is unproven');
    else if (alertTests.not_verified_reason)
        reasons.push(`alert path not verified: ${alertTests.not_verified_reason}`);
    else if (alertTests.tests.length === 0)
        reasons.push('no alert route was tested: configure alerting.routes');
    for (const t of alertTests.tests) {
        if (t.status === 'passed' && t.sla_met)
            continue;
        const where = `route ${t.route}: expected receiver ${t.expected_receiver}, actual ${t.actual_receivers.join(', ') || 'none'}`;
        if (t.status === 'error')
            errors.push(`${where}: backend error: ${t.reason}`);
        else if (t.status === 'not_run')
            reasons.push(`${where}: not run: ${t.reason}`);
        else if (t.delivered_at && !t.sla_met)
            reasons.push(`${where}: acknowledgement ${t.acknowledgement_time_seconds === null ? 'never came' : `took ${t.acknowledgement_time_seconds} s`}, SLA ${t.sla_seconds} s`);
        else
            reasons.push(`${MSG_ALERT_FAILURE} ${where}: ${t.reason}`);
    }
    checks.push({
        name: 'alert acknowledgement SLA compliance',
        status: alertTests.tests.length > 0 && alertTests.tests.every((t) => t.status === 'passed' && t.sla_met) ? 'pass' : 'fail',
        value: pct(alertTests.sla_compliance),
        threshold: `100% within ${alertTests.sla_target_seconds} s`
    });
    if (alignment.not_verified_reason)
        reasons.push(`alert rules not checked against the SLOs: ${alignment.not_verified_reason}`);
    const bad = alignment.findings.filter((f) => f.status !== 'aligned');
    for (const f of bad) {
        const text = `alert rule ${f.kind} for SLO ${f.slo} (${f.service}) ${f.status}: ${f.reason}`;
        if (f.status === 'error')
            errors.push(text);
        else
            reasons.push(text);
    }
    checks.push({
        name: 'alert rules aligned with SLOs',
        status: !alignment.not_verified_reason && alignment.findings.length > 0 && bad.length === 0 ? 'pass' : 'fail',
        value: `${alignment.findings.length - bad.length}/${alignment.findings.length}`,
        threshold: 'all aligned'
    });
    if (dashboards.not_verified_reason)
        reasons.push(`dashboards not checked: ${dashboards.not_verified_reason}`);
    for (const s of dashboards.services_without_dashboard)
        reasons.push(`service ${s} appears on no dashboard`);
    const min = thresholds['dashboard-score-min-percent'];
    for (const d of dashboards.dashboards.filter((x) => x.score < min)) {
        reasons.push(`dashboard ${d.dashboard} scores ${pct(d.score)} (< ${min}%)`);
    }
    const worst = dashboards.dashboards.length ? Math.min(...dashboards.dashboards.map((d) => d.score)) : 0;
    checks.push({
        name: 'dashboard score',
        status: !dashboards.not_verified_reason && dashboards.dashboards.length > 0 && worst >= min ? 'pass' : 'fail',
        value: dashboards.dashboards.length ? pct(worst) : 'no dashboards',
        threshold: `>= ${min}%`
    });
    return gate(2, checks, reasons, errors, ['alert-test-results.json', 'dashboard-config.md', 'monitoring-approval-record.json']);
}
function evaluateAssuranceGate(input) {
    const { schedule, tuning, thresholds } = input;
    const reasons = [];
    const errors = [];
    const checks = [];
    const min = thresholds['schedule-coverage-min-percent'];
    checks.push({
        name: 'schedule coverage',
        status: schedule.schedule_coverage >= min ? 'pass' : 'fail',
        value: pct(schedule.schedule_coverage),
        threshold: `>= ${min}%`
    });
    for (const m of schedule.missing)
        reasons.push(`ongoing check not scheduled: ${m}`);
    if (!schedule.ownership.owner)
        reasons.push('no owner for the ongoing checks (assurance.owner or the on-call-owner input)');
    if (!input.tuningWritten)
        reasons.push('alert-tuning-report.md was not produced');
    checks.push({
        name: 'alert tuning from real data',
        status: tuning.from_real_data ? 'pass' : 'fail',
        value: tuning.sources.map((s) => `${s.name}: ${s.status}`).join(', ') || 'no sources',
        threshold: 'alert history and incident source both read'
    });
    for (const s of tuning.sources.filter((x) => x.status !== 'ok')) {
        const text = `tuning source ${s.name} (${s.kind}) ${s.status}: ${s.detail}`;
        if (s.status === 'error')
            errors.push(text);
        else
            reasons.push(text);
    }
    if (!tuning.sources.some((s) => s.kind === 'alerts'))
        reasons.push('no alert history source for tuning');
    if (!tuning.sources.some((s) => s.kind === 'incidents'))
        reasons.push('no incident source for tuning');
    if (!input.backlogWritten)
        reasons.push('improvement-backlog.md was not produced');
    const filed = new Set(input.backlog.map((b) => b.fingerprint));
    const unfiled = input.gapFingerprints.filter((f) => !filed.has(f));
    checks.push({ name: 'gaps with a backlog item', status: unfiled.length === 0 ? 'pass' : 'fail', value: `${input.gapFingerprints.length - unfiled.length}/${input.gapFingerprints.length}`, threshold: 'all' });
    for (const f of unfiled)
        reasons.push(`gap without a backlog item: ${f}`);
    return gate(3, checks, reasons, errors, ['observability-schedule.json', 'alert-tuning-report.md', 'improvement-backlog.md']);
}
function evaluateHandoffGate(input) {
    const { manifest, approval, handoff, thresholds } = input;
    const reasons = [];
    const errors = [];
    const checks = [];
    const minManifest = thresholds['manifest-completeness-min-percent'];
    if (!manifest)
        reasons.push('monitoring-package-manifest.json was not produced');
    const completeness = manifest?.manifest_completeness ?? 0;
    checks.push({ name: 'manifest completeness', status: completeness >= minManifest ? 'pass' : 'fail', value: pct(completeness), threshold: `>= ${minManifest}%` });
    for (const m of manifest?.missing_artifacts ?? [])
        reasons.push(`package artifact missing or invalid: ${m}`);
    const approvers = Object.values(approval?.approvers ?? {}).filter((a) => a.approval_status === 'approved');
    const recorded = !!approval && approval.status === 'approved' && approvers.length > 0 && !!approval.effective_date && !!approval.on_call_owner;
    if (!recorded) {
        const missing = [
            !approval || approvers.length === 0 ? 'approver' : undefined,
            !approval?.on_call_owner ? 'on-call owner' : undefined,
            !approval?.effective_date ? 'effective date' : undefined
        ].filter(Boolean);
        reasons.push(`${MSG_APPROVAL_MISSING}${missing.length ? ` Missing: ${missing.join(', ')}.` : ''}`);
    }
    const minApprovals = thresholds['approvals-min-percent'];
    checks.push({
        name: 'approvals',
        status: recorded && (approval?.approval_percentage ?? 0) >= minApprovals ? 'pass' : 'fail',
        value: pct(approval?.approval_percentage ?? 0),
        threshold: `>= ${minApprovals}%`
    });
    let notified = 'fail';
    let value = '';
    if (handoff.pending) {
        notified = 'pass';
        value = 'pending: decided after the package upload';
    }
    else {
        const ok = handoff.uploaded && (!handoff.dispatchEnabled || handoff.dispatched);
        notified = ok ? 'pass' : 'fail';
        value = [
            handoff.uploaded ? 'package delivered' : `package not delivered${handoff.uploadError ? ` (${handoff.uploadError})` : ''}`,
            handoff.dispatchEnabled ? (handoff.dispatched ? 'handoff dispatched' : `handoff not dispatched${handoff.dispatchError ? ` (${handoff.dispatchError})` : ''}`) : 'handoff dispatch disabled'
        ].join(', ');
        if (!ok)
            reasons.push(`downstream protocols not notified: ${value}`);
    }
    checks.push({ name: 'downstream notified', status: notified, value, threshold: 'package delivered; Protocol 13 handoff dispatched when enabled' });
    return gate(4, checks, reasons, errors, ['monitoring-package-manifest.json', 'monitoring-approval-record.json']);
}

;// CONCATENATED MODULE: ./src/model/build.ts
function endpointFrom(value) {
    if (typeof value !== 'string')
        return value;
    return { url: value, method: 'GET', 'expect-status': 200, 'max-latency-ms': 2000, attempts: 3 };
}
/** Endpoints in evidence are sometimes paths ("/api/v2/pay"): only absolute URLs can be probed. */
function isAbsoluteUrl(s) {
    return /^https?:\/\//i.test(s);
}
/**
 * Merge the services the config names with those the deploy evidence names. A service is critical
 * if any source says so: a deploy that marks a service critical cannot be overruled by an old
 * config into skipping its checks.
 */
function buildModel(config, evidence, extraSlos = []) {
    const label = config['service-label'];
    const byName = new Map();
    const get = (name) => {
        let s = byName.get(name);
        if (!s) {
            s = { name, critical: false, new: false, selector: { [label]: name }, endpoints: [], sources: [], risks: [] };
            byName.set(name, s);
        }
        return s;
    };
    const addEndpoint = (s, ep) => {
        if (!s.endpoints.some((e) => e.url === ep.url))
            s.endpoints.push(ep);
    };
    for (const svc of config.services) {
        const s = get(svc.name);
        s.critical ||= svc.critical;
        if (svc.selector)
            s.selector = svc.selector;
        if (svc.owner)
            s.owner = svc.owner;
        for (const ep of svc.endpoints)
            addEndpoint(s, endpointFrom(ep));
        s.sources.push('config');
    }
    const fromEvidence = [
        ...evidence.validation.services.map((svc) => ({ svc, source: 'validation' })),
        ...evidence.report.services.map((svc) => ({ svc, source: 'report' }))
    ];
    for (const { svc, source } of fromEvidence) {
        const s = get(svc.name);
        s.critical ||= svc.critical;
        s.new ||= svc.new;
        for (const ep of svc.endpoints)
            if (isAbsoluteUrl(ep))
                addEndpoint(s, endpointFrom(ep));
        if (!s.sources.includes(source))
            s.sources.push(source);
    }
    for (const risk of evidence.report.risks) {
        const component = risk.component?.toLowerCase();
        if (!component)
            continue;
        const s = [...byName.values()].find((x) => x.name.toLowerCase() === component);
        if (s)
            s.risks.push(risk);
    }
    const release = {
        tag: evidence.report.release.tag ?? evidence.validation.release?.tag,
        commit: evidence.report.release.commit ?? evidence.validation.release?.commit,
        strategy: evidence.report.release.strategy ?? evidence.validation.release?.deploymentType
    };
    const slos = [...config.slos];
    for (const s of extraSlos)
        if (!slos.some((x) => x.name === s.name))
            slos.push(s);
    return {
        environment: evidence.validation.environment ?? config.environment,
        release,
        serviceLabel: label,
        services: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)),
        slos
    };
}

;// CONCATENATED MODULE: ./src/package/manifest.ts
/** The artifacts the protocol names; the manifest itself is listed apart. */
const REQUIRED_ARTIFACTS = [
    'monitoring-requirements.md',
    'instrumentation-audit.json',
    'baseline-metrics.json',
    'dashboard-config.md',
    'alert-test-results.json',
    'observability-schedule.json',
    'alert-tuning-report.md',
    'observability-scorecard.md',
    'monitoring-approval-record.json',
    'improvement-backlog.md'
];
/** Which downstream protocol reads what (seed section 3). */
const DOWNSTREAM = {
    'protocol-13': ['monitoring-package-manifest.json', 'alert-test-results.json', 'instrumentation-audit.json', 'monitoring-approval-record.json'],
    'protocol-5': ['observability-scorecard.md', 'alert-tuning-report.md', 'improvement-backlog.md'],
    'protocol-14': ['baseline-metrics.json', 'instrumentation-audit.json']
};
function buildManifest(args) {
    const artifacts = [...args.written]
        .map((a) => ({
        name: a.name,
        sha256: a.sha256,
        bytes: a.bytes,
        written_at: a.written_at,
        verified_by: args.generator,
        schema_file: a.schema.file,
        schema_result: a.schema.result
    }))
        .sort((a, b) => a.name.localeCompare(b.name));
    const present = new Set(artifacts.filter((a) => a.schema_result !== 'invalid').map((a) => a.name));
    const required = [...REQUIRED_ARTIFACTS];
    const missing = required.filter((n) => !present.has(n));
    return {
        generated_at: args.now.toISOString(),
        generator: args.generator,
        environment: args.environment,
        release: { tag: args.release.tag ?? null, commit: args.release.commit ?? null },
        run: { id: args.run.id, url: args.run.url ?? null },
        artifacts,
        required_artifacts: required,
        missing_artifacts: missing,
        manifest_completeness: Math.round(((required.length - missing.length) / required.length) * 10000) / 100,
        runbook: args.runbook,
        downstream: Object.fromEntries(Object.entries(DOWNSTREAM).map(([k, v]) => [k, [...v]]))
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
// EXTERNAL MODULE: ./node_modules/ajv-formats/dist/index.js
var ajv_formats_dist = __webpack_require__(82815);
var dist_default = /*#__PURE__*/__webpack_require__.n(ajv_formats_dist);
;// CONCATENATED MODULE: ./src/package/schemas.ts





// ajv-formats is CommonJS; under ESM its default export sits one level down.
const addFormats = ((dist_default())["default"] ?? (dist_default()));
/**
 * The JSON Schemas in `schemas/` ship beside the code (src/, dist/ or dist/cli/): find the folder
 * by walking up from this module.
 */
function findSchemasDir() {
    let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 5; i++) {
        const candidate = (0,external_node_path_.join)(dir, 'schemas');
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(candidate, 'monitoring-package-manifest.schema.json')))
            return candidate;
        dir = (0,external_node_path_.dirname)(dir);
    }
    throw new Error('schemas/ folder not found next to the action code');
}
let ajv;
const compiled = new Map();
/** Compile a schema on first use: a run only pays for the schemas it needs. */
function schemaValidator(schemaFile) {
    let v = compiled.get(schemaFile);
    if (!v) {
        if (!ajv) {
            ajv = new _2020.Ajv2020({ allErrors: true, strict: false });
            addFormats(ajv);
        }
        const schema = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(findSchemasDir(), schemaFile), 'utf8'));
        v = ajv.compile(schema);
        compiled.set(schemaFile, v);
    }
    return v;
}
function formatAjvErrors(errors) {
    return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}
function validateAgainst(schemaFile, data) {
    const v = schemaValidator(schemaFile);
    const valid = v(data);
    return { schema: schemaFile, valid, errors: valid ? [] : formatAjvErrors(v.errors) };
}
/** The schema each JSON artifact of the package must satisfy. */
const ARTIFACT_SCHEMAS = {
    'instrumentation-audit.json': 'instrumentation-audit.schema.json',
    'baseline-metrics.json': 'baseline-metrics.schema.json',
    'alert-test-results.json': 'alert-test-results.schema.json',
    'observability-schedule.json': 'observability-schedule.schema.json',
    'monitoring-approval-record.json': 'monitoring-approval-record.schema.json',
    'monitoring-package-manifest.json': 'monitoring-package-manifest.schema.json',
    'gate-results.json': 'gate-results.schema.json'
};

;// CONCATENATED MODULE: ./src/package/writer.ts




/** A JSON artifact failed its own schema: a defect of the action, reported, never written. */
class ArtifactSchemaError extends Error {
    artifact;
    errors;
    constructor(artifact, errors) {
        super(`${artifact} does not satisfy its schema: ${errors.slice(0, 5).join('; ')}`);
        this.artifact = artifact;
        this.errors = errors;
        this.name = 'ArtifactSchemaError';
    }
}
/** Writes the package files into one folder and remembers what it wrote for the manifest. */
class PackageWriter {
    dir;
    now;
    written = new Map();
    constructor(dir, now) {
        this.dir = dir;
        this.now = now;
    }
    async init() {
        await (0,promises_.mkdir)(this.dir, { recursive: true });
    }
    async put(name, content, schema) {
        const path = (0,external_node_path_.join)(this.dir, name);
        await (0,promises_.writeFile)(path, content);
        const artifact = {
            name,
            path,
            sha256: (0,external_node_crypto_.createHash)('sha256').update(content).digest('hex'),
            bytes: Buffer.byteLength(content),
            written_at: this.now().toISOString(),
            schema
        };
        this.written.set(name, artifact);
        return artifact;
    }
    /** Validate against the artifact's schema, then write. Throws ArtifactSchemaError when invalid. */
    async json(name, data) {
        const schemaFile = ARTIFACT_SCHEMAS[name];
        if (!schemaFile)
            throw new Error(`no schema registered for ${name}`);
        const result = validateAgainst(schemaFile, data);
        if (!result.valid)
            throw new ArtifactSchemaError(name, result.errors);
        return this.put(name, JSON.stringify(data, null, 2) + '\n', { file: schemaFile, result: 'valid', errors: [] });
    }
    async text(name, content) {
        return this.put(name, content.endsWith('\n') ? content : content + '\n', { file: null, result: 'n/a', errors: [] });
    }
}

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/table.ts
var table = __webpack_require__(790);
;// CONCATENATED MODULE: ./src/report/backlog.ts


/** `improvement-backlog.md`: one entry per item, with the fingerprint that finds its issue again. */
function renderBacklog(items, now) {
    const order = { high: 0, medium: 1, low: 2 };
    const sorted = [...items].sort((a, b) => order[a.priority] - order[b.priority] || a.fingerprint.localeCompare(b.fingerprint));
    return [
        '# Improvement backlog',
        '',
        `Generated ${now.toISOString()}. ${items.length} item(s).`,
        '',
        (0,table/* mdTable */.gJ)(['Priority', 'Item', 'Gate', 'Fingerprint'], sorted.map((b) => [b.priority, b.title, b.gate ? String(b.gate) : '', { md: (0,report_escape/* inlineCode */.ti)(b.fingerprint) }])),
        ...sorted.map((b) => [
            `## ${(0,report_escape/* escapeMarkdown */.FV)(b.title)}`,
            '',
            (0,report_escape/* escapeMarkdown */.FV)(b.summary),
            '',
            (0,table/* mdTable */.gJ)(['Evidence', 'Value'], b.evidence.map((e) => [e.label, e.value]))
        ].join('\n'))
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/report/requirements.ts


/** `monitoring-requirements.md`: KPIs, SLOs and risky components taken from the deploy evidence. */
function renderRequirements(model, evidence, now) {
    const v = evidence.validation;
    const release = [model.release.tag, model.release.commit?.slice(0, 12), model.release.strategy].filter(Boolean).join(' / ');
    return [
        `# Monitoring requirements`,
        '',
        `- Release: ${(0,report_escape/* escapeMarkdown */.FV)(release || 'not named in the evidence')}`,
        `- Environment: ${(0,report_escape/* escapeMarkdown */.FV)(model.environment)}`,
        `- Generated: ${now.toISOString()}`,
        `- Deploy validation: ${(0,report_escape/* escapeMarkdown */.FV)(v.status)} at ${(0,report_escape/* escapeMarkdown */.FV)(v.validationDate)}, success rate ${(0,table/* fmtNumber */.FQ)(v.successRate * 100, 2)}%`,
        `- Health log: metrics ${(0,report_escape/* escapeMarkdown */.FV)(evidence.healthLog.metricsStatus.replace('_', ' '))}${evidence.healthLog.soakWindow ? `, soak window ${(0,report_escape/* escapeMarkdown */.FV)(evidence.healthLog.soakWindow)}` : ''}`,
        '',
        '## Services to observe',
        '',
        (0,table/* mdTable */.gJ)(['Service', 'Critical', 'New', 'Selector', 'Endpoints', 'Named in', 'Risks'], model.services.map((s) => [
            s.name,
            s.critical ? 'yes' : 'no',
            s.new ? 'yes' : 'no',
            Object.entries(s.selector).map(([k, val]) => `${k}="${val}"`).join(', '),
            s.endpoints.map((e) => e.url).join(', '),
            s.sources.join(', '),
            s.risks.map((r) => `${r.severity}: ${r.description}`).join('; ')
        ])),
        '## KPIs claimed by the deploy',
        '',
        (0,table/* mdTable */.gJ)(['Metric', 'Value', 'Source'], [
            ...Object.entries(v.metricsSnapshot).map(([k, val]) => [k, (0,table/* fmtNumber */.FQ)(val), 'post-deployment-validation.json']),
            ...evidence.healthLog.metrics.map((m) => [m.name, `${m.value}${m.threshold ? ` (threshold ${m.threshold})` : ''}`, 'deployment-health-log.md'])
        ]),
        '## SLOs',
        '',
        (0,table/* mdTable */.gJ)(['SLO', 'Service', 'Objective', 'Window', 'Good / total'], model.slos.map((s) => [s.name, s.service, `${s.objective}%`, s.window, s['error-query'] ? `errors: ${s['error-query']}` : `${s['good-query'] ?? '-'} / ${s['total-query'] ?? '-'}`])),
        '## Risky components',
        '',
        (0,table/* mdTable */.gJ)(['Severity', 'Component', 'Risk', 'Mitigation'], evidence.report.risks.map((r) => [r.severity, r.component, r.description, r.mitigation])),
        '## New endpoints',
        '',
        (0,table/* mdList */.Ej)(evidence.report.newEndpoints),
        '## Anomalies and escalations during the soak',
        '',
        (0,table/* mdTable */.gJ)(['Time', 'Observation', 'Decision'], [
            ...evidence.healthLog.anomalies.map((a) => [a.time, a.observation, a.decision]),
            ...evidence.healthLog.escalations.map((e) => [e.time, `escalation: ${e.description}`, e.owner])
        ])
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/report/scorecard.ts


/** `observability-scorecard.md`: SLO attainment, alert precision and outstanding risks, for leadership. */
function renderScorecard(args) {
    const high = args.backlog.filter((b) => b.priority === 'high');
    return [
        '# Observability scorecard',
        '',
        `- Release: ${(0,report_escape/* escapeMarkdown */.FV)(args.release)}`,
        `- Generated: ${args.now.toISOString()}`,
        '',
        '## Headline',
        '',
        (0,table/* mdTable */.gJ)(['Measure', 'Value'], [
            ['Instrumentation coverage', `${(0,table/* fmtNumber */.FQ)(args.audit.coverage_completeness, 2)}%`],
            ['Alert tests acknowledged within SLA', `${(0,table/* fmtNumber */.FQ)(args.alertTests.sla_compliance, 2)}% (SLA ${args.alertTests.sla_target_seconds} s)`],
            ['Alert precision', (0,table/* fmtNumber */.FQ)(args.tuning.precision)],
            ['Incident recall', (0,table/* fmtNumber */.FQ)(args.tuning.recall)],
            ['Mean detection time', args.tuning.mean_detection_seconds === null ? 'n/a' : `${args.tuning.mean_detection_seconds} s`],
            ['Open improvement items', `${args.backlog.length} (${high.length} high)`],
            ...args.gates.map((g) => [`Gate ${g.id}: ${g.name}`, g.status.toUpperCase()])
        ]),
        '## SLO attainment',
        '',
        (0,table/* mdTable */.gJ)(['SLO', 'Service', 'Objective', 'Window', 'Attainment', 'Error budget left', 'Status', 'Query'], args.slos.map((s) => [
            s.slo,
            s.service,
            `${s.objective}%`,
            s.window,
            s.attainment === null ? 'n/a' : `${(0,table/* fmtNumber */.FQ)(s.attainment * 100, 3)}%`,
            s.budget_remaining_percent === null ? 'n/a' : `${(0,table/* fmtNumber */.FQ)(s.budget_remaining_percent, 1)}%`,
            s.status === 'error' || s.status === 'not_verified' ? `${s.status}: ${s.detail}` : s.status,
            s.query
        ])),
        '## Outstanding risks',
        '',
        (0,table/* mdTable */.gJ)(['Priority', 'Item', 'Service'], args.backlog.filter((b) => b.priority !== 'low').map((b) => [b.priority, b.title, b.service]))
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/report/tuning.ts


/** `alert-tuning-report.md`: alerts against incidents, and the adjustments that follow. */
function renderTuningReport(t) {
    return [
        '# Alert tuning report',
        '',
        `- Generated: ${t.generated_at}`,
        `- Lookback: ${(0,report_escape/* escapeMarkdown */.FV)(t.lookback)}`,
        `- From real data: ${t.from_real_data ? 'yes' : 'no: see the sources below'}`,
        `- Precision (alert firings that matched an incident): ${(0,table/* fmtNumber */.FQ)(t.precision)}`,
        `- Recall (incidents that raised an alert): ${(0,table/* fmtNumber */.FQ)(t.recall)}`,
        `- Mean detection time: ${t.mean_detection_seconds === null ? 'n/a' : `${t.mean_detection_seconds} s`}`,
        '',
        '## Data sources',
        '',
        (0,table/* mdTable */.gJ)(['Source', 'Kind', 'Request', 'Status', 'Records', 'Detail'], t.sources.map((s) => [s.name, s.kind, s.request, s.status, s.count, s.detail])),
        '## Alerts',
        '',
        (0,table/* mdTable */.gJ)(['Alert', 'Firings', 'Matched an incident', 'Precision', 'Suggestion'], t.alerts.map((a) => [a.alertname, a.episodes, a.matched, (0,table/* fmtNumber */.FQ)(a.precision), a.suggestion])),
        '## Incidents',
        '',
        (0,table/* mdTable */.gJ)(['Incident', 'Service', 'Started', 'Resolved', 'Alerted', 'First alert', 'Detection (s)'], t.incidents.map((m) => [m.incident.id, m.incident.service, m.incident.started_at, m.incident.resolved_at, m.detected ? 'yes' : 'no', m.first_alert, m.detection_seconds])),
        '## Adjustments',
        '',
        t.adjustments.length
            ? (0,table/* mdTable */.gJ)(['Target', 'Change', 'Why'], t.adjustments.map((a) => [a.target, a.change, a.why]))
            : t.from_real_data
                ? '_No adjustment needed: every incident alerted and no alert was noisy._\n'
                : '_No adjustment can be derived without real alert and incident data._\n'
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/model/backlog.ts
/** Fingerprint from the parts that identify an item; never from wording. */
function fingerprint(...parts) {
    return parts
        .filter((p) => p !== undefined && p !== '')
        .map((p) => p.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'))
        .join(':');
}

;// CONCATENATED MODULE: ./src/protocol/backlog.ts

const alertRuleFingerprint = (f) => fingerprint('alert-rule', f.slo, f.kind, f.long_window);
/**
 * Every gap the run found becomes one backlog item. The fingerprint names what the item is about
 * (kind, service, signal / route / SLO), so the same gap maps to the same issue on every run.
 */
function collectBacklog(r) {
    const items = [];
    const add = (item) => {
        if (!items.some((i) => i.fingerprint === item.fingerprint))
            items.push(item);
    };
    for (const g of r.audit.missing_coverage) {
        add({
            fingerprint: fingerprint('coverage', g.service, g.signal),
            kind: 'coverage_gap',
            service: g.service,
            priority: g.priority,
            gate: 1,
            title: `Missing ${g.signal} coverage for ${g.service}`,
            summary: `The instrumentation audit found no verified ${g.signal} for ${g.service} (${g.gap}).`,
            evidence: [
                { label: 'gap', value: g.gap },
                { label: 'detail', value: g.detail },
                { label: 'audit date', value: r.audit.audit_date }
            ]
        });
    }
    if (r.audit.not_verified_reason) {
        add({
            fingerprint: fingerprint('coverage', 'not-verified'),
            kind: 'coverage_gap',
            priority: 'high',
            gate: 1,
            title: 'Instrumentation not verified against live telemetry',
            summary: r.audit.not_verified_reason,
            evidence: [{ label: 'reason', value: r.audit.not_verified_reason }]
        });
    }
    for (const c of r.baseline.claims.filter((x) => x.verdict === 'fail')) {
        add({
            fingerprint: fingerprint('claim', c.source, c.metric),
            kind: 'claim_refuted',
            priority: 'medium',
            title: `Deploy claim for ${c.metric} in ${c.source} refuted by live data`,
            summary: c.reason,
            evidence: [
                { label: 'source', value: c.source },
                { label: 'claimed', value: String(c.claimed) },
                { label: 'observed', value: String(c.observed) },
                { label: 'tolerance', value: `${c.tolerancePercent}%` }
            ]
        });
    }
    for (const p of r.baseline.previous?.comparisons.filter((x) => x.verdict === 'fail' || x.verdict === 'warn') ?? []) {
        add({
            fingerprint: fingerprint('regression', p.service, p.metric),
            kind: 'baseline_regression',
            service: p.service,
            priority: p.verdict === 'fail' ? 'high' : 'low',
            title: `${p.metric} regressed for ${p.service} against the previous release`,
            summary: p.reason,
            evidence: [
                { label: 'previous', value: String(p.previous) },
                { label: 'current', value: String(p.current) },
                { label: 'criterion', value: p.criterion }
            ]
        });
    }
    for (const f of r.alignment.findings.filter((x) => x.status !== 'aligned')) {
        add({
            fingerprint: alertRuleFingerprint(f),
            kind: 'alert_rule',
            service: f.service,
            priority: f.kind === 'page' || f.kind === 'service_page' ? 'high' : 'medium',
            gate: 2,
            title: `${f.kind} alert${f.long_window ? ` (${f.long_window})` : ''} for SLO ${f.slo} is ${f.status}`,
            summary: f.reason,
            evidence: [
                { label: 'expected', value: f.expected },
                { label: 'found', value: f.found ? `${f.found.rule} (${f.found.source}): ${f.found.expr}` : 'none' }
            ]
        });
    }
    for (const s of r.dashboards.services_without_dashboard) {
        add({
            fingerprint: fingerprint('dashboard', s),
            kind: 'dashboard',
            service: s,
            priority: 'medium',
            gate: 2,
            title: `No dashboard shows ${s}`,
            summary: `${s} is new or critical but appears in no dashboard panel query.`,
            evidence: [{ label: 'dashboards checked', value: r.dashboards.dashboards.map((d) => d.dashboard).join(', ') || 'none' }]
        });
    }
    for (const d of r.dashboards.dashboards) {
        for (const t of d.thresholds_missing) {
            add({
                fingerprint: fingerprint('dashboard-threshold', d.dashboard, t),
                kind: 'dashboard',
                priority: 'low',
                gate: 2,
                title: `Dashboard ${d.dashboard} lacks the SLO threshold ${t}`,
                summary: `The SLO threshold ${t} is not shown on the panel for its service.`,
                evidence: [{ label: 'dashboard', value: d.source }]
            });
        }
    }
    for (const t of r.alertTests.tests.filter((x) => !(x.status === 'passed' && x.sla_met))) {
        add({
            fingerprint: fingerprint('alert-path', t.route),
            kind: 'alert_path',
            priority: 'high',
            gate: 2,
            title: `Alert route ${t.route} failed its synthetic test`,
            summary: t.reason,
            evidence: [
                { label: 'expected receiver', value: t.expected_receiver },
                { label: 'actual receivers', value: t.actual_receivers.join(', ') || 'none' },
                { label: 'acknowledgement', value: t.acknowledgement_time_seconds === null ? 'none' : `${t.acknowledgement_time_seconds} s (SLA ${t.sla_seconds} s)` },
                { label: 'status', value: t.status }
            ]
        });
    }
    for (const m of r.schedule.missing) {
        const type = m.split(' ')[0] ?? m;
        add({
            fingerprint: fingerprint('schedule', type),
            kind: 'schedule',
            priority: 'medium',
            gate: 3,
            title: `Ongoing ${type} check not scheduled`,
            summary: m,
            evidence: [{ label: 'schedule coverage', value: `${r.schedule.schedule_coverage}%` }]
        });
    }
    for (const a of r.tuning.adjustments) {
        add({
            fingerprint: fingerprint('tuning', a.target, a.change.split(' ')[0]),
            kind: 'alert_tuning',
            priority: 'low',
            title: `Tune ${a.target}: ${a.change}`,
            summary: a.why,
            evidence: [{ label: 'lookback', value: r.tuning.lookback }]
        });
    }
    for (const s of r.tuning.sources.filter((x) => x.status !== 'ok')) {
        add({
            fingerprint: fingerprint('tuning-source', s.kind),
            kind: 'alert_tuning',
            priority: 'medium',
            gate: 3,
            title: `Alert tuning lacks its ${s.kind} source`,
            summary: `${s.name}: ${s.status}: ${s.detail}`,
            evidence: [{ label: 'request', value: s.request }]
        });
    }
    if (r.approvalMissing) {
        add({
            fingerprint: fingerprint('approval'),
            kind: 'approval',
            priority: 'high',
            gate: 4,
            title: 'Monitoring approval not recorded',
            summary: 'Obtain SRE sign-off (a protected environment approval or the approved-by input) and the on-call owner.',
            evidence: []
        });
    }
    return items;
}
/** The fingerprints of gaps that must each have a backlog item (gate 3). */
function gapFingerprints(audit, alignment, alertTests) {
    return [
        ...audit.missing_coverage.map((g) => fingerprint('coverage', g.service, g.signal)),
        ...alignment.findings.filter((f) => f.status !== 'aligned').map(alertRuleFingerprint),
        ...alertTests.tests.filter((t) => !(t.status === 'passed' && t.sla_met)).map((t) => fingerprint('alert-path', t.route))
    ];
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/protocol/hooks.ts



/**
 * Run one of the seed's automation hooks (audit-command, alert-test-command, tuning-command): a
 * shell command that writes the artifact to $SRE_MONITORING_OUTPUT. What it writes is checked
 * against the artifact's schema like any built-in result; a command that fails, times out or
 * writes an invalid file produces no artifact.
 */
async function runHook(args) {
    const exit = await new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)('sh', ['-c', args.command], {
            cwd: args.cwd,
            env: { ...args.env, SRE_MONITORING_OUTPUT: args.outputFile },
            stdio: ['ignore', 'ignore', 'pipe']
        });
        let stderr = '';
        child.stderr.on('data', (d) => {
            stderr = (stderr + d.toString()).slice(-2000);
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), args.timeoutSeconds * 1000);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stderr });
        });
        child.on('error', (err) => {
            clearTimeout(timer);
            resolve({ code: null, signal: null, stderr: err.message });
        });
    });
    if (exit.signal === 'SIGKILL')
        return { status: `failed (timed out after ${args.timeoutSeconds} s)`, error: `command timed out after ${args.timeoutSeconds} s` };
    if (exit.code !== 0) {
        const detail = exit.stderr.trim().split('\n').slice(-3).join(' | ');
        return { status: `failed (exit ${exit.code ?? exit.signal})`, error: `command exited ${exit.code ?? exit.signal}${detail ? `: ${detail}` : ''}` };
    }
    let text;
    try {
        text = await (0,promises_.readFile)(args.outputFile, 'utf8');
    }
    catch {
        return { status: 'failed (no output written)', error: `command succeeded but wrote nothing to ${args.outputFile}` };
    }
    if (!args.schemaFile)
        return { status: 'success', data: (args.parse ? args.parse(text) : text) };
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
        return { status: 'failed (output is not JSON)', error: `${args.outputFile}: ${err.message}` };
    }
    const check = validateAgainst(args.schemaFile, data);
    if (!check.valid) {
        return { status: 'failed (output fails its schema)', error: `${args.outputFile} fails ${args.schemaFile}: ${check.errors.slice(0, 5).join('; ')}` };
    }
    return { status: 'success', data: data };
}

;// CONCATENATED MODULE: ./src/protocol/steps.ts
const defaultSteps = {
    async loadEvidence(dir, limits) {
        const { loadEvidence } = await Promise.all(/* import() */[__webpack_require__.e(877), __webpack_require__.e(539)]).then(__webpack_require__.bind(__webpack_require__, 25539));
        return loadEvidence(dir, limits);
    },
    async loadOpenSlo(paths, workspace) {
        if (paths.length === 0)
            return [];
        const { loadOpenSlo } = await Promise.all(/* import() */[__webpack_require__.e(382), __webpack_require__.e(238)]).then(__webpack_require__.bind(__webpack_require__, 63238));
        return loadOpenSlo(paths, workspace);
    },
    async audit(ctx) {
        const { runInstrumentationAudit } = await __webpack_require__.e(/* import() */ 221).then(__webpack_require__.bind(__webpack_require__, 74221));
        return runInstrumentationAudit(ctx);
    },
    async loadPreviousBaseline(file) {
        const { loadPreviousBaseline } = await __webpack_require__.e(/* import() */ 410).then(__webpack_require__.bind(__webpack_require__, 70410));
        return loadPreviousBaseline(file);
    },
    async baseline(ctx, previous) {
        const { captureBaseline } = await __webpack_require__.e(/* import() */ 410).then(__webpack_require__.bind(__webpack_require__, 70410));
        return captureBaseline(ctx, previous);
    },
    async alignment(ctx) {
        const { checkSloAlignment } = await Promise.all(/* import() */[__webpack_require__.e(382), __webpack_require__.e(874)]).then(__webpack_require__.bind(__webpack_require__, 75874));
        return checkSloAlignment(ctx);
    },
    async dashboards(ctx) {
        const { checkDashboards } = await Promise.all(/* import() */[__webpack_require__.e(382), __webpack_require__.e(41)]).then(__webpack_require__.bind(__webpack_require__, 22041));
        return checkDashboards(ctx);
    },
    async renderDashboardConfig(alignment, dashboards) {
        const { renderDashboardConfig } = await __webpack_require__.e(/* import() */ 258).then(__webpack_require__.bind(__webpack_require__, 16877));
        return renderDashboardConfig(alignment, dashboards);
    },
    async alertTests(ctx) {
        const { runAlertTests } = await __webpack_require__.e(/* import() */ 422).then(__webpack_require__.bind(__webpack_require__, 28041));
        return runAlertTests(ctx);
    },
    async updateRunbook(ctx, input) {
        const { updateRunbook } = await __webpack_require__.e(/* import() */ 779).then(__webpack_require__.bind(__webpack_require__, 12779));
        return updateRunbook(ctx, {
            alignment: input.alignment,
            dashboards: input.dashboards,
            alertTests: input.alertTests,
            onCallOwner: input.onCallOwner
        });
    },
    async prometheus(ctx, backend) {
        const entry = Object.entries(ctx.config.backends).find(([name, b]) => (backend ? name === backend : b.type === 'prometheus'));
        if (!entry || entry[1].type !== 'prometheus')
            return undefined;
        const { PrometheusClient } = await __webpack_require__.e(/* import() */ 45).then(__webpack_require__.bind(__webpack_require__, 80045));
        return new PrometheusClient(entry[0], entry[1], ctx.env, ctx.log);
    }
};

;// CONCATENATED MODULE: ./src/protocol/run.ts
/**
 * Protocol 12, phase by phase: evidence in, live checks, the evidence package and four gates out.
 * Every step's failure is recorded and the run goes on, so the package and the summary are always
 * written before the caller fails the job.
 */






















const ANNOUNCE = {
    phase1: '[PHASE 1 START] - Reviewing deployment evidence to map monitoring requirements...',
    coverage: 'Validating instrumentation coverage across services and dependencies...',
    phase2: '[PHASE 2 START] - Activating dashboards and alert policies...',
    phase3: '[PHASE 3 START] - Scheduling ongoing observability validation tasks...',
    correlating: 'Correlating recent alerts with incident history to tune thresholds...',
    phase4: '[PHASE 4 START] - Delivering monitoring package to incident response and retrospective owners...',
    complete: (n, name) => `[PHASE ${n} COMPLETE] - ${name} finished successfully.`,
    automation: (script, status) => `[AUTOMATION] ${script} executed: ${status}`,
    handoff: '[HANDOFF CONFIRMATION] - Monitoring package compiled. Confirm delivery to Protocol 13? (yes/no)',
    protocolComplete: '[PROTOCOL COMPLETE] - Monitoring activated. Ready for Protocol 13 (Incident Response & Rollback).'
};
const PHASE_NAMES = {
    1: 'Instrumentation Alignment and Baseline Capture',
    2: 'Monitoring Activation and Alert Validation',
    3: 'Continuous Observability Assurance',
    4: 'Handoff and Improvement Loop'
};
/** All four gates failed for one reason (bad config or evidence): nothing can be verified. */
function gatesBlockedBy(reason) {
    return [1, 2, 3, 4].map((id) => ({
        id,
        name: GATE_NAMES[id],
        status: 'fail',
        reasons: [id === 1 ? reason : `not evaluated: ${reason}`],
        errors: [],
        checks: [],
        evidence: []
    }));
}
async function runProtocol(opts) {
    const now = opts.now ?? (() => new Date());
    const steps = opts.steps ?? defaultSteps;
    const log = opts.log;
    const errors = [];
    const writer = new PackageWriter((0,external_node_path_.resolve)(opts.workspace, opts.outputDir), now);
    await writer.init();
    // A step that crashes is recorded and replaced by its "not verified" result: the run goes on.
    const attempt = async (what, fn, fallback) => {
        try {
            return await fn();
        }
        catch (err) {
            const reason = `${what} failed: ${(0,util_errors/* errorText */.kc)(err)}`;
            errors.push(reason);
            log.error(reason);
            return fallback(reason);
        }
    };
    const writeJson = async (name, data) => {
        try {
            await writer.json(name, data);
            return true;
        }
        catch (err) {
            const reason = `${name} not written: ${(0,util_errors/* errorText */.kc)(err)}`;
            errors.push(reason);
            log.error(reason);
            return false;
        }
    };
    /**
     * A JSON artifact from the seed's automation hook when the config names one, else from the
     * built-in step; either way announced with the seed's `[AUTOMATION] ...` line.
     */
    const fromHookOrBuiltIn = async (args) => {
        if (!args.command) {
            const result = await attempt(args.what, args.builtIn, args.fallback);
            log.info(ANNOUNCE.automation(args.script, args.builtInStatus(result)));
            return result;
        }
        const hook = await runHook({
            command: args.command,
            outputFile: (0,external_node_path_.join)(writer.dir, args.artifact),
            schemaFile: ARTIFACT_SCHEMAS[args.artifact],
            cwd: opts.workspace,
            env: opts.env,
            timeoutSeconds: args.timeoutSeconds
        });
        log.info(ANNOUNCE.automation(args.script, `${hook.status} (${args.commandName})`));
        if (hook.error)
            errors.push(`${args.commandName}: ${hook.error}`);
        return hook.data ? { ...hook.data, source: args.commandName } : args.fallback(`${args.commandName} ${hook.error ?? hook.status}`);
    };
    // ---- Phase 1: evidence, requirements, coverage, baseline --------------------------------------
    log.info(ANNOUNCE.phase1);
    if (opts.evidenceError) {
        errors.push(opts.evidenceError);
        log.error(opts.evidenceError);
    }
    let config;
    let evidence;
    let openSlos;
    try {
        config = await loadConfig((0,external_node_path_.resolve)(opts.workspace, opts.configPath));
        evidence = await steps.loadEvidence((0,external_node_path_.resolve)(opts.workspace, opts.evidenceDir), {
            maxBytes: config.limits['evidence-max-bytes'],
            markdownMaxBytes: config.limits['evidence-markdown-max-bytes']
        });
        // A bad OpenSLO document is bad input like a bad config: its SLOs would go unchecked.
        openSlos = await steps.loadOpenSlo(config.openslo, opts.workspace);
    }
    catch (err) {
        const messages = err instanceof util_errors/* InputErrors */.G ? err.errors.map((e) => e.message) : [(0,util_errors/* errorText */.kc)(err)];
        for (const m of messages.slice(0, 10))
            log.error(m);
        errors.push(...messages);
        // A failed artifact download is the cause behind missing evidence files: name it first.
        const gates = gatesBlockedBy(`invalid input: ${[opts.evidenceError, ...messages].filter(Boolean).join('; ')}`);
        await writeJson('gate-results.json', { evaluated_at: now().toISOString(), status: 'fail', final: true, gates });
        const upload = opts.packageArtifact ? await opts.github.uploadPackage(writer.dir, [...writer.written.values()].map((a) => a.path)) : undefined;
        return { status: 'fail', gates, packageDir: writer.dir, artifacts: [...writer.written.values()], upload, backlog: [], errors };
    }
    const model = buildModel(config, evidence, openSlos);
    const ctx = {
        config,
        evidence,
        model,
        mode: opts.mode,
        alertTestsApproved: opts.alertTestsApproved,
        outputDir: writer.dir,
        workspace: opts.workspace,
        env: opts.env,
        log,
        now,
        runId: opts.runId
    };
    log.info(`Release ${model.release.tag ?? '(untagged)'} in ${model.environment}: ${model.services.length} service(s), ${model.services.filter((s) => s.critical).length} critical`);
    const requirementsWritten = await writer
        .text('monitoring-requirements.md', renderRequirements(model, evidence, now()))
        .then(() => true);
    log.info(ANNOUNCE.coverage);
    const auditFallback = (reason) => ({
        audit_date: now().toISOString(),
        environment: model.environment,
        coverage_completeness: 0,
        requests: 0,
        services: [],
        missing_coverage: [],
        not_verified_reason: reason,
        source: 'built-in'
    });
    const audit = await fromHookOrBuiltIn({
        what: 'instrumentation audit',
        command: config.hooks['audit-command'],
        commandName: 'audit-command',
        artifact: 'instrumentation-audit.json',
        script: 'collect_perf.py',
        builtIn: () => steps.audit(ctx),
        builtInStatus: (a) => (a.not_verified_reason ? `not verified (${a.not_verified_reason})` : `success (built-in audit, ${a.requests} backend request(s))`),
        fallback: auditFallback,
        timeoutSeconds: config.hooks['timeout-seconds']
    });
    await writeJson('instrumentation-audit.json', audit);
    let previous;
    const prevFile = config.baseline.previous?.file;
    if (prevFile) {
        const file = (0,external_node_path_.resolve)(opts.workspace, prevFile);
        previous = await attempt('previous baseline', async () => ({ source: prevFile, data: await steps.loadPreviousBaseline(file) }), () => undefined);
    }
    else if (config.baseline.previous?.artifact ?? opts.packageArtifact) {
        // Without a named file or artifact, the previous run's own package is the natural baseline.
        const found = await opts.github.previousPackage((config.baseline.previous?.artifact ?? opts.packageArtifact));
        if ('dir' in found) {
            previous = await attempt('previous baseline', async () => ({ source: found.source, data: await steps.loadPreviousBaseline((0,external_node_path_.join)(found.dir, 'baseline-metrics.json')) }), () => undefined);
        }
        else
            log.info(`No previous baseline to compare with: ${found.reason}`);
    }
    const baseline = await attempt('baseline capture', () => steps.baseline(ctx, previous), (reason) => ({
        captured_at: now().toISOString(),
        window: config.baseline.window,
        environment: model.environment,
        services: [],
        claims: [],
        requests: 0,
        not_verified_reason: reason
    }));
    await writeJson('baseline-metrics.json', baseline);
    const gate1 = evaluateInstrumentationGate({ model, audit, requirementsWritten, thresholds: config.gates });
    announceGate(log, gate1);
    // ---- Phase 2: dashboards, alert rules, alert path, runbook -------------------------------------
    log.info(ANNOUNCE.phase2);
    const { alignment, suggestedRulesYaml } = await attempt('alert rule alignment', () => steps.alignment(ctx), (reason) => ({
        alignment: { checked_at: now().toISOString(), rule_sources: [], findings: [], not_verified_reason: reason },
        suggestedRulesYaml: undefined
    }));
    if (suggestedRulesYaml)
        await writer.text('suggested-alert-rules.yml', suggestedRulesYaml);
    const dashboards = await attempt('dashboard check', () => steps.dashboards(ctx), (reason) => ({
        checked_at: now().toISOString(),
        dashboards: [],
        services_without_dashboard: [],
        not_verified_reason: reason
    }));
    await attempt('dashboard-config.md', async () => writer.text('dashboard-config.md', await steps.renderDashboardConfig(alignment, dashboards)), () => undefined);
    const alertFallback = (reason) => ({
        test_date: now().toISOString(),
        approved: opts.alertTestsApproved,
        sla_target_seconds: config.alerting['ack-sla-seconds'],
        tests: [],
        overall_status: 'error',
        sla_compliance: 0,
        not_verified_reason: reason,
        source: 'built-in'
    });
    // Without approval no hook runs either: the built-in step records that nothing was sent.
    const alertTests = await fromHookOrBuiltIn({
        what: 'alert path test',
        command: opts.alertTestsApproved ? config.hooks['alert-test-command'] : undefined,
        commandName: 'alert-test-command',
        artifact: 'alert-test-results.json',
        script: 'workflow_automation.py (alert-test)',
        builtIn: () => steps.alertTests(ctx),
        builtInStatus: (r) => r.overall_status,
        fallback: alertFallback,
        timeoutSeconds: config.hooks['timeout-seconds']
    });
    await writeJson('alert-test-results.json', alertTests);
    const runbook = await attempt('runbook update', () => steps.updateRunbook(ctx, { alignment, dashboards, alertTests, onCallOwner: opts.onCallOwner }), () => undefined);
    // The package carries the runbook as it stands after this release's section was written.
    if (runbook) {
        await attempt('runbook copy', async () => writer.text((0,external_node_path_.basename)(runbook.path), await (0,promises_.readFile)((0,external_node_path_.resolve)(opts.workspace, runbook.path), 'utf8')), () => undefined);
    }
    const gate2 = evaluateAlertGate({ alertTests, alignment, dashboards, thresholds: config.gates });
    announceGate(log, gate2);
    // ---- Phase 3: ongoing checks, alert tuning, scorecard ------------------------------------------
    log.info(ANNOUNCE.phase3);
    const schedule = buildSchedule({
        config,
        workflows: await findAssuranceWorkflows(opts.workspace),
        onCallOwner: opts.onCallOwner,
        now: now()
    });
    await writeJson('observability-schedule.json', schedule);
    log.info(ANNOUNCE.correlating);
    let tuning;
    const tuningCommand = config.hooks['tuning-command'];
    let tuningMarkdown;
    if (tuningCommand) {
        const hook = await runHook({
            command: tuningCommand,
            outputFile: (0,external_node_path_.join)(writer.dir, 'alert-tuning-report.md'),
            cwd: opts.workspace,
            env: opts.env,
            timeoutSeconds: config.hooks['timeout-seconds']
        });
        log.info(ANNOUNCE.automation('aggregate_coverage.py', `${hook.status} (tuning-command)`));
        tuningMarkdown = hook.data && hook.data.trim() ? hook.data : undefined;
        tuning = await attempt('alert tuning', () => correlateAlerts(ctx, (backend) => steps.prometheus(ctx, backend), opts.github), (reason) => emptyTuning(now(), config, reason));
        tuning = { ...tuning, source: 'tuning-command', from_real_data: tuning.from_real_data && !!tuningMarkdown };
        if (hook.error)
            errors.push(`tuning-command: ${hook.error}`);
    }
    else {
        tuning = await attempt('alert tuning', () => correlateAlerts(ctx, (backend) => steps.prometheus(ctx, backend), opts.github), (reason) => emptyTuning(now(), config, reason));
        log.info(ANNOUNCE.automation('aggregate_coverage.py', tuning.from_real_data ? 'success' : 'incomplete (see alert-tuning-report.md)'));
    }
    const tuningWritten = await writer.text('alert-tuning-report.md', tuningMarkdown ?? renderTuningReport(tuning)).then(() => true);
    const approval = await buildApproval(opts, config, now());
    const backlog = collectBacklog({ audit, baseline, alignment, dashboards, alertTests, schedule, tuning, approvalMissing: approval.status !== 'approved' });
    const slos = await attempt('SLO attainment', () => sloAttainment(ctx, (backend) => steps.prometheus(ctx, backend)), () => []);
    await writer.text('observability-scorecard.md', renderScorecard({ release: model.release.tag ?? 'untagged', now: now(), slos, audit, alertTests, tuning, backlog, gates: [gate1, gate2] }));
    const backlogFile = await writer.text('improvement-backlog.md', renderBacklog(backlog, now()));
    // Gate 3 reads the backlog back from the file it wrote: the artifact is what must list the gaps.
    const backlogText = await (0,promises_.readFile)(backlogFile.path, 'utf8');
    const listed = backlog.filter((b) => backlogText.includes(b.fingerprint));
    const gate3 = evaluateAssuranceGate({
        schedule,
        tuning,
        tuningWritten,
        backlog: listed,
        backlogWritten: true,
        gapFingerprints: gapFingerprints(audit, alignment, alertTests),
        thresholds: config.gates
    });
    announceGate(log, gate3);
    // ---- Phase 4: approval, manifest, upload, handoff, backlog issues ------------------------------
    log.info(ANNOUNCE.phase4);
    await writeJson('monitoring-approval-record.json', approval);
    if (approval.status !== 'approved')
        log.error(MSG_APPROVAL_MISSING);
    const runbookEntry = runbook
        ? {
            path: (0,external_node_path_.isAbsolute)(runbook.path) ? (0,external_node_path_.relative)(opts.workspace, runbook.path) : runbook.path,
            changed: runbook.changed,
            sha256: await (0,promises_.readFile)((0,external_node_path_.resolve)(opts.workspace, runbook.path)).then((b) => (0,external_node_crypto_.createHash)('sha256').update(b).digest('hex'), () => null)
        }
        : null;
    const manifest = buildManifest({
        written: writer.written.values(),
        generator: opts.generator,
        now: now(),
        environment: model.environment,
        release: model.release,
        run: { id: opts.runId, url: opts.github.runUrl() },
        runbook: runbookEntry
    });
    const manifestWritten = await writeJson('monitoring-package-manifest.json', manifest);
    // A scheduled re-check hands nothing new to incident response: only a release is handed off.
    const handoffEnabled = config.github.handoff.enabled && opts.mode === 'post-deploy';
    const pendingHandoff = { uploaded: false, dispatchEnabled: handoffEnabled, dispatched: false, pending: true };
    const gate4Pending = evaluateHandoffGate({ manifest: manifestWritten ? manifest : undefined, approval, handoff: pendingHandoff, thresholds: config.gates });
    const preliminary = [gate1, gate2, gate3, gate4Pending];
    await writeJson('gate-results.json', gateResultsDoc(preliminary, now(), false));
    const packageFiles = [...writer.written.values()].map((a) => a.path);
    let upload;
    if (opts.packageArtifact) {
        upload = await opts.github.uploadPackage(writer.dir, packageFiles);
        if (upload && 'error' in upload) {
            errors.push(`package upload failed: ${upload.error}`);
            log.error(`Package upload failed; the package stays in ${writer.dir}: ${upload.error}`);
        }
        else if (upload && 'id' in upload)
            log.info(`Package uploaded as artifact ${opts.packageArtifact} (id ${upload.id}): ${upload.url}`);
        else if (upload)
            log.info(`Package delivered to ${upload.delivered}`);
    }
    log.info(ANNOUNCE.handoff);
    log.info(`Answer: ${handoffEnabled ? 'yes (github.handoff.enabled)' : opts.mode === 'assurance' ? 'no (assurance mode re-checks a release already handed off)' : 'no (github.handoff.enabled is false)'}`);
    let dispatched = false;
    let dispatchError;
    if (handoffEnabled) {
        const sent = await opts.github.sendHandoff(config.github.handoff['event-type'], {
            status: preliminary.every((g) => g.status === 'pass') ? 'pass' : 'fail',
            gates: preliminary.map((g) => ({ id: g.id, name: g.name, status: g.status, reasons: [...g.reasons, ...g.errors] })),
            packageName: opts.packageArtifact,
            upload,
            environment: model.environment,
            approvalStatus: approval.status
        });
        if ('ok' in sent)
            dispatched = true;
        else
            dispatchError = sent.error;
    }
    const gate4 = evaluateHandoffGate({
        manifest: manifestWritten ? manifest : undefined,
        approval,
        handoff: {
            uploaded: !!upload && !('error' in upload),
            uploadError: upload && 'error' in upload ? upload.error : opts.packageArtifact ? undefined : 'no package destination (package-artifact is empty)',
            dispatchEnabled: handoffEnabled,
            dispatched,
            dispatchError,
            pending: false
        },
        thresholds: config.gates
    });
    announceGate(log, gate4);
    const gates = [gate1, gate2, gate3, gate4];
    // The copy on disk is final; the uploaded copy was written before the upload could be judged.
    await writeJson('gate-results.json', gateResultsDoc(gates, now(), true));
    let issues;
    if (opts.fileIssues) {
        issues = await opts.github.syncBacklog(backlog, {
            labels: config.github.labels,
            maxNew: config.github['max-new-issues'],
            packageUrl: upload && 'url' in upload ? upload.url : undefined
        });
        for (const e of issues.errors)
            log.warning(e);
    }
    const status = gates.every((g) => g.status === 'pass') ? 'pass' : 'fail';
    if (status === 'pass')
        log.info(ANNOUNCE.protocolComplete);
    return {
        status,
        gates,
        packageDir: writer.dir,
        artifacts: [...writer.written.values()],
        upload,
        issues,
        backlog,
        errors,
        model,
        audit,
        baseline,
        alertTests,
        tuning,
        slos,
        manifest,
        config
    };
}
function gateResultsDoc(gates, at, final) {
    return { evaluated_at: at.toISOString(), status: gates.every((g) => g.status === 'pass') ? 'pass' : 'fail', final, gates };
}
function announceGate(log, gate) {
    if (gate.status === 'pass') {
        log.info(ANNOUNCE.complete(gate.id, PHASE_NAMES[gate.id]));
        return;
    }
    log.info(`Gate ${gate.id} (${gate.name}): FAIL`);
    for (const r of gate.reasons.slice(0, 20))
        log.error(r, { title: `Gate ${gate.id}: ${gate.name}` });
    for (const e of gate.errors.slice(0, 20))
        log.error(`backend error: ${e}`, { title: `Gate ${gate.id}: ${gate.name}` });
}
/** monitoring-approval-record.json: GitHub environment approvals first, else the approved-by input. */
async function buildApproval(opts, config, now) {
    const approval = await opts.github.approval(opts.approvedBy);
    return (0,record/* buildApprovalRecord */.$d)({
        approval,
        onCallOwner: opts.onCallOwner ?? config.assurance.owner,
        notificationChannels: config.alerting['notification-channels'],
        now
    });
}


/***/ }),

/***/ 14031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   YF: () => (/* binding */ mdLink),
/* harmony export */   ti: () => (/* binding */ inlineCode)
/* harmony export */ });
/**
 * Escaping for text that came from files, config or APIs before it goes into Markdown that GitHub
 * renders (reports, step summaries, issue bodies). The result is inert: no tables broken, no
 * HTML, no emphasis or links, and no @mention or #123 reference that would notify someone or
 * link an issue.
 */
/** Zero-width joiner: breaks GitHub's @mention and #123 autolinks without changing what is shown. */
const ZWJ = '\u200D';
/** Escape text for use in Markdown prose, list items and table cells (one line). */
function escapeMarkdown(text) {
    return text
        .replace(/\r\n?|\n/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]|~]/g, '\\$&')
        .replace(/(^|[^A-Za-z0-9_`])@(?=[A-Za-z0-9])/g, `$1@${ZWJ}`)
        .replace(/(^|[^A-Za-z0-9_&])#(?=\d)/g, `$1#${ZWJ}`)
        // A leading "- ", "+ " or "1. " would start a list; escape the marker's punctuation
        // (CommonMark escapes only punctuation, so "\\1." would show the backslash).
        .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
        .replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4')
        .replace(/^(\s*)#/, '$1\\#');
}
/**
 * Inline code for a query or other text shown verbatim (one line). The fence is longer than any
 * run of backticks inside; `|` is escaped because GitHub tables split cells on it even in code.
 */
function inlineCode(text) {
    const flat = text.replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|');
    const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}
/** A fenced code block for multi-line text shown verbatim. */
function codeBlock(text, lang = '') {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${lang}\n${text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`;
}
/** A Markdown link whose text is escaped; only http(s) URLs become links. */
function mdLink(text, url) {
    if (!url || !/^https?:\/\//i.test(url))
        return escapeMarkdown(text);
    return `[${escapeMarkdown(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}


/***/ }),

/***/ 57994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   bF: () => (/* binding */ renderTerminal)
/* harmony export */ });
/* unused harmony export SUMMARY_LIMIT_BYTES */
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14031);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(790);


/** The runner drops a step summary over 1024 KiB; stay well under it. */
const SUMMARY_LIMIT_BYTES = 1000 * 1024;
const icon = (status) => (status === 'pass' ? '✅' : status === 'error' ? '⚠️' : '❌');
function signalCell(s) {
    if (!s)
        return '-';
    if (s.verified)
        return `✅${s.freshnessSeconds !== undefined ? ` ${Math.round(s.freshnessSeconds)}s` : ''}`;
    if (!s.mapped)
        return '❌ unmapped';
    if (s.verdict === 'error')
        return '⚠️ error';
    return `❌ ${s.verdict}`;
}
function gateSection(g) {
    const lines = [`### ${icon(g.status)} Gate ${g.id}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(g.name)} — ${g.status.toUpperCase()}`, ''];
    if (g.checks.length)
        lines.push((0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .mdTable */ .gJ)(['Check', 'Status', 'Value', 'Threshold'], g.checks.map((c) => [c.name, c.status, c.value, c.threshold])));
    if (g.reasons.length)
        lines.push('**Why it failed**', '', ...g.reasons.map((r) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(r)}`), '');
    if (g.errors.length)
        lines.push('**Backend errors** (not failed checks: the backend could not answer)', '', ...g.errors.map((r) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(r)}`), '');
    return lines.join('\n');
}
/**
 * The job summary: gates, the per-service coverage matrix and the reasons. Every value from
 * evidence, config or an API is escaped. Shortened to fit the runner's limit, saying so.
 */
function renderSummary(result, links) {
    const head = [
        `## ${result.status === 'pass' ? '✅ Monitoring is in place' : '❌ Monitoring is not in place'}`,
        '',
        result.model ? `Release **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(result.model.release.tag ?? 'untagged')}** in **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(result.model.environment)}**, ${result.model.services.length} service(s).` : '',
        links.packageUrl ? `Evidence package: [${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(links.packageName ?? 'monitoring-package')}](${links.packageUrl})` : `Evidence package: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(result.packageDir)}`,
        '',
        (0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .mdTable */ .gJ)(['Gate', 'Status', 'Reasons'], result.gates.map((g) => [`${g.id}. ${g.name}`, `${icon(g.status)} ${g.status.toUpperCase()}`, String(g.reasons.length + g.errors.length)])),
        ...(result.errors.length ? ['**Errors**', '', ...result.errors.slice(0, 50).map((e) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(e)}`), ''] : [])
    ].join('\n');
    const gates = result.gates.map(gateSection).join('\n');
    const services = result.audit?.services ?? [];
    const matrixRows = services.map((s) => [
        `${s.service_name}${s.critical ? ' (critical)' : ''}${s.new ? ' (new)' : ''}`,
        s.status,
        signalCell(s.metrics),
        signalCell(s.logs),
        signalCell(s.traces),
        signalCell(s.synthetics)
    ]);
    const matrix = (rows, note = '') => ['### Coverage matrix', '', (0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .mdTable */ .gJ)(['Service', 'Status', 'Metrics', 'Logs', 'Traces', 'Synthetic'], rows), note].join('\n');
    const alerts = result.alertTests?.tests.length
        ? [
            '### Alert path tests',
            '',
            (0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .mdTable */ .gJ)(['Route', 'Expected receiver', 'Actual', 'Delivered', 'Acknowledged (s)', 'SLA met', 'Status'], result.alertTests.tests.map((t) => [t.route, t.expected_receiver, t.actual_receivers.join(', '), t.delivered_at, t.acknowledgement_time_seconds, t.sla_met ? 'yes' : 'no', t.status]))
        ].join('\n')
        : '';
    const issues = result.issues
        ? [
            '### Improvement backlog',
            '',
            `${result.backlog.length} item(s); issues opened ${result.issues.opened.length}, updated ${result.issues.updated.length}, closed ${result.issues.closed.length}, reopened ${result.issues.reopened.length}.`,
            result.issues.heldBack.length ? `${result.issues.heldBack.length} new item(s) held back by github.max-new-issues: ${result.issues.heldBack.map((b) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(b.title)).join('; ')}` : '',
            result.issues.file ? `Not filed (no token): written to ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(result.issues.file)}.` : '',
            backlogTable(result),
            ...result.issues.errors.map((e) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(e)}`)
        ].join('\n')
        : '';
    const footer = links.runUrl ? `\n[Run](${links.runUrl})\n` : '';
    let text = [head, gates, matrix(matrixRows), alerts, issues, footer].join('\n\n');
    if (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES) {
        // Keep the failing services first; drop covered rows until it fits.
        const failing = matrixRows.filter((r) => r[1] !== 'covered');
        let kept = failing.slice(0, 2000);
        const note = (n) => `\n_${services.length - n} row(s) left out to fit the summary limit; the full matrix is in instrumentation-audit.json._`;
        text = [head, gates, matrix(kept, note(kept.length)), alerts, issues, footer].join('\n\n');
        while (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES && kept.length > 0) {
            kept = kept.slice(0, Math.floor(kept.length / 2));
            text = [head, gates, matrix(kept, note(kept.length)), alerts, issues, footer].join('\n\n');
        }
        if (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES)
            text = text.slice(0, SUMMARY_LIMIT_BYTES - 200) + '\n\n_Summary cut to fit the limit; see gate-results.json._\n';
    }
    return text;
}
/** The backlog items with the issue each is tracked in (issue numbers are ours: they link). */
function backlogTable(result) {
    if (result.backlog.length === 0)
        return '';
    const numbers = result.issues?.numbers ?? new Map();
    const shown = result.backlog.slice(0, 100);
    return [
        '',
        (0,_table_js__WEBPACK_IMPORTED_MODULE_1__/* .mdTable */ .gJ)(['Priority', 'Item', 'Issue'], shown.map((b) => [b.priority, b.title, numbers.has(b.fingerprint) ? { md: `#${numbers.get(b.fingerprint)}` } : 'not filed'])),
        result.backlog.length > shown.length ? `_${result.backlog.length - shown.length} more in improvement-backlog.md._` : ''
    ].join('\n');
}
/** The same result as plain terminal text, for the command line. */
function renderTerminal(result) {
    const lines = [];
    lines.push(result.status === 'pass' ? 'Monitoring is in place.' : 'Monitoring is NOT in place.');
    if (result.model)
        lines.push(`Release ${result.model.release.tag ?? 'untagged'} in ${result.model.environment}: ${result.model.services.length} service(s)`);
    lines.push('');
    for (const g of result.gates) {
        lines.push(`Gate ${g.id} ${g.name}: ${g.status.toUpperCase()}`);
        for (const c of g.checks)
            lines.push(`    ${c.status.padEnd(5)} ${c.name}: ${c.value} (threshold ${c.threshold})`);
        for (const r of g.reasons)
            lines.push(`  - ${r}`);
        for (const e of g.errors)
            lines.push(`  ! backend error: ${e}`);
    }
    const services = result.audit?.services ?? [];
    if (services.length) {
        lines.push('', 'Coverage (metrics logs traces synthetic):');
        const mark = (s) => (s.verified ? 'ok' : s.verdict === 'error' ? 'ERR' : s.mapped ? s.verdict.toUpperCase() : '--');
        const width = Math.min(40, Math.max(...services.map((s) => s.service_name.length)));
        for (const s of services.slice(0, 200)) {
            lines.push(`  ${s.service_name.padEnd(width)} ${[s.metrics, s.logs, s.traces, s.synthetics].map(mark).map((m) => m.padEnd(13)).join(' ')}${s.critical ? ' critical' : ''}`);
        }
        if (services.length > 200)
            lines.push(`  ... ${services.length - 200} more in instrumentation-audit.json`);
    }
    if (result.errors.length)
        lines.push('', 'Errors:', ...result.errors.map((e) => `  ${e}`));
    lines.push('', `Package: ${result.packageDir}`);
    return lines.join('\n');
}


/***/ }),

/***/ 790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ej: () => (/* binding */ mdList),
/* harmony export */   FQ: () => (/* binding */ fmtNumber),
/* harmony export */   gJ: () => (/* binding */ mdTable)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14031);

/** A Markdown table; every plain cell is escaped. */
function mdTable(headers, rows) {
    if (rows.length === 0)
        return '_None._\n';
    const cell = (v) => v === null || v === undefined || v === '' ? '-' : typeof v === 'object' ? v.md : (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(String(v));
    return [
        `| ${headers.map(cell).join(' | ')} |`,
        `| ${headers.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)
    ].join('\n') + '\n';
}
const mdList = (items) => (items.length ? items.map((i) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(i)}`).join('\n') + '\n' : '_None._\n');
const fmtNumber = (n, digits = 4) => n === null || n === undefined || !Number.isFinite(n) ? 'n/a' : String(Math.round(n * 10 ** digits) / 10 ** digits);


/***/ }),

/***/ 70017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ InputErrors),
/* harmony export */   Jh: () => (/* binding */ BackendError),
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   kc: () => (/* binding */ errorText)
/* harmony export */ });
/**
 * An input the user gave us (evidence, config, an input) is wrong. Carries enough to fix it
 * without reading a stack trace: the file, the field (JSON pointer or Markdown heading), what was
 * expected and what was found.
 */
class InputError extends Error {
    file;
    field;
    expected;
    found;
    constructor(args) {
        const where = args.line !== undefined ? `${args.file}:${args.line}` : args.file;
        const field = args.field ?? '';
        super(`${where}${field ? ` at ${field}` : ''}: expected ${args.expected}, found ${args.found}`);
        this.name = 'InputError';
        this.file = args.file;
        this.field = field;
        this.expected = args.expected;
        this.found = args.found;
    }
}
/** Several input errors found in one pass, reported together. */
class InputErrors extends Error {
    errors;
    constructor(errors) {
        super(errors.map((e) => e.message).join('\n'));
        this.name = 'InputErrors';
        this.errors = errors;
    }
}
/** A backend (Prometheus, Alertmanager, GitHub...) could not answer. Never a failed check. */
class BackendError extends Error {
    backend;
    request;
    status;
    constructor(backend, request, message, status) {
        super(`${backend}: ${message} (${request})`);
        this.name = 'BackendError';
        this.backend = backend;
        this.request = request;
        this.status = status;
    }
}
/** Describe a found value briefly for an error message, without dumping a whole document. */
function describeValue(value) {
    if (value === undefined)
        return 'nothing (missing)';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return `an array of ${value.length}`;
    if (typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.length === 0)
            return 'an empty object';
        return `an object with keys ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', ...' : ''}`;
    }
    if (typeof value === 'string') {
        const s = value.length > 60 ? `${value.slice(0, 57)}...` : value;
        return `the string ${JSON.stringify(s)}`;
    }
    return `${typeof value} ${String(value)}`;
}
/** One line for an error in a report: input errors as they are, others with their kind. */
function errorText(err) {
    if (err instanceof InputErrors || err instanceof InputError)
        return err.message;
    return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}


/***/ }),

/***/ 44098:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   Pw: () => (/* binding */ authHeaders),
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   o8: () => (/* binding */ durationSeconds)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);

/** URL as safe to record: no userinfo. */
function redactUrl(url) {
    try {
        const u = new URL(url);
        u.username = '';
        u.password = '';
        return u.toString();
    }
    catch {
        return url;
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * One HTTP exchange with a bounded wait and a bounded retry. Network errors, timeouts and 5xx
 * after the last retry become a BackendError; other statuses are returned for the caller to judge.
 */
async function httpRequest(req) {
    const retries = req.retries ?? 0;
    const method = req.method ?? 'GET';
    const where = `${method} ${redactUrl(req.url)}`;
    let lastError;
    for (let attempt = 0; attempt <= retries; attempt++) {
        if (attempt > 0)
            await sleep((req.backoffMs ?? 200) * 2 ** (attempt - 1));
        const started = Date.now();
        try {
            const res = await fetch(req.url, {
                method,
                headers: req.headers,
                body: req.body,
                signal: AbortSignal.timeout(req.timeoutMs),
                redirect: 'manual'
            });
            const text = await res.text();
            const elapsedMs = Date.now() - started;
            if (res.status >= 500 && attempt < retries) {
                lastError = new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(req.backend, where, `HTTP ${res.status}`, res.status);
                continue;
            }
            return { status: res.status, headers: res.headers, text, elapsedMs };
        }
        catch (err) {
            const e = err;
            const reason = e.name === 'TimeoutError' || e.name === 'AbortError'
                ? `no answer within ${req.timeoutMs} ms`
                : `unreachable (${e.cause?.code ?? e.message})`;
            lastError = new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(req.backend, where, reason);
        }
    }
    throw lastError ?? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(req.backend, where, 'no attempt made');
}
/** Resolve `env:NAME` header values and auth into request headers; every secret is masked. */
function authHeaders(auth, headers, env, log, backend) {
    const out = {};
    const secret = (name) => {
        const v = env[name];
        if (!v)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(backend, 'credentials', `environment variable ${name} is not set`);
        log.setSecret(v);
        return v;
    };
    for (const [k, v] of Object.entries(headers))
        out[k] = v.startsWith('env:') ? secret(v.slice(4)) : v;
    if (auth.type === 'bearer')
        out.Authorization = `Bearer ${secret(auth['token-env'])}`;
    if (auth.type === 'basic') {
        const token = Buffer.from(`${secret(auth['username-env'])}:${secret(auth['password-env'])}`).toString('base64');
        log.setSecret(token);
        out.Authorization = `Basic ${token}`;
    }
    return out;
}
/** Parse a duration such as 30s, 5m, 1h, 7d into seconds. */
function durationSeconds(d) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(d);
    if (!m)
        throw new Error(`not a duration: ${d}`);
    const n = Number(m[1]);
    const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2]];
    return n * unit;
}


/***/ }),

/***/ 74976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ isObject)
/* harmony export */ });
/** True for a plain object (not null, not an array): the shape checks of parsed documents. */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);


/***/ }),

/***/ 89777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ ActionsLogger),
/* harmony export */   X: () => (/* binding */ TerminalLogger)
/* harmony export */ });
/** The runner shows at most 10 error and 10 warning annotations per step; keep room for setFailed. */
const MAX_ANNOTATIONS = 9;
/** Logger on @actions/core: the first annotations are kept as annotations, the rest as log lines. */
class ActionsLogger {
    core;
    errors = 0;
    warnings = 0;
    constructor(core) {
        this.core = core;
    }
    info(message) {
        this.core.info(message);
    }
    debug(message) {
        this.core.debug(message);
    }
    warning(message, annotation) {
        if (++this.warnings <= MAX_ANNOTATIONS)
            this.core.warning(message, annotation);
        else
            this.core.info(`Warning: ${message}`);
    }
    error(message, annotation) {
        if (++this.errors <= MAX_ANNOTATIONS)
            this.core.error(message, annotation);
        else
            this.core.info(`Error: ${message}`);
    }
    setSecret(secret) {
        this.core.setSecret(secret);
    }
}
/** Logger for the command line: lines to stderr, secrets masked by the logger itself. */
class TerminalLogger {
    write;
    verbose;
    secrets = [];
    constructor(write = (l) => process.stderr.write(l + '\n'), verbose = false) {
        this.write = write;
        this.verbose = verbose;
    }
    mask(message) {
        let out = message;
        for (const s of this.secrets)
            out = out.split(s).join('***');
        return out;
    }
    info(message) {
        this.write(this.mask(message));
    }
    debug(message) {
        if (this.verbose)
            this.write(this.mask(`debug: ${message}`));
    }
    warning(message) {
        this.write(this.mask(`warning: ${message}`));
    }
    error(message) {
        this.write(this.mask(`error: ${message}`));
    }
    setSecret(secret) {
        if (secret)
            this.secrets.push(secret);
    }
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ GENERATOR)
/* harmony export */ });
/* unused harmony export VERSION */
/** Who wrote the package: recorded as `verified_by` in the manifest. */
const VERSION = '1.0.0';
const GENERATOR = `sre-monitoring-action@${VERSION}`;


/***/ })

};
