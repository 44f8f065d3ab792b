export const id = 639;
export const ids = [639];
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

/***/ 13639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  instrumentationPhase: () => (/* binding */ instrumentationPhase)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/json.ts
var json = __webpack_require__(74976);
// EXTERNAL MODULE: ./src/util/yaml-errors.ts
var yaml_errors = __webpack_require__(1801);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var tinyglobby_dist = __webpack_require__(73382);
// EXTERNAL MODULE: ./src/util/workspace.ts
var util_workspace = __webpack_require__(50977);
// EXTERNAL MODULE: ./src/config/credentials.ts
var credentials = __webpack_require__(70980);
// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
;// CONCATENATED MODULE: ./src/config/lines.ts

/** The full parse with positions of a YAML text. */
function positionedYaml(text) {
    const lineCounter = new dist/* LineCounter */.HN();
    return { doc: (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true }), lineCounter };
}
/**
 * Where things are in the YAML text, so each error names its own line. Text read by the fast
 * reader is parsed with positions only when an error first asks for a line.
 */
class YamlLines {
    text;
    parsed;
    constructor(source) {
        this.text = typeof source === 'string' ? source : '';
        this.parsed = typeof source === 'string' ? undefined : source;
    }
    get doc() {
        return (this.parsed ??= positionedYaml(this.text)).doc;
    }
    get lineCounter() {
        return (this.parsed ??= positionedYaml(this.text)).lineCounter;
    }
    /** Line of the deepest node on the path that exists in the document. */
    of(path) {
        for (let n = path.length; n >= 0; n--) {
            const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
            if ((0,dist/* isNode */.Ll)(node) && node.range)
                return this.lineCounter.linePos(node.range[0]).line;
            // A key whose value is empty (`key:`) still has a line: its key's.
            if (n > 0 && n === path.length) {
                const key = this.keyOf(path.slice(0, n - 1), String(path[n - 1]));
                if (key !== undefined)
                    return key;
            }
        }
        return undefined;
    }
    /** Line of a key inside the mapping at `path`. */
    keyOf(path, key) {
        const map = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
        if (!(0,dist/* isMap */.jh)(map))
            return undefined;
        for (const pair of map.items) {
            const k = pair.key;
            if ((0,dist/* isScalar */.jn)(k) && String(k.value) === key && k.range)
                return this.lineCounter.linePos(k.range[0]).line;
        }
        return undefined;
    }
    /** Line of a byte/character offset. */
    at(offset) {
        return this.lineCounter.linePos(offset).line;
    }
}
/** Path from a zod issue to a JSON pointer. */
function pointer(path) {
    return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
;// CONCATENATED MODULE: ./src/config/checks.ts







class Collector {
    file;
    lines;
    errors = [];
    constructor(file, lines) {
        this.file = file;
        this.lines = lines;
    }
    add(path, args) {
        this.errors.push(new util_errors/* InputError */.dz({ file: this.file, line: this.lines.of(path), field: pointer(path), ...args }));
    }
}
function checkBackendRef(c, config, path, name, types, what) {
    if (name === undefined)
        return;
    const names = Object.keys(config.backends);
    const backend = config.backends[name];
    if (!backend) {
        c.add(path, {
            expected: names.length
                ? `the name of a backend in \`backends\` (${names.join(', ')})`
                : 'the name of a backend in `backends` (none is defined)',
            says: `names a backend that does not exist`,
            found: `"${name}"`,
            ...(names.length ? { suggestion: (0,issues/* suggest */.ZA)(name, names, 'backends') } : { suggestion: 'define it under `backends:`' })
        });
        return;
    }
    if (types.length && !types.includes(backend.type)) {
        const fitting = names.filter((n) => types.includes(config.backends[n].type));
        c.add(path, {
            expected: `a ${types.join(' or ')} backend for ${what}`,
            says: `must name a ${types.join(' or ')} backend for ${what}`,
            found: `"${name}", a ${backend.type} backend`,
            ...(fitting.length ? { suggestion: `the ${types.join('/')} backends are ${fitting.map((n) => `\`${n}\``).join(', ')}` } : {})
        });
    }
}
function checkUnique(c, items, base, what) {
    const first = new Map();
    items.forEach((item, i) => {
        const seen = first.get(item.name);
        if (seen === undefined)
            first.set(item.name, i);
        else {
            const line = c.lines.of([...base, seen, 'name']);
            c.add([...base, i, 'name'], {
                expected: `a ${what} name used once`,
                says: `repeats a ${what} name`,
                found: `"${item.name}", already used${line !== undefined ? ` at line ${line}` : ''}`
            });
        }
    });
}
function checkHeaders(c, headers, base) {
    for (const [name, value] of Object.entries(headers)) {
        const path = [...base, name];
        if (value.startsWith('env:')) {
            const variable = value.slice(4);
            if (!credentials/* ENV_NAME */.G1.test(variable) || (0,credentials/* looksLikeCredential */.Pv)(variable)) {
                c.add(path, {
                    expected: 'env:NAME, with NAME the name of the environment variable that holds the value (credentials are never written inline)',
                    found: (0,credentials/* hiddenValue */.ad)(value)
                });
            }
        }
        else if ((0,credentials/* isSensitiveHeader */.yx)(name) || (0,credentials/* looksLikeCredential */.Pv)(value)) {
            c.add(path, {
                expected: `env:NAME for the ${name} header, naming the environment variable that holds it (credentials are never written inline)`,
                found: (0,credentials/* hiddenValue */.ad)(value)
            });
        }
    }
}
/** Every config field that names a file, with its path in the config. */
function configPaths(config) {
    const out = [];
    config.dashboards.files.forEach((v, i) => out.push({ path: ['dashboards', 'files', i], value: v }));
    config.alerting['rule-files'].forEach((v, i) => out.push({ path: ['alerting', 'rule-files', i], value: v }));
    config.openslo.forEach((v, i) => out.push({ path: ['openslo', i], value: v }));
    if (config.incidents.file !== undefined)
        out.push({ path: ['incidents', 'file'], value: config.incidents.file });
    if (config.baseline.previous?.file !== undefined)
        out.push({ path: ['baseline', 'previous', 'file'], value: config.baseline.previous.file });
    out.push({ path: ['runbook', 'path'], value: config.runbook.path });
    return out;
}
const PATH_EXPECTED = 'a path inside the workspace, relative to the repository root';
function checkPathsLexically(c, config) {
    for (const { path, value } of configPaths(config)) {
        if (value.trim() === '') {
            c.add(path, { expected: PATH_EXPECTED, says: 'must not be empty', found: 'an empty path' });
            continue;
        }
        const problem = (0,tinyglobby_dist.isDynamicPattern)(value)
            ? (0,util_workspace/* globEscape */.q6)(value)
            : value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)
                ? `the absolute path ${JSON.stringify(value)}`
                : (0,util_workspace/* lexicalEscape */.e2)('/workspace', value);
        if (problem)
            c.add(path, { expected: PATH_EXPECTED, found: problem });
    }
}
/** The checks that need only the parsed config. */
function checkConfig(config, file, lines) {
    const c = new Collector(file, lines);
    for (const signal of schema/* SIGNALS */._z) {
        const check = config.signals[signal];
        if (!check || check.kind === 'probe')
            continue;
        const types = check.kind === 'promql' ? ['prometheus'] : check.kind === 'logql' ? ['loki'] : [];
        checkBackendRef(c, config, ['signals', signal, 'backend'], check.backend, types, `${check.kind} queries`);
        if (check.kind === 'http' && check.backend === undefined && check.url.startsWith('/')) {
            c.add(['signals', signal, 'url'], {
                expected: 'a full http(s) URL, or a backend for this check to resolve the path against',
                says: 'is a path with no backend to resolve it against',
                found: `"${check.url}"`,
                suggestion: 'set `backend:` on the check, or write the full URL'
            });
        }
    }
    config.slos.forEach((s, i) => checkBackendRef(c, config, ['slos', i, 'backend'], s.backend, ['prometheus'], 'SLO queries'));
    checkBackendRef(c, config, ['baseline', 'backend'], config.baseline.backend, ['prometheus'], 'baseline queries');
    checkBackendRef(c, config, ['alerting', 'rules-backend'], config.alerting['rules-backend'], ['prometheus'], 'reading the rules in force');
    const provider = config.alerting.provider;
    if (provider !== undefined && config.alerting[provider] === undefined) {
        c.add(['alerting', 'provider'], {
            expected: `an alerting.${provider} section for the ${provider} provider`,
            says: `names a provider that is not configured`,
            found: `"${provider}" with no alerting.${provider} section`
        });
    }
    checkUnique(c, config.services, ['services'], 'service');
    checkUnique(c, config.slos, ['slos'], 'SLO');
    checkUnique(c, config.alerting.routes, ['alerting', 'routes'], 'route');
    for (const [name, b] of Object.entries(config.backends))
        checkHeaders(c, b.headers, ['backends', name, 'headers']);
    if (config.alerting.alertmanager)
        checkHeaders(c, config.alerting.alertmanager.headers, ['alerting', 'alertmanager', 'headers']);
    checkPathsLexically(c, config);
    return c.errors;
}
/** The path checks that look at the disk: symbolic links followed, nothing outside the workspace. */
async function checkConfigPathsOnDisk(config, file, lines, workspace) {
    const c = new Collector(file, lines);
    for (const { path, value } of configPaths(config)) {
        if ((0,tinyglobby_dist.isDynamicPattern)(value))
            continue;
        try {
            // The line is looked up only for a refusal: finding it parses the file with positions.
            await (0,util_workspace/* resolveInWorkspace */.z1)(workspace, value, {
                field: pointer(path),
                file,
                get line() {
                    return lines.of(path);
                }
            });
        }
        catch (err) {
            if (err instanceof util_errors/* InputError */.dz)
                c.errors.push(err);
            else
                throw err;
        }
    }
    return c.errors;
}

// EXTERNAL MODULE: ./src/util/plain-yaml.ts
var plain_yaml = __webpack_require__(27798);
// EXTERNAL MODULE: ./src/config/read.ts
var read = __webpack_require__(62000);
;// CONCATENATED MODULE: ./src/config/load.ts











/** Aliases resolved at most, as `yaml` counts them: a few anchors may blow up into billions of nodes. */
const MAX_ALIAS_COUNT = 100;
function defOf(schema) {
    return schema?._zod?.def;
}
/** The keys the schema allows in the mapping at `path` (for "did you mean"). */
function keysAt(schema, path, data) {
    let cur = schema;
    let value = data;
    let i = 0;
    for (let guard = 0; guard < 200; guard++) {
        const def = defOf(cur);
        if (!def)
            return [];
        if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) {
            cur = def.innerType;
            continue;
        }
        if (def.type === 'pipe') {
            cur = def.in;
            continue;
        }
        if (def.type === 'union') {
            const objects = (def.options ?? []).filter((o) => defOf(o)?.type === 'object');
            const disc = def.discriminator;
            const tag = disc !== undefined && value !== null && typeof value === 'object' ? value[disc] : undefined;
            const pick = objects.find((o) => {
                const lit = defOf(defOf(o)?.shape?.[disc ?? '']);
                return lit !== undefined && lit.values?.includes(tag);
            }) ?? objects[0];
            if (!pick)
                return [];
            cur = pick;
            continue;
        }
        if (i === path.length)
            return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
        const key = path[i++];
        value = value !== null && typeof value === 'object' ? value[key] : undefined;
        if (def.type === 'object')
            cur = def.shape?.[String(key)];
        else if (def.type === 'array')
            cur = def.element;
        else if (def.type === 'record')
            cur = def.valueType;
        else
            return [];
    }
    return [];
}
/** The alias that blew the alias budget: the first one whose anchor itself holds aliases, else the first. */
function aliasBombLine(doc, lines) {
    let first;
    let nested;
    (0,dist/* visit */.YR)(doc, {
        Alias(_, node) {
            first ??= node;
            if (nested)
                return dist/* visit */.YR.BREAK;
            const target = node.resolve(doc);
            if ((0,dist/* isCollection */.P3)(target)) {
                let holds = false;
                (0,dist/* visit */.YR)(target, { Alias: () => ((holds = true), dist/* visit */.YR.BREAK) });
                if (holds)
                    nested = node;
            }
            return undefined;
        }
    });
    const hit = nested ?? first;
    return hit?.range ? lines.at(hit.range[0]) : undefined;
}
function yamlErrors(doc, file, lineCounter) {
    const out = [];
    for (const e of doc.errors) {
        out.push(new util_errors/* InputError */.dz({ file, line: (0,yaml_errors/* yamlErrorLine */.C)(e, lineCounter), expected: 'valid YAML', found: (0,yaml_errors/* yamlErrorText */.j)(e) }));
    }
    // A tag yaml does not know (`!!python/object`) is a warning there; here it is a value we cannot use.
    for (const w of doc.warnings) {
        out.push(new util_errors/* InputError */.dz({ file, line: (0,yaml_errors/* yamlErrorLine */.C)(w, lineCounter), expected: 'plain YAML values (no custom tags)', found: (0,yaml_errors/* yamlErrorText */.j)(w) }));
    }
    return out;
}
/** YAML to plain data, with alias bombs and unresolved aliases as input errors at their line. */
function toData(doc, file, lines) {
    try {
        return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (/Excessive alias count/i.test(message)) {
            throw new util_errors/* InputError */.dz({
                file,
                line: aliasBombLine(doc, lines),
                expected: `YAML whose aliases (*name) expand to a sensible size (at most ${MAX_ALIAS_COUNT} expansions)`,
                found: 'aliases that expand to far more nodes than the file holds (an alias bomb); write the values out instead'
            });
        }
        let line;
        (0,dist/* visit */.YR)(doc, {
            Alias(_, node) {
                if (node.resolve(doc) === undefined && node.range) {
                    line = lines.at(node.range[0]);
                    return dist/* visit */.YR.BREAK;
                }
                return undefined;
            }
        });
        if (/alias/i.test(message)) {
            throw new util_errors/* InputError */.dz({
                file,
                line,
                expected: 'every alias (*name) to follow its anchor (&name)',
                found: 'an alias with no anchor before it'
            });
        }
        throw new util_errors/* InputError */.dz({ file, line, expected: 'valid YAML', found: 'a document that cannot be read as plain data' });
    }
}
function parseYaml(text, file) {
    // A fleet's config runs to megabytes: plain YAML takes the fast reader, its lines found on demand.
    const plain = (0,plain_yaml/* readPlainYaml */.g)(text);
    if (plain)
        return { data: plain.value ?? {}, lines: new YamlLines(text) };
    const { doc, lineCounter } = positionedYaml(text);
    const lines = new YamlLines({ doc, lineCounter });
    const errors = yamlErrors(doc, file, lineCounter);
    if (errors.length)
        throw new util_errors/* InputErrors */.G(errors);
    return { data: toData(doc, file, lines), lines };
}
function unknownKeyErrors(issue, data, file, lines) {
    const valid = keysAt(schema/* configSchema */.Qn, issue.path, data);
    return issue.keys.map((key) => {
        const shown = (0,credentials/* looksLikeCredential */.Pv)(key) ? (0,credentials/* hiddenValue */.ad)(key).replace('value', 'key') : `\`${key}\``;
        const suggestion = (0,credentials/* looksLikeCredential */.Pv)(key) ? undefined : (0,issues/* suggest */.ZA)(key, valid, 'keys allowed');
        return new util_errors/* InputError */.dz({
            file,
            line: lines.keyOf(issue.path, key) ?? lines.of(issue.path),
            field: pointer([...issue.path, (0,credentials/* looksLikeCredential */.Pv)(key) ? '(key not shown)' : key]),
            expected: valid.length ? `one of the keys allowed here` : 'no other key here',
            says: 'is not a key the config knows',
            found: `unknown key ${shown}`,
            ...(suggestion ? { suggestion } : {})
        });
    });
}
/** Parse and validate config text. Errors name the line and the field, in plain words. */
function parseConfig(text, file) {
    return parseWithLines(text, file).config;
}
function parseWithLines(text, file, onParsed) {
    const { data, lines } = parseYaml(text, file);
    // Before any error can quote the file: its credentials are masked first.
    onParsed?.(data);
    const result = schema/* configSchema */.Qn.safeParse(data);
    if (!result.success) {
        const errors = [];
        for (const issue of result.error.issues) {
            if (issue.code === 'unrecognized_keys') {
                errors.push(...unknownKeyErrors(issue, data, file, lines));
                continue;
            }
            const plain = (0,issues/* plainIssue */._9)(issue, (0,json/* valueAt */.f)(data, issue.path));
            errors.push(new util_errors/* InputError */.dz({ file, line: lines.of(issue.path), field: pointer(issue.path), ...plain }));
        }
        throw new util_errors/* InputErrors */.G(errors);
    }
    const errors = checkConfig(result.data, file, lines);
    if (errors.length)
        throw new util_errors/* InputErrors */.G(errors);
    return { config: result.data, lines };
}
/**
 * Read the config file. A missing file is an error: defaults alone cannot describe the release.
 * With a workspace, every path the config names is also resolved on disk and refused when it
 * leads outside (a symbolic link included).
 */
async function loadConfig(file, opts = {}) {
    return parseConfigFile(await readConfigText(file), file, opts);
}
/** The config file's text (read by readConfigText) parsed and checked as loadConfig does. */
async function parseConfigFile(text, file, opts = {}) {
    const { config, lines } = parseWithLines(text, file, opts.onParsed);
    if (opts.workspace !== undefined) {
        const errors = await checkConfigPathsOnDisk(config, file, lines, opts.workspace);
        if (errors.length)
            throw new util_errors/* InputErrors */.G(errors);
    }
    return config;
}

// EXTERNAL MODULE: ./src/gates/gates.ts + 1 modules
var gates = __webpack_require__(95803);
// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
;// CONCATENATED MODULE: ./src/model/build.ts

function endpointFrom(value) {
    if (typeof value !== 'string')
        return value;
    return { url: value, method: 'GET', 'expect-status': 200, 'max-latency-ms': 2000, attempts: 3 };
}
/** Endpoints in evidence are sometimes paths ("/api/v2/pay"): only absolute URLs can be probed. */
function isAbsoluteUrl(s) {
    return /^https?:\/\//i.test(s);
}
/**
 * Merge the services the config names with those the deploy evidence names. A service is critical
 * if any source says so: a deploy that marks a service critical cannot be overruled by an old
 * config into skipping its checks.
 */
function buildModel(config, evidence, extraSlos = []) {
    const label = config['service-label'];
    const byName = new Map();
    const get = (name) => {
        let s = byName.get(name);
        if (!s) {
            s = { name, critical: false, new: false, selector: { [label]: name }, endpoints: [], sources: [], risks: [] };
            byName.set(name, s);
        }
        return s;
    };
    const addEndpoint = (s, ep) => {
        if (!s.endpoints.some((e) => e.url === ep.url))
            s.endpoints.push(ep);
    };
    for (const svc of config.services) {
        const s = get(svc.name);
        s.critical ||= svc.critical;
        if (svc.selector)
            s.selector = svc.selector;
        if (svc.owner)
            s.owner = svc.owner;
        for (const ep of svc.endpoints)
            addEndpoint(s, endpointFrom(ep));
        s.sources.push('config');
    }
    const fromEvidence = [
        ...evidence.validation.services.map((svc) => ({ svc, source: 'validation' })),
        ...evidence.report.services.map((svc) => ({ svc, source: 'report' }))
    ];
    for (const { svc, source } of fromEvidence) {
        const s = get(svc.name);
        s.critical ||= svc.critical;
        s.new ||= svc.new;
        for (const ep of svc.endpoints)
            if (isAbsoluteUrl(ep))
                addEndpoint(s, endpointFrom(ep));
        if (!s.sources.includes(source))
            s.sources.push(source);
    }
    for (const risk of evidence.report.risks) {
        const component = risk.component?.toLowerCase();
        if (!component)
            continue;
        const s = [...byName.values()].find((x) => x.name.toLowerCase() === component);
        if (s)
            s.risks.push(risk);
    }
    const release = {
        tag: evidence.report.release.tag ?? evidence.validation.release?.tag,
        commit: evidence.report.release.commit ?? evidence.validation.release?.commit,
        strategy: evidence.report.release.strategy ?? evidence.validation.release?.deploymentType
    };
    const slos = [...config.slos];
    for (const s of extraSlos)
        if (!slos.some((x) => x.name === s.name))
            slos.push(s);
    return {
        environment: evidence.validation.environment ?? config.environment,
        release,
        serviceLabel: label,
        services: [...byName.values()].sort((a, b) => (0,order/* byText */.z)(a.name, b.name)),
        slos
    };
}

// EXTERNAL MODULE: ./src/util/escape.ts
var util_escape = __webpack_require__(55421);
// EXTERNAL MODULE: ./src/report/table.ts
var table = __webpack_require__(790);
// EXTERNAL MODULE: ./src/artifacts/files.ts
var files = __webpack_require__(86404);
;// CONCATENATED MODULE: ./src/report/requirements.ts



/** `monitoring-requirements.md`: KPIs, SLOs and risky components taken from the deploy evidence. */
function renderRequirements(model, evidence, now) {
    const v = evidence.validation;
    const release = [model.release.tag, model.release.commit?.slice(0, 12), model.release.strategy].filter(Boolean).join(' / ');
    return [
        `# Monitoring requirements`,
        '',
        `- Release: ${(0,util_escape/* escapeMarkdown */.FV)(release || 'not named in the evidence')}`,
        `- Environment: ${(0,util_escape/* escapeMarkdown */.FV)(model.environment)}`,
        `- Generated: ${now.toISOString()}`,
        `- Deploy validation: ${(0,util_escape/* escapeMarkdown */.FV)(v.status)} at ${(0,util_escape/* escapeMarkdown */.FV)(v.validationDate)}, success rate ${(0,table/* fmtNumber */.FQ)(v.successRate * 100, 2)}%`,
        `- Health log: metrics ${(0,util_escape/* escapeMarkdown */.FV)(evidence.healthLog.metrics_status.replace('_', ' '))}${evidence.healthLog.soak_window ? `, soak window ${(0,util_escape/* escapeMarkdown */.FV)(evidence.healthLog.soak_window)}` : ''}`,
        '',
        '## Services to observe',
        '',
        (0,table/* mdTable */.gJ)(['Service', 'Critical', 'New', 'Selector', 'Endpoints', 'Named in', 'Risks'], model.services.map((s) => [
            s.name,
            s.critical ? 'yes' : 'no',
            s.new ? 'yes' : 'no',
            Object.entries(s.selector)
                .map(([k, val]) => `${k}="${val}"`)
                .join(', '),
            s.endpoints.map((e) => e.url).join(', '),
            s.sources.join(', '),
            s.risks.map((r) => `${r.severity}: ${r.description}`).join('; ')
        ])),
        '## KPIs claimed by the deploy',
        '',
        (0,table/* mdTable */.gJ)(['Metric', 'Value', 'Source'], [
            ...Object.entries(v.metricsSnapshot).map(([k, val]) => [k, (0,table/* fmtNumber */.FQ)(val), files/* EVIDENCE_INPUTS */.sJ.validation]),
            ...evidence.healthLog.metrics.map((m) => [
                m.name,
                `${m.value}${m.threshold ? ` (threshold ${m.threshold})` : ''}`,
                files/* EVIDENCE_INPUTS */.sJ.healthLog
            ])
        ]),
        '## SLOs',
        '',
        (0,table/* mdTable */.gJ)(['SLO', 'Service', 'Objective', 'Window', 'Good / total'], model.slos.map((s) => [
            s.name,
            s.service,
            `${s.objective}%`,
            s.window,
            s['error-query'] ? `errors: ${s['error-query']}` : `${s['good-query'] ?? '-'} / ${s['total-query'] ?? '-'}`
        ])),
        '## Risky components',
        '',
        (0,table/* mdTable */.gJ)(['Severity', 'Component', 'Risk', 'Mitigation'], evidence.report.risks.map((r) => [r.severity, r.component, r.description, r.mitigation])),
        '## New endpoints',
        '',
        (0,table/* mdList */.Ej)(evidence.report.new_endpoints),
        '## Anomalies and escalations during the soak',
        '',
        (0,table/* mdTable */.gJ)(['Time', 'Observation', 'Decision'], [
            ...evidence.healthLog.anomalies.map((a) => [a.time, a.observation, a.decision]),
            ...evidence.healthLog.escalations.map((e) => [e.time, `escalation: ${e.description}`, e.owner])
        ])
    ].join('\n');
}

// EXTERNAL MODULE: ./src/stats/run-stats.ts
var run_stats = __webpack_require__(46968);
// EXTERNAL MODULE: ./src/util/http.ts
var http = __webpack_require__(44098);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
// EXTERNAL MODULE: ./src/protocol/announce.ts
var announce = __webpack_require__(21313);
// EXTERNAL MODULE: ./src/protocol/hook-review.ts
var hook_review = __webpack_require__(93718);
// EXTERNAL MODULE: ./src/protocol/quality-audit.ts
var quality_audit = __webpack_require__(47043);
;// CONCATENATED MODULE: ./src/protocol/phase1-instrumentation.ts
/** Phase 1: evidence, requirements, coverage, baseline; gate 1. */













/**
 * Phase 1 from the config's text on (run.ts announces the phase and reads the file, so that a
 * missing config is refused before this module loads).
 */
async function instrumentationPhase(run, configText) {
    const { opts, log, steps, now, writer } = run;
    let config;
    let evidence;
    let openSlos;
    let qualityAudit;
    try {
        // Before anything from the config or evidence is logged: the runner must know what to mask,
        // from the parsed file (before a validation error can quote it) and from the config's defaults.
        const mask = (data) => (0,redact/* registerConfigSecrets */.BR)(data, opts.env, (s) => log.setSecret(s));
        config = await parseConfigFile(configText, (0,external_node_path_.resolve)(opts.workspace, opts.configPath), { workspace: opts.workspace, onParsed: mask });
        mask(config);
        (0,http/* setHttpLimits */.R$)({ maxResponseBytes: config.limits['response-max-bytes'], backendConcurrency: config.limits['backend-concurrency'] });
        evidence = await steps.loadEvidence((0,external_node_path_.resolve)(opts.workspace, opts.evidenceDir), {
            maxBytes: config.limits['evidence-max-bytes'],
            markdownMaxBytes: config.limits['evidence-markdown-max-bytes']
        });
        // A bad OpenSLO document is bad input like a bad config: its SLOs would go unchecked.
        openSlos = await steps.loadOpenSlo(config.openslo, opts.workspace);
        const qaFile = config.inputs['quality-audit'];
        if (qaFile) {
            qualityAudit = await (0,quality_audit/* loadQualityAudit */.DR)(qaFile, opts.workspace);
            log.info(`Quality audit (Protocol 4): ${qualityAudit.findings.length} finding(s) from ${qaFile}`);
        }
    }
    catch (err) {
        return run.refuse(err);
    }
    const model = buildModel(config, evidence, openSlos);
    const ctx = {
        config,
        evidence,
        model,
        mode: opts.mode,
        alertTestsApproved: opts.alertTestsApproved,
        outputDir: writer.dir,
        workspace: opts.workspace,
        env: opts.env,
        log,
        now,
        runId: opts.runId,
        once: new Map()
    };
    log.info(`Release ${model.release.tag ?? '(untagged)'} in ${model.environment}: ${model.services.length} service(s), ${model.services.filter((s) => s.critical).length} critical`);
    const requirementsWritten = (await run.writeText(files/* FILES */.cn.requirements, renderRequirements(model, evidence, now()) + (qualityAudit ? (0,quality_audit/* renderQualityRequirements */.CH)(qualityAudit) : ''))) !== undefined;
    log.info(announce/* ANNOUNCE */.eV.coverage);
    const alignment = run.startStep('alert rule alignment', () => steps.alignment(ctx));
    const auditFallback = (reason) => ({
        schema_version: files/* SCHEMA_VERSIONS */.o8.instrumentationAudit,
        audit_date: now().toISOString(),
        environment: model.environment,
        coverage_completeness: 0,
        requests: 0,
        services: [],
        missing_coverage: [],
        not_verified_reason: reason,
        source: 'built-in'
    });
    const audit = await run.liveWithHook({
        what: 'instrumentation audit',
        command: config.hooks['audit-command'],
        commandName: 'audit-command',
        artifact: files/* FILES */.cn.instrumentationAudit,
        script: 'collect_perf.py',
        builtIn: () => steps.audit(ctx),
        builtInStatus: (a) => a.not_verified_reason ? `not verified (${a.not_verified_reason})` : `success (built-in audit, ${a.requests} backend request(s))`,
        fallback: auditFallback,
        timeoutSeconds: config.hooks['timeout-seconds'],
        review: (hook, live) => (0,hook_review/* reviewAuditHook */.r)({ ...hook, hook: hook.data, live, services: model.services.map((s) => s.name), startedAt: run.startedAt, now: now() })
    });
    await run.writeJson(files/* FILES */.cn.instrumentationAudit, audit);
    const previous = await previousBaseline(run, config);
    const baseline = await run.step('baseline capture', () => steps.baseline(ctx, previous), (reason) => ({
        schema_version: files/* SCHEMA_VERSIONS */.o8.baselineMetrics,
        captured_at: now().toISOString(),
        window: config.baseline.window,
        environment: model.environment,
        services: [],
        claims: [],
        requests: 0,
        not_verified_reason: reason
    }));
    await run.writeJson(files/* FILES */.cn.baselineMetrics, baseline);
    const qualityGaps = qualityAudit ? (0,quality_audit/* openFindings */.lb)(qualityAudit, audit).filter(quality_audit/* isHighRiskGap */.mf) : undefined;
    const gate = (0,gates/* evaluateInstrumentationGate */.vm)({ model, audit, requirementsWritten, thresholds: config.gates, qualityGaps });
    (0,announce/* announceGate */.VW)(log, gate);
    return { config, evidence, model, ctx, requirementsWritten, qualityAudit, alignment, audit, baseline, gate };
}
/** The baseline to compare with: a named file, a named artifact, or the previous run's own package. */
async function previousBaseline(run, config) {
    const { opts, steps, log } = run;
    const prevFile = config.baseline.previous?.file;
    if (prevFile) {
        // The file must be in the workspace, symbolic links followed.
        const confined = async () => (await (0,util_workspace/* resolveInWorkspace */.z1)(opts.workspace, prevFile, { field: 'baseline.previous.file' })).abs;
        return run.step('previous baseline', async () => ({ source: prevFile, data: await steps.loadPreviousBaseline(await confined()) }), () => undefined);
    }
    const artifact = config.baseline.previous?.artifact ?? opts.packageArtifact;
    if (!artifact)
        return undefined;
    const found = await (0,run_stats/* inPhase */.xe)('previous-baseline', () => opts.github.previousPackage(artifact));
    if (!('dir' in found)) {
        log.info(`No previous baseline to compare with: ${found.reason}`);
        return undefined;
    }
    return run.step('previous baseline', async () => ({ source: found.source, data: await steps.loadPreviousBaseline((0,external_node_path_.join)(found.dir, files/* FILES */.cn.baselineMetrics)) }), () => undefined);
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


/***/ }),

/***/ 27798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ readPlainYaml)
/* harmony export */ });
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33243);

/**
 * An anchor or alias (`&a`, `*a`), a tag (`!x`, `!!str`), a directive (`%YAML`) or an explicit key
 * (`? k`) anywhere in the text, even inside a quoted string: such text takes the full parser, which
 * bounds alias expansion, reports tags and speaks YAML 1.2 exactly. A false hit (`x *2` in an
 * expression) only costs speed.
 */
const NEEDS_FULL_PARSER = /(?:^|[\s[\]{},])(?:[&*][^\s[\]{},]|!(?:[!\w<])|%|\?\s)/;
/**
 * Plain YAML (maps, lists and scalars, one document) read with js-yaml's core schema, about five
 * times faster than the full parser and with the same data. Undefined when the text needs the full
 * parser or js-yaml refuses it (a duplicate key, bad indentation): the full parser then reads it
 * and its error names the line.
 */
function readPlainYaml(text) {
    if (NEEDS_FULL_PARSER.test(text))
        return undefined;
    try {
        return { value: (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .load */ .Hh)(text, { schema: js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .CORE_SCHEMA */ .OU }) };
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 50977:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kv: () => (/* binding */ expandWorkspacePaths),
/* harmony export */   Q1: () => (/* binding */ globWorkspace),
/* harmony export */   e2: () => (/* binding */ lexicalEscape),
/* harmony export */   q6: () => (/* binding */ globEscape),
/* harmony export */   tA: () => (/* binding */ readWorkspaceText),
/* harmony export */   z1: () => (/* binding */ resolveInWorkspace)
/* harmony export */ });
/* unused harmony export GLOB_MAX_MATCHES */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70017);
/* harmony import */ var _utf8_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19605);




const INSIDE = 'a path inside the workspace (relative to the repository root)';
function inside(root, p) {
    return p === root || p.startsWith(root.endsWith(node_path__WEBPACK_IMPORTED_MODULE_1__.sep) ? root : root + node_path__WEBPACK_IMPORTED_MODULE_1__.sep);
}
function refuse(p, origin, found, expected = INSIDE) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz({ file: origin.file ?? p, line: origin.line, field: origin.field, expected, found });
}
async function realRoot(workspace) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace));
    }
    catch {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace);
    }
}
/** Nearest existing ancestor of a path (the path itself when it exists), with its real path. */
async function nearestReal(abs) {
    let cur = abs;
    let exists = true;
    for (;;) {
        try {
            const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(cur);
            return { real: cur === abs ? real : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(real, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cur, abs)), exists };
        }
        catch (err) {
            const code = err.code;
            if (code !== 'ENOENT' && code !== 'ENOTDIR')
                throw err;
            exists = false;
            const up = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(cur);
            if (up === cur)
                return { real: abs, exists: false };
            cur = up;
        }
    }
}
/** A text is a path that reaches outside, before anything is looked at on disk. */
function lexicalEscape(workspace, p) {
    if (p.includes('\0'))
        return 'a path with a NUL byte';
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace);
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(p) ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(p) : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, p);
    if (!inside(root, abs))
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(p)
            ? `the absolute path ${JSON.stringify(p)}, outside the workspace`
            : `the path ${JSON.stringify(p)}, which leads outside the workspace`;
    return undefined;
}
/**
 * Resolve a path from the config or the evidence inside the workspace. A path that does not exist
 * yet is checked through its nearest existing folder, so nothing is created through a symbolic
 * link that leads outside.
 */
async function resolveInWorkspace(workspace, p, origin) {
    const escape = lexicalEscape(workspace, p);
    if (escape)
        throw refuse(p, origin, escape);
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace);
    const lexical = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(p) ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(p) : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, p);
    const shown = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, lexical) || '.';
    const rootReal = await realRoot(root);
    const { real, exists } = await nearestReal(lexical);
    if (!inside(rootReal, real)) {
        throw refuse(p, origin, `the path ${JSON.stringify(p)}, which goes through a symbolic link that leads outside the workspace`);
    }
    return { abs: real, shown, exists };
}
/** Read a text file named by the config, confined to the workspace, as strict UTF-8. */
async function readWorkspaceText(workspace, p, origin, opts) {
    const { abs, shown, exists } = await resolveInWorkspace(workspace, p, origin);
    const max = opts.maxBytes ?? 16 * 1024 * 1024;
    const where = { field: origin.field };
    if (!exists)
        throw refuse(shown, where, 'no such file', opts.what);
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(abs);
    if (!st.isFile())
        throw refuse(shown, where, st.isDirectory() ? 'a folder' : 'not a regular file', opts.what);
    if (st.size > max)
        throw refuse(shown, where, `a file of ${st.size} bytes (at most ${max} are read)`, opts.what);
    let bytes;
    try {
        bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(abs);
    }
    catch (err) {
        throw refuse(shown, where, `an unreadable file (${err.code ?? 'error'})`, opts.what);
    }
    if (bytes.length > max)
        throw refuse(shown, where, `a file of ${bytes.length} bytes (at most ${max} are read)`, opts.what);
    return { text: (0,_utf8_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeUtf8 */ ._)(bytes, shown, `${opts.what} in UTF-8`), shown, abs };
}
/** A glob pattern names no folder above the workspace. */
function globEscape(pattern) {
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(pattern))
        return `the absolute pattern ${JSON.stringify(pattern)}`;
    if (pattern.split(/[\\/]/).includes('..'))
        return `the pattern ${JSON.stringify(pattern)}, which climbs out with ..`;
    return undefined;
}
/** Most files one glob pattern may match: a listing is bounded like everything else. */
const GLOB_MAX_MATCHES = 1000;
/**
 * Files matching a glob in the workspace. Symbolic links are not followed while listing (a link
 * to `/` cannot make the listing walk the whole disk), and each match is confined like a path.
 */
async function globWorkspace(workspace, pattern, origin) {
    const escape = globEscape(pattern);
    if (escape)
        throw refuse(pattern, origin, escape, 'a glob pattern inside the workspace (relative to the repository root)');
    const { glob } = await __webpack_require__.e(/* import() */ 382).then(__webpack_require__.bind(__webpack_require__, 73382));
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace);
    const matched = await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, followSymbolicLinks: false, deep: 32 });
    if (matched.length > GLOB_MAX_MATCHES) {
        throw refuse(pattern, origin, `${matched.length} matching files`, `a pattern matching at most ${GLOB_MAX_MATCHES} files`);
    }
    const out = [];
    for (const m of matched.sort()) {
        // Listing without following links still reports a file whose own name is a link on some systems.
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(m).catch(() => undefined);
        if (!info)
            continue;
        out.push(await resolveInWorkspace(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, m), origin));
    }
    return out;
}
/**
 * Every file a list of config paths or globs names, each confined; a refused path is an error
 * of its own, so the others are still read.
 */
async function expandWorkspacePaths(workspace, patterns, origin) {
    const { isDynamicPattern } = await __webpack_require__.e(/* import() */ 382).then(__webpack_require__.bind(__webpack_require__, 73382));
    const files = [];
    const errors = [];
    const seen = new Set();
    for (const [i, p] of patterns.entries()) {
        let found;
        try {
            found = isDynamicPattern(p) ? await globWorkspace(workspace, p, origin(i)) : [await resolveInWorkspace(workspace, p, origin(i))];
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz) {
                errors.push(err);
                continue;
            }
            throw err;
        }
        for (const f of found) {
            if (seen.has(f.abs))
                continue;
            seen.add(f.abs);
            files.push({ ...f, pattern: p });
        }
    }
    return { files, errors };
}


/***/ }),

/***/ 1801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ yamlErrorLine),
/* harmony export */   j: () => (/* binding */ yamlErrorText)
/* harmony export */ });
/**
 * A YAML parser error in plain words, without the text of the file: some of the parser's
 * messages quote the offending source (`Unexpected scalar token in YAML stream: "root:x:0:0"`),
 * and a file that was refused must not be shown in a summary or an issue.
 */
const PLAIN = {
    MULTIPLE_DOCS: 'more than one YAML document (a second `---` line); this file holds one',
    TAB_AS_INDENT: 'a tab used for indentation (YAML indents with spaces)',
    DUPLICATE_KEY: 'Map keys must be unique: a key appears twice in the same mapping',
    KEY_OVER_1024_CHARS: 'a key longer than 1024 characters'
};
function yamlErrorText(e) {
    const plainText = PLAIN[e.code];
    if (plainText)
        return plainText;
    const first = (e.message.split('\n')[0] ?? '').replace(/\s+at line \d+, column \d+:?.*$/, '');
    const plain = first
        .replace(/:\s*"[^"]*"?\s*$/, '')
        .replace(/\s*"[^"]*"/g, '')
        .replace(/\s*'[^']*'/g, '')
        .trim();
    return plain || e.code;
}
/** Line (1-based) of a YAML error. */
function yamlErrorLine(e, lineCounter) {
    return e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
}


/***/ })

};
