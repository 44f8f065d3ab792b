export const id = 566;
export const ids = [566,976];
export const modules = {

/***/ 95803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H0: () => (/* binding */ MSG_APPROVAL_MISSING),
  Vn: () => (/* binding */ evaluateAlertGate),
  qK: () => (/* binding */ evaluateAssuranceGate),
  LI: () => (/* binding */ evaluateHandoffGate),
  vm: () => (/* binding */ evaluateInstrumentationGate)
});

// UNUSED EXPORTS: MSG_ALERT_FAILURE, MSG_MISSING_COVERAGE

;// CONCATENATED MODULE: ./src/alerting/drill/gate.ts
/**
 * Gate 2's reading of the drill: an alert that must fire and did not, an alert that fired for a
 * burn that must not fire it, a fired alert routed elsewhere, or a detection slower than
 * drill.max-detection fails it; promtool missing fails it only when drill.required is set.
 */
function drillGate(drill) {
    const reasons = [];
    const errors = [];
    if (drill.status === 'not_run' && drill.targets.every((t) => t.status === 'not_run')) {
        if (!drill.required)
            return { reasons, errors };
        reasons.push(`detection drill not run (drill.required): ${drill.not_run_reason ?? 'unknown'}${drill.install_hint ? `; install: ${drill.install_hint}` : ''}`);
        return {
            check: { name: 'detection drill', status: 'fail', value: 'not run', threshold: 'every alert fires as it must' },
            reasons,
            errors
        };
    }
    let scenarios = 0;
    let passed = 0;
    for (const t of drill.targets) {
        const who = t.kind === 'slo' ? `SLO ${t.slo} (${t.service})` : `absent-data alert of ${t.service}`;
        if (t.scenarios.length === 0 && t.status !== 'passed') {
            ;
            (t.status === 'not_run' && !drill.required ? [] : reasons).push(`detection drill, ${who}: ${t.reason}`);
            if (t.status === 'failed')
                scenarios++;
            continue;
        }
        for (const s of t.scenarios) {
            scenarios++;
            if (s.status === 'passed')
                passed++;
            else
                (s.status === 'error' ? errors : reasons).push(`detection drill, ${who}, ${s.name}: ${s.reason}`);
        }
    }
    const status = errors.length ? 'error' : reasons.length || scenarios === 0 ? 'fail' : 'pass';
    return {
        check: {
            name: 'detection drill',
            status,
            value: `${passed}/${scenarios} scenarios as expected`,
            threshold: 'every alert fires as it must, in time, to the expected receiver'
        },
        reasons,
        errors
    };
}

// EXTERNAL MODULE: ./src/telemetry/coverage.ts
var coverage = __webpack_require__(9793);
// EXTERNAL MODULE: ./src/gates/types.ts
var types = __webpack_require__(72301);
// EXTERNAL MODULE: ./src/artifacts/files.ts
var files = __webpack_require__(86404);
;// CONCATENATED MODULE: ./src/gates/gates.ts
/**
 * The four quality gates of Protocol 12 (seed section 4), as pure functions of collected data.
 * Every gate can fail: missing data, a check that did not run, or a backend error is never a pass.
 */




const MSG_MISSING_COVERAGE = (service) => `[ERROR] Missing telemetry coverage for critical service: ${service}.`;
const MSG_ALERT_FAILURE = '[ERROR] Synthetic alert did not reach on-call responder.';
const MSG_APPROVAL_MISSING = '[ERROR] Monitoring approval not recorded.';
const ALERT_FIX_ORDER = [
    'wrong_receiver',
    'not_routed',
    'routed_not_delivered',
    'not_acknowledged',
    'acknowledgement_refused',
    'acknowledged_late',
    'cancelled',
    'error',
    'not_run',
    'passed'
];
function gate(id, checks, reasons, errors, evidence) {
    const failed = reasons.length > 0 || errors.length > 0 || checks.some((c) => c.status !== 'pass');
    return { id, name: types/* GATE_NAMES */.r[id], status: failed ? 'fail' : 'pass', reasons, errors, checks, evidence };
}
const pct = (n) => `${Math.round(n * 100) / 100}%`;
/** A configured hook adds evidence: a refused artifact fails the gate, a disagreement is shown. */
function hookCheck(hook, checks, reasons) {
    if (!hook)
        return;
    if (!hook.accepted)
        reasons.push(`${hook.command} evidence refused: ${hook.refused.join('; ')}`);
    checks.push({
        name: `${hook.command} evidence`,
        status: hook.accepted ? 'pass' : 'fail',
        value: hook.accepted
            ? hook.disagreements.length
                ? `accepted; disagrees with the live check on ${hook.disagreements.length} point(s), the live check decides`
                : 'accepted; agrees with the live check'
            : 'refused',
        threshold: 'dated in this run, covering every service or route; the live check decides'
    });
}
function evaluateInstrumentationGate(input) {
    const { model, audit, thresholds } = input;
    const reasons = [];
    const errors = [];
    const checks = [];
    if (!input.requirementsWritten)
        reasons.push('monitoring-requirements.md was not produced');
    if (model.services.length === 0)
        reasons.push('no services to observe: neither the evidence nor the config names any');
    if (audit.not_verified_reason)
        reasons.push(`instrumentation not verified against live telemetry: ${audit.not_verified_reason}`);
    hookCheck(audit.hook, checks, reasons);
    if (input.qualityGaps) {
        for (const f of input.qualityGaps) {
            reasons.push(`high-risk gap from the quality audit (Protocol 4) remains open: ${f.id} (${f.severity})${f.service ? ` ${f.service}${f.signal ? `/${f.signal}` : ''}` : ''}: ${f.title}`);
        }
        checks.push({
            name: 'Protocol 4 high-risk gaps open',
            status: input.qualityGaps.length === 0 ? 'pass' : 'fail',
            value: String(input.qualityGaps.length),
            threshold: '0'
        });
    }
    for (const svc of audit.services.filter((s) => s.critical)) {
        const signals = [svc.metrics, svc.logs, svc.traces, svc.synthetics];
        const missing = signals.filter((s) => !s.verified);
        if (missing.length === 0)
            continue;
        reasons.push(`${MSG_MISSING_COVERAGE(svc.service_name)} ${missing
            .map((s) => `${s.signal}: ${s.measurement?.reason ?? (s.mapped ? s.verdict : 'not mapped')}`)
            .join('; ')}`);
        for (const s of missing.filter((x) => x.verdict === 'error')) {
            errors.push(`${svc.service_name}/${s.signal}: backend error: ${s.measurement?.reason ?? 'no answer'}`);
        }
    }
    // Audited critical services must include every critical service of the model.
    for (const svc of model.services.filter((s) => s.critical)) {
        if (!audit.services.some((a) => a.service_name === svc.name)) {
            reasons.push(`${MSG_MISSING_COVERAGE(svc.name)} the audit has no entry for it`);
        }
    }
    const coverage = Number.isFinite(audit.coverage_completeness) ? audit.coverage_completeness : 0;
    checks.push({
        name: 'coverage completeness',
        status: coverage >= thresholds['coverage-min-percent'] && audit.services.length > 0 ? 'pass' : 'fail',
        value: pct(coverage),
        threshold: `>= ${thresholds['coverage-min-percent']}%`
    });
    const high = audit.missing_coverage.filter((g) => g.priority === 'high');
    checks.push({ name: 'high-priority gaps', status: high.length === 0 ? 'pass' : 'fail', value: String(high.length), threshold: '0' });
    for (const g of high) {
        if (!audit.services.find((s) => s.service_name === g.service)?.critical) {
            reasons.push(`high-priority gap (named in a deploy risk): ${g.service}/${g.signal}: ${g.gap}: ${g.detail}`);
        }
    }
    return gate(1, checks, reasons, errors, [files/* FILES */.cn.requirements, files/* FILES */.cn.instrumentationAudit]);
}
function evaluateAlertGate(input) {
    const { alertTests, alignment, dashboards, thresholds } = input;
    const reasons = [];
    const errors = [];
    const checks = [];
    hookCheck(alertTests.hook, checks, reasons);
    if (alertTests.held)
        reasons.push(alertTests.held);
    else if (!alertTests.approved)
        reasons.push(`alert tests not approved (${alertTests.not_verified_reason?.match(/^alert tests not approved \((.+?)\)/)?.[1] ?? 'input alert-tests is false'}): the alert path is unproven`);
    else if (alertTests.not_verified_reason)
        reasons.push(`alert path not verified: ${alertTests.not_verified_reason}`);
    else if (alertTests.tests.length === 0)
        reasons.push('no alert route was tested: configure alerting.routes');
    // In the order the responder must fix them: where it went, whether it arrived, who acknowledged.
    const rank = (t) => ALERT_FIX_ORDER.indexOf(t.outcome ?? (t.status === 'error' ? 'error' : 'not_acknowledged'));
    for (const t of [...alertTests.tests].sort((a, b) => rank(a) - rank(b))) {
        if (t.status === 'passed' && t.sla_met)
            continue;
        if (t.outcome) {
            // Built-in tests carry their full reason: the same text as the log and the summary.
            if (t.status === 'error')
                errors.push(t.reason);
            else
                reasons.push(t.status === 'not_run' ? `route ${t.route}: not run: ${t.reason}` : t.reason);
            continue;
        }
        const where = `route ${t.route}: expected receiver ${t.expected_receiver}, actual ${t.actual_receivers.join(', ') || 'none'}`;
        if (t.status === 'error')
            errors.push(`${where}: backend error: ${t.reason}`);
        else if (t.status === 'not_run')
            reasons.push(`${where}: not run: ${t.reason}`);
        else if (!t.actual_receivers.includes(t.expected_receiver) || !t.delivered_at)
            reasons.push(`${MSG_ALERT_FAILURE} ${where}: ${t.reason}`);
        else
            reasons.push(`${where}: acknowledgement ${t.acknowledgement_time_seconds === null ? 'never came' : `took ${t.acknowledgement_time_seconds} s`}, SLA ${t.sla_seconds} s: ${t.reason}`);
    }
    checks.push({
        name: 'alert acknowledgement SLA compliance',
        status: alertTests.tests.length > 0 && alertTests.tests.every((t) => t.status === 'passed' && t.sla_met) ? 'pass' : 'fail',
        value: pct(alertTests.sla_compliance),
        threshold: `100% within ${alertTests.sla_target_seconds} s`
    });
    if (alignment.not_verified_reason)
        reasons.push(`alert rules not checked against the SLOs: ${alignment.not_verified_reason}`);
    const bad = alignment.findings.filter((f) => f.status !== 'aligned');
    for (const f of bad) {
        const text = `alert rule ${f.kind} for SLO ${f.slo} (${f.service}) ${f.status}: ${f.reason}`;
        if (f.status === 'error')
            errors.push(text);
        else
            reasons.push(text);
    }
    checks.push({
        name: 'alert rules aligned with SLOs',
        status: !alignment.not_verified_reason && alignment.findings.length > 0 && bad.length === 0 ? 'pass' : 'fail',
        value: `${alignment.findings.length - bad.length}/${alignment.findings.length}`,
        threshold: 'all aligned'
    });
    if (input.drill) {
        const d = drillGate(input.drill);
        if (d.check)
            checks.push(d.check);
        reasons.push(...d.reasons);
        errors.push(...d.errors);
    }
    if (dashboards.not_verified_reason)
        reasons.push(`dashboards not checked: ${dashboards.not_verified_reason}`);
    for (const s of dashboards.services_without_dashboard)
        reasons.push(`service ${s} appears on no dashboard`);
    if (dashboards.live_not_verified_reason)
        reasons.push(`dashboard panels not checked against live data: ${dashboards.live_not_verified_reason}`);
    for (const d of dashboards.dashboards) {
        for (const c of d.live_checks ?? []) {
            const text = `dashboard ${d.dashboard} panel "${c.panel}" shows no data for ${c.service}: query ${c.query} answered ${c.answer}`;
            if (c.verdict === 'error')
                errors.push(text.replace('shows no data', 'could not be checked'));
            else if (c.verdict === 'fail')
                reasons.push(text);
        }
    }
    const min = thresholds['dashboard-score-min-percent'];
    for (const d of dashboards.dashboards.filter((x) => x.score < min)) {
        reasons.push(`dashboard ${d.dashboard} scores ${pct(d.score)} (< ${min}%)`);
    }
    const worst = dashboards.dashboards.length ? Math.min(...dashboards.dashboards.map((d) => d.score)) : 0;
    checks.push({
        name: 'dashboard score',
        status: !dashboards.not_verified_reason &&
            !dashboards.live_not_verified_reason &&
            dashboards.dashboards.length > 0 &&
            worst >= min &&
            dashboards.dashboards.every((d) => (d.live_checks ?? []).every((c) => c.verdict === 'pass'))
            ? 'pass'
            : 'fail',
        value: dashboards.dashboards.length ? pct(worst) : 'no dashboards',
        threshold: `>= ${min}%`
    });
    return gate(2, checks, reasons, errors, [
        files/* FILES */.cn.alertTestResults,
        files/* FILES */.cn.dashboardConfig,
        files/* FILES */.cn.approvalRecord,
        ...(input.drill ? [files/* FILES */.cn.detectionDrill] : [])
    ]);
}
function evaluateAssuranceGate(input) {
    const { schedule, tuning, thresholds } = input;
    const reasons = [];
    const errors = [];
    const checks = [];
    const min = thresholds['schedule-coverage-min-percent'];
    checks.push({
        name: 'schedule coverage',
        status: schedule.schedule_coverage >= min ? 'pass' : 'fail',
        value: pct(schedule.schedule_coverage),
        threshold: `>= ${min}%`
    });
    for (const m of schedule.missing)
        reasons.push(`ongoing check not scheduled: ${m}`);
    if (!schedule.ownership.owner)
        reasons.push('no owner for the ongoing checks (assurance.owner or the on-call-owner input)');
    if (!input.tuningWritten)
        reasons.push('alert-tuning-report.md was not produced');
    checks.push({
        name: 'alert tuning from real data',
        status: tuning.from_real_data ? 'pass' : 'fail',
        value: tuning.sources.map((s) => `${s.name}: ${s.status}`).join(', ') || 'no sources',
        threshold: 'alert history and incident source both read'
    });
    for (const s of tuning.sources.filter((x) => x.status !== 'ok')) {
        const text = `tuning source ${s.name} (${s.kind}) ${s.status}: ${s.detail}`;
        if (s.status === 'error')
            errors.push(text);
        else
            reasons.push(text);
    }
    if (tuning.coverage && !tuning.coverage.sufficient) {
        // Too little alert history for the lookback: the correlation's figures are not founded.
        const informational = !!tuning.coverage.informational;
        checks.push({
            name: 'alert history covers the lookback',
            status: informational ? 'pass' : 'fail',
            value: `insufficient data: ${(0,coverage/* describeCoverage */.KZ)(tuning.coverage)}${informational ? ' (informational: sufficiency.criteria.alert-correlation)' : ''}`,
            threshold: `>= ${tuning.coverage.minimum_seconds} s of ${tuning.lookback}`
        });
        if (!informational)
            reasons.push(`alert tuning has insufficient data: ${(0,coverage/* describeCoverage */.KZ)(tuning.coverage)}`);
    }
    if (!tuning.sources.some((s) => s.kind === 'alerts'))
        reasons.push('no alert history source for tuning');
    if (!tuning.sources.some((s) => s.kind === 'incidents'))
        reasons.push('no incident source for tuning');
    if (!input.backlogWritten)
        reasons.push('improvement-backlog.md was not produced');
    const filed = new Set(input.backlog.map((b) => b.fingerprint));
    const unfiled = input.gapFingerprints.filter((f) => !filed.has(f));
    checks.push({
        name: 'gaps with a backlog item',
        status: unfiled.length === 0 ? 'pass' : 'fail',
        value: `${input.gapFingerprints.length - unfiled.length}/${input.gapFingerprints.length}`,
        threshold: 'all'
    });
    for (const f of unfiled)
        reasons.push(`gap without a backlog item: ${f}`);
    return gate(3, checks, reasons, errors, [files/* FILES */.cn.observabilitySchedule, files/* FILES */.cn.alertTuningReport, files/* FILES */.cn.improvementBacklog]);
}
function evaluateHandoffGate(input) {
    const { manifest, approval, handoff, thresholds } = input;
    const reasons = [];
    const errors = [];
    const checks = [];
    const minManifest = thresholds['manifest-completeness-min-percent'];
    if (!manifest)
        reasons.push('monitoring-package-manifest.json was not produced');
    const completeness = manifest?.manifest_completeness ?? 0;
    checks.push({
        name: 'manifest completeness',
        status: completeness >= minManifest ? 'pass' : 'fail',
        value: pct(completeness),
        threshold: `>= ${minManifest}%`
    });
    for (const m of manifest?.missing_artifacts ?? [])
        reasons.push(`package artifact missing or invalid: ${m}`);
    const approvers = Object.values(approval?.approvers ?? {}).filter((a) => a.approval_status === 'approved');
    const recorded = !!approval && approval.status === 'approved' && approvers.length > 0 && !!approval.effective_date && !!approval.on_call_owner;
    if (!recorded) {
        const missing = [
            !approval || approvers.length === 0 ? 'approver' : undefined,
            !approval?.on_call_owner ? 'on-call owner' : undefined,
            !approval?.effective_date ? 'effective date' : undefined
        ].filter(Boolean);
        reasons.push(`${MSG_APPROVAL_MISSING}${missing.length ? ` Missing: ${missing.join(', ')}.` : ''}`);
    }
    const minApprovals = thresholds['approvals-min-percent'];
    checks.push({
        name: 'approvals',
        status: recorded && (approval?.approval_percentage ?? 0) >= minApprovals ? 'pass' : 'fail',
        value: pct(approval?.approval_percentage ?? 0),
        threshold: `>= ${minApprovals}%`
    });
    let notified;
    let value;
    if (handoff.pending) {
        notified = 'pass';
        value = 'pending: decided after the package upload';
    }
    else {
        // The upload alone tells nobody: a notification must have been sent and accepted.
        const refused = handoff.notifications.filter((n) => !n.accepted);
        const accepted = handoff.notifications.filter((n) => n.accepted && (handoff.requires === 'any' || n.protocol === handoff.requires));
        const ok = !handoff.held && handoff.uploaded && accepted.length > 0 && refused.length === 0;
        notified = ok ? 'pass' : 'fail';
        value = [
            handoff.uploaded ? 'package delivered' : `package not delivered${handoff.uploadError ? ` (${handoff.uploadError})` : ''}`,
            ...(handoff.held ? [`handoff held: ${handoff.held}`] : []),
            ...handoff.notifications.map((n) => `${n.protocol} ${n.channel} ${n.target}: ${n.accepted ? 'accepted' : `not accepted (${n.detail})`}`),
            ...(!handoff.held && handoff.notifications.length === 0
                ? [
                    `no notification sent: github.handoff.enabled is false and notify.${handoff.requires === 'any' ? '*' : handoff.requires} is not configured`
                ]
                : []),
            ...(!handoff.held && handoff.notifications.length > 0 && accepted.length === 0 && handoff.requires !== 'any'
                ? [`no ${handoff.requires} notification accepted`]
                : [])
        ].join(', ');
        if (!ok)
            reasons.push(`downstream protocols not notified: ${value}`);
    }
    checks.push({
        name: 'downstream notified',
        status: notified,
        value,
        threshold: 'package delivered and a notification accepted by Protocol 13 (dispatch or webhook); every configured notification accepted'
    });
    return gate(4, checks, reasons, errors, [files/* FILES */.cn.manifest, files/* FILES */.cn.approvalRecord]);
}


/***/ }),

/***/ 9793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HP: () => (/* binding */ coverageExpression),
/* harmony export */   K7: () => (/* binding */ isCounterSelector),
/* harmony export */   KZ: () => (/* binding */ describeCoverage),
/* harmony export */   Yv: () => (/* binding */ selectorsOf),
/* harmony export */   ZK: () => (/* binding */ PART_LABEL),
/* harmony export */   _5: () => (/* binding */ coverageOf),
/* harmony export */   kX: () => (/* binding */ needsFineFirst),
/* harmony export */   q2: () => (/* binding */ FINE_NARROW_MAX),
/* harmony export */   qk: () => (/* binding */ addCoverageSample),
/* harmony export */   rs: () => (/* binding */ fineFirstExpression),
/* harmony export */   x2: () => (/* binding */ sufficiencyRule),
/* harmony export */   zk: () => (/* binding */ youngStartExpression)
/* harmony export */ });
/* unused harmony export humanDuration */
/* harmony import */ var _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86828);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26518);
/* harmony import */ var _vector_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52880);
/**
 * How much of a window the data really covers. A rate over 30 minutes of a service that has
 * existed for 30 seconds is diluted sixty-fold, and a 30-day attainment from one minute of data
 * says nothing: every windowed figure records the range its data covers, is computed over that
 * range, and is `insufficient_data` below a minimum coverage (time) or a minimum of requests.
 */



/** Label that tells the parts of a combined query apart (as in the coverage query of the audit). */
const PART_LABEL = 'sre_part';
/** Minimums for a criterion over a window: a thirtieth of the window (a day for 30 days) unless configured. */
function sufficiencyRule(config, criterion, windowSeconds) {
    const s = config.sufficiency;
    const c = s.criteria[criterion] ?? {};
    const minCoverage = c['min-coverage'] ?? s['min-coverage'];
    const minPercent = c['min-coverage-percent'] ?? s['min-coverage-percent'];
    const minimumSeconds = minCoverage !== undefined
        ? (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .durationSeconds */ .o8)(minCoverage)
        : minPercent !== undefined
            ? (windowSeconds * minPercent) / 100
            : windowSeconds / 30;
    return {
        minimumSeconds: Math.min(minimumSeconds, windowSeconds),
        minimumRequests: c['min-requests'] ?? s['min-requests'],
        informational: c.informational ?? false
    };
}
/** The series selectors a PromQL expression reads (`http_requests_total{code=~"5.."}`), in order, once each. */
function selectorsOf(query) {
    const out = [];
    const cursor = _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__/* .parser */ .K3D.parse(query).cursor();
    do {
        if (cursor.name === 'VectorSelector') {
            const text = query.slice(cursor.from, cursor.to).trim();
            if (text && !out.includes(text))
                out.push(text);
        }
    } while (cursor.next());
    return out;
}
/** Counters (and histogram counts) have a request count over a window; gauges and recorded rates do not. */
function isCounterSelector(selector) {
    const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(selector)?.[0] ?? /__name__\s*=\s*"([^"]+)"/.exec(selector)?.[1] ?? '';
    return /(_total|_count|_bucket)$/.test(name);
}
/** Past an hour, the coverage query's coarse steps: a thousandth of the window. */
const coarseStepOf = (windowSeconds) => Math.max(1, Math.ceil(windowSeconds / 1000));
/** The fine window for the first sample: the window, up to its last hour. */
const fineRangeOf = (windowSeconds) => Math.min(windowSeconds, 3600);
/** The fine subquery's range (the fine window, or less) and step: at most 1,800 steps, a second apart up to half an hour. */
const fineSubquery = (windowSeconds, rangeSeconds = fineRangeOf(windowSeconds)) => {
    const range = Math.max(1, Math.min(Math.ceil(rangeSeconds), fineRangeOf(windowSeconds)));
    return `[${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(range)}:${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(Math.max(1, Math.ceil(range / 1800)))}]`;
};
/**
 * One PromQL expression giving, per group, the first sample time in the window (`first`), the
 * newest sample time (`newest`, `newest_now`) and the requests counted (`events`, for counters).
 * The coarse subquery spans the whole window; a fine one over the last hour (or the window) finds
 * the start of a young series to a few seconds.
 */
function coverageExpression(selectors, windowSeconds, groupBy, opts = {}) {
    const by = groupBy.length ? ` by (${groupBy.join(', ')})` : '';
    const win = (0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(windowSeconds);
    const fineRange = fineRangeOf(windowSeconds);
    const fine = fineSubquery(windowSeconds);
    // The newest sample is seen, with its own time, at every step of the lookback after it: a step
    // a minute apart finds it exactly (a fifth of the 5-minute lookback), for a fraction of the work.
    const newestFine = `[${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(fineRange)}:${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(Math.min(60, fineRange))}]`;
    const coarse = windowSeconds > fineRange ? `[${win}:${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(coarseStepOf(windowSeconds))}]` : undefined;
    const part = (expr, name) => `label_replace(${expr}, "${PART_LABEL}", "${name}", "", "")`;
    const any = (f) => selectors.map(f).join(' or ');
    // A window of an hour or less is read to the sample: `timestamp()` of the selector, every
    // series at every step, finds the first and newest sample times exactly. Past an hour (a coarse
    // subquery at a thousandth of the window) the steps a group has data are enough: `timestamp()`
    // of the group's count is one series per group and step, a fifth of the backend's work for
    // 1,500 series; the first step trails the first sample by at most the resolution, and the
    // newest step its sample by at most the 5-minute lookback (`newest_now` reads a live series exactly).
    const sampleTimes = (fn, s, range) => `${fn}_over_time(timestamp(${s})${range})`;
    const stepTimes = (fn, s, range) => `${fn}_over_time(timestamp(count${by} (${s}))${range})`;
    const over = coarse ? stepTimes : sampleTimes;
    // Apart: the sample at the window's start (one step, `offset`) answers for every group whose
    // data is older than the window; the fine subquery is asked after, for the others only.
    const firstPart = opts.fineApart
        ? part(`min${by} (${any((s) => `timestamp(${s} offset ${win})`)})`, 'first_start')
        : part(`min${by} (${any((s) => over('min', s, fine))})`, 'first');
    const parts = [
        firstPart,
        part(`max${by} (${any((s) => over('max', s, coarse ?? newestFine))})`, 'newest'),
        part(`max${by} (${any((s) => `timestamp(${s})`)})`, 'newest_now')
    ];
    if (coarse)
        parts.splice(1, 0, part(`min${by} (${any((s) => stepTimes('min', s, coarse))})`, 'first_coarse'));
    const counters = selectors.filter(isCounterSelector);
    if (opts.countEvents !== false && counters.length > 0)
        parts.push(part(`sum${by} (${counters.map((s) => `increase(${s}[${win}])`).join(' or ')})`, 'events'));
    return parts.join('\nor\n');
}
/** A selector narrowed to the groups named (one grouping label), or as it is. */
function narrowed(s, groupBy, only) {
    if (!only || groupBy.length !== 1)
        return s;
    const m = `${groupBy[0]}=~${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .exactRegex */ .pF)(only)}`;
    return /\{\s*\}$/.test(s) ? s.replace(/\{\s*\}$/, `{${m}}`) : s.endsWith('}') ? `${s.slice(0, -1)}, ${m}}` : `${s}{${m}}`;
}
/** Steps of the bound query: its step is the window over this. */
const BOUND_STEPS = 30;
/**
 * For the groups whose data starts inside the window: the first of thirty steps at which each has
 * data (`first_coarse`), for a window of up to an hour; past an hour the coverage query's coarse
 * steps already gave it (no query). A group's first sample lies within one step before, so the
 * fine query need only reach that far back (a service seconds old is read over seconds, not the window).
 */
function youngStartExpression(selectors, windowSeconds, groupBy, only) {
    if (windowSeconds > 3600)
        return { stepSeconds: coarseStepOf(windowSeconds) };
    const by = groupBy.length ? ` by (${groupBy.join(', ')})` : '';
    const stepSeconds = Math.max(1, Math.ceil(windowSeconds / BOUND_STEPS));
    const range = `[${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(windowSeconds)}:${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(stepSeconds)}]`;
    const any = selectors.map((s) => `min_over_time(timestamp(count${by} (${narrowed(s, groupBy, only)}))${range})`).join(' or ');
    return { query: `label_replace(min${by} (${any}), "${PART_LABEL}", "first_coarse", "", "")`, stepSeconds };
}
/**
 * The fine `first` part alone, for the groups whose data starts inside the window (asked after a
 * `fineApart` coverage answer), over the window's last `rangeSeconds` when the data is known to be
 * younger, ending `offsetSeconds` ago when every such group is known to have data by then. With one
 * grouping label and a few such groups, the selectors are narrowed to them, so the backend reads
 * their series only.
 */
function fineFirstExpression(selectors, windowSeconds, groupBy, only, rangeSeconds, offsetSeconds = 0) {
    const by = groupBy.length ? ` by (${groupBy.join(', ')})` : '';
    const fine = fineSubquery(windowSeconds, rangeSeconds);
    const offset = offsetSeconds >= 1 ? ` offset ${(0,_vector_js__WEBPACK_IMPORTED_MODULE_2__/* .promDuration */ .Jn)(Math.floor(offsetSeconds))}` : '';
    const any = selectors.map((s) => `min_over_time(timestamp(${narrowed(s, groupBy, only)})${fine}${offset})`).join(' or ');
    return `label_replace(min${by} (${any}), "${PART_LABEL}", "first", "", "")`;
}
/** Up to this many groups are named in the fine query; more read every series (as one query does). */
const FINE_NARROW_MAX = 200;
/**
 * Whether a group's first sample is still to be found by the fine query: it has data, none at the
 * window's start, and (past an hour) the coarse steps put its start in the last hour.
 */
function needsFineFirst(row, windowSeconds, nowSec) {
    if (row.startSeen || row.newest === undefined)
        return false;
    return windowSeconds <= 3600 || row.first === undefined || row.first > nowSec - fineRangeOf(windowSeconds);
}
/** Fold one sample of a coverage answer into its row. */
function addCoverageSample(row, part, value) {
    if (!Number.isFinite(value))
        return;
    if (part === 'first_start') {
        row.startSeen = true;
        row.first = Math.min(row.first ?? Infinity, value);
    }
    else if (part === 'first' || part === 'first_coarse')
        row.first = Math.min(row.first ?? Infinity, value);
    else if (part === 'newest' || part === 'newest_now')
        row.newest = Math.max(row.newest ?? -Infinity, value);
    else if (part === 'events')
        row.events = (row.events ?? 0) + value;
}
/**
 * The covered range of a window ending at `now`: from the first sample (not before the window's
 * start) to now while the series is live, or to its newest sample once it stopped (older than
 * `liveSeconds`).
 */
function coverageOf(row, args) {
    const windowSeconds = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .durationSeconds */ .o8)(args.window);
    const nowSec = args.now.getTime() / 1000;
    const start = nowSec - windowSeconds;
    const iso = (t) => new Date(Math.round(t * 1000)).toISOString();
    const base = {
        window: args.window,
        window_seconds: windowSeconds,
        minimum_seconds: Math.round(args.rule.minimumSeconds),
        query: args.query
    };
    const reqs = args.countsRequests
        ? { requests: row?.events !== undefined ? Math.round(row.events * 1000) / 1000 : null, minimum_requests: args.rule.minimumRequests }
        : {};
    if (!row || row.first === undefined || row.newest === undefined) {
        return { ...base, from: null, to: null, seconds: 0, ...reqs, sufficient: false };
    }
    const from = Math.max(start, row.first);
    const live = nowSec - row.newest <= (args.liveSeconds ?? 300);
    const to = live ? nowSec : Math.min(nowSec, row.newest);
    const seconds = Math.max(0, Math.round(to - from));
    const enoughTime = seconds >= args.rule.minimumSeconds;
    const enoughRequests = !args.countsRequests || (row.events ?? 0) >= args.rule.minimumRequests;
    return { ...base, from: iso(from), to: iso(row.newest), seconds, ...reqs, sufficient: enoughTime && enoughRequests && seconds > 0 };
}
/** 20160 -> "5h36m", 86400 -> "1d", 30 -> "30s". */
function humanDuration(seconds) {
    let rest = Math.round(seconds);
    if (rest <= 0)
        return '0s';
    const out = [];
    for (const [unit, n] of [
        ['d', 86400],
        ['h', 3600],
        ['m', 60],
        ['s', 1]
    ]) {
        if (rest >= n) {
            out.push(`${Math.floor(rest / n)}${unit}`);
            rest %= n;
        }
    }
    return out.join('');
}
/** "30s of the 30d window (data from ...); at least 1d needed" */
function describeCoverage(c) {
    const covered = c.from
        ? `${humanDuration(c.seconds)} of the ${c.window} window (data from ${c.from})`
        : `no data in the ${c.window} window`;
    const wantTime = c.seconds < c.minimum_seconds ? `; at least ${humanDuration(c.minimum_seconds)} needed` : '';
    const wantReq = c.requests !== undefined && c.minimum_requests !== undefined && (c.requests ?? 0) < c.minimum_requests
        ? `; ${c.requests ?? 0} request(s), at least ${c.minimum_requests} needed`
        : '';
    return `${covered}${wantTime}${wantReq}`;
}


/***/ }),

/***/ 52880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AG: () => (/* binding */ serviceMatcher),
/* harmony export */   Bk: () => (/* binding */ selectorOf),
/* harmony export */   Df: () => (/* binding */ describeNumber),
/* harmony export */   Jn: () => (/* reexport safe */ _util_duration_js__WEBPACK_IMPORTED_MODULE_0__.a3),
/* harmony export */   L: () => (/* binding */ parseSampleValue),
/* harmony export */   Nx: () => (/* binding */ groupingLabels),
/* harmony export */   pF: () => (/* binding */ exactRegex),
/* harmony export */   sf: () => (/* binding */ mapLimit)
/* harmony export */ });
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26518);
/** Prometheus and Loki write sample values as strings, including "NaN", "+Inf" and "-Inf". */
function parseSampleValue(raw) {
    if (typeof raw === 'number')
        return raw;
    if (typeof raw !== 'string')
        return undefined;
    if (raw === '+Inf' || raw === 'Inf')
        return Infinity;
    if (raw === '-Inf')
        return -Infinity;
    if (raw === 'NaN')
        return NaN;
    if (raw.trim() === '')
        return undefined;
    const n = Number(raw);
    return Number.isNaN(n) ? undefined : n;
}
/** The matchers naming a service in telemetry: its selector, or `{<service-label>: name}`. */
function selectorOf(service, serviceLabel) {
    return Object.keys(service.selector).length > 0 ? service.selector : { [serviceLabel]: service.name };
}
/** Labels a grouped query must keep so every service's series can be told apart. */
function groupingLabels(services, serviceLabel) {
    const labels = new Set([serviceLabel]);
    for (const s of services)
        for (const k of Object.keys(selectorOf(s, serviceLabel)))
            labels.add(k);
    return [...labels].sort();
}
/**
 * Match result series back to services by their selectors. A series belongs to the service whose
 * selector it satisfies with the most matchers, so `{service: api, tier: edge}` wins over
 * `{service: api}` for the edge series.
 */
function serviceMatcher(services, serviceLabel) {
    const entries = services.map((s) => ({ service: s, selector: Object.entries(selectorOf(s, serviceLabel)) }));
    const byLabel = new Map();
    const other = [];
    for (const e of entries) {
        const v = e.selector.find(([k]) => k === serviceLabel)?.[1];
        if (v === undefined)
            other.push(e);
        else
            byLabel.set(v, [...(byLabel.get(v) ?? []), e]);
    }
    return (labels) => {
        const v = labels[serviceLabel];
        const candidates = [...(v !== undefined ? (byLabel.get(v) ?? []) : []), ...other];
        let best;
        for (const c of candidates) {
            if (!c.selector.every(([k, want]) => labels[k] === want))
                continue;
            if (!best || c.selector.length > best.selector.length)
                best = c;
        }
        return best?.service;
    };
}
/** Run fn over items with at most `limit` running at once; results keep the items' order. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}
/** Durations are written by the one duration module, the way PromQL and LogQL accept them. */

function describeNumber(n) {
    if (Number.isNaN(n))
        return 'NaN';
    if (n === Infinity)
        return '+Inf';
    if (n === -Infinity)
        return '-Inf';
    return String(Number(n.toPrecision(6)));
}
/** A PromQL regex matcher value that matches exactly these strings (RE2-escaped, then quoted). */
function exactRegex(values) {
    const re = values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    return JSON.stringify(re);
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


/***/ })

};
