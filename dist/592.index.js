export const id = 592;
export const ids = [592];
export const modules = {

/***/ 11592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _A: () => (/* binding */ VALIDATION_REQUEST),
  runAlertTests: () => (/* binding */ runAlertTests)
});

// UNUSED EXPORTS: NOT_APPROVED_REASON, TRIGGERING_MESSAGE, alertLabels, selectProvider

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/util/http.ts
var http = __webpack_require__(44098);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/stats/run-stats.ts
var run_stats = __webpack_require__(46968);
;// CONCATENATED MODULE: ./src/alerting/providers/common.ts


/** The seed's AlertFailure message: said when an alert did not reach the responder, and only then. */
const ALERT_FAILURE = '[ERROR] Synthetic alert did not reach on-call responder.';
/** The alertname synthetic alerts carry unless the route's labels set one. */
const SYNTHETIC_ALERT_NAME = 'SreMonitoringSyntheticTest';
const errorMessage = (err) => (err instanceof Error ? err.message : String(err));
const iso = (ms) => new Date(ms).toISOString();
/** A fresh attempt: nothing observed yet. */
function newAttempt(p) {
    const routed = {
        status: 'not_checked',
        at: null,
        detail: 'not checked',
        evidence: [],
        expected: p.route['expect-receiver'],
        receivers: []
    };
    const delivered = { status: 'not_checked', at: null, detail: 'not checked', evidence: [] };
    const acknowledged = {
        status: 'not_checked',
        at: null,
        detail: 'not checked',
        evidence: [],
        by: null,
        seconds: null,
        sla_seconds: p.sla_seconds,
        refusals: []
    };
    return {
        attempt: p.attempt,
        test_id: p.test_id,
        labels: p.labels,
        triggered_at: null,
        outcome: 'not_run',
        facts: { routed, delivered, acknowledged },
        wait: { delivery: 'not_started', acknowledgement: 'not_started' },
        cleanup: { resolved: false, at: null, detail: 'nothing was sent' },
        reason: ''
    };
}
function evidence(source, observed, request) {
    return { source, ...(request ? { request } : {}), observed, at: new Date().toISOString() };
}
/** Compare the chosen receivers with the expected one and record the routed fact. */
function setRouted(a, receivers, at, detail, ev) {
    const r = a.facts.routed;
    r.receivers = receivers;
    r.evidence.push(...ev);
    r.at = at;
    r.status = receivers.includes(r.expected) ? 'confirmed' : receivers.length ? 'failed' : 'not_confirmed';
    r.detail = detail;
}
/**
 * A time as the on-call side gives it: ISO 8601 with a zone (a time without one is ambiguous and
 * refused), or a number of epoch seconds/milliseconds.
 */
function parseTime(v, unit = 'ms') {
    if (v === undefined || v === null || v === '')
        return undefined;
    if (typeof v === 'number')
        return Number.isFinite(v) && v > 0 ? { ms: unit === 's' ? v * 1000 : v } : { problem: `${v} is not a time` };
    if (typeof v !== 'string')
        return { problem: `${JSON.stringify(v).slice(0, 60)} is not a time` };
    if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v.trim())) {
        return { problem: `${JSON.stringify(v.slice(0, 60))} is not an ISO 8601 time with a zone (e.g. 2026-12-01T10:00:00Z)` };
    }
    const ms = Date.parse(v.trim().replace(' ', 'T'));
    return Number.isNaN(ms) ? { problem: `${JSON.stringify(v.slice(0, 60))} is not a valid time` } : { ms };
}
/**
 * Whether an acknowledgement counts: a time after the trigger (less the clock skew), not in the
 * future, by an identity that is a person (not matching ack-ignore). Late is still an
 * acknowledgement, recorded as late.
 */
function judgeAck(c, triggeredMs, nowMs, policy) {
    const by = typeof c.by === 'string' && c.by.trim() ? c.by.trim() : null;
    const refuse = (reason, at = null) => ({ ok: false, refusal: { at, by, reason } });
    const t = parseTime(c.at, c.unit);
    if (!t)
        return refuse('no acknowledgement time: a flag or state without a time is not an acknowledgement');
    if ('problem' in t)
        return refuse(`acknowledgement time ${t.problem}`);
    const at = iso(t.ms);
    const skew = policy.skewSeconds * 1000;
    if (t.ms < triggeredMs - skew) {
        return refuse(`acknowledged before the alert was sent (${at}, ${Math.round((triggeredMs - t.ms) / 1000)} s before the trigger at ${iso(triggeredMs)}; clock skew allowed ${policy.skewSeconds} s)`, at);
    }
    if (t.ms > nowMs + skew)
        return refuse(`acknowledged in the future (${at}, now ${iso(nowMs)}; clock skew allowed ${policy.skewSeconds} s)`, at);
    if (c.notPerson)
        return refuse(`acknowledged by an integration (${c.notPerson}), not a person`, at);
    if (!by)
        return refuse('acknowledged by nobody named: the on-call side gave no acknowledging identity', at);
    const hit = policy.ignore.find((re) => re.test(by));
    if (hit)
        return refuse(`acknowledged by an integration (${by} matches alerting.ack-ignore /${hit.source}/), not a person`, at);
    const seconds = Math.max(0, Math.round(t.ms - triggeredMs)) / 1000;
    return { ok: true, at, by, seconds, late: seconds > policy.slaSeconds };
}
/**
 * Record what the acknowledgement candidates say on the attempt's acknowledged fact: the first
 * accepted one, else every refusal. Returns true once a person's acknowledgement was recorded.
 */
function applyAcks(a, candidates, policy, ev) {
    const f = a.facts.acknowledged;
    const trigger = Date.parse(a.triggered_at ?? '');
    const now = Date.now();
    let accepted;
    for (const c of candidates) {
        const j = judgeAck(c, trigger, now, policy);
        if (j.ok) {
            accepted ??= j;
            continue;
        }
        if (!f.refusals.some((r) => r.reason === j.refusal.reason && r.at === j.refusal.at && r.by === j.refusal.by))
            f.refusals.push(j.refusal);
    }
    if (!accepted)
        return false;
    f.evidence.push(ev);
    f.at = accepted.at;
    f.by = accepted.by;
    f.seconds = accepted.seconds;
    f.status = accepted.late ? 'failed' : 'confirmed';
    f.detail = accepted.late
        ? `acknowledged by ${accepted.by} at ${accepted.at}, ${accepted.seconds} s after the trigger, beyond the ${policy.slaSeconds} s SLA`
        : `acknowledged by ${accepted.by} at ${accepted.at}, ${accepted.seconds} s after the trigger (SLA ${policy.slaSeconds} s)`;
    return true;
}
/** When nothing counted by the end of the wait. */
function closeAckFact(a, outcome, until) {
    const f = a.facts.acknowledged;
    a.wait.acknowledgement = outcome;
    if (f.status === 'confirmed' || f.status === 'failed' || f.status === 'error')
        return;
    if (outcome === 'not_started')
        return;
    f.status = 'not_confirmed';
    f.detail = f.refusals.length
        ? `no acknowledgement by a person by ${iso(until)}; refused: ${f.refusals.map((r) => `${r.reason}${r.by ? ` [by ${r.by}]` : ''}`).join('; ')}`
        : `no acknowledgement by a person by ${iso(until)} (wait ${outcome})`;
}
const sleep = (ms, signal) => new Promise((resolve) => {
    if (signal?.aborted)
        return resolve();
    const t = setTimeout(done, ms);
    function done() {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
});
/**
 * Poll until fn returns a value, the deadline passes or the run is cancelled. Intervals grow from
 * firstMs to maxMs so a fast path is seen quickly without hammering a slow one. A BackendError
 * ends the wait.
 */
async function pollUntil(fn, opts) {
    let interval = opts.firstMs;
    for (;;) {
        if (opts.signal?.aborted)
            return { outcome: 'cancelled' };
        try {
            const v = await fn();
            if (v !== undefined)
                return { outcome: 'completed', value: v };
        }
        catch (err) {
            if (err instanceof errors/* BackendError */.Jh)
                return { outcome: 'backend_error', error: err.message };
            throw err;
        }
        const left = opts.deadline - Date.now();
        if (left <= 0)
            return { outcome: 'timed_out' };
        const paused = Date.now();
        await sleep(Math.min(interval, left), opts.signal);
        (0,run_stats/* recordWait */.Jw)(opts.what ?? 'polling', paused);
        interval = Math.min(opts.maxMs, interval * 1.5);
    }
}
const list = (xs) => (xs.length ? xs.map((x) => `"${x}"`).join(', ') : 'none');
/**
 * Decide an attempt from its three facts and write its reason, in the order the responder must
 * fix things: wrong receiver, not delivered, then the acknowledgement.
 */
function decideAttempt(a, route) {
    const { routed, delivered, acknowledged } = a.facts;
    const head = `Route "${route}"`;
    const errored = [routed, delivered, acknowledged].find((f) => f.status === 'error');
    const routedText = `routed to ${list(routed.receivers)}${routed.at ? ` at ${routed.at}` : ''}`;
    const deliveredText = `delivered${delivered.at ? ` at ${delivered.at}` : ''} (${delivered.detail})`;
    if (a.outcome === 'cancelled') {
        a.reason = `${head}: cancelled before the test finished (${acknowledged.detail}).`;
    }
    else if (errored) {
        a.outcome = 'error';
        a.reason = `${head}: ${errored.detail}`;
    }
    else if (routed.status === 'failed') {
        a.outcome = 'wrong_receiver';
        a.reason = `${ALERT_FAILURE} ${head}: wrong receiver: expected "${routed.expected}", actual ${list(routed.receivers)} (${routed.detail}).`;
    }
    else if (routed.status !== 'confirmed') {
        a.outcome = 'not_routed';
        a.reason = `${ALERT_FAILURE} ${head}: not routed to "${routed.expected}": ${routed.detail}.`;
    }
    else if (delivered.status !== 'confirmed') {
        a.outcome = 'routed_not_delivered';
        const support = delivered.supporting?.length
            ? ` Alertmanager's counters: ${delivered.supporting.map((s) => s.observed).join('; ')}.`
            : '';
        a.reason = `${ALERT_FAILURE} ${head}: ${routedText}, delivery not confirmed: ${delivered.detail}.${support}`;
    }
    else if (acknowledged.status === 'confirmed') {
        a.outcome = 'passed';
        a.reason = `${head}: ${routedText}, ${deliveredText}, ${acknowledged.detail}.`;
    }
    else if (acknowledged.status === 'failed') {
        a.outcome = 'acknowledged_late';
        a.reason = `${head}: ${routedText}, ${deliveredText}, ${acknowledged.detail}.`;
    }
    else {
        a.outcome = acknowledged.refusals.length ? 'acknowledgement_refused' : 'not_acknowledged';
        a.reason = `${head}: ${routedText}, ${deliveredText}, not acknowledged by a person within the ${acknowledged.sla_seconds} s SLA: ${acknowledged.detail}.`;
    }
    return a;
}
/** The route's record: the deciding attempt (the one that passed, else the last) and all attempts. */
function routeRecord(p, provider, attempts) {
    const decisive = attempts.find((x) => x.outcome === 'passed') ?? attempts[attempts.length - 1];
    const ack = decisive?.facts.acknowledged;
    const status = !decisive || decisive.outcome === 'not_run'
        ? 'not_run'
        : decisive.outcome === 'passed'
            ? 'passed'
            : decisive.outcome === 'error'
                ? 'error'
                : 'failed';
    let reason = decisive?.reason ?? '';
    if (attempts.length > 1) {
        const seq = attempts.map((x) => `attempt ${x.attempt} (${x.test_id}): ${x.outcome}`).join(', ');
        reason =
            decisive?.outcome === 'passed'
                ? `${reason} Passed on a rerun: ${seq}.`
                : `${reason} Rerun with a fresh test id, no attempt passed: ${seq}.`;
    }
    return {
        test_id: decisive?.test_id ?? '',
        route: p.route.name,
        alert_name: p.alert_name,
        provider,
        expected_receiver: p.route['expect-receiver'],
        actual_receivers: decisive?.facts.routed.receivers ?? [],
        triggered_at: decisive?.triggered_at ?? null,
        delivered_at: decisive?.facts.delivered.status === 'confirmed' ? decisive.facts.delivered.at : null,
        acknowledged_at: ack?.status === 'confirmed' || ack?.status === 'failed' ? ack.at : null,
        acknowledgement_time_seconds: ack?.status === 'confirmed' || ack?.status === 'failed' ? ack.seconds : null,
        ...(ack?.by ? { acknowledged_by: ack.by } : {}),
        sla_seconds: p.sla_seconds,
        sla_met: decisive?.outcome === 'passed',
        status,
        outcome: decisive?.outcome ?? 'not_run',
        wait: decisive?.wait ?? { delivery: 'not_started', acknowledgement: 'not_started' },
        resolved: attempts.every((x) => x.cleanup.resolved),
        reason,
        attempts
    };
}
/** The routed fact is an error (the on-call side could not be asked), never a failed route; then decide. */
function routedError(a, route, detail) {
    a.facts.routed.status = 'error';
    a.facts.routed.detail = detail;
    return decideAttempt(a, route);
}
/** A provider call threw before the attempt was decided: `<who> could not be reached`. */
function unreachable(a, route, who, err) {
    return routedError(a, route, `${who} could not be reached: ${errorMessage(err)}`);
}
/**
 * The wait for the on-call side to show the alert ended without an answer to read: cancelled, or
 * `api` could not be read (a backend error). Undefined when the wait has a value (or none) to judge.
 */
function deliveryWaitEnded(a, found, route, api) {
    a.wait.delivery = found.outcome;
    if (found.outcome === 'cancelled') {
        a.outcome = 'cancelled';
        return decideAttempt(a, route);
    }
    if (found.outcome === 'backend_error')
        return routedError(a, route, `${api} could not be read: ${found.error}`);
    return undefined;
}
/**
 * The acknowledgement wait is over: cancelled, `api` could not be read (the acknowledged fact is an
 * error), or not acknowledged by the deadline; then decide the attempt.
 */
function ackWaitEnded(a, acked, p, api) {
    if (acked.outcome === 'cancelled')
        a.outcome = 'cancelled';
    if (acked.outcome === 'backend_error') {
        a.facts.acknowledged.status = 'error';
        a.facts.acknowledged.detail = `${api} could not be read: ${acked.error}`;
    }
    closeAckFact(a, acked.outcome, p.deadline);
    return decideAttempt(a, p.route.name);
}

// EXTERNAL MODULE: ./src/util/json.ts
var json = __webpack_require__(74976);
;// CONCATENATED MODULE: ./src/alerting/providers/json-path.ts
/**
 * The JSON paths of `alerting.webhook.ack`: RFC 9535 singular queries only (`$`, `.name`,
 * `['name']`, `[0]`, `[-1]`), so each path names at most one value and never runs code.
 */

function parseJsonPath(path) {
    if (!path.startsWith('$'))
        throw new Error(`JSON path ${JSON.stringify(path)} must start with $`);
    const out = [];
    const re = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(-?\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;
    let i = 1;
    while (i < path.length) {
        re.lastIndex = i;
        const m = re.exec(path);
        if (!m)
            throw new Error(`JSON path ${JSON.stringify(path)}: cannot read from position ${i} ("${path.slice(i, i + 10)}")`);
        if (m[1] !== undefined)
            out.push(m[1]);
        else if (m[2] !== undefined)
            out.push(Number(m[2]));
        else
            out.push((m[3] ?? m[4]));
        i = re.lastIndex;
    }
    return out;
}
/** The value at the path, or undefined when any step is missing. */
function readJsonPath(data, path) {
    const segments = typeof path === 'string' ? parseJsonPath(path) : path;
    let cur = data;
    for (const seg of segments) {
        if (typeof seg === 'number') {
            if (!Array.isArray(cur))
                return undefined;
            cur = cur[seg < 0 ? cur.length + seg : seg];
        }
        else {
            if (!(0,json/* isObject */.G)(cur) || !Object.prototype.hasOwnProperty.call(cur, seg))
                return undefined;
            cur = cur[seg];
        }
    }
    return cur;
}

;// CONCATENATED MODULE: ./src/alerting/providers/ack-source.ts




/** Largest acknowledgement answer read. */
const MAX_ANSWER_CHARS = 1024 * 1024;
const MAX_NAME_CHARS = 200;
/**
 * Delivery and acknowledgement read over HTTP from the on-call side (`alerting.webhook.ack-url`,
 * `{{test_id}}` substituted). 404 while it holds nothing; otherwise JSON whose fields are found
 * by the JSON paths of `alerting.webhook.ack` (default `{receiver, delivered_at, acknowledged_at,
 * acknowledged_by}`). See docs/alert-acknowledgements.md.
 */
class HttpAckSource {
    cfg;
    description;
    pollMs;
    headers;
    paths;
    constructor(ctx, cfg) {
        this.cfg = cfg;
        this.description = (0,http/* redactUrl */.BO)(cfg['ack-url']);
        this.pollMs = cfg['poll-seconds'] * 1000;
        this.headers = { Accept: 'application/json', ...(0,http/* authHeaders */.Pw)(cfg.auth, cfg.headers, ctx.env, ctx.log, 'ack-source') };
        const m = cfg.ack;
        this.paths = {
            ackAt: parseJsonPath(m['acknowledged-at']),
            ackBy: parseJsonPath(m['acknowledged-by']),
            deliveredAt: parseJsonPath(m['delivered-at']),
            receiver: parseJsonPath(m.receiver),
            ...(m.acknowledged ? { flag: parseJsonPath(m.acknowledged) } : {}),
            ...(m['acknowledged-after'] ? { after: parseJsonPath(m['acknowledged-after']) } : {})
        };
    }
    async check(testId) {
        const url = this.cfg['ack-url'].split('{{test_id}}').join(encodeURIComponent(testId));
        const where = `GET ${(0,http/* redactUrl */.BO)(url)}`;
        const res = await (0,http/* httpRequest */.aj)({ backend: 'ack-source', url, headers: this.headers, timeoutMs: 10_000, retries: 1 });
        if (res.status === 404)
            return undefined;
        if (res.status !== 200)
            throw new errors/* BackendError */.Jh('ack-source', where, `HTTP ${res.status}`, res.status);
        if (res.text.length > MAX_ANSWER_CHARS)
            throw new errors/* BackendError */.Jh('ack-source', where, `answer larger than ${MAX_ANSWER_CHARS} characters`);
        let body;
        try {
            body = JSON.parse(res.text);
        }
        catch {
            throw new errors/* BackendError */.Jh('ack-source', where, 'answer is not JSON');
        }
        return this.report(body, where);
    }
    /** The mapped fields of one answer. */
    report(body, where) {
        const m = this.cfg.ack;
        const unit = m['number-unit'];
        // Identities and names from the on-call side end up in reasons and logs: kept short.
        const short = (v) => (typeof v === 'string' && v.length > MAX_NAME_CHARS ? `${v.slice(0, MAX_NAME_CHARS)}...` : v);
        const receiver = short(readJsonPath(body, this.paths.receiver));
        const by = short(readJsonPath(body, this.paths.ackBy));
        let at = readJsonPath(body, this.paths.ackAt);
        if (this.paths.after && at !== undefined && at !== null) {
            // A duration after another time (Opsgenie: report.ackTime ms after createdAt).
            const base = parseTime(readJsonPath(body, this.paths.after), unit);
            at =
                typeof at === 'number' && base && 'ms' in base
                    ? base.ms + (unit === 's' ? at * 1000 : at)
                    : `${String(at)} (not a duration after a valid time)`;
        }
        const flag = this.paths.flag ? readJsonPath(body, this.paths.flag) : undefined;
        const acks = [];
        // A flag alone is no acknowledgement: it is judged, and refused, for want of a time.
        if ((at !== undefined && at !== null) || flag === true)
            acks.push({ at, by: typeof by === 'string' ? by : by == null ? null : JSON.stringify(by).slice(0, MAX_NAME_CHARS), unit });
        const observed = {
            receiver,
            delivered_at: readJsonPath(body, this.paths.deliveredAt),
            acknowledged_at: at,
            acknowledged_by: by,
            ...(this.paths.flag ? { acknowledged: flag } : {})
        };
        return {
            ...(typeof receiver === 'string' && receiver ? { receiver } : {}),
            deliveredAt: readJsonPath(body, this.paths.deliveredAt),
            acks,
            evidence: evidence(`acknowledgement source ${this.description}`, observed, where),
            unit
        };
    }
}
/**
 * Watch the on-call side for one attempt until a person's acknowledgement counts or the deadline
 * passes: the delivered fact from its delivery time (and receiver), the acknowledged fact from its
 * acknowledgement, each refused when the time is impossible.
 */
async function watchOnCall(a, source, p) {
    const d = a.facts.delivered;
    const trigger = Date.parse(a.triggered_at ?? '');
    const skew = p.policy.skewSeconds * 1000;
    let last;
    const result = await pollUntil(async () => {
        const r = await source.check(p.test_id);
        if (!r)
            return undefined;
        last = r;
        if (d.status !== 'confirmed' && d.status !== 'failed') {
            const t = parseTime(r.deliveredAt, r.unit);
            if (r.receiver && r.receiver !== p.route['expect-receiver']) {
                d.status = 'failed';
                d.detail = `the on-call side reports it on receiver "${r.receiver}", not "${p.route['expect-receiver']}"`;
                d.evidence.push(r.evidence);
            }
            else if (t && 'ms' in t) {
                if (t.ms < trigger - skew)
                    d.detail = `the on-call side reports a delivery time ${new Date(t.ms).toISOString()} before the alert was sent (${a.triggered_at})`;
                else if (t.ms > Date.now() + skew)
                    d.detail = `the on-call side reports a delivery time ${new Date(t.ms).toISOString()} in the future`;
                else {
                    d.status = 'confirmed';
                    d.at = new Date(t.ms).toISOString();
                    d.detail = `the on-call side reports receiving it${r.receiver ? ` on ${r.receiver}` : ''} at ${d.at}`;
                    d.evidence.push(r.evidence);
                }
            }
            else if (t && 'problem' in t)
                d.detail = `the on-call side's delivery time ${t.problem}`;
        }
        if (d.status === 'failed')
            return true;
        return applyAcks(a, r.acks, p.policy, r.evidence) ? true : undefined;
    }, { what: 'acknowledgement polling', deadline: p.deadline, firstMs: Math.min(100, source.pollMs), maxMs: source.pollMs, signal: p.signal });
    a.wait.delivery = d.status === 'confirmed' || d.status === 'failed' ? 'completed' : result.outcome;
    if (result.outcome === 'backend_error') {
        const f = d.status === 'confirmed' ? a.facts.acknowledged : d;
        f.status = 'error';
        f.detail = `the acknowledgement source ${source.description} could not be read: ${result.error}`;
    }
    if (d.status === 'not_checked') {
        d.status = 'not_confirmed';
        d.detail = last
            ? `the on-call side holds the test but reports no valid delivery time by ${new Date(p.deadline).toISOString()}${d.detail !== 'not checked' ? `: ${d.detail}` : ''}`
            : `the on-call side (${source.description}) never reported the alert by ${new Date(p.deadline).toISOString()} (wait ${result.outcome})`;
        if (last)
            d.evidence.push(last.evidence);
    }
    if (d.status === 'failed') {
        a.wait.acknowledgement = 'not_started';
        return last;
    }
    if (last && a.facts.acknowledged.status === 'not_checked' && !a.facts.acknowledged.evidence.length)
        a.facts.acknowledged.evidence.push(last.evidence);
    closeAckFact(a, result.outcome, p.deadline);
    return last;
}

;// CONCATENATED MODULE: ./src/alerting/providers/alertmanager/metrics.ts
const LINE = /^alertmanager_notification(s|_requests)(_failed)?_total\{([^}]*)\}\s+(\S+)/;
function parseNotificationCounters(text) {
    const out = {};
    for (const line of text.split('\n')) {
        const m = LINE.exec(line);
        if (!m)
            continue;
        const labels = Object.fromEntries([...m[3].matchAll(/([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
        // Newer versions count per receiver as well (receiver_name); older ones only per integration.
        const key = labels.receiver_name ? `${labels.integration}/${labels.receiver_name}` : String(labels.integration);
        const v = Number(m[4]);
        const c = (out[key] ??= { total: 0, failed: 0, requests: 0, requestsFailed: 0 });
        const field = m[1] === 's' ? (m[2] ? 'failed' : 'total') : m[2] ? 'requestsFailed' : 'requests';
        c[field] += v;
    }
    return out;
}
/** The counters' rise between two readings for a receiver's integrations, as text. */
function counterDelta(before, after, integrations, receiver) {
    const zero = { total: 0, failed: 0, requests: 0, requestsFailed: 0 };
    return integrations.map((i) => {
        const key = after[`${i}/${receiver}`] ? `${i}/${receiver}` : i;
        const a = after[key] ?? zero;
        const b = before[key] ?? zero;
        const scope = key.includes('/') ? `integration="${i}",receiver_name="${receiver}"` : `integration="${i}", all receivers`;
        return (`alertmanager_notifications_total{${scope}} +${a.total - b.total}, alertmanager_notifications_failed_total{${scope}} +${a.failed - b.failed}, ` +
            `alertmanager_notification_requests_total{${scope}} +${a.requests - b.requests}, alertmanager_notification_requests_failed_total{${scope}} +${a.requestsFailed - b.requestsFailed}`);
    });
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/alerting/providers/alertmanager/routing.ts
/**
 * Alertmanager's routing tree, evaluated on its running config (`config.original` from
 * `/api/v2/status`) the way `amtool config routes test` does: a route matches when all its
 * matchers do; its children are tried in order and the first match wins unless it has
 * `continue: true`; a route without a matching child is the answer; receivers are inherited.
 */

/** Go's RE2 is anchored by Alertmanager; `(?i)` becomes the i flag. */
function anchored(re) {
    const m = /^\(\?i\)/.exec(re);
    return new RegExp(`^(?:${m ? re.slice(4) : re})$`, m ? 'i' : '');
}
function unquote(v) {
    const t = v.trim();
    if (t.startsWith('"') && t.endsWith('"') && t.length >= 2)
        return JSON.parse(t);
    return t;
}
/** One `matchers:` entry: `name="value"`, `name=~"re"`, unquoted too; braces and commas allowed. */
function parseMatchers(text) {
    let s = text.trim();
    if (s.startsWith('{') && s.endsWith('}'))
        s = s.slice(1, -1);
    const parts = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (c === '\\' && quoted) {
            cur += c + (s[++i] ?? '');
            continue;
        }
        if (c === '"')
            quoted = !quoted;
        if (c === ',' && !quoted) {
            parts.push(cur);
            cur = '';
        }
        else
            cur += c;
    }
    if (cur.trim())
        parts.push(cur);
    return parts.map((p) => {
        const m = /^\s*([A-Za-z_][A-Za-z0-9_]*|"[^"]*")\s*(=~|!~|!=|=)\s*(.*)$/.exec(p);
        if (!m)
            throw new Error(`matcher ${JSON.stringify(p.trim())} is not name=value, name!=value, name=~re or name!~re`);
        return { name: unquote(m[1]), op: m[2], value: unquote(m[3]) };
    });
}
function matches(node, labels) {
    const ms = [];
    for (const t of node.matchers ?? [])
        ms.push(...parseMatchers(t));
    for (const [k, v] of Object.entries(node.match ?? {}))
        ms.push({ name: k, op: '=', value: String(v) });
    for (const [k, v] of Object.entries(node.match_re ?? {}))
        ms.push({ name: k, op: '=~', value: String(v) });
    return ms.every((m) => {
        const v = labels[m.name] ?? '';
        if (m.op === '=')
            return v === m.value;
        if (m.op === '!=')
            return v !== m.value;
        const hit = anchored(m.value).test(v);
        return m.op === '=~' ? hit : !hit;
    });
}
function walk(node, labels, inherited, out) {
    if (!matches(node, labels))
        return false;
    const receiver = node.receiver ?? inherited;
    let matchedChild = false;
    for (const child of node.routes ?? []) {
        if (walk(child, labels, receiver, out)) {
            matchedChild = true;
            if (!child.continue)
                break;
        }
    }
    if (!matchedChild && receiver && !out.includes(receiver))
        out.push(receiver);
    return true;
}
function parseRunningConfig(original) {
    const doc = (0,dist/* parse */.qg)(original);
    if (!doc?.route)
        throw new Error('the running config has no route');
    const integrations = new Map();
    for (const r of doc.receivers ?? []) {
        const kinds = Object.keys(r)
            .filter((k) => k.endsWith('_configs') && Array.isArray(r[k]) && r[k].length > 0)
            .map((k) => k.replace(/_configs$/, ''));
        integrations.set(String(r.name), kinds);
    }
    return { root: doc.route, integrations };
}
/** The receivers the routing tree sends these labels to (the root always matches). */
function routeReceivers(cfg, labels) {
    const out = [];
    walk({ ...cfg.root, matchers: [], match: {}, match_re: {} }, labels, undefined, out);
    return out;
}

;// CONCATENATED MODULE: ./src/alerting/providers/alertmanager/index.ts






/** How long to wait for Alertmanager to drop the alert after it was resolved. */
const RESOLVE_CHECK_MS = 5000;
const ROUTE_CHECK_METHOD = "the running config's route tree (GET /api/v2/status config.original), matched as `amtool config routes test` does";
/**
 * Alertmanager v2: the synthetic alert is POSTed like any alert, so it runs through the real
 * routing tree. Routed: the receivers `GET /api/v2/alerts` lists, checked against the running
 * config. Delivered and acknowledged: only what the on-call side reports (the AckSource); the
 * notification counters on /metrics are kept as supporting evidence, never as a delivery.
 */
class AlertmanagerProvider {
    ctx;
    cfg;
    ack;
    name = 'alertmanager';
    base;
    headers;
    running;
    constructor(ctx, cfg, ack) {
        this.ctx = ctx;
        this.cfg = cfg;
        this.ack = ack;
        this.base = cfg.url.replace(/\/+$/, '');
        this.headers = {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            ...(0,http/* authHeaders */.Pw)(cfg.auth, cfg.headers, ctx.env, ctx.log, 'alertmanager')
        };
    }
    async request(method, path, body, accept) {
        return (0,http/* httpRequest */.aj)({
            backend: 'alertmanager',
            url: `${this.base}${path}`,
            method,
            headers: accept ? { ...this.headers, Accept: accept } : this.headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            timeoutMs: this.cfg['timeout-seconds'] * 1000,
            retries: this.cfg.retries
        });
    }
    where(method, path) {
        return `${method} ${(0,http/* redactUrl */.BO)(this.base)}${path}`;
    }
    async post(alert) {
        const res = await this.request('POST', '/api/v2/alerts', [alert]);
        if (res.status !== 200)
            throw new errors/* BackendError */.Jh('alertmanager', this.where('POST', '/api/v2/alerts'), `HTTP ${res.status}: ${res.text.slice(0, 300)}`, res.status);
    }
    filterPath(testId) {
        return `/api/v2/alerts?filter=${encodeURIComponent(`test_id="${testId}"`)}`;
    }
    /** The alert with this test id as Alertmanager holds it, if it holds it. */
    async find(testId) {
        const path = this.filterPath(testId);
        const res = await this.request('GET', path);
        if (res.status !== 200)
            throw new errors/* BackendError */.Jh('alertmanager', this.where('GET', path), `HTTP ${res.status}`, res.status);
        let alerts;
        try {
            alerts = JSON.parse(res.text);
        }
        catch {
            throw new errors/* BackendError */.Jh('alertmanager', this.where('GET', path), 'answer is not JSON');
        }
        return Array.isArray(alerts) ? alerts.find((a) => a.labels?.test_id === testId) : undefined;
    }
    /** The running config, read once per run; a string says why it could not be used. */
    runningConfig() {
        this.running ??= (async () => {
            try {
                const res = await this.request('GET', '/api/v2/status');
                if (res.status !== 200)
                    return `GET /api/v2/status answered HTTP ${res.status}`;
                const original = JSON.parse(res.text).config?.original;
                if (!original)
                    return 'GET /api/v2/status has no config.original';
                return parseRunningConfig(original);
            }
            catch (err) {
                return `the running config could not be read: ${errorMessage(err)}`;
            }
        })();
        return this.running;
    }
    async counters() {
        try {
            const res = await this.request('GET', '/metrics', undefined, 'text/plain');
            return res.status === 200 ? parseNotificationCounters(res.text) : undefined;
        }
        catch {
            return undefined;
        }
    }
    async run(p) {
        const a = newAttempt(p);
        const startsAt = this.ctx.now().toISOString();
        const alert = {
            labels: p.labels,
            annotations: {
                summary: `Synthetic alert test for route ${p.route.name}; please acknowledge. It resolves itself.`,
                description: `Sent by sre-monitoring (run ${this.ctx.runId}) to verify the alert path to ${p.route['expect-receiver']}.`
            },
            startsAt,
            // Expires by itself soon after the test, even if this run dies before resolving it.
            endsAt: new Date(p.deadline + 60_000).toISOString()
        };
        const [running, before] = await Promise.all([this.runningConfig(), this.counters()]);
        let posted = false;
        try {
            try {
                await this.post(alert);
            }
            catch (err) {
                // A 4xx means Alertmanager refused this alert (e.g. its labels): the path is broken.
                if (err instanceof errors/* BackendError */.Jh && err.status !== undefined && err.status < 500) {
                    a.facts.routed.status = 'not_confirmed';
                    a.facts.routed.detail = `Alertmanager rejected the alert: ${err.message}`;
                    return decideAttempt(a, p.route.name);
                }
                throw err;
            }
            posted = true;
            a.triggered_at = startsAt;
            a.cleanup = { resolved: false, at: null, detail: 'sent; not resolved yet' };
            let suppressed;
            const path = this.filterPath(p.test_id);
            const seen = await pollUntil(async () => {
                const x = await this.find(p.test_id);
                if (!x)
                    return undefined;
                if (x.status?.state === 'suppressed') {
                    suppressed = [
                        ...(x.status?.silencedBy ?? []).map((s) => `silence ${s}`),
                        ...(x.status?.inhibitedBy ?? []).map((s) => `inhibited by ${s}`)
                    ].join(', ');
                    return x;
                }
                return x.status?.state === 'active' && (x.receivers?.length ?? 0) > 0 ? x : undefined;
            }, { what: 'Alertmanager routing (group wait)', deadline: p.deadline, firstMs: 25, maxMs: 1000, signal: p.signal });
            if (seen.outcome === 'cancelled')
                return this.cancelled(a, p);
            if (seen.outcome === 'backend_error')
                return routedError(a, p.route.name, `Alertmanager stopped answering while the alert was being confirmed: ${seen.error}`);
            const r = a.facts.routed;
            if (!seen.value) {
                r.status = 'not_confirmed';
                r.detail = `Alertmanager did not list the alert as active with a receiver by ${new Date(p.deadline).toISOString()} (${this.where('GET', path)})`;
                return decideAttempt(a, p.route.name);
            }
            const receivers = (seen.value.receivers ?? []).map((x) => x.name ?? '').filter(Boolean);
            const ev = [evidence('alertmanager', { state: seen.value.status?.state, receivers }, this.where('GET', path))];
            let detail = `Alertmanager's routing tree chose ${receivers.join(', ') || 'no receiver'} (GET /api/v2/alerts)`;
            if (typeof running === 'string') {
                detail += `; not checked against the running config: ${running}`;
            }
            else {
                try {
                    r.config_receivers = routeReceivers(running, p.labels);
                    r.method = ROUTE_CHECK_METHOD;
                    const agree = r.config_receivers.length === receivers.length && r.config_receivers.every((x) => receivers.includes(x));
                    detail += agree
                        ? `; the running config routes these labels to ${r.config_receivers.join(', ')} as well`
                        : `; the running config routes these labels to ${r.config_receivers.join(', ') || 'no receiver'}`;
                }
                catch (err) {
                    detail += `; not checked against the running config: ${errorMessage(err)}`;
                }
            }
            setRouted(a, receivers, startsAt, detail, ev);
            if (suppressed) {
                r.status = 'not_confirmed';
                r.detail = `Alertmanager holds the alert but suppresses it (${suppressed || 'silenced or inhibited'}), so nobody is notified`;
                return decideAttempt(a, p.route.name);
            }
            if (r.status !== 'confirmed')
                return decideAttempt(a, p.route.name);
            if (!this.ack) {
                a.facts.delivered.status = 'not_confirmed';
                a.facts.delivered.detail =
                    'Alertmanager only says where it routes an alert; no on-call side is configured to confirm delivery (alerting.webhook.ack-url)';
            }
            else {
                await watchOnCall(a, this.ack, p);
                if (p.signal.aborted)
                    return this.cancelled(a, p);
            }
            const after = await this.counters();
            if (before && after && typeof running !== 'string') {
                const integrations = running.integrations.get(p.route['expect-receiver']) ?? [];
                a.facts.delivered.supporting = counterDelta(before, after, integrations, p.route['expect-receiver']).map((text) => evidence('alertmanager /metrics', text, this.where('GET', '/metrics')));
            }
            return decideAttempt(a, p.route.name);
        }
        catch (err) {
            return unreachable(a, p.route.name, 'Alertmanager', err);
        }
        finally {
            if (posted)
                await this.resolve(alert, a);
        }
    }
    cancelled(a, p) {
        a.outcome = 'cancelled';
        return decideAttempt(a, p.route.name);
    }
    /** Re-POST with endsAt = now, then confirm Alertmanager no longer lists it as active. */
    async resolve(alert, a) {
        try {
            await this.post({ ...alert, endsAt: this.ctx.now().toISOString() });
            const gone = await pollUntil(async () => {
                const x = await this.find(a.test_id);
                return !x || x.status?.state !== 'active' ? true : undefined;
            }, { what: 'Alertmanager resolve check', deadline: Date.now() + RESOLVE_CHECK_MS, firstMs: 25, maxMs: 500 });
            const ok = gone.outcome === 'completed';
            a.cleanup = {
                resolved: ok,
                at: new Date().toISOString(),
                detail: ok
                    ? 'resolved in Alertmanager (re-sent with endsAt; no longer active)'
                    : `resolved, but Alertmanager still lists it as active (${gone.outcome})`
            };
            if (!ok)
                this.ctx.log.warning(`Synthetic alert ${a.test_id} was resolved but Alertmanager still lists it as active (${gone.outcome}).`);
        }
        catch (err) {
            a.cleanup = {
                resolved: false,
                at: new Date().toISOString(),
                detail: `could not be resolved: ${errorMessage(err)}; it expires at its endsAt`
            };
            this.ctx.log.warning(`Could not resolve synthetic alert ${a.test_id} in Alertmanager: ${errorMessage(err)}; it expires at its endsAt.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/alerting/providers/grafana-oncall/index.ts



/** Alert-group pages read per search (newest first); a test's group is among the newest. */
const MAX_PAGES = 5;
const grafana_oncall_RESOLVE_CHECK_MS = 10_000;
/** Whether an alert group carries this test id: in its labels or its last alert's payload labels. */
function carries(g, testId) {
    if ((g.labels ?? []).some((l) => l.key?.name === 'test_id' && l.value?.name === testId))
        return true;
    const p = g.last_alert?.payload;
    if (!p || typeof p !== 'object')
        return false;
    return [p.labels, p.commonLabels, p.groupLabels, ...(Array.isArray(p.alerts) ? p.alerts.map((x) => x.labels) : [])].some((l) => l?.test_id === testId);
}
/**
 * Grafana OnCall / Grafana Cloud IRM: the alert is sent to an integration's inbound URL in
 * Alertmanager's webhook format; its alert group is found through the alert groups API (paged);
 * routed is the escalation chain and integration it landed on; acknowledged is
 * `acknowledged_at` by a user (`acknowledged_by`, looked up by id). Resolved afterwards.
 */
class GrafanaOnCallProvider {
    ctx;
    cfg;
    name = 'grafana-oncall';
    api;
    names = new Map();
    constructor(ctx, cfg) {
        this.ctx = ctx;
        this.cfg = cfg;
        this.api = cfg['api-url'].replace(/\/+$/, '');
    }
    secret(name, what) {
        const v = this.ctx.env[name];
        if (!v)
            throw new errors/* BackendError */.Jh('grafana-oncall', 'credentials', `environment variable ${name} (${what}) is not set`);
        this.ctx.log.setSecret(v);
        return v;
    }
    headers(token) {
        return {
            Authorization: this.cfg['auth-scheme'] === 'bearer' ? `Bearer ${token}` : token,
            Accept: 'application/json',
            'Content-Type': 'application/json',
            ...(this.cfg['grafana-url'] ? { 'X-Grafana-URL': this.cfg['grafana-url'] } : {})
        };
    }
    async get(urlOrPath, token) {
        const url = urlOrPath.startsWith('http') ? urlOrPath : `${this.api}${urlOrPath}`;
        // A `next` link must stay on the API's host: the token is never sent elsewhere.
        if (new URL(url).origin !== new URL(this.api).origin)
            throw new errors/* BackendError */.Jh('grafana-oncall', `GET ${(0,http/* redactUrl */.BO)(url)}`, 'pagination link points to another host');
        const where = `GET ${(0,http/* redactUrl */.BO)(url)}`;
        const res = await (0,http/* httpRequest */.aj)({ backend: 'grafana-oncall', url, headers: this.headers(token), timeoutMs: 10_000, retries: 2 });
        if (res.status === 404)
            return { status: 404, where };
        if (res.status !== 200)
            throw new errors/* BackendError */.Jh('grafana-oncall', where, `HTTP ${res.status}: ${res.text.slice(0, 200)}`, res.status);
        try {
            return { status: 200, body: JSON.parse(res.text), where };
        }
        catch {
            throw new errors/* BackendError */.Jh('grafana-oncall', where, 'answer is not JSON');
        }
    }
    async find(testId, token) {
        const q = this.cfg['integration-id'] ? `?integration_id=${encodeURIComponent(this.cfg['integration-id'])}` : '';
        let next = `/api/v1/alert_groups/${q}`;
        let first = '';
        for (let page = 0; next && page < MAX_PAGES; page++) {
            const r = await this.get(next, token);
            first ||= r.where;
            const hit = (r.body?.results ?? []).find((g) => carries(g, testId));
            if (hit)
                return { group: hit, where: r.where };
            next = r.body?.next;
        }
        return { where: first };
    }
    async nameOf(kind, id, token) {
        try {
            const r = await this.get(`/api/v1/${kind}/${encodeURIComponent(id)}/`, token);
            return r.body;
        }
        catch {
            return undefined;
        }
    }
    async receivers(g, token) {
        const out = [];
        if (g.route_id) {
            const route = await this.nameOf('routes', g.route_id, token);
            const chain = typeof route?.escalation_chain_id === 'string'
                ? await this.nameOf('escalation_chains', route.escalation_chain_id, token)
                : undefined;
            if (typeof chain?.name === 'string')
                out.push(chain.name);
        }
        if (g.integration_id) {
            const integ = await this.nameOf('integrations', g.integration_id, token);
            if (typeof integ?.name === 'string')
                out.push(integ.name);
        }
        return out;
    }
    /** The acknowledging user's username (or email), looked up once per id. */
    async user(id, token) {
        const known = this.names.get(id);
        if (known)
            return known;
        const u = await this.nameOf('users', id, token);
        const name = typeof u?.username === 'string' && u.username ? u.username : typeof u?.email === 'string' ? u.email : id;
        this.names.set(id, name);
        return name;
    }
    payload(p, status, startsAt) {
        const now = this.ctx.now().toISOString();
        return JSON.stringify({
            version: '4',
            receiver: p.route['expect-receiver'],
            status,
            groupKey: `sre-monitoring:${p.test_id}`,
            truncatedAlerts: 0,
            groupLabels: { test_id: p.test_id },
            commonLabels: p.labels,
            commonAnnotations: { summary: `Synthetic alert test for route ${p.route.name}; please acknowledge.` },
            externalURL: 'https://github.com/sre-monitoring-action',
            alerts: [
                {
                    status,
                    labels: p.labels,
                    annotations: { summary: `Synthetic alert test for route ${p.route.name}; please acknowledge.` },
                    startsAt,
                    endsAt: status === 'resolved' ? now : '0001-01-01T00:00:00Z',
                    generatorURL: '',
                    fingerprint: p.test_id
                        .replace(/[^a-f0-9]/g, '')
                        .slice(-16)
                        .padStart(16, '0')
                }
            ]
        });
    }
    async run(p) {
        const a = newAttempt(p);
        let token;
        let inbound;
        try {
            token = this.secret(this.cfg['token-env'], 'API token');
            inbound = this.secret(this.cfg['integration-url-env'], 'integration URL');
        }
        catch (err) {
            return routedError(a, p.route.name, errorMessage(err));
        }
        let sent = false;
        let group;
        const startsAt = this.ctx.now().toISOString();
        try {
            const res = await (0,http/* httpRequest */.aj)({
                backend: 'grafana-oncall',
                url: inbound,
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: this.payload(p, 'firing', startsAt),
                timeoutMs: 10_000,
                retries: 1
            });
            if (res.status < 200 || res.status >= 300) {
                a.facts.routed.status = res.status >= 500 ? 'error' : 'not_confirmed';
                a.facts.routed.detail = `the OnCall integration ${res.status >= 500 ? 'answered' : 'refused the alert with'} HTTP ${res.status}: ${res.text.slice(0, 200)}`;
                return decideAttempt(a, p.route.name);
            }
            sent = true;
            a.triggered_at = startsAt;
            a.cleanup = { resolved: false, at: null, detail: 'sent; not resolved yet' };
            let where = '';
            const found = await pollUntil(async () => {
                const r = await this.find(p.test_id, token);
                where = r.where;
                return r.group;
            }, {
                what: 'Grafana OnCall alert creation',
                deadline: p.deadline,
                firstMs: 100,
                maxMs: this.cfg['poll-seconds'] * 1000,
                signal: p.signal
            });
            const ended = deliveryWaitEnded(a, found, p.route.name, 'the OnCall alert groups API');
            if (ended)
                return ended;
            group = found.value;
            if (!group) {
                a.facts.routed.status = 'not_confirmed';
                a.facts.routed.detail = `OnCall holds no alert group for test ${p.test_id} by ${new Date(p.deadline).toISOString()} (${where}, newest ${MAX_PAGES} pages)`;
                return decideAttempt(a, p.route.name);
            }
            const g = group;
            const createdAt = g.created_at && !Number.isNaN(Date.parse(g.created_at)) ? new Date(g.created_at).toISOString() : null;
            const receivers = await this.receivers(g, token);
            const ev = evidence('grafana-oncall', { id: g.id, state: g.state, created_at: g.created_at, integration_id: g.integration_id, route_id: g.route_id }, where);
            setRouted(a, receivers, createdAt, `OnCall put alert group ${g.id} on ${receivers.length ? receivers.join(', ') : 'no named escalation chain or integration'} (route ${g.route_id ?? 'none'})`, [ev]);
            a.facts.delivered.status = 'confirmed';
            a.facts.delivered.at = createdAt ?? this.ctx.now().toISOString();
            a.facts.delivered.detail = `OnCall holds alert group ${g.id}`;
            a.facts.delivered.evidence.push(ev);
            if (a.facts.routed.status !== 'confirmed')
                return decideAttempt(a, p.route.name);
            const acked = await pollUntil(async () => {
                const r = await this.get(`/api/v1/alert_groups/${encodeURIComponent(g.id)}/`, token);
                const x = r.body;
                if (!x?.acknowledged_at && x?.state !== 'acknowledged')
                    return undefined;
                const cand = x.acknowledged_by
                    ? { at: x.acknowledged_at, by: await this.user(x.acknowledged_by, token) }
                    : { at: x.acknowledged_at, by: null, notPerson: 'acknowledged_by is empty: the alert source acknowledged it' };
                return applyAcks(a, [cand], p.policy, evidence('grafana-oncall', { state: x.state, acknowledged_at: x.acknowledged_at, acknowledged_by: x.acknowledged_by, by: cand.by }, r.where))
                    ? true
                    : undefined;
            }, { what: 'acknowledgement polling', deadline: p.deadline, firstMs: 100, maxMs: this.cfg['poll-seconds'] * 1000, signal: p.signal });
            return ackWaitEnded(a, acked, p, 'the OnCall alert groups API');
        }
        catch (err) {
            return unreachable(a, p.route.name, 'Grafana OnCall', err);
        }
        finally {
            if (sent)
                await this.resolve(p, inbound, token, startsAt, a, group);
        }
    }
    /**
     * The integration is told the alert resolved; the alert group is resolved through the API as
     * well, then confirmed resolved.
     */
    async resolve(p, inbound, token, startsAt, a, group) {
        try {
            await (0,http/* httpRequest */.aj)({
                backend: 'grafana-oncall',
                url: inbound,
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: this.payload(p, 'resolved', startsAt),
                timeoutMs: 10_000,
                retries: 1
            });
            const g = group ?? (await this.find(p.test_id, token)).group;
            if (!g) {
                a.cleanup = {
                    resolved: true,
                    at: new Date().toISOString(),
                    detail: 'resolved notification sent to the integration; OnCall holds no alert group for it'
                };
                return;
            }
            const url = `${this.api}/api/v1/alert_groups/${encodeURIComponent(g.id)}/resolve/`;
            const res = await (0,http/* httpRequest */.aj)({
                backend: 'grafana-oncall',
                url,
                method: 'POST',
                headers: this.headers(token),
                timeoutMs: 10_000,
                retries: 1
            });
            if (res.status !== 200 && res.status !== 400)
                throw new Error(`POST ${(0,http/* redactUrl */.BO)(url)} answered HTTP ${res.status}`);
            const done = await pollUntil(async () => {
                const r = await this.get(`/api/v1/alert_groups/${encodeURIComponent(g.id)}/`, token);
                return !r.body || r.body.state === 'resolved' ? true : undefined;
            }, { what: 'Grafana OnCall resolve check', deadline: Date.now() + grafana_oncall_RESOLVE_CHECK_MS, firstMs: 100, maxMs: 1000 });
            const ok = done.outcome === 'completed';
            a.cleanup = {
                resolved: ok,
                at: new Date().toISOString(),
                detail: ok ? `OnCall alert group ${g.id} resolved` : `resolve requested, alert group ${g.id} not resolved yet (${done.outcome})`
            };
        }
        catch (err) {
            a.cleanup = {
                resolved: false,
                at: new Date().toISOString(),
                detail: `could not be resolved: ${errorMessage(err)}; resolve it by hand`
            };
            this.ctx.log.warning(`Could not resolve the synthetic OnCall alert group of ${a.test_id}: ${errorMessage(err)}; resolve it by hand.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/alerting/providers/opsgenie/index.ts




const opsgenie_RESOLVE_CHECK_MS = 10_000;
/** Opsgenie priority from the route's severity label. */
function opsgeniePriority(severity) {
    const s = (severity ?? '').toLowerCase();
    if (/^p[1-5]$/.test(s))
        return s.toUpperCase();
    if (s === 'critical' || s === 'page')
        return 'P1';
    if (s === 'error')
        return 'P2';
    if (s === 'warning' || s === 'ticket')
        return 'P3';
    if (s === 'info')
        return 'P5';
    return 'P1';
}
/**
 * Opsgenie Alert API: the alert is created with the test id as its alias; routed is the teams
 * Opsgenie made responders; delivered is Opsgenie holding the alert (found by alias); the
 * acknowledgement is `acknowledged` with `report.ackTime` (ms after createdAt) and
 * `report.acknowledgedBy`. The alert is always closed afterwards.
 */
class OpsgenieProvider {
    ctx;
    cfg;
    name = 'opsgenie';
    api;
    teams = new Map();
    constructor(ctx, cfg) {
        this.ctx = ctx;
        this.cfg = cfg;
        this.api = cfg['api-url'].replace(/\/+$/, '');
    }
    key() {
        const v = this.ctx.env[this.cfg['api-key-env']];
        if (!v)
            throw new errors/* BackendError */.Jh('opsgenie', 'credentials', `environment variable ${this.cfg['api-key-env']} (API key) is not set`);
        this.ctx.log.setSecret(v);
        return v;
    }
    async call(method, path, key, body) {
        const url = `${this.api}${path}`;
        const where = `${method} ${(0,http/* redactUrl */.BO)(url)}`;
        const res = await (0,http/* httpRequest */.aj)({
            backend: 'opsgenie',
            url,
            method,
            headers: {
                Authorization: `GenieKey ${key}`,
                Accept: 'application/json',
                ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
            },
            body: body === undefined ? undefined : JSON.stringify(body),
            timeoutMs: 10_000,
            retries: 2
        });
        let json = {};
        try {
            json = JSON.parse(res.text);
        }
        catch {
            if (res.status < 500)
                throw new errors/* BackendError */.Jh('opsgenie', where, `HTTP ${res.status}, answer is not JSON`, res.status);
        }
        if (res.status === 401 || res.status === 403 || res.status === 429 || res.status >= 500) {
            throw new errors/* BackendError */.Jh('opsgenie', where, `HTTP ${res.status}: ${String(json.message ?? res.text).slice(0, 200)}`, res.status);
        }
        return { status: res.status, json, where };
    }
    async alert(alias, key) {
        const r = await this.call('GET', `/v2/alerts/${encodeURIComponent(alias)}?identifierType=alias`, key);
        if (r.status === 404)
            return { where: r.where };
        if (r.status !== 200)
            throw new errors/* BackendError */.Jh('opsgenie', r.where, `HTTP ${r.status}: ${String(r.json.message ?? '')}`, r.status);
        const data = r.json.data;
        return { alert: data && data.alias === alias ? data : undefined, where: r.where };
    }
    async teamName(id, key) {
        const known = this.teams.get(id);
        if (known)
            return known;
        try {
            const r = await this.call('GET', `/v2/teams/${encodeURIComponent(id)}?identifierType=id`, key);
            const name = r.json.data?.name;
            if (r.status === 200 && name) {
                this.teams.set(id, name);
                return name;
            }
        }
        catch {
            /* the id stands in for the name */
        }
        return id;
    }
    async run(p) {
        const a = newAttempt(p);
        let key;
        try {
            key = this.key();
        }
        catch (err) {
            return routedError(a, p.route.name, errorMessage(err));
        }
        const alias = p.test_id;
        let created = false;
        try {
            const sentAt = this.ctx.now().toISOString();
            const res = await this.call('POST', '/v2/alerts', key, {
                message: `Synthetic alert test for route ${p.route.name}`.slice(0, 130),
                alias,
                description: `Sent by sre-monitoring (run ${this.ctx.runId}) to verify the alert path to ${p.route['expect-receiver']}; please acknowledge. It closes itself.`,
                tags: Object.entries(p.labels)
                    .map(([k, v]) => `${k}:${v}`.slice(0, 50))
                    .slice(0, 20),
                details: p.labels,
                source: 'sre-monitoring-action',
                priority: opsgeniePriority(p.labels.severity)
            });
            if (res.status !== 202) {
                const errors = (0,json/* isObject */.G)(res.json.errors) ? Object.values(res.json.errors).map(String).join('; ') : '';
                a.facts.routed.status = 'not_confirmed';
                a.facts.routed.detail = `Opsgenie rejected the alert (HTTP ${res.status}): ${String(res.json.message ?? '').slice(0, 200)}${errors ? ` ${errors.slice(0, 300)}` : ''}`;
                return decideAttempt(a, p.route.name);
            }
            created = true;
            a.triggered_at = sentAt;
            a.cleanup = { resolved: false, at: null, detail: 'created; not closed yet' };
            let where = '';
            const found = await pollUntil(async () => {
                const r = await this.alert(alias, key);
                where = r.where;
                return r.alert;
            }, { what: 'Opsgenie alert creation', deadline: p.deadline, firstMs: 100, maxMs: this.cfg['poll-seconds'] * 1000, signal: p.signal });
            const ended = deliveryWaitEnded(a, found, p.route.name, 'Opsgenie Alert API');
            if (ended)
                return ended;
            const al = found.value;
            if (!al) {
                a.facts.routed.status = 'not_confirmed';
                a.facts.routed.detail = `Opsgenie holds no alert with alias ${alias} by ${new Date(p.deadline).toISOString()} (${where})`;
                return decideAttempt(a, p.route.name);
            }
            const createdAt = al.createdAt && !Number.isNaN(Date.parse(al.createdAt)) ? new Date(al.createdAt).toISOString() : null;
            const teams = await Promise.all((al.responders ?? [])
                .filter((r) => r.type === 'team' && (r.id || r.name))
                .map((r) => (r.name ? Promise.resolve(r.name) : this.teamName(r.id, key))));
            const ev = evidence('opsgenie', { id: al.id, status: al.status, createdAt: al.createdAt, responders: al.responders, integration: al.integration?.name }, where);
            setRouted(a, teams, createdAt, `Opsgenie made ${teams.length ? `team ${teams.join(', ')}` : 'no team'} responder for alert ${al.id ?? alias}`, [ev]);
            a.facts.delivered.status = 'confirmed';
            a.facts.delivered.at = createdAt ?? this.ctx.now().toISOString();
            a.facts.delivered.detail = `Opsgenie holds alert ${al.id ?? '?'} with alias ${alias}`;
            a.facts.delivered.evidence.push(ev);
            if (a.facts.routed.status !== 'confirmed')
                return decideAttempt(a, p.route.name);
            const acked = await pollUntil(async () => {
                const r = await this.alert(alias, key);
                const x = r.alert;
                if (!x?.acknowledged)
                    return undefined;
                const base = Date.parse(x.createdAt ?? '');
                const at = typeof x.report?.ackTime === 'number' && Number.isFinite(base) ? base + x.report.ackTime : undefined;
                const cand = { at, by: x.report?.acknowledgedBy };
                return applyAcks(a, [cand], p.policy, evidence('opsgenie', { acknowledged: x.acknowledged, createdAt: x.createdAt, report: x.report }, r.where))
                    ? true
                    : undefined;
            }, { what: 'acknowledgement polling', deadline: p.deadline, firstMs: 100, maxMs: this.cfg['poll-seconds'] * 1000, signal: p.signal });
            return ackWaitEnded(a, acked, p, 'Opsgenie Alert API');
        }
        catch (err) {
            return unreachable(a, p.route.name, 'Opsgenie', err);
        }
        finally {
            if (created)
                await this.close(alias, key, a);
        }
    }
    /** Close by alias, then confirm Opsgenie shows it closed. */
    async close(alias, key, a) {
        try {
            const r = await this.call('POST', `/v2/alerts/${encodeURIComponent(alias)}/close?identifierType=alias`, key, {
                source: 'sre-monitoring-action',
                note: 'Synthetic alert test finished.'
            });
            if (r.status !== 202)
                throw new Error(`close answered HTTP ${r.status}: ${String(r.json.message ?? '')}`);
            const done = await pollUntil(async () => {
                const x = await this.alert(alias, key);
                return !x.alert || x.alert.status === 'closed' ? true : undefined;
            }, { what: 'Opsgenie resolve check', deadline: Date.now() + opsgenie_RESOLVE_CHECK_MS, firstMs: 100, maxMs: 1000 });
            const ok = done.outcome === 'completed';
            a.cleanup = {
                resolved: ok,
                at: new Date().toISOString(),
                detail: ok ? `Opsgenie alert ${alias} closed` : `close requested, Opsgenie does not show it closed yet (${done.outcome})`
            };
        }
        catch (err) {
            a.cleanup = { resolved: false, at: new Date().toISOString(), detail: `could not be closed: ${errorMessage(err)}; close it by hand` };
            this.ctx.log.warning(`Could not close synthetic Opsgenie alert ${alias}: ${errorMessage(err)}; close it by hand.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/alerting/providers/pagerduty/index.ts



const PD_SEVERITIES = new Set(['critical', 'error', 'warning', 'info']);
/** PagerDuty event severity from the route's severity label (page -> critical, ticket -> warning). */
function pagerDutySeverity(label) {
    const s = (label ?? '').toLowerCase();
    if (PD_SEVERITIES.has(s))
        return s;
    if (s === 'ticket')
        return 'warning';
    return 'critical';
}
/** How long to wait for the resolved incident after the resolve event. */
const pagerduty_RESOLVE_CHECK_MS = 10_000;
const MAX_LOG_PAGES = 10;
/**
 * PagerDuty: an Events API v2 trigger, the incident found through the REST API by its incident
 * key, the trigger time and the first acknowledgement by a person from its log entries (an
 * automatic acknowledgement by a service or integration does not count), and always a resolve.
 */
class PagerDutyProvider {
    ctx;
    cfg;
    name = 'pagerduty';
    events;
    api;
    constructor(ctx, cfg) {
        this.ctx = ctx;
        this.cfg = cfg;
        this.events = cfg['events-url'].replace(/\/+$/, '');
        this.api = cfg['api-url'].replace(/\/+$/, '');
    }
    secret(name, what) {
        const v = this.ctx.env[name];
        if (!v)
            throw new errors/* BackendError */.Jh('pagerduty', 'credentials', `environment variable ${name} (${what}) is not set`);
        this.ctx.log.setSecret(v);
        return v;
    }
    async enqueue(body) {
        return (0,http/* httpRequest */.aj)({
            backend: 'pagerduty',
            url: `${this.events}/v2/enqueue`,
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify(body),
            timeoutMs: 10_000,
            retries: 2
        });
    }
    async rest(path, token) {
        const url = `${this.api}${path}`;
        const res = await (0,http/* httpRequest */.aj)({
            backend: 'pagerduty',
            url,
            headers: { Authorization: `Token token=${token}`, Accept: 'application/vnd.pagerduty+json;version=2' },
            timeoutMs: 10_000,
            retries: 2
        });
        if (res.status !== 200)
            throw new errors/* BackendError */.Jh('pagerduty', `GET ${(0,http/* redactUrl */.BO)(url)}`, `HTTP ${res.status}: ${res.text.slice(0, 200)}`, res.status);
        try {
            return JSON.parse(res.text);
        }
        catch {
            throw new errors/* BackendError */.Jh('pagerduty', `GET ${(0,http/* redactUrl */.BO)(url)}`, 'answer is not JSON');
        }
    }
    async incident(dedupKey, token) {
        const body = await this.rest(`/incidents?incident_key=${encodeURIComponent(dedupKey)}`, token);
        return (body.incidents ?? []).find((i) => i.incident_key === dedupKey);
    }
    async logEntries(id, token) {
        const out = [];
        for (let page = 0, offset = 0; page < MAX_LOG_PAGES; page++) {
            const body = await this.rest(`/incidents/${encodeURIComponent(id)}/log_entries?limit=100&offset=${offset}`, token);
            const entries = body.log_entries ?? [];
            out.push(...entries);
            if (!body.more || entries.length === 0)
                break;
            offset += entries.length;
        }
        return out.sort((a, b) => Date.parse(a.created_at ?? '') - Date.parse(b.created_at ?? ''));
    }
    async run(p) {
        const a = newAttempt(p);
        let routingKey;
        let token;
        try {
            routingKey = this.secret(this.cfg['routing-key-env'], 'routing key');
            token = this.secret(this.cfg['api-token-env'], 'REST API token');
        }
        catch (err) {
            return routedError(a, p.route.name, errorMessage(err));
        }
        const dedupKey = p.test_id;
        let triggered = false;
        let incidentId;
        try {
            const sentAt = this.ctx.now().toISOString();
            const res = await this.enqueue({
                routing_key: routingKey,
                event_action: 'trigger',
                dedup_key: dedupKey,
                payload: {
                    summary: `Synthetic alert test for route ${p.route.name}; please acknowledge. It resolves itself.`,
                    source: 'sre-monitoring-action',
                    severity: pagerDutySeverity(p.labels.severity),
                    custom_details: { test_id: p.test_id, route: p.route.name, run: this.ctx.runId, labels: p.labels }
                }
            });
            if (res.status === 429 || res.status >= 500) {
                return routedError(a, p.route.name, `PagerDuty Events API answered HTTP ${res.status}`);
            }
            if (res.status !== 202) {
                let detail = res.text.slice(0, 300);
                try {
                    const b = JSON.parse(res.text);
                    detail = [b.message, ...(b.errors ?? [])].filter(Boolean).join('; ');
                }
                catch {
                    /* keep the raw text */
                }
                a.facts.routed.status = 'not_confirmed';
                a.facts.routed.detail = `PagerDuty rejected the event (HTTP ${res.status}): ${detail}`;
                return decideAttempt(a, p.route.name);
            }
            triggered = true;
            a.triggered_at = sentAt;
            a.cleanup = { resolved: false, at: null, detail: 'triggered; not resolved yet' };
            const search = `GET ${(0,http/* redactUrl */.BO)(this.api)}/incidents?incident_key=${encodeURIComponent(dedupKey)}`;
            const found = await pollUntil(() => this.incident(dedupKey, token), {
                what: 'PagerDuty alert creation',
                deadline: p.deadline,
                firstMs: 100,
                maxMs: this.cfg['poll-seconds'] * 1000,
                signal: p.signal
            });
            const ended = deliveryWaitEnded(a, found, p.route.name, 'PagerDuty REST API');
            if (ended)
                return ended;
            const incident = found.value;
            if (!incident) {
                a.facts.routed.status = 'not_confirmed';
                a.facts.routed.detail = `no incident with incident_key ${dedupKey} by ${new Date(p.deadline).toISOString()} (is the routing key an active integration?)`;
                return decideAttempt(a, p.route.name);
            }
            incidentId = incident.id;
            const receivers = [
                incident.service?.summary,
                incident.escalation_policy?.summary,
                ...(incident.assignments ?? []).map((x) => x.assignee?.summary)
            ].filter((x) => !!x);
            const ev = evidence('pagerduty', {
                id: incident.id,
                status: incident.status,
                created_at: incident.created_at,
                service: incident.service?.summary,
                escalation_policy: incident.escalation_policy?.summary,
                assignees: (incident.assignments ?? []).map((x) => x.assignee?.summary)
            }, search);
            const createdAt = incident.created_at && !Number.isNaN(Date.parse(incident.created_at)) ? new Date(incident.created_at).toISOString() : null;
            setRouted(a, receivers, createdAt, `PagerDuty opened incident ${incident.id} on service "${incident.service?.summary ?? '?'}", escalation policy "${incident.escalation_policy?.summary ?? '?'}"`, [ev]);
            a.facts.delivered.status = 'confirmed';
            a.facts.delivered.at = createdAt ?? this.ctx.now().toISOString();
            a.facts.delivered.detail = `PagerDuty holds incident ${incident.id} for dedup key ${dedupKey}`;
            a.facts.delivered.evidence.push(ev);
            if (a.facts.routed.status !== 'confirmed')
                return decideAttempt(a, p.route.name);
            const logs = `GET ${(0,http/* redactUrl */.BO)(this.api)}/incidents/${incident.id}/log_entries`;
            const acked = await pollUntil(async () => {
                const entries = await this.logEntries(incident.id, token);
                const trigger = entries.find((e) => e.type === 'trigger_log_entry');
                if (trigger?.created_at && !Number.isNaN(Date.parse(trigger.created_at)))
                    a.triggered_at = new Date(trigger.created_at).toISOString();
                const acks = entries
                    .filter((e) => e.type === 'acknowledge_log_entry')
                    .map((e) => ({
                    at: e.created_at,
                    by: e.agent?.summary,
                    ...(e.agent?.type !== 'user_reference'
                        ? { notPerson: `${e.agent?.type ?? 'no agent'}${e.agent?.summary ? `: ${e.agent.summary}` : ''}` }
                        : {})
                }));
                return applyAcks(a, acks, p.policy, evidence('pagerduty', acks, logs)) ? true : undefined;
            }, { what: 'acknowledgement polling', deadline: p.deadline, firstMs: 100, maxMs: this.cfg['poll-seconds'] * 1000, signal: p.signal });
            return ackWaitEnded(a, acked, p, 'PagerDuty log entries');
        }
        catch (err) {
            return unreachable(a, p.route.name, 'PagerDuty', err);
        }
        finally {
            if (triggered)
                await this.resolve(dedupKey, routingKey, token, a, incidentId);
        }
    }
    async resolve(dedupKey, routingKey, token, a, incidentId) {
        try {
            const res = await this.enqueue({ routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey });
            if (res.status !== 202)
                throw new Error(`resolve event answered HTTP ${res.status}`);
            const done = await pollUntil(async () => {
                const i = await this.incident(dedupKey, token);
                return !i || i.status === 'resolved' ? true : undefined;
            }, { what: 'PagerDuty resolve check', deadline: Date.now() + pagerduty_RESOLVE_CHECK_MS, firstMs: 100, maxMs: 1000 });
            const ok = done.outcome === 'completed';
            a.cleanup = {
                resolved: ok,
                at: new Date().toISOString(),
                detail: ok
                    ? `incident ${incidentId ?? dedupKey} resolved (Events API resolve)`
                    : `resolve sent, incident not resolved yet (${done.outcome})`
            };
            if (!ok)
                this.ctx.log.warning(`Synthetic PagerDuty incident ${dedupKey} is not resolved yet (${done.outcome}).`);
        }
        catch (err) {
            a.cleanup = {
                resolved: false,
                at: new Date().toISOString(),
                detail: `could not be resolved: ${errorMessage(err)}; resolve it by hand`
            };
            this.ctx.log.warning(`Could not resolve synthetic PagerDuty incident ${dedupKey}: ${errorMessage(err)}; resolve it by hand.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/alerting/providers/webhook/index.ts



/**
 * A plain webhook into the on-call tool. Its 2xx only says the request was taken: the receiver,
 * the delivery and the acknowledgement all come from the on-call side (the ack source).
 */
class WebhookProvider {
    ctx;
    cfg;
    ack;
    name = 'webhook';
    headers;
    constructor(ctx, cfg, ack) {
        this.ctx = ctx;
        this.cfg = cfg;
        this.ack = ack;
        this.headers = { 'Content-Type': 'application/json', ...(0,http/* authHeaders */.Pw)(cfg.auth, {}, ctx.env, ctx.log, 'webhook') };
    }
    payload(p, status) {
        return JSON.stringify({
            version: '1',
            kind: 'sre-monitoring-synthetic-alert',
            status,
            test_id: p.test_id,
            alertname: p.labels.alertname,
            route: p.route.name,
            labels: p.labels,
            summary: `Synthetic alert test for route ${p.route.name}; please acknowledge.`,
            sent_at: this.ctx.now().toISOString()
        });
    }
    send(p, status) {
        return (0,http/* httpRequest */.aj)({
            backend: 'webhook',
            url: this.cfg.url,
            method: 'POST',
            headers: this.headers,
            body: this.payload(p, status),
            timeoutMs: 10_000,
            retries: 1
        });
    }
    async run(p) {
        const a = newAttempt(p);
        const url = (0,http/* redactUrl */.BO)(this.cfg.url);
        let sent = false;
        try {
            const triggeredAt = this.ctx.now().toISOString();
            const res = await this.send(p, 'firing');
            if (res.status < 200 || res.status >= 300) {
                a.facts.routed.status = res.status >= 500 ? 'error' : 'not_confirmed';
                a.facts.routed.detail = `the webhook ${url} ${res.status >= 500 ? 'answered' : 'refused the alert with'} HTTP ${res.status}`;
                return decideAttempt(a, p.route.name);
            }
            sent = true;
            a.triggered_at = triggeredAt;
            a.cleanup = { resolved: false, at: null, detail: 'sent; not resolved yet' };
            const last = await watchOnCall(a, this.ack, p);
            if (p.signal.aborted)
                a.outcome = 'cancelled';
            if (last?.receiver)
                setRouted(a, [last.receiver], triggeredAt, `the on-call side reports it on receiver "${last.receiver}"`, [last.evidence]);
            else {
                a.facts.routed.status = 'not_confirmed';
                a.facts.routed.detail = last
                    ? 'the on-call side did not name the receiver, so the route cannot be confirmed'
                    : 'the on-call side never reported the alert';
                a.facts.routed.evidence.push(evidence('webhook', `POST ${url} answered HTTP ${res.status}`));
            }
            return decideAttempt(a, p.route.name);
        }
        catch (err) {
            return unreachable(a, p.route.name, 'the webhook', err);
        }
        finally {
            if (sent) {
                try {
                    const res = await this.send(p, 'resolved');
                    const ok = res.status >= 200 && res.status < 300;
                    a.cleanup = {
                        resolved: ok,
                        at: new Date().toISOString(),
                        detail: ok ? 'resolved through the webhook (status: resolved)' : `the resolve was answered HTTP ${res.status}`
                    };
                }
                catch (err) {
                    a.cleanup = { resolved: false, at: new Date().toISOString(), detail: `could not be resolved: ${errorMessage(err)}` };
                    this.ctx.log.warning(`Could not resolve synthetic alert ${a.test_id} through the webhook: ${errorMessage(err)}`);
                }
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/alerting/alert-tests.ts









const VALIDATION_REQUEST = '[VALIDATION REQUEST] - Monitoring instrumentation verified. Approve activation of alert tests? (yes/no)';
const TRIGGERING_MESSAGE = 'Triggering synthetic alerts to confirm notification pathways...';
const NOT_APPROVED_REASON = 'alert tests not approved';
const slug = (s) => s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'route';
/**
 * The provider that carries the synthetic alerts: `alerting.provider`, or the first configured of
 * Alertmanager, PagerDuty, Opsgenie, Grafana OnCall, webhook. With Alertmanager,
 * `alerting.webhook.ack-url` is where delivery and acknowledgement are read from.
 */
function providerContext(run) {
    return { env: run.env, log: run.log, now: run.now, runId: run.runId, http: (0,http/* createHttpClient */.uT)({ env: run.env, log: run.log }) };
}
function selectProvider(run) {
    // The providers' config is read here; the providers themselves get only the narrow context.
    const ctx = providerContext(run);
    const cfg = run.config.alerting;
    const name = cfg.provider ??
        (cfg.alertmanager
            ? 'alertmanager'
            : cfg.pagerduty
                ? 'pagerduty'
                : cfg.opsgenie
                    ? 'opsgenie'
                    : cfg['grafana-oncall']
                        ? 'grafana-oncall'
                        : cfg.webhook
                            ? 'webhook'
                            : undefined);
    if (!name)
        return {
            missing: 'no alerting provider configured (alerting.alertmanager, alerting.pagerduty, alerting.opsgenie, alerting.grafana-oncall or alerting.webhook)'
        };
    const absent = (key) => ({ missing: `alerting.provider is ${name} but alerting.${key} is not configured` });
    try {
        if (name === 'alertmanager') {
            if (!cfg.alertmanager)
                return absent('alertmanager');
            return new AlertmanagerProvider(ctx, cfg.alertmanager, cfg.webhook ? new HttpAckSource(ctx, cfg.webhook) : undefined);
        }
        if (name === 'pagerduty')
            return cfg.pagerduty ? new PagerDutyProvider(ctx, cfg.pagerduty) : absent('pagerduty');
        if (name === 'opsgenie')
            return cfg.opsgenie ? new OpsgenieProvider(ctx, cfg.opsgenie) : absent('opsgenie');
        if (name === 'grafana-oncall')
            return cfg['grafana-oncall'] ? new GrafanaOnCallProvider(ctx, cfg['grafana-oncall']) : absent('grafana-oncall');
        if (!cfg.webhook)
            return absent('webhook');
        const url = cfg.webhook.url;
        if (!url)
            return { missing: 'alerting.provider is webhook but alerting.webhook.url (where the alert is posted) is not set' };
        return new WebhookProvider(ctx, { ...cfg.webhook, url }, new HttpAckSource(ctx, cfg.webhook));
    }
    catch (err) {
        return { missing: `the ${name} provider cannot start: ${errorMessage(err)}` };
    }
}
function overall(tests) {
    if (tests.length === 0 || tests.every((t) => t.status === 'not_run'))
        return 'not_run';
    if (tests.some((t) => t.status === 'failed'))
        return 'failed';
    if (tests.some((t) => t.status !== 'passed'))
        return 'error';
    return 'passed';
}
const compliance = (tests) => tests.length === 0 ? 0 : Math.round((1000 * tests.filter((t) => t.sla_met).length) / tests.length) / 10;
/** The labels a synthetic alert carries: the route's (which may set alertname), plus its test id. */
function alertLabels(route, testId) {
    return { alertname: SYNTHETIC_ALERT_NAME, ...route.labels, test_id: testId, synthetic: 'true' };
}
/** Signals that cancel a run; the alerts out at that moment are cleaned up before the run goes on. */
const CANCEL_SIGNALS = ['SIGTERM', 'SIGINT'];
/**
 * Gate 2's evidence: one synthetic alert per route through the real paging path, with three facts
 * each (routed, delivered, acknowledged), a rerun with a fresh test id when an attempt fails, and
 * every alert cleaned up afterwards, also on failure or cancellation. Nothing is sent unless the
 * run approved alert tests.
 */
async function runAlertTests(ctx, opts = {}) {
    const cfg = ctx.config.alerting;
    const routes = opts.routes ?? cfg.routes;
    const sla = cfg['ack-sla-seconds'];
    // The protocol asks the seed's validation request and records the answer before this runs.
    const approved = ctx.alertTestsApproved;
    const test_date = ctx.now().toISOString();
    const policy = {
        slaSeconds: sla,
        skewSeconds: cfg['clock-skew-seconds'],
        ignore: cfg['ack-ignore'].map((p) => new RegExp(p, 'i'))
    };
    const controller = new AbortController();
    const baseId = (route) => `sre-${slug(ctx.runId)}-${slug(route.name)}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    const plan = (route, attempt, test_id, deadline) => ({
        test_id,
        attempt,
        route,
        labels: alertLabels(route, test_id),
        alert_name: route.labels.alertname ?? SYNTHETIC_ALERT_NAME,
        sla_seconds: sla,
        deadline,
        policy,
        signal: controller.signal
    });
    const base = { test_date, approved, sla_target_seconds: sla, source: 'built-in' };
    const provider = selectProvider(ctx);
    const providerName = 'missing' in provider ? (cfg.provider ?? 'alertmanager') : provider.name;
    const notRun = (reason) => routes.map((route) => {
        const p = plan(route, 1, baseId(route), 0);
        const a = newAttempt(p);
        a.reason = reason;
        return { ...routeRecord(p, providerName, [a]), reason };
    });
    if (!approved) {
        return {
            ...base,
            tests: notRun(NOT_APPROVED_REASON),
            overall_status: 'not_run',
            sla_compliance: 0,
            not_verified_reason: `${NOT_APPROVED_REASON} (${ctx.alertTestsAnswer ?? 'input alert-tests is false'}): no synthetic alert was sent`
        };
    }
    if (routes.length === 0) {
        return {
            ...base,
            tests: [],
            overall_status: 'not_run',
            sla_compliance: 0,
            not_verified_reason: 'no alert routes configured (alerting.routes)'
        };
    }
    if ('missing' in provider) {
        return { ...base, tests: notRun(provider.missing), overall_status: 'not_run', sla_compliance: 0, not_verified_reason: provider.missing };
    }
    ctx.log.info(TRIGGERING_MESSAGE);
    let cancelledBy;
    const onSignal = (sig) => {
        if (cancelledBy)
            return;
        cancelledBy = sig;
        ctx.log.warning(`${sig} received: ending the alert tests and cleaning up every synthetic alert before the run goes on.`);
        controller.abort();
    };
    for (const s of CANCEL_SIGNALS)
        process.on(s, onSignal);
    const attemptMs = (sla + cfg['wait-margin-seconds']) * 1000;
    ctx.log.progress?.(`waiting for ${routes.length} route(s) to be delivered and acknowledged`, Date.now() + attemptMs);
    let tests;
    try {
        // Routes run side by side: each waits up to the SLA, so in turn they would multiply it.
        tests = await Promise.all(routes.map(async (route) => {
            const attempts = [];
            const first = baseId(route);
            for (let n = 1; n <= 1 + cfg.retries; n++) {
                const p = plan(route, n, n === 1 ? first : `${first}-r${n - 1}`, Date.now() + attemptMs);
                let a;
                try {
                    a = await provider.run(p);
                }
                catch (err) {
                    a = newAttempt(p);
                    a.facts.routed.status = 'error';
                    a.facts.routed.detail = `unexpected failure of the ${provider.name} alert test: ${errorMessage(err)}`;
                    decideAttempt(a, route.name);
                }
                attempts.push(a);
                if (a.outcome === 'passed' || controller.signal.aborted)
                    break;
            }
            return routeRecord(plan(route, 1, first, 0), provider.name, attempts);
        }));
    }
    finally {
        for (const s of CANCEL_SIGNALS)
            process.off(s, onSignal);
        ctx.log.progress?.(undefined);
    }
    for (const t of tests) {
        const cleanup = (t.attempts ?? []).every((x) => x.cleanup.resolved || x.triggered_at === null)
            ? ''
            : ` Not cleaned up: ${(t.attempts ?? [])
                .filter((x) => !x.cleanup.resolved && x.triggered_at)
                .map((x) => `${x.test_id} (${x.cleanup.detail})`)
                .join('; ')}.`;
        if (t.status === 'passed')
            ctx.log.info(t.reason);
        else
            ctx.log.error(`${t.reason}${cleanup}`, { title: `Alert path ${t.route}` });
    }
    const results = { ...base, tests, overall_status: overall(tests), sla_compliance: compliance(tests) };
    if (cancelledBy) {
        results.cancelled = true;
        results.not_verified_reason = `the run was cancelled (${cancelledBy}) while the alert tests ran; every synthetic alert was cleaned up (see each attempt's cleanup)`;
        reraiseLater(cancelledBy);
    }
    return results;
}
/**
 * After the cleanup, a cancelled process still ends: unless someone else handles the signal, it
 * is raised again once the run had a moment to write its package.
 */
function reraiseLater(sig) {
    if (process.listenerCount(sig) > 0)
        return;
    setTimeout(() => {
        if (process.listenerCount(sig) === 0)
            process.kill(process.pid, sig);
    }, 15_000).unref();
}


/***/ })

};
