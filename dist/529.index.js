export const id = 529;
export const ids = [529,976,45];
export const modules = {

/***/ 21530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F8: () => (/* binding */ stripBom),
/* harmony export */   lk: () => (/* binding */ parseJsonText)
/* harmony export */ });
/* unused harmony export lineColumn */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);

/** Drop a UTF-8 byte-order mark; editors on Windows add one. */
function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** 1-based line and column of a character offset. */
function lineColumn(text, offset) {
    let line = 1;
    let lineStart = 0;
    const end = Math.min(offset, text.length);
    for (let i = 0; i < end; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: end - lineStart + 1 };
}
function parseError(text) {
    try {
        JSON.parse(text);
        return undefined;
    }
    catch (err) {
        return err instanceof Error ? err.message : String(err);
    }
}
/** True when a prefix of a document fails only because it stops early. */
function failsOnlyAtEnd(prefix) {
    const message = parseError(prefix);
    if (message === undefined)
        return true;
    if (/end of (JSON|data)|Unterminated/i.test(message))
        return true;
    const pos = /position (\d+)/.exec(message);
    return pos !== null && Number(pos[1]) >= prefix.length;
}
/**
 * Offset of the first syntax error. Some V8 messages ("Unexpected token 'N', ... is not valid
 * JSON") carry no position; then the shortest prefix that fails for another reason than its end
 * is searched for (error path only).
 */
function errorOffset(text, message) {
    const pos = /position (\d+)/.exec(message);
    if (pos)
        return Number(pos[1]);
    // Point at the last character written, not past a trailing newline.
    if (/end of (JSON|data)/i.test(message) || failsOnlyAtEnd(text))
        return text.trimEnd().length;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (failsOnlyAtEnd(text.slice(0, mid + 1)))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** JSON.parse with the position of a syntax error as line and column. */
function parseJsonText(text, file, expected) {
    if (text.trim() === '') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz({ file, field: '/', expected, found: 'an empty file' });
    }
    try {
        return JSON.parse(text);
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const offset = errorOffset(text, message);
        const { line, column } = lineColumn(text, offset);
        const at = offset < text.trimEnd().length ? `the character ${JSON.stringify(text[offset])}` : 'the end of the file (the document is cut short)';
        const reason = message
            .replace(/\s*\(line \d+ column \d+\)/, '')
            .replace(/ (in JSON )?at position \d+/, '')
            .replace(/,\s*(\.\.\.)?".*$/s, '')
            // The text of the file is never quoted, whatever V8 puts in its message.
            .replace(/".*"/s, '');
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz({
            file,
            field: `line ${line}, column ${column}`,
            expected: 'valid JSON',
            found: `${at} (${reason})`
        });
    }
}


/***/ }),

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

/***/ 87529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  captureBaseline: () => (/* binding */ captureBaseline),
  loadPreviousBaseline: () => (/* binding */ loadPreviousBaseline)
});

// UNUSED EXPORTS: ERROR_RATE_ABSOLUTE_SLACK, LATENCY_QUANTILES, baselineQueries, compareWithPrevious, describeCriterion, fleetLatencyQuery, fleetQuantileOf, quantilesOf, upgradeBaseline

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/evidence/metric-names.ts
/**
 * What a metric named in the deploy evidence claims, read from the parts of its name. Names come
 * from many tools and people: `api_latency_p95`, `p95_latency_ms`, `latencyP99Seconds`,
 * "95th percentile response time", `http_5xx_ratio`, "Requests per second". Splitting on
 * separators and case changes first means `_`, `.`, `-`, spaces and camelCase all read the same.
 */
/** Lower-case parts of a name: `apiLatencyP95_ms` -> api, latency, p95, ms. */
function nameParts(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .toLowerCase()
        .replace(/\b(t?p?\d+)\.(\d+)(th)?\b/g, '$1$2$3')
        .replace(/%/g, ' percent ')
        .replace(/\b(\d+)\s*xx\b/g, '$1xx')
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
}
const ERROR = new Set(['error', 'errors', 'err', 'failure', 'failures', 'failed', 'fail', '5xx', 'fault', 'faults']);
const RATE_WORDS = new Set(['rate', 'ratio', 'percent', 'pct', 'percentage', 'fraction', 'share']);
const THROUGHPUT = new Set(['throughput', 'rps', 'qps', 'tps', 'rpm', 'traffic']);
const REQUEST = new Set(['request', 'requests', 'req', 'reqs', 'query', 'queries', 'call', 'calls', 'hits', 'transactions']);
/** Words that make a quantile about something other than latency (p95 CPU). */
const NOT_LATENCY = new Set([
    'cpu',
    'memory',
    'mem',
    'saturation',
    'utilization',
    'utilisation',
    'usage',
    'size',
    'bytes',
    'payload',
    'queue',
    'depth',
    'connections',
    'heap',
    'gc',
    'disk'
]);
const MS = new Set(['ms', 'msec', 'msecs', 'millis', 'millisecond', 'milliseconds']);
const SECONDS = new Set(['s', 'sec', 'secs', 'second', 'seconds']);
/** The quantile a part names: p95, p99.9 (as p999), 95th, tp99, median. */
function quantileOf(parts) {
    for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        if (p === 'median')
            return { quantile: 0.5, label: 'p50' };
        const m = /^t?p(\d{2,4})$/.exec(p) ?? /^(\d{2,4})(th)?$/.exec(p);
        if (!m)
            continue;
        const digits = m[1];
        // "95th percentile", "95 percentile", "p95": a bare number needs the word.
        if (!p.startsWith('p') && !p.startsWith('tp') && !/^(percentile|pct|quantile|centile)$/.test(parts[i + 1] ?? '') && !p.endsWith('th'))
            continue;
        // p99 and p999 (99.9th) alike: digits after the first two are decimals.
        const q = Number(`0.${digits}`);
        if (q > 0 && q < 1)
            return { quantile: q, label: `p${digits}` };
    }
    return undefined;
}
/** What claim a metric name makes, if any. `unit` is the unit written with the value (`250ms`, `0.4%`). */
function classifyMetricName(name, unit) {
    const parts = nameParts(name);
    const has = (set) => parts.some((p) => set.has(p));
    const u = (unit ?? '').trim().toLowerCase();
    const q = quantileOf(parts);
    const error = has(ERROR);
    const perMinute = parts.includes('rpm') ||
        /\b(per|a|\/)\s*min(ute)?\b/.test(name.toLowerCase()) ||
        (parts.includes('per') && parts.includes('minute')) ||
        /\/\s*min|rpm/.test(u);
    if (q && !error && !has(THROUGHPUT) && !has(NOT_LATENCY)) {
        const named = parts.find((p) => MS.has(p) || SECONDS.has(p));
        return { kind: 'latency', ...q, ...(named ? { unit: MS.has(named) ? 'ms' : 's' } : {}) };
    }
    if (error && !parts.includes('budget') && (has(RATE_WORDS) || u === '%')) {
        const fraction = (parts.includes('ratio') || parts.includes('fraction')) && u !== '%' && !parts.includes('percent');
        return { kind: 'error_rate', unit: fraction ? 'fraction' : '%' };
    }
    if (error)
        return undefined;
    const perSecond = parts.includes('per') && (parts.includes('second') || parts.includes('sec') || parts.includes('s'));
    if (has(THROUGHPUT) ||
        (has(REQUEST) && (perSecond || perMinute || parts.includes('rate') || /\/\s*(s|sec|second|min|minute)\b/.test(name.toLowerCase())))) {
        return { kind: 'throughput', per: perMinute ? 'minute' : 'second' };
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/json.ts
var json = __webpack_require__(74976);
// EXTERNAL MODULE: ./src/util/utf8.ts
var utf8 = __webpack_require__(19605);
// EXTERNAL MODULE: ./src/evidence/text.ts
var evidence_text = __webpack_require__(21530);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(26518);
// EXTERNAL MODULE: ./src/telemetry/coverage.ts
var telemetry_coverage = __webpack_require__(9793);
// EXTERNAL MODULE: ./src/stats/run-stats.ts
var run_stats = __webpack_require__(46968);
// EXTERNAL MODULE: ./src/telemetry/prometheus/client.ts
var prometheus_client = __webpack_require__(80045);
// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
;// CONCATENATED MODULE: ./src/telemetry/histogram.ts
/**
 * A quantile of a classic histogram's buckets, computed as Prometheus's `histogram_quantile`
 * computes it (promql/quantile.go, bucketQuantile): buckets sorted by `le` and merged where `le`
 * repeats, counts made monotonic, linear interpolation inside the bucket the rank falls in, the
 * lowest bucket starting at 0 (or at its bound when that is not positive), the second-highest
 * bound for a rank in the +Inf bucket, NaN without a +Inf bucket, with fewer than two buckets or
 * with no observation. The baseline asks the bucket rates once and reads each quantile from them.
 */
/** `le` as Prometheus's strconv.ParseFloat reads it; undefined for a value it would refuse. */
function upperBound(le) {
    const t = le.trim();
    if (/^[+]?inf(inity)?$/i.test(t))
        return Number.POSITIVE_INFINITY;
    if (/^-inf(inity)?$/i.test(t))
        return Number.NEGATIVE_INFINITY;
    if (/^nan$/i.test(t))
        return Number.NaN;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) && !/^[+-]?0[xX][0-9a-fA-F]+$/.test(t))
        return undefined;
    const v = Number(t);
    return Number.isNaN(v) ? undefined : v;
}
function histogramQuantile(q, buckets) {
    if (Number.isNaN(q))
        return Number.NaN;
    if (q < 0)
        return Number.NEGATIVE_INFINITY;
    if (q > 1)
        return Number.POSITIVE_INFINITY;
    const sorted = buckets
        .flatMap((b) => {
        const ub = upperBound(b.le);
        return ub === undefined ? [] : [{ ub, count: b.count }];
    })
        .sort((a, b) => a.ub - b.ub);
    if (sorted.length === 0 || sorted.at(-1).ub !== Number.POSITIVE_INFINITY)
        return Number.NaN;
    // Buckets of the same bound (several series summed into one `le`) are one bucket.
    const bs = [];
    for (const b of sorted) {
        const last = bs.at(-1);
        if (last && last.ub === b.ub)
            last.count += b.count;
        else
            bs.push({ ...b });
    }
    // A count below an earlier one (a reset between the buckets' scrapes) is raised to it.
    let max = Number.NEGATIVE_INFINITY;
    for (const b of bs) {
        if (b.count > max)
            max = b.count;
        else if (b.count < max)
            b.count = max;
    }
    if (bs.length < 2)
        return Number.NaN;
    const observations = bs.at(-1).count;
    if (observations === 0)
        return Number.NaN;
    let rank = q * observations;
    // The first bucket whose count reaches the rank, among all but the +Inf one.
    let b = 0;
    while (b < bs.length - 1 && !(bs[b].count >= rank))
        b++;
    if (b === bs.length - 1)
        return bs[bs.length - 2].ub;
    if (b === 0 && bs[0].ub <= 0)
        return bs[0].ub;
    let start = 0;
    const end = bs[b].ub;
    let count = bs[b].count;
    if (b > 0) {
        start = bs[b - 1].ub;
        count -= bs[b - 1].count;
        rank -= bs[b - 1].count;
    }
    return start + (end - start) * (rank / count);
}

// EXTERNAL MODULE: ./src/artifacts/files.ts
var files = __webpack_require__(86404);
// EXTERNAL MODULE: ./src/package/schemas.ts + 2 modules
var schemas = __webpack_require__(46616);
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
    const buckets = `sum by (${group}, le) (rate(http_request_duration_seconds_bucket[${window}]))`;
    for (const { metric, quantile } of LATENCY_QUANTILES) {
        if (b['latency-query'])
            out.push({ metric, unit: 'seconds', query: fill(b['latency-query'], { ...vars, quantile }) });
        else
            out.push({
                metric,
                unit: 'seconds',
                query: `histogram_quantile(${quantile}, ${buckets})`,
                fromBuckets: { quantile: Number(quantile), buckets }
            });
    }
    for (const [metric, query] of Object.entries(b.queries))
        out.push({ metric, query: fill(query, vars) });
    return out;
}
/**
 * What is read from the bucket rates; when the backend would not send them in one answer (over
 * the response cap, or refused), the quantile's own query asked as written, whose answer is a
 * sample a histogram rather than one a bucket.
 */
function fromBucketsOr(rates, read, ask) {
    return rates.then(read, (err) => ((0,util_errors/* smallerMayAnswer */.WT)(err) ? ask() : Promise.reject(err)));
}
/** Histograms of one answer to the bucket rates: every quantile reads the same answer. */
const histogramsOfAnswer = new WeakMap();
/** The histograms among bucket samples: samples grouped by their labels but `le` (and the name). */
function histogramsOf(samples) {
    const known = histogramsOfAnswer.get(samples);
    if (known)
        return known;
    const groups = new Map();
    for (const s of samples) {
        const le = s.labels.le;
        // histogram_quantile ignores a sample without `le`.
        if (le === undefined)
            continue;
        const names = Object.keys(s.labels)
            .filter((k) => k !== 'le' && k !== '__name__')
            .sort(order/* byText */.z);
        let key = '';
        for (const n of names)
            key += `${JSON.stringify(n)}:${JSON.stringify(s.labels[n])},`;
        let g = groups.get(key);
        if (!g) {
            const labels = {};
            for (const n of names)
                labels[n] = s.labels[n];
            groups.set(key, (g = { labels, buckets: [] }));
        }
        g.buckets.push({ le, count: s.value });
    }
    const out = [...groups.values()];
    histogramsOfAnswer.set(samples, out);
    return out;
}
/** Each histogram among bucket samples (their labels but `le`), and its quantile q. */
function quantilesOf(samples, q) {
    return histogramsOf(samples).map((g) => ({ labels: g.labels, value: histogramQuantile(q, g.buckets) }));
}
/** Whether a query averages over the baseline window (`rate(x[30m])`), so that an empty part of the window dilutes it. */
function overWindow(query, window) {
    return query.includes(`[${window}]`) || query.includes(`[${window}:`);
}
function prometheusBackend(config) {
    if (config.baseline.backend)
        return config.baseline.backend;
    const names = Object.entries(config.backends)
        .filter(([, b]) => b.type === 'prometheus')
        .map(([n]) => n);
    return names[0];
}
/**
 * Phase 1, step 3: request rate, error ratio, latency quantiles and the configured SLIs for every
 * service over `baseline.window` ending now, each value with the query that produced it and the
 * range its data covers. Rates are over the covered range (a service 30 s old is not diluted over
 * 30 minutes); below the minimum coverage or requests a value is `insufficient_data`. The
 * deploy's own numbers are checked against measured values only, fleet-wide quantiles against the
 * fleet's summed histogram.
 */
async function captureBaseline(ctx, previous, opts = {}) {
    const now = ctx.now();
    const measuredAt = now.toISOString();
    const services = ctx.model.services;
    const groupBy = (0,vector/* groupingLabels */.Nx)(services, ctx.model.serviceLabel);
    const queries = baselineQueries(ctx.config, groupBy);
    const window = ctx.config.baseline.window;
    const windowSeconds = (0,duration/* durationSeconds */.o8)(window);
    const values = new Map(services.map((s) => [s.name, []]));
    const coverages = new Map();
    let notVerifiedReason;
    let client;
    /** The bucket rates by service the default quantiles were read from: the fleet claims sum them. */
    let bucketRates;
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
                values.get(s.name).push({
                    metric: q.metric,
                    value: null,
                    ...(q.unit ? { unit: q.unit } : {}),
                    query: q.query,
                    measured_at: measuredAt,
                    verdict: 'not_verified',
                    reason: notVerifiedReason
                });
        }
    }
    else {
        let clientError;
        try {
            client = new prometheus_client.PrometheusClient(backendName, backend, ctx.env, ctx.log, opts);
        }
        catch (err) {
            clientError = err.message;
        }
        const match = (0,vector/* serviceMatcher */.AG)(services, ctx.model.serviceLabel);
        const rule = (0,telemetry_coverage/* sufficiencyRule */.x2)(ctx.config, 'baseline', windowSeconds);
        // The request counter(s) the rate query reads say how much of the window has data.
        const rateQuery = queries.find((q) => q.metric === 'request_rate').query;
        const selectors = (0,telemetry_coverage/* selectorsOf */.Yv)(rateQuery);
        const coverageQuery = (0,telemetry_coverage/* coverageExpression */.HP)(selectors, windowSeconds, groupBy, { fineApart: true });
        const coverageRun = (async () => {
            if (!client)
                return { error: clientError ?? 'no client' };
            if (selectors.length === 0)
                return { error: `no series selector in the request-rate query ${rateQuery}` };
            const rows = new Map();
            const fold = (samples) => {
                for (const sample of samples) {
                    const s = match(sample.labels);
                    if (!s)
                        continue;
                    const row = rows.get(s.name) ?? {};
                    rows.set(s.name, row);
                    (0,telemetry_coverage/* addCoverageSample */.qk)(row, sample.labels[telemetry_coverage/* PART_LABEL */.ZK], sample.value);
                }
            };
            try {
                fold((await client.instantQuery(coverageQuery, now)).samples);
                // Only services whose data starts inside the window need their first sample to the second.
                const young = services.filter((s) => rows.has(s.name) && (0,telemetry_coverage/* needsFineFirst */.kX)(rows.get(s.name), windowSeconds, now.getTime() / 1000));
                if (young.length === 0)
                    return { rows, young: new Set() };
                const values = young.map((s) => (0,vector/* selectorOf */.Bk)(s, ctx.model.serviceLabel)[groupBy[0]]);
                const only = young.length <= telemetry_coverage/* FINE_NARROW_MAX */.q2 && values.every((v) => v !== undefined) ? values : undefined;
                // Coarse steps first: each young service's first sample lies within a step before its
                // first step with data, so the fine query reaches back only to the earliest of them.
                const bound = (0,telemetry_coverage/* youngStartExpression */.zk)(selectors, windowSeconds, groupBy, only);
                if (bound.query)
                    fold((await client.instantQuery(bound.query, now)).samples);
                // ... and only as far as the latest of those first steps: every young service has its first
                // sample by then, so the steps after it cannot change a minimum.
                const starts = young.map((s) => rows.get(s.name).first);
                const known = starts.every((t) => t !== undefined);
                const earliest = known ? starts.reduce((a, b) => Math.min(a, b)) : undefined;
                const latest = known ? starts.reduce((a, b) => Math.max(a, b)) : undefined;
                const nowSeconds = now.getTime() / 1000;
                const offset = latest !== undefined ? Math.max(0, Math.floor(nowSeconds - latest)) : 0;
                const range = earliest !== undefined ? nowSeconds - offset - earliest + bound.stepSeconds + 1 : undefined;
                const fine = (0,telemetry_coverage/* fineFirstExpression */.rs)(selectors, windowSeconds, groupBy, only, range, offset);
                fold((await client.instantQuery(fine, now)).samples);
                return { rows, fineQuery: [bound.query, fine].filter(Boolean).join('\n# then\n'), young: new Set(young.map((s) => s.name)) };
            }
            catch (err) {
                return { error: err.message };
            }
        })();
        // The three default quantiles read the same bucket rates: asked once, each quantile computed
        // from that answer as histogram_quantile computes it.
        const answerOf = (q) => {
            const ask = () => client.instantQuery(q.query, now).then((r) => r.samples);
            if (!q.fromBuckets)
                return ask();
            const { buckets, quantile } = q.fromBuckets;
            bucketRates ??= client.instantQuery(buckets, now).then((r) => r.samples);
            return fromBucketsOr(bucketRates, (rates) => quantilesOf(rates, quantile), ask);
        };
        const answers = await Promise.all(queries.map(async (q) => {
            const found = new Map();
            if (!client)
                return { q, found, error: clientError };
            try {
                for (const sample of await answerOf(q)) {
                    const s = match(sample.labels);
                    if (s)
                        found.set(s.name, [...(found.get(s.name) ?? []), sample.value]);
                }
                return { q, found };
            }
            catch (err) {
                return { q, found, error: err.message };
            }
        }));
        const cov = await coverageRun;
        const liveSeconds = Math.max(300, (0,duration/* durationSeconds */.o8)(ctx.config.freshness));
        for (const s of services) {
            const coverage = 'rows' in cov
                ? (0,telemetry_coverage/* coverageOf */._5)(cov.rows.get(s.name), {
                    now,
                    window,
                    rule,
                    query: cov.fineQuery && cov.young.has(s.name)
                        ? `${coverageQuery}\n# then the first sample inside the window:\n${cov.fineQuery}`
                        : coverageQuery,
                    liveSeconds,
                    countsRequests: selectors.some(telemetry_coverage/* isCounterSelector */.K7)
                })
                : undefined;
            if (coverage)
                coverages.set(s.name, coverage);
            for (const { q, found, error } of answers) {
                const base = { metric: q.metric, ...(q.unit ? { unit: q.unit } : {}), query: q.query, measured_at: measuredAt };
                const vs = found.get(s.name) ?? [];
                let v;
                if (error)
                    v = { ...base, value: null, verdict: 'error', reason: error };
                else if (vs.length === 0)
                    v = { ...base, value: null, verdict: 'fail', reason: `no data for this service in the last ${window}` };
                else if (vs.length > 1)
                    v = {
                        ...base,
                        value: null,
                        verdict: 'fail',
                        reason: `${vs.length} series matched this service; the query must give one per service`
                    };
                else if (!Number.isFinite(vs[0])) {
                    v = {
                        ...base,
                        value: null,
                        verdict: 'fail',
                        reason: `value ${(0,vector/* describeNumber */.Df)(vs[0])}${q.metric === 'error_ratio' || q.metric.startsWith('latency_') ? ' (no requests in the window)' : ''}`
                    };
                }
                else if (!coverage) {
                    v = {
                        ...base,
                        value: null,
                        window_value: vs[0],
                        verdict: 'error',
                        reason: `the range the data covers could not be measured (${'error' in cov ? cov.error : 'no answer'}), so the value cannot be shown undiluted`
                    };
                }
                else {
                    const raw = vs[0];
                    // A rate over the window is the covered range's rate diluted by the empty rest: undo that.
                    const rescale = q.unit === 'requests/s' && overWindow(q.query, window) && coverage.seconds > 0 && coverage.seconds < windowSeconds;
                    const value = rescale ? (raw * windowSeconds) / coverage.seconds : raw;
                    const over = rescale
                        ? `over the ${(0,vector/* promDuration */.Jn)(coverage.seconds)} the data covers (the query over ${window} gives ${(0,vector/* describeNumber */.Df)(Number(raw.toPrecision(6)))})`
                        : `over ${window}`;
                    v = coverage.sufficient
                        ? { ...base, value, ...(rescale ? { window_value: raw } : {}), verdict: 'pass', reason: over }
                        : {
                            ...base,
                            value,
                            ...(rescale ? { window_value: raw } : {}),
                            verdict: 'insufficient_data',
                            reason: `insufficient data: ${(0,telemetry_coverage/* describeCoverage */.KZ)(coverage)}; ${(0,vector/* describeNumber */.Df)(Number(value.toPrecision(6)))} ${over}`
                        };
                }
                values.get(s.name).push(v);
            }
        }
    }
    const order = new Map(queries.map((q, i) => [q.metric, i]));
    const byService = services.map((s) => ({
        service: s.name,
        metrics: values.get(s.name).sort((a, b) => (order.get(a.metric) ?? 0) - (order.get(b.metric) ?? 0)),
        ...(coverages.has(s.name) ? { coverage: coverages.get(s.name) } : {})
    }));
    const claims = await (0,run_stats/* inPhase */.xe)('claims', () => checkClaims(ctx, services, byService, { client, groupBy, now, notVerifiedReason, bucketRates }));
    const result = {
        schema_version: files/* SCHEMA_VERSIONS */.o8.baselineMetrics,
        captured_at: measuredAt,
        window,
        environment: ctx.model.environment,
        services: byService,
        claims,
        requests: client?.requests ?? 0
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
function claimFrom(source, what, value, writtenUnit, service) {
    if (!what || !Number.isFinite(value))
        return undefined;
    const u = (writtenUnit ?? '').trim().toLowerCase();
    const svc = service ? { service } : {};
    if (what.kind === 'latency') {
        const unit = /^(s|sec|secs|seconds?)$/.test(u) ? 's' : /^(ms|msec|millis|milliseconds?)$/.test(u) ? 'ms' : (what.unit ?? 'ms');
        return { source, what, claimed: value, unit, ...svc };
    }
    if (what.kind === 'error_rate')
        return { source, what, claimed: value, unit: u === '%' ? '%' : what.unit, ...svc };
    return { source, what, claimed: what.per === 'minute' ? value / 60 : value, unit: 'rps', ...svc };
}
/** Which claim a metrics_snapshot key makes. Latency in ms unless the name says seconds, error_rate in percent, error_ratio a fraction. */
function snapshotClaim(key, value) {
    return claimFrom(`post-deployment-validation.json metrics_snapshot.${key}`, classifyMetricName(key), value, undefined);
}
/** Which claim a health-log metric row makes, from its name and unit; rows naming a service are about that service. */
function healthRowClaim(row, services) {
    if (row.numeric_value === undefined)
        return undefined;
    const parts = nameParts(row.name);
    const service = services.find((s) => {
        const want = nameParts(s.name);
        return want.length > 0 && parts.some((_, i) => want.every((w, j) => parts[i + j] === w));
    })?.name;
    return claimFrom(`deployment-health-log.md metric "${row.name}"`, classifyMetricName(row.name, row.unit), row.numeric_value, row.unit, service);
}
/** A value measured for the service (pass, or measured over too little data). */
const measuredValue = (svc, metric) => {
    const v = svc.metrics.find((m) => m.metric === metric);
    return v && (v.verdict === 'pass' || v.verdict === 'insufficient_data') && v.value !== null && Number.isFinite(v.value) ? v : undefined;
};
/** The coverage of several services together: the earliest start, the newest sample, all requests. */
function fleetCoverage(measured, rule, now, window, liveSeconds) {
    const covs = measured.map((m) => m.coverage).filter((c) => !!c);
    if (covs.length === 0)
        return undefined;
    const row = {};
    for (const c of covs) {
        if (c.from)
            row.first = Math.min(row.first ?? Infinity, Date.parse(c.from) / 1000);
        if (c.to)
            row.newest = Math.max(row.newest ?? -Infinity, Date.parse(c.to) / 1000);
        if (typeof c.requests === 'number')
            row.events = (row.events ?? 0) + c.requests;
    }
    const counts = covs.some((c) => c.requests !== undefined);
    return (0,telemetry_coverage/* coverageOf */._5)(row, { now, window, rule, query: covs[0].query, liveSeconds, countsRequests: counts });
}
/** The services' values of the label the fleet quantile selects them by; undefined (every series) when one has none. */
function fleetValues(services, serviceLabel) {
    const values = services.map((s) => (0,vector/* selectorOf */.Bk)(s, serviceLabel)[serviceLabel]);
    return values.length > 0 && values.every((v) => v !== undefined) ? new Set(values) : undefined;
}
/** The fleet quantile query: the histogram summed over the release's services, then the quantile; one query per quantile. */
function fleetLatencyQuery(config, services, serviceLabel, quantile) {
    const window = config.baseline.window;
    const override = config.baseline['latency-query'];
    if (override) {
        const ungrouped = override
            .replace(/\$group\s*,\s*/g, '')
            .replace(/,\s*\$group/g, '')
            .replace(/\$group/g, '');
        return fill(ungrouped, { window, quantile: String(quantile) });
    }
    const values = fleetValues(services, serviceLabel);
    const matcher = values ? `{${serviceLabel}=~${(0,vector/* exactRegex */.pF)([...values])}}` : '';
    return `histogram_quantile(${quantile}, sum by (le) (rate(http_request_duration_seconds_bucket${matcher}[${window}])))`;
}
/**
 * The fleet quantile from the services' bucket rates, as `fleetLatencyQuery` asks it: the buckets
 * of the release's services summed by `le` (of every service when one has no value of the label),
 * then the quantile; no sample when no bucket is theirs, as the query answers nothing then.
 */
function fleetQuantileOf(rates, services, serviceLabel, quantile) {
    const only = fleetValues(services, serviceLabel);
    const byLe = new Map();
    for (const r of rates) {
        const le = r.labels.le;
        if (le === undefined || (only && !only.has(r.labels[serviceLabel] ?? '')))
            continue;
        byLe.set(le, (byLe.get(le) ?? 0) + r.value);
    }
    if (byLe.size === 0)
        return [];
    return [
        {
            labels: {},
            value: histogramQuantile(quantile, [...byLe].map(([le, count]) => ({ le, count })))
        }
    ];
}
/**
 * Check each claim against live values only: the observed value is always a measurement, never
 * the claim. Fleet-wide claims (the snapshot names no service):
 * - latency quantiles: the fleet quantile from the histogram summed over the services (a quantile
 *   of the whole cannot be read off the per-service quantiles);
 * - throughput: the sum of the services' request rates, each over the range its data covers;
 * - error rate: all errors over all requests (each service's ratio weighted by its traffic).
 */
async function checkClaims(ctx, services, measured, io) {
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
    const window = ctx.config.baseline.window;
    const rule = (0,telemetry_coverage/* sufficiencyRule */.x2)(ctx.config, 'claims', (0,duration/* durationSeconds */.o8)(window));
    const liveSeconds = Math.max(300, (0,duration/* durationSeconds */.o8)(ctx.config.freshness));
    // One fleet query per claimed quantile, whatever the number of services.
    const fleetQuantiles = new Map();
    const fleet = (quantile) => {
        let p = fleetQuantiles.get(quantile);
        if (!p) {
            const query = fleetLatencyQuery(ctx.config, services, ctx.model.serviceLabel, quantile);
            p = (async () => {
                if (!io.client)
                    return { query, error: io.notVerifiedReason ?? 'no Prometheus client' };
                try {
                    const ask = () => io.client.instantQuery(query, io.now).then((r) => r.samples);
                    // The default quantiles' bucket rates (set only without a latency-query) hold the fleet's.
                    const r = {
                        samples: io.bucketRates
                            ? await fromBucketsOr(io.bucketRates, (rates) => fleetQuantileOf(rates, services, ctx.model.serviceLabel, quantile), ask)
                            : await ask()
                    };
                    if (r.samples.length !== 1)
                        return {
                            query,
                            error: r.samples.length === 0
                                ? 'the fleet quantile query returned no data'
                                : `the fleet quantile query returned ${r.samples.length} series, expected one`
                        };
                    return { query, value: r.samples[0].value };
                }
                catch (err) {
                    return { query, error: err.message };
                }
            })();
            fleetQuantiles.set(quantile, p);
        }
        return p;
    };
    const tolerance = ctx.config.baseline['claim-tolerance-percent'];
    return Promise.all(claims.map(async (c) => {
        const scope = c.service ? measured.filter((m) => m.service === c.service) : measured;
        const coverage = fleetCoverage(scope, rule, io.now, window, liveSeconds);
        const fleetValue = !c.service && c.what.kind === 'latency' ? await fleet(c.what.quantile) : undefined;
        return judgeClaim(c, scope, { tolerance, coverage, fleet: fleetValue });
    }));
}
const fmt = (n) => (0,vector/* describeNumber */.Df)(Number(n.toPrecision(4)));
function judgeClaim(c, measured, args) {
    const { tolerance, coverage } = args;
    const scope = c.service ? c.service : measured.length === 1 ? measured[0].service : `${measured.length} services`;
    const base = { source: c.source, claimed: c.claimed, tolerance_percent: tolerance, ...(coverage ? { coverage } : {}) };
    const cannot = (metric, query, against, why) => ({
        ...base,
        metric,
        observed: null,
        checked_against: against,
        query,
        verdict: 'error',
        reason: `cannot check: ${why}`
    });
    /** The verdict once a live value is in hand: insufficient data decides before the comparison. */
    const decide = (metric, query, against, observed, within, said, live, off) => {
        const common = { ...base, metric, observed: Number(observed.toPrecision(6)), checked_against: against, query };
        if (coverage && !coverage.sufficient)
            return {
                ...common,
                verdict: 'insufficient_data',
                reason: `${said}; ${live}; insufficient data to judge: ${(0,telemetry_coverage/* describeCoverage */.KZ)(coverage)}`
            };
        if (!coverage)
            return { ...common, verdict: 'error', reason: `${said}; ${live}; the range the data covers is unknown, so the claim is not judged` };
        return within
            ? { ...common, verdict: 'pass', reason: `${said}; ${live}: consistent within ${tolerance}%` }
            : { ...common, verdict: 'fail', reason: `${said}; ${live}: ${off}` };
    };
    const deviationOf = (claimed, observed) => observed === 0 ? (claimed === 0 ? 0 : Infinity) : (Math.abs(claimed - observed) / observed) * 100;
    if (c.what.kind === 'latency') {
        const { label, quantile } = c.what;
        const metric = `latency_${label}`;
        const toMs = c.unit === 's' ? 1000 : 1;
        const claimedMs = c.claimed * toMs;
        const said = `the deploy said ${label} ${fmt(claimedMs)} ms`;
        let observedMs;
        let query;
        let against;
        let live;
        if (args.fleet) {
            query = args.fleet.query;
            against = `fleet ${label} from the histogram summed over ${scope}`;
            if (args.fleet.value === undefined || !Number.isFinite(args.fleet.value))
                return cannot(metric, query, against, args.fleet.error ?? `fleet ${label} is ${(0,vector/* describeNumber */.Df)(args.fleet.value ?? NaN)} (no requests in the window)`);
            observedMs = args.fleet.value * 1000;
            live = `Prometheus says fleet ${label} ${fmt(observedMs)} ms (histogram summed over ${scope})`;
        }
        else {
            const v = measured[0] ? measuredValue(measured[0], metric) : undefined;
            query = v?.query ?? '-';
            against = `${scope} ${label}`;
            if (!LATENCY_QUANTILES.some((l) => Number(l.quantile) === quantile))
                return cannot(metric, query, against, `the baseline measures p50, p95 and p99 per service, not ${label}`);
            if (!v)
                return cannot(metric, query, against, `no live ${label} latency for ${scope}`);
            observedMs = v.value * 1000;
            live = `Prometheus says ${fmt(observedMs)} ms (${scope})`;
        }
        const deviation = deviationOf(claimedMs, observedMs);
        return decide(metric, query, against, observedMs / toMs, deviation <= tolerance, said, live, `off by ${fmt(deviation)}%, more than ${tolerance}%`);
    }
    const rateOf = (m) => measuredValue(m, 'request_rate');
    const rates = measured.map((m) => ({ m, rate: rateOf(m) })).filter((x) => !!x.rate);
    const rateQuery = rates[0]?.rate.query ?? measured[0]?.metrics.find((v) => v.metric === 'request_rate')?.query ?? '-';
    if (c.what.kind === 'error_rate') {
        let errors = 0;
        let total = 0;
        for (const { m, rate } of rates) {
            const ratio = measuredValue(m, 'error_ratio');
            total += rate.value;
            errors += ratio ? ratio.value * rate.value : 0;
        }
        const ratioQuery = measured[0]?.metrics.find((v) => v.metric === 'error_ratio')?.query ?? '-';
        const query = `${ratioQuery} weighted by ${rateQuery}`;
        const against = `errors over requests across ${scope}`;
        if (!(total > 0))
            return cannot('error_ratio', query, against, `no live traffic for ${scope}`);
        const observedFraction = errors / total;
        const claimedFraction = c.unit === '%' ? c.claimed / 100 : c.claimed;
        const deviation = deviationOf(claimedFraction, observedFraction);
        const within = Math.abs(claimedFraction - observedFraction) <= ERROR_RATE_ABSOLUTE_SLACK || deviation <= tolerance;
        const reading = c.unit === '%' ? 'read as a percent' : 'read as a fraction';
        const said = `the deploy said error rate ${fmt(claimedFraction * 100)}% (${fmt(c.claimed)}, ${reading})`;
        const live = `Prometheus says ${fmt(observedFraction * 100)}% (errors over requests across ${scope})`;
        const observed = c.unit === '%' ? observedFraction * 100 : observedFraction;
        return decide('error_ratio', query, against, observed, within, said, live, `off by ${fmt(deviation)}%, more than ${tolerance}%`);
    }
    const against = `request rate summed over ${scope}, each over the range its data covers`;
    if (rates.length === 0)
        return cannot('request_rate', rateQuery, against, `no live request rate for ${scope}`);
    const observed = rates.reduce((a, r) => a + r.rate.value, 0);
    const deviation = deviationOf(c.claimed, observed);
    const said = `the deploy said throughput ${fmt(c.claimed)} requests/s`;
    const live = `Prometheus says ${fmt(observed)} requests/s (sum over ${scope})`;
    return decide('request_rate', rateQuery, against, observed, deviation <= tolerance, said, live, `off by ${fmt(deviation)}%, more than ${tolerance}%`);
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
            out.push({
                ...base,
                verdict,
                reason: `${shown}: ${why.length ? why.join('; ') : `${rise}, within ${criterion.replace(`${c.metric} `, '')}`}`
            });
        }
    }
    return out;
}
/** A previous baseline is a few KiB; anything far bigger is not one. */
const PREVIOUS_BASELINE_MAX_BYTES = 16 * 1024 * 1024;
/** Keys that version 1 of baseline-metrics.json wrote in camelCase, and their names since version 2. */
const BASELINE_V1_KEYS = {
    measuredAt: 'measured_at',
    windowValue: 'window_value',
    tolerancePercent: 'tolerance_percent'
};
/**
 * A baseline written before `schema_version` existed (version 1) read as the current version: its
 * camelCase keys renamed, nothing else changed. A previous release's package still compares.
 */
function upgradeBaseline(data) {
    if (!(0,json/* isObject */.G)(data) || data.schema_version !== undefined)
        return data;
    const rename = (v) => (0,json/* isObject */.G)(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [BASELINE_V1_KEYS[k] ?? k, x])) : v;
    const services = Array.isArray(data.services)
        ? data.services.map((s) => ((0,json/* isObject */.G)(s) && Array.isArray(s.metrics) ? { ...s, metrics: s.metrics.map(rename) } : s))
        : data.services;
    const claims = Array.isArray(data.claims) ? data.claims.map(rename) : data.claims;
    return { schema_version: files/* SCHEMA_VERSIONS */.o8.baselineMetrics, ...data, services, claims };
}
/** Read a previous release's `baseline-metrics.json` (config `baseline.previous.file`) and check it against the schema. */
async function loadPreviousBaseline(file) {
    let bytes;
    try {
        const st = await (0,promises_.stat)(file);
        if (!st.isFile())
            throw Object.assign(new Error('not a file'), { code: st.isDirectory() ? 'EISDIR' : 'ENOTFILE' });
        if (st.size > PREVIOUS_BASELINE_MAX_BYTES)
            throw Object.assign(new Error('too big'), { code: 'EFBIG' });
        bytes = await (0,promises_.readFile)(file);
    }
    catch (err) {
        const code = err.code;
        throw new util_errors/* InputError */.dz({
            file,
            expected: 'a baseline-metrics.json from a previous run',
            found: code === 'ENOENT'
                ? 'no such file'
                : code === 'EFBIG'
                    ? `a file over ${PREVIOUS_BASELINE_MAX_BYTES} bytes`
                    : `an unreadable file (${code ?? String(err)})`
        });
    }
    // Strict UTF-8, and a JSON error that says where, never what the file holds.
    const data = upgradeBaseline((0,evidence_text/* parseJsonText */.lk)((0,utf8/* decodeUtf8 */._)(bytes, file), file, 'a baseline-metrics.json from a previous run'));
    const { errors } = (0,schemas/* validateAgainst */.sq)(files/* SCHEMA_FILES */.cU.baselineMetrics, data);
    if (errors.length > 0) {
        throw new util_errors/* InputError */.dz({
            file,
            field: errors[0].split(' ')[0],
            expected: `a document matching schemas/${files/* SCHEMA_FILES */.cU.baselineMetrics}`,
            found: `${errors.length} problem(s): ${errors.slice(0, 3).join('; ')}`
        });
    }
    return data;
}


/***/ }),

/***/ 9793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HP: () => (/* binding */ coverageExpression),
/* harmony export */   K7: () => (/* binding */ isCounterSelector),
/* harmony export */   KZ: () => (/* binding */ describeCoverage),
/* harmony export */   Yv: () => (/* binding */ selectorsOf),
/* harmony export */   ZK: () => (/* binding */ PART_LABEL),
/* harmony export */   _5: () => (/* binding */ coverageOf),
/* harmony export */   kX: () => (/* binding */ needsFineFirst),
/* harmony export */   q2: () => (/* binding */ FINE_NARROW_MAX),
/* harmony export */   qk: () => (/* binding */ addCoverageSample),
/* harmony export */   rs: () => (/* binding */ fineFirstExpression),
/* harmony export */   x2: () => (/* binding */ sufficiencyRule),
/* harmony export */   zk: () => (/* binding */ youngStartExpression)
/* harmony export */ });
/* unused harmony export humanDuration */
/* harmony import */ var _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86828);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26518);
/* harmony import */ var _vector_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52880);
/**
 * How much of a window the data really covers. A rate over 30 minutes of a service that has
 * existed for 30 seconds is diluted sixty-fold, and a 30-day attainment from one minute of data
 * says nothing: every windowed figure records the range its data covers, is computed over that
 * range, and is `insufficient_data` below a minimum coverage (time) or a minimum of requests.
 */



/** Label that tells the parts of a combined query apart (as in the coverage query of the audit). */
const PART_LABEL = 'sre_part';
/** Minimums for a criterion over a window: a thirtieth of the window (a day for 30 days) unless configured. */
function sufficiencyRule(config, criterion, windowSeconds) {
    const s = config.sufficiency;
    const c = s.criteria[criterion] ?? {};
    const minCoverage = c['min-coverage'] ?? s['min-coverage'];
    const minPercent = c['min-coverage-percent'] ?? s['min-coverage-percent'];
    const minimumSeconds = minCoverage !== undefined
        ? (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .durationSeconds */ .o8)(minCoverage)
        : minPercent !== undefined
            ? (windowSeconds * minPercent) / 100
            : windowSeconds / 30;
    return {
        minimumSeconds: Math.min(minimumSeconds, windowSeconds),
        minimumRequests: c['min-requests'] ?? s['min-requests'],
        informational: c.informational ?? false
    };
}
/** The series selectors a PromQL expression reads (`http_requests_total{code=~"5.."}`), in order, once each. */
function selectorsOf(query) {
    const out = [];
    const cursor = _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__/* .parser */ .K3D.parse(query).cursor();
    do {
        if (cursor.name === 'VectorSelector') {
            const text = query.slice(cursor.from, cursor.to).trim();
            if (text && !out.includes(text))
                out.push(text);
        }
    } while (cursor.next());
    return out;
}
/** Counters (and histogram counts) have a request count over a window; gauges and recorded rates do not. */
function isCounterSelector(selector) {
    const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(selector)?.[0] ?? /__name__\s*=\s*"([^"]+)"/.exec(selector)?.[1] ?? '';
    return /(_total|_count|_bucket)$/.test(name);
}
/** Past an hour, the coverage query's coarse steps: a thousandth of the window. */
const coarseStepOf = (windowSeconds) => Math.max(1, Math.ceil(windowSeconds / 1000));
/** The fine window for the first sample: the window, up to its last hour. */
const fineRangeOf = (windowSeconds) => Math.min(windowSeconds, 3600);
/** The fine subquery's range (the fine window, or less) and step: at most 1,800 steps, a second apart up to half an hour. */
const fineSubquery = (windowSeconds, rangeSeconds = fineRangeOf(windowSeconds)) => {
    const range = Math.max(1, Math.min(Math.ceil(rangeSeconds), fineRangeOf(windowSeconds)));
    return `[${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(range)}:${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(Math.max(1, Math.ceil(range / 1800)))}]`;
};
/**
 * One PromQL expression giving, per group, the first sample time in the window (`first`), the
 * newest sample time (`newest`, `newest_now`) and the requests counted (`events`, for counters).
 * The coarse subquery spans the whole window; a fine one over the last hour (or the window) finds
 * the start of a young series to a few seconds.
 */
function coverageExpression(selectors, windowSeconds, groupBy, opts = {}) {
    const by = groupBy.length ? ` by (${groupBy.join(', ')})` : '';
    const win = (0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(windowSeconds);
    const fineRange = fineRangeOf(windowSeconds);
    const fine = fineSubquery(windowSeconds);
    // The newest sample is seen, with its own time, at every step of the lookback after it: a step
    // a minute apart finds it exactly (a fifth of the 5-minute lookback), for a fraction of the work.
    const newestFine = `[${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(fineRange)}:${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(Math.min(60, fineRange))}]`;
    const coarse = windowSeconds > fineRange ? `[${win}:${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(coarseStepOf(windowSeconds))}]` : undefined;
    const part = (expr, name) => `label_replace(${expr}, "${PART_LABEL}", "${name}", "", "")`;
    const any = (f) => selectors.map(f).join(' or ');
    // A window of an hour or less is read to the sample: `timestamp()` of the selector, every
    // series at every step, finds the first and newest sample times exactly. Past an hour (a coarse
    // subquery at a thousandth of the window) the steps a group has data are enough: `timestamp()`
    // of the group's count is one series per group and step, a fifth of the backend's work for
    // 1,500 series; the first step trails the first sample by at most the resolution, and the
    // newest step its sample by at most the 5-minute lookback (`newest_now` reads a live series exactly).
    const sampleTimes = (fn, s, range) => `${fn}_over_time(timestamp(${s})${range})`;
    const stepTimes = (fn, s, range) => `${fn}_over_time(timestamp(count${by} (${s}))${range})`;
    const over = coarse ? stepTimes : sampleTimes;
    // Apart: the sample at the window's start (one step, `offset`) answers for every group whose
    // data is older than the window; the fine subquery is asked after, for the others only.
    const firstPart = opts.fineApart
        ? part(`min${by} (${any((s) => `timestamp(${s} offset ${win})`)})`, 'first_start')
        : part(`min${by} (${any((s) => over('min', s, fine))})`, 'first');
    const parts = [
        firstPart,
        part(`max${by} (${any((s) => over('max', s, coarse ?? newestFine))})`, 'newest'),
        part(`max${by} (${any((s) => `timestamp(${s})`)})`, 'newest_now')
    ];
    if (coarse)
        parts.splice(1, 0, part(`min${by} (${any((s) => stepTimes('min', s, coarse))})`, 'first_coarse'));
    const counters = selectors.filter(isCounterSelector);
    if (opts.countEvents !== false && counters.length > 0)
        parts.push(part(`sum${by} (${counters.map((s) => `increase(${s}[${win}])`).join(' or ')})`, 'events'));
    return parts.join('\nor\n');
}
/** A selector narrowed to the groups named (one grouping label), or as it is. */
function narrowed(s, groupBy, only) {
    if (!only || groupBy.length !== 1)
        return s;
    const m = `${groupBy[0]}=~${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .exactRegex */ .pF)(only)}`;
    return /\{\s*\}$/.test(s) ? s.replace(/\{\s*\}$/, `{${m}}`) : s.endsWith('}') ? `${s.slice(0, -1)}, ${m}}` : `${s}{${m}}`;
}
/** Steps of the bound query: its step is the window over this. */
const BOUND_STEPS = 30;
/**
 * For the groups whose data starts inside the window: the first of thirty steps at which each has
 * data (`first_coarse`), for a window of up to an hour; past an hour the coverage query's coarse
 * steps already gave it (no query). A group's first sample lies within one step before, so the
 * fine query need only reach that far back (a service seconds old is read over seconds, not the window).
 */
function youngStartExpression(selectors, windowSeconds, groupBy, only) {
    if (windowSeconds > 3600)
        return { stepSeconds: coarseStepOf(windowSeconds) };
    const by = groupBy.length ? ` by (${groupBy.join(', ')})` : '';
    const stepSeconds = Math.max(1, Math.ceil(windowSeconds / BOUND_STEPS));
    const range = `[${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(windowSeconds)}:${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(stepSeconds)}]`;
    const any = selectors.map((s) => `min_over_time(timestamp(count${by} (${narrowed(s, groupBy, only)}))${range})`).join(' or ');
    return { query: `label_replace(min${by} (${any}), "${PART_LABEL}", "first_coarse", "", "")`, stepSeconds };
}
/**
 * The fine `first` part alone, for the groups whose data starts inside the window (asked after a
 * `fineApart` coverage answer), over the window's last `rangeSeconds` when the data is known to be
 * younger, ending `offsetSeconds` ago when every such group is known to have data by then. With one
 * grouping label and a few such groups, the selectors are narrowed to them, so the backend reads
 * their series only.
 */
function fineFirstExpression(selectors, windowSeconds, groupBy, only, rangeSeconds, offsetSeconds = 0) {
    const by = groupBy.length ? ` by (${groupBy.join(', ')})` : '';
    const fine = fineSubquery(windowSeconds, rangeSeconds);
    const offset = offsetSeconds >= 1 ? ` offset ${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(Math.floor(offsetSeconds))}` : '';
    const any = selectors.map((s) => `min_over_time(timestamp(${narrowed(s, groupBy, only)})${fine}${offset})`).join(' or ');
    return `label_replace(min${by} (${any}), "${PART_LABEL}", "first", "", "")`;
}
/** Up to this many groups are named in the fine query; more read every series (as one query does). */
const FINE_NARROW_MAX = 200;
/**
 * Whether a group's first sample is still to be found by the fine query: it has data, none at the
 * window's start, and (past an hour) the coarse steps put its start in the last hour.
 */
function needsFineFirst(row, windowSeconds, nowSec) {
    if (row.startSeen || row.newest === undefined)
        return false;
    return windowSeconds <= 3600 || row.first === undefined || row.first > nowSec - fineRangeOf(windowSeconds);
}
/** Fold one sample of a coverage answer into its row. */
function addCoverageSample(row, part, value) {
    if (!Number.isFinite(value))
        return;
    if (part === 'first_start') {
        row.startSeen = true;
        row.first = Math.min(row.first ?? Infinity, value);
    }
    else if (part === 'first' || part === 'first_coarse')
        row.first = Math.min(row.first ?? Infinity, value);
    else if (part === 'newest' || part === 'newest_now')
        row.newest = Math.max(row.newest ?? -Infinity, value);
    else if (part === 'events')
        row.events = (row.events ?? 0) + value;
}
/**
 * The covered range of a window ending at `now`: from the first sample (not before the window's
 * start) to now while the series is live, or to its newest sample once it stopped (older than
 * `liveSeconds`).
 */
function coverageOf(row, args) {
    const windowSeconds = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .durationSeconds */ .o8)(args.window);
    const nowSec = args.now.getTime() / 1000;
    const start = nowSec - windowSeconds;
    const iso = (t) => new Date(Math.round(t * 1000)).toISOString();
    const base = {
        window: args.window,
        window_seconds: windowSeconds,
        minimum_seconds: Math.round(args.rule.minimumSeconds),
        query: args.query
    };
    const reqs = args.countsRequests
        ? { requests: row?.events !== undefined ? Math.round(row.events * 1000) / 1000 : null, minimum_requests: args.rule.minimumRequests }
        : {};
    if (!row || row.first === undefined || row.newest === undefined) {
        return { ...base, from: null, to: null, seconds: 0, ...reqs, sufficient: false };
    }
    const from = Math.max(start, row.first);
    const live = nowSec - row.newest <= (args.liveSeconds ?? 300);
    const to = live ? nowSec : Math.min(nowSec, row.newest);
    const seconds = Math.max(0, Math.round(to - from));
    const enoughTime = seconds >= args.rule.minimumSeconds;
    const enoughRequests = !args.countsRequests || (row.events ?? 0) >= args.rule.minimumRequests;
    return { ...base, from: iso(from), to: iso(row.newest), seconds, ...reqs, sufficient: enoughTime && enoughRequests && seconds > 0 };
}
/** 20160 -> "5h36m", 86400 -> "1d", 30 -> "30s". */
function humanDuration(seconds) {
    let rest = Math.round(seconds);
    if (rest <= 0)
        return '0s';
    const out = [];
    for (const [unit, n] of [
        ['d', 86400],
        ['h', 3600],
        ['m', 60],
        ['s', 1]
    ]) {
        if (rest >= n) {
            out.push(`${Math.floor(rest / n)}${unit}`);
            rest %= n;
        }
    }
    return out.join('');
}
/** "30s of the 30d window (data from ...); at least 1d needed" */
function describeCoverage(c) {
    const covered = c.from
        ? `${humanDuration(c.seconds)} of the ${c.window} window (data from ${c.from})`
        : `no data in the ${c.window} window`;
    const wantTime = c.seconds < c.minimum_seconds ? `; at least ${humanDuration(c.minimum_seconds)} needed` : '';
    const wantReq = c.requests !== undefined && c.minimum_requests !== undefined && (c.requests ?? 0) < c.minimum_requests
        ? `; ${c.requests ?? 0} request(s), at least ${c.minimum_requests} needed`
        : '';
    return `${covered}${wantTime}${wantReq}`;
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
