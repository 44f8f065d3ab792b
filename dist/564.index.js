export const id = 564;
export const ids = [564];
export const modules = {

/***/ 10779:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
function fmtDef(validate, compare) {
    return { validate, compare };
}
exports.fullFormats = {
    // date: http://tools.ietf.org/html/rfc3339#section-5.6
    date: fmtDef(date, compareDate),
    // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
    time: fmtDef(getTime(true), compareTime),
    "date-time": fmtDef(getDateTime(true), compareDateTime),
    "iso-time": fmtDef(getTime(), compareIsoTime),
    "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
    // duration: https://tools.ietf.org/html/rfc3339#appendix-A
    duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
    uri,
    "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
    // uri-template: https://tools.ietf.org/html/rfc6570
    "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
    // For the source: https://gist.github.com/dperini/729294
    // For test cases: https://mathiasbynens.be/demo/url-regex
    url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
    email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
    hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
    // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
    ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
    ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
    regex,
    // uuid: http://tools.ietf.org/html/rfc4122
    uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
    // JSON-pointer: https://tools.ietf.org/html/rfc6901
    // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
    "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
    "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
    // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
    "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
    // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
    // byte: https://github.com/miguelmota/is-base64
    byte,
    // signed 32 bit integer
    int32: { type: "number", validate: validateInt32 },
    // signed 64 bit integer
    int64: { type: "number", validate: validateInt64 },
    // C-type float
    float: { type: "number", validate: validateNumber },
    // C-type double
    double: { type: "number", validate: validateNumber },
    // hint to the UI to hide input strings
    password: true,
    // unchecked string payload
    binary: true,
};
exports.fastFormats = {
    ...exports.fullFormats,
    date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
    time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
    "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
    "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
    "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
    // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
    uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
    "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
    // email (sources from jsen validator):
    // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
    // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
    email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i,
};
exports.formatNames = Object.keys(exports.fullFormats);
function isLeapYear(year) {
    // https://tools.ietf.org/html/rfc3339#appendix-C
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function date(str) {
    // full-date from http://tools.ietf.org/html/rfc3339#section-5.6
    const matches = DATE.exec(str);
    if (!matches)
        return false;
    const year = +matches[1];
    const month = +matches[2];
    const day = +matches[3];
    return (month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]));
}
function compareDate(d1, d2) {
    if (!(d1 && d2))
        return undefined;
    if (d1 > d2)
        return 1;
    if (d1 < d2)
        return -1;
    return 0;
}
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
function getTime(strictTimeZone) {
    return function time(str) {
        const matches = TIME.exec(str);
        if (!matches)
            return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || (strictTimeZone && !tz))
            return false;
        if (hr <= 23 && min <= 59 && sec < 60)
            return true;
        // leap second
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
    };
}
function compareTime(s1, s2) {
    if (!(s1 && s2))
        return undefined;
    const t1 = new Date("2020-01-01T" + s1).valueOf();
    const t2 = new Date("2020-01-01T" + s2).valueOf();
    if (!(t1 && t2))
        return undefined;
    return t1 - t2;
}
function compareIsoTime(t1, t2) {
    if (!(t1 && t2))
        return undefined;
    const a1 = TIME.exec(t1);
    const a2 = TIME.exec(t2);
    if (!(a1 && a2))
        return undefined;
    t1 = a1[1] + a1[2] + a1[3];
    t2 = a2[1] + a2[2] + a2[3];
    if (t1 > t2)
        return 1;
    if (t1 < t2)
        return -1;
    return 0;
}
const DATE_TIME_SEPARATOR = /t|\s/i;
function getDateTime(strictTimeZone) {
    const time = getTime(strictTimeZone);
    return function date_time(str) {
        // http://tools.ietf.org/html/rfc3339#section-5.6
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
    };
}
function compareDateTime(dt1, dt2) {
    if (!(dt1 && dt2))
        return undefined;
    const d1 = new Date(dt1).valueOf();
    const d2 = new Date(dt2).valueOf();
    if (!(d1 && d2))
        return undefined;
    return d1 - d2;
}
function compareIsoDateTime(dt1, dt2) {
    if (!(dt1 && dt2))
        return undefined;
    const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
    const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
    const res = compareDate(d1, d2);
    if (res === undefined)
        return undefined;
    return res || compareTime(t1, t2);
}
const NOT_URI_FRAGMENT = /\/|:/;
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
function uri(str) {
    // http://jmrware.com/articles/2009/uri_regexp/URI_regex.html + optional protocol + required "."
    return NOT_URI_FRAGMENT.test(str) && URI.test(str);
}
const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
function byte(str) {
    BYTE.lastIndex = 0;
    return BYTE.test(str);
}
const MIN_INT32 = -(2 ** 31);
const MAX_INT32 = 2 ** 31 - 1;
function validateInt32(value) {
    return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
}
function validateInt64(value) {
    // JSON and javascript max Int is 2**53, so any int that passes isInteger is valid for Int64
    return Number.isInteger(value);
}
function validateNumber() {
    return true;
}
const Z_ANCHOR = /[^\\]\\Z/;
function regex(str) {
    if (Z_ANCHOR.test(str))
        return false;
    try {
        new RegExp(str);
        return true;
    }
    catch (e) {
        return false;
    }
}
//# sourceMappingURL=formats.js.map

/***/ }),

/***/ 36214:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports["default"] = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
//# sourceMappingURL=ucs2length.js.map

/***/ }),

/***/ 83846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $d: () => (/* binding */ buildApprovalRecord),
/* harmony export */   Qq: () => (/* binding */ dedupe),
/* harmony export */   ad: () => (/* binding */ approvalFromInput)
/* harmony export */ });
/* unused harmony exports APPROVAL_MISSING_MESSAGE, parseApprovedBy */
/**
 * The approval of this release's monitoring and `monitoring-approval-record.json`. Free of any
 * GitHub client, so local runs and the protocol core use it without loading Octokit.
 */
const APPROVAL_MISSING_MESSAGE = '[ERROR] Monitoring approval not recorded.';
/** `alice (SRE lead), bob` -> [{login: alice, role: SRE lead}, {login: bob}] */
function parseApprovedBy(input) {
    if (!input)
        return [];
    return input
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((entry) => {
        const m = /^@?([^\s()]+)\s*(?:\(([^)]*)\))?$/.exec(entry);
        if (!m)
            return { login: entry };
        return m[2]?.trim() ? { login: m[1], role: m[2].trim() } : { login: m[1] };
    });
}
/** Approvers named by the `approved-by` input; the fallback when GitHub has no approval to give. */
function approvalFromInput(args) {
    const { log } = args;
    const rejected = args.rejected ?? [];
    const apiError = args.apiError;
    const fromInput = parseApprovedBy(args.approvedByInput);
    if (fromInput.length > 0) {
        const approvers = fromInput.map((a) => ({
            login: a.login,
            role: a.role,
            state: 'approved',
            comment: '',
            environments: [],
            source: 'approved-by-input',
            recordedAt: args.recordedAt
        }));
        log.info(`Approval: taken from the approved-by input (${approvers.map((a) => a.login).join(', ')}).`);
        return { source: 'approved-by-input', approvers: dedupe(approvers), rejected, apiError };
    }
    log.warning(`${APPROVAL_MISSING_MESSAGE} No environment approval${args.runId ? ` for run ${args.runId}` : ''} and no approved-by input.`);
    return { source: 'none', approvers: [], rejected, apiError };
}
function dedupe(list) {
    const seen = new Map();
    for (const a of list) {
        const key = a.login.toLowerCase();
        const prev = seen.get(key);
        if (prev)
            prev.environments = [...new Set([...prev.environments, ...a.environments])];
        else
            seen.set(key, { ...a });
    }
    return [...seen.values()];
}
function recordKey(login) {
    return login.toLowerCase().replace(/[^a-z0-9_-]+/g, '_');
}
/**
 * The approval record for gate 4. Status `missing` when nobody approved: gate 4 then fails with
 * APPROVAL_MISSING_MESSAGE.
 */
function buildApprovalRecord(args) {
    const { approval } = args;
    const roles = Object.fromEntries(Object.entries(args.roles ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const approvers = {};
    for (const a of [...approval.approvers, ...approval.rejected]) {
        approvers[recordKey(a.login)] = {
            name: a.login,
            role: a.role ??
                roles[a.login.toLowerCase()] ??
                (a.environments.length ? `environment reviewer (${a.environments.join(', ')})` : 'approver'),
            approval_status: a.state,
            approval_timestamp: a.recordedAt,
            comments: a.comment,
            source: a.source
        };
    }
    const required = (args.requiredApprovers ?? []).map((l) => l.replace(/^@/, ''));
    for (const login of required) {
        const key = recordKey(login);
        if (!approvers[key]) {
            approvers[key] = {
                name: login,
                role: roles[login.toLowerCase()] ?? 'required approver',
                approval_status: 'pending',
                approval_timestamp: null,
                comments: '',
                source: 'required'
            };
        }
    }
    const approvedLogins = new Set(approval.approvers.map((a) => a.login.toLowerCase()));
    const requiredCount = required.length > 0 ? required.length : 1;
    const approvedCount = required.length > 0 ? required.filter((l) => approvedLogins.has(l.toLowerCase())).length : Math.min(approvedLogins.size, 1);
    const percentage = Math.round((approvedCount / requiredCount) * 10000) / 100;
    const status = approval.rejected.length > 0 ? 'rejected' : approval.approvers.length === 0 ? 'missing' : percentage >= 100 ? 'approved' : 'partial';
    const approvalDate = approval.approvers.length > 0
        ? approval.approvers
            .map((a) => a.recordedAt)
            .sort()
            .at(-1)
        : null;
    const channels = {};
    for (const k of ['slack', 'pagerduty', 'email']) {
        const v = args.notificationChannels?.[k];
        if (v)
            channels[k] = v;
    }
    return {
        approval_date: approvalDate,
        status,
        approvers,
        required_approvers: requiredCount,
        approval_percentage: percentage,
        effective_date: status === 'approved' ? (args.effectiveDate ?? approvalDate) : null,
        on_call_owner: args.onCallOwner ?? null,
        notification_channels: channels
    };
}


/***/ }),

/***/ 86404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cF: () => (/* binding */ ARTIFACT_SCHEMAS),
/* harmony export */   cU: () => (/* binding */ SCHEMA_FILES),
/* harmony export */   cn: () => (/* binding */ FILES),
/* harmony export */   o8: () => (/* binding */ SCHEMA_VERSIONS),
/* harmony export */   sJ: () => (/* binding */ EVIDENCE_INPUTS)
/* harmony export */ });
// Every file the action reads or writes by a fixed name, and the JSON Schema in schemas/ each JSON
// file satisfies. Plain data, no imports: any module may use these names without loading anything.
/** The files of the monitoring package (the output folder), by what they are. */
const FILES = {
    requirements: 'monitoring-requirements.md',
    instrumentationAudit: 'instrumentation-audit.json',
    baselineMetrics: 'baseline-metrics.json',
    dashboardConfig: 'dashboard-config.md',
    alertTestResults: 'alert-test-results.json',
    detectionDrill: 'detection-drill.json',
    observabilitySchedule: 'observability-schedule.json',
    alertBacktest: 'alert-backtest.json',
    alertTuningReport: 'alert-tuning-report.md',
    scorecard: 'observability-scorecard.md',
    approvalRecord: 'monitoring-approval-record.json',
    improvementBacklog: 'improvement-backlog.md',
    instrumentationGaps: 'instrumentation-gaps.json',
    manifest: 'monitoring-package-manifest.json',
    gateResults: 'gate-results.json',
    runStats: 'run-stats.json',
    /** Written by a local run instead of filing issues; beside the package, not in it. */
    issuesToFile: 'issues-to-file.json'
};
/** The evidence of earlier protocols the action reads from the evidence folder. */
const EVIDENCE_INPUTS = {
    validation: 'post-deployment-validation.json',
    healthLog: 'deployment-health-log.md',
    report: 'DEPLOYMENT-REPORT.md'
};
/** Every JSON Schema in schemas/, by what it describes. */
const SCHEMA_FILES = {
    config: 'config.schema.json',
    webhookAckMapping: 'webhook-ack-mapping.schema.json',
    webhookAckAnswer: 'webhook-ack-answer.schema.json',
    qualityAudit: 'quality-audit.schema.json',
    postDeploymentValidation: 'post-deployment-validation.schema.json',
    deploymentHealthLog: 'deployment-health-log.schema.json',
    deploymentReport: 'deployment-report.schema.json',
    instrumentationAudit: 'instrumentation-audit.schema.json',
    baselineMetrics: 'baseline-metrics.schema.json',
    alertTestResults: 'alert-test-results.schema.json',
    detectionDrill: 'detection-drill.schema.json',
    observabilitySchedule: 'observability-schedule.schema.json',
    alertBacktest: 'alert-backtest.schema.json',
    approvalRecord: 'monitoring-approval-record.schema.json',
    instrumentationGaps: 'instrumentation-gaps.schema.json',
    manifest: 'monitoring-package-manifest.schema.json',
    gateResults: 'gate-results.schema.json',
    runStats: 'run-stats.schema.json',
    issuesToFile: 'issues-to-file.schema.json'
};
/**
 * The `schema_version` an artifact carries, where it carries one: raised when a key is renamed or
 * removed (CHANGELOG.md says what changed). An artifact without the field is version 1.
 */
const SCHEMA_VERSIONS = {
    instrumentationAudit: 2,
    baselineMetrics: 2
};
/** The schema each JSON file of the package must satisfy: the package writer refuses any other. */
const ARTIFACT_SCHEMAS = Object.fromEntries(Object.entries(FILES)
    .filter(([key]) => key in SCHEMA_FILES)
    .map(([key, file]) => [file, SCHEMA_FILES[key]]));


/***/ }),

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

/***/ 62000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ readConfigText)
/* harmony export */ });
/* unused harmony export CONFIG_MAX_BYTES */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _util_utf8_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(19605);



/** Largest config file read: a config is a page or two; anything bigger is a mistake or an attack. */
const CONFIG_MAX_BYTES = 1024 * 1024;
/**
 * The config file as UTF-8 text, or the input error that says why it cannot be read. Apart from
 * the parser (load.ts) so that a run refused for a missing config loads neither YAML nor zod.
 */
async function readConfigText(file) {
    return (0,_util_utf8_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeUtf8 */ ._)(await readConfigBytes(file), file, 'a UTF-8 config file');
}
async function readConfigBytes(file) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r');
    }
    catch (err) {
        const code = err.code;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz({
            file,
            expected: 'a config file (the `config` input, or --config on the command line, names it)',
            found: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : `an unreadable file (${code ?? String(err)})`
        });
    }
    try {
        const st = await handle.stat();
        if (!st.isFile())
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz({ file, expected: 'a config file', found: st.isDirectory() ? 'a folder' : 'not a regular file' });
        if (st.size > CONFIG_MAX_BYTES)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz({ file, expected: `a config file of at most ${CONFIG_MAX_BYTES} bytes`, found: `a file of ${st.size} bytes` });
        const buf = Buffer.alloc(Math.min(st.size, CONFIG_MAX_BYTES) + 1);
        const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
        if (bytesRead > CONFIG_MAX_BYTES)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz({ file, expected: `a config file of at most ${CONFIG_MAX_BYTES} bytes`, found: 'a file that grew past it' });
        return buf.subarray(0, bytesRead);
    }
    catch (err) {
        if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz)
            throw err;
        const code = err.code;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz({
            file,
            expected: 'a config file',
            found: code === 'EISDIR' ? 'a folder' : `an unreadable file (${code ?? String(err)})`
        });
    }
    finally {
        await handle.close();
    }
}


/***/ }),

/***/ 72301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ GATE_NAMES)
/* harmony export */ });
const GATE_NAMES = {
    1: 'Instrumentation Coverage Gate',
    2: 'Alert Validation Gate',
    3: 'Observability Assurance Gate',
    4: 'Handoff Package Gate'
};


/***/ }),

/***/ 59695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ fitBody),
/* harmony export */   n: () => (/* binding */ GITHUB_BODY_LIMIT)
/* harmony export */ });
/** Issue and comment bodies: GitHub's size limit. (Escaping is src/util/escape.ts.) */
/** GitHub rejects issue and comment bodies longer than this (characters). */
const GITHUB_BODY_LIMIT = 65536;
/**
 * Keep a body under GitHub's limit: cut at a line boundary and say what was left out and where
 * the rest is.
 */
function fitBody(body, limit = GITHUB_BODY_LIMIT, where = 'the monitoring package') {
    if (body.length <= limit)
        return body;
    const note = `\n\n_Truncated: this text was longer than GitHub's ${limit.toLocaleString('en-US')}-character limit; the full content is in ${where}._\n`;
    let cut = body.slice(0, limit - note.length);
    const nl = cut.lastIndexOf('\n');
    if (nl > cut.length / 2)
        cut = cut.slice(0, nl);
    return cut + note;
}


/***/ }),

/***/ 19556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ runLabel),
/* harmony export */   Ek: () => (/* binding */ repositoryUrl),
/* harmony export */   hO: () => (/* binding */ readWorkflowRun)
/* harmony export */ });
/* unused harmony exports isActionsRun, artifactUrl */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

function readPayload(path) {
    if (!path || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return {};
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
function positiveInt(value, fallback) {
    const n = Number.parseInt(value ?? '', 10);
    return Number.isFinite(n) && n > 0 ? n : fallback;
}
/**
 * Read the workflow run. Fields the environment lacks get neutral values (run id 0) so the CLI can
 * run outside Actions; `isActionsRun` tells the two apart.
 */
function readWorkflowRun(env = process.env, payload) {
    const event = payload ?? readPayload(env.GITHUB_EVENT_PATH);
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
    const apiUrl = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
    const runId = positiveInt(env.GITHUB_RUN_ID, 0);
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const pr = event.pull_request;
    const prNumber = pr?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
    const headRepo = pr?.head?.repo;
    const baseRepo = pr?.base?.repo?.full_name ?? (owner && repo ? `${owner}/${repo}` : undefined);
    const forkPullRequest = Boolean(pr) && (headRepo === null || headRepo?.fork === true || (headRepo?.full_name !== undefined && headRepo.full_name !== baseRepo));
    const workflowRef = env.GITHUB_WORKFLOW_REF || undefined;
    const workflowFile = workflowRef ? /\/([^/@]+\.ya?ml)@/.exec(workflowRef)?.[1] : undefined;
    return {
        owner,
        repo,
        runId,
        runAttempt: positiveInt(env.GITHUB_RUN_ATTEMPT, 1),
        serverUrl,
        apiUrl,
        runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`,
        eventName,
        sha: env.GITHUB_SHA || undefined,
        workflowRef,
        workflowFile,
        prNumber: typeof prNumber === 'number' ? prNumber : undefined,
        forkPullRequest
    };
}
/**
 * This run's id in the package, synthetic alerts and issue bodies: `<run id>-<attempt>` in Actions
 * (a re-run is told apart), `local-<ms>` elsewhere.
 */
function runLabel(env = process.env, now = Date.now()) {
    const runId = positiveInt(env.GITHUB_RUN_ID, 0);
    return runId ? `${runId}-${positiveInt(env.GITHUB_RUN_ATTEMPT, 1)}` : `local-${now}`;
}
/** The repository's page, when the runner names the repository. */
function repositoryUrl(run) {
    return run.owner && run.repo ? `${run.serverUrl}/${run.owner}/${run.repo}` : undefined;
}
function isActionsRun(env = process.env) {
    return env.GITHUB_ACTIONS === 'true' && Boolean(env.GITHUB_RUN_ID) && Boolean(env.GITHUB_REPOSITORY);
}
/** The page of an artifact, as the run's page links it. */
function artifactUrl(ctx, artifactId) {
    return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}/artifacts/${artifactId}`;
}


/***/ }),

/***/ 73966:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Il: () => (/* binding */ isManagedLabel),
/* harmony export */   PA: () => (/* binding */ DEFAULT_ISSUE_LABEL),
/* harmony export */   al: () => (/* binding */ issueTitle),
/* harmony export */   eZ: () => (/* binding */ contentDigest),
/* harmony export */   ef: () => (/* binding */ planIssues),
/* harmony export */   gY: () => (/* binding */ parseMarker),
/* harmony export */   nH: () => (/* binding */ planIssue)
/* harmony export */ });
/* unused harmony exports issueMarker, issueLabels, renderIssueBody */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _model_backlog_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28274);
/* harmony import */ var _util_escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(55421);
/* harmony import */ var _body_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59695);
/**
 * What a backlog item becomes on GitHub: title, body, labels and assignees. Pure, so the action
 * files exactly what a local run previews in issues-to-file.json.
 */




const DEFAULT_ISSUE_LABEL = 'sre-monitoring';
const MARKER_RE = /<!-- sre-monitoring:fingerprint=([^\s>]+) digest=([a-f0-9]+) -->/;
/**
 * What the body says about the item. Bodies are rewritten only when this changes, so the links to
 * the run and package point to the run that recorded the values shown.
 */
function contentDigest(item) {
    const content = JSON.stringify([
        2,
        item.title,
        item.summary,
        item.kind,
        item.service ?? '',
        item.priority,
        item.gate ?? 0,
        item.evidence,
        item.action ?? '',
        item.verify ?? '',
        item.query ?? null,
        item.links ?? []
    ]);
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(content).digest('hex').slice(0, 20);
}
function issueMarker(item) {
    return `<!-- sre-monitoring:fingerprint=${encodeURIComponent(item.fingerprint)} digest=${contentDigest(item)} -->`;
}
function parseMarker(body) {
    const m = body ? MARKER_RE.exec(body) : null;
    if (!m)
        return undefined;
    try {
        return { fingerprint: decodeURIComponent(m[1]), digest: m[2] };
    }
    catch {
        return undefined;
    }
}
/** `[monitoring] payments: missing traces coverage`: the service and the gap, in under 256 characters. */
function issueTitle(item) {
    const plain = item.title.replace(/[\u0000-\u001F\u007F]+/g, ' ').trim() || item.fingerprint;
    const named = item.service && !plain.toLowerCase().includes(item.service.toLowerCase()) ? `${item.service}: ${plain}` : plain;
    const prefixed = `[monitoring] ${named}`;
    return prefixed.length > 250 ? `${prefixed.slice(0, 249)}…` : prefixed;
}
const labelPart = (s) => s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
/** GitHub label names are at most 50 characters. */
const clip = (s) => (s.length > 50 ? s.slice(0, 50) : s);
function issueLabels(item, policy) {
    const base = policy.labels.length > 0 ? policy.labels : [DEFAULT_ISSUE_LABEL];
    const extra = [
        policy.kindPrefix ? `${policy.kindPrefix}${labelPart(item.kind)}` : '',
        policy.priorityPrefix ? `${policy.priorityPrefix}${item.priority}` : ''
    ].filter(Boolean);
    return [...new Set([...base, ...extra].map(clip))];
}
/** Labels this action sets (kind and priority), to replace on an update without touching the team's own. */
function isManagedLabel(name, policy) {
    return (!!policy.kindPrefix && name.startsWith(policy.kindPrefix)) || (!!policy.priorityPrefix && name.startsWith(policy.priorityPrefix));
}
const KIND_WORDS = {
    coverage_gap: 'coverage gap',
    claim_refuted: 'deploy claims refuted',
    baseline_regression: 'regression against the previous release',
    alert_rule: 'alert rule',
    alert_path: 'alert path',
    dashboard: 'dashboard',
    schedule: 'ongoing check',
    alert_tuning: 'alert tuning',
    approval: 'approval'
};
/** A fenced block whose fence is longer than any backtick run inside. */
function fenced(text, lang) {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${lang}\n${text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`;
}
/**
 * The issue body: what is wrong, the evidence (values, query, time), what to do, how to check the
 * fix locally, links. Text from evidence, config or backends is escaped; commands and queries are
 * in code blocks, which GitHub shows verbatim.
 */
function renderIssueBody(item, runUrl, packageUrl, limit = _body_js__WEBPACK_IMPORTED_MODULE_2__/* .GITHUB_BODY_LIMIT */ .n) {
    const facts = [
        item.service ? `**Service:** ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(item.service)}` : '',
        `**Kind:** ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(KIND_WORDS[item.kind] ?? item.kind.replace(/_/g, ' '))}`,
        `**Priority:** ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(item.priority)}`,
        item.gate ? `**Fails gate:** ${item.gate}` : '**Fails gate:** none (an improvement)'
    ].filter(Boolean);
    const head = [
        issueMarker(item),
        `### ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(item.title)}`,
        '',
        facts.join(' · '),
        '',
        '#### What is wrong',
        '',
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(item.summary),
        '',
        '#### Evidence',
        '',
        '| Field | Value |',
        '| --- | --- |'
    ].join('\n');
    const links = [
        ...(item.links ?? []).map((l) => `- ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .mdLink */ .YF)(l.label, l.url)}`),
        ...(runUrl ? [`- ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .mdLink */ .YF)('The run that recorded these values', runUrl)}`] : []),
        ...(packageUrl ? [`- ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .mdLink */ .YF)('Evidence package (monitoring-package)', packageUrl)}`] : [])
    ];
    const tail = [
        '',
        ...(item.query
            ? [
                '',
                `Query${item.query.backend ? ` (backend ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(item.query.backend)})` : ''}${item.observedAt ? `, seen at ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(item.observedAt)}` : ''}:`,
                '',
                fenced(item.query.expr, item.kind === 'coverage_gap' && item.query.expr.startsWith('{') ? 'logql' : 'promql')
            ]
            : item.observedAt
                ? ['', `Seen at ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(item.observedAt)}.`]
                : []),
        '',
        '#### What to do',
        '',
        (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(item.action ?? 'See the evidence above and the package for the details.'),
        '',
        '#### Check the fix locally',
        '',
        fenced(item.verify ?? 'npx sre-monitoring --config .github/sre-monitoring.yml --evidence .artifacts/deployment', 'sh'),
        '',
        ...(links.length ? ['#### Links', '', ...links, ''] : []),
        '_Filed by sre-monitoring-action. Found again on later runs by the hidden fingerprint above; updated only when the evidence changes, closed when a run no longer finds it._',
        ''
    ].join('\n');
    const budget = limit - head.length - tail.length - 200;
    const rows = [];
    let used = 0;
    let omitted = 0;
    for (const e of item.evidence) {
        const row = `| ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeCell */ .kq)(e.label, 200)} | ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeCell */ .kq)(e.value)} |`;
        if (omitted === 0 && used + row.length + 1 <= budget) {
            rows.push(row);
            used += row.length + 1;
        }
        else {
            omitted++;
        }
    }
    if (item.evidence.length === 0)
        rows.push('| finding | as stated above |');
    const note = omitted
        ? `\n\n_${omitted} more evidence row(s) left out to stay under GitHub's ${limit.toLocaleString('en-US')}-character limit; all rows are in the package's improvement-backlog.md._`
        : '';
    return (0,_body_js__WEBPACK_IMPORTED_MODULE_2__/* .fitBody */ .K)(`${head}\n${rows.join('\n')}${note}\n${tail}`, limit);
}
function planIssue(item, policy, runUrl, packageUrl) {
    return {
        fingerprint: item.fingerprint,
        kind: item.kind,
        service: item.service ?? null,
        priority: item.priority,
        gate: item.gate ?? null,
        title: issueTitle(item),
        body: renderIssueBody(item, runUrl, packageUrl),
        labels: issueLabels(item, policy),
        assignees: [...new Set(item.assignees ?? [])]
    };
}
/** Every item as it would be filed, highest priority first. */
function planIssues(items, policy, runUrl, packageUrl) {
    return [...items].sort(_model_backlog_js__WEBPACK_IMPORTED_MODULE_1__/* .byPriority */ .m).map((i) => planIssue(i, policy, runUrl, packageUrl));
}


/***/ }),

/***/ 28274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ fingerprint),
/* harmony export */   m: () => (/* binding */ byPriority)
/* harmony export */ });
/* harmony import */ var _util_order_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1204);
/**
 * One improvement action found by the run (a coverage gap, a misaligned alert, a failed alert
 * test...). It becomes a line in improvement-backlog.md and one GitHub issue, found again on
 * later runs by its fingerprint, never by its title.
 */

const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 };
/** Highest priority first; within a priority, items that fail a gate, then by fingerprint. */
function byPriority(a, b) {
    return PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || (a.gate ?? 9) - (b.gate ?? 9) || (0,_util_order_js__WEBPACK_IMPORTED_MODULE_0__/* .byText */ .z)(a.fingerprint, b.fingerprint);
}
/** Fingerprint from the parts that identify an item; never from wording. */
function fingerprint(...parts) {
    return parts
        .filter((p) => p !== undefined && p !== '')
        .map((p) => p.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'))
        .join(':');
}


/***/ }),

/***/ 81459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TR: () => (/* binding */ DOWNSTREAM),
/* harmony export */   u1: () => (/* binding */ buildManifest)
/* harmony export */ });
/* unused harmony export REQUIRED_ARTIFACTS */
/* harmony import */ var _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86404);
/* harmony import */ var _util_order_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1204);


/** The artifacts the protocol names; the manifest itself is listed apart. */
const REQUIRED_ARTIFACTS = [
    _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.requirements,
    _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.instrumentationAudit,
    _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.baselineMetrics,
    _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.dashboardConfig,
    _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.alertTestResults,
    _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.observabilitySchedule,
    _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.alertTuningReport,
    _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.scorecard,
    _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.approvalRecord,
    _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.improvementBacklog
];
/** Which downstream protocol reads what (seed section 3). */
const DOWNSTREAM = {
    'protocol-13': [_artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.manifest, _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.alertTestResults, _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.instrumentationAudit, _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.approvalRecord],
    'protocol-5': [_artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.scorecard, _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.alertTuningReport, _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.improvementBacklog],
    'protocol-14': [_artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.baselineMetrics, _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.instrumentationGaps, _artifacts_files_js__WEBPACK_IMPORTED_MODULE_0__/* .FILES */ .cn.instrumentationAudit]
};
function buildManifest(args) {
    const artifacts = [...args.written]
        .map((a) => ({
        name: a.name,
        sha256: a.sha256,
        bytes: a.bytes,
        written_at: a.written_at,
        verified_by: args.generator,
        schema_file: a.schema.file,
        schema_result: a.schema.result
    }))
        .sort((a, b) => (0,_util_order_js__WEBPACK_IMPORTED_MODULE_1__/* .byText */ .z)(a.name, b.name));
    const present = new Set(artifacts.filter((a) => a.schema_result !== 'invalid').map((a) => a.name));
    const required = [...REQUIRED_ARTIFACTS];
    const missing = required.filter((n) => !present.has(n));
    const why = (n) => args.notWritten?.get(n) ??
        (artifacts.some((a) => a.name === n)
            ? 'written but fails its schema'
            : args.refusedInput?.length
                ? 'not produced: the input was refused (see refused_input)'
                : 'not produced by this run');
    return {
        generated_at: args.now.toISOString(),
        generator: args.generator,
        environment: args.environment,
        release: { tag: args.release.tag ?? null, commit: args.release.commit ?? null },
        run: { id: args.run.id, url: args.run.url ?? null },
        artifacts,
        required_artifacts: required,
        missing_artifacts: missing,
        manifest_completeness: Math.round(((required.length - missing.length) / required.length) * 10000) / 100,
        status: missing.length === 0 ? 'complete' : 'incomplete',
        missing: missing.map((name) => ({ name, reason: why(name) })),
        ...(args.refusedInput?.length ? { refused_input: args.refusedInput } : {}),
        runbook: args.runbook,
        downstream: Object.fromEntries(Object.entries(DOWNSTREAM).map(([k, v]) => [k, [...v]]))
    };
}


/***/ }),

/***/ 46616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ki: () => (/* binding */ schemaValidator),
  sq: () => (/* binding */ validateAgainst)
});

// UNUSED EXPORTS: formatAjvErrors

;// CONCATENATED MODULE: ./src/package/compile.ts
// Generated by scripts/bundle.mjs: every schema of schemas/ is precompiled into the bundle.
function compileSchema(schemaFile, _use) {
    throw new Error(`${schemaFile}: no validator was compiled into the bundle for this schema`);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(36214);
// EXTERNAL MODULE: ./node_modules/ajv-formats/dist/formats.js
var formats = __webpack_require__(10779);
;// CONCATENATED MODULE: ./src/package/precompiled.ts
// @ts-nocheck
// Generated by scripts/bundle.mjs: the validators of schemas/ (ajv standalone code in validators/).





const RUNTIME = {
    "ajv/dist/runtime/ucs2length": ucs2length,
    "ajv-formats/dist/formats": formats
};
const DIR = (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), 'validators');
function load(name) {
    const module = { exports: {} };
    const code = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(DIR, name), 'utf8');
    new Function('require', 'module', 'exports', code)((spec) => RUNTIME[spec], module, module.exports);
    return module.exports.validate;
}
const loaded = new Map();
const table = (files, suffix) => Object.defineProperties({}, Object.fromEntries(files.map((file) => {
    const name = file.replace(/\.json$/, suffix);
    return [file, { enumerable: true, get: () => loaded.get(name) ?? loaded.set(name, load(name)).get(name) }];
})));
const PRECOMPILED = table(["alert-backtest.schema.json", "alert-test-results.schema.json", "baseline-metrics.schema.json", "deployment-health-log.schema.json", "deployment-report.schema.json", "detection-drill.schema.json", "gate-results.schema.json", "instrumentation-audit.schema.json", "instrumentation-gaps.schema.json", "issues-to-file.schema.json", "monitoring-approval-record.schema.json", "monitoring-package-manifest.schema.json", "observability-schedule.schema.json", "post-deployment-validation.schema.json", "quality-audit.schema.json", "run-stats.schema.json", "webhook-ack-answer.schema.json", "webhook-ack-mapping.schema.json"], '.js');
const PRECOMPILED_OWN = table(["alert-backtest.schema.json", "alert-test-results.schema.json", "baseline-metrics.schema.json", "detection-drill.schema.json", "gate-results.schema.json", "instrumentation-audit.schema.json", "instrumentation-gaps.schema.json", "issues-to-file.schema.json", "monitoring-approval-record.schema.json", "monitoring-package-manifest.schema.json", "observability-schedule.schema.json", "run-stats.schema.json"], '.own.js');

;// CONCATENATED MODULE: ./src/package/schemas.ts


const compiled = new Map();
/**
 * The bundle's validator compiled at build time, else compile the schema on first use: a run only
 * pays for the schemas it needs.
 */
function schemaValidator(schemaFile, use = 'input') {
    const key = `${use}:${schemaFile}`;
    let v = compiled.get(key) ?? (use === 'own' ? PRECOMPILED_OWN : PRECOMPILED)[schemaFile];
    if (!v) {
        v = compileSchema(schemaFile, use);
        compiled.set(key, v);
    }
    return v;
}
function formatAjvErrors(errors) {
    return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}
function validateAgainst(schemaFile, data, use = 'input') {
    const v = schemaValidator(schemaFile, use);
    const valid = v(data);
    return { schema: schemaFile, valid, errors: valid ? [] : formatAjvErrors(v.errors) };
}


/***/ }),

/***/ 21313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VW: () => (/* binding */ announceGate),
/* harmony export */   eV: () => (/* binding */ ANNOUNCE)
/* harmony export */ });
/* unused harmony export PHASE_NAMES */
/** The seed's announcements, word for word. */
const ANNOUNCE = {
    phase1: '[PHASE 1 START] - Reviewing deployment evidence to map monitoring requirements...',
    coverage: 'Validating instrumentation coverage across services and dependencies...',
    phase2: '[PHASE 2 START] - Activating dashboards and alert policies...',
    phase3: '[PHASE 3 START] - Scheduling ongoing observability validation tasks...',
    correlating: 'Correlating recent alerts with incident history to tune thresholds...',
    phase4: '[PHASE 4 START] - Delivering monitoring package to incident response and retrospective owners...',
    complete: (n, name) => `[PHASE ${n} COMPLETE] - ${name} finished successfully.`,
    automation: (script, status) => `[AUTOMATION] ${script} executed: ${status}`,
    handoff: '[HANDOFF CONFIRMATION] - Monitoring package compiled. Confirm delivery to Protocol 13? (yes/no)',
    protocolComplete: '[PROTOCOL COMPLETE] - Monitoring activated. Ready for Protocol 13 (Incident Response & Rollback).'
};
const PHASE_NAMES = {
    1: 'Instrumentation Alignment and Baseline Capture',
    2: 'Monitoring Activation and Alert Validation',
    3: 'Continuous Observability Assurance',
    4: 'Handoff and Improvement Loop'
};
function announceGate(log, gate) {
    if (gate.status === 'pass') {
        log.info(ANNOUNCE.complete(gate.id, PHASE_NAMES[gate.id]));
        return;
    }
    log.info(`Gate ${gate.id} (${gate.name}): FAIL`);
    for (const r of gate.reasons.slice(0, 20))
        log.error(r, { title: `Gate ${gate.id}: ${gate.name}` });
    for (const e of gate.errors.slice(0, 20))
        log.error(`backend error: ${e}`, { title: `Gate ${gate.id}: ${gate.name}` });
}


/***/ }),

/***/ 21454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ gateResultsDoc)
/* harmony export */ });
/** gate-results.json: the four gates, their overall status, and whether the run is over. */
function gateResultsDoc(gates, at, final) {
    return { evaluated_at: at.toISOString(), status: gates.every((g) => g.status === 'pass') ? 'pass' : 'fail', final, gates };
}


/***/ }),

/***/ 47883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ LocalGitHubPort)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _approval_record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83846);
/* harmony import */ var _github_issue_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73966);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50767);
/* harmony import */ var _artifacts_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(86404);






/**
 * GitHub as seen from a run without a token (the command line): nothing is sent to GitHub. The
 * issues that would be filed are written to a file. With a delivery folder, the package and the
 * Protocol 13 handoff event are delivered there, for pipelines that hand off through files.
 */
class LocalGitHubPort {
    outputDir;
    now;
    log;
    deliverTo;
    description = 'local run (no GitHub token)';
    constructor(outputDir, now, log, deliverTo) {
        this.outputDir = outputDir;
        this.now = now;
        this.log = log;
        this.deliverTo = deliverTo;
    }
    async downloadEvidence(name) {
        return { error: `local run: cannot download artifact ${name} without GitHub; pass --evidence DIR` };
    }
    async approval(approvedBy) {
        return (0,_approval_record_js__WEBPACK_IMPORTED_MODULE_5__/* .approvalFromInput */ .ad)({ approvedByInput: approvedBy, recordedAt: this.now().toISOString(), log: this.log });
    }
    async uploadPackage(_dir, files) {
        if (!this.deliverTo)
            return { error: 'local run: no GitHub artifact service and no --deliver-to folder' };
        const dest = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(this.deliverTo);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dest, { recursive: true });
            for (const f of files)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(f, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dest, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(f)));
            return { delivered: dest };
        }
        catch (err) {
            return { error: `delivery to ${dest} failed: ${err.message}` };
        }
    }
    /** issues-to-file.json: every issue exactly as the action would send it, highest priority first. */
    async syncBacklog(items, opts) {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.outputDir, _artifacts_files_js__WEBPACK_IMPORTED_MODULE_4__/* .FILES */ .cn.issuesToFile);
        const issues = (0,_github_issue_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .planIssues */ .ef)(items, { labels: opts?.labels ?? [], kindPrefix: opts?.kindLabelPrefix, priorityPrefix: opts?.priorityLabelPrefix }, undefined);
        const doc = {
            generated_at: this.now().toISOString(),
            repository: null,
            note: 'Not filed: a local run has no GitHub token. Each entry is what the action would send to POST /repos/{owner}/{repo}/issues.',
            issues
        };
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, JSON.stringify((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactDeep */ .KL)(doc), null, 2) + '\n');
        return { opened: [], updated: [], closed: [], reopened: [], heldBack: [], errors: [], file };
    }
    async sendHandoff(eventType, info) {
        if (!this.deliverTo)
            return { error: 'local run: no GitHub token to send repository_dispatch with, and no --deliver-to folder' };
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(this.deliverTo), `${eventType}.json`);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, JSON.stringify((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactDeep */ .KL)({ event_type: eventType, sent_at: this.now().toISOString(), client_payload: info }), null, 2) + '\n');
            this.log.info(`Handoff event written to ${file}`);
            return { ok: true };
        }
        catch (err) {
            return { error: `handoff event not written to ${file}: ${err.message}` };
        }
    }
    async commentOnPullRequest() { }
    async previousPackage(_artifactName) {
        return { reason: 'local run: no previous workflow run to take a package from (use baseline.previous.file)' };
    }
    async incidents() {
        throw new Error('GitHub issues as an incident source need a GitHub token');
    }
    runUrl() {
        return undefined;
    }
}


/***/ }),

/***/ 88706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kY: () => (/* binding */ runProtocolGuarded)
});

// UNUSED EXPORTS: ANNOUNCE, crashedRun, runProtocol

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/gates/types.ts
var types = __webpack_require__(72301);
// EXTERNAL MODULE: ./src/package/manifest.ts
var package_manifest = __webpack_require__(81459);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
// EXTERNAL MODULE: ./src/artifacts/files.ts
var files = __webpack_require__(86404);
// EXTERNAL MODULE: ./src/package/schemas.ts + 2 modules
var schemas = __webpack_require__(46616);
;// CONCATENATED MODULE: ./src/package/writer.ts






/** A JSON artifact failed its own schema: a defect of the action, reported, never written. */
class ArtifactSchemaError extends Error {
    artifact;
    errors;
    constructor(artifact, errors) {
        super(`${artifact} does not satisfy its schema: ${errors.slice(0, 5).join('; ')}`);
        this.artifact = artifact;
        this.errors = errors;
        this.name = 'ArtifactSchemaError';
    }
}
/**
 * Writes the package files into one folder and remembers what it wrote for the manifest. Every
 * file passes the run's redactor here, so no artifact can carry a known secret.
 */
class PackageWriter {
    dir;
    now;
    written = new Map();
    constructor(dir, now) {
        this.dir = dir;
        this.now = now;
    }
    async init() {
        await (0,promises_.mkdir)(this.dir, { recursive: true });
    }
    async put(name, content, schema) {
        const path = (0,external_node_path_.join)(this.dir, name);
        // Encoded once: the file, its hash and its size read the same bytes (a fleet's file is 20 MB).
        const bytes = Buffer.from(content, 'utf8');
        await (0,promises_.writeFile)(path, bytes);
        const artifact = {
            name,
            path,
            sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'),
            bytes: bytes.length,
            written_at: this.now().toISOString(),
            schema
        };
        this.written.set(name, artifact);
        return artifact;
    }
    /** Validate against the artifact's schema, then write. Throws ArtifactSchemaError when invalid. */
    async json(name, raw) {
        const schemaFile = files/* ARTIFACT_SCHEMAS */.cF[name];
        if (!schemaFile)
            throw new Error(`no schema registered for ${name}`);
        const data = (0,redact/* redactDeep */.KL)(raw);
        // What the run writes: an error is a bug of the action, the first one is enough.
        const result = (0,schemas/* validateAgainst */.sq)(schemaFile, data, 'own');
        if (!result.valid)
            throw new ArtifactSchemaError(name, result.errors);
        return this.put(name, JSON.stringify(data, null, 2) + '\n', { file: schemaFile, result: 'valid', errors: [] });
    }
    async text(name, content) {
        const safe = (0,redact/* redact */.E$)(content);
        return this.put(name, safe.endsWith('\n') ? safe : safe + '\n', { file: null, result: 'n/a', errors: [] });
    }
}

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/escape.ts
var util_escape = __webpack_require__(55421);
// EXTERNAL MODULE: ./src/config/read.ts
var read = __webpack_require__(62000);
// EXTERNAL MODULE: ./src/protocol/announce.ts
var announce = __webpack_require__(21313);
// EXTERNAL MODULE: ./src/protocol/gate-results.ts
var gate_results = __webpack_require__(21454);
// EXTERNAL MODULE: ./src/stats/run-stats.ts
var run_stats = __webpack_require__(46968);
// EXTERNAL MODULE: ./src/util/http.ts
var http = __webpack_require__(44098);
;// CONCATENATED MODULE: ./src/protocol/run-state.ts








/**
 * What every phase shares: the options, the package writer, and the one wrapper through which
 * each step runs. A step that throws is recorded once (in `errors` and the log) and replaced by
 * its "not verified" result, so the run goes on and the package is still written.
 */
class ProtocolRun {
    opts;
    writer;
    errors = [];
    /** Package files that could not be written, and why: the manifest lists them. */
    notWritten = new Map();
    now;
    log;
    steps;
    /** When the run started: an artifact dated before it is not evidence of this run. */
    startedAt;
    /** Every request and wait of the run, by phase and backend (run-stats.json). */
    stats;
    /** The four phases ran to their end (no refused input, no crash). */
    allPhasesRan = false;
    constructor(opts, writer, steps) {
        this.opts = opts;
        this.writer = writer;
        this.now = opts.now ?? (() => new Date());
        this.log = opts.log;
        this.steps = steps;
        this.startedAt = this.now();
        this.stats = new run_stats/* RunStatsRecorder */.jw(() => (0,http/* httpLimits */.NS)().backendConcurrency);
    }
    /** The run's cost as of now (run-stats.json). */
    runStats(args) {
        return this.stats.snapshot({ now: Date.now(), runId: this.opts.runId, ...args });
    }
    /**
     * run-stats.json in the package, written just before the manifest so that the manifest lists
     * it: it counts everything up to there; the upload, handoff and issue sync come after it.
     */
    async writeRunStats(environment, complete, stopped) {
        const covers = stopped
            ? `the requests and waits of the run until it stopped part-way (${stopped}), up to the package manifest; the upload after it is counted in the job summary only`
            : 'every request and wait of the run up to the package manifest; the upload, the handoff notifications and the issue sync come after it and are counted in the job summary only';
        return this.writeJson(files/* FILES */.cn.runStats, this.runStats({ environment, complete, covers }));
    }
    /** Why no package file can be written where asked (said once; later writes don't repeat it). */
    unwritable;
    /** The output folder cannot be written: said once, with the path and the cause. */
    outputUnwritable(problem) {
        this.unwritable = problem;
        this.fail(problem);
    }
    /** Record a failure that stopped part of the run, once. */
    fail(reason) {
        this.errors.push(reason);
        this.log.error(reason);
    }
    /** Refused input: each error said (the first ten in the log) and recorded; the run stops there. */
    refuse(err) {
        const messages = err instanceof errors/* InputErrors */.G ? err.errors.map((e) => e.message) : [(0,errors/* errorText */.kc)(err)];
        for (const m of messages.slice(0, 10))
            this.log.error(m);
        this.errors.push(...messages);
        return { refused: true, messages };
    }
    async step(what, fn, fallback) {
        try {
            return await (0,run_stats/* inPhase */.xe)((0,run_stats/* phaseOfStep */.xd)(what), fn);
        }
        catch (err) {
            const reason = `${what} failed: ${(0,errors/* errorText */.kc)(err)}`;
            this.fail(reason);
            return fallback(reason);
        }
    }
    /**
     * A step started now and settled later: its requests overlap the work before the point where
     * the run needs it, and its failure is said there, in the protocol's order.
     */
    startStep(what, fn) {
        const started = (0,run_stats/* inPhase */.xe)((0,run_stats/* phaseOfStep */.xd)(what), fn).then((value) => ({ value }), (error) => ({ error }));
        return {
            settle: (fallback) => this.step(what, async () => {
                const r = await started;
                if ('error' in r)
                    throw r.error;
                return r.value;
            }, fallback)
        };
    }
    /** Write a JSON artifact; false (and the failure recorded) when it could not be written. */
    async writeJson(name, data) {
        return (await this.write(name, () => this.writer.json(name, data))) !== undefined;
    }
    /** Write a Markdown/text artifact; undefined (and the failure recorded) when it could not be written. */
    async writeText(name, content) {
        return this.write(name, () => this.writer.text(name, content));
    }
    async write(name, put) {
        try {
            return await put();
        }
        catch (err) {
            this.notWritten.set(name, `not written: ${(0,errors/* errorText */.kc)(err)}`);
            // With the whole folder unwritable, the one error already said so.
            if (!this.unwritable?.endsWith('no package file can be written'))
                this.fail(`${name} not written: ${(0,errors/* errorText */.kc)(err)}`);
            return undefined;
        }
    }
    /**
     * The built-in live check, and the seed's automation hook beside it when the config names one.
     * The hook's artifact is evidence only: it is reviewed against the live result (of this run,
     * covering the same services or routes) and recorded with it; the live result is what counts.
     */
    async liveWithHook(args) {
        const live = await this.step(args.what, args.builtIn, args.fallback);
        if (!args.command) {
            this.log.info(announce/* ANNOUNCE */.eV.automation(args.script, args.builtInStatus(live)));
            return live;
        }
        this.log.info(`Live check (built-in): ${args.builtInStatus(live)}`);
        // The hook writes outside the package: its file is never taken for the live artifact.
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'sre-hook-'));
        try {
            // Loaded here: child processes are for the runs whose config names a hook.
            const { runHook } = await __webpack_require__.e(/* import() */ 952).then(__webpack_require__.bind(__webpack_require__, 9952));
            const hook = await runHook({
                command: args.command,
                outputFile: (0,external_node_path_.join)(dir, args.artifact),
                schemaFile: files/* ARTIFACT_SCHEMAS */.cF[args.artifact],
                cwd: this.opts.workspace,
                env: this.opts.env,
                timeoutSeconds: args.timeoutSeconds
            });
            const review = args.review(hook, live);
            const verdict = review.accepted ? 'accepted as evidence' : `refused as evidence: ${review.refused[0] ?? 'no artifact'}`;
            this.log.info(announce/* ANNOUNCE */.eV.automation(args.script, `${hook.status} (${args.commandName}); ${verdict}`));
            for (const d of review.disagreements.slice(0, 10))
                this.log.warning(d, { title: args.commandName });
            if (review.disagreements.length > 10)
                this.log.warning(`${review.disagreements.length - 10} more disagreement(s) in ${args.artifact}`, { title: args.commandName });
            return { ...live, hook: review };
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true }).catch(() => undefined);
        }
    }
}

;// CONCATENATED MODULE: ./src/protocol/steps.ts
const defaultSteps = {
    async loadEvidence(dir, limits) {
        const { loadEvidence } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(877), __webpack_require__.e(174), __webpack_require__.e(980)]).then(__webpack_require__.bind(__webpack_require__, 66980));
        return loadEvidence(dir, limits);
    },
    async loadOpenSlo(paths, workspace) {
        if (paths.length === 0)
            return [];
        const { loadOpenSlo } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(382), __webpack_require__.e(816), __webpack_require__.e(131), __webpack_require__.e(238)]).then(__webpack_require__.bind(__webpack_require__, 63238));
        return loadOpenSlo(paths, workspace);
    },
    async audit(ctx) {
        const { runInstrumentationAudit } = await Promise.all(/* import() */[__webpack_require__.e(828), __webpack_require__.e(816), __webpack_require__.e(131), __webpack_require__.e(231)]).then(__webpack_require__.bind(__webpack_require__, 10231));
        return runInstrumentationAudit(ctx);
    },
    async loadPreviousBaseline(file) {
        const { loadPreviousBaseline } = await Promise.all(/* import() */[__webpack_require__.e(828), __webpack_require__.e(529)]).then(__webpack_require__.bind(__webpack_require__, 87529));
        return loadPreviousBaseline(file);
    },
    async baseline(ctx, previous) {
        const { captureBaseline } = await Promise.all(/* import() */[__webpack_require__.e(828), __webpack_require__.e(529)]).then(__webpack_require__.bind(__webpack_require__, 87529));
        return captureBaseline(ctx, previous);
    },
    async alignment(ctx) {
        const { checkSloAlignment } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(828), __webpack_require__.e(243), __webpack_require__.e(196), __webpack_require__.e(441)]).then(__webpack_require__.bind(__webpack_require__, 441));
        return checkSloAlignment(ctx);
    },
    async dashboards(ctx) {
        const { checkDashboards } = await Promise.all(/* import() */[__webpack_require__.e(828), __webpack_require__.e(382), __webpack_require__.e(196), __webpack_require__.e(41)]).then(__webpack_require__.bind(__webpack_require__, 22041));
        return checkDashboards(ctx);
    },
    async renderDashboardConfig(alignment, dashboards) {
        const { renderDashboardConfig } = await __webpack_require__.e(/* import() */ 258).then(__webpack_require__.bind(__webpack_require__, 16877));
        return renderDashboardConfig(alignment, dashboards);
    },
    async drill(ctx, ruleSet, alignment) {
        const { runDetectionDrill, drillNotRun } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(828), __webpack_require__.e(243), __webpack_require__.e(196), __webpack_require__.e(441), __webpack_require__.e(185)]).then(__webpack_require__.bind(__webpack_require__, 28185));
        return ruleSet
            ? runDetectionDrill(ctx, ruleSet)
            : drillNotRun(ctx, `the alert rules were not read: ${alignment.not_verified_reason ?? 'no rule set'}`);
    },
    async alertTests(ctx, opts) {
        const { runAlertTests } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(592), __webpack_require__.e(976)]).then(__webpack_require__.bind(__webpack_require__, 11592));
        return runAlertTests(ctx, opts);
    },
    async updateRunbook(ctx, input) {
        const { updateRunbook } = await __webpack_require__.e(/* import() */ 779).then(__webpack_require__.bind(__webpack_require__, 12779));
        return updateRunbook(ctx, {
            alignment: input.alignment,
            dashboards: input.dashboards,
            alertTests: input.alertTests,
            onCallOwner: input.onCallOwner
        });
    },
    async prometheus(ctx, backend) {
        const entry = Object.entries(ctx.config.backends).find(([name, b]) => (backend ? name === backend : b.type === 'prometheus'));
        if (!entry || entry[1].type !== 'prometheus')
            return undefined;
        const { PrometheusClient } = await __webpack_require__.e(/* import() */ 45).then(__webpack_require__.bind(__webpack_require__, 80045));
        return new PrometheusClient(entry[0], entry[1], ctx.env, ctx.log);
    }
};

;// CONCATENATED MODULE: ./src/protocol/run.ts
/**
 * Protocol 12, phase by phase: evidence in, live checks, the evidence package and four gates out.
 * Each phase is its own module that takes the results of the ones before; every step's failure
 * is recorded by one wrapper (ProtocolRun.step) and the run goes on. Whatever goes wrong (refused
 * input, a crashed phase, an output folder that cannot be written), the run ends with the gates,
 * a manifest saying what is missing and why, the requirements file, and the upload.
 */

















/** A gate that could not be evaluated, and why. */
function notEvaluated(id, reason) {
    return { id, name: types/* GATE_NAMES */.r[id], status: 'fail', reasons: [reason], errors: [], checks: [], evidence: [] };
}
/**
 * The package folder, checked by writing to it. A folder that cannot be written (read-only, or the
 * path is a file) is said once, with the path and the cause, and the package goes to a folder
 * under the runner's temp instead, so it is still uploaded and the summary still points at it.
 */
async function openPackage(opts, now) {
    const dir = (0,external_node_path_.resolve)(opts.workspace, opts.outputDir);
    const probe = async (d) => {
        const w = new PackageWriter(d, now);
        await w.init();
        const test = (0,external_node_path_.join)(d, `.sre-monitoring-write-test-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
        await (0,promises_.writeFile)(test, '');
        await (0,promises_.rm)(test, { force: true });
        return w;
    };
    try {
        return { writer: await probe(dir) };
    }
    catch (err) {
        const fallback = (0,external_node_path_.join)(opts.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `sre-monitoring-package-${opts.runId.replace(/[^A-Za-z0-9_-]/g, '_')}`);
        const cause = (0,errors/* errorText */.kc)(err).replace(/^Error: /, '');
        try {
            const writer = await probe(fallback);
            return { writer, problem: `Output folder ${dir} cannot be written (${cause}); the package is written to ${fallback} instead` };
        }
        catch (err2) {
            return {
                writer: new PackageWriter(dir, now),
                problem: `Output folder ${dir} cannot be written (${cause}), nor ${fallback} (${(0,errors/* errorText */.kc)(err2).replace(/^Error: /, '')}): no package file can be written`
            };
        }
    }
}
async function runProtocol(opts) {
    const now = opts.now ?? (() => new Date());
    const { writer, problem } = await openPackage(opts, now);
    const run = new ProtocolRun(opts, writer, opts.steps ?? defaultSteps);
    if (problem)
        run.outputUnwritable(problem);
    const result = await (0,run_stats/* withRunStats */.N)(run.stats, 'instrumentation', () => runPhases(run));
    // The whole run's cost, the upload, handoff and issue sync included, for the summary.
    result.runStats = run.runStats({
        environment: result.model?.environment ?? 'unknown',
        complete: run.allPhasesRan,
        covers: 'every request and wait of the run, the upload, handoff and issue sync included'
    });
    return result;
}
async function runPhases(run) {
    const { opts, writer } = run;
    let p1;
    let p2;
    let p3;
    let phase = 1;
    try {
        const input = await readConfig(run);
        if ('refused' in input)
            return await finishEarly(run, { refused: refusedInput(opts, input) });
        // Each phase (its parsers, clients and checks) loads when the run gets there.
        const { instrumentationPhase } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(828), __webpack_require__.e(243), __webpack_require__.e(382), __webpack_require__.e(877), __webpack_require__.e(816), __webpack_require__.e(566), __webpack_require__.e(174), __webpack_require__.e(131), __webpack_require__.e(639)]).then(__webpack_require__.bind(__webpack_require__, 13639));
        const first = await instrumentationPhase(run, input.configText);
        if ('refused' in first)
            return await finishEarly(run, { refused: refusedInput(opts, first) });
        p1 = first;
        phase = 2;
        const q1 = p1;
        const { activationPhase } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(828), __webpack_require__.e(566), __webpack_require__.e(592), __webpack_require__.e(774)]).then(__webpack_require__.bind(__webpack_require__, 51774));
        p2 = await (0,run_stats/* inPhase */.xe)('activation', () => activationPhase(run, q1));
        phase = 3;
        const q2 = p2;
        const { assurancePhase } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(828), __webpack_require__.e(243), __webpack_require__.e(382), __webpack_require__.e(877), __webpack_require__.e(814), __webpack_require__.e(196), __webpack_require__.e(566), __webpack_require__.e(174), __webpack_require__.e(252)]).then(__webpack_require__.bind(__webpack_require__, 54252));
        p3 = await (0,run_stats/* inPhase */.xe)('assurance', () => assurancePhase(run, q1, q2));
        phase = 4;
        const q3 = p3;
        const { handoffPhase } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(828), __webpack_require__.e(877), __webpack_require__.e(566), __webpack_require__.e(174), __webpack_require__.e(592), __webpack_require__.e(908)]).then(__webpack_require__.bind(__webpack_require__, 64908));
        const p4 = await (0,run_stats/* inPhase */.xe)('handoff', () => handoffPhase(run, q1, q2, q3));
        run.allPhasesRan = true;
        const gates = [p1.gate, p2.gate, p3.gate, p4.gate];
        const status = gates.every((g) => g.status === 'pass') ? 'pass' : 'fail';
        // "Ready for Protocol 13" is true only when every gate passed and Protocol 13 accepted the handoff.
        if (status === 'pass' && p4.handedOff)
            run.log.info(announce/* ANNOUNCE */.eV.protocolComplete);
        return {
            status,
            gates,
            packageDir: writer.dir,
            artifacts: [...writer.written.values()],
            upload: p4.upload,
            issues: p4.issues,
            backlog: p3.backlog,
            errors: run.errors,
            model: p1.model,
            audit: p1.audit,
            baseline: p1.baseline,
            alertTests: p2.alertTests,
            tuning: p3.tuning,
            slos: p3.slos,
            manifest: p4.manifest,
            config: p1.config
        };
    }
    catch (err) {
        const reason = `phase ${phase} crashed: ${(0,errors/* errorText */.kc)(err)}`;
        run.fail(reason);
        return finishEarly(run, { crashed: reason, p1, p2, p3 });
    }
}
/**
 * Phase 1 up to the config's text: a config that is missing or cannot be read refuses the run
 * here, before anything heavy is loaded.
 */
async function readConfig(run) {
    const { opts, log } = run;
    log.info(announce/* ANNOUNCE */.eV.phase1);
    if (opts.evidenceError)
        run.fail(opts.evidenceError);
    try {
        return { configText: await (0,read/* readConfigText */.i)((0,external_node_path_.resolve)(opts.workspace, opts.configPath)) };
    }
    catch (err) {
        return run.refuse(err);
    }
}
/** The refused input as the manifest lists it: the evidence artifact's failure first. */
function refusedInput(opts, refused) {
    return [opts.evidenceError, ...refused.messages].filter((m) => !!m);
}
/**
 * What the caller reports when the run itself could not start or finish (a crash outside every
 * phase): every gate failed with the cause said once, so the summary and the outputs still tell it.
 */
function crashedRun(reason, packageDir) {
    return {
        status: 'fail',
        gates: [1, 2, 3, 4].map((id) => notEvaluated(id, id === 1 ? reason : 'not evaluated: see gate 1')),
        packageDir,
        artifacts: [],
        backlog: [],
        errors: [reason]
    };
}
/**
 * The protocol for an entry (the action, the command line): whatever throws, the caller gets a
 * result to report (crashedRun), and the crash is said once in the log.
 */
async function runProtocolGuarded(opts) {
    try {
        return await runProtocol(opts);
    }
    catch (err) {
        const reason = `the run crashed: ${(0,errors/* errorText */.kc)(err)}`;
        opts.log.error(reason);
        return crashedRun(reason, opts.outputDir);
    }
}
/** The requirements file when none could be derived: what input was refused, or what crashed. */
function refusalRequirements(why, at, refused) {
    const line = (s) => `- ${(0,util_escape/* escapeMarkdown */.FV)(s)}`;
    return [
        '# Monitoring requirements',
        '',
        `Generated ${at.toISOString()}.`,
        '',
        refused
            ? '**Not derived: the input was refused.** No service, signal or SLO could be mapped until this is fixed:'
            : '**Not derived: the run stopped before the requirements were mapped:**',
        '',
        ...why.map(line),
        '',
        'Every gate failed as not evaluated (gate-results.json); the manifest lists each missing artifact and why.',
        ''
    ].join('\n');
}
/**
 * The end of a run that could not go through all four phases: the gates it has (the others not
 * evaluated, saying why once), the requirements file, the manifest (incomplete, with reasons),
 * gate-results.json and the upload.
 */
async function finishEarly(run, why) {
    const { opts, now, writer } = run;
    const refused = 'refused' in why ? why.refused : undefined;
    const p1 = 'refused' in why ? undefined : why.p1;
    const p2 = 'refused' in why ? undefined : why.p2;
    const p3 = 'refused' in why ? undefined : why.p3;
    const cause = refused ? `invalid input: ${refused.join('; ')}` : why.crashed;
    const known = [p1?.gate, p2?.gate, p3?.gate];
    // The cause is said once, on the first gate it stopped; the others point to it.
    const firstMissing = known.findIndex((g) => !g);
    const gates = [1, 2, 3, 4].map((id, i) => known[i] ??
        notEvaluated(id, i === (firstMissing < 0 ? 3 : firstMissing) ? cause : `not evaluated: see gate ${(firstMissing < 0 ? 3 : firstMissing) + 1}`));
    try {
        if (!writer.written.has(files/* FILES */.cn.requirements)) {
            await run.writeText(files/* FILES */.cn.requirements, refusalRequirements(refused ?? [cause], now(), !!refused));
        }
        await run.writeJson(files/* FILES */.cn.gateResults, (0,gate_results/* gateResultsDoc */.W)(gates, now(), true));
        await run.writeRunStats(p1?.model.environment ?? 'unknown', false, cause);
        const manifest = (0,package_manifest/* buildManifest */.u1)({
            written: writer.written.values(),
            generator: opts.generator,
            now: now(),
            environment: p1?.model.environment ?? 'unknown',
            release: p1?.model.release ?? {},
            run: { id: opts.runId, url: opts.github.runUrl() },
            runbook: null,
            notWritten: run.notWritten,
            refusedInput: refused ?? [cause]
        });
        await run.writeJson(files/* FILES */.cn.manifest, manifest);
        const upload = opts.packageArtifact
            ? await opts.github.uploadPackage(writer.dir, [...writer.written.values()].map((a) => a.path))
            : undefined;
        if (upload && 'error' in upload)
            run.fail(`package upload failed: ${upload.error}`);
        return {
            status: 'fail',
            gates,
            packageDir: writer.dir,
            artifacts: [...writer.written.values()],
            upload,
            backlog: p3?.backlog ?? [],
            errors: run.errors,
            model: p1?.model,
            audit: p1?.audit,
            baseline: p1?.baseline,
            alertTests: p2?.alertTests,
            tuning: p3?.tuning,
            slos: p3?.slos,
            manifest,
            config: p1?.config
        };
    }
    catch (err) {
        // Even the early finish failed: the gates still go back for the summary and the outputs.
        run.fail(`the package could not be finished: ${(0,errors/* errorText */.kc)(err)}`);
        return { status: 'fail', gates, packageDir: writer.dir, artifacts: [...writer.written.values()], backlog: [], errors: run.errors };
    }
}


/***/ }),

/***/ 43337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vd: () => (/* binding */ coverageFigure),
/* harmony export */   __: () => (/* binding */ figureMarkdown),
/* harmony export */   eG: () => (/* binding */ errorBudgetFigure),
/* harmony export */   u5: () => (/* binding */ sloAttainmentFigure),
/* harmony export */   wo: () => (/* binding */ baselineFigure)
/* harmony export */ });
/* unused harmony exports CHART_MAX_BARS, mermaidLabel, changePercent, changeText */
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(790);

/** Most bars a chart shows; the table beside it lists every row. */
const CHART_MAX_BARS = 20;
function mermaidLabel(text, max = 32) {
    const clean = text
        .replace(/[^A-Za-z0-9 ._/:()%+-]+/g, ' ')
        .replace(/%+/g, '%')
        .replace(/\s+/g, ' ')
        .trim() || '?';
    return clean.length > max ? `${clean.slice(0, max - 2)}..` : clean;
}
const num = (n) => String(Math.round(n * 1000) / 1000);
const clamp = (n, lo, hi) => Math.min(hi, Math.max(lo, n));
function xyChart(args) {
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${mermaidLabel(args.title, 60)}"`,
        `  x-axis [${args.labels.map((l) => `"${mermaidLabel(l)}"`).join(', ')}]`,
        `  y-axis "${mermaidLabel(args.yTitle, 40)}" ${num(args.min)} --> ${num(args.max)}`,
        `  bar [${args.bars.map(num).join(', ')}]`,
        ...(args.line ? [`  line [${args.line.map(num).join(', ')}]`] : []),
        '```'
    ].join('\n');
}
const measured = (slos) => slos.filter((s) => s.attainment !== null && s.budget_remaining_percent !== null);
/** SLO attainment against the objective (a line), per SLO. */
function sloAttainmentFigure(slos) {
    const shown = measured(slos).slice(0, CHART_MAX_BARS);
    const values = shown.map((s) => s.attainment * 100);
    const floor = Math.max(0, Math.floor(Math.min(...values, ...shown.map((s) => s.objective)) - 1));
    const chart = shown.length
        ? xyChart({
            title: 'SLO attainment (%) against the objective (line)',
            labels: shown.map((s) => s.slo),
            yTitle: '%',
            min: floor,
            max: 100,
            bars: values,
            line: shown.map((s) => s.objective)
        })
        : '';
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['SLO', 'Service', 'Attainment', 'Objective', 'Budget left', 'Status'], slos.map((s) => [
        s.slo,
        s.service,
        s.attainment === null ? 'n/a' : `${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtNumber */ .FQ)(s.attainment * 100, 3)}%`,
        `${s.objective}% / ${s.window}`,
        s.budget_remaining_percent === null ? 'n/a' : `${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtNumber */ .FQ)(s.budget_remaining_percent, 1)}%`,
        s.status === 'met' ? '✅ met' : s.status === 'breached' ? '❌ breached' : `⚠️ ${s.status.replace('_', ' ')}: ${s.detail}`
    ]));
    return { chart, table };
}
/** Error budget left per SLO; bars are clamped to -100..100 % (the table has the real value). */
function errorBudgetFigure(slos) {
    const shown = measured(slos).slice(0, CHART_MAX_BARS);
    const chart = shown.length
        ? xyChart({
            title: 'Error budget left (%), clamped to -100..100',
            labels: shown.map((s) => s.slo),
            yTitle: '% of budget',
            min: -100,
            max: 100,
            bars: shown.map((s) => clamp(s.budget_remaining_percent, -100, 100))
        })
        : '';
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['SLO', 'Budget left'], measured(slos).map((s) => [s.slo, `${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtNumber */ .FQ)(s.budget_remaining_percent, 1)}%`]));
    return { chart, table };
}
const SIGNAL_KEYS = [
    ['metrics', 'metrics'],
    ['logs', 'logs'],
    ['traces', 'traces'],
    ['synthetic', 'synthetics']
];
/** Percent of services whose signal was verified live, per signal. */
function coverageFigure(audit) {
    const services = audit?.services ?? [];
    if (services.length === 0)
        return { chart: '', table: '' };
    const rows = SIGNAL_KEYS.map(([label, key]) => {
        const sigs = services.map((s) => s[key]);
        const verified = sigs.filter((s) => s.verified).length;
        const errors = sigs.filter((s) => s.verdict === 'error').length;
        return { label, verified, errors, total: sigs.length, percent: (verified / sigs.length) * 100 };
    });
    const chart = xyChart({
        title: 'Services with live, fresh data (%), per signal',
        labels: rows.map((r) => r.label),
        yTitle: '% of services',
        min: 0,
        max: 100,
        bars: rows.map((r) => r.percent)
    });
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['Signal', 'Verified', 'Backend errors'], rows.map((r) => [r.label, `${r.verified}/${r.total} (${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtNumber */ .FQ)(r.percent, 1)}%)`, r.errors ? String(r.errors) : '-']));
    return { chart, table };
}
/** Change against the previous release in percent (null when either value is missing or zero). */
function changePercent(c) {
    if (c.previous === null || c.current === null || !Number.isFinite(c.previous) || !Number.isFinite(c.current) || c.previous === 0)
        return null;
    return ((c.current - c.previous) / Math.abs(c.previous)) * 100;
}
function changeText(c) {
    const p = changePercent(c);
    if (p === null)
        return c.previous === 0 && c.current !== null ? `→ from 0 to ${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtNumber */ .FQ)(c.current)}` : 'n/a';
    const arrow = Math.abs(p) < 0.05 ? '→' : p > 0 ? '↑' : '↓';
    return `${arrow} ${p > 0 ? '+' : ''}${(0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtNumber */ .FQ)(p, 1)}%`;
}
/** The baseline against the previous release: change per service and metric. */
function baselineFigure(comparisons) {
    if (comparisons.length === 0)
        return { chart: '', table: '' };
    const withChange = comparisons.filter((c) => changePercent(c) !== null).slice(0, CHART_MAX_BARS);
    const chart = withChange.length
        ? xyChart({
            title: 'Change against the previous release (%), clamped to -200..200',
            labels: withChange.map((c) => `${c.service} ${c.metric}`),
            yTitle: '% change',
            min: -200,
            max: 200,
            bars: withChange.map((c) => clamp(changePercent(c), -200, 200))
        })
        : '';
    const icon = (v) => (v === 'pass' ? '✅' : v === 'warn' ? '⚠️' : v === 'fail' ? '❌' : '⚠️ error');
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .mdTable */ .gJ)(['Service', 'Metric', 'Previous', 'Now', 'Change', 'Criterion', 'Verdict'], comparisons.map((c) => [c.service, c.metric, (0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtNumber */ .FQ)(c.previous), (0,_table_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtNumber */ .FQ)(c.current), changeText(c), c.criterion, icon(c.verdict)]));
    return { chart, table };
}
/** Chart then table, or the table alone when there is nothing to draw. */
function figureMarkdown(f) {
    return [f.chart, f.table].filter(Boolean).join('\n\n');
}


/***/ }),

/***/ 19334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cr: () => (/* binding */ backendCause),
/* harmony export */   HH: () => (/* binding */ failedChecks),
/* harmony export */   ZL: () => (/* binding */ shellQuote),
/* harmony export */   a9: () => (/* binding */ amtoolCommand),
/* harmony export */   fs: () => (/* binding */ diagnosisHint),
/* harmony export */   up: () => (/* binding */ coverageHint)
/* harmony export */ });
/* harmony import */ var _model_backlog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28274);
/* harmony import */ var _links_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83303);


const SIGNAL_KEYS = [
    ['metrics', 'metrics'],
    ['logs', 'logs'],
    ['traces', 'traces'],
    ['synthetic', 'synthetics']
];
const short = (text, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** What to do, per kind of coverage gap. */
function coverageHint(gap, signal) {
    switch (gap) {
        case 'unmapped':
            return signal === 'synthetic'
                ? 'Give the service an endpoint to probe (services[].endpoints in the config, or the deploy evidence).'
                : `Map the signal: add a signals.${signal} check to the config that groups by the service label.`;
        case 'no_data':
            return `Add the missing ${signal} instrumentation, or fix the service label: the query found no series for this service.`;
        case 'stale':
            return `The newest ${signal} sample is too old: check that the exporter, agent or scrape job is still running.`;
        case 'invalid_value':
            return 'The query returns NaN or a non-number: fix the query or the instrumentation behind it.';
        case 'host_not_allowed':
            return "Add the endpoint's host to allowed-hosts in the config, or remove the endpoint.";
        case 'backend_error':
            return 'Not a monitoring gap: make the backend reachable from the runner (URL, credentials, network), then run again.';
        case 'not_verified':
            return 'Nothing was measured: fix the cause named, then run again.';
        default:
            return signal === 'synthetic'
                ? 'The endpoint answered wrongly or too slowly: fix the service, or the expected status and latency.'
                : `The ${signal} check failed: look at the query's answer and fix the instrumentation or the check.`;
    }
}
/** What to do, per diagnosed cause of missing data. */
function diagnosisHint(d, signal) {
    switch (d.cause) {
        case 'metric_missing':
            return `Add the missing ${signal} instrumentation: the metric does not exist in the backend at all (or the check's query names the wrong metric).`;
        case 'label_value_mismatch':
            return `Fix the service label${d.closest_values?.length ? `: the backend has ${d.closest_values.slice(0, 3).join(', ')}` : ''}; set services[].selector or rename the label value the service emits.`;
        case 'stopped':
            return `The ${signal} data stopped${d.stopped_at ? ` at ${d.stopped_at}` : ''}: restart or fix the exporter, agent or scrape job.`;
        case 'no_traffic':
            return 'The target is up but nothing was measured: send traffic (a synthetic check) or count the metric from zero so an idle service still reports.';
        case 'backend_down':
            return 'Not a monitoring gap: make the backend reachable from the runner (URL, credentials, network), then run again.';
        default:
            return `The selector filters every series out: check the label matchers of signals.${signal}.`;
    }
}
function alertHint(t) {
    if (t.status === 'error')
        return 'Not a routing fault: make the alerting backend reachable from the runner, then run again.';
    if (t.actual_receivers.length > 0 && !t.actual_receivers.includes(t.expected_receiver))
        return `Fix the route: alerts with these labels must reach ${t.expected_receiver}; test the routing tree offline with amtool.`;
    if (!t.delivered_at)
        return `Fix the route or the receiver ${t.expected_receiver}: the alert was not delivered. Check the receiver's integration and Alertmanager's notification counters.`;
    return `Check the on-call schedule and escalation of ${t.expected_receiver}: a person must acknowledge within the SLA.`;
}
function alertCause(t) {
    const actual = t.actual_receivers.join(', ') || 'no receiver';
    if (t.status === 'error')
        return { cause: `the alerting backend could not answer: ${t.reason}`, value: 'no answer', threshold: `receiver ${t.expected_receiver}` };
    if (t.status === 'not_run')
        return { cause: `not run: ${t.reason}`, value: 'not run', threshold: `receiver ${t.expected_receiver}` };
    if (t.actual_receivers.length > 0 && !t.actual_receivers.includes(t.expected_receiver))
        return { cause: `the alert went to ${actual}, not to ${t.expected_receiver}`, value: actual, threshold: t.expected_receiver };
    if (!t.delivered_at)
        return { cause: `the alert was not delivered: ${t.reason}`, value: 'not delivered', threshold: `delivered to ${t.expected_receiver}` };
    if (t.acknowledgement_time_seconds === null)
        return { cause: 'nobody acknowledged the alert', value: 'no acknowledgement', threshold: `within ${t.sla_seconds} s` };
    return {
        cause: 'the acknowledgement came too late',
        value: `${t.acknowledgement_time_seconds} s`,
        threshold: `within ${t.sla_seconds} s`
    };
}
/** What to do, per backlog kind (items that are not coverage gaps or alert tests). */
function backlogHint(item) {
    switch (item.kind) {
        case 'alert_rule':
            return "Add the rule from the package's suggested-alert-rules.yml to your rule files, check it with promtool, and deploy it.";
        case 'dashboard':
            return 'Add a panel for the service (or the SLO threshold) to a dashboard listed in dashboards.files or the Grafana uids.';
        case 'schedule':
            return 'Schedule the check: a workflow that runs this action with mode: assurance on a cron, or assurance.checks in the config.';
        case 'alert_tuning':
            return 'Configure the missing source (incidents.file or incidents.github-labels, and a Prometheus backend with alert history).';
        case 'approval':
            return 'Record the sign-off: approve the protected environment, or pass the approved-by input (--approved-by on the command line) and the on-call owner.';
        default:
            return item.action ?? 'See the backlog item for the evidence.';
    }
}
/** Hints for gate reasons that no structured result explains (gates 3 and 4, input errors). */
function reasonHint(reason, gate) {
    if (/not scheduled/.test(reason))
        return 'Schedule the check: a workflow that runs this action with mode: assurance on a cron, or assurance.checks in the config.';
    if (/no owner/.test(reason))
        return 'Name an owner: assurance.owner in the config, or the on-call-owner input (--on-call-owner).';
    if (/tuning source|alert history|incident source/.test(reason))
        return 'Configure the source: incidents.file or incidents.github-labels, and a Prometheus backend holding the ALERTS history.';
    if (/approval/i.test(reason))
        return 'Record the sign-off: approve the protected environment, or pass approved-by (--approved-by) and on-call-owner (--on-call-owner).';
    if (/manifest|package artifact/.test(reason))
        return 'An artifact of the package is missing or invalid: see the errors above and monitoring-package-manifest.json.';
    if (/not notified|not delivered|dispatch/.test(reason))
        return "Check package-artifact and the token's permissions (actions, contents: write for the handoff).";
    if (/invalid input|config|evidence/i.test(reason))
        return 'Fix the file and field named, then run again; the command line checks the same input locally.';
    return gate === 0 ? 'Fix the cause named, then run again.' : "See the gate's reasons in gate-results.json.";
}
/**
 * The backend failure a text describes ("prometheus: unreachable (ECONNREFUSED)", "loki: HTTP
 * 503"), whatever request it was: checks that failed for it are one cause.
 */
function backendCause(text) {
    const m = /(?:BackendError: )?([A-Za-z0-9_.-]+): (unreachable \([A-Z_]+\)|HTTP [0-9]{3}(?: [A-Za-z ]+)?|timed out after [0-9.]+ ?m?s|connect [A-Z_]+ [0-9.:]+)/.exec(text);
    return m ? `${m[1]}: ${m[2].trim()}` : undefined;
}
const RANK = { input: 0, backendDown: 10, critical: 20, alertPath: 30, slo: 40, rule: 50, other: 60, gate3: 70, gate4: 80, nonCritical: 90 };
/**
 * Every failed check, most important first: input errors, a backend that is down (once, with the
 * checks it took with it), critical services' missing signals, alert routes, SLO breaches, alert
 * rules and dashboards, then the later gates.
 */
function failedChecks(result, links = {}) {
    const out = [];
    const config = result.config;
    const issue = (fp) => {
        const n = fp ? result.issues?.numbers?.get(fp) : undefined;
        const l = (0,_links_js__WEBPACK_IMPORTED_MODULE_1__/* .issueLink */ .MN)(links, n);
        return l ? [l] : [];
    };
    const runbook = (0,_links_js__WEBPACK_IMPORTED_MODULE_1__/* .runbookLink */ .N7)(config, links, result.model?.release.tag, result.model?.environment);
    if (!result.model) {
        const reasons = result.errors.length ? result.errors : (result.gates[0]?.reasons ?? []);
        for (const r of reasons)
            out.push({ gate: 0, rank: RANK.input, subject: 'input', cause: short(r, 500), hint: reasonHint(r, 0), links: [] });
        return out;
    }
    for (const r of result.errors)
        out.push({ gate: 0, rank: RANK.input + 1, subject: 'run', cause: short(r, 500), hint: reasonHint(r, 0), links: [] });
    const gateFailed = (id) => result.gates.find((g) => g.id === id)?.status === 'fail';
    const explained = new Set();
    // ---- gate 1: one line per unverified signal; backend errors grouped by backend and cause.
    const audit = result.audit;
    let notVerified;
    if (audit?.not_verified_reason) {
        notVerified = {
            gate: 1,
            rank: RANK.critical,
            subject: 'instrumentation audit',
            cause: `not verified against live telemetry: ${short(audit.not_verified_reason)}`,
            hint: coverageHint('not_verified', 'metrics'),
            links: [],
            count: 0,
            members: []
        };
        out.push(notVerified);
        explained.add(1);
    }
    const gapOf = new Map((audit?.missing_coverage ?? []).map((g) => [`${g.service}/${g.signal}`, g]));
    const down = new Map();
    /** One line per backend failure, counting the checks it took with it. */
    const groupDown = (backend, reason, member, gate) => {
        const cause = backendCause(reason) ?? `${backend}: ${short(reason, 200)}`;
        const seen = down.get(cause);
        if (seen) {
            seen.count = (seen.count ?? 1) + 1;
            seen.members.push(member);
            return;
        }
        const check = {
            gate,
            rank: RANK.backendDown,
            subject: `backend ${cause.split(':')[0]}`,
            cause: `the backend did not answer: ${cause}`,
            value: 'no answer',
            hint: coverageHint('backend_error', 'metrics'),
            links: [],
            count: 1,
            members: [member]
        };
        down.set(cause, check);
        out.push(check);
    };
    for (const svc of audit?.services ?? []) {
        if (!svc.critical && !gateFailed(1))
            continue;
        for (const [signal, key] of SIGNAL_KEYS) {
            const s = svc[key];
            if (s.verified)
                continue;
            const gap = gapOf.get(`${svc.service_name}/${signal}`);
            const m = s.measurement;
            const member = `${svc.service_name}/${signal}`;
            if (notVerified && (s.verdict === 'not_verified' || gap?.gap === 'not_verified')) {
                // The audit as a whole was not verified: one line for every signal it left unchecked.
                notVerified.count = (notVerified.count ?? 0) + 1;
                notVerified.members.push(member);
                continue;
            }
            if (s.verdict === 'error' || gap?.gap === 'backend_error') {
                groupDown(m?.request.backend ?? 'backend', m?.reason ?? gap?.detail ?? 'no answer', member, 1);
                explained.add(1);
                continue;
            }
            const kind = gap?.gap ?? (s.mapped ? s.verdict : 'unmapped');
            const fp = (0,_model_backlog_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprint */ .R)('coverage', svc.service_name, signal);
            const d = s.diagnosis;
            out.push({
                gate: 1,
                rank: (svc.critical ? RANK.critical : RANK.nonCritical) + (svc.new ? 0 : 1),
                service: svc.service_name,
                subject: signal,
                cause: `${plainGap(kind)}${d ? `: ${short(d.detail)}` : m?.reason ? `: ${short(m.reason)}` : ''}`,
                value: m?.value === null || m?.value === undefined ? 'none' : String(m.value),
                threshold: m?.threshold ?? (kind === 'unmapped' ? 'a configured check' : 'fresh, finite data'),
                hint: d ? diagnosisHint(d, signal) : coverageHint(kind, signal),
                links: [
                    ...(0,_links_js__WEBPACK_IMPORTED_MODULE_1__/* .queryLinks */ .gn)(config, m?.request.backend, m?.request.query),
                    ...(d && d.query !== m?.request.query
                        ? (0,_links_js__WEBPACK_IMPORTED_MODULE_1__/* .queryLinks */ .gn)(config, m?.request.backend, d.query).map((l) => ({ ...l, text: `${l.text} (diagnosis)` }))
                        : []),
                    ...issue(fp)
                ],
                fingerprint: fp
            });
            explained.add(1);
        }
    }
    // ---- gate 2: alert path, alert rules, dashboards.
    const alerts = result.alertTests;
    if (alerts && !alerts.approved) {
        out.push({
            gate: 2,
            rank: RANK.alertPath,
            subject: 'alert tests',
            cause: 'alert tests were not approved, so the alert path is unproven',
            value: 'alert-tests: false',
            threshold: 'true',
            hint: 'Run with the alert-tests input true (--alert-tests true) once the alert receivers expect a synthetic alert.',
            links: []
        });
        explained.add(2);
    }
    else if (alerts?.not_verified_reason) {
        out.push({
            gate: 2,
            rank: RANK.alertPath,
            subject: 'alert path',
            cause: `not verified: ${short(alerts.not_verified_reason)}`,
            hint: 'Configure alerting (alertmanager, pagerduty or webhook) and alerting.routes.',
            links: []
        });
        explained.add(2);
    }
    const am = config?.alerting.alertmanager?.url;
    for (const t of alerts?.tests ?? []) {
        if (t.status === 'passed' && t.sla_met)
            continue;
        // Not approved: said once above, not once per route.
        if (t.status === 'not_run' && alerts && (!alerts.approved || alerts.not_verified_reason))
            continue;
        if (t.status === 'error' && backendCause(t.reason)) {
            groupDown('alerting', t.reason, `route ${t.route}`, 2);
            explained.add(2);
            continue;
        }
        const c = alertCause(t);
        const fp = (0,_model_backlog_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprint */ .R)('alert-path', t.route);
        const route = config?.alerting.routes.find((r) => r.name === t.route);
        out.push({
            gate: 2,
            rank: t.status === 'error' ? RANK.backendDown + 1 : RANK.alertPath,
            subject: `route ${t.route}`,
            cause: c.cause,
            value: c.value,
            threshold: c.threshold,
            hint: alertHint(t),
            command: route && t.status !== 'error' ? amtoolCommand(t.expected_receiver, route.labels) : undefined,
            links: [
                ...(am && t.provider === 'alertmanager' ? [{ text: 'Alertmanager', url: (0,_links_js__WEBPACK_IMPORTED_MODULE_1__/* .alertmanagerAlertsUrl */ .YP)(am, route?.labels ?? {}) }] : []),
                ...(runbook ? [runbook] : []),
                ...issue(fp)
            ],
            fingerprint: fp
        });
        explained.add(2);
    }
    for (const b of result.backlog) {
        if (b.kind !== 'alert_rule' && b.kind !== 'dashboard')
            continue;
        if (b.kind === 'dashboard' && b.priority === 'low' && !gateFailed(2))
            continue;
        const ev = (label) => b.evidence.find((e) => e.label === label)?.value;
        out.push({
            gate: 2,
            rank: b.kind === 'alert_rule' ? RANK.rule + (b.priority === 'high' ? 0 : 1) : RANK.other,
            service: b.service,
            subject: b.kind === 'alert_rule' ? b.title.replace(/ is (missing|misaligned|error)$/, '') : 'dashboard',
            cause: short(b.summary),
            value: ev('found'),
            threshold: ev('expected'),
            hint: backlogHint(b),
            command: b.kind === 'alert_rule' ? 'promtool check rules suggested-alert-rules.yml' : undefined,
            links: [...(b.kind === 'alert_rule' && runbook ? [runbook] : []), ...issue(b.fingerprint)],
            fingerprint: b.fingerprint
        });
        explained.add(2);
    }
    // ---- SLOs: a breach or an SLO that could not be measured is said, whatever the gates say.
    for (const s of result.slos ?? []) {
        // Too little data is neither met nor breached: the SLO table shows it, the failures do not.
        if (s.status === 'met' || s.status === 'insufficient_data')
            continue;
        if (s.status === 'error' && backendCause(s.detail))
            groupDown('prometheus', s.detail, `SLO ${s.slo}`, undefined);
        else
            out.push(sloCheck(s, config, runbook));
    }
    // ---- gates no structured result explained: their own reasons and failed checks.
    for (const g of result.gates) {
        if (g.status !== 'fail' || explained.has(g.id))
            continue;
        for (const c of gateFallback(g)) {
            if (c.cause.startsWith('backend error: ') && backendCause(c.cause))
                groupDown('backend', c.cause, `gate ${g.id}: ${c.cause.slice(15, 60)}`, g.id);
            else
                out.push(c);
        }
    }
    return out.sort((a, b) => a.rank - b.rank);
}
/** Shell-quoted, for a command a person pastes. */
function shellQuote(s) {
    return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function amtoolCommand(receiver, labels) {
    return [
        'amtool config routes test --config.file=alertmanager.yml',
        `--verify.receivers=${shellQuote(receiver)}`,
        ...Object.entries(labels).map(([k, v]) => shellQuote(`${k}=${v}`))
    ].join(' ');
}
function plainGap(kind) {
    switch (kind) {
        case 'unmapped':
            return 'no check is configured';
        case 'no_data':
            return 'no data';
        case 'stale':
            return 'data is stale';
        case 'invalid_value':
            return 'the value is not a number';
        case 'host_not_allowed':
            return 'the endpoint is outside allowed-hosts';
        case 'not_verified':
            return 'not verified';
        case 'fail':
        case 'failed':
            return 'the check failed';
        default:
            return kind.replace(/_/g, ' ');
    }
}
function sloCheck(s, config, runbook) {
    const slo = config?.slos.find((x) => x.name === s.slo);
    const links = [...(0,_links_js__WEBPACK_IMPORTED_MODULE_1__/* .queryLinks */ .gn)(config, slo?.backend, s.query === '-' ? undefined : s.query), ...(runbook ? [runbook] : [])];
    if (s.status === 'breached')
        return {
            rank: RANK.slo,
            service: s.service,
            subject: `SLO ${s.slo}`,
            cause: `the SLO is breached: ${s.budget_remaining_percent !== null ? `${round(s.budget_remaining_percent)}% of the error budget left` : 'error budget spent'}`,
            value: s.attainment === null ? 'n/a' : `${round(s.attainment * 100, 3)}%`,
            threshold: `>= ${s.objective}% over ${s.window}`,
            hint: 'The service is spending more errors than the SLO allows: page its owner, and hold risky releases until the budget recovers.',
            links
        };
    return {
        rank: RANK.slo + 1,
        service: s.service,
        subject: `SLO ${s.slo}`,
        cause: `not measured (${s.status.replace('_', ' ')}): ${short(s.detail)}`,
        value: 'n/a',
        threshold: `>= ${s.objective}% over ${s.window}`,
        hint: s.status === 'not_verified'
            ? 'Give the SLO a good/total or error/total query on a reachable Prometheus backend.'
            : 'Fix the SLO query or its backend: it must return one finite ratio.',
        links
    };
}
function gateFallback(g) {
    const rank = g.id === 3 ? RANK.gate3 : g.id === 4 ? RANK.gate4 : RANK.other;
    const out = [...g.reasons, ...g.errors.map((e) => `backend error: ${e}`)].map((r) => ({
        gate: g.id,
        rank,
        subject: `gate ${g.id}`,
        cause: short(r),
        hint: reasonHint(r, g.id),
        links: []
    }));
    if (out.length === 0) {
        for (const c of g.checks.filter((x) => x.status !== 'pass')) {
            out.push({
                gate: g.id,
                rank,
                subject: c.name,
                cause: `${c.name} ${c.status === 'error' ? 'could not be checked' : 'is below its threshold'}`,
                value: c.value,
                threshold: c.threshold,
                hint: reasonHint(c.name, g.id),
                links: []
            });
        }
    }
    return out;
}
const round = (n, digits = 1) => String(Math.round(n * 10 ** digits) / 10 ** digits);


/***/ }),

/***/ 83303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MN: () => (/* binding */ issueLink),
/* harmony export */   N7: () => (/* binding */ runbookLink),
/* harmony export */   YP: () => (/* binding */ alertmanagerAlertsUrl),
/* harmony export */   gn: () => (/* binding */ queryLinks)
/* harmony export */ });
/* unused harmony exports prometheusGraphUrl, grafanaExploreUrl, defaultPrometheus, githubAnchor */
const trimSlash = (u) => u.replace(/\/+$/, '');
/** The Prometheus expression browser with the query filled in (table view). */
function prometheusGraphUrl(baseUrl, expr) {
    return `${trimSlash(baseUrl)}/graph?g0.expr=${encodeURIComponent(expr)}&g0.tab=1&g0.range_input=1h`;
}
/** Grafana Explore with the query filled in (default data source, last hour). */
function grafanaExploreUrl(grafanaUrl, expr) {
    const panes = { a: { queries: [{ refId: 'A', expr }], range: { from: 'now-1h', to: 'now' } } };
    return `${trimSlash(grafanaUrl)}/explore?schemaVersion=1&panes=${encodeURIComponent(JSON.stringify(panes))}`;
}
/** Alertmanager's alert list filtered to the labels of a synthetic alert. */
function alertmanagerAlertsUrl(baseUrl, labels) {
    const filter = `{${Object.entries(labels)
        .map(([k, v]) => `${k}="${v.replace(/["\\]/g, '\\$&')}"`)
        .join(',')}}`;
    return `${trimSlash(baseUrl)}/#/alerts?silenced=true&inhibited=true&filter=${encodeURIComponent(filter)}`;
}
/**
 * Where a backend's query can be looked at: Prometheus-compatible backends have their own
 * expression browser; Loki (and anything else) only through Grafana, when its URL is configured.
 */
function queryLinks(config, backendName, expr) {
    if (!config || !expr)
        return [];
    const name = backendName ?? defaultPrometheus(config);
    const backend = name ? config.backends[name] : undefined;
    const links = [];
    if (backend?.type === 'prometheus')
        links.push({ text: 'query', url: prometheusGraphUrl(backend.url, expr) });
    const grafana = config.dashboards.grafana?.url;
    if (grafana && (backend?.type === 'loki' || backend?.type === 'prometheus'))
        links.push({ text: 'Grafana', url: grafanaExploreUrl(grafana, expr) });
    return links;
}
function defaultPrometheus(config) {
    if (config.baseline.backend)
        return config.baseline.backend;
    return Object.entries(config.backends).find(([, b]) => b.type === 'prometheus')?.[0];
}
/** GitHub's heading anchor (the slug its Markdown renderer gives a heading). */
function githubAnchor(heading) {
    return heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
}
/** The runbook section this release wrote, as a link into the repository at this commit. */
function runbookLink(config, links, release, environment) {
    if (!config || !links.repoUrl)
        return undefined;
    const path = config.runbook.path.replace(/^\.?\//, '');
    const anchor = release ? `#${githubAnchor(`Release ${release} (${environment ?? ''})`)}` : '';
    return {
        text: 'runbook',
        url: `${trimSlash(links.repoUrl)}/blob/${encodeURIComponent(links.ref ?? 'HEAD')}/${path.split('/').map(encodeURIComponent).join('/')}${anchor}`
    };
}
function issueLink(links, number) {
    if (number === undefined || !links.repoUrl)
        return undefined;
    return { text: `issue #${number}`, url: `${trimSlash(links.repoUrl)}/issues/${number}` };
}


/***/ }),

/***/ 18280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E2: () => (/* binding */ failedLine),
  k0: () => (/* binding */ gateTable),
  Br: () => (/* binding */ renderSummary),
  bF: () => (/* binding */ renderTerminal)
});

// UNUSED EXPORTS: FAILED_SHOWN, SUMMARY_LIMIT_BYTES

// EXTERNAL MODULE: ./src/model/backlog.ts
var backlog = __webpack_require__(28274);
// EXTERNAL MODULE: ./src/report/charts.ts
var charts = __webpack_require__(43337);
// EXTERNAL MODULE: ./src/util/escape.ts
var util_escape = __webpack_require__(55421);
// EXTERNAL MODULE: ./src/report/findings.ts
var findings = __webpack_require__(19334);
// EXTERNAL MODULE: ./src/report/links.ts
var report_links = __webpack_require__(83303);
// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
;// CONCATENATED MODULE: ./src/report/run-stats-line.ts

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** 1.8 M, 12 k, 950: a sample count as people read it. */
function count(n) {
    if (n >= 1e9)
        return `${(n / 1e9).toFixed(1)} G`;
    if (n >= 1e6)
        return `${(n / 1e6).toFixed(1)} M`;
    if (n >= 1e4)
        return `${(n / 1e3).toFixed(0)} k`;
    return String(n);
}
/**
 * The run's cost in one line, plain text (the caller escapes it):
 * "Load on production: 23 requests (prometheus 18, alertmanager 3, github 2), 1.2 s work,
 * 4.0 s waiting, 1.8 M samples, 3 probes".
 */
function runStatsLine(s) {
    const backends = s.backends
        .filter((b) => b.kind !== 'probe' && b.count > 0)
        .sort((a, b) => b.count - a.count || (0,order/* byText */.z)(a.backend, b.backend));
    const list = backends.length ? ` (${backends.map((b) => `${b.backend} ${b.count}`).join(', ')})` : '';
    const errors = s.totals.errors ? `, ${s.totals.errors} failed` : '';
    const samples = s.totals.samples !== null
        ? `${count(s.totals.samples)} samples`
        : backends.some((b) => b.samples_source === 'not reported')
            ? 'samples not reported'
            : '';
    const probes = s.probes.count ? `${s.probes.count} probe(s)` : '';
    return [
        `Load on ${s.environment}: ${s.totals.count} request(s)${list}${errors}`,
        `${seconds(s.work_ms)} work`,
        `${seconds(s.wait_ms)} waiting`,
        samples,
        probes
    ]
        .filter(Boolean)
        .join(', ');
}

// EXTERNAL MODULE: ./src/report/table.ts
var table = __webpack_require__(790);
;// CONCATENATED MODULE: ./src/report/summary.ts







/** The runner drops a step summary over 1024 KiB; stay well under it. */
const SUMMARY_LIMIT_BYTES = 1000 * 1024;
/** Failed checks listed on the first screen; the rest are counted and in gate-results.json. */
const FAILED_SHOWN = 50;
const icon = (status) => (status === 'pass' ? '✅' : status === 'error' ? '⚠️' : '❌');
function signalCell(s) {
    if (!s)
        return '-';
    if (s.verified)
        return `✅${s.freshness_seconds !== undefined ? ` ${Math.round(s.freshness_seconds)}s` : ''}`;
    if (!s.mapped)
        return '❌ unmapped';
    if (s.verdict === 'error')
        return '⚠️ error';
    return `❌ ${s.verdict}`;
}
const details = (summary, body) => `<details><summary>${(0,util_escape/* escapeHtml */.ZD)(summary)}</summary>\n\n${body.trim()}\n\n</details>\n`;
function gateSection(g) {
    const lines = [`#### ${icon(g.status)} Gate ${g.id}: ${(0,util_escape/* escapeMarkdown */.FV)(g.name)}: ${g.status.toUpperCase()}`, ''];
    if (g.checks.length)
        lines.push((0,table/* mdTable */.gJ)(['Check', 'Status', 'Value', 'Threshold'], g.checks.map((c) => [c.name, c.status, c.value, c.threshold])));
    if (g.reasons.length)
        lines.push('**Why it failed**', '', ...g.reasons.slice(0, 200).map((r) => `- ${(0,util_escape/* escapeMarkdown */.FV)(r)}`), '');
    if (g.reasons.length > 200)
        lines.push(`_${g.reasons.length - 200} more reason(s) in gate-results.json._`, '');
    if (g.errors.length)
        lines.push('**Backend errors** (not failed checks: the backend could not answer)', '', ...g.errors.slice(0, 50).map((r) => `- ${(0,util_escape/* escapeMarkdown */.FV)(r)}`), '');
    return lines.join('\n');
}
/** One line: what, why, the deciding value, what to do, where to look. */
function failedLine(c) {
    const who = [c.service ? `**${(0,util_escape/* escapeMarkdown */.FV)(c.service)}**` : '', (0,util_escape/* escapeMarkdown */.FV)(c.subject)].filter(Boolean).join(' · ');
    const grouped = c.count && c.count > 1
        ? ` (${c.count} checks: ${(0,util_escape/* escapeMarkdown */.FV)(c.members.slice(0, 5).join(', '))}${c.count > 5 ? `, +${c.count - 5} more` : ''})`
        : '';
    const value = c.value !== undefined
        ? ` Value ${(0,util_escape/* inlineCode */.ti)(c.value)}${c.threshold ? `, needs ${(0,util_escape/* inlineCode */.ti)(c.threshold)}` : ''}.`
        : c.threshold
            ? ` Needs ${(0,util_escape/* inlineCode */.ti)(c.threshold)}.`
            : '';
    const links = c.links.length ? ` ${c.links.map((l) => (0,util_escape/* mdLink */.YF)(l.text, l.url)).join(' · ')}` : '';
    const gate = c.gate ? ` _(gate ${c.gate})_` : c.gate === 0 ? ' _(input)_' : ' _(SLO)_';
    const command = c.command ? ` Check: ${(0,util_escape/* inlineCode */.ti)(c.command)}` : '';
    return `${who}: ${(0,util_escape/* escapeMarkdown */.FV)(c.cause.replace(/[.\s]+$/, ''))}${grouped}.${value} **Do:** ${(0,util_escape/* escapeMarkdown */.FV)(c.hint)}${command}${links}${gate}`;
}
function headline(result, failed) {
    const failedGates = result.gates.filter((g) => g.status === 'fail');
    const verdict = result.status === 'pass'
        ? '## ✅ Monitoring is in place: all 4 gates pass'
        : `## ❌ Monitoring is not in place: ${failedGates.length} of ${result.gates.length} gates failed (${failedGates.map((g) => `gate ${g.id}`).join(', ')})`;
    const breached = (result.slos ?? []).filter((s) => s.status === 'breached');
    const facts = [
        result.model
            ? `Release **${(0,util_escape/* escapeMarkdown */.FV)(result.model.release.tag ?? 'untagged')}** in **${(0,util_escape/* escapeMarkdown */.FV)(result.model.environment)}**, ${result.model.services.length} service(s)`
            : 'The input could not be read',
        failed.length ? `${failed.reduce((n, c) => n + (c.count ?? 1), 0)} failed check(s)` : '',
        breached.length ? `SLO breached: ${breached.map((s) => (0,util_escape/* escapeMarkdown */.FV)(s.slo)).join(', ')}` : ''
    ].filter(Boolean);
    return [verdict, '', `${facts.join(' · ')}.`].join('\n');
}
function gateTable(result) {
    return (0,table/* mdTable */.gJ)(['Gate', 'Status', 'First reason'], result.gates.map((g) => {
        const all = [...g.reasons, ...g.errors.map((e) => `backend error: ${e}`)];
        const first = all[0]
            ? `${all[0].length > 240 ? `${all[0].slice(0, 239)}…` : all[0]}${all.length > 1 ? ` (+${all.length - 1} more)` : ''}`
            : g.status === 'pass'
                ? 'all checks pass'
                : 'a check failed';
        return [`${g.id}. ${g.name}`, `${icon(g.status)} ${g.status.toUpperCase()}`, first];
    }));
}
/**
 * The job summary. The first screen says what failed and what to do (one line per failed check,
 * most important first, with the deciding value, a hint and links), then the gates with their
 * first reason, the SLOs and coverage as charts; everything else is folded. Every value from
 * evidence, config or an API is escaped. Under the runner's limit, what is cut is never a failure:
 * the failures come first and the folded parts go first.
 */
function renderSummary(result, links = {}) {
    const failed = (0,findings/* failedChecks */.HH)(result, links);
    const parts = [];
    const add = (text, drop = 0) => {
        if (text)
            parts.push({ text, drop });
    };
    add(headline(result, failed));
    const where = [
        links.runUrl ? (0,util_escape/* mdLink */.YF)('Run', links.runUrl) : '',
        links.packageUrl
            ? `Evidence package: ${(0,util_escape/* mdLink */.YF)(links.packageName ?? 'monitoring-package', links.packageUrl)}`
            : `Evidence package: ${(0,util_escape/* inlineCode */.ti)(result.packageDir)}`
    ].filter(Boolean);
    if (failed.length) {
        const shown = failed.slice(0, FAILED_SHOWN);
        add([
            '### What failed and what to do',
            '',
            ...shown.map((c, i) => `${i + 1}. ❌ ${failedLine(c)}`),
            failed.length > shown.length
                ? `\n_${failed.length - shown.length} more failed check(s) in gate-results.json and instrumentation-audit.json._`
                : ''
        ].join('\n'));
    }
    add([
        '### Gates',
        '',
        gateTable(result),
        where.join(' · '),
        result.runStats ? `\n${(0,util_escape/* escapeMarkdown */.FV)(runStatsLine(result.runStats))} (run-stats.json)` : ''
    ]
        .filter(Boolean)
        .join('\n'));
    const slos = result.slos ?? [];
    if (slos.length) {
        add(['### SLOs', '', (0,charts/* figureMarkdown */.__)((0,charts/* sloAttainmentFigure */.u5)(slos)), '', (0,charts/* figureMarkdown */.__)((0,charts/* errorBudgetFigure */.eG)(slos))].join('\n'));
    }
    const coverage = (0,charts/* coverageFigure */.Vd)(result.audit);
    if (coverage.table)
        add(['### Coverage per signal', '', (0,charts/* figureMarkdown */.__)(coverage)].join('\n'));
    // ---- Folded: passing gates, the full detail of failing ones, matrix, baseline, alerts, backlog.
    const passing = result.gates.filter((g) => g.status === 'pass');
    const failing = result.gates.filter((g) => g.status === 'fail');
    if (failing.length)
        add(details(`Failing gates: every check and reason (${failing.length})`, failing.map(gateSection).join('\n')), 3);
    if (passing.length)
        add(details(`Passing gates (${passing.length}): ${passing.map((g) => `gate ${g.id}`).join(', ')}`, passing.map(gateSection).join('\n')), 4);
    const services = result.audit?.services ?? [];
    const matrixRows = [...services]
        .sort((a, b) => Number(a.status === 'covered') - Number(b.status === 'covered') || Number(b.critical) - Number(a.critical))
        .map((s) => [
        `${s.service_name}${s.critical ? ' (critical)' : ''}${s.new ? ' (new)' : ''}`,
        s.status,
        signalCell(s.metrics),
        signalCell(s.logs),
        signalCell(s.traces),
        signalCell(s.synthetics)
    ]);
    const matrix = (rows) => services.length
        ? details(`Coverage matrix (${services.length} service(s), ${services.filter((s) => s.status !== 'covered').length} not covered)`, [
            (0,table/* mdTable */.gJ)(['Service', 'Status', 'Metrics', 'Logs', 'Traces', 'Synthetic'], rows),
            rows.length < services.length
                ? `_${services.length - rows.length} row(s) left out to fit the summary limit; the full matrix is in instrumentation-audit.json._`
                : ''
        ].join('\n'))
        : '';
    const matrixIndex = parts.length;
    add(matrix(matrixRows), 2);
    const base = result.baseline;
    if (base) {
        const cmp = base.previous?.comparisons ?? [];
        const now = base.services.flatMap((s) => s.metrics.map((m) => [
            s.service,
            m.metric,
            m.value === null ? 'n/a' : String(Math.round(m.value * 10000) / 10000),
            m.unit ?? '',
            m.verdict
        ]));
        add(details(`Baseline${cmp.length ? ' against the previous release' : ''} (${base.window})`, [
            base.not_verified_reason ? `Not verified: ${(0,util_escape/* escapeMarkdown */.FV)(base.not_verified_reason)}` : '',
            cmp.length
                ? `Compared with ${(0,util_escape/* escapeMarkdown */.FV)(base.previous.source)}${base.previous.captured_at ? ` (captured ${(0,util_escape/* escapeMarkdown */.FV)(base.previous.captured_at)})` : ''}:\n\n${(0,charts/* figureMarkdown */.__)((0,charts/* baselineFigure */.wo)(cmp))}`
                : 'No previous release to compare with.',
            now.length ? (0,table/* mdTable */.gJ)(['Service', 'Metric', 'Value', 'Unit', 'Verdict'], now.slice(0, 500)) : '',
            base.claims.length
                ? (0,table/* mdTable */.gJ)(['Claim source', 'Metric', 'Claimed', 'Observed', 'Verdict'], base.claims
                    .slice(0, 200)
                    .map((c) => [c.source, c.metric, String(c.claimed), c.observed === null ? 'n/a' : String(c.observed), c.verdict]))
                : ''
        ]
            .filter(Boolean)
            .join('\n\n')), 5);
    }
    if (result.alertTests?.tests.length) {
        add(details(`Alert path tests (${result.alertTests.tests.length} route(s))`, (0,table/* mdTable */.gJ)(['Route', 'Expected receiver', 'Actual', 'Delivered', 'Acknowledged (s)', 'SLA met', 'Status'], result.alertTests.tests.map((t) => [
            t.route,
            t.expected_receiver,
            t.actual_receivers.join(', '),
            t.delivered_at,
            t.acknowledgement_time_seconds,
            t.sla_met ? 'yes' : 'no',
            t.status
        ]))), 6);
    }
    if (result.issues || result.backlog.length)
        add(details(`Improvement backlog (${result.backlog.length} item(s), highest priority first)`, backlogSection(result, links)), 7);
    if (result.errors.length && result.model)
        add(['**Errors**', '', ...result.errors.slice(0, 50).map((e) => `- ${(0,util_escape/* escapeMarkdown */.FV)(e)}`)].join('\n'), 1);
    const join = () => parts.map((p) => p.text).join('\n\n') + '\n';
    let text = join();
    if (Buffer.byteLength(text) <= SUMMARY_LIMIT_BYTES)
        return text;
    // Too big: first shorten the matrix to its not-covered rows, halving until it fits...
    let rows = matrixRows.filter((r) => r[1] !== 'covered').slice(0, 2000);
    parts[matrixIndex] = { text: matrix(rows), drop: 2 };
    text = join();
    while (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES && rows.length > 0) {
        rows = rows.slice(0, Math.floor(rows.length / 2));
        parts[matrixIndex] = { text: matrix(rows), drop: 2 };
        text = join();
    }
    // ...then drop folded sections, the least useful first. The failures are never among them.
    for (const level of [7, 6, 5, 4, 3, 2, 1]) {
        if (Buffer.byteLength(text) <= SUMMARY_LIMIT_BYTES)
            break;
        for (const p of parts)
            if (p.drop === level)
                p.text = `_${level === 2 ? 'Coverage matrix' : 'A folded section'} left out to fit the summary limit; see the evidence package._`;
        text = join();
    }
    if (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES) {
        const cut = text.slice(0, SUMMARY_LIMIT_BYTES - 300);
        text = `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n_Summary cut to fit the limit; see gate-results.json._\n`;
    }
    return text;
}
/** The backlog items, highest priority first, with the issue each is tracked in. */
function backlogSection(result, links) {
    const issues = result.issues;
    const head = issues
        ? [
            `Issues opened ${issues.opened.length}, updated ${issues.updated.length}, closed ${issues.closed.length}, reopened ${issues.reopened.length}.`,
            issues.heldBack.length
                ? `${issues.heldBack.length} new item(s) held back by github.max-new-issues: ${issues.heldBack.map((b) => (0,util_escape/* escapeMarkdown */.FV)(b.title)).join('; ')}`
                : '',
            issues.file ? `Not filed (no token): written to ${(0,util_escape/* inlineCode */.ti)(issues.file)}.` : '',
            ...issues.errors.map((e) => `- ${(0,util_escape/* escapeMarkdown */.FV)(e)}`)
        ]
            .filter(Boolean)
            .join('\n\n')
        : '';
    if (result.backlog.length === 0)
        return head || '_No items._';
    const numbers = issues?.numbers ?? new Map();
    const sorted = [...result.backlog].sort(backlog/* byPriority */.m);
    const shown = sorted.slice(0, 100);
    return [
        head,
        (0,table/* mdTable */.gJ)(['Priority', 'Item', 'Issue'], shown.map((b) => {
            const n = numbers.get(b.fingerprint);
            const l = (0,report_links/* issueLink */.MN)(links, n);
            return [b.priority, b.title, n === undefined ? 'not filed' : { md: l ? (0,util_escape/* mdLink */.YF)(`#${n}`, l.url) : `#${n}` }];
        })),
        sorted.length > shown.length ? `_${sorted.length - shown.length} more in improvement-backlog.md._` : ''
    ]
        .filter(Boolean)
        .join('\n\n');
}
const PLAIN = { red: (s) => s, green: (s) => s, yellow: (s) => s, bold: (s) => s, dim: (s) => s };
/** The same result as terminal text: what failed and what to do first, then gates and coverage. */
function renderTerminal(result, style = PLAIN) {
    const lines = [];
    const failed = (0,findings/* failedChecks */.HH)(result);
    lines.push(result.status === 'pass' ? style.green(style.bold('Monitoring is in place.')) : style.red(style.bold('Monitoring is NOT in place.')));
    if (result.model)
        lines.push(`Release ${result.model.release.tag ?? 'untagged'} in ${result.model.environment}: ${result.model.services.length} service(s)`);
    if (failed.length) {
        lines.push('', style.bold('What failed and what to do:'));
        for (const c of failed.slice(0, 20)) {
            const who = [c.service, c.subject].filter(Boolean).join(' / ');
            const grouped = c.count && c.count > 1
                ? ` (${c.count} checks: ${c.members.slice(0, 5).join(', ')}${c.count > 5 ? `, +${c.count - 5} more` : ''})`
                : '';
            const value = c.value !== undefined ? ` [value ${c.value}${c.threshold ? `, needs ${c.threshold}` : ''}]` : '';
            lines.push(`  ${style.red('x')} ${style.bold(who)}: ${c.cause}${grouped}${value}`);
            lines.push(`      ${style.dim('do:')} ${c.hint}`);
        }
        if (failed.length > 20)
            lines.push(`  ... ${failed.length - 20} more in gate-results.json`);
    }
    lines.push('');
    // A gate whose failures are listed above points at them instead of saying them again.
    const listed = new Map();
    for (const c of failed.slice(0, 20))
        if (c.gate)
            listed.set(c.gate, (listed.get(c.gate) ?? 0) + 1);
    for (const g of result.gates) {
        const all = [...g.reasons, ...g.errors.map((e) => `backend error: ${e}`)];
        const mark = g.status === 'pass' ? style.green('PASS') : style.red('FAIL');
        const why = listed.get(g.id)
            ? ` - ${listed.get(g.id)} failed check(s) above`
            : all.length
                ? ` - ${all[0]}${all.length > 1 ? ` (+${all.length - 1} more)` : ''}`
                : '';
        lines.push(`Gate ${g.id} ${g.name}: ${mark}${g.status === 'pass' ? '' : why}`);
        for (const c of g.checks)
            lines.push(`    ${(c.status === 'pass' ? style.green : style.red)(c.status.padEnd(5))} ${c.name}: ${c.value} (threshold ${c.threshold})`);
    }
    const services = result.audit?.services ?? [];
    if (services.length) {
        lines.push('', 'Coverage (metrics logs traces synthetic):');
        const mark = (s) => s.verified ? 'ok' : s.verdict === 'error' ? 'ERR' : s.mapped ? s.verdict.toUpperCase() : '--';
        const paint = (m) => m === 'ok' ? style.green(m.padEnd(13)) : m === 'ERR' ? style.yellow(m.padEnd(13)) : style.red(m.padEnd(13));
        const width = Math.min(40, Math.max(...services.map((s) => s.service_name.length)));
        for (const s of services.slice(0, 200)) {
            lines.push(`  ${s.service_name.padEnd(width)} ${[s.metrics, s.logs, s.traces, s.synthetics].map(mark).map(paint).join(' ')}${s.critical ? ' critical' : ''}`);
        }
        if (services.length > 200)
            lines.push(`  ... ${services.length - 200} more in instrumentation-audit.json`);
    }
    if (result.runStats)
        lines.push('', runStatsLine(result.runStats));
    lines.push('', `Package: ${result.packageDir}`);
    return lines.join('\n');
}


/***/ }),

/***/ 790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ej: () => (/* binding */ mdList),
/* harmony export */   FQ: () => (/* binding */ fmtNumber),
/* harmony export */   gJ: () => (/* binding */ mdTable)
/* harmony export */ });
/* harmony import */ var _util_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55421);

/** A Markdown table; every plain cell is escaped. */
function mdTable(headers, rows) {
    if (rows.length === 0)
        return '_None._\n';
    const cell = (v) => v === null || v === undefined || v === '' ? '-' : typeof v === 'object' ? v.md : (0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(String(v));
    return ([
        `| ${headers.map(cell).join(' | ')} |`,
        `| ${headers.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)
    ].join('\n') + '\n');
}
const mdList = (items) => items.length ? items.map((i) => `- ${(0,_util_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(i)}`).join('\n') + '\n' : '_None._\n';
const fmtNumber = (n, digits = 4) => n === null || n === undefined || !Number.isFinite(n) ? 'n/a' : String(Math.round(n * 10 ** digits) / 10 ** digits);


/***/ }),

/***/ 9563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ INPUT_DEFAULTS),
/* harmony export */   q: () => (/* binding */ inputDefault)
/* harmony export */ });
/**
 * The default of every action input, written once: action.yml must say the same (a test checks
 * every input and its `default:`), getSettings fills an unset input from here, and the command
 * line's options take theirs from here. Plain data with no imports: it is on the cold-start path.
 */
const INPUT_DEFAULTS = {
    'evidence-path': '.artifacts/deployment',
    'evidence-artifact': '',
    'evidence-run-id': '',
    config: '.github/sre-monitoring.yml',
    'output-dir': '.artifacts/monitoring',
    mode: 'post-deploy',
    'package-artifact': 'monitoring-package',
    'retention-days': '',
    // An expression only the runner evaluates: outside it (tests, a missing input) there is no token.
    'github-token': '${{ github.token }}',
    'backlog-issues': 'true',
    'alert-tests': 'true',
    'fail-on': 'gate',
    'approved-by': '',
    'on-call-owner': ''
};
/** The value an unset input takes when the runner has not filled it: the default, or '' for an expression. */
function inputDefault(name) {
    const value = INPUT_DEFAULTS[name];
    return value === undefined || value.startsWith('${{') ? '' : value;
}


/***/ }),

/***/ 97428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   d$: () => (/* binding */ FAIL_ON),
/* harmony export */   mt: () => (/* binding */ getSettings)
/* harmony export */ });
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(11012);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _defaults_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9563);



/** The values `mode` and `fail-on` take (the command line offers the same). */
const MODES = ['post-deploy', 'assurance'];
const FAIL_ON = ['gate', 'never'];
/** A refused input: the field, what it must be, what was given, and the nearest valid choice. */
function refused(input, expected, found, choices) {
    const suggestion = choices ? (0,_config_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .suggest */ .ZA)(found, choices) : undefined;
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz({
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
        return v === '' ? (0,_defaults_js__WEBPACK_IMPORTED_MODULE_2__/* .inputDefault */ .q)(name) : v;
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


/***/ }),

/***/ 46968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ax: () => (/* binding */ requestRecorder),
/* harmony export */   DG: () => (/* binding */ recordSamples),
/* harmony export */   Jw: () => (/* binding */ recordWait),
/* harmony export */   N: () => (/* binding */ withRunStats),
/* harmony export */   Ng: () => (/* binding */ recordInFlight),
/* harmony export */   Vi: () => (/* binding */ recordRequest),
/* harmony export */   jw: () => (/* binding */ RunStatsRecorder),
/* harmony export */   xd: () => (/* binding */ phaseOfStep),
/* harmony export */   xe: () => (/* binding */ inPhase)
/* harmony export */ });
/* unused harmony exports PHASE_ORDER, currentRunStats, currentPhase, waitFor */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_order_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1204);
/**
 * The run's own cost: every request (through util/http.ts and the Octokit hook) and every wait,
 * attributed to the phase that made it without threading a parameter through every call: the
 * phase and the recorder travel in an AsyncLocalStorage. Outside a recorded run nothing is kept.
 */


const scope = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
/** Phases in the order of the protocol; others follow in the order first seen. */
const PHASE_ORDER = [
    'evidence',
    'instrumentation',
    'audit',
    'no-data-diagnosis',
    'baseline',
    'previous-baseline',
    'claims',
    'activation',
    'approval',
    'rule-alignment',
    'drill',
    'dashboards',
    'alert-tests',
    'runbook',
    'assurance',
    'tuning',
    'backtest',
    'slo-attainment',
    'handoff'
];
/** The protocol's step names (ProtocolRun.step) and the phase each one's requests count under. */
const STEP_PHASES = {
    'instrumentation audit': 'audit',
    'baseline capture': 'baseline',
    'previous baseline': 'previous-baseline',
    'approval lookup': 'approval',
    'alert rule alignment': 'rule-alignment',
    'detection drill': 'drill',
    'dashboard check': 'dashboards',
    'alert path test': 'alert-tests',
    'runbook update': 'runbook',
    'alert tuning': 'tuning',
    'alert backtest': 'backtest',
    'SLO attainment': 'slo-attainment'
};
const phaseOfStep = (step) => STEP_PHASES[step];
/** Run fn with its requests and waits counted by `stats`, under `phase`. */
function withRunStats(stats, phase, fn) {
    return scope.run({ stats, phase }, fn);
}
/** Run fn with its requests counted under `phase` (inside a recorded run; else just run it). */
function inPhase(phase, fn) {
    const s = scope.getStore();
    if (!s || !phase)
        return fn();
    return scope.run({ stats: s.stats, phase }, fn);
}
function currentRunStats() {
    return scope.getStore()?.stats;
}
const currentPhase = () => scope.getStore()?.phase;
/** Record a finished request in the current run, if any. */
function recordRequest(r) {
    requestRecorder()?.(r);
}
/** Where a request started now would be recorded (the run and phase of this moment), if in a run. */
function requestRecorder() {
    const s = scope.getStore();
    return s ? (r) => s.stats.request(s.phase, r) : undefined;
}
/** Record the samples a query reported (or that it reported none: undefined). */
function recordSamples(backend, samples) {
    const s = scope.getStore();
    s?.stats.samples(s.phase, backend, samples);
}
/** Record a wait (not work) that ran from `startedAt` to now. */
function recordWait(what, startedAt, endedAt = Date.now()) {
    const s = scope.getStore();
    s?.stats.wait(s.phase, what, startedAt, endedAt);
}
/** Sleep for ms, recorded as a wait. */
async function waitFor(what, ms) {
    if (ms <= 0)
        return;
    const started = Date.now();
    await new Promise((r) => setTimeout(r, ms));
    recordWait(what, started);
}
/** Requests in flight to one backend, as the concurrency bound saw them. */
function recordInFlight(backend, inFlight) {
    scope.getStore()?.stats.inFlight(backend, inFlight);
}
const newCell = () => ({
    count: 0,
    errors: 0,
    rejected: 0,
    total_ms: 0,
    max_ms: 0,
    bytes: 0,
    samples: 0,
    samplesReported: 0,
    peak: 0,
    probes: 0
});
function add(into, c) {
    into.count += c.count;
    into.errors += c.errors;
    into.rejected += c.rejected;
    into.total_ms += c.total_ms;
    into.max_ms = Math.max(into.max_ms, c.max_ms);
    into.bytes += c.bytes;
    into.samples += c.samples;
    into.samplesReported += c.samplesReported;
    into.peak = Math.max(into.peak, c.peak);
    into.probes += c.probes;
}
const tally = (c) => ({
    count: c.count,
    errors: c.errors,
    rejected: c.rejected,
    total_ms: Math.round(c.total_ms),
    max_ms: Math.round(c.max_ms),
    bytes: c.bytes,
    samples: c.samplesReported ? c.samples : null,
    peak_samples: c.samplesReported ? c.peak : null
});
const PROBE = 'probe';
/** Counts of one run. Cheap to feed: a map lookup and a few additions per request. */
class RunStatsRecorder {
    concurrency;
    startedAt;
    /** phase \0 backend -> cell; probes kept in their own cells (kind probe). */
    cells = new Map();
    kinds = new Map();
    waits = new Map();
    waitSpans = [];
    maxInFlight = new Map();
    /** Backends that answered a query without samples. */
    unreported = new Set();
    phasesSeen = [];
    constructor(concurrency, startedAt = Date.now()) {
        this.concurrency = concurrency;
        this.startedAt = startedAt;
    }
    cell(phase, backend) {
        const key = `${phase}\0${backend}`;
        let c = this.cells.get(key);
        if (!c) {
            c = newCell();
            this.cells.set(key, c);
            if (!this.phasesSeen.includes(phase))
                this.phasesSeen.push(phase);
        }
        return c;
    }
    request(phase, r) {
        if (!this.kinds.has(r.backend))
            this.kinds.set(r.backend, r.kind);
        const c = this.cell(phase, r.backend);
        c.count++;
        if (r.kind === PROBE)
            c.probes++;
        if (r.status === undefined || r.status >= 500 || r.status === 429)
            c.errors++;
        else if (r.status >= 400)
            c.rejected++;
        c.total_ms += r.ms;
        c.max_ms = Math.max(c.max_ms, r.ms);
        c.bytes += r.bytes;
    }
    samples(phase, backend, s) {
        if (!s) {
            this.unreported.add(backend);
            return;
        }
        const c = this.cell(phase, backend);
        c.samples += s.total;
        c.samplesReported++;
        c.peak = Math.max(c.peak, s.peak ?? 0);
    }
    wait(phase, what, startedAt, endedAt) {
        const ms = Math.max(0, endedAt - startedAt);
        const key = `${phase}\0${what}`;
        const w = this.waits.get(key) ?? { count: 0, total: 0, max: 0 };
        w.count++;
        w.total += ms;
        w.max = Math.max(w.max, ms);
        this.waits.set(key, w);
        if (!this.phasesSeen.includes(phase))
            this.phasesSeen.push(phase);
        if (ms > 0)
            this.waitSpans.push([startedAt, endedAt]);
    }
    inFlight(backend, n) {
        if (n > (this.maxInFlight.get(backend) ?? 0))
            this.maxInFlight.set(backend, n);
    }
    /** Milliseconds covered by at least one wait (overlapping waits once). */
    waitedMs() {
        const spans = [...this.waitSpans].sort((a, b) => a[0] - b[0]);
        let total = 0;
        let end = -Infinity;
        for (const [s, e] of spans) {
            if (e <= end)
                continue;
            total += e - Math.max(s, end);
            end = e;
        }
        return Math.round(total);
    }
    orderedPhases() {
        const known = PHASE_ORDER.filter((p) => this.phasesSeen.includes(p));
        return [...known, ...this.phasesSeen.filter((p) => !PHASE_ORDER.includes(p))];
    }
    /** The run-stats.json document as of now. */
    snapshot(args) {
        const split = [...this.cells.entries()].map(([key, c]) => {
            const [phase, backend] = key.split('\0');
            return { phase, backend, kind: this.kinds.get(backend) ?? backend, c };
        });
        const isProbe = (x) => x.kind === PROBE;
        const sum = (xs) => xs.reduce((acc, c) => (add(acc, c), acc), newCell());
        const waitsOf = (phase) => [...this.waits.entries()].filter(([k]) => k.split('\0')[0] === phase).reduce((n, [, w]) => n + w.total, 0);
        const phases = this.orderedPhases().map((phase) => {
            const mine = split.filter((x) => x.phase === phase);
            const work = sum(mine.filter((x) => !isProbe(x)).map((x) => x.c));
            const probes = sum(mine.filter(isProbe).map((x) => x.c));
            return { phase, ...tally(work), probes: probes.count, wait_ms: Math.round(waitsOf(phase)) };
        });
        const backendNames = [...new Set(split.map((x) => x.backend))].sort();
        const backends = backendNames.map((backend) => {
            const c = sum(split.filter((x) => x.backend === backend).map((x) => x.c));
            const kind = this.kinds.get(backend) ?? backend;
            return {
                backend,
                kind,
                ...tally(c),
                max_in_flight: this.maxInFlight.get(backend) ?? 0,
                samples_source: c.samplesReported
                    ? `stats=all (totalQueryableSamples), ${c.samplesReported} of the queries`
                    : this.unreported.has(backend)
                        ? 'not reported'
                        : 'no queries'
            };
        });
        const order = this.orderedPhases();
        const requests = split
            .filter((x) => !isProbe(x))
            .sort((a, b) => order.indexOf(a.phase) - order.indexOf(b.phase) || (0,_util_order_js__WEBPACK_IMPORTED_MODULE_1__/* .byText */ .z)(a.backend, b.backend))
            .map((x) => ({ phase: x.phase, backend: x.backend, kind: x.kind, ...tally(x.c) }));
        const waits = [...this.waits.entries()]
            .map(([key, w]) => {
            const [phase, what] = key.split('\0');
            return { phase, what, count: w.count, total_ms: Math.round(w.total), max_ms: Math.round(w.max) };
        })
            .sort((a, b) => order.indexOf(a.phase) - order.indexOf(b.phase) || (0,_util_order_js__WEBPACK_IMPORTED_MODULE_1__/* .byText */ .z)(a.what, b.what));
        const wall = Math.max(0, Math.round(args.now - this.startedAt));
        const waited = Math.min(wall, this.waitedMs());
        return {
            schema_version: 1,
            generated_at: new Date(args.now).toISOString(),
            run_id: args.runId,
            environment: args.environment,
            complete: args.complete,
            covers: args.covers,
            wall_ms: wall,
            wait_ms: waited,
            work_ms: wall - waited,
            backend_concurrency: this.concurrency(),
            totals: tally(sum(split.filter((x) => !isProbe(x)).map((x) => x.c))),
            probes: tally(sum(split.filter(isProbe).map((x) => x.c))),
            phases,
            backends,
            requests,
            waits
        };
    }
}


/***/ }),

/***/ 26518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ DURATION_HINT),
/* harmony export */   YV: () => (/* binding */ durationProblem),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   jY: () => (/* binding */ parseLooseDurationSeconds),
/* harmony export */   nw: () => (/* binding */ promqlDurationSeconds),
/* harmony export */   o8: () => (/* binding */ durationSeconds),
/* harmony export */   rV: () => (/* binding */ formatDurationExact)
/* harmony export */ });
/* unused harmony export parseDurationMs */
/**
 * Durations, in Prometheus's own grammar (its `model.ParseDuration`): whole numbers with the units
 * y, w, d, h, m, s, ms, each at most once and from largest to smallest, such as `90s`, `5m`,
 * `1h30m`, `7d`, `1w`, `500ms`. The config, OpenSLO documents and the evidence all read durations
 * here, so a value Prometheus accepts is accepted everywhere and means the same.
 */
const UNIT_MS = { y: 365 * 86_400_000, w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
const PROM_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
/** What a duration looks like, for error messages. */
const DURATION_HINT = "a duration in Prometheus's form, such as 90s, 5m, 1h30m, 7d, 1w or 500ms";
/** Milliseconds in a Prometheus duration, or undefined when the text is not one. `0` is zero, as in Prometheus. */
function parseDurationMs(text) {
    if (text === '0')
        return 0;
    if (text === '')
        return undefined;
    const m = PROM_DURATION.exec(text);
    if (!m)
        return undefined;
    let ms = 0;
    ORDER.forEach((unit, i) => {
        const n = m[i + 1];
        if (n !== undefined)
            ms += Number(n) * UNIT_MS[unit];
    });
    return Number.isSafeInteger(ms) ? ms : undefined;
}
/** Seconds in a duration that was already validated (config values); throws on anything else. */
function durationSeconds(text) {
    const ms = parseDurationMs(text);
    if (ms === undefined)
        throw new Error(`not a duration: expected ${DURATION_HINT}`);
    return ms / 1000;
}
/**
 * Why a text is not a usable duration (a plain-words phrase), or undefined when it is one.
 * `positive` refuses zero (a window or a lookback of no time measures nothing).
 */
function durationProblem(text, opts = {}) {
    const t = text.trim();
    const ms = parseDurationMs(t);
    if (ms === undefined) {
        if (/^-/.test(t) && parseDurationMs(t.slice(1)) !== undefined)
            return 'must be greater than 0';
        if (/^\d+(\.\d+)?$/.test(t))
            return `${DURATION_HINT} (a number alone has no unit: write ${t}s or ${t}m)`;
        if (/^\d+\.\d+[a-z]+$/.test(t))
            return `${DURATION_HINT} (whole numbers only: write 1h30m, not 1.5h)`;
        return DURATION_HINT;
    }
    if (t !== text)
        return `${DURATION_HINT} (without spaces)`;
    if (opts.positive && ms === 0)
        return 'must be greater than 0';
    return undefined;
}
/** A duration in seconds written the way PromQL and LogQL accept it (whole seconds, one unit). */
function formatDuration(seconds) {
    const s = Math.max(1, Math.ceil(seconds));
    if (s % 86400 === 0)
        return `${s / 86400}d`;
    if (s % 3600 === 0)
        return `${s / 3600}h`;
    if (s % 60 === 0)
        return `${s / 60}m`;
    return `${s}s`;
}
/** Seconds in a duration as PromQL reads one: Prometheus's form, or (Prometheus 3) a number of seconds. */
function promqlDurationSeconds(text) {
    const t = text.trim();
    if (/^\d+(\.\d+)?$/.test(t))
        return Number(t);
    const ms = parseDurationMs(t);
    return ms === undefined ? undefined : ms / 1000;
}
/** `3600` -> `1h`, `330` -> `5m30s`: the shortest exact spelling of a duration, down to milliseconds. */
function formatDurationExact(seconds) {
    if (!(seconds > 0))
        return '0s';
    let rest = Math.round(seconds * 1000);
    let out = '';
    for (const unit of ['w', 'd', 'h', 'm', 's', 'ms']) {
        const ms = UNIT_MS[unit];
        if (rest >= ms) {
            out += `${Math.floor(rest / ms)}${unit}`;
            rest %= ms;
        }
    }
    return out;
}
const WORD_UNITS = [
    [/^(w|wk|wks|weeks?)$/, 604800],
    [/^(d|days?)$/, 86400],
    [/^(h|hr|hrs|hours?)$/, 3600],
    [/^(m|min|mins|minutes?)$/, 60],
    [/^(s|sec|secs|seconds?)$/, 1],
    [/^(ms|msec|milliseconds?)$/, 0.001]
];
/**
 * Seconds in a duration written by a person or a tool in evidence: Prometheus's form first
 * (`1h30m`), then ISO 8601 (`PT45M`) and words (`30 minutes`, `1.5 hours`, `1h 30m`). Clock
 * times such as "14:00-14:30" are not durations and are ignored.
 */
function parseLooseDurationSeconds(text) {
    const exact = parseDurationMs(text.trim());
    if (exact !== undefined && text.trim() !== '0')
        return exact / 1000;
    const iso = /\bP(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?\b/.exec(text);
    if (iso && iso[0].length > 2 && (iso[1] ?? iso[2] ?? iso[3] ?? iso[4]) !== undefined) {
        return Number(iso[1] ?? 0) * 86400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Number(iso[4] ?? 0);
    }
    let total = 0;
    let found = false;
    for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*([a-zA-Z]+)/g)) {
        // "14:00" style clock times: the number right after a colon is not an amount of time.
        if (m.index !== undefined && m.index > 0 && text[m.index - 1] === ':')
            continue;
        const word = (m[2] ?? '').toLowerCase();
        const match = WORD_UNITS.find(([u]) => u.test(word));
        if (!match)
            continue;
        total += Number(m[1]) * match[1];
        found = true;
    }
    return found ? total : undefined;
}


/***/ }),

/***/ 70017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ InputErrors),
/* harmony export */   Jh: () => (/* binding */ BackendError),
/* harmony export */   WT: () => (/* binding */ smallerMayAnswer),
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   kc: () => (/* binding */ errorText)
/* harmony export */ });
/**
 * An input the user gave us (evidence, config, an input) is wrong. Carries enough to fix it
 * without reading a stack trace: the file, the field (JSON pointer or Markdown heading), what was
 * expected and what was found.
 */
class InputError extends Error {
    file;
    field;
    expected;
    found;
    line;
    /** The nearest valid choice, as a phrase ("did you mean `freshness`?"). */
    suggestion;
    /**
     * `says` replaces "expected <expected>" in the message when a rule reads better on its own
     * ("must be greater than 0, found -300"); `expected` still carries what was expected.
     */
    constructor(args) {
        const where = args.line !== undefined ? `${args.file}:${args.line}` : args.file;
        const field = args.field ?? '';
        const rule = args.says ?? `expected ${args.expected}`;
        super(`${where}${field ? ` at ${field}` : ''}: ${rule}, found ${args.found}${args.suggestion ? `; ${args.suggestion}` : ''}`);
        this.name = 'InputError';
        this.file = args.file;
        this.field = field;
        this.expected = args.expected;
        this.found = args.found;
        if (args.line !== undefined)
            this.line = args.line;
        if (args.suggestion !== undefined)
            this.suggestion = args.suggestion;
    }
}
/** Several input errors found in one pass, reported together. */
class InputErrors extends Error {
    errors;
    constructor(errors) {
        super(errors.map((e) => e.message).join('\n'));
        this.name = 'InputErrors';
        this.errors = errors;
    }
}
/** A backend (Prometheus, Alertmanager, GitHub...) could not answer. Never a failed check. */
class BackendError extends Error {
    backend;
    request;
    status;
    /** The answer was over the response cap (limits.response-max-bytes): a smaller question may fit. */
    tooLarge;
    constructor(backend, request, message, status) {
        super(`${backend}: ${message} (${request})`);
        this.name = 'BackendError';
        this.backend = backend;
        this.request = request;
        this.status = status;
    }
}
/** Whether a smaller question may get an answer: the backend refused the query (400/422) or its answer was over the cap. */
function smallerMayAnswer(err) {
    return err instanceof BackendError && (err.status === 400 || err.status === 422 || err.tooLarge === true);
}
/** Describe a found value briefly for an error message, without dumping a whole document. */
function describeValue(value) {
    if (value === undefined)
        return 'nothing (missing)';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return `an array of ${value.length}`;
    if (typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.length === 0)
            return 'an empty object';
        return `an object with keys ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', ...' : ''}`;
    }
    if (typeof value === 'string') {
        const s = value.length > 60 ? `${value.slice(0, 57)}...` : value;
        return `the string ${JSON.stringify(s)}`;
    }
    return `${typeof value} ${String(value)}`;
}
/** One line for an error in a report: input errors as they are, others with their kind. */
function errorText(err) {
    if (err instanceof InputErrors || err instanceof InputError)
        return err.message;
    return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}


/***/ }),

/***/ 55421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   YF: () => (/* binding */ mdLink),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   ti: () => (/* binding */ inlineCode)
/* harmony export */ });
/* unused harmony exports neutraliseMentions, safeUrl */
/**
 * The one escaper for text that came from files, config or APIs before it goes into Markdown or
 * HTML that GitHub renders (reports, step summaries, runbooks, issue and comment bodies). The
 * result is inert: no tables broken, no HTML, no emphasis, code or links, and no @mention, #123
 * or GH-123 reference that would notify someone or link an issue (GitHub links these even when
 * backslash-escaped, so a zero-width joiner breaks them without changing what is shown).
 */
/** Zero-width joiner: breaks GitHub's @mention and #123 autolinks without changing what is shown. */
const ZWJ = '\u200D';
/** Control characters other than tab and newline: they never render and can hide text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** @user, @org/team, #123 and GH-123 made plain text; an e-mail address (x@y.z) and an entity (&#39;) stay as they are. */
function neutraliseMentions(text) {
    return text
        .replace(/(^|[^A-Za-z0-9])@(?=[A-Za-z0-9_-])/g, `$1@${ZWJ}`)
        .replace(/(?<!&)#(?=\d)/g, `#${ZWJ}`)
        .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`);
}
/** One line: control characters dropped, every line break (and the blanks around it) one space. */
const oneLine = (text) => text.replace(CONTROL, '').replace(/[ \t]*(?:\r\n?|\n)\s*/g, ' ');
/**
 * Markdown inline text (prose, list items, headings, table cells): one line that renders as the
 * literal text. A bare http(s) URL or e-mail address stays the link GitHub makes of it (no escape
 * can stop that, and those schemes are safe); no other link, image or HTML can form.
 */
function escapeMarkdown(text) {
    return neutraliseMentions(oneLine(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // Emphasis, code, links, tables, strike-through, math; `&` and `;` stay so the entities do.
        .replace(/[\\`*_[\]|~$]/g, '\\$&')
        // No "](" stays in the text, so nothing reads as a link even where a bracket is let through.
        .replace(/\]\(/g, ']\\(')
        // A leading "- ", "+ ", "1. " or "#" would start a list or a heading; escape the marker's
        // punctuation (CommonMark escapes only punctuation, so "\1." would show the backslash).
        .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
        .replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4')
        .replace(/^(\s*)#/, '$1\\#'));
}
/** A Markdown table cell: inline-escaped (pipes and line breaks included) and shortened to `max` characters. */
function escapeCell(text, max = 1000) {
    return escapeMarkdown(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}
/**
 * A code span for a query or other text shown verbatim (one line). The fence is longer than any
 * run of backticks inside; `|` is escaped because GitHub tables split cells on it even in code.
 */
function inlineCode(text) {
    const flat = oneLine(text).replace(/\|/g, '\\|');
    const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}
/** A fenced code block for multi-line text shown verbatim: the fence is longer than any run of backticks inside. */
function codeBlock(text, lang = '') {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${lang}\n${text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`;
}
/**
 * HTML text or a quoted attribute value, one line (e.g. inside `<summary>`: GitHub does not read
 * Markdown there, so backslash escapes would show, and a blank line would end the HTML block).
 */
function escapeHtml(text) {
    return neutraliseMentions(oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
}
/**
 * A link target: only an http(s) URL that parses; `<`, `>` and blanks percent-encoded so that it
 * stays whole inside `<…>`. Anything else (javascript:, data:, a bare path) is not a link.
 */
function safeUrl(url) {
    if (!url || !/^https?:\/\//i.test(url))
        return undefined;
    try {
        new URL(url);
    }
    catch {
        return undefined;
    }
    return url.replace(/[<>\s]/g, encodeURIComponent);
}
/** A Markdown link whose text is escaped; a URL that is not safe leaves the escaped text alone. */
function mdLink(text, url) {
    const safe = safeUrl(url);
    return safe ? `[${escapeMarkdown(text)}](<${safe}>)` : escapeMarkdown(text);
}


/***/ }),

/***/ 44098:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   EF: () => (/* binding */ readCapped),
/* harmony export */   Gw: () => (/* binding */ splitUserinfo),
/* harmony export */   NS: () => (/* binding */ httpLimits),
/* harmony export */   Pw: () => (/* binding */ authHeaders),
/* harmony export */   R$: () => (/* binding */ setHttpLimits),
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   by: () => (/* binding */ ResponseTooLargeError),
/* harmony export */   fw: () => (/* binding */ backendSlot),
/* harmony export */   uT: () => (/* binding */ createHttpClient)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_RESPONSE_BYTES, MAX_RETRY_AFTER_MS, DEFAULT_BACKEND_CONCURRENCY, retryAfterMs */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50767);
/* harmony import */ var _stats_run_stats_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46968);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26518);
/**
 * The one way out to the network. Every outbound request (telemetry, rules, dashboards,
 * Alertmanager, PagerDuty, webhooks, acknowledgement sources, probes, and GitHub through the
 * Octokit hook in github/octokit.ts) goes through here, and this module owns:
 * - credentials from environment variables only; URL userinfo becomes Basic auth and never
 *   appears in a URL this module reports (error messages included);
 * - a timeout on every attempt and a bound on the whole exchange, retries and waits included;
 * - a response size cap: the body is streamed and the exchange aborted at the cap, so an endless
 *   or huge answer costs bounded time and memory;
 * - retries only for idempotent requests (or ones the caller marks so), honouring Retry-After.
 */



/** Default cap on one response body; `limits.response-max-bytes` in the config sets it. */
const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** Longest Retry-After honoured; a longer one ends the retries. */
const MAX_RETRY_AFTER_MS = 30_000;
/** Default bound on requests in flight to one backend; `limits.backend-concurrency` sets it. */
const DEFAULT_BACKEND_CONCURRENCY = 4;
const limits = { maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES, backendConcurrency: DEFAULT_BACKEND_CONCURRENCY };
/** Set the run's limits (from the config's `limits:`), once the config is read. */
function setHttpLimits(l) {
    if (l.maxResponseBytes && l.maxResponseBytes > 0)
        limits.maxResponseBytes = l.maxResponseBytes;
    if (l.backendConcurrency && l.backendConcurrency >= 1)
        limits.backendConcurrency = Math.floor(l.backendConcurrency);
}
const slots = new Map();
/**
 * A turn to send to one backend: at most `limits.backend-concurrency` requests are in flight to
 * it at once, so a large run queues on its own side instead of flooding the backend. Resolves to
 * the release function.
 */
async function backendSlot(backend) {
    let s = slots.get(backend);
    if (!s) {
        s = { active: 0, queue: [] };
        slots.set(backend, s);
    }
    const own = s;
    if (own.active >= limits.backendConcurrency)
        await new Promise((r) => own.queue.push(r));
    else
        own.active++;
    (0,_stats_run_stats_js__WEBPACK_IMPORTED_MODULE_2__/* .recordInFlight */ .Ng)(backend, own.active);
    let released = false;
    return () => {
        if (released)
            return;
        released = true;
        const next = own.queue.shift();
        // The turn passes on directly: `active` stays the same.
        if (next)
            next();
        else
            own.active--;
    };
}
function httpLimits() {
    return limits;
}
/** URL as safe to record: no userinfo. Text that is not a URL loses anything that looks like userinfo. */
function redactUrl(url) {
    try {
        const u = new URL(url);
        if (!u.username && !u.password)
            return url;
        u.username = '';
        u.password = '';
        return u.toString();
    }
    catch {
        return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1');
    }
}
/**
 * A URL split into what is sent and what is reported: userinfo removed from both and turned
 * into a Basic Authorization value (registered as a secret).
 */
function splitUserinfo(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return { url };
    }
    if (!u.username && !u.password)
        return { url };
    for (const s of (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .userinfoSecrets */ .zC)(url))
        _redact_js__WEBPACK_IMPORTED_MODULE_1__/* .secrets */ .O3.add(s);
    const user = safeDecode(u.username);
    const pass = safeDecode(u.password);
    u.username = '';
    u.password = '';
    const token = Buffer.from(`${user}:${pass}`).toString('base64');
    _redact_js__WEBPACK_IMPORTED_MODULE_1__/* .secrets */ .O3.add(token);
    return { url: u.toString(), authorization: `Basic ${token}` };
}
function safeDecode(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** A body over the cap: never retried, reported with the cap. */
class ResponseTooLargeError extends Error {
    maxBytes;
    declared;
    constructor(maxBytes, declared) {
        super(declared !== undefined
            ? `the answer is ${declared} bytes (Content-Length), over the ${maxBytes}-byte cap (limits.response-max-bytes)`
            : `the answer exceeded the ${maxBytes}-byte cap (limits.response-max-bytes); the rest was not read`);
        this.maxBytes = maxBytes;
        this.declared = declared;
        this.name = 'ResponseTooLargeError';
    }
}
/**
 * Read a response body up to a cap, streaming: the exchange is cancelled at the cap, so neither
 * an endless body nor a huge one is held in memory. The caller's signal bounds the time.
 */
async function readCapped(res, maxBytes) {
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new ResponseTooLargeError(maxBytes, declared);
    }
    if (!res.body)
        return new Uint8Array(0);
    const reader = res.body.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.byteLength;
        if (total > maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw new ResponseTooLargeError(maxBytes);
        }
        chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
        out.set(c, at);
        at += c.byteLength;
    }
    return out;
}
/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), if it asks. */
function retryAfterMs(value, now = Date.now()) {
    if (!value)
        return undefined;
    const v = value.trim();
    if (/^\d+(\.\d+)?$/.test(v))
        return Math.round(Number(v) * 1000);
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
function describeFailure(err, timeoutMs, headersSeen) {
    const e = err;
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
        return headersSeen ? `the answer did not finish within ${timeoutMs} ms` : `no answer within ${timeoutMs} ms`;
    }
    // Messages from fetch can carry the URL; only the error code or a short cause is kept.
    return `unreachable (${e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err)})`;
}
/**
 * One HTTP exchange with bounded waits, a bounded retry and a capped body. Network errors,
 * timeouts and an oversized body become a BackendError naming the request without userinfo;
 * other statuses are returned for the caller to judge (a 5xx or 429 after the last retry too).
 */
async function httpRequest(req) {
    const method = (req.method ?? 'GET').toUpperCase();
    const { url, authorization } = splitUserinfo(req.url);
    const where = `${method} ${redactUrl(url)}`;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(req.backend, `${method} (invalid URL)`, 'the URL is not a valid absolute URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(req.backend, where, `only http and https URLs are requested, not ${parsed.protocol}`);
    }
    const headers = { ...req.headers };
    if (authorization && !Object.keys(headers).some((k) => k.toLowerCase() === 'authorization'))
        headers.Authorization = authorization;
    const canRetry = IDEMPOTENT.has(method) || req.idempotent === true;
    const retries = canRetry ? Math.max(0, req.retries ?? 0) : 0;
    const backoffMs = req.backoffMs ?? 200;
    const maxBytes = req.maxBytes ?? limits.maxResponseBytes;
    // By default every attempt gets its whole timeout; the slack covers connection set-up and timers.
    const planned = req.timeoutMs * (retries + 1) + backoffMs * (2 ** retries - 1);
    const totalMs = req.totalMs ?? Math.ceil(planned * 1.1) + 250;
    // The exchange's bounds start once it may send: a turn behind other requests is not its time.
    let release = await backendSlot(req.backend);
    const deadline = Date.now() + totalMs;
    const stat = { ms: 0, bytes: 0, status: undefined };
    const done = (r) => {
        release();
        (0,_stats_run_stats_js__WEBPACK_IMPORTED_MODULE_2__/* .recordRequest */ .Vi)({ backend: req.backend, kind: req.kind ?? req.backend, ms: stat.ms, bytes: stat.bytes, status: stat.status });
        return r;
    };
    let lastError;
    let wait = 0;
    try {
        for (let attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                const left = deadline - Date.now();
                if (wait > left)
                    break;
                release();
                const waited = Date.now();
                await sleep(wait);
                (0,_stats_run_stats_js__WEBPACK_IMPORTED_MODULE_2__/* .recordWait */ .Jw)(`retry backoff (${req.backend})`, waited);
                stat.ms += Date.now() - waited;
                release = await backendSlot(req.backend);
            }
            const left = deadline - Date.now();
            if (left <= 0)
                break;
            const timeoutMs = Math.min(req.timeoutMs, left);
            const started = Date.now();
            let headersSeen = false;
            stat.status = undefined;
            try {
                const res = await fetch(url, {
                    method,
                    headers,
                    body: req.body,
                    signal: AbortSignal.timeout(timeoutMs),
                    redirect: 'manual'
                });
                headersSeen = true;
                const bytes = await readCapped(res, maxBytes);
                const text = new TextDecoder().decode(bytes);
                const elapsedMs = Date.now() - started;
                stat.ms += elapsedMs;
                stat.bytes += bytes.byteLength;
                stat.status = res.status;
                const retryable = res.status >= 500 || res.status === 429;
                if (retryable && attempt < retries) {
                    const asked = retryAfterMs(res.headers.get('retry-after'));
                    if (asked !== undefined && asked > MAX_RETRY_AFTER_MS)
                        return done({ status: res.status, headers: res.headers, text, elapsedMs });
                    wait = asked ?? backoffMs * 2 ** attempt;
                    lastError = new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(req.backend, where, `HTTP ${res.status}`, res.status);
                    if (wait > deadline - Date.now())
                        return done({ status: res.status, headers: res.headers, text, elapsedMs });
                    continue;
                }
                return done({ status: res.status, headers: res.headers, text, elapsedMs });
            }
            catch (err) {
                stat.ms += Date.now() - started;
                if (err instanceof ResponseTooLargeError)
                    throw Object.assign(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(req.backend, where, err.message), { tooLarge: true });
                const cut = timeoutMs < req.timeoutMs ? ` (what was left of the ${totalMs} ms this request may take)` : '';
                lastError = new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(req.backend, where, describeFailure(err, timeoutMs, headersSeen) + cut);
                wait = backoffMs * 2 ** attempt;
            }
        }
    }
    catch (err) {
        // Only the size cap gets here: the call ends without a usable answer.
        stat.status = undefined;
        throw done(err);
    }
    // Retries spent: the last answer's status is what stands (a 5xx), or no answer at all.
    done(undefined);
    if (lastError)
        throw lastError;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(req.backend, where, `no answer within the ${totalMs} ms this request may take`);
}
/** A variable name as written in a config; anything else is not echoed (it may be the credential itself). */
const SHOWN_VARIABLE_NAME = /^[A-Z_][A-Z0-9_]{0,63}$/;
/** Read a credential from the environment; its value is a secret from here on. */
function credential(env, name, log, backend, field) {
    const v = env[name];
    if (!v) {
        if (SHOWN_VARIABLE_NAME.test(name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(backend, 'credentials', `environment variable ${name} is not set (${field})`);
        // Not a variable name as people write them: most likely a token pasted where a name belongs.
        _redact_js__WEBPACK_IMPORTED_MODULE_1__/* .secrets */ .O3.add(name);
        log.setSecret(name);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendError */ .Jh(backend, 'credentials', `${field} names an environment variable that is not set; the name is not shown because it does not look like a variable name (A-Z, 0-9, _) and may be a credential`);
    }
    log.setSecret(v);
    return v;
}
/** Resolve `env:NAME` header values and auth into request headers; every secret is registered. */
function authHeaders(auth, headers, env, log, backend) {
    const out = {};
    for (const [k, v] of Object.entries(headers ?? {}))
        out[k] = v.startsWith('env:') ? credential(env, v.slice(4), log, backend, `header ${k}`) : v;
    if (auth?.type === 'bearer')
        out.Authorization = `Bearer ${credential(env, auth['token-env'], log, backend, 'auth.token-env')}`;
    if (auth?.type === 'basic') {
        const user = credential(env, auth['username-env'], log, backend, 'auth.username-env');
        const pass = credential(env, auth['password-env'], log, backend, 'auth.password-env');
        const token = Buffer.from(`${user}:${pass}`).toString('base64');
        log.setSecret(`${user}:${pass}`);
        log.setSecret(token);
        out.Authorization = `Basic ${token}`;
    }
    return out;
}
function createHttpClient(args) {
    return {
        request: (req) => httpRequest(req),
        credentials: (auth, headers, backend) => authHeaders(auth, headers, args.env, args.log, backend)
    };
}
/** @deprecated Durations live in util/duration.ts (the one parser); kept so older imports compile. */



/***/ }),

/***/ 29906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ safeLine)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50767);

/** A message as it may be logged: secrets masked, no line able to start a workflow command. */
function safeLine(message) {
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .neutraliseLog */ .Z$)(_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .secrets */ .O3.redactLog(String(message)));
}


/***/ }),

/***/ 1204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ byText)
/* harmony export */ });
/**
 * Text in code-unit order: the same on every runner whatever its locale, and without the ICU
 * collator that `localeCompare` starts on its first call (about 9 ms of a cold start).
 */
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);


/***/ }),

/***/ 50767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BR: () => (/* binding */ registerConfigSecrets),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   KL: () => (/* binding */ redactDeep),
/* harmony export */   O3: () => (/* binding */ secrets),
/* harmony export */   R2: () => (/* binding */ registerConfigFileSecrets),
/* harmony export */   Z$: () => (/* binding */ neutraliseLog),
/* harmony export */   zC: () => (/* binding */ userinfoSecrets)
/* harmony export */ });
/* unused harmony exports MIN_REDACTED_LENGTH, MASK, Redactor */
/**
 * The run's known secrets and the one redactor every exit applies: the log, annotations, outputs,
 * the job summary, every package file and every request body sent to GitHub. A secret is known
 * from the moment it is read (a token, an `*-env` credential, an `env:NAME` header, URL userinfo);
 * like the runner's own masking, the set lives for the whole process.
 */
/** Shorter values are masked in the log only: replacing them in files would destroy words ("pass"). */
const MIN_REDACTED_LENGTH = 6;
/** A secret this long is also found when it was cut short (`ghp_abc...`), by its first characters. */
const PREFIX_MATCH = 12;
const MASK = '***';
/** Credentials recognisable by their form, known to the run or not. */
// Each pattern below needs one of PATTERN_CUES in the text: a new pattern needs its cue there too.
const TOKEN_PATTERNS = [
    /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
    /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
    /\bglpat-[A-Za-z0-9_-]{20,}/g,
    /\bxox[abprs]-[A-Za-z0-9-]{10,}/g
];
/** `scheme://user:pass@host`: the userinfo of any URL in any text. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>`]+@/gi;
/** An Authorization value written out (`Authorization: Bearer x`, `"authorization":"Basic x"`). */
const AUTHORIZATION = /(authorization["']?\s*[:=]\s*["']?\s*(?:bearer|basic|token)?\s*)[^\s"',;]+/gi;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/-]{16,}=*/g;
/** What every pattern above needs somewhere in a text: without it none can match (most strings). */
const PATTERN_CUES = /:\/\/|authorization|bearer|gh[pousr]_|github_pat_|glpat-|xox[abprs]-/i;
/** Strings remembered by one redactDeep walk: short ones, up to a bound. */
const MEMO_MAX_LENGTH = 4096;
const MEMO_MAX_ENTRIES = 200_000;
class Redactor {
    values = new Set();
    ordered = [];
    listeners = new Set();
    /** Remember a secret (and its URL-encoded and JSON-escaped forms); listeners (the runner's masking) hear of each. */
    add(secret) {
        if (!secret || this.values.has(secret))
            return;
        const forms = new Set([secret, secret.trim(), encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
        const added = [];
        for (const f of forms) {
            if (f && !this.values.has(f)) {
                this.values.add(f);
                added.push(f);
            }
        }
        this.ordered = [...this.values].sort((a, b) => b.length - a.length);
        for (const f of added)
            for (const l of this.listeners)
                l(f);
    }
    /** Hear of every secret known now and added later. Returns the way to stop listening. */
    listen(listener) {
        this.listeners.add(listener);
        for (const v of this.values)
            listener(v);
        return () => this.listeners.delete(listener);
    }
    /** Every known secret, longest first. */
    known() {
        return this.ordered;
    }
    /** Text as it may leave the process: no known secret, no URL userinfo, no token by its form. */
    redact(text) {
        return this.apply(text, MIN_REDACTED_LENGTH);
    }
    /** For the log, where even short secrets are masked (the runner masks them too). */
    redactLog(text) {
        return this.apply(text, 1);
    }
    /**
     * Every string in a JSON value (keys included), redacted; the shape stays as it was. What holds
     * no secret is returned as it is, not copied (a package file can be 25 MB of objects).
     */
    redactDeep(value) {
        return this.walk(value, new Map());
    }
    /**
     * A fleet's package repeats its keys and its queries thousands of times: each distinct string is
     * redacted once a walk (the secrets cannot change during one).
     */
    redactMemo(text, memo) {
        let out = memo.get(text);
        if (out === undefined) {
            out = this.redact(text);
            if (text.length <= MEMO_MAX_LENGTH && memo.size < MEMO_MAX_ENTRIES)
                memo.set(text, out);
        }
        return out;
    }
    walk(value, memo) {
        if (typeof value === 'string')
            return this.redactMemo(value, memo);
        if (Array.isArray(value)) {
            let out;
            for (let i = 0; i < value.length; i++) {
                const v = this.walk(value[i], memo);
                if (v !== value[i])
                    (out ??= value.slice())[i] = v;
            }
            return out ?? value;
        }
        // Bytes (a request body) are not text to redact; what JSON.stringify would write through
        // toJSON (a URL's href, with its userinfo) is redacted as that value; a Date stays the Date.
        if (ArrayBuffer.isView(value))
            return value;
        if (value && typeof value === 'object' && !(value instanceof Date) && typeof value.toJSON === 'function')
            return this.walk(value.toJSON(), memo);
        if (value && typeof value === 'object' && !(value instanceof Date)) {
            const obj = value;
            const keys = Object.keys(obj);
            let out;
            for (let i = 0; i < keys.length; i++) {
                const k = keys[i];
                const key = this.redactMemo(k, memo);
                const w = this.walk(obj[k], memo);
                if (!out && (key !== k || w !== obj[k])) {
                    // The first change: the keys before it were unchanged, copied as they are.
                    out = {};
                    for (let j = 0; j < i; j++)
                        setOwn(out, keys[j], obj[keys[j]]);
                }
                if (out)
                    setOwn(out, key, w);
            }
            return out ?? value;
        }
        return value;
    }
    apply(text, minLength) {
        if (typeof text !== 'string' || text === '')
            return text;
        let out = text;
        for (const s of this.ordered) {
            if (s.length < minLength)
                continue;
            if (out.includes(s))
                out = out.split(s).join(MASK);
            if (s.length > PREFIX_MATCH + 4)
                out = cutShort(out, s);
        }
        if (!PATTERN_CUES.test(out))
            return out;
        out = out.replace(URL_USERINFO, `$1${MASK}@`);
        out = out.replace(AUTHORIZATION, `$1${MASK}`);
        out = out.replace(BEARER, `$1${MASK}`);
        for (const p of TOKEN_PATTERNS)
            out = out.replace(p, MASK);
        return out;
    }
}
/** An own property, even `__proto__` (a key of parsed JSON is data, never the prototype). */
function setOwn(o, key, value) {
    if (key === '__proto__')
        Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
    else
        o[key] = value;
}
/** A secret cut short in a message (its first PREFIX_MATCH characters or more) is masked too. */
function cutShort(text, secret) {
    const head = secret.slice(0, PREFIX_MATCH);
    let from = text.indexOf(head);
    if (from < 0)
        return text;
    let out = '';
    let last = 0;
    while (from >= 0) {
        let n = PREFIX_MATCH;
        while (n < secret.length && from + n < text.length && text[from + n] === secret[n])
            n++;
        out += text.slice(last, from) + MASK;
        last = from + n;
        from = text.indexOf(head, last);
    }
    return out + text.slice(last);
}
/** The process's secrets: one set, as the runner's masking is one set. */
const secrets = new Redactor();
const redact = (text) => secrets.redact(text);
const redactDeep = (value) => secrets.redactDeep(value);
/** Environment variables that hold the runner's own credentials. */
const RUNNER_SECRET_VARIABLES = ['GITHUB_TOKEN', 'INPUT_GITHUB-TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
/** A variable name as people write them; anything else in a name's place may be the credential itself. */
const VARIABLE_NAME = /^[A-Z_][A-Z0-9_]{0,63}$/;
/**
 * Every credential a config names, registered before anything from the config or evidence is
 * logged: values of `*-env` fields, `env:NAME` header values, URL userinfo, literal Authorization
 * headers. Walks the whole config, so a field added later is covered without being listed here.
 */
function registerConfigSecrets(config, env, register = (s) => secrets.add(s)) {
    for (const name of RUNNER_SECRET_VARIABLES) {
        const v = env[name];
        if (v)
            register(v);
    }
    const fromEnv = (name) => {
        const v = env[name];
        if (v)
            register(v);
        // Not a variable name as people write them: most likely the credential itself, pasted where a name belongs.
        if (!VARIABLE_NAME.test(name))
            register(name);
    };
    const visit = (value, key) => {
        if (typeof value === 'string') {
            if (key.endsWith('-env'))
                fromEnv(value);
            else if (value.startsWith('env:'))
                fromEnv(value.slice(4));
            else if (/^authorization$/i.test(key) || /^(auth|token|password)$/i.test(key))
                register(value.replace(/^(bearer|basic|token)\s+/i, ''));
            userinfoSecrets(value).forEach(register);
            return;
        }
        if (Array.isArray(value))
            value.forEach((v) => visit(v, key));
        else if (value && typeof value === 'object')
            for (const [k, v] of Object.entries(value))
                visit(v, k);
    };
    visit(config, '');
}
/** The secrets in a URL's userinfo: the password, `user:pass` and its Basic token. */
function userinfoSecrets(url) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url))
        return [];
    try {
        const u = new URL(url);
        if (!u.username && !u.password)
            return [];
        const user = safeDecode(u.username);
        const pass = safeDecode(u.password);
        const out = [`${user}:${pass}`, Buffer.from(`${user}:${pass}`).toString('base64')];
        if (pass)
            out.push(pass);
        else
            out.push(user); // a token written as the user part (https://TOKEN@host)
        return out;
    }
    catch {
        return [];
    }
}
function safeDecode(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}
/**
 * Text as it may reach the runner's log: no line of it can start a workflow command. The runner
 * reads a line starting with `::` (after white space) as a command, and `##[` anywhere as a
 * legacy one; a `::stop-commands::` from evidence would switch off the masking of later secrets.
 */
function neutraliseLog(text) {
    return text
        .split(/\r\n|\r|\n/)
        .map((line) => {
        let l = line.replace(/##\[/g, '#\\#[');
        if (/^\s*::/.test(l))
            l = l.replace(/^(\s*)::/, '$1\\::');
        return l;
    })
        .join('\n');
}
/** A config file this large is not read here: the loader refuses it with its own message. */
const CONFIG_SCAN_MAX_BYTES = 1024 * 1024;
/**
 * The credentials a config file names, registered before the file is validated: a config that is
 * refused (a token pasted where a variable name belongs, a YAML error) is quoted in error messages,
 * and what it holds must already be masked then. Never throws; the loader reports the file's faults.
 */
async function registerConfigFileSecrets(path, env, register = (s) => secrets.add(s)) {
    registerConfigSecrets({}, env, register);
    let text;
    try {
        // At most the first CONFIG_SCAN_MAX_BYTES, however large the file is.
        const { open } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 23));
        const file = await open(path, 'r');
        try {
            const buf = Buffer.alloc(CONFIG_SCAN_MAX_BYTES);
            const { bytesRead } = await file.read(buf, 0, CONFIG_SCAN_MAX_BYTES, 0);
            text = buf.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await file.close();
        }
    }
    catch {
        return;
    }
    // Line by line first, so that even a file YAML cannot parse gives up its literal credentials.
    for (const line of text.split(/\r?\n/)) {
        for (const m of line.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s/?#@"'<>`]+@[^\s"'<>`]*/gi))
            userinfoSecrets(m[0]).forEach(register);
        // A key at the start of the line or inside a flow mapping (`{ url: ..., auth: "Bearer x" }`).
        for (const literal of line.matchAll(/(?:^|[\s{,])["']?(authorization|auth|token|password)["']?\s*:\s*["']?(?:bearer\s+|basic\s+|token\s+)?([^\s"'{}[\],]{6,})/gi))
            if (literal[2])
                register(literal[2]);
        const names = [...line.matchAll(/["']?env:([^\s"',}\]]+)/g), ...line.matchAll(/-env["']?\s*:\s*["']?([^\s"',}\]#]+)/g)].map((m) => m[1]);
        for (const name of names) {
            if (env[name])
                register(env[name]);
            if (!VARIABLE_NAME.test(name))
                register(name);
        }
    }
    // What only the YAML structure shows (a block scalar, a multi-line flow mapping) is registered by
    // the config loader from its own parse, before it validates anything (registerConfigSecrets).
}


/***/ }),

/***/ 19605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ invalidUtf8Offset),
/* harmony export */   _: () => (/* binding */ decodeUtf8)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (the
 * rules of the Unicode standard, table 3-7: no overlongs, no surrogates, nothing above U+10FFFF),
 * or -1 when the bytes are valid UTF-8.
 */
function invalidUtf8Offset(bytes) {
    const n = bytes.length;
    let i = 0;
    while (i < n) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let lo = 0x80;
        let hi = 0xbf;
        if (b >= 0xc2 && b <= 0xdf)
            need = 1;
        else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            if (b === 0xe0)
                lo = 0xa0;
            if (b === 0xed)
                hi = 0x9f;
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            if (b === 0xf0)
                lo = 0x90;
            if (b === 0xf4)
                hi = 0x8f;
        }
        else
            return i;
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            if (c === undefined)
                return i;
            const min = k === 1 ? lo : 0x80;
            const max = k === 1 ? hi : 0xbf;
            if (c < min || c > max)
                return i;
        }
        i += need + 1;
    }
    return -1;
}
/** Line (1-based) of a byte offset. */
function lineOfOffset(bytes, offset) {
    let line = 1;
    for (let i = 0; i < offset; i++)
        if (bytes[i] === 0x0a)
            line++;
    return line;
}
/**
 * Bytes as UTF-8 text, or an InputError naming the byte offset of the first bad byte. Never
 * decodes with replacement characters: a value read wrongly is worse than a refusal. A leading
 * byte order mark is dropped.
 */
function decodeUtf8(bytes, file, what = 'UTF-8 text') {
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz({
            file,
            line: 1,
            expected: what,
            found: 'UTF-16 text (a UTF-16 byte order mark at byte 0): save the file as UTF-8'
        });
    }
    const offset = invalidUtf8Offset(bytes);
    if (offset >= 0) {
        const byte = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz({
            file,
            line: lineOfOffset(bytes, offset),
            expected: what,
            found: `bytes that are not valid UTF-8 (byte 0x${byte} at byte offset ${offset}; a binary file or another encoding such as Latin-1)`
        });
    }
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ GENERATOR),
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** Who wrote the package: recorded as `verified_by` in the manifest. */
const VERSION = '1.0.0';
const GENERATOR = `sre-monitoring-action@${VERSION}`;


/***/ })

};
