export const id = 908;
export const ids = [908,774];
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


/***/ }),

/***/ 64908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  handoffPhase: () => (/* binding */ handoffPhase)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/gates/gates.ts + 1 modules
var gates = __webpack_require__(95803);
// EXTERNAL MODULE: ./src/package/manifest.ts
var package_manifest = __webpack_require__(81459);
// EXTERNAL MODULE: ./src/protocol/announce.ts
var announce = __webpack_require__(21313);
// EXTERNAL MODULE: ./src/protocol/gate-results.ts
var gate_results = __webpack_require__(21454);
// EXTERNAL MODULE: ./src/util/http.ts
var http = __webpack_require__(44098);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
;// CONCATENATED MODULE: ./src/protocol/notify.ts



const MAX_BODY_BYTES = 64 * 1024;
async function notify(args) {
    const { protocol, target, info, log } = args;
    const files = [...package_manifest/* DOWNSTREAM */.TR[protocol]];
    if (target['event-type']) {
        const sent = await args.github.sendHandoff(target['event-type'], info);
        return {
            protocol,
            channel: 'repository_dispatch',
            target: target['event-type'],
            accepted: 'ok' in sent,
            detail: 'ok' in sent ? 'accepted' : sent.error
        };
    }
    const url = target.url;
    const shown = (0,http/* redactUrl */.BO)(url);
    const body = JSON.stringify({
        protocol: 12,
        recipient: protocol,
        status: info.status,
        environment: info.environment,
        release: info.release,
        run: { id: info.runId, url: info.runUrl ?? null },
        package: {
            name: info.packageName ?? null,
            ...(info.upload && 'id' in info.upload ? { artifact_id: info.upload.id, url: info.upload.url } : {}),
            ...(info.upload && 'delivered' in info.upload ? { delivered_to: info.upload.delivered } : {})
        },
        files,
        gates: info.gates.map((g) => ({ id: g.id, name: g.name, status: g.status })),
        approval_status: info.approvalStatus
    });
    if (Buffer.byteLength(body) > MAX_BODY_BYTES)
        return { protocol, channel: 'webhook', target: shown, accepted: false, detail: `payload over ${MAX_BODY_BYTES} bytes` };
    try {
        const headers = { 'content-type': 'application/json', ...(0,http/* authHeaders */.Pw)(target.auth, target.headers, args.env, log, `notify.${protocol}`) };
        const res = await (0,http/* httpRequest */.aj)({
            backend: `notify.${protocol}`,
            kind: 'webhook',
            url,
            method: 'POST',
            headers,
            body,
            timeoutMs: target['timeout-seconds'] * 1000,
            retries: 0
        });
        const accepted = res.status >= 200 && res.status < 300;
        return {
            protocol,
            channel: 'webhook',
            target: shown,
            accepted,
            detail: accepted ? `accepted (HTTP ${res.status})` : `refused (HTTP ${res.status})`
        };
    }
    catch (err) {
        return { protocol, channel: 'webhook', target: shown, accepted: false, detail: (0,errors/* errorText */.kc)(err) };
    }
}

// EXTERNAL MODULE: ./src/protocol/phase2-activation.ts
var phase2_activation = __webpack_require__(51774);
// EXTERNAL MODULE: ./src/protocol/quality-audit.ts
var quality_audit = __webpack_require__(47043);
// EXTERNAL MODULE: ./src/artifacts/files.ts
var files = __webpack_require__(86404);
;// CONCATENATED MODULE: ./src/protocol/phase4-handoff.ts
/** Phase 4: approval record, manifest, upload, handoff to Protocols 13, 5 and 14, backlog issues; gate 4. */











/** instrumentation-gaps.json, for Protocol 14: the live audit's gaps and Protocol 4's open instrumentation findings. */
function instrumentationGaps(run, p1) {
    const { audit, model, qualityAudit } = p1;
    return {
        generated_at: run.now().toISOString(),
        environment: model.environment,
        release: model.release.tag ?? null,
        audit_verified: !audit.not_verified_reason,
        gaps: [
            ...audit.missing_coverage.map((g) => ({
                service: g.service,
                signal: g.signal,
                priority: g.priority,
                gap: g.gap,
                detail: g.detail,
                source: files/* FILES */.cn.instrumentationAudit
            })),
            ...(0,quality_audit/* openFindings */.lb)(qualityAudit, audit)
                .filter((f) => f.category === 'instrumentation-gap')
                .map((f) => ({
                service: f.service ?? null,
                signal: f.signal ?? null,
                priority: f.severity === 'critical' || f.severity === 'high' ? 'high' : f.severity,
                gap: 'quality_audit_finding',
                detail: `${f.id}: ${f.title}${f.requirement ? ` (required: ${f.requirement})` : ''}`,
                source: `${qualityAudit.file}${f.line ? `:${f.line}` : ''}`
            }))
        ]
    };
}
async function handoffPhase(run, p1, p2, p3) {
    const { opts, log, now, writer } = run;
    const { config, model } = p1;
    const { approval, backlog } = p3;
    log.info(announce/* ANNOUNCE */.eV.phase4);
    await run.writeJson(files/* FILES */.cn.approvalRecord, approval);
    if (approval.status !== 'approved')
        log.error(gates/* MSG_APPROVAL_MISSING */.H0);
    await run.writeJson(files/* FILES */.cn.instrumentationGaps, instrumentationGaps(run, p1));
    const runbook = p2.runbook;
    const runbookEntry = runbook
        ? {
            path: (0,external_node_path_.isAbsolute)(runbook.path) ? (0,external_node_path_.relative)(opts.workspace, runbook.path) : runbook.path,
            changed: runbook.changed,
            sha256: await (0,promises_.readFile)((0,external_node_path_.resolve)(opts.workspace, runbook.path)).then((b) => (0,external_node_crypto_.createHash)('sha256').update(b).digest('hex'), () => null)
        }
        : null;
    await run.writeRunStats(model.environment, true);
    const manifest = (0,package_manifest/* buildManifest */.u1)({
        written: writer.written.values(),
        generator: opts.generator,
        now: now(),
        environment: model.environment,
        release: model.release,
        run: { id: opts.runId, url: opts.github.runUrl() },
        runbook: runbookEntry,
        notWritten: run.notWritten
    });
    const manifestWritten = await run.writeJson(files/* FILES */.cn.manifest, manifest);
    // A scheduled re-check hands nothing new to incident response: only a release is dispatched.
    const dispatchEnabled = config.github.handoff.enabled && opts.mode === 'post-deploy';
    const requires = opts.mode === 'post-deploy' ? 'protocol-13' : 'any';
    const held = p2.paused ? (0,phase2_activation/* pauseReason */.P)(p1) : undefined;
    const pendingHandoff = { uploaded: false, notifications: [], requires, held, pending: true };
    const gate4Pending = (0,gates/* evaluateHandoffGate */.LI)({
        manifest: manifestWritten ? manifest : undefined,
        approval,
        handoff: pendingHandoff,
        thresholds: config.gates
    });
    const preliminary = [p1.gate, p2.gate, p3.gate, gate4Pending];
    await run.writeJson(files/* FILES */.cn.gateResults, (0,gate_results/* gateResultsDoc */.W)(preliminary, now(), false));
    const packageFiles = [...writer.written.values()].map((a) => a.path);
    let upload;
    if (opts.packageArtifact) {
        upload = await opts.github.uploadPackage(writer.dir, packageFiles);
        if (upload && 'error' in upload) {
            run.errors.push(`package upload failed: ${upload.error}`);
            log.error(`Package upload failed; the package stays in ${writer.dir}: ${upload.error}`);
        }
        else if (upload && 'id' in upload)
            log.info(`Package uploaded as artifact ${opts.packageArtifact} (id ${upload.id}): ${upload.url}`);
        else if (upload)
            log.info(`Package delivered to ${upload.delivered}`);
    }
    const info = {
        status: preliminary.every((g) => g.status === 'pass') ? 'pass' : 'fail',
        gates: preliminary.map((g) => ({ id: g.id, name: g.name, status: g.status, reasons: [...g.reasons, ...g.errors] })),
        packageName: opts.packageArtifact,
        upload,
        environment: model.environment,
        approvalStatus: approval.status,
        release: model.release.tag ?? null,
        runId: opts.runId,
        runUrl: opts.github.runUrl()
    };
    const notifications = [];
    const send = async (protocol, target) => {
        const n = await notify({ protocol, target, info, github: opts.github, env: opts.env, log });
        notifications.push(n);
        const line = `${protocol} notified by ${n.channel} ${n.target}: ${n.accepted ? n.detail : `not accepted (${n.detail})`}`;
        if (n.accepted)
            log.info(line);
        else
            log.error(line, { title: 'Handoff' });
    };
    if (held) {
        log.info(`Handoff held: ${held}. Nothing is dispatched to Protocol 13 and no downstream protocol is notified; the package is kept${upload && !('error' in upload) ? ' and uploaded' : ''}.`);
    }
    else {
        // The seed's confirmation is asked only when its first sentence is true.
        if (manifestWritten)
            log.info(announce/* ANNOUNCE */.eV.handoff);
        else
            log.info('The monitoring package could not be compiled (the manifest was not written): there is nothing complete to deliver to Protocol 13.');
        const wanted = dispatchEnabled || !!config.notify['protocol-13'];
        let yes = wanted && manifestWritten;
        let how;
        if (opts.mode === 'assurance')
            how = 'assurance mode re-checks a release already handed off: no repository_dispatch';
        else if (!wanted)
            how = 'github.handoff.enabled is false and notify.protocol-13 is not configured';
        else if (!manifestWritten)
            how = 'the package manifest was not written';
        else if (config.flow['confirm-with'] === 'environment') {
            const by = (0,phase2_activation/* environmentApprovers */.K)(approval);
            yes = !!by;
            how = by
                ? `approved on this job's protected environment by ${by.join(', ')}`
                : "flow.confirm-with is environment and no reviewer of this job's protected environment approved it";
        }
        else
            how = dispatchEnabled ? 'github.handoff.enabled' : 'notify.protocol-13';
        log.info(`Answer: ${yes && opts.mode === 'post-deploy' ? 'yes' : 'no'} (${how})`);
        if (yes && opts.mode === 'post-deploy') {
            if (dispatchEnabled)
                await send('protocol-13', {
                    'event-type': config.github.handoff['event-type'],
                    auth: { type: 'none' },
                    headers: {},
                    'timeout-seconds': 10
                });
            if (config.notify['protocol-13'])
                await send('protocol-13', config.notify['protocol-13']);
        }
        else if (opts.mode === 'assurance' && config.notify['protocol-13']?.url)
            await send('protocol-13', config.notify['protocol-13']);
        // Protocols 5 and 14 read their files from the package; they are told when configured.
        for (const p of ['protocol-5', 'protocol-14']) {
            const target = config.notify[p];
            if (target)
                await send(p, target);
        }
    }
    const handedOff = notifications.some((n) => n.protocol === 'protocol-13' && n.accepted);
    const gate = (0,gates/* evaluateHandoffGate */.LI)({
        manifest: manifestWritten ? manifest : undefined,
        approval,
        handoff: {
            uploaded: !!upload && !('error' in upload),
            uploadError: upload && 'error' in upload
                ? upload.error
                : opts.packageArtifact
                    ? undefined
                    : 'no package destination (package-artifact is empty)',
            notifications,
            requires,
            held,
            pending: false
        },
        thresholds: config.gates
    });
    (0,announce/* announceGate */.VW)(log, gate);
    // The copy on disk is final; the uploaded copy was written before the upload could be judged.
    await run.writeJson(files/* FILES */.cn.gateResults, (0,gate_results/* gateResultsDoc */.W)([p1.gate, p2.gate, p3.gate, gate], now(), true));
    let issues;
    if (opts.fileIssues) {
        issues = await opts.github.syncBacklog(backlog, {
            labels: config.github.labels,
            kindLabelPrefix: config.github['kind-label-prefix'],
            priorityLabelPrefix: config.github['priority-label-prefix'],
            maxNew: config.github['max-new-issues'],
            packageUrl: upload && 'url' in upload ? upload.url : undefined
        });
        for (const e of issues.errors)
            log.warning(e);
    }
    return { manifest, manifestWritten, upload, notifications, handedOff, issues, gate };
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


/***/ })

};
