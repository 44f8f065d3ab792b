export const id = 174;
export const ids = [174];
export const modules = {

/***/ 21174:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ap: () => (/* binding */ collapse),
  fi: () => (/* binding */ column),
  Kd: () => (/* binding */ findSections),
  Un: () => (/* binding */ itemsIn),
  LJ: () => (/* binding */ keyValuesIn),
  Tr: () => (/* binding */ paragraphsIn),
  Dd: () => (/* binding */ parseMarkdown),
  pD: () => (/* binding */ saysNone),
  ry: () => (/* binding */ splitList),
  SB: () => (/* binding */ splitTime),
  N$: () => (/* binding */ tablesIn),
  R: () => (/* binding */ trimSeparators),
  _O: () => (/* binding */ urlsIn)
});

// UNUSED EXPORTS: TIME_PREFIX, lineOf, micromarkTree, normaliseHeading, normaliseKey, parseTree, textOf

// EXTERNAL MODULE: ./node_modules/mdast-util-from-markdown/lib/index.js + 45 modules
var lib = __webpack_require__(46855);
// EXTERNAL MODULE: ./node_modules/mdast-util-frontmatter/lib/index.js
var mdast_util_frontmatter_lib = __webpack_require__(88494);
// EXTERNAL MODULE: ./node_modules/mdast-util-gfm/lib/index.js + 11 modules
var mdast_util_gfm_lib = __webpack_require__(78379);
// EXTERNAL MODULE: ./node_modules/micromark-extension-frontmatter/lib/syntax.js
var syntax = __webpack_require__(30796);
// EXTERNAL MODULE: ./node_modules/micromark-extension-gfm/index.js + 7 modules
var micromark_extension_gfm = __webpack_require__(52297);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
;// CONCATENATED MODULE: ./src/evidence/markdown-lines.ts
/**
 * What the line-level readers of Markdown (the bounds, the table cut, the document parts) share:
 * how a line opens or closes a code fence or a table, and how positions of a tree parsed from part
 * of a text are moved to where they are in the whole.
 */
/** A line that may be a table row (a leading pipe after at most three spaces). */
const PIPE_LINE = /^ {0,3}\|/;
/** A GFM delimiter row. No two runs of spaces meet without a pipe between them, so a long line that fails costs linear time. */
const DELIMITER_ROW_LINE = /^ {0,3}\|? *:?-+:?(?: *\| *:?-+:?)* *(?:\| *)?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** The fence a line opens, or undefined. A backtick fence's info string holds no backtick (else the line is text with a code span). */
function fenceOpened(line) {
    const f = FENCE.exec(line)?.[1];
    if (!f || (f[0] === '`' && line.slice(line.indexOf(f) + f.length).includes('`')))
        return undefined;
    return f;
}
/** Whether a line closes the fence opened by `fence`: the same character, at least as many, nothing else on the line. */
function closesFence(line, fence) {
    const f = FENCE.exec(line)?.[1];
    return f !== undefined && f[0] === fence[0] && f.length >= fence.length && line.trim() === f;
}
/** Every start and end point in a tree, the node itself included. */
function eachPoint(node, f) {
    const n = node;
    if (n.position) {
        f(n.position.start);
        f(n.position.end);
    }
    for (const c of n.children ?? [])
        eachPoint(c, f);
}
/** Where a document's root ends: after the last character of its last line. */
function documentPosition(lines, source) {
    const last = lines.length - 1;
    return { start: { line: 1, column: 1, offset: 0 }, end: { line: last + 1, column: lines[last].length + 1, offset: source.length } };
}

;// CONCATENATED MODULE: ./src/evidence/chunks.ts

/**
 * A long document cut into parts micromark can parse alone.
 *
 * micromark's document tokenizer moves the whole event list on every container exit (a list or a
 * block quote ending), so its time grows with the square of the document: 4,000 sections of a
 * heading and a one-item list (73 KB) take 21 s. A column-0 ATX heading that follows a blank line
 * begins a block no earlier construct reaches into (every container, paragraph and HTML block of
 * types 6 and 7 has ended), unless a fenced code block or an HTML block of types 1 to 5 is still
 * open, which the cut tracks. Link and footnote definitions reach across the whole document: a
 * text with anything like one is not cut.
 */
/** Parts are at least this long: the quadratic cost stays small, the per-parse cost rare. */
const PART_MIN_CHARS = 4 * 1024;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const DEFINITION = /^ {0,3}\[[^\]\n]*\]:/m;
/** HTML blocks that run across blank lines (CommonMark types 1 to 5), with what ends each. */
const HTML_SPANNING = [
    [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
    [/^ {0,3}<!--/, /-->/],
    [/^ {0,3}<\?/, /\?>/],
    [/^ {0,3}<![A-Za-z]/, />/],
    [/^ {0,3}<!\[CDATA\[/, /\]\]>/]
];
/** The text's parts, or undefined when it is short or cannot be cut safely. */
function independentParts(source) {
    if (source.length < 2 * PART_MIN_CHARS || DEFINITION.test(source))
        return undefined;
    const lines = source.split('\n');
    const parts = [];
    let partLine = 0;
    let partOffset = 0;
    // Front matter runs from a first line `---` to the next `---`: a `# comment` in it is YAML.
    let fence = lines[0] === '---' ? '---' : undefined;
    let htmlEnd;
    let offset = fence ? lines[0].length + 1 : 0;
    for (let i = fence ? 1 : 0; i < lines.length; i++) {
        const line = lines[i];
        if (fence === '---') {
            if (line.trim() === '---')
                fence = undefined;
        }
        else if (fence !== undefined) {
            if (closesFence(line, fence))
                fence = undefined;
        }
        else if (htmlEnd !== undefined) {
            if (htmlEnd.test(line))
                htmlEnd = undefined;
        }
        else {
            if (ATX_HEADING.test(line) && i > 0 && lines[i - 1].trim() === '' && offset - partOffset >= PART_MIN_CHARS) {
                parts.push({ text: source.slice(partOffset, offset), line: partLine, offset: partOffset });
                partLine = i;
                partOffset = offset;
            }
            const f = fenceOpened(line);
            if (f)
                fence = f;
            else {
                const html = HTML_SPANNING.find(([start]) => start.test(line));
                // The end may stand on the start line itself.
                if (html && !html[1].test(line.slice(line.indexOf('<') + 2)))
                    htmlEnd = html[1];
            }
        }
        offset += line.length + 1;
    }
    if (parts.length === 0)
        return undefined;
    parts.push({ text: source.slice(partOffset), line: partLine, offset: partOffset });
    return parts;
}
/** The trees of the parts joined into the tree of the whole text, every position moved to where it is there. */
function joinParts(source, parts, trees) {
    const root = { type: 'root', children: [] };
    trees.forEach((tree, k) => {
        const { line, offset } = parts[k];
        for (const child of tree.children) {
            eachPoint(child, (p) => {
                p.line += line;
                if (p.offset !== undefined)
                    p.offset += offset;
            });
            root.children.push(child);
        }
    });
    root.position = documentPosition(source.split('\n'), source);
    return root;
}

;// CONCATENATED MODULE: ./src/evidence/markdown-limits.ts


/**
 * Bounds on the Markdown constructs that GFM's parser (micromark) reads in quadratic time, checked
 * in one pass before it sees the text, so a hostile evidence file is refused at its line instead of
 * holding the runner for minutes. Measured on micromark 4 (2 cores): a row of 100,000 cells 40 s;
 * 100,000 emphasis marks in one paragraph over 4 minutes; block quotes nested 50,000 deep 89 s.
 * The bounds sit far above any real report.
 */
/** Pipes on one line at most (a table row's cells). */
const MAX_ROW_CELLS = 1000;
/** Block quotes nested at most this deep (`> > > …`). */
const MAX_QUOTE_DEPTH = 100;
/**
 * Emphasis and strikethrough marks (`*`, `_`, `~`) cost the square of their number in one inline
 * run (a paragraph, a table cell): the sum of those squares over the document is bounded, which
 * allows a 5,000-row table with bold in every row, and one paragraph of about 14,000 marks.
 */
const MAX_EMPHASIS_WORK = 2e8;
/** Cells of a table row as GFM counts them: unescaped pipes split, a leading and a closing pipe are edges. */
function cellCount(line) {
    const text = line.trim();
    let pipes = 0;
    for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) === 92)
            i++;
        else if (text.charCodeAt(i) === 124)
            pipes++;
    }
    const lead = text.startsWith('|') ? 1 : 0;
    const close = text.length > 1 && text.endsWith('|') && !text.endsWith('\\|') ? 1 : 0;
    return pipes + 1 - lead - close;
}
/** Emphasis marks that can open or close: every `*` and `~`, and `_` not inside a word (`http_requests_total` is text). */
function marksIn(line) {
    let n = 0;
    for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c === 42 || c === 126)
            n++;
        else if (c === 95 && !(isWordChar(line.charCodeAt(i - 1)) && isWordChar(line.charCodeAt(i + 1))))
            n++;
    }
    return n;
}
function isWordChar(c) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}
/** A line that opens a container (a list item or a block quote): its text is an inline run of its own. */
const CONTAINER_START = /^[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]|[-+*]$|\d{1,9}[.)]$)/;
/** Block quote markers at the start of a line (`> > x` is 2). */
function quoteDepth(line) {
    let depth = 0;
    for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c === 62)
            depth++;
        else if (c !== 32 && c !== 9)
            break;
    }
    return depth;
}
/** Throws an InputError at the first line past a bound. */
function refuseCostlyMarkdown(source, file) {
    const lines = source.split('\n');
    const refuse = (i, expected, found) => {
        throw new errors/* InputError */.dz({ file, line: i + 1, expected, found });
    };
    let work = 0;
    // The marks of the inline run being read (a paragraph, a list item's text), and whether its block
    // began in a container, where a table-like line is a lazy continuation of the paragraph instead.
    let run = 0;
    let inTable = false;
    let containerBlock = false;
    let fence;
    const endRun = (i) => {
        work += run * run;
        run = 0;
        if (work > MAX_EMPHASIS_WORK)
            refuse(i, 'Markdown with emphasis marks (*, _, ~) in reasonable numbers', 'so many emphasis marks in one paragraph or cell that parsing them would take minutes');
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        let pipes = 0;
        for (let j = 0; j < line.length; j++)
            if (line.charCodeAt(j) === 124)
                pipes++;
        if (pipes > MAX_ROW_CELLS)
            refuse(i, `Markdown whose lines hold at most ${MAX_ROW_CELLS} pipes (table cells)`, `a line with more than ${MAX_ROW_CELLS} pipes`);
        if (quoteDepth(line) > MAX_QUOTE_DEPTH)
            refuse(i, `block quotes nested at most ${MAX_QUOTE_DEPTH} deep`, `block quotes nested more than ${MAX_QUOTE_DEPTH} deep`);
        if (fence !== undefined) {
            if (closesFence(line, fence))
                fence = undefined;
            continue;
        }
        // What lies between two fences is not inline text.
        const fenced = fenceOpened(line);
        if (fenced) {
            endRun(i);
            fence = fenced;
            continue;
        }
        if (line.trim() === '') {
            endRun(i);
            inTable = false;
            containerBlock = false;
            continue;
        }
        if (CONTAINER_START.test(line)) {
            endRun(i);
            inTable = false;
            containerBlock = true;
        }
        // A table starts where a row is followed by a delimiter row of as many cells (GFM's rule); its
        // rows are inline runs of their own. Anything else counts with its paragraph.
        const next = lines[i + 1];
        if (!inTable &&
            !containerBlock &&
            PIPE_LINE.test(line) &&
            next !== undefined &&
            DELIMITER_ROW_LINE.test(next) &&
            cellCount(line) === cellCount(next)) {
            endRun(i);
            inTable = true;
        }
        run += marksIn(line);
        if (inTable)
            endRun(i);
    }
    endRun(lines.length - 1);
}

;// CONCATENATED MODULE: ./src/evidence/table-rows.ts

/**
 * Long tables of plain cells, read without micromark's table construct.
 *
 * micromark spends about 0.2 ms on each table row (a tokenizer per cell), eight times what the same
 * text costs as a paragraph: a 5,000-row service table takes over a second. Rows whose cells hold
 * plain text only (nothing inline markup could start) are cut from the text before it is parsed,
 * each line emptied so that every other line and column stays where it was (offsets after a cut
 * are moved back by what it took out), and put back afterwards as the nodes micromark builds for
 * them. micromark
 * still parses the header, the delimiter row and the first body row, so the table, its alignment
 * and its place in the document are its own; if the parse does not show that table where it was
 * expected, the caller parses the text whole instead.
 */
/** Fewer rows than this are left to micromark: cutting them saves nothing worth the check. */
const MIN_CUT_ROWS = 16;
/** A body row of plain cells: leading and closing pipe, no character that inline markup or an escape could start. */
const PLAIN_ROW = /^ {0,3}\|(?:[^|\\`*_[\]<>&!~\t\u0000]*\|)+ *$/;
const BLANK = /^[ \t]*$/;
/** A cheap test first: most documents have no long table. */
function hasPipeLines(source, atLeast) {
    const lineStart = /\n {0,3}\|/g;
    let n = 0;
    while (lineStart.test(source))
        if (++n >= atLeast)
            return true;
    return false;
}
/** The text with the rows of its long plain tables blanked, or undefined when there is nothing to cut. */
function cutPlainRows(source) {
    if (!hasPipeLines(source, MIN_CUT_ROWS + 2))
        return undefined;
    const lines = source.split('\n');
    const offsets = new Array(lines.length);
    for (let i = 0, at = 0; i < lines.length; i++) {
        offsets[i] = at;
        at += lines[i].length + 1;
    }
    const tables = [];
    for (let i = 0; i + 3 < lines.length; i++) {
        if (!PIPE_LINE.test(lines[i]) || !DELIMITER_ROW_LINE.test(lines[i + 1]) || !PIPE_LINE.test(lines[i + 2]))
            continue;
        let end = i + 3;
        while (end < lines.length && PLAIN_ROW.test(lines[end]))
            end++;
        const next = lines[end];
        // The table must end where the cut ends: a following non-blank line would be one more row.
        if (end - (i + 3) >= MIN_CUT_ROWS && (next === undefined || BLANK.test(next))) {
            tables.push({ header: i, firstBody: i + 2, cutFrom: i + 3, cutTo: end - 1 });
        }
        i = end - 1;
    }
    if (tables.length === 0)
        return undefined;
    const out = lines.slice();
    const shifts = [];
    let removed = 0;
    for (const t of tables) {
        const from = offsets[t.cutFrom] - removed;
        for (let l = t.cutFrom; l <= t.cutTo; l++) {
            removed += lines[l].length;
            out[l] = '';
        }
        shifts.push({ from, removed });
    }
    return { text: out.join('\n'), tables, lines, offsets, shifts, source };
}
/** Every offset in the tree parsed from the cut text moved to where it is in the source. */
function moveOffsets(root, cut) {
    eachPoint(root, (p) => {
        if (p.offset === undefined)
            return;
        let by = 0;
        for (const s of cut.shifts)
            if (p.offset >= s.from)
                by = s.removed;
        p.offset += by;
    });
    // The document ends where the source ends, also when its last line was a cut row.
    root.position = documentPosition(cut.lines, cut.source);
}
/**
 * Put the cut rows back into the tree parsed from the cut text. False when a table is not where
 * the cut expected it (inside a list, a quote or a code block, or not a table at all): the tree
 * then does not describe the document, and the caller must parse the original text.
 */
function restorePlainRows(root, cut) {
    const byHeader = new Map();
    for (const node of root.children) {
        if (node.type === 'table' && node.position)
            byHeader.set(node.position.start.line - 1, node);
    }
    for (const t of cut.tables) {
        const table = byHeader.get(t.header);
        if (!table?.position || table.position.end.line - 1 !== t.firstBody)
            return false;
    }
    moveOffsets(root, cut);
    for (const t of cut.tables) {
        const table = byHeader.get(t.header);
        for (let l = t.cutFrom; l <= t.cutTo; l++)
            table.children.push(plainRow(cut.lines[l], l + 1, cut.offsets[l]));
        table.position.end = table.children[table.children.length - 1].position.end;
    }
    return true;
}
/** The row node micromark builds for a plain row: a cell from each pipe to the next (the last to the line's end), its text trimmed of spaces. */
function plainRow(line, lineNo, offset) {
    const at = (column0) => ({ line: lineNo, column: column0 + 1, offset: offset + column0 });
    const span = (from, to) => ({ start: at(from), end: at(to) });
    const pipes = [];
    for (let i = 0; i < line.length; i++)
        if (line.charCodeAt(i) === 124)
            pipes.push(i);
    const cells = [];
    for (let k = 0; k + 1 < pipes.length; k++) {
        let s = pipes[k] + 1;
        let e = pipes[k + 1];
        while (s < e && line.charCodeAt(s) === 32)
            s++;
        while (e > s && line.charCodeAt(e - 1) === 32)
            e--;
        const last = k + 2 === pipes.length;
        cells.push({
            type: 'tableCell',
            children: s < e ? [{ type: 'text', value: line.slice(s, e), position: span(s, e) }] : [],
            position: span(pipes[k], last ? line.length : pipes[k + 1])
        });
    }
    return { type: 'tableRow', children: cells, position: span(pipes[0], line.length) };
}

// EXTERNAL MODULE: ./src/evidence/text.ts
var evidence_text = __webpack_require__(21530);
// EXTERNAL MODULE: ./src/util/json.ts
var json = __webpack_require__(74976);
;// CONCATENATED MODULE: ./src/evidence/markdown.ts












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
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(value, { lineCounter, prettyErrors: false });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        // Front matter begins on the line after the opening `---`.
        const line = e.linePos?.[0]?.line !== undefined ? e.linePos[0].line + startLine : startLine;
        throw new errors/* InputError */.dz({
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
    if (!(0,json/* isObject */.G)(data)) {
        throw new errors/* InputError */.dz({
            file,
            line: startLine,
            field: 'front matter',
            expected: 'a YAML mapping of fields (key: value)',
            found: (0,errors/* describeValue */.bp)(data)
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
    const ext = (0,micromark_extension_gfm/* gfm */.T)();
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
function micromarkTree(source) {
    return (0,lib/* fromMarkdown */.Y)(source, {
        extensions: [gfmWithoutLiteralLinks(), (0,syntax/* frontmatter */.v)(['yaml'])],
        mdastExtensions: [...(0,mdast_util_gfm_lib/* gfmFromMarkdown */.C)().filter((e) => !e.enter?.literalAutolink), (0,mdast_util_frontmatter_lib/* frontmatterFromMarkdown */.q)(['yaml'])]
    });
}
/** The mdast tree of a document: a long one in parts (chunks.ts), long plain tables row by row (table-rows.ts). */
function parseTree(source) {
    const parts = independentParts(source);
    if (parts)
        return joinParts(source, parts, parts.map((p) => partTree(p.text)));
    return partTree(source);
}
function partTree(source) {
    const cut = cutPlainRows(source);
    if (cut) {
        const root = micromarkTree(cut.text);
        if (restorePlainRows(root, cut))
            return root;
    }
    return micromarkTree(source);
}
/**
 * Parse Markdown into front matter and sections. `classify` names the kind of section a heading
 * starts (or undefined for a heading that only structures the text).
 */
function parseMarkdown(text, file, classify) {
    const source = (0,evidence_text/* stripBom */.F8)(text).replace(/\r\n?/g, '\n');
    refuseCostlyMarkdown(source, file);
    const root = parseTree(source);
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


/***/ })

};
