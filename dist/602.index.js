export const id = 602;
export const ids = [602];
export const modules = {

/***/ 15602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: CLI_OPTIONS

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/protocol/local-port.ts
var local_port = __webpack_require__(47883);
// EXTERNAL MODULE: ./src/settings/defaults.ts
var defaults = __webpack_require__(9563);
// EXTERNAL MODULE: ./src/settings/inputs.ts
var inputs = __webpack_require__(97428);
// EXTERNAL MODULE: ./src/protocol/run.ts + 3 modules
var run = __webpack_require__(88706);
// EXTERNAL MODULE: ./src/report/summary.ts + 1 modules
var summary = __webpack_require__(18280);
// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(29906);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/report/findings.ts
var findings = __webpack_require__(19334);
;// CONCATENATED MODULE: ./src/cli/output.ts



function fmtDuration(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    return s >= 60 ? `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}
/**
 * The command line's log: lines on stderr, coloured by kind when colour is wanted, each error said
 * once (a backend cause repeated by many checks is printed the first time and counted after), and
 * on a terminal a status line that ticks during silences: what is being waited for, how long it
 * has taken, and how long it may still take.
 */
class CliLogger {
    out;
    style;
    verbose;
    clock;
    progressLabel;
    progressUntil;
    lastLineAt;
    statusShown = false;
    timer;
    printed = new Set();
    repeated = new Map();
    constructor(out, style, verbose = false, clock = Date.now, tickMs = 1000) {
        this.out = out;
        this.style = style;
        this.verbose = verbose;
        this.clock = clock;
        this.lastLineAt = clock();
        if (out.isTTY) {
            this.timer = setInterval(() => this.tick(), tickMs);
            this.timer.unref();
        }
    }
    info(message) {
        const text = (0,util_log/* safeLine */.o)(message);
        const s = this.style;
        this.line(/^\[(PHASE \d+ START|VALIDATION REQUEST|HANDOFF CONFIRMATION)\]/.test(text)
            ? s.bold(text)
            : /COMPLETE\]/.test(text)
                ? s.green(text)
                : /: FAIL$/.test(text)
                    ? s.red(text)
                    : text);
    }
    debug(message) {
        if (this.verbose)
            this.line(this.style.dim(`debug: ${(0,util_log/* safeLine */.o)(message)}`));
    }
    warning(message) {
        this.report('warning', message);
    }
    error(message) {
        this.report('error', message);
    }
    setSecret(secret) {
        if (secret)
            redact/* secrets */.O3.add(secret);
    }
    /** What the run is waiting for, until when; undefined ends the wait. */
    progress(label, untilMs) {
        this.progressLabel = label;
        this.progressUntil = untilMs;
        if (label && !this.out.isTTY)
            this.line(this.style.dim(`${label}${untilMs ? ` (at most ${fmtDuration(untilMs - this.clock())})` : ''}...`));
    }
    /** The end of the run: stop ticking; say how many repeated lines were left out. */
    close() {
        if (this.timer)
            clearInterval(this.timer);
        this.clearStatus();
        for (const [cause, n] of this.repeated) {
            if (n > 0)
                this.out.write(this.style.dim(`(${n} more line(s) with the same cause, ${cause}, left out; the summary below says it once)`) + '\n');
        }
    }
    report(level, message) {
        const text = (0,util_log/* safeLine */.o)(message);
        if (this.printed.has(text))
            return;
        this.printed.add(text);
        const cause = (0,findings/* backendCause */.Cr)(text);
        if (cause) {
            const seen = this.repeated.get(cause);
            if (seen !== undefined) {
                this.repeated.set(cause, seen + 1);
                return;
            }
            this.repeated.set(cause, 0);
        }
        this.line(level === 'error' ? this.style.red(`error: ${text}`) : this.style.yellow(`warning: ${text}`));
    }
    line(text) {
        this.clearStatus();
        this.out.write(text + '\n');
        this.lastLineAt = this.clock();
    }
    clearStatus() {
        if (this.statusShown) {
            this.out.write('\r\u001b[2K');
            this.statusShown = false;
        }
    }
    /** On a terminal, after a second of silence: what is awaited, for how long, how long at most. */
    tick() {
        const now = this.clock();
        if (this.progressUntil !== undefined && now > this.progressUntil)
            this.progress(undefined);
        const silent = now - this.lastLineAt;
        if (silent < 1000)
            return;
        const text = this.progressLabel
            ? `… ${this.progressLabel}: ${fmtDuration(silent)}${this.progressUntil ? `, at most ${fmtDuration(this.progressUntil - now)} left` : ''}`
            : `… working: ${fmtDuration(silent)} since the last line`;
        this.out.write(`\r\u001b[2K${this.style.dim(text)}`);
        this.statusShown = true;
    }
}

;// CONCATENATED MODULE: ./src/cli/style.ts
/**
 * Colour on a terminal, following the conventions: NO_COLOR (any value) turns it off,
 * FORCE_COLOR turns it on (FORCE_COLOR=0 or false off), otherwise only a TTY that is not dumb.
 */
function colourWanted(env, isTTY) {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    const force = env.FORCE_COLOR;
    if (force !== undefined)
        return !/^(0|false)$/i.test(force);
    return isTTY && env.TERM !== 'dumb';
}
const sgr = (open, close) => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const COLOURS = { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), bold: sgr(1, 22), dim: sgr(2, 22) };
const PLAIN = { red: (s) => s, green: (s) => s, yellow: (s) => s, bold: (s) => s, dim: (s) => s };
const styleFor = (env, isTTY) => (colourWanted(env, isTTY) ? COLOURS : PLAIN);

;// CONCATENATED MODULE: ./src/cli/suggest.ts
/** Edit distance (insertions, deletions, substitutions, adjacent swaps). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}
/** The closest choice, when it is close enough to be what was meant. */
function nearest(word, choices) {
    const w = word.toLowerCase();
    let best;
    for (const c of choices) {
        const distance = c.startsWith(w) && w.length >= 3 ? 0.5 : editDistance(w, c.toLowerCase());
        if (!best || distance < best.distance)
            best = { choice: c, distance };
    }
    return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.choice : undefined;
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * Command-line entry: runs the same protocol core outside GitHub Actions. Without a GitHub token
 * nothing is uploaded or filed; the issues that would be filed are written to a file.
 */















const USAGE = `Usage: sre-monitoring [options]

Runs Protocol 12 (post-deployment monitoring) on a deploy's evidence and writes the package.

  --evidence DIR        Protocol 11 evidence folder (default ${defaults/* INPUT_DEFAULTS */.W['evidence-path']})
  --config FILE         config file (default ${defaults/* INPUT_DEFAULTS */.W.config})
  --output DIR          package folder (default ${defaults/* INPUT_DEFAULTS */.W['output-dir']})
  --workspace DIR       repository root; other paths are relative to it (default: current folder)
  --mode MODE           post-deploy or assurance (default ${defaults/* INPUT_DEFAULTS */.W.mode})
  --alert-tests BOOL    send synthetic alerts (default ${defaults/* INPUT_DEFAULTS */.W['alert-tests']})
  --approved-by NAMES   approvers, comma separated
  --on-call-owner NAME  on-call owner of the monitoring configuration
  --summary-file FILE   also write the Markdown job summary there
  --deliver-to DIR      deliver the package and the Protocol 13 handoff event to this folder
  --fail-on WHEN        gate (exit 1 when a gate fails) or never (default ${defaults/* INPUT_DEFAULTS */.W['fail-on']})
  -v, --verbose         debug lines
  -h, --help            this text
  --version             the version

Colour on a terminal; NO_COLOR turns it off, FORCE_COLOR on.
Exit status: 0 all gates pass (or --fail-on never), 1 a gate failed, 2 bad usage or invalid input.`;
const CLI_OPTIONS = {
    evidence: { type: 'string', default: defaults/* INPUT_DEFAULTS */.W['evidence-path'] },
    config: { type: 'string', default: defaults/* INPUT_DEFAULTS */.W.config },
    output: { type: 'string', default: defaults/* INPUT_DEFAULTS */.W['output-dir'] },
    workspace: { type: 'string', default: '.' },
    mode: { type: 'string', default: defaults/* INPUT_DEFAULTS */.W.mode },
    'alert-tests': { type: 'string', default: defaults/* INPUT_DEFAULTS */.W['alert-tests'] },
    'approved-by': { type: 'string' },
    'on-call-owner': { type: 'string' },
    'summary-file': { type: 'string' },
    'deliver-to': { type: 'string' },
    'fail-on': { type: 'string', default: defaults/* INPUT_DEFAULTS */.W['fail-on'] },
    verbose: { type: 'boolean', short: 'v', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    version: { type: 'boolean', default: false }
};
const FLAGS = Object.keys(CLI_OPTIONS).map((k) => `--${k}`);
const VALUES = {
    mode: inputs/* MODES */.FN,
    'alert-tests': ['true', 'false'],
    'fail-on': inputs/* FAIL_ON */.d$
};
/** Bad usage or invalid input: said once, in the command line's words, with exit status 2. */
class UsageError extends Error {
}
function parse(argv) {
    try {
        return (0,external_node_util_.parseArgs)({ args: argv, options: CLI_OPTIONS, strict: true, allowPositionals: false }).values;
    }
    catch (err) {
        const e = err;
        const flag = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1];
        if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
            const guess = nearest(flag.replace(/^-+/, '').split('=')[0], FLAGS.map((f) => f.slice(2)));
            throw new UsageError(`unknown flag ${flag}${guess ? `; did you mean --${guess}?` : ''}`);
        }
        if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
            const name = flag.replace(/^-+/, '');
            throw new UsageError(/argument missing/.test(e.message)
                ? `${flag} needs a value`
                : `${flag} takes no value (${name === 'verbose' || name === 'help' || name === 'version' ? 'it is a switch' : e.message}))`);
        }
        if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
            const word = /'([^']+)'/.exec(e.message)?.[1] ?? '';
            const guess = nearest(word.replace(/\..*$/, ''), FLAGS.map((f) => f.slice(2)));
            throw new UsageError(`unexpected argument ${word}: every option is a --flag${guess ? `; did you mean --${guess}?` : ''}`);
        }
        throw new UsageError(e.message);
    }
}
function checkValue(name, value) {
    const allowed = VALUES[name];
    if (allowed.includes(value))
        return;
    const guess = nearest(value, allowed);
    throw new UsageError(`--${name} takes ${allowed.join(' or ')}, found ${value}${guess ? `; did you mean ${guess}?` : ''}`);
}
async function mustExist(flag, path, shown, kind, workspace) {
    const st = await (0,promises_.stat)(path).catch(() => undefined);
    const where = shown.startsWith('/') ? '' : ` in ${workspace}`;
    if (!st) {
        const hint = flag === '--config'
            ? 'pass --config FILE, or run from the repository root (or give it with --workspace DIR)'
            : 'pass --evidence DIR: the folder with the deploy evidence (post-deployment-validation.json and the rest)';
        throw new UsageError(`${flag} ${shown}: no such ${kind}${where}; ${hint}`);
    }
    if (kind === 'file' && !st.isFile())
        throw new UsageError(`${flag} ${shown}: a folder, expected a file`);
    if (kind === 'folder' && !st.isDirectory())
        throw new UsageError(`${flag} ${shown}: a file, expected a folder`);
}
async function main(argv, io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }) {
    const errStyle = styleFor(io.env, !!io.stderr.isTTY);
    const outStyle = styleFor(io.env, !!io.stdout.isTTY);
    const usageError = (message) => {
        io.stderr.write(`${errStyle.red('sre-monitoring:')} ${(0,util_log/* safeLine */.o)(message)}\nRun sre-monitoring --help for the flags.\n`);
        return 2;
    };
    let args;
    try {
        args = parse(argv);
        if (args.help) {
            io.stdout.write(USAGE + '\n');
            return 0;
        }
        if (args.version) {
            io.stdout.write(`sre-monitoring ${version/* VERSION */.x} (${version/* GENERATOR */._})\n`);
            return 0;
        }
        for (const name of Object.keys(VALUES))
            checkValue(name, String(args[name]));
        const workspace = (0,external_node_path_.resolve)(io.cwd, args.workspace);
        const ws = await (0,promises_.stat)(workspace).catch(() => undefined);
        if (!ws?.isDirectory())
            throw new UsageError(`--workspace ${args.workspace}: no such folder`);
        await mustExist('--config', (0,external_node_path_.resolve)(workspace, args.config), args.config, 'file', workspace);
        await mustExist('--evidence', (0,external_node_path_.resolve)(workspace, args.evidence), args.evidence, 'folder', workspace);
    }
    catch (err) {
        if (err instanceof UsageError)
            return usageError(err.message);
        throw err;
    }
    const workspace = (0,external_node_path_.resolve)(io.cwd, args.workspace);
    const log = new CliLogger(io.stderr, errStyle, args.verbose);
    await (0,redact/* registerConfigFileSecrets */.R2)((0,external_node_path_.resolve)(workspace, args.config), io.env, (s) => log.setSecret(s));
    const now = () => new Date();
    const outputDir = (0,external_node_path_.resolve)(workspace, args.output);
    // A crash still ends with the gates and the summary.
    const result = await (0,run/* runProtocolGuarded */.kY)({
        evidenceDir: args.evidence,
        configPath: args.config,
        outputDir,
        workspace,
        mode: args.mode,
        alertTestsApproved: args['alert-tests'] === 'true',
        approvedBy: args['approved-by'],
        onCallOwner: args['on-call-owner'],
        packageArtifact: args['deliver-to'] ? defaults/* INPUT_DEFAULTS */.W['package-artifact'] : undefined,
        fileIssues: true,
        env: io.env,
        log,
        now,
        runId: (0,context/* runLabel */.Az)(io.env),
        generator: version/* GENERATOR */._,
        github: new local_port/* LocalGitHubPort */.O(outputDir, now, log, args['deliver-to'] ? (0,external_node_path_.resolve)(io.cwd, args['deliver-to']) : undefined)
    }).finally(() => log.close());
    // Both leave the process: redacted, and the terminal text neutralised like every log line.
    if (args['summary-file']) {
        await (0,promises_.writeFile)((0,external_node_path_.resolve)(io.cwd, args['summary-file']), (0,redact/* redact */.E$)((0,summary/* renderSummary */.Br)(result, {}))).catch((err) => io.stderr.write(`${errStyle.red('sre-monitoring:')} summary not written to ${args['summary-file']}: ${(0,redact/* neutraliseLog */.Z$)((0,redact/* redact */.E$)(err.message))}\n`));
    }
    if (!result.model) {
        // The config or the evidence could not be read: the errors above say where; nothing was checked.
        io.stderr.write(`${errStyle.red('sre-monitoring:')} invalid input (the error(s) above): nothing was checked. Package with gate-results.json: ${result.packageDir}\n`);
        return 2;
    }
    io.stdout.write('\n' + (0,redact/* neutraliseLog */.Z$)((0,redact/* redact */.E$)((0,summary/* renderTerminal */.bF)(result, outStyle))) + '\n');
    return result.status === 'fail' && args['fail-on'] === 'gate' ? 1 : 0;
}


/***/ })

};
