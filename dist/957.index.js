export const id = 957;
export const ids = [957];
export const modules = {

/***/ 12957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   main: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _protocol_local_port_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47883);
/* harmony import */ var _protocol_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4323);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(57994);
/* harmony import */ var _util_loggers_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(89777);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(311);
/**
 * Command-line entry: runs the same protocol core outside GitHub Actions. Without a GitHub token
 * nothing is uploaded or filed; the issues that would be filed are written to a file.
 */








const USAGE = `Usage: sre-monitoring [options]

Runs Protocol 12 (post-deployment monitoring) on a deploy's evidence and writes the package.

  --evidence DIR        Protocol 11 evidence folder (default .artifacts/deployment)
  --config FILE         config file (default .github/sre-monitoring.yml)
  --output DIR          package folder (default .artifacts/monitoring)
  --workspace DIR       repository root; other paths are relative to it (default: current folder)
  --mode MODE           post-deploy (default) or assurance
  --alert-tests BOOL    send synthetic alerts (default true)
  --approved-by NAMES   approvers, comma separated
  --on-call-owner NAME  on-call owner of the monitoring configuration
  --summary-file FILE   also write the Markdown job summary there
  --deliver-to DIR      deliver the package and the Protocol 13 handoff event to this folder
  --fail-on WHEN        gate (default: exit 1 when a gate fails) or never
  -v, --verbose         debug lines
  -h, --help            this text

Exit status: 0 all gates pass (or --fail-on never), 1 a gate failed, 2 bad usage.`;
async function main(argv) {
    let args;
    try {
        args = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.parseArgs)({
            args: argv,
            options: {
                evidence: { type: 'string', default: '.artifacts/deployment' },
                config: { type: 'string', default: '.github/sre-monitoring.yml' },
                output: { type: 'string', default: '.artifacts/monitoring' },
                workspace: { type: 'string', default: '.' },
                mode: { type: 'string', default: 'post-deploy' },
                'alert-tests': { type: 'string', default: 'true' },
                'approved-by': { type: 'string' },
                'on-call-owner': { type: 'string' },
                'summary-file': { type: 'string' },
                'deliver-to': { type: 'string' },
                'fail-on': { type: 'string', default: 'gate' },
                verbose: { type: 'boolean', short: 'v', default: false },
                help: { type: 'boolean', short: 'h', default: false }
            },
            strict: true
        }).values;
    }
    catch (err) {
        process.stderr.write(`${err.message}\n\n${USAGE}\n`);
        return 2;
    }
    if (args.help) {
        process.stdout.write(USAGE + '\n');
        return 0;
    }
    const mode = args.mode;
    if (mode !== 'post-deploy' && mode !== 'assurance') {
        process.stderr.write(`--mode must be post-deploy or assurance, found ${mode}\n`);
        return 2;
    }
    if (!/^(true|false)$/.test(args['alert-tests'] ?? '') || !/^(gate|never)$/.test(args['fail-on'] ?? '')) {
        process.stderr.write('--alert-tests takes true or false; --fail-on takes gate or never\n');
        return 2;
    }
    const workspace = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(args.workspace ?? '.');
    const log = new _util_loggers_js__WEBPACK_IMPORTED_MODULE_5__/* .TerminalLogger */ .X(undefined, args.verbose);
    const now = () => new Date();
    const outputDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, args.output ?? '.artifacts/monitoring');
    const result = await (0,_protocol_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runProtocol */ .G)({
        evidenceDir: args.evidence ?? '.artifacts/deployment',
        configPath: args.config ?? '.github/sre-monitoring.yml',
        outputDir,
        workspace,
        mode,
        alertTestsApproved: args['alert-tests'] === 'true',
        approvedBy: args['approved-by'],
        onCallOwner: args['on-call-owner'],
        packageArtifact: args['deliver-to'] ? 'monitoring-package' : undefined,
        fileIssues: true,
        env: process.env,
        log,
        now,
        runId: `local-${Date.now()}`,
        generator: _version_js__WEBPACK_IMPORTED_MODULE_6__/* .GENERATOR */ ._,
        github: new _protocol_local_port_js__WEBPACK_IMPORTED_MODULE_3__/* .LocalGitHubPort */ .O(outputDir, now, log, args['deliver-to'] ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(args['deliver-to']) : undefined)
    });
    if (args['summary-file'])
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(args['summary-file']), (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_7__/* .renderSummary */ .Br)(result, {}));
    process.stdout.write('\n' + (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_7__/* .renderTerminal */ .bF)(result) + '\n');
    return result.status === 'fail' && args['fail-on'] === 'gate' ? 1 : 0;
}


/***/ })

};
