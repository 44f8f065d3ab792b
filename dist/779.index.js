export const id = 779;
export const ids = [779];
export const modules = {

/***/ 12779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RUNBOOK_END: () => (/* binding */ RUNBOOK_END),
/* harmony export */   RUNBOOK_MAX_BYTES: () => (/* binding */ RUNBOOK_MAX_BYTES),
/* harmony export */   asciiSection: () => (/* binding */ asciiSection),
/* harmony export */   decodeRunbook: () => (/* binding */ decodeRunbook),
/* harmony export */   readRunbookText: () => (/* binding */ readRunbookText),
/* harmony export */   releaseId: () => (/* binding */ releaseId),
/* harmony export */   renderRunbookSection: () => (/* binding */ renderRunbookSection),
/* harmony export */   runbookBegin: () => (/* binding */ runbookBegin),
/* harmony export */   runbookContent: () => (/* binding */ runbookContent),
/* harmony export */   scanMarkers: () => (/* binding */ scanMarkers),
/* harmony export */   spliceRunbook: () => (/* binding */ spliceRunbook),
/* harmony export */   updateRunbook: () => (/* binding */ updateRunbook)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_escape_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(55421);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(70017);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(50767);
/* harmony import */ var _util_utf8_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(19605);
/* harmony import */ var _util_workspace_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(50977);








const RUNBOOK_END = '<!-- sre-monitoring:end -->';
/** Marker-safe release name (HTML comments must not contain `--` or `>`). */
function releaseId(release) {
    return release.replace(/[^A-Za-z0-9._/+@-]+/g, '-').replace(/-{2,}/g, '-') || 'unnamed';
}
const runbookBegin = (release) => `<!-- sre-monitoring:begin release=${releaseId(release)} -->`;
/** The section for one release, between its markers, with `\n` line ends. */
function renderRunbookSection(c) {
    const out = [runbookBegin(c.release), `## Release ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(c.release)} (${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(c.environment)})`, ''];
    out.push(`_Written by sre-monitoring on ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(c.generatedAt)}; this section is replaced on the next run for this release._`, '');
    out.push('### Detection signals', '');
    if (c.alerts.length) {
        out.push('Alerts:', '');
        for (const a of c.alerts)
            out.push(`- **${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(a.name)}** (${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(a.severity ?? 'no severity')}, ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(a.service)}, from ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(a.source)}): ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .inlineCode */ .ti)(a.expr)}`);
    }
    else
        out.push('- No alert rule was found for these services: see dashboard-config.md and suggested-alert-rules.yml.');
    out.push('');
    if (c.slos.length) {
        out.push('SLOs:', '');
        for (const s of c.slos)
            out.push(`- ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(s.slo)} (${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(s.service)}): ${s.objective}% over ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(s.window)}`);
        out.push('');
    }
    out.push('Dashboards:', '');
    if (c.dashboards.length)
        for (const d of c.dashboards)
            out.push(`- ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .mdLink */ .YF)(d.title, d.link)}${d.link && !/^https?:/i.test(d.link) ? ` (${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .inlineCode */ .ti)(d.link)})` : ''} - score ${d.score}%`);
    else
        out.push('- None found.');
    out.push('');
    out.push('### Mitigation', '');
    if (c.risks.length) {
        for (const r of c.risks) {
            const where = r.component ? ` (${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(r.component)})` : '';
            out.push(`- **${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(r.severity)}**${where}: ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(r.description)}`);
            out.push(`  - Mitigation: ${r.mitigation ? (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(r.mitigation) : 'none given in the deployment report; decide one before the next release.'}`);
        }
    }
    else
        out.push('- The deployment report names no risks for this release.');
    out.push('');
    out.push('### Contact rotation', '');
    out.push(`- On-call owner: ${c.owner ? (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(c.owner) : 'not recorded'}`);
    const channels = Object.entries(c.channels).filter(([, v]) => v);
    out.push(`- Channels: ${channels.length ? channels.map(([k, v]) => `${k} ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(v)}`).join(', ') : 'none configured (alerting.notification-channels)'}`);
    out.push(`- Acknowledgement SLA: ${c.ackSlaSeconds} s`);
    for (const r of c.routes)
        out.push(`- Route ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(r.name)} -> receiver ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(r.receiver)}${r.lastTest ? ` (last test: ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(r.lastTest)})` : ''}`);
    const owners = c.services.filter((s) => s.owner);
    for (const s of owners)
        out.push(`- ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(s.name)}${s.critical ? ' (critical)' : ''}${s.new ? ' (new)' : ''}: ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeMarkdown */ .FV)(s.owner)}`);
    out.push('', RUNBOOK_END);
    return out.join('\n');
}
/** The runbook content for this run. */
function runbookContent(ctx, section) {
    const release = ctx.model.release.tag ?? ctx.model.release.commit ?? ctx.runId;
    const seen = new Set();
    const alerts = [];
    for (const f of section.alignment.findings) {
        if (!f.found || f.status === 'missing')
            continue;
        const key = `${f.found.source}\u0000${f.found.rule}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        alerts.push({
            name: f.found.rule,
            expr: f.found.expr,
            source: f.found.source,
            service: f.service,
            severity: f.kind === 'ticket' ? 'ticket' : f.kind === 'absent' ? undefined : 'page'
        });
    }
    const tests = new Map((section.alertTests?.tests ?? []).map((t) => [t.route, t]));
    const services = ctx.model.services.map((s) => ({
        name: s.name,
        critical: s.critical,
        new: s.new,
        ...(s.owner ? { owner: s.owner } : {})
    }));
    const owner = section.onCallOwner ?? ctx.config.assurance.owner;
    return {
        release,
        generatedAt: ctx.now().toISOString(),
        environment: ctx.model.environment,
        services,
        alerts,
        slos: (section.alignment.burn_rates ?? []).map((b) => ({ slo: b.slo, service: b.service, objective: b.objective, window: b.window })),
        dashboards: section.dashboards.dashboards.map((d) => ({ title: d.dashboard, score: d.score, ...(d.link ? { link: d.link } : {}) })),
        risks: ctx.evidence.report.risks,
        ...(owner ? { owner } : {}),
        channels: ctx.config.alerting['notification-channels'],
        routes: ctx.config.alerting.routes.map((r) => {
            const t = tests.get(r.name);
            return {
                name: r.name,
                receiver: r['expect-receiver'],
                ...(t
                    ? {
                        lastTest: `${t.status}${t.acknowledgement_time_seconds !== null ? `, acknowledged in ${t.acknowledgement_time_seconds} s` : ''}`
                    }
                    : {})
            };
        }),
        ackSlaSeconds: ctx.config.alerting['ack-sla-seconds']
    };
}
const MARKER_LIKE = /<!--\s*sre-monitoring:/i;
const BEGIN_LINE = /^<!-- sre-monitoring:begin release=([A-Za-z0-9._/+@-]+) -->$/;
const END_LINE = /^<!-- sre-monitoring:end -->$/;
/** A code fence opening or closing line (CommonMark: up to 3 spaces, then ``` or ~~~). */
function fence(line) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!m)
        return undefined;
    return { char: m[1][0], size: m[1].length, info: m[2] };
}
/**
 * The markers of a runbook, outside code fences, with every problem that makes the file unsafe
 * to change: a marker line that is not exactly ours, a begin inside a section (nested), an end
 * with no begin, a section never closed (also one whose end sits in an unclosed code fence).
 */
function scanMarkers(text) {
    const markers = [];
    const problems = [];
    let open;
    let pos = 0;
    let lineNo = 0;
    while (pos < text.length) {
        lineNo++;
        const nl = text.indexOf('\n', pos);
        const endOfLine = nl < 0 ? text.length : nl;
        const raw = text.slice(pos, endOfLine).replace(/\r$/, '');
        const f = fence(raw);
        if (open) {
            if (f && f.char === open.char && f.size >= open.size && f.info.trim() === '')
                open = undefined;
        }
        else if (f && !(f.char === '`' && f.info.includes('`'))) {
            open = { char: f.char, size: f.size, line: lineNo };
        }
        else if (MARKER_LIKE.test(raw)) {
            const line = raw.trim();
            const begin = BEGIN_LINE.exec(line);
            if (begin)
                markers.push({ kind: 'begin', release: begin[1], line: lineNo, start: pos, end: pos + raw.length });
            else if (END_LINE.test(line))
                markers.push({ kind: 'end', line: lineNo, start: pos, end: pos + raw.length });
            // A marker quoted inside a sentence or inline code is prose; a line of its own that is not
            // exactly a marker is a damaged one.
            else if (/^<!--\s*sre-monitoring:/i.test(line))
                problems.push({ line: lineNo, problem: `a damaged marker (expected ${RUNBOOK_END} or <!-- sre-monitoring:begin release=NAME -->)` });
        }
        pos = endOfLine + 1;
    }
    let inside;
    for (const m of markers) {
        if (m.kind === 'begin') {
            if (inside)
                problems.push({ line: m.line, problem: `a begin marker inside the section opened at line ${inside.line} (nested sections)` });
            else
                inside = m;
        }
        else if (!inside)
            problems.push({ line: m.line, problem: 'an end marker with no begin marker before it' });
        else
            inside = undefined;
    }
    if (inside) {
        problems.push({
            line: inside.line,
            problem: open
                ? `a section whose end is not found: the code fence opened at line ${open.line} is never closed`
                : `a section that is never closed (no ${RUNBOOK_END} after it)`
        });
    }
    problems.sort((a, b) => a.line - b.line);
    return { markers, problems };
}
/**
 * Put `block` into `text` between this release's markers: replace the existing section (and drop
 * any duplicate of it) or append one. Everything outside the section is kept byte for byte. Any
 * damaged, nested or unclosed marker leaves the text as it is: the error names each line.
 */
function spliceRunbook(text, block, release, file) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const body = block.replace(/\n/g, eol);
    const { markers, problems } = scanMarkers(text);
    if (problems.length) {
        const errors = problems.map((p) => new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz({
            file,
            line: p.line,
            field: 'runbook.path',
            expected: 'well-formed sre-monitoring markers (the runbook was left untouched)',
            found: p.problem
        }));
        throw errors.length === 1 ? errors[0] : new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputErrors */ .G(errors);
    }
    const id = releaseId(release);
    const spans = [];
    for (let i = 0; i + 1 < markers.length; i += 2) {
        const b = markers[i];
        const e = markers[i + 1];
        if (b.release === id)
            spans.push([b.start, e.end]);
    }
    if (spans.length === 0) {
        if (text === '')
            return body + eol;
        const sep = text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
        return text + sep + body + eol;
    }
    let out = '';
    let pos = 0;
    spans.forEach(([start, end], i) => {
        out += text.slice(pos, start);
        if (i === 0) {
            out += body;
            pos = end;
        }
        else {
            // A duplicate of this release's section goes, with the line end that followed it.
            pos = text.startsWith(eol, end) ? end + eol.length : text.startsWith('\n', end) ? end + 1 : end;
        }
    });
    return out + text.slice(pos);
}
/**
 * The section in ASCII for a runbook in another encoding: characters outside ASCII become
 * numeric character references, which Markdown renders the same in any encoding. Code spans show
 * references literally, so non-ASCII code cannot be written: undefined then.
 */
function asciiSection(block) {
    let out = '';
    let pos = 0;
    for (const m of block.matchAll(/(`+)[\s\S]*?\1/g)) {
        if (/[^\x00-\x7f]/.test(m[0]))
            return undefined;
        out += entities(block.slice(pos, m.index)) + m[0];
        pos = (m.index ?? 0) + m[0].length;
    }
    return out + entities(block.slice(pos));
}
function entities(text) {
    return text.replace(/[^\x00-\x7f]/gu, (ch) => `&#${ch.codePointAt(0)};`);
}
/**
 * The runbook's text and how to write it back. UTF-8 is read as such; any other bytes are read
 * one byte per character (Latin-1), so that everything outside our section is written back byte
 * for byte. UTF-16 and binary files are refused.
 */
function decodeRunbook(bytes, file) {
    if (bytes.includes(0) || (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz({
            file,
            field: 'runbook.path',
            expected: 'a Markdown runbook in UTF-8 (or Latin-1)',
            found: 'UTF-16 or binary content (NUL bytes); the file was left untouched'
        });
    }
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = bom ? bytes.subarray(3) : bytes;
    if ((0,_util_utf8_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidUtf8Offset */ .C)(body) < 0)
        return { text: body.toString('utf8'), encoding: 'utf8', bom };
    return { text: bytes.toString('latin1'), encoding: 'latin1', bom: false };
}
function encodeRunbook(text, encoding, bom) {
    const body = Buffer.from(text, encoding);
    return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
/** The runbook as text for the package copy: UTF-8 as is, a Latin-1 file transcoded (never U+FFFD). */
async function readRunbookText(workspace, path) {
    const { abs } = await (0,_util_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveInWorkspace */ .z1)(workspace, path, { field: 'runbook.path' });
    return decodeRunbook(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(abs), path).text;
}
/** Write a file atomically: a temporary file in the same folder, then a rename over the target. */
async function writeAtomic(abs, data, mode) {
    const tmp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(abs), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(abs)}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(tmp, 'wx', mode ?? 0o644);
    try {
        await handle.writeFile(data);
        await handle.sync();
    }
    catch (err) {
        await handle.close().catch(() => undefined);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true });
        throw err;
    }
    await handle.close();
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, abs);
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true });
        throw err;
    }
}
/**
 * Add or replace this release's section in the runbook (`runbook.path`, created with a title
 * when absent). Written only when the content changes, atomically, to the file's real path inside
 * the workspace (never through a symbolic link that leads outside), in the file's own encoding.
 */
async function updateRunbook(ctx, section) {
    const rel = ctx.config.runbook.path;
    const origin = { field: 'runbook.path' };
    const target = await (0,_util_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveInWorkspace */ .z1)(ctx.workspace, rel, origin);
    let bytes;
    let mode;
    if (target.exists) {
        const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(target.abs);
        if (!st.isFile())
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz({
                file: rel,
                field: 'runbook.path',
                expected: 'a Markdown file',
                found: st.isDirectory() ? 'a folder' : 'not a regular file'
            });
        if (st.size > RUNBOOK_MAX_BYTES)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz({
                file: rel,
                field: 'runbook.path',
                expected: `a runbook of at most ${RUNBOOK_MAX_BYTES} bytes`,
                found: `a file of ${st.size} bytes; it was left untouched`
            });
        mode = st.mode & 0o7777;
        bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(target.abs);
    }
    const { text, encoding, bom } = bytes
        ? decodeRunbook(bytes, rel)
        : { text: '# Monitoring runbook\n\n', encoding: 'utf8', bom: false };
    const content = runbookContent(ctx, section);
    // The section is the action's text, from backend answers too: it passes the redactor like every file.
    const block = (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(renderRunbookSection(content));
    let written = block;
    if (encoding === 'latin1') {
        const ascii = asciiSection(block);
        if (ascii === undefined) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz({
                file: rel,
                field: 'runbook.path',
                expected: 'a runbook in UTF-8, or a section whose code needs only ASCII',
                found: `a file that is not UTF-8 (byte offset ${(0,_util_utf8_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidUtf8Offset */ .C)(bytes)}), while this release's section quotes non-ASCII code; the file was left untouched (save it as UTF-8)`
            });
        }
        written = ascii;
    }
    const next = spliceRunbook(text, written, content.release, rel);
    const out = encodeRunbook(next, encoding, bom);
    const changed = !bytes || !out.equals(bytes);
    if (changed) {
        if (!target.exists) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target.abs), { recursive: true });
            // The folders now exist: check again that they are where they should be.
            const again = await (0,_util_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveInWorkspace */ .z1)(ctx.workspace, rel, origin);
            if (again.abs !== target.abs && again.exists)
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz({
                    file: rel,
                    field: 'runbook.path',
                    expected: 'a runbook path that stays put',
                    found: 'a path that changed while it was written'
                });
        }
        await writeAtomic(target.abs, out, mode);
    }
    return { path: target.shown, changed };
}
/** Largest runbook read: a runbook is a document, not a data file. */
const RUNBOOK_MAX_BYTES = 8 * 1024 * 1024;


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
