export const id = 874;
export const ids = [874];
export const modules = {

/***/ 78902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ selectsValue),
/* harmony export */   Xm: () => (/* binding */ referencesWindow),
/* harmony export */   Zv: () => (/* binding */ metricNames),
/* harmony export */   aG: () => (/* binding */ firstSelector),
/* harmony export */   ao: () => (/* binding */ comparisonThresholds),
/* harmony export */   e4: () => (/* binding */ vectorReferences),
/* harmony export */   gd: () => (/* binding */ dividesBy)
/* harmony export */ });
/* unused harmony exports labelMatchers, readConstant */
/**
 * Just enough PromQL reading to compare alert rules with SLOs: which metrics an expression reads,
 * which label values it selects, which windows it evaluates and which constant thresholds it
 * compares against. Not a parser; it errs towards "not found", which reports a rule as misaligned
 * rather than wrongly aligned.
 */
const KEYWORDS = new Set([
    'and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'inf', 'nan'
]);
/** Replace string literals with empty ones so their contents are never read as names. */
function blankStrings(expr) {
    return expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
}
/** Metric names an expression reads (including recording-rule names it references). */
function metricNames(expr) {
    const names = new Set();
    for (const m of expr.matchAll(/__name__\s*=\s*"([^"]+)"/g))
        names.add(m[1]);
    const text = blankStrings(expr)
        .replace(/\{[^}]*\}/g, ' ')
        .replace(/\[[^\]]*\]/g, ' ')
        .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/gi, ' ')
        .replace(/\boffset\s+-?[0-9a-z]+/gi, ' ');
    for (const m of text.matchAll(/(?<![A-Za-z0-9_:.])([A-Za-z_:][A-Za-z0-9_:]*)(?![A-Za-z0-9_:]|\s*\()/g)) {
        const name = m[1];
        if (!KEYWORDS.has(name.toLowerCase()))
            names.add(name);
    }
    return [...names];
}
/** `name{label="v", ...}` references, with their matchers. */
function vectorReferences(expr) {
    const out = [];
    const names = new Set(metricNames(expr));
    for (const m of expr.matchAll(/(?<![A-Za-z0-9_:.])([A-Za-z_:][A-Za-z0-9_:]*)\s*(\{[^}]*\})?/g)) {
        const name = m[1];
        if (!names.has(name) || /^\s*\(/.test(expr.slice((m.index ?? 0) + m[0].length)))
            continue;
        out.push({ name, matchers: labelMatchers(m[2] ?? '') });
    }
    return out;
}
/** Label matchers anywhere in an expression. */
function labelMatchers(expr) {
    const out = [];
    for (const m of expr.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g)) {
        out.push({ label: m[1], op: m[2], value: m[3].replace(/\\(.)/g, '$1') });
    }
    return out;
}
/** Whether an expression selects a label value: `label="v"` or a `=~` regex that matches v. */
function selectsValue(expr, value, label) {
    return labelMatchers(expr).some((m) => {
        if (label !== undefined && m.label !== label)
            return false;
        if (m.op === '=')
            return m.value === value;
        if (m.op === '=~') {
            try {
                return new RegExp(`^(?:${m.value})$`).test(value);
            }
            catch {
                return false;
            }
        }
        return false;
    });
}
/** Whether an expression evaluates a window: `[1h]` or a recording-rule name ending in `1h`. */
function referencesWindow(expr, window) {
    const w = window.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![0-9])${w}(?![0-9a-zA-Z])`).test(expr);
}
/**
 * A constant arithmetic expression starting at `pos` (numbers, + - * /, parentheses).
 * Returns its value and where it ended, or undefined when there is none.
 */
function readConstant(text, pos) {
    let i = pos;
    const ws = () => {
        while (i < text.length && /\s/.test(text[i]))
            i++;
    };
    const number = () => {
        ws();
        const m = /^[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i));
        if (!m)
            return undefined;
        i += m[0].length;
        return Number(m[0]);
    };
    const factor = () => {
        ws();
        if (text[i] === '-' || text[i] === '+') {
            const sign = text[i] === '-' ? -1 : 1;
            i++;
            const v = factor();
            return v === undefined ? undefined : sign * v;
        }
        if (text[i] === '(') {
            const save = i;
            i++;
            const v = sum();
            ws();
            if (v === undefined || text[i] !== ')') {
                i = save;
                return undefined;
            }
            i++;
            return v;
        }
        return number();
    };
    const product = () => {
        let v = factor();
        if (v === undefined)
            return undefined;
        for (;;) {
            ws();
            const op = text[i];
            if (op !== '*' && op !== '/')
                return v;
            const save = i;
            i++;
            const r = factor();
            if (r === undefined) {
                i = save;
                return v;
            }
            v = op === '*' ? v * r : v / r;
        }
    };
    const sum = () => {
        let v = product();
        if (v === undefined)
            return undefined;
        for (;;) {
            ws();
            const op = text[i];
            if (op !== '+' && op !== '-')
                return v;
            const save = i;
            i++;
            const r = product();
            if (r === undefined) {
                i = save;
                return v;
            }
            v = op === '+' ? v + r : v - r;
        }
    };
    const value = sum();
    if (value === undefined || !Number.isFinite(value))
        return undefined;
    // A constant followed by an operator applied to something non-constant is not a threshold.
    const after = text.slice(i).trimStart();
    if (/^[*/+\-^%]/.test(after))
        return undefined;
    return { value, end: i };
}
/** Constant right-hand sides of `>` / `>=` comparisons, in order. */
function comparisonThresholds(expr) {
    const text = blankStrings(expr).replace(/\{[^}]*\}/g, '{}');
    const out = [];
    for (const m of text.matchAll(/>=?(?:\s*bool\b)?/g)) {
        const c = readConstant(text, (m.index ?? 0) + m[0].length);
        if (c)
            out.push(c.value);
    }
    return out;
}
/** Whether an expression divides by a constant equal to `budget` (a burn rate, not a ratio). */
function dividesBy(expr, budget) {
    const text = blankStrings(expr).replace(/\{[^}]*\}/g, '{}');
    for (const m of text.matchAll(/\//g)) {
        const c = readConstant(text, (m.index ?? 0) + 1);
        if (c && Math.abs(c.value - budget) <= budget * 1e-9)
            return true;
    }
    return false;
}
/** First plain vector selector in a query (for `absent(...)`). */
function firstSelector(expr) {
    const ref = vectorReferences(expr)[0];
    if (!ref)
        return undefined;
    const m = new RegExp(`${ref.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\{[^}]*\\})?`).exec(expr);
    return m ? m[0].replace(/\s+/g, ' ') : ref.name;
}


/***/ }),

/***/ 75874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkSloAlignment: () => (/* binding */ checkSloAlignment)
});

// UNUSED EXPORTS: RuleIndex, SUGGESTED_RULES_FILE, fetchPrometheusRules, parseRuleFile, promtoolCheckRules, suggestRules

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(73382);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/http.ts
var http = __webpack_require__(44098);
;// CONCATENATED MODULE: ./src/alerting/slo/burn-rate.ts

/** The Workbook's policy: for a 30-day SLO these give 14.4x, 6x and 1x. */
const DEFAULT_BURN_RATE_POLICY = [
    { severity: 'page', budgetFraction: 0.02, longWindow: '1h', shortWindow: '5m' },
    { severity: 'page', budgetFraction: 0.05, longWindow: '6h', shortWindow: '30m' },
    { severity: 'ticket', budgetFraction: 0.1, longWindow: '3d', shortWindow: '6h' }
];
/** Round away binary floating-point noise (0.02 * 720 = 14.400000000000002). */
function roundSignificant(x, digits = 12) {
    return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits));
}
/** Burn-rate factor: budget fraction x (SLO period / long window). */
function burnRateFactor(budgetFraction, periodSeconds, longWindowSeconds) {
    if (!(periodSeconds > 0) || !(longWindowSeconds > 0))
        throw new Error('period and window must be positive');
    return roundSignificant((budgetFraction * periodSeconds) / longWindowSeconds);
}
/** The error budget as a ratio: 99.9 -> 0.001. */
function errorBudget(objectivePercent) {
    if (!(objectivePercent > 0 && objectivePercent < 100))
        throw new Error(`objective must be within (0, 100): ${objectivePercent}`);
    return roundSignificant(1 - objectivePercent / 100);
}
/** Error-ratio threshold = factor x (1 - objective). */
function errorRatioThreshold(factor, objectivePercent) {
    return roundSignificant(factor * errorBudget(objectivePercent));
}
/** The burn-rate alerts an SLO needs, with factors recomputed for its window. */
function burnRateAlerts(slo, policy = DEFAULT_BURN_RATE_POLICY) {
    const period = (0,http/* durationSeconds */.o8)(slo.window);
    return policy.map((p) => {
        const long = (0,http/* durationSeconds */.o8)(p.longWindow);
        // The threshold is computed from the unrounded factor so that it carries no rounding of its own.
        const rawFactor = (p.budgetFraction * period) / long;
        const factor = burnRateFactor(p.budgetFraction, period, long);
        return {
            severity: p.severity,
            longWindow: p.longWindow,
            shortWindow: p.shortWindow,
            factor,
            budgetFraction: p.budgetFraction,
            errorRatioThreshold: errorRatioThreshold(rawFactor, slo.objective)
        };
    });
}
/** Whether a found factor is within tolerancePercent of the expected one. */
function factorMatches(found, expected, tolerancePercent) {
    return Math.abs(found - expected) <= (Math.abs(expected) * tolerancePercent) / 100 + 1e-12;
}

// EXTERNAL MODULE: ./src/alerting/slo/promql.ts
var promql = __webpack_require__(78902);
;// CONCATENATED MODULE: ./src/alerting/slo/slos.ts
/** The PromQL error ratio of an SLO over a window, or undefined when its queries do not allow one. */
function errorRatioQuery(slo, window) {
    const at = (q) => q.split('$window').join(window);
    const good = slo['good-query'];
    const total = slo['total-query'];
    const error = slo['error-query'];
    if (error && total)
        return `(${at(error)}) / (${at(total)})`;
    if (good && total)
        return `1 - ((${at(good)}) / (${at(total)}))`;
    // An error query alone is read as the ratio itself.
    if (error)
        return at(error);
    return undefined;
}
/** The queries an SLO is defined by. */
function sloQueries(slo) {
    return [slo['good-query'], slo['total-query'], slo['error-query']].filter((q) => !!q);
}

;// CONCATENATED MODULE: ./src/alerting/slo/rules.ts











/** The package file the suggested rules are written to. */
const SUGGESTED_RULES_FILE = 'suggested-alert-rules.yml';
const PAGE_SEVERITIES = new Set(['page', 'critical']);
const TICKET_SEVERITIES = new Set(['ticket', 'warning', 'info']);
function severityOf(rule) {
    const s = (rule.labels.severity ?? '').toLowerCase();
    if (PAGE_SEVERITIES.has(s))
        return 'page';
    if (TICKET_SEVERITIES.has(s))
        return 'ticket';
    return undefined;
}
function toLabels(v) {
    const out = {};
    if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v))
            if (x !== undefined && x !== null)
                out[k] = String(x);
    return out;
}
/** Rules from a Prometheus rule file's text (`groups[].rules[]`). */
function parseRuleFile(text, source) {
    const data = (0,yaml_dist/* parse */.qg)(text);
    const groups = data?.groups;
    if (!Array.isArray(groups))
        throw new Error(`${source}: not a Prometheus rule file (no groups list)`);
    const out = [];
    for (const g of groups) {
        const rules = g?.rules;
        if (!Array.isArray(rules))
            continue;
        for (const r of rules) {
            if (typeof r?.expr !== 'string' && typeof r?.expr !== 'number')
                continue;
            const expr = String(r.expr);
            if (typeof r.alert === 'string')
                out.push({ type: 'alerting', name: r.alert, expr, labels: toLabels(r.labels), source });
            else if (typeof r.record === 'string')
                out.push({ type: 'recording', name: r.record, expr, labels: toLabels(r.labels), source });
        }
    }
    return out;
}
/** Rules in force, from Prometheus's rules API. */
async function fetchPrometheusRules(ctx, backendName) {
    const backend = ctx.config.backends[backendName];
    if (!backend)
        throw new errors/* BackendError */.Jh(backendName, 'config', `alerting.rules-backend names an unknown backend "${backendName}"`);
    if (backend.type !== 'prometheus')
        throw new errors/* BackendError */.Jh(backendName, 'config', `rules-backend must be a prometheus backend, not ${backend.type}`);
    const url = `${backend.url.replace(/\/+$/, '')}/api/v1/rules`;
    const res = await (0,http/* httpRequest */.aj)({
        backend: backendName,
        url,
        headers: { Accept: 'application/json', ...(0,http/* authHeaders */.Pw)(backend.auth, backend.headers, ctx.env, ctx.log, backendName) },
        timeoutMs: backend['timeout-seconds'] * 1000,
        retries: backend.retries
    });
    if (res.status !== 200)
        throw new errors/* BackendError */.Jh(backendName, `GET ${(0,http/* redactUrl */.BO)(url)}`, `HTTP ${res.status}`, res.status);
    let body;
    try {
        body = JSON.parse(res.text);
    }
    catch {
        throw new errors/* BackendError */.Jh(backendName, `GET ${(0,http/* redactUrl */.BO)(url)}`, 'answer is not JSON');
    }
    if (body.status !== 'success' || !Array.isArray(body.data?.groups)) {
        throw new errors/* BackendError */.Jh(backendName, `GET ${(0,http/* redactUrl */.BO)(url)}`, 'answer has no data.groups');
    }
    const out = [];
    for (const g of body.data.groups) {
        for (const r of g.rules ?? []) {
            if (typeof r.name !== 'string' || typeof r.query !== 'string')
                continue;
            const type = r.type === 'alerting' ? 'alerting' : r.type === 'recording' ? 'recording' : undefined;
            if (type)
                out.push({ type, name: r.name, expr: r.query, labels: toLabels(r.labels), source: `prometheus:${backendName}` });
        }
    }
    return out;
}
async function resolveRuleFiles(patterns, workspace) {
    const files = [];
    for (const p of patterns) {
        if ((0,dist/* isDynamicPattern */.ey)(p))
            files.push(...(await (0,dist/* glob */.TI)(p, { cwd: workspace, absolute: true, onlyFiles: true })).sort());
        else
            files.push((0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.join)(workspace, p));
    }
    return [...new Set(files)];
}
/** All rules, with recording rules expanded into the text of the alerts that use them. */
class RuleIndex {
    rules;
    recording = new Map();
    constructor(rules) {
        this.rules = rules;
        for (const r of rules)
            if (r.type === 'recording')
                this.recording.set(r.name, [...(this.recording.get(r.name) ?? []), r]);
    }
    get alerts() {
        return this.rules.filter((r) => r.type === 'alerting');
    }
    /**
     * The rule's expression followed by the expressions of the recording rules it references,
     * transitively. A recording rule whose labels contradict the reference's matchers is left out,
     * so `ratio_rate1h{slo="a"}` does not pull in the rule recorded for SLO b.
     */
    expanded(expr, depth = 0) {
        if (depth > 8)
            return expr;
        const parts = [expr];
        for (const ref of (0,promql/* vectorReferences */.e4)(expr)) {
            for (const rec of this.recording.get(ref.name) ?? []) {
                const contradicts = ref.matchers.some((m) => m.op === '=' && rec.labels[m.label] !== undefined && rec.labels[m.label] !== m.value);
                if (!contradicts)
                    parts.push(this.expanded(rec.expr, depth + 1));
            }
        }
        return parts.join('\n');
    }
    /** Metric names read by a rule, recording rules replaced by what they read. */
    baseMetrics(expr) {
        return new Set((0,promql/* metricNames */.Zv)(this.expanded(expr)).filter((n) => !this.recording.has(n)));
    }
}
function serviceValues(service, name, serviceLabel) {
    const out = [{ label: serviceLabel, value: name }, { value: name }];
    for (const [label, value] of Object.entries(service?.selector ?? {}))
        out.push({ label, value });
    return out;
}
/** Whether an alert is about a service: by its labels or by a matcher in its (expanded) expression. */
function aboutService(rule, expanded, values, serviceLabel, name) {
    if (rule.labels[serviceLabel] === name || rule.labels.service === name)
        return true;
    return values.some((v) => (0,promql/* selectsValue */.BL)(expanded, v.value, v.label));
}
/** The burn-rate factor a threshold stands for: a ratio is divided by the budget, a burn rate is itself. */
function thresholdFactors(rule, expanded, budget) {
    const isBurnRate = (0,promql/* dividesBy */.gd)(expanded, budget);
    return (0,promql/* comparisonThresholds */.ao)(rule.expr).map((v) => roundSignificant(isBurnRate || v >= 1 ? v : v / budget, 6));
}
function expectedText(slo, a) {
    const budget = errorBudget(slo.objective);
    return `${a.severity} alert: error ratio over ${a.longWindow} and ${a.shortWindow} > ${a.factor} x (1 - ${roundSignificant(slo.objective / 100)}) = ${a.errorRatioThreshold} (budget ${budget})`;
}
function checkSlo(slo, index, ctx, tolerance) {
    const serviceLabel = ctx.model.serviceLabel;
    const service = ctx.model.services.find((s) => s.name === slo.service);
    const values = serviceValues(service, slo.service, serviceLabel);
    const budget = errorBudget(slo.objective);
    const sloMetrics = new Set(sloQueries(slo).flatMap((q) => (0,promql/* metricNames */.Zv)(q.split('$window').join('5m'))));
    const queriesSelectService = sloQueries(slo).some((q) => values.some((v) => (0,promql/* selectsValue */.BL)(q, v.value, v.label)));
    const candidates = [];
    for (const rule of index.alerts) {
        const expanded = index.expanded(rule.expr);
        const bySloLabel = rule.labels.slo === slo.name;
        const readsSlo = [...index.baseMetrics(rule.expr)].some((m) => sloMetrics.has(m));
        if (!bySloLabel && !(readsSlo && (!queriesSelectService || aboutService(rule, expanded, values, serviceLabel, slo.service))))
            continue;
        candidates.push({ rule, expanded, severity: severityOf(rule), factors: thresholdFactors(rule, expanded, budget) });
    }
    const expected = burnRateAlerts(slo);
    const findings = [];
    const used = new Set();
    const key = (c, f) => `${c.rule.source}\u0000${c.rule.name}\u0000${c.rule.expr}\u0000${f}`;
    const found = (c, factor) => ({
        rule: c.rule.name,
        source: c.rule.source,
        expr: c.rule.expr,
        ...(factor !== undefined ? { factor } : {})
    });
    // First pass: exact matches (right severity, factor within tolerance, long window evaluated).
    const matched = new Map();
    for (const e of expected) {
        for (const c of candidates) {
            if (c.severity !== e.severity)
                continue;
            const f = c.factors.find((x) => factorMatches(x, e.factor, tolerance) && !used.has(key(c, x)));
            if (f !== undefined && (0,promql/* referencesWindow */.Xm)(c.expanded, e.longWindow)) {
                matched.set(e, { c, f });
                used.add(key(c, f));
                break;
            }
        }
    }
    for (const e of expected) {
        const base = { slo: slo.name, service: slo.service, kind: e.severity, long_window: e.longWindow, expected: expectedText(slo, e) };
        const m = matched.get(e);
        if (m) {
            const short = (0,promql/* referencesWindow */.Xm)(m.c.expanded, e.shortWindow) ? '' : `; no ${e.shortWindow} short window found, so the alert resets slowly`;
            findings.push({ ...base, found: found(m.c, m.f), status: 'aligned', reason: `${m.c.rule.name} fires at ${m.f}x over ${e.longWindow}${short}` });
            continue;
        }
        // Same factor but wrong severity, or window not evaluated.
        const sameFactor = candidates.find((c) => c.factors.some((x) => factorMatches(x, e.factor, tolerance) && !used.has(key(c, x))));
        if (sameFactor) {
            const f = sameFactor.factors.find((x) => factorMatches(x, e.factor, tolerance));
            const why = sameFactor.severity !== e.severity
                ? `${sameFactor.rule.name} has the ${e.factor}x threshold but severity "${sameFactor.rule.labels.severity ?? '(none)'}", expected ${e.severity}`
                : `${sameFactor.rule.name} has the ${e.factor}x threshold but does not evaluate the ${e.longWindow} window`;
            findings.push({ ...base, found: found(sameFactor, f), status: 'misaligned', reason: why });
            continue;
        }
        // Same severity with an unused, different factor: a threshold that does not match the SLO.
        const sameSeverity = candidates
            .filter((c) => c.severity === e.severity)
            .flatMap((c) => c.factors.filter((x) => !used.has(key(c, x))).map((f) => ({ c, f })))
            .sort((a, b) => Math.abs(a.f - e.factor) - Math.abs(b.f - e.factor))[0];
        if (sameSeverity) {
            used.add(key(sameSeverity.c, sameSeverity.f));
            findings.push({
                ...base,
                found: found(sameSeverity.c, sameSeverity.f),
                status: 'misaligned',
                reason: `${sameSeverity.c.rule.name} fires at ${sameSeverity.f}x (error ratio ${roundSignificant(sameSeverity.f * budget)}), expected ${e.factor}x (error ratio ${e.errorRatioThreshold}) within ${tolerance}%`
            });
            continue;
        }
        const unreadable = candidates.find((c) => c.severity === e.severity && c.factors.length === 0);
        if (unreadable) {
            findings.push({ ...base, found: found(unreadable), status: 'misaligned', reason: `${unreadable.rule.name} reads the SLO's metrics but its threshold is not a constant that could be compared` });
            continue;
        }
        findings.push({
            ...base,
            status: 'missing',
            reason: candidates.length
                ? `no ${e.severity} alert on this SLO's metrics fires at ${e.factor}x (found: ${candidates.map((c) => `${c.rule.name} [${c.severity ?? 'no severity'}]`).join(', ')})`
                : `no alert reads this SLO's metrics (${[...sloMetrics].join(', ') || 'no metric in its queries'})`
        });
    }
    return findings;
}
function checkCriticalService(service, slos, index, ctx) {
    const serviceLabel = ctx.model.serviceLabel;
    const values = serviceValues(service, service.name, serviceLabel);
    const about = index.alerts
        .map((rule) => ({ rule, expanded: index.expanded(rule.expr) }))
        .filter(({ rule, expanded }) => aboutService(rule, expanded, values, serviceLabel, service.name));
    const sloNames = slos.filter((s) => s.service === service.name).map((s) => s.name).join(', ');
    const base = { slo: sloNames, service: service.name };
    const paging = about.find(({ rule }) => severityOf(rule) === 'page');
    const absent = about.find(({ expanded }) => /\babsent(_over_time)?\s*\(/.test(expanded));
    return [
        paging
            ? { ...base, kind: 'service_page', expected: 'at least one paging alert (severity page or critical)', found: { rule: paging.rule.name, source: paging.rule.source, expr: paging.rule.expr }, status: 'aligned', reason: `${paging.rule.name} pages` }
            : { ...base, kind: 'service_page', expected: 'at least one paging alert (severity page or critical)', status: 'missing', reason: `no alert about ${service.name} has severity page or critical` },
        absent
            ? { ...base, kind: 'absent', expected: 'an absent()/absent_over_time() alert for missing telemetry', found: { rule: absent.rule.name, source: absent.rule.source, expr: absent.rule.expr }, status: 'aligned', reason: `${absent.rule.name} fires when telemetry disappears` }
            : { ...base, kind: 'absent', expected: 'an absent()/absent_over_time() alert for missing telemetry', status: 'missing', reason: `no absent()/absent_over_time() alert selects ${service.name}; an SLO alert stays silent when the metrics vanish` }
    ];
}
const alertName = (s, suffix) => s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('') + suffix;
const recordName = (window) => `slo:sli_error:ratio_rate${window}`;
/** Suggested rules for the SLOs and services whose findings are not aligned. */
function suggestRules(slos, services, findings, serviceLabel) {
    const bad = findings.filter((f) => f.status === 'missing' || f.status === 'misaligned');
    if (bad.length === 0)
        return undefined;
    const groups = [];
    const servicesNeedingPage = new Set(bad.filter((f) => f.kind === 'service_page').map((f) => f.service));
    const sloNeedsRules = (s) => bad.some((f) => f.slo === s.name && (f.kind === 'page' || f.kind === 'ticket')) || servicesNeedingPage.has(s.service);
    const coveredServices = new Set();
    for (const slo of slos.filter(sloNeedsRules)) {
        const alerts = burnRateAlerts(slo);
        const windows = [...new Set(alerts.flatMap((a) => [a.shortWindow, a.longWindow]))];
        if (!errorRatioQuery(slo, '5m'))
            continue;
        const labels = { slo: slo.name, [serviceLabel]: slo.service };
        const rules = windows.map((w) => ({ record: recordName(w), expr: errorRatioQuery(slo, w), labels }));
        const objective = roundSignificant(slo.objective / 100);
        const cond = (a) => `(${recordName(a.longWindow)}{slo="${slo.name}"} > (${a.factor} * (1 - ${objective})) and ${recordName(a.shortWindow)}{slo="${slo.name}"} > (${a.factor} * (1 - ${objective})))`;
        for (const severity of ['page', 'ticket']) {
            const these = alerts.filter((a) => a.severity === severity);
            if (these.length === 0)
                continue;
            rules.push({
                alert: alertName(slo.name, severity === 'page' ? 'ErrorBudgetBurn' : 'ErrorBudgetBurnTicket'),
                expr: these.map(cond).join('\nor\n'),
                labels: { severity, ...labels },
                annotations: {
                    summary: `${slo.name}: error budget burning at ${these.map((a) => `${a.factor}x over ${a.longWindow}`).join(' or ')} (objective ${slo.objective}% over ${slo.window})`
                }
            });
        }
        coveredServices.add(slo.service);
        groups.push({ name: `slo-${slo.name}`, rules });
    }
    const absentRules = [];
    for (const svc of services.filter((s) => s.critical)) {
        const needAbsent = bad.some((f) => f.kind === 'absent' && f.service === svc.name);
        const needPage = servicesNeedingPage.has(svc.name) && !coveredServices.has(svc.name);
        if (!needAbsent && !needPage)
            continue;
        const slo = slos.find((s) => s.service === svc.name && s['total-query']);
        const matchers = Object.keys(svc.selector).length ? svc.selector : { [serviceLabel]: svc.name };
        const selector = (slo && (0,promql/* firstSelector */.aG)(slo['total-query'])) ?? `up{${Object.entries(matchers).map(([k, v]) => `${k}="${v.replace(/["\\]/g, '\\$&')}"`).join(', ')}}`;
        absentRules.push({
            alert: alertName(svc.name, 'TelemetryAbsent'),
            expr: `absent(${selector})`,
            for: '10m',
            labels: { severity: 'page', [serviceLabel]: svc.name },
            annotations: { summary: `${svc.name}: no telemetry (${selector}) for 10 minutes; SLO alerts cannot fire without it` }
        });
    }
    if (absentRules.length)
        groups.push({ name: 'telemetry-absent', rules: absentRules });
    if (groups.length === 0)
        return undefined;
    return ('# Suggested by sre-monitoring: multi-window, multi-burn-rate SLO alerts (SRE Workbook) and absent-telemetry alerts.\n' +
        (0,yaml_dist/* stringify */.As)({ groups }, { lineWidth: 0 }));
}
/** `promtool check rules` on the suggested text, when promtool is installed. */
async function promtoolCheckRules(text) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'sre-rules-'));
    const file = (0,external_node_path_.join)(dir, SUGGESTED_RULES_FILE);
    try {
        await (0,promises_.writeFile)(file, text);
        const result = await new Promise((resolve) => {
            const child = (0,external_node_child_process_.spawn)('promtool', ['check', 'rules', file], { stdio: ['ignore', 'pipe', 'pipe'] });
            let out = '';
            child.stdout.on('data', (d) => (out += d.toString()));
            child.stderr.on('data', (d) => (out += d.toString()));
            const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
            child.on('error', () => {
                clearTimeout(timer);
                resolve(undefined);
            });
            child.on('close', (code) => {
                clearTimeout(timer);
                resolve({ code, out });
            });
        });
        if (!result)
            return undefined;
        return { tool: 'promtool check rules', ok: result.code === 0, output: result.out.split(file).join(SUGGESTED_RULES_FILE).trim() };
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/**
 * Alert rules (in force in Prometheus and in the repository's rule files) checked against the
 * SLOs' burn-rate alerts, plus a paging and an absent-telemetry alert per critical service.
 * When anything is missing or misaligned, the right rules are returned as rule-file text.
 */
async function checkSloAlignment(ctx) {
    const cfg = ctx.config.alerting;
    const checked_at = ctx.now().toISOString();
    const slos = ctx.model.slos;
    const critical = ctx.model.services.filter((s) => s.critical);
    const sources = [];
    const sourceErrors = [];
    const rules = [];
    if (cfg['rules-backend']) {
        const name = cfg['rules-backend'];
        sources.push(`prometheus:${name}`);
        try {
            rules.push(...(await fetchPrometheusRules(ctx, name)));
        }
        catch (err) {
            sourceErrors.push(err instanceof Error ? err.message : String(err));
        }
    }
    if (cfg['rule-files'].length) {
        const files = await resolveRuleFiles(cfg['rule-files'], ctx.workspace);
        if (files.length === 0)
            sourceErrors.push(`no files match alerting.rule-files (${cfg['rule-files'].join(', ')})`);
        for (const abs of files) {
            const shown = (0,external_node_path_.relative)(ctx.workspace, abs) || abs;
            sources.push(shown);
            try {
                rules.push(...parseRuleFile(await (0,promises_.readFile)(abs, 'utf8'), shown));
            }
            catch (err) {
                const code = err.code;
                sourceErrors.push(code === 'ENOENT' ? `${shown}: no such rule file` : err instanceof Error ? err.message : String(err));
            }
        }
    }
    const alignment = { checked_at, rule_sources: sources, findings: [] };
    if (slos.length) {
        alignment.burn_rates = slos.map((s) => ({ slo: s.name, service: s.service, objective: s.objective, window: s.window, alerts: burnRateAlerts(s) }));
    }
    if (sources.length === 0) {
        alignment.not_verified_reason = 'no alert rules source configured (alerting.rules-backend or alerting.rule-files): alert thresholds cannot be compared with the SLOs';
        return { alignment };
    }
    if (slos.length === 0 && critical.length === 0) {
        alignment.not_verified_reason = 'no SLOs and no critical services: nothing to align alert rules with';
        return { alignment };
    }
    const index = new RuleIndex(rules);
    const tolerance = cfg['burn-rate-tolerance-percent'];
    const findings = [...slos.flatMap((s) => checkSlo(s, index, ctx, tolerance)), ...critical.flatMap((s) => checkCriticalService(s, slos, index, ctx))];
    if (sourceErrors.length) {
        // Absence cannot be claimed when a source could not be read.
        const why = sourceErrors.join('; ');
        for (const f of findings) {
            if (f.status === 'missing' || f.status === 'misaligned') {
                f.status = 'error';
                f.reason = `${f.reason}; not conclusive because a rule source could not be read: ${why}`;
            }
        }
        alignment.not_verified_reason = `rule source(s) could not be read: ${why}`;
    }
    alignment.findings = findings;
    const suggested = suggestRules(slos, ctx.model.services, findings, ctx.model.serviceLabel);
    if (suggested) {
        alignment.suggested_rules_file = SUGGESTED_RULES_FILE;
        const check = await promtoolCheckRules(suggested);
        if (check)
            alignment.suggested_rules_check = check;
        return { alignment, suggestedRulesYaml: suggested };
    }
    return { alignment };
}


/***/ })

};
