export const id = 441;
export const ids = [441];
export const modules = {

/***/ 83259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C0: () => (/* binding */ errorBudget),
/* harmony export */   Hd: () => (/* binding */ burnRateAlerts),
/* harmony export */   RN: () => (/* binding */ factorMatches),
/* harmony export */   eN: () => (/* binding */ roundSignificant)
/* harmony export */ });
/* unused harmony exports DEFAULT_BURN_RATE_POLICY, burnRateFactor, errorRatioThreshold */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26518);

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
    const period = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSeconds */ .o8)(slo.window);
    return policy.map((p) => {
        const long = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSeconds */ .o8)(p.longWindow);
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


/***/ }),

/***/ 54518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fp: () => (/* binding */ ruleFileGroups)
/* harmony export */ });
/* unused harmony exports plainRuleFileData, fullRuleFileData */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _util_plain_yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27798);
/* harmony import */ var _util_yaml_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1801);



/** Parsed rule files by text: the SLO alignment and the backtest read the same files in one run. */
const parsedRuleFiles = new Map();
const PARSED_RULE_FILES_KEPT = 16;
/**
 * The `groups` list of a Prometheus rule file's text, parsed once per run. YAML errors name the
 * line, never quote the file; aliases are bounded (no alias bomb).
 */
function ruleFileGroups(text, source) {
    const hit = parsedRuleFiles.get(text);
    if (hit)
        return hit;
    const data = plainRuleFileData(text) ?? fullRuleFileData(text, source);
    const groups = data?.groups;
    if (!Array.isArray(groups))
        throw new Error(`${source}: not a Prometheus rule file (no groups list)`);
    if (parsedRuleFiles.size >= PARSED_RULE_FILES_KEPT)
        parsedRuleFiles.delete(parsedRuleFiles.keys().next().value);
    parsedRuleFiles.set(text, groups);
    return groups;
}
/**
 * Generated rule files run to megabytes of plain maps, lists and scalars: those take the fast reader
 * (util/plain-yaml.ts); anything else, and anything it refuses, the full parser.
 */
function plainRuleFileData(text) {
    return (0,_util_plain_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .readPlainYaml */ .g)(text)?.value;
}
function fullRuleFileData(text, source) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { prettyErrors: false, lineCounter });
    // The parser's own messages may quote the file: say where, not what.
    const bad = doc.errors[0];
    if (bad)
        throw new Error(`${source}: not valid YAML (${(0,_util_yaml_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .yamlErrorText */ .j)(bad)}, line ${(0,_util_yaml_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .yamlErrorLine */ .C)(bad, lineCounter)})`);
    try {
        return doc.toJS({ maxAliasCount: 100 });
    }
    catch {
        throw new Error(`${source}: YAML whose aliases cannot be expanded (an unresolved alias, or an alias bomb)`);
    }
}


/***/ }),

/***/ 67014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ severityOf),
/* harmony export */   x: () => (/* binding */ RuleSet)
/* harmony export */ });
/* harmony import */ var _promql_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78902);
/**
 * The rule set in force, indexed once: alerts by their `slo` label, by the metrics they read (through
 * the recording rules they depend on) and by the label values they select; recording rules by name
 * and label. Each expression is parsed once and its facts kept, so aligning hundreds of SLOs with
 * thousands of alerts touches only the alerts that could be about each SLO.
 */

const PAGE_SEVERITIES = new Set(['page', 'critical']);
const TICKET_SEVERITIES = new Set(['ticket', 'warning', 'info']);
function severityOf(labels) {
    for (const key of ['severity', 'sloth_severity']) {
        const s = (labels[key] ?? '').toLowerCase();
        if (PAGE_SEVERITIES.has(s))
            return 'page';
        if (TICKET_SEVERITIES.has(s))
            return 'ticket';
    }
    return undefined;
}
const MAX_DEPTH = 8;
class RuleSet {
    rules;
    alerts;
    recordingByName = new Map();
    recordingByLabel = new Map();
    recordingFacts = new Map();
    withoutLabel = new Map();
    bySlo = new Map();
    /** `metric\0label\0value` (metric empty: any metric; label `*`: any label; `#label`: the alert's own label). */
    byValue = new Map();
    byMetric = new Map();
    /** Alerts with a `=~` matcher, by the matcher's label. */
    withRegex = new Map();
    constructor(rules) {
        this.rules = rules;
        for (const r of rules) {
            if (r.type !== 'recording')
                continue;
            push(this.recordingByName, r.name, r);
            for (const [k, v] of Object.entries(r.labels))
                push(this.recordingByLabel, `${r.name}\u0000${k}\u0000${v}`, r);
        }
        this.alerts = [];
        rules.forEach((r, order) => {
            if (r.type === 'alerting')
                this.alerts.push(this.analyse(r, order));
        });
        for (const a of this.alerts) {
            if (a.rule.labels.slo)
                push(this.bySlo, a.rule.labels.slo, a);
            for (const m of a.metrics)
                push(this.byMetric, m, a);
            const pairs = new Set();
            for (const v of a.values) {
                if (v.fromRuleLabels)
                    pairs.add(`#${v.label}\u0000${v.value}`);
                else {
                    pairs.add(`${v.label}\u0000${v.value}`);
                    pairs.add(`*\u0000${v.value}`);
                }
            }
            for (const pair of pairs) {
                push(this.byValue, `\u0000${pair}`, a);
                for (const m of a.metrics)
                    push(this.byValue, `${m}\u0000${pair}`, a);
            }
            for (const m of a.regexMatchers)
                push(this.withRegex, m.label, a);
        }
    }
    /** Recording rules named `name` whose labels do not contradict the reference's matchers. */
    resolve(name, matchers) {
        const all = this.recordingByName.get(name);
        if (!all)
            return [];
        let pool = all;
        if (all.length > 1) {
            // Narrow by an equality matcher on a label the recording rules set (Sloth's sloth_id, slo).
            for (const m of matchers) {
                if (m.op !== '=')
                    continue;
                const hit = this.recordingByLabel.get(`${name}\u0000${m.label}\u0000${m.value}`);
                if (hit) {
                    const key = `${name}\u0000${m.label}`;
                    let rest = this.withoutLabel.get(key);
                    if (!rest)
                        this.withoutLabel.set(key, (rest = all.filter((r) => r.labels[m.label] === undefined)));
                    pool = hit.length < pool.length ? (rest.length ? [...hit, ...rest] : hit) : pool;
                    break;
                }
            }
        }
        return pool.filter((r) => (0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .matchersAccept */ .Gt)(matchers.filter((m) => r.labels[m.label] !== undefined), r.labels));
    }
    facts(rec, depth) {
        const known = this.recordingFacts.get(rec);
        if (known)
            return known;
        const out = { selectors: [], windows: [], recordings: [], usesAbsent: false, problems: [] };
        this.recordingFacts.set(rec, out);
        let tree;
        try {
            tree = (0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePromql */ .v_)(rec.expr);
        }
        catch (err) {
            out.problems.push(`recording rule ${rec.name} is not valid PromQL: ${err.message}`);
            return out;
        }
        out.tree = tree;
        this.collect(tree, depth, out);
        return out;
    }
    /** Selectors, windows and recording rules an expression reads, recording rules expanded. */
    collect(tree, depth, out) {
        out.windows.push(...(0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .ranges */ .Zz)(tree));
        for (const x of (0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .walk */ .GG)(tree))
            if (x.kind === 'call' && (x.fn === 'absent' || x.fn === 'absent_over_time'))
                out.usesAbsent = true;
        for (const s of (0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .selectors */ .Tp)(tree)) {
            const recs = s.name ? this.resolve(s.name, s.matchers) : [];
            if (recs.length === 0) {
                if (s.name && s.name.includes(':') && !this.recordingByName.has(s.name)) {
                    out.problems.push(`it reads ${s.name}, a recording rule that is not in the rule set`);
                }
                out.selectors.push({ name: s.name, matchers: s.matchers, text: s.text });
                continue;
            }
            if (depth >= MAX_DEPTH) {
                out.problems.push(`recording rules nest deeper than ${MAX_DEPTH} levels at ${s.name}`);
                continue;
            }
            for (const rec of recs) {
                const f = this.facts(rec, depth + 1);
                out.recordings.push(rec, ...f.recordings);
                out.selectors.push(...f.selectors);
                out.windows.push(...f.windows);
                out.problems.push(...f.problems);
                if (f.usesAbsent)
                    out.usesAbsent = true;
            }
        }
    }
    /** A tree with references to recording rules replaced by their definitions (for the ratio shape). */
    expand(tree, depth = 0) {
        if (depth > MAX_DEPTH)
            return tree;
        if (tree.kind === 'selector' && tree.name && tree.range === undefined) {
            const rec = this.resolve(tree.name, tree.matchers)[0];
            const f = rec ? this.facts(rec, depth + 1) : undefined;
            return f?.tree ? this.expand(f.tree, depth + 1) : tree;
        }
        switch (tree.kind) {
            case 'call':
            case 'aggregate':
            case 'other':
                return { ...tree, args: tree.args.map((a) => this.expand(a, depth)) };
            case 'binary':
                return { ...tree, lhs: this.expand(tree.lhs, depth), rhs: this.expand(tree.rhs, depth) };
            case 'unary':
            case 'subquery':
                return { ...tree, expr: this.expand(tree.expr, depth) };
            default:
                return tree;
        }
    }
    /** Ranges a series side reads, through recording rules (and a window named by an unknown one). */
    windowsOf(n) {
        const out = { selectors: [], windows: [], recordings: [], usesAbsent: false, problems: [] };
        this.collect(n, 0, out);
        return [...new Set(out.windows)];
    }
    analyse(rule, order) {
        const facts = {
            rule,
            order,
            severity: severityOf(rule.labels),
            branches: [],
            selectors: [],
            metrics: new Set(),
            recordings: [],
            values: [],
            regexMatchers: [],
            usesAbsent: false,
            forSeconds: rule.for ? ((0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .promDurationSeconds */ .kj)(rule.for) ?? 0) : 0,
            problems: []
        };
        for (const [label, value] of Object.entries(rule.labels))
            facts.values.push({ label, value, fromRuleLabels: true });
        let tree;
        try {
            tree = (0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePromql */ .v_)(rule.expr);
        }
        catch (err) {
            facts.problems.push(`not valid PromQL: ${err instanceof _promql_js__WEBPACK_IMPORTED_MODULE_0__/* .PromqlError */ .Uf ? err.message : String(err)}`);
            return facts;
        }
        const all = { selectors: [], windows: [], recordings: [], usesAbsent: false, problems: [] };
        this.collect(tree, 0, all);
        facts.selectors = all.selectors;
        facts.recordings = [...new Set(all.recordings)];
        facts.usesAbsent = all.usesAbsent;
        facts.problems.push(...new Set(all.problems));
        for (const s of all.selectors) {
            if (s.name)
                facts.metrics.add(s.name);
            for (const m of s.matchers) {
                if (m.op === '=')
                    facts.values.push({ label: m.label, value: m.value, fromRuleLabels: false });
                else if (m.op === '=~')
                    facts.regexMatchers.push(m);
            }
        }
        for (const rec of facts.recordings)
            for (const [label, value] of Object.entries(rec.labels))
                facts.values.push({ label, value, fromRuleLabels: false });
        // Matchers on the recording rules the alert reads select series as much as those on raw metrics.
        for (const s of (0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .selectors */ .Tp)(tree))
            for (const m of s.matchers)
                if (m.op === '=')
                    facts.values.push({ label: m.label, value: m.value, fromRuleLabels: false });
        for (const b of (0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .branches */ .J0)(tree)) {
            const comparisons = [];
            for (const c of b.comparisons) {
                if (!Number.isFinite(c.threshold))
                    continue;
                const { shape, divisor } = (0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .ratioShape */ .L5)(this.expand(c.series));
                const windows = this.windowsOf(c.series);
                if (windows.length === 0) {
                    // A recording rule outside the rule set still names its window (`..._rate1h`).
                    for (const s of (0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .selectors */ .Tp)(c.series)) {
                        const w = s.name && !this.recordingByName.has(s.name) ? (0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .nameWindow */ .eh)(s.name) : undefined;
                        if (w !== undefined)
                            windows.push(w);
                    }
                }
                comparisons.push({
                    op: c.op,
                    threshold: c.threshold,
                    windows,
                    ...(shape ? { shape } : {}),
                    ...(divisor !== undefined ? { divisor } : {})
                });
            }
            for (const u of b.unreadable) {
                const side = (0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .asComparison */ .It)(u);
                if (!side)
                    facts.problems.push('its threshold compares two series, not a series with a constant');
            }
            const windows = new Set(comparisons.flatMap((c) => c.windows));
            for (const f of b.filters)
                for (const w of this.windowsOf(f))
                    windows.add(w);
            facts.branches.push({ comparisons, windows: [...windows] });
        }
        facts.problems = [...new Set(facts.problems)];
        return facts;
    }
    /** Alerts labelled with this SLO's name. */
    alertsForSlo(name) {
        return this.bySlo.get(name) ?? [];
    }
    /** Alerts that read any of these metrics. */
    alertsReading(metrics) {
        return sortedUnion([...metrics].map((m) => this.byMetric.get(m) ?? []));
    }
    /**
     * Alerts that read one of `metrics` (or any metric when omitted) and are about one of `values`: an
     * own label (service or the service label) equal to it, or a matcher in their expression selecting it.
     */
    alertsAbout(values, ruleLabels, name, metrics) {
        const prefixes = metrics ? [...metrics] : [''];
        const lists = [];
        for (const p of prefixes) {
            for (const v of values)
                lists.push(this.byValue.get(`${p}\u0000${v.label ?? '*'}\u0000${v.value}`) ?? []);
            for (const l of ruleLabels)
                lists.push(this.byValue.get(`${p}\u0000#${l}\u0000${name}`) ?? []);
        }
        const metricSet = metrics ? new Set(metrics) : undefined;
        // A regex selects a service only on a label that names services (not any label, as equality does).
        for (const v of values) {
            if (v.label === undefined)
                continue;
            const label = v.label;
            lists.push((this.withRegex.get(label) ?? []).filter((a) => (!metricSet || [...a.metrics].some((m) => metricSet.has(m))) &&
                a.regexMatchers.some((m) => m.label === label && (0,_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .regexMatches */ .dk)(m.value, v.value))));
        }
        return sortedUnion(lists);
    }
}
function push(map, key, value) {
    const list = map.get(key);
    if (list) {
        if (list[list.length - 1] !== value)
            list.push(value);
    }
    else
        map.set(key, [value]);
}
function sortedUnion(lists) {
    const seen = new Set();
    for (const l of lists)
        for (const a of l)
            seen.add(a);
    return [...seen].sort((a, b) => a.order - b.order);
}


/***/ }),

/***/ 441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oO: () => (/* binding */ alertsAboutService),
  $Z: () => (/* binding */ alertsAboutSlo),
  checkSloAlignment: () => (/* binding */ checkSloAlignment)
});

// UNUSED EXPORTS: SUGGESTED_RULES_FILE, alignFindings, fetchPrometheusRules, parseRuleFile, promtoolCheckRules, suggestRules

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/workspace.ts
var workspace = __webpack_require__(50977);
// EXTERNAL MODULE: ./src/telemetry/prometheus/rules-in-force.ts
var rules_in_force = __webpack_require__(63233);
// EXTERNAL MODULE: ./src/alerting/slo/burn-rate.ts
var burn_rate = __webpack_require__(83259);
// EXTERNAL MODULE: ./src/alerting/slo/promql.ts
var promql = __webpack_require__(78902);
// EXTERNAL MODULE: ./src/alerting/slo/rule-file.ts
var rule_file = __webpack_require__(54518);
// EXTERNAL MODULE: ./src/alerting/slo/rule-set.ts
var rule_set = __webpack_require__(67014);
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
    const groups = (0,rule_file/* ruleFileGroups */.fp)(text, source);
    const out = [];
    for (const g of groups) {
        const rules = g?.rules;
        if (!Array.isArray(rules))
            continue;
        const { name, interval } = g;
        const group = { name: typeof name === 'string' ? name : '', ...(typeof interval === 'string' ? { interval } : {}) };
        for (const r of rules) {
            if (typeof r?.expr !== 'string' && typeof r?.expr !== 'number')
                continue;
            const expr = String(r.expr);
            if (typeof r.alert === 'string')
                out.push({
                    type: 'alerting',
                    name: r.alert,
                    expr,
                    labels: toLabels(r.labels),
                    source,
                    group,
                    ...(typeof r.for === 'string' ? { for: r.for } : {})
                });
            else if (typeof r.record === 'string')
                out.push({ type: 'recording', name: r.record, expr, labels: toLabels(r.labels), source, group });
        }
    }
    return out;
}
/** Rules in force, from Prometheus's rules API (read once a run, see rules-in-force.ts). */
async function fetchPrometheusRules(ctx, backendName) {
    const backend = ctx.config.backends[backendName];
    if (!backend)
        throw new errors/* BackendError */.Jh(backendName, 'config', `alerting.rules-backend names an unknown backend "${backendName}"`);
    if (backend.type !== 'prometheus')
        throw new errors/* BackendError */.Jh(backendName, 'config', `rules-backend must be a prometheus backend, not ${backend.type}`);
    const { PrometheusClient } = await __webpack_require__.e(/* import() */ 45).then(__webpack_require__.bind(__webpack_require__, 80045));
    const groups = await (0,rules_in_force/* rulesInForce */.C)(ctx.once, new PrometheusClient(backendName, backend, ctx.env, ctx.log));
    const out = [];
    for (const g of groups) {
        const group = {
            name: typeof g.name === 'string' ? g.name : '',
            ...(typeof g.interval === 'number' && g.interval > 0 ? { interval: (0,promql/* formatDuration */.a3)(g.interval) } : {})
        };
        for (const r of g.rules ?? []) {
            if (typeof r.name !== 'string' || typeof r.query !== 'string')
                continue;
            const type = r.type === 'alerting' ? 'alerting' : r.type === 'recording' ? 'recording' : undefined;
            const forSeconds = typeof r.duration === 'number' && r.duration > 0 ? { for: (0,promql/* formatDuration */.a3)(r.duration) } : {};
            if (type)
                out.push({
                    type,
                    name: r.name,
                    expr: r.query,
                    labels: toLabels(r.labels),
                    source: `prometheus:${backendName}`,
                    group,
                    ...forSeconds
                });
        }
    }
    return out;
}
function serviceValues(service, name, serviceLabel) {
    const out = [{ label: serviceLabel, value: name }, { value: name }];
    for (const [label, value] of Object.entries(service?.selector ?? {}))
        out.push({ label, value });
    return out;
}
function expectedText(slo, a) {
    const budget = (0,burn_rate/* errorBudget */.C0)(slo.objective);
    return `${a.severity} alert: error ratio over ${a.longWindow} and ${a.shortWindow} > ${a.factor} x (1 - ${(0,burn_rate/* roundSignificant */.eN)(slo.objective / 100)}) = ${a.errorRatioThreshold} (budget ${budget})`;
}
/**
 * The burn-rate factor each branch compares against. A ratio (errors/total, 1 - good/total) is
 * divided by the budget; a ratio already divided by a constant is a burn rate, rescaled when that
 * constant is not this SLO's budget. A series of another shape (a burn-rate recording rule that
 * divides by a series) is read as a burn rate when its threshold is 1 or more.
 */
function thresholdsOf(alert, budget) {
    const out = [];
    // Part of the expression could not be read: no factor is claimed for it.
    if (alert.problems.length > 0)
        return out;
    alert.branches.forEach((b, branch) => {
        const seen = new Set();
        for (const c of b.comparisons) {
            if (c.op !== '>' && c.op !== '>=')
                continue;
            const factor = (0,burn_rate/* roundSignificant */.eN)(c.shape === 'burn rate (ratio / budget)' && c.divisor !== undefined
                ? (c.threshold * c.divisor) / budget
                : c.shape || c.threshold < 1
                    ? c.threshold / budget
                    : c.threshold, 6);
            if (seen.has(factor))
                continue;
            seen.add(factor);
            out.push({ branch, factor, windows: b.windows });
        }
    });
    return out;
}
const hasWindow = (t, window) => {
    const w = (0,promql/* promDurationSeconds */.kj)(window);
    return w !== undefined && t.windows.some((x) => Math.abs(x - w) < 1e-9);
};
function candidatesFor(slo, set, ctx, values, sloMetrics) {
    const serviceLabel = ctx.model.serviceLabel;
    const queriesSelectService = sloQueries(slo).some((q) => values.some((v) => (0,promql/* selectsValue */.BL)(q, v.value, v.label)));
    const bySlo = set.alertsForSlo(slo.name);
    const byMetrics = queriesSelectService
        ? set.alertsAbout(values, [serviceLabel, 'service'], slo.service, sloMetrics)
        : set.alertsReading(sloMetrics);
    // An alert that could not be parsed reads no known metric: its labels still say what it is about.
    const unread = set
        .alertsAbout([], [serviceLabel, 'service'], slo.service)
        .filter((a) => a.problems.length > 0 && a.severity !== undefined);
    const seen = new Set();
    return [...bySlo, ...byMetrics, ...unread]
        .filter((a) => (seen.has(a) ? false : (seen.add(a), true)))
        .filter((a) => !(a.usesAbsent && a.branches.every((b) => b.comparisons.length === 0)))
        .sort((a, b) => a.order - b.order);
}
/** The alerts about an SLO (by its slo label, or reading its metrics for its service), in rule order. */
function alertsAboutSlo(slo, set, ctx) {
    const service = ctx.model.services.find((s) => s.name === slo.service);
    return candidatesFor(slo, set, ctx, serviceValues(service, slo.service, ctx.model.serviceLabel), new Set(sloQueries(slo).flatMap((q) => (0,promql/* metricNames */.Zv)(q))));
}
/** The alerts about a service: by its labels or by a matcher in their (expanded) expression. */
function alertsAboutService(service, set, ctx) {
    return set.alertsAbout(serviceValues(service, service.name, ctx.model.serviceLabel), [ctx.model.serviceLabel, 'service'], service.name);
}
function checkSlo(slo, set, ctx, tolerance, servicesByName) {
    const serviceLabel = ctx.model.serviceLabel;
    const values = serviceValues(servicesByName.get(slo.service), slo.service, serviceLabel);
    const budget = (0,burn_rate/* errorBudget */.C0)(slo.objective);
    const sloMetrics = new Set(sloQueries(slo).flatMap((q) => (0,promql/* metricNames */.Zv)(q)));
    const candidates = candidatesFor(slo, set, ctx, values, sloMetrics).map((alert) => ({
        alert,
        rule: alert.rule,
        severity: alert.severity,
        thresholds: thresholdsOf(alert, budget)
    }));
    const expected = (0,burn_rate/* burnRateAlerts */.Hd)(slo);
    const findings = [];
    const used = new Set();
    const key = (c, t) => `${c.alert.order}\u0000${t.branch}\u0000${t.factor}`;
    const found = (c, factor) => ({
        rule: c.rule.name,
        source: c.rule.source,
        expr: c.rule.expr,
        ...(factor !== undefined ? { factor } : {})
    });
    // First pass: exact matches (right severity, factor within tolerance, long window in the same branch).
    const matched = new Map();
    for (const e of expected) {
        for (const c of candidates) {
            if (c.severity !== e.severity)
                continue;
            const t = c.thresholds.find((x) => (0,burn_rate/* factorMatches */.RN)(x.factor, e.factor, tolerance) && !used.has(key(c, x)) && hasWindow(x, e.longWindow));
            if (t) {
                matched.set(e, { c, t });
                used.add(key(c, t));
                break;
            }
        }
    }
    for (const e of expected) {
        const base = {
            slo: slo.name,
            service: slo.service,
            kind: e.severity,
            long_window: e.longWindow,
            expected: expectedText(slo, e)
        };
        const m = matched.get(e);
        if (m) {
            const short = hasWindow(m.t, e.shortWindow) ? '' : `; no ${e.shortWindow} short window found, so the alert resets slowly`;
            findings.push({
                ...base,
                found: found(m.c, m.t.factor),
                status: 'aligned',
                reason: `${m.c.rule.name} fires at ${m.t.factor}x over ${e.longWindow}${short}`
            });
            continue;
        }
        // Same factor but wrong severity, or window not evaluated.
        const sameFactor = candidates
            .flatMap((c) => c.thresholds.filter((x) => (0,burn_rate/* factorMatches */.RN)(x.factor, e.factor, tolerance) && !used.has(key(c, x))).map((t) => ({ c, t })))
            .sort((a, b) => Number(b.c.severity === e.severity) - Number(a.c.severity === e.severity))[0];
        if (sameFactor) {
            const { c, t } = sameFactor;
            const why = c.severity !== e.severity
                ? `${c.rule.name} has the ${e.factor}x threshold but severity "${c.rule.labels.severity ?? '(none)'}", expected ${e.severity}`
                : `${c.rule.name} has the ${e.factor}x threshold but does not evaluate the ${e.longWindow} window (its windows: ${t.windows.map(promql/* formatDuration */.a3).join(', ') || 'none found'})`;
            findings.push({ ...base, found: found(c, t.factor), status: 'misaligned', reason: why });
            continue;
        }
        // An alert of this severity that could not be read: neither aligned nor misaligned.
        const unreadable = candidates.find((c) => (c.severity === e.severity || c.severity === undefined) && c.alert.problems.length > 0);
        if (unreadable && !candidates.some((c) => c.severity === e.severity && c.thresholds.some((x) => !used.has(key(c, x))))) {
            findings.push({
                ...base,
                found: found(unreadable),
                status: 'cannot_analyse',
                reason: `cannot analyse ${unreadable.rule.name}: ${unreadable.alert.problems.join('; ')}`
            });
            continue;
        }
        // Same severity with an unused, different factor: a threshold that does not match the SLO.
        const sameSeverity = candidates
            .filter((c) => c.severity === e.severity)
            .flatMap((c) => c.thresholds.filter((x) => !used.has(key(c, x))).map((t) => ({ c, t })))
            .sort((a, b) => Math.abs(a.t.factor - e.factor) - Math.abs(b.t.factor - e.factor))[0];
        if (sameSeverity) {
            used.add(key(sameSeverity.c, sameSeverity.t));
            const f = sameSeverity.t.factor;
            findings.push({
                ...base,
                found: found(sameSeverity.c, f),
                status: 'misaligned',
                reason: `${sameSeverity.c.rule.name} fires at ${f}x (error ratio ${(0,burn_rate/* roundSignificant */.eN)(f * budget)}), expected ${e.factor}x (error ratio ${e.errorRatioThreshold}) within ${tolerance}%`
            });
            continue;
        }
        const noThreshold = candidates.find((c) => c.severity === e.severity && c.thresholds.length === 0);
        if (noThreshold) {
            findings.push({
                ...base,
                found: found(noThreshold),
                status: 'cannot_analyse',
                reason: `cannot analyse ${noThreshold.rule.name}: it reads the SLO's metrics but compares no series with a constant threshold`
            });
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
function checkCriticalService(service, slosByService, set, ctx) {
    const about = alertsAboutService(service, set, ctx);
    const sloNames = (slosByService.get(service.name) ?? []).map((s) => s.name).join(', ');
    const base = { slo: sloNames, service: service.name };
    const paging = about.find((a) => a.severity === 'page');
    const absent = about.find((a) => a.usesAbsent);
    const foundOf = (a) => ({ rule: a.rule.name, source: a.rule.source, expr: a.rule.expr });
    return [
        paging
            ? {
                ...base,
                kind: 'service_page',
                expected: 'at least one paging alert (severity page or critical)',
                found: foundOf(paging),
                status: 'aligned',
                reason: `${paging.rule.name} pages`
            }
            : {
                ...base,
                kind: 'service_page',
                expected: 'at least one paging alert (severity page or critical)',
                status: 'missing',
                reason: `no alert about ${service.name} has severity page or critical`
            },
        absent
            ? {
                ...base,
                kind: 'absent',
                expected: 'an absent()/absent_over_time() alert for missing telemetry',
                found: foundOf(absent),
                status: 'aligned',
                reason: `${absent.rule.name} fires when telemetry disappears`
            }
            : {
                ...base,
                kind: 'absent',
                expected: 'an absent()/absent_over_time() alert for missing telemetry',
                status: 'missing',
                reason: `no absent()/absent_over_time() alert selects ${service.name}; an SLO alert stays silent when the metrics vanish`
            }
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
        const alerts = (0,burn_rate/* burnRateAlerts */.Hd)(slo);
        const windows = [...new Set(alerts.flatMap((a) => [a.shortWindow, a.longWindow]))];
        if (!errorRatioQuery(slo, '5m'))
            continue;
        const labels = { slo: slo.name, [serviceLabel]: slo.service };
        const rules = windows.map((w) => ({ record: recordName(w), expr: errorRatioQuery(slo, w), labels }));
        const objective = (0,burn_rate/* roundSignificant */.eN)(slo.objective / 100);
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
        const selector = (slo && (0,promql/* firstSelector */.aG)(slo['total-query'])) ??
            `up{${Object.entries(matchers)
                .map(([k, v]) => `${k}="${v.replace(/["\\]/g, '\\$&')}"`)
                .join(', ')}}`;
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
        (0,dist/* stringify */.As)({ groups }, { lineWidth: 0 }));
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
/** The findings of every SLO and critical service against an indexed rule set (no I/O). */
function alignFindings(ctx, set) {
    const slos = ctx.model.slos;
    const tolerance = ctx.config.alerting['burn-rate-tolerance-percent'];
    const servicesByName = new Map(ctx.model.services.map((s) => [s.name, s]));
    const slosByService = new Map();
    for (const s of slos) {
        const list = slosByService.get(s.service);
        if (list)
            list.push(s);
        else
            slosByService.set(s.service, [s]);
    }
    return [
        ...slos.flatMap((s) => checkSlo(s, set, ctx, tolerance, servicesByName)),
        ...ctx.model.services.filter((s) => s.critical).flatMap((s) => checkCriticalService(s, slosByService, set, ctx))
    ];
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
        // Each file is confined to the workspace and read as strict UTF-8; errors never quote it.
        const expanded = await (0,workspace/* expandWorkspacePaths */.Kv)(ctx.workspace, cfg['rule-files'], (i) => ({ field: `alerting.rule-files[${i}]` }));
        const files = expanded.files;
        sourceErrors.push(...expanded.errors.map((e) => e.message));
        if (files.length === 0 && sourceErrors.length === 0)
            sourceErrors.push(`no files match alerting.rule-files (${cfg['rule-files'].join(', ')})`);
        for (const { shown } of files) {
            sources.push(shown);
            try {
                const { text } = await (0,workspace/* readWorkspaceText */.tA)(ctx.workspace, shown, { field: 'alerting.rule-files' }, { what: 'a Prometheus rule file' });
                rules.push(...parseRuleFile(text, shown));
            }
            catch (err) {
                sourceErrors.push(err instanceof errors/* InputError */.dz && err.found === 'no such file' ? `${shown}: no such rule file` : (0,errors/* errorText */.kc)(err));
            }
        }
    }
    const alignment = { checked_at, rule_sources: sources, findings: [] };
    if (slos.length) {
        alignment.burn_rates = slos.map((s) => ({
            slo: s.name,
            service: s.service,
            objective: s.objective,
            window: s.window,
            alerts: (0,burn_rate/* burnRateAlerts */.Hd)(s)
        }));
    }
    if (sources.length === 0) {
        alignment.not_verified_reason =
            'no alert rules source configured (alerting.rules-backend or alerting.rule-files): alert thresholds cannot be compared with the SLOs';
        return { alignment };
    }
    if (slos.length === 0 && critical.length === 0) {
        alignment.not_verified_reason = 'no SLOs and no critical services: nothing to align alert rules with';
        return { alignment };
    }
    const set = new rule_set/* RuleSet */.x(rules);
    const findings = alignFindings(ctx, set);
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
    // The rule set goes on to the detection drill only when every source was read.
    const ruleSet = sourceErrors.length ? {} : { ruleSet: set };
    const suggested = suggestRules(slos, ctx.model.services, findings, ctx.model.serviceLabel);
    if (suggested) {
        alignment.suggested_rules_file = SUGGESTED_RULES_FILE;
        const check = await promtoolCheckRules(suggested);
        if (check)
            alignment.suggested_rules_check = check;
        return { alignment, suggestedRulesYaml: suggested, ...ruleSet };
    }
    return { alignment, ...ruleSet };
}


/***/ }),

/***/ 63233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ rulesInForce)
/* harmony export */ });
/** The groups, asked of the backend only by the first reader of the run (`asked` is called then). */
function rulesInForce(once, client, asked = () => undefined) {
    const ask = () => (asked(), client.rules());
    if (!once)
        return ask();
    const key = `rules\u0000${client.name}`;
    let read = once.get(key);
    if (!read) {
        read = ask();
        // A failed read is not kept: the next reader asks again and gets its own error.
        read.catch(() => once.delete(key));
        once.set(key, read);
    }
    return read;
}


/***/ }),

/***/ 27798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ readPlainYaml)
/* harmony export */ });
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33243);

/**
 * An anchor or alias (`&a`, `*a`), a tag (`!x`, `!!str`), a directive (`%YAML`) or an explicit key
 * (`? k`) anywhere in the text, even inside a quoted string: such text takes the full parser, which
 * bounds alias expansion, reports tags and speaks YAML 1.2 exactly. A false hit (`x *2` in an
 * expression) only costs speed.
 */
const NEEDS_FULL_PARSER = /(?:^|[\s[\]{},])(?:[&*][^\s[\]{},]|!(?:[!\w<])|%|\?\s)/;
/**
 * Plain YAML (maps, lists and scalars, one document) read with js-yaml's core schema, about five
 * times faster than the full parser and with the same data. Undefined when the text needs the full
 * parser or js-yaml refuses it (a duplicate key, bad indentation): the full parser then reads it
 * and its error names the line.
 */
function readPlainYaml(text) {
    if (NEEDS_FULL_PARSER.test(text))
        return undefined;
    try {
        return { value: (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .load */ .Hh)(text, { schema: js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .CORE_SCHEMA */ .OU }) };
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 1801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ yamlErrorLine),
/* harmony export */   j: () => (/* binding */ yamlErrorText)
/* harmony export */ });
/**
 * A YAML parser error in plain words, without the text of the file: some of the parser's
 * messages quote the offending source (`Unexpected scalar token in YAML stream: "root:x:0:0"`),
 * and a file that was refused must not be shown in a summary or an issue.
 */
const PLAIN = {
    MULTIPLE_DOCS: 'more than one YAML document (a second `---` line); this file holds one',
    TAB_AS_INDENT: 'a tab used for indentation (YAML indents with spaces)',
    DUPLICATE_KEY: 'Map keys must be unique: a key appears twice in the same mapping',
    KEY_OVER_1024_CHARS: 'a key longer than 1024 characters'
};
function yamlErrorText(e) {
    const plainText = PLAIN[e.code];
    if (plainText)
        return plainText;
    const first = (e.message.split('\n')[0] ?? '').replace(/\s+at line \d+, column \d+:?.*$/, '');
    const plain = first
        .replace(/:\s*"[^"]*"?\s*$/, '')
        .replace(/\s*"[^"]*"/g, '')
        .replace(/\s*'[^']*'/g, '')
        .trim();
    return plain || e.code;
}
/** Line (1-based) of a YAML error. */
function yamlErrorLine(e, lineCounter) {
    return e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
}


/***/ })

};
