export const id = 41;
export const ids = [41,45];
export const modules = {

/***/ 22041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkDashboards: () => (/* binding */ checkDashboards)
/* harmony export */ });
/* unused harmony exports dashboardPanels, setVariables, MAX_DASHBOARD_QUERIES */
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(73382);
/* harmony import */ var _evidence_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21530);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _util_workspace_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50977);
/* harmony import */ var _util_http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(44098);
/* harmony import */ var _telemetry_prometheus_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80045);
/* harmony import */ var _telemetry_vector_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(52880);
/* harmony import */ var _slo_promql_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(78902);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(74976);









/** Query text of a Grafana target, whatever the data source. */
function targetQueries(target) {
    if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(target))
        return [];
    return ['expr', 'query', 'rawSql', 'expression', 'rawQuery', 'target']
        .map((k) => target[k])
        .filter((v) => typeof v === 'string' && v.trim() !== '');
}
function thresholdValues(panel) {
    const out = [];
    const steps = panel.fieldConfig?.defaults;
    const stepList = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(steps) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(steps.thresholds) ? steps.thresholds.steps : undefined;
    if (Array.isArray(stepList))
        for (const s of stepList)
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(s) && typeof s.value === 'number')
                out.push(s.value);
    // Legacy panels: singlestat "80,90" or graph [{value, op, colorMode}].
    const legacy = panel.thresholds;
    if (typeof legacy === 'string')
        for (const p of legacy.split(','))
            if (p.trim() !== '' && Number.isFinite(Number(p)))
                out.push(Number(p));
    if (Array.isArray(legacy))
        for (const s of legacy)
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(s) && typeof s.value === 'number')
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
            if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(p))
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
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(r))
                visit(r.panels);
    return out;
}
/** A panel's PromQL targets (Prometheus-typed or untyped data source), for running against the backend. */
function panelPromQueries(model) {
    const out = [];
    const dsType = (d) => ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(d) && typeof d.type === 'string' ? d.type : undefined);
    const visit = (panels) => {
        if (!Array.isArray(panels))
            return;
        for (const p of panels) {
            if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(p))
                continue;
            if (p.type !== 'row') {
                const queries = (Array.isArray(p.targets) ? p.targets : [])
                    .filter((t) => (0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(t) && typeof t.expr === 'string' && t.expr.trim() !== '' && t.hide !== true)
                    .filter((t) => {
                    const type = dsType(t.datasource) ?? dsType(p.datasource);
                    return type === undefined || type === 'prometheus';
                })
                    .map((t) => String(t.expr));
                out.push({ title: typeof p.title === 'string' ? p.title : '', queries });
            }
            visit(p.panels);
        }
    };
    visit(model.panels);
    if (Array.isArray(model.rows))
        for (const r of model.rows)
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(r))
                visit(r.panels);
    return out;
}
/** Template variables and the values they can take, for `$service`-style queries. */
function variableValues(model) {
    const out = new Map();
    const list = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(model.templating) ? model.templating.list : undefined;
    if (!Array.isArray(list))
        return out;
    for (const v of list) {
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(v) || typeof v.name !== 'string')
            continue;
        const values = [];
        if (typeof v.query === 'string')
            values.push(...v.query.split(/[,\s]+/));
        if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(v.query) && typeof v.query.query === 'string')
            values.push(v.query.query);
        for (const o of Array.isArray(v.options) ? v.options : [])
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(o))
                values.push(String(o.value ?? ''), String(o.text ?? ''));
        if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(v.current))
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
    if (values.some((v) => (0,_slo_promql_js__WEBPACK_IMPORTED_MODULE_6__/* .selectsValue */ .BL)(query, v) || word(query, v)))
        return true;
    for (const m of query.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
        if ((vars.get(m[1]) ?? []).some((o) => word(o, svc.name)))
            return true;
    }
    return false;
}
async function loadFiles(ctx, errors) {
    const out = [];
    const patterns = ctx.config.dashboards.files;
    // Each path is confined to the workspace and read as strict UTF-8; errors never quote the file.
    const expanded = await (0,_util_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .expandWorkspacePaths */ .Kv)(ctx.workspace, patterns, (i) => ({ field: `dashboards.files[${i}]` }));
    const files = expanded.files;
    errors.push(...expanded.errors.map((e) => e.message));
    for (const p of patterns) {
        if ((0,tinyglobby__WEBPACK_IMPORTED_MODULE_8__.isDynamicPattern)(p) && !files.some((f) => f.pattern === p))
            errors.push(`no files match dashboards.files pattern ${p}`);
    }
    for (const { shown } of files) {
        try {
            const { text } = await (0,_util_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .readWorkspaceText */ .tA)(ctx.workspace, shown, { field: 'dashboards.files' }, { what: 'a Grafana dashboard JSON file' });
            const data = (0,_evidence_text_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJsonText */ .lk)(text, shown, 'a Grafana dashboard JSON file');
            // An API export wraps the model as {dashboard, meta}.
            const model = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(data) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(data.dashboard) ? data.dashboard : data;
            if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(model) || (!Array.isArray(model.panels) && !Array.isArray(model.rows))) {
                errors.push(`${shown}: not a Grafana dashboard (no panels or rows)`);
                continue;
            }
            out.push({
                title: typeof model.title === 'string' ? model.title : shown,
                uid: typeof model.uid === 'string' ? model.uid : undefined,
                source: shown,
                link: shown,
                model
            });
        }
        catch (err) {
            errors.push(err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz && err.found === 'no such file' ? `${shown}: no such dashboard file` : (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(err));
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
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BackendError */ .Jh('grafana', `GET ${(0,_util_http_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .BO)(base)}${path}`, `HTTP ${res.status}`, res.status);
        return JSON.parse(res.text);
    };
    const out = [];
    try {
        let uids = g.uids;
        if (uids.length === 0) {
            const found = await get('/api/search?type=dash-db');
            uids = (Array.isArray(found) ? found : [])
                .map((d) => ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(d) && typeof d.uid === 'string' ? d.uid : ''))
                .filter(Boolean)
                .slice(0, 200);
        }
        for (const uid of uids) {
            const body = await get(`/api/dashboards/uid/${encodeURIComponent(uid)}`);
            const model = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(body) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(body.dashboard) ? body.dashboard : undefined;
            if (!model) {
                errors.push(`grafana: dashboard ${uid} has no model`);
                continue;
            }
            const metaUrl = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(body) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(body.meta) && typeof body.meta.url === 'string' ? body.meta.url : `/d/${uid}`;
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
/** Grafana's own variables, set as a dashboard over the last hour would set them. */
const GRAFANA_BUILTINS = {
    __rate_interval: '5m',
    __interval: '1m',
    __interval_ms: '60000',
    __range: '1h',
    __range_s: '3600',
    __range_ms: '3600000'
};
/** The current value of each template variable (`All` as a match-anything regex). */
function currentValues(model) {
    const out = new Map();
    const list = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(model.templating) ? model.templating.list : undefined;
    for (const v of Array.isArray(list) ? list : []) {
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(v) || typeof v.name !== 'string')
            continue;
        const cur = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_7__/* .isObject */ .G)(v.current) ? v.current.value : undefined;
        const first = Array.isArray(cur) ? cur[0] : cur;
        out.set(v.name, typeof first === 'string' && first !== '$__all' && first !== 'All' ? first : '.*');
    }
    return out;
}
const escapeRe = (v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A panel query with its variables set: `serviceVars` (the variables that offer the services) become
 * a regex over `services`, with `label="$var"` turned into `label=~"..."`; Grafana's interval and
 * range variables and the others take their usual or current values.
 */
function setVariables(query, serviceVars, services, current) {
    const regex = services.map(escapeRe).join('|');
    const valueOf = (name) => (serviceVars.has(name) ? regex : (GRAFANA_BUILTINS[name] ?? current.get(name)));
    const ref = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[a-z]+)?\}|\[\[([A-Za-z_][A-Za-z0-9_]*)\]\]|\$([A-Za-z_][A-Za-z0-9_]*)/g;
    // Equality matchers on a variable that may now hold several values become regex matchers.
    const eq = /([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*\$(?:\{[^}]+\}|\[\[[^\]]+\]\]|[A-Za-z_][A-Za-z0-9_]*)(?:[^"\\]|\\.)*)"/g;
    const withRe = query.replace(eq, (m, label, value) => {
        const names = [...value.matchAll(ref)].map((r) => r[1] ?? r[2] ?? r[3]);
        return names.some((n) => serviceVars.has(n) || current.get(n) === '.*') ? `${label}=~"${value}"` : m;
    });
    return withRe.replace(ref, (m, a, b, c) => valueOf((a ?? b ?? c)) ?? m);
}
function dashboardBackend(ctx) {
    const named = ctx.config.dashboards.backend ?? ctx.config.baseline.backend;
    if (named)
        return named;
    return Object.entries(ctx.config.backends).find(([, b]) => b.type === 'prometheus')?.[0];
}
/** Bound on the queries the live dashboard check sends, whatever the dashboards hold. */
const MAX_DASHBOARD_QUERIES = 200;
/**
 * Run each panel that shows a required service against the backend: one query per panel query,
 * its service variable set to a regex over every required service it offers (results told apart
 * by the service label), never one query per service unless the panel folds the services together.
 */
async function livePanelChecks(client, ctx, d, required, budget) {
    const out = [];
    const vars = variableValues(d.model);
    const current = currentValues(d.model);
    const label = ctx.model.serviceLabel;
    const now = ctx.now();
    const run = async (query) => {
        if (budget.left <= 0)
            return { error: `not run: more than ${MAX_DASHBOARD_QUERIES} dashboard queries` };
        budget.left--;
        try {
            return { samples: (await client.instantQuery(query, now)).samples };
        }
        catch (err) {
            return { error: err instanceof Error ? err.message : String(err) };
        }
    };
    const describe = (samples) => samples.length === 0
        ? 'empty result (no series)'
        : `${samples.length} series, none finite for this service: ${samples
            .slice(0, 3)
            .map((x) => `${JSON.stringify(x.labels)} ${(0,_telemetry_vector_js__WEBPACK_IMPORTED_MODULE_5__/* .describeNumber */ .Df)(x.value)}`)
            .join('; ')}`;
    for (const panel of panelPromQueries(d.model)) {
        const perService = new Map();
        for (const q of panel.queries) {
            const shown = required.filter((svc) => queryShowsService(q, svc, vars));
            if (shown.length === 0)
                continue;
            const serviceVars = new Set([...q.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)|\[\[([A-Za-z_][A-Za-z0-9_]*)\]\]/g)]
                .map((m) => (m[1] ?? m[2]))
                .filter((n) => (vars.get(n) ?? []).some((o) => shown.some((svc) => word(o, svc.name)))));
            const query = setVariables(q, serviceVars, shown.map((svc) => (0,_telemetry_vector_js__WEBPACK_IMPORTED_MODULE_5__/* .selectorOf */ .Bk)(svc, label)[label] ?? svc.name), current);
            const answer = await run(query);
            const record = (svc, c) => {
                const prev = perService.get(svc.name);
                // Any query of the panel with data for the service is enough.
                if (!prev || prev.verdict !== 'pass')
                    perService.set(svc.name, { panel: panel.title, service: svc.name, ...c });
            };
            if (answer.error !== undefined) {
                for (const svc of shown)
                    record(svc, { query, verdict: 'error', answer: answer.error });
                continue;
            }
            const finite = answer.samples.filter((x) => Number.isFinite(x.value));
            const labelled = finite.some((x) => x.labels[label] !== undefined);
            if (shown.length > 1 && !labelled && serviceVars.size > 0) {
                // The panel folds the services together: set the variable to each service in turn.
                for (const svc of shown) {
                    const one = setVariables(q, serviceVars, [(0,_telemetry_vector_js__WEBPACK_IMPORTED_MODULE_5__/* .selectorOf */ .Bk)(svc, label)[label] ?? svc.name], current);
                    const a = await run(one);
                    if (a.error !== undefined)
                        record(svc, { query: one, verdict: 'error', answer: a.error });
                    else {
                        const f = a.samples.filter((x) => Number.isFinite(x.value));
                        record(svc, f.length
                            ? { query: one, verdict: 'pass', answer: `${f.length} series` }
                            : { query: one, verdict: 'fail', answer: describe(a.samples) });
                    }
                }
                continue;
            }
            for (const svc of shown) {
                const want = (0,_telemetry_vector_js__WEBPACK_IMPORTED_MODULE_5__/* .selectorOf */ .Bk)(svc, label)[label] ?? svc.name;
                const mine = labelled ? finite.filter((x) => x.labels[label] === want) : finite;
                record(svc, mine.length
                    ? { query, verdict: 'pass', answer: `${mine.length} series` }
                    : { query, verdict: 'fail', answer: describe(answer.samples) });
            }
        }
        out.push(...perService.values());
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
    const backendName = dashboardBackend(ctx);
    const backendConfig = backendName ? ctx.config.backends[backendName] : undefined;
    let client;
    let liveNotVerified;
    if (!backendConfig || backendConfig.type !== 'prometheus') {
        liveNotVerified = backendName
            ? `backend "${backendName}" is not a configured Prometheus backend`
            : "no Prometheus backend is configured to run the panels' queries against";
    }
    else
        client = new _telemetry_prometheus_client_js__WEBPACK_IMPORTED_MODULE_4__.PrometheusClient(backendName, backendConfig, ctx.env, ctx.log);
    const budget = { left: MAX_DASHBOARD_QUERIES };
    const live = new Map();
    for (const d of loaded)
        if (client)
            live.set(d, await livePanelChecks(client, ctx, d, required, budget));
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
            score: needed === 0 ? 100 : Math.round((1000 * present) / needed) / 10,
            ...(live.has(d) ? { live_checks: live.get(d) } : {})
        };
    });
    const report = {
        checked_at,
        dashboards,
        services_without_dashboard: required.filter((s) => !presentAnywhere.has(`service ${s.name}`)).map((s) => s.name),
        required_items: requiredItems,
        overall_score: requiredItems.length === 0
            ? 100
            : Math.round((1000 * requiredItems.filter((i) => presentAnywhere.has(i)).length) / requiredItems.length) / 10
    };
    if (liveNotVerified && loaded.length > 0)
        report.live_not_verified_reason = liveNotVerified;
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
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74976);




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
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(body) || typeof body.status !== 'string') {
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
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(data) || (!Array.isArray(data.result) && data.resultType !== 'scalar')) {
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
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(data) || data.resultType !== 'matrix' || !Array.isArray(data.result)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, `answered resultType "${(0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(data) ? String(data.resultType) : '?'}" where a range vector (matrix) was expected`);
        }
        const series = data.result.map((r) => {
            if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(r) || !(0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(r.metric) || !Array.isArray(r.values))
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
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(body) || body.status !== 'success' || !Array.isArray(body.data)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, `answered HTTP ${res.status} without a successful series list`, res.status);
        }
        return body.data;
    }
    /** Rule groups in force (`/api/v1/rules`), optionally only alerting or recording rules. */
    async rules(type) {
        const what = `GET ${this.http.describe('GET', '/api/v1/rules').url}`;
        const data = await this.call('/api/v1/rules', type ? { type } : {}, what, 'GET');
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(data) || !Array.isArray(data.groups))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, 'answered without data.groups');
        return data.groups;
    }
    /** Active alerts (`/api/v1/alerts`). */
    async alerts() {
        const what = `GET ${this.http.describe('GET', '/api/v1/alerts').url}`;
        const data = await this.call('/api/v1/alerts', {}, what, 'GET');
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(data) || !Array.isArray(data.alerts))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, 'answered without data.alerts');
        return data.alerts;
    }
    sample(r, what) {
        const pair = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(r) ? r.value : undefined;
        const labels = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(r) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(r.metric) ? r.metric : undefined;
        const value = Array.isArray(pair) ? (0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSampleValue */ .L)(pair[1]) : undefined;
        if (!labels || !Array.isArray(pair) || typeof pair[0] !== 'number' || value === undefined) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(this.name, what, 'answered a malformed sample (expected {metric, value: [time, "number"]})');
        }
        return { labels, value, timestamp: pair[0] };
    }
}


/***/ })

};
