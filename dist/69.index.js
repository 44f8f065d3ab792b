export const id = 69;
export const ids = [69];
export const modules = {

/***/ 70980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G1: () => (/* binding */ ENV_NAME),
/* harmony export */   Pv: () => (/* binding */ looksLikeCredential),
/* harmony export */   Q3: () => (/* binding */ withoutUserinfo),
/* harmony export */   ad: () => (/* binding */ hiddenValue),
/* harmony export */   yx: () => (/* binding */ isSensitiveHeader)
/* harmony export */ });
/**
 * Credentials never live in the config: it names environment variables (`*-env` fields, `env:NAME`
 * header values). These tell a credential pasted in by mistake from a variable name, and say
 * what was found without showing any part of it.
 */
/** A POSIX-style environment variable name. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Prefixes of well-known tokens (GitHub, GitLab, Slack, OpenAI-style, AWS, JWT) and auth schemes. */
const TOKEN_PREFIX = /^(gh[pousr]_|github_pat_|glpat-|xox[abprse]-|sk-|AKIA[0-9A-Z]{12}|ASIA[0-9A-Z]{12}|eyJ[A-Za-z0-9_-]{8}|(bearer|basic|token|digest|apikey)\s)/i;
/** Does a value look like a secret rather than a name? Upper-case snake names (`PROM_TOKEN`) never do. */
function looksLikeCredential(value) {
    const v = value.trim();
    if (TOKEN_PREFIX.test(v))
        return true;
    if (/^[A-Z_][A-Z0-9_]*$/.test(v))
        return false;
    if (/\s/.test(v) || v.length < 20)
        return false;
    // A long run of mixed letters and digits with no separators is a key, not a name.
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(v)).length;
    return /^[A-Za-z0-9+/=_.~-]+$/.test(v) && classes >= 2 && /[0-9]/.test(v);
}
/** Header names whose value is a credential, so it must come from the environment. */
function isSensitiveHeader(name) {
    return (/^(authorization|proxy-authorization|cookie|set-cookie)$/i.test(name) ||
        /token|secret|passw|api-?key|auth|session|signature|credential|private/i.test(name));
}
/** What was found, without any of it. */
function hiddenValue(value) {
    return `a ${value.length}-character value that is not shown, as it may be a credential`;
}
/** A URL for a message, with any user name and password in it removed. */
function withoutUserinfo(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1');
}


/***/ }),

/***/ 11012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZA: () => (/* binding */ suggest),
/* harmony export */   _9: () => (/* binding */ plainIssue)
/* harmony export */ });
/* unused harmony exports editDistance, nearest, isSecretPath, foundValue */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70980);


/** Edit distance, for "did you mean". */
function editDistance(a, b) {
    const m = a.length;
    const n = b.length;
    let prev = Array.from({ length: n + 1 }, (_, j) => j);
    for (let i = 1; i <= m; i++) {
        const cur = [i];
        for (let j = 1; j <= n; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[n];
}
/** The valid choice nearest to a wrong one, when it is near enough to be what was meant. */
function nearest(wrong, choices) {
    const w = wrong.toLowerCase();
    let best;
    let bestDistance = Infinity;
    for (const c of choices) {
        const cl = c.toLowerCase();
        const d = cl === w ? 0 : w.length >= 3 && (cl.startsWith(w) || w.startsWith(cl)) ? 1 : editDistance(w, cl);
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    const allowed = Math.max(1, Math.min(3, Math.floor(wrong.length / 3)));
    return best !== undefined && bestDistance <= allowed ? best : undefined;
}
/** "did you mean `x`?" or the list of valid choices. */
function suggest(wrong, choices, what = 'choices') {
    if (choices.length === 0)
        return undefined;
    const near = nearest(wrong, choices);
    if (near)
        return `did you mean \`${near}\`?`;
    const shown = choices.slice(0, 12).map((c) => `\`${c}\``);
    return `the ${what} here are ${shown.join(', ')}${choices.length > 12 ? ', ...' : ''}`;
}
/** A part of the config that may hold a credential: its value is never shown. */
function isSecretPath(path) {
    return path.some((p) => {
        const k = String(p);
        return k === 'auth' || k === 'headers' || /-env$|token|secret|password|passwd|api-?key|routing-key|credential|cookie/i.test(k);
    });
}
/** A found value for a message, never showing anything that may be a credential. */
function foundValue(value, path) {
    if (typeof value === 'string') {
        if (isSecretPath(path) || (0,_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .looksLikeCredential */ .Pv)(value))
            return (0,_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .hiddenValue */ .ad)(value);
        return (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)((0,_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .withoutUserinfo */ .Q3)(value));
    }
    if (typeof value === 'number')
        return Number.isFinite(value) ? String(value) : (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(value);
    if (typeof value === 'boolean')
        return String(value);
    return (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(value);
}
/** What a zod type name means to a person writing YAML. */
function typeWords(expected) {
    const words = {
        string: 'a text value',
        number: 'a number',
        int: 'a whole number',
        boolean: 'true or false',
        array: 'a list',
        object: 'a mapping (key: value lines)',
        record: 'a mapping (key: value lines)',
        literal: 'a fixed value',
        null: 'nothing (null)'
    };
    return words[expected] ?? expected;
}
/** A zod message that a schema author wrote (not one of zod's own). */
function authored(message) {
    return /^(Invalid|Too (small|big)|Unrecognized key|Expected|Required)\b/.test(message) ? undefined : message;
}
function listOf(values) {
    const shown = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    if (shown.length <= 1)
        return shown.join('');
    return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}
function bound(issue, small) {
    const limit = String(small ? issue.minimum : issue.maximum);
    const origin = issue.origin ?? 'number';
    if (origin === 'string') {
        if (small && limit === '1')
            return { says: 'must not be empty', expected: 'a non-empty text' };
        return small
            ? { says: `must be at least ${limit} characters long`, expected: `text of at least ${limit} characters` }
            : { says: `must be at most ${limit} characters long`, expected: `text of at most ${limit} characters` };
    }
    if (origin === 'array' || origin === 'set') {
        return small
            ? { says: `must have at least ${limit} item(s)`, expected: `a list of at least ${limit}` }
            : { says: `must have at most ${limit} item(s)`, expected: `a list of at most ${limit}` };
    }
    const rule = small
        ? issue.inclusive
            ? `at least ${limit}`
            : `greater than ${limit}`
        : issue.inclusive
            ? `at most ${limit}`
            : `less than ${limit}`;
    return { says: `must be ${rule}`, expected: `a number ${rule}` };
}
/** One zod issue in plain words. `value` is the value at the issue's path. */
function plainIssue(issue, value) {
    const path = issue.path;
    const key = String(path.at(-1) ?? '');
    const found = foundValue(value, path);
    const own = authored(issue.message);
    switch (issue.code) {
        case 'invalid_type': {
            const expected = own ?? typeWords(issue.expected);
            if (value === undefined)
                return { expected, says: `is required: ${expected}`, found: 'nothing (missing)' };
            if (own === undefined && issue.expected === 'int' && typeof value === 'number')
                return { expected: 'a whole number', found };
            return { expected, found: describeType(value, found) };
        }
        case 'too_small':
            return { ...bound(issue, true), found };
        case 'too_big':
            return { ...bound(issue, false), found };
        case 'invalid_value': {
            const values = issue.values;
            if (key === 'version' && path.length === 1) {
                return {
                    expected: `a config version this action reads (${listOf(values)})`,
                    says: value === undefined ? 'is required: the config file starts with `version: 1`' : `must be a config version this action reads`,
                    found: value === undefined ? 'nothing (missing)' : `version ${found}`,
                    suggestion: `the versions that exist are: ${listOf(values)} (write \`version: ${String(values[0])}\`)`
                };
            }
            const choices = values.map(String);
            const expected = `one of ${listOf(values)}`;
            return {
                expected,
                says: value === undefined ? `is required: ${expected}` : `must be ${expected}`,
                found,
                ...(typeof value === 'string' && nearest(value, choices) ? { suggestion: `did you mean \`${nearest(value, choices)}\`?` } : {})
            };
        }
        case 'invalid_union': {
            const disc = issue.discriminator;
            const options = (issue.options ?? []).map(String);
            if (disc !== undefined && options.length) {
                const expected = `${disc} set to one of ${listOf(options)}`;
                if (value === undefined)
                    return { expected, says: `is required: one of ${listOf(options)}`, found: 'nothing (missing)' };
                const near = typeof value === 'string' ? nearest(value, options) : undefined;
                return { expected, says: `must be one of ${listOf(options)}`, found, ...(near ? { suggestion: `did you mean \`${near}\`?` } : {}) };
            }
            if (own)
                return { expected: own, found };
            // Each alternative said what it wanted; name them all.
            const wants = issue.errors.map((alt) => alt[0] ? (authored(alt[0].message) ?? typeWords(alt[0].expected ?? 'a value')) : 'a value');
            return { expected: [...new Set(wants)].join(', or '), found };
        }
        case 'invalid_format':
            return { expected: own ?? `text in the ${issue.format} format`, found };
        case 'not_multiple_of':
            return { expected: `a multiple of ${String(issue.divisor)}`, says: `must be a multiple of ${String(issue.divisor)}`, found };
        case 'custom': {
            const params = issue.params;
            if (params?.duration && /^must /.test(issue.message))
                return { expected: 'a duration greater than 0', says: issue.message, found };
            return { expected: issue.message, found };
        }
        default:
            return { expected: own ?? 'a valid value', found };
    }
}
function describeType(value, found) {
    if (Array.isArray(value))
        return `a list of ${value.length}`;
    if (value !== null && typeof value === 'object')
        return found.replace(/^an object/, 'a mapping');
    if (typeof value === 'number')
        return `the number ${found}`;
    if (typeof value === 'boolean')
        return `the boolean ${found}`;
    return found;
}


/***/ }),

/***/ 49069:
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

// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/settings/defaults.ts
var defaults = __webpack_require__(9563);
;// CONCATENATED MODULE: ./src/settings/inputs.ts



const MODES = ['post-deploy', 'assurance'];
const FAIL_ON = ['gate', 'never'];
/** A refused input: the field, what it must be, what was given, and the nearest valid choice. */
function refused(input, expected, found, choices) {
    const suggestion = choices ? (0,issues/* suggest */.ZA)(found, choices) : undefined;
    return new errors/* InputError */.dz({
        file: 'action inputs',
        field: input,
        expected,
        found: JSON.stringify(found),
        ...(suggestion ? { suggestion } : {})
    });
}
/** A blank input is not given. */
const optional = (v) => (v.trim() === '' ? undefined : v.trim());
function required(input, v) {
    if (v === '')
        throw refused(input, 'a value', v);
    return v;
}
function choice(input, v, choices) {
    if (choices.includes(v))
        return v;
    throw refused(input, `one of ${choices.join(', ')}`, v, choices);
}
function bool(input, v) {
    if (/^(true|yes)$/i.test(v))
        return true;
    if (/^(false|no)$/i.test(v))
        return false;
    throw refused(input, 'true or false', v, ['true', 'false']);
}
function matching(input, v, ok, expected) {
    const value = optional(v);
    if (value !== undefined && !ok(value))
        throw refused(input, expected, v);
    return value;
}
/** Read every input through `getInput` (which returns '' for an unset input). */
function getSettings(getInput) {
    const read = (name) => {
        const v = getInput(name);
        return v === '' ? (0,defaults/* inputDefault */.q)(name) : v;
    };
    const retention = (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 90;
    return {
        evidencePath: required('evidence-path', read('evidence-path')),
        evidenceArtifact: optional(read('evidence-artifact')),
        evidenceRunId: matching('evidence-run-id', read('evidence-run-id'), (v) => /^\d+$/.test(v), 'a workflow run id (digits)'),
        config: required('config', read('config')),
        outputDir: required('output-dir', read('output-dir')),
        mode: choice('mode', read('mode'), MODES),
        // An explicitly empty package-artifact means "don't upload": only the action.yml default fills it.
        packageArtifact: optional(getInput('package-artifact')),
        retentionDays: matching('retention-days', read('retention-days'), retention, 'a number of days from 1 to 90'),
        githubToken: optional(read('github-token')),
        backlogIssues: bool('backlog-issues', read('backlog-issues')),
        alertTests: bool('alert-tests', read('alert-tests')),
        failOn: choice('fail-on', read('fail-on'), FAIL_ON),
        approvedBy: optional(read('approved-by')),
        onCallOwner: optional(read('on-call-owner'))
    };
}

;// CONCATENATED MODULE: ./src/main.ts




/** The action: parse inputs once, run, and turn a failed gate or an error into setFailed. */
async function main_run() {
    const core = guardCore(workflowCore);
    try {
        const settings = getSettings((name) => core.getInput(name));
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
