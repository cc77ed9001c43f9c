export const id = 691;
export const ids = [691,332];
export const modules = {

/***/ 8282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ callName),
/* harmony export */   g: () => (/* binding */ MAX_ANSWER_BYTES)
/* harmony export */ });
/**
 * The most of an answer that is read. The largest the API sends, a page of 100 jobs, is some
 * 150 KB; anything past 1 MiB is not an answer to act on, and reading it all could exhaust memory.
 */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** How messages name a request: `GET /inventorytriggerjob/<id>`. */
function callName(method, url) {
    return `${method} ${url.pathname}`;
}


/***/ }),

/***/ 691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sendSigned: () => (/* binding */ sendSigned)
});

// EXTERNAL MODULE: ./src/ci/errors.ts
var errors = __webpack_require__(9497);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/ci/url.ts
var ci_url = __webpack_require__(5717);
;// CONCATENATED MODULE: ./src/ci/signer.ts


const sha1Hex = (text) => (0,external_node_crypto_.createHash)('sha1').update(text, 'utf8').digest('hex');
const hmacSha1Hex = (key, text) => (0,external_node_crypto_.createHmac)('sha1', key).update(text, 'utf8').digest('hex');
/** `lowercase(encode(key))=encode(value)` pairs sorted by the encoded key, and the key list. */
function canonicalPairs(pairs, what) {
    const entries = Object.entries(pairs).map(([key, value]) => [(0,ci_url/* encodeCos */.ej)(key).toLowerCase(), (0,ci_url/* encodeCos */.ej)(value ?? '')]);
    // Plain code-unit order, not localeCompare: encoded keys are ASCII and the server sorts bytes.
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    entries.forEach(([key], i) => {
        // Two names that differ only in case would be signed as one ambiguous pair.
        if (i > 0 && entries[i - 1][0] === key)
            throw new Error(`duplicate ${what} name: ${key}`);
    });
    return {
        list: entries.map(([key]) => key).join(';'),
        joined: entries.map(([key, value]) => `${key}=${value}`).join('&'),
    };
}
/** Every step of the signature, so that each documented intermediate value can be checked. */
function signatureParts(input) {
    const { secretId, secretKey, method, path, query, headers, startSeconds, endSeconds } = input;
    if (!secretId || !secretKey)
        throw new Error('signRequest: missing SecretId or SecretKey');
    if (!Number.isInteger(startSeconds) || !Number.isInteger(endSeconds) || endSeconds < startSeconds) {
        throw new Error(`signRequest: invalid key time ${startSeconds};${endSeconds}`);
    }
    if (!path.startsWith('/'))
        throw new Error(`signRequest: path must start with "/": ${path}`);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'host')) {
        // Unsigned host would let the signature be replayed against another bucket.
        throw new Error('signRequest: the host header must be signed');
    }
    const keyTime = `${startSeconds};${endSeconds}`;
    const signKey = hmacSha1Hex(secretKey, keyTime);
    const params = canonicalPairs(query, 'query parameter');
    const heads = canonicalPairs(headers, 'header');
    const httpString = [method.toLowerCase(), path, params.joined, heads.joined, ''].join('\n');
    const httpStringSha1 = sha1Hex(httpString);
    const stringToSign = ['sha1', keyTime, httpStringSha1, ''].join('\n');
    // The key is SignKey's hex text, not its raw bytes.
    const signature = hmacSha1Hex(signKey, stringToSign);
    const authorization = [
        'q-sign-algorithm=sha1',
        `q-ak=${secretId}`,
        `q-sign-time=${keyTime}`,
        `q-key-time=${keyTime}`,
        `q-header-list=${heads.list}`,
        `q-url-param-list=${params.list}`,
        `q-signature=${signature}`,
    ].join('&');
    return {
        keyTime,
        signKey,
        headerList: heads.list,
        httpHeaders: heads.joined,
        urlParamList: params.list,
        httpParameters: params.joined,
        httpString,
        httpStringSha1,
        stringToSign,
        signature,
        authorization,
    };
}
/** Returns the full Authorization header value. */
function signRequest(input) {
    return signatureParts(input).authorization;
}

// EXTERNAL MODULE: ./src/ci/http.ts
var http = __webpack_require__(8282);
// EXTERNAL MODULE: ./src/ci/xml-answers.ts + 1 modules
var xml_answers = __webpack_require__(6332);
;// CONCATENATED MODULE: ./src/ci/json-error.ts
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A string, or a number written as text (the Go SDK's `code` is an int); '' for anything else. */
function field(node, ...names) {
    for (const name of names) {
        const value = node[name];
        if (typeof value === 'string' && value !== '')
            return value;
        if (typeof value === 'number' && Number.isFinite(value))
            return String(value);
    }
    return '';
}
/** The error a JSON body names; undefined for any other body, JSON or not, and for one without a code. */
function parseJsonErrorBody(body) {
    if (!body.trimStart().startsWith('{'))
        return undefined;
    let document;
    try {
        document = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    if (!isObject(document))
        return undefined;
    const response = isObject(document.Response) ? document.Response : document;
    const error = isObject(response.Error) ? response.Error : response;
    const code = field(error, 'Code', 'code');
    if (!code)
        return undefined;
    return {
        code,
        message: field(error, 'Message', 'message'),
        requestId: field(error, 'RequestId', 'request_id', 'requestId') ||
            field(response, 'RequestId', 'request_id', 'requestId'),
    };
}

;// CONCATENATED MODULE: ./src/ci/request.ts






/** Signing validity: a little before now (clocks drift) to well past the longest request. */
const SIGN_FROM_SECONDS = -60;
const SIGN_FOR_SECONDS = 900;
/**
 * One request, signed with the clock corrected by `clockOffsetMs`. Answers ≥ 300 become an
 * `ApiError` when the body is the API's error (XML, or JSON with a code), a `TransportError` otherwise.
 */
async function sendSigned(context, spec, clockOffsetMs) {
    const url = (0,ci_url/* requestUrl */.Fl)(context.endpoint, spec);
    const headers = { host: url.host };
    if (spec.body !== undefined) {
        headers['content-type'] = 'application/xml';
        headers['content-length'] = String(Buffer.byteLength(spec.body));
    }
    if (context.credentials.sessionToken)
        headers['x-ci-security-token'] = context.credentials.sessionToken;
    const nowSeconds = Math.floor((context.now() + clockOffsetMs) / 1000);
    const query = Object.fromEntries(Object.entries(spec.query ?? {}).filter(([, value]) => value !== undefined));
    const authorization = signRequest({
        secretId: context.credentials.secretId,
        secretKey: context.credentials.secretKey,
        method: spec.method,
        path: spec.path,
        query,
        headers,
        startSeconds: nowSeconds + SIGN_FROM_SECONDS,
        endSeconds: nowSeconds + SIGN_FOR_SECONDS,
    });
    const where = (0,http/* callName */.A)(spec.method, url);
    const started = context.now();
    let answer;
    try {
        answer = await context.transport({
            url,
            method: spec.method,
            headers: { ...headers, authorization },
            body: spec.body,
            timeoutMs: context.timeoutMs,
            signal: context.signal,
        });
    }
    catch (error) {
        context.logger.debug(`${where} failed after ${context.now() - started} ms: ${(0,errors/* errorMessage */.gJ)(error)}`);
        throw error;
    }
    const { status, body } = answer;
    const requestId = headerText(answer.headers['x-ci-request-id'] ?? answer.headers['x-cos-request-id']);
    context.logger.debug(`${where} → ${status}${requestId ? ` (request id ${requestId})` : ''} in ${context.now() - started} ms`);
    if (status < 300)
        return { where, status, requestId, body, date: headerText(answer.headers['date']) };
    const error = (0,xml_answers.parseErrorBody)(body) ?? parseJsonErrorBody(body);
    if (!error) {
        const contentType = headerText(answer.headers['content-type']);
        throw new errors/* TransportError */.wX(`${where} answered HTTP ${status} with ${describeBody(contentType, body)}, not the API's XML error` +
            ` (a proxy or gateway in between?)${requestId ? `; request id ${requestId}` : ''}`, 'unparsable', status, requestId);
    }
    throw new errors/* ApiError */.hD(status, error.code, error.message, requestId || error.requestId, parseRetryAfter(headerText(answer.headers['retry-after']), context.now()), headerText(answer.headers['date']) || undefined, where);
}
function headerText(value) {
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}
function describeBody(contentType, body) {
    if (!body)
        return 'an empty body';
    return `a ${contentType || 'untyped'} body of ${Buffer.byteLength(body)} bytes`;
}
/** `Retry-After` is seconds or an HTTP date; either way we want milliseconds from now. */
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}


/***/ }),

/***/ 6332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseErrorBody: () => (/* binding */ parseErrorBody),
  parseExecutionResponse: () => (/* binding */ parseExecutionResponse),
  parseExecutionsResponse: () => (/* binding */ parseExecutionsResponse),
  parseJobResponse: () => (/* binding */ parseJobResponse),
  parseMediaJobResponse: () => (/* binding */ parseMediaJobResponse),
  parseTriggerWorkflowResponse: () => (/* binding */ parseTriggerWorkflowResponse)
});

// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 23 modules
var XMLParser = __webpack_require__(2893);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/fxp.js
var fxp = __webpack_require__(5824);
// EXTERNAL MODULE: ./src/ci/errors.ts
var errors = __webpack_require__(9497);
// EXTERNAL MODULE: ./src/time.ts
var time = __webpack_require__(9834);
;// CONCATENATED MODULE: ./src/ci/task-answers.ts
/**
 * The parts of answers that say why a workflow run failed: a run's `Tasks` (the failed task and
 * its own Code/Message, chosen by state, not position) and a media job's `JobsDetail`
 * (docs/api-notes.md › Why a run failed). They read the plain
 * tree of an answer (text for a leaf, an object of children, an array where a name repeats, as
 * fast-xml-parser gives it), whichever reader produced it.
 */

const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** One element or many, as a list of elements; text and other shapes are dropped. */
function task_answers_elements(value) {
    return (Array.isArray(value) ? value : [value]).filter(isRecord);
}
/** A leaf's text; '' when missing, repeated or not a leaf (a hostile answer may be any shape). */
function task_answers_text(node, name) {
    const value = node[name];
    return typeof value === 'string' ? value : '';
}
/** One `<Tasks>` element: a node of the run's workflow that ran. */
function toExecutionTask(node) {
    const task = {
        type: task_answers_text(node, 'Type'),
        name: task_answers_text(node, 'Name'),
        state: task_answers_text(node, 'State'),
        jobId: task_answers_text(node, 'JobId'),
        createTime: task_answers_text(node, 'CreateTime'),
        endTime: task_answers_text(node, 'EndTime'),
    };
    if (Object.hasOwn(node, 'Code'))
        task.code = task_answers_text(node, 'Code');
    if (Object.hasOwn(node, 'Message'))
        task.message = task_answers_text(node, 'Message');
    return task;
}
const rank = (task) => ['Failed', 'Cancel'].indexOf(task.state);
/** Tasks without a readable time go after those with one, in the order given. */
const startOf = (task) => parseApiTime(task.createTime)?.getTime() ?? Number.MAX_VALUE;
/**
 * The task a run failed in, chosen by state, not by position: a `Failed` task before a `Cancel`
 * one (a branch cancelled beside the one that failed says less), the earliest created among them.
 * The docs list Start first and in time order; the Go SDK's fixture has no Start or End task and
 * lists the others out of order, so neither the first nor the last task can be trusted to be it.
 */
function failedTaskOf(tasks) {
    const ended = tasks.filter((task) => rank(task) >= 0);
    const [task] = ended.sort((a, b) => rank(a) - rank(b) || startOf(a) - startOf(b));
    if (!task)
        return undefined;
    const code = task.code ?? '';
    return code && code !== 'Success' ? { task, own: { code, message: task.message ?? '' } } : { task };
}
/** Every `<Tasks>` of a `<WorkflowExecution>`, in the order the answer gives them. */
function tasksIn(execution) {
    return task_answers_elements(execution.Tasks).map(toExecutionTask);
}
/** One media job's `<JobsDetail>`; undefined for an empty node. */
function toMediaJob(node) {
    const jobId = task_answers_text(node, 'JobId');
    if (!jobId)
        return undefined;
    return {
        jobId,
        tag: task_answers_text(node, 'Tag'),
        state: task_answers_text(node, 'State'),
        code: task_answers_text(node, 'Code'),
        message: task_answers_text(node, 'Message'),
        creationTime: task_answers_text(node, 'CreationTime'),
        endTime: task_answers_text(node, 'EndTime'),
    };
}
/** The media jobs of a DescribeMediaJob `<Response>` (the docs type `JobsDetail` as an array). */
function mediaJobsIn(response) {
    return task_answers_elements(response.JobsDetail)
        .map(toMediaJob)
        .filter((job) => job !== undefined);
}

// EXTERNAL MODULE: ./src/ci/http.ts
var http = __webpack_require__(8282);
// EXTERNAL MODULE: ./src/ci/types.ts
var types = __webpack_require__(4521);
;// CONCATENATED MODULE: ./src/ci/xml-answers.ts
/**
 * The API's answers, read with fast-xml-parser (docs/api-notes.md › Answers). Loaded with the first
 * answer: a dry run or a step that fails on its inputs parses nothing.
 */





/** The elements the API repeats: read as a list even when an answer holds one. */
const REPEATED = new Set(['JobsDetail', 'WorkflowExecutionList', 'NonExistJobIds', 'NonExistJobId', 'Tasks']);
/** The API nests a few levels; a document far deeper is not an answer. */
const MAX_DEPTH = 100;
const parser = new XMLParser/* default */.A({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Values stay the strings sent: a JobId `123e4`, a Code `0x1F`, a NextToken `0010`.
    parseTagValue: false,
    // An object key's leading and trailing spaces are part of it.
    trimValues: false,
    // The switch that also decodes numeric character references (`&#34;`, which Go's encoding/xml
    // writes). Entities a DOCTYPE would declare never get this far: a DOCTYPE is refused below.
    htmlEntities: true,
    // Counted as the elements around the deepest one.
    maxNestedTags: MAX_DEPTH - 1,
    isArray: (name) => REPEATED.has(name),
});
/**
 * The one root element of a well-formed answer, checked before it is parsed: fast-xml-parser
 * reads past a missing closing tag, and would expand the entities a DOCTYPE declares.
 */
function readDocument(xml) {
    if (Buffer.byteLength(xml) > http/* MAX_ANSWER_BYTES */.g)
        throw new errors/* XmlShapeError */.Jv(`an answer over ${http/* MAX_ANSWER_BYTES */.g / 1024 / 1024} MiB`);
    if (xml.includes('<!DOCTYPE'))
        throw new errors/* XmlShapeError */.Jv('XML with a DOCTYPE, which the API never sends');
    const valid = fxp/* XMLValidator */.iI.validate(xml);
    if (valid !== true)
        throw new errors/* XmlShapeError */.Jv(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, cut off?)`);
    let document;
    try {
        document = parser.parse(xml);
    }
    catch (error) {
        throw new errors/* XmlShapeError */.Jv(`unreadable XML: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    const names = Object.keys(document).filter((name) => name !== '#text');
    const name = names[0];
    // Two roots of one name parse as a list.
    if (names.length !== 1 || name === undefined || Array.isArray(document[name]))
        throw new errors/* XmlShapeError */.Jv('XML without exactly one root element');
    return { name, root: asNode(document[name]) ?? {} };
}
function parseResponse(xml) {
    const { name, root } = readDocument(xml);
    if (name !== 'Response')
        throw new errors/* XmlShapeError */.Jv(`expected a <Response> document, got <${name}>`);
    return root;
}
/** An element with children; undefined for a leaf's text, a list, or nothing. */
function asNode(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
function has(node, name) {
    return node !== undefined && Object.hasOwn(node, name);
}
/** The child's text; '' when it is missing, repeated, or holds other elements. */
function xml_answers_text(node, name) {
    const value = has(node, name) ? node[name] : undefined;
    return typeof value === 'string' ? value : '';
}
function child(node, name) {
    return has(node, name) ? asNode(node[name]) : undefined;
}
/** Every element of a repeated name that has children (an empty `<JobsDetail/>` is no job). */
function nodes(node, name) {
    const value = node[name];
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return list.map(asNode).filter((element) => element !== undefined);
}
/** Each child's text by name; a name that repeats or holds elements reads as ''. */
function textRecord(node) {
    const record = Object.create(null);
    for (const name of Object.keys(node ?? {}))
        if (name !== '#text')
            record[name] = xml_answers_text(node, name);
    return record;
}
/** A subtree passed through as parsed, without the indentation between its elements. */
function withoutIndentation(value) {
    if (Array.isArray(value))
        return value.map(withoutIndentation);
    const node = asNode(value);
    if (!node)
        return value;
    return Object.fromEntries(Object.entries(node)
        .filter(([name]) => name !== '#text')
        .map(([name, inner]) => [name, withoutIndentation(inner)]));
}
function toJobDetail(node) {
    const job = {
        jobId: xml_answers_text(node, 'JobId'),
        name: xml_answers_text(node, 'Name'),
        type: xml_answers_text(node, 'Type'),
        state: (0,types/* readState */.un)(xml_answers_text(node, 'State')),
        code: xml_answers_text(node, 'Code'),
        message: xml_answers_text(node, 'Message'),
        creationTime: xml_answers_text(node, 'CreationTime'),
        startTime: xml_answers_text(node, 'StartTime'),
        endTime: xml_answers_text(node, 'EndTime'),
    };
    if (has(node, 'Progress'))
        job.progress = xml_answers_text(node, 'Progress');
    if (has(node, 'Input'))
        job.input = textRecord(child(node, 'Input'));
    const operation = child(node, 'Operation');
    // The PHP SDK's samples show WorkflowIds beside Operation rather than inside it.
    const holder = has(operation, 'WorkflowIds') ? operation : has(node, 'WorkflowIds') ? node : undefined;
    if (has(node, 'Operation') || holder) {
        job.operation = {};
        if (holder)
            job.operation.workflowIds = xml_answers_text(holder, 'WorkflowIds');
        const interval = child(operation, 'TimeInterval');
        if (interval) {
            job.operation.timeInterval = {};
            if (has(interval, 'Start'))
                job.operation.timeInterval.start = xml_answers_text(interval, 'Start');
            if (has(interval, 'End'))
                job.operation.timeInterval.end = xml_answers_text(interval, 'End');
        }
    }
    return job;
}
/**
 * The ids a describe names as unknown, one `<NonExistJobIds>` each (the Go SDK spells it
 * `NonExistJobId`); empty nodes are none, and the docs leave the node out when every id exists.
 */
function nonExistJobIds(response) {
    const ids = ['NonExistJobIds', 'NonExistJobId'].flatMap((name) => response[name] ?? []);
    return ids.filter((id) => typeof id === 'string' && id !== '');
}
/** The answer of CreateInventoryTriggerJob, DescribeInventoryTriggerJob and DescribeInventoryTriggerJobs. */
function parseJobResponse(xml) {
    const response = parseResponse(xml);
    return {
        requestId: xml_answers_text(response, 'RequestId'),
        jobs: nodes(response, 'JobsDetail').map(toJobDetail),
        nonExistJobIds: nonExistJobIds(response),
        nextToken: xml_answers_text(response, 'NextToken'),
    };
}
function parseTriggerWorkflowResponse(xml) {
    const response = parseResponse(xml);
    return { requestId: xml_answers_text(response, 'RequestId'), instanceId: xml_answers_text(response, 'InstanceId') };
}
function toExecution(node) {
    const execution = {
        runId: xml_answers_text(node, 'RunId'),
        workflowId: xml_answers_text(node, 'WorkflowId'),
        // The DescribeWorkflowExecution page writes WorkflowName; the Go SDK's fixture, Name.
        name: xml_answers_text(node, 'Name') || xml_answers_text(node, 'WorkflowName'),
        object: xml_answers_text(node, 'Object'),
        state: (0,types/* readState */.un)(xml_answers_text(node, 'State')),
        // The docs write CreateTime; the Go SDK reads the run list's time as CreationTime.
        createTime: xml_answers_text(node, 'CreateTime') || xml_answers_text(node, 'CreationTime'),
    };
    if (has(node, 'Topology'))
        execution.topology = withoutIndentation(node['Topology']);
    if (has(node, 'Tasks'))
        execution.tasks = tasksIn(node);
    return execution;
}
function parseExecutionResponse(xml) {
    const response = parseResponse(xml);
    const [node] = nodes(response, 'WorkflowExecution');
    return { requestId: xml_answers_text(response, 'RequestId'), execution: node && toExecution(node) };
}
function parseExecutionsResponse(xml) {
    const response = parseResponse(xml);
    return {
        requestId: xml_answers_text(response, 'RequestId'),
        executions: nodes(response, 'WorkflowExecutionList').map(toExecution),
        nextToken: xml_answers_text(response, 'NextToken'),
    };
}
/** The answer of DescribeMediaJob (`GET /jobs/<JobId>`). */
function parseMediaJobResponse(xml) {
    const response = parseResponse(xml);
    return {
        requestId: xml_answers_text(response, 'RequestId'),
        jobs: mediaJobsIn(response),
        nonExistJobIds: nonExistJobIds(response),
    };
}
/** The `<Error>` document of a failed call; undefined for any other body, well-formed or not. */
function parseErrorBody(xml) {
    let document;
    try {
        document = readDocument(xml);
    }
    catch {
        return undefined;
    }
    if (document.name !== 'Error')
        return undefined;
    const error = document.root;
    return { code: xml_answers_text(error, 'Code'), message: xml_answers_text(error, 'Message'), requestId: xml_answers_text(error, 'RequestId') };
}


/***/ })

};
