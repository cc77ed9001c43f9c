export const id = 842;
export const ids = [842,3];
export const modules = {

/***/ 2842:
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
    const entries = Object.entries(pairs).map(([key, value]) => [(0,ci_url/* encodeCos */.e)(key).toLowerCase(), (0,ci_url/* encodeCos */.e)(value ?? '')]);
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

// EXTERNAL MODULE: ./src/ci/xml-answers.ts + 1 modules
var xml_answers = __webpack_require__(7003);
;// CONCATENATED MODULE: ./src/ci/request.ts




/** Signing validity: a little before now (clocks drift) to well past the longest request. */
const SIGN_FROM_SECONDS = -60;
const SIGN_FOR_SECONDS = 900;
/**
 * One request, signed with the clock corrected by `clockOffsetMs`. Answers ≥ 300 become an
 * `ApiError` when the body is the API's XML error, a `TransportError` otherwise.
 */
async function sendSigned(context, spec, clockOffsetMs) {
    const url = (0,ci_url/* requestUrl */.F)(context.endpoint, spec);
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
    const started = context.now();
    // One controller for both ends of a request, rather than AbortSignal.any: that one leaves a weak
    // reference per request on the step's long-lived signal, which a long wait pays for in memory.
    const stop = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        stop.abort();
    }, context.timeoutMs);
    const onAbort = () => stop.abort();
    context.signal?.addEventListener('abort', onAbort, { once: true });
    if (context.signal?.aborted)
        stop.abort();
    const where = `${spec.method} ${url.pathname}`;
    let status;
    let requestId;
    let body;
    let contentType;
    let date;
    let retryAfter;
    try {
        const answer = await context.transport({
            url,
            method: spec.method,
            headers: { ...headers, authorization },
            body: spec.body,
            signal: stop.signal,
        });
        status = answer.status;
        requestId = headerText(answer.headers['x-ci-request-id'] ?? answer.headers['x-cos-request-id']);
        contentType = headerText(answer.headers['content-type']);
        date = headerText(answer.headers['date']) || undefined;
        retryAfter = headerText(answer.headers['retry-after']) || undefined;
        body = answer.body;
    }
    catch (error) {
        const failure = transportFailure(error, where, context, timedOut);
        context.logger.debug(`${where} failed after ${context.now() - started} ms: ${failure.message}`);
        throw failure;
    }
    finally {
        clearTimeout(timer);
        context.signal?.removeEventListener('abort', onAbort);
    }
    context.logger.debug(`${where} → ${status}${requestId ? ` (request id ${requestId})` : ''} in ${context.now() - started} ms`);
    if (status < 300)
        return { where, status, requestId, body };
    const error = (0,xml_answers.parseErrorBody)(body);
    if (!error) {
        throw new errors/* TransportError */.wX(`${where} answered HTTP ${status} with ${describeBody(contentType, body)}, not the API's XML error` +
            ` (a proxy or gateway in between?)${requestId ? `; request id ${requestId}` : ''}`, 'unparsable', status, requestId);
    }
    throw new errors/* ApiError */.hD(status, error.code, error.message, requestId || error.requestId, parseRetryAfter(retryAfter, context.now()), date);
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
function transportFailure(error, where, context, timedOut) {
    if (timedOut) {
        return new errors/* TransportError */.wX(`${where} got no answer within ${context.timeoutMs / 1000} s`, 'timeout');
    }
    if (context.signal?.aborted)
        return new errors/* TransportError */.wX(`${where} was aborted`, 'aborted');
    const code = errorCode(error);
    const detail = error instanceof Error ? error.message : String(error);
    if (code === 'ECONNREFUSED')
        return new errors/* TransportError */.wX(`${where}: connection refused by ${context.endpoint.host}`, 'connect');
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return new errors/* TransportError */.wX(`${where}: cannot resolve ${context.endpoint.hostname}`, 'dns');
    // The handshake failed before anything was sent. Behind a TLS-inspecting proxy, Node needs its CA.
    if (code && /CERT|SELF_SIGNED|UNABLE_TO_/.test(code))
        return new errors/* TransportError */.wX(`${where}: ${context.endpoint.host} presented a certificate this runner does not trust (${code}); ` +
            'if a proxy inspects TLS, give Node its CA with NODE_EXTRA_CA_CERTS', 'tls');
    return new errors/* TransportError */.wX(`${where}: connection failed (${code ?? detail})`, 'reset');
}
function errorCode(error) {
    for (let current = error; current instanceof Error; current = current.cause) {
        const code = current.code;
        if (typeof code === 'string' && code !== 'UND_ERR_SOCKET')
            return code;
        if (code === 'UND_ERR_SOCKET' && !(current.cause instanceof Error))
            return 'ECONNRESET';
    }
    return undefined;
}


/***/ }),

/***/ 7003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseErrorBody: () => (/* binding */ parseErrorBody),
  parseExecutionResponse: () => (/* binding */ parseExecutionResponse),
  parseExecutionsResponse: () => (/* binding */ parseExecutionsResponse),
  parseJobResponse: () => (/* binding */ parseJobResponse),
  parseTriggerWorkflowResponse: () => (/* binding */ parseTriggerWorkflowResponse)
});

// EXTERNAL MODULE: ./src/ci/errors.ts
var errors = __webpack_require__(9497);
;// CONCATENATED MODULE: ./src/ci/xml-reader.ts
/**
 * Reads the XML the API answers with: elements and their text, nothing else kept. Written for this
 * action rather than taken from fast-xml-parser because a status check parses one answer per poll:
 * fast-xml-parser allocates ~65 KB to read a 700-byte answer, this reader ~3 KB, which is what lets
 * a long wait stay flat in memory (README › Performance). A unit test holds it to fast-xml-parser
 * on thousands of generated documents.
 *
 * Not a general XML parser on purpose: no DTD (refused, and with it any entity expansion), no
 * namespaces; attributes are skipped. What it must get right is what decides whether an answer can be
 * trusted: every element closed by its own name, one root, nothing cut off.
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** An XML name, loosely: what may follow `<` and what must follow `</`. */
const NAME = /^[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*$/u;
/** Throws XmlShapeError unless `source` is a well-formed document with a single root element. */
function readXml(source) {
    const reading = { source, stack: [] };
    let at = source.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (at < source.length) {
        const open = source.indexOf('<', at);
        const textEnd = open === -1 ? source.length : open;
        if (textEnd > at)
            readText(reading, at, textEnd);
        if (open === -1)
            break;
        at = readMarkup(reading, open);
    }
    const unclosed = reading.stack.at(-1);
    if (unclosed)
        throw new errors/* XmlShapeError */.Jv(`not well-formed XML: <${unclosed.name}> is never closed (cut off?)`);
    if (!reading.root)
        throw new errors/* XmlShapeError */.Jv('XML without a root element');
    return reading.root;
}
/**
 * An element as plain JSON, shaped as fast-xml-parser shapes it: text for a leaf, an object of
 * children otherwise, an array where a name repeats.
 */
function toPlain(element) {
    if (element.children.length === 0)
        return element.text;
    // No prototype: an element named `constructor` or `__proto__` is a key like any other.
    const plain = Object.create(null);
    for (const child of element.children) {
        const value = toPlain(child);
        const seen = plain[child.name];
        // toPlain never returns an array, so an array here is a name already seen twice.
        if (seen === undefined)
            plain[child.name] = value;
        else if (Array.isArray(seen))
            seen.push(value);
        else
            plain[child.name] = [seen, value];
    }
    return plain;
}
/** Reads the markup that starts at `open` (a `<`); returns where the next text starts. */
function readMarkup(reading, open) {
    const { source, stack } = reading;
    if (source.startsWith('<!--', open))
        return after(source, '-->', open + 4, 'a comment');
    if (source.startsWith('<![CDATA[', open)) {
        const end = after(source, ']]>', open + 9, 'a CDATA section');
        addText(stack, normalizeLineEnds(source.slice(open + 9, end - 3)));
        return end;
    }
    if (source.startsWith('<?', open))
        return after(source, '?>', open + 2, 'a declaration');
    if (source.startsWith('<!', open))
        throw new errors/* XmlShapeError */.Jv('XML with a DOCTYPE, which the API never sends');
    const close = tagEnd(source, open + 1);
    if (source.charCodeAt(open + 1) === SLASH) {
        const element = stack.pop();
        // Compared in place: a status check reads some thirty closing tags per answer.
        const nameEnd = open + 2 + (element?.name.length ?? 0);
        if (!element || !source.startsWith(element.name, open + 2) || !isBlank(source, nameEnd, close)) {
            const name = source.slice(open + 2, close).trimEnd();
            throw new errors/* XmlShapeError */.Jv(`not well-formed XML: </${name}> where ${element ? `</${element.name}>` : 'no element'} was open`);
        }
        return close + 1;
    }
    const selfClosing = source.charCodeAt(close - 1) === SLASH;
    let nameEnd = open + 1;
    while (nameEnd < close && !isSpace(source.charCodeAt(nameEnd)) && source.charCodeAt(nameEnd) !== SLASH)
        nameEnd++;
    const name = source.slice(open + 1, nameEnd);
    if (!NAME.test(name))
        throw new errors/* XmlShapeError */.Jv(`not well-formed XML: <${name.slice(0, 40)}> is not an element`);
    const element = { name, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent)
        parent.children.push(element);
    else if (reading.root)
        throw new errors/* XmlShapeError */.Jv('XML with more than one root element');
    else
        reading.root = element;
    if (!selfClosing)
        stack.push(element);
    if (stack.length > MAX_DEPTH)
        throw new errors/* XmlShapeError */.Jv(`XML nested deeper than ${MAX_DEPTH} elements`);
    return close + 1;
}
/**
 * Text between `at` and `end`. Whitespace that only separates elements (indentation) is not kept:
 * nothing reads a container's text, and it would be most of what a status check allocates.
 */
function readText(reading, at, end) {
    const { source, stack } = reading;
    if (isBlank(source, at, end)) {
        const element = stack.at(-1);
        const beforeChild = end < source.length && isNameStart(source.charCodeAt(end + 1));
        if (!element || element.children.length > 0 || beforeChild)
            return;
    }
    const raw = normalizeLineEnds(source.slice(at, end));
    addText(stack, raw.includes('&') ? decodeEntities(raw) : raw);
}
/** XML 1.0 §2.11: a parser reads CR LF and a lone CR as LF. */
function normalizeLineEnds(text) {
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
function addText(stack, text) {
    const element = stack.at(-1);
    if (!element)
        throw new errors/* XmlShapeError */.Jv('not well-formed XML: text outside the root element');
    element.text += text;
}
const SLASH = 0x2f;
/** The API nests a few levels; a document far deeper is not an answer, and would exhaust the stack. */
const MAX_DEPTH = 100;
function isSpace(code) {
    return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
function isBlank(source, from, to) {
    for (let i = from; i < to; i++)
        if (!isSpace(source.charCodeAt(i)))
            return false;
    return true;
}
/** What may follow `<` to open an element (the NAME check decides the rest). */
function isNameStart(code) {
    return code !== SLASH && code !== 0x21 /* ! */ && code !== 0x3f /* ? */ && !Number.isNaN(code);
}
/**
 * The five XML entities and numeric references; anything else stays as it was written. (HTML names
 * such as `&nbsp;`, which fast-xml-parser's `htmlEntities` decoded, are not XML without a DTD.)
 */
function decodeEntities(text) {
    return text.replace(ENTITY, (whole, hex, decimal, named) => {
        if (named)
            return NAMED[named] ?? whole;
        const code = parseInt(hex ?? decimal ?? '', hex ? 16 : 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
/** Index just past `terminator`, searched from `from`. */
function after(source, terminator, from, what) {
    const end = source.indexOf(terminator, from);
    if (end === -1)
        throw new errors/* XmlShapeError */.Jv(`not well-formed XML: ${what} is never closed (cut off?)`);
    return end + terminator.length;
}
/** Index of the `>` that ends the tag starting at `from`; a `>` inside a quoted attribute does not. */
function tagEnd(source, from) {
    let quote = 0;
    for (let i = from; i < source.length; i++) {
        const c = source.charCodeAt(i);
        if (quote) {
            if (c === quote)
                quote = 0;
        }
        else if (c === 0x22 || c === 0x27)
            quote = c;
        else if (c === 0x3e)
            return i;
        else if (c === 0x3c)
            break;
    }
    throw new errors/* XmlShapeError */.Jv('not well-formed XML: a tag is never closed (cut off?)');
}

;// CONCATENATED MODULE: ./src/ci/xml-answers.ts
/**
 * The API's answers, read (see ../shared/ci-api.md). Loaded with the first answer: a dry run or a
 * step that fails on its inputs parses nothing.
 */


function parseResponse(xml) {
    const root = readXml(xml);
    if (root.name !== 'Response')
        throw new errors/* XmlShapeError */.Jv(`expected a <Response> document, got <${root.name}>`);
    return root;
}
/** The one child of that name; undefined when it is missing or repeated. Allocates nothing: it runs per poll. */
function only(node, name) {
    let found;
    for (const element of node?.children ?? []) {
        if (element.name !== name)
            continue;
        if (found)
            return undefined;
        found = element;
    }
    return found;
}
function has(node, name) {
    return node?.children.some((element) => element.name === name) ?? false;
}
/** Every child of that name: the API repeats some (JobsDetail, NonExistJobIds, …). */
function list(node, name) {
    return node.children.filter((element) => element.name === name);
}
/** The child's text; '' when it is missing, repeated, or holds other elements. */
function xml_answers_text(node, name) {
    const element = only(node, name);
    return element ? textOf(element) : '';
}
function textOf(element) {
    return element.children.length === 0 ? element.text : '';
}
function child(node, name) {
    const element = only(node, name);
    return element && element.children.length > 0 ? element : undefined;
}
/** Each child's text by name; a name that repeats reads as '' (one pass: hostile input may be wide). */
function textRecord(node) {
    const record = Object.create(null);
    const seen = new Set();
    for (const element of node?.children ?? []) {
        record[element.name] = seen.has(element.name) ? '' : textOf(element);
        seen.add(element.name);
    }
    return record;
}
function toJobDetail(node) {
    const job = {
        jobId: xml_answers_text(node, 'JobId'),
        name: xml_answers_text(node, 'Name'),
        type: xml_answers_text(node, 'Type'),
        state: xml_answers_text(node, 'State'),
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
/** The answer of CreateInventoryTriggerJob, DescribeInventoryTriggerJob and DescribeInventoryTriggerJobs. */
function parseJobResponse(xml) {
    const response = parseResponse(xml);
    return {
        requestId: xml_answers_text(response, 'RequestId'),
        jobs: list(response, 'JobsDetail')
            .filter((node) => node.children.length > 0)
            .map(toJobDetail),
        nonExistJobIds: list(response, 'NonExistJobIds')
            .map(textOf)
            .filter((id) => id !== ''),
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
        // ci-api.md writes Name; the DescribeWorkflowExecution page writes WorkflowName.
        name: xml_answers_text(node, 'Name') || xml_answers_text(node, 'WorkflowName'),
        object: xml_answers_text(node, 'Object'),
        state: xml_answers_text(node, 'State'),
        createTime: xml_answers_text(node, 'CreateTime'),
    };
    const topology = list(node, 'Topology');
    if (topology.length > 0)
        execution.topology = topology.length === 1 ? toPlain(topology[0]) : topology.map(toPlain);
    return execution;
}
function parseExecutionResponse(xml) {
    const response = parseResponse(xml);
    const node = list(response, 'WorkflowExecution').find((element) => element.children.length > 0);
    return { requestId: xml_answers_text(response, 'RequestId'), execution: node && toExecution(node) };
}
function parseExecutionsResponse(xml) {
    const response = parseResponse(xml);
    return {
        requestId: xml_answers_text(response, 'RequestId'),
        executions: list(response, 'WorkflowExecutionList')
            .filter((node) => node.children.length > 0)
            .map(toExecution),
        nextToken: xml_answers_text(response, 'NextToken'),
    };
}
/** The `<Error>` document of a failed call; undefined for any other body, well-formed or not. */
function parseErrorBody(xml) {
    let error;
    try {
        error = readXml(xml);
    }
    catch {
        return undefined;
    }
    if (error.name !== 'Error')
        return undefined;
    return { code: xml_answers_text(error, 'Code'), message: xml_answers_text(error, 'Message'), requestId: xml_answers_text(error, 'RequestId') };
}


/***/ })

};
