export const id = 43;
export const ids = [43];
export const modules = {

/***/ 51508:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dd: () => (/* binding */ parseMarkdown),
/* harmony export */   Kd: () => (/* binding */ findSections),
/* harmony export */   LJ: () => (/* binding */ keyValuesIn),
/* harmony export */   N$: () => (/* binding */ tablesIn),
/* harmony export */   R: () => (/* binding */ trimSeparators),
/* harmony export */   SB: () => (/* binding */ splitTime),
/* harmony export */   Tr: () => (/* binding */ paragraphsIn),
/* harmony export */   Un: () => (/* binding */ itemsIn),
/* harmony export */   _O: () => (/* binding */ urlsIn),
/* harmony export */   ap: () => (/* binding */ collapse),
/* harmony export */   fi: () => (/* binding */ column),
/* harmony export */   pD: () => (/* binding */ saysNone),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* unused harmony exports textOf, lineOf, normaliseHeading, normaliseKey, TIME_PREFIX */
/* harmony import */ var mdast_util_from_markdown__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46855);
/* harmony import */ var mdast_util_frontmatter__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(88494);
/* harmony import */ var mdast_util_gfm__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(78379);
/* harmony import */ var micromark_extension_frontmatter__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(30796);
/* harmony import */ var micromark_extension_gfm__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(52297);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21530);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74976);









/**
 * Plain text of a node. Raw HTML and inline code are kept verbatim: this is evidence text, and
 * escaping is the renderer's job.
 */
function textOf(node) {
    switch (node.type) {
        case 'text':
        case 'inlineCode':
        case 'html':
        case 'code':
            return node.value;
        case 'break':
            return '\n';
        case 'image':
            return node.alt ?? '';
        case 'yaml':
            return '';
        default:
            break;
    }
    if (!('children' in node))
        return '';
    const block = node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'root';
    return node.children.map((c) => textOf(c)).join(block ? '\n' : '');
}
function lineOf(node) {
    return node.position?.start.line;
}
/** Lower-case heading text without emoji, numbering ("2.", "3)") or punctuation. */
function normaliseHeading(text) {
    return text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s&/-]/gu, ' ')
        .replace(/^\s*\d+(\.\d+)*\s*/, '')
        .replace(/\s+/g, ' ')
        .trim();
}
/** Lower-case key with spaces, dashes and camelCase folded to snake_case. */
function normaliseKey(key) {
    return key
        .replace(/([a-z])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '');
}
function parseFrontMatter(value, file, startLine) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(value, { lineCounter, prettyErrors: false });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        // Front matter begins on the line after the opening `---`.
        const line = e.linePos?.[0]?.line !== undefined ? e.linePos[0].line + startLine : startLine;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz({
            file,
            line,
            field: 'front matter',
            expected: 'valid YAML front matter between --- lines',
            found: e.message.split('\n')[0] ?? e.code
        });
    }
    const data = doc.toJS();
    if (data === null || data === undefined)
        return {};
    if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .G)(data)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz({
            file,
            line: startLine,
            field: 'front matter',
            expected: 'a YAML mapping of fields (key: value)',
            found: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .bp)(data)
        });
    }
    const out = {};
    for (const [k, v] of Object.entries(data))
        out[normaliseKey(k)] = v;
    return out;
}
/** Constructs of GFM's autolink literal extension (bare `www.`, `http://` and e-mail links). */
const LITERAL_LINKS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);
/**
 * GFM without its autolink literal: tables, strikethrough, footnotes and task lists. Bare URLs are
 * found in the text by urlsIn, so turning them into link nodes only costs time: a quarter of the
 * parse of a 5,000-row service table, spent trying a link at every letter w and h.
 */
function gfmWithoutLiteralLinks() {
    const ext = (0,micromark_extension_gfm__WEBPACK_IMPORTED_MODULE_4__/* .gfm */ .T)();
    const text = ext.text;
    if (text) {
        for (const code of Object.keys(text)) {
            const list = [].concat(text[code]).filter((c) => !LITERAL_LINKS.has(c.name ?? ''));
            if (list.length)
                text[code] = list;
            else
                delete text[code];
        }
    }
    return ext;
}
/**
 * Parse Markdown into front matter and sections. `classify` names the kind of section a heading
 * starts (or undefined for a heading that only structures the text).
 */
function parseMarkdown(text, file, classify) {
    const source = (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .stripBom */ .F8)(text).replace(/\r\n?/g, '\n');
    const root = (0,mdast_util_from_markdown__WEBPACK_IMPORTED_MODULE_5__/* .fromMarkdown */ .Y)(source, {
        extensions: [gfmWithoutLiteralLinks(), (0,micromark_extension_frontmatter__WEBPACK_IMPORTED_MODULE_6__/* .frontmatter */ .v)(['yaml'])],
        mdastExtensions: [...(0,mdast_util_gfm__WEBPACK_IMPORTED_MODULE_7__/* .gfmFromMarkdown */ .C)().filter((e) => !e.enter?.literalAutolink), (0,mdast_util_frontmatter__WEBPACK_IMPORTED_MODULE_8__/* .frontmatterFromMarkdown */ .q)(['yaml'])]
    });
    let fm = {};
    const children = [...root.children];
    const first = children[0];
    if (first?.type === 'yaml') {
        fm = parseFrontMatter(first.value, file, (first.position?.start.line ?? 1) + 1);
        children.shift();
    }
    const headingIdx = [];
    children.forEach((n, i) => {
        if (n.type === 'heading')
            headingIdx.push(i);
    });
    // A lone level-1 heading at the top is the document's title ("Deployment Health Log"), not a
    // section, even when its words would match one.
    const firstHeading = headingIdx[0];
    const h1Count = headingIdx.filter((i) => children[i].depth === 1).length;
    const titleIdx = firstHeading !== undefined && children[firstHeading].depth === 1 && h1Count === 1 ? firstHeading : undefined;
    const kinds = new Map();
    for (const i of headingIdx) {
        kinds.set(i, i === titleIdx ? undefined : classify(normaliseHeading(textOf(children[i]))));
    }
    const sections = [];
    for (const i of headingIdx) {
        const h = children[i];
        const kind = kinds.get(i);
        const nodes = [];
        for (let j = i + 1; j < children.length; j++) {
            const n = children[j];
            if (n.type === 'heading' && (n.depth <= h.depth || kinds.get(j) !== undefined))
                break;
            nodes.push(n);
        }
        sections.push({ heading: textOf(h).trim(), depth: h.depth, line: lineOf(h) ?? 1, kind, nodes });
    }
    // What follows the title up to the next heading is the preamble, where tools often put
    // "Release: v2.4.0" lines.
    const preamble = [];
    const start = titleIdx !== undefined ? titleIdx + 1 : 0;
    for (let j = start; j < children.length && children[j].type !== 'heading'; j++)
        preamble.push(children[j]);
    return { file, frontMatter: fm, preamble, sections };
}
function findSections(doc, kind) {
    return doc.sections.filter((s) => s.kind === kind);
}
function tablesIn(nodes) {
    return nodes
        .filter((n) => n.type === 'table')
        .map((t) => {
        const [head, ...body] = t.children;
        return {
            headers: (head?.children ?? []).map((c) => normaliseHeading(textOf(c))),
            rows: body.map((r) => ({
                cells: r.children.map((c) => collapse(textOf(c))),
                cellNodes: r.children,
                line: lineOf(r)
            }))
        };
    });
}
/** Index of the first header matching one of the patterns, in order of preference. */
function column(headers, patterns, exclude = []) {
    for (const p of patterns) {
        const i = headers.findIndex((h, idx) => !exclude.includes(idx) && p.test(h));
        if (i >= 0)
            return i;
    }
    return undefined;
}
/** Items of the lists directly in a section (nested lists are folded into their parent item). */
function itemsIn(nodes) {
    const out = [];
    for (const n of nodes) {
        if (n.type !== 'list')
            continue;
        for (const li of n.children) {
            const para = li.children.find((c) => c.type === 'paragraph');
            const nested = li.children.filter((c) => c.type === 'list').flatMap((l) => l.children.map((c) => collapse(textOf(c))));
            const firstInline = para && 'children' in para ? para.children[0] : undefined;
            const item = {
                text: para ? collapse(textOf(para)) : '',
                full: textOf(li)
                    .replace(/[^\S\n]+/g, ' ')
                    .replace(/ ?\n[\s]*/g, '\n')
                    .trim(),
                node: li,
                line: lineOf(li),
                nested
            };
            if (firstInline && (firstInline.type === 'strong' || firstInline.type === 'inlineCode' || firstInline.type === 'emphasis')) {
                item.lead = textOf(firstInline).trim();
            }
            out.push(item);
        }
    }
    return out;
}
function paragraphsIn(nodes) {
    return nodes.filter((n) => n.type === 'paragraph').map((p) => ({ text: textOf(p).trim(), line: lineOf(p) }));
}
const KV_LINE = /^\s*([A-Za-z][\w ./&()-]{0,40}?)\s*:\s+(\S.*)$/;
/**
 * "Key: value" facts from bullets, paragraph lines and two-column tables, in document order.
 * Keys are normalised (see normaliseKey).
 */
function keyValuesIn(nodes) {
    const out = [];
    const push = (line, at) => {
        const m = KV_LINE.exec(line.replace(/\*\*/g, ''));
        if (m && m[1] && m[2])
            out.push({ key: normaliseKey(m[1]), value: m[2].trim(), line: at });
    };
    for (const n of nodes) {
        if (n.type === 'paragraph') {
            const base = lineOf(n) ?? 0;
            textOf(n)
                .split('\n')
                .forEach((l, i) => push(l, base + i));
        }
        else if (n.type === 'list') {
            for (const item of itemsIn([n])) {
                push(item.text, item.line);
                for (const nested of item.nested)
                    push(nested, item.line);
            }
        }
        else if (n.type === 'table') {
            for (const t of tablesIn([n])) {
                if (t.headers.length !== 2)
                    continue;
                // A Field | Value table: the header row may itself be a fact ("Tag | v2.4.0").
                if (!/^(field|key|item|property|attribute|name)$/.test(t.headers[0] ?? '')) {
                    const headNode = n.children[0];
                    if (headNode) {
                        const cells = headNode.children.map((c) => textOf(c).trim());
                        out.push({ key: normaliseKey(cells[0] ?? ''), value: cells[1] ?? '', line: lineOf(headNode) });
                    }
                }
                for (const r of t.rows) {
                    if (r.cells[0] && r.cells[1])
                        out.push({ key: normaliseKey(r.cells[0]), value: r.cells[1], line: r.line });
                }
            }
        }
    }
    return out;
}
const URL_RE = /\bhttps?:\/\/[^\s<>()[\]"'`|,;]+/g;
/** Absolute URLs in a node: link targets and URLs written in the text. */
function urlsIn(node) {
    const found = [];
    const visit = (n) => {
        if (n.type === 'link' && /^https?:\/\//.test(n.url))
            found.push(n.url);
        if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'html') {
            for (const m of n.value.matchAll(URL_RE))
                found.push(m[0]);
        }
        if ('children' in n)
            for (const c of n.children)
                visit(c);
    };
    for (const n of Array.isArray(node) ? node : [node])
        visit(n);
    return [...new Set(found.map((u) => u.replace(/[.,:;!?]+$/, '')))];
}
/** Entries in a cell listing several things: "a, b", "a<br>b", "a b". */
function splitList(text) {
    return text
        .split(/<br\s*\/?>|[,;\n]|\s+/i)
        .map((s) => s.trim().replace(/^`|`$/g, ''))
        .filter((s) => s !== '' && !/^(-|—|–|n\/a|none)$/i.test(s));
}
/** "None", "No anomalies observed", "n/a": a list entry that says the list is empty. */
function saysNone(text) {
    return /^(none|n\/a|nothing|no\b.*\b(observed|detected|found|recorded|reported|raised|needed|required|escalations?|anomal\w*)\b|-|—)\.?$/i.test(text.trim());
}
const TIME_PREFIX = /^\s*(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|UTC|[+-]\d{2}:?\d{2})?|\d{1,2}:\d{2}(?::\d{2})?\s*(?:UTC|Z|[AaPp][Mm])?|T\s*[+-]\s*\d+\s*(?:min|m|h|s)?)(?:\s*(?:[—–|:]|-(?!\d)|\s)\s*|$)/;
/** Split "14:05 UTC — text" into time and text. */
function splitTime(text) {
    const m = TIME_PREFIX.exec(text);
    if (!m || !m[1])
        return { rest: text.trim() };
    return { time: m[1].trim(), rest: text.slice(m[0].length).trim() };
}
/** Remove separators left at the ends of a text: ":", "—", "-", "|" at the start, dashes at the end. */
function trimSeparators(text) {
    // A loop rather than /[...]+$/, which backtracks quadratically over long runs.
    let start = 0;
    let end = text.length;
    while (start < end && /[\s:;,—–|-]/.test(text[start]))
        start++;
    while (end > start && /[\s—–|]/.test(text[end - 1]))
        end--;
    return text.slice(start, end);
}
/**
 * Whitespace runs folded to one space. The heuristics below use regexes with \s* next to lazy
 * groups; on long whitespace runs those backtrack quadratically, so list and cell text is folded
 * first. Line breaks inside a list item or cell carry no meaning for them.
 */
function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
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
/* harmony import */ var _evidence_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51508);
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


/***/ })

};
