export const id = 238;
export const ids = [238,976];
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
/** A Prometheus query from an OpenSLO metric (`{metricSource: {type, spec: {query}}}`). */
function prometheusQuery(ctx, data, path) {
    const source = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(data, [...path, 'metricSource']);
    if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .G)(source))
        throw fail(ctx, [...path, 'metricSource'], 'a metricSource', source);
    const type = source.type;
    if (typeof type !== 'string' || type.toLowerCase() !== 'prometheus') {
        throw fail(ctx, [...path, 'metricSource', 'type'], 'metric source type Prometheus (the only one supported)', type);
    }
    const query = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(source, ['spec', 'query']);
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
    const name = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(data, ['metadata', 'name']);
    if (typeof name !== 'string' || name === '')
        throw fail(ctx, ['metadata', 'name'], 'a name', name);
    const service = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(data, ['spec', 'service']);
    if (typeof service !== 'string' || service === '')
        throw fail(ctx, ['spec', 'service'], 'the service name', service);
    let indicator;
    const inline = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(data, ['spec', 'indicator']);
    const ref = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(data, ['spec', 'indicatorRef']);
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
    const ratio = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(indicator.spec, ratioPath);
    if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .G)(ratio)) {
        const found = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(indicator.spec, indicator.path);
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
    const windows = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(data, ['spec', 'timeWindow']);
    if (!Array.isArray(windows) || windows.length !== 1) {
        throw fail(ctx, ['spec', 'timeWindow'], 'exactly one time window', windows);
    }
    const window = parseDuration(ctx, ['spec', 'timeWindow', 0, 'duration'], (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(windows[0], ['duration']));
    const objectives = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(data, ['spec', 'objectives']);
    if (!Array.isArray(objectives) || objectives.length === 0) {
        throw fail(ctx, ['spec', 'objectives'], 'at least one objective', objectives);
    }
    return objectives.map((o, i) => {
        const target = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(o, ['target']);
        const targetPercent = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(o, ['targetPercent']);
        let objective;
        if (typeof target === 'number' && target > 0 && target < 1)
            objective = Number((target * 100).toPrecision(12));
        else if (typeof targetPercent === 'number' && targetPercent > 0 && targetPercent < 100)
            objective = targetPercent;
        else {
            throw fail(ctx, ['spec', 'objectives', i], 'target as a fraction between 0 and 1 (0.999) or targetPercent between 0 and 100 (99.9)', target ?? targetPercent ?? o);
        }
        const objectiveName = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(o, ['name']) ?? (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(o, ['displayName']);
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
            const n = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_6__/* .valueAt */ .f)(data, ['metadata', 'name']);
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


/***/ }),

/***/ 50977:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kv: () => (/* binding */ expandWorkspacePaths),
/* harmony export */   Q1: () => (/* binding */ globWorkspace),
/* harmony export */   e2: () => (/* binding */ lexicalEscape),
/* harmony export */   q6: () => (/* binding */ globEscape),
/* harmony export */   tA: () => (/* binding */ readWorkspaceText),
/* harmony export */   z1: () => (/* binding */ resolveInWorkspace)
/* harmony export */ });
/* unused harmony export GLOB_MAX_MATCHES */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70017);
/* harmony import */ var _utf8_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19605);




const INSIDE = 'a path inside the workspace (relative to the repository root)';
function inside(root, p) {
    return p === root || p.startsWith(root.endsWith(node_path__WEBPACK_IMPORTED_MODULE_1__.sep) ? root : root + node_path__WEBPACK_IMPORTED_MODULE_1__.sep);
}
function refuse(p, origin, found, expected = INSIDE) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz({ file: origin.file ?? p, line: origin.line, field: origin.field, expected, found });
}
async function realRoot(workspace) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace));
    }
    catch {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace);
    }
}
/** Nearest existing ancestor of a path (the path itself when it exists), with its real path. */
async function nearestReal(abs) {
    let cur = abs;
    let exists = true;
    for (;;) {
        try {
            const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(cur);
            return { real: cur === abs ? real : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(real, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cur, abs)), exists };
        }
        catch (err) {
            const code = err.code;
            if (code !== 'ENOENT' && code !== 'ENOTDIR')
                throw err;
            exists = false;
            const up = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(cur);
            if (up === cur)
                return { real: abs, exists: false };
            cur = up;
        }
    }
}
/** A text is a path that reaches outside, before anything is looked at on disk. */
function lexicalEscape(workspace, p) {
    if (p.includes('\0'))
        return 'a path with a NUL byte';
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace);
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(p) ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(p) : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, p);
    if (!inside(root, abs))
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(p)
            ? `the absolute path ${JSON.stringify(p)}, outside the workspace`
            : `the path ${JSON.stringify(p)}, which leads outside the workspace`;
    return undefined;
}
/**
 * Resolve a path from the config or the evidence inside the workspace. A path that does not exist
 * yet is checked through its nearest existing folder, so nothing is created through a symbolic
 * link that leads outside.
 */
async function resolveInWorkspace(workspace, p, origin) {
    const escape = lexicalEscape(workspace, p);
    if (escape)
        throw refuse(p, origin, escape);
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace);
    const lexical = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(p) ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(p) : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, p);
    const shown = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, lexical) || '.';
    const rootReal = await realRoot(root);
    const { real, exists } = await nearestReal(lexical);
    if (!inside(rootReal, real)) {
        throw refuse(p, origin, `the path ${JSON.stringify(p)}, which goes through a symbolic link that leads outside the workspace`);
    }
    return { abs: real, shown, exists };
}
/** Read a text file named by the config, confined to the workspace, as strict UTF-8. */
async function readWorkspaceText(workspace, p, origin, opts) {
    const { abs, shown, exists } = await resolveInWorkspace(workspace, p, origin);
    const max = opts.maxBytes ?? 16 * 1024 * 1024;
    const where = { field: origin.field };
    if (!exists)
        throw refuse(shown, where, 'no such file', opts.what);
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(abs);
    if (!st.isFile())
        throw refuse(shown, where, st.isDirectory() ? 'a folder' : 'not a regular file', opts.what);
    if (st.size > max)
        throw refuse(shown, where, `a file of ${st.size} bytes (at most ${max} are read)`, opts.what);
    let bytes;
    try {
        bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(abs);
    }
    catch (err) {
        throw refuse(shown, where, `an unreadable file (${err.code ?? 'error'})`, opts.what);
    }
    if (bytes.length > max)
        throw refuse(shown, where, `a file of ${bytes.length} bytes (at most ${max} are read)`, opts.what);
    return { text: (0,_utf8_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeUtf8 */ ._)(bytes, shown, `${opts.what} in UTF-8`), shown, abs };
}
/** A glob pattern names no folder above the workspace. */
function globEscape(pattern) {
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(pattern))
        return `the absolute pattern ${JSON.stringify(pattern)}`;
    if (pattern.split(/[\\/]/).includes('..'))
        return `the pattern ${JSON.stringify(pattern)}, which climbs out with ..`;
    return undefined;
}
/** Most files one glob pattern may match: a listing is bounded like everything else. */
const GLOB_MAX_MATCHES = 1000;
/**
 * Files matching a glob in the workspace. Symbolic links are not followed while listing (a link
 * to `/` cannot make the listing walk the whole disk), and each match is confined like a path.
 */
async function globWorkspace(workspace, pattern, origin) {
    const escape = globEscape(pattern);
    if (escape)
        throw refuse(pattern, origin, escape, 'a glob pattern inside the workspace (relative to the repository root)');
    const { glob } = await __webpack_require__.e(/* import() */ 382).then(__webpack_require__.bind(__webpack_require__, 73382));
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace);
    const matched = await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, followSymbolicLinks: false, deep: 32 });
    if (matched.length > GLOB_MAX_MATCHES) {
        throw refuse(pattern, origin, `${matched.length} matching files`, `a pattern matching at most ${GLOB_MAX_MATCHES} files`);
    }
    const out = [];
    for (const m of matched.sort()) {
        // Listing without following links still reports a file whose own name is a link on some systems.
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(m).catch(() => undefined);
        if (!info)
            continue;
        out.push(await resolveInWorkspace(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, m), origin));
    }
    return out;
}
/**
 * Every file a list of config paths or globs names, each confined; a refused path is an error
 * of its own, so the others are still read.
 */
async function expandWorkspacePaths(workspace, patterns, origin) {
    const { isDynamicPattern } = await __webpack_require__.e(/* import() */ 382).then(__webpack_require__.bind(__webpack_require__, 73382));
    const files = [];
    const errors = [];
    const seen = new Set();
    for (const [i, p] of patterns.entries()) {
        let found;
        try {
            found = isDynamicPattern(p) ? await globWorkspace(workspace, p, origin(i)) : [await resolveInWorkspace(workspace, p, origin(i))];
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz) {
                errors.push(err);
                continue;
            }
            throw err;
        }
        for (const f of found) {
            if (seen.has(f.abs))
                continue;
            seen.add(f.abs);
            files.push({ ...f, pattern: p });
        }
    }
    return { files, errors };
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
