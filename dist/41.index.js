export const id = 41;
export const ids = [41];
export const modules = {

/***/ 22041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkDashboards: () => (/* binding */ checkDashboards)
/* harmony export */ });
/* unused harmony export dashboardPanels */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(73382);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70017);
/* harmony import */ var _util_http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(44098);
/* harmony import */ var _slo_promql_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(78902);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74976);







/** Query text of a Grafana target, whatever the data source. */
function targetQueries(target) {
    if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(target))
        return [];
    return ['expr', 'query', 'rawSql', 'expression', 'rawQuery', 'target']
        .map((k) => target[k])
        .filter((v) => typeof v === 'string' && v.trim() !== '');
}
function thresholdValues(panel) {
    const out = [];
    const steps = panel.fieldConfig?.defaults;
    const stepList = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(steps) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(steps.thresholds) ? steps.thresholds.steps : undefined;
    if (Array.isArray(stepList))
        for (const s of stepList)
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(s) && typeof s.value === 'number')
                out.push(s.value);
    // Legacy panels: singlestat "80,90" or graph [{value, op, colorMode}].
    const legacy = panel.thresholds;
    if (typeof legacy === 'string')
        for (const p of legacy.split(','))
            if (p.trim() !== '' && Number.isFinite(Number(p)))
                out.push(Number(p));
    if (Array.isArray(legacy))
        for (const s of legacy)
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(s) && typeof s.value === 'number')
                out.push(s.value);
    return [...new Set(out)];
}
/** Every panel of a dashboard: top-level, inside row panels (collapsed or not) and legacy rows. */
function dashboardPanels(model) {
    const out = [];
    const visit = (panels) => {
        if (!Array.isArray(panels))
            return;
        for (const p of panels) {
            if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(p))
                continue;
            if (p.type !== 'row') {
                out.push({
                    title: typeof p.title === 'string' ? p.title : '',
                    queries: (Array.isArray(p.targets) ? p.targets : []).flatMap(targetQueries),
                    thresholds: thresholdValues(p)
                });
            }
            visit(p.panels);
        }
    };
    visit(model.panels);
    if (Array.isArray(model.rows))
        for (const r of model.rows)
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(r))
                visit(r.panels);
    return out;
}
/** Template variables and the values they can take, for `$service`-style queries. */
function variableValues(model) {
    const out = new Map();
    const list = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(model.templating) ? model.templating.list : undefined;
    if (!Array.isArray(list))
        return out;
    for (const v of list) {
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(v) || typeof v.name !== 'string')
            continue;
        const values = [];
        if (typeof v.query === 'string')
            values.push(...v.query.split(/[,\s]+/));
        if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(v.query) && typeof v.query.query === 'string')
            values.push(v.query.query);
        for (const o of Array.isArray(v.options) ? v.options : [])
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(o))
                values.push(String(o.value ?? ''), String(o.text ?? ''));
        if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(v.current))
            for (const x of [v.current.value, v.current.text].flat())
                if (typeof x === 'string')
                    values.push(x);
        out.set(v.name, values.filter(Boolean));
    }
    return out;
}
const word = (text, value) => new RegExp(`(?<![A-Za-z0-9_-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_-])`).test(text);
/** Whether a panel query shows a service: a matcher on its label value, its name, or a variable that offers it. */
function queryShowsService(query, svc, vars) {
    const values = [svc.name, ...Object.values(svc.selector)];
    if (values.some((v) => (0,_slo_promql_js__WEBPACK_IMPORTED_MODULE_4__/* .selectsValue */ .BL)(query, v) || word(query, v)))
        return true;
    for (const m of query.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
        if ((vars.get(m[1]) ?? []).some((o) => word(o, svc.name)))
            return true;
    }
    return false;
}
async function loadFiles(ctx, errors) {
    const out = [];
    const files = [];
    for (const p of ctx.config.dashboards.files) {
        if ((0,tinyglobby__WEBPACK_IMPORTED_MODULE_6__/* .isDynamicPattern */ .ey)(p)) {
            const matched = await (0,tinyglobby__WEBPACK_IMPORTED_MODULE_6__/* .glob */ .TI)(p, { cwd: ctx.workspace, absolute: true, onlyFiles: true });
            if (matched.length === 0)
                errors.push(`no files match dashboards.files pattern ${p}`);
            files.push(...matched.sort());
        }
        else
            files.push((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(p) ? p : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.workspace, p));
    }
    for (const abs of [...new Set(files)]) {
        const shown = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(ctx.workspace, abs) || abs;
        try {
            const data = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(abs, 'utf8'));
            // An API export wraps the model as {dashboard, meta}.
            const model = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(data) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(data.dashboard) ? data.dashboard : data;
            if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(model) || (!Array.isArray(model.panels) && !Array.isArray(model.rows))) {
                errors.push(`${shown}: not a Grafana dashboard (no panels or rows)`);
                continue;
            }
            out.push({ title: typeof model.title === 'string' ? model.title : shown, uid: typeof model.uid === 'string' ? model.uid : undefined, source: shown, link: shown, model });
        }
        catch (err) {
            const code = err.code;
            errors.push(code === 'ENOENT' ? `${shown}: no such dashboard file` : `${shown}: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
    return out;
}
async function loadGrafana(ctx, errors) {
    const g = ctx.config.dashboards.grafana;
    if (!g)
        return [];
    const base = g.url.replace(/\/+$/, '');
    const headers = { Accept: 'application/json' };
    if (g['token-env']) {
        const token = ctx.env[g['token-env']];
        if (!token) {
            errors.push(`grafana: environment variable ${g['token-env']} is not set`);
            return [];
        }
        ctx.log.setSecret(token);
        headers.Authorization = `Bearer ${token}`;
    }
    const get = async (path) => {
        const res = await (0,_util_http_js__WEBPACK_IMPORTED_MODULE_3__/* .httpRequest */ .aj)({ backend: 'grafana', url: `${base}${path}`, headers, timeoutMs: 10_000, retries: 2 });
        if (res.status !== 200)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BackendError */ .Jh('grafana', `GET ${(0,_util_http_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .BO)(base)}${path}`, `HTTP ${res.status}`, res.status);
        return JSON.parse(res.text);
    };
    const out = [];
    try {
        let uids = g.uids;
        if (uids.length === 0) {
            const found = await get('/api/search?type=dash-db');
            uids = (Array.isArray(found) ? found : []).map((d) => ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(d) && typeof d.uid === 'string' ? d.uid : '')).filter(Boolean).slice(0, 200);
        }
        for (const uid of uids) {
            const body = await get(`/api/dashboards/uid/${encodeURIComponent(uid)}`);
            const model = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(body) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(body.dashboard) ? body.dashboard : undefined;
            if (!model) {
                errors.push(`grafana: dashboard ${uid} has no model`);
                continue;
            }
            const metaUrl = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(body) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(body.meta) && typeof body.meta.url === 'string' ? body.meta.url : `/d/${uid}`;
            out.push({
                title: typeof model.title === 'string' ? model.title : uid,
                uid,
                source: `grafana:${(0,_util_http_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .BO)(base)}`,
                link: `${base}${metaUrl.startsWith('/') ? '' : '/'}${metaUrl}`,
                model
            });
        }
    }
    catch (err) {
        errors.push(err instanceof Error ? err.message : String(err));
    }
    return out;
}
/**
 * Dashboards (repository JSON files and Grafana's API) checked for this release: each new or
 * critical service must be in a panel query, and each SLO with a `dashboard-threshold` must show
 * that threshold on a panel that shows its service. A dashboard is scored on the required items
 * of the services it shows; a dashboard that shows none of them scores 0.
 */
async function checkDashboards(ctx) {
    const checked_at = ctx.now().toISOString();
    const required = ctx.model.services.filter((s) => s.new || s.critical);
    // The model holds every SLO of the run, OpenSLO documents included.
    const slos = ctx.model.slos.filter((s) => s['dashboard-threshold'] !== undefined);
    const errors = [];
    const loaded = [...(await loadFiles(ctx, errors)), ...(await loadGrafana(ctx, errors))];
    const thresholdItem = (slo) => `threshold ${slo['dashboard-threshold']} for SLO ${slo.name} on a ${slo.service} panel`;
    const requiredItems = [...required.map((s) => `service ${s.name}`), ...slos.map(thresholdItem)];
    const sloServices = [
        ...ctx.model.services,
        ...slos
            .filter((slo) => !ctx.model.services.some((s) => s.name === slo.service))
            .map((slo) => ({ name: slo.service, selector: {}, critical: false, new: false, endpoints: [], sources: [], risks: [] }))
    ];
    const presentAnywhere = new Set();
    const dashboards = loaded.map((d) => {
        const panels = dashboardPanels(d.model);
        const vars = variableValues(d.model);
        const shows = (svc, p) => p.queries.some((q) => queryShowsService(q, svc, vars));
        const covered = required.filter((s) => panels.some((p) => shows(s, p)));
        const missing = required.filter((s) => !covered.includes(s));
        for (const s of covered)
            presentAnywhere.add(`service ${s.name}`);
        // Thresholds are required of the services this dashboard shows (of all required ones if it shows none).
        const shown = new Set(sloServices.filter((s) => panels.some((p) => shows(s, p))).map((s) => s.name));
        const scope = covered.length ? shown : new Set(required.map((s) => s.name));
        const thresholdsMissing = [];
        let thresholdsPresent = 0;
        for (const slo of slos) {
            const svc = sloServices.find((s) => s.name === slo.service);
            const onPanel = panels.some((p) => shows(svc, p) && p.thresholds.some((t) => Math.abs(t - slo['dashboard-threshold']) <= 1e-9 * Math.max(1, Math.abs(t))));
            if (onPanel)
                presentAnywhere.add(thresholdItem(slo));
            if (!scope.has(slo.service))
                continue;
            if (onPanel)
                thresholdsPresent++;
            else
                thresholdsMissing.push(thresholdItem(slo));
        }
        const needed = (covered.length ? covered.length : required.length) + thresholdsPresent + thresholdsMissing.length;
        const present = covered.length + thresholdsPresent;
        return {
            dashboard: d.title,
            source: d.source,
            ...(d.link ? { link: d.link } : {}),
            panels,
            services_covered: covered.map((s) => s.name),
            services_missing: missing.map((s) => s.name),
            thresholds_missing: thresholdsMissing,
            score: needed === 0 ? 100 : Math.round((1000 * present) / needed) / 10
        };
    });
    const report = {
        checked_at,
        dashboards,
        services_without_dashboard: required.filter((s) => !presentAnywhere.has(`service ${s.name}`)).map((s) => s.name),
        required_items: requiredItems,
        overall_score: requiredItems.length === 0 ? 100 : Math.round((1000 * requiredItems.filter((i) => presentAnywhere.has(i)).length) / requiredItems.length) / 10
    };
    const configured = ctx.config.dashboards.files.length > 0 || !!ctx.config.dashboards.grafana;
    if (!configured)
        report.not_verified_reason = 'no dashboards configured (dashboards.files or dashboards.grafana)';
    else if (errors.length)
        report.not_verified_reason = `dashboards could not all be read: ${errors.join('; ')}`;
    else if (loaded.length === 0)
        report.not_verified_reason = 'no dashboard found in the configured sources';
    return report;
}


/***/ }),

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


/***/ })

};
