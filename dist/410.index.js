export const id = 410;
export const ids = [410,45];
export const modules = {

/***/ 98499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ BackendClient)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/* harmony import */ var _util_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44098);


/**
 * HTTP access to one configured backend: credentials from the environment (masked in the log and
 * never part of a recorded URL), per-request timeout, bounded retry with backoff for 5xx and
 * network errors, and a count of the requests made.
 */
class BackendClient {
    name;
    type;
    /** Base URL without credentials and without a trailing slash. */
    baseUrl;
    requests = 0;
    headers;
    timeoutMs;
    retries;
    backoffMs;
    constructor(name, config, env, log, opts = {}) {
        this.name = name;
        this.type = config.type;
        const url = new URL(config.url);
        const headers = (0,_util_http_js__WEBPACK_IMPORTED_MODULE_1__/* .authHeaders */ .Pw)(config.auth, config.headers, env, log, name);
        // fetch refuses URLs with userinfo; a URL written as https://user:pass@host becomes basic auth.
        if ((url.username || url.password) && !headers.Authorization) {
            const token = Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64');
            if (url.password)
                log.setSecret(decodeURIComponent(url.password));
            log.setSecret(token);
            headers.Authorization = `Basic ${token}`;
        }
        this.baseUrl = (0,_util_http_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url.toString()).replace(/\/+$/, '');
        this.headers = headers;
        this.timeoutMs = config['timeout-seconds'] * 1000;
        this.retries = config.retries;
        this.backoffMs = opts.backoffMs ?? 250;
    }
    /** The full URL for a path under the base URL (`/api/v1/query` under `https://host/prometheus`). */
    url(path) {
        return /^https?:\/\//i.test(path) ? path : `${this.baseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
    }
    /** What a measurement records of a request: no credentials, no headers. */
    describe(method, path, query) {
        return { backend: this.name, method, url: (0,_util_http_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(this.url(path)), ...(query !== undefined ? { query } : {}) };
    }
    async send(args) {
        let url = this.url(args.path);
        const headers = { Accept: 'application/json', ...this.headers };
        let body = args.body;
        if (args.params && args.method === 'GET') {
            const u = new URL(url);
            for (const [k, v] of Object.entries(args.params))
                u.searchParams.set(k, v);
            url = u.toString();
        }
        else if (args.params) {
            body = new URLSearchParams(args.params).toString();
            headers['Content-Type'] = 'application/x-www-form-urlencoded';
        }
        if (args.contentType)
            headers['Content-Type'] = args.contentType;
        this.requests++;
        return (0,_util_http_js__WEBPACK_IMPORTED_MODULE_1__/* .httpRequest */ .aj)({
            backend: this.name,
            url,
            method: args.method,
            headers,
            body,
            timeoutMs: this.timeoutMs,
            retries: this.retries,
            backoffMs: this.backoffMs
        });
    }
    /** Parse a JSON answer; a non-JSON body is the backend failing, not the check. */
    json(res, what) {
        try {
            return JSON.parse(res.text);
        }
        catch {
            const sample = res.text.slice(0, 80).replace(/\s+/g, ' ');
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, `answered HTTP ${res.status} with a body that is not JSON: ${JSON.stringify(sample)}`, res.status);
        }
    }
}


/***/ }),

/***/ 70410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  captureBaseline: () => (/* binding */ captureBaseline),
  loadPreviousBaseline: () => (/* binding */ loadPreviousBaseline)
});

// UNUSED EXPORTS: ERROR_RATE_ABSOLUTE_SLACK, LATENCY_QUANTILES, baselineQueries, compareWithPrevious, describeCriterion

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/telemetry/prometheus/client.ts
var prometheus_client = __webpack_require__(80045);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
// EXTERNAL MODULE: ./node_modules/ajv-formats/dist/index.js
var dist = __webpack_require__(82815);
var dist_default = /*#__PURE__*/__webpack_require__.n(dist);
;// CONCATENATED MODULE: ./src/telemetry/schema-check.ts





// ajv-formats is CommonJS; under ESM its plugin function may sit one level down.
const addFormats = ((dist_default())["default"] ?? (dist_default()));
const AUDIT_SCHEMA = 'instrumentation-audit.schema.json';
const BASELINE_SCHEMA = 'baseline-metrics.schema.json';
/** The schemas/ folder ships beside the code (src/, dist/ or deeper): walk up to find it. */
function schemasDir(schemaFile) {
    let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 6; i++) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'schemas', schemaFile)))
            return (0,external_node_path_.join)(dir, 'schemas');
        dir = (0,external_node_path_.dirname)(dir);
    }
    throw new Error('schemas/ folder not found next to the action code');
}
let ajv;
const compiled = new Map();
/** Validate data against one of the telemetry schemas; the errors as `pointer message` lines. */
function checkSchema(schemaFile, data) {
    let validate = compiled.get(schemaFile);
    if (!validate) {
        if (!ajv) {
            ajv = new _2020.Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
            addFormats(ajv);
        }
        validate = ajv.compile(JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(schemasDir(schemaFile), schemaFile), 'utf8')));
        compiled.set(schemaFile, validate);
    }
    if (validate(data))
        return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

// EXTERNAL MODULE: ./src/telemetry/vector.ts
var vector = __webpack_require__(52880);
;// CONCATENATED MODULE: ./src/telemetry/baseline.ts





const LATENCY_QUANTILES = [
    { metric: 'latency_p50', quantile: '0.5' },
    { metric: 'latency_p95', quantile: '0.95' },
    { metric: 'latency_p99', quantile: '0.99' }
];
/** Differences in error rate below this (as a fraction: 0.1 percentage points) are noise, never a refutation. */
const ERROR_RATE_ABSOLUTE_SLACK = 0.001;
const fill = (template, vars) => Object.entries(vars).reduce((q, [k, v]) => q.split(`$${k}`).join(v), template);
/**
 * The fixed set of baseline queries, each grouped by the service label (and any selector labels),
 * so their number never depends on the number of services. Defaults assume the conventional
 * `http_requests_total{code}` counter and `http_request_duration_seconds` histogram.
 */
function baselineQueries(config, groupBy) {
    const b = config.baseline;
    const window = b.window;
    const group = groupBy.join(', ');
    const vars = { window, group };
    const total = `sum by (${group}) (rate(http_requests_total[${window}]))`;
    // Services without any 5xx series still have an error ratio: zero, not "no data".
    const errors = `(sum by (${group}) (rate(http_requests_total{code=~"5.."}[${window}])) or ${total} * 0)`;
    const out = [
        { metric: 'request_rate', unit: 'requests/s', query: b['request-rate-query'] ? fill(b['request-rate-query'], vars) : total },
        { metric: 'error_ratio', unit: 'ratio', query: b['error-ratio-query'] ? fill(b['error-ratio-query'], vars) : `${errors} / ${total}` }
    ];
    for (const { metric, quantile } of LATENCY_QUANTILES) {
        const query = b['latency-query']
            ? fill(b['latency-query'], { ...vars, quantile })
            : `histogram_quantile(${quantile}, sum by (${group}, le) (rate(http_request_duration_seconds_bucket[${window}])))`;
        out.push({ metric, unit: 'seconds', query });
    }
    for (const [metric, query] of Object.entries(b.queries))
        out.push({ metric, query: fill(query, vars) });
    return out;
}
function prometheusBackend(config) {
    if (config.baseline.backend)
        return config.baseline.backend;
    const names = Object.entries(config.backends).filter(([, b]) => b.type === 'prometheus').map(([n]) => n);
    return names[0];
}
/**
 * Phase 1, step 3: request rate, error ratio, latency quantiles and the configured SLIs for every
 * service over `baseline.window` ending now, each value with the query that produced it. The
 * deploy's own numbers are checked against them, and the previous release's baseline is compared
 * when given.
 */
async function captureBaseline(ctx, previous, opts = {}) {
    const now = ctx.now();
    const measuredAt = now.toISOString();
    const services = ctx.model.services;
    const groupBy = (0,vector/* groupingLabels */.Nx)(services, ctx.model.serviceLabel);
    const queries = baselineQueries(ctx.config, groupBy);
    const values = new Map(services.map((s) => [s.name, []]));
    let requests = 0;
    let notVerifiedReason;
    const backendName = prometheusBackend(ctx.config);
    const backend = backendName ? ctx.config.backends[backendName] : undefined;
    if (!backendName || !backend) {
        notVerifiedReason = backendName
            ? `baseline.backend "${backendName}" is not in backends`
            : 'no Prometheus backend is configured, so no baseline could be measured';
    }
    else if (backend.type !== 'prometheus') {
        notVerifiedReason = `baseline.backend "${backendName}" is ${backend.type}; the baseline needs a Prometheus-compatible backend`;
    }
    if (notVerifiedReason) {
        for (const s of services) {
            for (const q of queries)
                values.get(s.name).push({ metric: q.metric, value: null, ...(q.unit ? { unit: q.unit } : {}), query: q.query, measuredAt, verdict: 'not_verified', reason: notVerifiedReason });
        }
    }
    else {
        let client;
        let clientError;
        try {
            client = new prometheus_client.PrometheusClient(backendName, backend, ctx.env, ctx.log, opts);
        }
        catch (err) {
            clientError = err.message;
        }
        const match = (0,vector/* serviceMatcher */.AG)(services, ctx.model.serviceLabel);
        await Promise.all(queries.map(async (q) => {
            const found = new Map();
            let error = clientError;
            if (client) {
                try {
                    const result = await client.instantQuery(q.query, now);
                    for (const sample of result.samples) {
                        const s = match(sample.labels);
                        if (s)
                            found.set(s.name, [...(found.get(s.name) ?? []), sample.value]);
                    }
                }
                catch (err) {
                    error = err.message;
                }
            }
            for (const s of services) {
                const base = { metric: q.metric, ...(q.unit ? { unit: q.unit } : {}), query: q.query, measuredAt };
                const vs = found.get(s.name) ?? [];
                let v;
                if (error)
                    v = { ...base, value: null, verdict: 'error', reason: error };
                else if (vs.length === 0)
                    v = { ...base, value: null, verdict: 'fail', reason: `no data for this service in the last ${ctx.config.baseline.window}` };
                else if (vs.length > 1)
                    v = { ...base, value: null, verdict: 'fail', reason: `${vs.length} series matched this service; the query must give one per service` };
                else if (!Number.isFinite(vs[0])) {
                    v = { ...base, value: null, verdict: 'fail', reason: `value ${(0,vector/* describeNumber */.Df)(vs[0])}${q.metric === 'error_ratio' || q.metric.startsWith('latency_') ? ' (no requests in the window)' : ''}` };
                }
                else
                    v = { ...base, value: vs[0], verdict: 'pass' };
                values.get(s.name).push(v);
            }
        }));
        requests = client?.requests ?? 0;
    }
    const order = new Map(queries.map((q, i) => [q.metric, i]));
    const byService = services.map((s) => ({
        service: s.name,
        metrics: values.get(s.name).sort((a, b) => (order.get(a.metric) ?? 0) - (order.get(b.metric) ?? 0))
    }));
    const result = {
        captured_at: measuredAt,
        window: ctx.config.baseline.window,
        environment: ctx.model.environment,
        services: byService,
        claims: checkClaims(ctx, services, byService),
        requests
    };
    if (previous) {
        result.previous = {
            source: previous.source,
            captured_at: previous.data.captured_at,
            comparisons: compareWithPrevious(byService, previous.data, ctx.config.baseline.criteria)
        };
    }
    if (notVerifiedReason)
        result.not_verified_reason = notVerifiedReason;
    return result;
}
/** Which claims a metrics_snapshot key makes. Latency in ms, error_rate in percent, throughput per second. */
function snapshotClaim(key, value) {
    const source = `post-deployment-validation.json metrics_snapshot.${key}`;
    const k = key.toLowerCase();
    const q = /latency_p(50|95|99)/.exec(k);
    if (q) {
        const unit = /_(seconds|s)$/.test(k) ? 's' : 'ms';
        return { source, what: { kind: 'latency', metric: `latency_p${q[1]}`, label: `p${q[1]}` }, claimed: value, unit };
    }
    // `error_rate` is read as a percent (the protocol's snapshots write 0.5 for 0.5%); `error_ratio` as a fraction.
    if (/error_(rate|percent|pct)/.test(k))
        return { source, what: { kind: 'error_rate' }, claimed: value, unit: '%' };
    if (/error_ratio/.test(k))
        return { source, what: { kind: 'error_rate' }, claimed: value, unit: 'fraction' };
    if (/throughput|requests_per_second|rps/.test(k))
        return { source, what: { kind: 'throughput' }, claimed: value, unit: 'rps' };
    return undefined;
}
/** Which claim a health-log metric row makes, from its name and unit; rows naming a service are about that service. */
function healthRowClaim(row, services) {
    if (row.numericValue === undefined || !Number.isFinite(row.numericValue))
        return undefined;
    const source = `deployment-health-log.md metric "${row.name}"`;
    const name = row.name.toLowerCase();
    const unit = (row.unit ?? '').toLowerCase().trim();
    const service = services.find((s) => new RegExp(`(^|[^a-z0-9-])${s.name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9-])`).test(name))?.name;
    const q = /\bp(50|95|99)\b|(50|95|99)(th)? percentile|(median)/.exec(name);
    if (q && /latenc|response|duration|p\d\d/.test(name)) {
        const p = q[1] ?? q[2] ?? '50';
        const u = unit === 's' || unit === 'sec' || unit === 'seconds' ? 's' : 'ms';
        return { source, what: { kind: 'latency', metric: `latency_p${p}`, label: `p${p}` }, claimed: row.numericValue, unit: u, service };
    }
    if (/error/.test(name))
        return { source, what: { kind: 'error_rate' }, claimed: row.numericValue, unit: unit === '%' || unit === '' ? '%' : 'fraction', service };
    if (/throughput|requests? per|rps|req\/s/.test(name)) {
        const perMinute = /min|rpm/.test(unit);
        return { source, what: { kind: 'throughput' }, claimed: perMinute ? row.numericValue / 60 : row.numericValue, unit: 'rps', service };
    }
    return undefined;
}
const baseline_valueOf = (svc, metric) => {
    const v = svc.metrics.find((m) => m.metric === metric);
    return v && v.verdict === 'pass' && v.value !== null ? v.value : undefined;
};
/**
 * Check each claim against the baseline. Fleet-wide claims (the snapshot names no service) are
 * aggregated as follows:
 * - throughput: the sum of the services' request rates;
 * - error rate: all errors over all requests (each service's ratio weighted by its traffic);
 * - latency quantiles: a fleet quantile cannot be computed from per-service quantiles, but it
 *   always lies between the lowest and the highest of them (a quantile of a mixture lies between
 *   its components' quantiles). A claim outside that range, beyond the tolerance, is refuted; the
 *   observed value reported is the nearest end of the range.
 */
function checkClaims(ctx, services, measured) {
    const tolerance = ctx.config.baseline['claim-tolerance-percent'];
    const claims = [];
    for (const [k, v] of Object.entries(ctx.evidence.validation.metricsSnapshot)) {
        const c = snapshotClaim(k, v);
        if (c)
            claims.push(c);
    }
    for (const row of ctx.evidence.healthLog.metrics) {
        const c = healthRowClaim(row, services);
        if (c)
            claims.push(c);
    }
    return claims.map((c) => judgeClaim(c, c.service ? measured.filter((m) => m.service === c.service) : measured, tolerance));
}
function judgeClaim(c, measured, tolerance) {
    const scope = c.service ? c.service : measured.length === 1 ? measured[0].service : `${measured.length} services`;
    const base = { source: c.source, claimed: c.claimed, tolerancePercent: tolerance };
    const fmt = (n) => (0,vector/* describeNumber */.Df)(Number(n.toPrecision(4)));
    const noData = (metric, why) => ({ ...base, metric, observed: null, verdict: 'error', reason: `cannot check: ${why}` });
    if (c.what.kind === 'latency') {
        const { metric, label } = c.what;
        const toMs = c.unit === 's' ? 1000 : 1;
        const per = measured.map((m) => ({ service: m.service, ms: (baseline_valueOf(m, metric) ?? NaN) * 1000 })).filter((x) => Number.isFinite(x.ms));
        if (per.length === 0)
            return noData(metric, `no live ${label} latency for ${scope}`);
        const low = per.reduce((a, b) => (b.ms < a.ms ? b : a));
        const high = per.reduce((a, b) => (b.ms > a.ms ? b : a));
        const claimedMs = c.claimed * toMs;
        const nearest = claimedMs < low.ms ? low : claimedMs > high.ms ? high : undefined;
        const observedMs = nearest ? nearest.ms : claimedMs;
        const deviation = observedMs === 0 ? (claimedMs === 0 ? 0 : Infinity) : (Math.abs(claimedMs - observedMs) / observedMs) * 100;
        const said = `the deploy said ${label} ${fmt(claimedMs)} ms`;
        const live = per.length === 1
            ? `Prometheus says ${fmt(low.ms)} ms (${low.service})`
            : `Prometheus says per-service ${label} ${fmt(low.ms)} ms (${low.service}) to ${fmt(high.ms)} ms (${high.service})`;
        const observed = Number((observedMs / toMs).toPrecision(6));
        if (deviation > tolerance) {
            return { ...base, metric, observed, verdict: 'fail', reason: `${said}; ${live}: off by ${fmt(deviation)}%, more than ${tolerance}%` };
        }
        return { ...base, metric, observed, verdict: 'pass', reason: `${said}; ${live}: consistent within ${tolerance}%` };
    }
    if (c.what.kind === 'error_rate') {
        let errors = 0;
        let total = 0;
        for (const m of measured) {
            const rate = baseline_valueOf(m, 'request_rate');
            const ratio = baseline_valueOf(m, 'error_ratio');
            if (rate === undefined)
                continue;
            total += rate;
            errors += ratio === undefined ? 0 : ratio * rate;
        }
        if (!(total > 0))
            return noData('error_ratio', `no live traffic for ${scope}`);
        const observedFraction = errors / total;
        const claimedFraction = c.unit === '%' ? c.claimed / 100 : c.claimed;
        const asShown = (f) => (c.unit === '%' ? f * 100 : f);
        const deviation = observedFraction === 0 ? (claimedFraction === 0 ? 0 : Infinity) : (Math.abs(claimedFraction - observedFraction) / observedFraction) * 100;
        const within = Math.abs(claimedFraction - observedFraction) <= ERROR_RATE_ABSOLUTE_SLACK || deviation <= tolerance;
        const reading = c.unit === '%' ? 'read as a percent' : 'read as a fraction';
        const said = `the deploy said error rate ${fmt(claimedFraction * 100)}% (${fmt(c.claimed)}, ${reading})`;
        const live = `Prometheus says ${fmt(observedFraction * 100)}% (errors over requests across ${scope})`;
        const observed = Number(asShown(observedFraction).toPrecision(6));
        return within
            ? { ...base, metric: 'error_ratio', observed, verdict: 'pass', reason: `${said}; ${live}: consistent` }
            : { ...base, metric: 'error_ratio', observed, verdict: 'fail', reason: `${said}; ${live}: off by ${fmt(deviation)}%, more than ${tolerance}%` };
    }
    const rates = measured.map((m) => baseline_valueOf(m, 'request_rate')).filter((x) => x !== undefined);
    if (rates.length === 0)
        return noData('request_rate', `no live request rate for ${scope}`);
    const observed = rates.reduce((a, b) => a + b, 0);
    const deviation = observed === 0 ? (c.claimed === 0 ? 0 : Infinity) : (Math.abs(c.claimed - observed) / observed) * 100;
    const said = `the deploy said throughput ${fmt(c.claimed)} requests/s`;
    const live = `Prometheus says ${fmt(observed)} requests/s (sum over ${scope})`;
    return deviation > tolerance
        ? { ...base, metric: 'request_rate', observed: Number(observed.toPrecision(6)), verdict: 'fail', reason: `${said}; ${live}: off by ${fmt(deviation)}%, more than ${tolerance}%` }
        : { ...base, metric: 'request_rate', observed: Number(observed.toPrecision(6)), verdict: 'pass', reason: `${said}; ${live}: consistent within ${tolerance}%` };
}
function describeCriterion(c) {
    const parts = [];
    if (c['max-increase-percent'] !== undefined)
        parts.push(`may rise at most ${c['max-increase-percent']}%`);
    if (c['warn-increase-percent'] !== undefined)
        parts.push(`warn above ${c['warn-increase-percent']}%`);
    if (c['max-ratio'] !== undefined)
        parts.push(`may be at most ${c['max-ratio']}x the previous`);
    return `${c.metric} ${parts.join(', ') || 'recorded'}`;
}
/**
 * Relative criteria against the previous release, per service and metric; both values are shown.
 * Services the previous baseline did not have (new ones) have nothing to compare with.
 */
function compareWithPrevious(current, previous, criteria) {
    const out = [];
    for (const svc of current) {
        const prev = previous.services.find((p) => p.service === svc.service);
        if (!prev)
            continue;
        for (const c of criteria) {
            const criterion = describeCriterion(c);
            const p = prev.metrics.find((m) => m.metric === c.metric)?.value ?? null;
            const cur = svc.metrics.find((m) => m.metric === c.metric);
            const curValue = cur && cur.verdict === 'pass' ? cur.value : null;
            const base = { service: svc.service, metric: c.metric, previous: p, current: curValue, criterion };
            if (p === null || curValue === null) {
                const why = p === null ? 'the previous baseline has no value' : `no current value (${cur?.reason ?? 'not measured'})`;
                out.push({ ...base, verdict: 'error', reason: `cannot compare: ${why}` });
                continue;
            }
            const shown = `previous ${(0,vector/* describeNumber */.Df)(Number(p.toPrecision(6)))}, now ${(0,vector/* describeNumber */.Df)(Number(curValue.toPrecision(6)))}`;
            const increase = p === 0 ? (curValue === 0 ? 0 : Infinity) : ((curValue - p) / Math.abs(p)) * 100;
            const ratio = p === 0 ? (curValue === 0 ? 1 : Infinity) : curValue / p;
            const rise = `${increase === Infinity ? 'up from zero' : `${increase >= 0 ? '+' : ''}${(0,vector/* describeNumber */.Df)(Number(increase.toFixed(2)))}%`}`;
            let verdict = 'pass';
            const why = [];
            if (c['max-increase-percent'] !== undefined && increase > c['max-increase-percent']) {
                verdict = 'fail';
                why.push(`${rise} is above the ${c['max-increase-percent']}% allowed`);
            }
            if (c['max-ratio'] !== undefined && ratio > c['max-ratio']) {
                verdict = 'fail';
                why.push(`${ratio === Infinity ? 'up from zero' : `${(0,vector/* describeNumber */.Df)(Number(ratio.toFixed(3)))}x`} is above the ${c['max-ratio']}x allowed`);
            }
            if (verdict === 'pass' && c['warn-increase-percent'] !== undefined && increase > c['warn-increase-percent']) {
                verdict = 'warn';
                why.push(`${rise} is above the ${c['warn-increase-percent']}% warning level`);
            }
            out.push({ ...base, verdict, reason: `${shown}: ${why.length ? why.join('; ') : `${rise}, within ${criterion.replace(`${c.metric} `, '')}`}` });
        }
    }
    return out;
}
/** Read a previous release's `baseline-metrics.json` (config `baseline.previous.file`) and check it against the schema. */
async function loadPreviousBaseline(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        const code = err.code;
        throw new util_errors/* InputError */.dz({ file, expected: 'a baseline-metrics.json from a previous run', found: code === 'ENOENT' ? 'no such file' : `an unreadable file (${code ?? String(err)})` });
    }
    let data;
    try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (err) {
        throw new util_errors/* InputError */.dz({ file, expected: 'JSON', found: `text that does not parse (${err.message})` });
    }
    const errors = checkSchema(BASELINE_SCHEMA, data);
    if (errors.length > 0) {
        throw new util_errors/* InputError */.dz({ file, field: errors[0].split(' ')[0], expected: 'a document matching schemas/baseline-metrics.schema.json', found: `${errors.length} problem(s): ${errors.slice(0, 3).join('; ')}` });
    }
    return data;
}


/***/ }),

/***/ 80045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PrometheusClient: () => (/* binding */ PrometheusClient)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/* harmony import */ var _backend_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98499);
/* harmony import */ var _vector_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52880);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74976);




/**
 * Client for the Prometheus HTTP API (`/api/v1/...`), which Thanos, Mimir, Cortex and
 * VictoriaMetrics serve unchanged (put any path prefix, e.g. `/prometheus`, in the backend URL).
 * Queries are POSTed as forms so that grouped queries over hundreds of services never hit a URL
 * length limit. A malformed answer is a BackendError, never an empty result.
 */
class PrometheusClient {
    http;
    constructor(name, config, env, log, opts = {}) {
        this.http = new _backend_client_js__WEBPACK_IMPORTED_MODULE_1__/* .BackendClient */ .i(name, config, env, log, opts);
    }
    get name() {
        return this.http.name;
    }
    get requests() {
        return this.http.requests;
    }
    /** Send one API call and unwrap `{status: "success", data}`. */
    async call(path, params, what, method = 'POST') {
        const res = await this.http.send({ method, path, params });
        const body = this.http.json(res, what);
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(body) || typeof body.status !== 'string') {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, `answered HTTP ${res.status} without the Prometheus API envelope ({status, data})`, res.status);
        }
        if (body.status !== 'success') {
            const detail = [body.errorType, body.error].filter((x) => typeof x === 'string').join(': ');
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, `answered HTTP ${res.status} status "${body.status}"${detail ? ` (${detail})` : ''}`, res.status);
        }
        if (res.status >= 300)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, `answered HTTP ${res.status}`, res.status);
        return body.data;
    }
    /** Instant query at `time` (default: the server's now). Accepts vector and scalar answers. */
    async instantQuery(query, time) {
        const request = this.http.describe('POST', '/api/v1/query', query);
        const what = `POST ${request.url}`;
        const params = { query };
        if (time)
            params.time = (time.getTime() / 1000).toFixed(3);
        const data = await this.call('/api/v1/query', params, what);
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(data) || (!Array.isArray(data.result) && data.resultType !== 'scalar')) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, 'answered without data.result');
        }
        if (data.resultType === 'scalar') {
            return { request, resultType: 'scalar', samples: [this.sample({ metric: {}, value: data.result }, what)] };
        }
        if (data.resultType !== 'vector') {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, `answered resultType "${String(data.resultType)}" where an instant vector was expected`);
        }
        return { request, resultType: 'vector', samples: data.result.map((r) => this.sample(r, what)) };
    }
    /** Range query from start to end with a step in seconds. */
    async rangeQuery(query, start, end, stepSeconds) {
        const request = this.http.describe('POST', '/api/v1/query_range', query);
        const what = `POST ${request.url}`;
        const data = await this.call('/api/v1/query_range', { query, start: (start.getTime() / 1000).toFixed(3), end: (end.getTime() / 1000).toFixed(3), step: String(stepSeconds) }, what);
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(data) || data.resultType !== 'matrix' || !Array.isArray(data.result)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, `answered resultType "${(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(data) ? String(data.resultType) : '?'}" where a range vector (matrix) was expected`);
        }
        const series = data.result.map((r) => {
            if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(r) || !(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(r.metric) || !Array.isArray(r.values))
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, 'answered a malformed matrix series');
            return {
                labels: r.metric,
                values: r.values.map((p) => {
                    const v = Array.isArray(p) ? (0,_vector_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSampleValue */ .L)(p[1]) : undefined;
                    if (!Array.isArray(p) || typeof p[0] !== 'number' || v === undefined)
                        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, 'answered a malformed sample');
                    return [p[0], v];
                })
            };
        });
        return { request, series };
    }
    /** Label sets of the series matching any of the selectors between start and end. */
    async series(matchers, start, end) {
        const params = new URLSearchParams();
        for (const m of matchers)
            params.append('match[]', m);
        if (start)
            params.set('start', (start.getTime() / 1000).toFixed(3));
        if (end)
            params.set('end', (end.getTime() / 1000).toFixed(3));
        const what = `POST ${this.http.describe('POST', '/api/v1/series').url}`;
        const res = await this.http.send({ method: 'POST', path: '/api/v1/series', body: params.toString(), contentType: 'application/x-www-form-urlencoded' });
        const body = this.http.json(res, what);
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(body) || body.status !== 'success' || !Array.isArray(body.data)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, `answered HTTP ${res.status} without a successful series list`, res.status);
        }
        return body.data;
    }
    /** Rule groups in force (`/api/v1/rules`), optionally only alerting or recording rules. */
    async rules(type) {
        const what = `GET ${this.http.describe('GET', '/api/v1/rules').url}`;
        const data = await this.call('/api/v1/rules', type ? { type } : {}, what, 'GET');
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(data) || !Array.isArray(data.groups))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, 'answered without data.groups');
        return data.groups;
    }
    /** Active alerts (`/api/v1/alerts`). */
    async alerts() {
        const what = `GET ${this.http.describe('GET', '/api/v1/alerts').url}`;
        const data = await this.call('/api/v1/alerts', {}, what, 'GET');
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(data) || !Array.isArray(data.alerts))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, 'answered without data.alerts');
        return data.alerts;
    }
    sample(r, what) {
        const pair = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(r) ? r.value : undefined;
        const labels = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(r) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(r.metric) ? r.metric : undefined;
        const value = Array.isArray(pair) ? (0,_vector_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSampleValue */ .L)(pair[1]) : undefined;
        if (!labels || !Array.isArray(pair) || typeof pair[0] !== 'number' || value === undefined) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, 'answered a malformed sample (expected {metric, value: [time, "number"]})');
        }
        return { labels, value, timestamp: pair[0] };
    }
}


/***/ }),

/***/ 52880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AG: () => (/* binding */ serviceMatcher),
/* harmony export */   Df: () => (/* binding */ describeNumber),
/* harmony export */   Jn: () => (/* binding */ promDuration),
/* harmony export */   L: () => (/* binding */ parseSampleValue),
/* harmony export */   Nx: () => (/* binding */ groupingLabels),
/* harmony export */   sf: () => (/* binding */ mapLimit)
/* harmony export */ });
/* unused harmony export selectorOf */
/** Prometheus and Loki write sample values as strings, including "NaN", "+Inf" and "-Inf". */
function parseSampleValue(raw) {
    if (typeof raw === 'number')
        return raw;
    if (typeof raw !== 'string')
        return undefined;
    if (raw === '+Inf' || raw === 'Inf')
        return Infinity;
    if (raw === '-Inf')
        return -Infinity;
    if (raw === 'NaN')
        return NaN;
    if (raw.trim() === '')
        return undefined;
    const n = Number(raw);
    return Number.isNaN(n) ? undefined : n;
}
/** The matchers naming a service in telemetry: its selector, or `{<service-label>: name}`. */
function selectorOf(service, serviceLabel) {
    return Object.keys(service.selector).length > 0 ? service.selector : { [serviceLabel]: service.name };
}
/** Labels a grouped query must keep so every service's series can be told apart. */
function groupingLabels(services, serviceLabel) {
    const labels = new Set([serviceLabel]);
    for (const s of services)
        for (const k of Object.keys(selectorOf(s, serviceLabel)))
            labels.add(k);
    return [...labels].sort();
}
/**
 * Match result series back to services by their selectors. A series belongs to the service whose
 * selector it satisfies with the most matchers, so `{service: api, tier: edge}` wins over
 * `{service: api}` for the edge series.
 */
function serviceMatcher(services, serviceLabel) {
    const entries = services.map((s) => ({ service: s, selector: Object.entries(selectorOf(s, serviceLabel)) }));
    const byLabel = new Map();
    const other = [];
    for (const e of entries) {
        const v = e.selector.find(([k]) => k === serviceLabel)?.[1];
        if (v === undefined)
            other.push(e);
        else
            byLabel.set(v, [...(byLabel.get(v) ?? []), e]);
    }
    return (labels) => {
        const v = labels[serviceLabel];
        const candidates = [...(v !== undefined ? (byLabel.get(v) ?? []) : []), ...other];
        let best;
        for (const c of candidates) {
            if (!c.selector.every(([k, want]) => labels[k] === want))
                continue;
            if (!best || c.selector.length > best.selector.length)
                best = c;
        }
        return best?.service;
    };
}
/** Run fn over items with at most `limit` running at once; results keep the items' order. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}
/** A duration in seconds written the way PromQL and LogQL accept it (whole seconds). */
function promDuration(seconds) {
    const s = Math.max(1, Math.ceil(seconds));
    if (s % 3600 === 0)
        return `${s / 3600}h`;
    if (s % 60 === 0)
        return `${s / 60}m`;
    return `${s}s`;
}
function describeNumber(n) {
    if (Number.isNaN(n))
        return 'NaN';
    if (n === Infinity)
        return '+Inf';
    if (n === -Infinity)
        return '-Inf';
    return String(Number(n.toPrecision(6)));
}


/***/ })

};
