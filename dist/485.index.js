export const id = 485;
export const ids = [485];
export const modules = {

/***/ 61485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/protocol/local-port.ts
var local_port = __webpack_require__(47883);
// EXTERNAL MODULE: ./src/protocol/run.ts + 19 modules
var run = __webpack_require__(4323);
// EXTERNAL MODULE: ./src/report/summary.ts
var report_summary = __webpack_require__(57994);
// EXTERNAL MODULE: ./src/util/loggers.ts
var loggers = __webpack_require__(89777);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/action/run-action.ts






/**
 * The action's job: evidence in, protocol run, then summary, outputs and the pull request
 * comment, all before the caller decides whether to fail the step.
 */
async function runAction(settings, core, env = process.env) {
    const log = new loggers/* ActionsLogger */.G(core);
    if (settings.githubToken)
        log.setSecret(settings.githubToken);
    const workspace = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE ?? process.cwd());
    const now = () => new Date();
    const outputDir = (0,external_node_path_.resolve)(workspace, settings.outputDir);
    let github;
    if (settings.githubToken && env.GITHUB_REPOSITORY) {
        // Octokit and the artifact client load only when a token is there to use them.
        const { createGitHubPort } = await Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(678)]).then(__webpack_require__.bind(__webpack_require__, 39297));
        github = await createGitHubPort({ settings, env, log, workspace });
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
    const result = await (0,run/* runProtocol */.G)({
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
    const upload = result.upload && 'id' in result.upload ? result.upload : undefined;
    const summary = (0,report_summary/* renderSummary */.Br)(result, { runUrl: github.runUrl(), packageUrl: upload?.url, packageName: settings.packageArtifact });
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
        await github.commentOnPullRequest(renderPullRequestComment(result, github.runUrl(), upload?.url));
    return result;
}
function renderPullRequestComment(result, runUrl, packageUrl) {
    const rows = result.gates.map((g) => `| ${g.id}. ${g.name} | ${g.status === 'pass' ? '✅ PASS' : '❌ FAIL'} | ${g.reasons.length + g.errors.length} |`);
    return [
        `### Protocol 12 monitoring: ${result.status === 'pass' ? '✅ in place' : '❌ not in place'}`,
        '',
        '| Gate | Status | Reasons |',
        '| --- | --- | --- |',
        ...rows,
        '',
        [runUrl ? `[Job summary](${runUrl})` : '', packageUrl ? `[Evidence package](${packageUrl})` : ''].filter(Boolean).join(' · ')
    ].join('\n');
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core_core = __webpack_require__(88532);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
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
    return core_core/* NEVER */.tm;
});
const optional = schemas/* string */.YjP()
    .transform((v) => (v.trim() === '' ? undefined : v.trim()));
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
    try {
        const settings = getSettings((name) => core.getInput(name));
        const result = await runAction(settings, core);
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
