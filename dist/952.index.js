export const id = 952;
export const ids = [952];
export const modules = {

/***/ 9952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runHook: () => (/* binding */ runHook)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _package_schemas_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46616);



/**
 * Run one of the seed's automation hooks (audit-command, alert-test-command, tuning-command): a
 * shell command that writes the artifact to $SRE_MONITORING_OUTPUT. What it writes is checked
 * against the artifact's schema like any built-in result; a command that fails, times out or
 * writes an invalid file produces no artifact.
 */
async function runHook(args) {
    const exit = await new Promise((resolve) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sh', ['-c', args.command], {
            cwd: args.cwd,
            env: { ...args.env, SRE_MONITORING_OUTPUT: args.outputFile },
            stdio: ['ignore', 'ignore', 'pipe']
        });
        let stderr = '';
        child.stderr.on('data', (d) => {
            stderr = (stderr + d.toString()).slice(-2000);
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), args.timeoutSeconds * 1000);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stderr });
        });
        child.on('error', (err) => {
            clearTimeout(timer);
            resolve({ code: null, signal: null, stderr: err.message });
        });
    });
    if (exit.signal === 'SIGKILL')
        return { status: `failed (timed out after ${args.timeoutSeconds} s)`, error: `command timed out after ${args.timeoutSeconds} s` };
    if (exit.code !== 0) {
        const detail = exit.stderr.trim().split('\n').slice(-3).join(' | ');
        return {
            status: `failed (exit ${exit.code ?? exit.signal})`,
            error: `command exited ${exit.code ?? exit.signal}${detail ? `: ${detail}` : ''}`
        };
    }
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(args.outputFile, 'utf8');
    }
    catch {
        return { status: 'failed (no output written)', error: `command succeeded but wrote nothing to ${args.outputFile}` };
    }
    if (!args.schemaFile)
        return { status: 'success', data: (args.parse ? args.parse(text) : text) };
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
        return { status: 'failed (output is not JSON)', error: `${args.outputFile}: ${err.message}` };
    }
    const check = (0,_package_schemas_js__WEBPACK_IMPORTED_MODULE_2__/* .validateAgainst */ .sq)(args.schemaFile, data);
    if (!check.valid) {
        return {
            status: 'failed (output fails its schema)',
            error: `${args.outputFile} fails ${args.schemaFile}: ${check.errors.slice(0, 5).join('; ')}`
        };
    }
    return { status: 'success', data: data };
}


/***/ })

};
