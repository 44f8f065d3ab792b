export const id = 185;
export const ids = [185];
export const modules = {

/***/ 28185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  drillNotRun: () => (/* binding */ drillNotRun),
  routesWithDrillLabels: () => (/* binding */ routesWithDrillLabels),
  runDetectionDrill: () => (/* binding */ runDetectionDrill)
});

// UNUSED EXPORTS: AMTOOL_INSTALL, PROMTOOL_INSTALL, drillLabelsForRoute, parseLabelSet, parsePromtoolOutput

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/util/http.ts
var http = __webpack_require__(44098);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/alerting/slo/promql.ts
var promql = __webpack_require__(78902);
// EXTERNAL MODULE: ./src/alerting/slo/rule-set.ts
var rule_set = __webpack_require__(67014);
// EXTERNAL MODULE: ./src/alerting/slo/rules.ts + 1 modules
var rules = __webpack_require__(441);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/alerting/slo/burn-rate.ts
var burn_rate = __webpack_require__(83259);
// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
;// CONCATENATED MODULE: ./src/alerting/drill/plan.ts
/**
 * The drill's plan, as pure data: for each SLO, the burns to feed its rules (a total outage, just
 * above and just below each page factor, just above and just below the ticket factor) and what must
 * or must not fire within which window; for each critical service, series that stop. Then the
 * promtool unit-test files that carry it out, with a check at every evaluation step.
 */




/** Events per input sample: large enough that every burn is a whole share of it. */
const EVENTS_PER_SAMPLE = 1000;
const COUNTER_BASE = 1_000_000;
/** Steps a test group may evaluate; longer windows are evaluated at a coarser step. */
const MAX_STEPS = 1000;
const ABOVE = 1.1;
const BELOW = 0.9;
function maxWindow(alerts) {
    let w = 0;
    for (const a of alerts)
        for (const b of a.branches)
            for (const x of b.windows)
                w = Math.max(w, x);
    return w;
}
const maxFor = (alerts) => alerts.reduce((m, a) => Math.max(m, a.forSeconds), 0);
function groupInterval(alerts) {
    let step = 0;
    for (const a of alerts) {
        const s = a.rule.group?.interval ? (0,promql/* promDurationSeconds */.kj)(a.rule.group.interval) : undefined;
        if (s && s > 0)
            step = step ? Math.min(step, s) : s;
    }
    return step || 60;
}
function labelText(metric, labels) {
    const inner = Object.entries(labels)
        .sort(([a], [b]) => (0,order/* byText */.z)(a, b))
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(', ');
    return `${metric}{${inner}}`;
}
const num = (x) => String((0,burn_rate/* roundSignificant */.eN)(x, 15));
/** A counter: `pre` per sample for `prefix` samples, then `burn` per sample for `burnSamples` samples. */
function counter(pre, prefix, burn, burnSamples) {
    const atOrigin = COUNTER_BASE + pre * prefix;
    const parts = [`${num(COUNTER_BASE)}+${num(pre)}x${prefix}`];
    if (burnSamples > 0)
        parts.push(`${num(atOrigin + burn)}+${num(burn)}x${burnSamples - 1}`);
    return parts.join(' ');
}
function burnSeries(plan, ratio, prefix, burnSamples) {
    const R = EVENTS_PER_SAMPLE;
    const inc = (role, burning) => role === 'total' ? R : role === 'bad' ? (burning ? R * ratio : 0) : burning ? R * (1 - ratio) : R;
    const out = plan.series.map((s) => ({
        labels: labelText(s.metric, s.labels),
        values: counter(inc(s.role, false), prefix, inc(s.role, true), burnSamples)
    }));
    if (plan.neighbour) {
        // Another service's healthy traffic: an alert that does not select the service is diluted by it.
        for (const s of plan.series) {
            const n = s.role === 'bad' ? 0 : 10 * R;
            out.push({
                labels: labelText(s.metric, { ...s.labels, [plan.neighbour.label]: plan.neighbour.value }),
                values: counter(n, prefix, n, burnSamples)
            });
        }
    }
    return out;
}
function stopSeries(plans, prefix, after) {
    const out = [];
    const seen = new Set();
    for (const plan of plans) {
        for (const s of plan.series) {
            const labels = labelText(s.metric, s.labels);
            if (seen.has(labels))
                continue;
            seen.add(labels);
            const inc = s.role === 'bad' ? 0 : EVENTS_PER_SAMPLE;
            out.push({ labels, values: `${num(COUNTER_BASE)}+${num(inc)}x${prefix} stale` });
            if (plan.neighbour) {
                const nl = labelText(s.metric, { ...s.labels, [plan.neighbour.label]: plan.neighbour.value });
                if (!seen.has(nl)) {
                    seen.add(nl);
                    out.push({ labels: nl, values: counter(inc * 10, prefix, inc * 10, after) });
                }
            }
        }
    }
    return out;
}
function minWindow(alerts) {
    let w = Infinity;
    for (const a of alerts)
        for (const b of a.branches)
            for (const x of b.windows)
                w = Math.min(w, x);
    return w;
}
/**
 * Samples every minute, sparser when the shortest window the alerts read is long (a quarter of it,
 * up to 15m: a 3-day ticket drill then costs little), denser (down to 15s) only for windows under
 * 4m. Evaluation follows the group's interval, coarsened so a test never takes more than MAX_STEPS.
 */
function timing(alerts, prefixWanted, span) {
    const base = groupInterval(alerts);
    const shortest = minWindow(alerts);
    const quarter = Number.isFinite(shortest) ? shortest / 4 : 60;
    const sampleInterval = quarter >= 60 ? Math.min(900, Math.floor(quarter / 60) * 60) : Math.max(15, Math.floor(quarter));
    let step = Math.max(base, sampleInterval);
    const total = prefixWanted + span;
    if (total / step > MAX_STEPS)
        step = Math.ceil(total / MAX_STEPS / 60) * 60;
    const unit = lcm(step, sampleInterval);
    const origin = Math.ceil(prefixWanted / unit) * unit;
    return { step, sampleInterval, origin, prefixSamples: origin / sampleInterval };
}
function lcm(a, b) {
    const g = (x, y) => (y === 0 ? x : g(y, x % y));
    return (a * b) / g(a, b);
}
/** The burn scenarios of one SLO, as promtool test groups. */
function sloGroups(idPrefix, slo, alerts, plan) {
    const budget = (0,burn_rate/* errorBudget */.C0)(slo.objective);
    const policy = (0,burn_rate/* burnRateAlerts */.Hd)(slo);
    const pages = policy.filter((p) => p.severity === 'page').sort((a, b) => b.factor - a.factor);
    const tickets = policy.filter((p) => p.severity === 'ticket');
    const pageAlerts = alerts.filter((a) => a.severity === 'page');
    const ticketAlerts = alerts.filter((a) => a.severity === 'ticket');
    const groups = [];
    const unrunnable = [];
    const secs = (w) => (0,promql/* promDurationSeconds */.kj)(w) ?? 0;
    const make = (name, under, ratio, burnRate, checks) => {
        if (under.length === 0) {
            // Nothing of this severity to feed: what must fire cannot.
            for (const c of checks)
                if (c.expectation === 'must_fire')
                    unrunnable.push({ ...c, burnRate, errorRatio: (0,burn_rate/* roundSignificant */.eN)(ratio, 6) });
            return;
        }
        const span = Math.max(...checks.map((c) => c.to));
        const t = timing(under, Math.max(maxWindow(under), 3600) + 2 * groupInterval(under), span);
        const burnSamples = Math.ceil((span + t.step) / t.sampleInterval) + 1;
        groups.push({
            id: `${idPrefix}-${name}`,
            alerts: under,
            step: t.step,
            sampleInterval: t.sampleInterval,
            origin: t.origin,
            end: t.origin + burnSamples * t.sampleInterval,
            series: burnSeries(plan, ratio, t.prefixSamples, burnSamples),
            control: labelText(plan.series[0].metric, plan.series[0].labels),
            checks: checks.map((c) => ({
                ...c,
                from: 0,
                to: Math.ceil(c.to / t.step) * t.step,
                burnRate,
                errorRatio: (0,burn_rate/* roundSignificant */.eN)(ratio, 6)
            }))
        });
    };
    if (pages.length) {
        const fastest = pages[0];
        make('outage', pageAlerts, 1, (0,burn_rate/* roundSignificant */.eN)(1 / budget, 6), [
            {
                name: 'outage',
                expectation: 'must_fire',
                severities: ['page'],
                from: 0,
                to: secs(fastest.longWindow) + maxFor(pageAlerts) + 2 * groupInterval(pageAlerts)
            }
        ]);
    }
    for (const p of pages) {
        const w = secs(p.longWindow);
        const above = Math.min(1, ABOVE * p.factor * budget);
        make(`above_${p.longWindow}`, pageAlerts, above, (0,burn_rate/* roundSignificant */.eN)(above / budget, 6), [
            {
                name: `above_${p.longWindow}`,
                expectation: 'must_fire',
                severities: ['page'],
                from: 0,
                to: w + maxFor(pageAlerts) + 2 * groupInterval(pageAlerts)
            }
        ]);
        // Just below this factor: this window must stay quiet until a slower policy rightly fires.
        const below = BELOW * p.factor;
        const legit = Math.min(...pages.filter((q) => q.factor < below).map((q) => (secs(q.longWindow) * q.factor) / below));
        const quiet = Math.min(legit, w + maxFor(pageAlerts));
        if (quiet >= 2 * groupInterval(pageAlerts)) {
            make(`below_${p.longWindow}`, pageAlerts, below * budget, (0,burn_rate/* roundSignificant */.eN)(below, 6), [
                { name: `below_${p.longWindow}`, expectation: 'must_not_fire', severities: ['page'], from: 0, to: Math.floor(quiet / 60) * 60 }
            ]);
        }
    }
    for (const t of tickets) {
        const w = secs(t.longWindow);
        const above = Math.min(1, ABOVE * t.factor * budget);
        // Ticket alerts alone: that pages stay quiet at these burns is shown by below_<slowest page>.
        make(`above_${t.longWindow}`, ticketAlerts, above, (0,burn_rate/* roundSignificant */.eN)(above / budget, 6), [
            {
                name: `above_${t.longWindow}`,
                expectation: 'must_fire',
                severities: ['ticket'],
                from: 0,
                to: w + maxFor(ticketAlerts) + 2 * groupInterval(ticketAlerts)
            }
        ]);
        make(`below_${t.longWindow}`, ticketAlerts, BELOW * t.factor * budget, (0,burn_rate/* roundSignificant */.eN)(BELOW * t.factor, 6), [
            { name: `below_${t.longWindow}`, expectation: 'must_not_fire', severities: ['ticket'], from: 0, to: w + maxFor(ticketAlerts) }
        ]);
    }
    return { groups, unrunnable };
}
/** Series that stop: the service's absent-data alerts must fire, and must not before the stop. */
function stopGroup(id, alerts, plans) {
    if (alerts.length === 0 || plans.length === 0)
        return undefined;
    const base = groupInterval(alerts);
    // Without a stale marker a series counts as present for the 5-minute lookback.
    const span = maxFor(alerts) + maxWindow(alerts) + 300 + 2 * base;
    const t = timing(alerts, Math.max(1800, maxWindow(alerts) + maxFor(alerts) + 2 * base), span);
    const after = Math.ceil((span + t.step) / t.sampleInterval) + 1;
    return {
        id,
        alerts,
        step: t.step,
        sampleInterval: t.sampleInterval,
        origin: t.origin,
        end: t.origin + after * t.sampleInterval,
        series: stopSeries(plans, t.prefixSamples, after),
        control: labelText(plans[0].series[0].metric, plans[0].series[0].labels),
        checks: [
            {
                name: 'present',
                expectation: 'must_not_fire',
                severities: ['absent'],
                from: -t.origin + t.step,
                to: 0,
                burnRate: null,
                errorRatio: null
            },
            {
                name: 'stop',
                expectation: 'must_fire',
                severities: ['absent'],
                from: 0,
                to: Math.ceil(span / t.step) * t.step,
                burnRate: null,
                errorRatio: null
            }
        ]
    };
}
/** The rules a group needs, in their own groups and order: the alerts and the recording rules they read. */
function ruleFileText(all, alerts) {
    const wanted = new Set();
    for (const a of alerts) {
        wanted.add(a.rule);
        for (const r of a.recordings)
            wanted.add(r);
    }
    const groups = new Map();
    for (const r of all) {
        if (!wanted.has(r))
            continue;
        const key = `${r.source}\u0000${r.group?.name ?? ''}`;
        let g = groups.get(key);
        if (!g) {
            g = { name: `${groups.size}-${r.group?.name || 'rules'}`, ...(r.group?.interval ? { interval: r.group.interval } : {}), rules: [] };
            groups.set(key, g);
        }
        g.rules.push(r.type === 'alerting'
            ? { alert: r.name, expr: r.expr, ...(r.for ? { for: r.for } : {}), ...(Object.keys(r.labels).length ? { labels: r.labels } : {}) }
            : { record: r.name, expr: r.expr, ...(Object.keys(r.labels).length ? { labels: r.labels } : {}) });
    }
    return (0,dist/* stringify */.As)({ groups: [...groups.values()] }, { lineWidth: 0 });
}
/** The promtool unit-test file of a group: a check at every step of every checked range. */
function testFileText(group, ruleFile) {
    const names = [...new Set(group.alerts.map((a) => a.rule.name))];
    const times = new Set();
    for (const c of group.checks)
        for (let t = group.origin + c.from + group.step; t <= group.origin + c.to; t += group.step)
            if (t > 0)
                times.add(t);
    const last = Math.max(...times);
    // promtool passes a test whose input ends before its eval time (prometheus #14500): never let it.
    if (last >= group.end)
        throw new Error(`drill input for ${group.id} ends at ${group.end}s, before the last check at ${last}s`);
    const alert_rule_test = [...times]
        .sort((a, b) => a - b)
        .flatMap((t) => names.map((alertname) => ({ eval_time: (0,promql/* formatDuration */.a3)(t), alertname })));
    // The control must fail: its "got" proves the group was evaluated and its input reached `at`.
    const stops = group.checks.some((c) => c.severities.includes('absent'));
    const at = stops ? group.origin : last;
    const promql_expr_test = [
        {
            expr: `label_replace(count(present_over_time(${group.control}[${(0,promql/* formatDuration */.a3)(2 * group.sampleInterval)}])), "drill_group", ${JSON.stringify(group.id)}, "", "")`,
            eval_time: (0,promql/* formatDuration */.a3)(at),
            exp_samples: []
        }
    ];
    return (0,dist/* stringify */.As)({
        rule_files: [ruleFile],
        evaluation_interval: (0,promql/* formatDuration */.a3)(group.step),
        tests: [
            {
                name: group.id,
                interval: (0,promql/* formatDuration */.a3)(group.sampleInterval),
                input_series: group.series.map((s) => ({ series: s.labels, values: s.values })),
                alert_rule_test,
                promql_expr_test
            }
        ]
    }, { lineWidth: 0 });
}

;// CONCATENATED MODULE: ./src/alerting/drill/series.ts

function selectorsOf(query) {
    return (0,promql/* selectors */.Tp)((0,promql/* parsePromql */.v_)((0,promql/* substituteVariables */.OJ)(query))).map((s) => ({ name: s.name, matchers: s.matchers }));
}
const POOL = [
    '500',
    '503',
    '200',
    '201',
    '204',
    '400',
    '404',
    '429',
    'error',
    'ok',
    'success',
    'failure',
    'true',
    'false',
    '0',
    '1',
    '5xx',
    '2xx',
    'GET',
    'x',
    'drill'
];
/** Examples a regex may match, read from its text (`5..` -> 500, `(5..|429)` -> 500, 429). */
function regexExamples(pattern) {
    const out = [];
    const alternatives = pattern.replace(/^\(\?:|^\(|\)$/g, '').split('|');
    for (const alt of alternatives) {
        const v = alt
            .replace(/[()^$]/g, '')
            .replace(/\\d/g, '0')
            .replace(/\[([^\]])[^\]]*\]/g, '$1')
            .replace(/\.\*|\.\+/g, '0')
            .replace(/\./g, '0')
            .replace(/[*?]|\{\d+(,\d*)?\}/g, '')
            .replace(/\+/g, '')
            .replace(/\\(.)/g, '$1');
        out.push(v);
    }
    return out;
}
/** A value for a label that every `must` matcher accepts and every `mustNot` matcher rejects. */
function chooseValue(label, must, mustNot) {
    const candidates = new Set();
    for (const m of [...must, ...mustNot]) {
        if (m.op === '=' || m.op === '!=')
            candidates.add(m.value);
        if (m.op === '=~' || m.op === '!~')
            for (const e of regexExamples(m.value))
                candidates.add(e);
    }
    for (const p of POOL)
        candidates.add(p);
    candidates.add(`${label}-drill`);
    for (const v of candidates) {
        if (v === '')
            continue;
        const l = { [label]: v };
        if (must.every((m) => (0,promql/* matchersAccept */.Gt)([m], l)) && mustNot.every((m) => !(0,promql/* matchersAccept */.Gt)([m], l)))
            return v;
    }
    // The label left out (empty) may be the only way: `code!~".+"`.
    const empty = {};
    if (must.every((m) => (0,promql/* matchersAccept */.Gt)([m], empty)) && mustNot.every((m) => !(0,promql/* matchersAccept */.Gt)([m], empty)))
        return '';
    return undefined;
}
/** Labels that satisfy all of `yes` and fail each of `no` (at least one matcher of each), or why not. */
function labelsFor(metric, yes, no) {
    const must = yes.flatMap((s) => s.matchers).filter((m) => m.label !== '__name__');
    const labels = {};
    for (const label of new Set(must.map((m) => m.label))) {
        const v = chooseValue(label, must.filter((m) => m.label === label), []);
        if (v === undefined)
            return `no value of ${label} satisfies ${must
                .filter((m) => m.label === label)
                .map(show)
                .join(', ')}`;
        if (v !== '')
            labels[label] = v;
    }
    for (const s of no) {
        const sm = s.matchers.filter((m) => m.label !== '__name__');
        if (!(0,promql/* matchersAccept */.Gt)(sm, labels))
            continue;
        let done = false;
        for (const m of sm) {
            const v = chooseValue(m.label, must.filter((x) => x.label === m.label), [m]);
            if (v === undefined)
                continue;
            if (v === '')
                delete labels[m.label];
            else
                labels[m.label] = v;
            done = true;
            break;
        }
        if (!done)
            return `no labels for ${metric} are counted by one query and not by the other (${sm.map(show).join(', ')})`;
    }
    return labels;
}
const show = (m) => `${m.label}${m.op}"${m.value}"`;
function metricOf(sels, what) {
    const names = [...new Set(sels.map((s) => s.name).filter((n) => !!n))];
    if (names.length !== 1)
        throw new Error(`the ${what} query reads ${names.length === 0 ? 'no metric name' : `${names.length} metrics (${names.join(', ')})`}; the drill needs one`);
    return names[0];
}
/**
 * The series of an SLO's metrics: for an error/total or good/total SLO over one metric, a bad and
 * a good series of that metric; over two metrics, the numerator's series and the total's.
 */
function sloSeries(slo, serviceLabel, selector) {
    const total = slo['total-query'];
    const num = slo['error-query'] ?? slo['good-query'];
    const kind = slo['error-query'] ? 'error' : 'good';
    if (!total || !num)
        return 'the SLO has no total-query with an error-query or good-query, so its error ratio cannot be burned';
    let T;
    let N;
    let tm;
    let nm;
    try {
        T = selectorsOf(total);
        N = selectorsOf(num);
        tm = metricOf(T, 'total');
        nm = metricOf(N, kind);
    }
    catch (err) {
        return err instanceof Error ? err.message : String(err);
    }
    const series = [];
    if (tm === nm) {
        // One metric: bad events are counted by total and error (or by total and not good).
        const badL = kind === 'error' ? labelsFor(tm, [...T, ...N], []) : labelsFor(tm, T, N);
        const goodL = kind === 'error' ? labelsFor(tm, T, N) : labelsFor(tm, [...T, ...N], []);
        if (typeof badL === 'string')
            return badL;
        if (typeof goodL === 'string')
            return goodL;
        series.push({ metric: tm, labels: badL, role: 'bad' }, { metric: tm, labels: goodL, role: 'good' });
    }
    else {
        const nL = labelsFor(nm, N, []);
        const tL = labelsFor(tm, T, []);
        if (typeof nL === 'string')
            return nL;
        if (typeof tL === 'string')
            return tL;
        series.push({ metric: nm, labels: nL, role: kind === 'error' ? 'bad' : 'good' }, { metric: tm, labels: tL, role: 'total' });
    }
    const svc = [serviceLabel, ...Object.keys(selector)]
        .map((label) => ({ label, value: series[0].labels[label] }))
        .find((x) => x.value !== undefined && x.value !== '') ?? undefined;
    return { series, ...(svc ? { serviceLabel: { label: svc.label, value: svc.value } } : {}) };
}
/** Whether a regex in the SLO's queries could also select a neighbour's value. */
function neighbourValue(value, matchers) {
    for (const suffix of ['-neighbour', '-other', 'zz']) {
        const v = `${value}${suffix}`;
        if (!matchers.some((m) => m.op === '=~' && (0,promql/* regexMatches */.dk)(m.value, v)))
            return v;
    }
    return `${value}-neighbour`;
}

;// CONCATENATED MODULE: ./src/alerting/drill/run.ts
/**
 * The detection drill: the rules in force are fed burns of the SLO's own metrics in the real
 * `promtool test rules`, which tells whether and when each alert fires; the labels the fired alert
 * carries are routed through the running Alertmanager config with `amtool config routes test`.
 * Production sees one request (the Alertmanager config); everything else runs on this machine.
 */












const PROMTOOL_INSTALL = 'sudo apt-get update && sudo apt-get install -y prometheus';
const AMTOOL_INSTALL = 'sudo apt-get update && sudo apt-get install -y prometheus-alertmanager';
const RUN_TIMEOUT_MS = 600_000;
const OUTPUT_CAP = 16 * 1024 * 1024;
const CONCURRENCY = 2;
async function findTool(name, configured, env) {
    const candidates = configured
        ? [configured]
        : (env.PATH ?? process.env.PATH ?? '')
            .split(external_node_path_.delimiter)
            .filter(Boolean)
            .map((d) => (0,external_node_path_.join)(d, name));
    for (const c of candidates) {
        try {
            await (0,promises_.access)(c, promises_.constants.X_OK);
            return c;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
function runTool(bin, args, cwd, timeoutMs = RUN_TIMEOUT_MS) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(bin, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        let timedOut = false;
        child.stdout.on('data', (d) => {
            if (out.length < OUTPUT_CAP)
                out += d.toString();
            else
                child.kill('SIGKILL');
        });
        child.stderr.on('data', (d) => {
            if (err.length < OUTPUT_CAP)
                err += d.toString();
            else
                child.kill('SIGKILL');
        });
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, timeoutMs);
        child.on('error', (e) => {
            clearTimeout(timer);
            resolve({ code: null, out, err: String(e), timedOut });
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code, out, err, timedOut });
        });
    });
}
/** Prometheus's label-set text `{a="b", c="d"}` read back. */
function parseLabelSet(text) {
    const out = {};
    for (const m of text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
        out[m[1]] = JSON.parse(`"${m[2]}"`);
    return out;
}
/**
 * promtool's report per test group (failures go to stderr, each under `name: <group>`). Every
 * alert expectation is "no alert", so each failed one is an alert that fired then. Each group also
 * carries a control that must fail (the input counted at the last check): a group without it was
 * not evaluated (a rule file promtool refused) or its input did not reach the last check.
 */
function parsePromtoolOutput(stderr, groups) {
    const result = new Map();
    for (const g of groups)
        result.set(g, { firings: [], control: false });
    let group;
    let current;
    let inControl = false;
    for (const line of stderr.split('\n')) {
        const name = /^\s*name: (.*),\s*$/.exec(line);
        if (name) {
            group = result.get(name[1]);
            current = undefined;
            inControl = false;
            continue;
        }
        const head = /^\s*alertname: (.*), time: ([0-9a-z.]+),\s*$/.exec(line);
        if (head) {
            current = { alertname: head[1], time: (0,promql/* promDurationSeconds */.kj)(head[2]) ?? NaN };
            inControl = false;
            continue;
        }
        if (/^\s*expr: /.test(line)) {
            current = undefined;
            inControl = true;
            continue;
        }
        const got = inControl ? /^\s*got: \{drill_group="([^"]+)"\} 1(E\+00)?\s*$/.exec(line) : null;
        if (got) {
            const g = result.get(got[1]);
            if (g)
                g.control = true;
        }
        const labels = /^\s*Labels:(\{.*\})\s*$/.exec(line);
        if (labels && current && group)
            group.firings.push({ ...current, labels: parseLabelSet(labels[1]) });
    }
    const out = new Map();
    const text = stderr
        .replace(/^\s*(Labels|Annotations):.*$/gm, '')
        .trim()
        .slice(0, 1500);
    for (const [g, r] of result) {
        out.set(g, r.control
            ? { firings: r.firings }
            : { firings: r.firings, error: `promtool did not evaluate the group to its last check${text ? `: ${text}` : ''}` });
    }
    return out;
}
/** The alerting.routes entry that applies to a label set (the most specific one), if any. */
function routeFor(ctx, labels) {
    const fits = ctx.config.alerting.routes.filter((r) => Object.entries(r.labels).every(([k, v]) => labels[k] === v));
    fits.sort((a, b) => Object.keys(b.labels).length - Object.keys(a.labels).length);
    const r = fits[0];
    return r ? { name: r.name, receiver: r['expect-receiver'] } : undefined;
}
async function loadAlertmanagerConfig(ctx, dir, counts) {
    const am = ctx.config.alerting.alertmanager;
    if (!am)
        return { source: 'none', error: 'no alerting.alertmanager configured: the running routing tree cannot be read' };
    const url = `${am.url.replace(/\/+$/, '')}/api/v2/status`;
    counts.alertmanager++;
    try {
        const res = await (0,http/* httpRequest */.aj)({
            backend: 'alertmanager',
            url,
            headers: { Accept: 'application/json', ...(0,http/* authHeaders */.Pw)(am.auth, am.headers, ctx.env, ctx.log, 'alertmanager') },
            timeoutMs: am['timeout-seconds'] * 1000,
            retries: am.retries
        });
        if (res.status !== 200)
            return { source: `GET ${(0,http/* redactUrl */.BO)(url)}`, error: `HTTP ${res.status}` };
        const body = JSON.parse(res.text);
        if (typeof body.config?.original !== 'string' || !body.config.original.trim())
            return { source: `GET ${(0,http/* redactUrl */.BO)(url)}`, error: 'answer has no config.original' };
        const file = (0,external_node_path_.join)(dir, 'alertmanager.yml');
        await (0,promises_.writeFile)(file, body.config.original);
        return { file, source: `GET ${(0,http/* redactUrl */.BO)(url)}` };
    }
    catch (err) {
        return { source: `GET ${(0,http/* redactUrl */.BO)(url)}`, error: (0,errors/* errorText */.kc)(err) };
    }
}
function quoteMatcher(k, v) {
    return `${k}=${JSON.stringify(v)}`;
}
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    }));
    return out;
}
function plansForService(ctx, service, slos) {
    const out = [];
    for (const slo of slos) {
        const s = sloSeries(slo, ctx.model.serviceLabel, service.selector);
        if (typeof s === 'string')
            continue;
        out.push({
            series: s.series,
            ...(s.serviceLabel ? { neighbour: { label: s.serviceLabel.label, value: neighbourValue(s.serviceLabel.value, []) } } : {})
        });
    }
    return out;
}
/** Series for an absent-data alert of a service without an SLO: its own selector's series. */
function plansFromAbsent(alerts) {
    const out = [];
    for (const a of alerts) {
        for (const s of a.selectors) {
            if (!s.name)
                continue;
            const labels = {};
            for (const m of s.matchers)
                if (m.op === '=')
                    labels[m.label] = m.value;
            out.push({ series: [{ metric: s.name, labels, role: 'good' }] });
        }
    }
    return out;
}
function plan(ctx, set) {
    const out = [];
    const servicesByName = new Map(ctx.model.services.map((s) => [s.name, s]));
    const slosByService = new Map();
    ctx.model.slos.forEach((slo, i) => {
        slosByService.set(slo.service, [...(slosByService.get(slo.service) ?? []), slo]);
        const alerts = (0,rules/* alertsAboutSlo */.$Z)(slo, set, ctx).filter((a) => a.severity !== undefined && a.problems.length === 0);
        const svc = servicesByName.get(slo.service);
        const target = {
            kind: 'slo',
            slo: slo.name,
            service: slo.service,
            alerts: alerts.map((a) => a.rule.name),
            recording_rules: 0,
            series: [],
            status: 'not_run',
            reason: '',
            scenarios: []
        };
        target.recording_rules = new Set(alerts.flatMap((a) => a.recordings)).size;
        const series = sloSeries(slo, ctx.model.serviceLabel, svc?.selector ?? {});
        if (typeof series === 'string') {
            target.reason = `the drill cannot build input from this SLO's queries: ${series}`;
            out.push({ target, groups: [] });
            return;
        }
        const sp = {
            series: series.series,
            ...(series.serviceLabel
                ? { neighbour: { label: series.serviceLabel.label, value: neighbourValue(series.serviceLabel.value, []) } }
                : {})
        };
        target.series = series.series.map((s) => `${s.metric}{${Object.entries(s.labels)
            .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
            .join(', ')}} (${s.role})`);
        if (!alerts.some((a) => a.severity === 'page')) {
            target.status = 'failed';
            target.reason = 'no page alert about this SLO can be drilled: nothing pages when its budget burns';
        }
        out.push({ target, ...sloGroups(`slo${i}`, slo, alerts, sp) });
    });
    ctx.model.services
        .filter((s) => s.critical)
        .forEach((svc, i) => {
        const alerts = (0,rules/* alertsAboutService */.oO)(svc, set, ctx).filter((a) => a.usesAbsent && a.problems.length === 0);
        const target = {
            kind: 'absent',
            service: svc.name,
            alerts: alerts.map((a) => a.rule.name),
            recording_rules: 0,
            series: [],
            status: 'not_run',
            reason: '',
            scenarios: []
        };
        if (alerts.length === 0) {
            target.status = 'failed';
            target.reason = `no absent-data alert about ${svc.name} to drill: nothing fires when its telemetry stops`;
            out.push({ target, groups: [] });
            return;
        }
        const plans = plansForService(ctx, svc, slosByService.get(svc.name) ?? []);
        const sp = plans.length ? plans : plansFromAbsent(alerts);
        target.series = sp.flatMap((p) => p.series.map((s) => `${s.metric}{${Object.entries(s.labels)
            .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
            .join(', ')}}`));
        const g = stopGroup(`svc${i}-stop`, alerts, sp);
        out.push({ target, groups: g ? [g] : [] });
    });
    return out;
}
function maxDetection(ctx, severity) {
    const m = ctx.config.drill?.['max-detection'];
    if (m === undefined)
        return undefined;
    const v = typeof m === 'string' ? m : m[severity];
    return v ? (0,promql/* promDurationSeconds */.kj)(v) : undefined;
}
function judge(ctx, group, firings, error) {
    const absentNames = new Set(group.alerts.map((a) => a.rule.name));
    const sevOf = (f) => group.checks[0]?.severities.includes('absent') ? (absentNames.has(f.alertname) ? 'absent' : undefined) : (0,rule_set/* severityOf */.Q)(f.labels);
    return group.checks.map((c) => {
        const from = group.origin + c.from;
        const to = group.origin + c.to;
        const hits = firings
            .filter((f) => f.time > from && f.time <= to && c.severities.includes(sevOf(f) ?? ''))
            .sort((a, b) => a.time - b.time);
        const first = hits[0];
        const origin = group.origin;
        const max = c.expectation === 'must_fire' ? maxDetection(ctx, c.severities[0]) : undefined;
        const scenario = {
            name: c.name,
            burn_rate: c.burnRate,
            error_ratio: c.errorRatio,
            expectation: c.expectation,
            severities: c.severities,
            window_seconds: c.to - c.from,
            resolution_seconds: group.step,
            input_covers_seconds: group.end - origin,
            fired: !!first,
            detection_seconds: first ? first.time - origin : null,
            ...(max !== undefined ? { max_detection_seconds: max } : {}),
            ...(first ? { alert: { alertname: first.alertname, labels: first.labels } } : {}),
            status: 'passed',
            reason: ''
        };
        const what = c.burnRate !== null
            ? `a ${c.burnRate}x burn (error ratio ${c.errorRatio})`
            : c.name === 'stop'
                ? 'series that stop'
                : 'series present';
        if (error) {
            scenario.status = 'error';
            scenario.reason = `promtool could not run the drill: ${error}`;
        }
        else if (c.expectation === 'must_fire' && !first) {
            scenario.status = 'failed';
            scenario.reason = `no ${c.severities.join('/')} alert fired within ${(0,promql/* formatDuration */.a3)(c.to - c.from)} of ${what}`;
        }
        else if (c.expectation === 'must_not_fire' && first) {
            scenario.status = 'failed';
            scenario.reason = `${first.alertname} (${sevOf(first)}) fired ${c.from < 0 ? `before the series stopped (at ${(0,promql/* formatDuration */.a3)(first.time)})` : `${(0,promql/* formatDuration */.a3)(first.time - origin)} into ${what}`}, which must not fire it`;
        }
        else if (first && max !== undefined && first.time - origin > max) {
            scenario.status = 'failed';
            scenario.reason = `${first.alertname} fired after ${(0,promql/* formatDuration */.a3)(first.time - origin)}, later than drill.max-detection ${(0,promql/* formatDuration */.a3)(max)}`;
        }
        else {
            scenario.reason = first
                ? `${first.alertname} fired after ${(0,promql/* formatDuration */.a3)(first.time - origin)} (checked every ${(0,promql/* formatDuration */.a3)(group.step)})`
                : `nothing fired within ${(0,promql/* formatDuration */.a3)(c.to - c.from)} of ${what}`;
        }
        return scenario;
    });
}
/** A drill that did not run, and why. */
function drillNotRun(ctx, reason) {
    return {
        run_at: ctx.now().toISOString(),
        status: 'not_run',
        required: ctx.config.drill?.required ?? false,
        promtool: null,
        amtool: null,
        not_run_reason: reason,
        targets: [],
        requests: { alertmanager: 0, promtool_runs: 0, amtool_runs: 0 },
        duration_ms: 0
    };
}
/** Routes whose labels become those the drill saw the real rule fire with. */
function routesWithDrillLabels(routes, drill) {
    return routes.map((r) => {
        const labels = drillLabelsForRoute(drill, r.name);
        return labels ? { ...r, labels } : r;
    });
}
/**
 * Drill every SLO's burn-rate alerts and every critical service's absent-data alert. The result
 * says per alert and burn whether it fired, when, where it routed, and what was wrong.
 */
async function runDetectionDrill(ctx, set) {
    const started = Date.now();
    const required = ctx.config.drill?.required ?? false;
    const drill = {
        run_at: ctx.now().toISOString(),
        status: 'not_run',
        required,
        promtool: null,
        amtool: null,
        targets: [],
        requests: { alertmanager: 0, promtool_runs: 0, amtool_runs: 0 },
        duration_ms: 0
    };
    const finish = () => {
        drill.duration_ms = Date.now() - started;
        return drill;
    };
    const promtool = await findTool('promtool', ctx.config.alerting.promtool, ctx.env);
    if (!promtool) {
        drill.not_run_reason = ctx.config.alerting.promtool
            ? `alerting.promtool (${ctx.config.alerting.promtool}) is not an executable file`
            : 'promtool is not on PATH: the alert rules could not be drilled';
        drill.install_hint = PROMTOOL_INSTALL;
        return finish();
    }
    drill.promtool = { path: promtool };
    const version = await runTool(promtool, ['--version'], (0,external_node_os_.tmpdir)(), 10_000);
    const v = /version (\S+)/.exec(version.out);
    if (v)
        drill.promtool.version = v[1];
    const planned = plan(ctx, set);
    if (planned.length === 0) {
        drill.not_run_reason = 'no SLOs and no critical services: nothing to drill';
        return finish();
    }
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'sre-drill-'));
    try {
        for (const p of planned) {
            for (const c of p.unrunnable ?? []) {
                p.target.scenarios.push({
                    name: c.name,
                    burn_rate: c.burnRate,
                    error_ratio: c.errorRatio,
                    expectation: c.expectation,
                    severities: c.severities,
                    window_seconds: c.to - c.from,
                    resolution_seconds: 60,
                    input_covers_seconds: 0,
                    fired: false,
                    detection_seconds: null,
                    status: 'failed',
                    reason: `no ${c.severities.join('/')} alert about this SLO to fire: nothing ${c.severities.includes('ticket') ? 'tickets' : 'pages'} at a ${c.burnRate}x burn`
                });
            }
        }
        await mapLimit(planned, CONCURRENCY, async (p) => {
            if (p.groups.length === 0)
                return;
            const files = [];
            for (const g of p.groups) {
                const ruleFile = `${g.id}.rules.yml`;
                await (0,promises_.writeFile)((0,external_node_path_.join)(dir, ruleFile), ruleFileText(set.rules, g.alerts));
                const testFile = `${g.id}.test.yml`;
                await (0,promises_.writeFile)((0,external_node_path_.join)(dir, testFile), testFileText(g, ruleFile));
                files.push(testFile);
            }
            drill.requests.promtool_runs++;
            const res = await runTool(promtool, ['test', 'rules', ...files], dir);
            const runError = res.timedOut
                ? `promtool did not finish within ${RUN_TIMEOUT_MS / 1000} s`
                : res.code !== 1
                    ? `promtool exited with ${res.code} (the control expectation of each group must fail): ${(res.err || res.out).slice(0, 1500)}`
                    : undefined;
            const parsed = parsePromtoolOutput(res.err, p.groups.map((g) => g.id));
            for (const g of p.groups) {
                const r = parsed.get(g.id);
                p.target.scenarios.push(...judge(ctx, g, r.firings, runError ?? r.error));
            }
        });
        // Routing: the labels each fired must-fire alert carries, through the running config.
        const fired = planned.flatMap((p) => p.target.scenarios.filter((s) => s.expectation === 'must_fire' && s.alert).map((s) => ({ p, s })));
        if (fired.length) {
            const amtool = await findTool('amtool', undefined, ctx.env);
            const amConfig = await loadAlertmanagerConfig(ctx, dir, drill.requests);
            drill.alertmanager_config = { source: amConfig.source, ...(amConfig.error ? { error: amConfig.error } : {}) };
            if (amtool)
                drill.amtool = { path: amtool };
            const cache = new Map();
            const route = (labels) => {
                const args = Object.entries(labels)
                    .sort(([a], [b]) => (0,order/* byText */.z)(a, b))
                    .map(([k, v]) => quoteMatcher(k, v));
                const key = args.join('\u0000');
                let hit = cache.get(key);
                if (!hit) {
                    drill.requests.amtool_runs++;
                    hit = runTool(amtool, ['config', 'routes', 'test', `--config.file=${amConfig.file}`, ...args], dir, 30_000).then((r) => {
                        const line = r.out.split('\n').find((l) => l.trim() && !/^warning/i.test(l.trim()));
                        if (r.code !== 0 || !line)
                            return { receivers: [], error: `amtool config routes test failed: ${r.out.trim().slice(0, 500)}` };
                        return {
                            receivers: line
                                .split(',')
                                .map((x) => x.trim())
                                .filter(Boolean)
                        };
                    });
                    cache.set(key, hit);
                }
                return hit;
            };
            const servicesByName = new Map(ctx.model.services.map((s) => [s.name, s]));
            for (const { p, s } of fired) {
                const labels = s.alert.labels;
                const r = routeFor(ctx, labels);
                const pages = s.severities.includes('page') || s.severities.includes('absent');
                const owner = servicesByName.get(p.target.service)?.owner;
                const expected = r?.receiver ?? (pages ? owner : undefined) ?? null;
                const routing = {
                    ...(r ? { route: r.name } : {}),
                    expected_receiver: expected,
                    actual_receivers: [],
                    status: 'not_checked',
                    reason: ''
                };
                if (!amtool)
                    routing.reason = `amtool is not on PATH, so the routing tree was not consulted (install: ${AMTOOL_INSTALL})`;
                else if (!amConfig.file)
                    routing.reason = `the running Alertmanager config could not be read: ${amConfig.error ?? 'unknown'}`;
                else {
                    const got = await route(labels);
                    routing.actual_receivers = got.receivers;
                    if (got.error)
                        routing.reason = got.error;
                    else if (expected === null)
                        routing.reason = `routes to ${got.receivers.join(', ')}; no alerting.routes entry matches these labels${pages ? ' and the service has no owner' : ''}, so no receiver is expected`;
                    else if (got.receivers.includes(expected)) {
                        routing.status = 'passed';
                        routing.reason = `routes to ${got.receivers.join(', ')} as expected${r ? ` (route ${r.name})` : ' (service owner)'}`;
                    }
                    else {
                        routing.status = 'failed';
                        routing.reason = `routes to ${got.receivers.join(', ') || 'no receiver'}, expected ${expected}${r ? ` (route ${r.name})` : ' (service owner)'}`;
                    }
                }
                s.routing = routing;
                if (routing.status === 'failed' && s.status === 'passed') {
                    s.status = 'failed';
                    s.reason = `${s.reason}; but ${routing.reason}`;
                }
                if (routing.status === 'not_checked' && pages && s.status === 'passed')
                    s.reason = `${s.reason}; routing not checked: ${routing.reason}`;
            }
        }
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
    for (const { target } of planned) {
        if (target.status === 'failed' && target.scenarios.length === 0)
            continue;
        if (target.scenarios.length === 0) {
            if (!target.reason)
                target.reason = 'nothing to drill';
            continue;
        }
        const bad = target.scenarios.filter((s) => s.status !== 'passed');
        target.status = bad.some((s) => s.status === 'error') ? 'error' : bad.length || target.status === 'failed' ? 'failed' : 'passed';
        const own = target.status === 'failed' && target.reason ? [target.reason] : [];
        target.reason = [...own, ...bad.map((s) => `${s.name}: ${s.reason}`)].join('; ') || `${target.scenarios.length} scenarios as expected`;
    }
    drill.targets = planned.map((p) => p.target);
    const st = drill.targets.map((t) => t.status);
    drill.status = st.includes('error') ? 'error' : st.includes('failed') ? 'failed' : st.every((s) => s === 'passed') ? 'passed' : 'not_run';
    if (drill.status === 'not_run')
        drill.not_run_reason = drill.targets
            .filter((t) => t.status === 'not_run')
            .map((t) => `${t.slo ?? t.service}: ${t.reason}`)
            .join('; ');
    return finish();
}
/**
 * The labels of the alert the drill saw fire for a route: the gate 2 synthetic alert carries them,
 * so the end-to-end test is what the real rule would emit. Undefined when no drilled alert routes there.
 */
function drillLabelsForRoute(drill, route) {
    for (const t of drill?.targets ?? [])
        for (const s of t.scenarios)
            if (s.routing?.route === route && s.alert && s.routing.status === 'passed')
                return { ...s.alert.labels };
    for (const t of drill?.targets ?? [])
        for (const s of t.scenarios)
            if (s.routing?.route === route && s.alert)
                return { ...s.alert.labels };
    return undefined;
}


/***/ })

};
