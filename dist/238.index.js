export const id = 238;
export const ids = [238];
export const modules = {

/***/ 63238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadOpenSlo: () => (/* binding */ loadOpenSlo)
/* harmony export */ });
/* unused harmony export parseOpenSlo */
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(73382);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26518);
/* harmony import */ var _util_workspace_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50977);
/* harmony import */ var _util_yaml_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1801);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38815);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70017);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(90131);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(74976);








function fail(ctx, path, expected, found) {
    // The line of the deepest part of the path that exists in the document.
    let line;
    for (let n = path.length; n >= 0 && line === undefined; n--) {
        const node = ctx.doc.getIn(path.slice(0, n), true);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .isNode */ .Ll)(node) && node.range)
            line = ctx.lineCounter.linePos(node.range[0]).line;
    }
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz({
        file: ctx.file,
        line,
        field: `document ${ctx.index + 1} /${path.join('/')}`,
        expected,
        found: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeValue */ .bp)(found)
    });
}
function get(obj, path) {
    let cur = obj;
    for (const k of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[k];
    }
    return cur;
}
/** A Prometheus query from an OpenSLO metric (`{metricSource: {type, spec: {query}}}`). */
function prometheusQuery(ctx, data, path) {
    const source = get(data, [...path, 'metricSource']);
    if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .G)(source))
        throw fail(ctx, [...path, 'metricSource'], 'a metricSource', source);
    const type = source.type;
    if (typeof type !== 'string' || type.toLowerCase() !== 'prometheus') {
        throw fail(ctx, [...path, 'metricSource', 'type'], 'metric source type Prometheus (the only one supported)', type);
    }
    const query = get(source, ['spec', 'query']);
    if (typeof query !== 'string' || query.trim() === '') {
        throw fail(ctx, [...path, 'metricSource', 'spec', 'query'], 'a PromQL query string', query);
    }
    return query.trim();
}
function parseDuration(ctx, path, value) {
    const problem = typeof value === 'string' ? (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationProblem */ .YV)(value, { positive: true }) : _util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .DURATION_HINT */ .Fp;
    if (problem === undefined)
        return value;
    const calendar = typeof value === 'string' && /^\d+[MQY]$/.test(value);
    throw fail(ctx, path, calendar
        ? `${_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .DURATION_HINT */ .Fp} (months, quarters and years are not supported, having no fixed length: write 28d, 90d or 52w)`
        : problem === 'must be greater than 0'
            ? 'a duration greater than 0'
            : problem, value);
}
function sloFromDocument(ctx, data, indicators) {
    const name = get(data, ['metadata', 'name']);
    if (typeof name !== 'string' || name === '')
        throw fail(ctx, ['metadata', 'name'], 'a name', name);
    const service = get(data, ['spec', 'service']);
    if (typeof service !== 'string' || service === '')
        throw fail(ctx, ['spec', 'service'], 'the service name', service);
    let indicator;
    const inline = get(data, ['spec', 'indicator']);
    const ref = get(data, ['spec', 'indicatorRef']);
    if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .G)(inline)) {
        indicator = { spec: data, path: ['spec', 'indicator', 'spec'], ctx };
    }
    else if (typeof ref === 'string') {
        const found = indicators.get(ref);
        if (!found)
            throw fail(ctx, ['spec', 'indicatorRef'], 'the name of a kind: SLI document in the openslo files', ref);
        indicator = found;
    }
    else {
        throw fail(ctx, ['spec', 'indicator'], 'an inline indicator or an indicatorRef', inline);
    }
    const ratioPath = [...indicator.path, 'ratioMetric'];
    const ratio = get(indicator.spec, ratioPath);
    if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .G)(ratio)) {
        const found = get(indicator.spec, indicator.path);
        throw fail(indicator.ctx, ratioPath, 'a ratioMetric (thresholdMetric and other indicator kinds are not supported)', (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .G)(found) ? Object.keys(found).join(', ') || found : found);
    }
    const total = prometheusQuery(indicator.ctx, indicator.spec, [...ratioPath, 'total']);
    let good;
    let bad;
    if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .G)(ratio.good))
        good = prometheusQuery(indicator.ctx, indicator.spec, [...ratioPath, 'good']);
    else if ((0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .G)(ratio.bad))
        bad = prometheusQuery(indicator.ctx, indicator.spec, [...ratioPath, 'bad']);
    else
        throw fail(indicator.ctx, ratioPath, 'a good or a bad metric', Object.keys(ratio).join(', '));
    const windows = get(data, ['spec', 'timeWindow']);
    if (!Array.isArray(windows) || windows.length !== 1) {
        throw fail(ctx, ['spec', 'timeWindow'], 'exactly one time window', windows);
    }
    const window = parseDuration(ctx, ['spec', 'timeWindow', 0, 'duration'], get(windows[0], ['duration']));
    const objectives = get(data, ['spec', 'objectives']);
    if (!Array.isArray(objectives) || objectives.length === 0) {
        throw fail(ctx, ['spec', 'objectives'], 'at least one objective', objectives);
    }
    return objectives.map((o, i) => {
        const target = get(o, ['target']);
        const targetPercent = get(o, ['targetPercent']);
        let objective;
        if (typeof target === 'number' && target > 0 && target < 1)
            objective = Number((target * 100).toPrecision(12));
        else if (typeof targetPercent === 'number' && targetPercent > 0 && targetPercent < 100)
            objective = targetPercent;
        else {
            throw fail(ctx, ['spec', 'objectives', i], 'target as a fraction between 0 and 1 (0.999) or targetPercent between 0 and 100 (99.9)', target ?? targetPercent ?? o);
        }
        const objectiveName = get(o, ['name']) ?? get(o, ['displayName']);
        const sloName = objectives.length === 1 ? name : `${name}-${typeof objectiveName === 'string' && objectiveName ? objectiveName : i + 1}`;
        return _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .slo */ .tV.parse({
            name: sloName,
            service,
            objective,
            window,
            'total-query': total,
            ...(good !== undefined ? { 'good-query': good } : {}),
            ...(bad !== undefined ? { 'error-query': bad } : {})
        });
    });
}
function parseFile(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_3__/* .LineCounter */ .HN();
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parseAllDocuments */ .hR)(text, { lineCounter, prettyErrors: false });
    if (!Array.isArray(docs))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz({ file, expected: 'YAML documents', found: 'an empty or invalid stream' });
    const errors = [];
    const out = { docs: [] };
    docs.forEach((doc, index) => {
        for (const e of doc.errors) {
            errors.push(new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz({ file, line: (0,_util_yaml_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .yamlErrorLine */ .C)(e, lineCounter), expected: 'valid YAML', found: (0,_util_yaml_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .yamlErrorText */ .j)(e) }));
        }
        if (doc.errors.length > 0 || doc.contents === null)
            return;
        try {
            out.docs.push({ ctx: { file, index, doc, lineCounter }, data: doc.toJS({ maxAliasCount: 100 }) });
        }
        catch (err) {
            const bomb = /Excessive alias count/i.test(err instanceof Error ? err.message : '');
            errors.push(new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz({
                file,
                line: doc.range ? lineCounter.linePos(doc.range[0]).line : undefined,
                field: `document ${index + 1}`,
                expected: bomb
                    ? 'YAML whose aliases (*name) expand to a sensible size (at most 100 expansions)'
                    : 'every alias (*name) to follow its anchor (&name)',
                found: bomb ? 'aliases that expand to far more nodes than the file holds (an alias bomb)' : 'an alias with no anchor before it'
            }));
        }
    });
    if (errors.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputErrors */ .G(errors);
    return out;
}
/** Parse OpenSLO text (one file, possibly several documents) into SLOs. */
function parseOpenSlo(text, file) {
    return sloFromFiles([parseFile(text, file)]);
}
function sloFromFiles(files) {
    const all = files.flatMap((f) => f.docs);
    const errors = [];
    const indicators = new Map();
    const slos = [];
    for (const { ctx, data } of all) {
        if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .G)(data)) {
            errors.push(fail(ctx, [], 'an OpenSLO object with apiVersion and kind', data));
            continue;
        }
        if (data.apiVersion !== 'openslo/v1') {
            errors.push(fail(ctx, ['apiVersion'], 'openslo/v1 (other OpenSLO versions are not supported)', data.apiVersion));
            continue;
        }
        if (data.kind === 'SLI') {
            const n = get(data, ['metadata', 'name']);
            if (typeof n === 'string')
                indicators.set(n, { spec: data, path: ['spec'], ctx });
        }
        else if (data.kind === 'SLO') {
            slos.push({ ctx, data });
        }
    }
    const out = [];
    for (const { ctx, data } of slos) {
        try {
            out.push(...sloFromDocument(ctx, data, indicators));
        }
        catch (err) {
            if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz)
                errors.push(err);
            else
                throw err;
        }
    }
    if (errors.length === 1)
        throw errors[0];
    if (errors.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputErrors */ .G(errors);
    return out;
}
/**
 * Load the OpenSLO files named in config (`openslo`, paths or globs relative to the workspace),
 * each confined to the workspace and read as strict UTF-8.
 */
async function loadOpenSlo(patterns, workspace) {
    const parsed = [];
    const seen = new Set();
    for (const [i, p] of patterns.entries()) {
        const origin = { field: `openslo/${i}` };
        const files = (0,tinyglobby__WEBPACK_IMPORTED_MODULE_7__.isDynamicPattern)(p) ? await (0,_util_workspace_js__WEBPACK_IMPORTED_MODULE_1__/* .globWorkspace */ .Q1)(workspace, p, origin) : [await (0,_util_workspace_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveInWorkspace */ .z1)(workspace, p, origin)];
        if (files.length === 0)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz({ file: p, field: origin.field, expected: 'OpenSLO files matching this pattern', found: 'no files' });
        for (const f of files) {
            if (seen.has(f.abs))
                continue;
            seen.add(f.abs);
            const { text, shown } = await (0,_util_workspace_js__WEBPACK_IMPORTED_MODULE_1__/* .readWorkspaceText */ .tA)(workspace, f.shown, origin, { what: 'an OpenSLO file', maxBytes: 4 * 1024 * 1024 });
            parsed.push(parseFile(text, shown));
        }
    }
    return sloFromFiles(parsed);
}


/***/ })

};
