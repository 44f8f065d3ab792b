export const id = 519;
export const ids = [519];
export const modules = {

/***/ 10519:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderDrillSection: () => (/* binding */ renderDrillSection)
/* harmony export */ });
/* harmony import */ var _util_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55421);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(790);
/* harmony import */ var _alerting_slo_promql_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78902);



const dur = (s) => (s === null ? '-' : (0,_alerting_slo_promql_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(s));
/** The drill's section of alert-tuning-report.md: per SLO and alert, what fired, when, and where. */
function renderDrillSection(drill) {
    const out = ['', '## Detection drill', ''];
    if (drill.status === 'not_run' && drill.targets.length === 0) {
        out.push(`Not run: ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(drill.not_run_reason ?? 'unknown')}.`);
        if (drill.install_hint)
            out.push('', `Install: ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineCode */ .ti)(drill.install_hint)}`);
        out.push('', `Gate 2 ${drill.required ? 'fails for this (drill.required is true)' : 'does not fail for this (drill.required is false)'}.`);
        return out.join('\n') + '\n';
    }
    out.push(`The rules in force were fed burns of each SLO's own metrics in ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineCode */ .ti)(`promtool test rules`)}${drill.promtool?.version ? ` (${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(drill.promtool.version)})` : ''}; ` +
        'detection is from the burn start to the first evaluation at which the alert fired. Status: ' +
        `**${drill.status}**. Requests to production: ${drill.requests.alertmanager} (the Alertmanager config); promtool runs: ${drill.requests.promtool_runs}.`, '');
    const rows = drill.targets.flatMap((t) => t.scenarios.length
        ? t.scenarios.map((s) => [
            t.slo ?? `${t.service} (absent data)`,
            s.name,
            s.expectation === 'must_fire' ? `must fire ${s.severities.join('/')}` : `must not fire ${s.severities.join('/')}`,
            s.fired ? `yes${s.alert ? ` (${s.alert.alertname})` : ''}` : 'no',
            dur(s.detection_seconds),
            s.routing
                ? `${s.routing.actual_receivers.join(', ') || '-'}${s.routing.expected_receiver ? ` (expected ${s.routing.expected_receiver})` : ''}`
                : '-',
            s.status === 'passed' ? 'passed' : { md: `**${s.status}**: ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(s.reason)}` }
        ])
        : [[t.slo ?? `${t.service} (absent data)`, '-', '-', '-', '-', '-', { md: `**${t.status}**: ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(t.reason)}` }]]);
    out.push((0,_table_js__WEBPACK_IMPORTED_MODULE_2__/* .mdTable */ .gJ)(['SLO / service', 'burn', 'expectation', 'fired', 'detection', 'receiver', 'result'], rows));
    return out.join('\n') + '\n';
}


/***/ })

};
