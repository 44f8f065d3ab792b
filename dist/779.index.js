export const id = 779;
export const ids = [779];
export const modules = {

/***/ 12779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   updateRunbook: () => (/* binding */ updateRunbook)
/* harmony export */ });
/* unused harmony exports RUNBOOK_END, releaseId, runbookBegin, renderRunbookSection, runbookContent, spliceRunbook */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14031);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70017);




const RUNBOOK_END = '<!-- sre-monitoring:end -->';
/** Marker-safe release name (HTML comments must not contain `--` or `>`). */
function releaseId(release) {
    return release.replace(/[^A-Za-z0-9._/+@-]+/g, '-').replace(/-{2,}/g, '-') || 'unnamed';
}
const runbookBegin = (release) => `<!-- sre-monitoring:begin release=${releaseId(release)} -->`;
/** The section for one release, between its markers, with `\n` line ends. */
function renderRunbookSection(c) {
    const out = [runbookBegin(c.release), `## Release ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(c.release)} (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(c.environment)})`, ''];
    out.push(`_Written by sre-monitoring on ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(c.generatedAt)}; this section is replaced on the next run for this release._`, '');
    out.push('### Detection signals', '');
    if (c.alerts.length) {
        out.push('Alerts:', '');
        for (const a of c.alerts)
            out.push(`- **${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(a.name)}** (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(a.severity ?? 'no severity')}, ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(a.service)}, from ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(a.source)}): ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(a.expr)}`);
    }
    else
        out.push('- No alert rule was found for these services: see dashboard-config.md and suggested-alert-rules.yml.');
    out.push('');
    if (c.slos.length) {
        out.push('SLOs:', '');
        for (const s of c.slos)
            out.push(`- ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(s.slo)} (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(s.service)}): ${s.objective}% over ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(s.window)}`);
        out.push('');
    }
    out.push('Dashboards:', '');
    if (c.dashboards.length)
        for (const d of c.dashboards)
            out.push(`- ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .mdLink */ .YF)(d.title, d.link)}${d.link && !/^https?:/i.test(d.link) ? ` (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(d.link)})` : ''} - score ${d.score}%`);
    else
        out.push('- None found.');
    out.push('');
    out.push('### Mitigation', '');
    if (c.risks.length) {
        for (const r of c.risks) {
            const where = r.component ? ` (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(r.component)})` : '';
            out.push(`- **${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(r.severity)}**${where}: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(r.description)}`);
            out.push(`  - Mitigation: ${r.mitigation ? (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(r.mitigation) : 'none given in the deployment report; decide one before the next release.'}`);
        }
    }
    else
        out.push('- The deployment report names no risks for this release.');
    out.push('');
    out.push('### Contact rotation', '');
    out.push(`- On-call owner: ${c.owner ? (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(c.owner) : 'not recorded'}`);
    const channels = Object.entries(c.channels).filter(([, v]) => v);
    out.push(`- Channels: ${channels.length ? channels.map(([k, v]) => `${k} ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(v)}`).join(', ') : 'none configured (alerting.notification-channels)'}`);
    out.push(`- Acknowledgement SLA: ${c.ackSlaSeconds} s`);
    for (const r of c.routes)
        out.push(`- Route ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(r.name)} -> receiver ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(r.receiver)}${r.lastTest ? ` (last test: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(r.lastTest)})` : ''}`);
    const owners = c.services.filter((s) => s.owner);
    for (const s of owners)
        out.push(`- ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(s.name)}${s.critical ? ' (critical)' : ''}${s.new ? ' (new)' : ''}: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(s.owner)}`);
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
        alerts.push({ name: f.found.rule, expr: f.found.expr, source: f.found.source, service: f.service, severity: f.kind === 'ticket' ? 'ticket' : f.kind === 'absent' ? undefined : 'page' });
    }
    const tests = new Map((section.alertTests?.tests ?? []).map((t) => [t.route, t]));
    const services = ctx.model.services.map((s) => ({ name: s.name, critical: s.critical, new: s.new, ...(s.owner ? { owner: s.owner } : {}) }));
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
                ...(t ? { lastTest: `${t.status}${t.acknowledgement_time_seconds !== null ? `, acknowledged in ${t.acknowledgement_time_seconds} s` : ''}` } : {})
            };
        }),
        ackSlaSeconds: ctx.config.alerting['ack-sla-seconds']
    };
}
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Put `block` into `text` between this release's markers: replace the existing section (and drop
 * any duplicate of it) or append one. Everything outside the section is kept byte for byte.
 */
function spliceRunbook(text, block, release, file) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const body = block.replace(/\n/g, eol);
    const begin = new RegExp(escapeRegex(runbookBegin(release)), 'g');
    const spans = [];
    for (const m of text.matchAll(begin)) {
        const start = m.index ?? 0;
        const end = text.indexOf(RUNBOOK_END, start);
        if (end < 0) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz({ file, expected: `${RUNBOOK_END} after ${runbookBegin(release)}`, found: 'a section that is never closed' });
        }
        if (spans.length && start < spans[spans.length - 1][1])
            continue;
        spans.push([start, end + RUNBOOK_END.length]);
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
            // A duplicate section goes, with the line end that followed it.
            pos = text.startsWith(eol, end) ? end + eol.length : end;
        }
    });
    return out + text.slice(pos);
}
/**
 * Add or replace this release's section in the runbook (`runbook.path`, created with a title
 * when absent). Written only when the content changes.
 */
async function updateRunbook(ctx, section) {
    const rel = ctx.config.runbook.path;
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(ctx.workspace);
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, rel);
    if (abs !== root && !abs.startsWith(root + node_path__WEBPACK_IMPORTED_MODULE_1__.sep)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz({ file: rel, field: 'runbook.path', expected: 'a path inside the repository', found: 'a path outside it' });
    }
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(abs, 'utf8');
    }
    catch (err) {
        if (err.code !== 'ENOENT')
            throw err;
    }
    const content = runbookContent(ctx, section);
    const block = renderRunbookSection(content);
    const next = spliceRunbook(text ?? '# Monitoring runbook\n\n', block, content.release, rel);
    const changed = next !== text;
    if (changed) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(abs), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(abs, next);
    }
    return { path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, abs), changed };
}


/***/ })

};
