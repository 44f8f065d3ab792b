export const id = 41;
export const ids = [41,976,45];
export const modules = {

/***/ 22041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkDashboards: () => (/* binding */ checkDashboards)
/* harmony export */ });
/* unused harmony exports dashboardPanels, setVariables, MAX_DASHBOARD_QUERIES, presenceQuery */
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(73382);
/* harmony import */ var _evidence_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21530);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _util_workspace_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50977);
/* harmony import */ var _util_http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(44098);
/* harmony import */ var _telemetry_prometheus_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80045);
/* harmony import */ var _telemetry_vector_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(52880);
/* harmony import */ var _telemetry_coverage_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9793);
/* harmony import */ var _slo_promql_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(78902);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(74976);










/** Query text of a Grafana target, whatever the data source. */
function targetQueries(target) {
    if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(target))
        return [];
    return ['expr', 'query', 'rawSql', 'expression', 'rawQuery', 'target']
        .map((k) => target[k])
        .filter((v) => typeof v === 'string' && v.trim() !== '');
}
function thresholdValues(panel) {
    const out = [];
    const steps = panel.fieldConfig?.defaults;
    const stepList = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(steps) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(steps.thresholds) ? steps.thresholds.steps : undefined;
    if (Array.isArray(stepList))
        for (const s of stepList)
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(s) && typeof s.value === 'number')
                out.push(s.value);
    // Legacy panels: singlestat "80,90" or graph [{value, op, colorMode}].
    const legacy = panel.thresholds;
    if (typeof legacy === 'string')
        for (const p of legacy.split(','))
            if (p.trim() !== '' && Number.isFinite(Number(p)))
                out.push(Number(p));
    if (Array.isArray(legacy))
        for (const s of legacy)
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(s) && typeof s.value === 'number')
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
            if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(p))
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
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(r))
                visit(r.panels);
    return out;
}
/** A panel's PromQL targets (Prometheus-typed or untyped data source), for running against the backend. */
function panelPromQueries(model) {
    const out = [];
    const dsType = (d) => ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(d) && typeof d.type === 'string' ? d.type : undefined);
    const visit = (panels) => {
        if (!Array.isArray(panels))
            return;
        for (const p of panels) {
            if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(p))
                continue;
            if (p.type !== 'row') {
                const queries = (Array.isArray(p.targets) ? p.targets : [])
                    .filter((t) => (0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(t) && typeof t.expr === 'string' && t.expr.trim() !== '' && t.hide !== true)
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
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(r))
                visit(r.panels);
    return out;
}
/** Template variables and the values they can take, for `$service`-style queries. */
function variableValues(model) {
    const out = new Map();
    const list = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(model.templating) ? model.templating.list : undefined;
    if (!Array.isArray(list))
        return out;
    for (const v of list) {
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(v) || typeof v.name !== 'string')
            continue;
        const values = [];
        if (typeof v.query === 'string')
            values.push(...v.query.split(/[,\s]+/));
        if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(v.query) && typeof v.query.query === 'string')
            values.push(v.query.query);
        for (const o of Array.isArray(v.options) ? v.options : [])
            if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(o))
                values.push(String(o.value ?? ''), String(o.text ?? ''));
        if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(v.current))
            for (const x of [v.current.value, v.current.text].flat())
                if (typeof x === 'string')
                    values.push(x);
        out.set(v.name, values.filter(Boolean));
    }
    return out;
}
// Built once per query or text: the check asks of every service and panel, 5,000 services by a
// hundred panels at fleet size.
const queryIndexes = new Map();
function indexOf(query) {
    let ix = queryIndexes.get(query);
    if (!ix) {
        if (queryIndexes.size > 20_000)
            queryIndexes.clear();
        const matchers = (0,_slo_promql_js__WEBPACK_IMPORTED_MODULE_7__/* .labelMatchers */ .k4)(query);
        ix = {
            equals: new Set(matchers.filter((m) => m.op === '=').map((m) => m.value)),
            regexes: matchers.filter((m) => m.op === '=~'),
            variables: [...query.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1])
        };
        queryIndexes.set(query, ix);
    }
    return ix;
}
const WORD_CHARS = /^[A-Za-z0-9_-]+$/;
/** A text's maximal runs of [A-Za-z0-9_-]: a value of those characters is a word of the text iff it is one of them. */
const textWords = new Map();
const wordPatterns = new Map();
/** Whether value appears in text between characters that cannot be part of a name. */
const word = (text, value) => {
    if (WORD_CHARS.test(value)) {
        let words = textWords.get(text);
        if (!words) {
            if (textWords.size > 50_000)
                textWords.clear();
            words = new Set(text.split(/[^A-Za-z0-9_-]+/).filter(Boolean));
            textWords.set(text, words);
        }
        return words.has(value);
    }
    let re = wordPatterns.get(value);
    if (!re) {
        if (wordPatterns.size > 50_000)
            wordPatterns.clear();
        re = new RegExp(`(?<![A-Za-z0-9_-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_-])`);
        wordPatterns.set(value, re);
    }
    return re.test(text);
};
/** Whether a panel query shows a service: a matcher on its label value, its name, or a variable that offers it. */
function queryShowsService(query, svc, vars) {
    const ix = indexOf(query);
    const values = [svc.name, ...Object.values(svc.selector)];
    if (values.some((v) => ix.equals.has(v) || ix.regexes.some((m) => (0,_slo_promql_js__WEBPACK_IMPORTED_MODULE_7__/* .matcherSelects */ .Wh)(m, v)) || word(query, v)))
        return true;
    return ix.variables.some((name) => (vars.get(name) ?? []).some((o) => word(o, svc.name)));
}
async function loadFiles(ctx, errors) {
    const out = [];
    const patterns = ctx.config.dashboards.files;
    // Each path is confined to the workspace and read as strict UTF-8; errors never quote the file.
    const expanded = await (0,_util_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .expandWorkspacePaths */ .Kv)(ctx.workspace, patterns, (i) => ({ field: `dashboards.files[${i}]` }));
    const files = expanded.files;
    errors.push(...expanded.errors.map((e) => e.message));
    for (const p of patterns) {
        if ((0,tinyglobby__WEBPACK_IMPORTED_MODULE_9__.isDynamicPattern)(p) && !files.some((f) => f.pattern === p))
            errors.push(`no files match dashboards.files pattern ${p}`);
    }
    for (const { shown } of files) {
        try {
            const { text } = await (0,_util_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .readWorkspaceText */ .tA)(ctx.workspace, shown, { field: 'dashboards.files' }, { what: 'a Grafana dashboard JSON file' });
            const data = (0,_evidence_text_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJsonText */ .lk)(text, shown, 'a Grafana dashboard JSON file');
            // An API export wraps the model as {dashboard, meta}.
            const model = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(data) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(data.dashboard) ? data.dashboard : data;
            if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(model) || (!Array.isArray(model.panels) && !Array.isArray(model.rows))) {
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
                .map((d) => ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(d) && typeof d.uid === 'string' ? d.uid : ''))
                .filter(Boolean)
                .slice(0, 200);
        }
        for (const uid of uids) {
            const body = await get(`/api/dashboards/uid/${encodeURIComponent(uid)}`);
            const model = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(body) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(body.dashboard) ? body.dashboard : undefined;
            if (!model) {
                errors.push(`grafana: dashboard ${uid} has no model`);
                continue;
            }
            const metaUrl = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(body) && (0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(body.meta) && typeof body.meta.url === 'string' ? body.meta.url : `/d/${uid}`;
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
    const list = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(model.templating) ? model.templating.list : undefined;
    for (const v of Array.isArray(list) ? list : []) {
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(v) || typeof v.name !== 'string')
            continue;
        const cur = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isObject */ .G)(v.current) ? v.current.value : undefined;
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
const SELECTOR_LABEL = 'sre_selector';
/**
 * One query telling which services each selector has series for: every selector's series, marked
 * with its index, grouped by the service label. Flat in the number of services.
 */
function presenceQuery(selectors, label) {
    if (selectors.length === 0)
        return undefined;
    const marked = selectors.map((s, i) => `label_replace(${s}, "${SELECTOR_LABEL}", "${i}", "", "")`);
    return `group by (${label}, ${SELECTOR_LABEL}) (${marked.join(' or ')})`;
}
/**
 * Run each panel that shows a required service against the backend: one query per panel query,
 * its service variable set to a regex over every required service it offers (results told apart
 * by the service label), never one query per service: a panel that folds the services together
 * costs one more query, which tells the services apart by its selectors' series.
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
                // The panel folds the services together. Which of them it shows data for is told by one
                // more query, whatever the number of services: each selector's series grouped by service.
                if (finite.length === 0) {
                    for (const svc of shown)
                        record(svc, { query, verdict: 'fail', answer: describe(answer.samples) });
                    continue;
                }
                const selectors = (0,_telemetry_coverage_js__WEBPACK_IMPORTED_MODULE_6__/* .selectorsOf */ .Yv)(query);
                const presence = presenceQuery(selectors, label);
                const a = presence ? await run(presence) : { error: 'no selector in the query' };
                if (a.error !== undefined) {
                    for (const svc of shown)
                        record(svc, { query, verdict: 'error', answer: `the services' share could not be told: ${a.error}` });
                    continue;
                }
                const seen = new Set(a.samples.map((x) => `${x.labels[label]}\0${x.labels[SELECTOR_LABEL]}`));
                for (const svc of shown) {
                    const want = (0,_telemetry_vector_js__WEBPACK_IMPORTED_MODULE_5__/* .selectorOf */ .Bk)(svc, label)[label] ?? svc.name;
                    const missing = selectors.findIndex((_, i) => !seen.has(`${want}\0${i}`));
                    record(svc, missing < 0
                        ? {
                            query,
                            verdict: 'pass',
                            answer: `the services folded together (${finite.length} series); every selector has series for this service (${presence})`
                        }
                        : { query, verdict: 'fail', answer: `no series of ${selectors[missing]} for this service (${presence})` });
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
        const coveredSet = new Set(covered);
        const missing = required.filter((s) => !coveredSet.has(s));
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
