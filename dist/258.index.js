export const id = 258;
export const ids = [258];
export const modules = {

/***/ 16877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderDashboardConfig: () => (/* binding */ renderDashboardConfig)
/* harmony export */ });
/* harmony import */ var _util_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55421);

const fmt = (n) => String(Number(n.toPrecision(6)));
function table(headers, rows) {
    if (rows.length === 0)
        return '_None._\n';
    const line = (cells) => `| ${cells.map((c) => (c === '' ? '-' : c)).join(' | ')} |`;
    return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}
const codes = (items) => items.map(_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti).join('<br>');
/**
 * `dashboard-config.md`: dashboards with links, panels, thresholds and scores; alert rules
 * compared with the SLOs' burn rates. Cells are built here from escaped text, so every value that
 * came from a file or an API is escaped exactly once.
 */
function renderDashboardConfig(alignment, dashboards) {
    const out = ['# Dashboard and alert configuration', ''];
    out.push('## Dashboards', '');
    out.push(`Checked at ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(dashboards.checked_at)}.`);
    if (dashboards.overall_score !== undefined)
        out.push(`Required items present on at least one dashboard: ${fmt(dashboards.overall_score)}%.`);
    if (dashboards.not_verified_reason)
        out.push('', `**Not verified:** ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(dashboards.not_verified_reason)}`);
    out.push('');
    out.push(table(['Dashboard', 'Source', 'Score', 'Services shown', 'Services missing', 'Thresholds missing'], dashboards.dashboards.map((d) => [
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdLink */ .YF)(d.dashboard, d.link),
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(d.source),
        `${fmt(d.score)}%`,
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(d.services_covered.join(', ')),
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(d.services_missing.join(', ')),
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(d.thresholds_missing.join('; '))
    ])));
    if (dashboards.services_without_dashboard.length) {
        out.push(`**Services on no dashboard:** ${dashboards.services_without_dashboard.map(_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV).join(', ')}`, '');
    }
    for (const d of dashboards.dashboards) {
        out.push(`### ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(d.dashboard)}`, '');
        out.push(table(['Panel', 'Queries', 'Thresholds'], d.panels.map((p) => [(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(p.title || '(untitled)'), codes(p.queries), (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(p.thresholds.map(fmt).join(', '))])));
    }
    out.push('## SLO burn-rate thresholds', '');
    out.push('Multi-window, multi-burn-rate alerts (Google SRE Workbook): the error ratio over both windows must exceed factor x (1 - objective).', '');
    out.push(table([
        'SLO',
        'Service',
        'Objective',
        'Window',
        'Severity',
        'Long window',
        'Short window',
        'Budget spent',
        'Burn rate',
        'Error-ratio threshold'
    ], (alignment.burn_rates ?? []).flatMap((s) => s.alerts.map((a) => [
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(s.slo),
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(s.service),
        `${fmt(s.objective)}%`,
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(s.window),
        a.severity,
        a.longWindow,
        a.shortWindow,
        `${fmt(a.budgetFraction * 100)}%`,
        `${fmt(a.factor)}x`,
        fmt(a.errorRatioThreshold)
    ]))));
    out.push('## Alert rules against the SLOs', '');
    out.push(`Checked at ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(alignment.checked_at)}. Rule sources: ${alignment.rule_sources.length ? alignment.rule_sources.map(_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV).join(', ') : 'none'}.`);
    if (alignment.not_verified_reason)
        out.push('', `**Not verified:** ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(alignment.not_verified_reason)}`);
    out.push('');
    out.push(table(['SLO', 'Service', 'Check', 'Status', 'Expected', 'Rule found', 'Threshold factor', 'Reason'], alignment.findings.map((f) => [
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(f.slo),
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(f.service),
        f.kind,
        f.status === 'aligned' ? 'aligned' : `**${f.status}**`,
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(f.expected),
        f.found ? `${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(f.found.rule)} (${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(f.found.source)})<br>${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(f.found.expr)}` : '',
        f.found?.factor !== undefined ? `${fmt(f.found.factor)}x` : '',
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(f.reason)
    ])));
    if (alignment.suggested_rules_file) {
        out.push(`Suggested rules for what is missing or misaligned: ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(alignment.suggested_rules_file)}.`);
        const c = alignment.suggested_rules_check;
        if (c)
            out.push('', `${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(c.tool)}: ${c.ok ? 'passed' : '**failed**'}`, '', (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeBlock */ .DV)(c.output || '(no output)', 'text'));
        out.push('');
    }
    return out.join('\n');
}


/***/ })

};
