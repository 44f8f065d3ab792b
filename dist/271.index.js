export const id = 271;
export const ids = [271];
export const modules = {

/***/ 59271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
;// CONCATENATED MODULE: ./src/action/guarded-core.ts


/**
 * The runner's side (workflow.ts, or @actions/core) with the run's redactor in front of every exit it offers: outputs, the job
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
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/protocol/local-port.ts
var local_port = __webpack_require__(47883);
// EXTERNAL MODULE: ./src/protocol/run.ts + 3 modules
var run = __webpack_require__(88706);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/report/charts.ts
var report_charts = __webpack_require__(43337);
// EXTERNAL MODULE: ./src/util/escape.ts
var util_escape = __webpack_require__(55421);
// EXTERNAL MODULE: ./src/report/findings.ts
var findings = __webpack_require__(19334);
// EXTERNAL MODULE: ./src/report/summary.ts + 1 modules
var report_summary = __webpack_require__(18280);
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
        [links.runUrl ? (0,util_escape/* mdLink */.YF)('Job summary', links.runUrl) : '', links.packageUrl ? (0,util_escape/* mdLink */.YF)('Evidence package', links.packageUrl) : '']
            .filter(Boolean)
            .join(' · ')
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/util/loggers.ts


/** The runner shows at most 10 error and 10 warning annotations per step; keep room for setFailed. */
const MAX_ANNOTATIONS = 9;
/**
 * Logger on the runner's workflow commands (src/action/workflow.ts, or @actions/core): the first annotations are kept as annotations, the rest as log lines.
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
            const { createGitHubPort } = await Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(344)]).then(__webpack_require__.bind(__webpack_require__, 2344));
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
    // Nothing is lost: a crash still leaves the gates, the summary and the outputs.
    const result = await (0,run/* runProtocolGuarded */.kY)({
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
        runId: (0,context/* runLabel */.Az)(env),
        generator: version/* GENERATOR */._,
        github,
        evidenceError
    });
    const upload = result.upload && 'id' in result.upload ? result.upload : undefined;
    const links = {
        runUrl: github.runUrl(),
        packageUrl: upload?.url,
        packageName: settings.packageArtifact,
        repoUrl: (0,context/* repositoryUrl */.Ek)((0,context/* readWorkflowRun */.hO)(env)),
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/action/workflow.ts




/** A value as a command carries it: strings as they are, anything else as JSON, nothing as ''. */
function toCommandValue(input) {
    if (input === null || input === undefined)
        return '';
    if (typeof input === 'string' || input instanceof String)
        return String(input);
    return JSON.stringify(input);
}
/** The escaping of a command's message (the runner decodes it back). */
function escapeData(s) {
    return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** The escaping of a command's property value: also `:` and `,`, which separate properties. */
function escapeProperty(s) {
    return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** `::name key=value,...::message`, as the runner reads workflow commands. */
function commandLine(command, properties, message) {
    let line = `::${command}`;
    const props = Object.entries(properties)
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}=${escapeProperty(v)}`);
    if (Object.keys(properties).length > 0)
        line += ` ${props.join(',')}`;
    return `${line}::${escapeData(message)}`;
}
function issueCommand(command, properties, message) {
    process.stdout.write(commandLine(command, properties, message) + external_node_os_.EOL);
}
function annotationProperties(p) {
    if (!Object.keys(p).length)
        return {};
    return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn };
}
const messageOf = (m) => (m instanceof Error ? m.toString() : m);
/** One output as a $GITHUB_OUTPUT entry: `name<<delimiter`, the value, the delimiter. */
function keyValueMessage(key, value, delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`) {
    const converted = toCommandValue(value);
    if (key.includes(delimiter))
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (converted.includes(delimiter))
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    return `${key}<<${delimiter}${external_node_os_.EOL}${converted}${external_node_os_.EOL}${delimiter}`;
}
class Summary {
    buffer = '';
    filePath;
    addRaw(text, addEOL = false) {
        this.buffer += text;
        if (addEOL)
            this.buffer += external_node_os_.EOL;
        return this;
    }
    stringify() {
        return this.buffer;
    }
    emptyBuffer() {
        this.buffer = '';
        return this;
    }
    async write(options) {
        const file = await this.file();
        await (options?.overwrite ? promises_.writeFile : promises_.appendFile)(file, this.buffer, { encoding: 'utf8' });
        return this.emptyBuffer();
    }
    async file() {
        if (this.filePath)
            return this.filePath;
        const fromEnv = process.env.GITHUB_STEP_SUMMARY;
        if (!fromEnv)
            throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
        try {
            await (0,promises_.access)(fromEnv, external_node_fs_.constants.R_OK | external_node_fs_.constants.W_OK);
        }
        catch {
            throw new Error(`Unable to access summary file: '${fromEnv}'. Check if the file has correct read/write permissions.`);
        }
        this.filePath = fromEnv;
        return fromEnv;
    }
}
/** The runner's side, read from and written to this process's environment and stdout. */
const workflowCore = {
    getInput: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim(),
    setOutput(name, value) {
        const file = process.env.GITHUB_OUTPUT || '';
        if (file) {
            if (!(0,external_node_fs_.existsSync)(file))
                throw new Error(`Missing file at path: ${file}`);
            (0,external_node_fs_.appendFileSync)(file, `${keyValueMessage(name, value)}${external_node_os_.EOL}`, { encoding: 'utf8' });
            return;
        }
        process.stdout.write(external_node_os_.EOL);
        issueCommand('set-output', { name }, toCommandValue(value));
    },
    setFailed(message) {
        process.exitCode = 1;
        workflowCore.error(message);
    },
    setSecret: (secret) => issueCommand('add-mask', {}, secret),
    info: (message) => void process.stdout.write(message + external_node_os_.EOL),
    debug: (message) => issueCommand('debug', {}, message),
    notice: (message, properties = {}) => issueCommand('notice', annotationProperties(properties), messageOf(message)),
    warning: (message, properties = {}) => issueCommand('warning', annotationProperties(properties), messageOf(message)),
    error: (message, properties = {}) => issueCommand('error', annotationProperties(properties), messageOf(message)),
    summary: new Summary()
};

// EXTERNAL MODULE: ./src/settings/inputs.ts
var inputs = __webpack_require__(97428);
;// CONCATENATED MODULE: ./src/main.ts




/** The action: parse inputs once, run, and turn a failed gate or an error into setFailed. */
async function main_run() {
    const core = guardCore(workflowCore);
    try {
        const settings = (0,inputs/* getSettings */.mt)((name) => core.getInput(name));
        const result = await runAction(settings, workflowCore);
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
