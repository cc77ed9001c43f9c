import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9497:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jv: () => (/* binding */ XmlShapeError),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   wX: () => (/* binding */ TransportError)
/* harmony export */ });
/** An error answer of the API: what the user needs to act on it and to quote it to support. */
class ApiError extends Error {
    status;
    code;
    apiMessage;
    requestId;
    retryAfterMs;
    serverDate;
    name = 'ApiError';
    constructor(status, code, apiMessage, requestId, 
    /** How long the service asked us to wait (`Retry-After`, in ms), when it said so. */
    retryAfterMs, 
    /** The answer's `Date` header, used to correct a skewed clock. */
    serverDate) {
        super(`${code}${apiMessage ? `: ${apiMessage}` : ''} (HTTP ${status}` +
            `${requestId ? `, request id ${requestId}` : ''})`);
        this.status = status;
        this.code = code;
        this.apiMessage = apiMessage;
        this.requestId = requestId;
        this.retryAfterMs = retryAfterMs;
        this.serverDate = serverDate;
    }
}
/**
 * The request did not produce an API answer: the connection failed, the time limit passed, or the
 * body was not the XML the API sends (a proxy's page, a truncated answer).
 */
class TransportError extends Error {
    kind;
    status;
    requestId;
    name = 'TransportError';
    constructor(message, 
    /** What kind of failure, so that retry rules can tell a request that never left from one that may have been processed. */
    kind, status, requestId) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.requestId = requestId;
    }
}
/**
 * The text was not the XML the API sends: not well-formed (a truncated answer) or another document
 * (a proxy's HTML page, an `<Error>` where a `<Response>` was expected).
 */
class XmlShapeError extends Error {
    name = 'XmlShapeError';
}


/***/ }),

/***/ 5717:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ requestUrl),
/* harmony export */   e: () => (/* binding */ encodeCos)
/* harmony export */ });
/** Percent-encode per the COS rules: UTF-8, every byte except A-Z a-z 0-9 - _ . ~ , hex upper case. */
function encodeCos(text) {
    // encodeURIComponent leaves ! ' ( ) * alone; it also throws on lone surrogates, which is what we
    // want: silently signing U+FFFD would fail on the server with an unhelpful SignatureDoesNotMatch.
    return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** Builds the URL as sent: path segments and query encoded the way they are signed, so both agree. */
function requestUrl(endpoint, spec) {
    const path = spec.path
        .split('/')
        .map((segment) => encodeCos(segment))
        .join('/');
    const query = Object.entries(spec.query ?? {})
        .filter((entry) => entry[1] !== undefined)
        .map(([key, value]) => (value === '' ? encodeCos(key) : `${encodeCos(key)}=${encodeCos(value)}`))
        .join('&');
    const base = endpoint.href.replace(/\/+$/, '');
    return new URL(`${base}${path}${query ? `?${query}` : ''}`);
}


/***/ }),

/***/ 9719:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6771);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .eF)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6771:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ run)
});

// UNUSED EXPORTS: runCancel, runList, runTriggerWorkflow, runWait

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/runner/workflow-commands.ts
/**
 * The runner's protocol, as `@actions/core` speaks it: inputs from `INPUT_*`, state from `STATE_*`,
 * outputs and state appended to the files the runner names, log lines and annotations as workflow
 * commands on stdout. Written here rather than imported because `@actions/core` loads its OIDC
 * client at start-up, and with it an HTTP stack (undici, http, https, tunnel) that costs every run
 * of this action ~60 ms and ~25 MB for a call it never makes (README › Performance). A unit test
 * holds these functions to the toolkit's output, byte for byte.
 */


/** The raw value of an input; the readers in input-readers.ts trim and validate it. */
function getInput(name) {
    return process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}
/** A value the main entry saved, as the runner hands it to the `post:` entry. */
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/** Without the runner's file (an old runner, a local run), the toolkit's stdout fallbacks. */
function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT)
        return appendKeyValue(process.env.GITHUB_OUTPUT, name, value);
    process.stdout.write(external_node_os_namespaceObject.EOL);
    command('set-output', value, ` name=${escapeProperty(name)}`);
}
function saveState(name, value) {
    if (process.env.GITHUB_STATE)
        return appendKeyValue(process.env.GITHUB_STATE, name, value);
    command('save-state', value, ` name=${escapeProperty(name)}`);
}
/** The runner masks the value in every later line of the log. */
function setSecret(secret) {
    command('add-mask', secret);
}
function debug(message) {
    command('debug', message);
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
function warning(message) {
    command('warning', message);
}
function error(message) {
    command('error', message);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/**
 * Appends to the job summary; throws when the runner's summary file cannot be written. Synchronous,
 * unlike the toolkit's: one small write, and node:fs/promises would load streams and readline.
 */
function appendSummary(markdown) {
    const path = process.env.GITHUB_STEP_SUMMARY;
    if (!path)
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
    try {
        (0,external_node_fs_namespaceObject.accessSync)(path, external_node_fs_namespaceObject.constants.R_OK | external_node_fs_namespaceObject.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`);
    }
    (0,external_node_fs_namespaceObject.appendFileSync)(path, markdown, { encoding: 'utf8' });
}
function command(name, message, properties = '') {
    process.stdout.write(`::${name}${properties}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/** A value of any content goes to the runner's file between delimiters it cannot contain. */
function appendKeyValue(path, key, value) {
    if (!(0,external_node_fs_namespaceObject.existsSync)(path))
        throw new Error(`Missing file at path: ${path}`);
    // Web Crypto's randomUUID: the same generator as node:crypto's, without loading that module.
    const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`;
    if (key.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected input: ${key} should not contain the delimiter "${delimiter}"`);
    }
    (0,external_node_fs_namespaceObject.appendFileSync)(path, `${key}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, { encoding: 'utf8' });
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

;// CONCATENATED MODULE: ./src/runner/input-error.ts
/** A wrong input: names it, says what was expected and what was given (never a secret's value). */
class input_error_InputError extends Error {
    input;
    expected;
    given;
    name = 'InputError';
    constructor(input, expected, 
    /** What the user gave, already safe to print; undefined for a missing input or a secret. */
    given) {
        super(given === undefined
            ? `Input '${input}': ${expected}.`
            : `Input '${input}': expected ${expected}, got '${given}'.`);
        this.input = input;
        this.expected = expected;
        this.given = given;
    }
}

;// CONCATENATED MODULE: ./src/time.ts
/** Durations and times as users write them, and the API's `%Y-%m-%dT%H:%M:%S%z` time form. */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DURATION_EXPECTED = 'expected a number of seconds (45, 1.5) or a duration like 750ms, 30s, 5m, 1h, 1h30m, 2h15m30s';
const TIME_EXPECTED = 'expected ISO 8601 with Z or an offset (2026-11-01T00:00:00Z, 2026-11-01T08:00:00+08:00), ' +
    'the API form (2026-11-01T08:00:00+0800), a relative time before now (-24h, -7d, -90m, -1d12h) or now';
const BARE_SECONDS = /^\d+(?:\.\d+)?$/;
// Units at most once each and from largest to smallest, so that `30m1h` or `5m5m` is refused.
const UNIT_DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const RELATIVE_TIME = /^-(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const ABSOLUTE_TIME = /^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})[Tt ](?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})(?:\.(?<frac>\d+))?(?:(?<z>[Zz])|(?<sign>[+-])(?<oh>\d{2}):?(?<om>\d{2}))?$/;
/** Sums `groups` (digit strings or undefined) times `units`; undefined when no group matched. */
function sumUnits(groups, units) {
    if (groups.every((g) => g === undefined))
        return undefined;
    return groups.reduce((total, g, i) => total + (g === undefined ? 0 : Number(g) * units[i]), 0);
}
/** `750ms`, `30s`, `5m`, `1h30m`, `2h15m30s` or a bare number of seconds (`45`, `1.5`), in milliseconds. */
function parseDuration(text) {
    const trimmed = text.trim();
    let ms;
    if (BARE_SECONDS.test(trimmed)) {
        ms = Number(trimmed) * SECOND;
    }
    else {
        const match = UNIT_DURATION.exec(trimmed);
        if (match)
            ms = sumUnits(match.slice(1), [HOUR, MINUTE, SECOND, 1]);
    }
    if (ms === undefined || !Number.isSafeInteger(Math.round(ms))) {
        throw new Error(`Invalid duration '${text}': ${DURATION_EXPECTED}.`);
    }
    return Math.round(ms);
}
function daysInMonth(year, month) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
/** ISO 8601 / RFC 3339 date-time with `Z`, `+08:00` or `+0800`. */
function parseAbsolute(text) {
    const g = ABSOLUTE_TIME.exec(text)?.groups;
    if (!g)
        return { error: 'unparsable' };
    if (!g.z && !g.sign)
        return { error: 'no-offset' };
    const num = (digits) => Number(digits ?? 0);
    const [year, month, day] = [num(g.y), num(g.mo), num(g.d)];
    const [hour, minute, second] = [num(g.h), num(g.mi), num(g.s)];
    const [offH, offM] = [num(g.oh), num(g.om)];
    const inRange = (value, low, high) => value >= low && value <= high;
    if (!inRange(month, 1, 12) ||
        !inRange(day, 1, daysInMonth(year, month)) ||
        !inRange(hour, 0, 23) ||
        !inRange(minute, 0, 59) ||
        !inRange(second, 0, 59) ||
        !inRange(offH, 0, 23) ||
        !inRange(offM, 0, 59)) {
        return { error: 'impossible' };
    }
    const millis = Number((g.frac ?? '').slice(0, 3).padEnd(3, '0'));
    const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
    // Date.UTC maps years 0-99 to 1900-1999; the API's placeholders use year 1.
    date.setUTCFullYear(year);
    const offset = (g.sign === '-' ? -1 : 1) * (offH * HOUR + offM * MINUTE);
    return { date: new Date(date.getTime() - offset) };
}
/** An absolute time with `Z` or an offset, a relative time before `now` (`-24h`, `-1d12h`) or `now`. */
function parseTime(text, now) {
    const trimmed = text.trim();
    if (trimmed.toLowerCase() === 'now')
        return new Date(now.getTime());
    const relative = RELATIVE_TIME.exec(trimmed);
    if (relative) {
        const ago = sumUnits(relative.slice(1), [DAY, HOUR, MINUTE, SECOND]);
        const date = new Date(now.getTime() - (ago ?? NaN));
        if (!Number.isNaN(date.getTime()))
            return date;
    }
    const absolute = parseAbsolute(trimmed);
    if ('date' in absolute)
        return absolute.date;
    if (absolute.error === 'no-offset') {
        throw new Error(`Invalid time '${text}': it has no offset, so it is ambiguous; add Z (UTC) or an offset like +08:00.`);
    }
    if (absolute.error === 'impossible') {
        throw new Error(`Invalid time '${text}': no such date or time of day.`);
    }
    throw new Error(`Invalid time '${text}': ${TIME_EXPECTED}.`);
}
const pad = (n, width = 2) => String(n).padStart(width, '0');
/** The API's `%Y-%m-%dT%H:%M:%S%z` form, in UTC: `2026-11-01T00:00:00+0000`. */
function time_formatApiTime(date) {
    if (Number.isNaN(date.getTime()))
        throw new Error('Cannot format an invalid date.');
    return (`${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
        `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}+0000`);
}
const EPOCH_YEAR = 1970;
/** A time as the API writes it; undefined for `-`, empty, unparsable, or a placeholder before 1970. */
function time_parseApiTime(text) {
    if (text === undefined)
        return undefined;
    const parsed = parseAbsolute(text.trim());
    if (!('date' in parsed) || parsed.date.getUTCFullYear() < EPOCH_YEAR)
        return undefined;
    return parsed.date;
}
/** For logs and summaries: `850ms`, `12s`, `3m 05s`, `1h 02m`. */
function time_formatDuration(ms) {
    const total = Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 0;
    if (total < SECOND)
        return `${total}ms`;
    const seconds = Math.floor(total / SECOND);
    // Short spans keep their tenths: a 1.5 s timeout must not read as 1 s.
    if (seconds < 10) {
        const tenths = Math.floor(total / 100);
        return tenths % 10 === 0 ? `${tenths / 10}s` : `${(tenths / 10).toFixed(1)}s`;
    }
    if (seconds < 60)
        return `${seconds}s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60)
        return `${minutes}m ${pad(seconds % 60)}s`;
    return `${Math.floor(minutes / 60)}h ${pad(minutes % 60)}m`;
}

;// CONCATENATED MODULE: ./src/runner/input-readers.ts



/** Inputs are read trimmed; an input given as an empty string counts as not given. */
function input_readers_readOptional(name) {
    const value = getInput(name).trim();
    return value === '' ? undefined : value;
}
function input_readers_readRequired(name, expected) {
    const value = input_readers_readOptional(name);
    if (value === undefined)
        throw new input_error_InputError(name, `required: ${expected}`);
    return value;
}
/** YAML 1.2 core-schema booleans, as `@actions/core` getBooleanInput accepts, with our own error. */
function input_readers_readBoolean(name, fallback) {
    const value = input_readers_readOptional(name);
    if (value === undefined)
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new input_error_InputError(name, '`true` or `false`', value);
}
function input_readers_readDuration(name, fallback) {
    const value = input_readers_readOptional(name) ?? fallback;
    try {
        return parseDuration(value);
    }
    catch {
        throw new input_error_InputError(name, 'a duration such as `750ms`, `30s`, `5m`, `1h30m` or a number of seconds', value);
    }
}
function input_readers_readTime(name, now) {
    const value = input_readers_readOptional(name);
    if (value === undefined)
        return undefined;
    try {
        return parseTime(value, now);
    }
    catch {
        throw new input_error_InputError(name, 'a time such as `2026-11-01T00:00:00Z`, `2026-11-01T08:00:00+08:00`, `2026-11-01T08:00:00+0800`, `-24h`, `-7d` or `now`', value);
    }
}
function input_readers_readChoice(name, choices, fallback) {
    const value = input_readers_readOptional(name) ?? fallback;
    const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
    if (match === undefined)
        throw new input_error_InputError(name, `one of ${choices.join(', ')}`, value);
    return match;
}
/** A comma-separated list of names from a fixed set, matched without regard to case; `none` is empty. */
function input_readers_readList(name, choices, fallback) {
    const value = input_readers_readOptional(name) ?? fallback;
    if (value.toLowerCase() === 'none')
        return [];
    return value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .map((item) => {
        const match = choices.find((choice) => choice.toLowerCase() === item.toLowerCase());
        if (match === undefined) {
            throw new input_error_InputError(name, `a comma-separated list of ${choices.join(', ')} (or none)`, item);
        }
        return match;
    });
}
function input_readers_readPattern(name, pattern, expected, required) {
    const value = required ? input_readers_readRequired(name, expected) : input_readers_readOptional(name);
    if (value !== undefined && !pattern.test(value))
        throw new input_error_InputError(name, expected, value);
    return value;
}

;// CONCATENATED MODULE: ./src/runner/job-name.ts
/** What the API accepts as a job name. */
const JOB_NAME_PATTERN = /^[A-Za-z0-9_\-\u4e00-\u9fff]{1,128}$/u;
const MAX_LENGTH = 128;
/**
 * A name unique per repository, run, attempt and step execution: what lets a lost create be found
 * again by name without any risk of adopting another job. Matrix jobs share every variable the
 * runner sets (GITHUB_ACTION included), so a random tail tells them apart; the look-up by name only
 * happens inside the step that chose it.
 */
function defaultJobName(env, random = randomTail) {
    const clean = (text) => text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
    const repository = clean(env.GITHUB_REPOSITORY ?? 'local');
    const run = clean(env.GITHUB_RUN_ID ?? String(Date.now()));
    const attempt = clean(env.GITHUB_RUN_ATTEMPT ?? '1');
    const step = clean(env.GITHUB_ACTION ?? 'step');
    const unique = `-${run}-${attempt}-${step}-${random()}`.slice(-MAX_LENGTH + 1);
    return `${repository.slice(0, MAX_LENGTH - unique.length) || 'gh'}${unique}`;
}
/** Web Crypto, which is global: node:crypto would cost a dry run ~5 ms of start-up. */
function randomTail() {
    return globalThis.crypto.randomUUID().slice(-6);
}

;// CONCATENATED MODULE: ./src/ci/types.ts
/** The vocabulary of the CI batch-trigger API, as the action uses it (see ../shared/ci-api.md). */
const types_JOB_STATES = ['Submitted', 'Running', 'Success', 'Failed', 'Pause', 'Cancel'];
/** States after which a job never moves again. `Pause` is not one: it may be resumed. */
const FINAL_JOB_STATES = ['Success', 'Failed', 'Cancel'];
const types_isFinalJobState = (state) => FINAL_JOB_STATES.includes(state);
const types_EXECUTION_STATES = (/* unused pure expression or super */ null && (['Running', 'Success', 'Failed', 'Cancel']));

;// CONCATENATED MODULE: ./src/runner/inputs.ts





const BUCKET = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-\d+$/;
const REGION = /^[a-z]+(?:-[a-z0-9]+)+$/;
const WORKFLOW_ID = /^w[0-9a-f]{32}$/;
const JOB_ID = /^b[0-9a-f]{32}$/;
const HEADER_SAFE = /^[\x21-\x7e]+$/;
const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\])$/;
function getCommonSettings(env = process.env) {
    const credentials = readCredentials(env);
    const bucket = input_readers_readPattern('bucket', BUCKET, 'a bucket as BucketName-APPID, e.g. media-1250000000', true);
    const region = input_readers_readOptional('region') ?? env.TENCENTCLOUD_REGION?.trim();
    if (!region) {
        throw new input_error_InputError('region', 'required: set the input or the environment variable TENCENTCLOUD_REGION');
    }
    if (!REGION.test(region))
        throw new input_error_InputError('region', 'a region such as ap-guangzhou', region);
    const requestTimeoutMs = input_readers_readDuration('request-timeout', '30s');
    if (requestTimeoutMs <= 0) {
        throw new input_error_InputError('request-timeout', 'a duration above zero', input_readers_readOptional('request-timeout'));
    }
    return { credentials, bucket, region, endpoint: readEndpoint(bucket, region), requestTimeoutMs };
}
function getMainSettings(now = new Date()) {
    const common = getCommonSettings();
    const workflowId = readWorkflowId();
    const input = readJobInput();
    const window = { start: input_readers_readTime('start-time', now), end: input_readers_readTime('end-time', now) };
    if (window.start && window.end && window.start > window.end) {
        throw new input_error_InputError('start-time', `a time before end-time (${window.end.toISOString()})`, input_readers_readOptional('start-time'));
    }
    const name = readName() ?? defaultJobName(process.env);
    return {
        ...common,
        ...readWaiting(true),
        workflowId,
        input,
        window,
        name,
        wait: input_readers_readBoolean('wait', true),
        dryRun: input_readers_readBoolean('dry-run', false),
    };
}
function inputs_getWaitSettings() {
    return { ...getCommonSettings(), ...readWaiting(false), jobId: readJobId(true) };
}
function inputs_getCancelSettings() {
    return { ...getCommonSettings(), jobId: readJobId(true) };
}
function inputs_getListSettings(now = new Date()) {
    const common = getCommonSettings();
    const limitText = readOptional('limit') ?? '100';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1)
        throw new InputError('limit', 'a whole number of 1 or more', limitText);
    const since = readTime('since', now);
    const until = readTime('until', now);
    if (since && until && since > until) {
        throw new InputError('since', `a time before until (${until.toISOString()})`, readOptional('since'));
    }
    return {
        ...common,
        // `All` is the API's own word for no filter.
        states: /^all$/i.test(readOptional('states') ?? '') ? [] : readList('states', JOB_STATES, 'none'),
        workflowId: readPattern('workflow-id', WORKFLOW_ID, 'w followed by 32 hexadecimal characters', false),
        name: readOptional('name'),
        jobId: readJobId(false),
        since,
        until,
        order: readChoice('order', ['desc', 'asc'], 'desc') === 'asc' ? 'Asc' : 'Desc',
        limit,
    };
}
function inputs_getTriggerSettings() {
    const common = getCommonSettings();
    return {
        ...common,
        workflowId: readWorkflowId(),
        object: readRequired('object', 'the key of the object to process'),
        name: readName(),
        wait: readBoolean('wait', true),
        pollIntervalMs: readPollInterval(),
        timeoutMs: readDuration('timeout', '1h'),
        failOn: readList('fail-on', EXECUTION_STATES, 'Failed,Cancel'),
    };
}
function readCredentials(env) {
    // Masked before anything else can print them.
    const keyInput = input_readers_readOptional('secret-key');
    const secretKey = keyInput ?? env.TENCENTCLOUD_SECRET_KEY?.trim();
    if (secretKey)
        setSecret(secretKey);
    const idInput = input_readers_readOptional('secret-id');
    // Keys given as inputs win as a set: a token an earlier step exported belongs to other keys.
    const tokenFromEnv = idInput === undefined && keyInput === undefined;
    const sessionToken = input_readers_readOptional('session-token') ??
        (tokenFromEnv
            ? env.TENCENTCLOUD_TOKEN?.trim() || env.TENCENTCLOUD_SECURITY_TOKEN?.trim() || undefined
            : undefined);
    if (sessionToken)
        setSecret(sessionToken);
    const secretId = idInput ?? env.TENCENTCLOUD_SECRET_ID?.trim();
    if (!secretId) {
        throw new input_error_InputError('secret-id', 'required: set the input or the environment variable TENCENTCLOUD_SECRET_ID');
    }
    if (!secretKey) {
        throw new input_error_InputError('secret-key', 'required: set the input or the environment variable TENCENTCLOUD_SECRET_KEY');
    }
    // Sent in a header: anything else would fail every request instead of naming the input.
    if (sessionToken && !HEADER_SAFE.test(sessionToken)) {
        throw new input_error_InputError('session-token', 'printable ASCII characters without spaces (the value is not shown)');
    }
    if (!HEADER_SAFE.test(secretId)) {
        throw new input_error_InputError('secret-id', 'printable ASCII characters without spaces', secretId);
    }
    return { secretId, secretKey, sessionToken };
}
function readEndpoint(bucket, region) {
    const text = input_readers_readOptional('endpoint');
    if (text === undefined)
        return new URL(`https://${bucket}.ci.${region}.myqcloud.com`);
    const expected = 'an https:// base URL with no path, query or credentials (http:// only to a loopback address such as 127.0.0.1)';
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new input_error_InputError('endpoint', expected, text);
    }
    // Credentials in the URL are not echoed back.
    const shown = url.username || url.password ? `${url.protocol}//…@${url.host}${url.pathname}` : text;
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    if (!secure || !bare)
        throw new input_error_InputError('endpoint', expected, shown);
    return url;
}
/** Refused rather than altered: a name changed behind the user's back could not be found again. */
function readName() {
    return input_readers_readPattern('name', JOB_NAME_PATTERN, 'at most 128 letters, digits, Chinese characters, `-` or `_` (other characters are refused, not replaced)', false);
}
function readWorkflowId() {
    return input_readers_readPattern('workflow-id', WORKFLOW_ID, 'w followed by 32 hexadecimal characters', true);
}
function readJobId(required) {
    const expected = 'a job id: b followed by 32 hexadecimal characters';
    return ((required
        ? readPattern('job-id', JOB_ID, expected, true)
        : readPattern('job-id', JOB_ID, expected, false)) ?? '');
}
function readJobInput() {
    const given = [
        ['object', 'Object'],
        ['prefix', 'Prefix'],
        ['manifest', 'Manifest'],
        ['url-file', 'UrlFile'],
    ]
        .map(([name, kind]) => ({ name, kind, value: input_readers_readOptional(name) }))
        .filter((entry) => entry.value !== undefined);
    if (given.length !== 1 || !given[0]) {
        throw new input_error_InputError(given[0]?.name ?? 'object', 'exactly one of object, prefix, manifest, url-file', given.length === 0 ? 'none' : given.map((entry) => entry.name).join(' and '));
    }
    return { kind: given[0].kind, value: given[0].value };
}
function readPollInterval() {
    const ms = input_readers_readDuration('poll-interval', '10s');
    if (ms <= 0)
        throw new input_error_InputError('poll-interval', 'a duration above zero', input_readers_readOptional('poll-interval'));
    return ms;
}
function readWaiting(cancelOnAbortByDefault) {
    return {
        pollIntervalMs: readPollInterval(),
        timeoutMs: input_readers_readDuration('timeout', '1h'),
        cancelOnTimeout: input_readers_readBoolean('cancel-on-timeout', false),
        cancelOnAbort: input_readers_readBoolean('cancel-on-abort', cancelOnAbortByDefault),
        failOn: input_readers_readList('fail-on', types_JOB_STATES, 'Failed,Cancel'),
        objectFailures: input_readers_readChoice('object-failures', ['fail', 'warn', 'ignore'], 'fail'),
    };
}

;// CONCATENATED MODULE: ./src/steps/ports.ts
/** What the main step leaves for its `post:` entry. */
var ports_StateKey;
(function (StateKey) {
    StateKey["JobId"] = "job-id";
    /** See `JobPhase`. */
    StateKey["Phase"] = "phase";
})(ports_StateKey || (ports_StateKey = {}));
/** The step ends as a failure with this message, after its outputs and summary are written. */
class ports_StepFailure extends Error {
    name = 'StepFailure';
}

;// CONCATENATED MODULE: ./src/waiting/sleep.ts
class AbortedError extends Error {
    name = 'AbortedError';
    constructor() {
        super('the workflow run was cancelled');
    }
}
const realSleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted)
        return reject(new AbortedError());
    const onAbort = () => {
        clearTimeout(timer);
        reject(new AbortedError());
    };
    const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
});

// EXTERNAL MODULE: ./src/ci/errors.ts
var errors = __nccwpck_require__(9497);
;// CONCATENATED MODULE: ./src/ci/transport.ts
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
/**
 * Runners behind a proxy set HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case): undici's own proxy
 * agent reads them all. Without them, Node's own http/https, which a step loads in a fraction of
 * undici's time and memory (README › Performance). Each is loaded on the first request, so a step
 * that fails on its inputs, or a dry run, loads no HTTP code at all.
 */
function transportFromEnvironment(env = process.env) {
    const proxied = PROXY_VARIABLES.some((name) => env[name]);
    let loaded;
    return async (request) => {
        loaded ??= proxied
            ? Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(524)]).then(__nccwpck_require__.bind(__nccwpck_require__, 524)).then((module) => module.proxyTransport())
            : __nccwpck_require__.e(/* import() */ 262).then(__nccwpck_require__.bind(__nccwpck_require__, 2262)).then((module) => module.nodeTransport);
        return (await loaded)(request);
    };
}

;// CONCATENATED MODULE: ./src/ci/retry-rules.ts

/**
 * Calls that change nothing, or change it the same way twice (describe, list, cancel), may be
 * repeated after any failure that says nothing about the request itself.
 */
function retryableForIdempotentCall(error) {
    // An untrusted certificate stays untrusted: asking again only delays the error.
    if (error instanceof errors/* TransportError */.wX)
        return error.kind === 'aborted' || error.kind === 'tls' ? false : {};
    if (error instanceof errors/* ApiError */.hD) {
        if (error.status === 429 || error.status >= 500 || error.code === 'SlowDown') {
            return { retryAfterMs: error.retryAfterMs };
        }
    }
    return false;
}
/**
 * A call that creates something may only be repeated blindly when the service cannot have acted on
 * it: the connection never opened, the name never resolved, or the service said it shed the load.
 */
function retryableWhenNotProcessed(error) {
    if (error instanceof errors/* TransportError */.wX)
        return error.kind === 'connect' || error.kind === 'dns' ? {} : false;
    if (error instanceof errors/* ApiError */.hD && (error.status === 429 || error.status === 503)) {
        return { retryAfterMs: error.retryAfterMs };
    }
    return false;
}
/** The opposite case: the request reached the service, and nothing says it was not acted on. */
function retry_rules_mayHaveBeenProcessed(error) {
    if (error instanceof TransportError)
        return ['reset', 'timeout', 'unparsable'].includes(error.kind);
    return error instanceof ApiError && error.status >= 500 && error.status !== 503;
}
/** The service rejected our clock: the answer's `Date` tells us by how much we are off. */
function clockOffsetFrom(error, now) {
    if (!(error instanceof errors/* ApiError */.hD) || !error.serverDate)
        return undefined;
    const skewed = error.code === 'RequestTimeTooSkewed' ||
        (error.code === 'AccessDenied' && /request has expired/i.test(error.apiMessage));
    if (!skewed)
        return undefined;
    const serverTime = Date.parse(error.serverDate);
    return Number.isNaN(serverTime) ? undefined : serverTime - now;
}

;// CONCATENATED MODULE: ./node_modules/path-expression-matcher/src/Expression.js
/**
 * Expression - Parses and stores a tag pattern expression
 * 
 * Patterns are parsed once and stored in an optimized structure for fast matching.
 * 
 * @example
 * const expr = new Expression("root.users.user");
 * const expr2 = new Expression("..user[id]:first");
 * const expr3 = new Expression("root/users/user", { separator: '/' });
 */
class Expression {
  /**
   * Create a new Expression
   * @param {string} pattern - Pattern string (e.g., "root.users.user", "..user[id]")
   * @param {Object} options - Configuration options
   * @param {string} options.separator - Path separator (default: '.')
   */
  constructor(pattern, options = {}, data) {
    this.pattern = pattern;
    this.separator = options.separator || '.';
    this.segments = this._parse(pattern);
    this.data = data;
    // Cache expensive checks for performance (O(1) instead of O(n))
    this._hasDeepWildcard = this.segments.some(seg => seg.type === 'deep-wildcard');
    this._hasAttributeCondition = this.segments.some(seg => seg.attrName !== undefined);
    this._hasPositionSelector = this.segments.some(seg => seg.position !== undefined);
  }

  /**
   * Parse pattern string into segments
   * @private
   * @param {string} pattern - Pattern to parse
   * @returns {Array} Array of segment objects
   */
  _parse(pattern) {
    const segments = [];

    // Split by separator but handle ".." specially
    let i = 0;
    let currentPart = '';

    while (i < pattern.length) {
      if (pattern[i] === this.separator) {
        // Check if next char is also separator (deep wildcard)
        if (i + 1 < pattern.length && pattern[i + 1] === this.separator) {
          // Flush current part if any
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
            currentPart = '';
          }
          // Add deep wildcard
          segments.push({ type: 'deep-wildcard' });
          i += 2; // Skip both separators
        } else {
          // Regular separator
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
          }
          currentPart = '';
          i++;
        }
      } else {
        currentPart += pattern[i];
        i++;
      }
    }

    // Flush remaining part
    if (currentPart.trim()) {
      segments.push(this._parseSegment(currentPart.trim()));
    }

    return segments;
  }

  /**
   * Parse a single segment
   * @private
   * @param {string} part - Segment string (e.g., "user", "ns::user", "user[id]", "ns::user:first")
   * @returns {Object} Segment object
   */
  _parseSegment(part) {
    const segment = { type: 'tag' };

    // NEW NAMESPACE SYNTAX (v2.0):
    // ============================
    // Namespace uses DOUBLE colon (::)
    // Position uses SINGLE colon (:)
    // 
    // Examples:
    //   "user"              → tag
    //   "user:first"        → tag + position
    //   "user[id]"          → tag + attribute
    //   "user[id]:first"    → tag + attribute + position
    //   "ns::user"          → namespace + tag
    //   "ns::user:first"    → namespace + tag + position
    //   "ns::user[id]"      → namespace + tag + attribute
    //   "ns::user[id]:first" → namespace + tag + attribute + position
    //   "ns::first"         → namespace + tag named "first" (NO ambiguity!)
    //
    // This eliminates all ambiguity:
    //   :: = namespace separator
    //   :  = position selector
    //   [] = attributes

    // Step 1: Extract brackets [attr] or [attr=value]
    let bracketContent = null;
    let withoutBrackets = part;

    const bracketMatch = part.match(/^([^\[]+)(\[[^\]]*\])(.*)$/);
    if (bracketMatch) {
      withoutBrackets = bracketMatch[1] + bracketMatch[3];
      if (bracketMatch[2]) {
        const content = bracketMatch[2].slice(1, -1);
        if (content) {
          bracketContent = content;
        }
      }
    }

    // Step 2: Check for namespace (double colon ::)
    let namespace = undefined;
    let tagAndPosition = withoutBrackets;

    if (withoutBrackets.includes('::')) {
      const nsIndex = withoutBrackets.indexOf('::');
      namespace = withoutBrackets.substring(0, nsIndex).trim();
      tagAndPosition = withoutBrackets.substring(nsIndex + 2).trim(); // Skip ::

      if (!namespace) {
        throw new Error(`Invalid namespace in pattern: ${part}`);
      }
    }

    // Step 3: Parse tag and position (single colon :)
    let tag = undefined;
    let positionMatch = null;

    if (tagAndPosition.includes(':')) {
      const colonIndex = tagAndPosition.lastIndexOf(':'); // Use last colon for position
      const tagPart = tagAndPosition.substring(0, colonIndex).trim();
      const posPart = tagAndPosition.substring(colonIndex + 1).trim();

      // Verify position is a valid keyword
      const isPositionKeyword = ['first', 'last', 'odd', 'even'].includes(posPart) ||
        /^nth\(\d+\)$/.test(posPart);

      if (isPositionKeyword) {
        tag = tagPart;
        positionMatch = posPart;
      } else {
        // Not a valid position keyword, treat whole thing as tag
        tag = tagAndPosition;
      }
    } else {
      tag = tagAndPosition;
    }

    if (!tag) {
      throw new Error(`Invalid segment pattern: ${part}`);
    }

    segment.tag = tag;
    if (namespace) {
      segment.namespace = namespace;
    }

    // Step 4: Parse attributes
    if (bracketContent) {
      if (bracketContent.includes('=')) {
        const eqIndex = bracketContent.indexOf('=');
        segment.attrName = bracketContent.substring(0, eqIndex).trim();
        segment.attrValue = bracketContent.substring(eqIndex + 1).trim();
      } else {
        segment.attrName = bracketContent.trim();
      }
    }

    // Step 5: Parse position selector
    if (positionMatch) {
      const nthMatch = positionMatch.match(/^nth\((\d+)\)$/);
      if (nthMatch) {
        segment.position = 'nth';
        segment.positionValue = parseInt(nthMatch[1], 10);
      } else {
        segment.position = positionMatch;
      }
    }

    return segment;
  }

  /**
   * Get the number of segments
   * @returns {number}
   */
  get length() {
    return this.segments.length;
  }

  /**
   * Check if expression contains deep wildcard
   * @returns {boolean}
   */
  hasDeepWildcard() {
    return this._hasDeepWildcard;
  }

  /**
   * Check if expression has attribute conditions
   * @returns {boolean}
   */
  hasAttributeCondition() {
    return this._hasAttributeCondition;
  }

  /**
   * Check if expression has position selectors
   * @returns {boolean}
   */
  hasPositionSelector() {
    return this._hasPositionSelector;
  }

  /**
   * Get string representation
   * @returns {string}
   */
  toString() {
    return this.pattern;
  }
}
;// CONCATENATED MODULE: ./node_modules/path-expression-matcher/src/Matcher.js


/**
 * MatcherView - A lightweight read-only view over a Matcher's internal state.
 *
 * Created once by Matcher and reused across all callbacks. Holds a direct
 * reference to the parent Matcher so it always reflects current parser state
 * with zero copying or freezing overhead.
 *
 * Users receive this via {@link Matcher#readOnly} or directly from parser
 * callbacks. It exposes all query and matching methods but has no mutation
 * methods — misuse is caught at the TypeScript level rather than at runtime.
 *
 * @example
 * const matcher = new Matcher();
 * const view = matcher.readOnly();
 *
 * matcher.push("root", {});
 * view.getCurrentTag(); // "root"
 * view.getDepth();      // 1
 */
class MatcherView {
  /**
   * @param {Matcher} matcher - The parent Matcher instance to read from.
   */
  constructor(matcher) {
    this._matcher = matcher;
  }

  /**
   * Get the path separator used by the parent matcher.
   * @returns {string}
   */
  get separator() {
    return this._matcher.separator;
  }

  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    const path = this._matcher.path;
    return path.length > 0 ? path[path.length - 1].tag : undefined;
  }

  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    const path = this._matcher.path;
    return path.length > 0 ? path[path.length - 1].namespace : undefined;
  }

  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    const path = this._matcher.path;
    if (path.length === 0) return undefined;
    return path[path.length - 1].values?.[attrName];
  }

  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    const path = this._matcher.path;
    if (path.length === 0) return false;
    const current = path[path.length - 1];
    return current.values !== undefined && attrName in current.values;
  }

  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {*}
   */
  getAnyParentAttr(attrName) {
    return this._matcher.getAnyParentAttr(attrName);
  }

  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    return this._matcher.hasAnyParentAttr(attrName);
  }

  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    const path = this._matcher.path;
    if (path.length === 0) return -1;
    return path[path.length - 1].position ?? 0;
  }

  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    const path = this._matcher.path;
    if (path.length === 0) return -1;
    return path[path.length - 1].counter ?? 0;
  }

  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }

  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this._matcher.path.length;
  }

  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    return this._matcher.toString(separator, includeNamespace);
  }

  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this._matcher.path.map(n => n.tag);
  }

  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    return this._matcher.matches(expression);
  }

  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this._matcher);
  }
}

/**
 * Matcher - Tracks current path in XML/JSON tree and matches against Expressions.
 *
 * The matcher maintains a stack of nodes representing the current path from root to
 * current tag. It only stores attribute values for the current (top) node to minimize
 * memory usage. Sibling tracking is used to auto-calculate position and counter.
 *
 * Use {@link Matcher#readOnly} to obtain a {@link MatcherView} safe to pass to
 * user callbacks — it always reflects current state with no Proxy overhead.
 *
 * @example
 * const matcher = new Matcher();
 * matcher.push("root", {});
 * matcher.push("users", {});
 * matcher.push("user", { id: "123", type: "admin" });
 *
 * const expr = new Expression("root.users.user");
 * matcher.matches(expr); // true
 */
class Matcher {
  /**
   * Create a new Matcher.
   * @param {Object} [options={}]
   * @param {string} [options.separator='.'] - Default path separator
   */
  constructor(options = {}) {
    this.separator = options.separator || '.';
    this.path = [];
    this.siblingStacks = [];
    // Each path node: { tag, values, position, counter, namespace? }
    // values only present for current (last) node
    // Each siblingStacks entry: Map<tagName, count> tracking occurrences at each level
    this._pathStringCache = null;
    this._view = new MatcherView(this);

    // Kept-attribute stack: only populated when push() is called with options.keep.
    this._keptAttrs = [];
  }

  /**
   * Push a new tag onto the path.
   * @param {string} tagName
   * @param {Object|null} [attrValues=null]
   * @param {string|null} [namespace=null]
   * @param {Object|null} [options=null]
   * @param {string[]} [options.keep] - Names of attributes (from attrValues)
   */
  push(tagName, attrValues = null, namespace = null, options = null) {
    this._pathStringCache = null;

    // Remove values from previous current node (now becoming ancestor)
    if (this.path.length > 0) {
      this.path[this.path.length - 1].values = undefined;
    }

    // Get or create sibling tracking for current level
    const currentLevel = this.path.length;
    let level = this.siblingStacks[currentLevel];
    if (!level) {
      // `counts` tells same-name siblings apart (the "counter" — nth <item>
      // among other <item>s). `total` is every child seen at this level so
      // far, kept as a running number instead of re-added from `counts` on
      // every push — a parent with many differently-named children would
      // otherwise cost more per child the more distinct names it has.
      level = { counts: new Map(), total: 0 };
      this.siblingStacks[currentLevel] = level;
    }

    // Create a unique key for sibling tracking that includes namespace
    const siblingKey = namespace ? `${namespace}:${tagName}` : tagName;

    // Calculate counter (how many times this tag appeared at this level)
    const counter = level.counts.get(siblingKey) || 0;

    // Position = total children at this level seen before this one.
    const position = level.total;

    // Update sibling count for this tag, and the level's running total.
    level.counts.set(siblingKey, counter + 1);
    level.total++;

    // Create new node
    const node = {
      tag: tagName,
      position: position,
      counter: counter
    };

    if (namespace !== null && namespace !== undefined) {
      node.namespace = namespace;
    }

    if (attrValues !== null && attrValues !== undefined) {
      node.values = attrValues;
    }

    this.path.push(node);

    // Depth of the node we just pushed (1-based, matches this.path.length)
    const depth = this.path.length;

    // Copy only the requested attributes into the kept-attrs stack. This is
    // the one part of push() whose cost scales with input (O(keep.length))
    // rather than being O(1) — by design, since the caller is explicitly
    // opting in for specific attribute names. No options/keep => zero added
    // cost beyond the two property reads below.
    const keep = options !== null ? options.keep : null;
    if (keep !== null && keep !== undefined && keep.length > 0 && attrValues) {
      for (let i = 0; i < keep.length; i++) {
        const name = keep[i];
        if (attrValues[name] !== undefined) {
          this._keptAttrs.push({ depth, name, value: attrValues[name] });
        }
      }
    }
  }

  /**
   * Pop the last tag from the path.
   * @returns {Object|undefined} The popped node
   */
  pop() {
    if (this.path.length === 0) return undefined;
    this._pathStringCache = null;

    const node = this.path.pop();

    if (this.siblingStacks.length > this.path.length + 1) {
      this.siblingStacks.length = this.path.length + 1;
    }

    // Drop any kept attributes that belonged to the popped node (or deeper).
    // _keptAttrs is depth-ordered (push only ever appends increasing depths),
    // so this is a backward scan that stops at the first surviving entry —
    // typically O(1) since kept attrs are rare by design.
    const poppedDepth = this.path.length + 1;
    while (
      this._keptAttrs.length > 0 &&
      this._keptAttrs[this._keptAttrs.length - 1].depth >= poppedDepth
    ) {
      this._keptAttrs.pop();
    }

    return node;
  }

  /**
   * Update current node's attribute values.
   * Useful when attributes are parsed after push.
   * @param {Object} attrValues
   */
  updateCurrent(attrValues) {
    if (this.path.length > 0) {
      const current = this.path[this.path.length - 1];
      if (attrValues !== null && attrValues !== undefined) {
        current.values = attrValues;
      }
    }
  }

  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    return this.path.length > 0 ? this.path[this.path.length - 1].tag : undefined;
  }

  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    return this.path.length > 0 ? this.path[this.path.length - 1].namespace : undefined;
  }

  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    if (this.path.length === 0) return undefined;
    return this.path[this.path.length - 1].values?.[attrName];
  }

  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    if (this.path.length === 0) return false;
    const current = this.path[this.path.length - 1];
    return current.values !== undefined && attrName in current.values;
  }

  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * Unlike getAttrValue(), this works regardless of how deep the path has
   * gone since the attribute was pushed — but only for attribute names that
   * were explicitly marked with `keep` at push time. Cost is proportional to
   * the number of currently-kept attributes (typically 0-3), not path depth.
   * @param {string} attrName
   * @returns {*} the value, or undefined if no ancestor kept this attribute
   */
  getAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return kept[i].value;
    }
    return undefined;
  }

  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return true;
    }
    return false;
  }

  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].position ?? 0;
  }

  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].counter ?? 0;
  }

  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }

  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this.path.length;
  }

  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    const sep = separator || this.separator;
    const isDefault = (sep === this.separator && includeNamespace === true);

    if (isDefault) {
      if (this._pathStringCache !== null) {
        return this._pathStringCache;
      }
      const result = this.path.map(n =>
        (n.namespace) ? `${n.namespace}:${n.tag}` : n.tag
      ).join(sep);
      this._pathStringCache = result;
      return result;
    }

    return this.path.map(n =>
      (includeNamespace && n.namespace) ? `${n.namespace}:${n.tag}` : n.tag
    ).join(sep);
  }

  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this.path.map(n => n.tag);
  }

  /**
   * Reset the path to empty.
   */
  reset() {
    this._pathStringCache = null;
    this.path = [];
    this.siblingStacks = [];
    this._keptAttrs = [];
  }

  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    const segments = expression.segments;

    if (segments.length === 0) {
      return false;
    }

    if (expression.hasDeepWildcard()) {
      return this._matchWithDeepWildcard(segments);
    }

    return this._matchSimple(segments);
  }

  /**
   * @private
   */
  _matchSimple(segments) {
    if (this.path.length !== segments.length) {
      return false;
    }

    for (let i = 0; i < segments.length; i++) {
      if (!this._matchSegment(segments[i], this.path[i], i === this.path.length - 1)) {
        return false;
      }
    }

    return true;
  }

  /**
   * @private
   */
  _matchWithDeepWildcard(segments) {
    let pathIdx = this.path.length - 1;
    let segIdx = segments.length - 1;

    while (segIdx >= 0 && pathIdx >= 0) {
      const segment = segments[segIdx];

      if (segment.type === 'deep-wildcard') {
        segIdx--;

        if (segIdx < 0) {
          return true;
        }

        const nextSeg = segments[segIdx];
        let found = false;

        for (let i = pathIdx; i >= 0; i--) {
          if (this._matchSegment(nextSeg, this.path[i], i === this.path.length - 1)) {
            pathIdx = i - 1;
            segIdx--;
            found = true;
            break;
          }
        }

        if (!found) {
          return false;
        }
      } else {
        if (!this._matchSegment(segment, this.path[pathIdx], pathIdx === this.path.length - 1)) {
          return false;
        }
        pathIdx--;
        segIdx--;
      }
    }

    return segIdx < 0;
  }

  /**
   * @private
   */
  _matchSegment(segment, node, isCurrentNode) {
    if (segment.tag !== '*' && segment.tag !== node.tag) {
      return false;
    }

    if (segment.namespace !== undefined) {
      if (segment.namespace !== '*' && segment.namespace !== node.namespace) {
        return false;
      }
    }

    if (segment.attrName !== undefined) {
      if (!isCurrentNode) {
        return false;
      }

      if (!node.values || !(segment.attrName in node.values)) {
        return false;
      }

      if (segment.attrValue !== undefined) {
        if (String(node.values[segment.attrName]) !== String(segment.attrValue)) {
          return false;
        }
      }
    }

    if (segment.position !== undefined) {
      if (!isCurrentNode) {
        return false;
      }

      const counter = node.counter ?? 0;

      if (segment.position === 'first' && counter !== 0) {
        return false;
      } else if (segment.position === 'odd' && counter % 2 !== 1) {
        return false;
      } else if (segment.position === 'even' && counter % 2 !== 0) {
        return false;
      } else if (segment.position === 'nth' && counter !== segment.positionValue) {
        return false;
      }
    }

    return true;
  }

  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this);
  }

  /**
   * Create a snapshot of current state.
   * @returns {Object}
   */
  snapshot() {
    return {
      path: this.path.map(node => ({ ...node })),
      siblingStacks: this.siblingStacks.map(level => level ? { counts: new Map(level.counts), total: level.total } : level),
      keptAttrs: this._keptAttrs.map(entry => ({ ...entry }))
    };
  }

  /**
   * Restore state from snapshot.
   * @param {Object} snapshot
   */
  restore(snapshot) {
    this._pathStringCache = null;
    this.path = snapshot.path.map(node => ({ ...node }));
    this.siblingStacks = snapshot.siblingStacks.map(level => level ? { counts: new Map(level.counts), total: level.total } : level);
    this._keptAttrs = (snapshot.keptAttrs || []).map(entry => ({ ...entry }));
  }

  /**
   * Return the read-only {@link MatcherView} for this matcher.
   *
   * The same instance is returned on every call — no allocation occurs.
   * It always reflects the current parser state and is safe to pass to
   * user callbacks without risk of accidental mutation.
   *
   * @returns {MatcherView}
   *
   * @example
   * const view = matcher.readOnly();
   * // pass view to callbacks — it stays in sync automatically
   * view.matches(expr);       // ✓
   * view.getCurrentTag();     // ✓
   * // view.push(...)         // ✗ method does not exist — caught by TypeScript
   */
  readOnly() {
    return this._view;
  }
}

;// CONCATENATED MODULE: ./node_modules/fast-xml-builder/src/util.js


// String(val)/val.toString() drop the sign of -0 (e.g. String(-0) === '0'), silently
// corrupting a round-tripped negative-zero value. XML has no separate int/float syntax,
// so this is the single place every raw value gets turned into text.
function valToStr(val) {
  return typeof val === 'number' && Object.is(val, -0) ? '-0' : String(val)
}

function safeComment(val) {
  return valToStr(val)
    .replace(/--/g, '- -')   // -- is illegal anywhere in comment content
    .replace(/--/g, '- -')   // handle the scenario when 2 consiucative dashes appears 
    .replace(/-$/, '- ');    // trailing - would form -- with the closing -->
}

function safeCdata(val) {
  return valToStr(val).replace(/\]\]>/g, ']]]]><![CDATA[>')
}

function escapeAttribute(val) {
  return valToStr(val).replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/**
 * Resolve a tag or attribute name through sanitizeName if configured.
 * Validation via xml-naming's qName is performed first; the sanitizeName
 * callback is invoked only when the name is invalid. If sanitizeName is
 * false (default), no validation occurs and the name is used as-is.
 *
 * @param {string}  name        - raw name from the JS object
 * @param {boolean} isAttribute - true when resolving an attribute name
 * @param {object}  options
 * @param {Matcher} matcher     - current matcher state (readonly from callback perspective)
 * @param {function} qNameValidator - function to validate tag names
 */

function resolveName(name, isAttribute, options, matcher, validator) {
  if (!options.sanitizeName) return name;

  // Processing-instruction names: validate the part after the leading "?"
  const isPI = !isAttribute && name[0] === '?';
  const bare = isPI ? name.slice(1) : name;

  if (validator(bare)) return name;

  const result = options.sanitizeName(bare, { isAttribute, matcher: matcher.readOnly() });

  // Never trust the callback's output
  if (typeof result !== 'string' || !validator(result)) {
    throw new Error(`sanitizeName returned an invalid XML name for "${bare}"`);
  }
  return isPI ? '?' + result : result;
}
;// CONCATENATED MODULE: ./node_modules/xml-naming/src/index.js
/**
 * xml-naming
 * Validates XML Name productions as defined in the XML 1.0 and 1.1 specifications.
 * Covers: Name, NCName, QName, NMToken, NMTokens
 *
 * XML 1.0 spec: https://www.w3.org/TR/xml/#NT-Name
 * XML 1.1 spec: https://www.w3.org/TR/xml11/#NT-NameStartChar
 * XML NS spec:  https://www.w3.org/TR/xml-names/#NT-NCName
 */

// ---------------------------------------------------------------------------
// Character class strings — XML 1.0
//
// NameStartChar ::= ":" | [A-Z] | "_" | [a-z]
//   | [#xC0-#xD6]   | [#xD8-#xF6]   | [#xF8-#x2FF]
//   | [#x370-#x37D] | [#x37F-#x1FFF]    <- split to exclude #x0487
//   | [#x200C-#x200D]
//   | [#x2070-#x218F] | [#x2C00-#x2FEF]
//   | [#x3001-#xD7FF] | [#xF900-#xFDCF] | [#xFDF0-#xFFFD]
//
// NameChar ::= NameStartChar | "-" | "." | [0-9]
//   | #xB7 | [#x0300-#x036F] | [#x203F-#x2040]
//
// Note: \u0487 (Combining Cyrillic Millions Sign) was added in Unicode 4.0,
// after XML 1.0 was defined against Unicode 2.0. It falls inside the range
// \u037F-\u1FFF but must be excluded. We split that range into
// \u037F-\u0486 and \u0488-\u1FFF to exclude it explicitly.
// ---------------------------------------------------------------------------

const nameStartChar10 =
  ':A-Za-z_' +
  '\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF' +
  '\u0370-\u037D' +
  '\u037F-\u0486\u0488-\u1FFF' +  // split to exclude \u0487
  '\u200C-\u200D' +
  '\u2070-\u218F' +
  '\u2C00-\u2FEF' +
  '\u3001-\uD7FF' +
  '\uF900-\uFDCF' +
  '\uFDF0-\uFFFD';

const nameChar10 =
  nameStartChar10 +
  '\\-\\.\\d' +
  '\u00B7' +
  '\u0300-\u036F' +
  '\u203F-\u2040';

// ---------------------------------------------------------------------------
// Character class strings — XML 1.1
//
// Differences from XML 1.0:
//
// NameStartChar:
//   1.0 has split ranges: \u00C0-\u00D6, \u00D8-\u00F6, \u00F8-\u02FF
//   1.1 merges them into: \u00C0-\u02FF
//   (\u00D7 x and \u00F7 / are division symbols, excluded in both versions)
//
//   1.0 tops out at \uFFFD (BMP only)
//   1.1 adds \u{10000}-\u{EFFFF} (supplementary planes)
//   These require the /u flag on the RegExp — see buildRegexes below.
//
// NameChar:
//   1.1 adds \u0487 (Combining Cyrillic Millions Sign, added in Unicode 4.0)
// ---------------------------------------------------------------------------

const nameStartChar11 =
  ':A-Za-z_' +
  '\u00C0-\u02FF' +                    // merged — 1.0 had three split ranges here
  '\u0370-\u037D' +
  '\u037F-\u0486\u0488-\u1FFF' +       // split to exclude \u0487 (combining mark, never a NameStartChar)
  '\u200C-\u200D' +
  '\u2070-\u218F' +
  '\u2C00-\u2FEF' +
  '\u3001-\uD7FF' +
  '\uF900-\uFDCF' +
  '\uFDF0-\uFFFD' +
  '\u{10000}-\u{EFFFF}';     // supplementary planes — REQUIRES /u flag on RegExp

const nameChar11 =
  nameStartChar11 +
  '\\-\\.\\d' +
  '\u00B7' +
  '\u0300-\u036F' +
  '\u0487' +                 // Combining Cyrillic Millions Sign — valid in 1.1, not 1.0
  '\u203F-\u2040';

// ---------------------------------------------------------------------------
// Regex builders
//
// XML 1.0 regexes: no flags — BMP only, standard JS regex behaviour.
// XML 1.1 regexes: /u flag — required for \u{10000}-\u{EFFFF} to match actual
//   supplementary code points rather than lone surrogates (which are illegal XML).
// ---------------------------------------------------------------------------

const buildRegexes = (startChar, char, flags = '') => {
  const ncStart = startChar.replace(':', '');
  const ncChar = char.replace(':', '');
  const ncNamePat = `[${ncStart}][${ncChar}]*`;

  return {
    name: new RegExp(`^[${startChar}][${char}]*$`, flags),
    ncName: new RegExp(`^${ncNamePat}$`, flags),
    qName: new RegExp(`^${ncNamePat}(?::${ncNamePat})?$`, flags),
    nmToken: new RegExp(`^[${char}]+$`, flags),
    nmTokens: new RegExp(`^[${char}]+(?:\\s+[${char}]+)*$`, flags),
  };
};

const regexes10 = buildRegexes(nameStartChar10, nameChar10);       // no /u — BMP only
const regexes11 = buildRegexes(nameStartChar11, nameChar11, 'u');  // /u — enables \u{10000}-\u{EFFFF}

// ---------------------------------------------------------------------------
// ASCII-only fast path (opt-in, off by default)
//
// The XML 1.0 vs 1.1 NameStartChar/NameChar productions differ *only* in
// their non-ASCII ranges (merged vs split Latin-1 ranges, \u0487, and
// supplementary planes). Restricted to ASCII, both versions collapse to the
// same character classes, so a single regex pair covers both xmlVersion
// values — no /u flag needed.
//
// Rationale: unicode-aware regexes (the /u flag, required for XML 1.1's
// supplementary-plane range) are measurably slower in V8 than plain
// non-unicode regexes on the same input, even when the input is pure ASCII.
// For the common case — HTML/SVG ids, XML tags — names are ASCII, so callers
// who know this can opt in to skip the unicode-aware matching path entirely.
// This is a real but *conditional* win: mainly for XML 1.1 input (avoids /u),
// or at scale where the larger unicode character classes add engine
// overhead. It also changes behaviour (rejects legitimate non-ASCII XML
// 1.0/1.1 names), so it must never be silently enabled — hence off by
// default.
// ---------------------------------------------------------------------------

const nameStartCharAscii = ':A-Za-z_';
const nameCharAscii = nameStartCharAscii + '\\-\\.\\d';

const regexesAscii = buildRegexes(nameStartCharAscii, nameCharAscii); // no /u — ASCII only

const getRegexes = (xmlVersion = '1.0', asciiOnly = false) => {
  if (asciiOnly) return regexesAscii;
  return xmlVersion === '1.1' ? regexes11 : regexes10;
};

// ---------------------------------------------------------------------------
// Boolean validators
// ---------------------------------------------------------------------------

/**
 * Returns true if the string is a valid XML Name.
 * Colons are allowed anywhere (Name production).
 * Used for: DOCTYPE entity names, notation names, DTD element declarations.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const src_name = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).name.test(str);

/**
 * Returns true if the string is a valid NCName (Non-Colonized Name).
 * Colons are not permitted.
 * Used for: namespace prefixes, local names, SVG id attributes.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const ncName = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).ncName.test(str);

/**
 * Returns true if the string is a valid QName (Qualified Name).
 * Allows exactly one colon as a prefix separator: prefix:localName.
 * Used for: element and attribute names in namespace-aware XML/SVG.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const qName = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).qName.test(str);

/**
 * Returns true if the string is a valid NMToken.
 * Like Name but no restriction on the first character.
 * Used for: DTD NMTOKEN attribute values.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const nmToken = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).nmToken.test(str);

/**
 * Returns true if the string is a valid NMTokens value.
 * A whitespace-separated list of NMToken values.
 * Used for: DTD NMTOKENS attribute values.
 *
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 *   asciiOnly: skip unicode-aware matching, ASCII names only (default false).
 */
const nmTokens = (str, { xmlVersion = '1.0', asciiOnly = false } = {}) =>
  getRegexes(xmlVersion, asciiOnly).nmTokens.test(str);

// ---------------------------------------------------------------------------
// Memoized validator factory
//
// Real documents reuse a small vocabulary of tag/attribute names across many
// siblings (e.g. `id`, `class`, `href` repeated across hundreds of elements).
// The plain boolean validators above re-run the regex on every call
// regardless of repeats. `createValidator` returns a closure with a private
// string -> boolean cache, so repeated names after the first become O(1)
// lookups instead of regex tests.
//
// - opts (xmlVersion, asciiOnly) are fixed at creation time, so the regex is
//   resolved once, not on every call.
// - The cache is private to the returned closure — no shared/global state,
//   no cross-caller pollution.
// - `maxCacheSize` bounds memory: once the cache reaches this many entries,
//   it stops accepting new ones (existing entries keep serving hits; new
//   misses just fall through to the regex, uncached). This avoids unbounded
//   growth against adversarial/high-cardinality input (e.g. validating
//   attacker-supplied names with no repeats) without the cost/complexity of
//   a full LRU, and without the perf cliff of reset-and-refill thrashing.
// - Call `.reset()` on the returned function to clear the cache manually
//   (e.g. between unrelated parse calls).
// ---------------------------------------------------------------------------

const PRODUCTIONS = ['name', 'ncName', 'qName', 'nmToken', 'nmTokens'];

/**
 * Returns a memoized boolean validator function for a single production,
 * with opts fixed at creation time.
 *
 * @param {'name'|'ncName'|'qName'|'nmToken'|'nmTokens'} production
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean, maxCacheSize?: number }} [opts]
 *   maxCacheSize: max number of distinct strings to cache (default 2048).
 *   Once reached, new strings are validated but not cached; existing cached
 *   entries keep being served.
 * @returns {((str: string) => boolean) & { reset: () => void }}
 */
const createValidator = (production, { xmlVersion = '1.0', asciiOnly = false, maxCacheSize = 2048 } = {}) => {
  if (!PRODUCTIONS.includes(production)) {
    throw new TypeError(
      `Unknown production "${production}". Must be one of: ${PRODUCTIONS.join(', ')}`
    );
  }

  const regex = getRegexes(xmlVersion, asciiOnly)[production];
  let cache = new Map();

  const validator = (str) => {
    const cached = cache.get(str);
    if (cached !== undefined) return cached;

    const result = regex.test(str);
    if (cache.size < maxCacheSize) cache.set(str, result);
    return result;
  };

  validator.reset = () => { cache = new Map(); };

  return validator;
};

// ---------------------------------------------------------------------------
// Diagnostic validator
// ---------------------------------------------------------------------------

/**
 * Validates a string against a named production and returns a detailed result.
 *
 * @param {string} str
 * @param {'name'|'ncName'|'qName'|'nmToken'|'nmTokens'} production
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 * @returns {{ valid: boolean, production: string, input: string, reason?: string, position?: number }}
 */
const validate = (str, production, { xmlVersion = '1.0', asciiOnly = false } = {}) => {
  if (!PRODUCTIONS.includes(production)) {
    throw new TypeError(
      `Unknown production "${production}". Must be one of: ${PRODUCTIONS.join(', ')}`
    );
  }

  const validators = { name: src_name, ncName, qName, nmToken, nmTokens };
  const isValid = validators[production](str, { xmlVersion, asciiOnly });

  if (isValid) return { valid: true, production, input: str };

  let reason = 'Does not match the production rules';
  let position;

  // Diagnostic fallback char checks must mirror the same character set the
  // boolean validator above used, or the reported reason/position could
  // contradict the `valid: false` result (e.g. flagging a char as illegal
  // that the unicode-aware check would have accepted).
  const startCharPattern = asciiOnly ? /^[:A-Za-z_]/ : /^[:A-Za-z_\u00C0-\uFFFD]/;
  const namePattern = asciiOnly ? /[\w\-\\.:]/ : /[\w\-\\.:\u00B7\u00C0-\uFFFD]/;

  if (str.length === 0) {
    reason = 'Input is empty';
  } else if (production === 'ncName' && str.includes(':')) {
    position = str.indexOf(':');
    reason = 'Colon is not allowed in NCName';
  } else if (production === 'qName' && str.startsWith(':')) {
    reason = 'QName cannot start with a colon';
    position = 0;
  } else if (production === 'qName' && str.endsWith(':')) {
    reason = 'QName cannot end with a colon';
    position = str.length - 1;
  } else if (production === 'qName' && (str.match(/:/g) || []).length > 1) {
    reason = 'QName can have at most one colon';
    position = str.lastIndexOf(':');
  } else if (
    ['name', 'ncName', 'qName'].includes(production) &&
    !startCharPattern.test(str[0])
  ) {
    reason = `First character "${str[0]}" is not a valid NameStartChar`;
    position = 0;
  } else {
    for (let i = 0; i < str.length; i++) {
      if (!namePattern.test(str[i])) {
        reason = `Character "${str[i]}" at position ${i} is not a valid NameChar`;
        position = i;
        break;
      }
    }
  }

  return { valid: false, production, input: str, reason, position };
};

// ---------------------------------------------------------------------------
// Batch validator
// ---------------------------------------------------------------------------

/**
 * Validates an array of strings against a named production.
 *
 * @param {string[]} strings
 * @param {'name'|'ncName'|'qName'|'nmToken'|'nmTokens'} production
 * @param {{ xmlVersion?: '1.0'|'1.1', asciiOnly?: boolean }} [opts]
 * @returns {Array<{ valid: boolean, production: string, input: string, reason?: string, position?: number }>}
 */
const validateAll = (strings, production, opts = {}) =>
  strings.map(str => validate(str, production, opts));

// ---------------------------------------------------------------------------
// Sanitizer
// ---------------------------------------------------------------------------

/**
 * Transforms an invalid string into the nearest valid XML name for the given production.
 *
 * @param {string} str
 * @param {'name'|'ncName'|'qName'|'nmToken'|'nmTokens'} production
 * @param {{ replacement?: string, asciiOnly?: boolean }} [opts]
 *   asciiOnly: also replace any non-ASCII character, not just XML-illegal
 *   ones (default false).
 * @returns {string}
 */
const sanitize = (str, production = 'name', { replacement = '_', asciiOnly = false } = {}) => {
  if (!str) return replacement;

  let result = str;

  // Strip colons for NCName
  if (production === 'ncName') {
    result = result.replace(/:/g, '');
  }

  // Replace illegal characters
  const allowedCharPattern = asciiOnly ? /[^\w\-\.:]/g : /[^\w\-\.:\u00B7\u00C0-\uFFFD]/g;
  result = result.replace(allowedCharPattern, replacement);

  // Fix invalid start character for Name / NCName / QName
  if (production !== 'nmToken' && production !== 'nmTokens') {
    if (/^[\-\.\d]/.test(result)) {
      result = replacement + result;
    }
  }

  return result || replacement;
};
;// CONCATENATED MODULE: ./node_modules/fast-xml-builder/src/orderedJs2Xml.js




const EOL = "\n";

/**
 * Detect XML version from the first element of the ordered array input.
 * The first element must be a ?xml processing instruction with a version attribute.
 * Returns '1.0' if not found.
 *
 * @param {array}  jArray
 * @param {object} options
 */
function detectXmlVersionFromArray(jArray, options) {
    if (!Array.isArray(jArray) || jArray.length === 0) return '1.0';
    const first = jArray[0];
    const firstKey = propName(first);
    if (firstKey === '?xml') {
        const attrs = first[':@'];
        if (attrs) {
            const versionKey = options.attributeNamePrefix + 'version';
            if (attrs[versionKey]) return attrs[versionKey];
        }
    }
    return '1.0';
}

/**
 * @param {array} jArray
 * @param {any} options
 * @returns
 */
function toXml(jArray, options) {
    let indentation = "";
    if (options.format) {
        indentation = EOL;
    }

    // Pre-compile stopNode expressions for pattern matching
    const stopNodeExpressions = [];
    if (options.stopNodes && Array.isArray(options.stopNodes)) {
        for (let i = 0; i < options.stopNodes.length; i++) {
            const node = options.stopNodes[i];
            if (typeof node === 'string') {
                stopNodeExpressions.push(new Expression(node));
            } else if (node instanceof Expression) {
                stopNodeExpressions.push(node);
            }
        }
    }

    // Detect XML version for use in name validation
    const xmlVersion = detectXmlVersionFromArray(jArray, options);
    const qNameValidator = createValidator('qName', { xmlVersion });
    // Initialize matcher for path tracking
    const matcher = new Matcher();

    return arrToStr(jArray, options, indentation, matcher, stopNodeExpressions, qNameValidator);
}

function arrToStr(arr, options, indentation, matcher, stopNodeExpressions, qNameValidator) {
    let xmlStr = "";
    let isPreviousElementTag = false;

    if (options.maxNestedTags && matcher.getDepth() > options.maxNestedTags) {
        throw new Error("Maximum nested tags exceeded");
    }

    if (!Array.isArray(arr)) {
        // Non-array values (e.g. string tag values) should be treated as text content
        if (arr !== undefined && arr !== null) {
            let text = valToStr(arr);
            text = replaceEntitiesValue(text, options);
            return text;
        }
        return "";
    }

    for (let i = 0; i < arr.length; i++) {
        const tagObj = arr[i];
        const rawTagName = propName(tagObj);
        if (rawTagName === undefined) continue;

        // Special names are exempt from sanitizeName: internal conventions and PI tags
        // are not user-supplied XML element names.
        const isSpecialName = rawTagName === options.textNodeName
            || rawTagName === options.cdataPropName
            || rawTagName === options.commentPropName;
        //|| rawTagName[0] === '?';

        // Resolve tag name (may transform it; may throw for invalid names)
        const tagName = isSpecialName
            ? rawTagName
            : resolveName(rawTagName, false, options, matcher, qNameValidator);

        // Extract attributes from ":@" property
        const attrValues = extractAttributeValues(tagObj[":@"], options);

        // Push resolved tag to matcher WITH attributes
        matcher.push(tagName, attrValues);

        // Check if this is a stop node using Expression matching
        const isStopNode = checkStopNode(matcher, stopNodeExpressions);

        if (tagName === options.textNodeName) {
            let tagText = tagObj[rawTagName];
            if (!isStopNode) {
                tagText = options.tagValueProcessor(tagName, tagText);
                tagText = replaceEntitiesValue(tagText, options);
            }
            tagText = valToStr(tagText);
            if (isPreviousElementTag) {
                xmlStr += indentation;
            }
            xmlStr += tagText;
            isPreviousElementTag = false;
            matcher.pop();
            continue;
        } else if (tagName === options.cdataPropName) {
            if (isPreviousElementTag) {
                xmlStr += indentation;
            }
            const val = tagObj[rawTagName][0][options.textNodeName];
            const safeVal = safeCdata(val);
            xmlStr += `<![CDATA[${safeVal}]]>`;
            isPreviousElementTag = false;
            matcher.pop();
            continue;
        } else if (tagName === options.commentPropName) {
            const val = tagObj[rawTagName][0][options.textNodeName];
            const safeVal = safeComment(val);
            xmlStr += indentation + `<!--${safeVal}-->`;
            isPreviousElementTag = true;
            matcher.pop();
            continue;
        } else if (tagName[0] === "?") {
            const attStr = attr_to_str(tagObj[":@"], options, isStopNode, matcher, qNameValidator);
            const tempInd = tagName === "?xml" ? "" : indentation;
            // Text node content on PI/XML declaration tags is intentionally ignored.
            // Only attributes are valid on these tags per the XML spec.
            xmlStr += tempInd + `<${tagName}${attStr}?>`;
            isPreviousElementTag = true;
            matcher.pop();
            continue;
        }

        let newIdentation = indentation;
        if (newIdentation !== "") {
            newIdentation += options.indentBy;
        }

        // Pass isStopNode to attr_to_str so attributes are also not processed for stopNodes
        const attStr = attr_to_str(tagObj[":@"], options, isStopNode, matcher, qNameValidator);
        const tagStart = indentation + `<${tagName}${attStr}`;

        // If this is a stopNode, get raw content without processing
        let tagValue;
        if (isStopNode) {
            tagValue = getRawContent(tagObj[rawTagName], options, matcher.getDepth());
        } else {
            tagValue = arrToStr(tagObj[rawTagName], options, newIdentation, matcher, stopNodeExpressions, qNameValidator);
        }

        if (options.unpairedTags.indexOf(tagName) !== -1) {
            if (options.suppressUnpairedNode) xmlStr += tagStart + ">";
            else xmlStr += tagStart + "/>";
        } else if ((!tagValue || tagValue.length === 0) && options.suppressEmptyNode) {
            xmlStr += tagStart + "/>";
        } else if (tagValue && tagValue.endsWith(">")) {
            xmlStr += tagStart + `>${tagValue}${indentation}</${tagName}>`;
        } else {
            xmlStr += tagStart + ">";
            if (tagValue && indentation !== "" && (tagValue.includes("/>") || tagValue.includes("</"))) {
                xmlStr += indentation + options.indentBy + tagValue + indentation;
            } else {
                xmlStr += tagValue;
            }
            xmlStr += `</${tagName}>`;
        }
        isPreviousElementTag = true;

        // Pop tag from matcher
        matcher.pop();
    }

    return xmlStr;
}

/**
 * Extract attribute values from the ":@" object and return as plain object
 * for passing to matcher.push()
 */
function extractAttributeValues(attrMap, options) {
    if (!attrMap || options.ignoreAttributes) return null;

    const attrValues = {};
    let hasAttrs = false;

    for (let attr in attrMap) {
        if (!Object.prototype.hasOwnProperty.call(attrMap, attr)) continue;
        // Remove the attribute prefix to get clean attribute name
        const cleanAttrName = attr.startsWith(options.attributeNamePrefix)
            ? attr.substr(options.attributeNamePrefix.length)
            : attr;
        attrValues[cleanAttrName] = escapeAttribute(attrMap[attr]);
        hasAttrs = true;
    }

    return hasAttrs ? attrValues : null;
}

/**
 * Extract raw content from a stopNode without any processing
 * This preserves the content exactly as-is, including special characters
 */
function getRawContent(arr, options, depth = 0) {
    if (options.maxNestedTags && depth > options.maxNestedTags) {
        throw new Error("Maximum nested tags exceeded");
    }
    if (!Array.isArray(arr)) {
        // Non-array values return as-is
        if (arr !== undefined && arr !== null) {
            return valToStr(arr);
        }
        return "";
    }

    let content = "";
    for (let i = 0; i < arr.length; i++) {
        const item = arr[i];
        const tagName = propName(item);

        if (tagName === options.textNodeName) {
            // Raw text content - NO processing, NO entity replacement
            content += valToStr(item[tagName]);
        } else if (tagName === options.cdataPropName) {
            // CDATA content
            content += item[tagName][0][options.textNodeName];
        } else if (tagName === options.commentPropName) {
            // Comment content
            content += item[tagName][0][options.textNodeName];
        } else if (tagName && tagName[0] === "?") {
            // Processing instruction - skip for stopNodes
            continue;
        } else if (tagName) {
            // Nested tags within stopNode — no sanitizeName, content is raw
            const attStr = attr_to_str_raw(item[":@"], options);
            const nestedContent = getRawContent(item[tagName], options, depth + 1);

            if (!nestedContent || nestedContent.length === 0) {
                content += `<${tagName}${attStr}/>`;
            } else {
                content += `<${tagName}${attStr}>${nestedContent}</${tagName}>`;
            }
        }
    }
    return content;
}

/**
 * Build attribute string for stopNodes - NO entity replacement
 */
function attr_to_str_raw(attrMap, options) {
    let attrStr = "";
    if (attrMap && !options.ignoreAttributes) {
        for (let attr in attrMap) {
            if (!Object.prototype.hasOwnProperty.call(attrMap, attr)) continue;
            // For stopNodes, use raw value without processing
            let attrVal = attrMap[attr];
            if (attrVal === true && options.suppressBooleanAttributes) {
                attrStr += ` ${attr.substr(options.attributeNamePrefix.length)}`;
            } else {
                attrStr += ` ${attr.substr(options.attributeNamePrefix.length)}="${escapeAttribute(attrVal)}"`;
            }
        }
    }
    return attrStr;
}

function propName(obj) {
    const keys = Object.keys(obj);
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
        if (key !== ":@") return key;
    }
}

/**
 * Build attribute string, resolving attribute names through sanitizeName when configured.
 * Accepts matcher so the callback has path context.
 */
function attr_to_str(attrMap, options, isStopNode, matcher, qNameValidator) {
    let attrStr = "";
    if (attrMap && !options.ignoreAttributes) {
        for (let attr in attrMap) {
            if (!Object.prototype.hasOwnProperty.call(attrMap, attr)) continue;

            // Strip prefix to get the clean XML attribute name, then optionally sanitize it
            const cleanAttrName = attr.substr(options.attributeNamePrefix.length);
            const resolvedAttrName = isStopNode
                ? cleanAttrName  // stopNodes are raw — skip sanitizeName for attr names too
                : resolveName(cleanAttrName, true, options, matcher, qNameValidator);

            let attrVal;
            if (isStopNode) {
                // For stopNodes, use raw value without any processing
                attrVal = attrMap[attr];
            } else {
                // Normal processing: apply attributeValueProcessor and entity replacement
                attrVal = options.attributeValueProcessor(attr, attrMap[attr]);
                attrVal = replaceEntitiesValue(attrVal, options);
            }

            if (attrVal === true && options.suppressBooleanAttributes) {
                attrStr += ` ${resolvedAttrName}`;
            } else {
                attrStr += ` ${resolvedAttrName}="${escapeAttribute(attrVal)}"`;
            }
        }
    }
    return attrStr;
}

function checkStopNode(matcher, stopNodeExpressions) {
    if (!stopNodeExpressions || stopNodeExpressions.length === 0) return false;

    for (let i = 0; i < stopNodeExpressions.length; i++) {
        if (matcher.matches(stopNodeExpressions[i])) {
            return true;
        }
    }
    return false;
}

function replaceEntitiesValue(textValue, options) {
    if (textValue && textValue.length > 0 && options.processEntities) {
        for (let i = 0; i < options.entities.length; i++) {
            const entity = options.entities[i];
            textValue = textValue.replace(entity.regex, entity.val);
        }
    }
    return textValue;
}
;// CONCATENATED MODULE: ./node_modules/fast-xml-builder/src/ignoreAttributes.js
function getIgnoreAttributesFn(ignoreAttributes) {
    if (typeof ignoreAttributes === 'function') {
        return ignoreAttributes
    }
    if (Array.isArray(ignoreAttributes)) {
        return (attrName) => {
            for (const pattern of ignoreAttributes) {
                if (typeof pattern === 'string' && attrName === pattern) {
                    return true
                }
                if (pattern instanceof RegExp && pattern.test(attrName)) {
                    return true
                }
            }
        }
    }
    return () => false
}
;// CONCATENATED MODULE: ./node_modules/fast-xml-builder/src/fxb.js

//parse Empty Node as self closing node






const defaultOptions = {
  attributeNamePrefix: '@_',
  attributesGroupName: false,
  textNodeName: '#text',
  ignoreAttributes: true,
  cdataPropName: false,
  format: false,
  indentBy: '  ',
  suppressEmptyNode: false,
  suppressUnpairedNode: true,
  suppressBooleanAttributes: true,
  tagValueProcessor: function (key, a) {
    return a;
  },
  attributeValueProcessor: function (attrName, a) {
    return a;
  },
  preserveOrder: false,
  commentPropName: false,
  unpairedTags: [],
  entities: [
    { regex: new RegExp("&", "g"), val: "&amp;" },//it must be on top
    { regex: new RegExp(">", "g"), val: "&gt;" },
    { regex: new RegExp("<", "g"), val: "&lt;" },
    { regex: new RegExp("\'", "g"), val: "&apos;" },
    { regex: new RegExp("\"", "g"), val: "&quot;" }
  ],
  processEntities: true,
  stopNodes: [],
  // transformTagName: false,
  // transformAttributeName: false,
  oneListGroup: false,
  maxNestedTags: 100,
  jPath: true,  // When true, callbacks receive string jPath; when false, receive Matcher instance
  sanitizeName: false  // false = allow all names as-is (default, backward-compatible).
  // Set to a function (name, { isAttribute, matcher }) => string to
  // validate/sanitize tag and attribute names. Throw inside the function
  // to reject an invalid name.
};

function Builder(options) {
  this.options = Object.assign({}, defaultOptions, options);

  // Convert old-style stopNodes for backward compatibility
  // Old syntax: "*.tag" meant "tag anywhere in tree"
  // New syntax: "..tag" means "tag anywhere in tree"
  if (this.options.stopNodes && Array.isArray(this.options.stopNodes)) {
    this.options.stopNodes = this.options.stopNodes.map(node => {
      if (typeof node === 'string' && node.startsWith('*.')) {
        // Convert old wildcard syntax to deep wildcard
        return '..' + node.substring(2);
      }
      return node;
    });
  }

  // Pre-compile stopNode expressions for pattern matching
  this.stopNodeExpressions = [];
  if (this.options.stopNodes && Array.isArray(this.options.stopNodes)) {
    for (let i = 0; i < this.options.stopNodes.length; i++) {
      const node = this.options.stopNodes[i];
      if (typeof node === 'string') {
        this.stopNodeExpressions.push(new Expression(node));
      } else if (node instanceof Expression) {
        this.stopNodeExpressions.push(node);
      }
    }
  }

  if (this.options.ignoreAttributes === true || this.options.attributesGroupName) {
    this.isAttribute = function (/*a*/) {
      return false;
    };
  } else {
    this.ignoreAttributesFn = getIgnoreAttributesFn(this.options.ignoreAttributes)
    this.attrPrefixLen = this.options.attributeNamePrefix.length;
    this.isAttribute = isAttribute;
  }

  this.processTextOrObjNode = processTextOrObjNode

  if (this.options.format) {
    this.indentate = indentate;
    this.tagEndChar = '>\n';
    this.newLine = '\n';
  } else {
    this.indentate = function () {
      return '';
    };
    this.tagEndChar = '>';
    this.newLine = '';
  }
}

/**
 * Detect XML version from the ?xml declaration at the root of a plain-object input.
 * Checks both attributesGroupName and flat attribute forms.
 * Returns '1.0' if no declaration is found.
 */
function detectXmlVersionFromObj(jObj, options) {
  const decl = jObj['?xml'];
  if (decl && typeof decl === 'object') {
    // attributesGroupName path e.g. { '$$': { '@_version': '1.1' } }
    if (options.attributesGroupName && decl[options.attributesGroupName]) {
      const v = decl[options.attributesGroupName][options.attributeNamePrefix + 'version'];
      if (v) return v;
    }
    // flat attribute path e.g. { '@_version': '1.1' }
    const v = decl[options.attributeNamePrefix + 'version'];
    if (v) return v;
  }
  return '1.0';
}

Builder.prototype.build = function (jObj) {
  if (this.options.preserveOrder) {
    return toXml(jObj, this.options);
  } else {
    if (Array.isArray(jObj) && this.options.arrayNodeName && this.options.arrayNodeName.length > 1) {
      jObj = {
        [this.options.arrayNodeName]: jObj
      }
    }
    // Initialize matcher for path tracking
    const matcher = new Matcher();
    const xmlVersion = detectXmlVersionFromObj(jObj, this.options);
    const qNameValidator = createValidator('qName', { xmlVersion });
    return this.j2x(jObj, 0, matcher, qNameValidator).val;
  }
};

Builder.prototype.j2x = function (jObj, level, matcher, qNameValidator) {
  let attrStr = '';
  let val = '';
  if (this.options.maxNestedTags && matcher.getDepth() >= this.options.maxNestedTags) {
    throw new Error("Maximum nested tags exceeded");
  }
  // Get jPath based on option: string for backward compatibility, or Matcher for new features
  const jPath = this.options.jPath ? matcher.toString() : matcher;

  // Check if current node is a stopNode (will be used for attribute encoding)
  const isCurrentStopNode = this.checkStopNode(matcher);

  for (let key in jObj) {
    if (!Object.prototype.hasOwnProperty.call(jObj, key)) continue;

    // Resolve the key through sanitizeName before any use.
    // Special keys (textNodeName, cdataPropName, commentPropName, attributeNamePrefix,
    // attributesGroupName, "?" PI tags) are exempt — they are builder-internal conventions,
    // not user-supplied XML names.
    const isSpecialKey = key === this.options.textNodeName
      || key === this.options.cdataPropName
      || key === this.options.commentPropName
      || (this.options.attributesGroupName && key === this.options.attributesGroupName)
      || this.isAttribute(key);
    //|| key[0] === '?';

    const resolvedKey = isSpecialKey
      ? key
      : resolveName(key, false, this.options, matcher, qNameValidator);

    if (typeof jObj[key] === 'undefined') {
      // supress undefined node only if it is not an attribute
      if (this.isAttribute(key)) {
        val += '';
      }
    } else if (jObj[key] === null) {
      // null attribute should be ignored by the attribute list, but should not cause the tag closing
      if (this.isAttribute(key)) {
        val += '';
      } else if (resolvedKey === this.options.cdataPropName || resolvedKey === this.options.commentPropName) {
        val += '';
      } else if (resolvedKey[0] === '?') {
        val += this.indentate(level) + '<' + resolvedKey + '?' + this.tagEndChar;
      } else {
        val += this.indentate(level) + '<' + resolvedKey + '/' + this.tagEndChar;
      }
    } else if (jObj[key] instanceof Date) {
      val += this.buildTextValNode(jObj[key], resolvedKey, '', level, matcher);
    } else if (typeof jObj[key] !== 'object') {
      //premitive type
      const attr = this.isAttribute(key);
      if (attr && !this.ignoreAttributesFn(attr, jPath)) {
        // Resolve the attribute name through sanitizeName
        const resolvedAttr = resolveName(attr, true, this.options, matcher, qNameValidator);
        attrStr += this.buildAttrPairStr(resolvedAttr, valToStr(jObj[key]), isCurrentStopNode);
      } else if (!attr) {
        //tag value
        if (key === this.options.textNodeName) {
          let newval = this.options.tagValueProcessor(key, valToStr(jObj[key]));
          val += this.replaceEntitiesValue(newval);
        } else {
          // Check if this is a stopNode before building
          matcher.push(resolvedKey);
          const isStopNode = this.checkStopNode(matcher);
          matcher.pop();

          if (isStopNode) {
            // Build as raw content without encoding
            const textValue = valToStr(jObj[key]);
            if (textValue === '') {
              val += this.indentate(level) + '<' + resolvedKey + this.closeTag(resolvedKey) + this.tagEndChar;
            } else {
              val += this.indentate(level) + '<' + resolvedKey + '>' + textValue + '</' + resolvedKey + this.tagEndChar;
            }
          } else {
            val += this.buildTextValNode(jObj[key], resolvedKey, '', level, matcher);
          }
        }
      }
    } else if (Array.isArray(jObj[key])) {
      //repeated nodes
      const arrLen = jObj[key].length;
      let listTagVal = "";
      let listTagAttr = "";
      for (let j = 0; j < arrLen; j++) {
        const item = jObj[key][j];
        if (typeof item === 'undefined') {
          // supress undefined node
        } else if (item === null) {
          if (resolvedKey[0] === "?") val += this.indentate(level) + '<' + resolvedKey + '?' + this.tagEndChar;
          else val += this.indentate(level) + '<' + resolvedKey + '/' + this.tagEndChar;
        } else if (typeof item === 'object') {
          if (this.options.oneListGroup) {
            // Push tag to matcher before recursive call
            matcher.push(resolvedKey);
            const result = this.j2x(item, level + 1, matcher, qNameValidator);
            // Pop tag from matcher after recursive call
            matcher.pop();

            listTagVal += result.val;
            if (this.options.attributesGroupName && item.hasOwnProperty(this.options.attributesGroupName)) {
              listTagAttr += result.attrStr
            }
          } else {
            listTagVal += this.processTextOrObjNode(item, resolvedKey, level, matcher, qNameValidator)
          }
        } else {
          if (this.options.oneListGroup) {
            let textValue = this.options.tagValueProcessor(resolvedKey, item);
            textValue = this.replaceEntitiesValue(textValue);
            textValue = valToStr(textValue);
            listTagVal += textValue;
          } else {
            // Check if this is a stopNode before building
            matcher.push(resolvedKey);
            const isStopNode = this.checkStopNode(matcher);
            matcher.pop();

            if (isStopNode) {
              // Build as raw content without encoding
              const textValue = valToStr(item);
              if (textValue === '') {
                listTagVal += this.indentate(level) + '<' + resolvedKey + this.closeTag(resolvedKey) + this.tagEndChar;
              } else {
                listTagVal += this.indentate(level) + '<' + resolvedKey + '>' + textValue + '</' + resolvedKey + this.tagEndChar;
              }
            } else {
              listTagVal += this.buildTextValNode(item, resolvedKey, '', level, matcher);
            }
          }
        }
      }
      if (this.options.oneListGroup) {
        listTagVal = this.buildObjectNode(listTagVal, resolvedKey, listTagAttr, level);
      }
      val += listTagVal;
    } else {
      //nested node
      if (this.options.attributesGroupName && key === this.options.attributesGroupName) {
        const Ks = Object.keys(jObj[key]);
        const L = Ks.length;
        for (let j = 0; j < L; j++) {
          // Resolve attribute names inside attributesGroupName
          const resolvedAttr = resolveName(Ks[j], true, this.options, matcher, qNameValidator);
          attrStr += this.buildAttrPairStr(resolvedAttr, valToStr(jObj[key][Ks[j]]), isCurrentStopNode);
        }
      } else {
        val += this.processTextOrObjNode(jObj[key], resolvedKey, level, matcher, qNameValidator)
      }
    }
  }
  return { attrStr: attrStr, val: val };
};

Builder.prototype.buildAttrPairStr = function (attrName, val, isStopNode) {
  if (!isStopNode) {
    val = this.options.attributeValueProcessor(attrName, valToStr(val));
    val = this.replaceEntitiesValue(val);
  }
  if (this.options.suppressBooleanAttributes && val === "true") {
    return ' ' + attrName;
  } else return ' ' + attrName + '="' + escapeAttribute(val) + '"';
}

function processTextOrObjNode(object, key, level, matcher, qNameValidator) {
  // Extract attributes to pass to matcher
  const attrValues = this.extractAttributes(object);

  // Push tag to matcher before recursion WITH attributes
  matcher.push(key, attrValues);

  // Check if this entire node is a stopNode
  const isStopNode = this.checkStopNode(matcher);

  if (isStopNode) {
    // For stopNodes, build raw content without entity encoding
    const rawContent = this.buildRawContent(object, matcher.getDepth());
    const attrStr = this.buildAttributesForStopNode(object);
    matcher.pop();
    return this.buildObjectNode(rawContent, key, attrStr, level);
  }

  const result = this.j2x(object, level + 1, matcher, qNameValidator);
  // Pop tag from matcher after recursion
  matcher.pop();

  // PI/XML-declaration tags must never emit text content — route through
  // buildTextValNode which correctly ignores the text node for "?" tags.
  if (key[0] === '?') {
    return this.buildTextValNode('', key, result.attrStr, level, matcher);
  } else if (object[this.options.textNodeName] !== undefined && Object.keys(object).length === 1) {
    return this.buildTextValNode(object[this.options.textNodeName], key, result.attrStr, level, matcher);
  } else {
    return this.buildObjectNode(result.val, key, result.attrStr, level);
  }
}

// Helper method to extract attributes from an object
Builder.prototype.extractAttributes = function (obj) {
  if (!obj || typeof obj !== 'object') return null;

  const attrValues = {};
  let hasAttrs = false;

  // Check for attributesGroupName (when attributes are grouped)
  if (this.options.attributesGroupName && obj[this.options.attributesGroupName]) {
    const attrGroup = obj[this.options.attributesGroupName];
    for (let attrKey in attrGroup) {
      if (!Object.prototype.hasOwnProperty.call(attrGroup, attrKey)) continue;
      // Remove attribute prefix if present
      const cleanKey = attrKey.startsWith(this.options.attributeNamePrefix)
        ? attrKey.substring(this.options.attributeNamePrefix.length)
        : attrKey;
      attrValues[cleanKey] = escapeAttribute(attrGroup[attrKey]);
      hasAttrs = true;
    }
  } else {
    // Look for individual attributes (prefixed with attributeNamePrefix)
    for (let key in obj) {
      if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
      const attr = this.isAttribute(key);
      if (attr) {
        attrValues[attr] = escapeAttribute(obj[key]);
        hasAttrs = true;
      }
    }
  }

  return hasAttrs ? attrValues : null;
};

// Build raw content for stopNode without entity encoding
Builder.prototype.buildRawContent = function (obj, depth = 0) {
  if (this.options.maxNestedTags && depth >= this.options.maxNestedTags) {
    throw new Error("Maximum nested tags exceeded");
  }
  if (typeof obj === 'string') {
    return obj; // Already a string, return as-is
  }

  if (typeof obj !== 'object' || obj === null) {
    return String(obj);
  }

  // Check if this is a stopNode data from parser: { "#text": "raw xml", "@_attr": "val" }
  if (obj[this.options.textNodeName] !== undefined) {
    return obj[this.options.textNodeName]; // Return raw text without encoding
  }

  // Build raw XML from nested structure
  let content = '';

  for (let key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;

    // Skip attributes
    if (this.isAttribute(key)) continue;
    if (this.options.attributesGroupName && key === this.options.attributesGroupName) continue;

    const value = obj[key];

    if (key === this.options.textNodeName) {
      content += value; // Raw text
    } else if (Array.isArray(value)) {
      // Array of same tag
      for (let item of value) {
        if (typeof item === 'string' || typeof item === 'number') {
          content += `<${key}>${item}</${key}>`;
        } else if (typeof item === 'object' && item !== null) {
          const nestedContent = this.buildRawContent(item, depth + 1);
          const nestedAttrs = this.buildAttributesForStopNode(item);
          if (nestedContent === '') {
            content += `<${key}${nestedAttrs}/>`;
          } else {
            content += `<${key}${nestedAttrs}>${nestedContent}</${key}>`;
          }
        }
      }
    } else if (typeof value === 'object' && value !== null) {
      // Nested object
      const nestedContent = this.buildRawContent(value, depth + 1);
      const nestedAttrs = this.buildAttributesForStopNode(value);
      if (nestedContent === '') {
        content += `<${key}${nestedAttrs}/>`;
      } else {
        content += `<${key}${nestedAttrs}>${nestedContent}</${key}>`;
      }
    } else {
      // Primitive value
      content += `<${key}>${value}</${key}>`;
    }
  }

  return content;
};

// Build attribute string for stopNode (no entity encoding)
Builder.prototype.buildAttributesForStopNode = function (obj) {
  if (!obj || typeof obj !== 'object') return '';

  let attrStr = '';

  // Check for attributesGroupName (when attributes are grouped)
  if (this.options.attributesGroupName && obj[this.options.attributesGroupName]) {
    const attrGroup = obj[this.options.attributesGroupName];
    for (let attrKey in attrGroup) {
      if (!Object.prototype.hasOwnProperty.call(attrGroup, attrKey)) continue;
      const cleanKey = attrKey.startsWith(this.options.attributeNamePrefix)
        ? attrKey.substring(this.options.attributeNamePrefix.length)
        : attrKey;
      const val = attrGroup[attrKey];
      if (val === true && this.options.suppressBooleanAttributes) {
        attrStr += ' ' + cleanKey;
      } else {
        // stopNode content is raw, but the quote delimiter is always escaped
        // so a quote in the value cannot break out of the attribute (see orderedJs2Xml attr_to_str)
        attrStr += ' ' + cleanKey + '="' + escapeAttribute(val) + '"';
      }
    }
  } else {
    // Look for individual attributes
    for (let key in obj) {
      if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
      const attr = this.isAttribute(key);
      if (attr) {
        const val = obj[key];
        if (val === true && this.options.suppressBooleanAttributes) {
          attrStr += ' ' + attr;
        } else {
          // stopNode content is raw, but the quote delimiter is always escaped
          // so a quote in the value cannot break out of the attribute (see orderedJs2Xml attr_to_str)
          attrStr += ' ' + attr + '="' + escapeAttribute(val) + '"';
        }
      }
    }
  }

  return attrStr;
};

Builder.prototype.buildObjectNode = function (val, key, attrStr, level) {
  if (val === "") {
    if (key[0] === "?") return this.indentate(level) + '<' + key + attrStr + '?' + this.tagEndChar;
    else {
      return this.indentate(level) + '<' + key + attrStr + this.closeTag(key) + this.tagEndChar;
    }
  } else if (key[0] === "?") {
    // PI/XML-declaration tags never have body content — treat them like empty.
    return this.indentate(level) + '<' + key + attrStr + '?' + this.tagEndChar;
  } else {
    let tagEndExp = '</' + key + this.tagEndChar;
    let piClosingChar = "";

    if (key[0] === "?") {
      piClosingChar = "?";
      tagEndExp = "";
    }

    // attrStr is an empty string in case the attribute came as undefined or null
    if ((attrStr || attrStr === '') && val.indexOf('<') === -1) {
      return (this.indentate(level) + '<' + key + attrStr + piClosingChar + '>' + val + tagEndExp);
    } else if (this.options.commentPropName !== false && key === this.options.commentPropName && piClosingChar.length === 0) {
      return this.indentate(level) + `<!--${safeComment(val)}-->` + this.newLine;
    } else {
      return (
        this.indentate(level) + '<' + key + attrStr + piClosingChar + this.tagEndChar +
        val +
        this.indentate(level) + tagEndExp);
    }
  }
}

Builder.prototype.closeTag = function (key) {
  let closeTag = "";
  if (this.options.unpairedTags.indexOf(key) !== -1) { //unpaired
    if (!this.options.suppressUnpairedNode) closeTag = "/"
  } else if (this.options.suppressEmptyNode) { //empty
    closeTag = "/";
  } else {
    closeTag = `></${key}`
  }
  return closeTag;
}

Builder.prototype.checkStopNode = function (matcher) {
  if (!this.stopNodeExpressions || this.stopNodeExpressions.length === 0) return false;

  for (let i = 0; i < this.stopNodeExpressions.length; i++) {
    if (matcher.matches(this.stopNodeExpressions[i])) {
      return true;
    }
  }
  return false;
}

function buildEmptyObjNode(val, key, attrStr, level) {
  if (val !== '') {
    return this.buildObjectNode(val, key, attrStr, level);
  } else {
    if (key[0] === "?") return this.indentate(level) + '<' + key + attrStr + '?' + this.tagEndChar;
    else {
      return this.indentate(level) + '<' + key + attrStr + '/' + this.tagEndChar;
    }
  }
}

Builder.prototype.buildTextValNode = function (val, key, attrStr, level, matcher) {
  if (this.options.cdataPropName !== false && key === this.options.cdataPropName) {
    const safeVal = safeCdata(val);
    return this.indentate(level) + `<![CDATA[${safeVal}]]>` + this.newLine;
  } else if (this.options.commentPropName !== false && key === this.options.commentPropName) {
    const safeVal = safeComment(val);
    return this.indentate(level) + `<!--${safeVal}-->` + this.newLine;
  } else if (key[0] === "?") {//PI tag
    return this.indentate(level) + '<' + key + attrStr + '?' + this.tagEndChar;
  } else {
    // Normal processing: apply tagValueProcessor and entity replacement
    let textValue = this.options.tagValueProcessor(key, val);
    textValue = this.replaceEntitiesValue(textValue);
    // tagValueProcessor may return the raw value unchanged (default is identity), and
    // replaceEntitiesValue no-ops on non-strings, so a plain number can still reach here;
    // stringify it now, sign-preserving, before it's implicitly ToString'd below.
    textValue = valToStr(textValue);

    if (textValue === '') {
      return this.indentate(level) + '<' + key + attrStr + this.closeTag(key) + this.tagEndChar;
    } else {
      return this.indentate(level) + '<' + key + attrStr + '>' +
        textValue +
        '</' + key + this.tagEndChar;
    }
  }
}

Builder.prototype.replaceEntitiesValue = function (textValue) {
  if (textValue && textValue.length > 0 && this.options.processEntities) {
    for (let i = 0; i < this.options.entities.length; i++) {
      const entity = this.options.entities[i];
      textValue = textValue.replace(entity.regex, entity.val);
    }
  }
  return textValue;
}

function indentate(level) {
  return this.options.indentBy.repeat(level);
}

function isAttribute(name /*, options*/) {
  if (name.startsWith(this.options.attributeNamePrefix) && name !== this.options.textNodeName) {
    return name.substr(this.attrPrefixLen);
  } else {
    return false;
  }
}
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/xmlbuilder/json2xml.js
// Re-export from fast-xml-builder for backward compatibility

/* harmony default export */ const json2xml = (Builder);

// If there are any named exports you also want to re-export:

;// CONCATENATED MODULE: ./src/ci/xml-body.ts
/** The one request body of the API, the create's (see ../shared/ci-api.md). */

const builder = new json2xml({ ignoreAttributes: true, suppressEmptyNode: false });
function buildCreateJobBody(request) {
    const { start, end } = request.timeInterval ?? {};
    const timeInterval = start || end ? { TimeInterval: { Start: start || undefined, End: end || undefined } } : {};
    return builder.build({
        Request: {
            Name: request.name,
            Type: 'Workflow',
            Input: { [request.input.kind]: request.input.value },
            Operation: { ...timeInterval, WorkflowIds: request.workflowId },
        },
    });
}

;// CONCATENATED MODULE: ./src/waiting/retry.ts
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 6,
    maxElapsedMs: 120_000,
    baseDelayMs: 1000,
    maxDelayMs: 20_000,
};
/**
 * Exponential back-off with full jitter (delay drawn from 0 to base·2ⁿ, capped), or the server's
 * `Retry-After` when it gave one. Bounded by attempts and by total time: a retry that would start
 * after the deadline is not made, and the last error is thrown.
 */
async function retryWithBackoff(attemptOnce, classify, policy, deps) {
    const started = deps.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await attemptOnce(attempt);
        }
        catch (error) {
            const hint = classify(error);
            if (hint === false || attempt >= policy.maxAttempts)
                throw error;
            const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
            const delayMs = hint.retryAfterMs !== undefined ? hint.retryAfterMs : Math.round(deps.random() * ceiling);
            if (deps.now() + delayMs - started > policy.maxElapsedMs)
                throw error;
            deps.onRetry?.(error, attempt, delayMs);
            await deps.sleep(delayMs, deps.signal);
        }
    }
}

;// CONCATENATED MODULE: ./src/ci/client.ts






/** Answers normally carry the id in a header; the XML's own `<RequestId>` covers those that do not. */
function requestIdIn(body) {
    return /<RequestId>([^<]*)<\/RequestId>/.exec(body)?.[1] ?? '';
}
/** Signing, HTTP and XML reading load with the first request: a dry run loads none of them. */
let wire;
const loadWire = () => (wire ??= Promise.all([__nccwpck_require__.e(/* import() */ 842).then(__nccwpck_require__.bind(__nccwpck_require__, 2842)), __nccwpck_require__.e(/* import() */ 3).then(__nccwpck_require__.bind(__nccwpck_require__, 7003))]));
const NEVER_RETRY = () => false;
/** The CI batch-trigger API. Each call signs, sends, parses, and retries as far as it is safe to. */
class CiClient {
    options;
    clock;
    now;
    transport;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
        this.transport = options.transport ?? transportFromEnvironment();
        this.clock = options.clock ?? { offsetMs: 0 };
    }
    /** Not retried here: a repeated create may make a second job (see createJobWithoutDuplicates). */
    async createJob(request) {
        return this.call({ method: 'POST', path: '/inventorytriggerjob', body: buildCreateJobBody(request) }, NEVER_RETRY, (answer, xml) => {
            const job = xml.parseJobResponse(answer.body).jobs[0];
            if (!job?.jobId)
                throw this.unexpected(answer, 'a create answer without a JobId');
            return job;
        });
    }
    /** Undefined when the service does not know the id. */
    async describeJob(jobId) {
        return this.call({ method: 'GET', path: `/inventorytriggerjob/${jobId}` }, retryableForIdempotentCall, (answer, xml) => xml.parseJobResponse(answer.body).jobs.find((candidate) => candidate.jobId === jobId));
    }
    async listJobs(query) {
        return this.call({
            method: 'GET',
            path: '/inventorytriggerjob',
            query: {
                type: 'Workflow',
                states: query.states?.join(','),
                workflowId: query.workflowId,
                name: query.name,
                jobId: query.jobId,
                startCreationTime: query.startCreationTime,
                endCreationTime: query.endCreationTime,
                orderByTime: query.order,
                size: query.size === undefined ? undefined : String(query.size),
                nextToken: query.nextToken || undefined,
            },
        }, retryableForIdempotentCall, (answer, xml) => {
            const { jobs, nextToken } = xml.parseJobResponse(answer.body);
            return { jobs, nextToken };
        });
    }
    async cancelJob(jobId) {
        return this.call({ method: 'PUT', path: `/inventorytriggerjob/${jobId}`, query: { cancel: '' } }, retryableForIdempotentCall, () => undefined);
    }
    /** Retried only when the service cannot have started a run: a second run is not harmless. */
    async triggerWorkflow(request) {
        return this.call({
            method: 'POST',
            path: '/triggerworkflow',
            query: { workflowId: request.workflowId, object: request.object, name: request.name || undefined },
        }, retryableWhenNotProcessed, (answer, xml) => {
            const { instanceId } = xml.parseTriggerWorkflowResponse(answer.body);
            if (!instanceId)
                throw this.unexpected(answer, 'a trigger answer without an InstanceId');
            return instanceId;
        });
    }
    async describeExecution(runId) {
        return this.call({ method: 'GET', path: `/workflowexecution/${runId}` }, retryableForIdempotentCall, (answer, xml) => xml.parseExecutionResponse(answer.body).execution);
    }
    async listExecutions(query) {
        return this.call({
            method: 'GET',
            path: '/workflowexecution',
            query: {
                workflowId: query.workflowId,
                jobId: query.jobId,
                states: query.states?.join(','),
                name: query.name,
                orderByTime: query.order,
                size: query.size === undefined ? undefined : String(query.size),
                nextToken: query.nextToken || undefined,
            },
        }, retryableForIdempotentCall, (answer, xml) => {
            const { executions, nextToken } = xml.parseExecutionsResponse(answer.body);
            return { executions, nextToken };
        });
    }
    /**
     * The one way a request goes out. A clock the service rejects is corrected once and kept for
     * the rest of the step; other failures go through the call's own retry rule.
     */
    async call(spec, retryable, read) {
        const { options } = this;
        const [{ sendSigned }, xml] = await loadWire();
        const context = {
            endpoint: options.endpoint,
            credentials: options.credentials,
            timeoutMs: options.timeoutMs ?? 30_000,
            now: this.now,
            logger: options.logger,
            transport: this.transport,
            signal: options.signal,
        };
        const send = async () => {
            try {
                return await sendSigned(context, spec, this.clock.offsetMs);
            }
            catch (error) {
                const offset = clockOffsetFrom(error, this.now());
                if (offset === undefined)
                    throw error;
                this.clock.offsetMs = offset;
                options.logger.warning(`The service says this runner's clock is off by ${Math.round(offset / 1000)} s; ` +
                    'signing with the service time from now on.');
                return await sendSigned(context, spec, this.clock.offsetMs);
            }
        };
        // An answer that cannot be read is retried like a lost one, so reading is part of the attempt.
        const once = async () => {
            const answer = await send();
            try {
                return { value: read(answer, xml), requestId: answer.requestId || requestIdIn(answer.body) };
            }
            catch (error) {
                if (error instanceof errors/* XmlShapeError */.Jv)
                    throw this.unexpected(answer, 'an answer that is not the API XML');
                throw error;
            }
        };
        return retryWithBackoff(once, retryable, options.retryPolicy ?? DEFAULT_RETRY_POLICY, {
            sleep: options.sleep ?? realSleep,
            now: this.now,
            random: options.random ?? Math.random,
            signal: options.signal,
            onRetry: (error, attempt, delayMs) => options.logger.warning(
            // Transport errors already say which request failed; API errors say only what the service said.
            `${error instanceof errors/* TransportError */.wX ? error.message : `${spec.method} ${spec.path}: ${String(error.message ?? error)}`}` +
                `; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`),
        });
    }
    unexpected(answer, what) {
        return new errors/* TransportError */.wX(`${answer.where} got ${what} (HTTP ${answer.status}, ${answer.body.length} characters)` +
            `${answer.requestId ? `; request id ${answer.requestId}` : ''}`, 'unparsable', answer.status, answer.requestId);
    }
}

;// CONCATENATED MODULE: ./src/runner/github-reporter.ts

const githubReporter = {
    debug: (message) => debug(message),
    info: (message) => info(message),
    warning: (message) => warning(message),
    setOutput: (name, value) => setOutput(name, value),
    async writeSummary(markdown) {
        // Outside a runner (a local run) there is no summary file; the log already says it all.
        if (!process.env.GITHUB_STEP_SUMMARY)
            return debug('No GITHUB_STEP_SUMMARY: summary not written');
        // The summary is a report, not the result: a file that cannot be written must not fail the step.
        try {
            appendSummary(markdown);
        }
        catch (error) {
            warning(`The job summary could not be written: ${error.message}`);
        }
    },
};
/** Saved state goes to the `post:` entry; a copy stays here, for this process's own error messages. */
class ActionsStateStore {
    saved = new Map();
    save(key, value) {
        this.saved.set(key, value);
        saveState(key, value);
    }
    get(key) {
        return this.saved.get(key) ?? getState(key);
    }
}

;// CONCATENATED MODULE: ./src/runner/clients.ts



/**
 * Cancelling after the workflow run was cancelled must fit in the runner's 7.5 s between SIGINT
 * and SIGTERM, and a post: step should not hold the run up: short time limit, one retry.
 */
const CLEANUP_TIMEOUT_MS = 5000;
const CLEANUP_RETRIES = {
    maxAttempts: 2,
    maxElapsedMs: 6000,
    baseDelayMs: 250,
    maxDelayMs: 1000,
};
/** Clients made on first use, so that a step that fails on its inputs loads and sends nothing. */
function clientsFor(settings, signal) {
    const clock = { offsetMs: 0 };
    const transport = transportFromEnvironment();
    const make = (options) => {
        let client;
        return () => (client ??= new CiClient({
            endpoint: settings.endpoint,
            credentials: settings.credentials,
            logger: githubReporter,
            transport,
            timeoutMs: settings.requestTimeoutMs,
            clock,
            ...options,
        }));
    };
    return {
        /** Its requests and retry waits stop when the workflow run is cancelled. */
        client: make({ signal }),
        /** Its requests run to their end even then: a create the service acted on must be known. */
        steadyClient: make({}),
        /** Still works after the cancellation, briefly: to cancel the job. */
        cleanupClient: make({
            timeoutMs: Math.min(CLEANUP_TIMEOUT_MS, settings.requestTimeoutMs),
            retryPolicy: CLEANUP_RETRIES,
        }),
    };
}

;// CONCATENATED MODULE: ./src/runner/user-message.ts




/** What to do about the API errors a user can meet; the README's troubleshooting says more. */
const ADVICE = {
    SignatureDoesNotMatch: 'check that secret-id and secret-key belong together and have no stray spaces',
    AccessDenied: 'check that the key may call this API on this bucket (see the CAM policy in the README)',
    ResourceAccessDenied: 'check that the key may call this API on this bucket (see the CAM policy in the README)',
    CIRoleNotExist: 'the bucket has no CI service role: enable Cloud Infinite for the bucket in the console',
    InvalidArgument: 'the API refused an input value: check the workflow id, the object or prefix and the times',
    RequestTimeTooSkewed: "the runner's clock is too far off: check its time synchronisation",
    NoSuchBucket: 'check the bucket (BucketName-APPID) and region inputs',
    ResourceNotFound: 'check the bucket, region and the id given',
    SlowDown: 'the API is throttling requests: run fewer jobs at once or retry later',
};
/** One line for the error annotation: what happened and what to do, never a stack trace. */
function userMessage(error, jobId) {
    const prefix = jobId ? `Job ${jobId}: ` : '';
    if (error instanceof input_error_InputError || error instanceof ports_StepFailure)
        return error.message;
    if (error instanceof errors/* ApiError */.hD) {
        const advice = ADVICE[error.code] ?? (error.status >= 500 ? 'a fault of the service: retry later' : '');
        return `${prefix}the CI API answered ${error.message}${advice ? `: ${advice}` : ''}.`;
    }
    if (error instanceof errors/* TransportError */.wX)
        return `${prefix}${error.message}.`;
    if (error instanceof AbortedError)
        return `${prefix}stopped: the workflow run was cancelled.`;
    return `${prefix}unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

;// CONCATENATED MODULE: ./src/runner/run-step.ts






/**
 * Runs one step: reads its settings, hands it a client and a reporter, and turns any error into
 * one error annotation. SIGINT/SIGTERM (the workflow run was cancelled) abort the step's waits.
 */
async function run_step_runStep(readSettings, step) {
    const abort = new AbortController();
    const onSignal = (signal) => {
        info(`Received ${signal}: the workflow run is being cancelled`);
        abort.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const state = new ActionsStateStore();
    try {
        const settings = readSettings();
        await step(settings, {
            reporter: githubReporter,
            state,
            ...clientsFor(settings, abort.signal),
            now: Date.now,
            sleep: realSleep,
            signal: abort.signal,
        });
    }
    catch (error) {
        setFailed(userMessage(error, state.get(ports_StateKey.JobId) || undefined));
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
const GLYPHS = {
    Success: '✅',
    Failed: '❌',
    Cancel: '⏹',
    Submitted: '⏳',
    Running: '⏳',
    Pause: '⏸',
};
/** A glyph beside the state's name, never instead of it: the word is what people search for. */
function markdown_stateLabel(state) {
    const glyph = GLYPHS[state];
    return glyph ? `${glyph} ${state}` : state;
}
/** A GitHub-flavoured table; cell text is escaped so that user data cannot break the layout. */
function markdown_markdownTable(header, rows) {
    const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    return [
        `| ${header.map(cell).join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
        ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/steps/job-lookup.ts

/** Describes a job; an id the service does not know is the user's error, named as such. */
async function job_lookup_describeJobOrFail(client, jobId) {
    const answer = await client.describeJob(jobId);
    if (!answer.value) {
        throw new ports_StepFailure(`Job ${jobId} does not exist in this bucket and region (the API lists it in NonExistJobIds; ` +
            `request id ${answer.requestId}). Check the job-id, bucket and region inputs.`);
    }
    return { value: answer.value, requestId: answer.requestId };
}

;// CONCATENATED MODULE: ./src/steps/cancel-job.ts





/**
 * `cancel/`: cancel a job, then report the state it is in. A job that had already ended is not an
 * error: the step reports how it ended.
 */
async function cancel_job_cancelJob(settings, deps) {
    // The runner names this id in any error it reports (`Job <id>: …`); cancel/ has no post entry.
    deps.state.save(StateKey.JobId, settings.jobId);
    const client = deps.client();
    let refused;
    try {
        await client.cancelJob(settings.jobId);
    }
    catch (error) {
        // The service may refuse to cancel a job that has ended (or never existed): the describe tells which.
        if (!(error instanceof ApiError) || error.status >= 500)
            throw error;
        refused = error;
    }
    const { value: job, requestId } = await describeJobOrFail(client, settings.jobId);
    const ended = isFinalJobState(job.state);
    if (refused && !ended)
        throw refused;
    deps.reporter.setOutput('state', job.state);
    deps.reporter.info(refused || (ended && job.state !== 'Cancel')
        ? `Job ${job.jobId} had already ended ${job.state}; nothing to cancel`
        : `Cancelled job ${job.jobId}; it is now ${job.state}`);
    await deps.reporter.writeSummary(`### Cancel CI inventory trigger job \`${job.jobId}\`\n\n` +
        markdownTable(['Job id', 'Name', 'State', 'Ended', 'Request id'], [
            [
                `\`${job.jobId}\``,
                job.name,
                stateLabel(job.state),
                job.endTime === '-' ? '' : job.endTime,
                `\`${requestId}\``,
            ],
        ]) +
        '\n');
}

;// CONCATENATED MODULE: ./src/ci/create-without-duplicates.ts




/**
 * Wide enough to cover a runner clock that is hours off: the name is unique per run attempt and
 * step, so a wide window cannot find someone else's job.
 */
const LOOKUP_WINDOW_MS = 24 * 60 * 60 * 1000;
/**
 * Creates the job, and after a failure that may have created it anyway (a reset after sending, no
 * answer, a 5xx, an unreadable answer) looks it up by name before sending the create again.
 */
async function createJobWithoutDuplicates(client, request, deps) {
    const since = time_formatApiTime(new Date(deps.now() - LOOKUP_WINDOW_MS));
    let mayExist = false;
    const attempts = retryWithBackoff(async () => {
        if (mayExist) {
            const existing = await findByName(client, request.name, since);
            if (existing) {
                deps.logger.warning(`The answer to the create was lost, but job ${existing.value.jobId} named ${request.name} ` +
                    'exists: using it instead of creating another.');
                return { ...existing, adopted: true };
            }
        }
        try {
            return { ...(await client.createJob(request)), adopted: false };
        }
        catch (error) {
            mayExist = mayExist || retryableWhenNotProcessed(error) === false;
            throw error;
        }
    }, retryableForIdempotentCall, deps.retryPolicy ?? DEFAULT_RETRY_POLICY, {
        sleep: deps.sleep,
        now: deps.now,
        random: deps.random ?? Math.random,
        signal: deps.signal,
        onRetry: (error, attempt, delayMs) => deps.logger.warning(`Creating the job failed (${error instanceof Error ? error.message : String(error)}); ` +
            `attempt ${attempt + 1} in ${(delayMs / 1000).toFixed(1)} s` +
            (mayExist ? ', after checking whether the job exists' : '')),
    });
    try {
        return await attempts;
    }
    catch (error) {
        // Cancelled between attempts: stop creating, but a job an earlier attempt may have made is
        // looked up, so that it is reported (and cancelled by the caller) rather than lost.
        if (!(error instanceof AbortedError) || !mayExist)
            throw error;
        const existing = await findByName(client, request.name, since);
        if (!existing)
            throw error;
        return { ...existing, adopted: true };
    }
}
async function findByName(client, name, since) {
    const page = await client.listJobs({ name, startCreationTime: since, size: 10, order: 'Desc' });
    const job = page.value.jobs.find((candidate) => candidate.name === name);
    return job ? { value: job, requestId: page.requestId } : undefined;
}

// EXTERNAL MODULE: ./src/ci/url.ts
var ci_url = __nccwpck_require__(5717);
;// CONCATENATED MODULE: ./src/report/api-json.ts
/**
 * The `job`, `jobs` and `execution` outputs in the API's own names (`JobId`, `State`, …), as the
 * contract promises: workflows read them with `fromJSON(...).JobId`, as they would read the API.
 */
function api_json_asJobsDetail(job) {
    const interval = job.operation?.timeInterval;
    return {
        Code: job.code,
        Message: job.message,
        JobId: job.jobId,
        Name: job.name,
        Type: job.type,
        State: job.state,
        CreationTime: job.creationTime,
        StartTime: job.startTime,
        EndTime: job.endTime,
        ...(job.progress === undefined ? {} : { Progress: job.progress }),
        ...(job.input ? { Input: job.input } : {}),
        ...(job.operation
            ? {
                Operation: {
                    WorkflowIds: job.operation.workflowIds ?? '',
                    ...(interval ? { TimeInterval: { Start: interval.start ?? '', End: interval.end ?? '' } } : {}),
                },
            }
            : {}),
    };
}
function api_json_asWorkflowExecution(execution) {
    return {
        RunId: execution.runId,
        WorkflowId: execution.workflowId,
        Name: execution.name,
        Object: execution.object,
        State: execution.state,
        CreateTime: execution.createTime,
        ...(execution.topology === undefined ? {} : { Topology: execution.topology }),
    };
}

;// CONCATENATED MODULE: ./src/report/mermaid.ts
/**
 * Small Mermaid diagrams for the job summaries (GitHub renders ```mermaid blocks there): a Gantt of
 * a job's phases or a workflow run, and a pie of jobs per state. Pure text builders.
 */



const mermaid_SECOND = 1000;
const mermaid_MINUTE = 60 * mermaid_SECOND;
const mermaid_HOUR = 60 * mermaid_MINUTE;
const mermaid_DAY = 24 * mermaid_HOUR;
/** Gantt `tickInterval`s, smallest first: the first that gives at most ten ticks is used. */
const TICKS = [
    [mermaid_SECOND, '1second'],
    [2 * mermaid_SECOND, '2second'],
    [5 * mermaid_SECOND, '5second'],
    [10 * mermaid_SECOND, '10second'],
    [15 * mermaid_SECOND, '15second'],
    [30 * mermaid_SECOND, '30second'],
    [mermaid_MINUTE, '1minute'],
    [2 * mermaid_MINUTE, '2minute'],
    [5 * mermaid_MINUTE, '5minute'],
    [10 * mermaid_MINUTE, '10minute'],
    [15 * mermaid_MINUTE, '15minute'],
    [30 * mermaid_MINUTE, '30minute'],
    [mermaid_HOUR, '1hour'],
    [2 * mermaid_HOUR, '2hour'],
    [3 * mermaid_HOUR, '3hour'],
    [6 * mermaid_HOUR, '6hour'],
    [12 * mermaid_HOUR, '12hour'],
    [mermaid_DAY, '1day'],
    [7 * mermaid_DAY, '1week'],
];
/** A tick interval that labels a span of `ms` with at most ten ticks (d3's own choice repeats labels). */
function tickInterval(ms) {
    return (TICKS.find(([step]) => ms / step <= 10) ?? [0, '1month'])[1];
}
/** The gantt `dateFormat` (dayjs tokens) that `ganttDate` writes. */
const GANTT_DATE_FORMAT = 'YYYY-MM-DD HH:mm:ss';
const mermaid_pad = (n, width = 2) => String(n).padStart(width, '0');
/**
 * Text that Mermaid reads as a label: one line, and none of the characters that end a gantt task
 * name (`:`), a task's data (`#`, `;`) or that start an entity (`#...;`). Look-alikes keep it legible.
 */
function sanitizeLabel(text) {
    return text
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/:/g, '꞉')
        .replace(/#/g, '♯')
        .replace(/;/g, ',')
        .replace(/%%/g, '%')
        .replace(/\s+/g, ' ')
        .trim();
}
/** A label inside double quotes (pie slices): sanitized, and without quotes or backslashes. */
function quotedLabel(text) {
    return `"${sanitizeLabel(text).replace(/"/g, "'").replace(/\\/g, '/')}"`;
}
/** The UTC offset an API time is written in (`+0800` → 480), or undefined without one. */
function apiOffsetMinutes(text) {
    const match = /(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/.exec(text?.trim() ?? '');
    if (!match)
        return undefined;
    if (match[1])
        return 0;
    return (match[2] === '-' ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4]));
}
/** `UTC+0800`, `UTC-0530`, `UTC+0000`. */
function offsetName(offsetMinutes) {
    const abs = Math.abs(offsetMinutes);
    return `UTC${offsetMinutes < 0 ? '-' : '+'}${mermaid_pad(Math.floor(abs / 60))}${mermaid_pad(abs % 60)}`;
}
/**
 * A time in `GANTT_DATE_FORMAT`, as the wall clock at `offsetMinutes` shows it (whole seconds). The
 * browser reads and draws it as local time, so the axis shows the same clock as the summary's table.
 */
function ganttDate(ms, offsetMinutes) {
    const d = new Date(Math.floor(ms / mermaid_SECOND) * mermaid_SECOND + offsetMinutes * mermaid_MINUTE);
    return (`${mermaid_pad(d.getUTCFullYear(), 4)}-${mermaid_pad(d.getUTCMonth() + 1)}-${mermaid_pad(d.getUTCDate())} ` +
        `${mermaid_pad(d.getUTCHours())}:${mermaid_pad(d.getUTCMinutes())}:${mermaid_pad(d.getUTCSeconds())}`);
}
/** GitHub's (Primer) colours: what a state looks like everywhere else on GitHub. */
const COLOURS = {
    green: ['#4ac26b', '#1a7f37'],
    red: ['#ff8182', '#cf222e'],
    amber: ['#eac54f', '#9a6700'],
    gray: ['#d0d7de', '#6e7781'],
};
const TEXT = '#1f2328';
/** Slice colours per state; other states get blue. */
const PIE_COLOURS = {
    Submitted: '#fae17d',
    Running: '#d4a72c',
    Success: '#4ac26b',
    Failed: '#ff8182',
    Pause: '#c297ff',
    Cancel: '#afb8c1',
};
const OTHER_PIE_COLOUR = '#54aeff';
/** A `%%{init}%%` directive that sets theme variables (GitHub keeps its light or dark theme). */
function themeDirective(variables) {
    return `%%{init: ${JSON.stringify({ themeVariables: variables })}}%%`;
}
/**
 * Gantt bars: untagged (queued, cancelled) grey, `done` (succeeded) green, `crit` (failed) red,
 * `active` (still going) amber; dark text on all of them.
 */
const GANTT_THEME = themeDirective({
    taskBkgColor: COLOURS.gray[0],
    taskBorderColor: COLOURS.gray[1],
    doneTaskBkgColor: COLOURS.green[0],
    doneTaskBorderColor: COLOURS.green[1],
    critBkgColor: COLOURS.red[0],
    critBorderColor: COLOURS.red[1],
    activeTaskBkgColor: COLOURS.amber[0],
    activeTaskBorderColor: COLOURS.amber[1],
    taskTextColor: TEXT,
    taskTextDarkColor: TEXT,
});
/** A fenced block GitHub renders as a diagram. */
function mermaidBlock(lines) {
    return ['```mermaid', ...lines, '```'].join('\n') + '\n';
}
function gantt(title, section, offsetMinutes, bars) {
    const first = Math.min(...bars.map((bar) => bar.from));
    const last = Math.max(...bars.map((bar) => bar.to ?? bar.from));
    const date = (ms) => ganttDate(ms, offsetMinutes);
    return mermaidBlock([
        GANTT_THEME,
        'gantt',
        `  title ${sanitizeLabel(`${title}, times ${offsetName(offsetMinutes)}`)}`,
        `  dateFormat ${GANTT_DATE_FORMAT}`,
        `  axisFormat ${last - first < mermaid_DAY ? '%H:%M:%S' : '%m-%d %H:%M'}`,
        `  tickInterval ${tickInterval(last - first)}`,
        '  todayMarker off',
        `  section ${sanitizeLabel(section)}`,
        ...bars.map((bar) => `  ${sanitizeLabel(bar.label)} :${[...bar.tags, bar.id, date(bar.from), bar.to === undefined ? '0s' : date(bar.to)].join(', ')}`),
    ]);
}
const isFinalState = (state) => FINAL_JOB_STATES.includes(state);
/** Whole seconds: the API's times have no finer grain, so "now" is cut to match. */
const toSecond = (ms) => Math.floor(ms / mermaid_SECOND) * mermaid_SECOND;
/** A duration between whole seconds: `0s`, `5s`, `3m 05s`. */
const span = (ms) => (ms < mermaid_SECOND ? '0s' : time_formatDuration(ms));
/** The tags that colour how a thing ended: green for Success, red for Failed, grey otherwise. */
const endTags = (state) => state === 'Success' ? ['done'] : state === 'Failed' ? ['crit'] : [];
/**
 * A Gantt of a job's phases: queued (creation to start), running (start to end) and the end as a
 * milestone labelled with the final state. A job that has not ended is drawn up to `now`. Empty
 * when the job has no known creation time.
 */
function jobGantt(job, now) {
    const created = time_parseApiTime(job.creationTime)?.getTime();
    if (created === undefined)
        return '';
    const offset = apiOffsetMinutes(job.creationTime) ?? 0;
    const started = time_parseApiTime(job.startTime)?.getTime();
    const final = isFinalState(job.state);
    const endTime = final ? time_parseApiTime(job.endTime)?.getTime() : undefined;
    // A final job without an end time ended by the time the step looked; say so rather than guess.
    const endSeen = final && endTime === undefined;
    const suffix = !final ? ' so far' : endSeen ? ' until seen' : '';
    // Clocks differ (the service's and the runner's): never draw a phase that ends before it begins.
    const until = (from) => Math.max(from, endTime ?? toSecond(now));
    const bars = [];
    if (started === undefined) {
        const to = until(created);
        bars.push({
            label: `Queued ${span(to - created)}${suffix}`,
            tags: final ? [] : ['active'],
            id: 'queued',
            from: created,
            to,
        });
    }
    else {
        const start = Math.max(created, started);
        bars.push({
            label: `Queued ${span(start - created)}`,
            tags: [],
            id: 'queued',
            from: created,
            to: start,
        });
        const to = until(start);
        const current = final || job.state === 'Running' ? '' : `, ${markdown_stateLabel(job.state)} now`;
        bars.push({
            label: `Running ${span(to - start)}${suffix}${current}`,
            tags: final ? endTags(job.state) : ['active'],
            id: 'running',
            from: start,
            to,
        });
    }
    if (final) {
        bars.push({
            label: `${markdown_stateLabel(job.state)}${endSeen ? ' seen' : ''}`,
            tags: ['milestone', ...endTags(job.state)],
            id: 'ended',
            from: bars[bars.length - 1].to,
        });
    }
    return gantt('Job phases', 'Job', offset, bars);
}
/**
 * A Gantt of a workflow run. The API gives a run only its creation time, so the bar ends when the
 * step saw the run's final state (or last looked, for a run that still runs), and says so.
 */
function mermaid_runGantt(run, times) {
    const created = parseApiTime(run.createTime)?.getTime() ?? toSecond(times.triggeredAt);
    const offset = apiOffsetMinutes(parseApiTime(run.createTime) ? run.createTime : undefined) ?? 0;
    const seen = Math.max(created, toSecond(times.seenAt));
    const ended = isFinalState(run.state);
    const bars = [
        {
            label: ended
                ? `Run, seen ended after ${span(seen - created)}`
                : `Running ${span(seen - created)} so far`,
            tags: ended ? endTags(run.state) : ['active'],
            id: 'run',
            from: created,
            to: seen,
        },
    ];
    if (ended) {
        bars.push({
            label: `${stateLabel(run.state)} seen`,
            tags: ['milestone', ...endTags(run.state)],
            id: 'seen',
            from: seen,
        });
    }
    return (gantt('Workflow run', 'Run', offset, bars) +
        '\nThe API gives a workflow run no end time: the bar ends when this step ' +
        (ended ? 'saw the run ended.' : 'last looked at the run.') +
        '\n');
}
/** A pie of how many jobs are in each state, in the API's order of states; empty for no jobs. */
function mermaid_statePie(states) {
    if (states.length === 0)
        return '';
    const counts = new Map();
    for (const state of states)
        counts.set(state, (counts.get(state) ?? 0) + 1);
    const order = (state) => {
        const index = JOB_STATES.indexOf(state);
        return index < 0 ? JOB_STATES.length : index;
    };
    const sorted = [...counts].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
    const colours = Object.fromEntries(sorted.slice(0, 12).map(([state], i) => [`pie${i + 1}`, PIE_COLOURS[state] ?? OTHER_PIE_COLOUR]));
    return mermaidBlock([
        themeDirective({ ...colours, pieOpacity: '1', pieStrokeColor: '#ffffff', pieSectionTextColor: TEXT }),
        'pie showData',
        '  title Jobs by state',
        ...sorted.map(([state, count]) => `  ${quotedLabel(stateLabel(state || 'unknown'))} : ${count}`),
    ]);
}

;// CONCATENATED MODULE: ./src/report/job-report.ts




/** The outputs that describe a job, as the contract names them. Unknown times are empty. */
function jobOutputs(job) {
    return {
        state: job.state,
        code: job.code,
        message: job.message,
        'creation-time': knownTime(job.creationTime),
        'start-time': knownTime(job.startTime),
        'end-time': knownTime(job.endTime),
        job: JSON.stringify(api_json_asJobsDetail(job)),
    };
}
function knownTime(text) {
    return time_parseApiTime(text) ? text : '';
}
/** How long the job ran, or has run so far: from its start (or creation) to its end (or now). */
function jobDuration(job, now) {
    const from = time_parseApiTime(job.startTime) ?? time_parseApiTime(job.creationTime);
    if (!from)
        return undefined;
    const to = time_parseApiTime(job.endTime)?.getTime() ?? now;
    return Math.max(0, to - from.getTime());
}
function jobSummary(context) {
    const { job } = context;
    const duration = jobDuration(job, context.now);
    const rows = [
        ['Name', code(job.name)],
        ['Workflow', code(context.workflowId)],
        ['Input', context.input],
        ['Upload window', context.window ?? 'all uploads'],
        ['State', markdown_stateLabel(job.state)],
        ['Code', job.code ? code(job.code) : ''],
        ['Message', job.message],
        ['Created', knownTime(job.creationTime)],
        ['Started', knownTime(job.startTime)],
        ['Ended', knownTime(job.endTime)],
        ['Duration', duration === undefined ? '' : time_formatDuration(duration)],
    ];
    if (context.requestId)
        rows.push(['Request id', code(context.requestId)]);
    const lines = [`### CI inventory trigger job ${code(job.jobId)}`, ''];
    if (context.outcome)
        lines.push(context.outcome, '');
    // The first pair is the header row: an empty one would show as a blank line above the table.
    lines.push(markdown_markdownTable(['Job id', code(job.jobId)], rows));
    const gantt = jobGantt(job, context.now);
    if (gantt)
        lines.push('', gantt.trimEnd());
    return lines.join('\n') + '\n';
}
function code(text) {
    return text ? `\`${text.replace(/`/g, "'")}\`` : '';
}
/** What a job runs over, for the summary: `Prefix \`videos/\``. */
function job_report_describeInput(kind, value) {
    return `${kind} \`${value.replace(/`/g, "'")}\``;
}
/** The upload-time window in the API's form, or undefined for all uploads. */
function job_report_describeWindow(start, end) {
    if (!start && !end)
        return undefined;
    return `${start || 'the beginning'} to ${end || 'now'}`;
}

;// CONCATENATED MODULE: ./src/waiting/poll-schedule.ts
/**
 * Gaps between status checks: a Fibonacci climb from one second up to `poll-interval`.
 * Short jobs are noticed within a second or two; long ones cost one call per interval.
 */
function* pollDelays(pollIntervalMs, firstMs = 1000) {
    let previous = 0;
    let current = Math.min(firstMs, pollIntervalMs);
    for (;;) {
        yield current;
        const next = Math.min(previous + current || firstMs, pollIntervalMs);
        previous = current;
        current = next;
    }
}

;// CONCATENATED MODULE: ./src/waiting/waiter.ts

/** Polls on the back-off schedule until a final state, the timeout, or an abort (which throws). */
async function waiter_waitUntilFinal(options) {
    const { now, sleep, signal } = options;
    const startedAt = options.startedAt ?? now();
    const deadline = options.timeoutMs > 0 ? startedAt + options.timeoutMs : Infinity;
    let last = options.initial;
    let lastState = last === undefined ? undefined : options.stateOf(last);
    let checks = 0;
    if (last !== undefined && options.isFinal(last))
        return { last, timedOut: false, checks };
    const delays = pollDelays(options.pollIntervalMs);
    let nextCheckAt = startedAt;
    for (;;) {
        nextCheckAt += delays.next().value;
        // The last check is made at the deadline itself: a job that ended just before it counts as ended.
        const lastChance = nextCheckAt >= deadline;
        const checkAt = Math.min(nextCheckAt, deadline);
        await sleep(Math.max(0, checkAt - now()), signal);
        last = await options.check();
        checks++;
        const state = options.stateOf(last);
        if (state !== lastState) {
            lastState = state;
            options.onStateChange?.(state, now() - startedAt, last);
        }
        if (options.isFinal(last))
            return { last, timedOut: false, checks };
        if (lastChance || now() >= deadline)
            return { last, timedOut: true, checks };
    }
}

;// CONCATENATED MODULE: ./src/steps/object-failures.ts



const MAX_PAGES = 10;
const MAX_OUTPUT_ENTRIES = 100;
const MAX_WARNINGS = 10;
const MAX_SUMMARY_ROWS = 20;
const NAMED_IN_FAILURE = 3;
/**
 * A job that ended `Success` only says the triggering went through: each object has its own
 * workflow run, which may fail, or still run after the job ended. Waits (inside the step's
 * timeout) until none runs, then lists the failed and cancelled ones.
 */
async function checkObjectFailures(settings, context, deps) {
    const client = deps.client();
    const { reporter } = deps;
    const scope = { jobId: context.jobId, workflowId: context.workflowId || undefined };
    const running = async () => (await client.listExecutions({ ...scope, states: ['Running'], size: 1 })).value.executions.length;
    if ((await running()) > 0) {
        reporter.info(`Waiting for the workflow runs of job ${context.jobId} to end`);
        const deadline = settings.timeoutMs > 0 ? context.startedAt + settings.timeoutMs : 0;
        const waited = await waiter_waitUntilFinal({
            check: running,
            stateOf: (count) => (count > 0 ? 'Running' : 'done'),
            isFinal: (count) => count === 0,
            pollIntervalMs: settings.pollIntervalMs,
            timeoutMs: deadline ? Math.max(1, deadline - deps.now()) : 0,
            now: deps.now,
            sleep: deps.sleep,
            signal: deps.signal,
            initial: 1,
        });
        if (waited.timedOut) {
            return {
                summary: '\n#### Objects\n\nSome workflow runs were still running when the wait timed out.\n',
                failure: `Job ${context.jobId} ended, but some of its objects' workflow runs were still Running when the ` +
                    `timeout (${time_formatDuration(settings.timeoutMs)}) passed.`,
            };
        }
    }
    const failed = [];
    let nextToken = '';
    let pages = 0;
    do {
        const page = await client.listExecutions({
            ...scope,
            states: ['Failed', 'Cancel'],
            size: 100,
            nextToken,
        });
        failed.push(...page.value.executions);
        nextToken = page.value.nextToken;
        pages++;
    } while (nextToken && pages < MAX_PAGES);
    const more = nextToken ? ' or more' : '';
    const entries = failed.map((run) => ({ object: run.object, runId: run.runId, state: run.state }));
    reporter.setOutput('failed-count', String(failed.length));
    reporter.setOutput('failed-objects', JSON.stringify(entries.slice(0, MAX_OUTPUT_ENTRIES)));
    const summary = objectsSection(failed, more);
    if (failed.length === 0) {
        reporter.info(`Every object's workflow run of job ${context.jobId} succeeded`);
        return { summary };
    }
    const named = failed
        .slice(0, NAMED_IN_FAILURE)
        .map((run) => `${run.object} (${run.state}, run ${run.runId})`)
        .join(', ');
    const rest = failed.length > NAMED_IN_FAILURE ? ` and ${failed.length - NAMED_IN_FAILURE}${more} more` : '';
    const message = `${failed.length}${more} object(s) of job ${context.jobId} failed processing: ${named}${rest}.`;
    if (settings.objectFailures === 'warn') {
        for (const run of failed.slice(0, MAX_WARNINGS)) {
            reporter.warning(`Object ${run.object}: workflow run ${run.runId} ended ${run.state}`);
        }
        reporter.warning(message);
        return { summary };
    }
    return { summary, failure: message };
}
function objectsSection(failed, more) {
    const counts = new Map();
    for (const run of failed)
        counts.set(run.state, (counts.get(run.state) ?? 0) + 1);
    const lines = ['', '#### Objects', ''];
    if (failed.length === 0) {
        lines.push('Every workflow run of the job ended `Success`.');
    }
    else {
        lines.push([...counts].map(([state, count]) => `${markdown_stateLabel(state)}: ${count}${more}`).join(' · ') +
            ' (every other run ended `Success`)', '', markdown_markdownTable(['Object', 'Run id', 'State'], failed
            .slice(0, MAX_SUMMARY_ROWS)
            .map((run) => [`\`${run.object}\``, `\`${run.runId}\``, markdown_stateLabel(run.state)])));
        if (failed.length > MAX_SUMMARY_ROWS)
            lines.push('', `… and ${failed.length - MAX_SUMMARY_ROWS}${more} more.`);
    }
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/steps/job-wait.ts









const isFinal = (job) => types_isFinalJobState(job.state);
/**
 * Waits for a job to end and reports it: outputs, summary, and a failure when it ends in a
 * `fail-on` state, times out, or its objects failed. The main step and `wait/` both end here.
 */
async function job_wait_waitForJobAndReport(settings, context, deps) {
    const { reporter, state } = deps;
    const client = deps.client();
    let lastSeen = context.initial;
    let result;
    try {
        result = await waiter_waitUntilFinal({
            check: async () => (lastSeen = (await job_lookup_describeJobOrFail(client, context.jobId)).value),
            stateOf: (job) => job.state,
            isFinal,
            pollIntervalMs: settings.pollIntervalMs,
            timeoutMs: settings.timeoutMs,
            now: deps.now,
            sleep: deps.sleep,
            signal: deps.signal,
            startedAt: context.startedAt,
            initial: context.initial,
            onStateChange: (jobState, elapsedMs) => reporter.info(`Job ${context.jobId} is ${jobState} (${time_formatDuration(elapsedMs)} since start)`),
        });
    }
    catch (error) {
        if (isAbort(error))
            await cancelOnAbort(settings, context, deps);
        else
            state.save(ports_StateKey.Phase, 'stopped');
        // The job exists whatever went wrong with the wait: outputs and summary still say how far it got.
        if (lastSeen) {
            for (const [name, value] of Object.entries(jobOutputs(lastSeen)))
                reporter.setOutput(name, value);
            const stopped = isAbort(error) ? 'the workflow run was cancelled' : 'an error (see the annotation)';
            await reporter.writeSummary(jobSummary({ ...context, job: lastSeen, outcome: `The wait stopped: ${stopped}.`, now: deps.now() }));
        }
        throw error;
    }
    let job = result.last ?? context.initial;
    let outcome;
    let failure;
    if (result.timedOut) {
        const waited = time_formatDuration(settings.timeoutMs);
        if (settings.cancelOnTimeout) {
            try {
                await deps.cleanupClient().cancelJob(context.jobId);
                job = (await job_lookup_describeJobOrFail(deps.cleanupClient(), context.jobId)).value;
                state.save(ports_StateKey.Phase, 'cancelled');
                outcome = `Timed out after ${waited}; the job was cancelled (state ${job.state}).`;
            }
            catch (error) {
                state.save(ports_StateKey.Phase, 'timed-out');
                outcome =
                    `Timed out after ${waited}; cancelling the job failed (${error.message}), ` +
                        `so it may still run (last state ${job?.state ?? 'unknown'}).`;
            }
        }
        else {
            state.save(ports_StateKey.Phase, 'timed-out');
            outcome = `Timed out after ${waited}; the job still runs (state ${job?.state ?? 'unknown'}).`;
        }
        failure = `Job ${context.jobId}: ${outcome}`;
    }
    else {
        state.save(ports_StateKey.Phase, 'ended');
    }
    if (job) {
        for (const [name, value] of Object.entries(jobOutputs(job)))
            reporter.setOutput(name, value);
    }
    if (!failure && job && settings.failOn.includes(job.state)) {
        failure =
            `Job ${context.jobId} ended ${job.state}` +
                (job.code && job.code !== 'Success' ? ` with code ${job.code}` : '') +
                (job.message ? `: ${job.message}` : '') +
                (job.state === 'Failed' ? '. Check the workflow and its input objects in the CI console.' : '.');
    }
    let objectsSection = '';
    let objectsError;
    if (!result.timedOut && settings.objectFailures !== 'ignore') {
        try {
            const objects = await checkObjectFailures(settings, context, deps);
            objectsSection = objects.summary;
            failure = failure ?? objects.failure;
        }
        catch (error) {
            if (isAbort(error))
                throw error;
            // The job's own verdict and summary come first; the failed check is reported beside them.
            objectsError = error;
            objectsSection = `\n#### Objects\n\nThe check of the objects' workflow runs failed: ${error.message}\n`;
        }
    }
    if (job) {
        await reporter.writeSummary(jobSummary({
            job,
            workflowId: context.workflowId,
            input: context.input,
            window: context.window,
            requestId: context.requestId,
            outcome,
            now: deps.now(),
        }) + objectsSection);
    }
    if (failure) {
        if (objectsError)
            reporter.warning(`Checking the objects' workflow runs failed: ${objectsError.message}`);
        throw new ports_StepFailure(failure);
    }
    if (objectsError)
        throw objectsError;
}
function isAbort(error) {
    return error instanceof AbortedError || (error instanceof errors/* TransportError */.wX && error.kind === 'aborted');
}
async function cancelOnAbort(settings, context, deps) {
    if (!settings.cancelOnAbort) {
        deps.state.save(ports_StateKey.Phase, 'detached');
        deps.reporter.warning(`The workflow run was cancelled; job ${context.jobId} is left running (cancel-on-abort: false).`);
        return;
    }
    try {
        await deps.cleanupClient().cancelJob(context.jobId);
        deps.state.save(ports_StateKey.Phase, 'cancelled');
        deps.reporter.warning(`The workflow run was cancelled; cancelled job ${context.jobId}.`);
    }
    catch (error) {
        // The post: entry tries again: the phase still says `waiting`.
        deps.reporter.warning(`The workflow run was cancelled, and cancelling job ${context.jobId} failed: ` +
            `${error instanceof Error ? error.message : String(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/steps/create-job.ts







/** The main step: create an inventory trigger job, then (by default) wait for it and report it. */
async function createJob(settings, deps) {
    const { reporter, state } = deps;
    const request = createRequest(settings);
    reporter.setOutput('name', request.name);
    if (settings.dryRun)
        return printDryRun(settings, request, deps);
    const startedAt = deps.now();
    const created = await createJobWithoutDuplicates(deps.steadyClient(), request, {
        logger: reporter,
        now: deps.now,
        sleep: deps.sleep,
        signal: deps.signal,
    });
    const job = created.value;
    // Saved before anything else can fail: a job that exists is always reported.
    state.save(ports_StateKey.JobId, job.jobId);
    state.save(ports_StateKey.Phase, settings.wait && settings.cancelOnAbort ? 'waiting' : 'detached');
    reporter.setOutput('job-id', job.jobId);
    reporter.setOutput('request-id', created.requestId);
    reporter.info(`${created.adopted ? 'Found' : 'Created'} job ${job.jobId} (${request.name}), state ${job.state}, ` +
        `request id ${created.requestId}`);
    const context = {
        jobId: job.jobId,
        workflowId: settings.workflowId,
        input: job_report_describeInput(settings.input.kind, settings.input.value),
        window: job_report_describeWindow(request.timeInterval?.start, request.timeInterval?.end),
        requestId: created.requestId,
        initial: job,
        startedAt,
    };
    if (settings.wait)
        return job_wait_waitForJobAndReport(settings, context, deps);
    for (const [name, value] of Object.entries(jobOutputs(job)))
        reporter.setOutput(name, value);
    await reporter.writeSummary(jobSummary({ ...context, job, outcome: 'Not waited for (`wait: false`).', now: deps.now() }));
}
function createRequest(settings) {
    const { start, end } = settings.window;
    return {
        name: settings.name,
        workflowId: settings.workflowId,
        input: settings.input,
        timeInterval: start || end ? { start: start && time_formatApiTime(start), end: end && time_formatApiTime(end) } : undefined,
    };
}
async function printDryRun(settings, request, deps) {
    const url = (0,ci_url/* requestUrl */.F)(settings.endpoint, { method: 'POST', path: '/inventorytriggerjob' });
    const body = buildCreateJobBody(request);
    deps.reporter.info(`Dry run: nothing is sent. The request would be:\nPOST ${url.href}\ncontent-type: application/xml\n\n${body}`);
    await deps.reporter.writeSummary(`### CI inventory trigger job (dry run)\n\nNothing was sent. The request would be:\n\n` +
        `\`\`\`http\nPOST ${url.href}\ncontent-type: application/xml\n\n${body}\n\`\`\`\n`);
}

;// CONCATENATED MODULE: ./src/steps/list-jobs.ts




const PAGE_SIZE = 100;
/** `list/`: the jobs that match the filters, following `nextToken` until `limit` or the last page. */
async function list_jobs_listJobs(settings, deps) {
    const client = deps.client();
    const jobs = [];
    let nextToken = '';
    do {
        const page = await client.listJobs({
            states: settings.states.length > 0 ? settings.states : undefined,
            workflowId: settings.workflowId,
            name: settings.name,
            jobId: settings.jobId || undefined,
            startCreationTime: settings.since && formatApiTime(settings.since),
            endCreationTime: settings.until && formatApiTime(settings.until),
            order: settings.order,
            size: PAGE_SIZE,
            nextToken,
        });
        jobs.push(...page.value.jobs);
        nextToken = page.value.nextToken;
    } while (nextToken && jobs.length < settings.limit);
    const listed = jobs.slice(0, settings.limit);
    deps.reporter.setOutput('jobs', JSON.stringify(listed.map(asJobsDetail)));
    deps.reporter.setOutput('count', String(listed.length));
    deps.reporter.info(`${listed.length} job(s) match`);
    await deps.reporter.writeSummary(listSummary(listed));
}
function listSummary(jobs) {
    const when = (text) => (parseApiTime(text) ? text : '');
    const lines = [`### CI inventory trigger jobs: ${jobs.length}`, ''];
    lines.push(jobs.length === 0
        ? 'No job matches the filters.'
        : markdownTable(['Job id', 'Name', 'State', 'Created', 'Ended', 'Code'], jobs.map((job) => [
            `\`${job.jobId}\``,
            job.name,
            stateLabel(job.state),
            when(job.creationTime),
            when(job.endTime),
            job.state === 'Failed' ? job.code : '',
        ])));
    const pie = statePie(jobs.map((job) => job.state));
    if (pie)
        lines.push('', pie.trimEnd());
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/steps/trigger-workflow.ts








const trigger_workflow_isFinal = (execution) => EXECUTION_STATES.includes(execution.state) && execution.state !== 'Running';
/** `trigger-workflow/`: run the workflow on one object (TriggerWorkflow), and wait for that run. */
async function trigger_workflow_triggerWorkflow(settings, deps) {
    const { reporter } = deps;
    const client = deps.client();
    const startedAt = deps.now();
    // Sent on the steady client: a cancellation mid-request must not hide a run the service started.
    const { value: runId, requestId } = await deps
        .steadyClient()
        .triggerWorkflow({ workflowId: settings.workflowId, object: settings.object, name: settings.name })
        .catch((error) => {
        if (!mayHaveBeenProcessed(error))
            throw error;
        throw new StepFailure(`${error.message}. The trigger was not sent again: the service may have started the ` +
            `run, and a second trigger would process ${settings.object} twice. Look for the run in the CI console.`);
    });
    reporter.setOutput('instance-id', runId);
    reporter.setOutput('request-id', requestId);
    reporter.info(`Started workflow run ${runId} on ${settings.object} (request id ${requestId})`);
    let execution = (await client.describeExecution(runId)).value;
    let timedOut = false;
    if (settings.wait && !(execution && trigger_workflow_isFinal(execution))) {
        const result = await waitUntilFinal({
            check: async () => (await client.describeExecution(runId)).value,
            stateOf: (run) => run?.state ?? 'unknown',
            isFinal: (run) => run !== undefined && trigger_workflow_isFinal(run),
            pollIntervalMs: settings.pollIntervalMs,
            timeoutMs: settings.timeoutMs,
            now: deps.now,
            sleep: deps.sleep,
            signal: deps.signal,
            startedAt,
            initial: execution,
            onStateChange: (state, elapsed) => reporter.info(`Workflow run ${runId} is ${state} (${formatDuration(elapsed)} since start)`),
        });
        execution = result.last ?? execution;
        timedOut = result.timedOut;
    }
    const seenAt = deps.now();
    const state = execution?.state ?? '';
    reporter.setOutput('state', state);
    reporter.setOutput('execution', execution ? JSON.stringify(asWorkflowExecution(execution)) : '');
    await reporter.writeSummary(`### CI workflow run \`${runId}\`\n\n` +
        markdownTable(['Run id', `\`${runId}\``], [
            ['Workflow', `\`${settings.workflowId}\``],
            ['Object', `\`${settings.object.replace(/`/g, "'")}\``],
            ['State', stateLabel(state)],
            ['Created', execution?.createTime ?? ''],
            ['Request id', `\`${requestId}\``],
        ]) +
        '\n' +
        (execution ? '\n' + runGantt(execution, { triggeredAt: startedAt, seenAt }) : ''));
    if (timedOut) {
        throw new StepFailure(`Workflow run ${runId}: timed out after ${formatDuration(settings.timeoutMs)}; it still runs (state ${state}).`);
    }
    if (settings.failOn.includes(state)) {
        throw new StepFailure(`Workflow run ${runId} on ${settings.object} ended ${state}. Check it in the CI console.`);
    }
}

;// CONCATENATED MODULE: ./src/steps/wait-job.ts




/** `wait/`: wait for a job created elsewhere, exactly as the main step waits. */
async function wait_job_waitForJob(settings, deps) {
    const startedAt = deps.now();
    // Saved first: an error from the very first call is then reported as `Job <id>: …`.
    deps.state.save(StateKey.JobId, settings.jobId);
    const { value: job } = await describeJobOrFail(deps.client(), settings.jobId);
    deps.state.save(StateKey.Phase, settings.cancelOnAbort ? 'waiting' : 'detached');
    deps.reporter.setOutput('job-id', job.jobId);
    deps.reporter.setOutput('name', job.name);
    deps.reporter.info(`Job ${job.jobId} (${job.name}) is ${job.state}`);
    const [kind, value] = Object.entries(job.input ?? {})[0] ?? [];
    const window = job.operation?.timeInterval;
    await waitForJobAndReport(settings, {
        jobId: job.jobId,
        workflowId: job.operation?.workflowIds ?? '',
        input: kind ? describeInput(kind, value ?? '') : '',
        window: describeWindow(window?.start, window?.end),
        initial: job,
        startedAt,
    }, deps);
}

;// CONCATENATED MODULE: ./src/main.ts







/** The main step: create an inventory trigger job, wait for it, report it. */
async function run() {
    await run_step_runStep(() => getMainSettings(), createJob);
}
async function runWait() {
    await runStep(() => getWaitSettings(), waitForJob);
}
async function runCancel() {
    await runStep(() => getCancelSettings(), cancelJob);
}
async function runList() {
    await runStep(() => getListSettings(), listJobs);
}
async function runTriggerWorkflow() {
    await runStep(() => getTriggerSettings(), triggerWorkflow);
}


/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9719);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
