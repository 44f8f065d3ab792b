export const id = 45;
export const ids = [45,976];
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
        const headers = (0,_util_http_js__WEBPACK_IMPORTED_MODULE_1__/* .authHeaders */ .Pw)(config.auth, config.headers, env, log, name);
        // fetch refuses URLs with userinfo; a URL written as https://user:pass@host becomes basic auth.
        const { url, authorization } = (0,_util_http_js__WEBPACK_IMPORTED_MODULE_1__/* .splitUserinfo */ .Gw)(config.url);
        if (authorization && !headers.Authorization)
            headers.Authorization = authorization;
        this.baseUrl = (0,_util_http_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url).replace(/\/+$/, '');
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
            kind: this.type,
            url,
            method: args.method,
            headers,
            body,
            timeoutMs: this.timeoutMs,
            retries: this.retries,
            // Telemetry backends are only read (a POST here is a query sent as a form): safe to repeat.
            idempotent: true,
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

/***/ 80045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PrometheusClient: () => (/* binding */ PrometheusClient)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/* harmony import */ var _backend_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98499);
/* harmony import */ var _vector_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52880);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74976);
/* harmony import */ var _stats_run_stats_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46968);





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
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(body) || typeof body.status !== 'string') {
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
        const params = { query, stats: 'all' };
        if (time)
            params.time = (time.getTime() / 1000).toFixed(3);
        const data = await this.call('/api/v1/query', params, what);
        this.noteSamples(data);
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(data) || (!Array.isArray(data.result) && data.resultType !== 'scalar')) {
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
        const data = await this.call('/api/v1/query_range', {
            query,
            start: (start.getTime() / 1000).toFixed(3),
            end: (end.getTime() / 1000).toFixed(3),
            step: String(stepSeconds),
            stats: 'all'
        }, what);
        this.noteSamples(data);
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(data) || data.resultType !== 'matrix' || !Array.isArray(data.result)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, `answered resultType "${(0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(data) ? String(data.resultType) : '?'}" where a range vector (matrix) was expected`);
        }
        const series = data.result.map((r) => {
            if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(r) || !(0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(r.metric) || !Array.isArray(r.values))
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, 'answered a malformed matrix series');
            return {
                labels: r.metric,
                values: r.values.map((p) => {
                    const v = Array.isArray(p) ? (0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSampleValue */ .L)(p[1]) : undefined;
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
        const res = await this.http.send({
            method: 'POST',
            path: '/api/v1/series',
            body: params.toString(),
            contentType: 'application/x-www-form-urlencoded'
        });
        const body = this.http.json(res, what);
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(body) || body.status !== 'success' || !Array.isArray(body.data)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, `answered HTTP ${res.status} without a successful series list`, res.status);
        }
        return body.data;
    }
    /** The values a label takes on the series matching any of the selectors between start and end (`/api/v1/label/<name>/values`). */
    async labelValues(label, matchers, start, end) {
        const params = new URLSearchParams();
        for (const m of matchers)
            params.append('match[]', m);
        if (start)
            params.set('start', (start.getTime() / 1000).toFixed(3));
        if (end)
            params.set('end', (end.getTime() / 1000).toFixed(3));
        const path = `/api/v1/label/${encodeURIComponent(label)}/values`;
        const what = `GET ${this.http.describe('GET', path).url}`;
        const res = await this.http.send({ method: 'GET', path: `${path}?${params.toString()}` });
        const body = this.http.json(res, what);
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(body) || body.status !== 'success' || !Array.isArray(body.data) || !body.data.every((v) => typeof v === 'string')) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, `answered HTTP ${res.status} without a successful list of label values`, res.status);
        }
        return body.data;
    }
    /** Rule groups in force (`/api/v1/rules`), optionally only alerting or recording rules. */
    async rules(type) {
        const what = `GET ${this.http.describe('GET', '/api/v1/rules').url}`;
        const data = await this.call('/api/v1/rules', type ? { type } : {}, what, 'GET');
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(data) || !Array.isArray(data.groups))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, 'answered without data.groups');
        return data.groups;
    }
    /** Active alerts (`/api/v1/alerts`). */
    async alerts() {
        const what = `GET ${this.http.describe('GET', '/api/v1/alerts').url}`;
        const data = await this.call('/api/v1/alerts', {}, what, 'GET');
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(data) || !Array.isArray(data.alerts))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, 'answered without data.alerts');
        return data.alerts;
    }
    /**
     * The samples a query touched, as Prometheus (and Thanos, Mimir) report them with `stats=all`
     * (`data.stats.samples.totalQueryableSamples`, `peakSamples`), for run-stats. A backend that
     * answers without them (VictoriaMetrics ignores the parameter) is recorded as not reporting.
     */
    noteSamples(data) {
        const stats = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(data) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(data.stats) ? data.stats : undefined;
        const samples = stats && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(stats.samples) ? stats.samples : undefined;
        const total = samples?.totalQueryableSamples;
        const peak = samples?.peakSamples;
        (0,_stats_run_stats_js__WEBPACK_IMPORTED_MODULE_3__/* .recordSamples */ .DG)(this.name, typeof total === 'number' && total >= 0 ? { total, ...(typeof peak === 'number' && peak >= 0 ? { peak } : {}) } : undefined);
    }
    sample(r, what) {
        const pair = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(r) ? r.value : undefined;
        const labels = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(r) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isObject */ .G)(r.metric) ? r.metric : undefined;
        const value = Array.isArray(pair) ? (0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSampleValue */ .L)(pair[1]) : undefined;
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
/* harmony export */   Bk: () => (/* binding */ selectorOf),
/* harmony export */   Df: () => (/* binding */ describeNumber),
/* harmony export */   Jn: () => (/* reexport safe */ _util_duration_js__WEBPACK_IMPORTED_MODULE_0__.a3),
/* harmony export */   L: () => (/* binding */ parseSampleValue),
/* harmony export */   Nx: () => (/* binding */ groupingLabels),
/* harmony export */   pF: () => (/* binding */ exactRegex),
/* harmony export */   sf: () => (/* binding */ mapLimit)
/* harmony export */ });
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26518);
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
/** Durations are written by the one duration module, the way PromQL and LogQL accept them. */

function describeNumber(n) {
    if (Number.isNaN(n))
        return 'NaN';
    if (n === Infinity)
        return '+Inf';
    if (n === -Infinity)
        return '-Inf';
    return String(Number(n.toPrecision(6)));
}
/** A PromQL regex matcher value that matches exactly these strings (RE2-escaped, then quoted). */
function exactRegex(values) {
    const re = values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    return JSON.stringify(re);
}


/***/ }),

/***/ 74976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ isObject),
/* harmony export */   f: () => (/* binding */ valueAt)
/* harmony export */ });
/** True for a plain object (not null, not an array): the shape checks of parsed documents. */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The value a path of keys and indexes names in parsed JSON or YAML; undefined when a step is missing. */
function valueAt(data, path) {
    let cur = data;
    for (const key of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[key];
    }
    return cur;
}


/***/ })

};
