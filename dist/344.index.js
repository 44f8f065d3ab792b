export const id = 344;
export const ids = [344];
export const modules = {

/***/ 2344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitHubPort: () => (/* binding */ createGitHubPort)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
// EXTERNAL MODULE: ./src/stats/run-stats.ts
var run_stats = __webpack_require__(46968);
// EXTERNAL MODULE: ./src/util/http.ts
var http = __webpack_require__(44098);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
;// CONCATENATED MODULE: ./src/github/octokit.ts






const DEFAULT_TIME_POLICY = {
    attemptTimeoutMs: 20_000,
    callTimeoutMs: 90_000,
    budgetMs: 180_000,
    maxPages: 10
};
/**
 * Time spent waiting on GitHub, shared by every Octokit of a run: the total time budget of the
 * GitHub part of the run. Calls running at once count once each.
 */
class GitHubBudget {
    budgetMs;
    spent = 0;
    constructor(budgetMs) {
        this.budgetMs = budgetMs;
    }
    remaining() {
        return this.budgetMs - this.spent;
    }
    charge(ms) {
        this.spent += ms;
    }
}
/** A call that GitHub did not answer in time, or that the budget no longer allowed. Never retried. */
class GitHubTimeoutError extends Error {
    constructor(message) {
        super(message);
        // Octokit passes an AbortError on as it is, and the retry plugin leaves it alone.
        this.name = 'AbortError';
    }
}
const DEFAULT_RATE_LIMIT_POLICY = {
    maxRetries: 2,
    maxWaitSeconds: 60,
    msPerSecond: 1000,
    writeSpacingMs: 1000,
    notificationSpacingMs: 3000,
    serverErrorRetries: 3
};
/**
 * A limiter shaped like the Bottleneck group plugin-throttling expects (`key(id).schedule(opts,
 * fn, ...args)`), so the spacing between writes is ours to set rather than fixed at 1 s / 3 s.
 */
function spacingGroup(minTimeMs) {
    let next = 0;
    let chain = Promise.resolve();
    const limiter = {
        schedule(_opts, fn, ...args) {
            const run = chain.then(async () => {
                const wait = next - Date.now();
                if (wait > 0) {
                    const started = Date.now();
                    await new Promise((r) => setTimeout(r, wait));
                    (0,run_stats/* recordWait */.Jw)('GitHub request spacing', started);
                }
                next = Date.now() + minTimeMs;
            });
            chain = run.catch(() => undefined);
            return run.then(() => fn(...args));
        }
    };
    return { key: () => limiter };
}
/**
 * An Octokit for the GitHub REST API that waits out rate limits within a bound and says so. The
 * token is handed to Octokit only; it is masked and never part of a message.
 */
function createOctokit(token, options) {
    const { log } = options;
    const policy = { ...DEFAULT_RATE_LIMIT_POLICY, ...options.rateLimit };
    if (token)
        log.setSecret(token);
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const what = `${request.method} ${request.url}`;
        if (retryCount >= policy.maxRetries) {
            log.warning(`GitHub API ${kind} rate limit on ${what}: gave up after ${retryCount} wait(s); the request failed.`);
            return false;
        }
        if (retryAfter > policy.maxWaitSeconds) {
            log.warning(`GitHub API ${kind} rate limit on ${what}: it resets in ${retryAfter} s, more than the ${policy.maxWaitSeconds} s this run waits; the request failed.`);
            return false;
        }
        log.warning(`GitHub API ${kind} rate limit on ${what}: waiting ${retryAfter} s before retry ${retryCount + 1} of ${policy.maxRetries}.`);
        // The plugin sleeps once this returns: the wait is recorded as it is planned.
        const now = Date.now();
        (0,run_stats/* recordWait */.Jw)(`GitHub ${kind} rate limit`, now, now + retryAfter * policy.msPerSecond);
        return true;
    };
    const throttle = {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        retryAfterBaseValue: policy.msPerSecond,
        write: spacingGroup(policy.writeSpacingMs),
        notifications: spacingGroup(policy.notificationSpacingMs)
    };
    const opts = {
        throttle,
        retry: {
            // 403/429 rate limits belong to the throttling plugin; retrying them here would double the waits.
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
            retries: policy.serverErrorRetries,
            retryAfterBaseValue: policy.msPerSecond
        },
        log: {
            debug: (m) => log.debug(m),
            info: (m) => log.debug(m),
            warn: (m) => log.debug(m),
            error: (m) => log.debug(m)
        }
    };
    if (options.baseUrl)
        opts.baseUrl = options.baseUrl.replace(/\/+$/, '');
    if (options.userAgent)
        opts.userAgent = options.userAgent;
    const octokit = (0,github/* getOctokit */.Q)(token, opts, plugin_throttling_dist_bundle/* throttling */.A, dist_bundle/* retry */.L);
    bound(octokit, { ...DEFAULT_TIME_POLICY, ...options.time }, options.budget);
    return octokit;
}
const duration = (ms) => (ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);
const OCTOKIT_OPTIONS = new Set(['method', 'url', 'baseUrl', 'headers', 'request', 'mediaType', 'data']);
const NOT_RETRIED = new Set(['POST']);
const NO_BODY = new Set([101, 204, 205, 304]);
/**
 * GitHub through the same bounds as every other request: each call redacted on its way out (issue
 * titles and bodies, comments, dispatch payloads), each attempt timed out and its answer capped,
 * each call bounded with its retries, all calls within the run's budget, every listing paged
 * within a cap. The hook wraps the retry and throttling plugins, so it sees one call once.
 */
function bound(octokit, time, sharedBudget) {
    const budget = sharedBudget ?? new GitHubBudget(time.budgetMs);
    octokit.hook.wrap('request', async (request, options) => {
        const o = options;
        const what = `${o.method} ${o.url}`;
        const left = budget.remaining();
        if (left <= 0)
            throw new GitHubTimeoutError(`GitHub API: ${what} not sent: the ${duration(budget.budgetMs)} this run may spend on GitHub are spent`);
        for (const [k, v] of Object.entries(o))
            if (!OCTOKIT_OPTIONS.has(k))
                o[k] = (0,redact/* redactDeep */.KL)(v);
        if (o.data !== undefined)
            o.data = (0,redact/* redactDeep */.KL)(o.data);
        const started = Date.now();
        const callMs = Math.min(time.callTimeoutMs, left);
        const callSignal = AbortSignal.timeout(callMs);
        const inner = o.request?.fetch ?? globalThis.fetch;
        const attemptMs = time.attemptTimeoutMs;
        let bytesRead = 0;
        const boundedFetch = async (url, init) => {
            const what = `${o.method} ${(0,http/* redactUrl */.BO)(String(url))}`;
            const release = await (0,http/* backendSlot */.fw)('github');
            const signal = AbortSignal.any([callSignal, AbortSignal.timeout(attemptMs), ...(init.signal ? [init.signal] : [])]);
            try {
                const res = await inner(url, { ...init, signal });
                const bytes = await (0,http/* readCapped */.EF)(res, (0,http/* httpLimits */.NS)().maxResponseBytes);
                bytesRead += bytes.byteLength;
                return new Response(NO_BODY.has(res.status) ? null : bytes, {
                    status: res.status,
                    statusText: res.statusText,
                    headers: res.headers
                });
            }
            catch (err) {
                const name = err?.name;
                if (err instanceof http/* ResponseTooLargeError */.by)
                    throw new GitHubTimeoutError(`GitHub API: ${what}: ${err.message}`);
                if (name === 'TimeoutError' || name === 'AbortError') {
                    const byCall = callSignal.aborted;
                    throw new GitHubTimeoutError(byCall
                        ? `GitHub API: ${what}: no answer within ${duration(callMs)}${callMs < time.callTimeoutMs ? " (what was left of this run's GitHub time budget)" : ''}`
                        : `GitHub API: ${what}: no answer within ${duration(attemptMs)}`);
                }
                throw err;
            }
            finally {
                release();
            }
        };
        o.request = { ...o.request, fetch: boundedFetch, ...(NOT_RETRIED.has(o.method) ? { retries: 0 } : {}) };
        let status;
        try {
            const res = await request(options);
            status = res.status;
            return res;
        }
        catch (err) {
            status = errorStatus(err);
            throw err;
        }
        finally {
            const ms = Date.now() - started;
            budget.charge(ms);
            (0,run_stats/* recordRequest */.Vi)({ backend: 'github', kind: 'github', ms, bytes: bytesRead, status });
        }
    });
    // Every listing stops at the page cap; a listing longer than that is an error, not a silent cut.
    const paginate = octokit.paginate;
    const capped = ((route, params, mapFn) => {
        let pages = 0;
        const fn = typeof params === 'function' ? params : mapFn;
        const p = typeof params === 'function' ? {} : params;
        return paginate(route, p, (response, done) => {
            pages++;
            const more = /rel="next"/.test(String(response.headers.link ?? ''));
            if (more && pages >= time.maxPages) {
                throw new Error(`GitHub API: the listing has more than ${time.maxPages} pages; this run reads at most ${time.maxPages} pages per listing`);
            }
            return fn ? fn(response, done) : response.data;
        });
    });
    Object.assign(capped, { iterator: paginate.iterator });
    octokit.paginate = capped;
}
/** The HTTP status of an Octokit RequestError, if it is one. */
function errorStatus(err) {
    if (err && typeof err === 'object' && 'status' in err && typeof err.status === 'number') {
        return err.status;
    }
    return undefined;
}
/** A header of the response attached to an Octokit RequestError. */
function errorHeader(err, name) {
    const response = err?.response;
    const value = response?.headers?.[name.toLowerCase()];
    return typeof value === 'string' ? value : undefined;
}
/** A one-line description of an API failure, without request headers (they hold the token). */
function describeApiError(err) {
    if (err instanceof GitHubTimeoutError)
        return err.message;
    const status = errorStatus(err);
    const message = err instanceof Error ? err.message : String(err);
    return status !== undefined ? `HTTP ${status}: ${message}` : message;
}

;// CONCATENATED MODULE: ./src/github/permissions.ts

/** Tell a rate limit (waited out and given up on) from a token that may not do this. */
function classifyFailure(err) {
    const status = errorStatus(err);
    const message = err instanceof Error ? err.message : String(err);
    if (status === 429 || errorHeader(err, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(message))
        return 'rate-limit';
    if (status === 403)
        return 'permission';
    return 'other';
}
/**
 * The permission GitHub says the request needed, as it goes in a workflow's `permissions:` block.
 * GitHub names it in `x-accepted-github-permissions` (e.g. `issues=write`); `fallback` otherwise.
 */
function requiredPermission(err, fallback) {
    const header = errorHeader(err, 'x-accepted-github-permissions');
    const first = header?.split(/[;,]/)[0]?.trim();
    const m = first ? /^([a-z_]+)=([a-z]+)$/.exec(first) : null;
    return m ? `${m[1]}: ${m[2]}` : fallback;
}
/**
 * Why a write was refused, said so the user knows what to change. On a pull request from a fork
 * GitHub hands the workflow a read-only token whatever `permissions:` says.
 */
function permissionMessage(what, err, fallback, forkPullRequest) {
    if (forkPullRequest) {
        return `Could not ${what}: this run is for a pull request from a fork, and GitHub gives such runs a read-only token (403 "Resource not accessible by integration"). Nothing was written; the results are in the run's summary and package.`;
    }
    const permission = requiredPermission(err, fallback);
    return `Could not ${what}: the token lacks the \`${permission}\` permission (GitHub answered 403 "Resource not accessible by integration"). Add \`permissions: ${permission}\` to the job in the workflow.`;
}

// EXTERNAL MODULE: ./src/approval/record.ts
var record = __webpack_require__(83846);
;// CONCATENATED MODULE: ./src/github/approvals.ts




/**
 * Who approved this run: the reviewers who approved its protected environment(s)
 * (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals`), else the `approved-by` input.
 * Never throws; an unreadable API is reported and the input is used.
 */
async function resolveApproval(args) {
    const { octokit, repo, runId, log } = args;
    const recordedAt = (args.now ?? new Date()).toISOString();
    const rejected = [];
    let apiError;
    if (octokit && runId > 0) {
        try {
            const { data } = await octokit.rest.actions.getReviewsForRun({ owner: repo.owner, repo: repo.repo, run_id: runId });
            const approvers = [];
            for (const review of data) {
                if (review.state !== 'approved' && review.state !== 'rejected')
                    continue;
                const approver = {
                    login: review.user.login,
                    state: review.state,
                    comment: review.comment ?? '',
                    environments: review.environments.map((e) => e.name ?? '').filter(Boolean),
                    source: 'environment-approval',
                    recordedAt
                };
                (review.state === 'approved' ? approvers : rejected).push(approver);
            }
            if (approvers.length > 0) {
                log.info(`Approval: ${approvers.map((a) => a.login).join(', ')} approved the protected environment for run ${runId}.`);
                return { source: 'environment-approval', approvers: (0,record/* dedupe */.Qq)(approvers), rejected };
            }
        }
        catch (err) {
            apiError =
                classifyFailure(err) === 'permission'
                    ? `Could not read the environment approvals of run ${runId}: add \`permissions: ${requiredPermission(err, 'actions: read')}\` to the job.`
                    : `Could not read the environment approvals of run ${runId}: ${describeApiError(err)}`;
            log.warning(apiError);
        }
    }
    return (0,record/* approvalFromInput */.ad)({ approvedByInput: args.approvedByInput, recordedAt, rejected, apiError, runId, log });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:diagnostics_channel"
var external_node_diagnostics_channel_ = __webpack_require__(53053);
var external_node_diagnostics_channel_default = /*#__PURE__*/__webpack_require__.n(external_node_diagnostics_channel_);
;// CONCATENATED MODULE: ./src/stats/node-http.ts
/**
 * Requests through node:http and node:https, made by the libraries that bring their own HTTP
 * client (@actions/artifact, and the Azure blob client it uploads with), counted as util/http.ts
 * counts its own: per phase, with time, status and the bytes the answer declared. Node publishes
 * each such request on diagnostics channels; util/http.ts and Octokit use fetch, which does not
 * publish there, so nothing is counted twice.
 */


const started = new WeakMap();
let subscribed = false;
/** From now on, count every node:http(s) request made inside a recorded run. */
function countNodeHttpRequests() {
    if (subscribed)
        return;
    subscribed = true;
    external_node_diagnostics_channel_default().subscribe('http.client.request.start', (message) => {
        const { request } = message;
        const record = (0,run_stats/* requestRecorder */.Ax)();
        if (record)
            started.set(request, { at: performance.now(), record, backend: request.host || 'http' });
    });
    const finish = (request, status, bytes) => {
        const s = started.get(request);
        if (!s)
            return;
        started.delete(request);
        s.record({ backend: s.backend, kind: 'node-http', ms: performance.now() - s.at, bytes, status });
    };
    external_node_diagnostics_channel_default().subscribe('http.client.response.finish', (message) => {
        const { request, response } = message;
        const length = Number(response.headers['content-length']);
        finish(request, response.statusCode, Number.isFinite(length) && length >= 0 ? length : 0);
    });
    external_node_diagnostics_channel_default().subscribe('http.client.request.error', (message) => finish(message.request, undefined, 0));
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/github/zip.ts
/**
 * A small ZIP reader for downloaded artifacts: every entry name is checked before anything is
 * written, so an archive with a path leaving its folder (`../x`, `/etc/x`, `C:\x`), a symlink or
 * an encrypted entry is refused as a whole. (@actions/artifact's extractor silently rewrites `..`
 * to `.`, which would hide a tampered archive.)
 */



class UnsafeArchiveError extends Error {
    entries;
    constructor(message, entries) {
        super(message);
        this.name = 'UnsafeArchiveError';
        this.entries = entries;
    }
}
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
function isZip(buf) {
    return buf.length >= 22 && buf.readUInt32LE(0) === LOCAL;
}
const CRC_TABLE = (() => {
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        t[n] = c >>> 0;
    }
    return t;
})();
function crc32(buf) {
    let c = 0xffffffff;
    for (let i = 0; i < buf.length; i++)
        c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
function listZipEntries(buf) {
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
        if (buf.readUInt32LE(i) === EOCD) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        throw new Error('not a ZIP archive (no end of central directory)');
    let count = buf.readUInt16LE(eocd + 10);
    let cdOffset = buf.readUInt32LE(eocd + 16);
    if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
        const z = Number(buf.readBigUInt64LE(eocd - 20 + 8));
        if (buf.readUInt32LE(z) !== ZIP64_EOCD)
            throw new Error('corrupt ZIP64 end of central directory');
        count = Number(buf.readBigUInt64LE(z + 32));
        cdOffset = Number(buf.readBigUInt64LE(z + 48));
    }
    const entries = [];
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
        if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL)
            throw new Error('corrupt ZIP central directory');
        const madeBy = buf.readUInt16LE(p + 4);
        const flags = buf.readUInt16LE(p + 8);
        const method = buf.readUInt16LE(p + 10);
        const crc = buf.readUInt32LE(p + 16);
        let compressedSize = buf.readUInt32LE(p + 20);
        let size = buf.readUInt32LE(p + 24);
        const nameLen = buf.readUInt16LE(p + 28);
        const extraLen = buf.readUInt16LE(p + 30);
        const commentLen = buf.readUInt16LE(p + 32);
        const external = buf.readUInt32LE(p + 38);
        let localHeaderOffset = buf.readUInt32LE(p + 42);
        const rawName = buf.subarray(p + 46, p + 46 + nameLen);
        const name = rawName.toString(flags & 0x800 ? 'utf8' : 'latin1');
        // ZIP64 extra field: the 64-bit values replace the 32-bit ones that are 0xFFFFFFFF, in order.
        let e = p + 46 + nameLen;
        const extraEnd = e + extraLen;
        while (e + 4 <= extraEnd) {
            const id = buf.readUInt16LE(e);
            const len = buf.readUInt16LE(e + 2);
            if (id === 0x0001) {
                let q = e + 4;
                if (size === 0xffffffff) {
                    size = Number(buf.readBigUInt64LE(q));
                    q += 8;
                }
                if (compressedSize === 0xffffffff) {
                    compressedSize = Number(buf.readBigUInt64LE(q));
                    q += 8;
                }
                if (localHeaderOffset === 0xffffffff)
                    localHeaderOffset = Number(buf.readBigUInt64LE(q));
            }
            e += 4 + len;
        }
        const unixMode = madeBy >> 8 === 3 ? external >>> 16 : 0;
        entries.push({
            name,
            method,
            flags,
            crc32: crc,
            compressedSize,
            size,
            localHeaderOffset,
            isDirectory: name.endsWith('/') || name.endsWith('\\'),
            isSymlink: (unixMode & 0o170000) === 0o120000
        });
        p = extraEnd + commentLen;
    }
    return entries;
}
/** Why this entry may not be extracted into a folder, or undefined when it may. */
function unsafeReason(entry) {
    const name = entry.name;
    if (name.includes('\0'))
        return 'contains a NUL character';
    if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name))
        return 'is an absolute path';
    if (name.split(/[/\\]/).some((seg) => seg === '..'))
        return 'leaves the folder (..)';
    if (entry.isSymlink)
        return 'is a symbolic link';
    if (entry.flags & 0x1)
        return 'is encrypted';
    if (entry.method !== 0 && entry.method !== 8)
        return `uses unsupported compression method ${entry.method}`;
    return undefined;
}
/** Check every entry, then extract. Returns the relative paths of the files written. */
async function extractZipSafely(buf, dest, options = {}) {
    const entries = listZipEntries(buf);
    const root = (0,external_node_path_.resolve)(dest);
    const bad = [];
    let total = 0;
    for (const entry of entries) {
        const reason = unsafeReason(entry);
        const target = (0,external_node_path_.resolve)(root, entry.name.replace(/\\/g, '/'));
        const rel = (0,external_node_path_.relative)(root, target);
        if (reason)
            bad.push(`${JSON.stringify(entry.name)} ${reason}`);
        else if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
            bad.push(`${JSON.stringify(entry.name)} leaves the folder`);
        total += entry.size;
    }
    if (bad.length > 0) {
        throw new UnsafeArchiveError(`refused: ${bad.length} entr${bad.length === 1 ? 'y' : 'ies'} unsafe to extract: ${bad.slice(0, 5).join('; ')}`, bad);
    }
    const maxBytes = options.maxBytes ?? 2 * 1024 ** 3;
    if (total > maxBytes)
        throw new UnsafeArchiveError(`refused: expands to ${total} bytes, more than ${maxBytes}`, []);
    const written = [];
    await (0,promises_.mkdir)(root, { recursive: true });
    for (const entry of entries) {
        const relName = entry.name.replace(/\\/g, '/');
        const target = (0,external_node_path_.join)(root, relName);
        if (entry.isDirectory) {
            await (0,promises_.mkdir)(target, { recursive: true });
            continue;
        }
        const h = entry.localHeaderOffset;
        if (buf.readUInt32LE(h) !== LOCAL)
            throw new Error(`corrupt ZIP: no local header for ${relName}`);
        const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
        const raw = buf.subarray(start, start + entry.compressedSize);
        const data = entry.method === 8 ? (0,external_node_zlib_.inflateRawSync)(raw) : Buffer.from(raw);
        if (data.length !== entry.size || crc32(data) !== entry.crc32)
            throw new Error(`corrupt ZIP: ${relName} fails its CRC or size check`);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        await (0,promises_.writeFile)(target, data);
        written.push(relName);
    }
    return written;
}

;// CONCATENATED MODULE: ./src/github/artifacts.ts
/**
 * Artifacts through @actions/artifact 6. The library is about 5 MB: it is loaded with a dynamic
 * import inside these functions, only on the runs that need it.
 *
 * Same-run calls use the runner's ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL; another run's
 * artifacts are read over REST with a token that has `actions: read` (GITHUB_API_URL is the REST
 * root the library uses).
 *
 * Re-runs: artifacts are immutable and a name is unique within a run, so a re-run attempt that
 * uploads the package again would get 409. uploadPackage replaces the earlier attempt's artifact
 * (delete, then upload; what upload-artifact's `overwrite: true` does), so the package keeps one
 * stable name that later runs and Protocol 13 can find, and the result names the artifact that
 * holds THIS attempt's package.
 */







async function loadArtifactClient() {
    // The library's own HTTP client is not util/http.ts: its requests are counted from Node's channels.
    countNodeHttpRequests();
    const mod = await __webpack_require__.e(/* import() */ 77).then(__webpack_require__.bind(__webpack_require__, 53077));
    return { mod, client: new mod.DefaultArtifactClient() };
}
function message(err) {
    return err instanceof Error ? err.message : String(err);
}
/**
 * Download an artifact by name from this run or another, check its SHA-256 against the digest
 * recorded at upload, check every entry name, then extract. Never throws for a missing,
 * tampered or unsafe artifact: the result says what went wrong.
 */
async function downloadEvidenceArtifact(args) {
    const { name, repo, log } = args;
    if (args.runId !== undefined && !args.token) {
        return { error: `Downloading artifact "${name}" from run ${args.runId} needs a token with \`actions: read\`; none was given.` };
    }
    if (args.token)
        log.setSecret(args.token);
    const findBy = args.runId !== undefined && args.token
        ? { token: args.token, workflowRunId: args.runId, repositoryOwner: repo.owner, repositoryName: repo.repo }
        : undefined;
    const runText = findBy
        ? `run ${findBy.workflowRunId} of ${repo.owner}/${repo.repo}`
        : `this run${args.currentRunId ? ` (${args.currentRunId})` : ''}`;
    const { client } = await loadArtifactClient();
    // One listing serves both the lookup and, when the name is missing, the list of what exists
    // (getArtifact would also print a warning annotation for a miss).
    let listed;
    try {
        listed = (await client.listArtifacts(findBy ? { findBy, latest: true } : { latest: true })).artifacts;
    }
    catch (err) {
        return { error: failureText(`list the artifacts of ${runText}`, err) };
    }
    const artifact = listed.find((a) => a.name === name);
    if (!artifact) {
        const available = listed.map((a) => a.name).sort();
        const has = available.length > 0 ? `That run has: ${available.map((a) => `"${a}"`).join(', ')}.` : 'That run has no artifacts.';
        return { error: `Artifact "${name}" not found in ${runText}. ${has}`, available };
    }
    return fetchAndExtract({ client, artifact, findBy, dest: args.path, runText, maxBytes: args.maxBytes, log });
}
function failureText(what, err) {
    const text = message(err);
    if (/\b403\b|Resource not accessible/i.test(text) || classifyFailure(err) === 'permission') {
        return `Could not ${what}: the token may not read Actions artifacts; add \`permissions: ${requiredPermission(err, 'actions: read')}\` to the job. (${text})`;
    }
    return `Could not ${what}: ${text}`;
}
async function fetchAndExtract(a) {
    const { artifact, log } = a;
    const label = `artifact "${artifact.name}" (id ${artifact.id}) from ${a.runText}`;
    const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'sre-artifact-'));
    try {
        // Raw archive first: its entries are checked before anything lands in `dest`.
        let digestMismatch = false;
        try {
            const res = await a.client.downloadArtifact(artifact.id, {
                path: staging,
                skipDecompress: true,
                expectedHash: artifact.digest,
                ...(a.findBy ? { findBy: a.findBy } : {})
            });
            digestMismatch = res.digestMismatch ?? false;
        }
        catch (err) {
            return { error: failureText(`download ${label}`, err) };
        }
        if (!artifact.digest) {
            log.warning(`${label} has no digest recorded at upload; its content could not be verified.`);
        }
        else if (digestMismatch) {
            return {
                error: `Digest mismatch: ${label} does not match the SHA-256 recorded when it was uploaded (${artifact.digest}). It was not used.`
            };
        }
        const [file] = await (0,promises_.readdir)(staging);
        if (!file)
            return { error: `${label} downloaded as nothing.` };
        const buf = await (0,promises_.readFile)((0,external_node_path_.join)(staging, file));
        let files;
        if (isZip(buf)) {
            try {
                files = await extractZipSafely(buf, a.dest, { maxBytes: a.maxBytes });
            }
            catch (err) {
                if (err instanceof UnsafeArchiveError)
                    return { error: `Unsafe archive: ${label} was ${err.message}. Nothing was extracted.` };
                return { error: `Could not extract ${label}: ${message(err)}` };
            }
        }
        else {
            // An artifact uploaded without archiving (skipArchive) is one plain file.
            const { mkdir, writeFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 23));
            await mkdir(a.dest, { recursive: true });
            await writeFile((0,external_node_path_.join)(a.dest, file), buf);
            files = [file];
        }
        log.info(`Downloaded ${label}: ${files.length} file(s)${artifact.digest ? `, digest ${artifact.digest} verified` : ''}.`);
        return {
            path: a.dest,
            artifactId: artifact.id,
            runId: a.findBy?.workflowRunId,
            digest: artifact.digest,
            files
        };
    }
    finally {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
    }
}
/**
 * Upload the package as one artifact; replace an earlier attempt's artifact of the same name.
 * Never throws: on failure the result carries the cause (the package stays on disk).
 */
async function uploadPackage(args) {
    const { name, log } = args;
    let mod;
    try {
        mod = await loadArtifactClient();
    }
    catch (err) {
        return { error: `Could not load the artifact client: ${message(err)}` };
    }
    const { client } = mod;
    const options = args.retentionDays !== undefined ? { retentionDays: args.retentionDays } : {};
    const done = (res, replaced) => {
        if (!res.id)
            return { error: `Uploading artifact "${name}" returned no artifact id.` };
        const url = `${args.serverUrl.replace(/\/+$/, '')}/${args.repo.owner}/${args.repo.repo}/actions/runs/${args.runId}/artifacts/${res.id}`;
        log.info(`Uploaded the package as artifact "${name}" (id ${res.id}${replaced ? ', replacing an earlier attempt\u2019s' : ''}): ${url}`);
        return { id: res.id, url, size: res.size, digest: res.digest, replaced };
    };
    let replaced = false;
    try {
        // Listing first keeps a re-run from meeting the 409 (and the library's warning about it).
        const { artifacts } = await client.listArtifacts({ latest: true });
        if (artifacts.some((a) => a.name === name)) {
            log.info(`Artifact "${name}" already exists in this run (an earlier attempt); deleting it to upload this attempt's package.`);
            await client.deleteArtifact(name);
            replaced = true;
        }
    }
    catch (err) {
        log.debug(`Listing this run's artifacts failed (${message(err)}); uploading anyway.`);
    }
    try {
        return done(await client.uploadArtifact(name, args.files, args.rootDir, options), replaced);
    }
    catch (err) {
        const text = message(err);
        if (!/\(409\)|already exists/i.test(text))
            return { error: `Uploading artifact "${name}" failed: ${text}` };
        // Another attempt got there between our listing and the upload: replace it once.
        try {
            log.info(`Artifact "${name}" already exists in this run (409); replacing it.`);
            await client.deleteArtifact(name);
            return done(await client.uploadArtifact(name, args.files, args.rootDir, options), true);
        }
        catch (retryErr) {
            return { error: `Uploading artifact "${name}" failed: it already exists in this run and could not be replaced: ${message(retryErr)}` };
        }
    }
}
/**
 * The package of the most recent successful run of this workflow that still has one: list the
 * workflow's successful runs, then that run's artifacts by name, then download and check it.
 */
async function downloadPreviousPackage(args) {
    const { repo, log } = args;
    const name = args.name ?? 'monitoring-package';
    const octokit = createOctokit(args.token, { baseUrl: args.baseUrl, log, budget: args.budget });
    let runs;
    try {
        const { data } = await octokit.rest.actions.listWorkflowRuns({
            owner: repo.owner,
            repo: repo.repo,
            workflow_id: args.workflowFileOrId,
            status: 'success',
            exclude_pull_requests: true,
            per_page: Math.min((args.maxRuns ?? 5) + 1, 100)
        });
        runs = data.workflow_runs.filter((r) => r.id !== args.excludeRunId).slice(0, args.maxRuns ?? 5);
    }
    catch (err) {
        const reason = classifyFailure(err) === 'permission'
            ? `could not list the runs of workflow ${args.workflowFileOrId}: add \`permissions: ${requiredPermission(err, 'actions: read')}\` to the job`
            : `could not list the runs of workflow ${args.workflowFileOrId}: ${describeApiError(err)}`;
        log.warning(`No previous package: ${reason}.`);
        return { path: undefined, reason };
    }
    if (runs.length === 0) {
        const reason = `workflow ${args.workflowFileOrId} has no earlier successful run`;
        log.info(`No previous package: ${reason}.`);
        return { path: undefined, reason };
    }
    const checked = [];
    for (const run of runs) {
        let artifact;
        try {
            const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({
                owner: repo.owner,
                repo: repo.repo,
                run_id: run.id,
                name,
                per_page: 10
            });
            const live = data.artifacts.filter((a) => !a.expired).sort((x, y) => y.id - x.id)[0];
            if (live)
                artifact = { id: live.id, name: live.name, digest: live.digest ?? undefined };
        }
        catch (err) {
            checked.push(`run ${run.id}: ${describeApiError(err)}`);
            continue;
        }
        if (!artifact) {
            checked.push(`run ${run.id}: no unexpired "${name}" artifact`);
            continue;
        }
        const dest = args.path ?? (await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'sre-previous-package-')));
        const { client } = await loadArtifactClient();
        const res = await fetchAndExtract({
            client,
            artifact,
            findBy: { token: args.token, workflowRunId: run.id, repositoryOwner: repo.owner, repositoryName: repo.repo },
            dest,
            runText: `run ${run.id} of ${repo.owner}/${repo.repo}`,
            log
        });
        if ('error' in res) {
            log.warning(`Previous package: ${res.error}`);
            return { path: undefined, reason: res.error };
        }
        return { path: res.path, runId: run.id, artifactId: res.artifactId, files: res.files };
    }
    const reason = `none of the last ${runs.length} successful run(s) of workflow ${args.workflowFileOrId} has the package (${checked.join('; ')})`;
    log.info(`No previous package: ${reason}.`);
    return { path: undefined, reason };
}

// EXTERNAL MODULE: ./src/github/issue-plan.ts
var issue_plan = __webpack_require__(73966);
// EXTERNAL MODULE: ./src/util/escape.ts
var util_escape = __webpack_require__(55421);
;// CONCATENATED MODULE: ./src/github/backlog-issues.ts





const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 };
/**
 * One issue per backlog item, found again by the fingerprint in its body. Issues carrying the
 * label are listed once per run; an item's issue is written only when it has to change. Never
 * throws for an API failure: the failures are in `errors` and in the log, and the run goes on.
 */
async function syncBacklogIssues(args) {
    const { octokit, repo, log } = args;
    const labels = args.labels && args.labels.length > 0 ? args.labels : [issue_plan/* DEFAULT_ISSUE_LABEL */.PA];
    const policy = { labels, kindPrefix: args.kindLabelPrefix, priorityPrefix: args.priorityLabelPrefix };
    // The team's own labels stay; only the kind and priority labels this action set are replaced.
    const labelsFor = (item, current) => {
        const kept = current.filter((l) => !(0,issue_plan/* isManagedLabel */.Il)(l, policy));
        return [...new Set([...kept, ...(0,issue_plan/* planIssue */.nH)(item, policy, args.runUrl).labels])];
    };
    const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
    const result = { opened: [], updated: [], closed: [], reopened: [], heldBack: [], errors: [] };
    const forkPullRequest = args.forkPullRequest ?? false;
    // A refused write means every later write is refused too: say it once and stop writing.
    let stopped = false;
    const fail = (what, err) => {
        const kind = classifyFailure(err);
        if (kind === 'permission') {
            const message = permissionMessage('file backlog issues', err, 'issues: write', forkPullRequest);
            result.errors.push(message);
            log.warning(message);
            stopped = true;
            return;
        }
        const message = `GitHub issues: ${what} failed: ${describeApiError(err)}`;
        result.errors.push(message);
        log.warning(message);
        if (kind === 'rate-limit')
            stopped = true;
    };
    const existing = new Map();
    try {
        const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
            owner: repo.owner,
            repo: repo.repo,
            labels: labels[0],
            state: 'all',
            per_page: 100
        });
        for (const issue of issues) {
            if (issue.pull_request)
                continue;
            const marker = (0,issue_plan/* parseMarker */.gY)(issue.body);
            if (!marker)
                continue;
            const seen = existing.get(marker.fingerprint);
            if (seen) {
                // Duplicates (e.g. made by hand): keep the open one, else the oldest.
                const seenOpen = seen.state === 'open';
                const thisOpen = issue.state === 'open';
                const keepSeen = seenOpen !== thisOpen ? seenOpen : seen.number < issue.number;
                if (keepSeen)
                    continue;
            }
            existing.set(marker.fingerprint, {
                number: issue.number,
                state: issue.state === 'open' ? 'open' : 'closed',
                stateReason: issue.state_reason,
                title: issue.title,
                digest: marker.digest,
                labels: issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean)
            });
        }
    }
    catch (err) {
        if (classifyFailure(err) === 'permission') {
            fail('listing issues', err);
        }
        else {
            fail(`listing issues labelled ${labels[0]}`, err);
        }
        // Without the listing every item would be filed again as a duplicate.
        result.heldBack.push(...args.items);
        return result;
    }
    const items = [...args.items].sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority]);
    const wanted = new Set(items.map((i) => i.fingerprint));
    // Failed creates count too: a create that timed out may still have opened the issue.
    let createAttempts = 0;
    for (const item of items) {
        if (stopped) {
            if (!existing.has(item.fingerprint))
                result.heldBack.push(item);
            continue;
        }
        const issue = existing.get(item.fingerprint);
        const title = (0,issue_plan/* issueTitle */.al)(item);
        const digest = (0,issue_plan/* contentDigest */.eZ)(item);
        if (!issue) {
            if (createAttempts >= args.maxNew) {
                result.heldBack.push(item);
                continue;
            }
            createAttempts++;
            const plan = (0,issue_plan/* planIssue */.nH)(item, policy, args.runUrl, args.packageUrl);
            try {
                const create = (assignees) => octokit.rest.issues.create({
                    owner: repo.owner,
                    repo: repo.repo,
                    title,
                    body: plan.body,
                    labels: plan.labels,
                    ...(assignees.length ? { assignees } : {})
                });
                let data;
                try {
                    ;
                    ({ data } = await create(plan.assignees));
                }
                catch (err) {
                    // A named owner GitHub cannot assign here (not a collaborator, a typo): file it unassigned, say so.
                    if (plan.assignees.length === 0 || !isAssigneeRefusal(err))
                        throw err;
                    log.warning(`GitHub issues: ${plan.assignees.join(', ')} cannot be assigned in ${repo.owner}/${repo.repo} (services[].github-assignees); filed ${item.fingerprint} unassigned.`);
                    ({ data } = await create([]));
                }
                result.opened.push(data.number);
                existing.set(item.fingerprint, { number: data.number, state: 'open', title, digest, labels: plan.labels });
            }
            catch (err) {
                fail(`opening the issue for ${item.fingerprint}`, err);
                if (stopped)
                    result.heldBack.push(item);
            }
            continue;
        }
        const changed = issue.digest !== digest || issue.title !== title;
        if (issue.state === 'closed' && issue.stateReason === 'not_planned') {
            // Someone decided not to act on it: a later run does not overrule that.
            log.debug(`#${issue.number} (${item.fingerprint}) was closed as not planned; left closed.`);
            continue;
        }
        if (issue.state === 'closed') {
            try {
                await octokit.rest.issues.update({
                    owner: repo.owner,
                    repo: repo.repo,
                    issue_number: issue.number,
                    state: 'open',
                    title,
                    body: (0,issue_plan/* planIssue */.nH)(item, policy, args.runUrl, args.packageUrl).body,
                    labels: labelsFor(item, issue.labels)
                });
                await octokit.rest.issues.createComment({
                    owner: repo.owner,
                    repo: repo.repo,
                    issue_number: issue.number,
                    body: `Found again by ${(0,util_escape/* mdLink */.YF)('this run', args.runUrl)}: reopened.`
                });
                result.reopened.push(issue.number);
            }
            catch (err) {
                fail(`reopening #${issue.number}`, err);
            }
            continue;
        }
        const wantLabels = labelsFor(item, issue.labels);
        const relabel = !sameSet(wantLabels, issue.labels);
        if (!changed && !relabel)
            continue;
        try {
            await octokit.rest.issues.update({
                owner: repo.owner,
                repo: repo.repo,
                issue_number: issue.number,
                ...(changed ? { title, body: (0,issue_plan/* planIssue */.nH)(item, policy, args.runUrl, args.packageUrl).body } : {}),
                ...(relabel ? { labels: wantLabels } : {})
            });
            result.updated.push(issue.number);
        }
        catch (err) {
            fail(`updating #${issue.number}`, err);
        }
    }
    // Each item's issue, for the backlog file to link to.
    result.numbers = new Map([...existing].filter(([fp]) => wanted.has(fp)).map(([fp, i]) => [fp, i.number]));
    for (const [fp, issue] of existing) {
        if (stopped)
            break;
        if (wanted.has(fp) || issue.state !== 'open')
            continue;
        try {
            await octokit.rest.issues.createComment({
                owner: repo.owner,
                repo: repo.repo,
                issue_number: issue.number,
                body: `Resolved: ${(0,util_escape/* mdLink */.YF)('this run', args.runUrl)} no longer finds this item. Closing.`
            });
            await octokit.rest.issues.update({
                owner: repo.owner,
                repo: repo.repo,
                issue_number: issue.number,
                state: 'closed',
                state_reason: 'completed'
            });
            result.closed.push(issue.number);
        }
        catch (err) {
            fail(`closing #${issue.number}`, err);
        }
    }
    const summary = `GitHub issues: ${result.opened.length} opened, ${result.updated.length} updated, ${result.reopened.length} reopened, ${result.closed.length} closed${result.heldBack.length ? `, ${result.heldBack.length} held back (limit ${args.maxNew} new per run)` : ''}.`;
    log.info(summary);
    return result;
}
/** GitHub's 422 for an assignee it cannot assign: `{resource: Issue, field: assignees, code: invalid}`. */
function isAssigneeRefusal(err) {
    const e = err;
    return e?.status === 422 && (e.response?.data?.errors ?? []).some((x) => x?.field === 'assignees' || x?.field === 'assignee');
}

// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
;// CONCATENATED MODULE: ./src/github/handoff.ts


/** GitHub's limits for `repository_dispatch`: event_type length, top-level properties, JSON size. */
const DISPATCH_EVENT_TYPE_MAX = 100;
const DISPATCH_MAX_TOP_LEVEL_PROPERTIES = 10;
const DISPATCH_MAX_PAYLOAD_BYTES = 64 * 1024;
/** The payload as sent: at most ten top-level properties and under 64 KB (gate messages shortened). */
function buildClientPayload(payload) {
    const out = {};
    for (const [k, v] of Object.entries(payload))
        if (v !== undefined)
            out[k] = v;
    const keys = Object.keys(out);
    if (keys.length > DISPATCH_MAX_TOP_LEVEL_PROPERTIES) {
        throw new Error(`client_payload has ${keys.length} top-level properties; GitHub allows ${DISPATCH_MAX_TOP_LEVEL_PROPERTIES}`);
    }
    let limit = 2000;
    while (Buffer.byteLength(JSON.stringify(out)) >= DISPATCH_MAX_PAYLOAD_BYTES && limit > 10) {
        out.gates = payload.gates.map((g) => ({
            ...g,
            message: g.message && g.message.length > limit ? `${g.message.slice(0, limit)}…` : g.message
        }));
        limit = Math.floor(limit / 2);
    }
    return out;
}
/** `POST /repos/{owner}/{repo}/dispatches`. Never throws for an API failure. */
async function sendHandoff(args) {
    const { octokit, repo, log } = args;
    if (args.eventType.length === 0 || args.eventType.length > DISPATCH_EVENT_TYPE_MAX) {
        const error = `Handoff not sent: event type must be 1 to ${DISPATCH_EVENT_TYPE_MAX} characters, got ${args.eventType.length}.`;
        log.warning(error);
        return { sent: false, error };
    }
    let clientPayload;
    try {
        clientPayload = buildClientPayload(args.payload);
    }
    catch (err) {
        const error = `Handoff not sent: ${err.message}.`;
        log.warning(error);
        return { sent: false, error };
    }
    try {
        await octokit.rest.repos.createDispatchEvent({
            owner: repo.owner,
            repo: repo.repo,
            event_type: args.eventType,
            client_payload: clientPayload
        });
        log.info(`Sent repository_dispatch "${args.eventType}" to ${repo.owner}/${repo.repo}.`);
        return { sent: true };
    }
    catch (err) {
        const error = classifyFailure(err) === 'permission'
            ? permissionMessage('send the Protocol 13 handoff', err, 'contents: write', args.forkPullRequest ?? false)
            : `Handoff (repository_dispatch "${args.eventType}") failed: ${describeApiError(err)}`;
        log.warning(error);
        return { sent: false, error };
    }
}

// EXTERNAL MODULE: ./src/github/body.ts
var github_body = __webpack_require__(59695);
;// CONCATENATED MODULE: ./src/github/pr-comment.ts



const PR_COMMENT_MARKER = '<!-- sre-monitoring:pr-comment -->';
/**
 * One comment per pull request, found again by a hidden marker at its start and edited in place.
 * Never throws for an API failure.
 */
async function upsertPullRequestComment(args) {
    const { octokit, repo, prNumber, log } = args;
    const marker = args.marker ?? PR_COMMENT_MARKER;
    const body = (0,github_body/* fitBody */.K)(`${marker}\n${args.body}`, undefined, "the run's summary and package");
    const failed = (what, err) => {
        const error = classifyFailure(err) === 'permission'
            ? permissionMessage(`comment on pull request #${prNumber}`, err, 'pull-requests: write', args.forkPullRequest ?? false)
            : `Pull request comment: ${what} failed: ${describeApiError(err)}`;
        log.warning(error);
        return { action: 'failed', error };
    };
    let identity = args.identity;
    if (identity === undefined) {
        const who = await tokenIdentity(octokit);
        if ('error' in who)
            return failed('finding out which account the token acts as', who.error);
        identity = who.login;
    }
    let existing;
    try {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner: repo.owner,
            repo: repo.repo,
            issue_number: prNumber,
            per_page: 100
        });
        existing = comments.find((c) => (c.body ?? '').startsWith(marker) && c.user?.login === identity);
    }
    catch (err) {
        return failed(`listing the comments of #${prNumber}`, err);
    }
    if (existing) {
        if (existing.body === body)
            return { action: 'unchanged', commentId: existing.id, url: existing.html_url };
        try {
            const { data } = await octokit.rest.issues.updateComment({
                owner: repo.owner,
                repo: repo.repo,
                comment_id: existing.id,
                body
            });
            log.info(`Updated the monitoring comment on pull request #${prNumber}.`);
            return { action: 'updated', commentId: data.id, url: data.html_url };
        }
        catch (err) {
            return failed(`editing comment ${existing.id}`, err);
        }
    }
    try {
        const { data } = await octokit.rest.issues.createComment({
            owner: repo.owner,
            repo: repo.repo,
            issue_number: prNumber,
            body
        });
        log.info(`Commented on pull request #${prNumber}.`);
        return { action: 'created', commentId: data.id, url: data.html_url };
    }
    catch (err) {
        return failed(`commenting on #${prNumber}`, err);
    }
}
/** The account the workflow's own token (GITHUB_TOKEN) acts as. */
const WORKFLOW_TOKEN_LOGIN = 'github-actions[bot]';
/**
 * The login the token acts as. A personal access token reads it from `GET /user`; an installation
 * token (the workflow's GITHUB_TOKEN) is refused there with 403 and acts as github-actions[bot].
 */
async function tokenIdentity(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return { login: data.login };
    }
    catch (err) {
        if (errorStatus(err) === 403)
            return { login: WORKFLOW_TOKEN_LOGIN };
        return { error: err };
    }
}

;// CONCATENATED MODULE: ./src/github/port.ts







/** Service of an incident issue: a `service:NAME` or `service/NAME` label. */
function serviceFromLabels(labels) {
    for (const l of labels) {
        const name = typeof l === 'string' ? l : l.name;
        const m = name ? /^service[:/](.+)$/i.exec(name) : null;
        if (m)
            return m[1];
    }
    return undefined;
}
/** GitHub as the action sees it: the run's repository, token and artifact service. */
async function createGitHubPort(args) {
    const { settings, env, log } = args;
    const token = settings.githubToken;
    const run = (0,context/* readWorkflowRun */.hO)(env);
    const repo = { owner: run.owner, repo: run.repo };
    // One time budget for every GitHub call of the run, whichever Octokit makes it.
    const budget = new GitHubBudget(DEFAULT_TIME_POLICY.budgetMs);
    const octokit = createOctokit(token, { baseUrl: run.apiUrl, log, budget });
    let prCommentEnabled = true;
    return {
        description: `${run.owner}/${run.repo} run ${run.runId}`,
        async downloadEvidence(name, path, runId) {
            const r = await downloadEvidenceArtifact({
                name,
                path,
                runId: runId ? Number(runId) : undefined,
                token,
                repo,
                currentRunId: run.runId,
                log
            });
            if ('error' in r)
                return { error: r.error };
            return { ok: true };
        },
        async approval(approvedByInput) {
            return resolveApproval({ octokit, repo, runId: run.runId, approvedByInput, log });
        },
        async uploadPackage(dir, files) {
            if (!settings.packageArtifact)
                return undefined;
            const r = await uploadPackage({
                name: settings.packageArtifact,
                rootDir: dir,
                files,
                retentionDays: settings.retentionDays ? Number(settings.retentionDays) : undefined,
                serverUrl: run.serverUrl,
                repo,
                runId: run.runId,
                log
            });
            return 'error' in r ? { error: r.error } : { id: r.id, url: r.url };
        },
        async syncBacklog(items, opts) {
            const r = await syncBacklogIssues({
                octokit,
                repo,
                items,
                labels: opts.labels,
                kindLabelPrefix: opts.kindLabelPrefix,
                priorityLabelPrefix: opts.priorityLabelPrefix,
                maxNew: opts.maxNew,
                runUrl: run.runUrl,
                packageUrl: opts.packageUrl,
                forkPullRequest: run.forkPullRequest,
                log
            });
            return r;
        },
        async sendHandoff(eventType, info) {
            const r = await sendHandoff({
                octokit,
                repo,
                eventType,
                forkPullRequest: run.forkPullRequest,
                log,
                payload: {
                    protocol: 12,
                    status: info.status,
                    run: { id: run.runId, attempt: run.runAttempt, url: run.runUrl },
                    package: {
                        name: info.packageName ?? '',
                        ...(info.upload && 'id' in info.upload ? { artifact_id: info.upload.id, url: info.upload.url } : {}),
                        ...(info.upload && 'error' in info.upload ? { error: info.upload.error } : {})
                    },
                    gates: info.gates.map((g) => ({
                        gate: g.id,
                        name: g.name,
                        status: g.status,
                        message: g.reasons.slice(0, 3).join('; ') || undefined
                    })),
                    environment: info.environment,
                    sha: run.sha,
                    approval_status: info.approvalStatus
                }
            });
            return r.sent ? { ok: true } : { error: r.error ?? 'not sent' };
        },
        async commentOnPullRequest(body) {
            if (!run.prNumber || !prCommentEnabled)
                return;
            const r = await upsertPullRequestComment({ octokit, repo, prNumber: run.prNumber, body, forkPullRequest: run.forkPullRequest, log });
            if (r.action === 'failed')
                prCommentEnabled = false;
        },
        async previousPackage(artifactName) {
            if (!run.workflowFile)
                return { reason: 'GITHUB_WORKFLOW_REF does not name the workflow file, so its previous runs cannot be listed' };
            const r = await downloadPreviousPackage({
                name: artifactName,
                workflowFileOrId: run.workflowFile,
                token,
                repo,
                baseUrl: run.apiUrl,
                budget,
                excludeRunId: run.runId,
                log
            });
            return r.path !== undefined ? { dir: r.path, source: `artifact ${artifactName} of run ${r.runId}` } : { reason: r.reason };
        },
        async incidents(labels, since) {
            try {
                const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
                    owner: repo.owner,
                    repo: repo.repo,
                    labels: labels.join(','),
                    state: 'all',
                    since: since.toISOString(),
                    per_page: 100
                });
                return issues
                    .filter((i) => !i.pull_request && Date.parse(i.created_at) >= since.getTime())
                    .map((i) => ({
                    id: `#${i.number}`,
                    service: serviceFromLabels(i.labels),
                    title: i.title,
                    started_at: new Date(i.created_at).toISOString(),
                    resolved_at: i.closed_at ? new Date(i.closed_at).toISOString() : undefined,
                    source: `github issues labelled ${labels.join(', ')}`
                }));
            }
            catch (err) {
                throw new Error(`listing incident issues failed: ${describeApiError(err)}`, { cause: err });
            }
        },
        // A re-run's own page, so links from the summary and comment show this attempt.
        runUrl: () => (run.runAttempt > 1 ? `${run.runUrl}/attempts/${run.runAttempt}` : run.runUrl)
    };
}


/***/ })

};
