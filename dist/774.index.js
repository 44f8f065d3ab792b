export const id = 774;
export const ids = [774];
export const modules = {

/***/ 93718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ reviewAlertHook),
/* harmony export */   r: () => (/* binding */ reviewAuditHook)
/* harmony export */ });
const SIGNALS = [
    ['metrics', 'metrics'],
    ['logs', 'logs'],
    ['traces', 'traces'],
    ['synthetics', 'synthetic']
];
/** An artifact dated before the run started, or not dated at all, is not of this run. */
function dateProblems(date, field, startedAt, now) {
    const t = typeof date === 'string' ? Date.parse(date) : NaN;
    if (!Number.isFinite(t))
        return [`${field} is not a time (${JSON.stringify(date)})`];
    // A second of slack: some tools write whole seconds.
    if (t < startedAt.getTime() - 1000)
        return [`${field} ${date} is before this run started (${startedAt.toISOString()}): not evidence of this run`];
    if (t > now.getTime() + 60_000)
        return [`${field} ${date} is in the future (now ${now.toISOString()})`];
    return [];
}
function newReview(command, status) {
    return { command, status, accepted: false, artifact_date: null, refused: [], disagreements: [] };
}
/** The hook left nothing to review: refused for that, with its own error when it gave one. */
function refusedForNoArtifact(review, error) {
    review.refused.push(error ?? `no artifact (${review.status})`);
    return review;
}
function reviewAuditHook(args) {
    const { hook, live } = args;
    const review = newReview('audit-command', args.status);
    if (!hook)
        return refusedForNoArtifact(review, args.error);
    review.artifact_date = typeof hook.audit_date === 'string' ? hook.audit_date : null;
    review.refused.push(...dateProblems(hook.audit_date, 'audit_date', args.startedAt, args.now));
    if (hook.requests === 0)
        review.refused.push('requests is 0: an audit that asked no backend anything verifies nothing');
    const listed = new Map(hook.services.map((s) => [s.service_name, s]));
    const absent = args.services.filter((s) => !listed.has(s));
    if (absent.length > 0)
        review.refused.push(`does not cover the release's service(s): ${absent.join(', ')}`);
    if (live.environment && hook.environment !== live.environment)
        review.refused.push(`environment is ${JSON.stringify(hook.environment)}, this run observes ${JSON.stringify(live.environment)}`);
    review.accepted = review.refused.length === 0;
    const liveBy = new Map(live.services.map((s) => [s.service_name, s]));
    for (const name of args.services) {
        const h = listed.get(name);
        const l = liveBy.get(name);
        if (!h)
            continue;
        for (const [key, signal] of SIGNALS) {
            const hv = h[key]?.verified === true;
            const lv = l?.[key]?.verified === true;
            if (hv === lv)
                continue;
            const liveWhy = l ? (l[key].measurement?.reason ?? l[key].verdict) : (live.not_verified_reason ?? 'not checked');
            review.disagreements.push(hv
                ? `${name} ${signal}: audit-command says verified, the live check says not (${liveWhy}); the live check decides`
                : `${name} ${signal}: audit-command says not verified, the live check verified it; the live check decides`);
        }
    }
    return review;
}
function reviewAlertHook(args) {
    const { hook, live } = args;
    const review = newReview('alert-test-command', args.status);
    if (!hook)
        return refusedForNoArtifact(review, args.error);
    review.artifact_date = typeof hook.test_date === 'string' ? hook.test_date : null;
    review.refused.push(...dateProblems(hook.test_date, 'test_date', args.startedAt, args.now));
    for (const t of hook.tests) {
        if (t.triggered_at)
            review.refused.push(...dateProblems(t.triggered_at, `route ${t.route} triggered_at`, args.startedAt, args.now));
    }
    const tested = new Set(hook.tests.map((t) => t.route));
    const absent = args.routes.filter((r) => !tested.has(r));
    if (absent.length > 0)
        review.refused.push(`does not cover the configured route(s): ${absent.join(', ')}`);
    review.accepted = review.refused.length === 0;
    const liveBy = new Map(live.tests.map((t) => [t.route, t]));
    for (const h of hook.tests) {
        const l = liveBy.get(h.route);
        const hp = h.status === 'passed' && h.sla_met;
        const lp = !!l && l.status === 'passed' && l.sla_met;
        if (hp === lp)
            continue;
        review.disagreements.push(hp
            ? `route ${h.route}: alert-test-command says passed, the live test says ${l ? `${l.status} (${l.reason})` : 'not run'}; the live test decides`
            : `route ${h.route}: alert-test-command says ${h.status}, the live test passed; the live test decides`);
    }
    return review;
}


/***/ }),

/***/ 51774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ environmentApprovers),
/* harmony export */   P: () => (/* binding */ pauseReason),
/* harmony export */   activationPhase: () => (/* binding */ activationPhase)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _gates_gates_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95803);
/* harmony import */ var _alerting_alert_tests_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11592);
/* harmony import */ var _approval_record_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83846);
/* harmony import */ var _announce_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(21313);
/* harmony import */ var _hook_review_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(93718);
/* harmony import */ var _artifacts_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(86404);
/** Phase 2: dashboards, alert rules, the alert path, the runbook; gate 2. */







async function activationPhase(run, p1) {
    const { opts, log, steps, now } = run;
    const { config } = p1;
    log.info(_announce_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOUNCE */ .eV.phase2);
    const paused = config.flow['pause-on-gate-failure'] && p1.gate.status === 'fail';
    const approval = await lookUpApproval(run, config);
    const answer = validationAnswer(run, p1, paused, approval);
    const ctx = { ...p1.ctx, alertTestsApproved: answer.yes, alertTestsAnswer: answer.how };
    const { alignment, suggestedRulesYaml, ruleSet } = await p1.alignment.settle((reason) => ({
        alignment: { checked_at: now().toISOString(), rule_sources: [], findings: [], not_verified_reason: reason },
        suggestedRulesYaml: undefined,
        ruleSet: undefined
    }));
    if (suggestedRulesYaml)
        await run.writeText('suggested-alert-rules.yml', suggestedRulesYaml);
    // Before the alert path test: the synthetic alert carries the labels the drill saw fire.
    const drill = steps.drill
        ? await run.step('detection drill', () => steps.drill(ctx, ruleSet, alignment), (reason) => ({
            run_at: now().toISOString(),
            status: 'error',
            required: config.drill.required,
            promtool: null,
            amtool: null,
            not_run_reason: reason,
            targets: [],
            requests: { alertmanager: 0, promtool_runs: 0, amtool_runs: 0 },
            duration_ms: 0
        }))
        : undefined;
    if (drill)
        await run.writeJson(_artifacts_files_js__WEBPACK_IMPORTED_MODULE_4__/* .FILES */ .cn.detectionDrill, drill);
    const dashboards = await run.step('dashboard check', () => steps.dashboards(ctx), (reason) => ({
        checked_at: now().toISOString(),
        dashboards: [],
        services_without_dashboard: [],
        not_verified_reason: reason
    }));
    await run.step(_artifacts_files_js__WEBPACK_IMPORTED_MODULE_4__/* .FILES */ .cn.dashboardConfig, async () => run.writer.text(_artifacts_files_js__WEBPACK_IMPORTED_MODULE_4__/* .FILES */ .cn.dashboardConfig, await steps.renderDashboardConfig(alignment, dashboards)), () => undefined);
    const alertFallback = (reason) => ({
        test_date: now().toISOString(),
        approved: answer.yes,
        sla_target_seconds: config.alerting['ack-sla-seconds'],
        tests: [],
        overall_status: 'error',
        sla_compliance: 0,
        not_verified_reason: reason,
        source: 'built-in'
    });
    // Paused or not approved, no hook runs either: nothing is sent.
    const alertTests = paused
        ? heldAlertTests(run, p1, answer.how)
        : await run.liveWithHook({
            what: 'alert path test',
            command: answer.yes ? config.hooks['alert-test-command'] : undefined,
            commandName: 'alert-test-command',
            artifact: _artifacts_files_js__WEBPACK_IMPORTED_MODULE_4__/* .FILES */ .cn.alertTestResults,
            script: 'workflow_automation.py (alert-test)',
            builtIn: async () => {
                const { routesWithDrillLabels } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(196), __webpack_require__.e(441), __webpack_require__.e(185)]).then(__webpack_require__.bind(__webpack_require__, 28185));
                return steps.alertTests(ctx, { routes: routesWithDrillLabels(config.alerting.routes, drill) });
            },
            builtInStatus: (r) => r.overall_status,
            fallback: alertFallback,
            timeoutSeconds: config.hooks['timeout-seconds'],
            review: (hook, live) => (0,_hook_review_js__WEBPACK_IMPORTED_MODULE_5__/* .reviewAlertHook */ .A)({
                ...hook,
                hook: hook.data,
                live,
                routes: config.alerting.routes.map((r) => r.name),
                startedAt: run.startedAt,
                now: now()
            })
        });
    await run.writeJson(_artifacts_files_js__WEBPACK_IMPORTED_MODULE_4__/* .FILES */ .cn.alertTestResults, alertTests);
    const runbook = await run.step('runbook update', () => steps.updateRunbook(ctx, { alignment, dashboards, alertTests, onCallOwner: opts.onCallOwner }), () => undefined);
    // The package carries the runbook as it stands after this release's section was written.
    if (runbook) {
        await run.step('runbook copy', async () => run.writer.text((0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(runbook.path), await (await __webpack_require__.e(/* import() */ 779).then(__webpack_require__.bind(__webpack_require__, 12779))).readRunbookText(opts.workspace, runbook.path)), () => undefined);
    }
    const gate = (0,_gates_gates_js__WEBPACK_IMPORTED_MODULE_1__/* .evaluateAlertGate */ .Vn)({ alertTests, alignment, dashboards, thresholds: config.gates, ...(drill ? { drill } : {}) });
    (0,_announce_js__WEBPACK_IMPORTED_MODULE_3__/* .announceGate */ .VW)(log, gate);
    return { paused, approval, alignment, dashboards, alertTests, ...(drill ? { drill } : {}), runbook, gate };
}
/** The gate 1 failure that holds the protocol, in words. */
const pauseReason = (p1) => `gate 1 (${p1.gate.name}) failed, so the protocol pauses until instrumentation is fixed (flow.pause-on-gate-failure)`;
function heldAlertTests(run, p1, how) {
    const held = `alert tests not run: ${pauseReason(p1)}; no synthetic alert was sent`;
    run.log.info(_announce_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOUNCE */ .eV.automation('workflow_automation.py (alert-test)', 'held (gate 1 failed)'));
    return {
        test_date: run.now().toISOString(),
        approved: false,
        sla_target_seconds: p1.config.alerting['ack-sla-seconds'],
        tests: [],
        overall_status: 'not_run',
        sla_compliance: 0,
        not_verified_reason: `${held} (${how})`,
        held,
        source: 'built-in'
    };
}
/** The approvals of this run: a protected environment's reviewers, else the approved-by input. */
async function lookUpApproval(run, config) {
    const { opts, now } = run;
    const record = (approval) => (0,_approval_record_js__WEBPACK_IMPORTED_MODULE_6__/* .buildApprovalRecord */ .$d)({
        approval,
        onCallOwner: opts.onCallOwner ?? config.assurance.owner,
        notificationChannels: config.alerting['notification-channels'],
        now: now()
    });
    return run.step('approval lookup', async () => record(await opts.github.approval(opts.approvedBy)), (reason) => record({ source: 'none', approvers: [], rejected: [], apiError: reason }));
}
/** Reviewers of this job's protected environment who approved it, when none rejected it. */
function environmentApprovers(approval) {
    const approvers = Object.values(approval.approvers).filter((a) => a.source === 'environment-approval');
    if (approvers.some((a) => a.approval_status === 'rejected'))
        return undefined;
    const ok = approvers.filter((a) => a.approval_status === 'approved').map((a) => a.name);
    return ok.length ? ok : undefined;
}
/**
 * The seed's "[VALIDATION REQUEST] - Monitoring instrumentation verified. Approve activation of
 * alert tests?" is logged only when gate 1 passed (only then is it true), with how it was answered.
 */
function validationAnswer(run, p1, paused, approval) {
    const { log, opts } = run;
    if (paused) {
        const how = `held: ${pauseReason(p1)}`;
        log.info(`Alert tests held: ${pauseReason(p1)}. The read-only checks go on; nothing pages anyone and nothing is handed off.`);
        return { yes: false, how };
    }
    if (p1.gate.status === 'pass')
        log.info(_alerting_alert_tests_js__WEBPACK_IMPORTED_MODULE_2__/* .VALIDATION_REQUEST */ ._A);
    else
        log.info('Monitoring instrumentation is not verified (gate 1 failed); alert tests go ahead because flow.pause-on-gate-failure is false.');
    let answer;
    if (!opts.alertTestsApproved)
        answer = { yes: false, how: 'input alert-tests is false' };
    else if (p1.config.flow['confirm-with'] === 'environment') {
        const by = environmentApprovers(approval);
        answer = by
            ? { yes: true, how: `approved on this job's protected environment by ${by.join(', ')}` }
            : { yes: false, how: "flow.confirm-with is environment and no reviewer of this job's protected environment approved it" };
    }
    else
        answer = { yes: true, how: 'input alert-tests is true' };
    log.info(`Answer: ${answer.yes ? 'yes' : 'no'} (${answer.how})`);
    return answer;
}


/***/ })

};
