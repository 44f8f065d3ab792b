export const id = 196;
export const ids = [196];
export const modules = {

/***/ 78902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ selectsValue),
/* harmony export */   Eq: () => (/* binding */ lezerParse),
/* harmony export */   GG: () => (/* binding */ walk),
/* harmony export */   Gt: () => (/* binding */ matchersAccept),
/* harmony export */   It: () => (/* binding */ asComparison),
/* harmony export */   J0: () => (/* binding */ branches),
/* harmony export */   L5: () => (/* binding */ ratioShape),
/* harmony export */   OJ: () => (/* binding */ substituteVariables),
/* harmony export */   Tp: () => (/* binding */ selectors),
/* harmony export */   Uf: () => (/* binding */ PromqlError),
/* harmony export */   Wh: () => (/* binding */ matcherSelects),
/* harmony export */   X8: () => (/* binding */ OPERATOR_NODES),
/* harmony export */   Ym: () => (/* binding */ templateParse),
/* harmony export */   Zv: () => (/* binding */ metricNames),
/* harmony export */   Zz: () => (/* binding */ ranges),
/* harmony export */   _n: () => (/* binding */ unquote),
/* harmony export */   a3: () => (/* reexport safe */ _util_duration_js__WEBPACK_IMPORTED_MODULE_1__.rV),
/* harmony export */   aG: () => (/* binding */ firstSelector),
/* harmony export */   dk: () => (/* binding */ regexMatches),
/* harmony export */   eh: () => (/* binding */ nameWindow),
/* harmony export */   k4: () => (/* binding */ labelMatchers),
/* harmony export */   kj: () => (/* reexport safe */ _util_duration_js__WEBPACK_IMPORTED_MODULE_1__.nw),
/* harmony export */   v_: () => (/* binding */ parsePromql),
/* harmony export */   vs: () => (/* binding */ template)
/* harmony export */ });
/* unused harmony exports parseTolerant, children, constantValue, vectorReferences, referencesWindow, comparisonThresholds, dividesBy */
/* harmony import */ var _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86828);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26518);
/**
 * PromQL read with the Prometheus team's grammar (@prometheus-io/lezer-promql), turned into a small
 * syntax tree, and the facts rule alignment needs taken from that tree: selectors and matchers,
 * the range of each rate/increase, ratio shape, comparison thresholds, and-joined windows and the
 * recording rules an expression reads. Whatever the analysis cannot read is said so, never guessed.
 */


class PromqlError extends Error {
}
/** PromQL durations are read and written by the one duration module. */

/** A PromQL string literal's value (double, single or back quotes). */
function unquote(lit) {
    const q = lit[0];
    const body = lit.slice(1, lit.length > 1 && lit[lit.length - 1] === q ? -1 : undefined);
    if (q === '`')
        return body;
    return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{3}|.)/g, (_, e) => {
        if (e[0] === 'u' || e[0] === 'x')
            return String.fromCharCode(parseInt(e.slice(1), 16));
        if (/^[0-7]{3}$/.test(e))
            return String.fromCharCode(parseInt(e, 8));
        return { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' }[e] ?? e;
    });
}
/** Template variables (Grafana's `$__rate_interval`, the SLO's `$window`) put where a duration goes. */
function substituteVariables(expr, duration = '5m') {
    return expr.replace(/\[\s*\$\{?[A-Za-z_][A-Za-z0-9_]*\}?\s*(:[^\]]*)?\]/g, (_, sub) => `[${duration}${sub ?? ''}]`);
}
class Reader {
    src;
    tolerant;
    literals;
    constructor(src, tolerant, 
    /** In a template, the string literals' values by the position of their placeholder. */
    literals) {
        this.src = src;
        this.tolerant = tolerant;
        this.literals = literals;
    }
    text(n) {
        return this.src.slice(n.from, n.to);
    }
    literal(n) {
        const v = this.literals?.get(n.from);
        return v !== undefined ? v : unquote(this.text(n));
    }
    children(n) {
        const out = [];
        for (let c = n.firstChild; c; c = c.nextSibling)
            out.push(c);
        return out;
    }
    fail(n, why) {
        throw new PromqlError(`${why} at column ${n.from + 1}`);
    }
    exprChildren(n) {
        return this.children(n)
            .filter((c) => !['(', ')', ','].includes(c.name) && !c.type.isError)
            .map((c) => this.node(c));
    }
    matchers(n) {
        const out = [];
        for (const m of this.children(n)) {
            if (m.type.isError) {
                if (!this.tolerant)
                    this.fail(m, 'unfinished label matchers');
                continue;
            }
            if (m.name !== 'UnquotedLabelMatcher' && m.name !== 'QuotedLabelMatcher')
                continue;
            const parts = this.children(m);
            const labelNode = parts[0];
            const label = labelNode.name === 'QuotedLabelName' ? this.literal(labelNode.firstChild ?? labelNode) : this.text(labelNode);
            const op = this.text(parts.find((p) => p.name === 'MatchOp') ?? m);
            const lit = parts.find((p) => p.name === 'StringLiteral');
            if (!lit)
                this.fail(m, `matcher on ${label} has no value`);
            out.push({ label, op, value: this.literal(lit) });
        }
        return out;
    }
    selector(n) {
        const id = n.getChild('Identifier');
        const lm = n.getChild('LabelMatchers');
        const matchers = lm ? this.matchers(lm) : [];
        let name = id ? this.text(id) : undefined;
        const byName = matchers.find((m) => m.label === '__name__' && m.op === '=');
        if (!name && byName)
            name = byName.value;
        const kept = matchers.filter((m) => m !== byName || !id);
        const shown = kept.filter((m) => m !== byName);
        const text = `${name ?? ''}${shown.length || !name ? `{${shown.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(', ')}}` : ''}`;
        return { kind: 'selector', name, matchers: kept, text };
    }
    duration(n) {
        if (!n)
            return NaN;
        const s = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .promqlDurationSeconds */ .nw)(this.text(n));
        if (s === undefined)
            this.fail(n, `duration "${this.text(n)}" is not a plain duration`);
        return s;
    }
    node(n) {
        if (n.type.isError) {
            if (this.tolerant)
                return { kind: 'other', text: '', args: [] };
            this.fail(n, 'syntax error');
        }
        switch (n.name) {
            case 'PromQL':
            case 'ParenExpr': {
                const inner = this.exprChildren(n);
                if (inner.length !== 1) {
                    if (this.tolerant)
                        return { kind: 'other', text: this.text(n), args: inner };
                    this.fail(n, 'empty or unfinished expression');
                }
                return inner[0];
            }
            case 'NumberDurationLiteral': {
                const t = this.text(n).replace(/_/g, '');
                const sign = t.startsWith('-') ? -1 : 1;
                const body = t.replace(/^[-+]/, '');
                const v = /^inf$/i.test(body) ? Infinity : /^nan$/i.test(body) ? NaN : /^0x/i.test(body) ? parseInt(body, 16) : Number(body);
                const value = Number.isNaN(v) && !/^nan$/i.test(body) ? ((0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .promqlDurationSeconds */ .nw)(body) ?? NaN) : v;
                return { kind: 'number', value: sign * value };
            }
            case 'StringLiteral':
                return { kind: 'string', value: this.literal(n) };
            case 'VectorSelector':
                return this.selector(n);
            case 'MatrixSelector': {
                const vs = n.getChild('VectorSelector');
                if (!vs) {
                    if (this.tolerant)
                        return { kind: 'other', text: this.text(n), args: this.exprChildren(n) };
                    this.fail(n, 'a range over something that is not a selector');
                }
                return { ...this.selector(vs), range: this.duration(n.getChild('DurationExpr')) };
            }
            case 'OffsetExpr': {
                const inner = this.node(n.firstChild);
                return inner.kind === 'selector' ? { ...inner, offset: true } : inner;
            }
            case 'StepInvariantExpr':
            case 'AnchoredExpr':
            case 'SmoothedExpr':
                return this.node(n.firstChild);
            case 'SubqueryExpr':
                return { kind: 'subquery', expr: this.node(n.firstChild), range: this.duration(n.getChild('DurationExpr')) };
            case 'FunctionCall': {
                const fn = this.text(n.getChild('FunctionIdentifier'));
                const body = n.getChild('FunctionCallBody');
                return { kind: 'call', fn, args: body ? this.exprChildren(body) : [] };
            }
            case 'AggregateExpr': {
                const op = this.text(n.getChild('AggregateOp'));
                const mod = n.getChild('AggregateModifier');
                const body = n.getChild('FunctionCallBody');
                const labels = mod?.getChild('GroupingLabels');
                return {
                    kind: 'aggregate',
                    op,
                    ...(mod
                        ? {
                            modifier: {
                                by: !!mod.getChild('By'),
                                labels: labels
                                    ? this.children(labels)
                                        .filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',')
                                        .map((c) => this.text(c))
                                    : []
                            }
                        }
                        : {}),
                    args: body ? this.exprChildren(body) : []
                };
            }
            case 'BinaryExpr': {
                const parts = this.children(n);
                const exprs = parts.filter((p) => !OPERATOR_NODES.has(p.name) && !p.type.isError);
                const opNode = parts.find((p) => BINARY_OPS.has(p.name));
                if (exprs.length !== 2 || !opNode) {
                    if (this.tolerant)
                        return { kind: 'other', text: this.text(n), args: exprs.map((e) => this.node(e)) };
                    this.fail(n, 'unfinished binary expression');
                }
                const mm = n.getChild('MatchingModifierClause');
                const grouping = mm?.getChild('GroupingLabels');
                return {
                    kind: 'binary',
                    op: this.text(opNode).toLowerCase(),
                    bool: !!n.getChild('BoolModifier'),
                    ...(mm
                        ? {
                            matching: {
                                on: !!mm.getChild('On'),
                                labels: grouping
                                    ? this.children(grouping)
                                        .filter((c) => c.name === 'LabelName' || c.name === 'QuotedLabelName')
                                        .map((c) => this.text(c))
                                    : []
                            }
                        }
                        : {}),
                    lhs: this.node(exprs[0]),
                    rhs: this.node(exprs[1])
                };
            }
            case 'UnaryExpr': {
                const op = n.getChild('UnaryOp');
                const inner = this.children(n).find((c) => c.name !== 'UnaryOp');
                return { kind: 'unary', op: op ? this.text(op) : '-', expr: this.node(inner) };
            }
            default:
                if (this.tolerant)
                    return { kind: 'other', text: this.text(n), args: this.exprChildren(n) };
                this.fail(n, `unexpected ${n.name}`);
        }
    }
}
const BINARY_OPS = new Set([
    'Pow',
    'Mul',
    'Div',
    'Mod',
    'Atan2',
    'Add',
    'Sub',
    'Eql',
    'Gte',
    'Gtr',
    'Lte',
    'Lss',
    'Neq',
    'And',
    'Unless',
    'Or',
    'TrimUpper',
    'TrimLower'
]);
/** The grammar's nodes of a binary expression that are not its two sides. */
const OPERATOR_NODES = new Set([...BINARY_OPS, 'BoolModifier', 'MatchingModifierClause', 'FillModifier']);
/**
 * The expression with every string literal emptied, and the literals in order. The grammar's tree
 * does not depend on what a string holds, so rules that differ only in label values (a fleet's
 * rules, Sloth's per-SLO copies) share one parse.
 */
function template(expr) {
    let text = '';
    const literals = [];
    let i = 0;
    let from = 0;
    while (i < expr.length) {
        const c = expr[i];
        if (c === '#') {
            const nl = expr.indexOf('\n', i);
            i = nl < 0 ? expr.length : nl;
            continue;
        }
        if (c !== '"' && c !== "'" && c !== '`') {
            i++;
            continue;
        }
        let j = i + 1;
        while (j < expr.length && expr[j] !== c) {
            if (expr[j] === '\n' && c !== '`')
                return undefined;
            j += c !== '`' && expr[j] === '\\' ? 2 : 1;
        }
        if (j >= expr.length)
            return undefined;
        text += expr.slice(from, i);
        literals.push({ at: text.length, raw: expr.slice(i, j + 1) });
        text += '""';
        i = j + 1;
        from = i;
    }
    return { text: text + expr.slice(from), literals };
}
/**
 * Where a position in a template's text falls in the expression it came from: each literal is
 * `""` at its `at` in the template, so a position after it moves by the literal's length less 2.
 */
function templatePosition(t) {
    const starts = t.literals.map((l) => l.at);
    const shift = [0];
    for (const l of t.literals)
        shift.push(shift.at(-1) + l.raw.length - 2);
    return (p) => {
        let lo = 0;
        let hi = starts.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (starts[mid] < p)
                lo = mid + 1;
            else
                hi = mid;
        }
        return p + shift[lo];
    };
}
/**
 * The grammar's parse of an expression's template, once for every expression of its shape, with
 * `at` taking a position in the template to the same place in the expression, so the tree reads
 * each expression in its own positions. Undefined when the expression has no template (a string
 * left open or broken by a line).
 */
function templateParse(expr) {
    const t = template(expr);
    return t ? { parsed: lezerParse(t.text), at: templatePosition(t) } : undefined;
}
const lezerCache = new Map();
/** Trees of templates, string values as placeholders (`\u0000<n>`: the n-th literal). */
const templateTrees = new Map();
const PLACEHOLDER = '\u0000';
/** A template's tree with its literals put in. */
function fill(n, values) {
    const v = (x) => (x.startsWith(PLACEHOLDER) ? values[Number(x.slice(1))] : x);
    switch (n.kind) {
        case 'selector': {
            // A name taken from {__name__="..."} was a placeholder in the template.
            const own = n.name !== undefined && !n.name.startsWith(PLACEHOLDER) ? n.name : undefined;
            const matchers = n.matchers.map((m) => ({ ...m, value: v(m.value) }));
            const byName = matchers.find((m) => m.label === '__name__' && m.op === '=');
            const name = own ?? byName?.value;
            const shown = matchers.filter((m) => m !== byName);
            const text = `${name ?? ''}${shown.length || !name ? `{${shown.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(', ')}}` : ''}`;
            const { name: _drop, ...rest } = n;
            return { ...rest, ...(name !== undefined ? { name } : {}), matchers, text };
        }
        case 'string':
            return { kind: 'string', value: v(n.value) };
        case 'call':
        case 'aggregate':
        case 'other':
            return { ...n, args: n.args.map((a) => fill(a, values)) };
        case 'binary':
            return { ...n, lhs: fill(n.lhs, values), rhs: fill(n.rhs, values) };
        case 'unary':
        case 'subquery':
            return { ...n, expr: fill(n.expr, values) };
        default:
            return n;
    }
}
const treeCache = new Map();
/** The grammar's parse of a text, once per text: the alignment and the backtest read the same rules. */
function lezerParse(text) {
    let hit = lezerCache.get(text);
    if (hit)
        return hit;
    const tree = _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__/* .parser */ .K3D.parse(text);
    let error;
    let syntaxErrorAt;
    tree.iterate({
        enter: (n) => {
            if (n.type.isError) {
                syntaxErrorAt ??= n.from;
                error ??= `${n.from >= text.length ? 'unexpected end of expression' : `syntax error near "${text.slice(n.from, n.from + 12)}"`} at column ${n.from + 1}`;
            }
            else if (!error && n.name === 'StringLiteral') {
                const lit = text.slice(n.from, n.to);
                if (lit.length < 2 || lit[lit.length - 1] !== lit[0])
                    error = `unterminated string at column ${n.from + 1}`;
            }
        }
    });
    hit = { tree, ...(error ? { error } : {}), ...(syntaxErrorAt !== undefined ? { syntaxErrorAt } : {}) };
    if (lezerCache.size > 20_000)
        lezerCache.clear();
    lezerCache.set(text, hit);
    return hit;
}
/**
 * The syntax tree of an expression. Throws PromqlError with the reason when it is not valid PromQL.
 * Trees are cached by text, and the grammar's parse by the text without its string literals.
 */
function parsePromql(expr) {
    let hit = treeCache.get(expr);
    if (hit === undefined) {
        try {
            const t = template(expr);
            const parsed = t ? lezerParse(t.text) : undefined;
            if (t && parsed && !parsed.error) {
                let shape = templateTrees.get(t.text);
                if (!shape) {
                    shape = new Reader(t.text, false, new Map(t.literals.map((l, i) => [l.at, `${PLACEHOLDER}${i}`]))).node(parsed.tree.topNode);
                    if (templateTrees.size > 20_000)
                        templateTrees.clear();
                    templateTrees.set(t.text, shape);
                }
                hit = fill(shape, t.literals.map((l) => unquote(l.raw)));
            }
            else {
                // Positions in messages are those of the expression as written.
                const own = lezerParse(expr);
                if (own.error)
                    throw new PromqlError(own.error);
                hit = new Reader(expr, false).node(own.tree.topNode);
            }
        }
        catch (err) {
            hit = err instanceof PromqlError ? err : new PromqlError(String(err));
        }
        if (treeCache.size > 50_000)
            treeCache.clear();
        treeCache.set(expr, hit);
    }
    if (hit instanceof PromqlError)
        throw hit;
    return hit;
}
/** The tree of an expression that may not be valid (dashboard queries with template variables). */
function parseTolerant(expr) {
    const text = substituteVariables(expr);
    try {
        return parsePromql(text);
    }
    catch {
        return new Reader(text, true).node(_prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__/* .parser */ .K3D.parse(text).topNode);
    }
}
function children(n) {
    switch (n.kind) {
        case 'call':
        case 'aggregate':
        case 'other':
            return n.args;
        case 'binary':
            return [n.lhs, n.rhs];
        case 'unary':
        case 'subquery':
            return [n.expr];
        default:
            return [];
    }
}
/** Every node of a tree, parents first (a loop, not recursion: trees from fleets are many). */
function walk(n) {
    const out = [];
    const stack = [n];
    while (stack.length) {
        const x = stack.pop();
        out.push(x);
        const c = children(x);
        for (let i = c.length - 1; i >= 0; i--)
            stack.push(c[i]);
    }
    return out;
}
function selectors(n) {
    const out = [];
    for (const x of walk(n))
        if (x.kind === 'selector')
            out.push(x);
    return out;
}
/** The value of a constant expression (numbers, + - * / ^ %, parentheses), or undefined. */
function constantValue(n) {
    if (n.kind === 'number')
        return n.value;
    if (n.kind === 'unary') {
        const v = constantValue(n.expr);
        return v === undefined ? undefined : n.op === '-' ? -v : v;
    }
    if (n.kind === 'call' && n.fn === 'scalar' && n.args[0])
        return undefined;
    if (n.kind !== 'binary')
        return undefined;
    const a = constantValue(n.lhs);
    const b = constantValue(n.rhs);
    if (a === undefined || b === undefined)
        return undefined;
    switch (n.op) {
        case '+':
            return a + b;
        case '-':
            return a - b;
        case '*':
            return a * b;
        case '/':
            return a / b;
        case '%':
            return a % b;
        case '^':
            return a ** b;
        default:
            return undefined;
    }
}
const COMPARISONS = new Set(['>', '>=', '<', '<=', '==', '!=']);
const FLIP = { '>': '<', '>=': '<=', '<': '>', '<=': '>=', '==': '==', '!=': '!=' };
/** A comparison between a series and a constant, or undefined (a comparison of two series). */
function asComparison(n) {
    if (n.kind !== 'binary' || !COMPARISONS.has(n.op))
        return undefined;
    const r = constantValue(n.rhs);
    if (r !== undefined && constantValue(n.lhs) === undefined)
        return { series: n.lhs, op: n.op, threshold: r, bool: n.bool };
    const l = constantValue(n.lhs);
    if (l !== undefined && r === undefined)
        return { series: n.rhs, op: FLIP[n.op], threshold: l, bool: n.bool };
    return undefined;
}
/** Functions and aggregations that keep the set of series their argument selects. */
const PASS_THROUGH_FUNCS = new Set(['label_replace', 'label_join', 'sort', 'sort_desc', 'last_over_time']);
const PASS_THROUGH_AGGS = new Set(['max', 'min', 'sum', 'avg', 'group']);
/**
 * An alert expression as or-joined branches of and-joined comparisons. The series an alert fires
 * for are those of the branches; `unless` removes series, so only its left side can fire.
 */
function branches(n) {
    if (n.kind === 'binary' && n.op === 'or')
        return [...branches(n.lhs), ...branches(n.rhs)];
    if (n.kind === 'binary' && n.op === 'unless')
        return branches(n.lhs);
    if (n.kind === 'binary' && n.op === 'and') {
        const out = [];
        for (const a of branches(n.lhs))
            for (const b of branches(n.rhs))
                out.push({
                    comparisons: [...a.comparisons, ...b.comparisons],
                    unreadable: [...a.unreadable, ...b.unreadable],
                    filters: [...a.filters, ...b.filters]
                });
        return out;
    }
    if (n.kind === 'aggregate' && PASS_THROUGH_AGGS.has(n.op) && n.args.length === 1)
        return branches(n.args[0]);
    if (n.kind === 'call' && PASS_THROUGH_FUNCS.has(n.fn) && n.args[0])
        return branches(n.args[0]);
    const c = asComparison(n);
    if (c)
        return [{ comparisons: [c], unreadable: [], filters: [] }];
    if (n.kind === 'binary' && COMPARISONS.has(n.op))
        return [{ comparisons: [], unreadable: [n], filters: [] }];
    return [{ comparisons: [], unreadable: [], filters: [n] }];
}
/** Functions whose first argument is a range of counter samples. */
const RANGE_FUNCS = new Set([
    'rate',
    'increase',
    'irate',
    'delta',
    'idelta',
    'avg_over_time',
    'sum_over_time',
    'count_over_time',
    'min_over_time',
    'max_over_time',
    'absent_over_time',
    'present_over_time',
    'last_over_time',
    'quantile_over_time',
    'changes',
    'resets',
    'deriv',
    'predict_linear'
]);
/** Ranges (seconds) of range-vector selectors and subqueries read by an expression. */
function ranges(n) {
    const out = [];
    for (const x of walk(n)) {
        if (x.kind === 'selector' && x.range !== undefined && Number.isFinite(x.range))
            out.push(x.range);
        if (x.kind === 'subquery')
            out.push(x.range);
    }
    return out;
}
/** Whether an expression reads a counter as rate()/increase() (a ratio of rates is an error ratio). */
function readsRate(n) {
    for (const x of walk(n))
        if (x.kind === 'call' && RANGE_FUNCS.has(x.fn))
            return true;
    return false;
}
/** Strip aggregations and functions that keep the value (max without(..), clamp_min(x, 0), ...). */
function core(n) {
    if (n.kind === 'aggregate' && PASS_THROUGH_AGGS.has(n.op) && n.args.length === 1)
        return core(n.args[0]);
    if (n.kind === 'call' && (PASS_THROUGH_FUNCS.has(n.fn) || n.fn === 'clamp_min' || n.fn === 'clamp_max' || n.fn === 'clamp') && n.args[0])
        return core(n.args[0]);
    return n;
}
/**
 * The ratio shape of the series side of a comparison, once recording rules are expanded:
 * errors/total, 1 - good/total, or either divided by a constant budget (a burn rate).
 */
function ratioShape(n) {
    const c = core(n);
    if (c.kind === 'binary' && c.op === '/') {
        const d = constantValue(c.rhs);
        if (d !== undefined && constantValue(c.lhs) === undefined) {
            const inner = ratioShape(c.lhs);
            return { shape: inner.shape ? 'burn rate (ratio / budget)' : undefined, divisor: d };
        }
        if (readsRate(c.lhs) && readsRate(c.rhs))
            return { shape: 'errors/total' };
        const l = ratioShape(c.lhs);
        if (l.shape)
            return l;
    }
    if (c.kind === 'binary' && c.op === '-' && constantValue(c.lhs) === 1) {
        const r = core(c.rhs);
        if (r.kind === 'binary' && r.op === '/' && readsRate(r.lhs) && readsRate(r.rhs))
            return { shape: '1 - good/total' };
    }
    if (c.kind === 'binary' && c.op === '*') {
        const k = constantValue(c.rhs) ?? constantValue(c.lhs);
        const other = constantValue(c.rhs) !== undefined ? c.lhs : c.rhs;
        if (k !== undefined) {
            const inner = ratioShape(other);
            if (inner.shape)
                return { shape: 'burn rate (ratio / budget)', divisor: 1 / k };
        }
    }
    return { shape: undefined };
}
/** Whether a label matcher list selects a value: `label="v"` or a `=~` regex that matches v. */
function matcherSelects(m, value) {
    if (m.op === '=')
        return m.value === value;
    if (m.op === '=~')
        return regexMatches(m.value, value);
    return false;
}
const regexCache = new Map();
/** Prometheus regexes are anchored RE2; JavaScript's engine reads the common subset alike. */
function regexMatches(pattern, value) {
    let re = regexCache.get(pattern);
    if (re === undefined) {
        try {
            re = new RegExp(`^(?:${pattern})$`);
        }
        catch {
            re = null;
        }
        regexCache.set(pattern, re);
    }
    return re ? re.test(value) : false;
}
/** Whether a series with these labels is selected by the matchers. */
function matchersAccept(matchers, labels) {
    return matchers.every((m) => {
        const v = labels[m.label] ?? '';
        if (m.op === '=')
            return v === m.value;
        if (m.op === '!=')
            return v !== m.value;
        if (m.op === '=~')
            return regexMatches(m.value, v);
        return !regexMatches(m.value, v);
    });
}
// ---- Helpers over expression text (dashboards, suggestions, older callers) ------------------------
/** Metric names an expression reads (including recording-rule names it references). */
function metricNames(expr) {
    return [...new Set(selectors(parseTolerant(expr)).flatMap((s) => (s.name ? [s.name] : [])))];
}
/** `name{label="v", ...}` references, with their matchers. */
function vectorReferences(expr) {
    return selectors(parseTolerant(expr)).flatMap((s) => (s.name ? [{ name: s.name, matchers: s.matchers }] : []));
}
/** Label matchers anywhere in an expression. */
function labelMatchers(expr) {
    return selectors(parseTolerant(expr)).flatMap((s) => s.matchers);
}
/** Whether an expression selects a label value: `label="v"` or a `=~` regex that matches v. */
function selectsValue(expr, value, label) {
    return labelMatchers(expr).some((m) => (label === undefined || m.label === label) && matcherSelects(m, value));
}
/**
 * Whether an expression evaluates a window: a range `[1h]`, or (for a recording rule not in the
 * rule set) a referenced name ending in the window, as `ratio_rate1h`.
 */
function referencesWindow(expr, window) {
    const w = promDurationSeconds(window);
    const tree = parseTolerant(expr);
    if (w !== undefined && ranges(tree).some((r) => Math.abs(r - w) < 1e-9))
        return true;
    return selectors(tree).some((s) => s.name !== undefined && nameWindow(s.name) === w);
}
/** The window a recording rule's name ends in (`..._rate1h`, `...:burnrate5m`), in seconds. */
function nameWindow(name) {
    const m = /(?:^|[^0-9a-zA-Z])[a-zA-Z_]*?(\d+(?:ms|y|w|d|h|m|s))$/.exec(name);
    return m ? (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .promqlDurationSeconds */ .nw)(m[1]) : undefined;
}
/** Constant right-hand sides of `>` / `>=` comparisons, in order. */
function comparisonThresholds(expr) {
    let tree;
    try {
        tree = parsePromql(substituteVariables(expr));
    }
    catch {
        return [];
    }
    const out = [];
    for (const x of walk(tree)) {
        const c = asComparison(x);
        if (c && (c.op === '>' || c.op === '>=') && Number.isFinite(c.threshold))
            out.push(c.threshold);
    }
    return out;
}
/** Whether an expression divides by a constant equal to `budget` (a burn rate, not a ratio). */
function dividesBy(expr, budget) {
    for (const x of walk(parseTolerant(expr))) {
        if (x.kind !== 'binary' || x.op !== '/')
            continue;
        const d = constantValue(x.rhs);
        if (d !== undefined && Math.abs(d - budget) <= budget * 1e-9)
            return true;
    }
    return false;
}
/** First plain vector selector in a query (for `absent(...)`), as written. */
function firstSelector(expr) {
    const s = selectors(parseTolerant(expr)).find((x) => x.name);
    return s?.text.replace(/\[.*$/, '');
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


/***/ })

};
