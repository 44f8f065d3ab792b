export const id = 252;
export const ids = [252,952];
export const modules = {

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

/***/ 9952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runHook: () => (/* binding */ runHook)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _package_schemas_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46616);



/**
 * Run one of the seed's automation hooks (audit-command, alert-test-command, tuning-command): a
 * shell command that writes the artifact to $SRE_MONITORING_OUTPUT. What it writes is checked
 * against the artifact's schema like any built-in result; a command that fails, times out or
 * writes an invalid file produces no artifact.
 */
async function runHook(args) {
    const exit = await new Promise((resolve) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sh', ['-c', args.command], {
            cwd: args.cwd,
            env: { ...args.env, SRE_MONITORING_OUTPUT: args.outputFile },
            stdio: ['ignore', 'ignore', 'pipe']
        });
        let stderr = '';
        child.stderr.on('data', (d) => {
            stderr = (stderr + d.toString()).slice(-2000);
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), args.timeoutSeconds * 1000);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stderr });
        });
        child.on('error', (err) => {
            clearTimeout(timer);
            resolve({ code: null, signal: null, stderr: err.message });
        });
    });
    if (exit.signal === 'SIGKILL')
        return { status: `failed (timed out after ${args.timeoutSeconds} s)`, error: `command timed out after ${args.timeoutSeconds} s` };
    if (exit.code !== 0) {
        const detail = exit.stderr.trim().split('\n').slice(-3).join(' | ');
        return {
            status: `failed (exit ${exit.code ?? exit.signal})`,
            error: `command exited ${exit.code ?? exit.signal}${detail ? `: ${detail}` : ''}`
        };
    }
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(args.outputFile, 'utf8');
    }
    catch {
        return { status: 'failed (no output written)', error: `command succeeded but wrote nothing to ${args.outputFile}` };
    }
    if (!args.schemaFile)
        return { status: 'success', data: (args.parse ? args.parse(text) : text) };
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
        return { status: 'failed (output is not JSON)', error: `${args.outputFile}: ${err.message}` };
    }
    const check = (0,_package_schemas_js__WEBPACK_IMPORTED_MODULE_2__/* .validateAgainst */ .sq)(args.schemaFile, data);
    if (!check.valid) {
        return {
            status: 'failed (output fails its schema)',
            error: `${args.outputFile} fails ${args.schemaFile}: ${check.errors.slice(0, 5).join('; ')}`
        };
    }
    return { status: 'success', data: data };
}


/***/ }),

/***/ 54252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  assurancePhase: () => (/* binding */ assurancePhase)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/telemetry/prometheus/rules-in-force.ts
var rules_in_force = __webpack_require__(63233);
// EXTERNAL MODULE: ./src/telemetry/vector.ts
var vector = __webpack_require__(52880);
// EXTERNAL MODULE: ./src/telemetry/coverage.ts
var telemetry_coverage = __webpack_require__(9793);
// EXTERNAL MODULE: ./src/alerting/slo/promql.ts
var promql = __webpack_require__(78902);
;// CONCATENATED MODULE: ./src/alerting/slo/group-by-label.ts



/** VictoriaMetrics refuses a query longer than 16 KiB by default (-search.maxQueryLen): a request's query stays under this. */
const MAX_QUERY_CHARS = 12_000;
const tupleKey = (values) => values.join('\u0001');
function shapesOf(items, opts) {
    const byKey = new Map();
    const alone = [];
    for (const item of items) {
        const q = opts.queryOf(item);
        const g = q === undefined ? undefined : groupingOf(q);
        if (!g) {
            alone.push(item);
            continue;
        }
        const k = `${g.key}\u0002${opts.key?.(item) ?? ''}`;
        let list = byKey.get(k);
        if (!list)
            byKey.set(k, (list = []));
        list.push({ item, g });
    }
    const shapes = [];
    for (const list of byKey.values()) {
        if (list.length === 1)
            alone.push(list[0].item);
        else {
            const { text, labels, holes, carries } = list[0].g;
            shapes.push({ text, labels, holes, carries, members: list });
        }
    }
    return { shapes, alone };
}
const requestOf = (shape, members, query) => ({
    query,
    labels: shape.labels,
    members: members.map((m) => ({ item: m.item, value: tupleKey(m.g.values) })),
    carries: shape.carries
});
/** A shape in requests of at most `maxChars` characters and `maxMembers` members, each label a regex of its members' values. */
function chunksOf(shape, opts, alone) {
    const { text, labels, holes } = shape;
    const most = opts.maxMembers?.(shape.members[0].item) ?? Infinity;
    const fixed = text.length + labels.reduce((n, l, i) => n + holes[i] * (l.length + 4), 0);
    const out = [];
    let cur = [];
    let chars = fixed;
    const flush = () => {
        if (cur.length === 1)
            alone.push(cur[0].item);
        else if (cur.length)
            out.push(requestOf(shape, cur, groupedQuery(text, labels, cur.map((m) => m.g.values))));
        cur = [];
        chars = fixed;
    };
    for (const m of shape.members) {
        // A regex-quoted value is at most twice as long, with its '|'.
        const grows = m.g.values.reduce((n, v, i) => n + holes[i] * (v.length * 2 + 1), 0);
        if (cur.length && (chars + grows > opts.maxChars || cur.length >= most))
            flush();
        cur.push(m);
        chars += grows;
    }
    flush();
    return out;
}
/**
 * Items whose queries share a shape, in requests of at most `maxChars` characters (VictoriaMetrics
 * refuses queries over 16 KiB) and `maxMembers` members (asked of a shape's first); a shape of one,
 * and any query the rewrite is not proven for, is left alone. `key` adds what else must agree (a
 * range query's start, end and step).
 */
function requestsByShape(items, opts) {
    const { shapes, alone } = shapesOf(items, opts);
    return { shaped: shapes.flatMap((shape) => chunksOf(shape, opts, alone)), alone };
}
/**
 * As `requestsByShape`, but a shape whose members' values do not fit in one request is asked in
 * one all the same when the backend's values of its labels allow: each label's matcher then
 * excludes the values no member has (`service!="", service!~"others"`), so the backend reads the
 * members' series and no other, whatever their number. `valuesOf` asks the backend for a label's
 * values on the series of every such shape at once (a value another shape's series hold is one
 * more exclusion, so the union serves each), one request a label while the selectors fit in
 * `maxChars`; the caller counts them and spans the items' ranges. When the values fail, or a
 * shape's excluded values do not fit, that shape is cut into requests as before.
 */
async function requestsByShapeOrExcept(items, opts) {
    const { shapes, alone } = shapesOf(items, opts);
    const shaped = [];
    const wide = [];
    for (const shape of shapes) {
        const single = [];
        const chunks = chunksOf(shape, opts, single);
        const most = opts.maxMembers?.(shape.members[0].item) ?? Infinity;
        if (chunks.length + single.length > 1 && shape.members.length <= most)
            wide.push({ shape, chunks, single });
        else {
            shaped.push(...chunks);
            alone.push(...single);
        }
    }
    const held = await heldValues(wide.map((w) => w.shape), opts);
    for (const { shape, chunks, single } of wide) {
        const query = exceptQuery(shape, held);
        if (query !== undefined && query.length <= opts.maxChars)
            shaped.push({ ...requestOf(shape, shape.members, query), except: true });
        else {
            shaped.push(...chunks);
            alone.push(...single);
        }
    }
    return { shaped, alone };
}
/** Each grouping label's values on the series of these shapes (any value of the label): undefined where the backend did not answer. */
async function heldValues(shapes, opts) {
    const byLabel = new Map();
    for (const shape of shapes) {
        const sels = (0,telemetry_coverage/* selectorsOf */.Yv)(fillHoles(shape.text, shape.labels.map((l) => `${l}!=""`)));
        for (const label of shape.labels) {
            let entry = byLabel.get(label);
            if (!entry)
                byLabel.set(label, (entry = { selectors: new Set(), firsts: [] }));
            for (const s of sels)
                entry.selectors.add(s);
            entry.firsts.push(shape.members[0].item);
        }
    }
    const out = new Map();
    for (const [label, { selectors, firsts }] of byLabel) {
        // Selectors in batches that keep the request's length near one query's.
        const batches = [[]];
        let chars = 0;
        for (const s of [...selectors].sort()) {
            if (batches.at(-1).length && chars + s.length > opts.maxChars) {
                batches.push([]);
                chars = 0;
            }
            batches.at(-1).push(s);
            chars += s.length;
        }
        try {
            const values = new Set();
            for (const b of batches)
                for (const v of await opts.valuesOf(label, b, firsts))
                    values.add(v);
            out.set(label, values);
        }
        catch {
            out.set(label, undefined);
        }
    }
    return out;
}
function exceptQuery(shape, held) {
    const matchers = [];
    for (const [i, label] of shape.labels.entries()) {
        const values = held.get(label);
        if (!values)
            return undefined;
        const wanted = new Set(shape.members.map((m) => m.g.values[i]));
        const others = [...values].filter((v) => !wanted.has(v));
        matchers.push(others.length ? `${label}!="", ${label}!~${(0,vector/* exactRegex */.pF)(others)}` : `${label}!=""`);
    }
    return fillHoles(shape.text, matchers);
}
/** A grouped answer's series by their members' values, without the labels the members' own answers lack. */
function splitByValue(series, req) {
    const out = new Map();
    const drop = req.labels.filter((l) => !req.carries.includes(l));
    for (const s of series) {
        const values = req.labels.map((l) => s.labels[l]);
        if (values.some((v) => v === undefined))
            continue;
        const k = tupleKey(values);
        let list = out.get(k);
        if (!list)
            out.set(k, (list = []));
        if (!drop.length)
            list.push(s);
        else {
            const labels = { ...s.labels };
            for (const l of drop)
                delete labels[l];
            list.push({ ...s, labels });
        }
    }
    return out;
}
/** The query for several members of a shape: each label's matcher a regex of the members' values (or their one value). */
function groupedQuery(text, labels, members) {
    const matchers = labels.map((label, i) => {
        const distinct = [...new Set(members.map((m) => m[i]))];
        return distinct.length === 1 ? `${label}=${JSON.stringify(distinct[0])}` : `${label}=~${(0,vector/* exactRegex */.pF)(distinct)}`;
    });
    return fillHoles(text, matchers);
}
/** The shape's text with hole i (`\u0000i\u0000`) filled by matchers[i]. */
const fillHoles = (text, matchers) => text.replace(/\u0000(\d+)\u0000/g, (_, i) => matchers[Number(i)]);
/** Functions that map each series to a series with the same labels (the metric name aside). */
const LABEL_KEEPING_FUNCTIONS = new Set([
    'abs',
    'acos',
    'acosh',
    'asin',
    'asinh',
    'atan',
    'atanh',
    'avg_over_time',
    'ceil',
    'changes',
    'clamp',
    'clamp_max',
    'clamp_min',
    'cos',
    'cosh',
    'count_over_time',
    'deg',
    'delta',
    'deriv',
    'double_exponential_smoothing',
    'exp',
    'floor',
    'histogram_avg',
    'histogram_count',
    'histogram_fraction',
    'histogram_quantile',
    'histogram_stddev',
    'histogram_stdvar',
    'histogram_sum',
    'holt_winters',
    'idelta',
    'increase',
    'irate',
    'label_join',
    'label_replace',
    'last_over_time',
    'ln',
    'log10',
    'log2',
    'mad_over_time',
    'max_over_time',
    'min_over_time',
    'predict_linear',
    'present_over_time',
    'quantile_over_time',
    'rad',
    'rate',
    'resets',
    'round',
    'sgn',
    'sin',
    'sinh',
    'sort',
    'sort_desc',
    'sqrt',
    'stddev_over_time',
    'stdvar_over_time',
    'sum_over_time',
    'tan',
    'tanh',
    'timestamp'
]);
/** Aggregations over groups; the ones that return their input series keep that series' labels. */
const GROUPING_AGGREGATIONS = new Set(['sum', 'min', 'max', 'avg', 'count', 'group', 'stddev', 'stdvar', 'quantile']);
const SELECTING_AGGREGATIONS = new Set(['topk', 'bottomk']);
class NotGroupable extends Error {
}
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * How a query groups with others of its shape, or undefined when the rewrite is not proven for it
 * (see the module comment). The grouping labels are those every selector pins to one value.
 */
function groupingOf(query) {
    // Read from the query's template: a fleet's copies of one rule or SLO share one parse.
    const read = (0,promql/* templateParse */.Ym)(query);
    if (!read || read.parsed.error)
        return undefined;
    const { parsed, at } = read;
    const text = (n) => query.slice(at(n.from), at(n.to));
    const kids = (n) => {
        const out = [];
        for (let c = n.firstChild; c; c = c.nextSibling)
            out.push(c);
        return out;
    };
    /** A label's name, as written bare or quoted; '' for anything else. */
    const labelName = (c) => c.name === 'QuotedLabelName' ? (0,promql/* unquote */._n)(text(c.firstChild ?? c)) : c.name === 'LabelName' ? text(c) : '';
    const matchersOf = (vs) => {
        const lm = vs.getChild('LabelMatchers');
        return (lm ? kids(lm) : [])
            .filter((m) => m.name === 'UnquotedLabelMatcher' || m.name === 'QuotedLabelMatcher')
            .map((m) => {
            const parts = kids(m);
            const label = parts[0] ? labelName(parts[0]) : '';
            const op = parts.find((p) => p.name === 'MatchOp');
            const lit = parts.find((p) => p.name === 'StringLiteral');
            return { node: m, label, op: op ? text(op) : '', value: lit ? (0,promql/* unquote */._n)(text(lit)) : undefined };
        });
    };
    // The grouping labels: pinned by one non-empty equality matcher, to the same value, in every selector.
    const pinned = new Map();
    let selectorCount = 0;
    const cursor = parsed.tree.cursor();
    do {
        if (cursor.name !== 'VectorSelector')
            continue;
        const ms = matchersOf(cursor.node);
        const here = new Map();
        for (const m of ms)
            here.set(m.label, here.has(m.label) || m.op !== '=' || !m.value ? null : m.value);
        if (selectorCount === 0)
            for (const [l, v] of here)
                pinned.set(l, v);
        else
            for (const [l, v] of pinned)
                if (v === null || here.get(l) !== v)
                    pinned.set(l, null);
        selectorCount++;
    } while (cursor.next());
    const labels = [...pinned]
        .filter(([l, v]) => v !== null && l !== '__name__' && IDENTIFIER.test(l))
        .map(([l]) => l)
        .sort();
    if (labels.length === 0)
        return undefined;
    const values = labels.map((l) => pinned.get(l));
    const all = labels.join(',');
    const edits = [];
    const holes = labels.map(() => 0);
    const exprArgs = (body) => body ? kids(body).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',') : [];
    const labelNames = (grouping) => grouping
        ? kids(grouping)
            .filter((c) => c.name === 'LabelName' || c.name === 'QuotedLabelName')
            .map(labelName)
        : [];
    /** Put the grouping labels a list `( ... )` lacks into it. */
    const addToList = (grouping) => {
        const has = labelNames(grouping);
        const missing = labels.filter((l) => !has.includes(l));
        if (!missing.length)
            return;
        const close = at(grouping.to) - 1;
        const inside = query.slice(at(grouping.from) + 1, close).trim();
        edits.push({ from: close, to: close, text: `${inside === '' || inside.endsWith(',') ? '' : ', '}${missing.join(', ')}` });
    };
    const fail = () => {
        throw new NotGroupable();
    };
    const touches = (names) => names.some((n) => labels.includes(n));
    const keep = (carried, names) => carried
        .split(',')
        .filter((l) => l && names.includes(l))
        .join(',');
    const selector = (n) => {
        for (const m of matchersOf(n)) {
            const i = labels.indexOf(m.label);
            if (i < 0)
                continue;
            holes[i]++;
            edits.push({ from: at(m.node.from), to: at(m.node.to), text: `\u0000${i}\u0000` });
        }
        return all;
    };
    const same = (a, b) => {
        if (a === 'scalar')
            return b;
        if (b === 'scalar')
            return a;
        if (a !== b)
            fail();
        return a;
    };
    const visit = (n) => {
        if (n.type.isError)
            fail();
        switch (n.name) {
            case 'PromQL':
            case 'ParenExpr': {
                const inner = kids(n).filter((c) => c.name !== '(' && c.name !== ')');
                if (inner.length !== 1)
                    fail();
                return visit(inner[0]);
            }
            case 'NumberDurationLiteral':
            case 'StringLiteral':
                return 'scalar';
            case 'VectorSelector':
                return selector(n);
            case 'MatrixSelector': {
                const vs = n.getChild('VectorSelector');
                return vs ? selector(vs) : fail();
            }
            case 'OffsetExpr':
            case 'StepInvariantExpr':
            case 'SubqueryExpr':
            case 'AnchoredExpr':
            case 'SmoothedExpr':
                return n.firstChild ? visit(n.firstChild) : fail();
            case 'UnaryExpr': {
                const inner = kids(n).find((c) => c.name !== 'UnaryOp');
                return inner ? visit(inner) : fail();
            }
            case 'FunctionCall': {
                const fn = text(n.getChild('FunctionIdentifier') ?? n);
                if (!LABEL_KEEPING_FUNCTIONS.has(fn))
                    fail();
                const args = exprArgs(n.getChild('FunctionCallBody'));
                if ((fn === 'label_replace' || fn === 'label_join') &&
                    (args[1]?.name !== 'StringLiteral' || labels.includes((0,promql/* unquote */._n)(text(args[1])))))
                    fail();
                let carries = 'scalar';
                for (const a of args)
                    carries = same(carries, visit(a));
                return carries === 'scalar' ? fail() : carries;
            }
            case 'AggregateExpr': {
                const op = text(n.getChild('AggregateOp') ?? n);
                const selecting = SELECTING_AGGREGATIONS.has(op);
                if (!selecting && !GROUPING_AGGREGATIONS.has(op))
                    fail();
                const args = exprArgs(n.getChild('FunctionCallBody'));
                if (args.length === 0)
                    fail();
                for (const a of args.slice(0, -1))
                    if (visit(a) !== 'scalar')
                        fail();
                const operand = visit(args[args.length - 1]);
                if (operand === 'scalar')
                    fail();
                const mod = n.getChild('AggregateModifier');
                if (!mod) {
                    const opNode = n.getChild('AggregateOp');
                    edits.push({ from: at(opNode.to), to: at(opNode.to), text: ` by (${labels.join(', ')}) ` });
                    return selecting ? operand : '';
                }
                const grouping = mod.getChild('GroupingLabels');
                const names = labelNames(grouping);
                if (mod.getChild('Without')) {
                    if (touches(names))
                        fail();
                    return operand;
                }
                if (!grouping)
                    fail();
                addToList(grouping);
                return selecting ? operand : keep(operand, names);
            }
            case 'BinaryExpr': {
                const parts = kids(n);
                const sides = parts.filter((p) => !promql/* OPERATOR_NODES */.X8.has(p.name));
                if (sides.length !== 2 || parts.some((p) => p.name === 'FillModifier'))
                    fail();
                const lhs = visit(sides[0]);
                const rhs = visit(sides[1]);
                const mm = n.getChild('MatchingModifierClause');
                if (mm && (lhs === 'scalar' || rhs === 'scalar'))
                    fail();
                const carries = same(lhs, rhs);
                if (mm) {
                    const lists = mm.getChildren('GroupingLabels');
                    const onClause = !!mm.getChild('On');
                    const ignoring = !!mm.getChild('Ignoring');
                    if (lists.slice(onClause || ignoring ? 1 : 0).some((g) => touches(labelNames(g))))
                        fail();
                    if (ignoring) {
                        if (lists[0] && touches(labelNames(lists[0])))
                            fail();
                    }
                    else if (onClause) {
                        if (!lists[0])
                            fail();
                        addToList(lists[0]);
                    }
                }
                return carries;
            }
            default:
                return fail();
        }
    };
    let carries;
    try {
        carries = visit(parsed.tree.topNode);
        if (carries === 'scalar')
            return undefined;
    }
    catch (err) {
        if (err instanceof NotGroupable)
            return undefined;
        throw err;
    }
    edits.sort((a, b) => a.from - b.from || a.to - b.to);
    let out = '';
    let done = 0;
    for (const e of edits) {
        out += query.slice(done, e.from) + e.text;
        done = e.to;
    }
    out += query.slice(done);
    return { key: `${all}\u0001${out}`, text: out, labels, values, holes, carries: carries ? carries.split(',') : [] };
}

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/http.ts
var http = __webpack_require__(44098);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(26518);
;// CONCATENATED MODULE: ./src/assurance/backtest/data-coverage.ts
/**
 * When each metric a rule reads has data in the lookback: the first and last step of a grid
 * (`start + k * step`) at which a query for the name sees a sample, as one range query over the
 * whole grid would give. That query costs the backend one lookup per series and step (5,040 steps
 * for 7 days at 2 minutes), seconds at fleet size; here a coarse query finds the hundredth of the
 * lookback where each name's data starts and ends (`last_over_time` over each part, so no sample
 * falls between its steps), and a grid query over just those parts finds the steps.
 */

/** Parts of the lookback the coarse query reads; more parts than these found at once ask the whole grid. */
const COARSE_PARTS = 100;
const MAX_FINE_QUERIES = 8;
/** Prometheus' lookback delta: a grid step sees a sample up to this old. */
const LOOKBACK_DELTA = 300;
const countByName = (names, inner = (s) => s) => `count by (__name__) (${inner(`{__name__=~${(0,vector/* exactRegex */.pF)([...names].sort())}}`)})`;
/** The grid query for the names: what is recorded when the coverage could not be read. */
const dataCoverageQuery = (names) => countByName(names);
async function dataSpans(prom, names, start, end, step, count) {
    const spans = new Map();
    const queries = [];
    /** Asks the grid over [from, to] for the names; returns the names it saw. */
    const grid = async (ns, from, to) => {
        const found = new Set();
        const a = Math.max(start, start + Math.ceil((from - start) / step) * step);
        const b = Math.min(end, to);
        if (a > b || ns.length === 0)
            return found;
        const query = countByName(ns);
        queries.push(query);
        count();
        for (const s of (await prom.rangeQuery(query, new Date(a * 1000), new Date(b * 1000), step)).series) {
            const name = s.labels.__name__;
            if (!name || s.values.length === 0)
                continue;
            found.add(name);
            const seen = spans.get(name);
            const first = s.values[0][0];
            const last = s.values[s.values.length - 1][0];
            spans.set(name, { from: Math.min(seen?.from ?? Infinity, first), to: Math.max(seen?.to ?? -Infinity, last) });
        }
        return found;
    };
    // A part at least as long as the lookback delta, so a sample a grid step sees lies in its part or the one before.
    const part = Math.max(LOOKBACK_DELTA, step, Math.ceil((end - start) / COARSE_PARTS / step) * step);
    if ((end - start) / part <= 4) {
        await grid(names, start, end);
        return { spans, queries };
    }
    const parts = Math.ceil((end - start) / part);
    const coarseStart = end - parts * part;
    const coarse = countByName(names, (sel) => `last_over_time(${sel}[${part}s])`);
    queries.push(coarse);
    count();
    // Which part (its end time) each name's data starts and ends in.
    const firstPart = new Map();
    const lastPart = new Map();
    for (const s of (await prom.rangeQuery(coarse, new Date(coarseStart * 1000), new Date(end * 1000), part)).series) {
        const name = s.labels.__name__;
        if (!name || s.values.length === 0)
            continue;
        firstPart.set(name, s.values[0][0]);
        lastPart.set(name, s.values[s.values.length - 1][0]);
    }
    // The grid step seeing a part's first sample may lie up to the lookback delta after the part;
    // the one seeing its last sample, likewise. One grid query per distinct range, names together.
    const ranges = new Map();
    const want = (name, from, to) => {
        const key = `${from}:${to}`;
        const r = ranges.get(key) ?? { from, to, names: [] };
        r.names.push(name);
        ranges.set(key, r);
    };
    for (const [name, f] of firstPart) {
        const l = lastPart.get(name);
        if (l - f <= part)
            want(name, f - part, l + LOOKBACK_DELTA);
        else {
            want(name, f - part, f + LOOKBACK_DELTA);
            want(name, l - part, l + LOOKBACK_DELTA);
        }
    }
    const all = [...firstPart.keys()];
    if (ranges.size > MAX_FINE_QUERIES) {
        await grid(all, start, end);
        return { spans, queries };
    }
    // A name every one of whose ranges the grid saw is exact; one a range missed (a lone sample
    // marked stale at once, so no grid step sees it) has steps elsewhere, if any: the whole grid answers for it.
    const missed = new Set();
    for (const r of ranges.values()) {
        const found = await grid(r.names, r.from, r.to);
        for (const n of r.names)
            if (!found.has(n))
                missed.add(n);
    }
    if (missed.size) {
        for (const n of missed)
            spans.delete(n);
        await grid([...missed], start, end);
    }
    return { spans, queries };
}

// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
;// CONCATENATED MODULE: ./src/assurance/tuning.ts

/** An alert counts toward an incident if it fired this long before the incident's start. */
const EARLY_ALERT_SECONDS = 600;
/** Unresolved incidents are taken to last this long for matching. */
const OPEN_INCIDENT_SECONDS = 3600;
/** Turn `ALERTS{alertstate="firing"}` range samples into episodes: runs of consecutive samples. */
function episodesFromSeries(series, stepSeconds, serviceLabel) {
    const out = [];
    for (const s of series) {
        let start;
        let last;
        const flush = () => {
            if (start === undefined || last === undefined)
                return;
            out.push({
                alertname: s.labels.alertname ?? 'unnamed',
                service: s.labels[serviceLabel],
                severity: s.labels.severity,
                start: new Date(start * 1000).toISOString(),
                end: new Date(last * 1000).toISOString()
            });
        };
        for (const [t] of s.values) {
            if (last !== undefined && t - last > stepSeconds * 1.5) {
                flush();
                start = undefined;
            }
            if (start === undefined)
                start = t;
            last = t;
        }
        flush();
    }
    return out.sort((a, b) => (0,order/* byText */.z)(a.start, b.start));
}
const ms = (iso) => Date.parse(iso);
function overlaps(a, i) {
    if (a.service && i.service && a.service !== i.service)
        return false;
    const start = ms(i.started_at) - EARLY_ALERT_SECONDS * 1000;
    const end = i.resolved_at ? ms(i.resolved_at) : ms(i.started_at) + OPEN_INCIDENT_SECONDS * 1000;
    return ms(a.start) <= end && ms(a.end) >= start;
}
const round = (n, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;
function correlate(args) {
    const { episodes, incidents } = args;
    const matchedEpisode = episodes.map((e) => incidents.some((i) => overlaps(e, i)));
    const byName = new Map();
    episodes.forEach((e, idx) => {
        const s = byName.get(e.alertname) ?? { episodes: 0, matched: 0 };
        s.episodes++;
        if (matchedEpisode[idx])
            s.matched++;
        byName.set(e.alertname, s);
    });
    const alerts = [...byName.entries()]
        .map(([alertname, s]) => {
        const precision = s.episodes ? round(s.matched / s.episodes) : null;
        const noisy = precision !== null && precision < 0.5 && s.episodes >= 3;
        return {
            alertname,
            episodes: s.episodes,
            matched: s.matched,
            precision,
            suggestion: noisy ? 'noisy: raise the threshold or lengthen `for:` so it fires on significant events only' : undefined
        };
    })
        .sort((a, b) => (0,order/* byText */.z)(a.alertname, b.alertname));
    const matches = incidents.map((incident) => {
        const first = episodes.filter((e) => overlaps(e, incident)).sort((a, b) => (0,order/* byText */.z)(a.start, b.start))[0];
        return {
            incident,
            detected: !!first,
            first_alert: first?.alertname,
            detection_seconds: first ? Math.max(0, Math.round((ms(first.start) - ms(incident.started_at)) / 1000)) : undefined
        };
    });
    const significant = matchedEpisode.filter(Boolean).length;
    const detected = matches.filter((m) => m.detected);
    const detections = detected.map((m) => m.detection_seconds ?? 0);
    const adjustments = [];
    for (const a of alerts.filter((x) => x.suggestion)) {
        adjustments.push({
            target: a.alertname,
            change: 'raise threshold or lengthen for:',
            why: `${a.matched} of ${a.episodes} firings matched an incident (precision ${a.precision})`
        });
    }
    for (const m of matches.filter((x) => !x.detected)) {
        adjustments.push({
            target: m.incident.service ?? 'unknown service',
            change: 'add or lower an alert',
            why: `incident ${m.incident.id} (${m.incident.started_at}) raised no alert`
        });
    }
    for (const m of detected.filter((x) => (x.detection_seconds ?? 0) > 900)) {
        adjustments.push({
            target: m.first_alert ?? 'alert',
            change: 'shorten the alert window or add a faster burn-rate alert',
            why: `incident ${m.incident.id} was detected after ${m.detection_seconds} s`
        });
    }
    const fromRealData = args.sources.some((s) => s.kind === 'alerts' && s.status === 'ok') &&
        args.sources.some((s) => s.kind === 'incidents' && s.status === 'ok') &&
        args.sources.every((s) => s.status === 'ok');
    return {
        generated_at: args.now.toISOString(),
        lookback: args.lookback,
        sources: args.sources,
        from_real_data: fromRealData,
        alerts,
        incidents: matches,
        precision: episodes.length ? round(significant / episodes.length) : null,
        recall: incidents.length ? round(detected.length / incidents.length) : null,
        mean_detection_seconds: detections.length ? Math.round(detections.reduce((a, b) => a + b, 0) / detections.length) : null,
        adjustments,
        source: 'built-in'
    };
}
/** Incidents from a JSON file: an array of {id, service?, title?, started_at, resolved_at?}. */
function parseIncidents(data, file) {
    const list = Array.isArray(data) ? data : data?.incidents;
    if (!Array.isArray(list))
        throw new Error(`${file}: expected an array of incidents (or {incidents: [...]})`);
    return list.map((raw, i) => {
        const r = raw;
        const started = r.started_at ?? r.startedAt ?? r.created_at;
        if (typeof started !== 'string' || Number.isNaN(Date.parse(started))) {
            throw new Error(`${file} at /${i}/started_at: expected an ISO 8601 time, found ${JSON.stringify(started)}`);
        }
        const resolved = r.resolved_at ?? r.resolvedAt;
        return {
            id: String(r.id ?? i + 1),
            service: typeof r.service === 'string' ? r.service : undefined,
            title: typeof r.title === 'string' ? r.title : undefined,
            started_at: new Date(started).toISOString(),
            resolved_at: typeof resolved === 'string' && !Number.isNaN(Date.parse(resolved)) ? new Date(resolved).toISOString() : undefined,
            source: file
        };
    });
}

;// CONCATENATED MODULE: ./src/assurance/backtest/evaluate.ts


const iso = (sec) => new Date(Math.round(sec * 1000)).toISOString();
const sec = (isoText) => Date.parse(isoText) / 1000;
const evaluate_round = (n, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;
const sig = (n, d = 6) => (n === 0 || !Number.isFinite(n) ? n : Number(n.toPrecision(d)));
function toGrid(input) {
    const n = Math.floor((input.to - input.from) / input.stepSeconds + 1e-9) + 1;
    return input.series.map((s) => {
        const values = new Float64Array(n).fill(Number.NaN);
        for (const [t, v] of s.values) {
            const i = Math.round((t - input.from) / input.stepSeconds);
            if (i >= 0 && i < n)
                values[i] = input.mode === 'presence' ? 1 : v;
        }
        const service = s.labels[input.serviceLabel] ?? input.ruleLabels[input.serviceLabel] ?? null;
        return { labels: s.labels, service, values };
    });
}
const isActive = (v, inclusive, m = 1) => (Number.isNaN(v) ? false : inclusive ? v >= m : v > m);
/** Firing intervals of one series, as Prometheus evaluates `for` and `keep_firing_for`. */
function firingIntervals(values, from, step, forSeconds, keepSeconds, inclusive) {
    const out = [];
    let activeSince = null;
    let keepSince = null;
    let firingStart = null;
    for (let i = 0; i < values.length; i++) {
        const t = from + i * step;
        const active = isActive(values[i], inclusive);
        let firing = false;
        if (active) {
            keepSince = null;
            if (activeSince === null)
                activeSince = t;
            firing = firingStart !== null || t - activeSince >= forSeconds - 1e-9;
        }
        else if (firingStart !== null && keepSeconds > 0) {
            if (keepSince === null)
                keepSince = t;
            firing = t - keepSince < keepSeconds;
            if (!firing)
                activeSince = null;
        }
        else {
            activeSince = null;
        }
        if (firing && firingStart === null)
            firingStart = t;
        if (!firing && firingStart !== null) {
            out.push({ start: firingStart, end: t, open: false });
            firingStart = null;
            activeSince = active ? activeSince : null;
        }
    }
    if (firingStart !== null)
        out.push({ start: firingStart, end: from + (values.length - 1) * step, open: true });
    return out;
}
/** The value held for `for`: the smallest of the k consecutive evaluations ending at each step. */
function sustained(values, step, forSeconds) {
    const k = forSeconds > 0 ? Math.ceil(forSeconds / step - 1e-9) + 1 : 1;
    const out = new Float64Array(values.length).fill(Number.NaN);
    for (let i = k - 1; i < values.length; i++) {
        let m = Number.POSITIVE_INFINITY;
        for (let j = i - k + 1; j <= i && !Number.isNaN(m); j++)
            m = Number.isNaN(values[j]) ? Number.NaN : Math.min(m, values[j]);
        out[i] = m;
    }
    return out;
}
function incidentWindow(i) {
    const start = sec(i.started_at);
    return { start: start - EARLY_ALERT_SECONDS, end: i.resolved_at ? sec(i.resolved_at) : start + OPEN_INCIDENT_SECONDS };
}
const inScope = (incident, service) => !incident.service || !service || incident.service === service;
/** Largest (lowering) or smallest (raising) short number within [lo, hi) (or (lo, hi] when inclusive). */
function pickValue(lo, hi, lowering, inclusive) {
    // A margin keeps the proposal off values seen in the data, where rounding would decide.
    const okLo = (v) => (inclusive ? v > lo * (1 + 1e-9) : v >= lo * (1 + 1e-9));
    const okHi = (v) => (inclusive ? v <= hi * (1 - 1e-9) : v < hi * (1 - 1e-9));
    for (const digits of [2, 3, 4]) {
        // Just inside the bound, so that a bound of exactly 10 gives 9.9 and not 9, however it rounded.
        const ref = lowering ? hi * (1 - 1e-9) : lo * (1 + 1e-9);
        if (!(ref > 0))
            break;
        const unit = 10 ** (Math.floor(Math.log10(ref)) - digits + 1);
        let v = lowering ? Math.floor((ref / unit) * (1 + 1e-12)) * unit : Math.ceil((ref / unit) * (1 - 1e-12)) * unit;
        v = sig(v, digits + 1);
        if (lowering && !okHi(v))
            v = sig(v - unit, digits + 1);
        if (!lowering && !okLo(v))
            v = sig(v + unit, digits + 1);
        if (v > 0 && okLo(v) && okHi(v))
            return v;
    }
    return sig((lo + hi) / 2);
}
/** Evaluate one rule's range-query answer against the incidents. */
function evaluateRule(input) {
    const grid = toGrid(input);
    const step = input.stepSeconds;
    const covered = (i) => sec(i.started_at) >= input.from && sec(i.started_at) <= input.to;
    // Which incidents the rule answers for: those of the services it has series for, else of its labels/matchers.
    const seriesServices = new Set(grid.map((g) => g.service));
    const scoped = input.incidents.filter((inc) => {
        if (grid.length)
            return [...seriesServices].some((s) => inScope(inc, s));
        return input.ruleServices.length === 0 || !inc.service || input.ruleServices.includes(inc.service);
    });
    const intervals = [];
    // A sample of a condition is its firing: the 1 put for it is active, as a signal of exactly 1 is when inclusive.
    const inclusive = input.mode === 'presence' || input.inclusive;
    for (const g of grid) {
        for (const f of firingIntervals(g.values, input.from, step, input.forSeconds, input.keepFiringForSeconds, inclusive)) {
            const matched = scoped.filter((inc) => {
                if (!inScope(inc, g.service) || !covered(inc))
                    return false;
                const w = incidentWindow(inc);
                return f.start <= w.end && f.end > w.start;
            });
            intervals.push({
                service: g.service,
                labels: g.labels,
                start: iso(f.start),
                end: iso(f.end),
                open: f.open,
                incidents: matched.map((m) => m.id),
                s: f.start,
                e: f.end
            });
        }
    }
    intervals.sort((a, b) => a.s - b.s || (0,order/* byText */.z)(a.service ?? '', b.service ?? ''));
    const signal = input.mode === 'signal';
    const held = signal ? grid.map((g) => sustained(g.values, step, input.forSeconds)) : [];
    const primary = input.factors.length ? Math.max(...input.factors) : null;
    const peakIn = (inc) => {
        const w = incidentWindow(inc);
        let best = null;
        grid.forEach((g, gi) => {
            if (!inScope(inc, g.service))
                return;
            const h = held[gi];
            // Only the steps inside the window: the cost is the window's length, not the lookback's.
            const [lo, hi] = [
                Math.max(0, Math.ceil((w.start - input.from) / step - 1e-9)),
                Math.min(h.length - 1, Math.floor((w.end - input.from) / step + 1e-9))
            ];
            for (let i = lo; i <= hi; i++) {
                if (Number.isNaN(h[i]))
                    continue;
                if (!best || h[i] > best.signal)
                    best = { signal: h[i], at: input.from + i * step };
            }
        });
        return best;
    };
    const outcomes = scoped.map((inc) => {
        const base = {
            id: inc.id,
            service: inc.service ?? null,
            started_at: inc.started_at,
            resolved_at: inc.resolved_at ?? null,
            source: inc.source
        };
        if (!covered(inc))
            return { ...base, status: 'outside_data', detection_seconds: null, reset_seconds: null };
        const hits = intervals.filter((f) => f.incidents.includes(inc.id));
        const p = signal ? peakIn(inc) : undefined;
        const peak = p === undefined
            ? {}
            : { peak: p ? { signal: sig(p.signal), factor: primary !== null ? sig(p.signal * primary) : null, at: iso(p.at) } : null };
        if (hits.length === 0)
            return { ...base, status: 'missed', detection_seconds: null, reset_seconds: null, ...peak };
        const last = hits.reduce((a, b) => (b.e > a.e ? b : a));
        return {
            ...base,
            status: 'detected',
            detection_seconds: Math.round(hits[0].s - sec(inc.started_at)),
            reset_seconds: inc.resolved_at && !last.open ? Math.round(last.e - sec(inc.resolved_at)) : null,
            ...peak
        };
    });
    const tp = intervals.filter((f) => f.incidents.length > 0).length;
    const fp = intervals.length - tp;
    const judged = outcomes.filter((o) => o.status !== 'outside_data');
    const detected = judged.filter((o) => o.status === 'detected');
    const mean = (xs) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
    let proposal = null;
    if (signal && judged.length && (fp > 0 || detected.length < judged.length)) {
        proposal = propose({
            grid,
            held,
            step,
            from: input.from,
            scoped,
            judged,
            peakIn,
            fp,
            inclusive: input.inclusive,
            factors: input.factors,
            thresholds: input.thresholds,
            tailSeconds: input.resetTailSeconds
        });
    }
    return {
        intervals: intervals.map(({ s: _s, e: _e, ...f }) => f),
        true_positives: tp,
        false_positives: fp,
        missed: judged.length - detected.length,
        precision: intervals.length ? evaluate_round(tp / intervals.length) : null,
        recall: judged.length ? evaluate_round(detected.length / judged.length) : null,
        mean_detection_seconds: mean(detected.map((o) => o.detection_seconds)),
        mean_reset_seconds: mean(detected.flatMap((o) => (o.reset_seconds === null ? [] : [o.reset_seconds]))),
        incidents: outcomes,
        proposal
    };
}
/**
 * Levels at which a rule would fire outside every incident (a false positive). A sample held at
 * h outside the incidents fires at any level m < h. Within an incident's reset tail (`inTail`)
 * that firing belongs to the incident when the run of samples above m reaches back into the
 * incident's window, i.e. when m is below the run's bottleneck b: there only [b, h) is a false
 * positive. Elsewhere every level below h is.
 */
function falsePositiveLevels(held, inWindow, inTail) {
    const n = held.length;
    const v = (i) => (Number.isNaN(held[i]) ? Number.NEGATIVE_INFINITY : held[i]);
    const left = new Float64Array(n);
    const right = new Float64Array(n);
    for (let i = 0; i < n; i++)
        left[i] = inWindow[i] ? v(i) : Math.min(v(i), i > 0 ? left[i - 1] : Number.NEGATIVE_INFINITY);
    for (let i = n - 1; i >= 0; i--)
        right[i] = inWindow[i] ? v(i) : Math.min(v(i), i < n - 1 ? right[i + 1] : Number.NEGATIVE_INFINITY);
    const out = [];
    for (let i = 0; i < n; i++) {
        if (inWindow[i] || Number.isNaN(held[i]))
            continue;
        const b = inTail[i] ? Math.max(0, left[i], right[i]) : 0;
        if (b < held[i])
            out.push({ from: b, to: held[i], at: i });
    }
    return out;
}
function propose(a) {
    // Levels (multiples of the current thresholds) at which a firing outside the incidents occurs.
    const bad = [];
    a.grid.forEach((g, gi) => {
        const windows = a.scoped.filter((inc) => inScope(inc, g.service)).map(incidentWindow);
        const inWindow = new Array(g.values.length).fill(false);
        const inTail = new Array(g.values.length).fill(false);
        const mark = (flags, from, to, openStart) => {
            const first = Math.max(0, openStart ? Math.floor((from - a.from) / a.step + 1e-9) + 1 : Math.ceil((from - a.from) / a.step - 1e-9));
            const last = Math.min(flags.length - 1, Math.floor((to - a.from) / a.step + 1e-9));
            for (let i = first; i <= last; i++)
                flags[i] = true;
        };
        for (const w of windows) {
            mark(inWindow, w.start, w.end, false);
            mark(inTail, w.end, w.end + a.tailSeconds, true);
        }
        for (let i = 0; i < inTail.length; i++)
            if (inWindow[i])
                inTail[i] = false;
        for (const b of falsePositiveLevels(a.held[gi], inWindow, inTail))
            bad.push({ ...b, at: a.from + b.at * a.step });
    });
    bad.sort((x, y) => x.from - y.from);
    const merged = [];
    for (const b of bad) {
        const last = merged[merged.length - 1];
        if (last && b.from <= last.to) {
            if (b.to > last.to)
                Object.assign(last, { to: b.to, at: b.at });
        }
        else
            merged.push({ ...b });
    }
    // The allowed levels just below `below` (lowering), or from the current level up (raising).
    const rangeBelow = (below) => {
        let hi = below;
        for (const m of [...merged].reverse())
            if (m.from < hi && m.to >= hi)
                hi = m.from;
        const under = merged.filter((m) => m.to <= hi);
        const top = under.reduce((x, m) => (!x || m.to > x.to ? m : x), null);
        return { lo: top?.to ?? 0, hi, at: top?.at ?? null };
    };
    const rangeAbove = (current, cap) => {
        let lo = current;
        let at = null;
        for (const m of merged)
            if (m.from <= lo && m.to > lo)
                [lo, at] = [m.to, m.at];
        const next = merged.find((m) => m.from > lo);
        return { lo, hi: Math.min(cap, next ? next.from : Number.POSITIVE_INFINITY), at };
    };
    const peaks = a.judged.map((o) => ({ o, p: a.peakIn(a.scoped.find((x) => x.id === o.id)) }));
    const missed = peaks.filter((x) => x.o.status === 'missed' && x.p && x.p.signal > 0).sort((x, y) => y.p.signal - x.p.signal);
    let range;
    let lowering = false;
    // Catch as many missed incidents as the false-positive levels allow, highest peaks first.
    for (let j = missed.length - 1; j >= 0 && !range; j--) {
        const r = rangeBelow(missed[j].p.signal);
        if (r.hi > r.lo && r.hi > 0)
            [range, lowering] = [r, true];
    }
    if (!range && a.fp > 0) {
        const caught = peaks.filter((x) => x.o.status === 'detected' && x.p).map((x) => x.p.signal);
        const r = rangeAbove(1, caught.length ? Math.min(...caught) : Number.POSITIVE_INFINITY);
        if (r.hi > r.lo && Number.isFinite(r.hi))
            range = r;
    }
    if (!range)
        return null;
    const primary = a.factors.length ? Math.max(...a.factors) : null;
    const unit = primary ?? Math.max(...a.thresholds);
    if (!(unit > 0))
        return null;
    const value = pickValue(range.lo * unit, range.hi * unit, lowering, a.inclusive);
    const m = value / unit;
    const what = primary !== null ? 'factor' : 'threshold';
    const cur = primary !== null ? a.factors.map((f) => sig(f)) : a.thresholds.map((x) => sig(x));
    const next = primary !== null ? a.factors.map((f) => sig(f * m, 4)) : a.thresholds.map((x) => sig(x * m, 4));
    const caught = (s) => (a.inclusive ? s >= m : s > m);
    const uncaught = peaks.filter((x) => x.o.status === 'missed' && !(x.p && caught(x.p.signal)));
    const newlyCaught = peaks.filter((x) => x.o.status === 'missed' && x.p && caught(x.p.signal));
    const why = [
        lowering
            ? `${newlyCaught.map((x) => `${x.o.id} held ${sig(x.p.signal * unit, 4)}`).join(', ')} (${what}) for the rule's for duration without firing; outside the incidents it held at most ${sig(range.lo * unit, 4)}`
            : `${a.fp} firing(s) outside any incident held up to ${sig(range.lo * unit, 4)} (${what}); the incidents caught held at least ${Number.isFinite(range.hi) ? sig(range.hi * unit, 4) : 'n/a'}`,
        uncaught.length
            ? `not catchable without false positives: ${uncaught.map((x) => `${x.o.id} (peak ${x.p ? sig(x.p.signal * unit, 4) : 'no data'})`).join(', ')}`
            : ''
    ]
        .filter(Boolean)
        .join('; ');
    return {
        change: `${what} ${cur.join(', ')} to ${next.join(', ')}`,
        why,
        current_factors: a.factors.map((f) => sig(f)),
        proposed_factors: primary !== null ? a.factors.map((f) => sig(f * m, 4)) : [],
        threshold_multiplier: sig(m),
        current_thresholds: a.thresholds.map((x) => sig(x)),
        proposed_thresholds: a.thresholds.map((x) => sig(x * m)),
        peak_outside: {
            signal: sig(range.lo),
            factor: primary !== null ? sig(range.lo * primary) : null,
            at: range.at === null ? null : iso(range.at)
        },
        incidents: peaks
            .filter((x) => x.p)
            .map((x) => ({
            id: x.o.id,
            peak_signal: sig(x.p.signal),
            peak_factor: primary !== null ? sig(x.p.signal * primary) : null,
            at: iso(x.p.at),
            caught_by_proposal: caught(x.p.signal)
        }))
    };
}
function merge(spans) {
    const s = [...spans].sort((a, b) => a.start - b.start);
    const out = [];
    for (const x of s) {
        const last = out[out.length - 1];
        if (last && x.start <= last.end)
            last.end = Math.max(last.end, x.end);
        else
            out.push({ ...x });
    }
    return out;
}
const total = (spans) => spans.reduce((a, b) => a + (b.end - b.start), 0);
function intersect(a, b) {
    let sum = 0;
    for (const x of a)
        for (const y of b)
            sum += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
    return sum;
}
/**
 * Firing spans from `count_over_time(ALERTS{alertstate="firing"}[step])`: runs of consecutive
 * steps (each point is a step with a sample of its own).
 */
function historySpans(series, step) {
    const spans = [];
    for (const s of series) {
        let start;
        let last;
        for (const [t, count] of s.values) {
            if (!(count > 0))
                continue;
            if (last !== undefined && t - last > step * 1.5) {
                spans.push({ start: start, end: last + step });
                start = undefined;
            }
            if (start === undefined)
                start = t;
            last = t;
        }
        if (start !== undefined && last !== undefined)
            spans.push({ start, end: last + step });
    }
    return merge(spans);
}
/**
 * The backtest against what ALERTS recorded over the same window. Each side is widened by
 * `slack` seconds when measuring the shared time, so that evaluation times that differ by a
 * step or two still agree.
 */
function compareWithHistory(args) {
    const clip = (s) => s.map((x) => ({ start: Math.max(x.start, args.from), end: Math.min(x.end, args.to) })).filter((x) => x.end > x.start);
    const b = clip(merge(args.backtest.map((x) => ({ start: sec(x.start), end: sec(x.end) }))));
    const h = clip(args.history);
    const widen = (s) => merge(s.map((x) => ({ start: x.start - args.slack, end: x.end + args.slack })));
    const B = total(b);
    const H = total(h);
    const agreement = B + H === 0 ? 1 : evaluate_round((intersect(b, widen(h)) + intersect(h, widen(b))) / (B + H));
    const base = { fired_seconds: Math.round(H), backtest_seconds: Math.round(B), agreement };
    if (agreement >= 0.8)
        return {
            status: 'agrees',
            ...base,
            detail: B + H === 0 ? 'neither ALERTS nor the backtest fired' : `${Math.round(agreement * 100)}% of the firing time is shared`
        };
    const why = args.loaded === false ? 'the rule is not loaded by the rules backend' : 'the rule was changed, or loaded, during the lookback';
    const detail = H === 0
        ? `the backtest fires for ${Math.round(B)} s but ALERTS shows no firing of ${args.name}: ${why}`
        : B === 0
            ? `ALERTS shows ${args.name} firing for ${Math.round(H)} s where the backtest never fires: the rule that fired differs from the one in force (changed during the lookback)`
            : `ALERTS shows ${Math.round(H)} s of firing, the backtest ${Math.round(B)} s, ${Math.round(agreement * 100)}% shared: ${why}`;
    return { status: 'disagrees', ...base, detail };
}

;// CONCATENATED MODULE: ./src/assurance/backtest/promql.ts
/**
 * The PromQL the backtest needs, on the Prometheus team's grammar (@prometheus-io/lezer-promql):
 * the selectors an expression reads, a rule's condition turned into a "burn signal" whose value
 * says how far above its threshold the condition stands, and recording rules expanded inline.
 */

class PromqlSyntaxError extends Error {
}
/** The tree of an expression, from the one cached parse (alerting/slo/promql.ts). */
function parseTree(expr) {
    const { tree, syntaxErrorAt: bad } = (0,promql/* lezerParse */.Eq)(expr);
    if (bad !== undefined)
        throw new PromqlSyntaxError(`PromQL syntax error at character ${bad + 1}: ${JSON.stringify(expr.slice(Math.max(0, bad - 10), bad + 10))}`);
    return tree.topNode;
}
function parseSource(expr) {
    const read = (0,promql/* templateParse */.Ym)(expr);
    if (read && read.parsed.syntaxErrorAt === undefined)
        return { expr, top: read.parsed.tree.topNode, at: read.at };
    return { expr, top: parseTree(expr), at: (p) => p };
}
const promql_text = (src, n) => src.expr.slice(src.at(n.from), src.at(n.to));
function unquote(s) {
    if (s.startsWith('`'))
        return s.slice(1, -1);
    try {
        return JSON.parse(s.startsWith("'") ? `"${s.slice(1, -1).replace(/"/g, '\\"')}"` : s);
    }
    catch {
        return s.slice(1, -1);
    }
}
function children(n) {
    const out = [];
    for (let c = n.firstChild; c; c = c.nextSibling)
        out.push(c);
    return out;
}
function readSelector(expr, n) {
    const sel = { matchers: [], from: expr.at(n.from), to: expr.at(n.to) };
    const id = n.getChild('Identifier');
    if (id)
        sel.name = promql_text(expr, id);
    const list = n.getChild('LabelMatchers');
    for (const m of list ? children(list) : []) {
        const label = m.getChild('LabelName') ?? m.getChild('QuotedLabelName');
        const op = m.getChild('MatchOp');
        const value = m.getChild('StringLiteral');
        if (!op || !value) {
            // A bare quoted metric name: {"metric.name"}.
            const q = m.getChild('QuotedLabelName') ?? m.getChild('StringLiteral');
            if (q && !op)
                sel.name = unquote(promql_text(expr, q));
            continue;
        }
        const name = label ? (label.name === 'QuotedLabelName' ? unquote(promql_text(expr, label)) : promql_text(expr, label)) : '';
        const v = unquote(promql_text(expr, value));
        const o = promql_text(expr, op);
        if (name === '__name__' && o === '=')
            sel.name = v;
        else
            sel.matchers.push({ label: name, op: o, value: v });
    }
    return sel;
}
/** Every vector selector in the expression (also those inside range selectors and subqueries). */
function selectors(expr) {
    const src = parseSource(expr);
    const out = [];
    const walk = (n) => {
        if (n.name === 'VectorSelector') {
            out.push(readSelector(src, n));
            return;
        }
        for (const c of children(n))
            walk(c);
    };
    walk(src.top);
    return out;
}
/**
 * The expression in a canonical spelling: tokens from the syntax tree, matchers sorted. The rules
 * API prints an expression its own way (spacing, matcher order), so texts are compared this way.
 */
function canonical(expr) {
    // Read from the expression's template: rules that differ only in label values, as a fleet's and
    // Sloth's do, share one parse.
    let src;
    try {
        src = parseSource(expr);
    }
    catch {
        return expr.replace(/\s+/g, ' ').trim();
    }
    const walk = (n) => {
        const cs = children(n);
        if (cs.length === 0)
            return promql_text(src, n);
        const parts = cs.map(walk);
        if (n.name === 'LabelMatchers')
            parts.sort();
        return parts.join(' ');
    };
    return walk(src.top);
}
const namesOfSelectors = (sels) => [...new Set(sels.flatMap((s) => (s.name ? [s.name] : [])))];
/** Names read by each template; null where a name is spelled as a string, so depends on the literals. */
const namesByTemplate = new Map();
/**
 * Metric names the expression reads. Read from its template (string literals emptied), so the
 * thousands of rules that differ only in label values are parsed once; a name written as a string
 * (`{__name__="x"}`, `{"x"}`) is read from the expression itself.
 */
function metricNames(expr) {
    const t = (0,promql/* template */.vs)(expr);
    if (t) {
        let names = namesByTemplate.get(t.text);
        if (names === undefined) {
            let sels;
            try {
                sels = selectors(t.text);
            }
            catch {
                // The expression's own parse says where the syntax error is.
            }
            names = sels && sels.every((x) => x.name !== '') ? namesOfSelectors(sels) : null;
            if (namesByTemplate.size > 20_000)
                namesByTemplate.clear();
            namesByTemplate.set(t.text, names);
        }
        if (names)
            return names;
    }
    return namesOfSelectors(selectors(expr));
}
function matcherHolds(m, value) {
    const v = value ?? '';
    switch (m.op) {
        case '=':
            return v === m.value;
        case '!=':
            return v !== m.value;
        case '=~':
            return safeRegex(m.value)?.test(v) ?? true;
        case '!~':
            return !(safeRegex(m.value)?.test(v) ?? false);
    }
}
function safeRegex(re) {
    try {
        return new RegExp(`^(?:${re})$`);
    }
    catch {
        return undefined;
    }
}
/** The value of a constant expression: numbers, + - * / and parentheses. Undefined when not constant. */
function constantValue(expr, n) {
    switch (n.name) {
        case 'NumberDurationLiteral': {
            const v = Number(promql_text(expr, n));
            return Number.isFinite(v) ? v : undefined;
        }
        case 'ParenExpr': {
            const inner = children(n).find((c) => c.name !== '(' && c.name !== ')');
            return inner ? constantValue(expr, inner) : undefined;
        }
        case 'UnaryExpr': {
            const cs = children(n);
            const v = cs.length === 2 ? constantValue(expr, cs[1]) : undefined;
            return v === undefined ? undefined : promql_text(expr, cs[0]) === '-' ? -v : v;
        }
        case 'BinaryExpr': {
            const cs = children(n);
            if (cs.length !== 3)
                return undefined;
            const a = constantValue(expr, cs[0]);
            const b = constantValue(expr, cs[2]);
            if (a === undefined || b === undefined)
                return undefined;
            switch (cs[1].name) {
                case 'Mul':
                    return a * b;
                case 'Div':
                    return a / b;
                case 'Add':
                    return a + b;
                case 'Sub':
                    return a - b;
            }
            return undefined;
        }
    }
    return undefined;
}
function burnSignal(source) {
    let expr;
    try {
        expr = parseSource(source);
    }
    catch (err) {
        return { reason: err.message };
    }
    const comparisons = [];
    const signal = (n) => {
        if (n.name === 'PromQL')
            return signal(n.firstChild);
        if (n.name === 'ParenExpr') {
            const inner = children(n).find((c) => c.name !== '(' && c.name !== ')');
            return inner ? signal(inner) : { reason: 'empty parentheses' };
        }
        if (n.name === 'AggregateExpr') {
            // max(E > c) is there exactly when max(E / c) > 1 (Sloth's form); other aggregations differ.
            const op = n.getChild('AggregateOp');
            const body = n.getChild('FunctionCallBody');
            const args = body ? children(body) : [];
            if (!op?.getChild('Max') || args.length !== 1)
                return { reason: `the condition is a ${op ? promql_text(expr, op) : 'an'} aggregation; only max() of a comparison has a burn signal` };
            const inner = signal(args[0]);
            if (typeof inner !== 'string')
                return inner;
            return `${source.slice(expr.at(n.from), expr.at(args[0].from))}(${inner})${source.slice(expr.at(args[0].to), expr.at(n.to))}`;
        }
        if (n.name !== 'BinaryExpr')
            return { reason: `the condition is a ${n.name}, not a comparison with a constant threshold` };
        const cs = children(n);
        const op = cs[1];
        if (cs.length !== 3)
            return { reason: `"${promql_text(expr, op)}" has matching or bool modifiers` };
        const [lhs, rhs] = [cs[0], cs[2]];
        if (op.name === 'And' || op.name === 'Or') {
            const a = signal(lhs);
            if (typeof a !== 'string')
                return a;
            const b = signal(rhs);
            if (typeof b !== 'string')
                return b;
            return op.name === 'And' ? `((${a}) <= (${b}) or (${b}) < (${a}))` : `((${a}) >= (${b}) or (${b}) > (${a}) or (${a}) or (${b}))`;
        }
        const name = op.name;
        let vector;
        let threshold;
        let cmp;
        if ((name === 'Gtr' || name === 'Gte') && constantValue(expr, rhs) !== undefined && constantValue(expr, lhs) === undefined) {
            ;
            [vector, threshold, cmp] = [lhs, rhs, name === 'Gtr' ? '>' : '>='];
        }
        else if ((name === 'Lss' || name === 'Lte') && constantValue(expr, lhs) !== undefined && constantValue(expr, rhs) === undefined) {
            ;
            [vector, threshold, cmp] = [rhs, lhs, name === 'Lss' ? '>' : '>='];
        }
        if (!vector || !threshold || !cmp)
            return { reason: `"${promql_text(expr, op)}" is not a vector compared with a constant threshold` };
        const c = constantValue(expr, threshold);
        if (!(c > 0))
            return { reason: `threshold ${promql_text(expr, threshold)} is not positive` };
        comparisons.push({ vector: promql_text(expr, vector), op: cmp, threshold: c, thresholdText: promql_text(expr, threshold) });
        return `(${promql_text(expr, vector)}) / ${c}`;
    };
    const s = signal(expr.top);
    if (typeof s !== 'string')
        return s;
    return { expr: s, comparisons, inclusive: comparisons.every((c) => c.op === '>=') };
}
const quote = (v) => JSON.stringify(v);
/** Add matchers to every selector of an expression that does not already match on the label. */
function pushMatchers(expr, matchers) {
    if (matchers.length === 0)
        return expr;
    const sels = selectors(expr).sort((a, b) => b.from - a.from);
    let out = expr;
    for (const s of sels) {
        const extra = matchers.filter((m) => !s.matchers.some((x) => x.label === m.label));
        if (extra.length === 0)
            continue;
        const plainName = s.name !== undefined && /^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(s.name);
        const all = [...(s.name && !plainName ? [{ label: '__name__', op: '=', value: s.name }] : []), ...s.matchers, ...extra];
        const rebuilt = `${plainName ? s.name : ''}{${all.map((m) => `${m.label}${m.op}${quote(m.value)}`).join(', ')}}`;
        out = out.slice(0, s.from) + rebuilt + out.slice(s.to);
    }
    return out;
}
function secondsText(s) {
    return Number.isInteger(s) ? `${s}s` : `${Math.round(s * 1000)}ms`;
}
/**
 * Replace each selector of a recording rule named in `expand` by the rule's own definition
 * (transitively), so that an alert can be evaluated over a past in which the recording rule did
 * not yet record. The rule's static labels are put back with label_replace; matchers on other
 * labels are pushed into the definition's selectors; `rec[1h]` becomes a subquery at the
 * recording rule's interval. A selector with offset or @ is left as is, and said so.
 */
function expandRecordings(expr, definitions, expand, expansions = [], depth = 0) {
    if (depth > 8)
        return { expr, expansions };
    // Most rules read no recording rule to expand: their names say so without a walk.
    if (!metricNames(expr).some((n) => definitions.has(n) && expand(n)))
        return { expr, expansions };
    const src = parseSource(expr);
    const edits = [];
    const note = (e) => {
        if (!expansions.some((x) => x.recording === e.recording && x.reason === e.reason))
            expansions.push(e);
    };
    const walk = (n) => {
        if (n.name === 'VectorSelector') {
            const sel = readSelector(src, n);
            if (!sel.name || !definitions.has(sel.name) || !expand(sel.name))
                return;
            const parent = n.parent;
            const matrix = parent?.name === 'MatrixSelector' ? parent : undefined;
            const outer = matrix ? matrix.parent : parent;
            if (outer?.name === 'OffsetExpr' || outer?.name === 'StepInvariantExpr' || outer?.name === 'AtModifierPreprocessors') {
                note({ recording: sel.name, inlined: false, reason: 'used with offset or @: left as recorded' });
                return;
            }
            const defs = definitions
                .get(sel.name)
                .filter((d) => sel.matchers.every((m) => d.labels[m.label] === undefined || matcherHolds(m, d.labels[m.label])));
            if (defs.length === 0) {
                note({ recording: sel.name, inlined: false, reason: 'no recording rule of that name has labels matching the selector' });
                return;
            }
            const parts = defs.map((d) => {
                const rest = sel.matchers.filter((m) => d.labels[m.label] === undefined);
                let body = expandRecordings(pushMatchers(d.expr, rest), definitions, expand, expansions, depth + 1).expr;
                for (const [k, v] of Object.entries(d.labels))
                    body = `label_replace(${body}, ${quote(k)}, ${quote(v)}, "", "")`;
                return { body, interval: d.intervalSeconds };
            });
            const joined = parts.length === 1 ? parts[0].body : parts.map((p) => `(${p.body})`).join(' or ');
            if (matrix) {
                const range = matrix.getChild('DurationExpr');
                const step = Math.min(...parts.map((p) => p.interval));
                edits.push({
                    from: src.at(matrix.from),
                    to: src.at(matrix.to),
                    text: `(${joined})[${range ? promql_text(src, range) : '5m'}:${secondsText(step)}]`
                });
            }
            else {
                edits.push({ from: src.at(n.from), to: src.at(n.to), text: `(${joined})` });
            }
            note({
                recording: sel.name,
                inlined: true,
                reason: `expanded from its definition${defs.length > 1 ? ` (${defs.length} rules)` : ''}`
            });
            return;
        }
        for (const c of children(n))
            walk(c);
    };
    walk(src.top);
    let out = expr;
    for (const e of edits.sort((a, b) => b.from - a.from))
        out = out.slice(0, e.from) + e.text + out.slice(e.to);
    return { expr: out, expansions };
}
/**
 * The selector of a rule that is exactly `absent(selector)`, as written; undefined for anything
 * else. Such a rule fires at the steps where the selector has no sample, which a count of the
 * selector answers for a whole fleet's copies at once.
 */
function absentOf(expr) {
    let src;
    try {
        src = parseSource(expr);
    }
    catch {
        return undefined;
    }
    const call = src.top.firstChild;
    if (call?.name !== 'FunctionCall' || call.nextSibling || !call.getChild('FunctionIdentifier')?.getChild('Absent'))
        return undefined;
    const body = call.getChild('FunctionCallBody');
    const args = body ? children(body).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',') : [];
    if (args.length !== 1 || args[0].name !== 'VectorSelector')
        return undefined;
    const sel = readSelector(src, args[0]);
    // absent() answers with the labels of the selector's equality matchers.
    const labels = {};
    for (const m of sel.matchers)
        if (m.op === '=' && m.label !== '__name__')
            labels[m.label] = m.value;
    return { selector: expr.slice(sel.from, sel.to), labels };
}
/** Values a label is matched to with `=` anywhere in the expression. */
function equalityValues(expr, label) {
    return [...new Set(selectors(expr).flatMap((s) => s.matchers.filter((m) => m.label === label && m.op === '=').map((m) => m.value)))];
}

// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(73382);
// EXTERNAL MODULE: ./src/alerting/slo/rule-file.ts
var rule_file = __webpack_require__(54518);
;// CONCATENATED MODULE: ./src/assurance/backtest/rules.ts
/**
 * The rules in force, with what evaluating them over the past needs: the group's evaluation
 * interval, `for` and `keep_firing_for`. From the rules backend's /api/v1/rules and the
 * configured rule files.
 */







/** Prometheus's default `evaluation_interval`, used for a rule file group without `interval`. */
const DEFAULT_INTERVAL_SECONDS = 60;
function labelsOf(v) {
    const out = {};
    if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v))
            if (x !== undefined && x !== null)
                out[k] = String(x);
    return out;
}
function seconds(v, where) {
    if (v === undefined || v === null || v === '')
        return 0;
    if (typeof v === 'number')
        return v;
    try {
        return (0,duration/* durationSeconds */.o8)(String(v));
    }
    catch {
        throw new Error(`${where}: expected a duration such as 5m, found ${JSON.stringify(v)}`);
    }
}
/** Rules of the groups from /api/v1/rules (interval and `for` in seconds there). */
function rulesFromApi(groups, source) {
    const out = [];
    for (const g of groups) {
        const interval = typeof g.interval === 'number' && g.interval > 0 ? g.interval : DEFAULT_INTERVAL_SECONDS;
        for (const r of g.rules ?? []) {
            if (typeof r.name !== 'string' || typeof r.query !== 'string')
                continue;
            if (r.type !== 'alerting' && r.type !== 'recording')
                continue;
            out.push({
                type: r.type,
                name: r.name,
                expr: r.query,
                labels: labelsOf(r.labels),
                group: String(g.name ?? ''),
                intervalSeconds: interval,
                forSeconds: typeof r.duration === 'number' ? r.duration : 0,
                keepFiringForSeconds: typeof r.keepFiringFor === 'number' ? r.keepFiringFor : 0,
                source
            });
        }
    }
    return out;
}
/** Rules of a Prometheus rule file (`groups[].rules[]`). */
function rulesFromFile(text, source) {
    const groups = (0,rule_file/* ruleFileGroups */.fp)(text, source);
    const out = [];
    groups.forEach((g, gi) => {
        const interval = g?.interval !== undefined ? seconds(g.interval, `${source} groups[${gi}].interval`) : DEFAULT_INTERVAL_SECONDS;
        const rules = Array.isArray(g?.rules) ? g.rules : [];
        rules.forEach((r, ri) => {
            if (typeof r?.expr !== 'string' && typeof r?.expr !== 'number')
                return;
            const where = `${source} groups[${gi}].rules[${ri}]`;
            const base = { expr: String(r.expr), labels: labelsOf(r.labels), group: String(g?.name ?? ''), intervalSeconds: interval, source };
            if (typeof r.alert === 'string') {
                out.push({
                    ...base,
                    type: 'alerting',
                    name: r.alert,
                    forSeconds: seconds(r.for, `${where}.for`),
                    keepFiringForSeconds: seconds(r.keep_firing_for, `${where}.keep_firing_for`)
                });
            }
            else if (typeof r.record === 'string') {
                out.push({ ...base, type: 'recording', name: r.record, forSeconds: 0, keepFiringForSeconds: 0 });
            }
        });
    });
    return out;
}
async function rulesFromFiles(patterns, workspace) {
    const files = [];
    for (const p of patterns) {
        if ((0,dist.isDynamicPattern)(p))
            files.push(...(await (0,dist.glob)(p, { cwd: workspace, absolute: true, onlyFiles: true })).sort());
        else
            files.push((0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.join)(workspace, p));
    }
    const rules = [];
    const sources = [];
    if (patterns.length && files.length === 0)
        sources.push({ source: patterns.join(', '), status: 'error', detail: 'no file matches alerting.rule-files', rules: 0 });
    for (const abs of [...new Set(files)]) {
        const shown = (0,external_node_path_.relative)(workspace, abs) || abs;
        try {
            const found = rulesFromFile(await (0,promises_.readFile)(abs, 'utf8'), shown);
            rules.push(...found);
            sources.push({ source: shown, status: 'ok', detail: `${found.length} rule(s)`, rules: found.length });
        }
        catch (err) {
            const code = err.code;
            sources.push({ source: shown, status: 'error', detail: code === 'ENOENT' ? 'no such rule file' : (0,errors/* errorText */.kc)(err), rules: 0 });
        }
    }
    return { rules, sources };
}
/**
 * One entry per distinct alert rule (name, expression, labels): the loaded version first.
 * `loaded` is null when no rules backend was read, so nothing can be said about it.
 */
function alertsInForce(api, files) {
    const key = (r) => JSON.stringify([r.name, canonical(r.expr), Object.entries(r.labels).sort()]);
    const out = new Map();
    // Each rule's key once, and the loaded rules indexed: no scan of the API's rules per rule.
    const keys = new Map();
    const keyOf = (r) => {
        let k = keys.get(r);
        if (k === undefined)
            keys.set(r, (k = key(r)));
        return k;
    };
    const loadedKeys = new Set((api ?? []).map(keyOf));
    const loadedNames = new Set((api ?? []).filter((x) => x.type === 'alerting').map((x) => x.name));
    for (const r of [...(api ?? []), ...files].filter((x) => x.type === 'alerting')) {
        const k = keyOf(r);
        const seen = out.get(k);
        if (seen) {
            if (seen.source !== r.source && !seen.also_in.includes(r.source))
                seen.also_in.push(r.source);
            continue;
        }
        const loaded = api === undefined ? null : loadedKeys.has(k);
        const entry = { ...r, loaded, also_in: [] };
        if (api && !loaded) {
            const same = loadedNames.has(r.name);
            entry.differs = same
                ? `the loaded rule ${r.name} has a different expression or labels than ${r.source}`
                : `no rule ${r.name} is loaded by the rules backend`;
        }
        out.set(k, entry);
    }
    return [...out.values()];
}

// EXTERNAL MODULE: ./src/artifacts/files.ts
var files = __webpack_require__(86404);
;// CONCATENATED MODULE: ./src/assurance/backtest/backtest.ts










const BACKTEST_FILE = files/* FILES */.cn.alertBacktest;
/** Prometheus refuses a range query of more than 11000 points per series. */
const MAX_POINTS = 11000;
/** Rules read at most, and rule queries made at most; the rest are listed as not evaluated. */
const MAX_RULES = 5000;
const MAX_RULE_QUERIES = 1000;
/** Rule queries in flight at once. */
const RULE_CONCURRENCY = 4;
/**
 * What fired, one point per step that holds a sample of its own: a step with none is the 5-minute
 * lookback repeating the last one (history without staleness markers, such as backfilled or
 * federated series), not a firing. `count_over_time` over the step reads each sample once, where
 * `timestamp()` is evaluated step by step (12.8 s against 0.9 s for 1,500 series over 7 days).
 * The range is a millisecond short of the step so that a sample on a step boundary counts once
 * on a backend whose ranges include their start (Prometheus 2).
 */
const historyQuery = (stepSeconds) => `count_over_time(ALERTS{alertstate="firing", synthetic!="true"}[${stepSeconds * 1000 - 1}ms])`;
const backtest_iso = (s) => new Date(Math.round(s * 1000)).toISOString();
function coverage(from, to, lookback) {
    const covered = from !== null && to !== null && to > from ? to - from : 0;
    return {
        from: from === null ? null : backtest_iso(from),
        to: to === null ? null : backtest_iso(to),
        covered_seconds: Math.round(covered),
        lookback_seconds: Math.round(lookback),
        fraction: lookback > 0 ? evaluate_round(covered / lookback) : 0
    };
}
function emptyBacktest(now, lookback, status, detail) {
    const seconds = (() => {
        try {
            return (0,duration/* durationSeconds */.o8)(lookback);
        }
        catch {
            return 0;
        }
    })();
    return {
        generated_at: now.toISOString(),
        lookback,
        from: new Date(now.getTime() - seconds * 1000).toISOString(),
        to: now.toISOString(),
        status,
        detail,
        rules_backend: null,
        rule_sources: [],
        incident_sources: [],
        data: { query: null, step_seconds: null, coverage: coverage(null, null, seconds), metrics: [] },
        history: { query: null, status: 'not_run', series: 0, detail },
        requests: { rules_api: 0, data_coverage: 0, alerts_history: 0, rule_queries: 0, label_values: 0, total: 0, rules_evaluated: 0 },
        rules: [],
        summary: {
            rules: 0,
            evaluated: 0,
            true_positives: 0,
            false_positives: 0,
            precision: null,
            incidents: 0,
            detected: 0,
            recall: null,
            mean_detection_seconds: null,
            disagreements: [],
            proposals: 0
        }
    };
}
/**
 * What `absent(selector)` answers over a range, from the selector's count over the same range:
 * 1 at each evaluation step where the count has no sample, with the selector's equality labels.
 */
function absentSteps(counted, from, to, step, labels) {
    const seen = new Set();
    for (const s of counted)
        for (const [t] of s.values)
            seen.add(Math.round((t - from) / step));
    const values = [];
    for (let k = 0; from + k * step <= to; k++)
        if (!seen.has(k))
            values.push([from + k * step, 1]);
    return values.length ? [{ labels: { ...labels }, values }] : [];
}
/** A step no finer than the interval, fitting Prometheus's point limit, as a multiple of the interval. */
function stepFor(interval, span) {
    const points = span / interval + 1;
    return points <= MAX_POINTS ? interval : Math.ceil(span / (MAX_POINTS - 1) / interval) * interval;
}
/** The longest range or subquery window in the expression (5m at least): how long a firing may outlast its cause. */
function longestRange(expr) {
    let longest = 300;
    for (const m of expr.matchAll(/\[\s*(\d+(?:\.\d+)?(?:ms|s|m|h|d|w))\s*(?::[^\]]*)?\]/g)) {
        try {
            longest = Math.max(longest, (0,duration/* durationSeconds */.o8)(m[1]));
        }
        catch {
            // A compound duration (1h30m): the 5m floor stands for it.
        }
    }
    return longest;
}
async function backtestAlerts(input) {
    const { ctx } = input;
    const cfg = ctx.config.alerting;
    const lookback = ctx.config.incidents.lookback;
    const lookbackSeconds = (0,duration/* durationSeconds */.o8)(lookback);
    const now = ctx.now();
    const end = Math.floor(now.getTime() / 1000);
    const start = end - lookbackSeconds;
    const result = emptyBacktest(now, lookback, 'not_run', '');
    result.from = backtest_iso(start);
    result.to = backtest_iso(end);
    // Read only where a rule is judged: the queries before that need no incident.
    let incidents = [];
    let incidentSources = [];
    const incidentsKnown = Promise.all([input.incidents, input.incidentSources]).then(([i, s]) => {
        incidents = i;
        incidentSources = s;
        result.incident_sources = s
            .filter((x) => x.kind === 'incidents')
            .map((x) => ({ name: x.name, status: x.status, detail: x.detail, count: x.count }));
    });
    // Awaited below; a failure there fails the backtest, never the process.
    incidentsKnown.catch(() => undefined);
    const requests = result.requests;
    const serviceLabel = ctx.model.serviceLabel;
    // ---- the rules in force ----
    const sources = [];
    let api;
    const rulesProm = cfg['rules-backend'] ? await input.prometheus(cfg['rules-backend']) : undefined;
    if (cfg['rules-backend']) {
        result.rules_backend = cfg['rules-backend'];
        const source = `prometheus:${cfg['rules-backend']}`;
        if (!rulesProm)
            sources.push({
                source,
                status: 'error',
                detail: `alerting.rules-backend "${cfg['rules-backend']}" is not a configured prometheus backend`,
                rules: 0
            });
        else {
            try {
                api = rulesFromApi(await (0,rules_in_force/* rulesInForce */.C)(ctx.once, rulesProm, () => requests.rules_api++), source);
                sources.push({ source, status: 'ok', detail: `${api.length} rule(s) loaded`, rules: api.length });
            }
            catch (err) {
                sources.push({ source, status: 'error', detail: (0,errors/* errorText */.kc)(err), rules: 0 });
            }
        }
    }
    const files = await rulesFromFiles(cfg['rule-files'], ctx.workspace);
    sources.push(...files.sources);
    result.rule_sources = sources;
    if (sources.length === 0) {
        result.detail = 'no alert rules source configured (alerting.rules-backend or alerting.rule-files): nothing to backtest';
        result.history.detail = result.detail;
        await incidentsKnown;
        return result;
    }
    const prom = rulesProm ?? (await input.prometheus());
    if (!prom) {
        result.detail = 'no Prometheus backend to evaluate the rules against';
        result.history.detail = result.detail;
        await incidentsKnown;
        return result;
    }
    const all = [...(api ?? []), ...files.rules];
    const alerts = alertsInForce(api, files.rules);
    // Recording rules by name, each definition once (the API and the files often hold the same).
    const definitions = new Map();
    const defined = new Set();
    for (const r of all) {
        if (r.type !== 'recording')
            continue;
        const key = `${r.name}\u0000${r.expr}\u0000${JSON.stringify(r.labels)}`;
        if (defined.has(key))
            continue;
        defined.add(key);
        const list = definitions.get(r.name) ?? [];
        list.push({ name: r.name, expr: r.expr, labels: r.labels, intervalSeconds: r.intervalSeconds });
        definitions.set(r.name, list);
    }
    // ---- the data that exists: one query for every metric any rule reads ----
    const parseErrors = new Map();
    // Each expression is parsed once, and what a recording name reads is gathered once per name:
    // Sloth-style rule sets share a few names between hundreds of definitions.
    const namesCache = new Map();
    const namesOf = (expr) => {
        let names = namesCache.get(expr);
        if (!names)
            namesCache.set(expr, (names = metricNames(expr)));
        return names;
    };
    const readsByName = new Map();
    const readsOfName = (name, depth) => {
        const hit = readsByName.get(name);
        if (hit)
            return hit;
        const defs = definitions.get(name) ?? [];
        if (depth > 8)
            return defs.flatMap((d) => namesOf(d.expr));
        // A cycle of recording rules stops here, as the depth limit stopped it before.
        readsByName.set(name, []);
        const out = new Set();
        try {
            for (const d of defs)
                for (const n of readsOf(d.expr, depth + 1))
                    out.add(n);
        }
        catch (err) {
            // Every rule that reads an unparsable definition is told so, not only the first.
            readsByName.delete(name);
            throw err;
        }
        const reads = [...out];
        readsByName.set(name, reads);
        return reads;
    };
    const readsOf = (expr, depth = 0) => {
        const names = namesOf(expr);
        if (depth > 8)
            return names;
        return [...names, ...names.flatMap((n) => readsOfName(n, depth))];
    };
    const names = new Set();
    for (const a of alerts) {
        try {
            for (const n of readsOf(a.expr))
                names.add(n);
        }
        catch (err) {
            parseErrors.set(a, (0,errors/* errorText */.kc)(err));
        }
    }
    const dataStep = Math.max(60, Math.ceil(lookbackSeconds / 10000 / 60) * 60);
    let seen = new Map();
    let dataOk = true;
    if (names.size) {
        result.data.step_seconds = dataStep;
        try {
            const found = await dataSpans(prom, [...names], start, end, dataStep, () => requests.data_coverage++);
            seen = found.spans;
            result.data.query = found.queries.join('\n# then\n');
        }
        catch (err) {
            dataOk = false;
            result.data.query = dataCoverageQuery([...names]);
            result.detail = `data coverage query failed: ${(0,errors/* errorText */.kc)(err)}`;
        }
    }
    result.data.metrics = [...names]
        .sort()
        .map((n) => ({ name: n, from: seen.has(n) ? backtest_iso(seen.get(n).from) : null, to: seen.has(n) ? backtest_iso(seen.get(n).to) : null }));
    const spanOf = (ns) => {
        const missing = ns.filter((n) => !seen.has(n));
        if (missing.length)
            return { missing };
        if (ns.length === 0)
            return { from: start, to: end };
        return { from: Math.max(start, ...ns.map((n) => seen.get(n).from)), to: Math.min(end, ...ns.map((n) => seen.get(n).to)) };
    };
    const allSpan = spanOf([...names].filter((n) => seen.has(n)));
    if ('from' in allSpan && seen.size)
        result.data.coverage = coverage(Math.min(...[...seen.values()].map((s) => s.from)), Math.max(...[...seen.values()].map((s) => s.to)), lookbackSeconds);
    else if (names.size === 0)
        result.data.coverage = coverage(start, end, lookbackSeconds);
    // ---- what actually fired: one ALERTS query ----
    const historyStep = stepFor(Math.min(60, ...alerts.map((a) => a.intervalSeconds)), lookbackSeconds);
    let history = [];
    result.history.query = historyQuery(historyStep);
    try {
        requests.alerts_history++;
        history = (await prom.rangeQuery(result.history.query, new Date(start * 1000), new Date(end * 1000), historyStep)).series;
        result.history.series = history.length;
        result.history.status = history.length ? 'ok' : 'no_history';
        result.history.detail = history.length
            ? `${history.length} firing alert series in the lookback`
            : 'ALERTS holds no firing alert in the lookback: no history to compare with (not the same as "nothing fired")';
    }
    catch (err) {
        result.history.status = 'error';
        result.history.detail = (0,errors/* errorText */.kc)(err);
    }
    // A recording rule is stale when its series start later than its inputs' data would let it
    // start (so history is lost); the same for every rule that reads it, so decided once per name.
    const staleByName = new Map();
    const stale = (name) => {
        const hit = staleByName.get(name);
        if (hit !== undefined)
            return hit;
        const own = seen.get(name);
        let is = true;
        if (own) {
            const inputs = [...new Set((definitions.get(name) ?? []).flatMap((d) => readsOf(d.expr)).filter((n) => !definitions.has(n)))];
            // Inputs without data in the lookback: what was recorded is all there is.
            if (inputs.some((n) => !seen.has(n)))
                is = false;
            else
                is = own.from > Math.max(start, ...inputs.map((n) => seen.get(n).from)) + 2 * dataStep;
        }
        staleByName.set(name, is);
        return is;
    };
    // ---- one query per rule, or per shape of rules ----
    const findings = input.alignment?.findings ?? [];
    /** Everything a rule needs before its query; undefined when the rule is settled without one. */
    const prepare = (i, a) => {
        const rb = {
            name: a.name,
            source: a.source,
            also_in: a.also_in,
            group: a.group,
            loaded: a.loaded,
            severity: a.labels.severity ?? null,
            labels: a.labels,
            expr: a.expr,
            query: a.expr,
            kind: 'condition',
            expansions: [],
            interval_seconds: a.intervalSeconds,
            step_seconds: a.intervalSeconds,
            for_seconds: a.forSeconds,
            keep_firing_for_seconds: a.keepFiringForSeconds,
            status: 'error',
            detail: '',
            request: null,
            coverage: coverage(null, null, lookbackSeconds),
            factors: [],
            slo: null,
            intervals: [],
            true_positives: 0,
            false_positives: 0,
            missed: 0,
            precision: null,
            recall: null,
            mean_detection_seconds: null,
            mean_reset_seconds: null,
            incidents: [],
            history: { status: 'not_compared', fired_seconds: null, backtest_seconds: null, agreement: null, detail: '' },
            proposal: null
        };
        result.rules[i] = rb;
        if (i >= MAX_RULES) {
            rb.detail = `not evaluated: more than ${MAX_RULES} alert rules`;
            return undefined;
        }
        if (parseErrors.has(a)) {
            rb.detail = `cannot analyse: ${parseErrors.get(a)}`;
            return undefined;
        }
        if (!dataOk) {
            rb.detail = result.detail;
            return undefined;
        }
        try {
            // A recording rule whose own series do not reach back over the lookback is expanded.
            const expansions = [];
            // Stale: its series start later than its inputs' data would let it start (so history is lost).
            const expanded = expandRecordings(a.expr, definitions, stale, expansions);
            rb.expansions = expansions;
            for (const e of expansions) {
                if (e.inlined) {
                    const own = seen.get(e.recording);
                    e.reason = `${own ? `its series start at ${backtest_iso(own.from)}` : 'it has no series in the lookback'}; ${e.reason}`;
                }
            }
            const span = spanOf(metricNames(expanded.expr));
            if ('missing' in span) {
                rb.status = 'no_data';
                rb.detail = `no series of ${span.missing.join(', ')} in the lookback: the rule cannot be evaluated over the past`;
                return undefined;
            }
            rb.coverage = coverage(span.from, span.to, lookbackSeconds);
            if (span.to - span.from < Math.max(a.intervalSeconds, dataStep)) {
                rb.status = 'no_data';
                rb.detail = `too little history to backtest: the metrics the rule reads cover ${Math.max(0, Math.round(span.to - span.from))} s of the lookback (from ${backtest_iso(span.from)}), less than one step`;
                return undefined;
            }
            const signal = burnSignal(expanded.expr);
            const step = stepFor(a.intervalSeconds, span.to - span.from);
            // Evaluation times on multiples of the step, as Prometheus aligns a group's evaluations.
            span.from = Math.ceil(span.from / step) * step;
            rb.step_seconds = step;
            const matched = findings.filter((f) => f.found?.rule === a.name && (f.found.source === a.source || a.also_in.includes(f.found.source)));
            rb.factors = [...new Set(matched.flatMap((f) => (f.found?.factor !== undefined ? [f.found.factor] : [])))].sort((x, y) => y - x);
            rb.slo = matched[0]?.slo ?? null;
            if ('expr' in signal) {
                rb.kind = 'burn_rate';
                rb.query = signal.expr;
            }
            else {
                rb.kind_reason = signal.reason;
                rb.query = expanded.expr;
                rb.factors = [];
            }
            const ruleServices = [
                ...new Set([
                    ...(a.labels[serviceLabel] ? [a.labels[serviceLabel]] : []),
                    ...equalityValues(expanded.expr, serviceLabel),
                    ...matched.map((f) => f.service).filter(Boolean)
                ])
            ];
            const absent = 'expr' in signal ? undefined : absentOf(rb.query);
            return { rb, a, signal, from: span.from, to: span.to, step, ruleServices, ...(absent ? { absent } : {}) };
        }
        catch (err) {
            rb.status = 'error';
            rb.detail = (0,errors/* errorText */.kc)(err);
            return undefined;
        }
    };
    /** The rule judged on the series its query answered. */
    const finish = (p, series, request) => {
        const { rb, a, signal, step } = p;
        try {
            rb.request = request;
            Object.assign(rb, evaluateRule({
                series,
                from: p.from,
                to: p.to,
                stepSeconds: step,
                forSeconds: a.forSeconds,
                keepFiringForSeconds: a.keepFiringForSeconds,
                mode: 'expr' in signal ? 'signal' : 'presence',
                inclusive: 'expr' in signal ? signal.inclusive : false,
                serviceLabel,
                ruleLabels: a.labels,
                ruleServices: p.ruleServices,
                incidents,
                resetTailSeconds: longestRange(rb.query),
                thresholds: 'expr' in signal ? [...new Set(signal.comparisons.map((c) => c.threshold))].sort((x, y) => y - x) : [],
                factors: rb.factors
            }));
            rb.status = 'evaluated';
            const firing = rb.intervals.length;
            rb.detail = `${firing} firing interval(s) over ${Math.round((rb.coverage.fraction ?? 0) * 100)}% of the lookback covered by data${step > a.intervalSeconds ? ` (step ${step}s: the lookback at the ${a.intervalSeconds}s interval exceeds ${MAX_POINTS} points)` : ''}`;
            if (result.history.status === 'ok') {
                const own = history.filter((h) => h.labels.alertname === a.name && Object.entries(a.labels).every(([k, v]) => h.labels[k] === v));
                rb.history = compareWithHistory({
                    name: a.name,
                    loaded: a.loaded,
                    backtest: rb.intervals,
                    history: historySpans(own, historyStep),
                    from: p.from,
                    to: p.to,
                    slack: 2 * Math.max(step, historyStep)
                });
            }
            else {
                rb.history = {
                    status: result.history.status === 'error' ? 'error' : 'no_history',
                    fired_seconds: null,
                    backtest_seconds: null,
                    agreement: null,
                    detail: result.history.detail
                };
            }
            if (a.differs && rb.history.status !== 'disagrees')
                rb.history.detail = `${rb.history.detail}; ${a.differs}`;
        }
        catch (err) {
            rb.status = 'error';
            rb.detail = (0,errors/* errorText */.kc)(err);
        }
    };
    const ask = async (query, p) => {
        requests.rule_queries++;
        const from = new Date(p.from * 1000);
        const r = await prom.rangeQuery(query, from, new Date(p.to * 1000), p.step);
        await incidentsKnown;
        return {
            request: `${r.request.method} ${r.request.url} start=${from.toISOString()} end=${backtest_iso(p.to)} step=${p.step}s`,
            series: r.series
        };
    };
    const alone = async (p) => {
        // A shape's rules asked alone after its request was refused count against the same bound.
        if (requests.rule_queries >= MAX_RULE_QUERIES) {
            p.rb.detail = `not evaluated: more than ${MAX_RULE_QUERIES} rule queries`;
            return;
        }
        try {
            const r = await ask(p.rb.query, p);
            finish(p, r.series, r.request);
        }
        catch (err) {
            p.rb.status = 'error';
            p.rb.detail = (0,errors/* errorText */.kc)(err);
        }
    };
    result.rules = new Array(alerts.length);
    const pending = alerts.flatMap((a, i) => prepare(i, a) ?? []);
    // Rules of one shape (a fleet's per-service copies) over the same range and step are one query
    // by service, each rule judged on its service's series (see group-by-label.ts). A request
    // answers at most half the response cap, at about 40 bytes a point.
    // A shape of more services than one query can list is one query all the same, excluding the
    // values of its labels no rule has (one label-values request each).
    const { shaped, alone: single } = await requestsByShapeOrExcept(pending, {
        queryOf: (p) => (p.absent ? `count(${p.absent.selector})` : p.rb.query),
        key: (p) => `${p.from}|${p.to}|${p.step}`,
        maxChars: MAX_QUERY_CHARS,
        maxMembers: (p) => Math.max(1, Math.floor((0,http/* httpLimits */.NS)().maxResponseBytes / 2 / ((Math.floor((p.to - p.from) / p.step) + 1) * 40))),
        valuesOf: (label, selectors, firsts) => {
            requests.label_values++;
            const from = Math.min(...firsts.map((p) => p.from));
            const to = Math.max(...firsts.map((p) => p.to));
            return prom.labelValues(label, selectors, new Date(from * 1000), new Date(to * 1000));
        }
    });
    const work = [
        ...shaped.map((req) => ({
            rules: req.members.map((m) => m.item),
            run: async () => {
                const first = req.members[0].item;
                let answer;
                try {
                    answer = await ask(req.query, first);
                }
                catch (err) {
                    // Refused or over the cap: each rule is asked alone, so the error lands on its rule. A
                    // backend that failed (timeout, 5xx) is not asked again once per rule.
                    if ((0,errors/* smallerMayAnswer */.WT)(err))
                        for (const m of req.members)
                            await alone(m.item);
                    else
                        for (const m of req.members) {
                            m.item.rb.status = 'error';
                            m.item.rb.detail = (0,errors/* errorText */.kc)(err);
                        }
                    return;
                }
                const byValue = splitByValue(answer.series, req);
                const note = `; one query for ${req.members.length} rules of this shape by ${req.labels.join(', ')}${req.except ? ' (every value the backend holds but those no rule has)' : ''}`;
                for (const m of req.members) {
                    const own = byValue.get(m.value) ?? [];
                    const p = m.item;
                    if (!p.absent)
                        finish(p, own, answer.request + note);
                    else
                        finish(p, absentSteps(own, p.from, p.to, p.step, p.absent.labels), `${answer.request}${note}: count(${p.absent.selector}), the rule firing at the steps where it has no sample`);
                }
            }
        })),
        ...single.map((p) => ({ rules: [p], run: () => alone(p) }))
    ];
    for (const w of work.splice(MAX_RULE_QUERIES))
        for (const p of w.rules)
            p.rb.detail = `not evaluated: more than ${MAX_RULE_QUERIES} rule queries`;
    // A few queries at a time: faster than one by one, still light on the backend.
    let next = 0;
    const worker = async () => {
        while (next < work.length)
            await work[next++].run();
    };
    await Promise.all(Array.from({ length: Math.min(RULE_CONCURRENCY, work.length) }, worker));
    // ---- summary ----
    await incidentsKnown;
    requests.total = requests.rules_api + requests.data_coverage + requests.alerts_history + requests.rule_queries + requests.label_values;
    const evaluated = result.rules.filter((r) => r.status === 'evaluated');
    // Without an incident source, no firing can be called true or false.
    const judged0 = incidents.length > 0 || incidentSources.some((s) => s.kind === 'incidents' && s.status === 'ok');
    if (!judged0) {
        for (const r of evaluated) {
            r.precision = null;
            r.recall = null;
            r.detail = `${r.detail}; no incident source was read, so firings are not judged`;
        }
    }
    requests.rules_evaluated = evaluated.length;
    const tp = evaluated.reduce((s, r) => s + r.true_positives, 0);
    const fp = evaluated.reduce((s, r) => s + r.false_positives, 0);
    const judged = new Map();
    for (const r of evaluated) {
        for (const o of r.incidents) {
            if (o.status === 'outside_data')
                continue;
            const prev = judged.get(o.id);
            if (o.status === 'detected' && (prev === undefined || prev === null || o.detection_seconds < prev))
                judged.set(o.id, o.detection_seconds);
            else if (prev === undefined)
                judged.set(o.id, null);
        }
    }
    const delays = [...judged.values()].filter((d) => d !== null);
    result.summary = {
        rules: result.rules.length,
        evaluated: evaluated.length,
        true_positives: tp,
        false_positives: fp,
        precision: judged0 && tp + fp ? evaluate_round(tp / (tp + fp)) : null,
        incidents: judged.size,
        detected: delays.length,
        recall: judged.size ? evaluate_round(delays.length / judged.size) : null,
        mean_detection_seconds: delays.length ? Math.round(delays.reduce((x, y) => x + y, 0) / delays.length) : null,
        disagreements: result.rules.filter((r) => r.history.status === 'disagrees').map((r) => r.name),
        proposals: result.rules.filter((r) => r.proposal).length
    };
    const bad = result.rules.filter((r) => r.status !== 'evaluated').length + sources.filter((s) => s.status !== 'ok').length;
    if (alerts.length === 0) {
        result.status = 'not_run';
        result.detail = 'no alert rule found in the rules sources';
    }
    else {
        const noData = result.rules.every((r) => r.status === 'no_data');
        result.status = evaluated.length === 0 ? (noData ? 'not_run' : 'error') : bad || result.history.status === 'error' ? 'partial' : 'ok';
        result.detail =
            result.detail ||
                (noData ? `no alert rule has enough history in the ${lookback} lookback to be backtested (see each rule's detail)` : '') ||
                `${evaluated.length} of ${alerts.length} alert rule(s) evaluated over ${lookback} (${Math.round(result.data.coverage.fraction * 100)}% of it covered by data) with ${requests.total} request(s)`;
    }
    return result;
}

;// CONCATENATED MODULE: ./src/assurance/backtest/feed.ts

/** The tuning report with the backtest attached and its proposals and disagreements as adjustments. */
function withBacktest(tuning, bt) {
    const adjustments = [...tuning.adjustments];
    bt.rules.forEach((r, i) => {
        if (r.proposal) {
            adjustments.push({
                target: r.name,
                change: `${r.proposal.change} (backtest over ${bt.lookback})`,
                why: r.proposal.why,
                evidence: [
                    { label: 'evidence', value: `${BACKTEST_FILE} rules[${i}].proposal` },
                    {
                        label: 'missed incidents',
                        value: r.incidents
                            .filter((o) => o.status === 'missed')
                            .map((o) => o.id)
                            .join(', ') || 'none'
                    },
                    { label: 'false positives', value: String(r.false_positives) },
                    { label: 'query', value: r.request ?? r.query }
                ]
            });
        }
        if (r.history.status === 'disagrees') {
            adjustments.push({
                target: r.name,
                change: 'reconcile the rule in force with what fired (backtest and ALERTS disagree)',
                why: r.history.detail,
                evidence: [
                    { label: 'evidence', value: `${BACKTEST_FILE} rules[${i}].history` },
                    { label: 'source', value: r.source }
                ]
            });
        }
    });
    return { ...tuning, adjustments, backtest: bt };
}

// EXTERNAL MODULE: ./src/util/json.ts
var json = __webpack_require__(74976);
;// CONCATENATED MODULE: ./src/assurance/backtest/pagerduty-incidents.ts



const PAGE = 100;
/** Pages read at most (10000 incidents); more is reported, not silently cut. */
const MAX_PAGES = 100;
const SYNTHETIC_TITLE = /^Synthetic alert test\b/;
/** The PagerDuty API settings for incidents, or why there are none. */
function pagerDutySettings(config) {
    const inc = config.incidents.pagerduty;
    if (!inc)
        return undefined;
    const url = inc['api-url'] ?? config.alerting.pagerduty?.['api-url'];
    const tokenEnv = inc['api-token-env'] ?? config.alerting.pagerduty?.['api-token-env'];
    if (!url || !tokenEnv)
        return { reason: 'incidents.pagerduty needs api-url and api-token-env (here or under alerting.pagerduty)' };
    return { url: url.replace(/\/+$/, ''), tokenEnv, serviceIds: inc['service-ids'] };
}
async function pagerDutyIncidents(args) {
    const s = pagerDutySettings(args.config);
    if (!s)
        throw new Error('incidents.pagerduty is not configured');
    if ('reason' in s)
        throw new errors/* BackendError */.Jh('pagerduty', 'config', s.reason);
    const token = args.env[s.tokenEnv];
    if (!token)
        throw new errors/* BackendError */.Jh('pagerduty', 'credentials', `environment variable ${s.tokenEnv} (REST API token) is not set`);
    args.log.setSecret(token);
    const params = new URLSearchParams({
        since: args.since.toISOString(),
        until: args.until.toISOString(),
        time_zone: 'UTC',
        limit: String(PAGE),
        sort_by: 'created_at'
    });
    for (const id of s.serviceIds)
        params.append('service_ids[]', id);
    const out = { incidents: [], request: `GET ${s.url}/incidents?${params}`, requests: 0, synthetic: 0 };
    for (let page = 0;; page++) {
        if (page >= MAX_PAGES)
            throw new errors/* BackendError */.Jh('pagerduty', out.request, `more than ${MAX_PAGES * PAGE} incidents in the lookback; narrow incidents.pagerduty.service-ids`);
        params.set('offset', String(page * PAGE));
        const url = `${s.url}/incidents?${params}`;
        out.requests++;
        const res = await (0,http/* httpRequest */.aj)({
            backend: 'pagerduty',
            url,
            headers: { Authorization: `Token token=${token}`, Accept: 'application/vnd.pagerduty+json;version=2' },
            timeoutMs: 15_000,
            retries: 2
        });
        if (res.status !== 200)
            throw new errors/* BackendError */.Jh('pagerduty', `GET ${s.url}/incidents`, `HTTP ${res.status}`, res.status);
        let body;
        try {
            body = JSON.parse(res.text);
        }
        catch {
            throw new errors/* BackendError */.Jh('pagerduty', `GET ${s.url}/incidents`, 'answer is not JSON');
        }
        if (!(0,json/* isObject */.G)(body) || !Array.isArray(body.incidents))
            throw new errors/* BackendError */.Jh('pagerduty', `GET ${s.url}/incidents`, 'answer has no incidents list');
        for (const raw of body.incidents) {
            if (!(0,json/* isObject */.G)(raw) || typeof raw.created_at !== 'string' || Number.isNaN(Date.parse(raw.created_at)))
                continue;
            const title = typeof raw.title === 'string' ? raw.title : undefined;
            if (title && SYNTHETIC_TITLE.test(title)) {
                out.synthetic++;
                continue;
            }
            const resolvedRaw = typeof raw.resolved_at === 'string'
                ? raw.resolved_at
                : raw.status === 'resolved' && typeof raw.last_status_change_at === 'string'
                    ? raw.last_status_change_at
                    : undefined;
            const service = (0,json/* isObject */.G)(raw.service) && typeof raw.service.summary === 'string' ? raw.service.summary : undefined;
            out.incidents.push({
                id: `PD-${typeof raw.incident_number === 'number' ? raw.incident_number : String(raw.id ?? out.incidents.length + 1)}`,
                service,
                title,
                started_at: new Date(raw.created_at).toISOString(),
                resolved_at: resolvedRaw && !Number.isNaN(Date.parse(resolvedRaw)) ? new Date(resolvedRaw).toISOString() : undefined,
                source: 'pagerduty incidents'
            });
        }
        if (body.more !== true)
            break;
    }
    return out;
}

// EXTERNAL MODULE: ./src/util/workspace.ts
var workspace = __webpack_require__(50977);
// EXTERNAL MODULE: ./src/evidence/text.ts
var evidence_text = __webpack_require__(21530);
;// CONCATENATED MODULE: ./src/assurance/correlate-alerts.ts







function emptyTuning(now, config, reason) {
    return {
        generated_at: now.toISOString(),
        lookback: config.incidents.lookback,
        sources: [{ name: 'alert tuning', kind: 'alerts', request: '-', status: 'error', detail: reason, count: 0 }],
        from_real_data: false,
        alerts: [],
        incidents: [],
        precision: null,
        recall: null,
        mean_detection_seconds: null,
        adjustments: [],
        source: 'built-in'
    };
}
/** Alert history from Prometheus' ALERTS series; incidents from a file or GitHub issues. */
async function correlateAlerts(ctx, prometheus, github) {
    const { config, now } = ctx;
    const lookback = config.incidents.lookback;
    const end = now();
    const start = new Date(end.getTime() - (0,duration/* durationSeconds */.o8)(lookback) * 1000);
    const sources = [];
    // One point a minute for a week is 10080 per series, under Prometheus' 11000-point limit.
    const step = Math.max(60, Math.ceil((0,duration/* durationSeconds */.o8)(lookback) / 10000));
    const query = 'ALERTS{alertstate="firing", synthetic!="true"}';
    let episodes = [];
    let coverage;
    const prom = await prometheus(config.alerting['rules-backend']);
    if (!prom) {
        sources.push({
            name: 'prometheus ALERTS',
            kind: 'alerts',
            request: query,
            status: 'not_configured',
            detail: 'no Prometheus backend configured',
            count: 0
        });
    }
    else {
        try {
            const r = await prom.rangeQuery(query, start, end, step);
            episodes = episodesFromSeries(r.series, step, config['service-label']);
            sources.push({
                name: prom.name,
                kind: 'alerts',
                request: `${r.request.method} ${r.request.url} ${query}`,
                status: 'ok',
                detail: `${r.series.length} alert series`,
                count: episodes.length
            });
            coverage = await historyCoverage(ctx, prom, end).catch((err) => {
                sources.push({
                    name: prom.name,
                    kind: 'alerts',
                    request: 'alert history range (first up/ALERTS sample)',
                    status: 'error',
                    detail: `the range the alert history covers could not be measured: ${(0,errors/* errorText */.kc)(err)}`,
                    count: 0
                });
                return undefined;
            });
        }
        catch (err) {
            sources.push({ name: prom.name, kind: 'alerts', request: query, status: 'error', detail: (0,errors/* errorText */.kc)(err), count: 0 });
        }
    }
    let incidents = [];
    const file = config.incidents.file;
    const labels = config.incidents['github-labels'];
    if (file) {
        try {
            // Confined to the workspace, strict UTF-8, and a JSON error that never quotes the file.
            const { text } = await (0,workspace/* readWorkspaceText */.tA)(ctx.workspace, file, { field: 'incidents.file' }, { what: 'an incidents JSON file' });
            const all = parseIncidents((0,evidence_text/* parseJsonText */.lk)(text, file, 'an incidents JSON file'), file);
            incidents = all.filter((i) => Date.parse(i.started_at) >= start.getTime() - 86400_000);
            sources.push({
                name: file,
                kind: 'incidents',
                request: `read ${file}`,
                status: 'ok',
                detail: `${all.length} incident(s) in file`,
                count: incidents.length
            });
        }
        catch (err) {
            sources.push({ name: file, kind: 'incidents', request: `read ${file}`, status: 'error', detail: (0,errors/* errorText */.kc)(err), count: 0 });
        }
    }
    if (labels?.length) {
        const request = `GitHub issues labelled ${labels.join(', ')} since ${start.toISOString()}`;
        try {
            const found = await github.incidents(labels, start);
            incidents.push(...found);
            sources.push({
                name: 'github issues',
                kind: 'incidents',
                request,
                status: 'ok',
                detail: `${found.length} issue(s)`,
                count: found.length
            });
        }
        catch (err) {
            sources.push({ name: 'github issues', kind: 'incidents', request, status: 'error', detail: (0,errors/* errorText */.kc)(err), count: 0 });
        }
    }
    if (config.incidents.pagerduty) {
        try {
            const pd = await pagerDutyIncidents({ config, env: ctx.env, log: ctx.log, since: start, until: end });
            incidents.push(...pd.incidents);
            const left = pd.synthetic ? `; ${pd.synthetic} synthetic alert test(s) left out` : '';
            sources.push({
                name: 'pagerduty incidents',
                kind: 'incidents',
                request: pd.request,
                status: 'ok',
                detail: `${pd.incidents.length} incident(s) in ${pd.requests} page(s)${left}`,
                count: pd.incidents.length
            });
        }
        catch (err) {
            sources.push({
                name: 'pagerduty incidents',
                kind: 'incidents',
                request: 'GET /incidents',
                status: 'error',
                detail: (0,errors/* errorText */.kc)(err),
                count: 0
            });
        }
    }
    if (!file && !labels?.length && !config.incidents.pagerduty) {
        sources.push({
            name: 'incidents',
            kind: 'incidents',
            request: '-',
            status: 'not_configured',
            detail: 'set incidents.file, incidents.github-labels or incidents.pagerduty',
            count: 0
        });
    }
    // An incident from before the alert history began says nothing about the alerts: it is not "missed".
    const from = coverage?.from ? Date.parse(coverage.from) : undefined;
    const uncovered = coverage ? incidents.filter((i) => from === undefined || Date.parse(i.started_at) < from) : [];
    const report = correlate({ episodes, incidents: incidents.filter((i) => !uncovered.includes(i)), sources, lookback, now: end });
    for (const incident of uncovered) {
        report.incidents.push({
            incident,
            detected: false,
            outcome: 'insufficient_data',
            reason: `the alert history ${coverage.from ? `starts at ${coverage.from}` : 'is empty'}, after the incident began: whether it alerted is unknown`
        });
    }
    if (coverage)
        report.coverage = coverage;
    return report;
}
/**
 * The range the alert history covers: rule evaluation runs with scraping, so the first `up` (or
 * `ALERTS`) sample in the lookback is when the history begins. One grouped query.
 */
async function historyCoverage(ctx, prom, end) {
    const lookback = ctx.config.incidents.lookback;
    const seconds = (0,duration/* durationSeconds */.o8)(lookback);
    const rule = (0,telemetry_coverage/* sufficiencyRule */.x2)(ctx.config, 'alert-correlation', seconds);
    const query = (0,telemetry_coverage/* coverageExpression */.HP)(['up', 'ALERTS', 'ALERTS_FOR_STATE'], seconds, [], { countEvents: false });
    const row = {};
    for (const s of (await prom.instantQuery(query, end)).samples)
        (0,telemetry_coverage/* addCoverageSample */.qk)(row, s.labels[telemetry_coverage/* PART_LABEL */.ZK], s.value);
    const coverage = (0,telemetry_coverage/* coverageOf */._5)(row.first === undefined ? undefined : row, { now: end, window: lookback, rule, query, countsRequests: false });
    return { ...coverage, informational: rule.informational };
}

// EXTERNAL MODULE: ./node_modules/croner/dist/croner.js
var croner = __webpack_require__(55814);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/assurance/schedule.ts






/** What must be re-checked after the release for monitoring to stay in place. */
const REQUIRED_CHECK_TYPES = ['instrumentation', 'alert-rules', 'alert-path', 'dashboards'];
/** How many upcoming runs are recorded, and how many are read to judge the cadence. */
const RECORDED_RUNS = 3;
const CADENCE_SAMPLE = 12;
/** One field of a GitHub Actions cron: `*`, numbers or three-letter names, ranges, steps, lists. */
const CRON_FIELD = /^(?:(?:\*|(?:\d+|[a-z]{3})(?:-(?:\d+|[a-z]{3}))?)(?:\/\d+)?)(?:,(?:(?:\*|(?:\d+|[a-z]{3})(?:-(?:\d+|[a-z]{3}))?)(?:\/\d+)?))*$/i;
const human = (seconds) => {
    for (const [unit, n] of [
        ['d', 86400],
        ['h', 3600],
        ['m', 60]
    ])
        if (seconds % n === 0)
            return `${seconds / n}${unit}`;
    return `${seconds}s`;
};
/**
 * A cron as GitHub Actions reads it (five fields, UTC, POSIX syntax: no nicknames, no L/W/#/?),
 * parsed with croner. Invalid, or valid but never firing (`0 0 31 2 *`): no schedule.
 */
function parseCron(cron, now) {
    const fields = cron.trim().split(/\s+/);
    const refuse = (error) => ({
        cron,
        valid: false,
        next_runs: [],
        cadence: null,
        min_interval_seconds: null,
        max_interval_seconds: null,
        error
    });
    if (fields.length !== 5)
        return refuse(`expected 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}`);
    const bad = fields.find((f) => !CRON_FIELD.test(f));
    if (bad !== undefined)
        return refuse(`field "${bad}" is not cron syntax GitHub Actions accepts (numbers, *, ranges a-b, steps /n, lists a,b)`);
    let runs;
    try {
        runs = new croner/* Cron */.l4(fields.join(' '), { timezone: 'UTC', paused: true, mode: '5-part' }).nextRuns(CADENCE_SAMPLE + 1, now);
    }
    catch (err) {
        return refuse(err.message.replace(/^CronPattern: /, ''));
    }
    if (runs.length === 0)
        return refuse('never fires (no date matches it)');
    const gaps = runs.slice(1).map((d, i) => (d.getTime() - runs[i].getTime()) / 1000);
    const min = gaps.length ? Math.min(...gaps) : null;
    const max = gaps.length ? Math.max(...gaps) : null;
    // GitHub runs a schedule at most every 5 minutes.
    const cadence = min === null || max === null
        ? 'once'
        : min === max
            ? `every ${human(Math.max(min, 300))}`
            : `irregular: every ${human(Math.max(min, 300))} to ${human(max)}`;
    return {
        cron,
        valid: true,
        next_runs: runs.slice(0, RECORDED_RUNS).map((d) => d.toISOString()),
        cadence,
        min_interval_seconds: min,
        max_interval_seconds: max,
        error: null
    };
}
/** True for a step that runs this action: `uses: ./` (its own repo) or `.../sre-monitoring-action@...`. */
function runsThisAction(uses) {
    return typeof uses === 'string' && (uses === './' || uses === '.' || /(^|\/)sre-monitoring-action(@|$)/.test(uses));
}
/**
 * Find workflows that re-run this action in assurance mode on a cron. The schedule is read from
 * the repository, not taken on trust from the config: an ongoing check that is not scheduled
 * anywhere does not exist.
 */
async function findAssuranceWorkflows(workspace) {
    const dir = (0,external_node_path_.join)(workspace, '.github', 'workflows');
    let names;
    try {
        names = (await (0,promises_.readdir)(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
    }
    catch {
        return [];
    }
    const found = [];
    for (const name of names) {
        let doc;
        try {
            doc = (0,yaml_dist/* parse */.qg)(await (0,promises_.readFile)((0,external_node_path_.join)(dir, name), 'utf8'));
        }
        catch {
            continue;
        }
        if (!(0,json/* isObject */.G)(doc))
            continue;
        const on = doc.on ?? doc.true; // YAML 1.1 readers turn a bare `on` key into true
        const schedule = (0,json/* isObject */.G)(on) && Array.isArray(on.schedule) ? on.schedule : [];
        const crons = schedule
            .filter(json/* isObject */.G)
            .map((s) => s.cron)
            .filter((c) => typeof c === 'string');
        if (crons.length === 0)
            continue;
        const jobs = (0,json/* isObject */.G)(doc.jobs) ? Object.values(doc.jobs) : [];
        for (const job of jobs) {
            const steps = (0,json/* isObject */.G)(job) && Array.isArray(job.steps) ? job.steps : [];
            for (const step of steps) {
                if (!(0,json/* isObject */.G)(step) || !runsThisAction(step.uses))
                    continue;
                const mode = (0,json/* isObject */.G)(step.with) && typeof step.with.mode === 'string' ? step.with.mode : 'post-deploy';
                if (mode === 'assurance')
                    found.push({ file: `.github/workflows/${name}`, crons, mode });
            }
        }
    }
    return found;
}
function buildSchedule(args) {
    const owner = args.config.assurance.owner ?? args.onCallOwner ?? null;
    const maxInterval = args.config.assurance['max-interval'];
    const maxSeconds = maxInterval ? (0,duration/* durationSeconds */.o8)(maxInterval) : undefined;
    const checks = [];
    // Why a check type that has a cron still counts as unscheduled.
    const refused = new Map();
    const refuse = (type, why) => void refused.set(type, [...(refused.get(type) ?? []), why]);
    // A cron is a schedule only when it parses, fires, and fires as often as the config expects.
    const judge = (cron, where) => {
        const schedule = parseCron(cron, args.now);
        if (!schedule.valid)
            return { schedule, counts: false, why: `${where}: cron '${cron}' is no schedule: ${schedule.error}` };
        if (maxSeconds !== undefined && schedule.max_interval_seconds !== null && schedule.max_interval_seconds > maxSeconds) {
            return {
                schedule,
                counts: false,
                why: `${where}: cron '${cron}' runs ${schedule.cadence}, less often than assurance.max-interval ${maxInterval}`
            };
        }
        return { schedule, counts: true };
    };
    const workflows = [];
    for (const wf of args.workflows) {
        const judged = wf.crons.map((c) => judge(c, wf.file));
        workflows.push({ ...wf, schedules: judged.map((j) => j.schedule) });
        const good = judged.filter((j) => j.counts);
        for (const type of REQUIRED_CHECK_TYPES) {
            for (const j of judged)
                if (j.why)
                    refuse(type, j.why);
            if (good.length === 0)
                continue;
            checks.push({
                check_type: type,
                cadence: good.map((j) => `cron: ${j.schedule.cron} (${j.schedule.cadence})`).join('; '),
                owner,
                source: wf.file
            });
        }
    }
    for (const c of args.config.assurance.checks) {
        const j = judge(c.cadence, 'assurance.checks');
        if (j.why)
            refuse(c['check-type'], j.why);
        checks.push({
            check_type: c['check-type'],
            cadence: j.counts ? `cron: ${c.cadence} (${j.schedule.cadence})` : null,
            owner: c.owner ?? owner,
            source: 'config: assurance.checks'
        });
    }
    const missing = [];
    for (const type of REQUIRED_CHECK_TYPES) {
        const ok = checks.some((c) => c.check_type === type && c.cadence && c.owner);
        if (ok)
            continue;
        const scheduled = checks.some((c) => c.check_type === type && c.cadence);
        const why = refused.get(type);
        missing.push(scheduled
            ? `${type} (scheduled but no owner)`
            : why
                ? `${type} (${why.join('; ')})`
                : `${type} (no workflow runs this action with mode: assurance on a schedule, and assurance.checks names none)`);
    }
    const covered = REQUIRED_CHECK_TYPES.length - missing.length;
    return {
        generated_at: args.now.toISOString(),
        schedule_coverage: Math.round((covered / REQUIRED_CHECK_TYPES.length) * 10000) / 100,
        required_check_types: [...REQUIRED_CHECK_TYPES],
        automated_checks: checks,
        ownership: { owner, on_call_owner: args.onCallOwner ?? null },
        workflows,
        ...(maxInterval ? { expected_max_interval: maxInterval } : {}),
        missing
    };
}

;// CONCATENATED MODULE: ./src/assurance/slo-attainment.ts





/**
 * Attainment of each SLO over its window, from its good/total (or error/total) queries. One query
 * per SLO answers both the ratio and the range its data covers: a 30-day attainment from a minute
 * of data is `insufficient_data` (with how much data there was), never "met, 100% budget left".
 * `query` is the ratio; `coverage.query` the part that showed the range (sent together, joined by `or`).
 *
 * SLOs of one shape (a fleet's per-service copies: the same query but for the service's matcher)
 * are asked in one query grouped by the service label, a few requests for 500 SLOs. The others of
 * one backend are asked a batch of them to a request (each SLO's query tagged with its place,
 * joined by `or`): the backend evaluates every query as it would alone. A request the backend
 * refuses (one bad query) is asked again in smaller parts, so the refusal lands on the SLO it
 * belongs to.
 */
async function sloAttainment(ctx, prometheus) {
    // One client per backend, whatever the number of SLOs.
    const clients = new Map();
    const clientFor = (backend) => {
        let c = clients.get(backend);
        if (!c)
            clients.set(backend, (c = prometheus(backend)));
        return c;
    };
    const plans = await Promise.all(ctx.model.slos.map((slo) => plan(ctx, clientFor, slo)));
    const out = new Array(plans.length);
    const byBackend = new Map();
    plans.forEach((p, at) => {
        if ('done' in p)
            out[at] = p.done;
        else {
            let list = byBackend.get(p.prom.name);
            if (!list)
                byBackend.set(p.prom.name, (list = []));
            list.push({ at, p });
        }
    });
    const shaped = [];
    const rest = [];
    for (const list of byBackend.values()) {
        // More SLOs of a shape than one query can list: one query all the same, excluding the values no SLO has.
        const now = ctx.now();
        const r = await requestsByShapeOrExcept(list, {
            queryOf: (x) => (x.p.alone ? undefined : x.p.query),
            maxChars: MAX_QUERY_CHARS,
            valuesOf: (label, selectors, firsts) => firsts[0].p.prom.labelValues(label, selectors, new Date(now.getTime() - Math.max(...firsts.map((x) => x.p.windowSeconds)) * 1000), now)
        });
        shaped.push(...r.shaped);
        rest.push(...r.alone);
    }
    const store = (batch, results) => batch.forEach((b, k) => (out[b.at] = results[k]));
    // The one bound per backend (util/http.ts, limits.backend-concurrency) queues the requests.
    await Promise.all([
        ...shaped.map(async (req) => store(req.members.map((m) => m.item), await runShaped(ctx, req))),
        ...batchesOf(rest).map(async (batch) => store(batch, await runBatch(ctx, batch.map((b) => b.p))))
    ]);
    return out;
}
/**
 * SLOs of one shape asked in one query, each answer series carrying its SLO's service (see
 * group-by-label.ts). Refused (400/422) or over the response cap, they are asked again in batches,
 * so the refusal lands on the SLO it belongs to.
 */
async function runShaped(ctx, req) {
    const { members } = req;
    try {
        const r = await members[0].item.p.prom.instantQuery(req.query, ctx.now());
        const byValue = splitByValue(r.samples, req);
        const asked = `; asked with ${members.length - 1} other SLO(s) of the same shape in one query by ${req.labels.join(', ')}${req.except ? ' (every value the backend holds but those no SLO has)' : ''}`;
        return members.map((m) => {
            const judged = judge(ctx, m.item.p, byValue.get(m.value) ?? []);
            return { ...judged, detail: judged.detail + asked };
        });
    }
    catch (err) {
        if ((0,errors/* smallerMayAnswer */.WT)(err)) {
            const out = [];
            for (const batch of batchesOf(members.map((m) => m.item)))
                out.push(...(await runBatch(ctx, batch.map((b) => b.p))));
            return out;
        }
        return members.map((m) => failed(m.item.p, err));
    }
}
/**
 * Prometheus takes longer for a batch than for its queries one by one past a few of them (14
 * SLOs: 133 ms against 23 ms): three to a request saves the round trips without that.
 */
const BATCH_MAX_SLOS = 3;
const SLO_LABEL = 'sre_slo';
function batchesOf(list) {
    const out = [];
    let cur = [];
    let chars = 0;
    for (const x of list) {
        if (x.p.alone) {
            out.push([x]);
            continue;
        }
        if (cur.length && (chars + x.p.query.length > MAX_QUERY_CHARS || cur.length >= BATCH_MAX_SLOS)) {
            out.push(cur);
            cur = [];
            chars = 0;
        }
        cur.push(x);
        chars += x.p.query.length + 40;
    }
    if (cur.length)
        out.push(cur);
    return out;
}
async function runBatch(ctx, batch) {
    const single = (p) => p.prom.instantQuery(p.query, ctx.now()).then((r) => judge(ctx, p, r.samples), (err) => failed(p, err));
    if (batch.length === 1)
        return [await single(batch[0])];
    const query = batch.map((p, k) => `label_replace(${p.query}, "${SLO_LABEL}", "${k}", "", "")`).join('\nor\n');
    try {
        const r = await batch[0].prom.instantQuery(query, ctx.now());
        const parts = batch.map(() => []);
        for (const s of r.samples)
            parts[Number(s.labels[SLO_LABEL])]?.push(s);
        return batch.map((p, k) => judge(ctx, p, parts[k]));
    }
    catch (err) {
        // A refused query (bad_data, too many samples) or an answer over the cap: find the SLO it belongs to, one at a time.
        if ((0,errors/* smallerMayAnswer */.WT)(err)) {
            const out = [];
            for (const p of batch)
                out.push(await single(p));
            return out;
        }
        return batch.map((p) => failed(p, err));
    }
}
const failed = (p, err) => ({
    ...p.base,
    attainment: null,
    budget_remaining_percent: null,
    status: 'error',
    detail: (0,errors/* errorText */.kc)(err)
});
async function plan(ctx, prometheus, slo) {
    const window = slo.window;
    const sub = (q) => q.replace(/\$window/g, window);
    const total = slo['total-query'];
    const ratio = total && slo['good-query']
        ? `(${sub(slo['good-query'])}) / (${sub(total)})`
        : total && slo['error-query']
            ? `1 - (${sub(slo['error-query'])}) / (${sub(total)})`
            : undefined;
    const base = { slo: slo.name, service: slo.service, objective: slo.objective, window, query: ratio ?? '-' };
    const notVerified = (detail) => ({
        done: { ...base, attainment: null, budget_remaining_percent: null, status: 'not_verified', detail }
    });
    if (!ratio)
        return notVerified('the SLO has no good/total or error/total query');
    const prom = await prometheus(slo.backend);
    if (!prom)
        return notVerified('no Prometheus backend configured');
    const windowSeconds = (0,duration/* durationSeconds */.o8)(window);
    const selectors = (0,telemetry_coverage/* selectorsOf */.Yv)(sub(total));
    const coverageQuery = selectors.length ? (0,telemetry_coverage/* coverageExpression */.HP)(selectors, windowSeconds, []) : undefined;
    const query = coverageQuery ? `label_replace(${ratio}, "${telemetry_coverage/* PART_LABEL */.ZK}", "value", "", "")\nor\n${coverageQuery}` : ratio;
    return { slo, base, query, coverageQuery, selectors, windowSeconds, prom, alone: !isOneExpression(query) };
}
/**
 * Whether the grammar reads the query as one complete expression (no syntax error, no open
 * string). Read from its template: a string's content never makes a syntax error, and the SLOs of
 * a fleet differ only in their strings, so they share one parse.
 */
const isOneExpression = (query) => {
    const read = (0,promql/* templateParse */.Ym)(query);
    return read !== undefined && read.parsed.error === undefined;
};
/** The attainment an SLO's answer shows, with the range its data covers. */
function judge(ctx, p, samples) {
    const { slo, base, coverageQuery, selectors, windowSeconds } = p;
    const window = slo.window;
    const values = samples.filter((s) => !coverageQuery || s.labels[telemetry_coverage/* PART_LABEL */.ZK] === 'value');
    const row = {};
    for (const s of samples)
        if (s.labels[telemetry_coverage/* PART_LABEL */.ZK] !== 'value')
            (0,telemetry_coverage/* addCoverageSample */.qk)(row, s.labels[telemetry_coverage/* PART_LABEL */.ZK], s.value);
    const rule = (0,telemetry_coverage/* sufficiencyRule */.x2)(ctx.config, 'slo-attainment', windowSeconds);
    const coverage = (0,telemetry_coverage/* coverageOf */._5)(row.first === undefined ? undefined : row, {
        now: ctx.now(),
        window,
        rule,
        query: coverageQuery ?? '-',
        liveSeconds: Math.max(300, (0,duration/* durationSeconds */.o8)(ctx.config.freshness)),
        countsRequests: selectors.some(telemetry_coverage/* isCounterSelector */.K7)
    });
    const withCoverage = { ...base, coverage: { ...coverage, informational: rule.informational } };
    const v = values.length === 1 ? values[0].value : NaN;
    if (!Number.isFinite(v)) {
        const why = values.length === 0 ? 'empty result' : values.length > 1 ? `${values.length} series, expected one` : `value ${v}`;
        if (!coverage.sufficient) {
            return {
                ...withCoverage,
                attainment: null,
                budget_remaining_percent: null,
                status: 'insufficient_data',
                detail: `insufficient data: ${(0,telemetry_coverage/* describeCoverage */.KZ)(coverage)} (${why})`
            };
        }
        return { ...withCoverage, attainment: null, budget_remaining_percent: null, status: 'error', detail: why };
    }
    const budget = 1 - slo.objective / 100;
    const spent = budget > 0 ? (1 - v) / budget : 0;
    const budgetLeft = Math.round((1 - spent) * 10000) / 100;
    if (!coverage.sufficient) {
        // Measured, but over too little of the window to say met or breached, or what budget is left.
        return {
            ...withCoverage,
            attainment: null,
            budget_remaining_percent: null,
            covered_attainment: v,
            status: 'insufficient_data',
            detail: `insufficient data: ${(0,telemetry_coverage/* describeCoverage */.KZ)(coverage)}; over that range the ratio is ${Math.round(v * 1e6) / 1e4}%`
        };
    }
    return {
        ...withCoverage,
        attainment: v,
        budget_remaining_percent: budgetLeft,
        status: v * 100 >= slo.objective ? 'met' : 'breached',
        detail: `at ${ctx.now().toISOString()}, over ${(0,telemetry_coverage/* describeCoverage */.KZ)(coverage)}`
    };
}

// EXTERNAL MODULE: ./src/gates/gates.ts + 1 modules
var gates = __webpack_require__(95803);
// EXTERNAL MODULE: ./src/model/backlog.ts
var backlog = __webpack_require__(28274);
// EXTERNAL MODULE: ./src/util/escape.ts
var util_escape = __webpack_require__(55421);
// EXTERNAL MODULE: ./src/report/table.ts
var table = __webpack_require__(790);
;// CONCATENATED MODULE: ./src/report/backlog.ts



/** `improvement-backlog.md`: one entry per item, with the fingerprint that finds its issue again. */
function renderBacklog(items, now) {
    const sorted = [...items].sort(backlog/* byPriority */.m);
    return [
        '# Improvement backlog',
        '',
        `Generated ${now.toISOString()}. ${items.length} item(s).`,
        '',
        (0,table/* mdTable */.gJ)(['Priority', 'Item', 'Gate', 'Fingerprint'], sorted.map((b) => [b.priority, b.title, b.gate ? String(b.gate) : '', { md: (0,util_escape/* inlineCode */.ti)(b.fingerprint) }])),
        ...sorted.map((b) => [
            `## ${(0,util_escape/* escapeMarkdown */.FV)(b.title)}`,
            '',
            (0,util_escape/* escapeMarkdown */.FV)(b.summary),
            '',
            (0,table/* mdTable */.gJ)(['Evidence', 'Value'], b.evidence.map((e) => [e.label, e.value])),
            ...(b.action ? [`**What to do:** ${(0,util_escape/* escapeMarkdown */.FV)(b.action)}`, ''] : []),
            ...(b.verify ? ['**Check the fix locally:**', '', (0,util_escape/* codeBlock */.DV)(b.verify, 'sh'), ''] : [])
        ].join('\n'))
    ].join('\n');
}

// EXTERNAL MODULE: ./src/report/charts.ts
var charts = __webpack_require__(43337);
;// CONCATENATED MODULE: ./src/report/scorecard.ts




/** `observability-scorecard.md`: SLO attainment, alert precision and outstanding risks, for leadership. */
function renderScorecard(args) {
    const high = args.backlog.filter((b) => b.priority === 'high');
    return [
        '# Observability scorecard',
        '',
        `- Release: ${(0,util_escape/* escapeMarkdown */.FV)(args.release)}`,
        `- Generated: ${args.now.toISOString()}`,
        '',
        '## Headline',
        '',
        (0,table/* mdTable */.gJ)(['Measure', 'Value'], [
            ['Instrumentation coverage', `${(0,table/* fmtNumber */.FQ)(args.audit.coverage_completeness, 2)}%`],
            [
                'Alert tests acknowledged within SLA',
                `${(0,table/* fmtNumber */.FQ)(args.alertTests.sla_compliance, 2)}% (SLA ${args.alertTests.sla_target_seconds} s)`
            ],
            ['Alert precision', (0,table/* fmtNumber */.FQ)(args.tuning.precision)],
            ['Incident recall', (0,table/* fmtNumber */.FQ)(args.tuning.recall)],
            ['Mean detection time', args.tuning.mean_detection_seconds === null ? 'n/a' : `${args.tuning.mean_detection_seconds} s`],
            ...(args.tuning.backtest
                ? [
                    [
                        'Backtest precision / recall (rules in force over history)',
                        `${(0,table/* fmtNumber */.FQ)(args.tuning.backtest.summary.precision)} / ${(0,table/* fmtNumber */.FQ)(args.tuning.backtest.summary.recall)} (${(0,table/* fmtNumber */.FQ)(args.tuning.backtest.data.coverage.fraction * 100, 1)}% of the lookback covered)`
                    ],
                    ['Rules whose backtest disagrees with ALERTS', String(args.tuning.backtest.summary.disagreements.length)]
                ]
                : []),
            ['Open improvement items', `${args.backlog.length} (${high.length} high)`],
            ...args.gates.map((g) => [`Gate ${g.id}: ${g.name}`, g.status.toUpperCase()])
        ]),
        '## SLO attainment',
        '',
        (0,charts/* sloAttainmentFigure */.u5)(args.slos).chart,
        '',
        (0,charts/* errorBudgetFigure */.eG)(args.slos).chart,
        '',
        (0,table/* mdTable */.gJ)(['SLO', 'Service', 'Objective', 'Window', 'Attainment', 'Error budget left', 'Status', 'Query'], args.slos.map((s) => [
            s.slo,
            s.service,
            `${s.objective}%`,
            s.window,
            s.attainment === null ? 'n/a' : `${(0,table/* fmtNumber */.FQ)(s.attainment * 100, 3)}%`,
            s.budget_remaining_percent === null ? 'n/a' : `${(0,table/* fmtNumber */.FQ)(s.budget_remaining_percent, 1)}%`,
            s.status === 'error' || s.status === 'not_verified'
                ? `${s.status}: ${s.detail}`
                : s.status === 'insufficient_data'
                    ? s.detail
                    : s.status,
            s.query
        ])),
        '## Coverage per signal',
        '',
        (0,charts/* figureMarkdown */.__)((0,charts/* coverageFigure */.Vd)(args.audit)) || '_No services audited._\n',
        '## Against the previous release',
        '',
        args.baseline?.previous?.comparisons.length
            ? (0,charts/* figureMarkdown */.__)((0,charts/* baselineFigure */.wo)(args.baseline.previous.comparisons))
            : `_${args.baseline?.not_verified_reason ? `Baseline not verified: ${(0,util_escape/* escapeMarkdown */.FV)(args.baseline.not_verified_reason)}` : 'No previous release to compare with.'}_\n`,
        '## Outstanding risks',
        '',
        (0,table/* mdTable */.gJ)(['Priority', 'Item', 'Service'], args.backlog
            .filter((b) => b.priority !== 'low')
            .sort(backlog/* byPriority */.m)
            .map((b) => [b.priority, b.title, b.service]))
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/report/tuning.ts



/** `alert-tuning-report.md`: alerts against incidents, and the adjustments that follow. */
function renderTuningReport(t) {
    return [
        '# Alert tuning report',
        '',
        `- Generated: ${t.generated_at}`,
        `- Lookback: ${(0,util_escape/* escapeMarkdown */.FV)(t.lookback)}`,
        `- From real data: ${t.from_real_data ? 'yes' : 'no: see the sources below'}`,
        `- Precision (alert firings that matched an incident): ${(0,table/* fmtNumber */.FQ)(t.precision)}`,
        `- Recall (incidents that raised an alert): ${(0,table/* fmtNumber */.FQ)(t.recall)}`,
        `- Mean detection time: ${t.mean_detection_seconds === null ? 'n/a' : `${t.mean_detection_seconds} s`}`,
        ...(t.coverage
            ? [`- Alert history covered: ${t.coverage.sufficient ? '' : 'insufficient data: '}${(0,util_escape/* escapeMarkdown */.FV)((0,telemetry_coverage/* describeCoverage */.KZ)(t.coverage))}`]
            : []),
        '',
        '## Data sources',
        '',
        (0,table/* mdTable */.gJ)(['Source', 'Kind', 'Request', 'Status', 'Records', 'Detail'], t.sources.map((s) => [s.name, s.kind, s.request, s.status, s.count, s.detail])),
        '## Alerts',
        '',
        (0,table/* mdTable */.gJ)(['Alert', 'Firings', 'Matched an incident', 'Precision', 'Suggestion'], t.alerts.map((a) => [a.alertname, a.episodes, a.matched, (0,table/* fmtNumber */.FQ)(a.precision), a.suggestion])),
        '## Incidents',
        '',
        (0,table/* mdTable */.gJ)(['Incident', 'Service', 'Started', 'Resolved', 'Alerted', 'First alert', 'Detection (s)'], t.incidents.map((m) => [
            m.incident.id,
            m.incident.service,
            m.incident.started_at,
            m.incident.resolved_at,
            m.outcome === 'insufficient_data' ? `insufficient data: ${m.reason ?? ''}` : m.detected ? 'yes' : 'no',
            m.first_alert,
            m.detection_seconds
        ])),
        '## Adjustments',
        '',
        t.adjustments.length
            ? (0,table/* mdTable */.gJ)(['Target', 'Change', 'Why'], t.adjustments.map((a) => [a.target, a.change, a.why]))
            : t.from_real_data
                ? '_No adjustment needed: every incident alerted and no alert was noisy._\n'
                : '_No adjustment can be derived without real alert and incident data._\n',
        ...backtestSection(t.backtest)
    ].join('\n');
}
const secs = (n) => (n === null || n === undefined ? 'n/a' : `${n} s`);
/** The rules in force evaluated over the lookback (alert-backtest.json). */
function backtestSection(bt) {
    if (!bt)
        return [];
    const s = bt.summary;
    return [
        '## Backtest of the rules in force over history',
        '',
        `- Status: ${bt.status}: ${(0,util_escape/* escapeMarkdown */.FV)(bt.detail)}`,
        `- Window: ${bt.from} to ${bt.to}; data covered ${(0,table/* fmtNumber */.FQ)(bt.data.coverage.fraction * 100, 1)}% of it (from ${bt.data.coverage.from ?? 'n/a'})`,
        `- Requests: ${bt.requests.total} (${bt.requests.rule_queries} rule queries for ${bt.requests.rules_evaluated} rule(s), whatever the number of services)`,
        `- ALERTS history: ${bt.history.status}: ${(0,util_escape/* escapeMarkdown */.FV)(bt.history.detail)}`,
        `- Precision ${(0,table/* fmtNumber */.FQ)(s.precision)}, recall ${(0,table/* fmtNumber */.FQ)(s.recall)} (${s.detected} of ${s.incidents} incidents), mean detection ${secs(s.mean_detection_seconds)}`,
        '',
        (0,table/* mdTable */.gJ)([
            'Rule',
            'Source',
            'Status',
            'Covered',
            'Firings',
            'TP',
            'FP',
            'Missed',
            'Precision',
            'Recall',
            'Detection',
            'Reset',
            'vs ALERTS',
            'Proposal'
        ], bt.rules.map((r) => [
            r.name,
            r.loaded === false ? `${r.source} (not loaded)` : r.source,
            r.status === 'evaluated' ? r.status : `${r.status}: ${r.detail}`,
            `${(0,table/* fmtNumber */.FQ)(r.coverage.fraction * 100, 1)}%`,
            r.intervals.length,
            r.true_positives,
            r.false_positives,
            r.missed,
            (0,table/* fmtNumber */.FQ)(r.precision),
            (0,table/* fmtNumber */.FQ)(r.recall),
            secs(r.mean_detection_seconds),
            secs(r.mean_reset_seconds),
            r.history.status === 'disagrees' ? `disagrees: ${r.history.detail}` : r.history.status,
            r.proposal ? `${r.proposal.change}: ${r.proposal.why}` : ''
        ])),
        '### Incidents per rule',
        '',
        (0,table/* mdTable */.gJ)(['Rule', 'Incident', 'Outcome', 'Detection', 'Reset', 'Peak (factor or threshold multiple)'], bt.rules.flatMap((r) => r.incidents.map((o) => [
            r.name,
            o.id,
            o.status,
            secs(o.detection_seconds),
            secs(o.reset_seconds),
            o.peak ? `${(0,table/* fmtNumber */.FQ)(o.peak.factor ?? o.peak.signal)} at ${o.peak.at}` : ''
        ])))
    ];
}

// EXTERNAL MODULE: ./src/protocol/announce.ts
var announce = __webpack_require__(21313);
// EXTERNAL MODULE: ./src/report/findings.ts
var findings = __webpack_require__(19334);
// EXTERNAL MODULE: ./src/report/links.ts
var links = __webpack_require__(83303);
;// CONCATENATED MODULE: ./src/protocol/backlog.ts



/** The command line, as run from a clone of the action. */
const CLI = 'node dist/cli.js --config .github/sre-monitoring.yml --evidence .artifacts/deployment';
const SIGNAL_KEY = {
    metrics: 'metrics',
    logs: 'logs',
    traces: 'traces',
    synthetic: 'synthetics'
};
/** The request that showed a gap, as a command a person can paste (credentials left to them). */
function curlFor(m) {
    if (!m?.request.url || !/^https?:\/\//.test(m.request.url))
        return undefined;
    if (m.request.query && /\/api\/v1\/query(_range)?$|\/loki\/api\/v1\/query(_range)?$/.test(m.request.url))
        return `curl -sG ${(0,findings/* shellQuote */.ZL)(m.request.url)} --data-urlencode ${(0,findings/* shellQuote */.ZL)(`query=${m.request.query}`)}`;
    return `curl -si${m.request.method === 'HEAD' ? 'I' : ''} ${(0,findings/* shellQuote */.ZL)(m.request.url)}`;
}
const promCurl = (config, backend, expr) => {
    const name = backend ?? config?.baseline.backend ?? Object.entries(config?.backends ?? {}).find(([, b]) => b.type === 'prometheus')?.[0];
    const b = name ? config?.backends[name] : undefined;
    return b
        ? `curl -sG ${(0,findings/* shellQuote */.ZL)(`${b.url.replace(/\/+$/, '')}/api/v1/query`)} --data-urlencode ${(0,findings/* shellQuote */.ZL)(`query=${expr}`)}`
        : undefined;
};
const alertRuleFingerprint = (f) => (0,backlog/* fingerprint */.R)('alert-rule', f.slo, f.kind, f.long_window);
/**
 * Every gap the run found becomes one backlog item. The fingerprint names what the item is about
 * (kind, service, signal / route / SLO), so the same gap maps to the same issue on every run.
 */
function collectBacklog(r) {
    const config = r.config;
    const items = [];
    const add = (item) => {
        if (!items.some((i) => i.fingerprint === item.fingerprint))
            items.push(item);
    };
    for (const g of r.audit.missing_coverage) {
        const sig = r.audit.services.find((s) => s.service_name === g.service)?.[SIGNAL_KEY[g.signal]];
        const m = sig?.measurement;
        const diag = sig?.diagnosis;
        add({
            fingerprint: (0,backlog/* fingerprint */.R)('coverage', g.service, g.signal),
            kind: 'coverage_gap',
            service: g.service,
            priority: g.priority,
            gate: 1,
            title: `${g.service}: missing ${g.signal} coverage (${g.gap.replace(/_/g, ' ')})`,
            summary: `The instrumentation audit found no verified ${g.signal} for ${g.service} (${g.gap.replace(/_/g, ' ')}): ${g.detail}`,
            evidence: [
                { label: 'gap', value: g.gap },
                { label: 'detail', value: g.detail },
                ...(m
                    ? [
                        { label: 'value seen', value: m.value === null ? 'none' : String(m.value) },
                        ...(m.threshold ? [{ label: 'needed', value: m.threshold }] : []),
                        { label: 'request', value: `${m.request.method} ${m.request.url}` }
                    ]
                    : []),
                ...(diag ? [{ label: 'diagnosis', value: `${diag.cause.replace(/_/g, ' ')}: ${diag.detail}` }] : []),
                { label: 'audit date', value: r.audit.audit_date }
            ],
            action: diag ? (0,findings/* diagnosisHint */.fs)(diag, g.signal) : (0,findings/* coverageHint */.up)(g.gap, g.signal),
            verify: curlFor(m),
            query: m?.request.query ? { backend: m.request.backend, expr: m.request.query } : undefined,
            observedAt: m?.finished_at,
            links: (0,links/* queryLinks */.gn)(config, m?.request.backend, m?.request.query).map((l) => ({
                label: l.text === 'query' ? 'The query in the backend UI' : 'The query in Grafana Explore',
                url: l.url
            }))
        });
    }
    if (r.audit.not_verified_reason) {
        add({
            fingerprint: (0,backlog/* fingerprint */.R)('coverage', 'not-verified'),
            kind: 'coverage_gap',
            priority: 'high',
            gate: 1,
            title: 'Instrumentation not verified against live telemetry',
            summary: r.audit.not_verified_reason,
            evidence: [{ label: 'reason', value: r.audit.not_verified_reason }],
            action: 'Nothing was measured: fix the cause named (backends, signals in the config), then run again.',
            verify: CLI
        });
    }
    // One item per evidence file: its refuted claims are one fix (the tool that wrote them).
    const queryOf = (service, metric) => r.baseline.services
        .find((x) => (service ? x.service === service : x.metrics.some((v) => v.metric === metric)))
        ?.metrics.find((v) => v.metric === metric)?.query;
    const refuted = new Map();
    for (const c of r.baseline.claims.filter((x) => x.verdict === 'fail')) {
        const file = c.source.split(' ')[0] || c.source;
        refuted.set(file, [...(refuted.get(file) ?? []), c]);
    }
    for (const [file, claims] of refuted) {
        const firstQuery = claims.map((c) => c.query || queryOf(undefined, c.metric)).find(Boolean);
        add({
            fingerprint: (0,backlog/* fingerprint */.R)('claim', file),
            kind: 'claim_refuted',
            priority: 'medium',
            title: `${claims.length} deploy claim(s) in ${file} refuted by live data (${[...new Set(claims.map((c) => c.metric))].join(', ')})`,
            summary: `The deploy evidence in ${file} states values that live data does not bear out: ${claims.map((c) => c.reason).join('; ')}`,
            evidence: claims.map((c) => ({
                label: `${c.metric} (${c.source.slice(file.length).trim() || file})`,
                value: `claimed ${c.claimed}, observed ${c.observed ?? 'n/a'}${c.checked_against ? ` (${c.checked_against})` : ''}, tolerance ${c.tolerance_percent}%`
            })),
            action: `Fix what writes ${file} so that it reports measured values (units, the window, the right services); if the live query measures something else, set baseline.queries or the baseline query overrides in the config.`,
            verify: firstQuery ? promCurl(config, config?.baseline.backend, firstQuery) : CLI,
            query: firstQuery ? { backend: config?.baseline.backend, expr: firstQuery } : undefined,
            observedAt: r.baseline.captured_at
        });
    }
    for (const p of r.baseline.previous?.comparisons.filter((x) => x.verdict === 'fail' || x.verdict === 'warn') ?? []) {
        add({
            fingerprint: (0,backlog/* fingerprint */.R)('regression', p.service, p.metric),
            kind: 'baseline_regression',
            service: p.service,
            priority: p.verdict === 'fail' ? 'high' : 'low',
            title: `${p.service}: ${p.metric} regressed against the previous release`,
            summary: p.reason,
            evidence: [
                { label: 'previous', value: String(p.previous) },
                { label: 'current', value: String(p.current) },
                { label: 'criterion', value: p.criterion },
                ...(r.baseline.previous?.source ? [{ label: 'previous baseline', value: r.baseline.previous.source }] : [])
            ],
            action: `Find what in this release made ${p.metric} worse for ${p.service} (compare the releases' changes and dashboards); roll back or fix it, or change the criterion in baseline.criteria if the new level is intended.`,
            ...(() => {
                const q = queryOf(p.service, p.metric);
                return q
                    ? {
                        verify: promCurl(config, config?.baseline.backend, q),
                        query: { backend: config?.baseline.backend, expr: q },
                        links: (0,links/* queryLinks */.gn)(config, config?.baseline.backend, q).map((l) => ({
                            label: l.text === 'query' ? 'The query in the backend UI' : 'The query in Grafana Explore',
                            url: l.url
                        }))
                    }
                    : { verify: CLI };
            })(),
            observedAt: r.baseline.captured_at
        });
    }
    for (const f of r.alignment.findings.filter((x) => x.status !== 'aligned')) {
        add({
            fingerprint: alertRuleFingerprint(f),
            kind: 'alert_rule',
            service: f.service,
            priority: f.kind === 'page' || f.kind === 'service_page' ? 'high' : 'medium',
            gate: 2,
            title: `${f.kind} alert${f.long_window ? ` (${f.long_window})` : ''} for SLO ${f.slo} is ${f.status}`,
            summary: f.reason,
            evidence: [
                { label: 'expected', value: f.expected },
                { label: 'found', value: f.found ? `${f.found.rule} (${f.found.source}): ${f.found.expr}` : 'none' }
            ],
            action: f.status === 'error'
                ? 'The rules could not be read: make the rules backend reachable or the rule files parseable, then run again.'
                : `Add (or correct) the ${f.kind} alert for SLO ${f.slo}: the package's suggested-alert-rules.yml has it; copy it into your rule files and deploy them.`,
            verify: 'promtool check rules suggested-alert-rules.yml',
            query: f.found ? { expr: f.found.expr } : undefined
        });
    }
    for (const s of r.dashboards.services_without_dashboard) {
        add({
            fingerprint: (0,backlog/* fingerprint */.R)('dashboard', s),
            kind: 'dashboard',
            service: s,
            priority: 'medium',
            gate: 2,
            title: `No dashboard shows ${s}`,
            summary: `${s} is new or critical but appears in no dashboard panel query.`,
            evidence: [{ label: 'dashboards checked', value: r.dashboards.dashboards.map((d) => d.dashboard).join(', ') || 'none' }],
            action: `Add a panel whose query selects ${s} to one of the dashboards checked.`,
            verify: CLI
        });
    }
    for (const d of r.dashboards.dashboards) {
        for (const t of d.thresholds_missing) {
            add({
                fingerprint: (0,backlog/* fingerprint */.R)('dashboard-threshold', d.dashboard, t),
                kind: 'dashboard',
                priority: 'low',
                gate: 2,
                title: `Dashboard ${d.dashboard} lacks the SLO threshold ${t}`,
                summary: `The SLO threshold ${t} is not shown on the panel for its service.`,
                evidence: [{ label: 'dashboard', value: d.source }],
                action: `Add the threshold ${t} to the panel (a threshold step or a constant series).`,
                verify: CLI
            });
        }
    }
    for (const t of r.alertTests.tests.filter((x) => !(x.status === 'passed' && x.sla_met))) {
        const route = config?.alerting.routes.find((x) => x.name === t.route);
        const am = config?.alerting.alertmanager?.url;
        const service = route?.labels[config?.['service-label'] ?? 'service'];
        add({
            fingerprint: (0,backlog/* fingerprint */.R)('alert-path', t.route),
            kind: 'alert_path',
            service,
            priority: 'high',
            gate: 2,
            title: `Alert route ${t.route} failed its synthetic test (${t.actual_receivers.length && !t.actual_receivers.includes(t.expected_receiver) ? `went to ${t.actual_receivers.join(', ')}` : t.status === 'error' ? 'backend error' : !t.delivered_at ? 'not delivered' : 'not acknowledged in time'})`,
            action: t.status === 'error'
                ? 'Make the alerting backend reachable from the runner, then run again.'
                : t.actual_receivers.length && !t.actual_receivers.includes(t.expected_receiver)
                    ? `Fix the routing tree so alerts with the route's labels reach ${t.expected_receiver}, then deploy the Alertmanager config.`
                    : !t.delivered_at
                        ? `Fix the receiver ${t.expected_receiver}'s integration: Alertmanager chose it but the notification did not arrive.`
                        : `Check the on-call schedule and escalation of ${t.expected_receiver}: a person must acknowledge within ${t.sla_seconds} s.`,
            verify: route && t.provider === 'alertmanager' ? (0,findings/* amtoolCommand */.a9)(t.expected_receiver, route.labels) : CLI,
            observedAt: t.triggered_at ?? undefined,
            links: am && route && t.provider === 'alertmanager'
                ? [{ label: 'The synthetic alert in Alertmanager', url: (0,links/* alertmanagerAlertsUrl */.YP)(am, route.labels) }]
                : undefined,
            summary: t.reason,
            evidence: [
                { label: 'expected receiver', value: t.expected_receiver },
                { label: 'actual receivers', value: t.actual_receivers.join(', ') || 'none' },
                {
                    label: 'acknowledgement',
                    value: t.acknowledgement_time_seconds === null ? 'none' : `${t.acknowledgement_time_seconds} s (SLA ${t.sla_seconds} s)`
                },
                { label: 'status', value: t.status }
            ]
        });
    }
    for (const m of r.schedule.missing) {
        const type = m.split(' ')[0] ?? m;
        add({
            fingerprint: (0,backlog/* fingerprint */.R)('schedule', type),
            kind: 'schedule',
            priority: 'medium',
            gate: 3,
            title: `Ongoing ${type} check not scheduled`,
            summary: m,
            evidence: [{ label: 'schedule coverage', value: `${r.schedule.schedule_coverage}%` }],
            action: `Schedule the ${type} check: a workflow that runs this action with mode: assurance on a cron, or assurance.checks in the config, with an owner.`,
            verify: `${CLI} --mode assurance`
        });
    }
    for (const a of r.tuning.adjustments) {
        add({
            fingerprint: (0,backlog/* fingerprint */.R)('tuning', a.target, a.change.split(' ')[0]),
            kind: 'alert_tuning',
            priority: 'low',
            title: `Tune ${a.target}: ${a.change}`,
            summary: a.why,
            evidence: [{ label: 'lookback', value: r.tuning.lookback }, ...(a.evidence ?? [])],
            action: `Change ${a.target}: ${a.change}. See alert-tuning-report.md in the package for the episodes and incidents behind it.`,
            verify: 'promtool check rules <your rule file>'
        });
    }
    for (const s of r.tuning.sources.filter((x) => x.status !== 'ok')) {
        add({
            fingerprint: (0,backlog/* fingerprint */.R)('tuning-source', s.kind),
            kind: 'alert_tuning',
            priority: 'medium',
            gate: 3,
            title: `Alert tuning lacks its ${s.kind} source`,
            summary: `${s.name}: ${s.status}: ${s.detail}`,
            evidence: [{ label: 'request', value: s.request }],
            action: s.kind === 'incidents'
                ? 'Configure an incident source: incidents.file or incidents.github-labels.'
                : 'Give the run a Prometheus backend that holds the ALERTS history (alerting.rules-backend).',
            verify: CLI
        });
    }
    if (r.approvalMissing) {
        add({
            fingerprint: (0,backlog/* fingerprint */.R)('approval'),
            kind: 'approval',
            priority: 'high',
            gate: 4,
            title: 'Monitoring approval not recorded',
            summary: 'Obtain SRE sign-off (a protected environment approval or the approved-by input) and the on-call owner.',
            evidence: [],
            action: 'Approve the protected environment of the monitoring job, or pass the approved-by and on-call-owner inputs.',
            verify: `${CLI} --approved-by 'alice (SRE lead)' --on-call-owner payments-oncall`
        });
    }
    // The owners named in the config are assigned to their service's items.
    for (const item of items) {
        const owners = item.service ? config?.services.find((s) => s.name === item.service)?.['github-assignees'] : undefined;
        if (owners?.length)
            item.assignees = [...owners];
    }
    return items.sort(backlog/* byPriority */.m);
}
/** The fingerprints of gaps that must each have a backlog item (gate 3). */
function gapFingerprints(audit, alignment, alertTests) {
    return [
        ...audit.missing_coverage.map((g) => (0,backlog/* fingerprint */.R)('coverage', g.service, g.signal)),
        ...alignment.findings.filter((f) => f.status !== 'aligned').map(alertRuleFingerprint),
        ...alertTests.tests.filter((t) => !(t.status === 'passed' && t.sla_met)).map((t) => (0,backlog/* fingerprint */.R)('alert-path', t.route))
    ];
}

// EXTERNAL MODULE: ./src/protocol/hooks.ts
var hooks = __webpack_require__(9952);
// EXTERNAL MODULE: ./src/protocol/quality-audit.ts
var quality_audit = __webpack_require__(47043);
;// CONCATENATED MODULE: ./src/protocol/phase3-assurance.ts
/** Phase 3: the ongoing checks' schedule, alert tuning, SLO attainment, scorecard, backlog; gate 3. */

















async function assurancePhase(run, p1, p2) {
    const { opts, log, steps, now } = run;
    const { config, ctx, model, audit, baseline } = p1;
    const { alignment, dashboards, alertTests } = p2;
    log.info(announce/* ANNOUNCE */.eV.phase3);
    // SLO attainment and the backtest's queries need nothing of what comes first: they start now.
    const slosLive = run.startStep('SLO attainment', () => sloAttainment(ctx, (backend) => steps.prometheus(ctx, backend)));
    const schedule = buildSchedule({
        config,
        workflows: await findAssuranceWorkflows(opts.workspace),
        onCallOwner: opts.onCallOwner,
        now: now()
    });
    await run.writeJson(files/* FILES */.cn.observabilitySchedule, schedule);
    log.info(announce/* ANNOUNCE */.eV.correlating);
    const correlate = () => run.step('alert tuning', () => correlateAlerts(ctx, (backend) => steps.prometheus(ctx, backend), opts.github), (reason) => emptyTuning(now(), config, reason));
    // The live correlation always runs; a tuning-command's report is added to it, never in its place.
    const tuningLive = correlate();
    // The rules in force over the same lookback and incidents: the rules' queries go out while the
    // incidents are read, and each rule is judged once they are.
    const backtestLive = run.startStep('alert backtest', () => backtestAlerts({
        ctx,
        prometheus: (backend) => steps.prometheus(ctx, backend),
        incidents: tuningLive.then((t) => t.incidents.map((m) => m.incident)),
        incidentSources: tuningLive.then((t) => t.sources),
        alignment
    }));
    let tuning = await tuningLive;
    let hookSection = '';
    const tuningCommand = config.hooks['tuning-command'];
    if (tuningCommand) {
        log.info(`Live check (built-in): ${tuning.from_real_data ? 'success' : 'incomplete (see alert-tuning-report.md)'}`);
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'sre-hook-'));
        const hook = await (0,hooks.runHook)({
            command: tuningCommand,
            outputFile: (0,external_node_path_.join)(dir, files/* FILES */.cn.alertTuningReport),
            cwd: opts.workspace,
            env: opts.env,
            timeoutSeconds: config.hooks['timeout-seconds']
        }).finally(() => (0,promises_.rm)(dir, { recursive: true, force: true }).catch(() => undefined));
        log.info(announce/* ANNOUNCE */.eV.automation('aggregate_coverage.py', `${hook.status} (tuning-command)`));
        hookSection =
            hook.data && hook.data.trim()
                ? `\n\n## From tuning-command\n\nAdded by the configured tuning-command; the figures above are from the live correlation and decide gate 3.\n\n${hook.data.trim()}\n`
                : `\n\n## From tuning-command\n\nThe configured tuning-command produced nothing usable: ${hook.error ?? hook.status}.\n`;
    }
    else {
        log.info(announce/* ANNOUNCE */.eV.automation('aggregate_coverage.py', tuning.from_real_data ? 'success' : 'incomplete (see alert-tuning-report.md)'));
    }
    const backtest = await backtestLive.settle((reason) => emptyBacktest(now(), config.incidents.lookback, 'error', reason));
    await run.writeJson(BACKTEST_FILE, backtest);
    log.info(`Alert backtest: ${backtest.status}, ${backtest.summary.evaluated} of ${backtest.summary.rules} rule(s) evaluated with ${backtest.requests.total} request(s), ${backtest.summary.proposals} proposal(s), ${backtest.summary.disagreements.length} disagreement(s) with ALERTS`);
    tuning = withBacktest(tuning, backtest);
    const drillSection = p2.drill ? (await __webpack_require__.e(/* import() */ 519).then(__webpack_require__.bind(__webpack_require__, 10519))).renderDrillSection(p2.drill) : '';
    const tuningWritten = (await run.writeText(files/* FILES */.cn.alertTuningReport, renderTuningReport(tuning) + drillSection + hookSection)) !== undefined;
    const approval = p2.approval;
    const quality = (0,quality_audit/* qualityBacklog */.Fw)(p1.qualityAudit, audit);
    const backlog = [
        ...collectBacklog({
            audit,
            baseline,
            alignment,
            dashboards,
            alertTests,
            schedule,
            tuning,
            approvalMissing: approval.status !== 'approved',
            config
        }),
        ...quality
    ];
    const slos = await slosLive.settle(() => []);
    await run.writeText(files/* FILES */.cn.scorecard, renderScorecard({
        release: model.release.tag ?? 'untagged',
        now: now(),
        slos,
        audit,
        alertTests,
        tuning,
        backlog,
        gates: [p1.gate, p2.gate],
        baseline
    }));
    const backlogFile = await run.writeText(files/* FILES */.cn.improvementBacklog, renderBacklog(backlog, now()));
    // Gate 3 reads the backlog back from the file it wrote: the artifact is what must list the gaps.
    const backlogText = backlogFile ? await (0,promises_.readFile)(backlogFile.path, 'utf8').catch(() => undefined) : undefined;
    const listed = backlogText === undefined ? [] : backlog.filter((b) => backlogText.includes(b.fingerprint));
    const gate = (0,gates/* evaluateAssuranceGate */.qK)({
        schedule,
        tuning,
        tuningWritten,
        backlog: listed,
        backlogWritten: backlogText !== undefined,
        gapFingerprints: [...gapFingerprints(audit, alignment, alertTests), ...quality.map((q) => q.fingerprint)],
        thresholds: config.gates
    });
    (0,announce/* announceGate */.VW)(log, gate);
    return { schedule, tuning, tuningWritten, approval, backlog, backlogWritten: backlogText !== undefined, slos, gate };
}


/***/ }),

/***/ 47043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CH: () => (/* binding */ renderQualityRequirements),
/* harmony export */   DR: () => (/* binding */ loadQualityAudit),
/* harmony export */   Fw: () => (/* binding */ qualityBacklog),
/* harmony export */   lb: () => (/* binding */ openFindings),
/* harmony export */   mf: () => (/* binding */ isHighRiskGap)
/* harmony export */ });
/* unused harmony export reconcileFindings */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _evidence_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21174);
/* harmony import */ var _model_backlog_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28274);
/* harmony import */ var _package_schemas_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46616);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70017);
/* harmony import */ var _util_escape_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(55421);
/* harmony import */ var _artifacts_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(86404);
/**
 * Protocol 4's input: quality audit findings about monitoring gaps and compliance requirements
 * (`inputs.quality-audit`), as JSON (schemas/quality-audit.schema.json) or as Markdown with a
 * findings table. They feed the requirements, the instrumentation gaps and the backlog.
 */








const MAX_BYTES = 2 * 1024 * 1024;
const SEVERITY = [
    [/^(critical|blocker|p0|sev ?0|sev ?1)$/, 'critical'],
    [/^(high|major|p1|sev ?2)$/, 'high'],
    [/^(medium|moderate|p2|sev ?3)$/, 'medium'],
    [/^(low|minor|p3|p4|info|informational|sev ?4)$/, 'low']
];
function category(text, signal) {
    const t = (text ?? '').toLowerCase();
    if (/instrument|telemetry|metric|log|trac|observab|coverage/.test(t))
        return 'instrumentation-gap';
    if (/alert|paging|on-?call/.test(t))
        return 'alerting-gap';
    if (/monitor|dashboard/.test(t))
        return 'monitoring-gap';
    if (/complian|regulat|policy|audit|requirement/.test(t))
        return 'compliance';
    return signal ? 'instrumentation-gap' : 'other';
}
function signalOf(text) {
    const t = (text ?? '').toLowerCase();
    if (/^metrics?$/.test(t))
        return 'metrics';
    if (/^logs?$|^logging$/.test(t))
        return 'logs';
    if (/^traces?$|^tracing$/.test(t))
        return 'traces';
    if (/^synthetics?$|^probes?$|^synthetic checks?$/.test(t))
        return 'synthetic';
    return undefined;
}
/** Read and check the findings file; bad input is refused with the file, field and line. */
async function loadQualityAudit(path, workspace) {
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, path);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(workspace, abs);
    if (rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(rel) === rel) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputErrors */ .G([
            new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz({ file: path, field: 'inputs.quality-audit', expected: 'a path inside the workspace', found: 'a path outside it' })
        ]);
    }
    let text;
    try {
        const buf = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(abs);
        if (buf.length > MAX_BYTES)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputErrors */ .G([new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz({ file: path, expected: `at most ${MAX_BYTES} bytes`, found: `${buf.length} bytes` })]);
        text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    }
    catch (err) {
        if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputErrors */ .G)
            throw err;
        const e = err;
        const found = e.code === 'ENOENT'
            ? 'no such file'
            : e.code === 'EISDIR'
                ? 'a folder'
                : e instanceof TypeError
                    ? 'bytes that are not UTF-8'
                    : (e.code ?? e.message);
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputErrors */ .G([
            new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz({
                file: path,
                field: 'inputs.quality-audit',
                expected: 'a readable UTF-8 JSON or Markdown file of Protocol 4 findings',
                found
            })
        ]);
    }
    return /\.json$/i.test(path) ? fromJson(text, path) : fromMarkdown(text, path);
}
function fromJson(text, file) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputErrors */ .G([
            new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz({ file, expected: 'JSON (schemas/quality-audit.schema.json)', found: `invalid JSON (${err.message})` })
        ]);
    }
    const check = (0,_package_schemas_js__WEBPACK_IMPORTED_MODULE_4__/* .validateAgainst */ .sq)(_artifacts_files_js__WEBPACK_IMPORTED_MODULE_6__/* .SCHEMA_FILES */ .cU.qualityAudit, data);
    if (!check.valid) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputErrors */ .G(check.errors
            .slice(0, 10)
            .map((e) => new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz({ file, expected: 'findings as schemas/quality-audit.schema.json describes', found: e })));
    }
    const findings = data.findings;
    return {
        file,
        format: 'json',
        findings: findings.map((f) => ({ ...f, category: f.category ?? category(f.title, f.signal), status: f.status ?? 'open' }))
    };
}
function fromMarkdown(text, file) {
    const doc = (0,_evidence_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarkdown */ .Dd)(text, file, () => undefined);
    // A section's nodes may repeat the preamble's (the title's section): each table once.
    const nodes = [...new Set([...doc.preamble, ...doc.sections.flatMap((s) => s.nodes)])];
    const errors = [];
    const findings = [];
    let tables = 0;
    for (const t of (0,_evidence_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .tablesIn */ .N$)(nodes)) {
        const title = (0,_evidence_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .column */ .fi)(t.headers, [/^(finding|title|issue|gap|description)/]);
        const severity = (0,_evidence_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .column */ .fi)(t.headers, [/^(severity|priority|risk)/]);
        if (title === undefined || severity === undefined)
            continue;
        tables++;
        const id = (0,_evidence_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .column */ .fi)(t.headers, [/^(id|ref|reference|finding id|#)$/], [title]);
        const cat = (0,_evidence_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .column */ .fi)(t.headers, [/^(category|type|area|kind)/]);
        const service = (0,_evidence_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .column */ .fi)(t.headers, [/^(service|component|system)/]);
        const signal = (0,_evidence_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .column */ .fi)(t.headers, [/^(signal|telemetry)/]);
        const requirement = (0,_evidence_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .column */ .fi)(t.headers, [/^(requirement|recommendation|remediation|action|fix)/]);
        const status = (0,_evidence_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .column */ .fi)(t.headers, [/^(status|state)/]);
        t.rows.forEach((r, i) => {
            const cell = (c) => (c === undefined ? undefined : r.cells[c]?.trim() || undefined);
            const sev = (cell(severity) ?? '').toLowerCase();
            const mapped = SEVERITY.find(([re]) => re.test(sev))?.[1];
            if (!mapped) {
                errors.push(new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz({
                    file,
                    line: r.line,
                    field: `findings table, row ${i + 1}, column ${t.headers[severity]}`,
                    expected: 'critical, high, medium or low',
                    found: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .describeValue */ .bp)(cell(severity) ?? '')
                }));
                return;
            }
            const st = (cell(status) ?? 'open').toLowerCase();
            const sig = signalOf(cell(signal));
            findings.push({
                id: cell(id) ?? `row-${r.line ?? i + 1}`,
                title: cell(title) ?? '',
                severity: mapped,
                category: category(cell(cat) ?? cell(title), sig),
                ...(cell(service) ? { service: cell(service) } : {}),
                ...(sig ? { signal: sig } : {}),
                ...(cell(requirement) ? { requirement: cell(requirement) } : {}),
                status: /^(resolved|closed|done|fixed)$/.test(st) ? 'resolved' : 'open',
                ...(r.line !== undefined ? { line: r.line } : {})
            });
        });
    }
    if (tables === 0)
        errors.push(new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz({
            file,
            expected: 'a Markdown table of findings with a Finding (or Title) and a Severity column',
            found: 'no such table'
        }));
    if (errors.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputErrors */ .G(errors.slice(0, 10));
    return { file, format: 'markdown', findings };
}
/**
 * Each open finding checked against the live audit: a gap finding that names a service and a
 * signal the live audit verified is resolved by it; every other open finding stands.
 */
function reconcileFindings(qa, audit) {
    return qa.findings.map((f) => {
        if (!f.service || !f.signal)
            return { ...f, live: 'not checked' };
        const svc = audit.services.find((s) => s.service_name === f.service);
        const key = f.signal === 'synthetic' ? 'synthetics' : f.signal;
        return { ...f, live: svc?.[key].verified ? 'verified' : 'not verified' };
    });
}
/** The findings that still stand after the live check. */
function openFindings(qa, audit) {
    if (!qa)
        return [];
    return reconcileFindings(qa, audit).filter((f) => f.status === 'open' && !(f.category === 'instrumentation-gap' && f.live === 'verified'));
}
/** Gate 1's criterion "no high-risk gaps remain": an open critical or high instrumentation gap. */
const isHighRiskGap = (f) => f.category === 'instrumentation-gap' && (f.severity === 'critical' || f.severity === 'high');
const PRIORITY = { critical: 'high', high: 'high', medium: 'medium', low: 'low' };
function qualityBacklog(qa, audit) {
    return openFindings(qa, audit).map((f) => ({
        fingerprint: (0,_model_backlog_js__WEBPACK_IMPORTED_MODULE_3__/* .fingerprint */ .R)('quality-audit', f.id),
        kind: 'quality_finding',
        ...(f.service ? { service: f.service } : {}),
        priority: PRIORITY[f.severity],
        ...(isHighRiskGap(f) ? { gate: 1 } : {}),
        title: `Protocol 4 finding ${f.id}: ${f.title}`,
        summary: `The quality audit (${qa.file}) found: ${f.title}${f.requirement ? `. Required: ${f.requirement}` : ''}.`,
        evidence: [
            { label: 'finding', value: f.id },
            { label: 'severity', value: f.severity },
            { label: 'category', value: f.category },
            ...(f.service ? [{ label: 'service', value: f.service }] : []),
            ...(f.signal ? [{ label: 'signal', value: `${f.signal} (live check: ${f.live})` }] : []),
            { label: 'source', value: `${qa.file}${f.line ? `:${f.line}` : ''}` }
        ]
    }));
}
/** The section monitoring-requirements.md gets from the quality audit. */
function renderQualityRequirements(qa) {
    const cell = (s) => (s ? (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeCell */ .kq)(s) : '-');
    const rows = qa.findings.map((f) => `| ${cell(f.id)} | ${f.severity} | ${f.category} | ${cell(f.service)} | ${cell(f.signal)} | ${cell(f.requirement ?? f.title)} | ${f.status} |`);
    return [
        '',
        '## Quality audit findings (Protocol 4)',
        '',
        `From ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .inlineCode */ .ti)(qa.file)} (${qa.format}): ${qa.findings.length} finding(s), ${qa.findings.filter((f) => f.status === 'open').length} open.`,
        '',
        '| Finding | Severity | Category | Service | Signal | Requirement | Status |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        ''
    ].join('\n');
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
