export const id = 691;
export const ids = [691,511];
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
// EXTERNAL MODULE: ./src/ci/xml-answers.ts
var xml_answers = __webpack_require__(3511);
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

/***/ 3511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseErrorBody: () => (/* binding */ parseErrorBody),
/* harmony export */   parseExecutionResponse: () => (/* binding */ parseExecutionResponse),
/* harmony export */   parseExecutionsResponse: () => (/* binding */ parseExecutionsResponse),
/* harmony export */   parseJobResponse: () => (/* binding */ parseJobResponse),
/* harmony export */   parseMediaJobResponse: () => (/* binding */ parseMediaJobResponse),
/* harmony export */   parseTriggerWorkflowResponse: () => (/* binding */ parseTriggerWorkflowResponse)
/* harmony export */ });
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2893);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5824);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9497);
/* harmony import */ var _task_answers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3693);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8282);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4521);
/**
 * The API's answers, read with fast-xml-parser (docs/api-notes.md › Answers). Loaded with the first
 * answer: a dry run or a step that fails on its inputs parses nothing.
 */





/** The elements the API repeats: read as a list even when an answer holds one. */
const REPEATED = new Set(['JobsDetail', 'WorkflowExecutionList', 'NonExistJobIds', 'NonExistJobId', 'Tasks']);
/** The API nests a few levels; a document far deeper is not an answer. */
const MAX_DEPTH = 100;
const parser = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .A({
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
    if (Buffer.byteLength(xml) > _http_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_ANSWER_BYTES */ .g)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .XmlShapeError */ .Jv(`an answer over ${_http_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_ANSWER_BYTES */ .g / 1024 / 1024} MiB`);
    if (xml.includes('<!DOCTYPE'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .XmlShapeError */ .Jv('XML with a DOCTYPE, which the API never sends');
    const valid = fast_xml_parser__WEBPACK_IMPORTED_MODULE_5__/* .XMLValidator */ .iI.validate(xml);
    if (valid !== true)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .XmlShapeError */ .Jv(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, cut off?)`);
    let document;
    try {
        document = parser.parse(xml);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .XmlShapeError */ .Jv(`unreadable XML: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
    }
    const names = Object.keys(document).filter((name) => name !== '#text');
    const name = names[0];
    // Two roots of one name parse as a list.
    if (names.length !== 1 || name === undefined || Array.isArray(document[name]))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .XmlShapeError */ .Jv('XML without exactly one root element');
    return { name, root: asNode(document[name]) ?? {} };
}
function parseResponse(xml) {
    const { name, root } = readDocument(xml);
    if (name !== 'Response')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .XmlShapeError */ .Jv(`expected a <Response> document, got <${name}>`);
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
function text(node, name) {
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
            record[name] = text(node, name);
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
        jobId: text(node, 'JobId'),
        name: text(node, 'Name'),
        type: text(node, 'Type'),
        state: (0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .readState */ .un)(text(node, 'State')),
        code: text(node, 'Code'),
        message: text(node, 'Message'),
        creationTime: text(node, 'CreationTime'),
        startTime: text(node, 'StartTime'),
        endTime: text(node, 'EndTime'),
    };
    if (has(node, 'Progress'))
        job.progress = text(node, 'Progress');
    if (has(node, 'Input'))
        job.input = textRecord(child(node, 'Input'));
    const operation = child(node, 'Operation');
    // The PHP SDK's samples show WorkflowIds beside Operation rather than inside it.
    const holder = has(operation, 'WorkflowIds') ? operation : has(node, 'WorkflowIds') ? node : undefined;
    if (has(node, 'Operation') || holder) {
        job.operation = {};
        if (holder)
            job.operation.workflowIds = text(holder, 'WorkflowIds');
        const interval = child(operation, 'TimeInterval');
        if (interval) {
            job.operation.timeInterval = {};
            if (has(interval, 'Start'))
                job.operation.timeInterval.start = text(interval, 'Start');
            if (has(interval, 'End'))
                job.operation.timeInterval.end = text(interval, 'End');
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
        requestId: text(response, 'RequestId'),
        jobs: nodes(response, 'JobsDetail').map(toJobDetail),
        nonExistJobIds: nonExistJobIds(response),
        nextToken: text(response, 'NextToken'),
    };
}
function parseTriggerWorkflowResponse(xml) {
    const response = parseResponse(xml);
    return { requestId: text(response, 'RequestId'), instanceId: text(response, 'InstanceId') };
}
function toExecution(node) {
    const execution = {
        runId: text(node, 'RunId'),
        workflowId: text(node, 'WorkflowId'),
        // The DescribeWorkflowExecution page writes WorkflowName; the Go SDK's fixture, Name.
        name: text(node, 'Name') || text(node, 'WorkflowName'),
        object: text(node, 'Object'),
        state: (0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .readState */ .un)(text(node, 'State')),
        // The docs write CreateTime; the Go SDK reads the run list's time as CreationTime.
        createTime: text(node, 'CreateTime') || text(node, 'CreationTime'),
    };
    if (has(node, 'Topology'))
        execution.topology = withoutIndentation(node['Topology']);
    if (has(node, 'Tasks'))
        execution.tasks = (0,_task_answers_js__WEBPACK_IMPORTED_MODULE_1__/* .tasksIn */ .uv)(node);
    return execution;
}
function parseExecutionResponse(xml) {
    const response = parseResponse(xml);
    const [node] = nodes(response, 'WorkflowExecution');
    return { requestId: text(response, 'RequestId'), execution: node && toExecution(node) };
}
function parseExecutionsResponse(xml) {
    const response = parseResponse(xml);
    return {
        requestId: text(response, 'RequestId'),
        executions: nodes(response, 'WorkflowExecutionList').map(toExecution),
        nextToken: text(response, 'NextToken'),
    };
}
/** The answer of DescribeMediaJob (`GET /jobs/<JobId>`). */
function parseMediaJobResponse(xml) {
    const response = parseResponse(xml);
    return {
        requestId: text(response, 'RequestId'),
        jobs: (0,_task_answers_js__WEBPACK_IMPORTED_MODULE_1__/* .mediaJobsIn */ .Kw)(response),
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
    return { code: text(error, 'Code'), message: text(error, 'Message'), requestId: text(error, 'RequestId') };
}


/***/ })

};
