export const id = 422;
export const ids = [422];
export const modules = {

/***/ 28041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAlertTests: () => (/* binding */ runAlertTests)
});

// UNUSED EXPORTS: NOT_APPROVED_REASON, TRIGGERING_MESSAGE, VALIDATION_REQUEST, selectProvider

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/http.ts
var http = __webpack_require__(44098);
;// CONCATENATED MODULE: ./src/alerting/providers/ack-source.ts


/**
 * Acknowledgements read over HTTP from the on-call side (`alerting.webhook.ack-url`, with
 * `{{test_id}}` substituted). The answer is 404 while there is none, or JSON
 * `{acknowledged: boolean, acknowledged_at?, acknowledged_by?, receiver?, notified_at?}`.
 */
class HttpAckSource {
    ctx;
    cfg;
    description;
    pollMs;
    headers;
    constructor(ctx, cfg) {
        this.ctx = ctx;
        this.cfg = cfg;
        this.description = (0,http/* redactUrl */.BO)(cfg['ack-url']);
        this.pollMs = cfg['poll-seconds'] * 1000;
        this.headers = { Accept: 'application/json', ...(0,http/* authHeaders */.Pw)(cfg.auth, {}, ctx.env, ctx.log, 'ack-source') };
    }
    async check(testId) {
        const url = this.cfg['ack-url'].split('{{test_id}}').join(encodeURIComponent(testId));
        const res = await (0,http/* httpRequest */.aj)({ backend: 'ack-source', url, headers: this.headers, timeoutMs: 10_000, retries: 1 });
        if (res.status === 404)
            return undefined;
        const where = `GET ${(0,http/* redactUrl */.BO)(url)}`;
        if (res.status !== 200)
            throw new errors/* BackendError */.Jh('ack-source', where, `HTTP ${res.status}`, res.status);
        let body;
        try {
            body = JSON.parse(res.text);
        }
        catch {
            throw new errors/* BackendError */.Jh('ack-source', where, 'answer is not JSON');
        }
        if (body.acknowledged !== true)
            return undefined;
        const at = typeof body.acknowledged_at === 'string' && !Number.isNaN(Date.parse(body.acknowledged_at)) ? body.acknowledged_at : undefined;
        const ack = { acknowledged_at: at ? new Date(at).toISOString() : this.ctx.now().toISOString() };
        if (typeof body.acknowledged_by === 'string')
            ack.acknowledged_by = body.acknowledged_by;
        if (typeof body.receiver === 'string')
            ack.receiver = body.receiver;
        if (typeof body.notified_at === 'string' && !Number.isNaN(Date.parse(body.notified_at)))
            ack.notified_at = new Date(body.notified_at).toISOString();
        return ack;
    }
}

;// CONCATENATED MODULE: ./src/alerting/providers/common.ts

/** The seed's AlertFailure message; every failed alert test's reason starts with it. */
const ALERT_FAILURE = '[ERROR] Synthetic alert did not reach on-call responder.';
/** The alertname synthetic alerts carry. */
const SYNTHETIC_ALERT_NAME = 'SreMonitoringSyntheticTest';
function newTestRecord(p, provider) {
    return {
        test_id: p.test_id,
        route: p.route.name,
        alert_name: p.alert_name,
        provider,
        expected_receiver: p.route['expect-receiver'],
        actual_receivers: [],
        triggered_at: null,
        delivered_at: null,
        acknowledged_at: null,
        acknowledgement_time_seconds: null,
        sla_seconds: p.sla_seconds,
        sla_met: false,
        status: 'not_run',
        wait: { delivery: 'not_started', acknowledgement: 'not_started' },
        resolved: false,
        reason: ''
    };
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * Poll until fn returns a value or the deadline passes. Intervals grow from firstMs to maxMs so a
 * fast path is seen quickly without hammering a slow one. A BackendError ends the wait.
 */
async function pollUntil(fn, opts) {
    let interval = opts.firstMs;
    for (;;) {
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
        await sleep(Math.min(interval, left));
        interval = Math.min(opts.maxMs, interval * 1.5);
    }
}
/**
 * Wait for a person's acknowledgement of a test and record it on the test: how the wait ended,
 * who acknowledged and when. An unreadable source makes the test an `error`.
 */
async function recordAcknowledgement(t, source, p) {
    const ack = await waitForAck(source, p);
    t.wait.acknowledgement = ack.outcome;
    if (ack.outcome === 'backend_error') {
        t.status = 'error';
        t.reason = `The acknowledgement source ${source.description} could not be read: ${ack.error}`;
    }
    if (ack.value) {
        t.acknowledged_at = ack.value.acknowledged_at;
        if (ack.value.acknowledged_by)
            t.acknowledged_by = ack.value.acknowledged_by;
        if (ack.value.notified_at)
            t.notified_at = ack.value.notified_at;
    }
    return ack.value;
}
/** Wait for the acknowledgement of a test from an ack source, bounded by the test's deadline. */
async function waitForAck(ack, p) {
    return pollUntil(() => ack.check(p.test_id), { deadline: p.deadline, firstMs: Math.min(100, ack.pollMs), maxMs: ack.pollMs });
}
const seconds = (fromIso, toIso) => Math.round((Date.parse(toIso) - Date.parse(fromIso))) / 1000;
const errorMessage = (err) => (err instanceof Error ? err.message : String(err));
function describeActual(t) {
    return t.actual_receivers.length ? t.actual_receivers.join(', ') : 'none';
}
/** The failure text: the seed's message, the route, and expected and actual receiver. */
function failureReason(t, detail) {
    return `${ALERT_FAILURE} Route "${t.route}": expected receiver "${t.expected_receiver}", actual: ${describeActual(t)}. ${detail}`;
}
/**
 * Decide a test from what was observed. An `error` (the path's backend could not answer) is kept;
 * otherwise the test passes only when it was delivered to the expected receiver and a human
 * acknowledged it within the SLA.
 */
function conclude(t, notes = {}) {
    if (t.acknowledged_at && t.triggered_at)
        t.acknowledgement_time_seconds = seconds(t.triggered_at, t.acknowledged_at);
    t.sla_met = t.acknowledgement_time_seconds !== null && t.acknowledgement_time_seconds <= t.sla_seconds;
    if (t.status === 'error')
        return t;
    if (!t.delivered_at) {
        t.status = 'failed';
        t.reason = failureReason(t, `Not delivered (delivery wait: ${t.wait.delivery}).${t.reason ? ` ${t.reason}` : ''}`);
    }
    else if (!t.actual_receivers.includes(t.expected_receiver) && !(notes.receiverFromAck && !t.acknowledged_at)) {
        t.status = 'failed';
        t.reason = failureReason(t, `Delivered to the wrong receiver.${t.reason ? ` ${t.reason}` : ''}`);
    }
    else if (!t.acknowledged_at) {
        t.status = 'failed';
        t.reason = failureReason(t, notes.ackUnavailable
            ? `Delivered, but the acknowledgement was not verified: ${notes.ackUnavailable}`
            : `Delivered, but no human acknowledged it within ${t.sla_seconds} s (acknowledgement wait: ${t.wait.acknowledgement}).${t.reason ? ` ${t.reason}` : ''}`);
    }
    else if (!t.sla_met) {
        t.status = 'failed';
        t.reason = failureReason(t, `Acknowledged after ${t.acknowledgement_time_seconds} s, beyond the ${t.sla_seconds} s SLA.`);
    }
    else {
        t.status = 'passed';
        t.reason = `Delivered to ${t.expected_receiver} and acknowledged${t.acknowledged_by ? ` by ${t.acknowledged_by}` : ''} in ${t.acknowledgement_time_seconds} s (SLA ${t.sla_seconds} s).`;
    }
    return t;
}

;// CONCATENATED MODULE: ./src/alerting/providers/alertmanager/index.ts



/** How long to wait for Alertmanager to drop the alert after it was resolved. */
const RESOLVE_CHECK_MS = 5000;
/**
 * Alertmanager v2: the synthetic alert is POSTed like any alert, so it runs through the real
 * routing tree; `GET /api/v2/alerts` tells which receivers that tree chose. Alertmanager has no
 * acknowledgement, so it is read from the on-call side through an AckSource; without one the
 * acknowledgement is reported as not verified (a failure, never a pass).
 */
class AlertmanagerProvider {
    ctx;
    cfg;
    ack;
    name = 'alertmanager';
    base;
    headers;
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
    async request(method, path, body) {
        return (0,http/* httpRequest */.aj)({
            backend: 'alertmanager',
            url: `${this.base}${path}`,
            method,
            headers: this.headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            timeoutMs: this.cfg['timeout-seconds'] * 1000,
            retries: this.cfg.retries
        });
    }
    async post(alert) {
        const res = await this.request('POST', '/api/v2/alerts', [alert]);
        if (res.status !== 200) {
            throw new errors/* BackendError */.Jh('alertmanager', `POST ${(0,http/* redactUrl */.BO)(this.base)}/api/v2/alerts`, `HTTP ${res.status}: ${res.text.slice(0, 300)}`, res.status);
        }
    }
    /** The alert with this test id as Alertmanager holds it, if it holds it. */
    async find(testId) {
        const filter = encodeURIComponent(`test_id="${testId}"`);
        const path = `/api/v2/alerts?filter=${filter}`;
        const res = await this.request('GET', path);
        if (res.status !== 200)
            throw new errors/* BackendError */.Jh('alertmanager', `GET ${(0,http/* redactUrl */.BO)(this.base)}${path}`, `HTTP ${res.status}`, res.status);
        let alerts;
        try {
            alerts = JSON.parse(res.text);
        }
        catch {
            throw new errors/* BackendError */.Jh('alertmanager', `GET ${(0,http/* redactUrl */.BO)(this.base)}${path}`, 'answer is not JSON');
        }
        return Array.isArray(alerts) ? alerts.find((a) => a.labels?.test_id === testId) : undefined;
    }
    async run(p) {
        const t = newTestRecord(p, this.name);
        const labels = { ...p.route.labels, alertname: p.alert_name, test_id: p.test_id, synthetic: 'true' };
        const startsAt = this.ctx.now().toISOString();
        const alert = {
            labels,
            annotations: {
                summary: `Synthetic alert test for route ${p.route.name}; please acknowledge. It resolves itself.`,
                description: `Sent by sre-monitoring (run ${this.ctx.runId}) to verify the alert path to ${p.route['expect-receiver']}.`
            },
            startsAt,
            // Expires by itself soon after the test, even if this run dies before resolving it.
            endsAt: new Date(p.deadline + 60_000).toISOString()
        };
        let posted = false;
        let ackUnavailable;
        try {
            try {
                await this.post(alert);
            }
            catch (err) {
                // A 4xx means Alertmanager refused this alert (e.g. the route's labels): the path is broken.
                if (err instanceof errors/* BackendError */.Jh && err.status !== undefined && err.status < 500) {
                    t.reason = `Alertmanager rejected the alert: ${err.message}`;
                    t.wait.delivery = 'completed';
                    return conclude(t);
                }
                throw err;
            }
            posted = true;
            t.triggered_at = startsAt;
            let suppressed;
            const delivery = await pollUntil(async () => {
                const a = await this.find(p.test_id);
                if (!a)
                    return undefined;
                const state = a.status?.state;
                if (state === 'suppressed') {
                    suppressed = [...(a.status?.silencedBy ?? []).map((s) => `silence ${s}`), ...(a.status?.inhibitedBy ?? []).map((s) => `inhibited by ${s}`)].join(', ');
                    return a;
                }
                return state === 'active' && (a.receivers?.length ?? 0) > 0 ? a : undefined;
            }, { deadline: p.deadline, firstMs: 25, maxMs: 1000 });
            t.wait.delivery = delivery.outcome;
            if (delivery.outcome === 'backend_error') {
                t.status = 'error';
                t.reason = `Alertmanager stopped answering while the alert was being confirmed: ${delivery.error}`;
                return conclude(t);
            }
            if (delivery.value) {
                t.actual_receivers = (delivery.value.receivers ?? []).map((r) => r.name ?? '').filter(Boolean);
                if (suppressed) {
                    t.reason = `Alertmanager holds the alert but suppresses it (${suppressed || 'silenced or inhibited'}), so nobody is notified.`;
                    return conclude(t);
                }
                t.delivered_at = this.ctx.now().toISOString();
            }
            if (!t.delivered_at || !t.actual_receivers.includes(t.expected_receiver))
                return conclude(t);
            if (!this.ack) {
                ackUnavailable =
                    'Alertmanager has no acknowledgement of its own and no acknowledgement source is configured (alerting.webhook.ack-url).';
                return conclude(t, { ackUnavailable });
            }
            await recordAcknowledgement(t, this.ack, p);
            return conclude(t);
        }
        catch (err) {
            t.status = 'error';
            t.reason = `Alertmanager could not be reached: ${errorMessage(err)}`;
            return conclude(t);
        }
        finally {
            if (posted)
                await this.resolve(alert, t);
        }
    }
    /** Re-POST with endsAt = now, then confirm Alertmanager no longer lists it as active. */
    async resolve(alert, t) {
        try {
            await this.post({ ...alert, endsAt: this.ctx.now().toISOString() });
            const gone = await pollUntil(async () => {
                const a = await this.find(t.test_id);
                return !a || a.status?.state !== 'active' ? true : undefined;
            }, { deadline: Date.now() + RESOLVE_CHECK_MS, firstMs: 25, maxMs: 500 });
            t.resolved = gone.outcome === 'completed';
            if (!t.resolved)
                this.ctx.log.warning(`Synthetic alert ${t.test_id} was resolved but Alertmanager still lists it as active (${gone.outcome}).`);
        }
        catch (err) {
            t.resolved = false;
            this.ctx.log.warning(`Could not resolve synthetic alert ${t.test_id} in Alertmanager: ${errorMessage(err)}; it expires at its endsAt.`);
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
        return (body.incidents ?? []).find((i) => i.incident_key === undefined || i.incident_key === dedupKey);
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
        const t = newTestRecord(p, this.name);
        let routingKey;
        let token;
        try {
            routingKey = this.secret(this.cfg['routing-key-env'], 'routing key');
            token = this.secret(this.cfg['api-token-env'], 'REST API token');
        }
        catch (err) {
            t.status = 'error';
            t.reason = errorMessage(err);
            return conclude(t);
        }
        const dedupKey = p.test_id;
        let triggered = false;
        try {
            const sentAt = this.ctx.now().toISOString();
            const res = await this.enqueue({
                routing_key: routingKey,
                event_action: 'trigger',
                dedup_key: dedupKey,
                payload: {
                    summary: `Synthetic alert test for route ${p.route.name}; please acknowledge. It resolves itself.`,
                    source: 'sre-monitoring-action',
                    severity: pagerDutySeverity(p.route.labels.severity),
                    custom_details: { test_id: p.test_id, route: p.route.name, run: this.ctx.runId, labels: p.route.labels }
                }
            });
            if (res.status === 429 || res.status >= 500) {
                t.status = 'error';
                t.reason = `PagerDuty Events API answered HTTP ${res.status}.`;
                return conclude(t);
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
                t.wait.delivery = 'completed';
                t.reason = `PagerDuty rejected the event (HTTP ${res.status}): ${detail}`;
                return conclude(t);
            }
            triggered = true;
            t.triggered_at = sentAt;
            const found = await pollUntil(() => this.incident(dedupKey, token), {
                deadline: p.deadline,
                firstMs: 100,
                maxMs: this.cfg['poll-seconds'] * 1000
            });
            t.wait.delivery = found.outcome;
            if (found.outcome === 'backend_error') {
                t.status = 'error';
                t.reason = `PagerDuty REST API could not be read: ${found.error}`;
                return conclude(t);
            }
            const incident = found.value;
            if (!incident) {
                t.reason = 'No incident was opened for the event (is the routing key an active integration?).';
                return conclude(t);
            }
            t.delivered_at = this.ctx.now().toISOString();
            t.actual_receivers = [
                incident.service?.summary,
                incident.escalation_policy?.summary,
                ...(incident.assignments ?? []).map((a) => a.assignee?.summary)
            ].filter((x) => !!x);
            let automatic;
            const acked = await pollUntil(async () => {
                const entries = await this.logEntries(incident.id, token);
                const trigger = entries.find((e) => e.type === 'trigger_log_entry');
                if (trigger?.created_at)
                    t.triggered_at = new Date(trigger.created_at).toISOString();
                const acks = entries.filter((e) => e.type === 'acknowledge_log_entry');
                automatic ??= acks.find((e) => e.agent?.type !== 'user_reference');
                return acks.find((e) => e.agent?.type === 'user_reference' && e.created_at);
            }, { deadline: t.actual_receivers.includes(t.expected_receiver) ? p.deadline : Date.now(), firstMs: 100, maxMs: this.cfg['poll-seconds'] * 1000 });
            t.wait.acknowledgement = acked.outcome;
            if (acked.outcome === 'backend_error') {
                t.status = 'error';
                t.reason = `PagerDuty log entries could not be read: ${acked.error}`;
            }
            if (acked.value) {
                t.acknowledged_at = new Date(acked.value.created_at).toISOString();
                if (acked.value.agent?.summary)
                    t.acknowledged_by = acked.value.agent.summary;
            }
            else if (automatic) {
                t.reason = `Only an automatic acknowledgement was seen (${automatic.agent?.type ?? 'no agent'}${automatic.agent?.summary ? `: ${automatic.agent.summary}` : ''}); a person must acknowledge.`;
            }
            return conclude(t);
        }
        catch (err) {
            t.status = 'error';
            t.reason = `PagerDuty could not be reached: ${errorMessage(err)}`;
            return conclude(t);
        }
        finally {
            if (triggered)
                await this.resolve(dedupKey, routingKey, token, t);
        }
    }
    async resolve(dedupKey, routingKey, token, t) {
        try {
            const res = await this.enqueue({ routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey });
            if (res.status !== 202)
                throw new Error(`resolve event answered HTTP ${res.status}`);
            const done = await pollUntil(async () => {
                const i = await this.incident(dedupKey, token);
                return !i || i.status === 'resolved' ? true : undefined;
            }, { deadline: Date.now() + pagerduty_RESOLVE_CHECK_MS, firstMs: 100, maxMs: 1000 });
            t.resolved = done.outcome === 'completed';
            if (!t.resolved)
                this.ctx.log.warning(`Synthetic PagerDuty incident ${dedupKey} is not resolved yet (${done.outcome}).`);
        }
        catch (err) {
            t.resolved = false;
            this.ctx.log.warning(`Could not resolve synthetic PagerDuty incident ${dedupKey}: ${errorMessage(err)}; resolve it by hand.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/alerting/providers/webhook/index.ts


/**
 * A plain webhook into the on-call tool. Delivery is the webhook's 2xx; the receiver and the
 * acknowledgement come from the ack source, which must name the receiver for the route to pass.
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
            alertname: p.alert_name,
            route: p.route.name,
            labels: { ...p.route.labels, alertname: p.alert_name, test_id: p.test_id, synthetic: 'true' },
            summary: `Synthetic alert test for route ${p.route.name}; please acknowledge.`,
            sent_at: this.ctx.now().toISOString()
        });
    }
    async run(p) {
        const t = newTestRecord(p, this.name);
        let sent = false;
        try {
            const triggeredAt = this.ctx.now().toISOString();
            const res = await (0,http/* httpRequest */.aj)({ backend: 'webhook', url: this.cfg.url, method: 'POST', headers: this.headers, body: this.payload(p, 'firing'), timeoutMs: 10_000, retries: 1 });
            sent = true;
            t.triggered_at = triggeredAt;
            t.wait.delivery = 'completed';
            if (res.status >= 500) {
                t.status = 'error';
                t.reason = `The webhook ${(0,http/* redactUrl */.BO)(this.cfg.url)} answered HTTP ${res.status}.`;
                return conclude(t);
            }
            if (res.status < 200 || res.status >= 300) {
                t.reason = `The webhook ${(0,http/* redactUrl */.BO)(this.cfg.url)} refused the alert: HTTP ${res.status}.`;
                return conclude(t);
            }
            t.delivered_at = this.ctx.now().toISOString();
            const ack = await recordAcknowledgement(t, this.ack, p);
            if (ack) {
                if (ack.receiver)
                    t.actual_receivers = [ack.receiver];
                else
                    t.reason = 'The acknowledgement did not name the receiver, so the route cannot be confirmed.';
            }
            return conclude(t, { receiverFromAck: true });
        }
        catch (err) {
            t.status = 'error';
            t.reason = `The webhook could not be reached: ${errorMessage(err)}`;
            return conclude(t);
        }
        finally {
            if (sent) {
                try {
                    const res = await (0,http/* httpRequest */.aj)({ backend: 'webhook', url: this.cfg.url, method: 'POST', headers: this.headers, body: this.payload(p, 'resolved'), timeoutMs: 10_000, retries: 1 });
                    t.resolved = res.status >= 200 && res.status < 300;
                }
                catch (err) {
                    this.ctx.log.warning(`Could not resolve synthetic alert ${t.test_id} through the webhook: ${errorMessage(err)}`);
                }
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/alerting/alert-tests.ts






const VALIDATION_REQUEST = '[VALIDATION REQUEST] - Monitoring instrumentation verified. Approve activation of alert tests? (yes/no)';
const TRIGGERING_MESSAGE = 'Triggering synthetic alerts to confirm notification pathways...';
const NOT_APPROVED_REASON = 'alert tests not approved';
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'route';
/**
 * The provider that carries the synthetic alerts: `alerting.provider`, or the first configured of
 * Alertmanager, PagerDuty, webhook. With Alertmanager, `alerting.webhook.ack-url` is where the
 * acknowledgement is read from.
 */
function selectProvider(ctx) {
    const cfg = ctx.config.alerting;
    const name = cfg.provider ?? (cfg.alertmanager ? 'alertmanager' : cfg.pagerduty ? 'pagerduty' : cfg.webhook ? 'webhook' : undefined);
    if (!name)
        return { missing: 'no alerting provider configured (alerting.alertmanager, alerting.pagerduty or alerting.webhook)' };
    if (name === 'alertmanager') {
        if (!cfg.alertmanager)
            return { missing: 'alerting.provider is alertmanager but alerting.alertmanager is not configured' };
        return new AlertmanagerProvider(ctx, cfg.alertmanager, cfg.webhook ? new HttpAckSource(ctx, cfg.webhook) : undefined);
    }
    if (name === 'pagerduty') {
        if (!cfg.pagerduty)
            return { missing: 'alerting.provider is pagerduty but alerting.pagerduty is not configured' };
        return new PagerDutyProvider(ctx, cfg.pagerduty);
    }
    if (!cfg.webhook)
        return { missing: 'alerting.provider is webhook but alerting.webhook is not configured' };
    return new WebhookProvider(ctx, cfg.webhook, new HttpAckSource(ctx, cfg.webhook));
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
/**
 * Gate 2's evidence: one synthetic alert per configured route through the real paging path, with
 * where it was delivered, when a person acknowledged it, and whether that was within the SLA.
 * Every alert is resolved afterwards. Nothing is sent unless the run approved alert tests.
 */
async function runAlertTests(ctx) {
    const cfg = ctx.config.alerting;
    const sla = cfg['ack-sla-seconds'];
    const approved = ctx.alertTestsApproved;
    ctx.log.info(VALIDATION_REQUEST);
    ctx.log.info(`Answer: ${approved ? 'yes' : 'no'} (input alert-tests=${approved ? 'true' : 'false'})`);
    const test_date = ctx.now().toISOString();
    const plan = (deadline) => cfg.routes.map((route) => ({
        test_id: `sre-${slug(ctx.runId)}-${slug(route.name)}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`,
        route,
        alert_name: SYNTHETIC_ALERT_NAME,
        sla_seconds: sla,
        deadline
    }));
    const base = { test_date, approved, sla_target_seconds: sla, source: 'built-in' };
    const provider = selectProvider(ctx);
    const providerName = 'missing' in provider ? (cfg.provider ?? 'alertmanager') : provider.name;
    if (!approved) {
        const tests = plan(0).map((p) => ({ ...newTestRecord(p, providerName), reason: NOT_APPROVED_REASON }));
        return { ...base, tests, overall_status: 'not_run', sla_compliance: 0, not_verified_reason: `${NOT_APPROVED_REASON} (input alert-tests is false): no synthetic alert was sent` };
    }
    if (cfg.routes.length === 0) {
        return { ...base, tests: [], overall_status: 'not_run', sla_compliance: 0, not_verified_reason: 'no alert routes configured (alerting.routes)' };
    }
    if ('missing' in provider) {
        const tests = plan(0).map((p) => ({ ...newTestRecord(p, providerName), reason: provider.missing }));
        return { ...base, tests, overall_status: 'not_run', sla_compliance: 0, not_verified_reason: provider.missing };
    }
    ctx.log.info(TRIGGERING_MESSAGE);
    const deadline = Date.now() + (sla + cfg['wait-margin-seconds']) * 1000;
    // Routes run side by side: each waits up to the SLA, so in turn they would multiply it.
    const tests = await Promise.all(plan(deadline).map(async (p) => {
        try {
            return await provider.run(p);
        }
        catch (err) {
            const t = newTestRecord(p, provider.name);
            t.status = 'error';
            t.reason = `unexpected failure of the ${provider.name} alert test: ${errorMessage(err)}`;
            return conclude(t);
        }
    }));
    for (const t of tests) {
        const line = `Alert test ${t.route} (${t.provider}): ${t.status} - ${t.reason}`;
        if (t.status === 'passed')
            ctx.log.info(line);
        else
            ctx.log.error(line, { title: 'Alert path' });
    }
    return { ...base, tests, overall_status: overall(tests), sla_compliance: compliance(tests) };
}


/***/ })

};
