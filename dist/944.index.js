export const id = 944;
export const ids = [944];
export const modules = {

/***/ 944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var lib_core = __webpack_require__(91659);
// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
;// CONCATENATED MODULE: ./src/action/guarded-core.ts


/**
 * @actions/core with the run's redactor in front of every exit it offers: outputs, the job
 * summary, annotations, log lines and the failure message. The action uses only this object, so
 * no new output or summary line can skip the redaction.
 */
function guardCore(core) {
    const summary = core.summary;
    const guardedSummary = new Proxy(summary, {
        get(target, prop, receiver) {
            if (prop === 'write') {
                return async (options) => {
                    const text = (0,redact/* redact */.E$)(target.stringify());
                    target.emptyBuffer();
                    target.addRaw(text);
                    await target.write(options);
                    return guardedSummary;
                };
            }
            const value = Reflect.get(target, prop, receiver);
            if (typeof value !== 'function')
                return value;
            return (...args) => {
                const out = value.apply(target, args);
                return out === target ? guardedSummary : out;
            };
        }
    });
    const message = (m) => (0,log/* safeLine */.o)(m instanceof Error ? m.message : String(m));
    return {
        ...core,
        summary: guardedSummary,
        setOutput: (name, value) => core.setOutput(name, (0,redact/* redact */.E$)(typeof value === 'string' ? value : JSON.stringify(value))),
        setFailed: (m) => core.setFailed(message(m)),
        info: (m) => core.info((0,log/* safeLine */.o)(m)),
        debug: (m) => core.debug((0,log/* safeLine */.o)(m)),
        notice: (m, p) => core.notice(message(m), p),
        warning: (m, p) => core.warning(message(m), p),
        error: (m, p) => core.error(message(m), p)
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/protocol/local-port.ts
var local_port = __webpack_require__(47883);
// EXTERNAL MODULE: ./src/protocol/run.ts + 38 modules
var run = __webpack_require__(13178);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/report/charts.ts
var report_charts = __webpack_require__(43337);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/findings.ts
var findings = __webpack_require__(19334);
// EXTERNAL MODULE: ./src/report/summary.ts
var report_summary = __webpack_require__(57994);
;// CONCATENATED MODULE: ./src/report/pr-comment.ts




/** Failed checks a pull request comment lists; the job summary has them all. */
const COMMENT_FAILED_SHOWN = 10;
/**
 * The pull request comment: the verdict, the most important failed checks with what to do, the
 * gates with their first reason, and the SLO, coverage and baseline charts (each with its table).
 */
function renderPullRequestComment(result, links = {}) {
    const failed = (0,findings/* failedChecks */.HH)(result, links);
    const slos = result.slos ?? [];
    const coverage = (0,report_charts/* coverageFigure */.Vd)(result.audit);
    const comparisons = result.baseline?.previous?.comparisons ?? [];
    const charts = [
        slos.length ? `#### SLOs\n\n${(0,report_charts/* figureMarkdown */.__)((0,report_charts/* sloAttainmentFigure */.u5)(slos))}\n\n${(0,report_charts/* figureMarkdown */.__)((0,report_charts/* errorBudgetFigure */.eG)(slos))}` : '',
        coverage.table ? `#### Coverage per signal\n\n${(0,report_charts/* figureMarkdown */.__)(coverage)}` : '',
        comparisons.length ? `#### Against the previous release\n\n${(0,report_charts/* figureMarkdown */.__)((0,report_charts/* baselineFigure */.wo)(comparisons))}` : ''
    ].filter(Boolean);
    return [
        `### Protocol 12 monitoring: ${result.status === 'pass' ? '✅ in place' : '❌ not in place'}`,
        '',
        ...(failed.length
            ? [
                '**What failed and what to do**',
                '',
                ...failed.slice(0, COMMENT_FAILED_SHOWN).map((c, i) => `${i + 1}. ❌ ${(0,report_summary/* failedLine */.E2)(c)}`),
                failed.length > COMMENT_FAILED_SHOWN ? `\n_${failed.length - COMMENT_FAILED_SHOWN} more in the job summary._` : '',
                ''
            ]
            : []),
        (0,report_summary/* gateTable */.k0)(result),
        ...(charts.length
            ? [
                `<details><summary>Charts: SLOs, coverage${comparisons.length ? ', baseline' : ''}</summary>\n\n${charts.join('\n\n')}\n\n</details>`,
                ''
            ]
            : []),
        [links.runUrl ? (0,report_escape/* mdLink */.YF)('Job summary', links.runUrl) : '', links.packageUrl ? (0,report_escape/* mdLink */.YF)('Evidence package', links.packageUrl) : '']
            .filter(Boolean)
            .join(' · ')
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/util/loggers.ts


/** The runner shows at most 10 error and 10 warning annotations per step; keep room for setFailed. */
const MAX_ANNOTATIONS = 9;
/**
 * Logger on @actions/core: the first annotations are kept as annotations, the rest as log lines.
 * Secrets go to the runner's masking and to the run's redactor; every line is redacted and
 * neutralised here, also the ones core would escape, so annotations and titles are covered too.
 */
class ActionsLogger {
    core;
    errors = 0;
    warnings = 0;
    constructor(core) {
        this.core = core;
        // Every secret the run learns, wherever it is learnt, is masked by the runner too.
        listenOnce(core);
    }
    info(message) {
        this.core.info((0,log/* safeLine */.o)(message));
    }
    debug(message) {
        this.core.debug((0,log/* safeLine */.o)(message));
    }
    warning(message, annotation) {
        if (++this.warnings <= MAX_ANNOTATIONS)
            this.core.warning((0,log/* safeLine */.o)(message), safeAnnotation(annotation));
        else
            this.core.info((0,log/* safeLine */.o)(`Warning: ${message}`));
    }
    error(message, annotation) {
        if (++this.errors <= MAX_ANNOTATIONS)
            this.core.error((0,log/* safeLine */.o)(message), safeAnnotation(annotation));
        else
            this.core.info((0,log/* safeLine */.o)(`Error: ${message}`));
    }
    setSecret(secret) {
        if (secret)
            redact/* secrets */.O3.add(secret);
    }
}
const listening = new WeakSet();
function listenOnce(core) {
    if (listening.has(core))
        return;
    listening.add(core);
    // The runner masks line by line: each line of a multi-line secret is registered on its own.
    redact/* secrets */.O3.listen((s) => {
        for (const part of s.split(/\r?\n/))
            if (part.trim())
                core.setSecret(part);
    });
}
function safeAnnotation(a) {
    if (!a)
        return undefined;
    return {
        ...(a.file !== undefined ? { file: (0,log/* safeLine */.o)(a.file) } : {}),
        ...(a.title !== undefined ? { title: (0,log/* safeLine */.o)(a.title) } : {})
    };
}
/** Logger for the command line: lines to stderr, redacted and neutralised like the Actions log. */
class TerminalLogger {
    write;
    verbose;
    constructor(write = (l) => process.stderr.write(l + '\n'), verbose = false) {
        this.write = write;
        this.verbose = verbose;
    }
    info(message) {
        this.write(safeLine(message));
    }
    debug(message) {
        if (this.verbose)
            this.write(safeLine(`debug: ${message}`));
    }
    warning(message) {
        this.write(safeLine(`warning: ${message}`));
    }
    error(message) {
        this.write(safeLine(`error: ${message}`));
    }
    setSecret(secret) {
        if (secret)
            secrets.add(secret);
    }
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/action/run-action.ts










/**
 * The action's job: evidence in, protocol run, then summary, outputs and the pull request
 * comment, all before the caller decides whether to fail the step.
 */
async function runAction(settings, rawCore, env = process.env) {
    // Every output, summary line and log line passes the run's redactor.
    const core = guardCore(rawCore);
    const log = new ActionsLogger(core);
    // Secrets first: nothing untrusted is logged before the runner knows what to mask.
    if (settings.githubToken)
        log.setSecret(settings.githubToken);
    await (0,redact/* registerConfigFileSecrets */.R2)((0,external_node_path_.resolve)(env.GITHUB_WORKSPACE ?? process.cwd(), settings.config), env, (s) => log.setSecret(s));
    const workspace = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE ?? process.cwd());
    const now = () => new Date();
    const outputDir = (0,external_node_path_.resolve)(workspace, settings.outputDir);
    let github;
    if (settings.githubToken && env.GITHUB_REPOSITORY) {
        // Octokit and the artifact client load only when a token is there to use them.
        try {
            const { createGitHubPort } = await Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(217)]).then(__webpack_require__.bind(__webpack_require__, 61217));
            github = await createGitHubPort({ settings, env, log, workspace });
        }
        catch (err) {
            log.error(`GitHub client not available (${(0,errors/* errorText */.kc)(err)}): nothing is uploaded or filed; issues are written to a file.`);
            github = new local_port/* LocalGitHubPort */.O(outputDir, now, log);
        }
    }
    else {
        log.warning('No github-token or GITHUB_REPOSITORY: nothing is uploaded or filed; issues are written to a file.');
        github = new local_port/* LocalGitHubPort */.O(outputDir, now, log);
    }
    let evidenceError;
    if (settings.evidenceArtifact) {
        const got = await github.downloadEvidence(settings.evidenceArtifact, (0,external_node_path_.resolve)(workspace, settings.evidencePath), settings.evidenceRunId);
        if ('error' in got)
            evidenceError = `Evidence artifact ${settings.evidenceArtifact}: ${got.error}`;
        else
            log.info(`Evidence artifact ${settings.evidenceArtifact} downloaded into ${settings.evidencePath}`);
    }
    let result;
    try {
        result = await (0,run/* runProtocol */.G1)({
            evidenceDir: settings.evidencePath,
            configPath: settings.config,
            outputDir,
            workspace,
            mode: settings.mode,
            alertTestsApproved: settings.alertTests,
            approvedBy: settings.approvedBy,
            onCallOwner: settings.onCallOwner,
            packageArtifact: settings.packageArtifact,
            fileIssues: settings.backlogIssues,
            env,
            log,
            now,
            runId: env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}` : `local-${Date.now()}`,
            generator: version/* GENERATOR */._,
            github,
            evidenceError
        });
    }
    catch (err) {
        // Nothing is lost: a crash still leaves the gates, the summary and the outputs.
        const reason = `the run crashed: ${(0,errors/* errorText */.kc)(err)}`;
        log.error(reason);
        result = (0,run/* crashedRun */.WB)(reason, outputDir);
    }
    const upload = result.upload && 'id' in result.upload ? result.upload : undefined;
    const links = {
        runUrl: github.runUrl(),
        packageUrl: upload?.url,
        packageName: settings.packageArtifact,
        repoUrl: env.GITHUB_REPOSITORY
            ? `${(env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}`
            : undefined,
        ref: env.GITHUB_SHA
    };
    let summary;
    try {
        summary = (0,report_summary/* renderSummary */.Br)(result, links);
    }
    catch (err) {
        log.error(`Job summary could not be rendered: ${(0,errors/* errorText */.kc)(err)}`);
        summary = `## Protocol 12 monitoring: ${result.status}\n\n${result.gates.map((g) => `- gate ${g.id} (${g.name}): ${g.status}`).join('\n')}\n`;
    }
    if (env.GITHUB_STEP_SUMMARY) {
        try {
            await core.summary.addRaw(summary).write({ overwrite: false });
        }
        catch (err) {
            log.warning(`Job summary not written: ${err.message}`);
        }
    }
    core.setOutput('status', result.status);
    core.setOutput('gates', JSON.stringify(result.gates.map((g) => ({ id: g.id, name: g.name, status: g.status, reasons: [...g.reasons, ...g.errors] }))));
    core.setOutput('package-dir', result.packageDir);
    core.setOutput('package-artifact-id', upload ? String(upload.id) : '');
    core.setOutput('package-artifact-url', upload?.url ?? '');
    core.setOutput('issues', JSON.stringify({
        opened: result.issues?.opened ?? [],
        updated: result.issues?.updated ?? [],
        closed: result.issues?.closed ?? [],
        reopened: result.issues?.reopened ?? []
    }));
    if (result.config?.github['pr-comment'] ?? true)
        await github.commentOnPullRequest(renderPullRequestComment(result, links));
    return result;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(88532);
;// CONCATENATED MODULE: ./src/settings/inputs.ts


/**
 * All action inputs, parsed once into one settings object (as actions/checkout's input-helper
 * does). Nothing else reads inputs.
 */
const bool = (name) => schemas/* string */.YjP().transform((v, ctx) => {
    if (/^(true|yes)$/i.test(v))
        return true;
    if (/^(false|no)$/i.test(v))
        return false;
    ctx.addIssue({ code: 'custom', message: `input ${name} must be true or false` });
    return core/* NEVER */.tm;
});
const optional = schemas/* string */.YjP().transform((v) => (v.trim() === '' ? undefined : v.trim()));
const settingsSchema = schemas/* object */.Ikc({
    evidencePath: schemas/* string */.YjP().min(1),
    evidenceArtifact: optional,
    evidenceRunId: optional.refine((v) => v === undefined || /^\d+$/.test(v), 'a workflow run id (digits)'),
    config: schemas/* string */.YjP().min(1),
    outputDir: schemas/* string */.YjP().min(1),
    mode: schemas/* enum */.k5n(['post-deploy', 'assurance']),
    packageArtifact: optional,
    retentionDays: optional.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 90), 'a number of days from 1 to 90'),
    githubToken: optional,
    backlogIssues: bool('backlog-issues'),
    alertTests: bool('alert-tests'),
    failOn: schemas/* enum */.k5n(['gate', 'never']),
    approvedBy: optional,
    onCallOwner: optional
});
const INPUT_DEFAULTS = {
    'evidence-path': '.artifacts/deployment',
    config: '.github/sre-monitoring.yml',
    'output-dir': '.artifacts/monitoring',
    mode: 'post-deploy',
    'package-artifact': 'monitoring-package',
    'backlog-issues': 'true',
    'alert-tests': 'true',
    'fail-on': 'gate'
};
/** Read every input through `getInput` (which returns '' for an unset input). */
function getSettings(getInput) {
    const read = (name) => {
        const v = getInput(name);
        return v === '' ? (INPUT_DEFAULTS[name] ?? '') : v;
    };
    const raw = {
        evidencePath: read('evidence-path'),
        evidenceArtifact: read('evidence-artifact'),
        evidenceRunId: read('evidence-run-id'),
        config: read('config'),
        outputDir: read('output-dir'),
        mode: read('mode'),
        // An explicitly empty package-artifact means "don't upload": only the action.yml default fills it.
        packageArtifact: getInput('package-artifact'),
        retentionDays: read('retention-days'),
        githubToken: read('github-token'),
        backlogIssues: read('backlog-issues'),
        alertTests: read('alert-tests'),
        failOn: read('fail-on'),
        approvedBy: read('approved-by'),
        onCallOwner: read('on-call-owner')
    };
    const result = settingsSchema.safeParse(raw);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const key = String(issue.path[0] ?? '');
    const input = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new errors/* InputError */.dz({
        file: 'action inputs',
        field: input,
        expected: issue.message,
        found: JSON.stringify(raw[key] ?? '')
    });
}

;// CONCATENATED MODULE: ./src/main.ts




/** The action: parse inputs once, run, and turn a failed gate or an error into setFailed. */
async function main_run() {
    const core = guardCore(lib_core);
    try {
        const settings = getSettings((name) => core.getInput(name));
        const result = await runAction(settings, lib_core);
        const failed = result.gates.filter((g) => g.status === 'fail').map((g) => `gate ${g.id} (${g.name})`);
        if (result.status === 'fail' && settings.failOn === 'gate')
            core.setFailed(`Protocol 12 quality gates failed: ${failed.join(', ')}`);
        else if (result.status === 'fail')
            core.warning(`Advisory run (fail-on: never): ${failed.join(', ')} failed`);
    }
    catch (err) {
        core.setFailed(err instanceof Error ? err.message : String(err));
    }
}


/***/ })

};
