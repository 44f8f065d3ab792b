export const id = 980;
export const ids = [980,976];
export const modules = {

/***/ 66980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadEvidence: () => (/* binding */ loadEvidence)
});

// UNUSED EXPORTS: EVIDENCE_FILES, HEALTH_LOG_FILE, REPORT_FILE, VALIDATION_FILE, parseDeploymentReport, parseHealthLog, parseValidation

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/utf8.ts
var utf8 = __webpack_require__(19605);
// EXTERNAL MODULE: ./src/evidence/markdown.ts + 4 modules
var markdown = __webpack_require__(21174);
// EXTERNAL MODULE: ./src/package/schemas.ts + 2 modules
var schemas = __webpack_require__(46616);
// EXTERNAL MODULE: ./src/util/json.ts
var json = __webpack_require__(74976);
;// CONCATENATED MODULE: ./src/evidence/schema-check.ts


// Evidence schemas are validated by the action's one validator (package/schemas.ts, schemaValidator);
// this module turns its errors into input errors that name the place, the expected and the found.
/** Read the value a JSON pointer names; undefined when it does not exist. */
function valueAtPointer(data, pointer) {
    if (pointer === '')
        return data;
    return (0,json/* valueAt */.f)(data, pointer
        .split('/')
        .slice(1)
        .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~')));
}
function escapePointerToken(token) {
    return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
function expectedFor(e) {
    const custom = e.parentSchema?.['x-expected'];
    if (typeof custom === 'string' && e.keyword !== 'required')
        return custom;
    const p = e.params;
    switch (e.keyword) {
        case 'required':
            return `the property ${JSON.stringify(p.missingProperty)} (required)`;
        case 'type':
            return `a value of type ${String(p.type).replace(/,/g, ' or ')}`;
        case 'enum':
            return `one of ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
        case 'const':
            return `the value ${JSON.stringify(p.allowedValue)}`;
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
            return `a number ${String(p.comparison)} ${String(p.limit)}`;
        case 'format':
            return `a string in ${String(p.format)} format`;
        case 'minItems':
            return `at least ${String(p.limit)} item(s)`;
        case 'maxItems':
            return `at most ${String(p.limit)} item(s)`;
        case 'minLength':
            return p.limit === 1 ? 'a non-empty string' : `a string of at least ${String(p.limit)} characters`;
        case 'pattern':
            return `a string matching ${String(p.pattern)}`;
        case 'additionalProperties':
            return `no property ${JSON.stringify(p.additionalProperty)}`;
        case 'anyOf':
        case 'oneOf':
            return 'a value in one of the allowed forms';
        default:
            return e.message ?? `a value satisfying ${e.keyword}`;
    }
}
/**
 * Turn ajv errors into one issue per location. For anyOf/oneOf, the branch errors at the same
 * place are noise: the combined error (with its `x-expected`) says it better.
 */
function schemaIssues(errors, original) {
    const combined = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
    const out = [];
    const seen = new Set();
    for (const e of errors) {
        const inCombinator = e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && /\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath);
        if (inCombinator && combined.has(e.instancePath))
            continue;
        let pointer = e.instancePath;
        let found;
        if (e.keyword === 'required') {
            const missing = String(e.params.missingProperty);
            pointer = `${e.instancePath}/${escapePointerToken(missing)}`;
            found = 'nothing (missing)';
        }
        else if (e.keyword === 'additionalProperties') {
            const extra = String(e.params.additionalProperty);
            pointer = `${e.instancePath}/${escapePointerToken(extra)}`;
            found = `an unknown property ${JSON.stringify(extra)}`;
        }
        else {
            found = (0,util_errors/* describeValue */.bp)(valueAtPointer(original, e.instancePath));
        }
        const key = `${pointer}\u0000${e.keyword}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({ pointer, expected: expectedFor(e), found, keyword: e.keyword });
    }
    return out;
}
/** Display form of a JSON pointer: the root is "/" rather than the empty string. */
function displayPointer(pointer) {
    return pointer === '' ? '/' : pointer;
}
function issuesToErrors(file, issues) {
    return issues.map((i) => new util_errors/* InputError */.dz({ file, field: displayPointer(i.pointer), expected: i.expected, found: i.found }));
}

;// CONCATENATED MODULE: ./src/evidence/extracted-check.ts




/** Origins by JSON pointer into the extracted structure; lookup uses the longest known prefix. */
class Origins {
    map = new Map();
    set(pointer, origin) {
        this.map.set(pointer, origin);
    }
    resolve(pointer) {
        let p = pointer;
        for (;;) {
            const o = this.map.get(p);
            if (o)
                return o;
            const cut = p.lastIndexOf('/');
            if (cut <= 0)
                return undefined;
            p = p.slice(0, cut);
        }
    }
}
function sectionLabel(heading, depth) {
    return `section "${'#'.repeat(depth)} ${heading}"`;
}
/**
 * Validate what was extracted from a Markdown file against its schema. A missing required
 * section is named by its heading; other problems by the section (and line) they came from.
 */
function checkExtracted(schemaFile, data, file, origins, required, headingsFound) {
    const validate = (0,schemas/* schemaValidator */.Ki)(schemaFile);
    if (validate(data))
        return;
    const headings = headingsFound.length > 0 ? `headings found: ${headingsFound.map((h) => `"${h}"`).join(', ')}` : 'no headings at all';
    const errors = schemaIssues(validate.errors ?? [], data).map((issue) => {
        const top = issue.pointer.split('/')[1] ?? '';
        const req = required[top];
        if (issue.keyword === 'required' && issue.pointer === `/${top}` && req) {
            return new util_errors/* InputError */.dz({
                file,
                field: `heading "${req.heading}"`,
                expected: req.expected,
                found: `no such section (${headings})`
            });
        }
        const origin = origins.resolve(issue.pointer);
        return new util_errors/* InputError */.dz({
            file,
            line: origin?.line,
            field: origin ? `${origin.label} (${displayPointer(issue.pointer)})` : displayPointer(issue.pointer),
            expected: issue.expected,
            found: issue.found
        });
    });
    throw new util_errors/* InputErrors */.G(errors);
}
/**
 * Entries of a list section (anomalies, risks, timeline...), from its tables and its bullets,
 * each recorded with the heading and line it came from for error messages.
 */
function listFromSections(sections, pointer, origins, fromText, fromRow) {
    const out = [];
    for (const section of sections) {
        const label = sectionLabel(section.heading, section.depth);
        const add = (v, line) => {
            if (v === undefined)
                return;
            origins.set(`${pointer}/${out.length}`, { label, line });
            out.push(v);
        };
        for (const t of (0,markdown/* tablesIn */.N$)(section.nodes))
            for (const r of t.rows)
                add(fromRow(r.cells, t.headers), r.line);
        for (const item of (0,markdown/* itemsIn */.Un)(section.nodes))
            add(fromText(item.full), item.line);
    }
    return out;
}

// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(26518);
;// CONCATENATED MODULE: ./src/evidence/normalise.ts
const PASS = new Set(['pass', 'passed', 'passing', 'success', 'successful', 'succeeded', 'ok', 'green']);
const FAIL = new Set(['fail', 'failed', 'failing', 'failure', 'error', 'red']);
const WARN = new Set(['warn', 'warning', 'warnings', 'degraded', 'yellow']);
/** pass/fail/warn from the spellings deploy tools use; undefined for anything else. */
function normaliseCheckStatus(value) {
    const v = value.trim().toLowerCase();
    if (PASS.has(v))
        return 'pass';
    if (FAIL.has(v))
        return 'fail';
    if (WARN.has(v))
        return 'warn';
    return undefined;
}
/**
 * A success rate as a fraction. Values up to 1 are already fractions (so 1 means 100%), larger
 * ones are percents. The caller has checked the 0..100 range.
 */
function successRateFraction(value) {
    return value <= 1 ? value : value / 100;
}
function normaliseSeverity(text) {
    const t = text.toLowerCase();
    if (/\b(critical|crit|blocker|sev-?0|sev-?1|p0)\b|🔴/u.test(t))
        return 'critical';
    if (/\b(high|major|sev-?2|p1)\b|🟠/u.test(t))
        return 'high';
    if (/\b(medium|med|moderate|sev-?3|p2)\b|🟡/u.test(t))
        return 'medium';
    if (/\b(low|minor|sev-?4|sev-?5|p3|p4)\b|🟢/u.test(t))
        return 'low';
    return 'unknown';
}
/** A severity word at the start of a text, used to split "High: payments ..." in bullets. */
const SEVERITY_WORD = /^(critical|crit|blocker|high|major|medium|med|moderate|low|minor|sev-?\d|p\d)\b/i;
/** Durations in evidence text are read by the one duration module. */

/** "240ms" -> 240 ms; "1,200 req/s" -> 1200 req/s; "0.4%" -> 0.4 %. */
function parseMeasure(text) {
    const m = /^[<>≤≥~≈=]*\s*(-?\d[\d,]*(?:\.\d+)?|-?\.\d+)\s*([^\s(]*)/u.exec(text.trim());
    if (!m || m[1] === undefined)
        return {};
    const n = Number(m[1].replace(/,/g, ''));
    if (!Number.isFinite(n))
        return {};
    const unit = m[2] ? m[2].replace(/[.,;]+$/, '') : '';
    return unit ? { numeric_value: n, unit } : { numeric_value: n };
}
/** Status of a metric row from words or emoji: ok, warn, breached; undefined if none is said. */
function normaliseMetricStatus(text) {
    const t = text.toLowerCase();
    if (/❌|🔴|✗|✘|\b(breach(ed)?|violat(ed|ion)|fail(ed|ing)?|exceed(ed|s)?|over (slo|threshold|budget)|critical|red)\b/u.test(t))
        return 'breached';
    if (/⚠|🟡|\b(warn(ing)?|degraded|at risk|near(ing)? (threshold|limit)|yellow)\b/u.test(t))
        return 'warn';
    if (/✅|✔|☑|🟢|\b(ok|okay|pass(ed)?|healthy|good|green|within (slo|threshold|target|budget|limits?)|met|meets|normal|nominal)\b/u.test(t))
        return 'ok';
    return undefined;
}
/** Overall metrics status from a sentence such as "All metrics within SLO" or "SLO breached". */
function normaliseMetricsStatus(text) {
    const t = text.toLowerCase().replace(/[_-]/g, ' ');
    if (/\bunknown\b|\bno data\b/.test(t))
        return 'unknown';
    if (/\b(breach(ed|es)?|violat(ed|ion)|outside|exceed(ed)?|not within|failed|red)\b|❌/u.test(t))
        return 'breached';
    if (/\b(within( the)? (slos?|thresholds?|targets?|budgets?|limits?)|healthy|green|all (metrics )?(ok|green|passing|nominal)|met|pass(ed)?|ok)\b|✅/u.test(t))
        return 'within_slo';
    return undefined;
}
/**
 * A yes/no cell such as the "Critical" column. Undefined when the text says neither, so the caller
 * can report it rather than guess.
 */
function parseYesNo(text) {
    const t = text.trim().toLowerCase();
    if (t === '' || /^(-|—|–|n\/a|none)$/.test(t))
        return false;
    // Emoji are not word characters, so the end of a word is spelled out instead of \b.
    const end = '(?=$|[\\s,.;:()/-])';
    if (new RegExp(`^(yes|y|true|✅|✔️?|✓|☑️?|x|critical|tier[ -]?[01]|p0|p1|high|new|added)${end}`, 'u').test(t))
        return true;
    if (new RegExp(`^(no|n|false|❌|✗|✘|non[- ]?critical|not critical|tier[ -]?[2-9]|low|changed|existing|modified|updated)${end}`, 'u').test(t))
        return false;
    return undefined;
}

// EXTERNAL MODULE: ./src/artifacts/files.ts
var files = __webpack_require__(86404);
;// CONCATENATED MODULE: ./src/evidence/health-log.ts





const HEALTH_LOG_FILE = files/* EVIDENCE_INPUTS */.sJ.healthLog;
/** Heading wording seen in health logs; order matters ("Observation window" is not anomalies). */
const HEADINGS = [
    ['soak', /\b(soak|bake)\b|\b(observation|monitoring|watch|verification) (window|period)\b/],
    ['escalations', /\bescalat|\bpag(ed|es|ing)\b|\bon ?call\b/],
    ['anomalies', /\banomal|\bincidents?\b|\bobservations?\b|\bissues?\b|\bdeviations?\b|\bevents?\b/],
    ['metrics', /\bmetrics?\b|\bslos?\b|\bslis?\b|\bkpis?\b|\bgolden signals?\b|\bhealth\b|\bmeasurements?\b|\btelemetry\b/]
];
function classify(heading) {
    return HEADINGS.find(([, re]) => re.test(heading))?.[0];
}
function metricFromCells(name, value, threshold, statusText) {
    const row = { name, value, ...parseMeasure(value) };
    if (threshold && !/^(-|—|–|n\/a|none)$/i.test(threshold.trim()))
        row.threshold = threshold;
    if (statusText) {
        row.status_text = statusText;
        const status = normaliseMetricStatus(statusText);
        if (status)
            row.status = status;
    }
    return row;
}
const THRESHOLD_IN_PARENS = /\(\s*(?:threshold|slo|target|limit|max(?:imum)?|budget|objective)\b\s*[:=]?\s*([^)]*)\)/i;
const THRESHOLD_INLINE = /\b(?:threshold|slo|target|limit|budget|objective)\b\s*[:=]?\s*([<>≤≥]?=?\s*[\d.,]+\s*(?:(?!\uFE0F)[^\s,;)✅❌⚠])*)/iu;
const STATUS_MARKS = /(✅|❌|⚠️?|🟢|🟡|🔴|✔️?|✗|✘)/gu;
/** "- **p95 latency**: 240ms (threshold 300ms) ✅" and plain "- Error rate: 0.2% (SLO < 1%) OK". */
function metricFromItem(item) {
    let name;
    let rest;
    if (item.lead && item.text.startsWith(item.lead)) {
        name = item.lead.replace(/:$/, '');
        rest = (0,markdown/* trimSeparators */.R)(item.text.slice(item.lead.length));
    }
    else {
        const sep = /^(.+?)\s*(?::|—|–|=|\s-\s)\s*(.+)$/.exec(item.text);
        const bare = /^(.+?)\s+([<>≤≥~]?\d.*)$/.exec(item.text);
        const m = sep ?? bare;
        if (!m)
            return undefined;
        name = m[1].trim();
        rest = m[2].trim();
    }
    if (!name || !rest)
        return undefined;
    const marks = rest.match(STATUS_MARKS) ?? [];
    const threshold = (THRESHOLD_IN_PARENS.exec(rest)?.[1] ?? THRESHOLD_INLINE.exec(rest)?.[1])?.trim();
    const valuePart = rest
        .replace(THRESHOLD_IN_PARENS, ' ')
        .replace(STATUS_MARKS, ' ')
        .split(/\s[—–]\s|[(;,]|\s\|\s/)[0]
        .replace(THRESHOLD_INLINE, ' ')
        .trim();
    // A status sentence ("All metrics within SLO") is not a metric row.
    if (!valuePart || (!/\d/.test(valuePart) && !item.lead))
        return undefined;
    const statusText = marks.length > 0 ? marks.join(' ') : normaliseMetricStatus(rest.replace(valuePart, '')) ? rest.replace(valuePart, '').trim() : undefined;
    return metricFromCells(name, valuePart, threshold, statusText ? (0,markdown/* trimSeparators */.R)(statusText) : undefined);
}
function metricsFrom(section, origins, rows) {
    const label = sectionLabel(section.heading, section.depth);
    const add = (row, line) => {
        origins.set(`/metrics/${rows.length}`, { label, line });
        rows.push(row);
    };
    for (const t of (0,markdown/* tablesIn */.N$)(section.nodes)) {
        const nameCol = (0,markdown/* column */.fi)(t.headers, [/\bmetric\b|\bname\b|\bsignal\b|\bindicator\b|\bsli\b|\bkpi\b|\bcheck\b/]) ?? 0;
        const statusCol = (0,markdown/* column */.fi)(t.headers, [/\bstatus\b|\bstate\b|\bverdict\b|\bresult\b|\bok\b|\bwithin\b/], [nameCol]);
        const thresholdCol = (0,markdown/* column */.fi)(t.headers, [/\bthreshold\b|\bslo\b|\btarget\b|\blimit\b|\bbudget\b|\bobjective\b|\bmax\b|\bexpected\b/], [nameCol]);
        const taken = [nameCol, statusCol, thresholdCol].filter((c) => c !== undefined);
        const valueCol = (0,markdown/* column */.fi)(t.headers, [/\bvalue\b|\bobserved\b|\bactual\b|\bcurrent\b|\bmeasured\b|\breading\b|\bp\d+\b|\bavg\b/], taken) ??
            t.headers.findIndex((_, i) => !taken.includes(i));
        for (const r of t.rows) {
            const name = r.cells[nameCol] ?? '';
            const value = valueCol >= 0 ? (r.cells[valueCol] ?? '') : '';
            if (!name && !value)
                continue;
            const statusCell = statusCol !== undefined ? r.cells[statusCol] : undefined;
            // Without a status column, a ✅/❌ anywhere in the row still says how it went.
            const statusText = statusCell || (r.cells.join(' ').match(STATUS_MARKS) ?? []).join(' ') || undefined;
            add(metricFromCells(name, value, thresholdCol !== undefined ? r.cells[thresholdCol] || undefined : undefined, statusText), r.line);
        }
    }
    for (const item of (0,markdown/* itemsIn */.Un)(section.nodes)) {
        const row = metricFromItem(item);
        if (row)
            add(row, item.line);
    }
}
function statusStatements(doc, metrics) {
    const nodes = [...doc.preamble, ...doc.sections.flatMap((s) => s.nodes)];
    for (const kv of (0,markdown/* keyValuesIn */.LJ)(nodes)) {
        if (/^(overall_|metrics_|slo_|health_)?(status|result|verdict)$|^slo(_compliance)?$/.test(kv.key)) {
            const s = normaliseMetricsStatus(kv.value);
            if (s)
                return s;
        }
    }
    for (const section of metrics) {
        for (const p of (0,markdown/* paragraphsIn */.Tr)(section.nodes)) {
            const s = normaliseMetricsStatus(p.text);
            if (s)
                return s;
        }
        for (const item of (0,markdown/* itemsIn */.Un)(section.nodes)) {
            if (metricFromItem(item))
                continue;
            const s = normaliseMetricsStatus(item.text);
            if (s)
                return s;
        }
    }
    return undefined;
}
function anomalyFromText(text) {
    if ((0,markdown/* saysNone */.pD)(text))
        return undefined;
    const { time, rest } = (0,markdown/* splitTime */.SB)((0,markdown/* collapse */.ap)(text));
    const decisionRe = /(?:^|[\s;.,—–(-])(?:decision|action|outcome|resolution|response)\s*[:=]\s*(.+?)\)?$|\s*(?:→|=>|->)\s*(.+)$/is;
    const m = decisionRe.exec(rest);
    const observation = (0,markdown/* trimSeparators */.R)((m ? rest.slice(0, m.index) : rest).replace(/\n+/g, ' '));
    const anomaly = { observation: observation || rest };
    if (time)
        anomaly.time = time;
    const decision = (m?.[1] ?? m?.[2])?.trim();
    if (decision)
        anomaly.decision = decision.replace(/\n+/g, ' ');
    return anomaly;
}
function escalationFromText(text) {
    if ((0,markdown/* saysNone */.pD)(text))
        return undefined;
    const { time, rest } = (0,markdown/* splitTime */.SB)((0,markdown/* collapse */.ap)(text));
    const owner = /\b(?:owner|assignee)\s*[:=]\s*(@?[\w./-]+)/i.exec(rest)?.[1] ??
        /\b(?:escalated|assigned|handed over) to\s+(@?[\w./-]+)/i.exec(rest)?.[1] ??
        /(?:^|\s)(@[\w-]+(?:\/[\w-]+)?)/.exec(rest)?.[1];
    const escalation = { description: (0,markdown/* trimSeparators */.R)(rest.replace(/\n+/g, ' ')) };
    if (time)
        escalation.time = time;
    if (owner)
        escalation.owner = owner.trim();
    return escalation;
}
function anomalyFromRow(cells, headers) {
    const timeCol = (0,markdown/* column */.fi)(headers, [/\btime\b|\bwhen\b|\btimestamp\b|\bat\b/]);
    const decisionCol = (0,markdown/* column */.fi)(headers, [/\bdecision\b|\baction\b|\boutcome\b|\bresolution\b|\bresponse\b/]);
    const taken = [timeCol, decisionCol].filter((c) => c !== undefined);
    const obsCol = (0,markdown/* column */.fi)(headers, [/\bobservation\b|\banomaly\b|\bdescription\b|\bissue\b|\bwhat\b|\bsymptom\b|\bdetails?\b/], taken) ??
        headers.findIndex((_, i) => !taken.includes(i));
    const observation = cells[obsCol] ?? '';
    if (!observation || (0,markdown/* saysNone */.pD)(observation))
        return undefined;
    const a = { observation };
    if (timeCol !== undefined && cells[timeCol])
        a.time = cells[timeCol];
    if (decisionCol !== undefined && cells[decisionCol])
        a.decision = cells[decisionCol];
    return a;
}
function escalationFromRow(cells, headers) {
    const timeCol = (0,markdown/* column */.fi)(headers, [/\btime\b|\bwhen\b|\btimestamp\b|\bat\b/]);
    const ownerCol = (0,markdown/* column */.fi)(headers, [/\bowner\b|\bassignee\b|\bto\b|\bescalated to\b|\bwho\b|\bon ?call\b/]);
    const taken = [timeCol, ownerCol].filter((c) => c !== undefined);
    const descCol = (0,markdown/* column */.fi)(headers, [/\bdescription\b|\bescalation\b|\breason\b|\bissue\b|\bwhat\b|\bdetails?\b/], taken) ??
        headers.findIndex((_, i) => !taken.includes(i));
    const description = cells[descCol] ?? '';
    if (!description || (0,markdown/* saysNone */.pD)(description))
        return undefined;
    const e = { description };
    if (timeCol !== undefined && cells[timeCol])
        e.time = cells[timeCol];
    if (ownerCol !== undefined && cells[ownerCol])
        e.owner = cells[ownerCol];
    return e;
}
function soakFrom(doc) {
    const fm = doc.frontMatter.soak_window ?? doc.frontMatter.soak ?? doc.frontMatter.observation_window;
    if (typeof fm === 'string' || typeof fm === 'number') {
        return { text: typeof fm === 'number' ? `${fm} seconds` : fm, origin: { label: 'front matter "soak_window"' } };
    }
    const soak = (0,markdown/* findSections */.Kd)(doc, 'soak')[0];
    if (soak) {
        const label = sectionLabel(soak.heading, soak.depth);
        const kv = (0,markdown/* keyValuesIn */.LJ)(soak.nodes).find((k) => /duration|window|period|length|soak/.test(k.key));
        if (kv)
            return { text: kv.value, origin: { label, line: kv.line } };
        const first = [...(0,markdown/* paragraphsIn */.Tr)(soak.nodes), ...(0,markdown/* itemsIn */.Un)(soak.nodes).map((i) => ({ text: i.text, line: i.line }))][0];
        if (first?.text)
            return { text: first.text, origin: { label, line: first.line } };
        // The heading itself may say it: "## Soak window: 30 minutes".
        const inHeading = /[:—–-]\s*(.+)$/.exec(soak.heading)?.[1];
        if (inHeading)
            return { text: inHeading, origin: { label, line: soak.line } };
    }
    const nodes = [...doc.preamble, ...doc.sections.flatMap((s) => s.nodes)];
    const kv = (0,markdown/* keyValuesIn */.LJ)(nodes).find((k) => /^(soak|bake|observation|monitoring)(_(window|period|time|duration))?$/.test(k.key));
    if (kv)
        return { text: kv.value, origin: { label: `the line "${kv.key}"`, line: kv.line } };
    return undefined;
}
/** Parse `deployment-health-log.md` text. `file` is used in error messages. */
function parseHealthLog(text, file) {
    const doc = (0,markdown/* parseMarkdown */.Dd)(text, file, classify);
    const origins = new Origins();
    const metricSections = (0,markdown/* findSections */.Kd)(doc, 'metrics');
    let metrics;
    if (metricSections.length > 0) {
        metrics = [];
        for (const s of metricSections)
            metricsFrom(s, origins, metrics);
        origins.set('/metrics', { label: sectionLabel(metricSections[0].heading, metricSections[0].depth), line: metricSections[0].line });
    }
    // Front matter wins for the fields it gives; the rows are the evidence, so one breached row
    // makes the whole status breached whatever a sentence claims.
    const fmStatus = doc.frontMatter.metrics_status ?? doc.frontMatter.slo_status;
    let metricsStatus;
    if (fmStatus !== undefined) {
        metricsStatus = typeof fmStatus === 'string' ? normaliseMetricsStatus(fmStatus) : undefined;
        if (metricsStatus === undefined) {
            throw new util_errors/* InputError */.dz({
                file,
                field: 'front matter "metrics_status"',
                expected: 'within SLO, breached or unknown',
                found: JSON.stringify(fmStatus)
            });
        }
    }
    else {
        metricsStatus = statusStatements(doc, metricSections);
    }
    const rows = metrics ?? [];
    if (rows.some((r) => r.status === 'breached'))
        metricsStatus = 'breached';
    else if (metricsStatus === undefined) {
        metricsStatus = rows.length > 0 && rows.every((r) => r.status === 'ok') ? 'within_slo' : 'unknown';
    }
    const extracted = {
        metrics_status: metricsStatus,
        anomalies: listFromSections((0,markdown/* findSections */.Kd)(doc, 'anomalies'), '/anomalies', origins, anomalyFromText, anomalyFromRow),
        escalations: listFromSections((0,markdown/* findSections */.Kd)(doc, 'escalations'), '/escalations', origins, escalationFromText, escalationFromRow)
    };
    if (metrics)
        extracted.metrics = metrics;
    const soak = soakFrom(doc);
    if (soak) {
        extracted.soak_window = soak.text;
        origins.set('/soak_window', soak.origin);
        origins.set('/soak_window_seconds', soak.origin);
        const seconds = (0,duration/* parseLooseDurationSeconds */.jY)(soak.text);
        if (seconds !== undefined)
            extracted.soak_window_seconds = seconds;
    }
    checkExtracted(files/* SCHEMA_FILES */.cU.deploymentHealthLog, extracted, file, origins, {
        metrics: {
            heading: '## Metrics',
            expected: 'a metrics section (a heading such as "Metrics", "SLO Metrics" or "Health Metrics") with a table or bullet list of metric values'
        }
    }, doc.sections.map((s) => s.heading));
    const result = {
        metrics_status: metricsStatus,
        metrics: extracted.metrics,
        anomalies: extracted.anomalies,
        escalations: extracted.escalations
    };
    if (extracted.soak_window !== undefined)
        result.soak_window = extracted.soak_window;
    if (extracted.soak_window_seconds !== undefined)
        result.soak_window_seconds = extracted.soak_window_seconds;
    return result;
}

;// CONCATENATED MODULE: ./src/evidence/report.ts






const REPORT_FILE = files/* EVIDENCE_INPUTS */.sJ.report;
/** Heading wording seen in deploy reports; the first match wins. */
const report_HEADINGS = [
    ['timeline', /\btimeline\b|\bchronology\b|\bsequence of events\b|\bdeploy(ment)? log\b|\bevents\b/],
    ['risks', /\brisks?\b|\bknown issues\b|\bconcerns\b/],
    ['endpoints', /^(new |added |changed )?(service |api |health )?(endpoints?|urls?|routes?)\b/],
    ['services', /\bservices?\b|\bcomponents?\b|\bchanges\b|\bscope\b|\bendpoints?\b/],
    ['release', /\brelease\b|\bdeploy(ment)? (summary|details|info|information|overview|metadata)\b|\bsummary\b|\boverview\b|\bversion\b/]
];
function report_classify(heading) {
    return report_HEADINGS.find(([, re]) => re.test(heading))?.[0];
}
const TAG_KEYS = /^(release|tag|version|release_tag|release_version|git_tag|release_name)$/;
const COMMIT_KEYS = /^(commit|sha|git_sha|commit_sha|revision|git_commit|commit_id)$/;
const STRATEGY_KEYS = /^(strategy|deployment_strategy|deploy_strategy|rollout|rollout_strategy|deployment_type|deploy_type|type|method)$/;
function releaseFrom(doc, origins) {
    const section = (0,markdown/* findSections */.Kd)(doc, 'release')[0];
    const release = {};
    const set = (field, value, origin) => {
        release[field] = value.replace(/^`|`$/g, '').trim();
        origins.set(`/release/${field}`, origin);
    };
    const sources = [
        { nodes: doc.preamble, label: 'the text before the first section' }
    ];
    if (section)
        sources.push({ nodes: section.nodes, label: sectionLabel(section.heading, section.depth) });
    for (const src of sources) {
        for (const kv of (0,markdown/* keyValuesIn */.LJ)(src.nodes)) {
            const origin = { label: src.label, line: kv.line };
            if (TAG_KEYS.test(kv.key))
                set('tag', kv.value, origin);
            else if (COMMIT_KEYS.test(kv.key))
                set('commit', kv.value, origin);
            else if (STRATEGY_KEYS.test(kv.key))
                set('strategy', kv.value, origin);
        }
    }
    // "## Release v2.4.0" or a bare "v2.4.0" line in the release section.
    if (section && release.tag === undefined) {
        const texts = [section.heading, ...(0,markdown/* paragraphsIn */.Tr)(section.nodes).map((p) => p.text)];
        const version = texts.map((t) => /\bv?\d+\.\d+\.\d+(?:[-+][\w.-]+)?\b/.exec(t)?.[0]).find((v) => v !== undefined);
        if (version)
            set('tag', version, { label: sectionLabel(section.heading, section.depth), line: section.line });
    }
    // Front matter wins over the body for the same field.
    const fm = doc.frontMatter;
    const fmRelease = fm.release;
    const fmFields = (0,json/* isObject */.G)(fmRelease)
        ? Object.fromEntries(Object.entries(fmRelease).map(([k, v]) => [k.toLowerCase().replace(/[-\s]/g, '_'), v]))
        : { tag: fmRelease ?? fm.tag ?? fm.version };
    const fmValues = [
        ['tag', fmFields.tag ?? fmFields.version, 'tag'],
        ['commit', fmFields.commit ?? fmFields.sha ?? fm.commit ?? fm.sha, 'commit'],
        ['strategy', fmFields.strategy ?? fmFields.deployment_type ?? fm.strategy ?? fm.deployment_strategy, 'strategy']
    ];
    for (const [field, value, key] of fmValues) {
        if (value === undefined || value === null)
            continue;
        if (typeof value !== 'string' && typeof value !== 'number') {
            throw new util_errors/* InputError */.dz({ file: doc.file, field: `front matter "${key}"`, expected: 'a text value', found: (0,util_errors/* describeValue */.bp)(value) });
        }
        set(field, String(value), { label: `front matter "${key}"` });
    }
    const found = release.tag !== undefined || release.commit !== undefined || release.strategy !== undefined;
    if (section)
        origins.set('/release', { label: sectionLabel(section.heading, section.depth), line: section.line });
    else if (found)
        origins.set('/release', { label: 'front matter' });
    return found || section ? { release, section } : {};
}
function isNewHeading(heading) {
    const h = heading.toLowerCase();
    if (/\b(new|added|introduced)\b/.test(h))
        return true;
    if (/\b(changed|modified|updated|existing)\b/.test(h))
        return false;
    return undefined;
}
class ServiceCollector {
    file;
    origins;
    services = [];
    errors = [];
    /** By lower-cased name: a fleet report lists thousands of services. */
    byName = new Map();
    constructor(file, origins) {
        this.file = file;
        this.origins = origins;
    }
    add(service, origin) {
        const key = service.name.toLowerCase();
        const existing = this.byName.get(key);
        if (existing) {
            // The same service listed under "Changed" and "New", or in a table and again in bullets.
            existing.critical ||= service.critical;
            existing.new ||= service.new;
            existing.endpoints = [...new Set([...existing.endpoints, ...service.endpoints])];
            return;
        }
        this.origins.set(`/services/${this.services.length}`, origin);
        this.services.push(service);
        this.byName.set(key, service);
    }
    flag(text, what, origin) {
        const v = parseYesNo(text);
        if (v === undefined) {
            this.errors.push(new util_errors/* InputError */.dz({
                file: this.file,
                line: origin.line,
                field: `${origin.label}, column "${what}"`,
                expected: what === 'critical'
                    ? 'yes or no (also true/false, ✅/❌, critical/non-critical)'
                    : 'yes or no (also new/changed, added/modified)',
                found: (0,util_errors/* describeValue */.bp)(text)
            }));
            return false;
        }
        return v;
    }
}
function servicesFrom(section, collector) {
    const label = sectionLabel(section.heading, section.depth);
    const defaultNew = isNewHeading(section.heading);
    for (const t of (0,markdown/* tablesIn */.N$)(section.nodes)) {
        const nameCol = (0,markdown/* column */.fi)(t.headers, [/\bservice\b|\bname\b|\bcomponent\b|\bapp(lication)?\b/]) ?? 0;
        const criticalCol = (0,markdown/* column */.fi)(t.headers, [/\bcritical(ity)?\b|\btier\b/], [nameCol]);
        const newCol = (0,markdown/* column */.fi)(t.headers, [/\bnew\b|\bchange( type)?\b|\btype\b|\bstatus\b|\bkind\b/], [nameCol, criticalCol ?? -1]);
        const endpointsCol = (0,markdown/* column */.fi)(t.headers, [/\bendpoints?\b|\burls?\b|\bhealth( ?checks?)?\b|\broutes?\b/], [nameCol]);
        t.rows.forEach((r) => {
            const name = (r.cells[nameCol] ?? '').replace(/^`|`$/g, '').trim();
            if (!name)
                return;
            const origin = { label, line: r.line };
            const endpointCell = endpointsCol !== undefined ? r.cellNodes[endpointsCol] : undefined;
            // In an endpoints column an entry that looks like an address ("payments:8081/healthz") is
            // kept so that the schema reports it, rather than dropped; links contribute their target.
            const endpoints = endpointCell
                ? [
                    ...new Set([
                        ...(0,markdown/* urlsIn */._O)(endpointCell),
                        ...(0,markdown/* splitList */.ry)(r.cells[endpointsCol] ?? '').filter((e) => !/^https?:\/\//.test(e) && /[/:]/.test(e) && /[a-z0-9]/i.test(e))
                    ])
                ]
                : [];
            collector.add({
                name,
                critical: criticalCol !== undefined ? collector.flag(r.cells[criticalCol] ?? '', 'critical', origin) : false,
                new: newCol !== undefined ? collector.flag(r.cells[newCol] ?? '', 'new', origin) : (defaultNew ?? false),
                endpoints
            }, origin);
        });
    }
    for (const item of (0,markdown/* itemsIn */.Un)(section.nodes)) {
        if ((0,markdown/* saysNone */.pD)(item.text))
            continue;
        const name = (item.lead ?? /^([^\s(:—–,]+)/.exec(item.text)?.[1] ?? '').replace(/:$/, '').trim();
        if (!name)
            continue;
        const rest = item.full.slice(item.full.indexOf(name) + name.length).toLowerCase();
        const critical = /\bnon[- ]?critical\b|\bnot critical\b/.test(rest) ? false : /\bcritical\b|\btier[ -]?[01]\b/.test(rest);
        const isNew = /\b(new|added|introduced)\b/.test(rest)
            ? true
            : /\b(changed|modified|updated)\b/.test(rest)
                ? false
                : (defaultNew ?? false);
        collector.add({ name, critical, new: isNew, endpoints: (0,markdown/* urlsIn */._O)(item.node) }, { label, line: item.line });
    }
}
function endpointsFrom(sections, origins) {
    const out = [];
    for (const section of sections) {
        const label = sectionLabel(section.heading, section.depth);
        const add = (url, line) => {
            if (out.includes(url))
                return;
            origins.set(`/new_endpoints/${out.length}`, { label, line });
            out.push(url);
        };
        for (const t of (0,markdown/* tablesIn */.N$)(section.nodes))
            for (const r of t.rows)
                for (const u of (0,markdown/* urlsIn */._O)(r.cellNodes))
                    add(u, r.line);
        for (const item of (0,markdown/* itemsIn */.Un)(section.nodes))
            for (const u of (0,markdown/* urlsIn */._O)(item.node))
                add(u, item.line);
        for (const p of section.nodes.filter((n) => n.type === 'paragraph'))
            for (const u of (0,markdown/* urlsIn */._O)(p))
                add(u, p.position?.start.line);
    }
    return out;
}
function riskFromText(text) {
    if ((0,markdown/* saysNone */.pD)(text))
        return undefined;
    let rest = (0,markdown/* collapse */.ap)(text);
    let severityText;
    let component;
    let mitigation;
    const mit = /(?:^|[\s;.,—–(])mitigations?\s*[:=—–-]\s*(.+?)\)?$/i.exec(rest);
    if (mit) {
        mitigation = mit[1].trim();
        rest = rest.slice(0, mit.index).trim();
    }
    const sev = /\b(?:severity|impact|level|priority)\s*[:=]\s*([\w-]+)/i.exec(rest);
    if (sev) {
        severityText = sev[1];
        rest = (rest.slice(0, sev.index) + rest.slice(sev.index + sev[0].length)).trim();
    }
    const comp = /\b(?:component|service|area|affects?)\s*[:=]\s*([\w./-]+)/i.exec(rest);
    if (comp) {
        component = comp[1];
        rest = (rest.slice(0, comp.index) + rest.slice(comp.index + comp[0].length)).trim();
    }
    // Leading "[High]", "High:", "High —" and then an optional "(payments)" or "payments:".
    const lead = /^\[?\s*([A-Za-z0-9-]+)\s*\]?\s*(?:[:—–|-]\s*)?/.exec(rest);
    if (!severityText && lead && SEVERITY_WORD.test(lead[1])) {
        severityText = lead[1];
        rest = rest.slice(lead[0].length);
    }
    if (!component) {
        const c = /^\(([\w./-]+)\)\s*[:—–-]?\s*/.exec(rest) ?? /^([a-z][\w.-]*)(?:\s*:|\s+[—–])\s+/.exec(rest);
        if (c) {
            component = c[1];
            rest = rest.slice(c[0].length);
        }
    }
    rest = (0,markdown/* trimSeparators */.R)(rest.replace(/[\s,;(]+\)?\s*$/, '').replace(/\(\s*[,;]?\s*\)/g, ''));
    const risk = { description: rest, severity: severityText ? normaliseSeverity(severityText) : 'unknown' };
    if (severityText)
        risk.severity_text = severityText;
    if (component)
        risk.component = component;
    if (mitigation)
        risk.mitigation = mitigation;
    return risk;
}
function riskFromRow(cells, headers) {
    const severityCol = (0,markdown/* column */.fi)(headers, [/\bseverity\b/, /\bimpact\b|\blevel\b|\bpriority\b|\brating\b|\bscore\b/]);
    const componentCol = (0,markdown/* column */.fi)(headers, [/\bcomponent\b|\bservice\b|\barea\b|\baffected\b|\bsystem\b/], [severityCol ?? -1]);
    const mitigationCol = (0,markdown/* column */.fi)(headers, [/\bmitigation\b|\baction\b|\bresponse\b|\bplan\b|\bcontingency\b|\brollback\b/]);
    const taken = [severityCol, componentCol, mitigationCol].filter((c) => c !== undefined);
    const descCol = (0,markdown/* column */.fi)(headers, [/\brisk\b|\bdescription\b|\bissue\b|\bconcern\b|\bwhat\b/], taken) ?? headers.findIndex((_, i) => !taken.includes(i));
    const description = cells[descCol] ?? '';
    if (!description || (0,markdown/* saysNone */.pD)(description))
        return undefined;
    const severityText = severityCol !== undefined ? cells[severityCol] : undefined;
    const risk = { description, severity: severityText ? normaliseSeverity(severityText) : 'unknown' };
    if (severityText)
        risk.severity_text = severityText;
    if (componentCol !== undefined && cells[componentCol])
        risk.component = cells[componentCol];
    if (mitigationCol !== undefined && cells[mitigationCol])
        risk.mitigation = cells[mitigationCol];
    return risk;
}
function timelineFromText(text) {
    if ((0,markdown/* saysNone */.pD)(text))
        return undefined;
    const { time, rest } = (0,markdown/* splitTime */.SB)((0,markdown/* collapse */.ap)(text));
    const entry = { event: (0,markdown/* trimSeparators */.R)(rest) };
    if (time)
        entry.time = time;
    return entry;
}
function timelineFromRow(cells, headers) {
    const timeCol = (0,markdown/* column */.fi)(headers, [/\btime\b|\bwhen\b|\btimestamp\b|\bat\b|\bdate\b|\bt\b/]) ?? 0;
    const eventCol = (0,markdown/* column */.fi)(headers, [/\bevent\b|\bdescription\b|\baction\b|\bwhat\b|\bstep\b|\bactivity\b|\bmilestone\b/], [timeCol]) ??
        headers.findIndex((_, i) => i !== timeCol);
    const event = cells[eventCol] ?? '';
    if (!event)
        return undefined;
    const entry = { event };
    if (cells[timeCol])
        entry.time = cells[timeCol];
    return entry;
}
/** Parse `DEPLOYMENT-REPORT.md` text. `file` is used in error messages. */
function parseDeploymentReport(text, file) {
    const doc = (0,markdown/* parseMarkdown */.Dd)(text, file, report_classify);
    const origins = new Origins();
    const { release } = releaseFrom(doc, origins);
    const serviceSections = (0,markdown/* findSections */.Kd)(doc, 'services');
    const collector = new ServiceCollector(file, origins);
    for (const s of serviceSections)
        servicesFrom(s, collector);
    if (collector.errors.length > 0)
        throw new util_errors/* InputErrors */.G(collector.errors);
    const explicitEndpoints = endpointsFrom((0,markdown/* findSections */.Kd)(doc, 'endpoints'), origins);
    // Endpoints of new services are new endpoints too, whether or not a section lists them.
    const newEndpoints = [...explicitEndpoints];
    collector.services.forEach((s, i) => {
        if (!s.new)
            return;
        for (const e of s.endpoints) {
            // A malformed endpoint is already reported under the service.
            if (newEndpoints.includes(e) || !/^https?:\/\//.test(e))
                continue;
            const origin = origins.resolve(`/services/${i}`);
            if (origin)
                origins.set(`/new_endpoints/${newEndpoints.length}`, origin);
            newEndpoints.push(e);
        }
    });
    const extracted = {
        new_endpoints: newEndpoints,
        risks: listFromSections((0,markdown/* findSections */.Kd)(doc, 'risks'), '/risks', origins, riskFromText, riskFromRow),
        timeline: listFromSections((0,markdown/* findSections */.Kd)(doc, 'timeline'), '/timeline', origins, timelineFromText, timelineFromRow)
    };
    if (release)
        extracted.release = release;
    if (serviceSections.length > 0) {
        extracted.services = collector.services;
        origins.set('/services', {
            label: sectionLabel(serviceSections[0].heading, serviceSections[0].depth),
            line: serviceSections[0].line
        });
    }
    checkExtracted(files/* SCHEMA_FILES */.cU.deploymentReport, extracted, file, origins, {
        release: {
            heading: '## Release',
            expected: 'a release section (a heading such as "Release", "Release Summary" or "Deployment Summary", or front matter `release`) giving the tag or commit'
        },
        services: {
            heading: '## Services',
            expected: 'a services section (a heading such as "Services", "Changed Services" or "New Services") listing each service, whether it is critical and new, and its endpoints'
        }
    }, doc.sections.map((s) => s.heading));
    return {
        release: extracted.release,
        services: extracted.services,
        new_endpoints: newEndpoints,
        risks: extracted.risks,
        timeline: extracted.timeline
    };
}

// EXTERNAL MODULE: ./src/evidence/text.ts
var evidence_text = __webpack_require__(21530);
;// CONCATENATED MODULE: ./src/evidence/validation.ts







const VALIDATION_FILE = files/* EVIDENCE_INPUTS */.sJ.validation;
const REQUIRED_SUMMARY = 'validation_date, status, validation_success_rate, checks, metrics_snapshot';
/**
 * Count triples that must add up: the parts (passed, failed) can never exceed the whole (run).
 * Keyed by the field holding the whole.
 */
const COUNT_RULES = [
    { whole: 'tests_run', parts: ['tests_passed', 'tests_failed', 'tests_skipped'] },
    { whole: 'services_checked', parts: ['services_healthy', 'services_unhealthy'] },
    { whole: 'endpoints_verified', parts: ['endpoints_healthy', 'endpoints_unhealthy'] }
];
/**
 * The placeholder generator of the public protocol collection writes `{gate, generated_at,
 * metadata}`: it looks like evidence but says nothing about a deploy.
 */
function isPlaceholder(data) {
    const hasEvidence = ['validation_date', 'checks', 'validation_success_rate', 'metrics_snapshot'].some((k) => k in data);
    if (hasEvidence)
        return false;
    return 'gate' in data || ('generated_at' in data && 'metadata' in data);
}
/** Case-fold status words so the schema's enum can list lower-case spellings only. */
function foldStatuses(data) {
    const copy = { ...data };
    if (typeof copy.status === 'string')
        copy.status = copy.status.trim().toLowerCase();
    if ((0,json/* isObject */.G)(copy.checks)) {
        const checks = {};
        for (const [name, check] of Object.entries(copy.checks)) {
            checks[name] = (0,json/* isObject */.G)(check) && typeof check.status === 'string' ? { ...check, status: check.status.trim().toLowerCase() } : check;
        }
        copy.checks = checks;
    }
    return copy;
}
function consistencyErrors(file, checks) {
    const errors = [];
    for (const [name, raw] of Object.entries(checks)) {
        if (!(0,json/* isObject */.G)(raw))
            continue;
        for (const rule of COUNT_RULES) {
            const whole = raw[rule.whole];
            if (typeof whole !== 'number')
                continue;
            const present = rule.parts.filter((p) => typeof raw[p] === 'number');
            if (present.length === 0)
                continue;
            const sum = present.reduce((acc, p) => acc + raw[p], 0);
            if (sum > whole) {
                const pointer = `/checks/${escapePointerToken(name)}`;
                errors.push(new util_errors/* InputError */.dz({
                    file,
                    field: pointer,
                    expected: `${present.join(' + ')} to be at most ${rule.whole} (${whole})`,
                    found: present.length === 1 ? `${present[0]} ${sum}` : `${present.map((p) => `${p} ${String(raw[p])}`).join(' + ')} = ${sum}`
                }));
            }
        }
    }
    return errors;
}
/** Parse and validate `post-deployment-validation.json` text. `file` is used in error messages. */
function parseValidation(text, file) {
    const data = (0,evidence_text/* parseJsonText */.lk)((0,evidence_text/* stripBom */.F8)(text), file, `a JSON object with ${REQUIRED_SUMMARY}`);
    if (!(0,json/* isObject */.G)(data)) {
        throw new util_errors/* InputError */.dz({ file, field: '/', expected: `a JSON object with ${REQUIRED_SUMMARY}`, found: (0,util_errors/* describeValue */.bp)(data) });
    }
    if (isPlaceholder(data)) {
        throw new util_errors/* InputError */.dz({
            file,
            field: '/',
            expected: `deploy evidence from Protocol 11 (${REQUIRED_SUMMARY})`,
            found: `a placeholder file (${(0,util_errors/* describeValue */.bp)(data)}) as written by the protocol collection's placeholder generator; it is not deploy evidence and carries no data`
        });
    }
    const folded = foldStatuses(data);
    const validate = (0,schemas/* schemaValidator */.Ki)(files/* SCHEMA_FILES */.cU.postDeploymentValidation);
    if (!validate(folded)) {
        throw new util_errors/* InputErrors */.G(issuesToErrors(file, schemaIssues(validate.errors ?? [], data)));
    }
    const checksRaw = folded.checks;
    const consistency = consistencyErrors(file, checksRaw);
    if (consistency.length > 0)
        throw new util_errors/* InputErrors */.G(consistency);
    const checks = Object.entries(checksRaw).map(([name, raw]) => {
        const check = raw;
        const counts = {};
        for (const [k, v] of Object.entries(check))
            if (typeof v === 'number')
                counts[k] = v;
        return { name, status: normaliseCheckStatus(check.status), counts };
    });
    const services = (folded.services ?? []).map((s) => {
        const service = {
            name: s.name,
            critical: s.critical ?? false,
            new: s.new ?? false,
            endpoints: s.endpoints ?? []
        };
        if (typeof s.health === 'string')
            service.health = s.health;
        return service;
    });
    const result = {
        validationDate: folded.validation_date,
        status: normaliseCheckStatus(folded.status),
        successRate: successRateFraction(folded.validation_success_rate),
        checks,
        metricsSnapshot: { ...folded.metrics_snapshot },
        services
    };
    if (typeof folded.environment === 'string')
        result.environment = folded.environment;
    if ((0,json/* isObject */.G)(folded.release)) {
        const r = folded.release;
        const release = {};
        if (typeof r.tag === 'string')
            release.tag = r.tag;
        if (typeof r.commit === 'string')
            release.commit = r.commit;
        if (typeof r.deployment_type === 'string')
            release.deploymentType = r.deployment_type;
        result.release = release;
    }
    return result;
}

;// CONCATENATED MODULE: ./src/evidence/load.ts











const EVIDENCE_FILES = [VALIDATION_FILE, HEALTH_LOG_FILE, REPORT_FILE];
function formatBytes(n) {
    if (n >= 1024 * 1024)
        return `${(n / 1024 / 1024).toFixed(1)} MiB (${n} bytes)`;
    if (n >= 1024)
        return `${(n / 1024).toFixed(1)} KiB (${n} bytes)`;
    return `${n} bytes`;
}
async function folderListing(dir) {
    try {
        const names = (await (0,promises_.readdir)(dir)).sort();
        if (names.length === 0)
            return 'the folder is empty';
        return `the folder has ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''}`;
    }
    catch {
        return 'the folder cannot be listed';
    }
}
/** Read one evidence file: stat first so an oversized file is refused without reading it. */
async function readEvidenceFile(dir, name, maxBytes, limitName) {
    const file = external_node_path_default().join(dir, name);
    let size;
    try {
        // A file that is a symbolic link must stay in the evidence folder: a link to /etc/passwd is refused unread.
        if ((await (0,promises_.lstat)(file)).isSymbolicLink()) {
            const [real, root] = await Promise.all([(0,promises_.realpath)(file), (0,promises_.realpath)(dir)]);
            if (!real.startsWith(root + (external_node_path_default()).sep)) {
                throw new util_errors/* InputError */.dz({
                    file,
                    expected: `${name} to be a file in the evidence folder`,
                    found: 'a symbolic link that leads outside the evidence folder'
                });
            }
        }
        const st = await (0,promises_.stat)(file);
        if (!st.isFile()) {
            throw new util_errors/* InputError */.dz({ file, expected: `${name} to be a file`, found: st.isDirectory() ? 'a directory' : 'not a regular file' });
        }
        size = st.size;
    }
    catch (err) {
        if (err instanceof util_errors/* InputError */.dz)
            throw err;
        const code = err.code;
        throw new util_errors/* InputError */.dz({
            file,
            expected: `the evidence file ${name} in the evidence folder ${dir} (Protocol 11 writes it)`,
            found: code === 'ENOENT' ? `no such file (${await folderListing(dir)})` : `an unreadable file (${code ?? String(err)})`
        });
    }
    if (size > maxBytes) {
        throw new util_errors/* InputError */.dz({
            file,
            expected: `an evidence file of at most ${formatBytes(maxBytes)} (limits.${limitName})`,
            found: `a file of ${formatBytes(size)}`
        });
    }
    const bytes = await (0,promises_.readFile)(file);
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) {
        throw new util_errors/* InputError */.dz({
            file,
            expected: `an evidence file of at most ${formatBytes(maxBytes)} (limits.${limitName})`,
            found: `a file of ${formatBytes(bytes.length)}`
        });
    }
    // Refused with the byte offset rather than read with replacement characters (a service name
    // with U+FFFD in it would match nothing and say nothing).
    const text = (0,utf8/* decodeUtf8 */._)(bytes, file);
    return { text, info: { path: name, sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'), bytes: bytes.length } };
}
function collect(errors, err, file) {
    if (err instanceof util_errors/* InputErrors */.G)
        errors.push(...err.errors);
    else if (err instanceof util_errors/* InputError */.dz)
        errors.push(err);
    // Not the input's fault: a defect here. Still say which file was being read.
    else
        throw new Error(`${file}: could not be read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}
/** Tags match when equal up to a leading "v"; commits when one is a prefix of the other. */
function crossCheck(validation, report, dir) {
    const errors = [];
    const a = validation.release;
    const b = report.release;
    const file = external_node_path_default().join(dir, VALIDATION_FILE);
    if (a?.tag && b.tag && a.tag.replace(/^v/i, '') !== b.tag.replace(/^v/i, '')) {
        errors.push(new util_errors/* InputError */.dz({
            file,
            field: '/release/tag',
            expected: `the release tag of ${REPORT_FILE} (${b.tag}): all three files must come from the same deploy`,
            found: describeTag(a.tag)
        }));
    }
    if (a?.commit && b.commit) {
        const x = a.commit.toLowerCase();
        const y = b.commit.toLowerCase();
        if (!x.startsWith(y) && !y.startsWith(x)) {
            errors.push(new util_errors/* InputError */.dz({
                file,
                field: '/release/commit',
                expected: `the commit of ${REPORT_FILE} (${b.commit}): all three files must come from the same deploy`,
                found: describeTag(a.commit)
            }));
        }
    }
    return errors;
}
function describeTag(value) {
    return JSON.stringify(value);
}
/**
 * Read and validate the three Protocol 11 files in `dir`. Every problem found in any of them is
 * reported together (InputErrors), so one run shows everything to fix.
 */
async function loadEvidence(dir, opts) {
    try {
        const st = await (0,promises_.stat)(dir);
        if (!st.isDirectory())
            throw new util_errors/* InputError */.dz({ file: dir, expected: 'an evidence folder', found: 'a file' });
    }
    catch (err) {
        if (err instanceof util_errors/* InputError */.dz)
            throw err;
        const code = err.code;
        throw new util_errors/* InputError */.dz({
            file: dir,
            expected: `an evidence folder holding ${EVIDENCE_FILES.join(', ')} (set the evidence input)`,
            found: code === 'ENOENT' ? 'no such folder' : `an unreadable folder (${code ?? String(err)})`
        });
    }
    const errors = [];
    const files = [];
    let validation;
    let healthLog;
    let report;
    const read = await Promise.allSettled(EVIDENCE_FILES.map((name) => name.endsWith('.md')
        ? readEvidenceFile(dir, name, opts.markdownMaxBytes ?? opts.maxBytes, 'evidence-markdown-max-bytes')
        : readEvidenceFile(dir, name, opts.maxBytes, 'evidence-max-bytes')));
    read.forEach((r, i) => {
        const name = EVIDENCE_FILES[i];
        const file = external_node_path_default().join(dir, name);
        if (r.status === 'rejected') {
            collect(errors, r.reason, file);
            return;
        }
        files.push(r.value.info);
        try {
            if (name === VALIDATION_FILE)
                validation = parseValidation(r.value.text, file);
            else if (name === HEALTH_LOG_FILE)
                healthLog = parseHealthLog(r.value.text, file);
            else
                report = parseDeploymentReport(r.value.text, file);
        }
        catch (err) {
            collect(errors, err, file);
        }
    });
    if (validation && report)
        errors.push(...crossCheck(validation, report, dir));
    if (errors.length === 1)
        throw errors[0];
    if (errors.length > 1)
        throw new util_errors/* InputErrors */.G(errors);
    return { dir, validation: validation, healthLog: healthLog, report: report, files };
}


/***/ }),

/***/ 74976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ isObject),
/* harmony export */   f: () => (/* binding */ valueAt)
/* harmony export */ });
/** True for a plain object (not null, not an array): the shape checks of parsed documents. */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The value a path of keys and indexes names in parsed JSON or YAML; undefined when a step is missing. */
function valueAt(data, path) {
    let cur = data;
    for (const key of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[key];
    }
    return cur;
}


/***/ })

};
