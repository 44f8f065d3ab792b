export const id = 231;
export const ids = [231,976,45];
export const modules = {

/***/ 10231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInstrumentationAudit: () => (/* binding */ runInstrumentationAudit)
});

// UNUSED EXPORTS: gapPriority

// EXTERNAL MODULE: ./src/artifacts/files.ts
var files = __webpack_require__(86404);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(26518);
// EXTERNAL MODULE: ./src/stats/run-stats.ts
var run_stats = __webpack_require__(46968);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/telemetry/coverage.ts
var coverage = __webpack_require__(9793);
// EXTERNAL MODULE: ./src/telemetry/vector.ts
var vector = __webpack_require__(52880);
// EXTERNAL MODULE: ./src/util/order.ts
var util_order = __webpack_require__(1204);
;// CONCATENATED MODULE: ./src/telemetry/diagnosis.ts




/** How far back the diagnosis looks for a metric that stopped. */
const DIAGNOSIS_LOOKBACK_SECONDS = 86400;
const PART = 'sre_diag';
/** The metric names a template reads. */
function metricNames(template) {
    const names = new Set();
    for (const sel of (0,coverage/* selectorsOf */.Yv)(template)) {
        const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(sel)?.[0] ?? /__name__\s*=\s*"([^"]+)"/.exec(sel)?.[1];
        if (name)
            names.add(name);
    }
    return [...names];
}
const normalise = (v) => v.toLowerCase().replace(/[^a-z0-9]/g, '');
function editDistance(a, b) {
    const d = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = d[0];
        d[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cur = d[j];
            d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = cur;
        }
    }
    return d[b.length];
}
/** The values nearest to `want`: same letters apart from case and separators first, then by edit distance. */
function closestValues(want, values, max = 3) {
    const w = normalise(want);
    return values
        .map((v) => ({ v, d: normalise(v) === w ? 0 : editDistance(normalise(v), w) + 1 }))
        .filter((x) => x.d <= Math.max(3, Math.ceil(w.length / 3)))
        .sort((a, b) => a.d - b.d || (0,util_order/* byText */.z)(a.v.toLowerCase(), b.v.toLowerCase()) || (0,util_order/* byText */.z)(a.v, b.v))
        .slice(0, max)
        .map((x) => x.v);
}
/** Diagnose every listed service's missing data for one promql signal. */
async function diagnoseNoData(input) {
    const out = new Map();
    const { client, services, serviceLabel, now } = input;
    const ask = services.filter((s) => !input.backendErrors?.has(s.name));
    for (const s of services) {
        const err = input.backendErrors?.get(s.name);
        if (err !== undefined)
            out.set(s.name, { cause: 'backend_down', detail: `the backend ${client.name} did not answer: ${err}`, query: input.template });
    }
    if (ask.length === 0)
        return out;
    const names = metricNames(input.template);
    const lookback = (0,vector/* promDuration */.Jn)(DIAGNOSIS_LOOKBACK_SECONDS);
    const step = (0,vector/* promDuration */.Jn)(300);
    const by = [...new Set([serviceLabel, 'job'])].join(', ');
    // The newest sample of each metric per label value over a day: which values exist, and when each stopped.
    const metricQuery = names
        .map((n, i) => `label_replace(max by (${by}) (max_over_time(timestamp({__name__="${n}"})[${lookback}:${step}]) or timestamp({__name__="${n}"})), "${PART}", "${i}", "", "")`)
        .join('\nor\n');
    const values = [...new Set(ask.map((s) => (0,vector/* selectorOf */.Bk)(s, serviceLabel)[serviceLabel] ?? s.name))];
    // Signals that exist without traffic (up, *_info), and whether any counter of the service moves.
    const targetQuery = [
        `label_replace(max by (${by}) (up), "${PART}", "up", "", "")`,
        `label_replace(count by (${by}) ({__name__=~".+_info"}), "${PART}", "info", "", "")`,
        `label_replace(count by (${by}) (increase({__name__=~".+_total", ${serviceLabel}=~${(0,vector/* exactRegex */.pF)(values)}}[5m]) > 0), "${PART}", "busy", "", "")`
    ].join('\nor\n');
    let metricRows;
    let targetRows;
    try {
        ;
        [metricRows, targetRows] = await Promise.all([
            names.length ? client.instantQuery(metricQuery, now).then((r) => r.samples) : Promise.resolve([]),
            client.instantQuery(targetQuery, now).then((r) => r.samples)
        ]);
    }
    catch (err) {
        for (const s of ask)
            out.set(s.name, {
                cause: 'backend_down',
                detail: `the backend ${client.name} did not answer the diagnosis: ${(0,errors/* errorText */.kc)(err)}`,
                query: metricQuery || targetQuery
            });
        return out;
    }
    const nowSec = now.getTime() / 1000;
    const iso = (t) => new Date(t * 1000).toISOString();
    const valuesByMetric = names.map((_, i) => metricRows.filter((r) => r.labels[PART] === String(i)));
    const shown = names.join(', ');
    for (const s of ask) {
        const want = (0,vector/* selectorOf */.Bk)(s, serviceLabel)[serviceLabel] ?? s.name;
        const mine = (r) => r.labels[serviceLabel] === want || (r.labels[serviceLabel] === undefined && r.labels.job === want);
        const up = targetRows.find((r) => r.labels[PART] === 'up' && mine(r));
        const info = targetRows.find((r) => r.labels[PART] === 'info' && mine(r));
        const alive = up && up.value === 1
            ? `up{${up.labels[serviceLabel] !== undefined ? serviceLabel : 'job'}="${want}"} is 1`
            : info
                ? `an *_info series for ${want} exists`
                : undefined;
        const rowsForService = valuesByMetric.flatMap((rows) => rows.filter(mine));
        const busy = targetRows.some((r) => r.labels[PART] === 'busy' && mine(r));
        const counters = names.some((n) => /(_total|_count|_bucket|_sum)$/.test(n));
        if (valuesByMetric.every((rows) => rows.length === 0)) {
            // A counter with labels appears with its first event: up with nothing counted is no traffic.
            if (alive && !busy && counters) {
                out.set(s.name, {
                    cause: 'no_traffic',
                    detail: `the target is up but there is no traffic: ${alive}, no counter of ${want} moved in the last 5m, and ${shown} has no series yet (it appears with the first request)`,
                    query: targetQuery
                });
            }
            else {
                out.set(s.name, {
                    cause: 'metric_missing',
                    detail: `the metric ${shown} does not exist in ${client.name}: no series for any ${serviceLabel} in the last ${lookback}${alive ? ` (though ${alive}${busy ? ` and ${want} has traffic` : ''})` : ''}`,
                    query: metricQuery
                });
            }
            continue;
        }
        if (rowsForService.length === 0) {
            const values = [
                ...new Set(valuesByMetric
                    .flat()
                    .map((r) => r.labels[serviceLabel])
                    .filter((v) => !!v))
            ];
            const closest = closestValues(want, values);
            if (alive && !busy && closest.length === 0) {
                out.set(s.name, {
                    cause: 'no_traffic',
                    detail: `the target is up but there is no traffic: ${alive}, no counter of ${want} moved in the last 5m, and ${shown} has no series for ${serviceLabel}="${want}" in the last ${lookback}`,
                    query: targetQuery
                });
                continue;
            }
            out.set(s.name, {
                cause: 'label_value_mismatch',
                detail: `${shown} exists, but not for ${serviceLabel}="${want}"${closest.length ? `; closest values: ${closest.map((c) => `"${c}"`).join(', ')}` : `; it has ${values.length} other value(s)`}`,
                query: metricQuery,
                ...(closest.length ? { closest_values: closest } : {})
            });
            continue;
        }
        const newest = Math.max(...rowsForService.map((r) => r.value));
        if (nowSec - newest > input.freshnessSeconds) {
            out.set(s.name, {
                cause: 'stopped',
                detail: `${shown} for ${serviceLabel}="${want}" stopped at ${iso(newest)} (${Math.round(nowSec - newest)} s before the check)`,
                query: metricQuery,
                stopped_at: iso(newest)
            });
            continue;
        }
        out.set(s.name, {
            cause: 'filtered_out',
            detail: `${shown} has fresh series for ${serviceLabel}="${want}", but the check's query selects none of them: its matchers or functions filter them out`,
            query: metricQuery
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/telemetry/judge.ts

const iso = (epochSeconds) => new Date(epochSeconds * 1000).toISOString();
/**
 * Turn one grouped answer into a measurement per service. No data, NaN, ±Inf and stale samples
 * are failures with their own gap names; nothing here ever passes by default.
 */
function judgeGrouped(j) {
    const nowSec = j.now.getTime() / 1000;
    const fresh = `newest sample within ${(0,vector/* promDuration */.Jn)(j.freshnessSeconds)}`;
    return j.services.map((s) => {
        const row = j.rows.get(s.name);
        const base = { request: j.request, started_at: j.startedAt, finished_at: j.finishedAt, threshold: fresh };
        const out = (m, extra = {}) => ({
            service: s.name,
            measurement: { ...base, ...m },
            ...(row?.series !== undefined ? { seriesCount: row.series } : {}),
            ...extra
        });
        const age = row?.newest !== undefined ? Math.max(0, nowSec - row.newest) : undefined;
        const ageFields = row?.newest !== undefined ? { newest_sample_at: iso(row.newest) } : {};
        const freshness = age !== undefined ? { freshnessSeconds: Math.round(age) } : {};
        if (!row || row.values.length === 0) {
            if (age !== undefined) {
                return out({
                    value: null,
                    ...ageFields,
                    verdict: 'fail',
                    reason: `stale: stopped reporting ${Math.round(age)} s ago (${iso(row.newest)}); freshness window ${(0,vector/* promDuration */.Jn)(j.freshnessSeconds)}${j.lookbackQuery ? `; newest sample from ${j.lookbackQuery}` : ''}`
                }, { gap: 'stale', ...freshness });
            }
            const where = j.freshByWindow ? `in the last ${(0,vector/* promDuration */.Jn)(j.freshnessSeconds)}` : `in the last ${(0,vector/* promDuration */.Jn)(j.lookbackSeconds)}`;
            return out({ value: null, verdict: 'fail', reason: `no data: the query returned no series for this service ${where}` }, { gap: 'no_data', seriesCount: row?.series ?? 0 });
        }
        const bad = row.values.find((v) => !Number.isFinite(v));
        if (bad !== undefined) {
            return out({
                value: (0,vector/* describeNumber */.Df)(bad),
                ...ageFields,
                verdict: 'fail',
                reason: `invalid value ${(0,vector/* describeNumber */.Df)(bad)}: NaN and infinite values are not data`
            }, { gap: 'invalid_value', ...freshness });
        }
        const value = row.values.reduce((a, b) => a + b, 0);
        if (j.requirePositive && !(value > 0)) {
            return out({ value, ...ageFields, verdict: 'fail', reason: `no data: value ${(0,vector/* describeNumber */.Df)(value)} (nothing counted in the window)` }, { gap: 'no_data', ...freshness });
        }
        if (age !== undefined && age > j.freshnessSeconds) {
            return out({
                value,
                ...ageFields,
                verdict: 'fail',
                reason: `stale: newest sample ${Math.round(age)} s old; freshness window ${(0,vector/* promDuration */.Jn)(j.freshnessSeconds)}`
            }, { gap: 'stale', ...freshness });
        }
        if (age === undefined && !j.freshByWindow) {
            return out({ value, verdict: 'fail', reason: 'the answer carries no sample time, so freshness cannot be shown' }, { gap: 'stale' });
        }
        const when = age !== undefined ? `newest sample ${Math.round(age)} s old` : `data within the last ${(0,vector/* promDuration */.Jn)(j.freshnessSeconds)}`;
        return out({ value, ...ageFields, verdict: 'pass', reason: `value ${(0,vector/* describeNumber */.Df)(value)}, ${when}` }, freshness);
    });
}
/** Every service gets the same backend error: the backend could not answer, which is not a fail. */
function backendErrorFor(services, request, startedAt, err) {
    const finishedAt = new Date().toISOString();
    const reason = err instanceof Error ? err.message : String(err);
    return services.map((s) => ({
        service: s.name,
        gap: 'backend_error',
        measurement: { request, value: null, started_at: startedAt, finished_at: finishedAt, verdict: 'error', reason }
    }));
}

// EXTERNAL MODULE: ./node_modules/@prometheus-io/lezer-promql/dist/index.es.js + 3 modules
var index_es = __webpack_require__(86828);
// EXTERNAL MODULE: ./src/telemetry/prometheus/client.ts
var client = __webpack_require__(80045);
;// CONCATENATED MODULE: ./src/telemetry/prometheus/provider.ts





/** Label that tells the parts of the combined coverage query apart. */
const MEASURE_LABEL = 'sre_measure';
/**
 * How far back the audit looks for a series' newest sample. Prometheus' instant queries see only
 * the last 5 minutes (its lookback delta), which would make a series that stopped 20 minutes ago
 * look like one that never existed: the lookback must be well beyond the freshness window.
 */
function coverageLookbackSeconds(freshnessSeconds) {
    return Math.max(3600, 6 * freshnessSeconds);
}
/**
 * The template when it is one series selector (`up`, `x{job="a"}`, in parentheses or not): range
 * functions can then read its raw samples directly, without a subquery over every series.
 */
function plainSelector(template) {
    const tree = index_es/* parser */.K3D.parse(template);
    let broken = false;
    tree.iterate({ enter: (n) => void (n.type.isError && (broken = true)) });
    if (broken)
        return undefined;
    let n = tree.topNode.firstChild;
    while (n?.name === 'ParenExpr') {
        let inner = n.firstChild;
        while (inner && (inner.name === '(' || inner.name === ')'))
            inner = inner.nextSibling;
        n = inner;
    }
    // `x @ 123`, `x offset 5m` and `x[5m]` are other nodes: only the selector itself qualifies.
    return n?.name === 'VectorSelector' && !n.nextSibling ? template.slice(n.from, n.to).trim() : undefined;
}
/**
 * One PromQL query that answers, for every service at once, the value (sum of the template's
 * series), the newest sample time, and the number of series in the lookback. `timestamp()` of a
 * plain selector is the sample's own time. For a plain selector the series are counted from the
 * raw samples of the lookback (`last_over_time`), and the newest time of a service with no live
 * sample is a second query asked only when such a service exists (`newestLookbackQuery`): a
 * subquery over every series at every step costs the backend seconds at fleet size. For any other
 * expression the subquery carries both across the lookback in the same query. The subquery step
 * stays under Prometheus' 5-minute lookback delta so no sample falls between steps.
 */
function coverageQuery(template, groupBy, freshnessSeconds) {
    const by = groupBy.join(', ');
    const lookback = (0,vector/* promDuration */.Jn)(coverageLookbackSeconds(freshnessSeconds));
    const q = `(${template})`;
    const part = (expr, name) => `label_replace(${expr}, "${MEASURE_LABEL}", "${name}", "", "")`;
    const selector = plainSelector(template);
    if (selector)
        return [
            part(`sum by (${by}) (${q})`, 'value'),
            part(`max by (${by}) (timestamp(${q}))`, 'newest'),
            part(`count by (${by}) (last_over_time(${selector}[${lookback}]))`, 'series')
        ].join('\nor\n');
    return [
        part(`sum by (${by}) (${q})`, 'value'),
        part(`max by (${by}) (timestamp(${q}))`, 'newest'),
        part(newestLookbackExpression(template, by, freshnessSeconds), 'newest_lookback'),
        // Subquery steps sit on multiples of the step, so the newest samples join in from the instant.
        part(`count by (${by}) (max_over_time(${q}[${lookback}:${lookbackStep(freshnessSeconds)}]) or ${q} * 1)`, 'series')
    ].join('\nor\n');
}
const lookbackStep = (freshnessSeconds) => (0,vector/* promDuration */.Jn)(Math.max(15, Math.min(60, freshnessSeconds / 5)));
function newestLookbackExpression(template, by, freshnessSeconds) {
    const lookback = (0,vector/* promDuration */.Jn)(coverageLookbackSeconds(freshnessSeconds));
    return `max by (${by}) (max_over_time(timestamp((${template}))[${lookback}:${lookbackStep(freshnessSeconds)}]))`;
}
/** The newest sample time per service across the lookback, asked only when some service has series but no live sample. */
function newestLookbackQuery(template, groupBy, freshnessSeconds) {
    return plainSelector(template) ? newestLookbackExpression(template, groupBy.join(', '), freshnessSeconds) : undefined;
}
class PrometheusProvider {
    type = 'prometheus';
    client;
    constructor(ctx, opts = {}) {
        this.client = new client.PrometheusClient(ctx.name, ctx.config, ctx.env, ctx.log, opts);
    }
    get backend() {
        return this.client.name;
    }
    get requests() {
        return this.client.requests;
    }
    async measure(req) {
        if (req.check.kind !== 'promql')
            throw new Error(`the prometheus provider runs promql checks, not ${req.check.kind}`);
        const groupBy = (0,vector/* groupingLabels */.Nx)(req.services, req.serviceLabel);
        const query = coverageQuery(req.check.query, groupBy, req.freshnessSeconds);
        const request = this.client.http.describe('POST', '/api/v1/query', query);
        const startedAt = new Date().toISOString();
        let samples;
        try {
            const result = await this.client.instantQuery(query, req.now);
            if (result.resultType !== 'vector')
                throw new errors/* BackendError */.Jh(this.backend, request.url, 'answered a scalar where a vector grouped by service was expected');
            samples = result.samples;
        }
        catch (err) {
            return backendErrorFor(req.services, request, startedAt, err);
        }
        const finishedAt = new Date().toISOString();
        const match = (0,vector/* serviceMatcher */.AG)(req.services, req.serviceLabel);
        const rows = new Map();
        const newestNow = new Map();
        for (const s of samples) {
            const service = match(s.labels);
            if (!service)
                continue;
            const row = rows.get(service.name) ?? { values: [] };
            rows.set(service.name, row);
            switch (s.labels[MEASURE_LABEL]) {
                case 'value':
                    row.values.push(s.value);
                    break;
                case 'newest':
                    if (Number.isFinite(s.value))
                        newestNow.set(service.name, Math.max(newestNow.get(service.name) ?? -Infinity, s.value));
                    break;
                case 'newest_lookback':
                    if (Number.isFinite(s.value))
                        row.newest = Math.max(row.newest ?? -Infinity, s.value);
                    break;
                case 'series':
                    row.series = (row.series ?? 0) + s.value;
                    break;
            }
        }
        // The instant timestamp is exact; the subquery's is aligned to its step, so prefer the former.
        for (const [name, t] of newestNow) {
            const row = rows.get(name);
            if (row)
                row.newest = Math.max(t, row.newest ?? -Infinity);
        }
        // A service with series in the lookback but no live sample stopped: when it stopped is asked apart.
        const stopped = req.services.filter((s) => {
            const row = rows.get(s.name);
            return row !== undefined && row.values.length === 0 && row.newest === undefined && (row.series ?? 0) > 0;
        });
        const lookbackQuery = stopped.length ? newestLookbackQuery(req.check.query, groupBy, req.freshnessSeconds) : undefined;
        let failed = [];
        if (lookbackQuery) {
            const lookbackRequest = this.client.http.describe('POST', '/api/v1/query', lookbackQuery);
            try {
                for (const s of (await this.client.instantQuery(lookbackQuery, req.now)).samples) {
                    const row = rows.get(match(s.labels)?.name ?? '');
                    if (row && row.values.length === 0 && Number.isFinite(s.value))
                        row.newest = Math.max(row.newest ?? -Infinity, s.value);
                }
            }
            catch (err) {
                failed = backendErrorFor(stopped, lookbackRequest, startedAt, err);
            }
        }
        const judged = judgeGrouped({
            services: req.services,
            rows,
            request,
            lookbackQuery,
            startedAt,
            finishedAt,
            now: req.now,
            freshnessSeconds: req.freshnessSeconds,
            lookbackSeconds: coverageLookbackSeconds(req.freshnessSeconds)
        });
        if (failed.length === 0)
            return judged;
        const byName = new Map(failed.map((m) => [m.service, m]));
        return judged.map((m) => byName.get(m.service) ?? m);
    }
}

// EXTERNAL MODULE: ./src/telemetry/backend-client.ts
var backend_client = __webpack_require__(98499);
;// CONCATENATED MODULE: ./src/telemetry/http-json/json-path.ts
/**
 * Dotted paths into a JSON answer: `hits.total.value`, `traces.length`, `data.0.spans`, and `*`
 * over an array (`traces.*.startTimeUnixNano`) which yields every element's value.
 */
function readPath(data, path) {
    let current = [data];
    let spread = false;
    for (const key of path.split('.').filter((k) => k !== '')) {
        const next = [];
        for (const cur of current) {
            if (key === '*') {
                if (Array.isArray(cur))
                    next.push(...cur);
                else if (cur !== null && typeof cur === 'object')
                    next.push(...Object.values(cur));
                spread = true;
                continue;
            }
            if (key === 'length' && (Array.isArray(cur) || typeof cur === 'string')) {
                next.push(cur.length);
                continue;
            }
            if (key === 'length' && cur !== null && typeof cur === 'object' && !('length' in cur)) {
                next.push(Object.keys(cur).length);
                continue;
            }
            if (cur !== null && typeof cur === 'object' && key in cur)
                next.push(cur[key]);
        }
        current = next;
    }
    return spread ? current : current[0];
}
function parseCondition(condition) {
    const m = /^(>=|<=|==|!=|>|<)\s*(\S+)$/.exec(condition.trim());
    if (!m)
        throw new Error(`not a condition: ${condition}`);
    return { op: m[1], operand: m[2] };
}
/** Apply `> 0`, `== true`, `!= error` to a value; numbers compare as numbers, others as text. */
function evaluateCondition(value, condition) {
    const { op, operand } = parseCondition(condition);
    const asNumber = (v) => {
        if (typeof v === 'number')
            return v;
        if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
            return Number(v);
        return undefined;
    };
    const a = asNumber(value);
    const b = asNumber(operand);
    if (a !== undefined && b !== undefined) {
        if (!Number.isFinite(a))
            return false;
        switch (op) {
            case '>':
                return a > b;
            case '>=':
                return a >= b;
            case '<':
                return a < b;
            case '<=':
                return a <= b;
            case '==':
                return a === b;
            case '!=':
                return a !== b;
        }
    }
    const text = typeof value === 'string' || typeof value === 'boolean' ? String(value) : undefined;
    if (text === undefined)
        return false;
    if (op === '==')
        return text === operand;
    if (op === '!=')
        return text !== operand;
    return false;
}
/**
 * A time in an API answer as epoch seconds: ISO text, or a number in seconds, milliseconds,
 * microseconds or nanoseconds (Tempo writes `startTimeUnixNano` as a string), told apart by size.
 */
function toEpochSeconds(value) {
    if (typeof value === 'string' && !/^\d+(\.\d+)?$/.test(value.trim())) {
        const t = Date.parse(value);
        return Number.isNaN(t) ? undefined : t / 1000;
    }
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    if (!Number.isFinite(n) || n <= 0)
        return undefined;
    if (n >= 1e17)
        return n / 1e9;
    if (n >= 1e14)
        return n / 1e6;
    if (n >= 1e11)
        return n / 1e3;
    return n;
}

;// CONCATENATED MODULE: ./src/telemetry/http-json/provider.ts




/** How many per-service HTTP checks run at once. */
const HTTP_CHECK_CONCURRENCY = 8;
const substitute = (text, service, encode) => text.split('{{service}}').join(encode(service));
/**
 * Generic HTTP JSON checks for backends without a query language we speak (Tempo, Jaeger,
 * Elasticsearch, vendor APIs): one request per service, `{{service}}` substituted, the value at
 * `json-path` compared with `condition`, freshness from `timestamp-path` when given.
 */
class HttpJsonProvider {
    type = 'http';
    backend;
    client;
    env;
    log;
    ownRequests = 0;
    /** With no backend, the check's URL must be absolute and defaults apply (10 s timeout, 2 retries). */
    constructor(args) {
        this.backend = args.name ?? 'http';
        this.env = args.env;
        this.log = args.log;
        this.client = args.config ? new backend_client/* BackendClient */.i(this.backend, args.config, args.env, args.log, { backoffMs: args.backoffMs }) : undefined;
    }
    get requests() {
        return (this.client?.requests ?? 0) + this.ownRequests;
    }
    async measure(req) {
        return (0,vector/* mapLimit */.sf)(req.services, HTTP_CHECK_CONCURRENCY, (s) => this.measureOne(req, s));
    }
    clientFor(url) {
        if (this.client)
            return this.client;
        const config = {
            type: 'http',
            url: new URL(url).origin,
            auth: { type: 'none' },
            headers: {},
            'timeout-seconds': 10,
            retries: 2
        };
        return new backend_client/* BackendClient */.i(this.backend, config, this.env, this.log);
    }
    async measureOne(req, service) {
        const check = req.check;
        if (check.kind !== 'http')
            throw new Error(`the http provider runs http checks, not ${check.kind}`);
        const startedAt = new Date().toISOString();
        const rawUrl = substitute(check.url, service.name, encodeURIComponent);
        let client;
        try {
            client = this.clientFor(this.client ? this.client.url(rawUrl) : rawUrl);
        }
        catch (err) {
            const request = { backend: this.backend, method: check.method, url: rawUrl };
            return {
                service: service.name,
                gap: 'backend_error',
                measurement: {
                    request,
                    value: null,
                    started_at: startedAt,
                    finished_at: startedAt,
                    verdict: 'error',
                    reason: `not a usable URL: ${err.message}`
                }
            };
        }
        const url = client.url(rawUrl);
        const request = client.describe(check.method, url);
        const threshold = `HTTP ${check['expect-status']}, ${check['json-path']} ${check.condition}${check['timestamp-path'] ? `, ${check['timestamp-path']} within ${(0,vector/* promDuration */.Jn)(req.freshnessSeconds)}` : ''}`;
        const result = (m, extra = {}) => ({
            service: service.name,
            measurement: { request, threshold, started_at: startedAt, finished_at: new Date().toISOString(), ...m },
            ...extra
        });
        const before = client.requests;
        try {
            const res = await client.send({
                method: check.method,
                path: url,
                body: check.body !== undefined ? substitute(check.body, service.name, (s) => JSON.stringify(s).slice(1, -1)) : undefined,
                contentType: check.body !== undefined ? 'application/json' : undefined
            });
            if (client !== this.client)
                this.ownRequests += client.requests - before;
            if (res.status !== check['expect-status']) {
                // A refused or unauthorized request means the check could not run; a 404 means nothing is there.
                const isError = res.status >= 500 || (res.status >= 400 && res.status !== 404);
                const reason = `HTTP ${res.status}, expected ${check['expect-status']}${isError ? `: ${res.text.slice(0, 160).trim()}` : ''}`;
                return isError
                    ? result({ value: res.status, verdict: 'error', reason }, { gap: 'backend_error' })
                    : result({ value: res.status, verdict: 'fail', reason }, { gap: 'failed' });
            }
            const body = client.json(res, `${check.method} ${request.url}`);
            const found = readPath(body, check['json-path']);
            const value = typeof found === 'number' || typeof found === 'string' ? found : typeof found === 'boolean' ? String(found) : null;
            if (found === undefined || found === null) {
                return result({ value: null, verdict: 'fail', reason: `no value at ${check['json-path']}` }, { gap: 'no_data' });
            }
            if (typeof found === 'number' && !Number.isFinite(found)) {
                return result({ value: String(found), verdict: 'fail', reason: `invalid value ${found}` }, { gap: 'invalid_value' });
            }
            if (!evaluateCondition(found, check.condition)) {
                return result({ value, verdict: 'fail', reason: `${check['json-path']} is ${JSON.stringify(found)}, which is not ${check.condition}` }, { gap: 'no_data' });
            }
            const tsPath = check['timestamp-path'];
            if (!tsPath) {
                return result({
                    value,
                    verdict: 'pass',
                    reason: `${check['json-path']} = ${JSON.stringify(found)} (${check.condition}); freshness is the API's own search window (no timestamp-path)`
                });
            }
            const rawTimes = readPath(body, tsPath);
            const times = (Array.isArray(rawTimes) ? rawTimes : [rawTimes]).map(toEpochSeconds).filter((t) => t !== undefined);
            if (times.length === 0) {
                return result({ value, verdict: 'fail', reason: `no time at ${tsPath}, so freshness cannot be shown` }, { gap: 'stale' });
            }
            const newest = Math.max(...times);
            const age = Math.max(0, req.now.getTime() / 1000 - newest);
            const newestSampleAt = new Date(newest * 1000).toISOString();
            const fresh = { freshnessSeconds: Math.round(age) };
            if (age > req.freshnessSeconds) {
                return result({
                    value,
                    newest_sample_at: newestSampleAt,
                    verdict: 'fail',
                    reason: `stale: newest sample ${Math.round(age)} s old; freshness window ${(0,vector/* promDuration */.Jn)(req.freshnessSeconds)}`
                }, { gap: 'stale', ...fresh });
            }
            return result({
                value,
                newest_sample_at: newestSampleAt,
                verdict: 'pass',
                reason: `${check['json-path']} = ${JSON.stringify(found)}, newest sample ${Math.round(age)} s old`
            }, fresh);
        }
        catch (err) {
            if (client !== this.client)
                this.ownRequests += client.requests - before;
            if (err instanceof errors/* BackendError */.Jh)
                return result({ value: null, verdict: 'error', reason: err.message }, { gap: 'backend_error' });
            throw err;
        }
    }
}

// EXTERNAL MODULE: ./src/util/json.ts
var json = __webpack_require__(74976);
;// CONCATENATED MODULE: ./src/telemetry/loki/client.ts




/**
 * Client for Loki's instant query API (`/loki/api/v1/query`), which answers LogQL metric queries
 * in the Prometheus shape: `{status: "success", data: {resultType: "vector", result: [...]}}`.
 */
class LokiClient {
    http;
    constructor(name, config, env, log, opts = {}) {
        this.http = new backend_client/* BackendClient */.i(name, config, env, log, opts);
    }
    get name() {
        return this.http.name;
    }
    get requests() {
        return this.http.requests;
    }
    /** A LogQL metric query at `time`; log-stream answers are refused (they carry no per-service value). */
    async instantQuery(query, time) {
        const request = this.http.describe('GET', '/loki/api/v1/query', query);
        const what = `GET ${request.url}`;
        // Loki takes time in nanoseconds (or seconds); nanoseconds keep sub-second precision.
        const ns = (BigInt(time.getTime()) * 1000000n).toString();
        const res = await this.http.send({ method: 'GET', path: '/loki/api/v1/query', params: { query, time: ns } });
        if (res.status >= 400) {
            throw new errors/* BackendError */.Jh(this.name, what, `answered HTTP ${res.status}: ${res.text.slice(0, 200).trim()}`, res.status);
        }
        const body = this.http.json(res, what);
        if (!(0,json/* isObject */.G)(body) || body.status !== 'success' || !(0,json/* isObject */.G)(body.data)) {
            throw new errors/* BackendError */.Jh(this.name, what, `answered HTTP ${res.status} without {status: "success", data}`, res.status);
        }
        const data = body.data;
        if (data.resultType !== 'vector' || !Array.isArray(data.result)) {
            throw new errors/* BackendError */.Jh(this.name, what, `answered resultType "${String(data.resultType)}" where a LogQL metric query (vector) was expected`);
        }
        const samples = data.result.map((r) => {
            const pair = (0,json/* isObject */.G)(r) ? r.value : undefined;
            const value = Array.isArray(pair) ? (0,vector/* parseSampleValue */.L)(pair[1]) : undefined;
            if (!(0,json/* isObject */.G)(r) || !(0,json/* isObject */.G)(r.metric) || !Array.isArray(pair) || typeof pair[0] !== 'number' || value === undefined) {
                throw new errors/* BackendError */.Jh(this.name, what, 'answered a malformed sample (expected {metric, value: [time, "number"]})');
            }
            return { labels: r.metric, value, timestamp: pair[0] };
        });
        return { request, samples };
    }
}

;// CONCATENATED MODULE: ./src/telemetry/loki/provider.ts



/** Placeholder in LogQL templates for the freshness window, e.g. `count_over_time({app="x"}[$freshness])`. */
const FRESHNESS_PLACEHOLDER = '$freshness';
/**
 * LogQL checks. LogQL has no `timestamp()`, so freshness comes from the window: a template that
 * counts lines over `[$freshness]` shows data newer than the freshness window when its count is
 * above zero. The template must group by the service label (`sum by (service) (...)`), so one
 * query covers every service.
 */
class LokiProvider {
    type = 'loki';
    client;
    constructor(ctx, opts = {}) {
        this.client = new LokiClient(ctx.name, ctx.config, ctx.env, ctx.log, opts);
    }
    get backend() {
        return this.client.name;
    }
    get requests() {
        return this.client.requests;
    }
    async measure(req) {
        if (req.check.kind !== 'logql')
            throw new Error(`the loki provider runs logql checks, not ${req.check.kind}`);
        const windowed = req.check.query.includes(FRESHNESS_PLACEHOLDER);
        const query = req.check.query.split(FRESHNESS_PLACEHOLDER).join((0,vector/* promDuration */.Jn)(req.freshnessSeconds));
        const request = this.client.http.describe('GET', '/loki/api/v1/query', query);
        const startedAt = new Date().toISOString();
        let samples;
        try {
            samples = (await this.client.instantQuery(query, req.now)).samples;
        }
        catch (err) {
            return backendErrorFor(req.services, request, startedAt, err);
        }
        const finishedAt = new Date().toISOString();
        const match = (0,vector/* serviceMatcher */.AG)(req.services, req.serviceLabel);
        const rows = new Map();
        for (const s of samples) {
            const service = match(s.labels);
            if (!service)
                continue;
            const row = rows.get(service.name) ?? { values: [], series: 0 };
            row.values.push(s.value);
            row.series = (row.series ?? 0) + 1;
            rows.set(service.name, row);
        }
        const judged = judgeGrouped({
            services: req.services,
            rows,
            request,
            startedAt,
            finishedAt,
            now: req.now,
            freshnessSeconds: req.freshnessSeconds,
            lookbackSeconds: req.freshnessSeconds,
            requirePositive: true,
            freshByWindow: true
        });
        if (!windowed) {
            // Without the placeholder the query's own range decides what "recent" means; say so.
            for (const m of judged)
                if (m.measurement.verdict === 'pass')
                    m.measurement.reason += " (freshness taken from the query's own range; use [$freshness] to tie it to the freshness window)";
        }
        return judged;
    }
}

// EXTERNAL MODULE: ./src/util/http.ts
var http = __webpack_require__(44098);
;// CONCATENATED MODULE: ./src/telemetry/synthetic/allowed-hosts.ts
const DEFAULT_PORTS = { 'http:': '80', 'https:': '443' };
/**
 * Whether a URL's host is in `allowed-hosts`. An entry is a host (`api.example.com`, any port), a
 * host with port (`127.0.0.1:8080`), or a wildcard (`*.example.com`, subdomains only, not the
 * apex). Endpoints come from deploy output: nothing outside the list is ever called.
 */
function isHostAllowed(url, allowed) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return false;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
        return false;
    const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    const port = u.port || DEFAULT_PORTS[u.protocol] || '';
    return allowed.some((raw) => {
        const entry = raw.trim().toLowerCase();
        if (!entry)
            return false;
        const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
        if (!m)
            return false;
        const entryHost = m[1].replace(/^\[|\]$/g, '');
        const entryPort = m[2];
        if (entryPort !== undefined && entryPort !== port)
            return false;
        if (entryHost.startsWith('*.'))
            return host.endsWith(entryHost.slice(1)) && host.length > entryHost.length - 1;
        return host === entryHost;
    });
}

;// CONCATENATED MODULE: ./src/telemetry/synthetic/provider.ts





/** How many endpoint probes run at once. */
const PROBE_CONCURRENCY = 8;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * Synthetic checks: probe each endpoint of a service (config and deploy evidence merged) a few
 * times; one attempt with the expected status, within the latency bound and matching the body
 * passes. Hosts outside `allowed-hosts` are never called and never pass.
 */
class SyntheticProvider {
    type = 'synthetic';
    backend = 'synthetic';
    requests = 0;
    allowedHosts;
    pauseMs;
    constructor(opts) {
        this.allowedHosts = opts.allowedHosts;
        this.pauseMs = opts.pauseBetweenAttemptsMs ?? 250;
    }
    async measure(req) {
        const jobs = req.services.flatMap((s) => s.endpoints.map((e) => ({ service: s, endpoint: e })));
        const results = await (0,vector/* mapLimit */.sf)(jobs, PROBE_CONCURRENCY, (j) => this.probe(j.endpoint));
        return req.services.map((s) => this.summarize(s, results.filter((_, i) => jobs[i]?.service === s)));
    }
    summarize(service, probes) {
        if (probes.length === 0) {
            const now = new Date().toISOString();
            return {
                service: service.name,
                gap: 'unmapped',
                measurement: {
                    request: { backend: this.backend, method: 'GET', url: '' },
                    value: null,
                    started_at: now,
                    finished_at: now,
                    verdict: 'not_verified',
                    reason: 'no endpoints to probe'
                }
            };
        }
        // The first failure decides: every endpoint must answer, and a blocked one is never a pass.
        const failed = probes.find((p) => p.measurement.verdict === 'fail');
        const blocked = probes.find((p) => p.blocked);
        const errored = probes.find((p) => p.measurement.verdict === 'error');
        const deciding = failed ?? blocked ?? errored ?? probes[0];
        const others = probes.length > 1 ? ` (${probes.filter((p) => p.measurement.verdict === 'pass').length}/${probes.length} endpoints passed)` : '';
        const measurement = { ...deciding.measurement, reason: `${deciding.measurement.reason}${others}` };
        const gap = failed ? 'failed' : blocked ? 'host_not_allowed' : errored ? 'backend_error' : undefined;
        return { service: service.name, measurement, ...(gap ? { gap } : { freshnessSeconds: 0 }) };
    }
    /** Probe one endpoint. Exported behaviour: used by the audit and by tests. */
    async probe(endpoint) {
        const startedAt = new Date().toISOString();
        const request = { backend: this.backend, method: endpoint.method, url: (0,http/* redactUrl */.BO)(endpoint.url) };
        const threshold = `HTTP ${endpoint['expect-status']} within ${endpoint['max-latency-ms']} ms${endpoint['body-match'] ? `, body matching ${JSON.stringify(endpoint['body-match'])}` : ''}`;
        if (!isHostAllowed(endpoint.url, this.allowedHosts)) {
            return {
                endpoint: endpoint.url,
                blocked: true,
                measurement: {
                    request,
                    threshold,
                    value: null,
                    started_at: startedAt,
                    finished_at: startedAt,
                    verdict: 'not_verified',
                    reason: `not called: host of ${request.url} is not in allowed-hosts`
                }
            };
        }
        let last = '';
        let lastValue = null;
        for (let attempt = 1; attempt <= endpoint.attempts; attempt++) {
            if (attempt > 1) {
                const paused = Date.now();
                await sleep(this.pauseMs);
                (0,run_stats/* recordWait */.Jw)('probe pause between attempts', paused);
            }
            this.requests++;
            try {
                const res = await (0,http/* httpRequest */.aj)({
                    backend: 'synthetic',
                    kind: 'probe',
                    url: endpoint.url,
                    method: endpoint.method,
                    // A little beyond the bound so a slow answer is reported with its real latency.
                    timeoutMs: endpoint['max-latency-ms'] + 1000,
                    retries: 0
                });
                lastValue = res.elapsedMs;
                const problems = [];
                if (res.status !== endpoint['expect-status'])
                    problems.push(`HTTP ${res.status}, expected ${endpoint['expect-status']}`);
                if (res.elapsedMs > endpoint['max-latency-ms'])
                    problems.push(`${res.elapsedMs} ms, above ${endpoint['max-latency-ms']} ms`);
                if (endpoint['body-match'] && !safeMatch(endpoint['body-match'], res.text))
                    problems.push(`body does not match ${JSON.stringify(endpoint['body-match'])}`);
                if (problems.length === 0) {
                    const finishedAt = new Date().toISOString();
                    return {
                        endpoint: endpoint.url,
                        blocked: false,
                        measurement: {
                            request,
                            threshold,
                            value: res.elapsedMs,
                            newest_sample_at: finishedAt,
                            started_at: startedAt,
                            finished_at: finishedAt,
                            verdict: 'pass',
                            reason: `HTTP ${res.status} in ${res.elapsedMs} ms (attempt ${attempt}/${endpoint.attempts})`
                        }
                    };
                }
                last = problems.join('; ');
                if (res.status !== endpoint['expect-status'])
                    lastValue = res.status;
            }
            catch (err) {
                last = err instanceof errors/* BackendError */.Jh ? err.message.replace(/^synthetic: /, '') : String(err);
            }
        }
        return {
            endpoint: endpoint.url,
            blocked: false,
            measurement: {
                request,
                threshold,
                value: lastValue,
                started_at: startedAt,
                finished_at: new Date().toISOString(),
                verdict: 'fail',
                reason: `${endpoint.attempts} attempt(s) failed; last: ${last}`
            }
        };
    }
}
/** body-match is a regular expression; when it is not a valid one, match it as plain text. */
function safeMatch(pattern, text) {
    try {
        return new RegExp(pattern).test(text);
    }
    catch {
        return text.includes(pattern);
    }
}

;// CONCATENATED MODULE: ./src/telemetry/providers.ts




/**
 * Builds each provider once per run and hands out the one a check needs, so request counts add up
 * per backend. A check naming a backend that does not exist or has the wrong type is a config
 * mistake, thrown with a message that says which.
 */
class ProviderRegistry {
    config;
    env;
    log;
    opts;
    cache = new Map();
    all = [];
    constructor(config, env, log, opts = {}) {
        this.config = config;
        this.env = env;
        this.log = log;
        this.opts = opts;
    }
    get requests() {
        return this.all.reduce((n, p) => n + p.requests, 0);
    }
    remember(key, make) {
        let p = this.cache.get(key);
        if (!p) {
            p = make();
            this.cache.set(key, p);
            this.all.push(p);
        }
        return p;
    }
    backendConfig(name, want, kind) {
        const config = this.config.backends[name];
        if (!config)
            throw new Error(`${kind} check names backend "${name}", which is not in backends (${Object.keys(this.config.backends).join(', ') || 'none configured'})`);
        if (want && config.type !== want)
            throw new Error(`${kind} check needs a ${want} backend; "${name}" is ${config.type}`);
        return config;
    }
    prometheus(name) {
        const config = this.backendConfig(name, 'prometheus', 'promql');
        return this.remember(`prometheus:${name}`, () => new PrometheusProvider({ name, config, env: this.env, log: this.log }, { backoffMs: this.opts.backoffMs }));
    }
    for(check) {
        switch (check.kind) {
            case 'promql':
                return this.prometheus(check.backend);
            case 'logql': {
                const config = this.backendConfig(check.backend, 'loki', 'logql');
                return this.remember(`loki:${check.backend}`, () => new LokiProvider({ name: check.backend, config, env: this.env, log: this.log }, { backoffMs: this.opts.backoffMs }));
            }
            case 'http': {
                const name = check.backend;
                const config = name ? this.backendConfig(name, undefined, 'http') : undefined;
                return this.remember(`http:${name ?? ''}`, () => new HttpJsonProvider({ name, config, env: this.env, log: this.log, backoffMs: this.opts.backoffMs }));
            }
            case 'probe':
                return this.remember('synthetic', () => new SyntheticProvider({ allowedHosts: this.config['allowed-hosts'], pauseBetweenAttemptsMs: this.opts.probePauseMs }));
        }
    }
}

;// CONCATENATED MODULE: ./src/telemetry/audit.ts








/** A check result that did not come from a backend (unmapped, not run). */
function localMeasurement(verdict, reason, backend = 'none') {
    const now = new Date().toISOString();
    return { request: { backend, method: 'NONE', url: '' }, value: null, started_at: now, finished_at: now, verdict, reason };
}
/** Gap priority: high for critical services and those a deploy risk names, medium for new ones. */
function gapPriority(service) {
    if (service.critical || service.risks.length > 0)
        return 'high';
    return service.new ? 'medium' : 'low';
}
/** The check for a signal: the configured template, or probing the service's endpoints for synthetics. */
function checkFor(ctx, signal) {
    const configured = ctx.config.signals[signal];
    if (configured)
        return configured;
    return signal === 'synthetic' ? { kind: 'probe' } : undefined;
}
/**
 * Phase 1, step 2: for every service and signal, whether a check is mapped and whether live
 * telemetry verifies it (fresh, finite, non-empty). PromQL and LogQL templates run once for all
 * services; HTTP checks and probes run per service with bounded concurrency. Nothing is assumed:
 * without backends every pair is `not_verified` and the audit says why.
 */
async function runInstrumentationAudit(ctx, opts = {}) {
    const services = ctx.model.services;
    const now = ctx.now();
    const freshnessSeconds = (0,duration/* durationSeconds */.o8)(ctx.config.freshness);
    const registry = new ProviderRegistry(ctx.config, ctx.env, ctx.log, opts);
    const results = new Map();
    let notVerifiedReason;
    if (Object.keys(ctx.config.backends).length === 0) {
        notVerifiedReason = 'no telemetry backends are configured (config `backends`), so no signal could be checked against live telemetry';
    }
    else if (services.length === 0) {
        notVerifiedReason = 'no services were found in the config or the deploy evidence';
    }
    if (!notVerifiedReason) {
        await Promise.all(schema/* SIGNALS */._z.map(async (signal) => {
            const bySvc = new Map();
            results.set(signal, bySvc);
            const check = checkFor(ctx, signal);
            if (!check) {
                for (const s of services) {
                    bySvc.set(s.name, {
                        mapped: false,
                        m: { service: s.name, gap: 'unmapped', measurement: localMeasurement('fail', `no signals.${signal} check is configured`) }
                    });
                }
                return;
            }
            // Probes only map services that have endpoints.
            const targets = check.kind === 'probe' ? services.filter((s) => s.endpoints.length > 0) : services;
            for (const s of services) {
                if (!targets.includes(s)) {
                    bySvc.set(s.name, {
                        mapped: false,
                        m: {
                            service: s.name,
                            gap: 'unmapped',
                            measurement: localMeasurement('fail', 'no endpoints to probe (config or deploy evidence)', 'synthetic')
                        }
                    });
                }
            }
            if (targets.length === 0)
                return;
            let measured;
            let provider;
            try {
                provider = registry.for(check);
                measured = await provider.measure({
                    signal,
                    check,
                    services: targets,
                    serviceLabel: ctx.model.serviceLabel,
                    freshnessSeconds,
                    now
                });
            }
            catch (err) {
                const reason = err instanceof Error ? err.message : String(err);
                measured = targets.map((s) => ({
                    service: s.name,
                    gap: 'backend_error',
                    measurement: localMeasurement('error', reason, 'backend' in check && check.backend ? check.backend : check.kind)
                }));
            }
            for (const m of measured)
                bySvc.set(m.service, { mapped: true, m });
            // Every PromQL signal without data gets its cause, from two grouped queries.
            const empty = measured.filter((m) => m.gap === 'no_data' || m.gap === 'stale' || m.gap === 'backend_error');
            if (check.kind === 'promql' && provider instanceof PrometheusProvider && empty.length > 0) {
                const backendErrors = new Map(empty.filter((m) => m.gap === 'backend_error').map((m) => [m.service, m.measurement.reason]));
                const found = await (0,run_stats/* inPhase */.xe)('no-data-diagnosis', () => diagnoseNoData({
                    client: provider.client,
                    template: check.query,
                    services: targets.filter((t) => empty.some((m) => m.service === t.name)),
                    serviceLabel: ctx.model.serviceLabel,
                    now,
                    freshnessSeconds,
                    backendErrors
                }));
                for (const [service, d] of found)
                    bySvc.get(service).diagnosis = d;
            }
        }));
    }
    const gaps = [];
    let verifiedPairs = 0;
    const audits = services.map((s) => {
        const coverage = {};
        for (const signal of schema/* SIGNALS */._z) {
            const r = results.get(signal)?.get(s.name);
            const m = r?.m ?? {
                service: s.name,
                gap: 'not_verified',
                measurement: localMeasurement('not_verified', notVerifiedReason ?? 'not checked')
            };
            const verified = m.measurement.verdict === 'pass';
            if (verified)
                verifiedPairs++;
            coverage[signal] = {
                signal,
                mapped: r?.mapped ?? checkFor(ctx, signal) !== undefined,
                verified,
                verdict: m.measurement.verdict,
                ...(m.freshnessSeconds !== undefined ? { freshness_seconds: m.freshnessSeconds } : {}),
                ...(m.seriesCount !== undefined ? { series_count: m.seriesCount } : {}),
                measurement: m.measurement,
                ...(r?.diagnosis ? { diagnosis: r.diagnosis } : {})
            };
            if (!verified) {
                const detail = r?.diagnosis ? `${m.measurement.reason}; cause: ${r.diagnosis.detail}` : m.measurement.reason;
                gaps.push({
                    service: s.name,
                    signal,
                    gap: m.gap ?? 'failed',
                    priority: gapPriority(s),
                    detail,
                    ...(r?.diagnosis ? { diagnosis: r.diagnosis } : {})
                });
            }
        }
        const n = schema/* SIGNALS */._z.filter((sig) => coverage[sig].verified).length;
        const status = n === schema/* SIGNALS */._z.length ? 'covered' : n === 0 ? 'uncovered' : 'partial';
        return {
            service_name: s.name,
            critical: s.critical,
            new: s.new,
            status,
            metrics: coverage.metrics,
            logs: coverage.logs,
            traces: coverage.traces,
            synthetics: coverage.synthetic
        };
    });
    const order = { high: 0, medium: 1, low: 2 };
    gaps.sort((a, b) => order[a.priority] - order[b.priority] || (0,util_order/* byText */.z)(a.service, b.service) || schema/* SIGNALS */._z.indexOf(a.signal) - schema/* SIGNALS */._z.indexOf(b.signal));
    const pairs = services.length * schema/* SIGNALS */._z.length;
    const audit = {
        schema_version: files/* SCHEMA_VERSIONS */.o8.instrumentationAudit,
        audit_date: now.toISOString(),
        environment: ctx.model.environment,
        coverage_completeness: pairs === 0 ? 0 : Math.round((verifiedPairs / pairs) * 1000) / 10,
        requests: registry.requests,
        services: audits,
        missing_coverage: gaps,
        source: 'built-in'
    };
    if (notVerifiedReason)
        audit.not_verified_reason = notVerifiedReason;
    return audit;
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
